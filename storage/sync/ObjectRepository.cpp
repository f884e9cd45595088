#include "sync/ObjectRepository.h"
#include "Parallel.h"
#include "sync/GitSupport.h"

#include <git2.h>
#include <git2/sys/odb_backend.h>
#include <git2/sys/repository.h>
#include <openssl/evp.h>
#include <zlib.h>

#include <QCoreApplication>
#include <QDir>
#include <QDirIterator>
#include <QFile>
#include <QFileInfo>
#include <QSet>

#include <algorithm>
#include <array>
#include <cerrno>
#include <climits>
#include <cstring>
#include <limits>
#include <optional>
#include <system_error>
#include <vector>

#include <fcntl.h>
#include <sys/stat.h>
#include <sys/uio.h>
#include <unistd.h>

namespace quire {

namespace {

struct RepositoryFree {
    void operator()(git_repository *repo) const { git_repository_free(repo); }
};
struct OdbFree {
    void operator()(git_odb *odb) const { git_odb_free(odb); }
};
struct OdbObjectFree {
    void operator()(git_odb_object *object) const { git_odb_object_free(object); }
};
struct MdCtxFree {
    void operator()(EVP_MD_CTX *ctx) const { EVP_MD_CTX_free(ctx); }
};
using RepositoryHandle = std::unique_ptr<git_repository, RepositoryFree>;
using OdbHandle = std::unique_ptr<git_odb, OdbFree>;
using OdbObjectHandle = std::unique_ptr<git_odb_object, OdbObjectFree>;
using MdCtxHandle = std::unique_ptr<EVP_MD_CTX, MdCtxFree>;

// Blobs are written by writeLooseObject below; libgit2's own loose writer still writes the trees
// and commits of RepositoryHistory, which are small, so its fastest level is enough there.
constexpr int kLooseCompressionLevel = 1; // Z_BEST_SPEED
// The same order libgit2 gives its default backends: packs are looked at before loose files.
constexpr int kPackPriority = 2;
constexpr int kLoosePriority = 1;

// A deflate "stored" block carries at most 65535 bytes (RFC 1951 §3.2.4).
constexpr qsizetype kStoredBlockMax = 65535;
// Fewer blobs than this are written loose; more go into one pack.
constexpr qsizetype kPackFrom = 16;
constexpr qsizetype kMaxPackBytes = qsizetype(1) << 30;
// The longest header git writes ("commit 18446744073709551615\0" fits easily).
constexpr int kMaxObjectHeader = 32;
// Loose files are read in pieces that stay in the CPU cache between inflating and hashing.
constexpr int kReadPiece = 64 * 1024;
constexpr qsizetype kHashSlice = 256 * 1024;
// Deflate shrinks data at most about 1032:1, so a header that claims more than that many bytes
// per stored byte is damage; checking it first keeps a corrupt header from asking for an absurd
// allocation.
constexpr qint64 kMaxInflateRatio = 1032;

Error gitFailure(const QString &context) {
    return fail(
        QCoreApplication::translate("quire::storage", "%1: %2").arg(context, lastGitError()));
}

// strerror() is not safe on the helper threads of the async calls; this is.
QString systemError(int error) {
    return QString::fromStdString(std::error_code(error, std::generic_category()).message());
}

// The object database is built by hand rather than taken from libgit2's defaults so that the
// loose objects libgit2 writes (trees, commits) use a low compression level; the pack backend is
// kept so that objects arriving by fetch stay readable.
Result<OdbHandle> buildObjectDatabase(const QByteArray &objectsDir, const QString &repoPath) {
    const QString context =
        QStringLiteral("could not open the notebook's object store at %1").arg(repoPath);

    git_odb *rawOdb = nullptr;
    if (git_odb_new(&rawOdb) < 0) return gitFailure(context);
    OdbHandle odb(rawOdb);

    git_odb_backend *pack = nullptr;
    if (git_odb_backend_pack(&pack, objectsDir.constData()) < 0) return gitFailure(context);
    if (git_odb_add_backend(odb.get(), pack, kPackPriority) < 0) {
        pack->free(pack); // only an added backend belongs to the odb
        return gitFailure(context);
    }

    git_odb_backend *loose = nullptr;
    if (git_odb_backend_loose(&loose, objectsDir.constData(), kLooseCompressionLevel,
                              /*do_fsync=*/0, /*dir_mode=*/0, /*file_mode=*/0) < 0)
        return gitFailure(context);
    if (git_odb_add_backend(odb.get(), loose, kLoosePriority) < 0) {
        loose->free(loose);
        return gitFailure(context);
    }
    return odb;
}

Result<git_oid> parseOid(const QByteArray &hexOid) {
    git_oid oid;
    if (hexOid.size() != GIT_OID_HEXSZ ||
        git_oid_fromstrn(&oid, hexOid.constData(), size_t(hexOid.size())) < 0)
        return fail(QCoreApplication::translate("quire::storage", "\"%1\" is not an object id")
                        .arg(QString::fromLatin1(hexOid)));
    return oid;
}

QByteArray oidHex(const git_oid &oid) {
    QByteArray hex(GIT_OID_HEXSZ, Qt::Uninitialized);
    git_oid_fmt(hex.data(), &oid); // lowercase, not NUL-terminated
    return hex;
}

bool isEmptyOrMissing(const QString &path) {
    const QFileInfo info(path);
    if (!info.exists()) return true;
    return info.isDir() && QDir(path).isEmpty(QDir::AllEntries | QDir::NoDotAndDotDot |
                                              QDir::Hidden | QDir::System);
}

// Git names an object by the SHA-1 of its header and content. OpenSSL's SHA-1 (SHA-NI where
// the CPU has it) is several times faster than libgit2's collision-detecting one; collision
// detection adds nothing here because every blob Quire stores is AES-GCM ciphertext that is
// authenticated again when it is decrypted.
class ObjectHasher {
public:
    ObjectHasher()
        : m_ctx(EVP_MD_CTX_new()) {
        m_ok = m_ctx && EVP_DigestInit_ex2(m_ctx.get(), EVP_sha1(), nullptr) == 1;
    }
    void add(const void *data, size_t size) {
        if (m_ok && size > 0) m_ok = EVP_DigestUpdate(m_ctx.get(), data, size) == 1;
    }
    std::optional<git_oid> finish() {
        git_oid oid;
        static_assert(sizeof(oid.id) == 20);
        unsigned int length = 0;
        if (!m_ok || EVP_DigestFinal_ex(m_ctx.get(), oid.id, &length) != 1 || length != 20)
            return std::nullopt;
        return oid;
    }

private:
    MdCtxHandle m_ctx;
    bool m_ok = false;
};

class FileDescriptor {
public:
    explicit FileDescriptor(int fd)
        : m_fd(fd) {}
    ~FileDescriptor() { close(); }
    FileDescriptor(const FileDescriptor &) = delete;
    FileDescriptor &operator=(const FileDescriptor &) = delete;
    int get() const { return m_fd; }
    bool isValid() const { return m_fd >= 0; }
    // Returns 0 or the errno of a failed close, which on some file systems is where a failed
    // write shows up.
    int close() {
        if (m_fd < 0) return 0;
        const int rc = ::close(m_fd);
        m_fd = -1;
        return rc == 0 ? 0 : errno;
    }

private:
    int m_fd = -1;
};

// Writes every piece, resuming after short writes; returns 0 or an errno.
int writeAll(int fd, std::vector<iovec> &pieces) {
    size_t first = 0;
    while (first < pieces.size()) {
        const int count = int(std::min<size_t>(pieces.size() - first, IOV_MAX));
        const ssize_t written = ::writev(fd, pieces.data() + first, count);
        if (written < 0 && errno == EINTR) continue;
        if (written < 0) return errno;
        if (written == 0) return EIO; // no progress and no reason given: never spin
        size_t left = size_t(written);
        while (first < pieces.size() && left >= pieces[first].iov_len)
            left -= pieces[first++].iov_len;
        if (left > 0) {
            pieces[first].iov_base = static_cast<char *>(pieces[first].iov_base) + left;
            pieces[first].iov_len -= left;
        }
    }
    return 0;
}

// A zlib stream (RFC 1950) of deflate stored blocks over `parts`, as pieces for writev: the
// bytes themselves are not copied. Ciphertext does not compress, and stored blocks cost only
// five bytes per 64 KiB, so this is the cheapest stream every zlib reader (git, libgit2)
// accepts. zlib's own level 0 would produce the same kind of stream after a copy.
class StoredZlibStream {
public:
    struct Part {
        const char *data;
        qsizetype size;
    };

