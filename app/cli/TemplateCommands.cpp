// quire-cli: templates (issue 17): experiments saved as templates and started from them, blocks
// of HTML for entries, and the notebook's say on who writes templates.

#include "cli/CliSupport.h"

#include <QJsonArray>
#include <QJsonObject>

namespace quire::cli {

namespace {

QJsonObject templateJson(const TemplateInfo &t) {
    QJsonObject o{{"uuid", t.uuid},
                  {"record", t.record},
                  {"name", t.name},
                  {"kind", t.kind},
                  {"status", t.status},
                  {"version", t.version},
                  {"author_name", t.authorName},
                  {"updated_at", t.updatedAt}};
    if (t.kind == "experiment") {
        QJsonArray entries;
        for (const auto &e : t.entries)
            entries.append(QJsonObject{{"title", e.title}, {"html", e.html}});
        o.insert("title", t.title);
        o.insert("project", t.project);
        o.insert("tags", QJsonArray::fromStringList(t.tags));
        o.insert("entries", entries);
    } else {
        o.insert("html", t.html);
    }
    return o;
}

} // namespace

int Session::experimentFromTemplate(const Args &a) {
    auto nb = open();
    if (!nb) return failWith(nb.error());
    auto id = (*nb)->createExperimentFromTemplate(a.value("--template"), a.value("--title"));
    if (!id) return failWith(id.error());
    out() << *id << Qt::endl;
    return Ok;
}

int Session::templateCommand(const Args &a) {
    const QString sub = a.positional.value(1);
    if (sub == "save") {
        if (a.value("--experiment").isEmpty() || a.value("--name").isEmpty())
            return failWith(QStringLiteral("template save needs --experiment UUID and --name N"),
                            Usage);
        auto nb = open();
        if (!nb) return failWith(nb.error());
        auto id = (*nb)->saveExperimentAsTemplate(a.value("--experiment"), a.value("--name"));
        if (!id) return failWith(id.error());
        out() << *id << Qt::endl;
        return Ok;
    }
    if (sub == "save-entry") {
        if (a.value("--file").isEmpty() || a.value("--name").isEmpty())
            return failWith(QStringLiteral("template save-entry needs --name N and --file F"),
                            Usage);
        auto html = entryHtmlFromFile(a.value("--file"));
        if (!html) return failWith(html.error());
        auto nb = open();
        if (!nb) return failWith(nb.error());
        auto id = (*nb)->saveEntryTemplate(a.value("--name"), *html);
        if (!id) return failWith(id.error());
        out() << *id << Qt::endl;
        return Ok;
    }
    if (sub == "list") {
        const QString kind = a.value("--kind");
        if (!kind.isEmpty() && kind != "experiment" && kind != "entry")
            return failWith(QStringLiteral("--kind is experiment or entry"), Usage);
        auto nb = open();
        if (!nb) return failWith(nb.error());
        auto list = (*nb)->templates(kind);
        if (!list) return failWith(list.error());
        if (a.has("--json")) {
            QJsonArray arr;
            for (const auto &t : *list)
                arr.append(templateJson(t));
            printJson(arr);
            return Ok;
        }
        if (list->isEmpty()) out() << "No templates yet." << Qt::endl;
        for (const auto &t : *list) {
            out() << t.uuid << "  " << t.name << "  (" << t.kind;
            if (t.kind == "experiment")
                out() << ": " << t.entries.size()
                      << (t.entries.size() == 1 ? " entry" : " entries");
            out() << ")" << Qt::endl;
        }
        return Ok;
    }
    if (sub == "show") {
        if (a.positional.value(2).isEmpty())
            return failWith(QStringLiteral("template show needs a template id or name"), Usage);
        auto nb = open();
        if (!nb) return failWith(nb.error());
        auto t = (*nb)->templateInfo(a.positional.value(2));
        if (!t) return failWith(t.error());
        if (a.has("--json")) {
            printJson(templateJson(*t));
            return Ok;
        }
        out() << t->name << " (" << t->kind << ", " << t->status << ", version " << t->version
              << ", " << t->authorName << ", " << t->updatedAt << ")" << Qt::endl;
        if (t->kind == "experiment") {
            out() << "Title: " << t->title << Qt::endl;
            if (!t->project.isEmpty()) out() << "Project: " << t->project << Qt::endl;
            if (!t->tags.isEmpty()) out() << "Tags: " << t->tags.join(", ") << Qt::endl;
            for (const auto &e : t->entries)
                out() << "  - " << e.title << Qt::endl;
        } else {
            out() << t->html << Qt::endl;
        }
        return Ok;
    }
    if (sub == "withdraw") {
        if (a.positional.value(2).isEmpty() || a.value("--reason").trimmed().isEmpty())
            return failWith(QStringLiteral("template withdraw needs a template and --reason R"),
                            Usage);
        auto nb = open();
        if (!nb) return failWith(nb.error());
        if (auto r = (*nb)->withdrawTemplate(a.positional.value(2), a.value("--reason")); !r)
            return failWith(r.error());
        return Ok;
    }
    if (sub == "policy") {
        const QString who = a.value("--who");
        if (a.has("--who") && who != "admins" && who != "authors")
            return failWith(QStringLiteral("--who is admins or authors"), Usage);
        auto nb = open();
        if (!nb) return failWith(nb.error());
        if (!who.isEmpty())
            if (auto r = (*nb)->setTemplateWriters(who); !r) return failWith(r.error());
        out() << (*nb)->templateWriters() << Qt::endl;
        return Ok;
    }
    return failWith(QStringLiteral("unknown command 'template %1' (try --help)").arg(sub), Usage);
}

} // namespace quire::cli
