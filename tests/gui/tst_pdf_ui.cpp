// The PDF for a patent attorney, from the window (issue 13). Alice's notebook has an experiment
// with tables and a formula and a real RFC 3161 authority (TestTsa). File ▸ Export as PDF…
// lists every entry chosen; Cancel while the pages print really stops the printer and writes
// nothing; exporting again, signed as the author with the passphrase asked again, writes a PDF
// that the model's verify finds signed, time-stamped (B-LTA) and carrying evidence identical to
// the notebook. File ▸ Sign a PDF… refuses a witness signature by the author in words and then
// adds her second signature; File ▸ Verify a PDF… shows the pages beside a report that says
// "verifies" for the signed file and, for a copy with one byte changed, what changed.
// Screenshots of every state, and the PDF's pages rendered with pdftoppm, go to
// QUIRE_SCREENSHOT_DIR/pdf.

#include "export/PdfExport.h"
#include "GuiDriver.h"
#include "GuiTestMain.h"
#include "Notebook.h"
#include "pdf/ExportPdfDialog.h"
#include "pdf/SignPdfDialog.h"
#include "pdf/VerifyPdfDialog.h"
#include "TestSupport.h"
#include "TestTsa.h"
#include "window/MainWindow.h"

#include <QAction>
#include <QCheckBox>
#include <QComboBox>
#include <QDir>
#include <QFile>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QPointer>
#include <QPushButton>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>
#include <QTimer>

using namespace quire;
using namespace quire::widgets;
using quire::test::runTool;

namespace {

const QByteArray kPassphrase = "correct horse battery staple";
const QString kExperiment = QStringLiteral("Lysozyme activity assay");
constexpr int kEntries = 24;

QString entryHtml(int i) {
    return QStringLiteral(
               "<p>Run %1: turbidity of <em>Micrococcus</em> cells at 450 nm, 25 °C, in 66 mM "
               "phosphate buffer, pH 6.2. The rate follows "
               "<span class=\"math\" data-tex=\"v = \\frac{V_{max}[S]}{K_M + [S]}\">v = "
               "V_max[S]/(K_M+[S])</span>.</p>"
               "<table><thead><tr><th>Time (s)</th><th>A450</th><th>ΔA/min</th></tr></thead>"
               "<tbody><tr><td>0</td><td>0.702</td><td>—</td></tr>"
               "<tr><td>30</td><td>0.671</td><td>0.062</td></tr>"
               "<tr><td>60</td><td>0.640</td><td>0.062</td></tr></tbody></table>")
        .arg(i);
}

} // namespace

class PdfUiTest : public QObject {
    Q_OBJECT

private slots:
    void initTestCase();
    void exportDialogOffersEveryEntryAndThePaper();
    void cancelWhilePrintingStopsAndWritesNothing();
    void signedExportWritesAPdfThatVerifies();
    void signPdfRefusesInWordsThenAddsTheAuthorsSignature();
    void verifyShowsThePagesAndAValidVerdict();
    void verifyOfATamperedPdfSaysWhatChanged();
    void cleanupTestCase();

private:
    void screenshot(const QString &name, QWidget *extra = nullptr);
    ExportPdfDialog *openExportDialog();

    QTemporaryDir m_dir;
    QString m_vault;
    QString m_signedPdf;
    quire::test::Screenshots m_shots{QStringLiteral("pdf")};
    std::unique_ptr<MainWindow> m_window;
    std::unique_ptr<quire::test::TestTsa> m_tsa;
};

