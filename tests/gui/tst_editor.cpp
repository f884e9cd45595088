// Drives the entry editor as a person would: clicks into the page, types with real key
// events, uses shortcuts and the toolbar, pastes an image from the clipboard, writes a
// formula. What the editor hands back is saved through a real notebook, which must store it
// unchanged, and loaded into a fresh editor, which must give the same HTML again. Hostile HTML
// must run nothing and load nothing. Saves a screenshot at each main step.

#include "editor/EntryEditor.h"
#include "GuiDriver.h"
#include "GuiTestMain.h"
#include "Notebook.h"
#include "page/UrlSecurity.h"

#include <QApplication>
#include <QBuffer>
#include <QClipboard>
#include <QDir>
#include <QFile>
#include <QImage>
#include <QJsonArray>
#include <QJsonDocument>
#include <QPainter>
#include <QRegularExpression>
#include <QScreen>
#include <QSignalSpy>
#include <QTcpServer>
#include <QTemporaryDir>
#include <QTest>
#include <QVBoxLayout>
#include <QWebEnginePage>
#include <QWebEngineProfile>
#include <QWebEngineView>

#include <memory>

using namespace quire;
using namespace quire::widgets;

namespace {

const QByteArray kPassphrase = "correct horse battery staple";

// Every construct of FORMAT.md §6 the editor knows, spelled as the editor writes it.
const QString kEverything = QStringLiteral(
    "<h2>Materials</h2><h3>Buffers</h3><h4>Tris</h4>"
    "<p>Plain, <strong>bold</strong>, <em>italic</em>, <u>underlined</u>, <s>struck</s>, "
    "H<sub>2</sub>O, m<sup>2</sup>, <code>pH()</code> &amp; &lt;5 mV&gt; \"quoted\"<br>next "
    "line</p>"
    "<ol><li><p>first</p></li><li><p>second</p><ul><li><p>nested</p></li></ul></li></ol>"
    "<ul class=\"checklist\"><li data-checked=\"true\"><p>weighed</p></li>"
    "<li data-checked=\"false\"><p>dissolved</p></li></ul>"
    "<blockquote><p>Quoted protocol</p></blockquote>"
    "<pre><code>for x in samples:\n    measure(x)</code></pre>"
    "<p>See <a href=\"https://example.org/protocol?a=1&amp;b=2\">the protocol</a>, "
    "<a href=\"mailto:lab@example.org\">mail</a> and <a href=\"quire:entry/1\">entry 1</a>; "
    "<span class=\"math\" data-tex=\"\\alpha &lt; \\beta\"></span></p>"
    "<hr>"
    "<table><thead><tr><th><p>Sample</p></th><th><p>pH</p></th></tr></thead>"
    "<tbody><tr><td><p>A1</p></td><td><p>7.4</p></td></tr>"
    "<tr><td colspan=\"2\"><p>spanning</p></td></tr></tbody></table>"
    "<p>Ünïcödé µg ± 0.5 °C</p>");

} // namespace

class EditorTest : public QObject {
    Q_OBJECT

private slots:
    void initTestCase();
    void emptyEditorShowsToolbarAndPlaceholder();
    void typingWithShortcutsMakesHeadingBoldAndList();
    void formulaFromInputRuleAndToolbarRendersWithKatex();
    void pastedImageIsStoredAsAttachmentAndShown();
    void toolbarInsertsTableThatTableToolsEdit();
    void notebookStoresEditorHtmlUnchangedAndItRoundTrips();
    void everySection6ConstructSurvivesEditorAndSanitizer();
    void loadingResetsUndoAndModifiedAndEditsAreSignalledOnce();
    void linkShortcutAsksForAddressAndRefusesOtherSchemes();
    void hostileHtmlRunsNothingAndLoadsNothing();
    void interceptorOnTheEditorsProfileBlocksTheNetwork();
    void pagePolicyForbidsInlineScriptEvalAndForeignImages();
    void cleanupTestCase();

private:
    QVariant js(EntryEditor *editor, const QString &script);
    QString html(EntryEditor *editor);
    // Polls the editor's HTML until it matches; returns the last HTML seen.
    QString waitForHtml(EntryEditor *editor, const std::function<bool(const QString &)> &ok);
    QPoint centreOf(EntryEditor *editor, const QString &selector);
    void click(EntryEditor *editor, const QString &selector);
    void clickEndOfText(EntryEditor *editor);
    void type(EntryEditor *editor, const QString &text);
    void key(EntryEditor *editor, Qt::Key key, Qt::KeyboardModifiers modifiers = Qt::NoModifier);
    void screenshot(const QString &name);
    std::unique_ptr<EntryEditor> freshEditor();

