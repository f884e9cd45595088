// Crypto against published test vectors (RFC 5869, RFC 7914, RFC 4231, FIPS 180-2, McGrew-Viega
// GCM) and against the OpenSSL command line, which stands in for any independent verifier of
// the signatures, certificates and key agreements that FORMAT.md describes.

#include "crypto/Crypto.h"
#include "TestSupport.h"

#include <QProcess>
#include <QRegularExpression>
#include <QSet>
#include <QTemporaryDir>
#include <QtTest>
#include <QUuid>

using namespace quire;
using namespace quire::crypto;

using namespace quire::test;

namespace {

QByteArray unhex(const char *text) {
    return QByteArray::fromHex(text);
}

using test::Tool;
Tool openssl(const QStringList &args) {
    return test::runTool(QStringLiteral("openssl"), args);
}

QByteArray publicKeyPem(const QByteArray &spkiDer) {
    QByteArray pem = "-----BEGIN PUBLIC KEY-----\n";
    const QByteArray b64 = spkiDer.toBase64();
    for (qsizetype i = 0; i < b64.size(); i += 64)
        pem += b64.mid(i, 64) + '\n';
    return pem + "-----END PUBLIC KEY-----\n";
}

QByteArray flipped(QByteArray bytes, qsizetype index, char mask = 0x01) {
    bytes[index] = char(bytes[index] ^ mask);
    return bytes;
}

} // namespace

class CryptoTest : public QObject {
    Q_OBJECT

    QTemporaryDir m_tmp;
    QString path(const QString &name) const { return m_tmp.filePath(name); }

    // An openssl-made P-256 key: PEM for the CLI, PKCS#8 DER for EcKey.
    QString opensslKey(const QString &name, const QString &curve = QStringLiteral("P-256")) {
        const QString pem = path(name + ".pem");
        const Tool gen = openssl(
            {"genpkey", "-algorithm", "EC", "-pkeyopt", "ec_paramgen_curve:" + curve, "-out", pem});
        if (gen.exitCode != 0) qFatal("openssl genpkey failed: %s", qPrintable(gen.all()));
        const Tool der = openssl({"pkcs8", "-topk8", "-nocrypt", "-in", pem, "-outform", "DER",
                                  "-out", path(name + ".p8.der")});
        if (der.exitCode != 0) qFatal("openssl pkcs8 failed: %s", qPrintable(der.all()));
        return pem;
    }

    struct Pki {
        EcKey caKey;
        QByteArray caCert;
        EcKey memberKey;
        QByteArray memberCert;
    };
    Pki makePki(const QString &caName, const QString &member, const QString &email) {
        Pki pki;
        pki.caKey = EcKey::generate();
        auto ca = makeCaCertificate(pki.caKey, caName, 30);
        if (!ca) qFatal("CA failed: %s", qPrintable(ca.error()));
        pki.caCert = *ca;
        pki.memberKey = EcKey::generate();
        auto cert = issueSigningCertificate(pki.caKey, pki.caCert, pki.memberKey.publicDer(),
                                            member, email, 5);
        if (!cert) qFatal("issue failed: %s", qPrintable(cert.error()));
        pki.memberCert = *cert;
        return pki;
    }

private slots:
    void initTestCase() {
        QVERIFY(m_tmp.isValid());
        const Tool version = openssl({"version"});
        QVERIFY2(version.exitCode == 0 && version.out.startsWith("OpenSSL 3"),
                 qPrintable(version.all()));
    }

    // ---- SecureBytes ----------------------------------------------------------------------

    void secureBytesCopiesAreIndependentAndMovesEmptyTheSource() {
        SecureBytes a(QByteArray("top secret"));
        SecureBytes b = a;
        b.clear();
        QVERIFY(b.isEmpty());
        QCOMPARE(a.bytes(), QByteArray("top secret"));

        SecureBytes c;
        c = a;
        QCOMPARE(c.bytes(), a.bytes());
        QVERIFY(!c.bytes().isSharedWith(a.bytes()));
        SecureBytes &alias = c; // self-assignment (through a reference, which compilers allow)
        c = alias;              // keeps the value
        QCOMPARE(c.bytes(), QByteArray("top secret"));

        SecureBytes d(std::move(c));
        QCOMPARE(d.bytes(), QByteArray("top secret"));
        SecureBytes e;
        e = std::move(d);
        QCOMPARE(e.bytes(), QByteArray("top secret"));
        QVERIFY(d.isEmpty());
        QCOMPARE(e.size(), 10);

        QCOMPARE(e.mid(4, 6).bytes(), QByteArray("secret"));
        QCOMPARE(e.mid(0, 10).bytes(), QByteArray("top secret"));
        QCOMPARE(e.mid(0, 3).size(), 3);
    }

    void secureBytesNeverWipesBytesSomeoneElseStillHolds() {
        // Callers copy bytes() out of temporaries (e.g. hkdfSha256(...).bytes()); wiping shared
        // storage would silently zero their keys.
        QByteArray copied;
        {
            SecureBytes key(QByteArray(32, 'k'));
            copied = key.bytes();
        }
        QCOMPARE(copied, QByteArray(32, 'k'));

        QByteArray source(16, 'z');
        { SecureBytes wrapped(source); }
        QCOMPARE(source, QByteArray(16, 'z'));

        const QByteArray derived = hkdfSha256("ikm", {}, "quire/1 enc", 32).bytes();
        QCOMPARE(derived, hkdfSha256("ikm", {}, "quire/1 enc", 32).bytes());
        QVERIFY(derived != QByteArray(32, '\0'));
    }

    // ---- randomness and identifiers -------------------------------------------------------

    void randomBytesHaveTheAskedSizeAndDiffer() {
        QCOMPARE(randomBytes(32).size(), 32);
        QCOMPARE(randomBytes(1).size(), 1);
        QVERIFY(randomBytes(0).isEmpty());
        QVERIFY(randomBytes(32) != randomBytes(32));
    }

    void newUuidIsLowercaseRfc4122Version4() {
        static const QRegularExpression shape(QStringLiteral(
            "^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$"));
        QSet<QString> seen;
        for (int i = 0; i < 200; ++i) {
            const QString id = newUuid();
            QVERIFY2(shape.match(id).hasMatch(), qPrintable(id));
            const QUuid parsed = QUuid::fromString(id);
            QCOMPARE(parsed.version(), QUuid::Random);
            QCOMPARE(parsed.variant(), QUuid::DCE);
            seen.insert(id);
        }
        QCOMPARE(seen.size(), 200);
    }

    // ---- hashes and MACs ------------------------------------------------------------------

