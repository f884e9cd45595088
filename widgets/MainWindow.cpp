#include "MainWindow.h"

#include "CreateNotebookDialog.h"
#include "DialogParts.h"
#include "EntryDialog.h"
#include "EntryPageRenderer.h"
#include "EntryPageView.h"
#include "ExperimentDelegate.h"
#include "ExperimentDialog.h"
#include "ExperimentListModel.h"
#include "UnlockDialog.h"

#include <QAction>
#include <QApplication>
#include <QCloseEvent>
#include <QDesktopServices>
#include <QDir>
#include <QFileDialog>
#include <QFileInfo>
#include <QFutureWatcher>
#include <QInputDialog>
#include <QLabel>
#include <QListView>
#include <QMenuBar>
#include <QMessageBox>
#include <QProgressDialog>
#include <QPromise>
#include <QPushButton>
#include <QSplitter>
#include <QStackedWidget>
#include <QStatusBar>
#include <QtConcurrent/QtConcurrentRun>
#include <QToolBar>
#include <QVBoxLayout>

namespace quire::widgets {

namespace {

constexpr int kMessageWidth = 460;

// Box layouts size a word-wrapped label from a guessed width and clip the rest; a fixed
// measure and an explicit height keep every line of the message on screen.
void setWrappedText(QLabel *label, const QString &text) {
    label->setText(text);
    label->setFixedWidth(kMessageWidth);
    label->setMinimumHeight(label->heightForWidth(kMessageWidth));
}

// A column of centred text and one button: the shape of every empty or locked state.
QWidget *centredMessage(QWidget *parent, QLabel **title, QLabel **hint, QPushButton **button) {
    auto *page = new QWidget(parent);
    auto *outer = new QVBoxLayout(page);
    outer->addStretch(2);
    auto *column = new QWidget(page);
    auto *layout = new QVBoxLayout(column);
    layout->setSpacing(12);
    *title = makeHeading({}, column);
    (*title)->setAlignment(Qt::AlignHCenter);
    *hint = makeHint({}, column);
    (*hint)->setAlignment(Qt::AlignHCenter);
    *button = new QPushButton(column);
    (*button)->setDefault(true);
    layout->addWidget(*title);
    layout->addWidget(*hint);
    layout->addSpacing(6);
    layout->addWidget(*button, 0, Qt::AlignHCenter);
    outer->addWidget(column, 0, Qt::AlignHCenter);
    outer->addStretch(3);
    return page;
}

QIcon themeIcon(const char *name) {
    return QIcon::fromTheme(QLatin1String(name));
}

} // namespace

MainWindow::MainWindow(const QString &vaultPath, QWidget *parent)
    : QMainWindow(parent)
    , m_vaultPath(vaultPath) {
    setObjectName(QStringLiteral("mainWindow"));
    setWindowTitle(tr("Quire"));
    resize(1280, 800);

    m_refreshTimer.setSingleShot(true);
    m_refreshTimer.setInterval(0);
    connect(&m_refreshTimer, &QTimer::timeout, this, &MainWindow::refresh);

    buildActions();
    buildMenusAndToolBar();

    m_stack = new QStackedWidget(this);
    m_stack->insertWidget(LockedPage, buildLockedPage());
    m_stack->insertWidget(EmptyNotebookPage, buildEmptyNotebookPage());
    m_stack->insertWidget(NotebookPage, buildNotebookPage());
    setCentralWidget(m_stack);

    m_statusLabel = new QLabel(this);
    m_statusLabel->setObjectName(QStringLiteral("statusLabel"));
    m_statusLabel->setContentsMargins(8, 0, 8, 0);
    statusBar()->addPermanentWidget(m_statusLabel);

    updateLockedPage();
    updateActions();
}

MainWindow::~MainWindow() {
    // The page view may still ask for attachment images while it is torn down.
    if (m_entryView) m_entryView->setNotebook(nullptr);
}

void MainWindow::buildActions() {
    m_newExperiment = new QAction(themeIcon("folder-new"), tr("New e&xperiment…"), this);
    m_newExperiment->setObjectName(QStringLiteral("newExperimentAction"));
    m_newExperiment->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_N));
    m_newExperiment->setToolTip(tr("Start a new experiment (Ctrl+Shift+N)"));
    m_newExperiment->setIconText(tr("New experiment"));
    connect(m_newExperiment, &QAction::triggered, this, &MainWindow::newExperiment);

    m_newEntry = new QAction(themeIcon("document-new"), tr("&New entry…"), this);
    m_newEntry->setObjectName(QStringLiteral("newEntryAction"));
    m_newEntry->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_N));
    m_newEntry->setToolTip(tr("Write a new entry in the selected experiment (Ctrl+N)"));
    m_newEntry->setIconText(tr("New entry"));
    connect(m_newEntry, &QAction::triggered, this, &MainWindow::newEntry);

    m_attach = new QAction(themeIcon("mail-attachment"), tr("&Attach file…"), this);
    m_attach->setObjectName(QStringLiteral("attachAction"));
    m_attach->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_A));
    m_attach->setToolTip(tr("Store a file with an entry of the selected experiment"));
    m_attach->setIconText(tr("Attach file"));
    connect(m_attach, &QAction::triggered, this, &MainWindow::attachFile);

    m_lock = new QAction(themeIcon("system-lock-screen"), tr("&Lock notebook"), this);
    m_lock->setObjectName(QStringLiteral("lockAction"));
    m_lock->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_L));
    m_lock->setToolTip(tr("Close the notebook until the passphrase is entered again (Ctrl+L)"));
    m_lock->setIconText(tr("Lock"));
    connect(m_lock, &QAction::triggered, this, &MainWindow::lock);

    m_quit = new QAction(themeIcon("application-exit"), tr("&Quit"), this);
    m_quit->setShortcut(QKeySequence::Quit);
    m_quit->setMenuRole(QAction::QuitRole);
    connect(m_quit, &QAction::triggered, this, &QWidget::close);

    m_about = new QAction(tr("&About Quire"), this);
    m_about->setMenuRole(QAction::AboutRole);
    connect(m_about, &QAction::triggered, this, [this] {
        QMessageBox::about(this, tr("About Quire"),
                           tr("<p><b>Quire</b> %1</p><p>An electronic lab notebook. Every saved "
                              "version is kept, sealed and attributable.</p>")
                               .arg(QCoreApplication::applicationVersion().toHtmlEscaped()));
    });
}

