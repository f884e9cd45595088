#pragma once
// editor/: writing. The window an entry is written in (EntryDialog), with its rich-text editor
// (EntryEditor, a web page of its own), and the small dialogs that start an experiment
// (ExperimentDialog) or void an entry (VoidEntryDialog).
//
// EntryDialog: the window an entry is written in — a title, the rich EntryEditor, and "Save
// version". It saves through the notebook itself: a new entry, or a new version of an existing
// one (with the reason the change needs, and a clear word when the change amends a signed
// version). While the person writes, the text is kept as an encrypted draft in the vault every
// few seconds, so that a crash, a lock or a closed window loses nothing; recoverDrafts() opens
// what such an ending left behind.

#include <QDialog>
#include <QPointer>
#include <QString>
#include <QTimer>

#include <functional>

class QLabel;
class QLineEdit;
class QPushButton;
class QTemporaryDir;
class QWidget;

namespace quire {
class Notebook;
struct Draft;
} // namespace quire

namespace quire::widgets {

class EntryEditor;

class EntryDialog : public QDialog {
    Q_OBJECT
public:
    ~EntryDialog() override;

    QString title() const;
    // The entry's text as the page last reported it (EntryEditor::requestHtml gives the very
    // latest).
    QString html() const { return m_latestHtml; }

    // A new entry in an experiment (its uuid). Not shown yet; the caller owns it (e.g. deletes
    // it on finished()).
    static EntryDialog *newEntry(Notebook *notebook, const QString &experiment, QWidget *parent);
    // An edit of an existing entry; picks up the draft kept for it, if there is one. If a
    // dialog for the entry is already open under `parent`, that one is returned. Null, with
    // `problem` set to a sentence, when this member cannot change the entry.
    static EntryDialog *editEntry(Notebook *notebook, const QString &entryUuid, QWidget *parent,
                                  QString *problem = nullptr);
    // One dialog per draft left by a crash, a lock or "Keep as draft", holding the draft's
    // text and saying so. Drafts already open in a dialog under `parent` are skipped. Not shown.
    static QList<EntryDialog *> recoverDrafts(Notebook *notebook, QWidget *parent);

    // While this says true, a worker is using the notebook: the dialog does not call it (a call
    // would wait for the whole job) and retries shortly after.
    void setBusyCheck(std::function<bool()> busy) { m_busy = std::move(busy); }

    EntryEditor *editor() const { return m_editor; }
    // The entry being written; empty for a new entry until its first save.
    QString entryUuid() const { return m_entry; }
    // The key of this dialog's draft in the vault.
    QString draftKey() const { return m_key; }
    bool hasUnsavedChanges() const;
    bool isRecoveredDraft() const { return m_recovered; }
    // A file added to this entry from the Files panel while its text is open here: the
    // attachment record `id` is in the notebook already and joins the version saved next (with
    // the text and the person's reason), instead of making a version of its own.
    void addFileToNextVersion(const QString &id, const QString &name);
    // Files waiting for the next version that its text does not show.
    QStringList filesForNextVersion() const { return m_addedFiles; }

    // How long after a change the draft is written.
    static constexpr int kDraftDelayMs = 3000;

public slots:
    // Saves a version (Ctrl+S); says in the window why when it cannot.
    void saveVersion();
    // The "Close" button (and the title bar's): leaving an entry saves it. When it cannot be
    // saved as it stands (no title yet, or a change without its reason), asks whether to go
    // back and add what is missing, keep the text as a draft, or discard it.
    void closeAsking();
    // Closing without asking, right away (the notebook is being locked): unsaved text is kept
    // as a draft with the text the page last reported.
    void reject() override;
    // Closing without asking, once the page's very latest text is kept as a draft (the program
    // is closing); stays open, saying why, if the draft cannot be written.
    void keepAsDraftAndClose();

signals:
    // A new version of the entry (or the new entry) is in the notebook.
    void saved(const QString &entryUuid);
    // The text as it is now is kept as a draft in the vault.
    void draftKept();

protected:
    void closeEvent(QCloseEvent *event) override;
    void keyPressEvent(QKeyEvent *event) override;

private:
    enum CloseChoice { CloseSave, CloseKeep, CloseDiscard };

