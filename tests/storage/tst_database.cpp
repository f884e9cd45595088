// Database on a real SQLCipher file: the key protects every byte, a wrong key changes nothing,
// and the features the schema relies on (WAL, FTS4 with unicode61, migrations) work.

#include "db/Database.h"

#include <QCryptographicHash>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QRandomGenerator>
#include <QTemporaryDir>
#include <QTest>

using quire::Database;
using quire::Statement;
using quire::Transaction;
using quire::crypto::SecureBytes;

namespace {

SecureBytes keyOf(char fill) {
    return SecureBytes(QByteArray(32, fill));
}

QByteArray fileBytes(const QString &path) {
    QFile file(path);
    return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
}

QByteArray fileHash(const QString &path) {
    return QCryptographicHash::hash(fileBytes(path), QCryptographicHash::Sha256).toHex();
}

void writeFile(const QString &path, const QByteArray &bytes) {
    QFile file(path);
    QVERIFY(file.open(QIODevice::WriteOnly));
    QCOMPARE(file.write(bytes), bytes.size());
}

QByteArray randomBytes(int size) {
    QByteArray bytes(size, Qt::Uninitialized);
    for (char &c : bytes)
        c = char(QRandomGenerator::global()->generate() & 0xff);
    return bytes;
}

// Runs a query that returns one integer.
qint64 scalar(Database &db, const QString &sql) {
    auto stmt = db.prepare(sql);
    if (!stmt) {
        qWarning() << stmt.error();
        return -1;
    }
    auto row = stmt->next();
    if (!row || !*row) {
        qWarning() << (row ? QStringLiteral("no row") : row.error());
        return -1;
    }
    return stmt->integer(0);
}

QString pragmaText(Database &db, const QString &sql) {
    auto stmt = db.prepare(sql);
    if (!stmt) return stmt.error();
    auto row = stmt->next();
    return row && *row ? stmt->text(0) : QString();
}

} // namespace

class TestDatabase : public QObject {
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    int m_counter = 0;
    QString newPath() { return m_dir.filePath(QStringLiteral("db%1.db").arg(++m_counter)); }

    // A database with one table and `rows` rows, closed again.
    QString makeDatabase(const SecureBytes &key, int rows = 3, const QString &marker = {}) {
        const QString path = newPath();
        auto db = Database::open(path, key, Database::Mode::Create);
        if (!db) {
            qWarning() << db.error();
            return {};
        }
        if (!db->exec(QStringLiteral("CREATE TABLE notes(id INTEGER PRIMARY KEY, body TEXT)")))
            return {};
        for (int i = 0; i < rows; ++i) {
            auto insert = db->cached(QStringLiteral("INSERT INTO notes(body) VALUES (?)"));
            if (!insert) return {};
            if (!(*insert)
                     ->bind(1, marker.isEmpty() ? QStringLiteral("row %1").arg(i) : marker)
                     .run())
                return {};
        }
        return path;
    }

private slots:
    void initTestCase() { QVERIFY(m_dir.isValid()); }

