#include "details/DataPanel.h"

#include <QChart>
#include <QChartView>
#include <QComboBox>
#include <QElapsedTimer>
#include <QEvent>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLegendMarker>
#include <QLineSeries>
#include <QMouseEvent>
#include <QProgressBar>
#include <QPushButton>
#include <QSplitter>
#include <QTableWidget>
#include <QtConcurrent/QtConcurrentRun>
#include <QTimer>
#include <QValueAxis>
#include <QVBoxLayout>
#include <QWheelEvent>

#include <algorithm>
#include <cmath>

namespace quire::widgets {

// The chart view: wheel zooms around the pointer's x, the middle button drags, arrows pan.
class DataChartView : public QChartView {
public:
    explicit DataChartView(QChart *chart, QWidget *parent)
        : QChartView(chart, parent) {
        setRubberBand(QChartView::RectangleRubberBand);
        setRenderHint(QPainter::Antialiasing);
        setFocusPolicy(Qt::StrongFocus);
    }

protected:
    void wheelEvent(QWheelEvent *event) override {
        const double factor = event->angleDelta().y() > 0 ? 1.25 : 0.8;
        const QRectF area = chart()->plotArea();
        const QPointF at = event->position();
        QRectF r(0, 0, area.width() / factor, area.height() / factor);
        r.moveCenter(QPointF(at.x() - (at.x() - area.center().x()) / factor,
                             at.y() - (at.y() - area.center().y()) / factor));
        chart()->zoomIn(r);
        event->accept();
    }
    void mousePressEvent(QMouseEvent *event) override {
        if (event->button() == Qt::MiddleButton) {
            m_panFrom = event->position();
            m_panning = true;
            setCursor(Qt::ClosedHandCursor);
            event->accept();
            return;
        }
        QChartView::mousePressEvent(event);
    }
    void mouseMoveEvent(QMouseEvent *event) override {
        if (m_panning) {
            const QPointF d = event->position() - m_panFrom;
            chart()->scroll(-d.x(), d.y());
            m_panFrom = event->position();
            event->accept();
            return;
        }
        QChartView::mouseMoveEvent(event);
    }
    void mouseReleaseEvent(QMouseEvent *event) override {
        if (m_panning && event->button() == Qt::MiddleButton) {
            m_panning = false;
            unsetCursor();
            event->accept();
            return;
        }
        // The right button would zoom out one step; Reset does that plainly.
        if (event->button() == Qt::RightButton) {
            event->accept();
            return;
        }
        QChartView::mouseReleaseEvent(event);
    }
    void keyPressEvent(QKeyEvent *event) override {
        const double step = 40;
        switch (event->key()) {
        case Qt::Key_Left:
            chart()->scroll(-step, 0);
            break;
        case Qt::Key_Right:
            chart()->scroll(step, 0);
            break;
        case Qt::Key_Up:
            chart()->scroll(0, step);
            break;
        case Qt::Key_Down:
            chart()->scroll(0, -step);
            break;
        case Qt::Key_Plus:
            chart()->zoom(1.25);
            break;
        case Qt::Key_Minus:
            chart()->zoom(0.8);
            break;
        default:
            QChartView::keyPressEvent(event);
            return;
        }
        event->accept();
    }

private:
    QPointF m_panFrom;
    bool m_panning = false;
};

namespace {
enum { IdRole = Qt::UserRole + 1 };

QValueAxis *axisOf(const QChart *chart, Qt::Orientation o) {
    const auto axes = chart->axes(o);
    return axes.isEmpty() ? nullptr : qobject_cast<QValueAxis *>(axes.first());
}

// A step of 1, 2 or 5 times a power of ten that cuts `span` into about `parts` pieces.
double roundStep(double span, int parts) {
    if (!(span > 0) || !std::isfinite(span)) return 1;
    const double raw = span / parts;
    const double magnitude = std::pow(10.0, std::floor(std::log10(raw)));
    const double n = raw / magnitude;
    return (n < 1.5 ? 1 : n < 3 ? 2 : n < 7 ? 5 : 10) * magnitude;
}

// Keeps a legend entry listed whether or not its series is drawn; hidden ones are faded.
void showMarker(QLegendMarker *marker) {
    marker->setVisible(true);
    const bool shown = marker->series()->isVisible();
    QColor text = marker->labelBrush().color();
    text.setAlphaF(shown ? 1.0 : 0.45);
    marker->setLabelBrush(text);
    QBrush box = marker->brush();
    QColor fill = box.color();
    fill.setAlphaF(shown ? 1.0 : 0.3);
    box.setColor(fill);
    marker->setBrush(box);
}

QPair<double, double> padded(double lo, double hi, double part) {
    if (hi <= lo) return {lo - 1, hi + 1};
    const double pad = (hi - lo) * part;
    return {lo - pad, hi + pad};
}
} // namespace

DataPanel::DataPanel(QWidget *parent)
    : QWidget(parent) {
    auto *layout = new QVBoxLayout(this);
    m_heading = new QLabel(this);
    m_heading->setObjectName(QStringLiteral("dataHeading"));
    m_heading->setWordWrap(true);
    m_heading->setTextInteractionFlags(Qt::TextSelectableByMouse);
    layout->addWidget(m_heading);
    m_status = new QLabel(this);
    m_status->setObjectName(QStringLiteral("dataStatus"));
    m_status->setWordWrap(true);
    layout->addWidget(m_status);
    auto *progressRow = new QHBoxLayout();
    m_progress = new QProgressBar(this);
    m_progress->setObjectName(QStringLiteral("dataProgress"));
    m_progress->setRange(0, 1000);
    m_progress->setTextVisible(false);
    m_progress->hide();
    m_cancelButton = new QPushButton(this);
    m_cancelButton->setObjectName(QStringLiteral("cancelRead"));
    m_cancelButton->hide();
    progressRow->addWidget(m_progress, 1);
    progressRow->addWidget(m_cancelButton);
    layout->addLayout(progressRow);

    auto *chart = new QChart();
    chart->legend()->setAlignment(Qt::AlignBottom);
    chart->setMargins(QMargins(4, 4, 8, 4));
    m_view = new DataChartView(chart, this);
    m_view->setObjectName(QStringLiteral("dataChart"));
    m_view->setMinimumHeight(260);

    auto *buttons = new QHBoxLayout();
    m_reset = new QPushButton(this);
    m_overlay = new QComboBox(this);
    m_overlay->setObjectName(QStringLiteral("overlayChooser"));
    m_overlay->setSizeAdjustPolicy(QComboBox::AdjustToMinimumContentsLengthWithIcon);
    m_overlay->setMinimumContentsLength(12);
    m_clearOverlays = new QPushButton(this);
    m_insert = new QPushButton(this);
    m_insert->setObjectName(QStringLiteral("insertPlot"));
    buttons->addWidget(m_reset);
    buttons->addWidget(m_overlay, 1);
    buttons->addWidget(m_clearOverlays);
    auto *second = new QHBoxLayout();
    second->addStretch();
    second->addWidget(m_insert);

    auto *split = new QSplitter(Qt::Vertical, this);
    auto *top = new QWidget(split);
    auto *topLayout = new QVBoxLayout(top);
    topLayout->setContentsMargins(0, 0, 0, 0);
    topLayout->addWidget(m_view, 1);
    topLayout->addLayout(buttons);
    topLayout->addLayout(second);
    m_metadata = new QTableWidget(0, 2, split);
    m_metadata->setObjectName(QStringLiteral("dataMetadata"));
    m_metadata->verticalHeader()->hide();
    m_metadata->horizontalHeader()->setStretchLastSection(true);
    m_metadata->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_metadata->setWordWrap(true);
    split->addWidget(top);
    split->addWidget(m_metadata);
    split->setStretchFactor(0, 3);
    split->setStretchFactor(1, 1);
    layout->addWidget(split, 1);

    m_redraw = new QTimer(this);
    m_redraw->setSingleShot(true);
    m_redraw->setInterval(30);
    connect(m_redraw, &QTimer::timeout, this, &DataPanel::redrawVisible);
    connect(&m_watcher, &QFutureWatcher<Loaded>::finished, this, &DataPanel::loadFinished);
    connect(m_reset, &QPushButton::clicked, this, &DataPanel::resetZoom);
    connect(m_cancelButton, &QPushButton::clicked, this, &DataPanel::cancelLoading);
    connect(m_clearOverlays, &QPushButton::clicked, this, &DataPanel::clearOverlays);
    connect(m_overlay, &QComboBox::activated, this, [this](int row) {
        const QString id = m_overlay->itemData(row, IdRole).toString();
        m_overlay->setCurrentIndex(0);
        if (!id.isEmpty()) addOverlay(id);
    });
    connect(m_insert, &QPushButton::clicked, this, [this] {
        if (!m_id.isEmpty() && hasPlot()) emit insertPlotRequested(m_id);
    });
    retranslate();
    clear();
}

DataPanel::~DataPanel() {
    m_cancel = true;
    m_watcher.waitForFinished();
}

QWidget *DataPanel::chartWidget() const {
    return m_view;
}

void DataPanel::setNotebook(Notebook *notebook) {
    // A read under way uses the notebook it started with; it must end before that one goes.
    // It is stopped rather than waited for (a large file takes seconds), and read again when
    // the notebook comes back.
    if (!notebook && m_watcher.isRunning()) {
        m_cancel = m_discard = true;
        m_queue.prepend(m_loadingId);
        m_watcher.waitForFinished();
    }
    m_notebook = notebook;
    if (notebook && !m_queue.isEmpty() && !m_watcher.isRunning()) load(m_queue.takeFirst());
}

void DataPanel::setFiles(const QList<AttachmentInfo> &files) {
    m_files = files;
    fillOverlayChooser();
}

void DataPanel::clear() {
    if (m_watcher.isRunning()) m_cancel = m_discard = true;
    m_watcher.waitForFinished();
    reset();
}

void DataPanel::cancelLoading() {
    if (!m_watcher.isRunning()) return;
    m_queue.clear();
    m_cancel = true;
    m_status->setText(tr("Stopping…"));
    m_cancelButton->setEnabled(false);
}

void DataPanel::showProgress(const QString &phase, qint64 done, qint64 total) {
    if (!m_watcher.isRunning() || m_cancel) return;
    const int permille = total > 0 ? int(1000 * done / total) : 0;
    m_progress->setValue(permille);
    const QString size = locale().formattedDataSize(total);
    m_status->setText(phase == QLatin1String("reading")
                          ? tr("Taking “%1” out of the notebook: %2 % of %3")
                                .arg(m_loadingName)
                                .arg(permille / 10)
                                .arg(size)
                          : tr("Reading the data of “%1”: %2 % of %3")
                                .arg(m_loadingName)
                                .arg(permille / 10)
                                .arg(size));
}

void DataPanel::reset() {
    m_queue.clear();
    m_id.clear();
    m_plots.clear();
    m_metadata->setRowCount(0);
    m_view->chart()->removeAllSeries();
    for (QAbstractAxis *axis : m_view->chart()->axes())
        m_view->chart()->removeAxis(axis);
    m_heading->setText(tr("Choose a data file under Files to see it here."));
    m_status->clear();
    m_progress->hide();
    m_cancelButton->hide();
    m_insert->setEnabled(false);
    m_reset->setEnabled(false);
    m_clearOverlays->setEnabled(false);
    m_overlay->setEnabled(false);
}

void DataPanel::showAttachment(const QString &id) {
    if (id == m_id && (hasPlot() || m_watcher.isRunning())) return;
    // Another file chosen: the one being read is given up.
    if (m_watcher.isRunning()) m_cancel = m_discard = true;
    reset();
    m_id = id;
    if (id.isEmpty()) return;
    for (const AttachmentInfo &f : m_files)
        if (f.id == id) m_heading->setText(QStringLiteral("<b>%1</b>").arg(f.name.toHtmlEscaped()));
    load(id);
}

void DataPanel::showRead(const QString &id, const DatasetInfo &info, const data::PlotData &plot) {
    if (m_watcher.isRunning()) m_cancel = m_discard = true;
    reset();
    m_id = id;
    fillMetadata(info);
    m_plots.append({id, plot});
    rebuildChart();
}

void DataPanel::addOverlay(const QString &id) {
    for (const auto &p : m_plots)
        if (p.first == id) return;
    load(id);
}

void DataPanel::clearOverlays() {
    while (m_plots.size() > 1)
        m_plots.removeLast();
    rebuildChart();
}

void DataPanel::load(const QString &id) {
    if (m_watcher.isRunning() || !m_notebook) {
        m_queue << id;
        return;
    }
    m_loadingId = id;
    m_loadingName.clear();
    for (const AttachmentInfo &f : std::as_const(m_files))
        if (f.id == id) m_loadingName = f.name;
    // A new read (a result given up before, and never delivered, is forgotten with it).
    m_cancel = false;
    m_discard = false;
    m_progress->setValue(0);
    m_progress->show();
    m_cancelButton->setEnabled(true);
    m_cancelButton->show();
    m_status->setText(tr("Reading the file…"));
    Notebook *nb = m_notebook;
    std::atomic_bool *cancel = &m_cancel;
    QPointer<DataPanel> self(this);
    m_watcher.setFuture(QtConcurrent::run([nb, id, cancel, self] {
        // Reported to the window at most every 100 ms, queued to its thread.
        QElapsedTimer throttle;
        throttle.start();
        qint64 last = -1000;
        auto progress = [&](const QString &phase, qint64 done, qint64 total) {
            if (throttle.elapsed() - last < 100 && done < total) return;
            last = throttle.elapsed();
            QMetaObject::invokeMethod(
                self.data(),
                [self, phase, done, total] {
                    if (self) self->showProgress(phase, done, total);
                },
                Qt::QueuedConnection);
        };
        Loaded out;
        out.id = id;
        auto file = nb->readDataFile(id, progress, cancel);
        if (!file) {
            out.info = file.failure();
            out.plot = file.failure();
        } else {
            out.info = file->info;
            out.plot = file->plot;
        }
        return out;
    }));
}

void DataPanel::loadFinished() {
    const Loaded got = m_watcher.result();
    m_progress->hide();
    m_cancelButton->hide();
    m_status->clear();
    if (m_discard) {
        m_discard = false;
        m_cancel = false;
        if (!m_queue.isEmpty() && m_notebook) load(m_queue.takeFirst());
        return;
    }
    if (m_cancel) {
        // Nothing half-read is shown; the file can be chosen again.
        m_cancel = false;
        m_queue.clear();
        if (got.id == m_id && m_plots.isEmpty()) m_id.clear();
        m_status->setText(tr("Reading was stopped. Choose the file again to read it."));
        emit loaded(got.id, QStringLiteral("cancelled"));
        return;
    }
    const bool main = got.id == m_id && m_plots.isEmpty();
    if (!got.plot) {
        if (main) {
            m_status->setText(tr("No plot: %1").arg(got.plot.error()));
            if (got.info) fillMetadata(*got.info);
        } else {
            m_status->setText(tr("That file cannot be laid over: %1").arg(got.plot.error()));
        }
        emit loaded(got.id, got.plot.error());
    } else if (got.id == m_id || !m_plots.isEmpty()) {
        if (main) fillMetadata(*got.info);
        m_plots.append({got.id, *got.plot});
        rebuildChart();
        if (got.plot->seriesCount() == 0)
            m_status->setText(tr("The file holds no series."));
        else if (!got.info->warnings.isEmpty())
            m_status->setText(got.info->warnings.join(QLatin1Char('\n')));
        emit loaded(got.id, {});
    }
    if (!m_queue.isEmpty() && m_notebook) load(m_queue.takeFirst());
}

void DataPanel::fillMetadata(const DatasetInfo &info) {
    m_metadata->setRowCount(0);
    auto add = [this](const QString &key, const QString &value) {
        const int row = m_metadata->rowCount();
        m_metadata->insertRow(row);
        m_metadata->setItem(row, 0, new QTableWidgetItem(key));
        auto *v = new QTableWidgetItem(value);
        v->setToolTip(value);
        m_metadata->setItem(row, 1, v);
    };
    add(tr("Format"), info.format);
    for (const auto &field : info.metadata)
        add(field.first, field.second);
    for (const DataSeriesInfo &s : info.series)
        add(tr("Series"), tr("%1: %n points", nullptr, int(s.count)).arg(s.name));
    m_metadata->resizeColumnToContents(0);
}

void DataPanel::fillOverlayChooser() {
    m_overlay->clear();
    m_overlay->addItem(tr("Lay another file over…"));
    for (const AttachmentInfo &f : m_files) {
        if (f.id == m_id) continue;
        m_overlay->addItem(f.name);
        m_overlay->setItemData(m_overlay->count() - 1, f.id, IdRole);
    }
    m_overlay->setEnabled(hasPlot() && m_overlay->count() > 1);
}

void DataPanel::rebuildChart() {
    QChart *chart = m_view->chart();
    chart->removeAllSeries();
    for (QAbstractAxis *axis : chart->axes())
        chart->removeAxis(axis);
    m_reset->setEnabled(hasPlot());
    m_insert->setEnabled(hasPlot());
    m_clearOverlays->setEnabled(m_plots.size() > 1);
    fillOverlayChooser();
    if (!hasPlot() || m_plots.first().second.seriesCount() == 0) return;

    const data::PlotData &first = m_plots.first().second;
    auto *x = new QValueAxis(chart);
    auto *y = new QValueAxis(chart);
    x->setTitleText(first.xLabel(0));
    y->setTitleText(first.yLabel(0));
    x->setReverse(first.xReversed(0));
    x->setLabelFormat(QStringLiteral("%.6g")); // 10000, not 1e+04
    y->setLabelFormat(QStringLiteral("%.6g"));
    x->setTickCount(7);
    chart->addAxis(x, Qt::AlignBottom);
    chart->addAxis(y, Qt::AlignLeft);
    const bool several = m_plots.size() > 1;
    QStringList yTitles;
    for (const auto &[id, plot] : m_plots) {
        // Blocks of one file often share its title; then what they measure tells them apart.
        QStringList names;
        for (int s = 0; s < plot.seriesCount(); ++s)
            names << plot.seriesName(s);
        for (int s = 0; s < plot.seriesCount(); ++s) {
            auto *line = new QLineSeries(chart);
            QString name = plot.seriesName(s);
            if ((name.isEmpty() || names.count(name) > 1) && !plot.yLabel(s).isEmpty())
                name = plot.yLabel(s);
            if (!yTitles.contains(plot.yLabel(s)) && !plot.yLabel(s).isEmpty())
                yTitles << plot.yLabel(s);
            if (several || name.isEmpty())
                name = name.isEmpty() ? plot.title() : tr("%1 — %2").arg(plot.title(), name);
            line->setName(name);
            line->setUseOpenGL(false);
            chart->addSeries(line);
            line->attachAxis(x);
            line->attachAxis(y);
            // An NMR file's imaginary part waits behind its real part: a click on its legend
            // entry shows it.
            if (plot.isImaginaryPart(s)) line->setVisible(false);
        }
    }
    chart->legend()->setVisible(chart->series().size() > 1 || several);
    // A click on a legend entry shows or hides its series; a hidden one stays listed, faded.
    for (QLegendMarker *marker : chart->legend()->markers()) {
        showMarker(marker);
        connect(marker, &QLegendMarker::clicked, this, [this, marker] {
            marker->series()->setVisible(!marker->series()->isVisible());
            showMarker(marker);
            redrawVisible();
        });
    }
    // Series measuring different things name them all, if that fits; else the legend does.
    if (const QString all = yTitles.join(QStringLiteral(" · "));
        yTitles.size() > 1 && all.size() <= 40)
        y->setTitleText(all);
    connect(x, &QValueAxis::rangeChanged, this, [this] {
        if (!m_resetting) m_redraw->start();
    });
    // Ticks at round numbers (1, 2 or 5 times a power of ten), whatever the zoom.
    for (QValueAxis *axis : {x, y}) {
        axis->setTickType(QValueAxis::TicksDynamic);
        axis->setTickAnchor(0);
        connect(axis, &QValueAxis::rangeChanged, axis, [axis](qreal lo, qreal hi) {
            axis->setTickInterval(
                roundStep(hi - lo, axis->orientation() == Qt::Horizontal ? 7 : 6));
        });
    }
    resetZoom();
}

void DataPanel::resetZoom() {
    QChart *chart = m_view->chart();
    QValueAxis *x = axisOf(chart, Qt::Horizontal);
    QValueAxis *y = axisOf(chart, Qt::Vertical);
    if (!x || !y) return;
    double xlo = INFINITY, xhi = -INFINITY, ylo = INFINITY, yhi = -INFINITY;
    const auto lines = chart->series();
    int line = 0;
    for (const auto &p : m_plots)
        for (int s = 0; s < p.second.seriesCount(); ++s) {
            // What is hidden does not set the scale (an NMR file's imaginary part).
            if (line < lines.size() && !lines.at(line++)->isVisible()) continue;
            const auto xr = p.second.xRange(s), yr = p.second.yRange(s);
            xlo = std::min(xlo, xr.first);
            xhi = std::max(xhi, xr.second);
            ylo = std::min(ylo, yr.first);
            yhi = std::max(yhi, yr.second);
            if (p.second.isPeaks(s)) ylo = std::min(ylo, 0.0);
        }
    if (!std::isfinite(xlo)) return;
    m_resetting = true;
    chart->zoomReset();
    if (xhi <= xlo) std::tie(xlo, xhi) = padded(xlo, xhi, 0);
    x->setRange(xlo, xhi);
    const auto yr = padded(ylo, yhi, 0.04);
    y->setRange(yr.first, yr.second);
    m_resetting = false;
    redrawVisible();
}

void DataPanel::redrawVisible() {
    QChart *chart = m_view->chart();
    QValueAxis *x = axisOf(chart, Qt::Horizontal);
    if (!x) return;
    const int pixels = std::max(200, int(chart->plotArea().width()));
    const auto series = chart->series();
    int i = 0;
    for (const auto &p : m_plots)
        for (int s = 0; s < p.second.seriesCount() && i < series.size(); ++s, ++i)
            static_cast<QLineSeries *>(series.at(i))
                ->replace(p.second.points(s, x->min(), x->max(), pixels));
}

int DataPanel::seriesShown() const {
    return int(m_view->chart()->series().size());
}

int DataPanel::seriesDrawn() const {
    const auto all = m_view->chart()->series();
    return int(std::count_if(all.cbegin(), all.cend(),
                             [](const QAbstractSeries *s) { return s->isVisible(); }));
}

QString DataPanel::xAxisTitle() const {
    const QValueAxis *x = axisOf(m_view->chart(), Qt::Horizontal);
    return x ? x->titleText() : QString();
}

bool DataPanel::xAxisReversed() const {
    const QValueAxis *x = axisOf(m_view->chart(), Qt::Horizontal);
    return x && x->isReverse();
}

QPair<double, double> DataPanel::xAxisRange() const {
    const QValueAxis *x = axisOf(m_view->chart(), Qt::Horizontal);
    return x ? QPair<double, double>{x->min(), x->max()} : QPair<double, double>{0, 0};
}

QImage DataPanel::plotImage(double scale) const {
    QImage image(m_view->size() * scale, QImage::Format_ARGB32_Premultiplied);
    image.setDevicePixelRatio(scale);
    image.fill(Qt::white);
    QPainter painter(&image);
    m_view->render(&painter);
    return image;
}

void DataPanel::retranslate() {
    m_reset->setText(tr("&Reset zoom"));
    m_reset->setToolTip(tr("Show all of the data again. Zoom with the mouse wheel or by dragging "
                           "a rectangle; pan with the middle button or the arrow keys."));
    m_clearOverlays->setText(tr("Remove overlays"));
    m_overlay->setToolTip(tr("Draw another data file of this page in the same plot"));
    m_cancelButton->setText(tr("Cancel"));
    m_cancelButton->setToolTip(tr("Stop reading this file"));
    m_insert->setText(tr("&Insert plot into entry"));
    m_insert->setToolTip(tr("Keep this plot as a picture in the file's entry, with a caption "
                            "naming the data file and its SHA-256"));
    m_metadata->setHorizontalHeaderLabels({tr("Field"), tr("Value")});
    m_metadata->setAccessibleName(tr("What the file says about itself"));
    if (m_overlay->count() > 0) m_overlay->setItemText(0, tr("Lay another file over…"));
}

void DataPanel::changeEvent(QEvent *event) {
    if (event->type() == QEvent::LanguageChange) retranslate();
    QWidget::changeEvent(event);
}

} // namespace quire::widgets
