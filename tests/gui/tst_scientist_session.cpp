// A scientist's session in the real main window over a real vault, acting as a person does:
// unlock with the passphrase typed in; create the first experiment from the empty notebook;
// write an entry in the editor window with real keys — a bold word, a table filled cell by cell
// with Tab, an image pasted from the clipboard — save it and close; reopen it from the page's
// "Edit…" link and find the very same HTML; crash while typing (a child process with the same
// window, killed by SIGKILL) and get the text back after the next unlock; search as you type;
// sign from the keyboard; page through a long experiment; lock from the status bar and come
// back to the same place. Every step saves a screenshot (build/ci/tests/gui/screenshots/session).

#include "details/DetailsPanel.h"
#include "editor/EntryDialog.h"
#include "editor/EntryEditor.h"
#include "editor/ExperimentDialog.h"
#include "editor/VoidEntryDialog.h"
#include "GuiDriver.h"
#include "GuiTestMain.h"
#include "Notebook.h"
#include "page/EntryPageRenderer.h"
#include "sidebar/SearchPanel.h"
#include "sidebar/SidebarModel.h"
#include "signing/SignDialog.h"
#include "unlock/UnlockDialog.h"
#include "window/MainWindow.h"

#include <QClipboard>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QGuiApplication>
#include <QLabel>
#include <QLineEdit>
#include <QListView>
#include <QListWidget>
#include <QPainter>
#include <QPointer>
#include <QPushButton>
#include <QRadioButton>
#include <QRegularExpression>
#include <QStandardItemModel>
#include <QTableWidget>
#include <QTemporaryDir>
#include <QTimer>
#include <QToolButton>
#include <QTreeView>
#include <QWebEngineScript>

#include <memory>

using namespace quire;
using namespace quire::widgets;
namespace qt = quire::test;

namespace {

const QByteArray kPassphrase = "correct horse battery staple";
const QString kMember = QStringLiteral("Rosalind Researcher");
const QString kExperiment = QStringLiteral("Phosphate buffer, pH 7.4");
const QString kEntryTitle = QStringLiteral("Preparation of 1 L");
const QString kCrashTitle = QStringLiteral("Overnight culture");
const QString kCrashText = QStringLiteral("OD600 0.42 at 08:15, crash marker 5521");

// Escape-free CSS selector for a link to a fragment of the page.
QString linkTo(const QString &fragment) {
    return QStringLiteral("a[href=\"#%1\"]").arg(fragment);
}

} // namespace

class ScientistSessionTest : public QObject {
    Q_OBJECT

private slots:
    void initTestCase();
    void unlockingOpensTheEmptyNotebookOnItsFirstStep();
    void firstExperimentAppearsUnderItsProjectAndTags();
    void entryWithBoldTableAndPastedImageIsSavedAsTyped();
    void reopeningTheEntryFromThePageShowsTheSameHtml();
    void textTypedBeforeACrashComesBackAfterTheNextUnlock();
    void searchAsYouTypeOpensTheEntry();
    void signingFromTheKeyboardShowsOnThePageAndBeside();
    void aLongExperimentOpensAtItsLatestEntries();
    void arrowKeysInTheSidebarShowTheExperimentTheyReach();
    void voidingAnEntryAsksWhyAndKeepsItReadable();
    void lockingFromTheStatusBarAndUnlockingComesBack();
    void closingTheWindowKeepsUnsavedTextAsADraft();
    void cleanupTestCase();

private:
    void startWindow();
    void shot(const QString &name, QWidget *extra = nullptr);
    bool clickOnPage(const QString &selector);
    QString page() { return qt::pageText(m_window->entryView()); }

    QTemporaryDir m_dir;
    QString m_vault;
    qt::Screenshots m_shots{QStringLiteral("session")};
    std::unique_ptr<MainWindow> m_window;
    QString m_experiment;
    QString m_entry;
    QString m_savedHtml;
    QString m_imageId;
};

void ScientistSessionTest::initTestCase() {
    QVERIFY(m_dir.isValid());
    m_vault = m_dir.filePath(QStringLiteral("vault"));
    auto created = Notebook::create(
        m_vault,
        NotebookSpec{QStringLiteral("Biochemistry lab"), kMember, QStringLiteral("rf@lab.example")},
        kPassphrase);
    QVERIFY2(created, qPrintable(created.error()));
    created.value().reset(); // the window opens it
    startWindow();
}

