// Sharing through the real main window: a founder's window on vault A sets the remote (a
// real bare repository made with `git init --bare`) through the remote settings dialog and
// syncs with Ctrl+Shift+S; the members dialog writes an invitation, a newcomer's vault B is
// made from it with Notebook::join and opened in a second window, which waits for approval;
// the founder approves B's request (comparing the code), and after syncs on both sides B lists
// A's experiment. Also: an automatic sync after a save, revoking with a reason, a server that
// cannot be reached (offline, nothing lost), a tampered server (alarm) and an entry changed on
// one member's two computers (a conflict, compared and resolved in the window). Runs under Xvfb and
// saves a screenshot of every state of the status bar and of each dialog.

#include "GuiDriver.h"
#include "GuiTestMain.h"
#include "history/ConflictDialog.h"
#include "Notebook.h"
#include "page/UrlSecurity.h"
#include "sync/AddComputerDialog.h"
#include "sync/AlarmsDialog.h"
#include "sync/MembersDialog.h"
#include "sync/RemoteSettingsDialog.h"
#include "sync/SyncController.h"
#include "TestSupport.h"
#include "unlock/CreateNotebookDialog.h"
#include "unlock/OtherComputerDialog.h"
#include "unlock/UnlockDialog.h"
#include "window/MainWindow.h"

#include <QAction>
#include <QApplication>
#include <QCheckBox>
#include <QDialogButtonBox>
#include <QDirIterator>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLabel>
#include <QLineEdit>
#include <QListView>
#include <QMessageBox>
#include <QPointer>
#include <QProgressBar>
#include <QPushButton>
#include <QRadioButton>
#include <QRandomGenerator>
#include <QRegularExpression>
#include <QScreen>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QStatusBar>
#include <QTableWidget>
#include <QTcpServer>
#include <QTemporaryDir>
#include <QTest>
#include <QTextBrowser>
#include <QToolButton>
#include <QTreeWidget>
#include <QUuid>

#include <algorithm>
#include <cstdio>
#include <tuple>

using namespace quire;
using namespace quire::widgets;
using quire::test::runTool;

using namespace quire::test;

namespace {

const QByteArray kPassphrase = "correct horse battery staple";
const QString kExperiment = QStringLiteral("Shared titration of acetic acid");
const QString kNewcomer = QStringLiteral("Walter Newcomer");
// Typed into the remote settings; must never be shown again or stored in plain text.
const QString kSecret = QStringLiteral("tok-OKAPI-7731-secret");
constexpr int kLong = 10 * 60 * 1000; // automatic syncs out of the way unless a test wants one

QPushButton *okButton(QWidget *dialog) {
    auto *box = dialog->findChild<QDialogButtonBox *>();
    return box ? box->button(QDialogButtonBox::Ok) : nullptr;
}

QString git(const QStringList &args) {
    const auto t = runTool(QStringLiteral("git"), args);
    if (t.exitCode != 0) qWarning("git %s: %s", qPrintable(args.join(' ')), qPrintable(t.all()));
    return QString::fromUtf8(t.out).trimmed();
}

} // namespace

class SyncUiTest : public QObject {
    Q_OBJECT

private slots:
    void initTestCase();
    void statusSaysNotSharedBeforeARemoteIsSet();
    void remoteSettingsDialogSetsTheRemoteAndNeverShowsTheSecret();
    void syncNowSendsEverythingToTheServer();
    void membersDialogWritesAnInvitation();
    void newcomerWindowWaitsForApproval();
    void approvingShowsTheCodeAndAddsTheMember();
    void afterSyncsOnBothSidesTheNewcomerSeesTheExperiment();
    void addingMyOtherComputerShowsTheCodeAndTheOtherComputerSyncsAsMe();
    void memberButtonsAreForAdminsOnly();
    void saveIsSentAutomaticallyShortlyAfterwards();
    void revokingAsksForAReasonAndMarksTheMemberRevoked();
    void unreachableServerSaysOfflineAndLosesNothing();
    void tamperedServerRaisesAnAlarmUntilAnAdminAcknowledgesIt();
    void cancelStopsASyncThatHangsAndKeepsTheChanges();
    void lockingDuringASyncWaitsForItToStop();
    void conflictFromTwoComputersIsShownSideBySideAndResolved();
    void cleanupTestCase();

private:
    void screenshot(MainWindow *window, const QString &name, QWidget *extra = nullptr);
    void openAndUnlock(MainWindow *window);
    void pressShortcutOrTrigger(MainWindow *window, const QKeySequence &keys,
                                const QString &actionName);
    QString statusText(MainWindow *window);
    QToolButton *statusButton(MainWindow *window);
    RemoteSettingsDialog *openRemoteSettings();
    void setRemoteThroughDialog(const QString &url);
    MembersDialog *openMembers(MainWindow *window);
    // Sync now in the window and wait until the sync has finished.
    void syncAndWait(MainWindow *window);
    int waiting(MainWindow *window);
    QString serverHead();

    QTemporaryDir m_dir;
    QString m_bare;
    QString m_vaultA, m_vaultB;
    quire::test::Screenshots m_shots{QStringLiteral("sync")};
    std::unique_ptr<MainWindow> m_window;  // the founder's, on A
    std::unique_ptr<MainWindow> m_windowB; // the newcomer's, on B
    std::unique_ptr<MainWindow> m_windowC; // one member's second computer, with a conflict
    QString m_invitation, m_request, m_code;
    QTcpServer m_silent; // accepts connections and never answers: a server that hangs
};

