#include "editor/EntryEditor.h"

#include "page/SchemeHandlers.h"
#include "page/UrlSecurity.h"
#include "page/WebProfile.h"

#include <QLoggingCategory>
#include <QMimeDatabase>
#include <QRegularExpression>
#include <QVariantMap>
#include <QVBoxLayout>
#include <QWebChannel>
#include <QWebEnginePage>
#include <QWebEngineProfile>
#include <QWebEngineView>

#include <utility>

// The page is built into quire_widgets, a static library: without a reference the linker
// would leave its resources out of the program.
static void initEditorResources() {
    Q_INIT_RESOURCE(quire_editor);
}

namespace quire::widgets {

Q_LOGGING_CATEGORY(lcEditor, "quire.editor")

namespace {

const QUrl kEditorUrl(QStringLiteral("qrc:/editor/editor.html"));

} // namespace

// The page of the editor: it may show the editor and nothing else.
class EditorPage : public QWebEnginePage {
public:
    using QWebEnginePage::QWebEnginePage;

protected:
    bool acceptNavigationRequest(const QUrl &url, NavigationType type, bool isMainFrame) override {
        // Links in the text are not followed while editing; the page itself is loaded by us.
        return isMainFrame && url == kEditorUrl &&
               (type == NavigationTypeTyped || type == NavigationTypeReload);
    }

    void javaScriptConsoleMessage(JavaScriptConsoleMessageLevel level, const QString &message,
                                  int line, const QString &source) override {
        // The page's own script is ours; what it reports is worth seeing in the log.
        if (level == ErrorMessageLevel)
            qCWarning(lcEditor, "%s:%d: %s", qPrintable(source), line, qPrintable(message));
        else
            qCDebug(lcEditor, "%s:%d: %s", qPrintable(source), line, qPrintable(message));
    }
};

// The object the page sees as "quire". Everything crossing it is plain data.
class EditorBridge : public QObject {
    Q_OBJECT
    Q_PROPERTY(QVariantMap strings READ strings CONSTANT)
public:
    explicit EditorBridge(EntryEditor *editor)
        : QObject(editor)
        , m_editor(editor) {}

