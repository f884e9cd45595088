// GitRemote against real servers started here on 127.0.0.1 (a bare repository path, git daemon,
// git-http-backend behind lighttpd with TLS and basic auth, sshd with key login, ssh-agent)
// with the real libgit2 client, checked with the git command line: what is pushed and fetched
// is exactly what git sees, refusals read as plain advice, secrets never leak, and a transfer
// cut off by a killed server or a killed client leaves the previous refs and a sound repository
// behind, so that the next sync completes.

#include "GitServers.h"
#include "sync/GitRemote.h"
#include "sync/ObjectRepository.h"
#include "TestSupport.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QRandomGenerator>
#include <QScopeGuard>
#include <QTemporaryDir>
#include <QTest>

#include <signal.h>

#include <atomic>
#include <chrono>
#include <cstdio>
#include <optional>
#include <thread>

using quire::FetchOutcome;
using quire::GitRemote;
using quire::ObjectRepository;
using quire::PushOutcome;
using quire::RemoteCredentials;
using quire::TransferProgress;
using quire::crypto::SecureBytes;
using namespace quire::test;

namespace {

const QString kMain = QStringLiteral("main");
const QString kHeadsMain = QStringLiteral("refs/heads/main");
const QString kTracking = QStringLiteral("refs/remotes/origin/main");
const QString kUser = QStringLiteral("alice");
constexpr qint64 kBigPackSize = 40 << 20;
const QString kLostMessage =
    QStringLiteral("the connection was lost during the transfer; nothing was changed — sync again");
const QString kLostPushMessage = QStringLiteral(
    "the connection was lost during the transfer; nothing half-done was kept — sync again");

QByteArray randomBytes(qsizetype size) {
    QByteArray bytes(size, Qt::Uninitialized);
    QRandomGenerator::global()->fillRange(reinterpret_cast<quint32 *>(bytes.data()),
                                          size / qsizetype(sizeof(quint32)));
    return bytes;
}

QByteArray revParse(const QString &repo, const QString &rev) {
    const CommandResult result =
        runGit({QStringLiteral("--git-dir=") + repo, QStringLiteral("rev-parse"),
                QStringLiteral("--verify"), QStringLiteral("--quiet"), rev});
    return result.ok() ? result.out.trimmed() : QByteArray();
}

// `git fsck --full` finds nothing wrong (dangling objects from a cut-off transfer are fine).
QString fsckProblems(const QString &repo) {
    const CommandResult result = runGit(
        {QStringLiteral("--git-dir=") + repo, QStringLiteral("fsck"), QStringLiteral("--full"),
         QStringLiteral("--no-dangling"), QStringLiteral("--no-progress")});
    if (result.ok() && result.out.trimmed().isEmpty()) return {};
    return QStringLiteral("fsck of %1 exited %2: %3 %4")
        .arg(repo)
        .arg(result.exitCode)
        .arg(QString::fromUtf8(result.out), QString::fromUtf8(result.err));
}

// A commit on refs/heads/main holding the given files (blobs written by ObjectRepository, the
// tree and commit by the git command line), with the previous main as parent unless orphan.
QByteArray commitFiles(const QString &repo, const QMap<QString, QByteArray> &files,
                       const QString &message, bool orphan = false) {
    auto store = ObjectRepository::openOrCreate(repo);
    if (!store) return {};
    QByteArray treeListing;
    for (auto it = files.begin(); it != files.end(); ++it) {
        const auto oid = store->writeBlob(it.value());
        if (!oid) return {};
        treeListing += "100644 blob " + *oid + '\t' + it.key().toUtf8() + '\n';
    }
    const CommandResult tree =
        runGit({QStringLiteral("--git-dir=") + repo, QStringLiteral("mktree")}, treeListing);
    if (!tree.ok()) return {};
    QStringList arguments{QStringLiteral("--git-dir=") + repo, QStringLiteral("commit-tree"),
                          QString::fromLatin1(tree.out.trimmed()), QStringLiteral("-m"), message};
    const QByteArray parent = revParse(repo, kHeadsMain);
    if (!parent.isEmpty() && !orphan)
        arguments << QStringLiteral("-p") << QString::fromLatin1(parent);
    const QMap<QString, QString> identity{
        {QStringLiteral("GIT_AUTHOR_NAME"), QStringLiteral("member")},
        {QStringLiteral("GIT_AUTHOR_EMAIL"), QStringLiteral("member@quire.invalid")},
        {QStringLiteral("GIT_COMMITTER_NAME"), QStringLiteral("member")},
        {QStringLiteral("GIT_COMMITTER_EMAIL"), QStringLiteral("member@quire.invalid")}};
    const CommandResult commit = runCommand(QStringLiteral("git"), arguments, {}, {}, identity);
    if (!commit.ok()) return {};
    const QByteArray oid = commit.out.trimmed();
    if (!runGit({QStringLiteral("--git-dir=") + repo, QStringLiteral("update-ref"), kHeadsMain,
                 QString::fromLatin1(oid)})
             .ok())
        return {};
    return oid;
}

// A case that kills or freezes its server has it running again on every way out, a failed
// check included, so that one failure does not turn every later case into "connection refused".
class ServerBackOnExit {
public:
    explicit ServerBackOnExit(ServerProcess *server)
        : m_server(server) {}
    ~ServerBackOnExit() {
        if (QTest::currentTestFailed()) m_server->kill(); // it may be frozen, or half-killed
        if (!m_server->isRunning()) m_server->start();
    }
    ServerBackOnExit(const ServerBackOnExit &) = delete;
    ServerBackOnExit &operator=(const ServerBackOnExit &) = delete;

private:
    ServerProcess *m_server;
};

// The child half of clientKilledDuringFetch: fetches and prints its progress until the parent
// kills it.
int runFetchChild() {
    const QString repo = qEnvironmentVariable("QUIRE_TST_CHILD_REPO");
    const QString url = qEnvironmentVariable("QUIRE_TST_CHILD_URL");
    const auto outcome = GitRemote::fetch(
        repo, url, RemoteCredentials{}, kMain, kTracking, [](const TransferProgress &progress) {
            std::printf("bytes %lld\n", static_cast<long long>(progress.bytes));
            std::fflush(stdout);
        });
    std::printf("done %s\n", outcome ? "ok" : qPrintable(outcome.error()));
    return outcome ? 0 : 1;
}

} // namespace

class GitRemoteTest : public QObject {
    Q_OBJECT

private slots:
    void initTestCase();

    void redactUrlRemovesUserAndPassword_data();
    void redactUrlRemovesUserAndPassword();
    void addressesAreCheckedBeforeAnyConnection_data();
    void addressesAreCheckedBeforeAnyConnection();

    void pushAndFetchRoundTripOverEachTransport_data();
    void pushAndFetchRoundTripOverEachTransport();
    void serverHookRefusalIsAnErrorNotARetry();

    void wrongPasswordIsRefusedOnceWithoutRevealingIt();
    void missingLoginIsExplained();
    void wrongSshKeyIsRefused();
    void untrustedCertificateIsRefused();
    void systemCertificateStoreIsTrusted();
    void certificateForAnotherNameIsRefused();
    void sshHostKeyIsReportedAndPinned();
    void unreachableServerIsReported_data();
    void unreachableServerIsReported();
    void missingRepositoryIsReported();
    void folderFetchTakesTheServersPacksWhole();
    void folderFetchRefusesADamagedPackAndKeepsTrackingRef();
    void folderFetchFallsBackWhenThePacksDoNotHoldEverything();

    // These share one big source repository and, per transport, the server repository the
    // first of them fills; each also works alone.
    void serverKilledDuringPushKeepsRemoteRef_data();
    void serverKilledDuringPushKeepsRemoteRef();
    void serverKilledDuringFetchKeepsTrackingRef_data();
    void serverKilledDuringFetchKeepsTrackingRef();
    void cancelDuringFetchKeepsTrackingRef();
    void cancelDuringPushKeepsRemoteRef();
    void clientKilledDuringFetchThenNextFetchCompletes();
    void silentServerIsGivenUpAfterStallTimeout_data();
    void silentServerIsGivenUpAfterStallTimeout();
    void cancelWorksWhileServerIsSilent();

