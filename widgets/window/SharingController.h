#pragma once
// SharingController: the notebook's sharing as the main window shows it — the status bar's
// sync button (its state in words, an alarm in the warning colour), progress and Cancel while
// a sync runs, the quiet hint that records still wait for a trusted time, the sync alarm box,
// "Sync now", and the remote-settings and members dialogs. The syncing itself is
// SyncController's.

#include <QObject>
#include <QPointer>

class QProgressBar;
class QToolButton;
class QWidget;

namespace quire::widgets {

class AlarmsDialog;
class MainWindow;
class SyncController;

class SharingController : public QObject {
    Q_OBJECT
public:
    // Makes the status bar's widgets; the window places them.
    SharingController(MainWindow *window, SyncController *sync);

    QWidget *syncStatus() const { return m_syncStatus; }
    QToolButton *timeHint() const { return m_timeHint; }

    void retranslate();
    void updateSyncStatus();
    // Shows the hint when an authority is set and records still wait for a trusted time.
    void updateTimeHint();
    // At lock: nothing about the notebook stays in the status bar.
    void clear();

    void syncNow();
    // Where the notebook is shared; `parent` is the window or the settings dialog.
    void openRemoteSettings(QWidget *parent);
    void showMembers();
    // Notebook ▸ Add my other computer… (issue 16).
    void showAddComputer();
    // What syncs found wrong on the server (AlarmsDialog), where an admin acknowledges an
    // alarm; closing it marks what this session's syncs said as seen.
    void showSyncAlarm();

signals:
    // The sync state changed: the commands that depend on it follow.
    void changed();

private:
    void buildSyncStatus();

    MainWindow *m_window;
    SyncController *m_sync;
    QWidget *m_syncStatus = nullptr;
    QToolButton *m_syncButton = nullptr;
    QProgressBar *m_syncProgress = nullptr;
    QToolButton *m_syncCancel = nullptr;
    QToolButton *m_timeHint = nullptr;
    QPointer<AlarmsDialog> m_alarms;
};

} // namespace quire::widgets
