#include "sync/MembersDialog.h"

#include "common/DialogParts.h"

#include <QCheckBox>
#include <QDialogButtonBox>
#include <QDir>
#include <QFile>
#include <QFileDialog>
#include <QFileInfo>
#include <QFontDatabase>
#include <QFormLayout>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QSaveFile>
#include <QTableWidget>
#include <QVBoxLayout>

namespace quire::widgets {

namespace {

const QStringList kRoles{QStringLiteral("author"), QStringLiteral("supervisor"),
                         QStringLiteral("admin"), QStringLiteral("auditor")};

QString roleName(const QString &role) {
    if (role == QLatin1String("author")) return MembersDialog::tr("Author");
    if (role == QLatin1String("supervisor")) return MembersDialog::tr("Supervisor");
    if (role == QLatin1String("admin")) return MembersDialog::tr("Admin");
    if (role == QLatin1String("auditor")) return MembersDialog::tr("Auditor");
    return role;
}

QString roleDescription(const QString &role) {
    if (role == QLatin1String("author")) return MembersDialog::tr("writes experiments and entries");
    if (role == QLatin1String("supervisor"))
        return MembersDialog::tr("reviews, approves and witnesses the entries of others");
    if (role == QLatin1String("admin"))
        return MembersDialog::tr("invites, approves and revokes members");
    if (role == QLatin1String("auditor"))
        return MembersDialog::tr("inspects the notebook and its audit trail");
    return {};
}

QString statusName(const QString &status) {
    if (status == QLatin1String("active")) return MembersDialog::tr("Active");
    if (status == QLatin1String("revoked")) return MembersDialog::tr("Revoked");
    return status;
}

QLabel *makeMessageLabel(QWidget *parent) {
    auto *label = new QLabel(parent);
    label->setObjectName(QStringLiteral("messageLabel"));
    label->setWordWrap(true);
    label->setTextFormat(Qt::PlainText);
    label->setTextInteractionFlags(Qt::TextSelectableByMouse);
    label->hide();
    return label;
}

} // namespace

// ---- MembersDialog --------------------------------------------------------------------------

MembersDialog::MembersDialog(Notebook *notebook, QWidget *parent)
    : QDialog(parent)
    , m_notebook(notebook) {
    setObjectName(QStringLiteral("membersDialog"));
    setWindowTitle(tr("Members"));
    setMinimumSize(720, 420);

    auto *layout = new QVBoxLayout(this);
    layout->setSpacing(10);
    layout->addWidget(makeHeading(
        tr("Members of “%1”").arg(m_notebook ? m_notebook->notebookName() : QString()), this));
    layout->addWidget(makeHint(tr("Everyone listed can read this notebook; their roles say what "
                                  "else they may do. A newcomer joins with an invitation file "
                                  "and is let in once an admin approves their request."),
                               this));

    m_table = new QTableWidget(0, 4, this);
    m_table->setObjectName(QStringLiteral("membersTable"));
    m_table->setHorizontalHeaderLabels({tr("Name"), tr("Email"), tr("Roles"), tr("Status")});
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setSelectionMode(QAbstractItemView::SingleSelection);
    m_table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_table->verticalHeader()->hide();
    m_table->setAlternatingRowColors(true);
    m_table->setShowGrid(false);
    m_table->horizontalHeader()->setSectionResizeMode(0, QHeaderView::ResizeToContents);
    m_table->horizontalHeader()->setSectionResizeMode(1, QHeaderView::Stretch);
    m_table->horizontalHeader()->setSectionResizeMode(2, QHeaderView::ResizeToContents);
    m_table->horizontalHeader()->setSectionResizeMode(3, QHeaderView::ResizeToContents);
    m_table->horizontalHeader()->setDefaultAlignment(Qt::AlignLeft | Qt::AlignVCenter);
    m_table->setAccessibleName(tr("Members"));
    m_table->setStyleSheet(QStringLiteral("QTableWidget::item { padding: 0 10px 0 2px; }"));
    m_table->verticalHeader()->setDefaultSectionSize(fontMetrics().height() + 14);
    layout->addWidget(m_table, 1);

    m_message = makeMessageLabel(this);
    layout->addWidget(m_message);
    m_error = makeErrorLabel(this);
    layout->addWidget(m_error);

    auto *row = new QHBoxLayout;
    m_invite = new QPushButton(tr("&Invite…"), this);
    m_invite->setObjectName(QStringLiteral("inviteButton"));
    m_approveButton = new QPushButton(tr("&Approve request…"), this);
    m_approveButton->setObjectName(QStringLiteral("approveButton"));
    m_revokeButton = new QPushButton(tr("&Revoke…"), this);
    m_revokeButton->setObjectName(QStringLiteral("revokeButton"));
    auto *close = new QDialogButtonBox(QDialogButtonBox::Close, this);
    useTextOnlyButtons(close);
    row->addWidget(m_invite);
    row->addWidget(m_approveButton);
    row->addWidget(m_revokeButton);
    row->addStretch(1);
    row->addWidget(close);
    layout->addLayout(row);

    connect(m_invite, &QPushButton::clicked, this, &MembersDialog::invite);
    connect(m_approveButton, &QPushButton::clicked, this, &MembersDialog::approveRequest);
    connect(m_revokeButton, &QPushButton::clicked, this, &MembersDialog::revokeSelected);
    connect(close, &QDialogButtonBox::rejected, this, &QDialog::reject);
    connect(m_table, &QTableWidget::itemSelectionChanged, this, &MembersDialog::updateButtons);
    reload();
}

void MembersDialog::reload() {
    if (!m_notebook) return;
    const MemberInfo me = m_notebook->me();
    m_isAdmin = me.roles.contains(QStringLiteral("admin")) && me.status == QLatin1String("active");
    auto remote = m_notebook->remoteUrl();
    m_hasRemote = remote && !remote->isEmpty();
    auto members = m_notebook->members();
    if (!members) {
        showError(m_error, asSentence(members.error()));
        m_members.clear();
    } else {
        m_members = *members;
    }
    const QList<QTableWidgetItem *> was = m_table->selectedItems();
    const QString selected = was.isEmpty() ? QString() : was.first()->data(Qt::UserRole).toString();
    m_table->setRowCount(int(m_members.size()));
    QPalette muted = palette();
    for (int i = 0; i < m_members.size(); ++i) {
        const MemberInfo &m = m_members.at(i);
        QStringList roles;
        for (const QString &role : m.roles)
            roles << roleName(role);
        const QString name = m.uuid == me.uuid ? tr("%1 (you)").arg(m.name) : m.name;
        const QStringList cells{name, m.email, roles.join(QStringLiteral(", ")),
                                statusName(m.status)};
        for (int c = 0; c < cells.size(); ++c) {
            auto *item = new QTableWidgetItem(cells.at(c));
            item->setData(Qt::UserRole, m.uuid);
            if (m.status != QLatin1String("active"))
                item->setForeground(muted.color(QPalette::Disabled, QPalette::Text));
            m_table->setItem(i, c, item);
        }
    }
    // No row is picked until the admin picks one, so Revoke never aims at a default.
    m_table->clearSelection();
    m_table->setCurrentCell(-1, -1);
    for (int i = 0; i < m_members.size(); ++i)
        if (m_members.at(i).uuid == selected) m_table->selectRow(i);
    updateButtons();
}

void MembersDialog::updateButtons() {
    const QString adminOnly =
        tr("Only an admin of this notebook can invite, approve or revoke members.");
    m_invite->setEnabled(m_isAdmin && m_hasRemote);
    m_invite->setToolTip(!m_isAdmin ? adminOnly
                         : !m_hasRemote
                             ? tr("Set the shared repository first (Notebook ▸ Remote settings…): "
                                  "the invitation tells the newcomer where it is.")
                             : tr("Save an invitation file to send to a newcomer"));
    m_approveButton->setEnabled(m_isAdmin);
    m_approveButton->setToolTip(m_isAdmin ? tr("Open the join request a newcomer sent you")
                                          : adminOnly);

    const int row = m_table->currentRow();
    const bool rowSelected =
        !m_table->selectedItems().isEmpty() && row >= 0 && row < m_members.size();
    const MemberInfo *m = rowSelected ? &m_members.at(row) : nullptr;
    const bool isMe = m && m_notebook && m->uuid == m_notebook->me().uuid;
    const bool active = m && m->status == QLatin1String("active");
    m_revokeButton->setEnabled(m_isAdmin && m && active && !isMe);
    m_revokeButton->setToolTip(!m_isAdmin ? adminOnly
                               : !m       ? tr("Select the member to revoke")
                               : isMe     ? tr("You cannot revoke yourself")
                               : !active  ? tr("This member is already revoked")
                                         : tr("Close the notebook to %1 from now on").arg(m->name));
}

QString MembersDialog::messageText() const {
    return m_message->isVisible() ? m_message->text() : QString();
}

QString MembersDialog::errorText() const {
    return m_error->isVisible() ? m_error->text() : QString();
}

void MembersDialog::showMessage(const QString &text) {
    hideError(m_error);
    m_message->setText(text);
    m_message->show();
}

void MembersDialog::invite() {
    const QString path = QFileDialog::getSaveFileName(
        this, tr("Save the invitation"), QDir::home().filePath(QStringLiteral("invitation.json")),
        tr("Invitations (*.json)"));
    if (!path.isEmpty()) inviteTo(path);
}

void MembersDialog::inviteTo(const QString &path) {
    if (!m_notebook) return;
    m_message->hide();
    hideError(m_error);
    auto invitation = m_notebook->invite();
    if (!invitation) {
        showError(m_error, asSentence(invitation.error()));
        return;
    }
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly) || file.write(*invitation) != invitation->size() ||
        !file.commit()) {
        showError(m_error, tr("The invitation could not be saved to %1: %2.")
                               .arg(QDir::toNativeSeparators(path), file.errorString()));
        return;
    }
    showMessage(tr("Invitation saved to %1. Send it to the newcomer; Quire makes a join request "
                   "from it, which they send back to you to approve.")
                    .arg(QDir::toNativeSeparators(path)));
}

