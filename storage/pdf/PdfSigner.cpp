#include "pdf/PdfSigner.h"

#include "crypto/Crypto.h"
#include "crypto/Timestamp.h"
#include "pdf/CadesCms.h"
#include "pdf/PdfFields.h"
#include "pdf/PdfUpdate.h"

#include <QBuffer>
#include <QCoreApplication>
#include <QFontMetricsF>
#include <QGuiApplication>
#include <QPainter>
#include <QPdfWriter>
#include <QSet>

#include <qpdf/Buffer.hh>
#include <qpdf/QPDFPageObjectHelper.hh>

#include <algorithm>
#include <set>

namespace quire::pdf {

namespace {

// Room for the CMS beyond its certificates (attributes, signature) and for a time-stamp token
// with its authority's certificate chain. Too little only costs a second attempt.
constexpr int kCmsOverhead = 2048;
constexpr int kTokenRoom = 8192;

// Page furniture for blocks placed automatically: a margin like a notebook page's foot.
constexpr double kMargin = 28.0;
constexpr double kGap = 8.0;

QString zoneText(const QDateTime &time) {
    const int offset = time.offsetFromUtc();
    const int minutes = std::abs(offset) / 60;
    const QString utc = QStringLiteral("UTC%1%2:%3")
                            .arg(offset < 0 ? QStringLiteral("-") : QStringLiteral("+"))
                            .arg(minutes / 60, 2, 10, QChar(u'0'))
                            .arg(minutes % 60, 2, 10, QChar(u'0'));
    const QString abbreviation = time.timeZoneAbbreviation();
    if (abbreviation.isEmpty() || abbreviation.startsWith(QStringLiteral("UTC")) ||
        abbreviation.startsWith(QStringLiteral("GMT")))
        return utc;
    return abbreviation + QStringLiteral(" (") + utc + u')';
}

QStringList blockLines(const SignRequest &request) {
    if (!request.blockLines.isEmpty()) return request.blockLines;
    return {QStringLiteral("Signed by %1").arg(request.name),
            QStringLiteral("Meaning: %1").arg(request.reason),
            request.signingTime.toString(QStringLiteral("yyyy-MM-dd HH:mm:ss ")) +
                zoneText(request.signingTime)};
}

// The block as a one-page PDF of exactly its size: QPdfWriter embeds the font subset and a
// ToUnicode map, so the text is legible, searchable and PDF/A-friendly. The first line (the
// printed name) is bold; lines that do not fit get a smaller font rather than being cut.
Result<QByteArray> renderBlock(const QStringList &lines, const QSizeF &size) {
    if (!qobject_cast<QGuiApplication *>(QCoreApplication::instance()))
        return fail(QCoreApplication::translate(
            "quire::storage", "a visible signature block needs the graphical application "
                              "(fonts); sign without a visible block instead"));
    QBuffer buffer;
    buffer.open(QIODevice::WriteOnly);
    {
        QPdfWriter writer(&buffer);
        writer.setCreator(QStringLiteral("Quire"));
        writer.setPageSize(QPageSize(size, QPageSize::Point, QString(), QPageSize::ExactMatch));
        writer.setPageMargins(QMarginsF(0, 0, 0, 0));
        writer.setResolution(72); // one device pixel per point
        QPainter painter(&writer);
        if (!painter.isActive())
            return fail(QCoreApplication::translate("quire::storage",
                                                    "could not draw the signature block"));
        painter.setPen(QPen(QColor(110, 110, 110), 0.6));
        painter.drawRect(QRectF(0.5, 0.5, size.width() - 1, size.height() - 1));
        const double padding = 5.0;
        const double lineHeight =
            (size.height() - 2 * padding) / std::max<qsizetype>(1, lines.size());
        for (qsizetype i = 0; i < lines.size(); ++i) {
            QFont font(QStringLiteral("DejaVu Sans"));
            font.setStyleHint(QFont::SansSerif);
            font.setBold(i == 0);
            double pointSize = std::min(8.5, lineHeight * 0.78);
            font.setPointSizeF(pointSize);
            while (pointSize > 4.5 &&
                   QFontMetricsF(font).horizontalAdvance(lines[i]) > size.width() - 2 * padding) {
                pointSize -= 0.25;
                font.setPointSizeF(pointSize);
            }
            painter.setFont(font);
            painter.setPen(Qt::black);
            const QFontMetricsF metrics(font);
            const double baseline = padding + lineHeight * double(i) +
                                    (lineHeight + metrics.ascent() - metrics.descent()) / 2;
            painter.drawText(
                QPointF(padding, baseline),
                metrics.elidedText(lines[i], Qt::ElideRight, size.width() - 2 * padding));
        }
    }
    return buffer.data();
}

QPDFObjectHandle rectangle(const QRectF &r) {
    QPDFObjectHandle a = QPDFObjectHandle::newArray();
    for (double v : {r.left(), r.top(), r.right(), r.bottom()})
        a.appendItem(QPDFObjectHandle::newReal(v, 2, true));
    return a;
}

QRectF rectOf(QPDFObjectHandle array) {
    if (!array.isArray() || array.getArrayNItems() != 4) return {};
    double v[4];
    for (int i = 0; i < 4; ++i) {
        QPDFObjectHandle item = array.getArrayItem(i);
        if (!item.isNumber()) return {};
        v[i] = item.getNumericValue();
    }
    return QRectF(QPointF(std::min(v[0], v[2]), std::min(v[1], v[3])),
                  QPointF(std::max(v[0], v[2]), std::max(v[1], v[3])));
}

Result<QPDFObjectHandle> pageAt(QPDF &qpdf, int page) {
    std::vector<QPDFObjectHandle> pages = qpdf.getAllPages();
    if (pages.empty())
        return fail(QCoreApplication::translate("quire::storage", "the PDF has no pages"));
    const int index = page < 0 ? int(pages.size()) - 1 : page;
    if (index >= int(pages.size()))
        return fail(QCoreApplication::translate("quire::storage",
                                                "the PDF has %1 pages; there is no page %2")
                        .arg(pages.size())
                        .arg(index + 1));
    return pages[size_t(index)];
}

// The next slot at the foot of the page: two blocks per row, rows going up, counting the
// visible signature widgets already on the page. (PDF coordinates: y grows upwards, so the
// box's top() is its lower edge.)
QRectF nextSlot(QPDFObjectHandle page, int lines, double footMargin) {
    const QRectF box = rectOf(QPDFPageObjectHelper(page).getCropBox());
    int used = 0;
    QPDFObjectHandle annots = page.getKey("/Annots");
    if (annots.isArray())
        for (QPDFObjectHandle annot : annots.getArrayAsVector())
            if (isSignatureWidget(annot) && rectOf(annot.getKey("/Rect")).width() > 0) ++used;
    const double width = std::min(270.0, (box.width() - 2 * kMargin - kGap) / 2);
    const double height = 10.0 + 11.0 * lines;
    const double x = box.left() + kMargin + (used % 2) * (width + kGap);
    const double y = box.top() + footMargin + (used / 2) * (height + kGap);
    return QRectF(x, y, width, height);
}

// Everything a signature or document time-stamp adds besides its dictionary: the field, which
// is also its widget, in the AcroForm and on the page's /Annots.
struct FieldSpec {
    QPDFObjectHandle value; // the (raw) signature dictionary's object
    QString name;
    int page = -1;
    QRectF rect; // empty: invisible
    QStringList lines;
    double footMargin = 14.0;
};

Result<void> addField(PdfUpdate &update, const FieldSpec &spec) {
    QPDF &qpdf = update.qpdf();
    auto found = pageAt(qpdf, spec.page);
    if (!found) return found.failure();
    QPDFObjectHandle page = *found;

    QPDFObjectHandle widget = QPDFObjectHandle::newDictionary();
    widget.replaceKey("/Type", QPDFObjectHandle::newName("/Annot"));
    widget.replaceKey("/Subtype", QPDFObjectHandle::newName("/Widget"));
    widget.replaceKey("/FT", QPDFObjectHandle::newName("/Sig"));
    widget.replaceKey("/T", QPDFObjectHandle::newUnicodeString(spec.name.toStdString()));
    widget.replaceKey("/V", spec.value);
    widget.replaceKey("/F", QPDFObjectHandle::newInteger(4 | 128)); // Print | Locked (PDF/A)
    widget.replaceKey("/P", page);
    widget.replaceKey("/Rect", rectangle(spec.rect.isEmpty() ? QRectF() : spec.rect));
    if (!spec.rect.isEmpty()) {
        auto blockPdf = renderBlock(spec.lines, spec.rect.size());
        if (!blockPdf) return blockPdf.failure();
        auto block = openPdf(*blockPdf, QStringLiteral("signature block"));
        if (!block) return block.failure();
        (*block)->setImmediateCopyFrom(true);
        QPDFObjectHandle form =
            QPDFPageObjectHelper((*block)->getAllPages().at(0)).getFormXObjectForPage();
        QPDFObjectHandle appearance = QPDFObjectHandle::newDictionary();
        appearance.replaceKey("/N", qpdf.copyForeignObject(form));
        widget.replaceKey("/AP", appearance);
    }
    widget = update.add(widget);

    QPDFObjectHandle root = qpdf.getRoot();
    QPDFObjectHandle acroForm = root.getKey("/AcroForm");
    if (!acroForm.isDictionary()) {
        acroForm = update.add(QPDFObjectHandle::newDictionary());
        root.replaceKey("/AcroForm", acroForm);
        update.changed(root);
    } else if (!acroForm.isIndirect()) {
        acroForm = update.add(acroForm.shallowCopy());
        root.replaceKey("/AcroForm", acroForm);
        update.changed(root);
    } else {
        update.changed(acroForm);
    }
    QPDFObjectHandle fields = acroForm.getKey("/Fields");
    if (!fields.isArray()) {
        fields = QPDFObjectHandle::newArray();
        acroForm.replaceKey("/Fields", fields);
    } else if (fields.isIndirect()) {
        update.changed(fields);
    }
    fields.appendItem(widget);
    acroForm.replaceKey("/SigFlags", QPDFObjectHandle::newInteger(3)); // SignaturesExist|AppendOnly

    QPDFObjectHandle annots = page.getKey("/Annots");
    if (!annots.isArray()) {
        annots = QPDFObjectHandle::newArray();
        page.replaceKey("/Annots", annots);
        update.changed(page);
    } else if (annots.isIndirect()) {
        update.changed(annots);
    } else {
        update.changed(page);
    }
    annots.appendItem(widget);
    return {};
}

QString freeFieldName(QPDF &qpdf, const QString &wanted, const QString &stem) {
    QSet<QString> used;
    for (SignatureField field : signatureFields(qpdf))
        used.insert(field.name);
    if (!wanted.isEmpty()) return used.contains(wanted) ? QString() : wanted;
    for (int n = 1;; ++n)
        if (!used.contains(stem + QString::number(n))) return stem + QString::number(n);
}

// A signature dictionary with room for `reserve` bytes of /Contents. The ByteRange is a
// placeholder of fixed width, filled in once the offsets are known.
const QByteArray kByteRangePlaceholder = "[0 0000000000 0000000000 0000000000]";

QByteArray signatureDictionary(const QByteArray &type, const QByteArray &subFilter,
                               const QByteArray &extraEntries, int reserve) {
    return "<< /Type " + type + " /Filter /Adobe.PPKLite /SubFilter " + subFilter + extraEntries +
           " /ByteRange " + kByteRangePlaceholder + " /Contents <" + QByteArray(2 * reserve, '0') +
           "> >>";
}

struct Prepared {
    QByteArray bytes;
    qint64 contentsStart = 0; // offset of '<'
    qint64 contentsEnd = 0;   // offset after '>'
};

// Fills in the ByteRange of the dictionary at `bodyOffset`.
Result<Prepared> placeRanges(QByteArray bytes, qint64 bodyOffset) {
    const qint64 rangeAt = bytes.indexOf("/ByteRange " + kByteRangePlaceholder, bodyOffset);
    const qint64 contentsAt = bytes.indexOf("/Contents <", bodyOffset);
    if (rangeAt < 0 || contentsAt < 0)
        return fail(QCoreApplication::translate(
            "quire::storage", "internal error: the signature dictionary was not written"));
    Prepared out;
    out.contentsStart = contentsAt + 10;
    out.contentsEnd = bytes.indexOf('>', out.contentsStart) + 1;
    const QByteArray ranges = "[0 " + QByteArray::number(out.contentsStart) + ' ' +
                              QByteArray::number(out.contentsEnd) + ' ' +
                              QByteArray::number(bytes.size() - out.contentsEnd) + ']';
    if (ranges.size() > kByteRangePlaceholder.size())
        return fail(QCoreApplication::translate("quire::storage",
                                                "the PDF is too large to sign (over 9 GB)"));
    bytes.replace(rangeAt + 11, kByteRangePlaceholder.size(),
                  ranges.leftJustified(kByteRangePlaceholder.size(), ' '));
    out.bytes = bytes;
    return out;
}

QByteArray rangesDigest(const Prepared &prepared) {
    crypto::Sha256 hash;
    hash.add(prepared.bytes.constData(), prepared.contentsStart);
    hash.add(prepared.bytes.constData() + prepared.contentsEnd,
             prepared.bytes.size() - prepared.contentsEnd);
    return hash.finish();
}

// One attempt: the update with a signature dictionary reserving `reserve` bytes. `fill` gets
// the digest of the byte ranges and returns the DER for /Contents.
Result<QByteArray>
appendSignature(const QByteArray &pdf, const QByteArray &dictionaryType,
                const QByteArray &subFilter, const QByteArray &extraEntries, FieldSpec spec,
                int reserve, const std::function<Result<QByteArray>(const QByteArray &)> &fill,
                int *needed) {
    auto update = PdfUpdate::open(pdf);
    if (!update) return update.failure();
    auto result = guarded(QStringLiteral("the PDF cannot be signed"), [&]() -> Result<QByteArray> {
        QPDF &qpdf = (*update)->qpdf();
        spec.name = freeFieldName(qpdf, spec.name,
                                  dictionaryType == "/DocTimeStamp" ? QStringLiteral("Timestamp")
                                                                    : QStringLiteral("Signature"));
        if (spec.name.isEmpty())
            return fail(QCoreApplication::translate(
                "quire::storage", "the PDF already has a signature field of that name"));
        spec.value = (*update)->add(QPDFObjectHandle::newDictionary());
        if (!spec.lines.isEmpty() && spec.rect.isEmpty()) {
            auto page = pageAt(qpdf, spec.page);
            if (!page) return page.failure();
            spec.rect = nextSlot(*page, int(spec.lines.size()), spec.footMargin);
        }
        auto added = addField(**update, spec);
        if (!added) return added.failure();
        (*update)->setRawBody(spec.value.getObjGen(), signatureDictionary(dictionaryType, subFilter,
                                                                          extraEntries, reserve));
        auto assembled = (*update)->assemble();
        if (!assembled) return assembled.failure();
        auto prepared = placeRanges(assembled->bytes,
                                    assembled->bodyOffsets.value(spec.value.getObjGen().getObj()));
        if (!prepared) return prepared.failure();
        auto contents = fill(rangesDigest(*prepared));
        if (!contents) return contents.failure();
        if (contents->size() > reserve) {
            *needed = int(contents->size());
            return QByteArray();
        }
        const QByteArray hex = contents->toHex().toUpper();
        prepared->bytes.replace(prepared->contentsStart + 1, hex.size(), hex);
        return prepared->bytes;
    });
    return result;
}

Result<QByteArray>
appendWithRetry(const QByteArray &pdf, const QByteArray &dictionaryType,
                const QByteArray &subFilter, const QByteArray &extraEntries, const FieldSpec &spec,
                int reserve, const std::function<Result<QByteArray>(const QByteArray &)> &fill) {
    for (int attempt = 0; attempt < 2; ++attempt) {
        int needed = 0;
        auto signedPdf = appendSignature(pdf, dictionaryType, subFilter, extraEntries, spec,
                                         reserve, fill, &needed);
        if (!signedPdf || needed == 0) return signedPdf;
        reserve = needed + 1024;
    }
    return fail(QCoreApplication::translate("quire::storage",
                                            "the signature does not fit the room reserved for it"));
}

} // namespace

TsaCallback tsaClient(const QString &url, int timeoutMs) {
    return [url, timeoutMs](const QByteArray &digest) -> Result<QByteArray> {
        const timestamp::Request request = timestamp::makeRequest(digest);
        if (request.der.isEmpty())
            return fail(QCoreApplication::translate(
                "quire::storage", "a time-stamp is requested for a SHA-256 digest"));
        auto response = timestamp::postQuery(url, request.der, timeoutMs);
        if (!response) return response.failure();
        return timestamp::tokenFromResponse(*response, request);
    };
}

Result<QByteArray> signPdf(const QByteArray &pdf, const SignRequest &request,
                           const SignCallback &sign, const QByteArray &certDer,
                           const QList<QByteArray> &extraCerts,
                           const std::optional<TsaCallback> &tsa) {
    if (!request.signingTime.isValid())
        return fail(QCoreApplication::translate("quire::storage",
                                                "the signature needs the time of signing"));
    if (request.name.trimmed().isEmpty() || request.reason.trimmed().isEmpty())
        return fail(QCoreApplication::translate(
            "quire::storage", "the signature needs the signer's printed name and its "
                              "meaning"));
    QByteArray extra = " /M (" + pdfDate(request.signingTime) + ") /Name " +
                       textString(request.name) + " /Reason " + textString(request.reason);
    if (!request.location.isEmpty()) extra += " /Location " + textString(request.location);
    extra += " /Prop_Build << /App << /Name /Quire >> >>";

    FieldSpec spec;
    spec.name = request.fieldName;
    spec.page = request.page;
    if (request.visible) {
        spec.lines = blockLines(request);
        spec.rect = request.rect;
        spec.footMargin = request.footMargin;
    }
    int reserve = kCmsOverhead + int(certDer.size()) + (tsa ? kTokenRoom : 0);
    for (const QByteArray &c : extraCerts)
        reserve += int(c.size());

    auto fill = [&](const QByteArray &digest) -> Result<QByteArray> {
        cades::Builder builder;
        auto signedOk = builder.sign(digest, certDer, extraCerts, sign);
        if (!signedOk) return signedOk.failure();
        QByteArray token;
        if (tsa) {
            auto stamped = (*tsa)(crypto::sha256(builder.signatureValue()));
            if (!stamped)
                return fail(QCoreApplication::translate("quire::storage",
                                                        "the signature time-stamp failed: ") +
                            stamped.error());
            token = *stamped;
        }
        QByteArray cms = builder.encode(token);
        // A key that does not belong to the certificate would give a signature nobody can check.
        auto holds = cades::verifyIntegrity(cms, digest);
        if (!holds)
            return fail(QCoreApplication::translate(
                            "quire::storage", "the signing key does not belong to the signing "
                                              "certificate (%1)")
                            .arg(holds.error()));
        return cms;
    };
    return appendWithRetry(pdf, "/Sig", "/ETSI.CAdES.detached", extra, spec, reserve, fill);
}

Result<QByteArray> signPdf(const QByteArray &pdf, const SignRequest &request,
                           const crypto::EcKey &key, const QByteArray &certDer,
                           const QList<QByteArray> &extraCerts,
                           const std::optional<TsaCallback> &tsa) {
    if (!key.hasPrivate())
        return fail(QCoreApplication::translate("quire::storage",
                                                "signing needs the member's private signing key"));
    const SignCallback sign = [&key](const QByteArray &toBeSigned) -> Result<QByteArray> {
        return key.sign(toBeSigned);
    };
    return signPdf(pdf, request, sign, certDer, extraCerts, tsa);
}

Result<QByteArray> addDocumentTimestamp(const QByteArray &pdf, const TsaCallback &tsa) {
    FieldSpec spec; // invisible, on the last page
    auto fill = [&](const QByteArray &digest) -> Result<QByteArray> {
        auto token = tsa(digest);
        if (!token)
            return fail(
                QCoreApplication::translate("quire::storage", "the document time-stamp failed: ") +
                token.error());
        return *token;
    };
    return appendWithRetry(pdf, "/DocTimeStamp", "/ETSI.RFC3161", {}, spec, kTokenRoom, fill);
}

Result<QByteArray> addDss(const QByteArray &pdf, const QList<QByteArray> &certs,
                          const QList<QByteArray> &crls, const QList<QByteArray> &ocspResponses) {
    auto update = PdfUpdate::open(pdf);
    if (!update) return update.failure();
    return guarded(
        QStringLiteral("the validation data cannot be added"), [&]() -> Result<QByteArray> {
            QPDF &qpdf = (*update)->qpdf();
            QPDFObjectHandle root = qpdf.getRoot();
            QPDFObjectHandle old = root.getKey("/DSS");
            QPDFObjectHandle dss =
                old.isDictionary() ? old.shallowCopy() : QPDFObjectHandle::newDictionary();
            auto extend = [&](const char *key, const QList<QByteArray> &items) {
                QPDFObjectHandle array = dss.getKey(key);
                array = array.isArray() ? array.shallowCopy() : QPDFObjectHandle::newArray();
                std::set<std::string> present;
                for (QPDFObjectHandle stream : array.getArrayAsVector()) {
                    if (!stream.isStream()) continue;
                    const std::shared_ptr<Buffer> data = stream.getStreamData();
                    present.insert(std::string(reinterpret_cast<const char *>(data->getBuffer()),
                                               data->getSize()));
                }
                for (const QByteArray &item : items) {
                    if (!present.insert(item.toStdString()).second) continue;
                    array.appendItem(qpdf.newStream(item.toStdString()));
                }
                if (array.getArrayNItems() > 0) dss.replaceKey(key, array);
            };
            extend("/Certs", certs);
            extend("/CRLs", crls);
            extend("/OCSPs", ocspResponses);
            dss.replaceKey("/Type", QPDFObjectHandle::newName("/DSS"));
            root.replaceKey("/DSS", (*update)->add(dss));
            (*update)->changed(root);
            auto assembled = (*update)->assemble();
            if (!assembled) return assembled.failure();
            return assembled->bytes;
        });
}

Result<QList<QByteArray>> embeddedCertificates(const QByteArray &pdf) {
    auto qpdf = openPdf(pdf, QStringLiteral("signed PDF"));
    if (!qpdf) return qpdf.failure();
    return guarded(
        QStringLiteral("the PDF's signatures cannot be read"), [&]() -> Result<QList<QByteArray>> {
            QList<QByteArray> out;
            auto add = [&](const QByteArray &cert) {
                if (!cert.isEmpty() && !out.contains(cert)) out << cert;
            };
            for (SignatureField field : signatureFields(**qpdf)) {
                if (field.value.isNull()) continue;
                const QByteArray der = derWithoutPadding(
                    QByteArray::fromStdString(field.value.getKey("/Contents").getStringValue()));
                const bool isTimestamp =
                    field.value.getKey("/SubFilter").isNameAndEquals("/ETSI.RFC3161");
                QByteArray token = der;
                if (!isTimestamp) {
                    auto parsed = cades::parse(der);
                    if (!parsed) continue;
                    for (const QByteArray &cert : parsed->certificates)
                        add(cert);
                    token = parsed->timeStampToken;
                }
                if (token.isEmpty()) continue;
                if (auto info = timestamp::readToken(token)) add(info->tsaCertDer);
            }
            return out;
        });
}

} // namespace quire::pdf
