#pragma once
// storage/crypto/: the cryptography Quire relies on, on OpenSSL 3 — keys, hashes, AES-GCM,
// HKDF, scrypt and certificates (this file), CMS signatures (Cms.h), RFC 3161 time-stamps and
// the Merkle tree they cover (Timestamp.h). Bytes in, bytes out: it knows no record, vault or
// repository, and links nothing of storage/ but base/.

// Crypto: every cryptographic primitive Quire uses, on OpenSSL 3. Keys are held in small RAII
// owners; no OpenSSL pointer leaves Crypto.cpp. Secrets travel as SecureBytes, which wipe
// themselves when destroyed.

#include "Result.h"

#include <QByteArray>
#include <QDateTime>
#include <QString>

#include <memory>

namespace quire::crypto {

// A byte buffer that is zeroed (OPENSSL_cleanse) when it is destroyed or cleared.
class SecureBytes {
public:
    SecureBytes() = default;
    explicit SecureBytes(QByteArray bytes)
        : m_bytes(std::move(bytes)) {}
    SecureBytes(const SecureBytes &other)
        : m_bytes(other.m_bytes) {
        m_bytes.detach();
    }
    SecureBytes &operator=(const SecureBytes &other);
    SecureBytes(SecureBytes &&other) noexcept
        : m_bytes(std::move(other.m_bytes)) {}
    SecureBytes &operator=(SecureBytes &&other) noexcept;
    ~SecureBytes() { clear(); }

    const QByteArray &bytes() const { return m_bytes; }
    int size() const { return int(m_bytes.size()); }
    bool isEmpty() const { return m_bytes.isEmpty(); }
    SecureBytes mid(int pos, int len) const;
    void clear();

private:
    QByteArray m_bytes;
};

QByteArray randomBytes(int count);
QString newUuid(); // RFC 4122 v4, lowercase

QByteArray sha256(const QByteArray &data);
// Incremental SHA-256 for streams (attachments of many GB).
class Sha256 {
public:
    Sha256();
    ~Sha256();
    Sha256(const Sha256 &) = delete;
    Sha256 &operator=(const Sha256 &) = delete;
    void add(const char *data, qsizetype size);
    void add(const QByteArray &data) { add(data.constData(), data.size()); }
    QByteArray finish(); // raw 32 bytes

private:
    struct State;
    std::unique_ptr<State> d;
};

QByteArray hmacSha256(const QByteArray &key, const QByteArray &data);
// HKDF-SHA256 (RFC 5869). An empty salt means the RFC's zero-filled default.
SecureBytes hkdfSha256(const QByteArray &ikm, const QByteArray &salt, const QByteArray &info,
                       int length);

struct ScryptParams {
    quint64 n = 131072;
    quint32 r = 8;
    quint32 p = 1;
};
// scrypt with OpenSSL's maxmem raised to what the parameters need.
Result<SecureBytes> scrypt(const QByteArray &passphrase, const QByteArray &salt,
                           const ScryptParams &params, int length);

// AES-256-GCM. seal() returns ciphertext || 16-byte tag; open() checks the tag.
QByteArray aesGcmSeal(const QByteArray &key, const QByteArray &nonce, const QByteArray &plain,
                      const QByteArray &aad);
Result<QByteArray> aesGcmOpen(const QByteArray &key, const QByteArray &nonce,
                              const QByteArray &cipherAndTag, const QByteArray &aad);

// A P-256 key pair (or a public key alone).
class EcKey {
public:
    EcKey();
    ~EcKey();
    EcKey(EcKey &&) noexcept;
    EcKey &operator=(EcKey &&) noexcept;
    EcKey(const EcKey &) = delete;
    EcKey &operator=(const EcKey &) = delete;

    static EcKey generate();
    static Result<EcKey> fromPrivateDer(const QByteArray &pkcs8Der);
    static Result<EcKey> fromPublicDer(const QByteArray &spkiDer);

