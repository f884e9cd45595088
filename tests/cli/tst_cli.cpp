// quire-cli end to end: every command of the foundation on a real vault, the bytes on disk
// (no plaintext anywhere), wrong passphrases, and a second process on an open vault.

#include "TestSupport.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRandomGenerator>
#include <QRegularExpression>
#include <QTemporaryDir>
#include <QtTest>

using namespace quire::test;

class CliTest : public QObject {
    Q_OBJECT

    QTemporaryDir m_tmp;
    QString m_vault;
    QString m_experiment;

    QString file(const QString &name, const QByteArray &content) {
        const QString path = m_tmp.filePath(name);
        writeFile(path, content);
        return path;
    }

    static QJsonDocument json(const CliResult &r) { return QJsonDocument::fromJson(r.out); }

private slots:
    void initTestCase() {
        QVERIFY(m_tmp.isValid());
        m_vault = m_tmp.filePath("vault");
        const auto init = runCli(m_vault, {"init", "--notebook", "Protein lab", "--name",
                                           "Alice Researcher", "--email", "alice@lab.example"});
        QCOMPARE(init.exitCode, 0);
        QVERIFY2(QRegularExpression("^[0-9a-f-]{36}$").match(init.outLine()).hasMatch(), init.out);
        QVERIFY(QFile::exists(m_vault + "/vault.json"));
        QVERIFY(QFile::exists(m_vault + "/quire.db"));
        QVERIFY(QDir(m_vault + "/repo.git").exists());
        const auto x = runCli(m_vault, {"experiment", "new", "--title", "Lysozyme crystallisation",
                                        "--project", "Structures", "--tag", "crystals", "--tag",
                                        "hanging-drop"});
        QCOMPARE(x.exitCode, 0);
        m_experiment = x.outLine();
        QVERIFY(QRegularExpression("^[0-9a-f-]{36}$").match(m_experiment).hasMatch());
    }

    void initRefusesAnExistingVault() {
        const auto again =
            runCli(m_vault, {"init", "--notebook", "X", "--name", "Y", "--email", "y@lab.example"});
        QCOMPARE(again.exitCode, 1);
        QVERIFY2(again.err.contains("already exists"), again.err);
    }

    void experimentListShowsWhatWasCreated() {
        const auto list = runCli(m_vault, {"experiment", "list", "--json"});
        QCOMPARE(list.exitCode, 0);
        const QJsonArray arr = json(list).array();
        QCOMPARE(arr.size(), 1);
        const QJsonObject x = arr.first().toObject();
        QCOMPARE(x.value("uuid").toString(), m_experiment);
        QCOMPARE(x.value("title").toString(), QString("Lysozyme crystallisation"));
        QCOMPARE(x.value("project").toString(), QString("Structures"));
        QCOMPARE(x.value("tags").toArray().size(), 2);
        QCOMPARE(x.value("author_name").toString(), QString("Alice Researcher"));
        const auto text = runCli(m_vault, {"experiment", "list"});
        QVERIFY(text.out.contains("Lysozyme crystallisation"));
    }

    void markdownEntryIsConvertedAndSanitised() {
        const QString md =
            file("entry.md", "# Drop setup\n\n| well | PEG % |\n|---|---|\n| A1 | 20 |\n\n"
                             "- [x] plates labelled\n\n<script>alert(1)</script>\n");
        const auto add = runCli(m_vault, {"entry", "add", "--experiment", m_experiment, "--title",
                                          "Setup", "--file", md});
        QCOMPARE(add.exitCode, 0);
        const auto show = runCli(m_vault, {"entry", "show", add.outLine(), "--json"});
        QCOMPARE(show.exitCode, 0);
        const QString html = json(show).object().value("html").toString();
        QVERIFY2(html.contains("<h1>Drop setup</h1>"), qPrintable(html));
        QVERIFY2(html.contains("<table>"), qPrintable(html));
        QVERIFY2(html.contains("checklist"), qPrintable(html));
        QVERIFY2(!html.contains("<script"), qPrintable(html));
    }

