#pragma once
// page/: the notebook page. An experiment's entries become one self-contained HTML page
// (EntryPageRenderer), shown in a locked-down web view (EntryPageView) that loads only from
// Quire's own schemes (SchemeHandlers); UrlSecurity holds the rules for what any of Quire's web
// views may load, and WebProfile gives each its engine profile.
//
// EntryPageView: a read-only web view for generated notebook pages. It has its own
// off-the-record profile (nothing cached on disk), no script from content, no plug-ins, and
// loads only from Quire's schemes; links to the web open in the user's browser, never inside.
//
// The first page is loaded as a document; later pages replace that document's title, language
// and body in place, by a few lines of Quire's own script run in an isolated world
// (QWebEngineScript::ApplicationWorld) that page content can neither see nor reach. JavaScript
// stays off in the page's own world, so nothing in an entry ever runs. A new document costs
// Chromium a navigation (some 80 ms here); the swap costs the layout alone.

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
    // Shows a generated document; `anchor` (an element id) is scrolled into view and marked.
    // documentShown() follows once it is in place.
    void showDocument(const QString &html, const QString &anchor = {});
    // Gives the shown document's address this fragment (none when empty) without a navigation:
    // nothing scrolls, and no entry is added to the page's history.
    void setFragment(const QString &fragment);
    // Forgets the shown document and anything the engine kept of it (used when locking).
    void clearDocument();

    RequestInterceptor *interceptor() const { return m_interceptor; }
    // How many documents were shown by replacing the one in place, not by loading one.
    int swapCount() const { return m_swaps; }

signals:
    void externalLinkActivated(const QUrl &url);
    // The document given to showDocument() is on the page (loaded, or swapped in).
    void documentShown(bool ok);

protected:
    void contextMenuEvent(QContextMenuEvent *event) override;

private:
    void loadDocument(const QString &anchor);
    void swapDocument(const QString &html, const QString &anchor);

    QWebEngineProfile *m_profile = nullptr;
    EntryPage *m_page = nullptr;
    RequestInterceptor *m_interceptor = nullptr;
    PageSchemeHandler *m_pageHandler = nullptr;
    AttachmentSchemeHandler *m_attachmentHandler = nullptr;
    quint64 m_generation = 0;
    quint64 m_reloadedGeneration = 0; // the document last loaded again after a renderer died
    // A document of ours is loaded and can take the next one in place.
    bool m_inPlace = false;
    bool m_loading = false;
    int m_swaps = 0;
};

} // namespace quire::widgets
