#include "formats/eln/ElnWriter.h"

#include <QCoreApplication>
#include <QIODevice>

#include <archive.h>
#include <archive_entry.h>

namespace quire::eln {

namespace {

struct ArchiveFree {
    void operator()(archive *a) const { archive_write_free(a); }
};
struct EntryFree {
    void operator()(archive_entry *e) const { archive_entry_free(e); }
};

// Names Windows reserves for devices, with or without an extension.
bool isDeviceName(const QString &component) {
    const QString stem = component.section(QLatin1Char('.'), 0, 0).toUpper();
    static const QSet<QString> reserved{"CON", "PRN", "AUX", "NUL"};
    if (reserved.contains(stem)) return true;
    return stem.size() == 4 &&
           (stem.startsWith(QLatin1String("COM")) || stem.startsWith(QLatin1String("LPT"))) &&
           stem.at(3).isDigit();
}

} // namespace

struct ElnWriter::Archive {
    std::unique_ptr<archive, ArchiveFree> handle;
};

struct ElnWriterCallbacks {
    static la_ssize_t write(archive *, void *client, const void *buffer, size_t length) {
        auto *w = static_cast<ElnWriter *>(client);
        const char *bytes = static_cast<const char *>(buffer);
        qint64 left = qint64(length);
        while (left > 0) {
            const qint64 n = w->m_device->write(bytes, left);
            if (n <= 0) {
                w->m_deviceError = w->m_device->errorString();
                return -1;
            }
            bytes += n;
            left -= n;
        }
        w->m_hash.addData(QByteArrayView(static_cast<const char *>(buffer), qsizetype(length)));
        w->m_written += qint64(length);
        return la_ssize_t(length);
    }
};

ElnWriter::ElnWriter(QIODevice *device)
    : m_device(device) {}

ElnWriter::~ElnWriter() = default;

QByteArray ElnWriter::sha256() const {
    return m_hash.result();
}

Result<void> ElnWriter::failure(const QString &what) {
    QString why = m_deviceError;
    if (why.isEmpty() && m_archive && m_archive->handle)
        why = QString::fromUtf8(archive_error_string(m_archive->handle.get()));
    return fail(why.isEmpty() ? what : QStringLiteral("%1: %2").arg(what, why));
}

Result<void> ElnWriter::open() {
    if (!m_device || !m_device->isWritable())
        return fail(
            QCoreApplication::translate("quire::storage", "the .eln file is not open for writing"));
    m_archive = std::make_unique<Archive>();
    m_archive->handle.reset(archive_write_new());
    archive *a = m_archive->handle.get();
    if (!a)
        return fail(QCoreApplication::translate(
            "quire::storage", "libarchive could not start a zip (out of memory?)"));
    if (archive_write_set_format_zip(a) != ARCHIVE_OK)
        return failure(QStringLiteral("zip is not available"));
    // Names are UTF-8 and flagged so (general purpose bit 11), whatever the locale says.
    if (archive_write_set_options(a, "zip:hdrcharset=UTF-8") < ARCHIVE_WARN)
        return failure(QStringLiteral("could not name files in UTF-8"));
    // Large blocks for speed; no padding of the last one, which would trail the zip's end record.
    archive_write_set_bytes_per_block(a, 1 << 16);
    archive_write_set_bytes_in_last_block(a, 1);
    if (archive_write_open2(a, this, nullptr, &ElnWriterCallbacks::write, nullptr, nullptr) !=
        ARCHIVE_OK)
        return failure(QStringLiteral("could not start writing the .eln file"));
    return {};
}

QString ElnWriter::pathProblem(const QString &path) {
    if (path.isEmpty()) return QStringLiteral("an empty name");
    if (path.startsWith(QLatin1Char('/')))
        return QStringLiteral("%1 is an absolute path").arg(path);
    QString trimmed = path;
    if (trimmed.endsWith(QLatin1Char('/'))) trimmed.chop(1);
    for (const QString &part : trimmed.split(QLatin1Char('/'))) {
        if (part.isEmpty() || part == QLatin1String(".") || part == QLatin1String(".."))
            return QStringLiteral("%1 has an empty, '.' or '..' part").arg(path);
        if (part.size() > 120)
            return QStringLiteral("%1 has a part longer than 120 characters").arg(path);
        if (part.endsWith(QLatin1Char('.')) || part.endsWith(QLatin1Char(' ')))
            return QStringLiteral("%1 has a part ending in a dot or space").arg(path);
        if (isDeviceName(part)) return QStringLiteral("%1 uses a name Windows reserves").arg(path);
        for (const QChar c : part)
            if (c.unicode() < 0x20 || QStringLiteral("\\:*?\"<>|").contains(c) ||
                c.unicode() == 0x7f)
                return QStringLiteral("%1 holds a character some systems refuse").arg(path);
    }
    return {};
}

Result<void> ElnWriter::header(const QString &path, qint64 size, bool directory,
                               const QDateTime &modified, bool compress) {
    if (!m_archive || m_closed)
        return fail(QCoreApplication::translate("quire::storage", "the .eln file is not open"));
    if (m_inFile)
        return fail(
            QCoreApplication::translate("quire::storage", "the previous file was not finished"));
    if (const QString problem = pathProblem(path); !problem.isEmpty())
        return fail(
            QCoreApplication::translate("quire::storage", "refusing to write %1").arg(problem));
    // One root folder (the ELN specification): everything under the first name written.
    const QString top = path.section(QLatin1Char('/'), 0, 0);
    if (m_root.isEmpty()) {
        if (!directory || path.count(QLatin1Char('/')) > 1)
            return fail(
                QCoreApplication::translate("quire::storage", "the root folder must come first"));
        m_root = top;
    } else if (top != m_root || path == m_root + QLatin1Char('/')) {
        return fail(QCoreApplication::translate("quire::storage",
                                                "%1 is outside the root folder %2, or repeats it")
                        .arg(path, m_root));
    }
    QString key = path.toCaseFolded();
    if (key.endsWith(QLatin1Char('/'))) key.chop(1);
    if (m_names.contains(key))
        return fail(QCoreApplication::translate(
                        "quire::storage", "%1 would collide with another name in the .eln file")
                        .arg(path));
    m_names.insert(key);

    archive *a = m_archive->handle.get();
    if ((compress ? archive_write_zip_set_compression_deflate(a)
                  : archive_write_zip_set_compression_store(a)) != ARCHIVE_OK)
        return failure(QStringLiteral("could not choose the compression"));
    std::unique_ptr<archive_entry, EntryFree> entry(archive_entry_new());
    if (!entry) return fail(QCoreApplication::translate("quire::storage", "out of memory"));
    archive_entry_set_pathname_utf8(entry.get(), path.toUtf8().constData());
    archive_entry_set_filetype(entry.get(), directory ? AE_IFDIR : AE_IFREG);
    archive_entry_set_perm(entry.get(), directory ? 0755 : 0644);
    archive_entry_set_size(entry.get(), directory ? 0 : size);
    const QDateTime when = modified.isValid() ? modified : QDateTime::currentDateTimeUtc();
    archive_entry_set_mtime(entry.get(), time_t(when.toSecsSinceEpoch()), 0);
    if (archive_write_header(a, entry.get()) != ARCHIVE_OK)
        return failure(QStringLiteral("could not write the entry %1").arg(path));
    m_inFile = !directory;
    m_remaining = directory ? 0 : size;
    return {};
}

Result<void> ElnWriter::addDirectory(const QString &path, const QDateTime &modified) {
    QString p = path;
    if (!p.endsWith(QLatin1Char('/'))) p += QLatin1Char('/');
    return header(p, 0, true, modified, false);
}

Result<void> ElnWriter::addFile(const QString &path, const QByteArray &bytes,
                                const QDateTime &modified, bool compress) {
    if (auto h = beginFile(path, bytes.size(), modified, compress); !h) return h;
    if (auto w = writeData(bytes); !w) return w;
    return endFile();
}

Result<void> ElnWriter::beginFile(const QString &path, qint64 size, const QDateTime &modified,
                                  bool compress) {
    if (path.endsWith(QLatin1Char('/')))
        return fail(QCoreApplication::translate("quire::storage", "%1 names a folder").arg(path));
    if (size < 0)
        return fail(QCoreApplication::translate("quire::storage", "%1 has no size").arg(path));
    return header(path, size, false, modified, compress);
}

Result<void> ElnWriter::writeData(const QByteArray &bytes) {
    if (!m_inFile)
        return fail(QCoreApplication::translate("quire::storage", "no file is being written"));
    if (bytes.size() > m_remaining)
        return fail(QCoreApplication::translate("quire::storage",
                                                "more bytes than the file's size were given"));
    qsizetype at = 0;
    while (at < bytes.size()) {
        const la_ssize_t n = archive_write_data(m_archive->handle.get(), bytes.constData() + at,
                                                size_t(bytes.size() - at));
        if (n <= 0) return failure(QStringLiteral("could not write to the .eln file"));
        at += qsizetype(n);
    }
    m_remaining -= bytes.size();
    return {};
}

Result<void> ElnWriter::endFile() {
    if (!m_inFile)
        return fail(QCoreApplication::translate("quire::storage", "no file is being written"));
    if (m_remaining != 0)
        return fail(QCoreApplication::translate("quire::storage", "the file ended %1 bytes short")
                        .arg(m_remaining));
    m_inFile = false;
    if (archive_write_finish_entry(m_archive->handle.get()) != ARCHIVE_OK)
        return failure(QStringLiteral("could not finish a file in the .eln file"));
    return {};
}

Result<void> ElnWriter::close() {
    if (!m_archive || m_closed)
        return fail(QCoreApplication::translate("quire::storage", "the .eln file is not open"));
    if (m_inFile)
        return fail(
            QCoreApplication::translate("quire::storage", "the last file was not finished"));
    m_closed = true;
    if (archive_write_close(m_archive->handle.get()) != ARCHIVE_OK)
        return failure(QStringLiteral("could not finish the .eln file"));
    return {};
}

QString ElnWriter::safeName(const QString &text, int maxLength) {
    // Accents dropped by decomposing and keeping the base letters ("Müller" -> "Muller").
    const QString decomposed = text.normalized(QString::NormalizationForm_KD);
    QString out;
    out.reserve(decomposed.size());
    bool dash = false;
    for (const QChar c : decomposed) {
        const ushort u = c.unicode();
        if (c.category() == QChar::Mark_NonSpacing) continue;
        const bool keep = (u >= 'a' && u <= 'z') || (u >= 'A' && u <= 'Z') ||
                          (u >= '0' && u <= '9') || u == '.' || u == '_' || u == '-';
        if (keep) {
            // "scan (1).csv" reads better as "scan-1.csv" than as "scan-1-.csv".
            if (u == '.' && dash) out.chop(1);
            out += c;
            dash = u == '-';
        } else if (!dash && !out.isEmpty()) {
            out += QLatin1Char('-');
            dash = true;
        }
    }
    if (out.size() > maxLength) {
        // Keep a short extension: the file type is what tools recognise a file by.
        const qsizetype dot = out.lastIndexOf(QLatin1Char('.'));
        const QString ext = dot > 0 && out.size() - dot <= 10 ? out.mid(dot) : QString();
        out = out.left(maxLength - ext.size()) + ext;
    }
    while (!out.isEmpty() && (out.endsWith(QLatin1Char('.')) || out.endsWith(QLatin1Char('-'))))
        out.chop(1);
    while (!out.isEmpty() && (out.startsWith(QLatin1Char('.')) || out.startsWith(QLatin1Char('-'))))
        out.remove(0, 1);
    if (out.isEmpty()) return QStringLiteral("untitled");
    if (isDeviceName(out)) out.prepend(QLatin1Char('_'));
    return out;
}

bool ElnWriter::worthCompressing(const QString &mediaType) {
    const QString t = mediaType.section(QLatin1Char(';'), 0, 0).trimmed().toLower();
    if (t.startsWith(QLatin1String("text/")) || t.endsWith(QLatin1String("+xml")) ||
        t.endsWith(QLatin1String("json")) || t == QLatin1String("image/svg+xml") ||
        t == QLatin1String("image/tiff") || t == QLatin1String("image/bmp"))
        return true;
    if (t.startsWith(QLatin1String("image/")) || t.startsWith(QLatin1String("video/")) ||
        t.startsWith(QLatin1String("audio/")))
        return false;
    static const QSet<QString> packed{
        "application/zip",
        "application/gzip",
        "application/x-7z-compressed",
        "application/x-xz",
        "application/x-bzip2",
        "application/zstd",
        "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
        "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
        "application/vnd.openxmlformats-officedocument.presentationml.presentation"};
    return !packed.contains(t);
}

} // namespace quire::eln