    // The stream points into the bytes that `parts` name, which must outlive it.
    explicit StoredZlibStream(std::initializer_list<Part> parts) {
        qsizetype total = 0;
        uLong adler = adler32_z(0, nullptr, 0);
        for (const Part &part : parts) {
            total += part.size;
            adler =
                adler32_z(adler, reinterpret_cast<const Bytef *>(part.data), z_size_t(part.size));
        }
        const qsizetype blocks =
            std::max<qsizetype>(1, (total + kStoredBlockMax - 1) / kStoredBlockMax);
        m_blockHeaders.resize(size_t(blocks));
        m_pieces.reserve(size_t(blocks) * 3 + 2);
        // CMF 0x78: deflate with a 32 KiB window; FLG 0x01: fastest level, no dictionary, and
        // the check bits that make 0x7801 a multiple of 31.
        m_pieces.push_back({m_zlibHeader.data(), m_zlibHeader.size()});

        auto part = parts.begin();
        qsizetype offsetInPart = 0;
        qsizetype left = total;
        for (qsizetype block = 0; block < blocks; ++block) {
            const auto length = quint16(std::min(left, kStoredBlockMax));
            left -= length;
            auto &header = m_blockHeaders[size_t(block)];
            header[0] = left == 0 ? 0x01 : 0x00; // BFINAL on the last block, BTYPE 00 = stored
            header[1] = quint8(length & 0xff);
            header[2] = quint8(length >> 8);
            header[3] = quint8(~length & 0xff);
            header[4] = quint8(quint16(~length) >> 8);
            m_pieces.push_back({header.data(), header.size()});
            for (qsizetype need = length; need > 0;) {
                while (offsetInPart == part->size) {
                    ++part;
                    offsetInPart = 0;
                }
                const qsizetype take = std::min(need, part->size - offsetInPart);
                m_pieces.push_back({const_cast<char *>(part->data + offsetInPart), size_t(take)});
                offsetInPart += take;
                need -= take;
            }
        }
        for (int i = 0; i < 4; ++i)
            m_trailer[size_t(i)] = quint8(adler >> (24 - 8 * i)); // big-endian
        m_pieces.push_back({m_trailer.data(), m_trailer.size()});
    }

