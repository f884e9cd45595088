// Issue 16, part B, end to end with quire-cli and real git servers (git daemon, https): every
// admin can approve — the founder makes a second admin, the founder's vault is deleted, the
// second admin approves a newcomer who then syncs and writes; a revoked admin's later approval
// is refused on arrival — and alarms that count: a tampered file pushed to the server makes
// every sync exit 1, in a vault that never saw it before too, until an admin acknowledges it,
// which every vault sees once synced.

#include "GitServers.h"
#include "TestSupport.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRandomGenerator>
#include <QTemporaryDir>
#include <QtTest>

using namespace quire::test;

namespace {

const QByteArray kPass = "correct horse battery staple";
const QString kHttpsUser = QStringLiteral("lab");

QByteArray randomBytes(int size) {
    QByteArray bytes(size, Qt::Uninitialized);
    for (auto &c : bytes)
        c = char(QRandomGenerator::global()->bounded(256));
    return bytes;
}

} // namespace

class CliAdminsTest : public QObject {
    Q_OBJECT

    QTemporaryDir m_tmp;
    QString m_serverRoot;
    std::unique_ptr<GitDaemon> m_daemon;
    std::unique_ptr<HttpsGitServer> m_https;
    QByteArray m_httpsPassword;

    QString path(const QString &name) const { return m_tmp.filePath(name); }

    CliResult cli(const QString &vault, const QStringList &args,
                  const QMap<QString, QString> &env = {}) {
        return runCli(vault, args, kPass, env);
    }

    QString serverRepo(const QString &name) {
        const QString dir = QDir(m_serverRoot).filePath(name + QStringLiteral(".git"));
        return makeBareRepo(dir) ? dir : QString();
    }

    QString file(const QString &name, const QByteArray &content) {
        const QString p = path(name);
        writeFile(p, content);
        return p;
    }

    // A founder's notebook with one experiment, on the remote, synced. Returns the experiment.
    QString found(const QString &vault, const QString &url, const QStringList &remoteOptions,
                  const QMap<QString, QString> &remoteEnv) {
        if (cli(vault, {"init", "--notebook", "Okapi lab", "--name", "Alice Founder", "--email",
                        "alice@lab.example"})
                .exitCode != 0)
            return {};
        const auto x = cli(vault, {"experiment", "new", "--title", "Okapi assay"});
        if (x.exitCode != 0) return {};
        if (cli(vault, QStringList{"remote", "set", url} + remoteOptions, remoteEnv).exitCode != 0)
            return {};
        if (cli(vault, {"sync"}).exitCode != 0) return {};
        return x.outLine();
    }

    // `vault` asks to join through `admin`'s invitation; returns the request file and the code.
    QPair<QString, QString> requestToJoin(const QString &admin, const QString &vault,
                                          const QString &name, const QStringList &remoteOptions,
                                          const QMap<QString, QString> &remoteEnv) {
        const QString tag = QFileInfo(vault).fileName();
        const QString invitation = path(tag + "-invitation.json");
        const QString request = path(tag + "-request.json");
        if (cli(admin, {"member", "invite", "--out", invitation}).exitCode != 0) return {};
        const auto join = cli(vault, {"join", "--invitation", invitation, "--name", name, "--email",
                                      tag + "@lab.example", "--out", request});
        if (join.exitCode != 0) return {};
        if (!remoteOptions.isEmpty()) {
            const QJsonObject inv =
                QJsonDocument::fromJson([&] {
                    QFile f(invitation);
                    return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
                }())
                    .object();
            if (cli(vault,
                    QStringList{"remote", "set", inv.value("remote").toString()} + remoteOptions,
                    remoteEnv)
                    .exitCode != 0)
                return {};
        }
        return {request, join.outLine()};
    }

    QJsonObject memberIn(const QString &vault, const QString &uuid) {
        const auto list = cli(vault, {"member", "list", "--json"});
        for (const auto &m : json(list).array())
            if (m.toObject().value("uuid").toString() == uuid) return m.toObject();
        return {};
    }

