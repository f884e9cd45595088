#include "history/HistoryDialog.h"

#include "common/DialogParts.h"
#include "page/EntryPageRenderer.h"

#include <QComboBox>
#include <QDialogButtonBox>
#include <QEvent>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLocale>
#include <QSplitter>
#include <QTableWidget>
#include <QTextBrowser>
#include <QVBoxLayout>

#include <algorithm>

namespace quire::widgets {

namespace {

// The page's palette: amber for a change, green for an addition, red for a removal.
constexpr auto kChangedBackground = "#fff3d1";
constexpr auto kChangedMark = "#f6cf6b";
constexpr auto kAddedBackground = "#dcf3e3";
constexpr auto kRemovedBackground = "#fbe3e3";
constexpr auto kRemovedText = "#8c1c1c";

QString esc(const QString &text) {
    return text.toHtmlEscaped();
}

// A changed line is mostly the same line: only the words that differ are marked, so that a
// corrected number stands out in a long sentence.
void markDifference(const QString &left, const QString &right, QString *leftHtml,
                    QString *rightHtml) {
    qsizetype prefix = 0;
    const qsizetype shorter = qMin(left.size(), right.size());
    while (prefix < shorter && left[prefix] == right[prefix])
        ++prefix;
    qsizetype suffix = 0;
    while (suffix < shorter - prefix &&
           left[left.size() - 1 - suffix] == right[right.size() - 1 - suffix])
        ++suffix;
    // Whole words: back to the start of the word the difference begins in, on to the end of
    // the word it ends in.
    while (prefix > 0 && !left[prefix - 1].isSpace())
        --prefix;
    while (suffix > 0 && !left[left.size() - suffix].isSpace())
        --suffix;
    auto marked = [&](const QString &text) {
        const QString middle = text.mid(prefix, text.size() - prefix - suffix);
        QString html = esc(text.left(prefix));
        if (!middle.isEmpty())
            html += QStringLiteral("<span style=\"background-color:%1\">%2</span>")
                        .arg(QLatin1String(kChangedMark), esc(middle));
        return html + esc(text.right(suffix));
    };
    *leftHtml = marked(left);
    *rightHtml = marked(right);
}

} // namespace

HistoryDialog::HistoryDialog(Notebook *notebook, const QList<EntryVersion> &entries,
                             const QString &entry, QWidget *parent)
    : QDialog(parent)
    , m_notebook(notebook)
    , m_entries(entries) {
    setObjectName(QStringLiteral("historyDialog"));
    resize(1060, 720);
    setMinimumSize(760, 520);

    auto *layout = new QVBoxLayout(this);
    layout->setSpacing(10);
    m_heading = makeHeading({}, this);
    m_heading->setTextFormat(Qt::PlainText);
    layout->addWidget(m_heading);
    m_hint = makeHint({}, this);
    layout->addWidget(m_hint);

    if (m_entries.size() > 1) {
        auto *row = new QHBoxLayout;
        m_entryLabel = new QLabel(this);
        m_entryCombo = new QComboBox(this);
        m_entryCombo->setObjectName(QStringLiteral("entryCombo"));
        m_entryCombo->setSizeAdjustPolicy(QComboBox::AdjustToMinimumContentsLengthWithIcon);
        m_entryCombo->setMinimumContentsLength(40);
        m_entryLabel->setBuddy(m_entryCombo);
        for (int i = 0; i < m_entries.size(); ++i)
            m_entryCombo->addItem(QStringLiteral("%1. %2").arg(i + 1).arg(m_entries.at(i).title),
                                  m_entries.at(i).uuid);
        row->addWidget(m_entryLabel);
        row->addWidget(m_entryCombo);
        row->addStretch(1);
        layout->addLayout(row);
    }

    auto *splitter = new QSplitter(Qt::Vertical, this);
    splitter->setChildrenCollapsible(false);
    m_table = new QTableWidget(0, 5, splitter);
    m_table->setObjectName(QStringLiteral("versionTable"));
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setSelectionMode(QAbstractItemView::SingleSelection);
    m_table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_table->verticalHeader()->hide();
    m_table->setAlternatingRowColors(true);
    m_table->setShowGrid(false);
    m_table->setWordWrap(false);
    m_table->setTextElideMode(Qt::ElideRight);
    m_table->verticalHeader()->setDefaultSectionSize(fontMetrics().height() + 12);
    QHeaderView *header = m_table->horizontalHeader();
    header->setDefaultAlignment(Qt::AlignLeft | Qt::AlignVCenter);
    header->setSectionResizeMode(QHeaderView::Interactive);
    header->setSectionResizeMode(3, QHeaderView::Stretch);
    m_table->setColumnWidth(0, 80);
    m_table->setColumnWidth(1, 220);
    m_table->setColumnWidth(2, 170);
    m_table->setColumnWidth(4, 170);
    m_table->setStyleSheet(QStringLiteral("QTableWidget::item { padding: 0 8px 0 2px; }"));

    auto *lower = new QWidget(splitter);
    auto *lowerLayout = new QVBoxLayout(lower);
    lowerLayout->setContentsMargins(0, 6, 0, 0);
    lowerLayout->setSpacing(6);
    auto *changesRow = new QHBoxLayout;
    m_changesHeading = new QLabel(lower);
    m_changesHeading->setObjectName(QStringLiteral("changesHeading"));
    m_changesHeading->setTextFormat(Qt::RichText);
    m_changesHeading->setWordWrap(true);
    m_legend = new QLabel(lower);
    m_legend->setTextFormat(Qt::RichText);
    changesRow->addWidget(m_changesHeading, 1);
    changesRow->addWidget(m_legend, 0, Qt::AlignRight | Qt::AlignTop);
    lowerLayout->addLayout(changesRow);
    m_diff = new QTextBrowser(lower);
    m_diff->setObjectName(QStringLiteral("changeView"));
    m_diff->setOpenLinks(false);
    m_diff->setOpenExternalLinks(false);
    lowerLayout->addWidget(m_diff, 1);
    m_signaturesHeading = new QLabel(lower);
    QFont bold = m_signaturesHeading->font();
    bold.setWeight(QFont::DemiBold);
    m_signaturesHeading->setFont(bold);
    lowerLayout->addWidget(m_signaturesHeading);
    m_signatures = new QLabel(lower);
    m_signatures->setObjectName(QStringLiteral("signaturesLabel"));
    m_signatures->setTextFormat(Qt::PlainText);
    m_signatures->setWordWrap(true);
    m_signatures->setTextInteractionFlags(Qt::TextSelectableByMouse);
    lowerLayout->addWidget(m_signatures);
    splitter->addWidget(m_table);
    splitter->addWidget(lower);
    splitter->setStretchFactor(0, 0);
    splitter->setStretchFactor(1, 1);
    splitter->setSizes({170, 450});
    layout->addWidget(splitter, 1);

    m_error = makeErrorLabel(this);
    layout->addWidget(m_error);
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Close, this);
    useTextOnlyButtons(buttons);
    layout->addWidget(buttons);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    connect(m_table, &QTableWidget::itemSelectionChanged, this, &HistoryDialog::showSelected);
    if (m_entryCombo)
        connect(m_entryCombo, &QComboBox::currentIndexChanged, this,
                [this](int i) { loadEntry(m_entryCombo->itemData(i).toString()); });

