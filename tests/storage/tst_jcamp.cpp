// The JCAMP-DX reader against real instrument files (shared/testdata/instruments/jcamp: HP
// ChemStation, ACD, Bruker, JEOL, Perkin-Elmer, NUTS) and against small files written here to
// the letter of the standard (McDonald & Wilks 1988; NMR: Davies & Lampen 1993; NTUPLES:
// Lampen et al. 1994), including ones that break it on purpose.

#include "formats/Jcamp.h"
#include "formats/Readers.h"
#include "Scaling.h"

#include <QDir>
#include <QFile>
#include <QRegularExpression>
#include <QtTest>

#include <algorithm>
#include <cmath>
#include <functional>
#include <set>

using namespace quire;
using namespace quire::formats;

namespace {

QString jcampDir() {
    return qEnvironmentVariable("QUIRE_TESTDATA") + QStringLiteral("/instruments/jcamp");
}

QByteArray readFile(const QString &name) {
    QFile file(jcampDir() + QLatin1Char('/') + name);
    if (!file.open(QIODevice::ReadOnly))
        qFatal("cannot open test file %s", qPrintable(file.fileName()));
    return file.readAll();
}

QStringList jcampFiles() {
    return QDir(jcampDir())
        .entryList({QStringLiteral("*.dx"), QStringLiteral("*.jdx")}, QDir::Files, QDir::Name);
}

Dataset mustRead(const QByteArray &bytes) {
    auto result = readJcamp(bytes);
    if (!result) qWarning("read failed: %s", qPrintable(result.error()));
    return result ? *result : Dataset{};
}

// The value of a record (as written in the file) of one block, e.g. "NPOINTS" of block 0.
QString record(const Dataset &dataset, const QString &label, int block) {
    for (const auto &field : dataset.metadata)
        if (field.block == block && field.key.simplified().compare(label, Qt::CaseInsensitive) == 0)
            return field.value;
    return {};
}

// A minimal file around one data table.
QByteArray jcamp(const QByteArray &header, const QByteArray &table, const QByteArray &data) {
    return "##TITLE= test\n##JCAMP-DX= 5.01\n##DATA TYPE= INFRARED SPECTRUM\n" + header + table +
           "\n" + data + "##END=\n";
}

// Line `number` (from 1) of `bytes` with `edit` applied.
QByteArray withLineChanged(const QByteArray &bytes, int number,
                           const std::function<QByteArray(QByteArray)> &edit) {
    QList<QByteArray> lines = bytes.split('\n');
    lines[number - 1] = edit(lines[number - 1]);
    return lines.join('\n');
}

// Raises the first positive DIF digit (J..Q) in the second half of a line by one.
QByteArray nextDifDigit(QByteArray line) {
    for (qsizetype i = line.size() / 2; i < line.size(); ++i)
        if (line[i] >= 'J' && line[i] <= 'Q') {
            line[i] = char(line[i] + 1);
            break;
        }
    return line;
}

int lineOf(const QByteArray &bytes, const QByteArray &start) {
    const QList<QByteArray> lines = bytes.split('\n');
    for (int i = 0; i < lines.size(); ++i)
        if (lines[i].startsWith(start)) return i + 1;
    return -1;
}

} // namespace

class TestJcamp : public QObject {
    Q_OBJECT

private slots:
    void everyInstrumentFileReadsWithoutError_data() {
        QTest::addColumn<QString>("name");
        const QStringList files = jcampFiles();
        QVERIFY2(files.size() >= 19,
                 qPrintable(QStringLiteral("test files missing in %1").arg(jcampDir())));
        for (const auto &name : files)
            QTest::newRow(qPrintable(name)) << name;
    }
    void everyInstrumentFileReadsWithoutError() {
        QFETCH(QString, name);
        const QByteArray bytes = readFile(name);
        QCOMPARE(sniff(bytes, name), FileKind::Jcamp);
        auto result = readDataset(bytes, name);
        QVERIFY2(result.ok(), qPrintable(result.error()));
        QVERIFY(!result->series.empty());
        QVERIFY(result->format.startsWith(QLatin1String("JCAMP-DX")));
        for (const auto &series : result->series) {
            QVERIFY(!series.x.empty());
            QCOMPARE(series.x.size(), series.y.size());
            QVERIFY(std::all_of(series.x.begin(), series.x.end(),
                                [](double v) { return std::isfinite(v); }));
        }
        // The title comes first in the summary, as written (a "$$" comment alone is no title).
        const QString title = result->value(QString::fromLatin1(key::title));
        QVERIFY(!title.contains(QLatin1String("$$")));
    }