    QTemporaryDir m_dir;
    quire::test::Screenshots m_shots{QStringLiteral("editor")};
    std::unique_ptr<Notebook> m_notebook;
    QString m_experiment;
    QString m_imageHolder; // the entry pasted images are attached to
    std::unique_ptr<QWidget> m_window;
    EntryEditor *m_editor = nullptr;
    QTcpServer m_sentinel; // any connection here is a request that reached the network
    int m_sentinelHits = 0;
    QList<QByteArray> m_storedImages;
    QString m_lastImageId;
    QString m_documentHtml; // what the editor held after the typing tests
};

void EditorTest::initTestCase() {
    QVERIFY(m_dir.isValid());
    auto created = Notebook::create(m_dir.filePath(QStringLiteral("vault")),
                                    NotebookSpec{QStringLiteral("Editor notebook"),
                                                 QStringLiteral("Ada Researcher"),
                                                 QStringLiteral("ada@lab.example")},
                                    kPassphrase);
    QVERIFY2(created, qPrintable(created.error()));
    m_notebook = std::move(created.value());
    auto experiment =
        m_notebook->createExperiment(QStringLiteral("Buffer series"), QStringLiteral("Tris"), {});
    QVERIFY2(experiment, qPrintable(experiment.error()));
    m_experiment = *experiment;
    auto holder = m_notebook->addEntry(m_experiment, QStringLiteral("Images"), QString());
    QVERIFY2(holder, qPrintable(holder.error()));
    m_imageHolder = *holder;

    QVERIFY(m_sentinel.listen(QHostAddress::LocalHost));
    connect(&m_sentinel, &QTcpServer::newConnection, this, [this] {
        while (auto *socket = m_sentinel.nextPendingConnection()) {
            ++m_sentinelHits;
            socket->deleteLater();
        }
    });

    m_window = std::make_unique<QWidget>();
    m_window->setWindowTitle(QStringLiteral("Entry editor"));
    auto *layout = new QVBoxLayout(m_window.get());
    layout->setContentsMargins(0, 0, 0, 0);
    m_editor = new EntryEditor(m_window.get());
    layout->addWidget(m_editor);
    m_editor->setNotebook(m_notebook.get());
    m_editor->setAttachmentStore(
        [this](const QString &name, const QString &mediaType, const QByteArray &bytes) {
            m_storedImages << bytes;
            // What an owner does: the bytes become a file of the entry, the id goes back.
            const QString path = m_dir.filePath(name);
            QFile file(path);
            if (!file.open(QIODevice::WriteOnly) || file.write(bytes) != bytes.size())
                return QString();
            file.close();
            Q_UNUSED(mediaType);
            auto id = m_notebook->attachFile(m_imageHolder, path);
            m_lastImageId = id ? *id : QString();
            return m_lastImageId;
        });
    m_window->resize(1000, 720);
    m_window->move(0, 0);
    m_window->show();
    QVERIFY(QTest::qWaitForWindowExposed(m_window.get()));
    QSignalSpy ready(m_editor, &EntryEditor::ready);
    QVERIFY(m_editor->isReady() || ready.wait(30000));
    QVERIFY(m_editor->isReady());
    QVERIFY(m_editor->view()->focusProxy());
}

QVariant EditorTest::js(EntryEditor *editor, const QString &script) {
    // Shared, so a late answer after a timeout writes into something still alive.
    auto answer = std::make_shared<std::pair<bool, QVariant>>(false, QVariant());
    editor->view()->page()->runJavaScript(script, [answer](const QVariant &value) {
        answer->first = true;
        answer->second = value;
    });
    if (!QTest::qWaitFor([&] { return answer->first; }, 10000)) return QStringLiteral("<timeout>");
    return answer->second;
}

QString EditorTest::html(EntryEditor *editor) {
    auto answer = std::make_shared<std::pair<bool, QString>>(false, QString());
    editor->requestHtml([answer](const QString &html) {
        answer->first = true;
        answer->second = html;
    });
    if (!QTest::qWaitFor([&] { return answer->first; }, 10000)) return QStringLiteral("<timeout>");
    return answer->second;
}

