#include "window/MainWindow.h"

#include "common/DialogParts.h"
#include "common/FocusRing.h"
#include "details/AttachmentPanel.h"
#include "details/DetailsPanel.h"
#include "editor/EntryDialog.h"
#include "exchange/ElnExportDialog.h"
#include "exchange/ImportElnDialog.h"
#include "history/AuditTrailDialog.h"
#include "page/EntryPageView.h"
#include "settings/SettingsDialog.h"
#include "sidebar/SearchPanel.h"
#include "sidebar/SidebarModel.h"
#include "signing/CommentDialog.h"
#include "start/RecentNotebooks.h"
#include "sync/SyncController.h"
#include "unlock/RecoveryCodeDialog.h"
#include "window/EntryController.h"
#include "window/FilesController.h"
#include "window/IdleLock.h"
#include "window/InboxController.h"
#include "window/LockController.h"
#include "window/PageNavigator.h"
#include "window/SearchController.h"
#include "window/SharingController.h"
#include "window/SigningController.h"
#include "window/TemplateController.h"
#include "window/TextIndexController.h"
#include "window/WindowActions.h"

#include <QAction>
#include <QApplication>
#include <QCloseEvent>
#include <QDesktopServices>
#include <QDir>
#include <QFileDialog>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QSettings>
#include <QSplitter>
#include <QStackedWidget>
#include <QStatusBar>
#include <QToolButton>
#include <QTreeView>

#include <algorithm>

