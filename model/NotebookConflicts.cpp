// Notebook, conflicts: an entry changed on two computers apart has two latest versions. Both
// are kept; every vault shows the same one (the vault's head rule) and says the entry is in
// conflict until its author saves a version that joins them (FORMAT.md §2, "Conflicts").

#include "html/HtmlSanitizer.h"
#include "Notebook.h"
#include "NotebookParts.h"
#include "vault/Vault.h"

#include <QJsonArray>

#include <algorithm>

namespace quire {

QStringList conflictTips(Vault &vault, const QString &object) {
    auto tips = vault.tips(object);
    if (!tips || tips->size() < 2) return {};
    QStringList ids;
    for (const auto &t : *tips)
        ids << t.id;
    return ids;
}

QString conflictEditProblem(Vault &vault, const QString &entry) {
    const QStringList tips = conflictTips(vault, entry);
    if (tips.isEmpty()) return {};
    return Notebook::tr("the entry has %n versions in conflict (saved on two computers apart); "
                        "resolve the conflict first by saving a version that joins them",
                        nullptr, int(tips.size()));
}

Result<QList<EntryVersion>> Notebook::conflictVersions(const QString &entry) {
    const std::lock_guard lock(m_mutex);
    auto all = history(entry);
    if (!all) return all.failure();
    QList<EntryVersion> out;
    if (all->isEmpty()) return out;
    for (const QString &id : all->first().conflict)
        for (const auto &v : *all)
            if (v.recordId == id) out << v;
    return out;
}

Result<QString> Notebook::resolveConflict(const QString &entry, const QString &title,
                                          const QString &htmlText, const QString &reason) {
    const std::lock_guard lock(m_mutex);
    auto tips = m_vault->tips(entry);
    if (!tips) return tips.failure();
    if (tips->isEmpty() || tips->first().type != "entry")
        return fail(tr("there is no entry %1").arg(entry));
    if (tips->size() < 2)
        return fail(tr("the entry is not in conflict: there is nothing to resolve"));
    auto chain = m_vault->chain(entry);
    if (!chain) return chain.failure();
    if (chain->first().author != m_vault->memberUuid())
        return fail(tr("only the entry's author can resolve its conflict"));
    const QString why = reason.trimmed().normalized(QString::NormalizationForm_C);
    if (why.isEmpty()) return fail(tr("a reason is needed to resolve a conflict"));
    const StoredRecord &head = tips->first();
    QJsonObject body = head.body;
    const QString newTitle = title.trimmed().normalized(QString::NormalizationForm_C);
    body.insert("title", newTitle.isEmpty() ? head.body.value("title").toString() : newTitle);
    body.insert("html", html::sanitize(htmlText).normalized(QString::NormalizationForm_C));
    body.insert("reason", why);
    // Nothing either side attached is lost: the head's files first, then the others'.
    QJsonArray attachments = head.body.value("attachments").toArray();
    QJsonArray merges;
    bool anyActive = false;
    for (const auto &t : *tips) {
        if (t.body.value("status").toString() != "void") anyActive = true;
        if (t.id == head.id) continue;
        merges.append(t.id);
        for (const auto &a : t.body.value("attachments").toArray())
            if (!attachments.contains(a)) attachments.append(a);
    }
    body.insert("attachments", attachments);
    // Voided on one side only: the author chose to keep the text, so the entry stays.
    body.insert("status", anyActive ? "active" : "void");
    body.insert("merges", merges);
    auto r = m_vault->appendOne(RecordDraft{"entry", entry, head.id, body, {}});
    if (!r) return r.failure();
    emit changed();
    return r->id;
}

} // namespace quire