    void sha256MatchesFips180Vectors() {
        QCOMPARE(toHex(sha256("abc")),
                 QByteArray("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad"));
        QCOMPARE(toHex(sha256({})),
                 QByteArray("e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855"));
        QCOMPARE(toHex(sha256("abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq")),
                 QByteArray("248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1"));
    }

    void sha256IncrementalMatchesOneShotAndResetsAfterFinish() {
        Sha256 h;
        const QByteArray piece(7, 'a');
        qsizetype fed = 0;
        while (fed + piece.size() <= 1000000) {
            h.add(piece);
            fed += piece.size();
        }
        h.add(QByteArray(1000000 - fed, 'a'));
        QCOMPARE(toHex(h.finish()),
                 QByteArray("cdc76e5c9914fb9281a1c7e284d73e67f1809a48a497200e046d39ccc7112cd0"));
        h.add("ab");
        h.add("c", 1);
        QCOMPARE(h.finish(), sha256("abc"));

        const QByteArray data = randomBytes(100000);
        test::writeFile(path("hash-me.bin"), data);
        const Tool dgst = openssl({"dgst", "-sha256", "-r", path("hash-me.bin")});
        QCOMPARE(dgst.exitCode, 0);
        QCOMPARE(dgst.out.left(64), toHex(sha256(data)));
    }

    void hmacMatchesRfc4231Vectors_data() {
        QTest::addColumn<QByteArray>("key");
        QTest::addColumn<QByteArray>("data");
        QTest::addColumn<QByteArray>("mac");
        QTest::newRow("case 1") << QByteArray(20, '\x0b') << QByteArray("Hi There")
                                << QByteArray(
                                       "b0344c61d8db38535ca8afceaf0bf12b881dc200c9833da726e93"
                                       "76c2e32cff7");
        QTest::newRow("case 2") << QByteArray("Jefe") << QByteArray("what do ya want for nothing?")
                                << QByteArray(
                                       "5bdcc146bf60754e6a042426089575c75a003f089d2739839dec5"
                                       "8b964ec3843");
        QTest::newRow("case 4") << unhex("0102030405060708090a0b0c0d0e0f10111213141516171819")
                                << QByteArray(50, '\xcd')
                                << QByteArray(
                                       "82558a389a443c0ea4cc819899f2083a85f0faa3e578f8077a2e3"
                                       "ff46729665b");
        QTest::newRow("case 6 long key")
            << QByteArray(131, '\xaa')
            << QByteArray("Test Using Larger Than Block-Size Key - Hash Key First")
            << QByteArray("60e431591ee0b67f0d8a26aacbf5b77f8e0bc6213728c5140546040f0ee37f54");
        QTest::newRow("empty key and message")
            << QByteArray() << QByteArray()
            << QByteArray("b613679a0814d9ec772f95d778c35fc5ff1697c493715653c6c712144292c5ad");
    }
    void hmacMatchesRfc4231Vectors() {
        QFETCH(QByteArray, key);
        QFETCH(QByteArray, data);
        QFETCH(QByteArray, mac);
        QCOMPARE(toHex(hmacSha256(key, data)), mac);
    }

    void hkdfMatchesRfc5869Vectors_data() {
        QTest::addColumn<QByteArray>("ikm");
        QTest::addColumn<QByteArray>("salt");
        QTest::addColumn<QByteArray>("info");
        QTest::addColumn<QByteArray>("okm");
        QTest::newRow("case 1") << QByteArray(22, '\x0b') << unhex("000102030405060708090a0b0c")
                                << unhex("f0f1f2f3f4f5f6f7f8f9")
                                << QByteArray(
                                       "3cb25f25faacd57a90434f64d0362f2a2d2d0a90cf1a5a4c5db02"
                                       "d56ecc4c5bf34007208d5b887185865");
        QByteArray ikm2, salt2, info2;
        for (int i = 0; i < 80; ++i) {
            ikm2 += char(i);
            salt2 += char(0x60 + i);
            info2 += char(0xb0 + i);
        }
        QTest::newRow("case 2 long inputs")
            << ikm2 << salt2 << info2
            << QByteArray("b11e398dc80327a1c8e7f78c596a49344f012eda2d4efad8a050cc4c19afa97c59045a"
                          "99cac7827271cb41c65e590e09da3275600c2f09b8367793a9aca3db71cc30c58179ec"
                          "3e87c14c01d5c1f3434f1d87");
        QTest::newRow("case 3 empty salt and info")
            << QByteArray(22, '\x0b') << QByteArray() << QByteArray()
            << QByteArray("8da4e775a563c18f715f802a063c5a31b8a11f5c5ee1879ec3454e5f3c738d2d9d2013"
                          "95faa4b61a96c8");
    }
    void hkdfMatchesRfc5869Vectors() {
        QFETCH(QByteArray, ikm);
        QFETCH(QByteArray, salt);
        QFETCH(QByteArray, info);
        QFETCH(QByteArray, okm);
        const SecureBytes out = hkdfSha256(ikm, salt, info, int(okm.size() / 2));
        QCOMPARE(toHex(out.bytes()), okm);
    }

    void hkdfEmptySaltEqualsZeroSaltAndBadLengthsGiveNothing() {
        const QByteArray key = randomBytes(32);
        QCOMPARE(hkdfSha256(key, {}, "quire/1 name", 32).bytes(),
                 hkdfSha256(key, QByteArray(32, '\0'), "quire/1 name", 32).bytes());
        QVERIFY(hkdfSha256(key, {}, "quire/1 name", 32).bytes() !=
                hkdfSha256(key, {}, "quire/1 enc", 32).bytes());
        QVERIFY(hkdfSha256(key, {}, "x", 0).isEmpty());
        QVERIFY(hkdfSha256(key, {}, "x", 255 * 32 + 1).isEmpty());
        QCOMPARE(hkdfSha256(key, {}, "x", 255 * 32).size(), 255 * 32);
    }

    // ---- scrypt ---------------------------------------------------------------------------

