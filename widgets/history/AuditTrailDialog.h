#pragma once
// AuditTrailDialog: the notebook's audit trail — every record and every event the program
// wrote (unlocks, failed signings, exports…) — as a table of time, person, action and summary,
// newest first, narrowed by words, by action and by a date range. "Export CSV…" writes the
// rows shown, oldest first, as Notebook::auditCsv makes them.
//
// Reading a large trail takes a while, so it is read on a worker; busyChanged tells the window
// to leave the notebook alone meanwhile.

#include "Notebook.h"

#include <QDialog>
#include <QFutureWatcher>
#include <QPointer>
#include <QTimer>

class QComboBox;
class QDateEdit;
class QLabel;
class QLineEdit;
class QPushButton;
class QTableView;

namespace quire::widgets {

class AuditTableModel;

class AuditTrailDialog : public QDialog {
    Q_OBJECT
public:
    explicit AuditTrailDialog(Notebook *notebook, QWidget *parent = nullptr);
    ~AuditTrailDialog() override;

    // Reads the trail on a worker; call it once busyChanged is connected.
    void load();
    bool isLoading() const { return m_watcher.isRunning(); }
    // The events the filters let through, oldest first.
    QList<AuditEvent> filteredEvents() const;
    int totalCount() const;
    QTableView *table() const { return m_table; }
    // Writes the filtered events as CSV; what the "Export CSV…" button does after asking
    // where.
    Result<void> exportTo(const QString &path);

    // "Unlocked", "Failed signing"…: an action as a person reads it.
    static QString actionLabel(const QString &action);

public slots:
    void exportCsv();
    void reject() override;

signals:
    void busyChanged(bool busy);

protected:
    void changeEvent(QEvent *event) override;

private:
    void retranslate();
    void finishLoading();
    void fillActions();
    void applyFilters();
    void updateCount();

    QPointer<Notebook> m_notebook;
    QString m_notebookName;
    QFutureWatcher<Result<QList<AuditEvent>>> m_watcher;
    QTimer m_debounce;

    QLabel *m_heading = nullptr;
    QLabel *m_hint = nullptr;
    QLineEdit *m_text = nullptr;
    QLabel *m_actionLabel = nullptr;
    QComboBox *m_action = nullptr;
    QLabel *m_fromLabel = nullptr;
    QDateEdit *m_from = nullptr;
    QLabel *m_toLabel = nullptr;
    QDateEdit *m_to = nullptr;
    QTableView *m_table = nullptr;
    AuditTableModel *m_model = nullptr;
    QWidget *m_busy = nullptr;
    QLabel *m_busyText = nullptr;
    QLabel *m_count = nullptr;
    QLabel *m_result = nullptr;
    QLabel *m_error = nullptr;
    QPushButton *m_export = nullptr;
    QPushButton *m_close = nullptr;
};

} // namespace quire::widgets
