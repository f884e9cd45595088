// Vault, appending: the one writer of records. Drafts are sealed as this member, encrypted
// into repo.git and stored with their derived rows in one transaction.

#include "vault/VaultImpl.h"

#include "Parallel.h"

#include <QCoreApplication>

#include <algorithm>
#include <optional>
#include <vector>

namespace quire {

using namespace vaultimpl;

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
    auto sealed = records::seal(record, signKey, signCertSha256);
    if (!sealed) return sealed.failure();

    StoredRecord out;
    out.id = sealed->id;
    out.type = draft.type;
    out.object = draft.object;
    out.prev = draft.prev;
    out.author = memberUuid;
    out.device = deviceUuid;
    out.seq = seq;
    out.recordedAt = recordedAt;
    out.version = version;
    out.body = draft.body;
    out.envelope = sealed->envelope;
    return out;
}

Result<int> Vault::Impl::versionAfter(const QString &prev, const QString &object,
                                      const QString &type) {
    if (prev.isEmpty()) return 1;
    auto st = db.cached(QStringLiteral("SELECT object, type, version FROM records WHERE id=?"));
    if (!st) return st.failure();
    (*st)->bind(1, prev);
    auto row = (*st)->next();
    if (!row) return row.failure();
    if (!*row)
        return fail(
            QCoreApplication::translate("quire::storage", "the previous version %1 does not exist")
                .arg(prev));
    const QString o = (*st)->text(0), t = (*st)->text(1);
    const int v = int((*st)->integer(2));
    (*st)->reset();
    if (o != object || t != type)
        return fail(QCoreApplication::translate("quire::storage",
                                                "the previous version %1 belongs to another object")
                        .arg(prev));
    return v + 1;
}

Result<QList<StoredRecord>> Vault::Impl::appendLocked(QList<RecordDraft> drafts) {
    if (joining)
        return fail(QCoreApplication::translate(
            "quire::storage", "this notebook is waiting for an admin to approve your join "
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
            if (auto res = insertRecord(*p.sealed, p.path, p.oid, &p.searchBody, true, true);
                !res) {
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
                auto v = versionOf(draft.prev, draft.object, draft.type, draft.body);
                if (!v) return v.failure();
                version = *v;
            }
        }
        auto sealed = seal(draft, ++seq, recordedAt, version);
        if (!sealed) return sealed.failure();
        auto object = writeRecordObject(*sealed);
        if (!object) return object.failure();
        if (auto res = insertRecord(*sealed, object->first, object->second, nullptr, false, true);
            !res)
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

Result<QList<StoredRecord>> Vault::append(const QList<RecordDraft> &drafts) {
    return d->appendLocked(drafts);
}

Result<StoredRecord> Vault::appendOne(const RecordDraft &draft) {
    auto out = d->appendLocked({draft});
    if (!out) return out.failure();
    return out->last();
}

Result<void> Vault::inOneTransaction(const std::function<Result<void>()> &work) {
    const qint64 seq = d->lastSeq;
    const QString recordedAt = d->lastRecordedAt;
    Result<void> outcome = [&]() -> Result<void> {
        Transaction tx(d->db);
        if (!tx.started()) return tx.started().failure();
        if (auto r = work(); !r) return r;
        return tx.commit();
    }();
    if (!outcome) {
        // What the rolled-back appends counted is forgotten with them.
        d->lastSeq = seq;
        d->lastRecordedAt = recordedAt;
        d->signers.clear();
    }
    return outcome;
}

Result<void> Vault::audit(const QString &action, const QJsonObject &detail) {
    auto r = appendOne(RecordDraft{
        "audit", crypto::newUuid(), {}, QJsonObject{{"action", action}, {"detail", detail}}, {}});
    if (!r) return r.failure();
    return {};
}

} // namespace quire
