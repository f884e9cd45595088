#pragma once
// PdfSigner: PAdES signatures (ETSI EN 319 142-1) on the PDF a patent attorney receives. Every
// signature, validation-data (DSS) addition and document time-stamp is an incremental update
// (PdfUpdate), so earlier signatures stay valid. A signature is SubFilter ETSI.CAdES.detached
// with signing-certificate-v2 and no signingTime (the time is /M, the meaning /Reason, the
// printed name /Name) and a visible block on the page (printed name, meaning, date and time
// with zone), like the witness lines of a paper notebook. Levels: B-B offline; B-T with a
// signature time-stamp, or later with a document time-stamp; B-LT with addDss(); B-LTA with a
// document time-stamp after that. The private key never leaves the caller: only the bytes to
// sign are handed to a callback (or to crypto::EcKey::sign).
//
// Visible blocks are drawn with QPdfWriter (fonts embedded as subsets), so they need a
// QGuiApplication; the call fails with a message without one.

#include "Result.h"

#include <QByteArray>
#include <QDateTime>
#include <QList>
#include <QRectF>
#include <QString>
#include <QStringList>

#include <functional>
#include <optional>

namespace quire::crypto {
class EcKey;
}

namespace quire::pdf {

// Returns an RFC 3161 TimeStampToken (DER ContentInfo) whose messageImprint is SHA-256 with
// hashedMessage = `sha256Digest` (32 bytes).
using TsaCallback = std::function<Result<QByteArray>(const QByteArray &sha256Digest)>;
// ECDSA P-256 with SHA-256 over `toBeSigned`, DER.
using SignCallback = std::function<Result<QByteArray>(const QByteArray &toBeSigned)>;

// A TsaCallback that asks the authority at `url` (timestamp::makeRequest, postQuery,
// tokenFromResponse: nonce and imprint checked; the token's trust is for the verifier).
TsaCallback tsaClient(const QString &url, int timeoutMs = 15000);

struct SignRequest {
    QString reason;        // the meaning of the signature ("authored", "witnessed"): /Reason
    QString name;          // the signer's printed name: /Name
    QString location;      // /Location, left out when empty
    QDateTime signingTime; // /M, in its own zone; shown in the block with that zone
    // The visible block's lines. Empty: "Signed by <name>", "Meaning: <reason>", "<date time
    // zone>".
    QStringList blockLines;
    bool visible = true;
    int page = -1;            // 0-based; -1 is the last page
    QRectF rect;              // where the block goes, in PDF points; empty: the next free slot
                              // at the foot of the page (two per row, rows going up)
    double footMargin = 14.0; // for a free slot: the first row's height above the page's foot
                              // (more when the page has a footer of its own)
    QString fieldName;        // empty: "Signature<n>"
};

// Signs `pdf` as one incremental update. `certDer` is the signer's certificate, `extraCerts`
// (the notebook CA) go into the CMS too. With `tsa` the signature gets a signature time-stamp
// (B-T); without, it is B-B and a document time-stamp can follow later.
Result<QByteArray> signPdf(const QByteArray &pdf, const SignRequest &request,
                           const SignCallback &sign, const QByteArray &certDer,
                           const QList<QByteArray> &extraCerts,
                           const std::optional<TsaCallback> &tsa = std::nullopt);
Result<QByteArray> signPdf(const QByteArray &pdf, const SignRequest &request,
                           const crypto::EcKey &key, const QByteArray &certDer,
                           const QList<QByteArray> &extraCerts,
                           const std::optional<TsaCallback> &tsa = std::nullopt);

// Appends a document time-stamp (SubFilter ETSI.RFC3161, an invisible field) over the whole
// file as it is.
Result<QByteArray> addDocumentTimestamp(const QByteArray &pdf, const TsaCallback &tsa);

// Appends (or extends) the document security store with these certificates (DER), CRLs and
// OCSP responses, each once. Certificates already in the DSS are not added again.
Result<QByteArray> addDss(const QByteArray &pdf, const QList<QByteArray> &certs,
                          const QList<QByteArray> &crls = {},
                          const QList<QByteArray> &ocspResponses = {});

// Every certificate the PDF's signatures and time-stamps carry (signers, CAs, TSAs), each once:
// what addDss() needs for B-LT when no revocation data exists.
Result<QList<QByteArray>> embeddedCertificates(const QByteArray &pdf);

} // namespace quire::pdf
