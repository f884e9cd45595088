#include "window/FilesController.h"

#include "common/DialogParts.h"
#include "details/AttachmentPanel.h"
#include "editor/EntryDialog.h"
#include "page/EntryPageRenderer.h"
#include "window/MainWindow.h"
#include "window/PageNavigator.h"

#include <QDir>
#include <QFileDialog>
#include <QFileInfo>
#include <QFutureWatcher>
#include <QInputDialog>
#include <QMimeData>
#include <QPointer>
#include <QProgressDialog>
#include <QPromise>
#include <QStatusBar>
#include <QtConcurrent/QtConcurrentRun>
#include <QTemporaryDir>

#include <algorithm>

namespace quire::widgets {

FilesController::FilesController(MainWindow *window, PageNavigator *navigator)
    : QObject(window)
    , m_window(window)
    , m_navigator(navigator) {}

FilesController::~FilesController() = default;

void FilesController::setPanel(AttachmentPanel *files) {
    files->setOpenFolder([this]() -> QString {
        if (!m_window->notebook()) return {};
        if (!m_openFolder) {
            m_openFolder = std::make_unique<QTemporaryDir>(QDir::tempPath() +
                                                           QStringLiteral("/quire-open-XXXXXX"));
            if (!m_openFolder->isValid()) {
                m_openFolder.reset();
                return {};
            }
        }
        return m_openFolder->path();
    });
    connect(files, &AttachmentPanel::busyChanged, this,
            [this](bool busy) { busy ? m_window->beginWork() : m_window->endWork(); });
    connect(files, &AttachmentPanel::addFileRequested, this,
            [this](const QString &entry) { attachFiles(entry); });
    connect(files, &AttachmentPanel::filesDropped, this, &FilesController::attachFiles);
    connect(files, &AttachmentPanel::copyFailed, this, [this](const QString &message) {
        showProblem(m_window, tr("The file could not be written"), message);
    });
}

QString FilesController::openFolderPath() const {
    return m_openFolder ? m_openFolder->path() : QString();
}

void FilesController::removeOpenFolder() {
    // QTemporaryDir removes the folder with every copy in it (read-only copies included: what
    // counts is the folder, which is ours).
    m_openFolder.reset();
}

void FilesController::attachFiles(const QString &entryUuid, const QStringList &paths) {
    const QString experiment = m_navigator->experiment();
    Notebook *notebook = m_window->notebook();
    if (!notebook || m_window->isBusy() || experiment.isEmpty()) return;
    // Numbered as on the page; only the author's own, unvoided entries can take a file.
    const QList<EntryVersion> &shown = m_navigator->shownEntries();
    QList<EntryVersion> open;
    QStringList names;
    for (int i = 0; i < shown.size(); ++i) {
        const EntryVersion &e = shown.at(i);
        if (e.status == QLatin1String("void") || e.author != notebook->me().uuid) continue;
        open << e;
        names << tr("%1. %2").arg(m_navigator->run().first + i + 1).arg(e.title);
    }
    if (open.isEmpty()) {
        showProblem(m_window, tr("No entry to attach to"),
                    tr("files are kept with an entry you wrote; add an entry to this experiment "
                       "first"));
        return;
    }
    EntryVersion target;
    if (!entryUuid.isEmpty()) {
        const auto it = std::find_if(open.cbegin(), open.cend(),
                                     [&](const EntryVersion &e) { return e.uuid == entryUuid; });
        if (it == open.cend()) {
            showProblem(m_window, tr("This entry cannot take files"),
                        tr("files are kept with an entry you wrote that is not voided; choose "
                           "one of your own entries"));
            return;
        }
        target = *it;
    } else if (open.size() == 1) {
        target = open.first();
    } else {
        bool ok = false;
        const QString choice =
            QInputDialog::getItem(m_window, tr("Attach file"), tr("Attach the file to the entry:"),
                                  names, int(names.size() - 1), false, &ok);
        if (!ok) return;
        target = open.at(names.indexOf(choice));
    }
    QStringList files = paths;
    if (files.isEmpty())
        files = QFileDialog::getOpenFileNames(
            m_window, tr("Attach files to “%1”").arg(target.title), QDir::homePath());
    if (files.isEmpty() || !m_window->notebook() || m_window->isBusy()) return;
    m_attachEntry = target.uuid;
    m_attachQueue = files;
    m_attachTotal = int(files.size());
    startNextAttachment();
}

bool FilesController::canTake(const QMimeData *dragged) const {
    if (!m_window->notebook() || m_window->isBusy() || m_navigator->experiment().isEmpty() ||
        !dragged->hasUrls())
        return false;
    const QList<QUrl> urls = dragged->urls();
    return std::any_of(urls.cbegin(), urls.cend(), [](const QUrl &u) { return u.isLocalFile(); });
}

QStringList FilesController::droppedFiles(const QMimeData *dropped) {
    QStringList paths;
    for (const QUrl &url : dropped->urls())
        if (url.isLocalFile() && QFileInfo(url.toLocalFile()).isFile()) paths << url.toLocalFile();
    return paths;
}

void FilesController::startNextAttachment() {
    if (!m_window->notebook() || m_attachQueue.isEmpty()) return;
    const QString path = m_attachQueue.takeFirst();
    const QString experiment = m_navigator->experiment();
    const QString entry = m_attachEntry;
    QString title;
    for (const EntryVersion &e : m_navigator->shownEntries())
        if (e.uuid == entry) title = e.title;
    // The entry is open for writing: the file joins the version its writer saves next (one
    // save, one version, with the writer's reason) instead of making a version of its own.
    QPointer<EntryDialog> writing;
    for (EntryDialog *dialog : m_window->findChildren<EntryDialog *>())
        if (dialog->isVisible() && dialog->entryUuid() == entry) writing = dialog;

    // Storing a large file takes a while; the notebook is not shared between threads, so the
    // window is blocked (window-modal progress) and the views stop reading the notebook.
    m_window->beginWork();
    const int number = m_attachTotal - int(m_attachQueue.size());
    const QString name = QFileInfo(path).fileName();
    auto *progress =
        new QProgressDialog(m_attachTotal > 1 ? tr("Storing “%1” in the notebook (%2 of %3)…")
                                                    .arg(name)
                                                    .arg(number)
                                                    .arg(m_attachTotal)
                                              : tr("Storing “%1” in the notebook…").arg(name),
                            QString(), 0, 1000, m_window);
    progress->setWindowTitle(tr("Attach file"));
    progress->setWindowModality(Qt::WindowModal);
    progress->setMinimumDuration(400);
    progress->setAutoClose(false);
    progress->setAutoReset(false);

    const bool toEditor = !writing.isNull();
    auto *watcher = new QFutureWatcher<Result<QString>>(this);
    connect(watcher, &QFutureWatcherBase::progressValueChanged, progress,
            &QProgressDialog::setValue);
    connect(watcher, &QFutureWatcherBase::finished, this, [=, this] {
        const Result<QString> result = watcher->result();
        watcher->deleteLater();
        progress->deleteLater();
        if (!result) {
            m_attachQueue.clear();
            m_window->endWork();
            showProblem(m_window, tr("The file could not be attached"), result.error());
            return;
        }
        if (toEditor) {
            if (writing) writing->addFileToNextVersion(*result, name);
            m_window->statusBar()->showMessage(
                writing ? tr("“%1” is kept, and joins the version of “%2” you save next")
                              .arg(name, title)
                        : tr("“%1” is kept in the notebook; the window it was added to is "
                             "closed, so no entry names it yet")
                              .arg(name),
                8000);
        } else {
            m_navigator->setPendingSelection(experiment);
            m_navigator->setPendingAnchor(EntryPageRenderer::anchorFor(entry));
            m_window->refreshWhenFree();
            m_window->statusBar()->showMessage(tr("“%1” attached to “%2”").arg(name, title), 5000);
        }
        if (!m_attachQueue.isEmpty() && !m_window->isLockDue()) {
            // Still busy: the next file is stored on top of the entry's new version.
            startNextAttachment();
            return;
        }
        m_attachQueue.clear();
        m_window->endWork();
    });
    Notebook *notebook = m_window->notebook();
    watcher->setFuture(
        QtConcurrent::run([notebook, entry, path, toEditor](QPromise<Result<QString>> &promise) {
            promise.setProgressRange(0, 1000);
            const auto progress = [&promise](qint64 done, qint64 total) {
                if (total > 0) promise.setProgressValue(int(done * 1000 / total));
            };
            auto result = toEditor ? notebook->storeFile(path, progress)
                                   : notebook->attachFile(entry, path, progress);
            promise.addResult(std::move(result));
        }));
}

void FilesController::insertPlot(const QString &entry, const QString &source) {
    Notebook *notebook = m_window->notebook();
    if (!notebook || m_window->isBusy() || entry.isEmpty() || source.isEmpty()) return;
    const QString experiment = m_navigator->experiment();
    m_window->beginWork();
    m_window->statusBar()->showMessage(tr("Drawing the plot at print resolution…"));
    auto *watcher = new QFutureWatcher<Result<QString>>(this);
    connect(watcher, &QFutureWatcherBase::finished, this, [=, this] {
        const Result<QString> result = watcher->result();
        watcher->deleteLater();
        m_window->endWork();
        if (!result) {
            m_window->statusBar()->clearMessage();
            showProblem(m_window, tr("The plot could not be inserted"), result.error());
            return;
        }
        m_navigator->setPendingSelection(experiment);
        m_navigator->setPendingAnchor(EntryPageRenderer::anchorFor(entry));
        m_window->refreshWhenFree();
        m_window->statusBar()->showMessage(tr("The plot was added to the entry as a figure"), 5000);
        emit plotInserted(*result);
    });
    watcher->setFuture(QtConcurrent::run(
        [notebook, entry, source] { return notebook->insertPlot(entry, source); }));
}

} // namespace quire::widgets
