// Vault, electronic signatures (FORMAT.md §3): signing, and checking a signature against
// its statement, its certificate and the rules of who may sign what.

#include "vault/VaultImpl.h"

#include "crypto/Cms.h"
#include "records/WriteRules.h"

#include <QCoreApplication>
#include <QJsonDocument>

namespace quire {

using namespace vaultimpl;

Vault::Impl::MemberAt Vault::Impl::memberAt(const QString &uuid, const QString &time) {
    MemberAt m;
    auto fill = [&m](const QJsonObject &b) {
        m.known = true;
        m.name = b.value("name").toString();
        m.roles = toStringList(b.value("roles"));
        m.status = b.value("status").toString();
        m.signCert = unb64(b.value("sign_cert"));
    };
    auto st = db.cached(QStringLiteral(
        "SELECT envelope FROM records WHERE type='member' AND object=? AND recorded_at<=? "
        "ORDER BY recorded_at DESC, version DESC LIMIT 1"));
    if (st) {
        (*st)->bind(1, uuid).bind(2, time);
        auto row = (*st)->next();
        if (row && *row) {
            fill(QJsonDocument::fromJson((*st)->blob(0))
                     .object()
                     .value("record")
                     .toObject()
                     .value("body")
                     .toObject());
        }
        (*st)->reset();
        if (m.known) return m;
    }
    auto genesis = db.cached(
        QStringLiteral("SELECT author, envelope FROM records WHERE type='notebook' LIMIT 1"));
    if (genesis) {
        auto row = (*genesis)->next();
        if (row && *row && (*genesis)->text(0) == uuid)
            fill(QJsonDocument::fromJson((*genesis)->blob(1))
                     .object()
                     .value("record")
                     .toObject()
                     .value("body")
                     .toObject()
                     .value("founder")
                     .toObject());
        (*genesis)->reset();
    }
    if (m.known) return m; // the founder, as the genesis admitted them
    // Another device's clock may run behind the admin's: a record the member wrote
    // "before" the member record that admitted them is judged by that first member record.
    auto first = db.cached(QStringLiteral(
        "SELECT envelope FROM records WHERE type='member' AND object=? ORDER BY version "
        "LIMIT 1"));
    if (first) {
        (*first)->bind(1, uuid);
        auto row = (*first)->next();
        if (row && *row)
            fill(QJsonDocument::fromJson((*first)->blob(0))
                     .object()
                     .value("record")
                     .toObject()
                     .value("body")
                     .toObject());
        (*first)->reset();
    }
    return m;
}

Vault::Impl::TargetInfo Vault::Impl::targetInfo(const QString &id) {
    TargetInfo t;
    auto st = db.cached(
        QStringLiteral("SELECT type, object, author, version, envelope FROM records WHERE id=?"));
    if (!st) return t;
    (*st)->bind(1, id);
    auto row = (*st)->next();
    if (row && *row) {
        t.found = true;
        t.type = (*st)->text(0);
        t.object = (*st)->text(1);
        t.author = (*st)->text(2);
        t.version = int((*st)->integer(3));
        t.status = QJsonDocument::fromJson((*st)->blob(4))
                       .object()
                       .value("record")
                       .toObject()
                       .value("body")
                       .toObject()
                       .value("status")
                       .toString();
        if (t.type == "comment" || t.type == "signature")
            t.target = QJsonDocument::fromJson((*st)->blob(4))
                           .object()
                           .value("record")
                           .toObject()
                           .value("body")
                           .toObject()
                           .value("target")
                           .toString();
    }
    (*st)->reset();
    return t;
}

QString Vault::Impl::signatureRuleProblem(const QString &signer, const QString &meaning,
                                          const QString &target, const QString &time,
                                          bool *missingTarget) {
    return records::signatureRuleProblem(
        signer, meaning, target, [&] { return targetInfo(target); },
        [&] { return memberAt(signer, time); }, missingTarget);
}

VaultSignature Vault::Impl::checkSignature(const StoredRecord &r) {
    return checkSignature(r.id, r.author, r.recordedAt, r.body,
                          QJsonDocument::fromJson(r.envelope)
                              .object()
                              .value("seal")
                              .toObject()
                              .value("cert")
                              .toString());
}

VaultSignature Vault::Impl::checkSignature(const QString &id, const QString &author,
                                           const QString &recordedAt, const QJsonObject &b,
                                           const QString &sealCert) {
    VaultSignature s;
    s.id = id;
    s.target = b.value("target").toString();
    s.meaning = b.value("meaning").toString();
    s.signer = author;
    s.printedName = b.value("printed_name").toString();
    s.signedAt = b.value("signed_at").toString();
    s.cms = unb64(b.value("cms"));
    const TargetInfo t = targetInfo(s.target);
    s.targetObject = t.object;
    s.targetVersion = t.version;
    auto statement = records::statementBytes(b, author);
    if (!statement) {
        s.problem = statement.error();
        return s;
    }
    s.statement = *statement;
    auto verified = cms::verifyDetached(s.cms, s.statement, caCert);
    if (!verified)
        s.problem = verified.error();
    else if (hex(crypto::sha256(verified->certDer)) != sealCert)
        s.problem = QStringLiteral("the signature was made with another certificate than the "
                                   "one that sealed its record");
    else
        s.valid = true;
    const QString rule = signatureRuleProblem(author, s.meaning, s.target, recordedAt);
    s.allowed = rule.isEmpty();
    if (!s.allowed) s.problem = s.problem.isEmpty() ? rule : s.problem + "; " + rule;
    if (s.allowed && s.valid) {
        const MemberAt m = memberAt(author, recordedAt);
        if (s.printedName != m.name) {
            s.allowed = false;
            s.problem = QStringLiteral("the printed name “%1” is not the signer's name “%2”")
                            .arg(s.printedName, m.name);
        }
    }
    return s;
}

// ---- electronic signatures (FORMAT.md §3) ------------------------------------------------

Result<QString> Vault::signingProblem(const QString &target, const QString &meaning) {
    if (d->joining)
        return QStringLiteral("this notebook is waiting for an admin to approve your join request");
    const QString rule = d->signatureRuleProblem(d->memberUuid, meaning, target, nowUtc());
    if (!rule.isEmpty()) return rule;
    auto dup = d->db.cached(QStringLiteral(
        "SELECT signed_at FROM signatures WHERE target=? AND signer=? AND meaning=?"));
    if (!dup) return dup.failure();
    (*dup)->bind(1, target).bind(2, d->memberUuid).bind(3, meaning);
    auto row = (*dup)->next();
    if (!row) return row.failure();
    const QString before = *row ? (*dup)->text(0) : QString();
    (*dup)->reset();
    if (!before.isEmpty())
        return QStringLiteral("you already signed this version as %1 (%2)").arg(meaning, before);
    return QString();
}

Result<VaultSignature> Vault::sign(const QString &target, const QString &meaning) {
    auto problem = signingProblem(target, meaning);
    if (!problem) return problem.failure();
    if (!problem->isEmpty()) return fail(*problem);
    auto me = member(d->memberUuid);
    if (!me) return me.failure();
    const QJsonObject statementFields{{"target", target},
                                      {"meaning", meaning},
                                      {"printed_name", me->name},
                                      {"signed_at", nowUtc()}};
    auto statement = records::statementBytes(statementFields, d->memberUuid);
    if (!statement) return statement.failure();
    auto cmsDer = cms::signDetached(d->signKey, me->signCert, *statement);
    if (!cmsDer) return cmsDer.failure();
    QJsonObject body = statementFields;
    body.insert("cms", b64(*cmsDer));
    auto stored = appendOne(RecordDraft{"signature", crypto::newUuid(), {}, body, {}});
    if (!stored) return stored.failure();
    return d->checkSignature(*stored);
}

Result<QList<VaultSignature>> Vault::signaturesOf(const QString &object) {
    auto recs = d->queryRecords(QStringLiteral("WHERE id IN (SELECT id FROM signatures WHERE "
                                               "target_object=?) ORDER BY rowid"),
                                {object});
    if (!recs) return recs.failure();
    QList<VaultSignature> out;
    for (const auto &r : *recs)
        out << d->checkSignature(r);
    return out;
}

Result<VaultSignature> Vault::signature(const QString &id) {
    auto recs = d->queryRecords(QStringLiteral("WHERE id=? AND type='signature'"), {id});
    if (!recs) return recs.failure();
    if (recs->isEmpty())
        return fail(
            QCoreApplication::translate("quire::storage", "there is no signature %1").arg(id));
    return d->checkSignature(recs->first());
}

Result<QList<VaultSignature>> Vault::awaitingCountersignature() {
    // An authored signature on an entry's latest version, active, with no reviewed, approved or
    // witnessed signature on that version yet.
    auto recs = d->queryRecords(
        QStringLiteral(
            "WHERE id IN (SELECT s.id FROM signatures s JOIN entries e ON e.head = s.target "
            "WHERE s.meaning='authored' AND e.status='active' AND NOT EXISTS (SELECT 1 FROM "
            "signatures c WHERE c.target = s.target AND c.meaning <> 'authored')) ORDER BY rowid"),
        {});
    if (!recs) return recs.failure();
    QList<VaultSignature> out;
    for (const auto &r : *recs) {
        VaultSignature s = d->checkSignature(r);
        if (s.valid && s.allowed) out << s;
    }
    return out;
}

} // namespace quire
