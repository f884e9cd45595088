#include "history/AuditTrailDialog.h"

#include "common/DialogParts.h"
#include "page/EntryPageRenderer.h"
#include "sidebar/SearchPanel.h"

#include <QAbstractTableModel>
#include <QComboBox>
#include <QDateEdit>
#include <QDir>
#include <QEvent>
#include <QFileDialog>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QJsonObject>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QSaveFile>
#include <QSet>
#include <QTableView>
#include <QtConcurrent/QtConcurrentRun>
#include <QVBoxLayout>

#include <algorithm>

namespace quire::widgets {

// The trail newest first, through the filters. Tens of thousands of rows are normal, so rows
// are served from the list rather than copied into items, and what the filters compare is
// prepared once.
class AuditTableModel : public QAbstractTableModel {
public:
    enum Column { Time, Who, Action, Summary, ColumnCount };

    using QAbstractTableModel::QAbstractTableModel;

    void setEvents(const QList<AuditEvent> &events) {
        beginResetModel();
        m_events = events;
        m_days.clear();
        m_haystacks.clear();
        m_days.reserve(events.size());
        m_haystacks.reserve(events.size());
        for (const AuditEvent &e : std::as_const(m_events)) {
            m_days << QDateTime::fromString(e.recordedAt, Qt::ISODateWithMs).toLocalTime().date();
            m_haystacks
                << QStringList{e.authorName, e.action,  AuditTrailDialog::actionLabel(e.action),
                               e.type,       e.summary, e.recordId,
                               e.object}
                       .join(QLatin1Char('\n'));
        }
        m_shown.clear();
        for (int i = int(m_events.size()) - 1; i >= 0; --i)
            m_shown << i;
        endResetModel();
    }

    void filter(const QString &text, const QString &action, const QDate &from, const QDate &to) {
        beginResetModel();
        m_shown.clear();
        for (int i = int(m_events.size()) - 1; i >= 0; --i) {
            const QDate day = m_days.at(i);
            if (from.isValid() && (!day.isValid() || day < from)) continue;
            if (to.isValid() && (!day.isValid() || day > to)) continue;
            if (!action.isEmpty() && m_events.at(i).action != action) continue;
            if (!text.isEmpty() && !m_haystacks.at(i).contains(text, Qt::CaseInsensitive)) continue;
            m_shown << i;
        }
        endResetModel();
    }

    QList<AuditEvent> shownOldestFirst() const {
        QList<AuditEvent> out;
        out.reserve(m_shown.size());
        for (auto it = m_shown.crbegin(); it != m_shown.crend(); ++it)
            out << m_events.at(*it);
        return out;
    }
    const QList<AuditEvent> &events() const { return m_events; }
    int shownCount() const { return int(m_shown.size()); }

    int rowCount(const QModelIndex &parent = {}) const override {
        return parent.isValid() ? 0 : int(m_shown.size());
    }
    int columnCount(const QModelIndex &parent = {}) const override {
        return parent.isValid() ? 0 : ColumnCount;
    }

    QVariant data(const QModelIndex &index, int role) const override {
        if (!index.isValid() || index.row() >= m_shown.size()) return {};
        const AuditEvent &e = m_events.at(m_shown.at(index.row()));
        if (role == Qt::DisplayRole) {
            switch (index.column()) {
            case Time:
                return EntryPageRenderer::localTime(e.recordedAt);
            case Who:
                return e.authorName;
            case Action:
                return AuditTrailDialog::actionLabel(e.action);
            case Summary:
                return capitalised(e.summary);
            }
        } else if (role == Qt::ToolTipRole) {
            switch (index.column()) {
            case Time:
                return AuditTrailDialog::tr("Recorded %1 (UTC)").arg(e.recordedAt);
            case Summary:
                return AuditTrailDialog::tr("%1\nRecord %2")
                    .arg(capitalised(e.summary), e.recordId);
            default:
                return data(index, Qt::DisplayRole);
            }
        }
        return {};
    }

    QVariant headerData(int section, Qt::Orientation orientation, int role) const override {
        if (orientation != Qt::Horizontal || role != Qt::DisplayRole) return {};
        switch (section) {
        case Time:
            return AuditTrailDialog::tr("Time");
        case Who:
            return AuditTrailDialog::tr("Who");
        case Action:
            return AuditTrailDialog::tr("Action");
        case Summary:
            return AuditTrailDialog::tr("What happened");
        }
        return {};
    }

