#pragma once
// ExportHtml: the printable HTML of an experiment export (issue 13), built from what the model
// already knows, so that the PDF a patent attorney receives says what the notebook page says:
// the same sanitised entry HTML, plus everything 21 CFR 11.50 and a witness need on paper —
// versions, authors, recorded and trusted times, every signature's manifestation, amendment
// reasons, voided entries marked VOID (never left out), attached files with their SHA-256 —
// and a last page saying how to check the file. Pure: strings in, one self-contained page out
// (no script, a Content-Security-Policy that loads nothing but the notebook's own images).

#include "Notebook.h"

#include <QCoreApplication>
#include <QList>
#include <QString>

namespace quire {

struct ExportEntry {
    EntryVersion version;
    QString recordedLocal;    // "24 Nov 2026, 20:33:25 CET"
    QString trustedTime;      // local with zone, empty when not yet attested
    QString trustedAuthority; // the time-stamp authority's name
};

struct ExportDocument {
    QString exportId;
    QString notebookName;
    QString experimentTitle;
    QString project;
    QString exportedBy;      // printed name
    QString exportedAtLocal; // with zone
    QString exportedAtUtc;   // RFC 3339
    QString paper;           // "a4" or "letter"
    QList<ExportEntry> entries;
    QString imageScheme = QStringLiteral("quire-attachment"); // how <img> names an attachment
};

class ExportHtml {
    Q_DECLARE_TR_FUNCTIONS(quire::ExportHtml)
public:
    static QString page(const ExportDocument &doc);
    // "24 Nov 2026, 20:33:25 CET (UTC+01:00)": local time with its zone and offset.
    static QString localTime(const QString &rfc3339Utc);
    static bool isInlineImage(const QString &mediaType);

private:
    static QString titleBlock(const ExportDocument &doc);
    static QString entryArticle(const ExportDocument &doc, const ExportEntry &e, int number);
    static QString howToVerify(const ExportDocument &doc);
    static QString styleSheet(const QString &paper);
};

} // namespace quire
