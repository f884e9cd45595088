// quire-cli: entries in conflict (changed on two computers apart) — how `entry show` and
// `entry history` say so, and `entry resolve`, which saves the version that joins them.

#include "cli/CliSupport.h"

#include "TextDiff.h"

#include <algorithm>

namespace quire::cli {

namespace {

QString shortId(const QString &id) {
    return id.left(12);
}

} // namespace

void Session::printConflict(Notebook &nb, const QString &entry) {
    auto sides = nb.conflictVersions(entry);
    if (!sides || sides->size() < 2) return;
    out() << "CONFLICT: " << sides->size()
          << " versions in conflict (saved on two computers apart, neither naming the other)."
          << Qt::endl
          << "Shown is the first below, which every computer shows until the author resolves it."
          << Qt::endl;
    for (const auto &v : *sides)
        out() << "  v" << v.version << "  " << v.recordId << "  " << v.authorName << "  "
              << v.recordedAt << "  " << v.title << (v.status == "void" ? "  [voided]" : "")
              << (v.reason.isEmpty() ? QString() : "  — " + v.reason) << Qt::endl;
    const EntryVersion &head = sides->first();
    const QStringList headLines = entryLines(head.title, head.html);
    for (qsizetype i = 1; i < sides->size(); ++i) {
        const EntryVersion &other = sides->at(i);
        out() << "--- " << shortId(head.recordId) << " (shown)" << Qt::endl
              << "+++ " << shortId(other.recordId) << Qt::endl;
        for (const DiffRow &row : sideBySide(headLines, entryLines(other.title, other.html))) {
            switch (row.kind) {
            case DiffRow::Kind::Same:
                out() << "  " << row.left << Qt::endl;
                break;
            case DiffRow::Kind::Removed:
                out() << "- " << row.left << Qt::endl;
                break;
            case DiffRow::Kind::Added:
                out() << "+ " << row.right << Qt::endl;
                break;
            case DiffRow::Kind::Changed:
                out() << "- " << row.left << Qt::endl << "+ " << row.right << Qt::endl;
                break;
            }
        }
    }
    out() << "Resolve: quire-cli entry resolve " << entry << " --file F | --keep RECORD --reason R"
          << Qt::endl
          << Qt::endl;
}

int Session::entryResolve(const Args &a) {
    const QString entry = a.positional.value(2);
    const bool fromFile = !a.value("--file").isEmpty();
    const bool keep = !a.value("--keep").isEmpty();
    if (entry.isEmpty() || fromFile == keep)
        return failWith(QStringLiteral("usage: entry resolve ENTRY (--file F | --keep RECORD) "
                                       "--reason R [--title T]"),
                        Usage);
    if (a.value("--reason").trimmed().isEmpty())
        return failWith(QStringLiteral("entry resolve needs --reason: say how the versions were "
                                       "joined"),
                        Usage);
    QString html, title = a.value("--title");
    if (fromFile) {
        auto fileHtml = entryHtmlFromFile(a.value("--file"));
        if (!fileHtml) return failWith(fileHtml.error());
        html = *fileHtml;
    }
    auto nb = open();
    if (!nb) return failWith(nb.error());
    if (keep) {
        auto sides = (*nb)->conflictVersions(entry);
        if (!sides) return failWith(sides.error());
        if (sides->isEmpty())
            return failWith(QStringLiteral("the entry is not in conflict in this notebook (a sync "
                                           "may bring the other versions): nothing to resolve"));
        const auto chosen = std::find_if(sides->cbegin(), sides->cend(), [&](const auto &v) {
            return v.recordId.startsWith(a.value("--keep")) && a.value("--keep").size() >= 8;
        });
        if (chosen == sides->cend())
            return failWith(QStringLiteral("%1 is not one of the entry's versions in conflict "
                                           "(see `entry show %2`)")
                                .arg(a.value("--keep"), entry));
        html = chosen->html;
        if (title.isEmpty()) title = chosen->title;
    }
    auto id = (*nb)->resolveConflict(entry, title, html, a.value("--reason"));
    if (!id) return failWith(id.error());
    out() << *id << Qt::endl;
    return Ok;
}

} // namespace quire::cli
