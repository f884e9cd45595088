// Membership files and key grants (FORMAT.md §5), checked against the OpenSSL command line
// wherever an independent tool can re-derive a value: the KEK of a key grant, the PKCS#10
// request, the certificate issued from it, and the CA fingerprint.

#include "crypto/Crypto.h"
#include "records/CanonicalJson.h"
#include "sync/CaShare.h"
#include "sync/Membership.h"
#include "TestSupport.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonObject>
#include <QProcess>
#include <QTemporaryDir>
#include <QtTest>

using namespace quire;
using namespace quire::crypto;
using namespace quire::membership;

using namespace quire::test;

namespace {

using test::Tool;
Tool openssl(const QStringList &args) {
    return test::runTool(QStringLiteral("openssl"), args);
}

QByteArray pem(const char *label, const QByteArray &der) {
    QByteArray out = QByteArray("-----BEGIN ") + label + "-----\n";
    const QByteArray b64 = der.toBase64();
    for (qsizetype i = 0; i < b64.size(); i += 64)
        out += b64.mid(i, 64) + '\n';
    return out + "-----END " + label + "-----\n";
}

QByteArray flipped(QByteArray bytes, qsizetype index, char mask = 0x01) {
    bytes[index] = char(bytes[index] ^ mask);
    return bytes;
}

QByteArray uint32Be(quint32 v) {
    const char b[4] = {char(v >> 24), char(v >> 16), char(v >> 8), char(v)};
    return QByteArray(b, 4);
}

// Parses canonical bytes, lets the test change the object, and writes canonical bytes again:
// the way a tamperer with a text editor and a JSON library would.
template <typename Edit> QByteArray edited(const QByteArray &bytes, Edit edit) {
    auto object = json::parseObject(bytes);
    if (!object) qFatal("test input is not JSON: %s", qPrintable(object.error()));
    edit(*object);
    auto out = json::canonicalize(*object);
    if (!out) qFatal("cannot re-encode: %s", qPrintable(out.error()));
    return *out;
}

QString b64(const QByteArray &bytes) {
    return QString::fromLatin1(bytes.toBase64());
}

const QByteArray kNotebookKey1 =
    QByteArray::fromHex("000102030405060708090a0b0c0d0e0f101112131415161718191a1b1c1d1e1f");

} // namespace

class MembershipTest : public QObject {
    Q_OBJECT

    QTemporaryDir m_tmp;
    QString path(const QString &name) const { return m_tmp.filePath(name); }

    // One notebook: its CA, an admin with a signing certificate, and a second admin.
    EcKey m_caKey;
    QByteArray m_caCert;
    EcKey m_adminKey;
    QByteArray m_adminCert;
    EcKey m_otherAdminKey;
    QByteArray m_otherAdminCert;
    QString m_adminUuid;
    QString m_otherAdminUuid;

    // The newcomer's two key pairs.
    EcKey m_memberSign;
    EcKey m_memberEnc;
    QString m_memberUuid;

    Invitation sampleInvitation() const {
        Invitation i;
        i.notebook = QStringLiteral("6f1c2d3e-4b5a-4c6d-8e7f-0a1b2c3d4e5f");
        i.notebookName = QStringLiteral("Protein folding lab");
        i.genesis = QString::fromLatin1(toHex(sha256("genesis record")));
        i.caSha256 = QString::fromLatin1(toHex(sha256(m_caCert)));
        i.remote = QStringLiteral("https://git.example.org/lab/notebook.git");
        i.invitedBy = m_adminUuid;
        i.createdAt = QStringLiteral("2026-11-24T19:33:25.123Z");
        return i;
    }

    QList<WrappedKey> threeEpochs() const {
        QList<WrappedKey> grants;
        for (quint32 epoch = 1; epoch <= 3; ++epoch) {
            auto w = wrapNotebookKey(m_memberUuid, m_memberEnc.publicDer(), epoch,
                                     flipped(kNotebookKey1, 0, char(epoch)));
            if (!w) qFatal("wrap failed: %s", qPrintable(w.error()));
            grants << *w;
        }
        return grants;
    }

    QByteArray sealedGrantFile() const {
        auto bytes =
            makeGrantFile(m_memberUuid, m_adminUuid, threeEpochs(), m_adminKey, m_adminCert);
        if (!bytes) qFatal("grant file failed: %s", qPrintable(bytes.error()));
        return *bytes;
    }

    // Parses and checks the seal against the admin: the outcome a reader of keys/ would get.
    Result<void> grantFileVerifies(const QByteArray &bytes, const QByteArray &cert) const {
        auto file = parseGrantFile(bytes);
        if (!file) return file.failure();
        return verifyGrantSeal(*file, cert);
    }

private slots:
    void initTestCase() {
        QVERIFY(m_tmp.isValid());
        const Tool version = openssl({"version"});
        QVERIFY2(version.exitCode == 0 && version.out.startsWith("OpenSSL 3"),
                 qPrintable(version.all()));
        m_caKey = EcKey::generate();
        auto ca = makeCaCertificate(m_caKey, QStringLiteral("Protein folding lab"), 30);
        QVERIFY2(ca, qPrintable(ca.error()));
        m_caCert = *ca;
        m_adminKey = EcKey::generate();
        auto admin = issueSigningCertificate(m_caKey, m_caCert, m_adminKey.publicDer(),
                                             QStringLiteral("Ada Admin"),
                                             QStringLiteral("ada@example.org"), 5);
        QVERIFY2(admin, qPrintable(admin.error()));
        m_adminCert = *admin;
        m_otherAdminKey = EcKey::generate();
        auto other = issueSigningCertificate(m_caKey, m_caCert, m_otherAdminKey.publicDer(),
                                             QStringLiteral("Otto Admin"),
                                             QStringLiteral("otto@example.org"), 5);
        QVERIFY2(other, qPrintable(other.error()));
        m_otherAdminCert = *other;
        m_adminUuid = newUuid();
        m_otherAdminUuid = newUuid();
        m_memberSign = EcKey::generate();
        m_memberEnc = EcKey::generate();
        m_memberUuid = newUuid();
    }

    // ---- key wrapping -----------------------------------------------------------------------

    void wrappedNotebookKeysOpenForTheirMemberInEveryEpoch() {
        for (quint32 epoch = 1; epoch <= 3; ++epoch) {
            const QByteArray key = randomBytes(32);
            auto w = wrapNotebookKey(m_memberUuid, m_memberEnc.publicDer(), epoch, key);
            QVERIFY2(w, qPrintable(w.error()));
            QCOMPARE(w->epoch, epoch);
            QCOMPARE(w->wrapped.size(), 12 + 32 + 16);
            QVERIFY(EcKey::fromPublicDer(w->epk).ok());
            QVERIFY(w->epk != m_memberEnc.publicDer());
            auto opened = unwrapNotebookKey(m_memberUuid, m_memberEnc, *w);
            QVERIFY2(opened, qPrintable(opened.error()));
            QCOMPARE(opened->bytes(), key);
        }
        // A fresh ephemeral key and nonce every time: two wraps of one key share nothing.
        auto a = wrapNotebookKey(m_memberUuid, m_memberEnc.publicDer(), 1, kNotebookKey1);
        auto b = wrapNotebookKey(m_memberUuid, m_memberEnc.publicDer(), 1, kNotebookKey1);
        QVERIFY(a && b);
        QVERIFY(a->epk != b->epk);
        QVERIFY(a->wrapped != b->wrapped);
    }