    void secretsAppearInNoMessageAndNoClientFile();

private:
    QString serverRepo(const QString &name, bool forBigTransfers = false);
    QString clientRepo();
    QString urlFor(const QString &transport, const QString &repoName) const;
    RemoteCredentials credentialsFor(const QString &transport) const;
    void remember(const QString &message) { m_messages << message; }
    // A connection cut off must not leave its socket open in this process.
    void checkNoSocketLeft(const QString &transport, qsizetype socketsBefore) {
        const qsizetype left = ownTcpBytes(Direction::Sent).size() - socketsBefore;
        if (transport.startsWith(QStringLiteral("https"))) {
            // libgit2 1.5's mbedTLS stream returns from close() before closing the socket when
            // the TLS goodbye cannot be sent to a peer that is gone: one descriptor leaks.
            if (left > 0) qInfo("libgit2's https transport left %lld socket(s) open", qint64(left));
            return;
        }
        QCOMPARE(left, qsizetype(0));
    }
    ServerProcess *serverFor(const QString &transport) const;
    // A client repository whose branch "before" is a small commit and whose main adds ~40 MB
    // of random blobs on top, so that transfers last long enough to be cut in the middle.
    // Made once; the interrupted-transfer tests share it.
    bool makeBigSource();
    // A server repository (for transport) whose main is the big source's main.
    QString bigServerRepo(const QString &transport);
    // A new client repository whose tracking ref is the big source's "before".
    QString readerAtBefore();

    QTemporaryDir m_dir;
    QString m_serverRoot;
    QByteArray m_password;
    QByteArray m_privateKey;
    std::unique_ptr<GitDaemon> m_daemon;
    std::unique_ptr<HttpsGitServer> m_https;
    std::unique_ptr<SshGitServer> m_ssh;
    std::unique_ptr<SshAgent> m_agent;
    QStringList m_messages;
    QStringList m_clientRepos;
    struct BigSource {
        QString repo;
        QByteArray before;
        QByteArray head;
        // Holds only "before" as main: libgit2's local transport fetches the objects of every
        // ref in the source repository, whichever branch was asked for.
        QString beforeRepo;
    } m_big;
    QMap<QString, QString> m_bigServerRepos;
    int m_clientCount = 0;
};

void GitRemoteTest::initTestCase() {
    QVERIFY(m_dir.isValid());
    m_serverRoot = m_dir.filePath(QStringLiteral("server"));
    QVERIFY(QDir().mkpath(m_serverRoot));
    // Distinctive, so that a leak anywhere is found by a plain search.
    m_password = "tok-" + randomBytes(18).toHex();

    m_daemon = std::make_unique<GitDaemon>(m_serverRoot);
    QVERIFY2(m_daemon->start(), qPrintable(m_daemon->error()));
    m_https =
        std::make_unique<HttpsGitServer>(m_serverRoot, kUser, QString::fromLatin1(m_password));
    QVERIFY2(m_https->start(), qPrintable(m_https->error()));
    m_ssh = std::make_unique<SshGitServer>();
    QVERIFY2(m_ssh->start(), qPrintable(m_ssh->error()));
    m_privateKey = readAll(m_ssh->clientKeyPath());
    QVERIFY(m_privateKey.contains("PRIVATE KEY"));
    m_agent = std::make_unique<SshAgent>();
    QVERIFY(m_agent->start());
    QVERIFY(m_agent->add(m_ssh->clientKeyPath()));
    // libssh2 finds the agent through the environment, as it would in a desktop session.
    qputenv("SSH_AUTH_SOCK", m_agent->socketPath().toUtf8());
}

QString GitRemoteTest::serverRepo(const QString &name, bool forBigTransfers) {
    const QString path = QDir(m_serverRoot).filePath(name + QStringLiteral(".git"));
    if (!makeBareRepo(path)) return {};
    // Where 40 MB move, the server keeps what it receives as a pack and searches no deltas, so
    // that serving it again costs no recompression: those seconds prove nothing about the client.
    for (const auto &[key, value] :
         {std::pair{QStringLiteral("pack.window"), QStringLiteral("0")},
          std::pair{QStringLiteral("transfer.unpackLimit"), QStringLiteral("1")}})
        if (forBigTransfers &&
            !runGit({QStringLiteral("--git-dir=") + path, QStringLiteral("config"), key, value})
                 .ok())
            return {};
    return name + QStringLiteral(".git");
}

QString GitRemoteTest::clientRepo() {
    const QString path = m_dir.filePath(QStringLiteral("client-%1.git").arg(++m_clientCount));
    if (!ObjectRepository::openOrCreate(path)) return {};
    m_clientRepos << path;
    return path;
}

QString GitRemoteTest::urlFor(const QString &transport, const QString &repoName) const {
    const QString absolute = QDir(m_serverRoot).filePath(repoName);
    if (transport == QStringLiteral("path")) return absolute;
    if (transport == QStringLiteral("file")) return QStringLiteral("file://") + absolute;
    if (transport == QStringLiteral("git")) return m_daemon->url(repoName);
    if (transport == QStringLiteral("https")) return m_https->url(repoName);
    if (transport == QStringLiteral("https-localhost"))
        return m_https->url(repoName, QStringLiteral("localhost"));
    if (transport.startsWith(QStringLiteral("ssh"))) return m_ssh->url(absolute);
    return {};
}

RemoteCredentials GitRemoteTest::credentialsFor(const QString &transport) const {
    RemoteCredentials credentials;
    if (transport.startsWith(QStringLiteral("https"))) {
        credentials.user = kUser;
        credentials.secret = SecureBytes(m_password);
        credentials.extraCaPemFile = m_https->caPemPath();
    } else if (transport == QStringLiteral("ssh-key")) {
        credentials.sshPrivateKey = SecureBytes(m_privateKey);
        credentials.sshHostKeySha256 = m_ssh->hostKeySha256();
    } else if (transport == QStringLiteral("ssh-agent")) {
        credentials.sshHostKeySha256 = m_ssh->hostKeySha256();
    }
    return credentials;
}

ServerProcess *GitRemoteTest::serverFor(const QString &transport) const {
    if (transport == QStringLiteral("git")) return m_daemon.get();
    if (transport.startsWith(QStringLiteral("https"))) return m_https.get();
    if (transport.startsWith(QStringLiteral("ssh"))) return m_ssh.get();
    return nullptr;
}

bool GitRemoteTest::makeBigSource() {
    if (!m_big.repo.isEmpty()) return true;
    const QString repo = clientRepo();
    // Ciphertext never deltas, so searching for deltas only burns seconds per attempt; libgit2
    // honours pack.windowMemory, and 1 byte turns the search off.
    if (!runGit({QStringLiteral("--git-dir=") + repo, QStringLiteral("config"),
                 QStringLiteral("pack.windowMemory"), QStringLiteral("1")})
             .ok())
        return false;
    const QByteArray before =
        commitFiles(repo, {{QStringLiteral("QUIRE.json"), "{}"}}, QStringLiteral("before"));
    if (before.isEmpty() ||
        !runGit({QStringLiteral("--git-dir=") + repo, QStringLiteral("update-ref"),
                 QStringLiteral("refs/heads/before"), QString::fromLatin1(before)})
             .ok())
        return false;
    QMap<QString, QByteArray> files;
    for (int i = 0; i < 10; ++i)
        files.insert(QStringLiteral("chunk-%1").arg(i), randomBytes(kBigPackSize / 10));
    const QByteArray head = commitFiles(repo, files, QStringLiteral("big"));
    if (head.isEmpty()) return false;
    const QString beforeRepo = m_dir.filePath(QStringLiteral("before.git"));
    if (!makeBareRepo(beforeRepo)) return false;
    const auto seeded =
        GitRemote::push(repo, beforeRepo, {}, QStringLiteral("refs/heads/before"), kMain);
    if (!seeded || seeded->rejected) return false;
    m_big = {repo, before, head, beforeRepo};
    return true;
}

QString GitRemoteTest::bigServerRepo(const QString &transport) {
    if (m_bigServerRepos.contains(transport)) return m_bigServerRepos.value(transport);
    if (!makeBigSource()) return {};
    const QString name = serverRepo(QStringLiteral("big-") + transport, true);
    const auto pushed = GitRemote::push(m_big.repo, urlFor(transport, name),
                                        credentialsFor(transport), kHeadsMain, kMain);
    if (!pushed || pushed->rejected) return {};
    m_bigServerRepos.insert(transport, name);
    return name;
}

