// Vault, admins (FORMAT.md §5, "CA shares"): every active admin's vault holds the notebook CA
// key, shared by an admin whose vault holds it, so that approving a newcomer does not depend on
// the founder's computer. Also role changes, which is how a member becomes an admin.

#include "vault/VaultImpl.h"

#include "sync/CaShare.h"

#include <QCoreApplication>

namespace quire {

using namespace vaultimpl;

namespace {
const QStringList kRoles{"author", "supervisor", "admin", "auditor"};
const QString kCaKey = QStringLiteral("ca_key");
} // namespace

Result<bool> Vault::Impl::hasSecret(const QString &name) {
    auto st = db.cached(QStringLiteral("SELECT 1 FROM secrets WHERE name=? AND salt=?"));
    if (!st) return st.failure();
    (*st)->bind(1, name).bind(2, kdf.saltId());
    auto row = (*st)->next();
    if (!row) return row.failure();
    const bool present = *row;
    (*st)->reset();
    return present;
}

Result<QString> Vault::Impl::repoFileOid(const QString &path) {
    auto st = db.cached(QStringLiteral("SELECT oid FROM repo_files WHERE path=?"));
    if (!st) return st.failure();
    (*st)->bind(1, path);
    auto row = (*st)->next();
    if (!row) return row.failure();
    const QString oid = *row ? (*st)->text(0) : QString();
    (*st)->reset();
    return oid;
}

Result<void> Vault::Impl::shareCaKeyWith(const QString &member, const QByteArray &encSpki) {
    auto caKey = loadSecret(kCaKey);
    if (!caKey) return caKey.failure();
    auto mine = db.cached(QStringLiteral("SELECT sign_cert FROM members WHERE uuid=?"));
    if (!mine) return mine.failure();
    (*mine)->bind(1, memberUuid);
    auto row = (*mine)->next();
    if (!row) return row.failure();
    const QByteArray myCert = *row ? (*mine)->blob(0) : QByteArray();
    (*mine)->reset();
    auto bytes = membership::makeCaShare(member, encSpki, caCert, caKey->bytes(), memberUuid,
                                         signKey, myCert);
    if (!bytes) return bytes.failure();
    auto oid = repo.writeBlob(*bytes);
    if (!oid) return oid.failure();
    return putRepoFile(membership::caSharePath(member), *oid);
}

Result<QString> Vault::Impl::settleCaKey() {
    if (joining) return QString();
    auto me = db.cached(QStringLiteral("SELECT roles, status, enc_key FROM members WHERE uuid=?"));
    if (!me) return me.failure();
    (*me)->bind(1, memberUuid);
    auto row = (*me)->next();
    if (!row) return row.failure();
    const bool activeAdmin = *row && (*me)->text(0).split(',').contains("admin") &&
                             (*me)->text(1) == QLatin1String("active");
    (*me)->reset();
    auto holds = hasSecret(kCaKey);
    if (!holds) return holds.failure();

    // An honest vault lets the key go with the admin role. A revoked admin who copied the key
    // can still issue certificates offline; what they write is refused by their status.
    if (!activeAdmin) {
        if (!*holds) return QString();
        auto del = db.cached(QStringLiteral("DELETE FROM secrets WHERE name=?"));
        if (!del) return del.failure();
        (*del)->bind(1, kCaKey);
        if (auto r = (*del)->run(); !r) return r.failure();
        return QString();
    }

    // This admin's own share, once it has arrived (and been admitted by the merge).
    if (!*holds) {
        const QString path = membership::caSharePath(memberUuid);
        auto oid = repoFileOid(path);
        if (!oid) return oid.failure();
        if (oid->isEmpty()) return QString();
        auto bytes = repo.readBlob(oid->toLatin1());
        if (!bytes) return bytes.failure();
        auto share = membership::parseCaShare(*bytes);
        if (!share) return QStringLiteral("%1: %2").arg(path, share.error());
        auto encSecret = loadSecret(QStringLiteral("enc_key"));
        if (!encSecret) return encSecret.failure();
        auto encKey = crypto::EcKey::fromPrivateDer(encSecret->bytes());
        if (!encKey) return encKey.failure();
        auto key = membership::openCaShare(*share, *encKey, caCert);
        if (!key) return QStringLiteral("%1: %2").arg(path, key.error());
        if (auto r = storeSecret(kCaKey, key->bytes(), kdf, wrapKey); !r) return r.failure();
        return QString();
    }

    // Every active admin without a share gets one: a member made admin by a vault that did not
    // hold the key yet, or admins of a notebook made before shares existed.
    auto admins = db.prepare(
        QStringLiteral("SELECT uuid, enc_key FROM members WHERE status='active' AND uuid<>? AND "
                       "(',' || roles || ',') LIKE '%,admin,%'"));
    if (!admins) return admins.failure();
    admins->bind(1, memberUuid);
    QList<QPair<QString, QByteArray>> missing;
    while (true) {
        auto next = admins->next();
        if (!next) return next.failure();
        if (!*next) break;
        auto oid = repoFileOid(membership::caSharePath(admins->text(0)));
        if (!oid) return oid.failure();
        if (oid->isEmpty()) missing << qMakePair(admins->text(0), admins->blob(1));
    }
    for (const auto &[member, encSpki] : std::as_const(missing))
        if (auto r = shareCaKeyWith(member, encSpki); !r) return r.failure();
    return QString();
}

Result<QList<Vault::Impl::FileRefusal>> Vault::Impl::admitCaShares(const TreeEntries &files) {
    QList<FileRefusal> refused;
    for (auto it = files.begin(); it != files.end(); ++it) {
        auto bytes = repo.readBlob(it.value());
        if (!bytes) return bytes.failure();
        auto share = membership::parseCaShare(*bytes);
        QString problem;
        if (!share) {
            problem = share.error();
        } else if (it.key() != membership::caSharePath(share->member)) {
            problem = QStringLiteral("it names another member than its file name");
        } else if (share->caSha256 != hex(crypto::sha256(caCert))) {
            problem = QStringLiteral("it is for another certificate authority");
        } else {
            // Sealed by someone the records made an admin (a share written before its sealer
            // was revoked stays good: the key it holds is the same).
            auto st = db.cached(
                QStringLiteral("SELECT uuid, sign_cert, roles FROM members WHERE cert_sha256=?"));
            if (!st) return st.failure();
            (*st)->bind(1, share->sealCert);
            auto row = (*st)->next();
            if (!row) return row.failure();
            const bool found = *row;
            const QString sealer = found ? (*st)->text(0) : QString();
            const QByteArray cert = found ? (*st)->blob(1) : QByteArray();
            const bool admin = found && (*st)->text(2).split(',').contains("admin");
            (*st)->reset();
            if (!admin || sealer != share->sharedBy)
                problem = QStringLiteral("it is not sealed by an admin of this notebook");
            else if (auto ok = membership::verifyCaShareSeal(*share, cert); !ok)
                problem = ok.error();
        }
        if (!problem.isEmpty()) {
            refused << FileRefusal{
                it.key(), it.value(),
                QStringLiteral("a certificate authority share was refused: %1").arg(problem)};
            continue;
        }
        // Two admins may share with the same new admin at once: both files are good, and every
        // vault keeps the same one (the smaller object id), so they agree after a sync.
        auto local = repoFileOid(it.key());
        if (!local) return local.failure();
        if (!local->isEmpty() && local->toLatin1() < it.value()) continue;
        if (auto r = putRepoFile(it.key(), it.value()); !r) return r.failure();
        if (auto r = clearQuarantine(it.key()); !r) return r.failure();
    }
    return refused;
}

bool Vault::holdsCaKey() {
    auto holds = d->hasSecret(kCaKey);
    return holds && *holds;
}

Result<bool> Vault::hasCaShare(const QString &member) {
    auto oid = d->repoFileOid(membership::caSharePath(member));
    if (!oid) return oid.failure();
    return !oid->isEmpty();
}

Result<void> Vault::setMemberRoles(const QString &memberUuid, const QStringList &roles,
                                   const QString &reason) {
    if (d->joining)
        return fail(QCoreApplication::translate("quire::storage",
                                                "this vault has not joined its notebook yet"));
    auto me = member(d->memberUuid);
    if (!me) return me.failure();
    if (me->status != "active" || !me->roles.contains("admin"))
        return fail(QCoreApplication::translate(
            "quire::storage", "only an active admin of the notebook may do this"));
    if (reason.trimmed().isEmpty())
        return fail(QCoreApplication::translate("quire::storage",
                                                "a reason is needed to change a member's roles"));
    if (roles.isEmpty())
        return fail(
            QCoreApplication::translate("quire::storage", "name at least one role for the member"));
    for (const auto &role : roles)
        if (!kRoles.contains(role))
            return fail(
                QCoreApplication::translate("quire::storage", "“%1” is not a role; roles are %2")
                    .arg(role, kRoles.join(QStringLiteral(", "))));
    auto target = member(memberUuid);
    if (!target) return target.failure();
    if (target->status != "active")
        return fail(QCoreApplication::translate("quire::storage", "%1 is not an active member")
                        .arg(target->name));
    QStringList sorted = roles;
    sorted.sort();
    sorted.removeDuplicates();
    if (!sorted.contains("admin")) {
        // The notebook must keep an admin, or nobody could ever approve anyone again.
        auto all = members();
        if (!all) return all.failure();
        int otherAdmins = 0;
        for (const auto &m : *all)
            if (m.uuid != memberUuid && m.status == "active" && m.roles.contains("admin"))
                ++otherAdmins;
        if (otherAdmins == 0)
            return fail(QCoreApplication::translate(
                            "quire::storage",
                            "%1 is the notebook's last admin; make someone else admin "
                            "first")
                            .arg(target->name));
    }

    auto headId = d->db.prepare(QStringLiteral("SELECT head FROM members WHERE uuid=?"));
    if (!headId) return headId.failure();
    headId->bind(1, memberUuid);
    if (auto row = headId->next(); !row || !*row)
        return fail(QCoreApplication::translate("quire::storage", "the member has no record"));
    auto current = record(headId->text(0));
    if (!current) return current.failure();
    QJsonObject body =
        current->type == "member" ? current->body : current->body.value("founder").toObject();
    body.insert("roles", toJsonArray(sorted));
    body.insert("status", "active");
    body.insert("reason", reason.trimmed());
    const QString prev = current->type == "member" ? current->id : QString();
    const bool becomesAdmin = sorted.contains("admin") && !target->roles.contains("admin");
    return inOneTransaction([&]() -> Result<void> {
        if (auto r = appendOne(RecordDraft{"member", memberUuid, prev, body, {}}); !r)
            return r.failure();
        if (!becomesAdmin || !holdsCaKey()) return {};
        return d->shareCaKeyWith(memberUuid, unb64(body.value("enc_key")));
    });
}

} // namespace quire
