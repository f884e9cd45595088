// Vault against the data contract (FORMAT.md §2, §5, §7): seals verify with the OpenSSL CLI,
// encrypted objects decrypt with keys derived only as the format says, and every kind of
// tampering with the stored records is found by verify().

#include "crypto/Crypto.h"
#include "db/Database.h"
#include "records/CanonicalJson.h"
#include "TestSupport.h"
#include "vault/Vault.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRegularExpression>
#include <QTemporaryDir>
#include <QtTest>

using namespace quire;

namespace {
const QByteArray kPass = "correct horse battery staple";

QJsonObject vaultJson(const QString &dir) {
    QFile f(dir + "/vault.json");
    if (!f.open(QIODevice::ReadOnly)) return {};
    return QJsonDocument::fromJson(f.readAll()).object();
}

// The database key and wrap key, derived exactly as FORMAT.md §7 says.
crypto::SecureBytes formatKeys(const QString &dir, const QByteArray &pass) {
    const QJsonObject kdf = vaultJson(dir).value("kdf").toObject();
    crypto::ScryptParams p;
    p.n = quint64(kdf.value("n").toInteger());
    p.r = quint32(kdf.value("r").toInteger());
    p.p = quint32(kdf.value("p").toInteger());
    auto out = crypto::scrypt(pass, QByteArray::fromBase64(kdf.value("salt").toString().toLatin1()),
                              p, 64);
    return out ? *out : crypto::SecureBytes();
}

Database openRaw(const QString &dir) {
    auto db = Database::open(
        dir + "/quire.db", formatKeys(dir, kPass).mid(0, 32), Database::Mode::OpenExisting,
        vaultJson(dir).value("db").toObject().value("cipher_page_size").toInt());
    if (!db) qFatal("raw open failed: %s", qPrintable(db.error()));
    return std::move(db.value());
}

QString run(const QString &program, const QStringList &args, QByteArray *out = nullptr) {
    QProcess p;
    p.start(program, args);
    p.waitForFinished(60000);
    if (out) *out = p.readAllStandardOutput();
    return QString::fromUtf8(p.readAllStandardOutput() + p.readAllStandardError());
}
} // namespace

class VaultTest : public QObject {
    Q_OBJECT

    QTemporaryDir m_tmp;

    // A vault with an experiment, an entry in two versions and an attachment.
    QString makeVault(const QString &name) {
        const QString dir = m_tmp.filePath(name);
        auto v = Vault::create(dir, "Enzyme lab", "Alice Researcher", "alice@lab.example", kPass);
        if (!v) qFatal("create failed: %s", qPrintable(v.error()));
        auto x = (*v)->appendOne({"experiment",
                                  crypto::newUuid(),
                                  {},
                                  QJsonObject{{"title", "Kinetics"},
                                              {"project", "P1"},
                                              {"tags", QJsonArray{"km"}},
                                              {"status", "open"}},
                                  {}});
        const QString entry = crypto::newUuid();
        auto e1 = (*v)->appendOne({"entry",
                                   entry,
                                   {},
                                   QJsonObject{{"experiment", x->object},
                                               {"order", 1},
                                               {"title", "Assay"},
                                               {"html", "<p>v1</p>"},
                                               {"attachments", QJsonArray{}},
                                               {"status", "active"}},
                                   {}});
        QJsonObject body = e1->body;
        body.insert("html", "<p>v2</p>");
        body.insert("reason", "typo");
        auto e2 = (*v)->appendOne({"entry", entry, e1->id, body, {}});
        if (!e2) qFatal("append failed: %s", qPrintable(e2.error()));
        const QString file = m_tmp.filePath(name + "-data.bin");
        test::writeFile(file, QByteArray(5 * 1024 * 1024, 'x') + "tail");
        auto att = (*v)->storeAttachment(file, {});
        if (!att) qFatal("attach failed: %s", qPrintable(att.error()));
        auto a = (*v)->appendOne({"attachment", crypto::newUuid(), {}, *att, {}});
        if (!a) qFatal("attachment record failed: %s", qPrintable(a.error()));
        return dir;
    }

