// Vault, comments: what members say about entry versions (FORMAT.md §2, `comment`), and which
// requests for changes are still open: until the entry has a version after the commented one,
// or the supervisor who asked corrects the request with a later comment.

#include "vault/VaultImpl.h"

#include "records/WriteRules.h"

#include <QCoreApplication>

namespace quire {

using namespace vaultimpl;

namespace {

const QString kCommentSelect = QStringLiteral(
    "SELECT c.id, c.target, c.target_object, c.target_version, c.author, c.html, "
    "c.requests_changes, c.corrects, c.recorded_at, "
    "EXISTS (SELECT 1 FROM records r WHERE r.object = c.target_object AND r.type = 'entry' AND "
    "r.version > c.target_version), "
    "(SELECT k.id FROM comments k WHERE k.corrects = c.id AND k.author = c.author ORDER BY "
    "k.recorded_at, k.id LIMIT 1) "
    "FROM comments c");

VaultComment commentFromRow(const Statement &st) {
    VaultComment c;
    c.id = st.text(0);
    c.target = st.text(1);
    c.targetObject = st.text(2);
    c.targetVersion = int(st.integer(3));
    c.author = st.text(4);
    c.html = st.text(5);
    c.requestsChanges = st.integer(6) != 0;
    c.corrects = st.text(7);
    c.recordedAt = st.text(8);
    c.answered = st.integer(9) != 0;
    c.correctedBy = st.isNull(10) ? QString() : st.text(10);
    return c;
}

Result<QList<VaultComment>> commentsWhere(Database &db, const QString &where,
                                          const QStringList &args) {
    auto st = db.prepare(kCommentSelect + where + QStringLiteral(" ORDER BY c.recorded_at, c.id"));
    if (!st) return st.failure();
    for (int i = 0; i < args.size(); ++i)
        st->bind(i + 1, args.at(i));
    QList<VaultComment> out;
    while (true) {
        auto row = st->next();
        if (!row) return row.failure();
        if (!*row) break;
        out << commentFromRow(*st);
    }
    return out;
}

} // namespace

QString Vault::Impl::commentRuleProblem(const QString &author, const QJsonObject &body,
                                        const QString &time, bool *missing) {
    return records::commentRuleProblem(
        author, body, [&](const QString &id) { return targetInfo(id); },
        [&] { return memberAt(author, time); }, missing);
}

Result<QList<VaultComment>> Vault::commentsOn(const QString &entry) {
    return commentsWhere(d->db, QStringLiteral(" WHERE c.target_object=?"), {entry});
}

Result<VaultComment> Vault::comment(const QString &id) {
    auto found = commentsWhere(d->db, QStringLiteral(" WHERE c.id=?"), {id});
    if (!found) return found.failure();
    if (found->isEmpty())
        return fail(
            QCoreApplication::translate("quire::storage", "there is no comment %1").arg(id));
    return found->first();
}

Result<QList<VaultComment>> Vault::openChangeRequests(const QString &member) {
    auto all = commentsWhere(
        d->db,
        QStringLiteral(" JOIN entries e ON e.uuid = c.target_object WHERE c.requests_changes = 1 "
                       "AND e.author=?"),
        {member});
    if (!all) return all.failure();
    QList<VaultComment> open;
    for (const auto &c : *all)
        if (c.openRequest()) open << c;
    return open;
}

Result<QString> Vault::commentProblem(const QJsonObject &body) {
    const QJsonObject record{
        {"type", "comment"}, {"prev", QJsonValue()}, {"author", d->memberUuid}, {"body", body}};
    if (const QString p = records::commentFormProblem(record); !p.isEmpty()) return p;
    return d->commentRuleProblem(d->memberUuid, body, nowUtc());
}

} // namespace quire
