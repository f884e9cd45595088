#pragma once
// PdfExport: an experiment as the PDF a patent attorney receives (issue 13), and the checks
// that go with it. Export prints the model's HTML (ExportHtml) through a print function the app
// injects (QtWebEngine lives in widgets/), stamps "page X of Y" on every page and embeds the
// proof as PDF/A-3 associated files: every record shown as its sealed envelope, the signature
// CMS blobs, Merkle paths and time-stamp tokens, the notebook CA and a manifest (FORMAT.md §8).
// Signing adds PAdES signatures as incremental updates with the member's key, which never
// leaves the vault; verify re-checks the signatures and the embedded evidence against this
// notebook. Every export and every PDF signature writes an audit record.

#include "Notebook.h"
#include "Result.h"

#include <QByteArray>
#include <QImage>
#include <QList>
#include <QString>
#include <QStringList>

#include <functional>

namespace quire {

struct PrintJob {
    QString html;
    QString paper; // "a4" or "letter"
};
// HTML to PDF (QtWebEngine's printToPdf, offscreen). Images come as quire-attachment:<id>.
using PrintFunction = std::function<Result<QByteArray>(const PrintJob &job)>;

struct PdfExportRequest {
    QString experiment;
    QStringList entries; // entry uuids to show, in the experiment's order; empty: all
    QString paper = QStringLiteral("a4");
};

struct PdfExportResult {
    QByteArray pdf;
    QString exportId;
    QString sha256;
    int pages = 0;
    int records = 0; // records embedded
    QStringList embeddedFiles;
};

struct PdfSignResult {
    QByteArray pdf;
    QString level;    // "B-B", "B-T", "B-LTA"
    QString timeNote; // why it is not time-stamped yet, when it is not
    QString sha256Before;
    QString sha256After;
    QStringList entriesAuthored; // titles of the entries in the PDF this signer wrote
};

// One signature or document time-stamp as verify found it.
struct PdfSignatureCheck {
    bool documentTimestamp = false;
    QString field;
    QString signer; // printed name (/Name), else the certificate's name
    QString signerEmail;
    QString meaning;
    QString claimedTime; // /M, RFC 3339 with offset
    QString provenTime;  // UTC, empty when no trusted time covers it
    QString authority;   // the time-stamp authority
    bool timestampValid = false;
    QString level;
    bool intact = false;
    bool chainsToNotebook = false;
    bool coversWholeFile = false;
    QStringList appendedAfter;
    QStringList disallowedChanges;
    QStringList problems;
    bool valid = false;
};

struct PdfEvidenceCheck {
    bool present = false;
    QString exportId;
    QString experiment;
    int records = 0;
    int signatures = 0;
    int proofs = 0;
    int timestamps = 0;
    QStringList entryRecords; // the entry versions the manifest says the pages show
    QStringList problems;     // ids, seals, signatures, Merkle paths, differences from this vault
    bool ok() const { return present && problems.isEmpty(); }
};

struct PdfCheck {
    qint64 size = 0;
    QList<PdfSignatureCheck> signatures;
    int dssCertificates = 0;
    PdfEvidenceCheck evidence;
    // Signatures (when any) all valid, and the evidence holds.
    bool passed() const {
        for (const auto &s : signatures)
            if (!s.valid) return false;
        return evidence.ok();
    }
};

class PdfExport {
public:
    explicit PdfExport(Notebook &notebook)
        : m_notebook(notebook) {}

    // `print` is called without the notebook's lock held, so that it may run on another
    // thread and read the images from the notebook there; the caller keeps other work away.
    Result<PdfExportResult> exportExperiment(const PdfExportRequest &request,
                                             const PrintFunction &print);
    // Why I may not sign this PDF with this meaning (FORMAT.md §3 applied to the entries it
    // shows, and the PDF checked against my copy of the notebook), or empty if I may.
    Result<QString> signingProblem(const QByteArray &pdf, const QString &meaning);
    // Signs as me after checking the passphrase again; a wrong one writes an audit record.
    // With the notebook's time-stamp authorities reachable: B-T, the validation data (B-LT) and
    // a document time-stamp (B-LTA); otherwise B-B, to be time-stamped later.
    Result<PdfSignResult> sign(const QByteArray &pdf, const QString &meaning,
                               const QByteArray &passphrase);
    // Adds the validation data and a document time-stamp to a PDF signed offline.
    Result<PdfSignResult> timestamp(const QByteArray &pdf);
    Result<PdfCheck> verify(const QByteArray &pdf);
    QByteArray caPem();
    // The pages of a PDF as pictures for the window (Poppler, without scripts or forms).
    static Result<int> pageCount(const QByteArray &pdf);
    static Result<QImage> pageImage(const QByteArray &pdf, int page, int maxSide);

private:
    Notebook &m_notebook;
};

} // namespace quire