QString GitRemoteTest::readerAtBefore() {
    if (!makeBigSource()) return {};
    const QString reader = clientRepo();
    const auto fetched = GitRemote::fetch(reader, m_big.beforeRepo, {}, kMain, kTracking);
    return fetched && revParse(reader, kTracking) == m_big.before ? reader : QString();
}

// ---- addresses ----

void GitRemoteTest::redactUrlRemovesUserAndPassword_data() {
    QTest::addColumn<QString>("url");
    QTest::addColumn<QString>("redacted");
    QTest::newRow("https user and password") << "https://alice:s3cret@git.lab.example:8443/nb.git"
                                             << "https://git.lab.example:8443/nb.git";
    QTest::newRow("password with slash") << "https://alice:pa/ss@host/nb.git"
                                         << "https://host/nb.git";
    QTest::newRow("password with at") << "https://alice:p@ss@host/nb.git"
                                      << "https://host/nb.git";
    QTest::newRow("ssh user") << "ssh://git@host:2222/srv/nb.git"
                              << "ssh://host:2222/srv/nb.git";
    QTest::newRow("scp-like") << "git@host:lab/nb.git"
                              << "host:lab/nb.git";
    QTest::newRow("no user info") << "https://host:8443/a@b/nb.git"
                                  << "https://host:8443/a@b/nb.git";
    QTest::newRow("path") << "/mnt/share/nb.git"
                          << "/mnt/share/nb.git";
}

void GitRemoteTest::redactUrlRemovesUserAndPassword() {
    QFETCH(QString, url);
    QFETCH(QString, redacted);
    QCOMPARE(GitRemote::redactUrl(url), redacted);
}

void GitRemoteTest::addressesAreCheckedBeforeAnyConnection_data() {
    QTest::addColumn<QString>("url");
    QTest::addColumn<QString>("expected"); // part of the message; empty = accepted
    QTest::newRow("empty") << ""
                           << "no server address is set";
    QTest::newRow("http") << "http://host/nb.git"
                          << "use the server's https:// address";
    QTest::newRow("password in address") << "https://alice:hunter22@host/nb.git"
                                         << "contains a password";
    QTest::newRow("unknown scheme") << "ftp://host/nb.git"
                                    << "addresses are not supported";
    QTest::newRow("no repository") << "https://host/"
                                   << "names no repository";
    QTest::newRow("relative path") << "nb.git"
                                   << "is not a server address";
    QTest::newRow("remote file") << "file://server/share/nb.git"
                                 << "mount the network share";
    QTest::newRow("path") << "/mnt/share/nb.git"
                          << "";
    QTest::newRow("file") << "file:///mnt/share/nb.git"
                          << "";
    QTest::newRow("git") << "git://host/nb.git"
                         << "";
    QTest::newRow("ssh") << "ssh://git@host:2222/srv/nb.git"
                         << "";
    QTest::newRow("scp-like") << "git@host:lab/nb.git"
                              << "";
    QTest::newRow("https") << "https://host:8443/nb.git"
                           << "";
}

void GitRemoteTest::addressesAreCheckedBeforeAnyConnection() {
    QFETCH(QString, url);
    QFETCH(QString, expected);
    const auto valid = GitRemote::validateUrl(url);
    if (expected.isEmpty()) {
        QVERIFY2(valid.ok(), qPrintable(valid.error()));
        return;
    }
    QVERIFY(!valid.ok());
    QVERIFY2(valid.error().contains(expected), qPrintable(valid.error()));
    QVERIFY2(!valid.error().contains(QStringLiteral("hunter22")), qPrintable(valid.error()));
    // fetch and push refuse the same address without touching the repository.
    const QString repo = clientRepo();
    const auto fetched = GitRemote::fetch(repo, url, {}, kMain, kTracking);
    QCOMPARE(fetched.error(), valid.error());
}

// ---- transfers ----

void GitRemoteTest::pushAndFetchRoundTripOverEachTransport_data() {
    QTest::addColumn<QString>("transport");
    for (const char *transport :
         {"path", "file", "git", "https", "https-localhost", "ssh-key", "ssh-agent"})
        QTest::newRow(transport) << QString::fromLatin1(transport);
}

void GitRemoteTest::pushAndFetchRoundTripOverEachTransport() {
    QFETCH(QString, transport);
    const QString name = serverRepo(QStringLiteral("roundtrip-") + transport);
    QVERIFY(!name.isEmpty());
    const QString origin = QDir(m_serverRoot).filePath(name);
    const QString url = urlFor(transport, name);
    const RemoteCredentials credentials = credentialsFor(transport);

    // Fetching a new, empty shared repository finds nothing and changes nothing.
    const QString reader = clientRepo();
    auto empty = GitRemote::fetch(reader, url, credentials, kMain, kTracking);
    QVERIFY2(empty.ok(), qPrintable(empty.error()));
    QVERIFY(empty->remoteHead.isEmpty());
    QVERIFY(revParse(reader, kTracking).isEmpty());

    const QString writer = clientRepo();
    QVERIFY(!commitFiles(writer,
                         {{QStringLiteral("QUIRE.json"), QByteArray("{\"format\":\"quire/1\"}")},
                          {QStringLiteral("a"), randomBytes(64 << 10)}},
                         QStringLiteral("first"))
                 .isEmpty());
    QVERIFY(!commitFiles(writer, {{QStringLiteral("b"), randomBytes(300 << 10)}},
                         QStringLiteral("second"))
                 .isEmpty());
    const QByteArray head = commitFiles(
        writer, {{QStringLiteral("c"), randomBytes(1 << 20)}, {QStringLiteral("d"), "small"}},
        QStringLiteral("third"));
    QVERIFY(!head.isEmpty());

    QList<TransferProgress> pushProgress;
    auto pushed = GitRemote::push(writer, url, credentials, kHeadsMain, kMain,
                                  [&](const TransferProgress &p) { pushProgress << p; });
    QVERIFY2(pushed.ok(), qPrintable(pushed.error()));
    QVERIFY2(!pushed->rejected, qPrintable(pushed->message));
    QCOMPARE(pushed->pushedHead, head);
    QCOMPARE(revParse(origin, kHeadsMain), head);
    QCOMPARE(fsckProblems(origin), QString());
    if (transport.startsWith(QStringLiteral("ssh")))
        QCOMPARE(pushed->sshHostKeySha256, m_ssh->hostKeySha256());
    if (transport != QStringLiteral("path") && transport != QStringLiteral("file")) {
        QVERIFY(!pushProgress.isEmpty());
        QCOMPARE(pushProgress.last().objectsDone, pushProgress.last().objectsTotal);
        QVERIFY(pushProgress.last().bytes > (1 << 20));
    }

    QList<TransferProgress> fetchProgress;
    auto fetched = GitRemote::fetch(reader, url, credentials, kMain, kTracking,
                                    [&](const TransferProgress &p) { fetchProgress << p; });
    QVERIFY2(fetched.ok(), qPrintable(fetched.error()));
    QCOMPARE(fetched->remoteHead, head);
    QCOMPARE(revParse(reader, kTracking), head);
    QCOMPARE(revParse(reader, QString::fromLatin1(head) + QStringLiteral("^{tree}")),
             revParse(writer, QString::fromLatin1(head) + QStringLiteral("^{tree}")));
    QCOMPARE(runGit({QStringLiteral("--git-dir=") + reader, QStringLiteral("rev-list"),
                     QStringLiteral("--objects"), kTracking})
                 .out,
             runGit({QStringLiteral("--git-dir=") + writer, QStringLiteral("rev-list"),
                     QStringLiteral("--objects"), kHeadsMain})
                 .out);
    QCOMPARE(fsckProblems(reader), QString());
    QVERIFY(!fetchProgress.isEmpty());
    QCOMPARE(fetchProgress.last().objectsDone, fetchProgress.last().objectsTotal);
    QVERIFY(fetchProgress.last().objectsTotal >= 9); // 3 commits, 3 trees, 5 blobs at least
    // Nothing about the server lands in the repository: no remote section, and FETCH_HEAD
    // (which libgit2 1.5 creates even when told not to write it) stays empty.
    QVERIFY(readAll(QDir(reader).filePath(QStringLiteral("FETCH_HEAD"))).isEmpty());
    QVERIFY(!readAll(QDir(reader).filePath(QStringLiteral("config"))).contains("remote"));
    QVERIFY(!readAll(QDir(writer).filePath(QStringLiteral("config"))).contains("remote"));

    // Pushing what the server already has is a quiet success.
    auto again = GitRemote::push(writer, url, credentials, kHeadsMain, kMain);
    QVERIFY2(again.ok() && !again->rejected, qPrintable(again.error()));

    // A copy that never saw the server's history, and one whose commit is not on top of the
    // server's: both are told to fetch and merge; the server keeps its branch.
    const QString stranger = clientRepo();
    QVERIFY(!commitFiles(stranger, {{QStringLiteral("x"), "other history"}},
                         QStringLiteral("unrelated"))
                 .isEmpty());
    auto strangerPush = GitRemote::push(stranger, url, credentials, kHeadsMain, kMain);
    QVERIFY2(strangerPush.ok(), qPrintable(strangerPush.error()));
    QVERIFY(strangerPush->rejected);
    QVERIFY(strangerPush->message.contains(QStringLiteral("fetch and merge")));
    QVERIFY(strangerPush->pushedHead.isEmpty());
    remember(strangerPush->message);

    QVERIFY(runGit({QStringLiteral("--git-dir=") + reader, QStringLiteral("update-ref"), kHeadsMain,
                    QString::fromLatin1(head) + QStringLiteral("~1")})
                .ok());
    QVERIFY(!commitFiles(reader, {{QStringLiteral("e"), "diverged"}}, QStringLiteral("side"))
                 .isEmpty());
    auto divergedPush = GitRemote::push(reader, url, credentials, kHeadsMain, kMain);
    QVERIFY2(divergedPush.ok(), qPrintable(divergedPush.error()));
    QVERIFY(divergedPush->rejected);
    QCOMPARE(revParse(origin, kHeadsMain), head);
    QCOMPARE(fsckProblems(origin), QString());
}

