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

class QLocale;

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

// A comment on an entry version (FORMAT.md §2, `comment`): never changed; a later comment of
// the same member may correct it. A supervisor's comment may request changes, which stay open
// until the author saves a later version of the entry (or the supervisor corrects the request).
struct CommentInfo {
    QString id;     // the comment record
    QString entry;  // the entry's uuid
    QString target; // the commented entry version's record id
    int version = 0;
    QString author; // member uuid
    QString authorName;
    QString html; // sanitised
    bool requestsChanges = false;
    QString corrects; // the comment this one corrects, or empty
    QString recordedAt;
    bool answered = false;    // the entry has a version after the commented one
    QString correctedBy;      // a later comment of the same member that corrects this one
    bool openRequest = false; // requests changes, neither answered nor corrected
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
    QString status;       // active / void
    QString reason;       // empty for the first version
    QString fromTemplate; // the template record a first version was started from, if any
    QString author;
    QString authorName;
    QString recordedAt;
    QList<SignatureInfo> signatures;  // of this version
    bool signedByAuthor = false;      // an `authored` signature locks this version
    bool changedAfterSigning = false; // an earlier version was signed: this is an amendment
    QString attestedAt;               // this version's trusted time, empty if not yet attested
    // The entry's versions in conflict (saved on two computers apart, neither naming the other),
    // head first; empty when there is one latest version. The same in every vault once synced.
    QStringList conflict;
    QList<CommentInfo> comments; // on every version of the entry, oldest first
};

// A run of an experiment's entries, as a page shows them: where it starts among all of them,
// and how many there are in all.
struct EntryRun {
    int total = 0; // entries in the experiment
    int first = 0; // the index (0-based) of the run's first entry among them
    QList<EntryVersion> entries;
};

// An entry version its author signed that no one has countersigned yet.
// Or a request for changes of an entry I wrote, still open (then `changesRequested.id` is set
// and `authored` is empty).
struct ReviewItem {
    SignatureInfo authored;
    CommentInfo changesRequested;
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
    // Files added while writing that the text does not show (the Files panel): the version
    // saved next names them with the text.
    QStringList attachments;
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
    bool sent = false;  // local changes went to the server
    int attempts = 0;   // more than one when someone else pushed at the same time
    QStringList alarms; // tampering or a rewritten history, one line each
    // Alarms about files on the server no admin has acknowledged, including those an earlier
    // sync found: while there is one, the sync is not clean (quire-cli exits 1).
    QStringList openAlarms;
    QStringList quarantined; // "path: reason" for files refused in this sync
    // Files refused as the rules intend (closed to this member, or written by a revoked member
    // after the revocation): not tampering, so no alarm.
    QStringList expectedRefusals;
    QString sshHostKeyPinned; // the ssh server's key, remembered at this first contact
    int anchored = 0;         // records a time-stamp authority attested during this sync
    QString anchorProblem;    // why records still wait for a time-stamp, if they do
    int anchorsRenewed = 0;   // earlier anchors re-stamped before their certificate ends
};

