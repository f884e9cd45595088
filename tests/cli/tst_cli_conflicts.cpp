// quire-cli conflicts end to end over a real git daemon (git://): one member's entry changed
// on two computers apart, both versions kept, every computer showing the same head and "2
// versions in conflict" whatever order the changes arrived in, a plain edit refused until the
// author resolves it, and the resolution ending the conflict everywhere once synced.
//
// The second and third computers join as a person would: `device add` on the first prints a
// one-time code, `device join` with the offer file and the code makes the vault, a sync fills it.

#include "GitServers.h"
#include "TestSupport.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTemporaryDir>
#include <QtTest>

using namespace quire::test;

namespace {

const QByteArray kPass = "correct horse battery staple";

} // namespace

class CliConflictsTest : public QObject {
    Q_OBJECT

    QTemporaryDir m_tmp;
    QString m_serverRoot;
    std::unique_ptr<GitDaemon> m_daemon;

    QString path(const QString &name) const { return m_tmp.filePath(name); }
    QString file(const QString &name, const QByteArray &content) {
        writeFile(path(name), content);
        return path(name);
    }
    CliResult cli(const QString &vault, const QStringList &args) {
        return runCli(vault, args, kPass);
    }
    QJsonObject showJson(const QString &vault, const QString &entry) {
        const CliResult r = cli(vault, {"entry", "show", entry, "--json"});
        if (r.exitCode != 0) qWarning("%s", describe(r).constData());
        return QJsonDocument::fromJson(r.out).object();
    }

    // Another computer of the same member, from an offer and its one-time code.
    bool joinAsAnotherComputer(const QString &from, const QString &to, const QString &name) {
        const QString offer = path(name + ".qdev");
        const CliResult added = cli(from, {"device", "add", "--out", offer, "--name", name});
        const auto ok = [](const CliResult &r) {
            if (r.exitCode != 0) qWarning("%s", describe(r).constData());
            return r.exitCode == 0;
        };
        return ok(added) && ok(cli(from, {"sync"})) &&
               ok(cli(to, {"device", "join", "--offer", offer, "--code", added.outLine()})) &&
               ok(cli(to, {"sync"}));
    }

private slots:
    void initTestCase() {
        QVERIFY(m_tmp.isValid());
        m_serverRoot = path("server");
        QVERIFY(QDir().mkpath(m_serverRoot));
        m_daemon = std::make_unique<GitDaemon>(m_serverRoot);
        QVERIFY(m_daemon->start());
    }

