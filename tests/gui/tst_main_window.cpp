// Drives the real main window over a real vault: unlock (wrong, then right passphrase),
// create an experiment through its dialog and an entry in the rich editor window, read the
// rendered page back, show hostile content without running script or touching the network,
// show an attached image, and lock. Runs under Xvfb with QtWebEngine; saves a screenshot at
// each main step.

#include "editor/EntryDialog.h"
#include "editor/ExperimentDialog.h"
#include "GuiDriver.h"
#include "GuiTestMain.h"
#include "Notebook.h"
#include "page/EntryPageRenderer.h"
#include "page/EntryPageView.h"
#include "page/UrlSecurity.h"
#include "settings/Language.h"
#include "unlock/CreateNotebookDialog.h"
#include "unlock/RecoveryCodeDialog.h"
#include "unlock/UnlockDialog.h"
#include "window/MainWindow.h"

#include <QAction>
#include <QApplication>
#include <QCheckBox>
#include <QDialogButtonBox>
#include <QDir>
#include <QFile>
#include <QImage>
#include <QLabel>
#include <QLineEdit>
#include <QLocale>
#include <QPointer>
#include <QPushButton>
#include <QRegularExpression>
#include <QScopeGuard>
#include <QScreen>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTcpServer>
#include <QTemporaryDir>
#include <QTest>
#include <QToolButton>
#include <QUuid>
#include <QWebEngineProfile>

#include <csignal>
#include <cstdio>

using namespace quire;
using namespace quire::widgets;

namespace {

const QByteArray kPassphrase = "correct horse battery staple";
const QString kNotebookName = QStringLiteral("Bench notebook");
const QString kMemberName = QStringLiteral("Ada Researcher");

QPushButton *okButton(QWidget *dialog) {
    auto *box = dialog->findChild<QDialogButtonBox *>();
    return box ? box->button(QDialogButtonBox::Ok) : nullptr;
}

} // namespace

class MainWindowTest : public QObject {
    Q_OBJECT

private slots:
    void initTestCase();
    void wrongPassphraseKeepsUnlockDialogOpenWithMessage();
    void rightPassphraseOpensNotebookOnItsEmptyState();
    void experimentDialogCreatesAndSelectsExperiment();
    void entryWindowSavesEntryThatTheViewRenders();
    void hostileEntryRunsNoScriptAndReachesNoNetwork();
    void unsanitisedPageStillRunsNoScriptAndLoadsNothing();
    void interceptorBlocksAndLogsNetworkRequests();
    void attachedImageIsServedToThePage();
    void voidedEntryShowsBadgeAndReason();
    void pageComesBackWhenItsRendererIsKilled();
    void markdownEntryShowsTableAndChecklist();
    void germanWindowShowsGermanDatesAndMessages();
    void lockDropsNotebookAndAsksForPassphraseAgain();
    void createDialogChecksInputAndCreatesVault();
    void recordedTimesShowLocalTimeWithZone();
    void cleanupTestCase();

private:
    void screenshot(const QString &name, QWidget *extra = nullptr);
    QString pageText();
    // Waits for the page that follows `trigger`.
    bool loadAfter(const std::function<void()> &trigger);
    // Shows the notebook's own experiment page again, as a click in the sidebar does.
    bool showExperimentAgain();
    UnlockDialog *unlockDialog();
    // The action's shortcut must be the documented one; it is pressed when the window can
    // take keyboard focus (Xvfb has no window manager to give it), else the action fires.
    void pressShortcutOrTrigger(const QKeySequence &keys, const QString &actionName);

    QTemporaryDir m_dir;
    QString m_vault;
    quire::test::Screenshots m_shots;
    std::unique_ptr<MainWindow> m_window;
    QTcpServer m_sentinel; // any connection here is a request that reached the network
    int m_sentinelHits = 0;
    QString m_experimentTitle;
};

void MainWindowTest::initTestCase() {
    QVERIFY(m_dir.isValid());
    m_vault = m_dir.filePath(QStringLiteral("vault"));
    auto created = Notebook::create(
        m_vault, NotebookSpec{kNotebookName, kMemberName, QStringLiteral("ada@lab.example")},
        kPassphrase);
    QVERIFY2(created, qPrintable(created.error()));
    created.value().reset(); // release the vault's lock for the window

    QVERIFY(m_sentinel.listen(QHostAddress::LocalHost));
    connect(&m_sentinel, &QTcpServer::newConnection, this, [this] {
        while (auto *socket = m_sentinel.nextPendingConnection()) {
            ++m_sentinelHits;
            socket->deleteLater();
        }
    });

    m_window = std::make_unique<MainWindow>(m_vault);
    m_window->show();
    QVERIFY(QTest::qWaitForWindowExposed(m_window.get()));
    m_window->start();
}

