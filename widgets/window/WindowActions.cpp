#include "window/WindowActions.h"

#include "common/DialogParts.h"

#include <QAction>
#include <QCoreApplication>
#include <QLineEdit>
#include <QMainWindow>
#include <QMenuBar>
#include <QMessageBox>
#include <QToolBar>
#include <QToolButton>

namespace quire::widgets {

WindowActions::WindowActions(QMainWindow *window)
    : QObject(window)
    , m_window(window) {
    buildActions();
    buildMenusAndToolBar();
}

void WindowActions::buildActions() {
    // Words are set in retranslate(), so that a change of language reaches them too.
    auto action = [this](const char *icon, const char *fallback, const char *name) {
        auto *a = new QAction(icon ? themeIcon(icon, fallback) : QIcon(), QString(), m_window);
        a->setObjectName(QLatin1String(name));
        return a;
    };
    openNotebook = action("document-open", nullptr, "openNotebookAction");
    openNotebook->setShortcut(QKeySequence::Open);
    newNotebook = action(nullptr, nullptr, "newNotebookAction");
    newNotebook->setShortcut(QKeySequence(Qt::CTRL | Qt::ALT | Qt::Key_N));

    newExperiment = action("folder-new", nullptr, "newExperimentAction");
    newExperiment->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_N));

    newFromTemplate = action(nullptr, nullptr, "newFromTemplateAction");
    saveAsTemplate = action(nullptr, nullptr, "saveAsTemplateAction");

    newEntry = action("document-new", nullptr, "newEntryAction");
    newEntry->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_N));

    editEntry = action("accessories-text-editor", "edit-paste", "editEntryAction");
    editEntry->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_E));

    voidEntry = action("edit-delete", nullptr, "voidEntryAction");

    attach = action("mail-attachment", nullptr, "attachAction");
    attach->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_A));

    lock = action("system-lock-screen", nullptr, "lockAction");
    lock->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_L));

    syncNow = action("view-refresh", nullptr, "syncNowAction");
    syncNow->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_S));

    remoteSettings = action("network-server", nullptr, "remoteSettingsAction");

    sign = action("document-edit", "accessories-text-editor", "signAction");
    sign->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_G));

    history = action("document-open-recent", nullptr, "historyAction");
    history->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_H));

    reviewQueue = action("mail-unread", nullptr, "reviewQueueAction");

    timestamps = action("appointment-soon", nullptr, "timestampSettingsAction");

    auditTrail = action("document-properties", nullptr, "auditTrailAction");
    instruments = action("scanner", nullptr, "instrumentsAction");

    members = action("system-users", nullptr, "membersAction");
    addComputer = action("computer", nullptr, "addComputerAction");
    recoveryCode = action("dialog-password", nullptr, "recoveryCodeAction");

    find = action("edit-find", nullptr, "findAction");
    find->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_F));

    showDetails = action("view-right-pane", "document-properties", "showDetailsAction");
    showDetails->setCheckable(true);
    showDetails->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_D));

    settings = action("preferences-system", nullptr, "settingsAction");
    settings->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_Comma));
    settings->setMenuRole(QAction::PreferencesRole);

    exportPdf = action("document-export", "document-save-as", "exportPdfAction");
    exportPdf->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_E));

    exportEln = action(nullptr, nullptr, "exportElnAction");
    signPdf = action(nullptr, nullptr, "signPdfAction");
    verifyPdf = action(nullptr, nullptr, "verifyPdfAction");
    importEln = action("document-import", nullptr, "importElnAction");

    quit = action("application-exit", nullptr, "quitAction");
    quit->setShortcut(QKeySequence::Quit);
    quit->setMenuRole(QAction::QuitRole);

    about = action(nullptr, nullptr, "aboutAction");
    about->setMenuRole(QAction::AboutRole);
    connect(about, &QAction::triggered, m_window, [this] {
        QMessageBox::about(m_window, tr("About Quire"),
                           tr("<p><b>Quire</b> %1</p><p>An electronic lab notebook. Every saved "
                              "version is kept, sealed and attributable.</p>")
                               .arg(QCoreApplication::applicationVersion().toHtmlEscaped()));
    });
}

