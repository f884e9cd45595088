#pragma once
// TemplateController (issue 17): templates from the main window — a new experiment started
// from an experiment template (File ▸ New experiment from template…) and the experiment on the
// page kept as one (File ▸ Save experiment as template…). Entry templates are inserted by the
// entry window itself (EntryDialog).

#include <QObject>

namespace quire::widgets {

class MainWindow;
class PageNavigator;

class TemplateController : public QObject {
    Q_OBJECT
public:
    TemplateController(MainWindow *window, PageNavigator *navigator);

    void newExperimentFromTemplate();
    void saveExperimentAsTemplate();

private:
    MainWindow *m_window;
    PageNavigator *m_navigator;
};

} // namespace quire::widgets
