// quire-cli, never lose a notebook (issue 17): a vault deleted outright comes back on a new
// computer from the recovery code and a real git server (git daemon on loopback), with every
// record checked on arrival and by verify; a wrong or mistyped code is a clear error that leaves
// nothing behind; a new code replaces the old one; a backup restored into a new folder opens
// with the same passphrase; a hostile backup is refused before anything is written; a truncated
// quire.db is rebuilt from the code (and from a backup) with a report of what was lost.

#include "GitServers.h"
#include "TestSupport.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRegularExpression>
#include <QTemporaryDir>
#include <QtTest>

using namespace quire::test;

namespace {

const QByteArray kPass = "correct horse battery staple";
const QByteArray kNewPass = "a brand new passphrase";
const QRegularExpression
    kRecoveryCode(QStringLiteral("[0-9A-HJKMNP-TV-Z]{5}(-[0-9A-HJKMNP-TV-Z]{5}){6}"));

// One ustar entry (header and padded data), for hand-made hostile archives.
QByteArray tarEntry(const QByteArray &name, const QByteArray &data, char type = '0',
                    const QByteArray &link = {}) {
    QByteArray h(512, '\0');
    auto put = [&h](int at, const QByteArray &v) { h.replace(at, v.size(), v); };
    put(0, name.left(100));
    put(100, "0000600");
    put(108, "0000000");
    put(116, "0000000");
    put(124, QByteArray::number(data.size(), 8).rightJustified(11, '0'));
    put(136, "00000000000");
    put(148, "        ");
    h[156] = type;
    put(157, link.left(100));
    put(257, QByteArray("ustar\0", 6));
    put(263, "00");
    int sum = 0;
    for (char c : h)
        sum += quint8(c);
    put(148, QByteArray::number(sum, 8).rightJustified(6, '0') + QByteArray("\0 ", 2));
    QByteArray out = h + data;
    out.append(QByteArray((512 - data.size() % 512) % 512, '\0'));
    return out;
}

} // namespace

class CliRecoveryTest : public QObject {
    Q_OBJECT

    QTemporaryDir m_tmp;
    std::unique_ptr<GitDaemon> m_daemon;

    QString path(const QString &name) const { return m_tmp.filePath(name); }
    QString file(const QString &name, const QByteArray &content) {
        writeFile(path(name), content);
        return path(name);
    }
    static QString codeIn(const QByteArray &text) {
        return kRecoveryCode.match(QString::fromUtf8(text)).captured(0);
    }

    // A founder's vault with an experiment, two entries and an attachment, synced with `url`.
    // Returns the recovery code init made.
    QString found(const QString &vault, const QString &url, QString *entry) {
        const auto init = runCli(vault, {"init", "--notebook", "Okapi lab", "--name", "Alice Bench",
                                         "--email", "alice@lab.example"});
        if (init.exitCode != 0) return {};
        // Standard error is not a terminal here: init names the way to the code and never
        // writes the code itself where a script's log would keep it.
        if (!codeIn(init.err).isEmpty() || !init.err.contains("recovery-code show")) return {};
        const QString code = codeIn(runCli(vault, {"recovery-code", "show"}).out);
        const QString experiment =
            runCli(vault, {"experiment", "new", "--title", "Okapi assay"}).outLine();
        *entry = runCli(vault, {"entry", "add", "--experiment", experiment, "--title",
                                "Bench plate", "--file",
                                file(QFileInfo(vault).fileName() + "-e1.html",
                                     "<p>Read at the bench: 0.42 AU.</p>")})
                     .outLine();
        runCli(vault, {"entry", "add", "--experiment", experiment, "--title", "Second plate",
                       "--file", file(QFileInfo(vault).fileName() + "-e2.html", "<p>0.17 AU</p>")});
        runCli(vault,
               {"attach", *entry,
                file(QFileInfo(vault).fileName() + "-raw.csv", "well,od\nA1,0.42\nA2,0.40\n")});
        if (!url.isEmpty()) {
            if (runCli(vault, {"remote", "set", url}).exitCode != 0) return {};
            if (runCli(vault, {"sync"}).exitCode != 0) return {};
        }
        return code;
    }

