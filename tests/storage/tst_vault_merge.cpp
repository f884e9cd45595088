// Union merge of the shared repository (FORMAT.md §5) between two devices of one notebook,
// with the git command line carrying the commits to a real bare repository, and the tamper
// suite against that repository: every change an attacker with write access can make is
// reported, and nothing local is lost.

#include "crypto/Crypto.h"
#include "crypto/Timestamp.h"
#include "db/Database.h"
#include "records/CanonicalJson.h"
#include "TestSupport.h"
#include "TestTsa.h"
#include "vault/Vault.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSet>
#include <QTemporaryDir>
#include <QtTest>

using namespace quire;

namespace {

const QByteArray kPass = "correct horse battery staple";

QByteArray git(const QStringList &args, int *exitCode = nullptr) {
    QProcess p;
    p.start(QStringLiteral("git"), args);
    p.waitForFinished(120000);
    if (exitCode) *exitCode = p.exitCode();
    const QByteArray err = p.readAllStandardError();
    if (p.exitCode() != 0 && !exitCode)
        qWarning("git %s: %s", qPrintable(args.join(' ')), err.constData());
    return p.readAllStandardOutput().trimmed();
}

// Copies a closed vault folder as it is on disk, empty git folders included.
void copyTree(const QString &from, const QString &to) {
    QProcess::execute(QStringLiteral("cp"), {QStringLiteral("-a"), from, to});
    QFile::remove(to + QStringLiteral("/lock"));
}

QSet<QString> recordIds(Vault &v) {
    QSet<QString> ids;
    const auto all = v.allRecords();
    for (const auto &r : *all)
        ids.insert(r.id);
    return ids;
}

// The keys of epoch 1, derived from the vault file and passphrase exactly as FORMAT.md says.
struct FormatKeys {
    QByteArray enc;
    QByteArray name;
};
FormatKeys formatKeys(const QString &dir) {
    QFile f(dir + "/vault.json");
    f.open(QIODevice::ReadOnly);
    const QJsonObject vault = QJsonDocument::fromJson(f.readAll()).object();
    const QJsonObject kdf = vault.value("kdf").toObject();
    crypto::ScryptParams p;
    p.n = quint64(kdf.value("n").toInteger());
    p.r = quint32(kdf.value("r").toInteger());
    p.p = quint32(kdf.value("p").toInteger());
    auto out = crypto::scrypt(
        kPass, QByteArray::fromBase64(kdf.value("salt").toString().toLatin1()), p, 64);
    auto db = Database::open(dir + "/quire.db", out->mid(0, 32), Database::Mode::OpenExisting,
                             vault.value("db").toObject().value("cipher_page_size").toInt());
    auto st = db->prepare("SELECT wrapped FROM secrets WHERE name='notebook_key/1'");
    (void)st->next();
    const QByteArray wrapped = st->blob(0);
    auto key = crypto::aesGcmOpen(out->mid(32, 32).bytes(), wrapped.left(12), wrapped.mid(12),
                                  "notebook_key/1");
    return {crypto::hkdfSha256(*key, {}, "quire/1 enc", 32).bytes(),
            crypto::hkdfSha256(*key, {}, "quire/1 name", 32).bytes()};
}

} // namespace

class VaultMergeTest : public QObject {
    Q_OBJECT

    QTemporaryDir m_tmp;
    QString m_server;
    QString m_dirA, m_dirB;
    std::unique_ptr<Vault> m_a, m_b, m_w;
    QString m_experiment;

    // One sync as the engine does it, with git as the transport: fetch, merge, push.
    Vault::MergeReport sync(Vault &v) {
        const QString repo = v.path() + "/repo.git";
        git({"--git-dir", repo, "fetch", "--quiet", m_server, "+main:refs/remotes/origin/main"});
        const QByteArray remote = git(
            {"--git-dir", repo, "rev-parse", "--verify", "--quiet", "refs/remotes/origin/main"});
        auto report = v.mergeRemote(remote);
        if (!report) qFatal("merge failed: %s", qPrintable(report.error()));
        if (report->ahead) {
            int rc = 0;
            git({"--git-dir", repo, "push", "--quiet", m_server, "main:main"}, &rc);
            if (rc != 0) qFatal("push refused");
        }
        if (!v.noteRemoteHead(report->head)) qFatal("note failed");
        return *report;
    }

    QString addEntry(Vault &v, const QString &title) {
        auto r = v.appendOne({"entry",
                              crypto::newUuid(),
                              {},
                              QJsonObject{{"experiment", m_experiment},
                                          {"order", 1},
                                          {"title", title},
                                          {"html", "<p>" + title + "</p>"},
                                          {"attachments", QJsonArray{}},
                                          {"status", "active"}},
                              {}});
        if (!r) qFatal("append failed: %s", qPrintable(r.error()));
        return r->id;
    }

