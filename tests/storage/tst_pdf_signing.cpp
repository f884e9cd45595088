// PAdES signing of the PDF a patent attorney receives (issue 13), checked against independent
// tools: poppler's pdfsig with an NSS database that trusts only the notebook CA, `qpdf --check`,
// `openssl cms -verify` over byte ranges the test cuts out itself, `openssl ts -verify` for the
// document time-stamp, and mupdf. Time-stamps come from a real RFC 3161 authority (TestTsa).
// Tampering (a changed byte, a later page change, a foreign certificate) is caught by Quire's
// verifier and by pdfsig.

#include "crypto/Crypto.h"
#include "pdf/PdfSigner.h"
#include "pdf/PdfVerify.h"
#include "TestSupport.h"
#include "TestTsa.h"

#include <QPainter>
#include <QPdfWriter>
#include <QRegularExpression>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTimeZone>
#include <QtTest>

using namespace quire;
using namespace quire::crypto;
using quire::test::TestTsa;
using quire::test::Tool;

using namespace quire::test;

namespace {

Tool run(const QString &program, const QStringList &args) {
    return test::runTool(program, args, 120000);
}

[[maybe_unused]] void mustWrite(const QString &path, const QByteArray &bytes) {
    QFile f(path);
    if (!f.open(QIODevice::WriteOnly | QIODevice::Truncate) || f.write(bytes) != bytes.size())
        qFatal("cannot write %s", qPrintable(path));
}

// A notebook printout of `pages` A4 pages, as QPdfWriter makes it.
QByteArray notebookPdf(int pages) {
    QBuffer buffer;
    buffer.open(QIODevice::WriteOnly);
    QPdfWriter writer(&buffer);
    writer.setPageSize(QPageSize(QPageSize::A4));
    writer.setResolution(72);
    writer.setTitle(QStringLiteral("Experiment 42: protein folding"));
    QPainter painter(&writer);
    for (int page = 0; page < pages; ++page) {
        if (page > 0) writer.newPage();
        QFont font(QStringLiteral("DejaVu Sans"));
        font.setPointSize(14);
        painter.setFont(font);
        painter.drawText(QPointF(40, 60), QStringLiteral("Experiment 42, page %1").arg(page + 1));
        font.setPointSize(10);
        painter.setFont(font);
        for (int line = 0; line < 30; ++line)
            painter.drawText(QPointF(40, 100 + line * 18),
                             QStringLiteral("Observation %1.%2: the buffer was 25 mM Tris, pH 7.4.")
                                 .arg(page + 1)
                                 .arg(line + 1));
    }
    painter.end();
    return buffer.data();
}

struct Member {
    QString name;
    EcKey key;
    QByteArray cert;
};

Member issue(const EcKey &caKey, const QByteArray &caCert, const QString &name,
             const QString &email) {
    Member m{name, EcKey::generate(), {}};
    auto cert = issueSigningCertificate(caKey, caCert, m.key.publicDer(), name, email, 5);
    if (!cert) qFatal("issue failed: %s", qPrintable(cert.error()));
    m.cert = *cert;
    return m;
}

} // namespace

class PdfSigningTest : public QObject {
    Q_OBJECT

    QTemporaryDir m_tmp;
    std::unique_ptr<TestTsa> m_tsa;
    EcKey m_caKey;
    QByteArray m_caCert;
    Member m_alice;
    Member m_carol;
    QByteArray m_original;
    QString m_nssDir;
    QByteArray m_signed; // author + witness (B-T), DSS, document time-stamp

    QString path(const QString &name) const { return m_tmp.filePath(name); }

    // A fixed time (shown in the blocks the tests read back) for signatures with a time-stamp;
    // for those without (minute < 0), now: the certificate is checked at the claimed time then,
    // and it was issued when the test started.
    pdf::SignRequest request(const Member &m, const QString &meaning, int minute) const {
        pdf::SignRequest r;
        r.reason = meaning;
        r.name = m.name;
        const QTimeZone berlin(QByteArrayLiteral("Europe/Berlin"));
        r.signingTime = minute < 0 ? QDateTime::currentDateTime().toTimeZone(berlin)
                                   : QDateTime(QDate(2026, 11, 24), QTime(20, minute, 0), berlin);
        return r;
    }

    QByteArray sign(const QByteArray &pdfBytes, const Member &m, const QString &meaning, int minute,
                    bool withTsa) {
        auto signedPdf = pdf::signPdf(
            pdfBytes, request(m, meaning, withTsa ? minute : -1), m.key, m.cert, {m_caCert},
            withTsa ? std::optional(pdf::tsaClient(m_tsa->url())) : std::nullopt);
        if (!signedPdf) qFatal("signing failed: %s", qPrintable(signedPdf.error()));
        return *signedPdf;
    }

