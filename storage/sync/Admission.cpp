// Vault, admission: whether a record that arrived by sync may join this notebook now, later
// or never (FORMAT.md §2), checked against what the notebook already holds.

#include "vault/VaultImpl.h"

#include "Parallel.h"
#include "records/CanonicalJson.h"
#include "records/WriteRules.h"
#include "sync/Incoming.h"
#include "sync/Membership.h"

namespace quire {

using namespace vaultimpl;

Admission Vault::Impl::admit(const QJsonObject &record, const QJsonObject &sealObj,
                             const QString &id, const Prechecked *pre) {
    auto refuse = [](const QString &why) { return Admission{Verdict::Refuse, why}; };
    {
        auto known = db.cached(QStringLiteral("SELECT 1 FROM records WHERE id=?"));
        if (!known) return refuse(known.error());
        (*known)->bind(1, id);
        auto row = (*known)->next();
        const bool have = row && *row;
        (*known)->reset();
        if (have) return Admission{Verdict::Known, {}};
    }
    const QString type = record.value("type").toString();
    const QString object = record.value("object").toString();
    const QString prev = record.value("prev").toString();
    const QString author = record.value("author").toString();
    const QString device = record.value("device").toString();
    const qint64 seq = record.value("seq").toInteger();
    const QString recordedAt = record.value("recorded_at").toString();
    if (const QString problem = records::formProblem(record); !problem.isEmpty())
        return refuse(problem);
    if (pre) {
        if (!pre->rulesProblem.isEmpty()) return refuse(pre->rulesProblem);
    } else if (auto rules = json::checkRecordRules(record); !rules) {
        return refuse(rules.error());
    }
    if (type == "notebook") {
        // Only a newcomer takes a genesis, and only the one its invitation names, whose
        // certificate authority has the fingerprint the invitation carries.
        if (!joining || object != notebookUuid || id != pendingGenesis || !prev.isEmpty())
            return refuse(QStringLiteral("a second notebook record"));
        const QJsonObject body = record.value("body").toObject();
        const QByteArray ca = unb64(body.value("ca_cert"));
        if (!membership::caMatchesFingerprint(ca, caSha256))
            return refuse(QStringLiteral("its certificate authority is not the one the "
                                         "invitation names"));
        const QByteArray founderCert = unb64(body.value("founder").toObject().value("sign_cert"));
        auto info = crypto::certificateInfo(founderCert);
        auto key = info ? crypto::EcKey::fromPublicDer(info->subjectPublicKeyDer)
                        : Result<crypto::EcKey>(info.failure());
        auto canonical = json::canonicalize(record);
        if (!crypto::verifyCertificateChain(founderCert, ca) ||
            sealObj.value("cert").toString() != hex(crypto::sha256(founderCert)) || !key ||
            !canonical || !key->verify(*canonical, unb64(sealObj.value("sig"))))
            return refuse(QStringLiteral("its seal is not valid"));
        return Admission{Verdict::Accept, {}};
    }

    // Who sealed it, and whether the seal holds.
    const QString certSha = sealObj.value("cert").toString();
    auto known = signers.constFind(certSha);
    if (known == signers.constEnd()) {
        auto signer = db.cached(QStringLiteral(
            "SELECT m.uuid, m.status, m.roles, m.sign_cert, r.recorded_at FROM members m "
            "LEFT JOIN records r ON r.id = m.head WHERE m.cert_sha256=?"));
        if (!signer) return refuse(signer.error());
        (*signer)->bind(1, certSha);
        auto srow = (*signer)->next();
        if (!srow) return refuse(srow.error());
        if (!*srow) {
            (*signer)->reset();
            return Admission{Verdict::Defer,
                             QStringLiteral("it is sealed by someone who is not a member")};
        }
        known = signers.insert(certSha, Signer{(*signer)->text(0), (*signer)->text(1),
                                               (*signer)->text(2).split(',', Qt::SkipEmptyParts),
                                               (*signer)->blob(3), (*signer)->text(4)});
        (*signer)->reset();
    }
    const QString &signerUuid = known->uuid;
    const QString &status = known->status;
    const QStringList &roles = known->roles;
    const QByteArray &cert = known->cert;
    const QString &statusSince = known->statusSince;
    if (signerUuid != author)
        return refuse(QStringLiteral("it is sealed by another member than its author"));
    // A member's certificate is checked against the CA once per merge, not per record.
    const QString certKey = hex(crypto::sha256(cert + caCert));
    std::shared_ptr<crypto::EcKey> key = sealKeys.value(certKey);
    if (!key) {
        if (!crypto::verifyCertificateChain(cert, caCert))
            return refuse(QStringLiteral("its sealing certificate is not issued by this notebook"));
        auto info = crypto::certificateInfo(cert);
        auto parsed = info ? crypto::EcKey::fromPublicDer(info->subjectPublicKeyDer)
                           : Result<crypto::EcKey>(info.failure());
        if (!parsed) return refuse(QStringLiteral("its seal is not valid"));
        key = std::make_shared<crypto::EcKey>(std::move(parsed.value()));
        sealKeys.insert(certKey, key);
    }
    // The signature alone depends on nothing but the certificate the seal names, which
    // is the one found here; checkSealsAhead may have worked it out already.
    bool sealHolds = false;
    if (pre && pre->sealValid) {
        sealHolds = *pre->sealValid;
    } else {
        auto canonical = pre ? Result<QByteArray>(pre->canonical) : json::canonicalize(record);
        sealHolds = canonical && key->verify(*canonical, unb64(sealObj.value("sig")));
    }
    if (!sealHolds) return refuse(QStringLiteral("its seal is not valid"));
    if (status == "revoked" && recordedAt > statusSince)
        return Admission{Verdict::Refuse,
                         QStringLiteral("it was written after its author's membership was "
                                        "revoked (%1)")
                             .arg(statusSince),
                         true};

    // A computer retired before it wrote this, or one of another member (issue 16).
    {
        bool expected = false;
        if (const QString problem = deviceProblem(author, device, recordedAt, &expected);
            !problem.isEmpty())
            return Admission{Verdict::Refuse, problem, expected};
    }

    // One sequence number per device, once.
    {
        auto dup = db.cached(QStringLiteral("SELECT id FROM records WHERE device=? AND seq=?"));
        if (!dup) return refuse(dup.error());
        (*dup)->bind(1, device).bind(2, seq);
        auto row = (*dup)->next();
        const bool reused = row && *row;
        (*dup)->reset();
        if (reused)
            return refuse(QStringLiteral("its device used sequence number %1 twice").arg(seq));
    }

    // Its chain.
    QString firstAuthor;
    if (!prev.isEmpty()) {
        auto p = db.cached(QStringLiteral("SELECT object, type FROM records WHERE id=?"));
        if (!p) return refuse(p.error());
        (*p)->bind(1, prev);
        auto row = (*p)->next();
        if (!row) return refuse(row.error());
        if (!*row) {
            (*p)->reset();
            return Admission{Verdict::Defer,
                             QStringLiteral("its previous version has not arrived")};
        }
        const bool sameChain = (*p)->text(0) == object && (*p)->text(1) == type;
        (*p)->reset();
        if (!sameChain)
            return refuse(QStringLiteral("its previous version belongs to another object"));
    }
    {
        auto first =
            db.cached(QStringLiteral("SELECT author FROM records WHERE object=? AND version=1"));
        if (!first) return refuse(first.error());
        (*first)->bind(1, object);
        auto row = (*first)->next();
        if (row && *row) firstAuthor = (*first)->text(0);
        (*first)->reset();
        if (prev.isEmpty() && !firstAuthor.isEmpty())
            return refuse(QStringLiteral("it is a second first version of an existing object"));
    }

    // The versions it joins, when it resolves a conflict.
    if (record.value("body").toObject().contains(QLatin1String("merges"))) {
        if (const QString problem = records::mergesProblem(record); !problem.isEmpty())
            return refuse(problem);
        bool missing = false;
        const QString problem =
            mergeProblem(type, object, prev, record.value("body").toObject(), &missing);
        if (missing) return Admission{Verdict::Defer, problem};
        if (!problem.isEmpty()) return refuse(problem);
    }

    // What its author may write. Member records (approvals, role changes, revocations) by the
    // roles as the records stood when it was written, as signatures are judged.
    QStringList rolesThen = roles;
    if (type == QLatin1String("member")) {
        const MemberAt then = memberAt(author, recordedAt);
        if (then.known) {
            if (then.status != QLatin1String("active"))
                return refuse(QStringLiteral("its author's membership was revoked when it was "
                                             "written"));
            rolesThen = then.roles;
        }
    }
    // Templates by the notebook's template_policy as it stood when this one was written.
    bool authorsWriteTemplates = false;
    if (type == QLatin1String("template")) {
        auto writers = templateWriters(recordedAt);
        if (!writers) return refuse(writers.error());
        authorsWriteTemplates = *writers == QLatin1String("authors");
        // The admin's setting may travel in the same sync and be admitted after this record.
        if (!authorsWriteTemplates && !rolesThen.contains(QLatin1String("admin")) &&
            rolesThen.contains(QLatin1String("author")))
            return Admission{Verdict::Defer,
                             QStringLiteral("only an admin may write templates in this notebook, "
                                            "and no setting letting authors write them has "
                                            "arrived")};
    }
    if (const QString problem =
            records::writeProblem(record, rolesThen, firstAuthor, caCert,
                                  pre ? &pre->htmlSafe : nullptr, authorsWriteTemplates);
        !problem.isEmpty())
        return refuse(problem);
    if (type == "comment") {
        bool missing = false;
        const QString rule =
            commentRuleProblem(author, record.value("body").toObject(), recordedAt, &missing);
        if (missing)
            return Admission{Verdict::Defer,
                             QStringLiteral("the record it comments on has not arrived")};
        if (!rule.isEmpty()) return refuse(rule);
    }
    if (const QString problem = deviceRecordProblem(record, roles); !problem.isEmpty())
        return refuse(problem);
    if (type == "signature") {
        const QJsonObject body = record.value("body").toObject();
        bool missingTarget = false;
        const QString rule =
            signatureRuleProblem(author, body.value("meaning").toString(),
                                 body.value("target").toString(), recordedAt, &missingTarget);
        if (missingTarget)
            return Admission{Verdict::Defer, QStringLiteral("the record it signs has not arrived")};
        if (!rule.isEmpty()) return refuse(rule);
        const VaultSignature sig =
            checkSignature(id, author, recordedAt, body, sealObj.value("cert").toString());
        if (!sig.valid || !sig.allowed) return refuse(sig.problem);
    }
    return Admission{Verdict::Accept, {}};
}

void Vault::Impl::precheck(Incoming &in) {
    if (auto rules = json::checkRecordRules(in.record); !rules) in.pre.rulesProblem = rules.error();
    const QString type = in.record.value("type").toString();
    if (type == QLatin1String("entry") || type == QLatin1String("comment")) {
        const QString htmlText = in.record.value("body").toObject().value("html").toString();
        in.pre.htmlSafe = records::isSafeEntryHtml(htmlText);
    }
}

Result<Vault::Impl::SealKeys> Vault::Impl::memberSealKeys() {
    SealKeys keys;
    auto st = db.prepare(QStringLiteral("SELECT cert_sha256, sign_cert FROM members"));
    if (!st) return st.failure();
    while (true) {
        auto row = st->next();
        if (!row) return row.failure();
        if (!*row) break;
        auto info = crypto::certificateInfo(st->blob(1));
        if (!info) continue; // admit() says what is wrong with it
        auto key = crypto::EcKey::fromPublicDer(info->subjectPublicKeyDer);
        if (key) keys.insert(st->text(0), std::make_shared<crypto::EcKey>(std::move(*key)));
    }
    return keys;
}

void Vault::Impl::checkSealAhead(const SealKeys &keys, Incoming &in) {
    if (in.pre.sealValid || in.record.value("type").toString() == QLatin1String("notebook")) return;
    const auto key = keys.constFind(in.seal.value("cert").toString());
    if (key != keys.constEnd())
        in.pre.sealValid = (*key)->verify(in.pre.canonical, unb64(in.seal.value("sig")));
}

Result<void> Vault::Impl::checkSealsAhead(QList<Incoming> &waiting) {
    auto memberKeys = memberSealKeys();
    if (!memberKeys) return memberKeys.failure();
    const SealKeys &keys = *memberKeys;
    QList<Incoming *> toCheck;
    for (Incoming &in : waiting)
        if (!in.pre.sealValid && in.record.value("type").toString() != QLatin1String("notebook") &&
            keys.contains(in.seal.value("cert").toString()))
            toCheck << &in;
    prepareInParallelConsumeInOrder(
        toCheck.size(), 32, [&](qsizetype i) { checkSealAhead(keys, *toCheck.at(i)); },
        [](qsizetype) { return true; });
    return {};
}

Result<StoredRecord> Vault::Impl::storedFromIncoming(const QJsonObject &record, const QString &id,
                                                     const QByteArray &envelope) {
    StoredRecord r;
    r.id = id;
    r.type = record.value("type").toString();
    r.object = record.value("object").toString();
    r.prev = record.value("prev").toString();
    r.author = record.value("author").toString();
    r.device = record.value("device").toString();
    r.seq = record.value("seq").toInteger();
    r.recordedAt = record.value("recorded_at").toString();
    r.body = record.value("body").toObject();
    r.envelope = envelope;
    auto v = versionOf(r.prev, r.object, r.type, r.body);
    if (!v) return v.failure();
    r.version = *v;
    return r;
}

} // namespace quire