UnlockDialog *MainWindowTest::unlockDialog() {
    return qobject_cast<UnlockDialog *>(m_window->gateDialog());
}

void MainWindowTest::pressShortcutOrTrigger(const QKeySequence &keys, const QString &actionName) {
    quire::test::pressShortcutOrTrigger(m_window.get(), keys, actionName);
}

void MainWindowTest::screenshot(const QString &name, QWidget *extra) {
    const QString path = m_shots.take(m_window.get(), name, extra);
    QVERIFY2(!path.isEmpty(), qPrintable(name));
}

QString MainWindowTest::pageText() {
    return quire::test::pageText(m_window->entryView());
}

bool MainWindowTest::loadAfter(const std::function<void()> &trigger) {
    return quire::test::pageShownAfter(m_window->entryView(), trigger);
}

bool MainWindowTest::showExperimentAgain() {
    return loadAfter([&] {
        QVERIFY(quire::test::clickExperiment(m_window.get(), m_window->currentExperiment()));
    });
}

void MainWindowTest::wrongPassphraseKeepsUnlockDialogOpenWithMessage() {
    QTRY_VERIFY(unlockDialog() && unlockDialog()->isVisible());
    UnlockDialog *dialog = unlockDialog();
    auto *pathLabel = dialog->findChild<QLabel *>(QStringLiteral("vaultPathLabel"));
    QVERIFY(pathLabel && pathLabel->text().contains(QDir::toNativeSeparators(m_vault)));

    auto *edit = dialog->findChild<QLineEdit *>(QStringLiteral("passphraseEdit"));
    QVERIFY(edit);
    QCOMPARE(edit->echoMode(), QLineEdit::Password);
    QTest::keyClicks(edit, QStringLiteral("not the passphrase"));
    QTest::mouseClick(okButton(dialog), Qt::LeftButton);
    QVERIFY(dialog->isBusy());
    QTRY_VERIFY_WITH_TIMEOUT(!dialog->isBusy(), 15000);

    QVERIFY2(dialog->errorText().contains(QStringLiteral("passphrase is wrong")),
             qPrintable(dialog->errorText()));
    auto *error = dialog->findChild<QLabel *>(QStringLiteral("errorLabel"));
    QVERIFY(error && error->isVisible());
    const QColor colour = error->palette().color(QPalette::WindowText);
    QVERIFY2(colour.red() > 2 * colour.green() && colour.red() > 2 * colour.blue(),
             qPrintable(colour.name()));
    QVERIFY(dialog->isVisible());
    QCOMPARE(m_window->notebook(), nullptr);
    QVERIFY(edit->isEnabled());
    QCOMPARE(edit->selectedText(), QStringLiteral("not the passphrase"));
    screenshot(QStringLiteral("unlock-wrong-passphrase"), dialog);
}

void MainWindowTest::rightPassphraseOpensNotebookOnItsEmptyState() {
    UnlockDialog *dialog = unlockDialog();
    QVERIFY(dialog);
    auto *edit = dialog->findChild<QLineEdit *>(QStringLiteral("passphraseEdit"));
    edit->clear();
    QTest::keyClicks(edit, QString::fromUtf8(kPassphrase));
    QSignalSpy unlocked(m_window.get(), &MainWindow::unlocked);
    QTest::keyClick(edit, Qt::Key_Return);
    QVERIFY(unlocked.wait(15000));

    QVERIFY(m_window->notebook());
    QCOMPARE(m_window->notebook()->notebookName(), kNotebookName);
    QCOMPARE(m_window->windowTitle(), QStringLiteral("Quire — %1").arg(kNotebookName));
    auto *status = m_window->findChild<QLabel *>(QStringLiteral("statusLabel"));
    QVERIFY(status->text().contains(kMemberName));
    auto *lockState = m_window->findChild<QToolButton *>(QStringLiteral("lockStatusButton"));
    QVERIFY(lockState && lockState->isVisible());
    QCOMPARE(lockState->text(), QStringLiteral("Unlocked"));
    QVERIFY2(lockState->toolTip().contains(QStringLiteral("10 minutes")),
             qPrintable(lockState->toolTip()));
    QTRY_VERIFY(!m_window->gateDialog());

    // A new notebook has no experiments: the window says so and offers the first one.
    auto *first = m_window->findChild<QPushButton *>(QStringLiteral("firstExperimentButton"));
    QVERIFY(first);
    QTRY_VERIFY(first->isVisible());
    QVERIFY(!m_window->findChild<QAction *>(QStringLiteral("newEntryAction"))->isEnabled());
    screenshot(QStringLiteral("empty-notebook"));
}

