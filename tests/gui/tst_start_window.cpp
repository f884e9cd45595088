// Any notebook from the window, by keyboard and screen reader (issue 17, items 2 and 6): the
// start window lists the recent notebooks (a missing folder greyed, removable), creating a
// notebook shows the passphrase's strength and refuses a very weak one, a second notebook opens
// in a second window beside the first, the main window is walked with Tab alone, every menu
// command has a shortcut or a mnemonic, every part a keyboard reaches has a name a screen reader
// says, and the window at 200 % (a child of this test on a display of its own) shows nothing
// cut off. Screenshots of each state.

#include "details/DetailsPanel.h"
#include "GuiDriver.h"
#include "GuiTestMain.h"
#include "Notebook.h"
#include "start/NotebookWindows.h"
#include "start/RecentNotebooks.h"
#include "start/StartWindow.h"
#include "start/StrengthMeter.h"
#include "unlock/CreateNotebookDialog.h"
#include "unlock/UnlockDialog.h"
#include "window/MainWindow.h"

#include <QAbstractButton>
#include <QAccessible>
#include <QAction>
#include <QApplication>
#include <QDialogButtonBox>
#include <QDir>
#include <QFile>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QMenu>
#include <QMenuBar>
#include <QPointer>
#include <QProcess>
#include <QPushButton>
#include <QScreen>
#include <QSet>
#include <QSettings>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>
#include <QToolBar>
#include <QToolButton>
#include <QTreeView>
#include <QWebEnginePage>
#include <QWebEngineProfile>
#include <QWidgetAction>

using namespace quire;
using namespace quire::widgets;

namespace {

const QByteArray kPassphrase = "correct horse battery staple";
const char *const kScaledChild = "QUIRE_START_WINDOW_AT_200";

QPushButton *okButton(QDialog *dialog) {
    return dialog->findChild<QDialogButtonBox *>()->button(QDialogButtonBox::Ok);
}

// A vault with one experiment and an entry, so that a window opens on a page.
void makeNotebook(const QString &dir, const QString &name) {
    auto notebook = Notebook::create(
        dir, {name, QStringLiteral("Ada Lovelace"), QStringLiteral("ada@lab.example")},
        kPassphrase);
    QVERIFY2(notebook, qPrintable(notebook.error()));
    auto experiment = (*notebook)->createExperiment(QStringLiteral("Phosphate buffer, pH 7.4"),
                                                    QStringLiteral("Buffers"), {});
    QVERIFY(experiment);
    QVERIFY((*notebook)->addEntry(*experiment, QStringLiteral("Weighing"),
                                  QStringLiteral("<p>1.36 g KH<sub>2</sub>PO<sub>4</sub></p>")));
}

// What a screen reader says for the widget.
QString accessibleName(QWidget *widget) {
    QAccessibleInterface *iface = QAccessible::queryAccessibleInterface(widget);
    return iface ? iface->text(QAccessible::Name).trimmed() : QString();
}

// Every widget of `window` a person can Tab to has a name a screen reader can say.
QStringList unnamedFocusable(QWidget *window) {
    QStringList unnamed;
    for (QWidget *widget : window->findChildren<QWidget *>()) {
        if (!widget->isVisibleTo(window) || !(widget->focusPolicy() & Qt::TabFocus)) continue;
        // The page's own content is Chromium's; the view around it carries the name.
        if (widget->parentWidget() && qobject_cast<QWebEngineView *>(widget->parentWidget()))
            continue;
        if (accessibleName(widget).isEmpty())
            unnamed << QStringLiteral("%1 %2").arg(
                QString::fromLatin1(widget->metaObject()->className()), widget->objectName());
    }
    return unnamed;
}

// Whether anything happens when the action is chosen.
struct ActionPeek : QAction {
    int handlers() const {
        return receivers(SIGNAL(triggered(bool))) + receivers(SIGNAL(toggled(bool)));
    }
};

// The letter after '&' in a menu text, or 0.
QChar mnemonic(const QString &text) {
    for (qsizetype i = 0; i + 1 < text.size(); ++i) {
        if (text.at(i) != QLatin1Char('&')) continue;
        if (text.at(i + 1) == QLatin1Char('&')) {
            ++i;
            continue;
        }
        return text.at(i + 1).toLower();
    }
    return {};
}

// Labels and buttons whose words do not fit: narrower than their text, or past the window.
QStringList clipped(QWidget *window) {
    QStringList out;
    const QRect inside = window->rect();
    for (QWidget *widget : window->findChildren<QWidget *>()) {
        if (!widget->isVisible() || widget->window() != window) continue;
        auto *label = qobject_cast<QLabel *>(widget);
        auto *button = qobject_cast<QAbstractButton *>(widget);
        if (!(label && !label->text().isEmpty() && !label->wordWrap()) &&
            !(button && !button->text().isEmpty()))
            continue;
        const QString text = label ? label->text() : button->text();
        const QRect where(widget->mapTo(window, QPoint(0, 0)), widget->size());
        if (widget->width() + 1 < widget->minimumSizeHint().width() || !inside.contains(where))
            out << QStringLiteral("“%1” (%2 wide, needs %3)")
                       .arg(text)
                       .arg(widget->width())
                       .arg(widget->minimumSizeHint().width());
    }
    return out;
}

} // namespace

