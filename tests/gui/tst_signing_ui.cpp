// Electronic signatures and trusted time through the real main window. Alice (the founder, an
// author) and Carol (approved as author and supervisor) share a notebook through a real bare
// git repository. Alice opens the sign dialog from the toolbar shortcut and from the page's own
// "Sign…" link, is refused with a wrong passphrase (nothing signed, an audit record written),
// signs with the right one and exports the evidence, which verify.sh checks with openssl alone;
// the page shows her signature with its manifestation and "Time not yet attested". After syncs
// Carol sees the entry waiting for her signature, countersigns it as a witness from the review
// queue, and the queue empties. Alice, no supervisor, is told why her queue stays empty. With
// a real RFC 3161 authority (TestTsa) the time-stamp dialog attests every record and the page
// shows the attested time; with the authority gone, a sync says so quietly. Runs under Xvfb and
// saves a screenshot of every state.

#include "GuiDriver.h"
#include "GuiTestMain.h"
#include "Notebook.h"
#include "page/EntryPageView.h"
#include "sidebar/SidebarModel.h"
#include "signing/CommentDialog.h"
#include "signing/ReviewQueueDialog.h"
#include "signing/SignDialog.h"
#include "signing/TimestampSettingsDialog.h"
#include "sync/SyncController.h"
#include "TestSupport.h"
#include "TestTsa.h"
#include "unlock/UnlockDialog.h"
#include "window/MainWindow.h"

#include <QAction>
#include <QApplication>
#include <QCheckBox>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QFileDialog>
#include <QLabel>
#include <QLineEdit>
#include <QMessageBox>
#include <QPlainTextEdit>
#include <QPointer>
#include <QPushButton>
#include <QRadioButton>
#include <QScreen>
#include <QSignalSpy>
#include <QTableWidget>
#include <QTemporaryDir>
#include <QTest>
#include <QToolButton>
#include <QTreeView>
#include <QWebEnginePage>
#include <QWebEngineScript>

#include <cstdio>

using namespace quire;
using namespace quire::widgets;
using quire::test::runTool;

namespace {

const QByteArray kPassphrase = "correct horse battery staple";
const QString kAlice = QStringLiteral("Alice Author");
const QString kCarol = QStringLiteral("Carol Supervisor");
const QString kExperiment = QStringLiteral("Lysozyme activity assay");
const QString kCalibration = QStringLiteral("Calibrating the pH meter");
const QString kSubstrate = QStringLiteral("Preparing the substrate suspension");
constexpr int kLong = 10 * 60 * 1000; // automatic syncs out of the way

QString withoutMnemonic(QString text) {
    return text.remove(QLatin1Char('&'));
}

} // namespace

class SigningUiTest : public QObject {
    Q_OBJECT

private slots:
    void initTestCase();
    void signDialogOffersOnlyTheMeaningsTheRulesAllow();
    void wrongPassphraseSignsNothingAndIsAudited();
    void rightPassphraseSignsAndThePageShowsTheSignature();
    void signLinkOnThePageOpensTheDialogForThatEntry();
    void evidenceLinkOnThePageExportsToTheChosenFolder();
    void supervisorSeesTheEntryWaitingForHerSignature();
    void countersigningAsWitnessEmptiesTheQueue();
    void nonSupervisorIsToldWhyTheQueueIsEmpty();
    void attestNowInTheTimestampDialogAttestsEveryRecord();
    void unreachableAuthorityAtSyncIsAQuietHintNotAnAlarm();
    void supervisorsRequestForChangesWaitsForTheAuthorsNextVersion();
    void cleanupTestCase();

private:
    void openAndUnlock(MainWindow *window);
    void screenshot(MainWindow *window, const QString &name, QWidget *extra = nullptr);
    void pressShortcutOrTrigger(MainWindow *window, const QKeySequence &keys,
                                const QString &actionName);
    void syncAndWait(MainWindow *window);
    QString pageHtml(MainWindow *window);
    template <typename Dialog> Dialog *waitForDialog(QObject *parent);
    QString entryUuid(Notebook *notebook, const QString &title);

    QTemporaryDir m_dir;
    QString m_bare, m_vaultA, m_vaultC;
    quire::test::Screenshots m_shots{QStringLiteral("signing")};
    std::unique_ptr<MainWindow> m_window;  // Alice's
    std::unique_ptr<MainWindow> m_windowC; // Carol's
    std::unique_ptr<quire::test::TestTsa> m_tsa;
};