void GitRemoteTest::serverHookRefusalIsAnErrorNotARetry() {
    // A server-side rule (here a pre-receive hook) is for an administrator to lift: retrying
    // after a merge would loop, so it is an error, and the server's branch stays.
    const QString name = serverRepo(QStringLiteral("hooked"));
    const QString origin = QDir(m_serverRoot).filePath(name);
    writeFile(QDir(origin).filePath(QStringLiteral("hooks/pre-receive")),
              "#!/bin/sh\necho 'notebook is frozen' >&2\nexit 1\n");
    QVERIFY(QFile::setPermissions(QDir(origin).filePath(QStringLiteral("hooks/pre-receive")),
                                  QFile::ReadOwner | QFile::WriteOwner | QFile::ExeOwner));
    const QString writer = clientRepo();
    QVERIFY(!commitFiles(writer, {{QStringLiteral("a"), "a"}}, QStringLiteral("one")).isEmpty());
    auto pushed =
        GitRemote::push(writer, urlFor(QStringLiteral("git"), name), {}, kHeadsMain, kMain);
    QVERIFY(!pushed.ok());
    QVERIFY2(pushed.error().contains(QStringLiteral("refused the push to main")),
             qPrintable(pushed.error()));
    QVERIFY2(pushed.error().contains(QStringLiteral("hook declined")), qPrintable(pushed.error()));
    QVERIFY(revParse(origin, kHeadsMain).isEmpty());
    remember(pushed.error());
}

// ---- refusals ----

void GitRemoteTest::wrongPasswordIsRefusedOnceWithoutRevealingIt() {
    const QString name = serverRepo(QStringLiteral("login"));
    const QString repo = clientRepo();
    RemoteCredentials credentials = credentialsFor(QStringLiteral("https"));
    const QByteArray wrong = "wrong-" + randomBytes(12).toHex();
    credentials.secret = SecureBytes(wrong);
    QElapsedTimer timer;
    timer.start();
    auto fetched = GitRemote::fetch(repo, urlFor(QStringLiteral("https"), name), credentials, kMain,
                                    kTracking);
    QVERIFY(!fetched.ok());
    QCOMPARE(fetched.error(), QStringLiteral("the server refused the login for user alice: check "
                                             "the user name and token"));
    QVERIFY(timer.elapsed() < 10000); // asked once more at most, never in a loop
    QVERIFY(!fetched.error().contains(QString::fromLatin1(wrong)));
    remember(fetched.error());

    // The wrong user with the right password gets the same advice, when pushing too.
    credentials.user = QStringLiteral("mallory");
    credentials.secret = SecureBytes(m_password);
    QVERIFY(!commitFiles(repo, {{QStringLiteral("a"), "a"}}, QStringLiteral("one")).isEmpty());
    auto pushed = GitRemote::push(repo, urlFor(QStringLiteral("https"), name), credentials,
                                  kHeadsMain, kMain);
    QVERIFY(!pushed.ok());
    QCOMPARE(pushed.error(), QStringLiteral("the server refused the login for user mallory: "
                                            "check the user name and token"));
    remember(pushed.error());
}

void GitRemoteTest::missingLoginIsExplained() {
    const QString name = serverRepo(QStringLiteral("nologin"));
    RemoteCredentials credentials;
    credentials.extraCaPemFile = m_https->caPemPath();
    auto fetched = GitRemote::fetch(clientRepo(), urlFor(QStringLiteral("https"), name),
                                    credentials, kMain, kTracking);
    QVERIFY(!fetched.ok());
    QCOMPARE(fetched.error(),
             QStringLiteral("the server 127.0.0.1:%1 asks for a login: enter a user name and a "
                            "password or token")
                 .arg(m_https->port()));
}

void GitRemoteTest::wrongSshKeyIsRefused() {
    const QString name = serverRepo(QStringLiteral("sshkey"));
    const QString otherKey = m_dir.filePath(QStringLiteral("stranger_ed25519"));
    QVERIFY(sshKeygen(QStringLiteral("ed25519"), otherKey).ok());
    RemoteCredentials credentials = credentialsFor(QStringLiteral("ssh-key"));
    const QByteArray strangerKey = readAll(otherKey);
    credentials.sshPrivateKey = SecureBytes(strangerKey);
    auto fetched = GitRemote::fetch(clientRepo(), urlFor(QStringLiteral("ssh-key"), name),
                                    credentials, kMain, kTracking);
    QVERIFY(!fetched.ok());
    QCOMPARE(fetched.error(),
             QStringLiteral("the server refused the login for user root with this ssh key: ask "
                            "for its public key to be authorised on the server"));
    for (const QByteArray &line : strangerKey.split('\n'))
        if (line.size() > 16) QVERIFY(!fetched.error().contains(QString::fromLatin1(line)));
    remember(fetched.error());
}

void GitRemoteTest::untrustedCertificateIsRefused() {
    const QString name = serverRepo(QStringLiteral("untrusted"));
    RemoteCredentials credentials = credentialsFor(QStringLiteral("https"));
    credentials.extraCaPemFile.clear();
    const QString repo = clientRepo();
    auto fetched = GitRemote::fetch(repo, urlFor(QStringLiteral("https"), name), credentials, kMain,
                                    kTracking);
    QVERIFY(!fetched.ok());
    QVERIFY2(fetched.error().startsWith(
                 QStringLiteral("the server's certificate is not trusted (not issued by the "
                                "system's or the configured certificate authority)")),
             qPrintable(fetched.error()));
    remember(fetched.error());

    // An authority file that is not there is named as such, not as an untrusted server.
    credentials.extraCaPemFile = m_dir.filePath(QStringLiteral("missing-ca.pem"));
    fetched = GitRemote::fetch(repo, urlFor(QStringLiteral("https"), name), credentials, kMain,
                               kTracking);
    QVERIFY(!fetched.ok());
    QCOMPARE(fetched.error(), QStringLiteral("the certificate authority file %1 does not exist")
                                  .arg(credentials.extraCaPemFile));
}

void GitRemoteTest::systemCertificateStoreIsTrusted() {
    // OpenSSL's system store can be pointed elsewhere with SSL_CERT_FILE: with the test CA as
    // "the system's" authority, no extra authority is needed.
    const QString name = serverRepo(QStringLiteral("systemstore"));
    RemoteCredentials credentials = credentialsFor(QStringLiteral("https"));
    credentials.extraCaPemFile.clear();
    const QByteArray previous = qgetenv("SSL_CERT_FILE");
    qputenv("SSL_CERT_FILE", m_https->caPemPath().toUtf8());
    auto fetched = GitRemote::fetch(clientRepo(), urlFor(QStringLiteral("https"), name),
                                    credentials, kMain, kTracking);
    if (previous.isEmpty())
        qunsetenv("SSL_CERT_FILE");
    else
        qputenv("SSL_CERT_FILE", previous);
    QVERIFY2(fetched.ok(), qPrintable(fetched.error()));
    QVERIFY(fetched->remoteHead.isEmpty());
}

