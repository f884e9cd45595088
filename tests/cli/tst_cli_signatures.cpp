// quire-cli electronic signatures and trusted time end to end (FORMAT.md §3, §4), with real
// components only: three vaults sharing one bare repository, a real time-stamp authority
// (`openssl ts -reply` behind quire-test-tsa on loopback), and the openssl command line checking
// the exported evidence. Alice (admin, author) writes and signs offline, Carol (supervisor)
// countersigns, Bob (author only) may not; every refusal writes nothing.

#include "GitServers.h"
#include "TestSupport.h"
#include "TestTsa.h"

#include <QDirIterator>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRegularExpression>
#include <QTemporaryDir>
#include <QtTest>

using namespace quire::test;

namespace {

const QByteArray kPass = "correct horse battery staple";
const QRegularExpression kRecordId(QStringLiteral("^[0-9a-f]{64}$"));

} // namespace

// QVERIFY2 evaluates its message even when the check holds: run the command once.
class CliSignaturesTest : public QObject {
    Q_OBJECT

    QTemporaryDir m_tmp;
    QString m_server;
    QString m_alice, m_carol, m_bob;
    QString m_experiment;
    QString m_entry;          // Alice's entry, signed by her and witnessed by Carol
    QString m_aliceSignature; // its authored signature
    QString m_carolSignature; // its witnessed signature
    std::unique_ptr<TestTsa> m_tsa;

    QString path(const QString &name) const { return m_tmp.filePath(name); }

    CliResult cli(const QString &vault, const QStringList &args,
                  const QByteArray &signPassphrase = {}) {
        QMap<QString, QString> env;
        if (!signPassphrase.isEmpty())
            env.insert(QStringLiteral("QUIRE_SIGN_PASSPHRASE"), QString::fromUtf8(signPassphrase));
        return runCli(vault, args, kPass, env);
    }

    // The number of records a vault holds (the audit trail lists every one), leaving out the
    // "unlock" audit record each quire-cli run writes when it opens the vault.
    int recordCount(const QString &vault) {
        const auto audit = cli(vault, {"audit", "--json"});
        if (audit.exitCode != 0) return -1;
        const QJsonArray all = json(audit).array();
        return int(std::count_if(all.begin(), all.end(), [](const QJsonValue &e) {
            return e.toObject().value("action").toString() != "unlock";
        }));
    }

    QString addEntry(const QString &vault, const QString &title) {
        const QString file = path(title + ".md");
        if (!writeAll(file, "# " + title.toUtf8() + "\n\nYield 81 %, m.p. 121 °C.\n")) return {};
        const auto add = cli(vault, {"entry", "add", "--experiment", m_experiment, "--title", title,
                                     "--file", file});
        return add.exitCode == 0 ? add.outLine() : QString();
    }

    // A newcomer joins with the given roles, approved by Alice, and syncs once.
    void join(const QString &vault, const QString &name, const QString &roles) {
        const QString invitation = path(name + "-invitation.json");
        const QString request = path(name + "-request.json");
        CLI_OK(cli(m_alice, {"member", "invite", "--out", invitation}));
        const auto joined =
            cli(vault, {"join", "--invitation", invitation, "--name", name, "--email",
                        name.section(' ', 0, 0).toLower() + "@lab.example", "--out", request});
        CLI_OK(joined);
        CLI_OK(cli(m_alice,
                   {"member", "approve", request, "--roles", roles, "--code", joined.outLine()}));
        CLI_OK(cli(m_alice, {"sync"}));
        CLI_OK(cli(vault, {"sync"}));
    }

    QJsonArray signaturesOf(const QString &vault, const QString &entry) {
        const auto r = cli(vault, {"signatures", entry, "--json"});
        return r.exitCode == 0 ? json(r).array() : QJsonArray();
    }

private slots:
    void initTestCase() {
        QVERIFY(m_tmp.isValid());
        m_server = path("server.git");
        QVERIFY(makeBareRepo(m_server));
        m_alice = path("alice");
        m_carol = path("carol");
        m_bob = path("bob");
        CLI_OK(cli(m_alice, {"init", "--notebook", "Synthesis lab", "--name", "Alice Author",
                             "--email", "alice@lab.example"}));
        CLI_OK(cli(m_alice, {"remote", "set", m_server}));
        const auto x = cli(m_alice, {"experiment", "new", "--title", "Aspirin synthesis"});
        CLI_OK(x);
        m_experiment = x.outLine();
        CLI_OK(cli(m_alice, {"sync"}));
        join(m_carol, "Carol Supervisor", "author,supervisor");
        join(m_bob, "Bob Bench", "author");

        m_tsa = std::make_unique<TestTsa>(m_tmp.path(), QStringLiteral("trusted"));
        QVERIFY(m_tsa->ok());
        QVERIFY(m_tsa->start());
    }

