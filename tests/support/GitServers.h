#pragma once
// Real git servers on 127.0.0.1 for integration tests: a bare repository on disk, git daemon,
// git-http-backend behind lighttpd with TLS and basic auth, sshd with key login, and an
// ssh-agent. Each server is started by the test itself on a free loopback port, waits until it
// accepts connections, can be killed (SIGKILL, with every process it spawned) in the middle of
// a transfer and started again on the same port, and stops in its destructor.
// Linux only: the helpers use POSIX sockets and /proc. Packages: git, openssl, lighttpd,
// lighttpd-mod-openssl, openssh-server, openssh-client (installer/install-deps.sh).

#include <QByteArray>
#include <QCryptographicHash>
#include <QDeadlineTimer>
#include <QDir>
#include <QFile>
#include <QHash>
#include <QMap>
#include <QProcess>
#include <QProcessEnvironment>
#include <QString>
#include <QStringList>
#include <QTemporaryDir>
#include <QThread>

#include <arpa/inet.h>
#include <dirent.h>
#include <linux/tcp.h>
#include <netinet/in.h>
#include <signal.h>
#include <sys/prctl.h>
#include <sys/resource.h>
#include <sys/socket.h>
#include <sys/syscall.h>
#include <unistd.h>

#include <atomic>
#include <chrono>
#include <memory>
#include <thread>
#include <utility>

