// ExportHtml, the printable page of a PDF export (issue 13): what a patent attorney must find on
// paper is there, and nothing in it can run or reach out.

#include "export/ExportHtml.h"

#include <QLocale>
#include <QRegularExpression>
#include <QScopeGuard>
#include <QtTest>

using namespace quire;

namespace {

ExportEntry entry(const QString &title, const QString &status) {
    ExportEntry x;
    x.version.uuid = QStringLiteral("6f1c0a52-8d1e-4c1f-9e3a-4f7b8f7e0a01");
    x.version.recordId = QString(64, u'a');
    x.version.version = 2;
    x.version.versionCount = 2;
    x.version.title = title;
    x.version.html = QStringLiteral("<p>Yield 81 %3 of theory</p>");
    x.version.status = status;
    x.version.reason = QStringLiteral("flask was cracked");
    x.version.authorName = QStringLiteral("Alice Author");
    x.version.recordedAt = QStringLiteral("2026-11-24T19:33:25.123Z");
    x.recordedLocal = ExportHtml::localTime(x.version.recordedAt);
    return x;
}

} // namespace

class ExportHtmlTest : public QObject {
    Q_OBJECT

private slots:
    void initTestCase() {
        // The export writes dates and numbers in the window's language (QLocale's default); the
        // texts below are the C locale's, whatever the machine's.
        QLocale::setDefault(QLocale::c());
    }

    void voidedEntriesAreMarkedAndKeepTheirReason() {
        ExportDocument doc;
        doc.experimentTitle = QStringLiteral("Aspirin");
        doc.entries << entry(QStringLiteral("Wrong flask"), QStringLiteral("void"));
        const QString html = ExportHtml::page(doc);
        QVERIFY(html.contains(QStringLiteral(">VOID<")));
        QVERIFY(html.contains(QStringLiteral("Voided: flask was cracked")));
        QVERIFY(html.contains(QStringLiteral("article class=\"entry voided\"")));
        QVERIFY(html.contains(QStringLiteral("time not yet attested")));
    }

    void placeholdersInTitlesAndTextAreLeftAlone() {
        ExportDocument doc;
        doc.notebookName = QStringLiteral("Lab %2");
        doc.experimentTitle = QStringLiteral("50 %1 yield");
        doc.entries << entry(QStringLiteral("Run %4"), QStringLiteral("active"));
        const QString html = ExportHtml::page(doc);
        QVERIFY(html.contains(QStringLiteral("Run %4")));
        QVERIFY(html.contains(QStringLiteral("Lab %2 · 50 %1 yield")));
        QVERIFY(html.contains(QStringLiteral("Yield 81 %3 of theory")));
        QVERIFY(html.contains(QStringLiteral("reason for version 2: flask was cracked")));
    }

    void signaturesShowNameMeaningAndTimeWithZone() {
        ExportDocument doc;
        ExportEntry x = entry(QStringLiteral("Recrystallisation"), QStringLiteral("active"));
        SignatureInfo s;
        s.meaning = QStringLiteral("witnessed");
        s.printedName = QStringLiteral("Carol Supervisor");
        s.signedAt = QStringLiteral("2026-11-24T19:40:00.000Z");
        s.valid = s.allowed = true;
        x.version.signatures << s;
        x.trustedTime = QStringLiteral("24 Nov 2026, 20:41:00 CET (UTC+01:00)");
        x.trustedAuthority = QStringLiteral("Example TSA");
        doc.entries << x;
        const QString html = ExportHtml::page(doc);
        QVERIFY(html.contains(QStringLiteral("Witnessed")));
        QVERIFY(html.contains(QStringLiteral("Carol Supervisor")));
        QVERIFY(html.contains(QRegularExpression(
            QStringLiteral("24 Nov 2026, \\d\\d:40:00 \\S+ \\(UTC[+-]\\d\\d:\\d\\d\\)"))));
        QVERIFY(html.contains(QStringLiteral("attested by Example TSA")));
        QVERIFY(!html.contains(QStringLiteral("NOT VALID")));
    }

