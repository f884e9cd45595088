// Vault: creating, opening and unlocking a vault folder, its keys and passphrase, and the
// settings kept in sync_state. The other parts of the vault are beside this file.

#include "vault/VaultImpl.h"

#include "crypto/Timestamp.h"
#include "db/Schema.h"
#include "html/HtmlSanitizer.h"
#include "Parallel.h"
#include "records/CanonicalJson.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonDocument>
#include <QSaveFile>
#include <QThread>

#include <algorithm>
#include <optional>
#include <vector>

namespace quire {

using namespace vaultimpl;

namespace {

constexpr auto kVaultFormat = "quire-vault/1";
// SQLCipher's page size for new vaults, recorded in vault.json ("db"): four times SQLCipher 3's
// default, which makes a bulk save a quarter faster (fewer pages to encrypt and authenticate).
constexpr int kNewVaultPageSize = 4096;

// Bytes 0-31 of scrypt open the database, bytes 32-63 wrap the private keys (FORMAT.md §7).
struct DerivedKeys {
    SecureBytes database;
    SecureBytes wrap;
};

Result<DerivedKeys> deriveKeys(const QByteArray &passphrase, const Kdf &kdf) {
    auto out = crypto::scrypt(passphrase, kdf.salt, kdf.params, 64);
    if (!out) return out.failure();
    return DerivedKeys{out->mid(0, 32), out->mid(32, 32)};
}

QByteArray wrapSecret(const SecureBytes &wrapKey, const QString &name, const QByteArray &secret) {
    const QByteArray nonce = crypto::randomBytes(12);
    return nonce + crypto::aesGcmSeal(wrapKey.bytes(), nonce, secret, name.toUtf8());
}

Result<SecureBytes> unwrapSecret(const SecureBytes &wrapKey, const QString &name,
                                 const QByteArray &wrapped) {
    if (wrapped.size() < 12 + 16) return fail(QStringLiteral("a stored key is damaged"));
    auto plain =
        crypto::aesGcmOpen(wrapKey.bytes(), wrapped.left(12), wrapped.mid(12), name.toUtf8());
    if (!plain) return fail(QStringLiteral("a stored key could not be unlocked (%1)").arg(name));
    return SecureBytes(plain.value());
}

Result<QJsonObject> readJsonFile(const QString &path) {
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly))
        return fail(QStringLiteral("could not read %1: %2").arg(path, f.errorString()));
    QJsonParseError err;
    const auto doc = QJsonDocument::fromJson(f.readAll(), &err);
    if (err.error != QJsonParseError::NoError || !doc.isObject())
        return fail(QStringLiteral("%1 is damaged: %2").arg(path, err.errorString()));
    return doc.object();
}

Result<void> writeJsonFileAtomically(const QString &path, const QJsonObject &object) {
    QSaveFile f(path);
    if (!f.open(QIODevice::WriteOnly))
        return fail(QStringLiteral("could not write %1: %2").arg(path, f.errorString()));
    f.write(QJsonDocument(object).toJson(QJsonDocument::Indented));
    if (!f.commit())
        return fail(QStringLiteral("could not write %1: %2").arg(path, f.errorString()));
    return {};
}

QString failedUnlocksPath(const QString &dir) {
    return dir + QStringLiteral("/failed-unlocks");
}

// Failed unlocks cannot be written into the locked database, so they are counted in a small
// plain file (times only, nothing secret) and turned into an audit record at the next unlock.
void noteFailedUnlock(const QString &dir) {
    QFile f(failedUnlocksPath(dir));
    if (f.open(QIODevice::Append | QIODevice::Text)) f.write(nowUtc().toLatin1() + '\n');
}

} // namespace

Result<QString> Vault::Impl::syncState(const QString &key) {
    auto st = db.cached(QStringLiteral("SELECT value FROM sync_state WHERE key=?"));
    if (!st) return st.failure();
    (*st)->bind(1, key);
    auto row = (*st)->next();
    if (!row) return row.failure();
    const QString value = *row ? (*st)->text(0) : QString();
    (*st)->reset();
    return value;
}

Result<void> Vault::Impl::setSyncState(const QString &key, const QString &value) {
    auto st =
        db.cached(QStringLiteral("INSERT OR REPLACE INTO sync_state(key, value) VALUES(?,?)"));
    if (!st) return st.failure();
    (*st)->bind(1, key).bind(2, value);
    return (*st)->run();
}

Result<void> Vault::Impl::acquireLock() {
    lock = std::make_unique<QLockFile>(dir + QStringLiteral("/lock"));
    lock->setStaleLockTime(0); // a lock held by a dead process is stale at once
    if (lock->tryLock(0)) return {};
    qint64 pid = 0;
    QString host, app;
    if (!lock->getLockInfo(&pid, &host, &app) || pid <= 0) {
        // A process killed between creating the lock file and writing its id into it
        // leaves a file no one can attribute; with no stale time Qt would honour it
        // forever. A live writer fills it within microseconds, so one that is still
        // unreadable a moment later is a leftover.
        QThread::msleep(250);
        if (!lock->getLockInfo(&pid, &host, &app) || pid <= 0) {
            lock->removeStaleLockFile();
            if (lock->tryLock(0)) return {};
        }
    }
    return fail(QStringLiteral("the notebook at %1 is already open in another Quire window "
                               "or command (process %2); close it first")
                    .arg(dir)
                    .arg(pid));
}

