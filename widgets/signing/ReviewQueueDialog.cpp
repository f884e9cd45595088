#include "signing/ReviewQueueDialog.h"

#include "common/DialogParts.h"

#include <QAction>
#include <QDialogButtonBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QMenu>
#include <QPushButton>
#include <QStackedWidget>
#include <QTableWidget>
#include <QVBoxLayout>

namespace quire::widgets {

ReviewQueueDialog::ReviewQueueDialog(Notebook *notebook, QWidget *parent)
    : QDialog(parent)
    , m_notebook(notebook) {
    setObjectName(QStringLiteral("reviewQueueDialog"));
    setWindowTitle(tr("Waiting for my signature"));
    setMinimumSize(900, 380);

    auto *layout = new QVBoxLayout(this);
    layout->setSpacing(10);
    layout->addWidget(makeHeading(tr("Waiting for my signature"), this));
    m_intro = makeHint(tr("Entries their authors have signed and that you have not "
                          "countersigned yet. Open one to read it, then countersign it as "
                          "reviewed, approved or witnessed."),
                       this);
    layout->addWidget(m_intro);

    m_pages = new QStackedWidget(this);
    m_table = new QTableWidget(0, 3, this);
    m_table->setObjectName(QStringLiteral("reviewTable"));
    m_table->setHorizontalHeaderLabels({tr("Entry"), tr("Experiment"), tr("Signed by the author")});
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setSelectionMode(QAbstractItemView::SingleSelection);
    m_table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_table->verticalHeader()->hide();
    m_table->setAlternatingRowColors(true);
    m_table->setShowGrid(false);
    m_table->setWordWrap(false);
    m_table->setTextElideMode(Qt::ElideRight);
    QHeaderView *header = m_table->horizontalHeader();
    header->setSectionResizeMode(0, QHeaderView::Interactive);
    header->setSectionResizeMode(1, QHeaderView::Interactive);
    header->setSectionResizeMode(2, QHeaderView::Stretch);
    header->setDefaultAlignment(Qt::AlignLeft | Qt::AlignVCenter);
    // The author's signature is the longest and must stay whole: the 11.50 manifestation.
    m_table->setColumnWidth(0, 240);
    m_table->setColumnWidth(1, 200);
    m_table->setAccessibleName(tr("Entries waiting for my signature"));
    m_table->setStyleSheet(QStringLiteral("QTableWidget::item { padding: 0 10px 0 2px; }"));
    m_table->verticalHeader()->setDefaultSectionSize(fontMetrics().height() + 14);
    m_table->setContextMenuPolicy(Qt::CustomContextMenu);
    m_pages->addWidget(m_table);

    auto *empty = new QWidget(this);
    empty->setObjectName(QStringLiteral("emptyState"));
    auto *emptyLayout = new QVBoxLayout(empty);
    emptyLayout->addStretch(1);
    m_emptyTitle = new QLabel(empty);
    m_emptyTitle->setObjectName(QStringLiteral("emptyTitle"));
    m_emptyTitle->setAlignment(Qt::AlignHCenter);
    QFont f = m_emptyTitle->font();
    f.setPointSizeF(f.pointSizeF() * 1.15);
    f.setWeight(QFont::DemiBold);
    m_emptyTitle->setFont(f);
    m_emptyHint = makeHint({}, empty);
    m_emptyHint->setObjectName(QStringLiteral("emptyHint"));
    m_emptyHint->setAlignment(Qt::AlignHCenter);
    m_emptyHint->setFixedWidth(480);
    emptyLayout->addWidget(m_emptyTitle);
    emptyLayout->addSpacing(6);
    emptyLayout->addWidget(m_emptyHint, 0, Qt::AlignHCenter);
    emptyLayout->addStretch(2);
    m_pages->addWidget(empty);
    layout->addWidget(m_pages, 1);

    m_error = makeErrorLabel(this);
    layout->addWidget(m_error);

    auto *row = new QHBoxLayout;
    m_open = new QPushButton(tr("&Open"), this);
    m_open->setObjectName(QStringLiteral("openButton"));
    m_open->setToolTip(tr("Show this entry in its experiment"));
    m_countersign = new QPushButton(tr("&Countersign…"), this);
    m_countersign->setObjectName(QStringLiteral("countersignButton"));
    m_countersign->setToolTip(tr("Sign this version as reviewed, approved or witnessed"));
    auto *close = new QDialogButtonBox(QDialogButtonBox::Close, this);
    useTextOnlyButtons(close);
    row->addWidget(m_open);
    row->addWidget(m_countersign);
    row->addStretch(1);
    row->addWidget(close);
    layout->addLayout(row);

    connect(m_open, &QPushButton::clicked, this, &ReviewQueueDialog::openSelected);
    connect(m_countersign, &QPushButton::clicked, this, &ReviewQueueDialog::countersignSelected);
    connect(close, &QDialogButtonBox::rejected, this, &QDialog::reject);
    connect(m_table, &QTableWidget::itemSelectionChanged, this, &ReviewQueueDialog::updateButtons);
    connect(m_table, &QTableWidget::cellDoubleClicked, this, &ReviewQueueDialog::openSelected);
    connect(m_table, &QWidget::customContextMenuRequested, this, [this](const QPoint &at) {
        if (!selected()) return;
        QMenu menu(this);
        menu.addAction(tr("Open"), this, &ReviewQueueDialog::openSelected);
        menu.addAction(tr("Countersign…"), this, &ReviewQueueDialog::countersignSelected);
        menu.exec(m_table->viewport()->mapToGlobal(at));
    });
    reload();
}

void ReviewQueueDialog::reload() {
    if (!m_notebook) return;
    hideError(m_error);
    const MemberInfo me = m_notebook->me();
    const bool supervisor =
        me.roles.contains(QStringLiteral("supervisor")) && me.status == QLatin1String("active");
    auto queue = m_notebook->reviewQueue();
    if (!queue) {
        showError(m_error, asSentence(queue.error()));
        m_items.clear();
    } else {
        m_items = *queue;
    }
    // The introduction speaks to supervisors; anyone else reads why the list stays empty.
    m_intro->setVisible(supervisor);
    m_table->setRowCount(int(m_items.size()));
    for (int i = 0; i < m_items.size(); ++i) {
        const ReviewItem &item = m_items.at(i);
        const QString entry =
            item.authored.version > 1
                ? tr("%1 (version %2)").arg(item.entryTitle).arg(item.authored.version)
                : item.entryTitle;
        const QStringList cells{entry, item.experimentTitle,
                                Notebook::manifestation(item.authored)};
        for (int c = 0; c < cells.size(); ++c) {
            auto *cell = new QTableWidgetItem(cells.at(c));
            cell->setToolTip(cells.at(c));
            m_table->setItem(i, c, cell);
        }
    }
    if (!m_items.isEmpty()) {
        m_pages->setCurrentIndex(0);
        if (m_table->selectedItems().isEmpty()) m_table->selectRow(0);
    } else if (!supervisor) {
        m_pages->setCurrentIndex(1);
        m_emptyTitle->setText(tr("Only supervisors countersign entries."));
        m_emptyHint->setText(tr("Authors sign their own entries; a supervisor then reviews, "
                                "approves or witnesses them. An admin of this notebook can give "
                                "you the supervisor role (Notebook ▸ Members)."));
    } else {
        m_pages->setCurrentIndex(1);
        m_emptyTitle->setText(tr("Nothing is waiting for your signature."));
        m_emptyHint->setText(tr("When an author signs an entry, it appears here for you to "
                                "countersign. New signatures arrive with each sync."));
    }
    // A wrapped label in a box layout is given the height of a guess and clipped.
    m_emptyHint->setMinimumHeight(m_emptyHint->fontMetrics()
                                      .boundingRect(QRect(0, 0, m_emptyHint->width(), 1000),
                                                    Qt::TextWordWrap | Qt::AlignHCenter,
                                                    m_emptyHint->text())
                                      .height());
    updateButtons();
}

QString ReviewQueueDialog::emptyText() const {
    return m_pages->currentIndex() == 1 ? m_emptyTitle->text() : QString();
}

QString ReviewQueueDialog::errorText() const {
    return m_error->isVisible() ? m_error->text() : QString();
}

const ReviewItem *ReviewQueueDialog::selected() const {
    const QList<QTableWidgetItem *> cells = m_table->selectedItems();
    if (cells.isEmpty()) return nullptr;
    const int row = cells.first()->row();
    return row >= 0 && row < m_items.size() ? &m_items.at(row) : nullptr;
}

void ReviewQueueDialog::updateButtons() {
    const bool any = selected() != nullptr;
    m_open->setEnabled(any);
    m_countersign->setEnabled(any);
    m_open->setVisible(!m_items.isEmpty());
    m_countersign->setVisible(!m_items.isEmpty());
    m_countersign->setDefault(any);
}

void ReviewQueueDialog::openSelected() {
    const ReviewItem *item = selected();
    if (!item) return;
    emit openRequested(item->experiment, item->authored.entry);
    accept();
}

void ReviewQueueDialog::countersignSelected() {
    const ReviewItem *item = selected();
    if (!item) return;
    emit countersignRequested(item->authored.entry, item->authored.version);
}

} // namespace quire::widgets