QString EditorTest::waitForHtml(EntryEditor *editor,
                                const std::function<bool(const QString &)> &ok) {
    QString last;
    (void)QTest::qWaitFor(
        [&] {
            last = html(editor);
            return ok(last);
        },
        10000);
    return last;
}

QPoint EditorTest::centreOf(EntryEditor *editor, const QString &selector) {
    const QVariant rect = js(editor, QStringLiteral("(() => { const e = document.querySelector(%1);"
                                                    " if (!e) return null;"
                                                    " const r = e.getBoundingClientRect();"
                                                    " return [r.left + r.width / 2,"
                                                    " r.top + r.height / 2]; })()")
                                         .arg(QString::fromUtf8(QJsonDocument(QJsonArray{selector})
                                                                    .toJson(QJsonDocument::Compact)
                                                                    .mid(1)
                                                                    .chopped(1))));
    const QVariantList xy = rect.toList();
    if (xy.size() != 2) return {-1, -1};
    return {qRound(xy[0].toDouble()), qRound(xy[1].toDouble())};
}

void EditorTest::click(EntryEditor *editor, const QString &selector) {
    const QPoint at = centreOf(editor, selector);
    QVERIFY2(at.x() >= 0, qPrintable(QStringLiteral("nothing matches %1").arg(selector)));
    QTest::mouseClick(editor->view()->focusProxy(), Qt::LeftButton, {}, at);
    QTest::qWait(100);
}

void EditorTest::clickEndOfText(EntryEditor *editor) {
    click(editor, QStringLiteral(".ProseMirror"));
    key(editor, Qt::Key_End, Qt::ControlModifier);
}

void EditorTest::type(EntryEditor *editor, const QString &text) {
    QTest::keyClicks(editor->view()->focusProxy(), text, Qt::NoModifier, 5);
}

void EditorTest::key(EntryEditor *editor, Qt::Key key, Qt::KeyboardModifiers modifiers) {
    QTest::keyClick(editor->view()->focusProxy(), key, modifiers, 10);
}

void EditorTest::screenshot(const QString &name) {
    QVERIFY2(!m_shots.take(m_window.get(), name).isEmpty(), qPrintable(name));
}

std::unique_ptr<EntryEditor> EditorTest::freshEditor() {
    auto editor = std::make_unique<EntryEditor>();
    editor->setNotebook(m_notebook.get());
    editor->resize(800, 600);
    editor->show();
    return editor;
}

void EditorTest::emptyEditorShowsToolbarAndPlaceholder() {
    QCOMPARE(html(m_editor), QString());
    const QString placeholder =
        js(m_editor, QStringLiteral("document.querySelector('.ProseMirror p.is-editor-empty')"
                                    ".dataset.placeholder"))
            .toString();
    QCOMPARE(placeholder, QStringLiteral("Write your entry…"));
    // Every tool has a tooltip that names it; those with a shortcut say which.
    const QStringList titles =
        js(m_editor, QStringLiteral("Array.from(document.querySelectorAll('#toolbar button'))"
                                    ".map(b => b.title)"))
            .toStringList();
    QVERIFY2(titles.size() >= 20, qPrintable(titles.join(QLatin1Char('|'))));
    QVERIFY(titles.contains(QStringLiteral("Bold (Ctrl+B)")));
    QVERIFY(titles.contains(QStringLiteral("Insert table")));
    QVERIFY(titles.contains(QStringLiteral("Formula (Ctrl+Shift+M)")));
    for (const QString &title : titles)
        QVERIFY2(!title.trimmed().isEmpty(), "a toolbar button without a tooltip");
    // The table tools appear only inside a table.
    QCOMPARE(js(m_editor, QStringLiteral("document.getElementById('tablebar').hidden")).toBool(),
             true);
    QVERIFY(!m_editor->isModified());
    screenshot(QStringLiteral("empty-editor"));
}

