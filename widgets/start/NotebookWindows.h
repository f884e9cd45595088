#pragma once
// NotebookWindows: the program's open notebooks, one main window each, and the start window
// for when none is chosen yet. Every way to a notebook ends here: --vault, the start window,
// File ▸ Open notebook… and File ▸ New notebook…. A folder already open in a window is not
// opened twice (its vault is locked by that window); that window comes to the front instead.

#include "Notebook.h"

#include <QList>
#include <QObject>
#include <QPointer>

#include <memory>

class QWidget;

namespace quire::widgets {

class MainWindow;
class StartWindow;

class NotebookWindows : public QObject {
    Q_OBJECT
public:
    explicit NotebookWindows(QObject *parent = nullptr);
    ~NotebookWindows() override;

    // A window for the notebook in `path`, shown; it asks for the passphrase (or offers to
    // create a notebook there) itself.
    MainWindow *open(const QString &path);
    // A window for a notebook unlocked elsewhere (the start window's dialogs).
    MainWindow *show(const QString &path, std::unique_ptr<Notebook> notebook);
    // Asks for the passphrase of the notebook in `path` (a dialog over `parent`), then opens its
    // window. Returns the dialog, or null when a window of that folder came to the front.
    QWidget *unlock(const QString &path, QWidget *parent);
    // File ▸ New notebook… and the start window's Create: the create dialog, with a folder to
    // choose, over `parent`; its notebook opens in a window of its own.
    QWidget *create(QWidget *parent, const QString &folder = {});

    MainWindow *windowFor(const QString &path) const;
    QList<MainWindow *> windows() const;
    // Made on first use.
    StartWindow *startWindow();
    void showStartWindow();

    // A folder for a new notebook that holds nothing yet, beside the default one.
    static QString suggestedFolder();

signals:
    // A window for `path` was made (for tests).
    void windowOpened(MainWindow *window);

private:
    MainWindow *makeWindow(const QString &path);

    QList<QPointer<MainWindow>> m_windows;
    QPointer<StartWindow> m_start;
};

} // namespace quire::widgets
