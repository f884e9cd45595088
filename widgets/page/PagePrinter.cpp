#include "page/PagePrinter.h"

#include "page/SchemeHandlers.h"
#include "page/UrlSecurity.h"
#include "page/WebProfile.h"

#include <QEventLoop>
#include <QMarginsF>
#include <QPageLayout>
#include <QPageSize>
#include <QPointer>
#include <QTimer>
#include <QWebEnginePage>
#include <QWebEngineProfile>

#include <memory>

namespace quire::widgets {

namespace {

// Links in the page are printed, never followed; nothing else may navigate it.
class PrintPage : public QWebEnginePage {
public:
    using QWebEnginePage::QWebEnginePage;

protected:
    bool acceptNavigationRequest(const QUrl &url, NavigationType, bool isMainFrame) override {
        return isMainFrame && url.scheme() == QLatin1String(kPageScheme);
    }
    void javaScriptConsoleMessage(JavaScriptConsoleMessageLevel, const QString &, int,
                                  const QString &) override {}
};

} // namespace

PrintFunction PagePrinter::printFunction(Notebook *notebook) {
    return [notebook](const PrintJob &job) { return print(notebook, job); };
}

Result<QByteArray> PagePrinter::print(Notebook *notebook, const PrintJob &job, QList<QUrl> *blocked,
                                      int timeoutMs) {
    QObject owner;
    const LockedDownProfile locked = makeLockedDownProfile(&owner, PageScript::None);
    locked.attachments->setNotebook(notebook);
    auto *pageHandler = new PageSchemeHandler(&owner);
    pageHandler->setDocument(job.html.toUtf8());
    locked.profile->installUrlSchemeHandler(kPageScheme, pageHandler);
    // The page dies before its profile (the engine insists).
    auto page = std::make_unique<PrintPage>(locked.profile);

    QEventLoop loop;
    bool loaded = false;
    bool timedOut = false;
    QByteArray pdf;
    QObject::connect(page.get(), &QWebEnginePage::loadFinished, &loop, [&](bool ok) {
        loaded = ok;
        loop.quit();
    });
    QTimer timer;
    timer.setSingleShot(true);
    QObject::connect(&timer, &QTimer::timeout, &loop, [&] {
        timedOut = true;
        loop.quit();
    });
    timer.start(timeoutMs);
    page->load(QUrl(QStringLiteral("%1://notebook/export").arg(QLatin1String(kPageScheme))));
    loop.exec();
    if (timedOut) return fail(QStringLiteral("the page did not finish loading for printing"));
    if (!loaded) return fail(QStringLiteral("the page could not be loaded for printing"));

    const QPageSize size(job.paper == QLatin1String("letter") ? QPageSize::Letter : QPageSize::A4);
    // The top and bottom margins leave room for the header and footer stamped afterwards.
    const QPageLayout layout(size, QPageLayout::Portrait, QMarginsF(16, 20, 16, 20),
                             QPageLayout::Millimeter);
    bool printed = false;
    page->printToPdf(
        [&](const QByteArray &bytes) {
            pdf = bytes;
            printed = true;
            loop.quit();
        },
        layout);
    if (!printed) loop.exec();
    if (blocked) *blocked = locked.interceptor->blockedUrls();
    page.reset();
    if (timedOut) return fail(QStringLiteral("printing the page took too long"));
    if (pdf.isEmpty()) return fail(QStringLiteral("QtWebEngine could not print the page"));
    return pdf;
}

} // namespace quire::widgets