void MainWindow::buildMenusAndToolBar() {
    QMenu *file = menuBar()->addMenu(tr("&File"));
    file->addAction(m_newExperiment);
    file->addAction(m_newEntry);
    file->addAction(m_attach);
    file->addSeparator();
    file->addAction(m_lock);
    file->addSeparator();
    file->addAction(m_quit);
    QMenu *help = menuBar()->addMenu(tr("&Help"));
    help->addAction(m_about);

    QToolBar *bar = addToolBar(tr("Main toolbar"));
    bar->setObjectName(QStringLiteral("mainToolBar"));
    bar->setMovable(false);
    bar->setFloatable(false);
    bar->setToolButtonStyle(Qt::ToolButtonTextBesideIcon);
    bar->setIconSize(QSize(20, 20));
    bar->addAction(m_newExperiment);
    bar->addAction(m_newEntry);
    bar->addAction(m_attach);
    auto *spacer = new QWidget(bar);
    spacer->setSizePolicy(QSizePolicy::Expanding, QSizePolicy::Preferred);
    bar->addWidget(spacer);
    bar->addAction(m_lock);
}

QWidget *MainWindow::buildLockedPage() {
    QWidget *page = centredMessage(this, &m_lockedTitle, &m_lockedHint, &m_lockedButton);
    m_lockedButton->setObjectName(QStringLiteral("unlockButton"));
    connect(m_lockedButton, &QPushButton::clicked, this, &MainWindow::openGate);
    return page;
}

QWidget *MainWindow::buildEmptyNotebookPage() {
    QLabel *title = nullptr;
    QLabel *hint = nullptr;
    QPushButton *button = nullptr;
    QWidget *page = centredMessage(this, &title, &hint, &button);
    title->setText(tr("Your notebook is empty"));
    setWrappedText(hint, tr("Start with an experiment: a title for one piece of work, such as "
                            "“Phosphate buffer, pH 7.4”. The entries you write go into it."));
    button->setText(tr("New experiment…"));
    button->setObjectName(QStringLiteral("firstExperimentButton"));
    connect(button, &QPushButton::clicked, this, &MainWindow::newExperiment);
    return page;
}

