#include "EntryPageView.h"

#include "SchemeHandlers.h"
#include "UrlSecurity.h"

#include <QContextMenuEvent>
#include <QMenu>
#include <QWebEngineDownloadRequest>
#include <QWebEngineProfile>
#include <QWebEngineSettings>

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
    // A profile without a storage name is off the record: cache, cookies and visited links
    // stay in memory and vanish with it.
    m_profile = new QWebEngineProfile(this);
    m_profile->setHttpCacheType(QWebEngineProfile::MemoryHttpCache);
    m_profile->setPersistentCookiesPolicy(QWebEngineProfile::NoPersistentCookies);
    m_profile->setSpellCheckEnabled(false);
    connect(m_profile, &QWebEngineProfile::downloadRequested, this,
            [](QWebEngineDownloadRequest *download) { download->cancel(); });

    m_interceptor = new RequestInterceptor(this);
    m_profile->setUrlRequestInterceptor(m_interceptor);
    m_pageHandler = new PageSchemeHandler(this);
    m_attachmentHandler = new AttachmentSchemeHandler(this);
    m_profile->installUrlSchemeHandler(kPageScheme, m_pageHandler);
    m_profile->installUrlSchemeHandler(kAttachmentScheme, m_attachmentHandler);

    QWebEngineSettings *s = m_profile->settings();
    using S = QWebEngineSettings;
    for (auto attribute : {S::JavascriptEnabled,
                           S::JavascriptCanOpenWindows,
                           S::JavascriptCanAccessClipboard,
                           S::JavascriptCanPaste,
                           S::LocalStorageEnabled,
                           S::LocalContentCanAccessRemoteUrls,
                           S::LocalContentCanAccessFileUrls,
                           S::PluginsEnabled,
                           S::HyperlinkAuditingEnabled,
                           S::WebGLEnabled,
                           S::Accelerated2dCanvasEnabled,
                           S::AutoLoadIconsForPage,
                           S::TouchIconsEnabled,
                           S::ScreenCaptureEnabled,
                           S::AllowRunningInsecureContent,
                           S::AllowGeolocationOnInsecureOrigins,
                           S::AllowWindowActivationFromJavaScript,
                           S::DnsPrefetchEnabled,
                           S::PdfViewerEnabled,
                           S::NavigateOnDropEnabled,
                           S::FullScreenSupportEnabled,
                           S::FocusOnNavigationEnabled,
                           S::ErrorPageEnabled,
                           S::WebRTCPublicInterfacesOnly})
        s->setAttribute(attribute, attribute == S::WebRTCPublicInterfacesOnly);
    s->setAttribute(S::AutoLoadImages, true);
    s->setUnknownUrlSchemePolicy(S::DisallowUnknownUrlSchemes);

    m_page = new EntryPage(m_profile, this);
    connect(m_page, &EntryPage::externalLinkActivated, this, &EntryPageView::externalLinkActivated);
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
    m_pageHandler->setDocument(html.toUtf8());
    // A new query per document, so the engine never answers from its memory cache.
    QUrl url(
        QStringLiteral("%1:notebook?v=%2").arg(QLatin1String(kPageScheme)).arg(++m_generation));
    if (!anchor.isEmpty()) url.setFragment(anchor);
    m_page->load(url);
}

void EntryPageView::clearDocument() {
    m_pageHandler->clear();
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