    // A scratch clone of the server where the attacker works.
    QString attackerClone() {
        const QString dir = m_tmp.filePath("attacker-" + crypto::newUuid().left(8));
        git({"clone", "--quiet", m_server, dir});
        git({"-C", dir, "config", "user.email", "mallory@example"});
        git({"-C", dir, "config", "user.name", "Mallory"});
        return dir;
    }
    void attackerPush(const QString &dir, const QString &message, bool force = false) {
        git({"-C", dir, "add", "-A"});
        git({"-C", dir, "commit", "--quiet", "-m", message});
        QStringList args{"-C", dir, "push", "--quiet"};
        if (force) args << "--force";
        args << "origin"
             << "main";
        int rc = 0;
        git(args, &rc);
        QCOMPARE(rc, 0);
    }
    QString pathOf(Vault &v, const QString &recordId) {
        auto keys = formatKeys(v.path());
        const QString name = QString(
            crypto::toHex(crypto::hmacSha256(keys.name, crypto::fromHex(recordId.toLatin1()))));
        return "r/" + name.left(2) + "/" + name;
    }

private slots:
    void initTestCase() {
        QVERIFY(m_tmp.isValid());
        // Every sync here admits in rounds of three files, the way a first sync of a large
        // notebook does (membership first, records opened again while they wait for a record of
        // a later round): each arrival case below holds through rounds too. A sync of fewer
        // files is one round, as every other suite has it.
        qputenv("QUIRE_TEST_SYNC_ROUND", "3");
        m_server = m_tmp.filePath("server.git");
        int rc = 0;
        git({"init", "--quiet", "--bare", "-b", "main", m_server}, &rc);
        QCOMPARE(rc, 0);
        m_dirA = m_tmp.filePath("a");
        m_dirB = m_tmp.filePath("b");
        {
            auto a =
                Vault::create(m_dirA, "Merge lab", "Alice Researcher", "alice@lab.example", kPass);
            QVERIFY2(a, qPrintable(a.error()));
            auto x = (*a)->appendOne({"experiment",
                                      crypto::newUuid(),
                                      {},
                                      QJsonObject{{"title", "Shared"},
                                                  {"project", ""},
                                                  {"tags", QJsonArray{}},
                                                  {"status", "open"}},
                                      {}});
            QVERIFY(x);
            m_experiment = x->object;
        }
        // B is a second device of the same member: the same keys, its own device id.
        copyTree(m_dirA, m_dirB);
        QFile f(m_dirB + "/vault.json");
        QVERIFY(f.open(QIODevice::ReadOnly));
        QJsonObject vj = QJsonDocument::fromJson(f.readAll()).object();
        f.close();
        vj.insert("device", crypto::newUuid());
        QVERIFY(f.open(QIODevice::WriteOnly | QIODevice::Truncate));
        f.write(QJsonDocument(vj).toJson());
        f.close();
        auto a = Vault::open(m_dirA, kPass);
        QVERIFY2(a, qPrintable(a.error()));
        m_a = std::move(a.value());
        auto b = Vault::open(m_dirB, kPass);
        QVERIFY2(b, qPrintable(b.error()));
        m_b = std::move(b.value());
    }

    void concurrentWritersConvergeWithoutLossOrDuplicates() {
        // Both write while apart, then sync in turn; A syncs twice to receive B's work.
        for (int i = 0; i < 5; ++i)
            addEntry(*m_a, QString("A offline %1").arg(i));
        for (int i = 0; i < 7; ++i)
            addEntry(*m_b, QString("B offline %1").arg(i));
        const QSet<QString> before = recordIds(*m_a) + recordIds(*m_b);
        auto first = sync(*m_a);
        QVERIFY(first.alarms.isEmpty());
        auto second = sync(*m_b);
        QVERIFY2(second.quarantined.isEmpty(), qPrintable(second.quarantined.join("; ")));
        QVERIFY(second.records >= 5);
        auto third = sync(*m_a);
        QVERIFY(third.records >= 7);
        sync(*m_b); // picks up A's audit record of the merge, if any
        sync(*m_a);
        const QSet<QString> a = recordIds(*m_a), b = recordIds(*m_b);
        QCOMPARE(a, b);
        QVERIFY(a.contains(before));
        QCOMPARE(int(m_a->allRecords()->size()), int(a.size())); // no duplicates
        QCOMPARE(int(m_a->entries(m_experiment)->size()), 12);
        const VaultCheck ca = m_a->verify({}), cb = m_b->verify({});
        QVERIFY2(ca.problems.isEmpty(), qPrintable(ca.problems.join("\n")));
        QVERIFY2(cb.problems.isEmpty(), qPrintable(cb.problems.join("\n")));
        // The server's tree is the union and every object is ciphertext.
        const QByteArray all =
            git({"--git-dir", m_server, "cat-file", "--batch-all-objects", "--batch"});
        QVERIFY(!all.contains("offline"));
        QVERIFY(!all.contains("Alice"));
        int rc = 0;
        git({"--git-dir", m_server, "fsck", "--full", "--strict"}, &rc);
        QCOMPARE(rc, 0);
    }

    void flippedByteIsQuarantinedAndNothingLocalIsLost() {
        const QString id = addEntry(*m_a, "flip target");
        sync(*m_a);
        const QString path = pathOf(*m_a, id);
        const QString evil = attackerClone();
        QFile f(evil + "/" + path);
        QVERIFY(f.open(QIODevice::ReadWrite));
        QByteArray bytes = f.readAll();
        bytes[bytes.size() / 2] = char(bytes[bytes.size() / 2] ^ 0x01);
        f.seek(0);
        f.write(bytes);
        f.close();
        attackerPush(evil, "flip a byte");

        // B never had the record: it is quarantined, not imported.
        auto b = sync(*m_b);
        QCOMPARE(b.quarantined.size(), 1);
        QVERIFY2(b.quarantined.first().contains(path) &&
                     b.quarantined.first().contains("authentication"),
                 qPrintable(b.quarantined.first()));
        QVERIFY(!m_b->record(id));
        const VaultCheck cb = m_b->verify({});
        QVERIFY(cb.problems.join("\n").contains("was refused"));
        // A has it: the server's different bytes raise an alarm and A keeps its own.
        auto a = sync(*m_a);
        QVERIFY2(!a.alarms.isEmpty() && a.alarms.join("").contains("other bytes"),
                 qPrintable(a.alarms.join("; ")));
        QVERIFY(m_a->record(id));
        QVERIFY(m_a->verify({}).problems.join("\n").contains("sync alarm"));
        QCOMPARE(int(m_a->entries(m_experiment)->size()), 13);
    }

