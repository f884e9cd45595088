#pragma once
// PdfArchive: turns the printout of an experiment (QtWebEngine's printToPdf) into the archival
// PDF that is signed and handed over: PDF/A-3b (ISO 19005-3) with the evidence embedded as
// associated files — the raw data, the records and their signatures — so that one file carries
// both what a person reads and what a machine checks. The output is a new, complete file
// (written by qpdf); signatures are added to it afterwards as incremental updates.
//
// What this makes sure of for PDF/A-3b: XMP metadata (pdfaid part 3, conformance B) matching the
// document information dictionary; an sRGB output intent; every embedded file with /F, /UF,
// /Desc, /AFRelationship, a MIME /Subtype and /Params (/ModDate, /Size, /CheckSum), listed in
// the catalog's /AF and in the /EmbeddedFiles name tree; annotations printable and visible; no
// JavaScript or additional actions on the catalog; PDF 1.7, not encrypted. What it cannot
// repair is left as the printout made it: fonts are expected embedded (Chromium embeds them).

#include "Result.h"

#include <QByteArray>
#include <QDateTime>
#include <QList>
#include <QPair>
#include <QString>
#include <QStringList>

namespace quire::pdf {

struct EvidenceFile {
    // PDF/A-3 associated file relationship: /Data for data the document is drawn from (a
    // dataset, records), /Source for what the document was made from, /Supplement for extra
    // material.
    enum class Relationship { Data, Source, Supplement, Alternative, Unspecified };

    QString name;      // file name shown in a reader's attachment list, unique in the file
    QString mediaType; // MIME type, e.g. "application/json"
    QByteArray bytes;
    QString description; // what it is, in words
    Relationship relationship = Relationship::Data;
    QDateTime modified; // null: the archive's creation time
};

struct ArchiveMetadata {
    QString title;        // dc:title and /Title
    QString author;       // dc:creator and /Author (the notebook member who exports)
    QString subject;      // dc:description and /Subject, optional
    QStringList keywords; // pdf:Keywords and /Keywords, optional
    QString creatorTool = QStringLiteral("Quire"); // xmp:CreatorTool and /Creator
    QDateTime created;                             // xmp:CreateDate, /CreationDate; null: now
};

Result<QByteArray> addEvidence(const QByteArray &pdf, const QList<EvidenceFile> &files,
                               const ArchiveMetadata &metadata);

// The files embedded in a PDF (the /EmbeddedFiles name tree), by name, with their bytes
// (decoded). Reads the file as it stands after every incremental update.
Result<QList<QPair<QString, QByteArray>>> embeddedFiles(const QByteArray &pdf);

// An ICC v2.1 display profile of sRGB IEC 61966-2.1 (D50-adapted primaries, the exact sRGB tone
// curve as a 1024-entry table), generated here so that no profile file has to be installed.
QByteArray srgbIccProfile();

} // namespace quire::pdf
