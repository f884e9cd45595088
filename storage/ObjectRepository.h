#pragma once
// ObjectRepository: the bare git repository (repo.git) that holds every encrypted record and
// attachment chunk as git blobs. Loose objects are written with a low zlib level because the
// content is ciphertext and does not compress. libgit2 handles stay inside the .cpp.

#include "Result.h"

#include <QByteArray>
#include <QString>

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

    // Writes a blob and returns its object id (40 lowercase hex digits).
    Result<QByteArray> writeBlob(const QByteArray &content);
    Result<QByteArray> readBlob(const QByteArray &hexOid) const;
    bool hasBlob(const QByteArray &hexOid) const;

    QString path() const;

private:
    struct Impl;
    std::unique_ptr<Impl> d;
};

} // namespace quire
