// libFuzzer target: the delimited-text (CSV, TSV, XY) reader on arbitrary bytes.

#include "formats/DelimitedText.h"
#include "FuzzChecks.h"

#include <QByteArray>

#include <cstddef>
#include <cstdint>

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t *data, std::size_t size) {
    const QByteArray bytes =
        QByteArray::fromRawData(reinterpret_cast<const char *>(data), qsizetype(size));
    (void)quire::formats::looksLikeDelimitedText(bytes);
    const auto result = quire::formats::readDelimitedText(bytes);
    if (result) quire::fuzz::checkDataset(*result);
    return 0;
}