Result<void> Vault::Impl::prepareNewFolder(const QString &folder, const QByteArray &passphrase) {
    if (Vault::exists(folder))
        return fail(QStringLiteral("a notebook already exists at %1").arg(folder));
    if (!QDir().mkpath(folder))
        return fail(QStringLiteral("could not create the folder %1").arg(folder));
    QFile::setPermissions(folder,
                          QFileDevice::ReadOwner | QFileDevice::WriteOwner | QFileDevice::ExeOwner);
    dir = QDir(folder).absolutePath();
    if (auto r = acquireLock(); !r) return r;
    // Leftovers of a creation that crashed before vault.json was written hold no user data.
    for (const char *leftover : {"quire.db", "quire.db-wal", "quire.db-shm"})
        QFile::remove(dir + '/' + leftover);
    QDir(dir + QStringLiteral("/repo.git")).removeRecursively();

    kdf.salt = crypto::randomBytes(16);
    auto keys = deriveKeys(passphrase, kdf);
    if (!keys) return keys.failure();
    wrapKey = keys->wrap;
    dbPageSize = kNewVaultPageSize;
    auto opened = Database::open(dir + QStringLiteral("/quire.db"), keys->database,
                                 Database::Mode::Create, dbPageSize);
    if (!opened) return opened.failure();
    db = std::move(opened.value());
    if (auto r = db.migrate(schemaMigrations()); !r) return r;
    auto created = ObjectRepository::openOrCreate(dir + QStringLiteral("/repo.git"));
    if (!created) return created.failure();
    repo = std::move(created.value());
    return {};
}

Result<void> Vault::Impl::writeVaultJson() {
    vaultJson = QJsonObject{{"format", kVaultFormat},
                            {"kdf", kdf.toJson()},
                            {"db", QJsonObject{{"cipher_page_size", dbPageSize}}},
                            {"notebook", notebookUuid},
                            {"member", memberUuid},
                            {"device", deviceUuid}};
    return writeJsonFileAtomically(dir + QStringLiteral("/vault.json"), vaultJson);
}

Result<void> Vault::Impl::storeSecret(const QString &name, const QByteArray &secret,
                                      const Kdf &forKdf, const SecureBytes &withKey) {
    auto st = db.cached(
        QStringLiteral("INSERT OR REPLACE INTO secrets(name, salt, wrapped) VALUES(?,?,?)"));
    if (!st) return st.failure();
    (*st)->bind(1, name).bind(2, forKdf.saltId()).bind(3, wrapSecret(withKey, name, secret));
    return (*st)->run();
}

Result<SecureBytes> Vault::Impl::loadSecret(const QString &name) {
    auto st = db.cached(QStringLiteral("SELECT wrapped FROM secrets WHERE name=? AND salt=?"));
    if (!st) return st.failure();
    (*st)->bind(1, name).bind(2, kdf.saltId());
    auto row = (*st)->next();
    if (!row) return row.failure();
    if (!*row) return fail(QStringLiteral("the key %1 is missing from the vault").arg(name));
    const QByteArray wrapped = (*st)->blob(0);
    (*st)->reset();
    return unwrapSecret(wrapKey, name, wrapped);
}

void Vault::Impl::addEpoch(quint32 epoch, const QByteArray &notebookKey) {
    EpochKeys keys;
    keys.enc = crypto::hkdfSha256(notebookKey, {}, "quire/1 enc", 32).bytes();
    keys.name = crypto::hkdfSha256(notebookKey, {}, "quire/1 name", 32).bytes();
    epochs.insert(epoch, keys);
    currentEpoch = std::max(currentEpoch, epoch);
}

Result<void> Vault::Impl::loadKeys() {
    auto sign = loadSecret(QStringLiteral("sign_key"));
    if (!sign) return sign.failure();
    auto key = crypto::EcKey::fromPrivateDer(sign->bytes());
    if (!key) return key.failure();
    signKey = std::move(key.value());

    auto st = db.prepare(QStringLiteral("SELECT name FROM secrets WHERE salt=? AND name LIKE "
                                        "'notebook_key/%'"));
    if (!st) return st.failure();
    st->bind(1, kdf.saltId());
    auto found = st->collect([](const Statement &row) { return row.text(0); });
    if (!found) return found.failure();
    const QStringList names = *found;
    if (names.isEmpty() && !joining) return fail(QStringLiteral("the vault holds no notebook key"));
    currentEpoch = 0;
    for (const auto &name : names) {
        auto secret = loadSecret(name);
        if (!secret) return secret.failure();
        addEpoch(name.section('/', 1).toUInt(), secret->bytes());
    }
    return {};
}

Result<void> Vault::Impl::loadState() {
    auto st = db.prepare(QStringLiteral("SELECT key, value FROM notebook"));
    if (!st) return st.failure();
    while (true) {
        auto row = st->next();
        if (!row) return row.failure();
        if (!*row) break;
        const QString k = st->text(0);
        if (k == "name")
            notebookName = st->text(1);
        else if (k == "ca_cert")
            caCert = QByteArray::fromBase64(st->text(1).toLatin1());
        else if (k == "pending_genesis")
            pendingGenesis = st->text(1);
        else if (k == "ca_sha256")
            caSha256 = st->text(1);
    }
    auto me = db.prepare(QStringLiteral("SELECT cert_sha256 FROM members WHERE uuid=?"));
    if (!me) return me.failure();
    me->bind(1, memberUuid);
    auto row = me->next();
    if (!row) return row.failure();
    joining = !*row && !pendingGenesis.isEmpty();
    if (!*row && !joining)
        return fail(QStringLiteral("this vault's member is not in the notebook"));
    if (*row) signCertSha256 = me->text(0);

    auto dev =
        db.prepare(QStringLiteral("SELECT last_seq, last_recorded_at FROM devices WHERE device=?"));
    if (!dev) return dev.failure();
    dev->bind(1, deviceUuid);
    auto drow = dev->next();
    if (!drow) return drow.failure();
    if (*drow) {
        lastSeq = dev->integer(0);
        lastRecordedAt = dev->text(1);
    }
    auto trusted = db.prepare(QStringLiteral("SELECT max(gen_time) FROM anchors"));
    if (!trusted) return trusted.failure();
    if (auto trow = trusted->next(); trow && *trow && !trusted->isNull(0))
        lastTrustedTime = trusted->text(0);
    return {};
}

