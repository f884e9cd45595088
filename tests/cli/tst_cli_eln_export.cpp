// quire-cli export eln (issue 15) end to end on a real vault: what it prints, the file the
// independent reader (tests/check_eln.py) accepts, the audit record, and the refusals — wrong
// usage, an unknown experiment, a folder that does not exist — that leave no file behind.

#include "TestSupport.h"

#include <QCryptographicHash>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRegularExpression>
#include <QTemporaryDir>
#include <QtTest>

using namespace quire::test;

class CliElnExportTest : public QObject {
    Q_OBJECT

    QTemporaryDir m_tmp;
    QString m_vault;
    QString m_first, m_second;

    QString file(const QString &name, const QByteArray &content) {
        const QString path = m_tmp.filePath(name);
        writeFile(path, content);
        return path;
    }
    static QByteArray describe(const CliResult &r) {
        return "exit " + QByteArray::number(r.exitCode) + "\nstdout: " + r.out +
               "\nstderr: " + r.err;
    }
    static Tool check(const QString &eln) {
        return runTool(QStringLiteral("python3"), {qEnvironmentVariable("QUIRE_SOURCE_DIR") +
                                                       QStringLiteral("/tests/check_eln.py"),
                                                   eln});
    }

private slots:
    void initTestCase() {
        QVERIFY(m_tmp.isValid());
        m_vault = m_tmp.filePath("vault");
        QCOMPARE(runCli(m_vault, {"init", "--notebook", "Protein lab", "--name", "Alice Researcher",
                                  "--email", "alice@lab.example"})
                     .exitCode,
                 0);
        auto x = runCli(m_vault, {"experiment", "new", "--title", "Lysozyme crystallisation",
                                  "--tag", "crystals", "--tag", "hanging-drop"});
        QCOMPARE(x.exitCode, 0);
        m_first = x.outLine();
        x = runCli(m_vault, {"experiment", "new", "--title", "Buffers"});
        QCOMPARE(x.exitCode, 0);
        m_second = x.outLine();
        const auto e = runCli(m_vault, {"entry", "add", "--experiment", m_first, "--title", "Drops",
                                        "--file", file("drops.md", "Hanging drops at 4 °C.\n")});
        QVERIFY2(e.exitCode == 0, describe(e).constData());
        const auto a =
            runCli(m_vault, {"attach", e.outLine(), file("plate.csv", "well,ok\nA1,1\n")});
        QVERIFY2(a.exitCode == 0, describe(a).constData());
        QCOMPARE(runCli(m_vault, {"entry", "add", "--experiment", m_second, "--title", "Tris",
                                  "--file", file("tris.md", "50 mM.\n")})
                     .exitCode,
                 0);
    }

    void exportOfChosenExperimentsPrintsItsIdAndPassesTheReader() {
        const QString out = m_tmp.filePath("two.eln");
        const auto r = runCli(m_vault, {"export", "eln", "--experiment", m_first, "--experiment",
                                        m_second, "--out", out});
        QVERIFY2(r.exitCode == 0, describe(r).constData());
        QVERIFY2(QRegularExpression("^[0-9a-f-]{36}$").match(r.outLine()).hasMatch(), r.out);
        QVERIFY2(r.err.contains("Exported 2 experiments, 2 entries and 1 file"), r.err);
        const Tool t = check(out);
        QVERIFY2(t.exitCode == 0, qPrintable(t.all()));
        const QJsonObject summary = QJsonDocument::fromJson(t.out).object();
        QCOMPARE(summary.value("root").toString(), QStringLiteral("two"));
        QCOMPARE(summary.value("datasets").toObject().value("notebook entry").toInt(), 2);

        // The audit trail names the export and the file's hash.
        const auto audit = runCli(m_vault, {"audit", "--json"});
        QCOMPARE(audit.exitCode, 0);
        QFile f(out);
        QVERIFY(f.open(QIODevice::ReadOnly));
        const QByteArray sha =
            QCryptographicHash::hash(f.readAll(), QCryptographicHash::Sha256).toHex();
        QVERIFY2(audit.out.contains("export_eln"), audit.out);
        QVERIFY2(audit.out.contains(sha), audit.out);
        QVERIFY(audit.out.contains(r.outLine().toUtf8()));
    }

    void exportAllWithJson() {
        const QString out = m_tmp.filePath("all.eln");
        const auto r = runCli(m_vault, {"export", "eln", "--all", "--out", out, "--json"});
        QVERIFY2(r.exitCode == 0, describe(r).constData());
        const QJsonObject o = QJsonDocument::fromJson(r.out).object();
        QCOMPARE(o.value("experiments").toInt(), 2);
        QCOMPARE(o.value("entries").toInt(), 2);
        QCOMPARE(o.value("attachments").toInt(), 1);
        QCOMPARE(o.value("path").toString(), out);
        QVERIFY(o.value("records").toInt() >= 7);
        QVERIFY(check(out).exitCode == 0);
    }

    void wrongUsageAndUnknownExperimentsWriteNothing() {
        const QString out = m_tmp.filePath("refused.eln");
        auto r = runCli(m_vault, {"export", "eln", "--out", out});
        QCOMPARE(r.exitCode, 2);
        QVERIFY2(r.err.contains("usage: export eln"), r.err);
        r = runCli(m_vault, {"export", "eln", "--all", "--experiment", m_first, "--out", out});
        QCOMPARE(r.exitCode, 2);
        r = runCli(m_vault, {"export", "eln", "--all"});
        QCOMPARE(r.exitCode, 2);
        r = runCli(m_vault, {"export", "eln", "--experiment",
                             "00000000-0000-4000-8000-000000000000", "--out", out});
        QCOMPARE(r.exitCode, 1);
        QVERIFY2(r.err.contains("no experiment"), r.err);
        r = runCli(m_vault,
                   {"export", "eln", "--all", "--out", m_tmp.filePath("missing/folder/x.eln")});
        QCOMPARE(r.exitCode, 1);
        QVERIFY2(r.err.contains("could not write"), r.err);
        QVERIFY(!QFile::exists(out));
        // Nothing half-written beside it either.
        const QStringList left =
            QDir(m_tmp.path()).entryList({QStringLiteral("*.eln*")}, QDir::Files);
        QCOMPARE(left, (QStringList{QStringLiteral("all.eln"), QStringLiteral("two.eln")}));
    }
};

QTEST_GUILESS_MAIN(CliElnExportTest)
#include "tst_cli_eln_export.moc"
