#pragma once
// ElnImport: a .eln file from another ELN (eLabFTW, RSpace, Kadi4Mat, PASTA, …; issue 15) read
// into this notebook, all or nothing. The archive is read and every path checked first (formats/
// eln refuses hostile archives), its files unpacked into a private folder that is removed
// afterwards, the RO-Crate mapped, and only then is anything written — in one transaction, so an
// import that fails at any point leaves the notebook exactly as it was.
//
// What becomes what: every Dataset directly under the crate's root becomes an experiment; the
// dataset itself becomes its first entry and every Dataset nested inside it (at any depth) one
// more entry, in the crate's order. A dataset's description and text become the entry's HTML
// through the sanitizer (Markdown and plain text converted first), with its properties, steps,
// comments, links and who made it when written out as text: the crate's people are not members
// of this notebook. Its Files become attachments (source kind `import`, with the crate's id and
// path); a sha256 the crate gives is checked, and a file that does not match is kept and marked.
// Keywords become the experiment's tags. Files directly under the root (or a crate without
// datasets) go into one more experiment named after the crate. Each experiment's first entry
// also holds the crate's ro-crate-metadata.json, so nothing the crate said is lost; what could
// not be mapped is listed in the report.

#include "Notebook.h"
#include "Result.h"

#include <QCoreApplication>
#include <QJsonObject>
#include <QList>
#include <QString>
#include <QStringList>

#include <atomic>
#include <functional>

namespace quire {

struct ElnImportOptions {
    // Caps on the archive; 0 keeps the documented default of storage/formats/eln
    // (ArchiveLimits). Tests lower them to prove each refusal without gigabytes.
    qint64 maxEntries = 0;
    qint64 maxTotalBytes = 0;
    qint64 maxRatio = 0;
    qint64 maxMetadataBytes = 0;
    // For the test that proves an import failing midway writes nothing: fail after this many
    // files were stored (0: never).
    int failAfterFiles = 0;
};

struct ElnImportReport {
    QString archive;   // the file's name
    QString publisher; // the program that made the crate ("eLabFTW"), or empty
    QString crateName; // the root dataset's name
    int experiments = 0;
    int entries = 0;
    int files = 0; // attachments made, ro-crate-metadata.json included
    qint64 bytes = 0;
    struct Item {
        QString kind;    // experiment, entry, attachment, link
        QString crateId; // the crate's @id
        QString title;
        QString id; // experiment or entry uuid, attachment record id (empty for a link)
    };
    QList<Item> mapped;
    QStringList unmapped; // what was not imported, and why, one line each
    struct Mismatch {
        QString crateId;
        QString path;
        QString declared; // the crate's sha256
        QString actual;   // the file's
        QString attachment;
    };
    QList<Mismatch> hashMismatches;
    QStringList notes; // oddities of the crate that were tolerated
    QStringList experimentUuids;
    // Quire's own proof (quire/ in a crate Quire exported), checked by QuireProof against the
    // CA in the crate before anything is written: one line per item, and a summary.
    QString proofNote;
    bool proofPresent = false;
    bool proofOk = false;
    QStringList proofLines; // "verified: …" or "FAILED: …", one per record, signature, token

    QJsonObject toJson() const;
    QString toText() const; // the report a person reads (CLI, dialog)
};

class ElnImport {
    Q_DECLARE_TR_FUNCTIONS(quire::ElnImport)

public:
    using Progress = std::function<void(const QString &phase, qint64 done, qint64 total)>;

    static Result<ElnImportReport> run(Notebook &notebook, const QString &elnPath,
                                       const ElnImportOptions &options = {},
                                       const Progress &progress = {},
                                       const std::atomic_bool *cancel = nullptr);
};

} // namespace quire
