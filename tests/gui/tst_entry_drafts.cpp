// Writes entries in the entry window as a person would — real key events into the rich editor,
// clicks on its buttons — over a real vault: a new entry, an edit that needs a reason (and an
// amendment of a signed version), drafts kept while typing, a window closed with unsaved text,
// and a real crash: a child process typing into the window is killed with SIGKILL, and the text
// comes back from the vault. Saves a screenshot at each main step.

#include "editor/EntryDialog.h"
#include "editor/EntryEditor.h"
#include "GuiDriver.h"
#include "GuiTestMain.h"
#include "Notebook.h"

#include <QApplication>
#include <QClipboard>
#include <QDir>
#include <QFile>
#include <QLabel>
#include <QLineEdit>
#include <QMessageBox>
#include <QPainter>
#include <QPointer>
#include <QPushButton>
#include <QScreen>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>
#include <QWebEnginePage>
#include <QWebEngineView>

#include <memory>

using namespace quire;
using namespace quire::widgets;

namespace {

const QByteArray kPassphrase = "correct horse battery staple";

} // namespace

class EntryDraftsTest : public QObject {
    Q_OBJECT

private slots:
    void initTestCase();
    void newEntrySavesTheEditorsHtmlAndLeavesNoDraft();
    void editNeedsAReasonAndASignedEntryIsAnAmendment();
    void typingIsKeptAsADraftWithoutSaving();
    void noDraftIsWrittenWhileAWorkerUsesTheNotebook();
    void leavingAnEntrySavesItOrAsksWhatIsMissing();
    void closingFromTheTitleBarSavesAndLockingKeepsTheText();
    void textTypedBeforeACrashIsRecoveredAndSaved();
    void recoveredDraftSaysTheEntryChangedSince();
    void imagePastedIntoANewEntryIsSavedWithItAsOneVersion();
    void cleanup();
    void cleanupTestCase();

private:
    // A shown entry window whose editor page is ready.
    EntryDialog *showDialog(EntryDialog *dialog);
    void clickIntoText(EntryDialog *dialog);
    void type(EntryDialog *dialog, const QString &text);
    void key(EntryDialog *dialog, Qt::Key key, Qt::KeyboardModifiers modifiers = Qt::NoModifier);
    QString html(EntryDialog *dialog);
    QVariant js(EntryDialog *dialog, const QString &script);
    QString waitForHtml(EntryDialog *dialog, const std::function<bool(const QString &)> &ok);
    // The draft kept under `key`, once it satisfies `ok` (an empty key means: none).
    Draft waitForDraft(const QString &key, const std::function<bool(const Draft &)> &ok,
                       int timeoutMs = EntryDialog::kDraftDelayMs + 10000);
    std::optional<Draft> draft(const QString &key);
    QString visibleNotice(EntryDialog *dialog, const QString &name);
    void screenshot(const QString &name, QWidget *window, QWidget *extra = nullptr);

    QTemporaryDir m_dir;
    QString m_vault;
    quire::test::Screenshots m_shots{QStringLiteral("drafts")};
    std::unique_ptr<Notebook> m_notebook;
    QString m_experiment;
    QList<QPointer<EntryDialog>> m_dialogs;
};

void EntryDraftsTest::initTestCase() {
    QVERIFY(m_dir.isValid());
    m_vault = m_dir.filePath(QStringLiteral("vault"));
    auto created = Notebook::create(m_vault,
                                    NotebookSpec{QStringLiteral("Bench notebook"),
                                                 QStringLiteral("Ada Researcher"),
                                                 QStringLiteral("ada@lab.example")},
                                    kPassphrase);
    QVERIFY2(created, qPrintable(created.error()));
    m_notebook = std::move(created.value());
    auto experiment =
        m_notebook->createExperiment(QStringLiteral("Buffer series"), QStringLiteral("Tris"), {});
    QVERIFY2(experiment, qPrintable(experiment.error()));
    m_experiment = *experiment;
}

void EntryDraftsTest::cleanup() {
    if (!m_notebook) {
        // The crash test failed while the child held the vault.
        auto opened = Notebook::open(m_vault, kPassphrase);
        QVERIFY2(opened, qPrintable(opened.error()));
        m_notebook = std::move(opened.value());
    }
    for (const auto &dialog : std::exchange(m_dialogs, {}))
        delete dialog.data();
    // Each test starts with no drafts, so what it finds is its own.
    if (m_notebook) {
        auto drafts = m_notebook->drafts();
        QVERIFY(drafts);
        for (const Draft &d : *drafts)
            QVERIFY(m_notebook->discardDraft(d.key));
    }
}

void EntryDraftsTest::cleanupTestCase() {
    cleanup();
    m_notebook.reset();
}

EntryDialog *EntryDraftsTest::showDialog(EntryDialog *dialog) {
    if (!dialog) return nullptr;
    m_dialogs << dialog;
    dialog->move(0, 0);
    dialog->show();
    if (!QTest::qWaitForWindowExposed(dialog)) return nullptr;
    QSignalSpy ready(dialog->editor(), &EntryEditor::ready);
    if (!dialog->editor()->isReady() && !ready.wait(30000)) return nullptr;
    // The text given before the page was ready is in place once a request made now is answered.
    if (html(dialog) == QStringLiteral("<timeout>")) return nullptr;
    return dialog;
}