void SyncUiTest::initTestCase() {
    QVERIFY(m_dir.isValid());
    m_bare = m_dir.filePath(QStringLiteral("server.git"));
    const auto init =
        runTool(QStringLiteral("git"),
                {QStringLiteral("init"), QStringLiteral("--quiet"), QStringLiteral("--bare"),
                 QStringLiteral("-b"), QStringLiteral("main"), m_bare});
    QVERIFY2(init.exitCode == 0, qPrintable(init.all()));

    m_vaultA = m_dir.filePath(QStringLiteral("a"));
    m_vaultB = m_dir.filePath(QStringLiteral("b"));
    {
        auto created =
            Notebook::create(m_vaultA,
                             NotebookSpec{QStringLiteral("Acid lab"), QStringLiteral("Ada Founder"),
                                          QStringLiteral("ada@lab.example")},
                             kPassphrase);
        QVERIFY2(created, qPrintable(created.error()));
        Notebook &a = **created;
        auto x =
            a.createExperiment(kExperiment, QStringLiteral("Titrations"), {QStringLiteral("acid")});
        QVERIFY2(x, qPrintable(x.error()));
        auto e = a.addEntry(*x, QStringLiteral("Standardising NaOH"),
                            QStringLiteral("<p>0.1 M NaOH against KHP, three replicates.</p>"));
        QVERIFY2(e, qPrintable(e.error()));
        // A few chunks, so that the first sync has something to count.
        QByteArray bytes(9 * 1024 * 1024, Qt::Uninitialized);
        QRandomGenerator::global()->fillRange(reinterpret_cast<quint32 *>(bytes.data()),
                                              bytes.size() / 4);
        const QString raw = m_dir.filePath(QStringLiteral("burette-log.bin"));
        quire::test::writeFile(raw, bytes);
        auto att = a.attachFile(*e, raw);
        QVERIFY2(att, qPrintable(att.error()));
    } // released for the window

    m_window = std::make_unique<MainWindow>(m_vaultA);
    m_window->resize(1100, 700);
    m_window->move(0, 0);
    m_window->syncController()->setIntervals(kLong, kLong);
    openAndUnlock(m_window.get());
}

void SyncUiTest::openAndUnlock(MainWindow *window) {
    quire::test::openAndUnlock(window, kPassphrase);
}

void SyncUiTest::screenshot(MainWindow *window, const QString &name, QWidget *extra) {
    QVERIFY2(!m_shots.take(window, name, extra).isEmpty(), qPrintable(name));
}

void SyncUiTest::pressShortcutOrTrigger(MainWindow *window, const QKeySequence &keys,
                                        const QString &actionName) {
    quire::test::pressShortcutOrTrigger(window, keys, actionName);
}

QToolButton *SyncUiTest::statusButton(MainWindow *window) {
    return window->findChild<QToolButton *>(QStringLiteral("syncStatusButton"));
}

QString SyncUiTest::statusText(MainWindow *window) {
    QToolButton *button = statusButton(window);
    return button && button->isVisible() ? button->text() : QString();
}

int SyncUiTest::waiting(MainWindow *window) {
    auto status = window->notebook()->syncStatus();
    return status ? status->waiting : -1;
}

QString SyncUiTest::serverHead() {
    return git({QStringLiteral("--git-dir"), m_bare, QStringLiteral("for-each-ref"),
                QStringLiteral("--format=%(refname) %(objectname)")});
}

RemoteSettingsDialog *SyncUiTest::openRemoteSettings() {
    m_window->findChild<QAction *>(QStringLiteral("remoteSettingsAction"))->trigger();
    RemoteSettingsDialog *dialog = nullptr;
    if (!QTest::qWaitFor(
            [&] {
                return (dialog = m_window->findChild<RemoteSettingsDialog *>()) &&
                       dialog->isVisible();
            },
            5000))
        return nullptr;
    return dialog;
}

void SyncUiTest::setRemoteThroughDialog(const QString &url) {
    QPointer<RemoteSettingsDialog> dialog = openRemoteSettings();
    QVERIFY(dialog);
    auto *edit = dialog->findChild<QLineEdit *>(QStringLiteral("urlEdit"));
    edit->clear();
    QTest::keyClicks(edit, url);
    QTest::mouseClick(okButton(dialog), Qt::LeftButton);
    QVERIFY2(!dialog || dialog->errorText().isEmpty(), qPrintable(dialog->errorText()));
    QTRY_VERIFY(!dialog || !dialog->isVisible());
    QCOMPARE(*m_window->notebook()->remoteUrl(), url);
}

MembersDialog *SyncUiTest::openMembers(MainWindow *window) {
    window->findChild<QAction *>(QStringLiteral("membersAction"))->trigger();
    MembersDialog *dialog = nullptr;
    if (!QTest::qWaitFor(
            [&] { return (dialog = window->findChild<MembersDialog *>()) && dialog->isVisible(); },
            5000))
        return nullptr;
    return dialog;
}

void SyncUiTest::syncAndWait(MainWindow *window) {
    SyncController *sync = window->syncController();
    QSignalSpy finished(sync, &SyncController::finished);
    auto *action = window->findChild<QAction *>(QStringLiteral("syncNowAction"));
    QTRY_VERIFY(action->isEnabled());
    action->trigger();
    QVERIFY(sync->isRunning() || finished.count() == 1);
    QVERIFY(finished.count() == 1 || finished.wait(60000));
}

void SyncUiTest::statusSaysNotSharedBeforeARemoteIsSet() {
    QCOMPARE(statusText(m_window.get()), QStringLiteral("Not shared"));
    QVERIFY(statusButton(m_window.get())->toolTip().contains(QStringLiteral("Remote settings")));
    QCOMPARE(m_window->syncController()->state(), SyncController::State::NotShared);
    // Without a remote, Sync now leads to the remote settings instead of failing.
    m_window->findChild<QAction *>(QStringLiteral("syncNowAction"))->trigger();
    QPointer<RemoteSettingsDialog> dialog;
    QTRY_VERIFY((dialog = m_window->findChild<RemoteSettingsDialog *>()) && dialog->isVisible());
    dialog->reject();
    QTRY_VERIFY(!dialog);
    QVERIFY(!m_window->syncController()->isRunning());
    screenshot(m_window.get(), QStringLiteral("status-not-shared"));
}

