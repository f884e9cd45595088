#include "start/StartWindow.h"

#include "common/DialogParts.h"
#include "Notebook.h"
#include "start/JoinDialog.h"
#include "start/NotebookWindows.h"
#include "start/RecentNotebooks.h"
#include "unlock/OtherComputerDialog.h"

#include <QAction>
#include <QDir>
#include <QEvent>
#include <QFileDialog>
#include <QHBoxLayout>
#include <QLabel>
#include <QListWidget>
#include <QLocale>
#include <QMenu>
#include <QPushButton>
#include <QVBoxLayout>

namespace quire::widgets {

namespace {
enum Role { PathRole = Qt::UserRole, ThereRole };
}

StartWindow::StartWindow(NotebookWindows *windows, QWidget *parent)
    : QWidget(parent, Qt::Window)
    , m_windows(windows) {
    setObjectName(QStringLiteral("startWindow"));
    resize(860, 520);

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(24, 20, 24, 20);
    layout->setSpacing(12);
    m_heading = makeHeading(QString(), this);
    layout->addWidget(m_heading);

    auto *columns = new QHBoxLayout;
    columns->setSpacing(24);
    layout->addLayout(columns, 1);

    auto *recent = new QVBoxLayout;
    recent->setSpacing(6);
    m_recentLabel = new QLabel(this);
    recent->addWidget(m_recentLabel);
    m_list = new QListWidget(this);
    m_list->setObjectName(QStringLiteral("recentList"));
    m_list->setAlternatingRowColors(true);
    m_list->setWordWrap(true);
    m_list->setContextMenuPolicy(Qt::CustomContextMenu);
    m_recentLabel->setBuddy(m_list);
    recent->addWidget(m_list, 1);
    m_noRecent = makeHint(QString(), this);
    recent->addWidget(m_noRecent);
    auto *listButtons = new QHBoxLayout;
    m_open = new QPushButton(this);
    m_open->setObjectName(QStringLiteral("openRecentButton"));
    m_remove = new QPushButton(this);
    m_remove->setObjectName(QStringLiteral("removeRecentButton"));
    listButtons->addWidget(m_open);
    listButtons->addWidget(m_remove);
    listButtons->addStretch(1);
    recent->addLayout(listButtons);
    columns->addLayout(recent, 3);

    auto *ways = new QVBoxLayout;
    ways->setSpacing(8);
    auto button = [&](const char *name) {
        auto *b = new QPushButton(this);
        b->setObjectName(QLatin1String(name));
        ways->addWidget(b);
        return b;
    };
    m_create = button("createNotebookButton");
    m_openFolder = button("openFolderButton");
    m_join = button("joinButton");
    m_otherComputer = button("otherComputerButton");
    ways->addStretch(1);
    columns->addLayout(ways, 2);

    connect(m_list, &QListWidget::itemActivated, this,
            [this](QListWidgetItem *item) { openRecent(m_list->row(item)); });
    connect(m_list, &QListWidget::currentRowChanged, this, &StartWindow::updateButtons);
    connect(m_open, &QPushButton::clicked, this, [this] { openRecent(m_list->currentRow()); });
    connect(m_remove, &QPushButton::clicked, this, &StartWindow::removeSelected);
    auto *removeAction = new QAction(this);
    removeAction->setObjectName(QStringLiteral("removeRecentAction"));
    removeAction->setShortcut(QKeySequence::Delete);
    removeAction->setShortcutContext(Qt::WidgetShortcut);
    m_list->addAction(removeAction);
    connect(removeAction, &QAction::triggered, this, &StartWindow::removeSelected);
    connect(m_list, &QWidget::customContextMenuRequested, this, [this](const QPoint &at) {
        if (!m_list->itemAt(at)) return;
        QMenu menu(this);
        menu.addAction(tr("&Open"), this, [this] { openRecent(m_list->currentRow()); });
        menu.addAction(tr("&Remove from list"), this, &StartWindow::removeSelected);
        menu.exec(m_list->viewport()->mapToGlobal(at));
    });
    connect(m_create, &QPushButton::clicked, this, [this] { createNotebook(); });
    connect(m_openFolder, &QPushButton::clicked, this, [this] { openFolder(); });
    connect(m_join, &QPushButton::clicked, this, [this] { joinWithInvitation(); });
    connect(m_otherComputer, &QPushButton::clicked, this, [this] { useOtherComputer(); });

    setTabOrder(m_list, m_open);
    setTabOrder(m_open, m_remove);
    setTabOrder(m_remove, m_create);
    setTabOrder(m_create, m_openFolder);
    setTabOrder(m_openFolder, m_join);
    setTabOrder(m_join, m_otherComputer);
    retranslate();
    reload();
}

void StartWindow::changeEvent(QEvent *event) {
    if (event->type() == QEvent::LanguageChange) {
        retranslate();
        reload();
    }
    QWidget::changeEvent(event);
}

void StartWindow::retranslate() {
    setWindowTitle(tr("Quire — Open a notebook"));
    m_heading->setText(tr("Which notebook do you want to work in?"));
    m_recentLabel->setText(tr("&Recent notebooks"));
    m_list->setAccessibleName(tr("Recent notebooks"));
    m_list->setAccessibleDescription(
        tr("Enter opens the chosen notebook; Delete removes it from the list."));
    setWrappedText(m_noRecent, tr("No notebook opened on this computer yet. Create one, or "
                                  "use one you already have."));
    m_open->setText(tr("&Open"));
    m_remove->setText(tr("Re&move from list"));
    m_create->setText(tr("&Create a notebook…"));
    m_create->setToolTip(tr("A new notebook, with you as its first member and admin"));
    m_openFolder->setText(tr("Open a &folder…"));
    m_openFolder->setToolTip(tr("A notebook folder on this computer or a drive"));
    m_join->setText(tr("&Join with an invitation file…"));
    m_join->setToolTip(tr("A lab's admin sent you an invitation file to join their notebook"));
    m_otherComputer->setText(tr("I already use this notebook on &another computer…"));
    m_otherComputer->setToolTip(tr("Bring the offer file from your other computer: you stay "
                                   "the same member"));
}

void StartWindow::reload() {
    const QString current = selectedPath();
    m_list->clear();
    const QColor missing = palette().color(QPalette::Disabled, QPalette::Text);
    const QLocale locale;
    for (const RecentNotebook &notebook : RecentNotebooks::list()) {
        const bool there = notebook.isThere();
        const QString folder = QDir::toNativeSeparators(notebook.path);
        const QString when =
            locale.toString(notebook.lastOpened.toLocalTime(), QLocale::ShortFormat);
        const QString name = notebook.name.isEmpty() ? tr("Notebook") : notebook.name;
        const QString second = there ? tr("%1 · last opened %2").arg(folder, when)
                                     : tr("%1 · folder not found").arg(folder);
        auto *item = new QListWidgetItem(QStringLiteral("%1\n%2").arg(name, second), m_list);
        item->setData(PathRole, notebook.path);
        item->setData(ThereRole, there);
        item->setToolTip(folder);
        item->setData(Qt::AccessibleTextRole, name);
        item->setData(Qt::AccessibleDescriptionRole, second);
        if (!there) item->setForeground(missing);
        if (notebook.path == current) m_list->setCurrentItem(item);
    }
    if (!m_list->currentItem() && m_list->count() > 0) m_list->setCurrentRow(0);
    m_noRecent->setVisible(m_list->count() == 0);
    updateButtons();
    (m_list->count() > 0 ? static_cast<QWidget *>(m_list) : m_create)->setFocus();
}

QString StartWindow::selectedPath() const {
    const QListWidgetItem *item = m_list ? m_list->currentItem() : nullptr;
    return item ? item->data(PathRole).toString() : QString();
}

void StartWindow::updateButtons() {
    const QListWidgetItem *item = m_list->currentItem();
    m_open->setEnabled(item && item->data(ThereRole).toBool());
    m_remove->setEnabled(item != nullptr);
}

QWidget *StartWindow::openRecent(int row) {
    const QListWidgetItem *item = m_list->item(row);
    if (!item || !item->data(ThereRole).toBool()) return nullptr;
    return m_windows->unlock(item->data(PathRole).toString(), this);
}

void StartWindow::removeSelected() {
    const QString path = selectedPath();
    if (path.isEmpty()) return;
    RecentNotebooks::forget(path);
    const int row = m_list->currentRow();
    reload();
    m_list->setCurrentRow(qMin(row, m_list->count() - 1));
}

QWidget *StartWindow::createNotebook() {
    return m_windows->create(this);
}

QWidget *StartWindow::openFolder(const QString &folder) {
    QString dir = folder;
    if (dir.isEmpty())
        dir =
            QFileDialog::getExistingDirectory(this, tr("Open a notebook folder"), QDir::homePath());
    if (dir.isEmpty()) return nullptr;
    if (Notebook::exists(dir)) return m_windows->unlock(dir, this);
    if (QDir(dir).isEmpty()) return m_windows->create(this, dir);
    showProblem(this, tr("No notebook there"),
                tr("%1 holds no notebook. Choose a notebook's folder (the one with quire.db in "
                   "it), or an empty folder for a new notebook.")
                    .arg(QDir::toNativeSeparators(dir)));
    return nullptr;
}

QWidget *StartWindow::joinWithInvitation() {
    auto *dialog = new JoinDialog(NotebookWindows::suggestedFolder(), this);
    connect(dialog, &QDialog::accepted, this,
            [this, dialog] { m_windows->show(dialog->vaultPath(), dialog->takeNotebook()); });
    connect(dialog, &QDialog::finished, dialog, &QObject::deleteLater);
    dialog->open();
    return dialog;
}

QWidget *StartWindow::useOtherComputer() {
    auto *dialog = new OtherComputerDialog(NotebookWindows::suggestedFolder(), this, true);
    connect(dialog, &QDialog::accepted, this,
            [this, dialog] { m_windows->show(dialog->vaultPath(), dialog->takeNotebook()); });
    connect(dialog, &QDialog::finished, dialog, &QObject::deleteLater);
    dialog->open();
    return dialog;
}

} // namespace quire::widgets
