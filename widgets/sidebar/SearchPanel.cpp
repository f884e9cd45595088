#include "sidebar/SearchPanel.h"

#include "common/DialogParts.h"
#include "sidebar/RowDelegate.h"

#include <QAbstractTextDocumentLayout>
#include <QCalendarWidget>
#include <QComboBox>
#include <QDateEdit>
#include <QEvent>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QKeyEvent>
#include <QLabel>
#include <QLineEdit>
#include <QListView>
#include <QPainter>
#include <QPushButton>
#include <QStackedWidget>
#include <QStandardItemModel>
#include <QTextDocument>
#include <QToolButton>
#include <QVBoxLayout>

namespace quire::widgets {

namespace {

// The "any day" end of a date range: a day no notebook record predates.
const QDate kAnyDate(2000, 1, 1);
constexpr int kHPad = 12;
constexpr int kVPad = 8;
constexpr int kGap = 2;
constexpr int kSnippetLines = 3;

// Draws one hit in three parts: the title, where it is, and the snippet with its matches
// marked. Rows grow with the snippet, measured at the list's current width.
class ResultDelegate : public RowDelegate {
public:
    explicit ResultDelegate(QListView *view)
        : RowDelegate(view)
        , m_view(view) {}

    void paint(QPainter *painter, const QStyleOptionViewItem &option,
               const QModelIndex &index) const override {
        QStyleOptionViewItem opt = option;
        const auto [text, muted] = drawBackground(painter, opt, index);

        const QRect area = opt.rect.adjusted(kHPad, kVPad, -kHPad, -kVPad);
        QFont titleFont = opt.font;
        titleFont.setWeight(QFont::DemiBold);
        const QFont small = smallFont(opt.font);
        const QFontMetrics tm(titleFont);
        const QFontMetrics sm(small);

        painter->save();
        int y = area.top();
        painter->setFont(titleFont);
        painter->setPen(text);
        painter->drawText(QRect(area.left(), y, area.width(), tm.height()),
                          Qt::AlignLeft | Qt::AlignVCenter,
                          tm.elidedText(index.data().toString(), Qt::ElideRight, area.width()));
        y += tm.height() + kGap;
        painter->setFont(small);
        painter->setPen(muted);
        painter->drawText(QRect(area.left(), y, area.width(), sm.height()),
                          Qt::AlignLeft | Qt::AlignVCenter,
                          sm.elidedText(index.data(SearchPanel::ExperimentTitleRole).toString(),
                                        Qt::ElideRight, area.width()));
        y += sm.height() + kGap;

        const QString snippet = index.data(SearchPanel::SnippetHtmlRole).toString();
        if (!snippet.isEmpty()) {
            QTextDocument doc;
            setUp(doc, snippet, opt.font, area.width());
            const int height = qMin(int(doc.size().height()), snippetCap(opt.font));
            painter->translate(area.left(), y);
            const QRect clip(0, 0, area.width(), height);
            painter->setClipRect(clip);
            QAbstractTextDocumentLayout::PaintContext context;
            context.palette = opt.palette;
            context.palette.setColor(QPalette::Text, text);
            context.clip = clip;
            doc.documentLayout()->draw(painter, context);
        }
        painter->restore();
    }

    QSize sizeHint(const QStyleOptionViewItem &option, const QModelIndex &index) const override {
        QFont titleFont = option.font;
        titleFont.setWeight(QFont::DemiBold);
        int height = QFontMetrics(titleFont).height() + kGap +
                     QFontMetrics(smallFont(option.font)).height() + 2 * kVPad;
        const QString snippet = index.data(SearchPanel::SnippetHtmlRole).toString();
        const int width = qMax(120, (m_view ? m_view->viewport()->width() : 280) - 2 * kHPad);
        if (!snippet.isEmpty()) {
            QTextDocument doc;
            setUp(doc, snippet, option.font, width);
            height += kGap + qMin(int(doc.size().height()), snippetCap(option.font));
        }
        return {width, height};
    }

private:
    static void setUp(QTextDocument &doc, const QString &html, const QFont &font, int width) {
        doc.setDocumentMargin(0);
        doc.setDefaultFont(smallFont(font));
        doc.setHtml(html);
        doc.setTextWidth(width);
    }
    static int snippetCap(const QFont &font) {
        return QFontMetrics(smallFont(font)).lineSpacing() * kSnippetLines;
    }