void SyncUiTest::remoteSettingsDialogSetsTheRemoteAndNeverShowsTheSecret() {
    QPointer<RemoteSettingsDialog> dialog = openRemoteSettings();
    QVERIFY(dialog);
    auto field = [&](const char *name) {
        return dialog->findChild<QLineEdit *>(QLatin1String(name));
    };
    QVERIFY(dialog->findChild<QLabel *>(QStringLiteral("currentRemoteLabel"))
                ->text()
                .contains(QStringLiteral("not shared")));
    QCOMPARE(field("secretEdit")->echoMode(), QLineEdit::Password);
    QVERIFY(!okButton(dialog)->isEnabled()); // an address is needed

    // A password inside the address is refused, and not repeated back.
    QTest::keyClicks(field("urlEdit"),
                     QStringLiteral("https://ada:%1@git.lab.example/acid.git").arg(kSecret));
    QTest::mouseClick(okButton(dialog), Qt::LeftButton);
    QVERIFY(dialog && dialog->isVisible());
    QVERIFY2(!dialog->errorText().isEmpty(), "no error shown");
    QVERIFY2(!dialog->errorText().contains(kSecret), qPrintable(dialog->errorText()));
    QVERIFY(m_window->notebook()->remoteUrl()->isEmpty());

    field("urlEdit")->clear();
    QTest::keyClicks(field("urlEdit"), m_bare);
    QTest::keyClicks(field("userEdit"), QStringLiteral("ada"));
    QTest::keyClicks(field("secretEdit"), kSecret);
    screenshot(m_window.get(), QStringLiteral("remote-settings-dialog"), dialog);
    QTest::mouseClick(okButton(dialog), Qt::LeftButton);
    QTRY_VERIFY(!dialog || !dialog->isVisible());
    QCOMPARE(*m_window->notebook()->remoteUrl(), m_bare);

    // Saved changes wait: the notebook's records and the attachment's chunks.
    const int n = waiting(m_window.get());
    QVERIFY2(n > 3, qPrintable(QString::number(n)));
    QTRY_COMPARE(statusText(m_window.get()), QStringLiteral("%1 changes waiting to send").arg(n));
    QCOMPARE(m_window->syncController()->state(), SyncController::State::Waiting);
    screenshot(m_window.get(), QStringLiteral("status-waiting"));

    // Opened again it shows where the notebook is shared, and no secret anywhere.
    dialog = openRemoteSettings();
    QVERIFY(dialog);
    QCOMPARE(field("urlEdit")->text(), m_bare);
    QVERIFY(field("secretEdit")->text().isEmpty());
    QVERIFY(field("userEdit")->text().isEmpty());
    const QString current =
        dialog->findChild<QLabel *>(QStringLiteral("currentRemoteLabel"))->text();
    QVERIFY2(current.contains(m_bare), qPrintable(current));
    for (QLineEdit *edit : dialog->findChildren<QLineEdit *>())
        QVERIFY(!edit->text().contains(kSecret));
    for (QLabel *label : dialog->findChildren<QLabel *>())
        QVERIFY(!label->text().contains(kSecret));
    dialog->reject();
    QTRY_VERIFY(!dialog);
    // Kept encrypted: no file of the vault holds it in plain text.
    QCOMPARE(quire::test::filesContaining(m_vaultA, kSecret.toUtf8()), QStringList());
}

void SyncUiTest::syncNowSendsEverythingToTheServer() {
    QVERIFY(serverHead().isEmpty());
    SyncController *sync = m_window->syncController();
    QSignalSpy finished(sync, &SyncController::finished);
    pressShortcutOrTrigger(m_window.get(), QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_S),
                           QStringLiteral("syncNowAction"));
    QVERIFY(sync->isRunning() || finished.count() == 1);
    if (sync->isRunning()) {
        QVERIFY2(statusText(m_window.get()).startsWith(QStringLiteral("Syncing…")),
                 qPrintable(statusText(m_window.get())));
        auto *cancel = m_window->findChild<QToolButton *>(QStringLiteral("cancelSyncButton"));
        QVERIFY(cancel && cancel->isVisible());
        QVERIFY(m_window->findChild<QProgressBar *>(QStringLiteral("syncProgress"))->isVisible());
        // Nothing that would touch the notebook can start while the worker has it.
        QVERIFY(!m_window->findChild<QAction *>(QStringLiteral("newEntryAction"))->isEnabled());
        QVERIFY(!m_window->findChild<QAction *>(QStringLiteral("membersAction"))->isEnabled());
        // Wait for a count, if the transfer lasts long enough to show one.
        const bool counted = QTest::qWaitFor(
            [&] { return !sync->isRunning() || statusText(m_window.get()).contains(" of "); },
            5000);
        if (counted && sync->isRunning())
            screenshot(m_window.get(), QStringLiteral("status-syncing"));
    }
    QVERIFY(finished.count() == 1 || finished.wait(60000));
    QVERIFY2(finished.first().at(0).toBool(), qPrintable(finished.first().at(2).toString()));

    const QString upToDate = statusText(m_window.get());
    QVERIFY2(QRegularExpression(QStringLiteral("^Up to date · \\S+")).match(upToDate).hasMatch(),
             qPrintable(upToDate));
    QCOMPARE(waiting(m_window.get()), 0);
    const QString head = serverHead();
    QVERIFY2(head.startsWith(QStringLiteral("refs/heads/main ")), qPrintable(head));
    QVERIFY(m_window->findChild<QAction *>(QStringLiteral("newEntryAction"))->isEnabled());
    screenshot(m_window.get(), QStringLiteral("status-up-to-date"));
}

void SyncUiTest::membersDialogWritesAnInvitation() {
    QPointer<MembersDialog> dialog = openMembers(m_window.get());
    QVERIFY(dialog);
    auto *table = dialog->findChild<QTableWidget *>(QStringLiteral("membersTable"));
    QCOMPARE(table->rowCount(), 1);
    QCOMPARE(table->item(0, 0)->text(), QStringLiteral("Ada Founder (you)"));
    QCOMPARE(table->item(0, 1)->text(), QStringLiteral("ada@lab.example"));
    QVERIFY2(table->item(0, 2)->text().contains(QStringLiteral("Admin")),
             qPrintable(table->item(0, 2)->text()));
    QCOMPARE(table->item(0, 3)->text(), QStringLiteral("Active"));
    QVERIFY(dialog->findChild<QPushButton *>(QStringLiteral("inviteButton"))->isEnabled());
    QVERIFY(dialog->findChild<QPushButton *>(QStringLiteral("approveButton"))->isEnabled());

    m_invitation = m_dir.filePath(QStringLiteral("invitation.json"));
    dialog->inviteTo(m_invitation);
    QVERIFY2(dialog->errorText().isEmpty(), qPrintable(dialog->errorText()));
    QVERIFY2(dialog->messageText().contains(m_invitation), qPrintable(dialog->messageText()));
    const QJsonObject invitation = QJsonDocument::fromJson(readAll(m_invitation)).object();
    QCOMPARE(invitation.value(QStringLiteral("remote")).toString(), m_bare);
    screenshot(m_window.get(), QStringLiteral("members-invitation-saved"), dialog);
    dialog->reject();
    QTRY_VERIFY(!dialog);
}