void EditorTest::typingWithShortcutsMakesHeadingBoldAndList() {
    click(m_editor, QStringLiteral(".ProseMirror"));
    type(m_editor, QStringLiteral("Buffer preparation"));
    key(m_editor, Qt::Key_1, Qt::ControlModifier | Qt::AltModifier);
    key(m_editor, Qt::Key_Return);
    type(m_editor, QStringLiteral("Dissolve "));
    key(m_editor, Qt::Key_B, Qt::ControlModifier);
    type(m_editor, QStringLiteral("12.1 g"));
    key(m_editor, Qt::Key_B, Qt::ControlModifier);
    type(m_editor, QStringLiteral(" Tris in 800 mL water."));
    key(m_editor, Qt::Key_Return);
    // Markdown-like input rule: "- " starts a bulleted list.
    type(m_editor, QStringLiteral("- Adjust pH to 8.0"));
    key(m_editor, Qt::Key_Return);
    type(m_editor, QStringLiteral("Fill to 1 L"));
    key(m_editor, Qt::Key_Return);
    key(m_editor, Qt::Key_Return); // an empty item ends the list

    const QString expected = QStringLiteral(
        "<h1>Buffer preparation</h1><p>Dissolve <strong>12.1 g</strong> Tris in 800 mL water.</p>"
        "<ul><li><p>Adjust pH to 8.0</p></li><li><p>Fill to 1 L</p></li></ul><p></p>");
    QCOMPARE(waitForHtml(m_editor, [&](const QString &h) { return h == expected; }), expected);
    QVERIFY(m_editor->isModified());
    QCOMPARE(js(m_editor, QStringLiteral("document.querySelector('button[data-tool=bulletList]')"
                                         ".title"))
                 .toString(),
             QStringLiteral("Bulleted list (Ctrl+Shift+8)"));
    screenshot(QStringLiteral("heading-bold-list"));
}

void EditorTest::formulaFromInputRuleAndToolbarRendersWithKatex() {
    type(m_editor, QStringLiteral("Energy $E=mc^2$ and "));
    // The toolbar's formula button asks for TeX in the question bar, with a live preview.
    click(m_editor, QStringLiteral("button[data-tool=math]"));
    QTRY_VERIFY(!js(m_editor, QStringLiteral("document.getElementById('askbar').hidden")).toBool());
    type(m_editor, QStringLiteral("\\frac{n_A}{V}"));
    QTRY_VERIFY(js(m_editor, QStringLiteral("!!document.querySelector('#askbar .preview .katex')"))
                    .toBool());
    screenshot(QStringLiteral("formula-question-bar"));
    key(m_editor, Qt::Key_Return);
    QTRY_VERIFY(js(m_editor, QStringLiteral("document.getElementById('askbar').hidden")).toBool());

    const QString h = waitForHtml(
        m_editor, [](const QString &h) { return h.count(QStringLiteral("class=\"math\"")) == 2; });
    QVERIFY2(
        h.endsWith(QStringLiteral("<p>Energy <span class=\"math\" data-tex=\"E=mc^2\"></span> and "
                                  "<span class=\"math\" data-tex=\"\\frac{n_A}{V}\"></span></p>")),
        qPrintable(h));
    // KaTeX drew both in the page, with its own fonts.
    QCOMPARE(js(m_editor, QStringLiteral("document.querySelectorAll('.ProseMirror .math-view "
                                         ".katex').length"))
                 .toInt(),
             2);
    QTRY_VERIFY(js(m_editor, QStringLiteral("document.fonts.check('16px KaTeX_Main')")).toBool());

    // A double click on a formula asks for its TeX again; Escape leaves it as it was.
    const QPoint formula = centreOf(m_editor, QStringLiteral(".ProseMirror .math-view"));
    QVERIFY(formula.x() >= 0);
    // Two quick clicks, as the engine counts them (a synthetic double-click event is not).
    QTest::mouseClick(m_editor->view()->focusProxy(), Qt::LeftButton, {}, formula);
    QTest::mouseClick(m_editor->view()->focusProxy(), Qt::LeftButton, {}, formula, 50);
    QTRY_COMPARE(js(m_editor, QStringLiteral("(document.querySelector('#askbar input') || {})"
                                             ".value"))
                     .toString(),
                 QStringLiteral("E=mc^2"));
    key(m_editor, Qt::Key_Escape);
    QTRY_VERIFY(js(m_editor, QStringLiteral("document.getElementById('askbar').hidden")).toBool());
    QCOMPARE(html(m_editor), h);
    clickEndOfText(m_editor);
}

