#pragma once
// Notebook: one unlocked notebook vault as people think of it — experiments, entries and
// their versions, attachments, search, the audit trail — and the rules that go with them
// (edits and voids need a reason, only an entry's author edits it, nothing is deleted).
// The GUI and quire-cli both work through this class; storage stays hidden behind it.
//
// Threads: every member function holds one recursive mutex for its whole run, so a worker
// (a sync, storing an attachment) and the GUI thread never use the vault at the same time.
// A call made while a worker runs waits for that worker's whole job — a sync may take
// seconds — so the GUI does not call in while it knows a worker is busy. Static functions
// touch no open vault and take no lock. changed() is emitted with the mutex held, on the
// thread that made the change; receivers on another thread get it queued.

#include "data/PlotData.h"
#include "NotebookTime.h"
#include "Result.h"

#include <QByteArray>
#include <QDate>
#include <QImage>
#include <QJsonObject>
#include <QList>
#include <QObject>
#include <QString>
#include <QStringList>

#include <atomic>
#include <functional>
#include <memory>
#include <mutex>

namespace quire {

class Vault;

struct NotebookSpec {
    QString notebookName;
    QString memberName;
    QString email;
};

struct MemberInfo {
    QString uuid;
    QString name;
    QString email;
    QStringList roles;
    QString status;
};

struct ExperimentInfo {
    QString uuid;
    QString recordId; // head version
    QString title;
    QString project;
    QStringList tags;
    QString status; // open / closed
    QString createdAt;
    QString updatedAt;
    QString authorName;
    int entryCount = 0;
};

struct AttachmentInfo {
    QString id; // attachment record id
    QString name;
    QString mediaType;
    qint64 size = 0;
    QString sha256;
    QString recordedAt;
};

// One electronic signature (21 CFR 11.50): who, when, what it means, and whether it holds.
struct SignatureInfo {
    QString id;     // the signature record
    QString entry;  // the entry's uuid
    QString target; // the signed entry version's record id
    int version = 0;
    QString meaning;      // authored, reviewed, approved, witnessed
    QString meaningLabel; // the meaning in the user's language
    QString signer;       // member uuid
    QString printedName;
    QString signedAt;     // RFC 3339 UTC
    bool valid = false;   // the signature verifies over its statement
    bool allowed = false; // the signer was allowed to sign with this meaning
    QString problem;      // why not, if either is false
    QString attestedAt;   // when a trusted time-stamp authority attested it; empty if not yet
    bool attestedTrusted = false;
    QString attestedBy; // the time-stamp authority's URL
};

struct EntryVersion {
    QString uuid;
    QString recordId;
    int version = 0; // 1 = first
    int versionCount = 0;
    QString experiment;
    int order = 0;
    QString title;
    QString html;
    QList<AttachmentInfo> attachments;
    QString status; // active / void
    QString reason; // empty for the first version
    QString author;
    QString authorName;
    QString recordedAt;
    QList<SignatureInfo> signatures;  // of this version
    bool signedByAuthor = false;      // an `authored` signature locks this version
    bool changedAfterSigning = false; // an earlier version was signed: this is an amendment
    QString attestedAt;               // this version's trusted time, empty if not yet attested
};

// A run of an experiment's entries, as a page shows them: where it starts among all of them,
// and how many there are in all.
struct EntryRun {
    int total = 0; // entries in the experiment
    int first = 0; // the index (0-based) of the run's first entry among them
    QList<EntryVersion> entries;
};

// An entry version its author signed that no one has countersigned yet.
struct ReviewItem {
    SignatureInfo authored;
    QString entryTitle;
    QString experiment; // uuid
    QString experimentTitle;
};

struct TimestampSettings {
    QStringList urls;      // time-stamp authorities, tried in order
    QByteArray trustedPem; // their certificates (or CAs) this notebook trusts
};

struct AnchorSummary {
    int records = 0; // records the new time-stamp covers; 0 when nothing was waiting
    QString tsa;
    QString attestedAt;
    QStringList failures; // authorities that did not answer, and why
    // The renewal of earlier anchors made in the same run (FORMAT.md §4), if any.
    int renewed = 0;
    QString renewalAnchor;
    QString renewalTsa;
    QString renewalAttestedAt;
    QString renewalProblem; // why anchors due for renewal were not renewed
};

// What verify found for one record.
struct RecordVerdict {
    QString id;
    QString type;
    QString object;
    int version = 0;
    QString authorName;
    bool sealOk = false;
    bool chainOk = false;
    bool stored = false;
    bool isSignature = false;
    SignatureInfo signature; // when isSignature
    QString attestedAt;      // empty: not yet attested
    bool attestedTrusted = false;
    QStringList problems;
    bool ok() const { return problems.isEmpty(); }
};

struct SearchHit {
    QString kind; // experiment, entry, attachment
    QString uuid; // experiment or entry uuid (for an attachment: its entry)
    QString experiment;
    QString title;
    QString snippet; // matches wrapped in [[ and ]]
};

// Narrows a search: by the date of the last change, author, experiment tag, and whether the
// entry carries a signature. An empty filter narrows nothing.
struct SearchFilter {
    QDate from;     // last change on or after this day (local time)
    QDate to;       // last change on or before this day (local time)
    QString author; // member uuid
    QString tag;
    enum class Signed { Any, SignedOnly, UnsignedOnly } signedState = Signed::Any;
    bool isEmpty() const {
        return !from.isValid() && !to.isValid() && author.isEmpty() && tag.isEmpty() &&
               signedState == Signed::Any;
    }
};

// Text being typed into an entry, kept between saves so that a crash loses nothing.
struct Draft {
    QString key;   // the entry's uuid, or a fresh uuid for an entry not saved yet
    QString entry; // empty for a new entry
    QString experiment;
    QString base; // the version the draft started from (empty for a new entry)
    QString title;
    QString html;
    QString savedAt; // RFC 3339 UTC
};

struct AuditEvent {
    QString recordId;
    QString type; // record type: entry, audit, ...
    QString object;
    QString recordedAt;
    QString author;
    QString authorName;
    QString action;  // for audit records; otherwise "created", "amended", "voided"
    QString summary; // one line a person can read
    QJsonObject detail;
};

struct VerifyReport {
    int records = 0;
    int recordsOk = 0;
    int chunks = 0;
    int chunksOk = 0;
    QStringList problems;                // one line each, naming the record or chunk
    QStringList warnings;                // true of the vault, not failures
    QList<RecordVerdict> recordVerdicts; // one per record, when asked for
    bool passed() const { return problems.isEmpty() && records == recordsOk && chunks == chunksOk; }
};

using ProgressFn = std::function<void(qint64 done, qint64 total)>;

// What one sync with the shared repository did.
struct SyncSummary {
    int recordsReceived = 0;
    int chunksReceived = 0;
    bool sent = false;       // local changes went to the server
    int attempts = 0;        // more than one when someone else pushed at the same time
    QStringList alarms;      // tampering or a rewritten history, one line each
    QStringList quarantined; // "path: reason" for files refused in this sync
    // Files refused as the rules intend (closed to this member, or written by a revoked member
    // after the revocation): not tampering, so no alarm.
    QStringList expectedRefusals;
    QString sshHostKeyPinned; // the ssh server's key, remembered at this first contact
    int anchored = 0;         // records a time-stamp authority attested during this sync
    QString anchorProblem;    // why records still wait for a time-stamp, if they do
    int anchorsRenewed = 0;   // earlier anchors re-stamped before their certificate ends
};

struct SyncStatus {
    QString remote;  // no secret in it
    int waiting = 0; // files saved locally and not yet sent
    int quarantined = 0;
    bool joining = false; // waiting for an admin to approve the join request
};

// An instrument of the lab as the notebook records it (issue 14).
struct InstrumentInfo {
    QString uuid;
    QString name;
    QString model;
    QString serial;
    QString location;
    QString status; // active, retired
    QString reason; // of the latest change
    QString authorName;
    QString createdAt;
    QString updatedAt;
};

// Where an instrument writes its files on this computer: a local setting, never synced.
struct WatchFolder {
    QString instrument; // uuid
    QString folder;
    QStringList patterns{QStringLiteral("*")}; // file-name wildcards
    int settleSeconds = 5;                     // a file is taken once unchanged this long
    int pollSeconds = 30; // how often the folder is listed again (network shares: only so)
};

// A file an instrument wrote, kept as an attachment: in the inbox until an entry holds it or
// someone sets it aside with a reason.
struct CaptureInfo {
    QString id; // the attachment record
    QString instrument;
    QString instrumentName;
    QString originalPath;
    QString modifiedAt;
    QString name;
    qint64 size = 0;
    QString sha256;
    QString capturedAt;
    QString reader;  // the format a reader recognised ("JCAMP-DX 5.01"), empty if none
    QString problem; // why no reader could read it, empty if one did
    QString heldBy;  // the entry that holds it
    QString setAsideReason;
    bool inInbox = false;
};

// What capturing one file did.
struct CaptureOutcome {
    enum class Kind {
        Captured,    // a new attachment record
        AlreadyKept, // this content from this path is in the notebook already
        Changed,     // the file changed while it was read; nothing was kept, try again later
    } kind = Kind::Captured;
    QString id; // the capture, when Captured
    CaptureInfo capture;
};

// An instrument file's content as readers see it, for showing and plotting.
struct DataSeriesInfo {
    QString name;
    QString xName;
    QString xUnit;
    QString yName;
    QString yUnit;
    qint64 count = 0;
    double xMin = 0, xMax = 0, yMin = 0, yMax = 0;
    double firstX = 0, firstY = 0, lastX = 0, lastY = 0;
    bool xReversed = false;
    bool peaks = false;
};
struct DatasetInfo {
    QString format;
    QList<QPair<QString, QString>> metadata;
    QStringList warnings;
    QList<DataSeriesInfo> series;
};

// What reading one attached PDF's text for search did.
struct TextIndexOutcome {
    QString attachment;
    QString name;
    int pages = 0;     // in the document
    int pagesRead = 0; // whose text search now finds
    qint64 characters = 0;
    bool truncated = false; // a limit (pages, characters) stopped the reading early
    QString problem;        // why its text cannot be searched; empty when it was read
};

// A data file read for the Data tab: what the reader found, and its series to plot.
struct DataFile {
    DatasetInfo info;
    data::PlotData plot;
};

// A join request as an admin sees it before approving it.
struct JoinRequestInfo {
    QString member; // the uuid the newcomer will have
    QString name;
    QString email;
    QString code; // must equal the code the newcomer reads out
};

class Notebook;

struct JoinResult {
    std::unique_ptr<Notebook> notebook; // the newcomer's vault, joining until approved
    QByteArray request;                 // the join request file, for an admin
    QString code;                       // to compare with the admin over a second channel
};

class Notebook : public QObject {
    Q_OBJECT
public:
    ~Notebook() override;