    StoredZlibStream(const StoredZlibStream &) = delete; // the pieces point into this object
    StoredZlibStream &operator=(const StoredZlibStream &) = delete;

    int writeTo(int fd) { return writeAll(fd, m_pieces); }
    void appendTo(QByteArray &out) const {
        for (const iovec &piece : m_pieces)
            out.append(static_cast<const char *>(piece.iov_base), qsizetype(piece.iov_len));
    }

private:
    std::array<quint8, 2> m_zlibHeader{0x78, 0x01};
    std::vector<std::array<quint8, 5>> m_blockHeaders;
    std::array<quint8, 4> m_trailer{};
    std::vector<iovec> m_pieces;
};

QByteArray blobHeader(qsizetype size) {
    QByteArray header = "blob " + QByteArray::number(size);
    header.append('\0');
    return header;
}

QByteArray looseObjectDir(const QByteArray &objectsDir, const QByteArray &hex) {
    return objectsDir + '/' + hex.left(2);
}

QByteArray looseObjectPath(const QByteArray &objectsDir, const QByteArray &hex) {
    return objectsDir + '/' + hex.left(2) + '/' + hex.mid(2);
}

// Writes the loose object the way git does: into a temporary file beside its final place
// ("tmp_obj_", which git's own prune clears away after a crash), then linked into place, so that
// a reader sees either the whole object or none. An object that is already there is not
// touched. Returns 0 or an errno, with `step` saying what failed.
int writeLooseObject(const QByteArray &objectsDir, const QByteArray &hex, const QByteArray &header,
                     const QByteArray &content, const char *&step) {
    const QByteArray dir = looseObjectDir(objectsDir, hex);
    step = "create the folder";
    if (::mkdir(dir.constData(), 0777) != 0 && errno != EEXIST) return errno;

    QByteArray temporary = dir + "/tmp_obj_XXXXXX";
    step = "create a temporary file";
    FileDescriptor file(::mkostemp(temporary.data(), O_CLOEXEC));
    if (!file.isValid()) return errno;

    const QByteArray target = looseObjectPath(objectsDir, hex);
    auto giveUp = [&](int error) {
        file.close();
        ::unlink(temporary.constData());
        return error;
    };
    step = "write";
    StoredZlibStream stream(
        {{header.constData(), header.size()}, {content.constData(), content.size()}});
    if (const int error = stream.writeTo(file.get())) return giveUp(error);
    // Loose objects are immutable; git and libgit2 create them read-only too.
    if (::fchmod(file.get(), 0444) != 0) return giveUp(errno);
    if (const int error = file.close()) return giveUp(error);

    step = "move into place";
    // link() never replaces: if another writer got there first, its object holds the same bytes.
    if (::link(temporary.constData(), target.constData()) == 0 || errno == EEXIST) {
        ::unlink(temporary.constData());
        return 0;
    }
    // Some file systems have no hard links; rename() is atomic as well.
    if (::rename(temporary.constData(), target.constData()) == 0) return 0;
    const int error = errno;
    ::unlink(temporary.constData());
    return error;
}

// ---- packs ------------------------------------------------------------------------------------
// A bulk import writes its blobs as one pack and its index (git's pack format version 2 and
// index version 2) instead of a loose file each: two files instead of thousands, one fsync,
// and readers — libgit2, git, a server — take packs as they are.

void appendBigEndian32(QByteArray &out, quint32 value) {
    for (int shift = 24; shift >= 0; shift -= 8)
        out.append(char((value >> shift) & 0xff));
}

// The entry header: type 3 (blob) and the inflated size, 4 bits then 7 bits per byte.
void appendPackEntryHeader(QByteArray &out, quint64 size) {
    quint8 byte = quint8((3u << 4) | (size & 0x0f));
    size >>= 4;
    while (size > 0) {
        out.append(char(byte | 0x80));
        byte = quint8(size & 0x7f);
        size >>= 7;
    }
    out.append(char(byte));
}

struct PackedObject {
    git_oid oid;
    quint32 crc = 0;
    quint32 offset = 0;
};

// Writes `bytes` to `target` through a temporary file in the same folder, flushed to the disk
// before it takes its name. Returns 0 or an errno, with `step` saying what failed.
int writeFileDurably(const QByteArray &dir, const QByteArray &target, const QByteArray &bytes,
                     const char *&step) {
    QByteArray temporary = dir + "/tmp_pack_XXXXXX";
    step = "create a temporary file";
    FileDescriptor file(::mkostemp(temporary.data(), O_CLOEXEC));
    if (!file.isValid()) return errno;
    auto giveUp = [&](int error) {
        file.close();
        ::unlink(temporary.constData());
        return error;
    };
    step = "write";
    std::vector<iovec> piece{{const_cast<char *>(bytes.constData()), size_t(bytes.size())}};
    if (const int error = writeAll(file.get(), piece)) return giveUp(error);
    step = "flush to the disk";
    if (::fsync(file.get()) != 0) return giveUp(errno);
    if (::fchmod(file.get(), 0444) != 0) return giveUp(errno);
    if (const int error = file.close()) return giveUp(error);
    step = "move into place";
    if (::rename(temporary.constData(), target.constData()) != 0) {
        const int error = errno;
        ::unlink(temporary.constData());
        return error;
    }
    return 0;
}

struct LooseRead {
    enum class Outcome { Read, Missing, NotBlob, Damaged, Unreadable };
    Outcome outcome = Outcome::Missing;
    QString reason;
};

LooseRead damaged(const QString &reason) {
    return {LooseRead::Outcome::Damaged, reason};
}

class Inflater {
public:
    explicit Inflater(int fd)
        : m_fd(fd)
        , m_input(new unsigned char[kReadPiece]) {
        m_ready = inflateInit(&m_stream) == Z_OK;
        // The SHA-1 of the inflated bytes is checked against the object's name, which is a far
        // stronger check of the same bytes than zlib's Adler-32, so that pass is skipped.
        if (m_ready) inflateValidate(&m_stream, 0);
    }
    ~Inflater() {
        if (m_ready) inflateEnd(&m_stream);
    }
    Inflater(const Inflater &) = delete;
    Inflater &operator=(const Inflater &) = delete;

