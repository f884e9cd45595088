#include "pdf/PdfUpdate.h"

#include <QCoreApplication>
#include <QRegularExpression>
#include <QTimeZone>

#include <qpdf/Buffer.hh>
#include <qpdf/QPDFXRefEntry.hh>

#include <algorithm>
#include <cstring>

namespace quire::pdf {

Result<std::shared_ptr<QPDF>> openPdf(const QByteArray &bytes, const QString &description) {
    // qpdf reads objects lazily from the buffer it is given, so the bytes live as long as the
    // QPDF: both in one allocation, the returned pointer aliasing the QPDF inside.
    struct Holder {
        QByteArray bytes;
        QPDF qpdf;
    };
    auto holder = std::make_shared<Holder>();
    holder->bytes = bytes;
    std::shared_ptr<QPDF> qpdf(holder, &holder->qpdf);
    return guarded(
        QStringLiteral("the PDF cannot be read"), [&]() -> Result<std::shared_ptr<QPDF>> {
            qpdf->setSuppressWarnings(true);
            qpdf->setAttemptRecovery(false);
            qpdf->processMemoryFile(description.toUtf8().constData(), holder->bytes.constData(),
                                    size_t(holder->bytes.size()));
            if (qpdf->isEncrypted())
                return fail(QCoreApplication::translate("quire::storage",
                                                        "the PDF is encrypted; Quire signs only "
                                                        "unencrypted PDFs"));
            return qpdf;
        });
}

QByteArray pdfDate(const QDateTime &time) {
    const int offset = time.offsetFromUtc();
    const int minutes = std::abs(offset) / 60;
    QByteArray zone = offset == 0
                          ? QByteArray("Z")
                          : QByteArray(offset > 0 ? "+" : "-") +
                                QByteArray::number(minutes / 60).rightJustified(2, '0') + '\'' +
                                QByteArray::number(minutes % 60).rightJustified(2, '0') + '\'';
    return "D:" + time.toString(QStringLiteral("yyyyMMddHHmmss")).toLatin1() + zone;
}

QDateTime parsePdfDate(const QString &text) {
    static const QRegularExpression pattern(QStringLiteral(
        R"(^D:(\d{4})(\d{2})?(\d{2})?(\d{2})?(\d{2})?(\d{2})?(?:([Zz+-])(?:(\d{2})'?(\d{2})?'?)?)?)"));
    const auto m = pattern.match(text.trimmed());
    if (!m.hasMatch()) return {};
    auto part = [&](int i, int fallback) {
        return m.captured(i).isEmpty() ? fallback : m.captured(i).toInt();
    };
    const QDate date(part(1, 0), part(2, 1), part(3, 1));
    const QTime clock(part(4, 0), part(5, 0), part(6, 0));
    if (!date.isValid() || !clock.isValid()) return {};
    const QString sign = m.captured(7);
    int offset = 0;
    if (sign == u'+' || sign == u'-')
        offset = (part(8, 0) * 3600 + part(9, 0) * 60) * (sign == u'-' ? -1 : 1);
    return QDateTime(date, clock, Qt::OffsetFromUTC, offset);
}

qint64 lastStartXref(const QByteArray &pdf) {
    const qsizetype at = pdf.lastIndexOf("startxref");
    if (at < 0) return -1;
    qsizetype i = at + 9;
    while (i < pdf.size() && (pdf[i] == ' ' || pdf[i] == '\r' || pdf[i] == '\n'))
        ++i;
    qsizetype j = i;
    while (j < pdf.size() && pdf[j] >= '0' && pdf[j] <= '9')
        ++j;
    bool ok = false;
    const qint64 offset = pdf.mid(i, j - i).toLongLong(&ok);
    return ok && offset < pdf.size() ? offset : -1;
}

QByteArray objectBody(QPDFObjectHandle object) {
    if (!object.isStream()) return QByteArray::fromStdString(object.unparseResolved());
    const std::shared_ptr<Buffer> data = object.getRawStreamData();
    QPDFObjectHandle dict = object.getDict().shallowCopy();
    dict.replaceKey("/Length", QPDFObjectHandle::newInteger(qint64(data->getSize())));
    return QByteArray::fromStdString(dict.unparse()) + "\nstream\n" +
           QByteArray(reinterpret_cast<const char *>(data->getBuffer()),
                      qsizetype(data->getSize())) +
           "\nendstream";
}

QByteArray textString(const QString &text) {
    return QByteArray::fromStdString(
        QPDFObjectHandle::newUnicodeString(text.toUtf8().toStdString()).unparse());
}

Result<std::unique_ptr<PdfUpdate>> PdfUpdate::open(const QByteArray &pdf) {
    std::unique_ptr<PdfUpdate> update(new PdfUpdate);
    update->m_original = pdf;
    auto qpdf = openPdf(update->m_original, QStringLiteral("PDF to update"));
    if (!qpdf) return qpdf.failure();
    update->m_qpdf = *qpdf;
    update->m_prevXref = lastStartXref(pdf);
    if (update->m_prevXref < 0)
        return fail(QCoreApplication::translate(
            "quire::storage", "the PDF has no cross-reference section at its end"));
    update->m_xrefStream = !pdf.mid(update->m_prevXref, 4).startsWith("xref");
    return guarded(QStringLiteral("the PDF's structure cannot be read"),
                   [&]() -> Result<std::unique_ptr<PdfUpdate>> {
                       QPDFObjectHandle trailer = update->m_qpdf->getTrailer();
                       const auto xrefTable = update->m_qpdf->getXRefTable();
                       if (trailer.getKey("/Size").isInteger())
                           update->m_originalSize = int(trailer.getKey("/Size").getIntValue());
                       for (const auto &[id, entry] : xrefTable)
                           update->m_originalMaxId = std::max(update->m_originalMaxId, id.getObj());
                       update->m_originalSize =
                           std::max(update->m_originalSize, update->m_originalMaxId + 1);
                       // qpdf repairs a damaged page tree while reading it (direct or repeated
                       // page objects become new objects); an update would then carry those
                       // without the objects that point at them.
                       bool repaired = false;
                       for (QPDFObjectHandle page : update->m_qpdf->getAllPages())
                           repaired = repaired || !xrefTable.count(page.getObjGen());
                       if (repaired)
                           return fail(QCoreApplication::translate(
                               "quire::storage", "the PDF's page tree is damaged; rewrite "
                                                 "the file (export it again) before "
                                                 "signing"));
                       return std::move(update);
                   });
}

QPDFObjectHandle PdfUpdate::add(QPDFObjectHandle direct) {
    return m_qpdf->makeIndirectObject(direct);
}

void PdfUpdate::changed(QPDFObjectHandle indirect) {
    if (!m_changed.contains(indirect.getObjGen())) m_changed << indirect.getObjGen();
}

void PdfUpdate::setRawBody(QPDFObjGen id, const QByteArray &body) {
    m_raw[id.getObj()] = {id.getGen(), body};
}

Result<PdfUpdate::Assembled> PdfUpdate::assemble() {
    return guarded(QStringLiteral("the PDF update cannot be written"), [&]() -> Result<Assembled> {
        // number -> (generation, body)
        QMap<int, std::pair<int, QByteArray>> objects;
        for (QPDFObjectHandle object : m_qpdf->getAllObjects()) {
            const QPDFObjGen id = object.getObjGen();
            if (id.getObj() > m_originalMaxId && !m_raw.contains(id.getObj()))
                objects[id.getObj()] = {id.getGen(), objectBody(object)};
        }
        for (const QPDFObjGen &id : m_changed)
            objects[id.getObj()] = {id.getGen(), objectBody(m_qpdf->getObjectByObjGen(id))};
        for (auto it = m_raw.begin(); it != m_raw.end(); ++it)
            objects[it.key()] = it.value();

        Assembled out;
        out.bytes = m_original;
        if (!out.bytes.endsWith('\n') && !out.bytes.endsWith('\r')) out.bytes += '\n';
        QMap<int, std::pair<int, qint64>> offsets; // number -> (generation, object offset)
        for (auto it = objects.begin(); it != objects.end(); ++it) {
            offsets[it.key()] = {it->first, out.bytes.size()};
            out.bytes +=
                QByteArray::number(it.key()) + ' ' + QByteArray::number(it->first) + " obj\n";
            out.bodyOffsets[it.key()] = out.bytes.size();
            out.bytes += it->second + "\nendobj\n";
        }
        int size = std::max(m_originalSize, objects.isEmpty() ? 0 : objects.lastKey() + 1);

        QPDFObjectHandle oldTrailer = m_qpdf->getTrailer();
        QPDFObjectHandle trailer = QPDFObjectHandle::newDictionary();
        for (const char *key : {"/Root", "/Info", "/ID"})
            if (oldTrailer.hasKey(key)) trailer.replaceKey(key, oldTrailer.getKey(key));
        trailer.replaceKey("/Prev", QPDFObjectHandle::newInteger(m_prevXref));

        // Runs of consecutive object numbers: the subsections of the table or /Index.
        QList<std::pair<int, int>> runs;
        for (auto it = offsets.begin(); it != offsets.end(); ++it) {
            if (!runs.isEmpty() && runs.last().first + runs.last().second == it.key())
                ++runs.last().second;
            else
                runs.append({it.key(), 1});
        }

        const qint64 xrefOffset = out.bytes.size();
        if (!m_xrefStream) {
            out.bytes += "xref\n";
            for (const auto &[first, count] : runs) {
                out.bytes += QByteArray::number(first) + ' ' + QByteArray::number(count) + '\n';
                for (int n = first; n < first + count; ++n)
                    out.bytes += QByteArray::number(offsets[n].second).rightJustified(10, '0') +
                                 ' ' + QByteArray::number(offsets[n].first).rightJustified(5, '0') +
                                 " n\r\n";
            }
            trailer.replaceKey("/Size", QPDFObjectHandle::newInteger(size));
            out.bytes += "trailer\n" + QByteArray::fromStdString(trailer.unparse()) + '\n';
        } else {
            // The xref stream lists itself too (ISO 32000-1 §7.5.8.3).
            const int self = size;
            offsets[self] = {0, xrefOffset};
            if (!runs.isEmpty() && runs.last().first + runs.last().second == self)
                ++runs.last().second;
            else
                runs.append({self, 1});
            size = self + 1;
            QByteArray data;
            QPDFObjectHandle index = QPDFObjectHandle::newArray();
            for (const auto &[first, count] : runs) {
                index.appendItem(QPDFObjectHandle::newInteger(first));
                index.appendItem(QPDFObjectHandle::newInteger(count));
                for (int n = first; n < first + count; ++n) {
                    const qint64 offset = offsets[n].second;
                    data += char(1);
                    for (int shift = 32; shift >= 0; shift -= 8)
                        data += char((offset >> shift) & 0xff);
                    data += char((offsets[n].first >> 8) & 0xff);
                    data += char(offsets[n].first & 0xff);
                }
            }
            trailer.replaceKey("/Type", QPDFObjectHandle::newName("/XRef"));
            trailer.replaceKey("/Size", QPDFObjectHandle::newInteger(size));
            trailer.replaceKey("/Index", index);
            QPDFObjectHandle widths = QPDFObjectHandle::newArray();
            for (int w : {1, 5, 2})
                widths.appendItem(QPDFObjectHandle::newInteger(w));
            trailer.replaceKey("/W", widths);
            trailer.replaceKey("/Length", QPDFObjectHandle::newInteger(data.size()));
            out.bytes += QByteArray::number(self) + " 0 obj\n" +
                         QByteArray::fromStdString(trailer.unparse()) + "\nstream\n" + data +
                         "\nendstream\nendobj\n";
        }
        out.bytes += "startxref\n" + QByteArray::number(xrefOffset) + "\n%%EOF\n";
        return out;
    });
}

} // namespace quire::pdf
