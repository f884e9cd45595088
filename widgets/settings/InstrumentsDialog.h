#pragma once
// InstrumentsDialog: the lab's instruments as the notebook records them, and where each writes
// its files on this computer. "Add instrument…" describes a new one (for everyone, after a
// sync); "Watch folder…" binds a folder of this computer to the chosen instrument, with the
// file-name patterns to take, how long a file must stay unchanged before it is taken (settle)
// and how often the folder is listed again (poll); for an instrument already watched here it
// shows the binding to change. "Stop watching" unbinds the folder (what was captured stays);
// "Retire…" takes an instrument out of use for everyone, with a reason, and stops watching its
// folder here. Retired instruments stay listed, greyed, with their reason. The same model
// services as quire-cli.

#include "Notebook.h"

#include <QDialog>

class QPushButton;
class QTableWidget;

namespace quire::widgets {

class InstrumentsDialog : public QDialog {
    Q_OBJECT
public:
    InstrumentsDialog(Notebook *notebook, QWidget *parent = nullptr);

    bool foldersChanged() const { return m_foldersChanged; }
    QTableWidget *table() const { return m_table; }

    // What the two buttons do once they have their answers (also for tests).
    Result<QString> addInstrument(const QString &name, const QString &model, const QString &serial,
                                  const QString &location);
    Result<void> bindFolder(const WatchFolder &watch);
    Result<void> stopWatching(const QString &instrument);
    Result<void> retire(const QString &instrument, const QString &reason);
    // Chooses the instrument's row (false if it is not listed).
    bool selectInstrument(const QString &instrument);

private:
    void fill();
    void askForInstrument();
    void askForFolder();
    void askForRetirement();
    void updateButtons();
    QString chosenInstrument() const;
    bool chosenIsActive() const;

    Notebook *m_notebook;
    bool m_foldersChanged = false;
    QTableWidget *m_table = nullptr;
    QPushButton *m_add = nullptr;
    QPushButton *m_watch = nullptr;
    QPushButton *m_unwatch = nullptr;
    QPushButton *m_retire = nullptr;
    QList<WatchFolder> m_folders;
};

} // namespace quire::widgets
