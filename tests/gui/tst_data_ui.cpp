// The Data tab of the details panel, driven as a person would: a UV-Vis file (two series, a
// legend), an NMR spectrum whose ppm axis runs right to left, zooming with the wheel and back,
// and a CSV export of the same kind of measurement laid over the UV-Vis plot. The files are
// real instrument files (QUIRE_TESTDATA) attached through the model; the window reads them on
// a worker. Screenshots in QUIRE_SCREENSHOT_DIR/data.

#include "details/AttachmentPanel.h"
#include "details/DataPanel.h"
#include "details/DetailsPanel.h"
#include "GuiDriver.h"
#include "GuiTestMain.h"
#include "Notebook.h"
#include "sidebar/SidebarModel.h"
#include "window/InboxController.h"
#include "window/MainWindow.h"

#include <QAbstractScrollArea>
#include <QDir>
#include <QFile>
#include <QInputDialog>
#include <QMimeData>
#include <QPushButton>
#include <QSettings>
#include <QSignalSpy>
#include <QSplitter>
#include <QTableWidget>
#include <QTemporaryDir>
#include <QTest>
#include <QTimer>
#include <QTreeView>
#include <QWebEngineScript>
#include <QWheelEvent>

#include <cmath>

using namespace quire;
using namespace quire::widgets;

namespace {

const QByteArray kPassphrase = "correct horse battery staple";
const QString kExperiment = QStringLiteral("Dye uptake in THF");
const QString kEntry = QStringLiteral("Spectra of the dye solution");

QString testData(const QString &name) {
    return qEnvironmentVariable("QUIRE_TESTDATA") + QStringLiteral("/instruments/jcamp/") + name;
}

} // namespace

class DataUiTest : public QObject {
    Q_OBJECT
private slots:
    void initTestCase();
    void uvVisFileIsPlottedWithUnitsAndLegend();
    void wheelZoomsAndResetShowsEverything();
    void nmrSpectrumRunsRightToLeftInPpm();
    void anotherFileIsLaidOverThePlot();
    void insertedPlotIsAFigureNamingTheFileAndItsHash();
    void fileWrittenIntoAWatchFolderWaitsInTheInbox();
    void droppingACaptureOnAnExperimentFilesIt();
    void aCaptureIsSetAsideWithAReason();
    void cleanupTestCase();

private:
    void showData(const QString &attachment);
    void screenshot(const QString &name);
    QString captureNamed(const QString &name) const;

    QTemporaryDir m_dir;
    QString m_vault;
    QString m_entry;
    QString m_uv, m_nmr, m_csv;
    QString m_experiment;
    QString m_watch; // the UV-Vis instrument's folder
    quire::test::Screenshots m_shots{QStringLiteral("data")};
    std::unique_ptr<MainWindow> m_window;
};

