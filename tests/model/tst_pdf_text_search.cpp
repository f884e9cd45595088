// Search finds attached PDFs by the words on their pages (read by Poppler, issue 14), and the
// hit names the file and leads to its entry. The PDFs are made here by Qt's QPdfWriter (text as
// real PDF text, on several pages); a password-protected one by the qpdf command line; damaged
// ones by cutting and by garbage. A PDF whose text cannot be read says why, is kept intact and
// is still found by its name. Real components: a real SQLCipher vault and Poppler.

#include "Notebook.h"
#include "TestSupport.h"

#include <QFile>
#include <QPageSize>
#include <QPainter>
#include <QPdfWriter>
#include <QTemporaryDir>
#include <QtTest>

using namespace quire;

using namespace quire::test;

namespace {
const QByteArray kPass = "correct horse battery staple";

// One line of text on each page, in order.
void writePdf(const QString &path, const QStringList &pages) {
    QPdfWriter writer(path);
    writer.setPageSize(QPageSize(QPageSize::A4));
    writer.setResolution(300);
    writer.setTitle(QStringLiteral("Certificate of analysis"));
    QPainter painter(&writer);
    QFont font(QStringLiteral("DejaVu Sans"));
    font.setPointSize(12);
    painter.setFont(font);
    for (int i = 0; i < pages.size(); ++i) {
        if (i > 0) writer.newPage();
        painter.drawText(QPointF(300, 400), pages.at(i));
    }
}
} // namespace

class PdfTextSearchTest : public QObject {
    Q_OBJECT

    QTemporaryDir m_tmp;
    std::unique_ptr<Notebook> m_nb;
    QString m_entry;

    QList<SearchHit> attachmentHits(const QString &query) {
        auto hits = m_nb->search(query);
        [&] { QVERIFY2(hits, qPrintable(hits.error())); }();
        QList<SearchHit> out;
        if (hits)
            for (const SearchHit &h : *hits)
                if (h.kind == "attachment") out << h;
        return out;
    }

    // Attaches the file and reads the text of what waits; returns the outcome for that file.
    TextIndexOutcome attachAndIndex(const QString &path, QString *id = nullptr) {
        TextIndexOutcome found;
        auto attached = m_nb->attachFile(m_entry, path);
        [&] { QVERIFY2(attached, qPrintable(attached.error())); }();
        if (!attached) return found;
        if (id) *id = *attached;
        auto pending = m_nb->attachmentsWithoutText();
        [&] {
            QVERIFY2(pending, qPrintable(pending.error()));
            QCOMPARE(pending->size(), 1);
            QCOMPARE(pending->first().id, *attached);
        }();
        auto done = m_nb->indexPendingText();
        [&] {
            QVERIFY2(done, qPrintable(done.error()));
            QCOMPARE(done->size(), 1);
        }();
        if (done && !done->isEmpty()) found = done->first();
        // Read once: it does not wait again, whatever came of it.
        auto after = m_nb->attachmentsWithoutText();
        [&] { QVERIFY(after && after->isEmpty()); }();
        return found;
    }

private slots:
    void initTestCase() {
        auto nb = Notebook::create(m_tmp.filePath("v"),
                                   {"Enzyme lab", "Ada Analyst", "ada@lab.example"}, kPass);
        QVERIFY2(nb, qPrintable(nb.error()));
        m_nb = std::move(nb.value());
        auto x = m_nb->createExperiment("Trypsin digest", "Enzymes", {});
        QVERIFY(x);
        auto e = m_nb->addEntry(*x, "Reagents", "<p>Lot numbers and certificates.</p>");
        QVERIFY(e);
        m_entry = *e;
    }

    void wordOnPageThreeOfAnAttachedPdfIsFoundAndTheHitNamesTheFile() {
        const QString pdf = m_tmp.filePath("certificate-4711.pdf");
        writePdf(pdf, {"Certificate of analysis", "Lot 4711, expiry 2027-03",
                       "Ribonuclease activity below detection limit"});
        QVERIFY(attachmentHits("ribonuclease").isEmpty());
        const TextIndexOutcome outcome = attachAndIndex(pdf);
        QVERIFY2(outcome.problem.isEmpty(), qPrintable(outcome.problem));
        QCOMPARE(outcome.name, QStringLiteral("certificate-4711.pdf"));
        QCOMPARE(outcome.pages, 3);
        QCOMPARE(outcome.pagesRead, 3);
        QVERIFY(!outcome.truncated);
        const auto hits = attachmentHits("ribonuclease");
        QCOMPARE(hits.size(), 1);
        QCOMPARE(hits.first().title, QStringLiteral("certificate-4711.pdf"));
        QCOMPARE(hits.first().uuid, m_entry);
        QVERIFY2(hits.first().snippet.contains("[[Ribonuclease]]"),
                 qPrintable(hits.first().snippet));
        QCOMPARE(attachmentHits("expiry").size(), 1); // page 2 as well
    }