    // Author, witness (both B-T), DSS, document time-stamp: B-LTA.
    QByteArray fullySigned() {
        QByteArray bytes = sign(m_original, m_alice, QStringLiteral("authored"), 40, true);
        bytes = sign(bytes, m_carol, QStringLiteral("witnessed"), 45, true);
        auto certs = pdf::embeddedCertificates(bytes);
        if (!certs) qFatal("%s", qPrintable(certs.error()));
        QList<QByteArray> all = *certs;
        all << pemToDer(m_tsa->caPem());
        auto withDss = pdf::addDss(bytes, all);
        if (!withDss) qFatal("%s", qPrintable(withDss.error()));
        auto stamped = pdf::addDocumentTimestamp(*withDss, pdf::tsaClient(m_tsa->url()));
        if (!stamped) qFatal("%s", qPrintable(stamped.error()));
        return *stamped;
    }

    static QByteArray pemToDer(const QByteArray &pem) {
        const qsizetype begin = pem.indexOf("-----BEGIN CERTIFICATE-----");
        const qsizetype end = pem.indexOf("-----END CERTIFICATE-----");
        return QByteArray::fromBase64(pem.mid(begin + 27, end - begin - 27));
    }

    Tool pdfsig(const QString &file) {
        return run(QStringLiteral("pdfsig"), {QStringLiteral("-nssdir"), "sql:" + m_nssDir, file});
    }

    // Every signature dictionary in the file as the raw bytes say (no Quire code): its byte
    // range, the DER in /Contents and whether it is a document time-stamp.
    struct RawSignature {
        qint64 range[4] = {};
        QByteArray der;
        bool documentTimestamp = false;
        QByteArray signedBytes;
    };
    static QList<RawSignature> rawSignatures(const QByteArray &bytes) {
        static const QRegularExpression pattern(
            QStringLiteral(R"(/ByteRange\s*\[\s*(\d+)\s+(\d+)\s+(\d+)\s+(\d+)\s*\])"));
        QList<RawSignature> out;
        auto it = pattern.globalMatch(QString::fromLatin1(bytes));
        while (it.hasNext()) {
            const auto m = it.next();
            RawSignature sig;
            for (int i = 0; i < 4; ++i)
                sig.range[i] = m.captured(i + 1).toLongLong();
            const QByteArray hex = bytes.mid(sig.range[1] + 1, sig.range[2] - sig.range[1] - 2);
            sig.der = derPrefix(QByteArray::fromHex(hex));
            const qsizetype objectStart = bytes.lastIndexOf(" obj", m.capturedStart());
            sig.documentTimestamp =
                bytes.mid(objectStart, m.capturedStart() - objectStart).contains("/ETSI.RFC3161");
            sig.signedBytes = bytes.mid(0, sig.range[1]) + bytes.mid(sig.range[2], sig.range[3]);
            out << sig;
        }
        return out;
    }
    // The DER object at the start of `bytes` (the padding of /Contents cut off).
    static QByteArray derPrefix(const QByteArray &bytes) {
        if (bytes.size() < 2) return {};
        qsizetype length = quint8(bytes[1]), header = 2;
        if (length & 0x80) {
            const int n = int(length & 0x7f);
            length = 0;
            for (int i = 0; i < n; ++i)
                length = (length << 8) | quint8(bytes[2 + i]);
            header += n;
        }
        return bytes.left(header + length);
    }

    // qpdf's answers about a file, for writing updates by hand.
    QString qpdfShow(const QByteArray &bytes, const QString &option) {
        mustWrite(path("to-change.pdf"), bytes);
        return QString::fromLatin1(run("qpdf", {option, path("to-change.pdf")}).out);
    }
    int pageObject(const QByteArray &bytes, int page, bool content) {
        static const QRegularExpression pattern(
            QStringLiteral(R"(page (\d+): (\d+) \d+ R\s+content:\s+(\d+) 0 R)"));
        auto it = pattern.globalMatch(qpdfShow(bytes, QStringLiteral("--show-pages")));
        while (it.hasNext()) {
            const auto m = it.next();
            if (m.captured(1).toInt() == page) return m.captured(content ? 3 : 2).toInt();
        }
        qFatal("no page %d", page);
    }

