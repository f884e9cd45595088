// quire-cli trusted time that lasts (FORMAT.md §4, issue 16): the notebook's time-stamp
// authorities as an admin's record, tokens judged as of their own time, and anchors renewed at a
// second authority before the first one's certificate ends, so that a signature's time still
// verifies after that certificate has expired: by quire-cli and by the evidence folder's
// verify.sh with openssl alone. Real components only: two real TSAs (`openssl ts -reply` behind
// quire-test-tsa), libfaketime for the days after the expiry, and a git daemon carrying the
// notebook to a second member's vault, which then judges the tokens alike.

#include "GitServers.h"
#include "TestSupport.h"
#include "TestTsa.h"

#include <QDirIterator>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTemporaryDir>
#include <QtTest>

using namespace quire::test;

namespace {

const QByteArray kPass = "correct horse battery staple";
// Past the short authority's 30 days, well inside the long one's ten years.
const QString kAfterExpiry = QStringLiteral("+60d");

bool copyFolder(const QString &from, const QString &to) {
    return runTool(QStringLiteral("cp"), {QStringLiteral("-a"), from, to}).exitCode == 0;
}

} // namespace

// QVERIFY2 evaluates its message even when the check holds: run the command once.
class CliTimeTest : public QObject {
    Q_OBJECT

    QTemporaryDir m_tmp;
    std::unique_ptr<TestTsa> m_short; // certificates for 30 days: ends within the renewal margin
    std::unique_ptr<TestTsa> m_long;  // ten years
    std::unique_ptr<GitDaemon> m_daemon;
    QString m_alice;
    QString m_entry;
    QString m_signature;
    QString m_firstAnchor;

    QString path(const QString &name) const { return m_tmp.filePath(name); }

    CliResult cli(const QString &vault, const QStringList &args) {
        return runCli(vault, args, kPass,
                      {{QStringLiteral("QUIRE_SIGN_PASSPHRASE"), QString::fromUtf8(kPass)}});
    }

    // quire-cli with the clock moved by `offset` (libfaketime), on a copy of the vault so that
    // the records this run writes in the future never meet the real clock again.
    CliResult cliAt(const QString &offset, const QString &vault, const QStringList &args) {
        const QString copy = vault + QStringLiteral("-at") + offset;
        QDir(copy).removeRecursively();
        if (!copyFolder(vault, copy)) return {};
        QProcess p;
        auto env = QProcessEnvironment::systemEnvironment();
        env.insert(QStringLiteral("QUIRE_PASSPHRASE"), QString::fromUtf8(kPass));
        p.setProcessEnvironment(env);
        p.start(QStringLiteral("faketime"), QStringList{QStringLiteral("-f"), offset, cliPath(),
                                                        QStringLiteral("--vault"), copy} +
                                                args);
        p.waitForFinished(120000);
        CliResult r;
        r.exitCode = p.exitStatus() == QProcess::NormalExit ? p.exitCode() : -1;
        r.out = p.readAllStandardOutput();
        r.err = p.readAllStandardError();
        return r;
    }

    Tool verifyScript(const QString &dir, const QString &offset = {}) {
        if (offset.isEmpty()) return runTool(QStringLiteral("bash"), {dir + "/verify.sh"});
        return runTool(QStringLiteral("faketime"),
                       {QStringLiteral("-f"), offset, QStringLiteral("bash"), dir + "/verify.sh"});
    }

