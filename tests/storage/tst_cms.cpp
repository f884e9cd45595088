// CMS signatures of signature records (FORMAT.md §3), checked against the OpenSSL command line,
// which stands in for the independent verifier the format promises: whatever Quire accepts,
// `openssl cms -verify` with the notebook's CA accepts, and forgeries fail in both.

#include "crypto/Cms.h"
#include "crypto/Crypto.h"
#include "TestSupport.h"

#include <QFile>
#include <QTemporaryDir>
#include <QtTest>

#include <atomic>
#include <thread>
#include <vector>

using namespace quire;
using namespace quire::crypto;

using namespace quire::test;

namespace {

using test::Tool;
Tool openssl(const QStringList &args) {
    return test::runTool(QStringLiteral("openssl"), args);
}

void mustWrite(const QString &path, const QByteArray &bytes) {
    QFile f(path);
    if (!f.open(QIODevice::WriteOnly | QIODevice::Truncate) || f.write(bytes) != bytes.size())
        qFatal("cannot write %s", qPrintable(path));
}

QByteArray privateKeyPem(const EcKey &key) {
    QByteArray pem = "-----BEGIN PRIVATE KEY-----\n";
    const QByteArray b64 = key.privateDer().bytes().toBase64();
    for (qsizetype i = 0; i < b64.size(); i += 64)
        pem += b64.mid(i, 64) + '\n';
    return pem + "-----END PRIVATE KEY-----\n";
}

QByteArray flipped(QByteArray bytes, qsizetype index) {
    bytes[index] = char(bytes[index] ^ 0x01);
    return bytes;
}

// Canonical statement bytes as FORMAT.md §3 defines them (keys in byte order, no spaces).
QByteArray statement(const QString &meaning, const QString &signer, const QByteArray &target) {
    return QByteArrayLiteral("{\"format\":\"quire/1\",\"meaning\":\"") + meaning.toUtf8() +
           QByteArrayLiteral("\",\"printed_name\":\"Carol Supervisor\",\"signed_at\":"
                             "\"2026-11-24T19:40:00.000Z\",\"signer\":\"") +
           signer.toUtf8() + QByteArrayLiteral("\",\"target\":\"") + target +
           QByteArrayLiteral("\"}");
}

struct Pki {
    EcKey caKey;
    QByteArray caCert;
    EcKey memberKey;
    QByteArray memberCert;
};

Pki makePki(const QString &caName) {
    Pki pki;
    pki.caKey = EcKey::generate();
    auto ca = makeCaCertificate(pki.caKey, caName, 30);
    if (!ca) qFatal("CA failed: %s", qPrintable(ca.error()));
    pki.caCert = *ca;
    pki.memberKey = EcKey::generate();
    auto cert = issueSigningCertificate(pki.caKey, pki.caCert, pki.memberKey.publicDer(),
                                        QStringLiteral("Carol Supervisor"),
                                        QStringLiteral("carol@lab.example"), 5);
    if (!cert) qFatal("issue failed: %s", qPrintable(cert.error()));
    pki.memberCert = *cert;
    return pki;
}

} // namespace

class CmsTest : public QObject {
    Q_OBJECT

    QTemporaryDir m_tmp;
    Pki m_pki;
    QByteArray m_statement;

    QString path(const QString &name) const { return m_tmp.filePath(name); }

    // Writes the pieces an independent verifier gets and runs `openssl cms -verify` on them.
    Tool opensslVerify(const QByteArray &cms, const QByteArray &content, const QByteArray &caCert,
                       const QStringList &extra = {}) {
        mustWrite(path("sig.der"), cms);
        mustWrite(path("statement.json"), content);
        mustWrite(path("ca.pem"), certificatePem(caCert));
        return openssl(QStringList{"cms", "-verify", "-binary", "-inform", "DER", "-in",
                                   path("sig.der"), "-content", path("statement.json"), "-CAfile",
                                   path("ca.pem"), "-purpose", "any", "-out", "/dev/null"} +
                       extra);
    }