    // Appends an incremental update, written here by hand (a classic xref section), that
    // defines the given objects anew: what someone changing a signed document would do.
    QByteArray withUpdate(const QByteArray &bytes, const QMap<int, QByteArray> &objects) {
        const QString trailer = qpdfShow(bytes, QStringLiteral("--show-object=trailer"));
        const auto root = QRegularExpression(QStringLiteral(R"(/Root (\d+ \d+ R))")).match(trailer);
        const auto size = QRegularExpression(QStringLiteral(R"(/Size (\d+))")).match(trailer);
        const auto prev = QRegularExpression(QStringLiteral(R"(startxref\s+(\d+)\s+%%EOF\s*$)"))
                              .match(QString::fromLatin1(bytes));
        if (!root.hasMatch() || !size.hasMatch() || !prev.hasMatch()) qFatal("no trailer");
        QByteArray out = bytes;
        QByteArray table = "xref\n";
        int newSize = size.captured(1).toInt();
        for (auto it = objects.begin(); it != objects.end(); ++it) {
            const qint64 at = out.size();
            out += QByteArray::number(it.key()) + " 0 obj\n" + it.value() + "\nendobj\n";
            table += QByteArray::number(it.key()) + " 1\n" +
                     QByteArray::number(at).rightJustified(10, '0') + " 00000 n\r\n";
            newSize = std::max(newSize, it.key() + 1);
        }
        const qint64 xref = out.size();
        out += table + "trailer\n<< /Size " + QByteArray::number(newSize) + " /Root " +
               root.captured(1).toLatin1() + " /Prev " + prev.captured(1).toLatin1() +
               " >>\nstartxref\n" + QByteArray::number(xref) + "\n%%EOF\n";
        return out;
    }

    // Page `page` (1-based) gets a new content stream.
    QByteArray withChangedPage(const QByteArray &bytes, int page) {
        const QByteArray stream = "1 0 0 rg 60 300 400 200 re f";
        return withUpdate(bytes, {{pageObject(bytes, page, true),
                                   "<< /Length " + QByteArray::number(stream.size()) +
                                       " >>\nstream\n" + stream + "\nendstream"}});
    }

    // The signatures as pdfsig lists them: one block of lines per "Signature #n:".
    QStringList pdfsigBlocks(const QByteArray &bytes, const QString &name) {
        mustWrite(path(name), bytes);
        const Tool tool = pdfsig(path(name));
        QStringList blocks =
            tool.all().split(QRegularExpression(QStringLiteral("Signature #\\d+:")));
        blocks.removeFirst();
        return blocks;
    }

    void keep(const QString &name, const QByteArray &bytes) {
        const QString dir = qEnvironmentVariable("QUIRE_PDF_OUTPUT_DIR");
        if (!dir.isEmpty()) mustWrite(QDir(dir).filePath(name), bytes);
    }

private slots:
    void initTestCase() {
        QVERIFY(m_tmp.isValid());
        // The independent checkers (installer/install-deps.sh installs them).
        for (const char *tool : {"pdfsig", "pdftoppm", "qpdf", "certutil", "mutool", "openssl"})
            QVERIFY2(!QStandardPaths::findExecutable(QString::fromLatin1(tool)).isEmpty(),
                     qPrintable(QStringLiteral("%1 is missing: install poppler-utils, qpdf, "
                                               "libnss3-tools, mupdf-tools and openssl")
                                    .arg(QString::fromLatin1(tool))));
        m_tsa = std::make_unique<TestTsa>(m_tmp.path());
        QVERIFY2(m_tsa->ok(), qPrintable(m_tsa->error()));
        QVERIFY2(m_tsa->start(), qPrintable(m_tsa->error()));
        m_caKey = EcKey::generate();
        auto ca = makeCaCertificate(m_caKey, QStringLiteral("Protein Lab notebook"), 30);
        QVERIFY2(ca.ok(), qPrintable(ca.error()));
        m_caCert = *ca;
        m_alice = issue(m_caKey, m_caCert, QStringLiteral("Alice Jürgens"),
                        QStringLiteral("alice@lab.example"));
        m_carol = issue(m_caKey, m_caCert, QStringLiteral("Carol Supervisor"),
                        QStringLiteral("carol@lab.example"));
        m_original = notebookPdf(3);
        mustWrite(path("ca.pem"), certificatePem(m_caCert));

        // An NSS database that trusts the notebook CA and nothing else, as an attorney's reader
        // would be set up to check these signatures.
        m_nssDir = path("nss");
        QVERIFY(QDir().mkpath(m_nssDir));
        Tool created = run("certutil", {"-N", "-d", "sql:" + m_nssDir, "--empty-password"});
        QVERIFY2(created.exitCode == 0, qPrintable(created.all()));
        Tool added = run("certutil", {"-A", "-d", "sql:" + m_nssDir, "-n", "notebook-ca", "-t",
                                      "CT,C,C", "-a", "-i", path("ca.pem")});
        QVERIFY2(added.exitCode == 0, qPrintable(added.all()));
        m_signed = fullySigned();
        keep(QStringLiteral("signed-b-lta.pdf"), m_signed);
    }