    QVariantMap strings() const;

public slots:
    void ready() { m_editor->pageReady(); }
    void contentChanged() { m_editor->pageChanged(); }
    void deliverHtml(int ticket, const QString &html) { m_editor->deliverHtml(ticket, html); }
    QString storeImage(const QString &name, const QString &mediaType, const QString &base64) {
        return m_editor->storeImage(name, mediaType, base64);
    }

signals:
    void loadRequested(const QString &html);
    void htmlRequested(int ticket);
    void insertRequested(const QString &html);

private:
    EntryEditor *m_editor;
};

QVariantMap EditorBridge::strings() const {
    // Every word the page shows, so that it is translated with the rest of the program.
    return {
        {QStringLiteral("placeholder"), EntryEditor::tr("Write your entry…")},
        {QStringLiteral("editorLabel"), EntryEditor::tr("Entry text")},
        {QStringLiteral("toolbar"), EntryEditor::tr("Formatting")},
        {QStringLiteral("undo"), EntryEditor::tr("Undo")},
        {QStringLiteral("redo"), EntryEditor::tr("Redo")},
        {QStringLiteral("paragraph"), EntryEditor::tr("Normal text")},
        {QStringLiteral("heading1"), EntryEditor::tr("Heading 1")},
        {QStringLiteral("heading2"), EntryEditor::tr("Heading 2")},
        {QStringLiteral("heading3"), EntryEditor::tr("Heading 3")},
        {QStringLiteral("heading4"), EntryEditor::tr("Heading 4")},
        {QStringLiteral("bold"), EntryEditor::tr("Bold")},
        {QStringLiteral("italic"), EntryEditor::tr("Italic")},
        {QStringLiteral("underline"), EntryEditor::tr("Underline")},
        {QStringLiteral("strike"), EntryEditor::tr("Strikethrough")},
        {QStringLiteral("subscript"), EntryEditor::tr("Subscript")},
        {QStringLiteral("superscript"), EntryEditor::tr("Superscript")},
        {QStringLiteral("code"), EntryEditor::tr("Inline code")},
        {QStringLiteral("bulletList"), EntryEditor::tr("Bulleted list")},
        {QStringLiteral("orderedList"), EntryEditor::tr("Numbered list")},
        {QStringLiteral("checklist"), EntryEditor::tr("Checklist")},
        {QStringLiteral("blockquote"), EntryEditor::tr("Quote")},
        {QStringLiteral("codeBlock"), EntryEditor::tr("Code block")},
        {QStringLiteral("horizontalRule"), EntryEditor::tr("Horizontal line")},
        {QStringLiteral("link"), EntryEditor::tr("Link")},
        {QStringLiteral("math"), EntryEditor::tr("Formula")},
        {QStringLiteral("image"), EntryEditor::tr("Insert image…")},
        {QStringLiteral("table"), EntryEditor::tr("Insert table")},
        {QStringLiteral("tableLabel"), EntryEditor::tr("Table")},
        {QStringLiteral("addRowBefore"), EntryEditor::tr("Row above")},
        {QStringLiteral("addRowAfter"), EntryEditor::tr("Row below")},
        {QStringLiteral("deleteRow"), EntryEditor::tr("Delete row")},
        {QStringLiteral("addColumnBefore"), EntryEditor::tr("Column left")},
        {QStringLiteral("addColumnAfter"), EntryEditor::tr("Column right")},
        {QStringLiteral("deleteColumn"), EntryEditor::tr("Delete column")},
        {QStringLiteral("toggleHeaderRow"), EntryEditor::tr("Header row")},
        {QStringLiteral("deleteTable"), EntryEditor::tr("Delete table")},
        {QStringLiteral("linkPrompt"), EntryEditor::tr("Link address")},
        {QStringLiteral("linkInvalid"),
         EntryEditor::tr("A link can lead to a web page (http, https), an e-mail "
                         "address (mailto) or a notebook entry (quire).")},
        {QStringLiteral("mathPrompt"), EntryEditor::tr("Formula (TeX)")},
        {QStringLiteral("apply"), EntryEditor::tr("Apply")},
        {QStringLiteral("remove"), EntryEditor::tr("Remove")},
        {QStringLiteral("cancel"), EntryEditor::tr("Cancel")},
        {QStringLiteral("imageFailed"), EntryEditor::tr("The image could not be stored.")},
        {QStringLiteral("imageTooLarge"),
         EntryEditor::tr("The image is larger than 20 MB; attach it to the entry as a file.")},
        {QStringLiteral("notAnImage"),
         EntryEditor::tr("Only PNG, JPEG, GIF, WebP and BMP images can be placed in the text; "
                         "attach other files to the entry.")},
    };
}

EntryEditor::EntryEditor(QWidget *parent)
    : QWidget(parent) {
    initEditorResources();

    // Nothing the editor shows is cached on disk or loaded from anywhere but Quire; images
    // come from the notebook's attachments. Script runs, but only the page's own: its policy
    // forbids inline and foreign script, and content is parsed into the editor's schema.
    const LockedDownProfile locked = makeLockedDownProfile(this, PageScript::OwnOnly);
    m_profile = locked.profile;
    m_interceptor = locked.interceptor;
    m_attachmentHandler = locked.attachments;

    m_page = new EditorPage(m_profile, this);
    m_bridge = new EditorBridge(this);
    m_channel = new QWebChannel(this);
    m_channel->registerObject(QStringLiteral("quire"), m_bridge);
    m_page->setWebChannel(m_channel);

    m_view = new QWebEngineView(this);
    m_view->setPage(m_page);
    // The view's own menu offers navigation and "view source"; an editor wants editing.
    m_view->setContextMenuPolicy(Qt::ActionsContextMenu);
    for (auto action : {QWebEnginePage::Undo, QWebEnginePage::Redo, QWebEnginePage::Cut,
                        QWebEnginePage::Copy, QWebEnginePage::Paste, QWebEnginePage::SelectAll})
        m_view->addAction(m_page->action(action));

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_view);
    setFocusProxy(m_view);

    m_changeTimer.setSingleShot(true);
    m_changeTimer.setInterval(300);
    connect(&m_changeTimer, &QTimer::timeout, this, &EntryEditor::contentChanged);