namespace quire::test {

struct CommandResult {
    int exitCode = -1;
    QByteArray out;
    QByteArray err;
    bool ok() const { return exitCode == 0; }
};

// Runs a program to completion with the given extra environment. Git never reads the user's or
// the system's configuration here, so results do not depend on who runs the tests.
inline CommandResult runCommand(const QString &program, const QStringList &arguments,
                                const QByteArray &input = {}, const QString &workDir = {},
                                const QMap<QString, QString> &extraEnv = {},
                                int timeoutMs = 120000) {
    QProcess process;
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert(QStringLiteral("GIT_CONFIG_NOSYSTEM"), QStringLiteral("1"));
    env.insert(QStringLiteral("GIT_CONFIG_GLOBAL"), QStringLiteral("/dev/null"));
    env.insert(QStringLiteral("GIT_TERMINAL_PROMPT"), QStringLiteral("0"));
    for (auto it = extraEnv.begin(); it != extraEnv.end(); ++it)
        env.insert(it.key(), it.value());
    process.setProcessEnvironment(env);
    if (!workDir.isEmpty()) process.setWorkingDirectory(workDir);
    process.start(program, arguments);
    CommandResult result;
    if (!process.waitForStarted()) {
        result.err = process.errorString().toUtf8();
        return result;
    }
    if (!input.isEmpty()) process.write(input);
    process.closeWriteChannel();
    if (!process.waitForFinished(timeoutMs)) {
        process.kill();
        process.waitForFinished();
    }
    result.exitCode = process.exitStatus() == QProcess::NormalExit ? process.exitCode() : -1;
    result.out = process.readAllStandardOutput();
    result.err = process.readAllStandardError();
    return result;
}

inline CommandResult runGit(const QStringList &arguments, const QByteArray &input = {},
                            const QString &workDir = {}) {
    return runCommand(QStringLiteral("git"), arguments, input, workDir);
}

// A bare repository whose default branch is main, as a lab's server would hold it.
inline bool makeBareRepo(const QString &dir) {
    return runGit({QStringLiteral("init"), QStringLiteral("--quiet"), QStringLiteral("--bare"),
                   QStringLiteral("-b"), QStringLiteral("main"), dir})
        .ok();
}

// A port nobody listens on right now; the kernel picks it, so parallel tests do not collide.
inline quint16 freeLoopbackPort() {
    const int fd = ::socket(AF_INET, SOCK_STREAM, 0);
    if (fd < 0) return 0;
    sockaddr_in address{};
    address.sin_family = AF_INET;
    address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    address.sin_port = 0;
    socklen_t length = sizeof(address);
    quint16 port = 0;
    if (::bind(fd, reinterpret_cast<sockaddr *>(&address), sizeof(address)) == 0 &&
        ::getsockname(fd, reinterpret_cast<sockaddr *>(&address), &length) == 0)
        port = ntohs(address.sin_port);
    ::close(fd);
    return port;
}

inline bool acceptsConnections(quint16 port) {
    const int fd = ::socket(AF_INET, SOCK_STREAM, 0);
    if (fd < 0) return false;
    sockaddr_in address{};
    address.sin_family = AF_INET;
    address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    address.sin_port = htons(port);
    const bool connected =
        ::connect(fd, reinterpret_cast<sockaddr *>(&address), sizeof(address)) == 0;
    ::close(fd);
    return connected;
}

inline qint64 parentPid(qint64 pid) {
    QFile stat(QStringLiteral("/proc/%1/stat").arg(pid));
    if (!stat.open(QIODevice::ReadOnly)) return -1;
    const QByteArray line = stat.readAll();
    return line.mid(line.lastIndexOf(')') + 2).split(' ').value(1).toLongLong();
}

// Every process below root (found through the parent ids in /proc), root first. sshd's
// per-connection children start their own session, so a process group would miss them.
inline QList<qint64> processTree(qint64 root) {
    QHash<qint64, QList<qint64>> children;
    const QStringList entries = QDir(QStringLiteral("/proc")).entryList(QDir::Dirs);
    for (const QString &entry : entries) {
        bool numeric = false;
        const qint64 pid = entry.toLongLong(&numeric);
        if (!numeric) continue;
        QFile stat(QStringLiteral("/proc/%1/stat").arg(pid));
        if (!stat.open(QIODevice::ReadOnly)) continue;
        const QByteArray line = stat.readAll();
        // "pid (comm) state ppid ...": comm may hold spaces and parentheses.
        const QList<QByteArray> fields = line.mid(line.lastIndexOf(')') + 2).split(' ');
        if (fields.size() > 1) children[fields.at(1).toLongLong()].append(pid);
    }
    QList<qint64> tree{root};
    for (qsizetype i = 0; i < tree.size(); ++i)
        tree += children.value(tree.at(i));
    return tree;
}

// Freezes (SIGSTOP) or thaws (SIGCONT) a process and everything it started: a server that
// hangs, or whose network went silent without closing the connection.
inline void signalProcessTree(qint64 root, int signal) {
    if (root <= 0) return;
    for (qint64 pid : processTree(root))
        ::kill(pid_t(pid), signal);
}

// Kills a process and everything it started, as a crash or a pulled cable would end them.
// Stopping them all first keeps a dying parent from spawning or reparenting anything mid-walk.
inline void killProcessTree(qint64 root) {
    if (root <= 0) return;
    QList<qint64> tree = processTree(root);
    for (qint64 pid : tree)
        ::kill(pid_t(pid), SIGSTOP);
    tree = processTree(root);
    for (qint64 pid : tree)
        ::kill(pid_t(pid), SIGKILL);
}

enum class Direction { Sent, Received };

// Bytes moved so far over each open TCP connection of this process (sent and acknowledged by
// the peer, or received), by socket inode, read with TCP_INFO from every socket in
// /proc/self/fd. libgit2 sends and receives with send()/recv(), which the read/write counters
// of /proc/self/io do not see.
inline QHash<QByteArray, qint64> ownTcpBytes(Direction direction) {
    QHash<QByteArray, qint64> bytes;
    DIR *fds = ::opendir("/proc/self/fd");
    if (!fds) return bytes;
    while (const dirent *entry = ::readdir(fds)) {
        bool numeric = false;
        const int fd = QByteArray(entry->d_name).toInt(&numeric);
        if (!numeric || fd == ::dirfd(fds)) continue;
        tcp_info info{};
        socklen_t size = sizeof(info);
        if (::getsockopt(fd, IPPROTO_TCP, TCP_INFO, &info, &size) != 0) continue;
        char link[64] = {};
        const QByteArray path = QByteArray("/proc/self/fd/") + entry->d_name;
        if (::readlink(path.constData(), link, sizeof(link) - 1) <= 0) continue;
        bytes.insert(QByteArray(link),
                     qint64(direction == Direction::Sent ? info.tcpi_bytes_acked
                                                         : info.tcpi_bytes_received));
    }
    ::closedir(fds);
    return bytes;
}

// Kills (or, with SIGSTOP, freezes) a server's processes from a second thread as soon as one
// connection of this process has moved `threshold` bytes since the watch began, i.e. at a
// chosen point of a transfer that runs on this thread. (libgit2 reports push progress at most
// twice a second, too coarse to hit the middle of a fast transfer from inside a progress
// callback.) Call ServerProcess::kill() afterwards to reap the server.
class KillServerAfterBytes {
public:
    KillServerAfterBytes(qint64 serverPid, Direction direction, qint64 threshold,
                         int signal = SIGKILL) {
        m_thread = std::thread([this, serverPid, direction, threshold, signal] {
            // Beside busy processes (a parallel build, other tests) a watcher of normal priority
            // may not run for longer than a loopback transfer takes. Where allowed (root, as in
            // CI) it runs ahead of them; elsewhere the call fails and changes nothing.
            (void)::setpriority(PRIO_PROCESS, pid_t(::syscall(SYS_gettid)), -15);
            const QHash<QByteArray, qint64> before = ownTcpBytes(direction);
            m_watching = true;
            while (!m_stop) {
                const QHash<QByteArray, qint64> now = ownTcpBytes(direction);
                for (auto it = now.begin(); it != now.end(); ++it) {
                    const qint64 moved = it.value() - before.value(it.key());
                    if (moved < threshold) continue;
                    if (signal == SIGKILL)
                        killProcessTree(serverPid);
                    else
                        signalProcessTree(serverPid, signal);
                    m_bytesAtKill = moved;
                    return;
                }
                std::this_thread::sleep_for(std::chrono::milliseconds(1));
            }
        });
        // On a loaded machine the thread may start late; the transfer must not begin before
        // it watches, or a fast one slips through unseen.
        while (!m_watching)
            std::this_thread::yield();
    }
    KillServerAfterBytes(const KillServerAfterBytes &) = delete;
    KillServerAfterBytes &operator=(const KillServerAfterBytes &) = delete;
    ~KillServerAfterBytes() { finish(); }
    // How many bytes had moved when the server was signalled; 0 while it has not been.
    qint64 bytesAtKill() const { return m_bytesAtKill; }
    // Stops watching; returns how many bytes had moved when the server was killed (0 = never).
    qint64 finish() {
        m_stop = true;
        if (m_thread.joinable()) m_thread.join();
        return m_bytesAtKill;
    }

private:
    std::atomic_bool m_stop = false;
    std::atomic_bool m_watching = false;
    std::atomic<qint64> m_bytesAtKill = 0;
    std::thread m_thread;
};

// One long-running server process with its log in a file (a pipe nobody reads would fill up
// and stall the server mid-transfer).
class ServerProcess {
public:
    ServerProcess() = default;
    ServerProcess(const ServerProcess &) = delete;
    ServerProcess &operator=(const ServerProcess &) = delete;
    virtual ~ServerProcess() { stop(); }

