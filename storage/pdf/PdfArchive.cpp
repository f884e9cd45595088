#include "pdf/PdfArchive.h"

#include "pdf/PdfUpdate.h"

#include <QCoreApplication>
#include <QSet>
#include <QtEndian>

#include <qpdf/QPDFEFStreamObjectHelper.hh>
#include <qpdf/QPDFEmbeddedFileDocumentHelper.hh>
#include <qpdf/QPDFFileSpecObjectHelper.hh>
#include <qpdf/QPDFWriter.hh>

#include <cmath>

namespace quire::pdf {

namespace {

void putU32(QByteArray &out, quint32 v) {
    char b[4];
    qToBigEndian(v, b);
    out.append(b, 4);
}
void putU16(QByteArray &out, quint16 v) {
    char b[2];
    qToBigEndian(v, b);
    out.append(b, 2);
}
void putS15Fixed16(QByteArray &out, double v) {
    putU32(out, quint32(qint32(std::lround(v * 65536.0))));
}

QByteArray xyzTag(double x, double y, double z) {
    QByteArray t = "XYZ ";
    putU32(t, 0);
    putS15Fixed16(t, x);
    putS15Fixed16(t, y);
    putS15Fixed16(t, z);
    return t;
}

void padTo4(QByteArray &b) {
    while (b.size() % 4 != 0)
        b += '\0';
}

QString xmlEscaped(const QString &text) {
    return text.toHtmlEscaped();
}

QString isoDate(const QDateTime &time) {
    return time.toString(Qt::ISODate);
}

QByteArray relationshipName(EvidenceFile::Relationship r) {
    switch (r) {
    case EvidenceFile::Relationship::Data:
        return "/Data";
    case EvidenceFile::Relationship::Source:
        return "/Source";
    case EvidenceFile::Relationship::Supplement:
        return "/Supplement";
    case EvidenceFile::Relationship::Alternative:
        return "/Alternative";
    case EvidenceFile::Relationship::Unspecified:
        break;
    }
    return "/Unspecified";
}

// The XMP packet of a PDF/A-3b file. Each property has the same value as its counterpart in the
// document information dictionary (ISO 19005-3 §6.6.2.3.1), so both are made from one source.
QByteArray xmp(const ArchiveMetadata &m, const QString &producer, const QDateTime &created,
               const QDateTime &modified) {
    QString x = QStringLiteral(
        "<?xpacket begin=\"\uFEFF\" id=\"W5M0MpCehiHzreSzNTczkc9d\"?>\n"
        "<x:xmpmeta xmlns:x=\"adobe:ns:meta/\">\n"
        " <rdf:RDF xmlns:rdf=\"http://www.w3.org/1999/02/22-rdf-syntax-ns#\">\n"
        "  <rdf:Description rdf:about=\"\" xmlns:pdfaid=\"http://www.aiim.org/pdfa/ns/id/\">\n"
        "   <pdfaid:part>3</pdfaid:part>\n"
        "   <pdfaid:conformance>B</pdfaid:conformance>\n"
        "  </rdf:Description>\n"
        "  <rdf:Description rdf:about=\"\" xmlns:dc=\"http://purl.org/dc/elements/1.1/\">\n"
        "   <dc:format>application/pdf</dc:format>\n");
    x += QStringLiteral("   <dc:title><rdf:Alt><rdf:li xml:lang=\"x-default\">%1</rdf:li>"
                        "</rdf:Alt></dc:title>\n")
             .arg(xmlEscaped(m.title));
    if (!m.author.isEmpty())
        x += QStringLiteral("   <dc:creator><rdf:Seq><rdf:li>%1</rdf:li></rdf:Seq></dc:creator>\n")
                 .arg(xmlEscaped(m.author));
    if (!m.subject.isEmpty())
        x += QStringLiteral("   <dc:description><rdf:Alt><rdf:li xml:lang=\"x-default\">%1"
                            "</rdf:li></rdf:Alt></dc:description>\n")
                 .arg(xmlEscaped(m.subject));
    x += QStringLiteral(
             "  </rdf:Description>\n"
             "  <rdf:Description rdf:about=\"\" xmlns:xmp=\"http://ns.adobe.com/xap/1.0/\">\n"
             "   <xmp:CreatorTool>%1</xmp:CreatorTool>\n"
             "   <xmp:CreateDate>%2</xmp:CreateDate>\n"
             "   <xmp:ModifyDate>%3</xmp:ModifyDate>\n"
             "   <xmp:MetadataDate>%3</xmp:MetadataDate>\n"
             "  </rdf:Description>\n"
             "  <rdf:Description rdf:about=\"\" xmlns:pdf=\"http://ns.adobe.com/pdf/1.3/\">\n"
             "   <pdf:Producer>%4</pdf:Producer>\n")
             .arg(xmlEscaped(m.creatorTool), isoDate(created), isoDate(modified),
                  xmlEscaped(producer));
    if (!m.keywords.isEmpty())
        x += QStringLiteral("   <pdf:Keywords>%1</pdf:Keywords>\n")
                 .arg(xmlEscaped(m.keywords.join(QStringLiteral(", "))));
    x += QStringLiteral("  </rdf:Description>\n"
                        " </rdf:RDF>\n"
                        "</x:xmpmeta>\n");
    // Room to edit the packet in place, as XMP recommends, then the trailer.
    x += QString(20, u' ') + u'\n';
    x += QStringLiteral("<?xpacket end=\"w\"?>");
    return x.toUtf8();
}

// ASCII stand-in for /F (the /UF keeps the real name).
std::string asciiName(const QString &name) {
    QString out;
    for (const QChar c : name)
        out += c.unicode() >= 0x20 && c.unicode() < 0x7f ? c : QChar(u'_');
    return out.toStdString();
}

} // namespace

QByteArray srgbIccProfile() {
    // Tag data, each 4-byte aligned.
    QByteArray desc = "desc";
    putU32(desc, 0);
    const QByteArray name = "sRGB IEC61966-2.1";
    putU32(desc, quint32(name.size() + 1));
    desc += name + '\0';
    putU32(desc, 0); // Unicode language code
    putU32(desc, 0); // Unicode count
    putU16(desc, 0); // ScriptCode code
    desc += '\0';    // ScriptCode count
    desc += QByteArray(67, '\0');

    QByteArray cprt = "text";
    putU32(cprt, 0);
    cprt += QByteArray("No copyright, use freely") + '\0';

    QByteArray curve = "curv";
    putU32(curve, 0);
    constexpr int kEntries = 1024;
    putU32(curve, kEntries);
    for (int i = 0; i < kEntries; ++i) {
        const double c = double(i) / (kEntries - 1);
        const double linear = c <= 0.04045 ? c / 12.92 : std::pow((c + 0.055) / 1.055, 2.4);
        putU16(curve, quint16(std::lround(linear * 65535.0)));
    }

    // sRGB primaries adapted to the D50 PCS (Bradford), and the D65 media white point, as the
    // widely used v2 sRGB profiles have them.
    const QList<std::pair<QByteArray, QByteArray>> tags{
        {"desc", desc},
        {"cprt", cprt},
        {"wtpt", xyzTag(0.9505, 1.0, 1.0891)},
        {"rXYZ", xyzTag(0.4360747, 0.2225045, 0.0139322)},
        {"gXYZ", xyzTag(0.3850649, 0.7168786, 0.0971045)},
        {"bXYZ", xyzTag(0.1430804, 0.0606169, 0.7141733)},
        {"rTRC", curve},
        {"gTRC", curve}, // the three curves share one data block
        {"bTRC", curve},
    };
    const int tableSize = 4 + 12 * int(tags.size());
    QByteArray table;
    QByteArray data;
    putU32(table, quint32(tags.size()));
    qint64 curveOffset = -1;
    for (const auto &[signature, body] : tags) {
        qint64 offset = 128 + tableSize + data.size();
        if (signature.endsWith("TRC")) {
            if (curveOffset < 0) {
                curveOffset = offset;
                data += body;
                padTo4(data);
            }
            offset = curveOffset;
        } else {
            data += body;
            padTo4(data);
        }
        table += signature;
        putU32(table, quint32(offset));
        putU32(table, quint32(body.size())); // without the padding
    }

    QByteArray header;
    putU32(header, quint32(128 + table.size() + data.size()));
    putU32(header, 0);          // preferred CMM
    putU32(header, 0x02100000); // version 2.1
    header += "mntrRGB XYZ ";
    for (quint16 v : {2026, 1, 1, 0, 0, 0}) // creation date, fixed so the profile never changes
        putU16(header, v);
    header += "acsp";
    putU32(header, 0); // platform
    putU32(header, 0); // flags
    putU32(header, 0); // manufacturer
    putU32(header, 0); // model
    putU32(header, 0); // attributes (8 bytes)
    putU32(header, 0);
    putU32(header, 0);             // rendering intent: perceptual
    putS15Fixed16(header, 0.9642); // PCS illuminant D50
    putS15Fixed16(header, 1.0);
    putS15Fixed16(header, 0.8249);
    putU32(header, 0); // creator
    header += QByteArray(128 - header.size(), '\0');
    return header + table + data;
}

Result<QByteArray> addEvidence(const QByteArray &pdf, const QList<EvidenceFile> &files,
                               const ArchiveMetadata &metadata) {
    QSet<QString> names;
    for (const EvidenceFile &file : files) {
        if (file.name.trimmed().isEmpty())
            return fail(
                QCoreApplication::translate("quire::storage", "every embedded file needs a name"));
        if (names.contains(file.name))
            return fail(QCoreApplication::translate("quire::storage",
                                                    "two embedded files are called \"%1\"")
                            .arg(file.name));
        names.insert(file.name);
        if (file.mediaType.isEmpty() || !file.mediaType.contains(u'/'))
            return fail(QCoreApplication::translate(
                            "quire::storage", "the embedded file \"%1\" needs a media type such as "
                                              "application/json")
                            .arg(file.name));
    }
    auto opened = openPdf(pdf, QStringLiteral("printout"));
    if (!opened) return opened.failure();
    QPDF &qpdf = **opened;
    return guarded(QStringLiteral("the archival PDF cannot be made"), [&]() -> Result<QByteArray> {
        const QDateTime created =
            metadata.created.isValid() ? metadata.created : QDateTime::currentDateTime();
        // Seconds only: the information dictionary's dates have no fractions, and the XMP
        // dates must equal them.
        const QDateTime when = created.addMSecs(-created.time().msec());
        QPDFObjectHandle root = qpdf.getRoot();
        QPDFObjectHandle trailer = qpdf.getTrailer();

        // Actions PDF/A forbids.
        root.removeKey("/AA");
        QPDFObjectHandle names = root.getKey("/Names");
        if (names.isDictionary()) names.removeKey("/JavaScript");
        if (root.getKey("/OpenAction").getKey("/S").isNameAndEquals("/JavaScript"))
            root.removeKey("/OpenAction");

        // Annotations must print and be visible (ISO 19005-3 §6.3.2).
        for (QPDFObjectHandle page : qpdf.getAllPages()) {
            QPDFObjectHandle annots = page.getKey("/Annots");
            if (!annots.isArray()) continue;
            for (QPDFObjectHandle annot : annots.getArrayAsVector()) {
                if (!annot.isDictionary()) continue;
                long long flags =
                    annot.getKey("/F").isInteger() ? annot.getKey("/F").getIntValue() : 0;
                flags = (flags | 4) & ~(1LL | 2LL | 32LL | 256LL);
                annot.replaceKey("/F", QPDFObjectHandle::newInteger(flags));
            }
        }

        // The evidence.
        QPDFEmbeddedFileDocumentHelper embedded(qpdf);
        QPDFObjectHandle associated = QPDFObjectHandle::newArray();
        for (const EvidenceFile &file : files) {
            const QDateTime modified = file.modified.isValid() ? file.modified : when;
            QPDFEFStreamObjectHelper stream =
                QPDFEFStreamObjectHelper::createEFStream(qpdf, file.bytes.toStdString());
            stream.setSubtype(file.mediaType.toStdString());
            stream.setModDate(pdfDate(modified).toStdString());
            QPDFFileSpecObjectHelper spec = QPDFFileSpecObjectHelper::createFileSpec(
                qpdf, file.name.toUtf8().toStdString(), stream);
            spec.setFilename(file.name.toUtf8().toStdString(), asciiName(file.name));
            if (!file.description.isEmpty())
                spec.setDescription(file.description.toUtf8().toStdString());
            QPDFObjectHandle specObject = spec.getObjectHandle();
            specObject.replaceKey(
                "/AFRelationship",
                QPDFObjectHandle::newName(relationshipName(file.relationship).toStdString()));
            embedded.replaceEmbeddedFile(file.name.toUtf8().toStdString(), spec);
            associated.appendItem(specObject);
        }
        if (!files.isEmpty()) root.replaceKey("/AF", associated);

        // Metadata, the same in the information dictionary and in XMP.
        QPDFObjectHandle oldInfo = trailer.getKey("/Info");
        const QString producer =
            oldInfo.getKey("/Producer").isString()
                ? QStringLiteral("Quire (printout by %1)")
                      .arg(QString::fromStdString(oldInfo.getKey("/Producer").getUTF8Value()))
                : QStringLiteral("Quire");
        auto text = [](const QString &s) {
            return QPDFObjectHandle::newUnicodeString(s.toUtf8().toStdString());
        };
        QPDFObjectHandle info = QPDFObjectHandle::newDictionary();
        info.replaceKey("/Title", text(metadata.title));
        if (!metadata.author.isEmpty()) info.replaceKey("/Author", text(metadata.author));
        if (!metadata.subject.isEmpty()) info.replaceKey("/Subject", text(metadata.subject));
        if (!metadata.keywords.isEmpty())
            info.replaceKey("/Keywords", text(metadata.keywords.join(QStringLiteral(", "))));
        info.replaceKey("/Creator", text(metadata.creatorTool));
        info.replaceKey("/Producer", text(producer));
        info.replaceKey("/CreationDate", QPDFObjectHandle::newString(pdfDate(when).toStdString()));
        info.replaceKey("/ModDate", QPDFObjectHandle::newString(pdfDate(when).toStdString()));
        trailer.replaceKey("/Info", qpdf.makeIndirectObject(info));

        QPDFObjectHandle packet = qpdf.newStream(xmp(metadata, producer, when, when).toStdString());
        packet.getDict().replaceKey("/Type", QPDFObjectHandle::newName("/Metadata"));
        packet.getDict().replaceKey("/Subtype", QPDFObjectHandle::newName("/XML"));
        root.replaceKey("/Metadata", packet);

        QPDFObjectHandle profile = qpdf.newStream(srgbIccProfile().toStdString());
        profile.getDict().replaceKey("/N", QPDFObjectHandle::newInteger(3));
        QPDFObjectHandle intent = QPDFObjectHandle::newDictionary();
        intent.replaceKey("/Type", QPDFObjectHandle::newName("/OutputIntent"));
        intent.replaceKey("/S", QPDFObjectHandle::newName("/GTS_PDFA1"));
        intent.replaceKey("/OutputConditionIdentifier",
                          QPDFObjectHandle::newString("sRGB IEC61966-2.1"));
        intent.replaceKey("/Info", QPDFObjectHandle::newString("sRGB IEC61966-2.1"));
        intent.replaceKey("/RegistryName", QPDFObjectHandle::newString("http://www.color.org"));
        intent.replaceKey("/DestOutputProfile", profile);
        QPDFObjectHandle intents = QPDFObjectHandle::newArray();
        intents.appendItem(qpdf.makeIndirectObject(intent));
        root.replaceKey("/OutputIntents", intents);

        QPDFWriter writer(qpdf);
        writer.setOutputMemory();
        writer.setMinimumPDFVersion("1.7");
        // A classic cross-reference table: the widest support, and later signatures follow the
        // style of the file they sign.
        writer.setObjectStreamMode(qpdf_o_disable);
        writer.setDeterministicID(true);
        writer.write();
        std::shared_ptr<Buffer> out = writer.getBufferSharedPointer();
        return QByteArray(reinterpret_cast<const char *>(out->getBuffer()),
                          qsizetype(out->getSize()));
    });
}

Result<QList<QPair<QString, QByteArray>>> embeddedFiles(const QByteArray &pdf) {
    auto opened = openPdf(pdf, QStringLiteral("PDF"));
    if (!opened) return opened.failure();
    QPDF &qpdf = **opened;
    return guarded(
        QStringLiteral("cannot read the embedded files"),
        [&]() -> Result<QList<QPair<QString, QByteArray>>> {
            QList<QPair<QString, QByteArray>> out;
            QPDFEmbeddedFileDocumentHelper embedded(qpdf);
            for (const auto &[name, spec] : embedded.getEmbeddedFiles()) {
                auto data = spec->getEmbeddedFileStream().getStreamData(qpdf_dl_generalized);
                out << qMakePair(QString::fromStdString(name),
                                 QByteArray(reinterpret_cast<const char *>(data->getBuffer()),
                                            qsizetype(data->getSize())));
            }
            return out;
        });
}

} // namespace quire::pdf
