#include "capture/CaptureService.h"

#include <QDateTime>
#include <QDir>
#include <QDirIterator>
#include <QElapsedTimer>
#include <QFileInfo>
#include <QFileSystemWatcher>
#include <QStorageInfo>
#include <QThread>
#include <QTimer>

namespace quire {

namespace {
qint64 nowMs() {
    return QDateTime::currentMSecsSinceEpoch();
}
} // namespace

CaptureService::CaptureService(Notebook &notebook, QObject *parent)
    : QObject(parent)
    , m_notebook(notebook) {}

CaptureService::~CaptureService() {
    stop();
}

bool CaptureService::isNetworkFolder(const QString &folder) {
    static const QList<QByteArray> network{"nfs",   "nfs4",  "cifs",       "smb3",
                                           "smbfs", "9p",    "fuse.sshfs", "afs",
                                           "ncpfs", "davfs", "fuse.rclone"};
    return network.contains(QStorageInfo(folder).fileSystemType());
}

Result<void> CaptureService::start() {
    stop();
    auto folders = m_notebook.watchFolders();
    if (!folders) return folders.failure();
    m_folders = *folders;
    m_watcher = new QFileSystemWatcher(this);
    connect(m_watcher, &QFileSystemWatcher::directoryChanged, this, [this](const QString &dir) {
        for (const auto &w : std::as_const(m_folders))
            if (dir == w.folder || dir.startsWith(w.folder + '/')) listFolder(w);
    });
    for (const auto &w : std::as_const(m_folders)) {
        if (!isNetworkFolder(w.folder)) m_watcher->addPath(w.folder);
        auto *poll = new QTimer(this);
        poll->setInterval(std::max(1, w.pollSeconds) * 1000);
        connect(poll, &QTimer::timeout, this, [this, w] { listFolder(w); });
        poll->start();
        m_polls << poll;
    }
    m_tick = new QTimer(this);
    m_tick->setInterval(250);
    connect(m_tick, &QTimer::timeout, this, [this] { settle(); });
    m_tick->start();
    listAll();
    return {};
}

void CaptureService::stop() {
    delete m_watcher;
    m_watcher = nullptr;
    delete m_tick;
    m_tick = nullptr;
    qDeleteAll(m_polls);
    m_polls.clear();
}

void CaptureService::listAll() {
    for (const auto &w : std::as_const(m_folders))
        listFolder(w);
}

void CaptureService::listFolder(const WatchFolder &w) {
    QDirIterator it(w.folder, w.patterns, QDir::Files | QDir::Hidden | QDir::NoDotAndDotDot,
                    QDirIterator::Subdirectories);
    while (it.hasNext()) {
        const QString path = it.next();
        const QFileInfo info = it.fileInfo();
        const qint64 size = info.size(), modified = info.lastModified().toMSecsSinceEpoch();
        if (m_done.value(path) == qMakePair(size, modified)) continue;
        auto found = m_pending.find(path);
        if (found == m_pending.end())
            m_pending.insert(path, Pending{w.instrument, size, modified, nowMs(),
                                           qint64(w.settleSeconds) * 1000});
    }
    // New subfolders are watched too (an instrument that writes one folder per run).
    if (m_watcher && !isNetworkFolder(w.folder)) {
        QDirIterator dirs(w.folder, QDir::Dirs | QDir::NoDotAndDotDot,
                          QDirIterator::Subdirectories);
        const QStringList watched = m_watcher->directories();
        while (dirs.hasNext()) {
            const QString dir = dirs.next();
            if (!watched.contains(dir)) m_watcher->addPath(dir);
        }
    }
}

int CaptureService::settle() {
    for (auto it = m_pending.begin(); it != m_pending.end();) {
        const QString path = it.key();
        Pending &p = it.value();
        const QFileInfo info(path);
        if (!info.isFile()) { // gone before it settled: nothing to take
            it = m_pending.erase(it);
            continue;
        }
        const qint64 size = info.size(), modified = info.lastModified().toMSecsSinceEpoch();
        if (size != p.size || modified != p.modifiedMs) {
            p.size = size;
            p.modifiedMs = modified;
            p.stableSinceMs = nowMs();
            ++it;
            continue;
        }
        // A time stamp in the future (a clock ahead, or a writer that set it) is no proof of
        // stillness: the file must also have been unchanged for the settle time since we saw it.
        if (nowMs() - p.stableSinceMs < p.settleMs) {
            ++it;
            continue;
        }
        // Throttled (DESIGN.md, threads): a queued signal per 4 MiB chunk would be plenty, but a
        // fast disk makes them arrive faster than a window needs.
        emit capturing(path, 0, size);
        QElapsedTimer throttle;
        throttle.start();
        auto outcome = m_notebook.captureFile(p.instrument, path, size, modified,
                                              [&](qint64 done, qint64 total) {
                                                  if (throttle.elapsed() < 100) return;
                                                  throttle.restart();
                                                  emit capturing(path, done, total);
                                              });
        if (!outcome) {
            emit problem(path, outcome.error());
            m_done.insert(path, {size, modified});
            it = m_pending.erase(it);
            continue;
        }
        if (outcome->kind == CaptureOutcome::Kind::Changed) {
            p.stableSinceMs = nowMs(); // it moved while being read: wait again
            p.size = -1;
            ++it;
            continue;
        }
        m_done.insert(path, {size, modified});
        if (outcome->kind == CaptureOutcome::Kind::Captured) {
            ++m_capturedCount;
            emit captured(outcome->capture);
        }
        it = m_pending.erase(it);
    }
    return int(m_pending.size());
}

Result<int> CaptureService::runOnce(const std::atomic_bool *cancel) {
    auto folders = m_notebook.watchFolders();
    if (!folders) return folders.failure();
    m_folders = *folders;
    const int before = m_capturedCount;
    listAll();
    // A file still changing long after its settle time is being written for hours (a kinetics
    // run): it is left for the next pass rather than waited for without end.
    qint64 longestSettle = 0;
    for (const auto &w : std::as_const(m_folders))
        longestSettle = std::max(longestSettle, qint64(w.settleSeconds) * 1000);
    const qint64 giveUpAt = nowMs() + std::max<qint64>(60000, 10 * longestSettle);
    while (settle() > 0) {
        if (cancel && cancel->load()) break;
        if (nowMs() > giveUpAt) {
            for (auto it = m_pending.cbegin(); it != m_pending.cend(); ++it)
                emit problem(it.key(), tr("it was still changing; it is left for the next pass"));
            m_pending.clear();
            break;
        }
        QThread::msleep(100);
    }
    return m_capturedCount - before;
}

} // namespace quire
