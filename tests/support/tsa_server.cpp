// quire-test-tsa: a real RFC 3161 time-stamp authority for tests. It is a minimal HTTP/1.1
// front end on 127.0.0.1 whose tokens come from `openssl ts -reply`, so the code under test
// talks to the same signer an independent verifier trusts, not to a mock.
//
//   quire-test-tsa --dir DIR [--port N]
//
// DIR holds tsa.cnf, tsa.key, tsa.crt and tsa-ca.crt (TestTsa.h writes them). Once listening it
// prints "PORT <n>" on stdout. Every request is logged to stderr and appended to
// DIR/requests.log, one line each, so tests can count what reached the authority.

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QHostAddress>
#include <QList>
#include <QProcess>
#include <QTcpServer>
#include <QTcpSocket>
#include <QTemporaryDir>

#include <signal.h>
#include <sys/prctl.h>
#include <unistd.h>

#include <cstdio>
#include <memory>
#include <optional>

namespace {

// A query is about a hundred bytes; the limits only stop a confused client from filling memory.
constexpr qsizetype kMaxHeaderSize = 64 * 1024;
constexpr qsizetype kMaxBodySize = 1024 * 1024;
constexpr int kOpensslTimeoutMs = 60000;

struct HttpAnswer {
    int status = 200;
    QByteArray contentType;
    QByteArray body;
    QList<QByteArray> extraHeaders;
};

QByteArray reasonPhrase(int status) {
    switch (status) {
    case 200:
        return "OK";
    case 400:
        return "Bad Request";
    case 405:
        return "Method Not Allowed";
    default:
        return "Internal Server Error";
    }
}

HttpAnswer plainAnswer(int status, const QByteArray &text) {
    return {status, "text/plain; charset=utf-8", text + '\n', {}};
}

class TimeStampAuthority {
public:
    explicit TimeStampAuthority(QString dir)
        : m_dir(std::move(dir)) {}

    bool listen(quint16 port) {
        if (!m_server.listen(QHostAddress::LocalHost, port)) return false;
        QObject::connect(&m_server, &QTcpServer::newConnection, &m_server,
                         [this] { acceptConnections(); });
        return true;
    }
    quint16 port() const { return m_server.serverPort(); }
    QString errorString() const { return m_server.errorString(); }

private:
    void acceptConnections() {
        while (QTcpSocket *socket = m_server.nextPendingConnection()) {
            QObject::connect(socket, &QTcpSocket::disconnected, socket, &QObject::deleteLater);
            // Each connection keeps its own partial request: a query may arrive in pieces.
            auto buffer = std::make_shared<QByteArray>();
            auto answered = std::make_shared<bool>(false);
            QObject::connect(socket, &QTcpSocket::readyRead, socket,
                             [this, socket, buffer, answered] {
                                 if (*answered) {
                                     socket->readAll();
                                     return;
                                 }
                                 buffer->append(socket->readAll());
                                 if (auto answer = tryAnswer(*buffer)) {
                                     *answered = true;
                                     send(socket, *answer);
                                 }
                             });
        }
    }

    // An answer once the request is complete (or hopeless), nothing while more bytes are due.
    std::optional<HttpAnswer> tryAnswer(const QByteArray &buffer) {
        const qsizetype headerEnd = buffer.indexOf("\r\n\r\n");
        if (headerEnd < 0) {
            if (buffer.size() > kMaxHeaderSize)
                return logged("?", "?", plainAnswer(400, "request headers too large"));
            return std::nullopt;
        }
        const QList<QByteArray> lines = buffer.left(headerEnd).split('\n');
        const QList<QByteArray> requestLine = lines.first().trimmed().split(' ');
        if (requestLine.size() != 3 || !requestLine[2].startsWith("HTTP/1."))
            return logged("?", "?", plainAnswer(400, "not an HTTP/1.x request"));
        const QByteArray &method = requestLine[0];
        const QByteArray &path = requestLine[1];

        qsizetype contentLength = -1;
        QByteArray contentType;
        bool chunked = false;
        for (qsizetype i = 1; i < lines.size(); ++i) {
            const qsizetype colon = lines[i].indexOf(':');
            if (colon <= 0) continue;
            const QByteArray name = lines[i].left(colon).trimmed().toLower();
            const QByteArray value = lines[i].mid(colon + 1).trimmed();
            if (name == "content-length") {
                bool ok = false;
                contentLength = value.toLongLong(&ok);
                if (!ok || contentLength < 0) contentLength = -2;
            } else if (name == "content-type") {
                contentType = value.split(';').first().trimmed().toLower();
            } else if (name == "transfer-encoding") {
                chunked = value.toLower() != "identity";
            }
        }

        if (method != "POST") {
            HttpAnswer answer = plainAnswer(405, "only POST is served here");
            answer.extraHeaders << "Allow: POST";
            return logged(method, path, answer);
        }
        if (chunked)
            return logged(method, path, plainAnswer(400, "chunked bodies are not supported"));
        if (contentLength < 0)
            return logged(method, path, plainAnswer(400, "a valid Content-Length is required"));
        if (contentLength > kMaxBodySize)
            return logged(method, path, plainAnswer(400, "the query is too large"));
        if (buffer.size() - (headerEnd + 4) < contentLength) return std::nullopt;
        if (contentType != "application/timestamp-query")
            return logged(method, path,
                          plainAnswer(400, "Content-Type must be application/timestamp-query"));
        return logged(method, path, stamp(buffer.mid(headerEnd + 4, contentLength)));
    }