    void createdDatabaseReopensWithTheSameKeyAndKeepsValues() {
        const QString path = newPath();
        const QString text = QStringLiteral("Über 5 µg — 測定");
        const QByteArray blob("\x00\x01\xff\x00zz", 6);
        {
            auto db = Database::open(path, keyOf('a'), Database::Mode::Create);
            QVERIFY2(db, qPrintable(db.error()));
            QVERIFY(db->exec(QStringLiteral(
                "CREATE TABLE t(id INTEGER PRIMARY KEY, s TEXT, b BLOB, n INTEGER, z, e BLOB)")));
            auto insert = db->prepare(QStringLiteral("INSERT INTO t(s, b, n, z, e) VALUES (?, ?, "
                                                     "?, ?, ?)"));
            QVERIFY2(insert, qPrintable(insert.error()));
            auto ran = insert->bind(1, text)
                           .bind(2, blob)
                           .bind(3, qint64(1) << 53)
                           .bindNull(4)
                           .bind(5, QByteArray())
                           .run();
            QVERIFY2(ran, qPrintable(ran.error()));
            QCOMPARE(db->lastInsertRowId(), 1);
            QCOMPARE(db->changes(), 1);
            QCOMPARE(db->path(), path);
        }
        auto db = Database::open(path, keyOf('a'), Database::Mode::OpenExisting);
        QVERIFY2(db, qPrintable(db.error()));
        auto select =
            db->prepare(QStringLiteral("SELECT s, b, n, z, e, typeof(b), typeof(e) FROM t"));
        QVERIFY2(select, qPrintable(select.error()));
        auto row = select->next();
        QVERIFY2(row, qPrintable(row.error()));
        QVERIFY(*row);
        QCOMPARE(select->text(0), text);
        QCOMPARE(select->blob(1), blob);
        QCOMPARE(select->integer(2), qint64(1) << 53);
        QVERIFY(select->isNull(3));
        QVERIFY(!select->isNull(4));
        QCOMPARE(select->blob(4), QByteArray());
        QCOMPARE(select->text(5), QStringLiteral("blob"));
        QCOMPARE(select->text(6), QStringLiteral("blob"));
        row = select->next();
        QVERIFY(row);
        QVERIFY(!*row);
    }

    void connectionUsesWalAndTheConfiguredPragmas() {
        auto db = Database::open(newPath(), keyOf('a'), Database::Mode::Create);
        QVERIFY2(db, qPrintable(db.error()));
        QCOMPARE(pragmaText(*db, QStringLiteral("PRAGMA journal_mode")), QStringLiteral("wal"));
        QCOMPARE(scalar(*db, QStringLiteral("PRAGMA synchronous")), 1); // NORMAL
        QCOMPARE(scalar(*db, QStringLiteral("PRAGMA foreign_keys")), 1);
        QCOMPARE(scalar(*db, QStringLiteral("PRAGMA temp_store")), 2); // MEMORY
        QCOMPARE(scalar(*db, QStringLiteral("PRAGMA busy_timeout")), 5000);
        QCOMPARE(pragmaText(*db, QStringLiteral("PRAGMA cipher_version")), QStringLiteral("3.4.1"));

        QVERIFY(db->exec(QStringLiteral("CREATE TABLE parent(id INTEGER PRIMARY KEY);"
                                        "CREATE TABLE child(p INTEGER REFERENCES parent(id));")));
        const auto orphan = db->exec(QStringLiteral("INSERT INTO child VALUES (42)"));
        QVERIFY(!orphan);
        QVERIFY2(orphan.error().contains(QStringLiteral("FOREIGN KEY")),
                 qPrintable(orphan.error()));
    }

    // SQLCipher does not record its page size in the file: a database made with larger pages
    // opens only when told so, and a smaller size is refused like a wrong key, never rewritten.
    void pageSizeIsAppliedAndMustBeNamedToOpen() {
        const QString path = newPath();
        {
            auto db = Database::open(path, keyOf('a'), Database::Mode::Create, 4096);
            QVERIFY2(db, qPrintable(db.error()));
            QCOMPARE(scalar(*db, QStringLiteral("PRAGMA cipher_page_size")), 4096);
            QVERIFY(db->exec(QStringLiteral("CREATE TABLE notes(body TEXT);"
                                            "INSERT INTO notes VALUES ('x');")));
        }
        QVERIFY(QFileInfo(path).size() >= 4096);
        QCOMPARE(QFileInfo(path).size() % 4096, qint64(0));
        const QByteArray before = fileHash(path);
        auto wrongSize = Database::open(path, keyOf('a'), Database::Mode::OpenExisting);
        QVERIFY(!wrongSize);
        QCOMPARE(fileHash(path), before);
        auto right = Database::open(path, keyOf('a'), Database::Mode::OpenExisting, 4096);
        QVERIFY2(right, qPrintable(right.error()));
        QCOMPARE(scalar(*right, QStringLiteral("SELECT count(*) FROM notes")), 1);
        auto odd = Database::open(path, keyOf('a'), Database::Mode::OpenExisting, 3000);
        QVERIFY(!odd);
        QVERIFY2(odd.error().contains(QStringLiteral("page size")), qPrintable(odd.error()));
    }