    QJsonObject tsaList(const QString &vault) {
        return json(cli(vault, {"tsa", "list", "--json"})).object();
    }

private slots:
    void initTestCase() {
        if (underSanitizers()) QSKIP(kNoFaketimeUnderSanitizers);
        QVERIFY(m_tmp.isValid());
        QVERIFY2(runTool(QStringLiteral("faketime"), {"-f", "+1d", "true"}).exitCode == 0,
                 "faketime is installed by installer/install-deps.sh");
        m_short = std::make_unique<TestTsa>(m_tmp.path(), QStringLiteral("short"), 30);
        m_long = std::make_unique<TestTsa>(m_tmp.path(), QStringLiteral("long"), 3650);
        QVERIFY2(m_short->ok(), qPrintable(m_short->error()));
        QVERIFY2(m_long->ok(), qPrintable(m_long->error()));
        QVERIFY2(m_short->start(), qPrintable(m_short->error()));
        QVERIFY2(m_long->start(), qPrintable(m_long->error()));

        m_alice = path("alice");
        CLI_OK(cli(m_alice, {"init", "--notebook", "Patent lab", "--name", "Alice Admin", "--email",
                             "alice@lab.example"}));
        const auto x = cli(m_alice, {"experiment", "new", "--title", "Catalyst"});
        CLI_OK(x);
        writeAll(path("e.html"), "<p>The catalyst works at 20 °C.</p>");
        const auto e = cli(m_alice, {"entry", "add", "--experiment", x.outLine(), "--title",
                                     "Invention", "--file", path("e.html")});
        CLI_OK(e);
        m_entry = e.outLine();
        const auto s = cli(m_alice, {"sign", m_entry, "--meaning", "authored"});
        CLI_OK(s);
        m_signature = s.outLine();
    }

    // The admin's setting is a record: listed as the notebook's, with its certificates.
    void theNotebooksAuthoritiesAreARecordAnAdminWrites() {
        CLI_OK(cli(m_alice,
                   {"tsa", "trust", "--url", m_short->url(), "--cert", m_short->caPemPath()}));
        const QJsonObject list = tsaList(m_alice);
        QVERIFY2(list.value("record").isString(), QJsonDocument(list).toJson());
        const QJsonArray authorities = list.value("authorities").toArray();
        QCOMPARE(authorities.size(), 1);
        const QJsonObject a = authorities.first().toObject();
        QCOMPARE(a.value("url").toString(), m_short->url());
        QCOMPARE(a.value("source").toString(), QStringLiteral("notebook"));
        QVERIFY(a.value("certs").toArray().first().toObject().value("subject").toString().contains(
            "Quire test TSA CA short"));
        QCOMPARE(list.value("renew_before_days").toInt(), 365);
        // The record is in the audit trail like every other.
        const auto audit = cli(m_alice, {"audit", "--json"});
        QVERIFY(std::any_of(json(audit).array().begin(), json(audit).array().end(),
                            [](const QJsonValue &v) {
                                return v.toObject().value("type").toString() == "tsa_trust";
                            }));
    }

    // Anchored at the short-lived authority only: nothing longer-lived to renew with yet, so it
    // says renewal is due; evidence exported now fails once that certificate has expired.
    void withoutRenewalEvidenceDiesWithTheAuthoritysCertificate() {
        const auto anchor = cli(m_alice, {"anchor", "--json"});
        CLI_OK(anchor);
        const QJsonObject a = json(anchor).object();
        QVERIFY2(a.value("anchored").toInt() >= 5, anchor.out);
        QCOMPARE(a.value("tsa").toString(), m_short->url());
        QCOMPARE(a.value("renewed").toInt(), 0);
        QCOMPARE(tsaList(m_alice).value("renewal_due").toInt(), 1);

        const auto chain = cli(m_alice, {"anchor", "show", m_signature, "--json"});
        CLI_OK(chain);
        const QJsonArray levels = json(chain).array();
        QCOMPARE(levels.size(), 1);
        const QJsonObject first = levels.first().toObject();
        m_firstAnchor = first.value("anchor").toString();
        QVERIFY(first.value("trusted").toBool());
        QVERIFY2(first.value("how").toString().contains("certificate valid now"), chain.out);
        // The chain that vouches for it: the TSA's certificate, issued by its CA.
        const QJsonArray certs = first.value("chain").toArray();
        QCOMPARE(certs.size(), 2);
        QVERIFY(
            certs.at(0).toObject().value("subject").toString().contains("Quire test TSA short"));
        QVERIFY(certs.at(0).toObject().value("issuer").toString().contains("TSA CA short"));
        QVERIFY(!certs.at(0).toObject().value("not_after").toString().isEmpty());

        const QString dir = path("evidence-unrenewed");
        CLI_OK(cli(m_alice, {"evidence", m_signature, "--out", dir}));
        QVERIFY(!QFile::exists(dir + "/renewal-1.tsr"));
        const Tool now = verifyScript(dir);
        QVERIFY2(now.exitCode == 0 && now.out.contains("RESULT: all checks passed"),
                 qPrintable(now.all()));
        const Tool later = verifyScript(dir, kAfterExpiry);
        QVERIFY2(later.exitCode == 1 && later.out.contains("time-stamp: INVALID as of now"),
                 qPrintable(later.all()));
        // quire-cli after the expiry, without a renewal: the time is no longer proven.
        const auto untrusted =
            cliAt(kAfterExpiry, m_alice, {"anchor", "show", m_signature, "--json"});
        CLI_OK(untrusted);
        const QJsonObject expired = json(untrusted).array().first().toObject();
        QVERIFY(!expired.value("trusted").toBool());
        QVERIFY2(expired.value("problem").toString().contains("no later time-stamp renews"),
                 untrusted.out);
    }