    void swappedFilesAreRefusedByName() {
        const QString one = addEntry(*m_a, "swap one"), two = addEntry(*m_a, "swap two");
        const QString p1 = pathOf(*m_a, one), p2 = pathOf(*m_a, two);
        // Tampered before B ever sees them: each file now sits under the other's name.
        sync(*m_a);
        const QString evil = attackerClone();
        QFile f1(evil + "/" + p1), f2(evil + "/" + p2);
        QVERIFY(f1.open(QIODevice::ReadOnly) && f2.open(QIODevice::ReadOnly));
        const QByteArray b1 = f1.readAll(), b2 = f2.readAll();
        f1.close();
        f2.close();
        QVERIFY(f1.open(QIODevice::WriteOnly | QIODevice::Truncate) &&
                f2.open(QIODevice::WriteOnly | QIODevice::Truncate));
        f1.write(b2);
        f2.write(b1);
        f1.close();
        f2.close();
        attackerPush(evil, "swap");
        auto b = sync(*m_b);
        QVERIFY2(b.quarantined.size() == 2, qPrintable(b.quarantined.join("\n")));
        QVERIFY(!m_b->record(one) && !m_b->record(two));
        auto a = sync(*m_a);
        QCOMPARE(a.alarms.size(), 2);
        QVERIFY(m_a->record(one) && m_a->record(two));
    }

    void deletedFileIsReportedAndPutBack() {
        const QString id = addEntry(*m_a, "delete target");
        sync(*m_a);
        sync(*m_b);
        QVERIFY(m_b->record(id));
        const QString path = pathOf(*m_a, id);
        const QString evil = attackerClone();
        QVERIFY(QFile::remove(evil + "/" + path));
        attackerPush(evil, "delete");
        auto a = sync(*m_a);
        QVERIFY2(a.alarms.join("").contains("removed from the shared repository"),
                 qPrintable(a.alarms.join("; ")));
        QVERIFY(a.ahead);
        // The next fetch sees it on the server again.
        const QByteArray listed =
            git({"--git-dir", m_server, "ls-tree", "-r", "--name-only", "main"});
        QVERIFY(listed.contains(path.toLatin1()));
        QVERIFY(m_a->record(id) && m_b->record(id));
    }

    void recordSealedByANonMemberIsQuarantined() {
        // Someone who holds the notebook key (an old device, say) but no member certificate
        // writes a record sealed with a key of their own.
        const FormatKeys keys = formatKeys(m_a->path());
        const crypto::EcKey stranger = crypto::EcKey::generate();
        const QJsonObject record{{"format", "quire/1"},
                                 {"type", "entry"},
                                 {"object", crypto::newUuid()},
                                 {"prev", QJsonValue(QJsonValue::Null)},
                                 {"author", m_a->memberUuid()},
                                 {"device", crypto::newUuid()},
                                 {"seq", 1},
                                 {"recorded_at", "2026-11-25T10:00:00.000Z"},
                                 {"body", QJsonObject{{"experiment", m_experiment},
                                                      {"order", 9},
                                                      {"title", "forged"},
                                                      {"html", "<p>forged</p>"},
                                                      {"attachments", QJsonArray{}},
                                                      {"status", "active"}}}};
        const QByteArray canonical = *json::canonicalize(record);
        const QByteArray certHash = crypto::toHex(crypto::sha256("not a member's certificate"));
        const QJsonObject envelope{
            {"record", record},
            {"seal", QJsonObject{{"cert", QString(certHash)},
                                 {"sig", QString(stranger.sign(canonical).toBase64())}}}};
        const QByteArray rawId = crypto::sha256(canonical);
        const QByteArray rawName = crypto::hmacSha256(keys.name, rawId);
        const QString name = QString(crypto::toHex(rawName));
        const QString evil = attackerClone();
        QDir().mkpath(evil + "/r/" + name.left(2));
        test::writeFile(
            evil + "/r/" + name.left(2) + "/" + name,
            crypto::encryptFile(keys.enc, 1, rawName, *json::canonicalize(envelope), true));
        attackerPush(evil, "forge");

        auto b = sync(*m_b);
        QCOMPARE(b.quarantined.size(), 1);
        QVERIFY2(b.quarantined.first().contains("not a member"), qPrintable(b.quarantined.first()));
        QVERIFY(!m_b->record(QString(crypto::toHex(rawId))));
    }

    void forcePushedOldHistoryIsReportedAndRepaired() {
        const QByteArray old = git({"--git-dir", m_server, "rev-parse", "main~3"});
        const QString id = addEntry(*m_a, "after rewind");
        sync(*m_a);
        int rc = 0;
        git({"--git-dir", m_server, "update-ref", "refs/heads/main", old}, &rc); // a force-push
        QCOMPARE(rc, 0);
        auto a = sync(*m_a);
        QVERIFY2(a.alarms.join("").contains("history was rewritten"),
                 qPrintable(a.alarms.join("; ")));
        QVERIFY(m_a->record(id));
        // A pushed the union again, so B still receives everything.
        sync(*m_b);
        QVERIFY(m_b->record(id));
        const QByteArray listed =
            git({"--git-dir", m_server, "ls-tree", "-r", "--name-only", "main"});
        QVERIFY(listed.contains(pathOf(*m_a, id).toLatin1()));
    }

