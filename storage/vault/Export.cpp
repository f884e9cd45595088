// Vault: what an export that carries its own proof needs from the vault (a PDF with its records,
// Merkle paths and time-stamp tokens embedded, signed by the member): the CA, the genesis, one
// record's Merkle path, and signatures made with the member's key without handing the key out.

#include "crypto/Timestamp.h"
#include "records/CanonicalJson.h"
#include "vault/VaultImpl.h"

#include <QCoreApplication>

namespace quire {

using namespace vaultimpl;

QByteArray Vault::caCertificate() const {
    return d->caCert;
}

Result<QString> Vault::genesis() {
    auto recs = d->queryRecords(QStringLiteral("WHERE type='notebook'"), {});
    if (!recs) return recs.failure();
    if (recs->isEmpty())
        return fail(
            QCoreApplication::translate("quire::storage", "the notebook record is missing"));
    return recs->first().id;
}

Result<std::optional<Vault::MerkleProof>> Vault::merkleProof(const QString &record) {
    auto anchored = d->anchorTime(record);
    if (!anchored) return anchored.failure();
    if (!*anchored) return std::optional<MerkleProof>{};
    auto anchorRec = d->queryRecords(QStringLiteral("WHERE id=?"), {(*anchored)->anchor});
    if (!anchorRec) return anchorRec.failure();
    if (anchorRec->isEmpty())
        return fail(QCoreApplication::translate("quire::storage", "the anchor record is missing"));
    const QJsonObject &b = anchorRec->first().body;
    QList<QByteArray> raw;
    int index = -1;
    const QJsonArray leaves = b.value("leaves").toArray();
    for (qsizetype i = 0; i < leaves.size(); ++i) {
        if (leaves.at(i).toString() == record) index = int(i);
        raw << crypto::fromHex(leaves.at(i).toString().toLatin1());
    }
    if (index < 0)
        return fail(
            QCoreApplication::translate("quire::storage", "the anchor does not name record %1")
                .arg(record));
    QJsonArray path;
    for (const auto &step : timestamp::merklePath(raw, index))
        path.append(QJsonObject{{"side", step.siblingOnLeft ? "left" : "right"},
                                {"hash", hex(step.sibling)}});
    // Canonical and holding nothing else, so that a checker can rebuild it byte for byte.
    auto proof = json::canonicalize(
        QJsonObject{{"record", record}, {"root", b.value("root").toString()}, {"path", path}});
    if (!proof) return proof.failure();
    return std::optional<MerkleProof>(
        MerkleProof{(*anchored)->anchor, *proof, (*anchored)->trusted});
}

Result<QByteArray> Vault::myCertificate() {
    auto me = member(d->memberUuid);
    if (!me) return me.failure();
    return me->signCert;
}

Result<QByteArray> Vault::signBytes(const QByteArray &toBeSigned) {
    if (d->joining)
        return fail(QCoreApplication::translate("quire::storage",
                                                "this vault has not joined its notebook yet"));
    const QByteArray sig = d->signKey.sign(toBeSigned);
    if (sig.isEmpty())
        return fail(
            QCoreApplication::translate("quire::storage", "signing with the member's key failed"));
    return sig;
}

} // namespace quire
