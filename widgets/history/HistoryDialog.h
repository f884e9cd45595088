#pragma once
// history/: what happened, read back: an entry's versions side by side (HistoryDialog) and
// everything recorded in the notebook, by whom and when (AuditTrailDialog).
//
// HistoryDialog: every saved version of an entry — when, by whom, why, and its state — and,
// for the version chosen, what changed from the one before, side by side: changed lines in
// amber, added lines in green, removed lines in red and struck through. The chosen version's
// signatures are listed with their full manifestation (printed name, date and time with zone,
// meaning), because a signature belongs to one version and not to the entry.

#include "Notebook.h"
#include "TextDiff.h"

#include <QDialog>
#include <QPointer>

class QComboBox;
class QLabel;
class QTableWidget;
class QTextBrowser;

namespace quire::widgets {

class HistoryDialog : public QDialog {
    Q_OBJECT
public:
    // `entries` are the entries the person can switch between (those on the page); `entry`
    // is shown first.
    HistoryDialog(Notebook *notebook, const QList<EntryVersion> &entries, const QString &entry,
                  QWidget *parent = nullptr);

    QString entry() const { return m_entry; }
    // Selects a version (1 = the first) as a click on its row would.
    void showVersion(int version);
    int shownVersion() const;
    // What the side-by-side view shows for the chosen version.
    const QList<DiffRow> &rows() const { return m_rows; }
    QString errorText() const;

protected:
    void changeEvent(QEvent *event) override;

private:
    void retranslate();
    void loadEntry(const QString &entry);
    void fillTable();
    void showSelected();
    QString diffHtml(const EntryVersion *older, const EntryVersion &newer);
    QString signaturesText(const EntryVersion &version) const;

    QPointer<Notebook> m_notebook;
    QList<EntryVersion> m_entries;
    QString m_entry;
    QList<EntryVersion> m_versions;
    QList<DiffRow> m_rows;

    QLabel *m_heading = nullptr;
    QLabel *m_hint = nullptr;
    QLabel *m_entryLabel = nullptr;
    QComboBox *m_entryCombo = nullptr;
    QTableWidget *m_table = nullptr;
    QLabel *m_changesHeading = nullptr;
    QLabel *m_legend = nullptr;
    QTextBrowser *m_diff = nullptr;
    QLabel *m_signaturesHeading = nullptr;
    QLabel *m_signatures = nullptr;
    QLabel *m_error = nullptr;
};

} // namespace quire::widgets
