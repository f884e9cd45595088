#pragma once
// storage/records/: a record as bytes and the rules that admit one (FORMAT.md §1-§4) —
// canonical JSON (this file), the envelope, its id and seal (Record.h), and the write rules
// (WriteRules.h) that judge a record alike whether it was made here or arrived by sync. Pure
// functions of the record and the facts passed in: no vault, database, file or network; it
// links crypto/ and html/ only. The vault looks the facts up and asks.

// Canonical JSON (RFC 8785, JCS): the one byte form of every record, so that a record id
// (SHA-256 of these bytes) and its seal are reproducible by any verifier.

#include "Result.h"

#include <QByteArray>
#include <QJsonObject>
#include <QJsonValue>

namespace quire::json {

// Serialises a value per RFC 8785: object members sorted by UTF-16 code units, no white space,
// strings escaped minimally (\b \f \n \r \t \" \\ and \u00xx for other controls), numbers in
// the ECMAScript shortest round-trip form. Fails on NaN or infinity.
Result<QByteArray> canonicalize(const QJsonValue &value);
// Parses JSON text (rejecting duplicate keys and trailing garbage) and canonicalises it.
Result<QByteArray> canonicalizeText(const QByteArray &text);

// Checks the stricter rules FORMAT.md §1 sets for records: every number an integer with
// |n| < 2^53, every string in Unicode NFC, every key ASCII [a-z0-9_]. The message names the
// offending path (e.g. "body.tags[2] is not in Unicode NFC").
Result<void> checkRecordRules(const QJsonValue &value);

// Parses text into an object (duplicate keys and trailing garbage are errors).
Result<QJsonObject> parseObject(const QByteArray &text);

} // namespace quire::json
