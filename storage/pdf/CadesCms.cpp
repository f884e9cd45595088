#include "pdf/CadesCms.h"

#include "crypto/Crypto.h"
#include "OpenSslPtr.h"

#include <openssl/cms.h>
#include <openssl/err.h>
#include <openssl/ess.h>
#include <openssl/objects.h>
#include <openssl/x509.h>
#include <openssl/x509_vfy.h>

#include <algorithm>
#include <climits>

#include <QCoreApplication>

namespace quire::pdf::cades {

namespace {

using namespace quire::openssl;
using CmsPtr = std::unique_ptr<CMS_ContentInfo, Deleter<CMS_ContentInfo_free>>;
using EssV2Ptr = std::unique_ptr<ESS_SIGNING_CERT_V2, Deleter<ESS_SIGNING_CERT_V2_free>>;
struct X509StackDeleter {
    void operator()(STACK_OF(X509) * stack) const { sk_X509_pop_free(stack, X509_free); }
};
using X509StackPtr = std::unique_ptr<STACK_OF(X509), X509StackDeleter>;

// DER content octets of the object identifiers used here.
const QByteArray kOidSignedData = QByteArray::fromHex("2a864886f70d010702");
const QByteArray kOidData = QByteArray::fromHex("2a864886f70d010701");
const QByteArray kOidSha256 = QByteArray::fromHex("608648016503040201");
const QByteArray kOidEcdsaSha256 = QByteArray::fromHex("2a8648ce3d040302");
const QByteArray kOidContentType = QByteArray::fromHex("2a864886f70d010903");
const QByteArray kOidMessageDigest = QByteArray::fromHex("2a864886f70d010904");
const QByteArray kOidSigningCertificateV2 = QByteArray::fromHex("2a864886f70d010910022f");
const QByteArray kOidSignatureTimeStampToken = QByteArray::fromHex("2a864886f70d010910020e");

QByteArray tlv(quint8 tag, const QByteArray &content) {
    QByteArray out(1, char(tag));
    const qsizetype n = content.size();
    if (n < 0x80) {
        out += char(n);
    } else {
        QByteArray length;
        for (qsizetype rest = n; rest > 0; rest >>= 8)
            length.prepend(char(rest & 0xff));
        out += char(0x80 | length.size());
        out += length;
    }
    return out + content;
}
QByteArray sequence(const QByteArray &content) {
    return tlv(0x30, content);
}
QByteArray oid(const QByteArray &content) {
    return tlv(0x06, content);
}
QByteArray octets(const QByteArray &content) {
    return tlv(0x04, content);
}
QByteArray algorithm(const QByteArray &oidContent) {
    return sequence(oid(oidContent));
}

// DER SET OF: the elements in ascending order of their encodings (X.690 §11.6).
QByteArray setOf(QList<QByteArray> elements, quint8 tag = 0x31) {
    std::sort(elements.begin(), elements.end(), [](const QByteArray &a, const QByteArray &b) {
        const qsizetype n = std::max(a.size(), b.size());
        for (qsizetype i = 0; i < n; ++i) {
            const quint8 x = i < a.size() ? quint8(a[i]) : 0;
            const quint8 y = i < b.size() ? quint8(b[i]) : 0;
            if (x != y) return x < y;
        }
        return false;
    });
    return tlv(tag, elements.join());
}

QByteArray attribute(const QByteArray &oidContent, const QByteArray &value) {
    return sequence(oid(oidContent) + setOf({value}));
}

template <typename T, typename Fn> QByteArray derOf(const T *object, Fn i2d) {
    unsigned char *buffer = nullptr;
    const int length = i2d(object, &buffer);
    if (length <= 0 || !buffer) return {};
    QByteArray out(reinterpret_cast<const char *>(buffer), length);
    OPENSSL_free(buffer);
    return out;
}

const unsigned char *ubytes(const QByteArray &b) {
    return reinterpret_cast<const unsigned char *>(b.constData());
}

template <typename Owner, typename Fn> Owner parseWhole(const QByteArray &der, Fn d2i) {
    if (der.isEmpty() || der.size() > LONG_MAX) return {};
    const unsigned char *p = ubytes(der);
    Owner object(d2i(nullptr, &p, long(der.size())));
    ERR_clear_error();
    if (object && p != ubytes(der) + der.size()) object.reset();
    return object;
}

QByteArray asn1TypeDer(const ASN1_TYPE *value) {
    if (!value) return {};
    return derOf(value, i2d_ASN1_TYPE);
}

// The single value of a signed or unsigned attribute, as DER, or empty.
QByteArray attributeValue(X509_ATTRIBUTE *attribute) {
    if (!attribute || X509_ATTRIBUTE_count(attribute) != 1) return {};
    return asn1TypeDer(X509_ATTRIBUTE_get0_type(attribute, 0));
}

} // namespace

Result<void> Builder::sign(const QByteArray &contentDigest, const QByteArray &signerCertDer,
                           const QList<QByteArray> &extraCerts, const SignFunction &signer) {
    const X509Ptr cert = parseWhole<X509Ptr>(signerCertDer, d2i_X509);
    if (!cert)
        return fail(
            QCoreApplication::translate("quire::storage", "the signing certificate is damaged"));
    const QByteArray issuer = derOf(X509_get_issuer_name(cert.get()), i2d_X509_NAME);
    const QByteArray serial = derOf(X509_get0_serialNumber(cert.get()), i2d_ASN1_INTEGER);
    if (issuer.isEmpty() || serial.isEmpty())
        return fail(QCoreApplication::translate("quire::storage",
                                                "could not read the signing certificate's issuer"));
    QList<QByteArray> certs{signerCertDer};
    for (const QByteArray &extra : extraCerts) {
        if (!parseWhole<X509Ptr>(extra, d2i_X509))
            return fail(QCoreApplication::translate(
                "quire::storage", "a certificate to embed in the signature is damaged"));
        if (!certs.contains(extra)) certs << extra;
    }
    m_certificates = setOf(certs, 0xa0);
    m_sid = sequence(issuer + serial);

    // ESSCertIDv2 with the default hash (SHA-256, so hashAlgorithm is omitted) and issuerSerial:
    // GeneralNames { directoryName [4] issuer }.
    const QByteArray essCertId = sequence(octets(crypto::sha256(signerCertDer)) +
                                          sequence(sequence(tlv(0xa4, issuer)) + serial));
    const QByteArray signingCertificateV2 = sequence(sequence(essCertId));
    m_signedAttrs = setOf({attribute(kOidContentType, oid(kOidData)),
                           attribute(kOidMessageDigest, octets(contentDigest)),
                           attribute(kOidSigningCertificateV2, signingCertificateV2)});
    auto signature = signer(m_signedAttrs);
    if (!signature) return signature.failure();
    if (signature->isEmpty())
        return fail(
            QCoreApplication::translate("quire::storage", "the signing key gave no signature"));
    m_signature = *signature;
    return {};
}

QByteArray Builder::encode(const QByteArray &signatureTimeStampToken) const {
    QByteArray signedAttrs = m_signedAttrs;
    signedAttrs[0] = char(0xa0); // [0] IMPLICIT in SignerInfo; signed as SET OF (0x31)
    QByteArray signerInfo = tlv(0x02, QByteArray(1, 1)) + m_sid + algorithm(kOidSha256) +
                            signedAttrs + algorithm(kOidEcdsaSha256) + octets(m_signature);
    if (!signatureTimeStampToken.isEmpty())
        signerInfo +=
            setOf({attribute(kOidSignatureTimeStampToken, signatureTimeStampToken)}, 0xa1);
    const QByteArray signedData =
        sequence(tlv(0x02, QByteArray(1, 1)) + setOf({algorithm(kOidSha256)}) +
                 sequence(oid(kOidData)) + m_certificates + setOf({sequence(signerInfo)}));
    return sequence(oid(kOidSignedData) + tlv(0xa0, signedData));
}

namespace {

struct ParsedCms {
    CmsPtr cms;
    CMS_SignerInfo *signerInfo = nullptr;
    X509 *signer = nullptr; // owned by `certs`
    X509StackPtr certs;
};

Result<ParsedCms> parseCms(const QByteArray &cmsDer) {
    ParsedCms parsed;
    parsed.cms = parseWhole<CmsPtr>(cmsDer, d2i_CMS_ContentInfo);
    if (!parsed.cms || OBJ_obj2nid(CMS_get0_type(parsed.cms.get())) != NID_pkcs7_signed)
        return fail(QCoreApplication::translate(
            "quire::storage", "the signature is damaged: it is not a CMS signed-data "
                              "structure"));
    STACK_OF(CMS_SignerInfo) *infos = CMS_get0_SignerInfos(parsed.cms.get());
    if (!infos || sk_CMS_SignerInfo_num(infos) != 1)
        return fail(QCoreApplication::translate("quire::storage",
                                                "the signature does not have exactly one signer"));
    parsed.signerInfo = sk_CMS_SignerInfo_value(infos, 0);
    parsed.certs.reset(CMS_get1_certs(parsed.cms.get()));
    for (int i = 0; parsed.certs && i < sk_X509_num(parsed.certs.get()); ++i) {
        X509 *candidate = sk_X509_value(parsed.certs.get(), i);
        if (CMS_SignerInfo_cert_cmp(parsed.signerInfo, candidate) == 0) {
            parsed.signer = candidate;
            break;
        }
    }
    ERR_clear_error();
    if (!parsed.signer)
        return fail(QCoreApplication::translate(
            "quire::storage", "the signature does not carry its signer's certificate"));
    return parsed;
}

} // namespace

Result<Parsed> parse(const QByteArray &cmsDer) {
    auto cms = parseCms(cmsDer);
    if (!cms) return cms.failure();
    Parsed out;
    out.signerCertDer = derOf(cms->signer, i2d_X509);
    for (int i = 0; i < sk_X509_num(cms->certs.get()); ++i)
        out.certificates << derOf(sk_X509_value(cms->certs.get(), i), i2d_X509);
    const ASN1_OCTET_STRING *value = CMS_SignerInfo_get0_signature(cms->signerInfo);
    if (value)
        out.signatureValue =
            QByteArray(reinterpret_cast<const char *>(ASN1_STRING_get0_data(value)),
                       ASN1_STRING_length(value));
    const int tst =
        CMS_unsigned_get_attr_by_NID(cms->signerInfo, NID_id_smime_aa_timeStampToken, -1);
    if (tst >= 0) out.timeStampToken = attributeValue(CMS_unsigned_get_attr(cms->signerInfo, tst));
    out.hasSigningTime =
        CMS_signed_get_attr_by_NID(cms->signerInfo, NID_pkcs9_signingTime, -1) >= 0;
    out.hasSigningCertificateV2 =
        CMS_signed_get_attr_by_NID(cms->signerInfo, NID_id_smime_aa_signingCertificateV2, -1) >= 0;
    return out;
}

Result<void> verifyIntegrity(const QByteArray &cmsDer, const QByteArray &contentDigest) {
    auto cms = parseCms(cmsDer);
    if (!cms) return cms.failure();
    CMS_SignerInfo *si = cms->signerInfo;
    if (CMS_is_detached(cms->cms.get()) != 1)
        return fail(QCoreApplication::translate(
            "quire::storage", "the signature carries content of its own; a PDF signature "
                              "is detached"));
    X509_ALGOR *digest = nullptr;
    CMS_SignerInfo_get0_algs(si, nullptr, nullptr, &digest, nullptr);
    const ASN1_OBJECT *digestObject = nullptr;
    if (digest) X509_ALGOR_get0(&digestObject, nullptr, nullptr, digest);
    if (!digestObject || OBJ_obj2nid(digestObject) != NID_sha256)
        return fail(
            QCoreApplication::translate("quire::storage", "the signature does not use SHA-256"));

    const int mdIndex = CMS_signed_get_attr_by_NID(si, NID_pkcs9_messageDigest, -1);
    if (mdIndex < 0 || CMS_signed_get_attr_by_NID(si, NID_pkcs9_messageDigest, mdIndex) >= 0)
        return fail(QCoreApplication::translate(
            "quire::storage", "the signature does not have exactly one message digest"));
    const QByteArray md = attributeValue(CMS_signed_get_attr(si, mdIndex));
    if (md != octets(contentDigest))
        return fail(QCoreApplication::translate("quire::storage",
                                                "the signed bytes of the document were changed"));

    CMS_SignerInfo_set1_signer_cert(si, cms->signer);
    if (CMS_SignerInfo_verify(si) != 1) {
        ERR_clear_error();
        return fail(QCoreApplication::translate("quire::storage",
                                                "the signature value does not match its signer's "
                                                "certificate"));
    }

    const int essIndex = CMS_signed_get_attr_by_NID(si, NID_id_smime_aa_signingCertificateV2, -1);
    if (essIndex >= 0) {
        const QByteArray value = attributeValue(CMS_signed_get_attr(si, essIndex));
        // attributeValue gives the SEQUENCE with its own tag, as d2i wants it.
        const EssV2Ptr ess = parseWhole<EssV2Ptr>(value, d2i_ESS_SIGNING_CERT_V2);
        X509StackPtr chain(sk_X509_new_null());
        if (!ess || !chain || X509_up_ref(cms->signer) != 1)
            return fail(QCoreApplication::translate(
                "quire::storage", "the signing-certificate-v2 attribute is damaged"));
        if (!sk_X509_push(chain.get(), cms->signer)) {
            X509_free(cms->signer);
            return fail(QCoreApplication::translate("quire::storage",
                                                    "out of memory while checking the signature"));
        }
        if (OSSL_ESS_check_signing_certs(nullptr, ess.get(), chain.get(), 1) <= 0) {
            ERR_clear_error();
            return fail(QCoreApplication::translate(
                "quire::storage", "the signing-certificate-v2 attribute does not name the "
                                  "signer's certificate"));
        }
    }
    return {};
}

Result<void> verifyChainAt(const QByteArray &certDer, const QByteArray &caCertDer,
                           const QDateTime &at) {
    const X509Ptr cert = parseWhole<X509Ptr>(certDer, d2i_X509);
    const X509Ptr ca = parseWhole<X509Ptr>(caCertDer, d2i_X509);
    if (!cert)
        return fail(
            QCoreApplication::translate("quire::storage", "the signer's certificate is damaged"));
    if (!ca)
        return fail(QCoreApplication::translate("quire::storage",
                                                "the notebook's certificate authority is damaged"));
    if (X509_self_signed(ca.get(), 1) != 1) {
        ERR_clear_error();
        return fail(QCoreApplication::translate(
            "quire::storage", "the notebook's certificate authority is not self-signed"));
    }
    X509StorePtr store(X509_STORE_new());
    X509StoreCtxPtr ctx(X509_STORE_CTX_new());
    if (!store || !ctx || X509_STORE_add_cert(store.get(), ca.get()) != 1 ||
        X509_STORE_CTX_init(ctx.get(), store.get(), cert.get(), nullptr) != 1 ||
        X509_STORE_CTX_set_purpose(ctx.get(), X509_PURPOSE_ANY) != 1) {
        ERR_clear_error();
        return fail(QCoreApplication::translate("quire::storage",
                                                "could not check the signer's certificate"));
    }
    X509_VERIFY_PARAM_set_time(X509_STORE_CTX_get0_param(ctx.get()), time_t(at.toSecsSinceEpoch()));
    const int verified = X509_verify_cert(ctx.get());
    const int error = X509_STORE_CTX_get_error(ctx.get());
    ERR_clear_error();
    if (verified == 1) return {};
    const QString when = at.toUTC().toString(Qt::ISODate);
    switch (error) {
    case X509_V_ERR_UNABLE_TO_GET_ISSUER_CERT:
    case X509_V_ERR_UNABLE_TO_GET_ISSUER_CERT_LOCALLY:
    case X509_V_ERR_UNABLE_TO_VERIFY_LEAF_SIGNATURE:
    case X509_V_ERR_CERT_SIGNATURE_FAILURE:
        return fail(QCoreApplication::translate(
            "quire::storage", "it was not issued by the notebook's certificate authority"));
    case X509_V_ERR_CERT_HAS_EXPIRED:
        return fail(QCoreApplication::translate("quire::storage",
                                                "it had expired at the time of signing (%1)")
                        .arg(when));
    case X509_V_ERR_CERT_NOT_YET_VALID:
        return fail(QCoreApplication::translate("quire::storage",
                                                "it was not yet valid at the time of signing (%1)")
                        .arg(when));
    default:
        return fail(QString::fromLatin1(X509_verify_cert_error_string(error)));
    }
}

} // namespace quire::pdf::cades
