#pragma once
// ElnExport: experiments as a .eln file (the ELN Consortium's zipped RO-Crate, issue 15) that
// other ELNs read and that carries Quire's proof for Quire to re-check.
//
// The crate (one root folder named after the file):
//
//   <root>/ro-crate-metadata.json      RO-Crate 1.1: descriptor (conformsTo, version "1.0",
//                                      sdPublisher → Organization "Quire"), root Dataset "./",
//                                      a Dataset per experiment and per entry (both listed in the
//                                      root's hasPart, as the specification asks of every
//                                      Dataset meant to be imported; the experiment's hasPart
//                                      names its entries), a File per attachment and per entry
//                                      text, a Person per member, a Comment per signature
//   <root>/<Experiment-title>-<uuid8>/<0001-Entry-title>/entry.html
//                                      the entry's latest version as a standalone HTML page
//                                      (its pictures linked to the files beside it); the Dataset's
//                                      `text` holds the stored HTML exactly (FORMAT.md §6)
//   <root>/<…>/<0001-Entry-title>/<attachment>
//                                      the latest version's attachments, byte for byte
//   <root>/quire/                      Quire's proof, the layout of the PDF export's evidence:
//     quire-manifest.json              canonical JSON: {"format":"quire/1","type":"eln_export",
//                                      "export","exported_at","exported_by","notebook",
//                                      "notebook_name","genesis","records":[ids],"experiments":
//                                      [{"experiment","record","path","entries":[{"entry",
//                                      "record","version","versions","path","html","attachments":
//                                      [{"record","path"}]}]}],"files":[{"name","sha256","size"}]}
//                                      ("files": every other file of quire/)
//     record-<id>.json                 each sealed record as stored (canonical envelope): the
//                                      genesis, every member's chain, and every version of the
//                                      experiments, entries, their attachments and signatures,
//                                      and the anchors that cover them
//     signature-<id>.der               each signature record's CMS
//     proof-<id>.json                  a record's Merkle path to its anchor's root (FORMAT.md §4)
//     timestamp-<anchor>.tsr           each anchor's RFC 3161 token
//     notebook-ca.pem                  the notebook CA
//     tsa-ca.pem                       the time-stamp authority certificates the notebook trusts
//     README.txt                       how to check it with openssl
//
// QuireProof (beside this file) checks quire/ without a vault. The export is written to a
// temporary file and renamed into place only when whole, after the audit record
// (`export_eln`) is written; a failure or a cancel leaves nothing at the destination.

#include "Notebook.h"
#include "Result.h"

#include <QString>
#include <QStringList>

#include <atomic>

namespace quire {

struct ElnExportRequest {
    QStringList experiments; // uuids, in the order wanted
    bool all = false;        // every experiment of the notebook (experiments is then ignored)
    QString outPath;
};

struct ElnExportResult {
    QString exportId;
    QString path;
    QString sha256; // of the .eln file
    qint64 bytes = 0;
    int experiments = 0;
    int entries = 0;
    int files = 0;   // attachments written
    int records = 0; // sealed records under quire/
    int signatures = 0;
    int proofs = 0; // Merkle paths
};

class ElnExport {
public:
    explicit ElnExport(Notebook &notebook)
        : m_notebook(notebook) {}

    // Progress counts entries read, then entries and attachments written. Holds the notebook
    // for its whole run: the window runs it on a worker and keeps other work away meanwhile.
    Result<ElnExportResult> exportTo(const ElnExportRequest &request,
                                     const ProgressFn &progress = {},
                                     const std::atomic_bool *cancel = nullptr);

    // The Organization the crate names as its publisher.
    static QString publisherUrl();

private:
    Notebook &m_notebook;
};

} // namespace quire
