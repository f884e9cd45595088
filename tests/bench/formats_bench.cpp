// quire-formats-bench: how fast the instrument-file readers and the plot decimation are, each
// beside a plain baseline measured in the same run: `wc -l` over the same file for the readers
// (the least any reader of lines must do), one summing pass over the same arrays for the
// decimation (the memory traffic it cannot avoid). The JCAMP-DX file is written here in DIFDUP
// form by an encoder of this program's own, and the values read back are compared with the
// values written, so the figure is for a correct read.
//
// Usage: quire-formats-bench [--jcamp-points N] [--csv-mb M] [--decimate-points N] [--json FILE]

#include "BenchReport.h"
#include "formats/Decimate.h"
#include "formats/Readers.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QElapsedTimer>
#include <QFile>
#include <QJsonDocument>
#include <QProcess>
#include <QRandomGenerator>
#include <QSysInfo>
#include <QTemporaryDir>
#include <QTextStream>
#include <QThread>

#include <sys/resource.h>

#include <charconv>
#include <cmath>
#include <string>
#include <vector>

using namespace quire;
using namespace quire::bench;

namespace {

Row row(const char *id, const char *label, const char *unit, int decimals, double quire,
        double baseline, const QString &target = QString(), std::optional<bool> met = {}) {
    Row r;
    r.id = QString::fromLatin1(id);
    r.label = QString::fromLatin1(label);
    r.unit = QString::fromLatin1(unit);
    r.decimals = decimals;
    r.quire = quire;
    r.baseline = baseline;
    r.target = target;
    r.met = met;
    return r;
}

double seconds(const QElapsedTimer &t) {
    return double(t.nsecsElapsed()) / 1e9;
}

// ---- a DIFDUP writer (JCAMP-DX 4.24 section 5) -----------------------------------------------

void digits(std::string &out, long long magnitude, char first0, char first1to9) {
    char buffer[24];
    auto [end, ec] = std::to_chars(buffer, buffer + sizeof buffer, magnitude);
    Q_UNUSED(ec);
    out.push_back(buffer[0] == '0' ? first0 : char(first1to9 + (buffer[0] - '1')));
    out.append(buffer + 1, end);
}

void sqz(std::string &out, long long v) {
    if (v >= 0)
        digits(out, v, '@', 'A');
    else
        digits(out, -v, '@', 'a');
}

void dif(std::string &out, long long d) {
    if (d >= 0)
        digits(out, d, '%', 'J');
    else
        digits(out, -d, '%', 'j');
}

void dup(std::string &out, long long count) {
    // S..Z are 1..8 and s is 9: not one run of letters.
    const std::size_t at = out.size();
    digits(out, count, '?', 'S');
    if (out[at] == 'S' + 8) out[at] = 's';
}

std::vector<long long> spectrumValues(std::size_t n) {
    QRandomGenerator random(7);
    std::vector<long long> y(n);
    for (std::size_t i = 0; i < n; ++i) {
        const double t = double(i);
        double v = 2000 * std::sin(t / 5000) + double(random.bounded(100));
        for (double centre : {0.2, 0.35, 0.6, 0.61, 0.8})
            v += 400000 / (1 + std::pow((t - centre * double(n)) / 40, 2));
        // Flat stretches, written as DUPs of a zero difference.
        if ((i / 50000) % 7 == 3) v = 0;
        y[i] = std::llround(v);
    }
    return y;
}

std::string difdupFile(const std::vector<long long> &y) {
    const std::size_t n = y.size();
    std::string out;
    out.reserve(n * 5);
    out += "##TITLE=generated DIFDUP spectrum\n##JCAMP-DX=5.01\n##DATA TYPE=INFRARED SPECTRUM\n"
           "##XUNITS=1/CM\n##YUNITS=ABSORBANCE\n##XFACTOR=1\n##YFACTOR=1\n##FIRSTX=0\n";
    out +=
        "##LASTX=" + std::to_string(n - 1) + "\n##DELTAX=1\n##NPOINTS=" + std::to_string(n) + "\n";
    out += "##FIRSTY=" + std::to_string(y[0]) + "\n##XYDATA=(X++(Y..Y))\n";
    const std::size_t perLine = 16;
    std::size_t i = 0;
    while (true) {
        // Each line starts with the point the line before ended on (the Y check) in SQZ form.
        out += std::to_string(i);
        sqz(out, y[i]);
        const std::size_t end = std::min(n - 1, i + perLine);
        std::size_t j = i + 1;
        while (j <= end) {
            const long long d = y[j] - y[j - 1];
            std::size_t run = 1;
            while (j + run <= end && y[j + run] - y[j + run - 1] == d)
                ++run;
            dif(out, d);
            if (run > 1) dup(out, (long long)run);
            j += run;
        }
        out.push_back('\n');
        if (end == n - 1) break;
        i = end;
    }
    // The last line ended in DIF form: a final line repeats its value as the last Y check.
    out += std::to_string(n - 1);
    sqz(out, y[n - 1]);
    out += "\n##END=\n";
    return out;
}

std::string csvFile(std::size_t megabytes, std::size_t &rows) {
    std::string out;
    const std::size_t target = megabytes * 1000 * 1000;
    out.reserve(target + 256);
    out += "Instrument: generated\nSample: bench\nWavelength (nm),Abs [AU],Ref [AU]\n";
    QRandomGenerator random(11);
    char buffer[64];
    rows = 0;
    while (out.size() < target) {
        const double x = 200 + double(rows) * 0.001;
        auto put = [&](double v, int decimals) {
            auto [end, ec] = std::to_chars(buffer, buffer + sizeof buffer, v,
                                           std::chars_format::fixed, decimals);
            Q_UNUSED(ec);
            out.append(buffer, end);
        };
        put(x, 3);
        out.push_back(',');
        put(std::sin(x / 50) + random.bounded(0.01), 6);
        out.push_back(',');
        put(-std::cos(x / 70) * 0.5, 6);
        out.push_back('\n');
        ++rows;
    }
    return out;
}

bool writeFile(const QString &path, const std::string &data) {
    QFile file(path);
    return file.open(QIODevice::WriteOnly) &&
           file.write(data.data(), qint64(data.size())) == qint64(data.size());
}

// `wc -l` over the file: its lines counted, the file read once.
double wcSeconds(const QString &path) {
    double best = 1e9;
    for (int round = 0; round < 3; ++round) {
        QElapsedTimer timer;
        timer.start();
        QProcess wc;
        wc.start(QStringLiteral("wc"), {QStringLiteral("-l"), path});
        wc.waitForFinished(-1);
        best = std::min(best, seconds(timer));
    }
    return best;
}

// CPU seconds of this process (user + system): on a virtual machine, page faults also cost
// time the guest does not see, and the gap between this and the clock shows it.
double cpuSeconds() {
    rusage usage{};
    getrusage(RUSAGE_SELF, &usage);
    return double(usage.ru_utime.tv_sec + usage.ru_stime.tv_sec) +
           double(usage.ru_utime.tv_usec + usage.ru_stime.tv_usec) / 1e6;
}

struct ReadFigures {
    double readSeconds = 0;  // QFile::readAll + readDataset
    double parseSeconds = 0; // readDataset alone
    double parseCpu = 0;     // its CPU time
    formats::Dataset dataset;
    QString error;
};

ReadFigures timeRead(const QString &path) {
    ReadFigures f;
    f.readSeconds = f.parseSeconds = f.parseCpu = 1e9;
    for (int round = 0; round < 3; ++round) {
        QElapsedTimer timer;
        timer.start();
        QFile file(path);
        if (!file.open(QIODevice::ReadOnly)) {
            f.error = file.errorString();
            return f;
        }
        const QByteArray bytes = file.readAll();
        QElapsedTimer parse;
        parse.start();
        const double cpu = cpuSeconds();
        auto result = formats::readDataset(bytes, path);
        f.parseSeconds = std::min(f.parseSeconds, seconds(parse));
        f.parseCpu = std::min(f.parseCpu, cpuSeconds() - cpu);
        f.readSeconds = std::min(f.readSeconds, seconds(timer));
        if (!result) {
            f.error = result.error();
            return f;
        }
        f.dataset = std::move(*result);
    }
    return f;
}

} // namespace

