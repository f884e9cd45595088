// Trusted time (FORMAT.md §4): the Merkle tree against an independent bottom-up construction and
// the RFC 6962 test vectors, and the RFC 3161 exchange against a real time-stamp authority
// (`openssl ts -reply` behind quire-test-tsa), cross-checked with `openssl ts -verify`. Broken
// authorities (offline, silent, HTTP errors, garbage, replayed replies, foreign signers) are
// refused with messages a person can act on.

#include "crypto/Timestamp.h"
#include "TestSupport.h"
#include "TestTsa.h"

#include <QCryptographicHash>
#include <QElapsedTimer>
#include <QRegularExpression>
#include <QTemporaryDir>
#include <QTest>
#include <QThread>

#include <arpa/inet.h>
#include <netinet/in.h>
#include <poll.h>
#include <sys/socket.h>
#include <unistd.h>

#include <atomic>
#include <thread>

using namespace quire;
using namespace quire::timestamp;
using quire::test::TestTsa;

using namespace quire::test;

namespace {

QByteArray sha256(const QByteArray &data) {
    return QCryptographicHash::hash(data, QCryptographicHash::Sha256);
}

QList<QByteArray> recordIds(int count, const QByteArray &salt = "record") {
    QList<QByteArray> ids;
    for (int i = 0; i < count; ++i)
        ids << sha256(salt + ' ' + QByteArray::number(i));
    return ids;
}

// The tree built level by level from the leaves, an odd last node moving up unchanged. This is
// not how RFC 6962 states it (it splits at powers of two from the top) but yields the same tree,
// so agreement is evidence rather than the same code twice.
struct BottomUpTree {
    QList<QList<QByteArray>> levels;

    explicit BottomUpTree(const QList<QByteArray> &ids) {
        QList<QByteArray> level;
        for (const auto &id : ids)
            level << sha256(QByteArray(1, '\0') + id);
        levels << level;
        while (levels.last().size() > 1) {
            const auto &below = levels.last();
            QList<QByteArray> above;
            for (qsizetype i = 0; i + 1 < below.size(); i += 2)
                above << sha256(QByteArray(1, '\1') + below[i] + below[i + 1]);
            if (below.size() % 2 == 1) above << below.last();
            levels << above;
        }
    }
    QByteArray root() const { return levels.last().first(); }
    QList<MerkleStep> path(qsizetype index) const {
        QList<MerkleStep> steps;
        for (qsizetype level = 0; level + 1 < levels.size(); ++level) {
            const auto &nodes = levels[level];
            if (index % 2 == 1)
                steps << MerkleStep{true, nodes[index - 1]};
            else if (index + 1 < nodes.size())
                steps << MerkleStep{false, nodes[index + 1]};
            index /= 2;
        }
        return steps;
    }
};

test::Tool openssl(const QStringList &args) {
    return test::runTool(QStringLiteral("openssl"), args);
}

// GeneralizedTime as openssl prints it: "Mar  1 12:00:00.123 2026 GMT".
QDateTime parseOpensslTime(const QString &text) {
    static const QRegularExpression pattern(QStringLiteral(
        R"(Time stamp: (\w{3}) +(\d+) (\d\d):(\d\d):(\d\d)(?:\.(\d+))? (\d{4}) GMT)"));
    const auto match = pattern.match(text);
    if (!match.hasMatch()) return {};
    static const QStringList months{"Jan", "Feb", "Mar", "Apr", "May", "Jun",
                                    "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"};
    const int ms = (match.captured(6) + QStringLiteral("000")).left(3).toInt();
    return QDateTime(
        QDate(match.captured(7).toInt(), int(months.indexOf(match.captured(1))) + 1,
              match.captured(2).toInt()),
        QTime(match.captured(3).toInt(), match.captured(4).toInt(), match.captured(5).toInt(), ms),
        Qt::UTC);
}

// Sends the pieces to 127.0.0.1:port with pauses between them, so that the server sees them
// in separate reads, and returns everything it answers until it closes the connection.
QByteArray exchange(quint16 port, const QList<QByteArray> &pieces) {
    const int fd = ::socket(AF_INET, SOCK_STREAM, 0);
    sockaddr_in address{};
    address.sin_family = AF_INET;
    address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    address.sin_port = htons(port);
    QByteArray answer;
    if (fd < 0 || ::connect(fd, reinterpret_cast<sockaddr *>(&address), sizeof address) != 0) {
        if (fd >= 0) ::close(fd);
        return answer;
    }
    for (const auto &piece : pieces) {
        if (::send(fd, piece.constData(), size_t(piece.size()), MSG_NOSIGNAL) != piece.size())
            break;
        QThread::msleep(100);
    }
    char buffer[4096];
    pollfd p{fd, POLLIN, 0};
    while (::poll(&p, 1, 30000) > 0) {
        const ssize_t n = ::recv(fd, buffer, sizeof buffer, 0);
        if (n <= 0) break;
        answer.append(buffer, n);
    }
    ::close(fd);
    return answer;
}

// A web server that gives every request the same canned bytes (or, when they are empty, holds
// the connection and never answers): the broken and impostor authorities of the tests below.
class CannedServer {
public:
    explicit CannedServer(QByteArray answer)
        : m_answer(std::move(answer)) {
        m_listener = ::socket(AF_INET, SOCK_STREAM, 0);
        sockaddr_in address{};
        address.sin_family = AF_INET;
        address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
        socklen_t length = sizeof address;
        if (m_listener < 0 || ::bind(m_listener, reinterpret_cast<sockaddr *>(&address), length) ||
            ::listen(m_listener, 8) ||
            ::getsockname(m_listener, reinterpret_cast<sockaddr *>(&address), &length))
            return;
        m_port = ntohs(address.sin_port);
        m_thread = std::thread([this] { serve(); });
    }
    ~CannedServer() {
        m_stop = true;
        if (m_thread.joinable()) m_thread.join();
        if (m_listener >= 0) ::close(m_listener);
    }
    CannedServer(const CannedServer &) = delete;
    CannedServer &operator=(const CannedServer &) = delete;