class StartWindowTest : public QObject {
    Q_OBJECT

private slots:
    void initTestCase();
    void startWindowListsRecentNotebooks();
    void createNotebookShowsPassphraseStrength();
    void secondNotebookOpensInSecondWindow();
    void keyboardReachesEveryPartOfTheWindow();
    void everyMenuCommandHasAShortcutOrMnemonic();
    void customWidgetsHaveAccessibleNames();
    void windowIsLegibleAt200Percent();
    void cleanupTestCase();

private:
    QTemporaryDir m_dir;
    quire::test::Screenshots m_shots{QStringLiteral("start_window")};
    std::unique_ptr<NotebookWindows> m_windows;
    QString m_protein, m_cells, m_gone, m_created;
};

void StartWindowTest::initTestCase() {
    QVERIFY(m_dir.isValid());
    qRegisterMetaType<MainWindow *>();
    m_protein = m_dir.filePath(QStringLiteral("protein"));
    m_cells = m_dir.filePath(QStringLiteral("cells"));
    m_gone = m_dir.filePath(QStringLiteral("usb-stick/old-notebook"));
    m_created = m_dir.filePath(QStringLiteral("buffers"));
    makeNotebook(m_protein, QStringLiteral("Protein lab 2026"));
    makeNotebook(m_cells, QStringLiteral("Cell culture"));
    QSettings().remove(QStringLiteral("recentNotebooks"));
    RecentNotebooks::remember(m_gone, QStringLiteral("Old notebook"));
    RecentNotebooks::remember(m_cells, QStringLiteral("Cell culture"));
    RecentNotebooks::remember(m_protein, QStringLiteral("Protein lab 2026"));
    m_windows = std::make_unique<NotebookWindows>();
}

void StartWindowTest::cleanupTestCase() {
    m_windows.reset();
}

void StartWindowTest::startWindowListsRecentNotebooks() {
    m_windows->showStartWindow();
    StartWindow *start = m_windows->startWindow();
    QVERIFY(QTest::qWaitForWindowExposed(start));
    QListWidget *list = start->recentList();
    QCOMPARE(list->count(), 3);
    // Newest first; each with its name, folder and when it was opened.
    QVERIFY(list->item(0)->text().startsWith(QStringLiteral("Protein lab 2026\n")));
    QVERIFY(list->item(0)->text().contains(QDir::toNativeSeparators(m_protein)));
    QVERIFY(list->item(0)->text().contains(QStringLiteral("last opened")));
    QVERIFY(list->item(1)->text().startsWith(QStringLiteral("Cell culture\n")));
    // The folder that is gone: greyed, said in words, cannot be opened, can be removed.
    QListWidgetItem *gone = list->item(2);
    QVERIFY(gone->text().contains(QStringLiteral("folder not found")));
    QCOMPARE(gone->foreground().color(),
             start->palette().color(QPalette::Disabled, QPalette::Text));
    QVERIFY(!gone->data(Qt::AccessibleDescriptionRole).toString().isEmpty());
    auto *open = start->findChild<QPushButton *>(QStringLiteral("openRecentButton"));
    auto *remove = start->findChild<QPushButton *>(QStringLiteral("removeRecentButton"));
    list->setCurrentRow(2);
    QVERIFY(!open->isEnabled());
    QVERIFY(remove->isEnabled());
    QVERIFY(!start->openRecent(2));
    list->setCurrentRow(0);
    QVERIFY(open->isEnabled());
    QVERIFY(!m_shots.take(start, QStringLiteral("start-window-recent-notebooks")).isEmpty());

    list->setCurrentRow(2);
    list->setFocus();
    QTest::keyClick(list, Qt::Key_Delete);
    QCOMPARE(list->count(), 2);
    QCOMPARE(RecentNotebooks::list().size(), 2);
    // "I already use this notebook on another computer": the offer flow, into a folder of choice.
    QPointer<QDialog> other = qobject_cast<QDialog *>(start->useOtherComputer());
    QVERIFY(other);
    auto *folder = other->findChild<QLineEdit *>(QStringLiteral("folderEdit"));
    QVERIFY(folder && !folder->text().isEmpty());
    other->reject();
    QTRY_VERIFY(!other);
    for (const char *name :
         {"createNotebookButton", "openFolderButton", "joinButton", "otherComputerButton"}) {
        auto *button = start->findChild<QPushButton *>(QLatin1String(name));
        QVERIFY2(button && button->isVisible() && !button->text().isEmpty(), name);
    }
}

