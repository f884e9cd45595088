#pragma once
// InstrumentsDialog: the lab's instruments as the notebook records them, and where each writes
// its files on this computer. "Add instrument…" describes a new one (for everyone, after a
// sync); "Watch folder…" binds a folder of this computer to the chosen instrument, with the
// file-name patterns to take, how long a file must stay unchanged before it is taken (settle)
// and how often the folder is listed again (poll). The same model services as quire-cli.

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

private:
    void fill();
    void askForInstrument();
    void askForFolder();
    QString chosenInstrument() const;

    Notebook *m_notebook;
    bool m_foldersChanged = false;
    QTableWidget *m_table = nullptr;
    QPushButton *m_add = nullptr;
    QPushButton *m_watch = nullptr;
};

} // namespace quire::widgets