void ScientistSessionTest::startWindow() {
    m_window = std::make_unique<MainWindow>(m_vault);
    m_window->resize(1360, 860);
    m_window->move(0, 0);
    m_window->show();
    QVERIFY(QTest::qWaitForWindowExposed(m_window.get()));
    m_window->start();
}

void ScientistSessionTest::shot(const QString &name, QWidget *extra) {
    QVERIFY2(!m_shots.take(m_window.get(), name, extra).isEmpty(), qPrintable(name));
}

bool ScientistSessionTest::clickOnPage(const QString &selector) {
    // The page runs no script of its own; finding where the link is takes the isolated world.
    return qt::clickElement(m_window->entryView(), selector, QWebEngineScript::ApplicationWorld);
}

void ScientistSessionTest::unlockingOpensTheEmptyNotebookOnItsFirstStep() {
    UnlockDialog *gate = nullptr;
    QTRY_VERIFY((gate = qobject_cast<UnlockDialog *>(m_window->gateDialog())) && gate->isVisible());
    shot(QStringLiteral("unlock"), gate);
    auto *edit = gate->findChild<QLineEdit *>(QStringLiteral("passphraseEdit"));
    QTest::keyClicks(edit, QString::fromUtf8(kPassphrase));
    QSignalSpy unlocked(m_window.get(), &MainWindow::unlocked);
    QTest::keyClick(edit, Qt::Key_Return);
    QVERIFY(unlocked.wait(15000));

    auto *first = m_window->findChild<QPushButton *>(QStringLiteral("firstExperimentButton"));
    QTRY_VERIFY(first && first->isVisible());
    auto *lockState = m_window->findChild<QToolButton *>(QStringLiteral("lockStatusButton"));
    QCOMPARE(lockState->text(), QStringLiteral("Unlocked"));
    QVERIFY(!m_window->findChild<QAction *>(QStringLiteral("newEntryAction"))->isEnabled());
    shot(QStringLiteral("empty-notebook"));
}

void ScientistSessionTest::firstExperimentAppearsUnderItsProjectAndTags() {
    QTest::mouseClick(m_window->findChild<QPushButton *>(QStringLiteral("firstExperimentButton")),
                      Qt::LeftButton);
    QPointer<ExperimentDialog> dialog;
    QTRY_VERIFY((dialog = m_window->findChild<ExperimentDialog *>()) && dialog->isVisible());
    QTest::keyClicks(dialog->findChild<QLineEdit *>(QStringLiteral("titleEdit")), kExperiment);
    QTest::keyClicks(dialog->findChild<QLineEdit *>(QStringLiteral("projectEdit")),
                     QStringLiteral("Buffers"));
    QTest::keyClicks(dialog->findChild<QLineEdit *>(QStringLiteral("tagsEdit")),
                     QStringLiteral("buffer, routine"));
    QVERIFY(qt::pageShownAfter(m_window->entryView(), [&] {
        QTest::mouseClick(dialog->findChild<QDialogButtonBox *>()->button(QDialogButtonBox::Ok),
                          Qt::LeftButton);
    }));
    m_experiment = m_window->currentExperiment();
    QVERIFY(!m_experiment.isEmpty());

    // The sidebar: Projects ▸ Buffers ▸ the experiment (chosen), and Tags ▸ #buffer, #routine.
    SidebarModel *model = m_window->sidebarModel();
    const QModelIndex row = model->indexOfExperiment(m_experiment);
    QCOMPARE(row.data().toString(), kExperiment);
    QCOMPARE(row.parent().data().toString(), QStringLiteral("Buffers"));
    QCOMPARE(row.parent().parent(), model->indexOfGroup(SidebarModel::Group::Projects));
    QCOMPARE(m_window->sidebar()->currentIndex(), row);
    const QModelIndex tags = model->indexOfGroup(SidebarModel::Group::Tags);
    QCOMPARE(model->rowCount(tags), 2);
    // Projects counts experiments, Tags its tags.
    QCOMPARE(model->indexOfGroup(SidebarModel::Group::Projects).data(SidebarModel::CountRole), 1);
    QCOMPARE(tags.data(SidebarModel::CountRole), 2);
    QCOMPARE(model->index(0, 0, tags).data().toString(), QStringLiteral("#buffer"));
    QCOMPARE(model->index(1, 0, tags).data().toString(), QStringLiteral("#routine"));
    QVERIFY(!model->indexOfGroup(SidebarModel::Group::Waiting).isValid()); // nothing waits
    QVERIFY(page().contains(QStringLiteral("No entries yet")));
    shot(QStringLiteral("first-experiment"));
}

