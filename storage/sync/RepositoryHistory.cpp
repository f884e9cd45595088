#include "sync/RepositoryHistory.h"
#include "sync/GitSupport.h"

#include <git2.h>

#include <QCoreApplication>
#include <QFile>
#include <QFileInfo>

#include <map>

namespace quire {

namespace {

using RepositoryHandle =
    std::unique_ptr<git_repository, GitFree<git_repository, git_repository_free>>;
using TreeHandle = std::unique_ptr<git_tree, GitFree<git_tree, git_tree_free>>;
using TreeEntryHandle =
    std::unique_ptr<git_tree_entry, GitFree<git_tree_entry, git_tree_entry_free>>;
using BuilderHandle =
    std::unique_ptr<git_treebuilder, GitFree<git_treebuilder, git_treebuilder_free>>;
using ObjectHandle = std::unique_ptr<git_object, GitFree<git_object, git_object_free>>;
using CommitHandle = std::unique_ptr<git_commit, GitFree<git_commit, git_commit_free>>;
using SignatureHandle = std::unique_ptr<git_signature, GitFree<git_signature, git_signature_free>>;
using ReferenceHandle = std::unique_ptr<git_reference, GitFree<git_reference, git_reference_free>>;

Error gitFailure(const QString &context) {
    return fail(
        QCoreApplication::translate("quire::storage", "%1: %2").arg(context, lastGitError()));
}

Result<git_oid> toOid(const QByteArray &hex) {
    git_oid oid;
    if (hex.size() != GIT_OID_HEXSZ ||
        git_oid_fromstrn(&oid, hex.constData(), size_t(hex.size())) < 0)
        return fail(QCoreApplication::translate("quire::storage", "\"%1\" is not an object id")
                        .arg(QString::fromLatin1(hex)));
    return oid;
}

QByteArray toHex(const git_oid &oid) {
    QByteArray hex(GIT_OID_HEXSZ, Qt::Uninitialized);
    git_oid_fmt(hex.data(), &oid);
    return hex;
}

// A path the FORMAT.md §5 layout could hold: relative, no empty, "." or ".." parts, no ".git".
bool isSafePath(const QString &path) {
    if (path.isEmpty() || path.startsWith('/') || path.endsWith('/')) return false;
    for (const auto &part : path.split('/')) {
        if (part.isEmpty() || part == "." || part == ".." ||
            part.compare(QLatin1String(".git"), Qt::CaseInsensitive) == 0 || part.contains('\\') ||
            part.contains(QChar(0)))
            return false;
    }
    return true;
}

// The folders and files of a set of paths, so trees can be written bottom up.
struct Folder {
    std::map<QString, QByteArray> blobs;
    std::map<QString, Folder> folders;
};

Result<Folder> folderOf(const TreeEntries &entries) {
    Folder root;
    for (auto it = entries.begin(); it != entries.end(); ++it) {
        if (!isSafePath(it.key()))
            return fail(QCoreApplication::translate("quire::storage",
                                                    "\"%1\" is not a valid path in the repository")
                            .arg(it.key()));
        const QStringList parts = it.key().split('/');
        Folder *folder = &root;
        for (int i = 0; i + 1 < parts.size(); ++i)
            folder = &folder->folders[parts[i]];
        folder->blobs[parts.last()] = it.value();
    }
    return root;
}

} // namespace

struct RepositoryHistory::Impl {
    RepositoryHandle repo;
    QString path;

    Result<TreeHandle> tree(const QByteArray &treeOrCommit) const {
        auto oid = toOid(treeOrCommit);
        if (!oid) return oid.failure();
        git_object *raw = nullptr;
        if (git_object_lookup(&raw, repo.get(), &*oid, GIT_OBJECT_ANY) < 0)
            return gitFailure(QStringLiteral("the repository has no object %1")
                                  .arg(QString::fromLatin1(treeOrCommit)));
        ObjectHandle object(raw);
        git_object *peeled = nullptr;
        if (git_object_peel(&peeled, object.get(), GIT_OBJECT_TREE) < 0)
            return gitFailure(QStringLiteral("object %1 is neither a tree nor a commit")
                                  .arg(QString::fromLatin1(treeOrCommit)));
        return TreeHandle(reinterpret_cast<git_tree *>(peeled));
    }

