#pragma once
// QuireProof: checks the proof a Quire .eln export carries under quire/ (layout in
// ElnExport.h) with nothing but the crate: no vault, no network. Every record's id and seal,
// every electronic signature, every Merkle path and every time-stamp token is checked against
// the certificate authority IN THE CRATE (notebook-ca.pem, which must be the one the crate's
// genesis record names) and the time-stamp authorities in tsa-ca.pem; it is pinned to nothing
// else. The report says which CA that is (its name and SHA-256 fingerprint), so that whoever
// reads it can judge whether it is a notebook they know. An import calls this and shows each
// item as verified, or failed with the reason.

#include "Result.h"

#include <QByteArray>
#include <QList>
#include <QMap>
#include <QString>
#include <QStringList>

namespace quire {

struct ProofItem {
    // manifest, ca, file, record, signature, merkle_path, timestamp
    QString kind;
    QString id;   // the record (or anchor) id, or a file name for kind "file"
    QString file; // the file in quire/ it was read from
    bool verified = false;
    QString reason; // why it failed; for a verified item what was found (signer, time, TSA)
};

struct ProofReport {
    bool present = false; // the crate carries quire/quire-manifest.json
    QString exportId;
    QString exportedAt;
    QString notebook; // uuid
    QString notebookName;
    QString genesis;
    QString caName;   // the subject's common name of the crate's CA
    QString caSha256; // SHA-256 of its DER: what the crate is pinned to, and nothing more
    QStringList tsaNames;
    QList<ProofItem> items;

    int verifiedCount() const;
    int failedCount() const;
    bool ok() const { return present && failedCount() == 0; }
    // The item of this kind and id, or nullptr.
    const ProofItem *find(const QString &kind, const QString &id) const;
    // Ids of the records whose id and seal hold.
    QStringList verifiedRecords() const;
};

// `files` maps each file under quire/ to its bytes. Keys may be bare names ("record-….json") or
// paths ending in quire/<name>; other files of the crate are ignored.
ProofReport verifyQuireProof(const QMap<QString, QByteArray> &files);

} // namespace quire