    quint16 port() const { return m_port; }
    qint64 pid() const { return m_process ? m_process->processId() : 0; }
    bool isRunning() const { return m_process && m_process->state() != QProcess::NotRunning; }
    QString log() const {
        QFile file(m_logPath);
        return file.open(QIODevice::ReadOnly) ? QString::fromUtf8(file.readAll()) : QString();
    }
    // Why the last start failed, for test messages.
    QString error() const { return m_error; }

    // Starts (or starts again, on the same port) and waits until the port accepts connections.
    bool start() {
        stop();
        if (m_port == 0) m_port = freeLoopbackPort();
        const auto [program, arguments] = command();
        m_process = std::make_unique<QProcess>();
        m_process->setProgram(program);
        m_process->setArguments(arguments);
        m_process->setStandardOutputFile(m_logPath, QIODevice::Append);
        m_process->setStandardErrorFile(m_logPath, QIODevice::Append);
        m_process->setStandardInputFile(QProcess::nullDevice());
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.insert(QStringLiteral("GIT_CONFIG_NOSYSTEM"), QStringLiteral("1"));
        env.insert(QStringLiteral("GIT_CONFIG_GLOBAL"), QStringLiteral("/dev/null"));
        m_process->setProcessEnvironment(env);
        // A crashed test must not leave servers behind on the machine.
        m_process->setChildProcessModifier([] { ::prctl(PR_SET_PDEATHSIG, SIGKILL); });
        m_process->start();
        if (!m_process->waitForStarted(10000)) {
            m_error = QStringLiteral("%1 did not start: %2").arg(program, m_process->errorString());
            return false;
        }
        const QDeadlineTimer deadline(15000);
        while (!deadline.hasExpired()) {
            if (acceptsConnections(m_port)) return true;
            if (m_process->state() == QProcess::NotRunning) break;
            m_process->waitForFinished(20);
        }
        m_error = QStringLiteral("%1 does not accept connections on 127.0.0.1:%2; log:\n%3")
                      .arg(program)
                      .arg(m_port)
                      .arg(log());
        return false;
    }

