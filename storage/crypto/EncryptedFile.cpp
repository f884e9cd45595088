// The encrypted file format of the shared repository (FORMAT.md §5): "QNC1", flags, epoch,
// nonce, AES-256-GCM over the (optionally deflated) envelope or chunk, bound to its name.

#include "crypto/Crypto.h"

#include <QCoreApplication>

#include <zlib.h>

#include <algorithm>
#include <climits>

namespace quire::crypto {

namespace {

constexpr int kGcmNonceSize = 12;
constexpr int kGcmTagSize = 16;
constexpr int kAesKeySize = 32;
constexpr char kFileMagic[] = "QNC1";
constexpr int kFileHeaderSize = 4 + 1 + 4 + kGcmNonceSize; // magic, flags, epoch, nonce
constexpr int kFileAadHeaderSize = 9;
constexpr quint8 kFlagDeflated = 0x01;
// Chunks are at most 4 MiB and records are small, so anything inflating beyond this is a
// damaged or hostile object, not data: refuse it before it exhausts memory.
constexpr qsizetype kMaxInflatedSize = qsizetype(64) * 1024 * 1024;

// The fastest level: FORMAT.md fixes deflate, not a level, and on records' JSON and instruments'
// text level 1 costs a third of the default's CPU for files a few per cent larger. The window
// and hash table are sized to the input: zlib clears both for every stream, and for a record of
// 2 KB the default 32 KiB window and 64 KiB table made that clearing most of the work. Any
// window inflates with inflate's default (RFC 1950 streams name their window).
QByteArray zlibDeflate(const QByteArray &plain) {
    int windowBits = 9; // zlib's smallest
    while (windowBits < 15 && (qsizetype(1) << windowBits) < plain.size())
        ++windowBits;
    const int memLevel = std::max(1, windowBits - 7); // hash table of 2^(memLevel+7) entries
    z_stream z{};
    if (deflateInit2(&z, Z_BEST_SPEED, Z_DEFLATED, windowBits, memLevel, Z_DEFAULT_STRATEGY) !=
        Z_OK)
        return {};
    QByteArray out(qsizetype(deflateBound(&z, uLong(plain.size()))), Qt::Uninitialized);
    z.next_in = reinterpret_cast<Bytef *>(const_cast<char *>(plain.constData()));
    z.avail_in = uInt(plain.size());
    z.next_out = reinterpret_cast<Bytef *>(out.data());
    z.avail_out = uInt(out.size());
    const int rc = deflate(&z, Z_FINISH);
    const qsizetype written = qsizetype(z.total_out);
    deflateEnd(&z);
    if (rc != Z_STREAM_END) return {};
    out.truncate(written);
    return out;
}

struct InflateStream {
    z_stream z{};
    bool ready = false;
    ~InflateStream() {
        if (ready) inflateEnd(&z);
    }
};

Result<QByteArray> zlibInflate(const QByteArray &deflated) {
    InflateStream stream;
    if (inflateInit(&stream.z) != Z_OK)
        return fail(QCoreApplication::translate("quire::storage",
                                                "could not start decompressing the object"));
    stream.ready = true;
    stream.z.next_in = reinterpret_cast<Bytef *>(const_cast<char *>(deflated.constData()));
    stream.z.avail_in = uInt(deflated.size()); // objects are far below 4 GiB (checked by caller)

    QByteArray out;
    qsizetype produced = 0;
    int status = Z_OK;
    while (status != Z_STREAM_END) {
        if (produced == out.size()) {
            if (out.size() >= kMaxInflatedSize)
                return fail(QCoreApplication::translate(
                                "quire::storage",
                                "the encrypted object expands to more than %1 MiB when "
                                "decompressed; it was refused as damaged or hostile")
                                .arg(kMaxInflatedSize / (1024 * 1024)));
            // Sized first from the compressed size: a record of 2 KB once got a 64 KiB buffer,
            // which it kept (truncate does not give memory back) while a sync held it.
            const qsizetype grown =
                qMin(kMaxInflatedSize,
                     out.isEmpty() ? qMax<qsizetype>(4096, deflated.size() * 4) : out.size() * 2);
            out.resize(grown);
        }
        stream.z.next_out = reinterpret_cast<Bytef *>(out.data() + produced);
        stream.z.avail_out = uInt(out.size() - produced);
        status = inflate(&stream.z, Z_NO_FLUSH);
        produced = out.size() - qsizetype(stream.z.avail_out);
        if (status == Z_BUF_ERROR && stream.z.avail_in == 0 && stream.z.avail_out != 0)
            return fail(QCoreApplication::translate(
                "quire::storage", "the compressed data inside the encrypted object ends "
                                  "early"));
        if (status != Z_OK && status != Z_STREAM_END && status != Z_BUF_ERROR)
            return fail(QCoreApplication::translate(
                "quire::storage", "the compressed data inside the encrypted object is "
                                  "damaged"));
    }
    if (stream.z.avail_in != 0)
        return fail(QCoreApplication::translate(
            "quire::storage", "the encrypted object has unexpected bytes after its "
                              "compressed data"));
    out.truncate(produced);
    if (out.capacity() > produced + produced / 2 + 1024) out.squeeze();
    return out;
}

} // namespace

// ---- encrypted files (FORMAT.md §5) ---------------------------------------------------------

QByteArray encryptFile(const QByteArray &encKey, quint32 epoch, const QByteArray &rawName,
                       const QByteArray &plain, bool deflate) {
    QByteArray payload = deflate ? zlibDeflate(plain) : plain;
    if (deflate && payload.isEmpty()) return {};
    QByteArray header(kFileMagic, 4);
    header += char(deflate ? kFlagDeflated : 0);
    header += char(epoch >> 24);
    header += char(epoch >> 16);
    header += char(epoch >> 8);
    header += char(epoch);
    const QByteArray nonce = randomBytes(kGcmNonceSize);
    header += nonce;
    const QByteArray sealed =
        aesGcmSeal(encKey, nonce, payload, header.left(kFileAadHeaderSize) + rawName);
    if (sealed.isEmpty()) return {};
    return header + sealed;
}

Result<FileHeader> readFileHeader(const QByteArray &file) {
    if (!file.startsWith(kFileMagic))
        return fail(QCoreApplication::translate(
            "quire::storage", "this is not a Quire encrypted object (its first bytes are not "
                              "\"QNC1\")"));
    if (file.size() < kFileHeaderSize + kGcmTagSize)
        return fail(
            QCoreApplication::translate("quire::storage",
                                        "the encrypted object is truncated (%1 bytes, at least %2 "
                                        "expected)")
                .arg(file.size())
                .arg(kFileHeaderSize + kGcmTagSize));
    FileHeader header;
    header.flags = quint8(file[4]);
    if (header.flags & ~kFlagDeflated)
        return fail(QCoreApplication::translate(
                        "quire::storage",
                        "the encrypted object uses features this version of Quire does "
                        "not know (flags 0x%1); update Quire")
                        .arg(header.flags, 2, 16, QLatin1Char('0')));
    header.epoch = (quint32(quint8(file[5])) << 24) | (quint32(quint8(file[6])) << 16) |
                   (quint32(quint8(file[7])) << 8) | quint32(quint8(file[8]));
    return header;
}

Result<QByteArray> decryptFile(const QByteArray &encKey, const QByteArray &rawName,
                               const QByteArray &file) {
    auto header = readFileHeader(file);
    if (!header) return header.failure();
    if (encKey.size() != kAesKeySize)
        return fail(QCoreApplication::translate("quire::storage",
                                                "the notebook key has %1 bytes instead of 32")
                        .arg(encKey.size()));
    if (file.size() > qsizetype(UINT_MAX))
        return fail(QCoreApplication::translate(
            "quire::storage", "the encrypted object is larger than 4 GiB, which Quire never "
                              "writes"));
    auto payload = aesGcmOpen(encKey, file.mid(kFileAadHeaderSize, kGcmNonceSize),
                              file.mid(kFileHeaderSize), file.left(kFileAadHeaderSize) + rawName);
    if (!payload)
        return fail(QCoreApplication::translate(
            "quire::storage", "the encrypted object is damaged or was changed "
                              "(authentication failed), or it belongs to another name or "
                              "key"));
    if (!(header->flags & kFlagDeflated)) return payload;
    return zlibInflate(*payload);
}

} // namespace quire::crypto