    void fourEncodingsOfOneSpectrumDecodeToTheSameValues() {
        // FIX (AFFN), PACKED, SQUEEZED and DIFDUP files of one NMR spectrum.
        const QStringList names = {"compression_jcamp-fix.dx", "compression_jcamp-packed.dx",
                                   "compression_jcamp-squeezed.dx", "compression_jcamp-difdup.dx"};
        std::vector<Dataset> sets;
        for (const auto &name : names)
            sets.push_back(mustRead(readFile(name)));
        const Series &reference = sets[0].series.at(0);
        QCOMPARE(qsizetype(reference.y.size()), record(sets[0], "NPOINTS", 0).toLongLong());
        for (std::size_t i = 1; i < sets.size(); ++i) {
            QCOMPARE(sets[i].series.size(), std::size_t(1));
            const Series &other = sets[i].series[0];
            QCOMPARE(other.y.size(), reference.y.size());
            QVERIFY2(other.y == reference.y, qPrintable(names[int(i)]));
            QVERIFY2(other.x == reference.x, qPrintable(names[int(i)]));
        }
        // And the values are not all alike: a decoder that dropped everything would agree too.
        QVERIFY(*std::max_element(reference.y.begin(), reference.y.end()) > 1e8);
        QVERIFY(*std::min_element(reference.y.begin(), reference.y.end()) < 0);
    }

    void shortExcerptsInFourEncodingsAgreeWithTheWholeSpectrum() {
        // The compression-small files are the first two data lines of the files above, so each
        // holds a different number of points; every one is a prefix of the whole spectrum.
        const Series whole = mustRead(readFile("compression_jcamp-fix.dx")).series.at(0);
        std::set<std::size_t> lengths;
        for (const char *encoding : {"fix", "packed", "squeezed", "difdup"}) {
            const QString name = QStringLiteral("compression-small_jcamp-%1.dx").arg(encoding);
            const Dataset excerpt = mustRead(readFile(name));
            const Series &small = excerpt.series.at(0);
            QVERIFY(small.y.size() >= 8);
            lengths.insert(small.y.size());
            // No observe frequency in the excerpts: their x stays in Hz, FIRSTX + i DELTAX.
            const double first = record(excerpt, "FIRSTX", 0).toDouble();
            const double delta = record(excerpt, "DELTAX", 0).toDouble();
            for (std::size_t i = 0; i < small.y.size(); ++i) {
                QCOMPARE(small.y[i], whole.y[i]);
                QVERIFY(std::fabs(small.x[i] - (first + double(i) * delta)) < 1e-9);
            }
        }
        QVERIFY(lengths.size() >= 3); // the prefixes differ, so the comparison covers DIF, SQZ, PAC
    }

    void pointCountsMatchNpoints() {
        for (const auto &name : jcampFiles()) {
            const Dataset dataset = mustRead(readFile(name));
            for (const auto &series : dataset.series) {
                const QString declared = record(dataset, "NPOINTS", series.block);
                if (declared.isEmpty()) continue;
                QVERIFY2(qsizetype(series.y.size()) == declared.toLongLong(),
                         qPrintable(QStringLiteral("%1: %2 points, NPOINTS %3")
                                        .arg(name)
                                        .arg(series.y.size())
                                        .arg(declared)));
            }
        }
    }