void SigningUiTest::initTestCase() {
    QVERIFY(m_dir.isValid());
    m_bare = m_dir.filePath(QStringLiteral("server.git"));
    const auto init =
        runTool(QStringLiteral("git"),
                {QStringLiteral("init"), QStringLiteral("--quiet"), QStringLiteral("--bare"),
                 QStringLiteral("-b"), QStringLiteral("main"), m_bare});
    QVERIFY2(init.exitCode == 0, qPrintable(init.all()));
    m_vaultA = m_dir.filePath(QStringLiteral("alice"));
    m_vaultC = m_dir.filePath(QStringLiteral("carol"));

    // Set-up through the model: the notebook, its first entries, and Carol let in as a
    // supervisor. The windows come afterwards, as on the morning after.
    {
        auto created = Notebook::create(
            m_vaultA,
            NotebookSpec{QStringLiteral("Enzyme lab"), kAlice, QStringLiteral("alice@lab.example")},
            kPassphrase);
        QVERIFY2(created, qPrintable(created.error()));
        Notebook &a = **created;
        auto x = a.createExperiment(kExperiment, QStringLiteral("Enzymes"), {});
        QVERIFY2(x, qPrintable(x.error()));
        QVERIFY(a.addEntry(*x, kCalibration,
                           QStringLiteral("<p>Two-point calibration at pH 4.01 and 7.00; slope "
                                          "98.7 %.</p>")));
        QVERIFY(a.addEntry(*x, kSubstrate,
                           QStringLiteral("<p>0.3 mg/ml <em>Micrococcus</em> cells in 66 mM "
                                          "phosphate buffer, pH 6.2.</p>")));
        auto remote = a.setRemote(m_bare, {}, {}, {}, {});
        QVERIFY2(remote, qPrintable(remote.error()));
        auto invitation = a.invite();
        QVERIFY2(invitation, qPrintable(invitation.error()));
        auto joined = Notebook::join(m_vaultC, *invitation, kCarol,
                                     QStringLiteral("carol@lab.example"), kPassphrase);
        QVERIFY2(joined, qPrintable(joined.error()));
        auto approved =
            a.approve(joined->request, {QStringLiteral("author"), QStringLiteral("supervisor")});
        QVERIFY2(approved, qPrintable(approved.error()));
        auto sent = a.sync();
        QVERIFY2(sent, qPrintable(sent.error()));
        auto received = joined->notebook->sync();
        QVERIFY2(received, qPrintable(received.error()));
        QVERIFY(!joined->notebook->isJoining());
        QVERIFY(joined->notebook->me().roles.contains(QStringLiteral("supervisor")));
    } // both vaults released for the windows

    m_window = std::make_unique<MainWindow>(m_vaultA);
    m_window->resize(1180, 760);
    m_window->move(0, 0);
    m_window->syncController()->setIntervals(kLong, kLong);
    openAndUnlock(m_window.get());
    QTRY_VERIFY(pageHtml(m_window.get()).contains(kSubstrate));
}

void SigningUiTest::openAndUnlock(MainWindow *window) {
    quire::test::openAndUnlock(window, kPassphrase);
}

void SigningUiTest::screenshot(MainWindow *window, const QString &name, QWidget *extra) {
    QVERIFY2(!m_shots.take(window, name, extra).isEmpty(), qPrintable(name));
}

void SigningUiTest::pressShortcutOrTrigger(MainWindow *window, const QKeySequence &keys,
                                           const QString &actionName) {
    quire::test::pressShortcutOrTrigger(window, keys, actionName);
}

void SigningUiTest::syncAndWait(MainWindow *window) {
    SyncController *sync = window->syncController();
    QSignalSpy finished(sync, &SyncController::finished);
    auto *action = window->findChild<QAction *>(QStringLiteral("syncNowAction"));
    QTRY_VERIFY(action->isEnabled());
    action->trigger();
    QVERIFY(sync->isRunning() || finished.count() == 1);
    // Nobody signs while the sync worker has the notebook.
    if (sync->isRunning())
        QVERIFY(!window->findChild<QAction *>(QStringLiteral("signAction"))->isEnabled());
    QVERIFY(finished.count() == 1 || finished.wait(60000));
    QVERIFY2(finished.first().at(0).toBool(), qPrintable(finished.first().at(2).toString()));
}

QString SigningUiTest::pageHtml(MainWindow *window) {
    return quire::test::pageHtml(window->entryView());
}

template <typename Dialog> Dialog *SigningUiTest::waitForDialog(QObject *parent) {
    return quire::test::waitForDialog<Dialog>(parent);
}

QString SigningUiTest::entryUuid(Notebook *notebook, const QString &title) {
    auto experiments = notebook->experiments();
    if (!experiments) return {};
    for (const ExperimentInfo &x : *experiments)
        if (auto entries = notebook->entries(x.uuid); entries)
            for (const EntryVersion &e : *entries)
                if (e.title == title) return e.uuid;
    return {};
}