    void quireVerifierReportsBothSignaturesAtLevelLta() {
        auto report = pdf::verifyPdf(m_signed, m_caCert, m_tsa->caPem());
        QVERIFY2(report.ok(), qPrintable(report.error()));
        QCOMPARE(report->signatures.size(), 3);
        QVERIFY(report->allValid());
        QVERIFY(report->hasDss);
        QCOMPARE(report->dssCertificates, 5); // 2 members, notebook CA, TSA, TSA CA

        const pdf::SignatureReport &author = report->signatures[0];
        QCOMPARE(author.kind, pdf::SignatureReport::Kind::Signature);
        QCOMPARE(author.subFilter, QStringLiteral("ETSI.CAdES.detached"));
        QCOMPARE(author.signerName, QStringLiteral("Alice Jürgens"));
        QCOMPARE(author.signerEmail, QStringLiteral("alice@lab.example"));
        QCOMPARE(author.name, QStringLiteral("Alice Jürgens"));
        QCOMPARE(author.reason, QStringLiteral("authored"));
        QCOMPARE(author.claimedTime, request(m_alice, "authored", 40).signingTime);
        QCOMPARE(author.claimedTime.offsetFromUtc(), 3600);
        QVERIFY(author.intact && author.trusted);
        QVERIFY(author.timestamp.valid);
        QVERIFY(author.timestamp.authority.contains(QStringLiteral("Quire test TSA")));
        QVERIFY(qAbs(author.timestamp.genTime.secsTo(QDateTime::currentDateTimeUtc())) < 300);
        QCOMPARE(author.provenBefore, author.timestamp.genTime);
        QCOMPARE(author.level, QStringLiteral("B-LTA"));
        QVERIFY(!author.coversWholeFile);
        QVERIFY(author.disallowedChanges.isEmpty());
        QVERIFY(author.appendedAfter.contains(QStringLiteral("a signature by Carol Supervisor")));
        QVERIFY(author.appendedAfter.contains(QStringLiteral("validation data (DSS)")));
        QVERIFY(author.appendedAfter.contains(QStringLiteral("a document time-stamp")));

        const pdf::SignatureReport &witness = report->signatures[1];
        QCOMPARE(witness.signerName, QStringLiteral("Carol Supervisor"));
        QCOMPARE(witness.reason, QStringLiteral("witnessed"));
        QCOMPARE(witness.level, QStringLiteral("B-LTA"));
        QVERIFY(witness.timestamp.genTime >= author.timestamp.genTime);

        const pdf::SignatureReport &archive = report->signatures[2];
        QCOMPARE(archive.kind, pdf::SignatureReport::Kind::DocumentTimestamp);
        QCOMPARE(archive.subFilter, QStringLiteral("ETSI.RFC3161"));
        QVERIFY(archive.coversWholeFile);
        QVERIFY(archive.timestamp.valid);
        QVERIFY(archive.timestamp.genTime >= witness.timestamp.genTime);
        QCOMPARE(archive.signedLength, qint64(m_signed.size()));
    }

    void pdfsigTrustsBothSignaturesAndListsTheDocumentTimestamp() {
        const QStringList blocks = pdfsigBlocks(m_signed, QStringLiteral("pdfsig.pdf"));
        QCOMPARE(blocks.size(), 3);
        for (int i = 0; i < 2; ++i) {
            QVERIFY2(
                blocks[i].contains(QStringLiteral("Signature Validation: Signature is Valid.")),
                qPrintable(blocks[i]));
            QVERIFY2(blocks[i].contains(
                         QStringLiteral("Certificate Validation: Certificate is Trusted.")),
                     qPrintable(blocks[i]));
            QVERIFY(blocks[i].contains(QStringLiteral("Signature Type: ETSI.CAdES.detached")));
        }
        QVERIFY(blocks[0].contains(QStringLiteral("Common Name: Alice Jürgens")));
        QVERIFY(blocks[1].contains(QStringLiteral("Common Name: Carol Supervisor")));
        // poppler 22.12 lists a document time-stamp but cannot validate one.
        QVERIFY2(blocks[2].contains(QStringLiteral("Quire test TSA")), qPrintable(blocks[2]));
        QVERIFY(blocks[2].contains(QStringLiteral("Total document signed")));
    }

    void qpdfCheckAndMupdfAcceptTheSignedFile() {
        mustWrite(path("check.pdf"), m_signed);
        const Tool check = run("qpdf", {"--check", path("check.pdf")});
        QVERIFY2(check.exitCode == 0, qPrintable(check.all()));
        QVERIFY(check.out.contains("No syntax or stream encoding errors found"));
        const Tool info = run("mutool", {"info", path("check.pdf")});
        QVERIFY2(info.exitCode == 0 && info.out.contains("Pages: 3"), qPrintable(info.all()));
        QVERIFY2(!info.err.contains("error"), qPrintable(info.all()));
        const Tool draw = run(
            "mutool", {"draw", "-q", "-F", "txt", "-o", path("mupdf.txt"), path("check.pdf"), "3"});
        QVERIFY2(draw.exitCode == 0 && !draw.err.contains("error"), qPrintable(draw.all()));
    }

