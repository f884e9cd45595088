#include "window/PageNavigator.h"

#include "common/DialogParts.h"
#include "details/AttachmentPanel.h"
#include "details/DetailsPanel.h"
#include "history/ConflictDialog.h"
#include "page/EntryPageRenderer.h"
#include "page/EntryPageView.h"
#include "sidebar/SidebarDelegate.h"
#include "sidebar/SidebarModel.h"
#include "window/MainWindow.h"

#include <QGuiApplication>
#include <QStatusBar>
#include <QTreeView>

#include <algorithm>
#include <functional>

namespace quire::widgets {

PageNavigator::PageNavigator(MainWindow *window)
    : QObject(window)
    , m_window(window) {}

QTreeView *PageNavigator::buildSidebar(QWidget *parent) {
    m_sidebarModel = new SidebarModel(m_window);
    m_sidebar = new QTreeView(parent);
    m_sidebar->setObjectName(QStringLiteral("sidebar"));
    m_sidebar->setModel(m_sidebarModel);
    m_sidebar->setItemDelegate(new SidebarDelegate(m_sidebar));
    m_sidebar->setHeaderHidden(true);
    m_sidebar->setIndentation(14);
    m_sidebar->setFrameShape(QFrame::NoFrame);
    m_sidebar->setSelectionMode(QAbstractItemView::SingleSelection);
    m_sidebar->setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    m_sidebar->setExpandsOnDoubleClick(false);
    // Captures in the inbox are dragged onto an experiment to be filed into one of its entries.
    m_sidebar->setDragDropMode(QAbstractItemView::DragDrop);
    m_sidebar->setDefaultDropAction(Qt::CopyAction);
    m_sidebar->setDropIndicatorShown(true);
    m_sidebar->setContextMenuPolicy(Qt::CustomContextMenu);
    m_sidebar->setAnimated(false);
    // The sidebar's own background, set apart from the page beside it.
    m_sidebar->setStyleSheet(QStringLiteral("QTreeView#sidebar { background: palette(window); }"));
    // A click shows an experiment or an entry (again, if it is the one shown) and opens or
    // closes a group or folder. The arrow keys show the experiment or entry they move to; Left
    // and Right open and close folders, as in any tree.
    connect(m_sidebar->selectionModel(), &QItemSelectionModel::currentChanged, this,
            [this](const QModelIndex &current) {
                const auto kind = SidebarModel::Kind(current.data(SidebarModel::KindRole).toInt());
                if (QGuiApplication::mouseButtons() == Qt::NoButton &&
                    (kind == SidebarModel::Kind::Experiment || kind == SidebarModel::Kind::Review))
                    sidebarActivated(current);
            });
    connect(m_sidebar, &QTreeView::clicked, this, &PageNavigator::sidebarActivated);
    return m_sidebar;
}

void PageNavigator::setViews(EntryPageView *page, DetailsPanel *details) {
    m_entryView = page;
    m_details = details;
}

QString PageNavigator::takeWantedExperiment() {
    const QString wanted = m_pendingSelection.isEmpty() ? m_experiment : m_pendingSelection;
    m_pendingSelection.clear();
    return wanted;
}

void PageNavigator::fillSidebar(const QList<ExperimentInfo> &experiments,
                                const QList<ReviewItem> &waiting, const QList<CaptureInfo> &inbox) {
    const bool first = m_sidebarModel->rowCount() == 0;
    const bool inboxWasEmpty = m_sidebarModel->inbox().isEmpty();
    const QStringList open = openSidebarKeys();
    m_sidebarModel->setContent(experiments, waiting, inbox);
    // New captures are there to be seen.
    if (inboxWasEmpty) m_sidebar->expand(m_sidebarModel->indexOfGroup(SidebarModel::Group::Inbox));
    if (first) {
        // At first the way to one's experiments is open, and so is what waits for one.
        m_sidebar->expand(m_sidebarModel->indexOfGroup(SidebarModel::Group::Waiting));
        const QModelIndex projects = m_sidebarModel->indexOfGroup(SidebarModel::Group::Projects);
        m_sidebar->expand(projects);
        for (int row = 0; row < m_sidebarModel->rowCount(projects); ++row)
            m_sidebar->expand(m_sidebarModel->index(row, 0, projects));
    } else {
        reopenSidebarKeys(open);
    }
}

void PageNavigator::showAfterRefresh(const QString &wanted, const QString &fallback) {
    chooseExperiment(m_sidebarModel->experiment(wanted) ? wanted : fallback);
    selectInSidebar(m_experiment);
    showCurrentExperiment();
}

QStringList PageNavigator::openSidebarKeys() const {
    QStringList keys;
    std::function<void(const QModelIndex &)> walk = [&](const QModelIndex &parent) {
        for (int row = 0; row < m_sidebarModel->rowCount(parent); ++row) {
            const QModelIndex index = m_sidebarModel->index(row, 0, parent);
            if (!m_sidebar->isExpanded(index)) continue;
            keys << index.data(SidebarModel::KeyRole).toString();
            walk(index);
        }
    };
    walk({});
    return keys;
}

void PageNavigator::reopenSidebarKeys(const QStringList &keys) {
    for (const QString &key : keys)
        m_sidebar->expand(m_sidebarModel->indexOfKey(key));
    // What waits for my signature is news: it opens when it arrives.
    m_sidebar->expand(m_sidebarModel->indexOfGroup(SidebarModel::Group::Waiting));
}

void PageNavigator::selectInSidebar(const QString &experiment) {
    // The row that stands for the shown experiment, unless one of its other rows is chosen.
    const QModelIndex current = m_sidebar->currentIndex();
    if (current.isValid() &&
        SidebarModel::Kind(current.data(SidebarModel::KindRole).toInt()) ==
            SidebarModel::Kind::Experiment &&
        current.data(SidebarModel::UuidRole).toString() == experiment)
        return;
    const QModelIndex index = m_sidebarModel->indexOfExperiment(experiment);
    if (!index.isValid()) return;
    const QSignalBlocker quiet(m_sidebar->selectionModel());
    m_sidebar->setCurrentIndex(index);
    m_sidebar->scrollTo(index);
}

void PageNavigator::sidebarActivated(const QModelIndex &index) {
    if (!index.isValid()) return;
    switch (SidebarModel::Kind(index.data(SidebarModel::KindRole).toInt())) {
    case SidebarModel::Kind::Experiment:
        showExperiment(index.data(SidebarModel::UuidRole).toString());
        break;
    case SidebarModel::Kind::Review:
        // The entry, on its page, with its signatures beside it.
        openAt(index.data(SidebarModel::UuidRole).toString(),
               index.data(SidebarModel::EntryRole).toString());
        m_window->setDetailsVisible(true);
        m_details->showTab(DetailsPanel::SignaturesTab);
        break;
    default:
        m_sidebar->setExpanded(index, !m_sidebar->isExpanded(index));
    }
}

void PageNavigator::chooseExperiment(const QString &experiment) {
    if (experiment == m_experiment) return;
    m_experiment = experiment;
    m_runFirst = -1;
    m_runCount = EntryPageRenderer::kPageSize;
    m_currentEntry.clear();
}

void PageNavigator::showExperiment(const QString &experiment) {
    if (!m_window->notebook() || experiment.isEmpty()) return;
    chooseExperiment(experiment);
    selectInSidebar(experiment);
    showCurrentExperiment();
}

void PageNavigator::openAt(const QString &experiment, const QString &entry) {
    if (!m_window->notebook() || experiment.isEmpty()) return;
    chooseExperiment(experiment);
    m_pendingAnchor = entry.isEmpty() ? QString() : EntryPageRenderer::anchorFor(entry);
    if (!entry.isEmpty()) m_currentEntry = entry;
    selectInSidebar(experiment);
    // The run of entries on the page moves, if need be, to hold the entry.
    showCurrentExperiment();
}

void PageNavigator::moveRun(RunMove move) {
    const int size = EntryPageRenderer::kPageSize;
    switch (move) {
    case RunMove::Latest:
        m_runFirst = -1;
        m_runCount = size;
        break;
    case RunMove::Earlier:
        m_runFirst = std::max(0, m_run.first - size);
        m_runCount = size;
        break;
    case RunMove::Later:
        m_runFirst = m_run.first + int(m_run.entries.size());
        m_runCount = size;
        break;
    case RunMove::All:
        m_runFirst = 0;
        m_runCount = -1;
        break;
    case RunMove::Around:
        break;
    }
    showCurrentExperiment();
}

void PageNavigator::showCurrentExperiment() {
    const QString uuid = m_experiment;
    emit changed();
    Notebook *notebook = m_window->notebook();
    if (!notebook || uuid.isEmpty()) return;
    if (m_window->isBusy()) {
        m_showPending = true;
        return;
    }
    const QString marked = EntryPageRenderer::entryForAnchor(m_pendingAnchor);
    auto experiment = notebook->experiment(uuid);
    auto run = notebook->entryRun(uuid, m_runFirst, m_runCount, marked);
    if (!experiment || !run) {
        showProblem(m_window, tr("The experiment could not be shown"),
                    experiment ? run.error() : experiment.error());
        return;
    }
    m_run = *run;
    m_runFirst = m_run.first; // the run stays where it is when the page is made again
    m_shownEntries = m_run.entries;
    if (!marked.isEmpty()) m_currentEntry = marked;
    const QString me = notebook->me().uuid;
    m_entryView->showDocument(EntryPageRenderer::experimentPage(*experiment, m_run, me),
                              m_pendingAnchor);
    m_pendingAnchor.clear();
    m_details->setEntries(m_shownEntries, me, m_run.first + 1);
    m_details->setCurrentEntry(currentEntry());
    emit changed();
}

void PageNavigator::showIfPending() {
    if (!m_showPending) return;
    m_showPending = false;
    showCurrentExperiment();
}

QString PageNavigator::currentEntry() const {
    for (const EntryVersion &e : m_shownEntries)
        if (e.uuid == m_currentEntry) return e.uuid;
    for (auto it = m_shownEntries.crbegin(); it != m_shownEntries.crend(); ++it)
        if (it->status != QLatin1String("void")) return it->uuid;
    return m_shownEntries.isEmpty() ? QString() : m_shownEntries.last().uuid;
}

void PageNavigator::pageUrlChanged(const QUrl &url) {
    const QString fragment = url.fragment();
    if (const QString at = EntryPageRenderer::entryForAnchor(fragment); !at.isEmpty()) {
        // A click on an entry's title (or the page opened at it): the details are about it.
        m_currentEntry = at;
        m_details->setCurrentEntry(at);
        emit changed();
        return;
    }
    const QString entry = EntryPageRenderer::entryToSign(fragment);
    const QString signature = EntryPageRenderer::signatureForEvidence(fragment);
    const QString history = EntryPageRenderer::entryForHistory(fragment);
    const QString file = EntryPageRenderer::attachmentForFile(fragment);
    const QString edit = EntryPageRenderer::entryToEdit(fragment);
    const QString comment = EntryPageRenderer::entryToComment(fragment);
    const EntryPageRenderer::PageMove move = EntryPageRenderer::pageMoveFor(fragment);
    const QString compare = EntryPageRenderer::entryToCompare(fragment);
    const QString resolve = EntryPageRenderer::entryToResolve(fragment);
    if (entry.isEmpty() && signature.isEmpty() && history.isEmpty() && file.isEmpty() &&
        edit.isEmpty() && compare.isEmpty() && resolve.isEmpty() && comment.isEmpty() &&
        move == EntryPageRenderer::PageMove::None)
        return;
    // The page's address goes back to the entry it was at, so that the same link clicked again
    // changes it again; the dialog opens once the engine has finished with this navigation.
    m_entryView->setFragment(
        m_currentEntry.isEmpty() ? QString() : EntryPageRenderer::anchorFor(m_currentEntry));
    QMetaObject::invokeMethod(
        this,
        [this, entry, signature, history, file, edit, comment, move, compare, resolve] {
            if (!m_window->notebook()) return;
            if (m_window->isBusy()) {
                m_window->statusBar()->showMessage(tr("Please wait until the sync has finished."),
                                                   5000);
                return;
            }
            if (!file.isEmpty()) {
                m_window->setAttachmentsVisible(true);
                m_window->attachmentPanel()->selectAttachment(file);
            } else if (!entry.isEmpty()) {
                m_window->signEntry(entry);
            } else if (!history.isEmpty()) {
                m_window->showHistory(history);
            } else if (!edit.isEmpty()) {
                m_window->editEntry(edit);
            } else if (!compare.isEmpty() || !resolve.isEmpty()) {
                showConflict(compare.isEmpty() ? resolve : compare, !resolve.isEmpty());
            } else if (!comment.isEmpty()) {
                m_window->commentOnEntry(comment);
            } else if (move != EntryPageRenderer::PageMove::None) {
                moveRun(move == EntryPageRenderer::PageMove::Earlier ? RunMove::Earlier
                        : move == EntryPageRenderer::PageMove::Later ? RunMove::Later
                                                                     : RunMove::All);
            } else {
                m_window->exportEvidence(signature);
            }
        },
        Qt::QueuedConnection);
}

void PageNavigator::showConflict(const QString &entry, bool resolve) {
    m_currentEntry = entry;
    auto *dialog = new ConflictDialog(m_window->notebook(), entry, resolve, m_window);
    connect(dialog, &QDialog::finished, dialog, &QObject::deleteLater);
    connect(dialog, &ConflictDialog::resolved, this, [this](const QString &resolved) {
        setPendingAnchor(EntryPageRenderer::anchorFor(resolved));
        m_window->statusBar()->showMessage(tr("The conflict was resolved"), 5000);
    });
    dialog->open();
}

void PageNavigator::clear() {
    m_pendingSelection = m_experiment;
    m_currentEntry.clear();
    m_sidebarModel->clear();
    m_experiment.clear();
    m_run = {};
    m_shownEntries.clear();
    m_pendingAnchor.clear();
    m_showPending = false;
}

} // namespace quire::widgets