void SigningUiTest::signDialogOffersOnlyTheMeaningsTheRulesAllow() {
    pressShortcutOrTrigger(m_window.get(), QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_G),
                           QStringLiteral("signAction"));
    QPointer<SignDialog> dialog = waitForDialog<SignDialog>(m_window.get());
    QVERIFY(dialog);

    // Two entries on the page: a list to choose from, the latest chosen first.
    auto *combo = dialog->findChild<QComboBox *>(QStringLiteral("entryCombo"));
    QVERIFY(combo);
    QCOMPARE(combo->count(), 2);
    QVERIFY2(combo->currentText().startsWith(kSubstrate), qPrintable(combo->currentText()));
    combo->setCurrentIndex(0);
    QVERIFY2(combo->currentText().startsWith(kCalibration), qPrintable(combo->currentText()));
    QVERIFY(combo->currentText().contains(QStringLiteral("version 1 of 1")));

    auto meaning = [&](const char *m) {
        return dialog->findChild<QRadioButton *>(QStringLiteral("meaning_") + QLatin1String(m));
    };
    QVERIFY(meaning("authored")->isEnabled());
    QVERIFY(meaning("authored")->isChecked());
    for (const char *countersign : {"reviewed", "approved", "witnessed"}) {
        QVERIFY2(!meaning(countersign)->isEnabled(), countersign);
        QVERIFY2(!meaning(countersign)->toolTip().isEmpty(), countersign);
    }
    const QString why = meaning("witnessed")->toolTip();
    QVERIFY2(why.contains(QStringLiteral("author cannot sign it as witnessed")), qPrintable(why));
    // The reason is on screen too, not only in a tooltip.
    QCOMPARE(dialog->findChild<QLabel *>(QStringLiteral("meaningNote_witnessed"))->text(), why);

    const QString statement = dialog->findChild<QLabel *>(QStringLiteral("statementLabel"))->text();
    QVERIFY2(statement.contains(QStringLiteral("I, Alice Author (alice@lab.example), confirm")) &&
                 statement.contains(QStringLiteral("21 CFR 11.100")) &&
                 statement.contains(QStringLiteral("I am the author of this version")),
             qPrintable(statement));
    QCOMPARE(dialog->findChild<QLabel *>(QStringLiteral("signerLabel"))->text(),
             QStringLiteral("Alice Author (alice@lab.example)"));
    auto *passphrase = dialog->findChild<QLineEdit *>(QStringLiteral("passphraseEdit"));
    QCOMPARE(passphrase->echoMode(), QLineEdit::Password);
    auto *sign = dialog->findChild<QPushButton *>(QStringLiteral("signButton"));
    QVERIFY(!sign->isEnabled()); // no passphrase yet
    screenshot(m_window.get(), QStringLiteral("sign-dialog"), dialog);
}

void SigningUiTest::wrongPassphraseSignsNothingAndIsAudited() {
    QPointer<SignDialog> dialog = waitForDialog<SignDialog>(m_window.get());
    QVERIFY(dialog);
    Notebook *notebook = m_window->notebook();
    const QString entry = entryUuid(notebook, kCalibration);
    QVERIFY(!entry.isEmpty());

    auto *passphrase = dialog->findChild<QLineEdit *>(QStringLiteral("passphraseEdit"));
    QTest::keyClicks(passphrase, QStringLiteral("correct horse battery stable"));
    auto *sign = dialog->findChild<QPushButton *>(QStringLiteral("signButton"));
    QVERIFY(sign->isEnabled());
    QTest::mouseClick(sign, Qt::LeftButton);
    QVERIFY(dialog->isSigning()); // on a worker, the window waits
    QTRY_VERIFY_WITH_TIMEOUT(!dialog->isSigning(), 20000);
    QVERIFY(dialog->isVisible());
    QVERIFY2(dialog->errorText().contains(QStringLiteral("the passphrase is wrong"),
                                          Qt::CaseInsensitive),
             qPrintable(dialog->errorText()));
    QVERIFY(passphrase->text().isEmpty());
    QVERIFY(!sign->isEnabled());

    auto signatures = notebook->signatures(entry);
    QVERIFY2(signatures, qPrintable(signatures.error()));
    QVERIFY(signatures->isEmpty());
    auto trail = notebook->auditTrail();
    QVERIFY(trail);
    const bool audited = std::any_of(trail->cbegin(), trail->cend(), [](const AuditEvent &e) {
        return e.action == QLatin1String("signing_failed");
    });
    QVERIFY(audited);
    screenshot(m_window.get(), QStringLiteral("sign-wrong-passphrase"), dialog);
}

