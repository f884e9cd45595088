// Notebook, issue 16 part B: every admin can approve (roles, shares of the CA key) and alarms
// that count (listing and acknowledging them). The rules live in the vault; this is the face
// the window and quire-cli see.

#include "NotebookParts.h"

namespace quire {

namespace {

QString clean(const QString &s) {
    return s.trimmed().normalized(QString::NormalizationForm_C);
}

AlarmInfo toAlarmInfo(const Vault::Alarm &a, const QHash<QString, QString> &names) {
    AlarmInfo out;
    out.id = a.id;
    out.kind = a.kind;
    out.path = a.path;
    out.detail = a.detail;
    out.firstSeen = a.firstSeen;
    out.counts = a.counts;
    out.acknowledgedBy = a.acknowledgedBy;
    out.acknowledgedByName = names.value(a.acknowledgedBy, a.acknowledgedBy);
    out.acknowledgedAt = a.acknowledgedAt;
    out.reason = a.reason;
    return out;
}

QHash<QString, QString> memberNames(Vault &vault) {
    QHash<QString, QString> names;
    if (auto all = vault.members())
        for (const auto &m : *all)
            names.insert(m.uuid, m.name);
    return names;
}

} // namespace

Result<void> Notebook::setRoles(const QString &member, const QStringList &roles,
                                const QString &reason) {
    const std::lock_guard lock(m_mutex);
    QStringList cleanRoles;
    for (const auto &role : roles)
        if (!role.trimmed().isEmpty()) cleanRoles << role.trimmed().toLower();
    auto r = m_vault->setMemberRoles(member.trimmed(), cleanRoles, clean(reason));
    if (!r) return r;
    emit changed();
    return {};
}

bool Notebook::canApprove() {
    const std::lock_guard lock(m_mutex);
    return m_vault->holdsCaKey();
}

Result<bool> Notebook::hasCaShare(const QString &member) {
    const std::lock_guard lock(m_mutex);
    return m_vault->hasCaShare(member);
}

Result<QList<AlarmInfo>> Notebook::alarms() {
    const std::lock_guard lock(m_mutex);
    auto all = m_vault->alarms();
    if (!all) return all.failure();
    const QHash<QString, QString> names = memberNames(*m_vault);
    QList<AlarmInfo> out;
    for (const auto &a : *all)
        out << toAlarmInfo(a, names);
    return out;
}

Result<int> Notebook::unacknowledgedAlarms(bool countingOnly) {
    auto all = alarms();
    if (!all) return all.failure();
    int n = 0;
    for (const auto &a : *all)
        if (!a.acknowledged() && (a.counts || !countingOnly)) ++n;
    return n;
}

Result<AlarmInfo> Notebook::acknowledgeAlarm(const QString &id, const QString &reason) {
    const std::lock_guard lock(m_mutex);
    auto a = m_vault->acknowledgeAlarm(id, clean(reason));
    if (!a) return a.failure();
    emit changed();
    return toAlarmInfo(*a, memberNames(*m_vault));
}

} // namespace quire
