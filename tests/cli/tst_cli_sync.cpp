// quire-cli sharing end to end, with real git servers started by the test: a founder's vault
// publishes to the lab's server, invites a newcomer, approves the join request, and both
// sides then read and write the same notebook — through a bare repository path, git daemon,
// https with basic auth and an extra certificate authority, and ssh with a key. Also: three
// writers converge whatever the order of their syncs, the server only ever holds ciphertext,
// revocation closes what is written afterwards, and secrets never show in any output.

#include "GitServers.h"
#include "TestSupport.h"

#include <QDirIterator>
#include <QElapsedTimer>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRandomGenerator>
#include <QRegularExpression>
#include <QSet>
#include <QTemporaryDir>
#include <QtTest>

#include <functional>

using namespace quire::test;

namespace {

const QByteArray kPass = "correct horse battery staple";
// Distinctive, so that a plaintext leak anywhere on the server is found by a plain search.
const QByteArray kMarker = "OKAPI-MARKER-5521";
const QString kHttpsUser = QStringLiteral("lab");

const QRegularExpression
    kUuid(QStringLiteral("^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$"));
const QRegularExpression kCode(QStringLiteral("^[A-Z2-7]{4}(-[A-Z2-7]{4}){4}$"));

QByteArray randomBytes(int size) {
    QByteArray bytes(size, Qt::Uninitialized);
    for (auto &c : bytes)
        c = char(QRandomGenerator::global()->bounded(256));
    return bytes;
}

// Every object of a server repository, decompressed, as git itself prints them.
QByteArray serverObjects(const QString &gitDir) {
    return runGit({QStringLiteral("--git-dir"), gitDir, QStringLiteral("cat-file"),
                   QStringLiteral("--batch-all-objects"), QStringLiteral("--batch")})
        .out;
}

} // namespace

// QVERIFY2 evaluates its message even when the check holds: run the command once.
class CliSyncTest : public QObject {
    Q_OBJECT

    // How one scenario reaches its server.
    struct Remote {
        QString url;
        QStringList options;        // after `remote set URL`
        QMap<QString, QString> env; // for `remote set` (the https secret)
        QString serverGitDir;       // the server's repository on disk
        QString hostKeySha256;      // ssh only: the key the first sync must remember
    };

    // A founder's vault V and a newcomer's vault W sharing one notebook.
    struct Pair {
        QString v, w;
        QString experiment;
        QString wMember;
        Remote remote;
    };

    QTemporaryDir m_tmp;
    QString m_serverRoot;
    std::unique_ptr<GitDaemon> m_daemon;
    std::unique_ptr<HttpsGitServer> m_https;
    std::unique_ptr<SshGitServer> m_ssh;
    QByteArray m_httpsPassword;
    Pair m_bare; // kept for the membership tests that follow the first scenario
    QString m_lonely;

    QString path(const QString &name) const { return m_tmp.filePath(name); }

    QString file(const QString &name, const QByteArray &content) {
        const QString p = path(name);
        writeFile(p, content);
        return p;
    }

    CliResult cli(const QString &vault, const QStringList &args,
                  const QMap<QString, QString> &env = {}) {
        return runCli(vault, args, kPass, env);
    }

    QString serverRepo(const QString &name) {
        const QString dir = QDir(m_serverRoot).filePath(name + QStringLiteral(".git"));
        return makeBareRepo(dir) ? dir : QString();
    }

    bool startDaemon() {
        if (!m_daemon) m_daemon = std::make_unique<GitDaemon>(m_serverRoot);
        // A test that killed it and failed before restarting it leaves it down.
        if (!m_daemon->isRunning() && !m_daemon->start()) return false;
        return m_daemon->isRunning();
    }
    bool startHttps() {
        if (!m_https) {
            m_https = std::make_unique<HttpsGitServer>(m_serverRoot, kHttpsUser,
                                                       QString::fromLatin1(m_httpsPassword));
            if (!m_https->start()) return false;
        }
        return m_https->isRunning();
    }
    bool startSsh() {
        if (!m_ssh) {
            m_ssh = std::make_unique<SshGitServer>();
            if (!m_ssh->start()) return false;
        }
        return m_ssh->isRunning();
    }

    // The records of a vault by id, without the "unlock" audit record each opening writes
    // (the command that lists them writes one too, which no other vault can have yet).
    QSet<QString> recordIds(const QString &vault) {
        const auto audit = cli(vault, {"audit", "--json"});
        QSet<QString> ids;
        if (audit.exitCode != 0) return {QStringLiteral("audit failed: ") + audit.err};
        for (const auto &e : json(audit).array()) {
            const QJsonObject o = e.toObject();
            if (o.value("type").toString() == "audit" && o.value("action").toString() == "unlock")
                continue;
            ids.insert(o.value("record").toString());
        }
        return ids;
    }

    QJsonArray experiments(const QString &vault) {
        const auto list = cli(vault, {"experiment", "list", "--json"});
        return list.exitCode == 0 ? json(list).array() : QJsonArray{};
    }

