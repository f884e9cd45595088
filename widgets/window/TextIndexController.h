#pragma once
// TextIndexController: reads the words of attached PDFs that this computer has not read yet
// (just attached or captured, or arrived by sync) on a worker, so that search finds the files by
// their text and the window never waits for Poppler. It runs after each refresh of the window,
// one run at a time; a PDF whose text cannot be read is named in the status bar with the reason.
// Before the notebook is locked or closed, setNotebook(nullptr) cancels the run and waits for it.

#include "Notebook.h"

#include <QFutureWatcher>
#include <QObject>

#include <atomic>

class QMainWindow;

namespace quire::widgets {

class TextIndexController : public QObject {
    Q_OBJECT
public:
    explicit TextIndexController(QMainWindow *window);
    ~TextIndexController() override;

    void setNotebook(Notebook *notebook);
    // Reads what waits, on a worker (again once the run under way ends, if one is).
    void runSoon();
    bool isRunning() const { return m_watcher.isRunning(); }

signals:
    // A run ended; `outcomes` says what came of each PDF it read.
    void indexed(const QList<TextIndexOutcome> &outcomes);

private:
    void finished();

    QMainWindow *m_window;
    Notebook *m_notebook = nullptr;
    QFutureWatcher<Result<QList<TextIndexOutcome>>> m_watcher;
    std::atomic_bool m_cancel{false};
    bool m_again = false;
};

} // namespace quire::widgets