void ScientistSessionTest::entryWithBoldTableAndPastedImageIsSavedAsTyped() {
    qt::pressShortcutOrTrigger(m_window.get(), QKeySequence(Qt::CTRL | Qt::Key_N),
                               QStringLiteral("newEntryAction"));
    QPointer<EntryDialog> dialog;
    QTRY_VERIFY((dialog = m_window->findChild<EntryDialog *>()) && dialog->isVisible());
    QVERIFY(qt::showEditor(dialog));
    EntryEditor *editor = dialog->editor();

    QTest::keyClicks(dialog->findChild<QLineEdit *>(QStringLiteral("titleEdit")), kEntryTitle);
    qt::clickIntoText(editor);
    qt::typeText(editor, QStringLiteral("Dissolved the salts in "));
    qt::pressKey(editor, Qt::Key_B, Qt::ControlModifier);
    qt::typeText(editor, QStringLiteral("800 mL"));
    qt::pressKey(editor, Qt::Key_B, Qt::ControlModifier);
    qt::typeText(editor, QStringLiteral(" of water."));
    qt::pressKey(editor, Qt::Key_Return);

    // A table from the toolbar, filled cell by cell.
    QVERIFY(qt::clickElement(editor->view(), QStringLiteral("button[data-tool=table]")));
    QTRY_VERIFY(!qt::runScript(editor->view(), QStringLiteral("document.getElementById('tablebar')"
                                                              ".hidden"))
                     .toBool());
    const QStringList cells{
        QStringLiteral("Salt"),    QStringLiteral("Mass"),    QStringLiteral("Lot"),
        QStringLiteral("Na2HPO4"), QStringLiteral("11.50 g"), QStringLiteral("2026-0412"),
        QStringLiteral("NaH2PO4"), QStringLiteral("2.62 g"),  QStringLiteral("2026-0388")};
    for (int i = 0; i < cells.size(); ++i) {
        if (i > 0) qt::pressKey(editor, Qt::Key_Tab);
        qt::typeText(editor, cells.at(i));
    }

    // After the table, an image from the clipboard: it is stored at once as an attachment
    // record of its own, and the entry's one version, saved below, names it.
    qt::pressKey(editor, Qt::Key_End, Qt::ControlModifier);
    QImage image(200, 100, QImage::Format_RGB32);
    image.fill(QColor(0x20, 0xb0, 0x60));
    {
        QPainter painter(&image);
        painter.fillRect(20, 20, 160, 60, QColor(0xd0, 0x20, 0xd0));
    }
    QGuiApplication::clipboard()->setImage(image);
    qt::pressKey(editor, Qt::Key_V, Qt::ControlModifier);
    QString html;
    QTRY_VERIFY_WITH_TIMEOUT(
        (html = qt::editorHtml(editor)).contains(QStringLiteral("quire-attachment:")), 15000);
    m_imageId = QRegularExpression(QStringLiteral("quire-attachment:([0-9a-f]{64})"))
                    .match(html)
                    .captured(1);
    QVERIFY2(!m_imageId.isEmpty(), qPrintable(html));
    qt::pressKey(editor, Qt::Key_Return);
    qt::typeText(editor, QStringLiteral("Adjusted to pH 7.40."));
    QTRY_VERIFY(qt::editorHtml(editor).endsWith(QStringLiteral("<p>Adjusted to pH 7.40.</p>")));
    shot(QStringLiteral("entry-window-written"), dialog);

    // Ctrl+S saves a version; the window says so and holds nothing unsaved afterwards.
    const QString typed = qt::editorHtml(editor);
    QVERIFY(qt::pageShownAfter(m_window->entryView(), [&] {
        QTest::keyClick(qt::editorKeys(editor), Qt::Key_S, Qt::ControlModifier);
    }));
    // One save, one version: the image joined it.
    QTRY_VERIFY(dialog->findChild<QLabel *>(QStringLiteral("statusLabel"))
                    ->text()
                    .startsWith(QStringLiteral("Version 1 saved")));
    QTRY_VERIFY(!dialog->hasUnsavedChanges());
    m_entry = dialog->entryUuid();
    QTest::mouseClick(dialog->findChild<QPushButton *>(QStringLiteral("closeButton")),
                      Qt::LeftButton);
    QTRY_VERIFY(!dialog);

    // What the notebook keeps is exactly what the editor wrote.
    auto entry = m_window->notebook()->entry(m_entry);
    QVERIFY2(entry, qPrintable(entry.error()));
    QCOMPARE(entry->title, kEntryTitle);
    QCOMPARE(entry->version, 1);
    QCOMPARE(entry->html, typed);
    QVERIFY(typed.startsWith(
        QStringLiteral("<p>Dissolved the salts in <strong>800 mL</strong> of water.</p>")));
    QVERIFY2(typed.contains(QStringLiteral(
                 "<tr><td><p>Na2HPO4</p></td><td><p>11.50 g</p></td><td><p>2026-0412</p></td>"
                 "</tr>")),
             qPrintable(typed));
    QCOMPARE(entry->attachments.size(), 1);
    QCOMPARE(entry->attachments.first().id, m_imageId);
    m_savedHtml = entry->html;

    // The page shows it: the text, the table, and the picture itself.
    const QString text = page();
    QVERIFY2(text.contains(QStringLiteral("11.50 g")), qPrintable(text));
    QVERIFY(text.contains(QStringLiteral("Version 1 of 1")));
    EntryPageView *view = m_window->entryView();
    qt::runScript(view, QStringLiteral("document.querySelector('article img').scrollIntoView()"),
                  QWebEngineScript::ApplicationWorld);
    QVERIFY(QTest::qWaitFor([&] { return qt::colourOnScreen(view, QColor(0xd0, 0x20, 0xd0), 30); },
                            10000));
    shot(QStringLiteral("entry-on-the-page"));
}

