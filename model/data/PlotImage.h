#pragma once
// PlotImage: a picture of a dataset's series, for the command line and for previews — axes with
// names and units, NMR chemical shifts and IR wavenumbers running right to left as chemists read
// them, long series thinned per pixel column (formats/Decimate) so no spike is lost.

#include "formats/Dataset.h"
#include "Result.h"

#include <QImage>
#include <QString>

namespace quire::data {

// Draws series `series` of `data` (all of them when negative) on a white image of the given
// size. Fails when the series does not exist or holds no point.
Result<QImage> plotImage(const formats::Dataset &data, int series, int width, int height,
                         const QString &title = {});

} // namespace quire::data