Result<StoredRecord> Vault::Impl::seal(const RecordDraft &draft, qint64 seq,
                                       const QString &recordedAt, int version) {
    QJsonObject record{
        {"format", kRecordFormat},
        {"type", draft.type},
        {"object", draft.object},
        {"prev", draft.prev.isEmpty() ? QJsonValue(QJsonValue::Null) : QJsonValue(draft.prev)},
        {"author", memberUuid},
        {"device", deviceUuid},
        {"seq", seq},
        {"recorded_at", recordedAt},
        {"body", draft.body}};
    if (auto rules = json::checkRecordRules(record); !rules)
        return fail(QStringLiteral("the record breaks the format rules: %1").arg(rules.error()));
    auto canonical = json::canonicalize(record);
    if (!canonical) return canonical.failure();
    const QByteArray signature = signKey.sign(*canonical);
    // The envelope's canonical form is its two members in key order, so the record's
    // canonical bytes are spliced in rather than canonicalised a second time.
    auto sealBytes =
        json::canonicalize(QJsonObject{{"cert", signCertSha256}, {"sig", b64(signature)}});
    if (!sealBytes) return sealBytes.failure();
    const Result<QByteArray> envelopeBytes =
        QByteArray("{\"record\":") + *canonical + QByteArray(",\"seal\":") + *sealBytes + '}';

    StoredRecord out;
    out.id = hex(crypto::sha256(*canonical));
    out.type = draft.type;
    out.object = draft.object;
    out.prev = draft.prev;
    out.author = memberUuid;
    out.device = deviceUuid;
    out.seq = seq;
    out.recordedAt = recordedAt;
    out.version = version;
    out.body = draft.body;
    out.envelope = *envelopeBytes;
    return out;
}

QString Vault::Impl::objectPath(const char *area, const QByteArray &rawName) const {
    const QString h = hex(rawName);
    return QStringLiteral("%1/%2/%3").arg(QLatin1String(area), h.left(2), h);
}

Result<QPair<QString, QByteArray>> Vault::Impl::writeRecordObject(const StoredRecord &r) {
    const EpochKeys &keys = epochs[currentEpoch];
    const QByteArray rawName = crypto::hmacSha256(keys.name, crypto::fromHex(r.id.toLatin1()));
    const QByteArray file = crypto::encryptFile(keys.enc, currentEpoch, rawName, r.envelope, true);
    auto oid = repo.writeBlob(file);
    if (!oid) return oid.failure();
    return qMakePair(objectPath("r", rawName), *oid);
}

Result<void> Vault::Impl::upsertSearch(const QString &kind, const QString &ref,
                                       const QString &experiment, const QString &entry,
                                       const QString &title, const QString &body, bool fresh) {
    if (fresh) return insertSearch(kind, ref, experiment, entry, title, body);
    auto find = db.cached(QStringLiteral("SELECT docid FROM search_docs WHERE kind=? AND ref=?"));
    if (!find) return find.failure();
    (*find)->bind(1, kind).bind(2, ref);
    auto row = (*find)->next();
    if (!row) return row.failure();
    if (*row) {
        const qint64 docid = (*find)->integer(0);
        (*find)->reset();
        auto up = db.cached(QStringLiteral("UPDATE search SET title=?, body=? WHERE docid=?"));
        if (!up) return up.failure();
        (*up)->bind(1, title).bind(2, body).bind(3, docid);
        return (*up)->run();
    }
    (*find)->reset();
    return insertSearch(kind, ref, experiment, entry, title, body);
}

Result<void> Vault::Impl::insertSearch(const QString &kind, const QString &ref,
                                       const QString &experiment, const QString &entry,
                                       const QString &title, const QString &body) {
    auto ins = db.cached(
        QStringLiteral("INSERT INTO search_docs(kind, ref, experiment, entry) VALUES(?,?,?,?)"));
    if (!ins) return ins.failure();
    (*ins)->bind(1, kind).bind(2, ref).bind(3, experiment).bind(4, entry);
    if (auto r = (*ins)->run(); !r) return r;
    const qint64 docid = db.lastInsertRowId();
    auto fts = db.cached(QStringLiteral("INSERT INTO search(docid, title, body) VALUES(?,?,?)"));
    if (!fts) return fts.failure();
    (*fts)->bind(1, docid).bind(2, title).bind(3, body);
    return (*fts)->run();
}

Result<void> Vault::Impl::upsertMember(const QString &uuid, const QString &head,
                                       const QJsonObject &m) {
    signers.clear();
    const QByteArray cert = unb64(m.value("sign_cert"));
    auto st = db.cached(QStringLiteral(
        "INSERT OR REPLACE INTO members(uuid, head, name, email, roles, status, sign_cert, "
        "cert_sha256, enc_key) VALUES(?,?,?,?,?,?,?,?,?)"));
    if (!st) return st.failure();
    (*st)
        ->bind(1, uuid)
        .bind(2, head)
        .bind(3, m.value("name").toString())
        .bind(4, m.value("email").toString())
        .bind(5, toStringList(m.value("roles")).join(','))
        .bind(6, m.value("status").toString())
        .bind(7, cert)
        .bind(8, hex(crypto::sha256(cert)))
        .bind(9, unb64(m.value("enc_key")));
    return (*st)->run();
}

QString Vault::Impl::searchBody(const StoredRecord &r) {
    if (r.type == "entry") return html::plainText(r.body.value("html").toString());
    return {};
}

