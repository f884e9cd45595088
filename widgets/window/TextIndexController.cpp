#include "window/TextIndexController.h"

#include <QMainWindow>
#include <QStatusBar>
#include <QtConcurrent/QtConcurrentRun>

namespace quire::widgets {

TextIndexController::TextIndexController(QMainWindow *window)
    : QObject(window)
    , m_window(window) {
    connect(&m_watcher, &QFutureWatcherBase::finished, this, &TextIndexController::finished);
}

TextIndexController::~TextIndexController() {
    setNotebook(nullptr);
}

void TextIndexController::setNotebook(Notebook *notebook) {
    if (!notebook) {
        // The worker holds the notebook it started with: it ends before that one goes.
        m_cancel = true;
        m_watcher.waitForFinished();
        m_again = false;
    }
    m_notebook = notebook;
}

void TextIndexController::runSoon() {
    if (!m_notebook) return;
    if (m_watcher.isRunning()) {
        m_again = true;
        return;
    }
    m_cancel = false;
    Notebook *notebook = m_notebook;
    std::atomic_bool *cancel = &m_cancel;
    m_watcher.setFuture(
        QtConcurrent::run([notebook, cancel] { return notebook->indexPendingText(cancel); }));
}

void TextIndexController::finished() {
    const Result<QList<TextIndexOutcome>> done = m_watcher.result();
    if (!m_notebook) return;
    if (done) {
        QStringList problems;
        for (const TextIndexOutcome &o : *done)
            if (!o.problem.isEmpty())
                problems << tr("Search cannot find “%1” by its text: %2.").arg(o.name, o.problem);
        if (!problems.isEmpty()) m_window->statusBar()->showMessage(problems.join(' '), 10000);
        emit indexed(*done);
    }
    if (m_again) {
        m_again = false;
        runSoon();
    }
}

} // namespace quire::widgets