void PdfUiTest::initTestCase() {
    QVERIFY(m_dir.isValid());
    m_vault = m_dir.filePath(QStringLiteral("alice"));
    m_tsa = std::make_unique<quire::test::TestTsa>(m_dir.path());
    QVERIFY2(m_tsa->ok(), qPrintable(m_tsa->error()));
    QVERIFY2(m_tsa->start(), qPrintable(m_tsa->error()));
    {
        auto created = Notebook::create(m_vault,
                                        NotebookSpec{QStringLiteral("Enzyme lab"),
                                                     QStringLiteral("Alice Author"),
                                                     QStringLiteral("alice@lab.example")},
                                        kPassphrase);
        QVERIFY2(created, qPrintable(created.error()));
        Notebook &a = **created;
        auto tsa = a.setTimestampSettings(TimestampSettings{{m_tsa->url()}, m_tsa->caPem()});
        QVERIFY2(tsa, qPrintable(tsa.error()));
        auto x = a.createExperiment(kExperiment, QStringLiteral("Enzymes"), {});
        QVERIFY2(x, qPrintable(x.error()));
        for (int i = 1; i <= kEntries; ++i) {
            auto e = a.addEntry(*x, QStringLiteral("Activity run %1").arg(i), entryHtml(i));
            QVERIFY2(e, qPrintable(e.error()));
        }
    }
    m_window = std::make_unique<MainWindow>(m_vault);
    m_window->resize(1180, 760);
    m_window->move(0, 0);
    quire::test::openAndUnlock(m_window.get(), kPassphrase);
    QTRY_VERIFY_WITH_TIMEOUT(
        quire::test::pageHtml(m_window->entryView()).contains(QStringLiteral("Activity run 1")),
        20000);
}

void PdfUiTest::screenshot(const QString &name, QWidget *extra) {
    QVERIFY2(!m_shots.take(m_window.get(), name, extra).isEmpty(), qPrintable(name));
}

ExportPdfDialog *PdfUiTest::openExportDialog() {
    auto *action = m_window->findChild<QAction *>(QStringLiteral("exportPdfAction"));
    if (!action) return nullptr;
    if (!QTest::qWaitFor([&] { return action->isEnabled(); }, 10000)) return nullptr;
    quire::test::pressShortcutOrTrigger(m_window.get(),
                                        QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_E),
                                        QStringLiteral("exportPdfAction"));
    return quire::test::waitForDialog<ExportPdfDialog>(m_window.get());
}

void PdfUiTest::exportDialogOffersEveryEntryAndThePaper() {
    QPointer<ExportPdfDialog> dialog = openExportDialog();
    QVERIFY(dialog);
    auto *list = dialog->findChild<QListWidget *>(QStringLiteral("entryList"));
    QCOMPARE(list->count(), kEntries);
    for (int i = 0; i < list->count(); ++i)
        QCOMPARE(list->item(i)->checkState(), Qt::Checked);
    QVERIFY(list->item(0)->text().contains(QStringLiteral("Activity run 1")));
    auto *paper = dialog->findChild<QComboBox *>(QStringLiteral("paperCombo"));
    QCOMPARE(paper->count(), 2);
    // Signing is a choice, and its fields wait for it.
    auto *sign = dialog->findChild<QCheckBox *>(QStringLiteral("signCheck"));
    QVERIFY(!sign->isChecked());
    QVERIFY(!dialog->findChild<QLineEdit *>(QStringLiteral("passphraseEdit"))->isEnabled());
    sign->setChecked(true);
    const QString statement = dialog->findChild<QLabel *>(QStringLiteral("signStatement"))->text();
    QVERIFY2(statement.contains(QStringLiteral("Alice Author")) &&
                 statement.contains(QStringLiteral("21 CFR 11.100")),
             qPrintable(statement));
    // Nothing chosen: refused in words.
    for (int i = 0; i < list->count(); ++i)
        list->item(i)->setCheckState(Qt::Unchecked);
    QTest::mouseClick(dialog->findChild<QPushButton *>(QStringLiteral("exportButton")),
                      Qt::LeftButton);
    QVERIFY2(dialog->errorText().contains(QStringLiteral("at least one entry")),
             qPrintable(dialog->errorText()));
    QVERIFY(!dialog->isWorking());
    dialog->reject();
    QTRY_VERIFY(!dialog);
}

