#include "sync/Membership.h"

#include "records/CanonicalJson.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QJsonArray>
#include <QJsonObject>
#include <QJsonValue>
#include <QMetaType>
#include <QRegularExpression>
#include <QUrl>
#include <QVariant>

#include <algorithm>

namespace quire::membership {

namespace {

using crypto::EcKey;
using crypto::SecureBytes;

constexpr char kFormat[] = "quire/1";
constexpr char kWrapInfo[] = "quire/1 key wrap";
constexpr int kNonceSize = 12;
constexpr int kNotebookKeySize = 32;
constexpr int kTagSize = 16;
constexpr int kWrappedSize = kNonceSize + kNotebookKeySize + kTagSize;
// Every file here is a few kilobytes; anything far larger is not one of ours and is refused
// before the parser spends memory on it.
constexpr qsizetype kMaxFileSize = 256 * 1024;

const QString kInvitationWhat = QStringLiteral("the invitation");
const QString kJoinRequestWhat = QStringLiteral("the join request");
const QString kGrantWhat = QStringLiteral("the key grant file");

bool matches(const QString &pattern, const QString &text) {
    const QRegularExpression re(QRegularExpression::anchoredPattern(pattern));
    return re.match(text).hasMatch();
}

bool isUuid(const QString &s) {
    return matches(QStringLiteral("[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-"
                                  "[0-9a-f]{12}"),
                   s);
}

bool isHexSha256(const QString &s) {
    return matches(QStringLiteral("[0-9a-f]{64}"), s);
}

bool isTimestamp(const QString &s) {
    if (!matches(
            QStringLiteral("[0-9]{4}-[0-9]{2}-[0-9]{2}T[0-9]{2}:[0-9]{2}:[0-9]{2}\\.[0-9]{3}Z"), s))
        return false;
    // The round trip refuses dates that only look right (month 13, hour 24, leap seconds).
    const QDateTime t = QDateTime::fromString(s, Qt::ISODateWithMs);
    return t.isValid() && t.toUTC().toString(QStringLiteral("yyyy-MM-ddTHH:mm:ss.zzzZ")) == s;
}

QString nowTimestamp() {
    return QDateTime::currentDateTimeUtc().toString(QStringLiteral("yyyy-MM-ddTHH:mm:ss.zzzZ"));
}

QString b64(const QByteArray &bytes) {
    return QString::fromLatin1(bytes.toBase64());
}

// Only the one padded form FORMAT.md §1 allows, so that one value has one spelling.
bool strictBase64(const QString &text, QByteArray &out) {
    const QByteArray ascii = text.toLatin1();
    auto decoded = QByteArray::fromBase64Encoding(ascii, QByteArray::AbortOnBase64DecodingErrors);
    if (decoded.decodingStatus != QByteArray::Base64DecodingStatus::Ok) return false;
    if (decoded.decoded.isEmpty() || decoded.decoded.toBase64() != ascii) return false;
    out = decoded.decoded;
    return true;
}

QByteArray uint32BigEndian(quint32 v) {
    QByteArray out(4, Qt::Uninitialized);
    out[0] = char(v >> 24);
    out[1] = char(v >> 16);
    out[2] = char(v >> 8);
    out[3] = char(v);
    return out;
}

// AAD layout (40 bytes): the lowercase uuid as its 36 ASCII bytes, then the epoch as uint32
// big-endian — the same epoch encoding as the encrypted-file header.
QByteArray wrapAad(const QString &memberUuid, quint32 epoch) {
    return memberUuid.toLatin1() + uint32BigEndian(epoch);
}

Result<SecureBytes> deriveKek(const SecureBytes &shared, const QByteArray &epkDer,
                              const QByteArray &memberSpkiDer) {
    SecureBytes kek = crypto::hkdfSha256(shared.bytes(), epkDer + memberSpkiDer,
                                         QByteArray(kWrapInfo), kNotebookKeySize);
    if (kek.size() != kNotebookKeySize)
        return fail(QCoreApplication::translate(
            "quire::storage", "could not derive the key that wraps the notebook key"));
    return kek;
}

// The member's encryption key as published. Its bytes are part of the KEK's salt and the member
// recomputes them from the key, so only the form EcKey writes can work for both sides.
Result<EcKey> publishedEncryptionKey(const QByteArray &spki) {
    auto key = EcKey::fromPublicDer(spki);
    if (!key)
        return fail(QCoreApplication::translate("quire::storage",
                                                "the member's encryption key is unusable: ") +
                    key.error());
    if (key->publicDer() != spki)
        return fail(QCoreApplication::translate(
            "quire::storage", "the member's encryption key is not written in the standard "
                              "form (SubjectPublicKeyInfo with an uncompressed point)"));
    return key;
}

bool isInteger(const QJsonValue &v) {
    return v.isDouble() && v.toVariant().typeId() == QMetaType::LongLong;
}

// Reads the fields of one parsed object; keeps the first problem, phrased after `prefix`
// ("the invitation is damaged: "), so callers check once at the end.
class Reader {
public:
    Reader(const QJsonObject &object, QString prefix)
        : m_object(object)
        , m_prefix(std::move(prefix)) {}

    bool ok() const { return m_error.isEmpty(); }
    Error failure() const { return fail(m_error); }