    static QStringList problems(const QString &dir) {
        auto v = Vault::open(dir, kPass);
        if (!v) return {QStringLiteral("OPEN FAILED: ") + v.error()};
        return (*v)->verify({}).problems;
    }

private slots:
    void vaultFilesFollowTheFormat() {
        // ctest gives every test QUIRE_INSECURE_TEST_KDF=1; the format's own cost is checked here.
        const QByteArray testKdf = qgetenv("QUIRE_INSECURE_TEST_KDF");
        qunsetenv("QUIRE_INSECURE_TEST_KDF");
        const QString dir = makeVault("format");
        qputenv("QUIRE_INSECURE_TEST_KDF", testKdf);
        const QJsonObject vj = vaultJson(dir);
        QCOMPARE(vj.value("format").toString(), QString("quire-vault/1"));
        const QJsonObject kdf = vj.value("kdf").toObject();
        QCOMPARE(kdf.value("alg").toString(), QString("scrypt"));
        QCOMPARE(kdf.value("n").toInteger(), 131072);
        QCOMPARE(kdf.value("r").toInteger(), 8);
        QCOMPARE(kdf.value("p").toInteger(), 1);
        QCOMPARE(QByteArray::fromBase64(kdf.value("salt").toString().toLatin1()).size(), 16);
        // The page size is not in the encrypted file, so vault.json names it.
        QCOMPARE(vj.value("db").toObject().value("cipher_page_size").toInt(), 4096);
        QFile db(dir + "/quire.db");
        QVERIFY(db.open(QIODevice::ReadOnly));
        QVERIFY(!db.read(16).startsWith("SQLite format 3"));
        QCOMPARE(db.size() % 4096, qint64(0));
        QCOMPARE(run("git", {"--git-dir", dir + "/repo.git", "symbolic-ref", "HEAD"}).trimmed(),
                 QString("refs/heads/main"));
        QVERIFY(problems(dir).isEmpty());
    }

    void theTestKeyDerivationIsNamedByVerifyAndEndsAtAPassphraseChange() {
        const QByteArray testKdf = qgetenv("QUIRE_INSECURE_TEST_KDF");
        qputenv("QUIRE_INSECURE_TEST_KDF", "1");
        const QString dir = makeVault("weak-kdf");
        QCOMPARE(vaultJson(dir).value("kdf").toObject().value("n").toInteger(), 1024);
        {
            auto v = Vault::open(dir, kPass);
            QVERIFY2(v, qPrintable(v.error()));
            const VaultCheck check = (*v)->verify({});
            QVERIFY2(check.problems.isEmpty(), qPrintable(check.problems.join('\n')));
            QCOMPARE(check.warnings.size(), 1);
            QVERIFY2(check.warnings.first().contains("weak key derivation"),
                     qPrintable(check.warnings.first()));
            qunsetenv("QUIRE_INSECURE_TEST_KDF");
            QVERIFY((*v)->changePassphrase("a new and longer passphrase"));
            QVERIFY((*v)->verify({}).warnings.isEmpty());
        }
        qputenv("QUIRE_INSECURE_TEST_KDF", testKdf);
        QCOMPARE(vaultJson(dir).value("kdf").toObject().value("n").toInteger(), 131072);
        QVERIFY(Vault::open(dir, "a new and longer passphrase"));
        QVERIFY(!Vault::open(dir, kPass));
    }

