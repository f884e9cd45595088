// The delimited-text reader on the shapes spreadsheet and instrument exports come in, each
// written here as bytes: separators, decimal commas, preambles, units in headers, encodings,
// line ends, RFC 4180 quoting, and rows that are not numbers.

#include "formats/DelimitedText.h"
#include "formats/Readers.h"
#include "Scaling.h"

#include <QRandomGenerator>
#include <QtTest>

#include <cmath>

using namespace quire;
using namespace quire::formats;

namespace {

Dataset mustRead(const QByteArray &bytes) {
    auto result = readDelimitedText(bytes);
    if (!result) qWarning("read failed: %s", qPrintable(result.error()));
    return result ? *result : Dataset{};
}

QString field(const Dataset &dataset, const QString &key) {
    for (const auto &f : dataset.metadata)
        if (f.key == key) return f.value;
    return QStringLiteral("<none>");
}

} // namespace

class TestDelimitedText : public QObject {
    Q_OBJECT

private slots:
    void commaSeparatedWithUnitsInTheHeader() {
        const Dataset d = mustRead("Wavelength (nm),Abs [AU],T/\xC2\xB0"
                                   "C\n200,0.1,25\n201,0.25,25.5\n202,1e-3,26\n");
        QCOMPARE(d.series.size(), std::size_t(2));
        const Series &abs = d.series[0];
        QCOMPARE(abs.xName, QStringLiteral("Wavelength"));
        QCOMPARE(abs.xUnit, QStringLiteral("nm"));
        QCOMPARE(abs.yName, QStringLiteral("Abs"));
        QCOMPARE(abs.yUnit, QStringLiteral("AU"));
        QCOMPARE(abs.x, (std::vector<double>{200, 201, 202}));
        QCOMPARE(abs.y, (std::vector<double>{0.1, 0.25, 0.001}));
        QCOMPARE(d.series[1].yName, QStringLiteral("T"));
        QCOMPARE(d.series[1].yUnit, QStringLiteral("°C"));
        QCOMPARE(d.series[1].y, (std::vector<double>{25, 25.5, 26}));
        QVERIFY(!abs.xReversed);
        QVERIFY(d.warnings.isEmpty());
        QCOMPARE(field(d, QString::fromLatin1(key::xUnits)), QStringLiteral("nm"));
    }

    void semicolonsWithDecimalCommaAndAPreamble() {
        const Dataset d = mustRead("Instrument: UV-2600\r\nSample;Batch 7\r\nOperator = Kim\r\n\r\n"
                                   "Wellenl\xC3\xA4nge / nm;Extinktion\r\n"
                                   "400,5;1,23\r\n401,0;-0,5\r\n401,5;2\r\n");
        QVERIFY(d.format.contains(QLatin1String("semicolon")));
        QVERIFY(d.format.contains(QLatin1String("decimal comma")));
        QCOMPARE(d.series.size(), std::size_t(1));
        QCOMPARE(d.series[0].x, (std::vector<double>{400.5, 401.0, 401.5}));
        QCOMPARE(d.series[0].y, (std::vector<double>{1.23, -0.5, 2}));
        QCOMPARE(d.series[0].xName, QStringLiteral("Wellenlänge"));
        QCOMPARE(d.series[0].xUnit, QStringLiteral("nm"));
        QCOMPARE(field(d, "Instrument"), QStringLiteral("UV-2600"));
        QCOMPARE(field(d, "Sample"), QStringLiteral("Batch 7"));
        QCOMPARE(field(d, "Operator"), QStringLiteral("Kim"));
        QCOMPARE(field(d, QString::fromLatin1(key::instrument)), QStringLiteral("UV-2600"));
        QCOMPARE(field(d, QString::fromLatin1(key::sample)), QStringLiteral("Batch 7"));
        QCOMPARE(field(d, QString::fromLatin1(key::owner)), QStringLiteral("Kim"));
    }

    void tabsWithBomAndCrlfAndManyColumns() {
        const Dataset d = mustRead("\xEF\xBB\xBFtime (s)\tA\tB\tC\r\n0\t1\t2\t3\r\n1\t4\t5\t6\r\n");
        QVERIFY(d.format.contains(QLatin1String("tab")));
        QCOMPARE(d.series.size(), std::size_t(3));
        QCOMPARE(d.series[0].xName, QStringLiteral("time")); // the BOM is not part of the name
        QCOMPARE(d.series[0].xUnit, QStringLiteral("s"));
        QCOMPARE(d.series[2].name, QStringLiteral("C"));
        QCOMPARE(d.series[2].y, (std::vector<double>{3, 6}));
        QCOMPARE(d.series[2].x, (std::vector<double>{0, 1}));
    }