    // The user's data folder for the default vault.
    static QString defaultVaultPath();
    static bool exists(const QString &vaultDir);

    static Result<std::unique_ptr<Notebook>>
    create(const QString &vaultDir, const NotebookSpec &spec, const QByteArray &passphrase);
    static Result<std::unique_ptr<Notebook>> open(const QString &vaultDir,
                                                  const QByteArray &passphrase);

    QString vaultPath() const;
    QString notebookName() const;
    QString notebookUuid() const;
    MemberInfo me() const;
    Result<QList<MemberInfo>> members();

    Result<QString> createExperiment(const QString &title, const QString &project,
                                     const QStringList &tags);
    Result<QList<ExperimentInfo>> experiments();
    Result<ExperimentInfo> experiment(const QString &uuid);

    // html is sanitised on the way in (FORMAT.md §6); markdown is converted first.
    Result<QString> addEntry(const QString &experiment, const QString &title, const QString &html);
    // Many entries in one transaction (imports, instruments that log in bulk): all are saved
    // or none. Returns the new entries' uuids in order.
    struct NewEntry {
        QString title;
        QString html;
        QString experiment = {}; // the experiment's uuid; the first overload sets it
    };
    Result<QStringList> addEntries(const QString &experiment, const QList<NewEntry> &entries);
    // The same, for entries that go into several experiments (each names its own).
    Result<QStringList> addEntries(const QList<NewEntry> &entries);
    static QString markdownToHtml(const QByteArray &markdown);
    Result<void> editEntry(const QString &entry, const QString &title, const QString &html,
                           const QString &reason);
    Result<void> voidEntry(const QString &entry, const QString &reason);
    // version 0 = the latest.
    Result<EntryVersion> entry(const QString &entry, int version = 0);
    Result<QList<EntryVersion>> history(const QString &entry);
    Result<QList<EntryVersion>> entries(const QString &experiment);
    // `count` entries from index `first` — moved back if they would run past the last entry —
    // or the latest `count` (first < 0), or all of them (count < 0). With `around` set to one of
    // the experiment's entries, a run that does not hold it is moved to start at it. Only the
    // run's entries are read in full.
    Result<EntryRun> entryRun(const QString &experiment, int first, int count,
                              const QString &around = {});