    void sealsVerifyWithTheOpenSslCli() {
        const QString dir = makeVault("seal");
        auto v = Vault::open(dir, kPass);
        QVERIFY(v);
        auto all = (*v)->allRecords();
        QVERIFY(all && all->size() >= 5);
        auto me = (*v)->member((*v)->memberUuid());
        QVERIFY(me);
        auto info = crypto::certificateInfo(me->signCert);
        QVERIFY(info);
        QTemporaryDir work;
        QFile pub(work.filePath("pub.der"));
        QVERIFY(pub.open(QIODevice::WriteOnly));
        pub.write(info->subjectPublicKeyDer);
        pub.close();
        int checked = 0;
        for (const auto &r : *all) {
            const QJsonObject env = QJsonDocument::fromJson(r.envelope).object();
            auto canonical = json::canonicalize(env.value("record"));
            QVERIFY(canonical);
            QCOMPARE(QString(crypto::toHex(crypto::sha256(*canonical))), r.id);
            QCOMPARE(env.value("seal").toObject().value("cert").toString(),
                     QString(crypto::toHex(crypto::sha256(me->signCert))));
            test::writeFile(work.filePath("record.json"), *canonical);
            test::writeFile(work.filePath("sig.der"),
                            QByteArray::fromBase64(
                                env.value("seal").toObject().value("sig").toString().toLatin1()));
            const QString out = run(
                "openssl", {"dgst", "-sha256", "-keyform", "DER", "-verify", pub.fileName(),
                            "-signature", work.filePath("sig.der"), work.filePath("record.json")});
            QVERIFY2(out.contains("Verified OK"), qPrintable(out));
            ++checked;
        }
        QCOMPARE(checked, all->size());
        // The member certificate chains to the notebook CA for OpenSSL too.
        auto genesis = (*v)->chain((*v)->notebookUuid());
        QVERIFY(genesis && genesis->size() == 1);
        test::writeFile(work.filePath("ca.pem"),
                        crypto::certificatePem(QByteArray::fromBase64(
                            genesis->first().body.value("ca_cert").toString().toLatin1())));
        test::writeFile(work.filePath("me.pem"), crypto::certificatePem(me->signCert));
        const QString chain =
            run("openssl", {"verify", "-CAfile", work.filePath("ca.pem"), work.filePath("me.pem")});
        QVERIFY2(chain.contains(": OK"), qPrintable(chain));
    }

    void repositoryObjectsDecryptWithFormatKeysOnly() {
        const QString dir = makeVault("objects");
        const crypto::SecureBytes keys = formatKeys(dir, kPass);
        Database db = openRaw(dir);
        auto st = db.prepare("SELECT wrapped FROM secrets WHERE name='notebook_key/1'");
        QVERIFY(st && *st->next());
        const QByteArray wrapped = st->blob(0);
        auto notebookKey = crypto::aesGcmOpen(keys.mid(32, 32).bytes(), wrapped.left(12),
                                              wrapped.mid(12), "notebook_key/1");
        QVERIFY(notebookKey);
        const QByteArray kEnc = crypto::hkdfSha256(*notebookKey, {}, "quire/1 enc", 32).bytes();
        const QByteArray kName = crypto::hkdfSha256(*notebookKey, {}, "quire/1 name", 32).bytes();
        auto rows = db.prepare("SELECT r.id, r.envelope, f.path, f.oid FROM records r JOIN "
                               "repo_files f ON f.record = r.id");
        QVERIFY(rows);
        int n = 0;
        while (*rows->next()) {
            const QByteArray rawName =
                crypto::hmacSha256(kName, crypto::fromHex(rows->text(0).toLatin1()));
            const QString name = QString(crypto::toHex(rawName));
            QCOMPARE(rows->text(2), "r/" + name.left(2) + "/" + name);
            QByteArray blob;
            run("git", {"--git-dir", dir + "/repo.git", "cat-file", "blob", rows->text(3)}, &blob);
            QVERIFY(blob.startsWith("QNC1"));
            QCOMPARE(int(blob[4]) & 1, 1); // envelopes are deflated before encryption
            QCOMPARE(blob.mid(5, 4), QByteArray("\0\0\0\1", 4));
            const QByteArray header = blob.left(9);
            auto plain = crypto::aesGcmOpen(kEnc, blob.mid(9, 12), blob.mid(21), header + rawName);
            QVERIFY(plain);
            // The plaintext is an RFC 1950 zlib stream of the envelope (qUncompress wants the
            // expected size as a 4-byte big-endian prefix).
            const qint64 size = rows->blob(1).size();
            QByteArray prefix(4, '\0');
            for (int i = 0; i < 4; ++i)
                prefix[i] = char((size >> (8 * (3 - i))) & 0xff);
            QCOMPARE(qUncompress(prefix + *plain), rows->blob(1));
            auto opened = crypto::decryptFile(kEnc, rawName, blob);
            QVERIFY(opened);
            QCOMPARE(*opened, rows->blob(1));
            ++n;
        }
        QVERIFY(n >= 5);
        // Attachment chunks: raw (not deflated), named by HMAC of the chunk's SHA-256.
        auto chunks = db.prepare(
            "SELECT c.sha256, c.path, f.oid FROM chunks c JOIN repo_files f ON f.path=c.path");
        QVERIFY(chunks);
        int c = 0;
        while (*chunks->next()) {
            const QByteArray rawName =
                crypto::hmacSha256(kName, crypto::fromHex(chunks->text(0).toLatin1()));
            QVERIFY(chunks->text(1).startsWith("c/"));
            QVERIFY(chunks->text(1).endsWith(QString(crypto::toHex(rawName))));
            QByteArray blob;
            run("git", {"--git-dir", dir + "/repo.git", "cat-file", "blob", chunks->text(2)},
                &blob);
            QCOMPARE(int(blob[4]) & 1, 0);
            auto plain = crypto::decryptFile(kEnc, rawName, blob);
            QVERIFY(plain);
            QCOMPARE(QString(crypto::toHex(crypto::sha256(*plain))), chunks->text(0));
            ++c;
        }
        QCOMPARE(c, 2); // 5 MiB + 4 bytes = one full chunk and one short one
        db.close();
        QCOMPARE(
            run("git", {"--git-dir", dir + "/repo.git", "fsck", "--no-dangling"}).contains("error"),
            false);
    }