    // Creates a founder's vault with an experiment, an entry and a small attachment, connects
    // it to the remote and publishes it. Fills pair.v and pair.experiment.
    void found(Pair &pair, const QString &tag, QString *attachment, QByteArray *attachmentBytes) {
        pair.v = path(tag + "-v");
        CLI_OK(cli(pair.v, {"init", "--notebook", "Okapi lab", "--name", "Alice Founder", "--email",
                            "alice@lab.example"}));
        const auto x = cli(pair.v, {"experiment", "new", "--title", "Okapi assay " + kMarker,
                                    "--project", "Hormones", "--tag", "plate-reader"});
        CLI_OK(x);
        pair.experiment = x.outLine();
        const auto entry =
            cli(pair.v,
                {"entry", "add", "--experiment", pair.experiment, "--title", "Plate 1", "--file",
                 file(tag + "-e1.html", "<p>Plate 1 read at 450 nm, " + kMarker + ".</p>")});
        CLI_OK(entry);
        *attachmentBytes = kMarker + "\n" + randomBytes(96 * 1024);
        const auto att =
            cli(pair.v, {"attach", entry.outLine(),
                         file("reading-" + tag + "-" + kMarker + ".bin", *attachmentBytes)});
        CLI_OK(att);
        *attachment = att.outLine();

        const auto set =
            cli(pair.v, QStringList{"remote", "set", pair.remote.url} + pair.remote.options,
                pair.remote.env);
        CLI_OK(set);
        QVERIFY2(set.out.isEmpty(), set.out);
        const auto first = cli(pair.v, {"sync"});
        CLI_OK(first);
        QVERIFY2(first.out.contains("Sent this notebook's new changes."), first.out);
        QVERIFY2(first.out.contains("Up to date with " + pair.remote.url.toUtf8()), first.out);
        if (!pair.remote.hostKeySha256.isEmpty())
            QVERIFY2(first.out.contains(pair.remote.hostKeySha256.toLatin1()), first.out);
    }

    // The newcomer joins through an invitation and syncs before and after approval.
    void joinAndApprove(Pair &pair, const QString &tag) {
        pair.w = path(tag + "-w");
        const QString invitation = path(tag + "-invitation.json");
        const auto invite = cli(pair.v, {"member", "invite", "--out", invitation});
        CLI_OK(invite);
        QVERIFY(invite.out.isEmpty());
        const QJsonObject inv = QJsonDocument::fromJson(readAll(invitation)).object();
        QCOMPARE(inv.value("remote").toString(), pair.remote.url);

        const QString request = path(tag + "-request.json");
        const auto join =
            cli(pair.w, {"join", "--invitation", invitation, "--name", "Walter Newcomer", "--email",
                         "walter@lab.example", "--out", request});
        CLI_OK(join);
        const QString code = join.outLine();
        QVERIFY2(kCode.match(code).hasMatch(), join.out); // the code alone on stdout
        QVERIFY2(join.err.contains(request.toUtf8()) && join.err.contains(code.toLatin1()) &&
                     join.err.contains("admin"),
                 join.err);
        QVERIFY(QFile::exists(request));

        // The invitation carries the address, never the login: the newcomer sets its own.
        if (!pair.remote.options.isEmpty())
            CLI_OK(cli(pair.w, QStringList{"remote", "set", pair.remote.url} + pair.remote.options,
                       pair.remote.env));
        const auto early = cli(pair.w, {"sync"});
        QCOMPARE(early.exitCode, 1);
        QVERIFY2(early.err.contains("not been approved"), early.err);

        const auto approve =
            cli(pair.v, {"member", "approve", request, "--roles", "author", "--code", code});
        CLI_OK(approve);
        pair.wMember = approve.outLine();
        QVERIFY2(kUuid.match(pair.wMember).hasMatch(), approve.out);
        QVERIFY2(approve.err.contains("Walter Newcomer"), approve.err);
        CLI_OK(cli(pair.v, {"sync"}));
    }

