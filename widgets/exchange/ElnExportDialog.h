#pragma once
// exchange/: exchange with other ELNs through .eln files (issue 15).
//
// ElnExportDialog: File ▸ Export as .eln…. The person chooses all experiments or some (the one on
// the page first) and the file; the export runs on a worker with a progress bar and Cancel, and
// writes nothing unless it finishes (model/exchange/ElnExport). Afterwards it says what went in
// and offers to show the file in its folder.

#include "exchange/ElnExport.h"
#include "Notebook.h"

#include <QDialog>
#include <QFutureWatcher>

#include <atomic>
#include <memory>

class QDialogButtonBox;
class QLabel;
class QLineEdit;
class QListWidget;
class QProgressBar;
class QPushButton;
class QRadioButton;

namespace quire::widgets {

class ElnExportDialog : public QDialog {
    Q_OBJECT
public:
    // `current` is the experiment on the page (chosen at first), or empty.
    ElnExportDialog(Notebook *notebook, const QString &current, QWidget *parent = nullptr);

    QString errorText() const;
    bool isWorking() const { return m_working; }
    QString writtenPath() const { return m_writtenPath; }
    const ElnExportResult &exportResult() const { return m_result; }

public slots:
    void startExport();
    void cancelExport();
    void reject() override;

signals:
    void busyChanged(bool busy);
    void exported(const QString &path);

private:
    QWidget *buildFormPage(const QString &current);
    QWidget *buildResultPage();
    void setWorking(bool working);
    void chooseFile();
    void finishExport();
    void fail(const QString &message);
    void updateChoice();
    QStringList chosenExperiments() const;

    Notebook *m_notebook;
    struct Job {
        std::atomic_bool cancel{false};
    };
    std::shared_ptr<Job> m_job;
    bool m_working = false;
    QString m_writtenPath;
    ElnExportResult m_result;
    QFutureWatcher<Result<ElnExportResult>> m_watcher;

    QWidget *m_formPage = nullptr;
    QWidget *m_resultPage = nullptr;
    QRadioButton *m_all = nullptr;
    QRadioButton *m_some = nullptr;
    QListWidget *m_list = nullptr;
    QLineEdit *m_path = nullptr;
    QPushButton *m_choose = nullptr;
    QLabel *m_error = nullptr;
    QWidget *m_progressRow = nullptr;
    QProgressBar *m_progress = nullptr;
    QLabel *m_stage = nullptr;
    QPushButton *m_exportButton = nullptr;
    QLabel *m_summary = nullptr;
    QLabel *m_where = nullptr;
};

} // namespace quire::widgets