    bool ok() const { return m_port != 0; }
    QString url() const { return QStringLiteral("http://127.0.0.1:%1/tsa").arg(m_port); }

    static QByteArray http(const QByteArray &statusLine, const QByteArray &contentType,
                           const QByteArray &body, const QByteArray &extraHeaders = {}) {
        return "HTTP/1.1 " + statusLine + "\r\nContent-Type: " + contentType +
               "\r\nContent-Length: " + QByteArray::number(body.size()) +
               "\r\nConnection: close\r\n" + extraHeaders + "\r\n" + body;
    }

private:
    bool readable(int fd) const {
        while (!m_stop) {
            pollfd p{fd, POLLIN, 0};
            if (::poll(&p, 1, 50) > 0) return true;
        }
        return false;
    }

    void serve() {
        while (readable(m_listener)) {
            const int client = ::accept(m_listener, nullptr, nullptr);
            if (client < 0) continue;
            // The whole request is read first: closing with unread bytes would reset the
            // connection and hide the answer from the client.
            QByteArray request;
            qsizetype needed = -1;
            char buffer[4096];
            while ((needed < 0 || request.size() < needed) && readable(client)) {
                const ssize_t n = ::recv(client, buffer, sizeof buffer, 0);
                if (n <= 0) break;
                request.append(buffer, n);
                const qsizetype headerEnd = request.indexOf("\r\n\r\n");
                if (needed < 0 && headerEnd >= 0) {
                    static const QRegularExpression lengthHeader(
                        QStringLiteral("content-length: *(\\d+)"),
                        QRegularExpression::CaseInsensitiveOption);
                    const auto match =
                        lengthHeader.match(QString::fromLatin1(request.left(headerEnd)));
                    needed =
                        headerEnd + 4 + (match.hasMatch() ? match.captured(1).toLongLong() : 0);
                }
            }
            if (m_answer.isEmpty()) {
                while (readable(client) && ::recv(client, buffer, sizeof buffer, 0) > 0) {
                }
            } else {
                for (qsizetype sent = 0; sent < m_answer.size();) {
                    const ssize_t n = ::send(client, m_answer.constData() + sent,
                                             size_t(m_answer.size() - sent), MSG_NOSIGNAL);
                    if (n <= 0) break;
                    sent += n;
                }
                ::shutdown(client, SHUT_WR);
            }
            ::close(client);
        }
    }

    QByteArray m_answer;
    int m_listener = -1;
    quint16 m_port = 0;
    std::atomic<bool> m_stop{false};
    std::thread m_thread;
};

} // namespace

class TimestampTest : public QObject {
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    std::unique_ptr<TestTsa> m_tsa;
    std::unique_ptr<TestTsa> m_rogue;

    QString path(const QString &name) const { return m_dir.filePath(name); }

    QByteArray tokenFromTrustedTsa(const QByteArray &digest) {
        auto token = requestToken(m_tsa->url(), digest, m_tsa->caPem());
        if (!token) qWarning("requestToken failed: %s", qPrintable(token.error()));
        return token ? *token : QByteArray();
    }

private slots:
    void initTestCase() {
        QVERIFY(m_dir.isValid());
        m_tsa = std::make_unique<TestTsa>(m_dir.path(), QStringLiteral("trusted"));
        QVERIFY2(m_tsa->ok(), qPrintable(m_tsa->error()));
        QVERIFY2(m_tsa->start(), qPrintable(m_tsa->error()));
        m_rogue = std::make_unique<TestTsa>(m_dir.path(), QStringLiteral("rogue"));
        QVERIFY2(m_rogue->ok(), qPrintable(m_rogue->error()));
        QVERIFY2(m_rogue->start(), qPrintable(m_rogue->error()));
    }