    bool isNull() const;
    bool hasPrivate() const;
    SecureBytes privateDer() const; // PKCS#8 DER, unencrypted: wrap it before storing
    QByteArray publicDer() const;   // SubjectPublicKeyInfo DER

    // ECDSA P-256 with SHA-256, DER-encoded signature.
    QByteArray sign(const QByteArray &message) const;
    bool verify(const QByteArray &message, const QByteArray &derSignature) const;

    // ECDH shared secret (raw x-coordinate) with a peer public key.
    Result<SecureBytes> deriveShared(const EcKey &peerPublic) const;

    struct Impl;
    Impl *impl() const { return d.get(); }

private:
    std::unique_ptr<Impl> d;
};

// X.509 certificates (DER).
struct CertificateInfo {
    QString commonName;
    QString email;
    QByteArray subjectPublicKeyDer;
    QDateTime notBefore;
    QDateTime notAfter;
    bool isCa = false;
};

// A self-signed CA certificate for a notebook (basicConstraints CA:TRUE, keyCertSign, cRLSign).
Result<QByteArray> makeCaCertificate(const EcKey &caKey, const QString &commonName, int years);
// A member's signing certificate, issued by the notebook CA: keyUsage digitalSignature +
// nonRepudiation, extendedKeyUsage emailProtection, subject CN = name, emailAddress and
// subjectAltName rfc822Name = email.
Result<QByteArray> issueSigningCertificate(const EcKey &caKey, const QByteArray &caCertDer,
                                           const QByteArray &subjectPublicKeyDer,
                                           const QString &name, const QString &email, int years);
Result<CertificateInfo> certificateInfo(const QByteArray &certDer);
// True if certDer is signed by caCertDer (and caCertDer is self-signed).
Result<void> verifyCertificateChain(const QByteArray &certDer, const QByteArray &caCertDer);
QByteArray certificatePem(const QByteArray &certDer);
// The DER of every certificate in a PEM text, in order; text between the blocks is ignored.
QList<QByteArray> certificatesFromPem(const QByteArray &pem);

// PKCS#10 certificate requests (DER): how a newcomer hands an admin the public half of the
// signing key together with proof that the newcomer holds the private half.
struct CertificateRequestInfo {
    QString commonName;
    QString email;
    QByteArray subjectPublicKeyDer; // re-encoded by OpenSSL, so byte-equal to EcKey::publicDer()
};
// Subject CN = name and emailAddress = email, signed with ECDSA-SHA256 by key. The name must
// fit a certificate unchanged (1 to 64 characters, no surrounding white space) so that the
// request and the member record say exactly the same thing.
Result<QByteArray> makeCertificateRequest(const EcKey &key, const QString &name,
                                          const QString &email);
// Parses a request and checks its self-signature (ECDSA-SHA256, P-256 key); the subject must be
// exactly one CN and one emailAddress.
Result<CertificateRequestInfo> certificateRequestInfo(const QByteArray &csrDer);

// Compares without leaking through timing where the first difference lies. Sizes are not
// secret; buffers of different size compare unequal at once.
bool constantTimeEqual(const QByteArray &a, const QByteArray &b);

// The encrypted file format of FORMAT.md §5: "QNC1" || flags || epoch (u32 BE) || nonce(12)
// || ciphertext || tag(16); AAD = first 9 bytes || raw name. When deflate is true the plaintext
// is compressed (zlib, RFC 1950) before encryption and flag bit 0 is set.
QByteArray encryptFile(const QByteArray &encKey, quint32 epoch, const QByteArray &rawName,
                       const QByteArray &plain, bool deflate);
struct FileHeader {
    quint8 flags = 0;
    quint32 epoch = 0;
};
Result<FileHeader> readFileHeader(const QByteArray &file);
Result<QByteArray> decryptFile(const QByteArray &encKey, const QByteArray &rawName,
                               const QByteArray &file);

QByteArray toHex(const QByteArray &raw);   // lowercase
QByteArray fromHex(const QByteArray &hex); // empty on malformed input

} // namespace quire::crypto
