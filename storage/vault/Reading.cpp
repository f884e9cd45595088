// Vault, reading: records, members, experiments, entries and search, as the model asks.

#include "vault/VaultImpl.h"

#include <QCoreApplication>
#include <QJsonDocument>
#include <QRegularExpression>

namespace quire {

using namespace vaultimpl;

StoredRecord Vault::Impl::recordFromRow(const Statement &st) {
    StoredRecord r;
    r.id = st.text(0);
    r.type = st.text(1);
    r.object = st.text(2);
    r.prev = st.isNull(3) ? QString() : st.text(3);
    r.author = st.text(4);
    r.device = st.text(5);
    r.seq = st.integer(6);
    r.recordedAt = st.text(7);
    r.version = int(st.integer(8));
    r.envelope = st.blob(9);
    r.body = QJsonDocument::fromJson(r.envelope)
                 .object()
                 .value("record")
                 .toObject()
                 .value("body")
                 .toObject();
    return r;
}

Result<QList<StoredRecord>> Vault::Impl::queryRecords(const QString &where,
                                                      const QStringList &args) {
    auto st = db.prepare(QStringLiteral("SELECT id, type, object, prev, author, device, seq, "
                                        "recorded_at, version, envelope FROM records ") +
                         where);
    if (!st) return st.failure();
    for (int i = 0; i < args.size(); ++i)
        st->bind(i + 1, args[i]);
    return st->collect([](const Statement &row) { return recordFromRow(row); });
}

Result<StoredRecord> Vault::record(const QString &id) {
    auto list = d->queryRecords(QStringLiteral("WHERE id=?"), {id});
    if (!list) return list.failure();
    if (list->isEmpty())
        return fail(QCoreApplication::translate("quire::storage", "there is no record %1").arg(id));
    return list->first();
}

Result<QList<StoredRecord>> Vault::chain(const QString &object) {
    // The head rule's order (vault/Conflicts.cpp), so that every vault lists a forked chain
    // alike and its last record is the head.
    return d->queryRecords(QStringLiteral("WHERE object=? ORDER BY version, recorded_at, id"),
                           {object});
}

Result<QList<StoredRecord>> Vault::allRecords() {
    return d->queryRecords(QStringLiteral("ORDER BY rowid"), {});
}

Result<QString> Vault::head(const QString &object) {
    auto st =
        d->db.cached(QStringLiteral("SELECT id FROM records WHERE object=? ORDER BY version DESC, "
                                    "recorded_at DESC, id DESC LIMIT 1"));
    if (!st) return st.failure();
    (*st)->bind(1, object);
    auto row = (*st)->next();
    if (!row) return row.failure();
    if (!*row)
        return fail(QCoreApplication::translate("quire::storage", "there is nothing with the id %1")
                        .arg(object));
    const QString id = (*st)->text(0);
    (*st)->reset();
    return id;
}

Result<QList<VaultMember>> Vault::members() {
    auto st = d->db.prepare(QStringLiteral("SELECT uuid, name, email, roles, status, sign_cert, "
                                           "cert_sha256 FROM members ORDER BY name"));
    if (!st) return st.failure();
    return st->collect([](const Statement &row) {
        return VaultMember{
            row.text(0), row.text(1), row.text(2), row.text(3).split(',', Qt::SkipEmptyParts),
            row.text(4), row.blob(5), row.text(6)};
    });
}

Result<VaultMember> Vault::member(const QString &uuid) {
    auto st = d->db.cached(QStringLiteral("SELECT uuid, name, email, roles, status, sign_cert, "
                                          "cert_sha256 FROM members WHERE uuid=?"));
    if (!st) return st.failure();
    (*st)->bind(1, uuid);
    auto row = (*st)->next();
    if (!row) return row.failure();
    if (!*row) {
        (*st)->reset();
        return fail(
            QCoreApplication::translate("quire::storage", "%1 is not a member of this notebook")
                .arg(uuid));
    }
    VaultMember m{(*st)->text(0), (*st)->text(1),
                  (*st)->text(2), (*st)->text(3).split(',', Qt::SkipEmptyParts),
                  (*st)->text(4), (*st)->blob(5),
                  (*st)->text(6)};
    (*st)->reset();
    return m;
}

namespace {
VaultExperiment experimentFromRow(const Statement &st) {
    VaultExperiment e;
    e.uuid = st.text(0);
    e.head = st.text(1);
    e.title = st.text(2);
    e.project = st.text(3);
    e.tags = toStringList(QJsonDocument::fromJson(st.text(4).toUtf8()).array());
    e.status = st.text(5);
    e.author = st.text(6);
    e.createdAt = st.text(7);
    e.updatedAt = st.text(8);
    e.entryCount = int(st.integer(9));
    return e;
}

VaultEntry entryFromRow(const Statement &st) {
    VaultEntry e;
    e.uuid = st.text(0);
    e.head = st.text(1);
    e.experiment = st.text(2);
    e.order = int(st.integer(3));
    e.versions = int(st.integer(4));
    e.title = st.text(5);
    e.status = st.text(6);
    e.author = st.text(7);
    e.createdAt = st.text(8);
    e.updatedAt = st.text(9);
    return e;
}

const char *kExperimentColumns =
    "SELECT x.uuid, x.head, x.title, x.project, x.tags, x.status, x.author, x.created_at, "
    "x.updated_at, (SELECT count(*) FROM entries e WHERE e.experiment = x.uuid) FROM experiments "
    "x ";
const char *kEntryColumns = "SELECT uuid, head, experiment, ord, versions, title, status, author, "
                            "created_at, updated_at FROM entries ";
} // namespace

Result<QList<VaultExperiment>> Vault::experiments() {
    auto st = d->db.prepare(QLatin1String(kExperimentColumns) +
                            QStringLiteral("ORDER BY x.updated_at DESC"));
    if (!st) return st.failure();
    return st->collect([](const Statement &row) { return experimentFromRow(row); });
}

Result<VaultExperiment> Vault::experiment(const QString &uuid) {
    auto st = d->db.prepare(QLatin1String(kExperimentColumns) + QStringLiteral("WHERE x.uuid=?"));
    if (!st) return st.failure();
    st->bind(1, uuid);
    auto row = st->next();
    if (!row) return row.failure();
    if (!*row)
        return fail(
            QCoreApplication::translate("quire::storage", "there is no experiment %1").arg(uuid));
    return experimentFromRow(*st);
}

Result<QList<VaultEntry>> Vault::entries(const QString &experiment) {
    auto st = d->db.prepare(QLatin1String(kEntryColumns) +
                            QStringLiteral("WHERE experiment=? ORDER BY ord, created_at"));
    if (!st) return st.failure();
    st->bind(1, experiment);
    return st->collect([](const Statement &row) { return entryFromRow(row); });
}

Result<VaultEntry> Vault::entry(const QString &uuid) {
    auto st = d->db.prepare(QLatin1String(kEntryColumns) + QStringLiteral("WHERE uuid=?"));
    if (!st) return st.failure();
    st->bind(1, uuid);
    auto row = st->next();
    if (!row) return row.failure();
    if (!*row)
        return fail(
            QCoreApplication::translate("quire::storage", "there is no entry %1").arg(uuid));
    return entryFromRow(*st);
}

Result<int> Vault::nextEntryOrder(const QString &experiment) {
    auto st = d->db.cached(
        QStringLiteral("SELECT coalesce(max(ord), 0) + 1 FROM entries WHERE experiment=?"));
    if (!st) return st.failure();
    (*st)->bind(1, experiment);
    auto row = (*st)->next();
    if (!row) return row.failure();
    const int order = int((*st)->integer(0));
    (*st)->reset();
    return order;
}

Result<QList<VaultSearchHit>> Vault::search(const QString &query, int limit,
                                            const VaultSearchFilter &filter) {
    // Every word the person typed must match, each as a prefix; FTS syntax in the query is
    // treated as text, so a stray quote or "NEAR" cannot break or widen the search.
    static const QRegularExpression nonWord(QStringLiteral("[^\\p{L}\\p{N}]+"));
    QStringList terms;
    for (const auto &word : query.split(nonWord, Qt::SkipEmptyParts))
        terms << QStringLiteral("\"%1*\"").arg(word); // FTS4 prefix: the star inside the quotes
    if (terms.isEmpty() && filter.isEmpty()) return QList<VaultSearchHit>{};
    // Conditions on what a hit belongs to: its entry (for an attachment, the entry holding it)
    // and its experiment. With a signature condition only entries can match.
    const QString conditions = QStringLiteral(
        "(?2 = '' OR coalesce(e.updated_at, x.updated_at) >= ?2) AND "
        "(?3 = '' OR coalesce(e.updated_at, x.updated_at) < ?3) AND "
        "(?4 = '' OR coalesce(e.author, x.author) = ?4) AND "
        "(?5 = '' OR x.tags LIKE ?5 ESCAPE '\\') AND "
        "(?6 = 0 OR (e.uuid IS NOT NULL AND (?6 = 1) = EXISTS(SELECT 1 FROM signatures g WHERE "
        "g.target_object = e.uuid)))");
    const QString joins = QStringLiteral(
        " JOIN search_docs d ON d.docid = s.docid LEFT JOIN entries e ON e.uuid = CASE d.kind "
        "WHEN 'entry' THEN d.ref WHEN 'attachment' THEN d.entry END LEFT JOIN experiments x ON "
        "x.uuid = d.experiment ");
    QString sql;
    if (filter.isEmpty()) {
        sql = QStringLiteral(
            "SELECT d.kind, d.ref, d.experiment, m.title, m.snip FROM (SELECT docid, title, "
            "snippet(search, '[[', ']]', '…', -1, 12) AS snip FROM search WHERE search MATCH ?1 "
            "ORDER BY docid DESC LIMIT ?7) m JOIN search_docs d ON d.docid = m.docid");
    } else if (!terms.isEmpty()) {
        sql = QStringLiteral("SELECT d.kind, d.ref, d.experiment, s.title, snippet(search, '[[', "
                             "']]', '…', -1, 12) FROM search s") +
              joins + QStringLiteral("WHERE search MATCH ?1 AND ") + conditions +
              QStringLiteral(" ORDER BY s.docid DESC LIMIT ?7");
    } else {
        // Filters alone: every entry and experiment that meets them, newest first.
        sql = QStringLiteral("SELECT d.kind, d.ref, d.experiment, s.title, '' FROM search s") +
              joins + QStringLiteral("WHERE d.kind <> 'attachment' AND ?1 = '' AND ") + conditions +
              QStringLiteral(" ORDER BY s.docid DESC LIMIT ?7");
    }
    auto st = d->db.cached(sql);
    if (!st) return st.failure();
    QString tagPattern;
    if (!filter.tag.isEmpty()) {
        QString escaped = filter.tag;
        escaped.replace('\\', QStringLiteral("\\\\"))
            .replace('%', QStringLiteral("\\%"))
            .replace('_', QStringLiteral("\\_"));
        tagPattern = QStringLiteral("%\"") + escaped + QStringLiteral("\"%");
    }
    (*st)->bind(1, terms.join(' ')).bind(7, limit);
    if (!filter.isEmpty())
        (*st)
            ->bind(2, filter.from)
            .bind(3, filter.before)
            .bind(4, filter.author)
            .bind(5, tagPattern)
            .bind(6, filter.signedState);
    QList<VaultSearchHit> out;
    while (true) {
        auto row = (*st)->next();
        if (!row) return row.failure();
        if (!*row) break;
        out << VaultSearchHit{(*st)->text(0), (*st)->text(1), (*st)->text(2), (*st)->text(3),
                              (*st)->text(4)};
    }
    (*st)->reset();
    // An attachment hit points at its entry, which the person can open.
    for (auto &hit : out) {
        if (hit.kind != "attachment") continue;
        auto e = d->db.cached(
            QStringLiteral("SELECT entry FROM search_docs WHERE kind='attachment' AND ref=?"));
        if (!e) return e.failure();
        (*e)->bind(1, hit.ref);
        auto row = (*e)->next();
        if (!row) return row.failure();
        if (*row) hit.ref = (*e)->text(0);
        (*e)->reset();
    }
    return out;
}

} // namespace quire
