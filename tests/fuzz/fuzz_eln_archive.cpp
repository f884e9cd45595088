// libFuzzer target: the .eln (ZIP) archive reader on arbitrary bytes, through libarchive, with
// small caps so that a generated bomb is refused quickly. What reaches the sink must be a
// checked path, and the sizes it is told must add up.

#include "formats/eln/ElnArchiveReader.h"

#include <QBuffer>
#include <QByteArray>

#include <cstddef>
#include <cstdint>
#include <cstdlib>

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t *data, std::size_t size) {
    QByteArray bytes(reinterpret_cast<const char *>(data), qsizetype(size));
    QBuffer device(&bytes);
    device.open(QIODevice::ReadOnly);
    quire::eln::ArchiveLimits limits;
    limits.maxEntries = 1000;
    limits.maxTotalBytes = 16 * 1024 * 1024;
    limits.ratioGraceBytes = 1024 * 1024;
    limits.maxMetadataBytes = 4 * 1024 * 1024;
    qint64 received = 0;
    bool open = false;
    quire::eln::ArchiveSink sink{[&](const quire::eln::ArchiveFile &f) -> quire::Result<void> {
                                     auto again =
                                         quire::eln::ElnArchiveReader::normalisePath(f.path);
                                     if (open || !again || *again != f.path)
                                         std::abort(); // only checked paths arrive
                                     open = true;
                                     return {};
                                 },
                                 [&](const char *, qint64 n) -> quire::Result<void> {
                                     if (!open || n <= 0) std::abort();
                                     received += n;
                                     return {};
                                 },
                                 [&]() -> quire::Result<void> {
                                     open = false;
                                     return {};
                                 }};
    auto listing = quire::eln::ElnArchiveReader::read(device, sink, limits);
    if (listing) {
        qint64 total = 0;
        for (const auto &f : listing->files)
            total += f.size;
        if (total != listing->totalBytes || total != received) std::abort();
        if (listing->totalBytes > limits.maxTotalBytes) std::abort();
    } else if (listing.error().isEmpty()) {
        std::abort();
    }
    return 0;
}
