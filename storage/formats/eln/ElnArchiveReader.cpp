// ElnArchiveReader: libarchive's seekable ZIP reader (it trusts the central directory, as other
// ZIP tools do, rather than whatever local headers a crafted file may hold) behind callbacks on
// a QIODevice; every refusal below happens before the entry's first byte reaches the sink.

#include "formats/eln/ElnArchiveReader.h"

#include <QCoreApplication>
#include <QHash>
#include <QSet>

#include <archive.h>
#include <archive_entry.h>

#include <memory>

namespace quire::eln {

namespace {

struct ArchiveDeleter {
    void operator()(archive *a) const { archive_read_free(a); }
};
using ArchivePtr = std::unique_ptr<archive, ArchiveDeleter>;

constexpr qint64 kReadBlock = 256 * 1024;
const QString kMetadataName = QStringLiteral("ro-crate-metadata.json");

// The device as libarchive sees it; `consumed` counts every byte handed over, for the ratio.
struct Source {
    QIODevice *device = nullptr;
    QByteArray buffer;
    qint64 consumed = 0;
    QString error;
};

la_ssize_t readCallback(archive *, void *data, const void **out) {
    auto *src = static_cast<Source *>(data);
    src->buffer.resize(kReadBlock);
    const qint64 n = src->device->read(src->buffer.data(), kReadBlock);
    if (n < 0) {
        src->error = src->device->errorString();
        return -1;
    }
    src->consumed += n;
    *out = src->buffer.constData();
    return la_ssize_t(n);
}

la_int64_t seekCallback(archive *, void *data, la_int64_t offset, int whence) {
    auto *src = static_cast<Source *>(data);
    qint64 target = offset;
    if (whence == SEEK_CUR) target = src->device->pos() + offset;
    if (whence == SEEK_END) target = src->device->size() + offset;
    if (target < 0 || !src->device->seek(target)) return ARCHIVE_FATAL;
    return target;
}

la_int64_t skipCallback(archive *, void *data, la_int64_t request) {
    auto *src = static_cast<Source *>(data);
    const qint64 target = qMin(src->device->pos() + request, src->device->size());
    const qint64 skipped = target - src->device->pos();
    if (!src->device->seek(target)) return 0;
    return skipped;
}

QString mib(qint64 bytes) {
    return QString::number(double(bytes) / (1024.0 * 1024.0), 'f', 1);
}

} // namespace

Result<QString> ElnArchiveReader::normalisePath(const QString &name) {
    if (name.isEmpty())
        return fail(QCoreApplication::translate("quire::storage", "an entry has no name"));
    if (name.size() > 4096)
        return fail(QCoreApplication::translate("quire::storage",
                                                "an entry's name is longer than 4096 characters"));
    for (const QChar c : name)
        if (c.unicode() < 0x20 || c.unicode() == 0x7f)
            return fail(QCoreApplication::translate(
                            "quire::storage", "an entry has a control character in its name (“%1”)")
                            .arg(QString::fromLatin1(name.toUtf8().toPercentEncoding("/ .-_"))));
    if (name.startsWith('/') || name.startsWith('\\') ||
        (name.size() >= 2 && name.at(1) == ':' && name.at(0).isLetter()))
        return fail(QCoreApplication::translate(
                        "quire::storage",
                        "the entry “%1” has an absolute path; an archive may only hold "
                        "paths inside itself")
                        .arg(name));
    QStringList kept;
    for (const QString &segment : name.split('/')) {
        if (segment.isEmpty() || segment == QLatin1String(".")) continue;
        if (segment == QLatin1String("..") || segment.split('\\').contains(QStringLiteral("..")))
            return fail(QCoreApplication::translate(
                            "quire::storage", "the entry “%1” climbs out of the archive with “..”")
                            .arg(name));
        if (segment.toUtf8().size() > 255)
            return fail(
                QCoreApplication::translate("quire::storage",
                                            "the entry “%1” has a name part longer than 255 bytes")
                    .arg(name.left(300)));
        kept << segment;
    }
    if (kept.isEmpty())
        return fail(QCoreApplication::translate("quire::storage", "the entry “%1” names no file")
                        .arg(name));
    return kept.join('/').normalized(QString::NormalizationForm_C);
}

Result<ArchiveListing> ElnArchiveReader::read(QIODevice &device, const ArchiveSink &sink,
                                              const ArchiveLimits &limits,
                                              const std::function<void(qint64, qint64)> &progress,
                                              const std::atomic_bool *cancel) {
    if (!device.isOpen() || !device.isReadable() || device.isSequential())
        return fail(QCoreApplication::translate(
            "quire::storage", "the archive could not be read: it is not an open file"));
    ArchivePtr a(archive_read_new());
    if (!a)
        return fail(QCoreApplication::translate(
            "quire::storage", "could not start reading the archive (out of memory)"));
    archive_read_support_format_zip_seekable(a.get());
    Source src;
    src.device = &device;
    (void)device.seek(0);
    archive_read_set_callback_data(a.get(), &src);
    archive_read_set_read_callback(a.get(), readCallback);
    archive_read_set_seek_callback(a.get(), seekCallback);
    archive_read_set_skip_callback(a.get(), skipCallback);
    auto archiveError = [&](const QString &what) {
        const char *msg = archive_error_string(a.get());
        QString detail = msg ? QString::fromUtf8(msg) : src.error;
        if (detail.isEmpty()) detail = QStringLiteral("unknown error");
        return fail(QCoreApplication::translate("quire::storage", "%1: %2").arg(what, detail));
    };
    if (archive_read_open1(a.get()) != ARCHIVE_OK)
        return archiveError(QStringLiteral("this is not a readable .eln (ZIP) archive"));

    ArchiveListing out;
    QSet<QString> files;   // normalised paths of regular files
    QSet<QString> folders; // every folder named by an entry or implied by a path
    QHash<QString, QByteArray> metadataCandidates;
    qint64 entries = 0;
    QByteArray piece;
    const qint64 deviceSize = device.size();
    while (true) {
        if (cancel && cancel->load())
            return fail(QCoreApplication::translate("quire::storage", "the import was cancelled"));
        archive_entry *entry = nullptr;
        const int rc = archive_read_next_header(a.get(), &entry);
        if (rc == ARCHIVE_EOF) break;
        if (rc != ARCHIVE_OK && rc != ARCHIVE_WARN)
            return archiveError(QStringLiteral("the archive is damaged"));
        if (++entries > limits.maxEntries)
            return fail(QCoreApplication::translate(
                            "quire::storage",
                            "the archive holds more than %1 entries; Quire refuses it "
                            "as a possible zip bomb")
                            .arg(limits.maxEntries));
        const char *utf8 = archive_entry_pathname_utf8(entry);
        const char *raw = archive_entry_pathname(entry);
        const QString rawName =
            utf8 ? QString::fromUtf8(utf8) : QString::fromLocal8Bit(raw ? raw : "");
        auto path = normalisePath(rawName);
        if (!path) return path.failure();
        const mode_t type = archive_entry_filetype(entry);
        if (archive_entry_hardlink(entry) != nullptr)
            return fail(QCoreApplication::translate(
                            "quire::storage",
                            "the entry “%1” is a hard link; an archive for import may "
                            "hold only files and folders")
                            .arg(*path));
        if (type == AE_IFLNK || archive_entry_symlink(entry) != nullptr)
            return fail(QCoreApplication::translate(
                            "quire::storage",
                            "the entry “%1” is a symbolic link; an archive for import "
                            "may hold only files and folders")
                            .arg(*path));
        if (archive_entry_is_encrypted(entry))
            return fail(QCoreApplication::translate(
                            "quire::storage",
                            "the entry “%1” is encrypted; Quire imports only archives "
                            "that are not")
                            .arg(*path));
        // Every folder above the entry exists implicitly; a file may not share a folder's name.
        const QStringList parts = path->split('/');
        for (qsizetype i = 1; i < parts.size(); ++i) {
            const QString folder = parts.mid(0, i).join('/');
            if (files.contains(folder))
                return fail(
                    QCoreApplication::translate(
                        "quire::storage", "the archive names “%1” both as a file and as a folder")
                        .arg(folder));
            folders.insert(folder);
        }
        if (type == AE_IFDIR) {
            if (files.contains(*path))
                return fail(
                    QCoreApplication::translate(
                        "quire::storage", "the archive names “%1” both as a file and as a folder")
                        .arg(*path));
            folders.insert(*path);
            continue;
        }
        if (type != AE_IFREG)
            return fail(QCoreApplication::translate(
                            "quire::storage",
                            "the entry “%1” is neither a file nor a folder (a device, "
                            "pipe or socket)")
                            .arg(*path));
        if (files.contains(*path))
            return fail(QCoreApplication::translate(
                            "quire::storage",
                            "the archive holds “%1” twice; Quire will not guess which "
                            "one is meant")
                            .arg(*path));
        if (folders.contains(*path))
            return fail(
                QCoreApplication::translate("quire::storage",
                                            "the archive names “%1” both as a file and as a folder")
                    .arg(*path));
        files.insert(*path);
        if (archive_entry_size_is_set(entry) &&
            archive_entry_size(entry) > limits.maxTotalBytes - out.totalBytes)
            return fail(QCoreApplication::translate(
                            "quire::storage",
                            "the archive unpacks to more than %1 MiB; Quire refuses it "
                            "as a possible zip bomb")
                            .arg(mib(limits.maxTotalBytes)));

        const bool maybeMetadata =
            parts.last() == kMetadataName && parts.size() <= 2; // at the top or one folder down
        ArchiveFile file{*path, 0};
        if (sink.open)
            if (auto r = sink.open(file); !r) return r.failure();
        QByteArray metadata;
        while (true) {
            if (cancel && cancel->load())
                return fail(
                    QCoreApplication::translate("quire::storage", "the import was cancelled"));
            piece.resize(kReadBlock);
            const la_ssize_t n = archive_read_data(a.get(), piece.data(), size_t(piece.size()));
            if (n < 0) return archiveError(QStringLiteral("“%1” could not be unpacked").arg(*path));
            if (n == 0) break;
            file.size += n;
            out.totalBytes += n;
            if (out.totalBytes > limits.maxTotalBytes)
                return fail(QCoreApplication::translate(
                                "quire::storage", "the archive unpacks to more than %1 MiB; Quire "
                                                  "refuses it as a possible zip bomb")
                                .arg(mib(limits.maxTotalBytes)));
            if (out.totalBytes > limits.ratioGraceBytes &&
                out.totalBytes > limits.maxRatio * qMax<qint64>(src.consumed, 1))
                return fail(QCoreApplication::translate(
                                "quire::storage",
                                "the archive unpacks to more than %1 times its size; "
                                "Quire refuses it as a possible zip bomb")
                                .arg(limits.maxRatio));
            if (maybeMetadata) {
                if (file.size > limits.maxMetadataBytes)
                    return fail(
                        QCoreApplication::translate("quire::storage",
                                                    "“%1” is larger than %2 MiB; Quire reads crate "
                                                    "metadata only up to that size")
                            .arg(*path, mib(limits.maxMetadataBytes)));
                metadata.append(piece.constData(), n);
            }
            if (sink.data)
                if (auto r = sink.data(piece.constData(), n); !r) return r.failure();
            if (progress) progress(qMin(src.consumed, deviceSize), deviceSize);
        }
        if (sink.close)
            if (auto r = sink.close(); !r) return r.failure();
        if (maybeMetadata) metadataCandidates.insert(*path, metadata);
        out.files << file;
    }

    // The specification wants exactly one folder at the top holding ro-crate-metadata.json; a
    // plain RO-Crate zipped from inside its folder has the metadata at the top, which is read too.
    if (metadataCandidates.contains(kMetadataName)) {
        out.root.clear();
        out.metadata = metadataCandidates.value(kMetadataName);
    } else if (metadataCandidates.size() == 1) {
        const QString path = metadataCandidates.keys().first();
        out.root = path.section('/', 0, 0);
        out.metadata = metadataCandidates.value(path);
    } else if (metadataCandidates.isEmpty()) {
        return fail(QCoreApplication::translate(
            "quire::storage", "the archive holds no ro-crate-metadata.json in a folder at its "
                              "top: it is not a .eln file"));
    } else {
        return fail(QCoreApplication::translate(
                        "quire::storage", "the archive holds %1 crates (%2); a .eln file holds one")
                        .arg(metadataCandidates.size())
                        .arg(QStringList(metadataCandidates.keys()).join(QStringLiteral(", "))));
    }
    if (!out.root.isEmpty())
        for (const auto &f : out.files)
            if (!f.path.startsWith(out.root + '/')) out.outsideRoot << f.path;
    if (progress) progress(deviceSize, deviceSize);
    return out;
}

} // namespace quire::eln
