// File ▸ Import .eln… in the window (issue 15): the menu item, the file chosen in the file
// dialog, the import on a worker with its progress, and the report — counts, what could not be
// imported — with the experiments in the sidebar afterwards. A hostile archive ends in a report
// that says nothing was imported, and the notebook is as it was. Screenshots go to
// QUIRE_SCREENSHOT_DIR/eln.

#include "ElnCraft.h"
#include "exchange/ImportElnDialog.h"
#include "GuiDriver.h"
#include "GuiTestMain.h"
#include "Notebook.h"
#include "window/MainWindow.h"

#include <QAction>
#include <QDialogButtonBox>
#include <QFileDialog>
#include <QFileInfo>
#include <QLineEdit>
#include <QMenuBar>
#include <QPointer>
#include <QPushButton>
#include <QTemporaryDir>
#include <QTest>

using namespace quire;
using namespace quire::widgets;

namespace {
const QByteArray kPassphrase = "correct horse battery staple";
}

class ElnUiTest : public QObject {
    Q_OBJECT

private slots:
    void initTestCase();
    void importThroughTheFileMenuShowsTheReport();
    void aHostileArchiveEndsInAReportThatNothingWasImported();

private:
    // Triggers File ▸ Import .eln… and picks `path` in the file dialog it opens.
    ImportElnDialog *importThroughMenu(const QString &path);
    void screenshot(const QString &name, QWidget *extra = nullptr) {
        QVERIFY2(!m_shots.take(m_window.get(), name, extra).isEmpty(), qPrintable(name));
    }

    QTemporaryDir m_dir;
    QString m_vault;
    quire::test::Screenshots m_shots{QStringLiteral("eln")};
    std::unique_ptr<MainWindow> m_window;
};

void ElnUiTest::initTestCase() {
    QVERIFY(m_dir.isValid());
    m_vault = m_dir.filePath(QStringLiteral("alice"));
    {
        auto created = Notebook::create(
            m_vault, NotebookSpec{"Exchange lab", "Alice Author", "alice@lab.example"},
            kPassphrase);
        QVERIFY2(created, qPrintable(created.error()));
        QVERIFY((*created)->createExperiment("Our own work", "Lab", {}));
    }
    m_window = std::make_unique<MainWindow>(m_vault);
    m_window->resize(1180, 760);
    m_window->move(0, 0);
    quire::test::openAndUnlock(m_window.get(), kPassphrase);
    QTRY_COMPARE_WITH_TIMEOUT(quire::test::experimentCount(m_window.get()), 1, 20000);
}

ImportElnDialog *ElnUiTest::importThroughMenu(const QString &path) {
    auto *action = m_window->findChild<QAction *>(QStringLiteral("importElnAction"));
    if (!action || !QTest::qWaitFor([&] { return action->isEnabled(); }, 10000)) return nullptr;
    // The action is in the File menu.
    bool inFileMenu = false;
    for (QAction *menu : m_window->menuBar()->actions())
        if (menu->menu() && menu->menu()->actions().contains(action)) inFileMenu = true;
    if (!inFileMenu) return nullptr;
    // The file dialog runs its own event loop: the file is picked from a timer once it is up,
    // typed into the file name field as a person would.
    quire::test::FileDialogAnswerer answer(
        m_window.get(), QDialogButtonBox::Open, [&](QFileDialog *chooser) {
            if (auto *name = chooser->findChild<QLineEdit *>(QStringLiteral("fileNameEdit")))
                name->setText(path);
        });
    action->trigger();
    if (!answer.answered()) return nullptr;
    return quire::test::waitForDialog<ImportElnDialog>(m_window.get());
}

void ElnUiTest::importThroughTheFileMenuShowsTheReport() {
    const QString path = qEnvironmentVariable("QUIRE_TESTDATA") + "/eln/elabftw-export.eln";
    QPointer<ImportElnDialog> dialog = importThroughMenu(path);
    QVERIFY(dialog);
    QTRY_VERIFY_WITH_TIMEOUT(!dialog->isImporting(), 60000);
    QVERIFY2(dialog->succeeded(), qPrintable(dialog->reportText()));
    QVERIFY2(dialog->summaryText().contains("12 experiments"), qPrintable(dialog->summaryText()));
    QVERIFY2(dialog->reportText().contains("aggregateRating"), qPrintable(dialog->reportText()));
    QTRY_COMPARE_WITH_TIMEOUT(quire::test::experimentCount(m_window.get()), 13, 20000);
    dialog->move(m_window->x() + 200, m_window->y() + 120);
    screenshot(QStringLiteral("import-report"), dialog);
    dialog->accept();
    QTRY_VERIFY(!dialog);
    // The first imported experiment is on the page, with where it came from.
    QTRY_VERIFY_WITH_TIMEOUT(quire::test::pageHtml(m_window->entryView())
                                 .contains(QStringLiteral("Imported from eLabFTW")),
                             20000);
    screenshot(QStringLiteral("imported-experiment"));
}

void ElnUiTest::aHostileArchiveEndsInAReportThatNothingWasImported() {
    const QString path = m_dir.filePath(QStringLiteral("hostile.eln"));
    const QString made = quire::test::craftZip(
        path, {{"crate/ro-crate-metadata.json", quire::test::smallCrateMetadata("./exp/data.csv")},
               {"crate/exp/data.csv", "x,y\n1,2\n"},
               {"crate/../../escape.txt", "x"}});
    QVERIFY2(made.isEmpty(), qPrintable(made));
    const int before = quire::test::experimentCount(m_window.get());
    QPointer<ImportElnDialog> dialog = importThroughMenu(path);
    QVERIFY(dialog);
    QTRY_VERIFY_WITH_TIMEOUT(!dialog->isImporting(), 60000);
    QVERIFY(!dialog->succeeded());
    QVERIFY2(dialog->summaryText().contains("Nothing was imported"),
             qPrintable(dialog->summaryText()));
    QVERIFY2(dialog->reportText().contains("climbs out"), qPrintable(dialog->reportText()));
    dialog->move(m_window->x() + 200, m_window->y() + 120);
    screenshot(QStringLiteral("hostile-refused"), dialog);
    dialog->accept();
    QTRY_VERIFY(!dialog);
    QCOMPARE(quire::test::experimentCount(m_window.get()), before);
}

int main(int argc, char *argv[]) {
    return runGuiTest<ElnUiTest>(argc, argv, "QuireElnGuiTest");
}

#include "tst_eln_ui.moc"