void DataUiTest::initTestCase() {
    QVERIFY(m_dir.isValid());
    QVERIFY2(QFile::exists(testData(QStringLiteral("misc_uv.jdx"))), "QUIRE_TESTDATA is not set");
    QSettings().remove(QStringLiteral("detailsPanelShown"));
    m_vault = m_dir.filePath(QStringLiteral("vault"));
    // A CSV as a spectrometer's software exports it: the same band as the JCAMP-DX file.
    const QString csv = m_dir.filePath(QStringLiteral("dye-rerun.csv"));
    {
        QFile f(csv);
        QVERIFY(f.open(QIODevice::WriteOnly));
        QByteArray text = "Wavelength (nm),Absorbance\n";
        for (int nm = 190; nm <= 1100; nm += 2) {
            const double a = 0.45 * std::exp(-std::pow((nm - 420) / 40.0, 2)) + 0.05;
            text += QByteArray::number(nm) + ',' + QByteArray::number(a, 'f', 5) + '\n';
        }
        f.write(text);
    }
    {
        auto created =
            Notebook::create(m_vault,
                             NotebookSpec{QStringLiteral("Dye lab"), QStringLiteral("Ada Analyst"),
                                          QStringLiteral("ada@lab.example")},
                             kPassphrase);
        QVERIFY2(created, qPrintable(created.error()));
        Notebook &n = **created;
        auto experiment = n.createExperiment(kExperiment, QStringLiteral("Dyes"), {});
        QVERIFY2(experiment, qPrintable(experiment.error()));
        m_experiment = *experiment;
        // The spectrometer's export folder, watched by the window once it is unlocked.
        auto instrument = n.addInstrument(QStringLiteral("UV-2600"), QStringLiteral("Shimadzu"),
                                          QStringLiteral("A1234"), QStringLiteral("Room 214"));
        QVERIFY2(instrument, qPrintable(instrument.error()));
        m_watch = m_dir.filePath(QStringLiteral("uv-2600"));
        QVERIFY(QDir().mkpath(m_watch));
        WatchFolder w;
        w.instrument = *instrument;
        w.folder = m_watch;
        w.patterns = {QStringLiteral("*.jdx"), QStringLiteral("*.csv")};
        w.settleSeconds = 1;
        w.pollSeconds = 1;
        QVERIFY(n.setWatchFolder(w));
        auto entry = n.addEntry(*experiment, kEntry,
                                QStringLiteral("<p>UV-Vis of the dye in THF, 1 cm cell.</p>"));
        QVERIFY2(entry, qPrintable(entry.error()));
        m_entry = *entry;
        auto uv = n.attachFile(m_entry, testData(QStringLiteral("misc_uv.jdx")));
        QVERIFY2(uv, qPrintable(uv.error()));
        m_uv = *uv;
        auto nmr = n.attachFile(m_entry, testData(QStringLiteral("ethylvinylether_1h.jdx")));
        QVERIFY2(nmr, qPrintable(nmr.error()));
        m_nmr = *nmr;
        auto rerun = n.attachFile(m_entry, csv);
        QVERIFY2(rerun, qPrintable(rerun.error()));
        m_csv = *rerun;
    }
    m_window = std::make_unique<MainWindow>(m_vault);
    m_window->resize(1500, 950);
    m_window->move(0, 0);
    quire::test::openAndUnlock(m_window.get(), kPassphrase);
    QVERIFY(quire::test::clickExperiment(m_window.get(),
                                         m_window->sidebarModel()->experiments().first().uuid));
    QTRY_VERIFY_WITH_TIMEOUT(quire::test::pageHtml(m_window->entryView()).contains(kEntry), 10000);
    m_window->setDetailsVisible(true);
    auto *splitter = m_window->findChild<QSplitter *>();
    QVERIFY(splitter);
    splitter->setSizes({240, 520, 740});
    QTRY_COMPARE(m_window->detailsPanel()->attachments()->fileCount(), 3);
}

void DataUiTest::showData(const QString &attachment) {
    DetailsPanel *details = m_window->detailsPanel();
    QSignalSpy loaded(details->data(), &DataPanel::loaded);
    const bool shown = details->data()->attachment() == attachment && details->data()->hasPlot();
    QVERIFY(details->attachments()->selectAttachment(attachment));
    details->showTab(DetailsPanel::DataTab);
    if (shown) return; // already on show: nothing is read again
    QTRY_VERIFY_WITH_TIMEOUT(!loaded.isEmpty(), 10000);
    QCOMPARE(loaded.first().at(0).toString(), attachment);
    QVERIFY2(loaded.first().at(1).toString().isEmpty(),
             qPrintable(loaded.first().at(1).toString()));
    QTest::qWait(100);
}

void DataUiTest::screenshot(const QString &name) {
    QVERIFY2(!m_shots.take(m_window.get(), name).isEmpty(), qPrintable(name));
}

void DataUiTest::uvVisFileIsPlottedWithUnitsAndLegend() {
    showData(m_uv);
    DataPanel *data = m_window->detailsPanel()->data();
    QVERIFY(data->hasPlot());
    QCOMPARE(data->seriesShown(), 2); // absorbance and its variance, two blocks of a LINK file
    QVERIFY2(data->xAxisTitle().contains(QStringLiteral("nm")), qPrintable(data->xAxisTitle()));
    QVERIFY(!data->xAxisReversed());
    const auto [lo, hi] = data->xAxisRange();
    QCOMPARE(lo, 190.0);
    QCOMPARE(hi, 1100.0);
    auto *metadata = data->findChild<QTableWidget *>(QStringLiteral("dataMetadata"));
    QVERIFY(metadata);
    QStringList cells;
    for (int row = 0; row < metadata->rowCount(); ++row)
        cells << metadata->item(row, 1)->text();
    QVERIFY2(cells.join(QLatin1Char('|')).contains(QStringLiteral("Hewlett-Packard")),
             qPrintable(cells.join(QLatin1Char('|'))));
    screenshot(QStringLiteral("uv-vis"));
}