    void wrongPassphraseIsReportedAndChangesNoByte() {
        const QString path = makeDatabase(keyOf('a'));
        QVERIFY(!path.isEmpty());
        const QByteArray before = fileHash(path);
        QVERIFY(!QFile::exists(path + "-wal")); // a clean close folds the WAL back in

        auto db = Database::open(path, keyOf('b'), Database::Mode::OpenExisting);
        QVERIFY(!db);
        QCOMPARE(db.error(), QStringLiteral("the passphrase is wrong"));
        QCOMPARE(fileHash(path), before);
        QVERIFY(!QFile::exists(path + "-wal"));

        auto right = Database::open(path, keyOf('a'), Database::Mode::OpenExisting);
        QVERIFY2(right, qPrintable(right.error()));
        QCOMPARE(scalar(*right, QStringLiteral("SELECT count(*) FROM notes")), 3);
    }

    void wrongPassphraseLeavesTheWalOfAnOpenNotebookAlone() {
        const QString path = makeDatabase(keyOf('a'));
        auto open = Database::open(path, keyOf('a'), Database::Mode::OpenExisting);
        QVERIFY2(open, qPrintable(open.error()));
        QVERIFY(open->exec(QStringLiteral("INSERT INTO notes(body) VALUES ('in the wal')")));
        QVERIFY(QFile::exists(path + "-wal"));
        const QByteArray dbBefore = fileHash(path);
        const QByteArray walBefore = fileHash(path + "-wal");

        auto wrong = Database::open(path, keyOf('b'), Database::Mode::OpenExisting);
        QVERIFY(!wrong);
        QCOMPARE(wrong.error(), QStringLiteral("the passphrase is wrong"));
        QCOMPARE(fileHash(path), dbBefore);
        QCOMPARE(fileHash(path + "-wal"), walBefore);
        QCOMPARE(scalar(*open, QStringLiteral("SELECT count(*) FROM notes")), 4);
    }

    // After a crash the WAL is still there and no connection holds the file. A read-write
    // connection closing after a failed key check would checkpoint it; ours must not.
    void wrongPassphraseLeavesALeftoverWalAlone() {
        const QString path = makeDatabase(keyOf('a'));
        const QString crashed = m_dir.filePath(QStringLiteral("crashed.db"));
        {
            auto open = Database::open(path, keyOf('a'), Database::Mode::OpenExisting);
            QVERIFY2(open, qPrintable(open.error()));
            QVERIFY(open->exec(QStringLiteral("INSERT INTO notes(body) VALUES ('only in wal')")));
            // Copying the files of a live connection is what a crash leaves behind.
            QVERIFY(QFile::copy(path, crashed));
            QVERIFY(QFile::copy(path + "-wal", crashed + "-wal"));
        }
        const QByteArray dbBefore = fileHash(crashed);
        const QByteArray walBefore = fileHash(crashed + "-wal");
        QVERIFY(fileBytes(crashed + "-wal").size() > 0);

        auto wrong = Database::open(crashed, keyOf('b'), Database::Mode::OpenExisting);
        QVERIFY(!wrong);
        QCOMPARE(wrong.error(), QStringLiteral("the passphrase is wrong"));
        QCOMPARE(fileHash(crashed), dbBefore);
        QVERIFY(QFile::exists(crashed + "-wal"));
        QCOMPARE(fileHash(crashed + "-wal"), walBefore);

        auto right = Database::open(crashed, keyOf('a'), Database::Mode::OpenExisting);
        QVERIFY2(right, qPrintable(right.error()));
        QCOMPARE(scalar(*right, QStringLiteral("SELECT count(*) FROM notes")), 4);
    }