    void editedRecordContentIsFound() {
        const QString dir = makeVault("tamper-content");
        {
            Database db = openRaw(dir);
            QVERIFY(db.exec(
                "UPDATE records SET envelope = CAST(replace(CAST(envelope AS TEXT), '<p>v1</p>', "
                "'<p>v9</p>') AS BLOB) WHERE type='entry'"));
        }
        const QStringList p = problems(dir);
        QVERIFY2(p.join('\n').contains("does not match its id"), qPrintable(p.join('\n')));
        QVERIFY2(p.join('\n').contains("encrypted copy differs"), qPrintable(p.join('\n')));
    }

    void forgedSealIsFound() {
        const QString dir = makeVault("tamper-seal");
        {
            Database db = openRaw(dir);
            auto st = db.prepare("SELECT id, envelope FROM records WHERE type='experiment'");
            QVERIFY(st && *st->next());
            const QString id = st->text(0);
            QJsonObject env = QJsonDocument::fromJson(st->blob(1)).object();
            st->reset();
            // A valid signature by a key that is not the member's.
            auto canonical = json::canonicalize(env.value("record"));
            const auto attacker = crypto::EcKey::generate();
            QJsonObject seal = env.value("seal").toObject();
            seal.insert("sig", QString::fromLatin1(attacker.sign(*canonical).toBase64()));
            env.insert("seal", seal);
            auto up = db.prepare("UPDATE records SET envelope=? WHERE id=?");
            up->bind(1, *json::canonicalize(env)).bind(2, id);
            QVERIFY(up->run());
        }
        QVERIFY2(problems(dir).join('\n').contains("seal is not valid"),
                 qPrintable(problems(dir).join('\n')));
    }

    void brokenChainIsFound() {
        const QString dir = makeVault("tamper-chain");
        {
            Database db = openRaw(dir);
            QVERIFY(db.exec("DELETE FROM records WHERE type='entry' AND prev IS NULL"));
        }
        QVERIFY2(problems(dir).join('\n').contains("previous version is missing"),
                 qPrintable(problems(dir).join('\n')));
    }

    void swappedAndDamagedObjectsAreFound() {
        const QString dir = makeVault("tamper-objects");
        {
            Database db = openRaw(dir);
            // Point two records at each other's encrypted files.
            QVERIFY(db.exec("CREATE TEMP TABLE two AS SELECT path, oid FROM repo_files WHERE "
                            "record IS NOT NULL LIMIT 2"));
            QVERIFY(db.exec("UPDATE repo_files SET oid = (SELECT oid FROM two WHERE two.path != "
                            "repo_files.path) "
                            "WHERE path IN (SELECT path FROM two)"));
        }
        QStringList p = problems(dir);
        QVERIFY2(p.join('\n').contains("does not carry the name") ||
                     p.join('\n').contains("unreadable"),
                 qPrintable(p.join('\n')));

        const QString dir2 = makeVault("tamper-chunk");
        {
            Database db = openRaw(dir2);
            auto st =
                db.prepare("SELECT f.oid FROM chunks c JOIN repo_files f ON f.path=c.path LIMIT 1");
            QVERIFY(st && *st->next());
            const QString oid = st->text(0);
            // Rewrite the chunk's loose object with the bytes of another (valid) object.
            const QString object = dir2 + "/repo.git/objects/" + oid.left(2) + "/" + oid.mid(2);
            QVERIFY(QFile::exists(object));
            QFile::setPermissions(object, QFileDevice::ReadOwner | QFileDevice::WriteOwner);
            QFile f(object);
            QVERIFY(f.open(QIODevice::ReadWrite));
            QByteArray bytes = f.readAll();
            bytes[bytes.size() / 2] = char(bytes[bytes.size() / 2] ^ 0x40);
            f.seek(0);
            f.write(bytes);
        }
        p = problems(dir2);
        QVERIFY2(p.join('\n').contains("chunk"), qPrintable(p.join('\n')));
    }