    retranslate();
    QString first = entry;
    if (first.isEmpty() && !m_entries.isEmpty()) first = m_entries.last().uuid;
    if (m_entryCombo) {
        const int i = m_entryCombo->findData(first);
        m_entryCombo->setCurrentIndex(i < 0 ? int(m_entries.size()) - 1 : i);
        if (i < 0) first = m_entryCombo->currentData().toString();
    }
    loadEntry(first);
}

QString HistoryDialog::errorText() const {
    return m_error->isVisible() ? m_error->text() : QString();
}

void HistoryDialog::loadEntry(const QString &entry) {
    m_entry = entry;
    m_versions.clear();
    hideError(m_error);
    if (m_notebook && !entry.isEmpty()) {
        auto history = m_notebook->history(entry);
        if (history)
            m_versions = *history;
        else
            showError(m_error, tr("The history could not be read: %1").arg(history.error()));
    }
    fillTable();
    if (!m_versions.isEmpty()) showVersion(m_versions.last().version);
}

void HistoryDialog::fillTable() {
    const QString title = m_versions.isEmpty() ? QString() : m_versions.last().title;
    m_heading->setText(title.isEmpty() ? tr("History") : tr("History of “%1”").arg(title));
    setWindowTitle(title.isEmpty() ? tr("History") : tr("History of “%1”").arg(title));
    const int selected = shownVersion();
    const QSignalBlocker quiet(m_table);
    m_table->setRowCount(int(m_versions.size()));
    for (int row = 0; row < m_versions.size(); ++row) {
        const EntryVersion &v = m_versions.at(row);
        QStringList state;
        if (v.status == QLatin1String("void"))
            state << tr("Voided");
        else
            state << (v.version == v.versionCount ? tr("Current") : tr("Earlier"));
        if (!v.signatures.isEmpty())
            state << tr("%n signatures", nullptr, int(v.signatures.size()));
        const QStringList cells{
            QString::number(v.version), EntryPageRenderer::localTime(v.recordedAt), v.authorName,
            v.version == 1 ? tr("First version") : v.reason, state.join(QStringLiteral(" · "))};
        for (int column = 0; column < cells.size(); ++column) {
            auto *item = new QTableWidgetItem(cells.at(column));
            item->setToolTip(cells.at(column));
            if (column == 3 && v.version == 1)
                item->setForeground(palette().color(QPalette::PlaceholderText));
            m_table->setItem(row, column, item);
        }
    }
    if (selected > 0 && selected <= m_versions.size()) m_table->selectRow(selected - 1);
    // As tall as its rows, up to six: the changes below need the room more than blank rows.
    const int rows = qBound(2, int(m_versions.size()), 6);
    if (auto *splitter = qobject_cast<QSplitter *>(m_table->parentWidget())) {
        const int height = m_table->horizontalHeader()->sizeHint().height() +
                           rows * m_table->verticalHeader()->defaultSectionSize() +
                           2 * m_table->frameWidth() + 8;
        const int total = splitter->height() > height ? splitter->height() : 620;
        splitter->setSizes({height, total - height});
    }
}