QWidget *MainWindow::buildNotebookPage() {
    m_splitter = new QSplitter(Qt::Horizontal, this);
    m_splitter->setChildrenCollapsible(false);

    auto *side = new QWidget(m_splitter);
    side->setMinimumWidth(220);
    auto *sideLayout = new QVBoxLayout(side);
    sideLayout->setContentsMargins(0, 0, 0, 0);
    sideLayout->setSpacing(0);
    m_listHeading = new QLabel(side);
    m_listHeading->setContentsMargins(12, 10, 12, 6);
    QFont headingFont = m_listHeading->font();
    headingFont.setWeight(QFont::DemiBold);
    m_listHeading->setFont(headingFont);
    sideLayout->addWidget(m_listHeading);

    m_model = new ExperimentListModel(this);
    m_list = new QListView(side);
    m_list->setObjectName(QStringLiteral("experimentList"));
    m_list->setModel(m_model);
    m_list->setItemDelegate(new ExperimentDelegate(m_list));
    m_list->setUniformItemSizes(true);
    m_list->setFrameShape(QFrame::NoFrame);
    m_list->setSelectionMode(QAbstractItemView::SingleSelection);
    m_list->setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    m_list->setAccessibleName(tr("Experiments"));
    sideLayout->addWidget(m_list, 1);
    connect(m_list->selectionModel(), &QItemSelectionModel::currentChanged, this,
            &MainWindow::showCurrentExperiment);

    m_entryView = new EntryPageView(m_splitter);
    m_entryView->setObjectName(QStringLiteral("entryView"));
    m_entryView->setAccessibleName(tr("Entries of the selected experiment"));
    connect(m_entryView, &EntryPageView::externalLinkActivated, this,
            [](const QUrl &url) { QDesktopServices::openUrl(url); });

    m_splitter->addWidget(side);
    m_splitter->addWidget(m_entryView);
    m_splitter->setStretchFactor(0, 0);
    m_splitter->setStretchFactor(1, 1);
    m_splitter->setSizes({320, 960});
    return m_splitter;
}

QString MainWindow::currentExperiment() const {
    return m_list->currentIndex().data(ExperimentListModel::UuidRole).toString();
}

void MainWindow::useFallbackIconTheme() {
    if (QIcon::themeName().isEmpty() || QIcon::themeName() == QLatin1String("hicolor"))
        QIcon::setThemeName(QStringLiteral("Adwaita"));
}

void MainWindow::start() {
    updateLockedPage();
    openGate();
}

void MainWindow::openGate() {
    if (m_notebook || m_gate) return;
    QDialog *dialog = nullptr;
    if (Notebook::exists(m_vaultPath)) {
        auto *unlock = new UnlockDialog(m_vaultPath, this);
        connect(unlock, &QDialog::accepted, this,
                [this, unlock] { adopt(unlock->takeNotebook()); });
        dialog = unlock;
    } else {
        auto *create = new CreateNotebookDialog(m_vaultPath, this);
        connect(create, &QDialog::accepted, this,
                [this, create] { adopt(create->takeNotebook()); });
        dialog = create;
    }
    connect(dialog, &QDialog::finished, dialog, &QObject::deleteLater);
    m_gate = dialog;
    dialog->open();
}

void MainWindow::adopt(std::unique_ptr<Notebook> notebook) {
    if (!notebook) return;
    m_notebook = std::move(notebook);
    connect(m_notebook.get(), &Notebook::changed, &m_refreshTimer, qOverload<>(&QTimer::start));
    m_entryView->setNotebook(m_notebook.get());

    const QString name = m_notebook->notebookName();
    setWindowTitle(tr("Quire — %1").arg(name));
    m_statusLabel->setText(tr("%1  ·  %2  ·  Unlocked").arg(name, m_notebook->me().name));
    refresh();
    updateActions();
    m_list->setFocus();
    emit unlocked();
}

