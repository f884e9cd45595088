#pragma once
// ElnWriter: writes a .eln file — the ELN Consortium's zipped RO-Crate — entry by entry to a
// device, with libarchive. It knows zip and safe names, nothing of notebooks: the caller
// (model/exchange/ElnExport) decides the crate's folders and its ro-crate-metadata.json, and
// hands a QSaveFile so that a failed export leaves no partial file behind.
//
// Every name is checked before it is written: relative, inside one root folder, no "." or ".."
// part, no backslash or control character, unique regardless of case (a zip unpacked on
// Windows or macOS must not lose a file to another). safeName() makes such names from titles:
// ASCII letters, digits, '.', '-' and '_', never a Windows device name, never ending in a dot.

#include "Result.h"

#include <QByteArray>
#include <QCryptographicHash>
#include <QDateTime>
#include <QSet>
#include <QString>

#include <memory>

class QIODevice;

namespace quire::eln {

class ElnWriter {
public:
    // Writes to `device`, which must be open for writing and outlive the writer.
    explicit ElnWriter(QIODevice *device);
    ~ElnWriter();
    ElnWriter(const ElnWriter &) = delete;
    ElnWriter &operator=(const ElnWriter &) = delete;

    Result<void> open();
    Result<void> addDirectory(const QString &path, const QDateTime &modified);
    // A whole file. `compress` false stores it as is (already compressed media).
    Result<void> addFile(const QString &path, const QByteArray &bytes, const QDateTime &modified,
                         bool compress = true);
    // A file streamed in pieces; exactly `size` bytes must follow before endFile().
    Result<void> beginFile(const QString &path, qint64 size, const QDateTime &modified,
                           bool compress);
    Result<void> writeData(const QByteArray &bytes);
    Result<void> endFile();
    // Writes the central directory. The device then holds a complete zip.
    Result<void> close();

    // What went to the device so far (all of the file once closed).
    qint64 bytesWritten() const { return m_written; }
    QByteArray sha256() const;

    // One path component made from any text: at most `maxLength` characters of [A-Za-z0-9._-],
    // accents dropped, other runs as one '-', "untitled" when nothing is left.
    static QString safeName(const QString &text, int maxLength = 48);
    // Whether deflating a file of this media type is worth the time (images, archives and
    // compressed video are stored as they are).
    static bool worthCompressing(const QString &mediaType);
    // Why `path` may not be written, or empty.
    static QString pathProblem(const QString &path);

private:
    struct Archive;
    Result<void> header(const QString &path, qint64 size, bool directory, const QDateTime &modified,
                        bool compress);
    Result<void> failure(const QString &what);

    QIODevice *m_device;
    std::unique_ptr<Archive> m_archive;
    QCryptographicHash m_hash{QCryptographicHash::Sha256};
    QSet<QString> m_names; // case-folded, to refuse names that collide on other systems
    QString m_root;
    qint64 m_written = 0;
    qint64 m_remaining = 0;
    bool m_inFile = false;
    bool m_closed = false;
    QString m_deviceError;

    friend struct ElnWriterCallbacks;
};

} // namespace quire::eln
