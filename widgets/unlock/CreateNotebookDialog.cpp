#include "unlock/CreateNotebookDialog.h"

#include "common/DialogParts.h"
#include "start/PathRow.h"
#include "start/StrengthMeter.h"
#include "unlock/OtherComputerDialog.h"

#include <QDialogButtonBox>
#include <QDir>
#include <QFileDialog>
#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QRegularExpression>
#include <QVBoxLayout>

namespace quire::widgets {

CreateNotebookDialog::CreateNotebookDialog(const QString &vaultPath, QWidget *parent,
                                           FolderChoice folder)
    : QDialog(parent)
    , m_vaultPath(vaultPath) {
    setObjectName(QStringLiteral("createNotebookDialog"));
    setWindowTitle(tr("Create notebook"));
    setMinimumWidth(520);

    auto *layout = new QVBoxLayout(this);
    layout->setSpacing(10);
    layout->addWidget(makeHeading(tr("Create your notebook"), this));
    auto *where = makeHint(folder == FolderChoice::Fixed
                               ? tr("Quire keeps the notebook, encrypted, in %1")
                                     .arg(QDir::toNativeSeparators(vaultPath))
                               : tr("Quire keeps the notebook, encrypted, in a folder of its own."),
                           this);
    where->setTextInteractionFlags(Qt::TextSelectableByMouse);
    layout->addWidget(where);
    layout->addSpacing(4);

    auto *form = new QFormLayout;
    form->setFieldGrowthPolicy(QFormLayout::ExpandingFieldsGrow);
    if (folder == FolderChoice::Choose)
        m_folder = addPathRow(
            form, tr("&Folder:"), vaultPath, "folderEdit",
            [this] {
                return QFileDialog::getExistingDirectory(this, tr("Folder for the new notebook"),
                                                         QDir::homePath());
            },
            this);
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
    m_strength = new StrengthMeter(this);
    form->addRow(QString(), m_strength);
    m_repeat = field("repeatEdit", tr("&Repeat passphrase:"), {});
    m_repeat->setEchoMode(QLineEdit::Password);
    layout->addLayout(form);

    layout->addWidget(makeHint(tr("The passphrase unlocks the notebook on this computer. Nobody "
                                  "can recover it for you. Once the notebook is made you get a "
                                  "recovery code: keep it on paper, it brings your notebook "
                                  "back if the passphrase or this computer is lost."),
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
    for (QLineEdit *edit : {m_passphrase, m_notebookName, m_memberName, m_email})
        connect(edit, &QLineEdit::textChanged, this, &CreateNotebookDialog::updateStrength);
    // A refusal of the passphrase is old news once it changes; the meter speaks for it then.
    connect(m_passphrase, &QLineEdit::textChanged, this, [this] { hideError(m_error); });
    m_notebookName->setFocus();
}

QString CreateNotebookDialog::vaultPath() const {
    return m_folder ? QDir::fromNativeSeparators(m_folder->text().trimmed()) : m_vaultPath;
}

void CreateNotebookDialog::updateStrength() {
    // What the person typed above is what a guesser who knows them tries first.
    m_strength->setPassphrase(m_passphrase->text(),
                              {m_notebookName->text(), m_memberName->text(), m_email->text()});
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
    if (m_folder && (vaultPath().isEmpty() || Notebook::exists(vaultPath()))) {
        *field = m_folder;
        return tr("Choose a folder that holds no notebook yet.");
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
    if (!m_strength->strength().acceptable()) {
        *field = m_passphrase;
        return tr("This passphrase is too easy to guess. %1").arg(m_strength->strength().reason);
    }
    if (m_repeat->text() != m_passphrase->text()) {
        *field = m_repeat;
        return tr("The two passphrases are not the same. Type the passphrase again.");
    }
    return {};
}

void CreateNotebookDialog::useOtherComputer() {
    if (isBusy()) return;
    if (m_folder) m_vaultPath = vaultPath();
    auto *dialog = new OtherComputerDialog(vaultPath(), this);
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
    if (m_folder) m_folder->setEnabled(!busy);
    m_buttons->setEnabled(!busy);
}

void CreateNotebookDialog::create() {
    if (isBusy()) return;
    updateStrength();
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
    m_vaultPath = vaultPath();
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
