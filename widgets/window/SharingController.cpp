#include "window/SharingController.h"

#include "common/DialogParts.h"
#include "sync/AddComputerDialog.h"
#include "sync/AlarmsDialog.h"
#include "sync/MembersDialog.h"
#include "sync/RemoteSettingsDialog.h"
#include "sync/SyncController.h"
#include "window/MainWindow.h"

#include <QHBoxLayout>
#include <QProgressBar>
#include <QPushButton>
#include <QStatusBar>
#include <QToolButton>

#include <climits>

namespace quire::widgets {

SharingController::SharingController(MainWindow *window, SyncController *sync)
    : QObject(window)
    , m_window(window)
    , m_sync(sync) {
    // Quiet on purpose: records waiting for a trusted time are no alarm, they are sent later.
    m_timeHint = new QToolButton(m_window);
    m_timeHint->setObjectName(QStringLiteral("timeHintButton"));
    m_timeHint->setAutoRaise(true);
    QPalette muted = m_timeHint->palette();
    QColor mutedText = muted.color(QPalette::ButtonText);
    mutedText.setAlphaF(0.65f);
    muted.setColor(QPalette::ButtonText, mutedText);
    m_timeHint->setPalette(muted);
    m_timeHint->hide();
    connect(m_timeHint, &QToolButton::clicked, m_window, &MainWindow::showTimestampSettings);
    buildSyncStatus();
}

void SharingController::buildSyncStatus() {
    m_syncStatus = new QWidget(m_window);
    m_syncStatus->setObjectName(QStringLiteral("syncStatus"));
    auto *layout = new QHBoxLayout(m_syncStatus);
    layout->setContentsMargins(0, 0, 4, 0);
    layout->setSpacing(6);
    m_syncProgress = new QProgressBar(m_syncStatus);
    m_syncProgress->setObjectName(QStringLiteral("syncProgress"));
    m_syncProgress->setTextVisible(false);
    m_syncProgress->setFixedSize(90, 10);
    m_syncButton = new QToolButton(m_syncStatus);
    m_syncButton->setObjectName(QStringLiteral("syncStatusButton"));
    m_syncButton->setAutoRaise(true);
    m_syncButton->setToolButtonStyle(Qt::ToolButtonTextBesideIcon);
    m_syncButton->setIconSize(QSize(16, 16));
    m_syncCancel = new QToolButton(m_syncStatus);
    m_syncCancel->setObjectName(QStringLiteral("cancelSyncButton"));
    layout->addWidget(m_syncButton);
    layout->addWidget(m_syncProgress);
    layout->addWidget(m_syncCancel);
    // Keeps the sync state apart from the notebook and member beside it.
    auto *rule = new QFrame(m_syncStatus);
    rule->setFrameShape(QFrame::VLine);
    rule->setFrameShadow(QFrame::Sunken);
    layout->addSpacing(4);
    layout->addWidget(rule);
    connect(m_syncCancel, &QToolButton::clicked, m_sync, &SyncController::cancel);
    connect(m_syncButton, &QToolButton::clicked, this, [this] {
        switch (m_sync->state()) {
        case SyncController::State::Alarm:
            showSyncAlarm();
            break;
        case SyncController::State::NotShared:
            openRemoteSettings(m_window);
            break;
        case SyncController::State::Off:
        case SyncController::State::Syncing:
            break;
        default:
            syncNow();
        }
    });
}

void SharingController::retranslate() {
    m_timeHint->setText(tr("Time not yet attested"));
    m_syncButton->setAccessibleName(tr("Sync status"));
    m_syncCancel->setText(tr("Cancel"));
    m_syncCancel->setToolTip(tr("Stop this sync; nothing is lost, the changes are sent next time"));
}

void SharingController::updateSyncStatus() {
    const SyncController::State state = m_sync->state();
    m_syncStatus->setVisible(state != SyncController::State::Off);
    m_syncButton->setText(m_sync->statusText());
    QString tip = m_sync->statusToolTip();
    if (m_timeHint->isVisible() && !tip.isEmpty()) tip += QLatin1Char('\n') + m_timeHint->toolTip();
    m_syncButton->setToolTip(tip);
    const bool syncing = state == SyncController::State::Syncing;
    m_syncProgress->setVisible(syncing);
    m_syncCancel->setVisible(syncing);
    if (syncing) {
        const qint64 total = m_sync->progressTotal();
        // Object counts fit an int; a bar without a total shows that something moves.
        m_syncProgress->setRange(0, int(qMin<qint64>(total, INT_MAX)));
        m_syncProgress->setValue(int(qMin(m_sync->progressDone(), total)));
    }

    const char *icon = nullptr;
    if (state == SyncController::State::Alarm)
        icon = "dialog-warning";
    else if (state == SyncController::State::Offline)
        icon = "network-offline";
    else if (state == SyncController::State::Joining)
        icon = "dialog-information";
    m_syncButton->setIcon(icon ? themeIcon(icon) : QIcon());

    // The warning colour and weight of an error line, so that an alarm cannot be overlooked.
    QPalette p = m_syncStatus->palette();
    QFont f = m_syncStatus->font();
    if (state == SyncController::State::Alarm) {
        const bool dark = p.color(QPalette::Window).lightness() < 128;
        const QColor warning = dark ? QColor(0xff, 0x8a, 0x80) : QColor(0xb3, 0x26, 0x1e);
        p.setColor(QPalette::ButtonText, warning);
        p.setColor(QPalette::WindowText, warning);
        f.setWeight(QFont::DemiBold);
    }
    m_syncButton->setPalette(p);
    m_syncButton->setFont(f);
    emit changed();
}

void SharingController::updateTimeHint() {
    bool show = false;
    Notebook *notebook = m_window->notebook();
    if (notebook && !m_window->isBusy() && !m_window->isJoining()) {
        auto settings = notebook->timestampSettings();
        auto waiting = notebook->unattestedCount();
        // Without an authority set nothing is ever attested; that is a setting, not news.
        if (settings && !settings->urls.isEmpty() && waiting && *waiting > 0) {
            show = true;
            m_timeHint->setToolTip(
                tr("%n records have no trusted time yet.", nullptr, *waiting) + QLatin1Char(' ') +
                tr("The time-stamp authority is asked again at the next sync; nothing is lost "
                   "meanwhile. Click to see the time-stamp settings.") +
                (m_sync->anchorProblem().isEmpty()
                     ? QString()
                     : QStringLiteral("\n\n") +
                           tr("Last attempt: %1").arg(m_sync->anchorProblem())));
        }
    }
    m_timeHint->setVisible(show);
    updateSyncStatus();
}

void SharingController::clear() {
    m_timeHint->hide();
}

void SharingController::syncNow() {
    if (!m_window->notebook() || m_window->isBusy()) return;
    if (!m_sync->hasRemote()) {
        m_window->statusBar()->showMessage(tr("Set the shared repository first."), 5000);
        openRemoteSettings(m_window);
        return;
    }
    m_sync->syncNow();
}

void SharingController::openRemoteSettings(QWidget *parent) {
    if (!m_window->notebook() || m_window->isBusy()) return;
    auto *dialog = new RemoteSettingsDialog(m_window->notebook(), parent);
    connect(dialog, &QDialog::finished, dialog, &QObject::deleteLater);
    connect(dialog, &QDialog::accepted, this, [this] {
        m_window->statusBar()->showMessage(tr("Remote settings saved."), 5000);
        m_sync->remoteChanged();
    });
    dialog->open();
}

void SharingController::showMembers() {
    if (!m_window->notebook() || m_window->isBusy()) return;
    auto *dialog = new MembersDialog(m_window->notebook(), m_window);
    connect(dialog, &QDialog::finished, dialog, &QObject::deleteLater);
    dialog->open();
}

void SharingController::showAddComputer() {
    if (!m_window->notebook() || m_window->isBusy() || m_window->isJoining()) return;
    auto *dialog = new AddComputerDialog(m_window->notebook(), m_window);
    connect(dialog, &QDialog::finished, dialog, &QObject::deleteLater);
    dialog->open();
}

void SharingController::showSyncAlarm() {
    if (!m_window->notebook() || m_window->isBusy()) return;
    if (m_alarms) {
        m_alarms->raise();
        return;
    }
    m_alarms = new AlarmsDialog(m_window->notebook(), m_window);
    m_alarms->setAttribute(Qt::WA_DeleteOnClose);
    connect(m_alarms, &AlarmsDialog::acknowledged, m_sync, &SyncController::refreshStatus);
    // What this session's syncs said has been seen now; alarms no admin acknowledged stay red.
    connect(m_alarms, &QDialog::finished, m_sync, [this] {
        m_sync->acknowledgeAlarms();
        m_sync->refreshStatus();
    });
    m_alarms->open();
}

} // namespace quire::widgets
