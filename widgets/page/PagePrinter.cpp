#include "page/PagePrinter.h"

#include "page/SchemeHandlers.h"
#include "page/UrlSecurity.h"
#include "page/WebProfile.h"

#include <QEventLoop>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QMarginsF>
#include <QPageLayout>
#include <QPageSize>
#include <QPointer>
#include <QRegularExpression>
#include <QTimer>
#include <QWebEnginePage>
#include <QWebEngineProfile>
#include <QWebEngineScript>

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

QByteArray resource(const QString &path) {
    QFile f(path);
    return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
}

// KaTeX's style sheet with its woff2 fonts inlined as data: URLs (the page's policy allows
// fonts from data: only), and KaTeX itself, run in the isolated world over every formula
// (FORMAT.md §6: span.math with data-tex). A formula KaTeX cannot read keeps its TeX text.
QString typesetScript() {
    QString css = QString::fromUtf8(resource(QStringLiteral(":/editor/katex.min.css")));
    static const QRegularExpression font(
        QStringLiteral(R"(url\(fonts/(KaTeX_[A-Za-z0-9-]+)\.woff2\))"));
    QString inlined;
    qsizetype at = 0;
    auto it = font.globalMatch(css);
    while (it.hasNext()) {
        const auto m = it.next();
        const QByteArray bytes =
            resource(QStringLiteral(":/editor/fonts/%1.woff2").arg(m.captured(1)));
        inlined +=
            css.mid(at, m.capturedStart() - at) + QStringLiteral("url(data:font/woff2;base64,%1)")
                                                      .arg(QString::fromLatin1(bytes.toBase64()));
        at = m.capturedEnd();
    }
    inlined += css.mid(at);
    const QByteArray cssLiteral = QJsonDocument(QJsonArray{inlined}).toJson(QJsonDocument::Compact);
    return QString::fromUtf8(resource(QStringLiteral(":/editor/katex.min.js"))) +
           QStringLiteral(R"js(;
(function () {
  var style = document.createElement('style');
  style.textContent = %1[0];
  document.head.appendChild(style);
  var done = 0;
  document.querySelectorAll('span.math[data-tex]').forEach(function (span) {
    try {
      katex.render(span.getAttribute('data-tex'), span, {throwOnError: false});
      ++done;
    } catch (e) {}
  });
  return done;
})())js")
               .arg(QString::fromUtf8(cssLiteral));
}

} // namespace

PrintFunction PagePrinter::printFunction(Notebook *notebook) {
    return [notebook](const PrintJob &job) { return print(notebook, job); };
}

Result<QByteArray> PagePrinter::print(Notebook *notebook, const PrintJob &job, QList<QUrl> *blocked,
                                      int timeoutMs, const std::atomic_bool *cancel) {
    if (cancel && *cancel) return fail(QString::fromLatin1(kCancelled));
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
    bool cancelled = false;
    QTimer cancelPoll;
    if (cancel) {
        QObject::connect(&cancelPoll, &QTimer::timeout, &loop, [&] {
            if (!*cancel) return;
            cancelled = true;
            loop.quit();
        });
        cancelPoll.start(50);
    }
    page->load(QUrl(QStringLiteral("%1://notebook/export").arg(QLatin1String(kPageScheme))));
    loop.exec();
    // The page goes before the locals its callbacks refer to.
    auto stop = [&](const QString &message) -> Result<QByteArray> {
        page.reset();
        return fail(message);
    };
    if (cancelled) return stop(QString::fromLatin1(kCancelled));
    if (timedOut) return stop(QStringLiteral("the page did not finish loading for printing"));
    if (!loaded) return stop(QStringLiteral("the page could not be loaded for printing"));

    if (job.html.contains(QLatin1String("class=\"math\""))) {
        // Typeset the formulas, then wait (a few seconds at most) for KaTeX's fonts.
        bool typeset = false;
        page->runJavaScript(typesetScript(), QWebEngineScript::ApplicationWorld,
                            [&](const QVariant &) {
                                typeset = true;
                                loop.quit();
                            });
        if (!typeset) loop.exec();
        for (int i = 0; i < 50 && !timedOut && !cancelled; ++i) {
            bool answered = false, loaded = false;
            page->runJavaScript(QStringLiteral("document.fonts.status"),
                                QWebEngineScript::ApplicationWorld, [&](const QVariant &v) {
                                    answered = true;
                                    loaded = v.toString() == QLatin1String("loaded");
                                    loop.quit();
                                });
            if (!answered) loop.exec();
            if (loaded) break;
            QTimer::singleShot(100, &loop, &QEventLoop::quit);
            loop.exec();
        }
    }

    const QPageSize size(job.paper == QLatin1String("letter") ? QPageSize::Letter : QPageSize::A4);
    // The top and bottom margins leave room for the header and footer stamped afterwards.
    const QPageLayout layout(size, QPageLayout::Portrait, QMarginsF(16, 20, 16, 20),
                             QPageLayout::Millimeter);
    if (cancelled) return stop(QString::fromLatin1(kCancelled));
    // Chromium cannot drop a page while it prints it: a Cancel from now on waits for the PDF,
    // which is then thrown away.
    bool printed = false;
    page->printToPdf(
        [&](const QByteArray &bytes) {
            pdf = bytes;
            printed = true;
            loop.quit();
        },
        layout);
    while (!printed && !timedOut)
        loop.exec();
    if (blocked) *blocked = locked.interceptor->blockedUrls();
    page.reset();
    if (cancelled) return fail(QString::fromLatin1(kCancelled));
    if (timedOut) return fail(QStringLiteral("printing the page took too long"));
    if (pdf.isEmpty()) return fail(QStringLiteral("QtWebEngine could not print the page"));
    return pdf;
}

} // namespace quire::widgets
