// The main window's everyday tools, driven as a person would: search as you type with its
// filters, an entry's history side by side, the audit trail with its CSV export, the attached
// files (previews of a PNG and of a PDF's pages, Save a copy, Open, drag and drop), settings,
// the idle lock and a change of language while the window is open. Alice (the founder) and
// Bob (an author) share a notebook through a real bare git repository, so that the author
// filter has two people to tell apart. Runs under Xvfb and saves a screenshot of every state
// in QUIRE_SCREENSHOT_DIR/everyday.

#include "details/AttachmentPanel.h"
#include "editor/EntryDialog.h"
#include "GuiDriver.h"
#include "GuiTestMain.h"
#include "history/AuditTrailDialog.h"
#include "history/HistoryDialog.h"
#include "Notebook.h"
#include "page/EntryPageRenderer.h"
#include "page/EntryPageView.h"
#include "settings/Language.h"
#include "settings/SettingsDialog.h"
#include "sidebar/SearchPanel.h"
#include "sync/SyncController.h"
#include "TestSupport.h"
#include "unlock/UnlockDialog.h"
#include "window/IdleLock.h"
#include "window/MainWindow.h"

#include <QAction>
#include <QApplication>
#include <QClipboard>
#include <QComboBox>
#include <QCryptographicHash>
#include <QDateEdit>
#include <QDesktopServices>
#include <QDialogButtonBox>
#include <QFile>
#include <QFileDialog>
#include <QLabel>
#include <QLineEdit>
#include <QListView>
#include <QMenuBar>
#include <QMimeData>
#include <QPainter>
#include <QPdfWriter>
#include <QPointer>
#include <QPushButton>
#include <QScopeGuard>
#include <QScreen>
#include <QSettings>
#include <QSignalSpy>
#include <QSpinBox>
#include <QStandardItemModel>
#include <QTableView>
#include <QTableWidget>
#include <QTemporaryDir>
#include <QTest>
#include <QTextBrowser>
#include <QToolButton>
#include <QTranslator>
#include <QTreeWidget>
#include <QWebEnginePage>
#include <QWebEngineScript>

#include <cstdio>

using namespace quire;
using namespace quire::widgets;
using quire::test::runTool;

namespace {

const QByteArray kPassphrase = "correct horse battery staple";
const QString kAlice = QStringLiteral("Alice Author");
const QString kBob = QStringLiteral("Bob Bench");
const QString kAssay = QStringLiteral("Lysozyme activity assay");
const QString kStock = QStringLiteral("Phosphate buffer stock");
const QString kBobsExperiment = QStringLiteral("Buffer check");
const QString kCalibration = QStringLiteral("Calibrating the pH meter");
const QString kSubstrate = QStringLiteral("Preparing the substrate suspension");
const QString kDissolve = QStringLiteral("Dissolving the salts");
const QString kTitration = QStringLiteral("Titration of the stock");
constexpr int kLong = 10 * 60 * 1000; // automatic syncs and idle locks out of the way

// German for a few of the window's words, answered only while the program's language is
// German: what the real translation file will do once its texts are written.
class GermanForTest : public QTranslator {
public:
    bool isEmpty() const override { return false; }
    QString translate(const char *context, const char *source, const char *, int) const override {
        if (QLocale().language() != QLocale::German ||
            qstrcmp(context, "quire::widgets::WindowActions") != 0)
            return {};
        if (qstrcmp(source, "&Notebook") == 0) return QStringLiteral("&Notizbuch");
        if (qstrcmp(source, "Search the notebook (%1)") == 0)
            return QStringLiteral("Notizbuch durchsuchen (%1)");
        return {};
    }
};

// Stands in for the desktop's file opener, which a test must not start.
class OpenedFiles : public QObject {
    Q_OBJECT
public:
    QList<QUrl> urls;
public slots:
    void open(const QUrl &url) { urls << url; }
};

} // namespace

class EverydayUiTest : public QObject {
    Q_OBJECT

private slots:
    void initTestCase();
    void snippetMarksBecomeHighlightsAndTheRestIsEscaped();
    void typingInTheSearchFieldShowsHighlightedResults();
    void eachFilterNarrowsTheResults();
    void clickingAResultShowsItsExperimentAtTheEntry();
    void historyShowsBothVersionsSideBySideWithTheChangedLineMarked();
    void historyShowsTheSignaturesOfTheChosenVersion();
    void auditTrailFiltersAndExportsTheShownRowsAsCsv();
    void droppedFilesAreAttachedAndListedWithSizeAndSha256();
    void pngAndPdfPagesArePreviewed();
    void saveACopyWritesIdenticalBytesAndOpenUsesAPrivateFolder();
    void settingsChangeTheIdleLockMinutes();
    void switchingLanguageRetranslatesTheOpenWindow();
    void idleTimeLocksTheWindowAndUnlockRestoresIt();
    void idleTimeDuringAWorkerLocksRightAfterIt();
    void aFileAddedWhileItsEntryIsOpenJoinsTheVersionSavedNext();
    void cleanupTestCase();

private:
    void openAndUnlock(MainWindow *window);
    void unlockAgain();
    void screenshot(const QString &name, QWidget *extra = nullptr);
    void pressShortcutOrTrigger(const QKeySequence &keys, const QString &actionName);
    QString pageHtml();
    void waitForPage(const QString &text);
    template <typename Dialog> Dialog *waitForDialog();
    void search(const QString &text);
    QStringList resultTitles() const;
    QStringList resultExperiments() const;
    void chooseInCombo(const QString &comboName, const QString &text);
    QTreeWidgetItem *panelEntryItem(const QString &title);
    QTreeWidgetItem *panelFileItem(const QString &name);
    void clickTreeItem(QTreeWidgetItem *item);
    static QByteArray readAll(const QString &path);

    QTemporaryDir m_dir;
    QString m_bare, m_vaultA, m_vaultB;
    quire::test::Screenshots m_shots{QStringLiteral("everyday")};
    std::unique_ptr<MainWindow> m_window;
    QHash<QString, QString> m_uuid; // by title: entries and experiments
    QString m_png, m_pdf;
    OpenedFiles m_opened;
};

