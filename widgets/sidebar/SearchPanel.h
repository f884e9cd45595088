#pragma once
// SearchPanel: the notebook searched as the person types, in the sidebar's place. It reads the
// toolbar's search field and lists what matches — title, experiment and a snippet with the
// matching words marked — narrowed by the date of the last change, author, tag and signature.
// Choosing a result asks the window to open it. The results follow each key at once; only
// while keys come quicker than kDebounceMs apart and the last search was slow does it wait for
// a pause in the typing, so that slow searches do not pile up behind the keys.
//
// It calls the notebook only while it has one: the window takes it away while a worker (a sync,
// storing a file) holds the notebook, and a search asked for meanwhile runs when it returns.

#include "Notebook.h"

#include <QElapsedTimer>
#include <QHash>
#include <QPointer>
#include <QTimer>
#include <QWidget>

class QComboBox;
class QDate;
class QDateEdit;
class QLabel;
class QLineEdit;
class QListView;
class QPushButton;
class QStackedWidget;
class QStandardItemModel;
class QToolButton;

namespace quire::widgets {

// A date field for one end of a range, whose lowest value reads "Any day": the range is open
// at that end. Its calendar opens at today's month rather than at that lowest day.
QDateEdit *makeAnyDateEdit(QWidget *parent);
// The chosen day, or an invalid date for "Any day".
QDate chosenDate(const QDateEdit *edit);
void setAnyDate(QDateEdit *edit);

class SearchPanel : public QWidget {
    Q_OBJECT
public:
    static constexpr int kDebounceMs = 150;
    // A search quicker than this runs at every key, however fast the typing.
    static constexpr int kQuickSearchMs = 40;
    static constexpr int kLimit = 100;

    enum Role {
        KindRole = Qt::UserRole + 1,
        UuidRole, // the entry's (or, for an experiment hit, the experiment's) uuid
        ExperimentUuidRole,
        ExperimentTitleRole,
        SnippetHtmlRole,
    };

    explicit SearchPanel(QWidget *parent = nullptr);

    // The field the person types into; Down moves into the results, Return opens the first,
    // Escape closes the search.
    void setSearchField(QLineEdit *field);
    void setNotebook(Notebook *notebook);
    // Titles to show beside each hit, from the list the window already holds.
    void setExperiments(const QList<ExperimentInfo> &experiments);
    // Reads the members and tags for the filter lists again.
    void reloadChoices();
    // Forgets everything shown, filters included (the notebook was locked).
    void clear();

    SearchFilter filter() const;
    int resultCount() const;
    QListView *resultList() const { return m_results; }
    QStandardItemModel *results() const { return m_model; }

    // The model's snippet with its [[…]] marks as highlighted rich text, everything else escaped.
    static QString highlightedSnippet(const QString &snippet);

public slots:
    // Runs the search now rather than after the pause (filters changed, notebook returned).
    void search();

signals:
    void openRequested(const QString &experiment, const QString &entry);
    void closeRequested();

protected:
    void changeEvent(QEvent *event) override;
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    void retranslate();
    void scheduleSearch();
    void showResults(const QList<SearchHit> &hits);
    void showEmptyState();
    void openIndex(const QModelIndex &index);
    void resetFilters();
    void updateFilterButton();

    QPointer<Notebook> m_notebook;
    QPointer<QLineEdit> m_field;
    QHash<QString, QString> m_experimentTitles;
    QTimer m_debounce;
    QElapsedTimer m_sinceKey;  // since the last key in the field
    qint64 m_lastSearchMs = 0; // what the last search and its list took
    bool m_pending = false;    // asked for while the notebook was away
    bool m_searched = false;
    bool m_filling = false; // choices being refilled: their signals start no search

    QLabel *m_heading = nullptr;
    QLabel *m_count = nullptr;
    QToolButton *m_close = nullptr;
    QToolButton *m_filterToggle = nullptr;
    QWidget *m_filters = nullptr;
    QLabel *m_fromLabel = nullptr;
    QLabel *m_toLabel = nullptr;
    QLabel *m_authorLabel = nullptr;
    QLabel *m_tagLabel = nullptr;
    QLabel *m_signedLabel = nullptr;
    QDateEdit *m_from = nullptr;
    QDateEdit *m_to = nullptr;
    QComboBox *m_author = nullptr;
    QComboBox *m_tag = nullptr;
    QComboBox *m_signed = nullptr;
    QPushButton *m_clearFilters = nullptr;
    QStackedWidget *m_pages = nullptr;
    QListView *m_results = nullptr;
    QStandardItemModel *m_model = nullptr;
    QLabel *m_emptyTitle = nullptr;
    QLabel *m_emptyHint = nullptr;
    QLabel *m_limitNote = nullptr;
};

} // namespace quire::widgets
