// ElnPlan: the crate's tree (hasPart, with the parent of an entity listed by several datasets
// being the innermost one, as PASTA lists everything under the root too) turned into experiments,
// entries and files, and every entry's HTML written out (sanitized later, on the way in).

#include "exchange/ElnPlan.h"

#include "exchange/ElnImport.h"
#include "Notebook.h"

#include <QDateTime>
#include <QHash>
#include <QJsonArray>
#include <QRegularExpression>
#include <QSet>
#include <QUuid>

#include <algorithm>

namespace quire::elnplan {

namespace {

using eln::CrateEntity;
using eln::RoCrate;

QString nfc(const QString &s) {
    return s.normalized(QString::NormalizationForm_C);
}

QString esc(const QString &s) {
    return s.toHtmlEscaped();
}

QString newUuid() {
    return QUuid::createUuid().toString(QUuid::WithoutBraces);
}

// Properties the import turns into something; the rest of a dataset's or file's properties are
// listed in the report as not imported.
const QSet<QString> &handledProperties() {
    static const QSet<QString> set{"name",
                                   "description",
                                   "text",
                                   "author",
                                   "creator",
                                   "dateCreated",
                                   "dateModified",
                                   "datePublished",
                                   "keywords",
                                   "hasPart",
                                   "identifier",
                                   "url",
                                   "genre",
                                   "creativeWorkStatus",
                                   "about",
                                   "temporal",
                                   "license",
                                   "additionalType",
                                   "variableMeasured",
                                   "step",
                                   "comment",
                                   "mentions",
                                   "isPartOf",
                                   "isBasedOn",
                                   "citation",
                                   "encodingFormat",
                                   "contentSize",
                                   "sha256",
                                   "contentType",
                                   "alternateName"};
    return set;
}

const QStringList kLinkProperties{"mentions", "isPartOf", "isBasedOn", "citation"};

bool isDataset(const CrateEntity &e) {
    return e.is(QStringLiteral("Dataset"));
}
bool isFile(const CrateEntity &e) {
    return !isDataset(e) && (e.is(QStringLiteral("File")) || e.is(QStringLiteral("MediaObject")));
}

// "2023-04-02T10:11:12+02:00" is shown as its day; anything else as the crate wrote it.
QString shownDate(const QString &text) {
    QDateTime t = QDateTime::fromString(text, Qt::ISODateWithMs);
    if (!t.isValid()) t = QDateTime::fromString(text, Qt::ISODate);
    if (!t.isValid())
        t = QDateTime::fromString(text.left(19), QStringLiteral("yyyy-MM-dd HH:mm:ss"));
    return t.isValid() ? t.toString(QStringLiteral("yyyy-MM-dd")) : text;
}

QString lastSegment(const QString &key) {
    return key.section('/', -1);
}

QString titleOf(const RoCrate &crate, const CrateEntity &e) {
    QString t = crate.text(e, QStringLiteral("name")).simplified();
    if (t.isEmpty()) t = lastSegment(e.key).simplified();
    if (t.isEmpty()) t = e.id.simplified();
    return nfc(t.left(500));
}

bool looksLikeHtml(const QString &text) {
    static const QRegularExpression tag(
        QStringLiteral("<(p|div|h[1-6]|br|ul|ol|li|table|span|strong|em|b|i|a|img|pre|code|"
                       "blockquote|hr|sub|sup)\\b[^>]*>"),
        QRegularExpression::CaseInsensitiveOption);
    return tag.match(text).hasMatch();
}

// Text of the crate as HTML: HTML as it is (the sanitizer takes it later), Markdown and plain
// text through the notebook's Markdown.
QString asHtml(const QString &text, const QString &format) {
    if (text.trimmed().isEmpty()) return {};
    const QString f = format.toLower();
    if (f.contains(QLatin1String("html"))) return text;
    if (f.contains(QLatin1String("markdown")) || f.contains(QLatin1String("text/plain")) ||
        !looksLikeHtml(text))
        return Notebook::markdownToHtml(text.toUtf8());
    return text;
}

struct Tree {
    QList<const CrateEntity *> reachable; // in breadth-first order from the root
    QHash<const CrateEntity *, const CrateEntity *> parent;
    QHash<const CrateEntity *, QList<const CrateEntity *>> children; // in their parent's order
    QStringList dangling; // hasPart ids no entity describes
};

Tree buildTree(const RoCrate &crate) {
    Tree t;
    const CrateEntity *root = &crate.root();
    QHash<const CrateEntity *, QList<const CrateEntity *>> listers;
    QSet<const CrateEntity *> seen{root};
    QList<const CrateEntity *> queue{root};
    for (qsizetype i = 0; i < queue.size(); ++i) {
        const CrateEntity *node = queue.at(i);
        if (!isDataset(*node) && node != root) continue;
        for (const CrateEntity *child : crate.refs(*node, QStringLiteral("hasPart"))) {
            if (child == root || child == node) continue;
            listers[child] << node;
            if (!seen.contains(child)) {
                seen.insert(child);
                queue << child;
                t.reachable << child;
            }
        }
        t.dangling << crate.unresolved(*node, QStringLiteral("hasPart"));
    }
    // The innermost lister is the parent: the first one that is not the root.
    for (const CrateEntity *e : t.reachable) {
        const auto &l = listers.value(e);
        const auto inner = std::find_if(l.begin(), l.end(), [&](auto *p) { return p != root; });
        t.parent.insert(e, inner != l.end() ? *inner : root);
    }
    // A crafted crate may make datasets each other's parts: such a ring hangs from the root.
    for (const CrateEntity *e : t.reachable) {
        QSet<const CrateEntity *> path{e};
        for (const CrateEntity *p = t.parent.value(e); p && p != root; p = t.parent.value(p)) {
            if (path.contains(p)) {
                t.parent.insert(e, root);
                break;
            }
            path.insert(p);
        }
    }
    // Children in the order their parent lists them.
    for (const CrateEntity *node : QList<const CrateEntity *>{root} + t.reachable)
        for (const CrateEntity *child : crate.refs(*node, QStringLiteral("hasPart")))
            if (t.parent.value(child) == node && !t.children.value(node).contains(child))
                t.children[node] << child;
    return t;
}

class Planner {
public:
    Planner(const RoCrate &crate, const eln::ArchiveListing &listing, const QString &archiveName)
        : m_crate(crate)
        , m_listing(listing)
        , m_archive(archiveName) {
        for (const auto &f : listing.files)
            m_archiveFiles.insert(f.path);
    }