    void retranslated() {
        // Action labels are part of what the text filter compares.
        setEvents(QList<AuditEvent>(m_events));
        emit headerDataChanged(Qt::Horizontal, 0, ColumnCount - 1);
    }

private:
    static QString capitalised(QString text) {
        if (!text.isEmpty()) text[0] = text[0].toUpper();
        return text;
    }

    QList<AuditEvent> m_events;
    QList<QDate> m_days;
    QStringList m_haystacks;
    QList<int> m_shown; // indexes into m_events, newest first
};

AuditTrailDialog::AuditTrailDialog(Notebook *notebook, QWidget *parent)
    : QDialog(parent)
    , m_notebook(notebook) {
    setObjectName(QStringLiteral("auditTrailDialog"));
    resize(1080, 680);
    setMinimumSize(760, 440);
    if (m_notebook) m_notebookName = m_notebook->notebookName();
    m_debounce.setSingleShot(true);
    m_debounce.setInterval(150);
    connect(&m_debounce, &QTimer::timeout, this, &AuditTrailDialog::applyFilters);

    auto *layout = new QVBoxLayout(this);
    layout->setSpacing(10);
    m_heading = makeHeading({}, this);
    layout->addWidget(m_heading);
    m_hint = makeHint({}, this);
    layout->addWidget(m_hint);

    auto *filters = new QHBoxLayout;
    filters->setSpacing(8);
    m_text = new QLineEdit(this);
    m_text->setObjectName(QStringLiteral("filterEdit"));
    m_text->setClearButtonEnabled(true);
    m_text->setMinimumWidth(240);
    m_actionLabel = new QLabel(this);
    m_action = new QComboBox(this);
    m_action->setObjectName(QStringLiteral("actionCombo"));
    m_action->setSizeAdjustPolicy(QComboBox::AdjustToContents);
    m_actionLabel->setBuddy(m_action);
    m_fromLabel = new QLabel(this);
    m_from = makeAnyDateEdit(this);
    m_from->setObjectName(QStringLiteral("fromDateEdit"));
    m_fromLabel->setBuddy(m_from);
    m_toLabel = new QLabel(this);
    m_to = makeAnyDateEdit(this);
    m_to->setObjectName(QStringLiteral("toDateEdit"));
    m_toLabel->setBuddy(m_to);
    filters->addWidget(m_text, 2);
    filters->addSpacing(8);
    filters->addWidget(m_actionLabel);
    filters->addWidget(m_action);
    filters->addSpacing(8);
    filters->addWidget(m_fromLabel);
    filters->addWidget(m_from);
    filters->addWidget(m_toLabel);
    filters->addWidget(m_to);
    layout->addLayout(filters);

    m_model = new AuditTableModel(this);
    m_table = new QTableView(this);
    m_table->setObjectName(QStringLiteral("auditTable"));
    m_table->setModel(m_model);
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setSelectionMode(QAbstractItemView::ExtendedSelection);
    m_table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_table->verticalHeader()->hide();
    m_table->verticalHeader()->setDefaultSectionSize(fontMetrics().height() + 10);
    m_table->setAlternatingRowColors(true);
    m_table->setShowGrid(false);
    m_table->setWordWrap(false);
    m_table->setTextElideMode(Qt::ElideRight);
    m_table->setStyleSheet(QStringLiteral("QTableView::item { padding: 0 8px 0 2px; }"));
    QHeaderView *header = m_table->horizontalHeader();
    header->setDefaultAlignment(Qt::AlignLeft | Qt::AlignVCenter);
    header->setSectionResizeMode(QHeaderView::Interactive);
    header->setSectionResizeMode(AuditTableModel::Summary, QHeaderView::Stretch);
    m_table->setColumnWidth(AuditTableModel::Time, 200);
    m_table->setColumnWidth(AuditTableModel::Who, 150);
    m_table->setColumnWidth(AuditTableModel::Action, 130);
    layout->addWidget(m_table, 1);

    m_busy = makeBusyRow({}, this);
    m_busyText = m_busy->findChild<QLabel *>();
    layout->addWidget(m_busy);
    m_result = new QLabel(this);
    m_result->setObjectName(QStringLiteral("resultLabel"));
    m_result->setTextFormat(Qt::PlainText);
    m_result->setWordWrap(true);
    m_result->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_result->hide();
    layout->addWidget(m_result);
    m_error = makeErrorLabel(this);
    layout->addWidget(m_error);

    auto *row = new QHBoxLayout;
    m_count = makeHint({}, this);
    m_count->setObjectName(QStringLiteral("countLabel"));
    m_count->setWordWrap(false);
    m_export = new QPushButton(this);
    m_export->setObjectName(QStringLiteral("exportCsvButton"));
    m_close = new QPushButton(this);
    m_close->setObjectName(QStringLiteral("closeButton"));
    row->addWidget(m_count, 1);
    row->addWidget(m_export);
    row->addWidget(m_close);
    layout->addLayout(row);

    connect(m_text, &QLineEdit::textChanged, this, [this] { m_debounce.start(); });
    connect(m_action, &QComboBox::currentIndexChanged, this, &AuditTrailDialog::applyFilters);
    connect(m_from, &QDateEdit::dateChanged, this, [this] { m_debounce.start(); });
    connect(m_to, &QDateEdit::dateChanged, this, [this] { m_debounce.start(); });
    connect(m_export, &QPushButton::clicked, this, &AuditTrailDialog::exportCsv);
    connect(m_close, &QPushButton::clicked, this, &AuditTrailDialog::reject);
    connect(&m_watcher, &QFutureWatcherBase::finished, this, &AuditTrailDialog::finishLoading);

    retranslate();
    m_text->setFocus();
}

AuditTrailDialog::~AuditTrailDialog() {
    // The worker reads the notebook, which may go right after this dialog (the window closes).
    m_watcher.waitForFinished();
}

void AuditTrailDialog::load() {
    if (!m_notebook || isLoading()) return;
    hideError(m_error);
    m_busy->show();
    m_export->setEnabled(false);
    Notebook *notebook = m_notebook;
    emit busyChanged(true);
    m_watcher.setFuture(QtConcurrent::run([notebook] { return notebook->auditTrail(); }));
}

void AuditTrailDialog::finishLoading() {
    const Result<QList<AuditEvent>> result = m_watcher.result();
    m_busy->hide();
    emit busyChanged(false);
    if (!result) {
        showError(m_error, tr("The audit trail could not be read: %1").arg(result.error()));
        updateCount();
        return;
    }
    m_model->setEvents(*result);
    fillActions();
    applyFilters();
}

void AuditTrailDialog::fillActions() {
    const QString chosen = m_action->currentData().toString();
    QList<QPair<QString, QString>> actions; // label, action
    QSet<QString> seen;
    for (const AuditEvent &e : m_model->events())
        if (!seen.contains(e.action)) {
            seen.insert(e.action);
            actions << qMakePair(actionLabel(e.action), e.action);
        }
    std::sort(actions.begin(), actions.end(), [](const auto &a, const auto &b) {
        return QString::localeAwareCompare(a.first, b.first) < 0;
    });
    const QSignalBlocker quiet(m_action);
    m_action->clear();
    m_action->addItem(tr("All actions"), QString());
    for (const auto &[label, action] : std::as_const(actions))
        m_action->addItem(label, action);
    m_action->setCurrentIndex(qMax(0, m_action->findData(chosen)));
}

void AuditTrailDialog::applyFilters() {
    m_debounce.stop();
    m_model->filter(m_text->text().trimmed(), m_action->currentData().toString(),
                    chosenDate(m_from), chosenDate(m_to));
    updateCount();
}

void AuditTrailDialog::updateCount() {
    const int shown = m_model->shownCount();
    const int total = totalCount();
    if (isLoading())
        m_count->clear();
    else if (shown == total)
        m_count->setText(tr("%n events", nullptr, total));
    else
        m_count->setText(tr("%1 of %2 events").arg(shown).arg(total));
    m_export->setEnabled(!isLoading() && shown > 0);
}

QList<AuditEvent> AuditTrailDialog::filteredEvents() const {
    return m_model->shownOldestFirst();
}

int AuditTrailDialog::totalCount() const {
    return int(m_model->events().size());
}

Result<void> AuditTrailDialog::exportTo(const QString &path) {
    const QList<AuditEvent> events = filteredEvents();
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly))
        return fail(tr("could not write %1: %2").arg(path, file.errorString()));
    const QByteArray csv = Notebook::auditCsv(events);
    if (file.write(csv) != csv.size() || !file.commit())
        return fail(tr("could not write %1: %2").arg(path, file.errorString()));
    // The export itself belongs in the trail (ALCOA+: what left the notebook, and when).
    if (m_notebook)
        if (auto noted = m_notebook->noteExport(QStringLiteral("audit trail CSV"),
                                                QJsonObject{{"rows", int(events.size())}});
            !noted)
            return noted.failure();
    hideError(m_error);
    m_result->setText(tr("%n events saved to %1", nullptr, int(events.size()))
                          .arg(QDir::toNativeSeparators(path)));
    m_result->show();
    return {};
}

