// Vault, attachments: files streamed into encrypted chunks and read back, checked.

#include "vault/VaultImpl.h"

#include <QCoreApplication>
#include <QFile>
#include <QFileInfo>
#include <QMimeDatabase>

#include <future>
#include <optional>

namespace quire {

using namespace vaultimpl;

Result<QJsonObject> Vault::storeAttachment(const QString &filePath, const VaultProgress &progress) {
    QFile file(filePath);
    if (!file.open(QIODevice::ReadOnly))
        return fail(QCoreApplication::translate("quire::storage", "could not read %1: %2")
                        .arg(filePath, file.errorString()));
    const QFileInfo info(filePath);
    const qint64 total = file.size();
    const EpochKeys keys = d->epochs.value(d->currentEpoch);
    // While one chunk's object is hashed and written on a helper thread, the next is read,
    // hashed and encrypted here; a chunk is recorded only once its object is written. So at most
    // two encrypted chunks and one plain one are in memory, whatever the file's size.
    struct PendingChunk {
        std::future<Result<QByteArray>> oid;
        QString sha256;
        QByteArray rawName;
        qint64 size = 0;
    };
    std::optional<PendingChunk> pending;
    auto recordPending = [&]() -> Result<void> {
        if (!pending) return {};
        PendingChunk chunk = std::move(*pending);
        pending.reset();
        auto oid = chunk.oid.get();
        if (!oid) return oid.failure();
        const QString path = d->objectPath("c", chunk.rawName);
        Transaction tx(d->db);
        if (!tx.started()) return tx.started().failure();
        auto ins =
            d->db.cached(QStringLiteral("INSERT INTO chunks(sha256, path, size) VALUES(?,?,?)"));
        if (!ins) return ins.failure();
        (*ins)->bind(1, chunk.sha256).bind(2, path).bind(3, chunk.size);
        if (auto r = (*ins)->run(); !r) return r.failure();
        if (auto r = d->putRepoFile(path, *oid, {}, chunk.sha256); !r) return r.failure();
        return tx.commit();
    };
    crypto::Sha256 whole;
    QJsonArray chunkIds;
    QByteArray buffer;
    qint64 done = 0;
    while (true) {
        buffer.resize(kChunkSize);
        const qint64 n = file.read(buffer.data(), kChunkSize);
        if (n < 0)
            return fail(QCoreApplication::translate("quire::storage", "could not read %1: %2")
                            .arg(filePath, file.errorString()));
        if (n == 0 && done > 0) break;
        buffer.resize(n);
        whole.add(buffer);
        const QByteArray chunkHash = crypto::sha256(buffer);
        const QString chunkHex = hex(chunkHash);
        chunkIds.append(chunkHex);

        auto known = d->db.cached(QStringLiteral("SELECT 1 FROM chunks WHERE sha256=?"));
        if (!known) return known.failure();
        (*known)->bind(1, chunkHex);
        auto row = (*known)->next();
        if (!row) return row.failure();
        (*known)->reset();
        // Identical chunks are stored once, counting the one still being written.
        if (!*row && !(pending && pending->sha256 == chunkHex)) {
            const QByteArray rawName = crypto::hmacSha256(keys.name, chunkHash);
            QByteArray sealed =
                crypto::encryptFile(keys.enc, d->currentEpoch, rawName, buffer, false);
            if (sealed.isEmpty())
                return fail(
                    QCoreApplication::translate("quire::storage", "could not encrypt a piece of %1")
                        .arg(filePath));
            if (auto r = recordPending(); !r) return r.failure();
            pending = PendingChunk{d->repo.writeBlobAsync(std::move(sealed)), chunkHex, rawName, n};
        }
        done += n;
        if (progress) progress(done, total);
        if (n == 0) break; // an empty file is one empty chunk
    }
    if (auto r = recordPending(); !r) return r.failure();
    const QString mediaType = QMimeDatabase().mimeTypeForFile(info).name();
    return QJsonObject{
        {"name", info.fileName().normalized(QString::NormalizationForm_C)},
        {"media_type", mediaType},
        {"size", done},
        {"sha256", hex(whole.finish())},
        {"chunk_size", kChunkSize},
        {"chunks", chunkIds},
        {"source", QJsonObject{{"kind", "file"},
                               {"instrument", ""},
                               {"original_path",
                                info.absoluteFilePath().normalized(QString::NormalizationForm_C)},
                               {"modified_at", info.lastModified().toUTC().toString(
                                                   QStringLiteral("yyyy-MM-ddTHH:mm:ss.zzzZ"))}}}};
}

Result<VaultAttachment> Vault::attachment(const QString &id) {
    auto st = d->db.prepare(QStringLiteral("SELECT id, name, media_type, size, sha256, chunks, "
                                           "recorded_at FROM attachments WHERE id=?"));
    if (!st) return st.failure();
    st->bind(1, id);
    auto row = st->next();
    if (!row) return row.failure();
    if (!*row)
        return fail(
            QCoreApplication::translate("quire::storage", "there is no attachment %1").arg(id));
    return VaultAttachment{st->text(0),    st->text(1), st->text(2),
                           st->integer(3), st->text(4), st->text(5).split(',', Qt::SkipEmptyParts),
                           st->text(6)};
}

Result<void> Vault::readAttachment(const QString &id,
                                   const std::function<Result<void>(const QByteArray &)> &sink,
                                   const VaultProgress &progress) {
    auto att = attachment(id);
    if (!att) return att.failure();
    // Every chunk is found first, so that the next chunk's object can be read on a helper thread
    // while this one is decrypted, checked and handed to the sink (the database stays on this
    // thread).
    struct Piece {
        QString sha256;
        QString path;
        QByteArray oid;
    };
    QList<Piece> pieces;
    pieces.reserve(att->chunks.size());
    for (const auto &chunkHex : att->chunks) {
        auto st = d->db.cached(QStringLiteral("SELECT c.path, f.oid FROM chunks c JOIN repo_files "
                                              "f ON f.path = c.path WHERE c.sha256=?"));
        if (!st) return st.failure();
        (*st)->bind(1, chunkHex);
        auto row = (*st)->next();
        if (!row) return row.failure();
        if (!*row) {
            (*st)->reset();
            return fail(QCoreApplication::translate("quire::storage",
                                                    "a piece of “%1” is missing (chunk %2)")
                            .arg(att->name, chunkHex));
        }
        pieces.append(Piece{chunkHex, (*st)->text(0), (*st)->text(1).toLatin1()});
        (*st)->reset();
    }
    // The same checks as Impl::readObject: the tag, then that the name fits the content.
    auto decrypt = [&](const Piece &piece, const QByteArray &file) -> Result<QByteArray> {
        auto header = crypto::readFileHeader(file);
        if (!header) return header.failure();
        auto keys = d->keysFor(header->epoch);
        if (!keys) return keys.failure();
        const QByteArray rawName =
            crypto::hmacSha256(keys->name, crypto::fromHex(piece.sha256.toLatin1()));
        if (!piece.path.endsWith(hex(rawName)))
            return fail(QCoreApplication::translate(
                            "quire::storage", "%1 does not carry the name its content implies")
                            .arg(piece.path));
        return crypto::decryptFile(keys->enc, rawName, file);
    };
    crypto::Sha256 whole;
    qint64 done = 0;
    QByteArray spare; // a read chunk's buffer, lent back for reading the one after next
    std::future<Result<QByteArray>> next;
    if (!pieces.isEmpty()) next = d->repo.readBlobAsync(pieces.first().oid);
    for (qsizetype i = 0; i < pieces.size(); ++i) {
        Result<QByteArray> file = next.get();
        if (i + 1 < pieces.size())
            next = d->repo.readBlobAsync(pieces.at(i + 1).oid, std::move(spare));
        auto plain = file ? decrypt(pieces.at(i), *file) : Result<QByteArray>(file.failure());
        if (!plain)
            return fail(
                QCoreApplication::translate("quire::storage", "a piece of “%1” is damaged: %2")
                    .arg(att->name, plain.error()));
        spare = std::move(*file);
        if (hex(crypto::sha256(*plain)) != pieces.at(i).sha256)
            return fail(QCoreApplication::translate("quire::storage",
                                                    "a piece of “%1” does not match its hash")
                            .arg(att->name));
        whole.add(*plain);
        done += plain->size();
        if (auto r = sink(*plain); !r) return r;
        if (progress) progress(done, att->size);
    }
    if (done != att->size || hex(whole.finish()) != att->sha256)
        return fail(QCoreApplication::translate("quire::storage",
                                                "“%1” does not match its recorded size and SHA-256")
                        .arg(att->name));
    return {};
}

} // namespace quire