    void newcomerJoinsThroughTheServerAndWritesBack() {
        QVERIFY(m_a->setRemoteUrl(m_server));
        auto invitation = m_a->makeInvitation();
        QVERIFY2(invitation, qPrintable(invitation.error()));
        const QString dirW = m_tmp.filePath("w");
        auto joined =
            Vault::createJoining(dirW, *invitation, "Walter Newcomer", "walter@lab.example", kPass);
        QVERIFY2(joined, qPrintable(joined.error()));
        std::unique_ptr<Vault> w = std::move(joined->vault);
        QVERIFY(w->isJoining());
        QVERIFY(!joined->code.isEmpty());
        // Before approval the newcomer can write nothing and a sync says why.
        QVERIFY(!w->audit("early", {}));
        const QString repoW = dirW + "/repo.git";
        git({"--git-dir", repoW, "fetch", "--quiet", m_server, "+main:refs/remotes/origin/main"});
        auto early =
            w->mergeRemote(git({"--git-dir", repoW, "rev-parse", "refs/remotes/origin/main"}));
        QVERIFY(!early);
        QVERIFY2(early.error().contains("not been approved"), qPrintable(early.error()));

        // A non-admin role list is checked, then the admin approves.
        QVERIFY(!m_a->approveJoin(joined->request, {"wizard"}));
        auto member = m_a->approveJoin(joined->request, {"author"});
        QVERIFY2(member, qPrintable(member.error()));
        QCOMPARE(*member, w->memberUuid());
        QVERIFY(!m_a->approveJoin(joined->request, {"author"})); // only once
        sync(*m_a);

        auto first = sync(*w);
        QVERIFY2(first.quarantined.isEmpty(), qPrintable(first.quarantined.join("\n")));
        QVERIFY(!w->isJoining());
        QCOMPARE(w->notebookName(), QString("Merge lab"));
        QCOMPARE(int(w->entries(m_experiment)->size()), int(m_a->entries(m_experiment)->size()));
        auto mine = w->member(w->memberUuid());
        QVERIFY(mine && mine->roles == QStringList{"author"});

        // The newcomer writes; the founder receives it.
        auto entry = w->appendOne({"entry",
                                   crypto::newUuid(),
                                   {},
                                   QJsonObject{{"experiment", m_experiment},
                                               {"order", 50},
                                               {"title", "from W"},
                                               {"html", "<p>from W</p>"},
                                               {"attachments", QJsonArray{}},
                                               {"status", "active"}},
                                   {}});
        QVERIFY2(entry, qPrintable(entry.error()));
        sync(*w);
        auto back = sync(*m_a);
        QVERIFY2(back.quarantined.isEmpty(), qPrintable(back.quarantined.join("\n")));
        QVERIFY(m_a->record(entry->id));
        const VaultCheck cw = w->verify({});
        // W inherits nothing of A's alarms: its own check is clean.
        QVERIFY2(cw.problems.isEmpty(), qPrintable(cw.problems.join("\n")));
        m_w = std::move(w);
    }

    // Comments (issue 16) arrive under the rules they were written by: forged past the model's
    // checks, each is refused on arrival with its reason, the honest one beside them arrives,
    // and verify names the forgeries in the vault that wrote them.
    void commentsAreJudgedOnArrivalByTheSameRules() {
        QVERIFY(m_w);
        const QString aEntry = addEntry(*m_a, "Commented by W");
        sync(*m_a);
        sync(*m_w);
        auto comment = [](Vault &v, const QJsonObject &body) {
            auto r = v.appendOne({"comment", crypto::newUuid(), {}, body, {}});
            if (!r) qFatal("append failed: %s", qPrintable(r.error()));
            return r->id;
        };
        const QString honest = comment(
            *m_w,
            {{"target", aEntry}, {"html", "<p>Nice plate.</p>"}, {"requests_changes", false}});
        // W holds the author role alone: no request for changes.
        const QString request = comment(
            *m_w, {{"target", aEntry}, {"html", "<p>Repeat it.</p>"}, {"requests_changes", true}});
        const QString hostile =
            comment(*m_w, {{"target", aEntry},
                           {"html", "<p onclick=\"steal()\">hi</p><script>x()</script>"}});
        auto experimentRecord = m_w->head(m_experiment);
        QVERIFY(experimentRecord);
        const QString onExperiment =
            comment(*m_w, {{"target", *experimentRecord}, {"html", "<p>not an entry</p>"}});
        const QString notBool = comment(
            *m_w, {{"target", aEntry}, {"html", "<p>yes</p>"}, {"requests_changes", "yes"}});
        const QString own = m_w->verify({}).problems.join('\n');
        for (const QString &id : {request, hostile, onExperiment, notBool})
            QVERIFY2(own.contains(id.left(12)), qPrintable(own));
        QVERIFY2(!own.contains(honest.left(12)), qPrintable(own));

        sync(*m_w);
        const auto arrived = sync(*m_a);
        const QString refused = arrived.quarantined.join('\n');
        QCOMPARE(arrived.quarantined.size(), 4);
        QVERIFY2(refused.contains("only a supervisor can request changes") &&
                     refused.contains("HTML outside the safe subset") &&
                     refused.contains("only entry versions are commented on") &&
                     refused.contains("requests_changes is true or false"),
                 qPrintable(refused));
        auto there = m_a->commentsOn(m_a->record(aEntry)->object);
        QVERIFY(there);
        QCOMPARE(there->size(), 1);
        QCOMPARE(there->first().id, honest);
        QCOMPARE(there->first().html, QString("<p>Nice plate.</p>"));

        // A comment sealed by someone who is no member is refused like any other record.
        const FormatKeys keys = formatKeys(m_a->path());
        const crypto::EcKey stranger = crypto::EcKey::generate();
        const QJsonObject record{{"format", "quire/1"},
                                 {"type", "comment"},
                                 {"object", crypto::newUuid()},
                                 {"prev", QJsonValue(QJsonValue::Null)},
                                 {"author", m_w->memberUuid()},
                                 {"device", crypto::newUuid()},
                                 {"seq", 1},
                                 {"recorded_at", "2026-11-25T10:00:00.000Z"},
                                 {"body", QJsonObject{{"target", aEntry},
                                                      {"html", "<p>forged</p>"},
                                                      {"requests_changes", false}}}};
        const QByteArray canonical = *json::canonicalize(record);
        const QJsonObject envelope{
            {"record", record},
            {"seal", QJsonObject{{"cert", QString(crypto::toHex(crypto::sha256("stranger")))},
                                 {"sig", QString(stranger.sign(canonical).toBase64())}}}};
        const QByteArray rawId = crypto::sha256(canonical);
        const QByteArray rawName = crypto::hmacSha256(keys.name, rawId);
        const QString name = QString(crypto::toHex(rawName));
        const QString evil = attackerClone();
        QDir().mkpath(evil + "/r/" + name.left(2));
        test::writeFile(
            evil + "/r/" + name.left(2) + "/" + name,
            crypto::encryptFile(keys.enc, 1, rawName, *json::canonicalize(envelope), true));
        attackerPush(evil, "forge a comment");
        const auto forged = sync(*m_a);
        QCOMPARE(forged.quarantined.size(), 1);
        QVERIFY2(forged.quarantined.first().contains("not a member"),
                 qPrintable(forged.quarantined.first()));
        QVERIFY(!m_a->record(QString(crypto::toHex(rawId))));
        QCOMPARE(m_a->commentsOn(m_a->record(aEntry)->object)->size(), 1);
        // B and W refuse the same and remember it, so the tests after this one start level.
        QCOMPARE(sync(*m_b).quarantined.size(), 5);
        QCOMPARE(sync(*m_w).quarantined.size(), 1);
    }

