// Notebook, comments and review: what members say about entry versions, and a supervisor's
// request for changes, open in its author's "Waiting for me" until a later version answers it.

#include "html/HtmlSanitizer.h"
#include "Notebook.h"
#include "NotebookParts.h"
#include "records/Record.h"
#include "vault/Vault.h"

#include <QJsonObject>
#include <QUuid>

namespace quire {

namespace {

QString nameOf(Vault &vault, const QString &member, QHash<QString, QString> &names) {
    if (!names.contains(member)) {
        auto m = vault.member(member);
        names.insert(member, m ? m->name : member);
    }
    return names.value(member);
}

CommentInfo toCommentInfo(Vault &vault, const VaultComment &c, QHash<QString, QString> &names) {
    CommentInfo i;
    i.id = c.id;
    i.entry = c.targetObject;
    i.target = c.target;
    i.version = c.targetVersion;
    i.author = c.author;
    i.authorName = nameOf(vault, c.author, names);
    i.html = c.html;
    i.requestsChanges = c.requestsChanges;
    i.corrects = c.corrects;
    i.recordedAt = c.recordedAt;
    i.answered = c.answered;
    i.correctedBy = c.correctedBy;
    i.openRequest = c.openRequest();
    return i;
}

// The entry version `entry` names: a version's record id, or an entry's uuid and a version
// (0 = the latest).
Result<StoredRecord> commentedVersion(Vault &vault, const QString &entry, int version) {
    if (records::isRecordId(entry)) {
        auto r = vault.record(entry);
        if (!r || r->type != "entry")
            return fail(Notebook::tr("there is no entry version %1").arg(entry));
        return r;
    }
    auto e = vault.entry(entry);
    if (!e) return fail(Notebook::tr("there is no entry %1").arg(entry));
    if (version == 0) return vault.record(e->head);
    auto chain = vault.chain(entry);
    if (!chain) return chain.failure();
    if (version < 0 || version > chain->size())
        return fail(Notebook::tr("the entry has %n versions; there is no version %1", nullptr,
                                 int(chain->size()))
                        .arg(version));
    return chain->at(version - 1);
}

} // namespace

QList<CommentInfo> entryComments(Vault &vault, const QString &entry,
                                 QHash<QString, QString> &names) {
    QList<CommentInfo> out;
    auto list = vault.commentsOn(entry);
    if (!list) return out;
    for (const auto &c : *list)
        out << toCommentInfo(vault, c, names);
    return out;
}

QString Notebook::plainTextToHtml(const QString &text) {
    QString html;
    QString normalised = text;
    normalised.replace(QStringLiteral("\r\n"), QStringLiteral("\n"));
    for (const auto &para : normalised.split(QStringLiteral("\n\n")))
        if (!para.trimmed().isEmpty())
            html += QStringLiteral("<p>%1</p>")
                        .arg(para.trimmed().toHtmlEscaped().replace('\n', QStringLiteral("<br>")));
    return html;
}

QString Notebook::htmlToPlainText(const QString &html) {
    return html::plainText(html).trimmed();
}

Result<CommentInfo> Notebook::addComment(const QString &entry, int version, const QString &htmlText,
                                         bool requestsChanges, const QString &corrects) {
    const std::lock_guard lock(m_mutex);
    auto target = commentedVersion(*m_vault, entry, version);
    if (!target) return target.failure();
    QJsonObject body{{"target", target->id},
                     {"html", html::sanitize(htmlText).normalized(QString::NormalizationForm_C)},
                     {"requests_changes", requestsChanges}};
    if (!corrects.isEmpty()) body.insert("corrects", corrects);
    auto problem = m_vault->commentProblem(body);
    if (!problem) return problem.failure();
    if (!problem->isEmpty()) return fail(tr("the comment was not saved: %1").arg(*problem));
    const QString object = QUuid::createUuid().toString(QUuid::WithoutBraces);
    auto r = m_vault->appendOne(RecordDraft{"comment", object, {}, body, {}});
    if (!r) return r.failure();
    auto c = m_vault->comment(r->id);
    if (!c) return c.failure();
    QHash<QString, QString> names;
    const CommentInfo info = toCommentInfo(*m_vault, *c, names);
    emit changed();
    return info;
}

Result<QList<CommentInfo>> Notebook::comments(const QString &entry) {
    const std::lock_guard lock(m_mutex);
    QString uuid = entry;
    if (records::isRecordId(entry)) {
        auto r = m_vault->record(entry);
        if (!r || r->type != "entry") return fail(tr("there is no entry version %1").arg(entry));
        uuid = r->object;
    }
    if (!m_vault->entry(uuid)) return fail(tr("there is no entry %1").arg(entry));
    auto list = m_vault->commentsOn(uuid);
    if (!list) return list.failure();
    QHash<QString, QString> names;
    QList<CommentInfo> out;
    for (const auto &c : *list)
        out << toCommentInfo(*m_vault, c, names);
    return out;
}

Result<QString> Notebook::changeRequestProblem(const QString &entry) {
    const std::lock_guard lock(m_mutex);
    auto target = commentedVersion(*m_vault, entry, 0);
    if (!target) return target.failure();
    return m_vault->commentProblem(QJsonObject{
        {"target", target->id}, {"html", QStringLiteral("<p>?</p>")}, {"requests_changes", true}});
}

Result<QList<ReviewItem>> Notebook::changesRequestedOfMe() {
    const std::lock_guard lock(m_mutex);
    auto open = m_vault->openChangeRequests(m_vault->memberUuid());
    if (!open) return open.failure();
    QHash<QString, QString> names, experimentTitles;
    QList<ReviewItem> out;
    for (const auto &c : *open) {
        auto e = m_vault->entry(c.targetObject);
        if (!e) continue;
        ReviewItem item;
        item.changesRequested = toCommentInfo(*m_vault, c, names);
        item.entryTitle = e->title;
        item.experiment = e->experiment;
        if (!experimentTitles.contains(e->experiment)) {
            auto x = m_vault->experiment(e->experiment);
            experimentTitles.insert(e->experiment, x ? x->title : QString());
        }
        item.experimentTitle = experimentTitles.value(e->experiment);
        out << item;
    }
    return out;
}

} // namespace quire
