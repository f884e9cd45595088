// Notebook, templates (issue 17): experiments saved as templates and started from them, blocks
// of HTML to insert into entries, and the notebook's say on who may write templates. Every rule
// is the write rule (records/WriteRules.h) that also judges templates arriving by sync.

#include "Notebook.h"

#include "html/HtmlSanitizer.h"
#include "records/Record.h"
#include "records/WriteRules.h"
#include "vault/Vault.h"

#include <QHash>
#include <QJsonArray>
#include <QJsonObject>
#include <QRegularExpression>
#include <QUuid>

namespace quire {

namespace {

QString nfcTrimmed(const QString &s) {
    return s.trimmed().normalized(QString::NormalizationForm_C);
}

// A template carries text, not files: a picture names an attachment of the experiment it came
// from, which a new experiment does not hold.
QString templateHtml(const QString &htmlText) {
    static const QRegularExpression picture(QStringLiteral("<img\\b[^>]*>"),
                                            QRegularExpression::CaseInsensitiveOption);
    QString cleaned = html::sanitize(htmlText);
    cleaned.remove(picture);
    return html::sanitize(cleaned).normalized(QString::NormalizationForm_C);
}

TemplateInfo toTemplateInfo(const StoredRecord &r, const QString &authorName) {
    const QJsonObject b = r.body;
    TemplateInfo t;
    t.uuid = r.object;
    t.record = r.id;
    t.name = b.value("name").toString();
    t.kind = b.value("kind").toString();
    t.status = b.value("status").toString();
    t.title = b.value("title").toString();
    t.project = b.value("project").toString();
    for (const auto &tag : b.value("tags").toArray())
        t.tags << tag.toString();
    for (const auto &e : b.value("entries").toArray())
        t.entries << TemplateInfo::Entry{e.toObject().value("title").toString(),
                                         e.toObject().value("html").toString()};
    t.html = b.value("html").toString();
    t.authorName = authorName;
    t.updatedAt = r.recordedAt;
    t.version = r.version;
    return t;
}

// The write rule for a template this member is about to write, with the notebook's policy.
QString templateRuleProblem(Vault &vault, const QString &prev, const QString &firstAuthor,
                            const QJsonObject &body) {
    auto me = vault.member(vault.memberUuid());
    const QStringList roles = me && me->status == "active" ? me->roles : QStringList{};
    auto writers = vault.templateWriters();
    const QJsonObject record{{"type", "template"},
                             {"prev", prev.isEmpty() ? QJsonValue() : QJsonValue(prev)},
                             {"author", vault.memberUuid()},
                             {"body", body}};
    return records::writeProblem(record, roles, firstAuthor, {}, nullptr,
                                 writers && *writers == QLatin1String("authors"));
}

} // namespace

bool Notebook::mayWriteTemplates() {
    const std::lock_guard lock(m_mutex);
    const QStringList roles = me().roles;
    return roles.contains(QStringLiteral("admin")) ||
           (roles.contains(QStringLiteral("author")) && templateWriters() == "authors");
}

QString Notebook::templateWriters() {
    const std::lock_guard lock(m_mutex);
    auto writers = m_vault->templateWriters();
    return writers ? *writers : QStringLiteral("admins");
}

Result<void> Notebook::setTemplateWriters(const QString &writers) {
    const std::lock_guard lock(m_mutex);
    if (writers != "admins" && writers != "authors")
        return fail(tr("templates are written by “admins” or “authors”, not “%1”").arg(writers));
    if (!me().roles.contains(QStringLiteral("admin")))
        return fail(tr("only an admin can say who writes templates"));
    if (templateWriters() == writers) return {};
    auto r = m_vault->setTemplateWriters(writers);
    if (!r) return r.failure();
    emit changed();
    return {};
}

Result<QString> Notebook::saveExperimentAsTemplate(const QString &experiment, const QString &name) {
    const std::lock_guard lock(m_mutex);
    const QString cleanName = nfcTrimmed(name);
    if (cleanName.isEmpty()) return fail(tr("the template needs a name"));
    auto x = m_vault->experiment(experiment);
    if (!x) return fail(tr("there is no experiment %1").arg(experiment));
    auto list = m_vault->entries(experiment);
    if (!list) return list.failure();
    QJsonArray entries;
    for (const auto &e : *list) {
        if (e.status == "void") continue;
        auto head = m_vault->record(e.head);
        if (!head) return head.failure();
        entries.append(QJsonObject{{"title", e.title},
                                   {"html", templateHtml(head->body.value("html").toString())}});
    }
    QJsonArray tags;
    for (const auto &tag : x->tags)
        tags.append(tag);
    const QJsonObject body{{"name", cleanName},  {"kind", "experiment"},  {"status", "active"},
                           {"title", x->title},  {"project", x->project}, {"tags", tags},
                           {"entries", entries}, {"source", x->head}};
    if (const QString problem = templateRuleProblem(*m_vault, {}, {}, body); !problem.isEmpty())
        return fail(tr("the template cannot be saved: %1").arg(problem));
    const QString uuid = QUuid::createUuid().toString(QUuid::WithoutBraces);
    auto r = m_vault->appendOne(RecordDraft{"template", uuid, {}, body, {}});
    if (!r) return r.failure();
    emit changed();
    return uuid;
}

Result<QString> Notebook::saveEntryTemplate(const QString &name, const QString &htmlText) {
    const std::lock_guard lock(m_mutex);
    const QString cleanName = nfcTrimmed(name);
    if (cleanName.isEmpty()) return fail(tr("the template needs a name"));
    const QString cleanHtml = templateHtml(htmlText);
    if (html::plainText(cleanHtml).trimmed().isEmpty() && !cleanHtml.contains("<table") &&
        !cleanHtml.contains("<hr"))
        return fail(tr("the template has no text to insert"));
    const QJsonObject body{
        {"name", cleanName}, {"kind", "entry"}, {"status", "active"}, {"html", cleanHtml}};
    if (const QString problem = templateRuleProblem(*m_vault, {}, {}, body); !problem.isEmpty())
        return fail(tr("the template cannot be saved: %1").arg(problem));
    const QString uuid = QUuid::createUuid().toString(QUuid::WithoutBraces);
    auto r = m_vault->appendOne(RecordDraft{"template", uuid, {}, body, {}});
    if (!r) return r.failure();
    emit changed();
    return uuid;
}

Result<QList<TemplateInfo>> Notebook::templates(const QString &kind) {
    const std::lock_guard lock(m_mutex);
    auto heads = m_vault->templates();
    if (!heads) return heads.failure();
    QHash<QString, QString> names;
    if (auto people = m_vault->members())
        for (const auto &m : *people)
            names.insert(m.uuid, m.name);
    QList<TemplateInfo> out;
    for (const auto &r : *heads) {
        if (r.body.value("status").toString() != "active") continue;
        if (!kind.isEmpty() && r.body.value("kind").toString() != kind) continue;
        out << toTemplateInfo(r, names.value(r.author));
    }
    return out;
}

Result<TemplateInfo> Notebook::templateInfo(const QString &which) {
    const std::lock_guard lock(m_mutex);
    const QString key = which.trimmed();
    auto heads = m_vault->templates();
    if (!heads) return heads.failure();
    QList<StoredRecord> byName;
    for (const auto &r : *heads) {
        if (r.object == key) {
            auto m = m_vault->member(r.author);
            return toTemplateInfo(r, m ? m->name : QString());
        }
        if (r.body.value("name").toString() == key && r.body.value("status").toString() == "active")
            byName << r;
    }
    if (records::isRecordId(key)) {
        auto r = m_vault->record(key);
        if (r && r->type == "template") {
            auto m = m_vault->member(r->author);
            return toTemplateInfo(*r, m ? m->name : QString());
        }
    }
    if (byName.size() == 1) {
        auto m = m_vault->member(byName.first().author);
        return toTemplateInfo(byName.first(), m ? m->name : QString());
    }
    if (byName.size() > 1)
        return fail(tr("several templates are called “%1”; name one by its id").arg(key));
    return fail(tr("there is no template “%1” (quire-cli template list shows them)").arg(key));
}

Result<QString> Notebook::createExperimentFromTemplate(const QString &which, const QString &title) {
    const std::lock_guard lock(m_mutex);
    auto t = templateInfo(which);
    if (!t) return t.failure();
    if (t->kind != "experiment")
        return fail(tr("“%1” is an entry template; an experiment starts from an experiment "
                       "template")
                        .arg(t->name));
    if (t->status != "active") return fail(tr("the template “%1” was withdrawn").arg(t->name));
    const QString cleanTitle = nfcTrimmed(title.isEmpty() ? t->title : title);
    if (cleanTitle.isEmpty()) return fail(tr("the experiment needs a title"));
    if (!me().roles.contains(QStringLiteral("author")))
        return fail(tr("only members with the author role can create experiments"));
    QJsonArray tags;
    for (const auto &tag : t->tags)
        tags.append(tag);
    const QString uuid = QUuid::createUuid().toString(QUuid::WithoutBraces);
    // Each record names the template version it came from: its provenance, in the audit trail.
    QList<RecordDraft> drafts{RecordDraft{"experiment",
                                          uuid,
                                          {},
                                          QJsonObject{{"title", cleanTitle},
                                                      {"project", t->project},
                                                      {"tags", tags},
                                                      {"status", "open"},
                                                      {"template", t->record}},
                                          {}}};
    int order = 1;
    for (const auto &e : t->entries)
        drafts << RecordDraft{"entry",
                              QUuid::createUuid().toString(QUuid::WithoutBraces),
                              {},
                              QJsonObject{{"experiment", uuid},
                                          {"order", order++},
                                          {"title", e.title},
                                          {"html", templateHtml(e.html)},
                                          {"attachments", QJsonArray{}},
                                          {"status", "active"},
                                          {"template", t->record}},
                              {}};
    auto r = m_vault->append(drafts);
    if (!r) return r.failure();
    emit changed();
    return uuid;
}

Result<void> Notebook::withdrawTemplate(const QString &which, const QString &reason) {
    const std::lock_guard lock(m_mutex);
    if (reason.trimmed().isEmpty()) return fail(tr("withdrawing a template needs a reason"));
    auto t = templateInfo(which);
    if (!t) return t.failure();
    if (t->status == "withdrawn")
        return fail(tr("the template “%1” is withdrawn already").arg(t->name));
    auto head = m_vault->record(t->record);
    if (!head) return head.failure();
    auto chain = m_vault->chain(t->uuid);
    if (!chain) return chain.failure();
    QJsonObject body = head->body;
    body.insert("status", "withdrawn");
    body.insert("reason", nfcTrimmed(reason));
    if (const QString problem =
            templateRuleProblem(*m_vault, head->id, chain->first().author, body);
        !problem.isEmpty())
        return fail(tr("the template cannot be withdrawn: %1").arg(problem));
    auto r = m_vault->appendOne(RecordDraft{"template", t->uuid, head->id, body, {}});
    if (!r) return r.failure();
    emit changed();
    return {};
}

} // namespace quire