    // SIGKILL to the server and every process it spawned: connections drop mid-transfer.
    void kill() {
        if (!m_process) return;
        // Only while it is still our child (alive or not yet reaped), so that a recycled pid
        // never takes an innocent process down.
        const qint64 pid = m_process->processId();
        if (pid > 0 && parentPid(pid) == qint64(::getpid())) killProcessTree(pid);
        m_process->waitForFinished(10000);
        m_process.reset();
    }

    void stop() {
        if (!m_process) return;
        const qint64 pid = m_process->processId();
        if (m_process->state() != QProcess::NotRunning) {
            const QList<qint64> tree = processTree(pid);
            m_process->terminate();
            if (!m_process->waitForFinished(5000)) killProcessTree(pid);
            // Connection handlers that outlive their parent are ended too.
            for (qint64 child : tree)
                if (child != pid) ::kill(pid_t(child), SIGKILL);
        }
        m_process->waitForFinished(5000);
        m_process.reset();
    }

protected:
    void setLogPath(const QString &path) { m_logPath = path; }
    virtual std::pair<QString, QStringList> command() const = 0;

private:
    std::unique_ptr<QProcess> m_process;
    quint16 m_port = 0;
    QString m_logPath = QStringLiteral("/dev/null");
    QString m_error;
};

// git daemon serving every repository below baseDir, push enabled (git://127.0.0.1:port/name).
class GitDaemon : public ServerProcess {
public:
    explicit GitDaemon(QString baseDir)
        : m_baseDir(std::move(baseDir)) {
        setLogPath(m_dir.filePath(QStringLiteral("git-daemon.log")));
    }
    ~GitDaemon() override { stop(); }
    QString url(const QString &repoName) const {
        return QStringLiteral("git://127.0.0.1:%1/%2").arg(port()).arg(repoName);
    }

protected:
    std::pair<QString, QStringList> command() const override {
        // git-daemon itself rather than the "git daemon" wrapper, which would run it as a
        // grandchild that the parent-death signal does not reach.
        static const QString daemon =
            QString::fromUtf8(runGit({QStringLiteral("--exec-path")}).out.trimmed()) +
            QStringLiteral("/git-daemon");
        return {daemon,
                {QStringLiteral("--reuseaddr"), QStringLiteral("--export-all"),
                 QStringLiteral("--enable=receive-pack"), QStringLiteral("--informative-errors"),
                 QStringLiteral("--base-path=%1").arg(m_baseDir),
                 QStringLiteral("--listen=127.0.0.1"), QStringLiteral("--port=%1").arg(port()),
                 m_baseDir}};
    }

private:
    QString m_baseDir;
    QTemporaryDir m_dir;
};

// git-http-backend as CGI behind lighttpd: TLS with a certificate from a test CA made with the
// openssl CLI, and basic auth for one user (https://127.0.0.1:port/git/name). The certificate
// names 127.0.0.1 and localhost unless other names are given (to test a name mismatch).
class HttpsGitServer : public ServerProcess {
public:
    HttpsGitServer(QString projectRoot, QString user, QString password,
                   QStringList certificateNames = {QStringLiteral("localhost"),
                                                   QStringLiteral("127.0.0.1")})
        : m_projectRoot(std::move(projectRoot))
        , m_user(std::move(user))
        , m_password(std::move(password))
        , m_names(std::move(certificateNames)) {
        setLogPath(path(QStringLiteral("lighttpd.log")));
    }
    ~HttpsGitServer() override { stop(); }

