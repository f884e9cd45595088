#pragma once
// TestTsa: a real RFC 3161 time-stamp authority for tests. It makes a TSA certificate authority
// and a TSA certificate with the openssl command line, then runs quire-test-tsa (the path is in
// the environment variable QUIRE_TEST_TSA, which ctest sets), an HTTP front end to
// `openssl ts -reply`, on a loopback port. The authority can be stopped to take it offline and
// started again, on the same port when it is still free.

#include <QByteArray>
#include <QDeadlineTimer>
#include <QDir>
#include <QFile>
#include <QProcess>
#include <QString>
#include <QStringList>

#include <memory>

namespace quire::test {

class TestTsa {
public:
    // Everything goes into the folder `dir`/`name`, so that several authorities ("trusted",
    // "rogue") can share one temporary folder of the test. The CA and TSA certificates are
    // valid for `days` from `madeDaysAgo` days ago (made under libfaketime when that is not 0),
    // so that a test can have an authority whose certificate ends soon, or ended already.
    explicit TestTsa(const QString &dir, const QString &name = QStringLiteral("tsa"), int days = 30,
                     int madeDaysAgo = 0)
        : m_dir(QDir(dir).filePath(name))
        , m_name(name)
        , m_days(days)
        , m_madeDaysAgo(madeDaysAgo) {
        m_ok = setUp();
    }
    ~TestTsa() { stop(); }
    TestTsa(const TestTsa &) = delete;
    TestTsa &operator=(const TestTsa &) = delete;

    bool ok() const { return m_ok; } // set-up succeeded (QVERIFY2 it with error())
    QString error() const { return m_error; }
    QString dir() const { return m_dir; }
    QString caPemPath() const {
        return file(QStringLiteral("tsa-ca.crt"));
    } // what a notebook trusts
    QByteArray caPem() const { return readAll(caPemPath()); }
    QString certPemPath() const { return file(QStringLiteral("tsa.crt")); } // the signer itself

    // Starts quire-test-tsa and waits until it listens. After stop() the same port is tried
    // first, so url() usually stays the same.
    bool start() {
        if (m_process) return true;
        if (!m_ok) return false;
        const QString program = qEnvironmentVariable("QUIRE_TEST_TSA");
        if (program.isEmpty()) {
            m_error = QStringLiteral("QUIRE_TEST_TSA is not set (run the tests through ctest)");
            return false;
        }
        if (m_port != 0 && launch(program, m_port)) return true;
        return launch(program, 0);
    }

    // Kills the authority: from now on connections to url() are refused.
    void stop() {
        if (!m_process) return;
        m_process->kill();
        m_process->waitForFinished(10000);
        m_process.reset();
    }

    bool isRunning() const { return m_process != nullptr; }
    QString url() const { return QStringLiteral("http://127.0.0.1:%1/tsa").arg(m_port); }
    quint16 port() const { return m_port; }

    // Requests the authority has received (of any kind), from its log.
    int requestCount() const {
        const QByteArray log = readAll(file(QStringLiteral("requests.log")));
        return int(log.count('\n'));
    }

private:
    bool setUp() {
        if (!QDir().mkpath(m_dir)) {
            m_error = QStringLiteral("cannot create %1").arg(m_dir);
            return false;
        }
        // A config of our own, so that the system's openssl.cnf cannot add or change extensions.
        const QByteArray reqConfig = "[req]\n"
                                     "distinguished_name = dn\n"
                                     "prompt = no\n"
                                     "[dn]\n"
                                     "CN = unused\n"
                                     "[ca_ext]\n"
                                     "basicConstraints = critical,CA:TRUE\n"
                                     "keyUsage = critical,keyCertSign,cRLSign\n"
                                     "subjectKeyIdentifier = hash\n"
                                     "[tsa_ext]\n"
                                     "basicConstraints = critical,CA:FALSE\n"
                                     "keyUsage = critical,digitalSignature,nonRepudiation\n"
                                     "extendedKeyUsage = critical,timeStamping\n"
                                     "subjectKeyIdentifier = hash\n"
                                     "authorityKeyIdentifier = keyid\n";
        const QString cnf = file(QStringLiteral("certs.cnf"));
        const QString caKey = file(QStringLiteral("tsa-ca.key"));
        const QString key = file(QStringLiteral("tsa.key"));
        const QString csr = file(QStringLiteral("tsa.csr"));
        const QString p256 = QStringLiteral("ec_paramgen_curve:P-256");
        return write(cnf, reqConfig) && write(file(QStringLiteral("tsa.cnf")), tsaConfig()) &&
               write(file(QStringLiteral("tsaserial")), "01\n") &&
               openssl({"genpkey", "-algorithm", "EC", "-pkeyopt", p256, "-out", caKey}) &&
               openssl({"req", "-x509", "-new", "-config", cnf, "-extensions", "ca_ext", "-key",
                        caKey, "-sha256", "-days", QString::number(m_days), "-subj",
                        "/O=Quire tests/CN=Quire test TSA CA " + m_name, "-out", caPemPath()}) &&
               openssl({"genpkey", "-algorithm", "EC", "-pkeyopt", p256, "-out", key}) &&
               openssl({"req", "-new", "-config", cnf, "-key", key, "-sha256", "-subj",
                        "/O=Quire tests/CN=Quire test TSA " + m_name, "-out", csr}) &&
               openssl({"x509", "-req", "-in", csr, "-CA", caPemPath(), "-CAkey", caKey,
                        "-set_serial", "2", "-sha256", "-days", QString::number(m_days), "-extfile",
                        cnf, "-extensions", "tsa_ext", "-out", certPemPath()});
    }

