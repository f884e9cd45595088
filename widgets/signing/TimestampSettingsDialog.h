#pragma once
// TimestampSettingsDialog: the time-stamp authorities (RFC 3161) that vouch for when records
// existed (FORMAT.md §4) — their addresses, tried in order, and the certificates this notebook
// trusts for them — with how many records still wait for a trusted time and a way to have them
// attested now. Attesting runs on a worker; busyChanged tells the window, which must leave the
// notebook alone meanwhile.

#include "Notebook.h"

#include <QDialog>
#include <QFutureWatcher>

class QDialogButtonBox;
class QLabel;
class QPlainTextEdit;
class QPushButton;

namespace quire::widgets {

class TimestampSettingsDialog : public QDialog {
    Q_OBJECT
public:
    explicit TimestampSettingsDialog(Notebook *notebook, QWidget *parent = nullptr);

    QString errorText() const;
    QString resultText() const;
    bool isWorking() const { return m_working; }
    // The trusted certificates as shown: subject and SHA-256 fingerprint of each.
    static QString describeCertificates(const QByteArray &pem);

public slots:
    // Saves (when something changed) and closes; stays open with the reason when saving fails.
    void save();
    // Saves, then asks the authorities to attest every record that waits.
    void attestNow();
    // Trusts the certificates in these PEM files instead of the ones trusted so far.
    bool useCertificateFiles(const QStringList &paths);
    void reject() override;

signals:
    void busyChanged(bool busy);

private:
    bool saveIfChanged();
    void finishAttesting();
    void showTrusted();
    void showWaiting();
    QStringList urls() const;

    Notebook *m_notebook = nullptr;
    TimestampSettings m_saved;
    QByteArray m_trusted;
    bool m_working = false;
    QFutureWatcher<Result<AnchorSummary>> m_watcher;

    QPlainTextEdit *m_urls = nullptr;
    QLabel *m_trustLabel = nullptr;
    QPushButton *m_trustButton = nullptr;
    QLabel *m_waiting = nullptr;
    QPushButton *m_attest = nullptr;
    QWidget *m_busy = nullptr;
    QLabel *m_result = nullptr;
    QLabel *m_error = nullptr;
    QDialogButtonBox *m_buttons = nullptr;
};

} // namespace quire::widgets
