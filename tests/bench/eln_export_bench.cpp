// quire-eln-export-bench (issue 15): exporting a notebook of 10,000 entries as a .eln file, in
// entries/s and MB/s, beside `zip -r` of the very same files written plainly to disk (the crate
// unpacked), in the same run; and QuireProof's check of the crate's proof. The notebook: ten
// experiments of 1,000 entries (about 1.5 KB of HTML each), 200 of them with a 512 KiB file,
// one time-stamp over everything (the tests' own authority, quire-test-tsa on loopback), so that
// every exported record carries a Merkle path.
//
//   quire-eln-export-bench [ENTRIES [FILES [FILE_KIB]]]

#include "exchange/ElnExport.h"
#include "exchange/QuireProof.h"
#include "Notebook.h"
#include "TestTsa.h"

#include <QCoreApplication>
#include <QDir>
#include <QDirIterator>
#include <QElapsedTimer>
#include <QFile>
#include <QProcess>
#include <QRandomGenerator>
#include <QTemporaryDir>
#include <QTextStream>

#include <cstdio>
#include <cstdlib>

using namespace quire;

namespace {

[[noreturn]] void die(const QString &why) {
    std::fprintf(stderr, "quire-eln-export-bench: %s\n", qPrintable(why));
    std::exit(1);
}

template <typename T> T need(Result<T> r, const char *what) {
    if (!r) die(QStringLiteral("%1: %2").arg(QString::fromLatin1(what), r.error()));
    return std::move(r.value());
}

qint64 treeBytes(const QString &dir, int *files) {
    qint64 total = 0;
    QDirIterator it(dir, QDir::Files, QDirIterator::Subdirectories);
    while (it.hasNext()) {
        it.next();
        total += it.fileInfo().size();
        ++*files;
    }
    return total;
}

double run(const QString &program, const QStringList &args, const QString &cwd) {
    QProcess p;
    p.setWorkingDirectory(cwd);
    QElapsedTimer t;
    t.start();
    p.start(program, args);
    if (!p.waitForStarted() || !p.waitForFinished(-1) || p.exitCode() != 0)
        die(QStringLiteral("%1 failed: %2")
                .arg(program, QString::fromLocal8Bit(p.readAllStandardError())));
    return double(t.nsecsElapsed()) / 1e9;
}

} // namespace

