#include "formats/Decimate.h"

#include <algorithm>
#include <cmath>
#include <cstddef>

namespace quire::formats {

namespace {

// The first index whose x is past `value` in the direction the data run, by bisection.
std::size_t lowerBound(const double *x, std::size_t n, double value, bool ascending) {
    std::size_t lo = 0, hi = n;
    while (lo < hi) {
        const std::size_t mid = lo + (hi - lo) / 2;
        const bool before = ascending ? x[mid] < value : x[mid] > value;
        if (before)
            lo = mid + 1;
        else
            hi = mid;
    }
    return lo;
}

} // namespace

PlotPoints decimate(std::span<const double> xs, std::span<const double> ys, double xFrom,
                    double xTo, int pixels) {
    PlotPoints out;
    const std::size_t n = std::min(xs.size(), ys.size());
    if (n == 0 || pixels <= 0 || !(xFrom < xTo) || !std::isfinite(xFrom) || !std::isfinite(xTo))
        return out;
    const double *x = xs.data();
    const double *y = ys.data();
    const bool ascending = x[0] <= x[n - 1];

    // The index range inside [xFrom, xTo], widened by one point each side.
    std::size_t begin, end;
    if (ascending) {
        begin = lowerBound(x, n, xFrom, true);
        end = lowerBound(x, n, xTo, true);
        while (end < n && x[end] == xTo)
            ++end;
    } else {
        begin = lowerBound(x, n, xTo, false);
        end = lowerBound(x, n, xFrom, false);
        while (end < n && x[end] == xFrom)
            ++end;
    }
    if (begin > 0) --begin;
    if (end < n) ++end;

    const std::size_t columns = std::size_t(pixels);
    out.x.reserve(std::min(end - begin, columns * 4 + 2));
    out.y.reserve(std::min(end - begin, columns * 4 + 2));
    auto keepPoint = [&](std::size_t i) {
        out.x.push_back(x[i]);
        out.y.push_back(y[i]);
    };
    if (end - begin <= columns * 4) {
        for (std::size_t i = begin; i < end; ++i)
            if (!std::isnan(x[i]) && !std::isnan(y[i])) keepPoint(i);
        return out;
    }

    const double scale = double(columns) / (xTo - xFrom);
    long column = -2; // no column yet
    std::size_t first = 0, low = 0, high = 0, previous = 0;
    auto flush = [&] {
        // first, min, max, last in index order, each once.
        std::size_t picks[4] = {first, low, high, previous};
        std::sort(picks, picks + 4);
        for (int k = 0; k < 4; ++k)
            if (k == 0 || picks[k] != picks[k - 1]) keepPoint(picks[k]);
    };
    const long lastColumn = long(columns) - 1;
    double lowY = 0, highY = 0;
    for (std::size_t i = begin; i < end; ++i) {
        const double yi = y[i];
        const double xi = x[i];
        if (yi != yi || xi != xi) continue; // NaN
        // Truncation is floor for t >= 0; the neighbours outside the range get columns -1
        // and `columns`. (std::floor is a library call on baseline x86-64: twice as slow.)
        const double t = (xi - xFrom) * scale;
        long col;
        if (t < 0)
            col = -1;
        else if (t < double(columns))
            col = long(t);
        else
            col = xi > xTo ? long(columns) : lastColumn;
        if (col != column) {
            if (column != -2) flush();
            column = col;
            first = low = high = previous = i;
            lowY = highY = yi;
            continue;
        }
        if (yi < lowY) {
            lowY = yi;
            low = i;
        } else if (yi > highY) {
            highY = yi;
            high = i;
        }
        previous = i;
    }
    if (column != -2) flush();
    return out;
}

} // namespace quire::formats