    void unwrapFailsWithAnotherMembersKey() {
        auto w = wrapNotebookKey(m_memberUuid, m_memberEnc.publicDer(), 1, kNotebookKey1);
        QVERIFY(w);
        const EcKey stranger = EcKey::generate();
        auto opened = unwrapNotebookKey(m_memberUuid, stranger, *w);
        QVERIFY(!opened);
        QVERIFY2(opened.error().contains(QLatin1String("does not open with this member's "
                                                       "encryption key")),
                 qPrintable(opened.error()));
        // The signing key is not the encryption key either.
        QVERIFY(!unwrapNotebookKey(m_memberUuid, m_memberSign, *w));
        // A public key alone cannot open anything, and says why.
        auto publicOnly = EcKey::fromPublicDer(m_memberEnc.publicDer());
        QVERIFY(publicOnly);
        auto noPrivate = unwrapNotebookKey(m_memberUuid, *publicOnly, *w);
        QVERIFY(!noPrivate);
        QVERIFY2(noPrivate.error().contains(QLatin1String("private encryption key")),
                 qPrintable(noPrivate.error()));
    }

    void unwrapFailsForAnotherMemberUuidOrEpoch() {
        auto w = wrapNotebookKey(m_memberUuid, m_memberEnc.publicDer(), 2, kNotebookKey1);
        QVERIFY(w);
        auto otherMember = unwrapNotebookKey(newUuid(), m_memberEnc, *w);
        QVERIFY(!otherMember);
        QVERIFY2(otherMember.error().contains(QLatin1String("epoch 2 does not open")),
                 qPrintable(otherMember.error()));

        WrappedKey otherEpoch = *w;
        otherEpoch.epoch = 3;
        auto moved = unwrapNotebookKey(m_memberUuid, m_memberEnc, otherEpoch);
        QVERIFY(!moved);
        QVERIFY2(moved.error().contains(QLatin1String("another member, epoch or key")),
                 qPrintable(moved.error()));

        // Epoch 2^24 + 2 differs from 2 only in a byte a little-endian or one-byte encoding
        // would drop: the whole uint32 is authenticated.
        otherEpoch.epoch = (1u << 24) + 2;
        QVERIFY(!unwrapNotebookKey(m_memberUuid, m_memberEnc, otherEpoch));
        auto upper = unwrapNotebookKey(m_memberUuid.toUpper(), m_memberEnc, *w);
        QVERIFY(!upper);
        QVERIFY2(upper.error().contains(QLatin1String("not a member uuid")),
                 qPrintable(upper.error()));
    }

    void unwrapFailsForEveryFlippedByteOfEpkAndWrapped() {
        auto w = wrapNotebookKey(m_memberUuid, m_memberEnc.publicDer(), 1, kNotebookKey1);
        QVERIFY(w);
        for (qsizetype i = 0; i < w->wrapped.size(); ++i) {
            WrappedKey bad = *w;
            bad.wrapped = flipped(w->wrapped, i);
            auto opened = unwrapNotebookKey(m_memberUuid, m_memberEnc, bad);
            QVERIFY2(!opened, qPrintable(QStringLiteral("byte %1 of wrapped").arg(i)));
            QVERIFY2(opened.error().contains(QLatin1String("epoch 1")), qPrintable(opened.error()));
        }
        for (qsizetype i = 0; i < w->epk.size(); ++i) {
            WrappedKey bad = *w;
            bad.epk = flipped(w->epk, i);
            auto opened = unwrapNotebookKey(m_memberUuid, m_memberEnc, bad);
            QVERIFY2(!opened, qPrintable(QStringLiteral("byte %1 of epk").arg(i)));
            QVERIFY2(opened.error().contains(QLatin1String("key grant for epoch 1")),
                     qPrintable(opened.error()));
        }
        WrappedKey truncated = *w;
        truncated.wrapped.chop(1);
        auto shortOne = unwrapNotebookKey(m_memberUuid, m_memberEnc, truncated);
        QVERIFY(!shortOne);
        QVERIFY2(shortOne.error().contains(QLatin1String("59 bytes instead of 60")),
                 qPrintable(shortOne.error()));
    }

    void wrapRefusesBadInputs() {
        QVERIFY(!wrapNotebookKey(m_memberUuid, m_memberEnc.publicDer(), 0, kNotebookKey1));
        QVERIFY(!wrapNotebookKey(m_memberUuid, m_memberEnc.publicDer(), 1, kNotebookKey1.left(16)));
        QVERIFY(!wrapNotebookKey(QStringLiteral("not-a-uuid"), m_memberEnc.publicDer(), 1,
                                 kNotebookKey1));
        auto garbage = wrapNotebookKey(m_memberUuid, "not a key", 1, kNotebookKey1);
        QVERIFY(!garbage);
        QVERIFY2(garbage.error().contains(QLatin1String("encryption key")),
                 qPrintable(garbage.error()));
    }

    void keyWrapKeyMatchesOpensslDeriveAndHkdf() {
        const EcKey ephemeral = EcKey::generate();
        QVERIFY(writeAll(path("eph.pem"), pem("PRIVATE KEY", ephemeral.privateDer().bytes())));
        QVERIFY(writeAll(path("member.pem"), pem("PUBLIC KEY", m_memberEnc.publicDer())));
        const Tool derive = openssl({"pkeyutl", "-derive", "-inkey", path("eph.pem"), "-peerkey",
                                     path("member.pem"), "-out", path("shared.bin")});
        QVERIFY2(derive.exitCode == 0, qPrintable(derive.all()));
        const QByteArray shared = readAll(path("shared.bin"));
        QCOMPARE(shared.size(), 32);

        const QByteArray salt = ephemeral.publicDer() + m_memberEnc.publicDer();
        const Tool kdf =
            openssl({"kdf", "-keylen", "32", "-kdfopt", "digest:SHA256", "-kdfopt",
                     "hexkey:" + QString::fromLatin1(shared.toHex()), "-kdfopt",
                     "hexsalt:" + QString::fromLatin1(salt.toHex()), "-kdfopt",
                     "info:quire/1 key wrap", "-binary", "-out", path("kek.bin"), "HKDF"});
        QVERIFY2(kdf.exitCode == 0, qPrintable(kdf.all()));
        const QByteArray opensslKek = readAll(path("kek.bin"));
        QCOMPARE(opensslKek.size(), 32);

        auto ours = keyWrapKey(ephemeral, m_memberEnc.publicDer());
        QVERIFY2(ours, qPrintable(ours.error()));
        QCOMPARE(ours->bytes().toHex(), opensslKek.toHex());

        // The wrap made with this ephemeral key opens with the openssl-derived KEK and an AAD
        // built here by hand from the documented layout: 36 ASCII uuid bytes || epoch u32 BE.
        auto w =
            wrapNotebookKey(m_memberUuid, m_memberEnc.publicDer(), 7, kNotebookKey1, ephemeral);
        QVERIFY2(w, qPrintable(w.error()));
        QCOMPARE(w->epk, ephemeral.publicDer());
        const QByteArray aad = m_memberUuid.toLatin1() + uint32Be(7);
        QCOMPARE(aad.size(), 40);
        auto opened = aesGcmOpen(opensslKek, w->wrapped.left(12), w->wrapped.mid(12), aad);
        QVERIFY2(opened, qPrintable(opened.error()));
        QCOMPARE(*opened, kNotebookKey1);
        auto unwrapped = unwrapNotebookKey(m_memberUuid, m_memberEnc, *w);
        QVERIFY2(unwrapped, qPrintable(unwrapped.error()));
        QCOMPARE(unwrapped->bytes(), kNotebookKey1);
    }

