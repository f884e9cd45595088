#include "MainWindow.h"

#include "CreateNotebookDialog.h"
#include "DialogParts.h"
#include "EntryDialog.h"
#include "EntryPageRenderer.h"
#include "EntryPageView.h"
#include "ExperimentDelegate.h"
#include "ExperimentDialog.h"
#include "ExperimentListModel.h"
#include "MembersDialog.h"
#include "RemoteSettingsDialog.h"
#include "ReviewQueueDialog.h"
#include "SignDialog.h"
#include "SyncController.h"
#include "TimestampSettingsDialog.h"
#include "UnlockDialog.h"

#include <QAction>
#include <QApplication>
#include <QCloseEvent>
#include <QDesktopServices>
#include <QDir>
#include <QFileDialog>
#include <QFileInfo>
#include <QFutureWatcher>
#include <QHBoxLayout>
#include <QInputDialog>
#include <QLabel>
#include <QListView>
#include <QMenuBar>
#include <QMessageBox>
#include <QProgressBar>
#include <QProgressDialog>
#include <QPromise>
#include <QPushButton>
#include <QRegularExpression>
#include <QSplitter>
#include <QStackedWidget>
#include <QStatusBar>
#include <QtConcurrent/QtConcurrentRun>
#include <QToolBar>
#include <QToolButton>
#include <QVBoxLayout>
#include <QWebEnginePage>

#include <algorithm>