    void problem(const QString &detail) {
        if (m_error.isEmpty()) m_error = m_prefix + detail;
    }

    QJsonValue value(const QString &key) {
        const QJsonValue v = m_object.value(key);
        if (v.isUndefined()) problem(QStringLiteral("it has no \"%1\"").arg(key));
        return v;
    }

    QString string(const QString &key) {
        const QJsonValue v = value(key);
        if (v.isUndefined()) return {};
        if (!v.isString()) {
            problem(QStringLiteral("\"%1\" must be a string").arg(key));
            return {};
        }
        if (v.toString().trimmed().isEmpty()) problem(QStringLiteral("\"%1\" is empty").arg(key));
        return v.toString();
    }

    QString uuid(const QString &key) {
        const QString s = string(key);
        if (ok() && !isUuid(s))
            problem(QStringLiteral("\"%1\" is not a lowercase version-4 uuid: \"%2\"").arg(key, s));
        return s;
    }

    QString sha256Hex(const QString &key) {
        const QString s = string(key);
        if (ok() && !isHexSha256(s))
            problem(QStringLiteral("\"%1\" is not 64 lowercase hex digits (a SHA-256)").arg(key));
        return s;
    }

    QString timestamp(const QString &key) {
        const QString s = string(key);
        if (ok() && !isTimestamp(s))
            problem(QStringLiteral("\"%1\" is not a UTC time like 2026-11-24T19:33:25.123Z: \"%2\"")
                        .arg(key, s));
        return s;
    }

