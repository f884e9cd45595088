// Vault, publishing: this device's new files committed onto main of repo.git, ready to push.

#include "vault/VaultImpl.h"

#include "records/CanonicalJson.h"

#include <QCoreApplication>

namespace quire {

using namespace vaultimpl;

Result<RepositoryHistory *> Vault::Impl::repoHistory() {
    if (!history) {
        auto h = RepositoryHistory::open(dir + QStringLiteral("/repo.git"));
        if (!h) return h.failure();
        history = std::make_unique<RepositoryHistory>(std::move(h.value()));
    }
    return history.get();
}

Result<QByteArray> Vault::Impl::quireJsonBlob() {
    auto genesis = db.cached(QStringLiteral("SELECT value FROM notebook WHERE key='genesis'"));
    if (!genesis) return genesis.failure();
    auto row = (*genesis)->next();
    if (!row) return row.failure();
    if (!*row)
        return fail(QCoreApplication::translate("quire::storage",
                                                "the notebook has no genesis record yet"));
    const QString genesisId = (*genesis)->text(0);
    (*genesis)->reset();
    auto bytes = json::canonicalize(
        QJsonObject{{"format", kRecordFormat}, {"notebook", notebookUuid}, {"genesis", genesisId}});
    if (!bytes) return bytes.failure();
    return repo.writeBlob(*bytes);
}

Result<int> Vault::unpublishedCount() {
    auto mark = d->syncState(QStringLiteral("published_rowid"));
    if (!mark) return mark.failure();
    auto st = d->db.cached(QStringLiteral("SELECT count(*) FROM repo_files WHERE rowid > ?"));
    if (!st) return st.failure();
    (*st)->bind(1, mark->toLongLong());
    auto row = (*st)->next();
    if (!row) return row.failure();
    const int count = int((*st)->integer(0));
    (*st)->reset();
    return count;
}

Result<QByteArray> Vault::publishLocal() {
    auto history = d->repoHistory();
    if (!history) return history.failure();
    RepositoryHistory &h = **history;
    auto head = h.resolve(QStringLiteral("refs/heads/main"));
    if (!head) return head.failure();
    auto mark = d->syncState(QStringLiteral("published_rowid"));
    if (!mark) return mark.failure();

    // repo_files is append-only in practice (a path is rewritten only with the same bytes), so
    // its rowid is a watermark of what main already holds.
    auto st = d->db.prepare(
        QStringLiteral("SELECT rowid, path, oid FROM repo_files WHERE rowid > ? ORDER BY rowid"));
    if (!st) return st.failure();
    st->bind(1, mark->toLongLong());
    TreeEntries fresh;
    qint64 last = mark->toLongLong();
    while (true) {
        auto row = st->next();
        if (!row) return row.failure();
        if (!*row) break;
        last = st->integer(0);
        fresh.insert(st->text(1), st->text(2).toLatin1());
    }
    if (fresh.isEmpty()) return *head; // nothing new (or, for a newcomer, nothing yet)

    QByteArray baseTree;
    if (!head->isEmpty()) {
        auto tree = h.treeOf(*head);
        if (!tree) return tree.failure();
        baseTree = *tree;
    } else {
        auto quire = d->quireJsonBlob();
        if (!quire) return quire.failure();
        fresh.insert(QStringLiteral("QUIRE.json"), *quire);
    }
    auto tree = h.updateTree(baseTree, fresh);
    if (!tree) return tree.failure();
    if (*tree == baseTree) { // published before a crash kept the watermark from moving
        if (auto r = d->setSyncState(QStringLiteral("published_rowid"), QString::number(last)); !r)
            return r.failure();
        return *head;
    }
    QList<QByteArray> parents;
    if (!head->isEmpty()) parents << *head;
    auto commit =
        h.commit(*tree, parents, d->memberUuid,
                 QStringLiteral("from device %1, files: %2").arg(d->deviceUuid).arg(fresh.size()));
    if (!commit) return commit.failure();
    if (auto r = h.updateRef(QStringLiteral("refs/heads/main"), *commit, *head,
                             QStringLiteral("quire: publish"));
        !r)
        return r.failure();
    if (auto r = d->setSyncState(QStringLiteral("published_rowid"), QString::number(last)); !r)
        return r.failure();
    return *commit;
}

} // namespace quire