void StartWindowTest::createNotebookShowsPassphraseStrength() {
    StartWindow *start = m_windows->startWindow();
    auto *dialog = qobject_cast<CreateNotebookDialog *>(start->createNotebook());
    QVERIFY(dialog);
    QVERIFY(QTest::qWaitForWindowExposed(dialog));
    auto field = [&](const char *name) {
        return dialog->findChild<QLineEdit *>(QLatin1String(name));
    };
    auto *meter = dialog->findChild<StrengthMeter *>();
    QVERIFY(meter);
    field("folderEdit")->setText(QDir::toNativeSeparators(m_created));
    QTest::keyClicks(field("notebookNameEdit"), QStringLiteral("Buffer lab"));
    QTest::keyClicks(field("memberNameEdit"), QStringLiteral("Grace Hopper"));
    QTest::keyClicks(field("emailEdit"), QStringLiteral("grace@lab.example"));

    // Long enough, and still refused: it is the first thing a guesser tries.
    QTest::keyClicks(field("passphraseEdit"), QStringLiteral("Password2026!"));
    QTest::keyClicks(field("repeatEdit"), QStringLiteral("Password2026!"));
    QCOMPARE(meter->strength().level, PassphraseStrength::VeryWeak);
    QVERIFY2(meter->text().contains(QStringLiteral("Password")), qPrintable(meter->text()));
    QTest::mouseClick(okButton(dialog), Qt::LeftButton);
    QVERIFY2(dialog->errorText().contains(QStringLiteral("too easy to guess")),
             qPrintable(dialog->errorText()));
    QCOMPARE(dialog->focusWidget(), field("passphraseEdit"));
    QVERIFY(!Notebook::exists(m_created));
    QVERIFY(!m_shots.take(dialog, QStringLiteral("create-notebook-weak-passphrase")).isEmpty());

    // The person's own name is as weak as a common word; repeats add nearly nothing.
    meter->setPassphrase(QStringLiteral("gracehopper99"), {QStringLiteral("Grace Hopper")});
    QVERIFY2(!meter->strength().acceptable(), qPrintable(meter->text()));
    meter->setPassphrase(QStringLiteral("abcabcabcabc"));
    QVERIFY2(!meter->strength().acceptable(), qPrintable(meter->text()));

    field("passphraseEdit")->clear();
    field("repeatEdit")->clear();
    const QString strong = QStringLiteral("amber tides fold quietly near 7 herons");
    QTest::keyClicks(field("passphraseEdit"), strong);
    QTest::keyClicks(field("repeatEdit"), strong);
    QVERIFY2(meter->strength().level >= PassphraseStrength::Strong, qPrintable(meter->text()));
    QVERIFY(!m_shots.take(dialog, QStringLiteral("create-notebook-strong-passphrase")).isEmpty());

    QSignalSpy opened(m_windows.get(), &NotebookWindows::windowOpened);
    QTest::mouseClick(okButton(dialog), Qt::LeftButton);
    QTRY_VERIFY_WITH_TIMEOUT(opened.size() == 1, 20000);
    MainWindow *window = m_windows->windowFor(m_created);
    QVERIFY(window);
    QTRY_VERIFY(window->notebook());
    QCOMPARE(window->notebook()->notebookName(), QStringLiteral("Buffer lab"));
    QVERIFY(Notebook::exists(m_created));
    QVERIFY(!start->isVisible());
    QCOMPARE(RecentNotebooks::lastUsed(), QDir::cleanPath(m_created));
}