void MainWindowTest::experimentDialogCreatesAndSelectsExperiment() {
    m_experimentTitle = QStringLiteral("Phosphate buffer, pH 7.4 - run %1")
                            .arg(QUuid::createUuid().toString(QUuid::Id128).left(6));
    auto *first = m_window->findChild<QPushButton *>(QStringLiteral("firstExperimentButton"));
    QTest::mouseClick(first, Qt::LeftButton);
    QPointer<ExperimentDialog> dialog; // deletes itself once closed
    QTRY_VERIFY((dialog = m_window->findChild<ExperimentDialog *>()) && dialog->isVisible());
    QVERIFY(!okButton(dialog)->isEnabled()); // a title is required

    QTest::keyClicks(dialog->findChild<QLineEdit *>(QStringLiteral("titleEdit")),
                     m_experimentTitle);
    QTest::keyClicks(dialog->findChild<QLineEdit *>(QStringLiteral("projectEdit")),
                     QStringLiteral("Buffers"));
    QTest::keyClicks(dialog->findChild<QLineEdit *>(QStringLiteral("tagsEdit")),
                     QStringLiteral("buffer, routine ,"));
    screenshot(QStringLiteral("new-experiment-dialog"), dialog);
    QVERIFY(okButton(dialog)->isEnabled());

    const bool loaded = loadAfter([&] { QTest::mouseClick(okButton(dialog), Qt::LeftButton); });
    QVERIFY(loaded);
    QTRY_VERIFY(!dialog || !dialog->isVisible());

    // Stored through the model exactly as typed...
    auto experiments = m_window->notebook()->experiments();
    QVERIFY(experiments);
    QCOMPARE(experiments->size(), 1);
    QCOMPARE(experiments->first().title, m_experimentTitle);
    QCOMPARE(experiments->first().project, QStringLiteral("Buffers"));
    QCOMPARE(experiments->first().tags,
             (QStringList{QStringLiteral("buffer"), QStringLiteral("routine")}));
    // ...listed, selected, and shown with its empty-state hint.
    QCOMPARE(quire::test::experimentCount(m_window.get()), 1);
    QCOMPARE(m_window->currentExperiment(), experiments->first().uuid);
    // It sits in the sidebar under its project and its tags, and is the row chosen.
    const QModelIndex row = m_window->sidebar()->currentIndex();
    QCOMPARE(row.data(SidebarModel::UuidRole).toString(), experiments->first().uuid);
    QCOMPARE(row.parent().data().toString(), QStringLiteral("Buffers"));
    const QString text = pageText();
    QVERIFY2(text.contains(m_experimentTitle), qPrintable(text));
    QVERIFY2(text.contains(QStringLiteral("No entries yet")), qPrintable(text));
    QVERIFY(text.contains(QStringLiteral("#routine")));
    QVERIFY(m_window->findChild<QAction *>(QStringLiteral("newEntryAction"))->isEnabled());
    screenshot(QStringLiteral("experiment-without-entries"));
}