void SigningUiTest::rightPassphraseSignsAndThePageShowsTheSignature() {
    QPointer<SignDialog> dialog = waitForDialog<SignDialog>(m_window.get());
    QVERIFY(dialog);
    auto *passphrase = dialog->findChild<QLineEdit *>(QStringLiteral("passphraseEdit"));
    QTest::keyClicks(passphrase, QString::fromUtf8(kPassphrase));
    QTest::mouseClick(dialog->findChild<QPushButton *>(QStringLiteral("signButton")),
                      Qt::LeftButton);
    QTRY_VERIFY_WITH_TIMEOUT(!dialog->isSigning(), 20000);
    QVERIFY2(dialog->errorText().isEmpty(), qPrintable(dialog->errorText()));
    auto *shown = dialog->findChild<QLabel *>(QStringLiteral("manifestationLabel"));
    QTRY_VERIFY(shown->isVisible());
    QVERIFY2(shown->text().startsWith(QStringLiteral("Alice Author — Authored — ")),
             qPrintable(shown->text()));
    QVERIFY(passphrase->text().isEmpty());

    Notebook *notebook = m_window->notebook();
    const QString entry = entryUuid(notebook, kCalibration);
    auto signatures = notebook->signatures(entry);
    QVERIFY(signatures && signatures->size() == 1);
    QCOMPARE(signatures->first().id, dialog->signature().id);
    QVERIFY(signatures->first().valid && signatures->first().allowed);

    // The evidence goes to a new folder, and checks out with bash and openssl alone.
    dialog->exportEvidenceTo(m_dir.path());
    const QString evidence = dialog->evidenceText();
    QVERIFY2(evidence.contains(QStringLiteral("verify.sh")), qPrintable(evidence));
    const QString folder =
        m_dir.filePath(QStringLiteral("Signature evidence – %1 – Authored").arg(kCalibration));
    QVERIFY2(evidence.contains(folder), qPrintable(evidence));
    const auto check = runTool(QStringLiteral("bash"), {folder + QStringLiteral("/verify.sh")});
    QVERIFY2(check.exitCode == 0 &&
                 check.all().contains(QStringLiteral("RESULT: all checks passed")),
             qPrintable(check.all()));
    screenshot(m_window.get(), QStringLiteral("signed-with-evidence"), dialog);

    auto *close = dialog->findChild<QPushButton *>(QStringLiteral("closeButton"));
    QVERIFY(close && close->isVisible());
    QTest::mouseClick(close, Qt::LeftButton);
    QTRY_VERIFY(!dialog);

    QTRY_VERIFY(pageHtml(m_window.get()).contains(QStringLiteral("Alice Author — Authored — ")));
    const QString html = pageHtml(m_window.get());
    QVERIFY(html.contains(QStringLiteral("sig-valid\">Signed<")));
    QVERIFY(html.contains(QStringLiteral("Time not yet attested")));
    QVERIFY(html.contains(QStringLiteral("Export evidence…")));
    QVERIFY(!html.contains(QStringLiteral("Signature not valid")));
    screenshot(m_window.get(), QStringLiteral("page-signed-by-author"));
}

void SigningUiTest::signLinkOnThePageOpensTheDialogForThatEntry() {
    const QString entry = entryUuid(m_window->notebook(), kSubstrate);
    // A click on the link, as the page's own document sees it. The page runs no script of its
    // own; the test's runs in an isolated world, and only to press the link.
    const QString click =
        QStringLiteral("document.querySelector('a[href=\"#sign-%1\"]').click()").arg(entry);
    for (int round = 0; round < 2; ++round) { // the same link works again after a cancel
        m_window->entryView()->page()->runJavaScript(click, QWebEngineScript::ApplicationWorld);
        QPointer<SignDialog> dialog = waitForDialog<SignDialog>(m_window.get());
        QVERIFY2(dialog, "the Sign… link opened no dialog");
        auto *combo = dialog->findChild<QComboBox *>(QStringLiteral("entryCombo"));
        QVERIFY(combo);
        QVERIFY2(combo->currentText().startsWith(kSubstrate), qPrintable(combo->currentText()));
        if (round == 0) screenshot(m_window.get(), QStringLiteral("sign-dialog-from-link"), dialog);
        dialog->reject();
        QTRY_VERIFY(!dialog);
        QTest::qWait(300);
    }
    // The page itself did not move away: it is still the experiment.
    QVERIFY(pageHtml(m_window.get()).contains(kExperiment));
}

void SigningUiTest::evidenceLinkOnThePageExportsToTheChosenFolder() {
    const QString entry = entryUuid(m_window->notebook(), kCalibration);
    auto signatures = m_window->notebook()->signatures(entry);
    QVERIFY(signatures && signatures->size() == 1);
    const QString target = m_dir.filePath(QStringLiteral("chosen from the page"));
    QVERIFY(QDir().mkpath(target));
    // The folder chooser is modal and runs its own event loop: it is answered from a timer.
    quire::test::FileDialogAnswerer answer(
        m_window.get(), QDialogButtonBox::Open,
        [&](QFileDialog *chooser) { chooser->setDirectory(target); });
    m_window->entryView()->page()->runJavaScript(
        QStringLiteral("document.querySelector('a[href=\"#evidence-%1\"]').click()")
            .arg(signatures->first().id),
        QWebEngineScript::ApplicationWorld);
    QTRY_VERIFY2(answer.answered(), "the Export evidence… link asked for no folder");
    const QString folder = QDir(target).filePath(
        QStringLiteral("Signature evidence – %1 – Authored").arg(kCalibration));
    QTRY_VERIFY(QFileInfo::exists(folder + QStringLiteral("/verify.sh")));
    QPointer<QMessageBox> box;
    QTRY_VERIFY((box = m_window->findChild<QMessageBox *>(QStringLiteral("evidenceBox"))) &&
                box->isVisible());
    QVERIFY2(box->informativeText().contains(folder), qPrintable(box->informativeText()));
    const auto check = runTool(QStringLiteral("bash"), {folder + QStringLiteral("/verify.sh")});
    QVERIFY2(check.exitCode == 0, qPrintable(check.all()));
    screenshot(m_window.get(), QStringLiteral("evidence-exported-from-page"), box);
    QTest::mouseClick(box->button(QMessageBox::Ok), Qt::LeftButton);
    QTRY_VERIFY(!box);
    syncAndWait(m_window.get()); // Alice's signature goes to the server
}

