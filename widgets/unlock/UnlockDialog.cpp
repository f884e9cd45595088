#include "unlock/UnlockDialog.h"

#include "common/DialogParts.h"

#include <QCoreApplication>
#include <QDialogButtonBox>
#include <QDir>
#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QVBoxLayout>

namespace quire::widgets {

UnlockDialog::UnlockDialog(const QString &vaultPath, QWidget *parent)
    : QDialog(parent)
    , m_vaultPath(vaultPath) {
    setObjectName(QStringLiteral("unlockDialog"));
    setWindowTitle(tr("Unlock notebook"));
    setMinimumWidth(460);

    auto *layout = new QVBoxLayout(this);
    layout->setSpacing(10);
    layout->addWidget(makeHeading(tr("Unlock your notebook"), this));
    auto *where =
        makeHint(tr("Notebook folder: %1").arg(QDir::toNativeSeparators(vaultPath)), this);
    where->setObjectName(QStringLiteral("vaultPathLabel"));
    where->setTextInteractionFlags(Qt::TextSelectableByMouse);
    layout->addWidget(where);
    layout->addSpacing(4);

    auto *form = new QFormLayout;
    m_passphrase = new QLineEdit(this);
    m_passphrase->setObjectName(QStringLiteral("passphraseEdit"));
    m_passphrase->setEchoMode(QLineEdit::Password);
    m_passphrase->setPlaceholderText(tr("Your notebook passphrase"));
    form->addRow(tr("&Passphrase:"), m_passphrase);
    layout->addLayout(form);

    m_error = makeErrorLabel(this);
    layout->addWidget(m_error);
    m_busy = makeBusyRow(tr("Unlocking…"), this);
    layout->addWidget(m_busy);
    layout->addStretch(1);

    m_buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    m_buttons->button(QDialogButtonBox::Ok)->setText(tr("&Unlock"));
    m_buttons->button(QDialogButtonBox::Ok)->setEnabled(false);
    useTextOnlyButtons(m_buttons);
    layout->addWidget(m_buttons);

    connect(m_passphrase, &QLineEdit::textChanged, this, [this](const QString &text) {
        m_buttons->button(QDialogButtonBox::Ok)->setEnabled(!text.isEmpty() && !isBusy());
    });
    connect(m_buttons, &QDialogButtonBox::accepted, this, &UnlockDialog::unlock);
    connect(m_buttons, &QDialogButtonBox::rejected, this, &UnlockDialog::reject);
    connect(&m_loader, &NotebookLoader::finished, this, &UnlockDialog::finishUnlock);
    m_passphrase->setFocus();
}

QString UnlockDialog::errorText() const {
    return m_error->isVisible() ? m_error->text() : QString();
}

namespace {

// Storage says it translated; the model's recovery path says it in English.
bool isWrongPassphrase(const QString &message) {
    return message == QLatin1String("the passphrase is wrong") ||
           message == QCoreApplication::translate("quire::storage", "the passphrase is wrong");
}

} // namespace

QString UnlockDialog::explain(const QString &modelMessage) {
    if (isWrongPassphrase(modelMessage))
        return tr("The passphrase is wrong. Check Caps Lock and try again.");
    return asSentence(modelMessage);
}

void UnlockDialog::reject() {
    if (isBusy()) return; // the notebook is half open; let the unlock finish first
    QDialog::reject();
}

void UnlockDialog::setBusy(bool busy) {
    m_busy->setVisible(busy);
    m_passphrase->setEnabled(!busy);
    m_buttons->button(QDialogButtonBox::Ok)->setEnabled(!busy && !m_passphrase->text().isEmpty());
    m_buttons->button(QDialogButtonBox::Cancel)->setEnabled(!busy);
}

void UnlockDialog::unlock() {
    if (isBusy() || m_passphrase->text().isEmpty()) return;
    hideError(m_error);
    setBusy(true);
    m_loader.start([path = m_vaultPath, passphrase = m_passphrase->text().toUtf8()] {
        return Notebook::open(path, passphrase);
    });
}

void UnlockDialog::finishUnlock() {
    auto result = m_loader.takeResult();
    setBusy(false);
    if (!result) {
        showError(m_error, explain(result.error()));
        m_passphrase->selectAll();
        m_passphrase->setFocus();
        return;
    }
    m_notebook = std::move(result.value());
    m_passphrase->clear();
    accept();
}

} // namespace quire::widgets
