#include "sync/SyncController.h"

#include "common/DialogParts.h"

#include <QLocale>
#include <QtConcurrent/QtConcurrentRun>

#include <atomic>

namespace quire::widgets {

namespace {

enum Phase { Connecting = 0, Fetching = 1, Merging = 2, Sending = 3 };

constexpr int kRetryWhenHeldMs = 30 * 1000;
constexpr int kProgressPollMs = 100;
constexpr int kAlarmLinesInToolTip = 3;

int phaseOf(const QString &phase) {
    if (phase == QLatin1String("fetching")) return Fetching;
    if (phase == QLatin1String("merging")) return Merging;
    if (phase == QLatin1String("sending")) return Sending;
    return Connecting;
}

// Hours and minutes in the user's convention; seconds would only flicker by.
QString clock(const QDateTime &when) {
    QString format = QLocale().timeFormat(QLocale::ShortFormat);
    format.remove(QStringLiteral(":ss"));
    return QLocale().toString(when.time(), format);
}

void addNew(QStringList &into, const QStringList &lines) {
    for (const QString &line : lines)
        if (!into.contains(line)) into << line;
}

} // namespace

// What the worker and the UI thread share while one sync runs. Owned jointly, so a late
// progress call from the worker never writes into a freed controller.
struct SyncController::Shared {
    std::atomic_bool cancel{false};
    std::atomic<qint64> done{0};
    std::atomic<qint64> total{0};
    std::atomic_int phase{Connecting};
};

SyncController::SyncController(QObject *parent)
    : QObject(parent) {
    m_periodic.setInterval(kDefaultPeriodMs);
    connect(&m_periodic, &QTimer::timeout, this, &SyncController::autoSync);
    m_afterChange.setSingleShot(true);
    connect(&m_afterChange, &QTimer::timeout, this, &SyncController::autoSync);
    m_progressPoll.setInterval(kProgressPollMs);
    connect(&m_progressPoll, &QTimer::timeout, this, &SyncController::pollProgress);
    connect(&m_watcher, &QFutureWatcherBase::finished, this, &SyncController::onFinished);
}

SyncController::~SyncController() {
    if (m_running) {
        cancel();
        m_watcher.waitForFinished();
    }
}

void SyncController::setNotebook(Notebook *notebook) {
    Q_ASSERT(!m_running);
    m_notebook = notebook;
    m_status = SyncStatus{};
    m_synced = false;
    m_lastSuccess = m_lastFailure = QDateTime();
    m_lastError.clear();
    m_cancelled = false;
    m_alarms.clear();
    m_counting.clear();
    m_refused.clear();
    m_afterChange.stop();
    if (!m_notebook) {
        m_periodic.stop();
        emit statusChanged();
        return;
    }
    m_periodic.start();
    refreshStatus();
    // Whatever others wrote while this notebook was closed comes in soon after unlocking.
    if (hasRemote()) m_afterChange.start(m_afterChangeMs);
}

void SyncController::setStartGuard(std::function<bool()> mayStart) {
    m_mayStart = std::move(mayStart);
}

void SyncController::setIntervals(int periodMs, int afterChangeMs) {
    m_periodic.setInterval(periodMs);
    m_afterChangeMs = afterChangeMs;
    if (m_afterChange.isActive()) m_afterChange.start(m_afterChangeMs);
}

void SyncController::refreshStatus() {
    if (!m_notebook || m_running) return;
    auto status = m_notebook->syncStatus();
    if (status) m_status = *status;
    // What keeps counting until an admin acknowledges it; a failed read keeps what was known.
    if (auto all = m_notebook->alarms()) {
        m_counting.clear();
        for (const AlarmInfo &a : *all)
            if (a.counts && !a.acknowledged()) m_counting << a.detail;
    }
    emit statusChanged();
}

void SyncController::noteLocalChange() {
    // A sync that received records says so with changed() too; that is not news to send.
    if (!m_notebook || m_running) return;
    refreshStatus();
    if (hasRemote() && m_status.waiting > 0) m_afterChange.start(m_afterChangeMs);
}

void SyncController::remoteChanged() {
    if (!m_notebook || m_running) return;
    m_synced = false;
    m_lastError.clear();
    m_cancelled = false;
    refreshStatus();
    if (hasRemote()) m_afterChange.start(m_afterChangeMs);
}

void SyncController::autoSync() {
    if (!m_notebook || m_running || !hasRemote()) return;
    if (m_mayStart && !m_mayStart()) {
        m_afterChange.start(qMin(kRetryWhenHeldMs, int(m_periodic.interval())));
        return;
    }
    syncNow();
}

bool SyncController::syncNow() {
    if (!m_notebook || m_running || !hasRemote()) return false;
    m_afterChange.stop();
    m_running = true;
    m_cancelled = false;
    m_done = m_total = 0;
    m_phase = Connecting;
    m_shared = std::make_shared<Shared>();
    m_progressPoll.start();
    emit started();
    emit statusChanged();

    Notebook *notebook = m_notebook;
    std::shared_ptr<Shared> shared = m_shared;
    m_watcher.setFuture(QtConcurrent::run([notebook, shared]() -> Result<SyncSummary> {
        return notebook->sync(
            [shared](const QString &phase, qint64 done, qint64 total) {
                shared->phase = phaseOf(phase);
                shared->done = done;
                shared->total = total;
            },
            &shared->cancel);
    }));
    return true;
}

void SyncController::cancel() {
    if (m_running && m_shared) m_shared->cancel = true;
}

void SyncController::pollProgress() {
    if (!m_shared) return;
    const qint64 done = m_shared->done, total = m_shared->total;
    const int phase = m_shared->phase;
    if (done == m_done && total == m_total && phase == m_phase) return;
    m_done = done;
    m_total = total;
    m_phase = phase;
    emit statusChanged();
}

void SyncController::onFinished() {
    const Result<SyncSummary> result = m_watcher.result();
    m_progressPoll.stop();
    m_running = false;
    m_cancelled = m_shared && m_shared->cancel;
    m_shared.reset();
    bool received = false;
    if (result) {
        m_synced = true;
        m_lastSuccess = QDateTime::currentDateTime();
        m_lastError.clear();
        // A sync that had to retry reports what it saw at each attempt.
        addNew(m_alarms, result->alarms);
        addNew(m_refused, result->quarantined);
        received = result->recordsReceived > 0;
        m_anchorProblem = result->anchorProblem;
    } else {
        m_lastFailure = QDateTime::currentDateTime();
        m_lastError = result.error();
    }
    refreshStatus();
    emit finished(result.ok(), received, m_lastError);
}

QStringList SyncController::alarms() const {
    // A conflicting file is both an alarm and refused, in the same words: say it once.
    QStringList all = m_alarms;
    addNew(all, m_counting);
    addNew(all, m_refused);
    return all;
}

void SyncController::acknowledgeAlarms() {
    m_alarms.clear();
    m_refused.clear();
    emit statusChanged();
}

SyncController::State SyncController::state() const {
    if (!m_notebook) return State::Off;
    if (m_running) return State::Syncing;
    if (!alarms().isEmpty()) return State::Alarm;
    if (m_status.joining) return State::Joining;
    if (!hasRemote()) return State::NotShared;
    if (!m_lastError.isEmpty()) return m_cancelled ? State::Cancelled : State::Offline;
    if (m_status.waiting > 0) return State::Waiting;
    return m_synced ? State::UpToDate : State::NotSynced;
}

QString SyncController::waitingText() const {
    // English singular and plural come from translations/quire_en.ts.
    return tr("%n changes waiting to send", nullptr, m_status.waiting);
}

QString SyncController::statusText() const {
    const int n = m_status.waiting;
    switch (state()) {
    case State::Off:
        return {};
    case State::NotShared:
        return tr("Not shared");
    case State::Joining:
        return tr("Waiting for approval");
    case State::NotSynced:
        return tr("Not synced yet");
    case State::Waiting:
        return waitingText();
    case State::Syncing:
        return m_total > 0 ? tr("Syncing… %1 of %2").arg(m_done).arg(m_total) : tr("Syncing…");
    case State::UpToDate:
        return tr("Up to date · %1").arg(clock(m_lastSuccess));
    case State::Offline:
        return n > 0 ? tr("Offline — %1 waiting").arg(n) : tr("Offline");
    case State::Cancelled:
        return n > 0 ? tr("Sync cancelled — %1 waiting").arg(n) : tr("Sync cancelled");
    case State::Alarm:
        if (alarmIsTampering()) return tr("Alarm: the shared copy was altered");
        return m_refused.size() == 1
                   ? tr("Alarm: 1 file from the server refused")
                   : tr("Alarm: %1 files from the server refused").arg(m_refused.size());
    }
    return {};
}

QString SyncController::statusToolTip() const {
    const QString remote = m_status.remote;
    switch (state()) {
    case State::Off:
        return {};
    case State::NotShared:
        return tr("This notebook is kept on this computer only. To share it, set the lab's "
                  "shared repository under Notebook ▸ Remote settings….");
    case State::Joining:
        return tr("An admin of this notebook has to approve your join request before you can "
                  "read or write in it. Quire asks the shared repository again at each sync.");
    case State::NotSynced:
        return tr("Shared through %1. The first sync starts shortly; click to sync now.")
            .arg(remote);
    case State::Waiting:
        return tr("%1 on this computer, to be sent to %2 at the next sync. Click to sync now.")
            .arg(waitingText(), remote);
    case State::Syncing:
        switch (m_phase) {
        case Fetching:
            return tr("Receiving changes from %1").arg(remote);
        case Merging:
            return tr("Checking and adding what arrived from %1").arg(remote);
        case Sending:
            return tr("Sending this notebook's changes to %1").arg(remote);
        default:
            return tr("Connecting to %1").arg(remote);
        }
    case State::UpToDate:
        return tr("Everything is shared with %1 (last sync at %2). Click to sync now.")
            .arg(remote, clock(m_lastSuccess));
    case State::Offline:
    case State::Cancelled:
        return tr("The sync at %1 did not complete: %2\nNothing is lost: your changes stay in "
                  "this notebook and are sent at the next sync.")
            .arg(clock(m_lastFailure), asSentence(m_lastError));
    case State::Alarm: {
        const QStringList lines = alarms();
        QString text = lines.mid(0, kAlarmLinesInToolTip).join(QLatin1Char('\n'));
        if (lines.size() > kAlarmLinesInToolTip)
            text +=
                QLatin1Char('\n') + tr("… and %1 more").arg(lines.size() - kAlarmLinesInToolTip);
        return text + QLatin1Char('\n') + tr("Click for details.");
    }
    }
    return {};
}

} // namespace quire::widgets
