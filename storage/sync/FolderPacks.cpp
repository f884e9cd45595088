#include "sync/FolderPacks.h"
#include "sync/GitSupport.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QSet>
#include <QStringList>

#include <algorithm>
#include <utility>
#include <vector>

namespace quire {

namespace {

constexpr qint64 kPackPiece = qint64(8) << 20;
constexpr int kPackSamples = 16;
constexpr qint64 kIdxHeader = 8 + 256 * 4; // version 2: magic, version, fan-out table

using RepositoryHandle = GitHandle<git_repository, git_repository_free>;
using OdbHandle = GitHandle<git_odb, git_odb_free>;
using IndexerHandle = GitHandle<git_indexer, git_indexer_free>;
using RevwalkHandle = GitHandle<git_revwalk, git_revwalk_free>;
using RefIteratorHandle = GitHandle<git_reference_iterator, git_reference_iterator_free>;
using ObjectHandle = GitHandle<git_object, git_object_free>;
using TreeHandle = GitHandle<git_tree, git_tree_free>;

RepositoryHandle openRepository(const QString &path, unsigned int flags) {
    git_repository *raw = nullptr;
    if (git_repository_open_ext(&raw, QFile::encodeName(path).constData(),
                                GIT_REPOSITORY_OPEN_NO_SEARCH | flags, nullptr) < 0)
        return nullptr;
    return RepositoryHandle(raw);
}

// Whether none of a few object names spread through a pack index (version 2: header, fan-out
// table, sorted names) is in `odb`; false for an index that cannot be read as one, which the
// ordinary fetch then deals with.
bool holdsNothingOf(const QString &idxPath, git_odb *odb) {
    QFile idx(idxPath);
    if (!idx.open(QIODevice::ReadOnly)) return false;
    const QByteArray head = idx.read(kIdxHeader);
    if (head.size() != kIdxHeader || !head.startsWith(QByteArray("\377tOc\0\0\0\2", 8)))
        return false;
    const auto *last = reinterpret_cast<const uchar *>(head.constData()) + kIdxHeader - 4;
    const qint64 count = qint64(quint32(last[0]) << 24 | quint32(last[1]) << 16 |
                                quint32(last[2]) << 8 | quint32(last[3]));
    if (count == 0 || idx.size() < kIdxHeader + count * GIT_OID_RAWSZ) return false;
    const qint64 samples = std::min<qint64>(count, kPackSamples);
    for (qint64 i = 0; i < samples; ++i) {
        const qint64 at = (count - 1) * i / std::max<qint64>(1, samples - 1);
        if (!idx.seek(kIdxHeader + at * GIT_OID_RAWSZ)) return false;
        const QByteArray raw = idx.read(GIT_OID_RAWSZ);
        if (raw.size() != GIT_OID_RAWSZ) return false;
        git_oid oid;
        if (git_oid_fromraw(&oid, reinterpret_cast<const unsigned char *>(raw.constData())) < 0 ||
            git_odb_exists(odb, &oid))
            return false;
    }
    return true;
}

// Calls visit(entry) for each entry of the tree `id`; false when the tree cannot be read.
template <typename Visit> bool forEachEntry(git_repository *repo, const git_oid &id, Visit visit) {
    git_tree *raw = nullptr;
    if (git_tree_lookup(&raw, repo, &id) < 0) return false;
    const TreeHandle tree(raw);
    for (size_t i = 0, n = git_tree_entrycount(tree.get()); i < n; ++i)
        if (!visit(git_tree_entry_byindex(tree.get(), i))) return false;
    return true;
}

// Whether every commit, tree and blob reachable from `head` is in `odb`. What the repository's
// refs reach is whole already (a ref moves only after a complete fetch or a local commit): the
// walk stops at their commits, and their trees down to the second level count as seen, so that
// a sync that brought one pack looks at what is new, not at the whole history.
bool reachesOnlyPresentObjects(git_repository *repo, git_odb *odb, const git_oid &head) {
    git_odb_refresh(odb);
    git_revwalk *rawWalk = nullptr;
    if (git_revwalk_new(&rawWalk, repo) < 0) return false;
    const RevwalkHandle walk(rawWalk);
    if (git_revwalk_push(walk.get(), &head) < 0) return false;
    QSet<QByteArray> seen;
    auto firstTime = [&](const git_oid &oid) {
        const QByteArray key(reinterpret_cast<const char *>(oid.id), GIT_OID_RAWSZ);
        if (seen.contains(key)) return false;
        seen.insert(key);
        return true;
    };
    git_reference_iterator *rawRefs = nullptr;
    if (git_reference_iterator_new(&rawRefs, repo) == 0) {
        const RefIteratorHandle refs(rawRefs);
        git_reference *ref = nullptr;
        while (git_reference_next(&ref, refs.get()) == 0) {
            git_object *peeled = nullptr;
            const bool isCommit = git_reference_peel(&peeled, ref, GIT_OBJECT_COMMIT) == 0;
            git_reference_free(ref);
            if (!isCommit) continue;
            const ObjectHandle commit(peeled);
            if (git_revwalk_hide(walk.get(), git_object_id(commit.get())) < 0) return false;
            const git_oid root = *git_commit_tree_id(reinterpret_cast<git_commit *>(peeled));
            firstTime(root);
            std::vector<git_oid> secondLevel;
            forEachEntry(repo, root, [&](const git_tree_entry *entry) {
                if (firstTime(*git_tree_entry_id(entry)) &&
                    git_tree_entry_type(entry) == GIT_OBJECT_TREE)
                    secondLevel.push_back(*git_tree_entry_id(entry));
                return true;
            });
            for (const git_oid &tree : secondLevel)
                forEachEntry(repo, tree, [&](const git_tree_entry *entry) {
                    firstTime(*git_tree_entry_id(entry));
                    return true;
                });
        }
    }
    git_oid commitId;
    int rc;
    while ((rc = git_revwalk_next(&commitId, walk.get())) == 0) {
        git_commit *rawCommit = nullptr;
        if (git_commit_lookup(&rawCommit, repo, &commitId) < 0) return false;
        const git_oid treeId = *git_commit_tree_id(rawCommit);
        git_commit_free(rawCommit);
        std::vector<git_oid> trees;
        if (firstTime(treeId)) trees.push_back(treeId);
        while (!trees.empty()) {
            const git_oid id = trees.back();
            trees.pop_back();
            const bool whole = forEachEntry(repo, id, [&](const git_tree_entry *entry) {
                const git_oid &oid = *git_tree_entry_id(entry);
                if (!firstTime(oid)) return true;
                if (git_tree_entry_type(entry) == GIT_OBJECT_TREE) {
                    trees.push_back(oid);
                    return true;
                }
                return bool(git_odb_exists(odb, &oid));
            });
            if (!whole) return false;
        }
    }
    return rc == GIT_ITEROVER;
}

} // namespace

Result<void> takeFolderPacksWhole(const QString &repoPath, const QString &serverPath,
                                  const git_oid &remoteHead, git_indexer_progress_cb progress,
                                  void *payload) {
    // A repository that cannot be opened is for the ordinary fetch to report.
    const RepositoryHandle repo = openRepository(repoPath, 0);
    const RepositoryHandle server = openRepository(serverPath, GIT_REPOSITORY_OPEN_BARE);
    if (!repo || !server) return {};
    git_odb *rawOdb = nullptr;
    if (git_repository_odb(&rawOdb, repo.get()) < 0) return {};
    const OdbHandle odb(rawOdb);
    if (git_odb_exists(odb.get(), &remoteHead)) return {}; // nothing new: the ordinary fetch

    const QDir serverPacks(QFile::decodeName(git_repository_commondir(server.get())) +
                           QStringLiteral("objects/pack"));
    const QString ourPacks =
        QFile::decodeName(git_repository_commondir(repo.get())) + QStringLiteral("objects/pack");
    QStringList taken;
    const QStringList names =
        serverPacks.entryList({QStringLiteral("pack-*.pack")}, QDir::Files, QDir::Name);
    for (const QString &name : names) {
        const QFileInfo pack(serverPacks.filePath(name));
        const QString idxPath = serverPacks.filePath(name.chopped(5) + QStringLiteral(".idx"));
        // Only plain files: a link or a device in a shared folder is not read through.
        if (pack.isSymLink() || !pack.isFile() || QFileInfo(idxPath).isSymLink() ||
            QFile::exists(ourPacks + u'/' + name) || !holdsNothingOf(idxPath, odb.get()))
            continue;
        QFile in(pack.filePath());
        if (!in.open(QIODevice::ReadOnly)) continue; // the ordinary fetch reads it or says why
        git_indexer_options options = GIT_INDEXER_OPTIONS_INIT;
        options.progress_cb = progress;
        options.progress_cb_payload = payload;
        git_indexer *rawIndexer = nullptr;
        if (git_indexer_new(&rawIndexer, QFile::encodeName(ourPacks).constData(), 0, odb.get(),
                            &options) < 0)
            return fail(lastGitError());
        const IndexerHandle indexer(rawIndexer);
        const auto refused = [&](const QString &why) {
            return fail(QStringLiteral("%1: %2").arg(name, why));
        };
        git_indexer_progress stats{};
        while (!in.atEnd()) {
            const QByteArray piece = in.read(kPackPiece);
            if (piece.isEmpty()) break;
            if (git_indexer_append(indexer.get(), piece.constData(), size_t(piece.size()), &stats) <
                0)
                return refused(lastGitError());
        }
        if (in.error() != QFileDevice::NoError) return refused(in.errorString());
        if (git_indexer_commit(indexer.get(), &stats) < 0) return refused(lastGitError());
        taken << QString::fromLatin1(git_indexer_name(indexer.get()));
    }
    // libgit2's fetch asks only whether the server's head is here. It is now, so everything it
    // reaches must be too: otherwise the packs taken go again, and the ordinary fetch brings
    // what is needed.
    if (!taken.isEmpty() && !reachesOnlyPresentObjects(repo.get(), odb.get(), remoteHead))
        for (const QString &hash : std::as_const(taken))
            for (const char *suffix : {".idx", ".pack"})
                QFile::remove(ourPacks + QStringLiteral("/pack-") + hash + QLatin1String(suffix));
    return {};
}

} // namespace quire
