#pragma once
// storage/sync/: a notebook carried between devices through a git server the lab already has
// (FORMAT.md §5) — the bare repository of encrypted objects (ObjectRepository.h) and its trees
// and branches (RepositoryHistory.h), the network transport (GitRemote.h), invitations and key
// grants (Membership.h), one whole sync (this file), and the vault's side of a sync, which
// shares VaultImpl.h: publishing local files (Publish.cpp), admitting arriving records
// (Admission.cpp, on records/'s rules) and merging (Merge.cpp). libgit2 stays in the .cpp files
// (GitSupport.h). sync/ and vault/ call each other and are built as one library, quire_storage.

// SyncEngine: one sync of a vault with its shared repository (FORMAT.md §5): fetch the
// remote's main, merge it into the vault by union of paths (Vault::mergeRemote checks and
// imports what arrived), push the result, and on a rejected push (someone pushed in between)
// fetch and merge again. Saving never waits for this: records wait in repo.git until the
// next sync. It blocks; run it on a worker thread.

#include "Result.h"

#include <QByteArray>
#include <QString>
#include <QStringList>

#include <atomic>
#include <functional>

namespace quire {

class Vault;

struct SyncProgress {
    QString phase; // "fetching", "merging", "sending"
    qint64 done = 0;
    qint64 total = 0;
    qint64 bytes = 0;
};

struct SyncReport {
    int recordsReceived = 0;
    int chunksReceived = 0;
    int filesSent = 0;      // files on main the server did not have
    bool pushed = false;    // something was sent
    int attempts = 0;       // fetch-merge-push rounds (more than one after a rejected push)
    QByteArray head;        // main, equal to the server's main afterwards
    QStringList alarms;     // tampering or a rewritten history, new in this sync
    QStringList openAlarms; // alarms about files on the server no admin acknowledged yet
    QStringList quarantined;
    QStringList expectedRefusals; // see Vault::MergeReport
    QString sshHostKeyPinned;     // set when this sync pinned the server's host key
};

class SyncEngine {
public:
    static constexpr int kMaxAttempts = 5;
    static Result<SyncReport> run(Vault &vault,
                                  const std::function<void(const SyncProgress &)> &progress = {},
                                  const std::atomic_bool *cancel = nullptr);
};

} // namespace quire
