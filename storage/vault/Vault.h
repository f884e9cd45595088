#pragma once
// storage/vault/: one notebook vault, the only writer of its records. This file is the facade
// model/ uses; VaultImpl.h (internal) holds the state its parts share, one .cpp per job: Vault
// (create, open, unlock, keys, passphrase, settings), Append (sealing and appending), Objects
// (repo.git's encrypted files), Tables (the rows derived from records, one place per record
// type), Reading, Drafts, Attachments, Members (joining, approving, revoking, the remote),
// Signing, TrustedTime (anchors, their renewal), TsaTrust (the notebook's time-stamp
// authorities), Verify, Instruments (instruments, their captures, local settings),
// Conflicts (an object's tips, the head rule every vault shows, versions that merge tips),
// Comments (comments on entry versions and requests for changes), Admins (the CA key shared
// with every admin), Alarms and Devices (one member's computers), Templates (experiment and
// entry templates, and who may write them).
// Merging what a sync brings is in sync/; the record format and the rules every record passes
// are in records/.

// Vault: one notebook vault on disk (FORMAT.md §7) — vault.json, the SQLCipher database and
// the bare repository of encrypted objects. It unlocks with a passphrase, holds the member's
// keys while unlocked, and is the only writer of records: append() encodes, seals and stores
// a record, its materialised rows, its search row and its encrypted object in one transaction.

#include "crypto/Crypto.h"
#include "db/Database.h"
#include "Result.h"
#include "sync/GitRemote.h"
#include "sync/ObjectRepository.h"
#include "sync/RepositoryHistory.h"
#include "vault/TrustedTimeTypes.h"

#include <QJsonObject>
#include <QList>
#include <QLockFile>
#include <QMap>
#include <QString>
#include <QStringList>

#include <functional>
#include <memory>
#include <optional>

