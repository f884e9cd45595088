// Vault, recovery (issue 17, "never lose a notebook"): the member's recovery code, the recovery
// file that holds the member's keys on the shared server sealed under it, and a vault made on a
// new computer from that file. The code and the file's format are sync/RecoveryKit's.

#include "vault/VaultImpl.h"

#include "sync/GitRemote.h"
#include "sync/RecoveryKit.h"

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QSysInfo>

namespace quire {

using namespace vaultimpl;

namespace {

const QString kCodeSecret = QStringLiteral("recovery_code");
const QString kCodeCreatedAt = QStringLiteral("recovery_code_created_at");
const QString kFileWrittenFor = QStringLiteral("recovery_file_code"); // code id of the file
const QString kFileRemote = QStringLiteral("recovery_file_remote");   // the remote it names

// FORMAT.md §7's scrypt cost, as for a vault; cheap under the test suite's
// QUIRE_INSECURE_TEST_KDF=1, and the file says which like any other cost.
crypto::ScryptParams recoveryKdf() {
    crypto::ScryptParams params;
    if (qEnvironmentVariable("QUIRE_INSECURE_TEST_KDF") == QLatin1String("1")) params.n = 1024;
    return params;
}

QString recoveryPath(const QString &member) {
    return QStringLiteral("recovery/%1.json").arg(member);
}

Result<QString> notebookValue(Database &db, const QString &key) {
    auto st = db.cached(QStringLiteral("SELECT value FROM notebook WHERE key=?"));
    if (!st) return st.failure();
    (*st)->bind(1, key);
    auto row = (*st)->next();
    if (!row) return row.failure();
    const QString value = *row ? (*st)->text(0) : QString();
    (*st)->reset();
    return value;
}

} // namespace

Result<void> Vault::Impl::settleRecoveryFile() {
    if (joining) return {};
    auto held = hasSecret(kCodeSecret);
    if (!held) return held.failure();
    if (!*held) return {};
    auto code = loadSecret(kCodeSecret);
    if (!code) return code.failure();
    const QString normalised = QString::fromLatin1(code->bytes());
    auto written = syncState(kFileWrittenFor);
    if (!written) return written.failure();
    auto remote = syncState(QStringLiteral("remote_url"));
    if (!remote) return remote.failure();
    auto writtenRemote = syncState(kFileRemote);
    if (!writtenRemote) return writtenRemote.failure();
    // Written again when the remote changed, so that a rebuild finds the server from the file.
    if (*written == recoverykit::codeId(normalised) && *writtenRemote == *remote) return {};
    // The file goes into repo.git and is named in repo_files, so that the next publish commits
    // it (replacing an earlier one at the same path).
    Impl &d = *this;
    recoverykit::Payload p;
    p.notebook = d.notebookUuid;
    p.notebookName = d.notebookName;
    auto genesis = notebookValue(d.db, QStringLiteral("genesis"));
    if (!genesis) return genesis.failure();
    p.genesis = *genesis;
    p.caSha256 = hex(crypto::sha256(d.caCert));
    p.remote = *remote;
    p.member = d.memberUuid;
    {
        auto st = d.db.cached(QStringLiteral("SELECT name FROM members WHERE uuid=?"));
        if (!st) return st.failure();
        (*st)->bind(1, d.memberUuid);
        auto row = (*st)->next();
        if (!row) return row.failure();
        if (*row) p.memberName = (*st)->text(0);
        (*st)->reset();
    }
    p.createdAt = nowUtc();
    for (const auto &[name, target] : {std::pair{QStringLiteral("sign_key"), &p.signKey},
                                       std::pair{QStringLiteral("enc_key"), &p.encKey}}) {
        auto secret = d.loadSecret(name);
        if (!secret) return secret.failure();
        *target = secret->bytes();
    }
    auto holdsCa = d.hasSecret(QStringLiteral("ca_key"));
    if (!holdsCa) return holdsCa.failure();
    if (*holdsCa) {
        auto ca = d.loadSecret(QStringLiteral("ca_key"));
        if (!ca) return ca.failure();
        p.caKey = ca->bytes();
    }
    for (auto it = d.epochs.begin(); it != d.epochs.end(); ++it) {
        auto key = d.loadSecret(QStringLiteral("notebook_key/%1").arg(it.key()));
        if (!key) return key.failure();
        p.notebookKeys.append({it.key(), key->bytes()});
    }
    auto file = recoverykit::seal(p, recoverykit::displayCode(normalised), recoveryKdf());
    if (!file) return file.failure();
    auto oid = d.repo.writeBlob(*file);
    if (!oid) return oid.failure();
    if (auto r = d.putRepoFile(recoveryPath(d.memberUuid), *oid); !r) return r;
    if (auto r = d.setSyncState(kFileRemote, *remote); !r) return r;
    return d.setSyncState(kFileWrittenFor, recoverykit::codeId(normalised));
}

Result<void> Vault::Impl::mergeRecoveryFile(const QString &path, const QByteArray &remoteOid) {
    if (path != recoveryPath(memberUuid)) return {}; // another member's: theirs to keep
    auto localOid = repoFileOid(path);
    if (!localOid) return localOid.failure();
    if (localOid->isEmpty()) return {};
    auto localBytes = repo.readBlob(localOid->toLatin1());
    auto remoteBytes = repo.readBlob(remoteOid);
    if (!localBytes || !remoteBytes) return {};
    auto local = recoverykit::readHeader(*localBytes);
    auto remote = recoverykit::readHeader(*remoteBytes);
    // A file that is not a recovery file of this member never replaces one: ours is sent again.
    if (!remote || remote->member != memberUuid || remote->notebook != notebookUuid) return {};
    if (local && remote->createdAt <= local->createdAt) return {};
    if (auto r = putRepoFile(path, remoteOid); !r) return r;
    if (auto r = setSyncState(kFileWrittenFor, remote->codeId); !r) return r;
    // A code made on another computer replaced the one kept here: it opens nothing any more.
    auto code = loadSecret(kCodeSecret);
    if (code && recoverykit::codeId(QString::fromLatin1(code->bytes())) != remote->codeId) {
        auto del = db.cached(QStringLiteral("DELETE FROM secrets WHERE name=?"));
        if (!del) return del.failure();
        (*del)->bind(1, kCodeSecret);
        if (auto r = (*del)->run(); !r) return r;
        if (auto r = setSyncState(kCodeCreatedAt, remote->createdAt); !r) return r;
    }
    return {};
}

Result<QString> Vault::newRecoveryCode() {
    const QString code = recoverykit::newCode();
    auto normalised = recoverykit::normaliseCode(code);
    if (!normalised) return normalised.failure();
    Transaction tx(d->db);
    if (!tx.started()) return tx.started().failure();
    if (auto r = d->storeSecret(kCodeSecret, normalised->toLatin1(), d->kdf, d->wrapKey); !r)
        return r.failure();
    if (auto r = d->setSyncState(kCodeCreatedAt, nowUtc()); !r) return r.failure();
    if (auto r = d->setSyncState(kFileWrittenFor, {}); !r) return r.failure();
    if (auto r = d->settleRecoveryFile(); !r) return r.failure();
    if (auto r = tx.commit(); !r) return r.failure();
    if (!d->joining)
        if (auto r = audit(QStringLiteral("recovery_code_made"),
                           QJsonObject{{"code_id", recoverykit::codeId(*normalised)}});
            !r)
            return r.failure();
    return code;
}

Result<Vault::RecoveryCode> Vault::recoveryCode() {
    auto held = d->hasSecret(kCodeSecret);
    if (!held) return held.failure();
    auto createdAt = d->syncState(kCodeCreatedAt);
    if (!createdAt) return createdAt.failure();
    if (!*held)
        return fail(createdAt->isEmpty()
                        ? QStringLiteral("this computer holds no recovery code for you: make one "
                                         "(recovery-code new)")
                        : QStringLiteral("your recovery code was replaced on another of your "
                                         "computers (%1): look it up there, or make a new one "
                                         "here (recovery-code new), which replaces it")
                              .arg(*createdAt));
    auto code = d->loadSecret(kCodeSecret);
    if (!code) return code.failure();
    const QString normalised = QString::fromLatin1(code->bytes());
    auto written = d->syncState(kFileWrittenFor);
    if (!written) return written.failure();
    return RecoveryCode{recoverykit::displayCode(normalised), *createdAt,
                        *written == recoverykit::codeId(normalised)};
}

Result<std::unique_ptr<Vault>> Vault::createFromRecovery(const QString &dir, const QString &remote,
                                                         const QString &code,
                                                         const QByteArray &passphrase) {
    if (passphrase.size() < 8)
        return fail(QCoreApplication::translate("quire::storage",
                                                "the passphrase must have at least 8 characters"));
    auto normalised = recoverykit::normaliseCode(code);
    if (!normalised) return normalised.failure();
    if (auto ok = GitRemote::validateUrl(remote); !ok) return ok.failure();
    if (exists(dir))
        return fail(QCoreApplication::translate("quire::storage", "a notebook already exists at %1")
                        .arg(dir));
    const QFileInfo info(dir);
    if (info.exists() && !QDir(dir).isEmpty(QDir::AllEntries | QDir::NoDotAndDotDot | QDir::Hidden))
        return fail(QCoreApplication::translate("quire::storage",
                                                "%1 is not empty: recover into a new folder")
                        .arg(dir));
    const bool madeFolder = !info.exists();

    std::unique_ptr<Vault> v(new Vault());
    // Nothing of a recovery that failed stays behind: the folder is as it was.
    auto abandon = [&](const Error &why) -> Result<std::unique_ptr<Vault>> {
        v.reset();
        if (madeFolder) {
            QDir(dir).removeRecursively();
        } else {
            QDir folder(dir);
            for (const auto &name :
                 folder.entryList(QDir::AllEntries | QDir::NoDotAndDotDot | QDir::Hidden))
                QFileInfo(folder.filePath(name)).isDir()
                    ? (void)QDir(folder.filePath(name)).removeRecursively()
                    : (void)folder.remove(name);
        }
        return why;
    };
    Impl &d = *v->d;
    if (auto r = d.prepareNewFolder(dir, passphrase); !r) return abandon(r.failure());
    auto fetched =
        GitRemote::fetch(d.dir + QStringLiteral("/repo.git"), remote, {}, QStringLiteral("main"),
                         QStringLiteral("refs/remotes/origin/main"));
    if (!fetched) return abandon(fetched.failure());
    if (fetched->remoteHead.isEmpty())
        return abandon(fail(
            QCoreApplication::translate("quire::storage", "the shared repository at %1 is empty")
                .arg(remote)));
    auto history = d.repoHistory();
    if (!history) return abandon(history.failure());
    auto tree = (*history)->readTree(fetched->remoteHead);
    if (!tree) return abandon(tree.failure());
    const QString id = recoverykit::codeId(*normalised);
    std::optional<recoverykit::Payload> payload;
    int files = 0;
    for (auto it = tree->cbegin(); it != tree->cend(); ++it) {
        if (!it.key().startsWith(QLatin1String("recovery/"))) continue;
        ++files;
        auto bytes = d.repo.readBlob(it.value());
        if (!bytes) continue;
        auto header = recoverykit::readHeader(*bytes);
        if (!header || header->codeId != id || it.key() != recoveryPath(header->member)) continue;
        auto opened = recoverykit::open(*bytes, recoverykit::displayCode(*normalised));
        if (!opened) return abandon(opened.failure());
        payload = *opened;
        break;
    }
    if (!payload)
        return abandon(fail(
            files == 0
                ? QStringLiteral("the shared repository at %1 holds no recovery file: no member "
                                 "of this notebook has synced a recovery code yet")
                      .arg(remote)
                : QStringLiteral("wrong code: it opens none of the %1 recovery files on %2. "
                                 "Check the code on your recovery sheet (a newer code replaces "
                                 "older ones) and the server address")
                      .arg(files)
                      .arg(remote)));
    const recoverykit::Payload &p = *payload;
    auto quireBlob = (*history)->blobAt(fetched->remoteHead, QStringLiteral("QUIRE.json"));
    if (!quireBlob || quireBlob->isEmpty())
        return abandon(fail(QCoreApplication::translate(
            "quire::storage", "the shared repository holds no Quire notebook")));
    auto signKey = crypto::EcKey::fromPrivateDer(p.signKey);
    if (!signKey)
        return abandon(
            fail(QCoreApplication::translate("quire::storage", "the recovery file is damaged")));

    d.notebookUuid = p.notebook;
    d.notebookName = p.notebookName;
    d.memberUuid = p.member;
    d.deviceUuid = crypto::newUuid(); // a new computer: the old one's sequence is not continued
    d.pendingGenesis = p.genesis;
    d.caSha256 = p.caSha256;
    d.joining = true;
    {
        Transaction tx(d.db);
        if (!tx.started()) return abandon(tx.started().failure());
        QList<std::pair<QString, QByteArray>> secrets{{QStringLiteral("sign_key"), p.signKey},
                                                      {QStringLiteral("enc_key"), p.encKey},
                                                      {kCodeSecret, normalised->toLatin1()}};
        if (!p.caKey.isEmpty()) secrets.append({QStringLiteral("ca_key"), p.caKey});
        for (const auto &[epoch, key] : p.notebookKeys)
            secrets.append({QStringLiteral("notebook_key/%1").arg(epoch), key});
        for (const auto &[secretName, secret] : secrets)
            if (auto r = d.storeSecret(secretName, secret, d.kdf, d.wrapKey); !r)
                return abandon(r.failure());
        auto st =
            d.db.cached(QStringLiteral("INSERT OR REPLACE INTO notebook(key, value) VALUES(?,?)"));
        if (!st) return abandon(st.failure());
        for (const auto &[k, value] : {std::pair{QStringLiteral("name"), p.notebookName},
                                       std::pair{QStringLiteral("uuid"), p.notebook},
                                       std::pair{QStringLiteral("pending_genesis"), p.genesis},
                                       std::pair{QStringLiteral("ca_sha256"), p.caSha256}}) {
            (*st)->bind(1, k).bind(2, value);
            if (auto r = (*st)->run(); !r) return abandon(r.failure());
        }
        for (const auto &[k, value] :
             {std::pair{QStringLiteral("remote_url"), remote},
              std::pair{kCodeCreatedAt, p.createdAt}, std::pair{kFileWrittenFor, id},
              std::pair{kFileRemote, p.remote}})
            if (auto r = d.setSyncState(k, value); !r) return abandon(r.failure());
        if (auto r = tx.commit(); !r) return abandon(r.failure());
    }
    for (const auto &[epoch, key] : p.notebookKeys)
        d.addEpoch(epoch, key);
    d.signKey = std::move(signKey.value());
    if (auto r = d.writeVaultJson(); !r) return abandon(r.failure());
    return v;
}

Result<void> Vault::finishRecovery(const QString &how, const QJsonObject &detail) {
    if (d->joining)
        return fail(QCoreApplication::translate(
            "quire::storage", "the notebook's records did not arrive from the shared "
                              "repository; sync again"));
    auto me = member(d->memberUuid);
    if (!me) return me.failure();
    if (me->status != "active")
        return fail(QCoreApplication::translate(
                        "quire::storage",
                        "%1 is %2 in this notebook: a recovery gives nothing back to a "
                        "member whose access ended")
                        .arg(me->name, me->status));
    auto cert = crypto::certificateInfo(me->signCert);
    if (!cert) return cert.failure();
    if (cert->subjectPublicKeyDer != d->signKey.publicDer())
        return fail(
            QCoreApplication::translate("quire::storage",
                                        "the keys in the recovery file are not %1's: the file was "
                                        "replaced")
                .arg(me->name));
    // A rebuilt vault goes on as the computer it was; a recovered one is a new computer.
    const QString host = QSysInfo::machineHostName();
    if (how != "backup") {
        auto announced = appendOne(RecordDraft{
            "device",
            d->deviceUuid,
            {},
            QJsonObject{{"member", d->memberUuid},
                        {"name", host.isEmpty() ? QStringLiteral("Recovered computer") : host},
                        {"status", "active"},
                        {"reason", how == "backup" ? QStringLiteral("rebuilt from a backup")
                                                   : QStringLiteral("recovered with the member's "
                                                                    "recovery code")}},
            {}});
        if (!announced) return announced.failure();
    }
    QJsonObject body = detail;
    body.insert("how", how);
    body.insert("device", d->deviceUuid);
    return audit(QStringLiteral("recovery"), body);
}

} // namespace quire
