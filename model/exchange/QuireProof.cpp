#include "exchange/QuireProof.h"

#include "crypto/Cms.h"
#include "crypto/Crypto.h"
#include "crypto/Timestamp.h"
#include "records/CanonicalJson.h"
#include "records/Record.h"
#include "records/WriteRules.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QHash>
#include <QJsonArray>
#include <QSet>

#include <memory>

namespace quire {

namespace {

QString tr(const char *text) {
    // lupdate files these under the namespace, as verifyQuireProof is a free function in it.
    return QCoreApplication::translate("quire", text);
}

QString hexOf(const QByteArray &raw) {
    return QString::fromLatin1(crypto::toHex(raw));
}

// The id in a file name "<prefix><id><suffix>", or empty when the name is not of that form.
QString idIn(const QString &name, QLatin1StringView prefix, QLatin1StringView suffix) {
    if (!name.startsWith(prefix) || !name.endsWith(suffix) ||
        name.size() <= prefix.size() + suffix.size())
        return {};
    return name.mid(prefix.size(), name.size() - prefix.size() - suffix.size());
}

QByteArray unbase64(const QJsonValue &v) {
    return QByteArray::fromBase64(v.toString().toLatin1());
}

struct Sealer {
    QString member;
    QByteArray cert;
    bool issuedByCa = false;
    std::shared_ptr<crypto::EcKey> key;
};

struct Parsed {
    QJsonObject record;
    QJsonObject seal;
    QByteArray canonical; // of the record, what the seal signs
};

} // namespace

int ProofReport::verifiedCount() const {
    return int(
        std::count_if(items.cbegin(), items.cend(), [](const ProofItem &i) { return i.verified; }));
}

int ProofReport::failedCount() const {
    return int(items.size()) - verifiedCount();
}

const ProofItem *ProofReport::find(const QString &kind, const QString &id) const {
    for (const ProofItem &i : items)
        if (i.kind == kind && i.id == id) return &i;
    return nullptr;
}

QStringList ProofReport::verifiedRecords() const {
    QStringList out;
    for (const ProofItem &i : items)
        if (i.kind == QLatin1String("record") && i.verified) out << i.id;
    return out;
}

ProofReport verifyQuireProof(const QMap<QString, QByteArray> &input) {
    ProofReport report;
    QMap<QString, QByteArray> files;
    for (auto it = input.cbegin(); it != input.cend(); ++it) {
        const QString &key = it.key();
        const qsizetype slash = key.lastIndexOf(QLatin1Char('/'));
        if (slash < 0) {
            files.insert(key, it.value());
        } else if (key.left(slash) == QLatin1String("quire") ||
                   key.left(slash).endsWith(QLatin1String("/quire"))) {
            files.insert(key.mid(slash + 1), it.value());
        }
    }
    auto add = [&](const QString &kind, const QString &id, const QString &file, bool verified,
                   const QString &reason) {
        report.items << ProofItem{kind, id, file, verified, reason};
    };

    // ---- the manifest ---------------------------------------------------------------------------
    const QString manifestName = QStringLiteral("quire-manifest.json");
    if (!files.contains(manifestName)) return report;
    report.present = true;
    auto manifest = json::parseObject(files.value(manifestName));
    if (!manifest) {
        add("manifest", {}, manifestName, false,
            tr("the manifest is not JSON: %1").arg(manifest.error()));
        return report;
    }
    QStringList manifestProblems;
    if (auto canonical = json::canonicalize(*manifest);
        !canonical || *canonical != files.value(manifestName))
        manifestProblems << tr("it is not canonical JSON");
    if (manifest->value("format").toString() != QLatin1String("quire/1") ||
        manifest->value("type").toString() != QLatin1String("eln_export"))
        manifestProblems << tr("it is not the manifest of a Quire .eln export (quire/1)");
    report.exportId = manifest->value("export").toString();
    report.exportedAt = manifest->value("exported_at").toString();
    report.notebook = manifest->value("notebook").toString();
    report.notebookName = manifest->value("notebook_name").toString();
    report.genesis = manifest->value("genesis").toString();

    // Every other file of quire/ is listed with its hash: a missing or changed one is named here
    // even before the seals say what it means.
    QSet<QString> listedFiles{manifestName};
    for (const auto &value : manifest->value("files").toArray()) {
        const QJsonObject f = value.toObject();
        const QString name = f.value("name").toString();
        listedFiles.insert(name);
        if (!files.contains(name))
            add("file", name, name, false, tr("listed in the manifest but missing"));
        else if (hexOf(crypto::sha256(files.value(name))) != f.value("sha256").toString())
            add("file", name, name, false,
                tr("changed: its SHA-256 is not the one the manifest lists"));
    }
    for (auto it = files.cbegin(); it != files.cend(); ++it)
        if (!listedFiles.contains(it.key()))
            add("file", it.key(), it.key(), false, tr("not listed in the manifest"));

    // ---- the certificate authority ---------------------------------------------------------
    const QList<QByteArray> cas =
        crypto::certificatesFromPem(files.value(QStringLiteral("notebook-ca.pem")));
    const QByteArray ca = cas.size() == 1 ? cas.first() : QByteArray();
    QHash<QString, Parsed> parsed; // every record file that parses
    for (auto it = files.cbegin(); it != files.cend(); ++it) {
        const QString id = idIn(it.key(), QLatin1StringView("record-"), QLatin1StringView(".json"));
        if (id.isEmpty()) continue;
        auto envelope = json::parseObject(it.value());
        if (!envelope) continue;
        Parsed p{envelope->value("record").toObject(), envelope->value("seal").toObject(), {}};
        auto canonical = json::canonicalize(p.record);
        if (canonical) p.canonical = *canonical;
        parsed.insert(id, p);
    }
    {
        QString problem;
        if (ca.isEmpty()) {
            problem = tr("notebook-ca.pem does not hold exactly one certificate");
        } else if (auto info = crypto::certificateInfo(ca); !info || !info->isCa) {
            problem = tr("notebook-ca.pem is not a certificate authority");
        } else {
            report.caName = info->commonName;
            report.caSha256 = hexOf(crypto::sha256(ca));
            const Parsed g = parsed.value(report.genesis);
            if (g.record.value("type").toString() != QLatin1String("notebook"))
                problem = tr("the genesis record the manifest names is not in the crate");
            else if (unbase64(g.record.value("body").toObject().value("ca_cert")) != ca)
                problem = tr("notebook-ca.pem is not the certificate authority the genesis record "
                             "names");
            else if (g.record.value("object").toString() != report.notebook)
                problem = tr("the genesis record is of another notebook than the manifest says");
            else if (auto caOk = crypto::verifyCertificateChain(ca, ca); !caOk)
                problem = tr("the certificate authority is not self-signed: %1").arg(caOk.error());
        }
        add("ca", report.caSha256, QStringLiteral("notebook-ca.pem"), problem.isEmpty(),
            problem.isEmpty() ? tr("%1, SHA-256 %2 (the crate's own; trusted by nothing else)")
                                    .arg(report.caName, report.caSha256)
                              : problem);
    }

    // Only a certificate that is a CA vouches for anything below (caSha256 is set for no other).
    const QByteArray authority = report.caSha256.isEmpty() ? QByteArray() : ca;

    // Who may have sealed: the founder in the genesis record and every member record's
    // certificate, each checked against the crate's CA.
    QHash<QString, Sealer> sealers; // by hex SHA-256 of the certificate
    auto addSealer = [&](const QString &member, const QByteArray &cert) {
        if (cert.isEmpty()) return;
        const QString sha = hexOf(crypto::sha256(cert));
        if (sealers.contains(sha)) return;
        Sealer s{member,
                 cert,
                 !authority.isEmpty() && crypto::verifyCertificateChain(cert, authority).ok(),
                 {}};
        if (auto info = crypto::certificateInfo(cert))
            if (auto key = crypto::EcKey::fromPublicDer(info->subjectPublicKeyDer))
                s.key = std::make_shared<crypto::EcKey>(std::move(key.value()));
        sealers.insert(sha, s);
    };
    for (auto it = parsed.cbegin(); it != parsed.cend(); ++it) {
        const QString type = it->record.value("type").toString();
        const QJsonObject body = it->record.value("body").toObject();
        if (type == QLatin1String("notebook"))
            addSealer(it->record.value("author").toString(),
                      unbase64(body.value("founder").toObject().value("sign_cert")));
        else if (type == QLatin1String("member"))
            addSealer(it->record.value("object").toString(), unbase64(body.value("sign_cert")));
    }

    // ---- records and their seals ------------------------------------------------------------
    QSet<QString> listedRecords;
    QSet<QString> goodRecords;
    for (const auto &value : manifest->value("records").toArray()) {
        const QString id = value.toString();
        listedRecords.insert(id);
        const QString name = QStringLiteral("record-%1.json").arg(id);
        QString problem;
        if (!files.contains(name)) {
            problem = tr("missing");
        } else if (!parsed.contains(id)) {
            problem = tr("not a JSON record envelope");
        } else {
            const Parsed &p = parsed[id];
            const QString certSha = p.seal.value("cert").toString();
            const Sealer sealer = sealers.value(certSha);
            if (p.canonical.isEmpty() || hexOf(crypto::sha256(p.canonical)) != id)
                problem = tr("its content does not hash to its id (changed)");
            else if (sealer.cert.isEmpty())
                problem = tr("sealed by a certificate that no member record in the crate holds");
            else if (!sealer.issuedByCa)
                problem = tr("its sealing certificate was not issued by the crate's CA");
            else if (sealer.member != p.record.value("author").toString())
                problem = tr("sealed by another member than its author");
            else if (!sealer.key || !sealer.key->verify(p.canonical, unbase64(p.seal.value("sig"))))
                problem = tr("its seal does not verify");
        }
        if (problem.isEmpty()) goodRecords.insert(id);
        add("record", id, name, problem.isEmpty(),
            problem.isEmpty() ? parsed.value(id).record.value("type").toString() : problem);
    }
    for (auto it = parsed.cbegin(); it != parsed.cend(); ++it)
        if (!listedRecords.contains(it.key()))
            add("record", it.key(), QStringLiteral("record-%1.json").arg(it.key()), false,
                tr("in the crate but not listed in the manifest"));

    // ---- electronic signatures --------------------------------------------------------------
    for (const QString &id : std::as_const(listedRecords)) {
        const Parsed p = parsed.value(id);
        if (p.record.value("type").toString() != QLatin1String("signature")) continue;
        const QString name = QStringLiteral("signature-%1.der").arg(id);
        const QJsonObject body = p.record.value("body").toObject();
        const QByteArray cms = unbase64(body.value("cms"));
        QString problem;
        QString found;
        if (!goodRecords.contains(id)) {
            problem = tr("its record does not hold (see the record)");
        } else if (files.value(name) != cms) {
            problem = tr("%1 is missing or is not the record's CMS").arg(name);
        } else if (authority.isEmpty()) {
            problem = tr("there is no certificate authority to check it against");
        } else {
            auto statement = records::statementBytes(body, p.record.value("author").toString());
            auto signer = statement ? cms::verifyDetached(cms, *statement, authority)
                                    : Result<cms::SignerInfo>(statement.failure());
            if (!signer)
                problem = tr("it does not verify: %1").arg(signer.error());
            else if (hexOf(crypto::sha256(signer->certDer)) != p.seal.value("cert").toString())
                problem = tr("it is signed with another certificate than the one that seals its "
                             "record");
            else
                found =
                    tr("%1 (%2) on %3")
                        .arg(body.value("printed_name").toString(),
                             body.value("meaning").toString(), body.value("signed_at").toString());
        }
        add("signature", id, name, problem.isEmpty(), problem.isEmpty() ? found : problem);
    }

    // ---- anchors and their time-stamp tokens --------------------------------------------------
    const QByteArray tsaPem = files.value(QStringLiteral("tsa-ca.pem"));
    for (const QByteArray &cert : crypto::certificatesFromPem(tsaPem))
        if (auto info = crypto::certificateInfo(cert)) report.tsaNames << info->commonName;
    QHash<QString, QString> anchorByRoot;
    QHash<QString, QSet<QString>> leavesOf; // by anchor, looked up once per Merkle path
    QSet<QString> anchorIds;
    for (const QString &id : std::as_const(listedRecords)) {
        const Parsed p = parsed.value(id);
        if (p.record.value("type").toString() != QLatin1String("anchor")) continue;
        anchorIds.insert(id);
        const QJsonObject body = p.record.value("body").toObject();
        anchorByRoot.insert(body.value("root").toString(), id);
        QSet<QString> &leaves = leavesOf[id];
        for (const auto &leaf : body.value("leaves").toArray())
            leaves.insert(leaf.toString());
        const QString name = QStringLiteral("timestamp-%1.tsr").arg(id);
        const QByteArray token = unbase64(body.value("token"));
        QString problem;
        QString found;
        if (!goodRecords.contains(id)) {
            problem = tr("its anchor record does not hold (see the record)");
        } else if (files.value(name) != token) {
            problem = tr("%1 is missing or is not the anchor's token").arg(name);
        } else if (const QString bad = records::anchorProblem(body); !bad.isEmpty()) {
            problem = bad;
        } else if (tsaPem.isEmpty()) {
            problem =
                tr("the crate holds no time-stamp authority certificate (tsa-ca.pem) to check "
                   "it against");
        } else {
            auto info = timestamp::verifyToken(
                token, crypto::fromHex(body.value("root").toString().toLatin1()), tsaPem);
            if (!info)
                problem = tr("it does not verify: %1").arg(info.error());
            else
                found = tr("%1 at %2")
                            .arg(info->tsaName, info->genTime.toUTC().toString(Qt::ISODateWithMs));
        }
        add("timestamp", id, name, problem.isEmpty(), problem.isEmpty() ? found : problem);
    }
    for (auto it = files.cbegin(); it != files.cend(); ++it)
        if (const QString anchor =
                idIn(it.key(), QLatin1StringView("timestamp-"), QLatin1StringView(".tsr"));
            !anchor.isEmpty() && !anchorIds.contains(anchor))
            add("timestamp", anchor, it.key(), false,
                tr("no anchor record in the crate has this token"));

    // ---- Merkle paths ---------------------------------------------------------------------------
    for (auto it = files.cbegin(); it != files.cend(); ++it) {
        const QString id = idIn(it.key(), QLatin1StringView("proof-"), QLatin1StringView(".json"));
        if (id.isEmpty()) continue;
        QString problem;
        auto proof = json::parseObject(it.value());
        if (!proof || proof->value("record").toString() != id) {
            problem = tr("it is not a Merkle path of record %1").arg(id);
        } else {
            QList<timestamp::MerkleStep> path;
            bool wellFormed = true;
            for (const auto &step : proof->value("path").toArray()) {
                const QJsonObject s = step.toObject();
                const QByteArray sibling = crypto::fromHex(s.value("hash").toString().toLatin1());
                const QString side = s.value("side").toString();
                if (sibling.size() != 32 ||
                    (side != QLatin1String("left") && side != QLatin1String("right")))
                    wellFormed = false;
                path << timestamp::MerkleStep{side == QLatin1String("left"), sibling};
            }
            const QByteArray rawId = crypto::fromHex(id.toLatin1());
            const QString root = rawId.size() == 32 && wellFormed
                                     ? hexOf(timestamp::rootFromPath(rawId, path))
                                     : QString();
            const QString anchor = anchorByRoot.value(root);
            if (root.isEmpty() || root != proof->value("root").toString())
                problem = tr("the path does not lead from the record to its root");
            else if (anchor.isEmpty())
                problem = tr("no anchor in the crate has the root this path leads to");
            else if (!leavesOf.value(anchor).contains(id))
                problem = tr("the anchor does not name the record");
            else if (!listedRecords.contains(id))
                problem = tr("the record is not in the crate");
        }
        add("merkle_path", id, it.key(), problem.isEmpty(), problem);
    }

    // ---- the manifest's entries name entry records -------------------------------------------
    for (const auto &xv : manifest->value("experiments").toArray()) {
        const QJsonObject x = xv.toObject();
        const Parsed xr = parsed.value(x.value("record").toString());
        if (xr.record.value("type").toString() != QLatin1String("experiment") ||
            xr.record.value("object").toString() != x.value("experiment").toString())
            manifestProblems << tr("experiment %1 does not name its record")
                                    .arg(x.value("experiment").toString());
        for (const auto &ev : x.value("entries").toArray()) {
            const QJsonObject e = ev.toObject();
            const Parsed er = parsed.value(e.value("record").toString());
            if (er.record.value("type").toString() != QLatin1String("entry") ||
                er.record.value("object").toString() != e.value("entry").toString())
                manifestProblems
                    << tr("entry %1 does not name its record").arg(e.value("entry").toString());
        }
    }
    report.items.prepend(ProofItem{"manifest", report.exportId, manifestName,
                                   manifestProblems.isEmpty(),
                                   manifestProblems.join(QStringLiteral("; "))});
    return report;
}

} // namespace quire