    // Signs the statement with the openssl CLI as the member, with the given extra options.
    QByteArray opensslSign(const QStringList &options) {
        mustWrite(path("member.key.pem"), privateKeyPem(m_pki.memberKey));
        mustWrite(path("member.pem"), certificatePem(m_pki.memberCert));
        mustWrite(path("to-sign.json"), m_statement);
        const QString out = path("cli-sig.der");
        QFile::remove(out);
        const Tool sign =
            openssl(QStringList{"cms", "-sign", "-binary", "-in", path("to-sign.json"), "-signer",
                                path("member.pem"), "-inkey", path("member.key.pem"), "-outform",
                                "DER", "-out", out} +
                    options);
        if (sign.exitCode != 0) qFatal("openssl cms -sign failed: %s", qPrintable(sign.all()));
        return readAll(out);
    }

    QByteArray signStatement() {
        auto cms = cms::signDetached(m_pki.memberKey, m_pki.memberCert, m_statement);
        if (!cms) qFatal("signing failed: %s", qPrintable(cms.error()));
        return *cms;
    }

private slots:
    void initTestCase() {
        QVERIFY(m_tmp.isValid());
        const Tool version = openssl({"version"});
        QVERIFY2(version.exitCode == 0 && version.out.startsWith("OpenSSL 3"),
                 qPrintable(version.all()));
        m_pki = makePki(QStringLiteral("Protein Lab notebook"));
        m_statement =
            statement(QStringLiteral("witnessed"), newUuid(), toHex(sha256("an entry record")));
    }

    void signatureOverStatementVerifiesHereAndWithOpensslCli() {
        const QByteArray cms = signStatement();

        auto verified = cms::verifyDetached(cms, m_statement, m_pki.caCert);
        QVERIFY2(verified.ok(), qPrintable(verified.error()));
        QCOMPARE(verified->certDer, m_pki.memberCert);

        const Tool cli = opensslVerify(cms, m_statement, m_pki.caCert);
        QVERIFY2(cli.exitCode == 0, qPrintable(cli.all()));
        QVERIFY2(cli.err.contains("Verification successful"), qPrintable(cli.all()));

        // The same with the signer's certificate supplied from outside and the embedded ones
        // ignored, as a verifier that takes the certificate from the member record would.
        mustWrite(path("signer.pem"), certificatePem(m_pki.memberCert));
        const Tool external = opensslVerify(cms, m_statement, m_pki.caCert,
                                            {"-certfile", path("signer.pem"), "-nointern"});
        QVERIFY2(external.exitCode == 0, qPrintable(external.all()));

        // OpenSSL's own CAdES check of the signing-certificate attribute agrees.
        const Tool cades = opensslVerify(cms, m_statement, m_pki.caCert, {"-cades"});
        QVERIFY2(cades.exitCode == 0, qPrintable(cades.all()));
    }

    void opensslPrintShowsDetachedSha256SignatureWithSigningCertificateV2() {
        mustWrite(path("print.der"), signStatement());
        const Tool print =
            openssl({"cms", "-cmsout", "-print", "-inform", "DER", "-in", path("print.der")});
        QVERIFY2(print.exitCode == 0, qPrintable(print.all()));
        const QString text = QString::fromUtf8(print.out);
        QVERIFY2(text.contains(QStringLiteral("eContent: <ABSENT>")), qPrintable(text));
        QVERIFY2(text.contains(QStringLiteral("id-smime-aa-signingCertificateV2")),
                 qPrintable(text));
        QVERIFY2(text.contains(QStringLiteral("signingTime")), qPrintable(text));
        QVERIFY2(text.contains(QStringLiteral("algorithm: sha256")), qPrintable(text));
        QVERIFY2(!text.contains(QStringLiteral("S/MIME Capabilities")), qPrintable(text));
        // Exactly one signer and one certificate, the member's, which the ESS attribute names
        // by its SHA-256.
        QCOMPARE(text.count(QStringLiteral("d.issuerAndSerialNumber:")), 1);
        QCOMPARE(text.count(QStringLiteral("d.certificate:")), 1);
        QVERIFY2(text.contains(QStringLiteral("CN=Carol Supervisor")), qPrintable(text));
        const QString certHash = QString::fromLatin1(sha256(m_pki.memberCert).toHex().toUpper());
        QVERIFY2(text.contains(QStringLiteral("OCTET STRING      [HEX DUMP]:") + certHash),
                 qPrintable(text));
    }