    // --- Merkle tree ---

    void merkleRootAndPathsMatchBottomUpTreeForOneToTwentyLeaves() {
        for (int n = 1; n <= 20; ++n) {
            const auto ids = recordIds(n);
            const BottomUpTree expected(ids);
            const QByteArray root = merkleRoot(ids);
            QCOMPARE(root.size(), 32);
            QCOMPARE(root.toHex(), expected.root().toHex());
            for (int i = 0; i < n; ++i) {
                const auto path = merklePath(ids, i);
                const auto want = expected.path(i);
                QCOMPARE(path.size(), want.size());
                for (qsizetype s = 0; s < path.size(); ++s) {
                    QCOMPARE(path[s].siblingOnLeft, want[s].siblingOnLeft);
                    QCOMPARE(path[s].sibling.toHex(), want[s].sibling.toHex());
                }
                QCOMPARE(rootFromPath(ids[i], path).toHex(), root.toHex());
            }
        }
    }

    void merkleProofBreaksWhenLeafSiblingOrSideChanges() {
        for (int n = 2; n <= 20; ++n) {
            const auto ids = recordIds(n);
            const QByteArray root = merkleRoot(ids);
            for (int i = 0; i < n; ++i) {
                const auto path = merklePath(ids, i);
                QVERIFY(!path.isEmpty());
                QByteArray otherId = ids[i];
                otherId[0] = char(otherId[0] ^ 0x01);
                QVERIFY(rootFromPath(otherId, path) != root);
                // A neighbour's id with this leaf's proof must not reach the root either.
                QVERIFY(rootFromPath(ids[(i + 1) % n], path) != root);
                for (qsizetype s = 0; s < path.size(); ++s) {
                    auto changed = path;
                    changed[s].sibling[31] = char(changed[s].sibling[31] ^ 0x80);
                    QVERIFY(rootFromPath(ids[i], changed) != root);
                    auto flipped = path;
                    flipped[s].siblingOnLeft = !flipped[s].siblingOnLeft;
                    QVERIFY(rootFromPath(ids[i], flipped) != root);
                }
                QVERIFY(rootFromPath(ids[i], path.mid(0, path.size() - 1)) != root);
            }
        }
    }

    void merkleRootMatchesRfc6962ReferenceVectors() {
        // The leaf inputs and roots of the Certificate Transparency reference tests: arbitrary
        // byte strings here, which the leaf hash takes as they are.
        const QList<QByteArray> inputs{QByteArray(),
                                       QByteArray::fromHex("00"),
                                       QByteArray::fromHex("10"),
                                       QByteArray::fromHex("2021"),
                                       QByteArray::fromHex("3031"),
                                       QByteArray::fromHex("40414243"),
                                       QByteArray::fromHex("5051525354555657"),
                                       QByteArray::fromHex("606162636465666768696a6b6c6d6e6f")};
        const QList<QByteArray> roots{
            "6e340b9cffb37a989ca544e6bb780a2c78901d3fb33738768511a30617afa01d",
            "fac54203e7cc696cf0dfcb42c92a1d9dbaf70ad9e621f4bd8d98662f00e3c125",
            "aeb6bcfe274b70a14fb067a5e5578264db0fa9b51af5e0ba159158f329e06e77",
            "d37ee418976dd95753c1c73862b9398fa2a2cf9b4ff0fdfe8b30cd95209614b7",
            "4e3bbb1f7b478dcfe71fb631631519a3bca12c9aefca1612bfce4c13a86264d4",
            "76e67dadbcdf1e10e1b74ddc608abd2f98dfb16fbce75277b5232a127f2087ef",
            "ddb89be403809e325750d3d263cd78929c2942b7942a34b77e122c9594a74c8c",
            "5dc9da79a70659a9ad559cb701ded9a2ab9d823aad2f4960cfe370eff4604328"};
        for (int n = 1; n <= 8; ++n)
            QCOMPARE(merkleRoot(inputs.mid(0, n)).toHex(), roots[n - 1]);
    }