    void tabsWithDecimalComma() {
        const Dataset d = mustRead("x\ty\n1,5\t2,25\n2,5\t3,75\n");
        QCOMPARE(d.series[0].x, (std::vector<double>{1.5, 2.5}));
        QCOMPARE(d.series[0].y, (std::vector<double>{2.25, 3.75}));
    }

    void latin1AndUtf8HeadersBothGiveDegrees() {
        const Dataset latin1 = mustRead("t/min;T/\xB0"
                                        "C\n1;20\n2;21\n");
        QCOMPARE(latin1.series[0].yUnit, QStringLiteral("°C"));
        QCOMPARE(latin1.series[0].xUnit, QStringLiteral("min"));
        const Dataset utf8 = mustRead("t/min;T/\xC2\xB0"
                                      "C\n1;20\n2;21\n");
        QCOMPARE(utf8.series[0].yUnit, QStringLiteral("°C"));
        QCOMPARE(latin1.series[0].y, utf8.series[0].y);
    }

    void utf16WithBomIsRead() {
        const QString text =
            QStringLiteral("Wavenumber (cm⁻¹),Transmittance\n4000,0.9\n3999,0.8\n");
        QByteArray bytes("\xFF\xFE", 2);
        bytes.append(reinterpret_cast<const char *>(text.utf16()), text.size() * 2);
        const Dataset d = mustRead(bytes);
        QCOMPARE(d.series.size(), std::size_t(1));
        QCOMPARE(d.series[0].xUnit, QStringLiteral("cm⁻¹"));
        QVERIFY(d.series[0].xReversed); // IR wavenumbers are read from right to left
        QCOMPARE(d.series[0].y, (std::vector<double>{0.9, 0.8}));
    }

    void quotedFieldsFollowRfc4180() {
        const Dataset d = mustRead("\"Title\",\"Run, \"\"final\"\"\"\n"
                                   "\"Note\",\"two\nlines\"\n"
                                   "\"x (nm)\",\"Signal, raw\"\n"
                                   "\"1\",\"2.5\"\n\"2\",\"3,5\"\n3,4\n");
        QCOMPARE(field(d, "Title"), QStringLiteral("Run, \"final\""));
        QCOMPARE(field(d, "Note"), QStringLiteral("two\nlines"));
        QCOMPARE(d.series.size(), std::size_t(1));
        QCOMPARE(d.series[0].yName, QStringLiteral("Signal, raw"));
        QCOMPARE(d.series[0].xUnit, QStringLiteral("nm"));
        // A quoted "3,5" is a decimal comma even in a comma-separated file.
        QCOMPARE(d.series[0].y, (std::vector<double>{2.5, 3.5, 4}));
    }

    void everyLineEndingReadsTheSame() {
        const QByteArray lf = "x,y\n1,2\n3,4\n";
        QByteArray crlf = lf, cr = lf;
        crlf.replace("\n", "\r\n");
        cr.replace("\n", "\r");
        const Dataset a = mustRead(lf), b = mustRead(crlf), c = mustRead(cr);
        QCOMPARE(a.series[0].y, (std::vector<double>{2, 4}));
        QCOMPARE(b.series[0].y, a.series[0].y);
        QCOMPARE(c.series[0].y, a.series[0].y);
        QCOMPARE(c.series[0].x, a.series[0].x);
    }

    void twoColumnXyTextWithoutHeader() {
        const Dataset d = mustRead("  400.0   0.125\n  400.5   0.250\n\t401.0\t-1.5E-02\n");
        QVERIFY(d.format.contains(QLatin1String("blank")));
        QCOMPARE(d.series.size(), std::size_t(1));
        QCOMPARE(d.series[0].xName, QStringLiteral("x"));
        QCOMPARE(d.series[0].yName, QStringLiteral("y"));
        QCOMPARE(d.series[0].y, (std::vector<double>{0.125, 0.25, -0.015}));
    }

