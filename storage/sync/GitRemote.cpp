#include "sync/GitRemote.h"
#include "sync/FolderPacks.h"
#include "sync/GitSupport.h"

#include <git2.h>
#include <openssl/x509.h>
#include <openssl/x509_vfy.h>
#include <openssl/x509v3.h>

#include <QByteArrayList>
#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QHash>
#include <QRegularExpression>
#include <QSet>
#include <QUrl>

#include <arpa/inet.h>
#include <dirent.h>
#include <linux/tcp.h>
#include <netdb.h>
#include <netinet/in.h>
#include <pthread.h>
#include <signal.h>
#include <sys/socket.h>
#include <unistd.h>

#include <chrono>
#include <cstddef>
#include <memory>
#include <optional>
#include <thread>

namespace quire {

namespace {

struct RepositoryFree {
    void operator()(git_repository *repo) const { git_repository_free(repo); }
};
struct RemoteFree {
    void operator()(git_remote *remote) const { git_remote_free(remote); }
};
struct X509Free {
    void operator()(X509 *cert) const { X509_free(cert); }
};
struct X509StoreFree {
    void operator()(X509_STORE *store) const { X509_STORE_free(store); }
};
struct X509StoreCtxFree {
    void operator()(X509_STORE_CTX *ctx) const { X509_STORE_CTX_free(ctx); }
};
using RepositoryHandle = std::unique_ptr<git_repository, RepositoryFree>;
using RemoteHandle = std::unique_ptr<git_remote, RemoteFree>;
using X509Handle = std::unique_ptr<X509, X509Free>;
using X509StoreHandle = std::unique_ptr<X509_STORE, X509StoreFree>;
using X509StoreCtxHandle = std::unique_ptr<X509_STORE_CTX, X509StoreCtxFree>;

// ---- addresses ----

struct Address {
    enum class Kind { Local, Git, Ssh, Https };
    Kind kind = Kind::Local;
    QString host;
    int port = 0;
    QString path;
    QString user;
    QString url; // what libgit2 is given