void SigningUiTest::supervisorSeesTheEntryWaitingForHerSignature() {
    m_window->lower();
    m_windowC = std::make_unique<MainWindow>(m_vaultC);
    m_windowC->resize(1180, 760);
    m_windowC->move(0, 0);
    m_windowC->syncController()->setIntervals(kLong, kLong);
    openAndUnlock(m_windowC.get());
    syncAndWait(m_windowC.get());

    auto *action = m_windowC->findChild<QAction *>(QStringLiteral("reviewQueueAction"));
    QTRY_COMPARE(withoutMnemonic(action->text()), QStringLiteral("Waiting for my signature (1)"));
    // At the top of the sidebar, open: the entry that waits, with where it is and who signed.
    SidebarModel *sidebar = m_windowC->sidebarModel();
    QModelIndex waiting;
    QTRY_VERIFY((waiting = sidebar->indexOfGroup(SidebarModel::Group::Waiting)).isValid());
    QCOMPARE(waiting.row(), 0);
    QCOMPARE(sidebar->rowCount(waiting), 1);
    QVERIFY(m_windowC->sidebar()->isExpanded(waiting));
    const QModelIndex item = sidebar->index(0, 0, waiting);
    QCOMPARE(item.data().toString(), kCalibration);
    QCOMPARE(item.data(SidebarModel::SubtitleRole).toString(),
             QStringLiteral("%1  ·  signed by %2").arg(kExperiment, kAlice));
    QTRY_VERIFY(pageHtml(m_windowC.get()).contains(QStringLiteral("Alice Author — Authored — ")));
    screenshot(m_windowC.get(), QStringLiteral("supervisor-window-waiting"));

    action->trigger();
    QPointer<ReviewQueueDialog> queue = waitForDialog<ReviewQueueDialog>(m_windowC.get());
    QVERIFY(queue);
    QCOMPARE(queue->itemCount(), 1);
    QVERIFY(queue->emptyText().isEmpty());
    auto *table = queue->findChild<QTableWidget *>(QStringLiteral("reviewTable"));
    QCOMPARE(table->rowCount(), 1);
    QCOMPARE(table->item(0, 0)->text(), kCalibration);
    QCOMPARE(table->item(0, 1)->text(), kExperiment);
    QVERIFY2(table->item(0, 2)->text().startsWith(QStringLiteral("Alice Author — Authored — ")),
             qPrintable(table->item(0, 2)->text()));
    screenshot(m_windowC.get(), QStringLiteral("review-queue-one-entry"), queue);
}

