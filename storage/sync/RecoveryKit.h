#pragma once
// RecoveryKit: the bytes behind "never lose a notebook" (issue 17) — the recovery code a member
// keeps on paper, and the recovery file (recovery/<member uuid>.json in the shared repository)
// that holds the member's private keys sealed under a key derived from that code. Pure
// functions: no vault, no files, no network. Where the file is stored and how a vault is made
// from it are vault/Recovery.cpp's questions.
//
// The code: 7 groups of 5 characters of Crockford's base32 (0-9, A-Z without I, L, O, U). In
// each group the first 4 characters are random (28 × 5 = 140 bits from the CSPRNG in all) and
// the 5th is a check character (Luhn mod 32 over the group's 4 values, starting from the group's
// position), so a mistyped character or two swapped neighbours is named by its group before
// anything is tried. Only the 28 random characters go into scrypt.
//
// The file (canonical JSON, FORMAT.md §5):
//   {"format":"quire/1","type":"recovery","notebook":uuid,"member":uuid,"created_at":RFC 3339,
//    "code_id":16 hex digits,"kdf":{"alg":"scrypt","n","r","p","salt":b64},"sealed":b64}
// sealed = nonce(12) ‖ AES-256-GCM(scrypt(code, salt)[0..31], payload, AAD = the canonical file
// without "sealed"), so the member, the notebook and the parameters are bound to the keys.
// code_id = hex(SHA-256("quire/1 recovery id" ‖ code)[0..7]): it lets a new computer find the
// member's file among all of them without scrypt; 64 bits of a 140-bit code tell no one the code.

#include "crypto/Crypto.h"
#include "Result.h"

#include <QByteArray>
#include <QList>
#include <QPair>
#include <QString>

namespace quire::recoverykit {

inline constexpr int kGroups = 7;
inline constexpr int kDataPerGroup = 4;

// What the sealed part holds: everything a new computer needs to become this member again.
struct Payload {
    QString notebook;
    QString notebookName;
    QString genesis;
    QString caSha256;
    QString remote; // the shared repository as the vault knew it (may be empty)
    QString member;
    QString memberName;
    QString createdAt;
    QByteArray signKey;                             // PKCS#8 DER
    QByteArray encKey;                              // PKCS#8 DER
    QByteArray caKey;                               // PKCS#8 DER, only for a vault that holds it
    QList<QPair<quint32, QByteArray>> notebookKeys; // epoch, key
};

// What the file says without the code.
struct Header {
    QString notebook;
    QString member;
    QString createdAt;
    QString codeId;
};

// A fresh code, "K7Q2X-…" (7 groups of 5).
QString newCode();
// The 28 random characters of a code typed by a person: case, dashes and spaces do not matter,
// O reads as 0 and I, L as 1. A code that is not 35 characters of the alphabet, or whose check
// character does not fit, is an error naming the group to look at again.
Result<QString> normaliseCode(const QString &code);
// The code as it is shown, from its normalised form: groups with their check characters.
QString displayCode(const QString &normalised);
// The code's id in the file (see above).
QString codeId(const QString &normalised);

// Seals the payload under the code. `params` are written into the file.
Result<QByteArray> seal(const Payload &payload, const QString &code,
                        const crypto::ScryptParams &params);
// Reads what the file says without the code; an error for anything not a recovery file.
Result<Header> readHeader(const QByteArray &file);
// Opens the file with the code. An error starting with "wrong code" means the code does not
// open this file; other errors mean the file is damaged.
Result<Payload> open(const QByteArray &file, const QString &code);

} // namespace quire::recoverykit
