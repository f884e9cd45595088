// The archival PDF (issue 13): a printout becomes PDF/A-3b with the evidence embedded as
// associated files. Checked with poppler (pdfdetach, pdfinfo, pdffonts), qpdf (--check and its
// JSON view of every object) and Qt's ICC parser, since no PDF/A validator is packaged for
// Debian; the list of what is checked is in PdfArchive.h. Signing the archive keeps the evidence.

#include "crypto/Crypto.h"
#include "pdf/PdfArchive.h"
#include "pdf/PdfSigner.h"
#include "pdf/PdfVerify.h"
#include "TestSupport.h"

#include <QColorSpace>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QPainter>
#include <QPdfWriter>
#include <QRegularExpression>
#include <QTemporaryDir>
#include <QTimeZone>
#include <QtTest>
#include <QXmlStreamReader>

using namespace quire;
using quire::test::Tool;

using namespace quire::test;

namespace {

Tool run(const QString &program, const QStringList &args) {
    return test::runTool(program, args, 120000);
}

void mustWrite(const QString &path, const QByteArray &bytes) {
    QFile f(path);
    if (!f.open(QIODevice::WriteOnly | QIODevice::Truncate) || f.write(bytes) != bytes.size())
        qFatal("cannot write %s", qPrintable(path));
}

QByteArray printout() {
    QBuffer buffer;
    buffer.open(QIODevice::WriteOnly);
    QPdfWriter writer(&buffer);
    writer.setPageSize(QPageSize(QPageSize::A4));
    writer.setResolution(72);
    QPainter painter(&writer);
    for (int page = 0; page < 2; ++page) {
        if (page > 0) writer.newPage();
        painter.setFont(QFont(QStringLiteral("DejaVu Sans"), 12));
        painter.drawText(QPointF(40, 60), QStringLiteral("Experiment 7, page %1").arg(page + 1));
    }
    painter.end();
    return buffer.data();
}

// qpdf's JSON view of a file: every object by "N G R", and the trailer.
struct Objects {
    QJsonObject all;
    QJsonValue value(const QJsonValue &ref) const {
        const QJsonObject entry = all.value(QStringLiteral("obj:") + ref.toString()).toObject();
        return entry.contains(QStringLiteral("value")) ? entry.value(QStringLiteral("value"))
                                                       : entry.value(QStringLiteral("stream"));
    }
    QJsonObject dict(const QJsonValue &refOrDirect) const {
        const QJsonValue v = refOrDirect.isString() ? value(refOrDirect) : refOrDirect;
        const QJsonObject o = v.toObject();
        return o.contains(QStringLiteral("dict")) ? o.value(QStringLiteral("dict")).toObject() : o;
    }
    QJsonObject trailer() const {
        return all.value(QStringLiteral("trailer"))
            .toObject()
            .value(QStringLiteral("value"))
            .toObject();
    }
    QJsonObject root() const { return dict(trailer().value(QStringLiteral("/Root"))); }
};

Objects objectsOf(const QString &file) {
    const Tool json = run("qpdf", {"--json=2", "--json-key=qpdf", file});
    const QJsonArray qpdf =
        QJsonDocument::fromJson(json.out).object().value(QStringLiteral("qpdf")).toArray();
    return Objects{qpdf.at(1).toObject()};
}

QString pdfText(const QJsonValue &v) {
    return v.toString().mid(2);
} // "u:text"

} // namespace

class PdfArchiveTest : public QObject {
    Q_OBJECT

    QTemporaryDir m_tmp;
    QByteArray m_archive;
    QList<pdf::EvidenceFile> m_files;
    pdf::ArchiveMetadata m_metadata;