void DataUiTest::wheelZoomsAndResetShowsEverything() {
    DataPanel *data = m_window->detailsPanel()->data();
    // The wheel turns over the plot (the view's viewport takes it, as from the mouse).
    auto *view = qobject_cast<QAbstractScrollArea *>(data->chartWidget());
    QVERIFY(view);
    QWidget *chart = view->viewport();
    const QPointF centre = QRectF(chart->rect()).center();
    for (int i = 0; i < 3; ++i) {
        QWheelEvent wheel(centre, chart->mapToGlobal(centre), QPoint(), QPoint(0, 120),
                          Qt::NoButton, Qt::NoModifier, Qt::NoScrollPhase, false);
        QApplication::sendEvent(chart, &wheel);
    }
    const auto [lo, hi] = data->xAxisRange();
    QVERIFY2(hi - lo < 0.6 * (1100 - 190), qPrintable(QStringLiteral("%1..%2").arg(lo).arg(hi)));
    QVERIFY(lo > 190 && hi < 1100);
    screenshot(QStringLiteral("uv-vis-zoomed"));
    data->resetZoom();
    QCOMPARE(data->xAxisRange(), (QPair<double, double>{190.0, 1100.0}));
}

void DataUiTest::nmrSpectrumRunsRightToLeftInPpm() {
    showData(m_nmr);
    DataPanel *data = m_window->detailsPanel()->data();
    QVERIFY(data->hasPlot());
    QVERIFY2(data->xAxisTitle().contains(QStringLiteral("ppm"), Qt::CaseInsensitive),
             qPrintable(data->xAxisTitle()));
    QVERIFY(data->xAxisReversed());
    screenshot(QStringLiteral("nmr"));
}

void DataUiTest::anotherFileIsLaidOverThePlot() {
    showData(m_uv);
    DataPanel *data = m_window->detailsPanel()->data();
    QSignalSpy loaded(data, &DataPanel::loaded);
    data->addOverlay(m_csv);
    QTRY_VERIFY_WITH_TIMEOUT(!loaded.isEmpty(), 10000);
    QVERIFY2(loaded.first().at(1).toString().isEmpty(),
             qPrintable(loaded.first().at(1).toString()));
    QCOMPARE(data->seriesShown(), 3);
    QVERIFY(data->xAxisTitle().contains(QStringLiteral("nm")));
    screenshot(QStringLiteral("overlay"));
    data->clearOverlays();
    QCOMPARE(data->seriesShown(), 2);
}

void DataUiTest::insertedPlotIsAFigureNamingTheFileAndItsHash() {
    showData(m_uv);
    DataPanel *data = m_window->detailsPanel()->data();
    auto *insert = data->findChild<QPushButton *>(QStringLiteral("insertPlot"));
    QVERIFY(insert && insert->isEnabled());
    const int files = m_window->detailsPanel()->attachments()->fileCount();
    insert->click();
    QTRY_COMPARE_WITH_TIMEOUT(m_window->detailsPanel()->attachments()->fileCount(), files + 1,
                              15000);
    QTRY_VERIFY(!m_window->isBusy());
    auto entries = m_window->notebook()->entries(m_experiment);
    QVERIFY2(entries, qPrintable(entries.error()));
    const EntryVersion &e = entries->first();
    QString sha;
    for (const AttachmentInfo &a : e.attachments)
        if (a.id == m_uv) sha = a.sha256;
    QVERIFY(!sha.isEmpty());
    QVERIFY2(
        e.html.contains(QStringLiteral("<figcaption>Plot of misc_uv.jdx (SHA-256 %1)").arg(sha)),
        qPrintable(e.html));
    const AttachmentInfo png = e.attachments.last();
    QCOMPARE(png.name, QStringLiteral("Plot of misc_uv.png"));
    QVERIFY(e.html.contains(QStringLiteral("quire-attachment:") + png.id));
    auto picture = m_window->notebook()->attachmentBytes(png.id, 64 << 20);
    QVERIFY(picture);
    const QImage image = QImage::fromData(*picture, "PNG");
    QCOMPARE(image.size(), QSize(2400, 1500));
    QCOMPARE(image.dotsPerMeterX(), 11811); // 300 dpi
    QVERIFY(image.save(m_shots.dir() + QStringLiteral("/figure-as-kept.png")));
    QTRY_VERIFY_WITH_TIMEOUT(
        quire::test::pageHtml(m_window->entryView()).contains(QStringLiteral("SHA-256 ") + sha),
        10000);
    // The figure's picture is served to the page after its text.
    QTRY_VERIFY_WITH_TIMEOUT(
        quire::test::runScript(m_window->entryView(),
                               QStringLiteral("Array.from(document.images).every(i => "
                                              "i.complete && i.naturalWidth > 0)"),
                               QWebEngineScript::ApplicationWorld)
            .toBool(),
        10000);
    screenshot(QStringLiteral("plot-inserted"));
}