void GitRemoteTest::certificateForAnotherNameIsRefused() {
    HttpsGitServer other(m_serverRoot, kUser, QString::fromLatin1(m_password),
                         {QStringLiteral("notebook.lab.invalid")});
    QVERIFY2(other.start(), qPrintable(other.error()));
    const QString name = serverRepo(QStringLiteral("othername"));
    RemoteCredentials credentials = credentialsFor(QStringLiteral("https"));
    credentials.extraCaPemFile = other.caPemPath(); // trusted authority, wrong name
    auto fetched = GitRemote::fetch(clientRepo(), other.url(name), credentials, kMain, kTracking);
    QVERIFY(!fetched.ok());
    QVERIFY2(fetched.error().startsWith(
                 QStringLiteral("the server's certificate is not valid for the name 127.0.0.1")),
             qPrintable(fetched.error()));
    // And by name: localhost is not in that certificate either.
    fetched = GitRemote::fetch(clientRepo(), other.url(name, QStringLiteral("localhost")),
                               credentials, kMain, kTracking);
    QVERIFY(!fetched.ok());
    QVERIFY2(fetched.error().startsWith(
                 QStringLiteral("the server's certificate is not valid for the name localhost")),
             qPrintable(fetched.error()));
    remember(fetched.error());
}

void GitRemoteTest::sshHostKeyIsReportedAndPinned() {
    const QString name = serverRepo(QStringLiteral("hostkey"));
    const QString url = urlFor(QStringLiteral("ssh-key"), name);
    const QString repo = clientRepo();
    RemoteCredentials credentials = credentialsFor(QStringLiteral("ssh-key"));

    // Trust on first use: no pin, the key is reported, matching what ssh-keygen says.
    credentials.sshHostKeySha256.clear();
    auto first = GitRemote::fetch(repo, url, credentials, kMain, kTracking);
    QVERIFY2(first.ok(), qPrintable(first.error()));
    QCOMPARE(first->sshHostKeySha256, m_ssh->hostKeySha256());
    const CommandResult fingerprint =
        runCommand(QStringLiteral("ssh-keygen"),
                   {QStringLiteral("-l"), QStringLiteral("-E"), QStringLiteral("sha256"),
                    QStringLiteral("-f"), m_ssh->hostKeyPath() + QStringLiteral(".pub")});
    QVERIFY(fingerprint.ok());
    const QByteArray sshKeygenForm = fingerprint.out.split(' ').value(1); // "SHA256:base64"
    QVERIFY(sshKeygenForm.startsWith("SHA256:"));
    QCOMPARE(QByteArray::fromBase64(sshKeygenForm.mid(7)).toHex(),
             first->sshHostKeySha256.toLatin1());

    // The pin in ssh-keygen's own form is accepted too.
    credentials.sshHostKeySha256 = QString::fromLatin1(sshKeygenForm);
    auto pinned = GitRemote::fetch(repo, url, credentials, kMain, kTracking);
    QVERIFY2(pinned.ok(), qPrintable(pinned.error()));

    // Another key: refused, with both fingerprints so a person can compare them.
    const QString expected = QString::fromLatin1(quire::crypto::toHex(randomBytes(32)));
    credentials.sshHostKeySha256 = expected;
    auto changed = GitRemote::fetch(repo, url, credentials, kMain, kTracking);
    QVERIFY(!changed.ok());
    QVERIFY2(changed.error().startsWith(
                 QStringLiteral("the server's host key has changed: expected SHA-256 %1, got %2")
                     .arg(expected, m_ssh->hostKeySha256())),
             qPrintable(changed.error()));
    remember(changed.error());

    credentials.sshHostKeySha256 = QStringLiteral("not-a-fingerprint");
    auto malformed = GitRemote::fetch(repo, url, credentials, kMain, kTracking);
    QVERIFY(!malformed.ok());
    QVERIFY2(malformed.error().contains(QStringLiteral("is not a SHA-256 fingerprint")),
             qPrintable(malformed.error()));
}

void GitRemoteTest::unreachableServerIsReported_data() {
    QTest::addColumn<QString>("scheme");
    QTest::newRow("git") << "git";
    QTest::newRow("https") << "https";
    QTest::newRow("ssh") << "ssh";
}

void GitRemoteTest::unreachableServerIsReported() {
    QFETCH(QString, scheme);
    const quint16 port = freeLoopbackPort();
    const QString url = scheme == QStringLiteral("ssh")
                            ? QStringLiteral("ssh://root@127.0.0.1:%1/srv/nb.git").arg(port)
                            : QStringLiteral("%1://127.0.0.1:%2/nb.git").arg(scheme).arg(port);
    RemoteCredentials credentials =
        credentialsFor(scheme == QStringLiteral("ssh") ? QStringLiteral("ssh-key") : scheme);
    const QString repo = clientRepo();
    QVERIFY(!commitFiles(repo, {{QStringLiteral("a"), "a"}}, QStringLiteral("one")).isEmpty());
    const QString expected =
        QStringLiteral("could not reach the server 127.0.0.1:%1: connection refused").arg(port);
    auto fetched = GitRemote::fetch(repo, url, credentials, kMain, kTracking);
    QVERIFY(!fetched.ok());
    QCOMPARE(fetched.error(), expected);
    auto pushed = GitRemote::push(repo, url, credentials, kHeadsMain, kMain);
    QVERIFY(!pushed.ok());
    QCOMPARE(pushed.error(), expected);
    remember(pushed.error());
}

void GitRemoteTest::missingRepositoryIsReported() {
    const QString repo = clientRepo();
    const QString missing = m_dir.filePath(QStringLiteral("no-such-share/nb.git"));
    auto local = GitRemote::fetch(repo, missing, {}, kMain, kTracking);
    QVERIFY(!local.ok());
    QVERIFY2(
        local.error().startsWith(QStringLiteral("there is no git repository at %1").arg(missing)),
        qPrintable(local.error()));
    auto daemon =
        GitRemote::fetch(repo, m_daemon->url(QStringLiteral("no-such.git")), {}, kMain, kTracking);
    QVERIFY(!daemon.ok());
    QVERIFY2(daemon.error().startsWith(
                 QStringLiteral("the server 127.0.0.1:%1 has no repository at /no-such.git")
                     .arg(m_daemon->port())),
             qPrintable(daemon.error()));
    auto https = GitRemote::fetch(repo, m_https->url(QStringLiteral("no-such.git")),
                                  credentialsFor(QStringLiteral("https")), kMain, kTracking);
    QVERIFY(!https.ok());
    QVERIFY2(https.error().contains(QStringLiteral("has no repository at /git/no-such.git")),
             qPrintable(https.error()));
    auto ssh = GitRemote::fetch(repo, m_ssh->url(QStringLiteral("/no-such/nb.git")),
                                credentialsFor(QStringLiteral("ssh-key")), kMain, kTracking);
    QVERIFY(!ssh.ok());
    QVERIFY2(ssh.error().contains(QStringLiteral("has no repository at /no-such/nb.git")),
             qPrintable(ssh.error()));
    remember(https.error());
    remember(ssh.error());
}

// ---- fetching from a folder ----

namespace {
QStringList packNames(const QString &repo) {
    return QDir(repo + QStringLiteral("/objects/pack"))
        .entryList({QStringLiteral("pack-*.pack")}, QDir::Files, QDir::Name);
}
} // namespace