void EntryDraftsTest::clickIntoText(EntryDialog *dialog) {
    quire::test::clickIntoText(dialog->editor());
}

void EntryDraftsTest::type(EntryDialog *dialog, const QString &text) {
    quire::test::typeText(dialog->editor(), text);
}

void EntryDraftsTest::key(EntryDialog *dialog, Qt::Key key, Qt::KeyboardModifiers modifiers) {
    quire::test::pressKey(dialog->editor(), key, modifiers);
}

QString EntryDraftsTest::html(EntryDialog *dialog) {
    return quire::test::editorHtml(dialog->editor());
}

QVariant EntryDraftsTest::js(EntryDialog *dialog, const QString &script) {
    return quire::test::runScript(dialog->editor()->view(), script);
}

QString EntryDraftsTest::waitForHtml(EntryDialog *dialog,
                                     const std::function<bool(const QString &)> &ok) {
    QString last;
    (void)QTest::qWaitFor(
        [&] {
            last = html(dialog);
            return ok(last);
        },
        10000);
    return last;
}

std::optional<Draft> EntryDraftsTest::draft(const QString &key) {
    auto drafts = m_notebook->drafts();
    if (!drafts) return std::nullopt;
    for (const Draft &d : *drafts)
        if (d.key == key) return d;
    return std::nullopt;
}

Draft EntryDraftsTest::waitForDraft(const QString &key,
                                    const std::function<bool(const Draft &)> &ok, int timeoutMs) {
    Draft last;
    (void)QTest::qWaitFor(
        [&] {
            auto d = draft(key);
            if (!d) return false;
            last = *d;
            return ok(last);
        },
        timeoutMs);
    return last;
}

QString EntryDraftsTest::visibleNotice(EntryDialog *dialog, const QString &name) {
    auto *label = dialog->findChild<QLabel *>(name);
    return label && label->isVisible() ? label->text() : QString();
}

void EntryDraftsTest::screenshot(const QString &name, QWidget *window, QWidget *extra) {
    QVERIFY2(!m_shots.take(window, name, extra).isEmpty(), qPrintable(name));
}

void EntryDraftsTest::newEntrySavesTheEditorsHtmlAndLeavesNoDraft() {
    EntryDialog *dialog =
        showDialog(EntryDialog::newEntry(m_notebook.get(), m_experiment, nullptr));
    QVERIFY(dialog);
    QCOMPARE(dialog->windowTitle(), QStringLiteral("New entry"));
    QVERIFY(!dialog->findChild<QWidget *>(QStringLiteral("reasonEdit"))->isVisible());
    QVERIFY(!dialog->hasUnsavedChanges());

    QTest::keyClicks(dialog->findChild<QLineEdit *>(QStringLiteral("titleEdit")),
                     QStringLiteral("Buffer preparation"));
    clickIntoText(dialog);
    type(dialog, QStringLiteral("Dissolve "));
    key(dialog, Qt::Key_B, Qt::ControlModifier);
    type(dialog, QStringLiteral("12.1 g"));
    key(dialog, Qt::Key_B, Qt::ControlModifier);
    type(dialog, QStringLiteral(" Tris in 800 mL water."));
    key(dialog, Qt::Key_Return);
    type(dialog, QStringLiteral("- Adjust pH to 8.0"));
    key(dialog, Qt::Key_Return);
    type(dialog, QStringLiteral("Fill to 1 L"));
    const QString expected =
        QStringLiteral("<p>Dissolve <strong>12.1 g</strong> Tris in 800 mL water.</p>"
                       "<ul><li><p>Adjust pH to 8.0</p></li><li><p>Fill to 1 L</p></li></ul>");
    QCOMPARE(waitForHtml(dialog, [&](const QString &h) { return h == expected; }), expected);
    QVERIFY(dialog->hasUnsavedChanges());
    screenshot(QStringLiteral("new-entry-typed"), dialog);

    // Ctrl+S while the cursor is in the text.
    QSignalSpy saved(dialog, &EntryDialog::saved);
    key(dialog, Qt::Key_S, Qt::ControlModifier);
    QTRY_COMPARE_WITH_TIMEOUT(saved.count(), 1, 10000);
    const QString uuid = saved.first().first().toString();
    QCOMPARE(dialog->entryUuid(), uuid);
    auto entry = m_notebook->entry(uuid);
    QVERIFY2(entry, qPrintable(entry.error()));
    QCOMPARE(entry->title, QStringLiteral("Buffer preparation"));
    QCOMPARE(entry->html, expected);
    QCOMPARE(entry->version, 1);
    QCOMPARE(entry->experiment, m_experiment);
    QVERIFY(!dialog->hasUnsavedChanges());
    auto *status = dialog->findChild<QLabel *>(QStringLiteral("statusLabel"));
    QVERIFY2(status->text().startsWith(QStringLiteral("Version 1 saved at")),
             qPrintable(status->text()));
    // From now on this window edits the entry it created.
    QVERIFY(dialog->findChild<QWidget *>(QStringLiteral("reasonEdit"))->isVisible());
    screenshot(QStringLiteral("new-entry-saved"), dialog);

    // No draft now, and none appears later: the saved text is not kept twice.
    QVERIFY(m_notebook->drafts()->isEmpty());
    QTest::qWait(EntryDialog::kDraftDelayMs + 500);
    QVERIFY(m_notebook->drafts()->isEmpty());

    // Nothing unsaved: Close closes without a question.
    QTest::mouseClick(dialog->findChild<QPushButton *>(QStringLiteral("closeButton")),
                      Qt::LeftButton);
    QTRY_VERIFY(!dialog->isVisible());
    QVERIFY(!dialog->findChild<QMessageBox *>());
}