    void opensslVerifiesEachSignatureOverTheByteRangesCutOutHere() {
        const QList<RawSignature> sigs = rawSignatures(m_signed);
        QCOMPARE(sigs.size(), 3);
        int cms = 0;
        for (const RawSignature &sig : sigs) {
            QCOMPARE(sig.range[0], 0);
            mustWrite(path("ranges.bin"), sig.signedBytes);
            mustWrite(path("contents.der"), sig.der);
            if (sig.documentTimestamp) {
                const Tool ts =
                    run("openssl", {"ts", "-verify", "-data", path("ranges.bin"), "-in",
                                    path("contents.der"), "-token_in", "-CAfile",
                                    m_tsa->caPemPath(), "-untrusted", m_tsa->certPemPath()});
                QVERIFY2(ts.exitCode == 0 && ts.out.contains("Verification: OK"),
                         qPrintable(ts.all()));
                continue;
            }
            ++cms;
            const Tool verify =
                run("openssl", {"cms", "-verify", "-binary", "-inform", "DER", "-in",
                                path("contents.der"), "-content", path("ranges.bin"), "-CAfile",
                                path("ca.pem"), "-purpose", "any", "-out", "/dev/null"});
            QVERIFY2(verify.exitCode == 0, qPrintable(verify.all()));
            // The PAdES profile: signing-certificate-v2, a signature time-stamp, no signingTime.
            const Tool print = run("openssl", {"cms", "-cmsout", "-print", "-inform", "DER", "-in",
                                               path("contents.der")});
            QVERIFY2(print.exitCode == 0, qPrintable(print.all()));
            // (The time-stamp token inside has a signingTime of its own, so only the signer's
            // signed attributes are looked at.)
            const qsizetype signedAttrs = print.out.indexOf("signedAttrs:");
            const QByteArray ownAttributes =
                print.out.mid(signedAttrs, print.out.indexOf("unsignedAttrs:") - signedAttrs);
            QVERIFY(ownAttributes.contains("id-smime-aa-signingCertificateV2"));
            QVERIFY(!ownAttributes.contains("signingTime"));
            QVERIFY(print.out.mid(print.out.indexOf("unsignedAttrs:"))
                        .contains("id-smime-aa-timeStampToken"));
            QCOMPARE(print.out.count("d.certificate:"), 2); // the member and the notebook CA
        }
        QCOMPARE(cms, 2);
    }

    void visibleBlocksAreLegibleOnTheLastPage() {
        mustWrite(path("render.pdf"), m_signed);
        const Tool render = run("pdftoppm", {"-r", "110", "-f", "3", "-l", "3", "-png",
                                             "-singlefile", path("render.pdf"), path("page3")});
        QVERIFY2(render.exitCode == 0, qPrintable(render.all()));
        const QImage page(path("page3.png"));
        QVERIFY(!page.isNull());
        keep(QStringLiteral("page3.png"), readAll(path("page3.png")));
        // Dark pixels (text) in the two block slots at the page's foot, left and right.
        auto darkPixels = [&](const QRect &area) {
            int n = 0;
            for (int y = area.top(); y <= area.bottom(); ++y)
                for (int x = area.left(); x <= area.right(); ++x)
                    if (qGray(page.pixel(x, y)) < 100) ++n;
            return n;
        };
        const double scale = 110.0 / 72.0;
        const int footTop = page.height() - int(60 * scale);
        QVERIFY(darkPixels(QRect(int(40 * scale), footTop, int(200 * scale), int(40 * scale))) >
                200);
        QVERIFY(darkPixels(QRect(int(320 * scale), footTop, int(200 * scale), int(40 * scale))) >
                200);
        // The text is real text with its Unicode: mupdf reads the printed names, the meanings
        // and the zone from the appearance streams.
        const Tool text =
            run("mutool", {"draw", "-q", "-F", "txt", "-o", "-", path("render.pdf"), "3"});
        const QString all = QString::fromUtf8(text.out);
        QVERIFY2(all.contains(QStringLiteral("Signed by Alice Jürgens")), qPrintable(all));
        QVERIFY(all.contains(QStringLiteral("Meaning: authored")));
        QVERIFY(all.contains(QStringLiteral("Signed by Carol Supervisor")));
        QVERIFY(all.contains(QStringLiteral("Meaning: witnessed")));
        QVERIFY(all.contains(QStringLiteral("2026-11-24 20:40:00 CET (UTC+01:00)")));
        QVERIFY(all.contains(QStringLiteral("2026-11-24 20:45:00 CET (UTC+01:00)")));
    }

