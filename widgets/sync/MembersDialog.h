#pragma once
// MembersDialog: who belongs to the notebook (name, email, roles, status) and, for an
// admin, the three ways membership changes: invite a newcomer (an invitation file), approve
// the join request they send back (after comparing a code by phone), and revoke a member.
// ApproveRequestDialog and RevokeMemberDialog are its two confirmation steps.

#include "Notebook.h"

#include <QDialog>

class QCheckBox;
class QDialogButtonBox;
class QLabel;
class QLineEdit;
class QPushButton;
class QTableWidget;

namespace quire::widgets {

class ApproveRequestDialog;
class RevokeMemberDialog;

class MembersDialog : public QDialog {
    Q_OBJECT
public:
    explicit MembersDialog(Notebook *notebook, QWidget *parent = nullptr);

    // The file-choosing steps of the buttons, split off so that tests (which cannot answer a
    // native file dialog) drive everything after the choice.
    void inviteTo(const QString &path);
    void approveRequestFrom(const QString &path);
    // The confirmation step currently open, if any.
    ApproveRequestDialog *approveDialog() const { return m_approve; }
    RevokeMemberDialog *revokeDialog() const { return m_revoke; }

    QString messageText() const;
    QString errorText() const;

public slots:
    void invite();
    void approveRequest();
    void revokeSelected();
    void reload();

private:
    void updateButtons();
    void showMessage(const QString &text);

    Notebook *m_notebook = nullptr;
    QList<MemberInfo> m_members;
    bool m_isAdmin = false;
    bool m_hasRemote = false;
    QTableWidget *m_table = nullptr;
    QLabel *m_message = nullptr;
    QLabel *m_error = nullptr;
    QPushButton *m_invite = nullptr;
    QPushButton *m_approveButton = nullptr;
    QPushButton *m_revokeButton = nullptr;
    ApproveRequestDialog *m_approve = nullptr;
    RevokeMemberDialog *m_revoke = nullptr;
};

// Shows who asked to join and the code to compare by phone; approves with the chosen roles.
class ApproveRequestDialog : public QDialog {
    Q_OBJECT
public:
    ApproveRequestDialog(Notebook *notebook, const QByteArray &request, const JoinRequestInfo &info,
                         QWidget *parent = nullptr);

    QString code() const { return m_info.code; }
    QString name() const { return m_info.name; }
    QStringList roles() const;
    QString errorText() const;

private:
    void approve();
    void updateOk();

    Notebook *m_notebook = nullptr;
    QByteArray m_request;
    JoinRequestInfo m_info;
    QCheckBox *m_codeMatches = nullptr;
    QList<QCheckBox *> m_roles;
    QLabel *m_error = nullptr;
    QDialogButtonBox *m_buttons = nullptr;
};

// Asks for the reason and makes the consequences plain before a member is revoked.
class RevokeMemberDialog : public QDialog {
    Q_OBJECT
public:
    RevokeMemberDialog(Notebook *notebook, const MemberInfo &member, QWidget *parent = nullptr);

    QString errorText() const;

private:
    void revoke();

    Notebook *m_notebook = nullptr;
    MemberInfo m_member;
    QLineEdit *m_reason = nullptr;
    QLabel *m_error = nullptr;
    QDialogButtonBox *m_buttons = nullptr;
};

} // namespace quire::widgets