    // Templates (issue 17) are an admin's unless the notebook's template_policy, written by an
    // admin, lets authors write them too: judged on arrival as the policy stood when the
    // template was written, and their HTML is held to the entry subset.
    void templatesAreJudgedOnArrivalByTheNotebooksPolicy() {
        QVERIFY(m_w);
        sync(*m_a);
        sync(*m_w);
        const QJsonObject fields{
            {"name", "Blot fields"},
            {"kind", "entry"},
            {"status", "active"},
            {"html", "<table><tbody><tr><td>Lot</td><td></td></tr></tbody></table>"}};
        auto template_ = [](Vault &v, const QJsonObject &body) {
            auto r = v.appendOne({"template", crypto::newUuid(), {}, body, {}});
            if (!r) qFatal("append failed: %s", qPrintable(r.error()));
            return r->id;
        };
        // W holds the author role alone and no admin has let authors write templates.
        const QString early = template_(*m_w, fields);
        sync(*m_w);
        const auto refusedEarly = sync(*m_a);
        QCOMPARE(refusedEarly.quarantined.size(), 1);
        QVERIFY2(refusedEarly.quarantined.first().contains("only an admin may write templates"),
                 qPrintable(refusedEarly.quarantined.first()));
        QVERIFY(!m_a->record(early));

        QJsonObject unsafe = fields;
        unsafe.insert("name", "Clicky");
        unsafe.insert("html", "<p onclick=\"steal()\">Lot</p>");
        const QString hostile = template_(*m_a, unsafe);
        QVERIFY(!m_w->setTemplateWriters("authors")); // not an admin
        auto policy = m_a->setTemplateWriters("authors");
        QVERIFY2(policy, qPrintable(policy.error()));
        const QString own = m_a->verify({}).problems.join('\n');
        QVERIFY2(own.contains(hostile.left(12)), qPrintable(own));
        sync(*m_a);
        const auto atW = sync(*m_w);
        QCOMPARE(atW.quarantined.size(), 1);
        QVERIFY2(atW.quarantined.first().contains("HTML outside the safe subset"),
                 qPrintable(atW.quarantined.first()));
        QCOMPARE(*m_w->templateWriters(), QString("authors"));

        QTest::qWait(5); // recorded_at has millisecond resolution
        const QString later = template_(*m_w, fields);
        sync(*m_w);
        sync(*m_a);
        QVERIFY(m_a->record(later));
        QVERIFY(!m_a->record(early)); // written before the policy: still refused
        auto there = m_a->templates();
        QVERIFY(there);
        QStringList ids;
        for (const auto &t : *there)
            ids << t.id;
        QVERIFY(ids.contains(later) && !ids.contains(early));
        // Every vault remembers what it refused, so the tests after this one start level.
        sync(*m_b);
        sync(*m_w);
        sync(*m_a);
    }

