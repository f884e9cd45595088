#include "pdf/PdfStamp.h"

#include "pdf/PdfUpdate.h"

#include <QBuffer>
#include <QCoreApplication>
#include <QFontMetricsF>
#include <QGuiApplication>
#include <QPageSize>
#include <QPainter>
#include <QPdfWriter>

#include <qpdf/Buffer.hh>
#include <qpdf/QPDFPageDocumentHelper.hh>
#include <qpdf/QPDFPageObjectHelper.hh>
#include <qpdf/QPDFWriter.hh>

namespace quire::pdf {

namespace {

// One overlay page per page, of the same size, holding only the furniture.
Result<QByteArray> renderOverlay(const QList<QSizeF> &sizes, const PageFurniture &f) {
    if (!qobject_cast<QGuiApplication *>(QCoreApplication::instance()))
        return fail(QCoreApplication::translate(
            "quire::storage", "page headers and footers need the graphical application "
                              "(fonts)"));
    QBuffer buffer;
    buffer.open(QIODevice::WriteOnly);
    {
        QPdfWriter writer(&buffer);
        writer.setCreator(QStringLiteral("Quire"));
        writer.setResolution(72);
        writer.setPageMargins(QMarginsF(0, 0, 0, 0));
        writer.setPageSize(
            QPageSize(sizes.first(), QPageSize::Point, QString(), QPageSize::ExactMatch));
        QPainter painter(&writer);
        if (!painter.isActive())
            return fail(
                QCoreApplication::translate("quire::storage", "could not draw the page headers"));
        QFont font(QStringLiteral("DejaVu Sans"));
        font.setStyleHint(QFont::SansSerif);
        font.setPointSizeF(7.5);
        const QFontMetricsF metrics(font);
        for (qsizetype i = 0; i < sizes.size(); ++i) {
            if (i > 0) {
                writer.setPageSize(
                    QPageSize(sizes[i], QPageSize::Point, QString(), QPageSize::ExactMatch));
                writer.newPage();
            }
            const QSizeF size = sizes[i];
            const double m = f.marginPoints + 14; // the page's side margin
            const double half = (size.width() - 2 * m) / 2 - 6;
            painter.setFont(font);
            painter.setPen(QColor(80, 80, 80));
            const double top = f.marginPoints + metrics.ascent();
            const double bottom = size.height() - f.marginPoints - metrics.descent();
            auto left = [&](const QString &text, double y) {
                painter.drawText(QPointF(m, y), metrics.elidedText(text, Qt::ElideRight, half));
            };
            auto right = [&](const QString &text, double y) {
                const QString t = metrics.elidedText(text, Qt::ElideLeft, half);
                painter.drawText(QPointF(size.width() - m - metrics.horizontalAdvance(t), y), t);
            };
            left(f.headerLeft, top);
            right(f.headerRight, top);
            left(f.footerLeft, bottom);
            right(f.pageFormat.arg(i + 1).arg(sizes.size()), bottom);
            painter.setPen(QPen(QColor(170, 170, 170), 0.5));
            painter.drawLine(QPointF(m, top + metrics.descent() + 3),
                             QPointF(size.width() - m, top + metrics.descent() + 3));
            painter.drawLine(QPointF(m, bottom - metrics.ascent() - 3),
                             QPointF(size.width() - m, bottom - metrics.ascent() - 3));
        }
    }
    return buffer.data();
}

} // namespace

Result<int> pageCount(const QByteArray &pdf) {
    auto opened = openPdf(pdf, QStringLiteral("printout"));
    if (!opened) return opened.failure();
    return guarded(QStringLiteral("cannot count the pages"), [&]() -> Result<int> {
        return int(QPDFPageDocumentHelper(**opened).getAllPages().size());
    });
}

Result<QByteArray> addPageFurniture(const QByteArray &pdf, const PageFurniture &furniture) {
    auto opened = openPdf(pdf, QStringLiteral("printout"));
    if (!opened) return opened.failure();
    QPDF &qpdf = **opened;
    return guarded(QStringLiteral("cannot add page headers"), [&]() -> Result<QByteArray> {
        auto pages = QPDFPageDocumentHelper(qpdf).getAllPages();
        if (pages.empty())
            return fail(QCoreApplication::translate("quire::storage", "the printout has no pages"));
        QList<QSizeF> sizes;
        for (auto &page : pages) {
            const auto box = page.getMediaBox().getArrayAsRectangle();
            sizes << QSizeF(box.urx - box.llx, box.ury - box.lly);
        }
        auto overlayBytes = renderOverlay(sizes, furniture);
        if (!overlayBytes) return overlayBytes.failure();
        auto overlay = openPdf(*overlayBytes, QStringLiteral("page headers"));
        if (!overlay) return overlay.failure();
        auto overlayPages = QPDFPageDocumentHelper(**overlay).getAllPages();
        if (overlayPages.size() != pages.size())
            return fail(QCoreApplication::translate(
                            "quire::storage", "the page headers came out with %1 pages for %2")
                            .arg(overlayPages.size())
                            .arg(pages.size()));
        for (size_t i = 0; i < pages.size(); ++i) {
            QPDFPageObjectHelper &page = pages[i];
            QPDFObjectHandle form = qpdf.copyForeignObject(
                QPDFPageObjectHelper(overlayPages[i]).getFormXObjectForPage());
            QPDFObjectHandle resources = page.getObjectHandle().getKey("/Resources");
            if (!resources.isDictionary()) {
                resources = QPDFObjectHandle::newDictionary();
                page.getObjectHandle().replaceKey("/Resources", resources);
            }
            QPDFObjectHandle xobjects = resources.getKey("/XObject");
            if (!xobjects.isDictionary()) {
                xobjects = QPDFObjectHandle::newDictionary();
                resources.replaceKey("/XObject", xobjects);
            }
            std::string name = "/QuireFurniture";
            while (xobjects.hasKey(name))
                name += "X";
            xobjects.replaceKey(name, form);
            const auto box = page.getMediaBox().getArrayAsRectangle();
            const std::string place = page.placeFormXObject(form, name, box);
            // The page's own content is wrapped in q/Q, so that whatever state it leaves
            // behind does not move or clip the furniture.
            page.addPageContents(QPDFObjectHandle::newStream(&qpdf, "q\n"), true);
            page.addPageContents(QPDFObjectHandle::newStream(&qpdf, "\nQ\n" + place + "\n"), false);
        }
        QPDFWriter writer(qpdf);
        writer.setOutputMemory();
        writer.setStaticID(false);
        writer.write();
        auto buffer = writer.getBufferSharedPointer();
        return QByteArray(reinterpret_cast<const char *>(buffer->getBuffer()),
                          qsizetype(buffer->getSize()));
    });
}

} // namespace quire::pdf
