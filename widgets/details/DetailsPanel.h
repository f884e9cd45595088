#pragma once
// details/: the column right of the page, about one entry of it: its files (AttachmentPanel),
// its signatures and its versions (DetailsPanel).
//
// DetailsPanel: the panel beside the page, about one entry of it — the one chosen in its list
// at the top, by a click on an entry's title on the page, or by a search result. Three tabs:
//   Files       the files of the page's entries (AttachmentPanel), the chosen entry's first
//   Signatures  the shown version's signatures, each with its full manifestation (printed
//               name, date and time with zone, meaning), validity and trusted time; Sign… and
//               Export evidence…
//   History     every version: when, by whom, why; "Show changes…" opens them side by side
//   Data        the file chosen under Files as an instrument file: what it says about itself
//               and an interactive plot (DataPanel), read when the tab is shown
// It reads the notebook only while it has it (setNotebook(nullptr) while a worker does), and
// asks the window for everything that writes (signals).

#include "Notebook.h"

#include <QPointer>
#include <QWidget>

class QComboBox;
class QLabel;
class QListWidget;
class QPushButton;
class QStackedWidget;
class QTabWidget;
class QTableWidget;
class QToolButton;

namespace quire::widgets {

class AttachmentPanel;
class DataPanel;

class DetailsPanel : public QWidget {
    Q_OBJECT
public:
    enum Tab { FilesTab, SignaturesTab, HistoryTab, DataTab };

    explicit DetailsPanel(QWidget *parent = nullptr);

    AttachmentPanel *attachments() const { return m_attachments; }
    DataPanel *data() const { return m_data; }
    void setNotebook(Notebook *notebook);
    // The entries on the page, numbered from `firstNumber`; `me` may add files to their own.
    void setEntries(const QList<EntryVersion> &entries, const QString &me, int firstNumber);
    // Chooses an entry of the page (as a click on its title would).
    void setCurrentEntry(const QString &entry);
    QString currentEntry() const { return m_entry; }
    void showTab(Tab tab);
    Tab currentTab() const;
    // Forgets everything shown (the notebook was locked).
    void clear();

    QListWidget *signatureList() const { return m_signatures; }
    QTableWidget *versionTable() const { return m_versions; }

signals:
    // "Insert plot into entry" in the Data tab.
    void insertPlotRequested(const QString &entry, const QString &attachment);
    // The person chose another entry in this panel.
    void entryChosen(const QString &entry);
    void signRequested(const QString &entry);
    void evidenceRequested(const QString &signatureId);
    void changesRequested(const QString &entry, int version);
    void closeRequested();

protected:
    void changeEvent(QEvent *event) override;

private:
    void retranslate();
    void fillChooser();
    void showEntry();
    void fillSignatures(const EntryVersion *entry);
    void loadHistory();
    const EntryVersion *entryVersion(const QString &uuid) const;
    void updateTabTitles();
    void showDataOfSelection();

    QPointer<Notebook> m_notebook;
    QList<EntryVersion> m_entries;
    QString m_me;
    int m_firstNumber = 1;
    QString m_entry;
    bool m_historyStale = true; // the History tab shows an older state than m_entry's

    QLabel *m_entryLabel = nullptr;
    QComboBox *m_chooser = nullptr;
    QToolButton *m_close = nullptr;
    QStackedWidget *m_pages = nullptr; // an empty state, or the tabs
    QLabel *m_emptyTitle = nullptr;
    QLabel *m_emptyHint = nullptr;
    QTabWidget *m_tabs = nullptr;
    AttachmentPanel *m_attachments = nullptr;
    DataPanel *m_data = nullptr;

    QLabel *m_signaturesHeading = nullptr;
    QLabel *m_amendNote = nullptr;
    QListWidget *m_signatures = nullptr;
    QLabel *m_noSignatures = nullptr;
    QPushButton *m_sign = nullptr;
    QPushButton *m_evidence = nullptr;

    QLabel *m_historyHint = nullptr;
    QTableWidget *m_versions = nullptr;
    QPushButton *m_changes = nullptr;
};

} // namespace quire::widgets