    QJsonObject alarmIn(const QString &vault, const QString &id) {
        const auto list = cli(vault, {"alarms", "--json"});
        for (const auto &a : json(list).array())
            if (a.toObject().value("id").toString() == id) return a.toObject();
        return {};
    }

private slots:
    void initTestCase() {
        QVERIFY(m_tmp.isValid());
        m_serverRoot = path("servers");
        QVERIFY(QDir().mkpath(m_serverRoot));
        m_httpsPassword = "pw-" + randomBytes(12).toHex();
        m_daemon = std::make_unique<GitDaemon>(m_serverRoot);
        QVERIFY2(m_daemon->start(), qPrintable(m_daemon->error()));
    }

    // git://: the founder makes a second admin; the founder's computer is lost; the second
    // admin approves a newcomer, who syncs and writes.
    void secondAdminApprovesANewcomerWithTheFoundersVaultGone() {
        QVERIFY(!serverRepo("admins").isEmpty());
        const QString url = m_daemon->url("admins.git");
        const QString v = path("admins-v"), b = path("admins-b"), n = path("admins-n");
        const QString experiment = found(v, url, {}, {});
        QVERIFY(!experiment.isEmpty());

        const auto [bRequest, bCode] = requestToJoin(v, b, "Bea Second", {}, {});
        QVERIFY(!bRequest.isEmpty());
        const auto approveB =
            cli(v, {"member", "approve", bRequest, "--roles", "author,admin", "--code", bCode});
        CLI_OK(approveB);
        const QString bMember = approveB.outLine();
        QVERIFY2(memberIn(v, bMember).value("ca_share").toBool(), "no CA share for the new admin");
        CLI_OK(cli(v, {"sync"}));
        CLI_OK(cli(b, {"sync"}));
        // The share on the server holds only ciphertext of the key.
        const QByteArray share = runGit({"--git-dir", QDir(m_serverRoot).filePath("admins.git"),
                                         "show", "main:ca/" + bMember + ".json"})
                                     .out;
        QVERIFY2(share.contains("\"type\":\"ca_share\"") && !share.contains("PRIVATE"), share);

        // The founder's laptop dies.
        QVERIFY(QDir(v).removeRecursively());

        const auto [nRequest, nCode] = requestToJoin(b, n, "Nils Newcomer", {}, {});
        QVERIFY(!nRequest.isEmpty());
        const auto approveN =
            cli(b, {"member", "approve", nRequest, "--roles", "author", "--code", nCode});
        CLI_OK(approveN);
        const QString nMember = approveN.outLine();
        CLI_OK(cli(b, {"sync"}));
        const auto joined = cli(n, {"sync", "--json"});
        CLI_OK(joined);
        QVERIFY2(json(joined).object().value("joined").toBool(), joined.out);
        const auto entry =
            cli(n, {"entry", "add", "--experiment", experiment, "--title", "Nils's plate", "--file",
                    file("n1.html", "<p>Plate read by Nils.</p>")});
        CLI_OK(entry);
        CLI_OK(cli(n, {"sync"}));
        CLI_OK(cli(b, {"sync"}));
        const auto shown = cli(b, {"entry", "show", entry.outLine(), "--json"});
        CLI_OK(shown);
        QCOMPARE(json(shown).object().value("author_name").toString(), QString("Nils Newcomer"));
        QCOMPARE(memberIn(b, nMember).value("status").toString(), QString("active"));
        CLI_OK(cli(b, {"verify"}));
        CLI_OK(cli(n, {"verify"}));
        // A member who is no admin holds no share and cannot approve.
        QVERIFY(!memberIn(n, nMember).value("ca_share").toBool());
    }