    void changedStatementByteFailsHereAndWithOpensslCli() {
        const QByteArray cms = signStatement();
        const QByteArray tampered =
            QByteArray(m_statement).replace("\"witnessed\"", "\"witnesses\"");
        QVERIFY(tampered != m_statement);

        auto verified = cms::verifyDetached(cms, tampered, m_pki.caCert);
        QVERIFY(!verified.ok());
        QCOMPARE(verified.error(),
                 QStringLiteral("the signature does not match the signed statement"));
        const Tool cli = opensslVerify(cms, tampered, m_pki.caCert);
        QVERIFY2(cli.exitCode != 0, qPrintable(cli.all()));
        QVERIFY2(cli.all().contains("CMS_SignerInfo_verify_content:verification failure"),
                 qPrintable(cli.all()));
    }

    void changedSignatureValueFailsHereAndWithOpensslCli() {
        const QByteArray cms = signStatement();
        // SignerInfos close SignedData, and this SignerInfo has no unsigned attributes, so the
        // last byte is the last byte of the ECDSA s value: flipping it keeps the DER valid and
        // leaves only the mathematics to object.
        const QByteArray tampered = flipped(cms, cms.size() - 1);
        QVERIFY(cms::read(tampered).ok()); // still well-formed

        auto verified = cms::verifyDetached(tampered, m_statement, m_pki.caCert);
        QVERIFY(!verified.ok());
        QCOMPARE(verified.error(),
                 QStringLiteral("the signature does not match the signed statement"));
        const Tool cli = opensslVerify(tampered, m_statement, m_pki.caCert);
        QVERIFY2(cli.exitCode != 0, qPrintable(cli.all()));
        QVERIFY2(cli.all().contains("CMS_SignerInfo_verify:verification failure"),
                 qPrintable(cli.all()));
    }

    void certificateFromAnotherCaIsNotIssuedByThisNotebook() {
        const Pki stranger = makePki(QStringLiteral("Someone else's notebook"));
        auto cms = cms::signDetached(stranger.memberKey, stranger.memberCert, m_statement);
        QVERIFY2(cms.ok(), qPrintable(cms.error()));
        // Sound in itself: it verifies against its own CA.
        QVERIFY(cms::verifyDetached(*cms, m_statement, stranger.caCert).ok());

        auto verified = cms::verifyDetached(*cms, m_statement, m_pki.caCert);
        QVERIFY(!verified.ok());
        QCOMPARE(verified.error(),
                 QStringLiteral("the signer's certificate is not issued by this notebook"));
        const Tool cli = opensslVerify(*cms, m_statement, m_pki.caCert);
        QVERIFY2(cli.exitCode != 0, qPrintable(cli.all()));
        QVERIFY2(cli.all().contains("unable to get local issuer certificate"),
                 qPrintable(cli.all()));
    }

    void opensslCadesSignatureVerifiesAndOneWithoutCadesIsRefused() {
        const QByteArray withCades = opensslSign({"-md", "sha256", "-cades"});
        auto verified = cms::verifyDetached(withCades, m_statement, m_pki.caCert);
        QVERIFY2(verified.ok(), qPrintable(verified.error()));
        QCOMPARE(verified->certDer, m_pki.memberCert);

        const QByteArray plain = opensslSign({"-md", "sha256"});
        // The signature itself is fine for OpenSSL; only the certificate binding is missing.
        const Tool cli = opensslVerify(plain, m_statement, m_pki.caCert);
        QVERIFY2(cli.exitCode == 0, qPrintable(cli.all()));
        auto refused = cms::verifyDetached(plain, m_statement, m_pki.caCert);
        QVERIFY(!refused.ok());
        QCOMPARE(refused.error(),
                 QStringLiteral("the signature has no signing-certificate-v2 attribute"));
        const Tool cliCades = opensslVerify(plain, m_statement, m_pki.caCert, {"-cades"});
        QVERIFY2(cliCades.exitCode != 0, qPrintable(cliCades.all()));
    }

