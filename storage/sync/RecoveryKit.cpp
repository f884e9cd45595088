#include "sync/RecoveryKit.h"

#include "records/CanonicalJson.h"
#include "records/Record.h"

#include <QCoreApplication>
#include <QJsonArray>
#include <QJsonObject>
#include <QRegularExpression>

#include <cstring>

namespace quire::recoverykit {

namespace {

constexpr char kAlphabet[] = "0123456789ABCDEFGHJKMNPQRSTVWXYZ"; // Crockford's base32
constexpr int kRadix = 32;
constexpr int kGroupLength = kDataPerGroup + 1;
constexpr int kDataLength = kGroups * kDataPerGroup;
// Guards against a file that asks for absurd memory or time before a code is tried: at most
// twice FORMAT.md §7's cost (N=2^18, r=8: 256 MiB).
constexpr quint64 kMaxN = quint64(1) << 18;
constexpr qsizetype kMaxFileSize = 256 * 1024;

int valueOf(QChar c) {
    const char *at = c.unicode() < 128 ? std::strchr(kAlphabet, char(c.unicode())) : nullptr;
    return at && *at ? int(at - kAlphabet) : -1;
}

// Luhn mod 32 over the group's position and its 4 values: every single wrong character and
// almost every swap of two neighbours changes it; the position catches groups typed in the
// wrong order.
QChar checkCharacter(int group, const QString &data) {
    QList<int> values{group};
    for (QChar c : data)
        values << valueOf(c);
    int factor = 2, sum = 0;
    for (qsizetype i = values.size() - 1; i >= 0; --i) {
        int addend = factor * values[i];
        factor = factor == 2 ? 1 : 2;
        sum += addend / kRadix + addend % kRadix;
    }
    return QLatin1Char(kAlphabet[(kRadix - sum % kRadix) % kRadix]);
}

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

Result<QByteArray> aadOf(const QJsonObject &file) {
    QJsonObject h = file;
    h.remove("sealed");
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
            "quire::storage", "the recovery file names a key derivation this version does "
                              "not use"));
    return crypto::scrypt(normalised.toLatin1(), salt, params, 32);
}

Result<QJsonObject> parseFile(const QByteArray &file) {
    if (file.size() > kMaxFileSize)
        return fail(QCoreApplication::translate(
            "quire::storage", "this is not a Quire recovery file (it is too large)"));
    auto o = json::parseObject(file);
    if (!o || o->value("format").toString() != records::kRecordFormat ||
        o->value("type").toString() != "recovery")
        return fail(
            QCoreApplication::translate("quire::storage", "this is not a Quire recovery file"));
    static const QRegularExpression hex16(QStringLiteral("^[0-9a-f]{16}$"));
    if (!records::isUuid(o->value("notebook").toString()) ||
        !records::isUuid(o->value("member").toString()) ||
        !timeFormat().match(o->value("created_at").toString()).hasMatch() ||
        !hex16.match(o->value("code_id").toString()).hasMatch() || !o->value("kdf").isObject() ||
        !o->value("sealed").isString())
        return fail(QCoreApplication::translate("quire::storage", "the recovery file is damaged"));
    return *o;
}

} // namespace

QString newCode() {
    const QByteArray random = crypto::randomBytes(kDataLength);
    QString data;
    for (int i = 0; i < kDataLength; ++i)
        data += QLatin1Char(kAlphabet[quint8(random[i]) & 31]); // 256 = 8 × 32: no bias
    return displayCode(data);
}

QString displayCode(const QString &normalised) {
    QStringList groups;
    for (int g = 0; g < kGroups; ++g) {
        const QString data = normalised.mid(g * kDataPerGroup, kDataPerGroup);
        groups << data + checkCharacter(g, data);
    }
    return groups.join('-');
}

Result<QString> normaliseCode(const QString &code) {
    QString typed;
    for (QChar c : code.toUpper()) {
        if (c == '-' || c.isSpace()) continue;
        if (c == 'O') c = '0';
        if (c == 'I' || c == 'L') c = '1';
        if (valueOf(c) < 0)
            return fail(QCoreApplication::translate(
                            "quire::storage",
                            "wrong code: “%1” is not a character of a recovery code "
                            "(digits and letters except I, L, O and U)")
                            .arg(c));
        typed += c;
    }
    if (typed.size() != kGroups * kGroupLength)
        return fail(QCoreApplication::translate(
                        "quire::storage",
                        "wrong code: a recovery code has %1 groups of %2 characters, "
                        "this one has %3 characters")
                        .arg(kGroups)
                        .arg(kGroupLength)
                        .arg(typed.size()));
    QString data;
    for (int g = 0; g < kGroups; ++g) {
        const QString group = typed.mid(g * kGroupLength, kGroupLength);
        if (checkCharacter(g, group.left(kDataPerGroup)) != group.at(kDataPerGroup))
            return fail(QCoreApplication::translate(
                            "quire::storage",
                            "wrong code: group %1 (“%2”) has a typing error; compare "
                            "it with the recovery sheet")
                            .arg(g + 1)
                            .arg(group));
        data += group.left(kDataPerGroup);
    }
    return data;
}

