#pragma once
// MainWindow: one notebook on screen — the experiments on the left, the selected
// experiment's entries on the right — and the way in and out of it (create, unlock, lock).
// It owns the unlocked Notebook; everything it shows comes from the model's API. Sharing
// shows in the status bar (SyncController) and through the Notebook menu: sync now, remote
// settings, members. Electronic signatures: Entry ▸ Sign…, the "Sign…" and "Export evidence…"
// links on the page, and Notebook ▸ Waiting for my signature; trusted time under Notebook ▸
// Time-stamp authorities….
//
// Everyday tools: the toolbar's search field (Ctrl+F) turns the sidebar into search results;
// Entry ▸ History… (Ctrl+H) and each entry's "History" link show its versions side by side;
// Notebook ▸ Audit trail…; the attached files of the page's entries in a panel on the right
// (View ▸ Attached files); File ▸ Settings… (Ctrl+,). The notebook locks itself after a time
// without use (IdleLock), and everything that showed its content is closed or emptied then.

#include "Notebook.h"

#include <QDialog>
#include <QMainWindow>
#include <QPointer>
#include <QTimer>

#include <memory>

class QAction;
class QLabel;
class QLineEdit;
class QListView;
class QMenu;
class QPushButton;
class QProgressBar;
class QSplitter;
class QStackedWidget;
class QTemporaryDir;
class QToolBar;
class QToolButton;
class QUrl;

namespace quire::widgets {

class AttachmentPanel;
class EntryPageView;
class ExperimentListModel;
class IdleLock;
class SearchPanel;
class SignDialog;
class SyncController;

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

    Notebook *notebook() const { return m_notebook.get(); }
    EntryPageView *entryView() const { return m_entryView; }
    QListView *experimentList() const { return m_list; }
    QString currentExperiment() const;
    // The create or unlock dialog while one is open.
    QDialog *gateDialog() const { return m_gate; }
    SyncController *syncController() const { return m_sync; }
    QLineEdit *searchField() const { return m_searchField; }
    SearchPanel *searchPanel() const { return m_searchPanel; }
    AttachmentPanel *attachmentPanel() const { return m_attachments; }
    IdleLock *idleLock() const { return m_idleLock; }
    // The private folder that "Open" copies attachments into; empty while there is none (it is
    // made when first needed and removed at lock and close).
    QString openFolderPath() const;
    // The entry the person is at: the one a link, a search result or the attachments panel
    // chose last, else the last entry on the page.
    QString currentEntry() const;
    // A worker (a sync, storing a file) is using the notebook: the window leaves it alone.
    bool isBusy() const;

public slots:
    void lock();
    void newExperiment();
    void newEntry();
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
    void showReviewQueue();
    void showTimestampSettings();
    // Asks for a folder and writes the evidence of one signature on the shown page there;
    // with `parentDir` given, asks nothing.
    void exportEvidence(const QString &signatureId, const QString &parentDir = QString());
    // What the last sync found wrong on the server; closing it acknowledges the alarm.
    void showSyncAlarm();
    // The versions of an entry on the page (the current entry when empty).
    void showHistory(const QString &entry = QString());
    void showAuditTrail();
    void showSettings();
    // Puts the cursor in the search field and shows the search in the sidebar.
    void focusSearch();
    void closeSearch();
    // Shows the experiment, scrolled to the entry (if given) and marked.
    void openAt(const QString &experiment, const QString &entry);
    void setAttachmentsVisible(bool visible);

signals:
    void unlocked();
    void locked();

protected:
    void closeEvent(QCloseEvent *event) override;
    void changeEvent(QEvent *event) override;
    void dragEnterEvent(QDragEnterEvent *event) override;
    void dropEvent(QDropEvent *event) override;

private:
    enum Page { LockedPage, EmptyNotebookPage, NotebookPage };
    enum SidePage { ExperimentsSide, SearchSide };

    void buildActions();
    void buildMenusAndToolBar();
    // Every word the window shows that it made itself, in the current language.
    void retranslate();
    void updateStatusLabel();
    void updateListHeading();
    void showSearchSide();
    QWidget *buildLockedPage();
    QWidget *buildEmptyNotebookPage();
    QWidget *buildNotebookPage();
    QWidget *buildSyncStatus();

