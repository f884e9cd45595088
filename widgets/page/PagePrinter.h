#pragma once
// PagePrinter: prints an export page (model/export/ExportHtml) to PDF with QtWebEngine, under
// the same rules as the notebook page: a locked-down, off-the-record profile, no script in the
// page, every request outside Quire's schemes refused, images served from the unlocked
// notebook. It needs a QGuiApplication (QT_QPA_PLATFORM=offscreen does for quire-cli) and
// registerUrlSchemes() before it; it runs its own event loop until the PDF is there.

#include "export/PdfExport.h"
#include "Notebook.h"

#include <QByteArray>
#include <QList>
#include <QUrl>

#include <atomic>

namespace quire::widgets {

class PagePrinter {
public:
    // The PrintFunction the model's PdfExport takes; `notebook` serves the images.
    static PrintFunction printFunction(Notebook *notebook);
    // `cancel`, when given, is looked at every 50 ms while the engine works; once set, the
    // page is dropped and print() fails with kCancelled.
    static Result<QByteArray> print(Notebook *notebook, const PrintJob &job,
                                    QList<QUrl> *blocked = nullptr, int timeoutMs = 120000,
                                    const std::atomic_bool *cancel = nullptr);
    static constexpr const char *kCancelled = "printing was cancelled";
};

} // namespace quire::widgets
