#include "window/EntryController.h"

#include "common/DialogParts.h"
#include "editor/EntryDialog.h"
#include "editor/ExperimentDialog.h"
#include "editor/VoidEntryDialog.h"
#include "history/HistoryDialog.h"
#include "page/EntryPageRenderer.h"
#include "window/MainWindow.h"
#include "window/PageNavigator.h"

#include <QDeadlineTimer>
#include <QStatusBar>
#include <QTimer>

#include <algorithm>

namespace quire::widgets {

EntryController::EntryController(MainWindow *window, PageNavigator *navigator)
    : QObject(window)
    , m_window(window)
    , m_navigator(navigator) {}

void EntryController::newExperiment() {
    if (!m_window->notebook() || m_window->hasWorker()) return;
    auto *dialog = new ExperimentDialog(m_window);
    connect(dialog, &QDialog::finished, dialog, &QObject::deleteLater);
    connect(dialog, &ExperimentDialog::submitted, this, [this, dialog] {
        Notebook *notebook = m_window->notebook();
        if (!notebook) return;
        auto uuid = notebook->createExperiment(dialog->title(), dialog->project(), dialog->tags());
        if (!uuid) {
            showProblem(dialog, tr("The experiment could not be created"), uuid.error());
            return;
        }
        m_navigator->setPendingSelection(*uuid);
        m_window->refreshSoon();
        m_window->statusBar()->showMessage(tr("Experiment “%1” created").arg(dialog->title()),
                                           5000);
        dialog->accept();
    });
    dialog->open();
}

void EntryController::newEntry() {
    const QString experiment = m_navigator->experiment();
    if (!m_window->notebook() || m_window->hasWorker() || experiment.isEmpty()) return;
    showEntryDialog(EntryDialog::newEntry(m_window->notebook(), experiment, m_window));
}

void EntryController::editEntry(const QString &entry) {
    const QString chosen = entry.isEmpty() ? m_navigator->currentEntry() : entry;
    if (!m_window->notebook() || m_window->hasWorker() || chosen.isEmpty()) return;
    // Versions in conflict are joined before anything else is written (model: editableHead).
    if (auto e = m_window->notebook()->entry(chosen); e && !e->conflict.isEmpty()) {
        m_navigator->showConflict(chosen, true);
        return;
    }
    QString problem;
    EntryDialog *dialog = EntryDialog::editEntry(m_window->notebook(), chosen, m_window, &problem);
    if (!dialog) {
        showProblem(m_window, tr("This entry cannot be changed"), problem);
        return;
    }
    m_navigator->setCurrentEntry(chosen);
    showEntryDialog(dialog);
}

void EntryController::showEntryDialog(EntryDialog *dialog) {
    if (!dialog) return;
    if (dialog->isVisible()) {
        // The entry is being written already: that window comes forward.
        dialog->raise();
        dialog->activateWindow();
        return;
    }
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    // A window of its own beside the notebook: the page stays readable while one writes.
    dialog->setWindowModality(Qt::NonModal);
    dialog->setBusyCheck([this] { return m_window->isBusy(); });
    connect(dialog, &EntryDialog::saved, this, [this](const QString &entry) {
        // The page is made again through Notebook::changed; it opens at the entry just saved.
        m_navigator->setCurrentEntry(entry);
        m_navigator->setPendingAnchor(EntryPageRenderer::anchorFor(entry));
        Notebook *notebook = m_window->notebook();
        if (!notebook || m_window->isBusy()) return;
        if (auto saved = notebook->entry(entry)) {
            m_navigator->setPendingSelection(saved->experiment);
            m_window->statusBar()->showMessage(
                tr("Version %1 of “%2” saved").arg(saved->version).arg(saved->title), 5000);
        }
    });
    dialog->show();
    dialog->raise();
    dialog->activateWindow();
}

void EntryController::recoverDrafts() {
    if (!m_window->notebook() || m_window->isJoining()) return;
    const QList<EntryDialog *> recovered =
        EntryDialog::recoverDrafts(m_window->notebook(), m_window);
    for (EntryDialog *dialog : recovered)
        showEntryDialog(dialog);
    if (!recovered.isEmpty())
        m_window->statusBar()->showMessage(
            tr("Opened %n texts that were not saved as versions yet.", nullptr,
               int(recovered.size())),
            8000);
}

void EntryController::voidEntry(const QString &entry) {
    const QString chosen = entry.isEmpty() ? m_navigator->currentEntry() : entry;
    if (!m_window->notebook() || m_window->isBusy() || chosen.isEmpty()) return;
    const QList<EntryVersion> &shown = m_navigator->shownEntries();
    const auto it = std::find_if(shown.cbegin(), shown.cend(),
                                 [&](const EntryVersion &e) { return e.uuid == chosen; });
    if (it == shown.cend()) return;
    const QString title = it->title;
    const bool wasSigned = it->signedByAuthor || it->changedAfterSigning;
    auto *dialog = new VoidEntryDialog(title, wasSigned, m_window);
    connect(dialog, &QDialog::finished, dialog, &QObject::deleteLater);
    connect(dialog, &VoidEntryDialog::submitted, this, [this, dialog, chosen, title] {
        Notebook *notebook = m_window->notebook();
        if (!notebook || m_window->isBusy()) return;
        if (auto r = notebook->voidEntry(chosen, dialog->reason()); !r) {
            showProblem(dialog, tr("The entry was not voided"), r.error());
            return;
        }
        m_navigator->setPendingAnchor(EntryPageRenderer::anchorFor(chosen));
        m_window->statusBar()->showMessage(tr("“%1” voided").arg(title), 5000);
        dialog->accept();
    });
    dialog->open();
}

void EntryController::showHistory(const QString &entry, int version) {
    const QList<EntryVersion> &shown = m_navigator->shownEntries();
    if (!m_window->notebook() || m_window->isBusy() || shown.isEmpty()) return;
    const QString chosen = entry.isEmpty() ? m_navigator->currentEntry() : entry;
    m_navigator->setCurrentEntry(chosen);
    auto *dialog = new HistoryDialog(m_window->notebook(), shown, chosen, m_window);
    connect(dialog, &QDialog::finished, dialog, &QObject::deleteLater);
    if (version > 0) dialog->showVersion(version);
    dialog->open();
}

QList<EntryDialog *> EntryController::visibleEntryWindows() const {
    QList<EntryDialog *> open;
    for (EntryDialog *dialog : m_window->findChildren<EntryDialog *>())
        if (dialog->isVisible()) open << dialog;
    return open;
}

void EntryController::closeEntryWindows(const std::function<void()> &then) {
    if (m_closingEntryWindows) return; // already under way; `then` of the first call follows
    m_closingEntryWindows = true;
    for (EntryDialog *dialog : visibleEntryWindows())
        dialog->keepAsDraftAndClose();
    // Each window asks its page for the text and writes it: a few milliseconds. A page that
    // does not answer within seconds is closed with the text it last reported.
    auto *wait = new QTimer(this);
    const QDeadlineTimer deadline(5000);
    connect(wait, &QTimer::timeout, this, [this, wait, deadline, then] {
        const QList<EntryDialog *> still = visibleEntryWindows();
        if (!still.isEmpty() && !deadline.hasExpired()) return;
        wait->deleteLater();
        for (EntryDialog *dialog : still)
            dialog->reject();
        m_closingEntryWindows = false;
        then();
    });
    wait->start(25);
}

} // namespace quire::widgets
