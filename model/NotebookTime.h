#pragma once
// What the notebook says about trusted time beyond a single record's attested time (FORMAT.md
// §4): the time-stamp authorities it trusts (the notebook's, set by an admin, and this
// computer's own), and each anchor judged as of its own time, with the certificate chain that
// vouches for it and the later anchor that renews it.

#include <QByteArray>
#include <QList>
#include <QString>
#include <QStringList>

namespace quire {

// One certificate as a person reads it.
struct CertificateSummary {
    QString subject;
    QString issuer;
    QString notBefore; // RFC 3339 UTC
    QString notAfter;
    QString sha256; // of the DER, lowercase hex (empty in a token's chain)
};

struct TsaAuthorityInfo {
    QString url;
    bool local = false; // this computer's own addition, not the notebook's
    QList<CertificateSummary> certs;
};

struct TsaTrustInfo {
    QList<TsaAuthorityInfo> authorities;  // the notebook's in order, then the local ones
    QList<CertificateSummary> localCerts; // trusted on this computer alone
    QString record;                       // the notebook's `tsa_trust` record in force
    int renewBeforeDays = 365;
    int waiting = 0; // records not yet attested
    // Anchors no later anchor covers yet whose certificate ends within the renewal margin.
    int renewalDue = 0;
};

// One anchor (one time-stamp token over a batch of records, or over earlier anchors when it
// renews them).
struct AnchorDetail {
    QString anchor;
    QString tsa;
    QString attestedAt; // the token's genTime
    int leaves = 0;
    bool renewal = false;
    bool trusted = false;
    QString problem;
    QString validUntil; // the earliest end of validity in its certificate chain
    QString renewedBy;  // the anchor that renews this one
    QString how;
    QList<CertificateSummary> chain; // signer first
};

} // namespace quire
