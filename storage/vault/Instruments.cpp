// Vault, instruments: the instruments the records describe, the files they wrote (captures) and
// where each stands, the files this device has read, and the settings that stay on this computer.

#include "vault/VaultImpl.h"

#include <QCoreApplication>

namespace quire {

using namespace vaultimpl;

namespace {

const QString kInstrumentColumns = QStringLiteral(
    "uuid, head, name, model, serial, location, status, reason, author, created_at, updated_at");

VaultInstrument instrumentFromRow(const Statement &st) {
    return VaultInstrument{st.text(0), st.text(1), st.text(2), st.text(3), st.text(4), st.text(5),
                           st.text(6), st.text(7), st.text(8), st.text(9), st.text(10)};
}

// Held by an entry: an entry version names it (entries index their attachments for search).
const QString kCaptureSelect = QStringLiteral(
    "SELECT c.id, c.instrument, c.original_path, c.modified_at, a.name, a.size, a.sha256, "
    "a.recorded_at, c.reader, c.problem, "
    "(SELECT d.entry FROM search_docs d WHERE d.kind='attachment' AND d.ref=c.id LIMIT 1), "
    "(SELECT s.reason FROM set_asides s WHERE s.target=c.id ORDER BY s.recorded_at LIMIT 1) "
    "FROM captures c JOIN attachments a ON a.id = c.id");

VaultCapture captureFromRow(const Statement &st) {
    VaultCapture c;
    c.id = st.text(0);
    c.instrument = st.text(1);
    c.originalPath = st.text(2);
    c.modifiedAt = st.text(3);
    c.name = st.text(4);
    c.size = st.integer(5);
    c.sha256 = st.text(6);
    c.capturedAt = st.text(7);
    c.reader = st.text(8);
    c.problem = st.text(9);
    c.heldBy = st.text(10);
    c.setAsideReason = st.text(11);
    return c;
}

} // namespace

Result<QList<VaultInstrument>> Vault::instruments() {
    auto st = d->db.prepare(QStringLiteral("SELECT %1 FROM instruments ORDER BY name, created_at")
                                .arg(kInstrumentColumns));
    if (!st) return st.failure();
    QList<VaultInstrument> out;
    while (true) {
        auto row = st->next();
        if (!row) return row.failure();
        if (!*row) break;
        out << instrumentFromRow(*st);
    }
    return out;
}

Result<VaultInstrument> Vault::instrument(const QString &uuid) {
    auto st = d->db.prepare(
        QStringLiteral("SELECT %1 FROM instruments WHERE uuid=?").arg(kInstrumentColumns));
    if (!st) return st.failure();
    st->bind(1, uuid);
    auto row = st->next();
    if (!row) return row.failure();
    if (!*row)
        return fail(
            QCoreApplication::translate("quire::storage", "there is no instrument %1").arg(uuid));
    return instrumentFromRow(*st);
}

Result<QList<VaultCapture>> Vault::captures(bool inboxOnly) {
    auto st = d->db.prepare(kCaptureSelect + QStringLiteral(" ORDER BY a.recorded_at, c.id"));
    if (!st) return st.failure();
    QList<VaultCapture> out;
    while (true) {
        auto row = st->next();
        if (!row) return row.failure();
        if (!*row) break;
        VaultCapture c = captureFromRow(*st);
        if (!inboxOnly || c.inInbox()) out << c;
    }
    return out;
}

Result<VaultCapture> Vault::capture(const QString &id) {
    auto st = d->db.prepare(kCaptureSelect + QStringLiteral(" WHERE c.id=?"));
    if (!st) return st.failure();
    st->bind(1, id);
    auto row = st->next();
    if (!row) return row.failure();
    if (!*row)
        return fail(
            QCoreApplication::translate("quire::storage", "there is no capture %1").arg(id));
    return captureFromRow(*st);
}

Result<bool> Vault::hasCapture(const QString &sha256, const QString &originalPath) {
    auto st = d->db.cached(
        QStringLiteral("SELECT 1 FROM captures WHERE sha256=? AND original_path=? LIMIT 1"));
    if (!st) return st.failure();
    (*st)->bind(1, sha256).bind(2, originalPath);
    auto row = (*st)->next();
    if (!row) return row.failure();
    const bool found = *row;
    (*st)->reset();
    return found;
}

Result<void> Vault::setAttachmentText(const QString &id, const QString &text) {
    auto st = d->db.cached(
        QStringLiteral("INSERT OR REPLACE INTO attachment_text(id, text) VALUES(?,?)"));
    if (!st) return st.failure();
    (*st)->bind(1, id).bind(2, text);
    if (auto r = (*st)->run(); !r) return r;
    auto up = d->db.cached(
        QStringLiteral("UPDATE search SET body=? WHERE docid IN "
                       "(SELECT docid FROM search_docs WHERE kind='attachment' AND ref=?)"));
    if (!up) return up.failure();
    (*up)->bind(1, text).bind(2, id);
    return (*up)->run();
}

Result<QList<VaultAttachment>> Vault::attachmentsWithoutText(const QString &mediaType) {
    auto st = d->db.prepare(QStringLiteral(
        "SELECT a.id FROM attachments a WHERE a.media_type=? AND NOT EXISTS "
        "(SELECT 1 FROM attachment_text t WHERE t.id = a.id) ORDER BY a.recorded_at, a.id"));
    if (!st) return st.failure();
    st->bind(1, mediaType);
    QStringList ids;
    while (true) {
        auto row = st->next();
        if (!row) return row.failure();
        if (!*row) break;
        ids << st->text(0);
    }
    QList<VaultAttachment> out;
    for (const QString &id : ids) {
        auto a = attachment(id);
        if (!a) return a.failure();
        out << *a;
    }
    return out;
}

Result<QString> Vault::seenFile(const QString &path, qint64 size, const QString &modifiedAt) {
    auto st = d->db.cached(QStringLiteral(
        "SELECT sha256 FROM capture_seen WHERE path=? AND size=? AND modified_at=?"));
    if (!st) return st.failure();
    (*st)->bind(1, path).bind(2, size).bind(3, modifiedAt);
    auto row = (*st)->next();
    if (!row) return row.failure();
    const QString sha = *row ? (*st)->text(0) : QString();
    (*st)->reset();
    return sha;
}

Result<void> Vault::noteSeenFile(const QString &path, qint64 size, const QString &modifiedAt,
                                 const QString &sha256) {
    auto st = d->db.cached(QStringLiteral(
        "INSERT OR REPLACE INTO capture_seen(path, size, modified_at, sha256) VALUES(?,?,?,?)"));
    if (!st) return st.failure();
    (*st)->bind(1, path).bind(2, size).bind(3, modifiedAt).bind(4, sha256);
    return (*st)->run();
}

Result<QString> Vault::localSetting(const QString &key) {
    return d->syncState(QStringLiteral("local/") + key);
}

Result<void> Vault::setLocalSetting(const QString &key, const QString &value) {
    if (value.isEmpty()) {
        auto st = d->db.cached(QStringLiteral("DELETE FROM sync_state WHERE key=?"));
        if (!st) return st.failure();
        (*st)->bind(1, QStringLiteral("local/") + key);
        return (*st)->run();
    }
    return d->setSyncState(QStringLiteral("local/") + key, value);
}

Result<QMap<QString, QString>> Vault::localSettings(const QString &prefix) {
    const QString full = QStringLiteral("local/") + prefix;
    auto st = d->db.prepare(QStringLiteral(
        "SELECT key, value FROM sync_state WHERE substr(key, 1, ?) = ? ORDER BY key"));
    if (!st) return st.failure();
    st->bind(1, qint64(full.size())).bind(2, full);
    QMap<QString, QString> out;
    while (true) {
        auto row = st->next();
        if (!row) return row.failure();
        if (!*row) break;
        out.insert(st->text(0).mid(6), st->text(1));
    }
    return out;
}

} // namespace quire
