#pragma once
// JoinDialog: "Join with an invitation file". A newcomer brings the invitation file a lab's
// admin made (Notebook ▸ Members… ▸ Invite), names themselves, chooses a folder and a passphrase
// (asked twice, its strength shown), and Quire creates their vault on a worker thread and saves
// the join request for the admin. The code to read to the admin is shown at the end; the
// notebook opens waiting for approval, and the first sync after it brings the notebook.

#include "unlock/NotebookLoader.h"

#include <QDialog>

class QDialogButtonBox;
class QLabel;
class QLineEdit;

namespace quire::widgets {

class StrengthMeter;

class JoinDialog : public QDialog {
    Q_OBJECT
public:
    explicit JoinDialog(const QString &vaultPath, QWidget *parent = nullptr);

    std::unique_ptr<Notebook> takeNotebook() { return std::move(m_notebook); }
    QString vaultPath() const;
    bool isBusy() const { return m_busy; }
    QString errorText() const;

public slots:
    void reject() override;

private:
    QString problem(QLineEdit **field) const;
    void join();
    void setBusy(bool busy);
    void updateStrength();

    QLineEdit *m_invitation = nullptr;
    QLineEdit *m_name = nullptr;
    QLineEdit *m_email = nullptr;
    QLineEdit *m_folder = nullptr;
    QLineEdit *m_passphrase = nullptr;
    QLineEdit *m_repeat = nullptr;
    QLineEdit *m_request = nullptr;
    StrengthMeter *m_strength = nullptr;
    QLabel *m_error = nullptr;
    QWidget *m_busyRow = nullptr;
    QDialogButtonBox *m_buttons = nullptr;
    bool m_busy = false;
    std::unique_ptr<Notebook> m_notebook;
};

} // namespace quire::widgets