void EverydayUiTest::initTestCase() {
    QVERIFY(m_dir.isValid());
    for (const char *key : {"idleLockMinutes", "language", "detailsPanelShown"})
        QSettings().remove(QLatin1String(key));
    m_bare = m_dir.filePath(QStringLiteral("server.git"));
    const auto init =
        runTool(QStringLiteral("git"),
                {QStringLiteral("init"), QStringLiteral("--quiet"), QStringLiteral("--bare"),
                 QStringLiteral("-b"), QStringLiteral("main"), m_bare});
    QVERIFY2(init.exitCode == 0, qPrintable(init.all()));
    m_vaultA = m_dir.filePath(QStringLiteral("alice"));
    m_vaultB = m_dir.filePath(QStringLiteral("bob"));

    // A morning's work through the model: Alice's two experiments, one entry signed; Bob let
    // in as an author, with an experiment of his own; both synced.
    {
        auto created = Notebook::create(
            m_vaultA,
            NotebookSpec{QStringLiteral("Enzyme lab"), kAlice, QStringLiteral("alice@lab.example")},
            kPassphrase);
        QVERIFY2(created, qPrintable(created.error()));
        Notebook &a = **created;
        auto assay = a.createExperiment(kAssay, QStringLiteral("Enzymes"),
                                        {QStringLiteral("enzyme"), QStringLiteral("assay")});
        QVERIFY2(assay, qPrintable(assay.error()));
        m_uuid[kAssay] = *assay;
        auto calibration =
            a.addEntry(*assay, kCalibration,
                       QStringLiteral("<p>Two-point calibration with buffer pH 4.01 and 7.00.</p>"
                                      "<p>Slope 98.7 %, offset 2 mV.</p>"));
        QVERIFY2(calibration, qPrintable(calibration.error()));
        m_uuid[kCalibration] = *calibration;
        auto substrate = a.addEntry(
            *assay, kSubstrate,
            QStringLiteral("<p>0.3 mg/ml <em>Micrococcus</em> cells suspended in buffer.</p>"
                           "<p>Buffer: 66 mM sodium phosphate, pH 6.2.</p>"
                           "<p>Kept on ice until use.</p>"));
        QVERIFY2(substrate, qPrintable(substrate.error()));
        m_uuid[kSubstrate] = *substrate;
        auto stock =
            a.createExperiment(kStock, QStringLiteral("Buffers"), {QStringLiteral("buffer")});
        QVERIFY2(stock, qPrintable(stock.error()));
        m_uuid[kStock] = *stock;
        auto dissolve =
            a.addEntry(*stock, kDissolve,
                       QStringLiteral("<p>Dissolve 11.5 g Na2HPO4 for the buffer stock; keep pH "
                                      "&lt; 7.5 &amp; check it.</p>"));
        QVERIFY2(dissolve, qPrintable(dissolve.error()));
        m_uuid[kDissolve] = *dissolve;
        auto signature = a.sign(*calibration, 0, QStringLiteral("authored"), kPassphrase);
        QVERIFY2(signature, qPrintable(signature.error()));

        QVERIFY(a.setRemote(m_bare, {}, {}, {}, {}));
        auto invitation = a.invite();
        QVERIFY2(invitation, qPrintable(invitation.error()));
        auto joined = Notebook::join(m_vaultB, *invitation, kBob, QStringLiteral("bob@lab.example"),
                                     kPassphrase);
        QVERIFY2(joined, qPrintable(joined.error()));
        auto approved = a.approve(joined->request, {QStringLiteral("author")});
        QVERIFY2(approved, qPrintable(approved.error()));
        QVERIFY(a.sync());
        Notebook &b = *joined->notebook;
        QVERIFY(b.sync());
        QVERIFY(!b.isJoining());
        auto check = b.createExperiment(kBobsExperiment, QStringLiteral("Buffers"),
                                        {QStringLiteral("buffer")});
        QVERIFY2(check, qPrintable(check.error()));
        m_uuid[kBobsExperiment] = *check;
        auto titration = b.addEntry(*check, kTitration,
                                    QStringLiteral("<p>Titrated the buffer stock to pH 7.4.</p>"));
        QVERIFY2(titration, qPrintable(titration.error()));
        m_uuid[kTitration] = *titration;
        QVERIFY(b.sync());
        QVERIFY(a.sync());
    } // both vaults released for the window

    // Files to attach: a picture and a two-page PDF, as a plate reader and a supplier give them.
    m_png = m_dir.filePath(QStringLiteral("plate-layout.png"));
    {
        QImage image(480, 320, QImage::Format_RGB32);
        image.fill(Qt::white);
        QPainter p(&image);
        p.setPen(QPen(QColor(0x1d, 0x5f, 0xb4), 3));
        for (int row = 0; row < 4; ++row)
            for (int column = 0; column < 6; ++column)
                p.drawEllipse(QPoint(60 + column * 72, 60 + row * 68), 26, 26);
        p.end();
        QVERIFY(image.save(m_png));
    }
    m_pdf = m_dir.filePath(QStringLiteral("certificate of analysis.pdf"));
    {
        QPdfWriter pdf(m_pdf);
        pdf.setPageSize(QPageSize(QPageSize::A5));
        pdf.setPageMargins(QMarginsF(0, 0, 0, 0));
        pdf.setResolution(72);
        QPainter p(&pdf);
        QFont big = p.font();
        big.setPointSize(28);
        p.setFont(big);
        p.drawText(QRect(20, 40, 360, 80), Qt::AlignLeft, QStringLiteral("Page one"));
        p.fillRect(QRect(20, 140, 200, 120), QColor(0xe0, 0xa0, 0x30));
        pdf.newPage();
        p.drawText(QRect(20, 40, 360, 80), Qt::AlignLeft, QStringLiteral("Page two"));
        p.fillRect(QRect(20, 140, 200, 120), QColor(0x17, 0x66, 0x3a));
        p.end();
    }

    QDesktopServices::setUrlHandler(QStringLiteral("file"), &m_opened, "open");

    m_window = std::make_unique<MainWindow>(m_vaultA);
    m_window->resize(1280, 800);
    m_window->move(0, 0);
    m_window->syncController()->setIntervals(kLong, kLong);
    openAndUnlock(m_window.get());
    QCOMPARE(quire::test::experimentCount(m_window.get()), 3);
}

void EverydayUiTest::openAndUnlock(MainWindow *window) {
    quire::test::openAndUnlock(window, kPassphrase);
}

void EverydayUiTest::unlockAgain() {
    quire::test::unlockThroughDialog(m_window.get(), kPassphrase);
}

void EverydayUiTest::screenshot(const QString &name, QWidget *extra) {
    QVERIFY2(!m_shots.take(m_window.get(), name, extra).isEmpty(), qPrintable(name));
}

void EverydayUiTest::pressShortcutOrTrigger(const QKeySequence &keys, const QString &actionName) {
    quire::test::pressShortcutOrTrigger(m_window.get(), keys, actionName);
}

QString EverydayUiTest::pageHtml() {
    return quire::test::pageHtml(m_window->entryView());
}

void EverydayUiTest::waitForPage(const QString &text) {
    QTRY_VERIFY_WITH_TIMEOUT(pageHtml().contains(text), 10000);
}

template <typename Dialog> Dialog *EverydayUiTest::waitForDialog() {
    return quire::test::waitForDialog<Dialog>(m_window.get());
}

void EverydayUiTest::search(const QString &text) {
    QLineEdit *field = m_window->searchField();
    field->clear();
    QTest::keyClicks(field, text);
    // Results come once the keys are in (after a pause only while searches are slow).
    QTest::qWait(SearchPanel::kDebounceMs + 150);
}

QStringList EverydayUiTest::resultTitles() const {
    QStringList titles;
    const QStandardItemModel *model = m_window->searchPanel()->results();
    for (int row = 0; row < model->rowCount(); ++row)
        titles << model->index(row, 0).data().toString();
    return titles;
}

QStringList EverydayUiTest::resultExperiments() const {
    QStringList uuids;
    const QStandardItemModel *model = m_window->searchPanel()->results();
    for (int row = 0; row < model->rowCount(); ++row)
        uuids << model->index(row, 0).data(SearchPanel::ExperimentUuidRole).toString();
    return uuids;
}

