// quire-cli comments and review: `comment` writes a comment on an entry version (a supervisor's
// may request changes), `comments` lists an entry's comments or, with --waiting, the requests for
// changes of my entries that are still open.

#include "cli/CliSupport.h"

#include <QDateTime>
#include <QFile>
#include <QFileInfo>
#include <QHash>
#include <QJsonArray>
#include <QTimeZone>

namespace quire::cli {

namespace {

QJsonObject commentJson(const CommentInfo &c) {
    QJsonObject o{{"id", c.id},
                  {"entry", c.entry},
                  {"target", c.target},
                  {"version", c.version},
                  {"author", c.author},
                  {"author_name", c.authorName},
                  {"html", c.html},
                  {"requests_changes", c.requestsChanges},
                  {"recorded_at", c.recordedAt},
                  {"answered", c.answered},
                  {"open_request", c.openRequest}};
    if (!c.corrects.isEmpty()) o.insert("corrects", c.corrects);
    if (!c.correctedBy.isEmpty()) o.insert("corrected_by", c.correctedBy);
    return o;
}

// "2026-12-07 13:05 CET": the comment's time as the reader's clock shows it.
QString localTime(const QString &rfc3339) {
    const QDateTime at = QDateTime::fromString(rfc3339, Qt::ISODateWithMs).toLocalTime();
    return at.toString(QStringLiteral("yyyy-MM-dd HH:mm ")) + at.timeZoneAbbreviation();
}

QString standing(const CommentInfo &c) {
    if (!c.requestsChanges) return {};
    if (c.openRequest) return QStringLiteral("  [changes requested, open]");
    if (c.answered) return QStringLiteral("  [changes requested, answered by a later version]");
    return QStringLiteral("  [changes requested, withdrawn by a correction]");
}

// A comment's HTML from a file: .html/.htm as they are (sanitised on the way in), anything else
// as plain text.
Result<QString> commentHtmlFromFile(const QString &path) {
    QFile f(path);
    const bool fromStdin = path == QLatin1String("-");
    if (fromStdin ? !f.open(stdin, QIODevice::ReadOnly) : !f.open(QIODevice::ReadOnly))
        return fail(QStringLiteral("could not read %1: %2").arg(path, f.errorString()));
    constexpr qint64 kLimit = 1024 * 1024;
    const QByteArray bytes = f.read(kLimit + 1);
    if (bytes.size() > kLimit)
        return fail(QStringLiteral("%1 is larger than 1 MiB; a comment is shorter").arg(path));
    const QString suffix = QFileInfo(path).suffix().toLower();
    if (suffix == "md" || suffix == "markdown") return Notebook::markdownToHtml(bytes);
    if (suffix == "html" || suffix == "htm") return QString::fromUtf8(bytes);
    return Notebook::plainTextToHtml(QString::fromUtf8(bytes));
}

} // namespace

int Session::comment(const Args &a) {
    const QString target = a.positional.value(1);
    bool okNumber = true;
    const int version = a.has("--version") ? a.value("--version").toInt(&okNumber) : 0;
    if (target.isEmpty() || !a.has("--file") || !okNumber || version < 0)
        return failWith(QStringLiteral("usage: comment ENTRY [--version N] --file F "
                                       "[--requests-changes] [--corrects COMMENT]"),
                        Usage);
    auto html = commentHtmlFromFile(a.value("--file"));
    if (!html) return failWith(html.error());
    auto nb = open();
    if (!nb) return failWith(nb.error());
    auto c = (*nb)->addComment(target, version, *html, a.has("--requests-changes"),
                               a.value("--corrects"));
    if (!c) return failWith(c.error());
    if (c->requestsChanges)
        err() << "Changes requested of version " << c->version
              << "; it waits for the author's next version." << Qt::endl;
    out() << c->id << Qt::endl;
    return Ok;
}

int Session::comments(const Args &a) {
    const QString target = a.positional.value(1);
    const bool waiting = a.has("--waiting");
    if (target.isEmpty() == !waiting)
        return failWith(QStringLiteral("usage: comments ENTRY [--json] | comments --waiting "
                                       "[--json]"),
                        Usage);
    auto nb = open();
    if (!nb) return failWith(nb.error());
    QList<CommentInfo> list;
    QHash<QString, QString> titles;
    if (waiting) {
        auto items = (*nb)->changesRequestedOfMe();
        if (!items) return failWith(items.error());
        for (const auto &item : *items) {
            list << item.changesRequested;
            titles.insert(item.changesRequested.id, item.entryTitle);
        }
    } else {
        auto all = (*nb)->comments(target);
        if (!all) return failWith(all.error());
        list = *all;
    }
    if (a.has("--json")) {
        QJsonArray arr;
        for (const auto &c : list) {
            QJsonObject o = commentJson(c);
            if (waiting) o.insert("entry_title", titles.value(c.id));
            arr.append(o);
        }
        printJson(arr);
        return Ok;
    }
    if (list.isEmpty())
        out() << (waiting ? "No changes are requested of your entries." : "No comments.")
              << Qt::endl;
    for (const auto &c : list) {
        out() << (waiting
                      ? c.entry + QStringLiteral("  “") + titles.value(c.id) + QStringLiteral("”  ")
                      : QString())
              << "v" << c.version << "  " << localTime(c.recordedAt) << "  " << c.authorName
              << standing(c) << "  " << c.id << Qt::endl;
        for (const auto &line : Notebook::htmlToPlainText(c.html).split('\n'))
            out() << "    " << line << Qt::endl;
    }
    return Ok;
}

} // namespace quire::cli
