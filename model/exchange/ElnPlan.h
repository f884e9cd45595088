#pragma once
// Internal to model/exchange/: what an import will write, worked out from the crate before
// anything is written (ElnPlan.cpp), so that a crate that cannot be imported is refused with
// nothing written and the writing itself (ElnImport.cpp) has no decisions left to make.

#include "formats/eln/ElnArchiveReader.h"
#include "formats/eln/RoCrate.h"
#include "Result.h"

#include <QJsonObject>
#include <QList>
#include <QString>
#include <QStringList>

namespace quire::elnplan {

struct PlannedFile {
    QString crateId;   // the File's @id ("ro-crate-metadata.json" for the metadata itself)
    QString path;      // in the archive, root folder included
    QString name;      // shown name
    QString mediaType; // the crate's encodingFormat when it is a media type, else empty
    QString declaredSha256;
    QString modifiedAt; // the crate's dateModified, as it wrote it
};

struct PlannedEntry {
    QString uuid;
    QString crateId;
    QString title;
    QString html;     // before sanitizing
    QList<int> files; // indexes into Plan::files
    QJsonObject origin;
};

struct PlannedExperiment {
    QString uuid;
    QString crateId;
    QString title;
    QString project;
    QStringList tags;
    QJsonObject origin;
    QList<PlannedEntry> entries;
};

struct Plan {
    QString publisher;
    QString crateName;
    QList<PlannedExperiment> experiments;
    QList<PlannedFile> files;
    QStringList unmapped;
    QStringList notes;
    QStringList webLinks; // Files on the web, kept as links
};

// Maps the crate. Fails (nothing to write) when the metadata names a local file the archive does
// not hold.
Result<Plan> makePlan(const eln::RoCrate &crate, const eln::ArchiveListing &listing,
                      const QString &archiveName);

} // namespace quire::elnplan