    void damagedDifDataFailTheYCheck() {
        // Changing one difference in the middle of a DIFDUP line changes every value after it,
        // so the repeated value at the start of the next line no longer matches.
        const QByteArray bytes = readFile("compression_jcamp-difdup.dx");
        const int data = lineOf(bytes, "##XYDATA");
        const int target = data + 200;
        const QByteArray broken = withLineChanged(bytes, target, nextDifDigit);
        QVERIFY(broken != bytes);
        auto result = readDataset(broken, "broken.dx");
        QVERIFY(!result.ok());
        QVERIFY2(result.error().contains(QLatin1String("Y check failed")),
                 qPrintable(result.error()));
        QVERIFY2(result.error().contains(QStringLiteral("line %1").arg(target + 1)),
                 qPrintable(result.error()));

        // The same in the second page of an NTUPLES file.
        const QByteArray nmr = readFile("ethylvinylether_1h.jdx");
        const int page2 = lineOf(nmr, "##DATA TABLE=(X++(I..I))");
        const QByteArray brokenNmr = withLineChanged(nmr, page2 + 10, nextDifDigit);
        QVERIFY(brokenNmr != nmr);
        auto nmrResult = readJcamp(brokenNmr);
        QVERIFY(!nmrResult.ok());
        QVERIFY2(nmrResult.error().contains(QLatin1String("Y check failed")),
                 qPrintable(nmrResult.error()));
    }

    void yCheckWrittenWrongIsAnErrorNamingTheLine() {
        const QByteArray header = "##XFACTOR=1\n##YFACTOR=1\n##FIRSTX=0\n##LASTX=4\n##NPOINTS=5\n";
        // 10 11 12 | check 12, 13 14: the DIF form, written right.
        auto good = readJcamp(jcamp(header, "##XYDATA=(X++(Y..Y))", "0 A0JJ\n2 A2JJ\n"));
        QVERIFY2(good.ok(), qPrintable(good.error()));
        QCOMPARE(good->series[0].y, (std::vector<double>{10, 11, 12, 13, 14}));
        auto wrongCheck = readJcamp(jcamp(header, "##XYDATA=(X++(Y..Y))", "0 A0JJ\n2 A3JJ\n"));
        QVERIFY(!wrongCheck.ok());
        QVERIFY2(wrongCheck.error().contains(QLatin1String("Y check failed in line 11")),
                 qPrintable(wrongCheck.error()));
        QVERIFY(wrongCheck.error().contains(QLatin1String("13")));
    }

    void asdfFormsDecodeAsTheStandardDefinesThem() {
        const QByteArray header = "##XFACTOR=1\n##YFACTOR=1\n##FIRSTX=1\n##DELTAX=1\n";
        // SQZ (@ A-I a-i), DIF (% J-R j-r), DUP (S-Z s), PAC (+ -), AFFN with an exponent; "E"
        // without a sign is the SQZ digit 5, not an exponent.
        auto result = readJcamp(jcamp(header, "##XYDATA=(X++(Y..Y))",
                                      "1 @A1b2J%jT\n"          // 0 11 -22 -21 -21 -22 -23
                                      "7 -23+5-6 1.5E+01 E1\n" // check -23, then 5 -6 15 51
                                      "12 C3U $$ a comment\n"  // 33 33 33
                                      "$$ a comment line\n"
                                      "15 I?s\n")); // 9, ?, and ? eight times more
        QVERIFY2(result.ok(), qPrintable(result.error()));
        const auto &y = result->series[0].y;
        const std::vector<double> expected = {0,  11, -22, -21, -21, -22, -23, 5,
                                              -6, 15, 51,  33,  33,  33,  9};
        QVERIFY(y.size() == expected.size() + 9);
        for (std::size_t i = 0; i < expected.size(); ++i)
            QCOMPARE(y[i], expected[i]);
        for (std::size_t i = expected.size(); i < y.size(); ++i)
            QVERIFY(std::isnan(y[i]));
        QCOMPARE(result->series[0].x[3], 4.0);
    }

