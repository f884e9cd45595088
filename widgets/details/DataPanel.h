#pragma once
// DataPanel: the Data tab of the details panel, for the instrument file chosen under Files. It
// shows what the reader found (format, title, instrument, sample, units, the file's own records)
// and an interactive plot: the mouse wheel zooms, a dragged rectangle zooms into it, the middle
// button or the arrow keys pan, Reset shows everything again. Axes are named with their units;
// NMR shifts and IR wavenumbers run right to left. Other data files of the page can be laid
// over the plot. Files are read on a worker (QtConcurrent) with a progress bar of the bytes read
// (first from the notebook, then by the reader) and a Cancel button; each redraw asks the model
// for the visible range thinned to the plot's width, so very long series stay quick.

#include "Notebook.h"

#include <QFutureWatcher>
#include <QPointer>
#include <QWidget>

#include <atomic>

class QComboBox;
class QLabel;
class QProgressBar;
class QPushButton;
class QTableWidget;
class QTimer;

namespace quire::widgets {

class DataChartView;

class DataPanel : public QWidget {
    Q_OBJECT
public:
    explicit DataPanel(QWidget *parent = nullptr);
    ~DataPanel() override;

    void setNotebook(Notebook *notebook);
    // The files of the page's entries (candidates for overlays) and the one to show.
    void setFiles(const QList<AttachmentInfo> &files);
    void showAttachment(const QString &id);
    QString attachment() const { return m_id; }
    // Shows a file already read (what a finished read does): its metadata and its plot. For
    // what has the series in hand, such as the data bench.
    void showRead(const QString &id, const DatasetInfo &info, const data::PlotData &plot);
    // Adds another data file's series to the plot.
    void addOverlay(const QString &id);
    void clearOverlays();
    void resetZoom();
    // Forgets everything shown (the notebook was locked).
    void clear();

    bool isLoading() const { return m_watcher.isRunning(); }
    // Stops the read under way (and forgets those waiting); loaded() says "cancelled".
    void cancelLoading();
    bool hasPlot() const { return !m_plots.isEmpty(); }
    int seriesShown() const; // in the legend
    int seriesDrawn() const; // of those, drawn (a hidden imaginary part is not)
    QString xAxisTitle() const;
    bool xAxisReversed() const;
    QPair<double, double> xAxisRange() const;
    // A picture of the plot as shown, `scale` times its size on screen.
    QImage plotImage(double scale = 1.0) const;
    QWidget *chartWidget() const;

signals:
    // A file finished loading (or could not be read: message not empty).
    void loaded(const QString &id, const QString &message);
    // The person asked for the plot as a figure in the chosen file's entry.
    void insertPlotRequested(const QString &attachment);

protected:
    void changeEvent(QEvent *event) override;

private:
    struct Loaded {
        QString id;
        Result<DatasetInfo> info = Result<DatasetInfo>(Error{});
        Result<data::PlotData> plot = Result<data::PlotData>(Error{});
    };
    void retranslate();
    void reset();
    void load(const QString &id);
    void loadFinished();
    void showProgress(const QString &phase, qint64 done, qint64 total);
    void rebuildChart();
    void redrawVisible();
    void fillMetadata(const DatasetInfo &info);
    void fillOverlayChooser();

    QPointer<Notebook> m_notebook;
    QList<AttachmentInfo> m_files;
    QString m_id;
    QStringList m_queue;                           // files still to load, in order
    QList<QPair<QString, data::PlotData>> m_plots; // the shown file first, then overlays
    QFutureWatcher<Loaded> m_watcher;
    std::atomic_bool m_cancel{false}; // read by the worker; the destructor waits for it
    bool m_discard = false;           // the read under way is no longer wanted at all
    QString m_loadingId;
    QString m_loadingName;
    QTimer *m_redraw = nullptr;
    bool m_resetting = false;

    QLabel *m_heading = nullptr;
    QLabel *m_status = nullptr;
    QProgressBar *m_progress = nullptr;
    QPushButton *m_cancelButton = nullptr;
    DataChartView *m_view = nullptr;
    QPushButton *m_reset = nullptr;
    QComboBox *m_overlay = nullptr;
    QPushButton *m_clearOverlays = nullptr;
    QPushButton *m_insert = nullptr;
    QTableWidget *m_metadata = nullptr;
};

} // namespace quire::widgets
