#pragma once
// Cms: the CMS SignedData (RFC 5652) inside every 21 CFR Part 11 `signature` record
// (FORMAT.md §3). The format is chosen so that `openssl cms -verify` with only the notebook's
// CA certificate can check a signature without Quire, decades from now.

#include "crypto/Crypto.h"
#include "Result.h"

#include <QByteArray>
#include <QDateTime>

namespace quire::cms {

// CMS SignedData (RFC 5652), detached, SHA-256, the signer's certificate embedded, signed
// attributes including signing-certificate-v2 (ESS, RFC 5035) and signingTime, over `content`
// as binary (no MIME canonicalisation).
Result<QByteArray> signDetached(const crypto::EcKey &key, const QByteArray &certDer,
                                const QByteArray &content);

struct SignerInfo {
    QByteArray certDer;    // the signer's certificate as embedded
    QDateTime signingTime; // the signingTime attribute, UTC (null if absent)
};

// Reads the CMS without trusting it (signer certificate, signing time).
Result<SignerInfo> read(const QByteArray &cmsDer);

// Verifies: DER parses as SignedData, detached, exactly one signer, digest SHA-256, the
// signature over `content` holds, the signer certificate is embedded and chains to caCertDer
// (purpose any, like `openssl cms -verify -purpose any`), the signing-certificate-v2 attribute
// is present and names that certificate. The result does not depend on the current time: a
// certificate that has since expired still verifies (see Cms.cpp). Safe to call from several
// threads at once.
Result<SignerInfo> verifyDetached(const QByteArray &cmsDer, const QByteArray &content,
                                  const QByteArray &caCertDer);

} // namespace quire::cms