// An alarm a sync raised, or a file it refused, and whether an admin has acknowledged it.
struct AlarmInfo {
    QString id;   // 16 hex digits; the same in every vault for a file on the server
    QString kind; // authentication_failed, name_mismatch, conflicting_file, bad_grant,
                  // bad_ca_share, history_rewritten, file_removed, or refused (not an alarm)
    QString path;
    QString detail;
    QString firstSeen;
    bool counts = false;    // a sync is not clean while it is not acknowledged
    QString acknowledgedBy; // member uuid; empty while not acknowledged
    QString acknowledgedByName;
    QString acknowledgedAt;
    QString reason;
    bool acknowledged() const { return !acknowledgedBy.isEmpty(); }
    bool isAlarm() const { return kind != QLatin1String("refused"); }
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

// A template (issue 17): an experiment to start from (its title, project, tags and entries) or
// a block of HTML to insert into an entry. `record` is the version in force.
struct TemplateInfo {
    struct Entry {
        QString title;
        QString html;
    };
    QString uuid;
    QString record;
    QString name;
    QString kind;   // experiment, entry
    QString status; // active, withdrawn
    QString title;  // experiment templates: the experiment's title, project, tags and entries
    QString project;
    QStringList tags;
    QList<Entry> entries;
    QString html; // entry templates
    QString authorName;
    QString updatedAt;
    int version = 1;
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

// One computer of a member (issue 16, model/NotebookDevices.cpp).
struct DeviceInfo {
    QString uuid;
    QString member;
    QString memberName;
    QString name;   // empty for a first computer never named
    QString status; // active, retired, or empty when never announced
    QString reason;
    QString since;          // when its current device record was written
    QString offerExpiresAt; // added by an offer: until when it could join
    QString lastRecordedAt;
    qint64 records = 0;
    bool thisDevice = false;
};

// An offer to add another computer of this member: the file to carry over and its one-time code.
struct DeviceOffer {
    QByteArray file;
    QString code; // 6 groups of 4 characters
    QString device;
    QString expiresAt;
};

// The member's recovery code (issue 17) and what a recovery sheet prints beside it.
struct RecoveryCodeInfo {
    QString code; // 7 groups of 5 characters
    QString createdAt;
    bool written = false; // its recovery file is in the vault, sent with the next sync
    QString notebookName;
    QString memberName;
    QString memberEmail;
    QString remote;
};

// What a rebuild of a damaged quire.db did and what could not come back.
struct RebuildReport {
    QString keptAside;     // the damaged database, renamed
    QString oldRepository; // the previous repo.git, renamed (kept)
    int records = 0;       // records in the rebuilt vault, every one verified
    int recordsOk = 0;
    int fromLocalCopy = 0; // records found in the old repo.git, checked as a sync does
    QStringList lost;      // lines saying what could not come back
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
    // `attachments` are attachment records kept beforehand (storeFile) that the entry's first
    // version names along with its text.
    Result<QString> addEntry(const QString &experiment, const QString &title, const QString &html,
                             const QStringList &attachments = {});
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
    // `attachments` (kept beforehand by storeFile) join the ones the entry already names, in
    // the same new version as the text.
    Result<void> editEntry(const QString &entry, const QString &title, const QString &html,
                           const QString &reason, const QStringList &attachments = {});
    Result<void> voidEntry(const QString &entry, const QString &reason);
    // Conflicts (model/NotebookConflicts.cpp). The versions of an entry in conflict, head
    // first; empty when there is no conflict.
    Result<QList<EntryVersion>> conflictVersions(const QString &entry);
    // Saves the version that ends a conflict: `prev` is the head and `merges` names every other
    // version in conflict, so that once synced the conflict is gone everywhere. The title and
    // text are the author's choice (one side's, or both edited together); attachments of all
    // sides are kept. Returns the new version's record id.
    Result<QString> resolveConflict(const QString &entry, const QString &title, const QString &html,
                                    const QString &reason);
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
    // Streams the file into an attachment record of its own, named by no entry yet (an image
    // pasted into text being written): the entry's next saved version names it (addEntry,
    // editEntry), so that one save is one version. One that no entry ever names stays as it
    // is; nothing is deleted (NotebookAttachments.cpp). Returns the attachment record id.
    Result<QString> storeFile(const QString &filePath, const ProgressFn &progress = {});
    // The attachment record ids the images of this text show, in order (as sanitised).
    static QStringList attachmentsShownIn(const QString &html);
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
    // The manifestation 11.50 asks for: printed name, date and time with zone, meaning. The
    // date is ISO 8601 in the C locale (the CLI, JSON); the window passes its language's.
    static QString manifestation(const SignatureInfo &signature, const QLocale &locale);
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

    // ---- comments and review (NotebookComments.cpp; FORMAT.md §2 `comment`) ----------------
    // Comments on an entry version: `entry` is an entry's uuid (with `version`, 0 = the latest)
    // or an entry version's record id. `html` is sanitised on the way in. Any active member
    // comments; only a supervisor who is not the entry's author requests changes. `corrects`
    // names an earlier comment of mine on the same entry that this one corrects.
    Result<CommentInfo> addComment(const QString &entry, int version, const QString &html,
                                   bool requestsChanges, const QString &corrects = {});
    // Every comment on any version of the entry, oldest first.
    Result<QList<CommentInfo>> comments(const QString &entry);
    // Why I may not request changes of this entry's latest version, or empty if I may.
    Result<QString> changeRequestProblem(const QString &entry);
    // Requests for changes of entries I wrote, still open, oldest first (for "Waiting for me").
    Result<QList<ReviewItem>> changesRequestedOfMe();
    // Plain text as comment HTML: paragraphs at blank lines, line breaks kept, all escaped.
    static QString plainTextToHtml(const QString &text);
    // The text of sanitised HTML, for a terminal or a tooltip.
    static QString htmlToPlainText(const QString &html);
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
    // ---- every admin can approve; alarms that count (model/NotebookAdmins.cpp) -------------
    // Changes an active member's roles (admins only, with a reason). Made admin, the member
    // gets a share of the CA key, so their vault can approve newcomers after its next sync.
    Result<void> setRoles(const QString &member, const QStringList &roles, const QString &reason);
    // This vault holds the notebook CA key: it can approve join requests.
    bool canApprove();
    // A share of the CA key for this member is in the shared repository.
    Result<bool> hasCaShare(const QString &member);
    // Every alarm and refused file this vault knows, oldest first.
    Result<QList<AlarmInfo>> alarms();
    // Alarms not yet acknowledged, and of those the ones that keep a sync failing.
    Result<int> unacknowledgedAlarms(bool countingOnly = true);
    // An admin acknowledges an alarm or refused file with a reason: an audit record that syncs.
    Result<AlarmInfo> acknowledgeAlarm(const QString &id, const QString &reason);
    bool isJoining() const;