    // https: a member made admin by a role change can approve; once revoked, an approval it
    // writes afterwards (before its vault heard of the revocation) is refused on arrival.
    void revokedAdminsLaterApprovalIsRefusedOnArrival() {
        if (!QFile::exists("/usr/sbin/lighttpd")) QSKIP("lighttpd is not installed");
        m_https = std::make_unique<HttpsGitServer>(m_serverRoot, kHttpsUser,
                                                   QString::fromLatin1(m_httpsPassword));
        QVERIFY2(m_https->start(), qPrintable(m_https->error()));
        QVERIFY(!serverRepo("revoke").isEmpty());
        const QStringList options{"--user", kHttpsUser, "--ca", m_https->caPemPath()};
        const QMap<QString, QString> env{
            {"QUIRE_REMOTE_SECRET", QString::fromLatin1(m_httpsPassword)}};
        const QString v = path("revoke-v"), c = path("revoke-c"), z = path("revoke-z");
        QVERIFY(!found(v, m_https->url("revoke.git"), options, env).isEmpty());

        const auto [cRequest, cCode] = requestToJoin(v, c, "Carl Admin", options, env);
        QVERIFY(!cRequest.isEmpty());
        const auto approveC =
            cli(v, {"member", "approve", cRequest, "--roles", "author", "--code", cCode});
        CLI_OK(approveC);
        const QString cMember = approveC.outLine();
        QVERIFY(!memberIn(v, cMember).value("ca_share").toBool());
        QCOMPARE(cli(v, {"member", "roles", cMember, "--roles", "author,admin"}).exitCode, 2);
        const auto promote = cli(v, {"member", "roles", cMember, "--roles", "author,admin",
                                     "--reason", "runs the lab while Alice travels"});
        CLI_OK(promote);
        QVERIFY(memberIn(v, cMember).value("ca_share").toBool());
        CLI_OK(cli(v, {"sync"}));
        CLI_OK(cli(c, {"sync"}));
        const QJsonArray cRoles = memberIn(c, cMember).value("roles").toArray();
        QVERIFY2(cRoles.contains("admin"), QJsonDocument(cRoles).toJson());

        // Alice revokes Carl; Carl's vault has not heard of it when it approves Zoe.
        CLI_OK(cli(v, {"member", "revoke", cMember, "--reason", "left the lab"}));
        CLI_OK(cli(v, {"sync"}));
        const auto [zRequest, zCode] = requestToJoin(c, z, "Zoe Late", options, env);
        QVERIFY(!zRequest.isEmpty());
        const auto approveZ =
            cli(c, {"member", "approve", zRequest, "--roles", "author,admin", "--code", zCode});
        CLI_OK(approveZ); // Carl's vault still holds the CA key: nothing stops it offline
        const QString zMember = approveZ.outLine();
        const auto cSync = cli(c, {"sync"});
        CLI_OK(cSync);
        // Now Carl's vault knows, lets the key go and approves nothing more.
        QCOMPARE(memberIn(c, cMember).value("status").toString(), QString("revoked"));
        const auto again = cli(c, {"member", "approve", zRequest, "--roles", "author"});
        QCOMPARE(again.exitCode, 1);

        const auto vSync = cli(v, {"sync", "--json"});
        CLI_OK(vSync); // refused as the rules intend: no alarm
        const QString refusals =
            QJsonDocument(json(vSync).object().value("expected_refusals").toArray()).toJson();
        QVERIFY2(refusals.contains("revoked"), vSync.out);
        QVERIFY2(memberIn(v, zMember).isEmpty(), "the revoked admin's approval was admitted");
        CLI_OK(cli(v, {"verify"}));
        // Zoe's vault stays waiting: nobody who may approve has approved her.
        CLI_OK(cli(z, {"sync"}));
        const auto zList = cli(z, {"member", "list"});
        QVERIFY2(zList.out.contains("waits for an admin"), zList.out);
    }

