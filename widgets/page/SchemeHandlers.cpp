#include "page/SchemeHandlers.h"

#include "Notebook.h"
#include "page/UrlSecurity.h"

#include <QBuffer>
#include <QRegularExpression>
#include <QWebEngineUrlRequestJob>

namespace quire::widgets {

namespace {

void replyWith(QWebEngineUrlRequestJob *job, const QByteArray &contentType,
               const QByteArray &bytes) {
    // The job owns the buffer: it lives exactly as long as the engine may still read it.
    auto *buffer = new QBuffer(job);
    buffer->setData(bytes);
    buffer->open(QIODevice::ReadOnly);
    job->reply(contentType, buffer);
}

} // namespace

void PageSchemeHandler::requestStarted(QWebEngineUrlRequestJob *job) {
    if (job->requestMethod() != "GET" || m_document.isEmpty()) {
        job->fail(QWebEngineUrlRequestJob::UrlNotFound);
        return;
    }
#if QT_VERSION >= QT_VERSION_CHECK(6, 6, 0)
    // The page carries the policy as a <meta> too; Qt before 6.6 cannot send headers from
    // a custom scheme, so the header is a second lock where it can be had.
    QMultiMap<QByteArray, QByteArray> headers;
    headers.insert(QByteArrayLiteral("Content-Security-Policy"),
                   QByteArray(kContentSecurityPolicy));
    headers.insert(QByteArrayLiteral("X-Content-Type-Options"), QByteArrayLiteral("nosniff"));
    job->setAdditionalResponseHeaders(headers);
#endif
    replyWith(job, QByteArrayLiteral("text/html;charset=utf-8"), m_document);
}

bool AttachmentSchemeHandler::isInlineImageType(const QString &mediaType) {
    static const QStringList types{QStringLiteral("image/png"), QStringLiteral("image/jpeg"),
                                   QStringLiteral("image/gif"), QStringLiteral("image/webp"),
                                   QStringLiteral("image/bmp")};
    return types.contains(mediaType.toLower());
}

void AttachmentSchemeHandler::requestStarted(QWebEngineUrlRequestJob *job) {
    static const QRegularExpression recordId(QStringLiteral("^[0-9a-f]{64}$"));
    const QString id = job->requestUrl().path();
    if (job->requestMethod() != "GET" || !recordId.match(id).hasMatch()) {
        job->fail(QWebEngineUrlRequestJob::UrlInvalid);
        return;
    }
    if (!m_notebook) {
        job->fail(QWebEngineUrlRequestJob::RequestDenied);
        return;
    }
    auto info = m_notebook->attachment(id);
    if (!info) {
        job->fail(QWebEngineUrlRequestJob::UrlNotFound);
        return;
    }
    if (!isInlineImageType(info->mediaType) || info->size > kMaxInlineSize) {
        job->fail(QWebEngineUrlRequestJob::RequestDenied);
        return;
    }
    auto bytes = m_notebook->attachmentBytes(id, kMaxInlineSize);
    if (!bytes) {
        job->fail(QWebEngineUrlRequestJob::RequestFailed);
        return;
    }
    replyWith(job, info->mediaType.toLatin1(), *bytes);
}

} // namespace quire::widgets