// From a folder, the server's packs that the reader holds nothing of are read whole through
// libgit2's indexer (same pack name, every object checked) instead of being rebuilt object by
// object; what they do not cover still comes by the ordinary fetch.
void GitRemoteTest::folderFetchTakesTheServersPacksWhole() {
    const QString name = serverRepo(QStringLiteral("whole-packs"));
    QVERIFY(!name.isEmpty());
    const QString origin = QDir(m_serverRoot).filePath(name);
    const QString writer = clientRepo();
    QMap<QString, QByteArray> files{{QStringLiteral("QUIRE.json"), "{\"format\":\"quire/1\"}"}};
    for (int i = 0; i < 40; ++i)
        files.insert(QStringLiteral("r-%1").arg(i), randomBytes(2048 + i));
    QVERIFY(!commitFiles(writer, files, QStringLiteral("first")).isEmpty());
    QVERIFY(GitRemote::push(writer, origin, {}, kHeadsMain, kMain).ok());
    const QByteArray second =
        commitFiles(writer, {{QStringLiteral("c-big"), randomBytes(3 << 20)}}, "second");
    QVERIFY(GitRemote::push(writer, origin, {}, kHeadsMain, kMain).ok());
    const QStringList serverPacks = packNames(origin);
    QVERIFY2(serverPacks.size() >= 2, qPrintable(serverPacks.join(' ')));

    const QString reader = clientRepo();
    auto fetched = GitRemote::fetch(reader, origin, {}, kMain, kTracking);
    QVERIFY2(fetched.ok(), qPrintable(fetched.error()));
    QCOMPARE(fetched->remoteHead, second);
    QCOMPARE(revParse(reader, kTracking), second);
    for (const QString &pack : serverPacks)
        QVERIFY2(packNames(reader).contains(pack), qPrintable(pack));
    QCOMPARE(fsckProblems(reader), QString());
    const CommandResult big =
        runGit({QStringLiteral("--git-dir=") + reader, QStringLiteral("cat-file"),
                QStringLiteral("-s"), QString::fromLatin1(second) + QStringLiteral(":c-big")});
    QCOMPARE(big.out.trimmed(), QByteArray::number(3 << 20));

    // Later: a new pack on the server comes the same way; one the reader has is not read again.
    const QByteArray third =
        commitFiles(writer, {{QStringLiteral("r-new"), randomBytes(4096)}}, "third");
    QVERIFY(GitRemote::push(writer, origin, {}, kHeadsMain, kMain).ok());
    const QStringList before = packNames(reader);
    auto again = GitRemote::fetch(reader, origin, {}, kMain, kTracking);
    QVERIFY2(again.ok(), qPrintable(again.error()));
    QCOMPARE(revParse(reader, kTracking), third);
    QCOMPARE(packNames(reader).size(), before.size() + 1);
    QCOMPARE(fsckProblems(reader), QString());

    // The writer holds everything the server has: its fetch takes no pack.
    const QStringList writerPacks = packNames(writer);
    QVERIFY(GitRemote::fetch(writer, origin, {}, kMain, kTracking).ok());
    QCOMPARE(packNames(writer), writerPacks);
}

// A pack on the share that was damaged (here one byte in the middle of a blob's data) is
// refused with a message that says so; nothing of it stays and the tracking ref keeps its place.
void GitRemoteTest::folderFetchRefusesADamagedPackAndKeepsTrackingRef() {
    const QString name = serverRepo(QStringLiteral("damaged-pack"));
    QVERIFY(!name.isEmpty());
    const QString origin = QDir(m_serverRoot).filePath(name);
    const QString writer = clientRepo();
    const QByteArray first =
        commitFiles(writer, {{QStringLiteral("QUIRE.json"), "{\"format\":\"quire/1\"}"}}, "first");
    QVERIFY(GitRemote::push(writer, origin, {}, kHeadsMain, kMain).ok());
    const QString reader = clientRepo();
    QVERIFY(GitRemote::fetch(reader, origin, {}, kMain, kTracking).ok());
    QCOMPARE(revParse(reader, kTracking), first);

    const QStringList known = packNames(origin);
    QVERIFY(!commitFiles(writer, {{QStringLiteral("c-data"), randomBytes(1 << 20)}}, "second")
                 .isEmpty());
    QVERIFY(GitRemote::push(writer, origin, {}, kHeadsMain, kMain).ok());
    QStringList added = packNames(origin);
    for (const QString &pack : known)
        added.removeAll(pack);
    QCOMPARE(added.size(), 1);
    QFile pack(origin + QStringLiteral("/objects/pack/") + added.first());
    QVERIFY(pack.open(QIODevice::ReadWrite));
    const qint64 middle = pack.size() / 2;
    QVERIFY(pack.seek(middle));
    const char flipped = char(pack.read(1).at(0) ^ 0x40);
    QVERIFY(pack.seek(middle));
    QCOMPARE(pack.write(&flipped, 1), qint64(1));
    pack.close();

    const QDir readerPackDir(reader + QStringLiteral("/objects/pack"));
    const QStringList readerFiles = readerPackDir.entryList(QDir::Files);
    auto fetched = GitRemote::fetch(reader, origin, {}, kMain, kTracking);
    QVERIFY(!fetched.ok());
    qInfo("%s", qPrintable(fetched.error()));
    QVERIFY2(fetched.error().contains(QStringLiteral("a pack there was refused")) &&
                 fetched.error().contains(added.first()),
             qPrintable(fetched.error()));
    QCOMPARE(readerPackDir.entryList(QDir::Files), readerFiles); // no pack, no temporary file
    QCOMPARE(revParse(reader, kTracking), first);
    QCOMPARE(fsckProblems(reader), QString());
}

// Someone wrote on the share outside Quire (here the git CLI): the server's head is a loose
// commit on top of a pack the reader has none of. Taking that pack alone would leave the head
// missing, so it is not kept, and the ordinary fetch brings everything.
void GitRemoteTest::folderFetchFallsBackWhenThePacksDoNotHoldEverything() {
    const QString name = serverRepo(QStringLiteral("loose-head"));
    QVERIFY(!name.isEmpty());
    const QString origin = QDir(m_serverRoot).filePath(name);
    const QString writer = clientRepo();
    QVERIFY(!commitFiles(writer,
                         {{QStringLiteral("QUIRE.json"), "{\"format\":\"quire/1\"}"},
                          {QStringLiteral("c-data"), randomBytes(256 << 10)}},
                         "first")
                 .isEmpty());
    QVERIFY(GitRemote::push(writer, origin, {}, kHeadsMain, kMain).ok());
    const QStringList serverPacks = packNames(origin);
    QCOMPARE(serverPacks.size(), 1);
    const QByteArray loose =
        commitFiles(origin, {{QStringLiteral("r-loose"), randomBytes(4096)}}, "by hand");
    QVERIFY(!loose.isEmpty());

    const QString reader = clientRepo();
    auto fetched = GitRemote::fetch(reader, origin, {}, kMain, kTracking);
    QVERIFY2(fetched.ok(), qPrintable(fetched.error()));
    QCOMPARE(revParse(reader, kTracking), loose);
    QCOMPARE(fsckProblems(reader), QString());
    QVERIFY(!packNames(reader).contains(serverPacks.first())); // taken, then given back
    const CommandResult data =
        runGit({QStringLiteral("--git-dir=") + reader, QStringLiteral("cat-file"),
                QStringLiteral("-s"), QString::fromLatin1(loose) + QStringLiteral("~1:c-data")});
    QCOMPARE(data.out.trimmed(), QByteArray::number(256 << 10));
}

// ---- interrupted transfers ----

void GitRemoteTest::cancelDuringFetchKeepsTrackingRef() {
    const QString url = urlFor(QStringLiteral("https"), bigServerRepo(QStringLiteral("https")));
    const RemoteCredentials credentials = credentialsFor(QStringLiteral("https"));
    const QString reader = readerAtBefore();
    QVERIFY(!reader.isEmpty());

    std::atomic_bool cancel = false;
    qint64 bytesAtCancel = 0;
    auto fetched = GitRemote::fetch(
        reader, url, credentials, kMain, kTracking,
        [&](const TransferProgress &progress) {
            if (progress.bytes > (4 << 20) && !cancel) {
                bytesAtCancel = progress.bytes;
                cancel = true;
            }
        },
        &cancel);
    QVERIFY(!fetched.ok());
    QCOMPARE(fetched.error(), QStringLiteral("the transfer was cancelled"));
    QVERIFY(bytesAtCancel > 0 && bytesAtCancel < kBigPackSize * 9 / 10);
    QCOMPARE(revParse(reader, kTracking), m_big.before);
    QCOMPARE(fsckProblems(reader), QString());

    auto resumed = GitRemote::fetch(reader, url, credentials, kMain, kTracking);
    QVERIFY2(resumed.ok(), qPrintable(resumed.error()));
    QCOMPARE(revParse(reader, kTracking), m_big.head);
    QCOMPARE(fsckProblems(reader), QString());
}

