// libFuzzer target: the registry (sniffing, then whichever reader it picks) and decimation of
// what was read, as the notebook will call them. The first byte picks the file name's
// extension and the plot's width, so the extension hint is fuzzed too.

#include "formats/Readers.h"
#include "FuzzChecks.h"

#include <QByteArray>
#include <QString>

#include <cstddef>
#include <cstdint>

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t *data, std::size_t size) {
    if (size == 0) return 0;
    static const char *const names[] = {"data.csv", "spectrum.jdx", "spectrum.dx", "run.txt",
                                        "plot.tsv", "noext",        "a.jcamp",     "b.xy"};
    const QString name = QString::fromLatin1(names[data[0] % 8]);
    const int pixels = 1 + (data[0] >> 3) * 40;
    const QByteArray bytes =
        QByteArray::fromRawData(reinterpret_cast<const char *>(data + 1), qsizetype(size - 1));
    (void)quire::formats::sniff(bytes, name);
    const auto result = quire::formats::readDataset(bytes, name);
    if (result) {
        quire::fuzz::checkDataset(*result);
        quire::fuzz::decimateAll(*result, pixels);
    } else {
        quire::fuzz::check(!result.error().isEmpty(), "a failed read says why");
    }
    return 0;
}
