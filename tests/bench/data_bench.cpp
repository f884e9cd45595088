// quire-data-bench (issue 14): ten million points in the window's Data tab. Measures the time
// from the data being ready (a read file's series in memory) to the chart drawn on screen —
// DataPanel::showRead, which thins each series to at most four points per pixel column
// (formats/Decimate through PlotData::points), hands those to Qt Charts, and a synchronous
// render of the chart view — beside two baselines of the same run: the decimation alone, and
// the same panel drawing a series of only 2 × width points (the chart's fixed cost). Then a zoom
// into a tenth of the range, redrawn. Printed, not a timed test. Runs with any Qt platform (it
// sets "offscreen" when there is no display).
//
// Usage: quire-data-bench [--points N] [--json FILE]

#include "BenchReport.h"
#include "details/DataPanel.h"
#include "formats/Dataset.h"
#include "Notebook.h"

#include <QApplication>
#include <QChartView>
#include <QCommandLineParser>
#include <QElapsedTimer>
#include <QFile>
#include <QJsonDocument>
#include <QRandomGenerator>
#include <QSysInfo>
#include <QTextStream>
#include <QThread>

#include <algorithm>
#include <cmath>
#include <memory>

using namespace quire;
using namespace quire::bench;

namespace {

double msSince(const QElapsedTimer &t) {
    return double(t.nsecsElapsed()) / 1e6;
}

double median(std::vector<double> v) {
    std::sort(v.begin(), v.end());
    return v.empty() ? NAN : v[v.size() / 2];
}

// An absorbance trace: a slow rise with noise, `n` points at 1 ms.
std::shared_ptr<const formats::Dataset> trace(std::size_t n) {
    auto d = std::make_shared<formats::Dataset>();
    d->format = QStringLiteral("bench");
    formats::Series s;
    s.name = QStringLiteral("Absorbance");
    s.xName = QStringLiteral("Time");
    s.xUnit = QStringLiteral("s");
    s.yName = QStringLiteral("Absorbance");
    s.x.resize(n);
    s.y.resize(n);
    QRandomGenerator random(14);
    for (std::size_t i = 0; i < n; ++i) {
        s.x[i] = double(i) * 0.001;
        s.y[i] = 0.8 * (1 - std::exp(-double(i) * 2e-7)) + random.bounded(0.02);
    }
    d->series.push_back(std::move(s));
    return d;
}

DatasetInfo infoOf(const formats::Dataset &d) {
    DatasetInfo info;
    info.format = d.format;
    for (const auto &s : d.series) {
        DataSeriesInfo i;
        i.name = s.name;
        i.count = qint64(s.x.size());
        info.series << i;
    }
    return info;
}

// Data ready → chart drawn: the panel takes the series, and the view is rendered (a grab paints
// the whole chart synchronously, as the next screen update would).
double showAndDraw(widgets::DataPanel &panel, const data::PlotData &plot, const DatasetInfo &info,
                   const QString &id) {
    QApplication::processEvents();
    QElapsedTimer t;
    t.start();
    panel.showRead(id, info, plot);
    const QPixmap drawn = panel.chartWidget()->grab();
    const double ms = msSince(t);
    if (drawn.isNull()) return NAN;
    return ms;
}

} // namespace

