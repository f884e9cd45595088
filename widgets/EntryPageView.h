#pragma once
// EntryPageView: a read-only web view for generated notebook pages. It has its own
// off-the-record profile (nothing cached on disk), no script, no plug-ins, and loads only
// from Quire's schemes; links to the web open in the user's browser, never inside.

#include <QWebEnginePage>
#include <QWebEngineView>

namespace quire {
class Notebook;
}

namespace quire::widgets {

class AttachmentSchemeHandler;
class PageSchemeHandler;
class RequestInterceptor;

class EntryPage : public QWebEnginePage {
    Q_OBJECT
public:
    using QWebEnginePage::QWebEnginePage;

signals:
    void externalLinkActivated(const QUrl &url);

protected:
    bool acceptNavigationRequest(const QUrl &url, NavigationType type, bool isMainFrame) override;
    void javaScriptConsoleMessage(JavaScriptConsoleMessageLevel, const QString &, int,
                                  const QString &) override {}
};

class EntryPageView : public QWebEngineView {
    Q_OBJECT
public:
    explicit EntryPageView(QWidget *parent = nullptr);
    ~EntryPageView() override;

    void setNotebook(Notebook *notebook);
    // Shows a generated document; `anchor` (an element id) is scrolled into view.
    void showDocument(const QString &html, const QString &anchor = {});
    // Forgets the shown document and anything the engine kept of it (used when locking).
    void clearDocument();

    RequestInterceptor *interceptor() const { return m_interceptor; }

signals:
    void externalLinkActivated(const QUrl &url);

protected:
    void contextMenuEvent(QContextMenuEvent *event) override;

private:
    QWebEngineProfile *m_profile = nullptr;
    EntryPage *m_page = nullptr;
    RequestInterceptor *m_interceptor = nullptr;
    PageSchemeHandler *m_pageHandler = nullptr;
    AttachmentSchemeHandler *m_attachmentHandler = nullptr;
    quint64 m_generation = 0;
};

} // namespace quire::widgets
