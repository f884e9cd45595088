// quire-cli, one member on several computers (issue 16): an offer made on one computer and its
// one-time code make a vault for the same member on another, which then syncs through the lab's
// real git server (git daemon, https) and edits the first computer's entries and the other way
// round; the offer file alone says nothing, 5 wrong codes use it up, it expires after 24 hours
// (the joining side's clock moved with libfaketime), and a retired computer's later records are
// refused on arrival and by verify.

#include "GitServers.h"
#include "TestSupport.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRandomGenerator>
#include <QRegularExpression>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QtTest>

using namespace quire::test;

namespace {

const QByteArray kPass = "correct horse battery staple";
const QByteArray kLaptopPass = "another long passphrase";
const QString kHttpsUser = QStringLiteral("lab");
const QRegularExpression
    kOfferCode(QStringLiteral("^[0-9A-HJKMNP-TV-Z]{4}(-[0-9A-HJKMNP-TV-Z]{4}){5}$"));

} // namespace

class CliDevicesTest : public QObject {
    Q_OBJECT

    QTemporaryDir m_tmp;
    QString m_serverRoot;
    std::unique_ptr<GitDaemon> m_daemon;
    std::unique_ptr<HttpsGitServer> m_https;
    QByteArray m_httpsPassword;

    QString path(const QString &name) const { return m_tmp.filePath(name); }
    QString file(const QString &name, const QByteArray &content) {
        writeFile(path(name), content);
        return path(name);
    }
    // The joining program counts wrong codes in the user's data folder too: one per test run.
    QMap<QString, QString> env(QMap<QString, QString> extra = {}) const {
        extra.insert("XDG_DATA_HOME", m_tmp.filePath("xdg-data"));
        return extra;
    }
    CliResult cli(const QString &vault, const QStringList &args,
                  const QMap<QString, QString> &extra = {}) {
        return runCli(vault, args, kPass, env(extra));
    }
    CliResult laptop(const QString &vault, const QStringList &args,
                     const QMap<QString, QString> &extra = {}) {
        return runCli(vault, args, kLaptopPass, env(extra));
    }
    // quire-cli with its clock moved by libfaketime (`faketime -f +25h`).
    CliResult laptopAt(const QString &offset, const QString &vault, const QStringList &args) {
        QProcess p;
        auto e = QProcessEnvironment::systemEnvironment();
        e.insert("QUIRE_PASSPHRASE", QString::fromLatin1(kLaptopPass));
        e.insert("XDG_DATA_HOME", m_tmp.filePath("xdg-data"));
        p.setProcessEnvironment(e);
        p.start("faketime", QStringList{"-f", offset, cliPath(), "--vault", vault} + args);
        CliResult r;
        if (!p.waitForStarted() || !p.waitForFinished(120000)) return r;
        r.exitCode = p.exitStatus() == QProcess::NormalExit ? p.exitCode() : -1;
        r.out = p.readAllStandardOutput();
        r.err = p.readAllStandardError();
        return r;
    }

    // A founder's vault with one entry, its remote set. Returns the entry's uuid.
    QString found(const QString &vault, const QString &url, const QStringList &remoteOptions,
                  const QMap<QString, QString> &remoteEnv, QString *experiment) {
        const auto init = cli(vault, {"init", "--notebook", "Okapi lab", "--name", "Alice Bench",
                                      "--email", "alice@lab.example"});
        if (init.exitCode != 0) return {};
        *experiment = cli(vault, {"experiment", "new", "--title", "Okapi assay"}).outLine();
        const QString entry =
            cli(vault,
                {"entry", "add", "--experiment", *experiment, "--title", "Bench plate", "--file",
                 file(QFileInfo(vault).fileName() + "-e1.html", "<p>Read at the bench.</p>")})
                .outLine();
        if (cli(vault, QStringList{"remote", "set", url} + remoteOptions, remoteEnv).exitCode != 0)
            return {};
        return entry;
    }

    QJsonObject entryJson(const QString &vault, const QString &entry,
                          const QByteArray &passphrase = kPass) {
        return json(runCli(vault, {"entry", "show", entry, "--json"}, passphrase, env())).object();
    }