    void entryVersionsNeedReasonsAndKeepHistory() {
        const QString v1 = file("v1.html", "<p>Drop 1: 2 µl protein + 2 µl well solution.</p>");
        const auto add = runCli(m_vault, {"entry", "add", "--experiment", m_experiment, "--title",
                                          "Drops", "--file", v1});
        QCOMPARE(add.exitCode, 0);
        const QString entry = add.outLine();

        const QString v2 =
            file("v2.html", "<p>Drop 1: 2 µl protein + 2 µl well solution, 18 °C.</p>");
        const auto noReason = runCli(m_vault, {"entry", "edit", entry, "--file", v2});
        QCOMPARE(noReason.exitCode, 2);
        QVERIFY2(noReason.err.contains("reason"), noReason.err);

        const auto edit = runCli(
            m_vault, {"entry", "edit", entry, "--file", v2, "--reason", "temperature was missing"});
        QCOMPARE(edit.exitCode, 0);
        const auto same =
            runCli(m_vault, {"entry", "edit", entry, "--file", v2, "--reason", "again"});
        QCOMPARE(same.exitCode, 1);
        QVERIFY2(same.err.contains("nothing changed"), same.err);

        const auto voided = runCli(m_vault, {"entry", "void", entry, "--reason", "wrong plate"});
        QCOMPARE(voided.exitCode, 0);
        const auto afterVoid =
            runCli(m_vault, {"entry", "edit", entry, "--file", v1, "--reason", "undo"});
        QCOMPARE(afterVoid.exitCode, 1);
        QVERIFY2(afterVoid.err.contains("voided"), afterVoid.err);

        const auto history = runCli(m_vault, {"entry", "history", entry, "--json"});
        QCOMPARE(history.exitCode, 0);
        const QJsonArray versions = json(history).array();
        QCOMPARE(versions.size(), 3);
        QCOMPARE(versions[0].toObject().value("reason").toString(), QString());
        QCOMPARE(versions[1].toObject().value("reason").toString(),
                 QString("temperature was missing"));
        QCOMPARE(versions[2].toObject().value("status").toString(), QString("void"));
        QCOMPARE(versions[2].toObject().value("reason").toString(), QString("wrong plate"));

        const auto first = runCli(m_vault, {"entry", "show", entry, "--version", "1", "--json"});
        QCOMPARE(first.exitCode, 0);
        QVERIFY(json(first).object().value("html").toString().contains("2 µl well solution.</p>"));
        const auto latest = runCli(m_vault, {"entry", "show", entry});
        QVERIFY2(latest.out.contains("VOIDED: wrong plate"), latest.out);
        const auto beyond = runCli(m_vault, {"entry", "show", entry, "--version", "9"});
        QCOMPARE(beyond.exitCode, 1);
    }

    void attachmentsRoundTripByteForByte() {
        const QString html = file("a.html", "<p>Diffraction images attached.</p>");
        const QString entry = runCli(m_vault, {"entry", "add", "--experiment", m_experiment,
                                               "--title", "Images", "--file", html})
                                  .outLine();
        QByteArray data(9 * 1024 * 1024 + 123, Qt::Uninitialized); // three chunks
        for (auto &c : data)
            c = char(QRandomGenerator::global()->bounded(256));
        const QString input = file("image.bin", data);
        const auto att = runCli(m_vault, {"attach", entry, input});
        QCOMPARE(att.exitCode, 0);
        QVERIFY(QRegularExpression("^[0-9a-f]{64}$").match(att.outLine()).hasMatch());
        const QString output = m_tmp.filePath("out.bin");
        const auto get = runCli(m_vault, {"attachment", "get", att.outLine(), "--out", output});
        QCOMPARE(get.exitCode, 0);
        QFile out(output);
        QVERIFY(out.open(QIODevice::ReadOnly));
        QVERIFY(out.readAll() == data);
        const auto show = runCli(m_vault, {"entry", "show", entry, "--json"});
        const QJsonArray atts = json(show).object().value("attachments").toArray();
        QCOMPARE(atts.size(), 1);
        QCOMPARE(atts[0].toObject().value("size").toInteger(), qint64(data.size()));
        QCOMPARE(atts[0].toObject().value("sha256").toString(),
                 QString(QCryptographicHash::hash(data, QCryptographicHash::Sha256).toHex()));
        QCOMPARE(json(show).object().value("version").toInt(), 2); // attaching is a new version
    }