namespace quire::widgets {

namespace {

constexpr int kMessageWidth = 460;

// Box layouts size a word-wrapped label from a guessed width and clip the rest; a fixed
// measure and an explicit height keep every line of the message on screen.
void setWrappedText(QLabel *label, const QString &text) {
    label->setText(text);
    label->setFixedWidth(kMessageWidth);
    label->setMinimumHeight(label->heightForWidth(kMessageWidth));
}

// A column of centred text and one button: the shape of every empty or locked state.
QWidget *centredMessage(QWidget *parent, QLabel **title, QLabel **hint, QPushButton **button) {
    auto *page = new QWidget(parent);
    auto *outer = new QVBoxLayout(page);
    outer->addStretch(2);
    auto *column = new QWidget(page);
    auto *layout = new QVBoxLayout(column);
    layout->setSpacing(12);
    *title = makeHeading({}, column);
    (*title)->setAlignment(Qt::AlignHCenter);
    *hint = makeHint({}, column);
    (*hint)->setAlignment(Qt::AlignHCenter);
    *button = new QPushButton(column);
    (*button)->setDefault(true);
    layout->addWidget(*title);
    layout->addWidget(*hint);
    layout->addSpacing(6);
    layout->addWidget(*button, 0, Qt::AlignHCenter);
    outer->addWidget(column, 0, Qt::AlignHCenter);
    outer->addStretch(3);
    return page;
}

QIcon themeIcon(const char *name, const char *fallback = nullptr) {
    if (fallback && !QIcon::hasThemeIcon(QLatin1String(name)))
        return QIcon::fromTheme(QLatin1String(fallback));
    return QIcon::fromTheme(QLatin1String(name));
}

} // namespace

MainWindow::MainWindow(const QString &vaultPath, QWidget *parent)
    : QMainWindow(parent)
    , m_vaultPath(vaultPath) {
    setObjectName(QStringLiteral("mainWindow"));
    setWindowTitle(tr("Quire"));
    resize(1280, 800);

    m_refreshTimer.setSingleShot(true);
    m_refreshTimer.setInterval(0);
    connect(&m_refreshTimer, &QTimer::timeout, this, &MainWindow::refresh);

    m_sync = new SyncController(this);
    m_sync->setStartGuard([this] { return !m_busy && !hasOpenDialog(); });
    connect(m_sync, &SyncController::statusChanged, this, &MainWindow::updateSyncStatus);
    connect(m_sync, &SyncController::started, this, &MainWindow::syncStarted);
    connect(m_sync, &SyncController::finished, this, &MainWindow::syncFinished);

    buildActions();
    buildMenusAndToolBar();

    m_stack = new QStackedWidget(this);
    m_stack->insertWidget(LockedPage, buildLockedPage());
    m_stack->insertWidget(EmptyNotebookPage, buildEmptyNotebookPage());
    m_stack->insertWidget(NotebookPage, buildNotebookPage());
    setCentralWidget(m_stack);

    m_statusLabel = new QLabel(this);
    m_statusLabel->setObjectName(QStringLiteral("statusLabel"));
    m_statusLabel->setContentsMargins(8, 0, 8, 0);
    // Quiet on purpose: records waiting for a trusted time are no alarm, they are sent later.
    m_timeHint = new QToolButton(this);
    m_timeHint->setObjectName(QStringLiteral("timeHintButton"));
    m_timeHint->setAutoRaise(true);
    m_timeHint->setText(tr("Time not yet attested"));
    QPalette muted = m_timeHint->palette();
    QColor mutedText = muted.color(QPalette::ButtonText);
    mutedText.setAlphaF(0.65f);
    muted.setColor(QPalette::ButtonText, mutedText);
    m_timeHint->setPalette(muted);
    m_timeHint->hide();
    connect(m_timeHint, &QToolButton::clicked, this, &MainWindow::showTimestampSettings);
    statusBar()->addPermanentWidget(m_timeHint);
    statusBar()->addPermanentWidget(buildSyncStatus());
    statusBar()->addPermanentWidget(m_statusLabel);

    updateLockedPage();
    updateSyncStatus();
    updateActions();
}

MainWindow::~MainWindow() {
    // The page view may still ask for attachment images while it is torn down.
    if (m_entryView) m_entryView->setNotebook(nullptr);
    // A sync still running uses the notebook: stop it before the notebook goes.
    delete m_sync;
    m_sync = nullptr;
}

void MainWindow::buildActions() {
    m_newExperiment = new QAction(themeIcon("folder-new"), tr("New e&xperiment…"), this);
    m_newExperiment->setObjectName(QStringLiteral("newExperimentAction"));
    m_newExperiment->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_N));
    m_newExperiment->setToolTip(tr("Start a new experiment (Ctrl+Shift+N)"));
    m_newExperiment->setIconText(tr("New experiment"));
    connect(m_newExperiment, &QAction::triggered, this, &MainWindow::newExperiment);

    m_newEntry = new QAction(themeIcon("document-new"), tr("&New entry…"), this);
    m_newEntry->setObjectName(QStringLiteral("newEntryAction"));
    m_newEntry->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_N));
    m_newEntry->setToolTip(tr("Write a new entry in the selected experiment (Ctrl+N)"));
    m_newEntry->setIconText(tr("New entry"));
    connect(m_newEntry, &QAction::triggered, this, &MainWindow::newEntry);

    m_attach = new QAction(themeIcon("mail-attachment"), tr("&Attach file…"), this);
    m_attach->setObjectName(QStringLiteral("attachAction"));
    m_attach->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_A));
    m_attach->setToolTip(tr("Store a file with an entry of the selected experiment"));
    m_attach->setIconText(tr("Attach file"));
    connect(m_attach, &QAction::triggered, this, &MainWindow::attachFile);

    m_lock = new QAction(themeIcon("system-lock-screen"), tr("&Lock notebook"), this);
    m_lock->setObjectName(QStringLiteral("lockAction"));
    m_lock->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_L));
    m_lock->setToolTip(tr("Close the notebook until the passphrase is entered again (Ctrl+L)"));
    m_lock->setIconText(tr("Lock"));
    connect(m_lock, &QAction::triggered, this, &MainWindow::lock);

    m_syncNow = new QAction(themeIcon("view-refresh"), tr("&Sync now"), this);
    m_syncNow->setObjectName(QStringLiteral("syncNowAction"));
    m_syncNow->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_S));
    m_syncNow->setToolTip(
        tr("Send your changes to the shared repository and receive the others' (Ctrl+Shift+S)"));
    m_syncNow->setIconText(tr("Sync now"));
    connect(m_syncNow, &QAction::triggered, this, &MainWindow::syncNow);

    m_remoteSettings = new QAction(themeIcon("network-server"), tr("&Remote settings…"), this);
    m_remoteSettings->setObjectName(QStringLiteral("remoteSettingsAction"));
    m_remoteSettings->setToolTip(tr("Where this notebook is shared, and how to log in there"));
    connect(m_remoteSettings, &QAction::triggered, this, &MainWindow::showRemoteSettings);

    m_sign = new QAction(themeIcon("document-edit", "accessories-text-editor"), tr("&Sign…"), this);
    m_sign->setObjectName(QStringLiteral("signAction"));
    m_sign->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_G));
    m_sign->setToolTip(tr("Sign an entry of the selected experiment with your electronic signature "
                          "(Ctrl+Shift+G)"));
    m_sign->setIconText(tr("Sign"));
    connect(m_sign, &QAction::triggered, this, [this] { signEntry(); });

    m_reviewQueue = new QAction(themeIcon("mail-unread"), tr("&Waiting for my signature"), this);
    m_reviewQueue->setObjectName(QStringLiteral("reviewQueueAction"));
    m_reviewQueue->setToolTip(tr("Entries signed by their authors that wait for your "
                                 "countersignature"));
    connect(m_reviewQueue, &QAction::triggered, this, &MainWindow::showReviewQueue);

    m_timestamps = new QAction(themeIcon("appointment-soon"), tr("&Time-stamp authorities…"), this);
    m_timestamps->setObjectName(QStringLiteral("timestampSettingsAction"));
    m_timestamps->setToolTip(tr("Who vouches for when your records existed, and records still "
                                "waiting for a trusted time"));
    connect(m_timestamps, &QAction::triggered, this, &MainWindow::showTimestampSettings);

    m_members = new QAction(themeIcon("system-users"), tr("&Members…"), this);
    m_members->setObjectName(QStringLiteral("membersAction"));
    m_members->setToolTip(tr("Who belongs to this notebook; invite, approve and revoke members"));
    connect(m_members, &QAction::triggered, this, &MainWindow::showMembers);

    m_quit = new QAction(themeIcon("application-exit"), tr("&Quit"), this);
    m_quit->setShortcut(QKeySequence::Quit);
    m_quit->setMenuRole(QAction::QuitRole);
    connect(m_quit, &QAction::triggered, this, &QWidget::close);

    m_about = new QAction(tr("&About Quire"), this);
    m_about->setMenuRole(QAction::AboutRole);
    connect(m_about, &QAction::triggered, this, [this] {
        QMessageBox::about(this, tr("About Quire"),
                           tr("<p><b>Quire</b> %1</p><p>An electronic lab notebook. Every saved "
                              "version is kept, sealed and attributable.</p>")
                               .arg(QCoreApplication::applicationVersion().toHtmlEscaped()));
    });
}

