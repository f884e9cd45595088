#include "pdf/PdfFields.h"

#include <set>

namespace quire::pdf {

namespace {

void collect(QPDFObjectHandle field, const QString &parentName, bool parentIsSig,
             QList<SignatureField> &out, std::set<QPDFObjGen> &seen, int depth) {
    if (!field.isDictionary() || depth > 32) return;
    if (field.isIndirect() && !seen.insert(field.getObjGen()).second) return; // a cycle
    QString name = parentName;
    if (field.getKey("/T").isString()) {
        const QString part = QString::fromStdString(field.getKey("/T").getUTF8Value());
        name = name.isEmpty() ? part : name + u'.' + part;
    }
    const bool isSig =
        field.getKey("/FT").isName() ? field.getKey("/FT").getName() == "/Sig" : parentIsSig;
    QPDFObjectHandle kids = field.getKey("/Kids");
    bool hasFieldKids = false;
    if (kids.isArray()) {
        for (QPDFObjectHandle kid : kids.getArrayAsVector()) {
            // Kids with /T are fields; kids without are only widgets of this field.
            if (kid.isDictionary() && kid.hasKey("/T")) {
                hasFieldKids = true;
                collect(kid, name, isSig, out, seen, depth + 1);
            }
        }
    }
    if (!hasFieldKids && isSig) {
        QPDFObjectHandle value = field.getKey("/V");
        out.append({field, value.isDictionary() ? value : QPDFObjectHandle::newNull(), name});
    }
}

} // namespace

QList<SignatureField> signatureFields(QPDF &qpdf) {
    QList<SignatureField> out;
    QPDFObjectHandle fields = qpdf.getRoot().getKey("/AcroForm").getKey("/Fields");
    if (!fields.isArray()) return out;
    std::set<QPDFObjGen> seen;
    for (QPDFObjectHandle field : fields.getArrayAsVector())
        collect(field, {}, false, out, seen, 0);
    return out;
}

QByteArray derWithoutPadding(const QByteArray &contents) {
    if (contents.size() < 2 || quint8(contents[0]) != 0x30) return {};
    const quint8 first = quint8(contents[1]);
    qsizetype header = 2;
    qsizetype length = first;
    if (first & 0x80) {
        const int count = first & 0x7f;
        if (count == 0 || count > 4 || contents.size() < 2 + count) return {};
        length = 0;
        for (int i = 0; i < count; ++i)
            length = (length << 8) | quint8(contents[2 + i]);
        header += count;
    }
    if (header + length > contents.size()) return {};
    return contents.left(header + length);
}

bool isSignatureWidget(QPDFObjectHandle annotation) {
    if (!annotation.isDictionary()) return false;
    if (!annotation.getKey("/Subtype").isNameAndEquals("/Widget")) return false;
    if (annotation.getKey("/FT").isNameAndEquals("/Sig")) return true;
    return annotation.getKey("/Parent").getKey("/FT").isNameAndEquals("/Sig");
}

} // namespace quire::pdf
