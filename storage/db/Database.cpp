#include "db/Database.h"

// sqlite3_key_v2/sqlite3_rekey_v2 are only declared when the codec is announced. They do the
// same as PRAGMA key/rekey, but the key never passes through SQL text, so SQLite's parser makes
// no copies of it that SQLCipher 3.4 would free without wiping.
#define SQLITE_HAS_CODEC 1
#include <sqlcipher/sqlite3.h>

#include <QCoreApplication>
#include <QFile>
#include <QFileInfo>

#include <cstring>
#include <unordered_map>

namespace quire {

namespace {

// A file whose size is a whole number of pages looks like a notebook database, so a first page
// that does not decrypt most likely means another key rather than damage.
constexpr int kBusyTimeoutMs = 5000;
constexpr int kRawKeySize = 32;

struct ConnectionCloser {
    // close_v2 lets statements outlive the connection: it becomes a zombie until the last one
    // is finalized, so a stray Statement cannot crash at exit.
    void operator()(sqlite3 *db) const { sqlite3_close_v2(db); }
};
using Connection = std::unique_ptr<sqlite3, ConnectionCloser>;

struct StatementFinalizer {
    void operator()(sqlite3_stmt *stmt) const { sqlite3_finalize(stmt); }
};
using StatementHandle = std::unique_ptr<sqlite3_stmt, StatementFinalizer>;

QString shortSql(const QString &sql) {
    constexpr int limit = 60;
    const QString simple = sql.simplified();
    return simple.size() <= limit ? simple : simple.left(limit) + QStringLiteral("…");
}

QString databasePath(sqlite3 *db) {
    const char *name = db ? sqlite3_db_filename(db, "main") : nullptr;
    return name ? QString::fromUtf8(name) : QString();
}

QString systemErrorSuffix(sqlite3 *db) {
    const int err = db ? sqlite3_system_errno(db) : 0;
    return err ? QStringLiteral(" (%1)").arg(QString::fromLocal8Bit(std::strerror(err)))
               : QString();
}

// Turns an SQLite result into a message. Conditions a person can act on (disk full, damage,
// permissions, another program holding the lock) are named plainly; anything else is a bug in
// our SQL, so the message keeps SQLite's text and names the statement.
QString describe(sqlite3 *db, int rc, const QString &detail, const QString &sql) {
    switch (rc & 0xff) {
    case SQLITE_FULL:
        return QCoreApplication::translate("quire::storage", "the disk is full");
    case SQLITE_CORRUPT:
    case SQLITE_NOTADB:
        return QCoreApplication::translate("quire::storage", "the notebook database is damaged");
    case SQLITE_READONLY:
        return QCoreApplication::translate(
                   "quire::storage",
                   "could not write to the notebook database at %1: it is read-only")
            .arg(databasePath(db));
    case SQLITE_CANTOPEN:
        return QCoreApplication::translate("quire::storage", "could not open %1: %2%3")
            .arg(databasePath(db), detail, systemErrorSuffix(db));
    case SQLITE_IOERR:
        return QCoreApplication::translate(
                   "quire::storage", "could not read or write the notebook database at %1: %2%3")
            .arg(databasePath(db), detail, systemErrorSuffix(db));
    case SQLITE_BUSY:
    case SQLITE_LOCKED:
        return QCoreApplication::translate("quire::storage",
                                           "the notebook database is in use by another program");
    case SQLITE_NOMEM:
        return QCoreApplication::translate("quire::storage", "there is not enough memory");
    default:
        return sql.isEmpty() ? detail : QStringLiteral("%1 (in: %2)").arg(detail, shortSql(sql));
    }
}

Error failure(sqlite3 *db, int rc, const QString &sql = {}) {
    return fail(
        describe(db, rc, QString::fromUtf8(db ? sqlite3_errmsg(db) : sqlite3_errstr(rc)), sql));
}

// "x'<64 hex digits>'" — SQLCipher's form for a raw key, which skips its own PBKDF2 (the key
// already comes from scrypt). Built straight into a buffer that SecureBytes owns alone, so
// the hex text is wiped when it goes out of scope.
crypto::SecureBytes rawKeyLiteral(const crypto::SecureBytes &rawKey) {
    static constexpr char digits[] = "0123456789abcdef";
    const QByteArray &raw = rawKey.bytes();
    QByteArray text(3 + 2 * raw.size(), Qt::Uninitialized);
    char *out = text.data();
    *out++ = 'x';
    *out++ = '\'';
    for (const char c : raw) {
        const auto byte = static_cast<unsigned char>(c);
        *out++ = digits[byte >> 4];
        *out++ = digits[byte & 0x0f];
    }
    *out = '\'';
    return crypto::SecureBytes(std::move(text));
}

Result<Connection> openConnection(const QString &path, int flags) {
    sqlite3 *raw = nullptr;
    const int rc = sqlite3_open_v2(QFile::encodeName(path).constData(), &raw,
                                   flags | SQLITE_OPEN_NOMUTEX, nullptr);
    Connection db(raw); // sqlite3_open_v2 may hand back a handle even when it fails
    if (rc != SQLITE_OK) {
        if ((rc & 0xff) == SQLITE_CANTOPEN || !db)
            return fail(
                QCoreApplication::translate("quire::storage", "could not open %1: %2%3")
                    .arg(path,
                         QString::fromUtf8(db ? sqlite3_errmsg(db.get()) : sqlite3_errstr(rc)),
                         systemErrorSuffix(db.get())));
        return failure(db.get(), rc);
    }
    sqlite3_extended_result_codes(db.get(), 1);
    sqlite3_busy_timeout(db.get(), kBusyTimeoutMs);
    return db;
}

// Applies the key and proves it by reading the schema from page 1. SQLCipher says only "not a
// database" both for another key and for garbage, so the file's size decides which one to
// report: a whole number of pages is taken for a wrong passphrase (the cause a person can fix).
Result<void> applyAndVerifyKey(sqlite3 *db, const crypto::SecureBytes &rawKey, qint64 fileSize,
                               int pageSize) {
    {
        const crypto::SecureBytes literal = rawKeyLiteral(rawKey);
        const int rc = sqlite3_key_v2(db, "main", literal.bytes().constData(), literal.size());
        if (rc != SQLITE_OK) return failure(db, rc);
        // The page size is not stored in the encrypted file; it has to be named before the
        // first page is read.
        const QByteArray pragma = "PRAGMA cipher_page_size = " + QByteArray::number(pageSize) + ';';
        const int sizeRc = sqlite3_exec(db, pragma.constData(), nullptr, nullptr, nullptr);
        if (sizeRc != SQLITE_OK) return failure(db, sizeRc, QString::fromLatin1(pragma));
    }
    const int rc =
        sqlite3_exec(db, "SELECT count(*) FROM sqlite_master;", nullptr, nullptr, nullptr);
    if (rc == SQLITE_OK) return {};
    if ((rc & 0xff) == SQLITE_NOTADB) {
        if (fileSize >= pageSize && fileSize % pageSize == 0)
            return fail(QCoreApplication::translate("quire::storage", "the passphrase is wrong"));
        return fail(
            QCoreApplication::translate("quire::storage", "the notebook database is damaged"));
    }
    return failure(db, rc);
}

Result<QString> pragmaText(sqlite3 *db, const char *sql) {
    sqlite3_stmt *raw = nullptr;
    int rc = sqlite3_prepare_v2(db, sql, -1, &raw, nullptr);
    StatementHandle stmt(raw);
    if (rc != SQLITE_OK) return failure(db, rc, QString::fromUtf8(sql));
    rc = sqlite3_step(stmt.get());
    if (rc == SQLITE_ROW)
        return QString::fromUtf8(
            reinterpret_cast<const char *>(sqlite3_column_text(stmt.get(), 0)));
    if (rc == SQLITE_DONE) return QString();
    return failure(db, rc, QString::fromUtf8(sql));
}

struct QStringHash {
    size_t operator()(const QString &s) const noexcept { return qHash(s); }
};

} // namespace

// ---------------------------------------------------------------------------------------------
// Statement

struct Statement::Impl {
    StatementHandle stmt;
    QString sql;
    // Text and blobs are bound without copying (SQLITE_STATIC); these implicitly shared
    // buffers keep the bytes alive until the parameter is rebound or the bindings are cleared.
    std::unordered_map<int, QByteArray> bound;
    // The first bind error, reported by the next step so that chained binds stay simple and no
    // error is dropped.
    QString bindError;

