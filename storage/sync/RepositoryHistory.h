#pragma once
// RepositoryHistory: the trees, commits and branches of the vault's bare repository (repo.git),
// as the sync engine needs them. Blobs are written by ObjectRepository; this class arranges
// them into the FORMAT.md §5 layout (r/<aa>/<name>, c/<aa>/<name>, keys/, QUIRE.json), commits
// as the member, compares trees without reading every entry, and moves refs with a
// compare-and-swap so that two writers never silently overwrite each other's branch update.

#include "Result.h"

#include <QByteArray>
#include <QDateTime>
#include <QList>
#include <QMap>
#include <QString>

#include <memory>

namespace quire {

// Blob paths (with '/' separators) to blob ids (40 lowercase hex digits), sorted by path.
using TreeEntries = QMap<QString, QByteArray>;

struct TreeDifference {
    // Paths in the first tree that the second lacks, with the first tree's blob id.
    TreeEntries added;
    // Paths in both trees whose blobs differ, with the first tree's blob id.
    TreeEntries changed;
};

class RepositoryHistory {
public:
    RepositoryHistory();
    ~RepositoryHistory();
    RepositoryHistory(RepositoryHistory &&) noexcept;
    RepositoryHistory &operator=(RepositoryHistory &&) noexcept;

    static Result<RepositoryHistory> open(const QString &bareRepoPath);

    // A tree holding exactly `entries`. Every path must be relative, without empty, "." or
    // ".." components.
    Result<QByteArray> writeTree(const TreeEntries &entries);
    // `base` (a tree id, or empty for none) with `entries` added or replaced. Only the folders
    // on the way to a changed path are rewritten, so adding a few records to a tree of 100,000
    // costs a few small tree objects.
    Result<QByteArray> updateTree(const QByteArray &base, const TreeEntries &entries);
    // Every blob below a tree or commit, flattened to paths.
    Result<TreeEntries> readTree(const QByteArray &treeOrCommit) const;
    // What `from` holds that `to` does not hold the same way. Sub-trees with the same id are
    // skipped without being read, so comparing two large, nearly equal trees is cheap.
    Result<TreeDifference> difference(const QByteArray &from, const QByteArray &to) const;
    // The blob id at `path` in a tree or commit, or empty if there is none.
    Result<QByteArray> blobAt(const QByteArray &treeOrCommit, const QString &path) const;

    // A commit of `tree` with the given parents, by the member: name "<uuid>", email
    // "<uuid>@quire.invalid" (FORMAT.md §5), so that no person's name leaks to the server.
    Result<QByteArray> commit(const QByteArray &tree, const QList<QByteArray> &parents,
                              const QString &memberUuid, const QString &message,
                              const QDateTime &when = QDateTime::currentDateTimeUtc());
    Result<QByteArray> treeOf(const QByteArray &commit) const;
    // The commit a reference points at, or empty if the reference does not exist.
    Result<QByteArray> resolve(const QString &ref) const;
    // Points `ref` at `commit` only if it still points at `expected` (empty: must not exist).
    Result<void> updateRef(const QString &ref, const QByteArray &commit, const QByteArray &expected,
                           const QString &logMessage);
    // True when `ancestor` is `descendant` or one of its ancestors.
    Result<bool> isAncestor(const QByteArray &ancestor, const QByteArray &descendant) const;

    QString path() const;

private:
    struct Impl;
    std::unique_ptr<Impl> d;
};

} // namespace quire
