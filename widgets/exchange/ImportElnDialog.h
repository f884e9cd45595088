#pragma once
// ImportElnDialog: File ▸ Import .eln…. Runs ElnImport on a worker (the window leaves the
// notebook alone meanwhile) with its phase and a progress bar, Cancel that stops it with nothing
// written, then the report: what became experiments, entries and files, files whose SHA-256 does
// not match the crate's (kept and marked), and what could not be imported.

#include "exchange/ElnImport.h"
#include "Notebook.h"

#include <QDialog>
#include <QFutureWatcher>

#include <atomic>
#include <memory>

class QDialogButtonBox;
class QLabel;
class QPlainTextEdit;
class QProgressBar;
class QPushButton;

namespace quire::widgets {

class ImportElnDialog : public QDialog {
    Q_OBJECT
public:
    ImportElnDialog(Notebook *notebook, const QString &path, QWidget *parent = nullptr);

    void start();
    bool isImporting() const { return m_running; }
    bool succeeded() const { return m_succeeded; }
    QString summaryText() const;
    QString reportText() const;

signals:
    void busyChanged(bool busy);
    void imported(const QStringList &experiments);

protected:
    void reject() override;

private:
    void showProgress(const QString &phase, qint64 done, qint64 total);
    void finishImport();

    Notebook *m_notebook;
    QString m_path;
    bool m_succeeded = false;
    bool m_running = false; // from start() until the outcome is shown
    std::shared_ptr<std::atomic_bool> m_cancel = std::make_shared<std::atomic_bool>(false);
    QFutureWatcher<Result<ElnImportReport>> m_watcher;
    QLabel *m_summary = nullptr;
    QLabel *m_phase = nullptr;
    QProgressBar *m_progress = nullptr;
    QPlainTextEdit *m_report = nullptr;
    QDialogButtonBox *m_buttons = nullptr;
    QPushButton *m_cancelButton = nullptr;
};

} // namespace quire::widgets
