// quire-pdf-export-bench (issue 13): what exporting an experiment to PDF costs beyond printing
// its HTML. A 200-entry experiment with 50 images is exported through the model (PdfExport, the
// same call as File ▸ Export as PDF… and `quire-cli export pdf`) with QtWebEngine's printer, and
// the very HTML it printed is then printed alone by the same printer in the same run. The
// ratio export / print alone is the figure (target ≤ 1.5×). A figure, never a timed test.
// Runs offscreen; QTWEBENGINE_DISABLE_SANDBOX=1 when run as root.

#include "export/PdfExport.h"
#include "Notebook.h"
#include "page/PagePrinter.h"
#include "page/UrlSecurity.h"

#include <QElapsedTimer>
#include <QGuiApplication>
#include <QImage>
#include <QPainter>
#include <QTemporaryDir>
#include <QTextStream>

#include <algorithm>
#include <cstdio>

using namespace quire;

namespace {

QTextStream &out() {
    static QTextStream s(stdout);
    return s;
}

QString entryHtml(int i) {
    QString rows;
    for (int r = 0; r < 6; ++r)
        rows += QStringLiteral("<tr><td>%1</td><td>%2</td><td>%3</td></tr>")
                    .arg(r * 30)
                    .arg(0.7 - r * 0.031 - i * 0.0001, 0, 'f', 3)
                    .arg(0.062, 0, 'f', 3);
    return QStringLiteral("<p>Run %1: turbidity of <em>Micrococcus</em> cells at 450 nm, 25 °C, "
                          "in 66 mM phosphate buffer, pH 6.2. The rate follows "
                          "<span class=\"math\" data-tex=\"v = \\frac{V_{max}[S]}{K_M + "
                          "[S]}\">v</span>.</p><table><thead><tr><th>Time (s)</th><th>A450</th>"
                          "<th>ΔA/min</th></tr></thead><tbody>%2</tbody></table>")
        .arg(i)
        .arg(rows);
}

bool writeImage(const QString &path, int i) {
    QImage image(800, 600, QImage::Format_RGB32);
    image.fill(Qt::white);
    QPainter p(&image);
    p.setPen(QPen(Qt::darkBlue, 3));
    for (int x = 0; x < 780; x += 20)
        p.drawLine(x, 580 - (x * (i + 3)) % 500, x + 20, 580 - ((x + 20) * (i + 3)) % 500);
    p.drawText(20, 30, QStringLiteral("Gel image %1").arg(i));
    p.end();
    return image.save(path, "PNG");
}

} // namespace

int main(int argc, char *argv[]) {
    if (!qEnvironmentVariableIsSet("QT_QPA_PLATFORM")) qputenv("QT_QPA_PLATFORM", "offscreen");
    widgets::registerUrlSchemes();
    widgets::hardenWebEngineEnvironment();
    QCoreApplication::setAttribute(Qt::AA_ShareOpenGLContexts);
    QGuiApplication app(argc, argv);
    const int entries = 200, images = 50;

    QTemporaryDir dir;
    const QByteArray passphrase = "bench passphrase, not a secret";
    auto created =
        Notebook::create(dir.filePath(QStringLiteral("vault")),
                         NotebookSpec{QStringLiteral("Bench lab"), QStringLiteral("Bea Bench"),
                                      QStringLiteral("bea@lab.example")},
                         passphrase);
    if (!created) {
        std::fprintf(stderr, "%s\n", qPrintable(created.error()));
        return 1;
    }
    Notebook &nb = **created;
    auto x = nb.createExperiment(QStringLiteral("Lysozyme activity, 200 runs"),
                                 QStringLiteral("Enzymes"), {});
    if (!x) return 1;
    QElapsedTimer setup;
    setup.start();
    for (int i = 1; i <= entries; ++i) {
        auto e = nb.addEntry(*x, QStringLiteral("Activity run %1").arg(i), entryHtml(i));
        if (!e) {
            std::fprintf(stderr, "%s\n", qPrintable(e.error()));
            return 1;
        }
        if (i % (entries / images) == 0) {
            const QString png = dir.filePath(QStringLiteral("gel-%1.png").arg(i));
            if (!writeImage(png, i) || !nb.attachFile(*e, png)) return 1;
        }
    }
    out() << "quire-pdf-export-bench: " << entries << " entries, " << images
          << " PNG images (800×600), A4; set-up " << setup.elapsed() << " ms" << Qt::endl;

    // The engine started once before anything is timed, as in a running window.
    if (auto warm =
            widgets::PagePrinter::print(&nb, PrintJob{QStringLiteral("<p>warm-up</p>"), "a4"});
        !warm) {
        std::fprintf(stderr, "print: %s\n", qPrintable(warm.error()));
        return 1;
    }

    QString printedHtml;
    qint64 printMsInExport = 0;
    const PrintFunction print = [&](const PrintJob &job) {
        printedHtml = job.html;
        QElapsedTimer t;
        t.start();
        auto r = widgets::PagePrinter::print(&nb, job);
        printMsInExport = t.elapsed();
        return r;
    };
    QList<double> exportMs, aloneMs;
    int pages = 0;
    for (int round = 0; round < 3; ++round) {
        QElapsedTimer t;
        t.start();
        PdfExportRequest request;
        request.experiment = *x;
        auto r = PdfExport(nb).exportExperiment(request, print);
        if (!r) {
            std::fprintf(stderr, "export: %s\n", qPrintable(r.error()));
            return 1;
        }
        exportMs << double(t.elapsed());
        pages = r->pages;
        t.restart();
        auto alone = widgets::PagePrinter::print(&nb, PrintJob{printedHtml, "a4"});
        if (!alone) return 1;
        aloneMs << double(t.elapsed());
        out() << "  round " << round + 1 << ": export " << exportMs.last()
              << " ms (of which printing " << printMsInExport << " ms), printToPdf alone "
              << aloneMs.last() << " ms" << Qt::endl;
    }
    std::sort(exportMs.begin(), exportMs.end());
    std::sort(aloneMs.begin(), aloneMs.end());
    const double e = exportMs[1], a = aloneMs[1];
    out() << "export to PDF (" << pages << " pages, median of 3): " << e
          << " ms; printToPdf of the same HTML alone: " << a << " ms; ratio "
          << QString::number(e / a, 'f', 2) << "× (target ≤ 1.5×)" << Qt::endl;
    return 0;
}