    void searchFindsTitlesTextTagsAndFileNames() {
        const QString html =
            file("s.html", "<p>Lysozyme concentration was 25 mg/ml in Tris–HCl.</p>");
        const QString entry = runCli(m_vault, {"entry", "add", "--experiment", m_experiment,
                                               "--title", "Stock solution", "--file", html})
                                  .outLine();
        const QString csv = file("absorbance-readings.csv", "wavelength,abs\n280,0.52\n");
        QCOMPARE(runCli(m_vault, {"attach", entry, csv}).exitCode, 0);

        const auto byText = runCli(m_vault, {"search", "concentr", "--json"});
        QCOMPARE(byText.exitCode, 0);
        const QJsonArray hits = json(byText).array();
        QVERIFY(!hits.isEmpty());
        QCOMPARE(hits[0].toObject().value("uuid").toString(), entry);
        QVERIFY(hits[0].toObject().value("snippet").toString().contains("[[concentration]]"));

        const auto byTag = runCli(m_vault, {"search", "hanging", "--json"});
        QCOMPARE(json(byTag).array().first().toObject().value("kind").toString(),
                 QString("experiment"));
        const auto byFile = runCli(m_vault, {"search", "absorbance", "--json"});
        const QJsonArray fileHits = json(byFile).array();
        QVERIFY(!fileHits.isEmpty());
        QCOMPARE(fileHits[0].toObject().value("kind").toString(), QString("attachment"));
        QCOMPARE(fileHits[0].toObject().value("uuid").toString(), entry);
        const auto nothing = runCli(m_vault, {"search", "\"NEAR( *", "--json"});
        QCOMPARE(nothing.exitCode, 0);
        QVERIFY(json(nothing).array().isEmpty());
    }

    void markerAppearsInNoByteOnDisk() {
        const QByteArray marker = "ZEBRAFISH-MARKER-7731";
        const QString html = file("m.html", "<p>Secret compound " + marker + " tested.</p>");
        const QString entry = runCli(m_vault, {"entry", "add", "--experiment", m_experiment,
                                               "--title", "Compound " + marker, "--file", html})
                                  .outLine();
        QVERIFY(!entry.isEmpty());
        const QString secret = file("notes-" + marker + ".txt", "payload " + marker + "\n");
        QCOMPARE(runCli(m_vault, {"attach", entry, secret}).exitCode, 0);
        QCOMPARE(runCli(m_vault, {"experiment", "new", "--title", "Project " + marker}).exitCode,
                 0);
        // It really is stored: search finds it.
        const auto found = runCli(m_vault, {"search", QString::fromLatin1(marker), "--json"});
        QVERIFY(json(found).array().size() >= 2);
        // The CLI has exited, so SQLite has folded its write-ahead log back into quire.db and
        // removed it; the notebook test checks the log of an open notebook.
        QCOMPARE(filesContaining(m_vault + "/quire.db", marker), QStringList());
        QCOMPARE(filesContaining(m_vault + "/quire.db-wal", marker), QStringList());
        QCOMPARE(filesContaining(m_vault + "/repo.git", marker), QStringList());
        QCOMPARE(filesContaining(m_vault, marker.toLower()), QStringList());
        // Nor the UTF-16 form some tools write.
        QByteArray utf16;
        for (char c : marker)
            utf16 += QByteArray(1, c) + QByteArray(1, '\0');
        QCOMPARE(filesContaining(m_vault, utf16), QStringList());
    }

    void wrongPassphraseIsRefusedAndChangesNothing() {
        const auto before = hashTree(m_vault);
        const auto wrong = runCli(m_vault, {"experiment", "list"}, "not the passphrase");
        QCOMPARE(wrong.exitCode, 1);
        QVERIFY2(wrong.err.contains("the passphrase is wrong"), wrong.err);
        QVERIFY(wrong.out.isEmpty());
        auto after = hashTree(m_vault);
        after.remove("failed-unlocks"); // the counter of failed attempts, written for the audit
        QCOMPARE(after, before);
        QVERIFY(QFile::exists(m_vault + "/failed-unlocks"));

        // The next unlock records the failure in the audit trail.
        const auto audit = runCli(m_vault, {"audit", "--json"});
        QCOMPARE(audit.exitCode, 0);
        bool recorded = false;
        for (const auto &e : json(audit).array())
            if (e.toObject().value("action").toString() == "unlock_failed" &&
                e.toObject().value("detail").toObject().value("count").toInt() == 1)
                recorded = true;
        QVERIFY(recorded);
        QVERIFY(!QFile::exists(m_vault + "/failed-unlocks"));
    }

    void passphraseFileAndMissingPassphrase() {
        const QString pf = file("pass.txt", "correct horse battery staple\n");
        const auto viaFile = runCli(m_vault, {"--passphrase-file", pf, "experiment", "list"}, {});
        QCOMPARE(viaFile.exitCode, 0);
        const auto none = runCli(m_vault, {"experiment", "list"}, {});
        QCOMPARE(none.exitCode, 1);
        QVERIFY2(none.err.contains("passphrase"), none.err);
    }