    void scryptMatchesRfc7914Vectors_data() {
        QTest::addColumn<QByteArray>("pass");
        QTest::addColumn<QByteArray>("salt");
        QTest::addColumn<quint64>("n");
        QTest::addColumn<quint32>("r");
        QTest::addColumn<quint32>("p");
        QTest::addColumn<QByteArray>("dk");
        QTest::newRow("N=16 empty")
            << QByteArray() << QByteArray() << quint64(16) << quint32(1) << quint32(1)
            << QByteArray("77d6576238657b203b19ca42c18a0497f16b4844e3074ae8"
                          "dfdffa3fede21442fcd0069ded0948f8326a753a0fc81f17"
                          "e8d3e0fb2e0d3628cf35e20c38d18906");
        QTest::newRow("N=1024 p=16") << QByteArray("password") << QByteArray("NaCl")
                                     << quint64(1024) << quint32(8) << quint32(16)
                                     << QByteArray("fdbabe1c9d3472007856e7190d01e9fe7c6ad7cbc823783"
                                                   "0e77376634b3731622eaf30d92e22a3886ff109279d9830"
                                                   "dac727afb94a83ee6d8360cbdfa2cc0640");
        QTest::newRow("N=16384") << QByteArray("pleaseletmein") << QByteArray("SodiumChloride")
                                 << quint64(16384) << quint32(8) << quint32(1)
                                 << QByteArray("7023bdcb3afd7348461c06cd81fd38ebfda8fbba904f8e3ea9b"
                                               "543f6545da1f2d5432955613f0fcf62d49705242a9af9e61e8"
                                               "5dc0d651e40dfcf017b45575887");
    }
    void scryptMatchesRfc7914Vectors() {
        QFETCH(QByteArray, pass);
        QFETCH(QByteArray, salt);
        QFETCH(quint64, n);
        QFETCH(quint32, r);
        QFETCH(quint32, p);
        QFETCH(QByteArray, dk);
        auto out = scrypt(pass, salt, ScryptParams{n, r, p}, 64);
        QVERIFY2(out.ok(), qPrintable(out.error()));
        QCOMPARE(toHex(out->bytes()), dk);
    }

    void scryptRunsAtVaultParametersBeyondOpensslDefaultMemoryCap() {
        // FORMAT.md §7: N=131072, r=8, p=1 needs ~128 MiB, four times OpenSSL's default maxmem.
        // The expected value comes from Python's hashlib.scrypt with the same inputs.
        auto out = scrypt("correct horse battery staple", "quire vault salt", ScryptParams{}, 64);
        QVERIFY2(out.ok(), qPrintable(out.error()));
        QCOMPARE(toHex(out->bytes()),
                 QByteArray("b24c014f6d8f5af9b3f935cda3e33b42569d03039d05b9853639f3e9742c0b7c22b7"
                            "99c31395c902756b256a56526a7118562fa222fffb7932744a9697e6296e"));
    }

    void scryptRejectsBadParametersClearly_data() {
        QTest::addColumn<quint64>("n");
        QTest::addColumn<quint32>("r");
        QTest::addColumn<quint32>("p");
        QTest::addColumn<int>("length");
        QTest::addColumn<QString>("mentions");
        QTest::newRow("N zero") << quint64(0) << quint32(8) << quint32(1) << 64 << "power of two";
        QTest::newRow("N one") << quint64(1) << quint32(8) << quint32(1) << 64 << "power of two";
        QTest::newRow("N not a power of two")
            << quint64(1000) << quint32(8) << quint32(1) << 64 << "power of two";
        QTest::newRow("r zero") << quint64(1024) << quint32(0) << quint32(1) << 64 << "r and p";
        QTest::newRow("p zero") << quint64(1024) << quint32(8) << quint32(0) << 64 << "r and p";
        QTest::newRow("no output") << quint64(1024) << quint32(8) << quint32(1) << 0 << "bytes";
        QTest::newRow("too much memory")
            << (quint64(1) << 40) << quint32(8) << quint32(1) << 64 << "2 GiB";
        QTest::newRow("r times p too large")
            << quint64(1024) << quint32(1u << 16) << quint32(1u << 16) << 64 << "too large";
    }
    void scryptRejectsBadParametersClearly() {
        QFETCH(quint64, n);
        QFETCH(quint32, r);
        QFETCH(quint32, p);
        QFETCH(int, length);
        QFETCH(QString, mentions);
        auto out = scrypt("pass", "salt", ScryptParams{n, r, p}, length);
        QVERIFY(!out.ok());
        QVERIFY2(out.error().contains(mentions), qPrintable(out.error()));
    }

    // ---- AES-256-GCM ----------------------------------------------------------------------

    void aesGcmMatchesMcGrewViegaTestCase16() {
        const QByteArray key =
            unhex("feffe9928665731c6d6a8f9467308308feffe9928665731c6d6a8f9467308308");
        const QByteArray iv = unhex("cafebabefacedbaddecaf888");
        const QByteArray plain =
            unhex("d9313225f88406e5a55909c5aff5269a86a7a9531534f7da2e4c303d8a318a721c3c0c9595680953"
                  "2fcf0e2449a6b525b16aedf5aa0de657ba637b39");
        const QByteArray aad = unhex("feedfacedeadbeeffeedfacedeadbeefabaddad2");
        const QByteArray expected =
            unhex("522dc1f099567d07f47f37a32a84427d643a8cdcbfe5c0c97598a2bd2555d1aa8cb08e48590dbb3d"
                  "a7b08b1056828838c5f61e6393ba7a0abcc9f662"
                  "76fc6ece0f4e1768cddf8853bb2d551b");
        QCOMPARE(toHex(aesGcmSeal(key, iv, plain, aad)), toHex(expected));
        auto opened = aesGcmOpen(key, iv, expected, aad);
        QVERIFY2(opened.ok(), qPrintable(opened.error()));
        QCOMPARE(*opened, plain);
    }

    void aesGcmRoundTripsWithAad_data() {
        QTest::addColumn<QByteArray>("plain");
        QTest::addColumn<QByteArray>("aad");
        QTest::newRow("empty") << QByteArray() << QByteArray();
        QTest::newRow("aad only") << QByteArray() << QByteArray("member uuid");
        QTest::newRow("text with aad") << QByteArray("notebook key material") << QByteArray("x");
        QTest::newRow("large") << randomBytes(1 << 20) << randomBytes(1000);
    }
    void aesGcmRoundTripsWithAad() {
        QFETCH(QByteArray, plain);
        QFETCH(QByteArray, aad);
        const QByteArray key = randomBytes(32);
        const QByteArray nonce = randomBytes(12);
        const QByteArray sealed = aesGcmSeal(key, nonce, plain, aad);
        QCOMPARE(sealed.size(), plain.size() + 16);
        if (!plain.isEmpty()) QVERIFY(!sealed.contains(plain.left(64)));
        auto opened = aesGcmOpen(key, nonce, sealed, aad);
        QVERIFY2(opened.ok(), qPrintable(opened.error()));
        QCOMPARE(*opened, plain);
    }

