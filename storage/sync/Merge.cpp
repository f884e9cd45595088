// Vault, merging (FORMAT.md §5): the fetched main merged into this vault by union of paths;
// what arrives is decrypted, admitted or quarantined, and alarms are raised.

#include "vault/VaultImpl.h"

#include "Parallel.h"
#include "records/CanonicalJson.h"
#include "sync/Incoming.h"
#include "sync/Membership.h"

#include <QCoreApplication>
#include <QScopeGuard>

#include <malloc.h>

#include <algorithm>
#include <future>
#include <numeric>
#include <optional>
#include <vector>

namespace quire {

using namespace vaultimpl;

namespace {

// Records a sync admits between commits.
constexpr int kImportCommitEvery = 20000;
// Files a sync opens and admits at a time: a first sync of a large notebook holds one round of
// opened records in memory, not all of them.
constexpr qsizetype kAdmitRound = 2000;
// tst_vault_merge sets QUIRE_TEST_SYNC_ROUND to a few files, so that its small notebooks arrive
// the way a large one does (in rounds, membership first, records opened again when they wait).
qsizetype admitRoundSize() {
    bool ok = false;
    const int n = qEnvironmentVariableIntValue("QUIRE_TEST_SYNC_ROUND", &ok);
    return ok && n > 0 ? n : kAdmitRound;
}
// From this many arriving files on, a sync uses a larger database cache while it merges.
constexpr qsizetype kLargeImport = 5000;
constexpr int kLargeImportCacheKiB = 64 * 1024;
constexpr int kCacheKiB = 32 * 1024; // Database::open's

} // namespace

Result<void> Vault::Impl::storeIncomingChunk(const QString &path, const QByteArray &oid,
                                             const QByteArray &sha, qint64 size) {
    auto st =
        db.cached(QStringLiteral("INSERT OR IGNORE INTO chunks(sha256, path, size) VALUES(?,?,?)"));
    if (!st) return st.failure();
    (*st)->bind(1, hex(sha)).bind(2, path).bind(3, size);
    if (auto r = (*st)->run(); !r) return r;
    if (auto r = putRepoFile(path, oid, {}, hex(sha)); !r) return r;
    return clearQuarantine(path);
}

Result<void> Vault::Impl::clearQuarantine(const QString &path) {
    auto st = db.cached(QStringLiteral("DELETE FROM quarantine WHERE path=?"));
    if (!st) return st.failure();
    (*st)->bind(1, path);
    return (*st)->run();
}

Result<void> Vault::Impl::noteDeviceSeq(const QString &device, qint64 seq,
                                        const QString &recordedAt) {
    if (device == deviceUuid) return {};
    auto st = db.cached(QStringLiteral(
        "INSERT OR IGNORE INTO devices(device, last_seq, last_recorded_at) VALUES(?1,?2,?3)"));
    if (!st) return st.failure();
    (*st)->bind(1, device).bind(2, seq).bind(3, recordedAt);
    if (auto r = (*st)->run(); !r) return r;
    auto up =
        db.cached(QStringLiteral("UPDATE devices SET last_seq=max(last_seq, ?2), "
                                 "last_recorded_at=max(last_recorded_at, ?3) WHERE device=?1"));
    if (!up) return up.failure();
    (*up)->bind(1, device).bind(2, seq).bind(3, recordedAt);
    return (*up)->run();
}

// ---- merging the shared repository -------------------------------------------------------

Result<QList<Vault::Quarantined>> Vault::quarantine() {
    auto st = d->db.prepare(QStringLiteral(
        "SELECT path, reason, seen_at, expected FROM quarantine ORDER BY seen_at, path"));
    if (!st) return st.failure();
    return st->collect([](const Statement &row) {
        return Quarantined{row.text(0), row.text(1), row.text(2), row.integer(3) != 0};
    });
}

Result<void> Vault::noteRemoteHead(const QByteArray &remoteHead) {
    return d->setSyncState(QStringLiteral("remote_head"), QString::fromLatin1(remoteHead));
}

Result<Vault::MergeReport> Vault::mergeRemote(const QByteArray &remoteHead) {
    MergeReport report;
    d->sealKeys.clear();
    d->signers.clear();
    // The recovery file follows the remote it names (vault/Recovery.cpp).
    if (auto r = d->settleRecoveryFile(); !r) return r.failure();
    auto local = publishLocal();
    if (!local) return local.failure();
    report.head = *local;
    if (remoteHead.isEmpty()) {
        report.ahead = !local->isEmpty();
        return report;
    }
    auto history = d->repoHistory();
    if (!history) return history.failure();
    RepositoryHistory &h = **history;
    const QString now = nowUtc();

    // Tampering and surprises. One about a file on the server names its path and object id,
    // which every vault sees alike, so that an admin's acknowledgement holds everywhere.
    struct RaisedAlarm {
        QString kind;
        QString detail;
        QString path;
        QByteArray oid;
    };
    QList<RaisedAlarm> alarms;
    auto alarm = [&alarms](const QString &kind, const QString &detail, const QString &path = {},
                           const QByteArray &oid = {}) {
        alarms << RaisedAlarm{kind, detail, path, oid};
    };
    auto quarantineFile = [&](const QString &path, const QByteArray &oid, const QString &reason,
                              bool expected = false) -> Result<void> {
        auto seen = d->db.cached(QStringLiteral("SELECT 1 FROM quarantine WHERE path=? AND oid=?"));
        if (!seen) return seen.failure();
        (*seen)->bind(1, path).bind(2, QString::fromLatin1(oid));
        auto already = (*seen)->next();
        if (!already) return already.failure();
        const bool known = *already;
        (*seen)->reset();
        if (known) return {}; // refused before, still refused: nothing new to say
        auto st = d->db.cached(QStringLiteral(
            "INSERT OR REPLACE INTO quarantine(path, oid, reason, seen_at, expected) "
            "VALUES(?,?,?,?,?)"));
        if (!st) return st.failure();
        (*st)
            ->bind(1, path)
            .bind(2, QString::fromLatin1(oid))
            .bind(3, reason)
            .bind(4, now)
            .bind(5, expected ? 1 : 0);
        if (auto r = (*st)->run(); !r) return r;
        (expected ? report.expectedRefusals : report.quarantined)
            << QStringLiteral("%1: %2").arg(path, reason);
        return {};
    };

    // The notebook on the server must be this one.
    auto quireBlob = h.blobAt(remoteHead, QStringLiteral("QUIRE.json"));
    if (!quireBlob) return quireBlob.failure();
    if (quireBlob->isEmpty())
        return fail(QCoreApplication::translate(
            "quire::storage",
            "the shared repository holds no Quire notebook (QUIRE.json is missing)"));
    {
        auto bytes = d->repo.readBlob(*quireBlob);
        if (!bytes) return bytes.failure();
        auto quire = json::parseObject(*bytes);
        if (!quire || quire->value("notebook").toString() != d->notebookUuid ||
            (d->joining && quire->value("genesis").toString() != d->pendingGenesis))
            return fail(QCoreApplication::translate(
                "quire::storage", "the shared repository holds another notebook than this one; "
                                  "check the remote address"));
    }
    // A newcomer can read nothing before an admin granted it the notebook key.
    const QString myGrantPath = QStringLiteral("keys/%1.json").arg(d->memberUuid);
    auto myGrantOid = h.blobAt(remoteHead, myGrantPath);
    if (!myGrantOid) return myGrantOid.failure();
    // A member's other computer brought the keys in its offer (issue 16) and needs no grant.
    if (d->joining && myGrantOid->isEmpty() && d->epochs.isEmpty())
        return fail(QCoreApplication::translate(
            "quire::storage", "your join request has not been approved yet: the shared "
                              "repository holds no key for you. Sync again once an admin "
                              "has approved it."));

    // A history that no longer contains what this device last saw was rewritten (force-push).
    auto lastRemote = d->syncState(QStringLiteral("remote_head"));
    if (!lastRemote) return lastRemote.failure();
    const QByteArray previous = lastRemote->toLatin1();
    if (!previous.isEmpty() && previous != remoteHead) {
        auto kept = h.isAncestor(previous, remoteHead);
        if (!kept) return kept.failure();
        if (!*kept)
            alarm(QStringLiteral("history_rewritten"),
                  QStringLiteral("the shared repository's history was rewritten: it no "
                                 "longer contains commit %1 that this device fetched "
                                 "before. Nothing was removed here; this sync puts "
                                 "back what is missing.")
                      .arg(QString::fromLatin1(previous.left(12))));
    }

    auto remoteTree = h.treeOf(remoteHead);
    if (!remoteTree) return remoteTree.failure();
    QByteArray localTree;
    if (!local->isEmpty()) {
        auto t = h.treeOf(*local);
        if (!t) return t.failure();
        localTree = *t;
    }
    auto incoming = h.difference(*remoteTree, localTree);
    if (!incoming) return incoming.failure();
    auto outgoing = h.difference(localTree, *remoteTree);
    if (!outgoing) return outgoing.failure();

    // A first sync of a large notebook touches index pages all over a file far larger than
    // the usual cache; a larger one for the length of the merge saves reading and
    // re-encrypting them again and again.
    const bool large = incoming->added.size() > kLargeImport;
    if (large)
        if (auto r = d->db.setCacheKiB(kLargeImportCacheKiB); !r) return r.failure();
    const auto restoreCache = qScopeGuard([&] {
        if (large) (void)d->db.setCacheKiB(kCacheKiB);
    });
    Transaction tx(d->db);
    if (!tx.started()) return tx.started().failure();

    // Only files this notebook has checked and stored count as its own; a path whose local
    // blob is something a sync refused is still open to a good copy.
    auto ownsFile = [&](const QString &path, const QByteArray &oid) -> Result<bool> {
        auto st = d->db.cached(QStringLiteral("SELECT oid FROM repo_files WHERE path=?"));
        if (!st) return st.failure();
        (*st)->bind(1, path);
        auto row = (*st)->next();
        if (!row) return row.failure();
        const bool owned = *row && (*st)->text(0).toLatin1() == oid;
        (*st)->reset();
        return owned;
    };
    TreeEntries toImport = incoming->added;
    // Files refused before are looked at again: a key that opens them may have arrived since.
    QSet<QString> refusedBefore;
    {
        auto st = d->db.prepare(QStringLiteral("SELECT path, oid FROM quarantine"));
        if (!st) return st.failure();
        while (true) {
            auto row = st->next();
            if (!row) return row.failure();
            if (!*row) break;
            refusedBefore.insert(st->text(0));
            auto there = h.blobAt(remoteHead, st->text(0));
            if (!there) return there.failure();
            if (*there == st->text(1).toLatin1()) toImport.insert(st->text(0), *there);
        }
    }
    // This member's key grant first: it may bring the keys that open what arrived.
    if (!myGrantOid->isEmpty()) {
        auto bytes = d->repo.readBlob(*myGrantOid);
        if (!bytes) return bytes.failure();
        auto grant = membership::parseGrantFile(*bytes);
        auto encSecret = d->loadSecret(QStringLiteral("enc_key"));
        if (!encSecret) return encSecret.failure();
        auto encKey = crypto::EcKey::fromPrivateDer(encSecret->bytes());
        if (!encKey) return encKey.failure();
        if (!grant || grant->member != d->memberUuid) {
            alarm(QStringLiteral("bad_grant"),
                  QStringLiteral("%1 cannot be read: %2")
                      .arg(myGrantPath,
                           grant ? QStringLiteral("it names another member") : grant.error()),
                  myGrantPath, *myGrantOid);
        } else {
            for (const auto &wrapped : grant->grants) {
                if (d->epochs.contains(wrapped.epoch)) continue;
                auto key = membership::unwrapNotebookKey(d->memberUuid, *encKey, wrapped);
                if (!key) {
                    alarm(QStringLiteral("bad_grant"),
                          QStringLiteral("the key of epoch %1 in %2 does not open: %3")
                              .arg(wrapped.epoch)
                              .arg(myGrantPath, key.error()),
                          myGrantPath, *myGrantOid);
                    continue;
                }
                if (auto r = d->storeSecret(QStringLiteral("notebook_key/%1").arg(wrapped.epoch),
                                            key->bytes(), d->kdf, d->wrapKey);
                    !r)
                    return r.failure();
                d->addEpoch(wrapped.epoch, key->bytes());
            }
        }
    }
    // Content-addressed names never collide between honest writers; key grants are the one
    // kind of file that changes, and they are checked by their seal below.
    // Shares of the CA key (ca/) change the same way: checked by their seal too.
    TreeEntries grantFiles, caShareFiles;
    for (auto it = toImport.begin(); it != toImport.end(); ++it) {
        if (it.key().startsWith(QLatin1String("keys/"))) grantFiles.insert(it.key(), it.value());
        if (it.key().startsWith(QLatin1String("ca/"))) caShareFiles.insert(it.key(), it.value());
    }
    for (auto it = incoming->changed.begin(); it != incoming->changed.end(); ++it) {
        if (it.key() == QLatin1String("QUIRE.json")) continue; // checked above
        if (it.key().startsWith(QLatin1String("keys/"))) {
            grantFiles.insert(it.key(), it.value());
            continue;
        }
        if (it.key().startsWith(QLatin1String("ca/"))) {
            caShareFiles.insert(it.key(), it.value());
            continue;
        }
        if (it.key().startsWith(QLatin1String("recovery/"))) { // replaced by a newer code
            if (auto r = d->mergeRecoveryFile(it.key(), it.value()); !r) return r.failure();
            continue;
        }
        auto localOid = h.blobAt(localTree, it.key());
        if (!localOid) return localOid.failure();
        auto owned = ownsFile(it.key(), *localOid);
        if (!owned) return owned.failure();
        if (!*owned) {
            toImport.insert(it.key(), it.value());
            continue;
        }
        const QString reason =
            QStringLiteral("the shared repository holds other bytes under the name of a file this "
                           "notebook already has; the local file was kept");
        if (auto r = quarantineFile(it.key(), it.value(), reason); !r) return r.failure();
        alarm(QStringLiteral("conflicting_file"), QStringLiteral("%1: %2").arg(it.key(), reason),
              it.key(), it.value());
    }
    // Chunks first (records name them), then records in the order their dependencies allow.
    // Reading, decrypting and checking each file needs nothing but the file and the keys, so
    // it runs on all cores; what it finds is stored in order on this thread.
    struct Candidate {
        QString path;
        QByteArray oid;
        QByteArray rawName;
        bool isChunk = false;
    };
    QList<Candidate> candidates;
    for (auto it = toImport.begin(); it != toImport.end(); ++it) {
        const QString &path = it.key();
        const QByteArray &oid = it.value();
        const QStringList parts = path.split('/');
        const bool isRecord = parts.size() == 3 && parts[0] == "r";
        const bool isChunk = parts.size() == 3 && parts[0] == "c";
        if (!isRecord && !isChunk) continue; // QUIRE.json, keys/: read where they are used
        const QByteArray rawName = crypto::fromHex(parts[2].toLatin1());
        if (rawName.size() != 32 || parts[1] != parts[2].left(2)) {
            const QString reason = QStringLiteral("the file name is not a Quire name");
            if (auto r = quarantineFile(path, oid, reason); !r) return r.failure();
            alarm(QStringLiteral("name_mismatch"), QStringLiteral("%1: %2").arg(path, reason), path,
                  oid);
            continue;
        }
        candidates << Candidate{path, oid, rawName, isChunk};
    }
    QHash<QString, qsizetype> candidateOf; // path -> index in candidates
    candidateOf.reserve(candidates.size());
    for (qsizetype i = 0; i < candidates.size(); ++i)
        candidateOf.insert(candidates.at(i).path, i);
    struct Opened {
        QString fatal; // the repository failed us: the merge stops
        QString problem;
        // Set when the file fails authentication or its name does not fit its content: not a
        // file any member wrote, so an alarm, not only a refusal.
        QString alarmKind;
        bool expectedRefusal = false;
        QByteArray chunkSha;
        qint64 chunkSize = 0;
        std::optional<Incoming> record;
    };
    // A large first sync is admitted in rounds, so that memory holds one round of opened records
    // rather than every record that arrived: `batch` lists the candidates of the round.
    QList<qsizetype> batch;
    std::vector<Opened> opened;
    const qsizetype roundSize = admitRoundSize();
    // Needs only the file and the keys (no table), so it may run on any thread, also while
    // this one admits the round before.
    auto openOne = [&](const Candidate &c, Opened &o) {
        auto blob = d->repo.readBlob(c.oid);
        if (!blob) {
            o.fatal = blob.error(); // the fetch brought it: a missing object is an error
            return;
        }
        auto header = crypto::readFileHeader(*blob);
        if (!header) {
            o.problem = header.error();
            o.alarmKind = QStringLiteral("authentication_failed");
            return;
        }
        if (!d->epochs.contains(header->epoch)) {
            o.problem =
                QStringLiteral("encrypted with key epoch %1, which this member does not hold")
                    .arg(header->epoch);
            // Written after this member's access ended, or not yet granted.
            o.expectedRefusal = true;
            return;
        }
        const EpochKeys &keys = d->epochs.constFind(header->epoch).value();
        auto decrypted = crypto::decryptFile(keys.enc, c.rawName, *blob);
        if (!decrypted) {
            o.problem = decrypted.error();
            o.alarmKind = QStringLiteral("authentication_failed");
            return;
        }
        if (c.isChunk) {
            const QByteArray sha = crypto::sha256(*decrypted);
            if (crypto::hmacSha256(keys.name, sha) != c.rawName) {
                o.problem = QStringLiteral("its name does not match its content");
                o.alarmKind = QStringLiteral("name_mismatch");
                return;
            }
            o.chunkSha = sha;
            o.chunkSize = decrypted->size();
            return;
        }
        const QByteArray &plain = *decrypted;
        auto envelope = json::parseObject(plain);
        if (!envelope) {
            o.problem = QStringLiteral("the record cannot be read: %1").arg(envelope.error());
            return;
        }
        Incoming in;
        in.path = c.path;
        in.oid = c.oid;
        in.envelopeBytes = plain;
        in.record = envelope->value("record").toObject();
        in.seal = envelope->value("seal").toObject();
        auto canonical = json::canonicalize(in.record);
        auto canonicalEnvelope = json::canonicalize(*envelope);
        if (!canonical || !canonicalEnvelope || *canonicalEnvelope != plain ||
            envelope->size() != 2) {
            o.problem = QStringLiteral("the record is not in canonical form");
            return;
        }
        const QByteArray rawId = crypto::sha256(*canonical);
        if (crypto::hmacSha256(keys.name, rawId) != c.rawName) {
            o.problem = QStringLiteral("its name does not match its content");
            o.alarmKind = QStringLiteral("name_mismatch");
            return;
        }
        in.id = hex(rawId);
        in.pre.canonical = *canonical;
        Impl::precheck(in);
        o.record = std::move(in);
    };
    auto open = [&](qsizetype k) { openOne(candidates.at(batch.at(k)), opened[size_t(k)]); };
    QList<Incoming> pending;
    QString fatal;
    auto store = [&](qsizetype k) -> bool {
        const Candidate &c = candidates.at(batch.at(k));
        Opened &o = opened[size_t(k)];
        if (!o.fatal.isEmpty()) {
            fatal = o.fatal;
            return false;
        }
        Result<void> stored;
        if (!o.problem.isEmpty()) {
            stored = quarantineFile(c.path, c.oid, o.problem, o.expectedRefusal);
            if (!o.alarmKind.isEmpty())
                alarm(o.alarmKind, QStringLiteral("%1: %2").arg(c.path, o.problem), c.path, c.oid);
        } else if (o.record) {
            pending << std::move(*o.record);
            o.record.reset();
        } else {
            stored = d->storeIncomingChunk(c.path, c.oid, o.chunkSha, o.chunkSize);
            if (stored) ++report.chunks;
        }
        if (!stored) fatal = stored.error();
        return bool(stored);
    };
    QHash<QString, QString> deferred; // path -> why it waits
    // A device's highest sequence number is noted once at the end, not once per record.
    QHash<QString, QPair<qint64, QString>> devicesSeen;
    auto admitInOrder = [&](QList<Incoming> waiting) -> Result<QList<Incoming>> {
        bool progress = true;
        while (progress && !waiting.isEmpty()) {
            progress = false;
            if (auto r = d->checkSealsAhead(waiting); !r) return r.failure();
            QList<Incoming> later;
            for (const auto &in : std::as_const(waiting)) {
                const Admission a = d->admit(in.record, in.seal, in.id, &in.pre);
                if (a.verdict == Verdict::Known) {
                    progress = true;
                    continue;
                }
                if (a.verdict == Verdict::Defer) {
                    deferred.insert(in.path, a.reason);
                    later << in;
                    continue;
                }
                progress = true;
                if (a.verdict == Verdict::Refuse) {
                    if (auto r = quarantineFile(in.path, in.oid, a.reason, a.expected); !r)
                        return r.failure();
                    continue;
                }
                auto stored = d->storedFromIncoming(in.record, in.id, in.envelopeBytes);
                if (!stored) return stored.failure();
                // A first version was admitted only because nothing of its object is here.
                if (auto r =
                        d->insertRecord(*stored, in.path, in.oid, nullptr, stored->prev.isEmpty());
                    !r)
                    return r.failure();
                if (stored->type == "notebook") { // a newcomer's first trusted record
                    d->caCert = unb64(stored->body.value("ca_cert"));
                    d->notebookName = stored->body.value("name").toString();
                }
                if (refusedBefore.contains(in.path))
                    if (auto r = d->clearQuarantine(in.path); !r) return r.failure();
                auto &seen = devicesSeen[stored->device];
                seen.first = std::max(seen.first, stored->seq);
                seen.second = std::max(seen.second, stored->recordedAt);
                // What is admitted stays admitted: a large first sync commits as it goes, and
                // one cut short finds these records known next time.
                if (++report.records % kImportCommitEvery == 0)
                    if (auto r = tx.commitAndContinue(); !r) return r.failure();
            }
            waiting = later;
        }
        return waiting;
    };
    // Records are admitted one by one in dependency order (the rules look at what is already
    // there). The notebook and member records come first; once their sealing certificates
    // are known, the seals of everything else are checked ahead on all cores.
    // `openedAhead`: the round's files, opened already while the round before was admitted.
    auto admitRound = [&](const QList<qsizetype> &round,
                          std::vector<Opened> *openedAhead = nullptr) -> Result<QList<qsizetype>> {
        batch = round;
        pending.clear();
        if (openedAhead) {
            opened = std::move(*openedAhead);
            for (qsizetype k = 0; k < batch.size(); ++k)
                if (!store(k)) return fail(fatal);
        } else {
            opened.assign(size_t(batch.size()), Opened{});
            if (!prepareInParallelConsumeInOrder(batch.size(), 8, open, store)) return fail(fatal);
        }
        opened.clear();
        const auto othersBegin =
            std::stable_partition(pending.begin(), pending.end(), [](const Incoming &in) {
                const QString type = in.record.value("type").toString();
                return type == QLatin1String("notebook") || type == QLatin1String("member");
            });
        const qsizetype membership = othersBegin - pending.begin();
        // Member records in the order they were written: a revocation that arrives together
        // with what the revoked admin wrote afterwards is admitted first, so that the rules see
        // it.
        std::stable_sort(pending.begin(), othersBegin, [](const Incoming &a, const Incoming &b) {
            return a.record.value("recorded_at").toString() <
                   b.record.value("recorded_at").toString();
        });
        auto unresolved = admitInOrder(pending.first(membership));
        if (!unresolved) return unresolved.failure();
        unresolved = admitInOrder(*unresolved + pending.sliced(membership));
        if (!unresolved) return unresolved.failure();
        pending.clear();
        QList<qsizetype> waiting; // by candidate, to be opened again when they may pass
        for (const auto &in : std::as_const(*unresolved))
            waiting << candidateOf.value(in.path);
        // The round's records were decrypted and parsed on several threads; glibc keeps what
        // they freed in per-thread arenas unless asked, and over many rounds that, not the
        // records of one round, was most of a first sync's peak memory.
        if (candidates.size() > roundSize) malloc_trim(0);
        return waiting;
    };
    QList<qsizetype> waiting;
    if (candidates.size() <= roundSize) {
        // One round, as a sync almost always is.
        QList<qsizetype> all(candidates.size());
        std::iota(all.begin(), all.end(), qsizetype(0));
        auto left = admitRound(all);
        if (!left) return left.failure();
        waiting = *left;
    } else {
        // Rounds: the chunks first (records name them), then every record that may be a
        // notebook or member record, all in one round so that membership is settled before
        // anything its members wrote (a revocation before what the revoked admin wrote after
        // it), then the rest. Which records are membership is only known inside the encrypted
        // file, so a first pass opens each and looks; a record it misjudges is only admitted in
        // another round, and waits there like any record whose turn has not come.
        std::vector<char> membershipLike(size_t(candidates.size()), 0);
        prepareInParallelConsumeInOrder(
            candidates.size(), 8,
            [&](qsizetype i) {
                const Candidate &c = candidates.at(i);
                if (c.isChunk) return;
                auto blob = d->repo.readBlob(c.oid);
                if (!blob) return;
                auto header = crypto::readFileHeader(*blob);
                if (!header || !d->epochs.contains(header->epoch)) return;
                auto plain =
                    crypto::decryptFile(d->epochs.constFind(header->epoch)->enc, c.rawName, *blob);
                membershipLike[size_t(i)] = plain && (plain->contains("\"type\":\"member\"") ||
                                                      plain->contains("\"type\":\"notebook\""));
            },
            [](qsizetype) { return true; });
        QList<qsizetype> chunks, members, others;
        for (qsizetype i = 0; i < candidates.size(); ++i)
            (candidates.at(i).isChunk ? chunks : membershipLike[size_t(i)] ? members : others) << i;
        QList<QList<qsizetype>> rounds;
        for (qsizetype i = 0; i < chunks.size(); i += roundSize)
            rounds << chunks.mid(i, roundSize);
        rounds << members;
        for (qsizetype i = 0; i < others.size(); i += roundSize)
            rounds << others.mid(i, roundSize);
        // While this thread admits a round (the database's work, one thread's), the next
        // round's files are opened on the other cores: a newcomer's sync of 110,000 records
        // had them idle for most of its time.
        // The seals of what they hold are checked there too, with the members' keys as they
        // were when the opening started (keys of members admitted later are checked in the
        // round, by checkSealsAhead).
        auto openAhead = [&](const QList<qsizetype> &round, const Impl::SealKeys &keys) {
            std::vector<Opened> out(size_t(round.size()));
            prepareInParallelConsumeInOrder(
                round.size(), 8,
                [&](qsizetype k) {
                    Opened &o = out[size_t(k)];
                    openOne(candidates.at(round.at(k)), o);
                    if (o.record) Impl::checkSealAhead(keys, *o.record);
                },
                [](qsizetype) { return true; });
            return out;
        };
        std::future<std::vector<Opened>> ahead;
        for (qsizetype r = 0; r < rounds.size(); ++r) {
            std::optional<std::vector<Opened>> openedAhead;
            if (ahead.valid()) openedAhead = ahead.get();
            // launch::deferred too: without a thread to spare it opens when it is needed.
            if (r + 1 < rounds.size()) {
                auto keys = d->memberSealKeys();
                if (!keys) return keys.failure();
                ahead = std::async(std::launch::async | std::launch::deferred, openAhead,
                                   std::cref(rounds.at(r + 1)), std::move(*keys));
            }
            auto left = admitRound(rounds.at(r), openedAhead ? &*openedAhead : nullptr);
            if (!left) return left.failure(); // the future waits for the opening in flight
            waiting += *left;
        }
        // What waited for a record of a later round is opened again, while anything passes.
        while (!waiting.isEmpty()) {
            const int before = report.records;
            QList<qsizetype> still;
            for (qsizetype i = 0; i < waiting.size(); i += roundSize) {
                auto left = admitRound(waiting.mid(i, roundSize));
                if (!left) return left.failure();
                still += *left;
            }
            waiting = still;
            if (report.records == before) break;
        }
    }
    for (qsizetype i : std::as_const(waiting)) {
        const Candidate &c = candidates.at(i);
        if (auto r = quarantineFile(c.path, c.oid, deferred.value(c.path)); !r) return r.failure();
    }
    for (auto it = devicesSeen.begin(); it != devicesSeen.end(); ++it)
        if (auto r = d->noteDeviceSeq(it.key(), it->first, it->second); !r) return r.failure();

    // Key grants count only when an active admin of this notebook sealed them.
    for (auto it = grantFiles.begin(); it != grantFiles.end(); ++it) {
        auto bytes = d->repo.readBlob(it.value());
        if (!bytes) return bytes.failure();
        auto grant = membership::parseGrantFile(*bytes);
        QString problem;
        bool formerAdmin = false;
        if (!grant) {
            problem = grant.error();
        } else if (it.key() != QStringLiteral("keys/%1.json").arg(grant->member)) {
            problem = QStringLiteral("it names another member than its file name");
        } else {
            auto st = d->db.cached(
                QStringLiteral("SELECT sign_cert, roles, status FROM members WHERE cert_sha256=?"));
            if (!st) return st.failure();
            (*st)->bind(1, grant->sealCert);
            auto row = (*st)->next();
            if (!row) return row.failure();
            const bool found = *row;
            const QByteArray cert = found ? (*st)->blob(0) : QByteArray();
            const bool wasAdmin = found && (*st)->text(1).split(',').contains("admin");
            const bool admin = wasAdmin && (*st)->text(2) == "active";
            (*st)->reset();
            // A grant from an admin revoked since may be older than the revocation (a grant
            // carries no time): refused as the rules intend, not as tampering.
            formerAdmin = wasAdmin && !admin;
            if (!admin)
                problem = formerAdmin
                              ? QStringLiteral("it is sealed by an admin who has been revoked")
                              : QStringLiteral("it is not sealed by an active admin of this "
                                               "notebook");
            else if (auto sealOk = membership::verifyGrantSeal(*grant, cert); !sealOk)
                problem = sealOk.error();
        }
        // A grant only ever gains epochs. When this device holds another version of it, the
        // one with more epochs wins; the older one is simply superseded (the push brings the
        // server up to date), and two versions that each lack an epoch are an alarm.
        bool keepOurs = false;
        if (problem.isEmpty()) {
            auto st = d->db.cached(QStringLiteral("SELECT oid FROM repo_files WHERE path=?"));
            if (!st) return st.failure();
            (*st)->bind(1, it.key());
            auto row = (*st)->next();
            if (!row) return row.failure();
            const QByteArray localOid = *row ? (*st)->text(0).toLatin1() : QByteArray();
            (*st)->reset();
            if (!localOid.isEmpty() && localOid != it.value()) {
                auto localBytes = d->repo.readBlob(localOid);
                if (!localBytes) return localBytes.failure();
                auto local = membership::parseGrantFile(*localBytes);
                QSet<quint32> ourEpochs, theirEpochs;
                if (local)
                    for (const auto &g : local->grants)
                        ourEpochs.insert(g.epoch);
                for (const auto &g : grant->grants)
                    theirEpochs.insert(g.epoch);
                if (local && theirEpochs.contains(ourEpochs) && theirEpochs != ourEpochs) {
                    keepOurs = false; // theirs is newer
                } else if (local && ourEpochs.contains(theirEpochs)) {
                    keepOurs = true; // theirs is older: ours goes to the server
                } else {
                    keepOurs = true;
                    alarm(QStringLiteral("bad_grant"),
                          QStringLiteral("%1: two versions of a key grant, each lacking a key the "
                                         "other holds; the local one was kept")
                              .arg(it.key()),
                          it.key(), it.value());
                }
            }
        }
        if (problem.isEmpty() && keepOurs) continue;
        if (problem.isEmpty()) {
            if (auto r = d->putRepoFile(it.key(), it.value()); !r) return r.failure();
            if (auto r = d->clearQuarantine(it.key()); !r) return r.failure();
        } else {
            const QString reason = QStringLiteral("a key grant was refused: %1").arg(problem);
            if (auto r = quarantineFile(it.key(), it.value(), reason, formerAdmin); !r)
                return r.failure();
            if (!formerAdmin)
                alarm(QStringLiteral("bad_grant"), QStringLiteral("%1: %2").arg(it.key(), reason),
                      it.key(), it.value());
        }
    }
    auto caRefused = d->admitCaShares(caShareFiles);
    if (!caRefused) return caRefused.failure();
    for (const auto &refusal : std::as_const(*caRefused)) {
        if (auto r = quarantineFile(refusal.path, refusal.oid, refusal.reason); !r)
            return r.failure();
        alarm(QStringLiteral("bad_ca_share"),
              QStringLiteral("%1: %2").arg(refusal.path, refusal.reason), refusal.path,
              refusal.oid);
    }

    // What only this device holds goes to the server: its own checked files, never a copy of
    // something it refused.
    TreeEntries ours;
    for (const TreeEntries *side : {&outgoing->added, &outgoing->changed}) {
        for (auto it = side->begin(); it != side->end(); ++it) {
            auto owned = ownsFile(it.key(), it.value());
            if (!owned) return owned.failure();
            if (*owned) ours.insert(it.key(), it.value());
        }
    }
    // Files this device had seen on the server and that are gone now.
    if (!previous.isEmpty()) {
        auto previousTree = h.treeOf(previous);
        if (!previousTree) return previousTree.failure();
        auto gone = h.difference(*previousTree, *remoteTree); // there before, not now
        if (!gone) return gone.failure();
        QStringList removed;
        for (auto it = gone->added.begin(); it != gone->added.end(); ++it)
            if (ours.contains(it.key())) removed << it.key();
        if (!removed.isEmpty())
            alarm(QStringLiteral("file_removed"),
                  QCoreApplication::translate("quire::storage",
                                              "%n files were removed from the shared repository "
                                              "(%1%2); this sync puts them back",
                                              nullptr, int(removed.size()))
                      .arg(removed.mid(0, 3).join(QStringLiteral(", ")),
                           removed.size() > 3 ? QStringLiteral(", …") : QString()));
    }

    // An alarm this vault already holds is not news; it still counts until acknowledged.
    QList<RaisedAlarm> newAlarms;
    for (const RaisedAlarm &a : std::as_const(alarms)) {
        auto fresh = d->raiseAlarm(a.kind, a.detail, a.path, a.oid);
        if (!fresh) return fresh.failure();
        if (!*fresh) continue;
        newAlarms << a;
        report.alarms << a.detail;
    }
    if (auto r = tx.commit(); !r) return r.failure();
    if (auto r = d->loadState(); !r) return r.failure(); // names and keys may have arrived

    // The union: the remote tree plus what only this device has (its own bytes win).
    const QByteArray mainRef = "refs/heads/main";
    if (ours.isEmpty()) {
        // Everything here is on the server already: follow it.
        if (*local != remoteHead)
            if (auto r = h.updateRef(QString::fromLatin1(mainRef), remoteHead, *local,
                                     QStringLiteral("quire: fast-forward"));
                !r)
                return r.failure();
        report.head = remoteHead;
    } else {
        auto merged = h.updateTree(*remoteTree, ours);
        if (!merged) return merged.failure();
        QList<QByteArray> parents;
        if (!local->isEmpty()) parents << *local;
        parents << remoteHead;
        auto commit = h.commit(*merged, parents, d->memberUuid,
                               QStringLiteral("merge, files: %1").arg(ours.size()));
        if (!commit) return commit.failure();
        if (auto r = h.updateRef(QString::fromLatin1(mainRef), *commit, *local,
                                 QStringLiteral("quire: merge"));
            !r)
            return r.failure();
        report.head = *commit;
        report.ahead = true;
    }
    // Imported files are on main now: move the publishing watermark past them.
    auto maxRow = d->db.prepare(QStringLiteral("SELECT coalesce(max(rowid), 0) FROM repo_files"));
    if (!maxRow) return maxRow.failure();
    if (auto row = maxRow->next(); !row) return row.failure();
    if (auto r =
            d->setSyncState(QStringLiteral("published_rowid"), QString::number(maxRow->integer(0)));
        !r)
        return r.failure();

    auto openLines = d->openAlarmLines();
    if (!openLines) return openLines.failure();
    report.openAlarms = *openLines;
    if (d->joining) { // not approved (yet): nothing can be sealed as this member
        report.ahead = false;
        return report;
    }
    // The CA key follows the admin role (vault/Admins.cpp); shares written now go out below.
    auto caProblem = d->settleCaKey();
    if (!caProblem) return caProblem.failure();
    if (!caProblem->isEmpty()) {
        auto fresh = d->raiseAlarm(QStringLiteral("bad_ca_share"), *caProblem);
        if (!fresh) return fresh.failure();
        if (*fresh) {
            newAlarms << RaisedAlarm{QStringLiteral("bad_ca_share"), *caProblem, {}, {}};
            report.alarms << *caProblem;
            report.openAlarms << *caProblem;
        }
    }
    for (const RaisedAlarm &a : std::as_const(newAlarms)) {
        QJsonObject detail{{"kind", a.kind}, {"detail", a.detail}};
        if (!a.path.isEmpty()) detail.insert("path", a.path);
        if (auto r = audit(QStringLiteral("sync_alarm"), detail); !r) return r.failure();
    }
    if (!report.quarantined.isEmpty())
        if (auto r = audit(QStringLiteral("sync_quarantine"),
                           QJsonObject{{"count", int(report.quarantined.size())}});
            !r)
            return r.failure();
    if (large) {
        // A newcomer's first sync ends by sealing its recovery file, whose key derivation takes
        // 128 MiB (FORMAT.md); what admitting a large notebook held is given back first so that
        // the two do not add up: 110,000 records peaked at 412 MB here, against 302 MB before.
        candidates = {};
        candidateOf = {};
        toImport = {};
        *incoming = {};
        (void)d->db.setCacheKiB(kCacheKiB); // SQLite frees the pages beyond it at once
        malloc_trim(0);
    }
    // A recovery code made before approval, or before this vault's first sync (vault/Recovery.cpp).
    if (auto r = d->settleRecoveryFile(); !r) return r.failure();
    // The audit records just written belong on main too.
    auto finalHead = publishLocal();
    if (!finalHead) return finalHead.failure();
    report.head = *finalHead;
    report.ahead = *finalHead != remoteHead;
    return report;
}

} // namespace quire
