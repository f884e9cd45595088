#include "records/Record.h"

#include "records/CanonicalJson.h"

#include <QCoreApplication>
#include <QRegularExpression>

namespace quire::records {

const QSet<QString> kRecordTypes{"notebook",   "member",     "experiment",     "entry",
                                 "attachment", "signature",  "comment",        "anchor",
                                 "audit",      "instrument", "set_aside",      "device",
                                 "tsa_trust",  "template",   "template_policy"};

bool isUuid(const QString &s) {
    static const QRegularExpression re(
        QStringLiteral("^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$"));
    return re.match(s).hasMatch();
}

bool isRecordId(const QString &s) {
    static const QRegularExpression re(QStringLiteral("^[0-9a-f]{64}$"));
    return re.match(s).hasMatch();
}

Result<Sealed> seal(const QJsonObject &record, const crypto::EcKey &key,
                    const QString &certSha256) {
    if (auto rules = json::checkRecordRules(record); !rules)
        return fail(
            QCoreApplication::translate("quire::storage", "the record breaks the format rules: %1")
                .arg(rules.error()));
    auto canonical = json::canonicalize(record);
    if (!canonical) return canonical.failure();
    const QByteArray signature = key.sign(*canonical);
    // The envelope's canonical form is its two members in key order, so the record's
    // canonical bytes are spliced in rather than canonicalised a second time.
    auto sealBytes = json::canonicalize(
        QJsonObject{{"cert", certSha256}, {"sig", QString::fromLatin1(signature.toBase64())}});
    if (!sealBytes) return sealBytes.failure();
    const QByteArray envelopeBytes =
        QByteArray("{\"record\":") + *canonical + QByteArray(",\"seal\":") + *sealBytes + '}';
    return Sealed{QString::fromLatin1(crypto::toHex(crypto::sha256(*canonical))), envelopeBytes};
}

} // namespace quire::records
