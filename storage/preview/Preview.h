#pragma once
// storage/preview/: pictures of attachments for the attachment panel, made in memory from bytes.
// Poppler stays in the .cpp file.

// Preview: small pictures of attachments for the attachment panel — an image decoded and
// scaled, or a PDF page rendered by Poppler. Everything happens in memory; nothing is written.

#include "Result.h"

#include <QByteArray>
#include <QImage>
#include <QString>

namespace quire::preview {

// Whether a preview can be made for this media type.
bool canPreview(const QString &mediaType);
// A picture of `bytes` no wider or taller than `maxSide` pixels: the image itself, or page
// `page` (0-based) of a PDF. PDFs are rendered without running their scripts or forms.
Result<QImage> render(const QByteArray &bytes, const QString &mediaType, int maxSide, int page = 0);
// The number of pages of a PDF.
Result<int> pdfPageCount(const QByteArray &pdf);

} // namespace quire::preview
