#include "page/UrlSecurity.h"

#include <QMutexLocker>
#include <QWebEngineUrlRequestInfo>
#include <QWebEngineUrlScheme>

namespace quire::widgets {

void registerUrlSchemes() {
    // The page has one origin of its own ("quire-page://notebook"): Chromium then keeps one
    // renderer for it instead of starting a new process for every page shown, which an opaque
    // origin (NoAccessAllowed) made it do. Nothing of that origin runs script: the page view
    // has JavaScript off, and the policy forbids it.
    QWebEngineUrlScheme page(kPageScheme);
    page.setSyntax(QWebEngineUrlScheme::Syntax::Host);
    page.setFlags(QWebEngineUrlScheme::SecureScheme);
    QWebEngineUrlScheme::registerScheme(page);

    // Path syntax: "quire-attachment:<record id>" is how FORMAT.md §6 writes image sources.
    // NoAccessAllowed gives an attachment an opaque origin: nothing can read it as a page.
    QWebEngineUrlScheme attachment(kAttachmentScheme);
    attachment.setSyntax(QWebEngineUrlScheme::Syntax::Path);
    attachment.setFlags(QWebEngineUrlScheme::SecureScheme | QWebEngineUrlScheme::NoAccessAllowed);
    QWebEngineUrlScheme::registerScheme(attachment);
}

void hardenWebEngineEnvironment() {
    static const char *const switches[] = {
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-domain-reliability",
        "--disable-breakpad",
        "--no-pings",
        "--dns-prefetch-disable",
        "--no-proxy-server",
        // Nothing the entry view shows lives on a server; an unresolvable world is the
        // cheapest proof that nothing is fetched from one.
        "--host-resolver-rules=\"MAP * ~NOTFOUND\"",
    };
    QByteArray flags = qgetenv("QTWEBENGINE_CHROMIUM_FLAGS");
    for (const char *s : switches) {
        if (flags.contains(QByteArray(s).split('=').first())) continue;
        if (!flags.isEmpty()) flags += ' ';
        flags += s;
    }
    qputenv("QTWEBENGINE_CHROMIUM_FLAGS", flags);
}

bool isAllowedScheme(const QString &scheme) {
    const QString s = scheme.toLower();
    return s == QLatin1String(kPageScheme) || s == QLatin1String(kAttachmentScheme) ||
           s == QLatin1String("data") || s == QLatin1String("qrc");
}

void RequestInterceptor::interceptRequest(QWebEngineUrlRequestInfo &info) {
    const QUrl url = info.requestUrl();
    if (isAllowedScheme(url.scheme())) return;
    info.block(true);
    {
        QMutexLocker lock(&m_mutex);
        m_blocked << url;
    }
    emit blocked(url);
}

QList<QUrl> RequestInterceptor::blockedUrls() const {
    QMutexLocker lock(&m_mutex);
    return m_blocked;
}

void RequestInterceptor::clearLog() {
    QMutexLocker lock(&m_mutex);
    m_blocked.clear();
}

} // namespace quire::widgets
