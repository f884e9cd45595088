#pragma once
// storage/formats/eln/: the .eln exchange format of the ELN Consortium (a ZIP holding one
// RO-Crate). This folder is pure like the rest of formats/: bytes in, data out — no database, no
// files of its own, no network. ElnArchiveReader (this file) walks the ZIP and refuses what is
// hostile; RoCrate.h reads ro-crate-metadata.json; the model decides what becomes what.

// ElnArchiveReader: reads a .eln (ZIP) archive with libarchive from a seekable device and hands
// every regular file's bytes, in pieces, to a sink the caller gives. Before a single byte of an
// entry reaches the sink its name is checked; the whole archive is refused, with a message a
// person can act on, when any entry is hostile: a path that is absolute or climbs out with `..`,
// a symbolic or hard link or device, a name given twice (or a file where a folder must be), an
// encrypted entry, or more than the caps below allow (files, total bytes, compression ratio —
// a zip bomb). The caller therefore writes what the sink received somewhere private and throws
// it all away when read() fails: nothing of a refused archive may be kept.

#include "Result.h"

#include <QByteArray>
#include <QIODevice>
#include <QList>
#include <QString>

#include <atomic>
#include <functional>

namespace quire::eln {

// The caps an archive must stay under. The defaults are the documented limits of an import;
// tests lower them to prove each one without making gigabytes.
struct ArchiveLimits {
    // More entries (files and folders) than any ELN export we know of holds by far.
    static constexpr qint64 kMaxEntries = 100'000;
    // The sum of every file's uncompressed size.
    static constexpr qint64 kMaxTotalBytes = 32LL * 1024 * 1024 * 1024;
    // Uncompressed bytes per byte of archive read so far, checked once 16 MiB are out: text
    // compresses ten- or twentyfold, a bomb a thousandfold and more.
    static constexpr qint64 kMaxRatio = 200;
    static constexpr qint64 kRatioGraceBytes = 16LL * 1024 * 1024;
    // ro-crate-metadata.json is read into memory to be parsed.
    static constexpr qint64 kMaxMetadataBytes = 64LL * 1024 * 1024;

    qint64 maxEntries = kMaxEntries;
    qint64 maxTotalBytes = kMaxTotalBytes;
    qint64 maxRatio = kMaxRatio;
    qint64 ratioGraceBytes = kRatioGraceBytes;
    qint64 maxMetadataBytes = kMaxMetadataBytes;
};

// One regular file of the archive, as the sink sees it.
struct ArchiveFile {
    QString path; // normalised: NFC, '/'-separated, no empty or "." segments, never ".."
    qint64 size = 0;
};

// What the sink is called with, in archive order: open(file), data(piece)…, close(). Any failure
// it returns stops the reading and becomes read()'s failure.
struct ArchiveSink {
    std::function<Result<void>(const ArchiveFile &file)> open;
    std::function<Result<void>(const char *data, qint64 size)> data;
    std::function<Result<void>()> close;
};

struct ArchiveListing {
    QString root;             // the crate's folder ("" when the metadata lies at the top)
    QByteArray metadata;      // <root>/ro-crate-metadata.json, whole
    QList<ArchiveFile> files; // every regular file, in archive order
    QStringList outsideRoot;  // files that lie outside the crate's folder (not part of it)
    qint64 totalBytes = 0;    // uncompressed
};

class ElnArchiveReader {
public:
    // Checks one entry name and returns it normalised, or says why it is refused. Public so
    // that the metadata reader holds the crate's ids to the same rules.
    static Result<QString> normalisePath(const QString &name);

    // Reads the whole archive from `device` (open, readable, seekable). progress(done, total)
    // reports bytes of the device consumed; `cancel` stops between pieces.
    static Result<ArchiveListing> read(QIODevice &device, const ArchiveSink &sink,
                                       const ArchiveLimits &limits = {},
                                       const std::function<void(qint64, qint64)> &progress = {},
                                       const std::atomic_bool *cancel = nullptr);
};

} // namespace quire::eln
