#include "unlock/NotebookLoader.h"

#include <QtConcurrent/QtConcurrentRun>
#include <QThread>

namespace quire::widgets {

NotebookLoader::NotebookLoader(QObject *parent)
    : QObject(parent) {
    connect(&m_watcher, &QFutureWatcherBase::finished, this, [this] {
        m_running = false;
        emit finished();
    });
}

NotebookLoader::~NotebookLoader() {
    // A notebook still being unlocked holds the vault's lock file; waiting here (a fraction
    // of a second) keeps a second unlock from racing it.
    // (takeResult() leaves the future invalid, so only a running one is waited for.)
    if (m_running) m_watcher.waitForFinished();
}

void NotebookLoader::start(std::function<NotebookResult()> work) {
    m_running = true;
    QThread *home = thread();
    m_watcher.setFuture(QtConcurrent::run([work = std::move(work), home]() -> NotebookResult {
        NotebookResult result = work();
        // A QObject belongs to the thread that made it; only that thread may give it away.
        if (result) (*result)->moveToThread(home);
        return result;
    }));
}

NotebookResult NotebookLoader::takeResult() {
    auto future = m_watcher.future();
    if (!future.isValid() || future.resultCount() == 0)
        return fail(tr("the notebook could not be opened"));
    return future.takeResult();
}

} // namespace quire::widgets
