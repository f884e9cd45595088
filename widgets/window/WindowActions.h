#pragma once
// WindowActions: the main window's commands — each QAction with its icon, shortcut and
// object name — and where they are offered: the menu bar and the toolbar, whose search field
// lives here too. It says the words in the current language (retranslate()) and which
// commands can be used now (update()); what a command does is the window's business, which
// connects to the actions.

#include <QObject>

class QAction;
class QLineEdit;
class QMainWindow;
class QMenu;
class QToolBar;

namespace quire::widgets {

class WindowActions : public QObject {
    Q_OBJECT
public:
    // What the window knows that decides which commands can be used.
    struct State {
        bool hasNotebook = false;   // unlocked
        bool busy = false;          // a worker (a sync, storing a file…) has the notebook
        bool workerBusy = false;    // one of the window's own workers, not a sync, has it
        bool joining = false;       // waiting for an admin's approval
        bool hasExperiment = false; // an experiment is on the page, and no worker has the notebook
        bool ownEntry = false;      // the current entry is the person's own and not voided
        bool unvoidedEntry = false; // the page has an entry that is not voided
        bool hasEntries = false;    // the page has entries
    };

    // Makes the actions (children of `window`, found by their object names), the menus and the
    // toolbar.
    explicit WindowActions(QMainWindow *window);

    void retranslate();
    void update(const State &state);
    // How many entries wait for my signature, in the menu's words; without the number while it
    // cannot be read (a worker has the notebook).
    void setReviewCount(int count);
    void showReviewCount();
    void showReviewCountUnknown();

    QAction *openNotebook = nullptr; // File ▸ Open notebook… (issue 17)
    QAction *newNotebook = nullptr;
    QAction *newExperiment = nullptr;
    QAction *newFromTemplate = nullptr; // issue 17: File ▸ New experiment from template…
    QAction *saveAsTemplate = nullptr;  // and Save experiment as template…
    QAction *newEntry = nullptr;
    QAction *editEntry = nullptr;
    QAction *voidEntry = nullptr;
    QAction *attach = nullptr;
    QAction *lock = nullptr;
    QAction *syncNow = nullptr;
    QAction *remoteSettings = nullptr;
    QAction *members = nullptr;
    QAction *addComputer = nullptr;  // Notebook ▸ Add my other computer… (issue 16)
    QAction *recoveryCode = nullptr; // Notebook ▸ Recovery code… (issue 17)
    QAction *sign = nullptr;
    QAction *reviewQueue = nullptr;
    QAction *timestamps = nullptr;
    QAction *quit = nullptr;
    QAction *about = nullptr;
    QAction *find = nullptr;
    QAction *history = nullptr;
    QAction *auditTrail = nullptr;
    QAction *instruments = nullptr;
    QAction *settings = nullptr;
    QAction *showDetails = nullptr;
    QAction *exportPdf = nullptr;
    QAction *exportEln = nullptr; // File ▸ Export as .eln… (issue 15)
    QAction *signPdf = nullptr;
    QAction *verifyPdf = nullptr;
    QAction *importEln = nullptr;
    QLineEdit *searchField = nullptr;

private:
    void buildActions();
    void buildMenusAndToolBar();

    QMainWindow *m_window;
    QMenu *m_fileMenu = nullptr;
    QMenu *m_entryMenu = nullptr;
    QMenu *m_notebookMenu = nullptr;
    QMenu *m_viewMenu = nullptr;
    QMenu *m_helpMenu = nullptr;
    QToolBar *m_toolBar = nullptr;
    int m_reviewCount = 0;
};

} // namespace quire::widgets
