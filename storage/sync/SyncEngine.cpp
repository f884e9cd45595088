#include "sync/SyncEngine.h"

#include "sync/GitRemote.h"
#include "vault/Vault.h"

#include <QCoreApplication>

namespace quire {

namespace {
const QString kBranch = QStringLiteral("main");
const QString kTracking = QStringLiteral("refs/remotes/origin/main");
const QString kLocal = QStringLiteral("refs/heads/main");
} // namespace

Result<SyncReport> SyncEngine::run(Vault &vault,
                                   const std::function<void(const SyncProgress &)> &progress,
                                   const std::atomic_bool *cancel) {
    auto url = vault.remoteUrl();
    if (!url) return url.failure();
    if (url->isEmpty())
        return fail(QCoreApplication::translate(
            "quire::storage", "no shared repository is set for this notebook; set one first "
                              "(quire-cli remote set URL)"));
    auto credentials = vault.remoteCredentials();
    if (!credentials) return credentials.failure();
    const QString repo = vault.path() + QStringLiteral("/repo.git");
    auto report = [&](const QString &phase) {
        return [&progress, phase](const TransferProgress &t) {
            if (progress) progress(SyncProgress{phase, t.objectsDone, t.objectsTotal, t.bytes});
        };
    };

    SyncReport out;
    for (int attempt = 1; attempt <= kMaxAttempts; ++attempt) {
        out.attempts = attempt;
        auto fetched = GitRemote::fetch(repo, *url, *credentials, kBranch, kTracking,
                                        report(QStringLiteral("fetching")), cancel);
        if (!fetched) return fetched.failure();
        if (credentials->sshHostKeySha256.isEmpty() && !fetched->sshHostKeySha256.isEmpty()) {
            // First contact with this ssh server: remember its key so a changed one is noticed.
            if (auto r = vault.pinSshHostKey(fetched->sshHostKeySha256); !r) return r.failure();
            credentials->sshHostKeySha256 = fetched->sshHostKeySha256;
            out.sshHostKeyPinned = fetched->sshHostKeySha256;
        }
        if (progress) progress(SyncProgress{QStringLiteral("merging"), 0, 0, 0});
        auto merged = vault.mergeRemote(fetched->remoteHead);
        if (!merged) return merged.failure();
        out.recordsReceived += merged->records;
        out.chunksReceived += merged->chunks;
        out.alarms += merged->alarms;
        out.openAlarms = merged->openAlarms;
        out.quarantined += merged->quarantined;
        out.expectedRefusals += merged->expectedRefusals;
        out.head = merged->head;
        if (!merged->ahead) {
            if (auto r = vault.noteRemoteHead(fetched->remoteHead); !r) return r.failure();
            return out;
        }
        if (cancel && cancel->load())
            return fail(QCoreApplication::translate("quire::storage", "the sync was cancelled"));
        auto pushed = GitRemote::push(repo, *url, *credentials, kLocal, kBranch,
                                      report(QStringLiteral("sending")), cancel);
        if (!pushed) return pushed.failure();
        if (pushed->rejected) continue; // someone pushed in between: fetch and merge again
        out.pushed = true;
        if (auto r = vault.noteRemoteHead(merged->head); !r) return r.failure();
        return out;
    }
    return fail(QCoreApplication::translate(
                    "quire::storage", "the shared repository kept changing while this sync ran (%1 "
                                      "attempts); sync again")
                    .arg(kMaxAttempts));
}

} // namespace quire
