// Vault, conflicts: an object whose chain forks (two versions naming the same `prev`, written
// on two computers apart) has several tips. Every vault shows the same one of them as the head,
// chosen from the records alone, and a version that names the others in `merges` joins them
// again (FORMAT.md §2, "Conflicts").

#include "vault/VaultImpl.h"

#include <QQueue>

#include <algorithm>

namespace quire {

using namespace vaultimpl;

namespace {

// The head rule in SQL: the version furthest from the first, then the latest recorded_at, then
// the larger record id. The same order sorts a chain, so that a chain's last record is its head.
const char *kHeadOrder = "ORDER BY version DESC, recorded_at DESC, id DESC";

} // namespace

Result<int> Vault::Impl::versionOf(const QString &prev, const QString &object, const QString &type,
                                   const QJsonObject &body) {
    auto version = versionAfter(prev, object, type);
    if (!version) return version;
    // A version that joins tips comes after all of them.
    const QJsonArray merged = body.value("merges").toArray();
    if (merged.isEmpty()) return version;
    auto st = db.cached(QStringLiteral("SELECT version FROM records WHERE id=?"));
    if (!st) return st.failure();
    int out = *version;
    for (const auto &id : merged) {
        (*st)->bind(1, id.toString());
        auto row = (*st)->next();
        if (!row) return row.failure();
        if (*row) out = std::max(out, int((*st)->integer(0)) + 1);
        (*st)->reset();
    }
    return out;
}

Result<void> Vault::Impl::noteMerges(const StoredRecord &r) {
    const QJsonArray merged = r.body.value("merges").toArray();
    if (merged.isEmpty()) return {};
    auto st = db.cached(QStringLiteral("INSERT OR IGNORE INTO merges(record, merged) VALUES(?,?)"));
    if (!st) return st.failure();
    for (const auto &id : merged) {
        (*st)->bind(1, r.id).bind(2, id.toString());
        if (auto res = (*st)->run(); !res) return res;
    }
    return {};
}

Result<bool> Vault::Impl::isHead(const StoredRecord &r) {
    auto st = db.cached(QStringLiteral("SELECT id FROM records WHERE object=? ") +
                        QLatin1String(kHeadOrder) + QStringLiteral(" LIMIT 1"));
    if (!st) return st.failure();
    (*st)->bind(1, r.object);
    auto row = (*st)->next();
    if (!row) return row.failure();
    const bool head = *row && (*st)->text(0) == r.id;
    (*st)->reset();
    return head;
}

QString Vault::Impl::mergeProblem(const QString &type, const QString &object, const QString &prev,
                                  const QJsonObject &body, bool *missing, int *version) {
    const QJsonArray merged = body.value("merges").toArray();
    if (merged.isEmpty()) return {};
    // Every version of the object and what each names before it.
    QHash<QString, QStringList> parents;
    QHash<QString, int> versions;
    {
        auto st =
            db.cached(QStringLiteral("SELECT id, prev, version, type FROM records WHERE object=?"));
        if (!st) return st.error();
        (*st)->bind(1, object);
        while (true) {
            auto row = (*st)->next();
            if (!row) return row.error();
            if (!*row) break;
            if ((*st)->text(3) != type) continue;
            const QString id = (*st)->text(0);
            versions.insert(id, int((*st)->integer(2)));
            if (!(*st)->isNull(1)) parents[id] << (*st)->text(1);
        }
        (*st)->reset();
        auto m = db.cached(QStringLiteral("SELECT m.record, m.merged FROM merges m JOIN records r "
                                          "ON r.id = m.record WHERE r.object=?"));
        if (!m) return m.error();
        (*m)->bind(1, object);
        while (true) {
            auto row = (*m)->next();
            if (!row) return row.error();
            if (!*row) break;
            parents[(*m)->text(0)] << (*m)->text(1);
        }
        (*m)->reset();
    }
    auto ancestorsOf = [&](const QString &start) {
        QSet<QString> seen;
        QQueue<QString> todo;
        todo.enqueue(start);
        while (!todo.isEmpty()) {
            const QString id = todo.dequeue();
            for (const auto &p : parents.value(id))
                if (!seen.contains(p)) {
                    seen.insert(p);
                    todo.enqueue(p);
                }
        }
        return seen;
    };
    QStringList named{prev};
    int highest = versions.value(prev);
    for (const auto &v : merged) {
        const QString id = v.toString();
        if (!versions.contains(id)) {
            auto st = db.cached(QStringLiteral("SELECT 1 FROM records WHERE id=?"));
            if (!st) return st.error();
            (*st)->bind(1, id);
            auto row = (*st)->next();
            const bool elsewhere = row && *row;
            (*st)->reset();
            if (elsewhere)
                return QStringLiteral("it merges %1, which is not a version of the same %2")
                    .arg(id.left(12), type);
            if (missing) *missing = true;
            return QStringLiteral("a version it merges (%1) has not arrived").arg(id.left(12));
        }
        highest = std::max(highest, versions.value(id));
        named << id;
    }
    // A merged version already before another one named is no tip of its own: naming it would
    // make the chain say a conflict existed where there was none.
    for (const auto &id : named) {
        const QSet<QString> before = ancestorsOf(id);
        for (const auto &other : named)
            if (other != id && before.contains(other))
                return QStringLiteral("it merges %1, which is already an earlier version of %2")
                    .arg(other.left(12), id.left(12));
    }
    if (version) *version = highest + 1;
    return {};
}

Result<QList<StoredRecord>> Vault::tips(const QString &object) {
    return d->queryRecords(
        QStringLiteral("r WHERE r.object=?1 AND NOT EXISTS (SELECT 1 FROM records n WHERE n.prev "
                       "= r.id) AND NOT EXISTS (SELECT 1 FROM merges m WHERE m.merged = r.id) ") +
            QLatin1String(kHeadOrder),
        {object});
}

} // namespace quire