void GitRemoteTest::cancelDuringPushKeepsRemoteRef() {
    QVERIFY(makeBigSource());
    const QString name = serverRepo(QStringLiteral("cancelpush"), true);
    const QString origin = QDir(m_serverRoot).filePath(name);
    const QString url = urlFor(QStringLiteral("ssh-key"), name);
    const RemoteCredentials credentials = credentialsFor(QStringLiteral("ssh-key"));
    QVERIFY(
        GitRemote::push(m_big.repo, url, credentials, QStringLiteral("refs/heads/before"), kMain)
            .ok());

    std::atomic_bool cancel = false;
    qint64 bytesAtCancel = -1;
    auto pushed = GitRemote::push(
        m_big.repo, url, credentials, kHeadsMain, kMain,
        [&](const TransferProgress &progress) {
            if (!cancel) {
                bytesAtCancel = progress.bytes;
                cancel = true;
            }
        },
        &cancel);
    QVERIFY(!pushed.ok());
    QCOMPARE(pushed.error(), QStringLiteral("the transfer was cancelled"));
    QVERIFY(bytesAtCancel >= 0 && bytesAtCancel < kBigPackSize / 2);
    QCOMPARE(revParse(origin, kHeadsMain), m_big.before);
    QCOMPARE(fsckProblems(origin), QString());

    // Cancelled before it starts: nothing is contacted at all.
    auto early = GitRemote::fetch(clientRepo(), url, credentials, kMain, kTracking, {}, &cancel);
    QVERIFY(!early.ok());
    QCOMPARE(early.error(), QStringLiteral("the transfer was cancelled"));
}

void GitRemoteTest::serverKilledDuringPushKeepsRemoteRef_data() {
    QTest::addColumn<QString>("transport");
    QTest::addColumn<QList<double>>("killAt"); // fractions of the pack sent when the server dies
    QTest::newRow("git") << "git" << QList<double>{0.15, 0.75};
    if (underSanitizers()) return; // one transport there (TestSupport.h)
    QTest::newRow("https") << "https" << QList<double>{0.5};
    QTest::newRow("ssh-key") << "ssh-key" << QList<double>{0.4};
}

void GitRemoteTest::serverKilledDuringPushKeepsRemoteRef() {
    QFETCH(QString, transport);
    QFETCH(QList<double>, killAt);
    QVERIFY(makeBigSource());
    ServerProcess *server = serverFor(transport);
    const ServerBackOnExit serverBack(server);
    const QString name = serverRepo(QStringLiteral("killpush-") + transport, true);
    const QString origin = QDir(m_serverRoot).filePath(name);
    const QString url = urlFor(transport, name);
    const RemoteCredentials credentials = credentialsFor(transport);
    auto seeded =
        GitRemote::push(m_big.repo, url, credentials, QStringLiteral("refs/heads/before"), kMain);
    QVERIFY2(seeded.ok() && !seeded->rejected, qPrintable(seeded.error()));

    for (const double fraction : killAt) {
        const qsizetype socketsBefore = ownTcpBytes(Direction::Sent).size();
        KillServerAfterBytes killer(server->pid(), Direction::Sent,
                                    qint64(fraction * kBigPackSize));
        auto pushed = GitRemote::push(m_big.repo, url, credentials, kHeadsMain, kMain);
        const qint64 bytesAtKill = killer.finish();
        server->kill();
        checkNoSocketLeft(transport, socketsBefore);
        QVERIFY2(
            bytesAtKill > 0,
            qPrintable(QStringLiteral("the push finished before the server could be killed: %1")
                           .arg(pushed.ok() ? QStringLiteral("it succeeded") : pushed.error())));
        QVERIFY2(!pushed.ok(), "a push cut off in the middle must not report success");
        QCOMPARE(pushed.error(), kLostPushMessage);
        remember(pushed.error());
        QCOMPARE(revParse(origin, kHeadsMain), m_big.before);
        QCOMPARE(fsckProblems(origin), QString());
        qInfo("%s: server killed after %lld of %lld bytes sent", qPrintable(transport), bytesAtKill,
              kBigPackSize);

        // While the server is down, the next sync says so and changes nothing either.
        auto down = GitRemote::push(m_big.repo, url, credentials, kHeadsMain, kMain);
        QVERIFY(!down.ok());
        QVERIFY2(down.error().startsWith(QStringLiteral("could not reach the server")),
                 qPrintable(down.error()));
        QVERIFY2(server->start(), qPrintable(server->error()));
    }

    auto completed = GitRemote::push(m_big.repo, url, credentials, kHeadsMain, kMain);
    QVERIFY2(completed.ok() && !completed->rejected, qPrintable(completed.error()));
    QCOMPARE(revParse(origin, kHeadsMain), m_big.head);
    QCOMPARE(fsckProblems(origin), QString());
    QCOMPARE(fsckProblems(m_big.repo), QString());
    m_bigServerRepos.insert(transport, name);
}

void GitRemoteTest::serverKilledDuringFetchKeepsTrackingRef_data() {
    QTest::addColumn<QString>("transport");
    QTest::addColumn<QList<double>>("killAt");
    QTest::newRow("git") << "git" << QList<double>{0.2, 0.7};
    if (underSanitizers()) return; // one transport there (TestSupport.h)
    QTest::newRow("https") << "https" << QList<double>{0.4};
    QTest::newRow("ssh-key") << "ssh-key" << QList<double>{0.6};
}

void GitRemoteTest::serverKilledDuringFetchKeepsTrackingRef() {
    QFETCH(QString, transport);
    QFETCH(QList<double>, killAt);
    ServerProcess *server = serverFor(transport);
    const ServerBackOnExit serverBack(server);
    const QString url = urlFor(transport, bigServerRepo(transport));
    const RemoteCredentials credentials = credentialsFor(transport);
    const QString reader = readerAtBefore();
    QVERIFY(!reader.isEmpty());

    for (const double fraction : killAt) {
        const qsizetype socketsBefore = ownTcpBytes(Direction::Sent).size();
        KillServerAfterBytes killer(server->pid(), Direction::Received,
                                    qint64(fraction * kBigPackSize));
        auto fetched = GitRemote::fetch(reader, url, credentials, kMain, kTracking);
        const qint64 bytesAtKill = killer.finish();
        server->kill();
        checkNoSocketLeft(transport, socketsBefore);
        QVERIFY2(bytesAtKill > 0, "the fetch finished before the server could be killed");
        QVERIFY(!fetched.ok());
        QCOMPARE(fetched.error(), kLostMessage);
        remember(fetched.error());
        QCOMPARE(revParse(reader, kTracking), m_big.before);
        QCOMPARE(fsckProblems(reader), QString());
        qInfo("%s: server killed after %lld of %lld bytes received", qPrintable(transport),
              bytesAtKill, kBigPackSize);
        QVERIFY2(server->start(), qPrintable(server->error()));
    }

    auto completed = GitRemote::fetch(reader, url, credentials, kMain, kTracking);
    QVERIFY2(completed.ok(), qPrintable(completed.error()));
    QCOMPARE(completed->remoteHead, m_big.head);
    QCOMPARE(revParse(reader, kTracking), m_big.head);
    QCOMPARE(fsckProblems(reader), QString());
}

void GitRemoteTest::clientKilledDuringFetchThenNextFetchCompletes() {
    // The client dies (power cut, killed app) while a pack streams in; the process that opens
    // the repository next finds the old tracking ref and completes the fetch.
    const QString url = urlFor(QStringLiteral("git"), bigServerRepo(QStringLiteral("git")));
    const QString reader = readerAtBefore();
    QVERIFY(!reader.isEmpty());

    for (const qint64 killAt : {kBigPackSize / 5, kBigPackSize * 7 / 10}) {
        QProcess child;
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.insert(QStringLiteral("QUIRE_TST_FETCH_CHILD"), QStringLiteral("1"));
        env.insert(QStringLiteral("QUIRE_TST_CHILD_REPO"), reader);
        env.insert(QStringLiteral("QUIRE_TST_CHILD_URL"), url);
        child.setProcessEnvironment(env);
        child.start(QCoreApplication::applicationFilePath(), {});
        QVERIFY(child.waitForStarted());
        bool killed = false;
        QByteArray output;
        while (!killed && child.state() != QProcess::NotRunning) {
            child.waitForReadyRead(100);
            output += child.readAllStandardOutput();
            const qsizetype end = output.lastIndexOf('\n');
            const qsizetype start = output.lastIndexOf("bytes ", end);
            if (start >= 0 && output.mid(start + 6, end - start - 6).toLongLong() > killAt) {
                ::kill(pid_t(child.processId()), SIGKILL);
                killed = true;
            }
        }
        child.waitForFinished();
        QVERIFY2(killed, output.right(200).constData());
        QCOMPARE(revParse(reader, kTracking), m_big.before);
        QCOMPARE(fsckProblems(reader), QString());
    }

    auto completed = GitRemote::fetch(reader, url, {}, kMain, kTracking);
    QVERIFY2(completed.ok(), qPrintable(completed.error()));
    QCOMPARE(revParse(reader, kTracking), m_big.head);
    QCOMPARE(fsckProblems(reader), QString());
}