    // The scenario through one transport.
    void shareThrough(Pair &pair, const QString &tag) {
        QString attachment;
        QByteArray attachmentBytes;
        found(pair, tag, &attachment, &attachmentBytes);
        if (QTest::currentTestFailed()) return;
        joinAndApprove(pair, tag);
        if (QTest::currentTestFailed()) return;

        // W's sync fetches the grant and every record.
        const auto first = cli(pair.w, {"sync", "--json"});
        CLI_OK(first);
        const QJsonObject report = json(first).object();
        QVERIFY2(report.value("joined").toBool(), first.out);
        QVERIFY2(report.value("records_received").toInt() >= 5, first.out);
        QVERIFY2(report.value("chunks_received").toInt() >= 1, first.out);
        QVERIFY2(report.value("alarms").toArray().isEmpty(), first.out);
        QVERIFY2(report.value("quarantined").toArray().isEmpty(), first.out);
        QVERIFY(report.value("up_to_date").toBool());

        const QJsonArray inV = experiments(pair.v), inW = experiments(pair.w);
        QCOMPARE(inV.size(), 1);
        QVERIFY2(inW == inV, QJsonDocument(inW).toJson() + "\n---\n" + QJsonDocument(inV).toJson());
        QCOMPARE(inW.first().toObject().value("author_name").toString(), QString("Alice Founder"));

        const QString copy = path(tag + "-copy.bin");
        CLI_OK(cli(pair.w, {"attachment", "get", attachment, "--out", copy}));
        QVERIFY(readAll(copy) == attachmentBytes);
        CLI_OK(cli(pair.w, {"verify"}));
        CLI_OK(cli(pair.v, {"verify"}));

        const auto members = cli(pair.w, {"member", "list", "--json"});
        CLI_OK(members);
        bool foundSelf = false;
        for (const auto &m : json(members).array()) {
            const QJsonObject o = m.toObject();
            if (o.value("uuid").toString() != pair.wMember) continue;
            foundSelf = true;
            QCOMPARE(o.value("name").toString(), QString("Walter Newcomer"));
            QCOMPARE(o.value("email").toString(), QString("walter@lab.example"));
            QVERIFY(o.value("roles").toArray() == QJsonArray{"author"});
            QCOMPARE(o.value("status").toString(), QString("active"));
        }
        QVERIFY2(foundSelf && json(members).array().size() == 2, members.out);

        // W writes; V receives it.
        const auto added =
            cli(pair.w,
                {"entry", "add", "--experiment", pair.experiment, "--title", "Walter's plate 2",
                 "--file", file(tag + "-w1.html", "<p>Plate 2 by Walter, " + kMarker + ".</p>")});
        CLI_OK(added);
        CLI_OK(cli(pair.w, {"sync"}));
        const auto back = cli(pair.v, {"sync", "--json"});
        CLI_OK(back);
        QVERIFY2(json(back).object().value("records_received").toInt() >= 1, back.out);
        QVERIFY2(json(back).object().value("quarantined").toArray().isEmpty(), back.out);
        const auto shown = cli(pair.v, {"entry", "show", added.outLine(), "--json"});
        CLI_OK(shown);
        QCOMPARE(json(shown).object().value("title").toString(), QString("Walter's plate 2"));
        QCOMPARE(json(shown).object().value("author_name").toString(), QString("Walter Newcomer"));
        QCOMPARE(experiments(pair.v).first().toObject().value("entries").toInt(), 2);

        // The server holds ciphertext and public keys only.
        const QByteArray objects = serverObjects(pair.remote.serverGitDir);
        QVERIFY(objects.size() > 1000);
        for (const QByteArray &plain :
             {kMarker, QByteArray("Okapi"), QByteArray("Walter"), QByteArray("walter@lab"),
              QByteArray("Alice Founder"), QByteArray("Plate 1")})
            QVERIFY2(!objects.contains(plain), plain.constData());
    }

    // Files under a repository's objects/ folder: a pack arriving shows up there first as a
    // temporary file, and its index is written last.
    static QSet<QString> objectFiles(const QString &gitDir) {
        QSet<QString> files;
        QDirIterator it(gitDir + "/objects", QDir::Files, QDirIterator::Subdirectories);
        while (it.hasNext())
            files.insert(it.next());
        return files;
    }

    struct CutSync {
        bool cut = false;            // the cut came before the sync ended
        bool cutMidTransfer = false; // ... while a pack was arriving
        int exitCode = -1;           // -1: killed
        QByteArray err;
    };

    // Runs `quire-cli sync` on `vault` and calls `cut` as soon as a pack starts arriving in
    // `receivingRepo` (a new file there and no new index yet), or once `deadlineMs` have
    // passed (a fast loopback transfer can slip between two looks).
    CutSync syncCutOff(const QString &vault, const QString &receivingRepo,
                       const std::function<void(QProcess &)> &cut, int deadlineMs = -1) {
        const QSet<QString> before = objectFiles(receivingRepo);
        QProcess p;
        auto env = QProcessEnvironment::systemEnvironment();
        env.insert(QStringLiteral("QUIRE_PASSPHRASE"), QString::fromUtf8(kPass));
        p.setProcessEnvironment(env);
        p.start(cliPath(), {QStringLiteral("--vault"), vault, QStringLiteral("sync")});
        CutSync result;
        QElapsedTimer clock;
        clock.start();
        if (!p.waitForStarted()) return result;
        while (p.state() != QProcess::NotRunning) {
            bool arriving = false, indexed = false;
            for (const QString &f : objectFiles(receivingRepo) - before) {
                arriving = true;
                indexed = indexed || f.endsWith(QLatin1String(".idx"));
            }
            if ((arriving && !indexed) || (deadlineMs >= 0 && clock.elapsed() >= deadlineMs)) {
                if (p.state() == QProcess::NotRunning) break;
                cut(p);
                result.cut = true;
                result.cutMidTransfer = arriving && !indexed;
                break;
            }
            p.waitForFinished(2);
        }
        p.waitForFinished(120000);
        result.exitCode = p.exitStatus() == QProcess::NormalExit ? p.exitCode() : -1;
        result.err = p.readAllStandardError();
        // The sync may finish between the last look at it and the kill: then it got through.
        if (result.cut && result.exitCode == 0) result.cut = result.cutMidTransfer = false;
        return result;
    }

private slots:
    void initTestCase() {
        QVERIFY(m_tmp.isValid());
        m_serverRoot = path("servers");
        QVERIFY(QDir().mkpath(m_serverRoot));
        m_httpsPassword = "pw-" + randomBytes(12).toHex();
        // The ssh scenario must log in with the key kept in the vault, not a desktop agent.
        qunsetenv("SSH_AUTH_SOCK");
    }