void WindowActions::buildMenusAndToolBar() {
    QMenuBar *menuBar = m_window->menuBar();
    m_fileMenu = menuBar->addMenu(QString());
    m_fileMenu->addAction(openNotebook);
    m_fileMenu->addAction(newNotebook);
    m_fileMenu->addSeparator();
    m_fileMenu->addAction(newExperiment);
    m_fileMenu->addAction(newFromTemplate);
    m_fileMenu->addAction(newEntry);
    m_fileMenu->addAction(saveAsTemplate);
    m_fileMenu->addSeparator();
    m_fileMenu->addAction(exportPdf);
    m_fileMenu->addAction(signPdf);
    m_fileMenu->addAction(verifyPdf);
    m_fileMenu->addSeparator();
    m_fileMenu->addAction(exportEln);
    m_fileMenu->addAction(importEln);
    m_fileMenu->addSeparator();
    m_fileMenu->addAction(settings);
    m_fileMenu->addSeparator();
    m_fileMenu->addAction(lock);
    m_fileMenu->addSeparator();
    m_fileMenu->addAction(quit);
    m_entryMenu = menuBar->addMenu(QString());
    m_entryMenu->addAction(editEntry);
    m_entryMenu->addAction(attach);
    m_entryMenu->addSeparator();
    m_entryMenu->addAction(sign);
    m_entryMenu->addAction(history);
    m_entryMenu->addSeparator();
    m_entryMenu->addAction(voidEntry);
    m_notebookMenu = menuBar->addMenu(QString());
    m_notebookMenu->addAction(find);
    m_notebookMenu->addSeparator();
    m_notebookMenu->addAction(syncNow);
    m_notebookMenu->addSeparator();
    m_notebookMenu->addAction(reviewQueue);
    m_notebookMenu->addAction(timestamps);
    m_notebookMenu->addAction(auditTrail);
    m_notebookMenu->addAction(instruments);
    m_notebookMenu->addSeparator();
    m_notebookMenu->addAction(remoteSettings);
    m_notebookMenu->addAction(members);
    m_notebookMenu->addAction(addComputer);
    m_notebookMenu->addAction(recoveryCode);
    m_viewMenu = menuBar->addMenu(QString());
    m_viewMenu->addAction(showDetails);
    m_helpMenu = menuBar->addMenu(QString());
    m_helpMenu->addAction(about);

    m_toolBar = m_window->addToolBar(QString());
    QToolBar *bar = m_toolBar;
    bar->setObjectName(QStringLiteral("mainToolBar"));
    bar->setMovable(false);
    bar->setFloatable(false);
    bar->setToolButtonStyle(Qt::ToolButtonTextBesideIcon);
    bar->setIconSize(QSize(20, 20));
    bar->addAction(newExperiment);
    bar->addAction(newEntry);
    bar->addAction(editEntry);
    bar->addAction(attach);
    bar->addAction(sign);
    bar->addSeparator();
    bar->addAction(syncNow);
    auto *spacer = new QWidget(bar);
    spacer->setSizePolicy(QSizePolicy::Expanding, QSizePolicy::Preferred);
    bar->addWidget(spacer);
    searchField = new QLineEdit(bar);
    searchField->setObjectName(QStringLiteral("searchField"));
    searchField->setClearButtonEnabled(true);
    searchField->addAction(themeIcon("edit-find"), QLineEdit::LeadingPosition);
    searchField->setFixedWidth(300);
    bar->addWidget(searchField);
    auto *gap = new QWidget(bar);
    gap->setFixedWidth(8);
    bar->addWidget(gap);
    bar->addAction(lock);
    // Tab reaches the toolbar's commands too, not only the mouse (a toolbar's buttons take no
    // focus by default).
    for (QAction *action : bar->actions())
        if (auto *button = qobject_cast<QToolButton *>(bar->widgetForAction(action)))
            button->setFocusPolicy(Qt::TabFocus);
}