int main(int argc, char *argv[]) {
    QCoreApplication app(argc, argv);
    const int entries = argc > 1 ? std::max(10, atoi(argv[1])) : 10000;
    const int files = argc > 2 ? std::max(0, atoi(argv[2])) : 200;
    const int fileKiB = argc > 3 ? std::max(1, atoi(argv[3])) : 512;
    const int experiments = 10;
    if (qEnvironmentVariableIsEmpty("QUIRE_TEST_TSA"))
        qputenv("QUIRE_TEST_TSA", QUIRE_TEST_TSA_PATH);
    QTemporaryDir dir;
    test::TestTsa tsa(dir.path());
    if (!tsa.ok() || !tsa.start()) die(tsa.error());
    QTextStream out(stdout);

    // ---- the notebook ---------------------------------------------------------------------------
    QElapsedTimer setup;
    setup.start();
    auto nb = need(Notebook::create(dir.filePath("vault"),
                                    NotebookSpec{"Bench lab", "Alice Bench", "alice@lab.example"},
                                    "bench passphrase"),
                   "create");
    if (auto set = nb->setTimestampSettings(TimestampSettings{{tsa.url()}, tsa.caPem()}); !set)
        die(set.error());
    QString paragraph;
    for (int i = 0; i < 12; ++i)
        paragraph += QStringLiteral("Lysozyme 20 mg/mL in 50 mM acetate, pH 4.5; drop %1. ").arg(i);
    QStringList entryIds;
    for (int x = 0; x < experiments; ++x) {
        const QString xid = need(nb->createExperiment(QStringLiteral("Screen %1").arg(x + 1),
                                                      "Structures", {"crystals", "bench"}),
                                 "experiment");
        QList<Notebook::NewEntry> batch;
        const int count = entries / experiments + (x < entries % experiments ? 1 : 0);
        for (int i = 0; i < count; ++i)
            batch << Notebook::NewEntry{QStringLiteral("Plate %1 well %2").arg(x + 1).arg(i + 1),
                                        QStringLiteral("<h2>Setup</h2><p>%1</p><table><tr><td>"
                                                       "A%2</td><td>clear</td></tr></table>")
                                            .arg(paragraph)
                                            .arg(i)};
        entryIds += need(nb->addEntries(xid, batch), "entries");
    }
    QRandomGenerator random(15);
    for (int i = 0; i < files && i < entryIds.size(); ++i) {
        QByteArray bytes(fileKiB * 1024, Qt::Uninitialized);
        random.fillRange(reinterpret_cast<quint32 *>(bytes.data()), bytes.size() / 4);
        const QString path = dir.filePath(QStringLiteral("image-%1.tif").arg(i));
        QFile f(path);
        if (!f.open(QIODevice::WriteOnly) || f.write(bytes) != bytes.size()) die("write");
        f.close();
        need(nb->attachFile(entryIds.at(i), path), "attach");
        QFile::remove(path);
    }
    const AnchorSummary anchored = need(nb->anchor(), "anchor");
    out << "quire-eln-export-bench (" << QUIRE_BENCH_BUILD_TYPE << "): " << entries
        << " entries in " << experiments << " experiments, " << files << " files of " << fileKiB
        << " KiB (random, incompressible), " << anchored.records
        << " records under one time-stamp; notebook made in "
        << QString::number(double(setup.elapsed()) / 1000, 'f', 1) << " s\n";
    out.flush();

    // ---- the export -----------------------------------------------------------------------------
    const QString eln = dir.filePath("bench.eln");
    QElapsedTimer t;
    t.start();
    ElnExportRequest request;
    request.all = true;
    request.outPath = eln;
    const ElnExportResult r = need(ElnExport(*nb).exportTo(request), "export");
    const double exportSeconds = double(t.nsecsElapsed()) / 1e9;

    // The same files, unpacked (not timed), then zipped plainly: the baseline.
    const QString plain = dir.filePath("plain");
    QDir().mkpath(plain);
    run("python3",
        {"-c", "import sys, zipfile; zipfile.ZipFile(sys.argv[1]).extractall(sys.argv[2])", eln,
         plain},
        dir.path());
    int fileCount = 0;
    const qint64 payload = treeBytes(plain, &fileCount);
    const double zipSeconds =
        run("zip", {"-q", "-r", dir.filePath("baseline.zip"), "bench"}, plain);
    const qint64 zipBytes = QFileInfo(dir.filePath("baseline.zip")).size();

    // QuireProof over the crate's quire/ folder, as an import would run it.
    QMap<QString, QByteArray> proof;
    QDirIterator it(plain + "/bench/quire", QDir::Files);
    while (it.hasNext()) {
        QFile f(it.next());
        if (!f.open(QIODevice::ReadOnly)) die("read proof");
        proof.insert(it.fileName(), f.readAll());
    }
    t.restart();
    const ProofReport report = verifyQuireProof(proof);
    const double verifySeconds = double(t.nsecsElapsed()) / 1e9;
    if (!report.ok())
        die(QStringLiteral("the exported proof does not verify (%1 failures)")
                .arg(report.failedCount()));

    const double mb = double(payload) / 1e6;
    out << "  .eln export:  " << QString::number(exportSeconds, 'f', 2)
        << " s = " << QString::number(r.entries / exportSeconds, 'f', 0) << " entries/s, "
        << QString::number(mb / exportSeconds, 'f', 1) << " MB/s of content (" << fileCount
        << " files, " << QString::number(mb, 'f', 1) << " MB; .eln "
        << QString::number(double(r.bytes) / 1e6, 'f', 1) << " MB with " << r.records
        << " sealed records and " << r.proofs << " Merkle paths)\n";
    out << "  baseline `zip -r` of the same files on disk: " << QString::number(zipSeconds, 'f', 2)
        << " s = " << QString::number(r.entries / zipSeconds, 'f', 0) << " entries/s, "
        << QString::number(mb / zipSeconds, 'f', 1) << " MB/s (zip "
        << QString::number(double(zipBytes) / 1e6, 'f', 1) << " MB)\n";
    out << "  export / baseline: " << QString::number(exportSeconds / zipSeconds, 'f', 2) << "×\n";
    out << "  QuireProof of the crate: " << QString::number(verifySeconds, 'f', 2) << " s for "
        << report.items.size() << " items ("
        << QString::number(report.items.size() / verifySeconds, 'f', 0)
        << " items/s), all verified\n";
    return 0;
}
