#pragma once
// InboxController: the window's part of instrument capture. While the notebook is unlocked it
// runs the CaptureService for this computer's watch folders on a thread of its own (captures
// stream files into the vault; the window only hears that one arrived), and stops it before
// the notebook is locked or closed. It files captures into entries (dragged onto an entry on
// the page: into that entry; onto an experiment in the sidebar, or "File into entry…" from the
// capture's context menu: after asking which entry) and sets them aside with a reason; the model
// audits both.

#include "Notebook.h"

#include <QObject>
#include <QPointer>

class QMimeData;
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

    // A capture dragged from the inbox over the page (`mime` holds one): whether it can be
    // dropped there now.
    bool takesDrag(const QMimeData *mime) const;
    // Dropped on the page at `pagePos` (the page view's coordinates): filed into the entry whose
    // article is there, or, between entries, into one asked for.
    void dropOnPage(const QMimeData *mime, const QPointF &pagePos);
    // Catches such drags on the page's web view (once the window has built it).
    void watchPage();

signals:
    // A file was captured (the sidebar is read again).
    void captured(const QString &name);
    // A file is being taken: bytes stored so far (throttled by the service).
    void capturing(const QString &name, qint64 done, qint64 total);
    void filed(const QString &capture, const QString &entry);

protected:
    // The page's web view (and its render widget) would hand a dragged capture to Chromium.
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    MainWindow *m_window;
    PageNavigator *m_navigator;
    QThread *m_thread = nullptr;
    QPointer<CaptureService> m_service;
};

} // namespace quire::widgets
