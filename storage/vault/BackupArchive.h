#pragma once
// BackupArchive: the container of a vault backup (issue 17, FORMAT.md §7) — a POSIX tar (pax)
// file holding, in this order, BACKUP.json, vault.json, quire.db (still encrypted with the
// vault's key) and repo.git/… (ciphertext only). Nothing else may be in it: a reader checks
// every entry (a relative path of those names, no "..", no absolute path, no link or device,
// no duplicate) before anything is extracted. Needs libarchive and Qt Core only, so that the
// fuzz target builds it alone.

#include "Result.h"

#include <QByteArray>
#include <QJsonObject>
#include <QList>
#include <QPair>
#include <QString>

namespace quire::backuparchive {

inline constexpr auto kFormat = "quire-backup/1";

struct Listing {
    QJsonObject manifest; // BACKUP.json
    QStringList files;    // every regular file, in archive order
    qint64 bytes = 0;     // their sizes together
};

// Why `path` (of an entry of this kind: a regular file or not) may not be in a backup, or empty.
QString entryProblem(const QString &path, bool regularFile, bool directory);

// Writes `files` (path in the archive, path on disk: a file, or a folder written as a folder
// entry), after BACKUP.json with `manifest`, to `file`. The caller writes to a .part name and
// renames it.
Result<qint64> write(const QString &file, const QJsonObject &manifest,
                     const QList<QPair<QString, QString>> &files);
// Reads and checks every entry of a backup without writing anything.
Result<Listing> inspect(const QString &file);
Result<Listing> inspectBytes(const QByteArray &bytes);
// Extracts a backup that inspect() accepted into the existing, empty folder `dir`.
Result<void> extract(const QString &file, const QString &dir);

} // namespace quire::backuparchive