    void aChangedByteInsideTheSignedRangeIsCaught() {
        QByteArray tampered = m_signed;
        const qsizetype at = tampered.indexOf("stream\n") + 20; // inside page data
        tampered[at] = char(tampered[at] ^ 0x01);
        auto report = pdf::verifyPdf(tampered, m_caCert, m_tsa->caPem());
        QVERIFY2(report.ok(), qPrintable(report.error()));
        QCOMPARE(report->signatures.size(), 3);
        for (const auto &sig : report->signatures) {
            QVERIFY(!sig.valid());
            QVERIFY(!sig.intact);
        }
        QVERIFY(report->signatures[0].problems.join(u' ').contains(
            QStringLiteral("signed bytes of the document were changed")));
        const QStringList blocks = pdfsigBlocks(tampered, QStringLiteral("tampered.pdf"));
        QCOMPARE(blocks.size(), 3);
        for (int i = 0; i < 2; ++i)
            QVERIFY2(blocks[i].contains(QStringLiteral("Signature Validation: Digest Mismatch.")),
                     qPrintable(blocks[i]));
    }

    void aPageChangedAfterSigningIsCaught() {
        // Before: the witness's signature covers the whole file.
        QByteArray bytes = sign(m_original, m_alice, QStringLiteral("authored"), 40, false);
        bytes = sign(bytes, m_carol, QStringLiteral("witnessed"), 45, false);
        QVERIFY(pdfsigBlocks(bytes, QStringLiteral("before.pdf"))
                    .last()
                    .contains(QStringLiteral("- Total document signed")));

        const QByteArray changed = withChangedPage(bytes, 1);
        mustWrite(path("changed.pdf"), changed);
        QCOMPARE(run("qpdf", {"--check", path("changed.pdf")}).exitCode, 0);
        auto report = pdf::verifyPdf(changed, m_caCert, m_tsa->caPem());
        QVERIFY2(report.ok(), qPrintable(report.error()));
        QCOMPARE(report->signatures.size(), 2);
        for (const auto &sig : report->signatures) {
            QVERIFY(sig.intact); // the signed bytes are untouched...
            QVERIFY(!sig.coversWholeFile);
            QVERIFY(!sig.valid()); // ...but what they show is not what is shown now
            QVERIFY2(
                sig.disallowedChanges.contains(QStringLiteral("the content of page 1 was changed")),
                qPrintable(sig.disallowedChanges.join(QStringLiteral("; "))));
        }
        // pdfsig sees that the last signature no longer covers the document.
        const QStringList blocks = pdfsigBlocks(changed, QStringLiteral("changed-sig.pdf"));
        QCOMPARE(blocks.size(), 2);
        QVERIFY(blocks.last().contains(QStringLiteral("Not total document signed")));
    }

    void aSignatureByACertificateOutsideTheNotebookIsNotTrusted() {
        const EcKey rogueCaKey = EcKey::generate();
        auto rogueCa = makeCaCertificate(rogueCaKey, QStringLiteral("Protein Lab notebook"), 30);
        QVERIFY(rogueCa.ok());
        const Member mallory = issue(rogueCaKey, *rogueCa, QStringLiteral("Carol Supervisor"),
                                     QStringLiteral("carol@lab.example"));
        QByteArray bytes = sign(m_original, m_alice, QStringLiteral("authored"), 40, false);
        auto forged = pdf::signPdf(bytes, request(mallory, "witnessed", -1), mallory.key,
                                   mallory.cert, {*rogueCa});
        QVERIFY2(forged.ok(), qPrintable(forged.error()));
        auto report = pdf::verifyPdf(*forged, m_caCert, m_tsa->caPem());
        QVERIFY2(report.ok(), qPrintable(report.error()));
        QCOMPARE(report->signatures.size(), 2);
        QVERIFY(report->signatures[0].valid()); // a later signature is an allowed addition
        const auto &rogue = report->signatures[1];
        QVERIFY(rogue.intact);
        QVERIFY(!rogue.trusted);
        QVERIFY(!rogue.valid());
        QVERIFY(rogue.problems.join(u' ').contains(QStringLiteral("not issued by")));

        const QStringList blocks = pdfsigBlocks(*forged, QStringLiteral("rogue.pdf"));
        QCOMPARE(blocks.size(), 2);
        QVERIFY(blocks[0].contains(QStringLiteral("Certificate is Trusted.")));
        QVERIFY2(blocks[1].contains(QStringLiteral("Signature is Valid.")), qPrintable(blocks[1]));
        QVERIFY2(!blocks[1].contains(QStringLiteral("Certificate is Trusted.")),
                 qPrintable(blocks[1]));
    }