    void replacedGrantIsRefusedAndTheAdminsCopyKept() {
        QVERIFY(m_w);
        const QString path = "keys/" + m_w->memberUuid() + ".json";
        const QString evil = attackerClone();
        // A grant for the same member, sealed by a key the attacker made up.
        const crypto::EcKey attacker = crypto::EcKey::generate();
        QFile f(evil + "/" + path);
        QVERIFY(f.open(QIODevice::ReadOnly));
        QJsonObject grant = QJsonDocument::fromJson(f.readAll()).object();
        f.close();
        grant.remove("seal");
        const QByteArray signedBytes = *json::canonicalize(grant);
        grant.insert("seal",
                     QJsonObject{{"cert", QString(crypto::toHex(crypto::sha256("attacker cert")))},
                                 {"sig", QString(attacker.sign(signedBytes).toBase64())}});
        test::writeFile(evil + "/" + path, *json::canonicalize(grant));
        attackerPush(evil, "replace grant");
        auto a = sync(*m_a);
        QVERIFY2(a.alarms.join("").contains("key grant was refused"),
                 qPrintable(a.alarms.join("; ")));
        const QByteArray onServer = git({"--git-dir", m_server, "show", "main:" + path});
        QVERIFY(!onServer.contains("attacker"));
        QVERIFY(QJsonDocument::fromJson(onServer)
                    .object()
                    .value("seal")
                    .toObject()
                    .value("cert")
                    .toString() != QString(crypto::toHex(crypto::sha256("attacker cert"))));
    }

    void revokedMemberIsLockedOutOfNewRecords() {
        QVERIFY(m_w);
        // X, another member with a grant of its own, must keep access through the new epoch.
        auto invitation = m_a->makeInvitation();
        QVERIFY(invitation);
        auto joinedX = Vault::createJoining(m_tmp.filePath("x"), *invitation, "Xenia Member",
                                            "xenia@lab.example", kPass);
        QVERIFY2(joinedX, qPrintable(joinedX.error()));
        std::unique_ptr<Vault> x = std::move(joinedX->vault);
        QVERIFY(m_a->approveJoin(joinedX->request, {"author"}));
        sync(*m_a);
        sync(*x);
        QVERIFY(!x->isJoining());

        QVERIFY(!m_w->revokeMember(m_a->memberUuid(), "no")); // not an admin
        QVERIFY(!m_a->revokeMember(m_w->memberUuid(), "  ")); // a reason is needed
        QVERIFY2(m_a->revokeMember(m_w->memberUuid(), "left the lab"), "revoke failed");
        const QString afterRevocation = addEntry(*m_a, "written under the new key");
        sync(*m_a);
        // W still writes (it does not know yet) and syncs: its new record is refused by A.
        QTest::qWait(5); // recorded_at has millisecond resolution
        auto late = m_w->appendOne({"entry",
                                    crypto::newUuid(),
                                    {},
                                    QJsonObject{{"experiment", m_experiment},
                                                {"order", 60},
                                                {"title", "too late"},
                                                {"html", "<p>too late</p>"},
                                                {"attachments", QJsonArray{}},
                                                {"status", "active"}},
                                    {}});
        QVERIFY(late);
        auto w = sync(*m_w);
        QVERIFY(!m_w->record(afterRevocation)); // epoch 2 is closed to W
        // Both refusals are what the rules intend: reported apart from tampering.
        QVERIFY2(w.expectedRefusals.join("").contains("epoch 2"),
                 qPrintable(w.expectedRefusals.join("\n")));
        QVERIFY2(w.quarantined.isEmpty(), qPrintable(w.quarantined.join("\n")));
        auto a = sync(*m_a);
        QVERIFY2(a.expectedRefusals.join("").contains("revoked"),
                 qPrintable(a.expectedRefusals.join("\n")));
        QVERIFY2(a.quarantined.isEmpty(), qPrintable(a.quarantined.join("\n")));
        QVERIFY(!m_a->record(late->id));
        // Both refusals are what the rules intend, not tampering: verify lists neither.
        QVERIFY(!m_a->verify({}).problems.join("\n").contains("revoked"));
        QVERIFY(!m_w->verify({}).problems.join("\n").contains("epoch 2"));
        auto revoked = m_a->member(m_w->memberUuid());
        QVERIFY(revoked && revoked->status == "revoked");
        // X's grant on the server now holds epochs 1 and 2, and X reads the new record.
        const QByteArray grantX =
            git({"--git-dir", m_server, "show", "main:keys/" + x->memberUuid() + ".json"});
        QCOMPARE(QJsonDocument::fromJson(grantX).object().value("grants").toArray().size(), 2);
        auto xs = sync(*x);
        // Only W's late record is refused there too; nothing is closed to X.
        QVERIFY2(!xs.expectedRefusals.join("").contains("epoch"),
                 qPrintable(xs.expectedRefusals.join("\n")));
        QVERIFY(!x->verify({}).problems.join("\n").contains("revoked"));
        QVERIFY(x->record(afterRevocation));
        // X received the revocation and W's late record in one sync, in rounds: the revocation
        // was admitted first, so the late record is refused as written after it.
        QVERIFY(!x->record(late->id));
        QVERIFY2(xs.expectedRefusals.join("").contains("revoked"),
                 qPrintable(xs.expectedRefusals.join("\n")));
        // B, the other device of the admin, learns epoch 2 from its grant and reads it all.
        auto b = sync(*m_b);
        Q_UNUSED(b);
        QVERIFY(m_b->record(afterRevocation));
    }

    void anotherNotebookOnTheServerIsRefused() {
        const QString other = m_tmp.filePath("other");
        auto v = Vault::create(other, "Other lab", "Olga", "olga@lab.example", kPass);
        QVERIFY(v);
        auto head = (*v)->publishLocal();
        QVERIFY(head);
        const QString repo = m_a->path() + "/repo.git";
        int rc = 0;
        git({"--git-dir", repo, "fetch", "--quiet", other + "/repo.git",
             "+main:refs/remotes/stray"},
            &rc);
        QCOMPARE(rc, 0);
        auto merged = m_a->mergeRemote(*head);
        QVERIFY(!merged);
        QVERIFY2(merged.error().contains("another notebook"), qPrintable(merged.error()));
    }