void MainWindow::buildMenusAndToolBar() {
    QMenu *file = menuBar()->addMenu(tr("&File"));
    file->addAction(m_newExperiment);
    file->addAction(m_newEntry);
    file->addAction(m_attach);
    file->addSeparator();
    file->addAction(m_lock);
    file->addSeparator();
    file->addAction(m_quit);
    QMenu *entry = menuBar()->addMenu(tr("&Entry"));
    entry->addAction(m_sign);
    QMenu *shared = menuBar()->addMenu(tr("&Notebook"));
    shared->addAction(m_syncNow);
    shared->addSeparator();
    shared->addAction(m_reviewQueue);
    shared->addAction(m_timestamps);
    shared->addSeparator();
    shared->addAction(m_remoteSettings);
    shared->addAction(m_members);
    QMenu *help = menuBar()->addMenu(tr("&Help"));
    help->addAction(m_about);

    QToolBar *bar = addToolBar(tr("Main toolbar"));
    bar->setObjectName(QStringLiteral("mainToolBar"));
    bar->setMovable(false);
    bar->setFloatable(false);
    bar->setToolButtonStyle(Qt::ToolButtonTextBesideIcon);
    bar->setIconSize(QSize(20, 20));
    bar->addAction(m_newExperiment);
    bar->addAction(m_newEntry);
    bar->addAction(m_attach);
    bar->addAction(m_sign);
    bar->addSeparator();
    bar->addAction(m_syncNow);
    auto *spacer = new QWidget(bar);
    spacer->setSizePolicy(QSizePolicy::Expanding, QSizePolicy::Preferred);
    bar->addWidget(spacer);
    bar->addAction(m_lock);
}

QWidget *MainWindow::buildLockedPage() {
    QWidget *page = centredMessage(this, &m_lockedTitle, &m_lockedHint, &m_lockedButton);
    m_lockedButton->setObjectName(QStringLiteral("unlockButton"));
    connect(m_lockedButton, &QPushButton::clicked, this, &MainWindow::openGate);
    return page;
}

QWidget *MainWindow::buildEmptyNotebookPage() {
    QWidget *page = centredMessage(this, &m_emptyTitle, &m_emptyHint, &m_emptyButton);
    m_emptyButton->setObjectName(QStringLiteral("firstExperimentButton"));
    connect(m_emptyButton, &QPushButton::clicked, this, [this] {
        if (m_joining)
            syncNow();
        else
            newExperiment();
    });
    updateEmptyPage();
    return page;
}

void MainWindow::updateEmptyPage() {
    if (m_joining) {
        m_emptyTitle->setText(tr("Waiting for approval"));
        setWrappedText(m_emptyHint,
                       tr("Your request to join “%1” is with its admin. Once they have approved "
                          "it, the next sync brings the notebook here. Quire syncs every few "
                          "minutes; you can also sync now.")
                           .arg(m_notebookName));
        m_emptyButton->setText(tr("Sync now"));
    } else {
        m_emptyTitle->setText(tr("Your notebook is empty"));
        setWrappedText(m_emptyHint,
                       tr("Start with an experiment: a title for one piece of work, such as "
                          "“Phosphate buffer, pH 7.4”. The entries you write go into it."));
        m_emptyButton->setText(tr("New experiment…"));
    }
}

QWidget *MainWindow::buildNotebookPage() {
    m_splitter = new QSplitter(Qt::Horizontal, this);
    m_splitter->setChildrenCollapsible(false);

    auto *side = new QWidget(m_splitter);
    side->setMinimumWidth(220);
    auto *sideLayout = new QVBoxLayout(side);
    sideLayout->setContentsMargins(0, 0, 0, 0);
    sideLayout->setSpacing(0);
    // Shown to a supervisor only while something waits, at the top of the sidebar so that it
    // is seen without a search through the menus.
    m_reviewButton = new QPushButton(side);
    m_reviewButton->setObjectName(QStringLiteral("reviewQueueButton"));
    m_reviewButton->setIcon(themeIcon("mail-unread"));
    m_reviewButton->setStyleSheet(QStringLiteral(
        "QPushButton { text-align: left; padding: 7px 10px; margin: 8px 8px 2px; "
        "font-weight: 600; color: #6b4400; background: #fdf0d5; border: 1px solid #ecd3a0; "
        "border-radius: 5px; } QPushButton:hover { background: #fbe6bd; }"));
    m_reviewButton->setToolTip(m_reviewQueue->toolTip());
    m_reviewButton->setCursor(Qt::PointingHandCursor);
    m_reviewButton->hide();
    connect(m_reviewButton, &QPushButton::clicked, this, &MainWindow::showReviewQueue);
    sideLayout->addWidget(m_reviewButton);
    m_listHeading = new QLabel(side);
    m_listHeading->setContentsMargins(12, 10, 12, 6);
    QFont headingFont = m_listHeading->font();
    headingFont.setWeight(QFont::DemiBold);
    m_listHeading->setFont(headingFont);
    sideLayout->addWidget(m_listHeading);

    m_model = new ExperimentListModel(this);
    m_list = new QListView(side);
    m_list->setObjectName(QStringLiteral("experimentList"));
    m_list->setModel(m_model);
    m_list->setItemDelegate(new ExperimentDelegate(m_list));
    m_list->setUniformItemSizes(true);
    m_list->setFrameShape(QFrame::NoFrame);
    m_list->setSelectionMode(QAbstractItemView::SingleSelection);
    m_list->setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    m_list->setAccessibleName(tr("Experiments"));
    sideLayout->addWidget(m_list, 1);
    connect(m_list->selectionModel(), &QItemSelectionModel::currentChanged, this,
            &MainWindow::showCurrentExperiment);

    m_entryView = new EntryPageView(m_splitter);
    m_entryView->setObjectName(QStringLiteral("entryView"));
    m_entryView->setAccessibleName(tr("Entries of the selected experiment"));
    connect(m_entryView, &EntryPageView::externalLinkActivated, this,
            [](const QUrl &url) { QDesktopServices::openUrl(url); });
    connect(m_entryView, &QWebEngineView::urlChanged, this, &MainWindow::pageUrlChanged);

    m_splitter->addWidget(side);
    m_splitter->addWidget(m_entryView);
    m_splitter->setStretchFactor(0, 0);
    m_splitter->setStretchFactor(1, 1);
    m_splitter->setSizes({320, 960});
    return m_splitter;
}