    // Streams the file into encrypted 4 MiB chunks and adds it to the entry (a new version
    // whose reason names the file). Returns the attachment record id.
    Result<QString> attachFile(const QString &entry, const QString &filePath,
                               const ProgressFn &progress = {});
    Result<AttachmentInfo> attachment(const QString &id);
    // Writes the attachment's bytes to outPath, checking every chunk's hash.
    Result<void> saveAttachment(const QString &id, const QString &outPath,
                                const ProgressFn &progress = {});
    // The whole content in memory (for previews of small files).
    Result<QByteArray> attachmentBytes(const QString &id, qint64 maxSize);
    // A picture of an image or of a PDF page (0-based), no larger than maxSide pixels; files of
    // other kinds, or larger than 64 MiB, have none.
    Result<QImage> attachmentPreview(const QString &id, int maxSide, int page = 0);
    static bool canPreview(const QString &mediaType);

    Result<QList<SearchHit>> search(const QString &query, int limit = 50,
                                    const SearchFilter &filter = {});
    Result<QList<AuditEvent>> auditTrail();
    // The audit trail as CSV (RFC 4180, UTF-8 with a byte order mark for spreadsheets); cells
    // that a spreadsheet would take for a formula are prefixed with an apostrophe.
    static QByteArray auditCsv(const QList<AuditEvent> &events);
    // Records in the audit trail that something left the notebook (an audit CSV, a copy of a
    // file): what, and details such as how many rows.
    Result<void> noteExport(const QString &what, const QJsonObject &detail = {});
    // Experiment tags in use, sorted, for filters.
    Result<QStringList> tags();

