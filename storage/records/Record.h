#pragma once
// Record: the envelope of FORMAT.md §2 as bytes — the fixed fields every record has, its id
// (SHA-256 of its canonical bytes) and the seal that signs it. Made and recognised here, without
// a vault: the vault fills the fields and stores the result.

#include "crypto/Crypto.h"
#include "Result.h"

#include <QByteArray>
#include <QJsonObject>
#include <QSet>
#include <QString>

namespace quire::records {

// The "format" of every record of this version.
inline constexpr auto kRecordFormat = "quire/1";
// The record types FORMAT.md §2 knows.
extern const QSet<QString> kRecordTypes;

bool isUuid(const QString &s);     // RFC 4122 v4, lowercase
bool isRecordId(const QString &s); // 64 lowercase hex digits

// A record sealed: its id and the canonical envelope {"record":…,"seal":…}.
struct Sealed {
    QString id;
    QByteArray envelope;
};
// Checks FORMAT.md §1's rules on `record`, then seals it with `key`, whose certificate has the
// SHA-256 `certSha256`.
Result<Sealed> seal(const QJsonObject &record, const crypto::EcKey &key, const QString &certSha256);

} // namespace quire::records
