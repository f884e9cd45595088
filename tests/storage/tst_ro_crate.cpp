// RoCrate and ElnArchiveReader, pure: the variations real exporters write (a @graph that is one
// object, ids with and without "./" and a trailing "/", percent-encoded ids, hasPart as bare
// strings, keywords as a string or a list, an inline author, a description that references a
// TextObject, no descriptor), and the path rules held to archive names and metadata ids alike.

#include "formats/eln/ElnArchiveReader.h"
#include "formats/eln/RoCrate.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QtTest>

using namespace quire::eln;

namespace {
QByteArray doc(const QJsonValue &graph) {
    return QJsonDocument(QJsonObject{{"@context", "https://w3id.org/ro/crate/1.1/context"},
                                     {"@graph", graph}})
        .toJson();
}
constexpr qint64 kMax = 64LL * 1024 * 1024;
} // namespace

class RoCrateTest : public QObject {
    Q_OBJECT

private slots:
    void idsMatchWithOrWithoutDotSlashTrailingSlashAndPercentEncoding() {
        const QJsonArray graph{
            QJsonObject{{"@id", "ro-crate-metadata.json"},
                        {"@type", "CreativeWork"},
                        {"about", QJsonObject{{"@id", "./"}}}},
            QJsonObject{
                {"@id", "./"},
                {"@type", QJsonArray{"Dataset"}},
                {"hasPart", QJsonArray{"experiment%20A", QJsonObject{{"@id", "./b/c.txt"}}}}},
            QJsonObject{{"@id", "./experiment A/"}, {"@type", "Dataset"}, {"name", "A"}},
            QJsonObject{{"@id", "b/c.txt"}, {"@type", "File"}}};
        auto crate = RoCrate::parse(doc(graph), kMax);
        QVERIFY2(crate, qPrintable(crate.error()));
        const auto parts = crate->refs(crate->root(), "hasPart");
        QCOMPARE(parts.size(), 2);
        QCOMPARE(parts.at(0)->id, QString("./experiment A/"));
        QCOMPARE(parts.at(1)->key, QString("b/c.txt"));
        QCOMPARE(RoCrate::keyOf("./a//b/./c/"), QString("a/b/c"));
        QVERIFY(!RoCrate::isLocalId("https://example.org/x"));
        QVERIFY(!RoCrate::isLocalId("#person"));
        QVERIFY(RoCrate::isLocalId("./x.csv"));
    }

    void aGraphThatIsOneObjectAndNoDescriptorStillHasItsRoot() {
        auto crate = RoCrate::parse(
            doc(QJsonObject{{"@id", "./"}, {"@type", "Dataset"}, {"name", "Solo"}}), kMax);
        QVERIFY2(crate, qPrintable(crate.error()));
        QCOMPARE(crate->text(crate->root(), "name"), QString("Solo"));
    }