    void anOfflineSignatureGainsItsTimeLater() {
        const QByteArray offline = sign(m_original, m_alice, QStringLiteral("authored"), 40, false);
        auto report = pdf::verifyPdf(offline, m_caCert, m_tsa->caPem());
        QVERIFY(report.ok());
        QVERIFY(report->allValid());
        QCOMPARE(report->signatures[0].level, QStringLiteral("B-B"));
        QVERIFY(!report->signatures[0].timestamp.present);
        QVERIFY(!report->signatures[0].provenBefore.isValid());

        auto stamped = pdf::addDocumentTimestamp(offline, pdf::tsaClient(m_tsa->url()));
        QVERIFY2(stamped.ok(), qPrintable(stamped.error()));
        report = pdf::verifyPdf(*stamped, m_caCert, m_tsa->caPem());
        QVERIFY(report.ok());
        QVERIFY(report->allValid());
        QCOMPARE(report->signatures[0].level, QStringLiteral("B-T"));
        QCOMPARE(report->signatures[0].provenBefore, report->signatures[1].timestamp.genTime);

        auto withDss = pdf::addDss(*stamped, {m_alice.cert, m_caCert});
        QVERIFY2(withDss.ok(), qPrintable(withDss.error()));
        report = pdf::verifyPdf(*withDss, m_caCert, m_tsa->caPem());
        QVERIFY(report.ok() && report->allValid());
        QCOMPARE(report->signatures[0].level, QStringLiteral("B-LT"));

        auto archived = pdf::addDocumentTimestamp(*withDss, pdf::tsaClient(m_tsa->url()));
        QVERIFY2(archived.ok(), qPrintable(archived.error()));
        report = pdf::verifyPdf(*archived, m_caCert, m_tsa->caPem());
        QVERIFY(report.ok() && report->allValid());
        QCOMPARE(report->signatures.size(), 3);
        QCOMPARE(report->signatures[0].level, QStringLiteral("B-LTA"));
        const QStringList blocks = pdfsigBlocks(*archived, QStringLiteral("offline.pdf"));
        QVERIFY(blocks[0].contains(QStringLiteral("Signature is Valid.")));
        mustWrite(path("offline.pdf"), *archived);
        QCOMPARE(run("qpdf", {"--check", path("offline.pdf")}).exitCode, 0);
    }

    void aFileWithXrefStreamsGetsXrefStreamUpdates() {
        mustWrite(path("plain.pdf"), m_original);
        const Tool converted =
            run("qpdf", {"--object-streams=generate", path("plain.pdf"), path("objstm.pdf")});
        QVERIFY2(converted.exitCode == 0, qPrintable(converted.all()));
        const QByteArray original = readAll(path("objstm.pdf"));
        QVERIFY(!original.contains("\nxref"));
        QByteArray bytes = sign(original, m_alice, QStringLiteral("authored"), 40, true);
        bytes = sign(bytes, m_carol, QStringLiteral("witnessed"), 45, false);
        auto stamped = pdf::addDocumentTimestamp(bytes, pdf::tsaClient(m_tsa->url()));
        QVERIFY2(stamped.ok(), qPrintable(stamped.error()));
        QVERIFY(!stamped->contains("\nxref")); // every update wrote an xref stream
        QCOMPARE(stamped->count("/Type /XRef"), original.count("/Type /XRef") + 3);
        mustWrite(path("objstm-signed.pdf"), *stamped);
        keep(QStringLiteral("objstm-signed.pdf"), *stamped);
        const Tool check = run("qpdf", {"--check", path("objstm-signed.pdf")});
        QVERIFY2(check.exitCode == 0, qPrintable(check.all()));
        auto report = pdf::verifyPdf(*stamped, m_caCert, m_tsa->caPem());
        QVERIFY2(report.ok(), qPrintable(report.error()));
        QCOMPARE(report->signatures.size(), 3);
        for (const auto &sig : report->signatures)
            QVERIFY2(sig.valid(), qPrintable((sig.problems + sig.disallowedChanges).join(u' ')));
        const QStringList blocks = pdfsigBlocks(*stamped, QStringLiteral("objstm-sig.pdf"));
        QVERIFY(blocks[0].contains(QStringLiteral("Signature is Valid.")));
        QVERIFY(blocks[1].contains(QStringLiteral("Signature is Valid.")));
    }