    bool ready() const { return m_ready; }
    bool ended() const { return m_ended; }
    int readError() const { return m_readError; }
    QString problem() const { return m_problem; }

    // Fills [out, out + size) unless the stream ends first; returns the bytes produced, or -1
    // with problem() or readError() set.
    qsizetype fill(unsigned char *out, qsizetype size) {
        qsizetype produced = 0;
        while (produced < size && !m_ended) {
            if (m_stream.avail_in == 0 && !m_endOfFile) {
                ssize_t n;
                do {
                    n = ::read(m_fd, m_input.get(), kReadPiece);
                } while (n < 0 && errno == EINTR);
                if (n < 0) {
                    m_readError = errno;
                    return -1;
                }
                m_endOfFile = n == 0;
                m_stream.next_in = m_input.get();
                m_stream.avail_in = uInt(n);
            }
            const uInt room = uInt(std::min<qsizetype>(size - produced, UINT_MAX));
            m_stream.next_out = out + produced;
            m_stream.avail_out = room;
            // At the end of the file zlib may still hold output (the rest of a match), so the
            // stream is truncated only when it can make no progress at all.
            const int rc = inflate(&m_stream, Z_NO_FLUSH);
            produced += room - m_stream.avail_out;
            if (rc == Z_STREAM_END) {
                m_ended = true;
            } else if (rc == Z_BUF_ERROR && m_endOfFile) {
                m_problem = QStringLiteral("it is truncated");
                return -1;
            } else if (rc != Z_OK && rc != Z_BUF_ERROR) {
                m_problem = QStringLiteral("it does not inflate: %1")
                                .arg(QString::fromLatin1(m_stream.msg ? m_stream.msg : "zlib"));
                return -1;
            }
        }
        return produced;
    }