int main(int argc, char **argv) {
    if (qEnvironmentVariableIsEmpty("DISPLAY") && qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM"))
        qputenv("QT_QPA_PLATFORM", "offscreen");
    QApplication app(argc, argv);
    QCommandLineParser parser;
    parser.addHelpOption();
    QCommandLineOption pointsOption(QStringLiteral("points"), QStringLiteral("points to plot"),
                                    QStringLiteral("N"), QStringLiteral("10000000"));
    QCommandLineOption json(QStringLiteral("json"), QStringLiteral("also write the report as JSON"),
                            QStringLiteral("FILE"));
    parser.addOptions({pointsOption, json});
    parser.process(app);
    const std::size_t n = std::max<qulonglong>(1000, parser.value(pointsOption).toULongLong());

    widgets::DataPanel panel;
    panel.resize(900, 700);
    panel.show();
    QApplication::processEvents();
    const int width = std::max(200, panel.chartWidget()->width());

    const auto big = trace(n);
    const data::PlotData bigPlot(big, QStringLiteral("kinetics.csv"));
    const DatasetInfo bigInfo = infoOf(*big);
    const auto small = trace(std::size_t(2 * width));
    const data::PlotData smallPlot(small, QStringLiteral("short.csv"));
    const DatasetInfo smallInfo = infoOf(*small);
    const double xMax = big->series.front().x.back();

    std::vector<double> draw, drawSmall, decimateAlone, zoom, zoomAlone;
    qint64 kept = 0;
    for (int round = 0; round < 7; ++round) {
        drawSmall.push_back(showAndDraw(panel, smallPlot, smallInfo, QStringLiteral("small")));
        draw.push_back(showAndDraw(panel, bigPlot, bigInfo, QStringLiteral("big")));
        QElapsedTimer t;
        t.start();
        kept = bigPlot.points(0, 0, xMax, width).size();
        decimateAlone.push_back(msSince(t));
        // A zoom into the tenth in the middle: the visible range thinned again, then drawn.
        QApplication::processEvents();
        t.restart();
        auto *view = static_cast<QChartView *>(panel.chartWidget());
        view->chart()->zoomIn(
            QRectF(view->chart()->plotArea().center().x() - view->chart()->plotArea().width() / 20,
                   view->chart()->plotArea().top(), view->chart()->plotArea().width() / 10,
                   view->chart()->plotArea().height()));
        QApplication::processEvents(); // the panel redraws the visible range (a 30 ms timer)
        QThread::msleep(40);
        QApplication::processEvents();
        const double waited = msSince(t);
        t.restart();
        (void)panel.chartWidget()->grab();
        zoom.push_back(waited - 40 + msSince(t));
        t.restart();
        (void)bigPlot.points(0, xMax * 0.45, xMax * 0.55, width);
        zoomAlone.push_back(msSince(t));
    }

    QList<Section> sections;
    Section s;
    s.title = QStringLiteral("%1 points in the Data tab, %2 pixel columns")
                  .arg(number(double(n), 0))
                  .arg(width);
    Row ready;
    ready.id = QStringLiteral("plot_10m_ms");
    ready.label = QStringLiteral("data ready → chart drawn");
    ready.unit = QStringLiteral("ms");
    ready.decimals = 1;
    ready.quire = median(draw);
    ready.baseline = median(decimateAlone);
    ready.baselineIs = QStringLiteral("min/max decimation alone of the same series");
    ready.target = QStringLiteral("< 200");
    ready.met = ready.quire < 200;
    Row fixed;
    fixed.id = QStringLiteral("plot_2w_ms");
    fixed.label = QStringLiteral("the same panel, 2 × width points");
    fixed.unit = QStringLiteral("ms");
    fixed.decimals = 1;
    fixed.quire = median(draw);
    fixed.baseline = median(drawSmall);
    fixed.baselineIs =
        QStringLiteral("%1 points drawn directly (the chart's own cost)").arg(2 * width);
    Row zoomed;
    zoomed.id = QStringLiteral("zoom_10m_ms");
    zoomed.label = QStringLiteral("zoom to a tenth, redrawn");
    zoomed.unit = QStringLiteral("ms");
    zoomed.decimals = 1;
    zoomed.quire = median(zoom);
    zoomed.baseline = median(zoomAlone);
    zoomed.baselineIs = QStringLiteral("decimation of the visible tenth alone");
    zoomed.target = QStringLiteral("< 200");
    zoomed.met = zoomed.quire < 200;
    s.rows << ready << fixed << zoomed;
    s.notes << QStringLiteral("medians of 7 rounds; %1 points reach the chart (at most 4 per "
                              "pixel column)")
                   .arg(kept)
            << QStringLiteral("Qt platform: %1").arg(QGuiApplication::platformName());
    sections << s;

    QTextStream out(stdout);
    TableLayout layout;
    layout.footer = QStringLiteral("Machine: %1, %2 cores; build %3")
                        .arg(QSysInfo::prettyProductName())
                        .arg(QThread::idealThreadCount())
                        .arg(QStringLiteral(QUIRE_BENCH_BUILD_TYPE));
    printTable(out, {QStringLiteral("quire-data-bench: plotting in the Data tab")}, sections,
               layout);
    if (parser.isSet(json)) {
        QFile file(parser.value(json));
        if (file.open(QIODevice::WriteOnly))
            file.write(QJsonDocument(reportJson(QStringLiteral("quire-data-bench"),
                                                QJsonObject{{"cores", QThread::idealThreadCount()}},
                                                QJsonObject{{"points", double(n)}}, sections))
                           .toJson());
    }
    return 0;
}
