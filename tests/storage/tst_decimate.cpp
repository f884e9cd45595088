// Min/max decimation for plotting, checked against a brute-force computation of every pixel
// column's extremes, in both x directions, and timed on ten million points.

#include "formats/Decimate.h"

#include <QRandomGenerator>
#include <QtTest>

#include <algorithm>
#include <cmath>
#include <map>
#include <set>

using namespace quire::formats;

namespace {

struct Data {
    std::vector<double> x, y;
};

// A noisy baseline with a few one-point spikes, up and down.
Data spectrum(std::size_t n, quint32 seed) {
    QRandomGenerator random(seed);
    Data d;
    d.x.resize(n);
    d.y.resize(n);
    for (std::size_t i = 0; i < n; ++i) {
        d.x[i] = 400.0 + double(i) * 0.01;
        d.y[i] = std::sin(double(i) * 0.001) + random.bounded(1.0) * 0.1;
    }
    for (std::size_t i = 997; i < n; i += 7919)
        d.y[i] = (i % 2 ? 50.0 : -50.0);
    return d;
}

using Point = std::pair<double, double>;

std::set<Point> pointsOf(const PlotPoints &p) {
    std::set<Point> out;
    for (std::size_t i = 0; i < p.x.size(); ++i)
        out.insert({p.x[i], p.y[i]});
    return out;
}

} // namespace

class TestDecimate : public QObject {
    Q_OBJECT

private slots:
    void keepsTheExtremesOfEveryPixelColumn() {
        const Data d = spectrum(200000, 1);
        const double from = d.x.front(), to = d.x.back();
        const int pixels = 300;
        const PlotPoints p = decimate(d.x, d.y, from, to, pixels);
        QVERIFY(p.x.size() <= std::size_t(pixels) * 4 + 2);
        QVERIFY(p.x.size() >= std::size_t(pixels) * 2);
        QVERIFY(std::is_sorted(p.x.begin(), p.x.end()));

        // Brute force: every column's lowest and highest y, its first and last point.
        std::map<long, std::pair<double, double>> extremes;
        const double scale = pixels / (to - from);
        for (std::size_t i = 0; i < d.x.size(); ++i) {
            const long column =
                std::min(long(std::floor((d.x[i] - from) * scale)), long(pixels - 1));
            auto [it, added] = extremes.try_emplace(column, d.y[i], d.y[i]);
            if (!added) {
                it->second.first = std::min(it->second.first, d.y[i]);
                it->second.second = std::max(it->second.second, d.y[i]);
            }
        }
        const std::set<Point> kept = pointsOf(p);
        std::map<long, std::pair<double, double>> keptExtremes;
        for (const auto &[x, y] : kept) {
            const long column = std::min(long(std::floor((x - from) * scale)), long(pixels - 1));
            auto [it, added] = keptExtremes.try_emplace(column, y, y);
            if (!added) {
                it->second.first = std::min(it->second.first, y);
                it->second.second = std::max(it->second.second, y);
            }
        }
        QCOMPARE(keptExtremes, extremes);
        QCOMPARE(*std::max_element(p.y.begin(), p.y.end()), 50.0); // no spike is lost
        QCOMPARE(*std::min_element(p.y.begin(), p.y.end()), -50.0);
        QCOMPARE(p.x.front(), d.x.front());
        QCOMPARE(p.x.back(), d.x.back());
    }

    void descendingXKeepsTheSamePoints() {
        const Data up = spectrum(50000, 2);
        Data down = up;
        std::reverse(down.x.begin(), down.x.end());
        std::reverse(down.y.begin(), down.y.end());
        const PlotPoints a = decimate(up.x, up.y, 410, 700, 200);
        const PlotPoints b = decimate(down.x, down.y, 410, 700, 200);
        QVERIFY(std::is_sorted(b.x.rbegin(), b.x.rend()));
        QCOMPARE(pointsOf(a), pointsOf(b));
    }

    void aRangeKeepsOneNeighbourOnEachSide() {
        std::vector<double> x(1000), y(1000);
        for (int i = 0; i < 1000; ++i)
            x[std::size_t(i)] = i, y[std::size_t(i)] = i * 2;
        const PlotPoints few = decimate(x, y, 100.5, 200.5, 1000); // fewer points than pixels
        QCOMPARE(few.x.front(), 100.0);
        QCOMPARE(few.x.back(), 201.0);
        QCOMPARE(few.x.size(), std::size_t(102));
        const PlotPoints many = decimate(x, y, 100.5, 900.5, 10);
        QCOMPARE(many.x.front(), 100.0);
        QCOMPARE(many.x.back(), 901.0);
        QVERIFY(many.x.size() <= 4 * 10 + 2);
    }

    void nanPointsAndBadArgumentsGiveNoPoints() {
        const std::vector<double> x = {0, 1, 2, 3}, y = {1, std::nan(""), 3, 4};
        QCOMPARE(decimate(x, y, 0, 3, 100).y, (std::vector<double>{1, 3, 4}));
        QVERIFY(decimate(x, y, 3, 0, 100).x.empty());
        QVERIFY(decimate(x, y, 0, 3, 0).x.empty());
        QVERIFY(decimate({}, {}, 0, 3, 100).x.empty());
    }

    void tenMillionPointsComeDownToAFewPerPixel() {
        // How fast is the benchmark's business (quire-formats-bench prints it); here what comes
        // out: at most four points a pixel column, the extremes kept.
        const Data d = spectrum(10'000'000, 3);
        const PlotPoints p = decimate(d.x, d.y, d.x.front(), d.x.back(), 1920);
        QVERIFY(p.x.size() <= 1920 * 4 + 2);
        QCOMPARE(*std::max_element(p.y.begin(), p.y.end()),
                 *std::max_element(d.y.begin(), d.y.end()));
        QCOMPARE(*std::min_element(p.y.begin(), p.y.end()),
                 *std::min_element(d.y.begin(), d.y.end()));
        // A zoomed view of the same data holds only points in (or next to) its range.
        const PlotPoints zoom = decimate(d.x, d.y, 50000, 50100, 1920);
        QVERIFY(!zoom.x.empty());
        QVERIFY(zoom.x.size() <= 1920 * 4 + 2);
    }
};

QTEST_GUILESS_MAIN(TestDecimate)
#include "tst_decimate.moc"
