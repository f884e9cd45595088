// quire-pdf-bench (issue 13): what PAdES signing and verifying cost, without the network.
// Signing to B-LTA (a B-T signature, the DSS, a document time-stamp) is timed with the time spent
// waiting for the time-stamp authority taken out, since that is the TSA's and the network's, not
// Quire's; verifying is timed on a PDF with five signatures. The authority is the tests' own
// (TestTsa, quire-test-tsa on loopback). Medians of several runs; targets from the issue.

#include "crypto/Crypto.h"
#include "pdf/PdfSigner.h"
#include "pdf/PdfVerify.h"
#include "TestTsa.h"

#include <QBuffer>
#include <QElapsedTimer>
#include <QGuiApplication>
#include <QPainter>
#include <QPdfWriter>
#include <QTemporaryDir>
#include <QTextStream>
#include <QTimeZone>

#include <algorithm>
#include <cstdio>
#include <ctime>
#include <vector>

using namespace quire;

namespace {

QByteArray printout(int pages) {
    QBuffer buffer;
    buffer.open(QIODevice::WriteOnly);
    QPdfWriter writer(&buffer);
    writer.setPageSize(QPageSize(QPageSize::A4));
    writer.setResolution(72);
    QPainter painter(&writer);
    painter.setFont(QFont(QStringLiteral("DejaVu Sans"), 10));
    for (int page = 0; page < pages; ++page) {
        if (page > 0) writer.newPage();
        for (int line = 0; line < 45; ++line)
            painter.drawText(QPointF(40, 60 + line * 16),
                             QStringLiteral("Page %1, line %2: 25 mM Tris, pH 7.4, 150 mM NaCl.")
                                 .arg(page + 1)
                                 .arg(line + 1));
    }
    painter.end();
    return buffer.data();
}

// CPU time of this process (the authority runs in processes of its own), in ms: a figure that a
// busy machine does not inflate the way it inflates wall time.
double cpuMs() {
    timespec t{};
    clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &t);
    return double(t.tv_sec) * 1e3 + double(t.tv_nsec) / 1e6;
}

double median(QList<double> values) {
    std::sort(values.begin(), values.end());
    return values.isEmpty() ? 0 : values[values.size() / 2];
}

[[noreturn]] void die(const QString &what) {
    std::fprintf(stderr, "quire-pdf-bench: %s\n", qPrintable(what));
    std::exit(1);
}

} // namespace

