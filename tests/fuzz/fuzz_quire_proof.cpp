// libFuzzer target: QuireProof (model/exchange), the check of the quire/ folder a .eln file
// carries, on files of any content and any name. The input is a list of files, each
// [name length: 1 byte][name][content length: 2 bytes, big-endian][content]. A report of
// failures is fine; a crash, a sanitizer report or a hang is not, and a report must never say
// "verified" for an item of a crate that has no certificate authority in it.

#include "exchange/QuireProof.h"

#include <QByteArray>
#include <QMap>
#include <QString>

#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <cstdlib>

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t *data, std::size_t size) {
    QMap<QString, QByteArray> files;
    std::size_t at = 0;
    while (at < size) {
        const std::size_t nameLength = data[at++];
        if (at + nameLength + 2 > size) break;
        const QString name =
            QString::fromUtf8(reinterpret_cast<const char *>(data + at), qsizetype(nameLength));
        at += nameLength;
        const std::size_t length = (std::size_t(data[at]) << 8) | data[at + 1];
        at += 2;
        const std::size_t take = std::min(length, size - at);
        files.insert(name, QByteArray(reinterpret_cast<const char *>(data + at), qsizetype(take)));
        at += take;
    }
    const quire::ProofReport report = quire::verifyQuireProof(files);
    int verified = 0;
    for (const quire::ProofItem &item : report.items) {
        if (!item.verified) continue;
        ++verified;
        // A record, signature or time-stamp holds only by a certificate authority's say.
        if ((item.kind == QLatin1String("record") || item.kind == QLatin1String("signature")) &&
            report.caSha256.isEmpty()) {
            std::fprintf(stderr, "fuzz check failed: verified without a certificate authority\n");
            std::abort();
        }
    }
    if (report.ok() != (report.present && verified == int(report.items.size()))) std::abort();
    return 0;
}