    // How the server is named in messages: never with a user or password.
    QString where() const {
        return kind == Kind::Local ? path : QStringLiteral("%1:%2").arg(host).arg(port);
    }
};

const QString kSchemesHint =
    QStringLiteral("use a folder path, file://, git://, ssh:// or https:// address");

// scp-like ssh addresses ("git@server:lab/notebook.git") as hosting sites show them.
const QRegularExpression &scpLikePattern() {
    static const QRegularExpression pattern(
        QStringLiteral("^(?:([^@/:\\s]+)@)?([A-Za-z0-9._-]{2,}|\\[[0-9A-Fa-f:.]+\\]):(?!//)(.+)$"));
    return pattern;
}

Result<Address> parseAddress(const QString &rawUrl) {
    const QString url = rawUrl.trimmed();
    Address address;
    address.url = url;
    if (url.isEmpty())
        return fail(QCoreApplication::translate("quire::storage", "no server address is set"));
    if (url.contains(QChar(u'\n')) || url.contains(QChar(u'\r')) || url.contains(QChar(u'\0')))
        return fail(QCoreApplication::translate("quire::storage",
                                                "the server address contains a line break"));

    if (url.startsWith(u'/')) {
        address.path = QDir::cleanPath(url);
        return address;
    }
    if (!url.contains(QStringLiteral("://"))) {
        const QRegularExpressionMatch scp = scpLikePattern().match(url);
        if (!scp.hasMatch())
            return fail(
                QCoreApplication::translate("quire::storage", "\"%1\" is not a server address: %2")
                    .arg(GitRemote::redactUrl(url), kSchemesHint));
        address.kind = Address::Kind::Ssh;
        address.user = scp.captured(1);
        address.host = scp.captured(2);
        address.port = 22;
        address.path = scp.captured(3);
        return address;
    }

    const QUrl parsed(url, QUrl::StrictMode);
    const QString scheme = parsed.scheme().toLower();
    if (!parsed.isValid())
        return fail(QCoreApplication::translate("quire::storage",
                                                "\"%1\" is not a valid server address: %2")
                        .arg(GitRemote::redactUrl(url), kSchemesHint));
    if (scheme == QStringLiteral("http"))
        return fail(QCoreApplication::translate(
            "quire::storage", "plain http:// would send the password unencrypted: use the "
                              "server's https:// address"));
    if (!parsed.password().isEmpty())
        return fail(QCoreApplication::translate(
            "quire::storage", "the server address contains a password: remove it from the "
                              "address and enter it as the password or token, which is "
                              "kept in the vault"));
    if (scheme == QStringLiteral("file")) {
        if (!parsed.host().isEmpty() && parsed.host() != QStringLiteral("localhost"))
            return fail(QCoreApplication::translate(
                "quire::storage", "file:// addresses must name a folder on this computer "
                                  "(file:///path); mount the network share first"));
        address.path = QDir::cleanPath(parsed.path());
        if (!address.path.startsWith(u'/'))
            return fail(QCoreApplication::translate("quire::storage",
                                                    "the file:// address has no folder path"));
        return address;
    }
    if (scheme == QStringLiteral("git")) {
        address.kind = Address::Kind::Git;
        address.port = parsed.port(9418);
    } else if (scheme == QStringLiteral("ssh")) {
        address.kind = Address::Kind::Ssh;
        address.port = parsed.port(22);
    } else if (scheme == QStringLiteral("https")) {
        address.kind = Address::Kind::Https;
        address.port = parsed.port(443);
    } else {
        return fail(
            QCoreApplication::translate("quire::storage", "\"%1\" addresses are not supported: %2")
                .arg(parsed.scheme(), kSchemesHint));
    }
    address.host = parsed.host();
    address.user = parsed.userName();
    address.path = parsed.path();
    if (address.host.isEmpty())
        return fail(
            QCoreApplication::translate("quire::storage", "the server address %1 names no server")
                .arg(GitRemote::redactUrl(url)));
    if (address.path.isEmpty() || address.path == QStringLiteral("/"))
        return fail(
            QCoreApplication::translate("quire::storage",
                                        "the server address %1 names no repository (add its path)")
                .arg(GitRemote::redactUrl(url)));
    return address;
}

// ---- trust ----

// Accepts "SHA256:<base64>" as ssh-keygen -l prints it, or 64 hex digits (colons allowed).
Result<QString> normalizeHostKeyPin(const QString &pin) {
    QString text = pin.trimmed();
    if (text.isEmpty()) return QString();
    QByteArray raw;
    if (text.startsWith(QStringLiteral("SHA256:"), Qt::CaseInsensitive)) {
        raw = QByteArray::fromBase64(text.mid(7).toLatin1());
    } else {
        text.remove(u':');
        raw = crypto::fromHex(text.toLower().toLatin1());
    }
    if (raw.size() != 32)
        return fail(QCoreApplication::translate(
                        "quire::storage",
                        "the pinned ssh host key \"%1\" is not a SHA-256 fingerprint "
                        "(64 hex digits, or SHA256:… as ssh-keygen -l shows it)")
                        .arg(pin.trimmed()));
    return QString::fromLatin1(crypto::toHex(raw));
}

QString certificateFailure(int error, const QString &host) {
    switch (error) {
    case X509_V_ERR_HOSTNAME_MISMATCH:
    case X509_V_ERR_IP_ADDRESS_MISMATCH:
        return QStringLiteral("the server's certificate is not valid for the name %1: check the "
                              "address, it must be the name the certificate was issued for")
            .arg(host);
    case X509_V_ERR_CERT_HAS_EXPIRED:
        return QStringLiteral("the server's certificate has expired: ask the server's "
                              "administrator to renew it");
    case X509_V_ERR_CERT_NOT_YET_VALID:
        return QStringLiteral("the server's certificate is not valid yet: check this computer's "
                              "date and time");
    case X509_V_ERR_CERT_REVOKED:
        return QStringLiteral("the server's certificate has been revoked");
    case X509_V_ERR_INVALID_PURPOSE:
        return QStringLiteral("the server's certificate is not meant for a web server");
    default:
        return QStringLiteral("the server's certificate is not trusted (not issued by the "
                              "system's or the configured certificate authority): if the lab "
                              "uses its own authority, add its certificate file in the sync "
                              "settings");
    }
}

// libgit2's TLS (mbedTLS here) looks for authorities in its own places and gives us only the
// server's own certificate, so the decision is made here with OpenSSL: the system store plus
// the lab's extra authority, with the host name or IP address checked as well.
Result<void> verifyServerCertificate(const unsigned char *der, size_t size, const QString &host,
                                     const QString &extraCaPemFile) {
    const unsigned char *cursor = der;
    X509Handle leaf(d2i_X509(nullptr, &cursor, long(size)));
    if (!leaf)
        return fail(QCoreApplication::translate(
            "quire::storage", "the server sent a certificate that cannot be read"));

    X509StoreHandle store(X509_STORE_new());
    X509StoreCtxHandle context(X509_STORE_CTX_new());
    if (!store || !context)
        return fail(
            QCoreApplication::translate("quire::storage", "out of memory checking a certificate"));
    X509_STORE_set_default_paths(store.get()); // honours SSL_CERT_FILE / SSL_CERT_DIR too
    if (!extraCaPemFile.isEmpty()) {
        if (!QFileInfo(extraCaPemFile).isFile())
            return fail(QCoreApplication::translate(
                            "quire::storage", "the certificate authority file %1 does not exist")
                            .arg(extraCaPemFile));
        if (X509_STORE_load_file(store.get(), QFile::encodeName(extraCaPemFile).constData()) != 1)
            return fail(
                QCoreApplication::translate("quire::storage",
                                            "the certificate authority file %1 cannot be read: it "
                                            "must hold certificates in PEM form")
                    .arg(extraCaPemFile));
    }
    if (X509_STORE_CTX_init(context.get(), store.get(), leaf.get(), nullptr) != 1)
        return fail(
            QCoreApplication::translate("quire::storage", "out of memory checking a certificate"));
    X509_STORE_CTX_set_purpose(context.get(), X509_PURPOSE_SSL_SERVER);
    X509_VERIFY_PARAM *param = X509_STORE_CTX_get0_param(context.get());
    QString bareHost = host;
    if (bareHost.startsWith(u'[') && bareHost.endsWith(u']')) bareHost = bareHost.mid(1).chopped(1);
    const QByteArray hostBytes = bareHost.toUtf8();
    X509_VERIFY_PARAM_set_hostflags(param, X509_CHECK_FLAG_NO_PARTIAL_WILDCARDS);
    // An address is checked against the certificate's IP entries, a name against DNS entries.
    if (X509_VERIFY_PARAM_set1_ip_asc(param, hostBytes.constData()) != 1 &&
        X509_VERIFY_PARAM_set1_host(param, hostBytes.constData(), size_t(hostBytes.size())) != 1)
        return fail(
            QCoreApplication::translate("quire::storage", "the server name %1 cannot be checked")
                .arg(host));

    if (X509_verify_cert(context.get()) == 1) return {};
    return fail(certificateFailure(X509_STORE_CTX_get_error(context.get()), bareHost));
}

// ---- the connection itself ----

// A write to a connection the server has dropped raises SIGPIPE, whose default action ends the
// whole program, and libgit2 1.5 sends without MSG_NOSIGNAL. The signal goes to the thread that
// wrote, so it is blocked on this thread for the transfer, and one raised meanwhile is consumed
// before the old mask returns.
class SigpipeGuard {
public:
    SigpipeGuard() {
        sigemptyset(&m_pipe);
        sigaddset(&m_pipe, SIGPIPE);
        sigset_t pending;
        sigemptyset(&pending);
        m_wasPending = sigpending(&pending) == 0 && sigismember(&pending, SIGPIPE);
        pthread_sigmask(SIG_BLOCK, &m_pipe, &m_previous);
    }
    ~SigpipeGuard() {
        if (!m_wasPending) {
            const timespec noWait{0, 0};
            while (sigtimedwait(&m_pipe, nullptr, &noWait) == SIGPIPE) {
            }
        }
        pthread_sigmask(SIG_SETMASK, &m_previous, nullptr);
    }
    SigpipeGuard(const SigpipeGuard &) = delete;
    SigpipeGuard &operator=(const SigpipeGuard &) = delete;

private:
    sigset_t m_pipe;
    sigset_t m_previous;
    bool m_wasPending = false;
};

std::atomic<qint64> stallTimeoutMs{120000};

// Watches the TCP connections one transfer opens to its server, from a second thread. libgit2
// 1.5 has no network time-outs and looks at the cancel flag only in its callbacks, which stop
// when a server goes silent or the line dies without a reset (a pulled cable, a sleeping NAT):
// the call would block for ever. On cancel, or when no payload has moved either way for the
// stall time-out, the watchdog shuts the connections down; the blocked call then fails at once
// and libgit2 closes the sockets as usual. Only connections that did not exist when the
// transfer began and that lead to the server's address and port are touched.
class ConnectionWatchdog {
public:
    ConnectionWatchdog(const QString &host, int port, const std::atomic_bool *cancel)
        : m_cancel(cancel)
        , m_stallLimit(std::chrono::milliseconds(stallTimeoutMs.load())) {
        const QList<QByteArray> open = tcpSockets().keys();
        const QSet<QByteArray> existing(open.begin(), open.end());
        m_thread = std::thread([this, host, port, existing] { watch(host, port, existing); });
    }
    ~ConnectionWatchdog() {
        m_stop = true;
        if (m_thread.joinable()) m_thread.join();
    }
    ConnectionWatchdog(const ConnectionWatchdog &) = delete;
    ConnectionWatchdog &operator=(const ConnectionWatchdog &) = delete;

