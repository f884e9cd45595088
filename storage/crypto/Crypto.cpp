#include "crypto/Crypto.h"
#include "OpenSslPtr.h"

#include <QCoreApplication>
#include <QTimeZone>

#include <openssl/asn1.h>
#include <openssl/bio.h>
#include <openssl/bn.h>
#include <openssl/core_names.h>
#include <openssl/crypto.h>
#include <openssl/decoder.h>
#include <openssl/ec.h>
#include <openssl/encoder.h>
#include <openssl/err.h>
#include <openssl/evp.h>
#include <openssl/kdf.h>
#include <openssl/objects.h>
#include <openssl/params.h>
#include <openssl/rand.h>
#include <openssl/x509.h>
#include <openssl/x509_vfy.h>
#include <openssl/x509v3.h>

#include <climits>
#include <ctime>
#include <mutex>
#include <vector>

namespace quire::crypto {

namespace {

// RAII owners for every OpenSSL object this file touches (the shared ones in
// OpenSslPtr.h).
using namespace quire::openssl;
using PkeyCtxPtr = std::unique_ptr<EVP_PKEY_CTX, Deleter<EVP_PKEY_CTX_free>>;
using MdCtxPtr = std::unique_ptr<EVP_MD_CTX, Deleter<EVP_MD_CTX_free>>;
using CipherCtxPtr = std::unique_ptr<EVP_CIPHER_CTX, Deleter<EVP_CIPHER_CTX_free>>;
using CipherPtr = std::unique_ptr<EVP_CIPHER, Deleter<EVP_CIPHER_free>>;
using MacPtr = std::unique_ptr<EVP_MAC, Deleter<EVP_MAC_free>>;
using MacCtxPtr = std::unique_ptr<EVP_MAC_CTX, Deleter<EVP_MAC_CTX_free>>;
using KdfPtr = std::unique_ptr<EVP_KDF, Deleter<EVP_KDF_free>>;
using KdfCtxPtr = std::unique_ptr<EVP_KDF_CTX, Deleter<EVP_KDF_CTX_free>>;
using DecoderCtxPtr = std::unique_ptr<OSSL_DECODER_CTX, Deleter<OSSL_DECODER_CTX_free>>;
using EncoderCtxPtr = std::unique_ptr<OSSL_ENCODER_CTX, Deleter<OSSL_ENCODER_CTX_free>>;
using X509NamePtr = std::unique_ptr<X509_NAME, Deleter<X509_NAME_free>>;
using X509ExtPtr = std::unique_ptr<X509_EXTENSION, Deleter<X509_EXTENSION_free>>;
using GeneralNamesPtr = std::unique_ptr<GENERAL_NAMES, Deleter<GENERAL_NAMES_free>>;

// Memory returned by OpenSSL's encoders; secret material is wiped before it is released.
struct OpensslClearFree {
    size_t size = 0;
    void operator()(unsigned char *p) const { OPENSSL_clear_free(p, size); }
};

constexpr int kGcmNonceSize = 12;
constexpr int kGcmTagSize = 16;
constexpr int kAesKeySize = 32;
// OpenSSL's update calls take an int length; feed larger buffers in pieces.
constexpr qsizetype kUpdateStep = qsizetype(1) << 30;

// The oldest error on OpenSSL's queue, for messages; the queue is emptied so that a stale
// error never leaks into a later, unrelated failure.
QString opensslReason() {
    const unsigned long code = ERR_get_error();
    ERR_clear_error();
    if (code == 0) return {};
    char buffer[256] = {};
    ERR_error_string_n(code, buffer, sizeof buffer);
    return QString::fromLatin1(buffer);
}

QString withReason(const QString &message) {
    const QString reason = opensslReason();
    return reason.isEmpty() ? message : message + QStringLiteral(" (") + reason + u')';
}

const unsigned char *ubytes(const QByteArray &b) {
    return reinterpret_cast<const unsigned char *>(b.constData());
}
unsigned char *ubytes(QByteArray &b) {
    return reinterpret_cast<unsigned char *>(b.data());
}

// OSSL_PARAM wants a non-const pointer even for inputs it only reads.
OSSL_PARAM octetParam(const char *key, const QByteArray &value) {
    return OSSL_PARAM_construct_octet_string(key, const_cast<char *>(value.constData()),
                                             size_t(value.size()));
}

OSSL_PARAM utf8Param(const char *key, const char *value) {
    return OSSL_PARAM_construct_utf8_string(key, const_cast<char *>(value), 0);
}

// Takes the DER bytes out of any i2d_* function.
template <typename T, typename Fn> QByteArray derOf(const T *object, Fn i2d) {
    unsigned char *buffer = nullptr;
    const int length = i2d(object, &buffer);
    if (length <= 0 || !buffer) return {};
    QByteArray out(reinterpret_cast<const char *>(buffer), length);
    OPENSSL_free(buffer);
    return out;
}

bool isP256(const EVP_PKEY *pkey) {
    if (!pkey || !EVP_PKEY_is_a(pkey, "EC")) return false;
    char group[80] = {};
    size_t groupLength = 0;
    if (!EVP_PKEY_get_group_name(pkey, group, sizeof group, &groupLength)) return false;
    const int nid = OBJ_txt2nid(group);
    return nid == NID_X9_62_prime256v1 || EC_curve_nist2nid(group) == NID_X9_62_prime256v1;
}

PkeyPtr parsePublicDer(const QByteArray &spkiDer) {
    const unsigned char *p = ubytes(spkiDer);
    PkeyPtr pkey(d2i_PUBKEY(nullptr, &p, long(spkiDer.size())));
    if (pkey && p != ubytes(spkiDer) + spkiDer.size()) return {}; // trailing bytes
    return pkey;
}

X509Ptr parseCertificate(const QByteArray &der) {
    const unsigned char *p = ubytes(der);
    X509Ptr cert(d2i_X509(nullptr, &p, long(der.size())));
    if (cert && p != ubytes(der) + der.size()) return {}; // trailing bytes
    return cert;
}

bool cipherUpdate(EVP_CIPHER_CTX *ctx, bool encrypt, unsigned char *out, int *written,
                  const unsigned char *in, int length) {
    return encrypt ? EVP_EncryptUpdate(ctx, out, written, in, length) == 1
                   : EVP_DecryptUpdate(ctx, out, written, in, length) == 1;
}

// Runs the GCM body for seal and open alike; `out` must hold in.size() bytes.
bool gcmProcess(EVP_CIPHER_CTX *ctx, bool encrypt, const QByteArray &aad, const char *in,
                qsizetype inSize, char *out) {
    for (qsizetype offset = 0; offset < aad.size(); offset += kUpdateStep) {
        int ignored = 0;
        const int step = int(qMin(kUpdateStep, aad.size() - offset));
        if (!cipherUpdate(ctx, encrypt, nullptr, &ignored, ubytes(aad) + offset, step))
            return false;
    }
    qsizetype done = 0;
    for (qsizetype offset = 0; offset < inSize; offset += kUpdateStep) {
        int written = 0;
        const int step = int(qMin(kUpdateStep, inSize - offset));
        if (!cipherUpdate(ctx, encrypt, reinterpret_cast<unsigned char *>(out) + done, &written,
                          reinterpret_cast<const unsigned char *>(in) + offset, step))
            return false;
        done += written;
    }
    return done == inSize; // GCM is a stream mode: Final adds no bytes
}

CipherPtr aes256Gcm() {
    return CipherPtr(EVP_CIPHER_fetch(nullptr, "AES-256-GCM", nullptr));
}

} // namespace

// ---- SecureBytes ----------------------------------------------------------------------------

SecureBytes &SecureBytes::operator=(const SecureBytes &other) {
    if (this == &other) return *this;
    clear();
    m_bytes = other.m_bytes;
    m_bytes.detach();
    return *this;
}

SecureBytes &SecureBytes::operator=(SecureBytes &&other) noexcept {
    if (this == &other) return *this;
    clear();
    m_bytes = std::move(other.m_bytes);
    other.m_bytes = QByteArray();
    return *this;
}

SecureBytes SecureBytes::mid(int pos, int len) const {
    QByteArray part = m_bytes.mid(pos, len);
    part.detach();
    return SecureBytes(std::move(part));
}

void SecureBytes::clear() {
    // Only the last owner wipes: a QByteArray that still shares these bytes (someone copied
    // bytes() out) owns them too, and wiping would corrupt that copy.
    if (!m_bytes.isEmpty() && m_bytes.isDetached())
        OPENSSL_cleanse(m_bytes.data(), size_t(m_bytes.size()));
    m_bytes = QByteArray();
}

// ---- randomness, hashes, MACs, KDFs ---------------------------------------------------------

QByteArray randomBytes(int count) {
    if (count <= 0) return {};
    QByteArray out(count, Qt::Uninitialized);
    // Without randomness every key and nonce would be predictable; there is no safe way on.
    if (RAND_bytes(ubytes(out), count) != 1)
        qFatal("the system's random number generator failed: %s", qPrintable(opensslReason()));
    return out;
}

QString newUuid() {
    QByteArray b = randomBytes(16);
    b[6] = char((quint8(b[6]) & 0x0f) | 0x40); // version 4
    b[8] = char((quint8(b[8]) & 0x3f) | 0x80); // RFC 4122 variant
    const QByteArray h = b.toHex();
    return QString::fromLatin1(h.left(8) + '-' + h.mid(8, 4) + '-' + h.mid(12, 4) + '-' +
                               h.mid(16, 4) + '-' + h.mid(20));
}

struct Sha256::State {
    MdCtxPtr ctx;
    bool ok = false;
    void reset() { ok = ctx && EVP_DigestInit_ex2(ctx.get(), EVP_sha256(), nullptr) == 1; }
};

Sha256::Sha256()
    : d(std::make_unique<State>()) {
    d->ctx.reset(EVP_MD_CTX_new());
    d->reset();
}

Sha256::~Sha256() = default;

void Sha256::add(const char *data, qsizetype size) {
    for (qsizetype offset = 0; d->ok && offset < size; offset += kUpdateStep) {
        const size_t step = size_t(qMin(kUpdateStep, size - offset));
        d->ok = EVP_DigestUpdate(d->ctx.get(), data + offset, step) == 1;
    }
}

QByteArray Sha256::finish() {
    QByteArray out(32, Qt::Uninitialized);
    unsigned int length = 0;
    const bool ok =
        d->ok && EVP_DigestFinal_ex(d->ctx.get(), ubytes(out), &length) == 1 && length == 32;
    d->reset(); // ready for the next stream
    return ok ? out : QByteArray();
}

QByteArray sha256(const QByteArray &data) {
    Sha256 h;
    h.add(data);
    return h.finish();
}

QByteArray hmacSha256(const QByteArray &key, const QByteArray &data) {
    MacPtr mac(EVP_MAC_fetch(nullptr, "HMAC", nullptr));
    if (!mac) return {};
    MacCtxPtr ctx(EVP_MAC_CTX_new(mac.get()));
    if (!ctx) return {};
    const OSSL_PARAM params[] = {utf8Param(OSSL_MAC_PARAM_DIGEST, "SHA256"), OSSL_PARAM_END};
    // An empty key is legal HMAC; OpenSSL needs a non-null pointer to take it as "set".
    static const unsigned char noKey = 0;
    const unsigned char *keyBytes = key.isEmpty() ? &noKey : ubytes(key);
    if (EVP_MAC_init(ctx.get(), keyBytes, size_t(key.size()), params) != 1) return {};
    for (qsizetype offset = 0; offset < data.size(); offset += kUpdateStep) {
        const size_t step = size_t(qMin(kUpdateStep, data.size() - offset));
        if (EVP_MAC_update(ctx.get(), ubytes(data) + offset, step) != 1) return {};
    }
    QByteArray out(32, Qt::Uninitialized);
    size_t length = 0;
    if (EVP_MAC_final(ctx.get(), ubytes(out), &length, size_t(out.size())) != 1 || length != 32)
        return {};
    return out;
}

SecureBytes hkdfSha256(const QByteArray &ikm, const QByteArray &salt, const QByteArray &info,
                       int length) {
    if (length <= 0 || length > 255 * 32) return {};
    KdfPtr kdf(EVP_KDF_fetch(nullptr, "HKDF", nullptr));
    if (!kdf) return {};
    KdfCtxPtr ctx(EVP_KDF_CTX_new(kdf.get()));
    if (!ctx) return {};
    // Leaving the salt out makes OpenSSL use a HashLen string of zeros, RFC 5869 §2.2.
    OSSL_PARAM params[5];
    int n = 0;
    params[n++] = utf8Param(OSSL_KDF_PARAM_DIGEST, "SHA256");
    params[n++] = octetParam(OSSL_KDF_PARAM_KEY, ikm);
    if (!salt.isEmpty()) params[n++] = octetParam(OSSL_KDF_PARAM_SALT, salt);
    if (!info.isEmpty()) params[n++] = octetParam(OSSL_KDF_PARAM_INFO, info);
    params[n] = OSSL_PARAM_construct_end();
    QByteArray out(length, Qt::Uninitialized);
    if (EVP_KDF_derive(ctx.get(), ubytes(out), size_t(length), params) != 1) {
        ERR_clear_error();
        return {};
    }
    return SecureBytes(std::move(out));
}

Result<SecureBytes> scrypt(const QByteArray &passphrase, const QByteArray &salt,
                           const ScryptParams &params, int length) {
    if (params.n < 2 || (params.n & (params.n - 1)) != 0)
        return fail(
            QCoreApplication::translate(
                "quire::storage", "the scrypt cost N must be a power of two of at least 2, not %1")
                .arg(params.n));
    if (params.r == 0 || params.p == 0)
        return fail(QCoreApplication::translate(
                        "quire::storage",
                        "the scrypt parameters r and p must be at least 1 (got r=%1, "
                        "p=%2)")
                        .arg(params.r)
                        .arg(params.p));
    if (length <= 0)
        return fail(QCoreApplication::translate("quire::storage", "scrypt was asked for %1 bytes")
                        .arg(length));
    // RFC 7914 §2: p ≤ (2^32 − 1) · 32 / (128 · r); OpenSSL's own check is stricter still.
    if (quint64(params.p) * params.r >= (quint64(1) << 30))
        return fail(QCoreApplication::translate("quire::storage",
                                                "the scrypt parameters r=%1 and p=%2 are too large")
                        .arg(params.r)
                        .arg(params.p));

    // OpenSSL needs 128·r·(N+2) bytes for V plus 128·r·p for B; its default cap is 32 MiB.
    // Parameters come from vault.json, so refuse sizes no desktop can serve instead of
    // letting an edited file make the program allocate without bound.
    constexpr quint64 kMaxMemory = quint64(2) * 1024 * 1024 * 1024;
    const quint64 blockBytes = 128 * quint64(params.r);
    if (params.n > kMaxMemory / blockBytes)
        return fail(QCoreApplication::translate(
                        "quire::storage",
                        "the scrypt parameters N=%1, r=%2 would need more than 2 GiB "
                        "of memory")
                        .arg(params.n)
                        .arg(params.r));
    const quint64 needed = blockBytes * (params.n + 2) + blockBytes * params.p;
    if (needed > kMaxMemory)
        return fail(QCoreApplication::translate(
                        "quire::storage",
                        "the scrypt parameters N=%1, r=%2, p=%3 would need more than "
                        "2 GiB of memory")
                        .arg(params.n)
                        .arg(params.r)
                        .arg(params.p));
    uint64_t maxmem = needed + 1024 * 1024;

    KdfPtr kdf(EVP_KDF_fetch(nullptr, "SCRYPT", nullptr));
    if (!kdf)
        return fail(withReason(QCoreApplication::translate(
            "quire::storage", "scrypt is not available in this OpenSSL")));
    KdfCtxPtr ctx(EVP_KDF_CTX_new(kdf.get()));
    if (!ctx)
        return fail(
            withReason(QCoreApplication::translate("quire::storage", "could not start scrypt")));
    uint64_t n = params.n;
    uint32_t r = params.r;
    uint32_t p = params.p;
    const OSSL_PARAM kdfParams[] = {
        octetParam(OSSL_KDF_PARAM_PASSWORD, passphrase),
        octetParam(OSSL_KDF_PARAM_SALT, salt),
        OSSL_PARAM_construct_uint64(OSSL_KDF_PARAM_SCRYPT_N, &n),
        OSSL_PARAM_construct_uint32(OSSL_KDF_PARAM_SCRYPT_R, &r),
        OSSL_PARAM_construct_uint32(OSSL_KDF_PARAM_SCRYPT_P, &p),
        OSSL_PARAM_construct_uint64(OSSL_KDF_PARAM_SCRYPT_MAXMEM, &maxmem),
        OSSL_PARAM_END};
    QByteArray out(length, Qt::Uninitialized);
    if (EVP_KDF_derive(ctx.get(), ubytes(out), size_t(length), kdfParams) != 1) {
        OPENSSL_cleanse(out.data(), size_t(out.size()));
        return fail(withReason(
            QCoreApplication::translate("quire::storage",
                                        "scrypt failed for N=%1, r=%2, p=%3 (it needs about "
                                        "%4 MiB of memory)")
                .arg(params.n)
                .arg(params.r)
                .arg(params.p)
                .arg(needed / (1024 * 1024))));
    }
    return SecureBytes(std::move(out));
}

// ---- AES-256-GCM ----------------------------------------------------------------------------

QByteArray aesGcmSeal(const QByteArray &key, const QByteArray &nonce, const QByteArray &plain,
                      const QByteArray &aad) {
    if (key.size() != kAesKeySize || nonce.size() != kGcmNonceSize) return {};
    const CipherPtr cipher = aes256Gcm();
    CipherCtxPtr ctx(EVP_CIPHER_CTX_new());
    if (!cipher || !ctx ||
        EVP_EncryptInit_ex2(ctx.get(), cipher.get(), ubytes(key), ubytes(nonce), nullptr) != 1)
        return {};
    QByteArray out(plain.size() + kGcmTagSize, Qt::Uninitialized);
    int finalLength = 0;
    if (!gcmProcess(ctx.get(), true, aad, plain.constData(), plain.size(), out.data()) ||
        EVP_EncryptFinal_ex(ctx.get(), ubytes(out) + plain.size(), &finalLength) != 1 ||
        finalLength != 0)
        return {};
    OSSL_PARAM tagParams[] = {OSSL_PARAM_construct_octet_string(OSSL_CIPHER_PARAM_AEAD_TAG,
                                                                out.data() + plain.size(),
                                                                size_t(kGcmTagSize)),
                              OSSL_PARAM_END};
    if (EVP_CIPHER_CTX_get_params(ctx.get(), tagParams) != 1) return {};
    return out;
}

Result<QByteArray> aesGcmOpen(const QByteArray &key, const QByteArray &nonce,
                              const QByteArray &cipherAndTag, const QByteArray &aad) {
    if (key.size() != kAesKeySize)
        return fail(QCoreApplication::translate("quire::storage",
                                                "the decryption key has %1 bytes instead of 32")
                        .arg(key.size()));
    if (nonce.size() != kGcmNonceSize)
        return fail(
            QCoreApplication::translate("quire::storage", "the nonce has %1 bytes instead of 12")
                .arg(nonce.size()));
    if (cipherAndTag.size() < kGcmTagSize)
        return fail(QCoreApplication::translate(
            "quire::storage", "the encrypted data is too short to hold its authentication "
                              "tag; it is truncated"));
    const qsizetype bodySize = cipherAndTag.size() - kGcmTagSize;
    const CipherPtr cipher = aes256Gcm();
    CipherCtxPtr ctx(EVP_CIPHER_CTX_new());
    if (!cipher || !ctx ||
        EVP_DecryptInit_ex2(ctx.get(), cipher.get(), ubytes(key), ubytes(nonce), nullptr) != 1)
        return fail(withReason(QCoreApplication::translate(
            "quire::storage", "could not start AES-256-GCM decryption")));
    QByteArray tag = cipherAndTag.right(kGcmTagSize);
    OSSL_PARAM tagParams[] = {octetParam(OSSL_CIPHER_PARAM_AEAD_TAG, tag), OSSL_PARAM_END};
    QByteArray out(bodySize, Qt::Uninitialized);
    int finalLength = 0;
    const bool ok =
        EVP_CIPHER_CTX_set_params(ctx.get(), tagParams) == 1 &&
        gcmProcess(ctx.get(), false, aad, cipherAndTag.constData(), bodySize, out.data()) &&
        EVP_DecryptFinal_ex(ctx.get(), ubytes(out) + bodySize, &finalLength) == 1;
    if (!ok) {
        // Unauthenticated plaintext must never be used, so it is not kept either.
        OPENSSL_cleanse(out.data(), size_t(out.size()));
        ERR_clear_error();
        return fail(QCoreApplication::translate(
            "quire::storage", "the encrypted data is damaged or was changed, or the key is "
                              "wrong (authentication failed)"));
    }
    return out;
}

// ---- EcKey ----------------------------------------------------------------------------------

struct EcKey::Impl {
    PkeyPtr pkey;
    bool hasPrivate = false;
    // Contexts made ready once to verify (or to sign) with this key, for threads to borrow: in
    // OpenSSL 3 making one costs a P-256 verification about 20 µs of its 75, which a
    // notebook's verify and a bulk save paid once a record.
    std::mutex poolLock;
    std::vector<PkeyCtxPtr> verifiers, signers;

