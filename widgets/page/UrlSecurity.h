#pragma once
// UrlSecurity: the rules for what Quire's web views may load. Entry pages come from our own
// schemes only (quire-page: for the page, quire-attachment: for images); everything else —
// above all the network — is refused and logged, so content written by anyone can never
// phone home or run script.

#include <QMutex>
#include <QString>
#include <QStringList>
#include <QUrl>
#include <QWebEngineUrlRequestInterceptor>

namespace quire::widgets {

inline constexpr char kPageScheme[] = "quire-page";
inline constexpr char kAttachmentScheme[] = "quire-attachment";

// Sent as a <meta> in every page; also as a response header where Qt lets us (Qt >= 6.6).
inline constexpr char kContentSecurityPolicy[] =
    "default-src 'none'; style-src 'unsafe-inline'; img-src quire-attachment: data:; "
    "form-action 'none'; base-uri 'none'";

// Must run before the QApplication exists (QtWebEngine locks its scheme table at start-up).
void registerUrlSchemes();

// Adds Chromium switches that turn off background networking (DNS prefetch, component
// updates, pings, proxy auto-detection) and make every host name unresolvable, so even a
// request that slipped past the interceptor could not reach a server. Call before the
// QApplication exists; keeps anything already in QTWEBENGINE_CHROMIUM_FLAGS.
void hardenWebEngineEnvironment();

// Whether a web view may load a URL with this scheme at all.
bool isAllowedScheme(const QString &scheme);

// Blocks every request whose scheme is not ours and remembers what it blocked. Runs on the
// UI thread in Qt 6, but the log is locked anyway because the interceptor API does not
// promise it.
class RequestInterceptor : public QWebEngineUrlRequestInterceptor {
    Q_OBJECT
public:
    using QWebEngineUrlRequestInterceptor::QWebEngineUrlRequestInterceptor;

    void interceptRequest(QWebEngineUrlRequestInfo &info) override;

    QList<QUrl> blockedUrls() const;
    void clearLog();

signals:
    void blocked(const QUrl &url);

private:
    mutable QMutex m_mutex;
    QList<QUrl> m_blocked;
};

} // namespace quire::widgets