    bool stalled() const { return m_stalled; }
    // The transfer's own side is working (building the pack it will send, indexing what it
    // received): a connection that is quiet meanwhile is not a silent server.
    void noteLocalWork() {
        m_localWorkAt = std::chrono::steady_clock::now().time_since_epoch().count();
    }

private:
    struct Socket {
        int fd = -1;
        sockaddr_storage peer{};
        qint64 moved = -1; // payload bytes acknowledged + received; -1 if the kernel cannot say
    };

    // Every TCP socket of this process, by the inode that names it.
    static QHash<QByteArray, Socket> tcpSockets() {
        QHash<QByteArray, Socket> sockets;
        DIR *fds = ::opendir("/proc/self/fd");
        if (!fds) return sockets;
        while (const dirent *entry = ::readdir(fds)) {
            bool numeric = false;
            const int fd = QByteArray(entry->d_name).toInt(&numeric);
            if (!numeric || fd == ::dirfd(fds)) continue;
            tcp_info info{};
            socklen_t infoSize = sizeof(info);
            if (::getsockopt(fd, IPPROTO_TCP, TCP_INFO, &info, &infoSize) != 0) continue;
            char link[64] = {};
            const QByteArray path = QByteArray("/proc/self/fd/") + entry->d_name;
            if (::readlink(path.constData(), link, sizeof(link) - 1) <= 0) continue;
            Socket socket;
            socket.fd = fd;
            socklen_t peerSize = sizeof(socket.peer);
            if (::getpeername(fd, reinterpret_cast<sockaddr *>(&socket.peer), &peerSize) != 0)
                continue; // not connected (yet): the kernel's own connect time-out applies
            if (infoSize >=
                offsetof(tcp_info, tcpi_bytes_received) + sizeof(info.tcpi_bytes_received))
                socket.moved = qint64(info.tcpi_bytes_acked + info.tcpi_bytes_received);
            sockets.insert(QByteArray(link), socket);
        }
        ::closedir(fds);
        return sockets;
    }

    static QSet<QByteArray> addressesOf(const QString &host) {
        QSet<QByteArray> addresses;
        addrinfo hints{};
        hints.ai_socktype = SOCK_STREAM;
        addrinfo *found = nullptr;
        QString bare = host;
        if (bare.startsWith(u'[') && bare.endsWith(u']')) bare = bare.mid(1).chopped(1);
        if (::getaddrinfo(bare.toUtf8().constData(), nullptr, &hints, &found) != 0)
            return addresses;
        for (const addrinfo *at = found; at; at = at->ai_next)
            addresses.insert(addressKey(at->ai_addr));
        ::freeaddrinfo(found);
        return addresses;
    }

    static QByteArray addressKey(const sockaddr *address) {
        if (address->sa_family == AF_INET) {
            const auto *v4 = reinterpret_cast<const sockaddr_in *>(address);
            return QByteArray(reinterpret_cast<const char *>(&v4->sin_addr), sizeof(v4->sin_addr));
        }
        if (address->sa_family == AF_INET6) {
            const auto *v6 = reinterpret_cast<const sockaddr_in6 *>(address);
            // An IPv4 address reached over an IPv6 socket compares as IPv4.
            if (IN6_IS_ADDR_V4MAPPED(&v6->sin6_addr))
                return QByteArray(reinterpret_cast<const char *>(&v6->sin6_addr) + 12, 4);
            return QByteArray(reinterpret_cast<const char *>(&v6->sin6_addr),
                              sizeof(v6->sin6_addr));
        }
        return {};
    }

    static int portOf(const sockaddr_storage &address) {
        if (address.ss_family == AF_INET)
            return ntohs(reinterpret_cast<const sockaddr_in *>(&address)->sin_port);
        if (address.ss_family == AF_INET6)
            return ntohs(reinterpret_cast<const sockaddr_in6 *>(&address)->sin6_port);
        return -1;
    }

