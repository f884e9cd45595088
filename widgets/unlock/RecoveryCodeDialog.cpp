#include "unlock/RecoveryCodeDialog.h"

#include "common/DialogParts.h"

#include <QCheckBox>
#include <QDialogButtonBox>
#include <QDir>
#include <QFileDialog>
#include <QFont>
#include <QFontDatabase>
#include <QInputDialog>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QStandardPaths>
#include <QVBoxLayout>

namespace quire::widgets {

RecoveryCodeDialog::RecoveryCodeDialog(const RecoveryCodeInfo &info, Purpose purpose,
                                       QWidget *parent)
    : QDialog(parent)
    , m_info(info) {
    setObjectName(QStringLiteral("recoveryCodeDialog"));
    setWindowTitle(tr("Recovery code"));
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(makeHeading(purpose == Purpose::NewNotebook
                                      ? tr("Write down your recovery code")
                                      : tr("Your recovery code"),
                                  this));
    layout->addWidget(makeHint(
        tr("If this computer is lost or you forget your passphrase, this code and the notebook's "
           "server bring you and the whole notebook back on another computer. Keep it on paper, "
           "locked away: whoever has it and the server can act as you in this notebook."),
        this));
    auto *code = new QLabel(m_info.code, this);
    code->setObjectName(QStringLiteral("recoveryCode"));
    code->setAccessibleName(tr("Recovery code"));
    code->setTextInteractionFlags(Qt::TextSelectableByMouse | Qt::TextSelectableByKeyboard);
    QFont mono = QFontDatabase::systemFont(QFontDatabase::FixedFont);
    mono.setPointSizeF(mono.pointSizeF() * 1.6);
    mono.setBold(true);
    code->setFont(mono);
    code->setAlignment(Qt::AlignCenter);
    code->setContentsMargins(12, 12, 12, 12);
    code->setFrameShape(QFrame::StyledPanel);
    layout->addWidget(code);
    layout->addWidget(makeHint(
        tr("Letters are not case-sensitive. The last character of each group is a check, so a "
           "typing error is found at once. Making a new code (Notebook menu) replaces this one."),
        this));
    m_error = makeErrorLabel(this);
    layout->addWidget(m_error);
    m_confirm = new QCheckBox(tr("I have written it down or saved the sheet"), this);
    m_confirm->setObjectName(QStringLiteral("recoveryConfirm"));
    layout->addWidget(m_confirm);
    m_buttons = new QDialogButtonBox(QDialogButtonBox::Ok, this);
    auto *sheet =
        m_buttons->addButton(tr("Save recovery sheet as PDF…"), QDialogButtonBox::ActionRole);
    sheet->setObjectName(QStringLiteral("saveRecoverySheet"));
    useTextOnlyButtons(m_buttons);
    layout->addWidget(m_buttons);
    QPushButton *ok = m_buttons->button(QDialogButtonBox::Ok);
    if (purpose == Purpose::NewNotebook) {
        // Shown once: OK waits until the person says the code is kept somewhere.
        ok->setEnabled(false);
        connect(m_confirm, &QCheckBox::toggled, ok, &QPushButton::setEnabled);
    } else {
        m_confirm->hide();
    }
    connect(sheet, &QPushButton::clicked, this, &RecoveryCodeDialog::askAndSaveSheet);
    connect(m_buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
}

bool RecoveryCodeDialog::saveSheet(const QString &path) {
    if (auto r = Notebook::writeRecoverySheet(path, m_info); !r) {
        showError(m_error, asSentence(r.error()));
        return false;
    }
    hideError(m_error);
    return true;
}

void RecoveryCodeDialog::askAndSaveSheet() {
    const QString folder = QStandardPaths::writableLocation(QStandardPaths::DocumentsLocation);
    const QString path = QFileDialog::getSaveFileName(
        this, tr("Save recovery sheet"), QDir(folder).filePath(tr("Quire recovery sheet.pdf")),
        tr("PDF (*.pdf)"));
    if (path.isEmpty()) return;
    if (saveSheet(path)) m_confirm->setText(tr("I have printed or safely stored the sheet"));
}

void RecoveryCodeDialog::showForNewNotebook(Notebook &notebook, QWidget *parent) {
    auto code = notebook.newRecoveryCode();
    if (!code) {
        showProblem(parent, tr("Recovery code"), code.error());
        return;
    }
    RecoveryCodeInfo info;
    info.code = *code;
    info.notebookName = notebook.notebookName();
    info.memberName = notebook.me().name;
    info.memberEmail = notebook.me().email;
    auto remote = notebook.remoteUrl();
    if (remote) info.remote = *remote;
    auto *dialog = new RecoveryCodeDialog(info, Purpose::NewNotebook, parent);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->setWindowModality(Qt::WindowModal);
    dialog->open();
}

void RecoveryCodeDialog::showAgain(Notebook &notebook, QWidget *parent) {
    bool ok = false;
    QString passphrase = QInputDialog::getText(
        parent, tr("Recovery code"), tr("Enter your passphrase to see your recovery code:"),
        QLineEdit::Password, {}, &ok);
    if (!ok) return;
    QByteArray bytes = passphrase.toUtf8();
    passphrase.fill(QChar(0));
    auto info = notebook.recoveryCode(bytes);
    bytes.fill('\0');
    if (!info) {
        showProblem(parent, tr("Recovery code"), info.error());
        return;
    }
    auto *dialog = new RecoveryCodeDialog(*info, Purpose::ShowAgain, parent);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->setWindowModality(Qt::WindowModal);
    dialog->open();
}

} // namespace quire::widgets
