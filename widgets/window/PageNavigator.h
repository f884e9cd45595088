#pragma once
// PageNavigator: which experiment the page shows and which run of its entries (a long
// experiment is read a page of kPageSize entries at a time), the entry the person is at, and
// the sidebar row that stands for the experiment. It fills the sidebar tree, keeps its open
// folders across a refill, and turns a click in it or a link on the page ("#sign-…",
// "#evidence-…", "earlier entries"…) into the window's commands.
//
// It reads the notebook only while no worker has it; a page asked for meanwhile is shown when
// the window catches up (showIfPending()).

#include "Notebook.h"

#include <QObject>

class QModelIndex;
class QTreeView;
class QUrl;
class QWidget;

namespace quire::widgets {

class DetailsPanel;
class EntryPageView;
class MainWindow;
class SidebarModel;

class PageNavigator : public QObject {
    Q_OBJECT
public:
    // How the page moves through a long experiment's entries.
    enum class RunMove { Latest, Earlier, Later, All, Around };

    explicit PageNavigator(MainWindow *window);

    // Makes the sidebar tree and its model, a child of `parent`.
    QTreeView *buildSidebar(QWidget *parent);
    // The page and the details beside it, which show what the navigator chose.
    void setViews(EntryPageView *page, DetailsPanel *details);
    QTreeView *sidebar() const { return m_sidebar; }
    SidebarModel *sidebarModel() const { return m_sidebarModel; }

    // The experiment on the page.
    QString experiment() const { return m_experiment; }
    // The entries on the page, and where they stand among the experiment's (paging).
    const EntryRun &run() const { return m_run; }
    const QList<EntryVersion> &shownEntries() const { return m_shownEntries; }
    // The entry the person is at: the one a link, a search result or the attachments panel
    // chose last, else the last entry on the page that is not voided.
    QString currentEntry() const;
    void setCurrentEntry(const QString &entry) { m_currentEntry = entry; }
    // Where the next page opens: at this entry's anchor, and in this experiment (after a
    // refresh).
    void setPendingAnchor(const QString &anchor) { m_pendingAnchor = anchor; }
    void setPendingSelection(const QString &experiment) { m_pendingSelection = experiment; }
    // The experiment a refresh shows: the one asked for, else the one on the page.
    QString takeWantedExperiment();

    // Fills the sidebar anew; the folders that were open stay open.
    void fillSidebar(const QList<ExperimentInfo> &experiments, const QList<ReviewItem> &waiting,
                     const QList<CaptureInfo> &inbox = {});
    // After a refresh: the wanted experiment if it is still there, else `fallback`.
    void showAfterRefresh(const QString &wanted, const QString &fallback);
    // The notebook has no experiment (left): nothing is on the page.
    void forgetExperiment() { m_experiment.clear(); }

    // Makes the experiment the one on the page; another one opens at its latest entries.
    void chooseExperiment(const QString &experiment);
    // Shows an experiment's page (the latest entries).
    void showExperiment(const QString &experiment);
    // Shows the experiment, scrolled to the entry (if given) and marked.
    void openAt(const QString &experiment, const QString &entry);
    // Which entries the page shows next; Around keeps the run, moved to hold the anchor's entry.
    void moveRun(RunMove move);
    void showCurrentExperiment();
    // A page asked for while a worker had the notebook.
    void showIfPending();
    void dropPendingShow() { m_showPending = false; }
    void selectInSidebar(const QString &experiment);
    // The page's own links ("#sign-…", "#evidence-…") arrive as a change of its URL.
    void pageUrlChanged(const QUrl &url);
    // An entry in conflict, its versions side by side (history/ConflictDialog), ready to resolve
    // when `resolve` (the page's Resolve… link).
    void showConflict(const QString &entry, bool resolve);
    // At lock: nothing of the notebook stays but which experiment was on the page, so that
    // unlocking comes back to it.
    void clear();

signals:
    // What the page shows, or the entry the person is at, changed: the commands follow.
    void changed();

private:
    void sidebarActivated(const QModelIndex &index);
    // Keeps which sidebar folders are open across a refill of the sidebar.
    QStringList openSidebarKeys() const;
    void reopenSidebarKeys(const QStringList &keys);

    MainWindow *m_window;
    QTreeView *m_sidebar = nullptr;
    SidebarModel *m_sidebarModel = nullptr;
    EntryPageView *m_entryView = nullptr;
    DetailsPanel *m_details = nullptr;
    QString m_pendingSelection;
    QString m_pendingAnchor;
    bool m_showPending = false;
    QString m_experiment; // on the page
    // The run of entries on the page: from where (-1: the latest), how many (-1: all).
    int m_runFirst = -1;
    int m_runCount = 0;
    EntryRun m_run;
    QString m_currentEntry;
    // The entries on the page now, for the sign dialog and the page's links.
    QList<EntryVersion> m_shownEntries;
};

} // namespace quire::widgets