namespace quire::widgets {

MainWindow::MainWindow(const QString &vaultPath, QWidget *parent)
    : QMainWindow(parent)
    , m_vaultPath(vaultPath) {
    setObjectName(QStringLiteral("mainWindow"));
    setWindowTitle(tr("Quire"));
    resize(1280, 800);

    m_refreshTimer.setSingleShot(true);
    m_refreshTimer.setInterval(0);
    connect(&m_refreshTimer, &QTimer::timeout, this, &MainWindow::refresh);
    // Qt sends a language change once per translator removed and installed: one pass is enough.
    m_retranslateTimer.setSingleShot(true);
    m_retranslateTimer.setInterval(0);
    connect(&m_retranslateTimer, &QTimer::timeout, this, &MainWindow::retranslate);

    m_lock = new LockController(this, m_vaultPath, [this](std::unique_ptr<Notebook> notebook) {
        adopt(std::move(notebook));
    });
    connect(m_lock->idleLock(), &IdleLock::idle, this, &MainWindow::idleTimeReached);
    setAcceptDrops(true);

    m_sync = new SyncController(this);
    m_sync->setStartGuard([this] { return !m_busy && !hasOpenDialog(); });
    m_sharing = new SharingController(this, m_sync);
    connect(m_sharing, &SharingController::changed, this, &MainWindow::updateActions);
    connect(m_sync, &SyncController::statusChanged, m_sharing,
            &SharingController::updateSyncStatus);
    connect(m_sync, &SyncController::started, this, &MainWindow::syncStarted);
    connect(m_sync, &SyncController::finished, this, &MainWindow::syncFinished);

    m_actions = new WindowActions(this);
    connectActions();

    m_navigator = new PageNavigator(this);
    connect(m_navigator, &PageNavigator::changed, this, &MainWindow::updateActions);
    m_entries = new EntryController(this, m_navigator);
    auto *templates = new TemplateController(this, m_navigator); // issue 17
    connect(m_actions->newFromTemplate, &QAction::triggered, templates,
            &TemplateController::newExperimentFromTemplate);
    connect(m_actions->saveAsTemplate, &QAction::triggered, templates,
            &TemplateController::saveExperimentAsTemplate);
    m_files = new FilesController(this, m_navigator);
    m_inbox = new InboxController(this, m_navigator);
    // Here, not in connectActions(): the inbox did not exist yet there, and Notebook ▸
    // Instruments… was connected to nothing.
    connect(m_actions->instruments, &QAction::triggered, m_inbox,
            &InboxController::showInstruments);
    m_textIndex = new TextIndexController(this);
    m_signing = new SigningController(this, m_navigator);
    connect(m_signing, &SigningController::reviewQueueChanged, m_actions,
            &WindowActions::showReviewCount);
    connect(m_signing, &SigningController::timestampSettingsClosed, m_sharing,
            &SharingController::updateTimeHint);

    m_stack = new QStackedWidget(this);
    m_stack->insertWidget(LockedPage, m_lock->buildLockedPage(this));
    m_stack->insertWidget(EmptyNotebookPage, buildEmptyNotebookPage());
    m_stack->insertWidget(NotebookPage, buildNotebookPage());
    setCentralWidget(m_stack);
    m_inbox->watchPage();

    m_statusLabel = new QLabel(this);
    m_statusLabel->setObjectName(QStringLiteral("statusLabel"));
    m_statusLabel->setContentsMargins(8, 0, 8, 0);
    statusBar()->addPermanentWidget(m_sharing->timeHint());
    statusBar()->addPermanentWidget(m_sharing->syncStatus());
    statusBar()->addPermanentWidget(m_statusLabel);
    statusBar()->addPermanentWidget(m_lock->lockButton());

    retranslate();
}

MainWindow::~MainWindow() {
    // The page view may still ask for attachment images while it is torn down.
    if (m_entryView) m_entryView->setNotebook(nullptr);
    // A sync still running uses the notebook: stop it before the notebook goes.
    delete m_sync;
    m_sync = nullptr;
    // So does a capture under way, and reading a PDF's text.
    m_inbox->stop();
    m_textIndex->setNotebook(nullptr);
    // The files panel's worker may still be writing a copy out of the notebook.
    delete m_details;
    m_details = nullptr;
    m_files->removeOpenFolder();
}

void MainWindow::connectActions() {
    const WindowActions &a = *m_actions;
    connect(a.newExperiment, &QAction::triggered, this, &MainWindow::newExperiment);
    connect(a.newEntry, &QAction::triggered, this, &MainWindow::newEntry);
    connect(a.editEntry, &QAction::triggered, this, [this] { editEntry(); });
    connect(a.voidEntry, &QAction::triggered, this, [this] { voidEntry(); });
    connect(a.attach, &QAction::triggered, this, &MainWindow::attachFile);
    connect(a.lock, &QAction::triggered, this, &MainWindow::lock);
    connect(a.syncNow, &QAction::triggered, this, &MainWindow::syncNow);
    connect(a.remoteSettings, &QAction::triggered, this, &MainWindow::showRemoteSettings);
    connect(a.sign, &QAction::triggered, this, [this] { signEntry(currentEntry()); });
    connect(a.exportPdf, &QAction::triggered, this, &MainWindow::exportPdf);
    connect(a.exportEln, &QAction::triggered, this, [this] {
        if (!notebook() || isBusy()) return;
        auto *dialog = new ElnExportDialog(notebook(), m_navigator->experiment(), this);
        connect(dialog, &QDialog::finished, dialog, &QObject::deleteLater);
        connect(dialog, &ElnExportDialog::busyChanged, this,
                [this](bool busy) { busy ? beginWork() : endWork(); });
        connect(dialog, &ElnExportDialog::exported, this, [this](const QString &path) {
            refreshWhenFree(); // the export wrote an audit record
            statusBar()->showMessage(tr("Exported as %1").arg(QDir::toNativeSeparators(path)),
                                     8000);
        });
        dialog->open();
    });
    connect(a.signPdf, &QAction::triggered, this, [this] { signPdf(); });
    connect(a.verifyPdf, &QAction::triggered, this, [this] { verifyPdf(); });
    connect(a.importEln, &QAction::triggered, this, [this] { importEln(); });
    connect(a.history, &QAction::triggered, this, [this] { showHistory(); });
    connect(a.reviewQueue, &QAction::triggered, this, &MainWindow::showReviewQueue);
    connect(a.timestamps, &QAction::triggered, this, &MainWindow::showTimestampSettings);
    connect(a.auditTrail, &QAction::triggered, this, &MainWindow::showAuditTrail);
    connect(a.members, &QAction::triggered, this, &MainWindow::showMembers);
    connect(a.addComputer, &QAction::triggered, m_sharing, &SharingController::showAddComputer);
    connect(a.recoveryCode, &QAction::triggered, this, [this] {
        if (m_notebook) RecoveryCodeDialog::showAgain(*m_notebook, this);
    });
    connect(a.find, &QAction::triggered, this, &MainWindow::focusSearch);
    connect(a.showDetails, &QAction::toggled, this, &MainWindow::setDetailsVisible);
    connect(a.settings, &QAction::triggered, this, &MainWindow::showSettings);
    connect(a.openNotebook, &QAction::triggered, this, &MainWindow::openNotebookRequested);
    connect(a.newNotebook, &QAction::triggered, this, &MainWindow::newNotebookRequested);
    // Quit closes every notebook window (and the start window), each as its close button would.
    connect(a.quit, &QAction::triggered, this, [] {
        for (QWidget *window : QApplication::topLevelWidgets())
            if (window->isVisible() && !qobject_cast<QDialog *>(window)) window->close();
    });
}

void MainWindow::retranslate() {
    m_actions->retranslate();
    m_navigator->sidebar()->setAccessibleName(tr("Projects, tags and experiments"));
    m_navigator->sidebarModel()->retranslate();
    m_entryView->setAccessibleName(tr("Entries of the selected experiment"));
    m_details->setAccessibleName(tr("Details of the chosen entry"));
    m_sharing->retranslate();

    setWindowTitle(m_notebook ? tr("Quire — %1").arg(m_notebookName) : tr("Quire"));
    updateStatusLabel();
    m_lock->updateLockedPage();
    updateEmptyPage();
    // The rest reads the notebook, which a worker may hold; they catch up when it lets go.
    if (m_notebook && !isBusy()) {
        m_actions->showReviewCount();
        m_sharing->updateTimeHint();
        m_navigator->showCurrentExperiment();
    } else {
        m_actions->showReviewCountUnknown();
        if (m_notebook) {
            m_refreshPending = true;
            // Looked at again shortly: the page must not stay in the old language should the
            // worker's end come before this pending refresh is seen.
            QTimer::singleShot(250, this, [this] {
                if (isBusy())
                    m_retranslateTimer.start();
                else
                    catchUpAfterWorker();
            });
        }
    }
    m_sharing->updateSyncStatus();
    updateActions();
}

void MainWindow::updateStatusLabel() {
    if (!m_notebook)
        m_statusLabel->clear();
    else
        m_statusLabel->setText(m_memberName.isEmpty()
                                   ? m_notebookName
                                   : tr("%1  ·  %2").arg(m_notebookName, m_memberName));
    m_statusLabel->setVisible(m_notebook != nullptr);
    m_lock->updateLockStatus();
}

QWidget *MainWindow::buildEmptyNotebookPage() {
    QWidget *page = makeCentredMessage(this, &m_emptyTitle, &m_emptyHint, &m_emptyButton);
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

    // The sidebar is the notebook's tree, or the search results while searching.
    auto *side = new QStackedWidget(m_splitter);
    side->setMinimumWidth(220);
    side->insertWidget(SearchController::ExperimentsSide, m_navigator->buildSidebar(side));
    connect(m_navigator->sidebar(), &QWidget::customContextMenuRequested, m_inbox,
            &InboxController::showSidebarMenu);
    connect(m_navigator->sidebarModel(), &SidebarModel::captureDropped, m_inbox,
            [this](const QString &capture, const QString &experiment) {
                m_inbox->fileCapture(capture, experiment);
            });
    auto *searchPanel = new SearchPanel(side);
    searchPanel->setSearchField(m_actions->searchField);
    side->insertWidget(SearchController::SearchSide, searchPanel);
    m_search = new SearchController(this, m_actions->searchField, side, m_navigator->sidebar(),
                                    searchPanel);
    connect(searchPanel, &SearchPanel::openRequested, this, &MainWindow::openAt);

    m_entryView = new EntryPageView(m_splitter);
    m_entryView->setObjectName(QStringLiteral("entryView"));
    // In a narrow window (or at 200 %) the side columns would squeeze the page to a column of
    // single words; it keeps room for a line of text.
    m_entryView->setMinimumWidth(320);
    connect(m_entryView, &EntryPageView::externalLinkActivated, this,
            [](const QUrl &url) { QDesktopServices::openUrl(url); });
    connect(m_entryView, &QWebEngineView::urlChanged, m_navigator, &PageNavigator::pageUrlChanged);

    m_details = new DetailsPanel(m_splitter);
    m_files->setPanel(m_details->attachments());
    connect(m_details, &DetailsPanel::entryChosen, this, [this](const QString &entry) {
        m_navigator->setCurrentEntry(entry);
        updateActions();
    });
    connect(m_details, &DetailsPanel::closeRequested, this, [this] { setDetailsVisible(false); });
    connect(m_details, &DetailsPanel::signRequested, this, &MainWindow::signEntry);
    connect(m_details, &DetailsPanel::evidenceRequested, this,
            [this](const QString &signature) { exportEvidence(signature); });
    connect(m_details, &DetailsPanel::insertPlotRequested, m_files, &FilesController::insertPlot);
    connect(m_details, &DetailsPanel::changesRequested, this,
            [this](const QString &entry, int version) { showHistory(entry, version); });
    m_navigator->setViews(m_entryView, m_details);
    // Where the keys go, seen at a glance by someone working without a mouse.
    for (QWidget *part :
         {static_cast<QWidget *>(m_navigator->sidebar()), static_cast<QWidget *>(searchPanel),
          static_cast<QWidget *>(m_entryView), static_cast<QWidget *>(m_details)})
        FocusRing::attach(part);

    m_splitter->addWidget(side);
    m_splitter->addWidget(m_entryView);
    m_splitter->addWidget(m_details);
    m_splitter->setStretchFactor(0, 0);
    m_splitter->setStretchFactor(1, 1);
    m_splitter->setStretchFactor(2, 0);
    m_splitter->setSizes({300, 660, 340});
    const bool shown = QSettings().value(QStringLiteral("detailsPanelShown"), true).toBool();
    m_actions->showDetails->setChecked(shown);
    m_details->setVisible(shown);
    return m_splitter;
}

bool MainWindow::hasOpenDialog() const {
    // Editor windows stay open for as long as someone writes; they keep out of a worker's way
    // themselves (EntryDialog::setBusyCheck), so a sync may run beside them.
    for (QDialog *dialog : findChildren<QDialog *>(Qt::FindDirectChildrenOnly))
        if (dialog->isVisible() && !qobject_cast<EntryDialog *>(dialog)) return true;
    return false;
}

void MainWindow::syncStarted() {
    // The views would read from the notebook the worker holds.
    lendNotebookToViews(false);
    updateActions();
}

void MainWindow::syncFinished(bool ok, bool receivedRecords, const QString &error) {
    lendNotebookToViews(true);
    if (m_closeAfterSync) {
        close();
        return;
    }
    if (m_lockAfterSync || m_lockWhenFree) {
        m_lockAfterSync = m_lockWhenFree = false;
        lock();
        return;
    }
    if (!ok && m_sync->state() == SyncController::State::Offline) {
        // Ends in "…" rather than being cut off mid-word; the status shows all of it on hover.
        const int room = statusBar()->width() - m_sharing->syncStatus()->sizeHint().width() -
                         m_statusLabel->sizeHint().width() - 48;
        statusBar()->showMessage(
            statusBar()->fontMetrics().elidedText(tr("Offline: %1").arg(asSentence(error)),
                                                  Qt::ElideRight, qMax(room, 120)),
            15000);
    }
    if (receivedRecords) m_refreshPending = true;
    catchUpAfterWorker();
    if (ok) m_sharing->updateTimeHint();
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
    if (m_lockWhenFree) {
        m_lockWhenFree = false;
        lock();
        return;
    }
    if (m_changePending) {
        m_changePending = false;
        m_sync->noteLocalChange();
    }
    if (m_refreshPending) {
        m_refreshPending = false;
        m_navigator->dropPendingShow(); // refresh shows the current experiment again
        refresh();
    } else {
        m_navigator->showIfPending();
    }
}

void MainWindow::useFallbackIconTheme() {
    if (QIcon::themeName().isEmpty() || QIcon::themeName() == QLatin1String("hicolor"))
        QIcon::setThemeName(QStringLiteral("Adwaita"));
}

void MainWindow::start() {
    if (!m_notebook) updateStatusLabel();
    m_lock->updateLockedPage();
    m_lock->openGate();
}

void MainWindow::adopt(std::unique_ptr<Notebook> notebook) {
    if (!notebook) return;
    m_notebook = std::move(notebook);
    connect(m_notebook.get(), &Notebook::changed, &m_refreshTimer, qOverload<>(&QTimer::start));
    connect(m_notebook.get(), &Notebook::changed, this, &MainWindow::notebookChanged);
    lendNotebookToViews(true);

    m_notebookName = m_notebook->notebookName();
    RecentNotebooks::remember(m_vaultPath, m_notebookName);
    setWindowTitle(tr("Quire — %1").arg(m_notebookName));
    refresh();
    m_sync->setNotebook(m_notebook.get());
    m_inbox->start(m_notebook.get());
    m_textIndex->setNotebook(m_notebook.get());
    m_textIndex->runSoon();
    m_lock->idleLock()->start();
    updateActions();
    m_navigator->sidebar()->setFocus();
    emit unlocked();
    // Text that was being written when the program ended or the notebook was locked.
    QMetaObject::invokeMethod(m_entries, &EntryController::recoverDrafts, Qt::QueuedConnection);
}

void MainWindow::lock() {
    if (!m_notebook || m_busy) return;
    if (m_sync->isRunning()) {
        // Locked as soon as the worker lets go of the notebook.
        m_lockAfterSync = true;
        m_sync->cancel();
        return;
    }
    m_lock->idleLock()->stop();
    m_lockWhenFree = false;
    // Entry windows keep their text as drafts first, with the page's very latest words.
    if (!m_entries->visibleEntryWindows().isEmpty()) {
        m_entries->closeEntryWindows([this] { lock(); });
        return;
    }
    // Open dialogs belong to the unlocked notebook (and may show its content); they close
    // with it, unsaved input included — those opened from other dialogs first.
    QList<QDialog *> dialogs = findChildren<QDialog *>();
    std::reverse(dialogs.begin(), dialogs.end());
    for (QDialog *dialog : std::as_const(dialogs))
        if (dialog != m_lock->gate() && dialog->isVisible()) dialog->reject();
    // Nothing decrypted may stay on screen, in the engine's memory cache or on disk.
    lendNotebookToViews(false);
    m_entryView->clearDocument();
    // Only which experiment was open is kept (PageNavigator::clear), so that unlocking comes
    // back to it.
    m_search->clear();
    m_details->clear();
    m_files->removeOpenFolder();
    m_files->dropQueue();
    m_navigator->clear();
    m_actions->setReviewCount(0);
    m_sharing->clear();
    m_refreshPending = m_changePending = false;
    m_joining = false;
    m_inbox->stop();
    m_textIndex->setNotebook(nullptr);
    m_sync->setNotebook(nullptr);
    m_notebook.reset();

    setWindowTitle(tr("Quire"));
    updateStatusLabel();
    statusBar()->clearMessage();
    m_lock->updateLockedPage();
    m_stack->setCurrentIndex(LockedPage);
    updateActions();
    emit locked();
    m_lock->openGate();
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
    updateStatusLabel();
    const QString wanted = m_navigator->takeWantedExperiment();
    QList<ReviewItem> waiting;
    QList<CaptureInfo> inbox;
    if (!m_joining) {
        if (auto queue = m_notebook->reviewQueue(); queue) waiting = *queue;
        if (auto asked = m_notebook->changesRequestedOfMe(); asked) waiting += *asked;
        if (auto captures = m_notebook->inbox(); captures) inbox = *captures;
    }
    m_navigator->fillSidebar(*list, waiting, inbox);
    // PDFs attached, captured or synced since are read for search beside the window.
    m_textIndex->runSoon();
    m_search->setExperiments(*list);
    m_actions->setReviewCount(
        int(std::count_if(waiting.cbegin(), waiting.cend(),
                          [](const auto &w) { return w.changesRequested.id.isEmpty(); })));
    if (list->isEmpty()) {
        m_navigator->forgetExperiment();
        m_stack->setCurrentIndex(EmptyNotebookPage);
        updateActions();
        return;
    }
    m_stack->setCurrentIndex(NotebookPage);
    m_navigator->showAfterRefresh(wanted, list->first().uuid);
}

void MainWindow::updateActions() {
    WindowActions::State state;
    state.hasNotebook = m_notebook != nullptr;
    state.busy = isBusy();
    state.workerBusy = m_busy;
    state.joining = m_joining;
    state.hasExperiment = m_notebook && !isBusy() && !currentExperiment().isEmpty();
    if (state.hasExperiment) {
        const QString entry = currentEntry();
        for (const EntryVersion &e : m_navigator->shownEntries())
            if (e.uuid == entry)
                state.ownEntry =
                    e.author == m_notebook->me().uuid && e.status != QLatin1String("void");
    }
    state.unvoidedEntry =
        std::any_of(m_navigator->shownEntries().cbegin(), m_navigator->shownEntries().cend(),
                    [](const EntryVersion &e) { return e.status != QLatin1String("void"); });
    state.hasEntries = !m_navigator->shownEntries().isEmpty();
    m_actions->update(state);
    m_lock->updateLockStatus();
}

void MainWindow::beginWork() {
    m_busy = true;
    // The views would read from the notebook the worker holds.
    lendNotebookToViews(false);
    updateActions();
}

void MainWindow::endWork() {
    m_busy = false;
    lendNotebookToViews(true);
    updateActions();
    catchUpAfterWorker();
}

void MainWindow::lendNotebookToViews(bool lend) {
    Notebook *notebook = lend ? m_notebook.get() : nullptr;
    m_entryView->setNotebook(notebook);
    m_search->panel()->setNotebook(notebook);
    m_details->setNotebook(notebook);
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
    // Text still being written is kept as a draft, and opens again at the next unlock; the
    // window closes once the entry windows have asked their pages for the latest words.
    if (!m_entries->visibleEntryWindows().isEmpty()) {
        event->ignore();
        m_entries->closeEntryWindows([this] { close(); });
        return;
    }
    m_lock->idleLock()->stop();
    lendNotebookToViews(false);
    m_details->clear();
    m_files->removeOpenFolder();
    m_inbox->stop();
    m_textIndex->setNotebook(nullptr);
    m_sync->setNotebook(nullptr);
    m_notebook.reset();
    event->accept();
}

void MainWindow::changeEvent(QEvent *event) {
    if (event->type() == QEvent::LanguageChange) m_retranslateTimer.start();
    QMainWindow::changeEvent(event);
}

void MainWindow::showAuditTrail() {
    if (!m_notebook || isBusy()) return;
    auto *dialog = new AuditTrailDialog(m_notebook.get(), this);
    connect(dialog, &QDialog::finished, dialog, &QObject::deleteLater);
    connect(dialog, &AuditTrailDialog::busyChanged, this,
            [this](bool busy) { busy ? beginWork() : endWork(); });
    dialog->open();
    dialog->load();
}

void MainWindow::showSettings() {
    if (isBusy()) return;
    auto *dialog = new SettingsDialog(m_notebook != nullptr, this);
    connect(dialog, &QDialog::finished, dialog, &QObject::deleteLater);
    connect(dialog, &SettingsDialog::idleMinutesChanged, m_lock->idleLock(), &IdleLock::setMinutes);
    connect(dialog, &SettingsDialog::remoteSettingsRequested, this,
            [this, dialog] { m_sharing->openRemoteSettings(dialog); });
    connect(dialog, &SettingsDialog::timestampSettingsRequested, this,
            [this, dialog] { m_signing->openTimestampSettings(dialog); });
    dialog->open();
}

void MainWindow::setDetailsVisible(bool visible) {
    if (m_actions->showDetails->isChecked() != visible) {
        m_actions->showDetails->setChecked(visible); // comes back here through toggled()
        return;
    }
    m_details->setVisible(visible);
    QSettings().setValue(QStringLiteral("detailsPanelShown"), visible);
}

void MainWindow::setAttachmentsVisible(bool visible) {
    setDetailsVisible(visible);
    if (visible) m_details->showTab(DetailsPanel::FilesTab);
}

void MainWindow::idleTimeReached() {
    if (!m_notebook) return;
    // A worker writing into the notebook is let finish; the lock follows at once. (A sync is
    // cancelled instead: lock() does that, and nothing is lost by it.)
    if (m_busy) {
        m_lockWhenFree = true;
        return;
    }
    lock();
}

void MainWindow::dragEnterEvent(QDragEnterEvent *event) {
    if (m_files->canTake(event->mimeData()) || m_inbox->takesDrag(event->mimeData()))
        event->acceptProposedAction();
}

void MainWindow::dropEvent(QDropEvent *event) {
    if (m_inbox->takesDrag(event->mimeData())) {
        // A capture from the inbox: filed into the entry it was dropped on.
        const QPoint at = m_entryView->mapFrom(this, event->position().toPoint());
        if (!m_entryView->rect().contains(at)) return;
        event->acceptProposedAction();
        m_inbox->dropOnPage(event->mimeData(), at);
        return;
    }
    const QStringList paths = FilesController::droppedFiles(event->mimeData());
    if (paths.isEmpty()) return;
    event->acceptProposedAction();
    // Dropped on the page: the entry the person is at takes the files, if it can.
    attachFiles(currentEntry(), paths);
}

// What the window's parts hold, and the commands its controllers carry out.

bool MainWindow::isBusy() const {
    return m_busy || (m_sync && m_sync->isRunning());
}

QString MainWindow::openFolderPath() const {
    return m_files->openFolderPath();
}

QString MainWindow::currentEntry() const {
    return m_navigator->currentEntry();
}

QDialog *MainWindow::gateDialog() const {
    return m_lock->gate();
}

IdleLock *MainWindow::idleLock() const {
    return m_lock->idleLock();
}

QTreeView *MainWindow::sidebar() const {
    return m_navigator->sidebar();
}

SidebarModel *MainWindow::sidebarModel() const {
    return m_navigator->sidebarModel();
}

QString MainWindow::currentExperiment() const {
    return m_navigator->experiment();
}

const EntryRun &MainWindow::shownRun() const {
    return m_navigator->run();
}

SearchPanel *MainWindow::searchPanel() const {
    return m_search->panel();
}

QLineEdit *MainWindow::searchField() const {
    return m_actions->searchField;
}

AttachmentPanel *MainWindow::attachmentPanel() const {
    return m_details->attachments();
}

void MainWindow::syncNow() {
    m_sharing->syncNow();
}

void MainWindow::showRemoteSettings() {
    m_sharing->openRemoteSettings(this);
}

void MainWindow::showMembers() {
    m_sharing->showMembers();
}

void MainWindow::showSyncAlarm() {
    m_sharing->showSyncAlarm();
}

void MainWindow::showExperiment(const QString &experiment) {
    m_navigator->showExperiment(experiment);
}

void MainWindow::newExperiment() {
    m_entries->newExperiment();
}

void MainWindow::newEntry() {
    m_entries->newEntry();
}

void MainWindow::editEntry(const QString &entry) {
    m_entries->editEntry(entry);
}

void MainWindow::voidEntry(const QString &entry) {
    m_entries->voidEntry(entry);
}

void MainWindow::attachFile() {
    attachFiles(QString());
}

void MainWindow::attachFiles(const QString &entry, const QStringList &paths) {
    m_files->attachFiles(entry, paths);
}

void MainWindow::signEntry(const QString &entry) {
    m_signing->signEntry(entry);
}

CommentDialog *MainWindow::commentOnEntry(const QString &entry) {
    if (!m_notebook || isBusy() || entry.isEmpty()) return nullptr;
    auto latest = m_notebook->entry(entry, 0);
    if (!latest) {
        showProblem(this, tr("The entry could not be read"), latest.error());
        return nullptr;
    }
    auto *dialog = new CommentDialog(m_notebook.get(), *latest, this);
    connect(dialog, &QDialog::finished, dialog, &QObject::deleteLater);
    dialog->open();
    return dialog;
}

void MainWindow::showReviewQueue() {
    m_signing->showReviewQueue();
}

void MainWindow::exportPdf() {
    m_signing->exportPdf();
}

void MainWindow::signPdf(const QString &path) {
    m_signing->signPdf(path);
}

ImportElnDialog *MainWindow::importEln(const QString &path) {
    if (!notebook() || isBusy()) return nullptr;
    QString file = path;
    if (file.isEmpty())
        file = QFileDialog::getOpenFileName(this, tr("Choose a .eln file to import"),
                                            QDir::homePath(), tr("ELN archives (*.eln *.zip)"));
    if (file.isEmpty() || !notebook() || isBusy()) return nullptr;
    auto *dialog = new ImportElnDialog(notebook(), file, this);
    connect(dialog, &QDialog::finished, dialog, &QObject::deleteLater);
    connect(dialog, &ImportElnDialog::busyChanged, this,
            [this](bool busy) { busy ? beginWork() : endWork(); });
    connect(dialog, &ImportElnDialog::imported, this, [this](const QStringList &experiments) {
        refreshWhenFree();
        if (!experiments.isEmpty()) showExperiment(experiments.first());
    });
    dialog->open();
    dialog->start();
    return dialog;
}

void MainWindow::verifyPdf(const QString &path) {
    m_signing->verifyPdf(path);
}

void MainWindow::showTimestampSettings() {
    m_signing->openTimestampSettings(this);
}

void MainWindow::exportEvidence(const QString &signatureId, const QString &parentDir) {
    m_signing->exportEvidence(signatureId, parentDir);
}

void MainWindow::showHistory(const QString &entry, int version) {
    m_entries->showHistory(entry, version);
}

void MainWindow::focusSearch() {
    m_search->focusSearch();
}

void MainWindow::closeSearch() {
    m_search->closeSearch();
}

void MainWindow::openAt(const QString &experiment, const QString &entry) {
    m_navigator->openAt(experiment, entry);
}

} // namespace quire::widgets
