#pragma once
// signing/: electronic signatures and trusted time: one signature on one entry version
// (SignDialog), the entries waiting for my countersignature (ReviewQueueDialog), and the
// time-stamp authorities that vouch for when records existed (TimestampSettingsDialog).
//
// SignDialog: one electronic signature (21 CFR 11.50, 11.100, 11.200) on one entry version. It
// names the signer (the first component), asks for the passphrase again (the second), says in
// plain words what the signature means, and offers only the meanings the rules allow, giving
// the reason beside each one they do not. Signing runs on a worker; busyChanged tells the
// window, which must leave the notebook alone meanwhile. After signing the dialog shows the
// signature as it will be printed and offers to export the evidence for an independent check.

#include "Notebook.h"

#include <QDialog>
#include <QFutureWatcher>
#include <QHash>

class QButtonGroup;
class QComboBox;
class QDialogButtonBox;
class QLabel;
class QLineEdit;
class QPushButton;
class QRadioButton;

namespace quire::widgets {

class SignDialog : public QDialog {
    Q_OBJECT
public:
    // `entries`: the versions that may be chosen (a list when opened from the toolbar, one
    // when a page link or the review queue names it); `entry` is chosen first.
    SignDialog(Notebook *notebook, const QList<EntryVersion> &entries, const QString &entry,
               QWidget *parent = nullptr);

    QString errorText() const;
    bool isSigning() const { return m_signing; }
    // The signature made, once signing succeeded.
    SignatureInfo signature() const { return m_signature; }
    // The text below the result after an evidence export.
    QString evidenceText() const;

    // Writes what an independent check of `signature` needs into a new folder inside
    // `parentDir`, named after the entry and the meaning so that several never mix. Returns
    // that folder.
    static Result<QString> writeEvidence(Notebook *notebook, const SignatureInfo &signature,
                                         const QString &entryTitle, const QString &parentDir);

public slots:
    void sign();
    // Exports the evidence of the signature just made into a new folder inside `parentDir`.
    void exportEvidenceTo(const QString &parentDir);
    void reject() override;

signals:
    // True while the worker uses the notebook.
    void busyChanged(bool busy);
    void signedEntry(const quire::SignatureInfo &signature);

private:
    QWidget *buildFormPage();
    QWidget *buildResultPage();
    void chooseEntry(int index);
    void updateStatement();
    void setSigning(bool signing);
    void finishSigning();
    void chooseEvidenceFolder();
    void fitToContent();
    QString selectedMeaning() const;
    const EntryVersion &current() const { return m_entries.at(m_index); }

    Notebook *m_notebook = nullptr;
    QList<EntryVersion> m_entries;
    int m_index = 0;
    MemberInfo m_me;
    bool m_signing = false;
    SignatureInfo m_signature;
    QFutureWatcher<Result<SignatureInfo>> m_watcher;

    QWidget *m_formPage = nullptr;
    QWidget *m_resultPage = nullptr;
    QLabel *m_entryLabel = nullptr;
    QComboBox *m_entryCombo = nullptr;
    QButtonGroup *m_meanings = nullptr;
    QHash<QString, QRadioButton *> m_meaningButtons;
    QHash<QString, QLabel *> m_meaningNotes;
    QLabel *m_nothingToSign = nullptr;
    QLabel *m_statement = nullptr;
    QLineEdit *m_passphrase = nullptr;
    QLabel *m_error = nullptr;
    QWidget *m_busy = nullptr;
    QDialogButtonBox *m_buttons = nullptr;
    QPushButton *m_signButton = nullptr;

    QLabel *m_manifestation = nullptr;
    QLabel *m_evidence = nullptr;
    QLabel *m_evidenceError = nullptr;
    QPushButton *m_exportButton = nullptr;
    QDialogButtonBox *m_closeButtons = nullptr;
};

} // namespace quire::widgets
