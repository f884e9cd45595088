#include "editor/EntryDialog.h"

#include "common/DialogParts.h"
#include "editor/EntryEditor.h"
#include "editor/TemplateDialogs.h"
#include "Notebook.h"
#include "page/EntryPageRenderer.h"

#include <QAbstractButton>
#include <QCloseEvent>
#include <QDateTime>
#include <QFile>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QKeyEvent>
#include <QLabel>
#include <QLineEdit>
#include <QLocale>
#include <QLoggingCategory>
#include <QMessageBox>
#include <QPushButton>
#include <QShortcut>
#include <QTemporaryDir>
#include <QUuid>
#include <QVBoxLayout>

#include <memory>

namespace quire::widgets {

Q_LOGGING_CATEGORY(lcEntryDialog, "quire.entrydialog")

namespace {

QString clockTime() {
    return QLocale().toString(QTime::currentTime(), QStringLiteral("HH:mm:ss"));
}

QLabel *makeNotice(const QString &objectName, QWidget *parent) {
    auto *label = new QLabel(parent);
    label->setObjectName(objectName);
    label->setWordWrap(true);
    label->setTextFormat(Qt::PlainText);
    // A bar that reads the same in light and dark themes: its colours are its own.
    label->setStyleSheet(QStringLiteral("QLabel { background: #fff4d6; color: #3d2e00; "
                                        "border: 1px solid #e3c15f; border-radius: 4px; "
                                        "padding: 6px 8px; }"));
    label->hide();
    return label;
}

// Writes a draft once no worker holds the notebook, even after the dialog that made it is gone
// (the window closed while a sync ran). It lives with the notebook: a lock ends it.
void keepDraftWhenFree(Notebook *notebook, const std::function<bool()> &busy, const Draft &draft) {
    auto *timer = new QTimer(notebook);
    QObject::connect(timer, &QTimer::timeout, timer, [timer, notebook, busy, draft] {
        if (busy && busy()) return;
        if (auto r = notebook->saveDraft(draft); !r)
            qCWarning(lcEntryDialog, "a draft could not be kept: %s", qPrintable(r.error()));
        timer->deleteLater();
    });
    timer->start(250);
}

} // namespace

QString EntryDialog::title() const {
    return m_title->text().trimmed();
}

EntryDialog::EntryDialog(Notebook *notebook, const QString &experiment, QWidget *parent)
    : QDialog(parent)
    , m_notebook(notebook)
    , m_key(QUuid::createUuid().toString(QUuid::WithoutBraces))
    , m_experiment(experiment) {
    buildEditorWindow();
    // Queued: the notebook says "changed" in the middle of this window's own saves, before it
    // knows which version it just wrote.
    connect(notebook, &Notebook::changed, this, &EntryDialog::checkForNewerVersion,
            Qt::QueuedConnection);
}

EntryDialog::~EntryDialog() {
    delete m_imageDir;
}

void EntryDialog::buildEditorWindow() {
    setObjectName(QStringLiteral("entryDialog"));
    setWindowFlag(Qt::WindowMaximizeButtonHint);
    setSizeGripEnabled(true);
    resize(920, 720);

    auto *layout = new QVBoxLayout(this);
    layout->setSpacing(8);
    m_heading = makeHeading(QString(), this);
    m_heading->setObjectName(QStringLiteral("heading"));
    m_heading->setTextFormat(Qt::PlainText);
    layout->addWidget(m_heading);
    m_subheading = makeHint(QString(), this);
    m_subheading->setObjectName(QStringLiteral("subheading"));
    m_subheading->setTextFormat(Qt::PlainText);
    layout->addWidget(m_subheading);

    m_recoveredNotice = makeNotice(QStringLiteral("recoveredNotice"), this);
    m_newerNotice = makeNotice(QStringLiteral("newerVersionNotice"), this);
    m_amendNotice = makeNotice(QStringLiteral("amendmentNotice"), this);
    m_imageNotice = makeNotice(QStringLiteral("imageNotice"), this);
    for (QLabel *notice : {m_recoveredNotice, m_newerNotice, m_amendNotice, m_imageNotice})
        layout->addWidget(notice);
    m_filesNotice = makeNotice(QStringLiteral("filesNotice"), this);
    layout->addWidget(m_filesNotice);

    auto *form = new QFormLayout;
    form->setFieldGrowthPolicy(QFormLayout::ExpandingFieldsGrow);
    m_title = new QLineEdit(this);
    m_title->setObjectName(QStringLiteral("titleEdit"));
    m_title->setPlaceholderText(tr("e.g. Calibration of the pH meter"));
    form->addRow(tr("&Title:"), m_title);
    layout->addLayout(form);

    m_editor = new EntryEditor(this);
    m_editor->setObjectName(QStringLiteral("entryEditor"));
    m_editor->setNotebook(m_notebook);
    m_editor->setAttachmentStore([this](const QString &name, const QString &, QByteArray bytes) {
        return storeImage(name, bytes);
    });
    layout->addWidget(m_editor, 1);

    m_reasonRow = new QWidget(this);
    auto *reasonLayout = new QHBoxLayout(m_reasonRow);
    reasonLayout->setContentsMargins(0, 0, 0, 0);
    m_reasonLabel = new QLabel(tr("&Why are you changing this entry?"), m_reasonRow);
    m_reason = new QLineEdit(m_reasonRow);
    m_reason->setObjectName(QStringLiteral("reasonEdit"));
    m_reason->setPlaceholderText(tr("e.g. corrected the buffer volume"));
    m_reasonLabel->setBuddy(m_reason);
    reasonLayout->addWidget(m_reasonLabel);
    reasonLayout->addWidget(m_reason, 1);
    m_reasonRow->hide();
    layout->addWidget(m_reasonRow);

    m_error = makeErrorLabel(this);
    layout->addWidget(m_error);

    auto *bottom = new QHBoxLayout;
    m_status = makeHint(QString(), this);
    m_status->setObjectName(QStringLiteral("statusLabel"));
    m_status->setTextFormat(Qt::PlainText);
    bottom->addWidget(m_status, 1);
    // Issue 17: an entry template (a table of fields, a checklist) goes in at the cursor.
    auto *insertTemplate = new QPushButton(tr("Insert &template…"), this);
    insertTemplate->setObjectName(QStringLiteral("insertTemplateButton"));
    insertTemplate->setToolTip(tr("Insert one of the notebook's entry templates where the "
                                  "cursor is"));
    insertTemplate->setAutoDefault(false);
    bottom->addWidget(insertTemplate);
    connect(insertTemplate, &QPushButton::clicked, this, [this] {
        auto *picker = new TemplatePickerDialog(m_notebook, QStringLiteral("entry"), this);
        connect(picker, &QDialog::finished, picker, &QObject::deleteLater);
        connect(picker, &TemplatePickerDialog::submitted, this, [this, picker] {
            if (!picker->html().isEmpty()) m_editor->insertHtml(picker->html());
            picker->accept();
        });
        picker->open();
    });
    m_save = new QPushButton(tr("&Save version"), this);
    m_save->setObjectName(QStringLiteral("saveButton"));
    m_save->setToolTip(
        tr("Records the text as a new version with your name and the time "
           "(%1)")
            .arg(QKeySequence(QKeySequence::Save).toString(QKeySequence::NativeText)));
    m_close = new QPushButton(tr("Close"), this);
    m_close->setObjectName(QStringLiteral("closeButton"));
    // Shown as the main button, but Return belongs to the text being typed (keyPressEvent).
    for (QPushButton *button : {m_save, m_close})
        button->setAutoDefault(false);
    m_save->setDefault(true);
    bottom->addWidget(m_save);
    bottom->addWidget(m_close);
    layout->addLayout(bottom);

    auto *saveShortcut = new QShortcut(QKeySequence::Save, this);
    saveShortcut->setContext(Qt::WindowShortcut);
    connect(saveShortcut, &QShortcut::activated, this, &EntryDialog::saveVersion);
    connect(m_save, &QPushButton::clicked, this, &EntryDialog::saveVersion);
    connect(m_close, &QPushButton::clicked, this, &EntryDialog::closeAsking);
    connect(m_title, &QLineEdit::textEdited, this, [this] {
        scheduleDraft();
        updateHeading();
    });
    connect(m_title, &QLineEdit::returnPressed, m_editor, [this] { m_editor->setFocus(); });
    connect(m_reason, &QLineEdit::returnPressed, this, &EntryDialog::saveVersion);
    connect(m_reason, &QLineEdit::textEdited, this, [this] { hideError(m_error); });
    connect(m_editor, &EntryEditor::contentChanged, this, &EntryDialog::pageChanged);

    m_draftTimer.setSingleShot(true);
    m_draftTimer.setInterval(kDraftDelayMs);
    connect(&m_draftTimer, &QTimer::timeout, this, &EntryDialog::writeDraftSoon);
    m_freeTimer.setInterval(250);
    connect(&m_freeTimer, &QTimer::timeout, this, [this] {
        if (notebookBusy()) return;
        m_freeTimer.stop();
        const auto work = std::exchange(m_whenFree, {});
        for (const auto &w : work)
            w();
    });
}

EntryDialog *EntryDialog::newEntry(Notebook *notebook, const QString &experiment, QWidget *parent) {
    if (!notebook) return nullptr;
    auto *dialog = new EntryDialog(notebook, experiment, parent);
    dialog->updateHeading();
    dialog->updateReasonRow();
    dialog->m_title->setFocus();
    return dialog;
}

EntryDialog *EntryDialog::editEntry(Notebook *notebook, const QString &entryUuid, QWidget *parent,
                                    QString *problem) {
    if (!notebook) return nullptr;
    if (parent) {
        // One window per entry: two would overwrite each other's draft.
        for (EntryDialog *open : parent->findChildren<EntryDialog *>())
            if (!open->m_closing && open->m_entry == entryUuid) return open;
    }
    auto *dialog = new EntryDialog(notebook, QString(), parent);
    QString why;
    if (!dialog->loadEntry(entryUuid, &why)) {
        delete dialog;
        if (problem) *problem = why;
        return nullptr;
    }
    if (auto drafts = notebook->drafts()) {
        for (const Draft &draft : *drafts)
            if (draft.key == entryUuid) dialog->applyDraft(draft, false);
    } else {
        qCWarning(lcEntryDialog, "drafts could not be read: %s", qPrintable(drafts.error()));
    }
    dialog->updateHeading();
    dialog->updateReasonRow();
    dialog->checkForNewerVersion();
    dialog->m_editor->setFocus();
    return dialog;
}

QList<EntryDialog *> EntryDialog::recoverDrafts(Notebook *notebook, QWidget *parent) {
    QList<EntryDialog *> out;
    if (!notebook) return out;
    auto drafts = notebook->drafts();
    if (!drafts) {
        qCWarning(lcEntryDialog, "drafts could not be read: %s", qPrintable(drafts.error()));
        return out;
    }
    const QList<EntryDialog *> open =
        parent ? parent->findChildren<EntryDialog *>() : QList<EntryDialog *>();
    for (const Draft &draft : *drafts) {
        if (std::any_of(open.begin(), open.end(),
                        [&draft](EntryDialog *d) { return d->m_key == draft.key; }))
            continue;
        auto *dialog = new EntryDialog(notebook, draft.experiment, parent);
        dialog->m_key = draft.key;
        QString why;
        if (!draft.entry.isEmpty() && !dialog->loadEntry(draft.entry, &why)) {
            // The text is still worth having: it can become an entry of its own.
            dialog->showNotice(dialog->m_newerNotice,
                               tr("The entry this text was written for cannot be changed any "
                                  "more: %1 Saving adds the text as a new entry.")
                                   .arg(why));
        }
        dialog->applyDraft(draft, true);
        dialog->updateHeading();
        dialog->updateReasonRow();
        dialog->checkForNewerVersion();
        // Into the text: a title that has focus when the window opens is selected, and the
        // first key typed would replace it.
        dialog->m_editor->setFocus();
        out << dialog;
    }
    return out;
}

bool EntryDialog::loadEntry(const QString &entryUuid, QString *problem) {
    auto e = m_notebook->entry(entryUuid);
    if (!e) {
        *problem = asSentence(e.error());
        return false;
    }
    if (e->author != m_notebook->me().uuid) {
        *problem = tr("Only the entry's author can change it; others can comment on it.");
        return false;
    }
    if (e->status == QLatin1String("void")) {
        *problem = tr("The entry “%1” was voided and cannot be changed.").arg(e->title);
        return false;
    }
    m_entry = entryUuid;
    m_key = entryUuid;
    m_experiment = e->experiment;
    m_base = e->recordId;
    m_baseVersion = e->version;
    m_baseTitle = e->title;
    m_signed = e->signedByAuthor;
    m_title->setText(e->title);
    m_editor->setHtml(e->html);
    m_latestHtml = e->html;
    m_savedHtml = e->html;
    return true;
}

void EntryDialog::applyDraft(const Draft &draft, bool recovered) {
    m_title->setText(draft.title);
    m_editor->setHtml(draft.html);
    m_latestHtml = draft.html;
    if (!m_entry.isEmpty()) m_base = draft.base;
    m_hasDraft = true;
    m_recovered = recovered;
    if (m_notebook)
        for (const QString &id : draft.attachments)
            if (auto a = m_notebook->attachment(id)) addFileToNextVersion(id, a->name);
    showNotice(m_recoveredNotice, tr("Recovered text you had not saved (from %1). Save a version "
                                     "to record it in the notebook.")
                                      .arg(EntryPageRenderer::localTime(draft.savedAt)));
}

QString EntryDialog::experimentTitle() const {
    if (!m_notebook) return {};
    auto x = m_notebook->experiment(m_experiment);
    return x ? x->title : QString();
}

void EntryDialog::updateHeading() {
    const QString experiment = experimentTitle();
    if (m_entry.isEmpty()) {
        setWindowTitle(tr("New entry"));
        m_heading->setText(experiment.isEmpty() ? tr("New entry")
                                                : tr("New entry in “%1”").arg(experiment));
        m_subheading->setText(tr("Saving records this version with your name and the time. "
                                 "While you write, your text is kept every few seconds as an "
                                 "encrypted draft on this computer."));
    } else {
        const QString title = this->title().isEmpty() ? m_baseTitle : this->title();
        setWindowTitle(tr("Edit entry"));
        m_heading->setText(tr("Edit “%1”").arg(title));
        m_subheading->setText(tr("In “%1”, version %2. Saving records the next version with your "
                                 "name, the time and your reason; every earlier version stays in "
                                 "the history.")
                                  .arg(experiment)
                                  .arg(m_baseVersion));
    }
}

void EntryDialog::updateReasonRow() {
    m_reasonRow->setVisible(needsReason());
    if (m_signed && !m_entry.isEmpty()) {
        showNotice(m_amendNotice,
                   tr("You signed version %1 of this entry. A change is saved as an amendment: "
                      "the entry is shown as changed after signing, and your signature stays with "
                      "the version you signed. Say below why you are changing it.")
                       .arg(m_baseVersion));
    } else {
        m_amendNotice->hide();
    }
}

void EntryDialog::showNotice(QLabel *notice, const QString &text) {
    notice->setText(text);
    notice->show();
}

void EntryDialog::showStatus(const QString &text) {
    m_status->setText(text);
}

void EntryDialog::checkForNewerVersion() {
    if (m_entry.isEmpty() || !m_notebook) return;
    if (notebookBusy()) {
        // A sync is the likeliest bringer of a newer version: look once it is done.
        if (!m_checkPending) {
            m_checkPending = true;
            whenNotebookFree([this] {
                m_checkPending = false;
                checkForNewerVersion();
            });
        }
        return;
    }
    auto head = m_notebook->entry(m_entry);
    if (!head) return;
    if (head->signedByAuthor != m_signed || head->version != m_baseVersion) {
        m_signed = head->signedByAuthor;
        m_baseVersion = head->version;
        updateReasonRow();
        updateHeading();
    }
    if (head->recordId == m_base || m_base.isEmpty()) {
        m_newerNotice->hide();
        return;
    }
    showNotice(m_newerNotice,
               tr("This entry changed after your text was started: version %1 was saved by %2 "
                  "on %3, and your text does not include that change. Saving makes your text "
                  "version %4; version %1 stays in the history.")
                   .arg(head->version)
                   .arg(head->authorName, EntryPageRenderer::localTime(head->recordedAt))
                   .arg(head->version + 1));
}

bool EntryDialog::hasUnsavedChanges() const {
    // By content: a change the page reports after the save that took it in is no change.
    return title() != m_baseTitle || m_latestHtml != m_savedHtml ||
           m_editor->changeCount() != m_knownChanges || !m_addedFiles.isEmpty();
}

void EntryDialog::fetchText(std::function<void()> then) {
    const quint64 asked = m_editor->changeCount();
    m_editor->requestHtml([guard = QPointer(this), asked, then](const QString &html) {
        if (!guard) return;
        // Answers come in the order asked, each with every change made before it was asked.
        guard->m_latestHtml = html;
        guard->m_knownChanges = asked;
        if (then) then();
    });
}

void EntryDialog::pageChanged() {
    // The text is kept current, so that a window closed in a hurry (a lock) can still write it.
    fetchText([this] {
        if (hasUnsavedChanges()) scheduleDraft();
    });
}

void EntryDialog::scheduleDraft() {
    // Not restarted by each change: someone typing without pause still gets a draft every few
    // seconds.
    if (!m_draftTimer.isActive()) m_draftTimer.start();
}

void EntryDialog::writeDraftSoon() {
    if (!m_notebook || m_closing) return;
    if (m_saving) {
        // The save under way may leave nothing to keep; look again afterwards.
        m_draftTimer.start();
        return;
    }
    fetchText([guard = QPointer(this)] {
        guard->whenNotebookFree([guard] {
            if (guard && !guard->m_saving && !guard->m_closing && guard->hasUnsavedChanges())
                guard->storeDraft();
        });
    });
}

bool EntryDialog::storeDraft() {
    if (!m_notebook) return false;
    Draft draft;
    draft.key = m_key;
    draft.entry = m_entry;
    draft.experiment = m_experiment;
    draft.base = m_base;
    draft.title = title();
    draft.html = m_latestHtml;
    draft.attachments = m_addedFiles;
    if (auto r = m_notebook->saveDraft(draft); !r) {
        showError(m_error,
                  tr("Your text could not be kept as a draft: %1").arg(asSentence(r.error())));
        return false;
    }
    m_hasDraft = true;
    showStatus(tr("Draft kept at %1, not yet saved as a version").arg(clockTime()));
    emit draftKept();
    return true;
}

void EntryDialog::whenNotebookFree(std::function<void()> work) {
    if (m_whenFree.isEmpty() && !notebookBusy()) {
        work();
        return;
    }
    m_whenFree.append(std::move(work));
    if (!m_freeTimer.isActive()) m_freeTimer.start();
}

void EntryDialog::saveVersion() {
    if (m_saving) return;
    hideError(m_error);
    if (!m_notebook) {
        showError(m_error, tr("The notebook is locked. Unlock it to save; your text is kept as "
                              "a draft."));
        return;
    }
    const QString title = this->title();
    if (title.isEmpty()) {
        showError(m_error, tr("Nothing was saved: the entry needs a title."));
        m_title->setFocus();
        return;
    }
    const bool needsReason = this->needsReason();
    const QString reason = needsReason ? m_reason->text().trimmed() : QString();
    if (needsReason && reason.isEmpty()) {
        showError(m_error,
                  m_signed ? tr("Nothing was saved: this entry is signed, so a change is an "
                                "amendment and needs a reason. Write in the field above why you "
                                "are changing it, then save again.")
                           : tr("Nothing was saved: a change to an entry needs a reason. Write "
                                "in the field above why you are changing it, then save again."));
        m_reason->setFocus();
        return;
    }
    m_saving = true;
    m_save->setEnabled(false);
    showStatus(tr("Saving…"));
    fetchText([guard = QPointer(this), title, reason] {
        if (guard->notebookBusy())
            guard->showStatus(tr("Waiting for the notebook to finish another task…"));
        guard->whenNotebookFree([guard, title, reason, html = guard->m_latestHtml] {
            if (guard) guard->commit(title, html, reason);
        });
    });
}

void EntryDialog::commit(const QString &title, const QString &html, const QString &reason) {
    m_saving = false;
    m_save->setEnabled(true);
    if (!m_notebook) {
        m_closeAfterSave = false;
        showStatus(QString());
        showError(m_error, tr("The notebook was locked before the version was saved."));
        return;
    }
    QString problem;
    // Images added while writing are attachment records already; this one version names them.
    const QStringList attachments = attachmentsToName(html);
    if (m_entry.isEmpty()) {
        auto added = m_notebook->addEntry(m_experiment, title, html, attachments);
        if (added)
            m_entry = *added;
        else
            problem = added.error();
    } else if (auto edited = m_notebook->editEntry(m_entry, title, html, reason, attachments);
               !edited) {
        problem = edited.error();
    }
    if (!problem.isEmpty()) {
        m_closeAfterSave = false;
        showStatus(QString());
        showError(m_error, tr("Not saved: %1").arg(asSentence(problem)));
        return;
    }

    m_savedHtml = html;
    // What was written is in the notebook now; the draft of it is not needed any more.
    if (auto r = m_notebook->discardDraft(m_key); !r)
        qCWarning(lcEntryDialog, "a saved entry's draft stayed: %s", qPrintable(r.error()));
    m_key = m_entry;
    m_hasDraft = false;
    m_recovered = false;
    if (auto head = m_notebook->entry(m_entry)) {
        m_base = head->recordId;
        m_baseVersion = head->version;
        m_baseTitle = head->title;
        m_signed = head->signedByAuthor;
    } else {
        m_baseTitle = title;
    }
    const bool more = hasUnsavedChanges(); // typed while the save ran
    if (!more) m_editor->setModified(false);
    m_reason->clear();
    m_addedFiles.clear();
    m_addedNames.clear();
    for (QLabel *notice : {m_recoveredNotice, m_newerNotice, m_imageNotice, m_filesNotice})
        notice->hide();
    updateHeading();
    updateReasonRow();
    showStatus(tr("Version %1 saved at %2").arg(m_baseVersion).arg(clockTime()));
    emit saved(m_entry);
    if (m_closeAfterSave) {
        m_closeAfterSave = false;
        m_closing = true;
        QDialog::accept();
        return;
    }
    if (more) scheduleDraft();
}

bool EntryDialog::closeIfNothingUnsaved() {
    if (hasUnsavedChanges()) return false;
    m_closing = true;
    m_draftTimer.stop();
    QDialog::reject();
    return true;
}

bool EntryDialog::needsReason() const {
    return !m_entry.isEmpty();
}

void EntryDialog::closeAsking() {
    if (m_saving || m_closing || closeIfNothingUnsaved()) return;
    // Leaving an entry saves it, when it can be saved as it stands.
    const bool titleMissing = title().isEmpty();
    const bool reasonMissing = needsReason() && m_reason->text().trimmed().isEmpty();
    if (!titleMissing && !reasonMissing && m_notebook) {
        finishClose(CloseSave);
        return;
    }
    auto *box = new QMessageBox(this);
    box->setObjectName(QStringLiteral("unsavedQuestion"));
    box->setAttribute(Qt::WA_DeleteOnClose);
    box->setIcon(QMessageBox::Question);
    box->setWindowTitle(tr("Unsaved changes"));
    box->setTextFormat(Qt::PlainText);
    box->setText(titleMissing
                     ? tr("This entry has changes that are not saved as a version.")
                     : tr("“%1” has changes that are not saved as a version.").arg(title()));
    const QString missing =
        titleMissing ? tr("To save it, give the entry a title.")
                     : tr("A change to an entry is saved with the reason for it: write the "
                          "reason in the field at the bottom to save it.");
    box->setInformativeText(
        missing + QLatin1Char(' ') +
        (m_entry.isEmpty()
             ? tr("“Keep as draft” keeps your text encrypted on this computer only; it opens "
                  "again the next time you unlock the notebook.")
             : tr("“Keep as draft” keeps your text encrypted on this computer only; it opens "
                  "again when you next edit this entry or unlock the notebook.")));
    QPushButton *back = box->addButton(titleMissing ? tr("Add a title") : tr("Write the reason"),
                                       QMessageBox::RejectRole);
    back->setObjectName(QStringLiteral("cancelChoice"));
    QPushButton *keep = box->addButton(tr("Keep as draft"), QMessageBox::ActionRole);
    keep->setObjectName(QStringLiteral("keepChoice"));
    QPushButton *discard = box->addButton(tr("Discard changes"), QMessageBox::DestructiveRole);
    discard->setObjectName(QStringLiteral("discardChoice"));
    box->setDefaultButton(back);
    box->setEscapeButton(back);
    connect(box, &QMessageBox::buttonClicked, this,
            [this, back, keep, discard, titleMissing](QAbstractButton *clicked) {
                if (clicked == keep)
                    finishClose(CloseKeep);
                else if (clicked == discard)
                    finishClose(CloseDiscard);
                else if (clicked == back)
                    (titleMissing ? m_title : m_reason)->setFocus();
            });
    box->open();
}

void EntryDialog::finishClose(int choice) {
    switch (choice) {
    case CloseSave:
        m_closeAfterSave = true;
        saveVersion();
        if (!m_saving) m_closeAfterSave = false;
        break;
    case CloseKeep:
        m_closing = true;
        m_draftTimer.stop();
        fetchText([guard = QPointer(this)] {
            guard->whenNotebookFree([guard] {
                if (!guard) return;
                if (guard->storeDraft())
                    guard->QDialog::reject();
                else
                    guard->m_closing = false;
            });
        });
        break;
    case CloseDiscard:
        m_closing = true;
        m_draftTimer.stop();
        whenNotebookFree([guard = QPointer(this)] {
            if (!guard) return;
            if (guard->m_notebook) {
                if (auto r = guard->m_notebook->discardDraft(guard->m_key); !r) {
                    guard->m_closing = false;
                    showError(guard->m_error,
                              tr("The draft could not be removed: %1").arg(asSentence(r.error())));
                    return;
                }
            }
            guard->m_hasDraft = false;
            guard->QDialog::reject();
        });
        break;
    default:
        break;
    }
}

void EntryDialog::keepAsDraftAndClose() {
    if (m_saving || m_closing || closeIfNothingUnsaved()) return;
    finishClose(CloseKeep);
}

void EntryDialog::reject() {
    // Asked for by the main window (a lock) or the window system: no question, and nothing
    // typed is lost.
    if (!m_closing && m_notebook && hasUnsavedChanges()) {
        m_closing = true;
        if (notebookBusy()) {
            Draft draft{m_key,   m_entry,      m_experiment, m_base,
                        title(), m_latestHtml, {},           m_addedFiles};
            keepDraftWhenFree(m_notebook, m_busy, draft);
        } else {
            storeDraft();
        }
    }
    m_closing = true;
    m_draftTimer.stop();
    m_freeTimer.stop();
    m_whenFree.clear();
    QDialog::reject();
}

void EntryDialog::closeEvent(QCloseEvent *event) {
    if (m_closing || !hasUnsavedChanges() || !m_notebook) {
        QDialog::closeEvent(event);
        return;
    }
    // Closed from the title bar: as the Close button, leaving saves the entry when it can.
    event->ignore();
    closeAsking();
}

void EntryDialog::keyPressEvent(QKeyEvent *event) {
    // The editor's page takes the shortcut's key first and hands back what it does not use,
    // as a plain key press.
    if (event->matches(QKeySequence::Save)) {
        event->accept();
        saveVersion();
        return;
    }
    // Escape leaves a writing window open: it also ends questions inside the page, and a
    // stray press should not close the text. Return in the title or the reason field is not
    // "save" (the reason field saves on Return itself).
    if (event->key() == Qt::Key_Escape || event->key() == Qt::Key_Return ||
        event->key() == Qt::Key_Enter) {
        event->accept();
        return;
    }
    QDialog::keyPressEvent(event);
}

QString EntryDialog::storeImage(const QString &name, const QByteArray &bytes) {
    if (!m_notebook) return {};
    hideError(m_error);
    if (notebookBusy()) {
        showNotice(m_imageNotice, tr("The notebook is busy with another task; add the image "
                                     "again in a moment."));
        return {};
    }
    // The notebook takes files; the bytes are on disk, in a folder only this user can read,
    // just until they are stored.
    if (!m_imageDir) m_imageDir = new QTemporaryDir;
    if (!m_imageDir->isValid()) return {};
    const QString path = m_imageDir->filePath(name);
    QFile file(path);
    if (!file.open(QIODevice::WriteOnly) || file.write(bytes) != bytes.size()) {
        showError(m_error, tr("The image could not be added: %1").arg(file.errorString()));
        QFile::remove(path);
        return {};
    }
    file.close();
    // An attachment record of its own, written now: no version of the entry is saved until
    // the person saves, and then one version names the image with the text. If the text is
    // never saved, the record stays, named by no entry (nothing is deleted).
    auto id = m_notebook->storeFile(path);
    QFile::remove(path);
    if (!id) {
        showError(m_error, tr("The image could not be added: %1").arg(asSentence(id.error())));
        return {};
    }
    m_imageNotice->hide();
    return *id;
}

QStringList EntryDialog::attachmentsToName(const QString &html) const {
    QStringList ids;
    if (!m_notebook) return ids;
    for (const QString &id : Notebook::attachmentsShownIn(html))
        // An image copied from another notebook's text is not this notebook's to name.
        if (m_notebook->attachment(id)) ids << id;
    for (const QString &id : m_addedFiles)
        if (!ids.contains(id)) ids << id;
    return ids;
}

void EntryDialog::addFileToNextVersion(const QString &id, const QString &name) {
    if (m_addedFiles.contains(id)) return;
    m_addedFiles << id;
    m_addedNames << name;
    QStringList quoted;
    for (const QString &n : std::as_const(m_addedNames))
        quoted << tr("“%1”").arg(n);
    showNotice(m_filesNotice, tr("%n files will be saved with this entry's next version: %1",
                                 nullptr, int(quoted.size()))
                                  .arg(QLocale().createSeparatedList(quoted)));
    scheduleDraft();
}

} // namespace quire::widgets