    // A member's device can write any record it likes into its own vault; the others judge it
    // on arrival by FORMAT.md §3 and §4. Each forgery is refused with its reason, the honest
    // records beside it arrive, and verify names the forgery in the vault that wrote it.
    void forgedSignaturesAndAnchorsAreRefusedOnArrival() {
        test::TestTsa tsa(m_tmp.path(), QStringLiteral("merge-tsa"));
        QVERIFY2(tsa.ok(), qPrintable(tsa.error()));
        QVERIFY(tsa.start());
        const QString firstVersion = addEntry(*m_a, "Signed and forged");
        const QString entry = m_a->record(firstVersion)->object;
        auto head = m_a->head(entry);
        QVERIFY(head);
        auto honest = m_a->sign(*head, "authored");
        QVERIFY2(honest, qPrintable(honest.error()));
        QVERIFY(honest->valid && honest->allowed);

        auto forge = [&](const QString &type, const QJsonObject &body) {
            auto r = m_a->appendOne({type, crypto::newUuid(), {}, body, {}});
            if (!r) qFatal("append failed: %s", qPrintable(r.error()));
            return r->id;
        };
        const QJsonObject signed_ = m_a->record(honest->id)->body;
        // The author witnessing her own entry (a witness is never the inventor).
        QJsonObject ownWitness = signed_;
        ownWitness.insert("meaning", "witnessed");
        const QString witness = forge("signature", ownWitness);
        // A valid CMS under someone else's printed name.
        QJsonObject renamed = signed_;
        renamed.insert("printed_name", "Carol Supervisor");
        const QString rename = forge("signature", renamed);
        // An anchor whose token is for another root.
        auto otherToken =
            timestamp::requestToken(tsa.url(), crypto::sha256("another root"), tsa.caPem());
        QVERIFY2(otherToken, qPrintable(otherToken.error()));
        const QJsonArray leafIds{*head, honest->id};
        QList<QByteArray> raw{crypto::fromHex(head->toLatin1()),
                              crypto::fromHex(honest->id.toLatin1())};
        const QString root = QString(crypto::toHex(timestamp::merkleRoot(raw)));
        const QString wrongRoot =
            forge("anchor", QJsonObject{{"leaves", leafIds},
                                        {"root", root},
                                        {"tsa", tsa.url()},
                                        {"token", QString(otherToken->toBase64())}});
        // An anchor whose root is not its records' root.
        auto realToken = timestamp::requestToken(tsa.url(), crypto::sha256("x"), tsa.caPem());
        QVERIFY(realToken);
        const QString badLeaves =
            forge("anchor", QJsonObject{{"leaves", leafIds},
                                        {"root", QString(crypto::toHex(crypto::sha256("x")))},
                                        {"tsa", tsa.url()},
                                        {"token", QString(realToken->toBase64())}});

        const VaultCheck own = m_a->verify({}, true);
        const QString problems = own.problems.join('\n');
        for (const QString &id : {witness, rename, wrongRoot, badLeaves})
            QVERIFY2(problems.contains(id.left(12)), qPrintable(id + "\n" + problems));
        QVERIFY(problems.contains("cannot sign it as witnessed"));
        QVERIFY(problems.contains("does not match the signed statement"));
        QVERIFY(problems.contains("token is for another set of records"));
        QVERIFY(problems.contains("root is not the root of its records"));
        for (const auto &rc : own.recordChecks)
            if (rc.id == honest->id)
                QVERIFY(rc.signature && rc.signature->valid && rc.signature->allowed);

        sync(*m_a);
        const auto arrived = sync(*m_b);
        const QString refused = arrived.quarantined.join('\n');
        QCOMPARE(arrived.quarantined.size(), 4);
        QVERIFY2(refused.contains("cannot sign it as witnessed") &&
                     refused.contains("does not match the signed statement") &&
                     refused.contains("another set of records") &&
                     refused.contains("root is not the root"),
                 qPrintable(refused));
        // The honest signature and the entry did arrive, and hold there too.
        auto there = m_b->signaturesOf(entry);
        QVERIFY(there);
        QCOMPARE(there->size(), 1);
        QCOMPARE(there->first().id, honest->id);
        QVERIFY(there->first().valid && there->first().allowed);
    }

