#include "sync/CaShare.h"

#include "records/CanonicalJson.h"

#include <QCoreApplication>
#include <QJsonObject>
#include <QRegularExpression>

namespace quire::membership {

namespace {

using crypto::EcKey;
using crypto::SecureBytes;

constexpr char kFormat[] = "quire/1";
constexpr char kType[] = "ca_share";
constexpr char kWrapInfo[] = "quire/1 ca key wrap";
constexpr int kNonceSize = 12;
constexpr int kTagSize = 16;
// A P-256 PKCS#8 key is some 140 bytes; anything far larger is not one.
constexpr int kMaxKeySize = 512;
constexpr qsizetype kMaxFileSize = 64 * 1024;

const QString kWhat = QStringLiteral("the certificate authority share");

bool isUuid(const QString &s) {
    static const QRegularExpression re(
        QStringLiteral("^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$"));
    return re.match(s).hasMatch();
}

bool isHexSha256(const QString &s) {
    static const QRegularExpression re(QStringLiteral("^[0-9a-f]{64}$"));
    return re.match(s).hasMatch();
}

QString b64(const QByteArray &bytes) {
    return QString::fromLatin1(bytes.toBase64());
}

// The one padded spelling FORMAT.md §1 allows.
bool strictBase64(const QJsonValue &v, QByteArray &out) {
    if (!v.isString()) return false;
    const QByteArray ascii = v.toString().toLatin1();
    auto decoded = QByteArray::fromBase64Encoding(ascii, QByteArray::AbortOnBase64DecodingErrors);
    if (decoded.decodingStatus != QByteArray::Base64DecodingStatus::Ok) return false;
    if (decoded.decoded.isEmpty() || decoded.decoded.toBase64() != ascii) return false;
    out = decoded.decoded;
    return true;
}

QString hexSha256(const QByteArray &bytes) {
    return QString::fromLatin1(crypto::toHex(crypto::sha256(bytes)));
}

QByteArray wrapAad(const QString &memberUuid, const QByteArray &caCertDer) {
    return memberUuid.toLatin1() + crypto::sha256(caCertDer);
}

Result<SecureBytes> kek(const SecureBytes &shared, const QByteArray &epkDer,
                        const QByteArray &memberSpkiDer) {
    SecureBytes k =
        crypto::hkdfSha256(shared.bytes(), epkDer + memberSpkiDer, QByteArray(kWrapInfo), 32);
    if (k.size() != 32)
        return fail(QCoreApplication::translate("quire::storage",
                                                "could not derive the key that wraps the CA key"));
    return k;
}

Result<EcKey> certificateKey(const QByteArray &certDer) {
    auto info = crypto::certificateInfo(certDer);
    if (!info) return info.failure();
    return EcKey::fromPublicDer(info->subjectPublicKeyDer);
}

QJsonObject unsealed(const CaShareFile &f) {
    return QJsonObject{{QStringLiteral("format"), QLatin1String(kFormat)},
                       {QStringLiteral("type"), QLatin1String(kType)},
                       {QStringLiteral("member"), f.member},
                       {QStringLiteral("shared_by"), f.sharedBy},
                       {QStringLiteral("ca_sha256"), f.caSha256},
                       {QStringLiteral("epk"), b64(f.epk)},
                       {QStringLiteral("wrapped"), b64(f.wrapped)}};
}

} // namespace

QString caSharePath(const QString &memberUuid) {
    return QStringLiteral("ca/%1.json").arg(memberUuid);
}

Result<QByteArray> makeCaShare(const QString &memberUuid, const QByteArray &memberEncSpki,
                               const QByteArray &caCertDer, const QByteArray &caPrivateDer,
                               const QString &adminUuid, const EcKey &adminSignKey,
                               const QByteArray &adminCertDer) {
    const QString cannot = QStringLiteral("cannot share the certificate authority key: ");
    if (!isUuid(memberUuid) || !isUuid(adminUuid))
        return fail(cannot + QStringLiteral("a member uuid is malformed"));
    auto caKey = EcKey::fromPrivateDer(caPrivateDer);
    auto caPublic = certificateKey(caCertDer);
    if (!caKey || !caPublic || caKey->publicDer() != caPublic->publicDer())
        return fail(cannot + QStringLiteral("the key held here is not the notebook CA's key"));
    auto member = EcKey::fromPublicDer(memberEncSpki);
    if (!member || member->publicDer() != memberEncSpki)
        return fail(cannot + QStringLiteral("the admin's encryption key is unusable"));
    auto sealKey = certificateKey(adminCertDer);
    if (!sealKey || sealKey->publicDer() != adminSignKey.publicDer())
        return fail(cannot + QStringLiteral("the sealing key does not belong to the certificate"));
    const EcKey ephemeral = EcKey::generate();
    auto shared = ephemeral.deriveShared(*member);
    if (!shared) return fail(cannot + shared.error());
    auto k = kek(*shared, ephemeral.publicDer(), memberEncSpki);
    if (!k) return fail(cannot + k.error());
    const QByteArray nonce = crypto::randomBytes(kNonceSize);
    const QByteArray sealed =
        crypto::aesGcmSeal(k->bytes(), nonce, caPrivateDer, wrapAad(memberUuid, caCertDer));
    if (sealed.size() != caPrivateDer.size() + kTagSize)
        return fail(cannot + QStringLiteral("encrypting it failed"));

    CaShareFile f;
    f.member = memberUuid;
    f.sharedBy = adminUuid;
    f.caSha256 = hexSha256(caCertDer);
    f.epk = ephemeral.publicDer();
    f.wrapped = nonce + sealed;
    QJsonObject object = unsealed(f);
    auto signedBytes = json::canonicalize(object);
    if (!signedBytes) return fail(cannot + signedBytes.error());
    const QByteArray signature = adminSignKey.sign(*signedBytes);
    if (signature.isEmpty()) return fail(cannot + QStringLiteral("sealing it failed"));
    object.insert(QStringLiteral("seal"),
                  QJsonObject{{QStringLiteral("cert"), hexSha256(adminCertDer)},
                              {QStringLiteral("sig"), b64(signature)}});
    return json::canonicalize(object);
}

Result<CaShareFile> parseCaShare(const QByteArray &bytes) {
    const QString damaged = kWhat + QStringLiteral(" is damaged: ");
    if (bytes.size() > kMaxFileSize)
        return fail(kWhat + QStringLiteral(" is far larger than any such file; it is not one"));
    auto object = json::parseObject(bytes);
    if (!object) return fail(kWhat + QStringLiteral(" is not readable JSON: ") + object.error());
    static const QStringList keys = {"format",    "type", "member",  "shared_by",
                                     "ca_sha256", "epk",  "wrapped", "seal"};
    for (auto it = object->begin(); it != object->end(); ++it)
        if (!keys.contains(it.key()))
            return fail(damaged +
                        QStringLiteral("it has a field Quire does not know, \"%1\"").arg(it.key()));
    if (object->value("format").toString() != QLatin1String(kFormat) ||
        object->value("type").toString() != QLatin1String(kType))
        return fail(damaged + QStringLiteral("it is not a quire/1 ca_share"));
    CaShareFile f;
    f.member = object->value("member").toString();
    f.sharedBy = object->value("shared_by").toString();
    f.caSha256 = object->value("ca_sha256").toString();
    if (!isUuid(f.member) || !isUuid(f.sharedBy) || !isHexSha256(f.caSha256))
        return fail(damaged + QStringLiteral("its member, shared_by or ca_sha256 is malformed"));
    if (!strictBase64(object->value("epk"), f.epk) || !EcKey::fromPublicDer(f.epk))
        return fail(damaged + QStringLiteral("its ephemeral key is not a P-256 public key"));
    if (!strictBase64(object->value("wrapped"), f.wrapped) ||
        f.wrapped.size() <= kNonceSize + kTagSize || f.wrapped.size() > kMaxKeySize)
        return fail(damaged + QStringLiteral("its wrapped key has an impossible size"));
    const QJsonObject seal = object->value("seal").toObject();
    f.sealCert = seal.value("cert").toString();
    if (seal.size() != 2 || !isHexSha256(f.sealCert) ||
        !strictBase64(seal.value("sig"), f.sealSignature))
        return fail(damaged + QStringLiteral("its seal is malformed"));
    QJsonObject rest = *object;
    rest.remove(QStringLiteral("seal"));
    auto signedBytes = json::canonicalize(rest);
    if (!signedBytes) return fail(damaged + signedBytes.error());
    f.signedBytes = *signedBytes;
    return f;
}

Result<void> verifyCaShareSeal(const CaShareFile &file, const QByteArray &adminCertDer) {
    if (hexSha256(adminCertDer) != file.sealCert)
        return fail(QCoreApplication::translate(
                        "quire::storage",
                        "the certificate authority share for %1 is sealed by another "
                        "certificate than its sealer's")
                        .arg(file.member));
    auto key = certificateKey(adminCertDer);
    if (!key || !key->verify(file.signedBytes, file.sealSignature))
        return fail(QCoreApplication::translate(
                        "quire::storage",
                        "the seal of the certificate authority share for %1 does not "
                        "match its contents: the file was changed after it was sealed")
                        .arg(file.member));
    return {};
}

Result<SecureBytes> openCaShare(const CaShareFile &file, const EcKey &memberEncKey,
                                const QByteArray &caCertDer) {
    if (hexSha256(caCertDer) != file.caSha256)
        return fail(QCoreApplication::translate(
            "quire::storage", "the certificate authority share is for another notebook's "
                              "certificate authority"));
    auto epk = EcKey::fromPublicDer(file.epk);
    if (!epk) return epk.failure();
    auto shared = memberEncKey.deriveShared(*epk);
    if (!shared) return shared.failure();
    auto k = kek(*shared, file.epk, memberEncKey.publicDer());
    if (!k) return k.failure();
    auto key = crypto::aesGcmOpen(k->bytes(), file.wrapped.left(kNonceSize),
                                  file.wrapped.mid(kNonceSize), wrapAad(file.member, caCertDer));
    if (!key)
        return fail(QCoreApplication::translate(
            "quire::storage", "the certificate authority share does not open with this "
                              "member's encryption key: it was made for someone else, or "
                              "changed"));
    SecureBytes out(std::move(*key));
    auto caKey = EcKey::fromPrivateDer(out.bytes());
    auto caPublic = certificateKey(caCertDer);
    if (!caKey || !caPublic || caKey->publicDer() != caPublic->publicDer())
        return fail(QCoreApplication::translate(
            "quire::storage", "the certificate authority share holds a key that is not the "
                              "notebook CA's"));
    return out;
}

} // namespace quire::membership