    void filesHoldNoPlaintextAndNoSqliteHeader() {
        const QByteArray marker = "QUIRE-PLAINTEXT-MARKER-7f3a9c";
        const QString path = newPath();
        auto db = Database::open(path, keyOf('a'), Database::Mode::Create);
        QVERIFY2(db, qPrintable(db.error()));
        QVERIFY(db->exec(QStringLiteral("CREATE TABLE secret_table_name(v TEXT)")));
        for (int i = 0; i < 50; ++i) {
            auto insert = db->cached(QStringLiteral("INSERT INTO secret_table_name VALUES (?)"));
            QVERIFY(insert);
            QVERIFY((*insert)->bind(1, QString::fromLatin1(marker)).run());
        }
        const QByteArray wal = fileBytes(path + "-wal");
        QVERIFY(wal.size() > 0);
        QVERIFY(!wal.contains(marker));
        QVERIFY(!wal.contains("secret_table_name"));
        db->close();

        const QByteArray bytes = fileBytes(path);
        QVERIFY(bytes.size() >= 1024);
        QVERIFY(!bytes.startsWith(QByteArray("SQLite format 3", 16)));
        QVERIFY(!bytes.contains(marker));
        QVERIFY(!bytes.contains("secret_table_name"));
        QVERIFY(!bytes.contains("CREATE TABLE"));
    }

    void rekeyedDatabaseOpensWithTheNewKeyOnly() {
        const QString path = makeDatabase(keyOf('a'));
        {
            auto db = Database::open(path, keyOf('a'), Database::Mode::OpenExisting);
            QVERIFY2(db, qPrintable(db.error()));
            const auto rekeyed = db->rekey(keyOf('c'));
            QVERIFY2(rekeyed, qPrintable(rekeyed.error()));
            // The connection keeps working after the change.
            QVERIFY(db->exec(QStringLiteral("INSERT INTO notes(body) VALUES ('after rekey')")));
            QCOMPARE(scalar(*db, QStringLiteral("SELECT count(*) FROM notes")), 4);
        }
        auto old = Database::open(path, keyOf('a'), Database::Mode::OpenExisting);
        QVERIFY(!old);
        QCOMPARE(old.error(), QStringLiteral("the passphrase is wrong"));

        auto db = Database::open(path, keyOf('c'), Database::Mode::OpenExisting);
        QVERIFY2(db, qPrintable(db.error()));
        QCOMPARE(scalar(*db, QStringLiteral("SELECT count(*) FROM notes")), 4);
    }

    void rekeyWhileAnotherConnectionReadsStillVerifies() {
        const QString path = makeDatabase(keyOf('a'), 200);
        auto db = Database::open(path, keyOf('a'), Database::Mode::OpenExisting);
        QVERIFY2(db, qPrintable(db.error()));
        const auto rekeyed = db->rekey(keyOf('d'));
        QVERIFY2(rekeyed, qPrintable(rekeyed.error()));
        auto second = Database::open(path, keyOf('d'), Database::Mode::OpenExisting);
        QVERIFY2(second, qPrintable(second.error()));
        QCOMPARE(scalar(*second, QStringLiteral("SELECT count(*) FROM notes")), 200);
    }

    void migrationsRunOnceAndInOrder() {
        auto db = Database::open(newPath(), keyOf('a'), Database::Mode::Create);
        QVERIFY2(db, qPrintable(db.error()));
        QCOMPARE(db->userVersion(), 0);
        QList<QString> migrations{
            QStringLiteral("CREATE TABLE log(step INTEGER); INSERT INTO log VALUES (1);"),
            QStringLiteral("INSERT INTO log VALUES (2);"),
            QStringLiteral("INSERT INTO log VALUES (3); CREATE TABLE later(x);"),
        };
        auto migrated = db->migrate(migrations);
        QVERIFY2(migrated, qPrintable(migrated.error()));
        QCOMPARE(db->userVersion(), 3);
        QCOMPARE(scalar(*db, QStringLiteral("SELECT group_concat(step, ',') = '1,2,3' FROM "
                                            "(SELECT step FROM log ORDER BY rowid)")),
                 1);

        migrated = db->migrate(migrations);
        QVERIFY2(migrated, qPrintable(migrated.error()));
        QCOMPARE(scalar(*db, QStringLiteral("SELECT count(*) FROM log")), 3);

        migrations << QStringLiteral("INSERT INTO log VALUES (4);");
        migrated = db->migrate(migrations);
        QVERIFY2(migrated, qPrintable(migrated.error()));
        QCOMPARE(db->userVersion(), 4);
        QCOMPARE(scalar(*db, QStringLiteral("SELECT count(*) FROM log")), 4);
    }