    // The scenario through one server: bench PC B and laptop L of the same member.
    void twoComputers(const QString &tag, const QString &url, const QStringList &remoteOptions,
                      const QMap<QString, QString> &remoteEnv, QString *benchOut,
                      QString *laptopOut, QString *laptopDevice) {
        const QString bench = path(tag + "-bench"), lap = path(tag + "-laptop");
        QString experiment;
        const QString benchEntry = found(bench, url, remoteOptions, remoteEnv, &experiment);
        QVERIFY(!benchEntry.isEmpty());
        CLI_OK(cli(bench, {"sync"}));

        const QString offer = path(tag + "-offer.qdev");
        const auto add = cli(bench, {"device", "add", "--out", offer, "--name", "Alice's laptop"});
        CLI_OK(add);
        const QString code = add.outLine();
        QVERIFY2(kOfferCode.match(code).hasMatch(), add.out); // the code alone on stdout
        QVERIFY2(add.err.contains("24") || add.err.contains(offer.toUtf8()), add.err);
        // The file alone names no one and holds no key in clear.
        const QByteArray offerBytes = readAll(offer);
        const QByteArray benchJson = readAll(bench + "/vault.json");
        const QJsonObject vj = QJsonDocument::fromJson(benchJson).object();
        for (const QByteArray &secret :
             {QByteArray("Alice"), QByteArray("alice@lab"), QByteArray("Okapi"),
              vj.value("member").toString().toLatin1(), vj.value("notebook").toString().toLatin1(),
              url.toUtf8(), QByteArray("PRIVATE")})
            QVERIFY2(!offerBytes.contains(secret), secret.constData());
        // Only the offer's id, its end, the key derivation and the sealed part are in clear.
        QStringList fields = QJsonDocument::fromJson(offerBytes).object().keys();
        fields.sort();
        QCOMPARE(fields, (QStringList{"expires_at", "format", "kdf", "offer", "sealed", "type",
                                      "wrong_codes"}));
        CLI_OK(cli(bench, {"sync"})); // the new computer is announced

        // The laptop: its vault from the offer, then its first sync brings the notebook.
        const auto join =
            laptop(lap, {"device", "join", "--offer", offer, "--code", code.toLower().remove('-')});
        CLI_OK(join);
        if (!remoteOptions.isEmpty())
            CLI_OK(laptop(lap, QStringList{"remote", "set", url} + remoteOptions, remoteEnv));
        const auto first = laptop(lap, {"sync", "--json"});
        CLI_OK(first);
        QVERIFY2(json(first).object().value("records_received").toInt() >= 4, first.out);
        QVERIFY2(json(first).object().value("quarantined").toArray().isEmpty(), first.out);
        const QJsonObject lj = QJsonDocument::fromJson(readAll(lap + "/vault.json")).object();
        QCOMPARE(lj.value("member").toString(), vj.value("member").toString());
        QVERIFY(lj.value("device").toString() != vj.value("device").toString());
        *laptopDevice = lj.value("device").toString();
        // The offer is spent once used.
        QVERIFY(
            !QJsonDocument::fromJson(readAll(offer)).object().value("sealed").toString().size());

        // The laptop changes the bench's entry and writes one of its own.
        CLI_OK(laptop(lap, {"entry", "edit", benchEntry, "--title", "Bench plate, checked",
                            "--file", file(tag + "-e1b.html", "<p>Checked on the laptop.</p>"),
                            "--reason", "checked at home"}));
        const auto lapEntry =
            laptop(lap, {"entry", "add", "--experiment", experiment, "--title", "Laptop notes",
                         "--file", file(tag + "-e2.html", "<p>Written on the train.</p>")});
        CLI_OK(lapEntry);
        CLI_OK(laptop(lap, {"sync"}));
        const auto back = cli(bench, {"sync", "--json"});
        CLI_OK(back);
        QVERIFY2(json(back).object().value("quarantined").toArray().isEmpty(), back.out);
        QVERIFY2(json(back).object().value("expected_refusals").toArray().isEmpty(), back.out);
        QCOMPARE(entryJson(bench, benchEntry).value("title").toString(),
                 QString("Bench plate, checked"));
        QCOMPARE(entryJson(bench, benchEntry).value("version").toInt(), 2);

        // And the bench changes the laptop's entry.
        CLI_OK(cli(bench, {"entry", "edit", lapEntry.outLine(), "--file",
                           file(tag + "-e2b.html", "<p>Written on the train; plate 3 added.</p>"),
                           "--reason", "added plate 3"}));
        CLI_OK(cli(bench, {"sync"}));
        CLI_OK(laptop(lap, {"sync"}));
        const QJsonObject seen = entryJson(lap, lapEntry.outLine(), kLaptopPass);
        QCOMPARE(seen.value("version").toInt(), 2);
        QVERIFY2(seen.value("html").toString().contains("plate 3"), QJsonDocument(seen).toJson());
        QCOMPARE(seen.value("author_name").toString(), QString("Alice Bench"));

        // Both computers are listed for the one member, on both.
        for (const QString &v : {bench, lap}) {
            const auto list = (v == bench ? cli(v, {"member", "list", "--devices", "--json"})
                                          : laptop(v, {"member", "list", "--devices", "--json"}));
            CLI_OK(list);
            const QJsonArray members = json(list).array();
            QCOMPARE(members.size(), 1);
            const QJsonArray devices = members.first().toObject().value("devices").toArray();
            QCOMPARE(devices.size(), 2);
            QStringList names;
            for (const auto &d : devices) {
                names << d.toObject().value("name").toString();
                QCOMPARE(d.toObject().value("status").toString(), QString("active"));
                QVERIFY(d.toObject().value("records").toInt() >= 1);
            }
            QVERIFY2(names.contains("Alice's laptop"), qPrintable(names.join(',')));
        }
        CLI_OK(cli(bench, {"verify"}));
        CLI_OK(laptop(lap, {"verify"}));
        *benchOut = bench;
        *laptopOut = lap;
    }

private slots:
    void initTestCase() {
        QVERIFY(m_tmp.isValid());
        m_serverRoot = path("servers");
        QVERIFY(QDir().mkpath(m_serverRoot));
        m_httpsPassword = QByteArray::number(QRandomGenerator::global()->generate64(), 16);
    }

