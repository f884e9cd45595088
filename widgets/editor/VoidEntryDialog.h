#pragma once
// VoidEntryDialog: asks why an entry is withdrawn. Voiding writes a new version with status
// void and the reason; the entry stays in the notebook, struck through, and every version stays
// readable in its history. The reason is required; the owner voids on submitted() and calls
// accept(), or shows what went wrong and leaves the dialog open so the reason is not lost.

#include <QDialog>

class QDialogButtonBox;
class QLabel;
class QLineEdit;

namespace quire::widgets {

class VoidEntryDialog : public QDialog {
    Q_OBJECT
public:
    VoidEntryDialog(const QString &entryTitle, bool signedEntry, QWidget *parent = nullptr);

    QString reason() const;

signals:
    void submitted();

private:
    QLineEdit *m_reason = nullptr;
    QDialogButtonBox *m_buttons = nullptr;
};

} // namespace quire::widgets
