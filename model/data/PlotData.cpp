#include "data/PlotData.h"

#include "formats/Dataset.h"
#include "formats/Decimate.h"

#include <cmath>

namespace quire::data {

namespace {
QString withUnit(const QString &name, const QString &unit) {
    if (unit.isEmpty()) return name;
    if (name.isEmpty()) return unit;
    return QStringLiteral("%1 (%2)").arg(name, unit);
}

QPair<double, double> extent(const std::vector<double> &v) {
    double lo = INFINITY, hi = -INFINITY;
    for (double d : v)
        if (std::isfinite(d)) {
            lo = std::min(lo, d);
            hi = std::max(hi, d);
        }
    if (lo > hi) return {0, 0};
    return {lo, hi};
}
} // namespace

PlotData::PlotData(std::shared_ptr<const formats::Dataset> data, QString title)
    : m_data(std::move(data))
    , m_title(std::move(title)) {
    if (!m_data) return;
    for (const auto &series : m_data->series) {
        m_xRanges << extent(series.x);
        m_yRanges << extent(series.y);
    }
}

int PlotData::seriesCount() const {
    return m_data ? int(m_data->series.size()) : 0;
}

#define QUIRE_SERIES(i) (m_data->series.at(std::size_t(i)))

QString PlotData::seriesName(int s) const {
    return QUIRE_SERIES(s).name;
}
QString PlotData::xLabel(int s) const {
    return withUnit(QUIRE_SERIES(s).xName, QUIRE_SERIES(s).xUnit);
}
QString PlotData::yLabel(int s) const {
    return withUnit(QUIRE_SERIES(s).yName, QUIRE_SERIES(s).yUnit);
}
QString PlotData::xUnit(int s) const {
    return QUIRE_SERIES(s).xUnit;
}
bool PlotData::xReversed(int s) const {
    return QUIRE_SERIES(s).xReversed;
}
bool PlotData::isPeaks(int s) const {
    return QUIRE_SERIES(s).kind == formats::SeriesKind::Peaks;
}
bool PlotData::isImaginaryPart(int s) const {
    return m_data && isImaginaryPart(*m_data, s);
}

bool PlotData::isImaginaryPart(const formats::Dataset &data, int s) {
    if (s < 0 || s >= int(data.series.size())) return false;
    auto says = [](const formats::Series &series, const char *word) {
        return series.name.contains(QLatin1String(word), Qt::CaseInsensitive) ||
               series.yName.contains(QLatin1String(word), Qt::CaseInsensitive);
    };
    if (!says(data.series[std::size_t(s)], "IMAG")) return false;
    for (const auto &other : data.series)
        if (says(other, "REAL") && !says(other, "IMAG")) return true;
    return false;
}

qint64 PlotData::pointCount(int s) const {
    return qint64(QUIRE_SERIES(s).x.size());
}
QPair<double, double> PlotData::xRange(int s) const {
    return m_xRanges.value(s);
}
QPair<double, double> PlotData::yRange(int s) const {
    return m_yRanges.value(s);
}

QList<QPointF> PlotData::points(int s, double xFrom, double xTo, int pixels) const {
    QList<QPointF> out;
    if (s < 0 || s >= seriesCount()) return out;
    const formats::Series &series = QUIRE_SERIES(s);
    if (xFrom > xTo) std::swap(xFrom, xTo);
    if (series.kind == formats::SeriesKind::Peaks) {
        for (std::size_t i = 0; i < series.x.size() && i < series.y.size(); ++i) {
            const double x = series.x[i];
            if (!std::isfinite(x) || !std::isfinite(series.y[i]) || x < xFrom || x > xTo) continue;
            out << QPointF(x, 0) << QPointF(x, series.y[i]) << QPointF(x, 0);
        }
        return out;
    }
    const std::size_t n = std::min(series.x.size(), series.y.size());
    const formats::PlotPoints p =
        formats::decimate(std::span(series.x.data(), n), std::span(series.y.data(), n), xFrom, xTo,
                          std::max(1, pixels));
    out.reserve(qsizetype(p.x.size()));
    for (std::size_t i = 0; i < p.x.size(); ++i)
        out << QPointF(p.x[i], p.y[i]);
    return out;
}

#undef QUIRE_SERIES

} // namespace quire::data