void MainWindowTest::entryWindowSavesEntryThatTheViewRenders() {
    const QString marker = QStringLiteral("MARK-") + QUuid::createUuid().toString(QUuid::Id128);
    const QString title = QStringLiteral("Calibration of the pH meter");
    // Ctrl+N when the window has focus; the action itself otherwise (no window manager).
    pressShortcutOrTrigger(QKeySequence(Qt::CTRL | Qt::Key_N), QStringLiteral("newEntryAction"));
    QPointer<EntryDialog> dialog;
    QTRY_VERIFY((dialog = m_window->findChild<EntryDialog *>()) && dialog->isVisible());
    QVERIFY(quire::test::showEditor(dialog));
    // A window of its own: the notebook stays usable beside it.
    QVERIFY(!dialog->isModal());

    QTest::keyClicks(dialog->findChild<QLineEdit *>(QStringLiteral("titleEdit")), title);
    EntryEditor *editor = dialog->editor();
    quire::test::clickIntoText(editor);
    quire::test::typeText(editor, QStringLiteral("Buffers pH 4.01 and 7.00 at 22 C. ") + marker);
    quire::test::pressKey(editor, Qt::Key_Return);
    quire::test::typeText(editor, QStringLiteral("Slope 98.7 % & offset <5 mV>"));
    QTRY_VERIFY(quire::test::editorHtml(editor).contains(QStringLiteral("offset &lt;5 mV&gt;")));
    screenshot(QStringLiteral("new-entry-window"), dialog);

    const bool loaded = loadAfter([&] {
        QTest::mouseClick(dialog->findChild<QPushButton *>(QStringLiteral("saveButton")),
                          Qt::LeftButton);
    });
    QVERIFY(loaded);
    // Saved, and nothing is left unsaved: Close closes without a question.
    QTRY_VERIFY(!dialog->hasUnsavedChanges());
    QTest::mouseClick(dialog->findChild<QPushButton *>(QStringLiteral("closeButton")),
                      Qt::LeftButton);
    QTRY_VERIFY(!dialog || !dialog->isVisible());

    auto entries = m_window->notebook()->entries(m_window->currentExperiment());
    QVERIFY(entries);
    QCOMPARE(entries->size(), 1);
    const EntryVersion &e = entries->first();
    QCOMPARE(e.title, title);
    // Typed text became two escaped paragraphs.
    QVERIFY2(e.html.startsWith(QStringLiteral("<p>Buffers")), qPrintable(e.html));
    QVERIFY2(e.html.contains(QStringLiteral("&lt;5 mV&gt;")), qPrintable(e.html));
    QCOMPARE(e.html.count(QStringLiteral("<p>")), 2);

    const QString page = pageText();
    QVERIFY2(page.contains(marker), qPrintable(page));
    QVERIFY(page.contains(title));
    QVERIFY(page.contains(QStringLiteral("Slope 98.7 % & offset <5 mV>")));
    QVERIFY(page.contains(QStringLiteral("Version 1 of 1")));
    QVERIFY(page.contains(kMemberName));
    QVERIFY(page.contains(EntryPageRenderer::localTime(e.recordedAt)));
    QCOMPARE(m_window->entryView()->url().fragment(), EntryPageRenderer::anchorFor(e.uuid));
    QCOMPARE(m_window->currentEntry(), e.uuid);
    screenshot(QStringLiteral("entry-rendered"));
}

void MainWindowTest::hostileEntryRunsNoScriptAndReachesNoNetwork() {
    const QString port = QString::number(m_sentinel.serverPort());
    const QString hostile =
        QStringLiteral("<p>HOSTILE-VISIBLE</p>"
                       "<script>document.title='pwned';document.body.append('SCRIPT-RAN')</script>"
                       "<img src=\"http://127.0.0.1:%1/x.png\" onerror=\"document.title='pwned'\">"
                       "<a href=\"javascript:document.title='pwned'\">a link</a>"
                       "<p style=\"background:url(http://127.0.0.1:%1/bg.png)\">styled</p>")
            .arg(port);
    m_window->entryView()->interceptor()->clearLog();
    // The page is replaced in place (Quire's own script in an isolated world), not loaded: the
    // path every page after the first takes, and the one under test here.
    const int swaps = m_window->entryView()->swapCount();
    const bool loaded = loadAfter([&] {
        auto added = m_window->notebook()->addEntry(m_window->currentExperiment(),
                                                    QStringLiteral("Hostile paste"), hostile);
        QVERIFY2(added, qPrintable(added.error()));
    });
    QVERIFY(loaded);
    QCOMPARE(m_window->entryView()->swapCount(), swaps + 1);
    QTest::qWait(500); // time for anything that would fire late (onerror, image loads)

    const QString page = pageText();
    QVERIFY2(page.contains(QStringLiteral("HOSTILE-VISIBLE")), qPrintable(page));
    QVERIFY(!page.contains(QStringLiteral("SCRIPT-RAN")));
    QCOMPARE(m_window->entryView()->title(), m_experimentTitle);
    QCOMPARE(m_sentinelHits, 0);
    for (const QUrl &url : m_window->entryView()->interceptor()->blockedUrls())
        QVERIFY2(url.host() == QLatin1String("127.0.0.1"), qPrintable(url.toString()));
    screenshot(QStringLiteral("hostile-entry"));
}