    void factorsScaleBothAxes() {
        auto result = readJcamp(
            jcamp("##XFACTOR=0.5\n##YFACTOR=0.001\n##FIRSTX=10\n##LASTX=11\n##NPOINTS=3\n",
                  "##XYDATA=(X++(Y..Y))", "20 1000 2000 3000\n"));
        QVERIFY2(result.ok(), qPrintable(result.error()));
        QCOMPARE(result->series[0].x, (std::vector<double>{10, 10.5, 11}));
        QCOMPARE(result->series[0].y, (std::vector<double>{1, 2, 3}));
        // Group tables take the factors too.
        auto peaks = readJcamp(jcamp("##XFACTOR=2\n##YFACTOR=10\n##NPOINTS=2\n",
                                     "##PEAK TABLE=(XY..XY)", "1,5; 2,6\n"));
        QVERIFY2(peaks.ok(), qPrintable(peaks.error()));
        QCOMPARE(peaks->series[0].x, (std::vector<double>{2, 4}));
        QCOMPARE(peaks->series[0].y, (std::vector<double>{50, 60}));
        QCOMPARE(peaks->series[0].kind, SeriesKind::Peaks);
    }

    void pointCountOtherThanNpointsIsAnError() {
        auto result = readJcamp(
            jcamp("##FIRSTX=0\n##LASTX=3\n##NPOINTS=5\n", "##XYDATA=(X++(Y..Y))", "0 1 2 3 4\n"));
        QVERIFY(!result.ok());
        QVERIFY2(result.error().contains(QLatin1String("4 points")) &&
                     result.error().contains(QLatin1String("NPOINTS")),
                 qPrintable(result.error()));
        // In a peak table every x is written: a warning.
        auto peaks = readJcamp(jcamp("##NPOINTS=3\n", "##PEAK TABLE=(XY..XY)", "1 5\n2 6\n"));
        QVERIFY2(peaks.ok(), qPrintable(peaks.error()));
        QCOMPARE(peaks->warnings.size(), 1);
        QVERIFY(peaks->warnings[0].contains(QLatin1String("2 rows")));
    }

    void abscissaWrittenAtALineStartIsChecked() {
        const QByteArray header = "##FIRSTX=0\n##LASTX=7\n##NPOINTS=8\n";
        auto good = readJcamp(jcamp(header, "##XYDATA=(X++(Y..Y))", "0 1 2 3 4\n4 5 6 7 8\n"));
        QVERIFY2(good.ok() && good->warnings.isEmpty(),
                 qPrintable(good.ok() ? good->warnings.join('\n') : good.error()));
        auto shifted = readJcamp(jcamp(header, "##XYDATA=(X++(Y..Y))", "0 1 2 3 4\n5 5 6 7 8\n"));
        QVERIFY2(shifted.ok(), qPrintable(shifted.error()));
        QCOMPARE(shifted->warnings.size(), 1);
        QVERIFY2(shifted->warnings[0].contains(QLatin1String("abscissa check")),
                 qPrintable(shifted->warnings[0]));
    }

    void labelsCompareWithoutCaseSpacesDashesSlashesAndUnderscores() {
        auto result =
            readJcamp("## title = spaced\n##x_factor= 2\n##Y-Factor=3\n##first x=0\n##Last_X=4\n"
                      "##n points=3\n##x/units=1/CM\n##xy data=(X++(Y..Y))\n0 1 2 3\n##end=\n");
        QVERIFY2(result.ok(), qPrintable(result.error()));
        QCOMPARE(result->series[0].x, (std::vector<double>{0, 2, 4}));
        QCOMPARE(result->series[0].y, (std::vector<double>{3, 6, 9}));
        QCOMPARE(result->value(QString::fromLatin1(key::title)), QStringLiteral("spaced"));
    }

