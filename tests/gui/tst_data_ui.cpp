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
#include "page/EntryPageRenderer.h"
#include "page/EntryPageView.h"
#include "settings/InstrumentsDialog.h"
#include "sidebar/SidebarModel.h"
#include "window/InboxController.h"
#include "window/MainWindow.h"
#include "window/TextIndexController.h"

#include <QAbstractScrollArea>
#include <QDir>
#include <QFile>
#include <QInputDialog>
#include <QLabel>
#include <QLineEdit>
#include <QMimeData>
#include <QPainter>
#include <QPdfWriter>
#include <QProgressBar>
#include <QPushButton>
#include <QScopeGuard>
#include <QSettings>
#include <QSignalSpy>
#include <QSpinBox>
#include <QSplitter>
#include <QStatusBar>
#include <QTabBar>
#include <QTableWidget>
#include <QTemporaryDir>
#include <QTest>
#include <QTimer>
#include <QTreeView>
#include <QWebEngineScript>
#include <QWheelEvent>

#include <cmath>
#include <cstdio>

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
    void droppingACaptureOnAnEntryOfThePageFilesItIntoThatEntry();
    void attachedPdfIsFoundByAWordOnItsThirdPage();
    void largeCsvIsCapturedWhileTheWindowKeepsServing();
    void dataTabShowsHowMuchOfALargeFileIsReadAndCanStop();
    void instrumentIsRetiredWithAReasonAndItsFolderChangedAndUnbound();
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
    QString m_large; // the capture of a file of some 200 MB
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
    // The real part is drawn; the imaginary part waits, listed faded in the legend.
    QCOMPARE(data->seriesShown(), 2);
    QCOMPARE(data->seriesDrawn(), 1);
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

void DataUiTest::droppingACaptureOnAnEntryOfThePageFilesItIntoThatEntry() {
    // A second entry, so that where the capture lands is the point.
    auto baseline = m_window->notebook()->addEntry(
        m_experiment, QStringLiteral("Baseline of the empty cell"),
        QStringLiteral("<p>THF alone in the same 1 cm cell, before the dye.</p>"));
    QVERIFY2(baseline, qPrintable(baseline.error()));
    QTRY_VERIFY_WITH_TIMEOUT(quire::test::pageHtml(m_window->entryView())
                                 .contains(QStringLiteral("Baseline of the empty cell")),
                             10000);
    QVERIFY(QFile::copy(m_dir.filePath(QStringLiteral("dye-rerun.csv")),
                        m_watch + QStringLiteral("/baseline-0414.csv")));
    SidebarModel *model = m_window->sidebarModel();
    QTRY_COMPARE_WITH_TIMEOUT(model->inbox().size(), 1, 20000);
    const QString capture = captureNamed(QStringLiteral("baseline-0414.csv"));
    QVERIFY(!capture.isEmpty());
    auto before = m_window->notebook()->entry(*baseline);
    QVERIFY(before);
    QCOMPARE(before->versionCount, 1);

    // Where the baseline entry's title is on the page, in the view's pixels.
    EntryPageView *view = m_window->entryView();
    const QString anchor = EntryPageRenderer::anchorFor(*baseline);
    const QVariantList box =
        quire::test::runScript(
            view,
            QStringLiteral("(function () { const a = document.getElementById('%1');"
                           " a.scrollIntoView(); const r = a.querySelector('.entry-meta')"
                           ".getBoundingClientRect(); return [r.left + 40, r.top + r.height / 2];"
                           " })()")
                .arg(anchor),
            QWebEngineScript::ApplicationWorld)
            .toList();
    QCOMPARE(box.size(), 2);
    QTest::qWait(200);
    const QPoint at =
        (QPointF(box.at(0).toDouble(), box.at(1).toDouble()) * view->zoomFactor()).toPoint();
    QVERIFY2(view->rect().contains(at),
             qPrintable(QStringLiteral("%1,%2").arg(at.x()).arg(at.y())));

    // Delivered as Qt delivers a drag: to the deepest widget under the pointer that takes drops,
    // or the nearest parent that does.
    std::unique_ptr<QMimeData> dragged(model->mimeData({model->indexOfCapture(capture)}));
    QVERIFY(dragged);
    QWidget *target = view->childAt(at) ? view->childAt(at) : view;
    while (target && !target->acceptDrops() && !target->isWindow())
        target = target->parentWidget();
    QVERIFY(target && target->acceptDrops());
    const QPoint local = target->mapFrom(view, at);
    QSignalSpy filed(m_window->inbox(), &InboxController::filed);
    QDragEnterEvent enter(local, Qt::CopyAction, dragged.get(), Qt::LeftButton, Qt::NoModifier);
    QApplication::sendEvent(target, &enter);
    QVERIFY(enter.isAccepted());
    QDragMoveEvent move(local, Qt::CopyAction, dragged.get(), Qt::LeftButton, Qt::NoModifier);
    QApplication::sendEvent(target, &move);
    QVERIFY(move.isAccepted());
    QDropEvent drop(QPointF(local), Qt::CopyAction, dragged.get(), Qt::LeftButton, Qt::NoModifier);
    QApplication::sendEvent(target, &drop);
    QVERIFY(drop.isAccepted());
    // No entry is asked for: the entry under the pointer takes it.
    QVERIFY(filed.wait(10000));
    QVERIFY(!quire::test::waitForDialog<QInputDialog>(m_window.get(), 300));
    QCOMPARE(filed.first().at(0).toString(), capture);
    QCOMPARE(filed.first().at(1).toString(), *baseline);

    // One new version of that entry, holding the capture, as `inbox file --entry` makes.
    auto after = m_window->notebook()->entry(*baseline);
    QVERIFY(after);
    QCOMPARE(after->versionCount, 2);
    QCOMPARE(after->attachments.size(), 1);
    QCOMPARE(after->attachments.first().id, capture);
    QCOMPARE(after->reason, QStringLiteral("filed “baseline-0414.csv” from the inbox"));
    auto first = m_window->notebook()->entry(m_entry);
    QVERIFY(first);
    for (const AttachmentInfo &a : first->attachments)
        QVERIFY(a.id != capture);
    QTRY_VERIFY(model->inbox().isEmpty());
    QTRY_VERIFY_WITH_TIMEOUT(
        quire::test::pageHtml(m_window->entryView()).contains(QStringLiteral("baseline-0414.csv")),
        10000);
    quire::test::runScript(
        view, QStringLiteral("document.getElementById('%1').scrollIntoView()").arg(anchor),
        QWebEngineScript::ApplicationWorld);
    screenshot(QStringLiteral("capture-dropped-on-entry"));
}