    void merkleOfNothingIsEmptyAndOutOfRangePathIsEmpty() {
        QVERIFY(merkleRoot({}).isEmpty());
        const auto ids = recordIds(5);
        QVERIFY(merklePath(ids, 5).isEmpty());
        QVERIFY(merklePath(ids, -1).isEmpty());
        // One leaf: the root is the leaf hash and the proof is empty.
        QCOMPARE(merkleRoot(ids.mid(0, 1)), merkleLeafHash(ids[0]));
        QVERIFY(merklePath(ids.mid(0, 1), 0).isEmpty());
        QCOMPARE(rootFromPath(ids[0], {}), merkleRoot(ids.mid(0, 1)));
    }

    // --- Requests ---

    void requestIsWhatOpensslReadsAsSha256QueryWithNonceAndCertReq() {
        const QByteArray root = merkleRoot(recordIds(3));
        const Request request = makeRequest(root);
        QVERIFY(!request.der.isEmpty());
        QCOMPARE(request.nonce.size(), 8);
        test::writeFile(path(QStringLiteral("request.tsq")), request.der);
        const auto shown =
            openssl({"ts", "-query", "-in", path(QStringLiteral("request.tsq")), "-text"});
        QCOMPARE(shown.exitCode, 0);
        const QString text = shown.all();
        QVERIFY2(text.contains(QStringLiteral("Version: 1")), qPrintable(text));
        QVERIFY2(text.contains(QStringLiteral("Hash Algorithm: sha256")), qPrintable(text));
        QVERIFY2(text.contains(QStringLiteral("Policy OID: unspecified")), qPrintable(text));
        QVERIFY2(text.contains(QStringLiteral("Certificate required: yes")), qPrintable(text));
        // The imprint is the root itself, not a hash of it: openssl shows its bytes in hex.
        QString dumped;
        static const QRegularExpression dumpLine(QStringLiteral("- ((?:[0-9a-f]{2}[ -]){1,16})"));
        for (auto it = dumpLine.globalMatch(text); it.hasNext();)
            dumped += it.next().captured(1);
        dumped.remove(u' ').remove(u'-');
        QCOMPARE(dumped.toLatin1(), root.toHex());
        static const QRegularExpression nonceLine(QStringLiteral("Nonce: 0x([0-9A-Fa-f]+)"));
        const auto nonce = nonceLine.match(text);
        QVERIFY2(nonce.hasMatch(), qPrintable(text));
        QByteArray expectedNonce = request.nonce;
        while (expectedNonce.startsWith('\0'))
            expectedNonce.remove(0, 1);
        QCOMPARE(nonce.captured(1).toLower().toLatin1(), expectedNonce.toHex());

        QVERIFY(makeRequest(root).nonce != request.nonce);
        QVERIFY(makeRequest(root.left(31)).der.isEmpty());
    }

    // --- Tokens from the real authority ---

    void tokenFromRealTsaVerifiesWithCurrentTimeAndTsaDetails() {
        const QByteArray root = merkleRoot(recordIds(7));
        const int before = m_tsa->requestCount();
        const QDateTime asked = QDateTime::currentDateTimeUtc();
        const QByteArray token = tokenFromTrustedTsa(root);
        QVERIFY(!token.isEmpty());
        QCOMPARE(m_tsa->requestCount(), before + 1);

        const auto info = verifyToken(token, root, m_tsa->caPem());
        QVERIFY2(info.ok(), qPrintable(info.error()));
        QCOMPARE(info->genTime.timeSpec(), Qt::UTC);
        QVERIFY2(qAbs(info->genTime.secsTo(asked)) < 60,
                 qPrintable(info->genTime.toString(Qt::ISODateWithMs)));
        QCOMPARE(info->digest.toHex(), root.toHex());
        QCOMPARE(info->policy, QStringLiteral("1.2.3.4.1"));
        QVERIFY2(info->tsaName.contains(QStringLiteral("CN=Quire test TSA trusted")),
                 qPrintable(info->tsaName));
        QVERIFY(!info->serial.isEmpty());

        // The embedded signer certificate is the authority's own.
        const auto der = openssl({"x509", "-in", m_tsa->certPemPath(), "-outform", "DER", "-out",
                                  path(QStringLiteral("tsa-cert.der"))});
        QCOMPARE(der.exitCode, 0);
        QCOMPARE(info->tsaCertDer, readAll(path(QStringLiteral("tsa-cert.der"))));

        // readToken reads the same without any trust.
        const auto untrusted = readToken(token);
        QVERIFY2(untrusted.ok(), qPrintable(untrusted.error()));
        QCOMPARE(untrusted->genTime, info->genTime);
        QCOMPARE(untrusted->serial, info->serial);
    }

