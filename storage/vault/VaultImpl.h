#pragma once
// Internal to vault/ and the vault's parts in sync/: the private state of one open Vault, shared
// by the files that each do one of its jobs. Nothing outside storage/ includes it. Which file
// defines a member is noted above each group below.

#include "crypto/Crypto.h"
#include "db/Database.h"
#include "records/Record.h"
#include "records/WriteRules.h"
#include "sync/ObjectRepository.h"
#include "sync/RepositoryHistory.h"
#include "vault/Vault.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QHash>
#include <QJsonArray>
#include <QJsonObject>
#include <QLockFile>
#include <QMap>
#include <QPair>
#include <QSet>
#include <QString>
#include <QStringList>

#include <memory>
#include <optional>

namespace quire {

struct Incoming;
struct Prechecked;
struct Admission;

// Small helpers every part of the vault uses.
namespace vaultimpl {

using crypto::SecureBytes;

using records::kRecordFormat;

inline QString nowUtc() {
    return QDateTime::currentDateTimeUtc().toString(QStringLiteral("yyyy-MM-ddTHH:mm:ss.zzzZ"));
}

inline QString b64(const QByteArray &bytes) {
    return QString::fromLatin1(bytes.toBase64());
}
inline QByteArray unb64(const QJsonValue &v) {
    return QByteArray::fromBase64(v.toString().toLatin1());
}
inline QString hex(const QByteArray &raw) {
    return QString::fromLatin1(crypto::toHex(raw));
}

inline QStringList toStringList(const QJsonValue &v) {
    QStringList out;
    for (const auto &item : v.toArray())
        out << item.toString();
    return out;
}

inline QJsonArray toJsonArray(const QStringList &list) {
    QJsonArray out;
    for (const auto &s : list)
        out.append(s);
    return out;
}

// The notebook key of one epoch and the two keys FORMAT.md §5 derives from it.
struct EpochKeys {
    QByteArray enc;
    QByteArray name;
};

struct Kdf {
    crypto::ScryptParams params;
    QByteArray salt;

    QJsonObject toJson() const {
        return QJsonObject{{"alg", "scrypt"},
                           {"n", qint64(params.n)},
                           {"r", qint64(params.r)},
                           {"p", qint64(params.p)},
                           {"salt", b64(salt)}};
    }
    static Result<Kdf> fromJson(const QJsonObject &o) {
        Kdf k;
        if (o.value("alg").toString() != "scrypt")
            return fail(QCoreApplication::translate("quire::storage",
                                                    "vault.json names an unknown key derivation"));
        k.params.n = quint64(o.value("n").toInteger());
        k.params.r = quint32(o.value("r").toInteger());
        k.params.p = quint32(o.value("p").toInteger());
        k.salt = unb64(o.value("salt"));
        if (k.params.n < 2 || k.params.r < 1 || k.params.p < 1 || k.salt.size() < 16)
            return fail(QCoreApplication::translate(
                "quire::storage", "vault.json has invalid key derivation parameters"));
        return k;
    }
    QString saltId() const { return b64(salt); }
};

} // namespace vaultimpl

struct Vault::Impl {
    using Kdf = vaultimpl::Kdf;
    using EpochKeys = vaultimpl::EpochKeys;
    using SecureBytes = crypto::SecureBytes;

    QString dir;
    std::unique_ptr<QLockFile> lock;
    Database db;
    ObjectRepository repo;
    QJsonObject vaultJson;
    int dbPageSize = Database::kDefaultPageSize; // SQLCipher page size of quire.db
    Kdf kdf;
    SecureBytes wrapKey;

    QString notebookUuid;
    QString notebookName;
    QString memberUuid;
    QString deviceUuid;
    QByteArray caCert;

    crypto::EcKey signKey;
    QString signCertSha256;
    quint32 currentEpoch = 1;
    QMap<quint32, EpochKeys> epochs;

    qint64 lastSeq = 0;
    QString lastRecordedAt;
    QString lastTrustedTime;                    // the latest time a time-stamp token names
    std::unique_ptr<RepositoryHistory> history; // opened at the first sync
    // Seal keys of certificates already checked against the CA during the current merge.
    QHash<QString, std::shared_ptr<crypto::EcKey>> sealKeys;
    // A newcomer's vault before its first sync after approval: no records, no notebook key.
    bool joining = false;
    QString pendingGenesis; // the genesis the invitation named
    QString caSha256;       // the CA fingerprint the invitation named

