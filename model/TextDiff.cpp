#include "TextDiff.h"

#include "html/HtmlSanitizer.h"

#include <vector>

namespace quire {

QStringList entryLines(const QString &title, const QString &sanitizedHtml) {
    QStringList lines{title};
    for (const auto &line : html::plainText(sanitizedHtml).split('\n')) {
        const QString trimmed = line.trimmed();
        if (!trimmed.isEmpty()) lines << trimmed;
    }
    return lines;
}

QList<DiffRow> sideBySide(const QStringList &older, const QStringList &newer) {
    const qsizetype n = older.size(), m = newer.size();
    // lcs[i][j]: the longest common subsequence of older[i..] and newer[j..]. Entries have
    // hundreds of lines at most, so the quadratic table is small.
    std::vector<std::vector<int>> lcs(size_t(n + 1), std::vector<int>(size_t(m + 1), 0));
    for (qsizetype i = n - 1; i >= 0; --i)
        for (qsizetype j = m - 1; j >= 0; --j)
            lcs[size_t(i)][size_t(j)] =
                older[i] == newer[j]
                    ? lcs[size_t(i + 1)][size_t(j + 1)] + 1
                    : std::max(lcs[size_t(i + 1)][size_t(j)], lcs[size_t(i)][size_t(j + 1)]);
    QList<DiffRow> rows;
    QStringList removed, added;
    auto flush = [&] {
        const qsizetype paired = std::min(removed.size(), added.size());
        for (qsizetype k = 0; k < paired; ++k)
            rows << DiffRow{DiffRow::Kind::Changed, removed[k], added[k]};
        for (qsizetype k = paired; k < removed.size(); ++k)
            rows << DiffRow{DiffRow::Kind::Removed, removed[k], {}};
        for (qsizetype k = paired; k < added.size(); ++k)
            rows << DiffRow{DiffRow::Kind::Added, {}, added[k]};
        removed.clear();
        added.clear();
    };
    qsizetype i = 0, j = 0;
    while (i < n || j < m) {
        if (i < n && j < m && older[i] == newer[j]) {
            flush();
            rows << DiffRow{DiffRow::Kind::Same, older[i], newer[j]};
            ++i;
            ++j;
        } else if (j < m &&
                   (i == n || lcs[size_t(i)][size_t(j + 1)] >= lcs[size_t(i + 1)][size_t(j)])) {
            added << newer[j++];
        } else {
            removed << older[i++];
        }
    }
    flush();
    return rows;
}

} // namespace quire