QWidget *MainWindow::buildSyncStatus() {
    m_syncStatus = new QWidget(this);
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
    m_syncButton->setAccessibleName(tr("Sync status"));
    m_syncCancel = new QToolButton(m_syncStatus);
    m_syncCancel->setObjectName(QStringLiteral("cancelSyncButton"));
    m_syncCancel->setText(tr("Cancel"));
    m_syncCancel->setToolTip(tr("Stop this sync; nothing is lost, the changes are sent next time"));
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
            showRemoteSettings();
            break;
        case SyncController::State::Off:
        case SyncController::State::Syncing:
            break;
        default:
            syncNow();
        }
    });
    return m_syncStatus;
}

void MainWindow::updateSyncStatus() {
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
    updateActions();
}

bool MainWindow::isBusy() const {
    return m_busy || (m_sync && m_sync->isRunning());
}

bool MainWindow::hasOpenDialog() const {
    for (QDialog *dialog : findChildren<QDialog *>(Qt::FindDirectChildrenOnly))
        if (dialog->isVisible()) return true;
    return false;
}

void MainWindow::syncNow() {
    if (!m_notebook || isBusy()) return;
    if (!m_sync->hasRemote()) {
        statusBar()->showMessage(tr("Set the shared repository first."), 5000);
        showRemoteSettings();
        return;
    }
    m_sync->syncNow();
}

void MainWindow::syncStarted() {
    // The page would read attachment images from the notebook the worker holds.
    m_entryView->setNotebook(nullptr);
    updateActions();
}

void MainWindow::syncFinished(bool ok, bool receivedRecords, const QString &error) {
    if (m_notebook) m_entryView->setNotebook(m_notebook.get());
    if (m_closeAfterSync) {
        close();
        return;
    }
    if (m_lockAfterSync) {
        m_lockAfterSync = false;
        lock();
        return;
    }
    if (!ok && m_sync->state() == SyncController::State::Offline) {
        // Ends in "…" rather than being cut off mid-word; the status shows all of it on hover.
        const int room = statusBar()->width() - m_syncStatus->sizeHint().width() -
                         m_statusLabel->sizeHint().width() - 48;
        statusBar()->showMessage(
            statusBar()->fontMetrics().elidedText(tr("Offline: %1").arg(asSentence(error)),
                                                  Qt::ElideRight, qMax(room, 120)),
            15000);
    }
    if (receivedRecords) m_refreshPending = true;
    catchUpAfterWorker();
    if (ok) updateTimeHint();
    updateActions();
}

void MainWindow::notebookChanged() {
    if (isBusy()) {
        m_changePending = true;
        return;
    }
    m_sync->noteLocalChange();
}

void MainWindow::catchUpAfterWorker() {
    if (!m_notebook || isBusy()) return;
    if (m_changePending) {
        m_changePending = false;
        m_sync->noteLocalChange();
    }
    if (m_refreshPending) {
        m_refreshPending = false;
        m_showPending = false; // refresh shows the current experiment again
        refresh();
    } else if (m_showPending) {
        m_showPending = false;
        showCurrentExperiment();
    }
}

void MainWindow::showRemoteSettings() {
    if (!m_notebook || isBusy()) return;
    auto *dialog = new RemoteSettingsDialog(m_notebook.get(), this);
    connect(dialog, &QDialog::finished, dialog, &QObject::deleteLater);
    connect(dialog, &QDialog::accepted, this, [this] {
        statusBar()->showMessage(tr("Remote settings saved."), 5000);
        m_sync->remoteChanged();
    });
    dialog->open();
}

void MainWindow::showMembers() {
    if (!m_notebook || isBusy()) return;
    auto *dialog = new MembersDialog(m_notebook.get(), this);
    connect(dialog, &QDialog::finished, dialog, &QObject::deleteLater);
    dialog->open();
}

void MainWindow::showSyncAlarm() {
    const QStringList lines = m_sync->alarms();
    if (lines.isEmpty()) return;
    const bool tampering = m_sync->alarmIsTampering();
    auto *box = new QMessageBox(
        QMessageBox::Warning, tr("Sync alarm"),
        tampering ? tr("The copy on the shared repository does not match what was written in "
                       "this notebook.")
                  : tr("Some files that came from the shared repository did not pass the checks "
                       "and were set aside."),
        QMessageBox::Ok, this);
    box->setObjectName(QStringLiteral("syncAlarmBox"));
    constexpr int kShown = 6;
    // File names are 64 hex digits; the first twelve tell them apart on screen, and the
    // details keep them whole for the admin.
    static const QRegularExpression longHex(QStringLiteral("\\b([0-9a-f]{12})[0-9a-f]{20,}\\b"));
    QString listed;
    for (QString line : lines.mid(0, kShown))
        listed += QStringLiteral("<li>%1</li>")
                      .arg(line.replace(longHex, QStringLiteral("\\1…")).toHtmlEscaped());
    if (lines.size() > kShown)
        listed += QStringLiteral("<li>%1</li>").arg(tr("… and %1 more").arg(lines.size() - kShown));
    box->setTextFormat(Qt::PlainText);
    box->setInformativeText(
        tr("<p>Nothing in this notebook was changed or lost: Quire kept its own records and "
           "did not take in the server's versions.</p><ul>%1</ul><p>Tell the admin of this "
           "notebook, who can check who changed the shared repository.</p>")
            .arg(listed));
    box->setDetailedText(lines.join(QLatin1Char('\n')));
    box->button(QMessageBox::Ok)->setText(tr("I have seen this"));
    box->button(QMessageBox::Ok)->setIcon(QIcon());
    box->setAttribute(Qt::WA_DeleteOnClose);
    connect(box, &QDialog::finished, m_sync, &SyncController::acknowledgeAlarms);
    box->open();
}