void MainWindowTest::unsanitisedPageStillRunsNoScriptAndLoadsNothing() {
    // Defence in depth: even HTML that never went through the sanitiser must not run or load.
    const QString port = QString::number(m_sentinel.serverPort());
    EntryVersion raw;
    raw.uuid = QStringLiteral("raw");
    raw.version = raw.versionCount = 1;
    raw.title = QStringLiteral("Unsanitised");
    raw.authorName = kMemberName;
    raw.recordedAt = QStringLiteral("2026-11-24T19:33:25.123Z");
    raw.status = QStringLiteral("active");
    raw.html = QStringLiteral(
                   "<p>RAW-VISIBLE</p>"
                   "<script>document.title='pwned';document.body.append('SCRIPT-RAN')</script>"
                   "<img src=\"http://127.0.0.1:%1/raw.png\" onerror=\"document.title='pwned'\">"
                   "<link rel=\"stylesheet\" href=\"http://127.0.0.1:%1/s.css\">"
                   "<iframe src=\"http://127.0.0.1:%1/frame\"></iframe>"
                   "<object data=\"http://127.0.0.1:%1/o\"></object>"
                   "<form action=\"http://127.0.0.1:%1/f\"><input name=q></form>"
                   "<meta http-equiv=\"refresh\" content=\"0;url=http://127.0.0.1:%1/refresh\">")
                   .arg(port);
    ExperimentInfo x;
    x.title = QStringLiteral("Defence in depth");
    x.status = QStringLiteral("open");
    EntryPageView *view = m_window->entryView();
    const int swaps = view->swapCount();
    QVERIFY(loadAfter([&] { view->showDocument(EntryPageRenderer::experimentPage(x, {raw})); }));
    QCOMPARE(view->swapCount(), swaps + 1); // swapped in place, as every later page is
    QTest::qWait(800);

    const QString page = pageText();
    QVERIFY2(page.contains(QStringLiteral("RAW-VISIBLE")), qPrintable(page));
    QVERIFY(!page.contains(QStringLiteral("SCRIPT-RAN")));
    QCOMPARE(view->title(), x.title);
    QCOMPARE(view->url().scheme(), QLatin1String(kPageScheme)); // the refresh went nowhere
    QCOMPARE(m_sentinelHits, 0);
    screenshot(QStringLiteral("unsanitised-page"));
    // Back to the notebook's own page: the experiment chosen afresh.
    QVERIFY(showExperimentAgain());
}

void MainWindowTest::interceptorBlocksAndLogsNetworkRequests() {
    // A page on the same profile asks for the network directly; the interceptor must stop it
    // before any connection is made, and say so.
    RequestInterceptor *interceptor = m_window->entryView()->interceptor();
    interceptor->clearLog();
    QWebEnginePage probe(m_window->entryView()->page()->profile());
    const QUrl url(QStringLiteral("http://127.0.0.1:%1/direct").arg(m_sentinel.serverPort()));
    QSignalSpy finished(&probe, &QWebEnginePage::loadFinished);
    probe.load(url);
    QVERIFY(finished.wait(10000));
    QCOMPARE(finished.first().first().toBool(), false);
    QVERIFY2(interceptor->blockedUrls().contains(url),
             qPrintable(QStringLiteral("blocked: %1").arg(interceptor->blockedUrls().size())));
    QCOMPARE(m_sentinelHits, 0);
    QVERIFY(isAllowedScheme(QStringLiteral("quire-attachment")));
    QVERIFY(!isAllowedScheme(QStringLiteral("https")));
    QVERIFY(!isAllowedScheme(QStringLiteral("file")));
}

void MainWindowTest::attachedImageIsServedToThePage() {
    // A solid, unusual colour that only the attachment can put on screen.
    const QColor colour(0xd0, 0x20, 0xd0);
    QImage image(240, 120, QImage::Format_RGB32);
    image.fill(colour);
    const QString png = m_dir.filePath(QStringLiteral("gel.png"));
    QVERIFY(image.save(png));

    auto entries = m_window->notebook()->entries(m_window->currentExperiment());
    QVERIFY(entries && !entries->isEmpty());
    const QString entry = entries->first().uuid;
    const bool loaded = loadAfter([&] {
        auto id = m_window->notebook()->attachFile(entry, png);
        QVERIFY2(id, qPrintable(id.error()));
    });
    QVERIFY(loaded);
    const QString page = pageText();
    QVERIFY2(page.contains(QStringLiteral("gel.png")), qPrintable(page));

    // The figure is below the entry text; wait until the engine has drawn it.
    EntryPageView *view = m_window->entryView();
    QVERIFY(QTest::qWaitFor([&] { return quire::test::colourOnScreen(view, colour, 50); }, 10000));
    screenshot(QStringLiteral("attachment-image"));
}

