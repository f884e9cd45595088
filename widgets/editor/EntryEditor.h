#pragma once
// EntryEditor: the rich-text editor for an entry's text. A web page (qrc:/editor/editor.html,
// TipTap bundled at build time from resources/editor) runs in a view of its own with an
// off-the-record profile that loads nothing from the network; it talks to this widget over a
// QWebChannel. What the editor gives back is entry HTML as FORMAT.md §6 defines it, already in
// the form the sanitizer keeps unchanged. Images pasted or dropped into the text are handed to
// the owner, who stores them as attachments; the text refers to them as quire-attachment:<id>.

#include <QByteArray>
#include <QHash>
#include <QList>
#include <QString>
#include <QTimer>
#include <QWidget>

#include <functional>

class QWebChannel;
class QWebEngineProfile;
class QWebEngineView;

namespace quire {
class Notebook;
}

namespace quire::widgets {

class AttachmentSchemeHandler;
class EditorBridge;
class EditorPage;
class RequestInterceptor;

class EntryEditor : public QWidget {
    Q_OBJECT
public:
    using AttachmentStore =
        std::function<QString(QString name, QString mediaType, QByteArray bytes)>;

    explicit EntryEditor(QWidget *parent = nullptr);
    ~EntryEditor() override;

    // Replaces the text; may be called before the page is ready (the last call wins). Resets
    // the undo history and the modified flag.
    void setHtml(const QString &html);
    // Asks the page for its text as §6 HTML; `done` runs later on this thread. Requests made
    // before the page is ready are answered once it is.
    void requestHtml(std::function<void(QString)> done);
    // Inserts a block of entry HTML (an entry template) at the cursor, as if typed: it can be
    // undone and marks the text changed. False while the page is not ready.
    bool insertHtml(const QString &html);

    bool isReady() const { return m_ready; }
    bool isModified() const { return m_modified; }
    void setModified(bool modified) { m_modified = modified; }
    // Counts the changes the page reported, so that an answer to requestHtml can be told apart
    // from text that changed again after it was asked for.
    quint64 changeCount() const { return m_changeCount; }

    // Stores an image's bytes as an attachment and returns its record id, or an empty string
    // when it could not be stored. Without a store, images cannot be added.
    void setAttachmentStore(AttachmentStore store) { m_store = std::move(store); }
    // The notebook whose attachments the text's images are shown from (null: none shown).
    void setNotebook(Notebook *notebook);

    QWebEngineView *view() const { return m_view; }
    RequestInterceptor *interceptor() const { return m_interceptor; }

signals:
    void ready();
    // The user changed the text; sent once editing pauses for ~300 ms.
    void contentChanged();

private:
    friend class EditorBridge;
    void pageReady();
    void pageChanged();
    void deliverHtml(int ticket, const QString &html);
    QString storeImage(const QString &name, const QString &mediaType, const QString &base64);
    void reloadPage();

    QWebEngineProfile *m_profile = nullptr;
    EditorPage *m_page = nullptr;
    QWebEngineView *m_view = nullptr;
    QWebChannel *m_channel = nullptr;
    EditorBridge *m_bridge = nullptr;
    RequestInterceptor *m_interceptor = nullptr;
    AttachmentSchemeHandler *m_attachmentHandler = nullptr;
    AttachmentStore m_store;
    QTimer m_changeTimer;

    bool m_ready = false;
    bool m_modified = false;
    quint64 m_changeCount = 0;
    // The text to show once the page is ready, and what it last showed (to restore after the
    // page's process died).
    bool m_hasPendingHtml = false;
    QString m_pendingHtml;
    QString m_lastHtml;
    int m_nextTicket = 0;
    QHash<int, std::function<void(QString)>> m_requests;
    QList<std::function<void(QString)>> m_waiting;
};

} // namespace quire::widgets
