// Quire's main window crashing while someone writes: it unlocks a vault through the unlock
// dialog, clicks an experiment in the sidebar, presses Ctrl+N, types a title and text with real
// key events into the entry window, waits until the text is kept as a draft, and then kills
// itself with SIGKILL — no destructor runs, nothing is shut down. The GUI tests run it and
// must get the text back from the vault.
//
// Usage: draft_crash_child <vault> <experiment uuid> <title> <text>
// The passphrase comes in QUIRE_TEST_PASSPHRASE, so it is not on a command line.
// Exit codes when it cannot get as far as the crash: 2 usage, 3 unlock, 4 editor, 5 no draft.

#include "editor/EntryDialog.h"
#include "GuiDriver.h"
#include "Notebook.h"
#include "page/UrlSecurity.h"
#include "unlock/UnlockDialog.h"
#include "window/MainWindow.h"

#include <QApplication>
#include <QLineEdit>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTest>

#include <csignal>
#include <cstdio>

using namespace quire;
using namespace quire::widgets;

namespace {

int failWith(int code, const char *why) {
    std::fprintf(stderr, "%s\n", why);
    return code;
}

} // namespace

int main(int argc, char *argv[]) {
    QStandardPaths::setTestModeEnabled(true);
    hardenWebEngineEnvironment();
    registerUrlSchemes();
    QCoreApplication::setAttribute(Qt::AA_ShareOpenGLContexts);
    QApplication app(argc, argv);
    MainWindow::useFallbackIconTheme();
    const QStringList args = QCoreApplication::arguments();
    if (args.size() != 5)
        return failWith(2, "usage: draft_crash_child <vault> <experiment> <title> <text>");
    const QString vault = args.at(1);
    const QString experiment = args.at(2);
    const QString title = args.at(3);
    const QString text = args.at(4);

    // The window, unlocked as a person does it.
    auto *window = new MainWindow(vault); // never deleted: the process dies with it
    window->resize(1280, 800);
    window->move(0, 0);
    window->show();
    window->start();
    auto *gate = qobject_cast<UnlockDialog *>(window->gateDialog());
    if (!QTest::qWaitForWindowExposed(window) || !gate) return failWith(3, "no unlock dialog");
    auto *passphrase = gate->findChild<QLineEdit *>(QStringLiteral("passphraseEdit"));
    QTest::keyClicks(passphrase, QString::fromUtf8(qgetenv("QUIRE_TEST_PASSPHRASE")));
    QSignalSpy unlocked(window, &MainWindow::unlocked);
    QTest::keyClick(passphrase, Qt::Key_Return);
    if (!unlocked.wait(60000)) return failWith(3, "the window did not unlock");

    // The experiment chosen in the sidebar; a new entry by its shortcut.
    if (!QTest::qWaitFor([&] { return quire::test::clickExperiment(window, experiment); }, 10000) ||
        window->currentExperiment() != experiment)
        return failWith(4, "the experiment is not in the sidebar");
    window->activateWindow();
    if (QTest::qWaitForWindowActive(window, 2000))
        QTest::keySequence(window, QKeySequence(Qt::CTRL | Qt::Key_N));
    else
        window->newEntry();
    EntryDialog *dialog = nullptr;
    if (!QTest::qWaitFor([&] { return (dialog = window->findChild<EntryDialog *>()) != nullptr; },
                         10000) ||
        !quire::test::showEditor(dialog))
        return failWith(4, "the entry window did not become ready");

    QTest::keyClicks(dialog->findChild<QLineEdit *>(QStringLiteral("titleEdit")), title);
    quire::test::clickIntoText(dialog->editor());
    quire::test::typeText(dialog->editor(), text);

    // Killed only once the vault holds the whole text, as a person's work would be after a
    // pause of a few seconds.
    Notebook *notebook = window->notebook();
    const bool kept = QTest::qWaitFor(
        [&] {
            auto drafts = notebook->drafts();
            if (!drafts) return false;
            for (const Draft &draft : *drafts)
                if (draft.key == dialog->draftKey() && draft.title == title &&
                    draft.html.contains(text))
                    return true;
            return false;
        },
        EntryDialog::kDraftDelayMs + 20000);
    if (!kept) {
        std::fputs("the draft was never kept; the vault holds:\n", stderr);
        if (auto drafts = notebook->drafts())
            for (const Draft &draft : *drafts)
                std::fprintf(stderr, "%s: %s | %s\n", qPrintable(draft.key),
                             qPrintable(draft.title), qPrintable(draft.html));
        return 5;
    }
    std::printf("draft kept: %s\n", qPrintable(dialog->draftKey()));
    std::fflush(stdout);
    std::raise(SIGKILL);
    return 0; // not reached
}
