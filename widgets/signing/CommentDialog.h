#pragma once
// CommentDialog: writes a comment on the latest version of an entry (FORMAT.md §2, `comment`).
// Plain text, kept as it is written: a comment is never changed, a later one corrects it. A
// supervisor who did not write the entry may tick "Request changes", which puts the entry in its
// author's "Waiting for me" until the author saves a new version.

#include "Notebook.h"

#include <QDialog>

class QCheckBox;
class QPlainTextEdit;
class QPushButton;

namespace quire::widgets {

class CommentDialog : public QDialog {
    Q_OBJECT
public:
    CommentDialog(Notebook *notebook, const EntryVersion &entry, QWidget *parent = nullptr);

    QPlainTextEdit *textEdit() const { return m_text; }
    QCheckBox *requestChangesBox() const { return m_requestChanges; }
    // Saves the comment; on a refusal says why and stays open, so nothing typed is lost.
    void submit();

private:
    Notebook *m_notebook;
    EntryVersion m_entry;
    QPlainTextEdit *m_text = nullptr;
    QCheckBox *m_requestChanges = nullptr;
    QPushButton *m_ok = nullptr;
};

} // namespace quire::widgets
