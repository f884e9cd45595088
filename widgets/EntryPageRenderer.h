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
    // "24 Nov 2026, 20:33:25 CET": local time with its zone, as people read it.
    static QString localTime(const QString &rfc3339Utc);
    static QString localTime(const QDateTime &utc);

private:
    static QString header(const ExperimentInfo &experiment, int entryCount);
    // `number` is the entry's position on the page, counted from 1.
    static QString entryArticle(const EntryVersion &entry, int number);
    static QString attachmentList(const QList<AttachmentInfo> &attachments);
    static QString styleSheet();
};

} // namespace quire::widgets