    void attachedContentIsRefused() {
        const QByteArray attached = opensslSign({"-md", "sha256", "-cades", "-nodetach"});
        auto verified = cms::verifyDetached(attached, m_statement, m_pki.caCert);
        QVERIFY(!verified.ok());
        QVERIFY2(verified.error().contains(QStringLiteral("must be detached")),
                 qPrintable(verified.error()));
        // Reading is not verifying: the signer is still visible.
        auto info = cms::read(attached);
        QVERIFY2(info.ok(), qPrintable(info.error()));
        QCOMPARE(info->certDer, m_pki.memberCert);
    }

    void sha1DigestIsRefused() {
        const QByteArray sha1 = opensslSign({"-md", "sha1", "-cades"});
        // OpenSSL itself still accepts it; the notebook format does not.
        const Tool cli = opensslVerify(sha1, m_statement, m_pki.caCert);
        QVERIFY2(cli.exitCode == 0, qPrintable(cli.all()));
        auto verified = cms::verifyDetached(sha1, m_statement, m_pki.caCert);
        QVERIFY(!verified.ok());
        QCOMPARE(verified.error(),
                 QStringLiteral("the electronic signature uses the digest sha1, not SHA-256"));
    }

    // Two certificates for the same key share a subjectKeyIdentifier. A signature made under
    // one, identified by key id, with the other embedded, must not pass as the other's: that
    // substitution is what signing-certificate-v2 exists to stop.
    void signingCertificateV2NamingAnotherCertificateIsRefused() {
        auto twin = issueSigningCertificate(m_pki.caKey, m_pki.caCert, m_pki.memberKey.publicDer(),
                                            QStringLiteral("Carol Supervisor (old role)"),
                                            QStringLiteral("carol@lab.example"), 5);
        QVERIFY2(twin.ok(), qPrintable(twin.error()));
        mustWrite(path("twin.pem"), certificatePem(*twin));
        const QByteArray swapped = opensslSign(
            {"-md", "sha256", "-cades", "-keyid", "-nocerts", "-certfile", path("twin.pem")});
        auto info = cms::read(swapped);
        QVERIFY2(info.ok(), qPrintable(info.error()));
        QCOMPARE(info->certDer, *twin);

        auto verified = cms::verifyDetached(swapped, m_statement, m_pki.caCert);
        QVERIFY(!verified.ok());
        QCOMPARE(verified.error(), QStringLiteral("the signature's signing-certificate-v2 "
                                                  "attribute does not name the signer's "
                                                  "certificate"));
        const Tool cli = opensslVerify(swapped, m_statement, m_pki.caCert, {"-cades"});
        QVERIFY2(cli.exitCode != 0, qPrintable(cli.all()));
    }

    void malformedInputGivesClearErrors() {
        const QByteArray good = signStatement();
        const QString notCms =
            QStringLiteral("the electronic signature is damaged: it is not a CMS signed-data "
                           "structure");
        const QList<QByteArray> garbage{QByteArray(),
                                        randomBytes(1),
                                        randomBytes(500),
                                        good.left(good.size() / 2),
                                        good + QByteArray(1, '\0'),
                                        m_pki.memberCert,
                                        QByteArray("\x30\x80", 2)};
        for (const QByteArray &bytes : garbage) {
            auto verified = cms::verifyDetached(bytes, m_statement, m_pki.caCert);
            QVERIFY(!verified.ok());
            QCOMPARE(verified.error(), notCms);
            auto info = cms::read(bytes);
            QVERIFY(!info.ok());
            QCOMPARE(info.error(), notCms);
        }

        auto badCa = cms::verifyDetached(good, m_statement, randomBytes(300));
        QVERIFY(!badCa.ok());
        QCOMPARE(badCa.error(), QStringLiteral("the notebook's certificate authority is damaged"));

        // A member certificate is no CA: nothing chains to it.
        auto memberAsCa = cms::verifyDetached(good, m_statement, m_pki.memberCert);
        QVERIFY(!memberAsCa.ok());
        QVERIFY2(memberAsCa.error().startsWith(QStringLiteral("the signer's certificate is not")),
                 qPrintable(memberAsCa.error()));
    }

