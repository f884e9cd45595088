// libFuzzer target (issue 17): the two files a recovery reads from outside — the recovery file
// on the shared server (storage/sync/RecoveryKit: its header, then opening it with a code) and
// a backup archive (storage/vault/BackupArchive: every entry checked, nothing extracted). The
// first byte chooses which. A refusal is fine; a crash, a sanitizer report or a hang is not; no
// recovery file may open without its code, and no archive with an entry out of place may pass.

#include "sync/RecoveryKit.h"
#include "vault/BackupArchive.h"

#include "records/CanonicalJson.h"

#include <QByteArray>
#include <QJsonObject>

#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <cstdlib>

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t *data, std::size_t size) {
    if (size < 1) return 0;
    const QByteArray bytes(reinterpret_cast<const char *>(data) + 1, qsizetype(size - 1));
    if (data[0] & 1) {
        auto listing = quire::backuparchive::inspectBytes(bytes);
        if (!listing) return 0;
        for (const QString &file : listing->files)
            if (!quire::backuparchive::entryProblem(file, true, false).isEmpty()) {
                std::fprintf(stderr, "fuzz check failed: an archive entry out of place passed\n");
                std::abort();
            }
        return 0;
    }
    auto header = quire::recoverykit::readHeader(bytes);
    if (!header) return 0;
    // scrypt at a real cost would make every input slow: only cheap ones are opened.
    auto object = quire::json::parseObject(bytes);
    if (!object || object->value("kdf").toObject().value("n").toInteger() > 4096) return 0;
    const QString code = quire::recoverykit::displayCode(QStringLiteral("0").repeated(28));
    if (quire::recoverykit::open(bytes, code)) {
        std::fprintf(stderr, "fuzz check failed: a recovery file opened with a code nobody "
                             "sealed\n");
        std::abort();
    }
    return 0;
}
