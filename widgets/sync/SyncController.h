#pragma once
// sync/: sharing the notebook through the lab's git repository: syncing on a worker, and its
// state in words (SyncController); where the notebook is shared and how to log in there
// (RemoteSettingsDialog); who belongs to it (MembersDialog).
//
// SyncController: keeps one notebook in step with its shared repository. It runs
// Notebook::sync on a worker thread (with progress and cancel), decides when to sync on its
// own (shortly after a change, and every few minutes), and sums up the state in one line a
// person can read: not shared, waiting for approval, N waiting to send, syncing x of y, up
// to date, offline, or an alarm. It never touches the notebook while its own sync runs or
// while the owner says another worker has it.

#include "Notebook.h"

#include <QDateTime>
#include <QFutureWatcher>
#include <QObject>
#include <QStringList>
#include <QTimer>

#include <functional>
#include <memory>

namespace quire::widgets {

class SyncController : public QObject {
    Q_OBJECT
public:
    enum class State {
        Off,       // no notebook (locked)
        NotShared, // no remote set
        Joining,   // waiting for an admin to approve this vault's join request
        NotSynced, // a remote is set, nothing waits, no sync yet in this session
        Waiting,   // saved changes wait to be sent
        Syncing,
        UpToDate,
        Offline, // the last sync failed
        Cancelled,
        Alarm, // the last sync found tampering or refused files; stays until acknowledged
    };
    Q_ENUM(State)

    static constexpr int kDefaultPeriodMs = 5 * 60 * 1000;
    static constexpr int kDefaultAfterChangeMs = 5 * 1000;

    explicit SyncController(QObject *parent = nullptr);
    // Cancels a running sync and waits for it: the worker uses the notebook.
    ~SyncController() override;

    // nullptr stops all syncing (the notebook was locked). A running sync must have ended.
    void setNotebook(Notebook *notebook);
    // Whether an automatic sync may start now (the owner knows about its other workers and
    // open dialogs). Asked again later when it says no.
    void setStartGuard(std::function<bool()> mayStart);
    // How often to sync unattended, and how long after a saved change.
    void setIntervals(int periodMs, int afterChangeMs);

    bool isRunning() const { return m_running; }
    State state() const;
    QString statusText() const;
    QString statusToolTip() const;
    // While syncing: the objects moved so far of the total (0 of 0 while unknown).
    qint64 progressDone() const { return m_done; }
    qint64 progressTotal() const { return m_total; }
    int waiting() const { return m_status.waiting; }
    bool hasRemote() const { return !m_status.remote.isEmpty(); }
    QString lastError() const { return m_lastError; }
    // Alarm lines (tampering first, then refused files) not yet acknowledged: what this
    // session's syncs found, and the alarms about files on the server that no admin has
    // acknowledged yet (those stay until one does, whoever's window it is).
    QStringList alarms() const;
    // Why the last sync left records without a trusted time, if it did (never an alarm).
    QString anchorProblem() const { return m_anchorProblem; }
    bool alarmIsTampering() const { return !m_alarms.isEmpty() || !m_counting.isEmpty(); }
    // The person has seen what this session's syncs reported; alarms that count stay until an
    // admin acknowledges them.
    void acknowledgeAlarms();

public slots:
    // Starts a sync now; false when none can start (locked, already running, no remote).
    bool syncNow();
    void cancel();
    // Reads the waiting count and remote again (after a save or new remote settings).
    void refreshStatus();
    // Something was saved: refresh the count and sync shortly.
    void noteLocalChange();
    // New remote settings: what was said about the old server no longer holds; sync shortly.
    void remoteChanged();

signals:
    void statusChanged();
    void started();
    // ok: the sync completed; receivedRecords: the views need a refresh.
    void finished(bool ok, bool receivedRecords, const QString &error);

private:
    struct Shared;
    void autoSync();
    void onFinished();
    void pollProgress();
    QString waitingText() const;

    Notebook *m_notebook = nullptr;
    std::function<bool()> m_mayStart;
    SyncStatus m_status;
    bool m_running = false;
    bool m_synced = false; // a sync succeeded in this session
    QDateTime m_lastSuccess;
    QDateTime m_lastFailure;
    QString m_lastError;
    QString m_anchorProblem;
    bool m_cancelled = false;
    QStringList m_alarms;
    QStringList m_counting; // unacknowledged alarms about files on the server (the notebook's)
    QStringList m_refused;
    qint64 m_done = 0;
    qint64 m_total = 0;
    int m_phase = 0;
    std::shared_ptr<Shared> m_shared;
    QFutureWatcher<Result<SyncSummary>> m_watcher;
    QTimer m_periodic;
    QTimer m_afterChange;
    QTimer m_progressPoll;
    int m_afterChangeMs = kDefaultAfterChangeMs;
};

} // namespace quire::widgets