void DataUiTest::attachedPdfIsFoundByAWordOnItsThirdPage() {
    // A supplier's certificate of three pages, made here; the word is on the last page only.
    const QString pdf = m_dir.filePath(QStringLiteral("dye-certificate.pdf"));
    {
        QPdfWriter writer(pdf);
        writer.setResolution(300);
        QPainter painter(&writer);
        const QStringList pages{QStringLiteral("Certificate of analysis"),
                                QStringLiteral("Lot 0412, purity 99.2 %"),
                                QStringLiteral("Solvatochromic shift measured in acetonitrile")};
        for (int i = 0; i < pages.size(); ++i) {
            if (i > 0) writer.newPage();
            painter.drawText(QPointF(300, 400), pages.at(i));
        }
    }
    QSignalSpy indexed(m_window->textIndex(), &TextIndexController::indexed);
    auto id = m_window->notebook()->attachFile(m_entry, pdf);
    QVERIFY2(id, qPrintable(id.error()));
    // The window reads it on a worker after the refresh the change brings.
    auto readIt = [&] {
        for (const auto &call : indexed)
            for (const TextIndexOutcome &o : call.first().value<QList<TextIndexOutcome>>())
                if (o.attachment == *id) return o.problem.isEmpty() && o.pagesRead == 3;
        return false;
    };
    QTRY_VERIFY_WITH_TIMEOUT(readIt(), 20000);
    auto hits = m_window->notebook()->search(QStringLiteral("solvatochromic"));
    QVERIFY2(hits, qPrintable(hits.error()));
    QCOMPARE(hits->size(), 1);
    QCOMPARE(hits->first().kind, QStringLiteral("attachment"));
    QCOMPARE(hits->first().title, QStringLiteral("dye-certificate.pdf"));
    QCOMPARE(hits->first().uuid, m_entry);
}