    sqlite3 *db() const { return sqlite3_db_handle(stmt.get()); }

    // Binding means "the next run starts here": a statement stopped mid-way through its rows
    // would refuse new values (SQLITE_MISUSE), so it is rewound first; other bindings stay.
    void rewindIfBusy() {
        if (sqlite3_stmt_busy(stmt.get())) sqlite3_reset(stmt.get());
    }

    void noteBind(int index, int rc) {
        if (rc != SQLITE_OK && bindError.isEmpty())
            bindError = QStringLiteral("could not bind parameter %1: %2 (in: %3)")
                            .arg(index)
                            .arg(QString::fromUtf8(sqlite3_errmsg(db())), shortSql(sql));
    }
};

Statement::Statement() = default;
Statement::~Statement() = default;
Statement::Statement(Statement &&) noexcept = default;
Statement &Statement::operator=(Statement &&) noexcept = default;

Statement &Statement::bind(int index, const QString &text) {
    if (!d || !d->stmt) return *this;
    d->rewindIfBusy();
    QByteArray utf8 = text.toUtf8();
    const int rc = sqlite3_bind_text64(d->stmt.get(), index, utf8.constData(),
                                       sqlite3_uint64(utf8.size()), SQLITE_STATIC, SQLITE_UTF8);
    d->bound[index] = std::move(utf8);
    d->noteBind(index, rc);
    return *this;
}

Statement &Statement::bind(int index, const QByteArray &blob) {
    if (!d || !d->stmt) return *this;
    d->rewindIfBusy();
    // constData() of an empty QByteArray is "" rather than null, so an empty array binds as a
    // zero-length blob, not as NULL.
    const int rc = sqlite3_bind_blob64(d->stmt.get(), index, blob.constData(),
                                       sqlite3_uint64(blob.size()), SQLITE_STATIC);
    d->bound[index] = blob;
    d->noteBind(index, rc);
    return *this;
}

Statement &Statement::bind(int index, qint64 number) {
    if (!d || !d->stmt) return *this;
    d->rewindIfBusy();
    d->noteBind(index, sqlite3_bind_int64(d->stmt.get(), index, number));
    d->bound.erase(index);
    return *this;
}

Statement &Statement::bindNull(int index) {
    if (!d || !d->stmt) return *this;
    d->rewindIfBusy();
    d->noteBind(index, sqlite3_bind_null(d->stmt.get(), index));
    d->bound.erase(index);
    return *this;
}

Result<bool> Statement::next() {
    if (!d || !d->stmt)
        return fail(
            QCoreApplication::translate("quire::storage", "the statement was not prepared"));
    if (!d->bindError.isEmpty()) {
        const QString message = d->bindError;
        reset();
        return fail(message);
    }
    const int rc = sqlite3_step(d->stmt.get());
    if (rc == SQLITE_ROW) return true;
    if (rc == SQLITE_DONE) {
        // Rewound at once so that the statement can be bound and run again, and so that it
        // does not pin a read snapshot of the WAL while it sits in the cache.
        sqlite3_reset(d->stmt.get());
        return false;
    }
    const Error error = failure(d->db(), rc, d->sql);
    // Leave the statement reusable; reset reports the same error again, which we already have.
    sqlite3_reset(d->stmt.get());
    return error;
}

Result<void> Statement::run() {
    for (;;) {
        const Result<bool> step = next();
        if (!step) return step.failure();
        if (!*step) return {}; // next() has rewound it; bindings stay for a re-run
    }
}

void Statement::reset() {
    if (!d || !d->stmt) return;
    sqlite3_reset(d->stmt.get());
    sqlite3_clear_bindings(d->stmt.get());
    d->bound.clear();
    d->bindError.clear();
}

QString Statement::text(int column) const {
    if (!d || !d->stmt) return {};
    // Ask for the text before its length: sqlite3_column_text may convert the value.
    const auto *data = reinterpret_cast<const char *>(sqlite3_column_text(d->stmt.get(), column));
    const int size = sqlite3_column_bytes(d->stmt.get(), column);
    return data ? QString::fromUtf8(data, size) : QString();
}

QByteArray Statement::blob(int column) const {
    if (!d || !d->stmt) return {};
    const auto *data = static_cast<const char *>(sqlite3_column_blob(d->stmt.get(), column));
    const int size = sqlite3_column_bytes(d->stmt.get(), column);
    return data ? QByteArray(data, size) : QByteArray();
}

qint64 Statement::integer(int column) const {
    return d && d->stmt ? sqlite3_column_int64(d->stmt.get(), column) : 0;
}

bool Statement::isNull(int column) const {
    return !d || !d->stmt || sqlite3_column_type(d->stmt.get(), column) == SQLITE_NULL;
}

// ---------------------------------------------------------------------------------------------
// Database

struct Database::Impl {
    Connection db;
    QString path;
    int pageSize = Database::kDefaultPageSize;
    // Transactions begun inside another one (Vault::inOneTransaction around appends and stored
    // attachments): each is a savepoint, so that only the outermost commit makes anything last.
    int savepoints = 0;
    // Declared after db so that the statements are finalized before the connection closes.
    std::unordered_map<QString, std::unique_ptr<Statement>, QStringHash> cache;
};

namespace {
Error notOpen() {
    return fail(QCoreApplication::translate("quire::storage", "the notebook database is not open"));
}
} // namespace

Database::Database() = default;
Database::~Database() {
    close();
}
Database::Database(Database &&) noexcept = default;
Database &Database::operator=(Database &&other) noexcept {
    if (this != &other) {
        close();
        d = std::move(other.d);
    }
    return *this;
}

Result<Database> Database::open(const QString &path, const crypto::SecureBytes &rawKey, Mode mode,
                                int pageSize) {
    if (pageSize < 512 || pageSize > 65536 || (pageSize & (pageSize - 1)) != 0)
        return fail(QCoreApplication::translate(
                        "quire::storage", "could not open %1: %2 bytes is not a database page size")
                        .arg(path)
                        .arg(pageSize));
    if (rawKey.size() != kRawKeySize)
        return fail(QCoreApplication::translate("quire::storage",
                                                "could not open %1: the key must be %2 bytes")
                        .arg(path)
                        .arg(kRawKeySize));

    const QFileInfo info(path);
    const qint64 size = info.exists() ? info.size() : 0;
    if (mode == Mode::Create) {
        if (info.exists() && (!info.isFile() || size > 0))
            return fail(QCoreApplication::translate("quire::storage",
                                                    "could not create %1: a file is already there")
                            .arg(path));
    } else {
        if (!info.exists())
            return fail(QCoreApplication::translate("quire::storage",
                                                    "could not open %1: the file does not exist")
                            .arg(path));
        if (!info.isFile())
            return fail(
                QCoreApplication::translate("quire::storage", "could not open %1: it is not a file")
                    .arg(path));
        // SQLite would take an empty file for a new database and write a fresh one into it.
        if (size == 0)
            return fail(
                QCoreApplication::translate("quire::storage", "the notebook database is damaged"));
        QFile file(path);
        if (file.open(QIODevice::ReadOnly) && file.read(16) == QByteArray("SQLite format 3", 16))
            return fail(QCoreApplication::translate(
                "quire::storage", "the notebook database is damaged: it is not encrypted"));

        // Prove the key on a read-only connection first. A read-write connection that gave up
        // on a wrong key would still checkpoint a leftover WAL into the file when it closes;
        // a read-only one cannot, so a wrong passphrase leaves every byte as it was.
        Result<Connection> probe = openConnection(path, SQLITE_OPEN_READONLY);
        if (!probe) return probe.failure();
        const Result<void> keyed = applyAndVerifyKey(probe->get(), rawKey, size, pageSize);
        if (!keyed) return keyed.failure();
    }

    const int flags =
        mode == Mode::Create ? SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE : SQLITE_OPEN_READWRITE;
    Result<Connection> connection = openConnection(path, flags);
    if (!connection) return connection.failure();
    sqlite3 *db = connection->get();

    // SQLite silently falls back to read-only when the file is not writable; say so now rather
    // than at the first save.
    if (sqlite3_db_readonly(db, "main") == 1)
        return fail(QCoreApplication::translate("quire::storage",
                                                "could not open %1: the file is read-only")
                        .arg(path));

    if (const Result<void> keyed = applyAndVerifyKey(db, rawKey, size, pageSize); !keyed)
        return keyed.failure();

    // SQLCipher 3.4 has no cipher_memory_security pragma (it arrived in 4.0); 3.x always wipes
    // its own key and page buffers when it frees them. HMAC per page is on by default.
    const Result<QString> journal = pragmaText(db, "PRAGMA journal_mode = WAL;");
    if (!journal) return journal.failure();
    if (journal->compare(QLatin1String("wal"), Qt::CaseInsensitive) != 0)
        return fail(QCoreApplication::translate(
                        "quire::storage",
                        "could not open %1: the database cannot use a write-ahead log "
                        "(journal mode is %2)")
                        .arg(path, *journal));
    const char *settings = "PRAGMA synchronous = NORMAL;"
                           "PRAGMA foreign_keys = ON;"
                           "PRAGMA temp_store = MEMORY;"
                           // Freed pages are ciphertext already; zeroing them (SQLCipher's
                           // default) only doubles the pages written per save.
                           "PRAGMA secure_delete = OFF;"
                           // Index pages of random keys (record ids, paths) are touched all over
                           // the file; a larger cache keeps a batch from spilling and
                           // re-encrypting pages before its commit.
                           "PRAGMA cache_size = -32768;"
                           // A batch of 1,000 entries writes some 6,000 pages (leaves of the
                           // random-key indexes); with SQLite's default of a checkpoint every
                           // 1,000 pages each commit copied all of them into the file and
                           // synced it, a fifth of a bulk save at 100,000 entries. Every 16,384
                           // pages (64 MiB of log) a leaf that several batches touched is
                           // copied once: 2,482 → 2,805 entries/s in batches. After a
                           // checkpoint the log file is cut back to 16 MiB.
                           "PRAGMA wal_autocheckpoint = 16384;"
                           "PRAGMA journal_size_limit = 16777216;";
    if (const int rc = sqlite3_exec(db, settings, nullptr, nullptr, nullptr); rc != SQLITE_OK)
        return failure(db, rc, QString::fromUtf8(settings));

    Database result;
    result.d = std::make_unique<Impl>();
    result.d->db = std::move(connection.value());
    result.d->path = path;
    result.d->pageSize = pageSize;
    return result;
}

Result<void> Database::exec(const QString &sql) {
    if (!d || !d->db) return notOpen();
    char *message = nullptr;
    const int rc = sqlite3_exec(d->db.get(), sql.toUtf8().constData(), nullptr, nullptr, &message);
    if (rc == SQLITE_OK) return {};
    const QString detail =
        message ? QString::fromUtf8(message) : QString::fromUtf8(sqlite3_errmsg(d->db.get()));
    sqlite3_free(message);
    return fail(describe(d->db.get(), rc, detail, sql));
}

Result<void> Database::setCacheKiB(int kib) {
    return exec(QStringLiteral("PRAGMA cache_size = -%1;").arg(kib));
}

Result<Statement> Database::prepare(const QString &sql) {
    if (!d || !d->db) return notOpen();
    const QByteArray utf8 = sql.toUtf8();
    sqlite3_stmt *raw = nullptr;
    const char *tail = nullptr;
    const int rc = sqlite3_prepare_v2(d->db.get(), utf8.constData(), int(utf8.size()), &raw, &tail);
    StatementHandle stmt(raw);
    if (rc != SQLITE_OK) return failure(d->db.get(), rc, sql);
    if (!stmt)
        return fail(
            QCoreApplication::translate("quire::storage", "there is no SQL statement in \"%1\"")
                .arg(shortSql(sql)));
    // Only the first statement would run; refuse rather than silently drop the rest.
    if (tail && !QByteArray(tail).trimmed().isEmpty())
        return fail(
            QCoreApplication::translate("quire::storage", "prepare takes one statement (in: %1)")
                .arg(shortSql(sql)));

    Statement statement;
    statement.d = std::make_unique<Statement::Impl>();
    statement.d->stmt = std::move(stmt);
    statement.d->sql = sql;
    return statement;
}

Result<Statement *> Database::cached(const QString &sql) {
    if (!d || !d->db) return notOpen();
    if (const auto found = d->cache.find(sql); found != d->cache.end()) {
        found->second->reset();
        return found->second.get();
    }
    Result<Statement> prepared = prepare(sql);
    if (!prepared) return prepared.failure();
    auto owned = std::make_unique<Statement>(std::move(prepared.value()));
    Statement *pointer = owned.get();
    d->cache.emplace(sql, std::move(owned));
    return pointer;
}

Result<void> Database::begin() {
    if (!d || !d->db) return notOpen();
    if (sqlite3_get_autocommit(d->db.get())) {
        d->savepoints = 0;
        return exec(QStringLiteral("BEGIN IMMEDIATE;"));
    }
    auto r = exec(QStringLiteral("SAVEPOINT quire_%1;").arg(d->savepoints + 1));
    if (r) ++d->savepoints;
    return r;
}

Result<void> Database::commit() {
    if (!d || !d->db) return notOpen();
    if (d->savepoints > 0 && !sqlite3_get_autocommit(d->db.get()))
        return exec(QStringLiteral("RELEASE quire_%1;").arg(d->savepoints--));
    d->savepoints = 0;
    return exec(QStringLiteral("COMMIT;"));
}

Result<void> Database::rollback() {
    if (!d || !d->db) return notOpen();
    // Some errors (a full disk, for one) already roll the transaction back; there is then
    // nothing left to undo and no reason to report a second error.
    if (sqlite3_get_autocommit(d->db.get())) {
        d->savepoints = 0;
        return {};
    }
    if (d->savepoints > 0) {
        const int n = d->savepoints--;
        return exec(QStringLiteral("ROLLBACK TO quire_%1; RELEASE quire_%1;").arg(n));
    }
    return exec(QStringLiteral("ROLLBACK;"));
}

Result<void> Database::rekey(const crypto::SecureBytes &newRawKey) {
    if (!d || !d->db) return notOpen();
    if (newRawKey.size() != kRawKeySize)
        return fail(QCoreApplication::translate(
                        "quire::storage", "could not change the key: the key must be %1 bytes")
                        .arg(kRawKeySize));
    sqlite3 *db = d->db.get();
    if (!sqlite3_get_autocommit(db))
        return fail(QCoreApplication::translate(
            "quire::storage", "could not change the key: a transaction is still open"));
    {
        const crypto::SecureBytes literal = rawKeyLiteral(newRawKey);
        const int rc = sqlite3_rekey_v2(db, "main", literal.bytes().constData(), literal.size());
        if (rc != SQLITE_OK) {
            const Error error = failure(db, rc);
            return fail(
                QCoreApplication::translate("quire::storage", "could not change the key: %1")
                    .arg(error.message));
        }
    }
    // The rekeyed pages sit in the WAL; move them into the main file so that it is readable
    // with the new key alone. A reader elsewhere may keep the checkpoint from finishing, which
    // is harmless: the WAL is part of the database until the next checkpoint.
    (void)sqlite3_wal_checkpoint_v2(db, "main", SQLITE_CHECKPOINT_TRUNCATE, nullptr, nullptr);

    // Prove it the way the next unlock will: a fresh connection with only the new key.
    Result<Connection> probe = openConnection(d->path, SQLITE_OPEN_READONLY);
    if (!probe) return probe.failure();
    const Result<void> verified =
        applyAndVerifyKey(probe->get(), newRawKey, QFileInfo(d->path).size(), d->pageSize);
    if (!verified)
        return fail(
            QCoreApplication::translate("quire::storage", "the new key could not be verified: %1")
                .arg(verified.error()));
    return {};
}

int Database::userVersion() {
    if (!d || !d->db) return -1;
    const Result<QString> version = pragmaText(d->db.get(), "PRAGMA user_version;");
    return version ? version->toInt() : -1;
}

Result<void> Database::migrate(const QList<QString> &migrations) {
    if (!d || !d->db) return notOpen();
    const int current = userVersion();
    if (current < 0)
        return fail(QCoreApplication::translate("quire::storage",
                                                "could not read the notebook database's version"));
    if (current > migrations.size())
        return fail(
            QCoreApplication::translate("quire::storage",
                                        "the notebook database was written by a newer version of "
                                        "Quire (database version %1, this program knows up to %2)")
                .arg(current)
                .arg(migrations.size()));

    for (int i = current; i < migrations.size(); ++i) {
        const int target = i + 1;
        auto upgradeFailed = [&](const QString &why) {
            (void)rollback();
            return fail(
                QCoreApplication::translate(
                    "quire::storage", "could not upgrade the notebook database to version %1: %2")
                    .arg(target)
                    .arg(why));
        };
        if (const Result<void> started = begin(); !started) return upgradeFailed(started.error());
        if (const Result<void> ran = exec(migrations.at(i)); !ran)
            return upgradeFailed(ran.error());
        if (const Result<void> set = exec(QStringLiteral("PRAGMA user_version = %1;").arg(target));
            !set)
            return upgradeFailed(set.error());
        if (const Result<void> done = commit(); !done) return upgradeFailed(done.error());
    }
    return {};
}

qint64 Database::lastInsertRowId() const {
    return d && d->db ? sqlite3_last_insert_rowid(d->db.get()) : 0;
}

int Database::changes() const {
    return d && d->db ? sqlite3_changes(d->db.get()) : 0;
}

QString Database::path() const {
    return d ? d->path : QString();
}

Result<void> Database::backupInto(Database &destination) {
    if (!d || !d->db || !destination.d || !destination.d->db) return notOpen();
    destination.d->cache.clear();
    sqlite3_backup *backup =
        sqlite3_backup_init(destination.d->db.get(), "main", d->db.get(), "main");
    if (!backup)
        return fail(QCoreApplication::translate("quire::storage",
                                                "could not start the backup of the database: %1")
                        .arg(QString::fromUtf8(sqlite3_errmsg(destination.d->db.get()))));
    // All pages in one step: the source is read in one transaction, so the copy is consistent.
    const int step = sqlite3_backup_step(backup, -1);
    const int rc = sqlite3_backup_finish(backup);
    if (step != SQLITE_DONE || rc != SQLITE_OK)
        return fail(
            QCoreApplication::translate("quire::storage", "the backup of the database failed: %1")
                .arg(QString::fromUtf8(sqlite3_errmsg(destination.d->db.get()))));
    return {};
}

void Database::close() {
    if (!d) return;
    d->cache.clear();
    d->db.reset();
}

} // namespace quire