void PdfUiTest::cancelWhilePrintingStopsAndWritesNothing() {
    QPointer<ExportPdfDialog> dialog = openExportDialog();
    QVERIFY(dialog);
    const QString path = m_dir.filePath(QStringLiteral("cancelled.pdf"));
    dialog->findChild<QLineEdit *>(QStringLiteral("pathEdit"))->setText(path);
    // The printer runs its own event loop inside the dialog's: the test's timer fires there,
    // while the pages are being printed.
    bool workingAtCancel = false;
    bool exportActionOff = false;
    QTimer::singleShot(300, dialog, [&] {
        screenshot(QStringLiteral("export-progress"), dialog);
        workingAtCancel = dialog->isWorking();
        exportActionOff =
            !m_window->findChild<QAction *>(QStringLiteral("exportPdfAction"))->isEnabled();
        dialog->findChild<QPushButton *>(QStringLiteral("cancelButton"))->click();
    });
    QTest::mouseClick(dialog->findChild<QPushButton *>(QStringLiteral("exportButton")),
                      Qt::LeftButton);
    QTRY_VERIFY_WITH_TIMEOUT(!dialog->isWorking() && !dialog->errorText().isEmpty(), 60000);
    QVERIFY2(workingAtCancel, "the export was over before Cancel: nothing was tested");
    QVERIFY(exportActionOff); // the window leaves the notebook alone meanwhile
    QVERIFY2(dialog->errorText().contains(QStringLiteral("cancelled")),
             qPrintable(dialog->errorText()));
    QVERIFY(!QFile::exists(path));
    QVERIFY(dialog->isVisible()); // Cancel stopped the work; a second Cancel closes
    dialog->reject();
    QTRY_VERIFY(!dialog);
}

void PdfUiTest::signedExportWritesAPdfThatVerifies() {
    QPointer<ExportPdfDialog> dialog = openExportDialog();
    QVERIFY(dialog);
    const QString path = m_dir.filePath(QStringLiteral("Lysozyme activity assay.pdf"));
    dialog->findChild<QLineEdit *>(QStringLiteral("pathEdit"))->setText(path);
    dialog->findChild<QCheckBox *>(QStringLiteral("signCheck"))->setChecked(true);
    auto *meaning = dialog->findChild<QComboBox *>(QStringLiteral("meaningCombo"));
    meaning->setCurrentIndex(meaning->findData(QStringLiteral("authored")));
    QTest::keyClicks(dialog->findChild<QLineEdit *>(QStringLiteral("passphraseEdit")),
                     QString::fromUtf8(kPassphrase));
    screenshot(QStringLiteral("export-dialog"), dialog);
    QSignalSpy exported(dialog.data(), &ExportPdfDialog::exported);
    QTest::mouseClick(dialog->findChild<QPushButton *>(QStringLiteral("exportButton")),
                      Qt::LeftButton);
    QTRY_VERIFY_WITH_TIMEOUT(exported.count() == 1 || !dialog->errorText().isEmpty(), 120000);
    QVERIFY2(dialog->errorText().isEmpty(), qPrintable(dialog->errorText()));
    QCOMPARE(dialog->writtenPath(), path);
    QCOMPARE(dialog->signedLevel(), QStringLiteral("B-LTA"));
    const QString summary = dialog->findChild<QLabel *>(QStringLiteral("summaryLabel"))->text();
    QVERIFY2(summary.contains(QStringLiteral("time-stamped")) &&
                 summary.contains(
                     QStringLiteral("%1 pages, with the").arg(dialog->exportResult().pages)),
             qPrintable(summary));
    QVERIFY(dialog->findChild<QPushButton *>(QStringLiteral("openButton"))->isVisible());
    QVERIFY(dialog->findChild<QPushButton *>(QStringLiteral("showFolderButton"))->isVisible());
    screenshot(QStringLiteral("export-finished"), dialog);

    // The file, checked by the model's verify against this notebook.
    QFile file(path);
    QVERIFY(file.open(QIODevice::ReadOnly));
    const QByteArray pdf = file.readAll();
    QVERIFY(pdf.startsWith("%PDF-"));
    QTRY_VERIFY(m_window->findChild<QAction *>(QStringLiteral("exportPdfAction"))->isEnabled());
    auto check = PdfExport(*m_window->notebook()).verify(pdf);
    QVERIFY2(check, qPrintable(check.error()));
    QVERIFY2(check->passed(), qPrintable(check->evidence.problems.join(QStringLiteral("; "))));
    QVERIFY(check->evidence.ok());
    QCOMPARE(check->evidence.entryRecords.size(), kEntries);
    int signatures = 0, timestamps = 0;
    for (const PdfSignatureCheck &s : check->signatures) {
        if (s.documentTimestamp) {
            ++timestamps;
            continue;
        }
        ++signatures;
        QCOMPARE(s.signer, QStringLiteral("Alice Author"));
        QVERIFY(s.chainsToNotebook && s.intact && !s.provenTime.isEmpty());
    }
    QCOMPARE(signatures, 1);
    QVERIFY(timestamps >= 1);
    QCOMPARE(check->size, file.size());

    // The pages as a reader sees them, for a person to look at.
    const auto pages = runTool(QStringLiteral("pdftoppm"),
                               {QStringLiteral("-png"), QStringLiteral("-r"), QStringLiteral("70"),
                                path, m_shots.dir() + QStringLiteral("/exported-page")});
    QVERIFY2(pages.exitCode == 0, qPrintable(pages.all()));
    dialog->accept();
    QTRY_VERIFY(!dialog);
    m_signedPdf = path;
}

