#pragma once
// RemoteSettingsDialog: where the notebook is shared (the lab's git repository) and how to
// log in to it: user and password or token, an ssh private key, an extra certificate
// authority. It shows the current address but never a saved secret; saving replaces the
// whole login through Notebook::setRemote.

#include <QDialog>

class QDialogButtonBox;
class QLabel;
class QLineEdit;

namespace quire {
class Notebook;
}

namespace quire::widgets {

class RemoteSettingsDialog : public QDialog {
    Q_OBJECT
public:
    explicit RemoteSettingsDialog(Notebook *notebook, QWidget *parent = nullptr);

    QString errorText() const;

public slots:
    // Saves through the model; stays open with the reason when that fails.
    void save();

private:
    void chooseFile(QLineEdit *into, const QString &title, const QString &filter);

    Notebook *m_notebook = nullptr;
    QLabel *m_current = nullptr;
    QLineEdit *m_url = nullptr;
    QLineEdit *m_user = nullptr;
    QLineEdit *m_secret = nullptr;
    QLineEdit *m_sshKey = nullptr;
    QLineEdit *m_caFile = nullptr;
    QLabel *m_error = nullptr;
    QDialogButtonBox *m_buttons = nullptr;
};

} // namespace quire::widgets
