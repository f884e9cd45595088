#pragma once
// StartWindow: the window Quire opens with when no notebook is chosen yet (no --vault, and no
// notebook used last that is still there), and the one File ▸ Open notebook… shows. It lists
// the recent notebooks — name, folder, when last opened; a folder that is gone greyed, with
// "Remove from list" — and offers the four ways to a notebook: create one, open a folder, join
// with an invitation file, and "I already use this notebook on another computer".

#include <QWidget>

class QLabel;
class QListWidget;
class QListWidgetItem;
class QPushButton;

namespace quire::widgets {

class NotebookWindows;

class StartWindow : public QWidget {
    Q_OBJECT
public:
    explicit StartWindow(NotebookWindows *windows, QWidget *parent = nullptr);

    // Reads the recent notebooks again.
    void reload();
    QListWidget *recentList() const { return m_list; }

    // What the buttons do; each returns the dialog it opened (for tests), or null.
    QWidget *openRecent(int row);
    QWidget *createNotebook();
    QWidget *openFolder(const QString &folder = {});
    QWidget *joinWithInvitation();
    QWidget *useOtherComputer();
    void removeSelected();

protected:
    void changeEvent(QEvent *event) override;

private:
    void retranslate();
    void updateButtons();
    QString selectedPath() const;

    NotebookWindows *m_windows;
    QLabel *m_heading = nullptr;
    QLabel *m_recentLabel = nullptr;
    QLabel *m_noRecent = nullptr;
    QListWidget *m_list = nullptr;
    QPushButton *m_open = nullptr;
    QPushButton *m_remove = nullptr;
    QPushButton *m_create = nullptr;
    QPushButton *m_openFolder = nullptr;
    QPushButton *m_join = nullptr;
    QPushButton *m_otherComputer = nullptr;
};

} // namespace quire::widgets