    void watch(const QString &host, int port, const QSet<QByteArray> &existing) {
        using Clock = std::chrono::steady_clock;
        const QSet<QByteArray> serverAddresses = addressesOf(host);
        QHash<QByteArray, qint64> lastMoved;
        Clock::time_point lastActivity = Clock::now();
        while (!m_stop) {
            std::this_thread::sleep_for(std::chrono::milliseconds(50));
            QList<int> ours;
            bool active = false;
            const QHash<QByteArray, Socket> sockets = tcpSockets();
            for (auto it = sockets.begin(); it != sockets.end(); ++it) {
                const Socket &socket = it.value();
                if (existing.contains(it.key()) || portOf(socket.peer) != port) continue;
                if (!serverAddresses.isEmpty() &&
                    !serverAddresses.contains(
                        addressKey(reinterpret_cast<const sockaddr *>(&socket.peer))))
                    continue;
                ours << socket.fd;
                if (socket.moved < 0 || lastMoved.value(it.key(), -1) != socket.moved)
                    active = true;
                lastMoved.insert(it.key(), socket.moved);
            }
            if (active || ours.isEmpty()) lastActivity = Clock::now();
            const Clock::time_point localWork{Clock::duration(m_localWorkAt.load())};
            if (localWork > lastActivity) lastActivity = localWork;
            const bool cancelled = m_cancel && m_cancel->load();
            const bool stalled = !ours.isEmpty() && Clock::now() - lastActivity >= m_stallLimit;
            if (!cancelled && !stalled) continue;
            if (stalled && !cancelled) m_stalled = true;
            for (const int fd : std::as_const(ours))
                ::shutdown(fd, SHUT_RDWR);
            // Keep watching: a new connection (libgit2 may retry) meets the same end.
            lastActivity = Clock::now();
        }
    }

    const std::atomic_bool *m_cancel;
    const std::chrono::milliseconds m_stallLimit;
    std::atomic_bool m_stop = false;
    std::atomic_bool m_stalled = false;
    std::atomic<std::chrono::steady_clock::rep> m_localWorkAt = 0;
    std::thread m_thread;
};

// ---- one transfer ----

// Everything the libgit2 callbacks need, and what they found out. A callback that refuses
// something records why in `refusal`, because libgit2's own text for a callback error
// ("user rejected certificate", "callback returned -7") helps nobody.
struct Session {
    Session(const Address &address, const RemoteCredentials &credentials, QString hostKeyPin,
            const TransferProgressCallback &progress, const std::atomic_bool *cancel)
        : address(address)
        , credentials(credentials)
        , hostKeyPin(std::move(hostKeyPin))
        , progress(progress)
        , cancel(cancel) {}

    const Address &address;
    const RemoteCredentials &credentials;
    const QString hostKeyPin;
    const TransferProgressCallback &progress;
    const std::atomic_bool *cancel;

    QString refusal;
    QString hostKeySha256;
    ConnectionWatchdog *watchdog = nullptr; // none for a folder
    int passwordAttempts = 0;
    int sshKeyAttempts = 0;
    bool loginTried = false;
    QStringList refRejections;