void MainWindowTest::voidedEntryShowsBadgeAndReason() {
    auto entries = m_window->notebook()->entries(m_window->currentExperiment());
    QVERIFY(entries && entries->size() == 2);
    const QString hostile = entries->at(1).uuid;
    const QString reason = QStringLiteral("Pasted from an untrusted web page");
    QVERIFY(loadAfter([&] {
        auto voided = m_window->notebook()->voidEntry(hostile, reason);
        QVERIFY2(voided, qPrintable(voided.error()));
    }));
    const QString page = pageText();
    // The badge is upper-cased by the stylesheet, and page text follows what is shown.
    QVERIFY2(page.contains(QStringLiteral("Voided"), Qt::CaseInsensitive), qPrintable(page));
    QVERIFY(page.contains(QStringLiteral("Reason: ") + reason));
    QVERIFY(page.contains(QStringLiteral("Version 2 of 2")));
    QVERIFY(page.contains(QStringLiteral("HOSTILE-VISIBLE"))); // voided, never hidden
    screenshot(QStringLiteral("voided-entry"));
}

void MainWindowTest::pageComesBackWhenItsRendererIsKilled() {
    EntryPageView *view = m_window->entryView();
    const qint64 renderer = view->page()->renderProcessPid();
    QVERIFY(renderer > 0);
    QVERIFY(loadAfter([&] { QCOMPARE(::kill(pid_t(renderer), SIGKILL), 0); }));
    QVERIFY(view->page()->renderProcessPid() != renderer);
    const QString page = pageText();
    QVERIFY2(page.contains(m_experimentTitle), qPrintable(page));
    QVERIFY(page.contains(QStringLiteral("Reason: Pasted from an untrusted web page")));
    // Swapping in place works again on the new renderer.
    const int swaps = view->swapCount();
    QVERIFY(showExperimentAgain());
    QCOMPARE(view->swapCount(), swaps + 1);
}

void MainWindowTest::markdownEntryShowsTableAndChecklist() {
    QFile file(qEnvironmentVariable("QUIRE_SOURCE_DIR") +
               QStringLiteral("/resources/demo/buffer-preparation.md"));
    if (!file.open(QIODevice::ReadOnly)) QSKIP("the demo text needs QUIRE_SOURCE_DIR (ctest)");
    Notebook *notebook = m_window->notebook();
    auto experiment = notebook->createExperiment(
        QStringLiteral("Sodium phosphate buffer, 1 L"), QStringLiteral("Buffers"),
        {QStringLiteral("buffer"), QStringLiteral("stock")});
    QVERIFY2(experiment, qPrintable(experiment.error()));
    auto entry = notebook->addEntry(*experiment, QStringLiteral("Preparation"),
                                    Notebook::markdownToHtml(file.readAll()));
    QVERIFY2(entry, qPrintable(entry.error()));
    QTRY_COMPARE(quire::test::experimentCount(m_window.get()), 2);
    QVERIFY(loadAfter([&] { QVERIFY(quire::test::clickExperiment(m_window.get(), *experiment)); }));
    QCOMPARE(m_window->currentExperiment(), *experiment);

    const QString page = pageText();
    QVERIFY2(page.contains(QStringLiteral("Na₂HPO₄")), qPrintable(page));
    QVERIFY(page.contains(QStringLiteral("11.50 g")));
    QVERIFY(page.contains(QStringLiteral("Filter-sterilised")));
    screenshot(QStringLiteral("markdown-entry"));
}

void MainWindowTest::germanWindowShowsGermanDatesAndMessages() {
    // The language chosen in the settings: German words, German dates and numbers.
    installTranslations(QStringLiteral("de"));
    auto backToEnglish = qScopeGuard([] {
        installTranslations(QString());
        QEvent change(QEvent::LanguageChange);
        QCoreApplication::sendEvent(QCoreApplication::instance(), &change);
    });
    QEvent change(QEvent::LanguageChange);
    QCoreApplication::sendEvent(QCoreApplication::instance(), &change);
    QCOMPARE(QLocale().language(), QLocale::German);
    QTRY_VERIFY_WITH_TIMEOUT(
        quire::test::pageHtml(m_window->entryView()).contains(QStringLiteral("lang=\"de\"")),
        20000);
    QVERIFY(showExperimentAgain());

    // Every entry's time, as German writes it: 07.12.2026, 18:00:56 MEZ.
    const QString text = pageText();
    static const QRegularExpression germanTime(
        QStringLiteral("\\b\\d{2}\\.\\d{2}\\.\\d{4}, \\d{2}:\\d{2}:\\d{2} \\S+"));
    const auto shown = germanTime.match(text);
    QVERIFY2(shown.hasMatch(), qPrintable(text));
    auto entries = m_window->notebook()->entries(m_window->currentExperiment());
    QVERIFY(entries && !entries->isEmpty());
    const QString expected = EntryPageRenderer::localTime(entries->first().recordedAt);
    QVERIFY2(text.contains(expected), qPrintable(expected));
    QVERIFY2(germanTime.match(expected).hasMatch(), qPrintable(expected));
    screenshot(QStringLiteral("german-window-german-dates"));

    // A message from storage/ is German too: the wrong passphrase, after a lock.
    const QString wrongGerman =
        QCoreApplication::translate("quire::storage", "the passphrase is wrong");
    QVERIFY2(wrongGerman != QLatin1String("the passphrase is wrong"), qPrintable(wrongGerman));
    m_window->lock();
    QTRY_VERIFY(unlockDialog() && unlockDialog()->isVisible());
    UnlockDialog *dialog = unlockDialog();
    auto *edit = dialog->findChild<QLineEdit *>(QStringLiteral("passphraseEdit"));
    QTest::keyClicks(edit, QStringLiteral("nicht die Passphrase"));
    QTest::mouseClick(okButton(dialog), Qt::LeftButton);
    QTRY_VERIFY_WITH_TIMEOUT(!dialog->isBusy(), 15000);
    QVERIFY2(dialog->errorText().contains(wrongGerman, Qt::CaseInsensitive),
             qPrintable(dialog->errorText()));
    screenshot(QStringLiteral("german-wrong-passphrase"), dialog);
    edit->clear();
    QTest::keyClicks(edit, QString::fromUtf8(kPassphrase));
    QSignalSpy unlocked(m_window.get(), &MainWindow::unlocked);
    QTest::mouseClick(okButton(dialog), Qt::LeftButton);
    QVERIFY(unlocked.wait(15000));
}