    // FORMAT.md §3 across two vaults: authored offline, synced, witnessed, synced back.
    void authoredOfflineThenWitnessedAcrossTwoVaults() {
        m_entry = addEntry(m_alice, "Recrystallisation");
        QVERIFY(!m_entry.isEmpty());
        // Offline: no sync between writing and signing.
        const auto sign = cli(m_alice, {"sign", m_entry, "--meaning", "authored"}, kPass);
        CLI_OK(sign);
        m_aliceSignature = sign.outLine();
        QVERIFY2(kRecordId.match(m_aliceSignature).hasMatch(), sign.out);
        // The accountability statement and the manifestation (11.50) are shown.
        QVERIFY2(sign.err.contains("legally binding") && sign.err.contains("Alice Author") &&
                     sign.err.contains("Authored"),
                 sign.err);
        CLI_OK(cli(m_alice, {"sync"}));

        CLI_OK(cli(m_carol, {"sync"}));
        const auto queue = cli(m_carol, {"review-queue", "--json"});
        CLI_OK(queue);
        const QJsonArray waiting = json(queue).array();
        QCOMPARE(waiting.size(), 1);
        QCOMPARE(waiting.at(0).toObject().value("entry").toString(), m_entry);
        QCOMPARE(waiting.at(0).toObject().value("printed_name").toString(),
                 QStringLiteral("Alice Author"));
        QCOMPARE(waiting.at(0).toObject().value("entry_title").toString(),
                 QStringLiteral("Recrystallisation"));
        // Alice has nothing to countersign: she is no supervisor.
        const auto aliceQueue = cli(m_alice, {"review-queue"});
        CLI_OK(aliceQueue);
        QVERIFY2(aliceQueue.out.contains("not a supervisor"), aliceQueue.out);

        const auto witness = cli(m_carol, {"sign", m_entry, "--meaning", "witnessed"}, kPass);
        CLI_OK(witness);
        m_carolSignature = witness.outLine();
        QVERIFY2(kRecordId.match(m_carolSignature).hasMatch(), witness.out);
        QVERIFY(json(cli(m_carol, {"review-queue", "--json"})).array().isEmpty());
        CLI_OK(cli(m_carol, {"sync"}));
        CLI_OK(cli(m_alice, {"sync"}));

        for (const QString &vault : {m_alice, m_carol}) {
            const QJsonArray sigs = signaturesOf(vault, m_entry);
            QCOMPARE(sigs.size(), 2);
            QCOMPARE(sigs.at(0).toObject().value("meaning").toString(), QStringLiteral("authored"));
            QCOMPARE(sigs.at(1).toObject().value("meaning").toString(),
                     QStringLiteral("witnessed"));
            QCOMPARE(sigs.at(1).toObject().value("printed_name").toString(),
                     QStringLiteral("Carol Supervisor"));
            for (const auto &s : sigs) {
                QVERIFY2(s.toObject().value("valid").toBool() &&
                             s.toObject().value("allowed").toBool(),
                         QJsonDocument(s.toObject()).toJson());
                // Printed name, date and time with zone, meaning (11.50).
                QVERIFY(s.toObject()
                            .value("manifestation")
                            .toString()
                            .contains(QRegularExpression(
                                QStringLiteral("— \\d{4}-\\d\\d-\\d\\d \\d\\d:\\d\\d:\\d\\d "
                                               ".*\\(UTC[+-]\\d\\d:\\d\\d\\)"))));
            }
            const auto verify = cli(vault, {"verify", "--json"});
            CLI_OK(verify);
            const QJsonObject report = json(verify).object();
            QVERIFY(report.value("passed").toBool());
            int signatureRecords = 0;
            for (const auto &rc : report.value("record_checks").toArray()) {
                const QJsonObject o = rc.toObject();
                QVERIFY2(o.value("seal").toBool() && o.value("chain").toBool() &&
                             o.value("ok").toBool(),
                         QJsonDocument(o).toJson());
                if (o.value("type").toString() == "signature") {
                    ++signatureRecords;
                    QVERIFY(o.value("signature").toObject().value("valid").toBool());
                    QVERIFY(o.value("signature").toObject().value("allowed").toBool());
                }
            }
            QCOMPARE(signatureRecords, 2);
            const auto text = cli(vault, {"verify", "--records"});
            CLI_OK(text);
            QVERIFY2(text.out.contains("signature valid (witnessed by Carol Supervisor, allowed)"),
                     text.out);
        }
        const auto show = cli(m_alice, {"entry", "show", m_entry});
        CLI_OK(show);
        QVERIFY2(show.out.contains("Signature: Alice Author — Authored —") &&
                     show.out.contains("Signature: Carol Supervisor — Witnessed —") &&
                     show.out.contains("time not yet attested"),
                 show.out);
    }