    EntryDialog(Notebook *notebook, const QString &experiment, QWidget *parent);
    void buildEditorWindow();
    // Fills the window for an existing entry; false with `problem` when it cannot be edited.
    bool loadEntry(const QString &entryUuid, QString *problem);
    void applyDraft(const Draft &draft, bool recovered);
    void updateHeading();
    void updateReasonRow();
    void showNotice(QLabel *notice, const QString &text);
    void showStatus(const QString &text);
    // Compares the entry's newest version with the one this text started from.
    void checkForNewerVersion();

    // Asks the page for its text; `then` runs once m_latestHtml holds it (not if the dialog
    // went away meanwhile).
    void fetchText(std::function<void()> then);
    // The page reported a change: a draft is planned if the text now differs from the saved.
    void pageChanged();
    void scheduleDraft();
    // Asks the page for its text, then writes the draft.
    void writeDraftSoon();
    // Writes the draft from what is known now; false (and says why) when it could not.
    bool storeDraft();
    void commit(const QString &title, const QString &html, const QString &reason);
    void finishClose(int choice);
    // Closes at once when nothing is unsaved; says whether it did.
    bool closeIfNothingUnsaved();
    // A saved entry's change is a new version, and needs a reason.
    bool needsReason() const;
    // Keeps a pasted or dropped image as an attachment record of its own and returns its id;
    // the version saved next names it (attachmentsToName).
    QString storeImage(const QString &name, const QByteArray &bytes);
    // The attachment records the next version names besides the entry's own: the images its
    // text shows, found in the text itself so that a draft recovered after a crash names them
    // too.
    QStringList attachmentsToName(const QString &html) const;
    // Runs `work` now, or as soon as no worker uses the notebook; it is dropped with the dialog.
    void whenNotebookFree(std::function<void()> work);
    bool notebookBusy() const { return m_busy && m_busy(); }
    QString experimentTitle() const;

    QLineEdit *m_title = nullptr;
    QPointer<Notebook> m_notebook;
    std::function<bool()> m_busy;
    EntryEditor *m_editor = nullptr;
    QLabel *m_heading = nullptr;
    QLabel *m_subheading = nullptr;
    QLabel *m_recoveredNotice = nullptr;
    QLabel *m_newerNotice = nullptr;
    QLabel *m_amendNotice = nullptr;
    QLabel *m_imageNotice = nullptr;
    QWidget *m_reasonRow = nullptr;
    QLabel *m_reasonLabel = nullptr;
    QLineEdit *m_reason = nullptr;
    QLabel *m_error = nullptr;
    QLabel *m_status = nullptr;
    QPushButton *m_save = nullptr;
    QPushButton *m_close = nullptr;
    QTimer m_draftTimer;
    QTimer m_freeTimer;
    QList<std::function<void()>> m_whenFree;
    QTemporaryDir *m_imageDir = nullptr;

    QString m_key;        // the draft's key
    QString m_entry;      // empty for an entry not saved yet
    QString m_experiment; // uuid
    QString m_base;       // the version the text started from
    QString m_baseTitle;  // the title of that version, or the last saved one
    int m_baseVersion = 0;
    bool m_signed = false; // the base version carries its author's signature
    bool m_recovered = false;
    bool m_hasDraft = false; // a draft is in the vault for m_key
    bool m_saving = false;   // a save waits for the page's text or for the notebook
    bool m_closeAfterSave = false;
    bool m_closing = false;
    bool m_checkPending = false; // a look for a newer version waits for the notebook
    QString m_latestHtml;        // the page's text as last reported
    quint64 m_knownChanges = 0;  // the editor's change count m_latestHtml includes
    QString m_savedHtml;         // the text of the version it started from, or last saved
    QStringList m_addedFiles;    // see addFileToNextVersion; kept in the draft
    QStringList m_addedNames;    // their file names, for the notice
    QLabel *m_filesNotice = nullptr;
};

} // namespace quire::widgets