void HistoryDialog::showVersion(int version) {
    if (version < 1 || version > m_versions.size()) return;
    m_table->selectRow(version - 1);
    showSelected();
}

int HistoryDialog::shownVersion() const {
    const auto rows = m_table->selectionModel()->selectedRows();
    return rows.isEmpty() ? 0 : rows.first().row() + 1;
}

void HistoryDialog::showSelected() {
    const int version = shownVersion();
    if (version < 1 || version > m_versions.size()) {
        m_rows.clear();
        m_diff->clear();
        m_changesHeading->clear();
        m_signatures->clear();
        m_signaturesHeading->clear();
        return;
    }
    const EntryVersion &newer = m_versions.at(version - 1);
    const EntryVersion *older = version > 1 ? &m_versions.at(version - 2) : nullptr;
    QString heading;
    if (!older)
        heading = tr("<b>Version 1</b> — the first version, as written");
    else if (newer.status == QLatin1String("void"))
        heading = tr("<b>Version %1</b> withdrew the entry. Reason: %2")
                      .arg(version)
                      .arg(esc(newer.reason));
    else
        heading = tr("<b>Version %1</b> compared with version %2. Reason: %3")
                      .arg(version)
                      .arg(version - 1)
                      .arg(esc(newer.reason));
    m_changesHeading->setText(heading);
    m_diff->setHtml(diffHtml(older, newer));
    m_signaturesHeading->setText(tr("Signatures of version %1").arg(version));
    m_signatures->setText(signaturesText(newer));
}