    QString path(const QString &name) const { return m_tmp.filePath(name); }

private slots:
    void initTestCase() {
        QVERIFY(m_tmp.isValid());
        QByteArray binary;
        for (int i = 0; i < 4096; ++i)
            binary += char((i * 7919) & 0xff);
        m_files = {
            {QStringLiteral("absorbance.csv"),
             QStringLiteral("text/csv"),
             "wavelength_nm,absorbance\n280,0.512\n",
             QStringLiteral("Raw plate reader data"),
             pdf::EvidenceFile::Relationship::Data,
             {}},
            {QStringLiteral("records.json"),
             QStringLiteral("application/json"),
             R"({"format":"quire/1","type":"entry"})",
             QStringLiteral("The signed records"),
             pdf::EvidenceFile::Relationship::Source,
             {}},
            {QStringLiteral("Messung µ.bin"), QStringLiteral("application/octet-stream"), binary,
             QStringLiteral("Instrument file with a non-ASCII name"),
             pdf::EvidenceFile::Relationship::Data,
             QDateTime(QDate(2026, 11, 20), QTime(9, 30), QTimeZone("Europe/Berlin"))},
        };
        m_metadata.title = QStringLiteral("Experiment 7: Tris buffer <pH> & stability");
        m_metadata.author = QStringLiteral("Alice Jürgens");
        m_metadata.subject = QStringLiteral("Notebook export for the patent file");
        m_metadata.keywords = {QStringLiteral("buffer"), QStringLiteral("stability")};
        m_metadata.created =
            QDateTime(QDate(2026, 11, 24), QTime(21, 5, 7, 250), QTimeZone("Europe/Berlin"));
        auto archive = pdf::addEvidence(printout(), m_files, m_metadata);
        QVERIFY2(archive.ok(), qPrintable(archive.error()));
        m_archive = *archive;
        mustWrite(path("archive.pdf"), m_archive);
        const QString keep = qEnvironmentVariable("QUIRE_PDF_OUTPUT_DIR");
        if (!keep.isEmpty())
            mustWrite(QDir(keep).filePath(QStringLiteral("archive.pdf")), m_archive);
    }

    void archivePassesQpdfCheckAsPdf17() {
        QVERIFY(m_archive.startsWith("%PDF-1.7\n%"));
        // The second line's comment has bytes above 127, so tools treat the file as binary.
        QVERIFY(quint8(m_archive[10]) > 127 && quint8(m_archive[11]) > 127);
        const Tool check = run("qpdf", {"--check", path("archive.pdf")});
        QVERIFY2(check.exitCode == 0, qPrintable(check.all()));
        QVERIFY(check.out.contains("No syntax or stream encoding errors found"));
        const Tool info = run("pdfinfo", {path("archive.pdf")});
        QVERIFY(info.out.contains("Encrypted:       no"));
        QVERIFY(info.out.contains("PDF version:     1.7"));
        QVERIFY(info.out.contains("Pages:           2"));
    }

    void evidenceFilesComeOutByteForByte() {
        const Tool list = run("pdfdetach", {"-list", path("archive.pdf")});
        QVERIFY2(list.exitCode == 0, qPrintable(list.all()));
        QVERIFY(list.out.contains("3 embedded files"));
        const QString out = path("detached");
        QVERIFY(QDir().mkpath(out));
        const Tool save = run("pdfdetach", {"-saveall", "-o", out, path("archive.pdf")});
        QVERIFY2(save.exitCode == 0, qPrintable(save.all()));
        for (const auto &file : m_files)
            QCOMPARE(readAll(QDir(out).filePath(file.name)), file.bytes);
    }

    void everyEmbeddedFileIsAnAssociatedFileWithItsPdfA3Keys() {
        const Objects objects = objectsOf(path("archive.pdf"));
        const QJsonObject root = objects.root();
        const QJsonArray af = root.value(QStringLiteral("/AF")).toArray();
        QCOMPARE(af.size(), 3);
        // The name tree lists the same file specifications.
        const QJsonObject tree = objects.dict(objects.dict(root.value(QStringLiteral("/Names")))
                                                  .value(QStringLiteral("/EmbeddedFiles")));
        const QJsonArray names = tree.value(QStringLiteral("/Names")).toArray();
        QCOMPARE(names.size(), 6);
        QStringList relationships;
        for (int i = 0; i < 3; ++i) {
            QVERIFY(af.contains(names.at(2 * i + 1)));
            const QJsonObject spec = objects.dict(af.at(i));
            QCOMPARE(spec.value(QStringLiteral("/Type")).toString(), QStringLiteral("/Filespec"));
            QVERIFY(spec.contains(QStringLiteral("/F")));
            QVERIFY(spec.contains(QStringLiteral("/UF")));
            QVERIFY(spec.contains(QStringLiteral("/Desc")));
            relationships << spec.value(QStringLiteral("/AFRelationship")).toString();
            const QJsonObject stream = objects.dict(
                objects.dict(spec.value(QStringLiteral("/EF"))).value(QStringLiteral("/F")));
            QCOMPARE(stream.value(QStringLiteral("/Type")).toString(),
                     QStringLiteral("/EmbeddedFile"));
            QVERIFY(stream.value(QStringLiteral("/Subtype")).toString().contains(u'/'));
            const QJsonObject params = objects.dict(stream.value(QStringLiteral("/Params")));
            QVERIFY(params.contains(QStringLiteral("/ModDate")));
            QVERIFY(params.contains(QStringLiteral("/Size")));
            QVERIFY(params.contains(QStringLiteral("/CheckSum")));
        }
        QCOMPARE(relationships, (QStringList{"/Data", "/Source", "/Data"}));
        QCOMPARE(pdfText(objects.dict(af.at(2)).value(QStringLiteral("/UF"))),
                 QStringLiteral("Messung µ.bin"));
        QCOMPARE(pdfText(objects.dict(af.at(2)).value(QStringLiteral("/F"))),
                 QStringLiteral("Messung _.bin"));
    }

