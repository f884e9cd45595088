#include "details/DetailsPanel.h"

#include "common/DialogParts.h"
#include "details/AttachmentPanel.h"
#include "details/DataPanel.h"
#include "page/EntryPageRenderer.h"

#include <QComboBox>
#include <QEvent>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QListWidget>
#include <QLocale>
#include <QPainter>
#include <QPushButton>
#include <QStackedWidget>
#include <QTableWidget>
#include <QTabWidget>
#include <QToolButton>
#include <QVBoxLayout>

namespace quire::widgets {

namespace {

enum ItemRole { SignatureRole = Qt::UserRole + 1, VersionRole };

// A green tick or a red cross in a disc, drawn here: icon themes differ, the meaning must not.
QIcon verdictIcon(bool holds) {
    QPixmap pixmap(32, 32);
    pixmap.fill(Qt::transparent);
    QPainter p(&pixmap);
    p.setRenderHint(QPainter::Antialiasing);
    p.setPen(Qt::NoPen);
    p.setBrush(holds ? QColor(0x1f, 0x8a, 0x4c) : QColor(0xb3, 0x26, 0x1e));
    p.drawEllipse(QRectF(2, 2, 28, 28));
    p.setPen(QPen(Qt::white, 3.5, Qt::SolidLine, Qt::RoundCap, Qt::RoundJoin));
    if (holds) {
        p.drawPolyline(QPolygonF({QPointF(9, 16.5), QPointF(14, 21.5), QPointF(23, 11)}));
    } else {
        p.drawLine(QPointF(11, 11), QPointF(21, 21));
        p.drawLine(QPointF(21, 11), QPointF(11, 21));
    }
    return QIcon(pixmap);
}

QWidget *tabPage(QWidget *parent, QVBoxLayout **layout) {
    auto *page = new QWidget(parent);
    *layout = new QVBoxLayout(page);
    (*layout)->setContentsMargins(12, 10, 12, 10);
    (*layout)->setSpacing(8);
    return page;
}

} // namespace

DetailsPanel::DetailsPanel(QWidget *parent)
    : QWidget(parent) {
    setObjectName(QStringLiteral("detailsPanel"));
    setMinimumWidth(280);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(0);

    // Which entry the tabs are about.
    auto *top = new QHBoxLayout;
    top->setContentsMargins(12, 8, 6, 8);
    top->setSpacing(6);
    m_entryLabel = new QLabel(this);
    QFont bold = m_entryLabel->font();
    bold.setWeight(QFont::DemiBold);
    m_entryLabel->setFont(bold);
    m_chooser = new QComboBox(this);
    m_chooser->setObjectName(QStringLiteral("detailsEntryChooser"));
    m_chooser->setSizeAdjustPolicy(QComboBox::AdjustToMinimumContentsLengthWithIcon);
    m_chooser->setMinimumContentsLength(12);
    m_entryLabel->setBuddy(m_chooser);
    m_close = new QToolButton(this);
    m_close->setObjectName(QStringLiteral("closeDetailsButton"));
    m_close->setAutoRaise(true);
    m_close->setIcon(QIcon::fromTheme(QStringLiteral("window-close")));
    top->addWidget(m_entryLabel);
    top->addWidget(m_chooser, 1);
    top->addStretch(); // holds the close button to the right while the chooser is hidden
    top->addWidget(m_close);
    layout->addLayout(top);

    // Before an experiment has entries there is nothing to show details of; the panel says so
    // instead of showing three empty tabs.
    m_pages = new QStackedWidget(this);
    layout->addWidget(m_pages, 1);
    auto *empty = new QWidget(m_pages);
    auto *emptyLayout = new QVBoxLayout(empty);
    emptyLayout->setContentsMargins(16, 24, 16, 16);
    m_emptyTitle = new QLabel(empty);
    m_emptyTitle->setFont(bold);
    m_emptyTitle->setWordWrap(true);
    m_emptyHint = makeHint({}, empty);
    m_emptyHint->setObjectName(QStringLiteral("detailsEmptyHint"));
    emptyLayout->addWidget(m_emptyTitle);
    emptyLayout->addWidget(m_emptyHint);
    emptyLayout->addStretch(1);
    m_pages->addWidget(empty);

    m_tabs = new QTabWidget(m_pages);
    m_tabs->setObjectName(QStringLiteral("detailsTabs"));
    m_tabs->setDocumentMode(true);
    m_pages->addWidget(m_tabs);

    m_attachments = new AttachmentPanel(m_tabs);
    m_attachments->setHeaderVisible(false);
    m_tabs->insertTab(FilesTab, m_attachments, QString());

    QVBoxLayout *sig = nullptr;
    QWidget *signatures = tabPage(m_tabs, &sig);
    signatures->setObjectName(QStringLiteral("signaturesTab"));
    m_signaturesHeading = new QLabel(signatures);
    m_signaturesHeading->setObjectName(QStringLiteral("signaturesHeading"));
    m_signaturesHeading->setFont(bold);
    m_signaturesHeading->setWordWrap(true);
    m_signaturesHeading->setTextFormat(Qt::PlainText);
    sig->addWidget(m_signaturesHeading);
    m_amendNote = makeHint({}, signatures);
    m_amendNote->setObjectName(QStringLiteral("amendmentNote"));
    m_amendNote->setTextFormat(Qt::PlainText);
    sig->addWidget(m_amendNote);
    m_signatures = new QListWidget(signatures);
    m_signatures->setObjectName(QStringLiteral("signatureList"));
    m_signatures->setWordWrap(true);
    m_signatures->setTextElideMode(Qt::ElideNone);
    m_signatures->setSpacing(3);
    m_signatures->setIconSize(QSize(20, 20));
    m_signatures->setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    sig->addWidget(m_signatures, 1);
    m_noSignatures = makeHint({}, signatures);
    m_noSignatures->setObjectName(QStringLiteral("noSignaturesHint"));
    m_noSignatures->setTextFormat(Qt::PlainText);
    sig->addWidget(m_noSignatures);
    sig->addStretch(0);
    auto *sigButtons = new QHBoxLayout;
    m_sign = new QPushButton(signatures);
    m_sign->setObjectName(QStringLiteral("detailsSignButton"));
    m_evidence = new QPushButton(signatures);
    m_evidence->setObjectName(QStringLiteral("detailsEvidenceButton"));
    sigButtons->addWidget(m_sign);
    sigButtons->addWidget(m_evidence);
    sigButtons->addStretch(1);
    sig->addLayout(sigButtons);
    m_tabs->insertTab(SignaturesTab, signatures, QString());

    QVBoxLayout *hist = nullptr;
    QWidget *history = tabPage(m_tabs, &hist);
    history->setObjectName(QStringLiteral("historyTab"));
    // Two columns fit the narrow panel: the version, and when, by whom and why on two lines.
    m_versions = new QTableWidget(0, 2, history);
    m_versions->setObjectName(QStringLiteral("versionTable"));
    m_versions->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_versions->setSelectionMode(QAbstractItemView::SingleSelection);
    m_versions->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_versions->verticalHeader()->hide();
    m_versions->setWordWrap(true);
    m_versions->setShowGrid(false);
    m_versions->setAlternatingRowColors(true);
    m_versions->setStyleSheet(QStringLiteral("QTableWidget::item { padding: 4px 6px; }"));
    m_versions->setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    m_versions->setVerticalScrollMode(QAbstractItemView::ScrollPerPixel);
    m_versions->horizontalHeader()->setSectionResizeMode(0, QHeaderView::ResizeToContents);
    m_versions->horizontalHeader()->setStretchLastSection(true);
    m_versions->verticalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
    hist->addWidget(m_versions, 1);
    m_historyHint = makeHint({}, history);
    m_historyHint->setObjectName(QStringLiteral("historyHint"));
    m_historyHint->setTextFormat(Qt::PlainText);
    hist->addWidget(m_historyHint);
    auto *histButtons = new QHBoxLayout;
    m_changes = new QPushButton(history);
    m_changes->setObjectName(QStringLiteral("showChangesButton"));
    histButtons->addWidget(m_changes);
    histButtons->addStretch(1);
    hist->addLayout(histButtons);
    m_tabs->insertTab(HistoryTab, history, QString());
    m_data = new DataPanel(m_tabs);
    m_tabs->insertTab(DataTab, m_data, QString());

    connect(m_close, &QToolButton::clicked, this, &DetailsPanel::closeRequested);
    connect(m_chooser, &QComboBox::activated, this, [this](int row) {
        const QString entry = m_chooser->itemData(row).toString();
        if (entry == m_entry) return;
        setCurrentEntry(entry);
        emit entryChosen(entry);
    });
    connect(m_attachments, &AttachmentPanel::entrySelected, this, [this](const QString &entry) {
        if (entry.isEmpty() || entry == m_entry) return;
        setCurrentEntry(entry);
        emit entryChosen(entry);
    });
    connect(m_attachments, &AttachmentPanel::fileCountChanged, this,
            &DetailsPanel::updateTabTitles);
    connect(m_tabs, &QTabWidget::currentChanged, this, [this](int tab) {
        if (tab == HistoryTab && m_historyStale) loadHistory();
        if (tab == DataTab) showDataOfSelection();
    });
    connect(m_attachments, &AttachmentPanel::attachmentSelected, this, [this] {
        if (currentTab() == DataTab) showDataOfSelection();
    });
    connect(m_data, &DataPanel::insertPlotRequested, this, [this](const QString &attachment) {
        for (const EntryVersion &e : m_entries)
            for (const AttachmentInfo &a : e.attachments)
                if (a.id == attachment) emit insertPlotRequested(e.uuid, attachment);
    });
    connect(m_sign, &QPushButton::clicked, this, [this] { emit signRequested(m_entry); });
    connect(m_signatures, &QListWidget::itemSelectionChanged, this,
            [this] { m_evidence->setEnabled(!m_signatures->selectedItems().isEmpty()); });
    connect(m_evidence, &QPushButton::clicked, this, [this] {
        const auto items = m_signatures->selectedItems();
        if (!items.isEmpty()) emit evidenceRequested(items.first()->data(SignatureRole).toString());
    });
    auto compare = [this] {
        const auto rows = m_versions->selectionModel()->selectedRows();
        if (rows.isEmpty()) return;
        emit changesRequested(m_entry,
                              m_versions->item(rows.first().row(), 0)->data(VersionRole).toInt());
    };
    connect(m_changes, &QPushButton::clicked, this, compare);
    connect(m_versions, &QTableWidget::itemActivated, this, compare);
    connect(m_versions, &QTableWidget::itemSelectionChanged, this, [this] {
        m_changes->setEnabled(!m_versions->selectionModel()->selectedRows().isEmpty());
    });

    retranslate();
    showEntry();
}

void DetailsPanel::setNotebook(Notebook *notebook) {
    const bool returned = !m_notebook && notebook;
    m_notebook = notebook;
    m_attachments->setNotebook(notebook);
    m_data->setNotebook(notebook);
    // The versions asked for while a worker had the notebook are read now.
    if (returned && m_historyStale && currentTab() == HistoryTab) loadHistory();
}

void DetailsPanel::setEntries(const QList<EntryVersion> &entries, const QString &me,
                              int firstNumber) {
    m_entries = entries;
    m_me = me;
    m_firstNumber = firstNumber;
    m_attachments->setEntries(entries, me, firstNumber);
    QList<AttachmentInfo> files;
    for (const EntryVersion &e : entries)
        files += e.attachments;
    m_data->setFiles(files);
    if (!entryVersion(m_entry)) m_entry = entries.isEmpty() ? QString() : entries.last().uuid;
    m_historyStale = true;
    fillChooser();
    showEntry();
}

void DetailsPanel::setCurrentEntry(const QString &entry) {
    if (!entryVersion(entry) || entry == m_entry) return;
    m_entry = entry;
    m_historyStale = true;
    showEntry();
}

void DetailsPanel::showTab(Tab tab) {
    m_tabs->setCurrentIndex(tab);
}

DetailsPanel::Tab DetailsPanel::currentTab() const {
    return Tab(m_tabs->currentIndex());
}

void DetailsPanel::clear() {
    m_entries.clear();
    m_entry.clear();
    m_me.clear();
    m_attachments->clear();
    m_data->clear();
    m_data->setFiles({});
    m_versions->setRowCount(0);
    m_signatures->clear();
    m_historyStale = true;
    fillChooser();
    showEntry();
}

const EntryVersion *DetailsPanel::entryVersion(const QString &uuid) const {
    for (const EntryVersion &e : m_entries)
        if (e.uuid == uuid) return &e;
    return nullptr;
}

void DetailsPanel::fillChooser() {
    const QSignalBlocker quiet(m_chooser);
    m_chooser->clear();
    for (int i = 0; i < m_entries.size(); ++i) {
        const EntryVersion &e = m_entries.at(i);
        m_chooser->addItem(tr("%1. %2").arg(m_firstNumber + i).arg(e.title), e.uuid);
        m_chooser->setItemData(i, e.title, Qt::ToolTipRole);
    }
    m_chooser->setEnabled(!m_entries.isEmpty());
}

void DetailsPanel::showEntry() {
    const bool none = m_entries.isEmpty();
    m_pages->setCurrentWidget(none ? m_pages->widget(0) : m_tabs);
    m_entryLabel->setVisible(!none);
    m_chooser->setVisible(!none);
    const EntryVersion *e = entryVersion(m_entry);
    {
        const QSignalBlocker quiet(m_chooser);
        m_chooser->setCurrentIndex(e ? m_chooser->findData(m_entry) : -1);
    }
    if (e && m_attachments->selectedEntry() != m_entry) m_attachments->selectEntry(m_entry);
    fillSignatures(e);
    if (currentTab() == HistoryTab) loadHistory();
    updateTabTitles();
}

void DetailsPanel::fillSignatures(const EntryVersion *e) {
    m_signatures->clear();
    m_evidence->setEnabled(false);
    if (!e) {
        m_signaturesHeading->setText(tr("Signatures"));
        m_amendNote->hide();
        m_signatures->hide();
        m_noSignatures->setText(tr("Choose an entry to see its signatures."));
        m_noSignatures->show();
        m_sign->setEnabled(false);
        return;
    }
    const bool voided = e->status == QLatin1String("void");
    m_signaturesHeading->setText(tr("Version %1 of “%2”").arg(e->version).arg(e->title));
    m_amendNote->setText(
        tr("An earlier version of this entry was signed; its signatures stay with that version. "
           "This version is an amendment."));
    m_amendNote->setVisible(e->changedAfterSigning);
    for (const SignatureInfo &s : e->signatures) {
        const bool holds = s.valid && s.allowed;
        QString time =
            s.attestedAt.isEmpty()
                ? tr("time not yet attested")
                : (s.attestedTrusted ? tr("time attested %1")
                                     : tr("time attested %1 by an authority not trusted here"))
                      .arg(EntryPageRenderer::localTime(s.attestedAt));
        QString text = Notebook::manifestation(s, QLocale()) + QLatin1Char('\n') + time;
        if (!holds)
            text +=
                QLatin1Char('\n') +
                tr("Not valid: %1").arg(s.problem.isEmpty() ? tr("it does not verify") : s.problem);
        auto *item = new QListWidgetItem(verdictIcon(holds), text, m_signatures);
        item->setData(SignatureRole, s.id);
        item->setToolTip(text);
        if (!holds) item->setForeground(QColor(0xa1, 0x1a, 0x1a));
    }
    m_signatures->setVisible(!e->signatures.isEmpty());
    m_noSignatures->setVisible(e->signatures.isEmpty());
    m_noSignatures->setText(voided ? tr("This entry was voided; it is not signed any more.")
                                   : tr("No one has signed version %1 yet.").arg(e->version));
    m_sign->setEnabled(!voided);
}

void DetailsPanel::loadHistory() {
    m_versions->setRowCount(0);
    m_changes->setEnabled(false);
    m_historyHint->hide();
    if (m_entry.isEmpty()) {
        m_historyHint->setText(tr("Choose an entry to see its versions."));
        m_historyHint->show();
        return;
    }
    if (!m_notebook) {
        // A worker has the notebook; the versions are read when it lets go.
        m_historyHint->setText(tr("The versions are shown once the notebook has finished the "
                                  "task it is busy with."));
        m_historyHint->show();
        return;
    }
    auto versions = m_notebook->history(m_entry);
    m_historyStale = false;
    if (!versions) {
        m_historyHint->setText(
            tr("The versions could not be read: %1").arg(asSentence(versions.error())));
        m_historyHint->show();
        return;
    }
    // Newest first: the version on the page leads.
    m_versions->setRowCount(int(versions->size()));
    for (int i = 0; i < versions->size(); ++i) {
        const EntryVersion &v = versions->at(versions->size() - 1 - i);
        QString why = v.version == 1 ? tr("First version") : v.reason;
        if (v.status == QLatin1String("void")) why = tr("Voided: %1").arg(v.reason);
        if (!v.signatures.isEmpty())
            why += QStringLiteral("  ·  ") + tr("%n signatures", nullptr, int(v.signatures.size()));
        const QStringList cells{
            QString::number(v.version),
            tr("%1 · %2").arg(EntryPageRenderer::localTime(v.recordedAt), v.authorName) +
                QLatin1Char('\n') + why};
        for (int column = 0; column < cells.size(); ++column) {
            auto *item = new QTableWidgetItem(cells.at(column));
            item->setToolTip(cells.at(column));
            item->setData(VersionRole, v.version);
            item->setTextAlignment(Qt::AlignLeft | Qt::AlignTop);
            m_versions->setItem(i, column, item);
        }
    }
    if (!versions->isEmpty()) m_versions->selectRow(0);
    m_historyHint->setText(tr("Select a version and choose “Show changes…” to see it beside the "
                              "one before."));
    m_historyHint->show();
}

void DetailsPanel::showDataOfSelection() {
    m_data->showAttachment(m_attachments->selectedAttachment());
}

void DetailsPanel::updateTabTitles() {
    const int files = m_attachments->fileCount();
    m_tabs->setTabText(FilesTab, files > 0 ? tr("Files (%1)").arg(files) : tr("Files"));
    const EntryVersion *e = entryVersion(m_entry);
    const int signatures = e ? int(e->signatures.size()) : 0;
    m_tabs->setTabText(SignaturesTab,
                       signatures > 0 ? tr("Signatures (%1)").arg(signatures) : tr("Signatures"));
    const int versions = e ? e->versionCount : 0;
    m_tabs->setTabText(HistoryTab, versions > 0 ? tr("History (%1)").arg(versions) : tr("History"));
    m_tabs->setTabText(DataTab, tr("Data"));
    m_tabs->setTabToolTip(DataTab,
                          tr("The chosen file as instrument data: its details and a plot"));
}

void DetailsPanel::retranslate() {
    m_emptyTitle->setText(tr("No entry to show yet"));
    m_emptyHint->setText(tr("An entry's files, signatures and versions appear here. Write the "
                            "experiment's first entry with “New entry”."));
    m_entryLabel->setText(tr("&Entry:"));
    m_chooser->setToolTip(tr("The entry the tabs below are about; a click on an entry's title on "
                             "the page chooses it too"));
    m_close->setToolTip(tr("Hide this panel"));
    m_close->setAccessibleName(tr("Hide this panel"));
    m_sign->setText(tr("&Sign…"));
    m_sign->setToolTip(tr("Sign this version of the entry with your electronic signature"));
    m_evidence->setText(tr("Export &evidence…"));
    m_evidence->setToolTip(tr("Save what an independent check of the chosen signature needs"));
    m_signatures->setAccessibleName(tr("Signatures of this version"));
    m_tabs->setAccessibleName(tr("Files, signatures, versions and data of the entry"));
    m_versions->setHorizontalHeaderLabels({tr("Version"), tr("Saved, by whom and why")});
    m_versions->setAccessibleName(tr("Versions of this entry"));
    m_changes->setText(tr("Show &changes…"));
    m_changes->setToolTip(tr("The chosen version beside the one before it, changes marked"));
    updateTabTitles();
}

void DetailsPanel::changeEvent(QEvent *event) {
    if (event->type() == QEvent::LanguageChange) {
        retranslate();
        fillChooser();
        showEntry();
    }
    QWidget::changeEvent(event);
}

} // namespace quire::widgets