void SigningUiTest::countersigningAsWitnessEmptiesTheQueue() {
    QPointer<ReviewQueueDialog> queue = waitForDialog<ReviewQueueDialog>(m_windowC.get());
    QVERIFY(queue);
    QTest::mouseClick(queue->findChild<QPushButton *>(QStringLiteral("countersignButton")),
                      Qt::LeftButton);
    QPointer<SignDialog> dialog = waitForDialog<SignDialog>(queue);
    QVERIFY(dialog);
    QVERIFY(!dialog->findChild<QComboBox *>(QStringLiteral("entryCombo")));
    const QString named = dialog->findChild<QLabel *>(QStringLiteral("entryLabel"))->text();
    QVERIFY2(named.contains(kCalibration) && named.contains(QStringLiteral("version 1 of 1")),
             qPrintable(named));
    auto meaning = [&](const char *m) {
        return dialog->findChild<QRadioButton *>(QStringLiteral("meaning_") + QLatin1String(m));
    };
    QVERIFY(!meaning("authored")->isEnabled());
    QVERIFY2(meaning("authored")
                 ->toolTip()
                 .contains(QStringLiteral("only the entry's author"), Qt::CaseInsensitive),
             qPrintable(meaning("authored")->toolTip()));
    for (const char *m : {"reviewed", "approved", "witnessed"})
        QVERIFY2(meaning(m)->isEnabled(), m);
    QVERIFY(meaning("witnessed")->isChecked());
    QTest::mouseClick(meaning("reviewed"), Qt::LeftButton);
    QVERIFY(meaning("reviewed")->isChecked());
    QVERIFY(dialog->findChild<QLabel *>(QStringLiteral("statementLabel"))
                ->text()
                .contains(QStringLiteral("I have reviewed this version")));
    QTest::mouseClick(meaning("witnessed"), Qt::LeftButton);
    const QString statement = dialog->findChild<QLabel *>(QStringLiteral("statementLabel"))->text();
    QVERIFY2(statement.contains(QStringLiteral("I, Carol Supervisor (carol@lab.example)")) &&
                 statement.contains(QStringLiteral("witnessed this version")),
             qPrintable(statement));
    QTest::keyClicks(dialog->findChild<QLineEdit *>(QStringLiteral("passphraseEdit")),
                     QString::fromUtf8(kPassphrase));
    screenshot(m_windowC.get(), QStringLiteral("countersign-as-witness"), dialog);
    QTest::mouseClick(dialog->findChild<QPushButton *>(QStringLiteral("signButton")),
                      Qt::LeftButton);
    QTRY_VERIFY_WITH_TIMEOUT(!dialog->isSigning(), 20000);
    QVERIFY2(dialog->errorText().isEmpty(), qPrintable(dialog->errorText()));
    auto *shown = dialog->findChild<QLabel *>(QStringLiteral("manifestationLabel"));
    QTRY_VERIFY(shown->isVisible());
    QVERIFY2(shown->text().startsWith(QStringLiteral("Carol Supervisor — Witnessed — ")),
             qPrintable(shown->text()));
    dialog->accept(); // Close
    QTRY_VERIFY(!dialog);

    QTRY_COMPARE(queue->itemCount(), 0);
    QCOMPARE(queue->emptyText(), QStringLiteral("Nothing is waiting for your signature."));
    screenshot(m_windowC.get(), QStringLiteral("review-queue-empty-supervisor"), queue);
    queue->reject();
    QTRY_VERIFY(!queue);
    auto *action = m_windowC->findChild<QAction *>(QStringLiteral("reviewQueueAction"));
    QCOMPARE(withoutMnemonic(action->text()), QStringLiteral("Waiting for my signature"));
    QTRY_VERIFY(!m_windowC->sidebarModel()->indexOfGroup(SidebarModel::Group::Waiting).isValid());

    QTRY_VERIFY(
        pageHtml(m_windowC.get()).contains(QStringLiteral("Carol Supervisor — Witnessed — ")));
    const QString html = pageHtml(m_windowC.get());
    QVERIFY(html.contains(QStringLiteral("Alice Author — Authored — ")));
    QVERIFY(html.contains(QStringLiteral("sig-valid\">Witnessed<")));
    screenshot(m_windowC.get(), QStringLiteral("page-signed-and-witnessed"));
    m_windowC->lower();
}

void SigningUiTest::nonSupervisorIsToldWhyTheQueueIsEmpty() {
    m_window->raise();
    m_window->findChild<QAction *>(QStringLiteral("reviewQueueAction"))->trigger();
    QPointer<ReviewQueueDialog> queue = waitForDialog<ReviewQueueDialog>(m_window.get());
    QVERIFY(queue);
    QCOMPARE(queue->itemCount(), 0);
    QCOMPARE(queue->emptyText(), QStringLiteral("Only supervisors countersign entries."));
    QVERIFY(!queue->findChild<QTableWidget *>(QStringLiteral("reviewTable"))->isVisible());
    QVERIFY(!queue->findChild<QPushButton *>(QStringLiteral("countersignButton"))->isVisible());
    screenshot(m_window.get(), QStringLiteral("review-queue-not-a-supervisor"), queue);
    queue->reject();
    QTRY_VERIFY(!queue);
}

