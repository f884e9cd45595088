#include "settings/InstrumentsDialog.h"

#include "common/DialogParts.h"

#include <QDialogButtonBox>
#include <QFileDialog>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QSpinBox>
#include <QTableWidget>
#include <QToolButton>
#include <QVBoxLayout>

namespace quire::widgets {

namespace {
enum { UuidRole = Qt::UserRole + 1 };
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
    m_watch->setToolTip(tr("Bind a folder of this computer to the chosen instrument"));
    buttons->addWidget(m_add);
    buttons->addWidget(m_watch);
    buttons->addStretch();
    layout->addLayout(buttons);
    auto *close = new QDialogButtonBox(QDialogButtonBox::Close, this);
    layout->addWidget(close);
    connect(close, &QDialogButtonBox::rejected, this, &QDialog::reject);
    connect(m_add, &QPushButton::clicked, this, &InstrumentsDialog::askForInstrument);
    connect(m_watch, &QPushButton::clicked, this, &InstrumentsDialog::askForFolder);
    connect(m_table, &QTableWidget::itemSelectionChanged, this,
            [this] { m_watch->setEnabled(!chosenInstrument().isEmpty()); });
    resize(760, 380);
    fill();
}

void InstrumentsDialog::fill() {
    m_table->setRowCount(0);
    auto instruments = m_notebook->instruments();
    auto folders = m_notebook->watchFolders();
    if (!instruments)
        return showProblem(this, tr("The instruments could not be read"), instruments.error());
    for (const InstrumentInfo &i : *instruments) {
        if (i.status == QLatin1String("retired")) continue;
        const int row = m_table->rowCount();
        m_table->insertRow(row);
        auto *name = new QTableWidgetItem(i.name);
        name->setData(UuidRole, i.uuid);
        m_table->setItem(row, 0, name);
        QStringList about;
        for (const QString &part : {i.model, i.serial, i.location})
            if (!part.isEmpty()) about << part;
        m_table->setItem(row, 1, new QTableWidgetItem(about.join(QStringLiteral(", "))));
        QStringList where;
        if (folders)
            for (const WatchFolder &w : *folders)
                if (w.instrument == i.uuid)
                    where << tr("%1 (%2; settle %3 s, poll %4 s)")
                                 .arg(w.folder, w.patterns.join(QStringLiteral(", ")))
                                 .arg(w.settleSeconds)
                                 .arg(w.pollSeconds);
        m_table->setItem(row, 2,
                         new QTableWidgetItem(where.isEmpty() ? tr("not watched here")
                                                              : where.join(QStringLiteral("; "))));
    }
    m_table->resizeColumnsToContents();
    m_watch->setEnabled(!chosenInstrument().isEmpty());
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
    if (instrument.isEmpty()) return;
    QDialog ask(this);
    ask.setWindowTitle(tr("Watch folder"));
    auto *form = new QFormLayout(&ask);
    auto *folderRow = new QHBoxLayout();
    auto *folder = new QLineEdit(&ask);
    auto *browse = new QToolButton(&ask);
    browse->setText(tr("Choose…"));
    folderRow->addWidget(folder, 1);
    folderRow->addWidget(browse);
    connect(browse, &QToolButton::clicked, &ask, [&ask, folder] {
        const QString dir = QFileDialog::getExistingDirectory(&ask, tr("Folder the instrument "
                                                                       "writes into"));
        if (!dir.isEmpty()) folder->setText(dir);
    });
    auto *patterns = new QLineEdit(QStringLiteral("*"), &ask);
    patterns->setToolTip(tr("File names to take, separated by commas, e.g. *.jdx, *.csv"));
    auto *settle = new QSpinBox(&ask);
    settle->setRange(1, 3600);
    settle->setValue(5);
    settle->setSuffix(tr(" s"));
    settle->setToolTip(tr("A file is taken once it has not changed for this long"));
    auto *poll = new QSpinBox(&ask);
    poll->setRange(1, 86400);
    poll->setValue(30);
    poll->setSuffix(tr(" s"));
    poll->setToolTip(tr("How often the folder is listed again (network shares only so)"));
    form->addRow(tr("&Folder:"), folderRow);
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