    // ---- certificate requests ---------------------------------------------------------------

    void certificateRequestIsAcceptedByOpenssl() {
        auto csr = makeCertificateRequest(m_memberSign, QStringLiteral("Nina Newcomer"),
                                          QStringLiteral("nina@example.org"));
        QVERIFY2(csr, qPrintable(csr.error()));
        QVERIFY(writeAll(path("req.der"), *csr));
        const Tool verify =
            openssl({"req", "-verify", "-inform", "DER", "-in", path("req.der"), "-noout"});
        QVERIFY2(verify.exitCode == 0, qPrintable(verify.all()));
        QVERIFY2(verify.all().contains(QLatin1String("verify OK")), qPrintable(verify.all()));
        const Tool text =
            openssl({"req", "-text", "-noout", "-inform", "DER", "-in", path("req.der")});
        QVERIFY2(text.exitCode == 0, qPrintable(text.all()));
        QVERIFY2(text.all().contains(
                     QLatin1String("Subject: CN = Nina Newcomer, emailAddress = nina@example.org")),
                 qPrintable(text.all()));
        QVERIFY2(text.all().contains(QLatin1String("ecdsa-with-SHA256")), qPrintable(text.all()));
        QVERIFY2(text.all().contains(QLatin1String("prime256v1")), qPrintable(text.all()));

        auto info = certificateRequestInfo(*csr);
        QVERIFY2(info, qPrintable(info.error()));
        QCOMPARE(info->commonName, QStringLiteral("Nina Newcomer"));
        QCOMPARE(info->email, QStringLiteral("nina@example.org"));
        QCOMPARE(info->subjectPublicKeyDer, m_memberSign.publicDer());
    }

    void certificateRequestKeepsANonAsciiNameExactly() {
        const QString name = QStringLiteral("Zoë Müller-Łukasiewicz 山田");
        auto csr = makeCertificateRequest(m_memberSign, name, QStringLiteral("zoe@example.org"));
        QVERIFY2(csr, qPrintable(csr.error()));
        auto info = certificateRequestInfo(*csr);
        QVERIFY2(info, qPrintable(info.error()));
        QCOMPARE(info->commonName, name);
        // Names a certificate would have to alter are refused instead.
        QVERIFY(!makeCertificateRequest(m_memberSign, QString(65, u'x'), "x@example.org"));
        QVERIFY(!makeCertificateRequest(m_memberSign, QStringLiteral(" Nina"), "n@example.org"));
        QVERIFY(!makeCertificateRequest(m_memberSign, QStringLiteral("Nina"), "no address"));
        auto publicOnly = EcKey::fromPublicDer(m_memberSign.publicDer());
        QVERIFY(publicOnly);
        QVERIFY(!makeCertificateRequest(*publicOnly, QStringLiteral("Nina"), "n@example.org"));
    }

    void certificateIssuedFromTheRequestVerifiesWithOpenssl() {
        auto invitation = sampleInvitation();
        auto request =
            newJoinRequest(invitation, QStringLiteral("Nina Newcomer"),
                           QStringLiteral("nina@example.org"), m_memberSign, m_memberEnc);
        QVERIFY2(request, qPrintable(request.error()));
        auto cert = issueMemberCertificate(*request, m_caKey, m_caCert, 5);
        QVERIFY2(cert, qPrintable(cert.error()));
        QVERIFY(writeAll(path("ca.pem"), certificatePem(m_caCert)));
        QVERIFY(writeAll(path("nina.pem"), certificatePem(*cert)));
        const Tool verify = openssl({"verify", "-CAfile", path("ca.pem"), path("nina.pem")});
        QVERIFY2(verify.exitCode == 0, qPrintable(verify.all()));
        QVERIFY2(verify.all().contains(QLatin1String("nina.pem: OK")), qPrintable(verify.all()));

        auto info = certificateInfo(*cert);
        QVERIFY(info);
        QCOMPARE(info->subjectPublicKeyDer, m_memberSign.publicDer());
        QCOMPARE(info->commonName, QStringLiteral("Nina Newcomer"));
        QCOMPARE(info->email, QStringLiteral("nina@example.org"));
        QVERIFY(verifyCertificateChain(*cert, m_caCert).ok());
    }

    void certificateRequestWithBrokenSignatureIsRefused() {
        auto csr = makeCertificateRequest(m_memberSign, QStringLiteral("Nina Newcomer"),
                                          QStringLiteral("nina@example.org"));
        QVERIFY(csr);
        // Change the name inside the signed part: still a well-formed request, wrong signature.
        const qsizetype at = csr->indexOf("Nina");
        QVERIFY(at > 0);
        QByteArray renamed = *csr;
        renamed[at] = 'M';
        auto info = certificateRequestInfo(renamed);
        QVERIFY(!info);
        QVERIFY2(info.error().contains(QLatin1String("not signed by its key")),
                 qPrintable(info.error()));
        QVERIFY(writeAll(path("renamed.der"), renamed));
        const Tool verify =
            openssl({"req", "-verify", "-inform", "DER", "-in", path("renamed.der"), "-noout"});
        // OpenSSL 3.0 still exits 0 here; what it prints is the verdict.
        QVERIFY2(verify.all().contains(QLatin1String("verify failure")), qPrintable(verify.all()));
        QVERIFY2(!verify.all().contains(QLatin1String("verify OK")), qPrintable(verify.all()));

        // The last byte lies in the signature's s value.
        auto lastByte = certificateRequestInfo(flipped(*csr, csr->size() - 1));
        QVERIFY(!lastByte);
        QVERIFY(!certificateRequestInfo(csr->left(csr->size() - 1)));
        QVERIFY(!certificateRequestInfo(*csr + '\0'));
        QVERIFY(!certificateRequestInfo(QByteArray("not a request")));
    }

