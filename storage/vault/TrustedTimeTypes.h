#pragma once
// Trusted time as the vault reports it (FORMAT.md §4): the time-stamp authorities a notebook
// trusts (its `tsa_trust` record, plus what this vault adds locally), and one anchor judged as
// of its own time, with the certificate chain that vouches for it and the anchor that renews it.

#include <QByteArray>
#include <QList>
#include <QString>
#include <QStringList>

namespace quire {

// An authority the notebook's `tsa_trust` record names: where to ask, and the certificates (DER,
// the authority's own or its CA's) its tokens must chain to.
struct TsaAuthority {
    QString url;
    QList<QByteArray> certs;
};

// Who vouches for time in this vault: the notebook's authorities (an admin's record, the same in
// every member's vault) first, then this vault's local additions.
struct TsaTrust {
    QList<TsaAuthority> notebook; // in the order they are asked
    QString record;               // the `tsa_trust` record in force, empty when none
    // Anchors are renewed this long before their authority's certificate expires.
    int renewBeforeDays = 365;
    QStringList localUrls;        // this vault's own additions, asked after the notebook's
    QList<QByteArray> localCerts; // DER
};

// One certificate of the chain that vouches for a token.
struct VaultChainCertificate {
    QString subject;
    QString issuer;
    QString notBefore; // RFC 3339 UTC
    QString notAfter;
};

// One anchor judged (FORMAT.md §4): its token is checked as of its own genTime; it proves its
// time while that chain is valid now, or while a later anchor that is itself trusted covers it
// and was made before the chain expired (a renewal).
struct VaultAnchorVerdict {
    QString anchor;
    QString tsa;
    QString genTime; // RFC 3339 UTC
    int leaves = 0;
    bool renewal = false; // its leaves are earlier anchors
    bool trusted = false;
    QString problem;    // why it is not trusted
    QString validUntil; // the earliest end of validity in its chain
    QString renewedBy;  // the anchor that covers this one, if any
    QString how;        // "certificate valid now" or "renewed by <anchor> at <time>"
    QList<VaultChainCertificate> chain; // signer first
};

// Whether anchorPending also renews anchors (RFC 4998-style re-stamping).
enum class AnchorRenewal {
    Never,
    WhenDue, // anchors whose chain ends within the renewal margin, at an authority whose does not
    Now,     // every anchor no later anchor covers yet (quire-cli anchor --renew)
};

} // namespace quire
