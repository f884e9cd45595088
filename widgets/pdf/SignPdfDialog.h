#pragma once
// SignPdfDialog: File ▸ Sign a PDF…. A PDF exported from this notebook is signed with my key
// and a meaning, after the same checks as `quire-cli pdf sign`: the rules for that meaning, the
// earlier signatures still valid and the embedded records identical to this notebook's
// (PdfExport::signingProblem). A refusal is shown in words and nothing is signed. The
// passphrase is asked again; signing and time-stamping run on a worker. The signed PDF is
// written beside the original unless another file is chosen.

#include "export/PdfExport.h"
#include "Notebook.h"

#include <QDialog>
#include <QFutureWatcher>

class QComboBox;
class QDialogButtonBox;
class QLabel;
class QLineEdit;
class QPushButton;

namespace quire::widgets {

class SignPdfDialog : public QDialog {
    Q_OBJECT
public:
    SignPdfDialog(Notebook *notebook, const QString &path = QString(), QWidget *parent = nullptr);

    QString errorText() const;
    bool isSigning() const { return m_watcher.isRunning(); }
    QString writtenPath() const { return m_writtenPath; }
    QString level() const { return m_level; }

public slots:
    void sign();

signals:
    void busyChanged(bool busy);
    void signedPdf(const QString &path);

private:
    void setInput(const QString &path);
    void updateStatement();
    void finishSigning();

    Notebook *m_notebook;
    QString m_writtenPath;
    QString m_level;
    QFutureWatcher<Result<PdfSignResult>> m_watcher;

    QLineEdit *m_input = nullptr;
    QLineEdit *m_output = nullptr;
    QComboBox *m_meaning = nullptr;
    QLabel *m_statement = nullptr;
    QLineEdit *m_passphrase = nullptr;
    QLabel *m_error = nullptr;
    QWidget *m_busy = nullptr;
    QLabel *m_result = nullptr;
    QDialogButtonBox *m_buttons = nullptr;
    QPushButton *m_signButton = nullptr;
};

} // namespace quire::widgets
