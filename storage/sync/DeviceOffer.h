#pragma once
// DeviceOffer: the bytes that carry one member to another of their computers (issue 16) — a
// one-time code, and a file that holds the member's private keys and what a new vault needs,
// sealed under a key derived from the code with scrypt. Pure functions: no vault, no files.
// Where the tries are counted and what the issuing vault records are the callers' questions.
//
// The code is 24 characters of Crockford's base32 (no I, L, O, U), 120 random bits, shown as 6
// groups of 4. At that size no one guesses it offline, however fast; scrypt (N=2^17, r=8, p=1,
// 128 MiB) makes each guess cost a third of a second on top.

#include "crypto/Crypto.h"
#include "Result.h"

#include <QByteArray>
#include <QDateTime>
#include <QList>
#include <QPair>
#include <QString>

namespace quire::deviceoffer {

// How long an offer can be used.
inline constexpr qint64 kLifetimeSeconds = 24 * 60 * 60;
// Wrong codes after which an offer is spent.
inline constexpr int kMaxWrongCodes = 5;

// What travels, sealed.
struct Payload {
    QString offer; // uuid of this offer
    QString notebook;
    QString notebookName;
    QString genesis;
    QString caSha256;
    QString remote;
    QString member;
    QString device; // the new computer's device uuid
    QString deviceName;
    QString issuedByDevice;
    QString createdAt;
    QString expiresAt;
    QByteArray signKey;                             // PKCS#8 DER
    QByteArray encKey;                              // PKCS#8 DER
    QList<QPair<quint32, QByteArray>> notebookKeys; // epoch, key
};

// What the file says without the code: nothing about the notebook or the member.
struct Header {
    QString offer;
    QString expiresAt;
    int wrongCodes = 0; // counted by the joining program; not part of what the seal covers
    bool spent = false; // the sealed part was wiped after too many wrong codes
};

// A fresh code: 24 characters in 6 groups of 4, "7KQ2-…".
QString newCode();
// Upper case, no dashes or spaces; O→0, I and L→1 (Crockford). Empty when it is not 24
// characters of the alphabet.
QString normaliseCode(const QString &code);

// Seals the payload under scrypt(normalised code). `params` are written into the file.
Result<QByteArray> seal(const Payload &payload, const QString &code,
                        const crypto::ScryptParams &params);
Result<Header> readHeader(const QByteArray &file);
// Opens the file with the code. An error whose text starts with "wrong code" means the code did
// not open it (the caller counts it); other errors mean the file is damaged or expired.
Result<Payload> open(const QByteArray &file, const QString &code, const QDateTime &now);
// The file with the count of wrong codes set; at kMaxWrongCodes the sealed part is removed.
Result<QByteArray> withWrongCodes(const QByteArray &file, int wrongCodes);

} // namespace quire::deviceoffer