Result<void> Vault::Impl::materialize(const StoredRecord &r, const QString *precomputedSearch,
                                      bool fresh) {
    const QJsonObject &b = r.body;
    if (r.type == "notebook") {
        auto st =
            db.cached(QStringLiteral("INSERT OR REPLACE INTO notebook(key, value) VALUES(?,?)"));
        if (!st) return st.failure();
        for (const auto &[k, v] :
             {std::pair{QStringLiteral("name"), b.value("name").toString()},
              std::pair{QStringLiteral("uuid"), r.object},
              std::pair{QStringLiteral("genesis"), r.id},
              std::pair{QStringLiteral("ca_cert"), b.value("ca_cert").toString()}}) {
            (*st)->bind(1, k).bind(2, v);
            if (auto res = (*st)->run(); !res) return res;
        }
        return upsertMember(r.author, r.id, b.value("founder").toObject());
    }
    if (r.type == "member") return upsertMember(r.object, r.id, b);
    if (r.type == "experiment") {
        // Debian 12's SQLCipher is SQLite 3.15, which has no UPSERT: update, else insert.
        const QStringList tags = toStringList(b.value("tags"));
        const QString tagsJson =
            QString::fromUtf8(QJsonDocument(toJsonArray(tags)).toJson(QJsonDocument::Compact));
        auto up = db.cached(QStringLiteral(
            "UPDATE experiments SET head=?2, title=?3, project=?4, tags=?5, status=?6, "
            "updated_at=?7 WHERE uuid=?1"));
        if (!up) return up.failure();
        (*up)
            ->bind(1, r.object)
            .bind(2, r.id)
            .bind(3, b.value("title").toString())
            .bind(4, b.value("project").toString())
            .bind(5, tagsJson)
            .bind(6, b.value("status").toString())
            .bind(7, r.recordedAt);
        if (auto res = (*up)->run(); !res) return res;
        if (db.changes() == 0) {
            auto st = db.cached(QStringLiteral(
                "INSERT INTO experiments(uuid, head, title, project, tags, status, author, "
                "created_at, updated_at) VALUES(?1,?2,?3,?4,?5,?6,?7,?8,?8)"));
            if (!st) return st.failure();
            (*st)
                ->bind(1, r.object)
                .bind(2, r.id)
                .bind(3, b.value("title").toString())
                .bind(4, b.value("project").toString())
                .bind(5, tagsJson)
                .bind(6, b.value("status").toString())
                .bind(7, r.author)
                .bind(8, r.recordedAt);
            if (auto res = (*st)->run(); !res) return res;
        }
        return upsertSearch("experiment", r.object, r.object, {}, b.value("title").toString(),
                            b.value("project").toString() + '\n' + tags.join(' '));
    }
    if (r.type == "entry") {
        const QString experiment = b.value("experiment").toString();
        if (!fresh) {
            auto up = db.cached(QStringLiteral(
                "UPDATE entries SET head=?2, ord=?3, versions=?4, title=?5, status=?6, "
                "updated_at=?7 WHERE uuid=?1"));
            if (!up) return up.failure();
            (*up)
                ->bind(1, r.object)
                .bind(2, r.id)
                .bind(3, b.value("order").toInteger())
                .bind(4, r.version)
                .bind(5, b.value("title").toString())
                .bind(6, b.value("status").toString())
                .bind(7, r.recordedAt);
            if (auto res = (*up)->run(); !res) return res;
        }
        if (fresh || db.changes() == 0) {
            auto st = db.cached(QStringLiteral(
                "INSERT INTO entries(uuid, head, experiment, ord, versions, title, status, "
                "author, created_at, updated_at) VALUES(?1,?2,?3,?4,?5,?6,?7,?8,?9,?9)"));
            if (!st) return st.failure();
            (*st)
                ->bind(1, r.object)
                .bind(2, r.id)
                .bind(3, experiment)
                .bind(4, b.value("order").toInteger())
                .bind(5, r.version)
                .bind(6, b.value("title").toString())
                .bind(7, b.value("status").toString())
                .bind(8, r.author)
                .bind(9, r.recordedAt);
            if (auto res = (*st)->run(); !res) return res;
        }
        if (auto res =
                upsertSearch("entry", r.object, experiment, r.object, b.value("title").toString(),
                             precomputedSearch ? *precomputedSearch : searchBody(r), fresh);
            !res)
            return res;
        for (const auto &att : b.value("attachments").toArray()) {
            auto name = db.cached(QStringLiteral("SELECT name FROM attachments WHERE id=?"));
            if (!name) return name.failure();
            (*name)->bind(1, att.toString());
            auto row = (*name)->next();
            if (!row) return row.failure();
            const QString fileName = *row ? (*name)->text(0) : QString();
            (*name)->reset();
            if (auto res =
                    upsertSearch("attachment", att.toString(), experiment, r.object, fileName, {});
                !res)
                return res;
        }
        return {};
    }
    if (r.type == "attachment") {
        auto st = db.cached(QStringLiteral(
            "INSERT OR IGNORE INTO attachments(id, name, media_type, size, sha256, chunks, "
            "recorded_at) VALUES(?,?,?,?,?,?,?)"));
        if (!st) return st.failure();
        (*st)
            ->bind(1, r.id)
            .bind(2, b.value("name").toString())
            .bind(3, b.value("media_type").toString())
            .bind(4, b.value("size").toInteger())
            .bind(5, b.value("sha256").toString())
            .bind(6, toStringList(b.value("chunks")).join(','))
            .bind(7, r.recordedAt);
        return (*st)->run();
    }
    if (r.type == "signature") {
        auto st = db.cached(QStringLiteral(
            "INSERT OR IGNORE INTO signatures(id, target, target_object, meaning, signer, "
            "printed_name, signed_at) VALUES(?,?,?,?,?,?,?)"));
        if (!st) return st.failure();
        (*st)
            ->bind(1, r.id)
            .bind(2, b.value("target").toString())
            .bind(3, targetInfo(b.value("target").toString()).object)
            .bind(4, b.value("meaning").toString())
            .bind(5, r.author)
            .bind(6, b.value("printed_name").toString())
            .bind(7, b.value("signed_at").toString());
        return (*st)->run();
    }
    if (r.type == "anchor") {
        auto token = timestamp::readToken(unb64(b.value("token")));
        if (!token) return token.failure();
        const QString genTime = token->genTime.toUTC().toString(Qt::ISODateWithMs);
        const QJsonArray leaves = b.value("leaves").toArray();
        auto st = db.cached(QStringLiteral("INSERT OR IGNORE INTO anchors(id, root, tsa, "
                                           "gen_time, leaves) VALUES(?,?,?,?,?)"));
        if (!st) return st.failure();
        (*st)
            ->bind(1, r.id)
            .bind(2, b.value("root").toString())
            .bind(3, b.value("tsa").toString())
            .bind(4, genTime)
            .bind(5, qint64(leaves.size()));
        if (auto res = (*st)->run(); !res) return res;
        auto leaf = db.cached(
            QStringLiteral("INSERT OR IGNORE INTO anchored(record, anchor, leaf) VALUES(?,?,?)"));
        if (!leaf) return leaf.failure();
        auto done = db.cached(QStringLiteral(
            "DELETE FROM unanchored WHERE rowid = (SELECT rowid FROM records WHERE id=?)"));
        if (!done) return done.failure();
        for (qsizetype i = 0; i < leaves.size(); ++i) {
            (*leaf)->bind(1, leaves.at(i).toString()).bind(2, r.id).bind(3, qint64(i));
            if (auto res = (*leaf)->run(); !res) return res;
            (*done)->bind(1, leaves.at(i).toString());
            if (auto res = (*done)->run(); !res) return res;
        }
        if (genTime > lastTrustedTime) lastTrustedTime = genTime;
        return {};
    }
    return {}; // comment, audit: the records table is enough
}