    QString caPemPath() const { return path(QStringLiteral("ca.pem")); }
    QString url(const QString &repoName, const QString &host = QStringLiteral("127.0.0.1")) const {
        return QStringLiteral("https://%1:%2/git/%3").arg(host).arg(port()).arg(repoName);
    }
    bool start() {
        if (!m_prepared && !prepare()) return false;
        return ServerProcess::start();
    }

protected:
    std::pair<QString, QStringList> command() const override {
        writeConfig();
        return {
            QStringLiteral("/usr/sbin/lighttpd"),
            {QStringLiteral("-D"), QStringLiteral("-f"), path(QStringLiteral("lighttpd.conf"))}};
    }

private:
    QString path(const QString &name) const { return m_dir.filePath(name); }

    bool openssl(const QStringList &arguments) {
        const CommandResult result = runCommand(QStringLiteral("openssl"), arguments);
        if (!result.ok())
            qWarning("openssl %s failed: %s", qPrintable(arguments.join(u' ')),
                     result.err.constData());
        return result.ok();
    }

    bool prepare() {
        QStringList altNames;
        for (const QString &name : std::as_const(m_names)) {
            const bool isIp = !name.isEmpty() && name.at(0).isDigit();
            altNames << (isIp ? QStringLiteral("IP:") : QStringLiteral("DNS:")) + name;
        }
        QFile extensions(path(QStringLiteral("server.ext")));
        if (!extensions.open(QIODevice::WriteOnly)) return false;
        extensions.write(QStringLiteral("subjectAltName=%1\nextendedKeyUsage=serverAuth\n"
                                        "basicConstraints=CA:FALSE\n")
                             .arg(altNames.join(u','))
                             .toUtf8());
        extensions.close();
        QFile users(path(QStringLiteral("users")));
        if (!users.open(QIODevice::WriteOnly)) return false;
        users.write(QStringLiteral("%1:%2\n").arg(m_user, m_password).toUtf8());
        users.close();
        QDir(m_dir.path()).mkpath(QStringLiteral("www"));
        QDir(m_dir.path()).mkpath(QStringLiteral("upload"));
        const QStringList ecKey{
            QStringLiteral("-newkey"), QStringLiteral("ec"), QStringLiteral("-pkeyopt"),
            QStringLiteral("ec_paramgen_curve:P-256"), QStringLiteral("-nodes")};
        m_prepared =
            openssl(QStringList{QStringLiteral("req"), QStringLiteral("-x509")} + ecKey +
                    QStringList{QStringLiteral("-keyout"), path(QStringLiteral("ca.key")),
                                QStringLiteral("-out"), caPemPath(), QStringLiteral("-days"),
                                QStringLiteral("2"), QStringLiteral("-subj"),
                                QStringLiteral("/CN=Quire test CA")}) &&
            openssl(QStringList{QStringLiteral("req")} + ecKey +
                    QStringList{QStringLiteral("-keyout"), path(QStringLiteral("server.key")),
                                QStringLiteral("-out"), path(QStringLiteral("server.csr")),
                                QStringLiteral("-subj"),
                                QStringLiteral("/CN=") + m_names.value(0)}) &&
            openssl({QStringLiteral("x509"), QStringLiteral("-req"), QStringLiteral("-in"),
                     path(QStringLiteral("server.csr")), QStringLiteral("-CA"), caPemPath(),
                     QStringLiteral("-CAkey"), path(QStringLiteral("ca.key")),
                     QStringLiteral("-CAcreateserial"), QStringLiteral("-days"),
                     QStringLiteral("2"), QStringLiteral("-extfile"),
                     path(QStringLiteral("server.ext")), QStringLiteral("-out"),
                     path(QStringLiteral("server.pem"))});
        return m_prepared;
    }