    void refusalsSayWhyAndWriteNothing() {
        QVERIFY(!m_entry.isEmpty());
        const int before = recordCount(m_alice);
        QVERIFY(before > 0);
        struct Case {
            QString vault;
            QStringList args;
            QByteArray passphrase;
            QString message;
        };
        const QList<Case> cases{
            {m_alice,
             {"sign", m_entry, "--meaning", "witnessed"},
             kPass,
             "the entry's author cannot sign it as witnessed"},
            {m_alice,
             {"sign", m_entry, "--meaning", "authored"},
             kPass,
             "you already signed this version as authored"},
            {m_alice,
             {"sign", m_entry, "--meaning", "notarised"},
             kPass,
             "“notarised” is not a signature meaning"},
        };
        for (const auto &c : cases) {
            const auto r = cli(c.vault, c.args, c.passphrase);
            QCOMPARE(r.exitCode, 1);
            QVERIFY2(r.err.contains(c.message.toUtf8()) && r.err.contains("nothing was signed"),
                     r.err);
            QVERIFY2(r.out.isEmpty(), r.out);
        }
        QCOMPARE(recordCount(m_alice), before);

        // Bob is an author, not a supervisor: he may not approve Alice's entry.
        CLI_OK(cli(m_bob, {"sync"}));
        const int bobBefore = recordCount(m_bob);
        const auto approve = cli(m_bob, {"sign", m_entry, "--meaning", "approved"}, kPass);
        QCOMPARE(approve.exitCode, 1);
        QVERIFY2(approve.err.contains("only a supervisor can sign an entry as approved"),
                 approve.err);
        QCOMPARE(recordCount(m_bob), bobBefore);

        // A voided entry cannot be signed.
        const QString voided = addEntry(m_alice, "Failed run");
        CLI_OK(cli(m_alice, {"entry", "void", voided, "--reason", "flask cracked"}));
        const int beforeVoid = recordCount(m_alice);
        const auto onVoid = cli(m_alice, {"sign", voided, "--meaning", "authored"}, kPass);
        QCOMPARE(onVoid.exitCode, 1);
        QVERIFY2(onVoid.err.contains("a voided entry cannot be signed"), onVoid.err);
        QCOMPARE(recordCount(m_alice), beforeVoid);
    }

    // 11.200: the passphrase again, every time; a wrong one leaves an audit record and no
    // signature.
    void signingWithWrongPassphraseWritesAuditRecordOnly() {
        const QString entry = addEntry(m_alice, "Melting point");
        QVERIFY(!entry.isEmpty());
        const int before = recordCount(m_alice);
        const auto wrong = cli(m_alice, {"sign", entry, "--meaning", "authored"}, "not it at all");
        QCOMPARE(wrong.exitCode, 1);
        QVERIFY2(wrong.err.contains("the passphrase is wrong") &&
                     wrong.err.contains("nothing was signed"),
                 wrong.err);
        QVERIFY2(!wrong.err.contains("not it at all"), wrong.err);
        QCOMPARE(signaturesOf(m_alice, entry).size(), 0);
        QCOMPARE(recordCount(m_alice), before + 1);
        QJsonArray audit = json(cli(m_alice, {"audit", "--json"})).array();
        while (!audit.isEmpty() && audit.last().toObject().value("action").toString() == "unlock")
            audit.removeLast();
        const QJsonObject last = audit.last().toObject();
        QCOMPARE(last.value("action").toString(), QStringLiteral("signing_failed"));
        QVERIFY2(QJsonDocument(last).toJson().contains("wrong passphrase"),
                 QJsonDocument(last).toJson());
        // The secret appears nowhere in the vault's files as plain text.
        for (const auto &[file, _] : hashTree(m_alice).toStdMap())
            QVERIFY2(!readAll(m_alice + "/" + file).contains("not it at all"), qPrintable(file));
    }