    void signingRefusesAKeyThatIsNotTheCertificates() {
        const EcKey other = EcKey::generate();
        auto cms = cms::signDetached(other, m_pki.memberCert, m_statement);
        QVERIFY(!cms.ok());
        QCOMPARE(cms.error(),
                 QStringLiteral("the signing key does not belong to the signing certificate"));

        auto publicOnly = EcKey::fromPublicDer(m_pki.memberKey.publicDer());
        QVERIFY(publicOnly.ok());
        auto noKey = cms::signDetached(*publicOnly, m_pki.memberCert, m_statement);
        QVERIFY(!noKey.ok());

        auto badCert = cms::signDetached(m_pki.memberKey, randomBytes(64), m_statement);
        QVERIFY(!badCert.ok());
        QCOMPARE(badCert.error(), QStringLiteral("the signing certificate is damaged"));
    }

    void readReturnsEmbeddedCertificateAndSigningTime() {
        const QDateTime before = QDateTime::currentDateTimeUtc();
        const QByteArray cms = signStatement();
        auto info = cms::read(cms);
        QVERIFY2(info.ok(), qPrintable(info.error()));
        QCOMPARE(info->certDer, m_pki.memberCert);
        QVERIFY(info->signingTime.isValid());
        QCOMPARE(info->signingTime.timeSpec(), Qt::UTC);
        // signingTime has whole seconds; allow for the truncation and a slow machine.
        QVERIFY2(qAbs(info->signingTime.secsTo(before)) <= 60,
                 qPrintable(info->signingTime.toString(Qt::ISODate)));

        auto verified = cms::verifyDetached(cms, m_statement, m_pki.caCert);
        QVERIFY2(verified.ok(), qPrintable(verified.error()));
        QCOMPARE(verified->signingTime, info->signingTime);

        // The CLI reads the same time from the same bytes.
        mustWrite(path("time.der"), cms);
        const Tool print =
            openssl({"cms", "-cmsout", "-print", "-inform", "DER", "-in", path("time.der")});
        const QDateTime t = info->signingTime;
        const QString printed =
            QStringLiteral("UTCTIME:%1 %2 %3 %4 GMT")
                .arg(QLocale::c().monthName(t.date().month(), QLocale::ShortFormat))
                .arg(t.date().day(), 2)
                .arg(t.time().toString(QStringLiteral("HH:mm:ss")))
                .arg(t.date().year());
        QVERIFY2(QString::fromUtf8(print.out).contains(printed), qPrintable(printed));
    }