QString MainWindow::currentExperiment() const {
    return m_list->currentIndex().data(ExperimentListModel::UuidRole).toString();
}

void MainWindow::useFallbackIconTheme() {
    if (QIcon::themeName().isEmpty() || QIcon::themeName() == QLatin1String("hicolor"))
        QIcon::setThemeName(QStringLiteral("Adwaita"));
}

void MainWindow::start() {
    updateLockedPage();
    openGate();
}

void MainWindow::openGate() {
    if (m_notebook || m_gate) return;
    QDialog *dialog = nullptr;
    if (Notebook::exists(m_vaultPath)) {
        auto *unlock = new UnlockDialog(m_vaultPath, this);
        connect(unlock, &QDialog::accepted, this,
                [this, unlock] { adopt(unlock->takeNotebook()); });
        dialog = unlock;
    } else {
        auto *create = new CreateNotebookDialog(m_vaultPath, this);
        connect(create, &QDialog::accepted, this,
                [this, create] { adopt(create->takeNotebook()); });
        dialog = create;
    }
    connect(dialog, &QDialog::finished, dialog, &QObject::deleteLater);
    m_gate = dialog;
    dialog->open();
}

void MainWindow::adopt(std::unique_ptr<Notebook> notebook) {
    if (!notebook) return;
    m_notebook = std::move(notebook);
    connect(m_notebook.get(), &Notebook::changed, &m_refreshTimer, qOverload<>(&QTimer::start));
    connect(m_notebook.get(), &Notebook::changed, this, &MainWindow::notebookChanged);
    m_entryView->setNotebook(m_notebook.get());

    m_notebookName = m_notebook->notebookName();
    setWindowTitle(tr("Quire — %1").arg(m_notebookName));
    refresh();
    m_sync->setNotebook(m_notebook.get());
    updateActions();
    m_list->setFocus();
    emit unlocked();
}

void MainWindow::lock() {
    if (!m_notebook || m_busy) return;
    if (m_sync->isRunning()) {
        // Locked as soon as the worker lets go of the notebook.
        m_lockAfterSync = true;
        m_sync->cancel();
        return;
    }
    // Open dialogs belong to the unlocked notebook (and may show its content); they close
    // with it, unsaved input included.
    for (QDialog *dialog : findChildren<QDialog *>(Qt::FindDirectChildrenOnly))
        if (dialog != m_gate) dialog->reject();
    // Nothing decrypted may stay on screen or in the engine's memory cache.
    m_entryView->setNotebook(nullptr);
    m_entryView->clearDocument();
    m_model->clear();
    m_shownEntries.clear();
    m_reviewCount = 0;
    m_reviewButton->hide();
    m_reviewQueue->setText(tr("&Waiting for my signature"));
    m_timeHint->hide();
    m_pendingSelection.clear();
    m_pendingAnchor.clear();
    m_refreshPending = m_showPending = m_changePending = false;
    m_joining = false;
    m_sync->setNotebook(nullptr);
    m_notebook.reset();

    setWindowTitle(tr("Quire"));
    m_statusLabel->setText(tr("Locked"));
    statusBar()->clearMessage();
    updateLockedPage();
    m_stack->setCurrentIndex(LockedPage);
    updateActions();
    emit locked();
    openGate();
}

void MainWindow::refresh() {
    if (!m_notebook) return;
    if (isBusy()) {
        m_refreshPending = true;
        return;
    }
    auto list = m_notebook->experiments();
    if (!list) {
        showProblem(this, tr("The experiments could not be read"), list.error());
        return;
    }
    // A joining vault learns its member record (and so the name) at the sync that lets it in.
    m_memberName = m_notebook->me().name;
    m_joining = m_notebook->isJoining();
    updateEmptyPage();
    m_statusLabel->setText(m_memberName.isEmpty()
                               ? tr("%1  ·  Unlocked").arg(m_notebookName)
                               : tr("%1  ·  %2  ·  Unlocked").arg(m_notebookName, m_memberName));
    const QString wanted = m_pendingSelection.isEmpty() ? currentExperiment() : m_pendingSelection;
    m_pendingSelection.clear();
    m_model->setExperiments(*list);
    m_listHeading->setText(tr("Experiments (%1)").arg(list->size()));
    updateReviewCount();
    if (list->isEmpty()) {
        m_stack->setCurrentIndex(EmptyNotebookPage);
        updateActions();
        return;
    }
    m_stack->setCurrentIndex(NotebookPage);
    QModelIndex index = m_model->indexOf(wanted);
    if (!index.isValid()) index = m_model->index(0);
    // The model was reset, so this always counts as a change and renders the page.
    m_list->setCurrentIndex(index);
    updateActions();
}

