#pragma once
// NotebookLoader: runs Notebook::open or Notebook::create on a worker thread (the key
// derivation takes a noticeable fraction of a second) and hands the unlocked notebook back
// to the UI thread, which then owns it.

#include "Notebook.h"

#include <QFutureWatcher>
#include <QObject>

#include <functional>
#include <memory>

namespace quire::widgets {

using NotebookResult = Result<std::unique_ptr<Notebook>>;

class NotebookLoader : public QObject {
    Q_OBJECT
public:
    explicit NotebookLoader(QObject *parent = nullptr);
    ~NotebookLoader() override;

    // `work` runs on a worker thread; finished() follows on this object's thread.
    void start(std::function<NotebookResult()> work);
    bool isRunning() const { return m_running; }
    // Once per finished(): the notebook (living on this object's thread) or the error.
    NotebookResult takeResult();

signals:
    void finished();

private:
    QFutureWatcher<NotebookResult> m_watcher;
    bool m_running = false;
};

} // namespace quire::widgets
