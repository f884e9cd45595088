#pragma once
// SearchController: the toolbar's search field and the sidebar's two faces. Typing in the
// field (or Ctrl+F) puts the search results (SearchPanel) in the sidebar's place; closing the
// search brings the notebook's tree back. New experiments, tags or members found by a refresh
// reach the results while they are shown.

#include "Notebook.h"

#include <QObject>

class QLineEdit;
class QStackedWidget;
class QTreeView;

namespace quire::widgets {

class MainWindow;
class SearchPanel;

class SearchController : public QObject {
    Q_OBJECT
public:
    // The pages of the sidebar's stack.
    enum SidePage { ExperimentsSide, SearchSide };

    SearchController(MainWindow *window, QLineEdit *field, QStackedWidget *side, QTreeView *sidebar,
                     SearchPanel *panel);

    SearchPanel *panel() const { return m_panel; }
    void showSearchSide();
    // Puts the cursor in the search field and shows the search in the sidebar.
    void focusSearch();
    void closeSearch();
    void setExperiments(const QList<ExperimentInfo> &experiments);
    // At lock: the field, the results and their choices are emptied.
    void clear();

private:
    MainWindow *m_window;
    QLineEdit *m_field;
    QStackedWidget *m_side;
    QTreeView *m_sidebar;
    SearchPanel *m_panel;
};

} // namespace quire::widgets
