#pragma once
// The two sources an entry page may load from: the page itself (generated HTML held in
// memory, never written to disk) and attachment images decrypted on request.

#include "Notebook.h"

#include <QByteArray>
#include <QPointer>
#include <QWebEngineUrlSchemeHandler>

namespace quire::widgets {

// Serves the one document the view currently shows, whatever path is asked for; the view
// changes the URL's query to make the engine fetch a fresh copy.
class PageSchemeHandler : public QWebEngineUrlSchemeHandler {
    Q_OBJECT
public:
    using QWebEngineUrlSchemeHandler::QWebEngineUrlSchemeHandler;

    void setDocument(const QByteArray &utf8Html) { m_document = utf8Html; }
    void clear() { m_document.clear(); }
    bool hasDocument() const { return !m_document.isEmpty(); }
    void requestStarted(QWebEngineUrlRequestJob *job) override;

private:
    QByteArray m_document;
};

// Serves "quire-attachment:<record id>" as an image from the unlocked notebook. Only raster
// image types are served: an attachment is shown inline or not at all, never as a document.
class AttachmentSchemeHandler : public QWebEngineUrlSchemeHandler {
    Q_OBJECT
public:
    static constexpr qint64 kMaxInlineSize = 20 * 1024 * 1024;

    using QWebEngineUrlSchemeHandler::QWebEngineUrlSchemeHandler;

    // The handler follows the notebook's lifetime: a locked notebook serves nothing.
    void setNotebook(Notebook *notebook) { m_notebook = notebook; }
    void requestStarted(QWebEngineUrlRequestJob *job) override;

    static bool isInlineImageType(const QString &mediaType);

private:
    QPointer<Notebook> m_notebook;
};

} // namespace quire::widgets