    void conflictIsShownAlikeEverywhereAndResolvedEverywhere() {
        QVERIFY(makeBareRepo(QDir(m_serverRoot).filePath("conflicts.git")));
        const QString laptop = path("laptop"), bench = path("bench"), office = path("office");
        CLI_OK(cli(laptop, {"init", "--notebook", "Buffer lab", "--name", "Alice Researcher",
                            "--email", "alice@lab.example"}));
        const auto x = cli(laptop, {"experiment", "new", "--title", "Buffers"});
        CLI_OK(x);
        const auto added =
            cli(laptop, {"entry", "add", "--experiment", x.outLine(), "--title", "Tris buffer",
                         "--file", file("v1.html", "<p>Tris 50 mM, pH 7.4.</p>")});
        CLI_OK(added);
        const QString entry = added.outLine();
        CLI_OK(cli(laptop, {"remote", "set", m_daemon->url("conflicts.git")}));
        CLI_OK(cli(laptop, {"sync"}));
        QVERIFY(joinAsAnotherComputer(laptop, bench, "bench"));
        QVERIFY(joinAsAnotherComputer(laptop, office, "office"));

        // Apart, the same entry changed on two computers.
        CLI_OK(cli(laptop, {"entry", "edit", entry, "--reason", "pH measured again", "--file",
                            file("laptop.html", "<p>Tris 50 mM, pH 7.5.</p>")}));
        CLI_OK(cli(bench, {"entry", "edit", entry, "--reason", "added NaCl", "--file",
                           file("bench.html", "<p>Tris 50 mM, pH 7.4.</p><p>NaCl 150 mM.</p>")}));

        // The laptop's change reaches the bench after the bench's own; the bench's reaches the
        // laptop after the laptop's own; the office computer gets both at once.
        CLI_OK(cli(laptop, {"sync"}));
        CLI_OK(cli(bench, {"sync"}));
        CLI_OK(cli(laptop, {"sync"}));
        CLI_OK(cli(office, {"sync"}));

        const QJsonObject onLaptop = showJson(laptop, entry);
        QCOMPARE(onLaptop.value("in_conflict").toInt(), 2);
        const QJsonArray tips = onLaptop.value("conflict").toArray();
        QCOMPARE(tips.size(), 2);
        QCOMPARE(onLaptop.value("record").toString(), tips.at(0).toString()); // the head
        for (const QString &vault : {bench, office}) {
            const QJsonObject there = showJson(vault, entry);
            QCOMPARE(there.value("record").toString(), onLaptop.value("record").toString());
            QCOMPARE(there.value("conflict").toArray(), tips);
            QCOMPARE(there.value("html").toString(), onLaptop.value("html").toString());
        }
        // Both sides, with their texts, side by side.
        const QJsonArray sides = onLaptop.value("conflict_versions").toArray();
        QCOMPARE(sides.size(), 2);
        QSet<QString> texts;
        for (const auto &s : sides)
            texts.insert(s.toObject().value("html").toString());
        QCOMPARE(texts, (QSet<QString>{"<p>Tris 50 mM, pH 7.5.</p>",
                                       "<p>Tris 50 mM, pH 7.4.</p><p>NaCl 150 mM.</p>"}));

        const auto shown = cli(office, {"entry", "show", entry});
        CLI_OK(shown);
        QVERIFY2(shown.out.contains("CONFLICT: 2 versions in conflict"), shown.out);
        for (const auto &id : tips)
            QVERIFY2(shown.out.contains(id.toString().toLatin1()), shown.out);
        QVERIFY2(shown.out.contains("+ NaCl 150 mM.") || shown.out.contains("- NaCl 150 mM."),
                 shown.out);
        const auto history = cli(bench, {"entry", "history", entry});
        CLI_OK(history);
        QVERIFY2(history.out.startsWith("2 versions in conflict"), history.out);
        QCOMPARE(history.out.count("[in conflict]"), 2);

        // A plain change would hide the conflict: refused until it is resolved.
        const auto edit = cli(laptop, {"entry", "edit", entry, "--reason", "more", "--file",
                                       file("more.html", "<p>more</p>")});
        QCOMPARE(edit.exitCode, 1);
        QVERIFY2(edit.err.contains("2 versions in conflict"), edit.err);
        const auto noReason = cli(bench, {"entry", "resolve", entry, "--file", path("more.html")});
        QCOMPARE(noReason.exitCode, 2);

        // The author resolves it on the bench; once synced, it is gone everywhere.
        const auto resolved =
            cli(bench, {"entry", "resolve", entry, "--reason", "both changes belong", "--file",
                        file("joined.html", "<p>Tris 50 mM, pH 7.5.</p><p>NaCl 150 mM.</p>")});
        CLI_OK(resolved);
        const QString resolution = resolved.outLine();
        CLI_OK(cli(bench, {"sync"}));
        for (const QString &vault : {laptop, office}) {
            CLI_OK(cli(vault, {"sync"}));
            const QJsonObject there = showJson(vault, entry);
            QCOMPARE(there.value("record").toString(), resolution);
            QCOMPARE(there.value("in_conflict").toInt(), 0);
            QCOMPARE(there.value("version").toInt(), 3);
            QCOMPARE(there.value("html").toString(),
                     QString("<p>Tris 50 mM, pH 7.5.</p><p>NaCl 150 mM.</p>"));
            const auto plain = cli(vault, {"entry", "show", entry});
            QVERIFY2(!plain.out.contains("CONFLICT"), plain.out);
            const auto checked = cli(vault, {"verify"});
            QVERIFY2(checked.exitCode == 0, describe(checked).constData());
        }
        // The resolution names both sides: the one shown as `prev`, the other in `merges`.
        const auto audit = cli(office, {"entry", "history", entry, "--json"});
        const QJsonArray versions = QJsonDocument::fromJson(audit.out).array();
        QCOMPARE(versions.size(), 4);
        QCOMPARE(versions.last().toObject().value("record").toString(), resolution);
    }
};

QTEST_GUILESS_MAIN(CliConflictsTest)
#include "tst_cli_conflicts.moc"