    void aesGcmOpenRefusesWrongKeyNonceAadOrTag() {
        const QByteArray key = randomBytes(32);
        const QByteArray nonce = randomBytes(12);
        const QByteArray sealed = aesGcmSeal(key, nonce, "the notebook key", "alice|1");
        QVERIFY(aesGcmOpen(key, nonce, sealed, "alice|1").ok());

        const QList<Result<QByteArray>> refused{
            aesGcmOpen(randomBytes(32), nonce, sealed, "alice|1"),
            aesGcmOpen(key, randomBytes(12), sealed, "alice|1"),
            aesGcmOpen(key, nonce, sealed, "alice|2"),
            aesGcmOpen(key, nonce, sealed, {}),
            aesGcmOpen(key, nonce, flipped(sealed, 0), "alice|1"),
            aesGcmOpen(key, nonce, flipped(sealed, sealed.size() - 1), "alice|1"),
            aesGcmOpen(key, nonce, sealed.left(sealed.size() - 1), "alice|1"),
        };
        for (const auto &r : refused) {
            QVERIFY(!r.ok());
            QVERIFY2(r.error().contains("authentication failed"), qPrintable(r.error()));
        }
        const auto shortInput = aesGcmOpen(key, nonce, sealed.left(15), "alice|1");
        QVERIFY(!shortInput.ok());
        QVERIFY2(shortInput.error().contains("truncated"), qPrintable(shortInput.error()));
        const auto shortKey = aesGcmOpen(key.left(16), nonce, sealed, "alice|1");
        QVERIFY(!shortKey.ok());
        QVERIFY2(shortKey.error().contains("32"), qPrintable(shortKey.error()));
        QVERIFY(aesGcmSeal(key.left(16), nonce, "x", {}).isEmpty());
        QVERIFY(aesGcmSeal(key, nonce.left(8), "x", {}).isEmpty());
    }

    // ---- EcKey ----------------------------------------------------------------------------

    void ecKeySignatureVerifiesWithOpensslCli() {
        const EcKey key = EcKey::generate();
        QVERIFY(!key.isNull());
        QVERIFY(key.hasPrivate());
        const QByteArray message = "{\"format\":\"quire/1\",\"type\":\"entry\"}";
        const QByteArray signature = key.sign(message);
        QVERIFY(!signature.isEmpty());
        QCOMPARE(quint8(signature.at(0)), quint8(0x30)); // DER SEQUENCE, not raw r||s
        QVERIFY(key.verify(message, signature));
        QVERIFY(!key.verify(message + " ", signature));

        test::writeFile(path("ec-pub.pem"), publicKeyPem(key.publicDer()));
        test::writeFile(path("ec-msg.bin"), message);
        test::writeFile(path("ec-sig.der"), signature);
        const Tool ok = openssl({"dgst", "-sha256", "-verify", path("ec-pub.pem"), "-signature",
                                 path("ec-sig.der"), path("ec-msg.bin")});
        QVERIFY2(ok.exitCode == 0 && ok.out.contains("Verified OK"), qPrintable(ok.all()));

        test::writeFile(path("ec-msg-changed.bin"), message + "!");
        const Tool bad = openssl({"dgst", "-sha256", "-verify", path("ec-pub.pem"), "-signature",
                                  path("ec-sig.der"), path("ec-msg-changed.bin")});
        QVERIFY2(bad.exitCode != 0, qPrintable(bad.all()));
    }

    void opensslSignatureVerifiesWithEcKey() {
        const QString pem = opensslKey("cli-key");
        auto key = EcKey::fromPrivateDer(readAll(path("cli-key.p8.der")));
        QVERIFY2(key.ok(), qPrintable(key.error()));
        QVERIFY(key->hasPrivate());

        const Tool pub = openssl({"pkey", "-in", pem, "-pubout", "-outform", "DER"});
        QCOMPARE(pub.exitCode, 0);
        QCOMPARE(key->publicDer(), pub.out);

        const QByteArray message = randomBytes(3000);
        test::writeFile(path("cli-msg.bin"), message);
        const Tool sig = openssl(
            {"dgst", "-sha256", "-sign", pem, "-out", path("cli-sig.der"), path("cli-msg.bin")});
        QVERIFY2(sig.exitCode == 0, qPrintable(sig.all()));
        const QByteArray signature = readAll(path("cli-sig.der"));
        QVERIFY(key->verify(message, signature));
        QVERIFY(!key->verify(flipped(message, 100), signature));

        auto publicOnly = EcKey::fromPublicDer(pub.out);
        QVERIFY2(publicOnly.ok(), qPrintable(publicOnly.error()));
        QVERIFY(publicOnly->verify(message, signature));
        QVERIFY(!publicOnly->verify(message, flipped(signature, signature.size() - 1)));
    }

    void privateDerIsPkcs8ThatOpensslReadsAndThatRoundTrips() {
        const EcKey key = EcKey::generate();
        const SecureBytes der = key.privateDer();
        QVERIFY(!der.isEmpty());
        test::writeFile(path("ours.p8.der"), der.bytes());

        const Tool pkcs8 = openssl({"pkcs8", "-nocrypt", "-inform", "DER", "-in",
                                    path("ours.p8.der"), "-outform", "DER", "-topk8"});
        QVERIFY2(pkcs8.exitCode == 0, qPrintable(pkcs8.all()));
        const Tool pub = openssl(
            {"pkey", "-inform", "DER", "-in", path("ours.p8.der"), "-pubout", "-outform", "DER"});
        QCOMPARE(pub.exitCode, 0);
        QCOMPARE(pub.out, key.publicDer());
        const Tool text =
            openssl({"pkey", "-inform", "DER", "-in", path("ours.p8.der"), "-noout", "-text"});
        QVERIFY2(text.out.contains("prime256v1") || text.out.contains("P-256"),
                 qPrintable(text.all()));

        auto back = EcKey::fromPrivateDer(der.bytes());
        QVERIFY2(back.ok(), qPrintable(back.error()));
        QCOMPARE(back->publicDer(), key.publicDer());
        QVERIFY(key.verify("m", back->sign("m")));
        QVERIFY(back->verify("m", key.sign("m")));
    }

