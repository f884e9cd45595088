#pragma once
// Internal to storage/: what every libgit2 user in this layer shares. Not part of any public
// contract; only .cpp files of storage/ include it.

#include <git2.h>

#include <QDir>
#include <QFile>
#include <QString>
#include <QTemporaryDir>

#include <memory>

namespace quire {

// libgit2 keeps a reference count of init calls; one process-wide init is enough, and the static
// local makes it thread-safe for workers that open repositories concurrently.
inline void initLibgit2() {
    static const bool initialized = [] {
        git_libgit2_init();
        // On by default; set here because a mismatching object must be an error, never data.
        git_libgit2_opts(GIT_OPT_ENABLE_STRICT_HASH_VERIFICATION, 1);
        // Packs are read through mapped windows, by default of 1 GiB each and never unmapped
        // below 8 GiB: every page a first sync of a large notebook read stayed in its memory.
        // Small windows, few of them, keep a sync's memory flat whatever the notebook's size.
        git_libgit2_opts(GIT_OPT_SET_MWINDOW_SIZE, size_t(32) << 20);
        git_libgit2_opts(GIT_OPT_SET_MWINDOW_MAPPED_LIMIT, size_t(96) << 20);
        // libgit2 reads the user's and the system's git configuration too (url rewrites,
        // proxies, pack settings); Quire's transfers must not depend on them. Every level it
        // searches points at a private folder (0700, removed at exit) with one setting of our
        // own: the files are ciphertext, so looking for deltas between them is wasted work,
        // also where libgit2 builds the pack for a path remote on the server's side.
        static QTemporaryDir configHome(QDir::tempPath() + QStringLiteral("/quire-git-XXXXXX"));
        QString folder = configHome.path();
        QFile config(folder + QStringLiteral("/.gitconfig"));
        if (!configHome.isValid() || !config.open(QIODevice::WriteOnly) ||
            config.write("[pack]\n\twindowMemory = 1\n") < 0)
            folder.clear(); // then no configuration file at all is read
        config.close();
        const QByteArray path = QFile::encodeName(folder);
        for (const int level : {GIT_CONFIG_LEVEL_SYSTEM, GIT_CONFIG_LEVEL_XDG,
                                GIT_CONFIG_LEVEL_GLOBAL, GIT_CONFIG_LEVEL_PROGRAMDATA})
            git_libgit2_opts(GIT_OPT_SET_SEARCH_PATH, level, path.constData());
        return true;
    }();
    (void)initialized;
}

// An owning pointer that frees a libgit2 object with its own free function, for example
// GitHandle<git_tree, git_tree_free>.
template <typename T, void (*Free)(T *)> struct GitFree {
    void operator()(T *p) const { Free(p); }
};
template <typename T, void (*Free)(T *)> using GitHandle = std::unique_ptr<T, GitFree<T, Free>>;

inline QString lastGitError() {
    const git_error *error = git_error_last();
    return error && error->message ? QString::fromUtf8(error->message).trimmed()
                                   : QStringLiteral("unknown error");
}

} // namespace quire