void MembersDialog::approveRequest() {
    const QString path =
        QFileDialog::getOpenFileName(this, tr("Open a join request"), QDir::homePath(),
                                     tr("Join requests (*.json);;All files (*)"));
    if (!path.isEmpty()) approveRequestFrom(path);
}

void MembersDialog::approveRequestFrom(const QString &path) {
    if (!m_notebook) return;
    m_message->hide();
    hideError(m_error);
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        showError(m_error, tr("The join request %1 cannot be read: %2.")
                               .arg(QDir::toNativeSeparators(path), file.errorString()));
        return;
    }
    const QByteArray request = file.readAll();
    auto info = Notebook::readJoinRequest(request);
    if (!info) {
        showError(m_error, asSentence(info.error()));
        return;
    }
    m_approve = new ApproveRequestDialog(m_notebook, request, *info, this);
    connect(m_approve, &QDialog::finished, m_approve, &QObject::deleteLater);
    connect(m_approve, &QObject::destroyed, this, [this] { m_approve = nullptr; });
    connect(m_approve, &QDialog::accepted, this, [this, name = info->name] {
        reload();
        showMessage(tr("%1 is now a member. Sync now, so that their copy receives the key; "
                       "they are let in at their next sync.")
                        .arg(name));
    });
    m_approve->open();
}

