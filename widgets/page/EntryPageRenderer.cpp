#include "page/EntryPageRenderer.h"

#include "page/SchemeHandlers.h"
#include "page/UrlSecurity.h"

#include "LocalTime.h"

#include <QKeySequence>
#include <QLocale>
#include <QTimeZone>

#include <algorithm>

namespace quire::widgets {

namespace {

QString esc(const QString &text) {
    return text.toHtmlEscaped();
}

QString entriesPhrase(int n) {
    return n == 0 ? EntryPageRenderer::tr("no entries yet")
                  : EntryPageRenderer::tr("%n entries", nullptr, n);
}

} // namespace

QString EntryPageRenderer::anchorFor(const QString &entryUuid) {
    return QStringLiteral("entry-") + entryUuid;
}

QString EntryPageRenderer::signFragment(const QString &entryUuid) {
    return QStringLiteral("sign-") + entryUuid;
}

QString EntryPageRenderer::evidenceFragment(const QString &signatureId) {
    return QStringLiteral("evidence-") + signatureId;
}

QString EntryPageRenderer::historyFragment(const QString &entryUuid) {
    return QStringLiteral("history-") + entryUuid;
}

QString EntryPageRenderer::fileFragment(const QString &attachmentId) {
    return QStringLiteral("file-") + attachmentId;
}

QString EntryPageRenderer::editFragment(const QString &entryUuid) {
    return QStringLiteral("edit-") + entryUuid;
}

QString EntryPageRenderer::compareFragment(const QString &entryUuid) {
    return QStringLiteral("compare-") + entryUuid;
}

QString EntryPageRenderer::resolveFragment(const QString &entryUuid) {
    return QStringLiteral("resolve-") + entryUuid;
}

QString EntryPageRenderer::commentFragment(const QString &entryUuid) {
    return QStringLiteral("comment-") + entryUuid;
}

QString EntryPageRenderer::pageFragment(PageMove move) {
    switch (move) {
    case PageMove::Earlier:
        return QStringLiteral("page-earlier");
    case PageMove::Later:
        return QStringLiteral("page-later");
    case PageMove::All:
        return QStringLiteral("page-all");
    case PageMove::None:
        break;
    }
    return {};
}

EntryPageRenderer::PageMove EntryPageRenderer::pageMoveFor(const QString &fragment) {
    for (PageMove move : {PageMove::Earlier, PageMove::Later, PageMove::All})
        if (fragment == pageFragment(move)) return move;
    return PageMove::None;
}

namespace {
QString afterPrefix(const QString &fragment, QLatin1String prefix) {
    return fragment.startsWith(prefix) ? fragment.mid(prefix.size()) : QString();
}
} // namespace

QString EntryPageRenderer::entryToSign(const QString &fragment) {
    return afterPrefix(fragment, QLatin1String("sign-"));
}

QString EntryPageRenderer::signatureForEvidence(const QString &fragment) {
    return afterPrefix(fragment, QLatin1String("evidence-"));
}

QString EntryPageRenderer::entryForHistory(const QString &fragment) {
    return afterPrefix(fragment, QLatin1String("history-"));
}

QString EntryPageRenderer::attachmentForFile(const QString &fragment) {
    return afterPrefix(fragment, QLatin1String("file-"));
}

QString EntryPageRenderer::entryToEdit(const QString &fragment) {
    return afterPrefix(fragment, QLatin1String("edit-"));
}

QString EntryPageRenderer::entryToCompare(const QString &fragment) {
    return afterPrefix(fragment, QLatin1String("compare-"));
}

QString EntryPageRenderer::entryToResolve(const QString &fragment) {
    return afterPrefix(fragment, QLatin1String("resolve-"));
}

QString EntryPageRenderer::conflictBanner(const EntryVersion &e, bool editable) {
    if (e.conflict.size() < 2) return {};
    QString links =
        QStringLiteral("<a class=\"action\" href=\"#%1\" title=\"%2\">%3</a>")
            .arg(esc(compareFragment(e.uuid)),
                 esc(tr("Show the versions in conflict side by side")), esc(tr("Compare…")));
    if (editable)
        links += QStringLiteral("<a class=\"action\" href=\"#%1\" title=\"%2\">%3</a>")
                     .arg(esc(resolveFragment(e.uuid)),
                          esc(tr("Save a version that joins the versions in conflict")),
                          esc(tr("Resolve…")));
    return QStringLiteral("<div class=\"conflict-note\"><p><strong>%1</strong> %2</p>"
                          "<p class=\"conflict-actions\">%3</p></div>")
        .arg(esc(tr("%n versions in conflict.", nullptr, int(e.conflict.size()))),
             esc(tr("This entry was changed on two computers before they synced. Every version "
                    "is kept; every computer shows this one until the author resolves the "
                    "conflict.")),
             links);
}

QString EntryPageRenderer::entryToComment(const QString &fragment) {
    return afterPrefix(fragment, QLatin1String("comment-"));
}

QString EntryPageRenderer::entryForAnchor(const QString &fragment) {
    return afterPrefix(fragment, QLatin1String("entry-"));
}

QString EntryPageRenderer::localTime(const QDateTime &utc) {
    return quire::localDateTime(utc);
}

QString EntryPageRenderer::localTime(const QString &rfc3339Utc) {
    QDateTime t = QDateTime::fromString(rfc3339Utc, Qt::ISODateWithMs);
    if (!t.isValid()) return rfc3339Utc; // show what was recorded rather than nothing
    return localTime(t);
}

QString EntryPageRenderer::experimentPage(const ExperimentInfo &experiment,
                                          const QList<EntryVersion> &entries, const QString &me) {
    return experimentPage(experiment, EntryRun{int(entries.size()), 0, entries}, me);
}

QString EntryPageRenderer::experimentPage(const ExperimentInfo &experiment, const EntryRun &run,
                                          const QString &me) {
    QString body;
    if (run.entries.isEmpty()) {
        body = QStringLiteral("<div class=\"empty\"><p class=\"empty-title\">%1</p><p>%2</p></div>")
                   .arg(esc(tr("No entries yet")),
                        esc(tr("Choose “New entry” in the toolbar (%1) to write the first "
                               "one. Each entry is saved as a sealed, dated version.")
                                .arg(QKeySequence(QKeySequence::New)
                                         .toString(QKeySequence::NativeText))));
    } else {
        const QString bar = pagingBar(run.first, int(run.entries.size()), run.total);
        body += bar;
        for (int i = 0; i < run.entries.size(); ++i) {
            const EntryVersion &e = run.entries.at(i);
            const bool editable =
                !me.isEmpty() && e.author == me && e.status != QLatin1String("void");
            body += entryArticle(e, run.first + i + 1, editable);
        }
        body += bar;
    }
    return QStringLiteral("<!DOCTYPE html>\n<html lang=\"%1\"><head><meta charset=\"utf-8\">"
                          "<meta http-equiv=\"Content-Security-Policy\" content=\"%2\">"
                          "<meta name=\"referrer\" content=\"no-referrer\">"
                          "<title>%3</title><style>%4</style></head>\n"
                          "<body>%5<main>%6</main></body></html>\n")
        .arg(esc(QLocale().bcp47Name()), esc(QString::fromLatin1(kContentSecurityPolicy)),
             esc(experiment.title), styleSheet(), header(experiment, run.total), body);
}

QString EntryPageRenderer::header(const ExperimentInfo &x, int entryCount) {
    QString chips;
    const bool closed = x.status == QLatin1String("closed");
    chips += QStringLiteral("<span class=\"chip %1\">%2</span>")
                 .arg(closed ? QStringLiteral("status-closed") : QStringLiteral("status-open"),
                      esc(closed ? tr("Closed") : tr("Open")));
    if (!x.project.isEmpty())
        chips += QStringLiteral("<span class=\"chip project\" title=\"%1\">%2</span>")
                     .arg(esc(tr("Project")), esc(x.project));
    for (const auto &tag : x.tags)
        chips += QStringLiteral("<span class=\"chip tag\">#%1</span>").arg(esc(tag));

    QStringList facts;
    if (!x.authorName.isEmpty()) facts << tr("Started by %1").arg(x.authorName);
    if (!x.createdAt.isEmpty()) facts << localTime(x.createdAt);
    facts << entriesPhrase(entryCount);
    return QStringLiteral("<header class=\"experiment\"><h1>%1</h1><p class=\"chips\">%2</p>"
                          "<p class=\"facts\">%3</p></header>")
        .arg(esc(x.title), chips, esc(facts.join(QStringLiteral("  ·  "))));
}

QString EntryPageRenderer::pagingBar(int first, int shown, int total) {
    if (shown >= total) return {};
    QString links;
    auto link = [&links](PageMove move, const QString &text) {
        links += QStringLiteral("<a class=\"action\" href=\"#%1\">%2</a>")
                     .arg(esc(pageFragment(move)), esc(text));
    };
    if (first > 0)
        link(PageMove::Earlier, tr("Show %n earlier", nullptr, std::min(first, kPageSize)));
    const int later = total - first - shown;
    if (later > 0) link(PageMove::Later, tr("Show %n later", nullptr, std::min(later, kPageSize)));
    link(PageMove::All, tr("Show all %n entries", nullptr, total));
    return QStringLiteral("<nav class=\"paging\"><span>%1</span>%2</nav>")
        .arg(esc(tr("Entries %1–%2 of %3").arg(first + 1).arg(first + shown).arg(total)), links);
}

QString EntryPageRenderer::entryArticle(const EntryVersion &e, int number, bool editable) {
    const bool voided = e.status == QLatin1String("void");
    QString notes;
    if (voided) {
        notes =
            QStringLiteral("<p class=\"void-note\"><span class=\"badge-void\">%1</span> %2</p>")
                .arg(esc(tr("Voided")), esc(e.reason.isEmpty() ? tr("No reason was recorded.")
                                                               : tr("Reason: %1").arg(e.reason)));
    } else if (e.version > 1 && !e.reason.isEmpty()) {
        notes = QStringLiteral("<p class=\"change-note\">%1</p>")
                    .arg(esc(tr("Changed in version %1: %2").arg(e.version).arg(e.reason)));
    }
    notes = conflictBanner(e, editable) + notes;
    if (e.changedAfterSigning)
        notes += QStringLiteral("<p class=\"signed-change-note\"><strong>%1</strong> %2</p>")
                     .arg(esc(tr("Changed after signing.")),
                          esc(tr("An earlier version of this entry was signed; its signatures "
                                 "stay with that version, not with this one.")));
    const QString meta = tr("Version %1 of %2").arg(e.version).arg(e.versionCount) +
                         QStringLiteral("  ·  ") + e.authorName + QStringLiteral("  ·  ") +
                         localTime(e.recordedAt);
    QString links;
    if (editable)
        links +=
            QStringLiteral("<a class=\"action\" href=\"#%1\" title=\"%2\">%3</a>")
                .arg(esc(editFragment(e.uuid)),
                     esc(tr("Write a new version of this entry in the editor")), esc(tr("Edit…")));
    // A voided entry is withdrawn; nobody signs it any more.
    links += voided ? QString()
                    : QStringLiteral("<a class=\"action\" href=\"#%1\" title=\"%2\">%3</a>")
                          .arg(esc(signFragment(e.uuid)),
                               esc(tr("Sign version %1 of this entry").arg(e.version)),
                               esc(tr("Sign…")));
    // Voided entries keep their history too: it is where the withdrawn text can be read.
    links += QStringLiteral("<a class=\"action\" href=\"#%1\" title=\"%2\">%3</a>")
                 .arg(esc(historyFragment(e.uuid)),
                      esc(tr("Every version of this entry and what changed between them")),
                      esc(tr("History")));
    // The links float beside the title, out of the way of the facts under it. The title is a
    // link to the entry itself: a click makes it the entry the panel beside the page is about.
    // Entry HTML and titles go in with the last arg(), so that nothing in them is taken for a
    // placeholder.
    return QStringLiteral("<article class=\"entry%1\" id=\"%2\"><header>"
                          "<div class=\"entry-actions\">%8</div>"
                          "<h2 class=\"entry-title\"><a class=\"entry-link\" href=\"#%2\" "
                          "title=\"%3\"><span class=\"order\">%4</span>%5</a></h2>"
                          "<p class=\"entry-meta\"><span title=\"%6\">%7</span>%9</p>%10%11"
                          "</header><div class=\"content\">%12</div>%13</article>\n")
        .arg(voided ? QStringLiteral(" voided") : QString(), esc(anchorFor(e.uuid)),
             esc(tr("Show this entry's files, signatures and history beside the page")))
        .arg(number)
        .arg(esc(e.title), esc(tr("Recorded %1 (UTC)").arg(e.recordedAt)), esc(meta), links,
             timeBadge(e.attestedAt, !e.attestedAt.isEmpty()), notes, signatureBlock(e), e.html,
             attachmentList(e.attachments, e.html) + commentBlock(e));
}

QString EntryPageRenderer::commentBlock(const EntryVersion &e) {
    QString items;
    for (const CommentInfo &c : e.comments) {
        QString badge;
        if (c.requestsChanges)
            badge =
                c.openRequest
                    ? QStringLiteral("<span class=\"badge changes-open\">%1</span>")
                          .arg(esc(tr("Changes requested")))
                    : QStringLiteral("<span class=\"badge changes-done\" title=\"%1\">%2</span>")
                          .arg(esc(c.answered ? tr("A later version of the entry answers it")
                                              : tr("Withdrawn by a later comment")),
                               esc(tr("Changes requested (answered)")));
        QString meta = esc(c.authorName) + QStringLiteral("  ·  ") + esc(localTime(c.recordedAt));
        if (c.version != e.version)
            meta += esc(QStringLiteral("  ·  ") + tr("on version %1").arg(c.version));
        if (!c.correctedBy.isEmpty())
            meta += esc(QStringLiteral("  ·  ") + tr("corrected by a later comment"));
        else if (!c.corrects.isEmpty())
            meta += esc(QStringLiteral("  ·  ") + tr("corrects an earlier comment"));
        items +=
            QStringLiteral("<div class=\"comment%1\" id=\"c-%2\"><p class=\"comment-meta\">%3 "
                           "<span title=\"%4\">%5</span></p><div class=\"comment-body\">%6"
                           "</div></div>")
                .arg(c.openRequest ? QStringLiteral(" changes") : QString(), esc(c.id.left(16)),
                     badge, esc(tr("Recorded %1 (UTC)").arg(c.recordedAt)), meta, c.html);
    }
    const QString add =
        QStringLiteral("<p class=\"comment-add\"><a class=\"action\" href=\"#%1\" "
                       "title=\"%2\">%3</a></p>")
            .arg(esc(commentFragment(e.uuid)),
                 esc(tr("Write a comment on version %1 of this entry").arg(e.version)),
                 esc(tr("Add comment…")));
    // Without comments, only the link: a heading over nothing would take a line of every entry.
    if (e.comments.isEmpty())
        return QStringLiteral("<section class=\"comments none\">%1</section>").arg(add);
    return QStringLiteral("<section class=\"comments\"><h3>%1</h3>%2%3</section>")
        .arg(esc(tr("Comments (%1)").arg(e.comments.size())), items, add);
}

QString EntryPageRenderer::timeBadge(const QString &attestedAt, bool trusted) {
    if (attestedAt.isEmpty())
        return QStringLiteral("<span class=\"badge time-waiting\" title=\"%1\">%2</span>")
            .arg(esc(tr("No trusted time-stamp authority has vouched for this time yet; the "
                        "time shown comes from the computer's clock. It is attested at the "
                        "next sync with a time-stamp authority.")),
                 esc(tr("Time not yet attested")));
    if (!trusted)
        return QStringLiteral("<span class=\"badge time-untrusted\" title=\"%1\">%2</span>")
            .arg(esc(tr("A time-stamp authority this notebook does not trust attested this "
                        "time (%1 UTC).")
                         .arg(attestedAt)),
                 esc(tr("Time attested at %1 by an authority not trusted here")
                         .arg(localTime(attestedAt))));
    return QStringLiteral("<span class=\"badge time-attested\" title=\"%1\">%2</span>")
        .arg(esc(tr("A trusted time-stamp authority vouches that this existed at %1 UTC.")
                     .arg(attestedAt)),
             esc(tr("Time attested at %1").arg(localTime(attestedAt))));
}

QString EntryPageRenderer::signatureBlock(const EntryVersion &e) {
    if (e.signatures.isEmpty()) return {};
    // A table, so that the badges form one column and the manifestations line up beside them.
    QString rows;
    for (const SignatureInfo &s : e.signatures) {
        const bool holds = s.valid && s.allowed;
        QString badge;
        QString problem;
        if (holds) {
            // "Signed" reads better than "Authored" on a badge; the manifestation beside it
            // names the meaning exactly as 11.50 asks.
            const QString word = s.meaning == QLatin1String("authored")
                                     ? tr("Signed")
                                     : Notebook::meaningLabel(s.meaning);
            badge = QStringLiteral("<span class=\"badge sig-valid\">%1</span>").arg(esc(word));
        } else {
            badge = QStringLiteral("<span class=\"badge sig-invalid\">%1</span>")
                        .arg(esc(tr("Not valid")));
            problem =
                QStringLiteral("<div class=\"sig-problem\">%1</div>")
                    .arg(esc(tr("Signature not valid: %1")
                                 .arg(s.problem.isEmpty() ? tr("it does not verify") : s.problem)));
        }
        rows += QStringLiteral("<tr class=\"signature%1\"><td class=\"sig-badge\">%2</td><td>"
                               "<div class=\"manifestation\">%3</div>%4"
                               "<div class=\"sig-facts\">%5<a class=\"action\" href=\"#%6\" "
                               "title=\"%7\">%8</a></div></td></tr>")
                    .arg(holds ? QString() : QStringLiteral(" invalid"), badge,
                         esc(Notebook::manifestation(s, QLocale())), problem,
                         timeBadge(s.attestedAt, s.attestedTrusted), esc(evidenceFragment(s.id)),
                         esc(tr("Save what an independent check of this signature needs")),
                         esc(tr("Export evidence…")));
    }
    return QStringLiteral("<table class=\"signatures\" title=\"%1\">%2</table>")
        .arg(esc(tr("Electronic signatures of this version")), rows);
}

QString EntryPageRenderer::attachmentList(const QList<AttachmentInfo> &attachments,
                                          const QString &entryHtml) {
    if (attachments.isEmpty()) return {};
    QString items;
    QString previews;
    const QLocale locale;
    for (const auto &a : attachments) {
        // The name selects the file in the attachments panel, where it can be opened or saved.
        items += QStringLiteral("<li><a class=\"file-name\" href=\"#%1\" title=\"%2\">%3</a>"
                                "<span class=\"file-size\">%4</span>"
                                "<span class=\"file-type\">%5</span></li>")
                     .arg(esc(fileFragment(a.id)), esc(tr("Show this file in the attached files")),
                          esc(a.name), esc(locale.formattedDataSize(a.size)), esc(a.mediaType));
        // A picture the text already shows is not shown twice.
        if (AttachmentSchemeHandler::isInlineImageType(a.mediaType) &&
            a.size <= AttachmentSchemeHandler::kMaxInlineSize &&
            !entryHtml.contains(QLatin1String(kAttachmentScheme) + QLatin1Char(':') + a.id))
            previews += QStringLiteral("<figure><img src=\"%1:%2\" alt=\"%3\" title=\"%3\">"
                                       "</figure>")
                            .arg(QLatin1String(kAttachmentScheme), esc(a.id), esc(a.name));
    }
    return QStringLiteral("<section class=\"attachments\"><h3>%1</h3><ul>%2</ul>%3</section>")
        .arg(esc(attachments.size() == 1 ? tr("Attached file") : tr("Attached files")), items,
             previews);
}

QString EntryPageRenderer::styleSheet() {
    return QStringLiteral(R"css(
:root { color-scheme: light; }
html { background: #f4f5f7; }
body { margin: 0; padding: 0 0 48px; color: #1f2328; font-size: 15px; line-height: 1.55;
  font-family: "Noto Sans", "DejaVu Sans", system-ui, sans-serif; }
header.experiment, main { max-width: 880px; margin: 0 auto; padding: 0 32px; }
header.experiment { padding-top: 28px; padding-bottom: 4px; }
h1 { font-size: 26px; line-height: 1.25; font-weight: 600; margin: 0 0 10px; }
.chips { margin: 0 0 6px; }
.chip { display: inline-block; font-size: 13px; line-height: 20px; padding: 0 9px;
  margin: 0 6px 4px 0; border-radius: 10px; background: #e6e9ee; color: #3d4650; }
.chip.status-open { background: #dcf2e3; color: #17663a; }
.chip.status-closed { background: #e6e6e6; color: #555; }
.chip.project { background: #e3ecfa; color: #1d4f91; }
.facts { margin: 0; color: #5b6570; font-size: 13px; }
article.entry { background: #fff; border: 1px solid #dde1e6; border-radius: 8px;
  padding: 18px 26px 16px; margin: 18px 0; }
h2.entry-title { font-size: 20px; line-height: 1.3; font-weight: 600; margin: 0; }
a.entry-link { color: inherit; text-decoration: none; }
a.entry-link:hover .order { color: #1d5fb4; }
nav.paging { margin: 18px 0; padding: 8px 14px; border-radius: 6px; background: #e9edf2;
  color: #3d4650; font-size: 13px; }
nav.paging a.action { margin-left: 16px; }
.order { display: inline-block; min-width: 26px; margin-right: 8px; color: #8a939c;
  font-weight: 500; }
.entry-meta { margin: 3px 0 12px; color: #5b6570; font-size: 13px; }
.content { overflow-wrap: break-word; }
.content h1 { font-size: 18px; } .content h2 { font-size: 17px; }
.content h3 { font-size: 16px; } .content h4 { font-size: 15px; }
.content h1, .content h2, .content h3, .content h4 { line-height: 1.3; margin: 16px 0 6px; }
.content > :first-child { margin-top: 0; }
.content > :last-child { margin-bottom: 0; }
/* The entry a search result or a link led to. */
article.entry:target { border-color: #7aa7e0; box-shadow: 0 0 0 3px #d6e4f7; }
article.voided { background: #fbfbfb; border-color: #e7c9c9; }
article.voided .content { color: #7a7f85; text-decoration: line-through;
  text-decoration-color: rgba(160, 40, 40, .45); }
.void-note { margin: 0 0 12px; color: #8c1c1c; font-size: 14px; }
.badge-void { display: inline-block; font-size: 12px; font-weight: 700; letter-spacing: .04em;
  text-transform: uppercase; padding: 0 8px; line-height: 20px; border-radius: 4px;
  background: #fbe3e3; color: #a11a1a; margin-right: 6px; }
.change-note { margin: 0 0 12px; color: #6b5b00; font-size: 13px; background: #fff8db;
  padding: 4px 10px; border-radius: 4px; }
.conflict-note { margin: 0 0 12px; padding: 8px 12px; color: #7a1f1f; font-size: 13px;
  background: #fde8e8; border-left: 4px solid #c0392b; border-radius: 4px; }
.conflict-note p { margin: 0; }
.conflict-note .conflict-actions { margin-top: 6px; }
.conflict-note .action { margin: 0 12px 0 0; }
.signed-change-note { margin: 0 0 12px; color: #6b4400; font-size: 13px; background: #fdf0d5;
  border-left: 3px solid #e0a030; padding: 4px 10px; border-radius: 0 4px 4px 0; }
.badge { display: inline-block; font-size: 12px; font-weight: 600; line-height: 20px;
  padding: 0 8px; border-radius: 10px; white-space: nowrap; vertical-align: baseline; }
.entry-meta .badge { margin-left: 10px; font-weight: 500; }
.badge.sig-valid { background: #dcf2e3; color: #17663a; }
.badge.sig-invalid { background: #fbe3e3; color: #a11a1a; }
.badge.time-attested { background: #e3ecfa; color: #1d4f91; font-weight: 500; }
.badge.time-waiting { background: #eceef1; color: #5b6570; font-weight: 500; }
.badge.time-untrusted { background: #fdf0d5; color: #6b4400; font-weight: 500; }
a.action { font-size: 13px; margin-left: 12px; text-decoration: none; white-space: nowrap; }
.entry-actions { float: right; margin: 5px 0 0 16px; line-height: 20px; }
a.action:hover { text-decoration: underline; }
section.comments { margin: 14px 0 0; padding: 10px 0 0; border-top: 1px solid #e6eaef; }
section.comments.none { padding-top: 4px; }
section.comments h3 { font-size: 0.95em; margin: 0 0 8px; color: #4a5563; }
div.comment { margin: 0 0 10px; padding: 6px 12px; border-left: 3px solid #d5dbe3;
  background: #f7f9fb; }
div.comment.changes { border-left-color: #c77c12; background: #fdf6ea; }
div.comment p.comment-meta { margin: 0 0 4px; font-size: 0.88em; color: #5b6573; }
div.comment .comment-body p { margin: 0 0 4px; }
.badge.changes-open { background: #c77c12; color: #fff; }
.badge.changes-done { background: #e3e7ec; color: #4a5563; }
p.comment-add { margin: 4px 0 0; }
table.signatures { width: 100%; margin: 0 0 14px; border-collapse: separate; border-spacing: 0;
  background: #f7f9fb; border: 1px solid #e6eaef; border-radius: 6px; }
table.signatures td { border: none; padding: 7px 12px 7px 0; vertical-align: top;
  font-size: 13px; line-height: 20px; }
table.signatures td.sig-badge { width: 1%; padding-left: 12px; white-space: nowrap; }
table.signatures tr + tr td { border-top: 1px solid #e6eaef; }
.manifestation { color: #1f2328; }
.sig-facts { margin-top: 3px; }
.sig-facts a.action { margin-left: 10px; }
.sig-problem { color: #a11a1a; margin-top: 2px; }
tr.signature.invalid .manifestation { color: #7a2020; }
table { border-collapse: collapse; margin: 10px 0; }
th, td { border: 1px solid #d3d8de; padding: 4px 10px; text-align: left; vertical-align: top; }
th { background: #f2f4f6; font-weight: 600; }
th > p, td > p { margin: 0; }
th > p + p, td > p + p { margin-top: 4px; }
pre, code { font-family: "DejaVu Sans Mono", "Noto Sans Mono", monospace; font-size: 13px; }
code { background: #f1f3f5; padding: 1px 4px; border-radius: 3px; }
pre { background: #f6f8fa; padding: 10px 12px; border-radius: 6px; overflow-x: auto; }
pre code { background: none; padding: 0; }
blockquote { margin: 10px 0; padding: 2px 14px; border-left: 3px solid #d0d7de; color: #4b545e; }
img { max-width: 100%; height: auto; }
a { color: #1d5fb4; }
ul.checklist { list-style: none; padding-left: 4px; }
ul.checklist li::before { content: "☐  "; }
ul.checklist li[data-checked="true"]::before { content: "☑  "; }
.attachments { margin-top: 14px; padding-top: 10px; border-top: 1px solid #eceef1; }
.attachments h3 { font-size: 12px; font-weight: 600; letter-spacing: .05em;
  text-transform: uppercase; color: #6b747d; margin: 0 0 6px; }
.attachments ul { list-style: none; margin: 0; padding: 0; }
.attachments li { padding: 2px 0; }
.file-name { font-weight: 500; text-decoration: none; }
a.file-name:hover { text-decoration: underline; }
.file-size, .file-type { color: #6b747d; font-size: 13px; margin-left: 12px; }
figure { margin: 10px 0 0; }
figcaption { color: #6b747d; font-size: 12px; }
.empty { margin: 40px 0; padding: 28px 32px; border: 1px dashed #c9cfd6; border-radius: 8px;
  color: #5b6570; background: #fafbfc; }
.empty-title { font-size: 17px; font-weight: 600; color: #3d4650; margin: 0 0 6px; }
.empty p { margin: 0; }
)css");
}

} // namespace quire::widgets
