// ElnImport: reading, staging, mapping (ElnPlan.cpp), then writing everything in one vault
// transaction. Nothing touches the notebook before the archive was read whole, every path
// checked and the crate mapped; the writing fails as a whole or lasts as a whole.

#include "exchange/ElnImport.h"

#include "exchange/ElnPlan.h"
#include "exchange/QuireProof.h"
#include "formats/eln/ElnArchiveReader.h"
#include "formats/eln/RoCrate.h"
#include "html/HtmlSanitizer.h"
#include "vault/Vault.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QHash>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QMimeDatabase>
#include <QTemporaryDir>
#include <QUrl>
#include <QUuid>

#include <mutex>

namespace quire {

namespace {

constexpr qint64 kMaxProofFileSize = 16 * 1024 * 1024;

// A crate path or local @id in one spelling: "./a%20b/c/" and "a b/c" are the same folder.
QString crateKey(const QString &idOrPath) {
    QString key = QUrl::fromPercentEncoding(idOrPath.toUtf8());
    while (key.startsWith(QLatin1String("./")))
        key = key.mid(2);
    while (key.endsWith('/'))
        key.chop(1);
    return key;
}

QString nfc(const QString &s) {
    return s.normalized(QString::NormalizationForm_C);
}

// The archive's files unpacked one by one into a private folder, under numbers rather than their
// names: no name from the archive ever becomes a path on this computer.
struct Staging {
    QTemporaryDir dir{QDir::tempPath() + QStringLiteral("/quire-eln-XXXXXX")};
    QHash<QString, QString> byPath; // archive path -> staged file
    QFile current;
    int count = 0;

