#pragma once
// PdfStamp: the running header and footer of a printout ("page X of Y", the export's id),
// drawn onto every page after Chromium printed it, because QtWebEngine's printToPdf has no
// header or footer of its own and the number of pages is only known once it has printed. The
// text is drawn with QPdfWriter (fonts embedded as subsets), so this needs a QGuiApplication.

#include "Result.h"

#include <QByteArray>
#include <QString>

namespace quire::pdf {

struct PageFurniture {
    QString headerLeft;  // e.g. the experiment's title
    QString headerRight; // e.g. the notebook
    QString footerLeft;  // e.g. "Export <id>"
    // The right of the footer; %1 is the page number and %2 the number of pages.
    QString pageFormat = QStringLiteral("page %1 of %2");
    double marginPoints = 22; // distance of the text's outer edge from the page's edge
};

// A new, complete file with the furniture on every page (written by qpdf).
Result<QByteArray> addPageFurniture(const QByteArray &pdf, const PageFurniture &furniture);

// The number of pages.
Result<int> pageCount(const QByteArray &pdf);

} // namespace quire::pdf
