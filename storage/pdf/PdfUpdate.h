#pragma once
// PdfUpdate (internal to storage/pdf): one incremental update of a PDF (ISO 32000-1 §7.5.6).
// qpdf reads the existing file and holds the objects the update creates or changes; this class
// then appends exactly those objects after the original bytes, untouched, followed by a
// cross-reference section in the original's style (a classic table, or an xref stream when the
// file ends with one) and a trailer whose /Prev points at the previous section. Nothing before
// the original's last %%EOF changes, which is what keeps earlier signatures valid.

#include "Result.h"

#include <QByteArray>
#include <QDateTime>
#include <QList>
#include <QMap>

#include <qpdf/QPDF.hh>
#include <qpdf/QPDFObjectHandle.hh>

#include <memory>

namespace quire::pdf {

// Runs `fn`, turning qpdf's exceptions into a failure whose message starts with `what`.
template <typename Fn> auto guarded(const QString &what, Fn &&fn) -> decltype(fn()) {
    try {
        return fn();
    } catch (const std::exception &e) {
        return fail(what + QStringLiteral(": ") + QString::fromUtf8(e.what()));
    }
}

// Opens a PDF held in memory (the bytes are kept alive with the returned object). Warnings are
// suppressed, and a damaged file is refused rather than repaired: a repaired file would not be the
// one that is signed or checked.
Result<std::shared_ptr<QPDF>> openPdf(const QByteArray &bytes, const QString &description);

// "D:YYYYMMDDHHmmSS+HH'mm'" in the time's own offset from UTC (ISO 32000-1 §7.9.4).
QByteArray pdfDate(const QDateTime &time);
QDateTime parsePdfDate(const QString &text);

// The byte offset after "startxref" at the end of `pdf`, or -1.
qint64 lastStartXref(const QByteArray &pdf);

class PdfUpdate {
public:
    static Result<std::unique_ptr<PdfUpdate>> open(const QByteArray &pdf);

    QPDF &qpdf() { return *m_qpdf; }
    const QByteArray &original() const { return m_original; }

    // Makes `direct` an indirect object of the update.
    QPDFObjectHandle add(QPDFObjectHandle direct);
    // An existing object that the update rewrites (after changing it through qpdf).
    void changed(QPDFObjectHandle indirect);
    // An object whose body (the bytes between "obj" and "endobj") is written as given, for the
    // signature dictionary whose byte offsets must be known exactly.
    void setRawBody(QPDFObjGen id, const QByteArray &body);

    struct Assembled {
        QByteArray bytes;              // the whole new file
        QMap<int, qint64> bodyOffsets; // object number -> offset of its body in `bytes`
    };
    // The original bytes with the update appended. New objects are every object qpdf holds
    // above the original's highest object number (objects copied in from another document
    // included), plus those passed to changed() and setRawBody().
    Result<Assembled> assemble();

private:
    PdfUpdate() = default;
    QByteArray m_original;
    std::shared_ptr<QPDF> m_qpdf;
    int m_originalMaxId = 0;
    int m_originalSize = 0;
    qint64 m_prevXref = -1;
    bool m_xrefStream = false;
    QList<QPDFObjGen> m_changed;
    QMap<int, std::pair<int, QByteArray>> m_raw; // number -> (generation, body)
};

// The serialised form of an indirect object's value: the bytes between "N G obj" and "endobj".
// Streams keep their raw (still filtered) data and get a direct /Length.
QByteArray objectBody(QPDFObjectHandle object);

// A PDF text string (PDFDocEncoding when it fits, else UTF-16BE), serialised.
QByteArray textString(const QString &text);

} // namespace quire::pdf