    // FORMAT.md §4 with a real TSA: anchoring, the offline queue, several authorities in
    // order, and an untrusted authority refused.
    void anchoringWithARealTimeStampAuthority() {
        const QString trust = m_tsa->caPemPath();
        // Nothing set yet: a clear message.
        const auto unset = cli(m_alice, {"anchor"});
        QCOMPARE(unset.exitCode, 1);
        QVERIFY2(unset.err.contains("no time-stamp authority is set"), unset.err);

        CLI_OK(cli(m_alice, {"tsa", "set", m_tsa->url(), "--trust", trust}));
        const int requestsBefore = m_tsa->requestCount();
        const auto anchor = cli(m_alice, {"anchor", "--json"});
        CLI_OK(anchor);
        const int anchored = json(anchor).object().value("anchored").toInt();
        QVERIFY2(anchored >= 10, anchor.out); // every record so far, in one request
        QCOMPARE(m_tsa->requestCount(), requestsBefore + 1);
        const auto verify = cli(m_alice, {"verify", "--json"});
        CLI_OK(verify);
        int attested = 0, unattested = 0;
        for (const auto &rc : json(verify).object().value("record_checks").toArray()) {
            const QJsonObject o = rc.toObject();
            // Anchors are not anchored; the unlock of this very run came after the anchor.
            if (o.value("type").toString() == "anchor" || o.value("type").toString() == "audit")
                continue;
            if (o.value("attested_at").isString())
                ++attested;
            else
                ++unattested;
        }
        QVERIFY(attested > 0 && attested <= anchored);
        QCOMPARE(unattested, 0);
        const auto show = cli(m_alice, {"signatures", m_entry});
        QVERIFY2(show.out.contains("time attested at 20"), show.out);

        // Offline: the authority is down; records wait, the sync goes on and says so.
        m_tsa->stop();
        const QString offline = addEntry(m_alice, "Written while the TSA was down");
        QVERIFY(!offline.isEmpty());
        const auto down = cli(m_alice, {"anchor"});
        QCOMPARE(down.exitCode, 1);
        QVERIFY2(down.err.contains("no time-stamp authority answered") &&
                     down.err.contains("wait for the next chance") &&
                     down.err.contains(m_tsa->url().toUtf8()),
                 down.err);
        const auto status = cli(m_alice, {"tsa", "show", "--json"});
        QVERIFY2(json(status).object().value("waiting").toInt() >= 2, status.out);
        const auto sync = cli(m_alice, {"sync", "--json"});
        CLI_OK(sync);
        QVERIFY2(!json(sync).object().value("anchor_problem").toString().isEmpty(), sync.out);
        QVERIFY2(cli(m_alice, {"entry", "show", offline}).out.contains("time not yet attested"),
                 "an unattested entry says so");

        // Back online, behind a first address that answers nothing: the second one serves.
        QVERIFY(m_tsa->start());
        const QString dead = QStringLiteral("http://127.0.0.1:%1/tsa").arg(freeLoopbackPort());
        CLI_OK(cli(m_alice, {"tsa", "set", dead, m_tsa->url(), "--trust", trust}));
        const auto back = cli(m_alice, {"anchor", "--json"});
        CLI_OK(back);
        const QJsonObject b = json(back).object();
        QVERIFY2(b.value("anchored").toInt() >= 2, back.out);
        QCOMPARE(b.value("tsa").toString(), m_tsa->url());
        QCOMPARE(b.value("failures").toArray().size(), 1);
        QVERIFY(b.value("failures").toArray().at(0).toString().startsWith(dead));
        // Only the unlock record of the `tsa show` run itself waits.
        QCOMPARE(json(cli(m_alice, {"tsa", "show", "--json"})).object().value("waiting").toInt(),
                 1);
        QVERIFY2(
            cli(m_alice, {"entry", "show", offline}).out.contains("This version: time attested at"),
            "attested now");

        // A token from an authority this notebook does not trust is refused; nothing written.
        TestTsa rogue(m_tmp.path(), QStringLiteral("rogue"));
        QVERIFY(rogue.ok());
        QVERIFY(rogue.start());
        QVERIFY(!addEntry(m_alice, "After the rogue").isEmpty());
        CLI_OK(cli(m_alice, {"tsa", "set", rogue.url(), "--trust", trust}));
        const int beforeRogue = recordCount(m_alice);
        const auto refused = cli(m_alice, {"anchor"});
        QCOMPARE(refused.exitCode, 1);
        QVERIFY2(refused.err.contains("not from a trusted time-stamp authority"), refused.err);
        QCOMPARE(recordCount(m_alice), beforeRogue);
        QCOMPARE(rogue.requestCount(), 1);
        CLI_OK(cli(m_alice, {"tsa", "set", m_tsa->url(), "--trust", trust}));
        CLI_OK(cli(m_alice, {"anchor"}));
        CLI_OK(cli(m_alice, {"verify"}));
    }