    // ---- drafts (local, never synced) ------------------------------------------------------
    // Keeps what is being typed; saving the entry or discarding removes it.
    Result<void> saveDraft(const Draft &draft);
    Result<QList<Draft>> drafts();
    Result<void> discardDraft(const QString &key);
    Result<void> changePassphrase(const QByteArray &newPassphrase);
    // Checks every record and chunk; with perRecord, recordVerdicts says what held for each.
    VerifyReport verify(const ProgressFn &progress = {}, bool perRecord = false);

    // ---- instruments, captures and the inbox (NotebookInstruments.cpp) ---------------------
    // Authors and admins describe the lab's instruments; a change needs a reason.
    Result<QString> addInstrument(const QString &name, const QString &model, const QString &serial,
                                  const QString &location);
    Result<QList<InstrumentInfo>> instruments();
    Result<void> retireInstrument(const QString &instrument, const QString &reason);
    // Binds a folder of this computer to an instrument (local, never synced; audited).
    Result<void> setWatchFolder(const WatchFolder &watch);
    // Unbinds the instrument's folder on this computer (audited); what was captured stays.
    Result<void> removeWatchFolder(const QString &instrument);
    Result<QList<WatchFolder>> watchFolders();
    // Keeps the file as an attachment from `instrument`, if it still has the size and time it
    // was seen with and nothing changes it while it is read; the bytes are streamed, never held
    // whole. The file is only read.
    // `progress` hears the bytes stored so far.
    Result<CaptureOutcome> captureFile(const QString &instrument, const QString &path,
                                       qint64 expectedSize, qint64 expectedModifiedMs,
                                       const ProgressFn &progress = {});
    Result<QList<CaptureInfo>> inbox();
    Result<CaptureInfo> capture(const QString &id);
    // Adds the capture to the entry (a new version, as attachFile does); returns its id.
    Result<QString> fileCapture(const QString &capture, const QString &entry);
    // Takes the capture out of the inbox with a reason (a set_aside record; nothing is deleted).
    Result<void> setAside(const QString &capture, const QString &reason);
    // Reads an attachment (up to 256 MiB) with the instrument-file readers.
    Result<DatasetInfo> dataset(const QString &attachment);
    // Draws one series (or all, series < 0) of an attachment: axes with units, NMR shifts and IR
    // wavenumbers right to left, long series thinned per pixel column.
    Result<QImage> plot(const QString &attachment, int series, int width, int height);
    // The attachment's series held whole for an interactive plot (the window zooms into it).
    Result<data::PlotData> plotData(const QString &attachment);
    // The same two from one reading of the file, for the window (NotebookData.cpp): the bytes are
    // read from the vault with the notebook held, then parsed without it. `progress` hears the
    // phase ("reading": bytes decrypted from the vault; "parsing": bytes the reader has gone
    // through) with done and total bytes; `cancel` stops either, and the read fails with
    // "cancelled".
    Result<DataFile> readDataFile(
        const QString &attachment,
        const std::function<void(const QString &phase, qint64 done, qint64 total)> &progress = {},
        const std::atomic_bool *cancel = nullptr);
    // Draws the entry's data file `source` (all series) as a PNG at print resolution (300 dpi;
    // 2400 × 1500 pixels is 20 × 12.7 cm), keeps it as a new attachment of the entry and adds it
    // as a figure whose caption names the file and its SHA-256 (a new version, as attaching
    // does). Returns the picture's attachment id.
    Result<QString> insertPlot(const QString &entry, const QString &source, int width = 2400,
                               int height = 1500);

