#pragma once
// Trusted time (FORMAT.md §4): the Merkle tree that lets one RFC 3161 time-stamp token cover a
// batch of records, and the RFC 3161 exchange with a time-stamp authority (request, transport,
// response checks, token verification). OpenSSL stays inside Timestamp.cpp.

#include "Result.h"

#include <QByteArray>
#include <QDateTime>
#include <QList>
#include <QString>

namespace quire::timestamp {

// Merkle tree of RFC 6962 §2.1 over raw 32-byte record ids: leaf = SHA-256(0x00 ‖ raw id),
// node = SHA-256(0x01 ‖ left ‖ right); for n leaves split at the largest power of two < n.
QByteArray merkleLeafHash(const QByteArray &rawId);
// Raw 32 bytes; an empty list has no root and gives an empty array.
QByteArray merkleRoot(const QList<QByteArray> &rawIds);

struct MerkleStep {
    bool siblingOnLeft = false;
    QByteArray sibling; // raw 32 bytes
};
// The audit path of leaf `index`, from the leaf up to the root. Empty for a one-leaf tree or an
// index out of range.
QList<MerkleStep> merklePath(const QList<QByteArray> &rawIds, int index);
QByteArray rootFromPath(const QByteArray &rawId, const QList<MerkleStep> &path);

// RFC 3161 TimeStampReq DER: version 1, messageImprint sha256 over `digest` (raw 32 bytes; the
// Merkle root is used as is, it is already a hash), a random 64-bit nonce, certReq TRUE, no
// policy. `der` is empty when `digest` is not 32 bytes.
struct Request {
    QByteArray der;
    QByteArray nonce; // big-endian bytes of the nonce
};
Request makeRequest(const QByteArray &digest);

// Checks a TimeStampResp: status granted/grantedWithMods (else fails with the TSA's status
// text), nonce and imprint equal the request's; returns the TimeStampToken (the ContentInfo,
// DER). The token's signature is not checked here: see verifyToken.
Result<QByteArray> tokenFromResponse(const QByteArray &responseDer, const Request &request);

// One certificate of the chain that vouches for a token, as a person reads it.
struct ChainCertificate {
    QString subject; // RFC 2253
    QString issuer;  // RFC 2253
    QDateTime notBefore;
    QDateTime notAfter;
    QByteArray der;
};

struct TokenInfo {
    QDateTime genTime; // UTC, with milliseconds when the token has them
    QByteArray digest; // the imprint's hashed message, raw
    QString tsaName;   // the TSA's name from the token (RFC 2253 for a directory name), or empty
    QString serial;    // lowercase hex
    QByteArray tsaCertDer; // the signer certificate when the token embeds it
    QString policy;        // dotted OID
    // verifyToken only: the chain it found, signer first, ending at a trusted certificate, the
    // earliest end of validity in it (after which the token proves nothing by itself), and the
    // instant the chain was checked at.
    QList<ChainCertificate> chain;
    QDateTime chainNotAfter;
    QDateTime checkedAt;
};
// Reads a token without trusting it.
Result<TokenInfo> readToken(const QByteArray &tokenDer);

// Verifies a token: its CMS signature, that the signer certificate chains to one of
// `trustedPem` (PEM text, one or more certificates: the TSA certificates or their CAs the
// notebook trusts), extendedKeyUsage timeStamping, and that the imprint is sha256 of exactly
// `digest`. The certificates are checked as of `at`: the current time when `at` is not valid
// (what a document time-stamp needs), or verifyTokenAtItsTime for the token's own genTime.
Result<TokenInfo> verifyToken(const QByteArray &tokenDer, const QByteArray &digest,
                              const QByteArray &trustedPem, const QDateTime &at = {});
// verifyToken with the chain checked as of the token's genTime (FORMAT.md §4: a token is judged
// as of its own time; whether it still proves anything after its chain expired is the question
// of renewal, which the caller answers with chainNotAfter).
Result<TokenInfo> verifyTokenAtItsTime(const QByteArray &tokenDer, const QByteArray &digest,
                                       const QByteArray &trustedPem);

// The certificates of a PEM text (for showing and storing trusted authorities as DER).
QList<QByteArray> pemCertificates(const QByteArray &pem);
// The subject, issuer and validity of one DER certificate; fails for what is not one.
Result<ChainCertificate> describeCertificate(const QByteArray &certDer);

// POSTs a query (Content-Type application/timestamp-query) and returns the body of a 200 answer
// with Content-Type application/timestamp-reply. Blocking: it runs its own event loop with a
// network manager of its own, so it works on any thread (a QCoreApplication must exist).
// http and https; `timeoutMs` covers the whole exchange; redirects are not followed; the answer
// is limited to 1 MiB.
Result<QByteArray> postQuery(const QString &url, const QByteArray &requestDer,
                             int timeoutMs = 15000);

// makeRequest + postQuery + tokenFromResponse + verifyTokenAtItsTime for one digest; returns
// the token.
Result<QByteArray> requestToken(const QString &url, const QByteArray &digest,
                                const QByteArray &trustedPem, int timeoutMs = 15000);

} // namespace quire::timestamp
