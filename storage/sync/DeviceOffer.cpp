#include "sync/DeviceOffer.h"

#include "records/CanonicalJson.h"
#include "records/Record.h"

#include <QCoreApplication>
#include <QJsonArray>
#include <QJsonObject>
#include <QRegularExpression>

namespace quire::deviceoffer {

namespace {

constexpr auto kAlphabet = "0123456789ABCDEFGHJKMNPQRSTVWXYZ"; // Crockford's base32
constexpr int kCodeLength = 24;
// Guards against a file that asks for absurd memory or time before anyone typed a code: at most
// twice the cost offers are made with (N=2^18, r=8: 256 MiB).
constexpr quint64 kMaxN = quint64(1) << 18;

QString b64(const QByteArray &bytes) {
    return QString::fromLatin1(bytes.toBase64());
}
QByteArray unb64(const QJsonValue &v) {
    return QByteArray::fromBase64(v.toString().toLatin1());
}

const QRegularExpression &timeFormat() {
    static const QRegularExpression re(
        QStringLiteral("^\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}\\.\\d{3}Z$"));
    return re;
}

// The part of the file the seal covers (AAD): everything but the seal itself and the count.
Result<QByteArray> sealedHeaderBytes(const QJsonObject &file) {
    QJsonObject h = file;
    h.remove("sealed");
    h.remove("wrong_codes");
    return json::canonicalize(h);
}

Result<crypto::SecureBytes> keyFor(const QString &normalised, const QJsonObject &kdf) {
    crypto::ScryptParams params;
    params.n = quint64(kdf.value("n").toInteger());
    params.r = quint32(kdf.value("r").toInteger());
    params.p = quint32(kdf.value("p").toInteger());
    const QByteArray salt = unb64(kdf.value("salt"));
    if (kdf.value("alg").toString() != "scrypt" || params.n < 2 || params.n > kMaxN ||
        (params.n & (params.n - 1)) != 0 || params.r != 8 || params.p != 1 || salt.size() < 16)
        return fail(QCoreApplication::translate(
            "quire::storage", "the offer file names a key derivation this version does not "
                              "use"));
    return crypto::scrypt(normalised.toLatin1(), salt, params, 32);
}

Result<QJsonObject> parseFile(const QByteArray &file) {
    auto o = json::parseObject(file);
    if (!o || o->value("format").toString() != records::kRecordFormat ||
        o->value("type").toString() != "device_offer")
        return fail(QCoreApplication::translate("quire::storage",
                                                "this is not a Quire offer to add a computer"));
    if (!records::isUuid(o->value("offer").toString()) ||
        !timeFormat().match(o->value("expires_at").toString()).hasMatch() ||
        !o->value("kdf").isObject())
        return fail(QCoreApplication::translate("quire::storage", "the offer file is damaged"));
    return *o;
}

} // namespace

QString newCode() {
    const QByteArray random = crypto::randomBytes(kCodeLength);
    QString code;
    for (int i = 0; i < kCodeLength; ++i) {
        if (i > 0 && i % 4 == 0) code += '-';
        code += QLatin1Char(kAlphabet[quint8(random[i]) & 31]); // 256 = 8 × 32: no bias
    }
    return code;
}

QString normaliseCode(const QString &code) {
    QString out;
    for (QChar c : code.toUpper()) {
        if (c == '-' || c.isSpace()) continue;
        if (c == 'O') c = '0';
        if (c == 'I' || c == 'L') c = '1';
        if (!QByteArray(kAlphabet).contains(char(c.toLatin1())) || c.unicode() > 127) return {};
        out += c;
    }
    return out.size() == kCodeLength ? out : QString();
}

Result<QByteArray> seal(const Payload &p, const QString &code, const crypto::ScryptParams &params) {
    const QString normalised = normaliseCode(code);
    if (normalised.isEmpty())
        return fail(
            QCoreApplication::translate("quire::storage", "the code is not a valid offer code"));
    QJsonArray keys;
    for (const auto &[epoch, key] : p.notebookKeys)
        keys.append(QJsonObject{{"epoch", qint64(epoch)}, {"key", b64(key)}});
    const QJsonObject payload{{"format", records::kRecordFormat},
                              {"type", "device_offer_payload"},
                              {"offer", p.offer},
                              {"notebook", p.notebook},
                              {"notebook_name", p.notebookName},
                              {"genesis", p.genesis},
                              {"ca_sha256", p.caSha256},
                              {"remote", p.remote},
                              {"member", p.member},
                              {"device", p.device},
                              {"device_name", p.deviceName},
                              {"issued_by_device", p.issuedByDevice},
                              {"created_at", p.createdAt},
                              {"expires_at", p.expiresAt},
                              {"sign_key", b64(p.signKey)},
                              {"enc_key", b64(p.encKey)},
                              {"notebook_keys", keys}};
    auto plain = json::canonicalize(payload);
    if (!plain) return plain.failure();
    const QByteArray salt = crypto::randomBytes(16);
    QJsonObject file{{"format", records::kRecordFormat},
                     {"type", "device_offer"},
                     {"offer", p.offer},
                     {"expires_at", p.expiresAt},
                     {"kdf", QJsonObject{{"alg", "scrypt"},
                                         {"n", qint64(params.n)},
                                         {"r", qint64(params.r)},
                                         {"p", qint64(params.p)},
                                         {"salt", b64(salt)}}}};
    auto key = keyFor(normalised, file.value("kdf").toObject());
    if (!key) return key.failure();
    auto aad = sealedHeaderBytes(file);
    if (!aad) return aad.failure();
    const QByteArray nonce = crypto::randomBytes(12);
    file.insert("sealed", b64(nonce + crypto::aesGcmSeal(key->bytes(), nonce, *plain, *aad)));
    file.insert("wrong_codes", 0);
    return json::canonicalize(file);
}

Result<Header> readHeader(const QByteArray &file) {
    auto o = parseFile(file);
    if (!o) return o.failure();
    Header h;
    h.offer = o->value("offer").toString();
    h.expiresAt = o->value("expires_at").toString();
    h.wrongCodes = int(o->value("wrong_codes").toInteger());
    h.spent = o->value("sealed").toString().isEmpty();
    return h;
}

Result<Payload> open(const QByteArray &file, const QString &code, const QDateTime &now) {
    auto o = parseFile(file);
    if (!o) return o.failure();
    const QString nowText = now.toUTC().toString(QStringLiteral("yyyy-MM-ddTHH:mm:ss.zzzZ"));
    if (nowText > o->value("expires_at").toString())
        return fail(QCoreApplication::translate(
                        "quire::storage",
                        "the offer expired at %1 (offers last 24 hours): make a new "
                        "one on your other computer")
                        .arg(o->value("expires_at").toString()));
    const QByteArray sealed = unb64(o->value("sealed"));
    if (sealed.isEmpty() || int(o->value("wrong_codes").toInteger()) >= kMaxWrongCodes)
        return fail(QCoreApplication::translate(
                        "quire::storage",
                        "the offer is used up after %1 wrong codes: make a new one on "
                        "your other computer")
                        .arg(kMaxWrongCodes));
    if (sealed.size() < 12 + 16)
        return fail(QCoreApplication::translate("quire::storage", "the offer file is damaged"));
    const QString normalised = normaliseCode(code);
    if (normalised.isEmpty())
        return fail(QCoreApplication::translate(
            "quire::storage", "wrong code: a code has 24 letters and digits in 6 groups of "
                              "4"));
    auto key = keyFor(normalised, o->value("kdf").toObject());
    if (!key) return key.failure();
    auto aad = sealedHeaderBytes(*o);
    if (!aad) return aad.failure();
    auto plain = crypto::aesGcmOpen(key->bytes(), sealed.left(12), sealed.mid(12), *aad);
    if (!plain)
        return fail(QCoreApplication::translate("quire::storage",
                                                "wrong code: it does not open this offer"));
    auto p = json::parseObject(*plain);
    if (!p || p->value("type").toString() != "device_offer_payload" ||
        p->value("offer").toString() != o->value("offer").toString() ||
        p->value("expires_at").toString() != o->value("expires_at").toString())
        return fail(QCoreApplication::translate("quire::storage", "the offer file is damaged"));
    Payload out;
    out.offer = p->value("offer").toString();
    out.notebook = p->value("notebook").toString();
    out.notebookName = p->value("notebook_name").toString();
    out.genesis = p->value("genesis").toString();
    out.caSha256 = p->value("ca_sha256").toString();
    out.remote = p->value("remote").toString();
    out.member = p->value("member").toString();
    out.device = p->value("device").toString();
    out.deviceName = p->value("device_name").toString();
    out.issuedByDevice = p->value("issued_by_device").toString();
    out.createdAt = p->value("created_at").toString();
    out.expiresAt = p->value("expires_at").toString();
    out.signKey = unb64(p->value("sign_key"));
    out.encKey = unb64(p->value("enc_key"));
    for (const auto &k : p->value("notebook_keys").toArray())
        out.notebookKeys.append(
            {quint32(k.toObject().value("epoch").toInteger()), unb64(k.toObject().value("key"))});
    if (!records::isUuid(out.notebook) || !records::isUuid(out.member) ||
        !records::isUuid(out.device) || !records::isRecordId(out.genesis) ||
        out.signKey.isEmpty() || out.encKey.isEmpty())
        return fail(QCoreApplication::translate("quire::storage", "the offer file is damaged"));
    return out;
}

Result<QByteArray> withWrongCodes(const QByteArray &file, int wrongCodes) {
    auto o = parseFile(file);
    if (!o) return o.failure();
    o->insert("wrong_codes", wrongCodes);
    if (wrongCodes >= kMaxWrongCodes) o->insert("sealed", QString());
    return json::canonicalize(*o);
}

} // namespace quire::deviceoffer