    HttpAnswer stamp(const QByteArray &query) {
        QTemporaryDir work(QDir::tempPath() + QStringLiteral("/quire-test-tsa-XXXXXX"));
        if (!work.isValid()) return plainAnswer(500, "no temporary directory");
        const QString queryPath = work.filePath(QStringLiteral("query.tsq"));
        const QString replyPath = work.filePath(QStringLiteral("reply.tsr"));
        QFile queryFile(queryPath);
        if (!queryFile.open(QIODevice::WriteOnly) || queryFile.write(query) != query.size())
            return plainAnswer(500, "could not store the query");
        queryFile.close();

        QProcess openssl;
        openssl.start(QStringLiteral("openssl"),
                      {QStringLiteral("ts"), QStringLiteral("-reply"), QStringLiteral("-config"),
                       file(QStringLiteral("tsa.cnf")), QStringLiteral("-queryfile"), queryPath,
                       QStringLiteral("-inkey"), file(QStringLiteral("tsa.key")),
                       QStringLiteral("-signer"), file(QStringLiteral("tsa.crt")),
                       QStringLiteral("-chain"), file(QStringLiteral("tsa-ca.crt")),
                       QStringLiteral("-out"), replyPath});
        if (!openssl.waitForFinished(kOpensslTimeoutMs) ||
            openssl.exitStatus() != QProcess::NormalExit || openssl.exitCode() != 0) {
            const QByteArray why = openssl.readAllStandardError().trimmed();
            std::fprintf(stderr, "openssl ts -reply failed: %s\n", why.constData());
            return plainAnswer(500, "openssl ts -reply failed: " + why);
        }
        // openssl answers a malformed query with a rejection reply and exit status 0, which is
        // what a real authority does too, so the reply is passed on whatever it says.
        QFile replyFile(replyPath);
        if (!replyFile.open(QIODevice::ReadOnly)) return plainAnswer(500, "no reply was written");
        return {200, "application/timestamp-reply", replyFile.readAll(), {}};
    }

    HttpAnswer logged(const QByteArray &method, const QByteArray &path, HttpAnswer answer) {
        ++m_requests;
        const QByteArray line = method + ' ' + path + " -> " + QByteArray::number(answer.status) +
                                ", " + QByteArray::number(answer.body.size()) + " bytes";
        std::fprintf(stderr, "quire-test-tsa: %s\n", line.constData());
        std::fflush(stderr);
        QFile log(file(QStringLiteral("requests.log")));
        if (log.open(QIODevice::Append))
            log.write(QByteArray::number(m_requests) + ' ' + line + '\n');
        return answer;
    }

    static void send(QTcpSocket *socket, const HttpAnswer &answer) {
        QByteArray head = "HTTP/1.1 " + QByteArray::number(answer.status) + ' ' +
                          reasonPhrase(answer.status) + "\r\nContent-Type: " + answer.contentType +
                          "\r\nContent-Length: " + QByteArray::number(answer.body.size()) +
                          "\r\nConnection: close\r\n";
        for (const auto &header : answer.extraHeaders)
            head += header + "\r\n";
        socket->write(head + "\r\n" + answer.body);
        socket->disconnectFromHost(); // after the pending bytes are written
    }

    QString file(const QString &name) const { return QDir(m_dir).filePath(name); }

    QString m_dir;
    QTcpServer m_server;
    int m_requests = 0;
};

} // namespace

int main(int argc, char **argv) {
    // A test that dies must not leave its authority listening behind it.
    prctl(PR_SET_PDEATHSIG, SIGKILL);
    if (getppid() == 1) return 1;

    QCoreApplication app(argc, argv);
    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral("RFC 3161 time-stamp authority for tests"));
    parser.addHelpOption();
    const QCommandLineOption dirOption(QStringLiteral("dir"),
                                       QStringLiteral("Folder with tsa.cnf, tsa.key, tsa.crt, "
                                                      "tsa-ca.crt."),
                                       QStringLiteral("dir"));
    const QCommandLineOption portOption(QStringLiteral("port"),
                                        QStringLiteral("Port on 127.0.0.1 (default: any free)."),
                                        QStringLiteral("port"), QStringLiteral("0"));
    parser.addOption(dirOption);
    parser.addOption(portOption);
    parser.process(app);

    const QString dir = parser.value(dirOption);
    for (const char *name : {"tsa.cnf", "tsa.key", "tsa.crt", "tsa-ca.crt"}) {
        if (dir.isEmpty() || !QFile::exists(QDir(dir).filePath(QString::fromLatin1(name)))) {
            std::fprintf(stderr, "quire-test-tsa: --dir must name a folder with %s\n", name);
            return 2;
        }
    }
    bool portOk = false;
    const uint port = parser.value(portOption).toUInt(&portOk);
    if (!portOk || port > 65535) {
        std::fprintf(stderr, "quire-test-tsa: --port must be a number from 0 to 65535\n");
        return 2;
    }

    TimeStampAuthority tsa(dir);
    if (!tsa.listen(quint16(port))) {
        std::fprintf(stderr, "quire-test-tsa: cannot listen on 127.0.0.1:%u: %s\n", port,
                     qPrintable(tsa.errorString()));
        return 1;
    }
    std::printf("PORT %u\n", unsigned(tsa.port()));
    std::fflush(stdout);
    return app.exec();
}
