#include "exchange/ElnExport.h"

#include "crypto/Crypto.h"
#include "crypto/Timestamp.h"
#include "formats/eln/ElnWriter.h"
#include "html/HtmlSanitizer.h"
#include "records/CanonicalJson.h"
#include "vault/Vault.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QFileInfo>
#include <QHash>
#include <QJsonArray>
#include <QJsonDocument>
#include <QMap>
#include <QSaveFile>
#include <QSet>

#include <functional>
#include <mutex>

namespace quire {

namespace {

using eln::ElnWriter;

QString tr(const char *text, const char *disambiguation = nullptr, int n = -1) {
    return QCoreApplication::translate("quire::ElnExport", text, disambiguation, n);
}

// The crate's own text is English whatever the window speaks: it is read by other systems
// and archives, and an importer may look for "Signed by".
QString en(const char *text) {
    return QString::fromUtf8(text);
}

QString nowUtc() {
    return QDateTime::currentDateTimeUtc().toString(QStringLiteral("yyyy-MM-ddTHH:mm:ss.zzzZ"));
}

QString sha256Hex(const QByteArray &bytes) {
    return QString::fromLatin1(crypto::toHex(crypto::sha256(bytes)));
}

QDateTime parseUtc(const QString &rfc3339) {
    QDateTime t = QDateTime::fromString(rfc3339, Qt::ISODateWithMs);
    return t.isValid() ? t.toUTC() : QDateTime();
}

// "2026-11-24 19:40:00 UTC": how a date reads in the crate's text, with its zone (FORMAT.md §3).
QString readableTime(const QString &rfc3339) {
    const QDateTime t = parseUtc(rfc3339);
    return t.isValid() ? t.toString(QStringLiteral("yyyy-MM-dd HH:mm:ss 'UTC'")) : rfc3339;
}

QStringList stringList(const QJsonValue &v) {
    QStringList out;
    for (const auto &x : v.toArray())
        out << x.toString();
    return out;
}

QJsonObject ref(const QString &id) {
    return QJsonObject{{"@id", id}};
}

QString personId(const QString &member) {
    return QStringLiteral("#person-") + member;
}

// The Merkle tree of one anchor built once, so that every record it covers gets its path
// without rebuilding the tree (Vault::merkleProof does one record at a time). Level by level,
// pairing neighbours and lifting a last odd node unchanged, which is RFC 6962's tree.
class MerkleLevels {
public:
    explicit MerkleLevels(const QList<QByteArray> &rawIds) {
        QList<QByteArray> level;
        level.reserve(rawIds.size());
        for (const QByteArray &id : rawIds)
            level << timestamp::merkleLeafHash(id);
        m_levels << level;
        while (m_levels.last().size() > 1) {
            const QList<QByteArray> &below = m_levels.last();
            QList<QByteArray> above;
            for (qsizetype i = 0; i < below.size(); i += 2)
                above << (i + 1 < below.size() ? crypto::sha256(QByteArray(1, '\x01') +
                                                                below.at(i) + below.at(i + 1))
                                               : below.at(i));
            m_levels << above;
        }
    }
    QByteArray root() const { return m_levels.last().value(0); }
    QJsonArray path(qsizetype index) const {
        QJsonArray out;
        for (qsizetype l = 0; l + 1 < m_levels.size(); ++l) {
            const QList<QByteArray> &level = m_levels.at(l);
            if (index % 2 == 1)
                out.append(
                    QJsonObject{{"side", "left"},
                                {"hash", QString::fromLatin1(crypto::toHex(level.at(index - 1)))}});
            else if (index + 1 < level.size())
                out.append(
                    QJsonObject{{"side", "right"},
                                {"hash", QString::fromLatin1(crypto::toHex(level.at(index + 1)))}});
            index /= 2;
        }
        return out;
    }

private:
    QList<QList<QByteArray>> m_levels;
};

// Names already used in each folder, case-folded: two files must not collide on a system that
// ignores case.
class FolderNames {
public:
    QString unique(const QString &folder, const QString &name) {
        QSet<QString> &used = m_used[folder];
        const qsizetype dot = name.lastIndexOf(QLatin1Char('.'));
        const QString stem = dot > 0 ? name.left(dot) : name;
        const QString ext = dot > 0 ? name.mid(dot) : QString();
        QString candidate = name;
        for (int n = 2; used.contains(candidate.toCaseFolded()); ++n)
            candidate = QStringLiteral("%1-%2%3").arg(stem).arg(n).arg(ext);
        used.insert(candidate.toCaseFolded());
        return candidate;
    }

private:
    QHash<QString, QSet<QString>> m_used;
};

// One thing to put in the zip, in order.
struct Planned {
    QString path; // inside the root folder; a folder ends with '/'
    QByteArray bytes;
    QString attachment; // when set, the bytes are this attachment's, streamed from the vault
    qint64 size = 0;
    bool compress = true;
    QDateTime modified;
};

QString signatureText(const VaultSignature &s, const std::optional<VaultAnchorTime> &time) {
    QString text =
        en("Signed by %1 (%2) on %3").arg(s.printedName, s.meaning, readableTime(s.signedAt));
    if (time && time->trusted)
        text += en("; time-stamped by %1 at %2").arg(time->tsa, readableTime(time->genTime));
    if (!s.valid || !s.allowed) text += en(" — this signature does not hold: %1").arg(s.problem);
    return text;
}

// Each exported record's Merkle path (proof-<id>.json) and each anchor's token
// (timestamp-<anchor>.tsr) into `files`, the anchors into `records`; returns the paths written.
// One tree per anchor, built once.
Result<int> addTimeProofs(Vault &vault, QMap<QString, StoredRecord> &records,
                          QMap<QString, QByteArray> &files,
                          const std::function<bool()> &cancelled) {
    QHash<QString, QStringList> coveredBy; // anchor -> the exported records it covers
    for (auto it = records.cbegin(); it != records.cend(); ++it) {
        if (it->type == QLatin1String("anchor")) continue;
        auto time = vault.anchorTime(it.key());
        if (!time) return time.failure();
        if (*time) coveredBy[(*time)->anchor] << it.key();
    }
    int written = 0;
    for (auto it = coveredBy.cbegin(); it != coveredBy.cend(); ++it) {
        if (cancelled()) return fail(tr("the export was cancelled; no file was written"));
        auto anchor = vault.record(it.key());
        if (!anchor) return anchor.failure();
        records.insert(anchor->id, *anchor);
        const QJsonObject body = anchor->body;
        QList<QByteArray> raw;
        QHash<QString, qsizetype> index;
        const QJsonArray leaves = body.value("leaves").toArray();
        for (qsizetype i = 0; i < leaves.size(); ++i) {
            index.insert(leaves.at(i).toString(), i);
            raw << crypto::fromHex(leaves.at(i).toString().toLatin1());
        }
        const MerkleLevels tree(raw);
        if (QString::fromLatin1(crypto::toHex(tree.root())) != body.value("root").toString())
            return fail(tr("the anchor %1 does not have the root of its leaves").arg(it.key()));
        for (const QString &id : it.value()) {
            if (!index.contains(id))
                return fail(tr("the anchor %1 does not name record %2").arg(it.key(), id));
            auto proof = json::canonicalize(QJsonObject{{"record", id},
                                                        {"root", body.value("root").toString()},
                                                        {"path", tree.path(index.value(id))}});
            if (!proof) return proof.failure();
            files.insert(QStringLiteral("proof-%1.json").arg(id), *proof);
            ++written;
        }
        files.insert(QStringLiteral("timestamp-%1.tsr").arg(it.key()),
                     QByteArray::fromBase64(body.value("token").toString().toLatin1()));
    }
    return written;
}

// The zip in its order: the root folder, ro-crate-metadata.json first (for readers that stream),
// quire/, then each experiment's and entry's folder and files, attachments streamed from the
// vault chunk by chunk.
Result<void> writeCrate(ElnWriter &writer, Vault &vault, const QString &root,
                        const QByteArray &metadata, const QMap<QString, QByteArray> &proofFiles,
                        const QList<Planned> &plan, const QDateTime &exportedAt,
                        const std::function<bool()> &cancelled, const std::function<void()> &tick) {
    const QString cancelMessage = tr("the export was cancelled; no file was written");
    if (auto r = writer.open(); !r) return r;
    if (auto r = writer.addDirectory(root, exportedAt); !r) return r;
    if (auto r =
            writer.addFile(root + QStringLiteral("ro-crate-metadata.json"), metadata, exportedAt);
        !r)
        return r;
    if (auto r = writer.addDirectory(root + QStringLiteral("quire/"), exportedAt); !r) return r;
    for (auto it = proofFiles.cbegin(); it != proofFiles.cend(); ++it) {
        // CMS and tokens are DER: random-looking, not worth deflating.
        const bool packed =
            it.key().endsWith(QLatin1String(".der")) || it.key().endsWith(QLatin1String(".tsr"));
        if (auto r = writer.addFile(root + QStringLiteral("quire/") + it.key(), it.value(),
                                    exportedAt, !packed);
            !r)
            return r;
    }
    for (const Planned &p : plan) {
        if (cancelled()) return fail(cancelMessage);
        if (p.path.endsWith(QLatin1Char('/'))) {
            if (auto r = writer.addDirectory(root + p.path, p.modified); !r) return r;
            continue;
        }
        if (p.attachment.isEmpty()) {
            if (auto r = writer.addFile(root + p.path, p.bytes, p.modified, p.compress); !r)
                return r;
            tick();
            continue;
        }
        if (auto r = writer.beginFile(root + p.path, p.size, p.modified, p.compress); !r) return r;
        auto read = vault.readAttachment(p.attachment,
                                         [&](const QByteArray &chunk) -> Result<void> {
                                             if (cancelled()) return fail(cancelMessage);
                                             return writer.writeData(chunk);
                                         },
                                         {});
        if (!read) return read;
        if (auto r = writer.endFile(); !r) return r;
        tick();
    }
    return writer.close();
}

const char kReadme[] =
    "Quire's proof of this crate (FORMAT.md of Quire, format quire/1)\n"
    "\n"
    "quire-manifest.json   what was exported: the records behind every experiment and entry,\n"
    "                      and the SHA-256 of every other file here (canonical JSON)\n"
    "record-<id>.json      a sealed record as stored; <id> is the SHA-256 of the canonical JSON\n"
    "                      of its \"record\" member; the seal is an ECDSA P-256 signature over\n"
    "                      those bytes by the certificate whose SHA-256 is seal.cert (found in "
    "the\n"
    "                      member records' sign_cert, issued by notebook-ca.pem)\n"
    "signature-<id>.der    an electronic signature (CMS, detached) over the statement\n"
    "                      "
    "{\"format\",\"meaning\",\"printed_name\",\"signed_at\",\"signer\",\"target\"}\n"
    "                      in canonical JSON; check it with\n"
    "                      openssl cms -verify -binary -inform DER -in signature-<id>.der\n"
    "                        -content statement.json -CAfile notebook-ca.pem -purpose any\n"
    "proof-<id>.json       the record's Merkle path (RFC 6962) to the root of an anchor record\n"
    "timestamp-<id>.tsr    the anchor's RFC 3161 time-stamp token over that root; check it with\n"
    "                      openssl ts -verify -token_in -in timestamp-<id>.tsr\n"
    "                        -digest <root> -CAfile tsa-ca.pem\n"
    "notebook-ca.pem       the notebook's certificate authority\n"
    "tsa-ca.pem            the time-stamp authorities the notebook trusted when exporting\n";

} // namespace

QString ElnExport::publisherUrl() {
    return QStringLiteral("https://quire.org/");
}

Result<ElnExportResult> ElnExport::exportTo(const ElnExportRequest &request,
                                            const ProgressFn &progress,
                                            const std::atomic_bool *cancel) {
    const auto cancelled = [cancel] { return cancel && cancel->load(); };
    const QString cancelMessage = tr("the export was cancelled; no file was written");
    if (request.outPath.isEmpty()) return fail(tr("no file to write the export to was given"));
    const std::lock_guard lock(m_notebook.m_mutex);
    Vault &vault = *m_notebook.m_vault;

    // ---- what to export ---------------------------------------------------------------------
    QList<VaultExperiment> experiments;
    if (request.all) {
        auto all = vault.experiments();
        if (!all) return all.failure();
        experiments = *all;
        std::sort(experiments.begin(), experiments.end(),
                  [](const VaultExperiment &a, const VaultExperiment &b) {
                      return a.createdAt < b.createdAt;
                  });
    } else {
        QSet<QString> seen;
        for (const QString &uuid : request.experiments) {
            if (seen.contains(uuid)) continue;
            seen.insert(uuid);
            auto e = vault.experiment(uuid);
            if (!e) return fail(tr("there is no experiment %1 in this notebook").arg(uuid));
            experiments << *e;
        }
    }
    if (experiments.isEmpty())
        return fail(request.all ? tr("the notebook has no experiments to export")
                                : tr("choose at least one experiment to export"));

    auto memberList = vault.members();
    if (!memberList) return memberList.failure();
    QHash<QString, VaultMember> members;
    for (const VaultMember &m : *memberList)
        members.insert(m.uuid, m);
    auto genesis = vault.genesis();
    if (!genesis) return genesis.failure();
    const QString exportId = crypto::newUuid();
    const QString exportedAt = nowUtc();
    const QDateTime exportedAtTime = parseUtc(exportedAt);
    const QString me = vault.memberUuid();

    QMap<QString, StoredRecord> records; // everything quire/ proves, by id
    auto keep = [&](const QString &id) -> Result<void> {
        if (records.contains(id)) return {};
        auto r = vault.record(id);
        if (!r) return r.failure();
        records.insert(id, *r);
        return {};
    };

    QString rootName = ElnWriter::safeName(QFileInfo(request.outPath).completeBaseName(), 64);
    if (rootName == QLatin1String("quire")) rootName += QStringLiteral("-export");
    FolderNames names;
    names.unique(QString(), QStringLiteral("ro-crate-metadata.json"));
    names.unique(QString(), QStringLiteral("quire"));

    QJsonArray graph;
    QJsonArray rootParts;
    QSet<QString> people{me};
    QList<Planned> plan;
    QJsonArray manifestExperiments;
    ElnExportResult result;
    result.exportId = exportId;

    qint64 entryTotal = 0;
    QList<QList<VaultEntry>> entriesOf;
    for (const VaultExperiment &e : experiments) {
        auto list = vault.entries(e.uuid);
        if (!list) return list.failure();
        entryTotal += list->size();
        entriesOf << *list;
    }
    qint64 step = 0;
    qint64 totalSteps = entryTotal * 2; // read, then written; attachments join once known
    const auto tick = [&] {
        ++step;
        if (progress) progress(step, totalSteps);
    };

    for (qsizetype ei = 0; ei < experiments.size(); ++ei) {
        const VaultExperiment &x = experiments.at(ei);
        auto xChain = vault.chain(x.uuid);
        if (!xChain) return xChain.failure();
        for (const StoredRecord &r : *xChain)
            records.insert(r.id, r);
        const QString xFolder = names.unique(QString(), ElnWriter::safeName(x.title) +
                                                            QLatin1Char('-') + x.uuid.left(8)) +
                                QLatin1Char('/');
        const QString xId = QStringLiteral("./") + xFolder;
        const QString xAuthor = xChain->isEmpty() ? x.author : xChain->first().author;
        people.insert(xAuthor);
        plan << Planned{xFolder, {}, {}, 0, false, parseUtc(x.updatedAt)};
        QJsonArray xParts;
        QJsonArray manifestEntries;

        for (const VaultEntry &ve : entriesOf.at(ei)) {
            if (cancelled()) return fail(cancelMessage);
            auto chain = vault.chain(ve.uuid);
            if (!chain) return chain.failure();
            if (chain->isEmpty()) return fail(tr("the entry %1 has no versions").arg(ve.uuid));
            const StoredRecord &head = chain->last();
            for (const StoredRecord &r : *chain) {
                records.insert(r.id, r);
                for (const QString &a : stringList(r.body.value("attachments")))
                    if (auto k = keep(a); !k) return k.failure();
            }
            auto signatures = vault.signaturesOf(ve.uuid);
            if (!signatures) return signatures.failure();
            people.insert(head.author);

            const QString eFolder =
                xFolder +
                names.unique(xFolder, QStringLiteral("%1-%2")
                                          .arg(ve.order, 4, 10, QLatin1Char('0'))
                                          .arg(ElnWriter::safeName(ve.title))) +
                QLatin1Char('/');
            const QString eId = QStringLiteral("./") + eFolder;
            plan << Planned{eFolder, {}, {}, 0, false, parseUtc(head.recordedAt)};
            QJsonArray eParts;
            const QString htmlPath = eFolder + names.unique(eFolder, QStringLiteral("entry.html"));

            // Attachments of the latest version, named safely, their pictures linked in the page.
            QString pageHtml = head.body.value("html").toString();
            QJsonArray manifestAttachments;
            QList<QJsonObject> fileEntities;
            for (const QString &aid : stringList(head.body.value("attachments"))) {
                auto a = vault.attachment(aid);
                if (!a) return a.failure();
                const QString fileName = names.unique(eFolder, ElnWriter::safeName(a->name, 80));
                const QString path = eFolder + fileName;
                pageHtml.replace(QStringLiteral("quire-attachment:") + aid, fileName);
                plan << Planned{path,
                                {},
                                aid,
                                a->size,
                                ElnWriter::worthCompressing(a->mediaType),
                                parseUtc(a->recordedAt)};
                ++totalSteps;
                ++result.files;
                fileEntities << QJsonObject{
                    {"@id", QStringLiteral("./") + path},
                    {"@type", "File"},
                    {"name", a->name},
                    {"encodingFormat", a->mediaType.isEmpty()
                                           ? QStringLiteral("application/octet-stream")
                                           : a->mediaType},
                    {"contentSize", QString::number(a->size)},
                    {"sha256", a->sha256},
                    {"dateCreated", a->recordedAt},
                    {"identifier", aid}};
                manifestAttachments.append(QJsonObject{{"record", aid}, {"path", path}});
            }

            // What a reader of another ELN should see of signatures, versions and voiding.
            QStringList description;
            description << en("Version %1 of %2, recorded %3 by %4.")
                               .arg(head.version)
                               .arg(chain->size())
                               .arg(readableTime(head.recordedAt), members.value(head.author).name);
            if (!head.body.value("reason").toString().isEmpty())
                description
                    << en("Reason for this version: %1").arg(head.body.value("reason").toString());
            if (head.body.value("status").toString() == QLatin1String("void"))
                description << en("This entry is VOID (withdrawn).");
            QStringList signatureLines;
            QJsonArray comments;
            for (const VaultSignature &s : *signatures) {
                if (auto k = keep(s.id); !k) return k.failure();
                people.insert(s.signer);
                auto time = vault.anchorTime(s.id);
                if (!time) return time.failure();
                QString line = signatureText(s, *time);
                if (s.target != head.id) line += en(" (of version %1)").arg(s.targetVersion);
                signatureLines << line;
                const QString cid = QStringLiteral("#signature-") + s.id;
                comments.append(ref(cid));
                graph.append(QJsonObject{{"@id", cid},
                                         {"@type", "Comment"},
                                         {"text", line},
                                         {"dateCreated", s.signedAt},
                                         {"author", ref(personId(s.signer))},
                                         {"identifier", s.id}});
                ++result.signatures;
            }
            // Comments on the entry (issue 16), as schema.org Comments beside the signatures.
            auto remarks = vault.commentsOn(ve.uuid);
            if (!remarks) return remarks.failure();
            for (const VaultComment &c : *remarks) {
                if (auto k = keep(c.id); !k) return k.failure();
                people.insert(c.author);
                const QString text = html::plainText(c.html).trimmed();
                const QString cid = QStringLiteral("#comment-") + c.id;
                comments.append(ref(cid));
                graph.append(QJsonObject{{"@id", cid},
                                         {"@type", "Comment"},
                                         {"text", c.requestsChanges
                                                      ? en("Changes requested (of version %1): %2")
                                                            .arg(c.targetVersion)
                                                            .arg(text)
                                                      : text},
                                         {"dateCreated", c.recordedAt},
                                         {"author", ref(personId(c.author))},
                                         {"identifier", c.id}});
            }
            description << signatureLines;
            if (auto t = vault.anchorTime(head.id); t && *t && (*t)->trusted)
                description << en("Existence attested by the time-stamp authority %1 at %2.")
                                   .arg((*t)->tsa, readableTime((*t)->genTime));

            // The entry's text as a page a browser shows without Quire.
            const QString title = head.body.value("title").toString();
            QString page = QStringLiteral("<!DOCTYPE html>\n<html><head><meta charset=\"utf-8\">"
                                          "<meta name=\"generator\" content=\"Quire\"><title>") +
                           title.toHtmlEscaped() + QStringLiteral("</title></head>\n<body>\n<h1>") +
                           title.toHtmlEscaped() + QStringLiteral("</h1>\n");
            for (const QString &line : description)
                page += QStringLiteral("<p>") + line.toHtmlEscaped() + QStringLiteral("</p>\n");
            page += QStringLiteral("<hr>\n") + pageHtml + QStringLiteral("\n</body></html>\n");
            const QByteArray pageBytes = page.toUtf8();
            plan.insert(
                plan.size() - manifestAttachments.size(),
                Planned{
                    htmlPath, pageBytes, {}, pageBytes.size(), true, parseUtc(head.recordedAt)});
            eParts.append(ref(QStringLiteral("./") + htmlPath));
            graph.append(QJsonObject{
                {"@id", QStringLiteral("./") + htmlPath},
                {"@type", "File"},
                {"name", QStringLiteral("entry.html")},
                {"description",
                 en("The text of version %1 of the entry “%2”").arg(head.version).arg(title)},
                {"encodingFormat", "text/html"},
                {"contentSize", QString::number(pageBytes.size())},
                {"sha256", sha256Hex(pageBytes)},
                {"dateCreated", head.recordedAt}});
            for (const QJsonObject &f : fileEntities) {
                eParts.append(ref(f.value("@id").toString()));
                graph.append(f);
            }
            QJsonObject entry{{"@id", eId},
                              {"@type", "Dataset"},
                              {"genre", "notebook entry"},
                              {"name", title},
                              {"author", ref(personId(chain->first().author))},
                              {"dateCreated", chain->first().recordedAt},
                              {"dateModified", head.recordedAt},
                              {"identifier", QStringLiteral("urn:uuid:") + ve.uuid},
                              {"version", QString::number(head.version)},
                              {"creativeWorkStatus", head.body.value("status").toString()},
                              {"text", head.body.value("html").toString()},
                              {"description", description.join(QLatin1Char('\n'))},
                              {"isPartOf", ref(xId)},
                              {"hasPart", eParts}};
            if (!comments.isEmpty()) entry.insert("comment", comments);
            graph.append(entry);
            xParts.append(ref(eId));
            rootParts.append(ref(eId));
            manifestEntries.append(QJsonObject{{"entry", ve.uuid},
                                               {"record", head.id},
                                               {"version", head.version},
                                               {"versions", int(chain->size())},
                                               {"path", eFolder},
                                               {"html", htmlPath},
                                               {"attachments", manifestAttachments}});
            ++result.entries;
            tick();
        }

        QJsonObject experiment{
            {"@id", xId},
            {"@type", "Dataset"},
            {"genre", "experiment"},
            {"name", x.title},
            {"author", ref(personId(xAuthor))},
            {"dateCreated", x.createdAt},
            {"dateModified", x.updatedAt},
            {"identifier", QStringLiteral("urn:uuid:") + x.uuid},
            {"creativeWorkStatus", x.status},
            {"description",
             x.project.isEmpty()
                 ? en("An experiment of the notebook “%1”.").arg(vault.notebookName())
                 : en("An experiment of the project “%1” in the "
                      "notebook “%2”.")
                       .arg(x.project, vault.notebookName())},
            {"hasPart", xParts}};
        // The specification asks for one string of keywords, separated by commas.
        if (!x.tags.isEmpty()) experiment.insert("keywords", x.tags.join(QStringLiteral(", ")));
        graph.append(experiment);
        rootParts.insert(rootParts.size() - xParts.size(), ref(xId));
        manifestExperiments.append(QJsonObject{{"experiment", x.uuid},
                                               {"record", x.head},
                                               {"path", xFolder},
                                               {"entries", manifestEntries}});
        ++result.experiments;
    }

    // ---- the proof ----------------------------------------------------------------------------
    if (auto k = keep(*genesis); !k) return k.failure();
    for (const VaultMember &m : *memberList) {
        // Every member's chain: the certificates that seal the records, and who admitted whom.
        auto chain = vault.chain(m.uuid);
        if (!chain) return chain.failure();
        for (const StoredRecord &r : *chain)
            records.insert(r.id, r);
    }
    QMap<QString, QByteArray> proofFiles; // name in quire/ -> bytes
    auto proofs = addTimeProofs(vault, records, proofFiles, cancelled);
    if (!proofs) return proofs.failure();
    result.proofs = *proofs;
    QJsonArray recordIds;
    for (auto it = records.cbegin(); it != records.cend(); ++it) {
        recordIds.append(it.key());
        proofFiles.insert(QStringLiteral("record-%1.json").arg(it.key()), it->envelope);
        if (it->type == QLatin1String("signature"))
            proofFiles.insert(QStringLiteral("signature-%1.der").arg(it.key()),
                              QByteArray::fromBase64(it->body.value("cms").toString().toLatin1()));
    }
    result.records = int(records.size());
    proofFiles.insert(QStringLiteral("notebook-ca.pem"),
                      crypto::certificatePem(vault.caCertificate()));
    auto tsa = vault.tsaSettings();
    if (!tsa) return tsa.failure();
    if (!tsa->trustedPem.isEmpty())
        proofFiles.insert(QStringLiteral("tsa-ca.pem"), tsa->trustedPem);
    proofFiles.insert(QStringLiteral("README.txt"), QByteArray(kReadme));
    QJsonArray fileList;
    for (auto it = proofFiles.cbegin(); it != proofFiles.cend(); ++it)
        fileList.append(QJsonObject{
            {"name", it.key()}, {"sha256", sha256Hex(it.value())}, {"size", it.value().size()}});
    auto manifest = json::canonicalize(QJsonObject{{"format", "quire/1"},
                                                   {"type", "eln_export"},
                                                   {"export", exportId},
                                                   {"exported_at", exportedAt},
                                                   {"exported_by", me},
                                                   {"notebook", vault.notebookUuid()},
                                                   {"notebook_name", vault.notebookName()},
                                                   {"genesis", *genesis},
                                                   {"records", recordIds},
                                                   {"experiments", manifestExperiments},
                                                   {"files", fileList}});
    if (!manifest) return manifest.failure();
    proofFiles.insert(QStringLiteral("quire-manifest.json"), *manifest);

    // ---- ro-crate-metadata.json ---------------------------------------------------------------
    for (const QString &uuid : std::as_const(people)) {
        const VaultMember m = members.value(uuid);
        QJsonObject person{{"@id", personId(uuid)},
                           {"@type", "Person"},
                           {"name", m.name.isEmpty() ? uuid : m.name},
                           {"identifier", QStringLiteral("urn:uuid:") + uuid}};
        if (!m.email.isEmpty()) person.insert("email", m.email);
        graph.append(person);
    }
    QJsonArray proofParts;
    for (const QString &name : {QStringLiteral("quire-manifest.json"),
                                QStringLiteral("notebook-ca.pem"), QStringLiteral("README.txt")}) {
        const QByteArray bytes = proofFiles.value(name);
        proofParts.append(ref(QStringLiteral("./quire/") + name));
        graph.append(QJsonObject{
            {"@id", QStringLiteral("./quire/") + name},
            {"@type", "File"},
            {"name", name},
            {"encodingFormat", name.endsWith(QLatin1String(".json"))  ? "application/json"
                               : name.endsWith(QLatin1String(".pem")) ? "application/x-pem-file"
                                                                      : "text/plain"},
            {"contentSize", QString::number(bytes.size())},
            {"sha256", sha256Hex(bytes)},
            {"dateCreated", exportedAt}});
    }
    graph.append(QJsonObject{
        {"@id", "./quire/"},
        {"@type", "Dataset"},
        {"genre", "proof"},
        {"name", en("Quire proof: sealed records, signatures and time-stamps")},
        {"description",
         en("What Quire needs to re-check this export: every record sealed as the notebook holds "
            "it, the electronic signatures (CMS), the Merkle paths and RFC 3161 time-stamp tokens, "
            "and the notebook's certificate authority. quire-manifest.json lists every file here "
            "with its SHA-256; README.txt says how to check them with openssl.")},
        {"author", ref(personId(me))},
        {"dateCreated", exportedAt},
        {"hasPart", proofParts}});
    rootParts.append(ref(QStringLiteral("./quire/")));
    graph.append(QJsonObject{{"@id", "#publisher"},
                             {"@type", "Organization"},
                             {"name", "Quire"},
                             {"url", publisherUrl()},
                             {"description", en("Quire, an electronic lab notebook")}});
    const QJsonObject root{
        {"@id", "./"},
        {"@type", "Dataset"},
        {"name", result.experiments == 1
                     ? en("%1: 1 experiment").arg(vault.notebookName())
                     : en("%1: %2 experiments").arg(vault.notebookName()).arg(result.experiments)},
        {"description",
         en("Exported from the Quire notebook “%1” by %2 on %3.")
             .arg(vault.notebookName(), members.value(me).name, readableTime(exportedAt))},
        {"datePublished", exportedAt},
        {"dateCreated", exportedAt},
        {"identifier", QStringLiteral("urn:uuid:") + exportId},
        {"publisher", ref("#publisher")},
        {"hasPart", rootParts}};
    const QJsonObject descriptor{{"@id", "ro-crate-metadata.json"},
                                 {"@type", "CreativeWork"},
                                 {"about", ref("./")},
                                 {"conformsTo", ref("https://w3id.org/ro/crate/1.1")},
                                 {"version", "1.0"},
                                 {"dateCreated", exportedAt},
                                 {"sdPublisher", ref("#publisher")}};
    QJsonArray fullGraph{descriptor, root};
    for (const auto &node : std::as_const(graph))
        fullGraph.append(node);
    const QByteArray metadata =
        QJsonDocument(QJsonObject{{"@context", "https://w3id.org/ro/crate/1.1/context"},
                                  {"@graph", fullGraph}})
            .toJson(QJsonDocument::Indented);

    // ---- the zip, written whole or not at all ------------------------------------------------
    QSaveFile file(request.outPath);
    file.setDirectWriteFallback(false);
    if (!file.open(QIODevice::WriteOnly))
        return fail(tr("could not write %1: %2").arg(request.outPath, file.errorString()));
    ElnWriter writer(&file);
    const Result<void> written = writeCrate(writer, vault, rootName + QLatin1Char('/'), metadata,
                                            proofFiles, plan, exportedAtTime, cancelled, tick);
    if (!written) {
        file.cancelWriting();
        return written.failure();
    }
    result.path = request.outPath;
    result.bytes = writer.bytesWritten();
    result.sha256 = QString::fromLatin1(crypto::toHex(writer.sha256()));
    QJsonArray exported;
    for (const VaultExperiment &x : experiments)
        exported.append(x.uuid);
    // Written before the file appears: an export the audit trail does not know of must not exist.
    auto audited = vault.audit(QStringLiteral("export_eln"),
                               QJsonObject{{"export", exportId},
                                           {"experiments", exported},
                                           {"entries", result.entries},
                                           {"attachments", result.files},
                                           {"records", result.records},
                                           {"file_name", QFileInfo(request.outPath).fileName()},
                                           {"size", result.bytes},
                                           {"sha256", result.sha256}});
    if (!audited) {
        file.cancelWriting();
        return audited.failure();
    }
    emit m_notebook.changed();
    if (!file.commit())
        return fail(tr("could not put the export in place at %1: %2 (the audit trail records the "
                       "attempt)")
                        .arg(request.outPath, file.errorString()));
    return result;
}

} // namespace quire
