#include "sync/AddComputerDialog.h"

#include "common/DialogParts.h"

#include <QDateTime>
#include <QDialogButtonBox>
#include <QDir>
#include <QFileDialog>
#include <QFontDatabase>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QLocale>
#include <QPushButton>
#include <QSaveFile>
#include <QStandardPaths>
#include <QtConcurrent/QtConcurrentRun>
#include <QVBoxLayout>

namespace quire::widgets {

AddComputerDialog::AddComputerDialog(Notebook *notebook, QWidget *parent)
    : QDialog(parent)
    , m_notebook(notebook) {
    setObjectName(QStringLiteral("addComputerDialog"));
    setWindowTitle(tr("Add my other computer"));
    setMinimumWidth(600);

    auto *layout = new QVBoxLayout(this);
    layout->setSpacing(10);
    layout->addWidget(makeHeading(tr("Use this notebook on another computer of yours"), this));
    layout->addWidget(makeHint(tr("Quire saves an offer file and shows a one-time code. Carry the "
                                  "file to your other computer (a USB stick, your own folder) "
                                  "and there choose “I already use this notebook on another "
                                  "computer”. Type the code there yourself: never send it with "
                                  "the file."),
                               this));

    m_form = new QWidget(this);
    auto *form = new QFormLayout(m_form);
    form->setContentsMargins(0, 0, 0, 0);
    form->setFieldGrowthPolicy(QFormLayout::ExpandingFieldsGrow);
    m_name = new QLineEdit(m_form);
    m_name->setObjectName(QStringLiteral("computerNameEdit"));
    m_name->setPlaceholderText(tr("e.g. Laptop"));
    form->addRow(tr("&Name of the other computer:"), m_name);
    m_path = new QLineEdit(m_form);
    m_path->setObjectName(QStringLiteral("offerPathEdit"));
    m_path->setText(QDir(QStandardPaths::writableLocation(QStandardPaths::DocumentsLocation))
                        .filePath(QStringLiteral("quire-offer.qdev")));
    auto *browse = new QPushButton(tr("&Browse…"), m_form);
    connect(browse, &QPushButton::clicked, this, &AddComputerDialog::chooseFile);
    auto *row = new QHBoxLayout;
    row->addWidget(m_path, 1);
    row->addWidget(browse);
    // A row that is a layout has no buddy of its own: the label needs one for its shortcut.
    auto *pathLabel = new QLabel(tr("&Save the offer as:"), m_form);
    pathLabel->setBuddy(m_path);
    form->addRow(pathLabel, row);
    layout->addWidget(m_form);

    m_codeLabel = new QLabel(this);
    m_codeLabel->setObjectName(QStringLiteral("offerCodeLabel"));
    QFont big = QFontDatabase::systemFont(QFontDatabase::FixedFont);
    big.setPointSizeF(big.pointSizeF() * 2.2);
    big.setBold(true);
    m_codeLabel->setFont(big);
    m_codeLabel->setAlignment(Qt::AlignCenter);
    m_codeLabel->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_codeLabel->hide();
    layout->addWidget(m_codeLabel);
    m_codeHint = makeHint(QString(), this);
    m_codeHint->hide();
    layout->addWidget(m_codeHint);

    m_error = makeErrorLabel(this);
    layout->addWidget(m_error);
    m_busy = makeBusyRow(tr("Making the offer…"), this);
    layout->addWidget(m_busy);
    layout->addStretch(1);

    m_buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    m_buttons->button(QDialogButtonBox::Ok)->setText(tr("&Make offer"));
    useTextOnlyButtons(m_buttons);
    layout->addWidget(m_buttons);
    connect(m_buttons, &QDialogButtonBox::accepted, this, &AddComputerDialog::makeOffer);
    connect(m_buttons, &QDialogButtonBox::rejected, this, &AddComputerDialog::reject);
    connect(&m_watcher, &QFutureWatcherBase::finished, this, &AddComputerDialog::finishOffer);
    m_name->setFocus();
}

AddComputerDialog::~AddComputerDialog() {
    if (m_watcher.isRunning()) m_watcher.waitForFinished();
}

QString AddComputerDialog::code() const {
    return m_codeLabel->isVisible() ? m_codeLabel->text() : QString();
}

QString AddComputerDialog::errorText() const {
    return m_error->isVisible() ? m_error->text() : QString();
}

void AddComputerDialog::reject() {
    if (isBusy()) return;
    QDialog::reject();
}

void AddComputerDialog::chooseFile() {
    const QString file = QFileDialog::getSaveFileName(this, tr("Save the offer"), m_path->text(),
                                                      tr("Quire offers (*.qdev)"));
    if (!file.isEmpty()) m_path->setText(file);
}

void AddComputerDialog::makeOffer() {
    if (isBusy()) return;
    if (!m_codeLabel->isHidden()) { // the offer is made: the button closes
        accept();
        return;
    }
    if (m_path->text().trimmed().isEmpty()) {
        showError(m_error, tr("Choose where to save the offer file."));
        return;
    }
    hideError(m_error);
    m_busy->show();
    m_form->setEnabled(false);
    m_buttons->setEnabled(false);
    m_watcher.setFuture(QtConcurrent::run(
        [nb = m_notebook, name = m_name->text()] { return nb->addDevice(name); }));
}

void AddComputerDialog::finishOffer() {
    m_busy->hide();
    m_buttons->setEnabled(true);
    auto offer = m_watcher.future().takeResult();
    if (!offer) {
        m_form->setEnabled(true);
        showError(m_error, asSentence(offer.error()));
        return;
    }
    QSaveFile file(m_path->text().trimmed());
    if (!file.open(QIODevice::WriteOnly) || file.write(offer->file) != offer->file.size() ||
        !file.commit()) {
        m_form->setEnabled(true);
        showError(m_error, tr("The offer could not be saved in %1: %2. Choose another place and "
                              "make a new offer.")
                               .arg(QDir::toNativeSeparators(m_path->text()), file.errorString()));
        return;
    }
    // The offer is made: what is left to see is the code and what to do with it.
    m_form->hide();
    m_codeLabel->setText(offer->code);
    m_codeLabel->show();
    const QDateTime until =
        QDateTime::fromString(offer->expiresAt, Qt::ISODateWithMs).toLocalTime();
    m_codeHint->setText(tr("The offer is saved in %1. Type this code on your other computer. It "
                           "works until %2; 5 wrong codes use it up. Sync here so that the "
                           "notebook knows the new computer.")
                            .arg(QDir::toNativeSeparators(m_path->text()),
                                 QLocale().toString(until, QLocale::ShortFormat)));
    m_codeHint->show();
    m_buttons->button(QDialogButtonBox::Ok)->setText(tr("&Done"));
    m_buttons->button(QDialogButtonBox::Cancel)->hide();
    adjustSize();
}

} // namespace quire::widgets