    Result<TreeHandle> subtree(const git_tree_entry *entry) const {
        if (!entry || git_tree_entry_type(entry) != GIT_OBJECT_TREE) return TreeHandle();
        git_tree *raw = nullptr;
        if (git_tree_lookup(&raw, repo.get(), git_tree_entry_id(entry)) < 0)
            return gitFailure(QStringLiteral("a folder of the repository is missing"));
        return TreeHandle(raw);
    }

    // Writes `folder` on top of `base` (may be null) and returns the new tree id.
    Result<git_oid> write(const Folder &folder, const git_tree *base) {
        git_treebuilder *raw = nullptr;
        if (git_treebuilder_new(&raw, repo.get(), base) < 0)
            return gitFailure(QStringLiteral("could not build a tree"));
        BuilderHandle builder(raw);
        for (const auto &[name, blob] : folder.blobs) {
            auto oid = toOid(blob);
            if (!oid) return oid.failure();
            const git_tree_entry *existing =
                git_treebuilder_get(builder.get(), name.toUtf8().constData());
            if (existing && git_tree_entry_type(existing) == GIT_OBJECT_TREE)
                return fail(
                    QCoreApplication::translate("quire::storage",
                                                "\"%1\" is a folder in the repository, not a file")
                        .arg(name));
            if (git_treebuilder_insert(nullptr, builder.get(), name.toUtf8().constData(), &*oid,
                                       GIT_FILEMODE_BLOB) < 0)
                return gitFailure(QStringLiteral("could not add %1 to a tree").arg(name));
        }
        for (const auto &[name, sub] : folder.folders) {
            const git_tree_entry *existing =
                git_treebuilder_get(builder.get(), name.toUtf8().constData());
            if (existing && git_tree_entry_type(existing) != GIT_OBJECT_TREE)
                return fail(
                    QCoreApplication::translate("quire::storage",
                                                "\"%1\" is a file in the repository, not a folder")
                        .arg(name));
            TreeHandle subBase;
            if (existing) {
                git_tree *rawSub = nullptr;
                if (git_tree_lookup(&rawSub, repo.get(), git_tree_entry_id(existing)) < 0)
                    return gitFailure(QStringLiteral("a folder of the repository is missing"));
                subBase.reset(rawSub);
            }
            auto oid = write(sub, subBase.get());
            if (!oid) return oid.failure();
            if (git_treebuilder_insert(nullptr, builder.get(), name.toUtf8().constData(), &*oid,
                                       GIT_FILEMODE_TREE) < 0)
                return gitFailure(QStringLiteral("could not add %1 to a tree").arg(name));
        }
        git_oid out;
        if (git_treebuilder_write(&out, builder.get()) < 0)
            return gitFailure(QStringLiteral("could not write a tree"));
        return out;
    }

    Result<void> collect(const git_tree *tree, const QString &prefix, TreeEntries &out) const {
        const size_t count = git_tree_entrycount(tree);
        for (size_t i = 0; i < count; ++i) {
            const git_tree_entry *entry = git_tree_entry_byindex(tree, i);
            const QString name = prefix + QString::fromUtf8(git_tree_entry_name(entry));
            const git_object_t type = git_tree_entry_type(entry);
            if (type == GIT_OBJECT_BLOB) {
                out.insert(name, toHex(*git_tree_entry_id(entry)));
            } else if (type == GIT_OBJECT_TREE) {
                auto sub = subtree(entry);
                if (!sub) return sub.failure();
                if (auto r = collect(sub->get(), name + '/', out); !r) return r;
            }
        }
        return {};
    }

