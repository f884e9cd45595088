#pragma once
// window/: the main window and the controllers it is wired from. MainWindow builds the window
// and connects its parts; each controller beside it does one job of the window — its commands
// (WindowActions), the page and sidebar (PageNavigator), search (SearchController), writing
// entries (EntryController), files (FilesController), signatures (SigningController), sharing
// (SharingController), the way in and the locked state (LockController) — and reaches the
// others through MainWindow's public API. IdleLock notices a notebook left unused.
//
// MainWindow: one notebook on screen, in three columns — the sidebar (entries waiting for my
// signature, projects, tags, all experiments), the chosen experiment's page of entries, and
// the details of one entry (its files, signatures and versions) — and the way in and out of
// it (create, unlock, lock). It owns the unlocked Notebook; everything it shows comes from
// the model's API.
//
// Writing: New entry (Ctrl+N) and Edit… (Ctrl+E, or the link on one's own entries) open the
// rich-text editor window (EntryDialog), which saves versions itself and keeps drafts; drafts
// left by a crash or a lock open again after the next unlock. Sharing shows in the status bar
// (SyncController) and through the Notebook menu. Electronic signatures: Entry ▸ Sign…, the
// page's links, the details panel and the sidebar's "Waiting for my signature".
//
// Everyday tools: the toolbar's search field (Ctrl+F) turns the sidebar into search results;
// history side by side; the audit trail; settings. The notebook locks itself after a time
// without use (IdleLock) or on demand, and everything that showed its content is closed or
// emptied then; the status bar says which it is.

#include "Notebook.h"

#include <QDialog>
#include <QMainWindow>
#include <QPointer>
#include <QTimer>

#include <functional>
#include <memory>

class QLabel;
class QLineEdit;
class QPushButton;
class QSplitter;
class QStackedWidget;
class QTreeView;

namespace quire::widgets {

class AttachmentPanel;
class CommentDialog;
class ImportElnDialog;
class DetailsPanel;
class EntryController;
class EntryPageView;
class FilesController;
class InboxController;
class IdleLock;
class LockController;
class PageNavigator;
class SearchController;
class SearchPanel;
class SharingController;
class SidebarModel;
class SigningController;
class SyncController;
class TextIndexController;
class WindowActions;

class MainWindow : public QMainWindow {
    Q_OBJECT
public:
    explicit MainWindow(const QString &vaultPath, QWidget *parent = nullptr);
    ~MainWindow() override;

    // Without a desktop platform theme Qt finds no icons; uses Adwaita where it is installed.
    // Call once after the QApplication exists.
    static void useFallbackIconTheme();

    // Opens the unlock dialog, or the create dialog when the folder holds no notebook yet.
    void start();
    // Shows a notebook unlocked elsewhere (the start window), as if this window had unlocked it.
    void openWith(std::unique_ptr<Notebook> notebook) { adopt(std::move(notebook)); }
    QString vaultPath() const { return m_vaultPath; }

    Notebook *notebook() const { return m_notebook.get(); }
    EntryPageView *entryView() const { return m_entryView; }
    QTreeView *sidebar() const;
    SidebarModel *sidebarModel() const;
    // The experiment on the page.
    QString currentExperiment() const;
    // The entries on the page, and where they stand among the experiment's (paging).
    const EntryRun &shownRun() const;
    // The create or unlock dialog while one is open.
    QDialog *gateDialog() const;
    SyncController *syncController() const { return m_sync; }
    QLineEdit *searchField() const;
    SearchPanel *searchPanel() const;
    DetailsPanel *detailsPanel() const { return m_details; }
    InboxController *inbox() const { return m_inbox; }
    TextIndexController *textIndex() const { return m_textIndex; }
    AttachmentPanel *attachmentPanel() const;
    IdleLock *idleLock() const;
    // The private folder that "Open" copies attachments into; empty while there is none (it is
    // made when first needed and removed at lock and close).
    QString openFolderPath() const;
    // The entry the person is at: the one a link, a search result or the attachments panel
    // chose last, else the last entry on the page.
    QString currentEntry() const;
    // A worker (a sync, storing a file) is using the notebook: the window leaves it alone.
    bool isBusy() const;