    void secondProcessGetsAClearMessage() {
        QProcess loop;
        auto env = QProcessEnvironment::systemEnvironment();
        env.insert("QUIRE_PASSPHRASE", "correct horse battery staple");
        loop.setProcessEnvironment(env);
        loop.start(cliPath(), {"--vault", m_vault, "selftest", "save-loop", "--experiment",
                               m_experiment, "--count", "100000"});
        QVERIFY(loop.waitForReadyRead(30000)); // it holds the vault now
        const auto second = runCli(m_vault, {"experiment", "list"});
        loop.kill();
        loop.waitForFinished();
        QCOMPARE(second.exitCode, 1);
        QVERIFY2(second.err.contains("already open"), second.err);
    }

    void passphraseChangeRekeys() {
        const auto change =
            runCli(m_vault, {"passphrase", "change"}, "correct horse battery staple",
                   {{"QUIRE_NEW_PASSPHRASE", "a new and longer passphrase"}});
        QCOMPARE(change.exitCode, 0);
        const auto old = runCli(m_vault, {"experiment", "list"});
        QCOMPARE(old.exitCode, 1);
        QVERIFY(old.err.contains("the passphrase is wrong"));
        const auto fresh = runCli(m_vault, {"verify"}, "a new and longer passphrase");
        QCOMPARE(fresh.exitCode, 0);
        const auto back = runCli(m_vault, {"passphrase", "change"}, "a new and longer passphrase",
                                 {{"QUIRE_NEW_PASSPHRASE", "correct horse battery staple"}});
        QCOMPARE(back.exitCode, 0);
    }

    void verifyPassesAndReportsCounts() {
        const auto v = runCli(m_vault, {"verify", "--json"});
        QCOMPARE(v.exitCode, 0);
        const QJsonObject o = json(v).object();
        QVERIFY(o.value("passed").toBool());
        QVERIFY(o.value("records").toInt() > 10);
        QCOMPARE(o.value("records_ok").toInt(), o.value("records").toInt());
        QVERIFY(o.value("chunks").toInt() >= 3);
        QCOMPARE(o.value("problems").toArray().size(), 0);
    }

    void verifyFailsOnATamperedRepositoryObject() {
        // Flip one byte of one encrypted object: verify must name the damage and exit non-zero.
        QTemporaryDir copy;
        const QString vault = copy.filePath("v");
        QVERIFY(QProcess::execute("cp", {"-a", m_vault, vault}) == 0);
        QDirIterator it(vault + "/repo.git/objects", QDir::Files, QDirIterator::Subdirectories);
        QStringList objects;
        while (it.hasNext())
            objects << it.next();
        QVERIFY(!objects.isEmpty());
        int damaged = 0;
        for (const QString &path : objects) {
            QFile f(path);
            QVERIFY(f.open(QIODevice::ReadWrite));
            QByteArray bytes = f.readAll();
            if (bytes.size() < 64) continue;
            bytes[bytes.size() - 20] = char(bytes[bytes.size() - 20] ^ 0x01);
            f.seek(0);
            f.write(bytes);
            if (++damaged == 3) break;
        }
        const auto v = runCli(vault, {"verify", "--json"});
        QCOMPARE(v.exitCode, 1);
        const QJsonObject o = json(v).object();
        QVERIFY(!o.value("passed").toBool());
        QVERIFY(!o.value("problems").toArray().isEmpty());
    }

    void usageErrorsExitWithTwo() {
        QCOMPARE(runCli(m_vault, {"frobnicate"}).exitCode, 2);
        QCOMPARE(runCli(m_vault, {"entry", "add", "--title", "x"}).exitCode, 2);
        QCOMPARE(runCli(m_vault, {"--help"}, {}).exitCode, 0);
        // --version alone is the program's version, not entry show's option without a value.
        const auto version = runCli(m_vault, {"--version"}, {});
        QCOMPARE(version.exitCode, 0);
        QVERIFY(version.out.startsWith("quire-cli "));
        const auto missingVault = runCli(m_tmp.filePath("nowhere"), {"experiment", "list"});
        QCOMPARE(missingVault.exitCode, 1);
        QVERIFY(missingVault.err.contains("there is no notebook"));
    }
};

QTEST_GUILESS_MAIN(CliTest)
#include "tst_cli.moc"