void EverydayUiTest::chooseInCombo(const QString &comboName, const QString &text) {
    auto *combo = m_window->searchPanel()->findChild<QComboBox *>(comboName);
    QVERIFY(combo);
    QVERIFY2(combo->findText(text) >= 0, qPrintable(text));
    // Typing the start of an item chooses it, as on a closed list with the keyboard; keys typed
    // within the input interval would count as one word with the last.
    QTest::qWait(QApplication::keyboardInputInterval() + 50);
    combo->setFocus();
    QTest::keyClicks(combo, text);
    QTRY_COMPARE(combo->currentText(), text);
}

QTreeWidgetItem *EverydayUiTest::panelEntryItem(const QString &title) {
    QTreeWidget *tree = m_window->attachmentPanel()->tree();
    for (int i = 0; i < tree->topLevelItemCount(); ++i)
        if (tree->topLevelItem(i)->text(0).contains(title)) return tree->topLevelItem(i);
    return nullptr;
}

QTreeWidgetItem *EverydayUiTest::panelFileItem(const QString &name) {
    QTreeWidget *tree = m_window->attachmentPanel()->tree();
    for (int i = 0; i < tree->topLevelItemCount(); ++i)
        for (int j = 0; j < tree->topLevelItem(i)->childCount(); ++j)
            if (tree->topLevelItem(i)->child(j)->text(0) == name)
                return tree->topLevelItem(i)->child(j);
    return nullptr;
}

void EverydayUiTest::clickTreeItem(QTreeWidgetItem *item) {
    QTreeWidget *tree = m_window->attachmentPanel()->tree();
    tree->scrollToItem(item);
    QTest::mouseClick(tree->viewport(), Qt::LeftButton, {}, tree->visualItemRect(item).center());
}

QByteArray EverydayUiTest::readAll(const QString &path) {
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) return {};
    return file.readAll();
}

void EverydayUiTest::snippetMarksBecomeHighlightsAndTheRestIsEscaped() {
    const QString html =
        SearchPanel::highlightedSnippet(QStringLiteral("…pH <b>7</b> & [[buffer]] stock [[ph"));
    QVERIFY2(html.startsWith(QStringLiteral("…pH &lt;b&gt;7&lt;/b&gt; &amp; <span")),
             qPrintable(html));
    QVERIFY(html.contains(QStringLiteral(">buffer</span> stock <span")));
    QVERIFY2(html.endsWith(QStringLiteral(">ph</span>")), qPrintable(html)); // closed at the end
    QCOMPARE(html.count(QStringLiteral("<span")), html.count(QStringLiteral("</span>")));
}

void EverydayUiTest::typingInTheSearchFieldShowsHighlightedResults() {
    pressShortcutOrTrigger(QKeySequence(Qt::CTRL | Qt::Key_F), QStringLiteral("findAction"));
    SearchPanel *panel = m_window->searchPanel();
    QTRY_VERIFY(panel->isVisible());
    QVERIFY(!m_window->sidebar()->isVisible());
    auto *hint = panel->findChild<QLabel *>(QStringLiteral("searchEmptyTitle"));
    QVERIFY(hint && hint->isVisible());
    screenshot(QStringLiteral("search-before-typing"));

    QLineEdit *field = m_window->searchField();
    QTest::keyClicks(field, QStringLiteral("buff"));
    // Nothing is searched while the keys come in one go; the text they made is searched once
    // they are in.
    QCOMPARE(panel->resultCount(), 0);
    QTRY_VERIFY_WITH_TIMEOUT(panel->resultCount() > 0, 2000);
    const QStringList titles = resultTitles();
    for (const QString &title : {kCalibration, kSubstrate, kDissolve, kTitration})
        QVERIFY2(titles.contains(title), qPrintable(titles.join(QLatin1Char('|'))));

    // Every entry hit shows its experiment and a snippet with the matches marked, the rest
    // escaped.
    const QStandardItemModel *model = panel->results();
    bool sawEscaped = false;
    for (int row = 0; row < model->rowCount(); ++row) {
        const QModelIndex index = model->index(row, 0);
        if (index.data(SearchPanel::KindRole).toString() != QLatin1String("entry")) continue;
        const QString snippet = index.data(SearchPanel::SnippetHtmlRole).toString();
        QVERIFY2(snippet.contains(QStringLiteral("background-color:#ffe28a")), qPrintable(snippet));
        QVERIFY2(snippet.contains(QRegularExpression(QStringLiteral(">[Bb]uffer</span>"))),
                 qPrintable(snippet));
        QVERIFY(!snippet.contains(QStringLiteral("[[")));
        if (index.data().toString() == kDissolve) {
            QVERIFY2(snippet.contains(QStringLiteral("pH &lt; 7.5")), qPrintable(snippet));
            sawEscaped = true;
        }
        QVERIFY(!index.data(SearchPanel::ExperimentTitleRole).toString().isEmpty());
    }
    QVERIFY(sawEscaped);
    auto *count = panel->findChild<QLabel *>(QStringLiteral("searchCountLabel"));
    QCOMPARE(count->text(), QStringLiteral("%1 found").arg(panel->resultCount()));
    screenshot(QStringLiteral("search-results-highlighted"));
}

void EverydayUiTest::eachFilterNarrowsTheResults() {
    SearchPanel *panel = m_window->searchPanel();
    search(QStringLiteral("buffer"));
    const int all = panel->resultCount();
    QVERIFY(all >= 4);

    chooseInCombo(QStringLiteral("authorCombo"), kBob);
    QTRY_VERIFY(panel->resultCount() < all);
    QVERIFY(panel->resultCount() > 0);
    for (const QString &experiment : resultExperiments())
        QCOMPARE(experiment, m_uuid.value(kBobsExperiment));
    QVERIFY(resultTitles().contains(kTitration));
    screenshot(QStringLiteral("search-filtered-by-author"));
    chooseInCombo(QStringLiteral("authorCombo"), QStringLiteral("Anyone"));
    QTRY_COMPARE(panel->resultCount(), all);

    chooseInCombo(QStringLiteral("tagCombo"), QStringLiteral("#enzyme"));
    QTRY_VERIFY(panel->resultCount() < all);
    const QStringList enzymeTitles = resultTitles();
    QCOMPARE(QSet<QString>(enzymeTitles.cbegin(), enzymeTitles.cend()),
             (QSet<QString>{kCalibration, kSubstrate}));
    chooseInCombo(QStringLiteral("tagCombo"), QStringLiteral("Any tag"));
    QTRY_COMPARE(panel->resultCount(), all);

    chooseInCombo(QStringLiteral("signedCombo"), QStringLiteral("Signed"));
    QTRY_COMPARE(resultTitles(), QStringList{kCalibration});
    chooseInCombo(QStringLiteral("signedCombo"), QStringLiteral("Not signed"));
    QTRY_VERIFY(!resultTitles().contains(kCalibration));
    QVERIFY(resultTitles().contains(kSubstrate));
    QVERIFY(resultTitles().contains(kTitration));
    auto *toggle = panel->findChild<QToolButton *>(QStringLiteral("filterToggle"));
    QCOMPARE(toggle->text(), QStringLiteral("Filters (1)"));
    chooseInCombo(QStringLiteral("signedCombo"), QStringLiteral("Signed or not"));
    QTRY_COMPARE(panel->resultCount(), all);

    // Everything here was written today: from today on, all of it; from tomorrow, nothing.
    auto *from = panel->findChild<QDateEdit *>(QStringLiteral("fromDateEdit"));
    QVERIFY(from);
    QCOMPARE(from->text(), QStringLiteral("Any day"));
    from->setDate(QDate::currentDate());
    QTRY_COMPARE(panel->resultCount(), all);
    from->setDate(QDate::currentDate().addDays(1));
    QTRY_COMPARE_WITH_TIMEOUT(panel->resultCount(), 0, 2000);
    auto *empty = panel->findChild<QLabel *>(QStringLiteral("searchEmptyTitle"));
    QVERIFY(empty->isVisible());
    QCOMPARE(empty->text(), QStringLiteral("No entries match."));
    screenshot(QStringLiteral("search-no-match"));

    // A filter alone lists what meets it.
    QTest::mouseClick(panel->findChild<QPushButton *>(QStringLiteral("clearFiltersButton")),
                      Qt::LeftButton);
    QTRY_COMPARE(panel->resultCount(), all);
    m_window->searchField()->clear();
    chooseInCombo(QStringLiteral("authorCombo"), kBob);
    QTRY_VERIFY(resultTitles().contains(kTitration));
    QVERIFY(!resultTitles().contains(kSubstrate));
    chooseInCombo(QStringLiteral("authorCombo"), QStringLiteral("Anyone"));
}