void MainWindow::showCurrentExperiment() {
    const QString uuid = currentExperiment();
    updateActions();
    if (!m_notebook || uuid.isEmpty()) return;
    if (isBusy()) {
        m_showPending = true;
        return;
    }
    auto experiment = m_notebook->experiment(uuid);
    auto entries = m_notebook->entries(uuid);
    if (!experiment || !entries) {
        showProblem(this, tr("The experiment could not be shown"),
                    experiment ? entries.error() : experiment.error());
        return;
    }
    m_shownEntries = *entries;
    m_entryView->showDocument(EntryPageRenderer::experimentPage(*experiment, *entries),
                              m_pendingAnchor);
    m_pendingAnchor.clear();
    updateActions();
}

void MainWindow::updateActions() {
    const bool open = m_notebook != nullptr && !isBusy();
    const bool hasExperiment = open && !currentExperiment().isEmpty();
    m_newExperiment->setEnabled(open && !m_joining);
    m_newEntry->setEnabled(hasExperiment);
    m_attach->setEnabled(hasExperiment);
    // Locking during a sync waits for the sync to stop (lock() cancels it).
    m_lock->setEnabled(m_notebook != nullptr && !m_busy);
    m_syncNow->setEnabled(open);
    m_remoteSettings->setEnabled(open);
    m_members->setEnabled(open);
    const bool signable =
        hasExperiment && !m_joining &&
        std::any_of(m_shownEntries.cbegin(), m_shownEntries.cend(),
                    [](const EntryVersion &e) { return e.status != QLatin1String("void"); });
    m_sign->setEnabled(signable);
    m_reviewQueue->setEnabled(open && !m_joining);
    m_reviewButton->setEnabled(open);
    m_timestamps->setEnabled(open && !m_joining);
}

void MainWindow::updateLockedPage() {
    if (m_notebook) return;
    m_statusLabel->setText(tr("Locked"));
    if (Notebook::exists(m_vaultPath)) {
        m_lockedTitle->setText(tr("The notebook is locked"));
        setWrappedText(
            m_lockedHint,
            tr("Enter your passphrase to open %1.").arg(QDir::toNativeSeparators(m_vaultPath)));
        m_lockedButton->setText(tr("Unlock…"));
    } else {
        m_lockedTitle->setText(tr("Welcome to Quire"));
        setWrappedText(m_lockedHint,
                       tr("There is no notebook in %1 yet. Create one to start writing.")
                           .arg(QDir::toNativeSeparators(m_vaultPath)));
        m_lockedButton->setText(tr("Create notebook…"));
    }
}

void MainWindow::showProblem(QWidget *parent, const QString &title, const QString &modelMessage) {
    auto *box = new QMessageBox(QMessageBox::Warning, title, asSentence(modelMessage),
                                QMessageBox::Ok, parent);
    box->setObjectName(QStringLiteral("problemBox"));
    box->setAttribute(Qt::WA_DeleteOnClose);
    box->open();
}

void MainWindow::newExperiment() {
    if (!m_notebook || m_busy) return;
    auto *dialog = new ExperimentDialog(this);
    connect(dialog, &QDialog::finished, dialog, &QObject::deleteLater);
    connect(dialog, &ExperimentDialog::submitted, this, [this, dialog] {
        if (!m_notebook) return;
        auto uuid =
            m_notebook->createExperiment(dialog->title(), dialog->project(), dialog->tags());
        if (!uuid) {
            showProblem(dialog, tr("The experiment could not be created"), uuid.error());
            return;
        }
        m_pendingSelection = *uuid;
        m_refreshTimer.start();
        statusBar()->showMessage(tr("Experiment “%1” created").arg(dialog->title()), 5000);
        dialog->accept();
    });
    dialog->open();
}

void MainWindow::newEntry() {
    const QString experiment = currentExperiment();
    if (!m_notebook || m_busy || experiment.isEmpty()) return;
    const QString experimentTitle = m_list->currentIndex().data().toString();
    auto *dialog = new EntryDialog(experimentTitle, this);
    connect(dialog, &QDialog::finished, dialog, &QObject::deleteLater);
    connect(dialog, &EntryDialog::submitted, this, [this, dialog, experiment] {
        if (!m_notebook) return;
        auto uuid = m_notebook->addEntry(experiment, dialog->title(), dialog->html());
        if (!uuid) {
            showProblem(dialog, tr("The entry could not be saved"), uuid.error());
            return;
        }
        m_pendingSelection = experiment;
        m_pendingAnchor = EntryPageRenderer::anchorFor(*uuid);
        m_refreshTimer.start();
        statusBar()->showMessage(tr("Entry “%1” saved").arg(dialog->title()), 5000);
        dialog->accept();
    });
    dialog->open();
}