void ScientistSessionTest::reopeningTheEntryFromThePageShowsTheSameHtml() {
    QVERIFY(clickOnPage(linkTo(EntryPageRenderer::editFragment(m_entry))));
    QPointer<EntryDialog> dialog;
    QTRY_VERIFY((dialog = m_window->findChild<EntryDialog *>()) && dialog->isVisible());
    QVERIFY(qt::showEditor(dialog));
    QCOMPARE(dialog->entryUuid(), m_entry);
    QCOMPARE(qt::editorHtml(dialog->editor()), m_savedHtml);
    QCOMPARE(dialog->title(), kEntryTitle);
    // A change of this entry will need a reason; nothing is unsaved yet.
    QVERIFY(dialog->findChild<QLineEdit *>(QStringLiteral("reasonEdit"))->isVisible());
    QVERIFY(!dialog->hasUnsavedChanges());
    // The picture is shown in the editor too, from the notebook.
    QTRY_COMPARE(qt::runScript(dialog->editor()->view(),
                               QStringLiteral("(() => { const i = document.querySelector("
                                              "'.ProseMirror img[src]'); return i && i.complete ? "
                                              "i.naturalWidth : 0 })()"))
                     .toInt(),
                 200);
    shot(QStringLiteral("entry-reopened"), dialog);
    // Unchanged, so Close closes without a question.
    QTest::mouseClick(dialog->findChild<QPushButton *>(QStringLiteral("closeButton")),
                      Qt::LeftButton);
    QTRY_VERIFY(!dialog);
    auto drafts = m_window->notebook()->drafts();
    QVERIFY(drafts && drafts->isEmpty());
}