    void syncWithoutARemoteSaysWhatToDo() {
        m_lonely = path("lonely");
        CLI_OK(cli(m_lonely, {"init", "--notebook", "Alone", "--name", "Lone Researcher", "--email",
                              "lone@lab.example"}));
        const auto sync = cli(m_lonely, {"sync"});
        QCOMPARE(sync.exitCode, 1);
        QVERIFY2(sync.err.contains("no shared repository is set") &&
                     sync.err.contains("remote set"),
                 sync.err);
        QVERIFY(sync.out.isEmpty());
        const auto invite = cli(m_lonely, {"member", "invite", "--out", path("none.json")});
        QCOMPARE(invite.exitCode, 1);
        QVERIFY2(invite.err.contains("set the shared repository first"), invite.err);
        QVERIFY(!QFile::exists(path("none.json")));
    }

    void remoteSetRefusesAPasswordInTheAddressWithoutEchoingIt() {
        const auto set =
            cli(m_lonely, {"remote", "set", "https://lab:hunter2-sesame@127.0.0.1/git/x.git"});
        QCOMPARE(set.exitCode, 1);
        QVERIFY2(set.err.contains("contains a password"), set.err);
        QVERIFY(!set.out.contains("hunter2-sesame") && !set.err.contains("hunter2-sesame"));
        const auto plainHttp = cli(m_lonely, {"remote", "set", "http://127.0.0.1/git/x.git"});
        QCOMPARE(plainHttp.exitCode, 1);
        QCOMPARE(cli(m_lonely, {"remote", "set"}).exitCode, 2);
        QCOMPARE(cli(m_lonely, {"remote", "set", "/tmp/a", "--ssh-key"}).exitCode, 2);
        // A public key handed over by mistake is named as such.
        const QString pub = file("id.pub", "ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAI quire-test\n");
        const auto wrongKey = cli(m_lonely, {"remote", "set", "/tmp/a.git", "--ssh-key", pub});
        QCOMPARE(wrongKey.exitCode, 1);
        QVERIFY2(wrongKey.err.contains("not a private ssh key"), wrongKey.err);
    }

    void joinRefusesADamagedInvitationAndCreatesNothing() {
        const QString vault = path("never");
        const QString invitation = file("damaged.json", "{\"type\":\"invitation\",\"notebook\":1}");
        const auto join = cli(vault, {"join", "--invitation", invitation, "--name", "N", "--email",
                                      "n@lab.example", "--out", path("never-request.json")});
        QCOMPARE(join.exitCode, 1);
        QVERIFY2(join.err.contains("invitation cannot be used"), join.err);
        QVERIFY(join.out.isEmpty());
        QVERIFY(!QFile::exists(vault + "/vault.json"));
        QVERIFY(!QFile::exists(path("never-request.json")));
        QCOMPARE(cli(vault, {"join", "--invitation", invitation, "--name", "N", "--email",
                             "n@lab.example", "--out", "-"})
                     .exitCode,
                 2);
        QCOMPARE(cli(vault, {"join", "--invitation", invitation, "--name", "N"}).exitCode, 2);
    }

    void joinAndSyncThroughABareRepositoryPath() {
        m_bare.remote.serverGitDir = serverRepo("bare");
        QVERIFY(!m_bare.remote.serverGitDir.isEmpty());
        m_bare.remote.url = m_bare.remote.serverGitDir;
        shareThrough(m_bare, "bare");
    }

    void joinAndSyncThroughGitDaemon() {
        QVERIFY2(startDaemon(), qPrintable(m_daemon->error()));
        Pair pair;
        pair.remote.serverGitDir = serverRepo("daemon");
        QVERIFY(!pair.remote.serverGitDir.isEmpty());
        pair.remote.url = m_daemon->url("daemon.git");
        shareThrough(pair, "daemon");
    }