    // True when nothing follows the end of the zlib stream, as git requires.
    bool nothingAfterEnd() {
        if (m_stream.avail_in > 0) return false;
        unsigned char probe;
        ssize_t n;
        do {
            n = ::read(m_fd, &probe, 1);
        } while (n < 0 && errno == EINTR);
        return n == 0;
    }

private:
    int m_fd;
    std::unique_ptr<unsigned char[]> m_input;
    z_stream m_stream{};
    bool m_ready = false;
    bool m_ended = false;
    bool m_endOfFile = false;
    int m_readError = 0;
    QString m_problem;
};

// Gives `buffer` room for `size` bytes, reusing its allocation when that is possible without
// copying stale bytes.
char *prepare(QByteArray &buffer, qsizetype size) {
    if (!buffer.isDetached() || buffer.capacity() < size)
        buffer = QByteArray(size, Qt::Uninitialized);
    else
        buffer.resize(size);
    return buffer.data();
}

// Reads a loose blob into `content` without libgit2: libgit2 reads the whole file into one
// buffer, inflates into a second and hashes with its slow SHA-1, and the caller then needs a
// third. Here the content is inflated once, straight into the caller's buffer, and hashed while
// each slice is still in the CPU cache. Any zlib stream is read, so objects written by libgit2
// or git at any compression level stay readable.
LooseRead readLooseBlob(const QByteArray &objectsDir, const git_oid &oid, QByteArray &content) {
    const QByteArray path = looseObjectPath(objectsDir, oidHex(oid));
    FileDescriptor file(::open(path.constData(), O_RDONLY | O_CLOEXEC));
    if (!file.isValid()) {
        if (errno == ENOENT) return {};
        return {LooseRead::Outcome::Unreadable, systemError(errno)};
    }
    struct stat info;
    if (::fstat(file.get(), &info) != 0)
        return {LooseRead::Outcome::Unreadable, systemError(errno)};

    Inflater inflater(file.get());
    if (!inflater.ready())
        return {LooseRead::Outcome::Unreadable, QStringLiteral("zlib could not start")};
    auto streamFailure = [&] {
        if (inflater.readError())
            return LooseRead{LooseRead::Outcome::Unreadable, systemError(inflater.readError())};
        return damaged(inflater.problem());
    };

    std::array<unsigned char, kMaxObjectHeader> head;
    const qsizetype headSize = inflater.fill(head.data(), qsizetype(head.size()));
    if (headSize < 0) return streamFailure();
    const auto *nul = static_cast<const unsigned char *>(std::memchr(head.data(), 0, headSize));
    if (!nul) return damaged(QStringLiteral("its header is malformed"));
    const QByteArray header(reinterpret_cast<const char *>(head.data()), nul - head.data());
    const qsizetype space = header.indexOf(' ');
    if (space <= 0) return damaged(QStringLiteral("its header is malformed"));
    const QByteArray sizeText = header.mid(space + 1);
    bool sizeOk = !sizeText.isEmpty() && sizeText.size() <= 18;
    for (const char c : sizeText)
        sizeOk = sizeOk && c >= '0' && c <= '9';
    if (!sizeOk) return damaged(QStringLiteral("its header is malformed"));
    const qsizetype size = sizeText.toLongLong();
    if (header.left(space) != "blob") return {LooseRead::Outcome::NotBlob, {}};
    if (size > (qint64(info.st_size) + 1) * kMaxInflateRatio)
        return damaged(QStringLiteral("its header claims more bytes than the file can hold"));

    const qsizetype headerBytes = (nul - head.data()) + 1;
    const qsizetype early = headSize - headerBytes; // content that came with the header
    if (early > size) return damaged(QStringLiteral("it is longer than its header says"));

    ObjectHasher hasher;
    hasher.add(head.data(), size_t(headerBytes));
    auto *out = reinterpret_cast<unsigned char *>(prepare(content, size));
    std::memcpy(out, nul + 1, size_t(early));
    hasher.add(out, size_t(early));
    for (qsizetype done = early; done < size;) {
        const qsizetype want = std::min(kHashSlice, size - done);
        const qsizetype got = inflater.fill(out + done, want);
        if (got < 0) return streamFailure();
        hasher.add(out + done, size_t(got));
        done += got;
        if (got < want) return damaged(QStringLiteral("it is shorter than its header says"));
    }
    unsigned char extra;
    if (!inflater.ended()) {
        const qsizetype got = inflater.fill(&extra, 1);
        if (got < 0) return streamFailure();
        if (got > 0) return damaged(QStringLiteral("it is longer than its header says"));
    }
    if (!inflater.nothingAfterEnd()) return damaged(QStringLiteral("it has bytes after its end"));
    const std::optional<git_oid> actual = hasher.finish();
    if (!actual) return {LooseRead::Outcome::Unreadable, QStringLiteral("SHA-1 failed")};
    if (git_oid_cmp(&*actual, &oid) != 0)
        return damaged(QStringLiteral("its content does not match its name"));
    return {LooseRead::Outcome::Read, {}};
}

} // namespace

struct ObjectRepository::Impl {
    RepositoryHandle repo;
    OdbHandle odb; // the repository holds its own reference as well
    QString path;
    QByteArray objectsDir; // native path, without a trailing slash