void ScientistSessionTest::textTypedBeforeACrashComesBackAfterTheNextUnlock() {
    if (qEnvironmentVariableIsEmpty("QUIRE_DRAFT_CRASH_CHILD"))
        QSKIP("QUIRE_DRAFT_CRASH_CHILD is not set; run the test through ctest");
    // The same program, in another process: it unlocks, writes and is killed mid-sentence.
    m_window.reset();
    qt::runDraftCrashChild(m_vault, kPassphrase, m_experiment, kCrashTitle, kCrashText);
    if (QTest::currentTestFailed()) return;

    // Quire started again: after the unlock the text opens by itself, saying what it is.
    startWindow();
    qt::openAndUnlock(m_window.get(), kPassphrase);
    if (QTest::currentTestFailed()) return;
    QPointer<EntryDialog> dialog;
    QTRY_VERIFY_WITH_TIMEOUT((dialog = m_window->findChild<EntryDialog *>()) && dialog->isVisible(),
                             10000);
    QVERIFY(qt::showEditor(dialog));
    QVERIFY(dialog->isRecoveredDraft());
    QCOMPARE(dialog->title(), kCrashTitle);
    QVERIFY(qt::editorHtml(dialog->editor()).contains(kCrashText));
    auto *notice = dialog->findChild<QLabel *>(QStringLiteral("recoveredNotice"));
    QVERIFY(notice && notice->isVisible());
    QVERIFY2(notice->text().startsWith(QStringLiteral("Recovered text you had not saved")),
             qPrintable(notice->text()));
    shot(QStringLiteral("recovered-after-crash"), dialog);

    QVERIFY(qt::pageShownAfter(m_window->entryView(), [&] {
        QTest::mouseClick(dialog->findChild<QPushButton *>(QStringLiteral("saveButton")),
                          Qt::LeftButton);
    }));
    QTRY_VERIFY(!dialog->entryUuid().isEmpty());
    auto saved = m_window->notebook()->entry(dialog->entryUuid());
    QVERIFY2(saved, qPrintable(saved.error()));
    QCOMPARE(saved->title, kCrashTitle);
    QVERIFY(saved->html.contains(kCrashText));
    QVERIFY(page().contains(kCrashText));
    auto drafts = m_window->notebook()->drafts();
    QVERIFY(drafts && drafts->isEmpty());
    dialog->closeAsking();
    QTRY_VERIFY(!dialog);
}

void ScientistSessionTest::searchAsYouTypeOpensTheEntry() {
    qt::pressShortcutOrTrigger(m_window.get(), QKeySequence(Qt::CTRL | Qt::Key_F),
                               QStringLiteral("findAction"));
    SearchPanel *panel = m_window->searchPanel();
    QTRY_VERIFY(panel->isVisible());
    QTest::keyClicks(m_window->searchField(), QStringLiteral("na2hp"));
    QTRY_COMPARE(panel->resultCount(), 1);
    QListView *results = panel->resultList();
    const QModelIndex first = panel->results()->index(0, 0);
    QCOMPARE(first.data().toString(), kEntryTitle);
    shot(QStringLiteral("search-as-you-type"));
    QVERIFY(qt::pageShownAfter(m_window->entryView(), [&] {
        QTest::mouseClick(results->viewport(), Qt::LeftButton, {},
                          results->visualRect(first).center());
    }));
    QCOMPARE(m_window->currentEntry(), m_entry);
    QCOMPARE(m_window->entryView()->url().fragment(), EntryPageRenderer::anchorFor(m_entry));
    QCOMPARE(m_window->detailsPanel()->currentEntry(), m_entry);
    m_window->closeSearch();
}