    // Through git daemon, then the laptop is retired: what it writes afterwards is refused.
    void twoComputersOfOneMemberShareThroughGitDaemonAndARetiredOneIsRefused() {
        m_daemon = std::make_unique<GitDaemon>(m_serverRoot);
        QVERIFY2(m_daemon->start(), qPrintable(m_daemon->error()));
        QVERIFY(makeBareRepo(QDir(m_serverRoot).filePath("devices.git")));
        QString bench, lap, lapDevice;
        twoComputers("daemon", m_daemon->url("devices.git"), {}, {}, &bench, &lap, &lapDevice);
        if (QTest::currentTestFailed()) return;

        // A computer cannot retire itself; the bench retires the laptop (lost on the train).
        const auto self = laptop(lap, {"device", "retire", lapDevice, "--reason", "lost"});
        QCOMPARE(self.exitCode, 1);
        QVERIFY2(self.err.contains("computer you are using"), self.err);
        CLI_OK(cli(bench, {"device", "retire", lapDevice, "--reason", "lost on the train"}));
        CLI_OK(cli(bench, {"sync"}));

        // The laptop has not heard yet and writes; the bench refuses it as the rules intend.
        QString experiment =
            json(laptop(lap, {"experiment", "list", "--json"})).array().first()["uuid"].toString();
        const auto late =
            laptop(lap, {"entry", "add", "--experiment", experiment, "--title", "After retirement",
                         "--file", file("late.html", "<p>Written after retirement.</p>")});
        CLI_OK(late);
        const auto lapSync = laptop(lap, {"sync", "--json"});
        CLI_OK(lapSync);
        const auto benchSync = cli(bench, {"sync", "--json"});
        CLI_OK(benchSync);
        const QJsonArray refused = json(benchSync).object().value("expected_refusals").toArray();
        QVERIFY2(!refused.isEmpty() && refused.first().toString().contains("retired"),
                 benchSync.out);
        QCOMPARE(cli(bench, {"entry", "show", late.outLine()}).exitCode, 1);
        CLI_OK(cli(bench, {"verify"}));
        // The laptop's own copy holds the late record: verify names it.
        const auto lapVerify = laptop(lap, {"verify"});
        QCOMPARE(lapVerify.exitCode, 1);
        QVERIFY2(lapVerify.out.contains("retired") || lapVerify.err.contains("retired"),
                 describe(lapVerify).constData());
        const auto list = cli(bench, {"device", "list", "--json"});
        bool retired = false;
        for (const auto &d : json(list).array())
            if (d.toObject().value("uuid").toString() == lapDevice)
                retired = d.toObject().value("status").toString() == "retired" &&
                          d.toObject().value("reason").toString() == "lost on the train";
        QVERIFY2(retired, list.out);
    }