void MainWindowTest::lockDropsNotebookAndAsksForPassphraseAgain() {
    QSignalSpy locked(m_window.get(), &MainWindow::locked);
    pressShortcutOrTrigger(QKeySequence(Qt::CTRL | Qt::Key_L), QStringLiteral("lockAction"));
    QVERIFY(locked.wait(5000) || locked.count() == 1);

    QCOMPARE(m_window->notebook(), nullptr);
    QCOMPARE(quire::test::experimentCount(m_window.get()), 0);
    QCOMPARE(m_window->sidebarModel()->rowCount(), 0);
    QCOMPARE(m_window->findChild<QToolButton *>(QStringLiteral("lockStatusButton"))->text(),
             QStringLiteral("Locked"));
    QCOMPARE(m_window->windowTitle(), QStringLiteral("Quire"));
    QVERIFY(!m_window->findChild<QAction *>(QStringLiteral("newExperimentAction"))->isEnabled());
    QTRY_VERIFY(unlockDialog() && unlockDialog()->isVisible());
    QVERIFY(unlockDialog()->errorText().isEmpty());
    QTRY_COMPARE(m_window->entryView()->url(), QUrl(QStringLiteral("about:blank")));
    screenshot(QStringLiteral("locked"), unlockDialog());

    // The dialog that came back unlocks the same notebook again.
    auto *edit = unlockDialog()->findChild<QLineEdit *>(QStringLiteral("passphraseEdit"));
    QTest::keyClicks(edit, QString::fromUtf8(kPassphrase));
    QSignalSpy unlocked(m_window.get(), &MainWindow::unlocked);
    QTest::mouseClick(okButton(unlockDialog()), Qt::LeftButton);
    QVERIFY(unlocked.wait(15000));
    QCOMPARE(quire::test::experimentCount(m_window.get()), 2);

    // Locking also closes dialogs that belong to the open notebook (auto-lock will rely on
    // this; the shortcut itself cannot reach a window behind a modal dialog).
    m_window->findChild<QAction *>(QStringLiteral("newExperimentAction"))->trigger();
    QPointer<ExperimentDialog> open;
    QTRY_VERIFY((open = m_window->findChild<ExperimentDialog *>()) && open->isVisible());
    m_window->lock();
    QTRY_VERIFY(!open || !open->isVisible());
    QCOMPARE(m_window->notebook(), nullptr);
}

