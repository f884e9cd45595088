#pragma once
// pdf/: the PDF a patent attorney receives (issue 13), from the window: exporting an
// experiment (ExportPdfDialog), signing a PDF and verifying one.
//
// ExportPdfDialog: File ▸ Export as PDF… for the experiment on the page. The person chooses the
// entries (all at first), the paper and the file, and may sign the PDF at once with a meaning
// (the passphrase asked again, the rules checked by the model as the command line does). The
// model's work and signing run on a worker; the pages are printed by QtWebEngine on this thread
// in the printer's own event loop, so the dialog keeps answering and Cancel stops the printer.
// Nothing is written until everything succeeded. Afterwards the PDF can be opened or shown in its
// folder.

#include "export/PdfExport.h"
#include "Notebook.h"

#include <QDialog>
#include <QFutureWatcher>

#include <atomic>
#include <memory>

class QCheckBox;
class QComboBox;
class QDialogButtonBox;
class QLabel;
class QLineEdit;
class QListWidget;
class QProgressBar;
class QPushButton;

namespace quire::widgets {

class ExportPdfDialog : public QDialog {
    Q_OBJECT
public:
    ExportPdfDialog(Notebook *notebook, const QString &experiment,
                    const QList<EntryVersion> &entries, QWidget *parent = nullptr);

    QString errorText() const;
    bool isWorking() const { return m_working; }
    // The file written, once the export succeeded.
    QString writtenPath() const { return m_writtenPath; }
    const PdfExportResult &exportResult() const { return m_exported; }
    QString signedLevel() const { return m_signedLevel; }

public slots:
    void startExport();
    void cancelExport();
    void reject() override;

signals:
    // True while the export uses the notebook.
    void busyChanged(bool busy);
    // The stage on screen changed (printing, signing…): tests and screenshots wait for it.
    void stageChanged(const QString &stage);
    void exported(const QString &path);

private:
    QWidget *buildFormPage();
    QWidget *buildResultPage();
    void setWorking(bool working, const QString &stage = QString());
    void updateSignFields();
    void chooseFile();
    void finishExport();
    void finish(const QByteArray &pdf);
    void fail(const QString &message);
    QStringList chosenEntries() const;

    Notebook *m_notebook;
    QString m_experiment;
    QList<EntryVersion> m_entries;
    // What the worker shares with the dialog; it outlives the dialog if need be.
    struct Job {
        std::atomic_bool cancel{false};
        PdfExportResult exported;
        QString level;
        bool signingRefused = false;
    };
    bool m_working = false;
    std::shared_ptr<Job> m_job;
    QString m_writtenPath;
    PdfExportResult m_exported;
    QString m_signedLevel;
    QString m_meaning;
    QFutureWatcher<Result<QByteArray>> m_watcher;

    QWidget *m_formPage = nullptr;
    QWidget *m_resultPage = nullptr;
    QListWidget *m_entryList = nullptr;
    QComboBox *m_paper = nullptr;
    QCheckBox *m_sign = nullptr;
    QComboBox *m_meaningCombo = nullptr;
    QLabel *m_statement = nullptr;
    QLineEdit *m_passphrase = nullptr;
    QLineEdit *m_path = nullptr;
    QPushButton *m_choose = nullptr;
    QLabel *m_error = nullptr;
    QWidget *m_progressRow = nullptr;
    QProgressBar *m_progress = nullptr;
    QLabel *m_stage = nullptr;
    QDialogButtonBox *m_buttons = nullptr;
    QPushButton *m_exportButton = nullptr;
    QLabel *m_summary = nullptr;
    QLabel *m_where = nullptr;
};

} // namespace quire::widgets