void EntryDraftsTest::editNeedsAReasonAndASignedEntryIsAnAmendment() {
    auto uuid = m_notebook->addEntry(m_experiment, QStringLiteral("pH calibration"),
                                     QStringLiteral("<p>Slope 98.7 % at 22 C.</p>"));
    QVERIFY2(uuid, qPrintable(uuid.error()));
    QString problem;
    EntryDialog *dialog =
        showDialog(EntryDialog::editEntry(m_notebook.get(), *uuid, nullptr, &problem));
    QVERIFY2(dialog, qPrintable(problem));
    auto *reason = dialog->findChild<QLineEdit *>(QStringLiteral("reasonEdit"));
    auto *error = dialog->findChild<QLabel *>(QStringLiteral("errorLabel"));
    auto *save = dialog->findChild<QPushButton *>(QStringLiteral("saveButton"));
    QVERIFY(reason->isVisible());
    QVERIFY(visibleNotice(dialog, QStringLiteral("amendmentNotice")).isEmpty());
    QCOMPARE(html(dialog), QStringLiteral("<p>Slope 98.7 % at 22 C.</p>"));

    // 22 C becomes 25 C.
    clickIntoText(dialog);
    for (int i = 0; i < 5; ++i)
        key(dialog, Qt::Key_Backspace);
    type(dialog, QStringLiteral("25 C."));
    QCOMPARE(waitForHtml(dialog,
                         [](const QString &h) {
                             return h == QStringLiteral("<p>Slope 98.7 % at 25 C.</p>");
                         }),
             QStringLiteral("<p>Slope 98.7 % at 25 C.</p>"));

    // Without a reason: refused, said why, nothing saved, the text stays.
    QTest::mouseClick(save, Qt::LeftButton);
    QTRY_VERIFY(error->isVisible());
    QVERIFY2(error->text().contains(QStringLiteral("Nothing was saved")),
             qPrintable(error->text()));
    QVERIFY2(error->text().contains(QStringLiteral("needs a reason")), qPrintable(error->text()));
    // The cursor waits in the reason field (focus within the window: Xvfb has no window manager).
    QCOMPARE(dialog->focusWidget(), reason);
    QCOMPARE(m_notebook->history(*uuid)->size(), 1);
    QCOMPARE(html(dialog), QStringLiteral("<p>Slope 98.7 % at 25 C.</p>"));
    screenshot(QStringLiteral("edit-reason-refused"), dialog);

    // With a reason (typed, then Return in the reason field): version 2.
    QSignalSpy saved(dialog, &EntryDialog::saved);
    QTest::keyClicks(reason, QStringLiteral("temperature was misread"));
    QVERIFY(!error->isVisible());
    QTest::keyClick(reason, Qt::Key_Return);
    QTRY_COMPARE_WITH_TIMEOUT(saved.count(), 1, 10000);
    auto v2 = m_notebook->entry(*uuid);
    QVERIFY(v2);
    QCOMPARE(v2->version, 2);
    QCOMPARE(v2->reason, QStringLiteral("temperature was misread"));
    QCOMPARE(v2->html, QStringLiteral("<p>Slope 98.7 % at 25 C.</p>"));
    QVERIFY(reason->text().isEmpty());
    screenshot(QStringLiteral("edit-saved-version-2"), dialog);
    QTest::mouseClick(dialog->findChild<QPushButton *>(QStringLiteral("closeButton")),
                      Qt::LeftButton);
    QTRY_VERIFY(!dialog->isVisible());

    // Signed by its author, the entry's next version is an amendment: the window says so first.
    auto signature = m_notebook->sign(*uuid, 0, QStringLiteral("authored"), kPassphrase);
    QVERIFY2(signature, qPrintable(signature.error()));
    dialog = showDialog(EntryDialog::editEntry(m_notebook.get(), *uuid, nullptr, &problem));
    QVERIFY2(dialog, qPrintable(problem));
    const QString notice = visibleNotice(dialog, QStringLiteral("amendmentNotice"));
    QVERIFY2(notice.contains(QStringLiteral("amendment")), qPrintable(notice));
    QVERIFY2(notice.contains(QStringLiteral("changed after signing")), qPrintable(notice));
    QVERIFY2(notice.contains(QStringLiteral("signature stays with the version you signed")),
             qPrintable(notice));
    reason = dialog->findChild<QLineEdit *>(QStringLiteral("reasonEdit"));
    error = dialog->findChild<QLabel *>(QStringLiteral("errorLabel"));
    clickIntoText(dialog);
    type(dialog, QStringLiteral(" Checked twice."));
    waitForHtml(dialog, [](const QString &h) { return h.contains(QStringLiteral("twice")); });
    // Ctrl+S from the text, with no reason: refused, and the refusal names the signature.
    key(dialog, Qt::Key_S, Qt::ControlModifier);
    QTRY_VERIFY(error->isVisible());
    QVERIFY2(error->text().contains(QStringLiteral("signed")), qPrintable(error->text()));
    QCOMPARE(m_notebook->history(*uuid)->size(), 2);
    screenshot(QStringLiteral("signed-entry-amendment-notice"), dialog);

    QSignalSpy amended(dialog, &EntryDialog::saved);
    QTest::keyClicks(reason, QStringLiteral("added the repeat measurement"));
    QTest::mouseClick(dialog->findChild<QPushButton *>(QStringLiteral("saveButton")),
                      Qt::LeftButton);
    QTRY_COMPARE_WITH_TIMEOUT(amended.count(), 1, 10000);
    auto v3 = m_notebook->entry(*uuid);
    QVERIFY(v3);
    QCOMPARE(v3->version, 3);
    QVERIFY(v3->changedAfterSigning);
    QCOMPARE(v3->reason, QStringLiteral("added the repeat measurement"));
    QVERIFY2(v3->html.endsWith(QStringLiteral("25 C. Checked twice.</p>")), qPrintable(v3->html));
    // The signature stays with version 2.
    auto signedVersion = m_notebook->entry(*uuid, 2);
    QVERIFY(signedVersion && signedVersion->signedByAuthor);
    QVERIFY(v3->signatures.isEmpty());
    // The new version is not signed: the notice goes.
    QVERIFY(visibleNotice(dialog, QStringLiteral("amendmentNotice")).isEmpty());
}