    void wrongPassphraseWritesNothing() {
        const QString dir = makeVault("wrong");
        const auto before = test::hashTree(dir);
        auto v = Vault::open(dir, "wrong passphrase!");
        QVERIFY(!v);
        QCOMPARE(v.error(), QString("the passphrase is wrong"));
        auto after = test::hashTree(dir);
        QVERIFY(after.remove("failed-unlocks") == 1);
        QCOMPARE(after, before);
    }

    void secondOpenIsRefusedWhileOpen() {
        const QString dir = makeVault("lock");
        auto first = Vault::open(dir, kPass);
        QVERIFY(first);
        auto second = Vault::open(dir, kPass);
        QVERIFY(!second);
        QVERIFY2(second.error().contains("already open"), qPrintable(second.error()));
    }

    void lockFileLeftEmptyByAKilledProcessDoesNotLockTheVaultForever() {
        const QString dir = makeVault("emptylock");
        // A process killed between creating the lock file and writing its id leaves this.
        test::writeFile(dir + "/lock", {});
        QVERIFY(QFile::exists(dir + "/lock"));
        auto v = Vault::open(dir, kPass);
        QVERIFY2(v, qPrintable(v.error()));
        // ...while a lock held by a live opener is still honoured.
        auto second = Vault::open(dir, kPass);
        QVERIFY(!second);
        QVERIFY2(second.error().contains("already open"), qPrintable(second.error()));
    }

    // A sync killed while libgit2 moved a ref leaves "main.lock" beside it, which refused every
    // later update of main ("failed to lock file … for writing") until someone deleted it by
    // hand. Only the vault's lock holder writes to repo.git, so the next opener clears it.
    void gitLocksLeftByAKilledSyncDoNotStopTheNextPublish() {
        const QString dir = makeVault("gitlocks");
        const QString repo = dir + "/repo.git";
        QByteArray first;
        {
            auto v = Vault::open(dir, kPass);
            QVERIFY(v);
            auto head = (*v)->publishLocal();
            QVERIFY2(head, qPrintable(head.error()));
            first = *head;
        }
        const QStringList leftovers{"refs/heads/main.lock",
                                    "packed-refs.lock",
                                    "HEAD.lock",
                                    "objects/pack/pack_git2_Xq3Lw1",
                                    "objects/pack/tmp_pack_a1B2c3",
                                    "objects/tmp_object_git2_Zz9yY8"};
        for (const QString &name : leftovers)
            test::writeFile(repo + '/' + name, "half-written");
        auto v = Vault::open(dir, kPass);
        QVERIFY2(v, qPrintable(v.error()));
        for (const QString &name : leftovers)
            QVERIFY2(!QFile::exists(repo + '/' + name), qPrintable(name));
        QVERIFY(QFile::exists(repo + "/HEAD"));
        QVERIFY((*v)->audit("test_event", {}));
        auto next = (*v)->publishLocal();
        QVERIFY2(next, qPrintable(next.error()));
        QByteArray out;
        run("git", {"--git-dir", repo, "rev-parse", "main~1"}, &out);
        QCOMPARE(out.trimmed(), first);
        run("git", {"--git-dir", repo, "fsck", "--strict"}, &out);
    }

