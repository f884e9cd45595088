// The side-by-side difference between two entry versions.
#include "TextDiff.h"

#include <QtTest>

using namespace quire;

class TextDiffTest : public QObject {
    Q_OBJECT
private slots:
    void unchangedLinesPairAndChangesSitSideBySide() {
        const QStringList older{"Title", "Weigh 2 g", "Dissolve in water", "Stir 5 min"};
        const QStringList newer{"Title", "Weigh 2.1 g", "Dissolve in water", "Stir 5 min",
                                "Filter"};
        const auto rows = sideBySide(older, newer);
        QCOMPARE(rows.size(), 5);
        QCOMPARE(rows[0].kind, DiffRow::Kind::Same);
        QCOMPARE(rows[1].kind, DiffRow::Kind::Changed);
        QCOMPARE(rows[1].left, QString("Weigh 2 g"));
        QCOMPARE(rows[1].right, QString("Weigh 2.1 g"));
        QCOMPARE(rows[2].kind, DiffRow::Kind::Same);
        QCOMPARE(rows[4].kind, DiffRow::Kind::Added);
        QCOMPARE(rows[4].right, QString("Filter"));
    }

    void removedLinesShowOnTheLeftOnly() {
        const auto rows = sideBySide({"a", "b", "c"}, {"a", "c"});
        QCOMPARE(rows.size(), 3);
        QCOMPARE(rows[1].kind, DiffRow::Kind::Removed);
        QCOMPARE(rows[1].left, QString("b"));
        QVERIFY(rows[1].right.isEmpty());
    }

    void everyLineOfBothVersionsAppearsOnceInOrder() {
        const QStringList older{"x", "a", "b", "y", "c", "z"};
        const QStringList newer{"a", "q", "b", "c", "w", "z", "v"};
        QStringList left, right;
        for (const auto &r : sideBySide(older, newer)) {
            if (r.kind != DiffRow::Kind::Added) left << r.left;
            if (r.kind != DiffRow::Kind::Removed) right << r.right;
        }
        QCOMPARE(left, older);
        QCOMPARE(right, newer);
    }

    void entryLinesAreTitleThenBlocks() {
        const QStringList lines =
            entryLines("Buffer", "<h2>Method</h2><p>Weigh &amp; mix</p><ul><li>one</li></ul>");
        QCOMPARE(lines, (QStringList{"Buffer", "Method", "Weigh & mix", "one"}));
    }
};

QTEST_GUILESS_MAIN(TextDiffTest)
#include "tst_text_diff.moc"