void EditorTest::pastedImageIsStoredAsAttachmentAndShown() {
    // A small "gel" with an unusual colour, so the picture is recognisable on screen.
    QImage image(180, 90, QImage::Format_RGB32);
    image.fill(QColor(0xf4, 0xf1, 0xe8));
    {
        QPainter painter(&image);
        for (int lane = 0; lane < 5; ++lane)
            for (int band = 0; band < 3; ++band)
                painter.fillRect(16 + lane * 32, 14 + band * 24 + lane * 3, 22, 6,
                                 QColor(0x30, 0x40, 0xa0));
    }
    QGuiApplication::clipboard()->setImage(image);

    key(m_editor, Qt::Key_Return);
    const int before = m_storedImages.size();
    key(m_editor, Qt::Key_V, Qt::ControlModifier);
    QTRY_COMPARE_WITH_TIMEOUT(m_storedImages.size(), before + 1, 10000);
    QVERIFY(m_storedImages.last().startsWith("\x89PNG\r\n\x1a\n"));
    QVERIFY2(QRegularExpression(QStringLiteral("^[0-9a-f]{64}$")).match(m_lastImageId).hasMatch(),
             qPrintable(m_lastImageId));
    auto info = m_notebook->attachment(m_lastImageId);
    QVERIFY2(info, qPrintable(info.error()));
    QCOMPARE(info->mediaType, QStringLiteral("image/png"));
    QVERIFY2(info->name.startsWith(QStringLiteral("pasted-image-")), qPrintable(info->name));

    const QString src = QStringLiteral("quire-attachment:") + m_lastImageId;
    const QString h = waitForHtml(m_editor, [&](const QString &h) { return h.contains(src); });
    QVERIFY2(h.endsWith(QStringLiteral("<p><img alt=\"%1\" src=\"%2\"></p>").arg(info->name, src)),
             qPrintable(h));
    // The page shows it, served from the notebook through the attachment scheme.
    QTRY_COMPARE(js(m_editor, QStringLiteral("(() => { const i = document.querySelector("
                                             "'.ProseMirror img[src]'); return i && i.complete ?"
                                             " i.naturalWidth : 0 })()"))
                     .toInt(),
                 180);
}

void EditorTest::toolbarInsertsTableThatTableToolsEdit() {
    key(m_editor, Qt::Key_Return);
    type(m_editor, QStringLiteral("Readings:"));
    key(m_editor, Qt::Key_Return);
    click(m_editor, QStringLiteral("button[data-tool=table]"));
    QTRY_VERIFY(
        !js(m_editor, QStringLiteral("document.getElementById('tablebar').hidden")).toBool());
    // The cursor starts in the first header cell; Tab moves on, row by row.
    const QStringList cells{
        QStringLiteral("Sample"), QStringLiteral("pH"),   QStringLiteral("Temp (C)"),
        QStringLiteral("A1"),     QStringLiteral("7.41"), QStringLiteral("25"),
        QStringLiteral("A2"),     QStringLiteral("7.38"), QStringLiteral("37")};
    for (int i = 0; i < cells.size(); ++i) {
        if (i > 0) key(m_editor, Qt::Key_Tab);
        type(m_editor, cells[i]);
    }
    click(m_editor, QStringLiteral("#tablebar button[data-tool=addRowAfter]"));
    key(m_editor, Qt::Key_Tab); // into the new row
    type(m_editor, QStringLiteral("A3"));

    const QString table = QStringLiteral(
        "<table><thead><tr><th><p>Sample</p></th><th><p>pH</p></th><th><p>Temp (C)</p></th></tr>"
        "</thead><tbody><tr><td><p>A1</p></td><td><p>7.41</p></td><td><p>25</p></td></tr>"
        "<tr><td><p>A2</p></td><td><p>7.38</p></td><td><p>37</p></td></tr>"
        "<tr><td><p>A3</p></td><td><p></p></td><td><p></p></td></tr></tbody></table>");
    const QString h = waitForHtml(m_editor, [&](const QString &h) { return h.contains(table); });
    QVERIFY2(h.contains(QStringLiteral("<p>Readings:</p>") + table), qPrintable(h));
    QVERIFY(!h.contains(QStringLiteral("colgroup")));
    QVERIFY(!h.contains(QStringLiteral("style=")));
    m_documentHtml = h;
    screenshot(QStringLiteral("full-entry"));
}