    void keywordsPeopleAndDescriptionsInEveryShape() {
        const QJsonArray graph{
            QJsonObject{{"@id", "ro-crate-metadata.json"},
                        {"@type", "CreativeWork"},
                        {"about", QJsonObject{{"@id", "./"}}},
                        {"sdPublisher", QJsonObject{{"@id", "#eln"}}}},
            QJsonObject{{"@id", "#eln"}, {"@type", "Organization"}, {"name", "Some ELN"}},
            QJsonObject{{"@id", "./"},
                        {"@type", "Dataset"},
                        {"hasPart",
                         QJsonArray{QJsonObject{{"@id", "./x/"}}, QJsonObject{{"@id", "./y/"}}}}},
            QJsonObject{{"@id", "./x/"},
                        {"@type", "Dataset"},
                        {"keywords", "buffer, pH ,  , buffer"},
                        {"author", QJsonObject{{"@type", "Person"},
                                               {"givenName", "Bruce"},
                                               {"familyName", "Wayne"},
                                               {"email", "bruce@wayne.com"}}},
                        {"description", QJsonObject{{"@id", "#desc"}}}},
            QJsonObject{{"@id", "#desc"},
                        {"@type", "TextObject"},
                        {"text", "# Heading"},
                        {"encodingFormat", "text/markdown"}},
            QJsonObject{{"@id", "./y/"},
                        {"@type", "Dataset"},
                        {"keywords", QJsonArray{"a", "b"}},
                        {"author", "Plain Name"},
                        {"contentSize", 12},
                        {"description", "plain"}}};
        auto crate = RoCrate::parse(doc(graph), kMax);
        QVERIFY2(crate, qPrintable(crate.error()));
        QCOMPARE(crate->publisher(), QString("Some ELN"));
        const auto *x = crate->find("x");
        const auto *y = crate->find("./y");
        QVERIFY(x && y);
        QCOMPARE(crate->keywords(*x), (QStringList{"buffer", "pH"}));
        QCOMPARE(crate->keywords(*y), (QStringList{"a", "b"}));
        QCOMPARE(crate->people(*x, "author").value(0).display(),
                 QString("Bruce Wayne <bruce@wayne.com>"));
        QCOMPARE(crate->people(*y, "author").value(0).display(), QString("Plain Name"));
        QCOMPARE(crate->body(*x, "description").text, QString("# Heading"));
        QCOMPARE(crate->body(*x, "description").format, QString("text/markdown"));
        QCOMPARE(crate->text(*y, "contentSize"), QString("12"));
    }

    void refusesWhatIsNotACrate_data() {
        QTest::addColumn<QByteArray>("json");
        QTest::addColumn<QString>("phrase");
        QTest::newRow("not JSON") << QByteArray("{\"@graph\": [") << "not valid JSON";
        QTest::newRow("an array") << QByteArray("[1,2]") << "not a JSON object";
        QTest::newRow("no graph") << QByteArray("{\"@id\": \"./\"}") << "no @graph";
        QTest::newRow("no root") << doc(QJsonArray{QJsonObject{{"@id", "x"}, {"@type", "File"}}})
                                 << "no root dataset";
        QTest::newRow("climbing id")
            << doc(QJsonArray{QJsonObject{{"@id", "./"}, {"@type", "Dataset"}},
                              QJsonObject{{"@id", "../../etc/passwd"}, {"@type", "File"}}})
            << "outside the crate";
        QTest::newRow("absolute id")
            << doc(QJsonArray{QJsonObject{{"@id", "./"}, {"@type", "Dataset"}},
                              QJsonObject{{"@id", "/etc/passwd"}, {"@type", "File"}}})
            << "outside the crate";
    }
    void refusesWhatIsNotACrate() {
        QFETCH(QByteArray, json);
        QFETCH(QString, phrase);
        auto crate = RoCrate::parse(json, kMax);
        QVERIFY(!crate);
        QVERIFY2(crate.error().contains(phrase), qPrintable(crate.error()));
    }

    void refusesMetadataOverTheCap() {
        auto crate = RoCrate::parse(QByteArray(2048, ' '), 1024);
        QVERIFY(!crate);
        QVERIFY2(crate.error().contains("larger than"), qPrintable(crate.error()));
    }

    void archiveNamesAreNormalisedOrRefused() {
        QCOMPARE(*ElnArchiveReader::normalisePath("crate//a/./b.txt"), QString("crate/a/b.txt"));
        QVERIFY(!ElnArchiveReader::normalisePath("crate/../x"));
        QVERIFY(!ElnArchiveReader::normalisePath("/etc/passwd"));
        QVERIFY(!ElnArchiveReader::normalisePath("C:/Windows/x"));
        QVERIFY(!ElnArchiveReader::normalisePath("a\\..\\b"));
        QVERIFY(!ElnArchiveReader::normalisePath(QString("a/b") + QChar(1)));
        QVERIFY(!ElnArchiveReader::normalisePath("./"));
    }
};

QTEST_GUILESS_MAIN(RoCrateTest)
#include "tst_ro_crate.moc"