Result<void> Vault::Impl::putRepoFile(const QString &path, const QByteArray &oid,
                                      const QString &record, const QString &chunk) {
    auto ins = db.cached(QStringLiteral(
        "INSERT OR IGNORE INTO repo_files(path, oid, record, chunk) VALUES(?,?,?,?)"));
    if (!ins) return ins.failure();
    (*ins)->bind(1, path).bind(2, QString::fromLatin1(oid));
    for (const auto &[column, value] : {std::pair{3, &record}, std::pair{4, &chunk}}) {
        if (value->isEmpty())
            (*ins)->bindNull(column);
        else
            (*ins)->bind(column, *value);
    }
    if (auto r = (*ins)->run(); !r) return r;
    if (db.changes() > 0) return {};
    auto del = db.cached(QStringLiteral("DELETE FROM repo_files WHERE path=?"));
    if (!del) return del.failure();
    (*del)->bind(1, path);
    if (auto r = (*del)->run(); !r) return r;
    return (*ins)->run(); // the bindings stay for a re-run
}

Result<void> Vault::Impl::insertRecord(const StoredRecord &r, const QString &path,
                                       const QByteArray &oid, const QString *precomputedSearch,
                                       bool fresh) {
    auto st = db.cached(QStringLiteral(
        "INSERT INTO records(id, type, object, prev, author, device, seq, recorded_at, "
        "version, envelope) VALUES(?,?,?,?,?,?,?,?,?,?)"));
    if (!st) return st.failure();
    (*st)->bind(1, r.id).bind(2, r.type).bind(3, r.object);
    if (r.prev.isEmpty())
        (*st)->bindNull(4);
    else
        (*st)->bind(4, r.prev);
    (*st)
        ->bind(5, r.author)
        .bind(6, r.device)
        .bind(7, r.seq)
        .bind(8, r.recordedAt)
        .bind(9, r.version)
        .bind(10, r.envelope);
    if (auto res = (*st)->run(); !res) return res;
    if (r.type != "anchor") {
        // Waits for a trusted time, unless an anchor that arrived first already covers it.
        const qint64 rowid = db.lastInsertRowId();
        auto wait = db.cached(QStringLiteral(
            "INSERT INTO unanchored(rowid) SELECT ?1 WHERE NOT EXISTS (SELECT 1 FROM anchored "
            "WHERE record = ?2)"));
        if (!wait) return wait.failure();
        (*wait)->bind(1, rowid).bind(2, r.id);
        if (auto res = (*wait)->run(); !res) return res;
    }
    if (auto res = putRepoFile(path, oid, r.id); !res) return res;
    return materialize(r, precomputedSearch, fresh);
}

Result<int> Vault::Impl::versionAfter(const QString &prev, const QString &object,
                                      const QString &type) {
    if (prev.isEmpty()) return 1;
    auto st = db.cached(QStringLiteral("SELECT object, type, version FROM records WHERE id=?"));
    if (!st) return st.failure();
    (*st)->bind(1, prev);
    auto row = (*st)->next();
    if (!row) return row.failure();
    if (!*row) return fail(QStringLiteral("the previous version %1 does not exist").arg(prev));
    const QString o = (*st)->text(0), t = (*st)->text(1);
    const int v = int((*st)->integer(2));
    (*st)->reset();
    if (o != object || t != type)
        return fail(QStringLiteral("the previous version %1 belongs to another object").arg(prev));
    return v + 1;
}