void EverydayUiTest::clickingAResultShowsItsExperimentAtTheEntry() {
    // Start elsewhere, so that the click has to change the experiment shown.
    QVERIFY(quire::test::clickExperiment(m_window.get(), m_uuid.value(kStock)));
    waitForPage(kDissolve);

    search(QStringLiteral("micrococcus"));
    SearchPanel *panel = m_window->searchPanel();
    QTRY_COMPARE(resultTitles(), QStringList{kSubstrate});
    QListView *results = panel->resultList();
    QVERIFY(quire::test::pageShownAfter(m_window->entryView(), [&] {
        QTest::mouseClick(results->viewport(), Qt::LeftButton, {},
                          results->visualRect(panel->results()->index(0, 0)).center());
    }));
    QCOMPARE(m_window->currentExperiment(), m_uuid.value(kAssay));
    QCOMPARE(m_window->entryView()->url().fragment(),
             EntryPageRenderer::anchorFor(m_uuid.value(kSubstrate)));
    QCOMPARE(m_window->currentEntry(), m_uuid.value(kSubstrate));
    const QString html = pageHtml();
    QVERIFY(html.contains(kSubstrate));
    QVERIFY(html.contains(QStringLiteral("article.entry:target")));
    // The search stays open for the next result.
    QVERIFY(panel->isVisible());
    screenshot(QStringLiteral("search-result-opened-at-entry"));

    // Escape in the field closes the search and shows the experiments again.
    m_window->searchField()->setFocus();
    QTest::keyClick(m_window->searchField(), Qt::Key_Escape);
    QTRY_VERIFY(m_window->sidebar()->isVisible());
    QVERIFY(m_window->searchField()->text().isEmpty());
    QCOMPARE(m_window->currentExperiment(), m_uuid.value(kAssay));
}

void EverydayUiTest::historyShowsBothVersionsSideBySideWithTheChangedLineMarked() {
    const QString substrate = m_uuid.value(kSubstrate);
    auto edited = m_window->notebook()->editEntry(
        substrate, kSubstrate,
        QStringLiteral("<p>0.3 mg/ml <em>Micrococcus</em> cells suspended in buffer.</p>"
                       "<p>Buffer: 50 mM sodium phosphate, pH 6.2.</p>"
                       "<p>Kept on ice until use.</p><p>Used within two hours.</p>"),
        QStringLiteral("the buffer was 50 mM, not 66 mM"));
    QVERIFY2(edited, qPrintable(edited.error()));
    waitForPage(QStringLiteral("Version 2 of 2"));

    // The entry's own "History" link on the page.
    m_window->entryView()->page()->runJavaScript(
        QStringLiteral("document.querySelector('a[href=\"#%1\"]').click()")
            .arg(EntryPageRenderer::historyFragment(substrate)),
        QWebEngineScript::ApplicationWorld);
    QPointer<HistoryDialog> dialog = waitForDialog<HistoryDialog>();
    QVERIFY2(dialog, "the History link opened no dialog");
    QCOMPARE(dialog->entry(), substrate);
    auto *table = dialog->findChild<QTableWidget *>(QStringLiteral("versionTable"));
    QCOMPARE(table->rowCount(), 2);
    QCOMPARE(table->item(1, 3)->text(), QStringLiteral("the buffer was 50 mM, not 66 mM"));
    QCOMPARE(table->item(1, 2)->text(), kAlice);
    QVERIFY2(table->item(1, 1)->text().contains(QRegularExpression(QStringLiteral("CES?T$"))),
             qPrintable(table->item(1, 1)->text())); // the time with its zone
    QCOMPARE(table->item(1, 4)->text(), QStringLiteral("Current"));
    QCOMPARE(table->item(0, 4)->text(), QStringLiteral("Earlier"));
    QCOMPARE(dialog->shownVersion(), 2);

    const QList<DiffRow> rows = dialog->rows();
    const auto changed = std::find_if(rows.cbegin(), rows.cend(), [](const DiffRow &r) {
        return r.kind == DiffRow::Kind::Changed;
    });
    QVERIFY(changed != rows.cend());
    QCOMPARE(changed->left, QStringLiteral("Buffer: 66 mM sodium phosphate, pH 6.2."));
    QCOMPARE(changed->right, QStringLiteral("Buffer: 50 mM sodium phosphate, pH 6.2."));
    QVERIFY(std::any_of(rows.cbegin(), rows.cend(), [](const DiffRow &r) {
        return r.kind == DiffRow::Kind::Added && r.right == QLatin1String("Used within two hours.");
    }));
    // Both versions stand side by side, the changed line shaded amber on both sides.
    auto *view = dialog->findChild<QTextBrowser *>(QStringLiteral("changeView"));
    const QString shown = view->toPlainText();
    QVERIFY(shown.contains(QStringLiteral("66 mM")));
    QVERIFY(shown.contains(QStringLiteral("50 mM")));
    const QString html = view->toHtml();
    QVERIFY2(html.contains(QStringLiteral("#fff3d1")), qPrintable(html));
    QVERIFY(html.contains(QStringLiteral("#dcf3e3")));
    screenshot(QStringLiteral("history-side-by-side"), dialog);

    // Version 1 is the first, shown against nothing.
    QTest::mouseClick(table->viewport(), Qt::LeftButton, {},
                      table->visualItemRect(table->item(0, 0)).center());
    QTRY_COMPARE(dialog->shownVersion(), 1);
    QVERIFY(std::all_of(dialog->rows().cbegin(), dialog->rows().cend(),
                        [](const DiffRow &r) { return r.kind == DiffRow::Kind::Added; }));
    auto *heading = dialog->findChild<QLabel *>(QStringLiteral("changesHeading"));
    QVERIFY(heading->text().contains(QStringLiteral("first version")));
    dialog->reject();
    QTRY_VERIFY(!dialog);
}

