#include "unlock/OtherComputerDialog.h"

#include "common/DialogParts.h"
#include "start/PathRow.h"
#include "unlock/CreateNotebookDialog.h"

#include <QDialogButtonBox>
#include <QDir>
#include <QFileDialog>
#include <QFileInfo>
#include <QFontDatabase>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QVBoxLayout>

namespace quire::widgets {

OtherComputerDialog::OtherComputerDialog(const QString &vaultPath, QWidget *parent,
                                         bool chooseFolder)
    : QDialog(parent)
    , m_vaultPath(vaultPath) {
    setObjectName(QStringLiteral("otherComputerDialog"));
    setWindowTitle(tr("Use the notebook on this computer too"));
    setMinimumWidth(560);

    auto *layout = new QVBoxLayout(this);
    layout->setSpacing(10);
    layout->addWidget(makeHeading(tr("Use your notebook on this computer too"), this));
    layout->addWidget(makeHint(tr("On the computer where you already use the notebook, choose "
                                  "Notebook ▸ Add my other computer…. Bring the offer file it "
                                  "saves here and type the code it shows. You stay the same "
                                  "member; this computer gets its own passphrase."),
                               this));

    auto *form = new QFormLayout;
    form->setFieldGrowthPolicy(QFormLayout::ExpandingFieldsGrow);
    m_offer = new QLineEdit(this);
    m_offer->setObjectName(QStringLiteral("offerFileEdit"));
    m_offer->setPlaceholderText(tr("The .qdev file from your other computer"));
    auto *browse = new QPushButton(tr("&Browse…"), this);
    browse->setObjectName(QStringLiteral("browseOfferButton"));
    connect(browse, &QPushButton::clicked, this, &OtherComputerDialog::chooseFile);
    auto *fileRow = new QHBoxLayout;
    fileRow->addWidget(m_offer, 1);
    fileRow->addWidget(browse);
    // A row that is a layout has no buddy of its own: the label needs one for its shortcut.
    auto *offerLabel = new QLabel(tr("&Offer file:"), this);
    offerLabel->setBuddy(m_offer);
    form->addRow(offerLabel, fileRow);

    if (chooseFolder)
        m_folder = addPathRow(
            form, tr("&Folder:"), vaultPath, "folderEdit",
            [this] {
                return QFileDialog::getExistingDirectory(this, tr("Folder for the notebook"),
                                                         QDir::homePath());
            },
            this);

    m_code = new QLineEdit(this);
    m_code->setObjectName(QStringLiteral("offerCodeEdit"));
    QFont codeFont = QFontDatabase::systemFont(QFontDatabase::FixedFont);
    codeFont.setPointSizeF(codeFont.pointSizeF() * 1.3);
    m_code->setFont(codeFont);
    m_code->setPlaceholderText(QStringLiteral("XXXX-XXXX-XXXX-XXXX-XXXX-XXXX"));
    form->addRow(tr("&Code:"), m_code);

    m_passphrase = new QLineEdit(this);
    m_passphrase->setObjectName(QStringLiteral("passphraseEdit"));
    m_passphrase->setEchoMode(QLineEdit::Password);
    m_passphrase->setPlaceholderText(
        tr("At least %1 characters").arg(CreateNotebookDialog::kMinPassphraseLength));
    form->addRow(tr("&Passphrase for this computer:"), m_passphrase);
    m_repeat = new QLineEdit(this);
    m_repeat->setObjectName(QStringLiteral("repeatEdit"));
    m_repeat->setEchoMode(QLineEdit::Password);
    form->addRow(tr("&Repeat passphrase:"), m_repeat);
    layout->addLayout(form);

    layout->addWidget(
        makeHint(tr("The offer works for 24 hours, and 5 wrong codes use it up."), this));
    m_error = makeErrorLabel(this);
    layout->addWidget(m_error);
    m_busy = makeBusyRow(tr("Setting up this computer…"), this);
    layout->addWidget(m_busy);
    layout->addStretch(1);

    m_buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    m_buttons->button(QDialogButtonBox::Ok)->setText(tr("&Set up this computer"));
    useTextOnlyButtons(m_buttons);
    layout->addWidget(m_buttons);
    connect(m_buttons, &QDialogButtonBox::accepted, this, &OtherComputerDialog::join);
    connect(m_buttons, &QDialogButtonBox::rejected, this, &OtherComputerDialog::reject);
    connect(&m_loader, &NotebookLoader::finished, this, &OtherComputerDialog::finishJoin);
    m_offer->setFocus();
}

QString OtherComputerDialog::vaultPath() const {
    return m_folder ? QDir::fromNativeSeparators(m_folder->text().trimmed()) : m_vaultPath;
}

QString OtherComputerDialog::errorText() const {
    return m_error->isVisible() ? m_error->text() : QString();
}

void OtherComputerDialog::reject() {
    if (isBusy()) return;
    QDialog::reject();
}

void OtherComputerDialog::chooseFile() {
    const QString file = QFileDialog::getOpenFileName(this, tr("Offer from your other computer"),
                                                      QString(), tr("Quire offers (*.qdev)"));
    if (!file.isEmpty()) m_offer->setText(file);
}

void OtherComputerDialog::setBusy(bool busy) {
    m_busy->setVisible(busy);
    for (auto *edit : {m_offer, m_code, m_passphrase, m_repeat})
        edit->setEnabled(!busy);
    if (m_folder) m_folder->setEnabled(!busy);
    m_buttons->setEnabled(!busy);
}

void OtherComputerDialog::join() {
    if (isBusy()) return;
    QLineEdit *field = nullptr;
    QString message;
    if (!QFileInfo(m_offer->text().trimmed()).isFile()) {
        field = m_offer;
        message = tr("Choose the offer file your other computer saved.");
    } else if (m_folder && (vaultPath().isEmpty() || Notebook::exists(vaultPath()))) {
        field = m_folder;
        message = tr("Choose a folder that holds no notebook yet.");
    } else if (m_code->text().trimmed().isEmpty()) {
        field = m_code;
        message = tr("Type the code your other computer shows.");
    } else if (m_passphrase->text().size() < CreateNotebookDialog::kMinPassphraseLength) {
        field = m_passphrase;
        message = tr("The passphrase needs at least %1 characters; a few words in a row work "
                     "well.")
                      .arg(CreateNotebookDialog::kMinPassphraseLength);
    } else if (m_repeat->text() != m_passphrase->text()) {
        field = m_repeat;
        message = tr("The two passphrases are not the same. Type the passphrase again.");
    }
    if (field) {
        showError(m_error, message);
        field->setFocus();
        field->selectAll();
        return;
    }
    hideError(m_error);
    setBusy(true);
    m_vaultPath = vaultPath();
    m_loader.start([path = m_vaultPath, offer = m_offer->text().trimmed(),
                    code = m_code->text().trimmed(), passphrase = m_passphrase->text().toUtf8()] {
        return Notebook::joinFromOffer(path, offer, code, passphrase);
    });
}

void OtherComputerDialog::finishJoin() {
    auto result = m_loader.takeResult();
    setBusy(false);
    if (!result) {
        showError(m_error, asSentence(result.error()));
        m_code->setFocus();
        m_code->selectAll();
        return;
    }
    m_notebook = std::move(result.value());
    m_passphrase->clear();
    m_repeat->clear();
    m_code->clear();
    accept();
}

} // namespace quire::widgets