void GitRemoteTest::silentServerIsGivenUpAfterStallTimeout_data() {
    QTest::addColumn<QString>("transport");
    QTest::addColumn<bool>("pushing");
    QTest::newRow("fetch over https") << "https" << false;
    QTest::newRow("push over git") << "git" << true;
}

void GitRemoteTest::silentServerIsGivenUpAfterStallTimeout() {
    // A server that hangs, or a line that dies without a reset, sends nothing more and closes
    // nothing: without a stall time-out the sync would wait for ever.
    QFETCH(QString, transport);
    QFETCH(bool, pushing);
    QVERIFY(makeBigSource());
    ServerProcess *server = serverFor(transport);
    const ServerBackOnExit serverBack(server);
    const RemoteCredentials credentials = credentialsFor(transport);
    QString name;
    QString reader;
    if (pushing) {
        name = serverRepo(QStringLiteral("stallpush-") + transport, true);
        QVERIFY(GitRemote::push(m_big.repo, urlFor(transport, name), credentials,
                                QStringLiteral("refs/heads/before"), kMain)
                    .ok());
    } else {
        name = bigServerRepo(transport);
        reader = readerAtBefore();
        QVERIFY(!reader.isEmpty());
    }
    const QString origin = QDir(m_serverRoot).filePath(name);
    const QString url = urlFor(transport, name);

    // Qt ignores SIGPIPE process-wide once anything is written to a QProcess (these tests do);
    // the program may never do so. With the default action back, a SIGPIPE that GitRemote
    // failed to contain would end this test run at once.
    struct sigaction previousPipeAction {};
    struct sigaction defaultPipeAction {};
    defaultPipeAction.sa_handler = SIG_DFL;
    QCOMPARE(::sigaction(SIGPIPE, &defaultPipeAction, &previousPipeAction), 0);
    GitRemote::setStallTimeout(std::chrono::milliseconds(1500));
    const auto restoreDefaults = [&] {
        GitRemote::setStallTimeout(std::chrono::seconds(120));
        ::sigaction(SIGPIPE, &previousPipeAction, nullptr);
    };
    auto restoreOnEarlyExit = qScopeGuard(restoreDefaults);
    QElapsedTimer timer;
    timer.start();
    QString error;
    {
        // Early in the pack: on a loaded machine the watcher looks less often, and a late
        // threshold can let a loopback transfer finish between two looks.
        KillServerAfterBytes freezer(server->pid(), pushing ? Direction::Sent : Direction::Received,
                                     kBigPackSize / 40, SIGSTOP);
        // A push into a frozen server blocks in send(); the watchdog's shutdown makes that
        // send fail with EPIPE, which raises SIGPIPE: this process must survive it.
        error = pushing ? GitRemote::push(m_big.repo, url, credentials, kHeadsMain, kMain).error()
                        : GitRemote::fetch(reader, url, credentials, kMain, kTracking).error();
        QVERIFY2(
            freezer.finish() > 0,
            qPrintable(
                QStringLiteral("the transfer finished before the server froze: %1").arg(error)));
    }
    const qint64 elapsed = timer.elapsed();
    restoreDefaults(); // the transfer that completes below may pause while the server works
    QCOMPARE(error, QStringLiteral("the server stopped answering during the transfer; nothing "
                                   "was changed — sync again"));
    QVERIFY2(elapsed < 15000, qPrintable(QString::number(elapsed)));
    remember(error);
    if (pushing)
        QCOMPARE(revParse(origin, kHeadsMain), m_big.before);
    else
        QCOMPARE(revParse(reader, kTracking), m_big.before);

    server->kill();
    QVERIFY2(server->start(), qPrintable(server->error()));
    if (pushing) {
        auto completed = GitRemote::push(m_big.repo, url, credentials, kHeadsMain, kMain);
        QVERIFY2(completed.ok() && !completed->rejected, qPrintable(completed.error()));
        QCOMPARE(revParse(origin, kHeadsMain), m_big.head);
        QCOMPARE(fsckProblems(origin), QString());
    } else {
        auto completed = GitRemote::fetch(reader, url, credentials, kMain, kTracking);
        QVERIFY2(completed.ok(), qPrintable(completed.error()));
        QCOMPARE(revParse(reader, kTracking), m_big.head);
        QCOMPARE(fsckProblems(reader), QString());
    }
}

void GitRemoteTest::cancelWorksWhileServerIsSilent() {
    // No progress callback runs while the server is silent; cancel must still end the call.
    ServerProcess *server = serverFor(QStringLiteral("ssh-key"));
    const ServerBackOnExit serverBack(server);
    const QString url = urlFor(QStringLiteral("ssh-key"), bigServerRepo(QStringLiteral("ssh-key")));
    const RemoteCredentials credentials = credentialsFor(QStringLiteral("ssh-key"));
    const QString reader = readerAtBefore();
    QVERIFY(!reader.isEmpty());

    std::atomic_bool cancel = false;
    KillServerAfterBytes freezer(server->pid(), Direction::Received, kBigPackSize / 4, SIGSTOP);
    std::thread canceller([&] {
        while (freezer.bytesAtKill() == 0)
            std::this_thread::sleep_for(std::chrono::milliseconds(10));
        std::this_thread::sleep_for(std::chrono::milliseconds(500));
        cancel = true;
    });
    QElapsedTimer timer;
    timer.start();
    auto fetched = GitRemote::fetch(reader, url, credentials, kMain, kTracking, {}, &cancel);
    const qint64 elapsed = timer.elapsed();
    canceller.join();
    freezer.finish();
    QVERIFY(!fetched.ok());
    QCOMPARE(fetched.error(), QStringLiteral("the transfer was cancelled"));
    QVERIFY2(elapsed < 10000, qPrintable(QString::number(elapsed)));
    QCOMPARE(revParse(reader, kTracking), m_big.before);
    QCOMPARE(fsckProblems(reader), QString());
    server->kill();
    QVERIFY2(server->start(), qPrintable(server->error()));
}

// ---- secrets ----

void GitRemoteTest::secretsAppearInNoMessageAndNoClientFile() {
    QVERIFY(m_messages.size() >= 10);
    QList<QByteArray> secrets{m_password};
    for (const QByteArray &line : m_privateKey.split('\n'))
        if (line.size() > 16 && !line.startsWith("-----")) secrets << line;
    for (const QString &message : std::as_const(m_messages))
        for (const QByteArray &secret : std::as_const(secrets))
            QVERIFY2(!message.toUtf8().contains(secret), qPrintable(message));
    // Every file of every client repository, packs included, read once.
    for (const QString &repo : std::as_const(m_clientRepos)) {
        QDirIterator it(repo, QDir::Files | QDir::Hidden, QDirIterator::Subdirectories);
        while (it.hasNext()) {
            const QString path = it.next();
            const QByteArray bytes = readAll(path);
            for (const QByteArray &secret : std::as_const(secrets))
                QVERIFY2(!bytes.contains(secret), qPrintable(path));
        }
    }
}

int main(int argc, char *argv[]) {
    QCoreApplication app(argc, argv);
    // clientKilledDuringFetch runs this binary again as the client to be killed.
    if (qEnvironmentVariableIsSet("QUIRE_TST_FETCH_CHILD")) return runFetchChild();
    GitRemoteTest test;
    QTEST_SET_MAIN_SOURCE_PATH
    return QTest::qExec(&test, argc, argv);
}

#include "tst_git_remote.moc"