    QByteArray tsaConfig() const {
        const QByteArray dir = m_dir.toUtf8();
        return "[ tsa ]\n"
               "default_tsa = tsa_config\n"
               "[ tsa_config ]\n"
               "serial = " +
               dir +
               "/tsaserial\n"
               "crypto_device = builtin\n"
               "signer_cert = " +
               dir +
               "/tsa.crt\n"
               "certs = " +
               dir +
               "/tsa-ca.crt\n"
               "signer_key = " +
               dir +
               "/tsa.key\n"
               "signer_digest = sha256\n"
               "default_policy = 1.2.3.4.1\n"
               "digests = sha256\n"
               "accuracy = secs:1\n"
               // Milliseconds in genTime, so that readers are tested on fractional seconds.
               "clock_precision_digits = 3\n"
               "ordering = no\n"
               "tsa_name = yes\n"
               "ess_cert_id_chain = no\n"
               "ess_cert_id_alg = sha256\n";
    }

    bool launch(const QString &program, quint16 port) {
        m_process = std::make_unique<QProcess>();
        // The authority's one line per request shows up in the test's own log.
        m_process->setProcessChannelMode(QProcess::ForwardedErrorChannel);
        QStringList args{QStringLiteral("--dir"), m_dir};
        if (port != 0) args << QStringLiteral("--port") << QString::number(port);
        m_process->start(program, args);
        QByteArray out;
        const QDeadlineTimer deadline(20000);
        while (!out.contains('\n') && !deadline.hasExpired() &&
               m_process->state() != QProcess::NotRunning) {
            m_process->waitForReadyRead(100);
            out += m_process->readAllStandardOutput();
        }
        out += m_process->readAllStandardOutput();
        const QByteArray line = out.left(out.indexOf('\n')).trimmed();
        bool numberOk = false;
        const uint listening = line.startsWith("PORT ") ? line.mid(5).toUInt(&numberOk) : 0;
        if (!numberOk || listening == 0 || listening > 65535) {
            m_error = QStringLiteral("quire-test-tsa did not start (%1)")
                          .arg(m_process->state() == QProcess::NotRunning
                                   ? QStringLiteral("exit code %1").arg(m_process->exitCode())
                                   : QStringLiteral("no PORT line"));
            stop();
            return false;
        }
        m_port = quint16(listening);
        return true;
    }

    bool openssl(const QStringList &args) {
        QProcess p;
        if (m_madeDaysAgo != 0)
            p.start(QStringLiteral("faketime"),
                    QStringList{QStringLiteral("-f"), QStringLiteral("-%1d").arg(m_madeDaysAgo),
                                QStringLiteral("openssl")} +
                        args);
        else
            p.start(QStringLiteral("openssl"), args);
        if (!p.waitForFinished(60000) || p.exitStatus() != QProcess::NormalExit ||
            p.exitCode() != 0) {
            m_error = QStringLiteral("openssl %1 failed: %2")
                          .arg(args.first(), QString::fromUtf8(p.readAllStandardError()));
            return false;
        }
        return true;
    }

    bool write(const QString &path, const QByteArray &bytes) {
        QFile f(path);
        if (!f.open(QIODevice::WriteOnly) || f.write(bytes) != bytes.size()) {
            m_error = QStringLiteral("cannot write %1").arg(path);
            return false;
        }
        return true;
    }

    static QByteArray readAll(const QString &path) {
        QFile f(path);
        return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
    }

    QString file(const QString &name) const { return QDir(m_dir).filePath(name); }

    QString m_dir;
    QString m_name;
    int m_days = 30;
    int m_madeDaysAgo = 0;
    bool m_ok = false;
    QString m_error;
    quint16 m_port = 0;
    std::unique_ptr<QProcess> m_process;
};

} // namespace quire::test