    // A member as admit() sees them, by certificate; dropped whenever a member record lands.
    struct Signer {
        QString uuid;
        QString status;
        QStringList roles;
        QByteArray cert;
        QString statusSince; // when the member's current record was written
    };
    QHash<QString, Signer> signers;

    // Anchors already judged against the trusted TSA certificates, and the verdicts; the trust
    // itself, read once. Both are dropped when the trust changes.
    QHash<QString, VaultAnchorVerdict> anchorVerdicts;
    std::optional<TsaTrust> trustCache;
    void forgetTsaTrust() {
        anchorVerdicts.clear();
        trustCache.reset();
    }

    // ---- vault/Vault.cpp: the folder, its lock, keys and settings ---------------------------

    Result<QString> syncState(const QString &key);
    Result<void> setSyncState(const QString &key, const QString &value);
    Result<void> acquireLock();
    // A new vault folder: private, locked, an empty database with every migration and an
    // empty repository, the key derived from the passphrase with a fresh salt.
    Result<void> prepareNewFolder(const QString &folder, const QByteArray &passphrase);
    // vault.json is written last: until it exists the folder is not a vault.
    Result<void> writeVaultJson();
    Result<void> storeSecret(const QString &name, const QByteArray &secret, const Kdf &forKdf,
                             const SecureBytes &withKey);
    Result<SecureBytes> loadSecret(const QString &name);
    void addEpoch(quint32 epoch, const QByteArray &notebookKey);
    Result<void> loadKeys();
    Result<void> loadState();

    // ---- vault/Append.cpp: record encoding and appending ------------------------------------

    Result<StoredRecord> seal(const RecordDraft &draft, qint64 seq, const QString &recordedAt,
                              int version);
    Result<int> versionAfter(const QString &prev, const QString &object, const QString &type);
    Result<QList<StoredRecord>> appendLocked(QList<RecordDraft> drafts);

    // ---- vault/Conflicts.cpp: forked chains and the versions that join them ---------------

    // versionAfter, and after every version `body` names in `merges`.
    Result<int> versionOf(const QString &prev, const QString &object, const QString &type,
                          const QJsonObject &body);
    // Notes the versions a record merges, so that they are no longer tips.
    Result<void> noteMerges(const StoredRecord &r);
    // Whether `r`, already stored, is its object's head by the head rule.
    Result<bool> isHead(const StoredRecord &r);
    // Why a version's `merges` may not join the notebook: each must be a version of the same
    // object and none an earlier version of `prev` or of another one named. `missing` is set
    // when one has not arrived; `version` gets the position the record then has.
    QString mergeProblem(const QString &type, const QString &object, const QString &prev,
                         const QJsonObject &body, bool *missing = nullptr, int *version = nullptr);

    // ---- vault/Objects.cpp: the encrypted files of repo.git --------------------------------

    QString objectPath(const char *area, const QByteArray &rawName) const;
    // Encrypts the envelope into repo.git; the path is recorded in the same transaction as
    // the record so the database never names an object that is not there.
    Result<QPair<QString, QByteArray>> writeRecordObject(const StoredRecord &r);
    // What INSERT OR REPLACE would do — a path written again gets a new rowid, so that
    // publishLocal sees it — at a seventh of the cost: SQLite 3.15's REPLACE is slow on a
    // table with a second index, and a path is almost always new.
    Result<void> putRepoFile(const QString &path, const QByteArray &oid, const QString &record = {},
                             const QString &chunk = {});
    Result<EpochKeys> keysFor(quint32 epoch);
    // Reads and decrypts one object, checking the tag and that the name fits the content.
    Result<QByteArray> readObject(const QString &oid, const QByteArray &rawContentId,
                                  const QString &path);
    // Reads nothing but the repository and the epoch keys, so several threads may call it.
    Result<QByteArray> readObjectConst(const QString &oid, const QByteArray &rawContentId,
                                       const QString &path) const;

    // ---- vault/Tables.cpp: the tables derived from records (materialisation) ---------------