    void writeConfig() const {
        const QString config =
            QStringLiteral(
                "server.modules = (\"mod_auth\", \"mod_authn_file\", \"mod_alias\", "
                "\"mod_setenv\", \"mod_cgi\", \"mod_openssl\")\n"
                "server.document-root = \"%1/www\"\n"
                "server.bind = \"127.0.0.1\"\n"
                "server.port = %2\n"
                "server.errorlog = \"%1/lighttpd-error.log\"\n"
                "server.upload-dirs = (\"%1/upload\")\n"
                "ssl.engine = \"enable\"\n"
                "ssl.pemfile = \"%1/server.pem\"\n"
                "ssl.privkey = \"%1/server.key\"\n"
                "auth.backend = \"plain\"\n"
                "auth.backend.plain.userfile = \"%1/users\"\n"
                "auth.require = (\"/\" => (\"method\" => \"basic\", \"realm\" => \"quire test\", "
                "\"require\" => \"valid-user\"))\n"
                "alias.url = (\"/git\" => \"/usr/lib/git-core/git-http-backend\")\n"
                "$HTTP[\"url\"] =~ \"^/git\" {\n"
                "  cgi.assign = (\"\" => \"\")\n"
                "  setenv.add-environment = (\"GIT_PROJECT_ROOT\" => \"%3\", "
                "\"GIT_HTTP_EXPORT_ALL\" => \"1\", \"GIT_CONFIG_NOSYSTEM\" => \"1\")\n"
                "}\n")
                .arg(m_dir.path())
                .arg(port())
                .arg(m_projectRoot);
        QFile file(path(QStringLiteral("lighttpd.conf")));
        if (file.open(QIODevice::WriteOnly)) file.write(config.toUtf8());
    }

    QTemporaryDir m_dir;
    QString m_projectRoot;
    QString m_user;
    QString m_password;
    QStringList m_names;
    bool m_prepared = false;
};

inline CommandResult sshKeygen(const QString &type, const QString &keyPath) {
    QFile::remove(keyPath);
    QFile::remove(keyPath + QStringLiteral(".pub"));
    return runCommand(QStringLiteral("ssh-keygen"),
                      {QStringLiteral("-q"), QStringLiteral("-t"), type, QStringLiteral("-N"),
                       QString(), QStringLiteral("-C"), QStringLiteral("quire-test"),
                       QStringLiteral("-f"), keyPath});
}

// Hex SHA-256 of an OpenSSH public key file's key blob: the fingerprint ssh-keygen -l shows
// (there in base64).
inline QString sshKeySha256(const QString &publicKeyPath) {
    QFile file(publicKeyPath);
    if (!file.open(QIODevice::ReadOnly)) return {};
    const QList<QByteArray> fields = file.readAll().simplified().split(' ');
    if (fields.size() < 2) return {};
    return QString::fromLatin1(
        QCryptographicHash::hash(QByteArray::fromBase64(fields.at(1)), QCryptographicHash::Sha256)
            .toHex());
}

// sshd on 127.0.0.1 with its own ed25519 host key and one authorized ed25519 client key
// (libssh2 1.10 cannot sign with RSA keys using SHA-2, which OpenSSH 9 requires, so no RSA).
// Logins as root (the tests run as root) with the key only.
class SshGitServer : public ServerProcess {
public:
    SshGitServer() { setLogPath(path(QStringLiteral("sshd.log"))); }
    ~SshGitServer() override { stop(); }