    bool cancelled() const { return cancel && cancel->load(); }
    QString user(const char *userFromUrl) const {
        if (!credentials.user.isEmpty()) return credentials.user;
        return userFromUrl ? QString::fromUtf8(userFromUrl) : QString();
    }
    // Called from every progress callback: libgit2 is working, not waiting on the server.
    bool keepGoing() const {
        if (watchdog) watchdog->noteLocalWork();
        return !cancelled();
    }
    int refuse(const QString &why) {
        if (refusal.isEmpty()) refusal = why;
        return GIT_EUSER;
    }
    void report(qint64 done, qint64 total, qint64 bytes) const {
        if (progress) progress(TransferProgress{done, total, bytes});
    }
};

Session &sessionOf(void *payload) {
    return *static_cast<Session *>(payload);
}

int onCredentials(git_credential **out, const char * /*url*/, const char *userFromUrl,
                  unsigned int allowedTypes, void *payload) {
    Session &session = sessionOf(payload);
    if (session.cancelled()) return GIT_EUSER;
    const QString user = session.user(userFromUrl);
    const QByteArray userBytes = user.toUtf8();
    const RemoteCredentials &credentials = session.credentials;

    // ssh asks for the user name on its own first when the address carries none.
    if (allowedTypes == GIT_CREDENTIAL_USERNAME) {
        if (user.isEmpty())
            return session.refuse(QStringLiteral("the ssh address needs a user name, e.g. "
                                                 "ssh://git@%1/path")
                                      .arg(session.address.host));
        return git_credential_username_new(out, userBytes.constData());
    }

    if (allowedTypes & GIT_CREDENTIAL_USERPASS_PLAINTEXT) {
        // libgit2 asks again after every refusal; a second question means the first answer was
        // wrong, and asking the server forever would only lock the account.
        if (++session.passwordAttempts > 1)
            return session.refuse(QStringLiteral("the server refused the login for user %1: "
                                                 "check the user name and token")
                                      .arg(user));
        if (user.isEmpty() || credentials.secret.isEmpty())
            return session.refuse(QStringLiteral("the server %1 asks for a login: enter a user "
                                                 "name and a password or token")
                                      .arg(session.address.where()));
        session.loginTried = true;
        return git_credential_userpass_plaintext_new(out, userBytes.constData(),
                                                     credentials.secret.bytes().constData());
    }

    if (allowedTypes & (GIT_CREDENTIAL_SSH_KEY | GIT_CREDENTIAL_SSH_MEMORY)) {
        const bool fromAgent = credentials.sshPrivateKey.isEmpty();
        if (++session.sshKeyAttempts > 1)
            return session.refuse(
                fromAgent ? QStringLiteral("the server refused every key the ssh agent offered "
                                           "for user %1: add the right key to the agent, or "
                                           "ask for your public key to be authorised")
                                .arg(user)
                          : QStringLiteral("the server refused the login for user %1 with this "
                                           "ssh key: ask for its public key to be authorised "
                                           "on the server")
                                .arg(user));
        if (user.isEmpty())
            return session.refuse(QStringLiteral("the ssh address needs a user name, e.g. "
                                                 "ssh://git@%1/path")
                                      .arg(session.address.host));
        session.loginTried = true;
        int rc = 0;
        if (fromAgent) {
            rc = git_credential_ssh_key_from_agent(out, userBytes.constData());
        } else {
            const QByteArray publicKey = credentials.sshPublicKey;
            rc = git_credential_ssh_key_memory_new(
                out, userBytes.constData(), publicKey.isEmpty() ? nullptr : publicKey.constData(),
                credentials.sshPrivateKey.bytes().constData(), nullptr);
        }
        if (rc < 0)
            return session.refuse(
                QStringLiteral("the ssh key cannot be used: %1").arg(lastGitError()));
        return rc;
    }

    return session.refuse(QStringLiteral("the server %1 asks for a kind of login Quire does not "
                                         "offer: use a password or token over https, or a key "
                                         "over ssh")
                              .arg(session.address.where()));
}

int onCertificate(git_cert *cert, int /*valid*/, const char *host, void *payload) {
    Session &session = sessionOf(payload);
    if (session.cancelled()) return GIT_EUSER;

    if (cert->cert_type == GIT_CERT_X509) {
        // Decided here even when libgit2 thinks the certificate valid: the rule is the system
        // store plus the lab's authority, whatever libgit2's TLS library was built to trust.
        const auto *x509 = reinterpret_cast<const git_cert_x509 *>(cert);
        const Result<void> verdict =
            verifyServerCertificate(static_cast<const unsigned char *>(x509->data), x509->len,
                                    host ? QString::fromUtf8(host) : session.address.host,
                                    session.credentials.extraCaPemFile);
        if (!verdict) return session.refuse(verdict.error());
        return 0;
    }

    if (cert->cert_type == GIT_CERT_HOSTKEY_LIBSSH2) {
        const auto *hostKey = reinterpret_cast<const git_cert_hostkey *>(cert);
        QByteArray digest;
        if (hostKey->type & GIT_CERT_SSH_RAW)
            digest = crypto::sha256(QByteArray(hostKey->hostkey, qsizetype(hostKey->hostkey_len)));
        else if (hostKey->type & GIT_CERT_SSH_SHA256)
            digest = QByteArray(reinterpret_cast<const char *>(hostKey->hash_sha256),
                                sizeof(hostKey->hash_sha256));
        else
            return session.refuse(QStringLiteral("the ssh server's host key cannot be checked"));
        session.hostKeySha256 = QString::fromLatin1(crypto::toHex(digest));
        if (!session.hostKeyPin.isEmpty() && session.hostKeyPin != session.hostKeySha256)
            return session.refuse(
                QStringLiteral("the server's host key has changed: expected SHA-256 %1, got %2. "
                               "Someone may be impersonating the server; if it was set up anew, "
                               "confirm the new key with its administrator before accepting it")
                    .arg(session.hostKeyPin, session.hostKeySha256));
        return 0;
    }

    return session.refuse(QStringLiteral("the server's identity cannot be checked"));
}

int onSidebandText(const char * /*text*/, int /*length*/, void *payload) {
    return sessionOf(payload).keepGoing() ? 0 : GIT_EUSER;
}

int onFetchProgress(const git_indexer_progress *stats, void *payload) {
    Session &session = sessionOf(payload);
    if (!session.keepGoing()) return GIT_EUSER;
    session.report(stats->received_objects, stats->total_objects, qint64(stats->received_bytes));
    return 0;
}

int onPackProgress(int /*stage*/, uint32_t /*current*/, uint32_t /*total*/, void *payload) {
    return sessionOf(payload).keepGoing() ? 0 : GIT_EUSER;
}

int onPushProgress(unsigned int current, unsigned int total, size_t bytes, void *payload) {
    Session &session = sessionOf(payload);
    if (!session.keepGoing()) return GIT_EUSER;
    session.report(current, total, qint64(bytes));
    return 0;
}

int onPushNegotiation(const git_push_update ** /*updates*/, size_t /*count*/, void *payload) {
    return sessionOf(payload).cancelled() ? GIT_EUSER : 0;
}

int onPushRefStatus(const char *refname, const char *status, void *payload) {
    if (status)
        sessionOf(payload).refRejections
            << QStringLiteral("%1: %2").arg(QString::fromUtf8(refname), QString::fromUtf8(status));
    return 0;
}

git_remote_callbacks callbacksFor(Session &session) {
    git_remote_callbacks callbacks = GIT_REMOTE_CALLBACKS_INIT;
    callbacks.credentials = onCredentials;
    callbacks.certificate_check = onCertificate;
    callbacks.sideband_progress = onSidebandText;
    callbacks.transfer_progress = onFetchProgress;
    callbacks.pack_progress = onPackProgress;
    callbacks.push_transfer_progress = onPushProgress;
    callbacks.push_negotiation = onPushNegotiation;
    callbacks.push_update_reference = onPushRefStatus;
    callbacks.payload = &session;
    return callbacks;
}

// ---- turning failures into words ----

enum class Phase { Connect, Transfer };

bool mentionsAny(const QString &text, std::initializer_list<const char *> words) {
    for (const char *word : words)
        if (text.contains(QLatin1String(word), Qt::CaseInsensitive)) return true;
    return false;
}

QString reachFailureReason(const QString &detail) {
    if (mentionsAny(detail, {"refused"})) return QStringLiteral("connection refused");
    if (mentionsAny(detail, {"resolve", "name or service", "not known"}))
        return QStringLiteral("the name is not known (check the address and the network)");
    if (mentionsAny(detail, {"timed out", "timeout"}))
        return QStringLiteral("no answer (timed out)");
    if (mentionsAny(detail, {"unreachable", "no route"}))
        return QStringLiteral("the network cannot reach it");
    return QString();
}

// A secret must never travel in a message, even if some library were to echo it.
QString scrub(QString message, const RemoteCredentials &credentials) {
    const auto hide = [&message](const QByteArray &secret) {
        if (secret.size() >= 4) message.replace(QString::fromUtf8(secret), QStringLiteral("•••"));
    };
    hide(credentials.secret.bytes());
    for (const QByteArray &line : credentials.sshPrivateKey.bytes().split('\n'))
        if (line.size() >= 16 && !line.startsWith("-----")) hide(line.trimmed());
    return message;
}

QString describeFailure(const Session &session, int rc, Phase phase, const QString &verb) {
    if (session.cancelled()) return QStringLiteral("the transfer was cancelled");
    if (!session.refusal.isEmpty()) return session.refusal;
    if (session.watchdog && session.watchdog->stalled())
        return phase == Phase::Connect
                   ? QStringLiteral("the server %1 stopped answering: check the network, or try "
                                    "again later")
                         .arg(session.address.where())
                   : QStringLiteral("the server stopped answering during the transfer; nothing "
                                    "was changed — sync again");

    const git_error *error = git_error_last();
    const int klass = error ? error->klass : GIT_ERROR_NONE;
    const QString detail = lastGitError();
    const Address &address = session.address;

    if (rc == GIT_EAUTH || mentionsAny(detail, {"authentication", "401", "unauthorized"})) {
        if (session.loginTried)
            return QStringLiteral("the server refused the login for user %1: check the user name "
                                  "and token")
                .arg(session.credentials.user.isEmpty() ? address.user : session.credentials.user);
        return QStringLiteral("the server %1 asks for a login: enter a user name and a password "
                              "or token")
            .arg(address.where());
    }
    if (rc == GIT_ECERTIFICATE)
        return QStringLiteral("the server's certificate is not trusted (not issued by the "
                              "system's or the configured certificate authority)");

    if (address.kind == Address::Kind::Local) {
        if (phase == Phase::Connect)
            return QStringLiteral("there is no git repository at %1: check that the folder (or "
                                  "the network share holding it) is there (%2)")
                .arg(address.path, detail);
        return QStringLiteral("could not %1 the repository at %2: %3")
            .arg(verb == QStringLiteral("fetch") ? QStringLiteral("fetch from")
                                                 : QStringLiteral("push to"),
                 address.path, detail);
    }

    if (phase == Phase::Connect) {
        const QString reason = reachFailureReason(detail);
        if (!reason.isEmpty())
            return QStringLiteral("could not reach the server %1: %2").arg(address.where(), reason);
        if (mentionsAny(detail, {"404", "not found", "does not appear to be a git repository",
                                 "no such repository", "not exported", "access denied"}))
            return QStringLiteral("the server %1 has no repository at %2: check the address")
                .arg(address.where(), address.path);
        if (mentionsAny(detail, {"403", "forbidden"}))
            return QStringLiteral("the server %1 refused access to %2: ask its administrator to "
                                  "give user %3 access")
                .arg(address.where(), address.path, session.user(nullptr));
        if (klass == GIT_ERROR_NET || klass == GIT_ERROR_OS || klass == GIT_ERROR_SSL ||
            klass == GIT_ERROR_SSH)
            return QStringLiteral("could not reach the server %1: %2").arg(address.where(), detail);
        return QStringLiteral("could not talk to the server %1: %2").arg(address.where(), detail);
    }

    // Past the connection, a network error means the line dropped. libgit2 moves refs only
    // after a complete pack is stored, and a git server does the same, so retrying is safe.
    if (klass == GIT_ERROR_NET || klass == GIT_ERROR_OS || klass == GIT_ERROR_SSL ||
        klass == GIT_ERROR_SSH || klass == GIT_ERROR_HTTP ||
        mentionsAny(detail, {"eof", "end of file", "reset by peer", "broken pipe", "closed",
                             "truncated", "short read"}))
        return verb == QStringLiteral("fetch")
                   ? QStringLiteral("the connection was lost during the transfer; nothing was "
                                    "changed — sync again")
                   : QStringLiteral("the connection was lost during the transfer; nothing "
                                    "half-done was kept — sync again");
    return QStringLiteral("could not %1 with the server %2: %3").arg(verb, address.where(), detail);
}

// ---- shared set-up ----

Result<RepositoryHandle> openRepository(const QString &path) {
    git_repository *raw = nullptr;
    if (git_repository_open_ext(&raw, QFile::encodeName(path).constData(),
                                GIT_REPOSITORY_OPEN_NO_SEARCH, nullptr) < 0)
        return fail(QCoreApplication::translate(
                        "quire::storage", "could not open the notebook's repository at %1: %2")
                        .arg(path, lastGitError()));
    return RepositoryHandle(raw);
}

bool isValidRefName(const QString &name) {
    int valid = 0;
    return git_reference_name_is_valid(&valid, name.toUtf8().constData()) == 0 && valid;
}

QString oidHex(const git_oid &oid) {
    char hex[GIT_OID_HEXSZ + 1] = {};
    git_oid_tostr(hex, sizeof(hex), &oid);
    return QString::fromLatin1(hex);
}

// Rejections that fetching and merging cure (someone else pushed first), as against refusals
// that only the server's administrator can lift.
bool isRetryableRejection(const QString &status) {
    return !mentionsAny(status, {"hook", "denied", "deny", "permission", "protected", "refus",
                                 "not allowed", "forbidden"});
}

} // namespace

// ---- public ----

void GitRemote::setStallTimeout(std::chrono::milliseconds timeout) {
    stallTimeoutMs = qint64(timeout.count());
}

QString GitRemote::redactUrl(const QString &url) {
    const qsizetype schemeEnd = url.indexOf(QStringLiteral("://"));
    if (schemeEnd < 0) {
        const QRegularExpressionMatch scp = scpLikePattern().match(url);
        if (scp.hasMatch() && !scp.captured(1).isEmpty())
            return scp.captured(2) + u':' + scp.captured(3);
        return url;
    }
    const QString scheme = url.left(schemeEnd + 3);
    const QString rest = url.mid(schemeEnd + 3);
    const qsizetype slash = rest.indexOf(u'/');
    const QString authority = slash < 0 ? rest : rest.left(slash);
    qsizetype at = authority.lastIndexOf(u'@');
    if (at < 0) {
        // A password with a raw '/' in it ends the authority early; an '@' later on after a
        // "user:" that is not a port still marks user information.
        const qsizetype colon = authority.indexOf(u':');
        const qsizetype laterAt = rest.lastIndexOf(u'@');
        const QString afterColon = colon < 0 ? QString() : authority.mid(colon + 1);
        bool isPort = false;
        afterColon.toUInt(&isPort);
        if (colon >= 0 && !isPort && laterAt > slash) at = laterAt;
    }
    return at < 0 ? url : scheme + rest.mid(at + 1);
}

namespace {

// What fetch and push both check before touching the network: the address, the pinned
// host key and the two ref names.
struct TransferPlan {
    Address address;
    QString hostKeyPin;
    QString remoteRef; // refs/heads/<branch> on the server
};

Result<TransferPlan> planTransfer(const QString &url, const RemoteCredentials &credentials,
                                  const QString &branch, const QString &localRef) {
    const Result<Address> address = parseAddress(url);
    if (!address) return address.failure();
    const Result<QString> pin = normalizeHostKeyPin(credentials.sshHostKeySha256);
    if (!pin) return pin.failure();
    const QString remoteRef = QStringLiteral("refs/heads/") + branch;
    if (branch.isEmpty() || !isValidRefName(remoteRef))
        return fail(
            QCoreApplication::translate("quire::storage", "\"%1\" is not a valid branch name")
                .arg(branch));
    if (!localRef.startsWith(QStringLiteral("refs/")) || !isValidRefName(localRef))
        return fail(
            QCoreApplication::translate("quire::storage", "\"%1\" is not a valid reference name")
                .arg(localRef));
    return TransferPlan{*address, *pin, remoteRef};
}

} // namespace

// An anonymous remote with the session its callbacks report to and, for a network address,
// the watchdog that ends a stalled connection. Built in place and never moved: the callbacks
// point at the session and the session at the watchdog. The remote is declared first, so it is
// freed last, as it was when these were locals of fetch() and push().
struct ConnectedRemote {
    ConnectedRemote(const Address &address, const RemoteCredentials &credentials,
                    const QString &hostKeyPin, const TransferProgressCallback &progress,
                    const std::atomic_bool *cancel)
        : address(address)
        , session(address, credentials, hostKeyPin, progress, cancel)
        , callbacks(callbacksFor(session)) {
        if (address.kind != Address::Kind::Local)
            watchdog.emplace(address.host, address.port, cancel);
        if (watchdog) session.watchdog = &*watchdog;
    }
    ConnectedRemote(const ConnectedRemote &) = delete;
    ConnectedRemote &operator=(const ConnectedRemote &) = delete;