void EditorTest::notebookStoresEditorHtmlUnchangedAndItRoundTrips() {
    QVERIFY(!m_documentHtml.isEmpty());
    for (const QString &part :
         {QStringLiteral("<h1>"), QStringLiteral("<strong>"), QStringLiteral("<ul>"),
          QStringLiteral("<table>"), QStringLiteral("<img "), QStringLiteral("class=\"math\"")})
        QVERIFY2(m_documentHtml.contains(part), qPrintable(part));

    auto saved = m_notebook->addEntry(m_experiment, QStringLiteral("Tris buffer"), m_documentHtml);
    QVERIFY2(saved, qPrintable(saved.error()));
    auto stored = m_notebook->entry(*saved);
    QVERIFY2(stored, qPrintable(stored.error()));
    QCOMPARE(stored->html, m_documentHtml);

    // A fresh editor given the stored text before its page is even ready.
    auto editor = freshEditor();
    editor->setHtml(stored->html);
    QString again;
    editor->requestHtml([&](const QString &h) { again = h; });
    QTRY_VERIFY_WITH_TIMEOUT(!again.isNull(), 30000);
    QCOMPARE(again, m_documentHtml);
    QVERIFY(!editor->isModified());
}

void EditorTest::everySection6ConstructSurvivesEditorAndSanitizer() {
    m_editor->setHtml(kEverything);
    QCOMPARE(html(m_editor), kEverything);
    auto saved = m_notebook->addEntry(m_experiment, QStringLiteral("Everything"), kEverything);
    QVERIFY2(saved, qPrintable(saved.error()));
    QCOMPARE(m_notebook->entry(*saved)->html, kEverything);
    screenshot(QStringLiteral("every-construct"));

    // Ticking a checklist item is an edit like any other.
    click(m_editor, QStringLiteral("ul.checklist li[data-checked=false] input"));
    QString ticked = kEverything;
    ticked.replace(QStringLiteral("<li data-checked=\"false\"><p>dissolved"),
                   QStringLiteral("<li data-checked=\"true\"><p>dissolved"));
    QCOMPARE(waitForHtml(m_editor, [&](const QString &h) { return h == ticked; }), ticked);
    QVERIFY(m_editor->isModified());

    // Spaces as typed survive saving and loading.
    const QString spaces =
        QStringLiteral("<p>two  spaces, one at the end </p><p> and the start</p>");
    m_editor->setHtml(spaces);
    QCOMPARE(html(m_editor), spaces);
    auto spaced = m_notebook->addEntry(m_experiment, QStringLiteral("Spaces"), spaces);
    QVERIFY2(spaced, qPrintable(spaced.error()));
    QCOMPARE(m_notebook->entry(*spaced)->html, spaces);
    // Foreign spellings the sanitizer accepts come out in the editor's spelling.
    m_editor->setHtml(QStringLiteral(
        "<h6>Deep</h6><p><b>b</b> <i>i</i> <del>d</del> <a href=\"https://x.org\" target=\"_blank\""
        " rel=\"noopener\" class=\"c\">x</a></p><ul data-type=\"taskList\"><li data-checked>"
        "<p>t</p></li></ul><table><colgroup><col style=\"width:40px\"></colgroup><tr>"
        "<td style=\"color:red\" colwidth=\"40\" colspan=\"1\">c</td></tr></table>"));
    QCOMPARE(html(m_editor),
             QStringLiteral("<h4>Deep</h4><p><strong>b</strong> <em>i</em> <s>d</s> "
                            "<a href=\"https://x.org\">x</a></p><ul class=\"checklist\">"
                            "<li data-checked=\"true\"><p>t</p></li></ul><table><tbody><tr><td>"
                            "<p>c</p></td></tr></tbody></table>"));
}

void EditorTest::loadingResetsUndoAndModifiedAndEditsAreSignalledOnce() {
    m_editor->setHtml(QStringLiteral("<p>Loaded text</p>"));
    QTRY_COMPARE(html(m_editor), QStringLiteral("<p>Loaded text</p>"));
    QVERIFY(!m_editor->isModified());
    QSignalSpy changed(m_editor, &EntryEditor::contentChanged);
    clickEndOfText(m_editor);
    type(m_editor, QStringLiteral(" and more"));
    QTRY_VERIFY(m_editor->isModified());
    QVERIFY(changed.wait(2000));
    QTest::qWait(600);
    // One burst of typing gives one signal, not one per key (two, if a busy machine let the
    // page pause for longer than the debounce in between).
    QVERIFY2(changed.size() >= 1 && changed.size() <= 2,
             qPrintable(QString::number(changed.size())));
    QCOMPARE(html(m_editor), QStringLiteral("<p>Loaded text and more</p>"));
    // Undo goes back to what was loaded and no further.
    for (int i = 0; i < 5; ++i)
        key(m_editor, Qt::Key_Z, Qt::ControlModifier);
    QTRY_COMPARE(html(m_editor), QStringLiteral("<p>Loaded text</p>"));
    key(m_editor, Qt::Key_Z, Qt::ControlModifier | Qt::ShiftModifier);
    QTRY_VERIFY(html(m_editor) != QStringLiteral("<p>Loaded text</p>"));
    m_editor->setModified(false);
    QVERIFY(!m_editor->isModified());
}