void EntryDraftsTest::typingIsKeptAsADraftWithoutSaving() {
    const int entriesBefore = int(m_notebook->entries(m_experiment)->size());
    EntryDialog *dialog =
        showDialog(EntryDialog::newEntry(m_notebook.get(), m_experiment, nullptr));
    QVERIFY(dialog);
    QTest::keyClicks(dialog->findChild<QLineEdit *>(QStringLiteral("titleEdit")),
                     QStringLiteral("Overnight culture"));
    clickIntoText(dialog);
    type(dialog, QStringLiteral("Inoculated 5 mL LB with colony A3."));

    // No button pressed: a few seconds later the vault holds the text.
    QSignalSpy kept(dialog, &EntryDialog::draftKept);
    const Draft d = waitForDraft(dialog->draftKey(), [](const Draft &d) {
        return d.html == QStringLiteral("<p>Inoculated 5 mL LB with colony A3.</p>");
    });
    QCOMPARE(d.html, QStringLiteral("<p>Inoculated 5 mL LB with colony A3.</p>"));
    QCOMPARE(d.title, QStringLiteral("Overnight culture"));
    QCOMPARE(d.experiment, m_experiment);
    QVERIFY(d.entry.isEmpty());
    QVERIFY(!d.savedAt.isEmpty());
    QVERIFY(kept.count() >= 1);
    auto *status = dialog->findChild<QLabel *>(QStringLiteral("statusLabel"));
    QVERIFY2(status->text().startsWith(QStringLiteral("Draft kept at")),
             qPrintable(status->text()));
    // A draft is not an entry.
    QCOMPARE(int(m_notebook->entries(m_experiment)->size()), entriesBefore);
    screenshot(QStringLiteral("draft-kept-status"), dialog);

    // More typing: the draft follows.
    key(dialog, Qt::Key_Return);
    type(dialog, QStringLiteral("Shaking at 37 C, 200 rpm."));
    const Draft later = waitForDraft(dialog->draftKey(), [](const Draft &d) {
        return d.html.contains(QStringLiteral("200 rpm"));
    });
    QCOMPARE(later.html, QStringLiteral("<p>Inoculated 5 mL LB with colony A3.</p>"
                                        "<p>Shaking at 37 C, 200 rpm.</p>"));
    QCOMPARE(m_notebook->drafts()->size(), 1);
}

void EntryDraftsTest::noDraftIsWrittenWhileAWorkerUsesTheNotebook() {
    bool busy = true;
    EntryDialog *dialog =
        showDialog(EntryDialog::newEntry(m_notebook.get(), m_experiment, nullptr));
    QVERIFY(dialog);
    dialog->setBusyCheck([&busy] { return busy; });
    QTest::keyClicks(dialog->findChild<QLineEdit *>(QStringLiteral("titleEdit")),
                     QStringLiteral("Gel run"));
    clickIntoText(dialog);
    type(dialog, QStringLiteral("Loaded 10 uL per lane."));
    QTest::qWait(EntryDialog::kDraftDelayMs + 1500);
    QVERIFY(!draft(dialog->draftKey()));
    // As soon as the worker lets go, the waiting draft is written.
    busy = false;
    const Draft d = waitForDraft(
        dialog->draftKey(),
        [](const Draft &d) { return d.html.contains(QStringLiteral("10 uL per lane")); }, 3000);
    QVERIFY2(d.html.contains(QStringLiteral("10 uL per lane")), qPrintable(d.html));
}