    // A certificate that expired (here: one valid only in 2020) still verifies what it signed;
    // the CLI agrees once told not to judge by today's date.
    void signatureByExpiredCertificateStillVerifies() {
        const QString dir = path("expired-ca");
        QVERIFY(QDir().mkpath(dir + "/certs"));
        mustWrite(dir + "/index.txt", {});
        mustWrite(dir + "/serial", "1000\n");
        mustWrite(dir + "/ca.pem", certificatePem(m_pki.caCert));
        mustWrite(dir + "/ca.key.pem", privateKeyPem(m_pki.caKey));
        const EcKey memberKey = EcKey::generate();
        mustWrite(dir + "/member.key.pem", privateKeyPem(memberKey));
        mustWrite(dir + "/ca.cnf", "[ca]\ndefault_ca = expired\n"
                                   "[expired]\n"
                                   "database = " +
                                       dir.toUtf8() +
                                       "/index.txt\n"
                                       "new_certs_dir = " +
                                       dir.toUtf8() +
                                       "/certs\n"
                                       "serial = " +
                                       dir.toUtf8() +
                                       "/serial\n"
                                       "default_md = sha256\npolicy = anything\n"
                                       "unique_subject = no\nx509_extensions = member\n"
                                       "[anything]\ncommonName = supplied\n"
                                       "[member]\nbasicConstraints = CA:FALSE\n"
                                       "keyUsage = critical,digitalSignature,nonRepudiation\n"
                                       "extendedKeyUsage = emailProtection\n"
                                       "subjectKeyIdentifier = hash\n"
                                       "authorityKeyIdentifier = keyid:always\n");
        const Tool req = openssl({"req", "-new", "-key", dir + "/member.key.pem", "-subj",
                                  "/CN=Dora Former", "-out", dir + "/member.csr"});
        QVERIFY2(req.exitCode == 0, qPrintable(req.all()));
        const Tool ca =
            openssl({"ca", "-batch", "-notext", "-config", dir + "/ca.cnf", "-cert",
                     dir + "/ca.pem", "-keyfile", dir + "/ca.key.pem", "-in", dir + "/member.csr",
                     "-startdate", "20200101000000Z", "-enddate", "20201231235959Z", "-outdir",
                     dir + "/certs", "-out", dir + "/member.pem"});
        QVERIFY2(ca.exitCode == 0, qPrintable(ca.all()));
        const Tool der = openssl(
            {"x509", "-in", dir + "/member.pem", "-outform", "DER", "-out", dir + "/member.der"});
        QVERIFY2(der.exitCode == 0, qPrintable(der.all()));
        const QByteArray expiredCert = readAll(dir + "/member.der");
        auto certInfo = certificateInfo(expiredCert);
        QVERIFY2(certInfo.ok(), qPrintable(certInfo.error()));
        QVERIFY(certInfo->notAfter < QDateTime::currentDateTimeUtc());

        auto cms = cms::signDetached(memberKey, expiredCert, m_statement);
        QVERIFY2(cms.ok(), qPrintable(cms.error()));
        auto verified = cms::verifyDetached(*cms, m_statement, m_pki.caCert);
        QVERIFY2(verified.ok(), qPrintable(verified.error()));
        QCOMPARE(verified->certDer, expiredCert);

        const Tool strict = opensslVerify(*cms, m_statement, m_pki.caCert);
        QVERIFY2(strict.exitCode != 0 && strict.all().contains("expired"),
                 qPrintable(strict.all()));
        const Tool timeless = opensslVerify(*cms, m_statement, m_pki.caCert, {"-no_check_time"});
        QVERIFY2(timeless.exitCode == 0, qPrintable(timeless.all()));
    }

    // A whole-notebook verify checks many records at once; each answer must be the one a
    // single thread would give.
    void verifyingFromManyThreadsAtOnceGivesTheRightAnswers() {
        const QByteArray good = signStatement();
        const QByteArray badValue = flipped(good, good.size() - 1);
        const QByteArray otherStatement =
            statement(QStringLiteral("reviewed"), newUuid(), toHex(sha256("another record")));
        std::atomic<int> wrong{0};
        std::vector<std::thread> threads;
        for (int t = 0; t < 8; ++t) {
            threads.emplace_back([&, t] {
                for (int i = 0; i < 40; ++i) {
                    switch ((t + i) % 3) {
                    case 0:
                        if (!cms::verifyDetached(good, m_statement, m_pki.caCert).ok()) ++wrong;
                        break;
                    case 1:
                        if (cms::verifyDetached(badValue, m_statement, m_pki.caCert).ok()) ++wrong;
                        break;
                    default:
                        if (cms::verifyDetached(good, otherStatement, m_pki.caCert).ok()) ++wrong;
                        break;
                    }
                }
            });
        }
        for (std::thread &thread : threads)
            thread.join();
        QCOMPARE(wrong.load(), 0);
    }
};

QTEST_GUILESS_MAIN(CmsTest)
#include "tst_cms.moc"