int main(int argc, char **argv) {
    QCoreApplication app(argc, argv);
    QCommandLineParser parser;
    parser.setApplicationDescription(
        QStringLiteral("Reading and decimation figures of storage/formats"));
    parser.addHelpOption();
    QCommandLineOption jcampPoints(QStringLiteral("jcamp-points"),
                                   QStringLiteral("points in the DIFDUP file"), QStringLiteral("N"),
                                   QStringLiteral("16000000"));
    QCommandLineOption csvMb(QStringLiteral("csv-mb"), QStringLiteral("size of the CSV file in MB"),
                             QStringLiteral("M"), QStringLiteral("100"));
    QCommandLineOption decimatePoints(QStringLiteral("decimate-points"),
                                      QStringLiteral("points to decimate"), QStringLiteral("N"),
                                      QStringLiteral("10000000"));
    QCommandLineOption json(QStringLiteral("json"), QStringLiteral("also write the report as JSON"),
                            QStringLiteral("FILE"));
    parser.addOptions({jcampPoints, csvMb, decimatePoints, json});
    parser.process(app);

    QTextStream out(stdout);
    QTemporaryDir dir;
    QList<Section> sections;
    const double mb = 1e6;

    {
        const std::size_t n = std::max<std::size_t>(2, parser.value(jcampPoints).toULongLong());
        const auto values = spectrumValues(n);
        const std::string text = difdupFile(values);
        const QString path = dir.filePath(QStringLiteral("spectrum.jdx"));
        Section s;
        s.title = QStringLiteral("JCAMP-DX, DIFDUP: %1 points, %2 MB")
                      .arg(number(double(n), 0), number(double(text.size()) / mb, 1));
        s.baselineIs = QStringLiteral("`wc -l` of the same file, from the page cache");
        if (!writeFile(path, text)) {
            s.failure = QStringLiteral("cannot write %1").arg(path);
        } else {
            const ReadFigures f = timeRead(path);
            const double wc = wcSeconds(path);
            if (!f.error.isEmpty()) {
                s.failure = f.error;
            } else {
                const auto &series = f.dataset.series.at(0);
                bool same = series.y.size() == n;
                for (std::size_t i = 0; same && i < n; ++i)
                    same = series.y[i] == double(values[i]) && series.x[i] == double(i);
                if (!same)
                    s.failure = QStringLiteral("the values read back differ from those written");
                s.rows << row("jcamp_mb_s", "file to dataset (read + decode)", "MB/s", 0,
                              double(text.size()) / mb / f.readSeconds,
                              double(text.size()) / mb / wc);
                s.rows << row("jcamp_decode_mb_s", "decode alone, bytes in memory", "MB/s", 0,
                              double(text.size()) / mb / f.parseSeconds, NAN);
                s.rows << row("jcamp_decode_cpu_mb_s", "decode alone, by CPU time", "MB/s", 0,
                              double(text.size()) / mb / f.parseCpu, NAN);
                s.rows << row("jcamp_points_s", "points decoded per second", "M/s", 1,
                              double(n) / 1e6 / f.parseSeconds, NAN);
                s.notes << QStringLiteral("every value read back equals the value written; %1 Y "
                                          "checks passed on the way")
                               .arg(number(double(n) / 16, 0));
            }
        }
        sections << s;
    }

    {
        std::size_t rows = 0;
        const std::string text =
            csvFile(std::max<std::size_t>(1, parser.value(csvMb).toULongLong()), rows);
        const QString path = dir.filePath(QStringLiteral("table.csv"));
        Section s;
        s.title = QStringLiteral("CSV: %1 rows of 3 columns, %2 MB")
                      .arg(number(double(rows), 0), number(double(text.size()) / mb, 1));
        s.baselineIs = QStringLiteral("`wc -l` of the same file, from the page cache");
        if (!writeFile(path, text)) {
            s.failure = QStringLiteral("cannot write %1").arg(path);
        } else {
            const ReadFigures f = timeRead(path);
            const double wc = wcSeconds(path);
            if (!f.error.isEmpty()) {
                s.failure = f.error;
            } else {
                if (f.dataset.series.size() != 2 || f.dataset.series[0].y.size() != rows)
                    s.failure =
                        QStringLiteral("read %1 series of %2 rows, wrote 2 of %3")
                            .arg(f.dataset.series.size())
                            .arg(f.dataset.series.empty() ? 0 : f.dataset.series[0].y.size())
                            .arg(rows);
                s.rows << row("csv_mb_s", "file to dataset (read + parse)", "MB/s", 0,
                              double(text.size()) / mb / f.readSeconds,
                              double(text.size()) / mb / wc);
                s.rows << row("csv_parse_mb_s", "parse alone, bytes in memory", "MB/s", 0,
                              double(text.size()) / mb / f.parseSeconds, NAN);
                s.rows << row("csv_parse_cpu_mb_s", "parse alone, by CPU time", "MB/s", 0,
                              double(text.size()) / mb / f.parseCpu, NAN);
                s.rows << row("csv_rows_s", "rows per second", "M/s", 2,
                              double(rows) / 1e6 / f.parseSeconds, NAN);
            }
        }
        sections << s;
    }

    {
        const std::size_t n = std::max<std::size_t>(2, parser.value(decimatePoints).toULongLong());
        std::vector<double> x(n), y(n);
        QRandomGenerator random(5);
        for (std::size_t i = 0; i < n; ++i) {
            x[i] = 4000 - double(i) * 0.0003; // descending, as IR spectra come
            y[i] = std::sin(double(i) / 1e5) + random.bounded(0.1);
        }
        Section s;
        s.title =
            QStringLiteral("Decimation: %1 points to 1920 pixel columns").arg(number(double(n), 0));
        s.baselineIs = QStringLiteral("one pass summing x and y (the memory traffic alone)");
        double best = 1e9, floor = 1e9;
        std::size_t kept = 0;
        double sink = 0;
        for (int round = 0; round < 5; ++round) {
            QElapsedTimer timer;
            timer.start();
            const auto points = formats::decimate(x, y, x.back(), x.front(), 1920);
            best = std::min(best, seconds(timer));
            kept = points.x.size();
            timer.restart();
            double sum = 0;
            for (std::size_t i = 0; i < n; ++i)
                sum += x[i] + y[i];
            floor = std::min(floor, seconds(timer));
            sink += sum;
        }
        s.rows << row("decimate_ms", "decimate the whole range", "ms", 1, best * 1000, floor * 1000,
                      QStringLiteral("< 200"), best * 1000 < 200);
        s.notes << QStringLiteral("%1 points kept (at most 4 per column)").arg(kept);
        if (sink == 0.123) s.notes << QString(); // keeps the summing pass from being optimised away
        sections << s;
    }

    TableLayout layout;
    layout.footer = QStringLiteral("Machine: %1, %2 cores; build %3")
                        .arg(QSysInfo::prettyProductName())
                        .arg(QThread::idealThreadCount())
                        .arg(QStringLiteral(QUIRE_BENCH_BUILD_TYPE));
    printTable(out,
               {QStringLiteral("quire-formats-bench: instrument-file readers and plot decimation")},
               sections, layout);
    if (parser.isSet(json)) {
        QFile file(parser.value(json));
        if (file.open(QIODevice::WriteOnly))
            file.write(
                QJsonDocument(reportJson(QStringLiteral("quire-formats-bench"),
                                         QJsonObject{{"cores", QThread::idealThreadCount()}},
                                         QJsonObject{{"jcamp_points", parser.value(jcampPoints)},
                                                     {"csv_mb", parser.value(csvMb)}},
                                         sections))
                    .toJson());
    }
    bool failed = false;
    for (const auto &s : sections)
        failed = failed || !s.failure.isEmpty();
    return failed ? 1 : 0;
}