void ScientistSessionTest::signingFromTheKeyboardShowsOnThePageAndBeside() {
    qt::pressShortcutOrTrigger(m_window.get(), QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_G),
                               QStringLiteral("signAction"));
    QPointer<SignDialog> dialog = qt::waitForDialog<SignDialog>(m_window.get());
    QVERIFY(dialog);
    auto *combo = dialog->findChild<QComboBox *>(QStringLiteral("entryCombo"));
    QVERIFY(combo);
    QVERIFY2(combo->currentText().contains(kEntryTitle), qPrintable(combo->currentText()));
    auto *authored = dialog->findChild<QRadioButton *>(QStringLiteral("meaning_authored"));
    QTest::mouseClick(authored, Qt::LeftButton);
    QVERIFY(authored->isChecked());
    QTest::keyClicks(dialog->findChild<QLineEdit *>(QStringLiteral("passphraseEdit")),
                     QString::fromUtf8(kPassphrase));
    shot(QStringLiteral("sign-dialog"), dialog);
    QTest::mouseClick(dialog->findChild<QPushButton *>(QStringLiteral("signButton")),
                      Qt::LeftButton);
    QTRY_VERIFY_WITH_TIMEOUT(!dialog->isSigning(), 20000);
    QVERIFY2(dialog->errorText().isEmpty(), qPrintable(dialog->errorText()));
    dialog->accept();
    QTRY_VERIFY(!dialog);

    const QString manifestation = kMember + QStringLiteral(" — Authored — ");
    QTRY_VERIFY(qt::pageHtml(m_window->entryView()).contains(manifestation));
    // Beside the page, the entry's Signatures tab lists it with its full manifestation.
    m_window->setDetailsVisible(true);
    DetailsPanel *details = m_window->detailsPanel();
    details->setCurrentEntry(m_entry);
    details->showTab(DetailsPanel::SignaturesTab);
    QListWidget *list = details->signatureList();
    QTRY_COMPARE(list->count(), 1);
    QVERIFY2(list->item(0)->text().startsWith(manifestation), qPrintable(list->item(0)->text()));
    QVERIFY(list->item(0)->text().contains(QStringLiteral("time not yet attested")));
    shot(QStringLiteral("signed-page-and-signatures-tab"));

    // The History tab: every version, the newest (the signed one) first, each with its reason.
    details->showTab(DetailsPanel::HistoryTab);
    QTableWidget *versions = details->versionTable();
    // The entry was written in one save, image and all: one version.
    QTRY_COMPARE(versions->rowCount(), 1);
    QCOMPARE(versions->item(0, 0)->text(), QStringLiteral("1"));
    auto why = [versions](int row) { return versions->item(row, 1)->text().section('\n', 1); };
    QVERIFY2(why(0).contains(QStringLiteral("1 signature")), qPrintable(why(0)));
    QVERIFY(versions->item(0, 1)->text().startsWith(
        EntryPageRenderer::localTime(m_window->notebook()->history(m_entry)->first().recordedAt)));
    shot(QStringLiteral("history-tab"));
}

void ScientistSessionTest::aLongExperimentOpensAtItsLatestEntries() {
    Notebook *notebook = m_window->notebook();
    auto long_ = notebook->createExperiment(QStringLiteral("Stability series, 45 days"),
                                            QStringLiteral("Buffers"), {QStringLiteral("buffer")});
    QVERIFY2(long_, qPrintable(long_.error()));
    QList<Notebook::NewEntry> days;
    for (int day = 1; day <= 45; ++day)
        days << Notebook::NewEntry{
            QStringLiteral("Day %1").arg(day),
            QStringLiteral("<p>pH read on day %1: 7.4%2</p>").arg(day).arg(day % 10)};
    auto added = notebook->addEntries(*long_, days);
    QVERIFY2(added, qPrintable(added.error()));
    QTRY_COMPARE(qt::experimentCount(m_window.get()), 2);

    // Opened from the sidebar: the latest twenty, numbered as among all 45.
    QVERIFY(qt::pageShownAfter(m_window->entryView(),
                               [&] { QVERIFY(qt::clickExperiment(m_window.get(), *long_)); }));
    QCOMPARE(m_window->shownRun().total, 45);
    QCOMPARE(m_window->shownRun().first, 25);
    QString text = page();
    QVERIFY2(text.contains(QStringLiteral("Entries 26–45 of 45")), qPrintable(text.left(400)));
    QVERIFY(text.contains(QStringLiteral("pH read on day 45:")));
    QVERIFY(text.contains(QStringLiteral("pH read on day 26:")));
    QVERIFY(!text.contains(QStringLiteral("pH read on day 25:")));
    shot(QStringLiteral("long-experiment-latest"));

    // "Show 20 earlier" goes back a page; "Show all 45 entries" shows them all.
    QVERIFY(qt::pageShownAfter(m_window->entryView(), [&] {
        QVERIFY(clickOnPage(linkTo(QStringLiteral("page-earlier"))));
    }));
    QCOMPARE(m_window->shownRun().first, 5);
    QVERIFY(page().contains(QStringLiteral("Entries 6–25 of 45")));
    QVERIFY(qt::pageShownAfter(m_window->entryView(),
                               [&] { QVERIFY(clickOnPage(linkTo(QStringLiteral("page-all")))); }));
    QCOMPARE(m_window->shownRun().entries.size(), 45);
    text = page();
    QVERIFY(text.contains(QStringLiteral("pH read on day 1:")));
    QVERIFY(text.contains(QStringLiteral("pH read on day 45:")));
    QVERIFY(!text.contains(QStringLiteral("Entries 1–45"))); // no paging links: all are shown

    // A search result for the first day opens the run that holds it, at the entry.
    QVERIFY(qt::pageShownAfter(m_window->entryView(), [&] {
        QVERIFY(qt::clickExperiment(m_window.get(), m_experiment));
    }));
    m_window->openAt(*long_, added->first());
    QTRY_COMPARE(m_window->shownRun().first, 0);
    QCOMPARE(m_window->shownRun().entries.size(), 20);
    QTRY_COMPARE(m_window->entryView()->url().fragment(),
                 EntryPageRenderer::anchorFor(added->first()));
    shot(QStringLiteral("long-experiment-at-day-1"));
}

