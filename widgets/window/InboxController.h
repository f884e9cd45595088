#pragma once
// InboxController: the window's part of instrument capture. While the notebook is unlocked it
// runs the CaptureService for this computer's watch folders on a thread of its own (captures
// stream files into the vault; the window only hears that one arrived), and stops it before
// the notebook is locked or closed. It files captures into entries (dragged onto an experiment
// in the sidebar, or "File into entry…" from the capture's context menu) and sets them aside
// with a reason; the model audits both.

#include "Notebook.h"

#include <QObject>
#include <QPointer>

class QThread;

namespace quire {
class CaptureService;
}

namespace quire::widgets {

class MainWindow;
class PageNavigator;

class InboxController : public QObject {
    Q_OBJECT
public:
    InboxController(MainWindow *window, PageNavigator *navigator);
    ~InboxController() override;

    // Starts watching this computer's folders for the notebook (again, after a change of them).
    void start(Notebook *notebook);
    // Waits for a file being captured, then stops; before the notebook goes.
    void stop();
    bool isRunning() const { return m_thread != nullptr; }

    // Asks for one of the experiment's entries (the page's experiment when empty) and files
    // the capture into it; `entry` given: files without asking.
    void fileCapture(const QString &capture, const QString &experiment = {},
                     const QString &entry = {});
    // Asks for a reason and sets the capture aside; `reason` given: without asking.
    void setAside(const QString &capture, const QString &reason = {});
    // The sidebar's context menu at `pos` (viewport coordinates).
    void showSidebarMenu(const QPoint &pos);
    void showInstruments();

signals:
    // A file was captured (the sidebar is read again).
    void captured(const QString &name);
    void filed(const QString &capture, const QString &entry);

private:
    MainWindow *m_window;
    PageNavigator *m_navigator;
    QThread *m_thread = nullptr;
    QPointer<CaptureService> m_service;
};

} // namespace quire::widgets
