#pragma once
// EntryController: writing in the notebook from the main window — a new experiment, a new
// entry, a new version of one's own entry, voiding it — and reading an entry's versions. Entries
// are written in their own windows (EntryDialog, one per entry, beside the notebook), which
// save versions and keep drafts themselves; this controller opens them, brings back the drafts
// a crash or a lock left, and has every open one keep its text as a draft before the notebook
// is locked or the window closed.

#include <QList>
#include <QObject>

#include <functional>

namespace quire::widgets {

class EntryDialog;
class MainWindow;
class PageNavigator;

class EntryController : public QObject {
    Q_OBJECT
public:
    EntryController(MainWindow *window, PageNavigator *navigator);

    void newExperiment();
    // Opens the editor window for a new entry in the experiment on the page.
    void newEntry();
    // Opens the editor window for an entry of the page (the current entry when empty); one
    // window per entry.
    void editEntry(const QString &entry);
    // Asks for a reason, then withdraws the entry (a new version, status void).
    void voidEntry(const QString &entry);
    // The versions of an entry on the page (the current entry when empty).
    void showHistory(const QString &entry, int version);
    // Opens what was being written when the program ended or the notebook was locked.
    void recoverDrafts();

    QList<EntryDialog *> visibleEntryWindows() const;
    // Has every open entry window keep its text as a draft and close, then runs `then`.
    void closeEntryWindows(const std::function<void()> &then);

private:
    // Wires an editor window to the main window and shows it.
    void showEntryDialog(EntryDialog *dialog);

    MainWindow *m_window;
    PageNavigator *m_navigator;
    bool m_closingEntryWindows = false;
};

} // namespace quire::widgets