    void nmrFrequencyAxisBecomesReversedPpm() {
        // Bruker (XWIN-NMR), NTUPLES: real and imaginary pages, Hz with the observe
        // frequency and Bruker's $OFFSET (ppm of the first point).
        const Dataset evE = mustRead(readFile("ethylvinylether_1h.jdx"));
        QCOMPARE(evE.series.size(), std::size_t(2));
        const double mhz = record(evE, ".OBSERVE FREQUENCY", 0).toDouble();
        QCOMPARE(mhz, 400.112);
        for (const auto &series : evE.series) {
            QCOMPARE(series.xUnit, QStringLiteral("ppm"));
            QVERIFY(series.xReversed);
            QCOMPARE(series.x.size(), std::size_t(16384));
            QVERIFY(std::fabs(series.x.front() - 11.00659) < 1e-9);
            QVERIFY(std::fabs((series.x.front() - series.x.back()) - 4807.69230769231 / mhz) <
                    1e-9);
        }
        // Ethyl vinyl ether: the CH3 triplet (the tallest signal) at 1.3 ppm, =CH-O at 6.47.
        const Series &real = evE.series[0];
        const auto tallest = std::max_element(real.y.begin(), real.y.end()) - real.y.begin();
        QVERIFY2(std::fabs(real.x[std::size_t(tallest)] - 1.30) < 0.05,
                 qPrintable(QString::number(real.x[std::size_t(tallest)])));

        // JEOL: plain Hz from FIRSTX to LASTX (its DELTAX has the wrong sign: a warning).
        const Dataset jeol = mustRead(readFile("jeol.dx"));
        const Series &s = jeol.series.at(0);
        const double jeolMhz = 399.784493896;
        QCOMPARE(s.xUnit, QStringLiteral("ppm"));
        QCOMPARE(s.xName, QStringLiteral("Chemical shift"));
        QVERIFY(s.xReversed);
        QVERIFY(std::fabs(s.x.front() - 6037.9072694778 / jeolMhz) < 1e-9);
        QVERIFY(std::fabs(s.x.back() - -1953.6127495766 / jeolMhz) < 1e-9);
        QVERIFY(s.x.front() > s.x.back());
        QVERIFY(std::any_of(jeol.warnings.begin(), jeol.warnings.end(),
                            [](const QString &w) { return w.contains(QLatin1String("DELTAX")); }));
    }

    void shiftReferenceSetsThePpmScale() {
        auto result =
            readJcamp("##TITLE=ref\n##DATA TYPE=NMR SPECTRUM\n##.OBSERVE FREQUENCY=100\n"
                      "##.SHIFT REFERENCE=(INTERNAL, TMS, 11, 0.5)\n##XUNITS=HZ\n##FIRSTX=1000\n"
                      "##LASTX=0\n##NPOINTS=11\n##XYDATA=(X++(Y..Y))\n1000 1 2 3 4 5 6\n400 7 8 9 "
                      "10 11\n##END=\n");
        QVERIFY2(result.ok(), qPrintable(result.error()));
        const Series &s = result->series[0];
        QVERIFY(std::fabs(s.x.back() - 0.5) < 1e-12);
        QVERIFY(std::fabs(s.x.front() - 10.5) < 1e-12);
        QVERIFY(s.xReversed);
    }

    void infraredWavenumbersAreReversed() {
        auto ir = readJcamp(
            jcamp("##XUNITS=1/CM\n##YUNITS=ABSORBANCE\n##FIRSTX=4000\n##LASTX=3997\n##NPOINTS=4\n",
                  "##XYDATA=(X++(Y..Y))", "4000 1 2 3 4\n"));
        QVERIFY2(ir.ok(), qPrintable(ir.error()));
        QVERIFY(ir->series[0].xReversed);
        QCOMPARE(ir->series[0].xName, QStringLiteral("Wavenumber"));
        QCOMPARE(ir->series[0].yName, QStringLiteral("Absorbance"));
        const Dataset uv = mustRead(readFile("misc_uv.jdx"));
        QVERIFY(!uv.series[0].xReversed);
        QCOMPARE(uv.series[0].xUnit, QStringLiteral("nm"));
    }

