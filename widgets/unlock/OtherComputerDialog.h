#pragma once
// OtherComputerDialog: "I already use this notebook on another computer" at the first start.
// Takes the offer file made on the other computer (Notebook ▸ Add my other computer…), its
// one-time code and a passphrase for this computer, and creates this computer's vault for the
// same member on a worker thread. The first sync then brings the notebook.

#include "unlock/NotebookLoader.h"

#include <QDialog>

class QDialogButtonBox;
class QLabel;
class QLineEdit;

namespace quire::widgets {

class OtherComputerDialog : public QDialog {
    Q_OBJECT
public:
    // With `chooseFolder` (the start window), `vaultPath` is a suggestion the person may change.
    explicit OtherComputerDialog(const QString &vaultPath, QWidget *parent = nullptr,
                                 bool chooseFolder = false);

    // The folder this computer's vault is (to be) created in.
    QString vaultPath() const;

    std::unique_ptr<Notebook> takeNotebook() { return std::move(m_notebook); }
    bool isBusy() const { return m_loader.isRunning(); }
    QString errorText() const;

public slots:
    void reject() override;

private:
    void chooseFile();
    void join();
    void finishJoin();
    void setBusy(bool busy);

    QString m_vaultPath;
    QLineEdit *m_folder = nullptr; // with chooseFolder only
    QLineEdit *m_offer = nullptr;
    QLineEdit *m_code = nullptr;
    QLineEdit *m_passphrase = nullptr;
    QLineEdit *m_repeat = nullptr;
    QLabel *m_error = nullptr;
    QWidget *m_busy = nullptr;
    QDialogButtonBox *m_buttons = nullptr;
    NotebookLoader m_loader;
    std::unique_ptr<Notebook> m_notebook;
};

} // namespace quire::widgets
