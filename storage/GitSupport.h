#pragma once
// Internal to storage/: what every libgit2 user in this layer shares. Not part of any public
// contract; only .cpp files of storage/ include it.

#include <git2.h>

#include <QString>

namespace quire {

// libgit2 keeps a reference count of init calls; one process-wide init is enough, and the static
// local makes it thread-safe for workers that open repositories concurrently.
inline void initLibgit2() {
    static const bool initialized = [] {
        git_libgit2_init();
        // On by default; set here because a mismatching object must be an error, never data.
        git_libgit2_opts(GIT_OPT_ENABLE_STRICT_HASH_VERIFICATION, 1);
        return true;
    }();
    (void)initialized;
}

inline QString lastGitError() {
    const git_error *error = git_error_last();
    return error && error->message ? QString::fromUtf8(error->message).trimmed()
                                   : QStringLiteral("unknown error");
}

} // namespace quire
