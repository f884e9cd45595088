#pragma once
// PdfFields (internal to storage/pdf): finding the signature fields of a PDF, shared by the
// signer (names, free slots for blocks, certificates for the DSS) and the verifier.

#include <QByteArray>
#include <QList>
#include <QString>

#include <qpdf/QPDF.hh>
#include <qpdf/QPDFObjectHandle.hh>

namespace quire::pdf {

struct SignatureField {
    QPDFObjectHandle field; // the terminal field (often also the widget)
    QPDFObjectHandle value; // its /V signature dictionary, or null when unsigned
    QString name;           // fully qualified field name
};

// The signature fields reachable from the AcroForm's /Fields (kids followed, /FT inherited),
// in that order.
QList<SignatureField> signatureFields(QPDF &qpdf);

// A signature's /Contents without the zero padding after its DER (the length comes from the DER
// header). Empty when the bytes do not start with a DER SEQUENCE that fits.
QByteArray derWithoutPadding(const QByteArray &contents);

// True for an annotation that is a signature field's widget (its /FT, or its parent's, is /Sig).
bool isSignatureWidget(QPDFObjectHandle annotation);

} // namespace quire::pdf