    void failingMigrationRollsBackAndKeepsTheOldVersion() {
        auto db = Database::open(newPath(), keyOf('a'), Database::Mode::Create);
        QVERIFY2(db, qPrintable(db.error()));
        QList<QString> migrations{QStringLiteral("CREATE TABLE log(step INTEGER);")};
        QVERIFY(db->migrate(migrations));
        migrations << QStringLiteral("INSERT INTO log VALUES (2); CREATE TABLE half(x);"
                                     "THIS IS NOT SQL;");
        const auto migrated = db->migrate(migrations);
        QVERIFY(!migrated);
        QVERIFY2(migrated.error().startsWith(
                     QStringLiteral("could not upgrade the notebook database to version 2: ")),
                 qPrintable(migrated.error()));
        QVERIFY2(migrated.error().contains(QStringLiteral("syntax error")),
                 qPrintable(migrated.error()));
        QCOMPARE(db->userVersion(), 1);
        QCOMPARE(scalar(*db, QStringLiteral("SELECT count(*) FROM log")), 0);
        QCOMPARE(scalar(*db, QStringLiteral("SELECT count(*) FROM sqlite_master WHERE name = "
                                            "'half'")),
                 0);
        // The connection is usable afterwards: no transaction was left open.
        QVERIFY(db->begin());
        QVERIFY(db->commit());
    }

    void databaseFromANewerProgramIsRefused() {
        auto db = Database::open(newPath(), keyOf('a'), Database::Mode::Create);
        QVERIFY2(db, qPrintable(db.error()));
        QVERIFY(db->exec(QStringLiteral("PRAGMA user_version = 5")));
        const auto migrated = db->migrate({QStringLiteral("CREATE TABLE a(x)")});
        QVERIFY(!migrated);
        QVERIFY2(migrated.error().contains(QStringLiteral("newer version")),
                 qPrintable(migrated.error()));
        QCOMPARE(db->userVersion(), 5);
    }

    void transactionRolledBackByScopeLeavesNothing() {
        auto db = Database::open(newPath(), keyOf('a'), Database::Mode::Create);
        QVERIFY2(db, qPrintable(db.error()));
        QVERIFY(db->exec(QStringLiteral("CREATE TABLE t(x)")));
        {
            Transaction transaction(*db);
            QVERIFY2(transaction.started(), qPrintable(transaction.started().error()));
            QVERIFY(db->exec(QStringLiteral("INSERT INTO t VALUES (1), (2)")));
            QCOMPARE(scalar(*db, QStringLiteral("SELECT count(*) FROM t")), 2);
        }
        QCOMPARE(scalar(*db, QStringLiteral("SELECT count(*) FROM t")), 0);
        {
            Transaction transaction(*db);
            QVERIFY(db->exec(QStringLiteral("INSERT INTO t VALUES (3)")));
            QVERIFY(transaction.commit());
        }
        QCOMPARE(scalar(*db, QStringLiteral("SELECT count(*) FROM t")), 1);
        // A transaction begun inside another is a savepoint: rolling it back undoes only its own
        // part, committing it keeps nothing until the outermost commits, and rolling the outer
        // one back undoes both (Vault::inOneTransaction, an import that is all or nothing).
        QVERIFY(db->begin());
        QVERIFY(db->exec(QStringLiteral("INSERT INTO t VALUES (4)")));
        {
            Transaction inner(*db);
            QVERIFY2(inner.started(), qPrintable(inner.started().error()));
            QVERIFY(db->exec(QStringLiteral("INSERT INTO t VALUES (5)")));
        }
        QCOMPARE(scalar(*db, QStringLiteral("SELECT count(*) FROM t")), 2);
        {
            Transaction inner(*db);
            QVERIFY(db->exec(QStringLiteral("INSERT INTO t VALUES (6)")));
            QVERIFY(inner.commit());
        }
        QCOMPARE(scalar(*db, QStringLiteral("SELECT count(*) FROM t")), 3);
        QVERIFY(db->rollback());
        QCOMPARE(scalar(*db, QStringLiteral("SELECT count(*) FROM t")), 1);
        // Rolling back with no transaction open is harmless.
        QVERIFY(db->rollback());
    }

