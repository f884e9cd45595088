#pragma once
// CaShare: the notebook CA's private key shared with one admin (FORMAT.md §5, "CA shares"), so
// that any active admin's vault can approve a newcomer, not only the founder's. The file
// ca/<member uuid>.json in the shared repository holds the key wrapped to that admin's
// encryption key the way a notebook-key grant is (ephemeral ECDH, HKDF, AES-GCM) and is sealed
// by the admin who shared it. Pure functions over bytes, like Membership.h: who counts as an
// active admin is the caller's question.

#include "crypto/Crypto.h"
#include "Result.h"

#include <QByteArray>
#include <QString>

namespace quire::membership {

struct CaShareFile {
    QString member;     // the admin the key is shared with
    QString sharedBy;   // the admin who shared it
    QString caSha256;   // lowercase hex SHA-256 of the CA certificate DER
    QByteArray epk;     // SPKI DER of the ephemeral P-256 key
    QByteArray wrapped; // nonce (12) || AES-256-GCM ciphertext || tag (16)
    QString sealCert;   // lowercase hex SHA-256 of the sealing admin's certificate DER
    QByteArray sealSignature;
    QByteArray signedBytes; // canonical bytes of the object without "seal"
};

// The repository path of a member's share.
QString caSharePath(const QString &memberUuid);

// Canonical bytes of a sealed share: the CA private key (PKCS#8 DER) wrapped for memberEncSpki.
// KEK = HKDF-SHA256(ECDH(ephemeral, member enc key), salt = epk DER || member SPKI DER,
// info "quire/1 ca key wrap"); AAD = the member uuid's 36 ASCII bytes || raw SHA-256 of the CA
// certificate. The key must be the one the CA certificate certifies.
Result<QByteArray> makeCaShare(const QString &memberUuid, const QByteArray &memberEncSpki,
                               const QByteArray &caCertDer, const QByteArray &caPrivateDer,
                               const QString &adminUuid, const crypto::EcKey &adminSignKey,
                               const QByteArray &adminCertDer);
// Strict parse (fields, types, sizes); does not check the seal.
Result<CaShareFile> parseCaShare(const QByteArray &bytes);
// The seal names adminCertDer and verifies with its key.
Result<void> verifyCaShareSeal(const CaShareFile &file, const QByteArray &adminCertDer);
// Opens the share with the member's private encryption key and checks that what it holds is the
// private key of caCertDer. Returns the PKCS#8 DER.
Result<crypto::SecureBytes> openCaShare(const CaShareFile &file, const crypto::EcKey &memberEncKey,
                                        const QByteArray &caCertDer);

} // namespace quire::membership