void EverydayUiTest::historyShowsTheSignaturesOfTheChosenVersion() {
    // Ctrl+H: the history of the entry the person is at (the link above chose it).
    pressShortcutOrTrigger(QKeySequence(Qt::CTRL | Qt::Key_H), QStringLiteral("historyAction"));
    QPointer<HistoryDialog> dialog = waitForDialog<HistoryDialog>();
    QVERIFY(dialog);
    QCOMPARE(dialog->entry(), m_uuid.value(kSubstrate));
    auto *signatures = dialog->findChild<QLabel *>(QStringLiteral("signaturesLabel"));
    QCOMPARE(signatures->text(), QStringLiteral("This version has no signatures."));

    auto *combo = dialog->findChild<QComboBox *>(QStringLiteral("entryCombo"));
    QVERIFY(combo);
    combo->setFocus();
    QTest::keyClicks(combo, QStringLiteral("1."));
    QTRY_COMPARE(dialog->entry(), m_uuid.value(kCalibration));
    QVERIFY2(signatures->text().contains(kAlice), qPrintable(signatures->text()));
    QVERIFY2(signatures->text().contains(QStringLiteral("Authored")),
             qPrintable(signatures->text()));
    auto *table = dialog->findChild<QTableWidget *>(QStringLiteral("versionTable"));
    QCOMPARE(table->rowCount(), 1);
    QCOMPARE(table->item(0, 4)->text(), QStringLiteral("Current · 1 signature"));
    screenshot(QStringLiteral("history-signed-version"), dialog);
    dialog->reject();
    QTRY_VERIFY(!dialog);
}

void EverydayUiTest::auditTrailFiltersAndExportsTheShownRowsAsCsv() {
    m_window->findChild<QAction *>(QStringLiteral("auditTrailAction"))->trigger();
    QPointer<AuditTrailDialog> dialog = waitForDialog<AuditTrailDialog>();
    QVERIFY(dialog);
    QTRY_VERIFY_WITH_TIMEOUT(!dialog->isLoading(), 10000);
    QTRY_VERIFY(!m_window->isBusy());
    const int total = dialog->totalCount();
    QVERIFY(total >= 10);
    QTableView *table = dialog->table();
    QCOMPARE(table->model()->rowCount(), total);
    screenshot(QStringLiteral("audit-trail"), dialog);

    // Words narrow the rows...
    QTest::keyClicks(dialog->findChild<QLineEdit *>(QStringLiteral("filterEdit")),
                     QStringLiteral("substrate"));
    QTRY_VERIFY(table->model()->rowCount() < total);
    const int substrateRows = table->model()->rowCount();
    QVERIFY(substrateRows >= 2); // created and amended
    for (int row = 0; row < substrateRows; ++row)
        QVERIFY(table->model()->index(row, 3).data().toString().contains(
            QStringLiteral("substrate"), Qt::CaseInsensitive));
    // ...and so does the action.
    auto *action = dialog->findChild<QComboBox *>(QStringLiteral("actionCombo"));
    action->setFocus();
    QTest::keyClicks(action, QStringLiteral("Changed"));
    QTRY_COMPARE(action->currentText(), QStringLiteral("Changed"));
    QTRY_COMPARE(table->model()->rowCount(), 1);
    QCOMPARE(table->model()->index(0, 2).data().toString(), QStringLiteral("Changed"));
    QCOMPARE(table->model()->index(0, 1).data().toString(), kAlice);
    auto *count = dialog->findChild<QLabel *>(QStringLiteral("countLabel"));
    QCOMPARE(count->text(), QStringLiteral("1 of %1 events").arg(total));
    screenshot(QStringLiteral("audit-trail-filtered"), dialog);

    // Export CSV…, answering the file dialog as a person would.
    const QString path = m_dir.filePath(QStringLiteral("audit.csv"));
    quire::test::FileDialogAnswerer answer(
        dialog, QDialogButtonBox::Save, [&](QFileDialog *chooser) {
            auto *name = chooser->findChild<QLineEdit *>(QStringLiteral("fileNameEdit"));
            if (!name || name->text() == path) return;
            name->selectAll();
            QTest::keyClicks(name, path);
        });
    QTest::mouseClick(dialog->findChild<QPushButton *>(QStringLiteral("exportCsvButton")),
                      Qt::LeftButton);
    QTRY_VERIFY2(answer.answered(), "Export CSV… asked for no file");
    QTRY_VERIFY2(QFileInfo::exists(path),
                 qPrintable(dialog->findChild<QLabel *>(QStringLiteral("resultLabel"))->text() +
                            dialog->findChild<QLabel *>(QStringLiteral("errorLabel"))->text()));
    const QByteArray csv = readAll(path);
    QVERIFY(csv.startsWith("\xEF\xBB\xBF"
                           "recorded_at,author,action,type,object,summary,record\r\n"));
    const QList<QByteArray> lines = csv.trimmed().split('\n');
    QCOMPARE(lines.size(), 2); // the header and the one row shown
    QVERIFY2(lines.at(1).contains(",amended,entry,"), lines.at(1).constData());
    QVERIFY(lines.at(1).contains(m_uuid.value(kSubstrate).toUtf8()));
    QVERIFY(lines.at(1).contains(kAlice.toUtf8()));
    auto *result = dialog->findChild<QLabel *>(QStringLiteral("resultLabel"));
    QVERIFY(result->isVisible() && result->text().contains(QStringLiteral("audit.csv")));

    // The date range: nothing recorded before today; the public method writes the same CSV.
    action->setCurrentIndex(0);
    dialog->findChild<QLineEdit *>(QStringLiteral("filterEdit"))->clear();
    auto *to = dialog->findChild<QDateEdit *>(QStringLiteral("toDateEdit"));
    to->setDate(QDate::currentDate().addDays(-1));
    QTRY_COMPARE(table->model()->rowCount(), 0);
    QVERIFY(!dialog->findChild<QPushButton *>(QStringLiteral("exportCsvButton"))->isEnabled());
    to->setDate(QDate::currentDate());
    QTRY_COMPARE(table->model()->rowCount(), total);
    const QString everything = m_dir.filePath(QStringLiteral("audit-all.csv"));
    QVERIFY(dialog->exportTo(everything));
    QCOMPARE(readAll(everything), Notebook::auditCsv(dialog->filteredEvents()));
    QCOMPARE(readAll(everything).count('\n'), total + 1);
    dialog->reject();
    QTRY_VERIFY(!dialog);
}