void SyncUiTest::newcomerWindowWaitsForApproval() {
    QVERIFY(!m_invitation.isEmpty());
    auto joined = Notebook::join(m_vaultB, readAll(m_invitation), kNewcomer,
                                 QStringLiteral("walter@lab.example"), kPassphrase);
    QVERIFY2(joined, qPrintable(joined.error()));
    m_code = joined->code;
    m_request = m_dir.filePath(QStringLiteral("walter-request.json"));
    quire::test::writeFile(m_request, joined->request);
    joined->notebook.reset(); // released for the second window

    m_windowB = std::make_unique<MainWindow>(m_vaultB);
    m_windowB->resize(1100, 700);
    m_windowB->move(480, 290);
    m_windowB->syncController()->setIntervals(kLong, kLong);
    openAndUnlock(m_windowB.get());
    QCOMPARE(statusText(m_windowB.get()), QStringLiteral("Waiting for approval"));

    // Asking the server before the approval changes nothing and still says why.
    syncAndWait(m_windowB.get());
    QCOMPARE(statusText(m_windowB.get()), QStringLiteral("Waiting for approval"));
    QVERIFY(m_windowB->notebook()->isJoining());
    QCOMPARE(quire::test::experimentCount(m_windowB.get()), 0);
    // The empty notebook says why it is empty, and offers a sync rather than an experiment.
    auto *button = m_windowB->findChild<QPushButton *>(QStringLiteral("firstExperimentButton"));
    QTRY_VERIFY(button->isVisible());
    QCOMPARE(button->text(), QStringLiteral("Sync now"));
    QVERIFY(!m_windowB->findChild<QAction *>(QStringLiteral("newExperimentAction"))->isEnabled());
    screenshot(m_windowB.get(), QStringLiteral("status-waiting-for-approval"));
    m_windowB->lower();
}

void SyncUiTest::approvingShowsTheCodeAndAddsTheMember() {
    QVERIFY(!m_request.isEmpty());
    QPointer<MembersDialog> dialog = openMembers(m_window.get());
    QVERIFY(dialog);
    dialog->approveRequestFrom(m_request);
    QVERIFY2(dialog->errorText().isEmpty(), qPrintable(dialog->errorText()));
    QPointer<ApproveRequestDialog> approve = dialog->approveDialog();
    QVERIFY(approve);
    QTRY_VERIFY(approve->isVisible());
    QCOMPARE(approve->findChild<QLabel *>(QStringLiteral("requestNameLabel"))->text(), kNewcomer);
    QCOMPARE(approve->findChild<QLabel *>(QStringLiteral("requestEmailLabel"))->text(),
             QStringLiteral("walter@lab.example"));
    auto *code = approve->findChild<QLabel *>(QStringLiteral("codeLabel"));
    QCOMPARE(code->text(), m_code);
    QVERIFY(code->font().pointSizeF() > approve->font().pointSizeF() * 1.5);

    // Approving needs the code compared and at least one role.
    QPushButton *ok = okButton(approve);
    QVERIFY(!ok->isEnabled());
    approve->findChild<QCheckBox *>(QStringLiteral("role_author"))->click();
    QVERIFY(!ok->isEnabled());
    approve->findChild<QCheckBox *>(QStringLiteral("codeMatchesCheck"))->click();
    QVERIFY(ok->isEnabled());
    QCOMPARE(approve->roles(), QStringList{QStringLiteral("author")});
    screenshot(m_window.get(), QStringLiteral("approve-request-with-code"), approve);
    QTest::mouseClick(ok, Qt::LeftButton);
    QTRY_VERIFY(!approve);

    auto *table = dialog->findChild<QTableWidget *>(QStringLiteral("membersTable"));
    QCOMPARE(table->rowCount(), 2);
    int row = -1;
    for (int i = 0; i < table->rowCount(); ++i)
        if (table->item(i, 0)->text() == kNewcomer) row = i;
    QVERIFY(row >= 0);
    QCOMPARE(table->item(row, 1)->text(), QStringLiteral("walter@lab.example"));
    QCOMPARE(table->item(row, 2)->text(), QStringLiteral("Author"));
    QCOMPARE(table->item(row, 3)->text(), QStringLiteral("Active"));
    QVERIFY2(dialog->messageText().contains(kNewcomer), qPrintable(dialog->messageText()));
    screenshot(m_window.get(), QStringLiteral("members-after-approval"), dialog);
    dialog->reject();
    QTRY_VERIFY(!dialog);
    // The approval is a saved change waiting to go out.
    QTRY_VERIFY(statusText(m_window.get()).contains(QStringLiteral("waiting to send")));
}

void SyncUiTest::afterSyncsOnBothSidesTheNewcomerSeesTheExperiment() {
    QVERIFY(m_windowB);
    syncAndWait(m_window.get());
    QVERIFY(statusText(m_window.get()).startsWith(QStringLiteral("Up to date")));

    syncAndWait(m_windowB.get());
    QVERIFY2(statusText(m_windowB.get()).startsWith(QStringLiteral("Up to date")) ||
                 statusText(m_windowB.get()).contains(QStringLiteral("waiting")),
             qPrintable(statusText(m_windowB.get())));
    QVERIFY(!m_windowB->notebook()->isJoining());
    // The window refreshed itself after records arrived.
    QTRY_COMPARE(quire::test::experimentCount(m_windowB.get()), 1);
    QCOMPARE(m_windowB->sidebarModel()->experiments().first().title, kExperiment);
    QCOMPARE(m_windowB->sidebar()->currentIndex().data().toString(), kExperiment);
    QTRY_VERIFY(
        m_windowB->findChild<QLabel *>(QStringLiteral("statusLabel"))->text().contains(kNewcomer));
    screenshot(m_windowB.get(), QStringLiteral("newcomer-sees-the-experiment"));
    m_windowB->lower();
}