    Result<Plan> run();

private:
    QString archivePath(const QString &key) const {
        return m_listing.root.isEmpty() ? key : m_listing.root + '/' + key;
    }
    Result<int> planFile(const CrateEntity &file);
    void planEntry(PlannedExperiment &x, const CrateEntity &dataset, bool experimentItself);
    QString entryHtml(const CrateEntity &d, const QList<const CrateEntity *> &files);
    QJsonObject origin(const CrateEntity &e) const;
    QString linkTo(const CrateEntity &target) const;
    void noteUnhandled(const CrateEntity &e);

    const RoCrate &m_crate;
    const eln::ArchiveListing &m_listing;
    QString m_archive;
    QSet<QString> m_archiveFiles;
    QSet<QString> m_usedPaths;
    Tree m_tree;
    Plan m_plan;
    QHash<const CrateEntity *, QString> m_experimentOf;  // top-level dataset -> experiment uuid
    QHash<const CrateEntity *, QString> m_entryOf;       // dataset -> entry uuid
    QHash<QString, QPair<int, QStringList>> m_unhandled; // property -> (count, example ids)
    Result<void> m_failure;
};

QJsonObject Planner::origin(const CrateEntity &e) const {
    QJsonArray authors;
    for (const QString &property : {QStringLiteral("author"), QStringLiteral("creator")})
        for (const auto &p : m_crate.people(e, property))
            authors.append(nfc(p.display()));
    return QJsonObject{{"system", nfc(m_plan.publisher)},
                       {"crate", nfc(m_archive)},
                       {"crate_id", nfc(e.id)},
                       {"created", nfc(m_crate.text(e, QStringLiteral("dateCreated")))},
                       {"modified", nfc(m_crate.text(e, QStringLiteral("dateModified")))},
                       {"authors", authors}};
}

QString Planner::linkTo(const CrateEntity &target) const {
    const QString title = esc(titleOf(m_crate, target));
    if (m_experimentOf.contains(&target))
        return QStringLiteral("<a href=\"quire:experiment/%1\">%2</a>")
            .arg(m_experimentOf.value(&target), title);
    if (m_entryOf.contains(&target))
        return QStringLiteral("<a href=\"quire:entry/%1\">%2</a>")
            .arg(m_entryOf.value(&target), title);
    const QString url = target.id;
    if (url.startsWith(QLatin1String("https://")) || url.startsWith(QLatin1String("http://")))
        return QStringLiteral("<a href=\"%1\">%2</a>").arg(esc(url), title);
    return title;
}

void Planner::noteUnhandled(const CrateEntity &e) {
    for (auto it = e.props.begin(); it != e.props.end(); ++it) {
        if (handledProperties().contains(it.key()) || it.key().startsWith('@')) continue;
        auto &slot = m_unhandled[it.key()];
        ++slot.first;
        if (slot.second.size() < 3) slot.second << e.id;
    }
}

Result<int> Planner::planFile(const CrateEntity &file) {
    QString path = archivePath(file.key);
    if (!m_archiveFiles.contains(path)) {
        // An id written with percent-escapes for a name that really holds them.
        QString raw = file.id;
        if (raw.startsWith(QLatin1String("./"))) raw = raw.mid(2);
        auto literal = eln::ElnArchiveReader::normalisePath(raw);
        if (literal && m_archiveFiles.contains(archivePath(*literal)))
            path = archivePath(*literal);
        else
            return fail(ElnImport::tr("the metadata names the file “%1”, but the archive does not "
                                      "hold it")
                            .arg(file.id));
    }
    m_usedPaths.insert(path);
    PlannedFile f;
    f.crateId = file.id;
    f.path = path;
    QString name = m_crate.text(file, QStringLiteral("name")).trimmed();
    // Some exporters name a file by a description; the archive's name is what a person finds.
    if (name.isEmpty() || name.contains('/')) name = lastSegment(path);
    f.name = nfc(name);
    QString type = m_crate.text(file, QStringLiteral("encodingFormat"));
    if (type.isEmpty()) type = m_crate.text(file, QStringLiteral("contentType"));
    type = type.section(';', 0, 0).trimmed().toLower();
    static const QRegularExpression mediaType(QStringLiteral("^[a-z]+/[a-z0-9.+-]+$"));
    f.mediaType = mediaType.match(type).hasMatch() ? type : QString();
    f.declaredSha256 = m_crate.text(file, QStringLiteral("sha256")).trimmed().toLower();
    f.modifiedAt = nfc(m_crate.text(file, QStringLiteral("dateModified")));
    m_plan.files << f;
    noteUnhandled(file);
    return int(m_plan.files.size() - 1);
}

QString Planner::entryHtml(const CrateEntity &d, const QList<const CrateEntity *> &files) {
    QString html;
    // Who made it when, as text: the crate's people are not members of this notebook.
    QStringList line;
    line << (m_plan.publisher.isEmpty() ? ElnImport::tr("Imported from %1").arg(esc(m_archive))
                                        : ElnImport::tr("Imported from %1 (%2)")
                                              .arg(esc(m_plan.publisher), esc(m_archive)));
    QStringList authors;
    for (const QString &property : {QStringLiteral("author"), QStringLiteral("creator")})
        for (const auto &p : m_crate.people(d, property))
            authors << esc(p.display());
    const QString created = m_crate.text(d, QStringLiteral("dateCreated"));
    if (!created.isEmpty() && !authors.isEmpty())
        line << ElnImport::tr("created %1 by %2").arg(esc(shownDate(created)), authors.join(", "));
    else if (!created.isEmpty())
        line << ElnImport::tr("created %1").arg(esc(shownDate(created)));
    else if (!authors.isEmpty())
        line << ElnImport::tr("by %1").arg(authors.join(", "));
    if (const QString modified = m_crate.text(d, QStringLiteral("dateModified"));
        !modified.isEmpty())
        line << ElnImport::tr("last changed %1").arg(esc(shownDate(modified)));
    html += QStringLiteral("<p><em>%1.</em></p>\n").arg(line.join(QStringLiteral("; ")));

    const QString ownFormat = m_crate.text(d, QStringLiteral("encodingFormat"));
    const auto description = m_crate.body(d, QStringLiteral("description"));
    html += asHtml(description.text, description.format);
    const auto text = m_crate.body(d, QStringLiteral("text"));
    html += asHtml(text.text, text.format.isEmpty() ? ownFormat : text.format);

    // Details a person may look for: identifiers, status, category, licence.
    const QList<QPair<QString, QString>> details{
        {ElnImport::tr("Identifier"), m_crate.text(d, QStringLiteral("identifier"))},
        {ElnImport::tr("Other name"), m_crate.text(d, QStringLiteral("alternateName"))},
        {ElnImport::tr("Address in %1")
             .arg(m_plan.publisher.isEmpty() ? ElnImport::tr("the other ELN") : m_plan.publisher),
         m_crate.text(d, QStringLiteral("url"))},
        {ElnImport::tr("Kind"), m_crate.text(d, QStringLiteral("genre"))},
        {ElnImport::tr("Type"), m_crate.text(d, QStringLiteral("additionalType"))},
        {ElnImport::tr("Status"), m_crate.text(d, QStringLiteral("creativeWorkStatus"))},
        {ElnImport::tr("Category"), m_crate.text(d, QStringLiteral("about"))},
        {ElnImport::tr("Time"), m_crate.text(d, QStringLiteral("temporal"))},
        {ElnImport::tr("Published"), m_crate.text(d, QStringLiteral("datePublished"))},
        {ElnImport::tr("Licence"), m_crate.text(d, QStringLiteral("license"))},
        {ElnImport::tr("Keywords"), m_crate.keywords(d).join(QStringLiteral(", "))}};
    QString rows;
    for (const auto &[label, value] : details)
        if (!value.trimmed().isEmpty())
            rows += QStringLiteral("<tr><th>%1</th><td>%2</td></tr>").arg(esc(label), esc(value));
    if (!rows.isEmpty())
        html += QStringLiteral("<h3>%1</h3>\n<table><tbody>%2</tbody></table>\n")
                    .arg(esc(ElnImport::tr("Details")), rows);

    // variableMeasured: PropertyValues (eLabFTW's extra fields, Kadi's extras, PASTA's metadata).
    QString props;
    for (const CrateEntity *pv : m_crate.refs(d, QStringLiteral("variableMeasured"))) {
        QString name = m_crate.text(*pv, QStringLiteral("name"));
        if (name.isEmpty()) name = m_crate.text(*pv, QStringLiteral("propertyID"));
        props += QStringLiteral("<tr><td>%1</td><td>%2</td><td>%3</td></tr>")
                     .arg(esc(name), esc(m_crate.text(*pv, QStringLiteral("value"))),
                          esc(m_crate.text(*pv, QStringLiteral("unitText"))));
    }
    if (!props.isEmpty())
        html += QStringLiteral("<h3>%1</h3>\n<table><thead><tr><th>%2</th><th>%3</th><th>%4</th>"
                               "</tr></thead><tbody>%5</tbody></table>\n")
                    .arg(esc(ElnImport::tr("Properties")), esc(ElnImport::tr("Name")),
                         esc(ElnImport::tr("Value")), esc(ElnImport::tr("Unit")), props);

    // Steps (HowToStep with HowToDirections) as a checklist.
    QString steps;
    for (const CrateEntity *step : m_crate.refs(d, QStringLiteral("step"))) {
        QStringList said;
        for (const CrateEntity *dir : m_crate.refs(*step, QStringLiteral("itemListElement")))
            said << m_crate.text(*dir, QStringLiteral("text"));
        if (said.isEmpty()) said << m_crate.text(*step, QStringLiteral("text"));
        const QString status = m_crate.text(*step, QStringLiteral("creativeWorkStatus")).toLower();
        const bool done = status == QLatin1String("finished") ||
                          status == QLatin1String("completed") || status == QLatin1String("done") ||
                          status == QLatin1String("true");
        steps += QStringLiteral("<li data-checked=\"%1\">%2</li>")
                     .arg(done ? "true" : "false", esc(said.join(QStringLiteral(" "))));
    }
    if (!steps.isEmpty())
        html += QStringLiteral("<h3>%1</h3>\n<ul class=\"checklist\">%2</ul>\n")
                    .arg(esc(ElnImport::tr("Steps")), steps);

    // The files' own descriptions, and files that live on the web.
    QString fileRows;
    for (const CrateEntity *f : files) {
        const QString about = m_crate.body(*f, QStringLiteral("description")).text.trimmed() +
                              m_crate.body(*f, QStringLiteral("text")).text.trimmed();
        if (!about.isEmpty() && about.size() < 2000)
            fileRows +=
                QStringLiteral("<li>%1 — %2</li>").arg(esc(titleOf(m_crate, *f)), esc(about));
    }
    for (const CrateEntity *child : m_tree.children.value(&d))
        if (isFile(*child) && !RoCrate::isLocalId(child->id)) {
            fileRows +=
                QStringLiteral("<li>%1 (%2)</li>")
                    .arg(linkTo(*child), esc(ElnImport::tr("on the web, not in the archive")));
            m_plan.webLinks << child->id;
        }
    if (!fileRows.isEmpty())
        html +=
            QStringLiteral("<h3>%1</h3>\n<ul>%2</ul>\n").arg(esc(ElnImport::tr("Files")), fileRows);

    // Links to other items: to what this import made, to the web, or by name.
    QString links;
    for (const QString &property : kLinkProperties)
        for (const CrateEntity *target : m_crate.refs(d, property))
            if (target != m_tree.parent.value(&d))
                links += QStringLiteral("<li>%1</li>").arg(linkTo(*target));
    if (!links.isEmpty())
        html +=
            QStringLiteral("<h3>%1</h3>\n<ul>%2</ul>\n").arg(esc(ElnImport::tr("Links")), links);

    // Comments, each with who wrote it when.
    QString comments;
    for (const CrateEntity *c : m_crate.refs(d, QStringLiteral("comment"))) {
        QStringList who;
        for (const auto &p : m_crate.people(*c, QStringLiteral("author")))
            who << p.display();
        const QString when = shownDate(m_crate.text(*c, QStringLiteral("dateCreated")));
        const auto said = m_crate.body(*c, QStringLiteral("text"));
        const auto desc = m_crate.body(*c, QStringLiteral("description"));
        comments += QStringLiteral("<blockquote><p><em>%1</em></p>%2</blockquote>\n")
                        .arg(esc(QStringList{who.join(", "), when}.join(QStringLiteral(", "))),
                             asHtml(said.text + desc.text, said.format));
    }
    if (!comments.isEmpty())
        html += QStringLiteral("<h3>%1</h3>\n%2").arg(esc(ElnImport::tr("Comments")), comments);
    return html;
}

void Planner::planEntry(PlannedExperiment &x, const CrateEntity &dataset, bool experimentItself) {
    PlannedEntry entry;
    entry.uuid = m_entryOf.value(&dataset);
    entry.crateId = dataset.id;
    entry.title = titleOf(m_crate, dataset);
    entry.origin = origin(dataset);
    QList<const CrateEntity *> files;
    for (const CrateEntity *child : m_tree.children.value(&dataset)) {
        if (!isFile(*child) || !RoCrate::isLocalId(child->id)) continue;
        auto index = planFile(*child);
        if (!index) {
            if (m_failure) m_failure = index.failure();
            continue;
        }
        entry.files << *index;
        files << child;
    }
    if (experimentItself) {
        // The crate's own metadata, so that nothing it said is lost.
        PlannedFile meta;
        meta.crateId = QStringLiteral("ro-crate-metadata.json");
        meta.path = archivePath(meta.crateId);
        meta.name = meta.crateId;
        meta.mediaType = QStringLiteral("application/ld+json");
        m_plan.files << meta;
        entry.files << int(m_plan.files.size() - 1);
    }
    entry.html = entryHtml(dataset, files);
    for (const QString &tag : m_crate.keywords(dataset)) {
        const QString t = nfc(tag.simplified().left(200));
        if (!t.isEmpty() && !x.tags.contains(t)) x.tags << t;
    }
    noteUnhandled(dataset);
    x.entries << entry;
}

Result<Plan> Planner::run() {
    m_plan.publisher = nfc(m_crate.publisher().simplified());
    const CrateEntity &root = m_crate.root();
    m_plan.crateName = nfc(m_crate.text(root, QStringLiteral("name")).simplified().left(500));
    if (m_plan.crateName.isEmpty()) m_plan.crateName = nfc(m_archive.section('.', 0, 0));
    m_plan.notes = m_crate.notes();
    m_tree = buildTree(m_crate);

    // Uuids first, so that links between items can name what they will become.
    QList<const CrateEntity *> tops;
    bool rootFiles = false;
    // A crate Quire exported carries its proof in quire/ (a dataset describing only part of
    // it): not an experiment, but evidence, kept whole with the first experiment below.
    const QString proofManifest = archivePath(QStringLiteral("quire/quire-manifest.json"));
    bool hasProof = false;
    for (const auto &f : m_listing.files)
        if (f.path == proofManifest) hasProof = true;
    for (const CrateEntity *child : m_tree.children.value(&root)) {
        QString key = child->id;
        while (key.startsWith(QLatin1String("./")))
            key = key.mid(2);
        if (hasProof && isDataset(*child) && (key == QLatin1String("quire/") || key == "quire"))
            continue;
        if (isDataset(*child))
            tops << child;
        else if (isFile(*child) && RoCrate::isLocalId(child->id))
            rootFiles = true;
    }
    for (const CrateEntity *top : tops) {
        m_experimentOf.insert(top, newUuid());
        QList<const CrateEntity *> stack{top};
        while (!stack.isEmpty()) {
            const CrateEntity *d = stack.takeFirst();
            m_entryOf.insert(d, newUuid());
            QList<const CrateEntity *> inner;
            for (const CrateEntity *c : m_tree.children.value(d))
                if (isDataset(*c)) inner << c;
            stack = inner + stack; // depth first, in the crate's order
        }
    }
    const bool rootExperiment = rootFiles || tops.isEmpty();
    if (rootExperiment) m_entryOf.insert(&root, newUuid());

    for (const CrateEntity *top : tops) {
        PlannedExperiment x;
        x.uuid = m_experimentOf.value(top);
        x.crateId = top->id;
        x.title = titleOf(m_crate, *top);
        x.project = m_plan.crateName;
        x.origin = origin(*top);
        QList<const CrateEntity *> stack{top};
        bool first = true;
        while (!stack.isEmpty()) {
            const CrateEntity *d = stack.takeFirst();
            planEntry(x, *d, first);
            first = false;
            QList<const CrateEntity *> inner;
            for (const CrateEntity *c : m_tree.children.value(d))
                if (isDataset(*c)) inner << c;
            stack = inner + stack;
        }
        m_plan.experiments << x;
    }
    if (rootExperiment) {
        PlannedExperiment x;
        x.uuid = newUuid();
        x.crateId = root.id;
        x.title = m_plan.crateName;
        x.project = m_plan.crateName;
        x.origin = origin(root);
        planEntry(x, root, true);
        m_plan.experiments << x;
    }
    if (!m_failure) return m_failure.failure();
    if (hasProof && !m_plan.experiments.isEmpty() &&
        !m_plan.experiments.first().entries.isEmpty()) {
        const QString proofFolder = archivePath(QStringLiteral("quire")) + '/';
        for (const auto &f : m_listing.files) {
            if (!f.path.startsWith(proofFolder) || m_usedPaths.contains(f.path)) continue;
            PlannedFile proof;
            proof.path = f.path;
            proof.crateId = f.path.mid(proofFolder.size() - 6); // "quire/<name>"
            proof.name = nfc(QStringLiteral("quire-") + f.path.mid(proofFolder.size()));
            m_usedPaths.insert(f.path);
            m_plan.files << proof;
            m_plan.experiments.first().entries.first().files << int(m_plan.files.size() - 1);
        }
    }

    // What the crate holds that did not become anything.
    QSet<const CrateEntity *> reached(m_tree.reachable.begin(), m_tree.reachable.end());
    for (const auto &e : m_crate.entities())
        if ((isDataset(e) || isFile(e)) && &e != &root && !reached.contains(&e))
            m_plan.unmapped << ElnImport::tr("“%1” is not part of the crate's root dataset (no "
                                             "hasPart leads to it): not imported")
                                   .arg(e.id);
    for (const CrateEntity *e : m_tree.reachable)
        if (!isDataset(*e) && !isFile(*e))
            m_plan.unmapped << ElnImport::tr("“%1” is listed as a part but is a %2, neither a "
                                             "dataset nor a file: not imported")
                                   .arg(e->id, e->types.join('/'));
    for (const QString &id : m_tree.dangling)
        m_plan.unmapped << ElnImport::tr("the crate lists “%1” as a part but does not describe it: "
                                         "not imported")
                               .arg(id);
    const QString previewHtml = archivePath(QStringLiteral("ro-crate-preview.html"));
    const QString previewFiles = archivePath(QStringLiteral("ro-crate-preview_files")) + '/';
    const QString metadata = archivePath(QStringLiteral("ro-crate-metadata.json"));
    for (const auto &f : m_listing.files) {
        if (m_usedPaths.contains(f.path) || f.path == metadata || f.path == previewHtml ||
            f.path.startsWith(previewFiles) || m_listing.outsideRoot.contains(f.path))
            continue;
        m_plan.unmapped << ElnImport::tr("“%1” is in the archive but the metadata does not "
                                         "describe it: not imported")
                               .arg(f.path);
    }
    for (const QString &path : m_listing.outsideRoot)
        m_plan.unmapped
            << ElnImport::tr("“%1” lies outside the crate's folder: not imported").arg(path);
    QStringList properties = m_unhandled.keys();
    properties.sort();
    for (const QString &p : properties)
        m_plan.unmapped << ElnImport::tr("the property “%1” (%2 items, e.g. “%3”) has no place in "
                                         "the notebook: not imported (it stays in the attached "
                                         "ro-crate-metadata.json)")
                               .arg(p)
                               .arg(m_unhandled.value(p).first)
                               .arg(m_unhandled.value(p).second.first());
    return m_plan;
}

} // namespace

Result<Plan> makePlan(const RoCrate &crate, const eln::ArchiveListing &listing,
                      const QString &archiveName) {
    return Planner(crate, listing, archiveName).run();
}

} // namespace quire::elnplan
