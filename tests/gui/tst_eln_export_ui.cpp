// File ▸ Export as .eln… from the window (issue 15). Alice's notebook has two experiments, one
// with a file and a signed entry. The dialog opens with the experiment on the page chosen and
// refuses, in words, an export of nothing; exporting all experiments shows a result that says what
// went in, and the file it wrote passes the independent reader (tests/check_eln.py) and carries a
// proof that QuireProof verifies. Screenshots of the form and the result go to
// QUIRE_SCREENSHOT_DIR/eln.

#include "exchange/ElnExportDialog.h"
#include "exchange/QuireProof.h"
#include "GuiDriver.h"
#include "GuiTestMain.h"
#include "Notebook.h"
#include "TestSupport.h"
#include "window/MainWindow.h"

#include <QAction>
#include <QDirIterator>
#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QPointer>
#include <QPushButton>
#include <QRadioButton>
#include <QTemporaryDir>
#include <QTest>

using namespace quire;
using namespace quire::widgets;
using quire::test::runTool;
using quire::test::Tool;

namespace {

const QByteArray kPassphrase = "correct horse battery staple";

} // namespace

class ElnExportUiTest : public QObject {
    Q_OBJECT

private slots:
    void initTestCase();
    void theDialogStartsWithTheExperimentOnThePage();
    void exportingAllWritesACrateOthersAndQuireCanRead();
    void cleanupTestCase();

private:
    ElnExportDialog *openDialog();

    QTemporaryDir m_dir;
    QString m_vault;
    QString m_assay, m_buffers;
    quire::test::Screenshots m_shots{QStringLiteral("eln")};
    std::unique_ptr<MainWindow> m_window;
};

void ElnExportUiTest::initTestCase() {
    QVERIFY(m_dir.isValid());
    m_vault = m_dir.filePath(QStringLiteral("alice"));
    {
        auto created = Notebook::create(m_vault,
                                        NotebookSpec{QStringLiteral("Enzyme lab"),
                                                     QStringLiteral("Alice Author"),
                                                     QStringLiteral("alice@lab.example")},
                                        kPassphrase);
        QVERIFY2(created, qPrintable(created.error()));
        Notebook &a = **created;
        auto x =
            a.createExperiment(QStringLiteral("Lysozyme activity assay"), QStringLiteral("Enzymes"),
                               {QStringLiteral("lysozyme"), QStringLiteral("kinetics")});
        QVERIFY2(x, qPrintable(x.error()));
        m_assay = *x;
        QString last;
        for (int i = 1; i <= 6; ++i) {
            auto e = a.addEntry(m_assay, QStringLiteral("Activity run %1").arg(i),
                                QStringLiteral("<p>Turbidity at 450 nm, run %1.</p>").arg(i));
            QVERIFY2(e, qPrintable(e.error()));
            last = *e;
        }
        const QString csv = m_dir.filePath(QStringLiteral("run 6.csv"));
        quire::test::writeFile(csv, "t,A450\n0,0.702\n30,0.671\n");
        auto attached = a.attachFile(last, csv);
        QVERIFY2(attached, qPrintable(attached.error()));
        auto signature = a.sign(last, 0, QStringLiteral("authored"), kPassphrase);
        QVERIFY2(signature, qPrintable(signature.error()));
        auto y = a.createExperiment(QStringLiteral("Buffer prep"), {}, {});
        QVERIFY2(y, qPrintable(y.error()));
        m_buffers = *y;
        QVERIFY(a.addEntry(m_buffers, QStringLiteral("Phosphate 66 mM"),
                           QStringLiteral("<p>pH 6.2</p>")));
    }
    m_window = std::make_unique<MainWindow>(m_vault);
    m_window->resize(1180, 760);
    m_window->move(0, 0);
    quire::test::openAndUnlock(m_window.get(), kPassphrase);
    QTRY_VERIFY_WITH_TIMEOUT(quire::test::clickExperiment(m_window.get(), m_assay), 20000);
    QTRY_VERIFY_WITH_TIMEOUT(
        quire::test::pageHtml(m_window->entryView()).contains(QStringLiteral("Activity run 6")),
        20000);
}

ElnExportDialog *ElnExportUiTest::openDialog() {
    auto *action = m_window->findChild<QAction *>(QStringLiteral("exportElnAction"));
    if (!action) return nullptr;
    if (!QTest::qWaitFor([&] { return action->isEnabled(); }, 10000)) return nullptr;
    action->trigger();
    return quire::test::waitForDialog<ElnExportDialog>(m_window.get());
}