void StartWindowTest::secondNotebookOpensInSecondWindow() {
    QCOMPARE(m_windows->windows().size(), 1);
    MainWindow *first = m_windows->windows().first();
    QVERIFY(QTest::qWaitForWindowExposed(first));
    // File ▸ Open notebook… shows the start window; the first recent notebook opens.
    auto *openAction = first->findChild<QAction *>(QStringLiteral("openNotebookAction"));
    QVERIFY(openAction && openAction->isEnabled());
    QCOMPARE(openAction->shortcut(), QKeySequence(QKeySequence::Open));
    openAction->trigger();
    StartWindow *start = m_windows->startWindow();
    QTRY_VERIFY(start->isVisible());
    QListWidget *list = start->recentList();
    QVERIFY(list->item(1)->text().startsWith(QStringLiteral("Protein lab 2026")));
    auto *unlock = qobject_cast<UnlockDialog *>(start->openRecent(1));
    QVERIFY(unlock);
    QSignalSpy opened(m_windows.get(), &NotebookWindows::windowOpened);
    auto *edit = unlock->findChild<QLineEdit *>(QStringLiteral("passphraseEdit"));
    QTest::keyClicks(edit, QString::fromUtf8(kPassphrase));
    QTest::keyClick(edit, Qt::Key_Return);
    QTRY_VERIFY_WITH_TIMEOUT(opened.size() == 1, 20000);
    MainWindow *second = m_windows->windowFor(m_protein);
    QVERIFY(second);
    QTRY_VERIFY(second->notebook());
    QVERIFY(QTest::qWaitForWindowExposed(second));

    // Two windows, two notebooks, nothing shared between them that shows a notebook.
    QCOMPARE(m_windows->windows().size(), 2);
    QVERIFY(first->notebook() && second->notebook());
    QVERIFY(first->notebook() != second->notebook());
    QCOMPARE(first->notebook()->notebookName(), QStringLiteral("Buffer lab"));
    QCOMPARE(second->notebook()->notebookName(), QStringLiteral("Protein lab 2026"));
    QCOMPARE(second->windowTitle(), QStringLiteral("Quire — Protein lab 2026"));
    QVERIFY(first->entryView()->page()->profile() != second->entryView()->page()->profile());
    QTRY_VERIFY(quire::test::experimentCount(second) == 1);
    QCOMPARE(quire::test::experimentCount(first), 0);
    // The same folder again is the same window, not a second lock on the vault.
    QVERIFY(!m_windows->unlock(m_protein, start));
    QCOMPARE(m_windows->windows().size(), 2);
    QTRY_VERIFY_WITH_TIMEOUT(
        quire::test::pageText(second->entryView()).contains(QStringLiteral("Weighing")), 15000);
    // Side by side, as a person would put them (Xvfb has no window manager to do it).
    first->setGeometry(0, 0, 790, 640);
    second->resize(790, 640); // the page's minimum width may make it a little wider
    second->move(second->screen()->geometry().width() - second->frameGeometry().width(), 330);
    QVERIFY(!m_shots.take(first, QStringLiteral("two-notebooks-two-windows"), second).isEmpty());
}