    void onlyOurKindOfCertificateRequestIsAccepted() {
        QVERIFY(writeAll(path("sign.pem"), pem("PRIVATE KEY", m_memberSign.privateDer().bytes())));
        const Tool p384 = openssl({"genpkey", "-algorithm", "EC", "-pkeyopt",
                                   "ec_paramgen_curve:P-384", "-out", path("p384.pem")});
        QVERIFY2(p384.exitCode == 0, qPrintable(p384.all()));
        auto opensslRequest = [&](const QString &key, const QString &digest,
                                  const QString &subject) {
            const QString out = path("openssl-req.der");
            const Tool req = openssl({"req", "-new", "-key", key, "-" + digest, "-subj", subject,
                                      "-outform", "DER", "-out", out});
            if (req.exitCode != 0) qFatal("openssl req failed: %s", qPrintable(req.all()));
            return certificateRequestInfo(readAll(out));
        };
        auto good = opensslRequest(path("sign.pem"), "sha256",
                                   "/CN=Nina Newcomer/emailAddress=nina@example.org");
        QVERIFY2(good, qPrintable(good.error()));
        QCOMPARE(good->subjectPublicKeyDer, m_memberSign.publicDer());
        auto sha1 = opensslRequest(path("sign.pem"), "sha1",
                                   "/CN=Nina Newcomer/emailAddress=nina@example.org");
        QVERIFY(!sha1);
        QVERIFY2(sha1.error().contains(QLatin1String("ECDSA-SHA256")), qPrintable(sha1.error()));
        auto otherCurve = opensslRequest(path("p384.pem"), "sha256",
                                         "/CN=Nina Newcomer/emailAddress=nina@example.org");
        QVERIFY(!otherCurve);
        QVERIFY2(otherCurve.error().contains(QLatin1String("not a P-256 key")),
                 qPrintable(otherCurve.error()));
        auto extraField = opensslRequest(path("sign.pem"), "sha256",
                                         "/CN=Nina Newcomer/O=Evil/emailAddress=nina@example.org");
        QVERIFY(!extraField);
        QVERIFY2(extraField.error().contains(QLatin1String("exactly one person")),
                 qPrintable(extraField.error()));
        auto twoNames = opensslRequest(path("sign.pem"), "sha256",
                                       "/CN=Nina/CN=Admin/emailAddress=nina@example.org");
        QVERIFY(!twoNames);
    }

    // ---- grant files ------------------------------------------------------------------------

    void grantFileIsCanonicalAndItsSealVerifies() {
        const QByteArray bytes = sealedGrantFile();
        auto canonical = json::canonicalizeText(bytes);
        QVERIFY2(canonical, qPrintable(canonical.error()));
        QCOMPARE(*canonical, bytes);

        auto file = parseGrantFile(bytes);
        QVERIFY2(file, qPrintable(file.error()));
        QCOMPARE(file->member, m_memberUuid);
        QCOMPARE(file->grantedBy, m_adminUuid);
        QCOMPARE(file->grants.size(), 3);
        QCOMPARE(file->sealCert, QString::fromLatin1(toHex(sha256(m_adminCert))));
        auto sealed = verifyGrantSeal(*file, m_adminCert);
        QVERIFY2(sealed, qPrintable(sealed.error()));
        for (const WrappedKey &g : file->grants) {
            auto key = unwrapNotebookKey(m_memberUuid, m_memberEnc, g);
            QVERIFY2(key, qPrintable(key.error()));
            QCOMPARE(key->bytes(), flipped(kNotebookKey1, 0, char(g.epoch)));
        }

        // The seal is an ordinary ECDSA signature over the canonical object without "seal":
        // openssl checks it with the admin's certificate.
        auto object = json::parseObject(bytes);
        QVERIFY(object);
        const QByteArray sig = QByteArray::fromBase64(
            object->value("seal").toObject().value("sig").toString().toLatin1());
        object->remove(QStringLiteral("seal"));
        auto unsealed = json::canonicalize(*object);
        QVERIFY(unsealed);
        QVERIFY(writeAll(path("grant-unsealed.json"), *unsealed));
        QVERIFY(writeAll(path("grant.sig"), sig));
        QVERIFY(writeAll(path("admin.pem"), certificatePem(m_adminCert)));
        const Tool pub = openssl({"x509", "-in", path("admin.pem"), "-pubkey", "-noout"});
        QVERIFY2(pub.exitCode == 0, qPrintable(pub.all()));
        QVERIFY(writeAll(path("admin-pub.pem"), pub.out));
        const Tool verify = openssl({"dgst", "-sha256", "-verify", path("admin-pub.pem"),
                                     "-signature", path("grant.sig"), path("grant-unsealed.json")});
        QVERIFY2(verify.exitCode == 0, qPrintable(verify.all()));
        QVERIFY2(verify.all().contains(QLatin1String("Verified OK")), qPrintable(verify.all()));
    }

    void grantFileSealFailsAfterAnyChange() {
        const QByteArray bytes = sealedGrantFile();
        QVERIFY(grantFileVerifies(bytes, m_adminCert).ok());
        const QByteArray otherEpk = EcKey::generate().publicDer();

        const QList<std::pair<QString, std::function<void(QJsonObject &)>>> changes = {
            {QStringLiteral("member"),
             [](QJsonObject &o) { o.insert(QStringLiteral("member"), newUuid()); }},
            {QStringLiteral("granted_by"),
             [](QJsonObject &o) { o.insert(QStringLiteral("granted_by"), newUuid()); }},
            {QStringLiteral("epoch"),
             [](QJsonObject &o) {
                 QJsonArray grants = o.value("grants").toArray();
                 QJsonObject last = grants.last().toObject();
                 last.insert(QStringLiteral("epoch"), qint64(9));
                 grants.replace(grants.size() - 1, last);
                 o.insert(QStringLiteral("grants"), grants);
             }},
            {QStringLiteral("epk"),
             [&](QJsonObject &o) {
                 QJsonArray grants = o.value("grants").toArray();
                 QJsonObject first = grants.first().toObject();
                 first.insert(QStringLiteral("epk"), b64(otherEpk));
                 grants.replace(0, first);
                 o.insert(QStringLiteral("grants"), grants);
             }},
            {QStringLiteral("wrapped"),
             [](QJsonObject &o) {
                 QJsonArray grants = o.value("grants").toArray();
                 QJsonObject g = grants.at(1).toObject();
                 const QByteArray w =
                     QByteArray::fromBase64(g.value("wrapped").toString().toLatin1());
                 g.insert(QStringLiteral("wrapped"), b64(flipped(w, 20)));
                 grants.replace(1, g);
                 o.insert(QStringLiteral("grants"), grants);
             }},
            {QStringLiteral("dropped grant"),
             [](QJsonObject &o) {
                 QJsonArray grants = o.value("grants").toArray();
                 grants.removeLast();
                 o.insert(QStringLiteral("grants"), grants);
             }},
        };
        for (const auto &[what, change] : changes) {
            const QByteArray tampered = edited(bytes, change);
            auto file = parseGrantFile(tampered);
            QVERIFY2(file, qPrintable(what + ": " + file.error())); // still well formed
            auto sealed = verifyGrantSeal(*file, m_adminCert);
            QVERIFY2(!sealed, qPrintable(what));
            QVERIFY2(sealed.error().contains(QLatin1String("was changed after it was sealed")),
                     qPrintable(sealed.error()));
        }
    }