    // Safe to call from several threads at once: nothing here changes after open(), and
    // libgit2's object database is thread-safe.
    Result<QByteArray> writeBlob(const QByteArray &content) const;
    Result<void> writePack(const QList<QByteArray> &contents, QList<QByteArray> &ids) const;
    Result<void> readBlob(const QByteArray &hexOid, QByteArray &content) const;
};

Result<QByteArray> ObjectRepository::Impl::writeBlob(const QByteArray &content) const {
    const QString context =
        QStringLiteral("could not write to the notebook's object store at %1").arg(path);
    const QByteArray header = blobHeader(content.size());
    ObjectHasher hasher;
    hasher.add(header.constData(), size_t(header.size()));
    hasher.add(content.constData(), size_t(content.size()));
    const std::optional<git_oid> oid = hasher.finish();
    if (!oid) return fail(context + QStringLiteral(": SHA-1 failed"));
    const QByteArray hex = oidHex(*oid);
    // Packed or loose, an object with this name already holds these bytes.
    if (git_odb_exists(odb.get(), &*oid) == 1) return hex;

    const char *step = "";
    if (const int error = writeLooseObject(objectsDir, hex, header, content, step))
        return fail(
            QCoreApplication::translate("quire::storage", "%1: could not %2 for object %3: %4")
                .arg(context, QString::fromLatin1(step), QString::fromLatin1(hex),
                     systemError(error)));
    return hex;
}

Result<void> ObjectRepository::Impl::writePack(const QList<QByteArray> &contents,
                                               QList<QByteArray> &ids) const {
    const QString context =
        QStringLiteral("could not write to the notebook's object store at %1").arg(path);
    qsizetype total = 0;
    for (const QByteArray &c : contents)
        total += c.size() + c.size() / kStoredBlockMax * 5 + 32;
    // 32-bit pack offsets reach 2 GiB; a larger batch goes into several packs.
    if (total > kMaxPackBytes && contents.size() > 1) {
        const qsizetype half = contents.size() / 2;
        if (auto r = writePack(contents.first(half), ids); !r) return r;
        return writePack(contents.sliced(half), ids);
    }

    // Hashing and framing each object is done on all cores; the pack is assembled in order.
    // An object already stored elsewhere (loose or in another pack) is written again rather
    // than looked up in every pack: git allows an object in several packs, and the record files
    // of a bulk import never repeat (each has its own random nonce).
    struct Encoded {
        std::optional<git_oid> oid;
        QByteArray entry; // the pack entry: its header, then the zlib stream
        quint32 crc = 0;
    };
    std::vector<Encoded> encoded(size_t(contents.size()));
    auto encode = [&](qsizetype i) {
        const QByteArray &content = contents.at(i);
        Encoded &e = encoded[size_t(i)];
        const QByteArray header = blobHeader(content.size());
        ObjectHasher hasher;
        hasher.add(header.constData(), size_t(header.size()));
        hasher.add(content.constData(), size_t(content.size()));
        e.oid = hasher.finish();
        e.entry.reserve(content.size() + content.size() / kStoredBlockMax * 5 + 32);
        appendPackEntryHeader(e.entry, quint64(content.size()));
        StoredZlibStream({{content.constData(), content.size()}}).appendTo(e.entry);
        e.crc = quint32(crc32_z(crc32_z(0, nullptr, 0),
                                reinterpret_cast<const Bytef *>(e.entry.constData()),
                                z_size_t(e.entry.size())));
    };
    QByteArray pack;
    pack.reserve(total + 64);
    pack.append("PACK", 4);
    appendBigEndian32(pack, 2);
    appendBigEndian32(pack, 0); // the count, once known
    std::vector<PackedObject> objects;
    objects.reserve(size_t(contents.size()));
    QSet<QByteArray> inThisPack;
    QString problem;
    auto place = [&](qsizetype i) {
        Encoded &e = encoded[size_t(i)];
        if (!e.oid) {
            problem = context + QStringLiteral(": SHA-1 failed");
            return false;
        }
        const QByteArray hex = oidHex(*e.oid);
        ids << hex;
        if (inThisPack.contains(hex)) return true;
        inThisPack.insert(hex);
        const qsizetype offset = pack.size();
        if (offset > std::numeric_limits<qint32>::max()) {
            problem = context + QStringLiteral(": the pack grew beyond 2 GiB");
            return false;
        }
        pack.append(e.entry);
        e.entry = QByteArray();
        objects.push_back({*e.oid, e.crc, quint32(offset)});
        return true;
    };
    if (!prepareInParallelConsumeInOrder(contents.size(), 64, encode, place)) return fail(problem);
    if (objects.empty()) return {};
    for (int i = 0; i < 4; ++i)
        pack[8 + i] = char((quint32(objects.size()) >> (24 - 8 * i)) & 0xff);
    ObjectHasher packHasher;
    packHasher.add(pack.constData(), size_t(pack.size()));
    const std::optional<git_oid> packSum = packHasher.finish();
    if (!packSum) return fail(context + QStringLiteral(": SHA-1 failed"));
    pack.append(reinterpret_cast<const char *>(packSum->id), 20);

    std::sort(objects.begin(), objects.end(), [](const PackedObject &a, const PackedObject &b) {
        return git_oid_cmp(&a.oid, &b.oid) < 0;
    });
    QByteArray index;
    index.reserve(8 + 256 * 4 + qsizetype(objects.size()) * 28 + 40);
    index.append("\xfftOc", 4);
    appendBigEndian32(index, 2);
    size_t below = 0;
    for (int first = 0; first < 256; ++first) {
        while (below < objects.size() && objects[below].oid.id[0] <= first)
            ++below;
        appendBigEndian32(index, quint32(below));
    }
    for (const PackedObject &o : objects)
        index.append(reinterpret_cast<const char *>(o.oid.id), 20);
    for (const PackedObject &o : objects)
        appendBigEndian32(index, o.crc);
    for (const PackedObject &o : objects)
        appendBigEndian32(index, o.offset);
    index.append(reinterpret_cast<const char *>(packSum->id), 20);
    ObjectHasher indexHasher;
    indexHasher.add(index.constData(), size_t(index.size()));
    const std::optional<git_oid> indexSum = indexHasher.finish();
    if (!indexSum) return fail(context + QStringLiteral(": SHA-1 failed"));
    index.append(reinterpret_cast<const char *>(indexSum->id), 20);

    const QByteArray packDir = objectsDir + "/pack";
    const QByteArray base = packDir + "/pack-" + oidHex(*packSum);
    const char *step = "create the pack folder";
    int error = ::mkdir(packDir.constData(), 0777) != 0 && errno != EEXIST ? errno : 0;
    // The index goes last: readers find a pack by its index, so they never see half of one.
    if (!error) error = writeFileDurably(packDir, base + ".pack", pack, step);
    if (!error) error = writeFileDurably(packDir, base + ".idx", index, step);
    if (error)
        return fail(QCoreApplication::translate("quire::storage",
                                                "%1: could not %2 for a pack of %3 objects: %4")
                        .arg(context, QString::fromLatin1(step))
                        .arg(objects.size())
                        .arg(systemError(error)));
    if (git_odb_refresh(odb.get()) < 0) return gitFailure(context);
    return {};
}

Result<void> ObjectRepository::Impl::readBlob(const QByteArray &hexOid, QByteArray &content) const {
    const Result<git_oid> oid = parseOid(hexOid);
    if (!oid) return oid.failure();
    const QString name = QString::fromLatin1(hexOid);
    const QString context =
        QStringLiteral("could not read object %1 from the notebook's object store at %2")
            .arg(name, path);
    const QString notBlob =
        QStringLiteral("object %1 in the notebook's object store at %2 is not a blob")
            .arg(name, path);

    const LooseRead loose = readLooseBlob(objectsDir, *oid, content);
    switch (loose.outcome) {
    case LooseRead::Outcome::Read:
        return {};
    case LooseRead::Outcome::NotBlob:
        return fail(notBlob);
    case LooseRead::Outcome::Damaged:
        // That is what a person has to act on, so it is said plainly.
        return fail(
            QCoreApplication::translate("quire::storage", "%1: the stored object is damaged (%2)")
                .arg(context, loose.reason));
    case LooseRead::Outcome::Unreadable:
        return fail(
            QCoreApplication::translate("quire::storage", "%1: %2").arg(context, loose.reason));
    case LooseRead::Outcome::Missing:
        break; // packed, or not there at all: libgit2 knows packs
    }

    git_odb_object *raw = nullptr;
    const int rc = git_odb_read(&raw, odb.get(), &*oid);
    OdbObjectHandle object(raw);
    if (rc == GIT_ENOTFOUND)
        return fail(QCoreApplication::translate(
                        "quire::storage", "the notebook's object store at %1 has no object %2")
                        .arg(path, name));
    if (rc < 0) {
        // An object that does not inflate or does not hash to its name has been damaged on
        // disk; say so, since that is what a person has to act on.
        const git_error *error = git_error_last();
        if (rc == GIT_EMISMATCH || (error && error->klass == GIT_ERROR_ZLIB))
            return fail(QCoreApplication::translate("quire::storage",
                                                    "%1: the stored object is damaged (%2)")
                            .arg(context, lastGitError()));
        return gitFailure(context);
    }
    if (git_odb_object_type(object.get()) != GIT_OBJECT_BLOB) return fail(notBlob);
    const auto size = qsizetype(git_odb_object_size(object.get()));
    std::memcpy(prepare(content, size), git_odb_object_data(object.get()), size_t(size));
    return {};
}

namespace {

// std::async, but never throwing: without a thread to spare, the work runs when it is awaited.
// The work is shared rather than copied so that a buffer it holds stays unshared, and so that
// it survives a failed start.
template <typename Work> std::future<Result<QByteArray>> runAsync(Work work) {
    auto shared = std::make_shared<Work>(std::move(work));
    auto run = [shared] { return (*shared)(); };
    try {
        return std::async(std::launch::async, run);
    } catch (const std::system_error &) {
        return std::async(std::launch::deferred, run);
    }
}

const QString kNotOpen = QStringLiteral("the notebook's object store is not open");

} // namespace

ObjectRepository::ObjectRepository() = default;
ObjectRepository::~ObjectRepository() = default;
ObjectRepository::ObjectRepository(ObjectRepository &&) noexcept = default;
ObjectRepository &ObjectRepository::operator=(ObjectRepository &&) noexcept = default;

Result<ObjectRepository> ObjectRepository::openOrCreate(const QString &path) {
    initLibgit2();
    // Never turn a folder that holds something else into a repository: only a missing or empty
    // folder is created, anything else must already be a notebook's repository.
    if (!isEmptyOrMissing(path)) return open(path);

    git_repository_init_options options = GIT_REPOSITORY_INIT_OPTIONS_INIT;
    options.flags =
        GIT_REPOSITORY_INIT_BARE | GIT_REPOSITORY_INIT_MKPATH | GIT_REPOSITORY_INIT_NO_REINIT;
    options.initial_head = "main";
    git_repository *raw = nullptr;
    if (git_repository_init_ext(&raw, QFile::encodeName(path).constData(), &options) < 0)
        return gitFailure(
            QStringLiteral("could not create the notebook's object store at %1").arg(path));
    // Every blob is ciphertext: looking for deltas between them when a push packs them costs
    // seconds per 40 MB and never finds one.
    git_config *config = nullptr;
    if (git_repository_config(&config, raw) == 0) {
        git_config_set_int64(config, "pack.windowMemory", 1);
        git_config_free(config);
    }
    git_repository_free(raw);
    // Opening the fresh repository takes the same path as every later start.
    return open(path);
}

QStringList ObjectRepository::removeLeftoversOfAKilledWriter(const QString &path) {
    const QDir root(path);
    QStringList removed;
    auto sweep = [&](const QString &folder, QDirIterator::IteratorFlags flags, auto isLeftover) {
        QDirIterator it(root.filePath(folder), QDir::Files | QDir::Hidden | QDir::System, flags);
        while (it.hasNext()) {
            const QString file = it.next();
            if (isLeftover(it.fileName()) && QFile::remove(file))
                removed.append(root.relativeFilePath(file));
        }
    };
    const auto isLock = [](const QString &name) { return name.endsWith(QLatin1String(".lock")); };
    // libgit2 writes every ref, packed-refs, HEAD and config through "<name>.lock".
    sweep(QStringLiteral("."), QDirIterator::NoIteratorFlags, isLock);
    sweep(QStringLiteral("refs"), QDirIterator::Subdirectories, isLock);
    // Loose objects go through objects/tmp_object_git2_*, fetched packs through
    // objects/pack/pack_git2_* and "….idx.lock", and our own packs through tmp_pack_*.
    sweep(QStringLiteral("objects"), QDirIterator::NoIteratorFlags,
          [](const QString &name) { return name.startsWith(QLatin1String("tmp_object_git2_")); });
    sweep(QStringLiteral("objects/pack"), QDirIterator::NoIteratorFlags, [&](const QString &name) {
        return isLock(name) || name.startsWith(QLatin1String("pack_git2_")) ||
               name.startsWith(QLatin1String("tmp_pack_"));
    });
    return removed;
}

Result<ObjectRepository> ObjectRepository::open(const QString &path) {
    initLibgit2();
    const QString context = QStringLiteral("could not open the notebook's object store at %1");
    if (!QFileInfo(path).isDir())
        return fail(context.arg(path) + QStringLiteral(": the folder does not exist"));

    git_repository *raw = nullptr;
    // NO_SEARCH: the vault names the folder exactly; never wander up into an enclosing checkout.
    if (git_repository_open_ext(&raw, QFile::encodeName(path).constData(),
                                GIT_REPOSITORY_OPEN_NO_SEARCH, nullptr) < 0)
        return gitFailure(context.arg(path));
    RepositoryHandle repo(raw);
    if (!git_repository_is_bare(repo.get()))
        return fail(context.arg(path) + QStringLiteral(": it is not a bare repository"));

    // commondir is the folder libgit2 itself resolved (with a trailing slash).
    const QByteArray objectsDir = QByteArray(git_repository_commondir(repo.get())) + "objects";
    Result<OdbHandle> odb = buildObjectDatabase(objectsDir, path);
    if (!odb) return odb.failure();
    if (git_repository_set_odb(repo.get(), odb->get()) < 0) return gitFailure(context.arg(path));

    ObjectRepository result;
    result.d = std::make_unique<Impl>();
    result.d->repo = std::move(repo);
    result.d->odb = std::move(odb.value());
    result.d->path = path;
    result.d->objectsDir = objectsDir;
    return result;
}

Result<QByteArray> ObjectRepository::writeBlob(const QByteArray &content) {
    if (!d || !d->odb) return fail(kNotOpen);
    return d->writeBlob(content);
}

QByteArray ObjectRepository::blobId(const QByteArray &content) {
    const QByteArray header = blobHeader(content.size());
    ObjectHasher hasher;
    hasher.add(header.constData(), size_t(header.size()));
    hasher.add(content.constData(), size_t(content.size()));
    const std::optional<git_oid> oid = hasher.finish();
    return oid ? oidHex(*oid) : QByteArray();
}

Result<QList<QByteArray>> ObjectRepository::writeBlobs(const QList<QByteArray> &contents) {
    if (!d || !d->odb) return fail(kNotOpen);
    QList<QByteArray> ids;
    ids.reserve(contents.size());
    if (contents.size() < kPackFrom) {
        for (const QByteArray &content : contents) {
            auto id = d->writeBlob(content);
            if (!id) return id.failure();
            ids << *id;
        }
        return ids;
    }
    if (auto r = d->writePack(contents, ids); !r) return r.failure();
    return ids;
}

Result<QByteArray> ObjectRepository::readBlob(const QByteArray &hexOid) const {
    if (!d || !d->odb) return fail(kNotOpen);
    QByteArray content;
    if (auto r = d->readBlob(hexOid, content); !r) return r.failure();
    return content;
}

std::future<Result<QByteArray>> ObjectRepository::writeBlobAsync(QByteArray content) {
    const Impl *impl = d.get(); // stays put when the repository is moved
    return runAsync([impl, content = std::move(content)]() -> Result<QByteArray> {
        if (!impl || !impl->odb) return fail(kNotOpen);
        return impl->writeBlob(content);
    });
}

std::future<Result<QByteArray>> ObjectRepository::readBlobAsync(const QByteArray &hexOid,
                                                                QByteArray reuse) const {
    const Impl *impl = d.get();
    return runAsync([impl, hexOid, content = std::move(reuse)]() mutable -> Result<QByteArray> {
        if (!impl || !impl->odb) return fail(kNotOpen);
        if (auto r = impl->readBlob(hexOid, content); !r) return r.failure();
        return std::move(content);
    });
}

bool ObjectRepository::hasBlob(const QByteArray &hexOid) const {
    if (!d || !d->odb) return false;
    const Result<git_oid> oid = parseOid(hexOid);
    return oid && git_odb_exists(d->odb.get(), &*oid) == 1;
}

QString ObjectRepository::path() const {
    return d ? d->path : QString();
}

} // namespace quire
