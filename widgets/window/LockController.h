#pragma once
// LockController: the way into the notebook and what shows while it is locked — the create or
// unlock dialog (the gate), the page behind it ("The notebook is locked", or the welcome of a
// folder without a notebook), the status bar's lock button, and IdleLock, which says when the
// notebook has gone unused for the set time. Locking itself is the window's (MainWindow::lock()),
// because everything it shows lets go of the notebook then.

#include "Notebook.h"

#include <QObject>
#include <QPointer>

#include <functional>
#include <memory>

class QDialog;
class QLabel;
class QPushButton;
class QToolButton;
class QWidget;

namespace quire::widgets {

class IdleLock;
class MainWindow;

class LockController : public QObject {
    Q_OBJECT
public:
    using Adopt = std::function<void(std::unique_ptr<Notebook>)>;

    // `adopt` takes the notebook the gate unlocked or created.
    LockController(MainWindow *window, const QString &vaultPath, Adopt adopt);

    QWidget *buildLockedPage(QWidget *parent);
    QToolButton *lockButton() const { return m_lockStatus; }
    IdleLock *idleLock() const { return m_idleLock; }
    // The create or unlock dialog while one is open.
    QDialog *gate() const { return m_gate; }

    // Opens the unlock dialog, or the create dialog when the folder holds no notebook yet.
    void openGate();
    // The locked page's words, while the notebook is locked.
    void updateLockedPage();
    // Whether the notebook is open, and when it locks itself.
    void updateLockStatus();

private:
    MainWindow *m_window;
    QString m_vaultPath;
    Adopt m_adopt;
    QPointer<QDialog> m_gate;
    IdleLock *m_idleLock = nullptr;
    QToolButton *m_lockStatus = nullptr;
    QLabel *m_lockedTitle = nullptr;
    QLabel *m_lockedHint = nullptr;
    QPushButton *m_lockedButton = nullptr;
};

} // namespace quire::widgets
