// libFuzzer target: the offer file that carries a member to another computer (issue 16,
// storage/sync/DeviceOffer), read as the joining side reads it: its header, the count of wrong
// codes written back, and opening it with a code. A refusal is fine; a crash, a sanitizer report
// or a hang is not, and no input may open without the code it was sealed with (the fuzzer never
// has a sealed offer's code, so any success is a failure).

#include "sync/DeviceOffer.h"

#include "records/CanonicalJson.h"

#include <QByteArray>
#include <QDateTime>
#include <QJsonObject>

#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <cstdlib>

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t *data, std::size_t size) {
    const QByteArray file(reinterpret_cast<const char *>(data), qsizetype(size));
    auto header = quire::deviceoffer::readHeader(file);
    if (!header) return 0;
    (void)quire::deviceoffer::withWrongCodes(file, header->wrongCodes + 1);
    // scrypt at an offer's real cost would make every input slow: only cheap ones are opened.
    auto object = quire::json::parseObject(file);
    if (!object || object->value("kdf").toObject().value("n").toInteger() > 4096) return 0;
    auto opened = quire::deviceoffer::open(file, QStringLiteral("0000-0000-0000-0000-0000-0000"),
                                           QDateTime::fromSecsSinceEpoch(0));
    if (opened) {
        std::fprintf(stderr, "fuzz check failed: an offer opened with a code nobody sealed\n");
        std::abort();
    }
    return 0;
}