    void ntuplesAndLinkFilesGiveTheirSeriesAndBlocks() {
        const Dataset nd = mustRead(readFile("structure_ntuples.jdx"));
        QCOMPARE(nd.series.size(), std::size_t(4)); // four pages F1=0..3
        for (int page = 0; page < 4; ++page) {
            const Series &s = nd.series[std::size_t(page)];
            QCOMPARE(s.name, QStringLiteral("Y (F1=%1)").arg(page));
            QCOMPARE(s.x, (std::vector<double>{4, 5, 6}));
            QCOMPARE(s.y,
                     (std::vector<double>{double(2 + page), double(3 + page), double(4 + page)}));
        }
        const Dataset tga = mustRead(readFile("misc_multivariable.jdx"));
        QCOMPARE(tga.series.size(), std::size_t(2)); // Temperature and Time against Weight
        QCOMPARE(tga.series[0].xName, QStringLiteral("Weight"));
        QCOMPARE(tga.series[0].yName, QStringLiteral("Temperature"));
        QCOMPARE(tga.series[0].yUnit, QStringLiteral("°C"));
        QCOMPARE(tga.series[1].yName, QStringLiteral("Time"));
        QCOMPARE(tga.series[1].y, (std::vector<double>{1, 2, 3, 4, 5, 6}));
        QCOMPARE(tga.warnings.size(), 1); // VAR_DIM says 5, the table has 6 rows

        const Dataset link = mustRead(readFile("misc_uv.jdx"));
        QCOMPARE(link.blockCount, 2);
        QCOMPARE(link.series.size(), std::size_t(2));
        QVERIFY(link.series[0].block != link.series[1].block);
        QCOMPARE(link.series[0].yName, QStringLiteral("Absorbance"));
        QCOMPARE(link.series[1].yUnit, QStringLiteral("VARIANCE"));
        QVERIFY(link.warnings.isEmpty());

        const Dataset two = mustRead(readFile("structure_two.jdx"));
        QCOMPARE(two.blockCount, 2);
        QCOMPARE(two.series[1].name, QStringLiteral("3 4 5"));
        QCOMPARE(two.series[1].x, (std::vector<double>{3, 4}));
    }

    void linkBlocksAreCountedAgainstBlocks() {
        auto result = readJcamp(
            "##TITLE=link\n##DATA TYPE=LINK\n##BLOCKS=3\n"
            "##TITLE=a\n##BLOCK_ID=1\n##PEAK TABLE=(XY..XY)\n1 2\n##END=\n"
            "##TITLE=b\n##BLOCK_ID=2\n##PEAK TABLE=(XYW..XYW)\n1 2 0.1; 3 4 0.2\n##END=\n##END=\n");
        QVERIFY2(result.ok(), qPrintable(result.error()));
        QCOMPARE(result->blockCount, 2);
        QCOMPARE(result->series[1].y, (std::vector<double>{2, 4}));
        QCOMPARE(result->warnings.size(), 1);
        QVERIFY(result->warnings[0].contains(QLatin1String("BLOCKS")));
    }

    void metadataKeepsEveryRecordAsWritten() {
        const Dataset d = mustRead(readFile("compression_jcamp-difdup.dx"));
        QCOMPARE(d.value(QString::fromLatin1(key::origin)),
                 QStringLiteral("UXNMR, Bruker Analytische Messtechnik GmbH"));
        QCOMPARE(d.value(QString::fromLatin1(key::instrument)), QStringLiteral("av400"));
        QCOMPARE(record(d, "$EXPNO", 0), QStringLiteral("1"));
        QCOMPARE(record(d, ".OBSERVE NUCLEUS", 0), QStringLiteral("^1H"));
        QCOMPARE(record(d, "JCAMPDX", 0), QStringLiteral("5.0")); // the comment after it is gone
        QCOMPARE(d.format, QStringLiteral("JCAMP-DX 5.0"));
    }

    void latin1TextIsReadAsLatin1() {
        QByteArray bytes = jcamp("##OWNER=J\xFCrgen M\xFCller\n##YUNITS=\xB0"
                                 "C\n",
                                 "##PEAK TABLE=(XY..XY)", "1 2\n");
        auto result = readJcamp(bytes);
        QVERIFY2(result.ok(), qPrintable(result.error()));
        QCOMPARE(result->value(QString::fromLatin1(key::owner)), QStringLiteral("Jürgen Müller"));
        QCOMPARE(result->series[0].yUnit, QStringLiteral("°C"));
    }

