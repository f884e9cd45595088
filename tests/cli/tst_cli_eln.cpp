// quire-cli import eln, as a real process on a real vault: the report in words and as JSON
// (counts, mapped items, what was not imported, hash mismatches), a hostile archive refused with
// exit 1 and nothing written (the audit trail is the same length before and after), and the
// command named in --help.

#include "ElnCraft.h"
#include "TestSupport.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTemporaryDir>
#include <QtTest>

using namespace quire::test;

class CliElnTest : public QObject {
    Q_OBJECT

    QTemporaryDir m_tmp;
    QString m_vault;

    // Records other than the audit trail's own notes of opening the notebook (each quire-cli run
    // unlocks it, and that is recorded).
    int recordsBesidesUnlocks() {
        const auto r = runCli(m_vault, {"audit", "--json"});
        int n = 0;
        for (const auto &v : QJsonDocument::fromJson(r.out).array())
            if (!v.toObject().value("action").toString().contains("unlock")) ++n;
        return n;
    }

private slots:
    void initTestCase() {
        m_vault = m_tmp.filePath("vault");
        const auto init = runCli(m_vault, {"init", "--notebook", "Import lab", "--name",
                                           "Alice Importer", "--email", "alice@lab.example"});
        QCOMPARE(init.exitCode, 0);
    }

    void helpNamesTheCommand() {
        const auto r = runCli(m_vault, {"--help"});
        QCOMPARE(r.exitCode, 0);
        QVERIFY(r.out.contains("import eln FILE.eln [--json]"));
    }

    void importPrintsTheReportAsJson() {
        const QString file = qEnvironmentVariable("QUIRE_TESTDATA") + "/eln/PASTA-PASTA.eln";
        const auto r = runCli(m_vault, {"import", "eln", file, "--json"});
        QVERIFY2(r.exitCode == 0, r.err.constData());
        const QJsonObject o = QJsonDocument::fromJson(r.out).object();
        const QJsonObject counts = o.value("counts").toObject();
        QCOMPARE(counts.value("experiments").toInt(), o.value("experiments").toArray().size());
        QVERIFY(counts.value("entries").toInt() > counts.value("experiments").toInt());
        QVERIFY(counts.value("files").toInt() > 0);
        QCOMPARE(counts.value("unmapped").toInt(), o.value("unmapped").toArray().size());
        QCOMPARE(counts.value("hash_mismatches").toInt(), 0);
        int attachments = 0;
        for (const auto &m : o.value("mapped").toArray())
            if (m.toObject().value("kind").toString() == "attachment") ++attachments;
        QCOMPARE(attachments, counts.value("files").toInt());
        // The experiments are there for the other commands.
        const auto list = runCli(m_vault, {"experiment", "list", "--json"});
        QVERIFY(list.out.contains(o.value("experiments").toArray().first().toString().toUtf8()));
    }

    void importPrintsTheReportInWords() {
        const QString path = m_tmp.filePath("mismatch.eln");
        QCOMPARE(craftZip(path, {{"crate/ro-crate-metadata.json",
                                  smallCrateMetadata("./exp/data.csv", QString(64, 'b'))},
                                 {"crate/exp/data.csv", "x,y\n1,2\n"}}),
                 QString());
        const auto r = runCli(m_vault, {"import", "eln", path});
        QVERIFY2(r.exitCode == 0, r.err.constData());
        QVERIFY2(r.out.contains("Imported mismatch.eln — experiments: 1, entries: 1, files: 2"),
                 r.out.constData());
        QVERIFY2(r.out.contains("Files that do not match the SHA-256 the crate gives"),
                 r.out.constData());
    }

    void aHostileArchiveIsRefusedWithNothingWritten() {
        const QString path = m_tmp.filePath("hostile.eln");
        CraftEntry link{"crate/exp/link", "/etc/shadow"};
        link.unixMode = 0120777;
        QCOMPARE(
            craftZip(path, {{"crate/ro-crate-metadata.json", smallCrateMetadata("./exp/data.csv")},
                            {"crate/exp/data.csv", "x"},
                            link}),
            QString());
        const int before = recordsBesidesUnlocks();
        const auto r = runCli(m_vault, {"import", "eln", path, "--json"});
        QCOMPARE(r.exitCode, 1);
        QVERIFY2(r.err.contains("symbolic link"), r.err.constData());
        QVERIFY(r.out.isEmpty());
        QCOMPARE(recordsBesidesUnlocks(), before);
    }

    void wrongCallsAreUsageErrors() {
        QCOMPARE(runCli(m_vault, {"import", "pdf", "x"}).exitCode, 2);
        QCOMPARE(runCli(m_vault, {"import", "eln"}).exitCode, 2);
    }
};

QTEST_GUILESS_MAIN(CliElnTest)
#include "tst_cli_eln.moc"