void SigningUiTest::attestNowInTheTimestampDialogAttestsEveryRecord() {
    m_tsa = std::make_unique<quire::test::TestTsa>(m_dir.path());
    QVERIFY2(m_tsa->ok(), qPrintable(m_tsa->error()));
    QVERIFY2(m_tsa->start(), qPrintable(m_tsa->error()));

    m_window->findChild<QAction *>(QStringLiteral("timestampSettingsAction"))->trigger();
    QPointer<TimestampSettingsDialog> dialog =
        waitForDialog<TimestampSettingsDialog>(m_window.get());
    QVERIFY(dialog);
    auto *waiting = dialog->findChild<QLabel *>(QStringLiteral("unattestedLabel"));
    QVERIFY2(waiting->text().contains(QStringLiteral("records are not yet attested")),
             qPrintable(waiting->text()));
    auto *trust = dialog->findChild<QLabel *>(QStringLiteral("trustLabel"));
    QVERIFY2(trust->text().startsWith(QStringLiteral("None yet")), qPrintable(trust->text()));

    // Attesting without an address says what is missing.
    auto *attest = dialog->findChild<QPushButton *>(QStringLiteral("attestButton"));
    QTest::mouseClick(attest, Qt::LeftButton);
    QVERIFY2(dialog->errorText().contains(QStringLiteral("at least one time-stamp authority")),
             qPrintable(dialog->errorText()));

    QTest::keyClicks(dialog->findChild<QPlainTextEdit *>(QStringLiteral("urlsEdit")), m_tsa->url());
    QVERIFY(dialog->useCertificateFiles({m_tsa->caPemPath()}));
    QVERIFY2(trust->text().contains(QStringLiteral("Quire test TSA CA tsa")) &&
                 trust->text().contains(QStringLiteral("SHA-256")),
             qPrintable(trust->text()));
    QTest::mouseClick(attest, Qt::LeftButton);
    QVERIFY(dialog->isWorking());
    QTRY_VERIFY_WITH_TIMEOUT(!dialog->isWorking(), 30000);
    QVERIFY2(dialog->errorText().isEmpty(), qPrintable(dialog->errorText()));
    const QString result = dialog->resultText();
    QVERIFY2(result.contains(QStringLiteral(" records attested at ")) &&
                 result.contains(m_tsa->url()),
             qPrintable(result));
    QCOMPARE(waiting->text(), QStringLiteral("Every record has a trusted time."));
    QVERIFY(m_tsa->requestCount() >= 1);
    screenshot(m_window.get(), QStringLiteral("timestamp-authorities-attested"), dialog);
    QTest::mouseClick(dialog->findChild<QDialogButtonBox *>()->button(QDialogButtonBox::Ok),
                      Qt::LeftButton);
    QTRY_VERIFY(!dialog);

    auto settings = m_window->notebook()->timestampSettings();
    QVERIFY(settings);
    QCOMPARE(settings->urls, QStringList{m_tsa->url()});
    const QString entry = entryUuid(m_window->notebook(), kCalibration);
    auto signatures = m_window->notebook()->signatures(entry);
    QVERIFY(signatures && !signatures->isEmpty());
    QVERIFY(!signatures->first().attestedAt.isEmpty() && signatures->first().attestedTrusted);
    QTRY_VERIFY(pageHtml(m_window.get()).contains(QStringLiteral("Time attested at ")));
    QVERIFY(!pageHtml(m_window.get()).contains(QStringLiteral("Time not yet attested")));
    screenshot(m_window.get(), QStringLiteral("page-time-attested"));
}

void SigningUiTest::unreachableAuthorityAtSyncIsAQuietHintNotAnAlarm() {
    QVERIFY(m_tsa);
    m_tsa->stop(); // the authority is gone; the server is still there
    auto experiments = m_window->notebook()->experiments();
    QVERIFY(experiments && !experiments->isEmpty());
    QVERIFY(m_window->notebook()->addEntry(experiments->first().uuid,
                                           QStringLiteral("Activity at 25 °C"),
                                           QStringLiteral("<p>ΔA450 = 0.021 per minute.</p>")));
    auto *hint = m_window->findChild<QToolButton *>(QStringLiteral("timeHintButton"));
    QVERIFY(hint);
    syncAndWait(m_window.get());
    SyncController *sync = m_window->syncController();
    QVERIFY(sync->state() != SyncController::State::Alarm);
    QTRY_VERIFY(hint->isVisible());
    QCOMPARE(hint->text(), QStringLiteral("Time not yet attested"));
    QVERIFY2(hint->toolTip().contains(QStringLiteral("no trusted time yet")),
             qPrintable(hint->toolTip()));
    const QString tip =
        m_window->findChild<QToolButton *>(QStringLiteral("syncStatusButton"))->toolTip();
    QVERIFY2(tip.contains(QStringLiteral("no trusted time yet")), qPrintable(tip));
    QTRY_VERIFY(pageHtml(m_window.get()).contains(QStringLiteral("Activity at 25 °C")));
    screenshot(m_window.get(), QStringLiteral("status-time-not-yet-attested"));
}

