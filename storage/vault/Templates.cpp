// Vault, templates (issue 17): the notebook's experiment and entry templates (`template`
// records, chained like other objects so that one can be revised or withdrawn) and who may write
// them (the `template_policy` record an admin writes; admins alone until one says otherwise).

#include "vault/VaultImpl.h"

#include "records/WriteRules.h"

#include <algorithm>

#include <QCoreApplication>

namespace quire {

using namespace vaultimpl;

Result<QString> Vault::Impl::templateWriters(const QString &at) {
    // The newest version in force by time, then id, so that two admins' versions written at
    // once resolve alike in every vault (as tsa_trust does).
    auto policy =
        at.isEmpty()
            ? queryRecords(QStringLiteral("WHERE type='template_policy' "
                                          "ORDER BY recorded_at DESC, id DESC LIMIT 1"),
                           {})
            : queryRecords(QStringLiteral("WHERE type='template_policy' AND recorded_at<=? "
                                          "ORDER BY recorded_at DESC, id DESC LIMIT 1"),
                           {at});
    if (!policy) return policy.failure();
    if (policy->isEmpty()) return QStringLiteral("admins");
    return policy->first().body.value("writers").toString();
}

Result<QString> Vault::templateWriters() {
    return d->templateWriters({});
}

Result<QString> Vault::setTemplateWriters(const QString &writers) {
    if (isJoining())
        return fail(QCoreApplication::translate("quire::storage",
                                                "this vault has not joined its notebook yet"));
    auto me = member(memberUuid());
    if (!me) return me.failure();
    if (me->status != "active" || !me->roles.contains("admin"))
        return fail(QCoreApplication::translate("quire::storage",
                                                "only an admin says who may write templates"));
    const QJsonObject body{{"writers", writers}};
    if (const QString problem = records::templatePolicyProblem(body); !problem.isEmpty())
        return fail(problem);
    auto current = d->queryRecords(
        QStringLiteral("WHERE type='template_policy' ORDER BY recorded_at DESC, id DESC LIMIT 1"),
        {});
    if (!current) return current.failure();
    const QString object = current->isEmpty() ? crypto::newUuid() : current->first().object;
    const QString prev = current->isEmpty() ? QString() : current->first().id;
    auto stored = appendOne(RecordDraft{"template_policy", object, prev, body, {}});
    if (!stored) return stored.failure();
    return stored->id;
}

Result<QList<StoredRecord>> Vault::templates() {
    // The chain order of Vault::chain (the head rule), so that the last of each object is the
    // version every vault shows.
    auto all = d->queryRecords(
        QStringLiteral("WHERE type='template' ORDER BY object, version, recorded_at, id"), {});
    if (!all) return all.failure();
    QList<StoredRecord> heads;
    for (const auto &r : *all) {
        if (!heads.isEmpty() && heads.last().object == r.object)
            heads.last() = r;
        else
            heads << r;
    }
    std::sort(heads.begin(), heads.end(), [](const StoredRecord &a, const StoredRecord &b) {
        const QString an = a.body.value("name").toString(), bn = b.body.value("name").toString();
        const int c = an.localeAwareCompare(bn);
        return c != 0 ? c < 0 : a.object < b.object;
    });
    return heads;
}

} // namespace quire