    // Inputs shaped to make a careless reader quadratic or huge (the fuzz script runs 1 MiB of
    // the same shapes under the sanitizers); each is made at any size.
    void hostileInputsReadInLinearTime_data() {
        QTest::addColumn<int>("shape");
        const QStringList names = {"long list, many pages",     "nested blocks",
                                   "long title, many warnings", "one long line",
                                   "repeats to the limit",      "lone carriage returns"};
        for (int i = 0; i < names.size(); ++i)
            QTest::newRow(qPrintable(names[i])) << i;
    }
    static QByteArray hostileJcamp(int shape, qsizetype size) {
        switch (shape) {
        case 0: {
            QByteArray pages =
                "##TITLE=a\n##NTUPLES=x\n##SYMBOL=" + QByteArray("X,").repeated(size / 7) + "Y\n";
            pages +=
                QByteArray("##PAGE=1\n##FIRST=1\n##DATA TABLE=(XY..XY)\n1 2\n").repeated(size / 58);
            return pages.left(size);
        }
        case 1:
            return QByteArray("##TITLE=a\n").repeated(size / 10 + 1).left(size);
        case 2:
            return ("##TITLE=" + QByteArray(size / 2, 'x') + "\n" +
                    QByteArray("##PEAK TABLE=(XYZ)\n").repeated(size / 40))
                .left(size);
        case 3:
            return "##TITLE=a\n##FIRSTX=0\n##DELTAX=1\n##XYDATA=(X++(Y..Y))\n0 A" +
                   QByteArray(size, 'J') + "\n";
        case 4:
            return ("##TITLE=a\n##FIRSTX=0\n##DELTAX=1\n##XYDATA=(X++(Y..Y))\n" +
                    QByteArray("0 As9999999\n").repeated(size / 12 + 1))
                .left(size);
        default:
            return "##TITLE=a\r" + QByteArray(size, '\r');
        }
    }
    void hostileInputsReadInLinearTime() {
        QFETCH(int, shape);
        const QString slower = test::checkGrowsLinearly(
            [shape](qsizetype size) {
                (void)readDataset(hostileJcamp(shape, size), "hostile.jdx");
            },
            qsizetype(1) << 18);
        QVERIFY2(slower.isEmpty(), qPrintable(slower));
    }

    void malformedFilesGiveMessagesNotCrashes_data() {
        QTest::addColumn<QByteArray>("bytes");
        QTest::addColumn<QString>("message");
        QTest::newRow("no title") << QByteArray("##XYDATA=(X++(Y..Y))\n1 2\n") << "##TITLE";
        QTest::newRow("no data") << QByteArray("##TITLE=x\n##END=\n") << "no data table";
        QTest::newRow("letter") << jcamp("##FIRSTX=0\n##DELTAX=1\n", "##XYDATA=(X++(Y..Y))",
                                         "0 1 2 !\n")
                                << "'!'";
        QTest::newRow("dup first")
            << jcamp("##FIRSTX=0\n##DELTAX=1\n", "##XYDATA=(X++(Y..Y))", "0 S\n") << "DUP";
        QTest::newRow("dif first")
            << jcamp("##FIRSTX=0\n##DELTAX=1\n", "##XYDATA=(X++(Y..Y))", "0 J\n") << "DIF";
        QTest::newRow("zero factor")
            << jcamp("##YFACTOR=0\n", "##XYDATA=(X++(Y..Y))", "0 1\n") << "factor of 0";
        QTest::newRow("huge dup") << jcamp("##FIRSTX=0\n##DELTAX=1\n", "##XYDATA=(X++(Y..Y))",
                                           "0 1s99999999999\n")
                                  << "more points";
        QTest::newRow("no spacing") << jcamp("", "##XYDATA=(X++(Y..Y))", "0 1 2\n") << "x spacing";
        QTest::newRow("bad symbol") << QByteArray("##TITLE=n\n##NTUPLES=x\n##SYMBOL=X,Y\n##PAGE=1\n"
                                                  "##DATA TABLE=(X++(Q..Q)), XYDATA\n1 2\n##END=\n")
                                    << "Q";
    }
    void malformedFilesGiveMessagesNotCrashes() {
        QFETCH(QByteArray, bytes);
        QFETCH(QString, message);
        auto result = readJcamp(bytes);
        QVERIFY(!result.ok());
        QVERIFY2(result.error().contains(message), qPrintable(result.error()));
    }
};

QTEST_GUILESS_MAIN(TestJcamp)
#include "tst_jcamp.moc"
