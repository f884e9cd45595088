#include "crypto/Timestamp.h"

#include "crypto/Crypto.h"
#include "OpenSslPtr.h"

#include <QCoreApplication>
#include <QEventLoop>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QNetworkRequest>
#include <QTimer>
#include <QUrl>

#include <openssl/asn1.h>
#include <openssl/bio.h>
#include <openssl/bn.h>
#include <openssl/err.h>
#include <openssl/objects.h>
#include <openssl/pem.h>
#include <openssl/pkcs7.h>
#include <openssl/ts.h>
#include <openssl/x509.h>
#include <openssl/x509v3.h>

#include <algorithm>
#include <cstring>
#include <memory>

namespace quire::timestamp {

namespace {

using namespace quire::openssl;
using TsReqPtr = std::unique_ptr<TS_REQ, Deleter<TS_REQ_free>>;
using TsRespPtr = std::unique_ptr<TS_RESP, Deleter<TS_RESP_free>>;
using TsMsgImprintPtr = std::unique_ptr<TS_MSG_IMPRINT, Deleter<TS_MSG_IMPRINT_free>>;
using TsTstInfoPtr = std::unique_ptr<TS_TST_INFO, Deleter<TS_TST_INFO_free>>;
using TsVerifyCtxPtr = std::unique_ptr<TS_VERIFY_CTX, Deleter<TS_VERIFY_CTX_free>>;
using Pkcs7Ptr = std::unique_ptr<PKCS7, Deleter<PKCS7_free>>;
using X509AlgorPtr = std::unique_ptr<X509_ALGOR, Deleter<X509_ALGOR_free>>;
// PKCS7_get0_signers hands back a stack it allocated around certificates it does not own.
void freeStackOnly(STACK_OF(X509) * stack) {
    sk_X509_free(stack);
}
using X509StackViewPtr = std::unique_ptr<STACK_OF(X509), Deleter<freeStackOnly>>;
struct OpensslFree {
    void operator()(char *p) const { OPENSSL_free(p); }
};

constexpr int kDigestSize = 32;
constexpr int kNonceSize = 8;
// A reply holds one token with a certificate or two; anything this large is not a reply.
constexpr qint64 kMaxReplySize = qint64(1) << 20;

QByteArray sha256Of(const QByteArray &prefix, const QByteArray &a, const QByteArray &b = {}) {
    crypto::Sha256 hash;
    hash.add(prefix);
    hash.add(a);
    hash.add(b);
    return hash.finish();
}

QByteArray nodeHash(const QByteArray &left, const QByteArray &right) {
    return sha256Of(QByteArray(1, '\x01'), left, right);
}

qsizetype splitPoint(qsizetype n) {
    qsizetype k = 1;
    while (k * 2 < n)
        k *= 2;
    return k;
}

// MTH of RFC 6962 over leaves[begin, end), which is never empty.
QByteArray subtreeRoot(const QList<QByteArray> &leaves, qsizetype begin, qsizetype end) {
    if (end - begin == 1) return leaves[begin];
    const qsizetype mid = begin + splitPoint(end - begin);
    return nodeHash(subtreeRoot(leaves, begin, mid), subtreeRoot(leaves, mid, end));
}

QList<QByteArray> leafHashes(const QList<QByteArray> &rawIds) {
    QList<QByteArray> leaves;
    leaves.reserve(rawIds.size());
    for (const auto &id : rawIds)
        leaves.append(merkleLeafHash(id));
    return leaves;
}

// The oldest error on OpenSSL's queue; the queue is emptied so a stale error never explains a
// later, unrelated failure.
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

template <typename T, typename Encode> QByteArray toDer(const T *object, Encode encode) {
    const int size = encode(object, nullptr);
    if (size <= 0) return {};
    QByteArray der(size, Qt::Uninitialized);
    auto *out = reinterpret_cast<unsigned char *>(der.data());
    if (encode(object, &out) != size) return {};
    return der;
}

// Parses exactly `der`: trailing bytes mean the input is not what it claims to be.
template <typename Ptr, typename Decode> Ptr fromDer(const QByteArray &der, Decode decode) {
    const auto *in = reinterpret_cast<const unsigned char *>(der.constData());
    const unsigned char *const end = in + der.size();
    Ptr object(decode(nullptr, &in, long(der.size())));
    if (object && in != end) object.reset();
    return object;
}

QByteArray asn1Bytes(const ASN1_STRING *s) {
    if (!s) return {};
    return QByteArray(reinterpret_cast<const char *>(ASN1_STRING_get0_data(s)),
                      ASN1_STRING_length(s));
}

Asn1IntegerPtr integerFromBytes(const QByteArray &bigEndian) {
    BignumPtr bn(BN_bin2bn(reinterpret_cast<const unsigned char *>(bigEndian.constData()),
                           int(bigEndian.size()), nullptr));
    if (!bn) return {};
    return Asn1IntegerPtr(BN_to_ASN1_INTEGER(bn.get(), nullptr));
}

QString integerHex(const ASN1_INTEGER *value) {
    if (!value) return {};
    BignumPtr bn(ASN1_INTEGER_to_BN(value, nullptr));
    if (!bn) return {};
    std::unique_ptr<char, OpensslFree> hex(BN_bn2hex(bn.get()));
    return hex ? QString::fromLatin1(hex.get()).toLower() : QString();
}

QString oidText(const ASN1_OBJECT *oid) {
    if (!oid) return {};
    char buffer[128] = {};
    const int length = OBJ_obj2txt(buffer, sizeof buffer, oid, 1);
    return length > 0 && length < int(sizeof buffer) ? QString::fromLatin1(buffer) : QString();
}

bool isSha256(const TS_MSG_IMPRINT *imprint) {
    const X509_ALGOR *algorithm = TS_MSG_IMPRINT_get_algo(const_cast<TS_MSG_IMPRINT *>(imprint));
    const ASN1_OBJECT *oid = nullptr;
    X509_ALGOR_get0(&oid, nullptr, nullptr, algorithm);
    return oid && OBJ_obj2nid(oid) == NID_sha256;
}

QByteArray hashedMessage(const TS_MSG_IMPRINT *imprint) {
    return asn1Bytes(TS_MSG_IMPRINT_get_msg(const_cast<TS_MSG_IMPRINT *>(imprint)));
}

// RFC 3161 GeneralizedTime is "YYYYMMDDhhmmss[.f...]Z"; ASN1_TIME_to_tm would drop the
// fraction, and the fraction is what tells two tokens of the same second apart.
QDateTime parseGeneralizedTime(const ASN1_GENERALIZEDTIME *time) {
    const QByteArray text = asn1Bytes(time);
    if (text.size() < 15 || !text.endsWith('Z')) return {};
    const QByteArray whole = text.left(14);
    for (char c : whole)
        if (c < '0' || c > '9') return {};
    const auto number = [&](int pos, int length) { return whole.mid(pos, length).toInt(); };
    int milliseconds = 0;
    const QByteArray rest = text.mid(14, text.size() - 15);
    if (!rest.isEmpty()) {
        if (rest.size() < 2 || rest[0] != '.') return {};
        const QByteArray fraction = rest.mid(1);
        for (char c : fraction)
            if (c < '0' || c > '9') return {};
        // Truncated, not rounded: a token must never claim a later instant than it states.
        milliseconds = (fraction + "00").left(3).toInt();
    }
    const QDate date(number(0, 4), number(4, 2), number(6, 2));
    const QTime clock(number(8, 2), number(10, 2), number(12, 2), milliseconds);
    if (!date.isValid() || !clock.isValid()) return {};
    return QDateTime(date, clock, Qt::UTC);
}

QString generalNameText(const GENERAL_NAME *name) {
    if (!name) return {};
    switch (name->type) {
    case GEN_DIRNAME: {
        BioPtr bio(BIO_new(BIO_s_mem()));
        if (!bio || X509_NAME_print_ex(bio.get(), name->d.directoryName, 0, XN_FLAG_RFC2253) < 0)
            return {};
        char *data = nullptr;
        const long length = BIO_get_mem_data(bio.get(), &data);
        return QString::fromUtf8(data, length);
    }
    case GEN_DNS:
    case GEN_URI:
    case GEN_EMAIL:
        return QString::fromUtf8(asn1Bytes(name->d.ia5));
    default:
        return {};
    }
}

// The certificate that signed the token, if the token carries it (certReq TRUE asks for it).
X509Ptr signerCertificate(PKCS7 *token) {
    X509StackViewPtr signers(PKCS7_get0_signers(token, nullptr, 0));
    ERR_clear_error();
    if (!signers || sk_X509_num(signers.get()) != 1) return {};
    X509 *cert = sk_X509_value(signers.get(), 0);
    if (!cert || X509_up_ref(cert) != 1) return {};
    return X509Ptr(cert);
}

STACK_OF(X509) * embeddedCertificates(PKCS7 *token) {
    return PKCS7_type_is_signed(token) && token->d.sign ? token->d.sign->cert : nullptr;
}

struct ParsedToken {
    Pkcs7Ptr pkcs7;
    TsTstInfoPtr info;
};

Result<ParsedToken> parseToken(const QByteArray &tokenDer) {
    ParsedToken parsed;
    parsed.pkcs7 = fromDer<Pkcs7Ptr>(tokenDer, d2i_PKCS7);
    if (!parsed.pkcs7) {
        ERR_clear_error();
        return fail(QCoreApplication::translate(
            "quire::storage", "the time-stamp token is damaged: it is not a CMS structure"));
    }
    parsed.info.reset(PKCS7_to_TS_TST_INFO(parsed.pkcs7.get()));
    if (!parsed.info)
        return fail(withReason(QCoreApplication::translate(
            "quire::storage",
            "the time-stamp token is damaged: it holds no time-stamp information")));
    return parsed;
}

TokenInfo describe(PKCS7 *token, TS_TST_INFO *info) {
    TokenInfo out;
    out.genTime = parseGeneralizedTime(TS_TST_INFO_get_time(info));
    out.digest = hashedMessage(TS_TST_INFO_get_msg_imprint(info));
    out.tsaName = generalNameText(TS_TST_INFO_get_tsa(info));
    out.serial = integerHex(TS_TST_INFO_get_serial(info));
    out.policy = oidText(TS_TST_INFO_get_policy_id(info));
    if (const X509Ptr signer = signerCertificate(token))
        out.tsaCertDer = toDer(signer.get(), i2d_X509);
    return out;
}

QString statusName(long status) {
    switch (status) {
    case 2:
        return QStringLiteral("rejection");
    case 3:
        return QStringLiteral("waiting");
    case 4:
        return QStringLiteral("revocation warning");
    case 5:
        return QStringLiteral("revocation notification");
    default:
        return QStringLiteral("status %1").arg(status);
    }
}

QStringList failureReasons(const ASN1_BIT_STRING *bits) {
    static const struct {
        int bit;
        const char *text;
    } kReasons[] = {
        {TS_INFO_BAD_ALG, "it does not support the hash algorithm"},
        {TS_INFO_BAD_REQUEST, "it considers the request malformed"},
        {TS_INFO_BAD_DATA_FORMAT, "it considers the data malformed"},
        {TS_INFO_TIME_NOT_AVAILABLE, "its time source is not available"},
        {TS_INFO_UNACCEPTED_POLICY, "it does not offer the requested policy"},
        {TS_INFO_UNACCEPTED_EXTENSION, "it does not support a requested extension"},
        {TS_INFO_ADD_INFO_NOT_AVAILABLE, "the additional information is not available"},
        {TS_INFO_SYSTEM_FAILURE, "it has a system failure"},
    };
    QStringList reasons;
    if (!bits) return reasons;
    for (const auto &reason : kReasons)
        if (ASN1_BIT_STRING_get_bit(bits, reason.bit)) reasons << QString::fromLatin1(reason.text);
    return reasons;
}

QString refusalMessage(const TS_STATUS_INFO *status, long code) {
    QStringList texts;
    if (const auto *strings = TS_STATUS_INFO_get0_text(status))
        for (int i = 0; i < sk_ASN1_UTF8STRING_num(strings); ++i)
            texts << QString::fromUtf8(asn1Bytes(sk_ASN1_UTF8STRING_value(strings, i)));
    QStringList details = failureReasons(TS_STATUS_INFO_get0_failure_info(status));
    if (!texts.isEmpty())
        details.prepend(QStringLiteral("\"%1\"").arg(texts.join(QStringLiteral(" "))));
    QString message =
        QStringLiteral("the time-stamp authority refused the request (%1)").arg(statusName(code));
    if (!details.isEmpty()) message += QStringLiteral(": ") + details.join(QStringLiteral("; "));
    return message;
}

QString utcText(const QDateTime &t) {
    return t.toUTC().toString(QStringLiteral("yyyy-MM-dd HH:mm:ss 'UTC'"));
}

QDateTime asn1TimeToUtc(const ASN1_TIME *time) {
    struct tm parts = {};
    if (!time || ASN1_TIME_to_tm(time, &parts) != 1) return {};
    return QDateTime(QDate(parts.tm_year + 1900, parts.tm_mon + 1, parts.tm_mday),
                     QTime(parts.tm_hour, parts.tm_min, parts.tm_sec), Qt::UTC);
}

QString nameText(const X509_NAME *name) {
    BioPtr bio(BIO_new(BIO_s_mem()));
    if (!bio || X509_NAME_print_ex(bio.get(), name, 0, XN_FLAG_RFC2253) < 0) return {};
    char *data = nullptr;
    const long length = BIO_get_mem_data(bio.get(), &data);
    return QString::fromUtf8(data, length);
}

ChainCertificate summarize(X509 *cert) {
    ChainCertificate c;
    c.subject = nameText(X509_get_subject_name(cert));
    c.issuer = nameText(X509_get_issuer_name(cert));
    c.notBefore = asn1TimeToUtc(X509_get0_notBefore(cert));
    c.notAfter = asn1TimeToUtc(X509_get0_notAfter(cert));
    c.der = toDer(cert, i2d_X509);
    return c;
}

// `at` is the instant the chain was checked at; `ofToken` says whether that is the token's own
// time, which changes what an expired certificate means to the reader.
QString chainError(int code, X509 *failing, const QDateTime &at, bool ofToken) {
    const QString when = ofToken ? QStringLiteral("at the token's time (%1)").arg(utcText(at))
                                 : QStringLiteral("at %1").arg(utcText(at));
    const QString subject = failing ? nameText(X509_get_subject_name(failing)) : QString();
    switch (code) {
    case X509_V_ERR_INVALID_PURPOSE:
        return QStringLiteral("the time-stamp token was signed with a certificate that is not "
                              "allowed to sign time-stamps");
    case X509_V_ERR_CERT_HAS_EXPIRED:
        return QStringLiteral("the time-stamp authority's certificate (%1) had expired %2: it "
                              "was valid until %3")
            .arg(subject, when,
                 failing ? utcText(asn1TimeToUtc(X509_get0_notAfter(failing))) : QString());
    case X509_V_ERR_CERT_NOT_YET_VALID:
        return QStringLiteral("the time-stamp authority's certificate (%1) was not valid yet %2: "
                              "it is valid from %3")
            .arg(subject, when,
                 failing ? utcText(asn1TimeToUtc(X509_get0_notBefore(failing))) : QString());
    case X509_V_ERR_CERT_REVOKED:
        return QStringLiteral("the time-stamp authority's certificate was revoked");
    case X509_V_ERR_CERT_SIGNATURE_FAILURE:
        return QStringLiteral("the time-stamp authority's certificate was altered after it was "
                              "issued");
    default:
        return QStringLiteral("the time-stamp token is not from a trusted time-stamp authority "
                              "(%1)")
            .arg(QString::fromLatin1(X509_verify_cert_error_string(code)));
    }
}

Result<X509StorePtr> trustStore(const QByteArray &trustedPem) {
    X509StorePtr store(X509_STORE_new());
    BioPtr bio(BIO_new_mem_buf(trustedPem.constData(), int(trustedPem.size())));
    if (!store || !bio)
        return fail(withReason(QCoreApplication::translate("quire::storage", "out of memory")));
    int count = 0;
    while (X509Ptr cert{PEM_read_bio_X509(bio.get(), nullptr, nullptr, nullptr)}) {
        if (X509_STORE_add_cert(store.get(), cert.get()) != 1)
            return fail(withReason(QCoreApplication::translate(
                "quire::storage", "a trusted time-stamp authority certificate "
                                  "could not be used")));
        ++count;
    }
    // The loop ends on "no start line", which is how PEM reading says "no more certificates".
    ERR_clear_error();
    if (count == 0)
        return fail(QCoreApplication::translate(
            "quire::storage", "no trusted time-stamp authority certificate is configured, so "
                              "the time-stamp token cannot be checked"));
    // A notebook may trust a TSA's own certificate rather than its CA: let the chain end there.
    X509_STORE_set_flags(store.get(), X509_V_FLAG_PARTIAL_CHAIN);
    return store;
}

QString verifyFailure() {
    const unsigned long code = ERR_peek_last_error();
    const int reason = ERR_GET_LIB(code) == ERR_LIB_TS ? ERR_GET_REASON(code) : 0;
    switch (reason) {
    case TS_R_MESSAGE_IMPRINT_MISMATCH:
        ERR_clear_error();
        return QCoreApplication::translate(
            "quire::storage", "the time-stamp token is for another record set (its imprint "
                              "differs)");
    case TS_R_SIGNATURE_FAILURE:
        ERR_clear_error();
        return QCoreApplication::translate(
            "quire::storage", "the time-stamp token's signature does not match its content: it "
                              "was altered");
    case TS_R_CERTIFICATE_VERIFY_ERROR:
    case TS_R_TSA_UNTRUSTED:
        ERR_clear_error();
        return QCoreApplication::translate(
            "quire::storage", "the time-stamp token is not from a trusted time-stamp authority");
    case TS_R_ESS_SIGNING_CERTIFICATE_ERROR:
        ERR_clear_error();
        return QCoreApplication::translate(
            "quire::storage", "the time-stamp token does not name the certificate that signed it");
    case TS_R_UNSUPPORTED_VERSION:
        ERR_clear_error();
        return QCoreApplication::translate(
            "quire::storage", "the time-stamp token has a version this program does not know");
    default:
        return withReason(QCoreApplication::translate(
            "quire::storage", "the time-stamp token could not be verified"));
    }
}

QString networkFailure(const QNetworkReply &reply) {
    switch (reply.error()) {
    case QNetworkReply::ConnectionRefusedError:
        return QCoreApplication::translate("quire::storage", "connection refused");
    case QNetworkReply::HostNotFoundError:
        return QCoreApplication::translate("quire::storage", "the host name was not found");
    case QNetworkReply::TimeoutError:
        return QCoreApplication::translate("quire::storage", "the connection timed out");
    case QNetworkReply::TemporaryNetworkFailureError:
    case QNetworkReply::NetworkSessionFailedError:
        return QCoreApplication::translate("quire::storage", "the network is not available");
    case QNetworkReply::SslHandshakeFailedError:
        return QCoreApplication::translate("quire::storage", "the secure connection failed (%1)")
            .arg(reply.errorString());
    case QNetworkReply::ProxyConnectionRefusedError:
    case QNetworkReply::ProxyConnectionClosedError:
    case QNetworkReply::ProxyNotFoundError:
    case QNetworkReply::ProxyTimeoutError:
    case QNetworkReply::ProxyAuthenticationRequiredError:
        return QCoreApplication::translate("quire::storage", "the proxy failed (%1)")
            .arg(reply.errorString());
    default:
        return reply.errorString();
    }
}

} // namespace

QByteArray merkleLeafHash(const QByteArray &rawId) {
    return sha256Of(QByteArray(1, '\0'), rawId);
}

QByteArray merkleRoot(const QList<QByteArray> &rawIds) {
    if (rawIds.isEmpty()) return {};
    return subtreeRoot(leafHashes(rawIds), 0, rawIds.size());
}

QList<MerkleStep> merklePath(const QList<QByteArray> &rawIds, int index) {
    QList<MerkleStep> path;
    if (index < 0 || index >= rawIds.size()) return path;
    const QList<QByteArray> leaves = leafHashes(rawIds);
    // Walking down from the root meets the siblings root first; the proof is read leaf first.
    qsizetype begin = 0;
    qsizetype end = leaves.size();
    while (end - begin > 1) {
        const qsizetype mid = begin + splitPoint(end - begin);
        if (index < mid) {
            path.prepend({false, subtreeRoot(leaves, mid, end)});
            end = mid;
        } else {
            path.prepend({true, subtreeRoot(leaves, begin, mid)});
            begin = mid;
        }
    }
    return path;
}

QByteArray rootFromPath(const QByteArray &rawId, const QList<MerkleStep> &path) {
    QByteArray hash = merkleLeafHash(rawId);
    for (const auto &step : path)
        hash = step.siblingOnLeft ? nodeHash(step.sibling, hash) : nodeHash(hash, step.sibling);
    return hash;
}

Request makeRequest(const QByteArray &digest) {
    Request out;
    if (digest.size() != kDigestSize) return out;
    out.nonce = crypto::randomBytes(kNonceSize);

    TsReqPtr request(TS_REQ_new());
    TsMsgImprintPtr imprint(TS_MSG_IMPRINT_new());
    X509AlgorPtr algorithm(X509_ALGOR_new());
    const Asn1IntegerPtr nonce = integerFromBytes(out.nonce);
    QByteArray message = digest;
    const bool built =
        request && imprint && algorithm && nonce &&
        X509_ALGOR_set0(algorithm.get(), OBJ_nid2obj(NID_sha256), V_ASN1_NULL, nullptr) == 1 &&
        TS_MSG_IMPRINT_set_algo(imprint.get(), algorithm.get()) == 1 &&
        TS_MSG_IMPRINT_set_msg(imprint.get(), reinterpret_cast<unsigned char *>(message.data()),
                               int(message.size())) == 1 &&
        TS_REQ_set_version(request.get(), 1) == 1 &&
        TS_REQ_set_msg_imprint(request.get(), imprint.get()) == 1 &&
        TS_REQ_set_nonce(request.get(), nonce.get()) == 1 &&
        TS_REQ_set_cert_req(request.get(), 1) == 1;
    if (built) out.der = toDer(request.get(), i2d_TS_REQ);
    ERR_clear_error();
    if (out.der.isEmpty()) out.nonce.clear();
    return out;
}

Result<QByteArray> tokenFromResponse(const QByteArray &responseDer, const Request &request) {
    const auto sent = fromDer<TsReqPtr>(request.der, d2i_TS_REQ);
    if (!sent) {
        ERR_clear_error();
        return fail(QCoreApplication::translate(
            "quire::storage", "the time-stamp request is damaged, so the reply cannot be "
                              "matched to it"));
    }
    const auto response = fromDer<TsRespPtr>(responseDer, d2i_TS_RESP);
    if (!response) {
        ERR_clear_error();
        return fail(QCoreApplication::translate(
            "quire::storage", "the time-stamp authority's answer is not a valid time-stamp "
                              "reply"));
    }

    const TS_STATUS_INFO *status = TS_RESP_get_status_info(response.get());
    const long code = ASN1_INTEGER_get(TS_STATUS_INFO_get0_status(status));
    if (code != TS_STATUS_GRANTED && code != TS_STATUS_GRANTED_WITH_MODS)
        return fail(refusalMessage(status, code));

    PKCS7 *token = TS_RESP_get_token(response.get());
    TS_TST_INFO *info = TS_RESP_get_tst_info(response.get());
    if (!token || !info)
        return fail(QCoreApplication::translate(
            "quire::storage", "the time-stamp authority granted the request but sent no "
                              "token"));

    const ASN1_INTEGER *returnedNonce = TS_TST_INFO_get_nonce(info);
    const Asn1IntegerPtr expectedNonce = integerFromBytes(request.nonce);
    if (!returnedNonce)
        return fail(QCoreApplication::translate(
            "quire::storage", "the time-stamp authority's reply has no nonce, so it cannot be "
                              "told apart from a replayed reply"));
    if (!expectedNonce || ASN1_INTEGER_cmp(returnedNonce, expectedNonce.get()) != 0)
        return fail(QCoreApplication::translate(
            "quire::storage", "the time-stamp reply answers another request (its nonce "
                              "differs); it may be a replayed reply"));

    const TS_MSG_IMPRINT *asked = TS_REQ_get_msg_imprint(sent.get());
    const TS_MSG_IMPRINT *stamped = TS_TST_INFO_get_msg_imprint(info);
    if (!isSha256(stamped))
        return fail(QCoreApplication::translate(
            "quire::storage", "the time-stamp authority used a hash other than SHA-256"));
    if (hashedMessage(stamped) != hashedMessage(asked))
        return fail(QCoreApplication::translate(
            "quire::storage", "the time-stamp token is for another record set (its imprint "
                              "differs from the request's)"));

    QByteArray tokenDer = toDer(token, i2d_PKCS7);
    if (tokenDer.isEmpty())
        return fail(withReason(QCoreApplication::translate(
            "quire::storage", "the time-stamp token could not be encoded")));
    return tokenDer;
}

Result<TokenInfo> readToken(const QByteArray &tokenDer) {
    auto parsed = parseToken(tokenDer);
    if (!parsed) return parsed.failure();
    TokenInfo info = describe(parsed->pkcs7.get(), parsed->info.get());
    if (!info.genTime.isValid())
        return fail(QCoreApplication::translate("quire::storage",
                                                "the time-stamp token's time is not a valid time"));
    return info;
}

namespace {

Result<TokenInfo> verifyAt(const QByteArray &tokenDer, const QByteArray &digest,
                           const QByteArray &trustedPem, const QDateTime &requestedAt,
                           bool atItsTime) {
    if (digest.size() != kDigestSize)
        return fail(QCoreApplication::translate(
                        "quire::storage",
                        "a time-stamp is checked against a SHA-256 digest of 32 bytes, "
                        "not %1 bytes")
                        .arg(digest.size()));
    auto parsed = parseToken(tokenDer);
    if (!parsed) return parsed.failure();
    PKCS7 *token = parsed->pkcs7.get();
    TokenInfo info = describe(token, parsed->info.get());
    if (!info.genTime.isValid())
        return fail(QCoreApplication::translate("quire::storage",
                                                "the time-stamp token's time is not a valid time"));

    auto store = trustStore(trustedPem);
    if (!store) return store.failure();
    // Every check below, OpenSSL's own inside TS_RESP_verify_token included, takes the store's
    // time: the token's own (seconds; genTime's fraction does not matter to a certificate) or
    // the one asked for.
    const QDateTime at = atItsTime               ? info.genTime
                         : requestedAt.isValid() ? requestedAt
                                                 : QDateTime::currentDateTimeUtc();
    X509_VERIFY_PARAM_set_time(X509_STORE_get0_param(store->get()), time_t(at.toSecsSinceEpoch()));

    // The chain is checked here first, with the timestamping purpose, because OpenSSL's token
    // verification reports every chain problem as one generic error; this tells them apart.
    const X509Ptr signer = signerCertificate(token);
    if (!signer)
        return fail(QCoreApplication::translate(
            "quire::storage", "the time-stamp token does not carry the certificate that "
                              "signed it, so it cannot be checked"));
    X509StoreCtxPtr chain(X509_STORE_CTX_new());
    if (!chain ||
        X509_STORE_CTX_init(chain.get(), store->get(), signer.get(), embeddedCertificates(token)) !=
            1 ||
        X509_STORE_CTX_set_purpose(chain.get(), X509_PURPOSE_TIMESTAMP_SIGN) != 1)
        return fail(withReason(QCoreApplication::translate(
            "quire::storage", "the time-stamp token could not be checked")));
    if (X509_verify_cert(chain.get()) != 1) {
        const int code = X509_STORE_CTX_get_error(chain.get());
        ERR_clear_error();
        return fail(chainError(code, X509_STORE_CTX_get_current_cert(chain.get()), at, atItsTime));
    }
    info.checkedAt = at;
    if (STACK_OF(X509) *verified = X509_STORE_CTX_get0_chain(chain.get())) {
        for (int i = 0; i < sk_X509_num(verified); ++i) {
            ChainCertificate c = summarize(sk_X509_value(verified, i));
            if (!info.chainNotAfter.isValid() || c.notAfter < info.chainNotAfter)
                info.chainNotAfter = c.notAfter;
            info.chain << std::move(c);
        }
    }

    TsVerifyCtxPtr context(TS_VERIFY_CTX_new());
    if (!context)
        return fail(withReason(QCoreApplication::translate("quire::storage", "out of memory")));
    // The context frees both the imprint buffer and the store it is given (OpenSSL 3.0), so it
    // gets its own buffer and its own reference to the store.
    auto *imprint = static_cast<unsigned char *>(OPENSSL_malloc(size_t(digest.size())));
    if (!imprint)
        return fail(withReason(QCoreApplication::translate("quire::storage", "out of memory")));
    memcpy(imprint, digest.constData(), size_t(digest.size()));
    TS_VERIFY_CTX_set_imprint(context.get(), imprint, long(digest.size()));
    if (X509_STORE_up_ref(store->get()) != 1)
        return fail(withReason(QCoreApplication::translate("quire::storage", "out of memory")));
    TS_VERIFY_CTX_set_store(context.get(), store->get());
    TS_VERIFY_CTX_set_flags(context.get(), TS_VFY_SIGNATURE | TS_VFY_IMPRINT | TS_VFY_VERSION);
    if (TS_RESP_verify_token(context.get(), token) != 1) return fail(verifyFailure());
    ERR_clear_error();

    // TS_VFY_IMPRINT compares the bytes only; the algorithm must be SHA-256 as FORMAT.md says.
    if (!isSha256(TS_TST_INFO_get_msg_imprint(parsed->info.get())))
        return fail(QCoreApplication::translate(
            "quire::storage", "the time-stamp token uses a hash other than SHA-256"));
    return info;
}

} // namespace

Result<TokenInfo> verifyToken(const QByteArray &tokenDer, const QByteArray &digest,
                              const QByteArray &trustedPem, const QDateTime &at) {
    return verifyAt(tokenDer, digest, trustedPem, at, false);
}

Result<TokenInfo> verifyTokenAtItsTime(const QByteArray &tokenDer, const QByteArray &digest,
                                       const QByteArray &trustedPem) {
    return verifyAt(tokenDer, digest, trustedPem, {}, true);
}

QList<QByteArray> pemCertificates(const QByteArray &pem) {
    QList<QByteArray> out;
    BioPtr bio(BIO_new_mem_buf(pem.constData(), int(pem.size())));
    if (!bio) return out;
    while (X509Ptr cert{PEM_read_bio_X509(bio.get(), nullptr, nullptr, nullptr)})
        out << toDer(cert.get(), i2d_X509);
    ERR_clear_error(); // "no start line" ends the list
    return out;
}

Result<ChainCertificate> describeCertificate(const QByteArray &certDer) {
    const auto cert = fromDer<X509Ptr>(certDer, d2i_X509);
    if (!cert) {
        ERR_clear_error();
        return fail(
            QCoreApplication::translate("quire::storage", "it is not an X.509 certificate"));
    }
    return summarize(cert.get());
}

Result<QByteArray> postQuery(const QString &url, const QByteArray &requestDer, int timeoutMs) {
    const QUrl target(url);
    const QString scheme = target.scheme().toLower();
    if (!target.isValid() || target.host().isEmpty() ||
        (scheme != QLatin1String("http") && scheme != QLatin1String("https")))
        return fail(
            QCoreApplication::translate("quire::storage",
                                        "the time-stamp authority address \"%1\" is not an http or "
                                        "https URL")
                .arg(url));

    QNetworkAccessManager manager;
    QNetworkRequest request(target);
    request.setHeader(QNetworkRequest::ContentTypeHeader,
                      QByteArrayLiteral("application/timestamp-query"));
    request.setRawHeader("Accept", "application/timestamp-reply");
    request.setAttribute(QNetworkRequest::RedirectPolicyAttribute,
                         QNetworkRequest::ManualRedirectPolicy);
    // Declared after the manager so that it is destroyed first.
    const std::unique_ptr<QNetworkReply> reply(manager.post(request, requestDer));

    bool timedOut = false;
    bool tooLarge = false;
    QEventLoop loop;
    QTimer deadline;
    deadline.setSingleShot(true);
    QObject::connect(&deadline, &QTimer::timeout, &loop, [&] {
        timedOut = true;
        reply->abort();
    });
    QObject::connect(reply.get(), &QNetworkReply::downloadProgress, &loop,
                     [&](qint64 received, qint64 total) {
                         if (received > kMaxReplySize || total > kMaxReplySize) {
                             tooLarge = true;
                             reply->abort();
                         }
                     });
    QObject::connect(reply.get(), &QNetworkReply::finished, &loop, &QEventLoop::quit);
    deadline.start(std::max(timeoutMs, 1));
    if (!reply->isFinished()) loop.exec(QEventLoop::ExcludeUserInputEvents);
    deadline.stop();

    if (timedOut)
        return fail(QCoreApplication::translate(
                        "quire::storage", "the time-stamp authority at %1 did not answer within %2 "
                                          "seconds")
                        .arg(url)
                        .arg(double(timeoutMs) / 1000.0, 0, 'g', 3));
    if (tooLarge)
        return fail(QCoreApplication::translate(
                        "quire::storage",
                        "the time-stamp authority at %1 sent more than 1 MiB, which is "
                        "not a time-stamp reply")
                        .arg(url));

    const int httpStatus = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    if (httpStatus == 0 && (reply->error() == QNetworkReply::RemoteHostClosedError ||
                            reply->error() == QNetworkReply::ProtocolFailure))
        return fail(QCoreApplication::translate(
                        "quire::storage", "the server at %1 closed the connection without a valid "
                                          "HTTP answer")
                        .arg(url));
    if (httpStatus == 0)
        return fail(QCoreApplication::translate(
                        "quire::storage", "could not reach the time-stamp authority at %1: %2")
                        .arg(url, networkFailure(*reply)));
    if (httpStatus >= 300 && httpStatus < 400)
        return fail(QCoreApplication::translate(
                        "quire::storage",
                        "the time-stamp authority at %1 redirects to %2; redirects are "
                        "not followed, so enter the new address if it is right")
                        .arg(url, QString::fromUtf8(reply->rawHeader("Location"))));
    if (httpStatus != 200) {
        const QString reason =
            reply->attribute(QNetworkRequest::HttpReasonPhraseAttribute).toString();
        return fail(QCoreApplication::translate(
                        "quire::storage",
                        "the time-stamp authority at %1 answered with an error: HTTP "
                        "%2%3")
                        .arg(url)
                        .arg(httpStatus)
                        .arg(reason.isEmpty() ? QString() : u' ' + reason));
    }
    const QByteArray contentType = reply->rawHeader("Content-Type");
    const QByteArray mediaType = contentType.split(';').first().trimmed().toLower();
    if (mediaType != "application/timestamp-reply")
        return fail(QCoreApplication::translate(
                        "quire::storage",
                        "the server at %1 is not a time-stamp authority: it answered "
                        "with %2 instead of a time-stamp reply")
                        .arg(url, contentType.isEmpty() ? QStringLiteral("no content type")
                                                        : QString::fromLatin1(contentType)));
    const QByteArray body = reply->readAll();
    if (body.size() > kMaxReplySize)
        return fail(QCoreApplication::translate(
                        "quire::storage",
                        "the time-stamp authority at %1 sent more than 1 MiB, which is "
                        "not a time-stamp reply")
                        .arg(url));
    if (reply->error() != QNetworkReply::NoError)
        return fail(
            QCoreApplication::translate(
                "quire::storage", "the answer of the time-stamp authority at %1 was cut short: %2")
                .arg(url, networkFailure(*reply)));
    return body;
}

Result<QByteArray> requestToken(const QString &url, const QByteArray &digest,
                                const QByteArray &trustedPem, int timeoutMs) {
    if (digest.size() != kDigestSize)
        return fail(QCoreApplication::translate(
                        "quire::storage",
                        "a time-stamp is requested for a SHA-256 digest of 32 bytes, "
                        "not %1 bytes")
                        .arg(digest.size()));
    const Request request = makeRequest(digest);
    if (request.der.isEmpty())
        return fail(QCoreApplication::translate("quire::storage",
                                                "the time-stamp request could not be built"));
    auto response = postQuery(url, request.der, timeoutMs);
    if (!response) return response.failure();
    auto token = tokenFromResponse(*response, request);
    if (!token) return fail(token.error() + QStringLiteral(" (from %1)").arg(url));
    auto verified = verifyTokenAtItsTime(*token, digest, trustedPem);
    if (!verified) return fail(verified.error() + QStringLiteral(" (from %1)").arg(url));
    return token;
}

} // namespace quire::timestamp
