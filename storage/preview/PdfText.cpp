#include "preview/PdfText.h"

#include <poppler-qt6.h>

#include <memory>
#include <mutex>

#include <QCoreApplication>

namespace quire::preview {

namespace {
// Poppler reports every oddity of a damaged file on standard error; what matters reaches the
// caller as a failure, so its chatter is dropped (once, for the whole process).
void quietPoppler() {
    static std::once_flag once;
    std::call_once(
        once, [] { Poppler::setDebugErrorFunction([](const QString &, const QVariant &) {}, {}); });
}
} // namespace

Result<PdfText> pdfText(const QByteArray &pdf, const PdfTextLimits &limits,
                        const std::atomic_bool *cancel) {
    quietPoppler();
    if (pdf.size() > limits.maxBytes)
        return fail(
            QCoreApplication::translate(
                "quire::storage", "the PDF is too large to read its text (%1 MiB; at most %2 MiB)")
                .arg(pdf.size() / (1024 * 1024))
                .arg(limits.maxBytes / (1024 * 1024)));
    if (!pdf.startsWith("%PDF-") && !pdf.left(1024).contains("%PDF-"))
        return fail(QCoreApplication::translate("quire::storage", "the file is not a PDF"));
    std::unique_ptr<Poppler::Document> doc = Poppler::Document::loadFromData(pdf);
    if (!doc)
        return fail(
            QCoreApplication::translate("quire::storage", "the PDF is damaged and cannot be read"));
    if (doc->isLocked())
        return fail(QCoreApplication::translate(
            "quire::storage", "the PDF is protected by a password, so its text cannot be read"));
    PdfText out;
    out.pages = doc->numPages();
    if (out.pages <= 0)
        return fail(QCoreApplication::translate("quire::storage", "the PDF has no pages"));
    const int pages = std::min(out.pages, limits.maxPages);
    for (int i = 0; i < pages; ++i) {
        if (cancel && cancel->load()) return fail(QStringLiteral("cancelled"));
        std::unique_ptr<Poppler::Page> page = doc->page(i);
        if (!page) continue; // a broken page does not hide the others' words
        QString text = page->text(QRectF());
        if (out.text.size() + text.size() + 1 > limits.maxChars) {
            out.text += text.left(std::max<qsizetype>(0, limits.maxChars - out.text.size()));
            out.pagesRead = i + 1;
            out.truncated = true;
            return out;
        }
        if (i > 0) out.text += QLatin1Char('\f');
        out.text += text;
        out.pagesRead = i + 1;
    }
    out.truncated = pages < out.pages;
    return out;
}

} // namespace quire::preview
