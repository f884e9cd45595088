#include "ObjectRepository.h"

#include <git2.h>
#include <git2/sys/odb_backend.h>
#include <git2/sys/repository.h>

#include <QDir>
#include <QFile>
#include <QFileInfo>

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
using RepositoryHandle = std::unique_ptr<git_repository, RepositoryFree>;
using OdbHandle = std::unique_ptr<git_odb, OdbFree>;
using OdbObjectHandle = std::unique_ptr<git_odb_object, OdbObjectFree>;

// Ciphertext does not compress, so the fastest zlib level only costs a few framing bytes.
constexpr int kLooseCompressionLevel = 1; // Z_BEST_SPEED
// The same order libgit2 gives its default backends: packs are looked at before loose files.
constexpr int kPackPriority = 2;
constexpr int kLoosePriority = 1;

void initLibgit2() {
    static const bool initialized = [] {
        git_libgit2_init();
        // On by default; set here because a mismatching object must be an error, never data.
        git_libgit2_opts(GIT_OPT_ENABLE_STRICT_HASH_VERIFICATION, 1);
        return true;
    }();
    (void)initialized;
}

QString lastGitError() {
    const git_error *error = git_error_last();
    return error && error->message ? QString::fromUtf8(error->message).trimmed()
                                   : QStringLiteral("unknown error");
}

Error gitFailure(const QString &context) {
    return fail(QStringLiteral("%1: %2").arg(context, lastGitError()));
}

// The object database is built by hand rather than taken from libgit2's defaults so that loose
// objects are written with a low compression level; the pack backend is kept so that objects
// arriving by fetch stay readable.
Result<OdbHandle> buildObjectDatabase(git_repository *repo, const QString &repoPath) {
    // commondir is the folder libgit2 itself resolved (with a trailing slash).
    const QByteArray objectsDir = QByteArray(git_repository_commondir(repo)) + "objects";
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
        return fail(QStringLiteral("\"%1\" is not an object id").arg(QString::fromLatin1(hexOid)));
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

} // namespace

struct ObjectRepository::Impl {
    RepositoryHandle repo;
    OdbHandle odb; // the repository holds its own reference as well
    QString path;
};

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
    git_repository_free(raw);
    // Opening the fresh repository takes the same path as every later start.
    return open(path);
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

    Result<OdbHandle> odb = buildObjectDatabase(repo.get(), path);
    if (!odb) return odb.failure();
    if (git_repository_set_odb(repo.get(), odb->get()) < 0) return gitFailure(context.arg(path));

    ObjectRepository result;
    result.d = std::make_unique<Impl>();
    result.d->repo = std::move(repo);
    result.d->odb = std::move(odb.value());
    result.d->path = path;
    return result;
}

Result<QByteArray> ObjectRepository::writeBlob(const QByteArray &content) {
    if (!d || !d->odb) return fail(QStringLiteral("the notebook's object store is not open"));
    git_oid oid;
    if (git_odb_write(&oid, d->odb.get(), content.constData(), size_t(content.size()),
                      GIT_OBJECT_BLOB) < 0)
        return gitFailure(
            QStringLiteral("could not write to the notebook's object store at %1").arg(d->path));
    return oidHex(oid);
}

Result<QByteArray> ObjectRepository::readBlob(const QByteArray &hexOid) const {
    if (!d || !d->odb) return fail(QStringLiteral("the notebook's object store is not open"));
    const Result<git_oid> oid = parseOid(hexOid);
    if (!oid) return oid.failure();

    git_odb_object *raw = nullptr;
    const int rc = git_odb_read(&raw, d->odb.get(), &*oid);
    OdbObjectHandle object(raw);
    const QString name = QString::fromLatin1(hexOid);
    if (rc == GIT_ENOTFOUND)
        return fail(QStringLiteral("the notebook's object store at %1 has no object %2")
                        .arg(d->path, name));
    if (rc < 0) {
        const QString context =
            QStringLiteral("could not read object %1 from the notebook's object store at %2")
                .arg(name, d->path);
        // An object that does not inflate or does not hash to its name has been damaged on
        // disk; say so, since that is what a person has to act on.
        const git_error *error = git_error_last();
        if (rc == GIT_EMISMATCH || (error && error->klass == GIT_ERROR_ZLIB))
            return fail(QStringLiteral("%1: the stored object is damaged (%2)")
                            .arg(context, lastGitError()));
        return gitFailure(context);
    }
    if (git_odb_object_type(object.get()) != GIT_OBJECT_BLOB)
        return fail(QStringLiteral("object %1 in the notebook's object store at %2 is not a blob")
                        .arg(name, d->path));
    return QByteArray(static_cast<const char *>(git_odb_object_data(object.get())),
                      qsizetype(git_odb_object_size(object.get())));
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