    void genTimeKeepsTheMillisecondsOpensslShows() {
        // The test authority stamps with milliseconds, but DER drops trailing zeros (".450" is
        // written ".45") and a whole second has no fraction at all: stamp until one has one.
        static const QRegularExpression fraction(QStringLiteral(R"(:\d\d\.\d{1,3} )"));
        bool sawFraction = false;
        for (int attempt = 0; attempt < 10 && !sawFraction; ++attempt) {
            const QByteArray token = tokenFromTrustedTsa(merkleRoot(recordIds(2)));
            QVERIFY(!token.isEmpty());
            const QString file = path(QStringLiteral("ms-token.der"));
            test::writeFile(file, token);
            const auto shown =
                openssl({"ts", "-reply", "-in", file, "-token_in", "-token_out", "-text"});
            QCOMPARE(shown.exitCode, 0);
            const QDateTime opensslTime = parseOpensslTime(shown.all());
            QVERIFY2(opensslTime.isValid(), qPrintable(shown.all()));
            sawFraction = shown.all().contains(fraction);
            const auto info = readToken(token);
            QVERIFY2(info.ok(), qPrintable(info.error()));
            QCOMPARE(info->genTime.toString(Qt::ISODateWithMs),
                     opensslTime.toString(Qt::ISODateWithMs));
        }
        QVERIFY(sawFraction);
    }

    void opensslTsVerifyAcceptsTheTokenTheCodeObtained() {
        const QByteArray root = merkleRoot(recordIds(11));
        const QByteArray token = tokenFromTrustedTsa(root);
        QVERIFY(!token.isEmpty());
        const QString file = path(QStringLiteral("token.der"));
        test::writeFile(file, token);
        const auto accepted =
            openssl({"ts", "-verify", "-digest", QString::fromLatin1(root.toHex()), "-in", file,
                     "-token_in", "-CAfile", m_tsa->caPemPath()});
        QVERIFY2(accepted.exitCode == 0 &&
                     accepted.all().contains(QStringLiteral("Verification: OK")),
                 qPrintable(accepted.all()));
        // The same check refuses a foreign authority, so its "OK" above means something.
        const auto refused = openssl({"ts", "-verify", "-digest", QString::fromLatin1(root.toHex()),
                                      "-in", file, "-token_in", "-CAfile", m_rogue->caPemPath()});
        QVERIFY2(refused.exitCode != 0, qPrintable(refused.all()));
    }

    void tokensGetDistinctSerials() {
        const QByteArray root = merkleRoot(recordIds(4));
        const auto first = readToken(tokenFromTrustedTsa(root));
        const auto second = readToken(tokenFromTrustedTsa(root));
        QVERIFY2(first.ok() && second.ok(), qPrintable(first.error() + second.error()));
        QVERIFY(first->serial != second->serial);
    }

    void tokenForAnotherDigestIsRefused() {
        const QByteArray root = merkleRoot(recordIds(5));
        const QByteArray token = tokenFromTrustedTsa(root);
        QVERIFY(!token.isEmpty());
        const QByteArray otherRoot = merkleRoot(recordIds(6));
        const auto info = verifyToken(token, otherRoot, m_tsa->caPem());
        QVERIFY(!info.ok());
        QCOMPARE(info.error(), QStringLiteral("the time-stamp token is for another record set "
                                              "(its imprint differs)"));
    }

    void tokenFromRogueTsaIsRefusedAgainstTrustedCa() {
        const QByteArray root = merkleRoot(recordIds(9));
        // The rogue authority's token is sound on its own terms...
        const auto rogueToken = requestToken(m_rogue->url(), root, m_rogue->caPem());
        QVERIFY2(rogueToken.ok(), qPrintable(rogueToken.error()));
        QVERIFY(verifyToken(*rogueToken, root, m_rogue->caPem()).ok());
        // ...but not from the authority this notebook trusts.
        const auto info = verifyToken(*rogueToken, root, m_tsa->caPem());
        QVERIFY(!info.ok());
        QVERIFY2(info.error().startsWith(
                     QStringLiteral("the time-stamp token is not from a trusted time-stamp "
                                    "authority")),
                 qPrintable(info.error()));
        const auto viaRequest = requestToken(m_rogue->url(), root, m_tsa->caPem());
        QVERIFY(!viaRequest.ok());
        QVERIFY2(viaRequest.error().contains(QStringLiteral("not from a trusted time-stamp "
                                                            "authority")),
                 qPrintable(viaRequest.error()));
        QVERIFY2(viaRequest.error().contains(m_rogue->url()), qPrintable(viaRequest.error()));
    }

