#include "pdf/SignPdfDialog.h"

#include "common/DialogParts.h"

#include <QComboBox>
#include <QDialogButtonBox>
#include <QDir>
#include <QFile>
#include <QFileDialog>
#include <QFileInfo>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QSaveFile>
#include <QtConcurrent/QtConcurrentRun>
#include <QVBoxLayout>

namespace quire::widgets {

SignPdfDialog::SignPdfDialog(Notebook *notebook, const QString &path, QWidget *parent)
    : QDialog(parent)
    , m_notebook(notebook) {
    setObjectName(QStringLiteral("signPdfDialog"));
    setWindowTitle(tr("Sign a PDF"));
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(makeHeading(tr("Sign a PDF exported from this notebook"), this));
    layout->addWidget(makeHint(tr("Before signing, Quire checks that the earlier signatures are "
                                  "valid and that the records the PDF carries are identical to "
                                  "this notebook's. The signature is added to the file; "
                                  "nothing in it changes."),
                               this));
    auto *form = new QFormLayout;
    form->setFieldGrowthPolicy(QFormLayout::AllNonFixedFieldsGrow);
    auto fileRow = [this](QLineEdit *edit, bool save) {
        auto *row = new QHBoxLayout;
        auto *choose = new QPushButton(tr("Choose…"), this);
        row->addWidget(edit, 1);
        row->addWidget(choose);
        connect(choose, &QPushButton::clicked, this, [this, edit, save] {
            const QString chosen =
                save ? QFileDialog::getSaveFileName(this, tr("Save the signed PDF as"),
                                                    edit->text(), tr("PDF documents (*.pdf)"))
                     : QFileDialog::getOpenFileName(this, tr("Choose a PDF to sign"), edit->text(),
                                                    tr("PDF documents (*.pdf)"));
            if (chosen.isEmpty()) return;
            if (save)
                edit->setText(QDir::toNativeSeparators(chosen));
            else
                setInput(chosen);
        });
        return row;
    };
    // A row that is a layout has no buddy of its own: the label needs one for its mnemonic.
    auto labelFor = [this](const QString &text, QWidget *buddy) {
        auto *label = new QLabel(text, this);
        label->setBuddy(buddy);
        return label;
    };
    m_input = new QLineEdit(this);
    m_input->setObjectName(QStringLiteral("inputEdit"));
    form->addRow(labelFor(tr("&PDF:"), m_input), fileRow(m_input, false));
    m_output = new QLineEdit(this);
    m_output->setObjectName(QStringLiteral("outputEdit"));
    form->addRow(labelFor(tr("Save &signed PDF as:"), m_output), fileRow(m_output, true));
    m_meaning = new QComboBox(this);
    m_meaning->setObjectName(QStringLiteral("meaningCombo"));
    for (const QString &meaning : Notebook::signatureMeanings())
        m_meaning->addItem(Notebook::meaningLabel(meaning), meaning);
    form->addRow(tr("&Meaning:"), m_meaning);
    m_passphrase = new QLineEdit(this);
    m_passphrase->setObjectName(QStringLiteral("passphraseEdit"));
    m_passphrase->setEchoMode(QLineEdit::Password);
    m_passphrase->setPlaceholderText(tr("Your notebook passphrase, asked again to sign"));
    form->addRow(tr("Pass&phrase:"), m_passphrase);
    layout->addLayout(form);
    m_statement = makeHint(QString(), this);
    m_statement->setObjectName(QStringLiteral("signStatement"));
    layout->addWidget(m_statement);
    m_error = makeErrorLabel(this);
    m_error->setObjectName(QStringLiteral("errorLabel"));
    layout->addWidget(m_error);
    m_busy = makeBusyRow(tr("Checking, signing and time-stamping…"), this);
    layout->addWidget(m_busy);
    m_result = new QLabel(this);
    m_result->setObjectName(QStringLiteral("resultLabel"));
    m_result->setWordWrap(true);
    m_result->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_result->hide();
    layout->addWidget(m_result);
    m_buttons = new QDialogButtonBox(QDialogButtonBox::Close, this);
    m_signButton = m_buttons->addButton(tr("&Sign"), QDialogButtonBox::AcceptRole);
    m_signButton->setObjectName(QStringLiteral("signButton"));
    m_signButton->setDefault(true);
    useTextOnlyButtons(m_buttons);
    connect(m_buttons, &QDialogButtonBox::accepted, this, &SignPdfDialog::sign);
    connect(m_buttons, &QDialogButtonBox::rejected, this, [this] {
        if (!isSigning()) reject();
    });
    layout->addWidget(m_buttons);
    connect(m_meaning, &QComboBox::currentIndexChanged, this, &SignPdfDialog::updateStatement);
    connect(&m_watcher, &QFutureWatcherBase::finished, this, &SignPdfDialog::finishSigning);
    if (!path.isEmpty()) setInput(path);
    updateStatement();
    resize(qMax(sizeHint().width(), 720), sizeHint().height());
}

void SignPdfDialog::setInput(const QString &path) {
    m_input->setText(QDir::toNativeSeparators(path));
    const QFileInfo info(path);
    m_output->setText(QDir::toNativeSeparators(
        info.dir().filePath(tr("%1 (signed).pdf").arg(info.completeBaseName()))));
}

void SignPdfDialog::updateStatement() {
    if (!m_notebook) return;
    const MemberInfo me = m_notebook->me();
    m_statement->setText(
        tr("You sign this PDF as “%1”. This electronic signature is the legally binding "
           "equivalent of the handwritten signature of %2 <%3> (21 CFR 11.100).")
            .arg(m_meaning->currentText(), me.name, me.email));
}

QString SignPdfDialog::errorText() const {
    return m_error->text();
}

void SignPdfDialog::sign() {
    if (!m_notebook || isSigning()) return;
    hideError(m_error);
    m_error->clear();
    m_result->hide();
    const QString input = QDir::fromNativeSeparators(m_input->text().trimmed());
    const QString output = QDir::fromNativeSeparators(m_output->text().trimmed());
    if (input.isEmpty() || output.isEmpty()) {
        showError(m_error, tr("Choose the PDF to sign and where the signed PDF is saved."));
        return;
    }
    QFile file(input);
    if (!file.open(QIODevice::ReadOnly) || file.size() > qint64(1) << 30) {
        showError(m_error, tr("%1 could not be read: %2.")
                               .arg(QDir::toNativeSeparators(input), file.errorString()));
        return;
    }
    const QByteArray pdf = file.readAll();
    const QString meaning = m_meaning->currentData().toString();
    // The same refusals as the command line, before the passphrase is used.
    auto problem = PdfExport(*m_notebook).signingProblem(pdf, meaning);
    if (!problem || !problem->isEmpty()) {
        showError(
            m_error,
            tr("%1 Nothing was signed.").arg(asSentence(problem ? *problem : problem.error())));
        return;
    }
    QString typed = m_passphrase->text();
    m_passphrase->setText(QString());
    if (typed.isEmpty()) {
        showError(m_error, tr("Enter your passphrase to sign."));
        m_passphrase->setFocus();
        return;
    }
    QByteArray passphrase = typed.toUtf8();
    typed.fill(QChar(u'\0'));
    m_writtenPath = output;
    m_busy->show();
    m_signButton->setEnabled(false);
    emit busyChanged(true);
    Notebook *notebook = m_notebook;
    m_watcher.setFuture(
        QtConcurrent::run([notebook, pdf, meaning, passphrase = std::move(passphrase)]() mutable {
            auto result = PdfExport(*notebook).sign(pdf, meaning, passphrase);
            passphrase.fill('\0');
            return result;
        }));
}

void SignPdfDialog::finishSigning() {
    const Result<PdfSignResult> result = m_watcher.result();
    m_busy->hide();
    m_signButton->setEnabled(true);
    emit busyChanged(false);
    if (!result) {
        m_writtenPath.clear();
        showError(m_error, asSentence(result.error()));
        m_passphrase->setFocus();
        return;
    }
    QSaveFile out(m_writtenPath);
    if (!out.open(QIODevice::WriteOnly) || out.write(result->pdf) != result->pdf.size() ||
        !out.commit()) {
        showError(m_error, tr("The signed PDF could not be saved as %1: %2.")
                               .arg(QDir::toNativeSeparators(m_writtenPath), out.errorString()));
        m_writtenPath.clear();
        return;
    }
    m_level = result->level;
    m_result->setText((m_level == QLatin1String("B-B")
                           ? tr("Signed, not yet time-stamped (%1): add the time-stamp later.")
                                 .arg(result->timeNote)
                           : tr("Signed and time-stamped (PAdES %1).").arg(m_level)) +
                      QLatin1Char(' ') +
                      tr("Saved as %1").arg(QDir::toNativeSeparators(m_writtenPath)));
    m_result->show();
    m_signButton->hide();
    // Done: the form shows what was signed, no longer a form to fill in.
    for (QWidget *field : {static_cast<QWidget *>(m_input), static_cast<QWidget *>(m_output),
                           static_cast<QWidget *>(m_meaning), static_cast<QWidget *>(m_passphrase)})
        field->setEnabled(false);
    emit signedPdf(m_writtenPath);
}

} // namespace quire::widgets
