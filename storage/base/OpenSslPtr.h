#pragma once
// OpenSslPtr: RAII owners for the OpenSSL objects more than one storage file holds — keys,
// certificates, certificate stores, big numbers, BIOs — and the deleter every file's own owners
// are built from. Private to storage/ (DESIGN.md: no raw OpenSSL pointer leaves a .cpp file).

#include <openssl/asn1.h>
#include <openssl/bio.h>
#include <openssl/bn.h>
#include <openssl/evp.h>
#include <openssl/x509.h>
#include <openssl/x509_vfy.h>

#include <memory>

namespace quire::openssl {

// Frees with the OpenSSL function given: std::unique_ptr<X, Deleter<X_free>>.
template <auto FreeFn> struct Deleter {
    template <typename T> void operator()(T *p) const { FreeFn(p); }
};

using PkeyPtr = std::unique_ptr<EVP_PKEY, Deleter<EVP_PKEY_free>>;
using X509Ptr = std::unique_ptr<X509, Deleter<X509_free>>;
using X509StorePtr = std::unique_ptr<X509_STORE, Deleter<X509_STORE_free>>;
using X509StoreCtxPtr = std::unique_ptr<X509_STORE_CTX, Deleter<X509_STORE_CTX_free>>;
using BignumPtr = std::unique_ptr<BIGNUM, Deleter<BN_free>>;
using Asn1IntegerPtr = std::unique_ptr<ASN1_INTEGER, Deleter<ASN1_INTEGER_free>>;
using BioPtr = std::unique_ptr<BIO, Deleter<BIO_free>>;

} // namespace quire::openssl