void DataUiTest::largeCsvIsCapturedWhileTheWindowKeepsServing() {
    // A kinetics run of some 200 MB: 11.2 million rows of time and absorbance, written beside
    // the folder and moved into it whole, as an instrument's software often does.
    const QString staged = m_dir.filePath(QStringLiteral("kinetics-0415.csv"));
    qint64 size = 0;
    {
        QFile f(staged);
        QVERIFY(f.open(QIODevice::WriteOnly));
        QByteArray block;
        block.reserve(1 << 21);
        block += "Time (s),Absorbance\n";
        char row[64];
        for (int i = 0; i < 11'200'000; ++i) {
            const int n = std::snprintf(row, sizeof row, "%.3f,%.6f\n", i * 0.001,
                                        0.8 * (1 - std::exp(-i * 2e-7)) +
                                            0.01 * double((i * 7919LL) % 97) / 97.0);
            block.append(row, n);
            if (block.size() > (1 << 21) - 64) {
                QCOMPARE(f.write(block), block.size());
                block.clear();
            }
        }
        QCOMPARE(f.write(block), block.size());
        size = f.size();
    }
    QVERIFY2(size > 190'000'000, qPrintable(QString::number(size)));
    DetailsPanel *details = m_window->detailsPanel();
    details->showTab(DetailsPanel::SignaturesTab);
    QSignalSpy capturing(m_window->inbox(), &InboxController::capturing);
    QSignalSpy captured(m_window->inbox(), &InboxController::captured);
    QVERIFY(QFile::rename(staged, m_watch + QStringLiteral("/kinetics-0415.csv")));
    QTRY_VERIFY_WITH_TIMEOUT(!capturing.isEmpty(), 30000);
    QVERIFY(captured.isEmpty());

    // A person clicks the Files tab while the file is being taken: the click is served at once,
    // before the capture ends (the capture runs on its own thread; the window only hears it).
    auto *tabs = details->findChild<QTabBar *>();
    QVERIFY(tabs);
    bool servedDuringCapture = false;
    const QMetaObject::Connection watching =
        connect(tabs, &QTabBar::currentChanged, this,
                [&](int) { servedDuringCapture = captured.isEmpty(); });
    const auto forget = qScopeGuard([&] { disconnect(watching); });
    const QPoint tab = tabs->tabRect(DetailsPanel::FilesTab).center();
    QCoreApplication::postEvent(tabs, new QMouseEvent(QEvent::MouseButtonPress, tab,
                                                      tabs->mapToGlobal(tab), Qt::LeftButton,
                                                      Qt::LeftButton, Qt::NoModifier));
    QCoreApplication::postEvent(tabs, new QMouseEvent(QEvent::MouseButtonRelease, tab,
                                                      tabs->mapToGlobal(tab), Qt::LeftButton,
                                                      Qt::NoButton, Qt::NoModifier));
    QTRY_COMPARE_WITH_TIMEOUT(tabs->currentIndex(), int(DetailsPanel::FilesTab), 5000);
    QVERIFY2(servedDuringCapture, "the click waited for the capture");
    // The status bar says how far the capture has come.
    QTRY_VERIFY_WITH_TIMEOUT(
        m_window->statusBar()->currentMessage().contains(QStringLiteral("kinetics-0415.csv")) ||
            !captured.isEmpty(),
        5000);
    if (captured.isEmpty()) screenshot(QStringLiteral("capturing-large-file"));

    QTRY_VERIFY_WITH_TIMEOUT(!captured.isEmpty(), 180000);
    QCOMPARE(captured.first().first().toString(), QStringLiteral("kinetics-0415.csv"));
    // Progress came in steps of the bytes stored, not as one busy bar.
    QVERIFY2(capturing.size() >= 3, qPrintable(QString::number(capturing.size())));
    QCOMPARE(capturing.first().at(2).toLongLong(), size);
    m_large = captureNamed(QStringLiteral("kinetics-0415.csv"));
    QVERIFY(!m_large.isEmpty());
    auto info = m_window->notebook()->capture(m_large);
    QVERIFY(info);
    QCOMPARE(info->size, size);
}