    void grantFileSealFailsWithAnotherAdminsCertificate() {
        const QByteArray bytes = sealedGrantFile();
        auto file = parseGrantFile(bytes);
        QVERIFY(file);
        auto other = verifyGrantSeal(*file, m_otherAdminCert);
        QVERIFY(!other);
        QVERIFY2(other.error().contains(QLatin1String("sealed by another certificate")),
                 qPrintable(other.error()));

        // Claiming the other admin's certificate in the seal does not make the signature theirs.
        const QByteArray claimed = edited(bytes, [&](QJsonObject &o) {
            QJsonObject seal = o.value("seal").toObject();
            seal.insert(QStringLiteral("cert"),
                        QString::fromLatin1(toHex(sha256(m_otherAdminCert))));
            o.insert(QStringLiteral("seal"), seal);
        });
        auto claimedFile = parseGrantFile(claimed);
        QVERIFY(claimedFile);
        auto forged = verifyGrantSeal(*claimedFile, m_otherAdminCert);
        QVERIFY(!forged);
        QVERIFY2(forged.error().contains(QLatin1String("does not match its contents")),
                 qPrintable(forged.error()));

        // And an admin cannot seal with a certificate that is not theirs.
        auto mismatched =
            makeGrantFile(m_memberUuid, m_adminUuid, threeEpochs(), m_adminKey, m_otherAdminCert);
        QVERIFY(!mismatched);
        QVERIFY2(mismatched.error().contains(QLatin1String("does not belong to the certificate")),
                 qPrintable(mismatched.error()));
    }

    void grantFileSortsEpochsAndRefusesDuplicates() {
        QList<WrappedKey> grants = threeEpochs();
        std::reverse(grants.begin(), grants.end());
        auto bytes = makeGrantFile(m_memberUuid, m_adminUuid, grants, m_adminKey, m_adminCert);
        QVERIFY2(bytes, qPrintable(bytes.error()));
        auto file = parseGrantFile(*bytes);
        QVERIFY(file);
        QCOMPARE(file->grants.at(0).epoch, 1u);
        QCOMPARE(file->grants.at(2).epoch, 3u);

        grants << grants.first();
        auto twice = makeGrantFile(m_memberUuid, m_adminUuid, grants, m_adminKey, m_adminCert);
        QVERIFY(!twice);
        QVERIFY2(twice.error().contains(QLatin1String("epoch 3 is granted twice")),
                 qPrintable(twice.error()));
        QVERIFY(!makeGrantFile(m_memberUuid, m_adminUuid, {}, m_adminKey, m_adminCert));
    }

    void parseGrantFileRefusesMalformedFiles_data() {
        QTest::addColumn<QByteArray>("bytes");
        QTest::addColumn<QString>("message");
        const QByteArray good = sealedGrantFile();
        auto grantsEdit = [&](std::function<void(QJsonArray &)> f) {
            return edited(good, [&](QJsonObject &o) {
                QJsonArray g = o.value("grants").toArray();
                f(g);
                o.insert(QStringLiteral("grants"), g);
            });
        };
        auto setInFirst = [&](const QString &key, const QJsonValue &v) {
            return grantsEdit([&](QJsonArray &g) {
                QJsonObject first = g.first().toObject();
                first.insert(key, v);
                g.replace(0, first);
            });
        };

        QTest::newRow("newer format")
            << edited(good, [](QJsonObject &o) { o.insert("format", QStringLiteral("quire/2")); })
            << "format \"quire/2\", which this version of Quire cannot read";
        QTest::newRow("unknown field")
            << edited(good, [](QJsonObject &o) { o.insert("note", QStringLiteral("hi")); })
            << "does not know, \"note\"";
        QTest::newRow("missing member")
            << edited(good, [](QJsonObject &o) { o.remove("member"); }) << "it has no \"member\"";
        QTest::newRow("member not a string")
            << edited(good, [](QJsonObject &o) { o.insert("member", qint64(7)); })
            << "\"member\" must be a string";
        QTest::newRow("uppercase uuid")
            << edited(good, [&](QJsonObject &o) { o.insert("member", m_memberUuid.toUpper()); })
            << "not a lowercase version-4 uuid";
        QTest::newRow("grants not a list")
            << edited(good, [](QJsonObject &o) { o.insert("grants", QJsonObject()); })
            << "\"grants\" must be a list";
        QTest::newRow("no grants")
            << grantsEdit([](QJsonArray &g) { g = QJsonArray(); }) << "grants no key";
        QTest::newRow("epochs descending") << grantsEdit([](QJsonArray &g) {
            const QJsonValue first = g.takeAt(0);
            g.append(first);
        }) << "not in ascending order";
        QTest::newRow("epoch repeated") << grantsEdit([](QJsonArray &g) { g.append(g.last()); })
                                        << "not in ascending order without repeats (epoch 3 "
                                           "after 3)";
        QTest::newRow("epoch zero") << setInFirst("epoch", qint64(0)) << "grant 1 has an epoch";
        QTest::newRow("epoch too large")
            << setInFirst("epoch", qint64(1) << 32) << "from 1 to 4294967295";
        QTest::newRow("epoch as string") << setInFirst("epoch", QStringLiteral("1"))
                                         << "grant 1 has an epoch that is not a whole number";
        QTest::newRow("unpadded base64")
            << setInFirst("wrapped", QString::fromLatin1(
                                         randomBytes(59).toBase64(QByteArray::OmitTrailingEquals)))
            << "grant 1: \"wrapped\" is not padded standard base64";
        QTest::newRow("short wrapped")
            << setInFirst("wrapped", b64(randomBytes(59))) << "59 bytes instead of 60";
        QTest::newRow("epk not a key")
            << setInFirst("epk", b64("not a key")) << "not a P-256 public key";
        QTest::newRow("unknown grant field")
            << setInFirst("note", QStringLiteral("x")) << "grant 1 has a field";
        QTest::newRow("seal field") << edited(good, [](QJsonObject &o) {
            QJsonObject s = o.value("seal").toObject();
            s.insert("alg", QStringLiteral("none"));
            o.insert("seal", s);
        }) << "its seal has a field";
        QTest::newRow("seal without sig") << edited(good, [](QJsonObject &o) {
            QJsonObject s = o.value("seal").toObject();
            s.remove("sig");
            o.insert("seal", s);
        }) << "its seal: it has no \"sig\"";
        QTest::newRow("trailing garbage") << good + "x"
                                          << "not readable JSON";
        QTest::newRow("duplicate key")
            << QByteArray(good).replace("{\"format\"", "{\"format\":\"quire/1\",\"format\"")
            << "duplicate key";
        QTest::newRow("float epoch") << QByteArray(good).replace("\"epoch\":1,", "\"epoch\":1.5,")
                                     << "grants[0].epoch is not an integer";
        QTest::newRow("not NFC") << edited(good, [](QJsonObject &o) {
            o.insert("granted_by", QStringLiteral("e\u0301"));
        }) << "not in Unicode NFC";
    }

    void parseGrantFileRefusesMalformedFiles() {
        QFETCH(QByteArray, bytes);
        QFETCH(QString, message);
        auto file = parseGrantFile(bytes);
        QVERIFY2(!file, bytes.constData());
        QVERIFY2(file.error().contains(message), qPrintable(file.error()));
    }