void EntryDraftsTest::leavingAnEntrySavesItOrAsksWhatIsMissing() {
    // A new entry without a title cannot be saved as it stands: Close asks what to do.
    EntryDialog *dialog =
        showDialog(EntryDialog::newEntry(m_notebook.get(), m_experiment, nullptr));
    QVERIFY(dialog);
    clickIntoText(dialog);
    type(dialog, QStringLiteral("Transfer 90 min at 100 V."));
    waitForHtml(dialog, [](const QString &h) { return h.contains(QStringLiteral("100 V.")); });
    QTest::mouseClick(dialog->findChild<QPushButton *>(QStringLiteral("closeButton")),
                      Qt::LeftButton);
    QPointer<QMessageBox> question;
    QTRY_VERIFY((question = dialog->findChild<QMessageBox *>(QStringLiteral("unsavedQuestion"))) &&
                question->isVisible());
    QCOMPARE(question->text(),
             QStringLiteral("This entry has changes that are not saved as a version."));
    QVERIFY2(question->informativeText().startsWith(
                 QStringLiteral("To save it, give the entry a title.")),
             qPrintable(question->informativeText()));
    auto *back = question->findChild<QPushButton *>(QStringLiteral("cancelChoice"));
    QVERIFY(back && question->findChild<QPushButton *>(QStringLiteral("keepChoice")) &&
            question->findChild<QPushButton *>(QStringLiteral("discardChoice")));
    QVERIFY(!question->findChild<QPushButton *>(QStringLiteral("saveChoice")));
    QCOMPARE(back->text(), QStringLiteral("Add a title"));
    screenshot(QStringLiteral("close-question"), dialog, question);

    // Back to the window, at the title; with one, leaving saves the entry.
    QTest::mouseClick(back, Qt::LeftButton);
    QTRY_VERIFY(!question);
    QVERIFY(dialog->isVisible());
    auto *title = dialog->findChild<QLineEdit *>(QStringLiteral("titleEdit"));
    QTRY_COMPARE(dialog->focusWidget(), title);
    QTest::keyClicks(title, QStringLiteral("Western blot"));
    QSignalSpy saved(dialog, &EntryDialog::saved);
    QTest::mouseClick(dialog->findChild<QPushButton *>(QStringLiteral("closeButton")),
                      Qt::LeftButton);
    QTRY_COMPARE_WITH_TIMEOUT(saved.count(), 1, 10000);
    QTRY_VERIFY(!dialog->isVisible());
    QVERIFY(!dialog->findChild<QMessageBox *>());
    auto entry = m_notebook->entry(saved.first().first().toString());
    QVERIFY(entry);
    QCOMPARE(entry->title, QStringLiteral("Western blot"));
    QCOMPARE(entry->html, QStringLiteral("<p>Transfer 90 min at 100 V.</p>"));
    QVERIFY(m_notebook->drafts()->isEmpty());

    // A change of a saved entry without its reason: Close asks; "Discard changes" drops the
    // draft written while typing, and the entry stays as it was.
    auto uuid = m_notebook->addEntry(m_experiment, QStringLiteral("Transfer buffer"),
                                     QStringLiteral("<p>25 mM Tris, 192 mM glycine.</p>"));
    QVERIFY(uuid);
    dialog = showDialog(EntryDialog::editEntry(m_notebook.get(), *uuid, nullptr));
    QVERIFY(dialog);
    QCOMPARE(dialog->draftKey(), *uuid);
    clickIntoText(dialog);
    type(dialog, QStringLiteral(" 20% methanol."));
    const Draft written = waitForDraft(
        *uuid, [](const Draft &d) { return d.html.contains(QStringLiteral("methanol")); });
    QCOMPARE(written.entry, *uuid);
    QCOMPARE(written.base, m_notebook->entry(*uuid)->recordId);
    QTest::mouseClick(dialog->findChild<QPushButton *>(QStringLiteral("closeButton")),
                      Qt::LeftButton);
    QTRY_VERIFY((question = dialog->findChild<QMessageBox *>(QStringLiteral("unsavedQuestion"))) &&
                question->isVisible());
    QCOMPARE(question->findChild<QPushButton *>(QStringLiteral("cancelChoice"))->text(),
             QStringLiteral("Write the reason"));
    QTest::mouseClick(question->findChild<QPushButton *>(QStringLiteral("discardChoice")),
                      Qt::LeftButton);
    QTRY_VERIFY(!dialog->isVisible());
    QVERIFY(!draft(*uuid));
    QCOMPARE(m_notebook->entry(*uuid)->version, 1);

    // Again, kept as a draft this time; it comes back through recovery, and with the reason
    // written, leaving saves it as version 2.
    dialog = showDialog(EntryDialog::editEntry(m_notebook.get(), *uuid, nullptr));
    QVERIFY(dialog);
    clickIntoText(dialog);
    type(dialog, QStringLiteral(" 10% methanol."));
    waitForHtml(dialog, [](const QString &h) { return h.contains(QStringLiteral("10%")); });
    QTest::mouseClick(dialog->findChild<QPushButton *>(QStringLiteral("closeButton")),
                      Qt::LeftButton);
    QTRY_VERIFY((question = dialog->findChild<QMessageBox *>(QStringLiteral("unsavedQuestion"))) &&
                question->isVisible());
    QTest::mouseClick(question->findChild<QPushButton *>(QStringLiteral("keepChoice")),
                      Qt::LeftButton);
    QTRY_VERIFY(!dialog->isVisible());
    auto kept = draft(*uuid);
    QVERIFY(kept);
    QCOMPARE(kept->html, QStringLiteral("<p>25 mM Tris, 192 mM glycine. 10% methanol.</p>"));

    const auto recovered = EntryDialog::recoverDrafts(m_notebook.get(), nullptr);
    QCOMPARE(recovered.size(), 1);
    dialog = showDialog(recovered.first());
    QVERIFY(dialog);
    QCOMPARE(dialog->draftKey(), *uuid);
    QCOMPARE(html(dialog), QStringLiteral("<p>25 mM Tris, 192 mM glycine. 10% methanol.</p>"));
    QTest::keyClicks(dialog->findChild<QLineEdit *>(QStringLiteral("reasonEdit")),
                     QStringLiteral("methanol was missing"));
    QSignalSpy savedAgain(dialog, &EntryDialog::saved);
    QTest::mouseClick(dialog->findChild<QPushButton *>(QStringLiteral("closeButton")),
                      Qt::LeftButton);
    QTRY_COMPARE_WITH_TIMEOUT(savedAgain.count(), 1, 10000);
    QTRY_VERIFY(!dialog->isVisible());
    entry = m_notebook->entry(*uuid);
    QCOMPARE(entry->version, 2);
    QCOMPARE(entry->reason, QStringLiteral("methanol was missing"));
    QVERIFY(m_notebook->drafts()->isEmpty());
}

