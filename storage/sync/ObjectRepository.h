#pragma once
// ObjectRepository: the bare git repository (repo.git) that holds every encrypted record and
// attachment chunk as git blobs. Blobs are ciphertext and do not compress, so they are written
// in zlib "stored" blocks (valid for git and libgit2, no compression work): one at a time as
// loose objects, read back without libgit2's extra copies, and a bulk import's as one pack of
// our own making (git's pack and index version 2), read through libgit2. libgit2 handles stay
// inside the .cpp.

#include "Result.h"

#include <QByteArray>
#include <QList>
#include <QString>

#include <future>
#include <memory>

namespace quire {

class ObjectRepository {
public:
    ObjectRepository();
    ~ObjectRepository();
    ObjectRepository(ObjectRepository &&) noexcept;
    ObjectRepository &operator=(ObjectRepository &&) noexcept;

    // Creates a bare repository at `path` (default branch main) or opens an existing one.
    static Result<ObjectRepository> openOrCreate(const QString &path);
    static Result<ObjectRepository> open(const QString &path);
    // Removes what a process killed while it wrote to the repository at `path` leaves behind:
    // git's lock files (refs/…/x.lock, packed-refs.lock, HEAD.lock, config.lock), which would
    // refuse every later update of that ref, and half-written temporary packs and objects. Only
    // for a repository no other process can be writing to (the vault's, under its lock).
    // Returns the names removed, relative to `path`.
    static QStringList removeLeftoversOfAKilledWriter(const QString &path);

    // Writes a blob and returns its object id (40 lowercase hex digits).
    Result<QByteArray> writeBlob(const QByteArray &content);
    // Many blobs at once (a bulk import): from a few on, they go into one pack and its index,
    // flushed to the disk, instead of a loose file each. Returns their ids in order.
    Result<QList<QByteArray>> writeBlobs(const QList<QByteArray> &contents);
    // The id writeBlob would give these bytes, without writing anything.
    static QByteArray blobId(const QByteArray &content);
    Result<QByteArray> readBlob(const QByteArray &hexOid) const;
    bool hasBlob(const QByteArray &hexOid) const;

    // The same as writeBlob and readBlob, run on a helper thread, so that code streaming many
    // large blobs (attachment chunks) can encrypt or check one while the next is written or
    // read. The repository must outlive the returned future (moving it is fine); a future that
    // is dropped waits for its work to finish. `reuse` lends the allocation of a buffer that is
    // no longer needed, so that a stream of blobs does not fault in fresh memory for each one.
    std::future<Result<QByteArray>> writeBlobAsync(QByteArray content);
    std::future<Result<QByteArray>> readBlobAsync(const QByteArray &hexOid,
                                                  QByteArray reuse = {}) const;

    QString path() const;

private:
    struct Impl;
    std::unique_ptr<Impl> d;
};

} // namespace quire