    // `fresh`: the caller knows no row exists yet (a new object), so the lookup is skipped.
    Result<void> upsertSearch(const QString &kind, const QString &ref, const QString &experiment,
                              const QString &entry, const QString &title, const QString &body,
                              bool fresh = false);
    Result<void> insertSearch(const QString &kind, const QString &ref, const QString &experiment,
                              const QString &entry, const QString &title, const QString &body);
    Result<void> upsertMember(const QString &uuid, const QString &head, const QJsonObject &m);
    // The text the search index keeps for a record's body, beside its title.
    static QString searchBody(const StoredRecord &r);
    // `precomputedSearch`, when given, is searchBody(r) worked out on another thread. `fresh`
    // says the record starts an object this vault has just created, so no row exists to be
    // updated; should one exist after all, the insert fails rather than overwrite it.
    Result<void> materialize(const StoredRecord &r, const QString *precomputedSearch = nullptr,
                             bool fresh = false);
    // `writtenHere` says this device has just sealed the record, so no anchor can cover it yet;
    // a record that arrived by sync may have been anchored by an anchor that came first.
    Result<void> insertRecord(const StoredRecord &r, const QString &path, const QByteArray &oid,
                              const QString *precomputedSearch = nullptr, bool fresh = false,
                              bool writtenHere = false);

    // ---- vault/Reading.cpp ------------------------------------------------------------------

    static StoredRecord recordFromRow(const Statement &st);
    Result<QList<StoredRecord>> queryRecords(const QString &where, const QStringList &args);

    // ---- vault/Signing.cpp: electronic signatures (FORMAT.md §3) ---------------------------

    using MemberAt = records::MemberAt;
    using TargetInfo = records::TargetInfo;
    // A member as the records describe them at `time`: the latest member record recorded then
    // or earlier (the founder's first one is inside the notebook record).
    MemberAt memberAt(const QString &uuid, const QString &time);
    TargetInfo targetInfo(const QString &id);
    // records::signatureRuleProblem with this vault's facts: `signer` as the records describe
    // them at `time`, and `target`.
    QString signatureRuleProblem(const QString &signer, const QString &meaning,
                                 const QString &target, const QString &time,
                                 bool *missingTarget = nullptr);
    // Checks a signature record: its CMS against the statement, the certificate that sealed
    // it, and the rules.
    VaultSignature checkSignature(const StoredRecord &r);
    VaultSignature checkSignature(const QString &id, const QString &author,
                                  const QString &recordedAt, const QJsonObject &b,
                                  const QString &sealCert);

    // ---- vault/Comments.cpp: comments and requests for changes ------------------------------

    // records::commentRuleProblem with this vault's facts: `author` as the records describe them
    // at `time`, and the records the comment names.
    QString commentRuleProblem(const QString &author, const QJsonObject &body, const QString &time,
                               bool *missing = nullptr);

    // ---- vault/TrustedTime.cpp: anchors (FORMAT.md §4) -------------------------------------

    Result<TsaSettings> tsaSettings(); // the notebook's and the local ones together
    Result<bool> anchorTrusted(const QString &anchorId);
    Result<VaultAnchorVerdict> anchorVerdict(const QString &anchorId, int depth = 0);

    // ---- vault/TsaTrust.cpp: the notebook's time-stamp authorities -------------------------

    Result<TsaTrust> tsaTrust();
    Result<TsaSettings> localTsaSettings();
    Result<std::optional<VaultAnchorTime>> anchorTime(const QString &record);

    // ---- vault/Templates.cpp: who may write templates ---------------------------------------

    // "admins" or "authors", per the newest template_policy recorded at or before `at` (a
    // recorded_at; empty: now).
    Result<QString> templateWriters(const QString &at);

    // ---- vault/Devices.cpp: the computers of each member ------------------------------------

    // The member_devices row of a `device` record.
    Result<void> upsertDevice(const StoredRecord &r);
    // Why a record by `author` written on `device` at `recordedAt` is refused, or empty: the
    // device belongs to another member, or was retired before. `expected` is set for the latter.
    QString deviceProblem(const QString &author, const QString &device, const QString &recordedAt,
                          bool *expected = nullptr);
    // What a `device` record may say given the notebook's facts (its member stays the same).
    QString deviceRecordProblem(const QJsonObject &record, const QStringList &roles);