    // A second authority with a longer-lived certificate: the next anchoring renews the due
    // anchor there by itself; --renew renews every anchor not yet renewed, on demand.
    void anchorsAreRenewedAtASecondAuthorityBeforeTheFirstCertificateEnds() {
        CLI_OK(
            cli(m_alice, {"tsa", "trust", "--url", m_long->url(), "--cert", m_long->caPemPath()}));
        const int longBefore = m_long->requestCount();
        const int shortBefore = m_short->requestCount();
        const auto anchor = cli(m_alice, {"anchor", "--json"});
        CLI_OK(anchor);
        const QJsonObject a = json(anchor).object();
        // What waited went to the long-lived authority: the short one is known to end soon.
        QCOMPARE(a.value("tsa").toString(), m_long->url());
        QCOMPARE(a.value("renewed").toInt(), 1);
        QCOMPARE(a.value("renewal").toObject().value("tsa").toString(), m_long->url());
        QCOMPARE(m_long->requestCount(), longBefore + 2);
        QCOMPARE(m_short->requestCount(), shortBefore);
        QCOMPARE(tsaList(m_alice).value("renewal_due").toInt(), 0);

        // Every anchor not yet renewed: the one just made at the long-lived authority, the
        // renewal, and what this run anchored first.
        const auto again = cli(m_alice, {"anchor", "--renew", "--json"});
        CLI_OK(again);
        QVERIFY2(json(again).object().value("renewed").toInt() >= 2, again.out);

        const auto chain = cli(m_alice, {"anchor", "show", m_signature, "--json"});
        CLI_OK(chain);
        const QJsonArray levels = json(chain).array();
        QCOMPARE(levels.size(), 3);
        QCOMPARE(levels.at(0).toObject().value("anchor").toString(), m_firstAnchor);
        QCOMPARE(levels.at(0).toObject().value("renewed_by").toString(),
                 levels.at(1).toObject().value("anchor").toString());
        QVERIFY(levels.at(1).toObject().value("renewal").toBool());
        QCOMPARE(levels.at(1).toObject().value("tsa").toString(), m_long->url());
        for (const auto &level : levels)
            QVERIFY2(level.toObject().value("trusted").toBool(), chain.out);
        const auto text = cli(m_alice, {"verify", "--records"});
        CLI_OK(text);
        QVERIFY2(text.out.contains("certificate CN=Quire test TSA long"), text.out);
    }