void EntryDraftsTest::closingFromTheTitleBarSavesAndLockingKeepsTheText() {
    EntryDialog *dialog =
        showDialog(EntryDialog::newEntry(m_notebook.get(), m_experiment, nullptr));
    QVERIFY(dialog);
    QTest::keyClicks(dialog->findChild<QLineEdit *>(QStringLiteral("titleEdit")),
                     QStringLiteral("PCR"));
    clickIntoText(dialog);
    type(dialog, QStringLiteral("Annealing at 58 C"));
    // Closed at once, as by the title bar: no question, the entry is saved, and even the last
    // keys are in it.
    QSignalSpy saved(dialog, &EntryDialog::saved);
    QVERIFY(!dialog->close());
    QTRY_COMPARE_WITH_TIMEOUT(saved.count(), 1, 10000);
    QTRY_VERIFY(!dialog->isVisible());
    QVERIFY(!dialog->findChild<QMessageBox *>());
    auto pcr = m_notebook->entry(saved.first().first().toString());
    QVERIFY(pcr);
    QCOMPARE(pcr->html, QStringLiteral("<p>Annealing at 58 C</p>"));
    QVERIFY(!draft(dialog->draftKey()));

    // Locking the notebook closes its windows without asking and without saving (nobody may
    // be there): what the page last reported is kept as a draft, at once.
    auto uuid = m_notebook->addEntry(m_experiment, QStringLiteral("qPCR"),
                                     QStringLiteral("<p>Ct 21.3</p>"));
    QVERIFY(uuid);
    dialog = showDialog(EntryDialog::editEntry(m_notebook.get(), *uuid, nullptr));
    QVERIFY(dialog);
    clickIntoText(dialog);
    type(dialog, QStringLiteral(" and 21.5"));
    // Once the page has reported the text (a moment after typing pauses)...
    QTRY_VERIFY_WITH_TIMEOUT(dialog->html().contains(QStringLiteral("21.5")), 5000);
    QVERIFY(!draft(*uuid));
    dialog->reject();
    QVERIFY(!dialog->isVisible());
    auto locked = draft(*uuid);
    QVERIFY(locked);
    QCOMPARE(locked->html, QStringLiteral("<p>Ct 21.3 and 21.5</p>"));
    QCOMPARE(locked->entry, *uuid);
}

void EntryDraftsTest::textTypedBeforeACrashIsRecoveredAndSaved() {
    if (qEnvironmentVariableIsEmpty("QUIRE_DRAFT_CRASH_CHILD"))
        QSKIP("QUIRE_DRAFT_CRASH_CHILD is not set; run the test through ctest");
    const QString title = QStringLiteral("Enzyme kinetics");
    const QString text = QStringLiteral("Km 2.4 mM, Vmax 13 umol per min, crash marker 7731");

    // The child opens the vault itself; one process at a time may hold it.
    m_notebook.reset();
    quire::test::runDraftCrashChild(m_vault, kPassphrase, m_experiment, title, text);
    if (QTest::currentTestFailed()) return;

    auto opened = Notebook::open(m_vault, kPassphrase);
    QVERIFY2(opened, qPrintable(opened.error()));
    m_notebook = std::move(opened.value());
    QCOMPARE(m_notebook->drafts()->size(), 1);

    const auto recovered = EntryDialog::recoverDrafts(m_notebook.get(), nullptr);
    QCOMPARE(recovered.size(), 1);
    EntryDialog *dialog = showDialog(recovered.first());
    QVERIFY(dialog);
    QVERIFY(dialog->isRecoveredDraft());
    QVERIFY(dialog->entryUuid().isEmpty());
    QCOMPARE(dialog->findChild<QLineEdit *>(QStringLiteral("titleEdit"))->text(), title);
    const QString recoveredHtml = html(dialog);
    QVERIFY2(recoveredHtml.contains(text), qPrintable(recoveredHtml));
    const QString notice = visibleNotice(dialog, QStringLiteral("recoveredNotice"));
    QVERIFY2(notice.startsWith(QStringLiteral("Recovered text you had not saved (from ")),
             qPrintable(notice));
    QVERIFY(dialog->hasUnsavedChanges());
    screenshot(QStringLiteral("recovered-after-crash"), dialog);

    QSignalSpy saved(dialog, &EntryDialog::saved);
    QTest::mouseClick(dialog->findChild<QPushButton *>(QStringLiteral("saveButton")),
                      Qt::LeftButton);
    QTRY_COMPARE_WITH_TIMEOUT(saved.count(), 1, 10000);
    auto entry = m_notebook->entry(saved.first().first().toString());
    QVERIFY2(entry, qPrintable(entry.error()));
    QCOMPARE(entry->title, title);
    QCOMPARE(entry->html, recoveredHtml);
    QCOMPARE(entry->experiment, m_experiment);
    QVERIFY(m_notebook->drafts()->isEmpty());
    QVERIFY(visibleNotice(dialog, QStringLiteral("recoveredNotice")).isEmpty());
    screenshot(QStringLiteral("recovered-saved"), dialog);
}

