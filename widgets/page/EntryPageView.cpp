#include "page/EntryPageView.h"

#include "page/SchemeHandlers.h"
#include "page/UrlSecurity.h"
#include "page/WebProfile.h"

#include <QContextMenuEvent>
#include <QJsonArray>
#include <QJsonDocument>
#include <QMenu>
#include <QWebEngineProfile>
#include <QWebEngineScript>

namespace quire::widgets {

bool EntryPage::acceptNavigationRequest(const QUrl &url, NavigationType type, bool isMainFrame) {
    if (!isMainFrame) return false; // pages have no frames of their own
    if (type == NavigationTypeTyped && url == QUrl(QStringLiteral("about:blank"))) return true;
    if (url.scheme() == QLatin1String(kPageScheme)) {
        // Our own loads arrive as "typed"; a click may only move within the same document
        // (a link to an entry's anchor), never to another page of ours.
        if (type != NavigationTypeLinkClicked) return true;
        return url.adjusted(QUrl::RemoveFragment) == this->url().adjusted(QUrl::RemoveFragment);
    }
    if (type == NavigationTypeLinkClicked) {
        const QString scheme = url.scheme();
        if (scheme == QLatin1String("https") || scheme == QLatin1String("http") ||
            scheme == QLatin1String("mailto"))
            emit externalLinkActivated(url);
    }
    return false;
}

EntryPageView::EntryPageView(QWidget *parent)
    : QWebEngineView(parent) {
    const LockedDownProfile locked = makeLockedDownProfile(this, PageScript::None);
    m_profile = locked.profile;
    m_interceptor = locked.interceptor;
    m_attachmentHandler = locked.attachments;
    m_pageHandler = new PageSchemeHandler(this);
    m_profile->installUrlSchemeHandler(kPageScheme, m_pageHandler);

    m_page = new EntryPage(m_profile, this);
    connect(m_page, &EntryPage::externalLinkActivated, this, &EntryPageView::externalLinkActivated);
    connect(m_page, &QWebEnginePage::loadStarted, this, [this] { m_inPlace = false; });
    connect(m_page, &QWebEnginePage::loadFinished, this, [this](bool ok) {
        const bool ours = m_page->url().scheme() == QLatin1String(kPageScheme);
        m_inPlace = ok && ours;
        if (!m_loading || !ours) return;
        m_loading = false;
        emit documentShown(ok);
    });
    // A page whose process died comes back through a load, never through a swap; it is loaded
    // again at once, but only once per document, so that content that kills the renderer
    // cannot keep it busy.
    connect(m_page, &QWebEnginePage::renderProcessTerminated, this,
            [this](QWebEnginePage::RenderProcessTerminationStatus status) {
                m_inPlace = false;
                if (status == QWebEnginePage::NormalTerminationStatus ||
                    m_reloadedGeneration == m_generation || !m_pageHandler->hasDocument())
                    return;
                m_reloadedGeneration = m_generation;
                QMetaObject::invokeMethod(
                    this, [this] { loadDocument(QString()); }, Qt::QueuedConnection);
            });
    setPage(m_page);
    setAcceptDrops(false);
}

EntryPageView::~EntryPageView() {
    // The engine insists that a page dies before its profile; as children they would go
    // in creation order, profile first.
    delete m_page;
    m_page = nullptr;
}

void EntryPageView::setNotebook(Notebook *notebook) {
    m_attachmentHandler->setNotebook(notebook);
}

void EntryPageView::showDocument(const QString &html, const QString &anchor) {
    // The handler always holds the latest document: a reload or a later load shows it.
    m_pageHandler->setDocument(html.toUtf8());
    ++m_generation;
    if (m_inPlace && !m_loading)
        swapDocument(html, anchor);
    else
        loadDocument(anchor);
}

void EntryPageView::loadDocument(const QString &anchor) {
    // A new query per document, so the engine never answers from its memory cache.
    QUrl url(
        QStringLiteral("%1://notebook/?v=%2").arg(QLatin1String(kPageScheme)).arg(m_generation));
    if (!anchor.isEmpty()) url.setFragment(anchor);
    m_loading = true;
    m_page->load(url);
}

void EntryPageView::swapDocument(const QString &html, const QString &anchor) {
    // Parsed by DOMParser, the new document is inert: nothing in it runs or loads until its body
    // is adopted into the page, whose own world runs no script and whose policy (from the first
    // load) still holds. The fragment is set by a real same-document navigation, so that the
    // entry is scrolled to and marked (:target) as it is after a load.
    static const QString script = QStringLiteral(R"js(
(function (html, anchor) {
  const next = new DOMParser().parseFromString(html, 'text/html');
  const style = document.head.querySelector('style');
  const nextStyle = next.head.querySelector('style');
  if (style && nextStyle && style.textContent !== nextStyle.textContent)
    style.textContent = nextStyle.textContent;
  document.title = next.title;
  document.documentElement.lang = next.documentElement.lang;
  document.body.replaceWith(document.adoptNode(next.body));
  if (location.hash) history.replaceState(null, '', location.pathname + location.search);
  if (anchor && document.getElementById(anchor)) location.hash = anchor;
  else window.scrollTo(0, 0);
  return true;
})(%1[0], %1[1]))js");
    const QByteArray arguments =
        QJsonDocument(QJsonArray{html, anchor}).toJson(QJsonDocument::Compact);
    const quint64 generation = m_generation;
    m_page->runJavaScript(script.arg(QString::fromUtf8(arguments)),
                          QWebEngineScript::ApplicationWorld,
                          [this, generation, anchor](const QVariant &result) {
                              if (generation != m_generation) return; // a newer one follows
                              if (result.toBool()) {
                                  ++m_swaps;
                                  emit documentShown(true);
                                  return;
                              }
                              // The page went away meanwhile (a crash, a lock): load it whole.
                              loadDocument(anchor);
                          });
}

void EntryPageView::setFragment(const QString &fragment) {
    const QByteArray hash =
        QJsonDocument(QJsonArray{fragment.isEmpty() ? QString() : QLatin1Char('#') + fragment})
            .toJson(QJsonDocument::Compact);
    m_page->runJavaScript(
        QStringLiteral(
            "history.replaceState(null, '', location.pathname + location.search + %1[0])")
            .arg(QString::fromUtf8(hash)),
        QWebEngineScript::ApplicationWorld);
}

void EntryPageView::clearDocument() {
    m_pageHandler->clear();
    ++m_generation;
    m_loading = false;
    m_inPlace = false;
    m_page->load(QUrl(QStringLiteral("about:blank")));
    m_profile->clearHttpCache();
}

void EntryPageView::contextMenuEvent(QContextMenuEvent *event) {
    // The default menu offers navigation, "view source" and "save page"; none fits a
    // read-only record.
    QMenu menu(this);
    menu.addAction(m_page->action(QWebEnginePage::Copy));
    menu.addAction(m_page->action(QWebEnginePage::SelectAll));
    menu.exec(event->globalPos());
}

} // namespace quire::widgets
