// quire-cli: what admins do beyond approving and revoking: changing a member's roles (a new
// admin gets a share of the CA key) and looking at and acknowledging sync alarms.

#include "cli/CliSupport.h"

#include <QJsonArray>
#include <QJsonObject>

namespace quire::cli {

namespace {

QJsonObject alarmJson(const AlarmInfo &a) {
    QJsonObject o{{"id", a.id},
                  {"kind", a.kind},
                  {"alarm", a.isAlarm()},
                  {"counts", a.counts},
                  {"path", a.path},
                  {"detail", a.detail},
                  {"first_seen", a.firstSeen},
                  {"acknowledged", a.acknowledged()}};
    if (a.acknowledged()) {
        o.insert("acknowledged_by", a.acknowledgedBy);
        o.insert("acknowledged_by_name", a.acknowledgedByName);
        o.insert("acknowledged_at", a.acknowledgedAt);
        o.insert("reason", a.reason);
    }
    return o;
}

} // namespace

int Session::memberRoles(const Args &a) {
    const QString who = a.positional.value(2);
    if (who.isEmpty() || a.value("--roles").isEmpty())
        return failWith(QStringLiteral("usage: member roles MEMBER --roles "
                                       "author[,supervisor,admin,auditor] --reason R"),
                        Usage);
    if (a.value("--reason").trimmed().isEmpty())
        return failWith(QStringLiteral("member roles needs --reason"), Usage);
    auto nb = open();
    if (!nb) return failWith(nb.error());
    auto member = memberNamed(**nb, who);
    if (!member) return failWith(member.error());
    const QStringList roles = a.value("--roles").split(u',');
    auto r = (*nb)->setRoles(member->uuid, roles, a.value("--reason"));
    if (!r) return failWith(r.error());
    err() << member->name << " now has the roles " << a.value("--roles") << ".";
    auto share = (*nb)->hasCaShare(member->uuid);
    if (roles.contains(QStringLiteral("admin")) && share && *share)
        err() << " Their vault receives the notebook's certificate authority key at its next "
                 "sync, and can approve join requests from then on.";
    err() << " Sync to send the change: quire-cli sync" << Qt::endl;
    return Ok;
}

int Session::alarms(const Args &a) {
    const QString sub = a.positional.value(1);
    if (sub == "acknowledge") {
        const QString id = a.positional.value(2);
        if (id.isEmpty())
            return failWith(QStringLiteral("usage: alarms acknowledge ID --reason R"), Usage);
        if (a.value("--reason").trimmed().isEmpty())
            return failWith(QStringLiteral("alarms acknowledge needs --reason"), Usage);
        auto nb = open();
        if (!nb) return failWith(nb.error());
        auto done = (*nb)->acknowledgeAlarm(id, a.value("--reason"));
        if (!done) return failWith(done.error());
        if (a.has("--json")) {
            printJson(alarmJson(*done));
        } else {
            out() << done->id << Qt::endl;
            err() << "Acknowledged (" << done->kind << (done->path.isEmpty() ? "" : ", ")
                  << done->path << "). Sync to send the acknowledgement: every vault of the "
                  << "notebook then counts it as looked at." << Qt::endl;
        }
        return Ok;
    }
    if (!sub.isEmpty())
        return failWith(QStringLiteral("unknown command 'alarms %1' (try --help)").arg(sub), Usage);
    auto nb = open();
    if (!nb) return failWith(nb.error());
    auto all = (*nb)->alarms();
    if (!all) return failWith(all.error());
    if (a.has("--json")) {
        QJsonArray arr;
        for (const auto &alarm : *all)
            arr.append(alarmJson(alarm));
        printJson(arr);
        return Ok;
    }
    if (all->isEmpty()) {
        out() << "No alarms: every file from the shared repository passed its checks." << Qt::endl;
        return Ok;
    }
    for (const auto &alarm : *all) {
        out() << alarm.id << "  " << alarm.kind << "  first seen " << alarm.firstSeen << "  "
              << (alarm.acknowledged()
                      ? QStringLiteral("acknowledged by %1 at %2: %3")
                            .arg(alarm.acknowledgedByName, alarm.acknowledgedAt, alarm.reason)
                      : (alarm.isAlarm() ? QStringLiteral("NOT ACKNOWLEDGED")
                                         : QStringLiteral("refused, not acknowledged")))
              << Qt::endl
              << "    " << alarm.detail << Qt::endl;
    }
    return Ok;
}

} // namespace quire::cli
