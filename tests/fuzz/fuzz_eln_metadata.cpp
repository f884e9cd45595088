// libFuzzer target: the RO-Crate metadata reader (ro-crate-metadata.json of a .eln) on arbitrary
// bytes, and every accessor the import uses, on every entity it produced.

#include "formats/eln/RoCrate.h"

#include <QByteArray>
#include <QStringList>

#include <cstddef>
#include <cstdint>
#include <cstdlib>

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t *data, std::size_t size) {
    const QByteArray bytes =
        QByteArray::fromRawData(reinterpret_cast<const char *>(data), qsizetype(size));
    auto crate = quire::eln::RoCrate::parse(bytes, 64LL * 1024 * 1024);
    if (!crate) {
        if (crate.error().isEmpty()) std::abort(); // a refusal always says why
        return 0;
    }
    const auto &root = crate->root();
    if (crate->find(root.id) != &root && crate->find(root.key) != &root) std::abort();
    (void)crate->publisher();
    (void)crate->conformsTo();
    static const QStringList properties{"name",    "hasPart",     "author",   "creator",
                                        "text",    "description", "keywords", "variableMeasured",
                                        "comment", "mentions",    "sha256",   "dateCreated",
                                        "about"};
    for (const auto &e : crate->entities()) {
        if (e.id.isEmpty()) std::abort();
        for (const auto &p : properties) {
            (void)crate->text(e, p);
            for (const auto *target : crate->refs(e, p))
                if (!target) std::abort();
            (void)crate->unresolved(e, p);
            (void)crate->people(e, p);
            (void)crate->body(e, p);
        }
        (void)crate->keywords(e);
        (void)quire::eln::RoCrate::keyOf(e.id);
    }
    return 0;
}