    // FORMAT.md §4: the chain is judged as of a chosen instant or the token's own time, and the
    // verified chain is reported with its earliest end.
    void aTokenIsJudgedAsOfItsOwnTimeOrAnyGivenInstant() {
        const QByteArray root = merkleRoot(recordIds(4, "at"));
        const QByteArray token = tokenFromTrustedTsa(root);
        QVERIFY(!token.isEmpty());
        const auto own = verifyTokenAtItsTime(token, root, m_tsa->caPem());
        QVERIFY2(own.ok(), qPrintable(own.error()));
        QCOMPARE(own->checkedAt, own->genTime);
        QCOMPARE(own->chain.size(), 2); // the TSA's certificate, then its CA
        QVERIFY(own->chain.at(0).subject.contains(QStringLiteral("CN=Quire test TSA trusted")));
        QVERIFY(own->chain.at(0).issuer.contains(QStringLiteral("TSA CA trusted")));
        QVERIFY(own->chainNotAfter.isValid() && own->chainNotAfter > own->genTime);
        QVERIFY(own->chainNotAfter <= own->chain.at(0).notAfter);
        // After the certificate's end, and before its start, the same token is refused.
        const auto later = verifyToken(token, root, m_tsa->caPem(), own->chainNotAfter.addDays(1));
        QVERIFY(!later.ok());
        QVERIFY2(later.error().contains(QStringLiteral("had expired")), qPrintable(later.error()));
        const auto earlier = verifyToken(token, root, m_tsa->caPem(), own->genTime.addDays(-2));
        QVERIFY(!earlier.ok());
        QVERIFY2(earlier.error().contains(QStringLiteral("not valid yet")),
                 qPrintable(earlier.error()));
    }

    void trustCanBeTheTsaCertificateOrSeveralCas() {
        const QByteArray root = merkleRoot(recordIds(3, "trust"));
        const QByteArray token = tokenFromTrustedTsa(root);
        QVERIFY(!token.isEmpty());
        const auto byLeaf = verifyToken(token, root, readAll(m_tsa->certPemPath()));
        QVERIFY2(byLeaf.ok(), qPrintable(byLeaf.error()));
        const auto bySeveral = verifyToken(token, root, m_rogue->caPem() + m_tsa->caPem());
        QVERIFY2(bySeveral.ok(), qPrintable(bySeveral.error()));
        const auto byNone = verifyToken(token, root, QByteArray());
        QVERIFY(!byNone.ok());
        QVERIFY2(byNone.error().contains(QStringLiteral("no trusted time-stamp authority")),
                 qPrintable(byNone.error()));
    }

    void tokenWithChangedTimeOrSignatureIsRefused() {
        const QByteArray root = merkleRoot(recordIds(8, "tamper"));
        const QByteArray token = tokenFromTrustedTsa(root);
        QVERIFY(!token.isEmpty());
        const auto info = readToken(token);
        QVERIFY(info.ok());

        // Backdate the token by a year in its signed content.
        const QByteArray stamped =
            info->genTime.toString(QStringLiteral("yyyyMMddHHmmss")).toLatin1();
        const qsizetype at = token.indexOf(stamped);
        QVERIFY(at > 0);
        QByteArray backdated = token;
        backdated.replace(at, 4, QByteArray::number(info->genTime.date().year() - 1));
        const auto read = readToken(backdated);
        QVERIFY(read.ok());
        QCOMPARE(read->genTime.date().year(), info->genTime.date().year() - 1);
        const auto refused = verifyToken(backdated, root, m_tsa->caPem());
        QVERIFY(!refused.ok());
        QVERIFY2(refused.error().contains(QStringLiteral("altered")), qPrintable(refused.error()));

        // The ECDSA signature is the token's last field.
        QByteArray resigned = token;
        resigned[resigned.size() - 2] = char(resigned[resigned.size() - 2] ^ 0x5a);
        const auto badSignature = verifyToken(resigned, root, m_tsa->caPem());
        QVERIFY(!badSignature.ok());
        QVERIFY2(badSignature.error().contains(QStringLiteral("altered")),
                 qPrintable(badSignature.error()));

        QVERIFY(!readToken(token.left(token.size() / 2)).ok());
        QVERIFY(!readToken(QByteArray("not a token")).ok());
    }

    // --- Replies ---

    void replyToAnotherRequestIsRefusedByItsNonce() {
        const QByteArray root = merkleRoot(recordIds(2, "nonce"));
        const Request first = makeRequest(root);
        const Request second = makeRequest(root);
        const auto reply = postQuery(m_tsa->url(), first.der);
        QVERIFY2(reply.ok(), qPrintable(reply.error()));
        const auto replayed = tokenFromResponse(*reply, second);
        QVERIFY(!replayed.ok());
        QVERIFY2(replayed.error().contains(QStringLiteral("nonce differs")),
                 qPrintable(replayed.error()));
        const auto matched = tokenFromResponse(*reply, first);
        QVERIFY2(matched.ok(), qPrintable(matched.error()));
        QVERIFY(verifyToken(*matched, root, m_tsa->caPem()).ok());
    }