    void xmpSaysPdfA3bAndAgreesWithTheInformationDictionary() {
        const Tool meta = run("pdfinfo", {"-meta", path("archive.pdf")});
        QVERIFY2(meta.exitCode == 0, qPrintable(meta.all()));
        const qsizetype begin = meta.out.indexOf("<?xpacket begin");
        QVERIFY(begin >= 0);
        // The packet header carries the byte order mark in UTF-8, as XMP requires.
        QVERIFY(meta.out.mid(begin).startsWith("<?xpacket begin=\"\xEF\xBB\xBF\" id="));
        QXmlStreamReader xml(meta.out.mid(begin));
        QMap<QString, QString> values;
        QString current;
        while (!xml.atEnd()) {
            xml.readNext();
            if (xml.isStartElement()) current = xml.qualifiedName().toString();
            if (xml.isCharacters() && !xml.isWhitespace() && current != u"rdf:li")
                values[current] += xml.text().toString();
            if (xml.isCharacters() && !xml.isWhitespace() && current == u"rdf:li")
                values[QStringLiteral("li:") + QString::number(values.size())] =
                    xml.text().toString();
        }
        QVERIFY2(!xml.hasError(), qPrintable(xml.errorString()));
        QCOMPARE(values.value(QStringLiteral("pdfaid:part")), QStringLiteral("3"));
        QCOMPARE(values.value(QStringLiteral("pdfaid:conformance")), QStringLiteral("B"));
        QCOMPARE(values.value(QStringLiteral("xmp:CreatorTool")), QStringLiteral("Quire"));
        QCOMPARE(values.value(QStringLiteral("xmp:CreateDate")),
                 QStringLiteral("2026-11-24T21:05:07+01:00"));
        QCOMPARE(values.value(QStringLiteral("xmp:ModifyDate")),
                 QStringLiteral("2026-11-24T21:05:07+01:00"));
        QStringList listItems;
        for (auto it = values.begin(); it != values.end(); ++it)
            if (it.key().startsWith(QStringLiteral("li:"))) listItems << it.value();
        QVERIFY(listItems.contains(m_metadata.title));
        QVERIFY(listItems.contains(m_metadata.author));
        QVERIFY(listItems.contains(m_metadata.subject));

        // The information dictionary says the same (ISO 19005-3 §6.6.2.3.1).
        const Objects objects = objectsOf(path("archive.pdf"));
        const QJsonObject info = objects.dict(objects.trailer().value(QStringLiteral("/Info")));
        QCOMPARE(pdfText(info.value(QStringLiteral("/Title"))), m_metadata.title);
        QCOMPARE(pdfText(info.value(QStringLiteral("/Author"))), m_metadata.author);
        QCOMPARE(pdfText(info.value(QStringLiteral("/Subject"))), m_metadata.subject);
        QCOMPARE(pdfText(info.value(QStringLiteral("/Keywords"))), values.value("pdf:Keywords"));
        QCOMPARE(pdfText(info.value(QStringLiteral("/Creator"))), QStringLiteral("Quire"));
        QCOMPARE(pdfText(info.value(QStringLiteral("/Producer"))), values.value("pdf:Producer"));
        QCOMPARE(pdfText(info.value(QStringLiteral("/CreationDate"))),
                 QStringLiteral("D:20261124210507+01'00'"));
        QCOMPARE(pdfText(info.value(QStringLiteral("/ModDate"))),
                 QStringLiteral("D:20261124210507+01'00'"));
        // The metadata stream is not compressed, so that any tool can read it.
        const QJsonObject packet = objects.dict(objects.root().value(QStringLiteral("/Metadata")));
        QCOMPARE(packet.value(QStringLiteral("/Subtype")).toString(), QStringLiteral("/XML"));
        QVERIFY(!packet.contains(QStringLiteral("/Filter")));
    }

