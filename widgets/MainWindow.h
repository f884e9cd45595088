#pragma once
// MainWindow: one notebook on screen — the experiments on the left, the selected
// experiment's entries on the right — and the way in and out of it (create, unlock, lock).
// It owns the unlocked Notebook; everything it shows comes from the model's API.

#include "Notebook.h"

#include <QDialog>
#include <QMainWindow>
#include <QPointer>
#include <QTimer>

#include <memory>

class QAction;
class QLabel;
class QListView;
class QPushButton;
class QSplitter;
class QStackedWidget;

namespace quire::widgets {

class EntryPageView;
class ExperimentListModel;

class MainWindow : public QMainWindow {
    Q_OBJECT
public:
    explicit MainWindow(const QString &vaultPath, QWidget *parent = nullptr);
    ~MainWindow() override;

    // Without a desktop platform theme Qt finds no icons; uses Adwaita where it is installed.
    // Call once after the QApplication exists.
    static void useFallbackIconTheme();

    // Opens the unlock dialog, or the create dialog when the folder holds no notebook yet.
    void start();

    Notebook *notebook() const { return m_notebook.get(); }
    EntryPageView *entryView() const { return m_entryView; }
    QListView *experimentList() const { return m_list; }
    QString currentExperiment() const;
    // The create or unlock dialog while one is open.
    QDialog *gateDialog() const { return m_gate; }

public slots:
    void lock();
    void newExperiment();
    void newEntry();
    void attachFile();

signals:
    void unlocked();
    void locked();

protected:
    void closeEvent(QCloseEvent *event) override;

private:
    enum Page { LockedPage, EmptyNotebookPage, NotebookPage };

    void buildActions();
    void buildMenusAndToolBar();
    QWidget *buildLockedPage();
    QWidget *buildEmptyNotebookPage();
    QWidget *buildNotebookPage();

    void openGate();
    void adopt(std::unique_ptr<Notebook> notebook);
    void refresh();
    void showCurrentExperiment();
    void updateActions();
    void updateLockedPage();
    void showProblem(QWidget *parent, const QString &title, const QString &modelMessage);

    QString m_vaultPath;
    std::unique_ptr<Notebook> m_notebook;
    bool m_busy = false; // a worker is using the notebook
    QString m_pendingSelection;
    QString m_pendingAnchor;
    QTimer m_refreshTimer;
    QPointer<QDialog> m_gate;

    QAction *m_newExperiment = nullptr;
    QAction *m_newEntry = nullptr;
    QAction *m_attach = nullptr;
    QAction *m_lock = nullptr;
    QAction *m_quit = nullptr;
    QAction *m_about = nullptr;

    QStackedWidget *m_stack = nullptr;
    QLabel *m_lockedTitle = nullptr;
    QLabel *m_lockedHint = nullptr;
    QPushButton *m_lockedButton = nullptr;
    QSplitter *m_splitter = nullptr;
    QLabel *m_listHeading = nullptr;
    QListView *m_list = nullptr;
    ExperimentListModel *m_model = nullptr;
    EntryPageView *m_entryView = nullptr;
    QLabel *m_statusLabel = nullptr;
};

} // namespace quire::widgets
