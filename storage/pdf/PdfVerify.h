#pragma once
// PdfVerify: checks the PAdES signatures and document time-stamps of a PDF the way a patent
// attorney's reader should, without trusting anything the file says about itself: per
// signature the signer and its certificate chain to the notebook CA, the meaning (/Reason), the
// claimed time (/M) and the proven time (signature time-stamp or a later document time-stamp),
// the integrity of the signed bytes, and whether what was appended after it is allowed (later
// signatures, validation data, document time-stamps) or changes what was signed (page
// content, other annotations, the page tree...).

#include "Result.h"

#include <QByteArray>
#include <QDateTime>
#include <QList>
#include <QString>
#include <QStringList>

namespace quire::pdf {

struct TimestampReport {
    bool present = false;
    bool valid = false; // signature holds, imprint matches, the TSA chains to a trusted CA
    QDateTime genTime;  // UTC
    QString authority;  // the TSA's name (from the token, or its certificate)
    QString problem;    // why it is not valid
};

struct SignatureReport {
    enum class Kind { Signature, DocumentTimestamp };
    Kind kind = Kind::Signature;
    QString field;
    QString subFilter;
    // Signature dictionary (claims).
    QString reason;
    QString name;
    QString location;
    QDateTime claimedTime; // /M, in its own zone
    // Signer (signatures only).
    QString signerName; // certificate CN
    QString signerEmail;
    QByteArray signerCertDer;
    bool intact = false;  // ByteRange well formed and the CMS (or token) holds over it
    bool trusted = false; // the signer chains to the CA (signature) / the TSA is trusted
    // The signature time-stamp (signatures) or the document time-stamp itself.
    TimestampReport timestamp;
    // The earliest trustworthy time after which the signature cannot have been made: its own
    // time-stamp, else the first valid document time-stamp covering it; null when unproven.
    QDateTime provenBefore;
    QString level; // "B-B", "B-T", "B-LT", "B-LTA" (signatures only)
    qint64 signedLength = 0;
    bool coversWholeFile = false;
    QStringList appendedAfter;     // what later revisions added, in words (allowed)
    QStringList disallowedChanges; // what later revisions changed that they may not
    QStringList problems;          // everything else that makes it invalid
    bool valid() const {
        return intact && trusted && disallowedChanges.isEmpty() && problems.isEmpty() &&
               (kind == Kind::Signature || timestamp.valid);
    }
};

struct PdfReport {
    qint64 size = 0;
    QList<SignatureReport> signatures; // in the order they were made
    bool hasDss = false;
    int dssCertificates = 0;
    bool allValid() const {
        if (signatures.isEmpty()) return false;
        for (const auto &s : signatures)
            if (!s.valid()) return false;
        return true;
    }
};

// Fails only when the PDF cannot be read at all; every finding about a signature is in the
// report. `caCertDer` is the notebook CA; `trustedTsaPem` the TSA certificates (or their CAs)
// trusted for time-stamps.
Result<PdfReport> verifyPdf(const QByteArray &pdf, const QByteArray &caCertDer,
                            const QByteArray &trustedTsaPem);

} // namespace quire::pdf