    QString clientKeyPath() const { return path(QStringLiteral("client_ed25519")); }
    QString hostKeyPath() const { return path(QStringLiteral("host_ed25519")); }
    QString hostKeySha256() const { return sshKeySha256(hostKeyPath() + QStringLiteral(".pub")); }
    QString url(const QString &absoluteRepoPath,
                const QString &user = QStringLiteral("root")) const {
        return QStringLiteral("ssh://%1@127.0.0.1:%2%3")
            .arg(user)
            .arg(port())
            .arg(absoluteRepoPath);
    }
    // Authorizes one more public key (e.g. an ecdsa key) besides the generated one.
    bool authorize(const QString &publicKeyPath) {
        QFile key(publicKeyPath);
        QFile keys(path(QStringLiteral("authorized_keys")));
        if (!key.open(QIODevice::ReadOnly) || !keys.open(QIODevice::Append)) return false;
        keys.write(key.readAll());
        return true;
    }
    bool start() {
        if (!m_prepared && !prepare()) return false;
        return ServerProcess::start();
    }

protected:
    std::pair<QString, QStringList> command() const override {
        const QString config = QStringLiteral("ListenAddress 127.0.0.1\n"
                                              "HostKey %1/host_ed25519\n"
                                              "PidFile %1/sshd.pid\n"
                                              "AuthorizedKeysFile %1/authorized_keys\n"
                                              "PermitRootLogin prohibit-password\n"
                                              "PubkeyAuthentication yes\n"
                                              "PasswordAuthentication no\n"
                                              "KbdInteractiveAuthentication no\n"
                                              "StrictModes no\n"
                                              "UsePAM no\n"
                                              "UseDNS no\n"
                                              "PrintMotd no\n"
                                              "AcceptEnv none\n")
                                   .arg(m_dir.path());
        QFile file(path(QStringLiteral("sshd_config")));
        if (file.open(QIODevice::WriteOnly)) file.write(config.toUtf8());
        return {QStringLiteral("/usr/sbin/sshd"),
                {QStringLiteral("-D"), QStringLiteral("-e"), QStringLiteral("-f"),
                 path(QStringLiteral("sshd_config")), QStringLiteral("-p"),
                 QString::number(port())}};
    }

private:
    QString path(const QString &name) const { return m_dir.filePath(name); }
    bool prepare() {
        // sshd refuses to start without its privilege separation directory.
        QDir().mkpath(QStringLiteral("/run/sshd"));
        m_prepared = sshKeygen(QStringLiteral("ed25519"), hostKeyPath()).ok() &&
                     sshKeygen(QStringLiteral("ed25519"), clientKeyPath()).ok() &&
                     authorize(clientKeyPath() + QStringLiteral(".pub"));
        return m_prepared;
    }

    QTemporaryDir m_dir;
    bool m_prepared = false;
};

// An ssh-agent listening on a socket in a temporary folder, holding the keys given to add().
// ssh-agent is set-group-id, which clears the parent-death signal, so it runs in its "agent for
// a command" form instead: the command is `cat` on a pipe from this process, and when this
// process ends for any reason the pipe closes, cat exits, and the agent follows its parent.
class SshAgent {
public:
    SshAgent() = default;
    SshAgent(const SshAgent &) = delete;
    SshAgent &operator=(const SshAgent &) = delete;
    ~SshAgent() {
        if (!m_process) return;
        killProcessTree(m_process->processId());
        m_process->waitForFinished(5000);
    }
    QString socketPath() const { return m_dir.filePath(QStringLiteral("agent.sock")); }
    bool start() {
        m_process = std::make_unique<QProcess>();
        m_process->setStandardOutputFile(QProcess::nullDevice());
        m_process->setStandardErrorFile(QProcess::nullDevice());
        m_process->start(QStringLiteral("ssh-agent"),
                         {QStringLiteral("-a"), socketPath(), QStringLiteral("cat")});
        if (!m_process->waitForStarted(10000)) return false;
        const QDeadlineTimer deadline(10000);
        while (!deadline.hasExpired() && !QFile::exists(socketPath()))
            QThread::msleep(10);
        return QFile::exists(socketPath());
    }
    bool add(const QString &keyPath) const {
        return runCommand(QStringLiteral("ssh-add"), {QStringLiteral("-q"), keyPath}, {}, {},
                          {{QStringLiteral("SSH_AUTH_SOCK"), socketPath()}})
            .ok();
    }

private:
    QTemporaryDir m_dir;
    std::unique_ptr<QProcess> m_process;
};

} // namespace quire::test