    connect(m_page, &QWebEnginePage::renderProcessTerminated, this,
            [this](QWebEnginePage::RenderProcessTerminationStatus, int code) {
                qCWarning(lcEditor, "the editor page's process ended (%d); reloading it", code);
                reloadPage();
            });
    connect(m_page, &QWebEnginePage::loadFinished, this, [](bool ok) {
        if (!ok) qCWarning(lcEditor, "the editor page did not load");
    });
    m_page->load(kEditorUrl);
}

EntryEditor::~EntryEditor() {
    // The engine wants a page gone before its profile; as children they would go in creation
    // order, profile first.
    delete m_view;
    m_view = nullptr;
    delete m_page;
    m_page = nullptr;
}

void EntryEditor::setNotebook(Notebook *notebook) {
    m_attachmentHandler->setNotebook(notebook);
}

void EntryEditor::setHtml(const QString &html) {
    m_lastHtml = html;
    m_modified = false;
    m_changeTimer.stop();
    if (m_ready) {
        emit m_bridge->loadRequested(html);
        return;
    }
    m_pendingHtml = html;
    m_hasPendingHtml = true;
}

bool EntryEditor::insertHtml(const QString &html) {
    if (!m_ready) return false;
    // The page parses it by the entry schema (what §6 does not allow is dropped there) and the
    // version is sanitised again when it is saved.
    emit m_bridge->insertRequested(html);
    return true;
}

void EntryEditor::requestHtml(std::function<void(QString)> done) {
    if (!done) return;
    if (!m_ready) {
        m_waiting.append(std::move(done));
        return;
    }
    const int ticket = ++m_nextTicket;
    m_requests.insert(ticket, std::move(done));
    emit m_bridge->htmlRequested(ticket);
}

void EntryEditor::pageReady() {
    m_ready = true;
    if (m_hasPendingHtml) {
        m_hasPendingHtml = false;
        emit m_bridge->loadRequested(std::exchange(m_pendingHtml, QString()));
    }
    // Answered in the order asked, after the text above is in place (the channel keeps order).
    const auto waiting = std::exchange(m_waiting, {});
    for (const auto &done : waiting)
        requestHtml(done);
    emit ready();
}

void EntryEditor::pageChanged() {
    m_modified = true;
    ++m_changeCount;
    m_changeTimer.start();
}

void EntryEditor::deliverHtml(int ticket, const QString &html) {
    auto done = m_requests.take(ticket);
    if (!done) return;
    m_lastHtml = html;
    done(html);
}

QString EntryEditor::storeImage(const QString &name, const QString &mediaType,
                                const QString &base64) {
    if (!m_store) return {};
    const auto result =
        QByteArray::fromBase64Encoding(base64.toLatin1(), QByteArray::AbortOnBase64DecodingErrors);
    const QByteArray &decoded = result.decoded;
    if (!result || decoded.isEmpty() || decoded.size() > AttachmentSchemeHandler::kMaxInlineSize)
        return {};
    // The page's word for the type is checked against the bytes: only an image the
    // notebook view will show inline is stored.
    const QString sniffed = QMimeDatabase().mimeTypeForData(decoded).name();
    if (!AttachmentSchemeHandler::isInlineImageType(sniffed)) {
        qCWarning(lcEditor, "refused an image whose bytes are %s (the page said %s)",
                  qPrintable(sniffed), qPrintable(mediaType));
        return {};
    }
    // A name is only a label here, never a path.
    QString label = name.section(QLatin1Char('/'), -1).section(QLatin1Char('\\'), -1).trimmed();
    if (label.isEmpty()) label = QStringLiteral("image");
    const QString id = m_store(label, sniffed, decoded);
    static const QRegularExpression recordId(QStringLiteral("^[0-9a-f]{64}$"));
    return recordId.match(id).hasMatch() ? id : QString();
}

void EntryEditor::reloadPage() {
    m_ready = false;
    // The text as last known here; edits the page had not reported yet are lost with it.
    m_pendingHtml = m_lastHtml;
    m_hasPendingHtml = true;
    for (auto &done : m_requests)
        m_waiting.append(std::move(done));
    m_requests.clear();
    m_page->load(kEditorUrl);
}

} // namespace quire::widgets

#include "EntryEditor.moc"