void AuditTrailDialog::exportCsv() {
    if (isLoading() || m_model->shownCount() == 0) return;
    QString name =
        tr("Audit trail %1 %2.csv").arg(m_notebookName, QDate::currentDate().toString(Qt::ISODate));
    name.replace(QLatin1Char('/'), QLatin1Char('-'));
    const QString path = QFileDialog::getSaveFileName(this, tr("Export the audit trail"),
                                                      QDir::home().filePath(name),
                                                      tr("CSV files (*.csv);;All files (*)"));
    if (path.isEmpty()) return;
    if (auto written = exportTo(path); !written) {
        m_result->hide();
        showError(m_error, asSentence(written.error()));
    }
}

void AuditTrailDialog::reject() {
    if (isLoading()) return; // the worker holds the notebook; it is quick to finish
    QDialog::reject();
}

QString AuditTrailDialog::actionLabel(const QString &action) {
    if (action == QLatin1String("created")) return tr("Created");
    if (action == QLatin1String("amended")) return tr("Changed");
    if (action == QLatin1String("voided")) return tr("Voided");
    if (action == QLatin1String("signed")) return tr("Signed");
    if (action == QLatin1String("attested")) return tr("Time attested");
    if (action == QLatin1String("unlock")) return tr("Unlocked");
    if (action == QLatin1String("unlock_failed")) return tr("Failed unlock");
    if (action == QLatin1String("passphrase_changed")) return tr("Passphrase changed");
    if (action == QLatin1String("clock_backwards")) return tr("Clock went back");
    if (action == QLatin1String("signing_failed")) return tr("Failed signing");
    if (action == QLatin1String("settings_changed")) return tr("Settings changed");
    if (action == QLatin1String("export")) return tr("Exported");
    // An action from a newer version of the program: readable rather than hidden.
    QString label = action;
    label.replace(QLatin1Char('_'), QLatin1Char(' '));
    if (!label.isEmpty()) label[0] = label[0].toUpper();
    return label;
}

