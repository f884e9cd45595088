#pragma once
// Internal to the vault's merge (sync/Admission.cpp, sync/Merge.cpp): a record file that arrived
// by sync on its way into the notebook, and the verdict on it.

#include <QByteArray>
#include <QJsonObject>
#include <QString>

#include <optional>

namespace quire {

// What can be checked of an arriving record without looking at the notebook: worked out on all
// cores ahead of admission, which then applies the rules in order with these answers.
struct Prechecked {
    QByteArray canonical;          // the record's canonical bytes
    QString rulesProblem;          // json::checkRecordRules' complaint, if any
    bool htmlSafe = true;          // an entry's HTML is what the sanitiser would write
    std::optional<bool> sealValid; // the seal's signature under the certificate it names
};

// A fetched record file, decrypted, waiting for what it depends on.
struct Incoming {
    QString path;
    QByteArray oid;
    QByteArray envelopeBytes;
    QJsonObject record;
    QJsonObject seal;
    QString id;
    Prechecked pre;
};

enum class Verdict { Accept, Defer, Refuse, Known };
struct Admission {
    Verdict verdict;
    QString reason;
    // Refused as the rules intend, not because anything was tampered with: a revoked member's
    // device that kept writing. Kept out of the problems verify reports.
    bool expected = false;
};

} // namespace quire