    void fts4WithUnicode61FoldsDiacriticsAndFindsPrefixes() {
        auto db = Database::open(newPath(), keyOf('a'), Database::Mode::Create);
        QVERIFY2(db, qPrintable(db.error()));
        const auto created = db->exec(
            QStringLiteral("CREATE VIRTUAL TABLE search USING fts4(body, tokenize=unicode61 "
                           "\"remove_diacritics=1\", prefix=\"2,3\")"));
        QVERIFY2(created, qPrintable(created.error()));
        auto insert = db->prepare(QStringLiteral("INSERT INTO search(docid, body) VALUES (?, ?)"));
        QVERIFY(insert);
        QVERIFY(insert->bind(1, 1).bind(2, QStringLiteral("Über die Messung")).run());
        QVERIFY(insert->bind(1, 2).bind(2, QStringLiteral("a buffer of 50 mM Tris")).run());
        QVERIFY(insert->bind(1, 3).bind(2, QStringLiteral("café résumé")).run());

        auto match = [&](const QString &query) {
            QList<qint64> ids;
            auto stmt = db->cached(
                QStringLiteral("SELECT docid FROM search WHERE search MATCH ? ORDER BY docid"));
            if (!stmt) return ids;
            (*stmt)->bind(1, query);
            for (;;) {
                auto row = (*stmt)->next();
                if (!row || !*row) break;
                ids << (*stmt)->integer(0);
            }
            return ids;
        };
        QCOMPARE(match(QStringLiteral("uber")), QList<qint64>{1});
        QCOMPARE(match(QStringLiteral("ÜBER")), QList<qint64>{1});
        QCOMPARE(match(QStringLiteral("buf*")), QList<qint64>{2});
        QCOMPARE(match(QStringLiteral("resume")), QList<qint64>{3});
        QCOMPARE(match(QStringLiteral("messung")), QList<qint64>{1});
        QCOMPARE(match(QStringLiteral("nothing")), QList<qint64>{});
    }

    void openingAMissingFileFailsAndCreatesNothing() {
        const QString path = m_dir.filePath(QStringLiteral("missing.db"));
        auto db = Database::open(path, keyOf('a'), Database::Mode::OpenExisting);
        QVERIFY(!db);
        QVERIFY2(db.error().startsWith(QStringLiteral("could not open ") + path),
                 qPrintable(db.error()));
        QVERIFY(!QFile::exists(path));
        QVERIFY(!QFile::exists(path + "-wal"));
        QVERIFY(!QFile::exists(path + "-shm"));
        QVERIFY(!QFile::exists(path + "-journal"));
    }

    void creatingInAMissingFolderFailsClearly() {
        const QString path = m_dir.filePath(QStringLiteral("no/such/folder/x.db"));
        auto db = Database::open(path, keyOf('a'), Database::Mode::Create);
        QVERIFY(!db);
        QVERIFY2(db.error().startsWith(QStringLiteral("could not open ") + path),
                 qPrintable(db.error()));
    }

    void createRefusesAnExistingDatabase() {
        const QString path = makeDatabase(keyOf('a'));
        const QByteArray before = fileHash(path);
        auto db = Database::open(path, keyOf('a'), Database::Mode::Create);
        QVERIFY(!db);
        QVERIFY2(db.error().contains(QStringLiteral("already")), qPrintable(db.error()));
        QCOMPARE(fileHash(path), before);
    }