void WindowActions::retranslate() {
    // A tooltip names the action's shortcut as this desktop writes it.
    auto tip = [](QAction *action, const QString &text) {
        const QString keys = action->shortcut().toString(QKeySequence::NativeText);
        action->setToolTip(keys.isEmpty() ? text : tr("%1 (%2)").arg(text, keys));
    };
    openNotebook->setText(tr("&Open notebook…"));
    tip(openNotebook, tr("Another notebook, in a window of its own"));
    newNotebook->setText(tr("New note&book…"));
    tip(newNotebook, tr("Create a notebook, in a window of its own"));
    newExperiment->setText(tr("New e&xperiment…"));
    tip(newExperiment, tr("Start a new experiment"));
    newExperiment->setIconText(tr("New experiment"));
    newFromTemplate->setText(tr("New experiment &from template…"));
    tip(newFromTemplate, tr("Start a new experiment with the entries of a template"));
    saveAsTemplate->setText(tr("Save experiment as te&mplate…"));
    tip(saveAsTemplate, tr("Keep the experiment on the page as a template for new ones"));
    newEntry->setText(tr("&New entry…"));
    tip(newEntry, tr("Write a new entry in the experiment on the page"));
    newEntry->setIconText(tr("New entry"));
    editEntry->setText(tr("&Edit entry…"));
    tip(editEntry, tr("Write a new version of the chosen entry"));
    editEntry->setIconText(tr("Edit"));
    voidEntry->setText(tr("&Void entry…"));
    tip(voidEntry, tr("Withdraw the chosen entry, with a reason; it stays readable in its "
                      "history"));
    attach->setText(tr("&Attach file…"));
    tip(attach, tr("Store a file with an entry of the experiment on the page"));
    attach->setIconText(tr("Attach file"));
    lock->setText(tr("&Lock notebook"));
    tip(lock, tr("Close the notebook until the passphrase is entered again"));
    lock->setIconText(tr("Lock"));
    syncNow->setText(tr("&Sync now"));
    tip(syncNow, tr("Send your changes to the shared repository and receive the others'"));
    syncNow->setIconText(tr("Sync now"));
    remoteSettings->setText(tr("&Remote settings…"));
    remoteSettings->setToolTip(tr("Where this notebook is shared, and how to log in there"));
    sign->setText(tr("&Sign…"));
    tip(sign, tr("Sign the chosen entry with your electronic signature"));
    sign->setIconText(tr("Sign"));
    history->setText(tr("&History…"));
    tip(history, tr("Every version of the chosen entry and what changed between them"));
    reviewQueue->setToolTip(tr("Entries signed by their authors that wait for your "
                               "countersignature"));
    timestamps->setText(tr("&Time-stamp authorities…"));
    timestamps->setToolTip(tr("Who vouches for when your records existed, and records still "
                              "waiting for a trusted time"));
    auditTrail->setText(tr("&Audit trail…"));
    auditTrail->setToolTip(tr("Everything recorded in this notebook, by whom and when"));
    instruments->setText(tr("&Instruments…"));
    instruments->setToolTip(tr("The lab's instruments and the folders on this computer their "
                               "files are taken from"));
    members->setText(tr("&Members…"));
    members->setToolTip(tr("Who belongs to this notebook; invite, approve and revoke members"));
    addComputer->setText(tr("Add my &other computer…"));
    addComputer->setToolTip(tr("Use this notebook as yourself on another computer too"));
    recoveryCode->setText(tr("Re&covery code…"));
    recoveryCode->setToolTip(
        tr("The code that brings you and the notebook back on a new computer, and its sheet"));
    find->setText(tr("&Find…"));
    tip(find, tr("Search titles, text and file names"));
    showDetails->setText(tr("&Details beside the page"));
    tip(showDetails, tr("The chosen entry's files, signatures and versions, beside the page"));
    settings->setText(tr("Se&ttings…"));
    tip(settings, tr("Sharing, trusted time, locking and language"));
    exportPdf->setText(tr("Export as &PDF…"));
    tip(exportPdf, tr("The experiment on the page as a PDF, optionally signed, with the records "
                      "that prove it embedded"));
    // Not .e&ln: L is Lock notebook's letter in this menu.
    exportEln->setText(tr("Export as .&eln…"));
    tip(exportEln, tr("Experiments as a .eln file other lab notebooks read, with the records, "
                      "signatures and time-stamps that prove them"));
    signPdf->setText(tr("Si&gn a PDF…"));
    signPdf->setToolTip(tr("Add your electronic signature to a PDF exported from this notebook"));
    verifyPdf->setText(tr("&Verify a PDF…"));
    verifyPdf->setToolTip(tr("Check a PDF's signatures, time-stamps and embedded records "
                             "against this notebook"));
    importEln->setText(tr("&Import .eln…"));
    importEln->setToolTip(tr("Read an archive another electronic lab notebook exported (.eln) "
                             "into new experiments"));
    quit->setText(tr("&Quit"));
    about->setText(tr("&About Quire"));

    m_fileMenu->setTitle(tr("&File"));
    m_entryMenu->setTitle(tr("&Entry"));
    m_notebookMenu->setTitle(tr("&Notebook"));
    m_viewMenu->setTitle(tr("&View"));
    m_helpMenu->setTitle(tr("&Help"));
    m_toolBar->setWindowTitle(tr("Main toolbar"));
    searchField->setPlaceholderText(
        tr("Search the notebook (%1)").arg(find->shortcut().toString(QKeySequence::NativeText)));
    searchField->setAccessibleName(tr("Search"));
}

