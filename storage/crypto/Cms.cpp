#include "crypto/Cms.h"

#include "OpenSslPtr.h"

#include <openssl/asn1.h>
#include <openssl/bio.h>
#include <openssl/cms.h>
#include <openssl/err.h>
#include <openssl/ess.h>
#include <openssl/evp.h>
#include <openssl/objects.h>
#include <openssl/x509.h>
#include <openssl/x509_vfy.h>

#include <climits>
#include <ctime>
#include <memory>

#include <QCoreApplication>

namespace quire::cms {

namespace {

using namespace quire::openssl;
struct X509StackDeleter {
    void operator()(STACK_OF(X509) * stack) const { sk_X509_pop_free(stack, X509_free); }
};
using CmsPtr = std::unique_ptr<CMS_ContentInfo, Deleter<CMS_ContentInfo_free>>;
using X509StackPtr = std::unique_ptr<STACK_OF(X509), X509StackDeleter>;
using EssV2Ptr = std::unique_ptr<ESS_SIGNING_CERT_V2, Deleter<ESS_SIGNING_CERT_V2_free>>;

// The oldest error on OpenSSL's (per-thread) queue, for messages; the queue is emptied so that
// a stale error never explains a later, unrelated failure.
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

template <typename T, typename Fn> QByteArray derOf(const T *object, Fn i2d) {
    unsigned char *buffer = nullptr;
    const int length = i2d(object, &buffer);
    if (length <= 0 || !buffer) return {};
    QByteArray out(reinterpret_cast<const char *>(buffer), length);
    OPENSSL_free(buffer);
    return out;
}

// Trailing bytes after the DER would be data nobody signed or checked; refuse them.
template <typename Owner, typename Fn> Owner parseWhole(const QByteArray &der, Fn d2i) {
    if (der.isEmpty() || der.size() > LONG_MAX) return {};
    const unsigned char *p = ubytes(der);
    Owner object(d2i(nullptr, &p, long(der.size())));
    ERR_clear_error();
    if (object && p != ubytes(der) + der.size()) object.reset();
    return object;
}

X509Ptr parseCertificate(const QByteArray &der) {
    return parseWhole<X509Ptr>(der, d2i_X509);
}

BioPtr memoryBio(const QByteArray &bytes) {
    if (bytes.size() > INT_MAX) return {};
    return BioPtr(BIO_new_mem_buf(bytes.constData(), int(bytes.size())));
}

QDateTime fromTm(const std::tm &tm) {
    const QDate date(tm.tm_year + 1900, tm.tm_mon + 1, tm.tm_mday);
    const QTime time(tm.tm_hour, tm.tm_min, tm.tm_sec);
    if (!date.isValid() || !time.isValid()) return {};
    return QDateTime(date, time, Qt::UTC);
}

// The signer's own claim of when it signed; a null time when absent or malformed, because
// nothing in §3 depends on it (trusted time comes from anchors, §4).
QDateTime signingTimeOf(const CMS_SignerInfo *si) {
    const int index = CMS_signed_get_attr_by_NID(si, NID_pkcs9_signingTime, -1);
    if (index < 0) return {};
    X509_ATTRIBUTE *attribute = CMS_signed_get_attr(si, index);
    if (!attribute || X509_ATTRIBUTE_count(attribute) != 1) return {};
    const ASN1_TYPE *value = X509_ATTRIBUTE_get0_type(attribute, 0);
    if (!value || (value->type != V_ASN1_UTCTIME && value->type != V_ASN1_GENERALIZEDTIME))
        return {};
    std::tm tm{};
    if (ASN1_TIME_to_tm(value->value.asn1_string, &tm) != 1) {
        ERR_clear_error();
        return {};
    }
    return fromTm(tm);
}

struct ParsedSignature {
    CmsPtr cms;
    CMS_SignerInfo *signerInfo = nullptr; // owned by cms
    X509Ptr signer;
    QByteArray signerDer;
};

// The structure every reader relies on: SignedData, one signer, its certificate embedded.
Result<ParsedSignature> parseSignedData(const QByteArray &cmsDer) {
    ParsedSignature parsed;
    parsed.cms = parseWhole<CmsPtr>(cmsDer, d2i_CMS_ContentInfo);
    if (!parsed.cms || CMS_get0_type(parsed.cms.get()) == nullptr ||
        OBJ_obj2nid(CMS_get0_type(parsed.cms.get())) != NID_pkcs7_signed)
        return fail(QCoreApplication::translate(
            "quire::storage", "the electronic signature is damaged: it is not a CMS "
                              "signed-data structure"));

    STACK_OF(CMS_SignerInfo) *signerInfos = CMS_get0_SignerInfos(parsed.cms.get());
    const int signers = signerInfos ? sk_CMS_SignerInfo_num(signerInfos) : 0;
    if (signers != 1)
        return fail(QCoreApplication::translate(
                        "quire::storage", "the electronic signature has %1 signers; a notebook "
                                          "signature has exactly one")
                        .arg(signers));
    parsed.signerInfo = sk_CMS_SignerInfo_value(signerInfos, 0);

    const X509StackPtr certs(CMS_get1_certs(parsed.cms.get()));
    for (int i = 0; certs && i < sk_X509_num(certs.get()); ++i) {
        X509 *candidate = sk_X509_value(certs.get(), i);
        if (CMS_SignerInfo_cert_cmp(parsed.signerInfo, candidate) == 0) {
            if (X509_up_ref(candidate) != 1) break;
            parsed.signer.reset(candidate);
            break;
        }
    }
    ERR_clear_error();
    if (!parsed.signer)
        return fail(QCoreApplication::translate(
            "quire::storage", "the electronic signature does not carry its signer's "
                              "certificate"));
    // X509 keeps the encoding it was parsed from, so these are the embedded bytes unchanged.
    parsed.signerDer = derOf(parsed.signer.get(), i2d_X509);
    if (parsed.signerDer.isEmpty())
        return fail(withReason(QCoreApplication::translate(
            "quire::storage", "could not read the signer's certificate")));
    return parsed;
}

QString digestName(const X509_ALGOR *algorithm) {
    const ASN1_OBJECT *object = nullptr;
    X509_ALGOR_get0(&object, nullptr, nullptr, algorithm);
    char name[80] = {};
    if (!object || OBJ_obj2txt(name, sizeof name, object, 0) <= 0) return QStringLiteral("?");
    return QString::fromLatin1(name);
}

// Verification ignores certificate validity periods (X509_V_FLAG_NO_CHECK_TIME) rather than
// checking them at the signingTime: that attribute is the signer's own unproven claim, so it
// adds nothing a forger could not set, and a signature made while the certificate was valid
// must stay verifiable after it expires. When something was signed is proven by anchors (§4).
X509StorePtr notebookStore(X509 *caCert) {
    X509StorePtr store(X509_STORE_new());
    if (!store || X509_STORE_add_cert(store.get(), caCert) != 1 ||
        X509_STORE_set_flags(store.get(), X509_V_FLAG_NO_CHECK_TIME) != 1 ||
        X509_STORE_set_purpose(store.get(), X509_PURPOSE_ANY) != 1)
        return {};
    return store;
}

bool isIssuerProblem(int error) {
    switch (error) {
    case X509_V_ERR_UNABLE_TO_GET_ISSUER_CERT:
    case X509_V_ERR_UNABLE_TO_GET_ISSUER_CERT_LOCALLY:
    case X509_V_ERR_UNABLE_TO_VERIFY_LEAF_SIGNATURE:
    case X509_V_ERR_CERT_SIGNATURE_FAILURE:
    case X509_V_ERR_DEPTH_ZERO_SELF_SIGNED_CERT:
    case X509_V_ERR_SELF_SIGNED_CERT_IN_CHAIN:
        return true;
    default:
        return false;
    }
}

} // namespace

Result<QByteArray> signDetached(const crypto::EcKey &key, const QByteArray &certDer,
                                const QByteArray &content) {
    if (!key.hasPrivate())
        return fail(QCoreApplication::translate("quire::storage",
                                                "signing needs the member's private signing key"));
    const X509Ptr cert = parseCertificate(certDer);
    if (!cert)
        return fail(
            QCoreApplication::translate("quire::storage", "the signing certificate is damaged"));

    PkeyPtr pkey;
    {
        // SecureBytes wipes the only copy of the PKCS#8 encoding when this scope ends.
        const crypto::SecureBytes keyDer = key.privateDer();
        const unsigned char *p = ubytes(keyDer.bytes());
        pkey.reset(d2i_AutoPrivateKey(nullptr, &p, long(keyDer.size())));
    }
    if (!pkey)
        return fail(withReason(
            QCoreApplication::translate("quire::storage", "could not load the signing key")));
    if (X509_check_private_key(cert.get(), pkey.get()) != 1) {
        ERR_clear_error();
        return fail(QCoreApplication::translate(
            "quire::storage", "the signing key does not belong to the signing certificate"));
    }

    const BioPtr in = memoryBio(content);
    if (!in)
        return fail(
            QCoreApplication::translate("quire::storage", "the statement to sign is too large"));
    // CMS_BINARY: the statement is canonical JSON bytes, never MIME text to be rewritten.
    // CMS_PARTIAL: add the signer ourselves so that the digest is SHA-256 by choice, not by
    // OpenSSL's default for the key type.
    const unsigned int flags = CMS_BINARY | CMS_DETACHED;
    CmsPtr cms(CMS_sign(nullptr, nullptr, nullptr, nullptr, flags | CMS_PARTIAL));
    // CMS_CADES adds signing-certificate-v2 (SHA-256 is not SHA-1, so v2, with issuerSerial);
    // S/MIME capabilities say nothing about a signature record, so they are left out.
    if (!cms || !CMS_add1_signer(cms.get(), cert.get(), pkey.get(), EVP_sha256(),
                                 flags | CMS_CADES | CMS_NOSMIMECAP))
        return fail(withReason(QCoreApplication::translate(
            "quire::storage", "could not prepare the electronic signature")));
    if (CMS_final(cms.get(), in.get(), nullptr, flags) != 1)
        return fail(withReason(QCoreApplication::translate(
            "quire::storage", "could not make the electronic signature")));
    QByteArray der = derOf(cms.get(), i2d_CMS_ContentInfo);
    if (der.isEmpty())
        return fail(withReason(QCoreApplication::translate(
            "quire::storage", "could not encode the electronic signature")));
    return der;
}

Result<SignerInfo> read(const QByteArray &cmsDer) {
    auto parsed = parseSignedData(cmsDer);
    if (!parsed) return parsed.failure();
    return SignerInfo{parsed->signerDer, signingTimeOf(parsed->signerInfo)};
}

Result<SignerInfo> verifyDetached(const QByteArray &cmsDer, const QByteArray &content,
                                  const QByteArray &caCertDer) {
    auto parsed = parseSignedData(cmsDer);
    if (!parsed) return parsed.failure();
    CMS_ContentInfo *cms = parsed->cms.get();
    CMS_SignerInfo *si = parsed->signerInfo;

    // Attached content would let the record's statement and the signed bytes disagree.
    if (CMS_is_detached(cms) != 1)
        return fail(QCoreApplication::translate(
            "quire::storage", "the electronic signature contains its own copy of the "
                              "statement; a notebook signature must be detached"));
    const ASN1_OBJECT *contentType = CMS_get0_eContentType(cms);
    if (!contentType || OBJ_obj2nid(contentType) != NID_pkcs7_data)
        return fail(QCoreApplication::translate("quire::storage",
                                                "the electronic signature is not over plain data"));
    X509_ALGOR *digest = nullptr;
    CMS_SignerInfo_get0_algs(si, nullptr, nullptr, &digest, nullptr);
    if (!digest)
        return fail(QCoreApplication::translate("quire::storage",
                                                "the electronic signature names no digest"));
    const ASN1_OBJECT *digestObject = nullptr;
    X509_ALGOR_get0(&digestObject, nullptr, nullptr, digest);
    if (OBJ_obj2nid(digestObject) != NID_sha256)
        return fail(
            QCoreApplication::translate("quire::storage",
                                        "the electronic signature uses the digest %1, not SHA-256")
                .arg(digestName(digest)));
    const int essIndex = CMS_signed_get_attr_by_NID(si, NID_id_smime_aa_signingCertificateV2, -1);
    if (essIndex < 0)
        return fail(QCoreApplication::translate(
            "quire::storage", "the signature has no signing-certificate-v2 attribute"));
    if (CMS_signed_get_attr_by_NID(si, NID_id_smime_aa_signingCertificateV2, essIndex) >= 0)
        return fail(QCoreApplication::translate(
            "quire::storage", "the signature has more than one signing-certificate-v2 "
                              "attribute"));

    const X509Ptr caCert = parseCertificate(caCertDer);
    if (!caCert)
        return fail(QCoreApplication::translate("quire::storage",
                                                "the notebook's certificate authority is damaged"));
    const X509StorePtr store = notebookStore(caCert.get());
    const X509StoreCtxPtr chainCtx(X509_STORE_CTX_new());
    // No untrusted intermediates: the notebook CA issues member certificates itself, so a
    // chain through any certificate the signature brings along is never right.
    if (!store || !chainCtx ||
        X509_STORE_CTX_init(chainCtx.get(), store.get(), parsed->signer.get(), nullptr) != 1)
        return fail(withReason(QCoreApplication::translate(
            "quire::storage", "could not check the signer's certificate")));
    if (X509_verify_cert(chainCtx.get()) != 1) {
        const int error = X509_STORE_CTX_get_error(chainCtx.get());
        ERR_clear_error();
        if (isIssuerProblem(error))
            return fail(QCoreApplication::translate(
                "quire::storage", "the signer's certificate is not issued by this notebook"));
        return fail(
            QCoreApplication::translate(
                "quire::storage", "the signer's certificate is not valid for this notebook (%1)")
                .arg(QString::fromLatin1(X509_verify_cert_error_string(error))));
    }
    const STACK_OF(X509) *chain = X509_STORE_CTX_get0_chain(chainCtx.get());

    // The chain is already checked; CMS_verify now checks the signed attributes' signature and
    // the messageDigest over the statement, using exactly the certificate checked above
    // (CMS_NOINTERN), so a second certificate with the same issuer and serial cannot stand in.
    X509StackPtr signerOnly(sk_X509_new_null());
    if (!signerOnly || X509_up_ref(parsed->signer.get()) != 1)
        return fail(QCoreApplication::translate(
            "quire::storage", "out of memory while checking the electronic signature"));
    if (!sk_X509_push(signerOnly.get(), parsed->signer.get())) {
        X509_free(parsed->signer.get());
        return fail(QCoreApplication::translate(
            "quire::storage", "out of memory while checking the electronic signature"));
    }
    const BioPtr contentBio = memoryBio(content);
    if (!contentBio)
        return fail(
            QCoreApplication::translate("quire::storage", "the signed statement is too large"));
    if (CMS_verify(cms, signerOnly.get(), nullptr, contentBio.get(), nullptr,
                   CMS_BINARY | CMS_NOINTERN | CMS_NO_SIGNER_CERT_VERIFY) != 1) {
        ERR_clear_error();
        return fail(QCoreApplication::translate(
            "quire::storage", "the signature does not match the signed statement"));
    }

    // Binds the signature to this certificate, not merely to its key (RFC 5035): OpenSSL's own
    // ESS check compares each certHash (and issuerSerial, when present) with the verified chain
    // and requires the first to name the signer.
    X509_ATTRIBUTE *essAttribute = CMS_signed_get_attr(si, essIndex);
    const ASN1_TYPE *essValue = essAttribute && X509_ATTRIBUTE_count(essAttribute) == 1
                                    ? X509_ATTRIBUTE_get0_type(essAttribute, 0)
                                    : nullptr;
    if (!essValue || essValue->type != V_ASN1_SEQUENCE || !essValue->value.sequence)
        return fail(QCoreApplication::translate(
            "quire::storage", "the signature's signing-certificate-v2 attribute is damaged"));
    const QByteArray essDer(reinterpret_cast<const char *>(essValue->value.sequence->data),
                            essValue->value.sequence->length);
    const EssV2Ptr ess = parseWhole<EssV2Ptr>(essDer, d2i_ESS_SIGNING_CERT_V2);
    if (!ess)
        return fail(QCoreApplication::translate(
            "quire::storage", "the signature's signing-certificate-v2 attribute is damaged"));
    if (OSSL_ESS_check_signing_certs(nullptr, ess.get(), chain, 1) <= 0) {
        ERR_clear_error();
        return fail(QCoreApplication::translate(
            "quire::storage", "the signature's signing-certificate-v2 attribute does not "
                              "name the signer's certificate"));
    }
    return SignerInfo{parsed->signerDer, signingTimeOf(si)};
}

} // namespace quire::cms
