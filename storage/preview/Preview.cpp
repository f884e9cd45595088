#include "preview/Preview.h"

#include <QBuffer>
#include <QCoreApplication>
#include <QImageReader>

#include <poppler-qt6.h>

#include <memory>

namespace quire::preview {

namespace {
constexpr int kMaxPixels = 40 * 1000 * 1000; // a decompression bomb is refused, not allocated

Result<std::unique_ptr<Poppler::Document>> openPdf(const QByteArray &pdf) {
    std::unique_ptr<Poppler::Document> doc = Poppler::Document::loadFromData(pdf);
    if (!doc) return fail(QCoreApplication::translate("quire::storage", "the PDF cannot be read"));
    if (doc->isLocked())
        return fail(
            QCoreApplication::translate("quire::storage", "the PDF is protected by a password"));
    return doc;
}
} // namespace

bool canPreview(const QString &mediaType) {
    return mediaType == QLatin1String("application/pdf") ||
           mediaType == QLatin1String("image/png") || mediaType == QLatin1String("image/jpeg") ||
           mediaType == QLatin1String("image/gif") || mediaType == QLatin1String("image/bmp") ||
           mediaType == QLatin1String("image/webp");
}

Result<int> pdfPageCount(const QByteArray &pdf) {
    auto doc = openPdf(pdf);
    if (!doc) return doc.failure();
    return (*doc)->numPages();
}

Result<QImage> render(const QByteArray &bytes, const QString &mediaType, int maxSide, int page) {
    if (maxSide < 16) maxSide = 16;
    if (mediaType == QLatin1String("application/pdf")) {
        auto doc = openPdf(bytes);
        if (!doc) return doc.failure();
        if (page < 0 || page >= (*doc)->numPages())
            return fail(QCoreApplication::translate("quire::storage", "the PDF has no page %1")
                            .arg(page + 1));
        (*doc)->setRenderHint(Poppler::Document::Antialiasing);
        (*doc)->setRenderHint(Poppler::Document::TextAntialiasing);
        std::unique_ptr<Poppler::Page> p = (*doc)->page(page);
        if (!p)
            return fail(
                QCoreApplication::translate("quire::storage", "page %1 of the PDF cannot be read")
                    .arg(page + 1));
        const QSizeF points = p->pageSizeF(); // 1/72 inch
        const double longest = std::max(points.width(), points.height());
        if (longest <= 0)
            return fail(QCoreApplication::translate("quire::storage", "page %1 of the PDF is empty")
                            .arg(page + 1));
        const double dpi = 72.0 * maxSide / longest;
        QImage image = p->renderToImage(dpi, dpi);
        if (image.isNull())
            return fail(QCoreApplication::translate("quire::storage",
                                                    "page %1 of the PDF could not be drawn")
                            .arg(page + 1));
        return image;
    }
    if (!canPreview(mediaType))
        return fail(QCoreApplication::translate("quire::storage", "no preview for %1 files")
                        .arg(mediaType));
    QBuffer buffer;
    buffer.setData(bytes);
    buffer.open(QIODevice::ReadOnly);
    QImageReader reader(&buffer);
    const QSize size = reader.size();
    if (!size.isValid())
        return fail(QCoreApplication::translate("quire::storage", "the image cannot be read"));
    if (qint64(size.width()) * size.height() > kMaxPixels)
        return fail(QCoreApplication::translate(
                        "quire::storage", "the image is too large to preview (%1 × %2 pixels)")
                        .arg(size.width())
                        .arg(size.height()));
    if (size.width() > maxSide || size.height() > maxSide)
        reader.setScaledSize(size.scaled(maxSide, maxSide, Qt::KeepAspectRatio));
    QImage image = reader.read();
    if (image.isNull())
        return fail(QCoreApplication::translate("quire::storage", "the image cannot be read: %1")
                        .arg(reader.errorString()));
    return image;
}

} // namespace quire::preview