void MainWindow::lock() {
    if (!m_notebook || m_busy) return;
    // Open dialogs belong to the unlocked notebook (and may show its content); they close
    // with it, unsaved input included.
    for (QDialog *dialog : findChildren<QDialog *>(Qt::FindDirectChildrenOnly))
        if (dialog != m_gate) dialog->reject();
    // Nothing decrypted may stay on screen or in the engine's memory cache.
    m_entryView->setNotebook(nullptr);
    m_entryView->clearDocument();
    m_model->clear();
    m_pendingSelection.clear();
    m_pendingAnchor.clear();
    m_notebook.reset();

    setWindowTitle(tr("Quire"));
    m_statusLabel->setText(tr("Locked"));
    statusBar()->clearMessage();
    updateLockedPage();
    m_stack->setCurrentIndex(LockedPage);
    updateActions();
    emit locked();
    openGate();
}

void MainWindow::refresh() {
    if (!m_notebook) return;
    auto list = m_notebook->experiments();
    if (!list) {
        showProblem(this, tr("The experiments could not be read"), list.error());
        return;
    }
    const QString wanted = m_pendingSelection.isEmpty() ? currentExperiment() : m_pendingSelection;
    m_pendingSelection.clear();
    m_model->setExperiments(*list);
    m_listHeading->setText(tr("Experiments (%1)").arg(list->size()));
    if (list->isEmpty()) {
        m_stack->setCurrentIndex(EmptyNotebookPage);
        updateActions();
        return;
    }
    m_stack->setCurrentIndex(NotebookPage);
    QModelIndex index = m_model->indexOf(wanted);
    if (!index.isValid()) index = m_model->index(0);
    // The model was reset, so this always counts as a change and renders the page.
    m_list->setCurrentIndex(index);
    updateActions();
}

void MainWindow::showCurrentExperiment() {
    const QString uuid = currentExperiment();
    updateActions();
    if (!m_notebook || uuid.isEmpty()) return;
    auto experiment = m_notebook->experiment(uuid);
    auto entries = m_notebook->entries(uuid);
    if (!experiment || !entries) {
        showProblem(this, tr("The experiment could not be shown"),
                    experiment ? entries.error() : experiment.error());
        return;
    }
    m_entryView->showDocument(EntryPageRenderer::experimentPage(*experiment, *entries),
                              m_pendingAnchor);
    m_pendingAnchor.clear();
}

void MainWindow::updateActions() {
    const bool open = m_notebook != nullptr && !m_busy;
    const bool hasExperiment = open && !currentExperiment().isEmpty();
    m_newExperiment->setEnabled(open);
    m_newEntry->setEnabled(hasExperiment);
    m_attach->setEnabled(hasExperiment);
    m_lock->setEnabled(open);
}