namespace quire {

struct StoredRecord;

struct RecordDraft {
    QString type;
    QString object;
    QString prev; // empty = first version
    QJsonObject body;
    // Called just before sealing, with the records already sealed in the same append(), so
    // that a draft can name an earlier one (an entry version naming its new attachment).
    std::function<void(QJsonObject &body, const QList<StoredRecord> &earlier)> complete;
    // Work on the body that needs nothing but this draft (sanitising imported HTML). In a bulk
    // append it runs on a worker thread, beside the sealing of other drafts.
    std::function<void(QJsonObject &body)> prepare = {};
};

struct StoredRecord {
    QString id;
    QString type;
    QString object;
    QString prev;
    QString author;
    QString device;
    qint64 seq = 0;
    QString recordedAt;
    int version = 1; // position in the object's chain
    QJsonObject body;
    QByteArray envelope; // canonical envelope bytes
};

struct VaultMember {
    QString uuid;
    QString name;
    QString email;
    QStringList roles;
    QString status;
    QByteArray signCert;
    QString certSha256;
};

struct VaultExperiment {
    QString uuid;
    QString head;
    QString title;
    QString project;
    QStringList tags;
    QString status;
    QString createdAt;
    QString updatedAt;
    QString author;
    int entryCount = 0;
};

struct VaultEntry {
    QString uuid;
    QString head;
    QString experiment;
    int order = 0;
    int versions = 0;
    QString title;
    QString status;
    QString author;
    QString createdAt;
    QString updatedAt;
};

struct VaultAttachment {
    QString id;
    QString name;
    QString mediaType;
    qint64 size = 0;
    QString sha256;
    QStringList chunks;
    QString recordedAt;
};

// An `instrument` record's latest version (issue 14).
struct VaultInstrument {
    QString uuid;
    QString head;
    QString name;
    QString model;
    QString serial;
    QString location;
    QString status; // active, retired
    QString reason;
    QString author;
    QString createdAt;
    QString updatedAt;
};

// An attachment whose source is an instrument, with where it stands: in the inbox until an entry
// holds it or a `set_aside` names it.
struct VaultCapture {
    QString id; // the attachment record
    QString instrument;
    QString originalPath;
    QString modifiedAt;
    QString name;
    qint64 size = 0;
    QString sha256;
    QString capturedAt; // the attachment record's recorded_at
    QString reader;     // the format a reader recognised, empty if none
    QString problem;    // why no reader could read it, empty if one did
    QString heldBy;     // an entry (uuid) that holds it, empty if none
    QString setAsideReason;
    bool inInbox() const { return heldBy.isEmpty() && setAsideReason.isEmpty(); }
};

struct VaultSearchHit {
    QString kind;
    QString ref;
    QString experiment;
    QString title;
    QString snippet;
};

// A `signature` record as the vault holds it, with what a check of it found.
struct VaultSignature {
    QString id;           // the signature record
    QString target;       // the signed record (an entry version)
    QString targetObject; // the entry's uuid
    int targetVersion = 0;
    QString meaning; // authored, reviewed, approved, witnessed
    QString signer;  // member uuid
    QString printedName;
    QString signedAt; // RFC 3339 UTC
    QByteArray cms;
    QByteArray statement; // the canonical statement bytes the CMS signs
    bool valid = false;   // the CMS holds over the statement, by the signer's certificate
    bool allowed = false; // the signer was allowed to sign with this meaning (FORMAT.md §3)
    QString problem;      // why not, when either is false
};

// A `comment` record on an entry version (issue 16), with where a request for changes stands.
struct VaultComment {
    QString id;           // the comment record
    QString target;       // the commented entry version's record id
    QString targetObject; // the entry's uuid
    int targetVersion = 0;
    QString author; // member uuid
    QString html;   // sanitised
    bool requestsChanges = false;
    QString corrects; // the earlier comment of the same member this one corrects, or empty
    QString recordedAt;
    bool answered = false; // the entry has a version after the commented one
    QString correctedBy;   // the first later comment that corrects this one, or empty
    bool openRequest() const { return requestsChanges && !answered && correctedBy.isEmpty(); }
};

// When a record's existence was attested by a time-stamp authority (FORMAT.md §4).
struct VaultAnchorTime {
    QString anchor;       // the anchor record
    QString genTime;      // the token's time, RFC 3339 UTC
    QString tsa;          // the URL that answered
    bool trusted = false; // the token verifies against the TSA certificates this vault trusts
};

// What verify() found for one record.
struct VaultRecordCheck {
    QString id;
    QString type;
    QString object;
    int version = 0;
    QString author;
    bool sealOk = false;
    bool chainOk = false;
    bool stored = false; // the encrypted copy in repo.git holds exactly this record
    std::optional<VaultSignature> signature; // for signature records
    std::optional<VaultAnchorTime> anchoredAt;
    QStringList problems;
};

struct VaultCheck {
    int records = 0;
    int recordsOk = 0;
    int chunks = 0;
    int chunksOk = 0;
    QStringList problems;
    QStringList warnings; // true of the vault but not a failure (a weak key derivation)
    QList<VaultRecordCheck> recordChecks; // in local order, when asked for
};

// Text being typed, kept between saves (local to this vault, never synced).
struct VaultDraft {
    QString key;   // the entry's uuid, or a new uuid for an entry not saved yet
    QString entry; // empty for a new entry
    QString experiment;
    QString base; // the version the draft started from (empty for a new entry)
    QString title;
    QString html;
    QString savedAt;
    QStringList attachments; // files added while writing that the text does not show
};

struct VaultSearchFilter {
    QString from;        // RFC 3339 prefix, inclusive: last change at or after
    QString before;      // RFC 3339 prefix, exclusive: last change before
    QString author;      // member uuid
    QString tag;         // an experiment tag
    int signedState = 0; // 0 any, 1 entries with a signature, 2 entries without
    bool isEmpty() const {
        return from.isEmpty() && before.isEmpty() && author.isEmpty() && tag.isEmpty() &&
               signedState == 0;
    }
};

struct TsaSettings {
    QStringList urls;      // tried in order
    QByteArray trustedPem; // TSA certificates (or their CAs) this vault trusts
};

struct AnchorOutcome {
    int records = 0; // records the new anchor covers (0: nothing was waiting)
    QString anchor;  // the anchor record id
    QString tsa;
    QString genTime;
    QStringList failures; // one line per TSA that did not answer well
    // Renewal (FORMAT.md §4): the anchor that re-stamped earlier anchors, if one was made.
    int renewed = 0; // earlier anchors the renewal covers
    QString renewalAnchor;
    QString renewalTsa;
    QString renewalGenTime;
    QString renewalProblem; // why anchors due for renewal were not renewed
};

// One computer of a member (issue 16): what its `device` records say, and what its records show.
// A device no `device` record announced (a member's first computer) has an empty status.
struct VaultDevice {
    QString uuid;
    QString member;
    QString name;
    QString status; // active, retired, or empty when never announced
    QString reason;
    QString since;          // when the current `device` record was written
    QString offerExpiresAt; // for a computer added by an offer: until when it could join
    QString lastRecordedAt; // its latest record here, empty if none
    qint64 records = 0;
    bool thisDevice = false;
};

// An offer to add another computer of this member: the file and the code that opens it.
struct VaultDeviceOffer {
    QByteArray file;
    QString code;
    QString device; // the new computer's device uuid
    QString expiresAt;
};

using VaultProgress = std::function<void(qint64 done, qint64 total)>;

class Vault {
public:
    ~Vault();
    Vault(const Vault &) = delete;
    Vault &operator=(const Vault &) = delete;

