#include "unlock/CreateNotebookDialog.h"

#include "common/DialogParts.h"
#include "unlock/OtherComputerDialog.h"

#include <QDialogButtonBox>
#include <QDir>
#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QRegularExpression>
#include <QVBoxLayout>

namespace quire::widgets {

CreateNotebookDialog::CreateNotebookDialog(const QString &vaultPath, QWidget *parent)
    : QDialog(parent)
    , m_vaultPath(vaultPath) {
    setObjectName(QStringLiteral("createNotebookDialog"));
    setWindowTitle(tr("Create notebook"));
    setMinimumWidth(520);

    auto *layout = new QVBoxLayout(this);
    layout->setSpacing(10);
    layout->addWidget(makeHeading(tr("Create your notebook"), this));
    auto *where = makeHint(
        tr("Quire keeps the notebook, encrypted, in %1").arg(QDir::toNativeSeparators(vaultPath)),
        this);
    where->setTextInteractionFlags(Qt::TextSelectableByMouse);
    layout->addWidget(where);
    layout->addSpacing(4);

    auto *form = new QFormLayout;
    form->setFieldGrowthPolicy(QFormLayout::ExpandingFieldsGrow);
    auto field = [&](const char *objectName, const QString &label, const QString &placeholder) {
        auto *edit = new QLineEdit(this);
        edit->setObjectName(QLatin1String(objectName));
        edit->setPlaceholderText(placeholder);
        form->addRow(label, edit);
        return edit;
    };
    m_notebookName = field("notebookNameEdit", tr("&Notebook name:"), tr("e.g. Protein lab 2026"));
    m_memberName = field("memberNameEdit", tr("&Your name:"), tr("As it should appear on entries"));
    m_email = field("emailEdit", tr("&Email:"), tr("name@institute.org"));
    m_passphrase = field("passphraseEdit", tr("&Passphrase:"),
                         tr("At least %1 characters").arg(kMinPassphraseLength));
    m_passphrase->setEchoMode(QLineEdit::Password);
    m_repeat = field("repeatEdit", tr("&Repeat passphrase:"), {});
    m_repeat->setEchoMode(QLineEdit::Password);
    layout->addLayout(form);

    layout->addWidget(makeHint(tr("The passphrase unlocks the notebook on this computer. Nobody "
                                  "can recover it for you, so keep a copy somewhere safe."),
                               this));
    m_error = makeErrorLabel(this);
    layout->addWidget(m_error);
    m_busy = makeBusyRow(tr("Creating the notebook…"), this);
    layout->addWidget(m_busy);
    layout->addStretch(1);

    m_buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    m_buttons->button(QDialogButtonBox::Ok)->setText(tr("&Create notebook"));
    // A member's second computer joins with an offer from the first, not as a new notebook.
    auto *other = m_buttons->addButton(tr("I already use this notebook on another computer…"),
                                       QDialogButtonBox::ActionRole);
    other->setObjectName(QStringLiteral("otherComputerButton"));
    connect(other, &QPushButton::clicked, this, &CreateNotebookDialog::useOtherComputer);
    useTextOnlyButtons(m_buttons);
    layout->addWidget(m_buttons);
    connect(m_buttons, &QDialogButtonBox::accepted, this, &CreateNotebookDialog::create);
    connect(m_buttons, &QDialogButtonBox::rejected, this, &CreateNotebookDialog::reject);
    connect(&m_loader, &NotebookLoader::finished, this, &CreateNotebookDialog::finishCreate);
    m_notebookName->setFocus();
}

QString CreateNotebookDialog::errorText() const {
    return m_error->isVisible() ? m_error->text() : QString();
}

void CreateNotebookDialog::reject() {
    if (isBusy()) return;
    QDialog::reject();
}

QString CreateNotebookDialog::problem(QLineEdit **field) const {
    static const QRegularExpression email(QStringLiteral("^[^@\\s]+@[^@\\s]+$"));
    if (m_notebookName->text().trimmed().isEmpty()) {
        *field = m_notebookName;
        return tr("Give the notebook a name.");
    }
    if (m_memberName->text().trimmed().isEmpty()) {
        *field = m_memberName;
        return tr("Enter your name; it is recorded with everything you write.");
    }
    if (!email.match(m_email->text().trimmed()).hasMatch()) {
        *field = m_email;
        return tr("Enter an email address, such as name@institute.org.");
    }
    if (m_passphrase->text().size() < kMinPassphraseLength) {
        *field = m_passphrase;
        return tr("The passphrase needs at least %1 characters; a few words in a row work "
                  "well.")
            .arg(kMinPassphraseLength);
    }
    if (m_repeat->text() != m_passphrase->text()) {
        *field = m_repeat;
        return tr("The two passphrases are not the same. Type the passphrase again.");
    }
    return {};
}

void CreateNotebookDialog::useOtherComputer() {
    if (isBusy()) return;
    auto *dialog = new OtherComputerDialog(m_vaultPath, this);
    connect(dialog, &QDialog::accepted, this, [this, dialog] {
        m_notebook = dialog->takeNotebook();
        accept();
    });
    connect(dialog, &QDialog::finished, dialog, &QObject::deleteLater);
    dialog->open();
}

void CreateNotebookDialog::setBusy(bool busy) {
    m_busy->setVisible(busy);
    for (auto *edit : {m_notebookName, m_memberName, m_email, m_passphrase, m_repeat})
        edit->setEnabled(!busy);
    m_buttons->setEnabled(!busy);
}

void CreateNotebookDialog::create() {
    if (isBusy()) return;
    QLineEdit *field = nullptr;
    if (const QString message = problem(&field); !message.isEmpty()) {
        showError(m_error, message);
        field->setFocus();
        field->selectAll();
        return;
    }
    hideError(m_error);
    setBusy(true);
    const NotebookSpec spec{m_notebookName->text().trimmed(), m_memberName->text().trimmed(),
                            m_email->text().trimmed()};
    m_loader.start([path = m_vaultPath, spec, passphrase = m_passphrase->text().toUtf8()] {
        return Notebook::create(path, spec, passphrase);
    });
}

void CreateNotebookDialog::finishCreate() {
    auto result = m_loader.takeResult();
    setBusy(false);
    if (!result) {
        showError(m_error, asSentence(result.error()));
        return;
    }
    m_notebook = std::move(result.value());
    m_passphrase->clear();
    m_repeat->clear();
    accept();
}

} // namespace quire::widgets