void EverydayUiTest::droppedFilesAreAttachedAndListedWithSizeAndSha256() {
    QCOMPARE(m_window->currentExperiment(), m_uuid.value(kAssay));
    AttachmentPanel *panel = m_window->attachmentPanel();
    QVERIFY(panel->isVisible());
    QTreeWidgetItem *target = panelEntryItem(kSubstrate);
    QVERIFY(target);
    QCOMPARE(target->text(1), QStringLiteral("no files"));
    screenshot(QStringLiteral("attachments-none-yet"));

    // Both files dropped on the entry's row in the panel.
    QMimeData mime;
    mime.setUrls({QUrl::fromLocalFile(m_png), QUrl::fromLocalFile(m_pdf)});
    QTreeWidget *tree = panel->tree();
    const QPoint at = tree->viewport()->mapTo(panel, tree->visualItemRect(target).center());
    QDragEnterEvent enter(at, Qt::CopyAction, &mime, Qt::LeftButton, Qt::NoModifier);
    QApplication::sendEvent(panel, &enter);
    QVERIFY(enter.isAccepted());
    QDragMoveEvent move(at, Qt::CopyAction, &mime, Qt::LeftButton, Qt::NoModifier);
    QApplication::sendEvent(panel, &move);
    QVERIFY(move.isAccepted());
    QDropEvent drop(QPointF(at), Qt::CopyAction, &mime, Qt::LeftButton, Qt::NoModifier);
    QApplication::sendEvent(panel, &drop);
    QVERIFY(drop.isAccepted());
    QTRY_VERIFY_WITH_TIMEOUT(panelFileItem(QStringLiteral("plate-layout.png")) &&
                                 panelFileItem(QStringLiteral("certificate of analysis.pdf")),
                             20000);
    QTRY_VERIFY(!m_window->isBusy());
    auto entry = m_window->notebook()->entry(m_uuid.value(kSubstrate));
    QVERIFY(entry);
    QCOMPARE(entry->attachments.size(), 2);

    QTreeWidgetItem *png = panelFileItem(QStringLiteral("plate-layout.png"));
    QCOMPARE(png->parent()->text(0), QStringLiteral("2. %1").arg(kSubstrate));
    QCOMPARE(png->text(1), QLocale().formattedDataSize(QFileInfo(m_png).size()));
    clickTreeItem(png);
    QTRY_COMPARE(panel->selectedAttachment(), entry->attachments.first().id);
    const QString sha = QString::fromLatin1(
        QCryptographicHash::hash(readAll(m_png), QCryptographicHash::Sha256).toHex());
    QCOMPARE(panel->shownSha256(), sha);
    auto *shaLabel = panel->findChild<QLabel *>(QStringLiteral("sha256Label"));
    QCOMPARE(shaLabel->text(), sha.left(8) + QStringLiteral("…") + sha.right(8));
    QVERIFY(shaLabel->toolTip().contains(sha));
    auto *name = panel->findChild<QLabel *>(QStringLiteral("attachmentNameLabel"));
    QCOMPARE(name->text(), QStringLiteral("plate-layout.png"));
    QTest::mouseClick(panel->findChild<QToolButton *>(QStringLiteral("copySha256Button")),
                      Qt::LeftButton);
    QCOMPARE(QGuiApplication::clipboard()->text(), sha);
    // The page lists the files too, each a link to the panel.
    waitForPage(QStringLiteral("certificate of analysis.pdf"));
    QVERIFY(pageHtml().contains(EntryPageRenderer::fileFragment(entry->attachments.last().id)));
}

void EverydayUiTest::pngAndPdfPagesArePreviewed() {
    AttachmentPanel *panel = m_window->attachmentPanel();
    const QImage png = panel->previewImage();
    QCOMPARE(png.size(), QSize(480, 320)); // small enough to be shown at its own size
    QCOMPARE(QColor(png.pixel(0, 0)), QColor(Qt::white));
    QCOMPARE(panel->previewPage(), -1);
    screenshot(QStringLiteral("attachments-png-preview"));

    // The PDF's name on the page selects it in the panel.
    auto entry = m_window->notebook()->entry(m_uuid.value(kSubstrate));
    const QString pdfId = entry->attachments.last().id;
    m_window->entryView()->page()->runJavaScript(
        QStringLiteral("document.querySelector('a[href=\"#%1\"]').click()")
            .arg(EntryPageRenderer::fileFragment(pdfId)),
        QWebEngineScript::ApplicationWorld);
    QTRY_COMPARE(panel->selectedAttachment(), pdfId);
    QCOMPARE(panel->previewPage(), 0);
    const QImage first = panel->previewImage();
    QVERIFY(!first.isNull());
    // A5 is taller than wide; the orange box is on page one.
    QVERIFY(first.height() > first.width());
    auto *next = panel->findChild<QToolButton *>(QStringLiteral("nextPageButton"));
    auto *previous = panel->findChild<QToolButton *>(QStringLiteral("previousPageButton"));
    auto *page = panel->findChild<QLabel *>(QStringLiteral("pageLabel"));
    QVERIFY(next->isEnabled());
    QVERIFY(!previous->isEnabled());
    QCOMPARE(page->text(), QStringLiteral("Page 1"));
    auto colourAt = [](const QImage &image, double x, double y) {
        return QColor(image.pixel(int(image.width() * x), int(image.height() * y)));
    };
    // 20..220 × 140..260 points of a 420 × 595 page.
    const QColor orange = colourAt(first, 120.0 / 420, 200.0 / 595);
    QVERIFY2(orange.red() > 200 && orange.green() > 130 && orange.blue() < 90,
             qPrintable(orange.name()));
    screenshot(QStringLiteral("attachments-pdf-page-1"));

    QTest::mouseClick(next, Qt::LeftButton);
    QTRY_COMPARE(panel->previewPage(), 1);
    const QColor green = colourAt(panel->previewImage(), 120.0 / 420, 200.0 / 595);
    QVERIFY2(green.green() > green.red() && green.red() < 60, qPrintable(green.name()));
    QVERIFY(!next->isEnabled()); // two pages only
    QVERIFY(previous->isEnabled());
    QCOMPARE(page->text(), QStringLiteral("Page 2"));
    screenshot(QStringLiteral("attachments-pdf-page-2"));
    QTest::mouseClick(previous, Qt::LeftButton);
    QTRY_COMPARE(panel->previewPage(), 0);
}

void EverydayUiTest::saveACopyWritesIdenticalBytesAndOpenUsesAPrivateFolder() {
    AttachmentPanel *panel = m_window->attachmentPanel();
    QSignalSpy written(panel, &AttachmentPanel::copyWritten);
    const QString copy = m_dir.filePath(QStringLiteral("copy of the certificate.pdf"));
    panel->saveCopyTo(copy);
    QVERIFY(written.wait(10000));
    QCOMPARE(readAll(copy), readAll(m_pdf));
    QTRY_VERIFY(!m_window->isBusy());

    QVERIFY(m_window->openFolderPath().isEmpty()); // made when first needed
    m_opened.urls.clear();
    clickTreeItem(panelFileItem(QStringLiteral("plate-layout.png")));
    QTest::mouseClick(panel->findChild<QPushButton *>(QStringLiteral("openAttachmentButton")),
                      Qt::LeftButton);
    QTRY_COMPARE(m_opened.urls.size(), 1);
    const QString opened = m_opened.urls.first().toLocalFile();
    const QString folder = m_window->openFolderPath();
    QVERIFY(!folder.isEmpty());
    QVERIFY2(opened.startsWith(folder + QLatin1Char('/')), qPrintable(opened));
    QCOMPARE(QFileInfo(opened).fileName(), QStringLiteral("plate-layout.png"));
    QCOMPARE(readAll(opened), readAll(m_png));
    QCOMPARE(QFileInfo(folder).permissions() & (QFile::ReadOther | QFile::ReadGroup),
             QFile::Permissions());
    QVERIFY(!(QFileInfo(opened).permissions() & QFile::WriteOwner)); // a copy to read
    auto *status = panel->findChild<QLabel *>(QStringLiteral("attachmentStatusLabel"));
    QVERIFY(status->text().contains(QStringLiteral("removed when the notebook is locked")));
    screenshot(QStringLiteral("attachments-opened"));
}