    eln::ArchiveSink sink() {
        return eln::ArchiveSink{
            [this](const eln::ArchiveFile &f) -> Result<void> {
                const QString staged = dir.filePath(QString::number(++count));
                current.setFileName(staged);
                if (!current.open(QIODevice::WriteOnly | QIODevice::Truncate))
                    return fail(QCoreApplication::translate(
                                    "quire::ElnImport", "could not unpack the archive into %1: %2")
                                    .arg(dir.path(), current.errorString()));
                current.setPermissions(QFileDevice::ReadOwner | QFileDevice::WriteOwner);
                byPath.insert(f.path, staged);
                return {};
            },
            [this](const char *data, qint64 size) -> Result<void> {
                if (current.write(data, size) != size)
                    return fail(QCoreApplication::translate(
                                    "quire::ElnImport", "could not unpack the archive into %1: %2")
                                    .arg(dir.path(), current.errorString()));
                return {};
            },
            [this]() -> Result<void> {
                if (!current.flush())
                    return fail(QCoreApplication::translate(
                                    "quire::ElnImport", "could not unpack the archive into %1: %2")
                                    .arg(dir.path(), current.errorString()));
                current.close();
                return {};
            }};
    }
};

} // namespace

Result<ElnImportReport> ElnImport::run(Notebook &notebook, const QString &elnPath,
                                       const ElnImportOptions &options, const Progress &progress,
                                       const std::atomic_bool *cancel) {
    ElnImportReport report;
    report.archive = QFileInfo(elnPath).fileName();
    QFile file(elnPath);
    if (!file.open(QIODevice::ReadOnly))
        return fail(tr("could not read %1: %2").arg(elnPath, file.errorString()));

    // 1. Read the whole archive, checking every entry, into a private folder.
    Staging staging;
    if (!staging.dir.isValid())
        return fail(tr("could not make a folder to unpack the archive in: %1")
                        .arg(staging.dir.errorString()));
    eln::ArchiveLimits limits;
    if (options.maxEntries > 0) limits.maxEntries = options.maxEntries;
    if (options.maxTotalBytes > 0) limits.maxTotalBytes = options.maxTotalBytes;
    if (options.maxRatio > 0) limits.maxRatio = options.maxRatio;
    if (options.maxMetadataBytes > 0) limits.maxMetadataBytes = options.maxMetadataBytes;
    const QString reading = tr("Reading the archive");
    auto listing = eln::ElnArchiveReader::read(
        file, staging.sink(), limits,
        [&](qint64 done, qint64 total) {
            if (progress) progress(reading, done, total);
        },
        cancel);
    if (!listing) return fail(tr("%1 was not imported: %2").arg(report.archive, listing.error()));

    // 2. The metadata, and what becomes what.
    auto crate = eln::RoCrate::parse(listing->metadata, limits.maxMetadataBytes);
    if (!crate) return fail(tr("%1 was not imported: %2").arg(report.archive, crate.error()));
    auto plan = elnplan::makePlan(*crate, *listing, report.archive);
    if (!plan) return fail(tr("%1 was not imported: %2").arg(report.archive, plan.error()));
    report.publisher = plan->publisher;
    report.crateName = plan->crateName;
    report.unmapped = plan->unmapped;
    report.notes = plan->notes;
    for (const QString &url : plan->webLinks)
        report.mapped << ElnImportReport::Item{QStringLiteral("link"), url, url, {}};

    // Quire's own proof (quire/ in a crate Quire exported) is checked before anything is written,
    // against the CA the crate carries (QuireProof). Its files are also imported as they are, so
    // the new notebook keeps them as evidence; they never become this notebook's records.
    QMap<QString, QByteArray> proofFiles;
    for (const auto &f : listing->files) {
        const QString inCrate =
            listing->root.isEmpty() ? f.path : f.path.mid(listing->root.size() + 1);
        if (!inCrate.startsWith(QLatin1String("quire/")) || inCrate.count('/') != 1) continue;
        // Proof files are small (records, tokens, certificates); a large one is not read into
        // memory, and the check names it as missing.
        if (f.size > kMaxProofFileSize) {
            report.notes << tr("%1 is too large for a Quire proof file (%2 bytes); not checked")
                                .arg(inCrate)
                                .arg(f.size);
            continue;
        }
        QFile in(staging.byPath.value(f.path));
        if (!in.open(QIODevice::ReadOnly))
            return fail(tr("could not read %1 back from the staging folder").arg(f.path));
        proofFiles.insert(inCrate, in.readAll());
    }
    if (proofFiles.contains(QStringLiteral("quire/quire-manifest.json"))) {
        const ProofReport proof = verifyQuireProof(proofFiles);
        report.proofPresent = proof.present;
        report.proofOk = proof.ok();
        for (const auto &item : proof.items)
            if (item.kind != QLatin1String("file"))
                report.proofLines << (item.verified ? tr("verified: %1 %2 (%3)")
                                                    : tr("FAILED: %1 %2: %3"))
                                         .arg(item.kind, item.id.left(16), item.reason);
        report.proofNote =
            (proof.ok() ? tr("Quire's proof in the crate verifies: %1 items checked against the "
                             "notebook CA \"%2\" (SHA-256 %3).")
                        : tr("Quire's proof in the crate does NOT verify: %1 of %4 items failed "
                             "against the notebook CA \"%2\" (SHA-256 %3)."))
                .arg(proof.ok() ? proof.verifiedCount() : proof.failedCount())
                .arg(proof.caName, proof.caSha256)
                .arg(proof.items.size());
        // Entries whose sealed record verifies are shown so in their provenance line.
        QHash<QString, QString> recordOfPath;
        const QJsonObject manifest =
            QJsonDocument::fromJson(proofFiles.value(QStringLiteral("quire/quire-manifest.json")))
                .object();
        for (const auto &x : manifest.value("experiments").toArray())
            for (const auto &e : x.toObject().value("entries").toArray())
                recordOfPath.insert(crateKey(e.toObject().value("path").toString()),
                                    e.toObject().value("record").toString());
        const QStringList verified = proof.verifiedRecords();
        for (auto &x : plan->experiments)
            for (auto &e : x.entries) {
                const QString record = recordOfPath.value(crateKey(e.crateId));
                if (record.isEmpty()) continue;
                const bool ok = verified.contains(record);
                e.origin.insert(QStringLiteral("quire_record"), record);
                e.origin.insert(QStringLiteral("quire_proof"),
                                ok ? QStringLiteral("verified") : QStringLiteral("failed"));
                e.html.prepend(
                    QStringLiteral("<p><em>%1</em></p>\n")
                        .arg((ok ? tr("Quire proof checked on import: the sealed record %1 of "
                                      "this entry verifies against the notebook CA \"%2\".")
                                 : tr("Quire proof checked on import: the sealed record %1 of "
                                      "this entry does NOT verify."))
                                 .arg(record.left(12), proof.caName.toHtmlEscaped())));
            }
    } else if (!proofFiles.isEmpty()) {
        report.proofPresent = true;
        report.proofNote = tr("The crate has a quire/ folder without a manifest: its files were "
                              "imported as they are, and not checked.");
    }

    // 3. Everything in one transaction.
    const std::lock_guard lock(notebook.m_mutex);
    if (!notebook.me().roles.contains(QStringLiteral("author")))
        return fail(tr("only members with the author role can import"));
    Vault &vault = *notebook.m_vault;
    qint64 totalBytes = 0;
    for (const auto &f : plan->files)
        for (const auto &a : listing->files)
            if (a.path == f.path) totalBytes += a.size;
    const QString storing = tr("Storing the files");
    QMimeDatabase mimes;

    auto work = [&]() -> Result<void> {
        QList<RecordDraft> attachmentDrafts;
        qint64 doneBytes = 0;
        int stored = 0;
        for (const auto &f : plan->files) {
            if (cancel && cancel->load()) return fail(tr("the import was cancelled"));
            if (options.failAfterFiles > 0 && stored >= options.failAfterFiles)
                return fail(tr("the import was stopped after %n files, as the test asked", nullptr,
                               stored));
            const QString staged = staging.byPath.value(f.path);
            const qint64 base = doneBytes;
            auto body = vault.storeAttachment(staged, [&](qint64 done, qint64) {
                if (progress) progress(storing, base + done, totalBytes);
            });
            if (!body) return body.failure();
            doneBytes += body->value("size").toInteger();
            ++stored;
            QString type = f.mediaType;
            if (type.isEmpty()) {
                QFile in(staged);
                (void)in.open(QIODevice::ReadOnly);
                type = mimes.mimeTypeForFileNameAndData(f.name, &in).name();
            }
            body->insert("name", nfc(f.name));
            body->insert("media_type", type);
            body->insert("source", QJsonObject{{"kind", "import"},
                                               {"instrument", ""},
                                               {"original_path", nfc(f.path)},
                                               {"modified_at", nfc(f.modifiedAt)},
                                               {"crate", nfc(report.archive)},
                                               {"crate_id", nfc(f.crateId)},
                                               {"crate_sha256", f.declaredSha256}});
            attachmentDrafts << RecordDraft{
                "attachment", QUuid::createUuid().toString(QUuid::WithoutBraces), {}, *body, {}};
        }
        if (progress) progress(tr("Writing the notebook"), 0, 1);
        auto attachments = vault.append(attachmentDrafts);
        if (!attachments) return attachments.failure();
        for (qsizetype i = 0; i < attachments->size(); ++i) {
            const auto &f = plan->files.at(i);
            const StoredRecord &r = attachments->at(i);
            const QString actual = r.body.value("sha256").toString();
            report.bytes += r.body.value("size").toInteger();
            report.mapped << ElnImportReport::Item{QStringLiteral("attachment"), f.crateId, f.name,
                                                   r.id};
            if (!f.declaredSha256.isEmpty() && f.declaredSha256 != actual)
                report.hashMismatches
                    << ElnImportReport::Mismatch{f.crateId, f.path, f.declaredSha256, actual, r.id};
        }
        report.files = int(attachments->size());

        QList<RecordDraft> drafts;
        for (const auto &x : plan->experiments) {
            QJsonArray tags;
            for (const auto &t : x.tags)
                tags.append(t);
            drafts << RecordDraft{"experiment",
                                  x.uuid,
                                  {},
                                  QJsonObject{{"title", x.title},
                                              {"project", x.project},
                                              {"tags", tags},
                                              {"status", "open"},
                                              {"origin", x.origin}},
                                  {}};
            report.mapped << ElnImportReport::Item{QStringLiteral("experiment"), x.crateId, x.title,
                                                   x.uuid};
            report.experimentUuids << x.uuid;
            int order = 0;
            for (const auto &e : x.entries) {
                QJsonArray ids;
                for (int index : e.files)
                    ids.append(attachments->at(index).id);
                drafts << RecordDraft{
                    "entry",
                    e.uuid,
                    {},
                    QJsonObject{{"experiment", x.uuid},
                                {"order", order++},
                                {"title", e.title.isEmpty() ? tr("Untitled") : e.title},
                                {"html", e.html},
                                {"attachments", ids},
                                {"status", "active"},
                                {"origin", e.origin}},
                    {},
                    // Sanitizing is the costly part; the vault runs it on its workers.
                    [](QJsonObject &body) {
                        body["html"] = nfc(html::sanitize(body.value("html").toString()));
                    }};
                report.mapped << ElnImportReport::Item{QStringLiteral("entry"), e.crateId, e.title,
                                                       e.uuid};
            }
        }
        report.experiments = int(plan->experiments.size());
        report.entries = int(drafts.size()) - report.experiments;
        if (auto r = vault.append(drafts); !r) return r.failure();
        QJsonArray mismatches;
        for (const auto &m : report.hashMismatches)
            mismatches.append(m.path);
        return vault.audit(QStringLiteral("import"),
                           QJsonObject{{"what", "eln"},
                                       {"file", nfc(report.archive)},
                                       {"from", nfc(report.publisher)},
                                       {"experiments", report.experiments},
                                       {"entries", report.entries},
                                       {"files", report.files},
                                       {"hash_mismatches", mismatches}});
    };
    if (auto r = vault.inOneTransaction(work); !r)
        return fail(tr("%1 was not imported, and the notebook is as it was: %2")
                        .arg(report.archive, r.error()));
    emit notebook.changed();
    return report;
}

QJsonObject ElnImportReport::toJson() const {
    QJsonArray mappedItems;
    for (const auto &m : mapped)
        mappedItems.append(QJsonObject{
            {"kind", m.kind}, {"crate_id", m.crateId}, {"title", m.title}, {"id", m.id}});
    QJsonArray mismatchItems;
    for (const auto &m : hashMismatches)
        mismatchItems.append(QJsonObject{{"crate_id", m.crateId},
                                         {"path", m.path},
                                         {"declared_sha256", m.declared},
                                         {"actual_sha256", m.actual},
                                         {"attachment", m.attachment}});
    return QJsonObject{{"archive", archive},
                       {"publisher", publisher},
                       {"crate", crateName},
                       {"counts", QJsonObject{{"experiments", experiments},
                                              {"entries", entries},
                                              {"files", files},
                                              {"bytes", bytes},
                                              {"unmapped", unmapped.size()},
                                              {"hash_mismatches", hashMismatches.size()}}},
                       {"experiments", QJsonArray::fromStringList(experimentUuids)},
                       {"mapped", mappedItems},
                       {"unmapped", QJsonArray::fromStringList(unmapped)},
                       {"hash_mismatches", mismatchItems},
                       {"notes", QJsonArray::fromStringList(notes)},
                       {"proof", QJsonObject{{"present", proofPresent},
                                             {"ok", proofOk},
                                             {"summary", proofNote},
                                             {"items", QJsonArray::fromStringList(proofLines)}}}};
}

QString ElnImportReport::toText() const {
    // Counts as "label: n", so that the text reads right without plural forms (quire-cli loads
    // no translations).
    QString text = ElnImport::tr("Imported %1%2 — experiments: %3, entries: %4, files: %5 (%6 MB)")
                       .arg(archive, publisher.isEmpty() ? QString()
                                                         : ElnImport::tr(" from %1").arg(publisher))
                       .arg(experiments)
                       .arg(entries)
                       .arg(files)
                       .arg(QString::number(double(bytes) / 1e6, 'f', 1)) +
                   '\n';
    if (!hashMismatches.isEmpty()) {
        text += ElnImport::tr("Files that do not match the SHA-256 the crate gives (kept, and "
                              "marked): %1")
                    .arg(hashMismatches.size()) +
                '\n';
        for (const auto &m : hashMismatches)
            text += QStringLiteral("  %1\n    %2\n    %3\n")
                        .arg(m.path, ElnImport::tr("crate: %1").arg(m.declared),
                             ElnImport::tr("file:  %1").arg(m.actual));
    }
    if (!unmapped.isEmpty()) {
        text += ElnImport::tr("Not imported: %1").arg(unmapped.size()) + '\n';
        for (const auto &u : unmapped)
            text += QStringLiteral("  - %1\n").arg(u);
    }
    if (!notes.isEmpty()) {
        text += ElnImport::tr("Notes on the crate:") + '\n';
        for (const auto &n : notes)
            text += QStringLiteral("  - %1\n").arg(n);
    }
    if (!proofNote.isEmpty()) text += proofNote + '\n';
    for (const auto &line : proofLines)
        text += QStringLiteral("  %1\n").arg(line);
    return text;
}

} // namespace quire