void DataUiTest::fileWrittenIntoAWatchFolderWaitsInTheInbox() {
    QVERIFY(m_window->inbox()->isRunning());
    // The instrument writes its file; the window takes it once it has settled.
    QVERIFY(QFile::copy(testData(QStringLiteral("misc_uv_ACD.jdx")),
                        m_watch + QStringLiteral("/dye-0412.jdx")));
    QVERIFY(QFile::copy(testData(QStringLiteral("compression-small_jcamp-fix.dx")),
                        m_watch + QStringLiteral("/blank-0413.csv")));
    SidebarModel *model = m_window->sidebarModel();
    QTRY_COMPARE_WITH_TIMEOUT(model->inbox().size(), 2, 20000);
    const QModelIndex group = model->indexOfGroup(SidebarModel::Group::Inbox);
    QVERIFY(group.isValid());
    QCOMPARE(group.data().toString(), QStringLiteral("Inbox (2)"));
    QVERIFY(m_window->sidebar()->isExpanded(group));
    QStringList names;
    for (int row = 0; row < model->rowCount(group); ++row)
        names << model->index(row, 0, group).data().toString();
    names.sort();
    QCOMPARE(names,
             (QStringList{QStringLiteral("blank-0413.csv"), QStringLiteral("dye-0412.jdx")}));
    const QString subtitle = model->indexOfCapture(model->inbox().first().id)
                                 .data(SidebarModel::SubtitleRole)
                                 .toString();
    QVERIFY2(subtitle.startsWith(QStringLiteral("UV-2600")), qPrintable(subtitle));
    screenshot(QStringLiteral("inbox"));
}

QString DataUiTest::captureNamed(const QString &name) const {
    for (const CaptureInfo &c : m_window->sidebarModel()->inbox())
        if (c.name == name) return c.id;
    return {};
}

void DataUiTest::droppingACaptureOnAnExperimentFilesIt() {
    const QString capture = captureNamed(QStringLiteral("dye-0412.jdx"));
    QVERIFY(!capture.isEmpty());
    SidebarModel *model = m_window->sidebarModel();
    // What the sidebar hands the model when the capture's row is dropped on the experiment.
    std::unique_ptr<QMimeData> dragged(model->mimeData({model->indexOfCapture(capture)}));
    QVERIFY(dragged);
    const QModelIndex target = model->indexOfExperiment(m_experiment);
    QVERIFY(model->canDropMimeData(dragged.get(), Qt::CopyAction, -1, -1, target));
    // The entry is asked for in a dialog of its own.
    bool asked = false;
    QTimer::singleShot(500, this, [&] {
        auto *dialog = quire::test::waitForDialog<QInputDialog>(m_window.get(), 5000);
        if (!dialog) return;
        asked = dialog->comboBoxItems().size() == 1;
        QVERIFY2(!m_shots.take(m_window.get(), QStringLiteral("file-into-entry"), dialog).isEmpty(),
                 "file-into-entry");
        dialog->accept();
    });
    QSignalSpy filed(m_window->inbox(), &InboxController::filed);
    model->dropMimeData(dragged.get(), Qt::CopyAction, -1, -1, target);
    QVERIFY(filed.wait(10000));
    QVERIFY(asked);
    QCOMPARE(filed.first().at(1).toString(), m_entry);
    QTRY_COMPARE(model->inbox().size(), 1);
    QTRY_VERIFY_WITH_TIMEOUT(
        quire::test::pageHtml(m_window->entryView()).contains(QStringLiteral("dye-0412.jdx")),
        10000);
    screenshot(QStringLiteral("capture-filed"));
}

void DataUiTest::aCaptureIsSetAsideWithAReason() {
    const QString capture = captureNamed(QStringLiteral("blank-0413.csv"));
    QVERIFY(!capture.isEmpty());
    QTimer::singleShot(500, this, [&] {
        auto *dialog = quire::test::waitForDialog<QInputDialog>(m_window.get(), 5000);
        if (!dialog) return;
        dialog->setTextValue(QStringLiteral("blank run"));
        dialog->accept();
    });
    m_window->inbox()->setAside(capture);
    QTRY_VERIFY(m_window->sidebarModel()->inbox().isEmpty());
    QVERIFY(!m_window->sidebarModel()->indexOfGroup(SidebarModel::Group::Inbox).isValid());
    auto info = m_window->notebook()->capture(capture);
    QVERIFY(info);
    QCOMPARE(info->setAsideReason, QStringLiteral("blank run"));
}

void DataUiTest::cleanupTestCase() {
    m_window.reset();
}

int main(int argc, char *argv[]) {
    return runGuiTest<DataUiTest>(argc, argv, "tst_data_ui");
}

#include "tst_data_ui.moc"
