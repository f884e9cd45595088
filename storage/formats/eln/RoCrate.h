#pragma once
// RoCrate: ro-crate-metadata.json read as RO-Crate 1.1 (and 1.2) describes it — a JSON-LD
// document whose @graph is a flat list of entities cross-referenced by @id — with the variation
// real exporters show: @graph as one object or an array, @type as a string or a list, references
// as {"@id": …}, bare strings or inline objects, ids with or without "./" and a trailing "/",
// percent-encoded or not, keywords as one comma-separated string or a list, descriptions as text
// or as a reference to a TextObject. Pure: bytes in, entities out; what becomes what in the
// notebook is the model's business.
//
// The crate's root dataset is the entity the metadata descriptor (`ro-crate-metadata.json`) is
// `about`, falling back to "./". A crate without one, a document that is not JSON or not an
// object, or metadata over the size cap is refused with a message a person can act on. Ids of
// local files are held to the archive's path rules: one that is absolute or climbs out with ".."
// refuses the crate.

#include "Result.h"

#include <QByteArray>
#include <QHash>
#include <QJsonObject>
#include <QJsonValue>
#include <QList>
#include <QString>
#include <QStringList>

#include <deque>

namespace quire::eln {

struct CrateEntity {
    QString id;  // as the crate wrote it
    QString key; // the id normalised for lookups (see RoCrate::keyOf)
    QStringList types;
    QJsonObject props; // every property but @id and @type; inline objects replaced by references
    bool is(const QString &type) const { return types.contains(type); }
};

struct CratePerson {
    QString name;
    QString email;
    QString id;
    QString display() const; // "Name <email>", or whichever part is known
};

class RoCrate {
public:
    static Result<RoCrate> parse(const QByteArray &json, qint64 maxBytes);

    // A local id made comparable: percent-decoded, no "./", no empty or "." segments, no
    // trailing "/"; "" is the root. Web ids (with a scheme, or "#…", or blank nodes) stay as
    // they are.
    static QString keyOf(const QString &id);
    // True for ids of the crate's own files and folders (not web resources, not "#…" or "_:").
    static bool isLocalId(const QString &id);

    const CrateEntity &root() const { return m_entities.at(m_root); }
    const CrateEntity *descriptor() const;
    const CrateEntity *find(const QString &id) const; // by id or key
    const std::deque<CrateEntity> &entities() const { return m_entities; }
    // Oddities that were tolerated (a second entity with the same id, one without an id).
    const QStringList &notes() const { return m_notes; }
    QString conformsTo() const;

    // The property's value as text: strings as they are, numbers without a needless ".0",
    // {"@value"}, a referenced entity's name (or its id), lists joined with ", ".
    QString text(const CrateEntity &e, const QString &property) const;
    // The entities a property references, in order (unknown ids are skipped; see unresolved).
    QList<const CrateEntity *> refs(const CrateEntity &e, const QString &property) const;
    // The ids a property references that no entity of the crate describes.
    QStringList unresolved(const CrateEntity &e, const QString &property) const;
    // keywords: a comma-separated string, a list of strings, or references to DefinedTerms.
    QStringList keywords(const CrateEntity &e) const;
    // author, creator, …: references to Persons or Organizations, inline ones, or plain names.
    QList<CratePerson> people(const CrateEntity &e, const QString &property) const;
    // A body of text and its format ("text/html", "text/markdown", "" when not said): the
    // property's string, or the `text` of the TextObject/CreativeWork it references.
    struct Text {
        QString text;
        QString format;
    };
    Text body(const CrateEntity &e, const QString &property) const;
    // The program or organisation that made the crate: the descriptor's sdPublisher, else the
    // software of a CreateAction on the root, else the root's publisher; "" when none says.
    QString publisher() const;

private:
    int addEntity(CrateEntity entity);
    QJsonValue flatten(const QJsonValue &value, int depth);
    static QString plain(const QJsonValue &v);

    std::deque<CrateEntity> m_entities; // deque: pointers stay valid as inline ones are added
    QHash<QString, int> m_byKey;
    int m_root = 0;
    int m_inline = 0;
    QStringList m_notes;
};

} // namespace quire::eln
