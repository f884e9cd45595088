#pragma once
// Helpers shared by tests: running quire-cli as a real process, hashing a folder's bytes,
// and searching files for a marker string.

#include <QByteArray>
#include <QCryptographicHash>
#include <QDir>
#include <QDirIterator>
#include <QFile>
#include <QJsonDocument>
#include <QMap>
#include <QProcess>
#include <QProcessEnvironment>
#include <QString>
#include <QStringList>
#include <QTest>

namespace quire::test {

// True in the sanitize build's tests (QUIRE_TESTS_UNDER_SANITIZERS, set by tests/CMakeLists.txt).
// There every instrumented step runs some times slower, so the few tests that repeat one path
// at scale (every transport, tens of MiB) run it once, smaller: the sanitizers look for memory
// errors on the path, the normal build checks the scale.
inline bool underSanitizers() {
    return qEnvironmentVariableIsSet("QUIRE_TESTS_UNDER_SANITIZERS");
}

// A sanitized quire-cli cannot run under libfaketime: at start AddressSanitizer's allocator,
// holding its lock, reads the clock, and libfaketime, not yet set up, allocates to find the real
// clock, so the program hangs (seen with gdb). Tests that move quire-cli's clock skip with this
// under the sanitizers; the normal build runs them.
inline constexpr const char kNoFaketimeUnderSanitizers[] =
    "libfaketime and AddressSanitizer deadlock at a program's start; the normal build runs this";

inline QString cliPath() {
    const QString path = qEnvironmentVariable("QUIRE_CLI");
    if (path.isEmpty()) qFatal("QUIRE_CLI is not set (run the tests through ctest)");
    return path;
}

struct CliResult {
    int exitCode = -1;
    QByteArray out;
    QByteArray err;
    QString outLine() const { return QString::fromUtf8(out).trimmed(); }
};

// What a quire-cli run said, for a failed check's message.
inline QByteArray describe(const CliResult &r) {
    return "exit " + QByteArray::number(r.exitCode) + "\nstdout: " + r.out + "\nstderr: " + r.err;
}

// Fails the test function, with what quire-cli said, unless the run exited 0.
#define CLI_OK(result)                                                                             \
    do {                                                                                           \
        const ::quire::test::CliResult cliOk_ = (result);                                          \
        QVERIFY2(cliOk_.exitCode == 0, ::quire::test::describe(cliOk_).constData());               \
    } while (false)

// A quire-cli run's --json output.
inline QJsonDocument json(const CliResult &r) {
    return QJsonDocument::fromJson(r.out);
}

// A file's bytes, empty if it cannot be read.
inline QByteArray readAll(const QString &path) {
    QFile f(path);
    return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
}

inline bool writeAll(const QString &path, const QByteArray &bytes) {
    QFile f(path);
    return f.open(QIODevice::WriteOnly) && f.write(bytes) == bytes.size();
}

inline QString sha256Hex(const QByteArray &bytes) {
    return QString::fromLatin1(QCryptographicHash::hash(bytes, QCryptographicHash::Sha256).toHex());
}

// Runs quire-cli with the given passphrase in QUIRE_PASSPHRASE (none if empty).
inline CliResult runCli(const QString &vault, const QStringList &args,
                        const QByteArray &passphrase = "correct horse battery staple",
                        const QMap<QString, QString> &extraEnv = {},
                        const QByteArray &stdinData = {}) {
    QProcess p;
    auto env = QProcessEnvironment::systemEnvironment();
    env.remove(QStringLiteral("QUIRE_PASSPHRASE"));
    if (!passphrase.isEmpty())
        env.insert(QStringLiteral("QUIRE_PASSPHRASE"), QString::fromUtf8(passphrase));
    for (auto it = extraEnv.begin(); it != extraEnv.end(); ++it)
        env.insert(it.key(), it.value());
    p.setProcessEnvironment(env);
    p.start(cliPath(), QStringList{QStringLiteral("--vault"), vault} + args);
    if (!p.waitForStarted()) return {};
    if (!stdinData.isEmpty()) p.write(stdinData);
    p.closeWriteChannel();
    p.waitForFinished(600000);
    CliResult r;
    r.exitCode = p.exitStatus() == QProcess::NormalExit ? p.exitCode() : -1;
    r.out = p.readAllStandardOutput();
    r.err = p.readAllStandardError();
    return r;
}

// A command-line tool run to completion (openssl, git, sha256sum...), for cross-checks.
struct Tool {
    int exitCode = -1; // -1: did not start, crashed or timed out
    QByteArray out;
    QByteArray err;
    QString all() const { return QString::fromUtf8(out + err); }
};

inline Tool runTool(const QString &program, const QStringList &args, int timeoutMs = 60000) {
    QProcess p;
    p.start(program, args);
    Tool t;
    if (!p.waitForStarted() || !p.waitForFinished(timeoutMs)) return t;
    t.exitCode = p.exitStatus() == QProcess::NormalExit ? p.exitCode() : -1;
    t.out = p.readAllStandardOutput();
    t.err = p.readAllStandardError();
    return t;
}

// SHA-256 of every file below dir, by relative path.
inline QMap<QString, QByteArray> hashTree(const QString &dir) {
    QMap<QString, QByteArray> out;
    QDirIterator it(dir, QDir::Files | QDir::Hidden, QDirIterator::Subdirectories);
    while (it.hasNext()) {
        const QString path = it.next();
        QFile f(path);
        if (!f.open(QIODevice::ReadOnly)) continue;
        QCryptographicHash h(QCryptographicHash::Sha256);
        h.addData(&f);
        out.insert(QDir(dir).relativeFilePath(path), h.result());
    }
    return out;
}

// Files below dir (or the file itself) whose bytes contain the needle.
inline QStringList filesContaining(const QString &dirOrFile, const QByteArray &needle) {
    QStringList hits;
    QStringList files;
    if (QFileInfo(dirOrFile).isFile()) files << dirOrFile;
    QDirIterator it(dirOrFile, QDir::Files | QDir::Hidden, QDirIterator::Subdirectories);
    while (it.hasNext())
        files << it.next();
    for (const auto &path : files) {
        QFile f(path);
        if (f.open(QIODevice::ReadOnly) && f.readAll().contains(needle)) hits << path;
    }
    return hits;
}

inline void writeFile(const QString &path, const QByteArray &bytes) {
    QFile f(path);
    QVERIFY2(f.open(QIODevice::WriteOnly), qPrintable(f.errorString()));
    f.write(bytes);
}

} // namespace quire::test