void PdfUiTest::signPdfRefusesInWordsThenAddsTheAuthorsSignature() {
    QVERIFY(!m_signedPdf.isEmpty());
    QTRY_VERIFY(m_window->findChild<QAction *>(QStringLiteral("signPdfAction"))->isEnabled());
    m_window->signPdf(m_signedPdf);
    QPointer<SignPdfDialog> dialog = quire::test::waitForDialog<SignPdfDialog>(m_window.get());
    QVERIFY(dialog);
    QVERIFY(dialog->findChild<QLineEdit *>(QStringLiteral("outputEdit"))
                ->text()
                .endsWith(QStringLiteral("(signed).pdf")));
    // The author of every entry may not witness her own work: refused before the passphrase is
    // used, in words, and nothing is written.
    auto *meaning = dialog->findChild<QComboBox *>(QStringLiteral("meaningCombo"));
    meaning->setCurrentIndex(meaning->findData(QStringLiteral("witnessed")));
    QTest::keyClicks(dialog->findChild<QLineEdit *>(QStringLiteral("passphraseEdit")),
                     QString::fromUtf8(kPassphrase));
    QTest::mouseClick(dialog->findChild<QPushButton *>(QStringLiteral("signButton")),
                      Qt::LeftButton);
    QVERIFY(!dialog->isSigning());
    QVERIFY2(dialog->errorText().contains(QStringLiteral("Nothing was signed")) &&
                 dialog->errorText().contains(QStringLiteral("witness")),
             qPrintable(dialog->errorText()));
    QVERIFY(dialog->writtenPath().isEmpty());
    QVERIFY(!QFile::exists(dialog->findChild<QLineEdit *>(QStringLiteral("outputEdit"))->text()));
    screenshot(QStringLiteral("sign-dialog-refused"), dialog);

    // As the author she may add a second signature: the earlier one still holds, the records
    // are her notebook's, and the new file verifies with both.
    meaning->setCurrentIndex(meaning->findData(QStringLiteral("authored")));
    auto *passphrase = dialog->findChild<QLineEdit *>(QStringLiteral("passphraseEdit"));
    passphrase->setText(QString());
    QTest::keyClicks(passphrase, QString::fromUtf8(kPassphrase));
    QSignalSpy signedPdf(dialog.data(), &SignPdfDialog::signedPdf);
    QTest::mouseClick(dialog->findChild<QPushButton *>(QStringLiteral("signButton")),
                      Qt::LeftButton);
    QTRY_VERIFY_WITH_TIMEOUT(signedPdf.count() == 1 || !dialog->errorText().isEmpty(), 60000);
    QVERIFY2(dialog->errorText().isEmpty(), qPrintable(dialog->errorText()));
    QCOMPARE(dialog->level(), QStringLiteral("B-LTA"));
    const QString resultText = dialog->findChild<QLabel *>(QStringLiteral("resultLabel"))->text();
    QVERIFY2(resultText.contains(QStringLiteral("time-stamped")), qPrintable(resultText));
    screenshot(QStringLiteral("sign-dialog-signed"), dialog);
    QFile twice(dialog->writtenPath());
    QVERIFY(twice.open(QIODevice::ReadOnly));
    dialog->reject();
    QTRY_VERIFY(!dialog);
    QTRY_VERIFY(m_window->findChild<QAction *>(QStringLiteral("verifyPdfAction"))->isEnabled());
    auto check = PdfExport(*m_window->notebook()).verify(twice.readAll());
    QVERIFY2(check && check->passed(), check ? "does not verify" : qPrintable(check.error()));
    int signatures = 0;
    for (const PdfSignatureCheck &s : check->signatures)
        signatures += s.documentTimestamp ? 0 : 1;
    QCOMPARE(signatures, 2);
}

