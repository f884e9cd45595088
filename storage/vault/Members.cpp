// Vault, members (FORMAT.md §5, "Joining"): the remote and its credentials, invitations,
// join requests, approving and revoking members and the key epochs that follow.

#include "vault/VaultImpl.h"

#include "sync/GitRemote.h"
#include "sync/Membership.h"

#include <QCoreApplication>
#include <QFileInfo>

namespace quire {

using namespace vaultimpl;

// ---- members ------------------------------------------------------------------------------

namespace {
const QStringList kRoles{"author", "supervisor", "admin", "auditor"};
QString grantPath(const QString &member) {
    return QStringLiteral("keys/%1.json").arg(member);
}
} // namespace

bool Vault::isJoining() const {
    return d->joining;
}

Result<QString> Vault::remoteUrl() {
    return d->syncState(QStringLiteral("remote_url"));
}

Result<void> Vault::setRemoteUrl(const QString &url) {
    if (auto ok = GitRemote::validateUrl(url); !ok) return ok;
    return d->setSyncState(QStringLiteral("remote_url"), url);
}

Result<void> Vault::setRemote(const QString &url, const QString &user, const QByteArray &secret,
                              const QByteArray &sshPrivateKey, const QString &extraCaPemFile) {
    if (auto ok = GitRemote::validateUrl(url); !ok) return ok;
    if (!extraCaPemFile.isEmpty() && !QFileInfo(extraCaPemFile).isFile())
        return fail(QCoreApplication::translate("quire::storage",
                                                "the certificate authority file %1 does not exist")
                        .arg(extraCaPemFile));
    Transaction tx(d->db);
    if (!tx.started()) return tx.started().failure();
    for (const auto &[key, value] :
         {std::pair{QStringLiteral("remote_url"), url},
          std::pair{QStringLiteral("remote_user"), user},
          std::pair{QStringLiteral("remote_ca_file"),
                    extraCaPemFile.isEmpty() ? QString()
                                             : QFileInfo(extraCaPemFile).absoluteFilePath()},
          std::pair{QStringLiteral("ssh_host_key"), QString()}})
        if (auto r = d->setSyncState(key, value); !r) return r.failure();
    for (const auto &[name, bytes] : {std::pair{QStringLiteral("remote_secret"), secret},
                                      std::pair{QStringLiteral("remote_ssh_key"), sshPrivateKey}}) {
        if (bytes.isEmpty()) {
            auto del = d->db.cached(QStringLiteral("DELETE FROM secrets WHERE name=?"));
            if (!del) return del.failure();
            (*del)->bind(1, name);
            if (auto r = (*del)->run(); !r) return r.failure();
        } else if (auto r = d->storeSecret(name, bytes, d->kdf, d->wrapKey); !r) {
            return r.failure();
        }
    }
    return tx.commit();
}

Result<RemoteCredentials> Vault::remoteCredentials() {
    RemoteCredentials c;
    auto user = d->syncState(QStringLiteral("remote_user"));
    if (!user) return user.failure();
    c.user = *user;
    auto ca = d->syncState(QStringLiteral("remote_ca_file"));
    if (!ca) return ca.failure();
    c.extraCaPemFile = *ca;
    auto pin = d->syncState(QStringLiteral("ssh_host_key"));
    if (!pin) return pin.failure();
    c.sshHostKeySha256 = *pin;
    for (const auto &[name, into] :
         {std::pair{QStringLiteral("remote_secret"), &c.secret},
          std::pair{QStringLiteral("remote_ssh_key"), &c.sshPrivateKey}}) {
        auto st = d->db.cached(QStringLiteral("SELECT 1 FROM secrets WHERE name=? AND salt=?"));
        if (!st) return st.failure();
        (*st)->bind(1, name).bind(2, d->kdf.saltId());
        auto row = (*st)->next();
        if (!row) return row.failure();
        const bool present = *row;
        (*st)->reset();
        if (!present) continue;
        auto secret = d->loadSecret(name);
        if (!secret) return secret.failure();
        *into = *secret;
    }
    return c;
}

Result<void> Vault::pinSshHostKey(const QString &sha256) {
    return d->setSyncState(QStringLiteral("ssh_host_key"), sha256);
}

Result<Vault::JoinStart> Vault::createJoining(const QString &dir, const QByteArray &invitationBytes,
                                              const QString &name, const QString &email,
                                              const QByteArray &passphrase) {
    auto invitation = membership::parseInvitation(invitationBytes);
    if (!invitation)
        return fail(
            QCoreApplication::translate("quire::storage", "the invitation cannot be used: %1")
                .arg(invitation.error()));
    if (name.trimmed().isEmpty())
        return fail(QCoreApplication::translate("quire::storage", "your name is needed"));
    if (passphrase.size() < 8)
        return fail(QCoreApplication::translate("quire::storage",
                                                "the passphrase must have at least 8 characters"));

    auto signKey = crypto::EcKey::generate();
    const auto encKey = crypto::EcKey::generate();
    auto request =
        membership::newJoinRequest(*invitation, name.trimmed(), email.trimmed(), signKey, encKey);
    if (!request) return request.failure();
    auto requestBytes = membership::makeJoinRequest(*request);
    if (!requestBytes) return requestBytes.failure();
    auto code = membership::joinRequestCode(*request);
    if (!code) return code.failure();

    std::unique_ptr<Vault> v(new Vault());
    Impl &d = *v->d;
    if (auto r = d.prepareNewFolder(dir, passphrase); !r) return r.failure();

    d.notebookUuid = invitation->notebook;
    d.notebookName = invitation->notebookName;
    d.memberUuid = request->member;
    d.deviceUuid = request->device;
    d.pendingGenesis = invitation->genesis;
    d.caSha256 = invitation->caSha256;
    d.joining = true;
    {
        Transaction tx(d.db);
        if (!tx.started()) return tx.started().failure();
        for (const auto &[secretName, secret] :
             {std::pair{QStringLiteral("sign_key"), signKey.privateDer().bytes()},
              std::pair{QStringLiteral("enc_key"), encKey.privateDer().bytes()}})
            if (auto r = d.storeSecret(secretName, secret, d.kdf, d.wrapKey); !r)
                return r.failure();
        auto st =
            d.db.cached(QStringLiteral("INSERT OR REPLACE INTO notebook(key, value) VALUES(?,?)"));
        if (!st) return st.failure();
        for (const auto &[k, value] :
             {std::pair{QStringLiteral("name"), invitation->notebookName},
              std::pair{QStringLiteral("uuid"), invitation->notebook},
              std::pair{QStringLiteral("pending_genesis"), invitation->genesis},
              std::pair{QStringLiteral("ca_sha256"), invitation->caSha256}}) {
            (*st)->bind(1, k).bind(2, value);
            if (auto r = (*st)->run(); !r) return r.failure();
        }
        if (auto r = d.setSyncState(QStringLiteral("remote_url"), invitation->remote); !r)
            return r.failure();
        if (auto r = tx.commit(); !r) return r.failure();
    }
    d.signKey = std::move(signKey);

    if (auto r = d.writeVaultJson(); !r) return r.failure();
    return JoinStart{std::move(v), *requestBytes, *code};
}

namespace {
Result<VaultMember> activeAdmin(Vault &v) {
    if (v.isJoining())
        return fail(QCoreApplication::translate("quire::storage",
                                                "this vault has not joined its notebook yet"));
    auto me = v.member(v.memberUuid());
    if (!me) return me.failure();
    if (me->status != "active" || !me->roles.contains("admin"))
        return fail(QCoreApplication::translate(
            "quire::storage", "only an active admin of the notebook may do this"));
    return me;
}
} // namespace

Result<QByteArray> Vault::makeInvitation() {
    auto me = activeAdmin(*this);
    if (!me) return me.failure();
    auto remote = remoteUrl();
    if (!remote) return remote.failure();
    if (remote->isEmpty())
        return fail(QCoreApplication::translate(
            "quire::storage", "set the shared repository first (remote set URL): the "
                              "invitation tells the newcomer where it is"));
    auto genesis = head(d->notebookUuid);
    if (!genesis) return genesis.failure();
    membership::Invitation invitation;
    invitation.notebook = d->notebookUuid;
    invitation.notebookName = d->notebookName;
    invitation.genesis = *genesis;
    invitation.caSha256 = hex(crypto::sha256(d->caCert));
    invitation.remote = *remote;
    invitation.invitedBy = d->memberUuid;
    return membership::makeInvitation(invitation);
}

Result<QString> Vault::approveJoin(const QByteArray &requestBytes, const QStringList &roles) {
    auto me = activeAdmin(*this);
    if (!me) return me.failure();
    if (roles.isEmpty())
        return fail(QCoreApplication::translate("quire::storage",
                                                "name at least one role for the new member"));
    for (const auto &role : roles)
        if (!kRoles.contains(role))
            return fail(
                QCoreApplication::translate("quire::storage", "“%1” is not a role; roles are %2")
                    .arg(role, kRoles.join(QStringLiteral(", "))));
    auto request = membership::parseJoinRequest(requestBytes);
    if (!request) return request.failure();
    auto genesis = head(d->notebookUuid);
    if (!genesis) return genesis.failure();
    if (request->notebook != d->notebookUuid || request->genesis != *genesis)
        return fail(QCoreApplication::translate("quire::storage",
                                                "the join request is for another notebook"));
    if (member(request->member))
        return fail(
            QCoreApplication::translate("quire::storage", "%1 is already a member of this notebook")
                .arg(request->member));
    auto caSecret = d->loadSecret(QStringLiteral("ca_key"));
    if (!caSecret)
        return fail(QCoreApplication::translate(
            "quire::storage", "this vault does not hold the notebook's certificate "
                              "authority key yet: sync, so that the share an admin's vault "
                              "made for you arrives, then approve again"));
    auto caKey = crypto::EcKey::fromPrivateDer(caSecret->bytes());
    if (!caKey) return caKey.failure();
    auto cert = membership::issueMemberCertificate(*request, *caKey, d->caCert, 30);
    if (!cert) return cert.failure();

    QList<membership::WrappedKey> grants;
    for (auto it = d->epochs.begin(); it != d->epochs.end(); ++it) {
        auto key = d->loadSecret(QStringLiteral("notebook_key/%1").arg(it.key()));
        if (!key) return key.failure();
        auto wrapped =
            membership::wrapNotebookKey(request->member, request->encKey, it.key(), key->bytes());
        if (!wrapped) return wrapped.failure();
        grants << *wrapped;
    }
    auto grantFile =
        membership::makeGrantFile(request->member, d->memberUuid, grants, d->signKey, me->signCert);
    if (!grantFile) return grantFile.failure();
    auto oid = d->repo.writeBlob(*grantFile);
    if (!oid) return oid.failure();
    auto code = membership::joinRequestCode(*request);
    QStringList sortedRoles = roles;
    sortedRoles.sort();
    sortedRoles.removeDuplicates();
    QJsonArray roleArray;
    for (const auto &role : sortedRoles)
        roleArray.append(role);
    const QString member = request->member;
    const QString path = grantPath(member);
    const QByteArray grantOid = *oid;
    auto appended = appendOne(RecordDraft{
        "member",
        member,
        {},
        QJsonObject{
            {"name", request->name},
            {"email", request->email},
            {"roles", roleArray},
            {"sign_cert", b64(*cert)},
            {"enc_key", b64(request->encKey)},
            {"status", "active"},
            {"reason", QStringLiteral("join request %1 approved").arg(code ? *code : QString())}},
        {}});
    if (!appended) return appended.failure();
    if (auto r = d->putRepoFile(path, grantOid); !r) return r.failure();
    if (sortedRoles.contains("admin")) // a new admin can approve too (vault/Admins.cpp)
        if (auto r = d->shareCaKeyWith(member, request->encKey); !r) return r.failure();
    return member;
}

Result<void> Vault::revokeMember(const QString &memberUuid, const QString &reason) {
    auto me = activeAdmin(*this);
    if (!me) return me.failure();
    if (memberUuid == d->memberUuid)
        return fail(QCoreApplication::translate("quire::storage", "you cannot revoke yourself"));
    if (reason.trimmed().isEmpty())
        return fail(
            QCoreApplication::translate("quire::storage", "a reason is needed to revoke a member"));
    auto target = member(memberUuid);
    if (!target) return target.failure();
    if (target->status != "active")
        return fail(QCoreApplication::translate("quire::storage", "%1 is not an active member")
                        .arg(target->name));

    // 1. The revocation itself, still under the old key so that the member can read it.
    auto current = d->db.prepare(QStringLiteral("SELECT head FROM members WHERE uuid=?"));
    if (!current) return current.failure();
    current->bind(1, memberUuid);
    if (auto row = current->next(); !row || !*row)
        return fail(QCoreApplication::translate("quire::storage", "the member has no record"));
    auto headRecord = record(current->text(0));
    if (!headRecord) return headRecord.failure();
    QJsonObject body = headRecord->type == "member" ? headRecord->body
                                                    : headRecord->body.value("founder").toObject();
    body.insert("status", "revoked");
    body.insert("reason", reason.trimmed());
    const QString prev = headRecord->type == "member" ? headRecord->id : QString();
    if (auto r = appendOne(RecordDraft{"member", memberUuid, prev, body, {}}); !r)
        return r.failure();

    // 2. A new notebook key, granted to every member who is still active.
    const quint32 epoch = d->currentEpoch + 1;
    const QByteArray notebookKey = crypto::randomBytes(32);
    auto all = members();
    if (!all) return all.failure();
    Transaction tx(d->db);
    if (!tx.started()) return tx.started().failure();
    if (auto r = d->storeSecret(QStringLiteral("notebook_key/%1").arg(epoch), notebookKey, d->kdf,
                                d->wrapKey);
        !r)
        return r.failure();
    for (const auto &m : *all) {
        if (m.status != "active") continue; // this member too: its other devices need the key
        auto enc = d->db.cached(QStringLiteral("SELECT enc_key FROM members WHERE uuid=?"));
        if (!enc) return enc.failure();
        (*enc)->bind(1, m.uuid);
        if (auto row = (*enc)->next(); !row || !*row) continue;
        const QByteArray encSpki = (*enc)->blob(0);
        (*enc)->reset();
        auto wrapped = membership::wrapNotebookKey(m.uuid, encSpki, epoch, notebookKey);
        if (!wrapped) return wrapped.failure();
        QByteArray fileBytes;
        auto existing = d->db.cached(QStringLiteral("SELECT oid FROM repo_files WHERE path=?"));
        if (!existing) return existing.failure();
        (*existing)->bind(1, grantPath(m.uuid));
        auto row = (*existing)->next();
        const QString existingOid = row && *row ? (*existing)->text(0) : QString();
        (*existing)->reset();
        if (!existingOid.isEmpty()) {
            auto bytes = d->repo.readBlob(existingOid.toLatin1());
            if (!bytes) return bytes.failure();
            auto grant = membership::parseGrantFile(*bytes);
            if (!grant) return grant.failure();
            auto sealer =
                d->db.cached(QStringLiteral("SELECT sign_cert FROM members WHERE cert_sha256=?"));
            if (!sealer) return sealer.failure();
            (*sealer)->bind(1, grant->sealCert);
            auto srow = (*sealer)->next();
            const QByteArray sealerCert = srow && *srow ? (*sealer)->blob(0) : QByteArray();
            (*sealer)->reset();
            auto updated = membership::addGrant(*grant, sealerCert, *wrapped, d->memberUuid,
                                                d->signKey, me->signCert);
            if (!updated) return updated.failure();
            fileBytes = *updated;
        } else {
            auto made = membership::makeGrantFile(m.uuid, d->memberUuid, {*wrapped}, d->signKey,
                                                  me->signCert);
            if (!made) return made.failure();
            fileBytes = *made;
        }
        auto oid = d->repo.writeBlob(fileBytes);
        if (!oid) return oid.failure();
        if (auto r = d->putRepoFile(grantPath(m.uuid), *oid); !r) return r.failure();
    }
    if (auto r = tx.commit(); !r) return r.failure();
    d->addEpoch(epoch, notebookKey);
    return audit(QStringLiteral("key_epoch_started"),
                 QJsonObject{{"epoch", qint64(epoch)}, {"revoked", memberUuid}});
}

} // namespace quire