// Issue 16: a supervisor comments under an entry and requests changes; the comments show under
// the entry in both windows, the request waits in the author's "Waiting for me" and is gone
// once the author saves a new version.
void SigningUiTest::supervisorsRequestForChangesWaitsForTheAuthorsNextVersion() {
    m_window->lower();
    m_windowC->raise();
    m_windowC->activateWindow();
    const QString entry = entryUuid(m_windowC->notebook(), kSubstrate);
    QVERIFY(!entry.isEmpty());
    QTRY_VERIFY(pageHtml(m_windowC.get()).contains(QStringLiteral("#comment-") + entry));
    auto openCommentDialog = [&](MainWindow *window) -> CommentDialog * {
        window->entryView()->page()->runJavaScript(
            QStringLiteral("document.querySelector('a[href=\"#comment-%1\"]').click()").arg(entry),
            QWebEngineScript::ApplicationWorld);
        return waitForDialog<CommentDialog>(window);
    };

    // A plain comment first, then a request for changes.
    QPointer<CommentDialog> dialog = openCommentDialog(m_windowC.get());
    QVERIFY2(dialog, "the Add comment… link opened no dialog");
    auto *add = dialog->findChild<QPushButton *>(QStringLiteral("addCommentButton"));
    QVERIFY(!add->isEnabled());
    QTest::keyClicks(dialog->textEdit(), QStringLiteral("Cells look healthy <b>here</b>."));
    QVERIFY(add->isEnabled());
    QVERIFY(!dialog->requestChangesBox()->isHidden()); // Carol supervises and did not write it
    QTest::mouseClick(add, Qt::LeftButton);
    QTRY_VERIFY(!dialog);
    QTest::qWait(300);
    dialog = openCommentDialog(m_windowC.get());
    QVERIFY(dialog);
    QTest::keyClicks(dialog->textEdit(), QStringLiteral("Please repeat with a negative control."));
    dialog->requestChangesBox()->setChecked(true);
    screenshot(m_windowC.get(), QStringLiteral("comment-request-changes-dialog"), dialog);
    QTest::mouseClick(dialog->findChild<QPushButton *>(QStringLiteral("addCommentButton")),
                      Qt::LeftButton);
    QTRY_VERIFY(!dialog);
    QTRY_VERIFY(pageHtml(m_windowC.get()).contains(QStringLiteral("negative control")));
    const QString supervisorPage = pageHtml(m_windowC.get());
    // Typed text is text: the tags are shown, not obeyed.
    QVERIFY2(supervisorPage.contains(QStringLiteral("Cells look healthy &lt;b&gt;here&lt;/b&gt;.")),
             qPrintable(supervisorPage));
    QVERIFY(supervisorPage.contains(QStringLiteral("badge changes-open")));
    QVERIFY(supervisorPage.contains(kCarol));
    screenshot(m_windowC.get(), QStringLiteral("comments-under-entry-supervisor"));
    syncAndWait(m_windowC.get());
    m_windowC->lower();

    // The author: the request waits for her, under the entry and in "Waiting for me".
    m_window->raise();
    m_window->activateWindow();
    syncAndWait(m_window.get());
    SidebarModel *sidebar = m_window->sidebarModel();
    QModelIndex waiting;
    QTRY_VERIFY((waiting = sidebar->indexOfGroup(SidebarModel::Group::Waiting)).isValid());
    QCOMPARE(waiting.data().toString(), QStringLiteral("Waiting for me"));
    QCOMPARE(sidebar->rowCount(waiting), 1);
    const QModelIndex item = sidebar->index(0, 0, waiting);
    QCOMPARE(item.data().toString(), kSubstrate);
    QCOMPARE(item.data(SidebarModel::SubtitleRole).toString(),
             QStringLiteral("%1  ·  changes requested by %2").arg(kExperiment, kCarol));
    QVERIFY2(item.data(Qt::ToolTipRole).toString().contains(QStringLiteral("negative control")),
             qPrintable(item.data(Qt::ToolTipRole).toString()));
    QCOMPARE(item.data(SidebarModel::EntryRole).toString(), entry);
    const QString experiment = item.data(SidebarModel::UuidRole).toString();
    // Not a signature to give: the signature count stays as it was.
    auto *action = m_window->findChild<QAction *>(QStringLiteral("reviewQueueAction"));
    QVERIFY(!withoutMnemonic(action->text()).contains(QLatin1Char('(')));
    m_window->sidebar()->setCurrentIndex(item);
    emit m_window->sidebar()->activated(item);
    QTRY_VERIFY(pageHtml(m_window.get()).contains(QStringLiteral("negative control")));
    m_window->setDetailsVisible(false);
    QTest::qWait(200);
    screenshot(m_window.get(), QStringLiteral("comments-changes-requested-author"));

    // The author may comment, but not request changes.
    dialog = openCommentDialog(m_window.get());
    QVERIFY(dialog);
    QVERIFY(dialog->requestChangesBox()->isHidden());
    dialog->reject();
    QTRY_VERIFY(!dialog);

    // A new version answers the request: it leaves "Waiting for me"; the comments stay.
    QVERIFY(m_window->notebook()->editEntry(
        entry, kSubstrate,
        QStringLiteral("<p>0.3 mg/ml cells in 66 mM phosphate buffer, pH 6.2, with a negative "
                       "control without cells.</p>"),
        QStringLiteral("added the negative control")));
    QTRY_VERIFY(!sidebar->indexOfGroup(SidebarModel::Group::Waiting).isValid());
    QTRY_VERIFY(pageHtml(m_window.get()).contains(QStringLiteral("with a negative control")));
    m_window->openAt(experiment, entry);
    const QString authorPage = pageHtml(m_window.get());
    QVERIFY(!authorPage.contains(QStringLiteral("badge changes-open")));
    QVERIFY(authorPage.contains(QStringLiteral("Changes requested (answered)")));
    QVERIFY(authorPage.contains(QStringLiteral("on version ")));
    screenshot(m_window.get(), QStringLiteral("comments-after-new-version"));
}

void SigningUiTest::cleanupTestCase() {
    m_windowC.reset();
    m_window.reset();
    m_tsa.reset();
    std::printf("Screenshots in %s\n", qPrintable(m_shots.dir()));
}

int main(int argc, char *argv[]) {
    return runGuiTest<SigningUiTest>(argc, argv, "QuireSigningGuiTest");
}

#include "tst_signing_ui.moc"
