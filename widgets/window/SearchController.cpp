#include "window/SearchController.h"

#include "sidebar/SearchPanel.h"
#include "window/MainWindow.h"

#include <QLineEdit>
#include <QStackedWidget>
#include <QTreeView>

namespace quire::widgets {

SearchController::SearchController(MainWindow *window, QLineEdit *field, QStackedWidget *side,
                                   QTreeView *sidebar, SearchPanel *panel)
    : QObject(window)
    , m_window(window)
    , m_field(field)
    , m_side(side)
    , m_sidebar(sidebar)
    , m_panel(panel) {
    // Typing is searching: the results take the sidebar's place at the first key.
    connect(m_field, &QLineEdit::textEdited, this, &SearchController::showSearchSide);
    connect(m_panel, &SearchPanel::closeRequested, this, &SearchController::closeSearch);
}

void SearchController::showSearchSide() {
    if (!m_window->notebook() || m_side->currentIndex() == SearchSide) return;
    m_side->setCurrentIndex(SearchSide);
    if (!m_window->isBusy()) m_panel->reloadChoices();
}

void SearchController::focusSearch() {
    if (!m_window->notebook() || m_window->isJoining()) return;
    showSearchSide();
    m_field->setFocus(Qt::ShortcutFocusReason);
    m_field->selectAll();
}

void SearchController::closeSearch() {
    m_field->clear();
    m_side->setCurrentIndex(ExperimentsSide);
    if (m_window->notebook()) m_sidebar->setFocus();
}

void SearchController::setExperiments(const QList<ExperimentInfo> &experiments) {
    m_panel->setExperiments(experiments);
    // New tags or members may have arrived; results may have changed with them.
    if (m_side->currentIndex() == SearchSide) {
        m_panel->reloadChoices();
        m_panel->search();
    }
}

void SearchController::clear() {
    closeSearch();
    m_panel->clear();
}

} // namespace quire::widgets