    // Two months on, the short-lived certificate has expired; the signature's time still
    // verifies through the renewals, in quire-cli and in verify.sh with openssl alone.
    void evidenceStillVerifiesAfterTheFirstCertificateExpired() {
        const auto verify = cliAt(kAfterExpiry, m_alice, {"verify", "--json"});
        CLI_OK(verify);
        bool sawSignature = false, sawFirst = false;
        for (const auto &rc : json(verify).object().value("record_checks").toArray()) {
            const QJsonObject o = rc.toObject();
            if (o.value("id").toString() == m_signature) {
                sawSignature = true;
                QVERIFY2(o.value("attested_at").isString(), verify.out);
            }
            if (o.value("id").toString() == m_firstAnchor) {
                sawFirst = true;
                const QJsonObject anchor = o.value("anchor").toObject();
                QVERIFY(anchor.value("trusted").toBool());
                QVERIFY2(anchor.value("how").toString().startsWith("renewed by"),
                         qPrintable(anchor.value("how").toString()));
            }
        }
        QVERIFY(sawSignature && sawFirst);
        const auto shown = cliAt(kAfterExpiry, m_alice, {"signatures", m_entry});
        QVERIFY2(shown.out.contains("time attested at 20"), shown.out);

        const QString dir = path("evidence-renewed");
        const auto ev = cli(m_alice, {"evidence", m_signature, "--out", dir});
        CLI_OK(ev);
        for (const char *name : {"timestamp.tsr", "merkle-path.json", "anchor-1.json",
                                 "renewal-1.tsr", "renewal-1-path.json", "anchor-2.json",
                                 "renewal-2.tsr", "renewal-2-path.json", "tsa-ca.pem"})
            QVERIFY2(QFile::exists(dir + "/" + name), name);
        QVERIFY(readAll(dir + "/README.txt").contains("renewals: 2"));
        for (const QString &offset : {QString(), kAfterExpiry}) {
            const Tool t = verifyScript(dir, offset);
            QVERIFY2(t.exitCode == 0 && t.out.contains("RESULT: all checks passed") &&
                         t.out.contains("renewal 2 time-stamp: valid as of now") &&
                         t.out.contains("renewal 1 path: leads to root"),
                     qPrintable(t.all()));
        }
        // The renewal files are checked to the byte like the rest.
        for (const char *name :
             {"anchor-1.json", "renewal-1.tsr", "renewal-1-path.json", "renewal-2.tsr"}) {
            const QString copy = path(QStringLiteral("tampered-%1").arg(name));
            QVERIFY(copyFolder(dir, copy));
            QByteArray bytes = readAll(copy + "/" + name);
            const qsizetype pos = bytes.size() / 2;
            bytes[pos] = char(bytes.at(pos) ^ 0x01);
            QVERIFY(writeAll(copy + "/" + name, bytes));
            const Tool t = verifyScript(copy, kAfterExpiry);
            QVERIFY2(
                t.exitCode == 1 && t.out.contains("RESULT: FAILED"),
                qPrintable(QStringLiteral("%1 changed still verifies:\n%2").arg(name, t.all())));
        }
    }

    // An authority whose certificate had already ended when it stamped: its token is refused,
    // nothing is written. Trusted on this computer alone (--local), listed as such.
    void aTokenWhoseCertificateHadExpiredAtItsTimeIsRefused() {
        TestTsa expired(m_tmp.path(), QStringLiteral("expired"), 30, 40);
        QVERIFY2(expired.ok(), qPrintable(expired.error()));
        QVERIFY2(expired.start(), qPrintable(expired.error()));
        const QString carl = path("carl");
        CLI_OK(cli(carl, {"init", "--notebook", "Other lab", "--name", "Carl Solo", "--email",
                          "carl@lab.example"}));
        CLI_OK(cli(carl, {"tsa", "trust", "--url", expired.url(), "--cert", expired.caPemPath(),
                          "--local"}));
        const QJsonArray authorities = tsaList(carl).value("authorities").toArray();
        QCOMPARE(authorities.size(), 1);
        QCOMPARE(authorities.first().toObject().value("source").toString(),
                 QStringLiteral("local"));
        const auto refused = cli(carl, {"anchor"});
        QCOMPARE(refused.exitCode, 1);
        QVERIFY2(refused.err.contains("had expired at the token's time"), refused.err);
        QCOMPARE(expired.requestCount(), 1);
        const auto list = cli(carl, {"anchor", "list", "--json"});
        CLI_OK(list);
        QVERIFY(json(list).array().isEmpty());
    }