    // The server dies in the middle of a push, and a newcomer's sync is killed in the middle
    // of its fetch, again and again: each time the server keeps its last good state, the
    // vaults keep theirs, and the next sync finishes the job with verify passing.
    void syncsCutOffOnEitherSideLeaveNothingHalfDone() {
        QVERIFY2(startDaemon(), qPrintable(m_daemon->error()));
        Pair pair;
        pair.remote.serverGitDir = serverRepo("cutoff");
        pair.remote.url = m_daemon->url("cutoff.git");
        QString firstAttachment;
        QByteArray firstBytes;
        found(pair, "cutoff", &firstAttachment, &firstBytes);
        if (QTest::currentTestFailed()) return;
        const QString server = pair.remote.serverGitDir;
        const QByteArray publishedHead =
            runGit({"--git-dir", server, "rev-parse", "refs/heads/main"}).out.trimmed();

        // Something worth cutting off: 48 MiB of instrument data (16 under the sanitizers, where
        // every step is slower and a smaller pack is still being sent when the cut comes).
        const qsizetype mib = underSanitizers() ? 16 : 48;
        const auto entry = cli(pair.v, {"entry", "add", "--experiment", pair.experiment, "--title",
                                        "Overnight run", "--file",
                                        file("cutoff-run.html", "<p>Overnight run.</p>")});
        CLI_OK(entry);
        const QByteArray big = randomBytes(mib * 1024 * 1024);
        const auto attached = cli(pair.v, {"attach", entry.outLine(), file("cutoff-run.bin", big)});
        CLI_OK(attached);

        int cuts = 0;
        QByteArray serverHead = publishedHead;
        for (int round = 0; round < 6 && cuts < 2; ++round) {
            const CutSync push =
                syncCutOff(pair.v, server, [this](QProcess &) { m_daemon->kill(); });
            if (push.cutMidTransfer) {
                ++cuts;
                QVERIFY2(push.exitCode > 0, push.err);
                QVERIFY2(push.err.contains("connection was lost"), push.err);
                QCOMPARE(
                    runGit({"--git-dir", server, "rev-parse", "refs/heads/main"}).out.trimmed(),
                    serverHead);
                const Tool fsck = runTool("git", {"--git-dir", server, "fsck", "--strict"});
                QVERIFY2(fsck.exitCode == 0, qPrintable(fsck.all()));
            }
            if (!m_daemon->isRunning()) QVERIFY2(m_daemon->start(), qPrintable(m_daemon->error()));
            CLI_OK(cli(pair.v, {"verify"}));
            if (!push.cutMidTransfer) {
                // It got through before a pack was seen: the next round gets more to send.
                QVERIFY2(push.exitCode == 0, push.err);
                serverHead =
                    runGit({"--git-dir", server, "rev-parse", "refs/heads/main"}).out.trimmed();
                CLI_OK(cli(pair.v, {"attach", entry.outLine(),
                                    file(QString("cutoff-more-%1.bin").arg(round),
                                         randomBytes(mib * 2 / 3 * 1024 * 1024))}));
            }
        }
        QVERIFY2(cuts >= 1, "no push was cut off while its pack was arriving");
        const auto sent = cli(pair.v, {"sync", "--json"});
        CLI_OK(sent);
        QVERIFY(json(sent).object().value("up_to_date").toBool());
        QVERIFY(runGit({"--git-dir", server, "rev-parse", "refs/heads/main"}).out.trimmed() !=
                publishedHead);

        joinAndApprove(pair, "cutoff");
        if (QTest::currentTestFailed()) return;
        const QString wRepo = pair.w + "/repo.git";
        // The newcomer's sync is killed ever later (its unlock alone takes about 0.4 s) until
        // one gets through: before, during and after its fetch, while it merges.
        cuts = 0;
        int midTransfer = 0;
        for (int round = 0; round < 12; ++round) {
            const CutSync fetch = syncCutOff(
                pair.w, wRepo, [](QProcess &p) { p.kill(); }, 350 + 100 * round);
            if (!fetch.cut) break;
            ++cuts;
            midTransfer += fetch.cutMidTransfer ? 1 : 0;
            QCOMPARE(fetch.exitCode, -1);
            QVERIFY(experiments(pair.w).isEmpty() || experiments(pair.w) == experiments(pair.v));
        }
        qInfo("the newcomer's sync was killed %d times, %d of them while a pack arrived", cuts,
              midTransfer);
        QVERIFY2(cuts >= 2, "the newcomer's sync was not killed twice before it got through");
        const auto joined = cli(pair.w, {"sync", "--json"});
        CLI_OK(joined);
        QVERIFY2(json(joined).object().value("quarantined").toArray().isEmpty(), joined.out);
        CLI_OK(cli(pair.w, {"verify"}));
        QCOMPARE(experiments(pair.w), experiments(pair.v));
        const QString copy = path("cutoff-copy.bin");
        CLI_OK(cli(pair.w, {"attachment", "get", attached.outLine(), "--out", copy}));
        QVERIFY(readAll(copy) == big);
        QFile::remove(copy);
        QCOMPARE(recordIds(pair.w) - recordIds(pair.v), QSet<QString>{});
    }