    void addingAnEpochWritesOneMoreSealedGrant() {
        auto bytes = makeGrantFile(m_memberUuid, m_adminUuid, threeEpochs().mid(0, 2), m_adminKey,
                                   m_adminCert);
        QVERIFY(bytes);
        auto current = parseGrantFile(*bytes);
        QVERIFY(current);
        const QByteArray epoch3Key = randomBytes(32);
        auto w3 = wrapNotebookKey(m_memberUuid, m_memberEnc.publicDer(), 3, epoch3Key);
        QVERIFY(w3);

        // Sealed now by the other admin, who checks the first admin's seal before extending.
        auto extended = addGrant(*current, m_adminCert, *w3, m_otherAdminUuid, m_otherAdminKey,
                                 m_otherAdminCert);
        QVERIFY2(extended, qPrintable(extended.error()));
        auto next = parseGrantFile(*extended);
        QVERIFY2(next, qPrintable(next.error()));
        QCOMPARE(next->grants.size(), 3);
        QCOMPARE(next->grantedBy, m_otherAdminUuid);
        QVERIFY(verifyGrantSeal(*next, m_otherAdminCert).ok());
        QCOMPARE(next->grants.at(0).wrapped, current->grants.at(0).wrapped);
        QCOMPARE(next->grants.at(1).epk, current->grants.at(1).epk);
        auto opened = unwrapNotebookKey(m_memberUuid, m_memberEnc, next->grants.at(2));
        QVERIFY(opened);
        QCOMPARE(opened->bytes(), epoch3Key);

        auto again = addGrant(*next, m_otherAdminCert, *w3, m_adminUuid, m_adminKey, m_adminCert);
        QVERIFY(!again);
        QVERIFY2(again.error().contains(QLatin1String("already holds a key for epoch 3")),
                 qPrintable(again.error()));
        // A tampered current file is not re-sealed.
        const QByteArray tamperedBytes = edited(*bytes, [](QJsonObject &o) {
            QJsonArray grants = o.value("grants").toArray();
            QJsonObject g = grants.first().toObject();
            g.insert(QStringLiteral("wrapped"), b64(randomBytes(60)));
            grants.replace(0, g);
            o.insert(QStringLiteral("grants"), grants);
        });
        auto tampered = parseGrantFile(tamperedBytes);
        QVERIFY(tampered);
        auto refused = addGrant(*tampered, m_adminCert, *w3, m_adminUuid, m_adminKey, m_adminCert);
        QVERIFY(!refused);
        QVERIFY2(refused.error().contains(QLatin1String("cannot be extended")),
                 qPrintable(refused.error()));
    }

    // ---- invitations ------------------------------------------------------------------------

    void invitationRoundTripsThroughCanonicalBytes() {
        Invitation i = sampleInvitation();
        i.notebookName = QStringLiteral("Cafe\u0301 lab"); // decomposed: written as NFC
        auto bytes = makeInvitation(i);
        QVERIFY2(bytes, qPrintable(bytes.error()));
        QCOMPARE(*json::canonicalizeText(*bytes), *bytes);
        QVERIFY(bytes->contains("\"type\":\"invitation\""));
        auto parsed = parseInvitation(*bytes);
        QVERIFY2(parsed, qPrintable(parsed.error()));
        QCOMPARE(parsed->notebookName, QStringLiteral("Caf\u00e9 lab"));
        QCOMPARE(parsed->notebook, i.notebook);
        QCOMPARE(parsed->genesis, i.genesis);
        QCOMPARE(parsed->caSha256, i.caSha256);
        QCOMPARE(parsed->remote, i.remote);
        QCOMPARE(parsed->invitedBy, i.invitedBy);
        QCOMPARE(parsed->createdAt, i.createdAt);

        Invitation now = sampleInvitation();
        now.createdAt.clear();
        auto stamped = makeInvitation(now);
        QVERIFY(stamped);
        auto stampedParsed = parseInvitation(*stamped);
        QVERIFY(stampedParsed);
        QVERIFY(stampedParsed->createdAt.endsWith(u'Z'));
        QCOMPARE(stampedParsed->createdAt.size(), 24);
    }

    void remoteAddressesWithSecretsAreRefused_data() {
        QTest::addColumn<QString>("remote");
        QTest::addColumn<QString>("message"); // empty = accepted
        QTest::newRow("https") << "https://git.example.org/lab/nb.git"
                               << "";
        QTest::newRow("ssh url") << "ssh://git@git.example.org:2222/lab/nb.git"
                                 << "";
        QTest::newRow("scp-like") << "git@git.example.org:lab/nb.git"
                                  << "";
        QTest::newRow("local path") << "/srv/shared/nb.git"
                                    << "";
        QTest::newRow("file url") << "file:///srv/shared/nb.git"
                                  << "";
        QTest::newRow("https password") << "https://ada:s3cret@git.example.org/lab/nb.git"
                                        << "contains a password";
        QTest::newRow("https empty password") << "https://ada:@git.example.org/lab/nb.git"
                                              << "contains a password";
        QTest::newRow("ssh password") << "ssh://git:s3cret@git.example.org/lab/nb.git"
                                      << "contains a password";
        QTest::newRow("scp password") << "git:s3cret@git.example.org:lab/nb.git"
                                      << "contains a password";
        QTest::newRow("https token as user") << "https://ghp_abcdef0123456789@github.com/lab/nb.git"
                                             << "user name or token";
        QTest::newRow("query token") << "https://git.example.org/lab/nb.git?private_token=abc"
                                     << "query or fragment";
        QTest::newRow("remote helper") << "ext::sh -c touch% /tmp/pwned"
                                       << "white space";
        QTest::newRow("remote helper no space") << "ext::evil"
                                                << "git remote helper";
        QTest::newRow("unknown scheme") << "ftp://example.org/nb.git"
                                        << "\"ftp\"";
        QTest::newRow("option") << "--upload-pack=evil"
                                << "starts with '-'";
        QTest::newRow("relative") << "nb.git"
                                  << "neither a URL";
        QTest::newRow("no host") << "https:///lab/nb.git"
                                 << "names no server";
    }

    void remoteAddressesWithSecretsAreRefused() {
        QFETCH(QString, remote);
        QFETCH(QString, message);
        Invitation i = sampleInvitation();
        i.remote = remote;
        auto made = makeInvitation(i);
        if (message.isEmpty()) {
            QVERIFY2(made, qPrintable(made.error()));
            QVERIFY(parseInvitation(*made).ok());
            return;
        }
        QVERIFY(!made);
        QVERIFY2(made.error().contains(message), qPrintable(made.error()));
        // The same address is refused when it arrives in someone else's file.
        i.remote = QStringLiteral("https://git.example.org/lab/nb.git");
        auto good = makeInvitation(i);
        QVERIFY(good);
        const QByteArray hostile =
            edited(*good, [&](QJsonObject &o) { o.insert("remote", remote); });
        auto parsed = parseInvitation(hostile);
        QVERIFY(!parsed);
        QVERIFY2(parsed.error().startsWith(QLatin1String("the invitation is damaged:")),
                 qPrintable(parsed.error()));
        QVERIFY2(parsed.error().contains(message), qPrintable(parsed.error()));
    }

