// RoCrate: parsing and the lenient accessors. Leniency stops at safety: ids of local files must
// stay inside the crate, and nesting is bounded so a crafted document cannot exhaust the stack.

#include "formats/eln/RoCrate.h"

#include "formats/eln/ElnArchiveReader.h"

#include <QCoreApplication>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonParseError>
#include <QRegularExpression>
#include <QUrl>

namespace quire::eln {

namespace {

constexpr int kMaxInlineDepth = 32;

QStringList typesOf(const QJsonValue &v) {
    QStringList out;
    if (v.isString()) out << v.toString();
    for (const auto &t : v.toArray())
        if (t.isString()) out << t.toString();
    return out;
}

bool hasScheme(const QString &id) {
    static const QRegularExpression scheme(QStringLiteral("^[A-Za-z][A-Za-z0-9+.-]*:"));
    return scheme.match(id).hasMatch();
}

QList<QJsonValue> asList(const QJsonValue &v) {
    if (v.isArray()) {
        QList<QJsonValue> out;
        for (const auto &item : v.toArray())
            out << item;
        return out;
    }
    if (v.isUndefined() || v.isNull()) return {};
    return {v};
}

QString refId(const QJsonValue &v) {
    if (v.isObject()) return v.toObject().value(QStringLiteral("@id")).toString();
    if (v.isString()) return v.toString();
    return {};
}

} // namespace

QString CratePerson::display() const {
    if (!name.isEmpty() && !email.isEmpty()) return QStringLiteral("%1 <%2>").arg(name, email);
    if (!name.isEmpty()) return name;
    if (!email.isEmpty()) return email;
    return id;
}

bool RoCrate::isLocalId(const QString &id) {
    if (id.isEmpty()) return false;
    if (id.startsWith('#') || id.startsWith(QLatin1String("_:"))) return false;
    return !hasScheme(id);
}

QString RoCrate::keyOf(const QString &id) {
    if (!isLocalId(id)) return id;
    const QString decoded = QUrl::fromPercentEncoding(id.toUtf8());
    QStringList kept;
    for (const QString &segment : decoded.split('/'))
        if (!segment.isEmpty() && segment != QLatin1String(".")) kept << segment;
    return kept.join('/').normalized(QString::NormalizationForm_C);
}

int RoCrate::addEntity(CrateEntity entity) {
    const int index = int(m_entities.size());
    m_byKey.insert(entity.key, index);
    m_entities.push_back(std::move(entity));
    return index;
}

// Inline objects that are entities of their own (they have a @type and no @id, as in the
// specification's example author) become entities with a blank-node id, so that every reference
// is looked up the same way.
QJsonValue RoCrate::flatten(const QJsonValue &value, int depth) {
    if (depth > kMaxInlineDepth) return QJsonValue();
    if (value.isArray()) {
        QJsonArray out;
        for (const auto &item : value.toArray())
            out.append(flatten(item, depth + 1));
        return out;
    }
    if (!value.isObject()) return value;
    QJsonObject o = value.toObject();
    if (o.contains(QStringLiteral("@value")) || o.contains(QStringLiteral("@id")) ||
        !o.contains(QStringLiteral("@type")))
        return o;
    CrateEntity e;
    e.id = QStringLiteral("_:inline%1").arg(++m_inline);
    e.key = e.id;
    e.types = typesOf(o.value(QStringLiteral("@type")));
    for (auto it = o.begin(); it != o.end(); ++it)
        if (it.key() != QLatin1String("@type")) e.props.insert(it.key(), flatten(*it, depth + 1));
    const QString id = e.id;
    addEntity(std::move(e));
    return QJsonObject{{QStringLiteral("@id"), id}};
}

Result<RoCrate> RoCrate::parse(const QByteArray &json, qint64 maxBytes) {
    if (json.size() > maxBytes)
        return fail(
            QCoreApplication::translate("quire::storage",
                                        "ro-crate-metadata.json is larger than %1 MiB; Quire reads "
                                        "crate metadata only up to that size")
                .arg(maxBytes / (1024 * 1024)));
    QJsonParseError error{};
    const QJsonDocument doc = QJsonDocument::fromJson(json, &error);
    if (error.error != QJsonParseError::NoError)
        return fail(
            QCoreApplication::translate("quire::storage",
                                        "ro-crate-metadata.json is not valid JSON (%1 at byte %2)")
                .arg(error.errorString())
                .arg(error.offset));
    if (!doc.isObject())
        return fail(QCoreApplication::translate("quire::storage",
                                                "ro-crate-metadata.json is not a JSON object"));
    const QJsonValue graph = doc.object().value(QStringLiteral("@graph"));
    QList<QJsonValue> items;
    if (graph.isArray())
        items = asList(graph);
    else if (graph.isObject())
        items = {graph};
    else
        return fail(QCoreApplication::translate(
            "quire::storage", "ro-crate-metadata.json has no @graph: it is not an RO-Crate"));

    RoCrate crate;
    int withoutId = 0;
    for (const auto &item : items) {
        if (!item.isObject()) continue;
        const QJsonObject o = item.toObject();
        const QString id = o.value(QStringLiteral("@id")).toString();
        if (id.isEmpty()) {
            ++withoutId;
            continue;
        }
        CrateEntity e;
        e.id = id;
        e.key = keyOf(id);
        e.types = typesOf(o.value(QStringLiteral("@type")));
        if (isLocalId(id)) {
            // The crate's own files must lie inside it, by the archive's rules.
            QString raw = QUrl::fromPercentEncoding(id.toUtf8());
            if (raw.startsWith(QLatin1String("./"))) raw = raw.mid(2);
            if (!e.key.isEmpty() || raw.startsWith('/')) {
                auto safe = ElnArchiveReader::normalisePath(raw);
                if (!safe)
                    return fail(QCoreApplication::translate(
                                    "quire::storage", "the metadata names a path outside the crate "
                                                      "(%1): %2")
                                    .arg(id, safe.error()));
            }
        }
        for (auto it = o.begin(); it != o.end(); ++it)
            if (it.key() != QLatin1String("@id") && it.key() != QLatin1String("@type"))
                e.props.insert(it.key(), crate.flatten(*it, 0));
        if (crate.m_byKey.contains(e.key)) {
            // JSON-LD would merge the two; the properties of the second fill what the first
            // lacks, and the report says so.
            CrateEntity &first = crate.m_entities[size_t(crate.m_byKey.value(e.key))];
            for (auto it = e.props.begin(); it != e.props.end(); ++it)
                if (!first.props.contains(it.key())) first.props.insert(it.key(), *it);
            for (const auto &t : e.types)
                if (!first.types.contains(t)) first.types << t;
            crate.m_notes << QStringLiteral("the metadata describes “%1” more than once; the "
                                            "descriptions were merged")
                                 .arg(id);
            continue;
        }
        crate.addEntity(std::move(e));
    }
    if (withoutId > 0)
        crate.m_notes << QStringLiteral("%1 entities of the metadata have no @id and were skipped")
                             .arg(withoutId);

    QString rootKey;
    const CrateEntity *desc = crate.descriptor();
    if (desc) rootKey = keyOf(refId(desc->props.value(QStringLiteral("about"))));
    if (!crate.m_byKey.contains(rootKey)) {
        if (desc)
            crate.m_notes << QStringLiteral("the metadata descriptor is about “%1”, which the "
                                            "metadata does not describe; “./” is read instead")
                                 .arg(rootKey);
        rootKey.clear();
    }
    if (!crate.m_byKey.contains(rootKey))
        return fail(QCoreApplication::translate(
            "quire::storage", "ro-crate-metadata.json describes no root dataset (“./”): it "
                              "is not an RO-Crate"));
    crate.m_root = crate.m_byKey.value(rootKey);
    if (!crate.root().is(QStringLiteral("Dataset")))
        crate.m_notes << QStringLiteral("the crate's root is not typed as a Dataset");
    return crate;
}

const CrateEntity *RoCrate::descriptor() const {
    for (const QString &name :
         {QStringLiteral("ro-crate-metadata.json"), QStringLiteral("ro-crate-metadata.jsonld")}) {
        const auto it = m_byKey.constFind(name);
        if (it != m_byKey.constEnd()) return &m_entities.at(size_t(*it));
    }
    return nullptr;
}

const CrateEntity *RoCrate::find(const QString &id) const {
    auto it = m_byKey.constFind(id);
    if (it == m_byKey.constEnd()) it = m_byKey.constFind(keyOf(id));
    return it == m_byKey.constEnd() ? nullptr : &m_entities.at(size_t(*it));
}

QString RoCrate::conformsTo() const {
    const CrateEntity *d = descriptor();
    return d ? text(*d, QStringLiteral("conformsTo")) : QString();
}

QString RoCrate::plain(const QJsonValue &v) {
    if (v.isString()) return v.toString();
    if (v.isBool()) return v.toBool() ? QStringLiteral("true") : QStringLiteral("false");
    if (v.isDouble()) {
        const double d = v.toDouble();
        if (d == double(qint64(d)) && qAbs(d) < 9e15) return QString::number(qint64(d));
        return QString::number(d, 'g', 15);
    }
    if (v.isObject()) {
        const QJsonObject o = v.toObject();
        if (o.contains(QStringLiteral("@value"))) return plain(o.value(QStringLiteral("@value")));
        return o.value(QStringLiteral("@id")).toString();
    }
    return {};
}

QString RoCrate::text(const CrateEntity &e, const QString &property) const {
    QStringList parts;
    for (const auto &v : asList(e.props.value(property))) {
        QString s;
        if (v.isObject() && v.toObject().contains(QStringLiteral("@id"))) {
            const CrateEntity *target = find(refId(v));
            s = target ? plain(target->props.value(QStringLiteral("name"))) : QString();
            if (s.isEmpty()) s = refId(v);
        } else {
            s = plain(v);
        }
        if (!s.isEmpty()) parts << s;
    }
    return parts.join(QStringLiteral(", "));
}

QList<const CrateEntity *> RoCrate::refs(const CrateEntity &e, const QString &property) const {
    QList<const CrateEntity *> out;
    for (const auto &v : asList(e.props.value(property)))
        if (const CrateEntity *target = find(refId(v)); target && !out.contains(target))
            out << target;
    return out;
}

QStringList RoCrate::unresolved(const CrateEntity &e, const QString &property) const {
    QStringList out;
    for (const auto &v : asList(e.props.value(property)))
        if (const QString id = refId(v); !id.isEmpty() && !find(id)) out << id;
    return out;
}

QStringList RoCrate::keywords(const CrateEntity &e) const {
    QStringList out;
    auto add = [&](const QString &word) {
        const QString w = word.trimmed();
        if (!w.isEmpty() && !out.contains(w)) out << w;
    };
    for (const auto &v : asList(e.props.value(QStringLiteral("keywords")))) {
        if (v.isString()) {
            for (const auto &w : v.toString().split(','))
                add(w);
        } else if (v.isObject() && v.toObject().contains(QStringLiteral("@id"))) {
            const CrateEntity *term = find(refId(v));
            add(term ? plain(term->props.value(QStringLiteral("name"))) : refId(v));
        } else {
            add(plain(v));
        }
    }
    return out;
}

QList<CratePerson> RoCrate::people(const CrateEntity &e, const QString &property) const {
    QList<CratePerson> out;
    for (const auto &v : asList(e.props.value(property))) {
        CratePerson p;
        if (v.isString() && !find(v.toString())) {
            p.name = v.toString(); // a plain name
        } else {
            p.id = refId(v);
            if (const CrateEntity *who = find(p.id)) {
                p.name = plain(who->props.value(QStringLiteral("name")));
                if (p.name.isEmpty())
                    p.name = QStringList{plain(who->props.value(QStringLiteral("givenName"))),
                                         plain(who->props.value(QStringLiteral("familyName")))}
                                 .join(' ')
                                 .trimmed();
                p.email = plain(who->props.value(QStringLiteral("email")));
                if (who->id.startsWith(QLatin1String("_:"))) p.id.clear();
            }
        }
        if (!p.display().isEmpty()) out << p;
    }
    return out;
}

RoCrate::Text RoCrate::body(const CrateEntity &e, const QString &property) const {
    Text out;
    QStringList parts;
    for (const auto &v : asList(e.props.value(property))) {
        if (v.isObject() && v.toObject().contains(QStringLiteral("@id"))) {
            const CrateEntity *t = find(refId(v));
            if (!t) continue;
            const QString s = plain(t->props.value(QStringLiteral("text")));
            if (s.isEmpty()) continue;
            parts << s;
            if (out.format.isEmpty())
                out.format = plain(t->props.value(QStringLiteral("encodingFormat")));
        } else if (const QString s = plain(v); !s.isEmpty()) {
            parts << s;
        }
    }
    out.text = parts.join(QStringLiteral("\n\n"));
    return out;
}

QString RoCrate::publisher() const {
    if (const CrateEntity *d = descriptor())
        if (const QString p = text(*d, QStringLiteral("sdPublisher")); !p.isEmpty()) return p;
    for (const auto &e : m_entities) {
        if (!e.is(QStringLiteral("CreateAction"))) continue;
        const QList<const CrateEntity *> objects = refs(e, QStringLiteral("object"));
        if (!objects.contains(&root())) continue;
        if (const QString p = text(e, QStringLiteral("instrument")); !p.isEmpty()) return p;
    }
    return text(root(), QStringLiteral("publisher"));
}

} // namespace quire::eln