    QByteArray base64(const QString &key) {
        const QString s = string(key);
        QByteArray out;
        if (ok() && !strictBase64(s, out))
            problem(QStringLiteral("\"%1\" is not padded standard base64").arg(key));
        return out;
    }

private:
    QJsonObject m_object;
    QString m_prefix;
    QString m_error;
};

QString damaged(const QString &what) {
    return what + QStringLiteral(" is damaged: ");
}

QString describeType(const QString &type) {
    if (type == QLatin1String("invitation")) return QStringLiteral("an invitation");
    if (type == QLatin1String("join_request")) return QStringLiteral("a join request");
    return QStringLiteral("a \"%1\"").arg(type);
}

// Parses the text and checks what every membership file shares: a known format, the expected
// type (when it has one), no missing or unknown member, FORMAT.md §1's rules for strings.
Result<QJsonObject> readDocument(const QByteArray &bytes, const QString &what,
                                 const QString &expectedType, const QStringList &keys) {
    if (bytes.size() > kMaxFileSize)
        return fail(
            QCoreApplication::translate(
                "quire::storage", "%1 is %2 KiB, far larger than any such file; it is not one")
                .arg(what)
                .arg(bytes.size() / 1024));
    auto object = json::parseObject(bytes);
    if (!object)
        return fail(QCoreApplication::translate("quire::storage", "%1 is not readable JSON: %2")
                        .arg(what, object.error()));
    const QJsonValue format = object->value(QStringLiteral("format"));
    if (!format.isString())
        return fail(QCoreApplication::translate("quire::storage",
                                                "%1 is not a Quire file (it has no \"format\")")
                        .arg(what));
    if (format.toString() != QLatin1String(kFormat))
        return fail(QCoreApplication::translate(
                        "quire::storage",
                        "%1 is in format \"%2\", which this version of Quire cannot "
                        "read; update Quire")
                        .arg(what, format.toString()));
    if (!expectedType.isEmpty()) {
        const QJsonValue type = object->value(QStringLiteral("type"));
        if (!type.isString()) return fail(damaged(what) + QStringLiteral("it has no \"type\""));
        if (type.toString() != expectedType)
            return fail(QCoreApplication::translate("quire::storage", "this file is %1, not %2")
                            .arg(describeType(type.toString()), describeType(expectedType)));
    }
    for (auto it = object->begin(); it != object->end(); ++it)
        if (!keys.contains(it.key()))
            return fail(QCoreApplication::translate(
                            "quire::storage",
                            "%1 has a field Quire does not know, \"%2\"; it was made "
                            "by a newer Quire or changed by hand")
                            .arg(what, it.key()));
    for (const QString &key : keys)
        if (!object->contains(key))
            return fail(damaged(what) + QStringLiteral("it has no \"%1\"").arg(key));
    if (auto rules = json::checkRecordRules(*object); !rules)
        return fail(damaged(what) + rules.error());
    return object;
}

Result<QByteArray> canonicalBytes(const QJsonObject &object, const QString &what) {
    if (auto rules = json::checkRecordRules(object); !rules)
        return fail(QCoreApplication::translate("quire::storage", "cannot write %1: %2")
                        .arg(what, rules.error()));
    auto bytes = json::canonicalize(object);
    if (!bytes)
        return fail(QCoreApplication::translate("quire::storage", "cannot write %1: %2")
                        .arg(what, bytes.error()));
    return bytes;
}

// ---- grants ---------------------------------------------------------------------------------

QJsonObject grantObject(const WrappedKey &g) {
    return QJsonObject{{QStringLiteral("epoch"), QJsonValue(qint64(g.epoch))},
                       {QStringLiteral("epk"), b64(g.epk)},
                       {QStringLiteral("wrapped"), b64(g.wrapped)}};
}

QJsonObject unsealedGrantFile(const QString &member, const QString &grantedBy,
                              const QList<WrappedKey> &grants) {
    QJsonArray array;
    for (const WrappedKey &g : grants)
        array.append(grantObject(g));
    return QJsonObject{{QStringLiteral("format"), QLatin1String(kFormat)},
                       {QStringLiteral("member"), member},
                       {QStringLiteral("granted_by"), grantedBy},
                       {QStringLiteral("grants"), array}};
}

// Checks one grant's shape; `problem` receives the first defect.
template <typename Report> void checkGrantShape(const WrappedKey &g, Report problem) {
    if (g.epoch == 0) {
        problem(QStringLiteral("a grant has epoch 0; epochs start at 1"));
        return;
    }
    if (g.wrapped.size() != kWrappedSize) {
        problem(QStringLiteral("the wrapped key of epoch %1 has %2 bytes instead of %3")
                    .arg(g.epoch)
                    .arg(g.wrapped.size())
                    .arg(kWrappedSize));
        return;
    }
    if (!EcKey::fromPublicDer(g.epk))
        problem(
            QStringLiteral("the ephemeral key of epoch %1 is not a P-256 public key").arg(g.epoch));
}

Result<EcKey> certificateKey(const QByteArray &certDer, const QString &whose) {
    auto info = crypto::certificateInfo(certDer);
    if (!info)
        return fail(QCoreApplication::translate("quire::storage", "%1 certificate is unusable: %2")
                        .arg(whose, info.error()));
    auto key = EcKey::fromPublicDer(info->subjectPublicKeyDer);
    if (!key)
        return fail(QCoreApplication::translate("quire::storage", "%1 certificate is unusable: %2")
                        .arg(whose, key.error()));
    return key;
}

// ---- join requests --------------------------------------------------------------------------

// What a certificate's IA5String address fields can hold, as Crypto's issuer demands.
bool isPlainEmail(const QString &email) {
    if (email.isEmpty() || email.size() > 128 || email.count(u'@') != 1 || email.startsWith(u'@') ||
        email.endsWith(u'@'))
        return false;
    return std::all_of(email.cbegin(), email.cend(),
                       [](QChar c) { return c.unicode() > 0x20 && c.unicode() < 0x7f; });
}

QJsonObject joinRequestObject(const JoinRequest &r) {
    return QJsonObject{{QStringLiteral("format"), QLatin1String(kFormat)},
                       {QStringLiteral("type"), QStringLiteral("join_request")},
                       {QStringLiteral("notebook"), r.notebook},
                       {QStringLiteral("genesis"), r.genesis},
                       {QStringLiteral("member"), r.member},
                       {QStringLiteral("device"), r.device},
                       {QStringLiteral("name"), r.name},
                       {QStringLiteral("email"), r.email},
                       {QStringLiteral("csr"), b64(r.csr)},
                       {QStringLiteral("enc_key"), b64(r.encKey)},
                       {QStringLiteral("created_at"), r.createdAt}};
}

const QStringList kJoinRequestKeys = {
    QStringLiteral("format"),  QStringLiteral("type"),      QStringLiteral("notebook"),
    QStringLiteral("genesis"), QStringLiteral("member"),    QStringLiteral("device"),
    QStringLiteral("name"),    QStringLiteral("email"),     QStringLiteral("csr"),
    QStringLiteral("enc_key"), QStringLiteral("created_at")};

// Reads and cross-checks every field; shared by parse (a file from someone else) and make (our
// own struct), which differ only in how a problem is introduced.
Result<JoinRequest> joinRequestFromObject(const QJsonObject &object, const QString &prefix) {
    Reader in(object, prefix);
    JoinRequest r;
    r.notebook = in.uuid(QStringLiteral("notebook"));
    r.genesis = in.sha256Hex(QStringLiteral("genesis"));
    r.member = in.uuid(QStringLiteral("member"));
    r.device = in.uuid(QStringLiteral("device"));
    r.name = in.string(QStringLiteral("name"));
    r.email = in.string(QStringLiteral("email"));
    r.csr = in.base64(QStringLiteral("csr"));
    r.encKey = in.base64(QStringLiteral("enc_key"));
    r.createdAt = in.timestamp(QStringLiteral("created_at"));
    if (!in.ok()) return in.failure();

    // The certificate issued on approval must say exactly what the member record says, and
    // issuing trims names and cuts them at 64 characters: such names are refused here.
    if (r.name != r.name.trimmed() || r.name.toUcs4().size() > 64)
        return fail(prefix + QStringLiteral("the name \"%1\" has white space at its ends or more "
                                            "than 64 characters")
                                 .arg(r.name));
    if (!isPlainEmail(r.email))
        return fail(prefix + QStringLiteral("\"%1\" is not one plain ASCII email address of at "
                                            "most 128 characters")
                                 .arg(r.email));
    auto info = crypto::certificateRequestInfo(r.csr);
    if (!info) return fail(prefix + info.error());
    if (info->commonName != r.name)
        return fail(prefix + QStringLiteral("the name \"%1\" is not the name in its certificate "
                                            "request (\"%2\")")
                                 .arg(r.name, info->commonName));
    if (info->email != r.email)
        return fail(prefix + QStringLiteral("the email address \"%1\" is not the one in its "
                                            "certificate request (\"%2\")")
                                 .arg(r.email, info->email));
    auto encKey = EcKey::fromPublicDer(r.encKey);
    if (!encKey)
        return fail(prefix + QStringLiteral("its encryption key (\"enc_key\") is unusable: ") +
                    encKey.error());
    if (encKey->publicDer() != r.encKey)
        return fail(prefix + QStringLiteral("its encryption key is not written in the standard "
                                            "form (SubjectPublicKeyInfo with an uncompressed "
                                            "point)"));
    // One key for both jobs would let a signature oracle become a decryption oracle.
    if (encKey->publicDer() == info->subjectPublicKeyDer)
        return fail(prefix + QStringLiteral("its encryption key is the same as its signing key; "
                                            "the two must differ"));
    r.signKey = info->subjectPublicKeyDer;
    return r;
}

// ---- invitations ----------------------------------------------------------------------------

const QStringList kInvitationKeys = {
    QStringLiteral("format"),        QStringLiteral("type"),       QStringLiteral("notebook"),
    QStringLiteral("notebook_name"), QStringLiteral("genesis"),    QStringLiteral("ca_sha256"),
    QStringLiteral("remote"),        QStringLiteral("invited_by"), QStringLiteral("created_at")};

QJsonObject invitationObject(const Invitation &i) {
    return QJsonObject{{QStringLiteral("format"), QLatin1String(kFormat)},
                       {QStringLiteral("type"), QStringLiteral("invitation")},
                       {QStringLiteral("notebook"), i.notebook},
                       {QStringLiteral("notebook_name"), i.notebookName},
                       {QStringLiteral("genesis"), i.genesis},
                       {QStringLiteral("ca_sha256"), i.caSha256},
                       {QStringLiteral("remote"), i.remote},
                       {QStringLiteral("invited_by"), i.invitedBy},
                       {QStringLiteral("created_at"), i.createdAt}};
}

Result<Invitation> invitationFromObject(const QJsonObject &object, const QString &prefix) {
    Reader in(object, prefix);
    Invitation i;
    i.notebook = in.uuid(QStringLiteral("notebook"));
    i.notebookName = in.string(QStringLiteral("notebook_name"));
    i.genesis = in.sha256Hex(QStringLiteral("genesis"));
    i.caSha256 = in.sha256Hex(QStringLiteral("ca_sha256"));
    i.remote = in.string(QStringLiteral("remote"));
    i.invitedBy = in.uuid(QStringLiteral("invited_by"));
    i.createdAt = in.timestamp(QStringLiteral("created_at"));
    if (!in.ok()) return in.failure();
    if (auto remote = checkRemoteUrl(i.remote); !remote) return fail(prefix + remote.error());
    return i;
}

constexpr char kBase32[] = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";

} // namespace

// ---- key wrapping ---------------------------------------------------------------------------

Result<crypto::SecureBytes> keyWrapKey(const EcKey &ephemeral, const QByteArray &memberEncSpki) {
    auto member = publishedEncryptionKey(memberEncSpki);
    if (!member) return member.failure();
    auto shared = ephemeral.deriveShared(*member);
    if (!shared) return shared.failure();
    return deriveKek(*shared, ephemeral.publicDer(), memberEncSpki);
}

Result<WrappedKey> wrapNotebookKey(const QString &memberUuid, const QByteArray &memberEncSpki,
                                   quint32 epoch, const QByteArray &notebookKey,
                                   const EcKey &ephemeral) {
    if (!isUuid(memberUuid))
        return fail(QCoreApplication::translate("quire::storage",
                                                "cannot grant a key to \"%1\": not a member uuid")
                        .arg(memberUuid));
    if (epoch == 0)
        return fail(QCoreApplication::translate(
            "quire::storage", "cannot grant a key for epoch 0; epochs start at 1"));
    if (notebookKey.size() != kNotebookKeySize)
        return fail(QCoreApplication::translate("quire::storage",
                                                "the notebook key has %1 bytes instead of %2")
                        .arg(notebookKey.size())
                        .arg(kNotebookKeySize));
    if (!ephemeral.hasPrivate())
        return fail(QCoreApplication::translate("quire::storage",
                                                "wrapping a key needs an ephemeral private key"));
    auto kek = keyWrapKey(ephemeral, memberEncSpki);
    if (!kek) return kek.failure();
    const QByteArray nonce = crypto::randomBytes(kNonceSize);
    const QByteArray sealed =
        crypto::aesGcmSeal(kek->bytes(), nonce, notebookKey, wrapAad(memberUuid, epoch));
    if (sealed.size() != kNotebookKeySize + kTagSize)
        return fail(QCoreApplication::translate(
            "quire::storage", "could not encrypt the notebook key for the member"));
    return WrappedKey{epoch, ephemeral.publicDer(), nonce + sealed};
}

Result<WrappedKey> wrapNotebookKey(const QString &memberUuid, const QByteArray &memberEncSpki,
                                   quint32 epoch, const QByteArray &notebookKey) {
    const EcKey ephemeral = EcKey::generate();
    if (ephemeral.isNull())
        return fail(
            QCoreApplication::translate("quire::storage", "could not make an ephemeral P-256 key"));
    return wrapNotebookKey(memberUuid, memberEncSpki, epoch, notebookKey, ephemeral);
}

Result<crypto::SecureBytes> unwrapNotebookKey(const QString &memberUuid, const EcKey &memberEncKey,
                                              const WrappedKey &grant) {
    if (!isUuid(memberUuid))
        return fail(QCoreApplication::translate(
                        "quire::storage", "cannot open a key grant for \"%1\": not a member uuid")
                        .arg(memberUuid));
    if (!memberEncKey.hasPrivate())
        return fail(QCoreApplication::translate(
            "quire::storage", "opening a key grant needs the member's private encryption "
                              "key, which is not loaded"));
    if (grant.epoch == 0)
        return fail(QCoreApplication::translate(
            "quire::storage", "the key grant is damaged: it has epoch 0; epochs start at 1"));
    if (grant.wrapped.size() != kWrappedSize)
        return fail(QCoreApplication::translate(
                        "quire::storage",
                        "the key grant for epoch %1 is damaged: its wrapped key has %2 "
                        "bytes instead of %3")
                        .arg(grant.epoch)
                        .arg(grant.wrapped.size())
                        .arg(kWrappedSize));
    auto epk = EcKey::fromPublicDer(grant.epk);
    if (!epk)
        return fail(QCoreApplication::translate(
                        "quire::storage",
                        "the key grant for epoch %1 is damaged: its ephemeral key is "
                        "not a valid P-256 public key")
                        .arg(grant.epoch));
    auto shared = memberEncKey.deriveShared(*epk);
    if (!shared) return shared.failure();
    auto kek = deriveKek(*shared, grant.epk, memberEncKey.publicDer());
    if (!kek) return kek.failure();
    auto key = crypto::aesGcmOpen(kek->bytes(), grant.wrapped.left(kNonceSize),
                                  grant.wrapped.mid(kNonceSize), wrapAad(memberUuid, grant.epoch));
    if (!key)
        return fail(QCoreApplication::translate(
                        "quire::storage",
                        "the key grant for epoch %1 does not open with this member's "
                        "encryption key: it was made for another member, epoch or "
                        "key, or it was changed")
                        .arg(grant.epoch));
    SecureBytes out(std::move(*key));
    if (out.size() != kNotebookKeySize)
        return fail(
            QCoreApplication::translate(
                "quire::storage", "the key grant for epoch %1 holds %2 bytes, not a notebook key")
                .arg(grant.epoch)
                .arg(out.size()));
    return out;
}

// ---- grant files ----------------------------------------------------------------------------

Result<QByteArray> makeGrantFile(const QString &memberUuid, const QString &adminUuid,
                                 QList<WrappedKey> grants, const EcKey &adminSignKey,
                                 const QByteArray &adminCertDer) {
    const QString cannot = QStringLiteral("cannot write the key grant file: ");
    if (!isUuid(memberUuid))
        return fail(cannot + QStringLiteral("\"%1\" is not a member uuid").arg(memberUuid));
    if (!isUuid(adminUuid))
        return fail(cannot + QStringLiteral("\"%1\" is not an admin's member uuid").arg(adminUuid));
    if (grants.isEmpty()) return fail(cannot + QStringLiteral("it grants no key"));
    std::sort(grants.begin(), grants.end(),
              [](const WrappedKey &a, const WrappedKey &b) { return a.epoch < b.epoch; });
    QString problem;
    for (qsizetype i = 0; i < grants.size() && problem.isEmpty(); ++i) {
        if (i > 0 && grants[i].epoch == grants[i - 1].epoch)
            problem = QStringLiteral("epoch %1 is granted twice").arg(grants[i].epoch);
        else
            checkGrantShape(grants[i], [&](const QString &p) { problem = p; });
    }
    if (!problem.isEmpty()) return fail(cannot + problem);
    if (!adminSignKey.hasPrivate())
        return fail(cannot + QStringLiteral("sealing needs the admin's private signing key"));
    auto certKey =
        certificateKey(adminCertDer, QCoreApplication::translate("quire::storage", "the admin's"));
    if (!certKey) return fail(cannot + certKey.error());
    if (certKey->publicDer() != adminSignKey.publicDer())
        return fail(cannot + QStringLiteral("the admin's signing key does not belong to the "
                                            "certificate given"));

    QJsonObject object = unsealedGrantFile(memberUuid, adminUuid, grants);
    auto signedBytes = canonicalBytes(object, kGrantWhat);
    if (!signedBytes) return signedBytes.failure();
    const QByteArray signature = adminSignKey.sign(*signedBytes);
    if (signature.isEmpty()) return fail(cannot + QStringLiteral("signing the seal failed"));
    object.insert(QStringLiteral("seal"),
                  QJsonObject{{QStringLiteral("cert"),
                               QString::fromLatin1(crypto::toHex(crypto::sha256(adminCertDer)))},
                              {QStringLiteral("sig"), b64(signature)}});
    return canonicalBytes(object, kGrantWhat);
}

Result<GrantFile> parseGrantFile(const QByteArray &bytes) {
    const QString prefix = damaged(kGrantWhat);
    auto object = readDocument(bytes, kGrantWhat, QString(),
                               {QStringLiteral("format"), QStringLiteral("member"),
                                QStringLiteral("granted_by"), QStringLiteral("grants"),
                                QStringLiteral("seal")});
    if (!object) return object.failure();
    Reader in(*object, prefix);
    GrantFile file;
    file.member = in.uuid(QStringLiteral("member"));
    file.grantedBy = in.uuid(QStringLiteral("granted_by"));
    const QJsonValue grants = in.value(QStringLiteral("grants"));
    const QJsonValue seal = in.value(QStringLiteral("seal"));
    if (!in.ok()) return in.failure();
    if (!grants.isArray()) return fail(prefix + QStringLiteral("\"grants\" must be a list"));
    if (grants.toArray().isEmpty()) return fail(prefix + QStringLiteral("it grants no key"));

    const QStringList grantKeys = {QStringLiteral("epoch"), QStringLiteral("epk"),
                                   QStringLiteral("wrapped")};
    for (const QJsonValue &entry : grants.toArray()) {
        const qsizetype index = file.grants.size();
        if (!entry.isObject())
            return fail(prefix + QStringLiteral("grant %1 is not an object").arg(index + 1));
        const QJsonObject g = entry.toObject();
        for (auto it = g.begin(); it != g.end(); ++it)
            if (!grantKeys.contains(it.key()))
                return fail(prefix + QStringLiteral("grant %1 has a field Quire does not know, "
                                                    "\"%2\"")
                                         .arg(index + 1)
                                         .arg(it.key()));
        Reader grant(g, prefix + QStringLiteral("grant %1: ").arg(index + 1));
        const QJsonValue epoch = grant.value(QStringLiteral("epoch"));
        WrappedKey w;
        w.epk = grant.base64(QStringLiteral("epk"));
        w.wrapped = grant.base64(QStringLiteral("wrapped"));
        if (!grant.ok()) return grant.failure();
        if (!isInteger(epoch) || epoch.toInteger() < 1 || epoch.toInteger() > 0xffffffffLL)
            return fail(prefix + QStringLiteral("grant %1 has an epoch that is not a whole number "
                                                "from 1 to 4294967295")
                                     .arg(index + 1));
        w.epoch = quint32(epoch.toInteger());
        if (!file.grants.isEmpty() && w.epoch <= file.grants.last().epoch)
            return fail(prefix + QStringLiteral("its epochs are not in ascending order without "
                                                "repeats (epoch %1 after %2)")
                                     .arg(w.epoch)
                                     .arg(file.grants.last().epoch));
        QString problem;
        checkGrantShape(w, [&](const QString &p) { problem = p; });
        if (!problem.isEmpty()) return fail(prefix + problem);
        file.grants.append(w);
    }

    if (!seal.isObject()) return fail(prefix + QStringLiteral("\"seal\" must be an object"));
    const QJsonObject sealObject = seal.toObject();
    for (auto it = sealObject.begin(); it != sealObject.end(); ++it)
        if (it.key() != QLatin1String("cert") && it.key() != QLatin1String("sig"))
            return fail(
                prefix +
                QStringLiteral("its seal has a field Quire does not know, \"%1\"").arg(it.key()));
    Reader sealIn(sealObject, prefix + QStringLiteral("its seal: "));
    file.sealCert = sealIn.sha256Hex(QStringLiteral("cert"));
    file.sealSignature = sealIn.base64(QStringLiteral("sig"));
    if (!sealIn.ok()) return sealIn.failure();

    QJsonObject unsealed = *object;
    unsealed.remove(QStringLiteral("seal"));
    auto signedBytes = json::canonicalize(unsealed);
    if (!signedBytes) return fail(prefix + signedBytes.error());
    file.signedBytes = *signedBytes;
    return file;
}

Result<void> verifyGrantSeal(const GrantFile &file, const QByteArray &adminCertDer) {
    if (file.signedBytes.isEmpty() || file.sealSignature.isEmpty())
        return fail(QCoreApplication::translate("quire::storage",
                                                "the key grant file has no seal to check"));
    const QString certHash = QString::fromLatin1(crypto::toHex(crypto::sha256(adminCertDer)));
    if (certHash != file.sealCert)
        return fail(QCoreApplication::translate(
                        "quire::storage",
                        "the key grant file for %1 is sealed by another certificate "
                        "(%2) than the one it was checked against (%3)")
                        .arg(file.member, file.sealCert, certHash));
    auto key = certificateKey(adminCertDer,
                              QCoreApplication::translate("quire::storage", "the sealing admin's"));
    if (!key) return key.failure();
    if (!key->verify(file.signedBytes, file.sealSignature))
        return fail(
            QCoreApplication::translate("quire::storage",
                                        "the seal of the key grant file for %1 does not match its "
                                        "contents: the file was changed after it was sealed")
                .arg(file.member));
    return {};
}

Result<QByteArray> addGrant(const GrantFile &current, const QByteArray &currentSealerCertDer,
                            const WrappedKey &added, const QString &adminUuid,
                            const EcKey &adminSignKey, const QByteArray &adminCertDer) {
    if (auto sealed = verifyGrantSeal(current, currentSealerCertDer); !sealed)
        return fail(QCoreApplication::translate(
                        "quire::storage", "the member's current key grants cannot be extended: ") +
                    sealed.error());
    for (const WrappedKey &g : current.grants)
        if (g.epoch == added.epoch)
            return fail(QCoreApplication::translate("quire::storage",
                                                    "the member already holds a key for epoch %1")
                            .arg(added.epoch));
    return makeGrantFile(current.member, adminUuid, current.grants + QList<WrappedKey>{added},
                         adminSignKey, adminCertDer);
}

// ---- invitations ----------------------------------------------------------------------------

Result<void> checkRemoteUrl(const QString &remote) {
    const QString intro = QStringLiteral("the shared repository's address \"%1\" ").arg(remote);
    if (remote.isEmpty())
        return fail(QCoreApplication::translate("quire::storage",
                                                "the shared repository's address is empty"));
    for (const QChar c : remote)
        if (c.isSpace() || c.category() == QChar::Other_Control)
            return fail(intro + QStringLiteral("contains white space or a control character"));
    if (remote.startsWith(u'-'))
        return fail(intro + QStringLiteral("starts with '-', which git would take as an option"));
    if (remote.startsWith(u'/')) return {}; // a local path (a shared folder): nothing secret in it

    const QString noSecrets = QStringLiteral("An invitation never carries secrets: remove it; the "
                                             "newcomer signs in to the server with their own "
                                             "account.");
    const qsizetype schemeEnd = remote.indexOf(QLatin1String("://"));
    if (schemeEnd > 0) {
        const QString scheme = remote.left(schemeEnd).toLower();
        static const QStringList allowed = {QStringLiteral("https"), QStringLiteral("http"),
                                            QStringLiteral("ssh"), QStringLiteral("git"),
                                            QStringLiteral("file")};
        if (!allowed.contains(scheme))
            return fail(intro + QStringLiteral("uses \"%1\", which Quire does not accept; use "
                                               "https, ssh, git or file")
                                    .arg(scheme));
        // Judge the raw text as well as QUrl's reading of it, so an odd spelling cannot slip
        // a secret past one of them.
        const QString afterScheme = remote.mid(schemeEnd + 3);
        const QString authority = afterScheme.left(afterScheme.indexOf(u'/'));
        const qsizetype at = authority.lastIndexOf(u'@');
        const QString userInfo = at >= 0 ? authority.left(at) : QString();
        const QUrl url(remote, QUrl::StrictMode);
        if (!url.isValid())
            return fail(intro + QStringLiteral("is not a valid URL: ") + url.errorString());
        if (userInfo.contains(u':') || !url.password().isEmpty())
            return fail(intro + QStringLiteral("contains a password. ") + noSecrets);
        // Over http(s) a user name is the inviting admin's account, or an access token
        // written where git looks for one; the newcomer needs neither.
        if ((scheme == QLatin1String("https") || scheme == QLatin1String("http")) &&
            (at >= 0 || !url.userName().isEmpty()))
            return fail(intro + QStringLiteral("contains a user name or token. ") + noSecrets);
        if (url.hasQuery() || url.hasFragment() || remote.contains(u'?') || remote.contains(u'#'))
            return fail(intro +
                        QStringLiteral("has a query or fragment (?… or #…), where access "
                                       "tokens travel. ") +
                        noSecrets);
        if (scheme != QLatin1String("file") && url.host().isEmpty())
            return fail(intro + QStringLiteral("names no server"));
        return {};
    }
    // git's scp-like form, [user@]host:path, applies when a ':' comes before any '/'.
    const qsizetype colon = remote.indexOf(u':');
    const qsizetype slash = remote.indexOf(u'/');
    if (colon > 0 && (slash < 0 || colon < slash)) {
        if (remote.mid(colon + 1).startsWith(u':'))
            return fail(intro + QStringLiteral("uses a git remote helper (\"%1::\"), which Quire "
                                               "does not accept; use https, ssh, git or file")
                                    .arg(remote.left(colon)));
        const qsizetype at = remote.indexOf(u'@');
        if (at > colon) return fail(intro + QStringLiteral("contains a password. ") + noSecrets);
        if (remote.contains(u'?') || remote.contains(u'#'))
            return fail(intro +
                        QStringLiteral("has a query or fragment (?… or #…), where access "
                                       "tokens travel. ") +
                        noSecrets);
        if (colon == at + 1) return fail(intro + QStringLiteral("names no server"));
        return {};
    }
    return fail(intro + QStringLiteral("is neither a URL (https://…, ssh://…), an scp-style "
                                       "address (user@host:path) nor an absolute path"));
}

Result<QByteArray> makeInvitation(const Invitation &invitation) {
    Invitation i = invitation;
    i.notebookName = i.notebookName.normalized(QString::NormalizationForm_C).trimmed();
    if (i.createdAt.isEmpty()) i.createdAt = nowTimestamp();
    const QJsonObject object = invitationObject(i);
    auto checked = invitationFromObject(object, QStringLiteral("cannot write the invitation: "));
    if (!checked) return checked.failure();
    return canonicalBytes(object, kInvitationWhat);
}

Result<Invitation> parseInvitation(const QByteArray &bytes) {
    auto object =
        readDocument(bytes, kInvitationWhat, QStringLiteral("invitation"), kInvitationKeys);
    if (!object) return object.failure();
    return invitationFromObject(*object, damaged(kInvitationWhat));
}

// ---- join requests --------------------------------------------------------------------------

Result<JoinRequest> newJoinRequest(const Invitation &invitation, const QString &name,
                                   const QString &email, const EcKey &signKey,
                                   const EcKey &encKey) {
    JoinRequest r;
    r.notebook = invitation.notebook;
    r.genesis = invitation.genesis;
    r.member = crypto::newUuid();
    r.device = crypto::newUuid();
    r.name = name.normalized(QString::NormalizationForm_C).trimmed();
    r.email = email.normalized(QString::NormalizationForm_C).trimmed();
    auto csr = crypto::makeCertificateRequest(signKey, r.name, r.email);
    if (!csr)
        return fail(
            QCoreApplication::translate("quire::storage", "cannot make the join request: ") +
            csr.error());
    r.csr = *csr;
    r.encKey = encKey.publicDer();
    r.createdAt = nowTimestamp();
    // Through the bytes, so that what is returned is exactly what the admin will read.
    auto bytes = makeJoinRequest(r);
    if (!bytes) return bytes.failure();
    return parseJoinRequest(*bytes);
}

Result<QByteArray> makeJoinRequest(const JoinRequest &request) {
    const QJsonObject object = joinRequestObject(request);
    auto checked = joinRequestFromObject(object, QStringLiteral("cannot write the join request: "));
    if (!checked) return checked.failure();
    return canonicalBytes(object, kJoinRequestWhat);
}

Result<JoinRequest> parseJoinRequest(const QByteArray &bytes) {
    auto object =
        readDocument(bytes, kJoinRequestWhat, QStringLiteral("join_request"), kJoinRequestKeys);
    if (!object) return object.failure();
    return joinRequestFromObject(*object, damaged(kJoinRequestWhat));
}

Result<void> checkRequestAgainstInvitation(const JoinRequest &request,
                                           const Invitation &invitation) {
    if (request.notebook != invitation.notebook)
        return fail(QCoreApplication::translate(
                        "quire::storage", "the join request is for another notebook (%1) than the "
                                          "invitation (%2)")
                        .arg(request.notebook, invitation.notebook));
    if (request.genesis != invitation.genesis)
        return fail(QCoreApplication::translate(
            "quire::storage", "the join request names another first record (genesis) than "
                              "the invitation: it belongs to a different copy of the "
                              "notebook"));
    return {};
}

Result<QString> joinRequestCode(const JoinRequest &request) {
    auto bytes = makeJoinRequest(request);
    if (!bytes) return bytes.failure();
    const QByteArray digest = crypto::sha256(*bytes);
    // 100 bits: 20 base32 characters read out in groups of four.
    QString code;
    for (int i = 0; i < 20; ++i) {
        int value = 0;
        for (int bit = 0; bit < 5; ++bit) {
            const int index = i * 5 + bit;
            value = (value << 1) | ((quint8(digest[index / 8]) >> (7 - index % 8)) & 1);
        }
        if (i > 0 && i % 4 == 0) code += u'-';
        code += QLatin1Char(kBase32[value]);
    }
    return code;
}

Result<QByteArray> issueMemberCertificate(const JoinRequest &request, const EcKey &caKey,
                                          const QByteArray &caCertDer, int years) {
    auto info = crypto::certificateRequestInfo(request.csr);
    if (!info)
        return fail(
            QCoreApplication::translate("quire::storage", "cannot approve the join request: ") +
            info.error());
    if (info->commonName != request.name || info->email != request.email)
        return fail(QCoreApplication::translate(
            "quire::storage", "cannot approve the join request: its name or email address "
                              "differs from its certificate request"));
    return crypto::issueSigningCertificate(caKey, caCertDer, info->subjectPublicKeyDer,
                                           info->commonName, info->email, years);
}

// ---- trust ----------------------------------------------------------------------------------

bool caMatchesFingerprint(const QByteArray &caCertDer, const QString &caSha256Hex) {
    if (caCertDer.isEmpty()) return false;
    QByteArray hex;
    for (const QChar c : caSha256Hex) {
        if (c == u':' || c.isSpace()) continue;
        if (c.unicode() > 0x7f) return false;
        hex += char(c.unicode());
    }
    const QByteArray expected = crypto::fromHex(hex);
    if (expected.size() != 32) return false;
    return crypto::constantTimeEqual(crypto::sha256(caCertDer), expected);
}

Result<void> checkCaAgainstInvitation(const QByteArray &caCertDer, const Invitation &invitation) {
    if (!caMatchesFingerprint(caCertDer, invitation.caSha256))
        return fail(QCoreApplication::translate(
            "quire::storage", "the notebook's certificate authority does not match the "
                              "fingerprint in the invitation: this is not the notebook you "
                              "were invited to, or someone changed it; do not trust it"));
    auto info = crypto::certificateInfo(caCertDer);
    if (!info) return info.failure();
    if (!info->isCa)
        return fail(QCoreApplication::translate(
            "quire::storage", "the notebook's certificate authority is not marked as a "
                              "certificate authority"));
    return crypto::verifyCertificateChain(caCertDer, caCertDer);
}

} // namespace quire::membership
