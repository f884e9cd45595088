// Vault, verify: every record and chunk checked again, on all cores.

#include "vault/VaultImpl.h"

#include "html/HtmlSanitizer.h"
#include "Parallel.h"
#include "records/CanonicalJson.h"
#include "records/WriteRules.h"

#include <QJsonDocument>

#include <vector>

namespace quire {

using namespace vaultimpl;

VaultCheck Vault::verify(const VaultProgress &progress, bool perRecord) {
    VaultCheck check;
    auto problem = [&](const QString &what) { check.problems << what; };
    if (d->kdf.params.n < crypto::ScryptParams{}.n)
        check.warnings << QStringLiteral(
                              "the passphrase is protected by a weak key derivation (scrypt N=%1, "
                              "made for automated tests); change the passphrase to strengthen it")
                              .arg(d->kdf.params.n);

    auto total = d->db.prepare(
        QStringLiteral("SELECT (SELECT count(*) FROM records), (SELECT count(*) FROM chunks)"));
    qint64 recordTotal = 0, chunkTotal = 0;
    if (total && total->next().ok()) {
        recordTotal = total->integer(0);
        chunkTotal = total->integer(1);
    }

    // Members as the record set defines them: cert hash -> (member, public key).
    struct Signer {
        QString member;
        std::shared_ptr<crypto::EcKey> key;
        bool chainOk = false;
    };
    QHash<QString, Signer> signers;
    auto mem = members();
    if (!mem) {
        problem(mem.error());
        return check;
    }
    for (const auto &m : *mem) {
        Signer s;
        s.member = m.uuid;
        s.chainOk = crypto::verifyCertificateChain(m.signCert, d->caCert).ok();
        auto info = crypto::certificateInfo(m.signCert);
        if (info) {
            auto key = crypto::EcKey::fromPublicDer(info->subjectPublicKeyDer);
            if (key) s.key = std::make_shared<crypto::EcKey>(std::move(key.value()));
        }
        signers.insert(m.certSha256, s);
    }

    // Rows are read in batches on this thread; each record's own checks (parse, hash, seal,
    // HTML, the encrypted copy) run on all cores; what needs the database (signatures, anchor
    // times) runs here, in order.
    struct Row {
        QString id, type, object, prev, author, path, oid;
        int version = 0;
        QByteArray envelope;
        bool prevMissing = false;
        QString prevObject, prevType;
        int prevVersion = 0;
        QString firstAuthor; // empty when unknown
        QString device, recordedAt;
        // Filled by the checks:
        VaultRecordCheck result;
        QJsonObject body;
    };
    auto st = d->db.prepare(QStringLiteral(
        "SELECT r.id, r.type, r.object, r.prev, r.author, r.version, r.envelope, f.path, f.oid, "
        "p.object, p.type, p.version, first.author, r.device, r.recorded_at FROM records r "
        "LEFT JOIN repo_files f ON f.record = r.id LEFT JOIN records p ON p.id = r.prev "
        "LEFT JOIN records first ON first.object = r.object AND first.version = 1 ORDER BY "
        "r.rowid"));
    if (!st) {
        problem(st.error());
        return check;
    }
    const Impl &impl = *d;
    auto checkRow = [&signers, &impl](Row &row) {
        VaultRecordCheck &c = row.result;
        const QString label = QStringLiteral("record %1 (%2)").arg(row.id.left(12), row.type);
        auto problem = [&](const QString &what) {
            c.problems << label + QStringLiteral(": ") + what;
        };
        c.id = row.id;
        c.type = row.type;
        c.object = row.object;
        c.version = row.version;
        c.author = row.author;
        auto envelope = json::parseObject(row.envelope);
        if (!envelope) {
            problem(QStringLiteral("cannot be read: %1").arg(envelope.error()));
        } else {
            const QJsonObject record = envelope->value("record").toObject();
            const QJsonObject sealObj = envelope->value("seal").toObject();
            row.body = record.value("body").toObject();
            auto canonical = json::canonicalize(record);
            // The canonical envelope is {"record":…,"seal":…} ("record" sorts first): built
            // from the record's canonical bytes, which are needed anyway for its id.
            auto canonicalSeal = json::canonicalize(sealObj);
            const bool idOk = canonical && hex(crypto::sha256(*canonical)) == row.id;
            if (!idOk) problem(QStringLiteral("its content does not match its id"));
            if (!canonical || !canonicalSeal || envelope->size() != 2 ||
                row.envelope != "{\"record\":" + *canonical + ",\"seal\":" + *canonicalSeal + '}')
                problem(QStringLiteral("is not stored in canonical form"));
            if (auto rules = json::checkRecordRules(record); !rules) problem(rules.error());
            if (record.value("format").toString() != kRecordFormat ||
                record.value("type").toString() != row.type ||
                record.value("object").toString() != row.object ||
                record.value("author").toString() != row.author ||
                record.value("prev").toString() != row.prev)
                problem(QStringLiteral("its fields disagree with the index"));
            const Signer signer = signers.value(sealObj.value("cert").toString());
            if (!signer.key)
                problem(QStringLiteral("sealed by a certificate that belongs to no member"));
            else if (signer.member != row.author)
                problem(QStringLiteral("sealed by another member than its author"));
            else if (!signer.chainOk)
                problem(QStringLiteral("the sealing certificate is not issued by this notebook"));
            else if (!canonical || !signer.key->verify(*canonical, unb64(sealObj.value("sig"))))
                problem(QStringLiteral("the seal is not valid"));
            else
                c.sealOk = idOk;

            // Chain and write rules (FORMAT.md §2).
            const int before = c.problems.size();
            if (!row.prev.isEmpty()) {
                if (row.prevMissing)
                    problem(QStringLiteral("its previous version is missing"));
                else if (row.prevObject != row.object || row.prevType != row.type ||
                         (row.body.contains(QLatin1String("merges"))
                              ? row.prevVersion >= row.version // checked in full below
                              : row.prevVersion + 1 != row.version))
                    problem(QStringLiteral("its previous version belongs to another chain"));
            } else if (row.version != 1) {
                problem(QStringLiteral("a first version with a later position"));
            }
            if ((row.type == "entry" || row.type == "experiment" || row.type == "instrument") &&
                !row.prev.isEmpty() && row.body.value("reason").toString().trimmed().isEmpty())
                problem(QStringLiteral("a changed version without a reason"));
            if (row.type == "entry") {
                if (!row.firstAuthor.isEmpty() && row.firstAuthor != row.author)
                    problem(QStringLiteral("changed by someone other than its author"));
                const QString htmlText = row.body.value("html").toString();
                if (!html::isInSafeSubset(htmlText) && html::sanitize(htmlText) != htmlText)
                    problem(QStringLiteral("holds HTML outside the safe subset"));
            }
            if (row.type == "set_aside" &&
                (!row.prev.isEmpty() || row.body.value("reason").toString().trimmed().isEmpty()))
                problem(QStringLiteral("a capture set aside without a reason, or changed"));
            if (row.type == "anchor")
                if (const QString p = records::anchorProblem(row.body); !p.isEmpty()) problem(p);
            if (const QString p = records::mergesProblem(record); !p.isEmpty()) problem(p);
            if (row.type == "comment")
                if (const QString p = records::commentFormProblem(record); !p.isEmpty()) problem(p);
            if (row.type == "tsa_trust")
                if (const QString p = records::tsaTrustProblem(row.body); !p.isEmpty()) problem(p);
            if (row.type == "template")
                if (const QString p = records::templateProblem(record); !p.isEmpty()) problem(p);
            if (row.type == "template_policy")
                if (const QString p = records::templatePolicyProblem(row.body); !p.isEmpty())
                    problem(p);
            c.chainOk = c.problems.size() == before;
        }
        // The encrypted copy in repo.git must hold exactly this envelope.
        if (row.path.isEmpty()) {
            problem(QStringLiteral("has no encrypted copy in the repository"));
        } else {
            auto plain =
                impl.readObjectConst(row.oid, crypto::fromHex(row.id.toLatin1()), row.path);
            if (!plain)
                problem(QStringLiteral("its encrypted copy is unreadable: %1").arg(plain.error()));
            else if (*plain != row.envelope)
                problem(QStringLiteral("its encrypted copy differs from the record"));
            else
                c.stored = true;
        }
    };

    struct DeviceFacts {
        QString member, status, since;
    };
    QHash<QString, DeviceFacts> devicesByUuid;
    if (auto devs = d->db.prepare(
            QStringLiteral("SELECT device, member, status, since FROM member_devices"));
        devs) {
        while (true) {
            auto row = devs->next();
            if (!row || !*row) break;
            devicesByUuid.insert(devs->text(0),
                                 DeviceFacts{devs->text(1), devs->text(2), devs->text(3)});
        }
    }
    constexpr int kBatch = 2048;
    qint64 done = 0;
    int genesisCount = 0;
    bool more = true;
    while (more) {
        std::vector<Row> batch;
        batch.reserve(kBatch);
        while (batch.size() < size_t(kBatch)) {
            auto next = st->next();
            if (!next) {
                problem(next.error());
                more = false;
                break;
            }
            if (!*next) {
                more = false;
                break;
            }
            Row row;
            row.id = st->text(0);
            row.type = st->text(1);
            row.object = st->text(2);
            row.prev = st->isNull(3) ? QString() : st->text(3);
            row.author = st->text(4);
            row.version = int(st->integer(5));
            row.envelope = st->blob(6);
            row.path = st->text(7);
            row.oid = st->text(8);
            row.prevMissing = st->isNull(9);
            row.prevObject = st->text(9);
            row.prevType = st->text(10);
            row.prevVersion = int(st->integer(11));
            row.firstAuthor = st->isNull(12) ? QString() : st->text(12);
            row.device = st->text(13);
            row.recordedAt = st->text(14);
            batch.push_back(std::move(row));
        }
        auto consume = [&](qsizetype i) {
            Row &row = batch[size_t(i)];
            VaultRecordCheck &c = row.result;
            ++check.records;
            if (row.type == "notebook") {
                ++genesisCount;
                if (!row.prev.isEmpty() || row.object != d->notebookUuid)
                    c.problems << QStringLiteral("record %1 (notebook): a second or foreign "
                                                 "notebook record")
                                      .arg(row.id.left(12));
            }
            if (row.type == "signature") {
                StoredRecord r;
                r.id = row.id;
                r.author = row.author;
                r.body = row.body;
                r.envelope = row.envelope;
                r.recordedAt = QJsonDocument::fromJson(row.envelope)
                                   .object()
                                   .value("record")
                                   .toObject()
                                   .value("recorded_at")
                                   .toString();
                c.signature = d->checkSignature(r);
                if (!c.signature->valid || !c.signature->allowed)
                    c.problems << QStringLiteral("record %1 (signature): %2")
                                      .arg(row.id.left(12), c.signature->problem);
            }
            if (row.body.contains(QLatin1String("merges")) && !row.prev.isEmpty()) {
                // The versions it joins are of its object, none before another, and it comes
                // after all of them (vault/Conflicts.cpp).
                int version = 0;
                QString p =
                    d->mergeProblem(row.type, row.object, row.prev, row.body, nullptr, &version);
                if (p.isEmpty() && version != row.version)
                    p = QStringLiteral("its position does not follow the versions it merges");
                if (!p.isEmpty()) {
                    c.problems
                        << QStringLiteral("record %1 (%2): %3").arg(row.id.left(12), row.type, p);
                    c.chainOk = false;
                }
            }
            if (row.type == "comment") {
                const QString recordedAt = QJsonDocument::fromJson(row.envelope)
                                               .object()
                                               .value("record")
                                               .toObject()
                                               .value("recorded_at")
                                               .toString();
                if (const QString p = d->commentRuleProblem(row.author, row.body, recordedAt);
                    !p.isEmpty())
                    c.problems << QStringLiteral("record %1 (comment): %2").arg(row.id.left(12), p);
            }
            // Computers (issue 16): one member's, and silent once retired.
            if (const auto dev = devicesByUuid.constFind(row.device);
                dev != devicesByUuid.constEnd()) {
                if (dev->member != row.author)
                    c.problems << QStringLiteral("record %1 (%2): written on a computer of "
                                                 "another member")
                                      .arg(row.id.left(12), row.type);
                else if (dev->status == "retired" && row.recordedAt > dev->since)
                    c.problems << QStringLiteral("record %1 (%2): written on a computer retired "
                                                 "at %3")
                                      .arg(row.id.left(12), row.type, dev->since);
            }
            if (auto at = d->anchorTime(row.id); at && *at) c.anchoredAt = **at;
            check.problems << c.problems;
            if (c.problems.isEmpty()) ++check.recordsOk;
            if (perRecord) check.recordChecks << std::move(c);
            if (progress) progress(++done, recordTotal + chunkTotal);
            return true;
        };
        prepareInParallelConsumeInOrder(
            qsizetype(batch.size()), 64, [&](qsizetype i) { checkRow(batch[size_t(i)]); }, consume);
    }
    if (genesisCount != 1)
        problem(QStringLiteral("the notebook must have exactly one genesis record, it has %1")
                    .arg(genesisCount));

    // Every chunk decrypts and matches its hash; every attachment's chunks exist.
    auto chunks = d->db.prepare(QStringLiteral("SELECT c.sha256, c.path, c.size, f.oid FROM chunks "
                                               "c LEFT JOIN repo_files f ON f.path = c.path"));
    if (chunks) {
        while (true) {
            auto row = chunks->next();
            if (!row || !*row) break;
            ++check.chunks;
            const QString sha = chunks->text(0), path = chunks->text(1);
            auto plain = d->readObject(chunks->text(3), crypto::fromHex(sha.toLatin1()), path);
            if (!plain)
                problem(QStringLiteral("chunk %1: %2").arg(sha.left(12), plain.error()));
            else if (hex(crypto::sha256(*plain)) != sha || plain->size() != chunks->integer(2))
                problem(QStringLiteral("chunk %1: does not match its hash").arg(sha.left(12)));
            else
                ++check.chunksOk;
            if (progress) progress(++done, recordTotal + chunkTotal);
        }
    }
    auto missing = d->db.prepare(QStringLiteral("SELECT id, name, chunks FROM attachments"));
    if (missing) {
        auto has = d->db.prepare(QStringLiteral("SELECT 1 FROM chunks WHERE sha256=?"));
        while (has) {
            auto row = missing->next();
            if (!row || !*row) break;
            for (const auto &c : missing->text(2).split(',', Qt::SkipEmptyParts)) {
                has->bind(1, c);
                auto found = has->next();
                has->reset();
                if (!found || !*found)
                    problem(QStringLiteral("attachment %1 (“%2”): chunk %3 is missing")
                                .arg(missing->text(0).left(12), missing->text(1), c.left(12)));
            }
        }
    }
    // What a sync refused or found wrong stays a problem until an admin has acknowledged it
    // (vault/Alarms.cpp); then it is a warning that says who looked at it and why.
    if (auto all = alarms(); all) {
        for (const auto &a : *all) {
            QString line =
                a.kind == QLatin1String("refused")
                    ? QStringLiteral("file %1 from the shared repository was refused "
                                     "(%2): %3")
                          .arg(a.path, a.firstSeen, a.detail)
                    : QStringLiteral("sync alarm (%1, %2): %3").arg(a.firstSeen, a.kind, a.detail);
            if (a.acknowledgedBy.isEmpty()) {
                problem(line);
                // A file alarm is a refused file too, as it always was.
                if (a.kind != QLatin1String("refused") && !a.path.isEmpty())
                    problem(QStringLiteral("file %1 from the shared repository was refused (%2)")
                                .arg(a.path, a.firstSeen));
            } else {
                check.warnings << line + QStringLiteral(" — acknowledged by %1 at %2: %3")
                                             .arg(a.acknowledgedBy, a.acknowledgedAt, a.reason);
            }
        }
    }
    return check;
}

} // namespace quire