void EditorTest::linkShortcutAsksForAddressAndRefusesOtherSchemes() {
    m_editor->setHtml(QStringLiteral("<p>See the protocol</p>"));
    QTRY_COMPARE(html(m_editor), QStringLiteral("<p>See the protocol</p>"));
    clickEndOfText(m_editor);
    key(m_editor, Qt::Key_Left, Qt::ControlModifier | Qt::ShiftModifier); // select "protocol"
    key(m_editor, Qt::Key_K, Qt::ControlModifier);
    QTRY_VERIFY(!js(m_editor, QStringLiteral("document.getElementById('askbar').hidden")).toBool());
    type(m_editor, QStringLiteral("javascript:alert(1)"));
    key(m_editor, Qt::Key_Return);
    QTRY_VERIFY(!js(m_editor, QStringLiteral("document.querySelector('#askbar .error')"
                                             ".textContent"))
                     .toString()
                     .isEmpty());
    screenshot(QStringLiteral("link-refused"));
    QCOMPARE(html(m_editor), QStringLiteral("<p>See the protocol</p>"));
    key(m_editor, Qt::Key_A, Qt::ControlModifier);
    type(m_editor, QStringLiteral("example.org/buffers"));
    key(m_editor, Qt::Key_Return);
    const QString expected =
        QStringLiteral("<p>See the <a href=\"https://example.org/buffers\">protocol</a></p>");
    QCOMPARE(waitForHtml(m_editor, [&](const QString &h) { return h == expected; }), expected);
    QTRY_VERIFY(js(m_editor, QStringLiteral("document.getElementById('askbar').hidden")).toBool());
    // The same question edits an existing link; an e-mail address becomes a mailto: link.
    key(m_editor, Qt::Key_Left);
    key(m_editor, Qt::Key_Right);
    key(m_editor, Qt::Key_Right); // inside the link, no selection
    key(m_editor, Qt::Key_K, Qt::ControlModifier);
    QTRY_COMPARE(
        js(m_editor, QStringLiteral("document.querySelector('#askbar input').value")).toString(),
        QStringLiteral("https://example.org/buffers"));
    key(m_editor, Qt::Key_A, Qt::ControlModifier);
    type(m_editor, QStringLiteral("lab@example.org"));
    key(m_editor, Qt::Key_Return);
    const QString mail =
        QStringLiteral("<p>See the <a href=\"mailto:lab@example.org\">protocol</a></p>");
    QCOMPARE(waitForHtml(m_editor, [&](const QString &h) { return h == mail; }), mail);
}

