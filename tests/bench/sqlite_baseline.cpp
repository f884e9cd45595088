// quire-bench-sqlite: the plain-SQLite baseline of quire-bench. It runs as its own process
// because SQLCipher and the system libsqlite3 export the same symbols. It reads the texts
// quire-bench saved (and the queries it ran), stores them in an unencrypted table with an FTS4
// index under the same durability contract as Quire's vault (WAL, synchronous=NORMAL, one
// transaction per entry), once more in a single transaction, and runs the same search SQL.
// It prints one JSON object on stdout.

#include <sqlite3.h>

#include <QCoreApplication>
#include <QDataStream>
#include <QElapsedTimer>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRegularExpression>
#include <QStringList>
#include <QTextStream>
#include <QUuid>

#include <memory>

namespace {

constexpr quint32 kCorpusMagic = 0x51424331; // "QBC1", written by quire-bench

struct DbClose {
    void operator()(sqlite3 *db) const { sqlite3_close_v2(db); }
};
struct StmtFinalize {
    void operator()(sqlite3_stmt *st) const { sqlite3_finalize(st); }
};
using Db = std::unique_ptr<sqlite3, DbClose>;
using Stmt = std::unique_ptr<sqlite3_stmt, StmtFinalize>;

struct Entry {
    qint32 experiment = 0;
    QString title;
    QString html;
    QString text;
};

[[noreturn]] void die(const QString &message) {
    QTextStream(stderr) << "quire-bench-sqlite: " << message << Qt::endl;
    std::exit(1);
}

void check(sqlite3 *db, int rc, const char *what) {
    if (rc != SQLITE_OK && rc != SQLITE_DONE && rc != SQLITE_ROW)
        die(QStringLiteral("%1: %2").arg(QLatin1String(what),
                                         QString::fromUtf8(sqlite3_errmsg(db))));
}

void exec(sqlite3 *db, const char *sql) {
    char *error = nullptr;
    if (sqlite3_exec(db, sql, nullptr, nullptr, &error) != SQLITE_OK) {
        const QString message = QString::fromUtf8(error ? error : "unknown error");
        sqlite3_free(error);
        die(QStringLiteral("%1: %2").arg(QLatin1String(sql), message));
    }
}

Stmt prepare(sqlite3 *db, const char *sql) {
    sqlite3_stmt *raw = nullptr;
    check(db, sqlite3_prepare_v2(db, sql, -1, &raw, nullptr), sql);
    return Stmt(raw);
}

void bindText(sqlite3_stmt *st, int index, const QString &value) {
    const QByteArray utf8 = value.toUtf8();
    sqlite3_bind_text(st, index, utf8.constData(), int(utf8.size()), SQLITE_TRANSIENT);
}

void step(sqlite3 *db, sqlite3_stmt *st, const char *what) {
    check(db, sqlite3_step(st), what);
    sqlite3_reset(st);
}

// The same tables Quire materialises for search: a row per entry, and an FTS4 table with the
// tokenizer of storage/db/Schema.cpp.
Db openDatabase(const QString &path) {
    QFile::remove(path);
    QFile::remove(path + QStringLiteral("-wal"));
    QFile::remove(path + QStringLiteral("-shm"));
    sqlite3 *raw = nullptr;
    const int rc = sqlite3_open_v2(QFile::encodeName(path).constData(), &raw,
                                   SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE, nullptr);
    Db db(raw);
    check(db.get(), rc, "open");
    exec(db.get(), "PRAGMA journal_mode = WAL; PRAGMA synchronous = NORMAL; "
                   "PRAGMA temp_store = MEMORY;");
    exec(db.get(), R"sql(
CREATE TABLE entries(
    rowid INTEGER PRIMARY KEY,
    uuid TEXT NOT NULL UNIQUE,
    experiment INTEGER NOT NULL,
    title TEXT NOT NULL,
    html TEXT NOT NULL);
CREATE VIRTUAL TABLE search USING fts4(title, body, tokenize=unicode61 "remove_diacritics=1");
)sql");
    return db;
}

double insertAll(sqlite3 *db, const QList<Entry> &entries, bool transactionEach) {
    Stmt begin = prepare(db, "BEGIN");
    Stmt commit = prepare(db, "COMMIT");
    Stmt row = prepare(db, "INSERT INTO entries(uuid, experiment, title, html) VALUES(?,?,?,?)");
    Stmt fts = prepare(db, "INSERT INTO search(docid, title, body) VALUES(?,?,?)");
    QElapsedTimer timer;
    timer.start();
    if (!transactionEach) step(db, begin.get(), "BEGIN");
    for (const auto &e : entries) {
        if (transactionEach) step(db, begin.get(), "BEGIN");
        bindText(row.get(), 1, QUuid::createUuid().toString(QUuid::WithoutBraces));
        sqlite3_bind_int(row.get(), 2, e.experiment);
        bindText(row.get(), 3, e.title);
        bindText(row.get(), 4, e.html);
        step(db, row.get(), "insert entry");
        sqlite3_bind_int64(fts.get(), 1, sqlite3_last_insert_rowid(db));
        bindText(fts.get(), 2, e.title);
        bindText(fts.get(), 3, e.text);
        step(db, fts.get(), "insert search row");
        if (transactionEach) step(db, commit.get(), "COMMIT");
    }
    if (!transactionEach) step(db, commit.get(), "COMMIT");
    return double(timer.nsecsElapsed()) / 1e9;
}

qint64 fileBytes(const QString &path) {
    return QFileInfo(path).size() + QFileInfo(path + QStringLiteral("-wal")).size();
}

// The match expression Vault::search builds: every word a quoted prefix term, all required.
QString matchExpression(const QString &query) {
    static const QRegularExpression nonWord(QStringLiteral("[^\\p{L}\\p{N}]+"));
    QStringList terms;
    for (const auto &word : query.split(nonWord, Qt::SkipEmptyParts))
        terms << QStringLiteral("\"%1*\"").arg(word); // FTS4 prefix: the star inside the quotes
    return terms.join(' ');
}

} // namespace