void MainWindow::attachFile() {
    const QString experiment = currentExperiment();
    if (!m_notebook || m_busy || experiment.isEmpty()) return;
    auto entries = m_notebook->entries(experiment);
    if (!entries) {
        showProblem(this, tr("The entries could not be read"), entries.error());
        return;
    }
    // Numbered as on the page; only the author's own, unvoided entries can take a file.
    QList<EntryVersion> open;
    QStringList names;
    for (int i = 0; i < entries->size(); ++i) {
        const EntryVersion &e = entries->at(i);
        if (e.status == QLatin1String("void") || e.author != m_notebook->me().uuid) continue;
        open << e;
        names << tr("%1. %2").arg(i + 1).arg(e.title);
    }
    if (open.isEmpty()) {
        showProblem(this, tr("No entry to attach to"),
                    tr("files are kept with an entry you wrote; add an entry to this experiment "
                       "first"));
        return;
    }
    EntryVersion target = open.last();
    if (open.size() > 1) {
        bool ok = false;
        const QString choice =
            QInputDialog::getItem(this, tr("Attach file"), tr("Attach the file to the entry:"),
                                  names, int(names.size() - 1), false, &ok);
        if (!ok) return;
        target = open.at(names.indexOf(choice));
    }
    const QString path = QFileDialog::getOpenFileName(
        this, tr("Attach a file to “%1”").arg(target.title), QDir::homePath());
    if (path.isEmpty() || !m_notebook) return;

    // Storing a large file takes a while; the notebook is not shared between threads, so the
    // window is blocked (window-modal progress) and the page stops reading attachments.
    m_busy = true;
    updateActions();
    m_entryView->setNotebook(nullptr);
    auto *progress =
        new QProgressDialog(tr("Storing “%1” in the notebook…").arg(QFileInfo(path).fileName()),
                            QString(), 0, 1000, this);
    progress->setWindowTitle(tr("Attach file"));
    progress->setWindowModality(Qt::WindowModal);
    progress->setMinimumDuration(400);
    progress->setAutoClose(false);
    progress->setAutoReset(false);

    auto *watcher = new QFutureWatcher<Result<QString>>(this);
    connect(watcher, &QFutureWatcherBase::progressValueChanged, progress,
            &QProgressDialog::setValue);
    connect(watcher, &QFutureWatcherBase::finished, this, [=, this] {
        const Result<QString> result = watcher->result();
        watcher->deleteLater();
        progress->deleteLater();
        m_busy = false;
        m_entryView->setNotebook(m_notebook.get());
        updateActions();
        catchUpAfterWorker();
        if (!result) {
            showProblem(this, tr("The file could not be attached"), result.error());
            return;
        }
        m_pendingSelection = experiment;
        m_pendingAnchor = EntryPageRenderer::anchorFor(target.uuid);
        m_refreshTimer.start();
        statusBar()->showMessage(
            tr("“%1” attached to “%2”").arg(QFileInfo(path).fileName(), target.title), 5000);
    });
    Notebook *notebook = m_notebook.get();
    const QString entry = target.uuid;
    watcher->setFuture(
        QtConcurrent::run([notebook, entry, path](QPromise<Result<QString>> &promise) {
            promise.setProgressRange(0, 1000);
            auto result = notebook->attachFile(entry, path, [&promise](qint64 done, qint64 total) {
                if (total > 0) promise.setProgressValue(int(done * 1000 / total));
            });
            promise.addResult(std::move(result));
        }));
}

void MainWindow::beginWork() {
    m_busy = true;
    // The page would read attachment images from the notebook the worker holds.
    m_entryView->setNotebook(nullptr);
    updateActions();
}

void MainWindow::endWork() {
    m_busy = false;
    if (m_notebook) m_entryView->setNotebook(m_notebook.get());
    updateActions();
    catchUpAfterWorker();
}

SignDialog *MainWindow::openSignDialog(const QList<EntryVersion> &entries, const QString &entry,
                                       QWidget *parent) {
    auto *dialog = new SignDialog(m_notebook.get(), entries, entry, parent ? parent : this);
    connect(dialog, &QDialog::finished, dialog, &QObject::deleteLater);
    connect(dialog, &SignDialog::busyChanged, this,
            [this](bool busy) { busy ? beginWork() : endWork(); });
    connect(dialog, &SignDialog::signedEntry, this, [this](const SignatureInfo &signature) {
        // The page is shown again once the worker lets go; it opens at the signed entry.
        m_pendingAnchor = EntryPageRenderer::anchorFor(signature.entry);
        m_refreshPending = true;
        statusBar()->showMessage(tr("Signed: %1").arg(Notebook::manifestation(signature)), 8000);
    });
    dialog->open();
    return dialog;
}

void MainWindow::signEntry(const QString &entry) {
    if (!m_notebook || isBusy()) return;
    if (m_shownEntries.isEmpty()) {
        showProblem(this, tr("Nothing to sign"),
                    tr("signatures are given to entries; choose an experiment with entries "
                       "first"));
        return;
    }
    openSignDialog(m_shownEntries, entry, this);
}

void MainWindow::showReviewQueue() {
    if (!m_notebook || isBusy()) return;
    auto *dialog = new ReviewQueueDialog(m_notebook.get(), this);
    connect(dialog, &QDialog::finished, dialog, &QObject::deleteLater);
    connect(dialog, &ReviewQueueDialog::openRequested, this,
            [this](const QString &experiment, const QString &entry) {
                m_pendingAnchor = EntryPageRenderer::anchorFor(entry);
                const QModelIndex index = m_model->indexOf(experiment);
                if (index.isValid() && index != m_list->currentIndex())
                    m_list->setCurrentIndex(index); // shows it, at the entry
                else
                    showCurrentExperiment();
            });
    connect(dialog, &ReviewQueueDialog::countersignRequested, this,
            [this, dialog](const QString &entry, int version) {
                if (!m_notebook || isBusy()) return;
                auto signedVersion = m_notebook->entry(entry, version);
                if (!signedVersion) {
                    showProblem(dialog, tr("The entry could not be read"), signedVersion.error());
                    return;
                }
                SignDialog *sign = openSignDialog({*signedVersion}, entry, dialog);
                connect(sign, &QDialog::finished, dialog, [this, dialog] {
                    if (isBusy()) return;
                    dialog->reload();
                    updateReviewCount();
                });
            });
    dialog->open();
}

