#include "window/InboxController.h"

#include "capture/CaptureService.h"
#include "common/DialogParts.h"
#include "settings/InstrumentsDialog.h"
#include "sidebar/SidebarModel.h"
#include "window/MainWindow.h"
#include "window/PageNavigator.h"

#include <QInputDialog>
#include <QMenu>
#include <QStatusBar>
#include <QThread>
#include <QTreeView>

namespace quire::widgets {

InboxController::InboxController(MainWindow *window, PageNavigator *navigator)
    : QObject(window)
    , m_window(window)
    , m_navigator(navigator) {}

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
