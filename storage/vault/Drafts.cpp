// Vault, drafts: text being typed, kept between saves (local, never synced).

#include "vault/VaultImpl.h"

#include <QCoreApplication>
#include <QJsonArray>
#include <QJsonDocument>

namespace quire {

using namespace vaultimpl;

// ---- drafts --------------------------------------------------------------------------------

Result<void> Vault::putDraft(const VaultDraft &draft) {
    if (draft.key.isEmpty() || draft.experiment.isEmpty())
        return fail(
            QCoreApplication::translate("quire::storage", "a draft needs its entry or experiment"));
    auto st = d->db.cached(
        QStringLiteral("INSERT OR REPLACE INTO drafts(key, entry, experiment, base, title, html, "
                       "saved_at, attachments) VALUES(?,?,?,?,?,?,?,?)"));
    if (!st) return st.failure();
    (*st)->bind(1, draft.key);
    if (draft.entry.isEmpty())
        (*st)->bindNull(2);
    else
        (*st)->bind(2, draft.entry);
    (*st)->bind(3, draft.experiment);
    if (draft.base.isEmpty())
        (*st)->bindNull(4);
    else
        (*st)->bind(4, draft.base);
    (*st)->bind(5, draft.title).bind(6, draft.html).bind(7, nowUtc());
    (*st)->bind(8, QString::fromUtf8(QJsonDocument(QJsonArray::fromStringList(draft.attachments))
                                         .toJson(QJsonDocument::Compact)));
    return (*st)->run();
}

Result<QList<VaultDraft>> Vault::drafts() {
    auto st = d->db.prepare(QStringLiteral("SELECT key, entry, experiment, base, title, html, "
                                           "saved_at, attachments FROM drafts ORDER BY saved_at"));
    if (!st) return st.failure();
    return st->collect([](const Statement &row) {
        QStringList attachments;
        for (const QJsonValue &id : QJsonDocument::fromJson(row.text(7).toUtf8()).array())
            attachments << id.toString();
        return VaultDraft{row.text(0), row.isNull(1) ? QString() : row.text(1),
                          row.text(2), row.isNull(3) ? QString() : row.text(3),
                          row.text(4), row.text(5),
                          row.text(6), attachments};
    });
}

Result<void> Vault::removeDraft(const QString &key) {
    auto st = d->db.cached(QStringLiteral("DELETE FROM drafts WHERE key=?"));
    if (!st) return st.failure();
    (*st)->bind(1, key);
    return (*st)->run();
}

} // namespace quire