void ScientistSessionTest::arrowKeysInTheSidebarShowTheExperimentTheyReach() {
    QTreeView *sidebar = m_window->sidebar();
    SidebarModel *model = m_window->sidebarModel();
    const QModelIndex here = model->indexOfExperiment(m_window->currentExperiment());
    const QModelIndex below = here.siblingAtRow(here.row() + 1);
    QVERIFY(below.isValid());
    sidebar->setFocus();
    QVERIFY(
        qt::pageShownAfter(m_window->entryView(), [&] { QTest::keyClick(sidebar, Qt::Key_Down); }));
    QCOMPARE(m_window->currentExperiment(), below.data(SidebarModel::UuidRole).toString());
    QVERIFY(
        qt::pageShownAfter(m_window->entryView(), [&] { QTest::keyClick(sidebar, Qt::Key_Up); }));
    QCOMPARE(m_window->currentExperiment(), here.data(SidebarModel::UuidRole).toString());
    // Left on an experiment goes to its folder, which only opens and closes.
    QTest::keyClick(sidebar, Qt::Key_Left);
    QCOMPARE(sidebar->currentIndex(), here.parent());
    QCOMPARE(m_window->currentExperiment(), here.data(SidebarModel::UuidRole).toString());
}

void ScientistSessionTest::voidingAnEntryAsksWhyAndKeepsItReadable() {
    QVERIFY(qt::pageShownAfter(m_window->entryView(), [&] {
        QVERIFY(qt::clickExperiment(m_window.get(), m_experiment));
    }));
    auto entries = m_window->notebook()->entries(m_experiment);
    QVERIFY(entries && entries->size() == 2);
    const EntryVersion crashed = entries->last();
    QCOMPARE(crashed.title, kCrashTitle);
    // Chosen by a click on its title on the page, then Entry ▸ Void entry….
    QVERIFY(clickOnPage(
        QStringLiteral("#%1 a.entry-link").arg(EntryPageRenderer::anchorFor(crashed.uuid))));
    QTRY_COMPARE(m_window->currentEntry(), crashed.uuid);
    QCOMPARE(m_window->detailsPanel()->currentEntry(), crashed.uuid);
    auto *voidAction = m_window->findChild<QAction *>(QStringLiteral("voidEntryAction"));
    QVERIFY(voidAction->isEnabled());
    voidAction->trigger();
    QPointer<VoidEntryDialog> ask = qt::waitForDialog<VoidEntryDialog>(m_window.get());
    QVERIFY(ask);
    auto *confirm = ask->findChild<QPushButton *>(QStringLiteral("voidButton"));
    QVERIFY(!confirm->isEnabled()); // not without a reason
    QTest::keyClicks(ask->findChild<QLineEdit *>(QStringLiteral("reasonEdit")),
                     QStringLiteral("measured the wrong flask"));
    QVERIFY(confirm->isEnabled());
    shot(QStringLiteral("void-asks-why"), ask);
    QVERIFY(qt::pageShownAfter(m_window->entryView(),
                               [&] { QTest::mouseClick(confirm, Qt::LeftButton); }));
    QTRY_VERIFY(!ask);
    auto voided = m_window->notebook()->entry(crashed.uuid);
    QVERIFY(voided);
    QCOMPARE(voided->status, QStringLiteral("void"));
    QCOMPARE(voided->reason, QStringLiteral("measured the wrong flask"));
    const QString text = page();
    QVERIFY(text.contains(QStringLiteral("Reason: measured the wrong flask")));
    QVERIFY(text.contains(kCrashText)); // struck through, never hidden
    QVERIFY(!voidAction->isEnabled());  // a voided entry is not voided again
    shot(QStringLiteral("voided-entry"));
}