    QString serverFile(const QString &repo, const QString &pathInRepo) {
        return QString::fromUtf8(runGit({"--git-dir", repo, "show", "main:" + pathInRepo}).out);
    }

private slots:
    void initTestCase() {
        QVERIFY(m_tmp.isValid());
        QVERIFY(QDir().mkpath(path("servers")));
        m_daemon = std::make_unique<GitDaemon>(path("servers"));
        QVERIFY2(m_daemon->start(), qPrintable(m_daemon->error()));
    }

    void aDeletedVaultComesBackOnANewComputerFromTheRecoveryCodeAndTheServer() {
        const QString repo = path("servers/okapi.git");
        QVERIFY(makeBareRepo(repo));
        const QString url = m_daemon->url("okapi.git");
        const QString vault = path("lost-vault");
        QString entry;
        const QString code = found(vault, url, &entry);
        QVERIFY2(!code.isEmpty(), "init made no recovery code, or wrote it where a log keeps it");
        // Shown again only with the passphrase; the same code.
        const auto shown = runCli(vault, {"recovery-code", "show"});
        CLI_OK(shown);
        QCOMPARE(shown.outLine(), code);
        QCOMPARE(runCli(vault, {"recovery-code", "show"}, "not the passphrase").exitCode, 1);

        // The server holds the member's keys sealed: no name, no key, no code in clear.
        const QString member = QJsonDocument::fromJson(readAll(vault + "/vault.json"))
                                   .object()
                                   .value("member")
                                   .toString();
        const QString onServer = serverFile(repo, "recovery/" + member + ".json");
        QVERIFY2(onServer.contains("\"sealed\""), qPrintable(onServer));
        for (const QString &secret :
             {QStringLiteral("Alice"), QStringLiteral("alice@lab"), QStringLiteral("Okapi"),
              QString(code).remove('-'), code.left(5), QStringLiteral("PRIVATE")})
            QVERIFY2(!onServer.contains(secret), qPrintable(secret));
        QStringList fields = QJsonDocument::fromJson(onServer.toUtf8()).object().keys();
        fields.sort();
        QCOMPARE(fields, (QStringList{"code_id", "created_at", "format", "kdf", "member",
                                      "notebook", "sealed", "type"}));

        // The computer is gone.
        QVERIFY(QDir(vault).removeRecursively());

        // A mistyped code is named by its group; a wrong one opens nothing; neither leaves a
        // folder behind.
        const QString fresh = path("new-computer");
        QString typo = code;
        typo[7] = typo[7] == 'A' ? 'B' : 'A';
        const auto mistyped = runCli(fresh, {"recover", "--remote", url, "--code", typo}, kNewPass);
        QCOMPARE(mistyped.exitCode, 1);
        QVERIFY2(mistyped.err.contains("group 2"), mistyped.err);
        const auto wrong = runCli(fresh, {"recover", "--remote", url, "--code", "X"}, kNewPass);
        QCOMPARE(wrong.exitCode, 1);
        QVERIFY2(wrong.err.contains("wrong code"), wrong.err);
        QVERIFY(!QFileInfo::exists(fresh));

        // The right code, typed in lower case without dashes, on standard input.
        const auto recovered = runCli(fresh, {"recover", "--remote", url}, kNewPass, {},
                                      code.toLower().remove('-').toLatin1() + "\n");
        CLI_OK(recovered);
        QVERIFY2(!recovered.out.contains(code.toLatin1()) &&
                     !recovered.err.contains(code.toLatin1()),
                 recovered.err);
        const auto verify = runCli(fresh, {"verify", "--json"}, kNewPass);
        CLI_OK(verify);
        const QJsonObject checked = json(verify).object();
        QVERIFY(checked.value("passed").toBool());
        QVERIFY2(checked.value("records").toInt() >= 6, verify.out);
        QCOMPARE(checked.value("records_ok").toInt(), checked.value("records").toInt());
        QCOMPARE(checked.value("chunks_ok").toInt(), checked.value("chunks").toInt());
        QVERIFY(checked.value("chunks").toInt() >= 1);
        const auto shownEntry = runCli(fresh, {"entry", "show", entry, "--json"}, kNewPass);
        CLI_OK(shownEntry);
        QVERIFY(json(shownEntry).object().value("html").toString().contains("0.42 AU"));
        // The old passphrase opens nothing here; the audit trail says what happened.
        QCOMPARE(runCli(fresh, {"verify"}).exitCode, 1);
        const auto audit = runCli(fresh, {"audit"}, kNewPass);
        CLI_OK(audit);
        QVERIFY2(audit.out.contains("recovery"), audit.out);
        QCOMPARE(runCli(fresh, {"recovery-code", "show"}, kNewPass).outLine(), code);

        // A new code replaces the old one: once synced, the old one opens nothing.
        const auto renewed = runCli(fresh, {"recovery-code", "new"}, kNewPass);
        CLI_OK(renewed);
        const QString newCode = renewed.outLine();
        QVERIFY(kRecoveryCode.match(newCode).hasMatch() && newCode != code);
        CLI_OK(runCli(fresh, {"sync"}, kNewPass));
        const auto stale =
            runCli(path("third-computer"), {"recover", "--remote", url, "--code", code}, kNewPass);
        QCOMPARE(stale.exitCode, 1);
        QVERIFY2(stale.err.contains("wrong code"), stale.err);
        CLI_OK(runCli(path("third-computer"), {"recover", "--remote", url, "--code", newCode},
                      kNewPass));
        CLI_OK(runCli(path("third-computer"), {"verify"}, kNewPass));

        // The recovery sheet: a PDF naming the notebook, the member, the server and the code.
        const QString sheet = path("sheet.pdf");
        CLI_OK(runCli(fresh, {"recovery-code", "sheet", "--out", sheet}, kNewPass,
                      {{"QT_QPA_PLATFORM", "offscreen"}}));
        QVERIFY(readAll(sheet).startsWith("%PDF-"));
        const Tool text = runTool("pdftotext", {sheet, "-"});
        if (text.exitCode == 0) {
            for (const QString &needed :
                 {QStringLiteral("Okapi lab"), QStringLiteral("Alice Bench"), url, newCode})
                QVERIFY2(text.all().contains(needed), qPrintable(needed + "\n" + text.all()));
        }
    }