int main(int argc, char *argv[]) {
    QCoreApplication app(argc, argv);
    const QStringList args = QCoreApplication::arguments();
    auto option = [&](const QString &name) {
        const qsizetype i = args.indexOf(name);
        return i >= 0 && i + 1 < args.size() ? args[i + 1] : QString();
    };
    const QString corpusPath = option(QStringLiteral("--corpus"));
    const QString queriesPath = option(QStringLiteral("--queries"));
    const QString dir = option(QStringLiteral("--dir"));
    const int limit = option(QStringLiteral("--limit")).isEmpty()
                          ? 50
                          : option(QStringLiteral("--limit")).toInt();
    if (corpusPath.isEmpty() || dir.isEmpty())
        die(QStringLiteral(
            "usage: quire-bench-sqlite --corpus FILE [--queries FILE] --dir DIR [--limit N]"));

    QList<Entry> entries;
    {
        QFile f(corpusPath);
        if (!f.open(QIODevice::ReadOnly))
            die(QStringLiteral("cannot read %1: %2").arg(corpusPath, f.errorString()));
        QDataStream ds(&f);
        ds.setVersion(QDataStream::Qt_6_4);
        quint32 magic = 0;
        qint32 count = 0;
        ds >> magic >> count;
        if (magic != kCorpusMagic || count < 0)
            die(QStringLiteral("%1 is not a quire-bench corpus").arg(corpusPath));
        entries.reserve(count);
        for (qint32 i = 0; i < count; ++i) {
            Entry e;
            ds >> e.experiment >> e.title >> e.html >> e.text;
            entries << std::move(e);
        }
        if (ds.status() != QDataStream::Ok) die(QStringLiteral("%1 is truncated").arg(corpusPath));
    }
    QStringList queries;
    if (!queriesPath.isEmpty()) {
        QFile f(queriesPath);
        if (!f.open(QIODevice::ReadOnly))
            die(QStringLiteral("cannot read %1: %2").arg(queriesPath, f.errorString()));
        QDataStream ds(&f);
        ds.setVersion(QDataStream::Qt_6_4);
        ds >> queries;
    }

    QJsonObject result{{"sqlite_version", QString::fromLatin1(sqlite3_libversion())}};
    {
        const QString path = dir + QStringLiteral("/one-transaction.db");
        Db db = openDatabase(path);
        const double seconds = insertAll(db.get(), entries, false);
        result.insert("one_transaction", QJsonObject{{"count", qint64(entries.size())},
                                                     {"seconds", seconds},
                                                     {"bytes", fileBytes(path)}});
    }
    const QString path = dir + QStringLiteral("/per-transaction.db");
    Db db = openDatabase(path);
    const double seconds = insertAll(db.get(), entries, true);
    result.insert("per_transaction", QJsonObject{{"count", qint64(entries.size())},
                                                 {"seconds", seconds},
                                                 {"bytes", fileBytes(path)}});
    entries.clear();

    // The statement of Vault::search, with the entries table in place of search_docs.
    Stmt search =
        prepare(db.get(),
                "SELECT e.uuid, e.experiment, m.title, m.snip FROM (SELECT docid, title, "
                "snippet(search, '[[', ']]', '…', -1, 12) AS snip FROM search WHERE search MATCH ? "
                "ORDER BY docid DESC LIMIT ?) m JOIN entries e ON e.rowid = m.docid");
    QJsonArray latencies, hits;
    for (const auto &q : queries) {
        QElapsedTimer t;
        t.start();
        const QString expression = matchExpression(q);
        int found = 0;
        if (!expression.isEmpty()) {
            bindText(search.get(), 1, expression);
            sqlite3_bind_int(search.get(), 2, limit);
            int rc;
            while ((rc = sqlite3_step(search.get())) == SQLITE_ROW) {
                // Read every column, as Quire turns each row into a hit.
                for (int c = 0; c < 4; ++c)
                    (void)QString::fromUtf8(
                        reinterpret_cast<const char *>(sqlite3_column_text(search.get(), c)));
                ++found;
            }
            check(db.get(), rc, "search");
            sqlite3_reset(search.get());
        }
        latencies.append(double(t.nsecsElapsed()) / 1e6);
        hits.append(found);
    }
    result.insert("search", QJsonObject{{"latencies_ms", latencies}, {"hits", hits}});
    QTextStream(stdout) << QJsonDocument(result).toJson(QJsonDocument::Compact) << Qt::endl;
    return 0;
}
