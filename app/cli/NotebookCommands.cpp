// quire-cli: Entries, experiments, attachments, search and the audit trail.

#include "cli/CliSupport.h"

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QMap>
#include <QSaveFile>
#include <QTextStream>

namespace quire::cli {

int Session::init(const Args &a) {
    for (const char *required : {"--notebook", "--name", "--email"})
        if (a.value(required).isEmpty())
            return failWith(QStringLiteral("init needs %1").arg(required), Usage);
    auto pass = passphrase(m_passphraseFile, true);
    if (!pass) return failWith(pass.error());
    auto nb = Notebook::create(
        m_vault, {a.value("--notebook"), a.value("--name"), a.value("--email")}, *pass);
    wipe(*pass);
    if (!nb) return failWith(nb.error());
    out() << (*nb)->notebookUuid() << Qt::endl;
    announceRecoveryCode(**nb);
    return Ok;
}

int Session::experiment(const Args &a) {
    const QString sub = a.positional.value(1);
    if (sub == "new" && a.has("--template")) return experimentFromTemplate(a);
    if (sub == "new") {
        if (a.value("--title").isEmpty())
            return failWith(QStringLiteral("experiment new needs --title"), Usage);
        auto nb = open();
        if (!nb) return failWith(nb.error());
        auto id =
            (*nb)->createExperiment(a.value("--title"), a.value("--project"), a.values("--tag"));
        if (!id) return failWith(id.error());
        out() << *id << Qt::endl;
        return Ok;
    }
    if (sub == "list") {
        auto nb = open();
        if (!nb) return failWith(nb.error());
        auto list = (*nb)->experiments();
        if (!list) return failWith(list.error());
        if (a.has("--json")) {
            QJsonArray arr;
            for (const auto &x : *list)
                arr.append(QJsonObject{{"uuid", x.uuid},
                                       {"record", x.recordId},
                                       {"title", x.title},
                                       {"project", x.project},
                                       {"tags", QJsonArray::fromStringList(x.tags)},
                                       {"status", x.status},
                                       {"created_at", x.createdAt},
                                       {"updated_at", x.updatedAt},
                                       {"author_name", x.authorName},
                                       {"entries", x.entryCount}});
            printJson(arr);
            return Ok;
        }
        if (list->isEmpty()) out() << "No experiments yet." << Qt::endl;
        for (const auto &x : *list) {
            out() << x.uuid << "  " << x.title;
            if (!x.project.isEmpty()) out() << "  [" << x.project << "]";
            if (!x.tags.isEmpty()) out() << "  #" << x.tags.join(QStringLiteral(" #"));
            out() << "  (" << x.entryCount << (x.entryCount == 1 ? " entry" : " entries") << ")"
                  << Qt::endl;
        }
        return Ok;
    }
    return failWith(QStringLiteral("unknown command 'experiment %1' (try --help)").arg(sub), Usage);
}

int Session::entry(const Args &a) {
    const QString sub = a.positional.value(1);
    const QString target = a.positional.value(2);
    if (sub == "add") {
        for (const char *required : {"--experiment", "--title", "--file"})
            if (a.value(required).isEmpty())
                return failWith(QStringLiteral("entry add needs %1").arg(required), Usage);
        auto html = entryHtmlFromFile(a.value("--file"));
        if (!html) return failWith(html.error());
        auto nb = open();
        if (!nb) return failWith(nb.error());
        auto id = (*nb)->addEntry(a.value("--experiment"), a.value("--title"), *html);
        if (!id) return failWith(id.error());
        out() << *id << Qt::endl;
        return Ok;
    }
    if (target.isEmpty())
        return failWith(QStringLiteral("entry %1 needs the entry's id").arg(sub), Usage);
    if (sub == "resolve") return entryResolve(a);
    if (sub == "edit") {
        if (a.value("--file").isEmpty())
            return failWith(QStringLiteral("entry edit needs --file"), Usage);
        // A blank reason is the notebook's to refuse: it says more for a signed entry.
        if (!a.has("--reason"))
            return failWith(QStringLiteral("entry edit needs --reason: every change says why"),
                            Usage);
        auto html = entryHtmlFromFile(a.value("--file"));
        if (!html) return failWith(html.error());
        auto nb = open();
        if (!nb) return failWith(nb.error());
        auto r = (*nb)->editEntry(target, a.value("--title"), *html, a.value("--reason"));
        if (!r) return failWith(r.error());
        auto v = (*nb)->entry(target);
        if (v) out() << v->recordId << Qt::endl;
        return Ok;
    }
    if (sub == "void") {
        if (a.value("--reason").trimmed().isEmpty())
            return failWith(QStringLiteral("entry void needs --reason"), Usage);
        auto nb = open();
        if (!nb) return failWith(nb.error());
        auto r = (*nb)->voidEntry(target, a.value("--reason"));
        if (!r) return failWith(r.error());
        auto v = (*nb)->entry(target);
        if (v) out() << v->recordId << Qt::endl;
        return Ok;
    }
    if (sub == "show") {
        bool okNumber = true;
        const int version = a.has("--version") ? a.value("--version").toInt(&okNumber) : 0;
        if (!okNumber || version < 0)
            return failWith(QStringLiteral("--version takes a version number"), Usage);
        auto nb = open();
        if (!nb) return failWith(nb.error());
        auto v = (*nb)->entry(target, version);
        if (!v) return failWith(v.error());
        if (a.has("--json")) {
            QJsonObject shown = versionJson(*v);
            if (!v->conflict.isEmpty()) { // the versions in conflict, side by side
                auto versions = (*nb)->conflictVersions(target);
                if (!versions) return failWith(versions.error());
                QJsonArray sides;
                for (const auto &side : *versions)
                    sides.append(versionJson(side));
                shown.insert("conflict_versions", sides);
            }
            printJson(shown);
            return Ok;
        }
        if (version == 0) printConflict(**nb, target);
        out() << v->title << Qt::endl
              << "Version " << v->version << " of " << v->versionCount << " — " << v->authorName
              << ", " << v->recordedAt << Qt::endl;
        if (v->status == "void")
            out() << "VOIDED: " << v->reason << Qt::endl;
        else if (!v->reason.isEmpty())
            out() << "Reason for this version: " << v->reason << Qt::endl;
        if (v->changedAfterSigning)
            out() << "Changed after signing: an earlier version carries the author's signature."
                  << Qt::endl;
        for (const auto &s : v->signatures)
            out() << "Signature: " << Notebook::manifestation(s)
                  << (s.valid && s.allowed ? QString() : "  NOT VALID: " + s.problem) << "  ("
                  << attestation(s.attestedAt, s.attestedTrusted) << ")" << Qt::endl;
        out() << "This version: " << attestation(v->attestedAt, !v->attestedAt.isEmpty())
              << Qt::endl;
        for (const auto &att : v->attachments)
            out() << "Attachment: " << att.name << " (" << humanSize(att.size) << ", sha256 "
                  << att.sha256 << ") " << att.id << Qt::endl;
        out() << Qt::endl << v->html << Qt::endl;
        return Ok;
    }
    if (sub == "history") {
        auto nb = open();
        if (!nb) return failWith(nb.error());
        auto h = (*nb)->history(target);
        if (!h) return failWith(h.error());
        if (a.has("--json")) {
            QJsonArray arr;
            for (const auto &v : *h)
                arr.append(versionJson(v));
            printJson(arr);
            return Ok;
        }
        if (!h->isEmpty() && !h->first().conflict.isEmpty())
            out() << h->first().conflict.size()
                  << " versions in conflict: " << h->first().conflict.join(", ") << Qt::endl;
        for (const auto &v : *h) {
            out() << "v" << v.version << "  " << v.recordedAt << "  " << v.authorName << "  "
                  << v.title;
            if (v.status == "void") out() << "  [voided]";
            if (v.conflict.contains(v.recordId)) out() << "  [in conflict]";
            if (!v.reason.isEmpty()) out() << "  — " << v.reason;
            out() << "  " << v.recordId << Qt::endl;
        }
        return Ok;
    }
    return failWith(QStringLiteral("unknown command 'entry %1' (try --help)").arg(sub), Usage);
}

int Session::attach(const Args &a) {
    const QString entryId = a.positional.value(1), file = a.positional.value(2);
    if (entryId.isEmpty() || file.isEmpty())
        return failWith(QStringLiteral("usage: attach ENTRY FILE"), Usage);
    auto nb = open();
    if (!nb) return failWith(nb.error());
    auto id = (*nb)->attachFile(entryId, file);
    if (!id) return failWith(id.error());
    out() << *id << Qt::endl;
    // A PDF's words are read now, so that the next search finds it.
    indexPdfText(**nb);
    return Ok;
}

void Session::indexPdfText(Notebook &nb) {
    auto done = nb.indexPendingText();
    if (!done) {
        err() << "note: the text of attached PDFs was not read: " << done.error() << Qt::endl;
        return;
    }
    for (const TextIndexOutcome &o : *done) {
        if (!o.problem.isEmpty())
            err() << "note: search cannot find " << o.name << " by its text: " << o.problem
                  << Qt::endl;
        else if (o.truncated)
            err() << "note: search finds " << o.name << " by the text of its first " << o.pagesRead
                  << " of " << o.pages << " pages" << Qt::endl;
    }
}

int Session::attachment(const Args &a) {
    if (a.positional.value(1) != "get" || a.positional.value(2).isEmpty() ||
        a.value("--out").isEmpty())
        return failWith(QStringLiteral("usage: attachment get ATTACHMENT --out FILE"), Usage);
    auto nb = open();
    if (!nb) return failWith(nb.error());
    auto r = (*nb)->saveAttachment(a.positional.value(2), a.value("--out"));
    if (!r) return failWith(r.error());
    return Ok;
}

int Session::search(const Args &a) {
    const QString query = a.positional.mid(1).join(' ');
    if (query.trimmed().isEmpty()) return failWith(QStringLiteral("usage: search QUERY"), Usage);
    auto nb = open();
    if (!nb) return failWith(nb.error());
    // PDFs that arrived by sync, or were attached by the window, are read first.
    indexPdfText(**nb);
    auto hits = (*nb)->search(query, 50);
    if (!hits) return failWith(hits.error());
    if (a.has("--json")) {
        QJsonArray arr;
        for (const auto &h : *hits)
            arr.append(QJsonObject{{"kind", h.kind},
                                   {"uuid", h.uuid},
                                   {"experiment", h.experiment},
                                   {"title", h.title},
                                   {"snippet", h.snippet}});
        printJson(arr);
        return Ok;
    }
    if (hits->isEmpty()) out() << "Nothing found." << Qt::endl;
    for (const auto &h : *hits)
        out() << h.kind << "  " << h.uuid << "  " << h.title << "  — " << h.snippet << Qt::endl;
    return Ok;
}

int Session::audit(const Args &a) {
    auto nb = open();
    if (!nb) return failWith(nb.error());
    auto events = (*nb)->auditTrail();
    if (!events) return failWith(events.error());
    if (a.has("--json")) {
        QJsonArray arr;
        for (const auto &e : *events)
            arr.append(QJsonObject{{"record", e.recordId},
                                   {"type", e.type},
                                   {"object", e.object},
                                   {"recorded_at", e.recordedAt},
                                   {"author", e.author},
                                   {"author_name", e.authorName},
                                   {"action", e.action},
                                   {"summary", e.summary},
                                   {"detail", e.detail}});
        printJson(arr);
        return Ok;
    }
    for (const auto &e : *events)
        out() << e.recordedAt << "  " << e.authorName << "  " << e.action << "  " << e.summary
              << Qt::endl;
    return Ok;
}

} // namespace quire::cli