    void aBackupRestoredIntoANewFolderOpensWithTheSamePassphrase() {
        const QString vault = path("backed-up");
        QString entry;
        QVERIFY(!found(vault, {}, &entry).isEmpty());
        const QString backup = path("okapi.quire-backup");
        const auto made = runCli(vault, {"backup", "--out", backup});
        CLI_OK(made);
        QVERIFY(!QFileInfo::exists(backup + ".part"));
        const QByteArray bytes = readAll(backup);
        QVERIFY(bytes.size() > 4096);
        QVERIFY2(!bytes.contains("SQLite format 3"), "the database copy is not encrypted");
        QVERIFY(!bytes.contains("Read at the bench"));
        QCOMPARE(runCli(vault, {"backup", "--out", path("x.bak")}, "wrong passphrase").exitCode, 1);

        const QString restored = path("restored");
        CLI_OK(runCli(restored, {"restore", backup}));
        const auto verify = runCli(restored, {"verify", "--json"});
        CLI_OK(verify);
        QVERIFY2(json(verify).object().value("records").toInt() >= 6, verify.out);
        const auto shownEntry = runCli(restored, {"entry", "show", entry, "--json"});
        CLI_OK(shownEntry);
        QVERIFY(json(shownEntry).object().value("html").toString().contains("0.42 AU"));
        // Never over something.
        const auto again = runCli(restored, {"restore", backup});
        QCOMPARE(again.exitCode, 1);
        QVERIFY2(again.err.contains("not empty"), again.err);

        // The original's database damaged: rebuilt from the backup, the damaged file kept.
        QFile db(vault + "/quire.db");
        QVERIFY(db.resize(1000));
        QCOMPARE(runCli(vault, {"verify"}).exitCode, 1);
        const auto rebuilt = runCli(vault, {"rebuild", "--from-backup", backup, "--json"});
        CLI_OK(rebuilt);
        const QJsonObject report = json(rebuilt).object();
        QCOMPARE(report.value("records_ok").toInt(), report.value("records").toInt());
        QVERIFY(QFileInfo(report.value("kept_aside").toString()).size() == 1000);
        QVERIFY2(!report.value("lost").toArray().isEmpty(), rebuilt.out);
        CLI_OK(runCli(vault, {"verify"}));
    }