void StartWindowTest::keyboardReachesEveryPartOfTheWindow() {
    MainWindow *window = m_windows->windowFor(m_protein);
    QVERIFY(window);
    QTRY_VERIFY(!window->currentExperiment().isEmpty());
    // Wide enough for the whole toolbar: a narrower one puts the search field in its overflow.
    window->setGeometry(0, 0, 1280, 800);
    window->raise();
    window->activateWindow();
    QApplication::setActiveWindow(window);
    auto *toolBar = window->findChild<QToolBar *>(QStringLiteral("mainToolBar"));
    QVERIFY(toolBar);
    QWidget *firstButton =
        toolBar->widgetForAction(window->findChild<QAction *>(QStringLiteral("newEntryAction")));
    QVERIFY(firstButton);
    QVERIFY(firstButton->focusPolicy() & Qt::TabFocus);
    firstButton->setFocus(Qt::TabFocusReason);
    QTRY_COMPARE(QApplication::focusWidget(), firstButton);

    // Tab alone, from the toolbar on: every part comes in turn.
    QSet<QString> reached;
    for (int step = 0; step < 40 && !reached.contains(QStringLiteral("page")); ++step) {
        QWidget *focus = QApplication::focusWidget();
        QVERIFY(focus);
        if (qobject_cast<QToolButton *>(focus) && focus->parentWidget() == toolBar)
            reached << QStringLiteral("toolbar");
        if (focus == window->searchField()) reached << QStringLiteral("search");
        if (focus == window->sidebar() && !reached.contains(QStringLiteral("sidebar"))) {
            reached << QStringLiteral("sidebar");
            QVERIFY(!m_shots.take(window, QStringLiteral("keyboard-focus-on-sidebar")).isEmpty());
        }
        if (window->entryView()->isAncestorOf(focus) || focus == window->entryView())
            reached << QStringLiteral("page");
        QTest::keyClick(focus, Qt::Key_Tab);
        QTRY_VERIFY(QApplication::focusWidget() != focus ||
                    window->entryView()->isAncestorOf(focus));
    }
    for (const char *part : {"toolbar", "search", "sidebar", "page"})
        QVERIFY2(reached.contains(QLatin1String(part)), part);
}

void StartWindowTest::everyMenuCommandHasAShortcutOrMnemonic() {
    MainWindow *window = m_windows->windowFor(m_protein);
    QSet<QChar> menuKeys;
    QSet<QAction *> inMenus;
    for (QAction *menuAction : window->menuBar()->actions()) {
        QMenu *menu = menuAction->menu();
        QVERIFY(menu);
        const QChar key = mnemonic(menu->title());
        QVERIFY2(!key.isNull() && !menuKeys.contains(key), qPrintable(menu->title()));
        menuKeys << key;
        QSet<QChar> keys;
        for (QAction *action : menu->actions()) {
            if (action->isSeparator() || !action->isVisible()) continue;
            inMenus << action;
            const QChar actionKey = mnemonic(action->text());
            const QString what = menu->title() + QStringLiteral(" ▸ ") + action->text();
            QVERIFY2(!actionKey.isNull() || !action->shortcut().isEmpty(), qPrintable(what));
            QVERIFY2(static_cast<ActionPeek *>(action)->handlers() > 0,
                     qPrintable(what + QStringLiteral(": does nothing")));
            QVERIFY2(actionKey.isNull() || !keys.contains(actionKey),
                     qPrintable(what + QStringLiteral(": its letter is taken")));
            keys << actionKey;
        }
    }
    // What the toolbar offers is in a menu too.
    for (QAction *action : window->findChild<QToolBar *>(QStringLiteral("mainToolBar"))->actions())
        if (!action->isSeparator() && !action->text().isEmpty() &&
            !qobject_cast<QWidgetAction *>(action))
            QVERIFY2(inMenus.contains(action), qPrintable(action->text()));
}

void StartWindowTest::customWidgetsHaveAccessibleNames() {
    MainWindow *window = m_windows->windowFor(m_protein);
    for (QWidget *widget :
         {static_cast<QWidget *>(window->sidebar()), static_cast<QWidget *>(window->entryView()),
          static_cast<QWidget *>(window->detailsPanel()),
          static_cast<QWidget *>(window->searchField())})
        QVERIFY2(!accessibleName(widget).isEmpty(), widget->metaObject()->className());
    const QStringList unnamed = unnamedFocusable(window);
    QVERIFY2(unnamed.isEmpty(), qPrintable(unnamed.join(QStringLiteral(", "))));
    // The sidebar's rows are said as the delegate draws them.
    QAbstractItemModel *model = window->sidebar()->model();
    for (int row = 0; row < model->rowCount(); ++row)
        QVERIFY(!model->index(row, 0).data(Qt::AccessibleTextRole).toString().isEmpty());

    StartWindow *start = m_windows->startWindow();
    const QStringList unnamedStart = unnamedFocusable(start);
    QVERIFY2(unnamedStart.isEmpty(), qPrintable(unnamedStart.join(QStringLiteral(", "))));
    StrengthMeter meter;
    meter.setPassphrase(QStringLiteral("letmein"));
    auto *bar = meter.findChild<QWidget *>(QStringLiteral("strengthBar"));
    QCOMPARE(accessibleName(bar), QStringLiteral("Passphrase strength"));
    QVERIFY(!bar->accessibleDescription().isEmpty());
}