    // A user's git configuration (here a url rewrite that sends the transfer elsewhere) has no
    // say in Quire's syncs: libgit2 reads only Quire's own settings.
    void usersGitConfigurationCannotRedirectASync() {
        Pair pair;
        pair.remote.serverGitDir = serverRepo("config");
        QVERIFY(!pair.remote.serverGitDir.isEmpty());
        pair.remote.url = pair.remote.serverGitDir;
        QString attachment;
        QByteArray bytes;
        found(pair, "config", &attachment, &bytes);
        if (QTest::currentTestFailed()) return;
        const QString home = path("config-home");
        QVERIFY(QDir().mkpath(home + "/git"));
        const QByteArray rewrite = "[url \"" + path("nowhere.git").toUtf8() +
                                   "\"]\n\tinsteadOf = " + pair.remote.url.toUtf8() + "\n";
        writeFile(home + "/.gitconfig", rewrite);
        writeFile(home + "/git/config", rewrite);
        const QMap<QString, QString> env{{"HOME", home}, {"XDG_CONFIG_HOME", home}};
        // git itself follows the rewrite, so the file is in force.
        QProcess git;
        QProcessEnvironment gitEnv = QProcessEnvironment::systemEnvironment();
        gitEnv.insert("HOME", home);
        gitEnv.insert("XDG_CONFIG_HOME", home);
        git.setProcessEnvironment(gitEnv);
        git.start("git", {"ls-remote", pair.remote.url});
        QVERIFY(git.waitForFinished(60000));
        QVERIFY2(git.exitCode() != 0, git.readAllStandardOutput());

        const QByteArray before =
            runGit({"--git-dir", pair.remote.serverGitDir, "rev-parse", "refs/heads/main"}).out;
        CLI_OK(cli(pair.v, {"experiment", "new", "--title", "Config check"}, env));
        const auto synced = cli(pair.v, {"sync"}, env);
        CLI_OK(synced);
        QVERIFY(
            runGit({"--git-dir", pair.remote.serverGitDir, "rev-parse", "refs/heads/main"}).out !=
            before);
    }

    void joinAndSyncThroughHttpsWithBasicAuth() {
        if (!QFile::exists("/usr/sbin/lighttpd")) QSKIP("lighttpd is not installed");
        QVERIFY2(startHttps(), qPrintable(m_https->error()));
        Pair pair;
        pair.remote.serverGitDir = serverRepo("https");
        QVERIFY(!pair.remote.serverGitDir.isEmpty());
        pair.remote.url = m_https->url("https.git");
        pair.remote.options = QStringList{"--user", kHttpsUser, "--ca", m_https->caPemPath()};
        pair.remote.env = {{"QUIRE_REMOTE_SECRET", QString::fromLatin1(m_httpsPassword)}};
        shareThrough(pair, "https");
        if (QTest::currentTestFailed()) return;
        // The password is kept encrypted in both vaults.
        QCOMPARE(filesContaining(pair.v, m_httpsPassword), QStringList());
        QCOMPARE(filesContaining(pair.w, m_httpsPassword), QStringList());
    }

    void joinAndSyncThroughSshWithAKey() {
        if (underSanitizers())
            QSKIP(
                "the ssh transport is libgit2's and sshd's; Quire's side of it is the same as over "
                "https, checked here, and this test runs in the normal build");
        if (!QFile::exists("/usr/sbin/sshd")) QSKIP("sshd is not installed");
        QVERIFY2(startSsh(), qPrintable(m_ssh->error()));
        Pair pair;
        pair.remote.serverGitDir = serverRepo("ssh");
        QVERIFY(!pair.remote.serverGitDir.isEmpty());
        pair.remote.url = m_ssh->url(pair.remote.serverGitDir);
        pair.remote.options = QStringList{"--ssh-key", m_ssh->clientKeyPath()};
        pair.remote.hostKeySha256 = m_ssh->hostKeySha256();
        QVERIFY(!pair.remote.hostKeySha256.isEmpty());
        shareThrough(pair, "ssh");
        if (QTest::currentTestFailed()) return;
        // The private key is kept encrypted: none of its lines is in the vault's files.
        for (const QByteArray &line : readAll(m_ssh->clientKeyPath()).split('\n'))
            if (line.size() > 30 && !line.startsWith("-----"))
                QCOMPARE(filesContaining(pair.v, line), QStringList());
    }

