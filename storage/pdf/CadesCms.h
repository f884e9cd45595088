#pragma once
// CadesCms (internal to storage/pdf): the CMS SignedData inside a PAdES signature
// (SubFilter ETSI.CAdES.detached, ETSI EN 319 142-1). It is assembled here in DER rather than by
// CMS_sign(), because OpenSSL always adds a signingTime attribute, which PAdES forbids (the time
// is the signature dictionary's /M), and because the private key stays behind a callback: only
// the DER of the signed attributes is handed out to be signed.

#include "Result.h"

#include <QByteArray>
#include <QDateTime>
#include <QList>

#include <functional>

namespace quire::pdf::cades {

// ECDSA P-256 with SHA-256 over `toBeSigned`, DER (what crypto::EcKey::sign returns).
using SignFunction = std::function<Result<QByteArray>(const QByteArray &toBeSigned)>;

// Builds SignedData v1: digestAlgorithms {sha256}, encapContentInfo id-data without content,
// certificates = signer + extraCerts, one SignerInfo (issuerAndSerialNumber, sha256, signed
// attributes contentType, messageDigest = `contentDigest`, signing-certificate-v2 with
// issuerSerial; ecdsa-with-SHA256). Without a time-stamp token the unsigned attributes are left
// out; with one it is the id-aa-signatureTimeStampToken attribute.
class Builder {
public:
    Result<void> sign(const QByteArray &contentDigest, const QByteArray &signerCertDer,
                      const QList<QByteArray> &extraCerts, const SignFunction &signer);
    QByteArray signatureValue() const { return m_signature; }
    QByteArray encode(const QByteArray &signatureTimeStampToken = {}) const;

private:
    QByteArray m_certificates; // [0] IMPLICIT SET OF Certificate
    QByteArray m_sid;          // IssuerAndSerialNumber
    QByteArray m_signedAttrs;  // SET OF Attribute, DER (tag 0x31)
    QByteArray m_signature;
};

// What a reader needs from a signature's CMS, without trusting it.
struct Parsed {
    QByteArray signerCertDer;
    QList<QByteArray> certificates; // every certificate the CMS carries, the signer's included
    QByteArray signatureValue;
    QByteArray timeStampToken; // the id-aa-signatureTimeStampToken attribute, or empty
    bool hasSigningTime = false;
    bool hasSigningCertificateV2 = false;
};
Result<Parsed> parse(const QByteArray &cmsDer);

// The signature holds with the embedded signer certificate: digest SHA-256, the messageDigest
// attribute equals `contentDigest` (SHA-256 of the signed bytes), the signature over the signed
// attributes verifies, and signing-certificate-v2, when present, names the signer certificate.
// No certificate path is checked here.
Result<void> verifyIntegrity(const QByteArray &cmsDer, const QByteArray &contentDigest);

// The certificate chains to the self-signed CA directly (no intermediates: the notebook CA issues
// member certificates itself), both valid at `at` rather than now, so that a signature made
// while the certificate was valid stays valid after it expires. Purpose any, as in FORMAT.md §3.
Result<void> verifyChainAt(const QByteArray &certDer, const QByteArray &caCertDer,
                           const QDateTime &at);

} // namespace quire::pdf::cades