    void twoComputersOfOneMemberShareThroughHttps() {
        if (!QFile::exists("/usr/sbin/lighttpd")) QSKIP("lighttpd is not installed");
        m_https = std::make_unique<HttpsGitServer>(m_serverRoot, kHttpsUser,
                                                   QString::fromLatin1(m_httpsPassword));
        QVERIFY2(m_https->start(), qPrintable(m_https->error()));
        QVERIFY(makeBareRepo(QDir(m_serverRoot).filePath("devices-https.git")));
        QString bench, lap, lapDevice;
        twoComputers("https", m_https->url("devices-https.git"),
                     {"--user", kHttpsUser, "--ca", m_https->caPemPath()},
                     {{"QUIRE_REMOTE_SECRET", QString::fromLatin1(m_httpsPassword)}}, &bench, &lap,
                     &lapDevice);
    }

    void fiveWrongCodesUseTheOfferUp() {
        const QString bench = path("tries-bench");
        QString experiment;
        QVERIFY(makeBareRepo(path("tries-server.git")));
        QVERIFY(!found(bench, path("tries-server.git"), {}, {}, &experiment).isEmpty());
        const QString offer = path("tries.qdev");
        const auto add = cli(bench, {"device", "add", "--out", offer});
        CLI_OK(add);
        const QString code = add.outLine();
        const QString copy = path("tries-copy.qdev");
        QVERIFY(QFile::copy(offer, copy));
        QString wrong = code;
        wrong[0] = wrong[0] == 'A' ? 'B' : 'A';
        for (int i = 1; i <= 5; ++i) {
            const auto tried =
                laptop(path("tries-laptop"), {"device", "join", "--offer", offer, "--code", wrong});
            QCOMPARE(tried.exitCode, 1);
            if (i < 5)
                QVERIFY2(tried.err.contains(QByteArray::number(5 - i) + " tr"), tried.err);
            else
                QVERIFY2(tried.err.contains("last try"), tried.err);
        }
        QVERIFY(!QFile::exists(path("tries-laptop") + "/vault.json"));
        // The right code no longer opens it, nor a copy made before the tries.
        for (const QString &f : {offer, copy}) {
            const auto late =
                laptop(path("tries-laptop"), {"device", "join", "--offer", f, "--code", code});
            QCOMPARE(late.exitCode, 1);
            QVERIFY2(late.err.contains("used up"), late.err);
        }
        QVERIFY(!QFile::exists(path("tries-laptop") + "/vault.json"));
        // The issuing side sees the offer waiting, and cancels it by retiring the device.
        const auto list = cli(bench, {"device", "list", "--json"});
        QString offered;
        for (const auto &d : json(list).array())
            if (!d.toObject().value("offer_expires_at").toString().isEmpty())
                offered = d.toObject().value("uuid").toString();
        QVERIFY2(!offered.isEmpty(), list.out);
        CLI_OK(cli(bench, {"device", "retire", offered, "--reason", "offer cancelled"}));
    }

    void anOfferExpiresAfter24Hours() {
        if (QStandardPaths::findExecutable("faketime").isEmpty()) QSKIP("faketime is missing");
        if (underSanitizers()) QSKIP(kNoFaketimeUnderSanitizers);
        const QString bench = path("expiry-bench");
        QString experiment;
        QVERIFY(makeBareRepo(path("expiry-server.git")));
        QVERIFY(!found(bench, path("expiry-server.git"), {}, {}, &experiment).isEmpty());
        const QString offer = path("expiry.qdev");
        const auto add = cli(bench, {"device", "add", "--out", offer});
        CLI_OK(add);
        const auto late = laptopAt("+25h", path("expiry-laptop"),
                                   {"device", "join", "--offer", offer, "--code", add.outLine()});
        QCOMPARE(late.exitCode, 1);
        QVERIFY2(late.err.contains("expired"), describe(late).constData());
        QVERIFY(!QFile::exists(path("expiry-laptop") + "/vault.json"));
        // An hour before the end it still works: the code was right, only the time was not.
        CLI_OK(laptopAt("+23h", path("expiry-laptop"),
                        {"device", "join", "--offer", offer, "--code", add.outLine()}));
        QVERIFY(QFile::exists(path("expiry-laptop") + "/vault.json"));
    }
};

QTEST_GUILESS_MAIN(CliDevicesTest)
#include "tst_cli_devices.moc"