void EditorTest::hostileHtmlRunsNothingAndLoadsNothing() {
    const QString port = QString::number(m_sentinel.serverPort());
    const QString title = m_editor->view()->title();
    QVERIFY(!title.isEmpty());
    m_editor->interceptor()->clearLog();
    const int hitsBefore = m_sentinelHits;
    const QString hostile =
        QStringLiteral(
            "<p>HOSTILE-VISIBLE</p>"
            "<script>document.title='pwned';window.__pwned=1</script>"
            "<img src=x onerror=\"document.title='pwned';window.__pwned=2\">"
            "<img src=\"http://127.0.0.1:%1/x.png\" onerror=\"window.__pwned=3\">"
            "<img src=\"https://example.com/x.png\">"
            "<p><a href=\"javascript:document.title='pwned'\">a link</a></p>"
            "<iframe src=\"http://127.0.0.1:%1/frame\"></iframe>"
            "<p onclick=\"window.__pwned=4\" style=\"background:url(http://127.0.0.1:%1/bg.png)\">"
            "styled</p>"
            "<svg><image href=\"http://127.0.0.1:%1/svg.png\"/><script>window.__pwned=5</script>"
            "</svg>"
            "<span class=\"math\" data-tex=\"x\" onmouseover=\"window.__pwned=6\"></span>"
            "<object data=\"http://127.0.0.1:%1/o\"></object>"
            "<link rel=\"stylesheet\" href=\"http://127.0.0.1:%1/s.css\">"
            "<img src=\"quire-attachment:../../etc/passwd\">")
            .arg(port);
    m_editor->setHtml(hostile);
    const QString h = waitForHtml(
        m_editor, [](const QString &h) { return h.contains(QStringLiteral("HOSTILE-VISIBLE")); });
    QTest::qWait(1000); // time for anything that would fire late (onerror, image loads)

    QCOMPARE(m_editor->view()->title(), title);
    QCOMPARE(js(m_editor, QStringLiteral("String(window.__pwned)")).toString(),
             QStringLiteral("undefined"));
    QCOMPARE(m_sentinelHits, hitsBefore);
    for (const QUrl &url : m_editor->interceptor()->blockedUrls())
        QVERIFY2(url.host() != QLatin1String("127.0.0.1") && url.host() != "example.com",
                 qPrintable(url.toString()));
    for (const QString &bad :
         {QStringLiteral("script"), QStringLiteral("onerror"), QStringLiteral("onclick"),
          QStringLiteral("onmouseover"), QStringLiteral("javascript:"), QStringLiteral("iframe"),
          QStringLiteral("example.com"), QStringLiteral("127.0.0.1"), QStringLiteral("style="),
          QStringLiteral("svg"), QStringLiteral("object"), QStringLiteral("passwd"),
          QStringLiteral("<img")})
        QVERIFY2(!h.contains(bad, Qt::CaseInsensitive), qPrintable(bad + QLatin1String(": ") + h));
    QVERIFY2(h.contains(QStringLiteral("a link")), qPrintable(h)); // the text stays
    QVERIFY2(h.contains(QStringLiteral("<span class=\"math\" data-tex=\"x\"></span>")),
             qPrintable(h));
    // Nothing of it is in the live page either.
    QCOMPARE(js(m_editor, QStringLiteral("document.querySelectorAll('script:not([src]), iframe, "
                                         "object, [onerror], [onclick], [onmouseover]').length"))
                 .toInt(),
             0);
    screenshot(QStringLiteral("hostile-content"));
}

void EditorTest::interceptorOnTheEditorsProfileBlocksTheNetwork() {
    // The editor's profile carries the guard: a page on it that asks for the network directly
    // is stopped before any connection is made, and the attempt is logged.
    RequestInterceptor *interceptor = m_editor->interceptor();
    interceptor->clearLog();
    auto *probe = new QWebEnginePage(m_editor->view()->page()->profile());
    const QUrl url(QStringLiteral("http://127.0.0.1:%1/direct").arg(m_sentinel.serverPort()));
    QSignalSpy finished(probe, &QWebEnginePage::loadFinished);
    probe->load(url);
    QVERIFY(finished.wait(10000));
    QCOMPARE(finished.first().first().toBool(), false);
    QVERIFY(interceptor->blockedUrls().contains(url));
    QCOMPARE(m_sentinelHits, 0);
    delete probe;
}

void EditorTest::pagePolicyForbidsInlineScriptEvalAndForeignImages() {
    // Even if content ever reached the live page as markup, its policy would stop it: no
    // inline script, no eval, no image from outside the notebook.
    const int hitsBefore = m_sentinelHits;
    m_editor->interceptor()->clearLog();
    const QString probe =
        QStringLiteral(
            "(() => { const s = document.createElement('script');"
            " s.textContent = 'window.__inline = 1'; document.body.appendChild(s);"
            " let evaluated = 'blocked'; try { eval('1'); evaluated = 'ran' } catch (e) {}"
            " const i = new Image(); i.src = 'http://127.0.0.1:%1/csp.png';"
            " document.body.appendChild(i);"
            " return [String(window.__inline), evaluated]; })()")
            .arg(m_sentinel.serverPort());
    QCOMPARE(js(m_editor, probe).toStringList(),
             QStringList({QStringLiteral("undefined"), QStringLiteral("blocked")}));
    QTest::qWait(500);
    QCOMPARE(m_sentinelHits, hitsBefore);
    for (const QUrl &url : m_editor->interceptor()->blockedUrls())
        QVERIFY2(url.host() != QLatin1String("127.0.0.1"), qPrintable(url.toString()));
}

void EditorTest::cleanupTestCase() {
    m_window.reset();
    m_notebook.reset();
}

int main(int argc, char *argv[]) {
    return runGuiTest<EditorTest>(argc, argv, "quire-editor-test");
}

#include "tst_editor.moc"
