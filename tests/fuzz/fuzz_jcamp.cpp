// libFuzzer target: the JCAMP-DX reader on arbitrary bytes.

#include "formats/Jcamp.h"
#include "FuzzChecks.h"

#include <QByteArray>

#include <cstddef>
#include <cstdint>

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t *data, std::size_t size) {
    // fromRawData: no copy and no terminating NUL, so a read past the end is caught.
    const QByteArray bytes =
        QByteArray::fromRawData(reinterpret_cast<const char *>(data), qsizetype(size));
    (void)quire::formats::looksLikeJcamp(bytes);
    const auto result = quire::formats::readJcamp(bytes);
    if (result) quire::fuzz::checkDataset(*result);
    return 0;
}
