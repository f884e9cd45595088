#include "vault/BackupArchive.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonDocument>
#include <QSet>

#include <archive.h>
#include <archive_entry.h>

#include <functional>
#include <memory>

namespace quire::backuparchive {

namespace {

struct ReadCloser {
    void operator()(archive *a) const { archive_read_free(a); }
};
struct WriteCloser {
    void operator()(archive *a) const { archive_write_free(a); }
};
struct EntryFree {
    void operator()(archive_entry *e) const { archive_entry_free(e); }
};
using Reader = std::unique_ptr<archive, ReadCloser>;

constexpr qint64 kMaxManifest = 64 * 1024;
const QString kManifestName = QStringLiteral("BACKUP.json");

QString archiveError(archive *a) {
    const char *message = archive_error_string(a);
    return message ? QString::fromUtf8(message) : QStringLiteral("unknown error");
}

Reader newReader() {
    Reader a(archive_read_new());
    archive_read_support_format_tar(a.get()); // tar only, no compression: no surprises in size
    return a;
}

QString entryPath(archive_entry *e) {
    const char *utf8 = archive_entry_pathname_utf8(e);
    const char *raw = utf8 ? utf8 : archive_entry_pathname(e);
    return raw ? QString::fromUtf8(raw) : QString();
}

// One pass over the headers: every entry checked, BACKUP.json read. `sink`, when given, gets
// each regular file's data (the second, extracting pass).
Result<Listing> walk(archive *a,
                     const std::function<Result<void>(const QString &, bool dir)> &begin = {},
                     const std::function<Result<void>(const char *, size_t)> &data = {}) {
    Listing out;
    QSet<QString> seen;
    bool first = true;
    while (true) {
        archive_entry *e = nullptr;
        const int rc = archive_read_next_header(a, &e);
        if (rc == ARCHIVE_EOF) break;
        if (rc < ARCHIVE_WARN)
            return fail(QCoreApplication::translate(
                            "quire::storage", "this is not a Quire backup, or it is damaged: %1")
                            .arg(archiveError(a)));
        QString path = entryPath(e);
        const auto type = archive_entry_filetype(e);
        const bool regular = type == AE_IFREG && !archive_entry_hardlink(e);
        const bool directory = type == AE_IFDIR;
        if (directory && path.endsWith('/')) path.chop(1);
        if (const QString problem = entryProblem(path, regular, directory); !problem.isEmpty())
            return fail(QCoreApplication::translate(
                            "quire::storage", "the backup was refused, nothing was restored: %1")
                            .arg(problem));
        if (seen.contains(path))
            return fail(QCoreApplication::translate(
                            "quire::storage",
                            "the backup was refused, nothing was restored: %1 is in it "
                            "twice")
                            .arg(path));
        seen.insert(path);
        if (first != (path == kManifestName))
            return fail(
                QCoreApplication::translate(
                    "quire::storage", "this is not a Quire backup (it does not start with %1)")
                    .arg(kManifestName));
        const qint64 size = archive_entry_size(e);
        if (first) {
            first = false;
            if (size < 0 || size > kMaxManifest)
                return fail(QCoreApplication::translate(
                                "quire::storage", "this is not a Quire backup (%1 is damaged)")
                                .arg(kManifestName));
            QByteArray bytes(qsizetype(size), Qt::Uninitialized);
            if (size > 0 && archive_read_data(a, bytes.data(), size_t(size)) != size)
                return fail(QCoreApplication::translate(
                                "quire::storage", "this is not a Quire backup (%1 is damaged)")
                                .arg(kManifestName));
            const QJsonDocument doc = QJsonDocument::fromJson(bytes);
            if (!doc.isObject() || doc.object().value("format").toString() != kFormat)
                return fail(QCoreApplication::translate(
                    "quire::storage", "this is not a Quire backup this version can read"));
            out.manifest = doc.object(); // describes the backup; not part of the vault
            continue;
        }
        if (regular) {
            out.files << path;
            out.bytes += std::max<qint64>(size, 0);
        }
        if (begin)
            if (auto r = begin(path, directory); !r) return r.failure();
        if (regular && data) {
            const void *block = nullptr;
            size_t length = 0;
            la_int64_t offset = 0;
            while (true) {
                const int got = archive_read_data_block(a, &block, &length, &offset);
                if (got == ARCHIVE_EOF) break;
                if (got < ARCHIVE_WARN)
                    return fail(QCoreApplication::translate("quire::storage",
                                                            "the backup is damaged at %1: %2")
                                    .arg(path, archiveError(a)));
                if (auto r = data(static_cast<const char *>(block), length); !r) return r.failure();
            }
        }
    }
    if (first)
        return fail(QCoreApplication::translate("quire::storage",
                                                "this is not a Quire backup (it is empty)"));
    for (const char *needed : {"vault.json", "quire.db", "repo.git/HEAD"})
        if (!seen.contains(QLatin1String(needed)))
            return fail(QCoreApplication::translate("quire::storage",
                                                    "the backup is incomplete: %1 is missing")
                            .arg(QLatin1String(needed)));
    return out;
}

} // namespace

QString entryProblem(const QString &path, bool regularFile, bool directory) {
    if (!regularFile && !directory)
        return QStringLiteral("%1 is a link or a special file").arg(path);
    if (path.isEmpty() || path.startsWith('/') || path.contains('\\') || path.contains(':') ||
        path.contains(QChar(0)))
        return QStringLiteral("“%1” is not a path inside the backup").arg(path);
    const QStringList parts = path.split('/');
    for (const QString &part : parts)
        if (part.isEmpty() || part == "." || part == "..")
            return QStringLiteral("“%1” is not a path inside the backup").arg(path);
    if (parts.first() == "repo.git") return {};
    if (parts.size() == 1 && regularFile &&
        (path == kManifestName || path == "vault.json" || path == "quire.db"))
        return {};
    return QStringLiteral("“%1” does not belong in a Quire backup").arg(path);
}

Result<qint64> write(const QString &file, const QJsonObject &manifest,
                     const QList<QPair<QString, QString>> &files) {
    std::unique_ptr<archive, WriteCloser> a(archive_write_new());
    archive_write_set_format_pax_restricted(a.get());
    if (archive_write_open_filename(a.get(), QFile::encodeName(file).constData()) != ARCHIVE_OK)
        return fail(QCoreApplication::translate("quire::storage", "could not write %1: %2")
                        .arg(file, archiveError(a.get())));
    const time_t now = time_t(QDateTime::currentSecsSinceEpoch());
    qint64 total = 0;
    auto header = [&](const QString &path, qint64 size, bool directory = false) -> Result<void> {
        std::unique_ptr<archive_entry, EntryFree> e(archive_entry_new());
        archive_entry_set_pathname_utf8(e.get(), path.toUtf8().constData());
        archive_entry_set_filetype(e.get(), directory ? AE_IFDIR : AE_IFREG);
        archive_entry_set_perm(e.get(), directory ? 0700 : 0600);
        archive_entry_set_size(e.get(), size);
        archive_entry_set_mtime(e.get(), now, 0);
        if (archive_write_header(a.get(), e.get()) != ARCHIVE_OK)
            return fail(QCoreApplication::translate("quire::storage", "could not write %1: %2")
                            .arg(file, archiveError(a.get())));
        return {};
    };
    const QByteArray manifestBytes = QJsonDocument(manifest).toJson(QJsonDocument::Indented);
    if (auto r = header(kManifestName, manifestBytes.size()); !r) return r.failure();
    if (archive_write_data(a.get(), manifestBytes.constData(), size_t(manifestBytes.size())) !=
        manifestBytes.size())
        return fail(QCoreApplication::translate("quire::storage", "could not write %1: %2")
                        .arg(file, archiveError(a.get())));
    QByteArray buffer(1 << 20, Qt::Uninitialized);
    for (const auto &[inArchive, onDisk] : files) {
        // Folders too: git needs its empty ones (refs/tags, objects/info).
        if (QFileInfo(onDisk).isDir()) {
            if (auto r = header(inArchive, 0, true); !r) return r.failure();
            continue;
        }
        QFile in(onDisk);
        if (!in.open(QIODevice::ReadOnly))
            return fail(QCoreApplication::translate("quire::storage", "could not read %1: %2")
                            .arg(onDisk, in.errorString()));
        if (auto r = header(inArchive, in.size()); !r) return r.failure();
        qint64 left = in.size();
        while (left > 0) {
            const qint64 got = in.read(buffer.data(), std::min<qint64>(left, buffer.size()));
            if (got <= 0)
                return fail(QCoreApplication::translate("quire::storage", "could not read %1: %2")
                                .arg(onDisk, in.errorString()));
            if (archive_write_data(a.get(), buffer.constData(), size_t(got)) != got)
                return fail(QCoreApplication::translate("quire::storage", "could not write %1: %2")
                                .arg(file, archiveError(a.get())));
            left -= got;
        }
        total += in.size();
    }
    if (archive_write_close(a.get()) != ARCHIVE_OK)
        return fail(QCoreApplication::translate("quire::storage", "could not write %1: %2")
                        .arg(file, archiveError(a.get())));
    return total;
}

Result<Listing> inspect(const QString &file) {
    Reader a = newReader();
    if (archive_read_open_filename(a.get(), QFile::encodeName(file).constData(), 1 << 16) !=
        ARCHIVE_OK)
        return fail(QCoreApplication::translate("quire::storage", "could not read %1: %2")
                        .arg(file, archiveError(a.get())));
    return walk(a.get());
}

Result<Listing> inspectBytes(const QByteArray &bytes) {
    Reader a = newReader();
    if (archive_read_open_memory(a.get(), bytes.constData(), size_t(bytes.size())) != ARCHIVE_OK)
        return fail(QCoreApplication::translate("quire::storage", "this is not a Quire backup: %1")
                        .arg(archiveError(a.get())));
    return walk(a.get());
}

Result<void> extract(const QString &file, const QString &dir) {
    Reader a = newReader();
    if (archive_read_open_filename(a.get(), QFile::encodeName(file).constData(), 1 << 16) !=
        ARCHIVE_OK)
        return fail(QCoreApplication::translate("quire::storage", "could not read %1: %2")
                        .arg(file, archiveError(a.get())));
    std::unique_ptr<QFile> out;
    auto finish = [&]() -> Result<void> {
        if (out && !out->flush())
            return fail(QCoreApplication::translate("quire::storage", "could not write %1: %2")
                            .arg(out->fileName(), out->errorString()));
        out.reset();
        return {};
    };
    auto begin = [&](const QString &path, bool directory) -> Result<void> {
        if (auto r = finish(); !r) return r;
        const QString target = dir + '/' + path;
        if (directory) {
            if (!QDir().mkpath(target))
                return fail(
                    QCoreApplication::translate("quire::storage", "could not create the folder %1")
                        .arg(target));
            return {};
        }
        if (!QDir().mkpath(QFileInfo(target).absolutePath()))
            return fail(
                QCoreApplication::translate("quire::storage", "could not create the folder for %1")
                    .arg(target));
        out = std::make_unique<QFile>(target);
        if (!out->open(QIODevice::WriteOnly | QIODevice::NewOnly))
            return fail(QCoreApplication::translate("quire::storage", "could not write %1: %2")
                            .arg(target, out->errorString()));
        out->setPermissions(QFileDevice::ReadOwner | QFileDevice::WriteOwner);
        return {};
    };
    auto data = [&](const char *bytes, size_t length) -> Result<void> {
        if (!out || out->write(bytes, qint64(length)) != qint64(length))
            return fail(QCoreApplication::translate("quire::storage", "could not write %1")
                            .arg(out ? out->fileName() : dir));
        return {};
    };
    auto walked = walk(a.get(), begin, data);
    if (!walked) return walked.failure();
    return finish();
}

} // namespace quire::backuparchive