void ScientistSessionTest::lockingFromTheStatusBarAndUnlockingComesBack() {
    const QString shown = m_window->currentExperiment();
    auto *lockState = m_window->findChild<QToolButton *>(QStringLiteral("lockStatusButton"));
    QSignalSpy locked(m_window.get(), &MainWindow::locked);
    QTest::mouseClick(lockState, Qt::LeftButton);
    QVERIFY(locked.count() == 1 || locked.wait(5000));
    QCOMPARE(m_window->notebook(), nullptr);
    QCOMPARE(lockState->text(), QStringLiteral("Locked"));
    QTRY_COMPARE(m_window->entryView()->url(), QUrl(QStringLiteral("about:blank")));
    QCOMPARE(m_window->sidebarModel()->rowCount(), 0);
    UnlockDialog *gate = nullptr;
    QTRY_VERIFY((gate = qobject_cast<UnlockDialog *>(m_window->gateDialog())) && gate->isVisible());
    shot(QStringLiteral("locked"), gate);

    auto *edit = gate->findChild<QLineEdit *>(QStringLiteral("passphraseEdit"));
    QTest::keyClicks(edit, QString::fromUtf8(kPassphrase));
    QSignalSpy unlocked(m_window.get(), &MainWindow::unlocked);
    QTest::keyClick(edit, Qt::Key_Return);
    QVERIFY(unlocked.wait(15000));
    QCOMPARE(m_window->currentExperiment(), shown);
    QTRY_VERIFY(page().contains(m_window->notebook()->experiment(shown)->title));
    shot(QStringLiteral("unlocked-again"));
}

void ScientistSessionTest::closingTheWindowKeepsUnsavedTextAsADraft() {
    qt::pressShortcutOrTrigger(m_window.get(), QKeySequence(Qt::CTRL | Qt::Key_N),
                               QStringLiteral("newEntryAction"));
    QPointer<EntryDialog> dialog;
    QTRY_VERIFY((dialog = m_window->findChild<EntryDialog *>()) && dialog->isVisible());
    QVERIFY(qt::showEditor(dialog));
    QTest::keyClicks(dialog->findChild<QLineEdit *>(QStringLiteral("titleEdit")),
                     QStringLiteral("Half-written"));
    qt::clickIntoText(dialog->editor());
    qt::typeText(dialog->editor(), QStringLiteral("pH drifted to 7.6 by noon"));
    QTRY_VERIFY(qt::editorHtml(dialog->editor()).contains(QStringLiteral("noon")));
    // Quitting with the entry window open, at once after typing, loses nothing: the window
    // waits for the page's latest words and keeps them as a draft, then closes.
    m_window->close();
    QTRY_VERIFY(!m_window->isVisible());
    QVERIFY(!dialog);
    m_window.reset();
    auto reopened = Notebook::open(m_vault, kPassphrase);
    QVERIFY2(reopened, qPrintable(reopened.error()));
    auto drafts = (*reopened)->drafts();
    QVERIFY(drafts);
    QCOMPARE(drafts->size(), 1);
    QCOMPARE(drafts->first().title, QStringLiteral("Half-written"));
    QVERIFY(drafts->first().html.contains(QStringLiteral("pH drifted to 7.6 by noon")));
}

void ScientistSessionTest::cleanupTestCase() {
    m_window.reset();
    std::printf("Screenshots in %s\n", qPrintable(m_shots.dir()));
}

int main(int argc, char *argv[]) {
    return runGuiTest<ScientistSessionTest>(argc, argv, "QuireSessionTest");
}

#include "tst_scientist_session.moc"