    // git://: someone with write access to the server pushes a file that is not one of the
    // notebook's. Every sync fails until an admin acknowledges it, in every vault.
    void tamperedFileIsAnAlarmUntilAnAdminAcknowledgesIt() {
        QVERIFY(!serverRepo("alarm").isEmpty());
        const QString server = QDir(m_serverRoot).filePath("alarm.git");
        const QString url = m_daemon->url("alarm.git");
        const QString v = path("alarm-v"), w = path("alarm-w");
        QVERIFY(!found(v, url, {}, {}).isEmpty());
        CLI_OK(cli(v, {"sync"}));

        // The attacker: a plain git clone, one file that looks like a record under epoch 1.
        const QString work = path("alarm-attacker");
        QVERIFY(runGit({"clone", "--quiet", server, work}).ok());
        const QByteArray name = randomBytes(32).toHex();
        const QString tampered = "r/" + QString::fromLatin1(name.left(2)) + "/" + name;
        QByteArray bytes = QByteArray("QNC1") + char(0) + QByteArray("\0\0\0\1", 4);
        bytes += randomBytes(12 + 200 + 16);
        QVERIFY(QDir(work).mkpath(QFileInfo(work + "/" + tampered).path()));
        writeFile(work + "/" + tampered, bytes);
        QVERIFY(runGit({"-C", work, "add", "."}).ok());
        QVERIFY(runGit({"-C", work, "-c", "user.name=x", "-c", "user.email=x@x", "commit",
                        "--quiet", "-m", "x"})
                    .ok());
        QVERIFY(runGit({"-C", work, "push", "--quiet", "origin", "main"}).ok());

        // W joins now: it never saw the file before, and its first sync is an alarm.
        const auto [wRequest, wCode] = requestToJoin(v, w, "Walter Member", {}, {});
        QVERIFY(!wRequest.isEmpty());
        CLI_OK(cli(v, {"member", "approve", wRequest, "--roles", "author", "--code", wCode}));
        const auto vFirst = cli(v, {"sync"});
        QCOMPARE(vFirst.exitCode, 1);
        QVERIFY2(vFirst.out.contains("ALARM: " + tampered.toLatin1()) &&
                     !vFirst.out.contains("Up to date"),
                 describe(vFirst));
        QVERIFY2(vFirst.err.contains("quire-cli alarms"), vFirst.err);
        const auto wFirst = cli(w, {"sync", "--json"});
        QCOMPARE(wFirst.exitCode, 1);
        QVERIFY2(json(wFirst).object().value("joined").toBool(), wFirst.out);
        QVERIFY2(QJsonDocument(json(wFirst).object().value("alarms").toArray())
                     .toJson()
                     .contains(tampered.toLatin1()),
                 wFirst.out);
        // Seen before, still not acknowledged: still an alarm.
        const auto wAgain = cli(w, {"sync"});
        QCOMPARE(wAgain.exitCode, 1);
        QVERIFY2(wAgain.out.contains("found before, not yet acknowledged"), wAgain.out);

        const auto listed = cli(w, {"alarms", "--json"});
        CLI_OK(listed);
        QJsonObject alarm;
        for (const auto &a : json(listed).array())
            if (a.toObject().value("path").toString() == tampered) alarm = a.toObject();
        QCOMPARE(alarm.value("kind").toString(), QString("authentication_failed"));
        QVERIFY(alarm.value("counts").toBool() && !alarm.value("acknowledged").toBool());
        QVERIFY(!alarm.value("first_seen").toString().isEmpty());
        const QString id = alarm.value("id").toString();
        QCOMPARE(id.size(), 16);
        // The same file is the same alarm in every vault.
        QCOMPARE(alarmIn(v, id).value("path").toString(), tampered);

        // Only an admin acknowledges, with a reason.
        const auto byAuthor = cli(w, {"alarms", "acknowledge", id, "--reason", "looks fine"});
        QCOMPARE(byAuthor.exitCode, 1);
        QVERIFY2(byAuthor.err.contains("only an active admin"), byAuthor.err);
        QCOMPARE(cli(v, {"alarms", "acknowledge", id}).exitCode, 2);
        const QString reason = "a test push by the lab's IT; file left on the server";
        const auto ack = cli(v, {"alarms", "acknowledge", id.left(8), "--reason", reason});
        CLI_OK(ack);
        QCOMPARE(ack.outLine(), id);

        const auto vClean = cli(v, {"sync"});
        CLI_OK(vClean);
        QVERIFY2(vClean.out.contains("Up to date"), vClean.out);
        const auto wClean = cli(w, {"sync"});
        CLI_OK(wClean);
        const QJsonObject seen = alarmIn(w, id);
        QVERIFY2(seen.value("acknowledged").toBool(), QJsonDocument(seen).toJson());
        QCOMPARE(seen.value("reason").toString(), reason);
        QCOMPARE(seen.value("acknowledged_by_name").toString(), QString("Alice Founder"));
        QVERIFY(!seen.value("acknowledged_at").toString().isEmpty());
        // Looked at: verify passes, and says so as a warning.
        CLI_OK(cli(w, {"verify"}));
        CLI_OK(cli(v, {"verify"}));
    }
};

QTEST_GUILESS_MAIN(CliAdminsTest)
#include "tst_cli_admins.moc"
