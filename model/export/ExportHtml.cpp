#include "export/ExportHtml.h"

#include "LocalTime.h"

#include <QDateTime>
#include <QLocale>

namespace quire {

namespace {

QString esc(const QString &text) {
    return text.toHtmlEscaped();
}

// The same policy as the notebook page: no script, nothing from the network, images only from
// the notebook's own scheme.
// Fonts from data: only: the printer embeds KaTeX's fonts that way to typeset formulas.
const char kPolicy[] = "default-src 'none'; style-src 'unsafe-inline'; img-src quire-attachment: "
                       "data:; font-src data:; form-action 'none'; base-uri 'none'";

QString withZone(const QDateTime &utc) {
    const QDateTime local = utc.toLocalTime();
    const int offset = local.offsetFromUtc();
    // In the language of the window that made the export (QLocale's default).
    const QLocale locale;
    return locale.toString(local, localDateFormat(locale) + QStringLiteral(", ") +
                                      localTimeFormat(locale)) +
           QStringLiteral(" %1 (UTC%2%3:%4)")
               .arg(local.timeZoneAbbreviation(),
                    offset < 0 ? QStringLiteral("-") : QStringLiteral("+"))
               .arg(qAbs(offset) / 3600, 2, 10, QLatin1Char('0'))
               .arg(qAbs(offset) % 3600 / 60, 2, 10, QLatin1Char('0'));
}

QString fact(const QString &label, const QString &valueHtml) {
    return QStringLiteral("<tr><th>%1</th><td>%2</td></tr>").arg(esc(label), valueHtml);
}

} // namespace

QString ExportHtml::localTime(const QString &rfc3339Utc) {
    const QDateTime t = QDateTime::fromString(rfc3339Utc, Qt::ISODateWithMs);
    return t.isValid() ? withZone(t) : rfc3339Utc;
}

bool ExportHtml::isInlineImage(const QString &mediaType) {
    return mediaType == QLatin1String("image/png") || mediaType == QLatin1String("image/jpeg") ||
           mediaType == QLatin1String("image/gif") || mediaType == QLatin1String("image/webp");
}

QString ExportHtml::page(const ExportDocument &doc) {
    QString body = titleBlock(doc);
    for (int i = 0; i < doc.entries.size(); ++i)
        body += entryArticle(doc, doc.entries.at(i), i + 1);
    body += howToVerify(doc);
    return QStringLiteral("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">"
                          "<meta http-equiv=\"Content-Security-Policy\" content=\"%1\">"
                          "<meta name=\"referrer\" content=\"no-referrer\">"
                          "<title>%2</title><style>%3</style></head>\n<body>%4</body></html>\n")
        .arg(esc(QString::fromLatin1(kPolicy)), esc(doc.experimentTitle), styleSheet(doc.paper),
             body);
}

QString ExportHtml::titleBlock(const ExportDocument &d) {
    QString rows;
    rows += fact(tr("Notebook"), esc(d.notebookName));
    rows += fact(tr("Experiment"), esc(d.experimentTitle));
    rows += fact(tr("Project"), esc(d.project.isEmpty() ? tr("none") : d.project));
    rows += fact(tr("Exported by"), esc(d.exportedBy));
    rows += fact(tr("Exported at"),
                 esc(d.exportedAtLocal) + QStringLiteral(" <span class=\"utc\">") +
                     esc(tr("(%1 UTC)").arg(d.exportedAtUtc)) + QStringLiteral("</span>"));
    rows += fact(tr("Export"), QStringLiteral("<code>%1</code>").arg(esc(d.exportId)));
    rows += fact(tr("Entries"),
                 esc(d.entries.size() == 1 ? tr("1 entry shown")
                                           : tr("%1 entries shown").arg(d.entries.size())));
    return QStringLiteral("<header class=\"title-block\"><p class=\"kind\">%1</p><h1>%2</h1>"
                          "<table class=\"facts\">%3</table><p class=\"note\">%4</p></header>\n")
        .arg(esc(tr("Laboratory notebook — experiment record")), esc(d.experimentTitle), rows,
             esc(tr("Every entry is shown as its latest version; each carries its own sealed "
                    "record inside this file. The last page says how to check it.")));
}

QString ExportHtml::entryArticle(const ExportDocument &d, const ExportEntry &x, int number) {
    const EntryVersion &e = x.version;
    const bool voided = e.status == QLatin1String("void");
    QString facts;
    facts += fact(tr("Version"), esc(tr("version %1 of %2").arg(e.version).arg(e.versionCount)));
    facts += fact(tr("Author"), esc(e.authorName));
    facts +=
        fact(tr("Recorded"), esc(x.recordedLocal) + QStringLiteral(" <span class=\"utc\">") +
                                 esc(tr("(%1 UTC)").arg(e.recordedAt)) + QStringLiteral("</span>"));
    facts += fact(tr("Trusted time"),
                  x.trustedTime.isEmpty()
                      ? esc(tr("time not yet attested"))
                      : esc(tr("%1, attested by %2").arg(x.trustedTime, x.trustedAuthority)));
    if (e.version > 1 && !e.reason.isEmpty() && !voided)
        facts +=
            fact(tr("Amended"), esc(tr("reason for version %1: %2").arg(e.version).arg(e.reason)));
    facts += fact(tr("Record"), QStringLiteral("<code>%1</code>").arg(esc(e.recordId)));

    QString notes;
    if (voided)
        notes = QStringLiteral("<p class=\"void-note\"><span class=\"void\">VOID</span> %1</p>")
                    .arg(esc(e.reason.isEmpty() ? tr("No reason was recorded.")
                                                : tr("Voided: %1").arg(e.reason)));
    if (e.changedAfterSigning)
        notes += QStringLiteral("<p class=\"signed-change\">%1</p>")
                     .arg(esc(tr("Changed after signing: an earlier version of this entry was "
                                 "signed; its signatures stay with that version.")));

    QString sigs;
    for (const SignatureInfo &s : e.signatures) {
        const bool holds = s.valid && s.allowed;
        QString attested = s.attestedAt.isEmpty() || !s.attestedTrusted
                               ? tr("time not yet attested")
                               : tr("time attested %1").arg(localTime(s.attestedAt));
        sigs += QStringLiteral("<tr><td class=\"meaning\">%1</td><td><strong>%2</strong><br>%3"
                               "<br><span class=\"small\">%4%5</span></td></tr>")
                    .arg(esc(Notebook::meaningLabel(s.meaning)), esc(s.printedName),
                         esc(localTime(s.signedAt)), esc(attested),
                         holds ? QString()
                               : esc(QStringLiteral(" — ") + tr("NOT VALID: %1").arg(s.problem)));
    }
    const QString signatureBlock =
        sigs.isEmpty() ? QStringLiteral("<p class=\"unsigned\">%1</p>")
                             .arg(esc(tr("This version carries no electronic signature.")))
                       : QStringLiteral("<table class=\"signatures\"><caption>%1</caption>%2"
                                        "</table>")
                             .arg(esc(tr("Electronic signatures (21 CFR 11.50)")), sigs);

    // Comments on any version of the entry, oldest first, as written (sanitised HTML).
    QString remarks;
    for (const CommentInfo &c : e.comments) {
        QString about = localTime(c.recordedAt);
        if (c.version != e.version)
            about += QStringLiteral(" · ") + tr("on version %1").arg(c.version);
        if (c.requestsChanges)
            about += QStringLiteral(" · ") +
                     (c.openRequest ? tr("changes requested") : tr("changes requested (answered)"));
        if (!c.corrects.isEmpty())
            about += QStringLiteral(" · ") + tr("corrects an earlier comment");
        remarks += QStringLiteral("<div class=\"comment\"><p class=\"small\"><strong>%1</strong> "
                                  "· %2</p>%3</div>")
                       .arg(esc(c.authorName), esc(about), c.html);
    }
    const QString commentBlock =
        remarks.isEmpty() ? QString()
                          : QStringLiteral("<section class=\"comments\"><h3>%1</h3>%2</section>")
                                .arg(esc(tr("Comments")), remarks);

    QString files;
    QString previews;
    const QLocale locale;
    for (const AttachmentInfo &a : e.attachments) {
        files +=
            QStringLiteral("<tr><td>%1</td><td class=\"num\">%2</td><td><code "
                           "class=\"sha\">%3</code></td></tr>")
                .arg(esc(a.name), esc(tr("%1 bytes").arg(locale.toString(a.size))), esc(a.sha256));
        const QString source = d.imageScheme + QLatin1Char(':') + a.id;
        if (isInlineImage(a.mediaType) && !e.html.contains(source))
            previews += QStringLiteral("<figure><img src=\"%1\" alt=\"%2\"><figcaption>%2"
                                       "</figcaption></figure>")
                            .arg(esc(source), esc(a.name));
    }
    const QString attachments =
        files.isEmpty()
            ? QString()
            : QStringLiteral("<section class=\"files\"><h3>%1</h3><table class=\"files\"><tr>"
                             "<th>%2</th><th>%3</th><th>%4</th></tr>%5</table>%6</section>")
                  .arg(esc(tr("Attached files")), esc(tr("Name")), esc(tr("Size")),
                       esc(tr("SHA-256")), files, previews);

    // One arg() call, so that nothing substituted (titles, entry HTML) is taken for a
    // placeholder.
    const QString heading =
        QStringLiteral("<span class=\"order\">%1</span>").arg(number) + esc(e.title) +
        (voided ? QStringLiteral(" <span class=\"void\">VOID</span>") : QString());
    const QString context =
        esc(d.notebookName + QStringLiteral(" · ") + d.experimentTitle +
            (d.project.isEmpty() ? QString() : QStringLiteral(" · ") + d.project));
    return QStringLiteral("<article class=\"entry%1\"><div class=\"entry-head\">"
                          "<p class=\"context\">%2</p><h2>%3</h2><table class=\"facts\">%4"
                          "</table></div>%5"
                          "<div class=\"content\">%6</div>%7%8</article>\n")
        .arg(voided ? QStringLiteral(" voided") : QString(), context, heading, facts, notes, e.html,
             attachments, signatureBlock + commentBlock);
}

QString ExportHtml::howToVerify(const ExportDocument &d) {
    const QString steps = tr(R"(# list and extract the embedded files (qpdf 10.6 or later)
qpdf --list-attachments export.pdf
mkdir evidence && cd evidence
for f in $(qpdf --list-attachments ../export.pdf | sed 's/ ->.*//'); do
  qpdf --show-attachment="$f" ../export.pdf > "$f"; done

# a record's id is the SHA-256 of its canonical bytes
python3 -c 'import json,sys,hashlib; e=json.load(open(sys.argv[1])); \
  print(hashlib.sha256(json.dumps(e["record"],separators=(",",":"),sort_keys=True, \
  ensure_ascii=False).encode()).hexdigest())' record-ID.json

# an electronic signature over its statement (FORMAT.md §3)
openssl cms -verify -binary -inform DER -in signature-ID.der \
  -content statement.json -CAfile notebook-ca.pem -purpose any

# a trusted time-stamp over a Merkle root (FORMAT.md §4)
openssl ts -verify -token_in -in timestamp-ANCHOR.tsr -digest ROOT -CAfile tsa-ca.pem

# the PDF signatures themselves
pdfsig export.pdf)");
    return QStringLiteral(
               "<section class=\"verify\"><h1>%1</h1><p>%2</p><ul>%3</ul><p>%4</p>"
               "<pre>%5</pre><p>%6</p><div class=\"sign-room\"><p>%7</p></div></section>\n")
        .arg(
            esc(tr("How to verify this file")),
            esc(tr("This PDF is an archival file (PDF/A-3) that carries its own proof. Besides "
                   "the pages, it holds these embedded files:")),
            QStringLiteral("<li><code>quire-manifest.json</code> — %1</li>"
                           "<li><code>record-&lt;id&gt;.json</code> — %2</li>"
                           "<li><code>signature-&lt;record id&gt;.der</code> — %3</li>"
                           "<li><code>proof-&lt;record id&gt;.json</code> — %4</li>"
                           "<li><code>timestamp-&lt;anchor id&gt;.tsr</code> — %5</li>"
                           "<li><code>notebook-ca.pem</code> — %6</li>")
                .arg(
                    esc(tr("which record each entry shown comes from (export %1)").arg(d.exportId)),
                    esc(tr("every record shown, sealed by its author, as canonical JSON")),
                    esc(tr("each electronic signature (CMS) over its statement")),
                    esc(tr("the Merkle path from a record to a time-stamped root")),
                    esc(tr("the time-stamp authority's token over that root")),
                    esc(tr("the notebook's certificate authority, which issued every "
                           "member's certificate"))),
            esc(tr("The PDF signatures (PAdES), drawn at the foot of the last page, cover the "
                   "whole file as it was "
                   "signed; later additions are only further signatures and time-stamps. "
                   "With Quire: quire-cli pdf verify export.pdf. Without it:")),
            esc(steps),
            esc(tr("A statement is the canonical JSON {\"format\",\"meaning\",\"printed_name\","
                   "\"signed_at\",\"signer\",\"target\"} taken from the signature record.")),
            esc(tr("Signatures of this PDF (PAdES) appear below, each with the signer's printed "
                   "name, the meaning of the signature and the date and time with zone.")));
}

QString ExportHtml::styleSheet(const QString &paper) {
    QString css = QStringLiteral(R"css(
@page { size: %1; margin: 20mm 16mm 20mm 16mm; }
:root { color-scheme: light; }
* { -webkit-print-color-adjust: exact; }
body { margin: 0; color: #111; font-size: 10pt; line-height: 1.45;
  font-family: "DejaVu Sans", "Noto Sans", sans-serif; }
h1 { font-size: 17pt; margin: 2pt 0 8pt; line-height: 1.2; }
.kind { margin: 0; color: #555; font-size: 9pt; text-transform: uppercase; letter-spacing: .05em; }
header.title-block { border: 1pt solid #888; padding: 8pt 12pt; margin-bottom: 14pt; }
header.title-block .note { color: #444; font-size: 8.5pt; margin: 6pt 0 0; }
table.facts { border-collapse: collapse; margin: 4pt 0 8pt; font-size: 8.5pt; }
table.facts th { text-align: left; font-weight: 600; padding: 1pt 10pt 1pt 0; border: none;
  background: none; white-space: nowrap; vertical-align: top; color: #333; }
table.facts td { padding: 1pt 0; border: none; vertical-align: top; }
.utc { color: #555; }
code { font-family: "DejaVu Sans Mono", monospace; font-size: 8.5pt; overflow-wrap: anywhere; }
article.entry { border-top: 1.5pt solid #333; padding-top: 6pt; margin-top: 16pt; }
article.entry + article.entry { break-before: auto; }
.entry-head { break-inside: avoid; break-after: avoid; }
.context { margin: 0; color: #555; font-size: 8pt; }
h2 { font-size: 13.5pt; margin: 2pt 0 4pt; break-after: avoid; }
.order { color: #777; margin-right: 6pt; }
.void { display: inline-block; border: 1.5pt solid #a00; color: #a00; font-weight: 700;
  padding: 0 5pt; font-size: 10pt; letter-spacing: .08em; }
.void-note { color: #a00; font-weight: 600; margin: 4pt 0; }
article.voided .content { color: #555; text-decoration: line-through;
  text-decoration-color: rgba(160, 0, 0, .5); }
.signed-change { color: #6b4400; background: #fdf0d5; padding: 2pt 6pt; }
.content { overflow-wrap: break-word; margin: 6pt 0; }
.content h1 { font-size: 13pt; } .content h2 { font-size: 12pt; }
.content h3 { font-size: 11pt; } .content h4 { font-size: 10pt; }
.content table { border-collapse: collapse; margin: 6pt 0; break-inside: auto; }
.content th, .content td, table.files th, table.files td { border: .75pt solid #777;
  padding: 2pt 6pt; text-align: left; vertical-align: top; }
.content th, table.files th { background: #eee; font-weight: 600; }
.content tr { break-inside: avoid; }
th > p, td > p { margin: 0; }
pre { font-family: "DejaVu Sans Mono", monospace; font-size: 8pt; background: #f4f4f4;
  border: .5pt solid #ccc; padding: 5pt 7pt; white-space: pre-wrap; overflow-wrap: anywhere; }
pre code { font-size: 8pt; }
blockquote { margin: 6pt 0; padding: 0 10pt; border-left: 2pt solid #aaa; color: #333; }
img { max-width: 100%; height: auto; break-inside: avoid; }
figure { margin: 6pt 0; break-inside: avoid; }
figcaption { font-size: 8pt; color: #555; }
a { color: #113f8c; text-decoration: none; }
.math { font-family: "DejaVu Serif", serif; font-style: italic; background: #f6f6f6;
  padding: 0 2pt; }
.math:empty::before { content: attr(data-tex); }
ul.checklist { list-style: none; padding-left: 2pt; }
ul.checklist li::before { content: "\2610\00a0\00a0"; }
ul.checklist li[data-checked="true"]::before { content: "\2611\00a0\00a0"; }
section.files h3 { font-size: 9pt; text-transform: uppercase; letter-spacing: .05em; color: #444;
  margin: 8pt 0 3pt; }
table.files { border-collapse: collapse; font-size: 8pt; width: 100%; }
table.files td.num { white-space: nowrap; }
code.sha { font-size: 7pt; }
section.comments div.comment { border-left: 1.5pt solid #999; padding: 0 0 0 6pt; margin: 4pt 0; }
section.comments div.comment p { margin: 0 0 2pt; }
table.signatures { border-collapse: collapse; width: 100%; margin: 8pt 0 4pt;
  border: 1pt solid #333; break-inside: avoid; font-size: 9pt; }
table.signatures caption { text-align: left; font-weight: 600; font-size: 9pt; padding: 0 0 2pt; }
table.signatures td { border-top: .5pt solid #999; padding: 3pt 6pt; vertical-align: top; }
table.signatures td.meaning { width: 22%; font-weight: 700; }
.small { font-size: 8pt; color: #444; }
.unsigned { font-size: 8.5pt; color: #555; font-style: italic; }
section.verify { break-before: page; }
section.verify pre { font-size: 7.5pt; }
/* The foot of the last page is kept free: PDF signature blocks are drawn there (two rows). */
.sign-room { height: 130pt; break-inside: avoid; border-top: .75pt solid #999; margin-top: 10pt; }
.sign-room p { font-size: 8pt; color: #444; margin: 3pt 0 0; }
)css");
    return css.arg(paper == QLatin1String("letter") ? QStringLiteral("letter")
                                                    : QStringLiteral("A4"));
}

} // namespace quire
