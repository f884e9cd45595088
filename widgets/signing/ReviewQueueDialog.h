#pragma once
// ReviewQueueDialog: "Waiting for my signature" — the entry versions their authors signed that
// this supervisor has not countersigned yet. From here a supervisor opens an entry's
// experiment or countersigns it (the window opens the sign dialog). A member who is not a
// supervisor is told why the list stays empty rather than shown an empty table.

#include "Notebook.h"

#include <QDialog>

class QLabel;
class QPushButton;
class QStackedWidget;
class QTableWidget;

namespace quire::widgets {

class ReviewQueueDialog : public QDialog {
    Q_OBJECT
public:
    explicit ReviewQueueDialog(Notebook *notebook, QWidget *parent = nullptr);

    int itemCount() const { return int(m_items.size()); }
    // What the empty state says, or empty while entries are listed.
    QString emptyText() const;
    QString errorText() const;

public slots:
    // Reads the queue again (after a countersignature, or records that arrived).
    void reload();

signals:
    void openRequested(const QString &experiment, const QString &entry);
    void countersignRequested(const QString &entry, int version);

private:
    const ReviewItem *selected() const;
    void updateButtons();
    void openSelected();
    void countersignSelected();

    Notebook *m_notebook = nullptr;
    QList<ReviewItem> m_items;
    QLabel *m_intro = nullptr;
    QStackedWidget *m_pages = nullptr;
    QTableWidget *m_table = nullptr;
    QLabel *m_emptyTitle = nullptr;
    QLabel *m_emptyHint = nullptr;
    QLabel *m_error = nullptr;
    QPushButton *m_open = nullptr;
    QPushButton *m_countersign = nullptr;
};

} // namespace quire::widgets