void MainWindowTest::createDialogChecksInputAndCreatesVault() {
    m_window->hide();
    const QString vault = m_dir.filePath(QStringLiteral("new-vault"));
    MainWindow window(vault);
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    window.start();
    CreateNotebookDialog *dialog = nullptr;
    QTRY_VERIFY((dialog = qobject_cast<CreateNotebookDialog *>(window.gateDialog())) &&
                dialog->isVisible());
    auto field = [&](const char *name) {
        return dialog->findChild<QLineEdit *>(QLatin1String(name));
    };
    QTest::keyClicks(field("notebookNameEdit"), QStringLiteral("Cell culture"));
    QTest::keyClicks(field("memberNameEdit"), QStringLiteral("Grace Hopper"));
    QTest::keyClicks(field("emailEdit"), QStringLiteral("grace@lab.example"));
    QTest::keyClicks(field("passphraseEdit"), QStringLiteral("short"));
    QTest::keyClicks(field("repeatEdit"), QStringLiteral("short"));
    QTest::mouseClick(okButton(dialog), Qt::LeftButton);
    QVERIFY2(dialog->errorText().contains(QStringLiteral("at least 10 characters")),
             qPrintable(dialog->errorText()));
    QCOMPARE(dialog->focusWidget(), field("passphraseEdit"));
    QVERIFY(!Notebook::exists(vault));
    screenshot(QStringLiteral("create-notebook-short-passphrase"), dialog);

    field("passphraseEdit")->clear();
    QTest::keyClicks(field("passphraseEdit"), QStringLiteral("cells grow slowly in winter"));
    QTest::mouseClick(okButton(dialog), Qt::LeftButton);
    QVERIFY2(dialog->errorText().contains(QStringLiteral("not the same")),
             qPrintable(dialog->errorText()));

    field("repeatEdit")->clear();
    QTest::keyClicks(field("repeatEdit"), QStringLiteral("cells grow slowly in winter"));
    QSignalSpy unlocked(&window, &MainWindow::unlocked);
    QTest::mouseClick(okButton(dialog), Qt::LeftButton);
    QVERIFY(unlocked.wait(15000));
    QVERIFY(Notebook::exists(vault));
    QCOMPARE(window.notebook()->notebookName(), QStringLiteral("Cell culture"));
    QCOMPARE(window.notebook()->me().name, QStringLiteral("Grace Hopper"));
    QCOMPARE(window.windowTitle(), QStringLiteral("Quire — Cell culture"));

    // The recovery code, shown once (issue 17): OK only once it is kept somewhere, the sheet
    // saved as a PDF, and the same code shown again after the passphrase.
    QPointer<RecoveryCodeDialog> recovery = quire::test::waitForDialog<RecoveryCodeDialog>(&window);
    QVERIFY(recovery);
    const QString code = recovery->findChild<QLabel *>(QStringLiteral("recoveryCode"))->text();
    QVERIFY2(
        QRegularExpression(QStringLiteral("^[0-9A-HJKMNP-TV-Z]{5}(-[0-9A-HJKMNP-TV-Z]{5}){6}$"))
            .match(code)
            .hasMatch(),
        qPrintable(code));
    QVERIFY(!okButton(recovery)->isEnabled());
    const QString sheet = m_dir.filePath(QStringLiteral("recovery-sheet.pdf"));
    QVERIFY(recovery->saveSheet(sheet));
    QFile pdf(sheet);
    QVERIFY(pdf.open(QIODevice::ReadOnly) && pdf.read(5) == "%PDF-");
    screenshot(QStringLiteral("recovery-code-once"), recovery);
    recovery->findChild<QCheckBox *>(QStringLiteral("recoveryConfirm"))->setChecked(true);
    QVERIFY(okButton(recovery)->isEnabled());
    QTest::mouseClick(okButton(recovery), Qt::LeftButton);
    QTRY_VERIFY(!recovery);
    auto again = window.notebook()->recoveryCode("cells grow slowly in winter");
    QVERIFY2(again, qPrintable(again.error()));
    QCOMPARE(again->code, code);
    QVERIFY(!window.notebook()->recoveryCode("wrong passphrase"));
}

void MainWindowTest::recordedTimesShowLocalTimeWithZone() {
    if (qEnvironmentVariable("TZ") != QLatin1String("Europe/Berlin"))
        QSKIP("needs TZ=Europe/Berlin (set by ctest)");
    const QLocale previous;
    QLocale::setDefault(QLocale::c());
    const QString winter = EntryPageRenderer::localTime(QStringLiteral("2026-01-15T12:00:00.000Z"));
    const QString summer = EntryPageRenderer::localTime(QStringLiteral("2026-07-15T12:00:00.000Z"));
    QLocale::setDefault(previous);
    QCOMPARE(winter, QStringLiteral("15 Jan 2026, 13:00:00 CET"));
    QCOMPARE(summer, QStringLiteral("15 Jul 2026, 14:00:00 CEST"));
}

void MainWindowTest::cleanupTestCase() {
    m_window.reset();
    std::printf("Screenshots in %s\n", qPrintable(m_shots.dir()));
}

int main(int argc, char *argv[]) {
    return runGuiTest<MainWindowTest>(argc, argv, "QuireGuiTest");
}

#include "tst_main_window.moc"
