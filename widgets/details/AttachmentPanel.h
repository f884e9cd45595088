#pragma once
// AttachmentPanel: the files kept with the entries on the page, grouped by entry, beside the
// page. For the chosen file it shows name, size and SHA-256 (the fingerprint a colleague can
// compare), a picture of images and PDF pages, and offers Open (a private copy opened in its
// program), Save a copy… and Add file…; files dropped on it are attached to the chosen entry.
//
// Copies are written on a worker (files can be large); busyChanged tells the window to leave
// the notebook alone meanwhile. Previews are drawn on the spot: they are limited in size by
// the model.

#include "Notebook.h"

#include <QFutureWatcher>
#include <QImage>
#include <QPointer>
#include <QWidget>

#include <functional>

class QLabel;
class QProgressBar;
class QPushButton;
class QStackedWidget;
class QToolButton;
class QTreeWidget;
class QTreeWidgetItem;

namespace quire::widgets {

class AttachmentPanel : public QWidget {
    Q_OBJECT
public:
    static constexpr int kPreviewSide = 900;

    explicit AttachmentPanel(QWidget *parent = nullptr);
    ~AttachmentPanel() override;

    void setNotebook(Notebook *notebook);
    // The entries on the page, numbered as there from `firstNumber`; `me` is the member who may
    // add files to their own entries.
    void setEntries(const QList<EntryVersion> &entries, const QString &me, int firstNumber = 1);
    // Inside the details panel the tab names the files; the panel's own heading and close
    // button are left out.
    void setHeaderVisible(bool visible);
    int fileCount() const { return m_files; }
    // Forgets everything shown (the notebook was locked).
    void clear();
    // Where Open puts its copies; asked each time, so that the owner can remove the folder
    // (at lock) and make a new one later. Empty when there is none.
    void setOpenFolder(std::function<QString()> folder) { m_openFolder = std::move(folder); }

    QString selectedEntry() const;
    QString selectedAttachment() const;
    bool selectAttachment(const QString &id);
    void selectEntry(const QString &entry);
    bool isBusy() const { return m_watcher.isRunning(); }

    // The PDF page shown (0-based); -1 when the preview is no PDF.
    int previewPage() const;
    void showPreviewPage(int page);
    // The picture shown, at the size it was drawn.
    QImage previewImage() const { return m_preview; }
    QTreeWidget *tree() const { return m_tree; }
    QString shownSha256() const;

    // What "Save a copy…" does once it knows where; the copy is written on a worker.
    void saveCopyTo(const QString &path);
    // Writes a private copy into the open folder and opens it with its program.
    void openSelected();
    void saveCopy();
    void copySha256();

signals:
    void entrySelected(const QString &entry);
    // The chosen file (empty when none is).
    void attachmentSelected(const QString &attachment);
    void addFileRequested(const QString &entry);
    void filesDropped(const QString &entry, const QStringList &paths);
    void busyChanged(bool busy);
    // A copy was written (Save a copy or Open) — or could not be.
    void copyWritten(const QString &path);
    void copyFailed(const QString &message);
    void closeRequested();
    // The number of files listed changed.
    void fileCountChanged(int files);

protected:
    void changeEvent(QEvent *event) override;
    void dragEnterEvent(QDragEnterEvent *event) override;
    void dragMoveEvent(QDragMoveEvent *event) override;
    void dropEvent(QDropEvent *event) override;
    void resizeEvent(QResizeEvent *event) override;

private:
    enum ItemRole { EntryRole = Qt::UserRole + 1, AttachmentRole, OwnRole };

    void retranslate();
    void fillTree();
    void selectionChanged();
    void showDetails(const AttachmentInfo *info);
    void renderPreview();
    void scalePreview();
    void writeCopy(const QString &path, bool openAfterwards);
    void finishCopy();
    const AttachmentInfo *attachmentInfo(const QString &id) const;
    QString entryAt(const QPoint &panelPos) const;

    QPointer<Notebook> m_notebook;
    QList<EntryVersion> m_entries;
    QString m_me;
    int m_firstNumber = 1;
    int m_files = 0;
    std::function<QString()> m_openFolder;
    QString m_previewId;
    int m_page = 0;
    bool m_hasNextPage = false;
    QImage m_preview;
    QString m_copyPath;
    bool m_openAfterCopy = false;
    QFutureWatcher<Result<void>> m_watcher;

    QWidget *m_header = nullptr;
    QLabel *m_heading = nullptr;
    QToolButton *m_close = nullptr;
    QTreeWidget *m_tree = nullptr;
    QLabel *m_emptyHint = nullptr;
    QWidget *m_details = nullptr;
    QLabel *m_name = nullptr;
    QLabel *m_facts = nullptr;
    QLabel *m_shaLabel = nullptr;
    QLabel *m_sha = nullptr;
    QToolButton *m_copySha = nullptr;
    QPushButton *m_open = nullptr;
    QPushButton *m_save = nullptr;
    QLabel *m_previewLabel = nullptr;
    QWidget *m_pageRow = nullptr;
    QToolButton *m_previous = nullptr;
    QToolButton *m_next = nullptr;
    QLabel *m_pageText = nullptr;
    QProgressBar *m_progress = nullptr;
    QLabel *m_status = nullptr;
    QPushButton *m_add = nullptr;
    QLabel *m_dropHint = nullptr;
};

} // namespace quire::widgets