void EntryDraftsTest::recoveredDraftSaysTheEntryChangedSince() {
    auto uuid = m_notebook->addEntry(m_experiment, QStringLiteral("Plate reader"),
                                     QStringLiteral("<p>Read at 600 nm.</p>"));
    QVERIFY(uuid);
    EntryDialog *dialog = showDialog(EntryDialog::editEntry(m_notebook.get(), *uuid, nullptr));
    QVERIFY(dialog);
    clickIntoText(dialog);
    type(dialog, QStringLiteral(" Blank subtracted."));
    waitForDraft(*uuid, [](const Draft &d) { return d.html.contains(QStringLiteral("Blank")); });
    // The window goes without a word (as in a crash), and a newer version arrives (as by a sync
    // from another computer).
    m_dialogs.removeAll(QPointer(dialog));
    delete dialog;
    QVERIFY(m_notebook->editEntry(*uuid, QStringLiteral("Plate reader"),
                                  QStringLiteral("<p>Read at 600 nm, 25 flashes.</p>"),
                                  QStringLiteral("flash count added")));

    const auto recovered = EntryDialog::recoverDrafts(m_notebook.get(), nullptr);
    QCOMPARE(recovered.size(), 1);
    dialog = showDialog(recovered.first());
    QVERIFY(dialog);
    QCOMPARE(dialog->entryUuid(), *uuid);
    QCOMPARE(html(dialog), QStringLiteral("<p>Read at 600 nm. Blank subtracted.</p>"));
    QVERIFY(!visibleNotice(dialog, QStringLiteral("recoveredNotice")).isEmpty());
    const QString newer = visibleNotice(dialog, QStringLiteral("newerVersionNotice"));
    QVERIFY2(newer.contains(QStringLiteral("version 2 was saved by Ada Researcher")),
             qPrintable(newer));
    QVERIFY2(newer.contains(QStringLiteral("version 3")), qPrintable(newer));
    screenshot(QStringLiteral("recovered-entry-changed-since"), dialog);

    QSignalSpy saved(dialog, &EntryDialog::saved);
    QTest::keyClicks(dialog->findChild<QLineEdit *>(QStringLiteral("reasonEdit")),
                     QStringLiteral("blank subtraction noted"));
    QTest::mouseClick(dialog->findChild<QPushButton *>(QStringLiteral("saveButton")),
                      Qt::LeftButton);
    QTRY_COMPARE_WITH_TIMEOUT(saved.count(), 1, 10000);
    auto v3 = m_notebook->entry(*uuid);
    QCOMPARE(v3->version, 3);
    QCOMPARE(v3->html, QStringLiteral("<p>Read at 600 nm. Blank subtracted.</p>"));
    QVERIFY(!draft(*uuid));
    QVERIFY(visibleNotice(dialog, QStringLiteral("newerVersionNotice")).isEmpty());
}