    // ---- one member, several computers (model/NotebookDevices.cpp) -----------------------------
    // An offer for another computer of this member (announced as `deviceName`), valid 24 hours.
    Result<DeviceOffer> addDevice(const QString &deviceName);
    // Creates this computer's vault for the member an offer file carries, opened with its code.
    // A wrong code is counted in the file (and for this user); after 5 the offer is used up.
    // The vault is complete after its first sync.
    static Result<std::unique_ptr<Notebook>> joinFromOffer(const QString &vaultDir,
                                                           const QString &offerPath,
                                                           const QString &code,
                                                           const QByteArray &passphrase);
    // Wrong codes tried on an offer file so far.
    static Result<int> offerWrongCodes(const QString &offerPath);
    Result<QList<DeviceInfo>> devices();
    // Retires a computer (its member or an admin); what it writes afterwards is refused.
    Result<void> retireDevice(const QString &device, const QString &reason);

    // ---- templates (model/NotebookTemplates.cpp; FORMAT.md §2 `template`) -------------------
    // Admins write templates; authors too once an admin has said so (templateWriters).
    bool mayWriteTemplates();
    QString templateWriters(); // "admins" or "authors"
    Result<void> setTemplateWriters(const QString &writers);
    // Keeps the experiment's title, project, tags and its entries' titles and text (without
    // pictures: attachments stay with the experiment) as a template called `name`.
    Result<QString> saveExperimentAsTemplate(const QString &experiment, const QString &name);
    // A block of HTML (sanitised) to insert into entries.
    Result<QString> saveEntryTemplate(const QString &name, const QString &html);
    // The templates in use (not withdrawn), by name; `kind` empty for both kinds.
    Result<QList<TemplateInfo>> templates(const QString &kind = {});
    // A template by uuid, record id or name (when only one has it).
    Result<TemplateInfo> templateInfo(const QString &which);
    // A new experiment and its entries, each a first version naming the template's record.
    Result<QString> createExperimentFromTemplate(const QString &which, const QString &title);
    Result<void> withdrawTemplate(const QString &which, const QString &reason);
    // ---- never lose a notebook (model/NotebookRecovery.cpp; issue 17) -----------------------
    // A new recovery code, replacing the earlier one once synced: show it once, print the sheet.
    Result<QString> newRecoveryCode();
    // The current code, for a person who just entered the passphrase again.
    Result<RecoveryCodeInfo> recoveryCode(const QByteArray &passphrase);
    // A printable recovery sheet (PDF) for `info`.
    static Result<void> writeRecoverySheet(const QString &pdfPath, const RecoveryCodeInfo &info);
    // A new computer: the member and the notebook back from the server and the recovery code,
    // under a new passphrase; every record arrives through a normal sync and is checked as it
    // arrives. A `recovery` audit record says so.
    static Result<std::unique_ptr<Notebook>> recover(const QString &vaultDir, const QString &remote,
                                                     const QString &code,
                                                     const QByteArray &passphrase);
    // A consistent snapshot of this vault in one file (the passphrase keys the database copy).
    Result<qint64> backup(const QString &file, const QByteArray &passphrase);
    // A backup unpacked into a new folder; it opens with the passphrase it had.
    static Result<void> restore(const QString &file, const QString &vaultDir);
    // Rebuilds a vault whose quire.db is damaged, from the keys of a recovery code (then under
    // `passphrase`, new) or of a backup (then with the backup's passphrase), the old repo.git
    // and the server. The damaged files are renamed aside, never deleted.
    static Result<RebuildReport> rebuild(const QString &vaultDir, const QString &code,
                                         const QString &backupFile, const QString &remote,
                                         const QByteArray &passphrase);

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
