#include "window/InboxController.h"

#include "capture/CaptureService.h"
#include "common/DialogParts.h"
#include "page/EntryPageRenderer.h"
#include "page/EntryPageView.h"
#include "settings/InstrumentsDialog.h"
#include "sidebar/SidebarModel.h"
#include "window/MainWindow.h"
#include "window/PageNavigator.h"

#include <QChildEvent>
#include <QDropEvent>
#include <QFileInfo>
#include <QInputDialog>
#include <QMenu>
#include <QMimeData>
#include <QStatusBar>
#include <QThread>
#include <QTimer>
#include <QTreeView>
#include <QWebEngineScript>

namespace quire::widgets {

InboxController::InboxController(MainWindow *window, PageNavigator *navigator)
    : QObject(window)
    , m_window(window)
    , m_navigator(navigator) {}

void InboxController::watchPage() {
    // The view's render widget is its child (made again when a renderer is replaced): drags
    // are caught on whichever of them Qt delivers to.
    EntryPageView *view = m_window->entryView();
    if (!view) return;
    view->installEventFilter(this);
    for (QWidget *child : view->findChildren<QWidget *>())
        child->installEventFilter(this);
}

bool InboxController::takesDrag(const QMimeData *mime) const {
    return mime && mime->hasFormat(QString::fromLatin1(SidebarModel::kCaptureMime)) &&
           m_window->notebook() && !m_window->isBusy() && !m_navigator->experiment().isEmpty();
}

void InboxController::dropOnPage(const QMimeData *mime, const QPointF &pagePos) {
    if (!takesDrag(mime)) return;
    const QString capture =
        QString::fromUtf8(mime->data(QString::fromLatin1(SidebarModel::kCaptureMime)));
    const QString experiment = m_navigator->experiment();
    EntryPageView *view = m_window->entryView();
    // Which entry's article is under the pointer: asked of the page in Quire's isolated world
    // (the page's own world runs no script). CSS pixels are the view's divided by its zoom.
    const QPointF at = pagePos / view->zoomFactor();
    const QString script =
        QStringLiteral("(function (x, y) { const e = document.elementFromPoint(x, y);"
                       " const a = e && e.closest('article.entry'); return a ? a.id : ''; })"
                       "(%1, %2)")
            .arg(at.x())
            .arg(at.y());
    QPointer<InboxController> self(this);
    view->page()->runJavaScript(script, QWebEngineScript::ApplicationWorld,
                                [self, capture, experiment](const QVariant &anchor) {
                                    if (!self) return;
                                    const QString entry =
                                        EntryPageRenderer::entryForAnchor(anchor.toString());
                                    // Out of the drag's own event loop before any dialog opens.
                                    QTimer::singleShot(0, self, [self, capture, experiment, entry] {
                                        if (self && self->m_navigator->experiment() == experiment)
                                            self->fileCapture(capture, experiment, entry);
                                    });
                                });
}

bool InboxController::eventFilter(QObject *watched, QEvent *event) {
    switch (event->type()) {
    case QEvent::ChildAdded:
        if (watched == m_window->entryView())
            if (auto *child = qobject_cast<QWidget *>(static_cast<QChildEvent *>(event)->child()))
                child->installEventFilter(this);
        break;
    case QEvent::DragEnter:
    case QEvent::DragMove: {
        auto *drag = static_cast<QDragMoveEvent *>(event);
        if (!drag->mimeData()->hasFormat(QString::fromLatin1(SidebarModel::kCaptureMime))) break;
        if (takesDrag(drag->mimeData()))
            drag->acceptProposedAction();
        else
            drag->ignore();
        return true;
    }
    case QEvent::Drop: {
        auto *drop = static_cast<QDropEvent *>(event);
        if (!drop->mimeData()->hasFormat(QString::fromLatin1(SidebarModel::kCaptureMime))) break;
        auto *widget = qobject_cast<QWidget *>(watched);
        if (!widget || !takesDrag(drop->mimeData())) {
            drop->ignore();
            return true;
        }
        drop->acceptProposedAction();
        dropOnPage(drop->mimeData(),
                   widget->mapTo(m_window->entryView(), drop->position().toPoint()));
        return true;
    }
    default:
        break;
    }
    return QObject::eventFilter(watched, event);
}

InboxController::~InboxController() {
    stop();
}

void InboxController::start(Notebook *notebook) {
    stop();
    if (!notebook) return;
    auto folders = notebook->watchFolders();
    if (!folders || folders->isEmpty()) return;
    m_thread = new QThread(this);
    m_thread->setObjectName(QStringLiteral("capture"));
    auto *service = new CaptureService(*notebook);
    service->moveToThread(m_thread);
    m_service = service;
    connect(m_thread, &QThread::finished, service, &QObject::deleteLater);
    connect(service, &CaptureService::captured, this, [this](const CaptureInfo &c) {
        m_window->statusBar()->showMessage(
            tr("Captured “%1” from %2; it waits in the inbox").arg(c.name, c.instrumentName), 5000);
        if (m_window->isBusy())
            m_window->refreshWhenFree();
        else
            m_window->refreshSoon();
        emit captured(c.name);
    });
    connect(service, &CaptureService::capturing, this,
            [this](const QString &path, qint64 done, qint64 total) {
                const QString name = QFileInfo(path).fileName();
                const int percent = total > 0 ? int(100 * done / total) : 0;
                m_window->statusBar()->showMessage(
                    tr("Taking “%1” into the notebook: %2 %").arg(name).arg(percent), 3000);
                emit capturing(name, done, total);
            });
    connect(service, &CaptureService::problem, this,
            [this](const QString &path, const QString &message) {
                m_window->statusBar()->showMessage(
                    tr("%1 was not captured yet: %2").arg(path, message), 8000);
            });
    m_thread->start();
    QMetaObject::invokeMethod(service, [service] { (void)service->start(); });
}

void InboxController::stop() {
    if (!m_thread) return;
    if (CaptureService *service = m_service)
        // Waits for a capture under way: the notebook must outlive it.
        QMetaObject::invokeMethod(
            service, [service] { service->stop(); }, Qt::BlockingQueuedConnection);
    m_thread->quit();
    m_thread->wait();
    delete m_thread;
    m_thread = nullptr;
}

void InboxController::fileCapture(const QString &capture, const QString &experiment,
                                  const QString &entry) {
    Notebook *notebook = m_window->notebook();
    if (!notebook || m_window->isBusy()) return;
    auto info = notebook->capture(capture);
    if (!info) return showProblem(m_window, tr("The capture could not be read"), info.error());
    QString target = entry;
    QString experimentUuid = experiment.isEmpty() ? m_navigator->experiment() : experiment;
    if (target.isEmpty()) {
        if (experimentUuid.isEmpty()) return;
        auto entries = notebook->entries(experimentUuid);
        if (!entries)
            return showProblem(m_window, tr("The entries could not be read"), entries.error());
        QStringList names;
        QStringList uuids;
        for (int i = 0; i < entries->size(); ++i) {
            const EntryVersion &e = entries->at(i);
            if (e.status == QLatin1String("void") || e.author != notebook->me().uuid) continue;
            names << tr("%1. %2").arg(i + 1).arg(e.title);
            uuids << e.uuid;
        }
        if (names.isEmpty())
            return showProblem(m_window, tr("No entry to file into"),
                               tr("captures are filed into an entry you wrote in this "
                                  "experiment; add one first"));
        bool ok = false;
        const QString choice = QInputDialog::getItem(
            m_window, tr("File into entry"), tr("File “%1” into the entry:").arg(info->name), names,
            int(names.size() - 1), false, &ok);
        if (!ok) return;
        target = uuids.at(names.indexOf(choice));
    }
    auto done = notebook->fileCapture(capture, target);
    if (!done) return showProblem(m_window, tr("The capture could not be filed"), done.error());
    m_navigator->setPendingSelection(experimentUuid);
    m_window->refreshSoon();
    m_window->statusBar()->showMessage(tr("“%1” filed into the entry").arg(info->name), 5000);
    emit filed(capture, target);
}

void InboxController::setAside(const QString &capture, const QString &given) {
    Notebook *notebook = m_window->notebook();
    if (!notebook || m_window->isBusy()) return;
    auto info = notebook->capture(capture);
    if (!info) return showProblem(m_window, tr("The capture could not be read"), info.error());
    QString reason = given;
    if (reason.isEmpty()) {
        bool ok = false;
        reason = QInputDialog::getText(m_window, tr("Set aside"),
                                       tr("Why is “%1” not filed into an entry? (for example "
                                          "“blank run”)")
                                           .arg(info->name),
                                       QLineEdit::Normal, QString(), &ok)
                     .trimmed();
        if (!ok) return;
        if (reason.isEmpty())
            return showProblem(m_window, tr("Not set aside"),
                               tr("a reason is needed to set a capture aside"));
    }
    auto r = notebook->setAside(capture, reason);
    if (!r) return showProblem(m_window, tr("The capture could not be set aside"), r.error());
    m_window->refreshSoon();
    m_window->statusBar()->showMessage(tr("“%1” set aside").arg(info->name), 5000);
}

void InboxController::showSidebarMenu(const QPoint &pos) {
    QTreeView *sidebar = m_navigator->sidebar();
    const QModelIndex index = sidebar->indexAt(pos);
    if (SidebarModel::Kind(index.data(SidebarModel::KindRole).toInt()) !=
        SidebarModel::Kind::Capture)
        return;
    const QString capture = index.data(SidebarModel::UuidRole).toString();
    QMenu menu(sidebar);
    QAction *file = menu.addAction(tr("File into entry…"));
    file->setEnabled(!m_navigator->experiment().isEmpty());
    QAction *aside = menu.addAction(tr("Set aside…"));
    QAction *chosen = menu.exec(sidebar->viewport()->mapToGlobal(pos));
    if (chosen == file) fileCapture(capture);
    if (chosen == aside) setAside(capture);
}

void InboxController::showInstruments() {
    Notebook *notebook = m_window->notebook();
    if (!notebook || m_window->isBusy()) return;
    InstrumentsDialog dialog(notebook, m_window);
    dialog.exec();
    // Folders bound or changed are watched from now on.
    if (dialog.foldersChanged() && m_window->notebook()) start(m_window->notebook());
}

} // namespace quire::widgets