    void blankSeparatedHeaderKeepsUnitsWithTheirNames() {
        const Dataset d = mustRead("# Sample: S1\nWavelength (nm)   Abs [AU]\n300 0.1\n301 0.2\n");
        QCOMPARE(d.series[0].xName, QStringLiteral("Wavelength"));
        QCOMPARE(d.series[0].xUnit, QStringLiteral("nm"));
        QCOMPARE(d.series[0].yName, QStringLiteral("Abs"));
        QCOMPARE(field(d, "Sample"), QStringLiteral("S1"));
    }

    void rowsThatAreNotNumbersAreCountedNotFatal() {
        const Dataset d =
            mustRead("x,y\n1,2\n2,oops\n3,4\n,5\n4,\n# a comment in the table\nEnd of data\n");
        QCOMPARE(d.series[0].x, (std::vector<double>{1, 3, 4}));
        QCOMPARE(d.series[0].y[0], 2.0);
        QCOMPARE(d.series[0].y[1], 4.0);
        QVERIFY(std::isnan(d.series[0].y[2])); // an empty cell is a gap
        QCOMPARE(d.warnings.size(), 2);
        QVERIFY2(d.warnings[0].startsWith(QLatin1String("3 rows of the table")),
                 qPrintable(d.warnings[0]));
        QVERIFY(d.warnings[0].contains(QLatin1String("line 3")));
        QVERIFY2(d.warnings[1].startsWith(QLatin1String("1 value")), qPrintable(d.warnings[1]));
    }

    void trailingDelimitersMakeNoEmptySeries() {
        const Dataset d = mustRead("x;y;\n1;2;\n3;4;\n");
        QCOMPARE(d.series.size(), std::size_t(1));
        QCOMPARE(d.series[0].y, (std::vector<double>{2, 4}));
        QVERIFY(d.warnings.isEmpty());
    }

    void chemicalShiftColumnIsReversedButConcentrationIsNot() {
        QVERIFY(mustRead("Shift (ppm),Intensity\n7.26,100\n0,5\n").series[0].xReversed);
        QVERIFY(!mustRead("Concentration (ppm),Signal\n1,100\n2,200\n").series[0].xReversed);
    }

    void numbersConvertToTheNearestDouble() {
        // The reader's fast path (an integer and a power of ten) against Qt's own correctly
        // rounded conversion, on numbers written the ways instruments write them.
        QRandomGenerator random(42);
        QByteArray csv = "x,y\n";
        QList<QByteArray> written;
        for (int i = 0; i < 20000; ++i) {
            const double v =
                (random.generateDouble() - 0.5) * std::pow(10.0, random.bounded(-12, 13));
            // Locale-independent, unlike printf: "%.17g", "%.6f", "%.3e", "%.9E", "%g", "%.15f".
            const std::pair<char, int> formats[] = {{'g', 17}, {'f', 6}, {'e', 3},
                                                    {'E', 9},  {'g', 6}, {'f', 15}};
            const auto [format, precision] = formats[i % 6];
            const QByteArray text = QByteArray::number(v, format, precision);
            written << text;
            csv += QByteArray::number(i) + ',' + text + '\n';
        }
        const Dataset d = mustRead(csv);
        QCOMPARE(d.series[0].y.size(), std::size_t(written.size()));
        for (int i = 0; i < written.size(); ++i) {
            bool ok = false;
            const double expected = written[i].toDouble(&ok);
            QVERIFY(ok);
            if (d.series[0].y[std::size_t(i)] != expected)
                QFAIL(qPrintable(QStringLiteral("%1 read as %2, not %3")
                                     .arg(QString::fromLatin1(written[i]))
                                     .arg(d.series[0].y[std::size_t(i)], 0, 'g', 17)
                                     .arg(expected, 0, 'g', 17)));
        }
    }