    void ecKeysRefuseForeignCurvesAndDamagedDer() {
        opensslKey("p384", "P-384");
        auto p384 = EcKey::fromPrivateDer(readAll(path("p384.p8.der")));
        QVERIFY(!p384.ok());
        QVERIFY2(p384.error().contains("P-256"), qPrintable(p384.error()));
        const Tool pub384 =
            openssl({"pkey", "-in", path("p384.pem"), "-pubout", "-outform", "DER"});
        QCOMPARE(pub384.exitCode, 0);
        auto p384Public = EcKey::fromPublicDer(pub384.out);
        QVERIFY(!p384Public.ok());
        QVERIFY2(p384Public.error().contains("P-256"), qPrintable(p384Public.error()));

        const EcKey key = EcKey::generate();
        QVERIFY(!EcKey::fromPublicDer(key.publicDer() + '\0').ok());
        QVERIFY(!EcKey::fromPublicDer(key.publicDer().left(40)).ok());
        QVERIFY(!EcKey::fromPublicDer(key.privateDer().bytes()).ok());
        QVERIFY(!EcKey::fromPrivateDer(key.publicDer()).ok());
        QVERIFY(!EcKey::fromPrivateDer(randomBytes(100)).ok());
        QVERIFY(!EcKey::fromPrivateDer({}).ok());
        auto garbage = EcKey::fromPublicDer("not a key");
        QVERIFY(!garbage.ok());
        QVERIFY(!garbage.error().isEmpty());
    }

    void nullAndMovedFromKeysRefuseEveryOperation() {
        const EcKey empty;
        QVERIFY(empty.isNull());
        QVERIFY(!empty.hasPrivate());
        QVERIFY(empty.sign("m").isEmpty());
        QVERIFY(!empty.verify("m", "sig"));
        QVERIFY(empty.publicDer().isEmpty());
        QVERIFY(empty.privateDer().isEmpty());

        EcKey source = EcKey::generate();
        const QByteArray signature = source.sign("m");
        EcKey target = std::move(source);
        QVERIFY(source.isNull()); // NOLINT(bugprone-use-after-move): the point of the test
        QVERIFY(source.sign("m").isEmpty());
        QVERIFY(!source.verify("m", signature));
        QVERIFY(!source.deriveShared(target).ok());
        QVERIFY(!target.deriveShared(source).ok());
        QVERIFY(target.verify("m", signature));

        EcKey reassigned;
        reassigned = std::move(target);
        QVERIFY(reassigned.verify("m", signature));
        QVERIFY(target.isNull()); // NOLINT(bugprone-use-after-move)
        QVERIFY(!makeCaCertificate(empty, "CA", 1).ok());
    }

    void publicOnlyKeyVerifiesButCannotSignOrAgree() {
        const EcKey full = EcKey::generate();
        auto pub = EcKey::fromPublicDer(full.publicDer());
        QVERIFY2(pub.ok(), qPrintable(pub.error()));
        QVERIFY(!pub->hasPrivate());
        QVERIFY(pub->privateDer().isEmpty());
        QVERIFY(pub->sign("m").isEmpty());
        QVERIFY(pub->verify("m", full.sign("m")));
        auto agreed = pub->deriveShared(full);
        QVERIFY(!agreed.ok());
        QVERIFY2(agreed.error().contains("private key"), qPrintable(agreed.error()));
    }

    void ecdhAgreesBothWaysAndMatchesOpensslDerive() {
        const EcKey alice = EcKey::generate();
        const EcKey bob = EcKey::generate();
        auto bobPublic = EcKey::fromPublicDer(bob.publicDer());
        auto alicePublic = EcKey::fromPublicDer(alice.publicDer());
        QVERIFY(bobPublic.ok() && alicePublic.ok());
        auto ab = alice.deriveShared(*bobPublic);
        auto ba = bob.deriveShared(*alicePublic);
        QVERIFY2(ab.ok(), qPrintable(ab.error()));
        QVERIFY2(ba.ok(), qPrintable(ba.error()));
        QCOMPARE(ab->size(), 32);
        QCOMPARE(ab->bytes(), ba->bytes());
        QVERIFY(ab->bytes() != alice.deriveShared(*alicePublic)->bytes());

        test::writeFile(path("alice.p8.der"), alice.privateDer().bytes());
        test::writeFile(path("bob.spki.der"), bob.publicDer());
        const Tool derive =
            openssl({"pkeyutl", "-derive", "-inkey", path("alice.p8.der"), "-keyform", "DER",
                     "-peerkey", path("bob.spki.der"), "-peerform", "DER", "-out", path("ab.bin")});
        QVERIFY2(derive.exitCode == 0, qPrintable(derive.all()));
        QCOMPARE(readAll(path("ab.bin")), ab->bytes());
    }

    // ---- certificates ---------------------------------------------------------------------

    void caCertificateIsSelfSignedWithCaExtensions() {
        const EcKey caKey = EcKey::generate();
        auto ca = makeCaCertificate(caKey, QStringLiteral("Enzyme lab notebook CA"), 30);
        QVERIFY2(ca.ok(), qPrintable(ca.error()));
        test::writeFile(path("ca-only.pem"), certificatePem(*ca));

        const Tool text = openssl({"x509", "-in", path("ca-only.pem"), "-noout", "-text"});
        QVERIFY2(text.exitCode == 0, qPrintable(text.all()));
        const QString t = text.all();
        QVERIFY2(t.contains("X509v3 Basic Constraints: critical"), qPrintable(t));
        QVERIFY2(t.contains("CA:TRUE"), qPrintable(t));
        QVERIFY2(t.contains("X509v3 Key Usage: critical"), qPrintable(t));
        QVERIFY2(t.contains("Certificate Sign, CRL Sign"), qPrintable(t));
        QVERIFY2(t.contains("X509v3 Subject Key Identifier"), qPrintable(t));
        QVERIFY2(t.contains("ecdsa-with-SHA256"), qPrintable(t));
        QVERIFY2(t.contains("Version: 3"), qPrintable(t));
        QVERIFY2(t.contains("CN = Enzyme lab notebook CA"), qPrintable(t));

        const Tool self = openssl({"verify", "-CAfile", path("ca-only.pem"), path("ca-only.pem")});
        QVERIFY2(self.exitCode == 0, qPrintable(self.all()));

        // The serial: positive and exactly 159 bits, so 40 hex digits starting with 4-7.
        const Tool serial = openssl({"x509", "-in", path("ca-only.pem"), "-noout", "-serial"});
        const QString s = QString::fromLatin1(serial.out).trimmed();
        QVERIFY2(QRegularExpression("^serial=[4-7][0-9A-F]{39}$").match(s).hasMatch(),
                 qPrintable(s));
        auto other = makeCaCertificate(caKey, QStringLiteral("Enzyme lab notebook CA"), 30);
        QVERIFY(other.ok() && *other != *ca);

        auto info = certificateInfo(*ca);
        QVERIFY2(info.ok(), qPrintable(info.error()));
        QVERIFY(info->isCa);
        QCOMPARE(info->commonName, QStringLiteral("Enzyme lab notebook CA"));
        QCOMPARE(info->subjectPublicKeyDer, caKey.publicDer());
        const QDateTime now = QDateTime::currentDateTimeUtc();
        QVERIFY(info->notBefore <= now);
        QVERIFY(info->notBefore >= now.addSecs(-120));
        QVERIFY(qAbs(info->notAfter.daysTo(now.addYears(30))) <= 1);
    }