Result<QList<StoredRecord>> Vault::Impl::appendLocked(QList<RecordDraft> drafts) {
    if (joining)
        return fail(QStringLiteral("this notebook is waiting for an admin to approve your join "
                                   "request; sync once it is approved"));
    QString recordedAt = nowUtc();
    // A time-stamp authority's clock and ours may differ by a little; a minute is not a
    // clock running backwards.
    const QString trustedFloor = lastTrustedTime.isEmpty()
                                     ? QString()
                                     : QDateTime::fromString(lastTrustedTime, Qt::ISODateWithMs)
                                           .addSecs(-60)
                                           .toUTC()
                                           .toString(Qt::ISODateWithMs);
    const bool beforeLastRecord = !lastRecordedAt.isEmpty() && recordedAt < lastRecordedAt;
    const bool beforeTrustedTime = !trustedFloor.isEmpty() && recordedAt < trustedFloor;
    if (beforeLastRecord || beforeTrustedTime) {
        // The clock went backwards: keep the system time (it is never edited) but say so.
        QJsonObject detail{{"clock_now", recordedAt}};
        if (beforeLastRecord) detail.insert("last_recorded_at", lastRecordedAt);
        if (beforeTrustedTime) detail.insert("last_trusted_time", lastTrustedTime);
        drafts.prepend(RecordDraft{"audit",
                                   crypto::newUuid(),
                                   {},
                                   QJsonObject{{"action", "clock_backwards"}, {"detail", detail}},
                                   {}});
    }
    Transaction tx(db);
    if (!tx.started()) return tx.started().failure();
    QList<StoredRecord> out;
    qint64 seq = lastSeq;
    QHash<QString, int> pendingVersions; // versions of records appended in this batch
    QHash<QString, QString> pendingTypes;
    // A large batch of new objects (an import) is sealed and encrypted on two threads:
    // those steps need nothing but the draft; writing stays in order on this one.
    const bool independent =
        drafts.size() >= 32 && std::all_of(drafts.begin(), drafts.end(), [](const auto &d) {
            return d.prev.isEmpty() && !d.complete;
        });
    if (independent) {
        struct Prepared {
            std::optional<StoredRecord> sealed;
            QString error;
            QString path;
            QByteArray file;
            QByteArray oid;
            QString searchBody;
        };
        std::vector<Prepared> prepared(size_t(drafts.size()));
        const EpochKeys keys = epochs.value(currentEpoch);
        const quint32 epoch = currentEpoch;
        // Workers only read `drafts` and fill their own cell of `prepared`.
        auto prepare = [&](qsizetype i) {
            Prepared &cell = prepared[size_t(i)];
            RecordDraft draft = drafts.at(i);
            if (draft.prepare) draft.prepare(draft.body);
            auto sealed = seal(draft, seq + 1 + i, recordedAt, 1);
            if (!sealed) {
                cell.error = sealed.error();
                return;
            }
            const QByteArray rawName =
                crypto::hmacSha256(keys.name, crypto::fromHex(sealed->id.toLatin1()));
            cell.file = crypto::encryptFile(keys.enc, epoch, rawName, sealed->envelope, true);
            cell.oid = ObjectRepository::blobId(cell.file);
            cell.path = objectPath("r", rawName);
            cell.searchBody = searchBody(*sealed);
            cell.sealed = std::move(sealed.value());
        };
        QString failure;
        QList<QByteArray> files;
        files.reserve(drafts.size());
        auto consume = [&](qsizetype i) {
            Prepared &p = prepared[size_t(i)];
            if (!p.sealed) {
                failure = p.error;
                return false;
            }
            // Drafts of an independent batch start objects (their uuids are new).
            if (auto res = insertRecord(*p.sealed, p.path, p.oid, &p.searchBody, true); !res) {
                failure = res.error();
                return false;
            }
            files << std::exchange(p.file, {});
            out << std::move(*p.sealed);
            p.sealed.reset();
            return true;
        };
        if (!prepareInParallelConsumeInOrder(drafts.size(), 16, prepare, consume))
            return fail(failure);
        // One pack for the whole batch, written before the commit so that the database
        // never names an object that is not there.
        auto oids = repo.writeBlobs(files);
        if (!oids) return oids.failure();
        seq += drafts.size();
    }
    for (auto draft : independent ? QList<RecordDraft>{} : drafts) {
        if (draft.prepare) draft.prepare(draft.body);
        if (draft.complete) draft.complete(draft.body, out);
        int version = 1;
        if (!draft.prev.isEmpty()) {
            if (pendingVersions.contains(draft.prev)) {
                version = pendingVersions.value(draft.prev) + 1;
            } else {
                auto v = versionAfter(draft.prev, draft.object, draft.type);
                if (!v) return v.failure();
                version = *v;
            }
        }
        auto sealed = seal(draft, ++seq, recordedAt, version);
        if (!sealed) return sealed.failure();
        auto object = writeRecordObject(*sealed);
        if (!object) return object.failure();
        if (auto res = insertRecord(*sealed, object->first, object->second); !res)
            return res.failure();
        pendingVersions.insert(sealed->id, version);
        out << *sealed;
    }
    auto dev = db.cached(QStringLiteral(
        "INSERT OR REPLACE INTO devices(device, last_seq, last_recorded_at) VALUES(?,?,?)"));
    if (!dev) return dev.failure();
    (*dev)->bind(1, deviceUuid).bind(2, seq).bind(3, recordedAt);
    if (auto res = (*dev)->run(); !res) return res.failure();
    if (auto res = tx.commit(); !res) return res.failure();
    lastSeq = seq;
    lastRecordedAt = recordedAt;
    return out;
}

Result<EpochKeys> Vault::Impl::keysFor(quint32 epoch) {
    if (!epochs.contains(epoch))
        return fail(QStringLiteral("this vault has no key for epoch %1").arg(epoch));
    return epochs.value(epoch);
}

Result<QByteArray> Vault::Impl::readObject(const QString &oid, const QByteArray &rawContentId,
                                           const QString &path) {
    return readObjectConst(oid, rawContentId, path);
}

Result<QByteArray> Vault::Impl::readObjectConst(const QString &oid, const QByteArray &rawContentId,
                                                const QString &path) const {
    auto blob = repo.readBlob(oid.toLatin1());
    if (!blob) return blob.failure();
    auto header = crypto::readFileHeader(*blob);
    if (!header) return header.failure();
    if (!epochs.contains(header->epoch))
        return fail(QStringLiteral("this vault has no key for epoch %1").arg(header->epoch));
    const EpochKeys *keys = &*epochs.constFind(header->epoch);
    const QByteArray rawName = crypto::hmacSha256(keys->name, rawContentId);
    if (!path.endsWith(hex(rawName)))
        return fail(QStringLiteral("%1 does not carry the name its content implies").arg(path));
    return crypto::decryptFile(keys->enc, rawName, *blob);
}