void PdfUiTest::verifyShowsThePagesAndAValidVerdict() {
    QVERIFY(!m_signedPdf.isEmpty());
    m_window->verifyPdf(m_signedPdf);
    QPointer<VerifyPdfDialog> dialog = quire::test::waitForDialog<VerifyPdfDialog>(m_window.get());
    QVERIFY(dialog);
    QSignalSpy checked(dialog.data(), &VerifyPdfDialog::checked);
    QVERIFY(checked.count() == 1 || checked.wait(60000));
    QVERIFY(dialog->passed());
    QVERIFY2(dialog->verdictText().contains(QStringLiteral("The PDF verifies")),
             qPrintable(dialog->verdictText()));
    QVERIFY(dialog->pagesShown() > 1);
    const QString report = dialog->reportText();
    QVERIFY2(report.contains(QStringLiteral("Alice Author")) &&
                 report.contains(QStringLiteral("chains to this notebook's CA")) &&
                 report.contains(QStringLiteral("Document time-stamp")) &&
                 report.contains(QStringLiteral("identical to this notebook's copy")),
             qPrintable(report));
    screenshot(QStringLiteral("verify-valid"), dialog);
    dialog->reject();
    QTRY_VERIFY(!dialog);
}

void PdfUiTest::verifyOfATamperedPdfSaysWhatChanged() {
    QFile original(m_signedPdf);
    QVERIFY(original.open(QIODevice::ReadOnly));
    QByteArray pdf = original.readAll();
    // One byte of a page's content stream changed, inside what the signature covers.
    const qsizetype stream = pdf.indexOf("stream", pdf.size() / 4);
    QVERIFY(stream > 0);
    pdf[stream + 40] = char(pdf[stream + 40] ^ 0x5a);
    const QString tampered = m_dir.filePath(QStringLiteral("tampered.pdf"));
    QFile out(tampered);
    QVERIFY(out.open(QIODevice::WriteOnly));
    out.write(pdf);
    out.close();

    m_window->verifyPdf(tampered);
    QPointer<VerifyPdfDialog> dialog = quire::test::waitForDialog<VerifyPdfDialog>(m_window.get());
    QVERIFY(dialog);
    QSignalSpy checked(dialog.data(), &VerifyPdfDialog::checked);
    QVERIFY(checked.count() == 1 || checked.wait(60000));
    QVERIFY(!dialog->passed());
    QVERIFY2(dialog->verdictText().contains(QStringLiteral("does NOT verify")),
             qPrintable(dialog->verdictText()));
    QVERIFY2(dialog->reportText().contains(QStringLiteral("the signed bytes were changed")),
             qPrintable(dialog->reportText()));
    screenshot(QStringLiteral("verify-tampered"), dialog);
    dialog->reject();
    QTRY_VERIFY(!dialog);
}

void PdfUiTest::cleanupTestCase() {
    m_window.reset();
    m_tsa.reset();
}

int main(int argc, char *argv[]) {
    return runGuiTest<PdfUiTest>(argc, argv, "QuirePdfGuiTest");
}

#include "tst_pdf_ui.moc"
