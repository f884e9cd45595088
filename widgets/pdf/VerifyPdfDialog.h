#pragma once
// VerifyPdfDialog: File ▸ Verify a PDF…. The pages of the PDF (rendered by the model with
// Poppler) beside what the model's verify found: for each signature its signer, meaning, time,
// chain to the notebook CA, whether the signed bytes are intact and what was added after it
// (allowed or not); for each document time-stamp its authority, time and validity; the
// embedded evidence against this notebook; and an overall verdict in words as well as colour.
// The check and the pictures are made on a worker.

#include "export/PdfExport.h"
#include "Notebook.h"

#include <QDialog>
#include <QFutureWatcher>
#include <QImage>

class QLabel;
class QListWidget;
class QTextBrowser;

namespace quire::widgets {

class VerifyPdfDialog : public QDialog {
    Q_OBJECT
public:
    VerifyPdfDialog(Notebook *notebook, const QString &path, QWidget *parent = nullptr);

    // Reads the file and checks it on a worker; the window leaves the notebook alone meanwhile.
    void start();
    bool isChecking() const { return m_watcher.isRunning(); }
    // Once checked: whether the PDF verifies, the verdict and the report as on screen.
    bool passed() const { return m_passed; }
    QString verdictText() const;
    QString reportText() const;
    int pagesShown() const;

signals:
    void busyChanged(bool busy);
    void checked(bool passed);

private:
    struct Outcome {
        Result<PdfCheck> check = fail(QString());
        QList<QImage> pages;
        int pageCount = 0;
    };
    void showOutcome(const Outcome &outcome);
    static QString reportHtml(const PdfCheck &check);

    Notebook *m_notebook;
    QString m_path;
    bool m_passed = false;
    QFutureWatcher<Outcome> m_watcher;
    QListWidget *m_pages = nullptr;
    QLabel *m_verdict = nullptr;
    QTextBrowser *m_report = nullptr;
};

} // namespace quire::widgets