int main(int argc, char *argv[]) {
    qputenv("QT_QPA_PLATFORM", "offscreen");
    QGuiApplication app(argc, argv);
    if (qEnvironmentVariableIsEmpty("QUIRE_TEST_TSA"))
        qputenv("QUIRE_TEST_TSA", QUIRE_TEST_TSA_PATH);
    QTemporaryDir dir;
    test::TestTsa tsa(dir.path());
    if (!tsa.ok() || !tsa.start()) die(tsa.error());

    const crypto::EcKey caKey = crypto::EcKey::generate();
    const QByteArray ca = *crypto::makeCaCertificate(caKey, QStringLiteral("Bench notebook"), 30);
    std::vector<crypto::EcKey> keys;
    QList<QByteArray> certs;
    for (int i = 0; i < 5; ++i) {
        keys.push_back(crypto::EcKey::generate());
        certs << *crypto::issueSigningCertificate(caKey, ca, keys.back().publicDer(),
                                                  QStringLiteral("Member %1").arg(i + 1),
                                                  QStringLiteral("m%1@lab.example").arg(i + 1), 5);
    }
    // `quire-pdf-bench 300` for a long export; 20 pages is a typical one.
    const int pages = argc > 1 ? std::max(1, QString::fromLocal8Bit(argv[1]).toInt()) : 20;
    const QByteArray original = printout(pages);

    // The authority, timed so that its share can be taken out.
    qint64 tsaNanos = 0;
    int tsaCalls = 0;
    const pdf::TsaCallback client = pdf::tsaClient(tsa.url());
    const pdf::TsaCallback timedTsa = [&](const QByteArray &digest) {
        QElapsedTimer t;
        t.start();
        auto token = client(digest);
        tsaNanos += t.nsecsElapsed();
        ++tsaCalls;
        return token;
    };
    auto request = [](int i) {
        pdf::SignRequest r;
        r.reason = i == 0 ? QStringLiteral("authored") : QStringLiteral("witnessed");
        r.name = QStringLiteral("Member %1").arg(i + 1);
        r.signingTime = QDateTime::currentDateTime().toTimeZone(QTimeZone("Europe/Berlin"));
        return r;
    };

    const int runs = 15;
    QList<double> ltaMs, ltaCpu, bbMs, tsaMs, verifyMs, verifyCpu;
    QByteArray lta;
    for (int run = 0; run < runs; ++run) {
        tsaNanos = 0;
        tsaCalls = 0;
        QElapsedTimer total;
        total.start();
        const double cpu = cpuMs();
        auto signedPdf = pdf::signPdf(original, request(0), keys[0], certs[0], {ca}, timedTsa);
        if (!signedPdf) die(signedPdf.error());
        auto chain = pdf::embeddedCertificates(*signedPdf);
        if (!chain) die(chain.error());
        auto withDss = pdf::addDss(*signedPdf, *chain);
        if (!withDss) die(withDss.error());
        auto stamped = pdf::addDocumentTimestamp(*withDss, timedTsa);
        if (!stamped) die(stamped.error());
        const qint64 elapsed = total.nsecsElapsed();
        ltaCpu << cpuMs() - cpu;
        ltaMs << double(elapsed - tsaNanos) / 1e6;
        tsaMs << double(tsaNanos) / 1e6 / std::max(1, tsaCalls);
        lta = *stamped;

        QElapsedTimer offline;
        offline.start();
        auto bb = pdf::signPdf(original, request(0), keys[0], certs[0], {ca});
        if (!bb) die(bb.error());
        bbMs << double(offline.nsecsElapsed()) / 1e6;
    }

    // Five signatures (B-T), the DSS and a document time-stamp.
    QByteArray five = original;
    for (int i = 0; i < 5; ++i) {
        auto next = pdf::signPdf(five, request(i), keys[i], certs[i], {ca}, timedTsa);
        if (!next) die(next.error());
        five = *next;
    }
    five = *pdf::addDss(five, *pdf::embeddedCertificates(five));
    five = *pdf::addDocumentTimestamp(five, timedTsa);
    const QByteArray tsaPem = tsa.caPem();
    for (int run = 0; run < runs; ++run) {
        QElapsedTimer t;
        t.start();
        const double cpu = cpuMs();
        auto report = pdf::verifyPdf(five, ca, tsaPem);
        verifyMs << double(t.nsecsElapsed()) / 1e6;
        verifyCpu << cpuMs() - cpu;
        if (!report || !report->allValid() || report->signatures.size() != 6)
            die(QStringLiteral("the five-signature PDF does not verify"));
    }

    QTextStream out(stdout);
    out << "quire-pdf-bench (" << QUIRE_BENCH_BUILD_TYPE << "), " << pages << "-page printout of "
        << original.size() / 1024 << " KiB, medians of " << runs << " runs\n";
    out << QStringLiteral("  sign B-T + DSS + document time-stamp (B-LTA), TSA excluded: %1 ms "
                          "(CPU %2 ms; target < 200 ms) %3\n")
               .arg(median(ltaMs), 0, 'f', 1)
               .arg(median(ltaCpu), 0, 'f', 1)
               .arg(median(ltaMs) < 200 ? "met" : "NOT MET");
    out << QStringLiteral("    one TSA round trip on loopback (excluded above): %1 ms\n")
               .arg(median(tsaMs), 0, 'f', 1);
    out << QStringLiteral("  sign offline (B-B, visible block): %1 ms\n")
               .arg(median(bbMs), 0, 'f', 1);
    out << QStringLiteral("  verify a PDF with 5 signatures + DSS + document time-stamp (%1 KiB): "
                          "%2 ms (CPU %3 ms; target < 100 ms) %4\n")
               .arg(five.size() / 1024)
               .arg(median(verifyMs), 0, 'f', 1)
               .arg(median(verifyCpu), 0, 'f', 1)
               .arg(median(verifyMs) < 100 ? "met" : "NOT MET");
    out << QStringLiteral("  B-LTA file size: %1 KiB (printout %2 KiB)\n")
               .arg(lta.size() / 1024)
               .arg(original.size() / 1024);
    return 0;
}