    QPointer<QListView> m_view;
};

// Keeps an "any day" field's words in the current language and its calendar at today.
class AnyDateHelper : public QObject {
public:
    explicit AnyDateHelper(QDateEdit *edit)
        : QObject(edit)
        , m_edit(edit)
        , m_calendar(edit->calendarWidget()) { // made here, before the filter sees the edit
        m_calendar->installEventFilter(this);
        edit->installEventFilter(this);
        retranslate();
    }

protected:
    bool eventFilter(QObject *watched, QEvent *event) override {
        if (watched == m_edit && event->type() == QEvent::LanguageChange) retranslate();
        if (watched == m_calendar && event->type() == QEvent::Show && m_edit->date() == kAnyDate) {
            const QDate today = QDate::currentDate();
            m_calendar->setCurrentPage(today.year(), today.month());
        }
        return QObject::eventFilter(watched, event);
    }

private:
    void retranslate() { m_edit->setSpecialValueText(SearchPanel::tr("Any day")); }
    QDateEdit *m_edit;
    QCalendarWidget *m_calendar;
};

QLabel *formLabel(QWidget *parent) {
    auto *label = new QLabel(parent);
    label->setAlignment(Qt::AlignLeft | Qt::AlignVCenter);
    return label;
}

} // namespace

QDateEdit *makeAnyDateEdit(QWidget *parent) {
    auto *edit = new QDateEdit(parent);
    edit->setCalendarPopup(true);
    edit->setMinimumDate(kAnyDate);
    edit->setMaximumDate(QDate(2999, 12, 31));
    edit->setDate(kAnyDate);
    new AnyDateHelper(edit);
    return edit;
}

QDate chosenDate(const QDateEdit *edit) {
    return edit->date() == kAnyDate ? QDate() : edit->date();
}

void setAnyDate(QDateEdit *edit) {
    edit->setDate(kAnyDate);
}

SearchPanel::SearchPanel(QWidget *parent)
    : QWidget(parent) {
    setObjectName(QStringLiteral("searchPanel"));
    m_debounce.setSingleShot(true);
    m_debounce.setInterval(kDebounceMs);
    connect(&m_debounce, &QTimer::timeout, this, &SearchPanel::search);

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(0);

    auto *top = new QHBoxLayout;
    top->setContentsMargins(12, 10, 6, 4);
    m_heading = new QLabel(this);
    QFont bold = m_heading->font();
    bold.setWeight(QFont::DemiBold);
    m_heading->setFont(bold);
    m_count = makeHint({}, this);
    m_count->setObjectName(QStringLiteral("searchCountLabel"));
    m_count->setWordWrap(false);
    m_close = new QToolButton(this);
    m_close->setObjectName(QStringLiteral("closeSearchButton"));
    m_close->setAutoRaise(true);
    m_close->setIcon(QIcon::fromTheme(QStringLiteral("window-close")));
    top->addWidget(m_heading);
    top->addSpacing(6);
    top->addWidget(m_count, 1);
    top->addWidget(m_close);
    layout->addLayout(top);

    auto *toggleRow = new QHBoxLayout;
    toggleRow->setContentsMargins(8, 0, 8, 4);
    m_filterToggle = new QToolButton(this);
    m_filterToggle->setObjectName(QStringLiteral("filterToggle"));
    m_filterToggle->setAutoRaise(true);
    m_filterToggle->setToolButtonStyle(Qt::ToolButtonTextBesideIcon);
    m_filterToggle->setArrowType(Qt::DownArrow);
    toggleRow->addWidget(m_filterToggle);
    toggleRow->addStretch(1);
    layout->addLayout(toggleRow);

    m_filters = new QWidget(this);
    m_filters->setObjectName(QStringLiteral("searchFilters"));
    auto *form = new QFormLayout(m_filters);
    form->setContentsMargins(12, 0, 12, 8);
    form->setHorizontalSpacing(10);
    form->setVerticalSpacing(6);
    form->setFieldGrowthPolicy(QFormLayout::AllNonFixedFieldsGrow);
    form->setLabelAlignment(Qt::AlignLeft | Qt::AlignVCenter);
    m_from = makeAnyDateEdit(m_filters);
    m_from->setObjectName(QStringLiteral("fromDateEdit"));
    m_to = makeAnyDateEdit(m_filters);
    m_to->setObjectName(QStringLiteral("toDateEdit"));
    m_author = new QComboBox(m_filters);
    m_author->setObjectName(QStringLiteral("authorCombo"));
    m_tag = new QComboBox(m_filters);
    m_tag->setObjectName(QStringLiteral("tagCombo"));
    m_signed = new QComboBox(m_filters);
    m_signed->setObjectName(QStringLiteral("signedCombo"));
    for (QComboBox *combo : {m_author, m_tag, m_signed})
        combo->setSizeAdjustPolicy(QComboBox::AdjustToMinimumContentsLengthWithIcon);
    m_author->setMinimumContentsLength(10);
    m_tag->setMinimumContentsLength(10);
    m_signed->setMinimumContentsLength(10);
    m_fromLabel = formLabel(m_filters);
    m_toLabel = formLabel(m_filters);
    m_authorLabel = formLabel(m_filters);
    m_tagLabel = formLabel(m_filters);
    m_signedLabel = formLabel(m_filters);
    m_fromLabel->setBuddy(m_from);
    m_toLabel->setBuddy(m_to);
    m_authorLabel->setBuddy(m_author);
    m_tagLabel->setBuddy(m_tag);
    m_signedLabel->setBuddy(m_signed);
    form->addRow(m_fromLabel, m_from);
    form->addRow(m_toLabel, m_to);
    form->addRow(m_authorLabel, m_author);
    form->addRow(m_tagLabel, m_tag);
    form->addRow(m_signedLabel, m_signed);
    m_clearFilters = new QPushButton(m_filters);
    m_clearFilters->setObjectName(QStringLiteral("clearFiltersButton"));
    auto *clearRow = new QHBoxLayout;
    clearRow->addWidget(m_clearFilters);
    clearRow->addStretch(1);
    form->addRow(QString(), clearRow);
    layout->addWidget(m_filters);

    auto *rule = new QFrame(this);
    rule->setFrameShape(QFrame::HLine);
    rule->setFrameShadow(QFrame::Sunken);
    layout->addWidget(rule);

    m_pages = new QStackedWidget(this);
    m_model = new QStandardItemModel(this);
    m_results = new QListView(m_pages);
    m_results->setObjectName(QStringLiteral("searchResults"));
    m_results->setModel(m_model);
    m_results->setItemDelegate(new ResultDelegate(m_results));
    m_results->setFrameShape(QFrame::NoFrame);
    m_results->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_results->setSelectionMode(QAbstractItemView::SingleSelection);
    m_results->setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    m_results->setVerticalScrollMode(QAbstractItemView::ScrollPerPixel);
    // Rows are as tall as their snippet at the list's width: lay them out again on resize.
    m_results->setResizeMode(QListView::Adjust);
    m_pages->addWidget(m_results);

    auto *empty = new QWidget(m_pages);
    empty->setObjectName(QStringLiteral("searchEmptyState"));
    auto *emptyLayout = new QVBoxLayout(empty);
    emptyLayout->setContentsMargins(16, 24, 16, 16);
    m_emptyTitle = new QLabel(empty);
    m_emptyTitle->setObjectName(QStringLiteral("searchEmptyTitle"));
    m_emptyTitle->setWordWrap(true);
    m_emptyTitle->setFont(bold);
    m_emptyHint = makeHint({}, empty);
    m_emptyHint->setObjectName(QStringLiteral("searchEmptyHint"));
    emptyLayout->addWidget(m_emptyTitle);
    emptyLayout->addSpacing(4);
    emptyLayout->addWidget(m_emptyHint);
    emptyLayout->addStretch(1);
    m_pages->addWidget(empty);
    layout->addWidget(m_pages, 1);

    m_limitNote = makeHint({}, this);
    m_limitNote->setContentsMargins(12, 4, 12, 6);
    m_limitNote->hide();
    layout->addWidget(m_limitNote);

    connect(m_close, &QToolButton::clicked, this, &SearchPanel::closeRequested);
    // Not a checkable button: a pressed-in look would say "on", not "open".
    connect(m_filterToggle, &QToolButton::clicked, this, [this] {
        const bool show = m_filters->isHidden();
        m_filters->setVisible(show);
        m_filterToggle->setArrowType(show ? Qt::DownArrow : Qt::RightArrow);
    });
    connect(m_clearFilters, &QPushButton::clicked, this, [this] {
        resetFilters();
        search();
    });
    for (QDateEdit *edit : {m_from, m_to})
        connect(edit, &QDateEdit::dateChanged, this, [this] {
            if (!m_filling) scheduleSearch();
        });
    for (QComboBox *combo : {m_author, m_tag, m_signed})
        connect(combo, &QComboBox::currentIndexChanged, this, [this] {
            if (!m_filling) search();
        });
    m_results->installEventFilter(this);
    connect(m_results, &QListView::clicked, this, &SearchPanel::openIndex);
    connect(m_results, &QListView::activated, this, &SearchPanel::openIndex);

    retranslate();
    showEmptyState();
}

void SearchPanel::setSearchField(QLineEdit *field) {
    m_field = field;
    connect(field, &QLineEdit::textChanged, this, [this] { scheduleSearch(); });
    field->installEventFilter(this);
}

void SearchPanel::setNotebook(Notebook *notebook) {
    m_notebook = notebook;
    if (m_notebook && m_pending) search();
}

void SearchPanel::setExperiments(const QList<ExperimentInfo> &experiments) {
    m_experimentTitles.clear();
    for (const ExperimentInfo &x : experiments)
        m_experimentTitles.insert(x.uuid, x.title);
}

void SearchPanel::reloadChoices() {
    if (!m_notebook) return;
    const QString author = m_author->currentData().toString();
    const QString tag = m_tag->currentData().toString();
    m_filling = true;
    m_author->clear();
    m_author->addItem(tr("Anyone"), QString());
    if (auto members = m_notebook->members(); members)
        for (const MemberInfo &m : *members)
            m_author->addItem(m.name, m.uuid);
    m_tag->clear();
    m_tag->addItem(tr("Any tag"), QString());
    if (auto tags = m_notebook->tags(); tags)
        for (const QString &t : *tags)
            m_tag->addItem(QStringLiteral("#") + t, t);
    m_author->setCurrentIndex(qMax(0, m_author->findData(author)));
    m_tag->setCurrentIndex(qMax(0, m_tag->findData(tag)));
    m_filling = false;
    // A chosen author or tag that is gone would otherwise keep narrowing invisibly.
    if (m_author->currentData().toString() != author || m_tag->currentData().toString() != tag)
        search();
}

void SearchPanel::clear() {
    m_debounce.stop();
    m_pending = false;
    m_searched = false;
    m_model->clear();
    m_experimentTitles.clear();
    m_filling = true;
    m_author->clear();
    m_tag->clear();
    m_filling = false;
    resetFilters();
    showEmptyState();
}

void SearchPanel::resetFilters() {
    m_filling = true;
    setAnyDate(m_from);
    setAnyDate(m_to);
    m_author->setCurrentIndex(m_author->count() ? 0 : -1);
    m_tag->setCurrentIndex(m_tag->count() ? 0 : -1);
    m_signed->setCurrentIndex(0);
    m_filling = false;
    updateFilterButton();
}

SearchFilter SearchPanel::filter() const {
    SearchFilter f;
    f.from = chosenDate(m_from);
    f.to = chosenDate(m_to);
    f.author = m_author->currentData().toString();
    f.tag = m_tag->currentData().toString();
    const int signedState = m_signed->currentIndex();
    f.signedState = signedState == 1   ? SearchFilter::Signed::SignedOnly
                    : signedState == 2 ? SearchFilter::Signed::UnsignedOnly
                                       : SearchFilter::Signed::Any;
    return f;
}

int SearchPanel::resultCount() const {
    return m_model->rowCount();
}

void SearchPanel::scheduleSearch() {
    // Waiting is for keys that come faster than slow searches: a person who paused, or a
    // search that is quick, gets the results of this key without a wait.
    const bool paused = !m_sinceKey.isValid() || m_sinceKey.elapsed() >= kDebounceMs;
    m_sinceKey.start();
    m_debounce.start(paused || m_lastSearchMs < kQuickSearchMs ? 0 : kDebounceMs);
}

void SearchPanel::search() {
    m_debounce.stop();
    updateFilterButton();
    if (!m_notebook) {
        m_pending = true;
        return;
    }
    m_pending = false;
    const QString query = m_field ? m_field->text().trimmed() : QString();
    const SearchFilter f = filter();
    if (query.isEmpty() && f.isEmpty()) {
        m_searched = false;
        m_model->clear();
        showEmptyState();
        return;
    }
    QElapsedTimer took;
    took.start();
    auto hits = m_notebook->search(query, kLimit, f);
    m_searched = true;
    m_lastSearchMs = took.elapsed();
    if (!hits) {
        m_model->clear();
        m_emptyTitle->setText(tr("The search did not work"));
        m_emptyHint->setText(asSentence(hits.error()));
        m_count->clear();
        m_pages->setCurrentIndex(1);
        return;
    }
    showResults(*hits);
    m_lastSearchMs = took.elapsed();
}

void SearchPanel::showResults(const QList<SearchHit> &hits) {
    m_model->clear();
    QList<QStandardItem *> rows;
    rows.reserve(hits.size());
    for (const SearchHit &hit : hits) {
        auto *item = new QStandardItem;
        const QString experimentTitle = m_experimentTitles.value(hit.experiment);
        QString where;
        if (hit.kind == QLatin1String("experiment"))
            where = tr("Experiment");
        else if (hit.kind == QLatin1String("attachment"))
            where = tr("File in %1").arg(experimentTitle);
        else
            where = experimentTitle;
        item->setText(hit.title.isEmpty() ? tr("(no title)") : hit.title);
        item->setData(hit.kind, KindRole);
        item->setData(hit.kind == QLatin1String("experiment") ? QString() : hit.uuid, UuidRole);
        item->setData(hit.experiment, ExperimentUuidRole);
        item->setData(where, ExperimentTitleRole);
        item->setData(highlightedSnippet(hit.snippet), SnippetHtmlRole);
        item->setToolTip(hit.title);
        rows << item;
    }
    // All rows in one insertion: the list lays itself out once, not once per hit.
    if (!rows.isEmpty()) m_model->invisibleRootItem()->appendRows(rows);
    const int n = int(hits.size());
    m_count->setText(n == 0 ? QString() : tr("%n found", nullptr, n));
    m_limitNote->setText(
        tr("Only the %1 most recent matches are shown; add words or filters to narrow them.")
            .arg(kLimit));
    m_limitNote->setVisible(n >= kLimit);
    if (n == 0) {
        showEmptyState();
        return;
    }
    m_pages->setCurrentIndex(0);
}

void SearchPanel::showEmptyState() {
    m_count->clear();
    m_limitNote->hide();
    m_pages->setCurrentIndex(1);
    if (m_searched) {
        m_emptyTitle->setText(tr("No entries match."));
        m_emptyHint->setText(filter().isEmpty()
                                 ? tr("Try fewer or shorter words: each word counts as the "
                                      "beginning of a word.")
                                 : tr("Try fewer words, or clear the filters."));
    } else {
        m_emptyTitle->setText(tr("Search the notebook"));
        m_emptyHint->setText(tr("Type a few words to find entries, experiments and files by "
                                "their titles and text. With a filter alone, every entry that "
                                "meets it is listed."));
    }
}

void SearchPanel::openIndex(const QModelIndex &index) {
    if (!index.isValid()) return;
    emit openRequested(index.data(ExperimentUuidRole).toString(), index.data(UuidRole).toString());
}

void SearchPanel::updateFilterButton() {
    const SearchFilter f = filter();
    const int active = int(f.from.isValid()) + int(f.to.isValid()) + int(!f.author.isEmpty()) +
                       int(!f.tag.isEmpty()) + int(f.signedState != SearchFilter::Signed::Any);
    m_filterToggle->setText(active ? tr("Filters (%1)").arg(active) : tr("Filters"));
    m_clearFilters->setEnabled(active > 0);
}

QString SearchPanel::highlightedSnippet(const QString &snippet) {
    // The marks are the model's, not HTML: the text between them is escaped piece by piece,
    // and a mark left open at the end of a snippet is closed.
    static const QString open = QStringLiteral("[[");
    static const QString close = QStringLiteral("]]");
    QString html;
    bool inMark = false;
    qsizetype at = 0;
    while (at < snippet.size()) {
        const qsizetype next = snippet.indexOf(inMark ? close : open, at);
        const qsizetype end = next < 0 ? snippet.size() : next;
        html += snippet.mid(at, end - at).toHtmlEscaped();
        if (next < 0) break;
        html += inMark ? QStringLiteral("</span>")
                       : QStringLiteral("<span style=\"background-color:#ffe28a; color:#1f2328; "
                                        "font-weight:600\">");
        inMark = !inMark;
        at = next + 2;
    }
    if (inMark) html += QStringLiteral("</span>");
    return html;
}

bool SearchPanel::eventFilter(QObject *watched, QEvent *event) {
    if (watched == m_results && event->type() == QEvent::KeyPress &&
        static_cast<QKeyEvent *>(event)->key() == Qt::Key_Escape) {
        emit closeRequested();
        return true;
    }
    if (watched == m_field && event->type() == QEvent::KeyPress) {
        const int key = static_cast<QKeyEvent *>(event)->key();
        if (key == Qt::Key_Down && m_model->rowCount() > 0) {
            m_results->setFocus();
            m_results->setCurrentIndex(m_model->index(0, 0));
            return true;
        }
        if ((key == Qt::Key_Return || key == Qt::Key_Enter)) {
            if (m_debounce.isActive()) search();
            if (m_model->rowCount() > 0) openIndex(m_model->index(0, 0));
            return true;
        }
        if (key == Qt::Key_Escape) {
            emit closeRequested();
            return true;
        }
    }
    return QWidget::eventFilter(watched, event);
}

void SearchPanel::changeEvent(QEvent *event) {
    if (event->type() == QEvent::LanguageChange) retranslate();
    QWidget::changeEvent(event);
}

void SearchPanel::retranslate() {
    m_heading->setText(tr("Search"));
    m_close->setToolTip(tr("Close the search and show the experiments again (Esc)"));
    m_close->setAccessibleName(tr("Close search"));
    m_fromLabel->setText(tr("Changed &from:"));
    m_toLabel->setText(tr("Changed &until:"));
    m_authorLabel->setText(tr("&Author:"));
    m_tagLabel->setText(tr("&Tag:"));
    m_signedLabel->setText(tr("&Signatures:"));
    m_from->setToolTip(tr("Only what was last changed on or after this day"));
    m_to->setToolTip(tr("Only what was last changed on or before this day"));
    m_filling = true;
    const int signedState = qMax(0, m_signed->currentIndex());
    m_signed->clear();
    m_signed->addItems({tr("Signed or not"), tr("Signed"), tr("Not signed")});
    m_signed->setCurrentIndex(signedState);
    if (m_author->count() > 0) m_author->setItemText(0, tr("Anyone"));
    if (m_tag->count() > 0) m_tag->setItemText(0, tr("Any tag"));
    m_filling = false;
    m_clearFilters->setText(tr("Clear filters"));
    m_results->setAccessibleName(tr("Search results"));
    updateFilterButton();
    // What each hit says about where it is was written in the old language.
    if (m_searched && m_notebook)
        search();
    else if (m_pages->currentIndex() == 1)
        showEmptyState();
}

} // namespace quire::widgets
