#include "settings/InstrumentsDialog.h"

#include "common/DialogParts.h"
#include "page/EntryPageRenderer.h"

#include <QDialogButtonBox>
#include <QFileDialog>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QInputDialog>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QSpinBox>
#include <QTableWidget>
#include <QToolButton>
#include <QVBoxLayout>

#include <algorithm>

namespace quire::widgets {

namespace {
enum { UuidRole = Qt::UserRole + 1, ActiveRole };
}

InstrumentsDialog::InstrumentsDialog(Notebook *notebook, QWidget *parent)
    : QDialog(parent)
    , m_notebook(notebook) {
    setWindowTitle(tr("Instruments"));
    auto *layout = new QVBoxLayout(this);
    auto *hint = new QLabel(tr("Files an instrument writes into its folder on this computer are "
                               "taken into the notebook once they stop changing, and wait in "
                               "the inbox until you file them into an entry. The folders are "
                               "only read."),
                            this);
    hint->setWordWrap(true);
    layout->addWidget(hint);
    m_table = new QTableWidget(0, 3, this);
    m_table->setObjectName(QStringLiteral("instrumentTable"));
    m_table->setHorizontalHeaderLabels(
        {tr("Instrument"), tr("Model, serial, place"), tr("Folder on this computer")});
    m_table->verticalHeader()->hide();
    m_table->horizontalHeader()->setStretchLastSection(true);
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setSelectionMode(QAbstractItemView::SingleSelection);
    m_table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    layout->addWidget(m_table, 1);
    auto *buttons = new QHBoxLayout();
    m_add = new QPushButton(tr("&Add instrument…"), this);
    m_watch = new QPushButton(tr("&Watch folder…"), this);
    m_watch->setObjectName(QStringLiteral("watchFolderButton"));
    m_watch->setToolTip(tr("Bind a folder of this computer to the chosen instrument, or change "
                           "its binding"));
    m_unwatch = new QPushButton(tr("&Stop watching"), this);
    m_unwatch->setObjectName(QStringLiteral("stopWatchingButton"));
    m_unwatch->setToolTip(tr("Stop taking files from the chosen instrument's folder on this "
                             "computer; what was captured stays in the notebook"));
    m_retire = new QPushButton(tr("&Retire…"), this);
    m_retire->setObjectName(QStringLiteral("retireButton"));
    m_retire->setToolTip(tr("Take the chosen instrument out of use for everyone, with a reason; "
                            "its files stay in the notebook"));
    buttons->addWidget(m_add);
    buttons->addWidget(m_watch);
    buttons->addWidget(m_unwatch);
    buttons->addStretch();
    buttons->addWidget(m_retire);
    layout->addLayout(buttons);
    auto *close = new QDialogButtonBox(QDialogButtonBox::Close, this);
    layout->addWidget(close);
    connect(close, &QDialogButtonBox::rejected, this, &QDialog::reject);
    connect(m_add, &QPushButton::clicked, this, &InstrumentsDialog::askForInstrument);
    connect(m_watch, &QPushButton::clicked, this, &InstrumentsDialog::askForFolder);
    connect(m_unwatch, &QPushButton::clicked, this, [this] {
        if (auto r = stopWatching(chosenInstrument()); !r)
            showProblem(this, tr("The folder is still watched"), r.error());
    });
    connect(m_retire, &QPushButton::clicked, this, &InstrumentsDialog::askForRetirement);
    connect(m_table, &QTableWidget::itemSelectionChanged, this, &InstrumentsDialog::updateButtons);
    resize(760, 380);
    fill();
}

void InstrumentsDialog::fill() {
    const QString chosen = chosenInstrument();
    m_table->setRowCount(0);
    auto instruments = m_notebook->instruments();
    auto folders = m_notebook->watchFolders();
    m_folders = folders ? *folders : QList<WatchFolder>{};
    if (!instruments)
        return showProblem(this, tr("The instruments could not be read"), instruments.error());
    // Instruments in use first; retired ones after them, greyed, with why.
    QList<InstrumentInfo> ordered;
    for (const InstrumentInfo &i : *instruments)
        if (i.status != QLatin1String("retired")) ordered << i;
    for (const InstrumentInfo &i : *instruments)
        if (i.status == QLatin1String("retired")) ordered << i;
    for (const InstrumentInfo &i : ordered) {
        const bool active = i.status != QLatin1String("retired");
        const int row = m_table->rowCount();
        m_table->insertRow(row);
        auto *name = new QTableWidgetItem(active ? i.name : tr("%1 (retired)").arg(i.name));
        name->setData(UuidRole, i.uuid);
        name->setData(ActiveRole, active);
        m_table->setItem(row, 0, name);
        QStringList about;
        for (const QString &part : {i.model, i.serial, i.location})
            if (!part.isEmpty()) about << part;
        m_table->setItem(row, 1, new QTableWidgetItem(about.join(QStringLiteral(", "))));
        QStringList where;
        for (const WatchFolder &w : std::as_const(m_folders))
            if (w.instrument == i.uuid)
                where << tr("%1 (%2; settle %3 s, poll %4 s)")
                             .arg(w.folder, w.patterns.join(QStringLiteral(", ")))
                             .arg(w.settleSeconds)
                             .arg(w.pollSeconds);
        QString third = where.isEmpty() ? tr("not watched here") : where.join(QStringLiteral("; "));
        if (!active) third = tr("Retired: %1").arg(i.reason);
        m_table->setItem(row, 2, new QTableWidgetItem(third));
        if (!active)
            for (int column = 0; column < 3; ++column) {
                QTableWidgetItem *item = m_table->item(row, column);
                item->setForeground(palette().color(QPalette::Disabled, QPalette::Text));
                item->setToolTip(tr("Retired on %1: %2")
                                     .arg(EntryPageRenderer::localTime(i.updatedAt), i.reason));
            }
    }
    m_table->resizeColumnsToContents();
    if (!chosen.isEmpty()) selectInstrument(chosen);
    updateButtons();
}

void InstrumentsDialog::updateButtons() {
    const QString chosen = chosenInstrument();
    const bool active = chosenIsActive();
    const bool watched = std::any_of(m_folders.cbegin(), m_folders.cend(),
                                     [&](const WatchFolder &w) { return w.instrument == chosen; });
    m_watch->setEnabled(active);
    m_watch->setText(watched ? tr("Change &folder…") : tr("&Watch folder…"));
    m_unwatch->setEnabled(!chosen.isEmpty() && watched);
    m_retire->setEnabled(active);
}

bool InstrumentsDialog::selectInstrument(const QString &instrument) {
    for (int row = 0; row < m_table->rowCount(); ++row)
        if (m_table->item(row, 0)->data(UuidRole).toString() == instrument) {
            m_table->selectRow(row);
            return true;
        }
    return false;
}

bool InstrumentsDialog::chosenIsActive() const {
    const auto rows = m_table->selectionModel()->selectedRows();
    return !rows.isEmpty() && m_table->item(rows.first().row(), 0)->data(ActiveRole).toBool();
}

Result<void> InstrumentsDialog::stopWatching(const QString &instrument) {
    auto r = m_notebook->removeWatchFolder(instrument);
    if (r) m_foldersChanged = true;
    fill();
    return r;
}

Result<void> InstrumentsDialog::retire(const QString &instrument, const QString &reason) {
    auto r = m_notebook->retireInstrument(instrument, reason);
    if (!r) return r;
    // A retired instrument's files are no longer taken: its folder here is let go too.
    const bool watched =
        std::any_of(m_folders.cbegin(), m_folders.cend(),
                    [&](const WatchFolder &w) { return w.instrument == instrument; });
    if (watched) {
        auto unbound = m_notebook->removeWatchFolder(instrument);
        if (unbound) m_foldersChanged = true;
        fill();
        return unbound;
    }
    fill();
    return {};
}

void InstrumentsDialog::askForRetirement() {
    const QString instrument = chosenInstrument();
    if (instrument.isEmpty() || !chosenIsActive()) return;
    const QString name = m_table->item(m_table->currentRow(), 0)->text();
    bool ok = false;
    const QString reason =
        QInputDialog::getText(this, tr("Retire instrument"),
                              tr("Why is “%1” retired? (for example “sent back to the vendor”; "
                                 "everyone in the notebook will see it)")
                                  .arg(name),
                              QLineEdit::Normal, QString(), &ok)
            .trimmed();
    if (!ok) return;
    if (reason.isEmpty())
        return showProblem(this, tr("Not retired"),
                           tr("a reason is needed to retire an instrument"));
    if (auto r = retire(instrument, reason); !r)
        showProblem(this, tr("The instrument was not retired"), r.error());
}

QString InstrumentsDialog::chosenInstrument() const {
    const auto rows = m_table->selectionModel()->selectedRows();
    return rows.isEmpty() ? QString()
                          : m_table->item(rows.first().row(), 0)->data(UuidRole).toString();
}

Result<QString> InstrumentsDialog::addInstrument(const QString &name, const QString &model,
                                                 const QString &serial, const QString &location) {
    auto r = m_notebook->addInstrument(name, model, serial, location);
    fill();
    return r;
}

Result<void> InstrumentsDialog::bindFolder(const WatchFolder &watch) {
    auto r = m_notebook->setWatchFolder(watch);
    if (r) m_foldersChanged = true;
    fill();
    return r;
}

void InstrumentsDialog::askForInstrument() {
    QDialog ask(this);
    ask.setWindowTitle(tr("Add instrument"));
    auto *form = new QFormLayout(&ask);
    auto *name = new QLineEdit(&ask);
    name->setPlaceholderText(tr("e.g. UV-2600 in room 214"));
    auto *model = new QLineEdit(&ask);
    auto *serial = new QLineEdit(&ask);
    auto *location = new QLineEdit(&ask);
    form->addRow(tr("&Name:"), name);
    form->addRow(tr("&Model:"), model);
    form->addRow(tr("&Serial number:"), serial);
    form->addRow(tr("&Location:"), location);
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, &ask);
    form->addRow(buttons);
    connect(buttons, &QDialogButtonBox::accepted, &ask, &QDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, &ask, &QDialog::reject);
    if (ask.exec() != QDialog::Accepted) return;
    auto r = addInstrument(name->text(), model->text(), serial->text(), location->text());
    if (!r) showProblem(this, tr("The instrument was not added"), r.error());
}

