// Issue 17, templates with quire-cli: an admin keeps an experiment as a template and starts a
// new experiment from it; an author who joined through a real (folder) git remote is refused
// until the admin lets authors write templates, and the author's template then arrives in the
// admin's vault through a sync, which judges it by the same rule.

#include "GitServers.h"
#include "TestSupport.h"

#include <QJsonArray>
#include <QJsonObject>
#include <QTemporaryDir>
#include <QtTest>

using namespace quire::test;

class CliTemplatesTest : public QObject {
    Q_OBJECT

    QTemporaryDir m_tmp;

    QString path(const QString &name) const { return m_tmp.filePath(name); }
    CliResult cli(const QString &vault, const QStringList &args) { return runCli(vault, args); }
    QString file(const QString &name, const QByteArray &content) {
        writeFile(path(name), content);
        return path(name);
    }

private slots:
    void templatesAreSavedUsedAndWrittenByAuthorsOnlyWhenAnAdminSaysSo() {
        QVERIFY(m_tmp.isValid());
        const QString admin = path("admin"), author = path("author");
        const QString server = path("server.git");
        QVERIFY(makeBareRepo(server));
        CLI_OK(cli(admin, {"init", "--notebook", "Blot lab", "--name", "Ada Admin", "--email",
                           "ada@lab.example"}));
        const auto sop = cli(admin, {"experiment", "new", "--title", "Western blot", "--project",
                                     "Proteins", "--tag", "sop"});
        CLI_OK(sop);
        CLI_OK(
            cli(admin, {"entry", "add", "--experiment", sop.outLine(), "--title", "Lysis", "--file",
                        file("lysis.html", "<ul class=\"checklist\"><li data-checked=\"false\">"
                                           "RIPA on ice</li></ul>")}));

        // Unknown ids and missing options say what is wrong.
        const auto noExperiment =
            cli(admin, {"template", "save", "--experiment", "nope", "--name", "X"});
        QCOMPARE(noExperiment.exitCode, 1);
        QVERIFY2(noExperiment.err.contains("no experiment nope"),
                 describe(noExperiment).constData());
        QCOMPARE(cli(admin, {"template", "save", "--name", "X"}).exitCode, 2);

        const auto saved = cli(admin, {"template", "save", "--experiment", sop.outLine(), "--name",
                                       "Western blot SOP"});
        CLI_OK(saved);
        const auto list = cli(admin, {"template", "list", "--json"});
        CLI_OK(list);
        const QJsonArray templates = json(list).array();
        QCOMPARE(templates.size(), 1);
        const QJsonObject t = templates.first().toObject();
        QCOMPARE(t.value("uuid").toString(), saved.outLine());
        QCOMPARE(t.value("kind").toString(), QString("experiment"));
        QCOMPARE(t.value("entries").toArray().size(), 1);

        const auto started =
            cli(admin, {"experiment", "new", "--template", saved.outLine(), "--title", "Blot 2"});
        CLI_OK(started);
        const auto experiments = json(cli(admin, {"experiment", "list", "--json"})).array();
        QJsonObject blot2;
        for (const auto &x : experiments)
            if (x.toObject().value("uuid").toString() == started.outLine()) blot2 = x.toObject();
        QCOMPARE(blot2.value("title").toString(), QString("Blot 2"));
        QCOMPARE(blot2.value("project").toString(), QString("Proteins"));
        QCOMPARE(blot2.value("entries").toInt(), 1);
        const auto missing =
            cli(admin, {"experiment", "new", "--template", "Nope", "--title", "X"});
        QCOMPARE(missing.exitCode, 1);
        QVERIFY2(missing.err.contains("no template “Nope”"), describe(missing).constData());

        // An author joins through the server.
        CLI_OK(cli(admin, {"remote", "set", server}));
        CLI_OK(cli(admin, {"sync"}));
        const QString invitation = path("invitation.json"), request = path("request.json");
        CLI_OK(cli(admin, {"member", "invite", "--out", invitation}));
        const auto join = cli(author, {"join", "--invitation", invitation, "--name", "Otto Author",
                                       "--email", "otto@lab.example", "--out", request});
        CLI_OK(join);
        CLI_OK(cli(admin,
                   {"member", "approve", request, "--roles", "author", "--code", join.outLine()}));
        CLI_OK(cli(admin, {"sync"}));
        CLI_OK(cli(author, {"sync"}));

        const QString fields = file("fields.html", "<table><tbody><tr><td>Lot</td><td></td></tr>"
                                                   "</tbody></table>");
        const auto refused =
            cli(author, {"template", "save-entry", "--name", "Lot fields", "--file", fields});
        QCOMPARE(refused.exitCode, 1);
        QVERIFY2(refused.err.contains("only an admin may write templates"),
                 describe(refused).constData());
        const auto notAdmin = cli(author, {"template", "policy", "--who", "authors"});
        QCOMPARE(notAdmin.exitCode, 1);
        QVERIFY2(notAdmin.err.contains("only an admin"), describe(notAdmin).constData());

        const auto policy = cli(admin, {"template", "policy", "--who", "authors"});
        CLI_OK(policy);
        QCOMPARE(policy.outLine(), QString("authors"));
        CLI_OK(cli(admin, {"sync"}));
        CLI_OK(cli(author, {"sync"}));
        const auto allowed =
            cli(author, {"template", "save-entry", "--name", "Lot fields", "--file", fields});
        CLI_OK(allowed);
        CLI_OK(cli(author, {"sync"}));
        const auto arrived = cli(admin, {"sync", "--json"});
        CLI_OK(arrived);
        const auto entryTemplates = cli(admin, {"template", "list", "--kind", "entry", "--json"});
        CLI_OK(entryTemplates);
        const QJsonArray blocks = json(entryTemplates).array();
        QCOMPARE(blocks.size(), 1);
        QCOMPARE(blocks.first().toObject().value("author_name").toString(), QString("Otto Author"));
        QVERIFY(blocks.first().toObject().value("html").toString().contains("Lot"));
        CLI_OK(cli(admin, {"verify"}));
    }
};

QTEST_GUILESS_MAIN(CliTemplatesTest)
#include "tst_cli_templates.moc"