    void parseInvitationRefusesMalformedFiles() {
        auto good = makeInvitation(sampleInvitation());
        QVERIFY(good);
        auto check = [](const QByteArray &bytes, const char *message) {
            auto parsed = parseInvitation(bytes);
            if (parsed) return QStringLiteral("accepted: ") + QString::fromUtf8(bytes);
            if (!parsed.error().contains(QLatin1String(message))) return parsed.error();
            return QString();
        };
        QCOMPARE(check(edited(*good, [](QJsonObject &o) { o.remove("ca_sha256"); }),
                       "it has no \"ca_sha256\""),
                 QString());
        QCOMPARE(check(edited(*good, [](QJsonObject &o) { o.insert("ca_sha256", "ABCD"); }),
                       "64 lowercase hex digits"),
                 QString());
        QCOMPARE(check(edited(*good,
                              [](QJsonObject &o) {
                                  o.insert("created_at",
                                           QStringLiteral("2026-13-01T00:00:00.000Z"));
                              }),
                       "not a UTC time"),
                 QString());
        QCOMPARE(check(edited(*good,
                              [](QJsonObject &o) {
                                  o.insert("created_at", QStringLiteral("2026-11-24T19:33:25Z"));
                              }),
                       "not a UTC time"),
                 QString());
        QCOMPARE(
            check(edited(*good,
                         [](QJsonObject &o) { o.insert("type", QStringLiteral("join_request")); }),
                  "this file is a join request, not an invitation"),
            QString());
        QCOMPARE(
            check(edited(*good, [](QJsonObject &o) { o.remove("format"); }), "not a Quire file"),
            QString());
        QCOMPARE(
            check(edited(*good, [](QJsonObject &o) { o.insert("token", QStringLiteral("x")); }),
                  "does not know, \"token\""),
            QString());
        QCOMPARE(check(QByteArray("[1,2]"), "not an object"), QString());
        QCOMPARE(check(QByteArray(300 * 1024, ' '), "far larger"), QString());
    }

    // ---- join requests ----------------------------------------------------------------------

    void joinRequestRoundTripsAndMatchesItsInvitation() {
        const Invitation invitation = sampleInvitation();
        auto request =
            newJoinRequest(invitation, QStringLiteral("Nin\u0303a Newcomer"),
                           QStringLiteral("nina@example.org"), m_memberSign, m_memberEnc);
        QVERIFY2(request, qPrintable(request.error()));
        QCOMPARE(request->name, QStringLiteral("Ni\u00f1a Newcomer"));
        QCOMPARE(request->signKey, m_memberSign.publicDer());
        QCOMPARE(request->encKey, m_memberEnc.publicDer());
        QVERIFY(request->member != request->device);

        auto bytes = makeJoinRequest(*request);
        QVERIFY2(bytes, qPrintable(bytes.error()));
        QCOMPARE(*json::canonicalizeText(*bytes), *bytes);
        auto parsed = parseJoinRequest(*bytes);
        QVERIFY2(parsed, qPrintable(parsed.error()));
        QCOMPARE(parsed->member, request->member);
        QCOMPARE(parsed->device, request->device);
        QCOMPARE(parsed->name, request->name);
        QCOMPARE(parsed->email, request->email);
        QCOMPARE(parsed->csr, request->csr);
        QCOMPARE(parsed->encKey, m_memberEnc.publicDer());
        QCOMPARE(parsed->signKey, m_memberSign.publicDer());
        QCOMPARE(parsed->createdAt, request->createdAt);
        QVERIFY(checkRequestAgainstInvitation(*parsed, invitation).ok());

        Invitation elsewhere = invitation;
        elsewhere.notebook = newUuid();
        auto otherNotebook = checkRequestAgainstInvitation(*parsed, elsewhere);
        QVERIFY(!otherNotebook);
        QVERIFY2(otherNotebook.error().contains(QLatin1String("another notebook")),
                 qPrintable(otherNotebook.error()));
        elsewhere = invitation;
        elsewhere.genesis = QString::fromLatin1(toHex(sha256("another genesis")));
        QVERIFY(!checkRequestAgainstInvitation(*parsed, elsewhere));

        // The whole approval: the admin certifies the request's key and grants epoch 1 to the
        // request's encryption key; the newcomer opens it.
        auto cert = issueMemberCertificate(*parsed, m_caKey, m_caCert, 5);
        QVERIFY(cert);
        QCOMPARE(certificateInfo(*cert)->subjectPublicKeyDer, m_memberSign.publicDer());
        auto w = wrapNotebookKey(parsed->member, parsed->encKey, 1, kNotebookKey1);
        QVERIFY(w);
        auto grant = makeGrantFile(parsed->member, m_adminUuid, {*w}, m_adminKey, m_adminCert);
        QVERIFY(grant);
        auto file = parseGrantFile(*grant);
        QVERIFY(file && verifyGrantSeal(*file, m_adminCert).ok());
        auto key = unwrapNotebookKey(request->member, m_memberEnc, file->grants.first());
        QVERIFY2(key, qPrintable(key.error()));
        QCOMPARE(key->bytes(), kNotebookKey1);
    }

    void joinRequestWhoseFieldsDisagreeWithItsCsrIsRefused() {
        auto request =
            newJoinRequest(sampleInvitation(), QStringLiteral("Nina Newcomer"),
                           QStringLiteral("nina@example.org"), m_memberSign, m_memberEnc);
        QVERIFY(request);
        auto bytes = makeJoinRequest(*request);
        QVERIFY(bytes);

        auto renamed = parseJoinRequest(edited(
            *bytes, [](QJsonObject &o) { o.insert("name", QStringLiteral("Mallory Newcomer")); }));
        QVERIFY(!renamed);
        QCOMPARE(renamed.error(),
                 QStringLiteral("the join request is damaged: the name \"Mallory Newcomer\" is not "
                                "the name in its certificate request (\"Nina Newcomer\")"));

        auto readdressed = parseJoinRequest(edited(*bytes, [](QJsonObject &o) {
            o.insert("email", QStringLiteral("mallory@example.org"));
        }));
        QVERIFY(!readdressed);
        QVERIFY2(readdressed.error().contains(QLatin1String("email address")),
                 qPrintable(readdressed.error()));

        // A CSR altered in transit.
        QByteArray csr = request->csr;
        csr[csr.indexOf("Nina")] = 'M';
        auto brokenCsr =
            parseJoinRequest(edited(*bytes, [&](QJsonObject &o) { o.insert("csr", b64(csr)); }));
        QVERIFY(!brokenCsr);
        QCOMPARE(brokenCsr.error(),
                 QStringLiteral("the join request is damaged: the certificate request is not "
                                "signed by its key: it was changed after it was made"));

        auto sameKey = parseJoinRequest(edited(
            *bytes, [&](QJsonObject &o) { o.insert("enc_key", b64(m_memberSign.publicDer())); }));
        QVERIFY(!sameKey);
        QVERIFY2(sameKey.error().contains(QLatin1String("same as its signing key")),
                 qPrintable(sameKey.error()));

        auto badEncKey = parseJoinRequest(
            edited(*bytes, [&](QJsonObject &o) { o.insert("enc_key", b64("no key")); }));
        QVERIFY(!badEncKey);
        QVERIFY2(badEncKey.error().contains(QLatin1String("encryption key")),
                 qPrintable(badEncKey.error()));

        auto badDevice = parseJoinRequest(
            edited(*bytes, [](QJsonObject &o) { o.insert("device", QStringLiteral("laptop")); }));
        QVERIFY(!badDevice);
        QVERIFY2(badDevice.error().contains(QLatin1String("\"device\" is not a lowercase")),
                 qPrintable(badDevice.error()));

        auto notAnAddress = parseJoinRequest(edited(
            *bytes, [](QJsonObject &o) { o.insert("email", QStringLiteral("nina at lab")); }));
        QVERIFY(!notAnAddress);
        QVERIFY2(notAnAddress.error().contains(QLatin1String("not one plain ASCII email address")),
                 qPrintable(notAnAddress.error()));

        auto asInvitation = parseInvitation(*bytes);
        QVERIFY(!asInvitation);
        QCOMPARE(asInvitation.error(),
                 QStringLiteral("this file is a join request, not an invitation"));

        JoinRequest forged = *request;
        forged.name = QStringLiteral("Mallory");
        QVERIFY(!makeJoinRequest(forged));
        QVERIFY(!issueMemberCertificate(forged, m_caKey, m_caCert, 5));
    }