    void signingCertificateIsAcceptedForSmimeSigningByOpenssl() {
        const QString name = QStringLiteral("Zoë Ångström-Łukasiewicz");
        const Pki pki = makePki(QStringLiteral("Lab CA"), name, QStringLiteral("zoe@lab.example"));
        test::writeFile(path("ca.pem"), certificatePem(pki.caCert));
        test::writeFile(path("member.pem"), certificatePem(pki.memberCert));

        const Tool verify = openssl(
            {"verify", "-CAfile", path("ca.pem"), "-purpose", "smimesign", path("member.pem")});
        QVERIFY2(verify.exitCode == 0 && verify.out.contains(": OK"), qPrintable(verify.all()));

        const Pki stranger = makePki(QStringLiteral("Lab CA"), QStringLiteral("Mallory"),
                                     QStringLiteral("m@evil.example"));
        test::writeFile(path("other-ca.pem"), certificatePem(stranger.caCert));
        const Tool rejected = openssl({"verify", "-CAfile", path("other-ca.pem"), "-purpose",
                                       "smimesign", path("member.pem")});
        QVERIFY2(rejected.exitCode != 0, qPrintable(rejected.all()));

        const Tool text = openssl({"x509", "-in", path("member.pem"), "-noout", "-text", "-nameopt",
                                   "utf8,sep_comma_plus_space"});
        QVERIFY2(text.exitCode == 0, qPrintable(text.all()));
        const QString t = text.all();
        QVERIFY2(t.contains("X509v3 Key Usage: critical"), qPrintable(t));
        QVERIFY2(t.contains("Digital Signature, Non Repudiation"), qPrintable(t));
        QVERIFY2(!t.contains("Certificate Sign"), qPrintable(t));
        QVERIFY2(t.contains("E-mail Protection"), qPrintable(t));
        QVERIFY2(t.contains("CA:FALSE"), qPrintable(t));
        QVERIFY2(t.contains("email:zoe@lab.example"), qPrintable(t));
        QVERIFY2(t.contains("X509v3 Authority Key Identifier"), qPrintable(t));
        QVERIFY2(t.contains("X509v3 Subject Key Identifier"), qPrintable(t));
        QVERIFY2(t.contains("CN=" + name), qPrintable(t));
        QVERIFY2(t.contains("emailAddress=zoe@lab.example"), qPrintable(t));
        QVERIFY2(t.contains("Issuer: CN=Lab CA"), qPrintable(t));
    }

    void signingCertificateSignsCmsThatOpensslVerifiesAsFormatSays() {
        const Pki pki = makePki(QStringLiteral("Lab CA"), QStringLiteral("Carol Supervisor"),
                                QStringLiteral("carol@lab.example"));
        test::writeFile(path("cms-ca.pem"), certificatePem(pki.caCert));
        test::writeFile(path("cms-member.pem"), certificatePem(pki.memberCert));
        test::writeFile(path("cms-key.der"), pki.memberKey.privateDer().bytes());
        test::writeFile(path("statement.json"),
                        "{\"format\":\"quire/1\",\"meaning\":\"witnessed\"}");
        const Tool sign =
            openssl({"cms", "-sign", "-binary", "-md", "sha256", "-in", path("statement.json"),
                     "-signer", path("cms-member.pem"), "-inkey", path("cms-key.der"), "-keyform",
                     "DER", "-outform", "DER", "-out", path("sig.der")});
        QVERIFY2(sign.exitCode == 0, qPrintable(sign.all()));
        const QStringList verifyArgs{"cms",
                                     "-verify",
                                     "-binary",
                                     "-inform",
                                     "DER",
                                     "-in",
                                     path("sig.der"),
                                     "-content",
                                     path("statement.json"),
                                     "-CAfile",
                                     path("cms-ca.pem"),
                                     "-out",
                                     path("cms-out.bin")};
        const Tool any = openssl(verifyArgs + QStringList{"-purpose", "any"});
        QVERIFY2(any.exitCode == 0, qPrintable(any.all()));
        const Tool smime = openssl(verifyArgs); // default purpose: S/MIME signing
        QVERIFY2(smime.exitCode == 0, qPrintable(smime.all()));
    }

    void certificateInfoReadsWhatWasIssued() {
        const Pki pki = makePki(QStringLiteral("Lab CA"), QStringLiteral("Zoë Ångström"),
                                QStringLiteral("zoe@lab.example"));
        auto info = certificateInfo(pki.memberCert);
        QVERIFY2(info.ok(), qPrintable(info.error()));
        QCOMPARE(info->commonName, QStringLiteral("Zoë Ångström"));
        QCOMPARE(info->email, QStringLiteral("zoe@lab.example"));
        QCOMPARE(info->subjectPublicKeyDer, pki.memberKey.publicDer());
        QVERIFY(!info->isCa);
        const QDateTime now = QDateTime::currentDateTimeUtc();
        QVERIFY(info->notBefore <= now && info->notBefore >= now.addSecs(-120));
        QVERIFY(qAbs(info->notAfter.daysTo(now.addYears(5))) <= 1);

        QVERIFY(!certificateInfo(pki.memberCert.left(100)).ok());
        QVERIFY(!certificateInfo(pki.memberCert + "x").ok());
        QVERIFY(!certificateInfo({}).ok());
    }

    void longNamesAreShortenedToWhatX509Allows() {
        const EcKey caKey = EcKey::generate();
        const QString longName = QString(70, QChar(u'é')) + QStringLiteral(" notebook CA");
        auto ca = makeCaCertificate(caKey, longName, 30);
        QVERIFY2(ca.ok(), qPrintable(ca.error()));
        auto info = certificateInfo(*ca);
        QVERIFY(info.ok());
        QCOMPARE(info->commonName, longName.left(64));
    }

