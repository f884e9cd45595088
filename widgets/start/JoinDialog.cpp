#include "start/JoinDialog.h"

#include "common/DialogParts.h"
#include "start/PathRow.h"
#include "start/StrengthMeter.h"
#include "unlock/CreateNotebookDialog.h"

#include <QDialogButtonBox>
#include <QDir>
#include <QFile>
#include <QFileDialog>
#include <QFileInfo>
#include <QFormLayout>
#include <QFutureWatcher>
#include <QLabel>
#include <QLineEdit>
#include <QMessageBox>
#include <QPushButton>
#include <QRegularExpression>
#include <QSaveFile>
#include <QtConcurrent/QtConcurrentRun>
#include <QThread>
#include <QVBoxLayout>

namespace quire::widgets {

JoinDialog::JoinDialog(const QString &vaultPath, QWidget *parent)
    : QDialog(parent) {
    setObjectName(QStringLiteral("joinDialog"));
    setWindowTitle(tr("Join a notebook"));
    setMinimumWidth(600);

    auto *layout = new QVBoxLayout(this);
    layout->setSpacing(10);
    layout->addWidget(makeHeading(tr("Join a notebook with an invitation"), this));
    layout->addWidget(makeHint(tr("An admin of the notebook gave you an invitation file. Quire "
                                  "makes your own keys here and a join request for the admin; "
                                  "once they approve it, the next sync brings the notebook."),
                               this));
    auto *form = new QFormLayout;
    form->setFieldGrowthPolicy(QFormLayout::ExpandingFieldsGrow);
    m_invitation = addPathRow(
        form, tr("&Invitation file:"), {}, "invitationEdit",
        [this] {
            return QFileDialog::getOpenFileName(this, tr("Invitation file"), QDir::homePath(),
                                                tr("Invitations (*.json *.qinv);;All files (*)"));
        },
        this);
    m_name = new QLineEdit(this);
    m_name->setObjectName(QStringLiteral("memberNameEdit"));
    m_name->setPlaceholderText(tr("As it should appear on entries"));
    form->addRow(tr("&Your name:"), m_name);
    m_email = new QLineEdit(this);
    m_email->setObjectName(QStringLiteral("emailEdit"));
    m_email->setPlaceholderText(tr("name@institute.org"));
    form->addRow(tr("&Email:"), m_email);
    m_folder = addPathRow(
        form, tr("&Folder:"), vaultPath, "folderEdit",
        [this] {
            return QFileDialog::getExistingDirectory(this, tr("Folder for the notebook"),
                                                     QDir::homePath());
        },
        this);
    m_passphrase = new QLineEdit(this);
    m_passphrase->setObjectName(QStringLiteral("passphraseEdit"));
    m_passphrase->setEchoMode(QLineEdit::Password);
    form->addRow(tr("&Passphrase:"), m_passphrase);
    m_strength = new StrengthMeter(this);
    form->addRow(QString(), m_strength);
    m_repeat = new QLineEdit(this);
    m_repeat->setObjectName(QStringLiteral("repeatEdit"));
    m_repeat->setEchoMode(QLineEdit::Password);
    form->addRow(tr("&Repeat passphrase:"), m_repeat);
    m_request = addPathRow(
        form, tr("&Save the request as:"),
        QDir::home().filePath(QStringLiteral("quire-join-request.json")), "requestEdit",
        [this] {
            return QFileDialog::getSaveFileName(this, tr("Join request"), m_request->text(),
                                                tr("Join requests (*.json)"));
        },
        this);
    layout->addLayout(form);

    m_error = makeErrorLabel(this);
    layout->addWidget(m_error);
    m_busyRow = makeBusyRow(tr("Making your keys…"), this);
    layout->addWidget(m_busyRow);
    layout->addStretch(1);
    m_buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    m_buttons->button(QDialogButtonBox::Ok)->setText(tr("&Join"));
    useTextOnlyButtons(m_buttons);
    layout->addWidget(m_buttons);
    connect(m_buttons, &QDialogButtonBox::accepted, this, &JoinDialog::join);
    connect(m_buttons, &QDialogButtonBox::rejected, this, &JoinDialog::reject);
    for (QLineEdit *edit : {m_passphrase, m_name, m_email})
        connect(edit, &QLineEdit::textChanged, this, &JoinDialog::updateStrength);
    m_invitation->setFocus();
}

QString JoinDialog::vaultPath() const {
    return QDir::fromNativeSeparators(m_folder->text().trimmed());
}

QString JoinDialog::errorText() const {
    return m_error->isVisible() ? m_error->text() : QString();
}

void JoinDialog::reject() {
    if (isBusy()) return;
    QDialog::reject();
}

void JoinDialog::updateStrength() {
    m_strength->setPassphrase(m_passphrase->text(), {m_name->text(), m_email->text()});
}

QString JoinDialog::problem(QLineEdit **field) const {
    static const QRegularExpression email(QStringLiteral("^[^@\\s]+@[^@\\s]+$"));
    *field = nullptr;
    if (!QFileInfo(m_invitation->text().trimmed()).isFile()) {
        *field = m_invitation;
        return tr("Choose the invitation file the notebook's admin gave you.");
    }
    if (m_name->text().trimmed().isEmpty()) {
        *field = m_name;
        return tr("Enter your name; it is recorded with everything you write.");
    }
    if (!email.match(m_email->text().trimmed()).hasMatch()) {
        *field = m_email;
        return tr("Enter an email address, such as name@institute.org.");
    }
    if (vaultPath().isEmpty() || Notebook::exists(vaultPath())) {
        *field = m_folder;
        return tr("Choose a folder that holds no notebook yet.");
    }
    if (m_passphrase->text().size() < CreateNotebookDialog::kMinPassphraseLength) {
        *field = m_passphrase;
        return tr("The passphrase needs at least %1 characters; a few words in a row work "
                  "well.")
            .arg(CreateNotebookDialog::kMinPassphraseLength);
    }
    if (!m_strength->strength().acceptable()) {
        *field = m_passphrase;
        return tr("This passphrase is too easy to guess. %1").arg(m_strength->strength().reason);
    }
    if (m_repeat->text() != m_passphrase->text()) {
        *field = m_repeat;
        return tr("The two passphrases are not the same. Type the passphrase again.");
    }
    if (m_request->text().trimmed().isEmpty()) {
        *field = m_request;
        return tr("Choose where to save the join request for the admin.");
    }
    return {};
}

void JoinDialog::setBusy(bool busy) {
    m_busy = busy;
    m_busyRow->setVisible(busy);
    for (QLineEdit *edit : findChildren<QLineEdit *>())
        edit->setEnabled(!busy);
    m_buttons->setEnabled(!busy);
}

void JoinDialog::join() {
    if (isBusy()) return;
    updateStrength();
    QLineEdit *field = nullptr;
    if (const QString message = problem(&field); !message.isEmpty()) {
        showError(m_error, message.trimmed());
        field->setFocus();
        field->selectAll();
        return;
    }
    QFile invitationFile(m_invitation->text().trimmed());
    if (invitationFile.size() > 1 << 20 || !invitationFile.open(QIODevice::ReadOnly)) {
        showError(m_error, tr("The invitation file cannot be read."));
        return;
    }
    const QByteArray invitation = invitationFile.readAll();
    // Opened before the vault exists: a lost request would leave a vault nobody can approve.
    auto request =
        std::make_shared<QSaveFile>(QDir::fromNativeSeparators(m_request->text().trimmed()));
    if (!request->open(QIODevice::WriteOnly)) {
        showError(m_error,
                  tr("The join request cannot be saved there: %1").arg(request->errorString()));
        m_request->setFocus();
        return;
    }
    hideError(m_error);
    setBusy(true);
    auto *watcher = new QFutureWatcher<Result<JoinResult>>(this);
    connect(watcher, &QFutureWatcherBase::finished, this, [this, watcher, request] {
        watcher->deleteLater();
        auto result = watcher->future().takeResult();
        setBusy(false);
        if (!result) {
            showError(m_error, asSentence(result.error()));
            return;
        }
        if (request->write(result->request) != result->request.size() || !request->commit()) {
            showError(m_error,
                      tr("The join request could not be saved (%1). Remove the folder "
                         "%2 and join again.")
                          .arg(request->errorString(), QDir::toNativeSeparators(vaultPath())));
            return;
        }
        m_notebook = std::move(result->notebook);
        m_passphrase->clear();
        m_repeat->clear();
        auto *box = new QMessageBox(
            QMessageBox::Information, tr("Join request saved"),
            tr("<p>Send <b>%1</b> to an admin of the notebook, and read them this code by "
               "phone or in person, so that they can tell the request is yours:</p>"
               "<p style='font-size:large'><b>%2</b></p>")
                .arg(QDir::toNativeSeparators(request->fileName()).toHtmlEscaped(),
                     result->code.toHtmlEscaped()),
            QMessageBox::Ok, this);
        box->setObjectName(QStringLiteral("joinCodeBox"));
        box->setTextInteractionFlags(Qt::TextSelectableByMouse);
        connect(box, &QDialog::finished, this, [this, box] {
            box->deleteLater();
            accept();
        });
        box->open();
    });
    // The worker's notebook belongs to the worker's thread until handed back to this one.
    QThread *home = thread();
    watcher->setFuture(QtConcurrent::run(
        [path = vaultPath(), invitation, name = m_name->text().trimmed(),
         mail = m_email->text().trimmed(), passphrase = m_passphrase->text().toUtf8(), home] {
            auto result = Notebook::join(path, invitation, name, mail, passphrase);
            if (result) result->notebook->moveToThread(home);
            return result;
        }));
}

} // namespace quire::widgets
