#include "data/PlotImage.h"

#include "data/PlotData.h"
#include "formats/Dataset.h"
#include "formats/Decimate.h"

#include <QFontMetrics>
#include <QPainter>
#include <QPainterPath>
#include <QRegularExpression>

#include <cmath>
#include <limits>

namespace quire::data {

namespace {

QString axisLabel(const QString &name, const QString &unit) {
    if (unit.isEmpty()) return name.isEmpty() ? QStringLiteral("x") : name;
    return name.isEmpty() ? unit : QStringLiteral("%1 (%2)").arg(name, unit);
}

// Round tick steps: 1, 2 or 5 times a power of ten, about `count` of them over the span.
double tickStep(double span, int count) {
    if (!(span > 0)) return 1;
    const double raw = span / std::max(count, 1);
    const double power = std::pow(10.0, std::floor(std::log10(raw)));
    for (double m : {1.0, 2.0, 5.0, 10.0})
        if (raw <= m * power) return m * power;
    return 10 * power;
}

QString tickText(double v, double step) {
    if (std::abs(v) < step * 1e-9) v = 0;
    // Counts from detectors run to 10^9: written as 5.2e8 rather than 520000000.
    if (std::abs(v) >= 1e6 || (v != 0 && std::abs(v) < 1e-4))
        return QString::number(v, 'g', 3)
            .replace(QRegularExpression(QStringLiteral("e\\+?0*")), QStringLiteral("e"))
            .replace(QStringLiteral("e-0"), QStringLiteral("e-"));
    const int decimals = step >= 1 ? 0 : int(std::ceil(-std::log10(step)));
    return QString::number(v, 'f', std::min(decimals, 8));
}

const QColor kColours[] = {QColor(0x1f, 0x4e, 0x9c), QColor(0xc0, 0x39, 0x2b),
                           QColor(0x27, 0x8e, 0x4a), QColor(0x8e, 0x44, 0xad),
                           QColor(0xd3, 0x84, 0x00)};

} // namespace

Result<QImage> plotImage(const formats::Dataset &data, int series, int width, int height,
                         const QString &title) {
    if (width < 100 || height < 80 || width > 20000 || height > 20000)
        return fail(QStringLiteral("a plot is 100 to 20000 pixels wide and 80 to 20000 high"));
    std::vector<const formats::Series *> chosen;
    if (series < 0) {
        // All series but the imaginary part of a spectrum beside its real part (NMR).
        for (std::size_t i = 0; i < data.series.size(); ++i)
            if (!data.series[i].x.empty() && !PlotData::isImaginaryPart(data, int(i)))
                chosen.push_back(&data.series[i]);
    } else if (series < int(data.series.size())) {
        chosen.push_back(&data.series[size_t(series)]);
    } else {
        return fail(QStringLiteral("there is no series %1 (the file has %2)")
                        .arg(series)
                        .arg(data.series.size()));
    }
    double xlo = std::numeric_limits<double>::infinity(), xhi = -xlo, ylo = xlo, yhi = -xlo;
    for (const auto *s : chosen)
        for (size_t i = 0; i < s->x.size() && i < s->y.size(); ++i) {
            if (!std::isfinite(s->x[i]) || !std::isfinite(s->y[i])) continue;
            xlo = std::min(xlo, s->x[i]);
            xhi = std::max(xhi, s->x[i]);
            ylo = std::min(ylo, s->y[i]);
            yhi = std::max(yhi, s->y[i]);
        }
    if (!std::isfinite(xlo)) return fail(QStringLiteral("the series holds no point to plot"));
    if (xhi == xlo) xhi = xlo + 1;
    if (yhi == ylo) yhi = ylo + 1;
    const double margin = (yhi - ylo) * 0.05;
    ylo -= margin;
    yhi += margin;
    const formats::Series &first = *chosen.front();
    const bool reversed = first.xReversed;

    QImage image(width, height, QImage::Format_RGB32);
    image.fill(Qt::white);
    // A large picture (a figure at print resolution) is drawn as a smaller one scaled up, so that
    // its letters and lines keep their size against the plot: 2400 × 1500 pixels at 300 dpi read
    // like 1000 × 625 on screen.
    const double scale = std::max(1.0, std::min(width / 1000.0, height / 625.0));
    image.setDevicePixelRatio(scale);
    width = int(width / scale);
    height = int(height / scale);
    QPainter p(&image);
    p.setRenderHint(QPainter::Antialiasing);
    QFont font = p.font();
    font.setPixelSize(std::clamp(height / 40, 10, 16));
    p.setFont(font);
    const QFontMetrics fm(font);
    const int bottom = 2 * fm.height() + 14;
    const int top = title.isEmpty() ? 12 : fm.height() + 16;
    // The y ticks come first: the widest of their labels sets the left margin.
    const double ys = tickStep(yhi - ylo, std::max(2, (height - top - bottom) / 60));
    QList<QPair<double, QString>> yTicks;
    int widest = 0;
    for (double v = std::ceil(ylo / ys) * ys; v <= yhi + ys * 1e-9; v += ys) {
        yTicks.append({v, tickText(v, ys)});
        widest = std::max(widest, fm.horizontalAdvance(yTicks.last().second));
    }
    const int left = widest + fm.height() + 16;
    // Room on the right for half of the last x label, which is centred on its tick.
    const int right = fm.horizontalAdvance(QStringLiteral("-00000")) / 2 + 6;
    const QRect area(left, top, width - left - right, height - top - bottom);
    if (area.width() < 20 || area.height() < 20)
        return fail(QStringLiteral("the plot is too small for its axes"));

    auto px = [&](double x) {
        const double t = (x - xlo) / (xhi - xlo);
        return area.left() + (reversed ? 1 - t : t) * area.width();
    };
    auto py = [&](double y) { return area.bottom() - (y - ylo) / (yhi - ylo) * area.height(); };

    // Axes and ticks.
    p.setPen(QPen(Qt::black, 1));
    p.drawRect(area);
    const double xs = tickStep(xhi - xlo, std::max(2, area.width() / 90));
    for (double v = std::ceil(xlo / xs) * xs; v <= xhi + xs * 1e-9; v += xs) {
        const double x = px(v);
        p.drawLine(QPointF(x, area.bottom()), QPointF(x, area.bottom() + 5));
        const QString t = tickText(v, xs);
        p.drawText(QPointF(x - fm.horizontalAdvance(t) / 2.0, area.bottom() + 6 + fm.ascent()), t);
    }
    for (const auto &[v, t] : yTicks) {
        const double y = py(v);
        p.drawLine(QPointF(area.left() - 5, y), QPointF(area.left(), y));
        p.drawText(QPointF(area.left() - 7 - fm.horizontalAdvance(t), y + fm.ascent() / 2.0 - 1),
                   t);
    }
    QString xLabel = axisLabel(first.xName, first.xUnit);
    if (reversed) xLabel += QStringLiteral("  ←");
    p.drawText(QRect(area.left(), height - fm.height() - 4, area.width(), fm.height()),
               Qt::AlignHCenter, xLabel);
    p.save();
    p.translate(4 + fm.ascent(), area.center().y());
    p.rotate(-90);
    const QString yLabel = axisLabel(first.yName, first.yUnit);
    p.drawText(QRect(-area.height() / 2, -fm.ascent(), area.height(), fm.height()),
               Qt::AlignHCenter, yLabel);
    p.restore();
    if (!title.isEmpty())
        p.drawText(QRect(area.left(), 4, area.width(), fm.height() + 4), Qt::AlignHCenter, title);

    // The series, thinned per pixel column.
    p.setClipRect(area);
    int colour = 0;
    for (const auto *s : chosen) {
        const size_t n = std::min(s->x.size(), s->y.size());
        p.setPen(QPen(kColours[colour++ % 5], 1.2));
        if (s->kind == formats::SeriesKind::Peaks) {
            const double base = py(std::clamp(0.0, ylo, yhi));
            for (size_t i = 0; i < n; ++i)
                if (std::isfinite(s->x[i]) && std::isfinite(s->y[i]))
                    p.drawLine(QPointF(px(s->x[i]), base), QPointF(px(s->x[i]), py(s->y[i])));
            continue;
        }
        // Decimate wants monotone x: spectra come so; a series that is not is drawn as it is.
        const bool monotone =
            std::is_sorted(s->x.begin(), s->x.begin() + qsizetype(n)) ||
            std::is_sorted(s->x.begin(), s->x.begin() + qsizetype(n), std::greater<double>());
        formats::PlotPoints pts;
        if (monotone) {
            pts =
                formats::decimate(std::span<const double>(s->x.data(), n),
                                  std::span<const double>(s->y.data(), n), xlo, xhi, area.width());
        } else {
            pts.x.assign(s->x.begin(), s->x.begin() + qsizetype(n));
            pts.y.assign(s->y.begin(), s->y.begin() + qsizetype(n));
        }
        QPainterPath path;
        bool started = false;
        for (size_t i = 0; i < pts.x.size(); ++i) {
            if (!std::isfinite(pts.x[i]) || !std::isfinite(pts.y[i])) {
                started = false;
                continue;
            }
            const QPointF pt(px(pts.x[i]), py(pts.y[i]));
            if (started)
                path.lineTo(pt);
            else
                path.moveTo(pt);
            started = true;
        }
        p.drawPath(path);
    }
    // With several series, a legend in the top right corner says which line is which (by what
    // it measures when the series share a name, as the blocks of one file often do).
    if (chosen.size() > 1) {
        p.setClipping(false);
        QStringList names;
        for (const auto *s : chosen)
            names << s->name;
        QStringList labels;
        int widestLabel = 0;
        for (const auto *s : chosen) {
            QString label = s->name;
            if ((label.isEmpty() || names.count(label) > 1) &&
                !(s->yName.isEmpty() && s->yUnit.isEmpty()))
                label = axisLabel(s->yName, s->yUnit);
            labels << label;
            widestLabel = std::max(widestLabel, fm.horizontalAdvance(label));
        }
        const int rowHeight = fm.height() + 2;
        const QRect box(area.right() - widestLabel - 44, area.top() + 8, widestLabel + 36,
                        int(labels.size()) * rowHeight + 8);
        p.fillRect(box, QColor(255, 255, 255, 230));
        p.setPen(QPen(QColor(0x99, 0x99, 0x99), 1));
        p.drawRect(box);
        for (int i = 0; i < labels.size(); ++i) {
            const int y = box.top() + 4 + i * rowHeight + rowHeight / 2;
            p.setPen(QPen(kColours[i % 5], 2));
            p.drawLine(QPointF(box.left() + 6, y), QPointF(box.left() + 26, y));
            p.setPen(Qt::black);
            p.drawText(QPointF(box.left() + 30, y + fm.ascent() / 2.0 - 1), labels.at(i));
        }
    }
    p.end();
    image.setDevicePixelRatio(1);
    return image;
}

} // namespace quire::data