    void issuingRefusesUnusableInputs() {
        const Pki pki = makePki(QStringLiteral("Lab CA"), QStringLiteral("Alice"),
                                QStringLiteral("alice@lab.example"));
        const EcKey subject = EcKey::generate();

        auto nonAscii = issueSigningCertificate(pki.caKey, pki.caCert, subject.publicDer(), "Zoë",
                                                QStringLiteral("zoë@lab.example"), 5);
        QVERIFY(!nonAscii.ok());
        QVERIFY2(nonAscii.error().contains("email"), qPrintable(nonAscii.error()));
        QVERIFY(!issueSigningCertificate(pki.caKey, pki.caCert, subject.publicDer(), "A",
                                         "no-at-sign", 5)
                     .ok());
        QVERIFY(!issueSigningCertificate(pki.caKey, pki.caCert, subject.publicDer(), "A",
                                         "a b@lab.example", 5)
                     .ok());

        const EcKey wrongCaKey = EcKey::generate();
        auto mismatch = issueSigningCertificate(wrongCaKey, pki.caCert, subject.publicDer(), "A",
                                                "a@lab.example", 5);
        QVERIFY(!mismatch.ok());
        QVERIFY2(mismatch.error().contains("does not belong"), qPrintable(mismatch.error()));

        QVERIFY(!issueSigningCertificate(pki.caKey, pki.caCert, "garbage", "A", "a@lab.example", 5)
                     .ok());
        QVERIFY(!issueSigningCertificate(pki.caKey, pki.caCert, subject.publicDer(), "A",
                                         "a@lab.example", 0)
                     .ok());
        QVERIFY(!issueSigningCertificate(pki.caKey, "garbage", subject.publicDer(), "A",
                                         "a@lab.example", 5)
                     .ok());
    }

    void memberCertificateNeverOutlivesItsCa() {
        const EcKey caKey = EcKey::generate();
        auto ca = makeCaCertificate(caKey, "Short CA", 2);
        QVERIFY(ca.ok());
        auto cert = issueSigningCertificate(caKey, *ca, EcKey::generate().publicDer(), "A",
                                            "a@lab.example", 10);
        QVERIFY2(cert.ok(), qPrintable(cert.error()));
        QCOMPARE(certificateInfo(*cert)->notAfter, certificateInfo(*ca)->notAfter);
    }

    void verifyCertificateChainAcceptsOwnCaAndExplainsRefusals() {
        const Pki pki = makePki(QStringLiteral("Lab CA"), QStringLiteral("Alice"),
                                QStringLiteral("alice@lab.example"));
        const Pki other = makePki(QStringLiteral("Lab CA"), QStringLiteral("Alice"),
                                  QStringLiteral("alice@lab.example"));
        const auto ok = verifyCertificateChain(pki.memberCert, pki.caCert);
        QVERIFY2(ok.ok(), qPrintable(ok.error()));

        const auto foreign = verifyCertificateChain(pki.memberCert, other.caCert);
        QVERIFY(!foreign.ok());
        QVERIFY2(foreign.error().contains("not issued by this notebook"),
                 qPrintable(foreign.error()));

        // The last bytes are the signature: a changed certificate must not pass.
        const auto altered =
            verifyCertificateChain(flipped(pki.memberCert, pki.memberCert.size() - 3), pki.caCert);
        QVERIFY(!altered.ok());
        QVERIFY(!altered.error().isEmpty());

        const auto notSelfSigned = verifyCertificateChain(pki.memberCert, pki.memberCert);
        QVERIFY(!notSelfSigned.ok());
        QVERIFY2(notSelfSigned.error().contains("self-signed"), qPrintable(notSelfSigned.error()));

        QVERIFY(!verifyCertificateChain("junk", pki.caCert).ok());
        QVERIFY(!verifyCertificateChain(pki.memberCert, "junk").ok());
    }

    void certificatePemMatchesOpensslConversion() {
        const EcKey caKey = EcKey::generate();
        auto ca = makeCaCertificate(caKey, "PEM CA", 1);
        QVERIFY(ca.ok());
        test::writeFile(path("pem-ca.der"), *ca);
        const Tool pem = openssl({"x509", "-inform", "DER", "-in", path("pem-ca.der")});
        QCOMPARE(pem.exitCode, 0);
        QCOMPARE(certificatePem(*ca), pem.out);
    }

    // ---- encrypted files (FORMAT.md §5) ---------------------------------------------------

    void encryptedFileHasTheFormatLayout() {
        const QByteArray key = randomBytes(32);
        const QByteArray name = randomBytes(32);
        const QByteArray plain = "{\"record\":{},\"seal\":{}}";
        const QByteArray file = encryptFile(key, 0x01020304, name, plain, false);
        QCOMPARE(file.size(), 4 + 1 + 4 + 12 + plain.size() + 16);
        QCOMPARE(file.left(4), QByteArray("QNC1"));
        QCOMPARE(file.at(4), '\0');
        QCOMPARE(file.mid(5, 4), unhex("01020304"));
        QVERIFY(!file.contains(plain));

        // Decrypt using only FORMAT.md: nonce at 9, AAD = first 9 bytes || raw name.
        auto opened = aesGcmOpen(key, file.mid(9, 12), file.mid(21), file.left(9) + name);
        QVERIFY2(opened.ok(), qPrintable(opened.error()));
        QCOMPARE(*opened, plain);
        QVERIFY(!aesGcmOpen(key, file.mid(9, 12), file.mid(21), file.left(9)).ok());

        auto header = readFileHeader(file);
        QVERIFY2(header.ok(), qPrintable(header.error()));
        QCOMPARE(header->flags, quint8(0));
        QCOMPARE(header->epoch, quint32(0x01020304));

        const QByteArray again = encryptFile(key, 0x01020304, name, plain, false);
        QVERIFY(again.mid(9, 12) != file.mid(9, 12)); // a fresh nonce every time
    }

    void deflatedFileCarriesAPlainZlibStream() {
        const QByteArray key = randomBytes(32);
        const QByteArray name = randomBytes(32);
        QByteArray plain;
        for (int i = 0; i < 2000; ++i)
            plain += "{\"html\":\"<p>repeated text</p>\",\"n\":" + QByteArray::number(i) + "}";
        const QByteArray file = encryptFile(key, 7, name, plain, true);
        QCOMPARE(file.at(4), '\x01');
        QVERIFY(file.size() < plain.size() / 4);

        auto payload = aesGcmOpen(key, file.mid(9, 12), file.mid(21), file.left(9) + name);
        QVERIFY2(payload.ok(), qPrintable(payload.error()));
        QCOMPARE(quint8(payload->at(0)), quint8(0x78)); // RFC 1950 header, no length prefix
        // qUncompress wants Qt's 4-byte size prefix in front of a bare zlib stream.
        QByteArray prefixed(4, '\0');
        const quint32 size = quint32(plain.size());
        prefixed[0] = char(size >> 24);
        prefixed[1] = char(size >> 16);
        prefixed[2] = char(size >> 8);
        prefixed[3] = char(size);
        QCOMPARE(qUncompress(prefixed + *payload), plain);

        auto decrypted = decryptFile(key, name, file);
        QVERIFY2(decrypted.ok(), qPrintable(decrypted.error()));
        QCOMPARE(*decrypted, plain);
    }