    PkeyCtxPtr borrow(std::vector<PkeyCtxPtr> &pool, bool forSigning) {
        {
            std::lock_guard lock(poolLock);
            if (!pool.empty()) {
                PkeyCtxPtr ctx = std::move(pool.back());
                pool.pop_back();
                return ctx;
            }
        }
        PkeyCtxPtr ctx(EVP_PKEY_CTX_new_from_pkey(nullptr, pkey.get(), nullptr));
        const int ready =
            ctx ? (forSigning ? EVP_PKEY_sign_init(ctx.get()) : EVP_PKEY_verify_init(ctx.get()))
                : 0;
        if (ready != 1) ctx.reset();
        return ctx;
    }
    void giveBack(std::vector<PkeyCtxPtr> &pool, PkeyCtxPtr ctx) {
        if (!ctx) return;
        std::lock_guard lock(poolLock);
        pool.push_back(std::move(ctx));
    }
};

EcKey::EcKey() = default;
EcKey::~EcKey() = default;
EcKey::EcKey(EcKey &&) noexcept = default;
EcKey &EcKey::operator=(EcKey &&) noexcept = default;

EcKey EcKey::generate() {
    EcKey key;
    PkeyCtxPtr ctx(EVP_PKEY_CTX_new_from_name(nullptr, "EC", nullptr));
    EVP_PKEY *raw = nullptr;
    if (!ctx || EVP_PKEY_keygen_init(ctx.get()) != 1 ||
        EVP_PKEY_CTX_set_group_name(ctx.get(), "P-256") != 1 ||
        EVP_PKEY_generate(ctx.get(), &raw) != 1) {
        ERR_clear_error();
        return key; // null: callers see isNull() and every operation refuses
    }
    key.d = std::make_unique<Impl>();
    key.d->pkey.reset(raw);
    key.d->hasPrivate = true;
    return key;
}

Result<EcKey> EcKey::fromPrivateDer(const QByteArray &pkcs8Der) {
    EVP_PKEY *raw = nullptr;
    DecoderCtxPtr decoder(OSSL_DECODER_CTX_new_for_pkey(
        &raw, "DER", "PrivateKeyInfo", "EC", OSSL_KEYMGMT_SELECT_KEYPAIR, nullptr, nullptr));
    if (!decoder)
        return fail(withReason(QCoreApplication::translate(
            "quire::storage", "could not start reading a private key")));
    const unsigned char *data = ubytes(pkcs8Der);
    size_t remaining = size_t(pkcs8Der.size());
    const bool decoded = OSSL_DECODER_from_data(decoder.get(), &data, &remaining) == 1;
    PkeyPtr pkey(raw);
    ERR_clear_error();
    if (!decoded || !pkey || remaining != 0)
        return fail(QCoreApplication::translate(
            "quire::storage", "the private key is damaged or not a PKCS#8 EC key"));
    if (!isP256(pkey.get()))
        return fail(
            QCoreApplication::translate("quire::storage", "the private key is not a P-256 key"));
    EcKey key;
    key.d = std::make_unique<Impl>();
    key.d->pkey = std::move(pkey);
    key.d->hasPrivate = true;
    return key;
}

Result<EcKey> EcKey::fromPublicDer(const QByteArray &spkiDer) {
    PkeyPtr pkey = parsePublicDer(spkiDer);
    ERR_clear_error();
    if (!pkey)
        return fail(QCoreApplication::translate(
            "quire::storage", "the public key is damaged or not a SubjectPublicKeyInfo"));
    if (!isP256(pkey.get()))
        return fail(
            QCoreApplication::translate("quire::storage", "the public key is not a P-256 key"));
    EcKey key;
    key.d = std::make_unique<Impl>();
    key.d->pkey = std::move(pkey);
    key.d->hasPrivate = false;
    return key;
}

bool EcKey::isNull() const {
    return !d || !d->pkey;
}

bool EcKey::hasPrivate() const {
    return !isNull() && d->hasPrivate;
}

SecureBytes EcKey::privateDer() const {
    if (!hasPrivate()) return {};
    EncoderCtxPtr encoder(OSSL_ENCODER_CTX_new_for_pkey(d->pkey.get(), OSSL_KEYMGMT_SELECT_KEYPAIR,
                                                        "DER", "PrivateKeyInfo", nullptr));
    unsigned char *raw = nullptr;
    size_t length = 0;
    if (!encoder || OSSL_ENCODER_to_data(encoder.get(), &raw, &length) != 1 || !raw) {
        ERR_clear_error();
        return {};
    }
    const std::unique_ptr<unsigned char, OpensslClearFree> owner(raw, OpensslClearFree{length});
    return SecureBytes(QByteArray(reinterpret_cast<const char *>(raw), qsizetype(length)));
}

QByteArray EcKey::publicDer() const {
    if (isNull()) return {};
    return derOf(d->pkey.get(), i2d_PUBKEY);
}

// ECDSA with SHA-256 (FORMAT.md §2): the digest is taken here and signed or verified raw, so
// that a context made ready once serves every record.
QByteArray EcKey::sign(const QByteArray &message) const {
    if (!hasPrivate()) return {};
    const QByteArray digest = sha256(message);
    PkeyCtxPtr ctx = d->borrow(d->signers, true);
    size_t length = 0;
    QByteArray out;
    if (ctx &&
        EVP_PKEY_sign(ctx.get(), nullptr, &length, ubytes(digest), size_t(digest.size())) == 1) {
        out.resize(qsizetype(length));
        if (EVP_PKEY_sign(ctx.get(), ubytes(out), &length, ubytes(digest), size_t(digest.size())) ==
            1)
            out.truncate(qsizetype(length)); // DER signatures vary in length
        else
            out.clear();
    }
    ERR_clear_error();
    d->giveBack(d->signers, std::move(ctx));
    return out;
}

bool EcKey::verify(const QByteArray &message, const QByteArray &derSignature) const {
    if (isNull() || derSignature.isEmpty()) return false;
    const QByteArray digest = sha256(message);
    PkeyCtxPtr ctx = d->borrow(d->verifiers, false);
    const bool ok =
        ctx && EVP_PKEY_verify(ctx.get(), ubytes(derSignature), size_t(derSignature.size()),
                               ubytes(digest), size_t(digest.size())) == 1;
    ERR_clear_error();
    d->giveBack(d->verifiers, std::move(ctx));
    return ok;
}

Result<SecureBytes> EcKey::deriveShared(const EcKey &peerPublic) const {
    if (!hasPrivate())
        return fail(QCoreApplication::translate(
            "quire::storage", "a key agreement needs our private key, which is not loaded"));
    if (peerPublic.isNull())
        return fail(QCoreApplication::translate("quire::storage",
                                                "the other party's public key is missing"));
    PkeyCtxPtr ctx(EVP_PKEY_CTX_new_from_pkey(nullptr, d->pkey.get(), nullptr));
    size_t length = 0;
    // set_peer also checks that the peer's point is on our curve.
    if (!ctx || EVP_PKEY_derive_init(ctx.get()) != 1 ||
        EVP_PKEY_derive_set_peer(ctx.get(), peerPublic.d->pkey.get()) != 1 ||
        EVP_PKEY_derive(ctx.get(), nullptr, &length) != 1)
        return fail(withReason(QCoreApplication::translate(
            "quire::storage", "the key agreement failed: the other party's key "
                              "is not a valid P-256 public key")));
    QByteArray out(qsizetype(length), Qt::Uninitialized);
    if (EVP_PKEY_derive(ctx.get(), ubytes(out), &length) != 1) {
        OPENSSL_cleanse(out.data(), size_t(out.size()));
        return fail(
            withReason(QCoreApplication::translate("quire::storage", "the key agreement failed")));
    }
    out.truncate(qsizetype(length));
    return SecureBytes(std::move(out));
}

// ---- certificates ---------------------------------------------------------------------------

namespace {

// X.509 allows at most 64 characters in a common name (RFC 5280 ub-common-name); the full
// name lives in the records, the certificate only needs a recognisable one.
QByteArray commonNameUtf8(const QString &name) {
    const QString trimmed = name.trimmed();
    QString out;
    int characters = 0;
    for (auto it = trimmed.cbegin(); it != trimmed.cend() && characters < 64; ++it, ++characters) {
        out += *it;
        if (it->isHighSurrogate() && it + 1 != trimmed.cend()) out += *++it;
    }
    return out.toUtf8();
}

// Addresses go into IA5String fields (emailAddress, rfc822Name), which hold ASCII only.
Result<QByteArray> certificateEmail(const QString &email) {
    const QByteArray ascii = email.trimmed().toUtf8();
    bool plain = !ascii.isEmpty() && ascii.size() <= 128 && ascii.count('@') == 1 &&
                 !ascii.startsWith('@') && !ascii.endsWith('@');
    for (const char c : ascii)
        plain = plain && c > 0x20 && c < 0x7f;
    if (!plain)
        return fail(QCoreApplication::translate(
                        "quire::storage",
                        "the email address \"%1\" cannot go into a certificate: it must "
                        "be one plain ASCII address of at most 128 characters")
                        .arg(email));
    return ascii;
}

bool setRandomSerial(X509 *cert) {
    // 159 bits: positive (top bit clear) and always 20 bytes long, per RFC 5280 §4.1.2.2.
    QByteArray serial = randomBytes(20);
    serial[0] = char((quint8(serial[0]) & 0x7f) | 0x40);
    BignumPtr bn(BN_bin2bn(ubytes(serial), int(serial.size()), nullptr));
    if (!bn) return false;
    Asn1IntegerPtr integer(BN_to_ASN1_INTEGER(bn.get(), nullptr));
    return integer && X509_set_serialNumber(cert, integer.get()) == 1;
}

bool setValidity(X509 *cert, int years, const ASN1_TIME *cap) {
    // A minute of slack so that a certificate made now is valid on a machine whose clock is
    // slightly behind.
    const QDateTime now = QDateTime::currentDateTimeUtc();
    const time_t notBefore = time_t(now.addSecs(-60).toSecsSinceEpoch());
    const time_t notAfter = time_t(now.addYears(years).toSecsSinceEpoch());
    if (!ASN1_TIME_set(X509_getm_notBefore(cert), notBefore)) return false;
    if (!ASN1_TIME_set(X509_getm_notAfter(cert), notAfter)) return false;
    // A certificate cannot usefully outlive its issuer.
    if (cap && ASN1_TIME_compare(X509_get0_notAfter(cert), cap) > 0)
        return X509_set1_notAfter(cert, cap) == 1;
    return true;
}

bool addExtension(X509 *cert, X509V3_CTX *ctx, int nid, const char *value) {
    X509ExtPtr ext(X509V3_EXT_nconf_nid(nullptr, ctx, nid, value));
    return ext && X509_add_ext(cert, ext.get(), -1) == 1;
}

bool addEmailAltName(X509 *cert, const QByteArray &email) {
    GeneralNamesPtr names(GENERAL_NAMES_new());
    if (!names) return false;
    GENERAL_NAME *name = GENERAL_NAME_new();
    ASN1_IA5STRING *value = ASN1_IA5STRING_new();
    if (!name || !value || !ASN1_STRING_set(value, email.constData(), int(email.size()))) {
        GENERAL_NAME_free(name);
        ASN1_IA5STRING_free(value);
        return false;
    }
    GENERAL_NAME_set0_value(name, GEN_EMAIL, value);
    if (!sk_GENERAL_NAME_push(names.get(), name)) {
        GENERAL_NAME_free(name);
        return false;
    }
    return X509_add1_ext_i2d(cert, NID_subject_alt_name, names.get(), 0, X509V3_ADD_DEFAULT) == 1;
}

QByteArray certificateDer(const X509 *cert) {
    return derOf(cert, i2d_X509);
}

QString asn1StringUtf8(const ASN1_STRING *s) {
    unsigned char *utf8 = nullptr;
    const int length = ASN1_STRING_to_UTF8(&utf8, s);
    if (length < 0 || !utf8) return {};
    const QString out = QString::fromUtf8(reinterpret_cast<const char *>(utf8), length);
    OPENSSL_free(utf8);
    return out;
}

QString nameEntry(const X509_NAME *name, int nid) {
    const int index = X509_NAME_get_index_by_NID(name, nid, -1);
    if (index < 0) return {};
    return asn1StringUtf8(X509_NAME_ENTRY_get_data(X509_NAME_get_entry(name, index)));
}

QDateTime asn1TimeToUtc(const ASN1_TIME *t) {
    struct tm tm {};
    if (!t || ASN1_TIME_to_tm(t, &tm) != 1) return {};
    return QDateTime(QDate(tm.tm_year + 1900, tm.tm_mon + 1, tm.tm_mday),
                     QTime(tm.tm_hour, tm.tm_min, tm.tm_sec), QTimeZone::utc());
}

QString chainErrorMessage(int code, const X509 *cert) {
    switch (code) {
    case X509_V_ERR_UNABLE_TO_GET_ISSUER_CERT:
    case X509_V_ERR_UNABLE_TO_GET_ISSUER_CERT_LOCALLY:
    case X509_V_ERR_UNABLE_TO_VERIFY_LEAF_SIGNATURE:
        return QCoreApplication::translate(
            "quire::storage", "the certificate was not issued by this notebook's certificate "
                              "authority");
    case X509_V_ERR_CERT_SIGNATURE_FAILURE:
        return QCoreApplication::translate(
            "quire::storage", "the certificate's signature does not match: it was changed after "
                              "it was issued");
    case X509_V_ERR_CERT_HAS_EXPIRED:
        return QCoreApplication::translate("quire::storage", "the certificate expired on %1")
            .arg(asn1TimeToUtc(X509_get0_notAfter(cert)).toString(Qt::ISODate));
    case X509_V_ERR_CERT_NOT_YET_VALID:
        return QCoreApplication::translate("quire::storage",
                                           "the certificate is not valid before %1")
            .arg(asn1TimeToUtc(X509_get0_notBefore(cert)).toString(Qt::ISODate));
    case X509_V_ERR_INVALID_CA:
        return QCoreApplication::translate(
            "quire::storage", "the notebook's certificate authority is not allowed to issue "
                              "certificates");
    default:
        return QCoreApplication::translate("quire::storage",
                                           "the certificate is not valid for this notebook: %1")
            .arg(QString::fromLatin1(X509_verify_cert_error_string(code)));
    }
}

} // namespace

Result<QByteArray> makeCaCertificate(const EcKey &caKey, const QString &commonName, int years) {
    if (!caKey.hasPrivate())
        return fail(QCoreApplication::translate(
            "quire::storage", "making a certificate authority needs its private key"));
    if (years < 1 || years > 100)
        return fail(QCoreApplication::translate(
                        "quire::storage", "a certificate must be valid for 1 to 100 years, not %1")
                        .arg(years));
    const QByteArray cn = commonNameUtf8(commonName);
    if (cn.isEmpty())
        return fail(QCoreApplication::translate("quire::storage",
                                                "the certificate authority needs a name"));
    EVP_PKEY *pkey = caKey.impl()->pkey.get();

    X509Ptr cert(X509_new());
    X509NamePtr name(X509_NAME_new());
    if (!cert || !name || X509_set_version(cert.get(), X509_VERSION_3) != 1 ||
        !setRandomSerial(cert.get()) || !setValidity(cert.get(), years, nullptr) ||
        X509_NAME_add_entry_by_NID(name.get(), NID_commonName, MBSTRING_UTF8, ubytes(cn),
                                   int(cn.size()), -1, 0) != 1 ||
        X509_set_subject_name(cert.get(), name.get()) != 1 ||
        X509_set_issuer_name(cert.get(), name.get()) != 1 || X509_set_pubkey(cert.get(), pkey) != 1)
        return fail(withReason(QCoreApplication::translate(
            "quire::storage", "could not build the certificate authority")));

    X509V3_CTX ctx;
    X509V3_set_ctx(&ctx, cert.get(), cert.get(), nullptr, nullptr, 0);
    // The subject key identifier must exist before the authority key identifier copies it.
    if (!addExtension(cert.get(), &ctx, NID_basic_constraints, "critical,CA:TRUE") ||
        !addExtension(cert.get(), &ctx, NID_key_usage, "critical,keyCertSign,cRLSign") ||
        !addExtension(cert.get(), &ctx, NID_subject_key_identifier, "hash") ||
        !addExtension(cert.get(), &ctx, NID_authority_key_identifier, "keyid:always"))
        return fail(withReason(QCoreApplication::translate(
            "quire::storage", "could not add the certificate authority's "
                              "extensions")));
    if (X509_sign(cert.get(), pkey, EVP_sha256()) <= 0)
        return fail(withReason(QCoreApplication::translate(
            "quire::storage", "could not sign the certificate authority")));
    QByteArray der = certificateDer(cert.get());
    if (der.isEmpty())
        return fail(withReason(
            QCoreApplication::translate("quire::storage", "could not encode the certificate")));
    return der;
}

Result<QByteArray> issueSigningCertificate(const EcKey &caKey, const QByteArray &caCertDer,
                                           const QByteArray &subjectPublicKeyDer,
                                           const QString &name, const QString &email, int years) {
    if (!caKey.hasPrivate())
        return fail(QCoreApplication::translate(
            "quire::storage", "issuing a certificate needs the certificate authority's "
                              "private key"));
    if (years < 1 || years > 100)
        return fail(QCoreApplication::translate(
                        "quire::storage", "a certificate must be valid for 1 to 100 years, not %1")
                        .arg(years));
    const X509Ptr caCert = parseCertificate(caCertDer);
    ERR_clear_error();
    if (!caCert)
        return fail(QCoreApplication::translate(
            "quire::storage", "the certificate authority's certificate is damaged"));
    EVP_PKEY *caPkey = caKey.impl()->pkey.get();
    if (X509_check_private_key(caCert.get(), caPkey) != 1) {
        ERR_clear_error();
        return fail(QCoreApplication::translate(
            "quire::storage", "the certificate authority's key does not belong to its "
                              "certificate"));
    }
    auto subjectKey = EcKey::fromPublicDer(subjectPublicKeyDer);
    if (!subjectKey)
        return fail(QCoreApplication::translate("quire::storage", "cannot issue a certificate: ") +
                    subjectKey.error());
    const QByteArray cn = commonNameUtf8(name);
    if (cn.isEmpty())
        return fail(QCoreApplication::translate("quire::storage",
                                                "a signing certificate needs the member's name"));
    auto emailAscii = certificateEmail(email);
    if (!emailAscii) return emailAscii.failure();

    X509Ptr cert(X509_new());
    X509NamePtr subject(X509_NAME_new());
    if (!cert || !subject || X509_set_version(cert.get(), X509_VERSION_3) != 1 ||
        !setRandomSerial(cert.get()) ||
        !setValidity(cert.get(), years, X509_get0_notAfter(caCert.get())) ||
        X509_NAME_add_entry_by_NID(subject.get(), NID_commonName, MBSTRING_UTF8, ubytes(cn),
                                   int(cn.size()), -1, 0) != 1 ||
        X509_NAME_add_entry_by_NID(subject.get(), NID_pkcs9_emailAddress, MBSTRING_UTF8,
                                   ubytes(*emailAscii), int(emailAscii->size()), -1, 0) != 1 ||
        X509_set_subject_name(cert.get(), subject.get()) != 1 ||
        X509_set_issuer_name(cert.get(), X509_get_subject_name(caCert.get())) != 1 ||
        X509_set_pubkey(cert.get(), subjectKey->impl()->pkey.get()) != 1)
        return fail(withReason(QCoreApplication::translate(
            "quire::storage", "could not build the signing certificate")));

    X509V3_CTX ctx;
    X509V3_set_ctx(&ctx, caCert.get(), cert.get(), nullptr, nullptr, 0);
    // The address goes in through a typed GENERAL_NAME, never through OpenSSL's text syntax,
    // so that a crafted address cannot smuggle in further names.
    if (!addExtension(cert.get(), &ctx, NID_basic_constraints, "CA:FALSE") ||
        !addExtension(cert.get(), &ctx, NID_key_usage,
                      "critical,digitalSignature,nonRepudiation") ||
        !addExtension(cert.get(), &ctx, NID_ext_key_usage, "emailProtection") ||
        !addExtension(cert.get(), &ctx, NID_subject_key_identifier, "hash") ||
        !addExtension(cert.get(), &ctx, NID_authority_key_identifier, "keyid:always") ||
        !addEmailAltName(cert.get(), *emailAscii))
        return fail(withReason(
            QCoreApplication::translate("quire::storage", "could not add the signing certificate's "
                                                          "extensions")));
    if (X509_sign(cert.get(), caPkey, EVP_sha256()) <= 0)
        return fail(withReason(QCoreApplication::translate(
            "quire::storage", "could not sign the member's certificate")));
    QByteArray der = certificateDer(cert.get());
    if (der.isEmpty())
        return fail(withReason(
            QCoreApplication::translate("quire::storage", "could not encode the certificate")));
    return der;
}

Result<CertificateInfo> certificateInfo(const QByteArray &certDer) {
    const X509Ptr cert = parseCertificate(certDer);
    ERR_clear_error();
    if (!cert)
        return fail(QCoreApplication::translate("quire::storage",
                                                "the certificate is damaged or not DER X.509"));
    CertificateInfo info;
    const X509_NAME *subject = X509_get_subject_name(cert.get());
    info.commonName = nameEntry(subject, NID_commonName);
    // The alternative name is where RFC 5280 puts addresses; the subject field is the fallback.
    int critical = 0;
    GeneralNamesPtr altNames(static_cast<GENERAL_NAMES *>(
        X509_get_ext_d2i(cert.get(), NID_subject_alt_name, &critical, nullptr)));
    for (int i = 0; altNames && i < sk_GENERAL_NAME_num(altNames.get()); ++i) {
        int type = 0;
        const auto *value = static_cast<const ASN1_STRING *>(
            GENERAL_NAME_get0_value(sk_GENERAL_NAME_value(altNames.get(), i), &type));
        if (type == GEN_EMAIL) {
            info.email = asn1StringUtf8(value);
            break;
        }
    }
    if (info.email.isEmpty()) info.email = nameEntry(subject, NID_pkcs9_emailAddress);
    const X509_PUBKEY *spki = X509_get_X509_PUBKEY(cert.get());
    info.subjectPublicKeyDer = derOf(spki, i2d_X509_PUBKEY);
    info.notBefore = asn1TimeToUtc(X509_get0_notBefore(cert.get()));
    info.notAfter = asn1TimeToUtc(X509_get0_notAfter(cert.get()));
    info.isCa = (X509_get_extension_flags(cert.get()) & EXFLAG_CA) != 0;
    ERR_clear_error();
    return info;
}

Result<void> verifyCertificateChain(const QByteArray &certDer, const QByteArray &caCertDer) {
    const X509Ptr cert = parseCertificate(certDer);
    const X509Ptr ca = parseCertificate(caCertDer);
    ERR_clear_error();
    if (!cert)
        return fail(QCoreApplication::translate("quire::storage",
                                                "the certificate is damaged or not DER X.509"));
    if (!ca)
        return fail(QCoreApplication::translate(
            "quire::storage", "the certificate authority's certificate is damaged or not DER "
                              "X.509"));
    if (X509_self_signed(ca.get(), 1) != 1) {
        ERR_clear_error();
        return fail(QCoreApplication::translate(
            "quire::storage", "the notebook's certificate authority is not self-signed, or "
                              "its signature does not match"));
    }
    X509StorePtr store(X509_STORE_new());
    X509StoreCtxPtr ctx(X509_STORE_CTX_new());
    if (!store || !ctx || X509_STORE_add_cert(store.get(), ca.get()) != 1 ||
        X509_STORE_CTX_init(ctx.get(), store.get(), cert.get(), nullptr) != 1 ||
        X509_STORE_CTX_set_purpose(ctx.get(), X509_PURPOSE_ANY) != 1)
        return fail(withReason(QCoreApplication::translate(
            "quire::storage", "could not set up certificate verification")));
    const int verified = X509_verify_cert(ctx.get());
    ERR_clear_error();
    if (verified != 1)
        return fail(chainErrorMessage(X509_STORE_CTX_get_error(ctx.get()), cert.get()));
    return {};
}

QByteArray certificatePem(const QByteArray &certDer) {
    if (certDer.isEmpty()) return {};
    const QByteArray b64 = certDer.toBase64();
    QByteArray pem = "-----BEGIN CERTIFICATE-----\n";
    for (qsizetype i = 0; i < b64.size(); i += 64)
        pem += b64.mid(i, 64) + '\n';
    pem += "-----END CERTIFICATE-----\n";
    return pem;
}

QList<QByteArray> certificatesFromPem(const QByteArray &pem) {
    static const QByteArray begin = "-----BEGIN CERTIFICATE-----";
    static const QByteArray end = "-----END CERTIFICATE-----";
    QList<QByteArray> out;
    qsizetype at = 0;
    while ((at = pem.indexOf(begin, at)) >= 0) {
        const qsizetype stop = pem.indexOf(end, at);
        if (stop < 0) break;
        out << QByteArray::fromBase64(pem.mid(at + begin.size(), stop - at - begin.size()));
        at = stop + end.size();
    }
    return out;
}

// ---- certificate requests (PKCS#10) ---------------------------------------------------------

namespace {

using X509ReqPtr = std::unique_ptr<X509_REQ, Deleter<X509_REQ_free>>;

// A request's CN must survive into the certificate byte for byte (the join request repeats the
// name beside it), so a name that would be trimmed or cut is refused instead of altered.
Result<QByteArray> requestCommonName(const QString &name) {
    if (name.trimmed().isEmpty())
        return fail(QCoreApplication::translate("quire::storage",
                                                "a certificate request needs the member's name"));
    if (name != name.trimmed())
        return fail(
            QCoreApplication::translate(
                "quire::storage", "the name \"%1\" starts or ends with white space; remove it")
                .arg(name));
    const QList<uint> characters = name.toUcs4();
    if (characters.size() > 64)
        return fail(
            QCoreApplication::translate("quire::storage",
                                        "the name \"%1\" has %2 characters; a certificate holds at "
                                        "most 64")
                .arg(name)
                .arg(characters.size()));
    for (const uint c : characters)
        if (c < 0x20 || (c >= 0x7f && c < 0xa0))
            return fail(QCoreApplication::translate("quire::storage",
                                                    "the name \"%1\" contains a control character")
                            .arg(name));
    return name.toUtf8();
}

// Exactly one entry of the NID, or an empty string (with found = false) when there is none or
// more than one.
QString onlyNameEntry(const X509_NAME *name, int nid, bool &found) {
    const int index = X509_NAME_get_index_by_NID(name, nid, -1);
    found = index >= 0 && X509_NAME_get_index_by_NID(name, nid, index) < 0;
    if (!found) return {};
    return asn1StringUtf8(X509_NAME_ENTRY_get_data(X509_NAME_get_entry(name, index)));
}

} // namespace

Result<QByteArray> makeCertificateRequest(const EcKey &key, const QString &name,
                                          const QString &email) {
    if (!key.hasPrivate())
        return fail(QCoreApplication::translate(
            "quire::storage", "a certificate request needs the private signing key"));
    if (!isP256(key.impl()->pkey.get()))
        return fail(QCoreApplication::translate("quire::storage",
                                                "a certificate request needs a P-256 key"));
    auto cn = requestCommonName(name);
    if (!cn) return cn.failure();
    if (email != email.trimmed())
        return fail(
            QCoreApplication::translate("quire::storage",
                                        "the email address \"%1\" starts or ends with white space; "
                                        "remove it")
                .arg(email));
    auto emailAscii = certificateEmail(email);
    if (!emailAscii) return emailAscii.failure();

    EVP_PKEY *pkey = key.impl()->pkey.get();
    X509ReqPtr req(X509_REQ_new());
    X509NamePtr subject(X509_NAME_new());
    if (!req || !subject || X509_REQ_set_version(req.get(), X509_REQ_VERSION_1) != 1 ||
        X509_NAME_add_entry_by_NID(subject.get(), NID_commonName, MBSTRING_UTF8, ubytes(*cn),
                                   int(cn->size()), -1, 0) != 1 ||
        X509_NAME_add_entry_by_NID(subject.get(), NID_pkcs9_emailAddress, MBSTRING_UTF8,
                                   ubytes(*emailAscii), int(emailAscii->size()), -1, 0) != 1 ||
        X509_REQ_set_subject_name(req.get(), subject.get()) != 1 ||
        X509_REQ_set_pubkey(req.get(), pkey) != 1)
        return fail(withReason(QCoreApplication::translate(
            "quire::storage", "could not build the certificate request")));
    if (X509_REQ_sign(req.get(), pkey, EVP_sha256()) <= 0)
        return fail(withReason(QCoreApplication::translate(
            "quire::storage", "could not sign the certificate request")));
    QByteArray der = derOf(req.get(), i2d_X509_REQ);
    if (der.isEmpty())
        return fail(withReason(QCoreApplication::translate(
            "quire::storage", "could not encode the certificate request")));
    return der;
}

Result<CertificateRequestInfo> certificateRequestInfo(const QByteArray &csrDer) {
    const unsigned char *p = ubytes(csrDer);
    X509ReqPtr req(d2i_X509_REQ(nullptr, &p, long(csrDer.size())));
    const bool whole = req && p == ubytes(csrDer) + csrDer.size();
    ERR_clear_error();
    if (!whole)
        return fail(QCoreApplication::translate(
            "quire::storage", "the certificate request is damaged or not a DER PKCS#10 "
                              "request"));
    if (X509_REQ_get_version(req.get()) != X509_REQ_VERSION_1)
        return fail(QCoreApplication::translate("quire::storage",
                                                "the certificate request has an unknown version"));
    EVP_PKEY *pkey = X509_REQ_get0_pubkey(req.get());
    ERR_clear_error();
    if (!pkey || !isP256(pkey))
        return fail(QCoreApplication::translate(
            "quire::storage", "the certificate request's key is not a P-256 key"));
    // Anything weaker than what we make (say SHA-1) would still verify; only our own kind of
    // request is accepted.
    if (X509_REQ_get_signature_nid(req.get()) != NID_ecdsa_with_SHA256)
        return fail(QCoreApplication::translate(
            "quire::storage", "the certificate request is not signed with ECDSA-SHA256"));
    const int verified = X509_REQ_verify(req.get(), pkey);
    ERR_clear_error();
    if (verified != 1)
        return fail(QCoreApplication::translate(
            "quire::storage", "the certificate request is not signed by its key: it was "
                              "changed after it was made"));

    const X509_NAME *subject = X509_REQ_get_subject_name(req.get());
    CertificateRequestInfo info;
    bool hasName = false;
    bool hasEmail = false;
    info.commonName = onlyNameEntry(subject, NID_commonName, hasName);
    info.email = onlyNameEntry(subject, NID_pkcs9_emailAddress, hasEmail);
    if (!hasName || !hasEmail || X509_NAME_entry_count(subject) != 2)
        return fail(QCoreApplication::translate(
            "quire::storage", "the certificate request must name exactly one person (one "
                              "common name and one email address)"));
    info.subjectPublicKeyDer = derOf(pkey, i2d_PUBKEY);
    ERR_clear_error();
    if (info.subjectPublicKeyDer.isEmpty())
        return fail(QCoreApplication::translate("quire::storage",
                                                "could not read the certificate request's key"));
    return info;
}

bool constantTimeEqual(const QByteArray &a, const QByteArray &b) {
    if (a.size() != b.size()) return false;
    if (a.isEmpty()) return true;
    return CRYPTO_memcmp(a.constData(), b.constData(), size_t(a.size())) == 0;
}

QByteArray toHex(const QByteArray &raw) {
    return raw.toHex();
}

QByteArray fromHex(const QByteArray &hex) {
    if (hex.size() % 2 != 0) return {};
    for (const char c : hex) {
        const bool digit =
            (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');
        if (!digit) return {};
    }
    return QByteArray::fromHex(hex);
}

} // namespace quire::crypto
