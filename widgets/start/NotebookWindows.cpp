#include "start/NotebookWindows.h"

#include "start/StartWindow.h"
#include "unlock/CreateNotebookDialog.h"
#include "unlock/RecoveryCodeDialog.h"
#include "unlock/UnlockDialog.h"
#include "window/MainWindow.h"

#include <QDir>

namespace quire::widgets {

namespace {

QString normalised(const QString &path) {
    return QDir::cleanPath(QDir(path).absolutePath());
}

} // namespace

NotebookWindows::NotebookWindows(QObject *parent)
    : QObject(parent) {}

NotebookWindows::~NotebookWindows() {
    // Windows closed last are only marked for deletion, and the event loop that would delete
    // them has ended: their clean-up (open copies of attachments, a sync) must still run.
    qDeleteAll(windows());
    delete m_start;
}

QString NotebookWindows::suggestedFolder() {
    const QString first = Notebook::defaultVaultPath();
    for (int n = 1;; ++n) {
        const QString candidate = n == 1 ? first : QStringLiteral("%1-%2").arg(first).arg(n);
        const QDir dir(candidate);
        if (!dir.exists() || dir.isEmpty()) return candidate;
    }
}

MainWindow *NotebookWindows::windowFor(const QString &path) const {
    const QString key = normalised(path);
    for (const auto &window : m_windows)
        if (window && normalised(window->vaultPath()) == key) return window;
    return nullptr;
}

QList<MainWindow *> NotebookWindows::windows() const {
    QList<MainWindow *> out;
    for (const auto &window : m_windows)
        if (window) out << window;
    return out;
}

MainWindow *NotebookWindows::makeWindow(const QString &path) {
    auto *window = new MainWindow(normalised(path));
    window->setAttribute(Qt::WA_DeleteOnClose);
    // A second window steps aside from the first, so that both are seen.
    if (!m_windows.isEmpty() && m_windows.last())
        window->move(m_windows.last()->pos() + QPoint(40, 40));
    m_windows.removeAll(nullptr);
    m_windows << window;
    connect(window, &MainWindow::openNotebookRequested, this, &NotebookWindows::showStartWindow);
    connect(window, &MainWindow::newNotebookRequested, this, [this, window] { create(window); });
    emit windowOpened(window);
    return window;
}

MainWindow *NotebookWindows::open(const QString &path) {
    if (MainWindow *window = windowFor(path)) {
        window->raise();
        window->activateWindow();
        return window;
    }
    MainWindow *window = makeWindow(path);
    window->show();
    window->start();
    return window;
}

MainWindow *NotebookWindows::show(const QString &path, std::unique_ptr<Notebook> notebook) {
    MainWindow *window = windowFor(path);
    if (!window) window = makeWindow(path);
    window->show();
    window->raise();
    window->activateWindow();
    if (notebook) window->openWith(std::move(notebook));
    if (m_start) m_start->hide();
    return window;
}

QWidget *NotebookWindows::unlock(const QString &path, QWidget *parent) {
    if (MainWindow *window = windowFor(path)) {
        // It unlocks itself, in its own window.
        window->raise();
        window->activateWindow();
        if (!window->notebook()) window->start();
        if (m_start) m_start->hide();
        return nullptr;
    }
    auto *dialog = new UnlockDialog(path, parent);
    connect(dialog, &QDialog::accepted, this,
            [this, dialog, path] { show(path, dialog->takeNotebook()); });
    connect(dialog, &QDialog::finished, dialog, &QObject::deleteLater);
    dialog->open();
    return dialog;
}

QWidget *NotebookWindows::create(QWidget *parent, const QString &folder) {
    auto *dialog = new CreateNotebookDialog(folder.isEmpty() ? suggestedFolder() : folder, parent,
                                            CreateNotebookDialog::FolderChoice::Choose);
    connect(dialog, &QDialog::accepted, this, [this, dialog] {
        MainWindow *window = show(dialog->vaultPath(), dialog->takeNotebook());
        // The recovery code of a new notebook, shown once, over its window (issue 17).
        if (Notebook *nb = window ? window->notebook() : nullptr; nb && !nb->isJoining())
            RecoveryCodeDialog::showForNewNotebook(*nb, window);
    });
    connect(dialog, &QDialog::finished, dialog, &QObject::deleteLater);
    dialog->open();
    return dialog;
}

StartWindow *NotebookWindows::startWindow() {
    if (!m_start) m_start = new StartWindow(this);
    return m_start;
}

void NotebookWindows::showStartWindow() {
    StartWindow *start = startWindow();
    start->reload();
    start->show();
    start->raise();
    start->activateWindow();
}

} // namespace quire::widgets