    // The evidence folder verifies with the openssl command line alone; one changed byte in
    // any of its files makes the check fail.
    void evidenceVerifiesWithOpensslAloneAndAnyChangedByteFailsIt() {
        QVERIFY(!m_carolSignature.isEmpty());
        CLI_OK(cli(m_alice, {"sync"})); // Carol's signature arrives, Alice anchors it
        CLI_OK(cli(m_carol, {"sync"}));
        // Carol's vault trusts the same authority, so her evidence carries the trusted time.
        CLI_OK(cli(m_carol, {"tsa", "set", m_tsa->url(), "--trust", m_tsa->caPemPath()}));
        const QString dir = path("evidence");
        const auto ev = cli(m_carol, {"evidence", m_carolSignature, "--out", dir});
        CLI_OK(ev);
        for (const char *name :
             {"statement.json", "signature.der", "ca.pem", "signer.pem", "record.json",
              "timestamp.tsr", "merkle-path.json", "tsa-ca.pem", "verify.sh", "README.txt"})
            QVERIFY2(QFile::exists(dir + "/" + name), name);
        const QJsonObject statement =
            QJsonDocument::fromJson(readAll(dir + "/statement.json")).object();
        QCOMPARE(statement.value("meaning").toString(), QStringLiteral("witnessed"));
        QCOMPARE(statement.value("printed_name").toString(), QStringLiteral("Carol Supervisor"));

        // The commands FORMAT.md names, run by hand.
        const Tool cms = runTool("openssl", {"cms", "-verify", "-binary", "-inform", "DER", "-in",
                                             dir + "/signature.der", "-content",
                                             dir + "/statement.json", "-CAfile", dir + "/ca.pem",
                                             "-purpose", "any", "-out", "/dev/null"});
        QVERIFY2(cms.exitCode == 0, qPrintable(cms.all()));
        const QJsonObject proof =
            QJsonDocument::fromJson(readAll(dir + "/merkle-path.json")).object();
        const Tool ts = runTool(
            "openssl", {"ts", "-verify", "-digest", proof.value("root").toString(), "-in",
                        dir + "/timestamp.tsr", "-token_in", "-CAfile", dir + "/tsa-ca.pem"});
        QVERIFY2(ts.exitCode == 0 && ts.out.contains("OK"), qPrintable(ts.all()));
        const Tool script = runTool("bash", {dir + "/verify.sh"});
        QVERIFY2(script.exitCode == 0 && script.out.contains("RESULT: all checks passed") &&
                     script.out.contains("merkle path: leads to root"),
                 qPrintable(script.all()));

        // One changed byte, at three places in each file, each time in a fresh copy.
        for (const char *name :
             {"statement.json", "signature.der", "ca.pem", "signer.pem", "record.json",
              "timestamp.tsr", "merkle-path.json", "tsa-ca.pem"}) {
            const QByteArray original = readAll(dir + "/" + name);
            QVERIFY(original.size() > 8);
            for (const double at : {0.3, 0.5, 0.8}) {
                qsizetype pos = qsizetype(double(original.size()) * at);
                while (original.at(pos) == '\n')
                    ++pos; // a newline in PEM is not content
                const QString copy = path(QStringLiteral("tampered-%1-%2").arg(name).arg(at));
                QVERIFY(QDir().mkpath(copy));
                QDirIterator it(dir, QDir::Files);
                while (it.hasNext()) {
                    const QString f = it.next();
                    QVERIFY(QFile::copy(f, copy + "/" + it.fileName()));
                }
                QByteArray changed = original;
                changed[pos] = char(changed.at(pos) ^ 0x01);
                QVERIFY(writeAll(copy + "/" + name, changed));
                const Tool t = runTool("bash", {copy + "/verify.sh"});
                QVERIFY2(t.exitCode == 1 && t.out.contains("RESULT: FAILED"),
                         qPrintable(QStringLiteral("%1 changed at byte %2 still verifies:\n%3")
                                        .arg(name)
                                        .arg(pos)
                                        .arg(t.all())));
            }
        }
        // Exporting is itself in the audit trail.
        const QJsonArray audit = json(cli(m_carol, {"audit", "--json"})).array();
        QVERIFY(std::any_of(audit.begin(), audit.end(), [](const QJsonValue &e) {
            return e.toObject().value("action").toString() == "export";
        }));
    }

