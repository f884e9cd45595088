#pragma once
// CreateNotebookDialog: the first start, and File ▸ New notebook…. Names the notebook and its
// founding member, sets the passphrase (asked twice, at least kMinPassphraseLength characters,
// its strength shown as it is typed and a very weak one refused) and creates the vault on a
// worker thread. Opened from the start window or the File menu it also asks for the folder.

#include "unlock/NotebookLoader.h"

#include <QDialog>

class QDialogButtonBox;
class QLabel;
class QLineEdit;

namespace quire::widgets {

class StrengthMeter;

class CreateNotebookDialog : public QDialog {
    Q_OBJECT
public:
    static constexpr int kMinPassphraseLength = 10;

    // Fixed: the notebook goes into the window's folder; Choose: `vaultPath` is a suggestion.
    enum class FolderChoice { Fixed, Choose };

    explicit CreateNotebookDialog(const QString &vaultPath, QWidget *parent = nullptr,
                                  FolderChoice folder = FolderChoice::Fixed);

    // The folder the notebook is (to be) created in.
    QString vaultPath() const;

    std::unique_ptr<Notebook> takeNotebook() { return std::move(m_notebook); }
    bool isBusy() const { return m_loader.isRunning(); }
    QString errorText() const;

public slots:
    void reject() override;

private:
    // The first problem with what was typed, with the field to fix; empty when all is well.
    QString problem(QLineEdit **field) const;
    void create();
    void finishCreate();
    void updateStrength();
    // "I already use this notebook on another computer": the vault comes from an offer.
    void useOtherComputer();
    void setBusy(bool busy);

    QString m_vaultPath;
    QLineEdit *m_folder = nullptr; // FolderChoice::Choose only
    QLineEdit *m_notebookName = nullptr;
    QLineEdit *m_memberName = nullptr;
    QLineEdit *m_email = nullptr;
    QLineEdit *m_passphrase = nullptr;
    QLineEdit *m_repeat = nullptr;
    StrengthMeter *m_strength = nullptr;
    QLabel *m_error = nullptr;
    QWidget *m_busy = nullptr;
    QDialogButtonBox *m_buttons = nullptr;
    NotebookLoader m_loader;
    std::unique_ptr<Notebook> m_notebook;
};

} // namespace quire::widgets
