#pragma once
// Decimate: thins a long series for drawing. A plot a thousand pixels wide cannot show ten
// million points, but it must not lose a spike either: per pixel column it keeps the first,
// the lowest, the highest and the last point (in x order), so the drawn line has the same
// envelope as the full data and still joins its neighbours correctly.

#include <span>
#include <vector>

namespace quire::formats {

struct PlotPoints {
    std::vector<double> x;
    std::vector<double> y;
};

// `x` must be monotone (ascending or descending, as spectra come); `y` has the same length.
// Keeps the points within [xFrom, xTo] plus the nearest one outside on each side, so the line
// runs to the plot's edges. Points whose x or y is NaN are left out. At most 4 points per
// column of the `pixels` columns (plus the two outside). Returns nothing for an empty range or
// no pixels.
PlotPoints decimate(std::span<const double> x, std::span<const double> y, double xFrom, double xTo,
                    int pixels);

} // namespace quire::formats