void EntryDraftsTest::imagePastedIntoANewEntryIsSavedWithItAsOneVersion() {
    // A small "gel", recognisable on screen.
    QImage gel(180, 90, QImage::Format_RGB32);
    gel.fill(QColor(0xf4, 0xf1, 0xe8));
    {
        QPainter painter(&gel);
        for (int lane = 0; lane < 5; ++lane)
            painter.fillRect(16 + lane * 32, 30 + lane * 4, 22, 6, QColor(0x30, 0x40, 0xa0));
    }
    QGuiApplication::clipboard()->setImage(gel);
    const int entriesBefore = int(m_notebook->entries(m_experiment)->size());
    const QString src = QStringLiteral("quire-attachment:");

    // Pasted before the entry has a title: the image is kept as an attachment record at once,
    // and no version of the entry is written until the person saves.
    EntryDialog *dialog =
        showDialog(EntryDialog::newEntry(m_notebook.get(), m_experiment, nullptr));
    QVERIFY(dialog);
    QSignalSpy saved(dialog, &EntryDialog::saved);
    clickIntoText(dialog);
    type(dialog, QStringLiteral("Gel after 40 min:"));
    key(dialog, Qt::Key_Return);
    key(dialog, Qt::Key_V, Qt::ControlModifier);
    QString h = waitForHtml(dialog, [&](const QString &h) { return h.contains(src); });
    QVERIFY2(h.contains(src), qPrintable(h));
    const QString image = Notebook::attachmentsShownIn(h).value(0);
    QVERIFY(m_notebook->attachment(image));
    QCOMPARE(int(m_notebook->entries(m_experiment)->size()), entriesBefore);
    QVERIFY(dialog->entryUuid().isEmpty());
    QCOMPARE(saved.count(), 0);
    QVERIFY(visibleNotice(dialog, QStringLiteral("imageNotice")).isEmpty());

    // The draft holds the image, so that a crash now loses neither; the recovered text is
    // saved as the entry's one first version, naming the image.
    QTest::keyClicks(dialog->findChild<QLineEdit *>(QStringLiteral("titleEdit")),
                     QStringLiteral("Agarose gel"));
    const QString kept = dialog->draftKey();
    waitForDraft(kept, [&](const Draft &d) {
        return d.html.contains(image) && d.title == QStringLiteral("Agarose gel");
    });
    m_dialogs.removeAll(QPointer(dialog));
    delete dialog;
    const auto recovered = EntryDialog::recoverDrafts(m_notebook.get(), nullptr);
    QCOMPARE(recovered.size(), 1);
    dialog = showDialog(recovered.first());
    QVERIFY(dialog);
    QVERIFY(html(dialog).contains(src + image));
    QVERIFY(!dialog->findChild<QWidget *>(QStringLiteral("reasonEdit"))->isVisible());
    QSignalSpy savedRecovered(dialog, &EntryDialog::saved);
    QTest::mouseClick(dialog->findChild<QPushButton *>(QStringLiteral("saveButton")),
                      Qt::LeftButton);
    QTRY_COMPARE_WITH_TIMEOUT(savedRecovered.count(), 1, 10000);
    const QString uuid = dialog->entryUuid();
    QVERIFY(!uuid.isEmpty());
    auto history = m_notebook->history(uuid);
    QVERIFY(history);
    QCOMPARE(history->size(), 1); // exactly one version
    const EntryVersion first = history->first();
    QCOMPARE(first.version, 1);
    QVERIFY(first.reason.isEmpty()); // no made-up reason
    QCOMPARE(first.attachments.size(), 1);
    QCOMPARE(first.attachments.first().id, image);
    QVERIFY(first.html.contains(src + image));
    QVERIFY(m_notebook->drafts()->isEmpty());
    screenshot(QStringLiteral("image-in-new-entry-one-version"), dialog);

    // Pasted while editing the saved entry: it joins the next version, saved with the
    // person's reason; until then the entry stays at version 1.
    clickIntoText(dialog);
    key(dialog, Qt::Key_End, Qt::ControlModifier);
    key(dialog, Qt::Key_V, Qt::ControlModifier);
    h = waitForHtml(dialog,
                    [&](const QString &h) { return Notebook::attachmentsShownIn(h).size() == 2; });
    const QString second = Notebook::attachmentsShownIn(h).value(1);
    QVERIFY2(!second.isEmpty() && second != image, qPrintable(h));
    QCOMPARE(m_notebook->entry(uuid)->version, 1);
    QTest::keyClicks(dialog->findChild<QLineEdit *>(QStringLiteral("reasonEdit")),
                     QStringLiteral("second run of the gel"));
    QTest::mouseClick(dialog->findChild<QPushButton *>(QStringLiteral("saveButton")),
                      Qt::LeftButton);
    QTRY_COMPARE_WITH_TIMEOUT(savedRecovered.count(), 2, 10000);
    auto v2 = m_notebook->entry(uuid);
    QCOMPARE(v2->version, 2);
    QCOMPARE(v2->reason, QStringLiteral("second run of the gel"));
    QCOMPARE(v2->attachments.size(), 2);
    QCOMPARE(v2->attachments.at(1).id, second);

    // An image pasted into text that is then discarded stays as an attachment record named by
    // no entry: nothing is deleted, and no entry appears.
    EntryDialog *abandoned =
        showDialog(EntryDialog::newEntry(m_notebook.get(), m_experiment, nullptr));
    QVERIFY(abandoned);
    clickIntoText(abandoned);
    key(abandoned, Qt::Key_V, Qt::ControlModifier);
    h = waitForHtml(abandoned, [&](const QString &h) { return h.contains(src); });
    const QString dropped = Notebook::attachmentsShownIn(h).value(0);
    QVERIFY(!dropped.isEmpty());
    QTest::mouseClick(abandoned->findChild<QPushButton *>(QStringLiteral("closeButton")),
                      Qt::LeftButton);
    QPointer<QMessageBox> question;
    QTRY_VERIFY(
        (question = abandoned->findChild<QMessageBox *>(QStringLiteral("unsavedQuestion"))) &&
        question->isVisible());
    QTest::mouseClick(question->findChild<QPushButton *>(QStringLiteral("discardChoice")),
                      Qt::LeftButton);
    QTRY_VERIFY(!abandoned->isVisible());
    QVERIFY(m_notebook->attachment(dropped));
    QCOMPARE(int(m_notebook->entries(m_experiment)->size()), entriesBefore + 1);
    QVERIFY(m_notebook->drafts()->isEmpty());
    QVERIFY(m_notebook->verify().passed());
}

int main(int argc, char *argv[]) {
    return runGuiTest<EntryDraftsTest>(argc, argv, "tst_entry_drafts");
}

#include "tst_entry_drafts.moc"
