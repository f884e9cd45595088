// quire-cli comments and review (issue 16) between two members syncing through a real git
// daemon: a supervisor comments and requests changes of the author's entry, the request waits in
// the author's list until the author saves a new version, comments keep only safe HTML, and the
// rules of who may request changes hold on both sides.

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

QJsonArray jsonArray(const CliResult &r) {
    return QJsonDocument::fromJson(r.out).array();
}

} // namespace

class CliCommentsTest : public QObject {
    Q_OBJECT

    QTemporaryDir m_tmp;
    std::unique_ptr<GitDaemon> m_daemon;
    QString m_author, m_supervisor; // vaults
    QString m_entry;

    QString path(const QString &name) const { return m_tmp.filePath(name); }
    QString file(const QString &name, const QByteArray &content) {
        writeFile(path(name), content);
        return path(name);
    }
    CliResult cli(const QString &vault, const QStringList &args) {
        return runCli(vault, args, kPass);
    }

private slots:
    void initTestCase() {
        QVERIFY(m_tmp.isValid());
        const QString root = path("servers");
        QVERIFY(QDir().mkpath(root));
        QVERIFY(makeBareRepo(root + "/lab.git"));
        m_daemon = std::make_unique<GitDaemon>(root);
        QVERIFY2(m_daemon->start(), qPrintable(m_daemon->error()));
        const QString url = m_daemon->url("lab.git");

        // The author founds the notebook and writes an entry; a supervisor joins.
        m_author = path("author");
        CLI_OK(cli(m_author, {"init", "--notebook", "Review lab", "--name", "Ada Author", "--email",
                              "ada@lab.example"}));
        const auto x = cli(m_author, {"experiment", "new", "--title", "Kinase assay"});
        CLI_OK(x);
        const auto e =
            cli(m_author, {"entry", "add", "--experiment", x.outLine(), "--title", "Plate 1",
                           "--file", file("e1.html", "<p>Plate 1 read at 450 nm.</p>")});
        CLI_OK(e);
        m_entry = e.outLine();
        CLI_OK(cli(m_author, {"remote", "set", url}));
        CLI_OK(cli(m_author, {"sync"}));
        CLI_OK(cli(m_author, {"member", "invite", "--out", path("invitation.json")}));
        m_supervisor = path("supervisor");
        const auto join = cli(m_supervisor, {"join", "--invitation", path("invitation.json"),
                                             "--name", "Sam Supervisor", "--email",
                                             "sam@lab.example", "--out", path("request.json")});
        CLI_OK(join);
        CLI_OK(cli(m_author, {"member", "approve", path("request.json"), "--roles",
                              "author,supervisor", "--code", join.outLine()}));
        CLI_OK(cli(m_author, {"sync"}));
        CLI_OK(cli(m_supervisor, {"sync"}));
    }

    void supervisorRequestsChangesUntilTheAuthorSavesANewVersion() {
        // A plain comment from a text file, then a request for changes.
        const auto plain = cli(m_supervisor, {"comment", m_entry, "--file",
                                              file("c1.txt", "Nice signal.\n\nIs the blank <1%?")});
        CLI_OK(plain);
        const auto request =
            cli(m_supervisor,
                {"comment", m_entry, "--file",
                 file("c2.txt", "Please repeat with a negative control."), "--requests-changes"});
        CLI_OK(request);
        const QString requestId = request.outLine();
        QVERIFY2(QRegularExpression("^[0-9a-f]{64}$").match(requestId).hasMatch(), request.out);
        QVERIFY2(request.err.contains("Changes requested"), request.err);

        // The author may not request changes (not a supervisor, and the entry is theirs).
        const auto own =
            cli(m_author, {"comment", m_entry, "--file", path("c2.txt"), "--requests-changes"});
        QCOMPARE(own.exitCode, 1);
        QVERIFY2(own.err.contains("only a supervisor can request changes"), own.err);

        CLI_OK(cli(m_supervisor, {"sync"}));
        CLI_OK(cli(m_author, {"sync"}));

        // The author's list shows the request, with ISO 8601 times.
        const auto waiting = cli(m_author, {"comments", "--waiting", "--json"});
        CLI_OK(waiting);
        const QJsonArray open = jsonArray(waiting);
        QCOMPARE(open.size(), 1);
        const QJsonObject asked = open.first().toObject();
        QCOMPARE(asked.value("id").toString(), requestId);
        QCOMPARE(asked.value("entry").toString(), m_entry);
        QCOMPARE(asked.value("entry_title").toString(), QString("Plate 1"));
        QCOMPARE(asked.value("author_name").toString(), QString("Sam Supervisor"));
        QVERIFY(asked.value("requests_changes").toBool() && asked.value("open_request").toBool());
        QVERIFY(QDateTime::fromString(asked.value("recorded_at").toString(), Qt::ISODateWithMs)
                    .isValid());
        QVERIFY(asked.value("recorded_at").toString().endsWith('Z'));
        const auto words = cli(m_author, {"comments", "--waiting"});
        CLI_OK(words);
        QVERIFY2(words.out.contains("Please repeat with a negative control.") &&
                     words.out.contains("changes requested, open"),
                 words.out);

        // Every comment under the entry, oldest first, text escaped into paragraphs.
        const auto all = cli(m_author, {"comments", m_entry, "--json"});
        CLI_OK(all);
        const QJsonArray list = jsonArray(all);
        QCOMPARE(list.size(), 2);
        QCOMPARE(list.at(0).toObject().value("html").toString(),
                 QString("<p>Nice signal.</p><p>Is the blank &lt;1%?</p>"));
        QVERIFY(!list.at(0).toObject().value("requests_changes").toBool());
        QCOMPARE(list.at(1).toObject().value("id").toString(), requestId);

        // The author saves a new version: the request is answered, here and at the supervisor's.
        CLI_OK(cli(m_author, {"entry", "edit", m_entry, "--file",
                              file("e1b.html", "<p>Plate 1 with a negative control.</p>"),
                              "--reason", "repeated with a control"}));
        QVERIFY(jsonArray(cli(m_author, {"comments", "--waiting", "--json"})).isEmpty());
        CLI_OK(cli(m_author, {"sync"}));
        CLI_OK(cli(m_supervisor, {"sync"}));
        const QJsonArray there = jsonArray(cli(m_supervisor, {"comments", m_entry, "--json"}));
        QCOMPARE(there.size(), 2);
        QVERIFY(there.at(1).toObject().value("answered").toBool());
        QVERIFY(!there.at(1).toObject().value("open_request").toBool());
        QCOMPARE(there.at(1).toObject().value("version").toInt(), 1);
        CLI_OK(cli(m_author, {"verify"}));
        CLI_OK(cli(m_supervisor, {"verify"}));
    }

