// Vault: creating, opening and unlocking a vault folder, its keys and passphrase, and the
// settings kept in sync_state. The other parts of the vault are beside this file.

#include "vault/VaultImpl.h"

#include "db/Schema.h"

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonDocument>
#include <QSaveFile>
#include <QThread>

#include <algorithm>

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

// The key derivation of a new vault: FORMAT.md's scrypt N=2^17, r=8, p=1 (128 MiB, ~0.5 s).
// The test suite sets QUIRE_INSECURE_TEST_KDF=1 (tests/CMakeLists.txt gives it to every test):
// its command-line tests start quire-cli thousands of times and each start unlocks once, which
// at full cost was half of CI's time. Such a vault records N=2^10 in vault.json like any other
// cost, so it opens anywhere, `verify` names it as weak, and a passphrase change restores the
// full cost. Benchmarks and users never set it.
crypto::ScryptParams newVaultKdf() {
    crypto::ScryptParams params;
    if (qEnvironmentVariable("QUIRE_INSECURE_TEST_KDF") == QLatin1String("1")) params.n = 1024;
    return params;
}

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
    if (wrapped.size() < 12 + 16)
        return fail(QCoreApplication::translate("quire::storage", "a stored key is damaged"));
    auto plain =
        crypto::aesGcmOpen(wrapKey.bytes(), wrapped.left(12), wrapped.mid(12), name.toUtf8());
    if (!plain)
        return fail(
            QCoreApplication::translate("quire::storage", "a stored key could not be unlocked (%1)")
                .arg(name));
    return SecureBytes(plain.value());
}

Result<QJsonObject> readJsonFile(const QString &path) {
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly))
        return fail(QCoreApplication::translate("quire::storage", "could not read %1: %2")
                        .arg(path, f.errorString()));
    QJsonParseError err;
    const auto doc = QJsonDocument::fromJson(f.readAll(), &err);
    if (err.error != QJsonParseError::NoError || !doc.isObject())
        return fail(QCoreApplication::translate("quire::storage", "%1 is damaged: %2")
                        .arg(path, err.errorString()));
    return doc.object();
}

Result<void> writeJsonFileAtomically(const QString &path, const QJsonObject &object) {
    QSaveFile f(path);
    if (!f.open(QIODevice::WriteOnly))
        return fail(QCoreApplication::translate("quire::storage", "could not write %1: %2")
                        .arg(path, f.errorString()));
    f.write(QJsonDocument(object).toJson(QJsonDocument::Indented));
    if (!f.commit())
        return fail(QCoreApplication::translate("quire::storage", "could not write %1: %2")
                        .arg(path, f.errorString()));
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
    return fail(QCoreApplication::translate(
                    "quire::storage", "the notebook at %1 is already open in another Quire window "
                                      "or command (process %2); close it first")
                    .arg(dir)
                    .arg(pid));
}

Result<void> Vault::Impl::prepareNewFolder(const QString &folder, const QByteArray &passphrase) {
    if (Vault::exists(folder))
        return fail(QCoreApplication::translate("quire::storage", "a notebook already exists at %1")
                        .arg(folder));
    if (!QDir().mkpath(folder))
        return fail(QCoreApplication::translate("quire::storage", "could not create the folder %1")
                        .arg(folder));
    QFile::setPermissions(folder,
                          QFileDevice::ReadOwner | QFileDevice::WriteOwner | QFileDevice::ExeOwner);
    dir = QDir(folder).absolutePath();
    if (auto r = acquireLock(); !r) return r;
    // Leftovers of a creation that crashed before vault.json was written hold no user data.
    for (const char *leftover : {"quire.db", "quire.db-wal", "quire.db-shm"})
        QFile::remove(dir + '/' + leftover);
    QDir(dir + QStringLiteral("/repo.git")).removeRecursively();

    kdf.params = newVaultKdf();
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
    if (!*row)
        return fail(
            QCoreApplication::translate("quire::storage", "the key %1 is missing from the vault")
                .arg(name));
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
    if (names.isEmpty() && !joining)
        return fail(
            QCoreApplication::translate("quire::storage", "the vault holds no notebook key"));
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
        return fail(QCoreApplication::translate("quire::storage",
                                                "this vault's member is not in the notebook"));
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
    if (notebookName.trimmed().isEmpty())
        return fail(QCoreApplication::translate("quire::storage", "the notebook needs a name"));
    if (memberName.trimmed().isEmpty())
        return fail(QCoreApplication::translate("quire::storage", "your name is needed"));
    if (!email.contains('@'))
        return fail(QCoreApplication::translate("quire::storage", "“%1” is not an email address")
                        .arg(email));
    if (passphrase.size() < 8)
        return fail(QCoreApplication::translate("quire::storage",
                                                "the passphrase must have at least 8 characters"));

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
    if (!exists(dir))
        return fail(
            QCoreApplication::translate("quire::storage", "there is no notebook at %1").arg(dir));
    std::unique_ptr<Vault> v(new Vault());
    Impl &d = *v->d;
    d.dir = QDir(dir).absolutePath();
    auto json = readJsonFile(d.dir + QStringLiteral("/vault.json"));
    if (!json) return json.failure();
    d.vaultJson = *json;
    if (d.vaultJson.value("format").toString() != kVaultFormat)
        return fail(QCoreApplication::translate("quire::storage",
                                                "%1 is not a Quire vault this version can open")
                        .arg(dir));
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
        if (db.error() == QCoreApplication::translate("quire::storage", "the passphrase is wrong"))
            noteFailedUnlock(d.dir);
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

    // Only a process holding the vault's lock writes to repo.git, and this one holds it now:
    // git lock files and temporary packs found there were left by one that was killed.
    ObjectRepository::removeLeftoversOfAKilledWriter(d.dir + QStringLiteral("/repo.git"));
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

Result<void> Vault::changePassphrase(const QByteArray &newPassphrase) {
    if (newPassphrase.size() < 8)
        return fail(QCoreApplication::translate(
            "quire::storage", "the new passphrase must have at least 8 characters"));
    Kdf next;
    next.params = newVaultKdf();
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
