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
    static QString experimentPage(const ExperimentInfo &experiment,
                                  const QList<EntryVersion> &entries);

    // The element id of an entry's article, for scrolling to it.
    static QString anchorFor(const QString &entryUuid);
    // The page's own commands are links to a fragment of the page itself ("#sign-<entry>"),
    // because a click may only move within the shown document; the window watches the page's
    // URL and acts on these. Content cannot forge them: the sanitiser keeps no "#" links.
    static QString signFragment(const QString &entryUuid);
    static QString evidenceFragment(const QString &signatureId);
    static QString historyFragment(const QString &entryUuid);
    static QString fileFragment(const QString &attachmentId);
    // The entry uuid, signature id or attachment id a fragment names, or empty when it names
    // none of its kind.
    static QString entryToSign(const QString &fragment);
    static QString signatureForEvidence(const QString &fragment);
    static QString entryForHistory(const QString &fragment);
    static QString attachmentForFile(const QString &fragment);
    // The entry whose article a fragment (from anchorFor) points at.
    static QString entryForAnchor(const QString &fragment);
    // "24 Nov 2026, 20:33:25 CET": local time with its zone, as people read it.
    static QString localTime(const QString &rfc3339Utc);
    static QString localTime(const QDateTime &utc);

private:
    static QString header(const ExperimentInfo &experiment, int entryCount);
    // `number` is the entry's position on the page, counted from 1.
    static QString entryArticle(const EntryVersion &entry, int number);
    static QString attachmentList(const QList<AttachmentInfo> &attachments);
    // One line per signature (21 CFR 11.50 manifestation, validity, trusted time).
    static QString signatureBlock(const EntryVersion &entry);
    static QString timeBadge(const QString &attestedAt, bool trusted);
    static QString styleSheet();
};

} // namespace quire::widgets