    // ---- the text of attached PDFs, for search (NotebookText.cpp) ---------------------------
    // Attached PDFs whose text this computer has not read yet (just attached or captured, or
    // arrived by sync), oldest first.
    Result<QList<AttachmentInfo>> attachmentsWithoutText();
    // Reads an attached PDF's text with Poppler (files up to 64 MiB; the first 500 pages and
    // 2 million characters) and keeps it for search, whose hit names the file. The notebook is
    // held only while the bytes are read and while the text is written, never while Poppler
    // reads, so a worker can run this beside the window. A PDF whose text cannot be read
    // (damaged, protected by a password, not a PDF) keeps an empty text, is not tried again,
    // and `problem` says why; a cancelled read keeps nothing and fails.
    Result<TextIndexOutcome> indexAttachmentText(const QString &attachment,
                                                 const std::atomic_bool *cancel = nullptr);
    // The same for each of attachmentsWithoutText(), in turn, until done or cancelled.
    Result<QList<TextIndexOutcome>> indexPendingText(const std::atomic_bool *cancel = nullptr);

    // ---- electronic signatures (21 CFR Part 11; FORMAT.md §3) -------------------------------
    static QStringList signatureMeanings();
    static QString meaningLabel(const QString &meaning);
    // The manifestation 11.50 asks for: printed name, date and time with zone, meaning.
    static QString manifestation(const SignatureInfo &signature);
    // Why I may not sign this entry version with this meaning, or empty if I may (version 0 =
    // the latest). Asks for no passphrase, so the GUI can say it before asking.
    Result<QString> signingProblem(const QString &entry, int version, const QString &meaning);
    // Signs as me after checking the passphrase again (11.200). A wrong passphrase writes an
    // audit record and no signature; a refusal by the rules writes nothing.
    Result<SignatureInfo> sign(const QString &entry, int version, const QString &meaning,
                               const QByteArray &passphrase);
    Result<QList<SignatureInfo>> signatures(const QString &entry);
    Result<SignatureInfo> signature(const QString &id);
    // Entry versions signed by their author and waiting for a countersignature I may give
    // (empty for members who are not supervisors).
    Result<QList<ReviewItem>> reviewQueue();
    // Writes what an independent check needs (FORMAT.md §3/§4) into outDir, plus verify.sh and
    // README.txt; returns the files written.
    Result<QStringList> exportEvidence(const QString &signatureId, const QString &outDir);