    static constexpr int kChunkSize = 4 * 1024 * 1024;

    static bool exists(const QString &dir);
    // Creates the vault folder: keys, CA, founder, genesis record, notebook key epoch 1.
    static Result<std::unique_ptr<Vault>> create(const QString &dir, const QString &notebookName,
                                                 const QString &memberName, const QString &email,
                                                 const QByteArray &passphrase);
    // Unlocks. A wrong passphrase changes nothing in the database or the repository; it is
    // counted in <dir>/failed-unlocks and written as an audit record at the next unlock.
    static Result<std::unique_ptr<Vault>> open(const QString &dir, const QByteArray &passphrase);

    // ---- members (FORMAT.md §5, "Joining") ----------------------------------------------------
    struct JoinStart {
        std::unique_ptr<Vault> vault;
        QByteArray request; // the join request file, for an admin of the notebook
        QString code;       // a short code of the request, to compare over a second channel
    };
    // Creates a newcomer's vault from an invitation: fresh signing and encryption keys, no
    // records yet. It trusts only a notebook whose CA matches the invitation's fingerprint,
    // and becomes usable at the first sync after an admin approved the request.
    static Result<JoinStart> createJoining(const QString &dir, const QByteArray &invitation,
                                           const QString &name, const QString &email,
                                           const QByteArray &passphrase);
    // True while the vault waits for its join request to be approved and synced.
    bool isJoining() const;
    // An invitation to this notebook through the remote that is set (admins only).
    Result<QByteArray> makeInvitation();
    // Approves a join request: issues the certificate, writes the member record and the key
    // grant for every epoch. Returns the new member's uuid.
    Result<QString> approveJoin(const QByteArray &request, const QStringList &roles);
    // Revokes a member: a member record with status revoked, then a new key epoch granted to
    // every remaining active member, so that what is written from now on is closed to them.
    Result<void> revokeMember(const QString &member, const QString &reason);
    // Changes an active member's roles (admins only, with a reason). A member made admin gets
    // a share of the CA key when this vault holds it (vault/Admins.cpp).
    Result<void> setMemberRoles(const QString &member, const QStringList &roles,
                                const QString &reason);
    // This vault holds the notebook CA key and can approve join requests.
    bool holdsCaKey();
    // A share of the CA key for this member is in the shared repository as this vault knows it.
    Result<bool> hasCaShare(const QString &member);
    // ---- one member, several computers (vault/Devices.cpp) -----------------------------------
    // An offer for another computer of this member: announces the new device (and this one, the
    // first time) in `device` records and seals the member's keys and what a new vault needs
    // under a fresh one-time code. Valid 24 hours.
    Result<VaultDeviceOffer> makeDeviceOffer(const QString &deviceName);
    // Creates a vault for the same member on this computer from an offer file, which this call
    // reads and, after a wrong code, rewrites with the count (spent after 5, also counted in the
    // user's data folder). Like a newcomer's vault it is complete after its first sync.
    static Result<std::unique_ptr<Vault>> createFromOffer(const QString &dir,
                                                          const QString &offerPath,
                                                          const QString &code,
                                                          const QByteArray &passphrase);
    // Wrong codes tried on this offer so far (the file's count or this user's, the larger).
    static Result<int> offerWrongCodes(const QString &offerPath);
    Result<QList<VaultDevice>> devices();
    // Retires a device (its member or an admin): its records written afterwards are refused.
    // Cancels an offer that was not used yet, too.
    Result<void> retireDevice(const QString &device, const QString &reason);
    // ---- never lose a notebook (vault/Recovery.cpp, vault/Backup.cpp; issue 17) -------------
    // A new recovery code for this member: the member's keys sealed under it in
    // recovery/<member>.json (FORMAT.md §5), sent with the next sync, and the code kept wrapped
    // in this vault so that it can be shown again. It replaces the earlier code: once synced, the
    // old one opens nothing. A joining vault keeps the code and writes the file once approved.
    Result<QString> newRecoveryCode();
    struct RecoveryCode {
        QString code;         // as shown: 7 groups of 5
        QString createdAt;    // when it was made (RFC 3339 UTC)
        bool written = false; // the recovery file for it is in repo.git (sent at the next sync)
    };
    // The current code, or why this vault holds none (made or replaced on another computer).
    Result<RecoveryCode> recoveryCode();
    // A vault for the member whose recovery file on the server `remote` the code opens: a new
    // computer (device), the keys from the file, the remote set; complete after its first sync,
    // then finishRecovery(). A wrong code changes nothing and leaves no folder behind.
    static Result<std::unique_ptr<Vault>> createFromRecovery(const QString &dir,
                                                             const QString &remote,
                                                             const QString &code,
                                                             const QByteArray &passphrase);
    // After the first sync of a recovered or rebuilt vault: the member must be active and the
    // keys theirs; announces this computer and writes a `recovery` audit record (`how`).
    Result<void> finishRecovery(const QString &how, const QJsonObject &detail);
    // A consistent snapshot of this vault in one file (vault/Backup.cpp, FORMAT.md §7): the
    // database by SQLite's online backup (still encrypted with the same key: the passphrase
    // derives it again), vault.json and repo.git. Written to `file`.part, then renamed.
    Result<qint64> backup(const QString &file, const QByteArray &passphrase);
    // Unpacks a backup into `dir`, which must not exist or be empty. Every path in the archive
    // is checked before anything is written; on any problem nothing is left in `dir`.
    static Result<void> restore(const QString &file, const QString &dir);
    // The remote the notebook syncs with (no secret in it).
    Result<QString> remoteUrl();
    Result<void> setRemoteUrl(const QString &url);
    // The remote and how to log in to it. Secrets (password or token, ssh private key) are
    // kept wrapped in the database like every other key; empty ones are removed.
    Result<void> setRemote(const QString &url, const QString &user, const QByteArray &secret,
                           const QByteArray &sshPrivateKey, const QString &extraCaPemFile);
    Result<RemoteCredentials> remoteCredentials();
    // Remembers the ssh server's host key at the first connection (trust on first use).
    Result<void> pinSshHostKey(const QString &sha256);