void MainWindow::showTimestampSettings() {
    if (!m_notebook || isBusy()) return;
    auto *dialog = new TimestampSettingsDialog(m_notebook.get(), this);
    connect(dialog, &QDialog::finished, dialog, &QObject::deleteLater);
    connect(dialog, &TimestampSettingsDialog::busyChanged, this,
            [this](bool busy) { busy ? beginWork() : endWork(); });
    connect(dialog, &QDialog::finished, this, [this] {
        if (!isBusy()) updateTimeHint();
    });
    dialog->open();
}

void MainWindow::exportEvidence(const QString &signatureId, const QString &parentDir) {
    if (!m_notebook || isBusy()) return;
    const EntryVersion *owner = nullptr;
    SignatureInfo signature;
    for (const EntryVersion &e : std::as_const(m_shownEntries))
        for (const SignatureInfo &s : e.signatures)
            if (s.id == signatureId) {
                owner = &e;
                signature = s;
            }
    if (!owner) return;
    const QString title = owner->title;
    QString dir = parentDir;
    if (dir.isEmpty())
        dir = QFileDialog::getExistingDirectory(
            this,
            tr("Choose a folder for the evidence of %1’s signature").arg(signature.printedName),
            QDir::homePath());
    if (dir.isEmpty() || !m_notebook) return;
    auto folder = SignDialog::writeEvidence(m_notebook.get(), signature, title, dir);
    if (!folder) {
        showProblem(this, tr("The evidence could not be exported"), folder.error());
        return;
    }
    // A path is too long for the status bar, and the person will want to find the folder.
    auto *box = new QMessageBox(
        QMessageBox::Information, tr("Evidence exported"),
        tr("The evidence of %1’s signature is in this folder:").arg(signature.printedName),
        QMessageBox::Ok, this);
    box->setObjectName(QStringLiteral("evidenceBox"));
    box->setTextFormat(Qt::PlainText);
    box->setInformativeText(
        tr("%1\n\nAnyone can check it there with verify.sh, which needs only bash and openssl.")
            .arg(QDir::toNativeSeparators(*folder)));
    box->button(QMessageBox::Ok)->setIcon(QIcon());
    QPushButton *show = box->addButton(tr("Show folder"), QMessageBox::ActionRole);
    show->setObjectName(QStringLiteral("showFolderButton"));
    const QString path = *folder;
    connect(show, &QPushButton::clicked, this,
            [path] { QDesktopServices::openUrl(QUrl::fromLocalFile(path)); });
    box->setAttribute(Qt::WA_DeleteOnClose);
    box->open();
}

void MainWindow::pageUrlChanged(const QUrl &url) {
    const QString fragment = url.fragment();
    const QString entry = EntryPageRenderer::entryToSign(fragment);
    const QString signature = EntryPageRenderer::signatureForEvidence(fragment);
    if (entry.isEmpty() && signature.isEmpty()) return;
    // Back to where the page was, so that the same link clicked again changes the URL again;
    // and the dialog opens once the engine has finished with this navigation.
    QMetaObject::invokeMethod(
        this,
        [this, entry, signature] {
            m_entryView->page()->triggerAction(QWebEnginePage::Back);
            if (!m_notebook) return;
            if (isBusy()) {
                statusBar()->showMessage(tr("Please wait until the sync has finished."), 5000);
                return;
            }
            if (!entry.isEmpty())
                signEntry(entry);
            else
                exportEvidence(signature);
        },
        Qt::QueuedConnection);
}

void MainWindow::updateReviewCount() {
    int count = 0;
    if (m_notebook && !isBusy() && !m_joining)
        if (auto queue = m_notebook->reviewQueue(); queue) count = int(queue->size());
    m_reviewCount = count;
    m_reviewQueue->setText(count > 0 ? tr("&Waiting for my signature (%1)").arg(count)
                                     : tr("&Waiting for my signature"));
    m_reviewButton->setText(tr("Waiting for my signature (%1)").arg(count));
    m_reviewButton->setVisible(count > 0);
}

void MainWindow::updateTimeHint() {
    bool show = false;
    if (m_notebook && !isBusy() && !m_joining) {
        auto settings = m_notebook->timestampSettings();
        auto waiting = m_notebook->unattestedCount();
        // Without an authority set nothing is ever attested; that is a setting, not news.
        if (settings && !settings->urls.isEmpty() && waiting && *waiting > 0) {
            show = true;
            m_timeHint->setToolTip(
                (*waiting == 1 ? tr("1 record has no trusted time yet.")
                               : tr("%1 records have no trusted time yet.").arg(*waiting)) +
                QLatin1Char(' ') +
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

void MainWindow::closeEvent(QCloseEvent *event) {
    if (m_sync->isRunning()) {
        // Closed as soon as the worker lets go of the notebook.
        m_closeAfterSync = true;
        m_sync->cancel();
        statusBar()->showMessage(tr("Stopping the sync…"));
        event->ignore();
        return;
    }
    if (m_busy) {
        // A worker is writing into the notebook; closing now would pull it from under it.
        statusBar()->showMessage(tr("Please wait until Quire has finished writing into the "
                                    "notebook."),
                                 5000);
        event->ignore();
        return;
    }
    m_entryView->setNotebook(nullptr);
    m_sync->setNotebook(nullptr);
    m_notebook.reset();
    event->accept();
}

} // namespace quire::widgets
