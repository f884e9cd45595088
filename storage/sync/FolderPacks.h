#pragma once
// Internal to storage/sync: a fetch from a folder remote takes the server's packs whole.
// Not part of any public contract; only GitRemote.cpp includes it.

#include "Result.h"

#include <git2.h>

#include <QString>

namespace quire {

// From a folder (a file share), libgit2's local transport builds one pack of everything the
// fetch needs: it inflates every object of the server's packs and deflates it again, and its
// indexer re-maps the growing pack for every small write. A first sync of 110,000 records
// spent 17 s of its 57 there against 3.8 s for all of `git clone --bare --no-local`. The packs
// on the server are what we need already, so a pack the repository at `repoPath` has none of is
// read whole through libgit2's indexer instead, in large pieces: the indexer checks the pack as
// it would check a pack off the network (every object's hash, deltas, the trailing checksum)
// and writes it and its index into our objects/pack. libgit2's fetch then finds the server's
// head here and transfers nothing. Should anything `remoteHead` reaches still be missing (loose
// objects on the server, a pack passed over because we hold part of it), the packs taken are
// removed again and the ordinary fetch runs as it would have.
//
// Fails, with the pack's name and libgit2's reason, when a pack is refused (damaged, not a
// pack) or `progress` returned non-zero; anything else it cannot tell about is left to the
// ordinary fetch. `progress` and `payload` are the indexer's progress callback.
Result<void> takeFolderPacksWhole(const QString &repoPath, const QString &serverPath,
                                  const git_oid &remoteHead, git_indexer_progress_cb progress,
                                  void *payload);

} // namespace quire
