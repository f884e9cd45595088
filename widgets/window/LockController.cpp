#include "window/LockController.h"

#include "common/DialogParts.h"
#include "unlock/CreateNotebookDialog.h"
#include "unlock/RecoveryCodeDialog.h"
#include "unlock/UnlockDialog.h"
#include "window/IdleLock.h"
#include "window/MainWindow.h"

#include <QDir>
#include <QLabel>
#include <QPushButton>
#include <QToolButton>

namespace quire::widgets {

LockController::LockController(MainWindow *window, const QString &vaultPath, Adopt adopt)
    : QObject(window)
    , m_window(window)
    , m_vaultPath(vaultPath)
    , m_adopt(std::move(adopt)) {
    m_idleLock = new IdleLock(m_window);
    // Whether the notebook is open, and when it locks itself; a click locks it now.
    m_lockStatus = new QToolButton(m_window);
    m_lockStatus->setObjectName(QStringLiteral("lockStatusButton"));
    m_lockStatus->setAutoRaise(true);
    m_lockStatus->setToolButtonStyle(Qt::ToolButtonTextBesideIcon);
    m_lockStatus->setIconSize(QSize(16, 16));
    connect(m_lockStatus, &QToolButton::clicked, this, [this] {
        if (m_window->notebook())
            m_window->lock();
        else
            openGate();
    });
}

QWidget *LockController::buildLockedPage(QWidget *parent) {
    QWidget *page = makeCentredMessage(parent, &m_lockedTitle, &m_lockedHint, &m_lockedButton);
    m_lockedButton->setObjectName(QStringLiteral("unlockButton"));
    connect(m_lockedButton, &QPushButton::clicked, this, &LockController::openGate);
    return page;
}

void LockController::openGate() {
    if (m_window->notebook() || m_gate) return;
    QDialog *dialog = nullptr;
    if (Notebook::exists(m_vaultPath)) {
        auto *unlock = new UnlockDialog(m_vaultPath, m_window);
        connect(unlock, &QDialog::accepted, this,
                [this, unlock] { m_adopt(unlock->takeNotebook()); });
        dialog = unlock;
    } else {
        auto *create = new CreateNotebookDialog(m_vaultPath, m_window);
        connect(create, &QDialog::accepted, this, [this, create] {
            m_adopt(create->takeNotebook());
            // The recovery code of a new notebook, shown once (issue 17). A vault made from
            // another computer's offer joins first, and the member's code stays theirs.
            if (Notebook *nb = m_window->notebook(); nb && !nb->isJoining())
                RecoveryCodeDialog::showForNewNotebook(*nb, m_window);
        });
        dialog = create;
    }
    connect(dialog, &QDialog::finished, dialog, &QObject::deleteLater);
    m_gate = dialog;
    dialog->open();
}

void LockController::updateLockedPage() {
    if (m_window->notebook()) return;
    if (Notebook::exists(m_vaultPath)) {
        m_lockedTitle->setText(tr("The notebook is locked"));
        setWrappedText(
            m_lockedHint,
            tr("Enter your passphrase to open %1.").arg(QDir::toNativeSeparators(m_vaultPath)));
        m_lockedButton->setText(tr("Unlock…"));
    } else {
        m_lockedTitle->setText(tr("Welcome to Quire"));
        setWrappedText(m_lockedHint,
                       tr("There is no notebook in %1 yet. Create one to start writing.")
                           .arg(QDir::toNativeSeparators(m_vaultPath)));
        m_lockedButton->setText(tr("Create notebook…"));
    }
}

void LockController::updateLockStatus() {
    if (!m_lockStatus) return;
    const bool open = m_window->notebook() != nullptr;
    m_lockStatus->setText(open ? tr("Unlocked") : tr("Locked"));
    m_lockStatus->setIcon(themeIcon(open ? "changes-allow-symbolic" : "changes-prevent-symbolic",
                                    "system-lock-screen"));
    const int minutes = m_idleLock ? m_idleLock->intervalMs() / 60000 : 0;
    m_lockStatus->setToolTip(
        open ? (minutes > 0 ? tr("Locks itself after %n minutes without use. Click to lock now.",
                                 nullptr, minutes)
                            : tr("Click to lock the notebook now."))
             : tr("The notebook is locked: nothing of it is in memory or on screen."));
    m_lockStatus->setEnabled(!open || !m_window->hasWorker());
}

} // namespace quire::widgets
