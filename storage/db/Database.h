#pragma once
// storage/db/: the SQLCipher database of a vault — one connection with prepared statements and
// transactions (this file) and the numbered migrations of its tables (Schema.h). What the tables
// mean is vault/'s business; db/ links crypto/ (for the key) and nothing above it.

// Database: one SQLCipher connection (per thread), opened with a raw 32-byte key. Opening
// verifies the key before anything is written; statements are prepared once and reused.
// No sqlite3 pointer leaves Database.cpp.

#include "crypto/Crypto.h"
#include "Result.h"

#include <QByteArray>
#include <QList>
#include <QString>
#include <QVariant>

#include <memory>
#include <type_traits>

namespace quire {

class Database;

// A prepared statement. Bind parameters are 1-based like SQLite's.
class Statement {
public:
    Statement();
    ~Statement();
    Statement(Statement &&) noexcept;
    Statement &operator=(Statement &&) noexcept;

    Statement &bind(int index, const QString &text);
    Statement &bind(int index, const QByteArray &blob); // stored as BLOB
    Statement &bind(int index, const char *text) { return bind(index, QString::fromUtf8(text)); }
    Statement &bind(int index, qint64 number);
    Statement &bind(int index, int number) { return bind(index, qint64(number)); }
    Statement &bindNull(int index);

    // Steps once: true while a row is available, false when done. Errors carry SQLite's text
    // and the statement.
    Result<bool> next();
    // Steps to completion (for INSERT/UPDATE/DELETE); resets afterwards.
    Result<void> run();
    void reset(); // also clears bindings

    // Steps through every remaining row, turning each into a value with `toValue`.
    template <typename F>
    Result<QList<std::invoke_result_t<F, const Statement &>>> collect(F toValue) {
        QList<std::invoke_result_t<F, const Statement &>> out;
        while (true) {
            auto more = next();
            if (!more) return more.failure();
            if (!*more) return out;
            out << toValue(*this);
        }
    }

    QString text(int column) const;
    QByteArray blob(int column) const;
    qint64 integer(int column) const;
    bool isNull(int column) const;

private:
    friend class Database;
    struct Impl;
    std::unique_ptr<Impl> d;
};

class Database {
public:
    Database();
    ~Database();
    Database(Database &&) noexcept;
    Database &operator=(Database &&) noexcept;

    enum class Mode { OpenExisting, Create };
    // Opens (or creates) `path` with the raw key (32 bytes -> PRAGMA key = "x'..'"), verifies
    // the key by reading the schema, then sets WAL mode, synchronous=NORMAL, foreign_keys=ON,
    // busy timeout. A wrong key gives the error "the passphrase is wrong" and writes nothing.
    // `pageSize` is SQLCipher's page size, which the encrypted file does not record: 1024 is
    // SQLCipher 3's default; new vaults use 4096, which halves the bytes encrypted per save.
    static Result<Database> open(const QString &path, const crypto::SecureBytes &rawKey, Mode mode,
                                 int pageSize = kDefaultPageSize);
    static constexpr int kDefaultPageSize = 1024;

    Result<void> exec(const QString &sql); // one or more statements, no results
    // The page cache's size in KiB (32 MiB after open). A large import raises it for a while:
    // its random index keys touch pages all over a file that outgrows the usual cache.
    Result<void> setCacheKiB(int kib);
    Result<Statement> prepare(const QString &sql);
    // A cached prepared statement for `sql` (reset and ready to bind).
    Result<Statement *> cached(const QString &sql);

    // BEGIN IMMEDIATE; inside a transaction already, a savepoint that commit() releases and
    // rollback() undoes, so that the outermost transaction decides whether anything lasts.
    Result<void> begin();
    Result<void> commit();
    Result<void> rollback();

    // Changes the key (PRAGMA rekey) in place.
    Result<void> rekey(const crypto::SecureBytes &newRawKey);

    // Copies every page of this database into `destination` (opened with the same key and page
    // size) with SQLite's online backup, as one consistent snapshot.
    Result<void> backupInto(Database &destination);

    int userVersion();
    // Runs migrations[i] for every i >= user_version, each in its own transaction that also
    // sets user_version = i + 1.
    Result<void> migrate(const QList<QString> &migrations);

    qint64 lastInsertRowId() const;
    int changes() const;
    QString path() const;
    void close();

private:
    struct Impl;
    std::unique_ptr<Impl> d;
};

// Rolls back unless commit() was called.
class Transaction {
public:
    explicit Transaction(Database &db)
        : m_db(db) {
        m_status = db.begin();
    }
    ~Transaction() {
        if (m_status.ok() && !m_done) (void)m_db.rollback();
    }
    Transaction(const Transaction &) = delete;
    Transaction &operator=(const Transaction &) = delete;
    const Result<void> &started() const { return m_status; }
    Result<void> commit() {
        m_done = true;
        return m_db.commit();
    }
    // Makes what was done so far durable and goes on in a new transaction, which this object
    // then rolls back or commits. A long import does this now and then, so that the
    // write-ahead log is folded into the database as it goes instead of growing to its size.
    Result<void> commitAndContinue() {
        if (auto r = m_db.commit(); !r) {
            m_done = true;
            return r;
        }
        m_status = m_db.begin();
        return m_status;
    }

private:
    Database &m_db;
    Result<void> m_status;
    bool m_done = false;
};

} // namespace quire