    // ---- sync/Publish.cpp: this device's files onto main -----------------------------------

    Result<RepositoryHistory *> repoHistory();
    // The plaintext QUIRE.json of FORMAT.md §5, as an object in repo.git.
    Result<QByteArray> quireJsonBlob();

    // ---- sync/Admission.cpp: records from other devices ------------------------------------

    // Decides whether a fetched record may join this notebook now, later (it depends on a
    // record not here yet), or never. The rules are FORMAT.md §2's, checked against what
    // this notebook already holds.
    // `pre`, when given, holds answers worked out ahead for this record (Prechecked).
    Admission admit(const QJsonObject &record, const QJsonObject &sealObj, const QString &id,
                    const Prechecked *pre = nullptr);
    // The checks of an arriving record that need nothing but the record (see Prechecked).
    static void precheck(Incoming &in);
    // Checks, on all cores, the seal signatures of waiting records sealed by a certificate of
    // a member this notebook knows. Whether that member may write them is admit()'s question.
    Result<void> checkSealsAhead(QList<Incoming> &waiting);
    // The signing keys of the members' certificates, by the certificate's SHA-256; and the
    // check of one record's seal with them, which any thread may run (a certificate's key
    // never changes, so keys read before a round are good for it).
    using SealKeys = QHash<QString, std::shared_ptr<crypto::EcKey>>;
    Result<SealKeys> memberSealKeys();
    static void checkSealAhead(const SealKeys &keys, Incoming &in);
    Result<StoredRecord> storedFromIncoming(const QJsonObject &record, const QString &id,
                                            const QByteArray &envelope);

    // ---- sync/Merge.cpp: storing what a merge admitted -------------------------------------

    Result<void> storeIncomingChunk(const QString &path, const QByteArray &oid,
                                    const QByteArray &sha, qint64 size);
    Result<void> clearQuarantine(const QString &path);
    Result<void> noteDeviceSeq(const QString &device, qint64 seq, const QString &recordedAt);

    // ---- vault/Admins.cpp: the CA key shared with every active admin ------------------------

    struct FileRefusal {
        QString path;
        QByteArray oid;
        QString reason;
    };
    Result<bool> hasSecret(const QString &name);
    // The oid this vault holds at `path` in repo_files, or empty.
    Result<QString> repoFileOid(const QString &path);
    // Writes ca/<member>.json: this vault's CA key wrapped for the member's encryption key.
    Result<void> shareCaKeyWith(const QString &member, const QByteArray &encSpki);
    // After a merge: an admin takes up its share, a former admin lets the key go, and a vault
    // holding the key shares it with every active admin who has no share yet.
    // Returns a problem with this admin's own share (an alarm), or empty.
    Result<QString> settleCaKey();
    // Checks arriving ca/ files (form, seal by an admin, this notebook's CA); keeps the good
    // ones and returns the refused.
    Result<QList<FileRefusal>> admitCaShares(const TreeEntries &files);

    // ---- vault/Recovery.cpp: the member's recovery file (issue 17) -------------------------

    // Writes recovery/<member>.json for the code this vault holds, unless it is written already
    // (a joining vault's code waits until approval). Merge calls it before publishing.
    Result<void> settleRecoveryFile();
    // A newer recovery/<member>.json of this member from another computer wins over this
    // vault's own; the code this vault kept stops being shown when it no longer opens the file.
    Result<void> mergeRecoveryFile(const QString &path, const QByteArray &remoteOid);

    // ---- vault/Alarms.cpp: alarms that count until an admin acknowledges them --------------

    // Notes an alarm; true when it is new to this vault. File alarms are named by path and
    // object id, the same in every vault; others by kind and detail.
    Result<bool> raiseAlarm(const QString &kind, const QString &detail, const QString &path = {},
                            const QByteArray &oid = {});
    // An admin's `alarm_acknowledged` audit record, as a row (materialize calls it).
    Result<void> noteAcknowledgement(const StoredRecord &r);
    // Lines of the alarms no admin has acknowledged that keep a sync failing.
    Result<QStringList> openAlarmLines();
};

} // namespace quire
