#pragma once
// TextDiff: what changed between two versions of an entry, as rows for a side-by-side view —
// lines that stayed, lines changed in place, lines added and lines removed. Lines are the
// entry's readable text, one block (paragraph, heading, list item, table row) per line.

#include <QList>
#include <QString>
#include <QStringList>

namespace quire {

struct DiffRow {
    enum class Kind { Same, Changed, Added, Removed };
    Kind kind = Kind::Same;
    QString left;  // the older version's line (empty when added)
    QString right; // the newer version's line (empty when removed)
};

// The readable lines of an entry version: its title, then its text block by block.
QStringList entryLines(const QString &title, const QString &sanitizedHtml);

// Rows pairing the two versions' lines by their longest common subsequence; a run of removed
// lines followed by added ones is shown as changed lines side by side.
QList<DiffRow> sideBySide(const QStringList &older, const QStringList &newer);

} // namespace quire