    void pdfTextIsStillFoundAfterTheEntryChanges() {
        QVERIFY(m_nb->editEntry(m_entry, "Reagents", "<p>Lot numbers, certificates, buffers.</p>",
                                "buffers were missing"));
        const auto hits = attachmentHits("ribonuclease");
        QCOMPARE(hits.size(), 1);
        QCOMPARE(hits.first().title, QStringLiteral("certificate-4711.pdf"));
    }

    void passwordProtectedPdfSaysWhyAndIsFoundByItsNameOnly() {
        const QString plain = m_tmp.filePath("plain.pdf");
        writePdf(plain, {"Confidential supplier pricing"});
        const QString locked = m_tmp.filePath("supplier-quote.pdf");
        const auto qpdf = test::runTool(
            "qpdf", {"--encrypt", "open-sesame", "owner-secret", "256", "--", plain, locked});
        QVERIFY2(qpdf.exitCode == 0, qPrintable(qpdf.all()));
        QString id;
        const TextIndexOutcome outcome = attachAndIndex(locked, &id);
        QVERIFY2(outcome.problem.contains("password"), qPrintable(outcome.problem));
        QCOMPARE(outcome.name, QStringLiteral("supplier-quote.pdf"));
        QVERIFY(attachmentHits("pricing").isEmpty());
        QCOMPARE(attachmentHits("supplier").size(), 1); // by its name
        auto kept = m_nb->attachmentBytes(id, 64 << 20);
        QVERIFY(kept);
        QCOMPARE(*kept, readAll(locked));
    }

    void damagedAndFakePdfsSayWhyAndAreKeptAsTheyAre() {
        const QString whole = m_tmp.filePath("whole.pdf");
        writePdf(whole, {"Chymotrypsin inhibitor assay"});
        QByteArray cut = readAll(whole);
        cut.truncate(cut.size() / 3);
        const QString damaged = m_tmp.filePath("scan-cut-short.pdf");
        test::writeFile(damaged, cut);
        QString id;
        const TextIndexOutcome first = attachAndIndex(damaged, &id);
        QCOMPARE(first.problem, QStringLiteral("the PDF is damaged and cannot be read"));
        QVERIFY(attachmentHits("chymotrypsin").isEmpty());
        auto kept = m_nb->attachmentBytes(id, 64 << 20);
        QVERIFY(kept);
        QCOMPARE(*kept, cut);

        const QString fake = m_tmp.filePath("invoice.pdf");
        test::writeFile(fake, QByteArray(4096, '\x07') + "trypsin");
        const TextIndexOutcome second = attachAndIndex(fake);
        QCOMPARE(second.problem, QStringLiteral("the file is not a PDF"));
    }

    void longPdfIsReadUpToItsFirst500Pages() {
        QStringList pages;
        for (int i = 1; i <= 502; ++i)
            pages << QStringLiteral("Page %1 of the batch record").arg(i);
        pages.first() = "Batch record of the Zymogen activation";
        pages.last() = "Pepsinogen appendix";
        const QString pdf = m_tmp.filePath("batch-record.pdf");
        writePdf(pdf, pages);
        const TextIndexOutcome outcome = attachAndIndex(pdf);
        QVERIFY2(outcome.problem.isEmpty(), qPrintable(outcome.problem));
        QCOMPARE(outcome.pages, 502);
        QCOMPARE(outcome.pagesRead, 500);
        QVERIFY(outcome.truncated);
        QCOMPARE(attachmentHits("zymogen").size(), 1);
        QVERIFY(attachmentHits("pepsinogen").isEmpty());
    }

    void cancelledReadKeepsNothingAndTheFileWaits() {
        const QString pdf = m_tmp.filePath("method.pdf");
        writePdf(pdf, {"Elastase method"});
        auto id = m_nb->attachFile(m_entry, pdf);
        QVERIFY(id);
        std::atomic_bool cancel{true};
        QVERIFY(!m_nb->indexAttachmentText(*id, &cancel));
        auto pending = m_nb->attachmentsWithoutText();
        QVERIFY(pending && pending->size() == 1);
        QVERIFY(m_nb->indexPendingText());
        QCOMPARE(attachmentHits("elastase").size(), 1);
    }
};

QTEST_MAIN(PdfTextSearchTest)
#include "tst_pdf_text_search.moc"