    QString path() const;
    QString notebookUuid() const;
    QString notebookName() const;
    QString memberUuid() const;
    QString deviceUuid() const;

    // Appends records in one transaction; each is sealed by this vault's member.
    Result<QList<StoredRecord>> append(const QList<RecordDraft> &drafts);
    Result<StoredRecord> appendOne(const RecordDraft &draft);
    // Runs `work` — appends, stored attachments, anything that writes the database — as one
    // transaction: it all lasts when work succeeds, and nothing of it when work fails (the
    // database and this object are as before; encrypted objects already written into repo.git
    // stay there unnamed, so no sync ever sends them). An import is all or nothing this way.
    Result<void> inOneTransaction(const std::function<Result<void>()> &work);
    // Appends an audit record (action + detail).
    Result<void> audit(const QString &action, const QJsonObject &detail);

    Result<StoredRecord> record(const QString &id);
    Result<QList<StoredRecord>> chain(const QString &object); // oldest first
    Result<QList<StoredRecord>> allRecords();                 // in local order
    Result<QString> head(const QString &object);              // latest record id
    // The versions of an object that no later version names (as `prev` or in `merges`), head
    // first. More than one: the object is in conflict (FORMAT.md §2, "Conflicts").
    Result<QList<StoredRecord>> tips(const QString &object);