void InstrumentsDialog::askForFolder() {
    const QString instrument = chosenInstrument();
    if (instrument.isEmpty() || !chosenIsActive()) return;
    // An instrument watched here already: its binding, to change.
    WatchFolder current;
    for (const WatchFolder &w : std::as_const(m_folders))
        if (w.instrument == instrument) current = w;
    QDialog ask(this);
    ask.setObjectName(QStringLiteral("watchFolderDialog"));
    ask.setWindowTitle(tr("Watch folder"));
    auto *form = new QFormLayout(&ask);
    auto *folderRow = new QHBoxLayout();
    auto *folder = new QLineEdit(current.folder, &ask);
    folder->setObjectName(QStringLiteral("folder"));
    auto *browse = new QToolButton(&ask);
    browse->setText(tr("Choose…"));
    folderRow->addWidget(folder, 1);
    folderRow->addWidget(browse);
    connect(browse, &QToolButton::clicked, &ask, [&ask, folder] {
        const QString dir = QFileDialog::getExistingDirectory(&ask, tr("Folder the instrument "
                                                                       "writes into"));
        if (!dir.isEmpty()) folder->setText(dir);
    });
    auto *patterns = new QLineEdit(current.patterns.join(QStringLiteral(", ")), &ask);
    patterns->setObjectName(QStringLiteral("patterns"));
    patterns->setToolTip(tr("File names to take, separated by commas, e.g. *.jdx, *.csv"));
    auto *settle = new QSpinBox(&ask);
    settle->setRange(1, 3600);
    settle->setValue(std::max(1, current.settleSeconds));
    settle->setObjectName(QStringLiteral("settle"));
    settle->setSuffix(tr(" s"));
    settle->setToolTip(tr("A file is taken once it has not changed for this long"));
    auto *poll = new QSpinBox(&ask);
    poll->setRange(1, 86400);
    poll->setValue(current.pollSeconds);
    poll->setObjectName(QStringLiteral("poll"));
    poll->setSuffix(tr(" s"));
    poll->setToolTip(tr("How often the folder is listed again (network shares only so)"));
    // A row of a layout gets no buddy by itself: without one "&Folder:" shows its "&".
    auto *folderLabel = new QLabel(tr("&Folder:"), &ask);
    folderLabel->setBuddy(folder);
    folder->setMinimumWidth(360);
    form->addRow(folderLabel, folderRow);
    form->addRow(tr("File &names:"), patterns);
    form->addRow(tr("&Settle time:"), settle);
    form->addRow(tr("&Poll every:"), poll);
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, &ask);
    form->addRow(buttons);
    connect(buttons, &QDialogButtonBox::accepted, &ask, &QDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, &ask, &QDialog::reject);
    if (ask.exec() != QDialog::Accepted) return;
    WatchFolder w;
    w.instrument = instrument;
    w.folder = folder->text().trimmed();
    w.patterns.clear();
    for (const QString &p : patterns->text().split(QLatin1Char(','), Qt::SkipEmptyParts))
        w.patterns << p.trimmed();
    if (w.patterns.isEmpty()) w.patterns << QStringLiteral("*");
    w.settleSeconds = settle->value();
    w.pollSeconds = poll->value();
    auto r = bindFolder(w);
    if (!r) showProblem(this, tr("The folder was not bound"), r.error());
}

} // namespace quire::widgets