    void commentsFollowTheEntryWithWriterTimeAndStanding() {
        ExportDocument doc;
        ExportEntry x = entry(QStringLiteral("Titration"), QStringLiteral("active"));
        CommentInfo c;
        c.authorName = QStringLiteral("Carol Supervisor");
        c.recordedAt = QStringLiteral("2026-11-24T19:45:00.000Z");
        c.version = 1;
        c.html = QStringLiteral("<p>Repeat with a blank, 5 %1 more.</p>");
        c.requestsChanges = true;
        c.answered = true;
        x.version.comments << c;
        doc.entries << x;
        const QString html = ExportHtml::page(doc);
        QVERIFY(html.contains(QStringLiteral("<section class=\"comments\"><h3>Comments</h3>")));
        QVERIFY(html.contains(QStringLiteral("Carol Supervisor")));
        QVERIFY(html.contains(QStringLiteral("Repeat with a blank, 5 %1 more.")));
        QVERIFY(html.contains(QStringLiteral("on version 1")));
        QVERIFY(html.contains(QStringLiteral("changes requested (answered)")));
        QVERIFY(html.contains(QRegularExpression(QStringLiteral("24 Nov 2026, \\d\\d:45:00"))));
        // An entry without comments has no section for them.
        doc.entries.first().version.comments.clear();
        QVERIFY(!ExportHtml::page(doc).contains(QStringLiteral("class=\"comments\"")));
    }

    void filesAreListedWithTheirHashAndImagesShownOnce() {
        ExportDocument doc;
        ExportEntry x = entry(QStringLiteral("Crystals"), QStringLiteral("active"));
        AttachmentInfo png{QString(64, u'b'),           QStringLiteral("plate.png"),
                           QStringLiteral("image/png"), 83,
                           QString(64, u'c'),           {}};
        AttachmentInfo csv{QString(64, u'd'),          QStringLiteral("run.csv"),
                           QStringLiteral("text/csv"), 1200,
                           QString(64, u'e'),          {}};
        x.version.attachments << png << csv;
        doc.entries << x;
        const QString html = ExportHtml::page(doc);
        QVERIFY(html.contains(QString(64, u'c')));
        QVERIFY(html.contains(QString(64, u'e')));
        QVERIFY(html.contains(QStringLiteral("1200 bytes")));
        QCOMPARE(html.count(QStringLiteral("<img src=\"quire-attachment:") + QString(64, u'b')), 1);
        QVERIFY(!html.contains(QStringLiteral("quire-attachment:") + QString(64, u'd')));
    }

    void datesAndNumbersFollowTheWindowsLanguage() {
        // Exported from a German window: German dates and thousands separators; the exact UTC
        // time stays in the record (and in every JSON output) as ISO 8601.
        QLocale::setDefault(QLocale(QLocale::German, QLocale::Germany));
        auto back = qScopeGuard([] { QLocale::setDefault(QLocale::c()); });
        const QString when = ExportHtml::localTime(QStringLiteral("2026-01-15T12:00:00.000Z"));
        QVERIFY2(when.contains(QRegularExpression(QStringLiteral(
                     "^15\\.01\\.2026, \\d\\d:00:00 .+\\(UTC[+-]\\d\\d:\\d\\d\\)$"))),
                 qPrintable(when));
        ExportDocument doc;
        ExportEntry x = entry(QStringLiteral("Crystals"), QStringLiteral("active"));
        x.version.attachments << AttachmentInfo{
            QString(64, u'd'), QStringLiteral("run.csv"), QStringLiteral("text/csv"),
            1234567,           QString(64, u'e'),         {}};
        doc.entries << x;
        QVERIFY(ExportHtml::page(doc).contains(QStringLiteral("1.234.567 bytes")));
    }

    void thePageRunsNoScriptAndLoadsNothingFromOutside() {
        ExportDocument doc;
        doc.experimentTitle = QStringLiteral("<script>alert(1)</script>");
        doc.entries << entry(QStringLiteral("<img src=http://example.org/x>"),
                             QStringLiteral("active"));
        const QString html = ExportHtml::page(doc);
        QVERIFY(!html.contains(QStringLiteral("<script")));
        QVERIFY(!html.contains(QStringLiteral("<img src=http")));
        QVERIFY(html.contains(QStringLiteral("Content-Security-Policy")));
        QVERIFY(html.contains(QStringLiteral("default-src 'none'")));
        QVERIFY(html.contains(QStringLiteral("How to verify this file")));
    }
};

QTEST_GUILESS_MAIN(ExportHtmlTest)
#include "tst_export_html.moc"