    Result<QList<VaultMember>> members();
    Result<VaultMember> member(const QString &uuid);
    Result<QList<VaultExperiment>> experiments();
    Result<VaultExperiment> experiment(const QString &uuid);
    Result<QList<VaultEntry>> entries(const QString &experiment);
    Result<VaultEntry> entry(const QString &uuid);
    Result<int> nextEntryOrder(const QString &experiment);
    Result<QList<VaultSearchHit>> search(const QString &query, int limit,
                                         const VaultSearchFilter &filter = {});

    // ---- drafts --------------------------------------------------------------------------
    Result<void> putDraft(const VaultDraft &draft);
    Result<QList<VaultDraft>> drafts();
    Result<void> removeDraft(const QString &key);

    // Streams a file into encrypted chunks in repo.git and returns the body of an
    // `attachment` record (not yet appended).
    Result<QJsonObject> storeAttachment(const QString &filePath, const VaultProgress &progress);
    Result<VaultAttachment> attachment(const QString &id);
    // Streams an attachment's chunks into a sink, checking each chunk's hash and the total.
    Result<void> readAttachment(const QString &id,
                                const std::function<Result<void>(const QByteArray &)> &sink,
                                const VaultProgress &progress);

    // ---- instruments and their captures (vault/Instruments.cpp) -----------------------------
    Result<QList<VaultInstrument>> instruments();
    Result<VaultInstrument> instrument(const QString &uuid);
    // Every capture, or those still in the inbox, oldest first.
    Result<QList<VaultCapture>> captures(bool inboxOnly);
    Result<VaultCapture> capture(const QString &id);
    // True when this notebook holds a capture of this content from this path.
    Result<bool> hasCapture(const QString &sha256, const QString &originalPath);
    // Searchable text of an attachment (a data file's metadata); local, kept in its search row
    // whenever an entry holds it.
    Result<void> setAttachmentText(const QString &id, const QString &text);
    // Attachments of this media type whose text this device has not read yet (attached before
    // text was read, or arrived by sync), oldest first.
    Result<QList<VaultAttachment>> attachmentsWithoutText(const QString &mediaType);
    // The SHA-256 this device found when it last read `path` at this size and modification
    // time, or empty: a file unchanged since is not read again.
    Result<QString> seenFile(const QString &path, qint64 size, const QString &modifiedAt);
    Result<void> noteSeenFile(const QString &path, qint64 size, const QString &modifiedAt,
                              const QString &sha256);
    // Settings of this vault alone, never synced (a watch folder belongs to one computer).
    Result<QString> localSetting(const QString &key);
    Result<void> setLocalSetting(const QString &key, const QString &value);
    // Every local setting whose key starts with `prefix`, by key.
    Result<QMap<QString, QString>> localSettings(const QString &prefix);

    Result<void> changePassphrase(const QByteArray &newPassphrase);
    // Checks every record (seal, chain, write rules, encrypted copy, signatures, anchors) and
    // every chunk, on all cores. With perRecord, recordChecks holds one entry per record.
    VaultCheck verify(const VaultProgress &progress, bool perRecord = false);

