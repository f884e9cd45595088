#pragma once
// PlotData: an instrument file's series held whole for an interactive plot. The window asks it
// for the points of the visible x range at the width it draws (formats/Decimate per pixel
// column), so ten million points redraw as fast as a thousand and zooming in shows every point
// again. The data are shared and never change, so copies are cheap and a worker may make it;
// the extents of every series are found when it is made (on that worker), not when drawn.

#include <QList>
#include <QPointF>
#include <QString>

#include <memory>

namespace quire::formats {
struct Dataset;
}

namespace quire::data {

class PlotData {
public:
    PlotData() = default;
    explicit PlotData(std::shared_ptr<const formats::Dataset> data, QString title = {});

    QString title() const { return m_title; }
    int seriesCount() const;
    QString seriesName(int series) const;
    // The axis titles with their units in brackets, e.g. "Wavelength (nm)".
    QString xLabel(int series) const;
    QString yLabel(int series) const;
    QString xUnit(int series) const;
    bool xReversed(int series) const;
    bool isPeaks(int series) const;
    // The imaginary part of a spectrum whose real part is in the same file (NMR): chemists read
    // the real part, so the imaginary one is not drawn unless asked for.
    bool isImaginaryPart(int series) const;
    static bool isImaginaryPart(const formats::Dataset &data, int series);
    qint64 pointCount(int series) const;
    // The extent of the series' finite values; {0, 0} for none.
    QPair<double, double> xRange(int series) const;
    QPair<double, double> yRange(int series) const;
    // The points within [xFrom, xTo] (plus one on each side), at most four per pixel column. A
    // peak series gives three points per peak (baseline, top, baseline), so a line draws sticks.
    QList<QPointF> points(int series, double xFrom, double xTo, int pixels) const;

private:
    std::shared_ptr<const formats::Dataset> m_data;
    QString m_title;
    QList<QPair<double, double>> m_xRanges, m_yRanges;
};

} // namespace quire::data