void MainWindow::updateLockedPage() {
    if (m_notebook) return;
    m_statusLabel->setText(tr("Locked"));
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

void MainWindow::showProblem(QWidget *parent, const QString &title, const QString &modelMessage) {
    auto *box = new QMessageBox(QMessageBox::Warning, title, asSentence(modelMessage),
                                QMessageBox::Ok, parent);
    box->setObjectName(QStringLiteral("problemBox"));
    box->setAttribute(Qt::WA_DeleteOnClose);
    box->open();
}

void MainWindow::newExperiment() {
    if (!m_notebook || m_busy) return;
    auto *dialog = new ExperimentDialog(this);
    connect(dialog, &QDialog::finished, dialog, &QObject::deleteLater);
    connect(dialog, &ExperimentDialog::submitted, this, [this, dialog] {
        if (!m_notebook) return;
        auto uuid =
            m_notebook->createExperiment(dialog->title(), dialog->project(), dialog->tags());
        if (!uuid) {
            showProblem(dialog, tr("The experiment could not be created"), uuid.error());
            return;
        }
        m_pendingSelection = *uuid;
        m_refreshTimer.start();
        statusBar()->showMessage(tr("Experiment “%1” created").arg(dialog->title()), 5000);
        dialog->accept();
    });
    dialog->open();
}

void MainWindow::newEntry() {
    const QString experiment = currentExperiment();
    if (!m_notebook || m_busy || experiment.isEmpty()) return;
    const QString experimentTitle = m_list->currentIndex().data().toString();
    auto *dialog = new EntryDialog(experimentTitle, this);
    connect(dialog, &QDialog::finished, dialog, &QObject::deleteLater);
    connect(dialog, &EntryDialog::submitted, this, [this, dialog, experiment] {
        if (!m_notebook) return;
        auto uuid = m_notebook->addEntry(experiment, dialog->title(), dialog->html());
        if (!uuid) {
            showProblem(dialog, tr("The entry could not be saved"), uuid.error());
            return;
        }
        m_pendingSelection = experiment;
        m_pendingAnchor = EntryPageRenderer::anchorFor(*uuid);
        m_refreshTimer.start();
        statusBar()->showMessage(tr("Entry “%1” saved").arg(dialog->title()), 5000);
        dialog->accept();
    });
    dialog->open();
}

void MainWindow::attachFile() {
    const QString experiment = currentExperiment();
    if (!m_notebook || m_busy || experiment.isEmpty()) return;
    auto entries = m_notebook->entries(experiment);
    if (!entries) {
        showProblem(this, tr("The entries could not be read"), entries.error());
        return;
    }
    // Numbered as on the page; only the author's own, unvoided entries can take a file.
    QList<EntryVersion> open;
    QStringList names;
    for (int i = 0; i < entries->size(); ++i) {
        const EntryVersion &e = entries->at(i);
        if (e.status == QLatin1String("void") || e.author != m_notebook->me().uuid) continue;
        open << e;
        names << tr("%1. %2").arg(i + 1).arg(e.title);
    }
    if (open.isEmpty()) {
        showProblem(this, tr("No entry to attach to"),
                    tr("files are kept with an entry you wrote; add an entry to this experiment "
                       "first"));
        return;
    }
    EntryVersion target = open.last();
    if (open.size() > 1) {
        bool ok = false;
        const QString choice =
            QInputDialog::getItem(this, tr("Attach file"), tr("Attach the file to the entry:"),
                                  names, int(names.size() - 1), false, &ok);
        if (!ok) return;
        target = open.at(names.indexOf(choice));
    }
    const QString path = QFileDialog::getOpenFileName(
        this, tr("Attach a file to “%1”").arg(target.title), QDir::homePath());
    if (path.isEmpty() || !m_notebook) return;

    // Storing a large file takes a while; the notebook is not shared between threads, so the
    // window is blocked (window-modal progress) and the page stops reading attachments.
    m_busy = true;
    updateActions();
    m_entryView->setNotebook(nullptr);
    auto *progress =
        new QProgressDialog(tr("Storing “%1” in the notebook…").arg(QFileInfo(path).fileName()),
                            QString(), 0, 1000, this);
    progress->setWindowTitle(tr("Attach file"));
    progress->setWindowModality(Qt::WindowModal);
    progress->setMinimumDuration(400);
    progress->setAutoClose(false);
    progress->setAutoReset(false);

    auto *watcher = new QFutureWatcher<Result<QString>>(this);
    connect(watcher, &QFutureWatcherBase::progressValueChanged, progress,
            &QProgressDialog::setValue);
    connect(watcher, &QFutureWatcherBase::finished, this, [=, this] {
        const Result<QString> result = watcher->result();
        watcher->deleteLater();
        progress->deleteLater();
        m_busy = false;
        m_entryView->setNotebook(m_notebook.get());
        updateActions();
        if (!result) {
            showProblem(this, tr("The file could not be attached"), result.error());
            return;
        }
        m_pendingSelection = experiment;
        m_pendingAnchor = EntryPageRenderer::anchorFor(target.uuid);
        m_refreshTimer.start();
        statusBar()->showMessage(
            tr("“%1” attached to “%2”").arg(QFileInfo(path).fileName(), target.title), 5000);
    });
    Notebook *notebook = m_notebook.get();
    const QString entry = target.uuid;
    watcher->setFuture(
        QtConcurrent::run([notebook, entry, path](QPromise<Result<QString>> &promise) {
            promise.setProgressRange(0, 1000);
            auto result = notebook->attachFile(entry, path, [&promise](qint64 done, qint64 total) {
                if (total > 0) promise.setProgressValue(int(done * 1000 / total));
            });
            promise.addResult(std::move(result));
        }));
}

void MainWindow::closeEvent(QCloseEvent *event) {
    if (m_busy) {
        // A worker is writing into the notebook; closing now would pull it from under it.
        statusBar()->showMessage(tr("Please wait until the file is stored."), 5000);
        event->ignore();
        return;
    }
    m_entryView->setNotebook(nullptr);
    m_notebook.reset();
    event->accept();
}

} // namespace quire::widgets