    void openGate();
    void adopt(std::unique_ptr<Notebook> notebook);
    void refresh();
    void showCurrentExperiment();
    void updateActions();
    void updateLockedPage();
    void updateEmptyPage();
    void showProblem(QWidget *parent, const QString &title, const QString &modelMessage);
    void updateSyncStatus();
    void syncStarted();
    void syncFinished(bool ok, bool receivedRecords, const QString &error);
    void notebookChanged();
    // Runs what was held back while a worker had the notebook.
    void catchUpAfterWorker();
    // A dialog's worker (signing, attesting) has the notebook: the window leaves it alone.
    void beginWork();
    void endWork();
    // Gives the views that read the notebook (page images, search, previews) the notebook, or
    // takes it from them while a worker has it.
    void lendNotebookToViews(bool lend);
    void startNextAttachment();
    void idleTimeReached();
    void openTimestampSettings(QWidget *parent);
    void removeOpenFolder();
    SignDialog *openSignDialog(const QList<EntryVersion> &entries, const QString &entry,
                               QWidget *parent);
    void updateReviewCount();
    void updateTimeHint();
    // The page's own links ("#sign-…", "#evidence-…") arrive as a change of its URL.
    void pageUrlChanged(const QUrl &url);
    bool hasOpenDialog() const;

    QString m_vaultPath;
    std::unique_ptr<Notebook> m_notebook;
    bool m_busy = false; // a worker storing a file is using the notebook
    // Held back while a worker had the notebook, done when it is free again.
    bool m_refreshPending = false;
    bool m_showPending = false;
    bool m_changePending = false;
    bool m_lockAfterSync = false;
    bool m_closeAfterSync = false;
    bool m_lockWhenFree = false; // the idle time passed while a worker had the notebook
    QString m_notebookName;
    QString m_memberName;
    SyncController *m_sync = nullptr;
    QString m_pendingSelection;
    QString m_pendingAnchor;
    QTimer m_refreshTimer;
    QTimer m_retranslateTimer;
    QPointer<QDialog> m_gate;
    QString m_currentEntry;
    std::unique_ptr<QTemporaryDir> m_openFolder;
    IdleLock *m_idleLock = nullptr;
    // Files waiting to be stored, one at a time, with this entry.
    QString m_attachEntry;
    QStringList m_attachQueue;
    int m_attachTotal = 0;

    QAction *m_newExperiment = nullptr;
    QAction *m_newEntry = nullptr;
    QAction *m_attach = nullptr;
    QAction *m_lock = nullptr;
    QAction *m_syncNow = nullptr;
    QAction *m_remoteSettings = nullptr;
    QAction *m_members = nullptr;
    QAction *m_sign = nullptr;
    QAction *m_reviewQueue = nullptr;
    QAction *m_timestamps = nullptr;
    QAction *m_quit = nullptr;
    QAction *m_about = nullptr;
    QAction *m_find = nullptr;
    QAction *m_history = nullptr;
    QAction *m_auditTrail = nullptr;
    QAction *m_settings = nullptr;
    QAction *m_showAttachments = nullptr;
    QMenu *m_fileMenu = nullptr;
    QMenu *m_entryMenu = nullptr;
    QMenu *m_notebookMenu = nullptr;
    QMenu *m_viewMenu = nullptr;
    QMenu *m_helpMenu = nullptr;
    QToolBar *m_toolBar = nullptr;
    QLineEdit *m_searchField = nullptr;

    QStackedWidget *m_stack = nullptr;
    QLabel *m_lockedTitle = nullptr;
    QLabel *m_lockedHint = nullptr;
    QLabel *m_emptyTitle = nullptr;
    QLabel *m_emptyHint = nullptr;
    QPushButton *m_emptyButton = nullptr;
    bool m_joining = false; // the vault waits for an admin's approval
    QPushButton *m_lockedButton = nullptr;
    QSplitter *m_splitter = nullptr;
    QLabel *m_listHeading = nullptr;
    QStackedWidget *m_side = nullptr;
    SearchPanel *m_searchPanel = nullptr;
    AttachmentPanel *m_attachments = nullptr;
    QListView *m_list = nullptr;
    ExperimentListModel *m_model = nullptr;
    EntryPageView *m_entryView = nullptr;
    QLabel *m_statusLabel = nullptr;
    QWidget *m_syncStatus = nullptr;
    QToolButton *m_syncButton = nullptr;
    QProgressBar *m_syncProgress = nullptr;
    QToolButton *m_syncCancel = nullptr;
    QToolButton *m_timeHint = nullptr;
    QPushButton *m_reviewButton = nullptr;
    // The entries on the page now, for the sign dialog and the page's links.
    QList<EntryVersion> m_shownEntries;
    int m_experimentCount = 0;
    int m_reviewCount = 0;
};

} // namespace quire::widgets