void EverydayUiTest::settingsChangeTheIdleLockMinutes() {
    QCOMPARE(m_window->idleLock()->intervalMs(), IdleLock::kDefaultMinutes * 60 * 1000);
    pressShortcutOrTrigger(QKeySequence(Qt::CTRL | Qt::Key_Comma),
                           QStringLiteral("settingsAction"));
    QPointer<SettingsDialog> dialog = waitForDialog<SettingsDialog>();
    QVERIFY(dialog);
    auto *spin = dialog->findChild<QSpinBox *>(QStringLiteral("idleMinutesSpin"));
    QCOMPARE(spin->value(), 10);
    QCOMPARE(spin->minimum(), 1);
    QCOMPARE(spin->maximum(), 240);
    QVERIFY(dialog->findChild<QPushButton *>(QStringLiteral("remoteSettingsButton"))->isEnabled());
    screenshot(QStringLiteral("settings"), dialog);
    spin->setFocus();
    spin->selectAll();
    QTest::keyClicks(spin, QStringLiteral("25"));
    QCOMPARE(spin->value(), 25);
    auto *buttons = dialog->findChild<QDialogButtonBox *>();
    QTest::mouseClick(buttons->button(QDialogButtonBox::Ok), Qt::LeftButton);
    QTRY_VERIFY(!dialog || !dialog->isVisible());
    QCOMPARE(QSettings().value(QStringLiteral("idleLockMinutes")).toInt(), 25);
    QCOMPARE(IdleLock::storedMinutes(), 25);
    QCOMPARE(m_window->idleLock()->intervalMs(), 25 * 60 * 1000);
}

void EverydayUiTest::switchingLanguageRetranslatesTheOpenWindow() {
    auto notebookMenuTitle = [this] {
        for (QAction *a : m_window->menuBar()->actions())
            if (a->menu() && a->menu()->actions().contains(m_window->findChild<QAction *>(
                                 QStringLiteral("auditTrailAction"))))
                return a->text();
        return QString();
    };
    auto inEffect = [](const char *source) {
        return QCoreApplication::translate("quire::widgets::WindowActions", source);
    };
    QCOMPARE(notebookMenuTitle(), QStringLiteral("&Notebook"));
    // German for two of the window's words even where translations/quire_de.ts has none yet;
    // where it has them, its own words win, as they were installed later.
    GermanForTest german;
    QCoreApplication::installTranslator(&german); // says nothing while the language is English
    QTest::qWait(100);
    QCOMPARE(notebookMenuTitle(), QStringLiteral("&Notebook"));
    // Whatever happens below, the language is English again afterwards.
    auto backToEnglish = qScopeGuard([this, &german] {
        QCoreApplication::removeTranslator(&german);
        setLanguageSetting(QString());
        installTranslations();
        QEvent change(QEvent::LanguageChange);
        QCoreApplication::sendEvent(QCoreApplication::instance(), &change);
    });

    m_window->findChild<QAction *>(QStringLiteral("settingsAction"))->trigger();
    QPointer<SettingsDialog> dialog = waitForDialog<SettingsDialog>();
    QVERIFY(dialog);
    auto *combo = dialog->findChild<QComboBox *>(QStringLiteral("languageCombo"));
    QCOMPARE(combo->currentText(), QStringLiteral("System default"));
    const int deutsch = combo->findData(QStringLiteral("de"));
    QVERIFY2(deutsch > 0, "German is not among the languages offered");
    QCOMPARE(combo->itemText(deutsch), QStringLiteral("Deutsch"));
    combo->setFocus();
    QTest::keyClicks(combo, QStringLiteral("Deutsch"));
    QCOMPARE(combo->currentIndex(), deutsch);
    QTest::mouseClick(dialog->findChild<QDialogButtonBox *>()->button(QDialogButtonBox::Ok),
                      Qt::LeftButton);
    QTRY_VERIFY(!dialog || !dialog->isVisible());
    QCOMPARE(QSettings().value(QStringLiteral("language")).toString(), QStringLiteral("de"));

    // The open window speaks German at once: its menus, its search field, and the page, which
    // is made again in the new language.
    const QString notebookGerman = inEffect("&Notebook");
    QVERIFY2(notebookGerman != QLatin1String("&Notebook"), qPrintable(notebookGerman));
    QTRY_COMPARE(notebookMenuTitle(), notebookGerman);
    // The shortcut in it is written as German keyboards label it (Qt's own translation).
    const QString searchGerman =
        inEffect("Search the notebook (%1)")
            .arg(QKeySequence(QKeySequence::Find).toString(QKeySequence::NativeText));
    QVERIFY2(!searchGerman.startsWith(QLatin1String("Search the notebook")),
             qPrintable(searchGerman));
    QCOMPARE(m_window->searchField()->placeholderText(), searchGerman);
    // The page is made again on the next turn of the event loop and loaded by Chromium; on a
    // loaded machine that can take longer than the default five seconds.
    QTRY_VERIFY_WITH_TIMEOUT(pageHtml().contains(QStringLiteral("lang=\"de\"")), 20000);
    screenshot(QStringLiteral("language-german"));

    m_window->findChild<QAction *>(QStringLiteral("settingsAction"))->trigger();
    dialog = waitForDialog<SettingsDialog>();
    QVERIFY(dialog);
    combo = dialog->findChild<QComboBox *>(QStringLiteral("languageCombo"));
    combo->setCurrentIndex(0);
    dialog->accept();
    QTRY_COMPARE(notebookMenuTitle(), QStringLiteral("&Notebook"));
    QVERIFY(QSettings().value(QStringLiteral("language")).toString().isEmpty());
    QCOMPARE(m_window->searchField()->placeholderText(),
             QStringLiteral("Search the notebook (Ctrl+F)"));
}