    void wrongHttpsPasswordShowsTheLoginMessageNotThePassword() {
        if (!QFile::exists("/usr/sbin/lighttpd")) QSKIP("lighttpd is not installed");
        QVERIFY2(startHttps(), qPrintable(m_https->error()));
        QVERIFY(!serverRepo("refused").isEmpty());
        const QByteArray wrong = "not-the-pw-" + randomBytes(8).toHex();
        const auto set = cli(m_lonely,
                             {"remote", "set", m_https->url("refused.git"), "--user", kHttpsUser,
                              "--ca", m_https->caPemPath()},
                             {{"QUIRE_REMOTE_SECRET", QString::fromLatin1(wrong)}});
        CLI_OK(set);
        const auto sync = cli(m_lonely, {"sync"});
        QCOMPARE(sync.exitCode, 1);
        QVERIFY2(sync.err.contains("refused the login for user lab"), sync.err);
        for (const QByteArray &secret : {wrong, m_httpsPassword}) {
            QVERIFY(!sync.out.contains(secret) && !sync.err.contains(secret));
            QVERIFY(!set.out.contains(secret) && !set.err.contains(secret));
        }
        QVERIFY(!serverObjects(QDir(m_serverRoot).filePath("refused.git")).contains("QUIRE"));
    }

    void onlyAnAdminApprovesAndTheCodeMustMatch() {
        QVERIFY2(!m_bare.wMember.isEmpty(), "needs the bare repository scenario");
        const QString invitation = path("x-invitation.json");
        CLI_OK(cli(m_bare.v, {"member", "invite", "--out", invitation}));
        const QString request = path("x-request.json");
        const QString x = path("bare-x");
        const auto join = cli(x, {"join", "--invitation", invitation, "--name", "Xena Outsider",
                                  "--email", "xena@lab.example", "--out", request});
        CLI_OK(join);

        // W is an author, not an admin.
        const auto byAuthor = cli(m_bare.w, {"member", "approve", request, "--roles", "author"});
        QCOMPARE(byAuthor.exitCode, 1);
        QVERIFY2(byAuthor.err.contains("only an active admin"), byAuthor.err);
        QVERIFY(byAuthor.out.isEmpty());
        const auto revokeByAuthor =
            cli(m_bare.w, {"member", "revoke", "alice@lab.example", "--reason", "coup"});
        QCOMPARE(revokeByAuthor.exitCode, 1);
        QVERIFY2(revokeByAuthor.err.contains("only an active admin"), revokeByAuthor.err);

        // A code that differs from the request's (someone in between) stops the approval.
        const auto wrongCode = cli(m_bare.v, {"member", "approve", request, "--roles", "author",
                                              "--code", "AAAA-BBBB-CCCC-DDDD-EEEE"});
        QCOMPARE(wrongCode.exitCode, 1);
        QVERIFY2(wrongCode.err.contains("Nothing was approved"), wrongCode.err);
        QVERIFY2(!wrongCode.err.contains(join.outLine().toLatin1()), wrongCode.err);
        QCOMPARE(cli(m_bare.v, {"member", "approve", request}).exitCode, 2);
        const auto badRole = cli(m_bare.v, {"member", "approve", request, "--roles", "wizard"});
        QCOMPARE(badRole.exitCode, 1);
        QVERIFY2(badRole.err.contains("not a role"), badRole.err);
        const auto list = cli(m_bare.v, {"member", "list", "--json"});
        CLI_OK(list);
        QCOMPARE(json(list).array().size(), 2); // Xena is not a member

        // Still a joining vault: it lists nobody and says why.
        const auto waiting = cli(x, {"member", "list"});
        CLI_OK(waiting);
        QVERIFY2(waiting.out.contains("approve"), waiting.out);
    }

    void revokedMemberCannotReadWhatIsWrittenAfterwards() {
        QVERIFY2(!m_bare.wMember.isEmpty(), "needs the bare repository scenario");
        QCOMPARE(cli(m_bare.v, {"member", "revoke", m_bare.wMember}).exitCode, 2); // no reason
        const auto revoke =
            cli(m_bare.v, {"member", "revoke", "walter@lab.example", "--reason", "left the lab"});
        CLI_OK(revoke);
        QVERIFY2(revoke.err.contains("Walter Newcomer"), revoke.err);
        const auto list = cli(m_bare.v, {"member", "list", "--json"});
        for (const auto &m : json(list).array())
            if (m.toObject().value("uuid").toString() == m_bare.wMember)
                QCOMPARE(m.toObject().value("status").toString(), QString("revoked"));

        const auto secret = cli(m_bare.v, {"entry", "add", "--experiment", m_bare.experiment,
                                           "--title", "After Walter left", "--file",
                                           file("after.html", "<p>New antibody lot 77.</p>")});
        CLI_OK(secret);
        CLI_OK(cli(m_bare.v, {"sync"}));

        const auto w = cli(m_bare.w, {"sync"});
        CLI_OK(w);
        QVERIFY2(w.out.contains("Refused as the rules intend (not tampering):") &&
                     w.out.contains("epoch 2") && !w.out.contains("\nRefused:"),
                 w.out);
        const auto show = cli(m_bare.w, {"entry", "show", secret.outLine()});
        QCOMPARE(show.exitCode, 1);
        QVERIFY(!show.out.contains("antibody"));
        // W still reads what was written before, and knows it was revoked.
        CLI_OK(cli(m_bare.w, {"experiment", "list"}));
        const auto wList = cli(m_bare.w, {"member", "list", "--json"});
        for (const auto &m : json(wList).array())
            if (m.toObject().value("uuid").toString() == m_bare.wMember)
                QCOMPARE(m.toObject().value("status").toString(), QString("revoked"));

        const auto verify = cli(m_bare.v, {"verify"});
        QVERIFY2(verify.exitCode == 0, describe(verify).constData());

        // What W wrote after its revocation reached the server, but V refuses it.
        const auto v = cli(m_bare.v, {"sync"});
        CLI_OK(v);
        QVERIFY2(v.out.contains("Refused as the rules intend (not tampering):") &&
                     v.out.contains("revoked"),
                 v.out);
    }