// The same window at QT_SCALE_FACTOR=2, in a child of this test on a display of its own the size
// of a 2560×1600 laptop screen: legible, nothing cut off.
void StartWindowTest::windowIsLegibleAt200Percent() {
    const QString ownDisplay =
        qEnvironmentVariable("QUIRE_SOURCE_DIR") + QStringLiteral("/tests/support/own-display.sh");
    if (!QFile::exists(ownDisplay)) QSKIP("needs QUIRE_SOURCE_DIR (set by ctest)");
    QProcess child;
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert(QString::fromLatin1(kScaledChild), m_protein);
    env.insert(QStringLiteral("QT_SCALE_FACTOR"), QStringLiteral("2"));
    env.insert(QStringLiteral("QUIRE_XVFB_SCREEN"), QStringLiteral("2560x1600x24"));
    env.insert(QStringLiteral("QUIRE_SCREENSHOT_DIR"), m_shots.dir());
    child.setProcessEnvironment(env);
    child.setProcessChannelMode(QProcess::ForwardedChannels);
    // A vault is open in one process at a time: this window lets go of it for the child.
    if (MainWindow *window = m_windows->windowFor(m_protein)) window->close();
    QTRY_VERIFY(!m_windows->windowFor(m_protein));
    child.start(QStringLiteral("bash"), {ownDisplay, QCoreApplication::applicationFilePath()});
    QVERIFY(child.waitForFinished(120000));
    QCOMPARE(child.exitStatus(), QProcess::NormalExit);
    QCOMPARE(child.exitCode(), 0);
    QVERIFY(QFile::exists(m_shots.dir() +
                          QStringLiteral("/200-percent/01-main-window-200-percent.png")));
}

// The child's one test: the main window and the start window at 200 %.
class ScaledWindowTest : public QObject {
    Q_OBJECT
private slots:
    void mainWindowAt200Percent() {
        QCOMPARE(qEnvironmentVariable("QT_SCALE_FACTOR"), QStringLiteral("2"));
        quire::test::Screenshots shots(QStringLiteral("200-percent"));
        const QString vault = qEnvironmentVariable(kScaledChild);
        NotebookWindows windows;
        MainWindow *window = windows.open(vault);
        quire::test::unlockThroughDialog(window, kPassphrase);
        QTRY_VERIFY(quire::test::experimentCount(window) == 1);
        QTRY_VERIFY(!window->currentExperiment().isEmpty());
        QVERIFY(QTest::qWaitForWindowExposed(window));
        QTRY_VERIFY_WITH_TIMEOUT(
            quire::test::pageText(window->entryView()).contains(QStringLiteral("Weighing")), 15000);
        QVERIFY(!shots.take(window, QStringLiteral("main-window-200-percent")).isEmpty());
        const QStringList cut = clipped(window);
        QVERIFY2(cut.isEmpty(), qPrintable(cut.join(QStringLiteral(", "))));

        windows.showStartWindow();
        StartWindow *start = windows.startWindow();
        QVERIFY(QTest::qWaitForWindowExposed(start));
        QVERIFY(!shots.take(start, QStringLiteral("start-window-200-percent")).isEmpty());
        const QStringList cutStart = clipped(start);
        QVERIFY2(cutStart.isEmpty(), qPrintable(cutStart.join(QStringLiteral(", "))));
        window->close();
    }
};

int main(int argc, char *argv[]) {
    if (qEnvironmentVariableIsSet(kScaledChild))
        return runGuiTest<ScaledWindowTest>(1, argv, "tst_start_window");
    return runGuiTest<StartWindowTest>(argc, argv, "tst_start_window");
}

#include "tst_start_window.moc"
