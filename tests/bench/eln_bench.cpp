// quire-eln-bench (issue 15): importing a generated .eln of 1,000 datasets (entries) holding 1 GB
// of files, beside `bsdtar -tf` listing the same archive in the same run. The archive is made by
// python3's zipfile (incompressible content, stored, as images and instrument files mostly are),
// the notebook is a fresh vault in a temporary folder. Prints entries/s and MB/s and the ratio of
// the import's time to the listing's, and to `bsdtar -xf` unpacking every byte (the listing reads
// only the ZIP's central directory, so that ratio says little about the import's own work).

#include "exchange/ElnImport.h"
#include "Notebook.h"

#include <QCoreApplication>
#include <QDir>
#include <QElapsedTimer>
#include <QFileInfo>
#include <QProcess>
#include <QTemporaryDir>
#include <QTextStream>

using namespace quire;

namespace {

QTextStream &out() {
    static QTextStream s(stdout);
    return s;
}

const char *kMakeCrate = R"PY(
import json, os, sys, zipfile
path, count, size = sys.argv[1], int(sys.argv[2]), int(sys.argv[3])
graph = [{"@id": "ro-crate-metadata.json", "@type": "CreativeWork", "about": {"@id": "./"},
          "conformsTo": {"@id": "https://w3id.org/ro/crate/1.1"}, "sdPublisher": {"@id": "#bench"}},
         {"@id": "#bench", "@type": "Organization", "name": "quire-eln-bench"},
         {"@id": "./", "@type": "Dataset", "name": "Bench crate", "hasPart": [{"@id": "./project/"}]}]
parts = []
with zipfile.ZipFile(path, "w", zipfile.ZIP_STORED) as z:
    for i in range(count):
        d = "./project/run-%04d/" % i
        f = d + "data-%04d.bin" % i
        data = os.urandom(size)
        z.writestr("bench/" + f[2:], data)
        parts.append({"@id": d})
        graph.append({"@id": d, "@type": "Dataset", "name": "Run %d" % i, "dateCreated": "2024-03-01T10:00:00Z",
                      "author": {"@id": "#ann"}, "keywords": "bench,run",
                      "text": "<p>Run <strong>%d</strong> of the bench: the sample was measured at 25 °C.</p>" % i,
                      "hasPart": [{"@id": f}]})
        import hashlib
        graph.append({"@id": f, "@type": "File", "name": "data-%04d.bin" % i, "contentSize": size,
                      "encodingFormat": "application/octet-stream", "sha256": hashlib.sha256(data).hexdigest()})
    graph.append({"@id": "#ann", "@type": "Person", "name": "Ann Bench", "email": "ann@lab.example"})
    graph.append({"@id": "./project/", "@type": "Dataset", "name": "Bench project", "hasPart": parts})
    z.writestr("bench/ro-crate-metadata.json", json.dumps({"@context": "https://w3id.org/ro/crate/1.1/context", "@graph": graph}))
)PY";

} // namespace

int main(int argc, char *argv[]) {
    QCoreApplication app(argc, argv);
    const int entries = 1000;
    const qint64 fileSize = 1000LL * 1000; // 1,000 files of 1 MB: 1 GB
    QTemporaryDir dir;
    const QString eln = dir.filePath(QStringLiteral("bench.eln"));
    out() << "quire-eln-bench (" << QUIRE_BENCH_BUILD_TYPE << "): generating " << entries
          << " datasets with 1 GB of files…" << Qt::endl;
    QProcess make;
    make.start(QStringLiteral("python3"),
               {QStringLiteral("-c"), QString::fromLatin1(kMakeCrate), eln,
                QString::number(entries), QString::number(fileSize)});
    if (!make.waitForFinished(-1) || make.exitCode() != 0) {
        out() << "could not make the archive: " << make.readAllStandardError() << Qt::endl;
        return 1;
    }
    const double archiveMB = double(QFileInfo(eln).size()) / 1e6;

    // The baseline: listing the archive with bsdtar (libarchive's own tool), same file, same run.
    QElapsedTimer t;
    t.start();
    QProcess list;
    list.start(QStringLiteral("bsdtar"), {QStringLiteral("-tf"), eln});
    if (!list.waitForFinished(-1) || list.exitCode() != 0) {
        out() << "bsdtar -tf failed (install libarchive-tools): " << list.readAllStandardError()
              << Qt::endl;
        return 1;
    }
    const double listSeconds = double(t.nsecsElapsed()) / 1e9;
    const int listed = list.readAllStandardOutput().count('\n');

    // A second baseline that reads every byte: bsdtar unpacking the archive into a folder.
    const QString unpacked = dir.filePath(QStringLiteral("unpacked"));
    QDir().mkpath(unpacked);
    t.restart();
    QProcess extract;
    extract.start(QStringLiteral("bsdtar"),
                  {QStringLiteral("-xf"), eln, QStringLiteral("-C"), unpacked});
    if (!extract.waitForFinished(-1) || extract.exitCode() != 0) {
        out() << "bsdtar -xf failed: " << extract.readAllStandardError() << Qt::endl;
        return 1;
    }
    const double extractSeconds = double(t.nsecsElapsed()) / 1e9;
    QDir(unpacked).removeRecursively();

    auto nb = Notebook::create(
        dir.filePath(QStringLiteral("vault")),
        {QStringLiteral("Bench lab"), QStringLiteral("Bench"), QStringLiteral("bench@lab.example")},
        "bench passphrase for the eln import");
    if (!nb) {
        out() << nb.error() << Qt::endl;
        return 1;
    }
    t.restart();
    auto report = ElnImport::run(**nb, eln);
    const double importSeconds = double(t.nsecsElapsed()) / 1e9;
    if (!report) {
        out() << "the import failed: " << report.error() << Qt::endl;
        return 1;
    }
    out() << Qt::fixed << qSetRealNumberPrecision(2);
    out() << "archive: " << archiveMB << " MB, " << listed << " entries listed" << Qt::endl;
    out() << "import:  " << report->experiments << " experiment, " << report->entries
          << " entries, " << report->files << " files, " << double(report->bytes) / 1e6 << " MB in "
          << importSeconds << " s" << Qt::endl;
    out() << "         " << double(report->entries) / importSeconds << " entries/s, "
          << double(report->bytes) / 1e6 / importSeconds << " MB/s" << Qt::endl;
    out() << "bsdtar -tf of the same archive: " << listSeconds << " s" << Qt::endl;
    out() << "ratio import / listing: " << importSeconds / listSeconds << "×" << Qt::endl;
    out() << "bsdtar -xf of the same archive (every byte unpacked): " << extractSeconds << " s, "
          << archiveMB / extractSeconds << " MB/s" << Qt::endl;
    out() << "ratio import / unpacking: " << importSeconds / extractSeconds << "×" << Qt::endl;
    return 0;
}