    void randomBytesAreReportedAsDamage() {
        const QString path = newPath();
        writeFile(path, randomBytes(5000)); // not a whole number of pages
        const QByteArray before = fileHash(path);
        auto db = Database::open(path, keyOf('a'), Database::Mode::OpenExisting);
        QVERIFY(!db);
        QCOMPARE(db.error(), QStringLiteral("the notebook database is damaged"));
        QCOMPARE(fileHash(path), before);
    }

    // Page-sized garbage cannot be told from another key's pages: SQLCipher sees the same
    // failed check on page 1. The person is told the likelier cause, and nothing is written.
    void pageSizedRandomBytesReadAsAWrongPassphrase() {
        const QString path = newPath();
        writeFile(path, randomBytes(8192));
        const QByteArray before = fileHash(path);
        auto db = Database::open(path, keyOf('a'), Database::Mode::OpenExisting);
        QVERIFY(!db);
        QCOMPARE(db.error(), QStringLiteral("the passphrase is wrong"));
        QCOMPARE(fileHash(path), before);
    }

    void emptyOrUnencryptedFilesAreDamaged() {
        const QString empty = newPath();
        writeFile(empty, QByteArray());
        auto db = Database::open(empty, keyOf('a'), Database::Mode::OpenExisting);
        QVERIFY(!db);
        QCOMPARE(db.error(), QStringLiteral("the notebook database is damaged"));
        QCOMPARE(QFileInfo(empty).size(), 0);

        const QString plain = newPath();
        writeFile(plain, QByteArray("SQLite format 3", 16) + QByteArray(4080, '\0'));
        db = Database::open(plain, keyOf('a'), Database::Mode::OpenExisting);
        QVERIFY(!db);
        QVERIFY2(db.error().startsWith(QStringLiteral("the notebook database is damaged")),
                 qPrintable(db.error()));
    }

    void damagedPageInsideTheFileIsReported() {
        const QString path = makeDatabase(keyOf('a'), 400);
        QByteArray bytes = fileBytes(path);
        QVERIFY(bytes.size() >= 4 * 1024);
        // Flip a byte in the middle of the last page, where the rows live.
        bytes[bytes.size() - 512] = char(bytes.at(bytes.size() - 512) ^ 0x40);
        writeFile(path, bytes);
        auto db = Database::open(path, keyOf('a'), Database::Mode::OpenExisting);
        QVERIFY2(db, qPrintable(db.error()));
        auto select = db->prepare(QStringLiteral("SELECT body FROM notes"));
        QVERIFY(select);
        QString error;
        for (;;) {
            auto row = select->next();
            if (!row) {
                error = row.error();
                break;
            }
            if (!*row) break;
        }
        QVERIFY2(!error.isEmpty(), "reading a damaged page must fail");
        QVERIFY2(error.startsWith(QStringLiteral("the notebook database is damaged")) ||
                     error.contains(QStringLiteral("damaged")),
                 qPrintable(error));
    }

    void wrongKeyLengthIsRefused() {
        auto db =
            Database::open(newPath(), SecureBytes(QByteArray(16, 'a')), Database::Mode::Create);
        QVERIFY(!db);
        QVERIFY2(db.error().contains(QStringLiteral("32 bytes")), qPrintable(db.error()));
    }

    void fullDiskIsNamedPlainly() {
        auto db = Database::open(newPath(), keyOf('a'), Database::Mode::Create);
        QVERIFY2(db, qPrintable(db.error()));
        QVERIFY(db->exec(QStringLiteral("CREATE TABLE t(x)")));
        // A page limit is the portable way to reach SQLITE_FULL without filling a real disk.
        QVERIFY(db->exec(QStringLiteral("PRAGMA max_page_count = 8")));
        auto insert = db->prepare(QStringLiteral("INSERT INTO t VALUES (?)"));
        QVERIFY(insert);
        QString error;
        for (int i = 0; i < 100 && error.isEmpty(); ++i) {
            const auto ran = insert->bind(1, QByteArray(1000, 'x')).run();
            if (!ran) error = ran.error();
        }
        QCOMPARE(error, QStringLiteral("the disk is full"));
    }

