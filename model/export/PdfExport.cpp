#include "export/PdfExport.h"
#include "preview/Preview.h"

#include "export/ExportHtml.h"

#include "crypto/Cms.h"
#include "crypto/Crypto.h"
#include "crypto/Timestamp.h"
#include "pdf/PdfArchive.h"
#include "pdf/PdfSigner.h"
#include "pdf/PdfStamp.h"
#include "pdf/PdfVerify.h"
#include "records/CanonicalJson.h"
#include "records/WriteRules.h"
#include "vault/Vault.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QJsonArray>
#include <QJsonDocument>
#include <QMap>
#include <QSet>

#include <mutex>

namespace quire {

namespace {

QString tr(const char *text, const char *disambiguation = nullptr, int n = -1) {
    return QCoreApplication::translate("quire::PdfExport", text, disambiguation, n);
}

QString nowUtc() {
    return QDateTime::currentDateTimeUtc().toString(QStringLiteral("yyyy-MM-ddTHH:mm:ss.zzzZ"));
}

QString sha256Hex(const QByteArray &bytes) {
    return QString::fromLatin1(crypto::toHex(crypto::sha256(bytes)));
}

// Tries the notebook's time-stamp authorities in order; fails with every one's reason.
pdf::TsaCallback anyAuthority(const QStringList &urls) {
    return [urls](const QByteArray &digest) -> Result<QByteArray> {
        QStringList failures;
        for (const QString &url : urls) {
            auto token = pdf::tsaClient(url, 10000)(digest);
            if (token) return token;
            failures << QStringLiteral("%1: %2").arg(url, token.error());
        }
        return fail(urls.isEmpty() ? tr("no time-stamp authority is set")
                                   : failures.join(QStringLiteral("; ")));
    };
}

// The authority's name as its token gives it, else the address it was asked at.
QString authorityName(const QByteArray &token, const QString &url) {
    auto info = timestamp::readToken(token);
    if (!info || info->tsaName.isEmpty()) return url;
    // "CN=Example TSA,O=Example" reads as "Example TSA (Example)" on paper.
    QString common, organisation;
    for (const QString &part : info->tsaName.split(QLatin1Char(','))) {
        if (part.startsWith(QLatin1String("CN="))) common = part.mid(3);
        if (part.startsWith(QLatin1String("O="))) organisation = part.mid(2);
    }
    if (common.isEmpty()) return info->tsaName;
    return organisation.isEmpty() ? common : QStringLiteral("%1 (%2)").arg(common, organisation);
}

} // namespace

QByteArray PdfExport::caPem() {
    const std::lock_guard lock(m_notebook.m_mutex);
    return crypto::certificatePem(m_notebook.m_vault->caCertificate());
}

// ---- export -------------------------------------------------------------------------------

Result<PdfExportResult> PdfExport::exportExperiment(const PdfExportRequest &request,
                                                    const PrintFunction &print) {
    if (!print) return fail(tr("printing to PDF is not available in this build"));
    std::unique_lock lock(m_notebook.m_mutex);
    Vault &vault = *m_notebook.m_vault;
    auto experiment = m_notebook.experiment(request.experiment);
    if (!experiment) return experiment.failure();
    auto all = m_notebook.entries(request.experiment);
    if (!all) return all.failure();
    QList<EntryVersion> shown;
    for (const QString &id : request.entries)
        if (std::none_of(all->cbegin(), all->cend(),
                         [&](const EntryVersion &e) { return e.uuid == id; }))
            return fail(tr("the experiment has no entry %1").arg(id));
    for (const EntryVersion &e : *all)
        if (request.entries.isEmpty() || request.entries.contains(e.uuid)) shown << e;
    if (shown.isEmpty()) return fail(tr("the experiment has no entries to export"));
    const MemberInfo me = m_notebook.me();
    auto genesis = vault.genesis();
    if (!genesis) return genesis.failure();

    ExportDocument doc;
    doc.exportId = crypto::newUuid();
    doc.notebookName = vault.notebookName();
    doc.experimentTitle = experiment->title;
    doc.project = experiment->project;
    doc.exportedBy = me.name;
    const QString exportedAt = nowUtc();
    doc.exportedAtUtc = exportedAt;
    doc.exportedAtLocal = ExportHtml::localTime(exportedAt);
    doc.paper = request.paper == QLatin1String("letter") ? request.paper : QStringLiteral("a4");

    // The records the pages show and what proves them.
    QMap<QString, QByteArray> records; // id -> canonical envelope
    auto addRecord = [&](const QString &id) -> Result<StoredRecord> {
        auto r = vault.record(id);
        if (!r) return r.failure();
        records.insert(r->id, r->envelope);
        return r;
    };
    QSet<QString> members;
    for (const QString &id : {*genesis, experiment->recordId})
        if (auto r = addRecord(id); !r) return r.failure();
    for (const EntryVersion &e : shown) {
        ExportEntry x;
        x.version = e;
        x.recordedLocal = ExportHtml::localTime(e.recordedAt);
        auto anchored = vault.anchorTime(e.recordId);
        if (!anchored) return anchored.failure();
        if (*anchored && (*anchored)->trusted) {
            x.trustedTime = ExportHtml::localTime((*anchored)->genTime);
            auto anchor = vault.record((*anchored)->anchor);
            if (!anchor) return anchor.failure();
            x.trustedAuthority = authorityName(
                QByteArray::fromBase64(anchor->body.value("token").toString().toLatin1()),
                (*anchored)->tsa);
        }
        doc.entries << x;
        if (auto r = addRecord(e.recordId); !r) return r.failure();
        members.insert(e.author);
        for (const AttachmentInfo &a : e.attachments)
            if (auto r = addRecord(a.id); !r) return r.failure();
        for (const SignatureInfo &s : e.signatures) {
            if (auto r = addRecord(s.id); !r) return r.failure();
            members.insert(s.signer);
        }
        for (const CommentInfo &c : e.comments) {
            if (auto r = addRecord(c.id); !r) return r.failure();
            members.insert(c.author);
        }
    }
    members.insert(me.uuid);
    for (const QString &m : members) {
        auto chain = vault.chain(m);
        if (!chain) return chain.failure();
        for (const StoredRecord &r : *chain)
            records.insert(r.id, r.envelope);
    }

    QList<pdf::EvidenceFile> files;
    using Rel = pdf::EvidenceFile::Relationship;
    QMap<QString, QByteArray> anchors; // anchor id -> token
    const QStringList shownIds = records.keys();
    for (const QString &id : shownIds) {
        auto proof = vault.merkleProof(id);
        if (!proof) return proof.failure();
        if (!*proof) continue;
        auto anchor = addRecord((*proof)->anchor);
        if (!anchor) return anchor.failure();
        anchors.insert(anchor->id,
                       QByteArray::fromBase64(anchor->body.value("token").toString().toLatin1()));
        files << pdf::EvidenceFile{
            QStringLiteral("proof-%1.json").arg(id),
            QStringLiteral("application/json"),
            (*proof)->proofJson,
            tr("Merkle path of record %1 to the root of anchor %2").arg(id, anchor->id),
            Rel::Supplement,
            {}};
    }
    for (auto it = anchors.cbegin(); it != anchors.cend(); ++it)
        files << pdf::EvidenceFile{QStringLiteral("timestamp-%1.tsr").arg(it.key()),
                                   QStringLiteral("application/pkcs7-mime"),
                                   it.value(),
                                   tr("RFC 3161 time-stamp token of anchor %1").arg(it.key()),
                                   Rel::Supplement,
                                   {}};
    for (auto it = records.cbegin(); it != records.cend(); ++it) {
        files << pdf::EvidenceFile{QStringLiteral("record-%1.json").arg(it.key()),
                                   QStringLiteral("application/json"),
                                   it.value(),
                                   tr("Sealed record %1 (canonical JSON)").arg(it.key()),
                                   Rel::Source,
                                   {}};
        auto envelope = json::parseObject(it.value());
        if (!envelope) return envelope.failure();
        const QJsonObject record = envelope->value("record").toObject();
        if (record.value("type").toString() == QLatin1String("signature"))
            files << pdf::EvidenceFile{
                QStringLiteral("signature-%1.der").arg(it.key()),
                QStringLiteral("application/pkcs7-signature"),
                QByteArray::fromBase64(
                    record.value("body").toObject().value("cms").toString().toLatin1()),
                tr("CMS of electronic signature %1").arg(it.key()),
                Rel::Supplement,
                {}};
    }
    files << pdf::EvidenceFile{QStringLiteral("notebook-ca.pem"),
                               QStringLiteral("application/x-pem-file"),
                               crypto::certificatePem(vault.caCertificate()),
                               tr("The notebook's certificate authority"),
                               Rel::Supplement,
                               {}};
    QJsonArray entries;
    for (const EntryVersion &e : shown)
        entries.append(QJsonObject{{"entry", e.uuid},
                                   {"record", e.recordId},
                                   {"version", e.version},
                                   {"versions", e.versionCount}});
    QStringList allIds = records.keys();
    std::sort(allIds.begin(), allIds.end());
    auto manifest =
        json::canonicalize(QJsonObject{{"format", "quire/1"},
                                       {"type", "pdf_export"},
                                       {"export", doc.exportId},
                                       {"exported_at", exportedAt},
                                       {"exported_by", me.uuid},
                                       {"notebook", vault.notebookUuid()},
                                       {"genesis", *genesis},
                                       {"experiment", request.experiment},
                                       {"entries", entries},
                                       {"records", QJsonArray::fromStringList(allIds)}});
    if (!manifest) return manifest.failure();
    files.prepend(pdf::EvidenceFile{QStringLiteral("quire-manifest.json"),
                                    QStringLiteral("application/json"),
                                    *manifest,
                                    tr("Which record each entry shown comes from"),
                                    Rel::Data,
                                    {}});

    // The notebook is let go while the page prints: the window prints on its own thread, where
    // the printer reads the images from the notebook, while this runs on a worker.
    const PrintJob job{ExportHtml::page(doc), doc.paper};
    lock.unlock();
    auto printed = print(job);
    lock.lock();
    if (!printed) return printed.failure();
    pdf::PageFurniture furniture;
    furniture.headerLeft = experiment->title;
    furniture.headerRight = doc.notebookName;
    furniture.footerLeft = tr("Export %1").arg(doc.exportId);
    furniture.pageFormat = tr("page %1 of %2");
    auto stamped = pdf::addPageFurniture(*printed, furniture);
    if (!stamped) return stamped.failure();
    pdf::ArchiveMetadata metadata;
    metadata.title = experiment->title;
    metadata.author = me.name;
    metadata.subject = tr("Export %1 of the experiment “%2” from the notebook “%3”")
                           .arg(doc.exportId, experiment->title, doc.notebookName);
    metadata.keywords = {QStringLiteral("quire-export:") + doc.exportId};
    metadata.created = QDateTime::fromString(exportedAt, Qt::ISODateWithMs).toLocalTime();
    auto archived = pdf::addEvidence(*stamped, files, metadata);
    if (!archived) return archived.failure();
    auto pages = pdf::pageCount(*archived);
    if (!pages) return pages.failure();

    PdfExportResult out;
    out.pdf = *archived;
    out.exportId = doc.exportId;
    out.sha256 = sha256Hex(out.pdf);
    out.pages = *pages;
    out.records = int(records.size());
    for (const auto &f : files)
        out.embeddedFiles << f.name;
    auto audited =
        vault.audit(QStringLiteral("export_pdf"), QJsonObject{{"export", out.exportId},
                                                              {"experiment", request.experiment},
                                                              {"entries", int(shown.size())},
                                                              {"pages", out.pages},
                                                              {"sha256", out.sha256}});
    emit m_notebook.changed();
    if (!audited) return audited.failure();
    return out;
}

// ---- verify -------------------------------------------------------------------------------

namespace {

// Re-checks the embedded evidence: the manifest, every record's id and that it is the record
// this vault holds (so its seal and chain are the ones the vault checked), every signature's
// CMS over its statement, every Merkle path and the time-stamp token over its root.
PdfEvidenceCheck checkEvidence(Vault &vault, const QByteArray &pdfBytes) {
    PdfEvidenceCheck c;
    auto embedded = pdf::embeddedFiles(pdfBytes);
    if (!embedded) {
        c.problems << embedded.error();
        return c;
    }
    QMap<QString, QByteArray> files;
    for (const auto &[name, bytes] : *embedded)
        files.insert(name, bytes);
    const QByteArray manifestBytes = files.value(QStringLiteral("quire-manifest.json"));
    if (manifestBytes.isEmpty()) return c;
    c.present = true;
    auto manifest = json::parseObject(manifestBytes);
    if (!manifest) {
        c.problems << tr("the manifest is not valid JSON: %1").arg(manifest.error());
        return c;
    }
    if (auto canonical = json::canonicalize(*manifest); !canonical || *canonical != manifestBytes)
        c.problems << tr("the manifest is not canonical JSON");
    c.exportId = manifest->value("export").toString();
    c.experiment = manifest->value("experiment").toString();
    if (manifest->value("format").toString() != QLatin1String("quire/1") ||
        manifest->value("type").toString() != QLatin1String("pdf_export"))
        c.problems << tr("the manifest is not a Quire PDF export manifest");
    if (manifest->value("notebook").toString() != vault.notebookUuid())
        c.problems << tr("the PDF comes from another notebook (%1)")
                          .arg(manifest->value("notebook").toString());
    if (auto genesis = vault.genesis();
        !genesis || manifest->value("genesis").toString() != *genesis)
        c.problems << tr("the PDF names another genesis record than this notebook's");

    const QByteArray caCert = vault.caCertificate();
    if (files.value(QStringLiteral("notebook-ca.pem")) != crypto::certificatePem(caCert))
        c.problems << tr("the embedded notebook-ca.pem is not this notebook's certificate "
                         "authority");
    const auto tsa = vault.tsaSettings();
    QMap<QString, QJsonObject> recordsById;
    const QJsonArray listed = manifest->value("records").toArray();
    QSet<QString> listedIds;
    for (const auto &value : listed) {
        const QString id = value.toString();
        listedIds.insert(id);
        const QString name = QStringLiteral("record-%1.json").arg(id);
        if (!files.contains(name)) {
            c.problems << tr("record %1 is listed but not embedded").arg(id);
            continue;
        }
        const QByteArray bytes = files.value(name);
        auto envelope = json::parseObject(bytes);
        if (!envelope) {
            c.problems << tr("record %1 is not valid JSON").arg(id);
            continue;
        }
        auto recordBytes = json::canonicalize(envelope->value("record"));
        if (!recordBytes || sha256Hex(*recordBytes) != id)
            c.problems << tr("record %1: its content does not hash to its id (changed)").arg(id);
        auto local = vault.record(id);
        if (!local)
            c.problems << tr("record %1 is not in this copy of the notebook (sync, or the PDF "
                             "was made up)")
                              .arg(id);
        else if (local->envelope != bytes)
            c.problems << tr("record %1 differs from this copy of the notebook").arg(id);
        const QJsonObject record = envelope->value("record").toObject();
        recordsById.insert(id, record);
        ++c.records;
        if (record.value("type").toString() == QLatin1String("signature")) {
            ++c.signatures;
            const QJsonObject body = record.value("body").toObject();
            const QByteArray cms = QByteArray::fromBase64(body.value("cms").toString().toLatin1());
            if (files.value(QStringLiteral("signature-%1.der").arg(id)) != cms)
                c.problems << tr("signature-%1.der is missing or is not the record's CMS").arg(id);
            auto statement = records::statementBytes(body, record.value("author").toString());
            if (!statement)
                c.problems << tr("signature %1: %2").arg(id, statement.error());
            else if (auto ok = cms::verifyDetached(cms, *statement, caCert); !ok)
                c.problems << tr("signature %1 does not verify: %2").arg(id, ok.error());
        }
    }
    for (auto it = files.cbegin(); it != files.cend(); ++it)
        if (it.key().startsWith(QLatin1String("record-")) &&
            !listedIds.contains(it.key().mid(7).chopped(5)))
            c.problems << tr("%1 is embedded but not in the manifest").arg(it.key());
    for (const auto &value : manifest->value("entries").toArray()) {
        const QJsonObject e = value.toObject();
        const QString id = e.value("record").toString();
        c.entryRecords << id;
        const QJsonObject r = recordsById.value(id);
        if (r.value("type").toString() != QLatin1String("entry") ||
            r.value("object").toString() != e.value("entry").toString())
            c.problems << tr("the manifest's entry %1 does not name its entry record")
                              .arg(e.value("entry").toString());
    }
    // Merkle paths and time-stamp tokens.
    for (auto it = files.cbegin(); it != files.cend(); ++it) {
        if (!it.key().startsWith(QLatin1String("proof-"))) continue;
        ++c.proofs;
        const QString id = it.key().mid(6).chopped(5);
        auto proof = json::parseObject(it.value());
        if (!proof || proof->value("record").toString() != id) {
            c.problems << tr("%1 is not a Merkle path of record %2").arg(it.key(), id);
            continue;
        }
        QList<timestamp::MerkleStep> path;
        for (const auto &step : proof->value("path").toArray())
            path << timestamp::MerkleStep{
                step.toObject().value("side").toString() == QLatin1String("left"),
                crypto::fromHex(step.toObject().value("hash").toString().toLatin1())};
        const QByteArray root = timestamp::rootFromPath(crypto::fromHex(id.toLatin1()), path);
        const QString rootHex = QString::fromLatin1(crypto::toHex(root));
        if (rootHex != proof->value("root").toString()) {
            c.problems << tr("the Merkle path of record %1 does not lead to its root").arg(id);
            continue;
        }
        QString anchorId;
        for (auto r = recordsById.cbegin(); r != recordsById.cend(); ++r)
            if (r->value("type").toString() == QLatin1String("anchor") &&
                r->value("body").toObject().value("root").toString() == rootHex)
                anchorId = r.key();
        if (anchorId.isEmpty()) {
            c.problems << tr("no embedded anchor has the root of record %1's path").arg(id);
            continue;
        }
        const QByteArray token = QByteArray::fromBase64(recordsById.value(anchorId)
                                                            .value("body")
                                                            .toObject()
                                                            .value("token")
                                                            .toString()
                                                            .toLatin1());
        if (files.value(QStringLiteral("timestamp-%1.tsr").arg(anchorId)) != token)
            c.problems
                << tr("timestamp-%1.tsr is missing or is not the anchor's token").arg(anchorId);
        if (tsa && !tsa->trustedPem.isEmpty())
            if (auto ok = timestamp::verifyToken(token, root, tsa->trustedPem); !ok)
                c.problems << tr("the time-stamp of anchor %1 does not verify: %2")
                                  .arg(anchorId, ok.error());
    }
    for (auto it = files.cbegin(); it != files.cend(); ++it)
        if (it.key().startsWith(QLatin1String("timestamp-"))) ++c.timestamps;
    return c;
}

} // namespace

Result<PdfCheck> PdfExport::verify(const QByteArray &pdfBytes) {
    const std::lock_guard lock(m_notebook.m_mutex);
    Vault &vault = *m_notebook.m_vault;
    auto tsa = vault.tsaSettings();
    if (!tsa) return tsa.failure();
    auto report = pdf::verifyPdf(pdfBytes, vault.caCertificate(), tsa->trustedPem);
    if (!report) return report.failure();
    PdfCheck out;
    out.size = report->size;
    out.dssCertificates = report->dssCertificates;
    for (const pdf::SignatureReport &s : report->signatures) {
        PdfSignatureCheck c;
        c.documentTimestamp = s.kind == pdf::SignatureReport::Kind::DocumentTimestamp;
        c.field = s.field;
        c.signer = s.name.isEmpty() ? s.signerName : s.name;
        c.signerEmail = s.signerEmail;
        c.meaning = s.reason;
        c.claimedTime = s.claimedTime.isValid() ? s.claimedTime.toString(Qt::ISODate) : QString();
        const QDateTime proven = c.documentTimestamp ? s.timestamp.genTime : s.provenBefore;
        c.provenTime = proven.isValid() ? proven.toUTC().toString(Qt::ISODateWithMs) : QString();
        c.authority = s.timestamp.authority;
        c.timestampValid = s.timestamp.valid;
        c.level = s.level;
        c.intact = s.intact;
        c.chainsToNotebook = s.trusted;
        c.coversWholeFile = s.coversWholeFile;
        c.appendedAfter = s.appendedAfter;
        c.disallowedChanges = s.disallowedChanges;
        c.problems = s.problems;
        if (!s.timestamp.problem.isEmpty() && s.timestamp.present)
            c.problems << tr("time-stamp: %1").arg(s.timestamp.problem);
        if (!c.documentTimestamp && !s.trusted)
            c.problems << tr("the signer's certificate was not issued by this notebook");
        c.valid = s.valid();
        out.signatures << c;
    }
    out.evidence = checkEvidence(vault, pdfBytes);
    if (!out.evidence.present)
        out.evidence.problems << tr("the PDF carries no Quire evidence (quire-manifest.json)");
    return out;
}

// ---- signing ------------------------------------------------------------------------------

Result<QString> PdfExport::signingProblem(const QByteArray &pdfBytes, const QString &meaning) {
    if (!Notebook::signatureMeanings().contains(meaning))
        return fail(tr("“%1” is not a meaning of a signature (authored, reviewed, approved, "
                       "witnessed)")
                        .arg(meaning));
    auto check = verify(pdfBytes);
    if (!check) return check.failure();
    if (!check->evidence.present)
        return tr("this PDF is not an export of this notebook (it carries no Quire evidence)");
    if (!check->evidence.problems.isEmpty())
        return tr("this PDF does not match your copy of the notebook: %1")
            .arg(check->evidence.problems.first());
    for (const auto &s : check->signatures)
        if (!s.valid)
            return tr("an earlier signature on this PDF is not valid (%1: %2)")
                .arg(s.field, (s.problems + s.disallowedChanges).join(QStringLiteral("; ")));
    const std::lock_guard lock(m_notebook.m_mutex);
    Vault &vault = *m_notebook.m_vault;
    const MemberInfo me = m_notebook.me();
    QSet<QString> authors;
    for (const QString &id : check->evidence.entryRecords)
        if (auto r = vault.record(id)) authors.insert(r->author);
    if (me.status != QLatin1String("active"))
        return tr("your membership of this notebook is not active");
    if (meaning == QLatin1String("authored")) {
        if (!authors.contains(me.uuid))
            return tr("only a member who wrote entries in this PDF signs it as its author; you "
                      "wrote none of them");
        return QString();
    }
    if (!me.roles.contains(QStringLiteral("supervisor")))
        return tr("only a supervisor signs a PDF as %1")
            .arg(Notebook::meaningLabel(meaning).toLower());
    if (authors.contains(me.uuid))
        return tr("you wrote entries in this PDF, so you may only sign it as their author (a "
                  "witness is never the inventor)");
    return QString();
}

Result<PdfSignResult> PdfExport::sign(const QByteArray &pdfBytes, const QString &meaning,
                                      const QByteArray &passphrase) {
    auto problem = signingProblem(pdfBytes, meaning);
    if (!problem) return problem.failure();
    if (!problem->isEmpty()) return fail(*problem);
    const std::lock_guard lock(m_notebook.m_mutex);
    Vault &vault = *m_notebook.m_vault;
    PdfSignResult out;
    out.sha256Before = sha256Hex(pdfBytes);
    if (!vault.checkPassphrase(passphrase)) {
        auto audited = vault.audit(QStringLiteral("signing_failed"),
                                   QJsonObject{{"pdf_sha256", out.sha256Before},
                                               {"meaning", meaning},
                                               {"reason", QStringLiteral("wrong passphrase")}});
        emit m_notebook.changed();
        if (!audited) return audited.failure();
        return fail(tr("the passphrase is wrong; nothing was signed, and the failed attempt was "
                       "recorded"));
    }
    const MemberInfo me = m_notebook.me();
    auto evidence = checkEvidence(vault, pdfBytes);
    // The block names the entries this signer wrote by their numbers on the pages ("1–5, 7").
    QList<int> numbers;
    for (qsizetype i = 0; i < evidence.entryRecords.size(); ++i)
        if (auto r = vault.record(evidence.entryRecords.at(i)); r && r->author == me.uuid) {
            out.entriesAuthored << r->body.value("title").toString();
            numbers << int(i + 1);
        }
    auto cert = vault.myCertificate();
    if (!cert) return cert.failure();
    pdf::SignRequest request;
    request.reason = meaning;
    request.name = me.name;
    const QDateTime now = QDateTime::currentDateTime();
    request.signingTime = now.toOffsetFromUtc(now.offsetFromUtc());
    const QString when = ExportHtml::localTime(now.toUTC().toString(Qt::ISODateWithMs));
    QString what = tr("Meaning: %1").arg(Notebook::meaningLabel(meaning));
    if (meaning == QLatin1String("authored") && !numbers.isEmpty()) {
        QStringList runs;
        for (qsizetype i = 0; i < numbers.size();) {
            qsizetype j = i;
            while (j + 1 < numbers.size() && numbers.at(j + 1) == numbers.at(j) + 1)
                ++j;
            runs << (j == i ? QString::number(numbers.at(i))
                            : QStringLiteral("%1–%2").arg(numbers.at(i)).arg(numbers.at(j)));
            i = j + 1;
        }
        what += numbers.size() == 1 ? tr(", entry %1").arg(runs.join(QString()))
                                    : tr(", entries %1").arg(runs.join(QStringLiteral(", ")));
    }
    request.blockLines = {me.name, what, when, me.email};
    // Above the page footer (PageFurniture), in the room the last page keeps free for blocks.
    request.footMargin = 44;
    const auto signWithVault = [&vault](const QByteArray &tbs) { return vault.signBytes(tbs); };
    auto tsa = vault.tsaSettings();
    if (!tsa) return tsa.failure();
    const pdf::TsaCallback authority = anyAuthority(tsa->urls);
    const QList<QByteArray> extra{vault.caCertificate()};
    Result<QByteArray> signedPdf = fail(tr("no time-stamp authority is set"));
    if (!tsa->urls.isEmpty())
        signedPdf = pdf::signPdf(pdfBytes, request, signWithVault, *cert, extra, authority);
    if (signedPdf) {
        out.level = QStringLiteral("B-T");
        auto certs = pdf::embeddedCertificates(*signedPdf);
        if (!certs) return certs.failure();
        auto withDss =
            pdf::addDss(*signedPdf, *certs + crypto::certificatesFromPem(tsa->trustedPem));
        if (!withDss) return withDss.failure();
        auto stamped = pdf::addDocumentTimestamp(*withDss, authority);
        if (stamped) {
            out.pdf = *stamped;
            out.level = QStringLiteral("B-LTA");
        } else {
            out.pdf = *withDss;
            out.level = QStringLiteral("B-LT");
            out.timeNote = stamped.error();
        }
    } else {
        out.timeNote = signedPdf.error();
        auto offline = pdf::signPdf(pdfBytes, request, signWithVault, *cert, extra);
        if (!offline) return offline.failure();
        out.pdf = *offline;
        out.level = QStringLiteral("B-B");
    }
    out.sha256After = sha256Hex(out.pdf);
    auto audited =
        vault.audit(QStringLiteral("pdf_signed"), QJsonObject{{"export", evidence.exportId},
                                                              {"meaning", meaning},
                                                              {"level", out.level},
                                                              {"sha256_before", out.sha256Before},
                                                              {"sha256_after", out.sha256After}});
    emit m_notebook.changed();
    if (!audited) return audited.failure();
    return out;
}

Result<PdfSignResult> PdfExport::timestamp(const QByteArray &pdfBytes) {
    auto check = verify(pdfBytes);
    if (!check) return check.failure();
    if (check->signatures.isEmpty()) return fail(tr("the PDF carries no signature to time-stamp"));
    for (const auto &s : check->signatures)
        if (!s.valid)
            return fail(
                tr("a signature on this PDF is not valid (%1); nothing was added").arg(s.field));
    const std::lock_guard lock(m_notebook.m_mutex);
    Vault &vault = *m_notebook.m_vault;
    auto tsa = vault.tsaSettings();
    if (!tsa) return tsa.failure();
    PdfSignResult out;
    out.sha256Before = sha256Hex(pdfBytes);
    auto certs = pdf::embeddedCertificates(pdfBytes);
    if (!certs) return certs.failure();
    auto withDss = pdf::addDss(pdfBytes, *certs + crypto::certificatesFromPem(tsa->trustedPem));
    if (!withDss) return withDss.failure();
    auto stamped = pdf::addDocumentTimestamp(*withDss, anyAuthority(tsa->urls));
    if (!stamped)
        return fail(
            tr("no time-stamp authority answered; the PDF is unchanged: %1").arg(stamped.error()));
    out.pdf = *stamped;
    out.level = QStringLiteral("B-LTA");
    out.sha256After = sha256Hex(out.pdf);
    auto audited = vault.audit(QStringLiteral("pdf_timestamped"),
                               QJsonObject{{"export", check->evidence.exportId},
                                           {"sha256_before", out.sha256Before},
                                           {"sha256_after", out.sha256After}});
    emit m_notebook.changed();
    if (!audited) return audited.failure();
    return out;
}

Result<int> PdfExport::pageCount(const QByteArray &pdf) {
    return preview::pdfPageCount(pdf);
}

Result<QImage> PdfExport::pageImage(const QByteArray &pdf, int page, int maxSide) {
    return preview::render(pdf, QStringLiteral("application/pdf"), maxSide, page);
}

} // namespace quire