    // The setting travels with the notebook: a second member's vault, which never set anything
    // itself, judges the same tokens alike, and follows when the admin distrusts an authority.
    void aSecondMembersVaultJudgesTokensAlikeThroughTheSharedRepository() {
        const QString serverRoot = path("server");
        QVERIFY(QDir().mkpath(serverRoot));
        QVERIFY(makeBareRepo(serverRoot + "/time.git"));
        m_daemon = std::make_unique<GitDaemon>(serverRoot);
        QVERIFY(m_daemon->start());
        const QString url = m_daemon->url("time.git");
        CLI_OK(cli(m_alice, {"remote", "set", url}));
        CLI_OK(cli(m_alice, {"sync"}));
        const QString bob = path("bob");
        const QString invitation = path("invitation.json"), request = path("request.json");
        CLI_OK(cli(m_alice, {"member", "invite", "--out", invitation}));
        const auto join = cli(bob, {"join", "--invitation", invitation, "--name", "Bob Member",
                                    "--email", "bob@lab.example", "--out", request});
        CLI_OK(join);
        CLI_OK(cli(m_alice,
                   {"member", "approve", request, "--roles", "author", "--code", join.outLine()}));
        CLI_OK(cli(m_alice, {"sync"}));
        CLI_OK(cli(bob, {"sync"}));

        const QJsonObject aliceList = tsaList(m_alice), bobList = tsaList(bob);
        QCOMPARE(bobList.value("record").toString(), aliceList.value("record").toString());
        QCOMPARE(bobList.value("authorities"), aliceList.value("authorities"));
        QCOMPARE(bobList.value("authorities").toArray().size(), 2);
        // Each vault anchors its own waiting records at each sync, so the two lists differ by
        // the newest anchors; every anchor both hold is judged alike.
        const auto trustedOf = [this](const QString &vault) {
            QMap<QString, bool> out;
            for (const auto &a : json(cli(vault, {"anchor", "list", "--json"})).array())
                out.insert(a.toObject().value("anchor").toString(),
                           a.toObject().value("trusted").toBool());
            return out;
        };
        const auto judgedAlike = [&](int *untrusted) {
            const QMap<QString, bool> a = trustedOf(m_alice), b = trustedOf(bob);
            int common = 0;
            for (auto it = a.begin(); it != a.end(); ++it) {
                if (!b.contains(it.key())) continue;
                ++common;
                if (b.value(it.key()) != it.value()) return -1;
                if (untrusted && !it.value()) ++*untrusted;
            }
            return common;
        };
        QVERIFY(judgedAlike(nullptr) >= 5);
        const auto bobShow = cli(bob, {"anchor", "show", m_signature, "--json"});
        CLI_OK(bobShow);
        QCOMPARE(json(bobShow).array().size(), 3);
        QVERIFY(json(bobShow).array().first().toObject().value("trusted").toBool());
        const auto bobLater = cliAt(kAfterExpiry, bob, {"anchor", "show", m_signature, "--json"});
        CLI_OK(bobLater);
        QVERIFY2(json(bobLater).array().first().toObject().value("trusted").toBool(), bobLater.out);
        CLI_OK(cli(bob, {"verify"}));

        // Only an admin changes the notebook's authorities; a member may add one locally.
        const auto notAdmin =
            cli(bob, {"tsa", "trust", "--url", m_long->url(), "--cert", m_short->caPemPath()});
        QCOMPARE(notAdmin.exitCode, 1);
        QVERIFY2(notAdmin.err.contains("only an active admin"), notAdmin.err);

        // The admin distrusts the long-lived authority: both vaults stop trusting its anchors.
        CLI_OK(cli(m_alice, {"tsa", "distrust", "--url", m_long->url()}));
        CLI_OK(cli(m_alice, {"sync"}));
        CLI_OK(cli(bob, {"sync"}));
        QCOMPARE(tsaList(bob).value("authorities").toArray().size(), 1);
        int untrusted = 0;
        QVERIFY(judgedAlike(&untrusted) >= 5);
        QVERIFY2(untrusted >= 3, "the anchors at the distrusted authority");
        // The first anchor, at the short-lived authority, still holds in both.
        QVERIFY(trustedOf(bob).value(m_firstAnchor));
    }

    void cleanupTestCase() {
        if (m_daemon) m_daemon->stop();
    }
};

QTEST_GUILESS_MAIN(CliTimeTest)
#include "tst_cli_time.moc"
