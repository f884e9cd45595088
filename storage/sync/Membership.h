#pragma once
// Membership: the bytes of joining a notebook (FORMAT.md §5) — invitation, join request, key
// grants — and the key wrapping behind a grant. Pure functions over small structs: no vault,
// no files, no network. Who may approve, which admin is active and whether a member uuid is
// new are the caller's questions; these functions answer "are these bytes well formed, made by
// whom they claim, and do they open".

#include "crypto/Crypto.h"
#include "Result.h"

#include <QByteArray>
#include <QList>
#include <QString>

namespace quire::membership {

// ---- key wrapping ---------------------------------------------------------------------------

// One notebook key of one epoch, wrapped for one member's encryption key.
struct WrappedKey {
    quint32 epoch = 0;
    QByteArray epk;     // SPKI DER of the ephemeral P-256 key
    QByteArray wrapped; // nonce (12) || AES-256-GCM ciphertext (32) || tag (16)
};

// KEK = HKDF-SHA256(IKM = ECDH(ephemeral, member enc key) raw x, salt = epk DER || member SPKI
// DER, info "quire/1 key wrap", 32 bytes). AAD = the 36 ASCII bytes of the lowercase member uuid
// || epoch as uint32 big-endian (40 bytes), so a grant opens only for that member and epoch.
// memberEncSpki must be in the form EcKey::publicDer() writes (uncompressed point), since the
// member re-derives the salt from the key and the bytes must agree.
Result<WrappedKey> wrapNotebookKey(const QString &memberUuid, const QByteArray &memberEncSpki,
                                   quint32 epoch, const QByteArray &notebookKey);
Result<crypto::SecureBytes> unwrapNotebookKey(const QString &memberUuid,
                                              const crypto::EcKey &memberEncKey,
                                              const WrappedKey &grant);

// For tests only: wrapping with a chosen ephemeral key, and the KEK that wrap derives, so that
// an independent tool (the openssl CLI) can re-derive it. Never reuse an ephemeral key.
Result<WrappedKey> wrapNotebookKey(const QString &memberUuid, const QByteArray &memberEncSpki,
                                   quint32 epoch, const QByteArray &notebookKey,
                                   const crypto::EcKey &ephemeral);
Result<crypto::SecureBytes> keyWrapKey(const crypto::EcKey &ephemeral,
                                       const QByteArray &memberEncSpki);

// ---- grant files: keys/<member uuid>.json ---------------------------------------------------

struct GrantFile {
    QString member;
    QString grantedBy;
    QList<WrappedKey> grants; // by epoch, ascending, no epoch twice
    QString sealCert;         // lowercase hex SHA-256 of the sealing admin's certificate DER
    QByteArray sealSignature; // DER ECDSA-P256-SHA256 over signedBytes
    QByteArray signedBytes;   // canonical bytes of the object without "seal"
};

// Canonical bytes of a sealed grant file. Grants are sorted by epoch; an epoch given twice is
// refused. adminCertDer must be the certificate of adminSignKey.
Result<QByteArray> makeGrantFile(const QString &memberUuid, const QString &adminUuid,
                                 QList<WrappedKey> grants, const crypto::EcKey &adminSignKey,
                                 const QByteArray &adminCertDer);
// Strict parse: format, every field and its type, uuid shapes, base64, key and wrap sizes,
// epochs ascending and unique. Does not check the seal.
Result<GrantFile> parseGrantFile(const QByteArray &bytes);
// The seal names adminCertDer (by hash) and its signature verifies with that certificate's
// key. Whether the certificate belongs to granted_by, chains to the notebook CA and was an
// active admin's is for the caller to decide.
Result<void> verifyGrantSeal(const GrantFile &file, const QByteArray &adminCertDer);
// A new grant file for the same member with one more epoch (a revocation elsewhere made a new
// notebook key), sealed by the admin given. The current file's seal is checked against
// currentSealerCertDer first, so a tampered file is never re-sealed by an honest admin.
Result<QByteArray> addGrant(const GrantFile &current, const QByteArray &currentSealerCertDer,
                            const WrappedKey &added, const QString &adminUuid,
                            const crypto::EcKey &adminSignKey, const QByteArray &adminCertDer);

// ---- invitation -----------------------------------------------------------------------------

struct Invitation {
    QString notebook;     // uuid
    QString notebookName; // NFC
    QString genesis;      // record id (lowercase hex SHA-256)
    QString caSha256;     // lowercase hex SHA-256 of the notebook CA certificate DER
    QString remote;       // git remote; never carries a password or token
    QString invitedBy;    // admin uuid
    QString createdAt;    // RFC 3339 UTC with milliseconds; empty in makeInvitation = now
};

Result<QByteArray> makeInvitation(const Invitation &invitation);
Result<Invitation> parseInvitation(const QByteArray &bytes);
// Accepts https, http, ssh, git and file URLs, scp-like "user@host:path" and absolute paths;
// refuses a password (user:password@), a query or fragment (where tokens travel), and other
// transports (ext:: and friends can run commands).
Result<void> checkRemoteUrl(const QString &remote);

// ---- join request ---------------------------------------------------------------------------

struct JoinRequest {
    QString notebook;
    QString genesis;
    QString member;    // new uuid, chosen by the newcomer
    QString device;    // new uuid
    QString name;      // NFC, equal to the CSR's common name
    QString email;     // equal to the CSR's emailAddress
    QByteArray csr;    // PKCS#10 DER, signed by the signing key
    QByteArray encKey; // SPKI DER of the encryption key
    QString createdAt;
    // Filled by parseJoinRequest and newJoinRequest: SPKI DER of the signing key in the CSR,
    // which approval certifies.
    QByteArray signKey;
};

// A request for the invitation's notebook with fresh member and device uuids, made now.
Result<JoinRequest> newJoinRequest(const Invitation &invitation, const QString &name,
                                   const QString &email, const crypto::EcKey &signKey,
                                   const crypto::EcKey &encKey);
// Canonical bytes; runs every check parseJoinRequest runs.
Result<QByteArray> makeJoinRequest(const JoinRequest &request);
// Strict parse; also checks the CSR's signature, that its name and email equal the fields and
// fit a certificate unchanged (name trimmed, at most 64 characters; one plain ASCII address),
// and that enc_key is a P-256 SPKI (uncompressed point) different from the signing key.
Result<JoinRequest> parseJoinRequest(const QByteArray &bytes);
// The request is for the notebook (uuid and genesis) the invitation names.
Result<void> checkRequestAgainstInvitation(const JoinRequest &request,
                                           const Invitation &invitation);
// A short code ("7F3K-…", 20 base32 characters) of the request's canonical bytes, for the
// newcomer to read to the admin over a second channel: the request itself is not signed as a
// whole, so only this comparison stops someone in between swapping the keys.
Result<QString> joinRequestCode(const JoinRequest &request);
// The certificate an approving admin issues for the request: the CSR is verified again here
// and its key (not any other field) is what gets certified.
Result<QByteArray> issueMemberCertificate(const JoinRequest &request, const crypto::EcKey &caKey,
                                          const QByteArray &caCertDer, int years);

// ---- trust ----------------------------------------------------------------------------------

// True if SHA-256(caCertDer) equals the hex fingerprint (upper or lower case; colons and white
// space, as `openssl x509 -fingerprint` prints them, are ignored). Constant time.
bool caMatchesFingerprint(const QByteArray &caCertDer, const QString &caSha256Hex);
// The newcomer's check of the notebook CA it received: it matches the invitation's fingerprint,
// is self-signed and is a CA.
Result<void> checkCaAgainstInvitation(const QByteArray &caCertDer, const Invitation &invitation);

} // namespace quire::membership