    // For the window's controllers (window/): what they ask of the window they work in.
    // The vault waits for an admin's approval of its join request.
    bool isJoining() const { return m_joining; }
    // One of the window's own workers (storing a file, signing, attesting, reading the audit
    // trail), not a sync, has the notebook.
    bool hasWorker() const { return m_busy; }
    // The notebook is read again and shown, on the next turn of the event loop.
    void refreshSoon() { m_refreshTimer.start(); }
    // The notebook is read again and shown once the worker that has it is done.
    void refreshWhenFree() { m_refreshPending = true; }
    // The idle time passed while a worker had the notebook: it locks when the worker is done.
    bool isLockDue() const { return m_lockWhenFree; }
    // A worker of a dialog or panel (storing a file, signing, attesting) has the notebook: the
    // window leaves it alone.
    void beginWork();
    void endWork();

public slots:
    void lock();
    void newExperiment();
    // Opens the editor window for a new entry in the experiment on the page.
    void newEntry();
    // Opens the editor window for an entry of the page (the current entry when empty); one
    // window per entry.
    void editEntry(const QString &entry = QString());
    // Asks for a reason, then withdraws the entry (a new version, status void).
    void voidEntry(const QString &entry = QString());
    // Shows an experiment's page (the latest entries).
    void showExperiment(const QString &experiment);
    // Asks which entry, then which file.
    void attachFile();
    // Stores the files with the entry, one after another on a worker; asks for a file when
    // `paths` is empty, and for an entry when `entry` is empty.
    void attachFiles(const QString &entry, const QStringList &paths = {});
    void syncNow();
    void showRemoteSettings();
    void showMembers();
    // Opens the sign dialog on the shown experiment's entries, `entry` chosen first (the
    // latest entry when empty).
    void signEntry(const QString &entry = QString());
    // Asks for a comment on the latest version of an entry of the page (a supervisor may request
    // changes with it); returns the dialog (for tests), null when none opened.
    CommentDialog *commentOnEntry(const QString &entry);
    void showReviewQueue();
    // File ▸ Export as PDF… for the experiment on the page.
    void exportPdf();
    // File ▸ Sign a PDF… and File ▸ Verify a PDF…; with `path` empty, a file is asked for.
    void signPdf(const QString &path = QString());
    void verifyPdf(const QString &path = QString());
    // File ▸ Import .eln…: asks for the file when none is given; the import runs on a worker
    // and ends in its report (the dialog is returned for tests; null when nothing started).
    ImportElnDialog *importEln(const QString &path = QString());
    void showTimestampSettings();
    // Asks for a folder and writes the evidence of one signature on the shown page there;
    // with `parentDir` given, asks nothing.
    void exportEvidence(const QString &signatureId, const QString &parentDir = QString());
    // What syncs found wrong on the server, where an admin acknowledges an alarm.
    void showSyncAlarm();
    // The versions of an entry on the page (the current entry when empty).
    void showHistory(const QString &entry = QString(), int version = 0);
    void showAuditTrail();
    void showSettings();
    // Puts the cursor in the search field and shows the search in the sidebar.
    void focusSearch();
    void closeSearch();
    // Shows the experiment, scrolled to the entry (if given) and marked.
    void openAt(const QString &experiment, const QString &entry);
    // Shows or hides the details panel; showing the attachments shows its Files tab.
    void setDetailsVisible(bool visible);
    void setAttachmentsVisible(bool visible);

signals:
    void unlocked();
    void locked();
    // File ▸ Open notebook… and File ▸ New notebook…: another notebook, in a window of its own
    // (start/NotebookWindows answers them).
    void openNotebookRequested();
    void newNotebookRequested();

protected:
    void closeEvent(QCloseEvent *event) override;
    void changeEvent(QEvent *event) override;
    void dragEnterEvent(QDragEnterEvent *event) override;
    void dropEvent(QDropEvent *event) override;

private:
    enum Page { LockedPage, EmptyNotebookPage, NotebookPage };

    void connectActions();
    // Every word the window shows that it made itself, in the current language.
    void retranslate();
    void updateStatusLabel();
    QWidget *buildEmptyNotebookPage();
    QWidget *buildNotebookPage();

    void adopt(std::unique_ptr<Notebook> notebook);
    void refresh();
    void updateActions();
    void updateEmptyPage();
    void syncStarted();
    void syncFinished(bool ok, bool receivedRecords, const QString &error);
    void notebookChanged();
    // Runs what was held back while a worker had the notebook.
    void catchUpAfterWorker();
    // Gives the views that read the notebook (page images, search, previews) the notebook, or
    // takes it from them while a worker has it.
    void lendNotebookToViews(bool lend);
    void idleTimeReached();
    bool hasOpenDialog() const;

    QString m_vaultPath;
    std::unique_ptr<Notebook> m_notebook;
    bool m_busy = false; // a worker storing a file is using the notebook
    // Held back while a worker had the notebook, done when it is free again.
    bool m_refreshPending = false;
    bool m_changePending = false;
    bool m_lockAfterSync = false;
    bool m_closeAfterSync = false;
    bool m_lockWhenFree = false; // the idle time passed while a worker had the notebook
    bool m_joining = false;      // the vault waits for an admin's approval
    QString m_notebookName;
    QString m_memberName;
    SyncController *m_sync = nullptr;
    QTimer m_refreshTimer;
    QTimer m_retranslateTimer;

    // The controllers, each one job of the window.
    WindowActions *m_actions = nullptr;
    PageNavigator *m_navigator = nullptr;
    SearchController *m_search = nullptr;
    EntryController *m_entries = nullptr;
    FilesController *m_files = nullptr;
    InboxController *m_inbox = nullptr;
    TextIndexController *m_textIndex = nullptr;
    SigningController *m_signing = nullptr;
    SharingController *m_sharing = nullptr;
    LockController *m_lock = nullptr;

    QStackedWidget *m_stack = nullptr;
    QLabel *m_emptyTitle = nullptr;
    QLabel *m_emptyHint = nullptr;
    QPushButton *m_emptyButton = nullptr;
    QSplitter *m_splitter = nullptr;
    DetailsPanel *m_details = nullptr;
    EntryPageView *m_entryView = nullptr;
    QLabel *m_statusLabel = nullptr;
};

} // namespace quire::widgets