    void hostileHtmlInACommentIsSanitizedAndACorrectionNamesTheComment() {
        const QByteArray hostile =
            "<p onclick=\"steal()\">Look <a href=\"javascript:alert(1)\">here</a>"
            "<img src=\"http://evil.example/x.png\" onerror=\"steal()\"></p>"
            "<script>steal()</script><iframe src=\"http://evil.example\"></iframe>";
        // By version record id this time: the comment is on exactly that version.
        const QJsonArray history =
            QJsonDocument::fromJson(cli(m_supervisor, {"entry", "history", m_entry, "--json"}).out)
                .array();
        QVERIFY(history.size() == 2);
        const QString v2 = history.at(1).toObject().value("record").toString();
        QVERIFY2(QRegularExpression("^[0-9a-f]{64}$").match(v2).hasMatch(),
                 QJsonDocument(history).toJson().constData());
        const auto c = cli(m_supervisor, {"comment", v2, "--file", file("hostile.html", hostile)});
        CLI_OK(c);
        const QJsonArray list = jsonArray(cli(m_supervisor, {"comments", m_entry, "--json"}));
        const QJsonObject last = list.last().toObject();
        QCOMPARE(last.value("id").toString(), c.outLine());
        QCOMPARE(last.value("version").toInt(), 2);
        const QString html = last.value("html").toString();
        for (const char *bad :
             {"onclick", "javascript", "evil.example", "script", "iframe", "onerror", "steal"})
            QVERIFY2(!html.contains(bad), qPrintable(html));
        QVERIFY2(html.contains("Look") && html.contains("here"), qPrintable(html));

        // A correction names the comment it corrects; a comment of someone else is refused.
        const auto fix = cli(m_supervisor, {"comment", m_entry, "--file",
                                            file("fix.txt", "I meant the link in figure 2."),
                                            "--corrects", c.outLine()});
        CLI_OK(fix);
        const QJsonObject fixed =
            jsonArray(cli(m_supervisor, {"comments", m_entry, "--json"})).last().toObject();
        QCOMPARE(fixed.value("corrects").toString(), c.outLine());
        CLI_OK(cli(m_supervisor, {"sync"}));
        CLI_OK(cli(m_author, {"sync"}));
        const auto notMine = cli(
            m_author, {"comment", m_entry, "--file", path("fix.txt"), "--corrects", c.outLine()});
        QCOMPARE(notMine.exitCode, 1);
        QVERIFY2(notMine.err.contains("same member"), notMine.err);
        // Nothing to comment with, and nothing to comment on.
        QCOMPARE(cli(m_author, {"comment", m_entry, "--file", file("empty.txt", "  \n")}).exitCode,
                 1);
        QCOMPARE(cli(m_author, {"comment", QString(64, 'a'), "--file", path("fix.txt")}).exitCode,
                 1);
        QCOMPARE(cli(m_author, {"comment", m_entry}).exitCode, 2);
    }
};

QTEST_GUILESS_MAIN(CliCommentsTest)
#include "tst_cli_comments.moc"
