// A Quire window that crashes while someone is writing: it opens a vault, starts a new entry in
// an experiment, types a title and text with real key events, waits until the text is kept as a
// draft, and then kills itself with SIGKILL — no destructor runs, nothing is shut down. The GUI
// test tst_entry_drafts runs it and must get the text back from the vault.
//
// Usage: draft_crash_child <vault> <experiment uuid> <title> <text>
// The passphrase comes in QUIRE_TEST_PASSPHRASE, so it is not on a command line.
// Exit codes when it cannot get as far as the crash: 2 usage, 3 vault, 4 editor, 5 no draft.

#include "EntryDialog.h"
#include "EntryEditor.h"
#include "Notebook.h"
#include "UrlSecurity.h"

#include <QApplication>
#include <QLineEdit>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTest>
#include <QWebEngineView>

#include <csignal>
#include <cstdio>

using namespace quire;
using namespace quire::widgets;

int main(int argc, char *argv[]) {
    QStandardPaths::setTestModeEnabled(true);
    hardenWebEngineEnvironment();
    registerUrlSchemes();
    QCoreApplication::setAttribute(Qt::AA_ShareOpenGLContexts);
    QApplication app(argc, argv);
    const QStringList args = QCoreApplication::arguments();
    if (args.size() != 5) {
        std::fputs("usage: draft_crash_child <vault> <experiment> <title> <text>\n", stderr);
        return 2;
    }
    const QString vault = args.at(1);
    const QString experiment = args.at(2);
    const QString title = args.at(3);
    const QString text = args.at(4);

    auto opened = Notebook::open(vault, qgetenv("QUIRE_TEST_PASSPHRASE"));
    if (!opened) {
        std::fprintf(stderr, "cannot open the vault: %s\n", qPrintable(opened.error()));
        return 3;
    }
    Notebook *notebook = opened.value().get();

    EntryDialog *dialog = EntryDialog::newEntry(notebook, experiment, nullptr);
    dialog->move(0, 0);
    dialog->show();
    EntryEditor *editor = dialog->editor();
    QSignalSpy ready(editor, &EntryEditor::ready);
    if (!QTest::qWaitForWindowExposed(dialog) || !(editor->isReady() || ready.wait(60000))) {
        std::fputs("the editor did not become ready\n", stderr);
        return 4;
    }

    // Typing waits for the empty text the window gave the page to be in place.
    bool answered = false;
    editor->requestHtml([&answered](const QString &) { answered = true; });
    if (!QTest::qWaitFor([&] { return answered; }, 10000)) {
        std::fputs("the editor did not answer\n", stderr);
        return 4;
    }

    QTest::keyClicks(dialog->findChild<QLineEdit *>(QStringLiteral("titleEdit")), title);
    // Below the toolbar is the writing area: a click there puts the cursor in the text.
    QWidget *page = editor->view()->focusProxy();
    QTest::mouseClick(page, Qt::LeftButton, {}, QPoint(page->width() / 2, page->height() * 2 / 3));
    QTest::keyClicks(page, text, Qt::NoModifier, 5);

    // Killed only once the vault holds the whole text, as a person's work would be after a
    // pause of a few seconds.
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