void DataUiTest::dataTabShowsHowMuchOfALargeFileIsReadAndCanStop() {
    QVERIFY(!m_large.isEmpty());
    DetailsPanel *details = m_window->detailsPanel();
    const int files = details->attachments()->fileCount();
    QSignalSpy filed(m_window->inbox(), &InboxController::filed);
    m_window->inbox()->fileCapture(m_large, m_experiment, m_entry);
    QCOMPARE(filed.size(), 1);
    QTRY_COMPARE_WITH_TIMEOUT(details->attachments()->fileCount(), files + 1, 15000);
    QTRY_VERIFY(!m_window->isBusy());

    DataPanel *data = details->data();
    auto *bar = data->findChild<QProgressBar *>(QStringLiteral("dataProgress"));
    auto *cancel = data->findChild<QPushButton *>(QStringLiteral("cancelRead"));
    QVERIFY(bar && cancel);
    QSignalSpy loaded(data, &DataPanel::loaded);
    QVERIFY(details->attachments()->selectAttachment(m_large));
    details->showTab(DetailsPanel::DataTab);
    // A bar of the bytes read, moving, with words saying what it is doing.
    QTRY_VERIFY_WITH_TIMEOUT(bar->isVisible() && bar->value() > 0, 30000);
    QVERIFY(bar->maximum() > 0);
    QVERIFY(cancel->isVisible() && cancel->isEnabled());
    const int first = bar->value();
    auto *status = data->findChild<QLabel *>(QStringLiteral("dataStatus"));
    QVERIFY(status);
    QVERIFY2(status->text().contains(QStringLiteral("%")), qPrintable(status->text()));
    screenshot(QStringLiteral("data-reading-large-file"));
    QTRY_VERIFY_WITH_TIMEOUT(bar->value() > first || !loaded.isEmpty(), 30000);
    QVERIFY(loaded.isEmpty());
    QTest::mouseClick(cancel, Qt::LeftButton);
    QTRY_VERIFY_WITH_TIMEOUT(!loaded.isEmpty(), 30000);
    QCOMPARE(loaded.first().at(1).toString(), QStringLiteral("cancelled"));
    QVERIFY(!data->hasPlot());
    QVERIFY(!bar->isVisible());
    QVERIFY2(status->text().contains(QStringLiteral("stopped")), qPrintable(status->text()));

    // Chosen again, it is read to the end: ten million points, drawn thinned per pixel column.
    loaded.clear();
    details->showTab(DetailsPanel::FilesTab);
    details->showTab(DetailsPanel::DataTab);
    QTRY_VERIFY_WITH_TIMEOUT(!loaded.isEmpty(), 120000);
    QVERIFY2(loaded.first().at(1).toString().isEmpty(),
             qPrintable(loaded.first().at(1).toString()));
    QVERIFY(data->hasPlot());
    QCOMPARE(data->seriesShown(), 1);
    QVERIFY2(data->xAxisTitle().contains(QStringLiteral("(s)")), qPrintable(data->xAxisTitle()));
    QTest::qWait(100);
    screenshot(QStringLiteral("data-ten-million-points"));
}