    void hostileInputsReadInLinearTime_data() {
        // Shapes that make a careless reader quadratic or huge (the fuzz script runs 1 MiB of
        // each under the sanitizers); each is made at any size.
        QTest::addColumn<int>("shape");
        const QStringList names = {"lone carriage returns", "one wide row",  "commas", "quotes",
                                   "open quotes",           "preamble only", "numbers"};
        for (int i = 0; i < names.size(); ++i)
            QTest::newRow(qPrintable(names[i])) << i;
    }
    static QByteArray hostileText(int shape, qsizetype size) {
        switch (shape) {
        case 0:
            return "x,y\r1,2" + QByteArray(size, '\r');
        case 1:
            return QByteArray("1 ").repeated(size / 2);
        case 2:
            return QByteArray(size, ',');
        case 3:
            return QByteArray(size, '"');
        case 4:
            return "x,y\n" + QByteArray("1,\"2\n").repeated(size / 5);
        case 5:
            return QByteArray("Key: value\n").repeated(size / 11) + "1,2\n";
        default:
            return QByteArray("1.5,2.5,3.5\n").repeated(size / 12);
        }
    }
    void hostileInputsReadInLinearTime() {
        QFETCH(int, shape);
        const QString slower = test::checkGrowsLinearly(
            [shape](qsizetype size) { (void)readDataset(hostileText(shape, size), "hostile.csv"); },
            qsizetype(1) << 19);
        QVERIFY2(slower.isEmpty(), qPrintable(slower));
    }

    void textWithoutATableIsRefused() {
        auto prose = readDelimitedText("Dear colleague,\nplease find the data attached.\n");
        QVERIFY(!prose.ok());
        QVERIFY2(prose.error().contains(QLatin1String("no table of numbers")),
                 qPrintable(prose.error()));
        QVERIFY(!readDelimitedText(QByteArray("1\n2\n3\n"))
                     .ok()); // one column: nothing to plot against
        QVERIFY(!looksLikeDelimitedText("just words here\n"));
        QVERIFY(looksLikeDelimitedText("a,b\n1,2\n"));
        // Past the 64 KiB that sniffing looks at (once read through a dangling view).
        QByteArray large = "x,y\n";
        while (large.size() < 200 * 1024)
            large += "1.5,2.5\n";
        QVERIFY(looksLikeDelimitedText(large));
        QCOMPARE(sniff(large, "large.csv"), FileKind::DelimitedText);
    }

    void registryPicksTheReaderByContent() {
        QCOMPARE(sniff("x,y\n1,2\n", "data.csv"), FileKind::DelimitedText);
        QCOMPARE(sniff("x,y\n1,2\n", "data.jdx"), FileKind::DelimitedText); // content wins
        QCOMPARE(sniff("##TITLE=a\n##XYDATA=(XY..XY)\n1 2\n##END=\n", "spectrum.txt"),
                 FileKind::Jcamp);
        QCOMPARE(sniff("$$ written by hand\n\n##TITLE=a\n", QString()), FileKind::Jcamp);
        QCOMPARE(sniff(QByteArray("\x89PNG\r\n\x1a\n\0\0\0\rIHDR", 16), "plot.png"),
                 FileKind::Unknown);
        QCOMPARE(sniff(QByteArray(), "empty.csv"), FileKind::Unknown);

        auto csv = readDataset("x,y\n1,2\n", "data.csv");
        QVERIFY(csv.ok());
        auto jcamp = readDataset("##TITLE=a\n##PEAK TABLE=(XY..XY)\n1 2\n##END=\n", "a.jdx");
        QVERIFY(jcamp.ok());
        QVERIFY(jcamp->format.startsWith(QLatin1String("JCAMP-DX")));

        for (const auto &[bytes, name] :
             {std::pair{QByteArray("\x89PNG\r\n\x1a\n\0\0\0\rIHDR", 16), QString("plot.png")},
              std::pair{QByteArray(), QString("empty.csv")},
              std::pair{QByteArray("Dear colleague\n"), QString("letter.txt")},
              std::pair{QByteArray("not jcamp\n"), QString("broken.jdx")}}) {
            auto result = readDataset(bytes, name);
            QVERIFY(!result.ok());
            QVERIFY2(result.error().startsWith(QLatin1String("not a file Quire can read: ")),
                     qPrintable(result.error()));
            QVERIFY2(result.error().contains(name), qPrintable(result.error()));
        }
        // A file the registry recognises but cannot read says which kind it took it for.
        auto broken = readDataset("##TITLE=a\n##XYDATA=(X++(Y..Y))\n1 2 !\n##END=\n", "bad.jdx");
        QVERIFY(!broken.ok());
        QVERIFY2(broken.error().startsWith(
                     QLatin1String("bad.jdx is a JCAMP-DX file, but it cannot be read")),
                 qPrintable(broken.error()));
    }
};

QTEST_GUILESS_MAIN(TestDelimitedText)
#include "tst_delimited_text.moc"