    void encryptedFileRoundTrips_data() {
        QTest::addColumn<QByteArray>("plain");
        QTest::addColumn<bool>("deflate");
        QTest::newRow("empty plain") << QByteArray() << false;
        QTest::newRow("empty deflated") << QByteArray() << true;
        QTest::newRow("one byte deflated") << QByteArray("x") << true;
        QTest::newRow("random 4 MiB chunk plain") << randomBytes(4 * 1024 * 1024) << false;
        QTest::newRow("random 300 KiB deflated") << randomBytes(300 * 1024) << true;
        QTest::newRow("text deflated") << QByteArray(1 << 20, 'a') << true;
    }
    void encryptedFileRoundTrips() {
        QFETCH(QByteArray, plain);
        QFETCH(bool, deflate);
        const QByteArray key = randomBytes(32);
        const QByteArray name = randomBytes(32);
        const QByteArray file = encryptFile(key, 1, name, plain, deflate);
        QVERIFY(!file.isEmpty());
        QCOMPARE(readFileHeader(file)->flags, quint8(deflate ? 1 : 0));
        auto back = decryptFile(key, name, file);
        QVERIFY2(back.ok(), qPrintable(back.error()));
        QCOMPARE(*back, plain);
    }

    void decryptFileRefusesAnyChange_data() {
        QTest::addColumn<int>("kind");
        QTest::addColumn<QString>("mentions");
        // Byte positions: magic 0-3, flags 4, epoch 5-8, nonce 9-20, ciphertext, tag (last 16).
        QTest::newRow("magic") << 0 << "QNC1";
        QTest::newRow("flags bit 0") << 4 << "authentication failed";
        QTest::newRow("flags unknown bit") << 5 << "flags";
        QTest::newRow("epoch") << 6 << "authentication failed";
        QTest::newRow("nonce") << 12 << "authentication failed";
        QTest::newRow("ciphertext") << 30 << "authentication failed";
        QTest::newRow("tag") << 100 << "authentication failed";
        QTest::newRow("wrong name") << 200 << "authentication failed";
        QTest::newRow("wrong key") << 201 << "authentication failed";
        QTest::newRow("short key") << 202 << "32";
        QTest::newRow("truncated to nothing") << 300 << "QNC1";
        QTest::newRow("truncated header") << 301 << "truncated";
        QTest::newRow("truncated tag") << 302 << "authentication failed";
        QTest::newRow("truncated below minimum") << 303 << "truncated";
        QTest::newRow("extra byte") << 304 << "authentication failed";
    }
    void decryptFileRefusesAnyChange() {
        QFETCH(int, kind);
        QFETCH(QString, mentions);
        QByteArray key = randomBytes(32);
        QByteArray name = randomBytes(32);
        const QByteArray plain(500, 'p');
        QByteArray file = encryptFile(key, 3, name, plain, true);
        QVERIFY(decryptFile(key, name, file).ok());
        QVERIFY(file.size() > 40);

        switch (kind) {
        case 0:
            file = flipped(file, 0);
            break;
        case 4:
            file = flipped(file, 4, 0x01);
            break;
        case 5:
            file = flipped(file, 4, 0x02);
            break;
        case 6:
            file = flipped(file, 8);
            break;
        case 12:
            file = flipped(file, 12);
            break;
        case 30:
            file = flipped(file, 22);
            break;
        case 100:
            file = flipped(file, file.size() - 1, char(0x80));
            break;
        case 200:
            name = flipped(name, 31);
            break;
        case 201:
            key = randomBytes(32);
            break;
        case 202:
            key = key.left(31);
            break;
        case 300:
            file.clear();
            break;
        case 301:
            file = file.left(20);
            break;
        case 302:
            file.chop(1);
            break;
        case 303:
            file = file.left(36);
            break;
        case 304:
            file += '\0';
            break;
        default:
            QFAIL("unknown case");
        }
        auto result = decryptFile(key, name, file);
        QVERIFY(!result.ok());
        QVERIFY2(result.error().contains(mentions), qPrintable(result.error()));
    }

    void readFileHeaderRefusesForeignBytes() {
        QVERIFY(!readFileHeader("PK\x03\x04 this is a zip file, not ours at all......").ok());
        QVERIFY(!readFileHeader("QNC1").ok());
        auto plaintext = decryptFile(randomBytes(32), "n", QByteArray("{\"record\":{}}"));
        QVERIFY(!plaintext.ok());
        QVERIFY2(plaintext.error().contains("not a Quire encrypted object"),
                 qPrintable(plaintext.error()));
    }

    void deflateBombIsRefusedButLargeChunksPass() {
        const QByteArray key = randomBytes(32);
        const QByteArray name = randomBytes(32);
        // 65 MiB of zeros deflates to under 1 MiB (~300 KiB at the level Quire writes): a
        // properly encrypted and authenticated object that must still not be inflated without
        // bound.
        const QByteArray bomb = encryptFile(key, 1, name, QByteArray(65 * 1024 * 1024, '\0'), true);
        QVERIFY(bomb.size() < 1024 * 1024);
        auto refused = decryptFile(key, name, bomb);
        QVERIFY(!refused.ok());
        QVERIFY2(refused.error().contains("64 MiB"), qPrintable(refused.error()));

        const QByteArray chunk(8 * 1024 * 1024, 'c');
        auto accepted = decryptFile(key, name, encryptFile(key, 1, name, chunk, true));
        QVERIFY2(accepted.ok(), qPrintable(accepted.error()));
        QCOMPARE(*accepted, chunk);
    }

    // ---- hex ------------------------------------------------------------------------------

    void hexIsLowercaseAndMalformedHexGivesNothing() {
        QCOMPARE(toHex(unhex("00ff10AB")), QByteArray("00ff10ab"));
        QCOMPARE(fromHex("00ff10ab"), unhex("00ff10ab"));
        QCOMPARE(fromHex("DEADbeef"), unhex("deadbeef"));
        QVERIFY(fromHex({}).isEmpty());
        const QList<QByteArray> malformed{"abc", "zz", "0x12", "12 34", "g0", "12\n", "ab-cd"};
        for (const QByteArray &bad : malformed)
            QVERIFY2(fromHex(bad).isEmpty(), bad.constData());
        const QByteArray id = randomBytes(32);
        QCOMPARE(fromHex(toHex(id)), id);
    }
};

QTEST_GUILESS_MAIN(CryptoTest)
#include "tst_crypto.moc"