void WindowActions::update(const State &state) {
    const bool open = state.hasNotebook && !state.busy;
    newExperiment->setEnabled(open && !state.joining);
    newFromTemplate->setEnabled(open && !state.joining);
    saveAsTemplate->setEnabled(state.hasExperiment && !state.joining);
    newEntry->setEnabled(state.hasExperiment);
    attach->setEnabled(state.hasExperiment);
    exportPdf->setEnabled(state.hasExperiment && !state.joining && state.hasEntries);
    exportEln->setEnabled(open && !state.joining);
    signPdf->setEnabled(open && !state.joining);
    verifyPdf->setEnabled(open && !state.joining);
    importEln->setEnabled(open && !state.joining);
    // Editing and voiding are for the author of an entry that is not voided.
    editEntry->setEnabled(state.ownEntry);
    voidEntry->setEnabled(state.ownEntry);
    // Locking during a sync waits for the sync to stop (MainWindow::lock() cancels it).
    lock->setEnabled(state.hasNotebook && !state.workerBusy);
    syncNow->setEnabled(open);
    remoteSettings->setEnabled(open);
    members->setEnabled(open);
    addComputer->setEnabled(open && !state.joining);
    recoveryCode->setEnabled(open);
    sign->setEnabled(state.hasExperiment && !state.joining && state.unvoidedEntry);
    reviewQueue->setEnabled(open && !state.joining);
    timestamps->setEnabled(open && !state.joining);
    history->setEnabled(state.hasExperiment && !state.joining && state.hasEntries);
    auditTrail->setEnabled(open && !state.joining);
    instruments->setEnabled(open && !state.joining);
    find->setEnabled(open && !state.joining);
    searchField->setEnabled(open && !state.joining);
    settings->setEnabled(!state.busy);
    showDetails->setEnabled(state.hasNotebook);
}

void WindowActions::setReviewCount(int count) {
    m_reviewCount = count;
    showReviewCount();
}

void WindowActions::showReviewCount() {
    const int count = m_reviewCount;
    reviewQueue->setText(count > 0 ? tr("&Waiting for my signature (%1)").arg(count)
                                   : tr("&Waiting for my signature"));
}

void WindowActions::showReviewCountUnknown() {
    reviewQueue->setText(tr("&Waiting for my signature"));
}

} // namespace quire::widgets