// ---- Vault -----------------------------------------------------------------------------

Vault::Vault()
    : d(std::make_unique<Impl>()) {}
Vault::~Vault() = default;

bool Vault::exists(const QString &dir) {
    return QFileInfo::exists(dir + QStringLiteral("/vault.json"));
}

Result<std::unique_ptr<Vault>> Vault::create(const QString &dir, const QString &notebookName,
                                             const QString &memberName, const QString &email,
                                             const QByteArray &passphrase) {
    if (notebookName.trimmed().isEmpty()) return fail(QStringLiteral("the notebook needs a name"));
    if (memberName.trimmed().isEmpty()) return fail(QStringLiteral("your name is needed"));
    if (!email.contains('@'))
        return fail(QStringLiteral("“%1” is not an email address").arg(email));
    if (passphrase.size() < 8)
        return fail(QStringLiteral("the passphrase must have at least 8 characters"));

    std::unique_ptr<Vault> v(new Vault());
    Impl &d = *v->d;
    if (auto r = d.prepareNewFolder(dir, passphrase); !r) return r.failure();

    d.notebookUuid = crypto::newUuid();
    d.memberUuid = crypto::newUuid();
    d.deviceUuid = crypto::newUuid();
    d.notebookName = notebookName.trimmed();

    const auto caKey = crypto::EcKey::generate();
    auto signKey = crypto::EcKey::generate();
    const auto encKey = crypto::EcKey::generate();
    auto caCert =
        crypto::makeCaCertificate(caKey, d.notebookName + QStringLiteral(" notebook CA"), 30);
    if (!caCert) return caCert.failure();
    auto signCert = crypto::issueSigningCertificate(caKey, *caCert, signKey.publicDer(),
                                                    memberName.trimmed(), email.trimmed(), 30);
    if (!signCert) return signCert.failure();
    d.caCert = *caCert;
    d.signKey = std::move(signKey);
    d.signCertSha256 = hex(crypto::sha256(*signCert));

    const QByteArray notebookKey = crypto::randomBytes(32);
    {
        Transaction tx(d.db);
        if (!tx.started()) return tx.started().failure();
        for (const auto &[name, secret] :
             {std::pair{QStringLiteral("ca_key"), caKey.privateDer().bytes()},
              std::pair{QStringLiteral("sign_key"), d.signKey.privateDer().bytes()},
              std::pair{QStringLiteral("enc_key"), encKey.privateDer().bytes()},
              std::pair{QStringLiteral("notebook_key/1"), notebookKey}}) {
            if (auto r = d.storeSecret(name, secret, d.kdf, d.wrapKey); !r) return r.failure();
        }
        if (auto r = tx.commit(); !r) return r.failure();
    }
    d.addEpoch(1, notebookKey);

    const QJsonObject founder{
        {"name", memberName.trimmed()},           {"email", email.trimmed()},
        {"roles", QJsonArray{"admin", "author"}}, {"sign_cert", b64(*signCert)},
        {"enc_key", b64(encKey.publicDer())},     {"status", "active"},
        {"reason", "founded the notebook"}};
    auto genesis = d.appendLocked({RecordDraft{
        "notebook",
        d.notebookUuid,
        {},
        QJsonObject{{"name", d.notebookName}, {"ca_cert", b64(*caCert)}, {"founder", founder}},
        {}}});
    if (!genesis) return genesis.failure();

    if (auto r = d.writeVaultJson(); !r) return r.failure();
    return v;
}

