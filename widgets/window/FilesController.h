#pragma once
// FilesController: files kept with entries, from the main window — attaching them (chosen in a
// file dialog, dropped on the window or on the files panel) one after another on a worker, with
// a progress window, and the private folder that the files panel's "Open" copies into, which
// goes with the notebook at lock and close.

#include <QObject>
#include <QStringList>

#include <memory>

class QMimeData;
class QTemporaryDir;

namespace quire::widgets {

class AttachmentPanel;
class MainWindow;
class PageNavigator;

class FilesController : public QObject {
    Q_OBJECT
public:
    FilesController(MainWindow *window, PageNavigator *navigator);
    ~FilesController() override;

    // Connects the files panel's requests (add, drop, open, copy failed) to the window.
    void setPanel(AttachmentPanel *panel);

    // Stores the files with the entry, one after another on a worker; asks for a file when
    // `paths` is empty, and for an entry when `entry` is empty.
    void attachFiles(const QString &entry, const QStringList &paths = {});
    // Keeps a print-resolution plot of the data file `source` as a figure of its entry (on a
    // worker, the window busy meanwhile).
    void insertPlot(const QString &entry, const QString &source);
    // Files dragged over the window: whether the page could take them now.
    bool canTake(const QMimeData *dragged) const;
    // The local files among what was dropped on the window.
    static QStringList droppedFiles(const QMimeData *dropped);

    // The private folder that "Open" copies attachments into; empty while there is none (it is
    // made when first needed).
    QString openFolderPath() const;
    void removeOpenFolder();
    // At lock: files still waiting are not stored.
    void dropQueue() { m_attachQueue.clear(); }

signals:
    // A plot was kept as a figure: the picture's attachment id.
    void plotInserted(const QString &attachment);

private:
    void startNextAttachment();

    MainWindow *m_window;
    PageNavigator *m_navigator;
    std::unique_ptr<QTemporaryDir> m_openFolder;
    // Files waiting to be stored, one at a time, with this entry.
    QString m_attachEntry;
    QStringList m_attachQueue;
    int m_attachTotal = 0;
};

} // namespace quire::widgets