    Result<void> compare(const git_tree *from, const git_tree *to, const QString &prefix,
                         TreeDifference &out) const {
        const size_t count = git_tree_entrycount(from);
        for (size_t i = 0; i < count; ++i) {
            const git_tree_entry *entry = git_tree_entry_byindex(from, i);
            const char *rawName = git_tree_entry_name(entry);
            const QString name = prefix + QString::fromUtf8(rawName);
            const git_tree_entry *other = to ? git_tree_entry_byname(to, rawName) : nullptr;
            const git_object_t type = git_tree_entry_type(entry);
            if (other && git_oid_equal(git_tree_entry_id(entry), git_tree_entry_id(other)))
                continue; // the same blob, or the same folder down to its last byte
            if (type == GIT_OBJECT_BLOB) {
                (other ? out.changed : out.added).insert(name, toHex(*git_tree_entry_id(entry)));
            } else if (type == GIT_OBJECT_TREE) {
                auto sub = subtree(entry);
                if (!sub) return sub.failure();
                TreeHandle otherSub;
                if (other && git_tree_entry_type(other) == GIT_OBJECT_TREE) {
                    auto s = subtree(other);
                    if (!s) return s.failure();
                    otherSub = std::move(s.value());
                }
                if (auto r = compare(sub->get(), otherSub.get(), name + '/', out); !r) return r;
            }
        }
        return {};
    }
};

RepositoryHistory::RepositoryHistory() = default;
RepositoryHistory::~RepositoryHistory() = default;
RepositoryHistory::RepositoryHistory(RepositoryHistory &&) noexcept = default;
RepositoryHistory &RepositoryHistory::operator=(RepositoryHistory &&) noexcept = default;

Result<RepositoryHistory> RepositoryHistory::open(const QString &bareRepoPath) {
    git_libgit2_init(); // reference-counted; the library stays initialised for the process
    if (!QFileInfo(bareRepoPath).isDir())
        return fail(QCoreApplication::translate("quire::storage", "there is no repository at %1")
                        .arg(bareRepoPath));
    git_repository *raw = nullptr;
    if (git_repository_open_ext(&raw, QFile::encodeName(bareRepoPath).constData(),
                                GIT_REPOSITORY_OPEN_NO_SEARCH, nullptr) < 0)
        return gitFailure(QStringLiteral("could not open the repository at %1").arg(bareRepoPath));
    RepositoryHistory h;
    h.d = std::make_unique<Impl>();
    h.d->repo.reset(raw);
    h.d->path = bareRepoPath;
    return h;
}

Result<QByteArray> RepositoryHistory::writeTree(const TreeEntries &entries) {
    return updateTree({}, entries);
}

Result<QByteArray> RepositoryHistory::updateTree(const QByteArray &base,
                                                 const TreeEntries &entries) {
    if (!d)
        return fail(QCoreApplication::translate("quire::storage", "the repository is not open"));
    auto folder = folderOf(entries);
    if (!folder) return folder.failure();
    TreeHandle baseTree;
    if (!base.isEmpty()) {
        auto t = d->tree(base);
        if (!t) return t.failure();
        baseTree = std::move(t.value());
    }
    auto oid = d->write(*folder, baseTree.get());
    if (!oid) return oid.failure();
    return toHex(*oid);
}

Result<TreeEntries> RepositoryHistory::readTree(const QByteArray &treeOrCommit) const {
    if (!d)
        return fail(QCoreApplication::translate("quire::storage", "the repository is not open"));
    auto tree = d->tree(treeOrCommit);
    if (!tree) return tree.failure();
    TreeEntries out;
    if (auto r = d->collect(tree->get(), {}, out); !r) return r.failure();
    return out;
}

Result<TreeDifference> RepositoryHistory::difference(const QByteArray &from,
                                                     const QByteArray &to) const {
    if (!d)
        return fail(QCoreApplication::translate("quire::storage", "the repository is not open"));
    TreeDifference out;
    if (from.isEmpty()) return out;
    auto fromTree = d->tree(from);
    if (!fromTree) return fromTree.failure();
    TreeHandle toTree;
    if (!to.isEmpty()) {
        auto t = d->tree(to);
        if (!t) return t.failure();
        toTree = std::move(t.value());
    }
    if (auto r = d->compare(fromTree->get(), toTree.get(), {}, out); !r) return r.failure();
    return out;
}

Result<QByteArray> RepositoryHistory::blobAt(const QByteArray &treeOrCommit,
                                             const QString &path) const {
    if (!d)
        return fail(QCoreApplication::translate("quire::storage", "the repository is not open"));
    auto tree = d->tree(treeOrCommit);
    if (!tree) return tree.failure();
    git_tree_entry *raw = nullptr;
    const int rc = git_tree_entry_bypath(&raw, tree->get(), path.toUtf8().constData());
    TreeEntryHandle entry(raw);
    if (rc == GIT_ENOTFOUND) return QByteArray();
    if (rc < 0) return gitFailure(QStringLiteral("could not look up %1").arg(path));
    if (git_tree_entry_type(entry.get()) != GIT_OBJECT_BLOB) return QByteArray();
    return toHex(*git_tree_entry_id(entry.get()));
}

Result<QByteArray> RepositoryHistory::commit(const QByteArray &tree,
                                             const QList<QByteArray> &parents,
                                             const QString &memberUuid, const QString &message,
                                             const QDateTime &when) {
    if (!d)
        return fail(QCoreApplication::translate("quire::storage", "the repository is not open"));
    auto treeHandle = d->tree(tree);
    if (!treeHandle) return treeHandle.failure();
    std::vector<CommitHandle> parentHandles;
    std::vector<const git_commit *> parentPointers;
    for (const auto &p : parents) {
        auto oid = toOid(p);
        if (!oid) return oid.failure();
        git_commit *raw = nullptr;
        if (git_commit_lookup(&raw, d->repo.get(), &*oid) < 0)
            return gitFailure(
                QStringLiteral("the repository has no commit %1").arg(QString::fromLatin1(p)));
        parentHandles.emplace_back(raw);
        parentPointers.push_back(raw);
    }
    const QByteArray name = memberUuid.toUtf8();
    const QByteArray email = name + "@quire.invalid";
    git_signature *rawSig = nullptr;
    if (git_signature_new(&rawSig, name.constData(), email.constData(),
                          git_time_t(when.toSecsSinceEpoch()), 0) < 0)
        return gitFailure(QStringLiteral("could not sign the commit as %1").arg(memberUuid));
    SignatureHandle signature(rawSig);
    git_oid out;
    if (git_commit_create(&out, d->repo.get(), nullptr, signature.get(), signature.get(), "UTF-8",
                          message.toUtf8().constData(), treeHandle->get(), parentPointers.size(),
                          parentPointers.data()) < 0)
        return gitFailure(QStringLiteral("could not write a commit"));
    return toHex(out);
}

Result<QByteArray> RepositoryHistory::treeOf(const QByteArray &commitId) const {
    if (!d)
        return fail(QCoreApplication::translate("quire::storage", "the repository is not open"));
    auto oid = toOid(commitId);
    if (!oid) return oid.failure();
    git_commit *raw = nullptr;
    if (git_commit_lookup(&raw, d->repo.get(), &*oid) < 0)
        return gitFailure(
            QStringLiteral("the repository has no commit %1").arg(QString::fromLatin1(commitId)));
    CommitHandle c(raw);
    return toHex(*git_commit_tree_id(c.get()));
}

Result<QByteArray> RepositoryHistory::resolve(const QString &ref) const {
    if (!d)
        return fail(QCoreApplication::translate("quire::storage", "the repository is not open"));
    git_oid oid;
    const int rc = git_reference_name_to_id(&oid, d->repo.get(), ref.toUtf8().constData());
    if (rc == GIT_ENOTFOUND) return QByteArray();
    if (rc < 0) return gitFailure(QStringLiteral("could not read %1").arg(ref));
    return toHex(oid);
}

Result<void> RepositoryHistory::updateRef(const QString &ref, const QByteArray &commitId,
                                          const QByteArray &expected, const QString &logMessage) {
    if (!d)
        return fail(QCoreApplication::translate("quire::storage", "the repository is not open"));
    auto oid = toOid(commitId);
    if (!oid) return oid.failure();
    git_reference *raw = nullptr;
    int rc;
    if (expected.isEmpty()) {
        rc = git_reference_create(&raw, d->repo.get(), ref.toUtf8().constData(), &*oid, 0,
                                  logMessage.toUtf8().constData());
    } else {
        auto old = toOid(expected);
        if (!old) return old.failure();
        rc = git_reference_create_matching(&raw, d->repo.get(), ref.toUtf8().constData(), &*oid, 1,
                                           &*old, logMessage.toUtf8().constData());
    }
    ReferenceHandle handle(raw);
    if (rc == GIT_EEXISTS || rc == GIT_EMODIFIED)
        return fail(QCoreApplication::translate(
                        "quire::storage", "%1 was changed by someone else meanwhile; try again")
                        .arg(ref));
    if (rc < 0) return gitFailure(QStringLiteral("could not update %1").arg(ref));
    return {};
}

Result<bool> RepositoryHistory::isAncestor(const QByteArray &ancestor,
                                           const QByteArray &descendant) const {
    if (!d)
        return fail(QCoreApplication::translate("quire::storage", "the repository is not open"));
    if (ancestor == descendant) return true;
    auto a = toOid(ancestor);
    if (!a) return a.failure();
    auto b = toOid(descendant);
    if (!b) return b.failure();
    const int rc = git_graph_descendant_of(d->repo.get(), &*b, &*a);
    if (rc < 0) return gitFailure(QStringLiteral("could not compare two commits"));
    return rc == 1;
}

QString RepositoryHistory::path() const {
    return d ? d->path : QString();
}

} // namespace quire