    // A signed entry is locked: a change is an amendment with a reason, shown as changed after
    // signing, and the first signature stays valid for the version it signed.
    void amendingASignedEntryNeedsAReasonAndKeepsTheSignature() {
        const QString file = path("amended.md");
        QVERIFY(writeAll(file, "# Recrystallisation\n\nYield corrected to 79 %.\n"));
        const int before = recordCount(m_alice);
        const auto noReason =
            cli(m_alice, {"entry", "edit", m_entry, "--file", file, "--reason", " "});
        QCOMPARE(noReason.exitCode, 1);
        QVERIFY2(noReason.err.contains("is signed; a change is an amendment and needs a reason"),
                 noReason.err);
        QCOMPARE(recordCount(m_alice), before);
        CLI_OK(cli(m_alice, {"entry", "edit", m_entry, "--file", file, "--reason",
                             "yield recalculated after drying"}));
        const auto show = cli(m_alice, {"entry", "show", m_entry, "--json"});
        const QJsonObject v2 = json(show).object();
        QCOMPARE(v2.value("version").toInt(), 2);
        QVERIFY(v2.value("changed_after_signing").toBool());
        QVERIFY(v2.value("signatures").toArray().isEmpty());
        const QJsonObject v1 =
            json(cli(m_alice, {"entry", "show", m_entry, "--version", "1", "--json"})).object();
        QCOMPARE(v1.value("signatures").toArray().size(), 2);
        for (const auto &s : v1.value("signatures").toArray())
            QVERIFY(s.toObject().value("valid").toBool() && s.toObject().value("allowed").toBool());
        CLI_OK(cli(m_alice, {"verify"}));
    }

    // A clock set back before the last record (libfaketime) is recorded as an audit record.
    void aClockRunningBackwardsIsRecorded() {
        if (underSanitizers()) QSKIP(kNoFaketimeUnderSanitizers);
        const Tool probe = runTool("faketime", {"-f", "-1d", "true"});
        QVERIFY2(probe.exitCode == 0, "faketime is installed by installer/install-deps.sh");
        QProcess p;
        auto env = QProcessEnvironment::systemEnvironment();
        env.insert("QUIRE_PASSPHRASE", QString::fromUtf8(kPass));
        p.setProcessEnvironment(env);
        const QString file = path("backdated.md");
        QVERIFY(writeAll(file, "Written with the clock set back a day.\n"));
        p.start("faketime", {"-f", "-1d", cliPath(), "--vault", m_alice, "entry", "add",
                             "--experiment", m_experiment, "--title", "Backdated", "--file", file});
        QVERIFY(p.waitForFinished(60000));
        QVERIFY2(p.exitCode() == 0, p.readAllStandardError());
        const QJsonArray audit = json(cli(m_alice, {"audit", "--json"})).array();
        // The run's first record (its unlock) is earlier than the last record and than the
        // last trusted time; the entry after it is still earlier than the trusted time.
        bool beforeLastRecord = false, beforeTrustedTime = false;
        for (const auto &e : audit) {
            const QJsonObject o = e.toObject();
            if (o.value("action").toString() != "clock_backwards") continue;
            const QJsonObject detail = o.value("detail").toObject();
            beforeLastRecord |= detail.contains("last_recorded_at");
            beforeTrustedTime |= detail.contains("last_trusted_time");
            QVERIFY2(o.value("summary").toString().contains("clock went back"),
                     QJsonDocument(o).toJson());
        }
        QVERIFY(beforeLastRecord);
        QVERIFY(beforeTrustedTime);
        CLI_OK(cli(m_alice, {"verify"}));
    }
};

QTEST_GUILESS_MAIN(CliSignaturesTest)
#include "tst_cli_signatures.moc"