    void joinRequestCodeNamesTheExactRequest() {
        auto request =
            newJoinRequest(sampleInvitation(), QStringLiteral("Nina Newcomer"),
                           QStringLiteral("nina@example.org"), m_memberSign, m_memberEnc);
        QVERIFY(request);
        auto code = joinRequestCode(*request);
        QVERIFY2(code, qPrintable(code.error()));
        QVERIFY2(
            QRegularExpression(QRegularExpression::anchoredPattern("[A-Z2-7]{4}(-[A-Z2-7]{4}){4}"))
                .match(*code)
                .hasMatch(),
            qPrintable(*code));
        auto parsed = parseJoinRequest(*makeJoinRequest(*request));
        QVERIFY(parsed);
        QCOMPARE(*joinRequestCode(*parsed), *code);
        JoinRequest swapped = *request;
        swapped.encKey = EcKey::generate().publicDer();
        QVERIFY(*joinRequestCode(swapped) != *code);
    }

    // ---- trust ------------------------------------------------------------------------------

    void caFingerprintDecidesWhatTheNewcomerTrusts() {
        const QString hex = QString::fromLatin1(toHex(sha256(m_caCert)));
        QVERIFY(caMatchesFingerprint(m_caCert, hex));
        QVERIFY(caMatchesFingerprint(m_caCert, hex.toUpper()));
        QVERIFY(!caMatchesFingerprint(m_caCert, hex.left(62)));
        QVERIFY(!caMatchesFingerprint(m_caCert, QString()));
        QVERIFY(!caMatchesFingerprint(QByteArray(), hex));
        QVERIFY(!caMatchesFingerprint(m_caCert, hex.left(63) + u'g'));
        QVERIFY(!caMatchesFingerprint(flipped(m_caCert, 100), hex));

        // What `openssl x509 -fingerprint -sha256` prints, pasted as it is, matches too.
        QVERIFY(writeAll(path("ca-fp.pem"), certificatePem(m_caCert)));
        const Tool fp =
            openssl({"x509", "-in", path("ca-fp.pem"), "-noout", "-fingerprint", "-sha256"});
        QVERIFY2(fp.exitCode == 0, qPrintable(fp.all()));
        const QString printed = QString::fromLatin1(fp.out).section(u'=', 1).trimmed();
        QVERIFY2(printed.contains(u':'), qPrintable(printed));
        QVERIFY(caMatchesFingerprint(m_caCert, printed));

        // Another notebook's CA, however similar its name, is not trusted.
        const EcKey impostorKey = EcKey::generate();
        auto impostor = makeCaCertificate(impostorKey, QStringLiteral("Protein folding lab"), 30);
        QVERIFY(impostor);
        QVERIFY(!caMatchesFingerprint(*impostor, hex));
        const Invitation invitation = sampleInvitation();
        QVERIFY(checkCaAgainstInvitation(m_caCert, invitation).ok());
        auto refused = checkCaAgainstInvitation(*impostor, invitation);
        QVERIFY(!refused);
        QVERIFY2(refused.error().contains(QLatin1String("does not match the fingerprint")),
                 qPrintable(refused.error()));
        // A member certificate is not a CA even when its fingerprint is the one given.
        Invitation wrongKind = invitation;
        wrongKind.caSha256 = QString::fromLatin1(toHex(sha256(m_adminCert)));
        auto notCa = checkCaAgainstInvitation(m_adminCert, wrongKind);
        QVERIFY(!notCa);
        QVERIFY2(notCa.error().contains(QLatin1String("not marked as a certificate authority")),
                 qPrintable(notCa.error()));
    }

    // Issue 16: the CA key shared with another admin opens for that admin only, is the CA's,
    // and a changed byte anywhere breaks the seal or the wrap.
    void caShareOpensForItsAdminOnlyAndHoldsTheCaKey() {
        auto bytes =
            makeCaShare(m_memberUuid, m_memberEnc.publicDer(), m_caCert,
                        m_caKey.privateDer().bytes(), m_adminUuid, m_adminKey, m_adminCert);
        QVERIFY2(bytes, qPrintable(bytes.error()));
        QVERIFY(!bytes->contains("PRIVATE"));
        auto share = parseCaShare(*bytes);
        QVERIFY2(share, qPrintable(share.error()));
        QCOMPARE(share->member, m_memberUuid);
        QCOMPARE(caSharePath(m_memberUuid), QStringLiteral("ca/%1.json").arg(m_memberUuid));
        QVERIFY(verifyCaShareSeal(*share, m_adminCert).ok());
        QVERIFY(!verifyCaShareSeal(*share, m_otherAdminCert));
        auto key = openCaShare(*share, m_memberEnc, m_caCert);
        QVERIFY2(key, qPrintable(key.error()));
        QCOMPARE(key->bytes(), m_caKey.privateDer().bytes());
        // Someone else's encryption key does not open it.
        QVERIFY(!openCaShare(*share, m_memberSign, m_caCert));
        // Nor does a share renamed to another member, whose uuid is in the wrap's AAD.
        auto renamed = parseCaShare(
            edited(*bytes, [&](QJsonObject &o) { o.insert("member", m_otherAdminUuid); }));
        QVERIFY(renamed);
        QVERIFY(!verifyCaShareSeal(*renamed, m_adminCert));
        QVERIFY(!openCaShare(*renamed, m_memberEnc, m_caCert));
        // A key that is not the CA's is never shared.
        const EcKey stranger = EcKey::generate();
        QVERIFY(!makeCaShare(m_memberUuid, m_memberEnc.publicDer(), m_caCert,
                             stranger.privateDer().bytes(), m_adminUuid, m_adminKey, m_adminCert));
        QVERIFY(!parseCaShare(edited(*bytes, [](QJsonObject &o) { o.insert("extra", 1); })));
    }

    void constantTimeEqualComparesContent() {
        QVERIFY(constantTimeEqual("abc", "abc"));
        QVERIFY(!constantTimeEqual("abc", "abd"));
        QVERIFY(!constantTimeEqual("abc", "abcd"));
        QVERIFY(constantTimeEqual({}, {}));
    }
};

QTEST_GUILESS_MAIN(MembershipTest)
#include "tst_membership.moc"