    // ---- trusted time (FORMAT.md §4) -------------------------------------------------------
    Result<TimestampSettings> timestampSettings();
    Result<void> setTimestampSettings(const TimestampSettings &settings);
    Result<int> unattestedCount();
    // Asks the time-stamp authorities to attest every record not yet attested. Fails with
    // every authority's reason when none answered; the records wait for the next chance.
    // Then renews earlier anchors: those whose authority's certificate ends within the
    // notebook's margin, or with renewNow every anchor no later one covers yet
    // (model/NotebookTime.cpp from here on).
    Result<AnchorSummary> anchor(int timeoutMs = 15000, bool renewNow = false);
    // The notebook's time-stamp authorities and this computer's own.
    Result<TsaTrustInfo> tsaTrust();
    // Trusts `certPem` (one or more PEM certificates) for the authority at `url`, added after
    // the others if new: in the notebook's record (admins), or with `local` on this computer.
    Result<void> trustTsa(const QString &url, const QByteArray &certPem, bool local);
    // Stops trusting the authority at `url` (and its certificates), or only the certificates
    // in `certPem` when given.
    Result<void> distrustTsa(const QString &url, const QByteArray &certPem, bool local);
    // How many days before an authority's certificate ends its anchors are renewed (admins).
    Result<void> setTsaRenewBeforeDays(int days);
    Result<QList<AnchorDetail>> anchors();
    // The anchor that first attested `record` and the anchors that renew it, in order.
    Result<QList<AnchorDetail>> anchorChain(const QString &record);

    // ---- sharing through the lab's git server (FORMAT.md §5) ---------------------------------
    // The shared repository and how to log in to it; the secret (password or token) and the
    // ssh private key are kept encrypted in the vault. Empty ones are removed.
    Result<void> setRemote(const QString &url, const QString &user, const QByteArray &secret,
                           const QByteArray &sshPrivateKey, const QString &caFile);
    Result<QString> remoteUrl();
    // One sync: fetch, merge, push (retrying when someone pushed in between). It blocks, so
    // the GUI runs it on a worker; progress arrives on that thread. Emits changed() when
    // records arrived.
    Result<SyncSummary>
    sync(const std::function<void(QString phase, qint64 done, qint64 total)> &progress = {},
         const std::atomic_bool *cancel = nullptr);
    Result<SyncStatus> syncStatus();

    // An invitation file for a newcomer (admins only; the remote must be set).
    Result<QByteArray> invite();
    // Creates the newcomer's vault from an invitation. It stays "joining" — able to read and
    // write nothing — until an admin approved the request and a sync brought the key grant.
    static Result<JoinResult> join(const QString &vaultDir, const QByteArray &invitation,
                                   const QString &name, const QString &email,
                                   const QByteArray &passphrase);
    // What a join request says about its sender, and its comparison code.
    static Result<JoinRequestInfo> readJoinRequest(const QByteArray &request);
    // Approves a join request with the given roles (admins only); returns the new member's uuid.
    Result<QString> approve(const QByteArray &request, const QStringList &roles);
    // Revokes a member; what is written from now on is closed to them (admins only).
    Result<void> revoke(const QString &member, const QString &reason);
    bool isJoining() const;

signals:
    void changed();

private:
    friend class PdfExport; // model/export/: needs the records and keys behind this facade
    friend class ElnExport; // model/exchange/: the records, attachments and proofs it writes
    friend class ElnImport; // model/exchange/: writes a whole import in one vault transaction
    explicit Notebook(std::unique_ptr<Vault> vault);
    // Recursive: public functions call each other (createExperiment asks me()).
    mutable std::recursive_mutex m_mutex;
    std::unique_ptr<Vault> m_vault;
};

} // namespace quire
