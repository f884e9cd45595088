// Vault, trusted time (FORMAT.md §4): anchors over the records not yet anchored, anchors judged
// as of their own time, their renewal before an authority's certificate ends (RFC 4998-style),
// and the evidence that lets someone check a signature without Quire. The authorities
// themselves are in TsaTrust.cpp.

#include "vault/VaultImpl.h"

#include "crypto/Cms.h"
#include "crypto/Timestamp.h"
#include "records/CanonicalJson.h"

#include <QCoreApplication>
#include <QJsonDocument>
#include <QSet>

#include <functional>
#include <optional>

namespace quire {

using namespace vaultimpl;

namespace {

// A renewal chain grows by one anchor every few years; the bound only stops a crafted loop.
constexpr int kMaxRenewalDepth = 64;
// One anchor record names its records; this keeps it under ~4 MB. More wait for the next.
constexpr int kMaxLeaves = 50000;

QString utc(const QDateTime &t) {
    return t.isValid() ? t.toUTC().toString(QStringLiteral("yyyy-MM-ddTHH:mm:ss.zzzZ")) : QString();
}

QDateTime fromUtc(const QString &text) {
    QDateTime t = QDateTime::fromString(text, Qt::ISODateWithMs);
    t.setTimeSpec(Qt::UTC);
    return t;
}

QString day(const QDateTime &t) {
    return t.toUTC().toString(QStringLiteral("yyyy-MM-dd HH:mm 'UTC'"));
}

} // namespace

Result<VaultAnchorVerdict> Vault::Impl::anchorVerdict(const QString &anchorId, int depth) {
    if (auto known = anchorVerdicts.constFind(anchorId); known != anchorVerdicts.constEnd())
        return *known;
    auto rec = queryRecords(QStringLiteral("WHERE id=? AND type='anchor'"), {anchorId});
    if (!rec) return rec.failure();
    if (rec->isEmpty())
        return fail(
            QCoreApplication::translate("quire::storage", "there is no anchor %1").arg(anchorId));
    const QJsonObject &b = rec->first().body;
    const QJsonArray leaves = b.value("leaves").toArray();
    VaultAnchorVerdict v;
    v.anchor = anchorId;
    v.tsa = b.value("tsa").toString();
    v.leaves = int(leaves.size());
    const QByteArray token = unb64(b.value("token"));
    if (auto info = timestamp::readToken(token)) v.genTime = utc(info->genTime);
    auto isAnchor = db.cached(QStringLiteral("SELECT 1 FROM anchors WHERE id=?"));
    if (!isAnchor) return isAnchor.failure();
    (*isAnchor)->bind(1, leaves.at(0).toString());
    auto found = (*isAnchor)->next();
    if (!found) return found.failure();
    v.renewal = *found;
    (*isAnchor)->reset();
    auto coverer = db.cached(QStringLiteral("SELECT anchor FROM anchored WHERE record=?"));
    if (!coverer) return coverer.failure();
    (*coverer)->bind(1, anchorId);
    auto covered = (*coverer)->next();
    if (!covered) return covered.failure();
    if (*covered) v.renewedBy = (*coverer)->text(0);
    (*coverer)->reset();

    auto settings = tsaSettings();
    if (!settings) return settings.failure();
    auto verified = timestamp::verifyTokenAtItsTime(
        token, crypto::fromHex(b.value("root").toString().toLatin1()), settings->trustedPem);
    if (settings->trustedPem.isEmpty()) {
        v.problem = QStringLiteral("no time-stamp authority certificate is trusted");
    } else if (!verified) {
        v.problem = verified.error();
    } else {
        for (const auto &c : verified->chain)
            v.chain << VaultChainCertificate{c.subject, c.issuer, utc(c.notBefore),
                                             utc(c.notAfter)};
        v.validUntil = utc(verified->chainNotAfter);
        const QDateTime until = verified->chainNotAfter;
        if (!until.isValid() || QDateTime::currentDateTimeUtc() <= until) {
            v.trusted = true;
            v.how = QStringLiteral("certificate valid now (until %1)").arg(day(until));
        } else if (v.renewedBy.isEmpty() || depth >= kMaxRenewalDepth) {
            v.problem = QStringLiteral("the time-stamp authority's certificate expired on %1 and "
                                       "no later time-stamp renews this anchor")
                            .arg(day(until));
        } else {
            // RFC 4998: the later token, trusted itself, proves this anchor (token included)
            // existed at its time; made before the certificate expired, it keeps the older
            // token's time proven.
            auto later = anchorVerdict(v.renewedBy, depth + 1);
            if (!later) return later.failure();
            if (!later->trusted)
                v.problem = QStringLiteral("the time-stamp authority's certificate expired on %1 "
                                           "and the anchor that renews it is not trusted: %2")
                                .arg(day(until), later->problem);
            else if (fromUtc(later->genTime) > until)
                v.problem = QStringLiteral("the time-stamp authority's certificate expired on %1, "
                                           "before the anchor that renews it was made (%2)")
                                .arg(day(until), later->genTime);
            else {
                v.trusted = true;
                v.how = QStringLiteral("renewed by %1 at %2, before the certificate expired on %3")
                            .arg(v.renewedBy.left(12), later->genTime, day(until));
            }
        }
    }
    anchorVerdicts.insert(anchorId, v);
    return v;
}

Result<bool> Vault::Impl::anchorTrusted(const QString &anchorId) {
    auto v = anchorVerdict(anchorId);
    if (!v) return v.failure();
    return v->trusted;
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

Result<int> Vault::unanchoredCount() {
    auto st = d->db.prepare(QStringLiteral("SELECT count(*) FROM unanchored"));
    if (!st) return st.failure();
    auto row = st->next();
    if (!row) return row.failure();
    return int(st->integer(0));
}

namespace {

// What this vault last learnt of an authority's certificate: when the chain of its newest token
// ends. Kept per URL, so that an authority known to be near its end is asked last, and not at
// all for a renewal.
QString expiryKey(const QString &url) {
    return QStringLiteral("tsa_valid_until:") + url;
}

} // namespace

Result<AnchorOutcome> Vault::anchorPending(int timeoutMs, AnchorRenewal renewal) {
    auto settings = d->tsaSettings();
    if (!settings) return settings.failure();
    if (settings->urls.isEmpty())
        return fail(QCoreApplication::translate(
            "quire::storage", "no time-stamp authority is set (quire-cli tsa trust --url URL "
                              "--cert CERT.pem, or Settings in the app)"));
    if (settings->trustedPem.isEmpty())
        return fail(QCoreApplication::translate(
            "quire::storage", "no time-stamp authority certificate is trusted yet"));
    auto trust = d->tsaTrust();
    if (!trust) return trust.failure();
    const QDateTime now = QDateTime::currentDateTimeUtc();
    const QDateTime renewBy = now.addDays(trust->renewBeforeDays);

    // Asks the authorities in `urls`, in order, for a token over the leaves' root and appends the
    // anchor from the first one that answers with a token `acceptable` says nothing against.
    auto stampLeaves =
        [this, timeoutMs](const QJsonArray &leaves, const QStringList &urls,
                          const QByteArray &trustedPem,
                          const std::function<QString(const timestamp::TokenInfo &)> &acceptable,
                          QStringList &failures) -> Result<std::optional<AnchorOutcome>> {
        QList<QByteArray> raw;
        raw.reserve(leaves.size());
        for (const auto &leaf : leaves)
            raw << crypto::fromHex(leaf.toString().toLatin1());
        const QByteArray root = timestamp::merkleRoot(raw);
        for (const auto &url : urls) {
            auto token = timestamp::requestToken(url, root, trustedPem, timeoutMs);
            if (!token) {
                failures << QStringLiteral("%1: %2").arg(url, token.error());
                continue;
            }
            auto info = timestamp::verifyTokenAtItsTime(*token, root, trustedPem);
            if (!info) {
                failures << QStringLiteral("%1: %2").arg(url, info.error());
                continue;
            }
            if (auto r = d->setSyncState(expiryKey(url), utc(info->chainNotAfter)); !r)
                return r.failure();
            if (const QString why = acceptable ? acceptable(*info) : QString(); !why.isEmpty()) {
                failures << QStringLiteral("%1: %2").arg(url, why);
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
            AnchorOutcome out;
            out.records = int(leaves.size());
            out.anchor = stored->id;
            out.tsa = url;
            out.genTime = utc(info->genTime);
            return std::optional<AnchorOutcome>(out);
        }
        return std::optional<AnchorOutcome>{};
    };

    // An authority whose certificate is known to end within the renewal margin is asked last:
    // its tokens would need renewing at once.
    QStringList fresh, nearEnd;
    for (const auto &url : settings->urls) {
        auto until = d->syncState(expiryKey(url));
        if (!until) return until.failure();
        if (until->isEmpty()) {
            // Not asked from here yet: what the newest anchor from there says, if there is one.
            auto st = d->db.cached(QStringLiteral(
                "SELECT r.envelope FROM anchors a JOIN records r ON r.id = a.id WHERE a.tsa=? "
                "ORDER BY a.gen_time DESC LIMIT 1"));
            if (!st) return st.failure();
            (*st)->bind(1, url);
            auto row = (*st)->next();
            if (!row) return row.failure();
            if (*row) {
                const QJsonObject record =
                    QJsonDocument::fromJson((*st)->blob(0)).object().value("record").toObject();
                auto info =
                    timestamp::readToken(unb64(record.value("body").toObject().value("token")));
                if (info && !info->tsaCertDer.isEmpty())
                    if (auto cert = timestamp::describeCertificate(info->tsaCertDer))
                        *until = utc(cert->notAfter);
            }
            (*st)->reset();
        }
        (!until->isEmpty() && fromUtc(*until) < renewBy ? nearEnd : fresh) << url;
    }

    auto st = d->db.prepare(
        QStringLiteral("SELECT r.id FROM unanchored u JOIN records r ON r.rowid = u.rowid ORDER BY "
                       "u.rowid LIMIT ?"));
    if (!st) return st.failure();
    st->bind(1, kMaxLeaves);
    QJsonArray leaves;
    while (true) {
        auto row = st->next();
        if (!row) return row.failure();
        if (!*row) break;
        leaves.append(st->text(0));
    }
    AnchorOutcome out;
    if (!leaves.isEmpty()) {
        auto stamped = stampLeaves(leaves, fresh + nearEnd, settings->trustedPem, {}, out.failures);
        if (!stamped) return stamped.failure();
        if (!*stamped)
            return fail(
                QCoreApplication::translate("quire::storage",
                                            "no time-stamp authority answered; %1 records wait for "
                                            "the next chance:\n%2")
                    .arg(leaves.size())
                    .arg(out.failures.join('\n')));
        const QStringList failures = out.failures;
        out = **stamped;
        out.failures = failures;
        // Now known to end within the margin, it renews nothing in this run either.
        const QString used = out.tsa;
        if (fresh.contains(used))
            if (auto until = d->syncState(expiryKey(used));
                until && !until->isEmpty() && fromUtc(*until) < renewBy) {
                fresh.removeAll(used);
                nearEnd.prepend(used);
            }
    }
    if (renewal == AnchorRenewal::Never) return out;

    // Renewal (FORMAT.md §4): the anchors no later anchor covers yet, re-stamped together.
    // Only a trusted one is worth it: a renewal proves a token existed, not that it was good.
    const QStringList ask = renewal == AnchorRenewal::Now ? fresh + nearEnd : fresh;
    if (ask.isEmpty()) return out; // every authority ends within the margin: nothing gains
    auto heads = d->db.prepare(QStringLiteral(
        "SELECT a.id FROM anchors a WHERE NOT EXISTS (SELECT 1 FROM anchored x WHERE x.record = "
        "a.id) ORDER BY a.gen_time, a.id LIMIT ?"));
    if (!heads) return heads.failure();
    heads->bind(1, kMaxLeaves);
    auto headIds = heads->collect([](const Statement &row) { return row.text(0); });
    if (!headIds) return headIds.failure();
    QJsonArray due;
    QDateTime soonest;
    for (const auto &id : *headIds) {
        // Each sync asks; what was found lasting before is not judged again (a token check each).
        const QString cacheKey = QStringLiteral("anchor_valid_until:") + id;
        if (renewal == AnchorRenewal::WhenDue) {
            auto cached = d->syncState(cacheKey);
            if (!cached) return cached.failure();
            if (!cached->isEmpty() && fromUtc(*cached) >= renewBy) continue;
        }
        auto v = d->anchorVerdict(id);
        if (!v) return v.failure();
        if (!v->trusted) continue;
        if (auto r = d->setSyncState(cacheKey, v->validUntil); !r) return r.failure();
        const QDateTime until = fromUtc(v->validUntil);
        if (renewal == AnchorRenewal::WhenDue && (!until.isValid() || until >= renewBy)) continue;
        due.append(id);
        if (until.isValid() && (!soonest.isValid() || until < soonest)) soonest = until;
    }
    if (due.isEmpty()) return out;
    QStringList failures;
    auto acceptable = [&](const timestamp::TokenInfo &info) -> QString {
        if (renewal == AnchorRenewal::WhenDue && info.chainNotAfter.isValid() &&
            info.chainNotAfter < renewBy)
            return QStringLiteral("its certificate also ends within %1 days (on %2), so it "
                                  "cannot renew anchors")
                .arg(trust->renewBeforeDays)
                .arg(day(info.chainNotAfter));
        return {};
    };
    auto renewed = stampLeaves(due, ask, settings->trustedPem, acceptable, failures);
    if (!renewed) return renewed.failure();
    if (!*renewed) {
        out.renewalProblem =
            QStringLiteral("%1 anchors are due for renewal (the earliest certificate ends on %2) "
                           "and no time-stamp authority renewed them:\n%3")
                .arg(due.size())
                .arg(day(soonest), failures.join('\n'));
        return out;
    }
    // The renewed anchors' verdicts name their renewal from now on.
    d->anchorVerdicts.clear();
    out.renewed = (*renewed)->records;
    out.renewalAnchor = (*renewed)->anchor;
    out.renewalTsa = (*renewed)->tsa;
    out.renewalGenTime = (*renewed)->genTime;
    return out;
}

Result<std::optional<VaultAnchorTime>> Vault::anchorTime(const QString &record) {
    return d->anchorTime(record);
}

Result<VaultAnchorVerdict> Vault::anchorVerdict(const QString &anchor) {
    return d->anchorVerdict(anchor);
}

Result<QList<VaultAnchorVerdict>> Vault::anchorChain(const QString &record) {
    QList<VaultAnchorVerdict> chain;
    auto st = d->db.cached(QStringLiteral("SELECT anchor FROM anchored WHERE record=?"));
    if (!st) return st.failure();
    QString current = record;
    QSet<QString> seen{record};
    while (chain.size() < kMaxRenewalDepth) {
        (*st)->bind(1, current);
        auto row = (*st)->next();
        if (!row) return row.failure();
        const QString anchor = *row ? (*st)->text(0) : QString();
        (*st)->reset();
        if (anchor.isEmpty() || seen.contains(anchor)) break;
        seen.insert(anchor);
        auto v = d->anchorVerdict(anchor);
        if (!v) return v.failure();
        chain << *v;
        current = anchor;
    }
    return chain;
}

Result<QList<VaultAnchorVerdict>> Vault::anchors() {
    auto st = d->db.prepare(QStringLiteral("SELECT id FROM anchors ORDER BY gen_time, id"));
    if (!st) return st.failure();
    auto ids = st->collect([](const Statement &row) { return row.text(0); });
    if (!ids) return ids.failure();
    QList<VaultAnchorVerdict> out;
    for (const auto &id : *ids) {
        auto v = d->anchorVerdict(id);
        if (!v) return v.failure();
        out << *v;
    }
    return out;
}

namespace {

// FORMAT.md §4 merkle-path.json: canonical and holding nothing else, so that a checker can
// rebuild it byte for byte from the values it uses: no byte of it can change unnoticed.
Result<QByteArray> merklePathJson(const QJsonObject &anchorBody, const QString &leafId) {
    QList<QByteArray> raw;
    int index = -1;
    const QJsonArray leaves = anchorBody.value("leaves").toArray();
    for (qsizetype i = 0; i < leaves.size(); ++i) {
        if (leaves.at(i).toString() == leafId) index = int(i);
        raw << crypto::fromHex(leaves.at(i).toString().toLatin1());
    }
    if (index < 0)
        return fail(QCoreApplication::translate("quire::storage", "the anchor does not name %1")
                        .arg(leafId));
    QJsonArray path;
    for (const auto &step : timestamp::merklePath(raw, index))
        path.append(QJsonObject{{"side", step.siblingOnLeft ? "left" : "right"},
                                {"hash", hex(step.sibling)}});
    return json::canonicalize(QJsonObject{
        {"record", leafId}, {"root", anchorBody.value("root").toString()}, {"path", path}});
}

} // namespace

Result<QList<QPair<QString, QByteArray>>> Vault::signatureEvidence(const QString &signatureId) {
    auto recs = d->queryRecords(QStringLiteral("WHERE id=? AND type='signature'"), {signatureId});
    if (!recs) return recs.failure();
    if (recs->isEmpty())
        return fail(QCoreApplication::translate("quire::storage", "there is no signature %1")
                        .arg(signatureId));
    const StoredRecord &r = recs->first();
    const VaultSignature sig = d->checkSignature(r);
    if (!sig.valid)
        return fail(
            QCoreApplication::translate("quire::storage", "the signature does not verify: %1")
                .arg(sig.problem));
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
    // The time goes in only when this vault trusts it, as of its own time and through its
    // renewals: the evidence names the certificates to check it with.
    auto chain = anchorChain(r.id);
    if (!chain) return chain.failure();
    if (!chain->isEmpty() && chain->first().trusted) {
        QString leaf = r.id;
        for (qsizetype level = 0; level < chain->size(); ++level) {
            const VaultAnchorVerdict &v = chain->at(level);
            // A renewal that is not trusted itself adds nothing a checker could rely on.
            if (level > 0 && !v.trusted) break;
            auto anchorRec = d->queryRecords(QStringLiteral("WHERE id=?"), {v.anchor});
            if (!anchorRec) return anchorRec.failure();
            if (anchorRec->isEmpty())
                return fail(
                    QCoreApplication::translate("quire::storage", "the anchor record is missing"));
            const QJsonObject &b = anchorRec->first().body;
            auto proof = merklePathJson(b, leaf);
            if (!proof) return proof.failure();
            if (level == 0) {
                files << qMakePair(QStringLiteral("timestamp.tsr"), unb64(b.value("token")));
                files << qMakePair(QStringLiteral("merkle-path.json"), *proof);
            } else {
                // The anchor renewed: its record (whose SHA-256 is the leaf) carries the
                // earlier token, so the later token's time covers that token too.
                auto renewedRec = d->queryRecords(QStringLiteral("WHERE id=?"), {leaf});
                if (!renewedRec) return renewedRec.failure();
                if (renewedRec->isEmpty())
                    return fail(QCoreApplication::translate(
                        "quire::storage", "the renewed anchor record is missing"));
                auto renewedEnvelope = json::parseObject(renewedRec->first().envelope);
                if (!renewedEnvelope) return renewedEnvelope.failure();
                auto renewedBytes = json::canonicalize(renewedEnvelope->value("record"));
                if (!renewedBytes) return renewedBytes.failure();
                const QString n = QString::number(level);
                files << qMakePair(QStringLiteral("anchor-%1.json").arg(n), *renewedBytes);
                files << qMakePair(QStringLiteral("renewal-%1.tsr").arg(n),
                                   unb64(b.value("token")));
                files << qMakePair(QStringLiteral("renewal-%1-path.json").arg(n), *proof);
            }
            leaf = v.anchor;
        }
        auto settings = d->tsaSettings();
        if (!settings) return settings.failure();
        files << qMakePair(QStringLiteral("tsa-ca.pem"), settings->trustedPem);
    }
    return files;
}

} // namespace quire