// Issue 16: Notebook ▸ Add my other computer… saves an offer and shows its code large; on the
// other computer the first start's "I already use this notebook on another computer" takes the
// file, the code and a new passphrase, and after a sync that window is the same member.
void SyncUiTest::addingMyOtherComputerShowsTheCodeAndTheOtherComputerSyncsAsMe() {
    m_window->findChild<QAction *>(QStringLiteral("addComputerAction"))->trigger();
    QPointer<AddComputerDialog> add = quire::test::waitForDialog<AddComputerDialog>(m_window.get());
    QVERIFY(add);
    const QString offer = m_dir.filePath(QStringLiteral("ada-laptop.qdev"));
    QTest::keyClicks(add->findChild<QLineEdit *>(QStringLiteral("computerNameEdit")),
                     QStringLiteral("Ada's laptop"));
    auto *path = add->findChild<QLineEdit *>(QStringLiteral("offerPathEdit"));
    path->clear();
    QTest::keyClicks(path, offer);
    QTest::mouseClick(okButton(add), Qt::LeftButton);
    QTRY_VERIFY_WITH_TIMEOUT(!add->code().isEmpty() || !add->errorText().isEmpty(), 20000);
    QVERIFY2(add->errorText().isEmpty(), qPrintable(add->errorText()));
    const QString code = add->code();
    QVERIFY2(
        QRegularExpression(QStringLiteral("^[0-9A-Z]{4}(-[0-9A-Z]{4}){5}$")).match(code).hasMatch(),
        qPrintable(code));
    auto *label = add->findChild<QLabel *>(QStringLiteral("offerCodeLabel"));
    QVERIFY(label->font().pointSizeF() > add->font().pointSizeF() * 1.5);
    QVERIFY(QFile::exists(offer));
    QVERIFY(!readAll(offer).contains("Ada Founder"));
    screenshot(m_window.get(), QStringLiteral("add-computer-code"), add);
    QTest::mouseClick(okButton(add), Qt::LeftButton); // Done
    QTRY_VERIFY(!add);
    syncAndWait(m_window.get()); // the new computer is announced

    // The other computer: no vault yet, so the first start's dialog.
    const QString vaultC = m_dir.filePath(QStringLiteral("c"));
    auto windowC = std::make_unique<MainWindow>(vaultC);
    windowC->resize(1100, 700);
    windowC->move(240, 150);
    windowC->syncController()->setIntervals(kLong, kLong);
    windowC->show();
    QVERIFY(QTest::qWaitForWindowExposed(windowC.get()));
    windowC->start();
    CreateNotebookDialog *create = nullptr;
    QTRY_VERIFY((create = qobject_cast<CreateNotebookDialog *>(windowC->gateDialog())) &&
                create->isVisible());
    auto *other = create->findChild<QPushButton *>(QStringLiteral("otherComputerButton"));
    QVERIFY(other && other->isVisible());
    QTest::mouseClick(other, Qt::LeftButton);
    QPointer<OtherComputerDialog> join = quire::test::waitForDialog<OtherComputerDialog>(create);
    QVERIFY(join);
    QTest::keyClicks(join->findChild<QLineEdit *>(QStringLiteral("offerFileEdit")), offer);
    QTest::keyClicks(join->findChild<QLineEdit *>(QStringLiteral("offerCodeEdit")), code);
    QTest::keyClicks(join->findChild<QLineEdit *>(QStringLiteral("passphraseEdit")),
                     QStringLiteral("laptop passphrase"));
    QTest::keyClicks(join->findChild<QLineEdit *>(QStringLiteral("repeatEdit")),
                     QStringLiteral("laptop passphrase"));
    screenshot(windowC.get(), QStringLiteral("other-computer-join"), join);
    QSignalSpy unlocked(windowC.get(), &MainWindow::unlocked);
    QTest::mouseClick(okButton(join), Qt::LeftButton);
    QVERIFY2(unlocked.wait(20000), qPrintable(join ? join->errorText() : QString()));
    QTRY_VERIFY(!windowC->gateDialog());

    syncAndWait(windowC.get());
    QVERIFY(!windowC->notebook()->isJoining());
    QTRY_COMPARE(quire::test::experimentCount(windowC.get()), 1);
    QCOMPARE(windowC->notebook()->me().name, QStringLiteral("Ada Founder"));
    QCOMPARE(windowC->notebook()->me().uuid, m_window->notebook()->me().uuid);
    auto devices = windowC->notebook()->devices();
    QVERIFY2(devices, qPrintable(devices.error()));
    bool mine = false;
    for (const auto &d : *devices)
        if (d.thisDevice) mine = d.name == QStringLiteral("Ada's laptop");
    QVERIFY(mine);
    screenshot(windowC.get(), QStringLiteral("other-computer-synced"));
    windowC.reset();
}

void SyncUiTest::memberButtonsAreForAdminsOnly() {
    QVERIFY(m_windowB);
    QPointer<MembersDialog> dialog = openMembers(m_windowB.get());
    QVERIFY(dialog);
    QCOMPARE(dialog->findChild<QTableWidget *>(QStringLiteral("membersTable"))->rowCount(), 2);
    for (const char *name : {"inviteButton", "approveButton", "revokeButton"}) {
        auto *button = dialog->findChild<QPushButton *>(QLatin1String(name));
        QVERIFY2(!button->isEnabled(), name);
        QVERIFY2(button->toolTip().contains(QStringLiteral("Only an admin")),
                 qPrintable(button->toolTip()));
    }
    screenshot(m_windowB.get(), QStringLiteral("members-as-author"), dialog);
    dialog->reject();
    QTRY_VERIFY(!dialog);
    m_windowB->lower();
}

void SyncUiTest::saveIsSentAutomaticallyShortlyAfterwards() {
    const QString before = serverHead();
    SyncController *sync = m_window->syncController();
    sync->setIntervals(kLong, 300);
    QSignalSpy finished(sync, &SyncController::finished);
    auto x = m_window->notebook()->createExperiment(QStringLiteral("Buffer capacity"), {}, {});
    QVERIFY2(x, qPrintable(x.error()));
    QTRY_VERIFY(statusText(m_window.get()).contains(QStringLiteral("waiting to send")));
    QVERIFY(finished.wait(15000));
    QVERIFY(finished.first().at(0).toBool());
    QTRY_VERIFY(statusText(m_window.get()).startsWith(QStringLiteral("Up to date")));
    QVERIFY(serverHead() != before);
    // The refresh held back during the sync happened: the new experiment is listed.
    QTRY_COMPARE(quire::test::experimentCount(m_window.get()), 2);
    sync->setIntervals(kLong, kLong);
}