    void threeWritersConvergeWhateverTheOrderOfTheirSyncs() {
        QVERIFY2(startDaemon(), qPrintable(m_daemon->error()));
        QVERIFY(!serverRepo("three").isEmpty());
        Pair vw;
        vw.remote.url = m_daemon->url("three.git");
        vw.remote.serverGitDir = QDir(m_serverRoot).filePath("three.git");
        QString attachment;
        QByteArray attachmentBytes;
        found(vw, "three", &attachment, &attachmentBytes);
        if (QTest::currentTestFailed()) return;
        const QString v = vw.v, w = path("three-w"), x = path("three-x");
        const QString invitation = path("three-invitation.json");
        CLI_OK(cli(v, {"member", "invite", "--out", invitation}));
        for (const QString &vault : {w, x}) {
            const QString request = vault + "-request.json";
            CLI_OK(cli(vault, {"join", "--invitation", invitation, "--name",
                               "Member " + QFileInfo(vault).fileName(), "--email",
                               QFileInfo(vault).fileName() + "@lab.example", "--out", request}));
            CLI_OK(cli(v, {"member", "approve", request, "--roles", "author,supervisor"}));
        }
        CLI_OK(cli(v, {"sync"}));
        CLI_OK(cli(w, {"sync"}));
        CLI_OK(cli(x, {"sync"}));

        auto write = [&](const QString &vault, const QString &title) {
            const auto r = cli(vault, {"entry", "add", "--experiment", vw.experiment, "--title",
                                       title, "--file", file(title + ".html", "<p>x</p>")});
            return r.exitCode == 0 ? r.outLine() : QString();
        };
        QStringList written;
        // Round 1: all three write apart, then sync at the same moment; the pushes race and
        // the losers fetch, merge and push again.
        for (const QString &vault : {v, w, x})
            for (int i = 0; i < 2; ++i)
                written << write(vault,
                                 QFileInfo(vault).fileName() + "-round1-" + QString::number(i));
        QVERIFY(!written.contains(QString()));
        std::vector<std::unique_ptr<QProcess>> syncs;
        auto env = QProcessEnvironment::systemEnvironment();
        env.insert("QUIRE_PASSPHRASE", QString::fromLatin1(kPass));
        for (const QString &vault : {v, w, x}) {
            auto p = std::make_unique<QProcess>();
            p->setProcessEnvironment(env);
            p->start(cliPath(), {"--vault", vault, "sync", "--json"});
            syncs.push_back(std::move(p));
        }
        int retried = 0;
        for (auto &p : syncs) {
            QVERIFY(p->waitForFinished(120000));
            const QByteArray out = p->readAllStandardOutput();
            QVERIFY2(p->exitCode() == 0, out + p->readAllStandardError());
            if (QJsonDocument::fromJson(out).object().value("attempts").toInt() > 1) ++retried;
        }
        qInfo("%d of 3 simultaneous syncs had to fetch and push again", retried);

        // Round 2: writes on two of them, then syncs in another order.
        written << write(x, "three-x-round2") << write(w, "three-w-round2");
        QVERIFY(!written.contains(QString()));
        for (const QString &vault : {x, w, v, x, w})
            CLI_OK(cli(vault, {"sync"}));

        const QSet<QString> inV = recordIds(v), inW = recordIds(w), inX = recordIds(x);
        QVERIFY2(inV.size() >= 15, qPrintable(QString::number(inV.size())));
        QCOMPARE(inW, inV);
        QCOMPARE(inX, inV);
        const QJsonArray listV = experiments(v);
        QCOMPARE(listV.first().toObject().value("entries").toInt(), 1 + int(written.size()));
        QVERIFY(experiments(w) == listV);
        QVERIFY(experiments(x) == listV);
        for (const QString &entry : {written.first(), written.last()}) {
            const auto inVHistory = cli(v, {"entry", "history", entry, "--json"});
            CLI_OK(inVHistory);
            QCOMPARE(cli(x, {"entry", "history", entry, "--json"}).out, inVHistory.out);
        }
        for (const QString &vault : {v, w, x})
            CLI_OK(cli(vault, {"verify"}));
    }
};

QTEST_GUILESS_MAIN(CliSyncTest)
#include "tst_cli_sync.moc"