Result<std::unique_ptr<Vault>> Vault::open(const QString &dir, const QByteArray &passphrase) {
    if (!exists(dir)) return fail(QStringLiteral("there is no notebook at %1").arg(dir));
    std::unique_ptr<Vault> v(new Vault());
    Impl &d = *v->d;
    d.dir = QDir(dir).absolutePath();
    auto json = readJsonFile(d.dir + QStringLiteral("/vault.json"));
    if (!json) return json.failure();
    d.vaultJson = *json;
    if (d.vaultJson.value("format").toString() != kVaultFormat)
        return fail(QStringLiteral("%1 is not a Quire vault this version can open").arg(dir));
    auto kdf = Kdf::fromJson(d.vaultJson.value("kdf").toObject());
    if (!kdf) return kdf.failure();
    d.kdf = *kdf;
    d.notebookUuid = d.vaultJson.value("notebook").toString();
    d.memberUuid = d.vaultJson.value("member").toString();
    d.deviceUuid = d.vaultJson.value("device").toString();
    if (auto r = d.acquireLock(); !r) return r.failure();

    const QString dbPath = d.dir + QStringLiteral("/quire.db");
    auto keys = deriveKeys(passphrase, d.kdf);
    if (!keys) return keys.failure();
    // Vaults from before the page size was recorded use SQLCipher 3's default.
    d.dbPageSize = d.vaultJson.value("db")
                       .toObject()
                       .value("cipher_page_size")
                       .toInt(Database::kDefaultPageSize);
    auto db = Database::open(dbPath, keys->database, Database::Mode::OpenExisting, d.dbPageSize);
    // A passphrase change interrupted after the rekey leaves the new KDF in kdf_pending.
    const QJsonObject pendingJson = d.vaultJson.value("kdf_pending").toObject();
    bool usedPending = false;
    if (!db && !pendingJson.isEmpty()) {
        auto pending = Kdf::fromJson(pendingJson);
        if (pending) {
            auto pendingKeys = deriveKeys(passphrase, *pending);
            if (pendingKeys) {
                auto second = Database::open(dbPath, pendingKeys->database,
                                             Database::Mode::OpenExisting, d.dbPageSize);
                if (second) {
                    db = std::move(second);
                    d.kdf = *pending;
                    keys = std::move(pendingKeys);
                    usedPending = true;
                }
            }
        }
    }
    if (!db) {
        if (db.error() == QStringLiteral("the passphrase is wrong")) noteFailedUnlock(d.dir);
        return db.failure();
    }
    d.db = std::move(db.value());
    d.wrapKey = keys->wrap;
    if (auto r = d.db.migrate(schemaMigrations()); !r) return r.failure();

    if (!pendingJson.isEmpty()) {
        // Finish or undo the interrupted passphrase change, whichever the database shows.
        const QString staleSalt =
            usedPending ? Kdf::fromJson(d.vaultJson.value("kdf").toObject())->saltId()
                        : QString::fromLatin1(pendingJson.value("salt").toString().toLatin1());
        d.vaultJson.insert("kdf", d.kdf.toJson());
        d.vaultJson.remove("kdf_pending");
        if (auto r = writeJsonFileAtomically(d.dir + QStringLiteral("/vault.json"), d.vaultJson);
            !r)
            return r.failure();
        auto del = d.db.prepare(QStringLiteral("DELETE FROM secrets WHERE salt=?"));
        if (!del) return del.failure();
        del->bind(1, staleSalt);
        if (auto r = del->run(); !r) return r.failure();
    }

    auto repo = ObjectRepository::open(d.dir + QStringLiteral("/repo.git"));
    if (!repo) return repo.failure();
    d.repo = std::move(repo.value());
    if (auto r = d.loadState(); !r) return r.failure();
    if (auto r = d.loadKeys(); !r) return r.failure();
    // Before approval nothing can be sealed as this member: the audit waits until then.
    if (d.joining) return v;

    QFile failures(failedUnlocksPath(d.dir));
    if (failures.open(QIODevice::ReadOnly | QIODevice::Text)) {
        QJsonArray times;
        for (const auto &line : failures.readAll().split('\n'))
            if (!line.trimmed().isEmpty()) times.append(QString::fromLatin1(line.trimmed()));
        failures.close();
        if (!times.isEmpty()) {
            if (auto r = v->audit("unlock_failed",
                                  QJsonObject{{"count", times.size()}, {"times", times}});
                !r)
                return r.failure();
        }
        failures.remove();
    }
    if (auto r = v->audit("unlock", {}); !r) return r.failure();
    return v;
}

QString Vault::path() const {
    return d->dir;
}
QString Vault::notebookUuid() const {
    return d->notebookUuid;
}
QString Vault::notebookName() const {
    return d->notebookName;
}
QString Vault::memberUuid() const {
    return d->memberUuid;
}
QString Vault::deviceUuid() const {
    return d->deviceUuid;
}

Result<QList<StoredRecord>> Vault::append(const QList<RecordDraft> &drafts) {
    return d->appendLocked(drafts);
}

Result<StoredRecord> Vault::appendOne(const RecordDraft &draft) {
    auto out = d->appendLocked({draft});
    if (!out) return out.failure();
    return out->last();
}

Result<void> Vault::audit(const QString &action, const QJsonObject &detail) {
    auto r = appendOne(RecordDraft{
        "audit", crypto::newUuid(), {}, QJsonObject{{"action", action}, {"detail", detail}}, {}});
    if (!r) return r.failure();
    return {};
}

Result<void> Vault::changePassphrase(const QByteArray &newPassphrase) {
    if (newPassphrase.size() < 8)
        return fail(QStringLiteral("the new passphrase must have at least 8 characters"));
    Kdf next;
    next.params = d->kdf.params;
    next.salt = crypto::randomBytes(16);
    auto keys = deriveKeys(newPassphrase, next);
    if (!keys) return keys.failure();
    const QString vaultJsonPath = d->dir + QStringLiteral("/vault.json");

    // 1. Announce the new KDF so an interrupted change can be finished at the next unlock.
    d->vaultJson.insert("kdf_pending", next.toJson());
    if (auto r = writeJsonFileAtomically(vaultJsonPath, d->vaultJson); !r) return r;
    // 2. Wrap every secret under the new key too (old copies stay until the end).
    {
        auto st = d->db.prepare(QStringLiteral("SELECT name FROM secrets WHERE salt=?"));
        if (!st) return st.failure();
        st->bind(1, d->kdf.saltId());
        auto found = st->collect([](const Statement &row) { return row.text(0); });
        if (!found) return found.failure();
        const QStringList names = *found;
        Transaction tx(d->db);
        if (!tx.started()) return tx.started();
        for (const auto &name : names) {
            auto secret = d->loadSecret(name);
            if (!secret) return secret.failure();
            if (auto r = d->storeSecret(name, secret->bytes(), next, keys->wrap); !r) return r;
        }
        if (auto r = tx.commit(); !r) return r;
    }
    // 3. Re-encrypt the database; 4. make the new KDF the only one; 5. drop old copies.
    if (auto r = d->db.rekey(keys->database); !r) return r;
    const QString oldSalt = d->kdf.saltId();
    d->kdf = next;
    d->wrapKey = keys->wrap;
    d->vaultJson.insert("kdf", next.toJson());
    d->vaultJson.remove("kdf_pending");
    if (auto r = writeJsonFileAtomically(vaultJsonPath, d->vaultJson); !r) return r;
    auto del = d->db.prepare(QStringLiteral("DELETE FROM secrets WHERE salt=?"));
    if (!del) return del.failure();
    del->bind(1, oldSalt);
    if (auto r = del->run(); !r) return r;
    return audit("passphrase_changed", {});
}

bool Vault::checkPassphrase(const QByteArray &passphrase) {
    auto keys = deriveKeys(passphrase, d->kdf);
    return keys && crypto::constantTimeEqual(keys->wrap.bytes(), d->wrapKey.bytes());
}

} // namespace quire