    // Instruments and set-asides (issue 14) arrive under the write rules they were written by:
    // the vault appends whatever it is given, so these are forged past the model's checks.
    void instrumentRecordsAreJudgedOnArrivalByTheSameRules() {
        auto forge = [&](const QString &type, const QString &object, const QString &prev,
                         const QJsonObject &body) {
            auto r = m_a->appendOne({type, object, prev, body, {}});
            if (!r) qFatal("append failed: %s", qPrintable(r.error()));
            return r->id;
        };
        const QJsonObject uv{{"name", "UV-2600"},  {"model", "UV-2600i"}, {"serial", "A1"},
                             {"location", "2.14"}, {"status", "active"},  {"reason", ""}};
        const QString uvObject = crypto::newUuid();
        const QString added = forge("instrument", uvObject, {}, uv);
        QJsonObject retired = uv;
        retired.insert("status", "retired");
        const QString noReason = forge("instrument", uvObject, added, retired);
        QJsonObject broken = uv;
        broken.insert("status", "lost");
        const QString badStatus = forge("instrument", crypto::newUuid(), {}, broken);
        const QString aside = forge("set_aside", crypto::newUuid(), {},
                                    QJsonObject{{"target", added}, {"reason", ""}});
        const QString honestAside = forge("set_aside", crypto::newUuid(), {},
                                          QJsonObject{{"target", added}, {"reason", "blank"}});

        const QString own = m_a->verify({}).problems.join('\n');
        QVERIFY2(own.contains(noReason.left(12)) && own.contains(aside.left(12)), qPrintable(own));

        sync(*m_a);
        const auto arrived = sync(*m_b);
        const QString refused = arrived.quarantined.join('\n');
        QCOMPARE(arrived.quarantined.size(), 3);
        QVERIFY2(refused.contains("changes an instrument without a reason") &&
                     refused.contains("status is active or retired") &&
                     refused.contains("sets a capture aside without a reason"),
                 qPrintable(refused));
        auto there = m_b->instruments();
        QVERIFY(there);
        QCOMPARE(there->size(), 1);
        QCOMPARE(there->first().head, added);
        QCOMPARE(there->first().status, QString("active"));
        QVERIFY(m_b->record(honestAside));
        QVERIFY(!m_b->record(badStatus));
    }

    // Issue 16: one entry changed on two computers apart forks its chain. Both versions are
    // kept, both devices show the same head (the head rule: furthest version, then latest
    // recorded_at, then larger id) whichever arrived last, and a version that names the other
    // tip in `merges` ends the conflict on both.
    void forkedEntryShowsTheSameHeadOnBothDevicesUntilAMergeJoinsIt() {
        const QString first = addEntry(*m_a, "Forked");
        const QString entry = m_a->record(first)->object;
        sync(*m_a);
        sync(*m_b);
        auto change = [&](Vault &v, const QString &prev, const QString &text,
                          const QJsonArray &merges = {}) {
            QJsonObject body = v.record(prev)->body;
            body.insert("html", "<p>" + text + "</p>");
            body.insert("reason", text);
            if (!merges.isEmpty()) body.insert("merges", merges);
            auto r = v.appendOne({"entry", entry, prev, body, {}});
            if (!r) qFatal("append failed: %s", qPrintable(r.error()));
            return r->id;
        };
        const QString onA = change(*m_a, first, "changed on A");
        const QString onB1 = change(*m_b, first, "changed on B");
        const QString onB2 = change(*m_b, onB1, "changed on B again");
        sync(*m_a);
        sync(*m_b); // B gets A's change after its own
        sync(*m_a); // A gets B's after its own
        // B's side is a version further from the first: it is the head on both.
        for (Vault *v : {m_a.get(), m_b.get()}) {
            auto tips = v->tips(entry);
            QVERIFY(tips);
            QCOMPARE(tips->size(), 2);
            QCOMPARE(tips->at(0).id, onB2);
            QCOMPARE(tips->at(1).id, onA);
            QCOMPARE(*v->head(entry), onB2);
            QCOMPARE(v->entry(entry)->head, onB2);
            QCOMPARE(v->chain(entry)->last().id, onB2);
        }

        // Forged joins are refused on arrival, and verify names them where they were written.
        const QString other = addEntry(*m_a, "Elsewhere");
        const QString forgedEntry = addEntry(*m_a, "Forged joins");
        const QString forgedObject = m_a->record(forgedEntry)->object;
        QJsonObject forgedBody = m_a->record(forgedEntry)->body;
        forgedBody.insert("reason", "second");
        const QString second =
            m_a->appendOne({"entry", forgedObject, forgedEntry, forgedBody, {}})->id;
        auto forge = [&](const QJsonArray &merges, const QString &reason) {
            QJsonObject body = forgedBody;
            body.insert("merges", merges);
            body.insert("reason", reason);
            auto r = m_a->appendOne({"entry", forgedObject, second, body, {}});
            if (!r) qFatal("append failed: %s", qPrintable(r.error()));
            return r->id;
        };
        const QString ancestor = forge({forgedEntry}, "joins its own past");
        const QString foreign = forge({other}, "joins another entry");
        const QString reasonless = forge({forgedEntry}, " ");
        const QString own = m_a->verify({}).problems.join('\n');
        for (const QString &id : {ancestor, foreign, reasonless})
            QVERIFY2(own.contains(id.left(12)), qPrintable(own));
        sync(*m_a);
        const auto arrived = sync(*m_b);
        const QString refused = arrived.quarantined.join('\n');
        QCOMPARE(arrived.quarantined.size(), 3);
        QVERIFY2(refused.contains("already an earlier version") &&
                     refused.contains("not a version of the same entry") &&
                     refused.contains("resolves a conflict without a reason"),
                 qPrintable(refused));

        // The author joins both sides on A; after the sync, one head everywhere.
        const QString joined = change(*m_a, onB2, "joined", QJsonArray{onA});
        QCOMPARE(m_a->record(joined)->version, 4);
        sync(*m_a);
        sync(*m_b);
        for (Vault *v : {m_a.get(), m_b.get()}) {
            auto tips = v->tips(entry);
            QVERIFY(tips);
            QCOMPARE(tips->size(), 1);
            QCOMPARE(tips->first().id, joined);
            QCOMPARE(v->entry(entry)->head, joined);
            QCOMPARE(v->record(joined)->version, 4);
        }
        const QString onB = m_b->verify({}).problems.join('\n');
        QVERIFY2(!onB.contains(joined.left(12)) && !onB.contains(onA.left(12)), qPrintable(onB));
    }
};

QTEST_GUILESS_MAIN(VaultMergeTest)
#include "tst_vault_merge.moc"