    void aHostileBackupIsRefusedBeforeAnythingIsWritten() {
        const QByteArray manifest = R"({"format":"quire-backup/1","notebook":"x"})";
        const QByteArray end(1024, '\0');
        const QList<QPair<QString, QByteArray>> hostile{
            {"traversal", tarEntry("BACKUP.json", manifest) + tarEntry("vault.json", "{}") +
                              tarEntry("../escaped.txt", "owned") + end},
            {"absolute", tarEntry("BACKUP.json", manifest) +
                             tarEntry(path("absolute.txt").toUtf8(), "owned") + end},
            {"symlink", tarEntry("BACKUP.json", manifest) +
                            tarEntry("repo.git/objects", {}, '2', "/etc") + end},
            {"stranger", tarEntry("BACKUP.json", manifest) + tarEntry(".bashrc", "owned") + end},
            {"notabackup", tarEntry("vault.json", "{}") + end}};
        for (const auto &[name, bytes] : hostile) {
            const QString archive = file(name + ".tar", bytes);
            const QString target = path("hostile-" + name);
            const auto r = runCli(target, {"restore", archive});
            QCOMPARE(r.exitCode, 1);
            QVERIFY2(r.err.contains("refused") || r.err.contains("not a Quire backup"), r.err);
            QVERIFY2(!QFileInfo::exists(target), qPrintable(name));
        }
        QVERIFY(!QFileInfo::exists(path("escaped.txt")));
        QVERIFY(!QFileInfo::exists(path("absolute.txt")));
        // Nothing half-written is left next to the target either.
        QCOMPARE(QDir(m_tmp.path()).entryList({"hostile-*"}, QDir::AllEntries | QDir::Hidden),
                 QStringList());
    }

    void aTruncatedDatabaseIsRebuiltFromTheCodeTheLocalCopyAndTheServer() {
        QVERIFY(makeBareRepo(path("servers/rebuild.git")));
        const QString url = m_daemon->url("rebuild.git");
        const QString vault = path("damaged");
        QString entry;
        const QString code = found(vault, url, &entry);
        QVERIFY(!code.isEmpty());
        // Saved after the last sync: not on the server.
        CLI_OK(runCli(vault,
                      {"entry", "edit", entry, "--file",
                       file("late.html", "<p>Corrected after the sync.</p>"), "--reason", "typo"}));
        CLI_OK(runCli(vault, {"verify"}));
        QFile db(vault + "/quire.db");
        const qint64 truncated = db.size() / 3;
        QVERIFY(db.resize(truncated));
        QCOMPARE(runCli(vault, {"verify"}).exitCode, 1);

        const auto wrong = runCli(vault, {"rebuild", "--code", "nonsense"}, kNewPass);
        QCOMPARE(wrong.exitCode, 1);
        QVERIFY2(wrong.err.contains("wrong code"), wrong.err);
        const auto rebuilt = runCli(vault, {"rebuild", "--code", code, "--json"}, kNewPass);
        CLI_OK(rebuilt);
        const QJsonObject report = json(rebuilt).object();
        QVERIFY2(report.value("records").toInt() >= 6, rebuilt.out);
        QCOMPARE(report.value("records_ok").toInt(), report.value("records").toInt());
        const QString aside = report.value("kept_aside").toString();
        QCOMPARE(QFileInfo(aside).size(), truncated);
        QVERIFY(QFileInfo::exists(report.value("old_repository").toString() + "/HEAD"));
        const QString lost = report.value("lost").toVariant().toStringList().join('\n');
        QVERIFY2(lost.contains("drafts") && lost.contains("never published"), qPrintable(lost));
        const auto verify = runCli(vault, {"verify", "--json"}, kNewPass);
        CLI_OK(verify);
        // What this computer had synced came back from its own copy (the old repo.git), checked
        // like everything else; the version saved after the last sync was never sent: lost, as
        // the report says (version 2 is the attachment's, version 3 the lost correction).
        QVERIFY2(report.value("from_local_copy").toInt() >= 6, rebuilt.out);
        const auto shown = runCli(vault, {"entry", "show", entry, "--json"}, kNewPass);
        CLI_OK(shown);
        QCOMPARE(json(shown).object().value("version").toInt(), 2);
        QVERIFY(!json(shown).object().value("html").toString().contains("Corrected after"));
        QVERIFY(runCli(vault, {"audit"}, kNewPass).out.contains("recovery"));
        CLI_OK(runCli(vault, {"sync"}, kNewPass));
    }
};

QTEST_GUILESS_MAIN(CliRecoveryTest)
#include "tst_cli_recovery.moc"
