#include "UrlSecurity.h"

#include <QMutexLocker>
#include <QWebEngineUrlRequestInfo>
#include <QWebEngineUrlScheme>

namespace quire::widgets {

void registerUrlSchemes() {
    // Path syntax: "quire-attachment:<record id>" is how FORMAT.md §6 writes image sources.
    // NoAccessAllowed gives pages an opaque origin, so a page can never read another page or
    // an attachment through script-like access even if scripting were ever switched on.
    QWebEngineUrlScheme page(kPageScheme);
    page.setSyntax(QWebEngineUrlScheme::Syntax::Path);
    page.setFlags(QWebEngineUrlScheme::SecureScheme | QWebEngineUrlScheme::NoAccessAllowed);
    QWebEngineUrlScheme::registerScheme(page);

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
