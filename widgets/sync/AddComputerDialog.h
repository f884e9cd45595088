#pragma once
// AddComputerDialog: Notebook ▸ Add my other computer…. Makes an offer for another computer of
// this member (on a worker: the code's key derivation takes a moment), saves the offer file and
// shows the one-time code large, with how long it works.

#include <QDialog>
#include <QFutureWatcher>

#include "Notebook.h"

class QDialogButtonBox;
class QLabel;
class QLineEdit;

namespace quire::widgets {

class AddComputerDialog : public QDialog {
    Q_OBJECT
public:
    AddComputerDialog(Notebook *notebook, QWidget *parent = nullptr);
    ~AddComputerDialog() override;

    QString code() const; // empty until the offer is made
    QString errorText() const;
    bool isBusy() const { return m_watcher.isRunning(); }

public slots:
    void reject() override;

private:
    void chooseFile();
    void makeOffer();
    void finishOffer();

    Notebook *m_notebook;
    QLineEdit *m_name = nullptr;
    QLineEdit *m_path = nullptr;
    QWidget *m_form = nullptr;
    QLabel *m_codeLabel = nullptr;
    QLabel *m_codeHint = nullptr;
    QLabel *m_error = nullptr;
    QWidget *m_busy = nullptr;
    QDialogButtonBox *m_buttons = nullptr;
    QFutureWatcher<Result<DeviceOffer>> m_watcher;
};

} // namespace quire::widgets
