// Vault, objects: the encrypted files of repo.git (records and attachment chunks), their
// content-derived names and the repo_files index of them.

#include "vault/VaultImpl.h"

#include <QCoreApplication>

namespace quire {

using namespace vaultimpl;

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

Result<EpochKeys> Vault::Impl::keysFor(quint32 epoch) {
    if (!epochs.contains(epoch))
        return fail(
            QCoreApplication::translate("quire::storage", "this vault has no key for epoch %1")
                .arg(epoch));
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
        return fail(
            QCoreApplication::translate("quire::storage", "this vault has no key for epoch %1")
                .arg(header->epoch));
    const EpochKeys *keys = &*epochs.constFind(header->epoch);
    const QByteArray rawName = crypto::hmacSha256(keys->name, rawContentId);
    if (!path.endsWith(hex(rawName)))
        return fail(QCoreApplication::translate("quire::storage",
                                                "%1 does not carry the name its content implies")
                        .arg(path));
    return crypto::decryptFile(keys->enc, rawName, *blob);
}

} // namespace quire
