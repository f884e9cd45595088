#include "signing/CommentDialog.h"

#include "common/DialogParts.h"

#include <QCheckBox>
#include <QDialogButtonBox>
#include <QLabel>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QVBoxLayout>

namespace quire::widgets {

CommentDialog::CommentDialog(Notebook *notebook, const EntryVersion &entry, QWidget *parent)
    : QDialog(parent)
    , m_notebook(notebook)
    , m_entry(entry) {
    setObjectName(QStringLiteral("commentDialog"));
    setWindowTitle(tr("Add comment"));
    setMinimumWidth(520);

    auto *layout = new QVBoxLayout(this);
    layout->setSpacing(10);
    auto *heading = makeHeading(tr("Comment on “%1”").arg(entry.title), this);
    heading->setTextFormat(Qt::PlainText);
    layout->addWidget(heading);
    auto *hint = makeHint(tr("On version %1 by %2. Everyone in the notebook reads it under the "
                             "entry with your name and the time. A comment is kept as written; "
                             "to correct it, add another one.")
                              .arg(entry.version)
                              .arg(entry.authorName),
                          this);
    hint->setTextFormat(Qt::PlainText);
    layout->addWidget(hint);

    m_text = new QPlainTextEdit(this);
    m_text->setObjectName(QStringLiteral("commentEdit"));
    m_text->setPlaceholderText(tr("e.g. Please repeat with a negative control."));
    m_text->setTabChangesFocus(true);
    layout->addWidget(m_text, 1);

    m_requestChanges = new QCheckBox(tr("&Request changes"), this);
    m_requestChanges->setObjectName(QStringLiteral("requestChangesCheck"));
    m_requestChanges->setToolTip(tr("The entry waits in its author's “Waiting for me” until they "
                                    "save a new version."));
    // Only a supervisor who did not write the entry may ask for changes: others do not see it.
    auto problem = notebook->changeRequestProblem(entry.uuid);
    m_requestChanges->setVisible(problem && problem->isEmpty());
    layout->addWidget(m_requestChanges);

    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    m_ok = buttons->button(QDialogButtonBox::Ok);
    m_ok->setObjectName(QStringLiteral("addCommentButton"));
    m_ok->setText(tr("&Add comment"));
    m_ok->setEnabled(false);
    useTextOnlyButtons(buttons);
    layout->addWidget(buttons);
    connect(m_text, &QPlainTextEdit::textChanged, this,
            [this] { m_ok->setEnabled(!m_text->toPlainText().trimmed().isEmpty()); });
    connect(buttons, &QDialogButtonBox::accepted, this, &CommentDialog::submit);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    m_text->setFocus();
}

void CommentDialog::submit() {
    const QString text = m_text->toPlainText();
    if (text.trimmed().isEmpty()) return;
    auto saved =
        m_notebook->addComment(m_entry.recordId, 0, Notebook::plainTextToHtml(text),
                               !m_requestChanges->isHidden() && m_requestChanges->isChecked());
    if (!saved) {
        showProblem(this, tr("The comment was not saved"), saved.error());
        return;
    }
    accept();
}

} // namespace quire::widgets