void AuditTrailDialog::changeEvent(QEvent *event) {
    if (event->type() == QEvent::LanguageChange) {
        retranslate();
        m_model->retranslated();
        fillActions();
        applyFilters();
    }
    QDialog::changeEvent(event);
}

void AuditTrailDialog::retranslate() {
    setWindowTitle(tr("Audit trail"));
    m_heading->setText(m_notebookName.isEmpty() ? tr("Audit trail")
                                                : tr("Audit trail of “%1”").arg(m_notebookName));
    m_hint->setText(tr("Everything that was recorded in this notebook, and by whom: new and "
                       "changed entries, signatures, unlocks and failed attempts. Nothing here "
                       "can be changed or removed."));
    m_text->setPlaceholderText(tr("Filter by words, names or record"));
    m_text->setAccessibleName(tr("Filter"));
    m_actionLabel->setText(tr("&Action:"));
    m_fromLabel->setText(tr("&From:"));
    m_toLabel->setText(tr("&to:"));
    if (m_action->count() > 0) m_action->setItemText(0, tr("All actions"));
    m_table->setAccessibleName(tr("Audit trail"));
    if (m_busyText) m_busyText->setText(tr("Reading the audit trail…"));
    m_export->setText(tr("&Export CSV…"));
    m_export->setToolTip(tr("Save the events shown, oldest first, as a spreadsheet file"));
    m_close->setText(tr("Close"));
    updateCount();
}

} // namespace quire::widgets
