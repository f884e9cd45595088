// Vault, backups (issue 17): one file holding a consistent snapshot of an open vault, and its
// restoration into a new folder. The container is vault/BackupArchive's.

#include "vault/VaultImpl.h"

#include "vault/BackupArchive.h"

#include <QCoreApplication>
#include <QDir>
#include <QDirIterator>
#include <QFile>
#include <QFileInfo>
#include <QJsonDocument>
#include <QTemporaryDir>

namespace quire {

using namespace vaultimpl;

Result<qint64> Vault::backup(const QString &file, const QByteArray &passphrase) {
    // The copy of the database must be keyed as the original: the passphrase derives the key
    // again, and must be this vault's (bytes 32-63 are the wrapping key this vault holds).
    auto derived = crypto::scrypt(passphrase, d->kdf.salt, d->kdf.params, 64);
    if (!derived) return derived.failure();
    if (!crypto::constantTimeEqual(derived->mid(32, 32).bytes(), d->wrapKey.bytes()))
        return fail(QCoreApplication::translate("quire::storage", "the passphrase is wrong"));
    const QString part = file + QStringLiteral(".part");
    QFile::remove(part);
    QTemporaryDir staging(QFileInfo(file).absolutePath() + QStringLiteral("/.quire-backup-XXXXXX"));
    if (!staging.isValid())
        return fail(QCoreApplication::translate("quire::storage", "could not write next to %1: %2")
                        .arg(file, staging.errorString()));
    const QString dbCopy = staging.filePath(QStringLiteral("quire.db"));
    {
        auto copy =
            Database::open(dbCopy, derived->mid(0, 32), Database::Mode::Create, d->dbPageSize);
        if (!copy) return copy.failure();
        if (auto r = d->db.backupInto(*copy); !r) return r.failure();
        // One file: the copy leaves WAL mode so that nothing of it stays in a -wal file.
        if (auto r = copy->exec(QStringLiteral("PRAGMA journal_mode=DELETE")); !r)
            return r.failure();
        copy->close();
    }
    QList<QPair<QString, QString>> files{
        {QStringLiteral("vault.json"), d->dir + QStringLiteral("/vault.json")},
        {QStringLiteral("quire.db"), dbCopy}};
    // repo.git only grows while this vault is open and locked by this process, and refs move
    // only through this object, so the files listed now are the snapshot.
    const QString repoDir = d->dir + QStringLiteral("/repo.git");
    QDirIterator it(repoDir, QDir::Files | QDir::Dirs | QDir::NoDotAndDotDot | QDir::Hidden,
                    QDirIterator::Subdirectories);
    QStringList repoFiles;
    while (it.hasNext())
        repoFiles << it.next();
    repoFiles.sort();
    for (const QString &path : std::as_const(repoFiles))
        files.append({QStringLiteral("repo.git/") + QDir(repoDir).relativeFilePath(path), path});
    const QJsonObject manifest{{"format", backuparchive::kFormat}, {"notebook", d->notebookUuid},
                               {"notebook_name", d->notebookName}, {"member", d->memberUuid},
                               {"device", d->deviceUuid},          {"created_at", nowUtc()}};
    auto written = backuparchive::write(part, manifest, files);
    if (!written) {
        QFile::remove(part);
        return written.failure();
    }
    QFile::remove(file);
    if (!QFile::rename(part, file)) {
        QFile::remove(part);
        return fail(QCoreApplication::translate("quire::storage", "could not write %1").arg(file));
    }
    return QFileInfo(file).size();
}

Result<void> Vault::restore(const QString &file, const QString &dir) {
    const QFileInfo target(dir);
    if (target.exists() &&
        (!target.isDir() ||
         !QDir(dir).isEmpty(QDir::AllEntries | QDir::NoDotAndDotDot | QDir::Hidden)))
        return fail(QCoreApplication::translate("quire::storage",
                                                "%1 is not empty: restore into a new folder")
                        .arg(dir));
    auto listing = backuparchive::inspect(file);
    if (!listing) return listing.failure();
    // Unpacked beside the target, then renamed: the folder is either the whole vault or absent.
    const QString absolute = target.absoluteFilePath();
    if (!QDir().mkpath(QFileInfo(absolute).absolutePath()))
        return fail(QCoreApplication::translate("quire::storage", "could not create the folder %1")
                        .arg(dir));
    QTemporaryDir staging(absolute + QStringLiteral(".restoring-XXXXXX"));
    if (!staging.isValid())
        return fail(QCoreApplication::translate("quire::storage", "could not write next to %1: %2")
                        .arg(dir, staging.errorString()));
    if (auto r = backuparchive::extract(file, staging.path()); !r) return r;
    QFile json(staging.filePath(QStringLiteral("vault.json")));
    const QJsonDocument vaultJson = json.open(QIODevice::ReadOnly)
                                        ? QJsonDocument::fromJson(json.read(1 << 20))
                                        : QJsonDocument();
    if (!vaultJson.isObject() || vaultJson.object().value("notebook").toString() !=
                                     listing->manifest.value("notebook").toString())
        return fail(QCoreApplication::translate(
            "quire::storage", "the backup is damaged: its vault.json does not belong to it"));
    QFile::setPermissions(staging.path(),
                          QFileDevice::ReadOwner | QFileDevice::WriteOwner | QFileDevice::ExeOwner);
    if (target.exists()) QDir().rmdir(absolute);
    if (!QFile::rename(staging.path(), absolute))
        return fail(
            QCoreApplication::translate("quire::storage", "could not move the restored vault to %1")
                .arg(dir));
    staging.setAutoRemove(false);
    return {};
}

} // namespace quire