    void rejectionCarriesTheAuthoritysStatusText() {
        // A SHA-1 query, which the authority is configured not to accept: a real rejection.
        const QString query = path(QStringLiteral("sha1.tsq"));
        const auto made = openssl(
            {"ts", "-query", "-sha1", "-digest",
             QString::fromLatin1(QCryptographicHash::hash("x", QCryptographicHash::Sha1).toHex()),
             "-cert", "-out", query});
        QCOMPARE(made.exitCode, 0);
        const Request request{readAll(query), {}};
        const auto reply = postQuery(m_tsa->url(), request.der);
        QVERIFY2(reply.ok(), qPrintable(reply.error()));
        const auto token = tokenFromResponse(*reply, request);
        QVERIFY(!token.ok());
        QVERIFY2(token.error().startsWith(
                     QStringLiteral("the time-stamp authority refused the request (rejection)")),
                 qPrintable(token.error()));
        QVERIFY2(token.error().contains(QStringLiteral("does not support the hash algorithm")),
                 qPrintable(token.error()));
    }

    // --- Transport ---

    void stoppedTsaIsReportedUnreachableQuicklyAndCanComeBack() {
        TestTsa offline(m_dir.path(), QStringLiteral("offline"));
        QVERIFY2(offline.ok(), qPrintable(offline.error()));
        QVERIFY2(offline.start(), qPrintable(offline.error()));
        const QString url = offline.url();
        offline.stop();

        const Request request = makeRequest(merkleRoot(recordIds(1)));
        QElapsedTimer clock;
        clock.start();
        const auto reply = postQuery(url, request.der, 15000);
        QVERIFY(clock.elapsed() < 3000);
        QVERIFY(!reply.ok());
        QCOMPARE(reply.error(), QStringLiteral("could not reach the time-stamp authority at %1: "
                                               "connection refused")
                                    .arg(url));

        QVERIFY2(offline.start(), qPrintable(offline.error()));
        QCOMPARE(offline.url(), url);
        const QByteArray root = merkleRoot(recordIds(1));
        const auto token = requestToken(url, root, offline.caPem());
        QVERIFY2(token.ok(), qPrintable(token.error()));
        QCOMPARE(offline.requestCount(), 1);
    }

    void httpErrorFromTsaIsReported() {
        CannedServer server(
            CannedServer::http("500 Internal Server Error", "text/plain", "disk full\n"));
        QVERIFY(server.ok());
        const auto reply = postQuery(server.url(), makeRequest(sha256("a")).der);
        QVERIFY(!reply.ok());
        QCOMPARE(reply.error(), QStringLiteral("the time-stamp authority at %1 answered with an "
                                               "error: HTTP 500 Internal Server Error")
                                    .arg(server.url()));
    }

    void garbageReplyIsReported() {
        CannedServer server(
            CannedServer::http("200 OK", "application/timestamp-reply", "this is not DER at all"));
        QVERIFY(server.ok());
        const auto token = requestToken(server.url(), sha256("a"), m_tsa->caPem());
        QVERIFY(!token.ok());
        QVERIFY2(token.error().startsWith(QStringLiteral("the time-stamp authority's answer is "
                                                         "not a valid time-stamp reply")),
                 qPrintable(token.error()));
        QVERIFY2(token.error().contains(server.url()), qPrintable(token.error()));

        CannedServer rawGarbage("\x30\x82garbage without any HTTP\r\n\r\n");
        QVERIFY(rawGarbage.ok());
        const auto raw = postQuery(rawGarbage.url(), makeRequest(sha256("a")).der);
        QVERIFY(!raw.ok());
        QCOMPARE(raw.error(), QStringLiteral("the server at %1 closed the connection without a "
                                             "valid HTTP answer")
                                  .arg(rawGarbage.url()));
    }

    void webPageInsteadOfTsaIsReported() {
        CannedServer server(
            CannedServer::http("200 OK", "text/html; charset=utf-8", "<html>Welcome</html>"));
        QVERIFY(server.ok());
        const auto reply = postQuery(server.url(), makeRequest(sha256("a")).der);
        QVERIFY(!reply.ok());
        QCOMPARE(reply.error(), QStringLiteral("the server at %1 is not a time-stamp authority: it "
                                               "answered with text/html; charset=utf-8 instead of "
                                               "a time-stamp reply")
                                    .arg(server.url()));
    }

