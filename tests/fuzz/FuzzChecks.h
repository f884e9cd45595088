#pragma once
// What every fuzz target checks of a read that succeeded: the Dataset is whole (x and y of
// equal length, every series non-empty). A failed read is fine; a crash, a sanitizer report, a
// hang or a broken Dataset is not.

#include "formats/Dataset.h"
#include "formats/Decimate.h"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <cstdlib>

namespace quire::fuzz {

inline void check(bool condition, const char *what) {
    if (!condition) {
        std::fprintf(stderr, "fuzz check failed: %s\n", what);
        std::abort();
    }
}

inline void checkDataset(const formats::Dataset &dataset) {
    check(!dataset.series.empty(), "a dataset read without error has a series");
    for (const auto &series : dataset.series) {
        check(series.x.size() == series.y.size(), "x and y have the same length");
        check(!series.x.empty(), "a series has points");
    }
}

// The plot path: decimating what was read must not fail either.
inline void decimateAll(const formats::Dataset &dataset, int pixels) {
    for (const auto &series : dataset.series) {
        double lo = series.x.front(), hi = series.x.back();
        if (lo > hi) std::swap(lo, hi);
        const auto points = formats::decimate(series.x, series.y, lo, hi, pixels);
        check(points.x.size() == points.y.size(), "decimated x and y have the same length");
        check(points.x.size() <= series.x.size(), "decimation adds no points");
        const bool monotone = std::is_sorted(series.x.begin(), series.x.end()) ||
                              std::is_sorted(series.x.rbegin(), series.x.rend());
        bool finite = true;
        for (double v : series.x)
            finite = finite && std::isfinite(v);
        if (monotone && finite)
            check(points.x.size() <= std::size_t(pixels) * 4 + 2,
                  "decimation keeps at most four points per column");
    }
}

} // namespace quire::fuzz