    void statementErrorsNameTheStatement() {
        auto db = Database::open(newPath(), keyOf('a'), Database::Mode::Create);
        QVERIFY2(db, qPrintable(db.error()));
        QVERIFY(db->exec(QStringLiteral("CREATE TABLE t(x TEXT UNIQUE)")));

        const auto bad = db->prepare(QStringLiteral("SELEKT * FROM t"));
        QVERIFY(!bad);
        QVERIFY2(bad.error().contains(QStringLiteral("syntax error")), qPrintable(bad.error()));
        QVERIFY2(bad.error().contains(QStringLiteral("SELEKT * FROM t")), qPrintable(bad.error()));

        const auto two = db->prepare(QStringLiteral("SELECT 1; SELECT 2"));
        QVERIFY(!two);

        auto insert = db->prepare(QStringLiteral("INSERT INTO t VALUES (?)"));
        QVERIFY(insert);
        QVERIFY(insert->bind(1, QStringLiteral("same")).run());
        const auto duplicate = insert->run();
        QVERIFY(!duplicate);
        QVERIFY2(duplicate.error().contains(QStringLiteral("UNIQUE constraint failed")),
                 qPrintable(duplicate.error()));
        QVERIFY2(duplicate.error().contains(QStringLiteral("INSERT INTO t")),
                 qPrintable(duplicate.error()));

        // A bind error is not lost: the next step reports it.
        const auto outOfRange = insert->bind(7, QStringLiteral("x")).run();
        QVERIFY(!outOfRange);
        QVERIFY2(outOfRange.error().contains(QStringLiteral("parameter 7")),
                 qPrintable(outOfRange.error()));
        // And after that the statement works again.
        QVERIFY(insert->bind(1, QStringLiteral("other")).run());
        QCOMPARE(scalar(*db, QStringLiteral("SELECT count(*) FROM t")), 2);
    }

    void cachedStatementsAreReusedAndComeBackReset() {
        auto db = Database::open(newPath(), keyOf('a'), Database::Mode::Create);
        QVERIFY2(db, qPrintable(db.error()));
        QVERIFY(db->exec(QStringLiteral("CREATE TABLE t(x); INSERT INTO t VALUES (1), (2), (3)")));
        const QString sql = QStringLiteral("SELECT x FROM t WHERE x >= ? ORDER BY x");
        auto first = db->cached(sql);
        QVERIFY(first);
        (*first)->bind(1, 2);
        auto row = (*first)->next();
        QVERIFY(row && *row);
        QCOMPARE((*first)->integer(0), 2);

        // Left mid-iteration; the cache hands it back reset with its bindings cleared.
        auto again = db->cached(sql);
        QVERIFY(again);
        QCOMPARE(*again, *first);
        row = (*again)->next();
        QVERIFY(row);
        QVERIFY(!*row); // NULL bound: x >= NULL matches nothing
        (*again)->bind(1, 1);
        row = (*again)->next();
        QVERIFY(row && *row);
        QCOMPARE((*again)->integer(0), 1);

        auto other = db->cached(QStringLiteral("SELECT count(*) FROM t"));
        QVERIFY(other);
        QVERIFY(*other != *first);
    }

    void closedOrMovedFromDatabaseReportsInsteadOfCrashing() {
        auto db = Database::open(newPath(), keyOf('a'), Database::Mode::Create);
        QVERIFY2(db, qPrintable(db.error()));
        Database moved = std::move(*db);
        QVERIFY(moved.exec(QStringLiteral("CREATE TABLE t(x)")));
        QVERIFY(!db->exec(QStringLiteral("SELECT 1")));
        auto stmt = moved.prepare(QStringLiteral("SELECT count(*) FROM t"));
        QVERIFY(stmt);
        moved.close();
        QVERIFY(!moved.exec(QStringLiteral("SELECT 1")));
        QCOMPARE(moved.userVersion(), -1);
        // A statement that outlives its connection is finalized safely.
        Statement orphan = std::move(*stmt);
        Statement empty;
        QVERIFY(!empty.next());
        QVERIFY(!empty.run());
    }
};

QTEST_GUILESS_MAIN(TestDatabase)
#include "tst_database.moc"