void SyncUiTest::revokingAsksForAReasonAndMarksTheMemberRevoked() {
    QPointer<MembersDialog> dialog = openMembers(m_window.get());
    QVERIFY(dialog);
    auto *table = dialog->findChild<QTableWidget *>(QStringLiteral("membersTable"));
    auto *revoke = dialog->findChild<QPushButton *>(QStringLiteral("revokeButton"));
    QVERIFY(!revoke->isEnabled()); // nobody selected
    int row = -1;
    for (int i = 0; i < table->rowCount(); ++i)
        if (table->item(i, 0)->text() == kNewcomer) row = i;
    QVERIFY(row >= 0);
    table->selectRow(1 - row); // oneself cannot be revoked
    QVERIFY(!revoke->isEnabled());
    table->selectRow(row);
    QVERIFY(revoke->isEnabled());
    QTest::mouseClick(revoke, Qt::LeftButton);
    QPointer<RevokeMemberDialog> confirm = dialog->revokeDialog();
    QVERIFY(confirm);
    QTRY_VERIFY(confirm->isVisible());
    QPushButton *ok = okButton(confirm);
    QVERIFY(!ok->isEnabled()); // a reason is required
    QTest::keyClicks(confirm->findChild<QLineEdit *>(QStringLiteral("reasonEdit")),
                     QStringLiteral("left the lab"));
    QVERIFY(ok->isEnabled());
    screenshot(m_window.get(), QStringLiteral("revoke-member"), confirm);
    QTest::mouseClick(ok, Qt::LeftButton);
    QTRY_VERIFY(!confirm);

    for (int i = 0; i < table->rowCount(); ++i)
        if (table->item(i, 0)->text() == kNewcomer)
            QCOMPARE(table->item(i, 3)->text(), QStringLiteral("Revoked"));
    auto members = m_window->notebook()->members();
    QVERIFY(members);
    bool revoked = false;
    for (const MemberInfo &m : *members)
        if (m.name == kNewcomer) revoked = m.status == QLatin1String("revoked");
    QVERIFY(revoked);
    dialog->reject();
    QTRY_VERIFY(!dialog);
    syncAndWait(m_window.get());
    QVERIFY(statusText(m_window.get()).startsWith(QStringLiteral("Up to date")));
}

void SyncUiTest::unreachableServerSaysOfflineAndLosesNothing() {
    auto experiments = m_window->notebook()->experiments();
    QVERIFY(experiments && !experiments->isEmpty());
    auto entry = m_window->notebook()->addEntry(experiments->first().uuid,
                                                QStringLiteral("Written on the train"),
                                                QStringLiteral("<p>No network here.</p>"));
    QVERIFY2(entry, qPrintable(entry.error()));
    const QString missing = m_dir.filePath(QStringLiteral("no-such-server/acid.git"));
    setRemoteThroughDialog(missing);
    const int before = waiting(m_window.get());
    QVERIFY(before > 0);

    syncAndWait(m_window.get());
    SyncController *sync = m_window->syncController();
    QCOMPARE(sync->state(), SyncController::State::Offline);
    QCOMPARE(statusText(m_window.get()), QStringLiteral("Offline — %1 waiting").arg(before));
    QCOMPARE(waiting(m_window.get()), before);
    const QString tip = statusButton(m_window.get())->toolTip();
    QVERIFY2(!sync->lastError().isEmpty() &&
                 tip.contains(sync->lastError().left(20), Qt::CaseInsensitive) &&
                 tip.contains(QStringLiteral("Nothing is lost")),
             qPrintable(tip));
    const QString message = m_window->statusBar()->currentMessage();
    QVERIFY2(message.startsWith(QStringLiteral("Offline: ")) && message.size() > 12,
             qPrintable(message));
    QTest::qWait(500); // the page reloaded after the save
    screenshot(m_window.get(), QStringLiteral("status-offline"));

    // Back on the real server, everything that waited is sent.
    setRemoteThroughDialog(m_bare);
    syncAndWait(m_window.get());
    QVERIFY2(statusText(m_window.get()).startsWith(QStringLiteral("Up to date")),
             qPrintable(statusText(m_window.get())));
    QCOMPARE(waiting(m_window.get()), 0);
}

