#pragma once
// EntryPageRenderer: turns an experiment and its entries into one self-contained HTML page
// (embedded stylesheet, Content-Security-Policy, no script). Every string that is not entry
// HTML is escaped here; entry HTML arrives already sanitised by the model.

#include "Notebook.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QString>

namespace quire::widgets {

class EntryPageRenderer {
    Q_DECLARE_TR_FUNCTIONS(quire::widgets::EntryPageRenderer)
public:
    // A page lays out this many entries at most: Chromium's layout time grows with the page,
    // and a long experiment must open as quickly as a short one. The rest are a click away.
    static constexpr int kPageSize = 20;

    // The page of a run of the experiment's entries, numbered by their place among all of them,
    // with links to the others. `me` is the member reading: their own entries get "Edit…".
    static QString experimentPage(const ExperimentInfo &experiment, const EntryRun &run,
                                  const QString &me = {});
    // All of `entries`, as one run.
    static QString experimentPage(const ExperimentInfo &experiment,
                                  const QList<EntryVersion> &entries, const QString &me = {});

    // The element id of an entry's article, for scrolling to it.
    static QString anchorFor(const QString &entryUuid);
    // The page's own commands are links to a fragment of the page itself ("#sign-<entry>"),
    // because a click may only move within the shown document; the window watches the page's
    // URL and acts on these. Content cannot forge them: the sanitiser keeps no "#" links.
    static QString signFragment(const QString &entryUuid);
    static QString evidenceFragment(const QString &signatureId);
    static QString historyFragment(const QString &entryUuid);
    static QString fileFragment(const QString &attachmentId);
    static QString editFragment(const QString &entryUuid);
    // An entry in conflict (saved on two computers apart): its versions side by side, and the
    // same view ready to resolve the conflict (the author only).
    static QString compareFragment(const QString &entryUuid);
    static QString resolveFragment(const QString &entryUuid);
    static QString commentFragment(const QString &entryUuid);
    // The page's own paging links: earlier entries, later entries, every entry.
    enum class PageMove { None, Earlier, Later, All };
    static QString pageFragment(PageMove move);
    static PageMove pageMoveFor(const QString &fragment);
    // The entry uuid, signature id or attachment id a fragment names, or empty when it names
    // none of its kind.
    static QString entryToSign(const QString &fragment);
    static QString signatureForEvidence(const QString &fragment);
    static QString entryForHistory(const QString &fragment);
    static QString attachmentForFile(const QString &fragment);
    static QString entryToEdit(const QString &fragment);
    static QString entryToCompare(const QString &fragment);
    static QString entryToResolve(const QString &fragment);
    static QString entryToComment(const QString &fragment);
    // The entry whose article a fragment (from anchorFor) points at.
    static QString entryForAnchor(const QString &fragment);
    // "24 Nov 2026, 20:33:25 CET": local time with its zone, as people read it.
    static QString localTime(const QString &rfc3339Utc);
    static QString localTime(const QDateTime &utc);

private:
    static QString header(const ExperimentInfo &experiment, int entryCount);
    // `number` is the entry's position among the experiment's entries, counted from 1.
    static QString entryArticle(const EntryVersion &entry, int number, bool editable);
    // "Entries 189–208 of 208" with links to the entries not shown; empty when all are.
    static QString pagingBar(int first, int shown, int total);
    // The files' names and sizes, and pictures of the images the entry's text does not show.
    static QString attachmentList(const QList<AttachmentInfo> &attachments,
                                  const QString &entryHtml);
    // One line per signature (21 CFR 11.50 manifestation, validity, trusted time).
    static QString signatureBlock(const EntryVersion &entry);
    // "2 versions in conflict", with Compare… and (for the author) Resolve…; empty without one.
    static QString conflictBanner(const EntryVersion &entry, bool editable);
    static QString timeBadge(const QString &attestedAt, bool trusted);
    // The entry's comments, oldest first, with who wrote them and when, and "Add comment…".
    static QString commentBlock(const EntryVersion &entry);
    static QString styleSheet();
};

} // namespace quire::widgets
