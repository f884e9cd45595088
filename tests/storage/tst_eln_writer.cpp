// ElnWriter (storage/formats/eln): names made safe for any system, names refused before a byte
// is written, and a zip that Python's zipfile and Info-ZIP's unzip read back byte for byte.

#include "formats/eln/ElnWriter.h"
#include "TestSupport.h"

#include <QBuffer>
#include <QTemporaryDir>
#include <QtTest>

using namespace quire;
using quire::eln::ElnWriter;

class ElnWriterTest : public QObject {
    Q_OBJECT

private slots:
    void safeNamesKeepLettersDigitsAndTheExtension() {
        QCOMPARE(ElnWriter::safeName(QStringLiteral("Kristall Ümlaut.png")),
                 QStringLiteral("Kristall-Umlaut.png"));
        QCOMPARE(ElnWriter::safeName(QStringLiteral("uv scan (1).csv")),
                 QStringLiteral("uv-scan-1.csv"));
        QCOMPARE(ElnWriter::safeName(QStringLiteral("../../etc/passwd")),
                 QStringLiteral("etc-passwd"));
        QCOMPARE(ElnWriter::safeName(QStringLiteral("CON")), QStringLiteral("_CON"));
        QCOMPARE(ElnWriter::safeName(QStringLiteral("lpt1.txt")), QStringLiteral("_lpt1.txt"));
        QCOMPARE(ElnWriter::safeName(QStringLiteral("日本語")), QStringLiteral("untitled"));
        QCOMPARE(ElnWriter::safeName(QStringLiteral("trailing dots...")),
                 QStringLiteral("trailing-dots"));
        const QString longName =
            ElnWriter::safeName(QString(200, u'a') + QStringLiteral(".jdx"), 48);
        QCOMPARE(longName.size(), 48);
        QVERIFY(longName.endsWith(QStringLiteral(".jdx")));
        for (const QString &made : {ElnWriter::safeName(QStringLiteral("a:b*c?d\"e<f>g|h\\i")),
                                    ElnWriter::safeName(QStringLiteral("\x01\x02 tab\there"))})
            QVERIFY2(ElnWriter::pathProblem(QStringLiteral("root/") + made).isEmpty(),
                     qPrintable(made));
    }

    void unsafePathsAreRefused() {
        for (const char *bad : {"../x", "/abs/x", "root/../x", "root/./x", "root//x", "root/a\\b",
                                "root/CON.txt", "root/x.", "root/a:b", "root/tab\there"})
            QVERIFY2(!ElnWriter::pathProblem(QString::fromUtf8(bad)).isEmpty(), bad);
        QVERIFY(
            ElnWriter::pathProblem(QStringLiteral("root/exp-1/0001-Drops/entry.html")).isEmpty());
    }

    void oneRootFolderAndNoNamesThatCollide() {
        QBuffer buffer;
        QVERIFY(buffer.open(QIODevice::WriteOnly));
        ElnWriter w(&buffer);
        QVERIFY(w.open());
        QVERIFY(!w.addFile(QStringLiteral("root/a.txt"), "x", {})); // the root folder first
        QVERIFY(w.addDirectory(QStringLiteral("root"), {}));
        QVERIFY(!w.addDirectory(QStringLiteral("other"), {}));
        QVERIFY(w.addFile(QStringLiteral("root/Data.csv"), "1,2\n", {}));
        const auto twice = w.addFile(QStringLiteral("root/data.CSV"), "3,4\n", {});
        QVERIFY(!twice);
        QVERIFY2(twice.error().contains(QStringLiteral("collide")), qPrintable(twice.error()));
        QVERIFY(w.beginFile(QStringLiteral("root/short.bin"), 10, {}, false));
        QVERIFY(w.writeData("12345"));
        QVERIFY(!w.writeData("1234567")); // more than its size
        QVERIFY(!w.endFile());            // and not as many as it said
    }

    void theZipReadsBackByteForByte() {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("t.eln"));
        QFile file(path);
        QVERIFY(file.open(QIODevice::WriteOnly));
        QByteArray big(3 * 1024 * 1024 + 17, Qt::Uninitialized);
        for (qsizetype i = 0; i < big.size(); ++i)
            big[i] = char((i * 7919) >> 3);
        {
            ElnWriter w(&file);
            QVERIFY(w.open());
            const QDateTime when =
                QDateTime::fromString(QStringLiteral("2026-11-24T19:33:25Z"), Qt::ISODate);
            QVERIFY(w.addDirectory(QStringLiteral("t"), when));
            QVERIFY(w.addFile(QStringLiteral("t/ro-crate-metadata.json"), "{\"@graph\":[]}", when));
            QVERIFY(w.addDirectory(QStringLiteral("t/sub"), when));
            QVERIFY(w.beginFile(QStringLiteral("t/sub/big.bin"), big.size(), when, false));
            for (qsizetype at = 0; at < big.size(); at += 1000000)
                QVERIFY(w.writeData(big.mid(at, 1000000)));
            QVERIFY(w.endFile());
            QVERIFY(w.addFile(QStringLiteral("t/sub/text.txt"), QByteArray(100000, 'a'), when));
            QVERIFY(w.close());
            QCOMPARE(w.bytesWritten(), file.pos());
        }
        file.close();
        const auto unzip = quire::test::runTool(QStringLiteral("unzip"), {"-t", path});
        QVERIFY2(unzip.exitCode == 0, qPrintable(unzip.all()));
        const auto py = quire::test::runTool(
            QStringLiteral("python3"),
            {"-c",
             "import sys, zipfile, hashlib\n"
             "z = zipfile.ZipFile(sys.argv[1])\n"
             "for i in z.infolist(): print(i.filename, i.file_size, "
             "hashlib.sha256(z.read(i)).hexdigest() if not i.is_dir() else '-')\n",
             path});
        QVERIFY2(py.exitCode == 0, qPrintable(py.all()));
        const QStringList lines = QString::fromUtf8(py.out).trimmed().split('\n');
        QCOMPARE(lines.size(), 5);
        QCOMPARE(lines.at(0), QStringLiteral("t/ 0 -"));
        QVERIFY(lines.at(3).startsWith(
            QStringLiteral("t/sub/big.bin %1 %2")
                .arg(big.size())
                .arg(QString::fromLatin1(
                    QCryptographicHash::hash(big, QCryptographicHash::Sha256).toHex()))));
    }
};

QTEST_GUILESS_MAIN(ElnWriterTest)
#include "tst_eln_writer.moc"
