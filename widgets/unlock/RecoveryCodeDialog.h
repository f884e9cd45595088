#pragma once
// RecoveryCodeDialog: the member's recovery code (issue 17, "never lose a notebook") — shown
// once right after a notebook is created, with "Save recovery sheet as PDF…" and a box to tick
// before OK ("I have written it down or saved the sheet"), and again from the Notebook menu
// after the passphrase is entered once more.

#include "Notebook.h"

#include <QDialog>

class QCheckBox;
class QDialogButtonBox;
class QLabel;

namespace quire::widgets {

class RecoveryCodeDialog : public QDialog {
    Q_OBJECT
public:
    enum class Purpose { NewNotebook, ShowAgain };
    RecoveryCodeDialog(const RecoveryCodeInfo &info, Purpose purpose, QWidget *parent = nullptr);

    // After a notebook was created: makes its first code and shows it (window modal).
    static void showForNewNotebook(Notebook &notebook, QWidget *parent);
    // Notebook ▸ Recovery code…: asks for the passphrase, then shows the current code.
    static void showAgain(Notebook &notebook, QWidget *parent);

    QString code() const { return m_info.code; }
    // Writes the sheet to `path`; the button asks for the path first.
    bool saveSheet(const QString &path);

private:
    void askAndSaveSheet();

    RecoveryCodeInfo m_info;
    QLabel *m_error = nullptr;
    QCheckBox *m_confirm = nullptr;
    QDialogButtonBox *m_buttons = nullptr;
};

} // namespace quire::widgets
