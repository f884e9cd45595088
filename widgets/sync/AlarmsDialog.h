#pragma once
// AlarmsDialog: what syncs found wrong on the shared repository — files that failed
// authentication, whose name does not fit their content, other bytes under a name this
// notebook holds, refused key grants — and files they refused, each with when it was first
// seen and whether an admin has acknowledged it. Alarms not yet acknowledged are shown in the
// warning colour; an admin selects one, gives a reason and acknowledges it (an audit record
// that syncs, so every member's window stops showing it as new).

#include "Notebook.h"

#include <QDialog>

class QLabel;
class QLineEdit;
class QPushButton;
class QTreeWidget;

namespace quire::widgets {

class AlarmsDialog : public QDialog {
    Q_OBJECT
public:
    explicit AlarmsDialog(Notebook *notebook, QWidget *parent = nullptr);

    QTreeWidget *list() const { return m_list; }
    QLineEdit *reasonField() const { return m_reason; }
    QPushButton *acknowledgeButton() const { return m_acknowledge; }

public slots:
    void reload();
    void acknowledgeSelected();

signals:
    // An alarm was acknowledged: the sync status counts again.
    void acknowledged();

private:
    void updateButtons();

    Notebook *m_notebook = nullptr;
    QList<AlarmInfo> m_alarms;
    bool m_isAdmin = false;
    QTreeWidget *m_list = nullptr;
    QLineEdit *m_reason = nullptr;
    QPushButton *m_acknowledge = nullptr;
    QLabel *m_error = nullptr;
};

} // namespace quire::widgets