    void redirectIsNotFollowed() {
        CannedServer target(CannedServer::http("200 OK", "application/timestamp-reply", "x"));
        CannedServer server(CannedServer::http("302 Found", "text/plain", "",
                                               "Location: " + target.url().toLatin1() + "\r\n"));
        QVERIFY(server.ok() && target.ok());
        const auto reply = postQuery(server.url(), makeRequest(sha256("a")).der);
        QVERIFY(!reply.ok());
        QVERIFY2(reply.error().contains(QStringLiteral("redirects to %1").arg(target.url())),
                 qPrintable(reply.error()));
    }

    void oversizedReplyIsCutOff() {
        const QByteArray huge(2 * 1024 * 1024, 'x');
        CannedServer declared(CannedServer::http("200 OK", "application/timestamp-reply", huge));
        CannedServer undeclared("HTTP/1.1 200 OK\r\nContent-Type: application/timestamp-reply\r\n"
                                "Connection: close\r\n\r\n" +
                                huge);
        QVERIFY(declared.ok() && undeclared.ok());
        for (const auto *server : {&declared, &undeclared}) {
            const auto reply = postQuery(server->url(), makeRequest(sha256("a")).der);
            QVERIFY(!reply.ok());
            QVERIFY2(reply.error().contains(QStringLiteral("more than 1 MiB")),
                     qPrintable(reply.error()));
        }
    }

    void silentTsaTimesOut() {
        CannedServer silent{QByteArray()};
        QVERIFY(silent.ok());
        QElapsedTimer clock;
        clock.start();
        const auto reply = postQuery(silent.url(), makeRequest(sha256("a")).der, 700);
        const qint64 elapsed = clock.elapsed();
        QVERIFY(!reply.ok());
        QVERIFY2(elapsed >= 600 && elapsed < 5000, qPrintable(QString::number(elapsed)));
        QCOMPARE(reply.error(), QStringLiteral("the time-stamp authority at %1 did not answer "
                                               "within 0.7 seconds")
                                    .arg(silent.url()));
    }

    void urlThatIsNotHttpIsRefused() {
        for (const QString &url :
             {QStringLiteral("ftp://127.0.0.1/tsa"), QStringLiteral("tsa"), QString()}) {
            const auto reply = postQuery(url, makeRequest(sha256("a")).der);
            QVERIFY(!reply.ok());
            QVERIFY2(reply.error().contains(QStringLiteral("is not an http or https URL")),
                     qPrintable(reply.error()));
        }
    }

    void requestWorksFromAThreadWithoutEventLoop() {
        const QByteArray root = merkleRoot(recordIds(13, "thread"));
        const QString url = m_tsa->url();
        const QByteArray trusted = m_tsa->caPem();
        Result<QByteArray> token = fail(QStringLiteral("did not run"));
        std::thread worker([&] { token = requestToken(url, root, trusted); });
        worker.join();
        QVERIFY2(token.ok(), qPrintable(token.error()));
        QVERIFY(verifyToken(*token, root, trusted).ok());
    }

    void testTsaAnswersQueriesSentInPiecesAndRefusesOtherRequests() {
        const QByteArray root = merkleRoot(recordIds(3, "pieces"));
        const Request request = makeRequest(root);
        const int before = m_tsa->requestCount();
        const QByteArray head = "POST /tsa HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: "
                                "application/timestamp-query\r\nContent-Length: " +
                                QByteArray::number(request.der.size()) + "\r\n\r\n";
        const qsizetype half = request.der.size() / 2;
        const QByteArray answer =
            exchange(m_tsa->port(),
                     {head.left(20), head.mid(20), request.der.left(half), request.der.mid(half)});
        QVERIFY2(answer.startsWith("HTTP/1.1 200 "), answer.left(200).constData());
        QVERIFY(answer.contains("\r\nContent-Type: application/timestamp-reply\r\n"));
        const QByteArray body = answer.mid(answer.indexOf("\r\n\r\n") + 4);
        const auto token = tokenFromResponse(body, request);
        QVERIFY2(token.ok(), qPrintable(token.error()));
        QVERIFY(verifyToken(*token, root, m_tsa->caPem()).ok());

        const QByteArray get =
            exchange(m_tsa->port(), {"GET /tsa HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n"});
        QVERIFY2(get.startsWith("HTTP/1.1 405 "), get.constData());
        const QByteArray wrongType =
            exchange(m_tsa->port(), {"POST /tsa HTTP/1.1\r\nContent-Type: text/plain\r\n"
                                     "Content-Length: 5\r\n\r\nhello"});
        QVERIFY2(wrongType.startsWith("HTTP/1.1 400 "), wrongType.constData());
        QCOMPARE(m_tsa->requestCount(), before + 3);
    }
};

QTEST_GUILESS_MAIN(TimestampTest)
#include "tst_timestamp.moc"