    void clockGoingBackwardsIsAudited() {
        const QString dir = makeVault("clock");
        {
            Database db = openRaw(dir);
            QVERIFY(db.exec("UPDATE devices SET last_recorded_at='2999-01-01T00:00:00.000Z'"));
        }
        auto v = Vault::open(dir, kPass);
        QVERIFY(v);
        auto all = (*v)->allRecords();
        QVERIFY(all);
        bool found = false;
        for (const auto &r : *all)
            if (r.type == "audit" && r.body.value("action").toString() == "clock_backwards") {
                found = true;
                QCOMPARE(r.body.value("detail").toObject().value("last_recorded_at").toString(),
                         QString("2999-01-01T00:00:00.000Z"));
            }
        QVERIFY(found);
    }

    void sequenceNumbersIncreasePerDevice() {
        const QString dir = makeVault("seq");
        auto v = Vault::open(dir, kPass);
        auto all = (*v)->allRecords();
        qint64 last = 0;
        for (const auto &r : *all) {
            QVERIFY(r.seq > last);
            last = r.seq;
        }
    }

    void publishingCommitsTheFormatLayoutAndNothingElse() {
        const QString dir = makeVault("publish");
        const QString repo = dir + "/repo.git";
        auto v = Vault::open(dir, kPass);
        QVERIFY(v);
        QVERIFY(*(*v)->unpublishedCount() > 0);
        auto head = (*v)->publishLocal();
        QVERIFY2(head, qPrintable(head.error()));
        QCOMPARE(*(*v)->unpublishedCount(), 0);
        QByteArray out;
        run("git", {"--git-dir", repo, "rev-parse", "main"}, &out);
        QCOMPARE(out.trimmed(), *head);

        // Exactly the files the database knows, in the FORMAT.md §5 layout, plus QUIRE.json.
        QStringList expected{"QUIRE.json"};
        {
            Database db = openRaw(dir);
            auto st = db.prepare("SELECT path FROM repo_files");
            while (*st->next())
                expected << st->text(0);
        }
        expected.sort();
        run("git", {"--git-dir", repo, "ls-tree", "-r", "--name-only", "main"}, &out);
        QCOMPARE(QString::fromUtf8(out).trimmed().split('\n'), expected);
        static const QRegularExpression layout(
            "^(QUIRE\\.json|[rc]/([0-9a-f]{2})/\\2[0-9a-f]{62})$");
        for (const auto &path : expected)
            QVERIFY2(layout.match(path).hasMatch(), qPrintable(path));

        run("git", {"--git-dir", repo, "show", "main:QUIRE.json"}, &out);
        const QJsonObject quire = QJsonDocument::fromJson(out).object();
        QCOMPARE(quire.value("format").toString(), QString("quire/1"));
        QCOMPARE(quire.value("notebook").toString(), (*v)->notebookUuid());
        QVERIFY(!quire.value("genesis").toString().isEmpty());
        QCOMPARE(*json::canonicalize(quire), out); // canonical bytes, as every shared file

        // No name leaks into the history, and nothing readable is in any object.
        run("git", {"--git-dir", repo, "log", "--format=%an %ae %cn %ce", "main"}, &out);
        QVERIFY(!out.contains("Alice"));
        QVERIFY(out.contains((*v)->memberUuid().toLatin1() + "@quire.invalid"));
        run("git", {"--git-dir", repo, "cat-file", "--batch-all-objects", "--batch"}, &out);
        QVERIFY(out.size() > 5 * 1024 * 1024);
        for (const QByteArray &needle : {QByteArray("Kinetics"), QByteArray("Assay"),
                                         QByteArray("xxxxxxxxxxxxxxxx"), QByteArray("Alice")})
            QVERIFY2(!out.contains(needle), needle.constData());

        // Nothing new: the same head, no new commit. Something new: one commit on top.
        QCOMPARE(*(*v)->publishLocal(), *head);
        QVERIFY((*v)->audit("test_event", {}));
        QCOMPARE(*(*v)->unpublishedCount(), 1);
        auto next = (*v)->publishLocal();
        QVERIFY2(next, qPrintable(next.error()));
        QVERIFY(*next != *head);
        run("git", {"--git-dir", repo, "rev-parse", "main^"}, &out);
        QCOMPARE(out.trimmed(), *head);
        QString fsck = run("git", {"--git-dir", repo, "fsck", "--full", "--strict"});
        QVERIFY2(!fsck.contains("error"), qPrintable(fsck));
    }
};

QTEST_GUILESS_MAIN(VaultTest)
#include "tst_vault.moc"