void SyncUiTest::tamperedServerRaisesAnAlarmUntilAnAdminAcknowledgesIt() {
    // Someone with write access to the server changes one byte of one record file.
    const QString evil = m_dir.filePath(QStringLiteral("evil"));
    git({QStringLiteral("clone"), QStringLiteral("--quiet"), m_bare, evil});
    QString target;
    QDirIterator it(evil + QStringLiteral("/r"), QDir::Files, QDirIterator::Subdirectories);
    if (it.hasNext()) target = it.next();
    QVERIFY(!target.isEmpty());
    QByteArray bytes = readAll(target);
    QVERIFY(bytes.size() > 40);
    bytes[bytes.size() / 2] = char(bytes[bytes.size() / 2] ^ 0x01);
    quire::test::writeFile(target, bytes);
    for (const QStringList &args :
         {QStringList{QStringLiteral("-C"), evil, QStringLiteral("-c"),
                      QStringLiteral("user.name=Mallory"), QStringLiteral("-c"),
                      QStringLiteral("user.email=mallory@example"), QStringLiteral("commit"),
                      QStringLiteral("--quiet"), QStringLiteral("-am"), QStringLiteral("flip")},
          QStringList{QStringLiteral("-C"), evil, QStringLiteral("push"), QStringLiteral("--quiet"),
                      QStringLiteral("origin"), QStringLiteral("main")}}) {
        const auto t = runTool(QStringLiteral("git"), args);
        QVERIFY2(t.exitCode == 0, qPrintable(t.all()));
    }
    const int experimentsBefore = int(m_window->notebook()->experiments()->size());

    syncAndWait(m_window.get());
    SyncController *sync = m_window->syncController();
    QVERIFY2(sync->state() == SyncController::State::Alarm, qPrintable(sync->lastError()));
    const QString text = statusText(m_window.get());
    QVERIFY2(text.startsWith(QStringLiteral("Alarm: ")), qPrintable(text));
    QToolButton *button = statusButton(m_window.get());
    const QColor colour = button->palette().color(QPalette::ButtonText);
    QVERIFY2(colour.red() > 2 * colour.green() && colour.red() > 2 * colour.blue(),
             qPrintable(colour.name()));
    const QString tip = button->toolTip();
    QVERIFY2(tip.contains(sync->alarms().first().left(30)) &&
                 tip.contains(QStringLiteral("Click for details")),
             qPrintable(tip));
    QCOMPARE(int(m_window->notebook()->experiments()->size()), experimentsBefore);
    screenshot(m_window.get(), QStringLiteral("status-alarm"));

    // A click lists the alarms, the new one in the warning colour.
    QTest::mouseClick(button, Qt::LeftButton);
    QPointer<AlarmsDialog> box;
    QTRY_VERIFY((box = m_window->findChild<AlarmsDialog *>(QStringLiteral("alarmsDialog"))) &&
                box->isVisible());
    QTreeWidgetItem *item = box->list()->currentItem();
    QVERIFY(item);
    QVERIFY2(item->toolTip(0).contains(QStringLiteral("other bytes")),
             qPrintable(item->toolTip(0)));
    const QColor red = item->foreground(0).color();
    QVERIFY2(red.red() > 2 * red.green() && red.red() > 2 * red.blue(), qPrintable(red.name()));
    QVERIFY(!box->acknowledgeButton()->isEnabled()); // a reason first
    screenshot(m_window.get(), QStringLiteral("alarm-details"), box);

    // Closing it is not enough: the alarm counts until an admin acknowledges it.
    box->reject();
    QTRY_VERIFY(!box);
    QTRY_COMPARE(sync->state(), SyncController::State::Alarm);
    QVERIFY2(statusText(m_window.get()).startsWith(QStringLiteral("Alarm: ")),
             qPrintable(statusText(m_window.get())));

    QTest::mouseClick(button, Qt::LeftButton);
    QTRY_VERIFY((box = m_window->findChild<AlarmsDialog *>(QStringLiteral("alarmsDialog"))) &&
                box->isVisible());
    QTest::keyClicks(box->reasonField(), QStringLiteral("Mallory's test push, checked with IT"));
    QVERIFY(box->acknowledgeButton()->isEnabled());
    QTest::mouseClick(box->acknowledgeButton(), Qt::LeftButton);
    item = box->list()->topLevelItem(0);
    QVERIFY2(item->text(3).contains(QStringLiteral("Mallory's test push")),
             qPrintable(item->text(3)));
    QVERIFY(!box->acknowledgeButton()->isEnabled());
    screenshot(m_window.get(), QStringLiteral("alarm-acknowledged"), box);
    box->reject();
    QTRY_VERIFY(!box);
    QVERIFY(sync->alarms().isEmpty());
    syncAndWait(m_window.get());
    QVERIFY2(statusText(m_window.get()).startsWith(QStringLiteral("Up to date")),
             qPrintable(statusText(m_window.get())));
    auto alarms = m_window->notebook()->alarms();
    QVERIFY(alarms && !alarms->isEmpty() && alarms->last().acknowledged());
}

void SyncUiTest::cancelStopsASyncThatHangsAndKeepsTheChanges() {
    QVERIFY(m_silent.listen(QHostAddress::LocalHost));
    auto experiments = m_window->notebook()->experiments();
    QVERIFY(experiments && !experiments->isEmpty());
    QVERIFY(m_window->notebook()->addEntry(experiments->first().uuid,
                                           QStringLiteral("Before the cancel"),
                                           QStringLiteral("<p>Kept.</p>")));
    setRemoteThroughDialog(
        QStringLiteral("git://127.0.0.1:%1/acid.git").arg(m_silent.serverPort()));
    const int before = waiting(m_window.get());
    QVERIFY(before > 0);

    SyncController *sync = m_window->syncController();
    QSignalSpy finished(sync, &SyncController::finished);
    m_window->findChild<QAction *>(QStringLiteral("syncNowAction"))->trigger();
    QVERIFY(sync->isRunning());
    QTest::qWait(500);
    QVERIFY(sync->isRunning()); // the server says nothing
    auto *cancel = m_window->findChild<QToolButton *>(QStringLiteral("cancelSyncButton"));
    QVERIFY(cancel->isVisible());
    QTest::mouseClick(cancel, Qt::LeftButton);
    QVERIFY(finished.count() == 1 || finished.wait(15000));
    QCOMPARE(finished.first().at(0).toBool(), false);
    QCOMPARE(sync->state(), SyncController::State::Cancelled);
    QCOMPARE(statusText(m_window.get()), QStringLiteral("Sync cancelled — %1 waiting").arg(before));
    QCOMPARE(waiting(m_window.get()), before);
    QVERIFY(m_window->findChild<QAction *>(QStringLiteral("newEntryAction"))->isEnabled());
    screenshot(m_window.get(), QStringLiteral("status-cancelled"));
}

void SyncUiTest::lockingDuringASyncWaitsForItToStop() {
    QVERIFY(m_silent.isListening());
    SyncController *sync = m_window->syncController();
    QSignalSpy locked(m_window.get(), &MainWindow::locked);
    m_window->findChild<QAction *>(QStringLiteral("syncNowAction"))->trigger();
    QVERIFY(sync->isRunning());
    m_window->lock();
    // The worker still has the notebook: it is cancelled first, then the window locks.
    QVERIFY(m_window->notebook());
    QVERIFY(locked.wait(15000));
    QCOMPARE(m_window->notebook(), nullptr);
    QVERIFY(!sync->isRunning());
    QCOMPARE(sync->state(), SyncController::State::Off);
    QVERIFY(!statusButton(m_window.get())->isVisible());
}

