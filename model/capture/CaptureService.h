#pragma once
// CaptureService: takes the files instruments write into their watch folders on this computer
// into the notebook, each once it is complete. A file is complete when its size and modification
// time have not changed for the folder's settle time; it is then streamed into the vault
// (Notebook::captureFile), which gives it up if it changes while being read. The folders are only
// read: nothing in them is moved, changed or deleted. Local folders are watched
// (QFileSystemWatcher) and listed again every poll interval; network shares, where change
// notices do not arrive, are only polled. The command line and the window both run it.

#include "Notebook.h"

#include <QHash>
#include <QObject>
#include <QString>

#include <atomic>

class QFileSystemWatcher;
class QTimer;

namespace quire {

class CaptureService : public QObject {
    Q_OBJECT
public:
    explicit CaptureService(Notebook &notebook, QObject *parent = nullptr);
    ~CaptureService() override;

    // Reads this computer's watch folders and starts watching them (needs an event loop).
    Result<void> start();
    void stop();

    // Lists every folder once, waits until each file seen then has settled, captures it, and
    // returns; without an event loop. A file still changing after ten settle times (at least a
    // minute) is reported by problem() and left for the next pass. Returns the number of files
    // captured.
    Result<int> runOnce(const std::atomic_bool *cancel = nullptr);

    // Whether the folder is on a network file system (polled only).
    static bool isNetworkFolder(const QString &folder);

signals:
    void captured(const quire::CaptureInfo &capture);
    // A file being taken: bytes stored so far of its size; at most every 100 ms, and once at 0.
    void capturing(const QString &path, qint64 done, qint64 total);
    // A file that could not be captured now (it is tried again once it changes).
    void problem(const QString &path, const QString &message);

private:
    struct Pending {
        QString instrument;
        qint64 size = -1;
        qint64 modifiedMs = -1;
        qint64 stableSinceMs = 0;
        qint64 settleMs = 0;
    };
    void listFolder(const WatchFolder &w);
    void listAll();
    // Looks at every waiting file again; captures those that have settled. Returns how many
    // still wait.
    int settle();

    Notebook &m_notebook;
    QList<WatchFolder> m_folders;
    QHash<QString, Pending> m_pending;
    // Files handled (captured, kept already, or refused) at this size and time.
    QHash<QString, QPair<qint64, qint64>> m_done;
    QFileSystemWatcher *m_watcher = nullptr;
    QTimer *m_tick = nullptr;
    QList<QTimer *> m_polls;
    int m_capturedCount = 0;
};

} // namespace quire
