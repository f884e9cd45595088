// Vault, alarms (issue 16, "alarms that count"): what a sync found wrong on the server stays an
// alarm until an admin acknowledges it with a reason. An alarm about a file on the server (it
// fails authentication, its name does not fit its content, other bytes under a name this
// vault holds, a refused key grant or CA share) keeps every sync failing until then, in every
// vault, whether or not that vault saw the file before. The acknowledgement is an `audit`
// record (action `alarm_acknowledged`), so it syncs and every vault sees it.

#include "vault/VaultImpl.h"

#include <QCoreApplication>

namespace quire {

using namespace vaultimpl;

namespace {

const QString kAcknowledged = QStringLiteral("alarm_acknowledged");

QString idOf(const QByteArray &subject) {
    return hex(crypto::sha256("quire/1 alarm\n" + subject)).left(16);
}

// A file on the server is named by its path and git object id, which every vault sees alike.
QString fileAlarmId(const QString &path, const QString &oid) {
    return idOf("file\n" + path.toUtf8() + '\n' + oid.toLatin1());
}

QString eventAlarmId(const QString &kind, const QString &detail) {
    return idOf(kind.toUtf8() + '\n' + detail.toUtf8());
}

} // namespace

Result<bool> Vault::Impl::raiseAlarm(const QString &kind, const QString &detail,
                                     const QString &path, const QByteArray &oid) {
    const QString id =
        path.isEmpty() ? eventAlarmId(kind, detail) : fileAlarmId(path, QString::fromLatin1(oid));
    auto st = db.cached(
        QStringLiteral("INSERT OR IGNORE INTO alarms(at, kind, detail, alarm_id, path, oid) "
                       "VALUES(?,?,?,?,?,?)"));
    if (!st) return st.failure();
    (*st)
        ->bind(1, nowUtc())
        .bind(2, kind)
        .bind(3, detail)
        .bind(4, id)
        .bind(5, path)
        .bind(6, QString::fromLatin1(oid));
    if (auto r = (*st)->run(); !r) return r.failure();
    return db.changes() > 0;
}

Result<void> Vault::Impl::noteAcknowledgement(const StoredRecord &r) {
    if (r.body.value("action").toString() != kAcknowledged) return {};
    const QJsonObject detail = r.body.value("detail").toObject();
    auto st = db.cached(QStringLiteral("INSERT OR IGNORE INTO alarm_acknowledgements(alarm_id, "
                                       "record, author, at, reason) VALUES(?,?,?,?,?)"));
    if (!st) return st.failure();
    (*st)
        ->bind(1, detail.value("alarm").toString())
        .bind(2, r.id)
        .bind(3, r.author)
        .bind(4, r.recordedAt)
        .bind(5, detail.value("reason").toString());
    return (*st)->run();
}

Result<QStringList> Vault::Impl::openAlarmLines() {
    auto st = db.prepare(QStringLiteral(
        "SELECT a.detail FROM alarms a WHERE a.path <> '' AND NOT EXISTS (SELECT 1 FROM "
        "alarm_acknowledgements k WHERE k.alarm_id = a.alarm_id) ORDER BY a.rowid"));
    if (!st) return st.failure();
    return st->collect([](const Statement &row) { return row.text(0); });
}

Result<QList<Vault::Alarm>> Vault::alarms() {
    QList<Alarm> out;
    QSet<QString> ids;
    auto st = d->db.prepare(QStringLiteral(
        "SELECT a.alarm_id, a.kind, a.path, a.detail, a.at, k.author, k.at, k.reason, k.record "
        "FROM alarms a LEFT JOIN alarm_acknowledgements k ON k.alarm_id = a.alarm_id "
        "ORDER BY a.rowid"));
    if (!st) return st.failure();
    while (true) {
        auto row = st->next();
        if (!row) return row.failure();
        if (!*row) break;
        Alarm a;
        a.kind = st->text(1);
        a.path = st->text(2);
        a.detail = st->text(3);
        // Alarms kept before ids existed are named by kind and detail.
        a.id = st->isNull(0) ? eventAlarmId(a.kind, a.detail) : st->text(0);
        if (ids.contains(a.id)) continue;
        ids.insert(a.id);
        a.firstSeen = st->text(4);
        a.counts = !a.path.isEmpty();
        a.acknowledgedBy = st->text(5);
        a.acknowledgedAt = st->text(6);
        a.reason = st->text(7);
        a.acknowledgement = st->text(8);
        out << a;
    }
    // Files refused by the rules (not as the rules intend) are no alarm, but an admin can
    // acknowledge them too, after which verify counts them as looked at.
    auto q = d->db.prepare(QStringLiteral("SELECT path, oid, reason, seen_at FROM quarantine "
                                          "WHERE expected = 0 ORDER BY seen_at, path"));
    if (!q) return q.failure();
    while (true) {
        auto row = q->next();
        if (!row) return row.failure();
        if (!*row) break;
        Alarm a;
        a.id = fileAlarmId(q->text(0), q->text(1));
        if (ids.contains(a.id)) continue;
        ids.insert(a.id);
        a.kind = QStringLiteral("refused");
        a.path = q->text(0);
        a.detail = QStringLiteral("%1: %2").arg(q->text(0), q->text(2));
        a.firstSeen = q->text(3);
        out << a;
    }
    // Acknowledgements of refused files (their id comes from the path and object id, which SQL
    // cannot hash), filled in here.
    auto k = d->db.prepare(
        QStringLiteral("SELECT author, at, reason, record FROM alarm_acknowledgements WHERE "
                       "alarm_id=?"));
    if (!k) return k.failure();
    for (Alarm &a : out) {
        if (!a.acknowledgedBy.isEmpty()) continue;
        k->bind(1, a.id);
        auto row = k->next();
        if (!row) return row.failure();
        if (*row) {
            a.acknowledgedBy = k->text(0);
            a.acknowledgedAt = k->text(1);
            a.reason = k->text(2);
            a.acknowledgement = k->text(3);
        }
        k->reset();
    }
    return out;
}

Result<Vault::Alarm> Vault::acknowledgeAlarm(const QString &id, const QString &reason) {
    if (d->joining)
        return fail(QCoreApplication::translate("quire::storage",
                                                "this vault has not joined its notebook yet"));
    auto me = member(d->memberUuid);
    if (!me) return me.failure();
    if (me->status != "active" || !me->roles.contains("admin"))
        return fail(QCoreApplication::translate(
            "quire::storage", "only an active admin of the notebook may acknowledge an "
                              "alarm"));
    if (reason.trimmed().isEmpty())
        return fail(QCoreApplication::translate("quire::storage",
                                                "a reason is needed to acknowledge an alarm"));
    const QString wanted = id.trimmed().toLower();
    if (wanted.size() < 6)
        return fail(QCoreApplication::translate(
            "quire::storage", "name the alarm by its id (at least its first 6 digits; "
                              "see: alarms)"));
    auto all = alarms();
    if (!all) return all.failure();
    QList<Alarm> matches;
    for (const Alarm &a : *all)
        if (a.id.startsWith(wanted)) matches << a;
    if (matches.isEmpty())
        return fail(QCoreApplication::translate(
                        "quire::storage", "no alarm of this notebook has the id %1 (see: alarms)")
                        .arg(wanted));
    if (matches.size() > 1)
        return fail(QCoreApplication::translate("quire::storage",
                                                "%1 alarms start with %2: give more of the id")
                        .arg(matches.size())
                        .arg(wanted));
    Alarm a = matches.first();
    if (!a.acknowledgedBy.isEmpty())
        return fail(QCoreApplication::translate("quire::storage",
                                                "the alarm %1 was acknowledged already (%2)")
                        .arg(a.id, a.acknowledgedAt));
    QJsonObject detail{{"alarm", a.id}, {"kind", a.kind}, {"reason", reason.trimmed()}};
    if (!a.path.isEmpty()) detail.insert("path", a.path);
    auto stored = appendOne(RecordDraft{"audit",
                                        crypto::newUuid(),
                                        {},
                                        QJsonObject{{"action", kAcknowledged}, {"detail", detail}},
                                        {}});
    if (!stored) return stored.failure();
    a.acknowledgedBy = stored->author;
    a.acknowledgedAt = stored->recordedAt;
    a.reason = reason.trimmed();
    a.acknowledgement = stored->id;
    return a;
}

} // namespace quire
