#pragma once
// unlock/: the way in: unlocking an existing notebook (UnlockDialog) or creating the first one
// (CreateNotebookDialog), the key derivation running on a worker (NotebookLoader).
//
// UnlockDialog: asks for the passphrase of an existing notebook and unlocks it without
// freezing the window. A wrong passphrase is said plainly and the dialog stays for a retry.

#include "unlock/NotebookLoader.h"

#include <QDialog>

class QDialogButtonBox;
class QLabel;
class QLineEdit;

namespace quire::widgets {

class UnlockDialog : public QDialog {
    Q_OBJECT
public:
    explicit UnlockDialog(const QString &vaultPath, QWidget *parent = nullptr);

    // After accepted(): the unlocked notebook, owned by the caller from now on.
    std::unique_ptr<Notebook> takeNotebook() { return std::move(m_notebook); }
    bool isBusy() const { return m_loader.isRunning(); }
    QString errorText() const;

    // How a failure from the model reads in this dialog.
    static QString explain(const QString &modelMessage);

public slots:
    void reject() override;

private:
    void unlock();
    void finishUnlock();
    void setBusy(bool busy);

    QString m_vaultPath;
    QLineEdit *m_passphrase = nullptr;
    QLabel *m_error = nullptr;
    QWidget *m_busy = nullptr;
    QDialogButtonBox *m_buttons = nullptr;
    NotebookLoader m_loader;
    std::unique_ptr<Notebook> m_notebook;
};

} // namespace quire::widgets