// Issue 16: one member's entry changed on two computers before they synced. The second
// computer is a copy of the first vault with a device id of its own (what a device of the same
// member is at the record level). Its window marks the entry "2 versions in conflict", compares
// both side by side, and resolves it; the first computer then shows the resolution too.
void SyncUiTest::conflictFromTwoComputersIsShownSideBySideAndResolved() {
    const QString server = m_dir.filePath(QStringLiteral("conflict.git"));
    QCOMPARE(runTool(QStringLiteral("git"),
                     {QStringLiteral("init"), QStringLiteral("--quiet"), QStringLiteral("--bare"),
                      QStringLiteral("-b"), QStringLiteral("main"), server})
                 .exitCode,
             0);
    const QString laptop = m_dir.filePath(QStringLiteral("laptop"));
    const QString bench = m_dir.filePath(QStringLiteral("bench"));
    QString entry;
    {
        auto nb = Notebook::create(laptop,
                                   NotebookSpec{QStringLiteral("Buffer lab"),
                                                QStringLiteral("Ada Founder"),
                                                QStringLiteral("ada@lab.example")},
                                   kPassphrase);
        QVERIFY2(nb, qPrintable(nb.error()));
        auto x = (*nb)->createExperiment(QStringLiteral("Buffers"), {}, {});
        QVERIFY(x);
        auto e = (*nb)->addEntry(*x, QStringLiteral("Tris buffer"),
                                 QStringLiteral("<p>Tris 50 mM, pH 7.4.</p>"));
        QVERIFY(e);
        entry = *e;
        QVERIFY((*nb)->setRemote(server, {}, {}, {}, {}));
        auto synced = (*nb)->sync();
        QVERIFY2(synced, qPrintable(synced.error()));
    }
    QCOMPARE(runTool(QStringLiteral("cp"), {QStringLiteral("-a"), laptop, bench}).exitCode, 0);
    QFile::remove(bench + QStringLiteral("/lock"));
    {
        QFile f(bench + QStringLiteral("/vault.json"));
        QVERIFY(f.open(QIODevice::ReadOnly));
        QJsonObject vault = QJsonDocument::fromJson(f.readAll()).object();
        f.close();
        vault.insert(QStringLiteral("device"), QUuid::createUuid().toString(QUuid::WithoutBraces));
        QVERIFY(f.open(QIODevice::WriteOnly | QIODevice::Truncate));
        f.write(QJsonDocument(vault).toJson());
    }
    for (const auto &[vault, html, reason] :
         {std::tuple{laptop, QStringLiteral("<p>Tris 50 mM, pH 7.5.</p>"),
                     QStringLiteral("pH measured again")},
          std::tuple{bench, QStringLiteral("<p>Tris 50 mM, pH 7.4.</p><p>NaCl 150 mM.</p>"),
                     QStringLiteral("added NaCl")}}) {
        auto nb = Notebook::open(vault, kPassphrase);
        QVERIFY2(nb, qPrintable(nb.error()));
        QVERIFY((*nb)->editEntry(entry, {}, html, reason));
        auto synced = (*nb)->sync();
        QVERIFY2(synced, qPrintable(synced.error()));
    }

    m_windowC = std::make_unique<MainWindow>(bench);
    m_windowC->resize(1100, 700);
    m_windowC->move(0, 0);
    m_windowC->syncController()->setIntervals(kLong, kLong);
    openAndUnlock(m_windowC.get());
    QTRY_VERIFY_WITH_TIMEOUT(quire::test::pageText(m_windowC->entryView())
                                 .contains(QStringLiteral("2 versions in conflict.")),
                             15000);
    const QString page = quire::test::pageText(m_windowC->entryView());
    QVERIFY2(page.contains(QStringLiteral("Compare…")) && page.contains(QStringLiteral("Resolve…")),
             qPrintable(page));
    screenshot(m_windowC.get(), QStringLiteral("conflict-banner"));

    // Compare…: both versions side by side.
    QVERIFY(quire::test::clickElement(m_windowC->entryView(),
                                      QStringLiteral("a[href^='#compare-']"),
                                      QWebEngineScript::ApplicationWorld));
    QPointer<ConflictDialog> dialog;
    QTRY_VERIFY((dialog = m_windowC->findChild<ConflictDialog *>()) && dialog->isVisible());
    QVERIFY(dialog->hasConflict());
    const QString compared =
        dialog->findChild<QTextBrowser *>(QStringLiteral("conflictCompare"))->toPlainText();
    QVERIFY2(compared.contains(QStringLiteral("pH 7.5")) &&
                 compared.contains(QStringLiteral("NaCl 150 mM.")),
             qPrintable(compared));
    QVERIFY(std::any_of(dialog->rows().cbegin(), dialog->rows().cend(),
                        [](const DiffRow &r) { return r.kind != DiffRow::Kind::Same; }));
    screenshot(m_windowC.get(), QStringLiteral("conflict-compare"), dialog);

    // Resolved as a person does: keep both texts, give a reason, save.
    QTest::mouseClick(dialog->findChild<QRadioButton *>(QStringLiteral("keepBoth")),
                      Qt::LeftButton);
    QTest::keyClicks(dialog->findChild<QLineEdit *>(QStringLiteral("resolveReason")),
                     QStringLiteral("both changes belong"));
    screenshot(m_windowC.get(), QStringLiteral("conflict-resolving"), dialog);
    QTest::mouseClick(dialog->findChild<QPushButton *>(QStringLiteral("saveResolution")),
                      Qt::LeftButton);
    QTRY_VERIFY(!dialog || !dialog->isVisible());
    QTRY_VERIFY_WITH_TIMEOUT(!quire::test::pageText(m_windowC->entryView())
                                  .contains(QStringLiteral("versions in conflict")),
                             15000);
    auto shown = m_windowC->notebook()->entry(entry);
    QVERIFY(shown && shown->conflict.isEmpty());
    QVERIFY2(shown->html.contains(QStringLiteral("pH 7.5")) &&
                 shown->html.contains(QStringLiteral("NaCl")),
             qPrintable(shown->html));
    screenshot(m_windowC.get(), QStringLiteral("conflict-resolved"));

    // Synced, the first computer has no conflict either.
    syncAndWait(m_windowC.get());
    m_windowC.reset();
    auto other = Notebook::open(laptop, kPassphrase);
    QVERIFY2(other, qPrintable(other.error()));
    QVERIFY((*other)->sync());
    auto there = (*other)->entry(entry);
    QVERIFY(there && there->conflict.isEmpty());
    QCOMPARE(there->recordId, shown->recordId);
}

void SyncUiTest::cleanupTestCase() {
    m_windowC.reset();
    m_windowB.reset();
    m_window.reset();
    std::printf("Screenshots in %s\n", qPrintable(m_shots.dir()));
}

int main(int argc, char *argv[]) {
    return runGuiTest<SyncUiTest>(argc, argv, "QuireSyncGuiTest");
}

#include "tst_sync_ui.moc"
