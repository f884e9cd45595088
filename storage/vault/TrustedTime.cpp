// Vault, trusted time (FORMAT.md §4): time-stamp authorities, anchors over the records not
// yet anchored, and the evidence that lets someone check a signature without Quire.

#include "vault/VaultImpl.h"

#include "crypto/Cms.h"
#include "crypto/Timestamp.h"
#include "records/CanonicalJson.h"

#include <QUrl>

#include <optional>

namespace quire {

using namespace vaultimpl;

Result<TsaSettings> Vault::Impl::tsaSettings() {
    TsaSettings t;
    auto urls = syncState(QStringLiteral("tsa_urls"));
    if (!urls) return urls.failure();
    t.urls = urls->split('\n', Qt::SkipEmptyParts);
    auto trust = syncState(QStringLiteral("tsa_trust"));
    if (!trust) return trust.failure();
    t.trustedPem = trust->toUtf8();
    return t;
}

Result<bool> Vault::Impl::anchorTrusted(const QString &anchorId) {
    if (auto known = anchorTrust.constFind(anchorId); known != anchorTrust.constEnd())
        return *known;
    auto settings = tsaSettings();
    if (!settings) return settings.failure();
    auto rec = queryRecords(QStringLiteral("WHERE id=?"), {anchorId});
    if (!rec) return rec.failure();
    if (rec->isEmpty()) return fail(QStringLiteral("there is no anchor %1").arg(anchorId));
    const QJsonObject &b = rec->first().body;
    const bool trusted =
        !settings->trustedPem.isEmpty() &&
        timestamp::verifyToken(unb64(b.value("token")),
                               crypto::fromHex(b.value("root").toString().toLatin1()),
                               settings->trustedPem)
            .ok();
    anchorTrust.insert(anchorId, trusted);
    return trusted;
}

Result<std::optional<VaultAnchorTime>> Vault::Impl::anchorTime(const QString &record) {
    auto st = db.cached(QStringLiteral("SELECT a.id, a.gen_time, a.tsa FROM anchored x JOIN "
                                       "anchors a ON a.id = x.anchor WHERE x.record=?"));
    if (!st) return st.failure();
    (*st)->bind(1, record);
    auto row = (*st)->next();
    if (!row) return row.failure();
    if (!*row) {
        (*st)->reset();
        return std::optional<VaultAnchorTime>{};
    }
    VaultAnchorTime t{(*st)->text(0), (*st)->text(1), (*st)->text(2), false};
    (*st)->reset();
    auto trusted = anchorTrusted(t.anchor);
    if (!trusted) return trusted.failure();
    t.trusted = *trusted;
    return std::optional<VaultAnchorTime>(t);
}

// ---- trusted time (FORMAT.md §4) ---------------------------------------------------------

Result<TsaSettings> Vault::tsaSettings() {
    return d->tsaSettings();
}

Result<void> Vault::setTsaSettings(const TsaSettings &settings) {
    for (const auto &url : settings.urls) {
        const QUrl u(url);
        if (!u.isValid() || (u.scheme() != "http" && u.scheme() != "https") || u.host().isEmpty())
            return fail(QStringLiteral("“%1” is not an http or https address").arg(url));
    }
    if (!settings.trustedPem.isEmpty() &&
        !settings.trustedPem.contains("-----BEGIN CERTIFICATE-----"))
        return fail(QStringLiteral("the trusted time-stamp certificates must be PEM certificates"));
    Transaction tx(d->db);
    if (!tx.started()) return tx.started().failure();
    if (auto r = d->setSyncState(QStringLiteral("tsa_urls"), settings.urls.join('\n')); !r)
        return r;
    if (auto r =
            d->setSyncState(QStringLiteral("tsa_trust"), QString::fromUtf8(settings.trustedPem));
        !r)
        return r;
    if (auto r = tx.commit(); !r) return r;
    d->anchorTrust.clear();
    return audit("settings_changed",
                 QJsonObject{{"setting", "time-stamp authorities"},
                             {"urls", toJsonArray(settings.urls)},
                             {"trusted_sha256", hex(crypto::sha256(settings.trustedPem))}});
}

Result<int> Vault::unanchoredCount() {
    auto st = d->db.prepare(QStringLiteral("SELECT count(*) FROM unanchored"));
    if (!st) return st.failure();
    auto row = st->next();
    if (!row) return row.failure();
    return int(st->integer(0));
}

Result<AnchorOutcome> Vault::anchorPending(int timeoutMs) {
    // One anchor record names its records; this keeps it under ~4 MB. More wait for the next.
    constexpr int kMaxLeaves = 50000;
    auto settings = d->tsaSettings();
    if (!settings) return settings.failure();
    if (settings->urls.isEmpty())
        return fail(QStringLiteral("no time-stamp authority is set (quire-cli tsa set URL "
                                   "--trust CERT.pem, or Settings in the app)"));
    if (settings->trustedPem.isEmpty())
        return fail(QStringLiteral("no time-stamp authority certificate is trusted yet"));
    auto st = d->db.prepare(
        QStringLiteral("SELECT r.id FROM unanchored u JOIN records r ON r.rowid = u.rowid ORDER BY "
                       "u.rowid LIMIT ?"));
    if (!st) return st.failure();
    st->bind(1, kMaxLeaves);
    QJsonArray leaves;
    QList<QByteArray> raw;
    while (true) {
        auto row = st->next();
        if (!row) return row.failure();
        if (!*row) break;
        leaves.append(st->text(0));
        raw << crypto::fromHex(st->text(0).toLatin1());
    }
    AnchorOutcome out;
    if (raw.isEmpty()) return out;
    const QByteArray root = timestamp::merkleRoot(raw);
    for (const auto &url : settings->urls) {
        auto token = timestamp::requestToken(url, root, settings->trustedPem, timeoutMs);
        if (!token) {
            out.failures << QStringLiteral("%1: %2").arg(url, token.error());
            continue;
        }
        auto info = timestamp::readToken(*token);
        if (!info) {
            out.failures << QStringLiteral("%1: %2").arg(url, info.error());
            continue;
        }
        auto stored = appendOne(RecordDraft{
            "anchor",
            crypto::newUuid(),
            {},
            QJsonObject{
                {"leaves", leaves}, {"root", hex(root)}, {"tsa", url}, {"token", b64(*token)}},
            {}});
        if (!stored) return stored.failure();
        d->anchorTrust.insert(stored->id, true);
        out.records = int(raw.size());
        out.anchor = stored->id;
        out.tsa = url;
        out.genTime = info->genTime.toUTC().toString(Qt::ISODateWithMs);
        return out;
    }
    return fail(QStringLiteral("no time-stamp authority answered; %1 records wait for the next "
                               "chance:\n%2")
                    .arg(raw.size())
                    .arg(out.failures.join('\n')));
}

Result<std::optional<VaultAnchorTime>> Vault::anchorTime(const QString &record) {
    return d->anchorTime(record);
}

Result<QList<QPair<QString, QByteArray>>> Vault::signatureEvidence(const QString &signatureId) {
    auto recs = d->queryRecords(QStringLiteral("WHERE id=? AND type='signature'"), {signatureId});
    if (!recs) return recs.failure();
    if (recs->isEmpty()) return fail(QStringLiteral("there is no signature %1").arg(signatureId));
    const StoredRecord &r = recs->first();
    const VaultSignature sig = d->checkSignature(r);
    if (!sig.valid)
        return fail(QStringLiteral("the signature does not verify: %1").arg(sig.problem));
    auto cmsInfo = cms::read(sig.cms);
    if (!cmsInfo) return cmsInfo.failure();
    auto envelope = json::parseObject(r.envelope);
    if (!envelope) return envelope.failure();
    auto recordBytes = json::canonicalize(envelope->value("record"));
    if (!recordBytes) return recordBytes.failure();
    QList<QPair<QString, QByteArray>> files{
        {QStringLiteral("statement.json"), sig.statement},
        {QStringLiteral("signature.der"), sig.cms},
        {QStringLiteral("ca.pem"), crypto::certificatePem(d->caCert)},
        {QStringLiteral("signer.pem"), crypto::certificatePem(cmsInfo->certDer)},
        {QStringLiteral("record.json"), *recordBytes},
    };
    auto anchored = d->anchorTime(r.id);
    if (!anchored) return anchored.failure();
    // The time goes in only when this vault trusts the authority that gave it: the evidence
    // names the certificates to check it with.
    if (*anchored && (*anchored)->trusted) {
        auto anchorRec = d->queryRecords(QStringLiteral("WHERE id=?"), {(*anchored)->anchor});
        if (!anchorRec) return anchorRec.failure();
        if (anchorRec->isEmpty()) return fail(QStringLiteral("the anchor record is missing"));
        const QJsonObject &b = anchorRec->first().body;
        QList<QByteArray> raw;
        int index = -1;
        const QJsonArray leaves = b.value("leaves").toArray();
        for (qsizetype i = 0; i < leaves.size(); ++i) {
            if (leaves.at(i).toString() == r.id) index = int(i);
            raw << crypto::fromHex(leaves.at(i).toString().toLatin1());
        }
        if (index < 0) return fail(QStringLiteral("the anchor does not name this signature"));
        QJsonArray path;
        for (const auto &step : timestamp::merklePath(raw, index))
            path.append(QJsonObject{{"side", step.siblingOnLeft ? "left" : "right"},
                                    {"hash", hex(step.sibling)}});
        // Canonical and holding nothing else, so that a checker can rebuild it byte for byte
        // from the values it uses: no byte of it can change unnoticed.
        auto proof = json::canonicalize(
            QJsonObject{{"record", r.id}, {"root", b.value("root").toString()}, {"path", path}});
        if (!proof) return proof.failure();
        files << qMakePair(QStringLiteral("timestamp.tsr"), unb64(b.value("token")));
        files << qMakePair(QStringLiteral("merkle-path.json"), *proof);
        auto settings = d->tsaSettings();
        if (!settings) return settings.failure();
        files << qMakePair(QStringLiteral("tsa-ca.pem"), settings->trustedPem);
    }
    return files;
}

} // namespace quire