    void outputIntentIsAnSrgbProfileQtReadsAsSrgb() {
        const Objects objects = objectsOf(path("archive.pdf"));
        const QJsonArray intents = objects.root().value(QStringLiteral("/OutputIntents")).toArray();
        QCOMPARE(intents.size(), 1);
        const QJsonObject intent = objects.dict(intents.at(0));
        QCOMPARE(intent.value(QStringLiteral("/S")).toString(), QStringLiteral("/GTS_PDFA1"));
        QCOMPARE(pdfText(intent.value(QStringLiteral("/OutputConditionIdentifier"))),
                 QStringLiteral("sRGB IEC61966-2.1"));
        const QJsonValue profileRef = intent.value(QStringLiteral("/DestOutputProfile"));
        QCOMPARE(objects.dict(profileRef).value(QStringLiteral("/N")).toInt(), 3);
        const QString id = profileRef.toString().section(u' ', 0, 0);
        const Tool data =
            run("qpdf", {"--show-object=" + id, "--filtered-stream-data", path("archive.pdf")});
        QCOMPARE(data.out, pdf::srgbIccProfile());
        const QByteArray &icc = data.out;
        QCOMPARE(qFromBigEndian<quint32>(icc.constData()), quint32(icc.size()));
        QCOMPARE(icc.mid(12, 12), QByteArray("mntrRGB XYZ "));
        QCOMPARE(icc.mid(36, 4), QByteArray("acsp"));
        QCOMPARE(quint8(icc[8]), quint8(2)); // ICC version 2: what every PDF/A part accepts
        const QColorSpace space = QColorSpace::fromIccProfile(icc);
        QVERIFY(space.isValid());
        QCOMPARE(space.primaries(), QColorSpace::Primaries::SRgb);
        // The tone curve is sRGB's: mid grey maps as sRGB maps it.
        const QColor grey =
            space.transformationToColorSpace(QColorSpace::SRgbLinear).map(QColor(128, 128, 128));
        QVERIFY(qAbs(grey.redF() - 0.2158605) < 0.002);
    }

    void everyFontIsEmbedded() {
        const Tool fonts = run("pdffonts", {path("archive.pdf")});
        QVERIFY2(fonts.exitCode == 0, qPrintable(fonts.all()));
        const QStringList lines = QString::fromUtf8(fonts.out).split(u'\n', Qt::SkipEmptyParts);
        QVERIFY(lines.size() > 2);
        for (const QString &line : lines.mid(2))
            QVERIFY2(line.contains(
                         QRegularExpression(QStringLiteral(R"(\s+yes\s+\S+\s+\S+\s+\d+\s+\d+$)"))),
                     qPrintable(line));
    }

    void signingTheArchiveKeepsTheEvidenceAndTheSignatureHolds() {
        const crypto::EcKey caKey = crypto::EcKey::generate();
        auto ca = crypto::makeCaCertificate(caKey, QStringLiteral("Lab notebook"), 30);
        QVERIFY(ca.ok());
        const crypto::EcKey key = crypto::EcKey::generate();
        auto cert = crypto::issueSigningCertificate(caKey, *ca, key.publicDer(),
                                                    QStringLiteral("Alice Jürgens"),
                                                    QStringLiteral("alice@lab.example"), 5);
        QVERIFY(cert.ok());
        pdf::SignRequest request;
        request.reason = QStringLiteral("authored");
        request.name = QStringLiteral("Alice Jürgens");
        request.signingTime = QDateTime::currentDateTime(); // the certificate is from today
        auto signedPdf = pdf::signPdf(m_archive, request, key, *cert, {*ca});
        QVERIFY2(signedPdf.ok(), qPrintable(signedPdf.error()));
        QVERIFY(signedPdf->startsWith(m_archive)); // an incremental update
        mustWrite(path("signed-archive.pdf"), *signedPdf);
        QCOMPARE(run("qpdf", {"--check", path("signed-archive.pdf")}).exitCode, 0);
        const Tool list = run("pdfdetach", {"-list", path("signed-archive.pdf")});
        QVERIFY(list.out.contains("3 embedded files"));
        auto report = pdf::verifyPdf(*signedPdf, *ca, {});
        QVERIFY2(report.ok(), qPrintable(report.error()));
        QVERIFY(report->allValid());
        // The signature widget prints and carries its appearance (PDF/A: annotations).
        const Objects objects = objectsOf(path("signed-archive.pdf"));
        const QJsonObject form = objects.dict(objects.root().value(QStringLiteral("/AcroForm")));
        const QJsonObject widget =
            objects.dict(form.value(QStringLiteral("/Fields")).toArray().at(0));
        QCOMPARE(widget.value(QStringLiteral("/F")).toInt(), 132);
        QVERIFY(objects.dict(widget.value(QStringLiteral("/AP"))).contains(QStringLiteral("/N")));
        // The archive's metadata still leads: the update did not touch it.
        QVERIFY(objects.root().contains(QStringLiteral("/OutputIntents")));
        QVERIFY(objects.root().contains(QStringLiteral("/Metadata")));
    }