void EverydayUiTest::idleTimeLocksTheWindowAndUnlockRestoresIt() {
    // Something of the notebook open everywhere: search results, a dialog, an opened copy.
    m_window->focusSearch();
    search(QStringLiteral("buffer"));
    QTRY_VERIFY(m_window->searchPanel()->resultCount() > 0);
    const QString folder = m_window->openFolderPath();
    QVERIFY(QFileInfo::exists(folder));
    m_window->showHistory(m_uuid.value(kSubstrate));
    QPointer<HistoryDialog> history = waitForDialog<HistoryDialog>();
    QVERIFY(history);

    QSignalSpy locked(m_window.get(), &MainWindow::locked);
    m_window->idleLock()->setIntervalMs(800);
    QVERIFY(locked.wait(5000));
    QCOMPARE(m_window->notebook(), nullptr);
    QTRY_VERIFY(!history);
    QTRY_COMPARE(m_window->entryView()->url(), QUrl(QStringLiteral("about:blank")));
    QCOMPARE(quire::test::experimentCount(m_window.get()), 0);
    QCOMPARE(m_window->searchPanel()->resultCount(), 0);
    QVERIFY(m_window->searchField()->text().isEmpty());
    QCOMPARE(m_window->attachmentPanel()->tree()->topLevelItemCount(), 0);
    QVERIFY(m_window->openFolderPath().isEmpty());
    QVERIFY2(!QFileInfo::exists(folder), qPrintable(folder));
    QVERIFY(!m_window->idleLock()->isActive());
    auto *status = m_window->findChild<QLabel *>(QStringLiteral("statusLabel"));
    QCOMPARE(m_window->findChild<QToolButton *>(QStringLiteral("lockStatusButton"))->text(),
             QStringLiteral("Locked"));
    screenshot(QStringLiteral("idle-locked"), m_window->gateDialog());

    m_window->idleLock()->setIntervalMs(kLong);
    unlockAgain();
    QVERIFY(m_window->notebook());
    QVERIFY(m_window->idleLock()->isActive());
    QCOMPARE(quire::test::experimentCount(m_window.get()), 3);
    QCOMPARE(m_window->currentExperiment(), m_uuid.value(kAssay)); // back where it was
    QTRY_VERIFY(m_window->attachmentPanel()->tree()->topLevelItemCount() > 0);
    QVERIFY(status->text().contains(QStringLiteral("Alice Author")));
    QCOMPARE(m_window->findChild<QToolButton *>(QStringLiteral("lockStatusButton"))->text(),
             QStringLiteral("Unlocked"));
    screenshot(QStringLiteral("unlocked-again"));
}

void EverydayUiTest::idleTimeDuringAWorkerLocksRightAfterIt() {
    // A file large enough that storing it takes a moment; the idle time runs out meanwhile.
    const QString big = m_dir.filePath(QStringLiteral("raw plate reads.bin"));
    {
        QFile file(big);
        QVERIFY(file.open(QIODevice::WriteOnly));
        QByteArray block(1024 * 1024, '\0');
        for (int i = 0; i < 96; ++i) {
            for (int j = 0; j < block.size(); j += 4096)
                block[j] = char(i + j);
            file.write(block);
        }
    }
    QTRY_COMPARE(m_window->currentExperiment(), m_uuid.value(kAssay));
    QTRY_VERIFY(!m_window->isBusy());
    QSignalSpy locked(m_window.get(), &MainWindow::locked);
    bool busyWhenIdle = false;
    QMetaObject::Connection watch = connect(
        m_window->idleLock(), &IdleLock::idle, this, [&] { busyWhenIdle = m_window->isBusy(); },
        Qt::DirectConnection);
    m_window->attachFiles(m_uuid.value(kSubstrate), {big});
    QVERIFY(m_window->isBusy());
    m_window->idleLock()->setIntervalMs(20);
    QVERIFY(locked.wait(60000));
    disconnect(watch);
    QVERIFY2(busyWhenIdle, "the idle time passed after the file was stored; no worker to wait for");
    QCOMPARE(m_window->notebook(), nullptr);

    m_window->idleLock()->setIntervalMs(kLong);
    unlockAgain();
    auto entry = m_window->notebook()->entry(m_uuid.value(kSubstrate));
    QVERIFY(entry);
    QCOMPARE(entry->attachments.size(), 3); // stored whole before the lock
    QCOMPARE(entry->attachments.last().name, QStringLiteral("raw plate reads.bin"));
}

void EverydayUiTest::aFileAddedWhileItsEntryIsOpenJoinsTheVersionSavedNext() {
    Notebook *notebook = m_window->notebook();
    QVERIFY(notebook);
    const QString uuid = m_uuid.value(kSubstrate);
    const auto before = notebook->entry(uuid);
    QVERIFY(before);
    m_window->editEntry(uuid);
    QPointer<EntryDialog> dialog;
    QTRY_VERIFY((dialog = m_window->findChild<EntryDialog *>()) && dialog->isVisible());
    QVERIFY(quire::test::showEditor(dialog));

    // Added from the Files panel while the text is open: kept in the notebook at once, and no
    // version of its own (no "attached …" version with a reason the person did not write).
    const QString sheet = m_dir.filePath(QStringLiteral("weighing sheet.csv"));
    {
        QFile file(sheet);
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write("sample,mass_mg\nS1,12.31\nS2,12.28\n");
    }
    m_window->attachFiles(uuid, {sheet});
    QTRY_VERIFY(!m_window->isBusy());
    QCOMPARE(dialog->filesForNextVersion().size(), 1);
    const QString id = dialog->filesForNextVersion().first();
    QVERIFY(notebook->attachment(id));
    QCOMPARE(notebook->entry(uuid)->version, before->version);
    auto *notice = dialog->findChild<QLabel *>(QStringLiteral("filesNotice"));
    QVERIFY(notice && notice->isVisible());
    QVERIFY2(notice->text().contains(QStringLiteral("weighing sheet.csv")),
             qPrintable(notice->text()));
    // A crash now loses nothing: the draft names the file.
    QTRY_VERIFY_WITH_TIMEOUT(
        [&] {
            auto drafts = notebook->drafts();
            if (!drafts) return false;
            for (const Draft &d : *drafts)
                if (d.key == uuid && d.attachments == QStringList{id}) return true;
            return false;
        }(),
        EntryDialog::kDraftDelayMs + 10000);
    QVERIFY(!m_shots.take(dialog, QStringLiteral("file-joins-next-version")).isEmpty());

    // One save, one version: the person's reason, the file named with the text.
    dialog->findChild<QLineEdit *>(QStringLiteral("reasonEdit"))
        ->setText(QStringLiteral("weighing sheet added"));
    QSignalSpy saved(dialog.data(), &EntryDialog::saved);
    dialog->saveVersion();
    QVERIFY(saved.wait(20000));
    const auto after = notebook->entry(uuid);
    QVERIFY(after);
    QCOMPARE(after->version, before->version + 1);
    QCOMPARE(after->reason, QStringLiteral("weighing sheet added"));
    QCOMPARE(after->attachments.size(), before->attachments.size() + 1);
    QCOMPARE(after->attachments.last().id, id);
    QVERIFY(dialog->filesForNextVersion().isEmpty());
    dialog->closeAsking();
    QTRY_VERIFY(!dialog);
}

void EverydayUiTest::cleanupTestCase() {
    QDesktopServices::unsetUrlHandler(QStringLiteral("file"));
    for (const char *key : {"idleLockMinutes", "language", "detailsPanelShown"})
        QSettings().remove(QLatin1String(key));
    m_window.reset();
    std::printf("Screenshots in %s\n", qPrintable(m_shots.dir()));
}

int main(int argc, char *argv[]) {
    return runGuiTest<EverydayUiTest>(argc, argv, "QuireEverydayTest");
}

#include "tst_everyday_ui.moc"
