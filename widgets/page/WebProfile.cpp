#include "page/WebProfile.h"

#include "page/SchemeHandlers.h"
#include "page/UrlSecurity.h"

#include <QWebEngineDownloadRequest>
#include <QWebEngineProfile>
#include <QWebEngineSettings>

namespace quire::widgets {

LockedDownProfile makeLockedDownProfile(QObject *owner, PageScript script) {
    LockedDownProfile out;
    // A profile without a storage name is off the record.
    out.profile = new QWebEngineProfile(owner);
    out.profile->setHttpCacheType(QWebEngineProfile::MemoryHttpCache);
    out.profile->setPersistentCookiesPolicy(QWebEngineProfile::NoPersistentCookies);
    out.profile->setSpellCheckEnabled(false);
    QObject::connect(out.profile, &QWebEngineProfile::downloadRequested, out.profile,
                     [](QWebEngineDownloadRequest *download) { download->cancel(); });

    out.interceptor = new RequestInterceptor(owner);
    out.profile->setUrlRequestInterceptor(out.interceptor);
    out.attachments = new AttachmentSchemeHandler(owner);
    out.profile->installUrlSchemeHandler(kAttachmentScheme, out.attachments);

    using S = QWebEngineSettings;
    QWebEngineSettings *s = out.profile->settings();
    for (auto attribute : {S::JavascriptCanOpenWindows,
                           S::JavascriptCanAccessClipboard,
                           S::JavascriptCanPaste,
                           S::LocalStorageEnabled,
                           S::LocalContentCanAccessRemoteUrls,
                           S::LocalContentCanAccessFileUrls,
                           S::PluginsEnabled,
                           S::HyperlinkAuditingEnabled,
                           S::WebGLEnabled,
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
                           S::ErrorPageEnabled})
        s->setAttribute(attribute, false);
    // The page's own world: the editor is script; a notebook page runs none (Quire's own
    // changes to it run in an isolated world, which this setting does not govern).
    s->setAttribute(S::JavascriptEnabled, script == PageScript::OwnOnly);
    if (script == PageScript::None) s->setAttribute(S::Accelerated2dCanvasEnabled, false);
    s->setAttribute(S::AutoLoadImages, true);
    s->setAttribute(S::WebRTCPublicInterfacesOnly, true);
    s->setUnknownUrlSchemePolicy(S::DisallowUnknownUrlSchemes);
    return out;
}

} // namespace quire::widgets