    // The real input: what QtWebEngine 6.4's printToPdf (Skia) made of a notebook page with
    // links, transparency and two fonts (tests/storage/data/chromium-printout.pdf). Its link
    // annotations have no /F; the archive makes them printable. Then the whole signing path.
    void aChromiumPrintoutBecomesASignedArchive() {
        const QByteArray printed =
            readAll(qEnvironmentVariable("QUIRE_SOURCE_DIR") +
                    QStringLiteral("/tests/storage/data/chromium-printout.pdf"));
        QVERIFY(printed.contains("/Producer (Skia/PDF"));
        auto archive = pdf::addEvidence(printed, m_files, m_metadata);
        QVERIFY2(archive.ok(), qPrintable(archive.error()));
        mustWrite(path("chromium-archive.pdf"), *archive);
        QCOMPARE(run("qpdf", {"--check", path("chromium-archive.pdf")}).exitCode, 0);
        const Objects objects = objectsOf(path("chromium-archive.pdf"));
        int links = 0;
        for (auto it = objects.all.begin(); it != objects.all.end(); ++it) {
            const QJsonObject value =
                it.value().toObject().value(QStringLiteral("value")).toObject();
            if (value.value(QStringLiteral("/Subtype")).toString() != u"/Link") continue;
            ++links;
            QCOMPARE(value.value(QStringLiteral("/F")).toInt() & 0x127, 4); // Print, not hidden
        }
        QVERIFY(links > 10);
        const Tool fonts = run("pdffonts", {path("chromium-archive.pdf")});
        QVERIFY(!fonts.out.contains(" no  "));

        const crypto::EcKey caKey = crypto::EcKey::generate();
        auto ca = crypto::makeCaCertificate(caKey, QStringLiteral("Lab notebook"), 30);
        QVERIFY(ca.ok());
        QByteArray bytes = *archive;
        const QStringList names{QStringLiteral("Alice Jürgens"),
                                QStringLiteral("Carol Supervisor")};
        for (int i = 0; i < 2; ++i) {
            const crypto::EcKey key = crypto::EcKey::generate();
            auto cert = crypto::issueSigningCertificate(
                caKey, *ca, key.publicDer(), names[i], QStringLiteral("m%1@lab.example").arg(i), 5);
            QVERIFY(cert.ok());
            pdf::SignRequest request;
            request.reason = i == 0 ? QStringLiteral("authored") : QStringLiteral("witnessed");
            request.name = names[i];
            request.signingTime = QDateTime::currentDateTime().addSecs(i);
            auto next = pdf::signPdf(bytes, request, key, *cert, {*ca});
            QVERIFY2(next.ok(), qPrintable(next.error()));
            bytes = *next;
        }
        mustWrite(path("chromium-signed.pdf"), bytes);
        const QString keep = qEnvironmentVariable("QUIRE_PDF_OUTPUT_DIR");
        if (!keep.isEmpty())
            mustWrite(QDir(keep).filePath(QStringLiteral("chromium-signed.pdf")), bytes);
        QCOMPARE(run("qpdf", {"--check", path("chromium-signed.pdf")}).exitCode, 0);
        auto report = pdf::verifyPdf(bytes, *ca, {});
        QVERIFY2(report.ok(), qPrintable(report.error()));
        QCOMPARE(report->signatures.size(), 2);
        for (const auto &sig : report->signatures)
            QVERIFY2(sig.valid(), qPrintable((sig.problems + sig.disallowedChanges).join(u' ')));
        const Tool list = run("pdfdetach", {"-list", path("chromium-signed.pdf")});
        QVERIFY(list.out.contains("3 embedded files"));
        const Tool text =
            run("mutool", {"draw", "-q", "-F", "txt", "-o", "-", path("chromium-signed.pdf"), "5"});
        QVERIFY2(QString::fromUtf8(text.out).contains(QStringLiteral("Signed by Carol Supervisor")),
                 qPrintable(text.all()));
    }

    void refusesFilesWithoutNameOrMediaType() {
        auto unnamed = pdf::addEvidence(
            printout(), {{QString(), QStringLiteral("text/csv"), "x", {}, {}, {}}}, m_metadata);
        QVERIFY(!unnamed.ok());
        auto untyped = pdf::addEvidence(
            printout(), {{QStringLiteral("a.csv"), QString(), "x", {}, {}, {}}}, m_metadata);
        QVERIFY(!untyped.ok());
        QVERIFY2(untyped.error().contains(QStringLiteral("media type")),
                 qPrintable(untyped.error()));
    }
};

QTEST_MAIN(PdfArchiveTest)
#include "tst_pdf_archive.moc"
