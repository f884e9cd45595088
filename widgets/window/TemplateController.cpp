#include "window/TemplateController.h"

#include "common/DialogParts.h"
#include "editor/TemplateDialogs.h"
#include "window/MainWindow.h"
#include "window/PageNavigator.h"

#include <QStatusBar>

namespace quire::widgets {

TemplateController::TemplateController(MainWindow *window, PageNavigator *navigator)
    : QObject(window)
    , m_window(window)
    , m_navigator(navigator) {}

void TemplateController::newExperimentFromTemplate() {
    if (!m_window->notebook() || m_window->hasWorker()) return;
    auto *dialog =
        new TemplatePickerDialog(m_window->notebook(), QStringLiteral("experiment"), m_window);
    connect(dialog, &QDialog::finished, dialog, &QObject::deleteLater);
    connect(dialog, &TemplatePickerDialog::submitted, this, [this, dialog] {
        Notebook *notebook = m_window->notebook();
        if (!notebook || dialog->templateUuid().isEmpty()) return;
        auto uuid = notebook->createExperimentFromTemplate(dialog->templateUuid(), dialog->title());
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

void TemplateController::saveExperimentAsTemplate() {
    Notebook *notebook = m_window->notebook();
    const QString experiment = m_navigator->experiment();
    if (!notebook || m_window->hasWorker() || experiment.isEmpty()) return;
    if (!notebook->mayWriteTemplates()) {
        showProblem(m_window, tr("The experiment cannot be saved as a template"),
                    tr("only an admin may write templates in this notebook; an admin can let "
                       "authors write them too"));
        return;
    }
    auto x = notebook->experiment(experiment);
    if (!x) return;
    auto *dialog = new TemplateNameDialog(
        tr("The template keeps the title, project, tags and the text of every entry of “%1”; "
           "pictures and files stay with the experiment.")
            .arg(x->title),
        x->title, m_window);
    connect(dialog, &QDialog::finished, dialog, &QObject::deleteLater);
    connect(dialog, &TemplateNameDialog::submitted, this, [this, dialog, experiment] {
        Notebook *notebook = m_window->notebook();
        if (!notebook) return;
        auto uuid = notebook->saveExperimentAsTemplate(experiment, dialog->name());
        if (!uuid) {
            showProblem(dialog, tr("The template could not be saved"), uuid.error());
            return;
        }
        m_window->statusBar()->showMessage(tr("Template “%1” saved").arg(dialog->name()), 5000);
        dialog->accept();
    });
    dialog->open();
}

} // namespace quire::widgets
