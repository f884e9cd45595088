#pragma once
// MainWindow: one notebook on screen — the experiments on the left, the selected
// experiment's entries on the right — and the way in and out of it (create, unlock, lock).
// It owns the unlocked Notebook; everything it shows comes from the model's API. Sharing
// shows in the status bar (SyncController) and through the Notebook menu: sync now, remote
// settings, members. Electronic signatures: Entry ▸ Sign…, the "Sign…" and "Export evidence…"
// links on the page, and Notebook ▸ Waiting for my signature; trusted time under Notebook ▸
// Time-stamp authorities….

#include "Notebook.h"

#include <QDialog>
#include <QMainWindow>
#include <QPointer>
#include <QTimer>

#include <memory>

class QAction;
class QLabel;
class QListView;
class QPushButton;
class QProgressBar;
class QSplitter;
class QStackedWidget;
class QToolButton;
class QUrl;

namespace quire::widgets {

class EntryPageView;
class ExperimentListModel;
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
    // A worker (a sync, storing a file) is using the notebook: the window leaves it alone.
    bool isBusy() const;

public slots:
    void lock();
    void newExperiment();
    void newEntry();
    void attachFile();
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

signals:
    void unlocked();
    void locked();

protected:
    void closeEvent(QCloseEvent *event) override;

private:
    enum Page { LockedPage, EmptyNotebookPage, NotebookPage };

    void buildActions();
    void buildMenusAndToolBar();
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
    QString m_notebookName;
    QString m_memberName;
    SyncController *m_sync = nullptr;
    QString m_pendingSelection;
    QString m_pendingAnchor;
    QTimer m_refreshTimer;
    QPointer<QDialog> m_gate;

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
    int m_reviewCount = 0;
};

} // namespace quire::widgets
