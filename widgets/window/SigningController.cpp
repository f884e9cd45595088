#include "window/SigningController.h"

#include "common/DialogParts.h"
#include "page/EntryPageRenderer.h"
#include "pdf/ExportPdfDialog.h"
#include "pdf/SignPdfDialog.h"
#include "pdf/VerifyPdfDialog.h"
#include "signing/ReviewQueueDialog.h"
#include "signing/SignDialog.h"
#include "signing/TimestampSettingsDialog.h"
#include "window/MainWindow.h"
#include "window/PageNavigator.h"

#include <QDesktopServices>
#include <QDir>
#include <QFileDialog>
#include <QMessageBox>
#include <QPushButton>
#include <QStatusBar>
#include <QUrl>

namespace quire::widgets {

SigningController::SigningController(MainWindow *window, PageNavigator *navigator)
    : QObject(window)
    , m_window(window)
    , m_navigator(navigator) {}

SignDialog *SigningController::openSignDialog(const QList<EntryVersion> &entries,
                                              const QString &entry, QWidget *parent) {
    auto *dialog = new SignDialog(m_window->notebook(), entries, entry, parent ? parent : m_window);
    connect(dialog, &QDialog::finished, dialog, &QObject::deleteLater);
    connect(dialog, &SignDialog::busyChanged, this,
            [this](bool busy) { busy ? m_window->beginWork() : m_window->endWork(); });
    connect(dialog, &SignDialog::signedEntry, this, [this](const SignatureInfo &signature) {
        // The page is shown again once the worker lets go; it opens at the signed entry.
        m_navigator->setPendingAnchor(EntryPageRenderer::anchorFor(signature.entry));
        m_window->refreshWhenFree();
        m_window->statusBar()->showMessage(tr("Signed: %1").arg(Notebook::manifestation(signature)),
                                           8000);
    });
    dialog->open();
    return dialog;
}

void SigningController::signEntry(const QString &entry) {
    if (!m_window->notebook() || m_window->isBusy()) return;
    if (m_navigator->shownEntries().isEmpty()) {
        showProblem(m_window, tr("Nothing to sign"),
                    tr("signatures are given to entries; choose an experiment with entries "
                       "first"));
        return;
    }
    openSignDialog(m_navigator->shownEntries(), entry, m_window);
}

void SigningController::exportPdf() {
    if (!m_window->notebook() || m_window->isBusy()) return;
    if (m_navigator->shownEntries().isEmpty()) {
        showProblem(m_window, tr("Nothing to export"),
                    tr("choose an experiment with entries first"));
        return;
    }
    // Every entry of the experiment, not only those the page has read so far.
    auto entries = m_window->notebook()->entries(m_navigator->experiment());
    if (!entries) {
        showProblem(m_window, tr("The experiment could not be read"), entries.error());
        return;
    }
    auto *dialog =
        new ExportPdfDialog(m_window->notebook(), m_navigator->experiment(), *entries, m_window);
    connect(dialog, &QDialog::finished, dialog, &QObject::deleteLater);
    connect(dialog, &ExportPdfDialog::busyChanged, this,
            [this](bool busy) { busy ? m_window->beginWork() : m_window->endWork(); });
    connect(dialog, &ExportPdfDialog::exported, this, [this](const QString &path) {
        m_window->refreshWhenFree(); // the export wrote an audit record
        m_window->statusBar()->showMessage(tr("Exported as %1").arg(QDir::toNativeSeparators(path)),
                                           8000);
    });
    dialog->open();
}

void SigningController::signPdf(const QString &path) {
    if (!m_window->notebook() || m_window->isBusy()) return;
    auto *dialog = new SignPdfDialog(m_window->notebook(), path, m_window);
    connect(dialog, &QDialog::finished, dialog, &QObject::deleteLater);
    connect(dialog, &SignPdfDialog::busyChanged, this,
            [this](bool busy) { busy ? m_window->beginWork() : m_window->endWork(); });
    connect(dialog, &SignPdfDialog::signedPdf, this, [this] { m_window->refreshWhenFree(); });
    dialog->open();
}

void SigningController::verifyPdf(const QString &path) {
    if (!m_window->notebook() || m_window->isBusy()) return;
    QString file = path;
    if (file.isEmpty())
        file = QFileDialog::getOpenFileName(m_window, tr("Choose a PDF to verify"),
                                            QDir::homePath(), tr("PDF documents (*.pdf)"));
    if (file.isEmpty() || !m_window->notebook() || m_window->isBusy()) return;
    auto *dialog = new VerifyPdfDialog(m_window->notebook(), file, m_window);
    connect(dialog, &QDialog::finished, dialog, &QObject::deleteLater);
    connect(dialog, &VerifyPdfDialog::busyChanged, this,
            [this](bool busy) { busy ? m_window->beginWork() : m_window->endWork(); });
    dialog->open();
    dialog->start();
}

void SigningController::showReviewQueue() {
    if (!m_window->notebook() || m_window->isBusy()) return;
    auto *dialog = new ReviewQueueDialog(m_window->notebook(), m_window);
    connect(dialog, &QDialog::finished, dialog, &QObject::deleteLater);
    connect(dialog, &ReviewQueueDialog::openRequested, m_window, &MainWindow::openAt);
    connect(dialog, &ReviewQueueDialog::countersignRequested, this,
            [this, dialog](const QString &entry, int version) {
                Notebook *notebook = m_window->notebook();
                if (!notebook || m_window->isBusy()) return;
                auto signedVersion = notebook->entry(entry, version);
                if (!signedVersion) {
                    showProblem(dialog, tr("The entry could not be read"), signedVersion.error());
                    return;
                }
                SignDialog *sign = openSignDialog({*signedVersion}, entry, dialog);
                connect(sign, &QDialog::finished, dialog, [this, dialog] {
                    if (m_window->isBusy()) return;
                    dialog->reload();
                    emit reviewQueueChanged();
                });
            });
    dialog->open();
}

void SigningController::openTimestampSettings(QWidget *parent) {
    if (!m_window->notebook() || m_window->isBusy()) return;
    auto *dialog = new TimestampSettingsDialog(m_window->notebook(), parent);
    connect(dialog, &QDialog::finished, dialog, &QObject::deleteLater);
    connect(dialog, &TimestampSettingsDialog::busyChanged, this,
            [this](bool busy) { busy ? m_window->beginWork() : m_window->endWork(); });
    connect(dialog, &QDialog::finished, this, [this] {
        if (!m_window->isBusy()) emit timestampSettingsClosed();
    });
    dialog->open();
}

void SigningController::exportEvidence(const QString &signatureId, const QString &parentDir) {
    if (!m_window->notebook() || m_window->isBusy()) return;
    const EntryVersion *owner = nullptr;
    SignatureInfo signature;
    for (const EntryVersion &e : m_navigator->shownEntries())
        for (const SignatureInfo &s : e.signatures)
            if (s.id == signatureId) {
                owner = &e;
                signature = s;
            }
    if (!owner) return;
    const QString title = owner->title;
    QString dir = parentDir;
    if (dir.isEmpty())
        dir = QFileDialog::getExistingDirectory(
            m_window,
            tr("Choose a folder for the evidence of %1’s signature").arg(signature.printedName),
            QDir::homePath());
    if (dir.isEmpty() || !m_window->notebook()) return;
    auto folder = SignDialog::writeEvidence(m_window->notebook(), signature, title, dir);
    if (!folder) {
        showProblem(m_window, tr("The evidence could not be exported"), folder.error());
        return;
    }
    // A path is too long for the status bar, and the person will want to find the folder.
    auto *box = new QMessageBox(
        QMessageBox::Information, tr("Evidence exported"),
        tr("The evidence of %1’s signature is in this folder:").arg(signature.printedName),
        QMessageBox::Ok, m_window);
    box->setObjectName(QStringLiteral("evidenceBox"));
    box->setTextFormat(Qt::PlainText);
    box->setInformativeText(
        tr("%1\n\nAnyone can check it there with verify.sh, which needs only bash and openssl.")
            .arg(QDir::toNativeSeparators(*folder)));
    box->button(QMessageBox::Ok)->setIcon(QIcon());
    QPushButton *show = box->addButton(tr("Show folder"), QMessageBox::ActionRole);
    show->setObjectName(QStringLiteral("showFolderButton"));
    const QString path = *folder;
    connect(show, &QPushButton::clicked, this,
            [path] { QDesktopServices::openUrl(QUrl::fromLocalFile(path)); });
    box->setAttribute(Qt::WA_DeleteOnClose);
    box->open();
}

} // namespace quire::widgets