QString codeId(const QString &normalised) {
    return QString::fromLatin1(
        crypto::toHex(crypto::sha256("quire/1 recovery id" + normalised.toLatin1()).left(8)));
}

Result<QByteArray> seal(const Payload &p, const QString &code, const crypto::ScryptParams &params) {
    auto normalised = normaliseCode(code);
    if (!normalised) return normalised.failure();
    QJsonArray keys;
    for (const auto &[epoch, key] : p.notebookKeys)
        keys.append(QJsonObject{{"epoch", qint64(epoch)}, {"key", b64(key)}});
    QJsonObject payload{{"format", records::kRecordFormat},
                        {"type", "recovery_payload"},
                        {"notebook", p.notebook},
                        {"notebook_name", p.notebookName},
                        {"genesis", p.genesis},
                        {"ca_sha256", p.caSha256},
                        {"remote", p.remote},
                        {"member", p.member},
                        {"member_name", p.memberName},
                        {"created_at", p.createdAt},
                        {"sign_key", b64(p.signKey)},
                        {"enc_key", b64(p.encKey)},
                        {"notebook_keys", keys}};
    if (!p.caKey.isEmpty()) payload.insert("ca_key", b64(p.caKey));
    auto plain = json::canonicalize(payload);
    if (!plain) return plain.failure();
    QJsonObject file{{"format", records::kRecordFormat},
                     {"type", "recovery"},
                     {"notebook", p.notebook},
                     {"member", p.member},
                     {"created_at", p.createdAt},
                     {"code_id", codeId(*normalised)},
                     {"kdf", QJsonObject{{"alg", "scrypt"},
                                         {"n", qint64(params.n)},
                                         {"r", qint64(params.r)},
                                         {"p", qint64(params.p)},
                                         {"salt", b64(crypto::randomBytes(16))}}}};
    auto key = keyFor(*normalised, file.value("kdf").toObject());
    if (!key) return key.failure();
    auto aad = aadOf(file);
    if (!aad) return aad.failure();
    const QByteArray nonce = crypto::randomBytes(12);
    file.insert("sealed", b64(nonce + crypto::aesGcmSeal(key->bytes(), nonce, *plain, *aad)));
    return json::canonicalize(file);
}

Result<Header> readHeader(const QByteArray &file) {
    auto o = parseFile(file);
    if (!o) return o.failure();
    return Header{o->value("notebook").toString(), o->value("member").toString(),
                  o->value("created_at").toString(), o->value("code_id").toString()};
}

Result<Payload> open(const QByteArray &file, const QString &code) {
    auto o = parseFile(file);
    if (!o) return o.failure();
    auto normalised = normaliseCode(code);
    if (!normalised) return normalised.failure();
    if (codeId(*normalised) != o->value("code_id").toString())
        return fail(QCoreApplication::translate(
            "quire::storage", "wrong code: it is not the code of this recovery file (a newer "
                              "code replaces older ones)"));
    const QByteArray sealed = unb64(o->value("sealed"));
    if (sealed.size() < 12 + 16)
        return fail(QCoreApplication::translate("quire::storage", "the recovery file is damaged"));
    auto key = keyFor(*normalised, o->value("kdf").toObject());
    if (!key) return key.failure();
    auto aad = aadOf(*o);
    if (!aad) return aad.failure();
    auto plain = crypto::aesGcmOpen(key->bytes(), sealed.left(12), sealed.mid(12), *aad);
    if (!plain)
        return fail(QCoreApplication::translate(
            "quire::storage", "wrong code: it does not open this recovery file, or the file "
                              "was altered"));
    auto p = json::parseObject(*plain);
    if (!p || p->value("type").toString() != "recovery_payload" ||
        p->value("member").toString() != o->value("member").toString() ||
        p->value("notebook").toString() != o->value("notebook").toString())
        return fail(QCoreApplication::translate("quire::storage", "the recovery file is damaged"));
    Payload out;
    out.notebook = p->value("notebook").toString();
    out.notebookName = p->value("notebook_name").toString();
    out.genesis = p->value("genesis").toString();
    out.caSha256 = p->value("ca_sha256").toString();
    out.remote = p->value("remote").toString();
    out.member = p->value("member").toString();
    out.memberName = p->value("member_name").toString();
    out.createdAt = p->value("created_at").toString();
    out.signKey = unb64(p->value("sign_key"));
    out.encKey = unb64(p->value("enc_key"));
    out.caKey = unb64(p->value("ca_key"));
    for (const auto &k : p->value("notebook_keys").toArray())
        out.notebookKeys.append(
            {quint32(k.toObject().value("epoch").toInteger()), unb64(k.toObject().value("key"))});
    if (!records::isRecordId(out.genesis) || out.signKey.isEmpty() || out.encKey.isEmpty())
        return fail(QCoreApplication::translate("quire::storage", "the recovery file is damaged"));
    for (const auto &[epoch, key] : out.notebookKeys)
        if (epoch < 1 || key.size() != 32)
            return fail(
                QCoreApplication::translate("quire::storage", "the recovery file is damaged"));
    return out;
}

} // namespace quire::recoverykit