    // ---- electronic signatures (FORMAT.md §3) ----------------------------------------------
    // True if `passphrase` unlocks this vault (one scrypt, ~0.4 s); nothing is written.
    bool checkPassphrase(const QByteArray &passphrase);
    // Why this member may not sign `target` with `meaning` now, or empty if it may.
    Result<QString> signingProblem(const QString &target, const QString &meaning);
    // Signs record `target` with `meaning` as this member: a CMS over the statement, appended
    // as a `signature` record. The rules are checked again here.
    Result<VaultSignature> sign(const QString &target, const QString &meaning);
    // Every signature of every version of an object, checked, in the order they were recorded.
    Result<QList<VaultSignature>> signaturesOf(const QString &object);
    Result<VaultSignature> signature(const QString &id);
    // Latest entry versions with an `authored` signature and no countersignature yet.
    Result<QList<VaultSignature>> awaitingCountersignature();

    // ---- comments (vault/Comments.cpp) -------------------------------------------------------
    // Every comment on any version of an entry, oldest first.
    Result<QList<VaultComment>> commentsOn(const QString &entry);
    Result<VaultComment> comment(const QString &id);
    // Requests for changes still open on entries `member` wrote, oldest first.
    Result<QList<VaultComment>> openChangeRequests(const QString &member);
    // Why this member may not write a comment with this body now (FORMAT.md §2), or empty.
    Result<QString> commentProblem(const QJsonObject &body);

    // ---- trusted time (FORMAT.md §4) -----------------------------------------------------
    Result<TsaSettings> tsaSettings();
    Result<void> setTsaSettings(const TsaSettings &settings);
    // Records not yet covered by an anchor.
    Result<int> unanchoredCount();
    // Builds the Merkle tree of every record not yet anchored, asks the TSAs in order for a
    // token over its root and appends the `anchor` record. Fails, writing nothing, when no TSA
    // answered with a token the vault trusts; the records wait for the next chance.
    // Then, per `renewal`, re-stamps earlier anchors (a new anchor whose leaves are their ids).
    Result<AnchorOutcome> anchorPending(int timeoutMs = 15000,
                                        AnchorRenewal renewal = AnchorRenewal::WhenDue);
    Result<std::optional<VaultAnchorTime>> anchorTime(const QString &record);
    // The notebook's authorities and this vault's additions (vault/TsaTrust.cpp).
    Result<TsaTrust> tsaTrust();
    // Writes a new version of the notebook's `tsa_trust` record (active admins only).
    Result<QString> setNotebookTsaTrust(const QList<TsaAuthority> &authorities,
                                        int renewBeforeDays);
    // One anchor judged as of its own time, and the anchors that renew it.
    Result<VaultAnchorVerdict> anchorVerdict(const QString &anchor);

    // ---- templates (vault/Templates.cpp) ------------------------------------------------------
    // The newest version of every `template` object (withdrawn ones too), by name.
    Result<QList<StoredRecord>> templates();
    // Who may write templates now: "admins" (the default) or "authors".
    Result<QString> templateWriters();
    // Writes a new version of the notebook's `template_policy` record (active admins only).
    Result<QString> setTemplateWriters(const QString &writers);
    // From the anchor that first covered `record` up through its renewals; empty when the
    // record waits. `record` may be an anchor itself.
    Result<QList<VaultAnchorVerdict>> anchorChain(const QString &record);
    // Every anchor, oldest first.
    Result<QList<VaultAnchorVerdict>> anchors();
    // What an independent check of a signature needs (file name -> bytes): statement.json,
    // signature.der, ca.pem, signer.pem, record.json and, once anchored, timestamp.tsr,
    // merkle-path.json, tsa-ca.pem, and per renewal i: anchor-i.json, renewal-i.tsr and
    // renewal-i-path.json.
    Result<QList<QPair<QString, QByteArray>>> signatureEvidence(const QString &signatureId);