void ElnExportUiTest::theDialogStartsWithTheExperimentOnThePage() {
    QPointer<ElnExportDialog> dialog = openDialog();
    QVERIFY(dialog);
    auto *list = dialog->findChild<QListWidget *>(QStringLiteral("experimentList"));
    QCOMPARE(list->count(), 2);
    int checked = 0;
    for (int i = 0; i < list->count(); ++i) {
        if (list->item(i)->checkState() != Qt::Checked) continue;
        ++checked;
        QCOMPARE(list->item(i)->data(Qt::UserRole).toString(), m_assay);
        QVERIFY2(list->item(i)->text().contains(QStringLiteral("6 entries")),
                 qPrintable(list->item(i)->text()));
    }
    QCOMPARE(checked, 1);
    QVERIFY(dialog->findChild<QRadioButton *>(QStringLiteral("someRadio"))->isChecked());
    QVERIFY(dialog->findChild<QLineEdit *>(QStringLiteral("pathEdit"))
                ->text()
                .endsWith(QStringLiteral("Lysozyme activity assay.eln")));
    QVERIFY(!m_shots.take(m_window.get(), QStringLiteral("export-eln-form"), dialog).isEmpty());
    // Nothing chosen: refused in words, nothing started.
    for (int i = 0; i < list->count(); ++i)
        list->item(i)->setCheckState(Qt::Unchecked);
    QTest::mouseClick(dialog->findChild<QPushButton *>(QStringLiteral("exportButton")),
                      Qt::LeftButton);
    QVERIFY2(dialog->errorText().contains(QStringLiteral("at least one experiment")),
             qPrintable(dialog->errorText()));
    QVERIFY(!dialog->isWorking());
    dialog->reject();
    QTRY_VERIFY(!dialog);
}

void ElnExportUiTest::exportingAllWritesACrateOthersAndQuireCanRead() {
    QPointer<ElnExportDialog> dialog = openDialog();
    QVERIFY(dialog);
    dialog->findChild<QRadioButton *>(QStringLiteral("allRadio"))->setChecked(true);
    QVERIFY(!dialog->findChild<QListWidget *>(QStringLiteral("experimentList"))->isEnabled());
    const QString path = m_dir.filePath(QStringLiteral("Enzyme lab.eln"));
    dialog->findChild<QLineEdit *>(QStringLiteral("pathEdit"))->setText(path);
    QTest::mouseClick(dialog->findChild<QPushButton *>(QStringLiteral("exportButton")),
                      Qt::LeftButton);
    QTRY_VERIFY_WITH_TIMEOUT(
        !dialog->writtenPath().isEmpty() &&
            dialog->findChild<QLabel *>(QStringLiteral("summaryLabel"))->isVisible(),
        60000);
    const QString summary = dialog->findChild<QLabel *>(QStringLiteral("summaryLabel"))->text();
    QVERIFY2(summary.contains(QStringLiteral("2 experiments")) &&
                 summary.contains(QStringLiteral("7 entries")) &&
                 summary.contains(QStringLiteral("1 file")) &&
                 summary.contains(QStringLiteral("1 signature;")),
             qPrintable(summary));
    QCOMPARE(dialog->exportResult().signatures, 1);
    QVERIFY(!m_shots.take(m_window.get(), QStringLiteral("export-eln-done"), dialog).isEmpty());
    QVERIFY(QFile::exists(path));

    const Tool check = runTool(
        QStringLiteral("python3"),
        {qEnvironmentVariable("QUIRE_SOURCE_DIR") + QStringLiteral("/tests/check_eln.py"), path});
    QVERIFY2(check.exitCode == 0, qPrintable(check.all()));
    const QJsonObject datasets =
        QJsonDocument::fromJson(check.out).object().value("datasets").toObject();
    QCOMPARE(datasets.value("experiment").toInt(), 2);
    QCOMPARE(datasets.value("notebook entry").toInt(), 7);

    const QString out = m_dir.filePath(QStringLiteral("unzipped"));
    const Tool unzip =
        runTool(QStringLiteral("python3"),
                {QStringLiteral("-c"),
                 QStringLiteral(
                     "import sys, zipfile; zipfile.ZipFile(sys.argv[1]).extractall(sys.argv[2])"),
                 path, out});
    QVERIFY2(unzip.exitCode == 0, qPrintable(unzip.all()));
    QMap<QString, QByteArray> proof;
    QDirIterator it(out + QStringLiteral("/Enzyme-lab/quire"), QDir::Files);
    while (it.hasNext()) {
        QFile f(it.next());
        QVERIFY(f.open(QIODevice::ReadOnly));
        proof.insert(QFileInfo(f).fileName(), f.readAll());
    }
    const ProofReport report = verifyQuireProof(proof);
    QVERIFY(report.ok());
    QCOMPARE(report.notebookName, QStringLiteral("Enzyme lab"));

    dialog->findChild<QPushButton *>(QStringLiteral("closeButton"))->click();
    QTRY_VERIFY(!dialog);
}

void ElnExportUiTest::cleanupTestCase() {
    m_window.reset();
}

int main(int argc, char *argv[]) {
    return runGuiTest<ElnExportUiTest>(argc, argv, "QuireElnGuiTest");
}

#include "tst_eln_export_ui.moc"