void DataUiTest::instrumentIsRetiredWithAReasonAndItsFolderChangedAndUnbound() {
    Notebook *notebook = m_window->notebook();
    auto ph = notebook->addInstrument(QStringLiteral("pH meter"), QStringLiteral("Mettler S220"),
                                      QStringLiteral("B-77"), QStringLiteral("Room 214"));
    QVERIFY2(ph, qPrintable(ph.error()));
    auto instruments = notebook->instruments();
    QVERIFY(instruments);
    QString uv;
    for (const InstrumentInfo &i : *instruments)
        if (i.name == QStringLiteral("UV-2600")) uv = i.uuid;
    QVERIFY(!uv.isEmpty());
    const QString otherFolder = m_dir.filePath(QStringLiteral("uv-2600-exports"));
    QVERIFY(QDir().mkpath(otherFolder));
    QVERIFY(m_window->inbox()->isRunning());

    bool done = false;
    QTimer::singleShot(300, this, [&] {
        auto *dialog = quire::test::waitForDialog<InstrumentsDialog>(m_window.get(), 5000);
        QVERIFY(dialog);
        auto *watch = dialog->findChild<QPushButton *>(QStringLiteral("watchFolderButton"));
        auto *unwatch = dialog->findChild<QPushButton *>(QStringLiteral("stopWatchingButton"));
        auto *retire = dialog->findChild<QPushButton *>(QStringLiteral("retireButton"));
        QVERIFY(watch && unwatch && retire);

        // The UV-Vis spectrometer's binding is shown to change: its folder, patterns and times.
        QVERIFY(dialog->selectInstrument(uv));
        QVERIFY(unwatch->isEnabled());
        QCOMPARE(watch->text(), QStringLiteral("Change &folder…"));
        QTimer::singleShot(300, dialog, [&, dialog] {
            auto *ask = quire::test::waitForDialog<QDialog>(dialog, 5000);
            QVERIFY(ask && ask->objectName() == QStringLiteral("watchFolderDialog"));
            auto *folder = ask->findChild<QLineEdit *>(QStringLiteral("folder"));
            auto *patterns = ask->findChild<QLineEdit *>(QStringLiteral("patterns"));
            auto *settle = ask->findChild<QSpinBox *>(QStringLiteral("settle"));
            QVERIFY(folder && patterns && settle);
            QCOMPARE(folder->text(), QFileInfo(m_watch).absoluteFilePath());
            QCOMPARE(patterns->text(), QStringLiteral("*.jdx, *.csv"));
            QCOMPARE(settle->value(), 1);
            folder->setText(otherFolder);
            patterns->setText(QStringLiteral("*.jdx, *.csv, *.txt"));
            settle->setValue(3);
            QVERIFY(
                !m_shots.take(dialog, QStringLiteral("instrument-folder-change"), ask).isEmpty());
            ask->accept();
        });
        watch->click();
        auto folders = notebook->watchFolders();
        QVERIFY(folders && folders->size() == 1);
        QCOMPARE(folders->first().folder, QFileInfo(otherFolder).absoluteFilePath());
        QCOMPARE(folders->first().patterns,
                 (QStringList{QStringLiteral("*.jdx"), QStringLiteral("*.csv"),
                              QStringLiteral("*.txt")}));
        QCOMPARE(folders->first().settleSeconds, 3);

        // The pH meter is retired with a reason; it stays listed, greyed, with the reason.
        QVERIFY(dialog->selectInstrument(*ph));
        QVERIFY(!unwatch->isEnabled()); // not watched here
        QVERIFY(retire->isEnabled());
        QTimer::singleShot(300, dialog, [&, dialog] {
            auto *ask = quire::test::waitForDialog<QInputDialog>(dialog, 5000);
            QVERIFY(ask);
            ask->setTextValue(QStringLiteral("electrode broken, sent back to the vendor"));
            QVERIFY(!m_shots.take(dialog, QStringLiteral("instrument-retire"), ask).isEmpty());
            ask->accept();
        });
        retire->click();
        QVERIFY(!retire->isEnabled());
        QVERIFY(!watch->isEnabled());
        QStringList rows;
        for (int row = 0; row < dialog->table()->rowCount(); ++row)
            rows << dialog->table()->item(row, 0)->text() + QLatin1Char('|') +
                        dialog->table()->item(row, 2)->text();
        QVERIFY2(rows.contains(QStringLiteral(
                     "pH meter (retired)|Retired: electrode broken, sent back to the vendor")),
                 qPrintable(rows.join(QLatin1Char('\n'))));

        // The spectrometer's folder is let go: nothing more is taken from it here.
        QVERIFY(dialog->selectInstrument(uv));
        unwatch->click();
        QVERIFY(!unwatch->isEnabled());
        QCOMPARE(dialog->table()->item(0, 2)->text(), QStringLiteral("not watched here"));
        QVERIFY(!m_shots.take(dialog, QStringLiteral("instruments")).isEmpty());
        done = true;
        dialog->reject();
    });
    m_window->inbox()->showInstruments();
    QVERIFY(done);
    auto after = notebook->instruments();
    QVERIFY(after);
    for (const InstrumentInfo &i : *after)
        if (i.uuid == *ph) {
            QCOMPARE(i.status, QStringLiteral("retired"));
            QCOMPARE(i.reason, QStringLiteral("electrode broken, sent back to the vendor"));
        }
    auto folders = notebook->watchFolders();
    QVERIFY(folders && folders->isEmpty());
    // With no folder bound on this computer the window captures nothing.
    QVERIFY(!m_window->inbox()->isRunning());
    // Both changes of this computer's binding are in the audit trail.
    auto trail = notebook->auditTrail();
    QVERIFY(trail);
    int bindings = 0;
    for (const AuditEvent &e : *trail)
        if (e.detail.value("setting").toString() == QStringLiteral("watch_folder") &&
            e.detail.value("instrument").toString() == uv)
            ++bindings;
    QCOMPARE(bindings, 3); // bound at the start, changed, removed
}

void DataUiTest::cleanupTestCase() {
    m_window.reset();
}

int main(int argc, char *argv[]) {
    return runGuiTest<DataUiTest>(argc, argv, "tst_data_ui");
}

#include "tst_data_ui.moc"