QString HistoryDialog::diffHtml(const EntryVersion *older, const EntryVersion &newer) {
    const QStringList before = older ? entryLines(older->title, older->html) : QStringList();
    const QStringList after = entryLines(newer.title, newer.html);
    m_rows = sideBySide(before, after);

    auto columnHeading = [](const EntryVersion *v) {
        if (!v) return QString();
        return esc(tr("Version %1 · %2 · %3")
                       .arg(v->version)
                       .arg(EntryPageRenderer::localTime(v->recordedAt), v->authorName));
    };
    QString html =
        QStringLiteral(
            "<table width=\"100%\" cellspacing=\"0\" cellpadding=\"6\" style=\"border-collapse: "
            "collapse\"><tr><th width=\"50%\" align=\"left\" bgcolor=\"#f2f4f6\">%1</th>"
            "<th width=\"50%\" align=\"left\" bgcolor=\"#f2f4f6\">%2</th></tr>")
            .arg(older ? columnHeading(older) : esc(tr("Nothing before")), columnHeading(&newer));
    for (int i = 0; i < m_rows.size(); ++i) {
        const DiffRow &row = m_rows.at(i);
        QString left = esc(row.left);
        QString right = esc(row.right);
        QString leftColour, rightColour;
        switch (row.kind) {
        case DiffRow::Kind::Same:
            break;
        case DiffRow::Kind::Changed:
            markDifference(row.left, row.right, &left, &right);
            leftColour = rightColour = QLatin1String(kChangedBackground);
            break;
        case DiffRow::Kind::Added:
            rightColour = QLatin1String(kAddedBackground);
            break;
        case DiffRow::Kind::Removed:
            leftColour = QLatin1String(kRemovedBackground);
            left = QStringLiteral("<s style=\"color:%1\">%2</s>")
                       .arg(QLatin1String(kRemovedText), left);
            break;
        }
        // The first line is the title on both sides.
        if (i == 0 && row.kind != DiffRow::Kind::Removed) {
            left = QStringLiteral("<b>%1</b>").arg(left);
            right = QStringLiteral("<b>%1</b>").arg(right);
        }
        auto cell = [](const QString &colour, const QString &text) {
            return colour.isEmpty() ? QStringLiteral("<td valign=\"top\">%1</td>").arg(text)
                                    : QStringLiteral("<td valign=\"top\" bgcolor=\"%1\">%2</td>")
                                          .arg(colour, text);
        };
        html += QStringLiteral("<tr>") + cell(leftColour, left) + cell(rightColour, right) +
                QStringLiteral("</tr>");
    }
    html += QStringLiteral("</table>");
    if (m_rows.size() > 0 && std::all_of(m_rows.cbegin(), m_rows.cend(), [](const DiffRow &r) {
            return r.kind == DiffRow::Kind::Same;
        }))
        html += QStringLiteral("<p style=\"color:#5b6570\">%1</p>")
                    .arg(esc(tr("The text is the same as in the version before.")));
    return html;
}

QString HistoryDialog::signaturesText(const EntryVersion &version) const {
    if (version.signatures.isEmpty()) return tr("This version has no signatures.");
    QStringList lines;
    for (const SignatureInfo &s : version.signatures) {
        QString line = Notebook::manifestation(s, QLocale());
        if (!s.valid || !s.allowed)
            line +=
                QStringLiteral(" — ") +
                tr("not valid: %1").arg(s.problem.isEmpty() ? tr("it does not verify") : s.problem);
        lines << line;
    }
    return lines.join(QLatin1Char('\n'));
}

void HistoryDialog::changeEvent(QEvent *event) {
    if (event->type() == QEvent::LanguageChange) {
        retranslate();
        fillTable();
        showSelected();
    }
    QDialog::changeEvent(event);
}

void HistoryDialog::retranslate() {
    m_hint->setText(tr("Every saved version is kept. Choose a version to see what changed from "
                       "the one before it."));
    if (m_entryLabel) m_entryLabel->setText(tr("&Entry:"));
    m_table->setHorizontalHeaderLabels(
        {tr("Version"), tr("Recorded"), tr("Author"), tr("Reason for the change"), tr("State")});
    m_table->setAccessibleName(tr("Versions of this entry"));
    m_diff->setAccessibleName(tr("Changes from the version before"));
    const QString swatch = QStringLiteral("<span style=\"background-color:%1\">&nbsp;&nbsp;&nbsp;"
                                          "&nbsp;</span>&nbsp;%2");
    m_legend->setText(QStringList{swatch.arg(QLatin1String(kChangedMark), esc(tr("Changed"))),
                                  swatch.arg(QLatin1String(kAddedBackground), esc(tr("Added"))),
                                  swatch.arg(QLatin1String(kRemovedBackground), esc(tr("Removed")))}
                          .join(QStringLiteral("&nbsp;&nbsp;&nbsp;")));
}

} // namespace quire::widgets
