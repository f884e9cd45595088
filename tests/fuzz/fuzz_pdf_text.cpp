// libFuzzer target: the text of a PDF for search (storage/preview/PdfText), as the notebook reads
// an attached PDF that came from anyone. Poppler itself is Debian's build, not instrumented: what
// this finds is a crash, a hang or an unbounded read through our use of it, and a failure without
// a reason. The seeds are PDFs of the test suite.

#include "FuzzChecks.h"
#include "preview/PdfText.h"

#include <QByteArray>
#include <QGuiApplication>

#include <cstddef>
#include <cstdint>

extern "C" int LLVMFuzzerInitialize(int *argc, char ***argv) {
    // Poppler's Qt front end draws nothing here, but its fonts want an application.
    qputenv("QT_QPA_PLATFORM", "offscreen");
    static QGuiApplication app(*argc, *argv);
    return 0;
}

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t *data, std::size_t size) {
    const QByteArray bytes =
        QByteArray::fromRawData(reinterpret_cast<const char *>(data), qsizetype(size));
    quire::preview::PdfTextLimits limits;
    limits.maxPages = 50;
    limits.maxChars = 200000;
    const auto text = quire::preview::pdfText(bytes, limits);
    if (text) {
        quire::fuzz::check(text->pagesRead <= text->pages, "no more pages read than there are");
        quire::fuzz::check(text->text.size() <= limits.maxChars, "the text stays within its cap");
    } else {
        quire::fuzz::check(!text.error().isEmpty(), "a failed read says why");
    }
    return 0;
}