    // Creates the remote for the address and connects it; `verb` names the transfer in errors.
    Result<void> connect(git_repository *repo, const QString &url, git_direction direction,
                         const QString &verb) {
        git_remote *raw = nullptr;
        if (git_remote_create_anonymous(&raw, repo, address.url.toUtf8().constData()) < 0)
            return fail(scrub(QCoreApplication::translate(
                                  "quire::storage", "the server address %1 cannot be used: %2")
                                  .arg(GitRemote::redactUrl(url), lastGitError()),
                              session.credentials));
        remote.reset(raw);
        if (const int rc = git_remote_connect(remote.get(), direction, &callbacks, &proxy, nullptr);
            rc < 0)
            return fail(
                scrub(describeFailure(session, rc, Phase::Connect, verb), session.credentials));
        return {};
    }

    RemoteHandle remote;
    const Address &address;
    Session session;
    const git_remote_callbacks callbacks;
    git_proxy_options proxy = GIT_PROXY_OPTIONS_INIT;
    std::optional<ConnectionWatchdog> watchdog;
};

Result<void> GitRemote::validateUrl(const QString &url) {
    const Result<Address> address = parseAddress(url);
    if (!address) return address.failure();
    return {};
}

Result<FetchOutcome> GitRemote::fetch(const QString &repoPath, const QString &url,
                                      const RemoteCredentials &credentials, const QString &branch,
                                      const QString &trackingRef,
                                      const TransferProgressCallback &progress,
                                      const std::atomic_bool *cancel) {
    initLibgit2();
    // Declared first so that it outlives the remote, whose clean-up may still write.
    const SigpipeGuard sigpipeGuard;
    const Result<TransferPlan> plan = planTransfer(url, credentials, branch, trackingRef);
    if (!plan) return plan.failure();
    const Address &address = plan->address;
    const QString &pin = plan->hostKeyPin;
    const QString &remoteRef = plan->remoteRef;

    if (cancel && cancel->load())
        return fail(QCoreApplication::translate("quire::storage", "the transfer was cancelled"));
    Result<RepositoryHandle> repo = openRepository(repoPath);
    if (!repo) return repo.failure();

    ConnectedRemote link(address, credentials, pin, progress, cancel);
    if (auto r = link.connect(repo->get(), url, GIT_DIRECTION_FETCH, QStringLiteral("fetch")); !r)
        return r.failure();

    const git_remote_head **heads = nullptr;
    size_t headCount = 0;
    if (git_remote_ls(&heads, &headCount, link.remote.get()) < 0)
        return fail(
            scrub(describeFailure(link.session, -1, Phase::Transfer, QStringLiteral("fetch")),
                  credentials));
    FetchOutcome outcome;
    const QByteArray remoteRefBytes = remoteRef.toUtf8();
    for (size_t i = 0; i < headCount; ++i)
        if (remoteRefBytes == heads[i]->name) outcome.remoteHead = oidHex(heads[i]->oid).toLatin1();
    outcome.sshHostKeySha256 = link.session.hostKeySha256;
    if (outcome.remoteHead.isEmpty()) {
        // A new, empty shared repository: nothing to fetch, and the tracking ref stays as is.
        git_remote_disconnect(link.remote.get());
        return outcome;
    }

    // Forced, because the tracking ref mirrors the server, whatever the server holds.
    const QByteArray refspec = QStringLiteral("+%1:%2").arg(remoteRef, trackingRef).toUtf8();
    char *refspecText[] = {const_cast<char *>(refspec.constData())};
    const git_strarray refspecs = {refspecText, 1};
    git_fetch_options options = GIT_FETCH_OPTIONS_INIT;
    options.callbacks = link.callbacks;
    options.proxy_opts = link.proxy;
    options.prune = GIT_FETCH_NO_PRUNE;
    // FETCH_HEAD would record the address; the sync engine reads the tracking ref instead.
    options.update_fetchhead = 0;
    options.download_tags = GIT_REMOTE_DOWNLOAD_TAGS_NONE;

    git_oid head;
    if (address.kind == Address::Kind::Local &&
        git_oid_fromstr(&head, outcome.remoteHead.constData()) == 0) {
        const Result<void> taken = takeFolderPacksWhole(
            repoPath, address.path, head,
            [](const git_indexer_progress *stats, void *payload) {
                return onFetchProgress(stats, payload);
            },
            &link.session);
        if (!taken)
            return fail(scrub(
                QCoreApplication::translate("quire::storage",
                                            "could not fetch from %1: a pack there "
                                            "was refused: %2")
                    .arg(address.where(), link.session.cancelled()
                                              ? QCoreApplication::translate(
                                                    "quire::storage", "the transfer was cancelled")
                                              : taken.error()),
                credentials));
    }
    int rc = git_remote_download(link.remote.get(), &refspecs, &options);
    if (rc == 0 && link.session.cancelled()) rc = GIT_EUSER;
    if (rc < 0)
        return fail(
            scrub(describeFailure(link.session, rc, Phase::Transfer, QStringLiteral("fetch")),
                  credentials));
    // The reflog message is given so that libgit2's default, which names the address, is not used.
    rc = git_remote_update_tips(link.remote.get(), &link.callbacks, 0,
                                GIT_REMOTE_DOWNLOAD_TAGS_NONE, "quire: fetch");
    git_remote_disconnect(link.remote.get());
    if (rc < 0)
        return fail(QCoreApplication::translate("quire::storage",
                                                "could not record what was fetched in %1: %2")
                        .arg(trackingRef, lastGitError()));

    git_oid tracked;
    if (git_reference_name_to_id(&tracked, repo->get(), trackingRef.toUtf8().constData()) < 0 ||
        oidHex(tracked).toLatin1() != outcome.remoteHead)
        return fail(QCoreApplication::translate(
                        "quire::storage",
                        "the fetch finished but %1 does not point at what the server "
                        "has; sync again")
                        .arg(trackingRef));
    return outcome;
}

Result<PushOutcome> GitRemote::push(const QString &repoPath, const QString &url,
                                    const RemoteCredentials &credentials, const QString &localRef,
                                    const QString &remoteBranch,
                                    const TransferProgressCallback &progress,
                                    const std::atomic_bool *cancel) {
    initLibgit2();
    // Declared first so that it outlives the remote, whose clean-up may still write.
    const SigpipeGuard sigpipeGuard;
    const Result<TransferPlan> plan = planTransfer(url, credentials, remoteBranch, localRef);
    if (!plan) return plan.failure();
    const Address &address = plan->address;
    const QString &pin = plan->hostKeyPin;
    const QString &remoteRef = plan->remoteRef;

    if (cancel && cancel->load())
        return fail(QCoreApplication::translate("quire::storage", "the transfer was cancelled"));
    Result<RepositoryHandle> repo = openRepository(repoPath);
    if (!repo) return repo.failure();
    git_oid localOid;
    if (git_reference_name_to_id(&localOid, repo->get(), localRef.toUtf8().constData()) < 0)
        return fail(QCoreApplication::translate("quire::storage",
                                                "there is nothing to push: %1 does not exist in %2")
                        .arg(localRef, repoPath));

    ConnectedRemote link(address, credentials, pin, progress, cancel);
    if (auto r = link.connect(repo->get(), url, GIT_DIRECTION_PUSH, QStringLiteral("push")); !r)
        return r.failure();

    // Not forced: the server must already hold an ancestor of what is pushed, or it refuses.
    const QByteArray refspec = QStringLiteral("%1:%2").arg(localRef, remoteRef).toUtf8();
    char *refspecText[] = {const_cast<char *>(refspec.constData())};
    const git_strarray refspecs = {refspecText, 1};
    git_push_options options = GIT_PUSH_OPTIONS_INIT;
    options.callbacks = link.callbacks;
    options.proxy_opts = link.proxy;

    PushOutcome outcome;
    int rc = git_remote_upload(link.remote.get(), &refspecs, &options);
    git_remote_disconnect(link.remote.get());
    outcome.sshHostKeySha256 = link.session.hostKeySha256;
    if (rc == GIT_ENONFASTFORWARD && !link.session.cancelled()) {
        // libgit2 found this before sending anything: the server's branch is not an ancestor.
        outcome.rejected = true;
        outcome.message = QStringLiteral("the server has changes this copy does not have yet: "
                                         "fetch and merge them, then push again");
        return outcome;
    }
    if (rc == 0 && link.session.cancelled()) rc = GIT_EUSER;
    if (rc < 0)
        return fail(
            scrub(describeFailure(link.session, rc, Phase::Transfer, QStringLiteral("push")),
                  credentials));

    if (!link.session.refRejections.isEmpty()) {
        const QString statuses = link.session.refRejections.join(QStringLiteral("; "));
        for (const QString &status : std::as_const(link.session.refRejections))
            if (!isRetryableRejection(status))
                return fail(scrub(
                    QCoreApplication::translate("quire::storage",
                                                "the server %1 refused the push to %2 (%3): ask "
                                                "its administrator for write access")
                        .arg(address.where(), remoteBranch, statuses),
                    credentials));
        outcome.rejected = true;
        outcome.message = scrub(QStringLiteral("the server took other changes first (%1): fetch "
                                               "and merge them, then push again")
                                    .arg(statuses),
                                credentials);
        return outcome;
    }
    outcome.pushedHead = oidHex(localOid).toLatin1();
    return outcome;
}

} // namespace quire