    // ---- exports that carry their own proof (vault/Export.cpp) -------------------------------
    // The notebook CA certificate (DER) and the genesis record's id.
    QByteArray caCertificate() const;
    Result<QString> genesis();
    // The record's audit path to the root of the anchor that covers it (FORMAT.md §4
    // merkle-path.json, canonical bytes) and that anchor's id; nothing while it waits.
    struct MerkleProof {
        QString anchor;
        QByteArray proofJson;
        bool trusted = false; // the anchor's token verifies against the trusted TSA certificates
    };
    Result<std::optional<MerkleProof>> merkleProof(const QString &record);
    // This member's signing certificate (DER), and an ECDSA P-256/SHA-256 signature (DER) over
    // `toBeSigned` with its key, for a PAdES signature: the key itself never leaves the vault.
    Result<QByteArray> myCertificate();
    Result<QByteArray> signBytes(const QByteArray &toBeSigned);

    // ---- the shared repository (FORMAT.md §5) ----------------------------------------------
    // Commits every encrypted file not yet on branch main of repo.git, plus QUIRE.json, as this
    // member; returns main's head. Cheap when nothing is new: no tree is read or written.
    Result<QByteArray> publishLocal();
    // Files saved locally and not yet committed to main (what a sync would send).
    Result<int> unpublishedCount();
    // What a merge with the shared repository did.
    struct MergeReport {
        int records = 0;    // records imported
        int chunks = 0;     // attachment chunks imported
        QStringList alarms; // tampering or rewritten history, one line each, new here
        // Every alarm about a file on the server that no admin has acknowledged yet, whether
        // this merge saw it first or an earlier one did: a sync with any fails.
        QStringList openAlarms;
        QStringList quarantined; // "path: reason" for files refused in this merge
        // Refusals the rules intend, not tampering: files under a key epoch this member does not
        // hold (written after its access ended, or not granted yet), or written by a revoked
        // member after the revocation. Kept apart from `quarantined`.
        QStringList expectedRefusals;
        QByteArray head;    // main after the merge
        bool ahead = false; // main holds files the remote lacks: push it
    };
    // Publishes local files, then merges the fetched commit `remoteHead` into main by union of
    // paths: new files are decrypted and checked (name, seal, chain, write rules) and imported;
    // a file that fails is quarantined with its reason and never replaces a local one; the
    // same path with other bytes, a file removed from the server and a rewritten history
    // raise alarms. Nothing local is ever removed.
    Result<MergeReport> mergeRemote(const QByteArray &remoteHead);
    // Remembers what the remote's main was after a successful push or merge.
    Result<void> noteRemoteHead(const QByteArray &remoteHead);
    struct Quarantined {
        QString path;
        QString reason;
        QString seenAt;
        bool expected = false; // refused as the rules intend (a revoked member's late writes)
    };
    Result<QList<Quarantined>> quarantine();

    // ---- alarms (vault/Alarms.cpp) ---------------------------------------------------------
    struct Alarm {
        QString id;   // 16 hex digits, the same in every vault for a file on the server
        QString kind; // authentication_failed, name_mismatch, conflicting_file, bad_grant,
                      // bad_ca_share, history_rewritten, file_removed; `refused` for a file
                      // refused by the rules (quarantined, not an alarm)
        QString path; // the file on the server, when it is about one
        QString detail;
        QString firstSeen;
        bool counts = false;    // a sync fails while it is not acknowledged
        QString acknowledgedBy; // member uuid, empty while not acknowledged
        QString acknowledgedAt;
        QString reason;
        QString acknowledgement; // the audit record
    };
    // Every alarm and refused file, oldest first.
    Result<QList<Alarm>> alarms();
    // An admin's acknowledgement: an `alarm_acknowledged` audit record naming the alarm, its
    // kind, path and the reason; it syncs, so every vault that knows the alarm sees it
    // acknowledged. An id prefix of at least 6 digits that names one alarm is enough.
    Result<Alarm> acknowledgeAlarm(const QString &id, const QString &reason);

private:
    Vault();
    struct Impl;
    std::unique_ptr<Impl> d;
};

} // namespace quire