    void aNoteAddedToASignedPageIsCaught() {
        const QByteArray bytes = sign(m_original, m_alice, QStringLiteral("authored"), 40, false);
        const int page = pageObject(bytes, 3, false);
        // QPdfWriter gives each page an indirect /Annots array; the note goes into it.
        const QString pageText = qpdfShow(bytes, QStringLiteral("--show-object=%1").arg(page));
        const auto annots =
            QRegularExpression(QStringLiteral(R"(/Annots (\d+) 0 R)")).match(pageText);
        QVERIFY2(annots.hasMatch(), qPrintable(pageText));
        const int annotsId = annots.captured(1).toInt();
        QString array = qpdfShow(bytes, QStringLiteral("--show-object=%1").arg(annotsId)).trimmed();
        const int note = QRegularExpression(QStringLiteral(R"(/Size (\d+))"))
                             .match(qpdfShow(bytes, QStringLiteral("--show-object=trailer")))
                             .captured(1)
                             .toInt();
        array.insert(array.lastIndexOf(u']'), QStringLiteral(" %1 0 R ").arg(note));
        const QByteArray changed =
            withUpdate(bytes, {{annotsId, array.toLatin1()},
                               {note, "<< /Type /Annot /Subtype /Text /Rect [100 100 120 120] /F 4 "
                                      "/Contents (Actually done on 25 Nov) >>"}});
        mustWrite(path("note.pdf"), changed);
        QCOMPARE(run("qpdf", {"--check", path("note.pdf")}).exitCode, 0);
        auto report = pdf::verifyPdf(changed, m_caCert, m_tsa->caPem());
        QVERIFY2(report.ok(), qPrintable(report.error()));
        QCOMPARE(report->signatures.size(), 1);
        QVERIFY(report->signatures[0].intact);
        QVERIFY(!report->signatures[0].valid());
        QCOMPARE(report->signatures[0].disallowedChanges,
                 QStringList{QStringLiteral("an annotation was added on page 3")});
    }

    void aCatalogChangeAfterSigningIsCaught() {
        const QByteArray bytes = sign(m_original, m_alice, QStringLiteral("authored"), 40, false);
        const QString trailer = qpdfShow(bytes, QStringLiteral("--show-object=trailer"));
        const int root = QRegularExpression(QStringLiteral(R"(/Root (\d+) 0 R)"))
                             .match(trailer)
                             .captured(1)
                             .toInt();
        QString catalog = qpdfShow(bytes, QStringLiteral("--show-object=%1").arg(root)).trimmed();
        catalog.insert(catalog.lastIndexOf(QStringLiteral(">>")),
                       QStringLiteral(" /OpenAction << /S /URI /URI (http://example.org) >> "));
        const QByteArray changed = withUpdate(bytes, {{root, catalog.toLatin1()}});
        auto report = pdf::verifyPdf(changed, m_caCert, m_tsa->caPem());
        QVERIFY2(report.ok(), qPrintable(report.error()));
        QVERIFY(!report->signatures[0].valid());
        QCOMPARE(report->signatures[0].disallowedChanges,
                 QStringList{QStringLiteral("the document catalog was changed (/OpenAction)")});
    }

    void claimedTimesAreCheckedAgainstTheCertificateAndTheTimestamp() {
        // Claimed before the certificate existed, with nothing to prove otherwise.
        pdf::SignRequest backdated = request(m_alice, QStringLiteral("authored"), -1);
        backdated.signingTime = QDateTime(QDate(2020, 1, 1), QTime(12, 0), QTimeZone::utc());
        auto early = pdf::signPdf(m_original, backdated, m_alice.key, m_alice.cert, {m_caCert});
        QVERIFY2(early.ok(), qPrintable(early.error()));
        auto report = pdf::verifyPdf(*early, m_caCert, m_tsa->caPem());
        QVERIFY(report.ok());
        QVERIFY(report->signatures[0].intact);
        QVERIFY(!report->signatures[0].trusted);
        QVERIFY2(report->signatures[0].problems.join(u' ').contains(
                     QStringLiteral("not yet valid at the time of signing (2020-01-01T12:00:00Z)")),
                 qPrintable(report->signatures[0].problems.join(u' ')));

        // Claimed a day after the authority saw the signature.
        pdf::SignRequest late = request(m_alice, QStringLiteral("authored"), -1);
        late.signingTime = late.signingTime.addDays(1);
        auto future = pdf::signPdf(m_original, late, m_alice.key, m_alice.cert, {m_caCert},
                                   pdf::tsaClient(m_tsa->url()));
        QVERIFY2(future.ok(), qPrintable(future.error()));
        report = pdf::verifyPdf(*future, m_caCert, m_tsa->caPem());
        QVERIFY(report.ok());
        QVERIFY(report->signatures[0].trusted && report->signatures[0].timestamp.valid);
        QVERIFY(!report->signatures[0].valid());
        QVERIFY2(report->signatures[0].problems.join(u' ').contains(
                     QStringLiteral("is after the signature time-stamp")),
                 qPrintable(report->signatures[0].problems.join(u' ')));
    }

    void signingRefusesAKeyThatIsNotTheCertificates() {
        auto wrong = pdf::signPdf(m_original, request(m_alice, "authored", -1), m_carol.key,
                                  m_alice.cert, {m_caCert});
        QVERIFY(!wrong.ok());
        QVERIFY2(wrong.error().contains(QStringLiteral("does not belong")),
                 qPrintable(wrong.error()));
    }
};

QTEST_MAIN(PdfSigningTest)
#include "tst_pdf_signing.moc"