void MembersDialog::revokeSelected() {
    const int row = m_table->currentRow();
    if (!m_notebook || m_table->selectedItems().isEmpty() || row < 0 || row >= m_members.size())
        return;
    m_message->hide();
    hideError(m_error);
    const MemberInfo member = m_members.at(row);
    m_revoke = new RevokeMemberDialog(m_notebook, member, this);
    connect(m_revoke, &QDialog::finished, m_revoke, &QObject::deleteLater);
    connect(m_revoke, &QObject::destroyed, this, [this] { m_revoke = nullptr; });
    connect(m_revoke, &QDialog::accepted, this, [this, name = member.name] {
        reload();
        showMessage(tr("%1 was revoked. What is written from now on is closed to them once you "
                       "sync.")
                        .arg(name));
    });
    m_revoke->open();
}

// ---- ApproveRequestDialog -------------------------------------------------------------------

ApproveRequestDialog::ApproveRequestDialog(Notebook *notebook, const QByteArray &request,
                                           const JoinRequestInfo &info, QWidget *parent)
    : QDialog(parent)
    , m_notebook(notebook)
    , m_request(request)
    , m_info(info) {
    setObjectName(QStringLiteral("approveRequestDialog"));
    setWindowTitle(tr("Approve a join request"));
    setMinimumWidth(560);

    auto *layout = new QVBoxLayout(this);
    layout->setSpacing(10);
    layout->addWidget(makeHeading(tr("Approve a join request"), this));

    auto *who = new QFormLayout;
    auto *name = new QLabel(info.name, this);
    name->setObjectName(QStringLiteral("requestNameLabel"));
    name->setTextFormat(Qt::PlainText);
    QFont bold = name->font();
    bold.setWeight(QFont::DemiBold);
    name->setFont(bold);
    auto *email = new QLabel(info.email, this);
    email->setObjectName(QStringLiteral("requestEmailLabel"));
    email->setTextFormat(Qt::PlainText);
    who->addRow(tr("Name:"), name);
    who->addRow(tr("Email:"), email);
    layout->addLayout(who);

    auto *instruction =
        new QLabel(tr("Before you approve, phone %1 on a number you already know — not one "
                      "from the message that brought this file — and ask them to read out the "
                      "code Quire showed them. It must be exactly this:")
                       .arg(info.name),
                   this);
    instruction->setTextFormat(Qt::PlainText);
    instruction->setWordWrap(true);
    layout->addWidget(instruction);

    auto *code = new QLabel(info.code, this);
    code->setObjectName(QStringLiteral("codeLabel"));
    code->setTextFormat(Qt::PlainText);
    code->setAlignment(Qt::AlignCenter);
    code->setTextInteractionFlags(Qt::TextSelectableByMouse);
    QFont mono = QFontDatabase::systemFont(QFontDatabase::FixedFont);
    mono.setPointSizeF(font().pointSizeF() * 1.9);
    mono.setWeight(QFont::Bold);
    mono.setLetterSpacing(QFont::AbsoluteSpacing, 1.5);
    code->setFont(mono);
    code->setAutoFillBackground(true);
    QPalette codePalette = code->palette();
    codePalette.setColor(QPalette::Window, codePalette.color(QPalette::AlternateBase));
    code->setPalette(codePalette);
    code->setContentsMargins(12, 14, 12, 14);
    code->setAccessibleName(tr("Comparison code"));
    layout->addWidget(code);
    layout->addWidget(makeHint(tr("If the code differs, do not approve: someone may have changed "
                                  "the file on its way to you."),
                               this));
    m_codeMatches = new QCheckBox(tr("%1 read out exactly this code to me").arg(info.name), this);
    m_codeMatches->setObjectName(QStringLiteral("codeMatchesCheck"));
    layout->addWidget(m_codeMatches);

    auto *roles = new QGroupBox(tr("Roles"), this);
    auto *rolesLayout = new QVBoxLayout(roles);
    for (const QString &role : kRoles) {
        auto *box = new QCheckBox(tr("%1 — %2").arg(roleName(role), roleDescription(role)), roles);
        box->setObjectName(QStringLiteral("role_%1").arg(role));
        box->setProperty("role", role);
        rolesLayout->addWidget(box);
        m_roles << box;
        connect(box, &QCheckBox::toggled, this, &ApproveRequestDialog::updateOk);
    }
    layout->addWidget(roles);

    m_error = makeErrorLabel(this);
    layout->addWidget(m_error);
    layout->addStretch(1);

    m_buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    m_buttons->button(QDialogButtonBox::Ok)->setText(tr("A&pprove"));
    useTextOnlyButtons(m_buttons);
    layout->addWidget(m_buttons);
    connect(m_codeMatches, &QCheckBox::toggled, this, &ApproveRequestDialog::updateOk);
    connect(m_buttons, &QDialogButtonBox::accepted, this, &ApproveRequestDialog::approve);
    connect(m_buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    updateOk();
}

QStringList ApproveRequestDialog::roles() const {
    QStringList out;
    for (QCheckBox *box : m_roles)
        if (box->isChecked()) out << box->property("role").toString();
    return out;
}

QString ApproveRequestDialog::errorText() const {
    return m_error->isVisible() ? m_error->text() : QString();
}

void ApproveRequestDialog::updateOk() {
    QPushButton *ok = m_buttons->button(QDialogButtonBox::Ok);
    ok->setEnabled(m_codeMatches->isChecked() && !roles().isEmpty());
    ok->setToolTip(!m_codeMatches->isChecked() ? tr("First compare the code by phone")
                   : roles().isEmpty()         ? tr("Choose at least one role")
                                               : QString());
}

void ApproveRequestDialog::approve() {
    if (!m_notebook || !m_codeMatches->isChecked() || roles().isEmpty()) return;
    hideError(m_error);
    auto member = m_notebook->approve(m_request, roles());
    if (!member) {
        showError(m_error, asSentence(member.error()));
        return;
    }
    accept();
}

// ---- RevokeMemberDialog ---------------------------------------------------------------------

RevokeMemberDialog::RevokeMemberDialog(Notebook *notebook, const MemberInfo &member,
                                       QWidget *parent)
    : QDialog(parent)
    , m_notebook(notebook)
    , m_member(member) {
    setObjectName(QStringLiteral("revokeMemberDialog"));
    setWindowTitle(tr("Revoke a member"));
    setMinimumWidth(500);

    auto *layout = new QVBoxLayout(this);
    layout->setSpacing(10);
    layout->addWidget(makeHeading(tr("Revoke %1?").arg(member.name), this));
    layout->addWidget(makeHint(tr("%1 (%2) keeps what they have already received, but will not "
                                  "be able to read anything written from now on, and what they "
                                  "write afterwards is refused. The reason is kept in the "
                                  "notebook's history.")
                                   .arg(member.name, member.email),
                               this));
    auto *form = new QFormLayout;
    form->setFieldGrowthPolicy(QFormLayout::ExpandingFieldsGrow);
    m_reason = new QLineEdit(this);
    m_reason->setObjectName(QStringLiteral("reasonEdit"));
    m_reason->setPlaceholderText(tr("e.g. left the lab"));
    form->addRow(tr("&Reason:"), m_reason);
    layout->addLayout(form);
    m_error = makeErrorLabel(this);
    layout->addWidget(m_error);
    layout->addStretch(1);

    m_buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    QPushButton *ok = m_buttons->button(QDialogButtonBox::Ok);
    ok->setText(tr("Re&voke access"));
    ok->setEnabled(false);
    m_buttons->button(QDialogButtonBox::Cancel)->setDefault(true);
    useTextOnlyButtons(m_buttons);
    layout->addWidget(m_buttons);
    connect(m_reason, &QLineEdit::textChanged, this,
            [ok](const QString &text) { ok->setEnabled(!text.trimmed().isEmpty()); });
    connect(m_buttons, &QDialogButtonBox::accepted, this, &RevokeMemberDialog::revoke);
    connect(m_buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    m_reason->setFocus();
    // Sized for its wrapped text at its own width, not at the narrow guess a box layout makes.
    layout->activate();
    resize(minimumWidth(), layout->totalHeightForWidth(minimumWidth()));
}

QString RevokeMemberDialog::errorText() const {
    return m_error->isVisible() ? m_error->text() : QString();
}

void RevokeMemberDialog::revoke() {
    const QString reason = m_reason->text().trimmed();
    if (!m_notebook || reason.isEmpty()) return;
    hideError(m_error);
    auto done = m_notebook->revoke(m_member.uuid, reason);
    if (!done) {
        showError(m_error, asSentence(done.error()));
        return;
    }
    accept();
}

} // namespace quire::widgets
