#pragma once
// settings/: the program's settings in one dialog (SettingsDialog) and the language it speaks
// (Language).
//
// SettingsDialog: the program's settings in one place — where the notebook is shared and who
// vouches for its times (each opens its own dialog), how long the notebook stays open without
// use, and the language. Saving stores the idle time (QSettings "idleLockMinutes") and the
// language, and switches the language at once: every window re-reads its words.

#include <QDialog>

class QComboBox;
class QLabel;
class QPushButton;
class QSpinBox;

namespace quire::widgets {

class SettingsDialog : public QDialog {
    Q_OBJECT
public:
    // Sharing and trusted time belong to an unlocked notebook; locked, only the program's own
    // settings can change.
    explicit SettingsDialog(bool notebookOpen, QWidget *parent = nullptr);

    int idleMinutes() const;
    // The language chosen: a code from availableLanguages(), or empty for the system's.
    QString language() const;

public slots:
    void accept() override;

signals:
    void remoteSettingsRequested();
    void timestampSettingsRequested();
    void idleMinutesChanged(int minutes);

protected:
    void changeEvent(QEvent *event) override;

private:
    void retranslate();

    bool m_notebookOpen = false;
    QLabel *m_heading = nullptr;
    QLabel *m_sharingTitle = nullptr;
    QLabel *m_sharingHint = nullptr;
    QPushButton *m_remote = nullptr;
    QLabel *m_timeTitle = nullptr;
    QLabel *m_timeHint = nullptr;
    QPushButton *m_timestamps = nullptr;
    QLabel *m_lockedNote = nullptr;
    QLabel *m_securityTitle = nullptr;
    QLabel *m_idleBefore = nullptr;
    QSpinBox *m_idle = nullptr;
    QLabel *m_idleAfter = nullptr;
    QLabel *m_securityHint = nullptr;
    QLabel *m_languageTitle = nullptr;
    QComboBox *m_language = nullptr;
    QLabel *m_languageHint = nullptr;
    QPushButton *m_save = nullptr;
    QPushButton *m_cancel = nullptr;
};

} // namespace quire::widgets
