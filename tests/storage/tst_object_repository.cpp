// ObjectRepository on a real bare repository, checked against the real git command line and
// libgit2: what we write must be exactly what git itself would store, readable by both, and
// damage (including a writer killed halfway) must never read as data.

#include "sync/ObjectRepository.h"

#include <git2.h>

#include <QCryptographicHash>
#include <QDir>
#include <QDirIterator>
#include <QElapsedTimer>
#include <QFile>
#include <QProcess>
#include <QRandomGenerator>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>
#include <QThread>

#include <csignal>
#include <memory>

#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

using quire::ObjectRepository;

namespace {

struct GitRun {
    int exitCode = -1;
    QByteArray out;
    QByteArray err;
};

GitRun git(const QStringList &arguments, const QByteArray &input = {}) {
    QProcess process;
    process.setProgram(QStringLiteral("git"));
    process.setArguments(arguments);
    // The test must not depend on whoever runs it: no user or system git configuration.
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert(QStringLiteral("GIT_CONFIG_NOSYSTEM"), QStringLiteral("1"));
    env.insert(QStringLiteral("GIT_CONFIG_GLOBAL"), QStringLiteral("/dev/null"));
    process.setProcessEnvironment(env);
    process.start();
    GitRun run;
    if (!process.waitForStarted()) return run;
    process.write(input);
    process.closeWriteChannel();
    process.waitForFinished(60000);
    run.exitCode = process.exitStatus() == QProcess::NormalExit ? process.exitCode() : -1;
    run.out = process.readAllStandardOutput();
    run.err = process.readAllStandardError();
    return run;
}

QByteArray randomBytes(qsizetype size) {
    QByteArray bytes(size, Qt::Uninitialized);
    QRandomGenerator::global()->fillRange(reinterpret_cast<quint32 *>(bytes.data()),
                                          size / qsizetype(sizeof(quint32)));
    return bytes;
}

QString looseObjectPath(const QString &repo, const QByteArray &oid) {
    return QDir(repo).filePath(
        QStringLiteral("objects/%1/%2")
            .arg(QString::fromLatin1(oid.left(2)), QString::fromLatin1(oid.mid(2))));
}

// A byte string with the NULs git puts in object headers (a plain literal would stop there).
template <qsizetype N> QByteArray bytes(const char (&text)[N]) {
    return QByteArray(text, N - 1);
}

QByteArray readFile(const QString &path) {
    QFile file(path);
    return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
}

bool writeFile(const QString &path, const QByteArray &bytes) {
    QDir().mkpath(QFileInfo(path).absolutePath());
    QFile::setPermissions(path, QFile::ReadOwner | QFile::WriteOwner);
    QFile file(path);
    return file.open(QIODevice::WriteOnly | QIODevice::Truncate) &&
           file.write(bytes) == bytes.size();
}

// Places raw bytes as a loose object named by the SHA-1 of `uncompressed`, as a damaged disk or
// a buggy writer might leave it; returns the name.
QByteArray plantLooseObject(const QString &repo, const QByteArray &uncompressed,
                            const QByteArray &fileBytes) {
    const QByteArray oid = QCryptographicHash::hash(uncompressed, QCryptographicHash::Sha1).toHex();
    return writeFile(looseObjectPath(repo, oid), fileBytes) ? oid : QByteArray();
}

// A zlib stream (RFC 1950) of `bytes`, compressed: qCompress puts a 4-byte length before it.
QByteArray zlibStream(const QByteArray &bytes) {
    return qCompress(bytes, 9).mid(4);
}

// Inflates with zlib itself, which also checks the Adler-32 trailer.
QByteArray inflateWithZlib(const QByteArray &stream, qsizetype expectedSize) {
    QByteArray framed(4, Qt::Uninitialized);
    const auto size = quint32(expectedSize);
    for (int i = 0; i < 4; ++i)
        framed[i] = char(size >> (24 - 8 * i));
    return qUncompress(framed + stream);
}

QStringList filesBelow(const QString &dir, const QString &pattern) {
    QStringList out;
    QDirIterator it(dir, {pattern}, QDir::Files | QDir::Hidden, QDirIterator::Subdirectories);
    while (it.hasNext())
        out << it.next();
    return out;
}

// Loose object files whose writer finished (a writer renames its temporary file into place).
QStringList wholeObjects(const QString &repository) {
    QStringList whole;
    for (const QString &file : filesBelow(QDir(repository).filePath("objects"), "*"))
        if (!QFileInfo(file).fileName().startsWith(QStringLiteral("tmp_obj_"))) whole << file;
    return whole;
}

// What `git fsck --full --strict` finds wrong with a repository: its errors and warnings, or
// the exit code; notices (an empty repository has no branch yet) are not problems.
QString fsckProblems(const QString &repo) {
    const GitRun fsck = git({QStringLiteral("--git-dir=") + repo, QStringLiteral("fsck"),
                             QStringLiteral("--full"), QStringLiteral("--strict")});
    QStringList problems;
    for (const QString &line : QString::fromUtf8(fsck.err).split('\n', Qt::SkipEmptyParts))
        if (!line.startsWith(QStringLiteral("notice:"))) problems << line;
    if (fsck.exitCode != 0)
        problems << QStringLiteral("git fsck exited with %1").arg(fsck.exitCode);
    return problems.join('\n');
}

struct LibgitRepositoryFree {
    void operator()(git_repository *repo) const { git_repository_free(repo); }
};
struct LibgitOdbFree {
    void operator()(git_odb *odb) const { git_odb_free(odb); }
};
struct LibgitObjectFree {
    void operator()(git_odb_object *object) const { git_odb_object_free(object); }
};

// What libgit2 itself, with its default object database, reads for an object id.
std::optional<QByteArray> readWithLibgit2(const QString &repoPath, const QByteArray &hexOid) {
    git_repository *rawRepo = nullptr;
    if (git_repository_open_bare(&rawRepo, QFile::encodeName(repoPath).constData()) < 0)
        return std::nullopt;
    std::unique_ptr<git_repository, LibgitRepositoryFree> repo(rawRepo);
    git_odb *rawOdb = nullptr;
    if (git_repository_odb(&rawOdb, repo.get()) < 0) return std::nullopt;
    std::unique_ptr<git_odb, LibgitOdbFree> odb(rawOdb);
    git_oid oid;
    if (git_oid_fromstr(&oid, hexOid.constData()) < 0) return std::nullopt;
    git_odb_object *rawObject = nullptr;
    if (git_odb_read(&rawObject, odb.get(), &oid) < 0) return std::nullopt;
    std::unique_ptr<git_odb_object, LibgitObjectFree> object(rawObject);
    if (git_odb_object_type(object.get()) != GIT_OBJECT_BLOB) return std::nullopt;
    return QByteArray(static_cast<const char *>(git_odb_object_data(object.get())),
                      qsizetype(git_odb_object_size(object.get())));
}

// Writes the same object as libgit2's own loose writer (compressed), for readers of old vaults.
QByteArray writeWithLibgit2(const QString &repoPath, const QByteArray &content) {
    git_repository *rawRepo = nullptr;
    if (git_repository_open_bare(&rawRepo, QFile::encodeName(repoPath).constData()) < 0) return {};
    std::unique_ptr<git_repository, LibgitRepositoryFree> repo(rawRepo);
    git_odb *rawOdb = nullptr;
    if (git_repository_odb(&rawOdb, repo.get()) < 0) return {};
    std::unique_ptr<git_odb, LibgitOdbFree> odb(rawOdb);
    git_oid oid;
    if (git_odb_write(&oid, odb.get(), content.constData(), size_t(content.size()),
                      GIT_OBJECT_BLOB) < 0)
        return {};
    return QByteArray(git_oid_tostr_s(&oid));
}

// Text that deflate shrinks a lot, with long back-references.
QByteArray compressibleText(qsizetype size) {
    QByteArray text;
    for (int i = 0; text.size() < size; ++i)
        text += "sample " + QByteArray::number(i % 97) + " absorbance 0." +
                QByteArray::number(i % 13) + " at 260 nm\n";
    text.truncate(size);
    return text;
}

} // namespace

class TestObjectRepository : public QObject {
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    int m_counter = 0;
    QString newPath() { return m_dir.filePath(QStringLiteral("repo%1.git").arg(++m_counter)); }

private slots:
    void initTestCase() {
        QVERIFY(m_dir.isValid());
        if (QStandardPaths::findExecutable(QStringLiteral("git")).isEmpty())
            QSKIP("the git command line is needed to check the repository");
        git_libgit2_init();
    }

    void cleanupTestCase() { git_libgit2_shutdown(); }

    void writtenBlobsReadBackAndMatchGit() {
        const QString path = newPath();
        auto repo = ObjectRepository::openOrCreate(path);
        QVERIFY2(repo, qPrintable(repo.error()));
        QCOMPARE(repo->path(), path);

        const QList<QByteArray> contents{
            QByteArray(),
            QByteArray("QNC1 small"),
            QByteArray("\x00\x01\x02\xff", 4),
            randomBytes(4 * 1024 * 1024),
        };
        for (const QByteArray &content : contents) {
            const auto oid = repo->writeBlob(content);
            QVERIFY2(oid, qPrintable(oid.error()));
            QCOMPARE(oid->size(), 40);
            QCOMPARE(oid->toLower(), *oid);

            const GitRun hash =
                git({QStringLiteral("hash-object"), QStringLiteral("--stdin")}, content);
            QCOMPARE(hash.exitCode, 0);
            QCOMPARE(hash.out.trimmed(), *oid);

            QVERIFY(repo->hasBlob(*oid));
            const auto read = repo->readBlob(*oid);
            QVERIFY2(read, qPrintable(read.error()));
            QCOMPARE(read->size(), content.size());
            QVERIFY(*read == content);

            const GitRun cat = git({QStringLiteral("--git-dir=") + path, QStringLiteral("cat-file"),
                                    QStringLiteral("-p"), QString::fromLatin1(*oid)});
            QCOMPARE(cat.exitCode, 0);
            QVERIFY(cat.out == content);
        }

        // Writing the same bytes twice is one object.
        const auto again = repo->writeBlob(contents.at(1));
        QVERIFY(again);

        const GitRun fsck = git({QStringLiteral("--git-dir=") + path, QStringLiteral("fsck"),
                                 QStringLiteral("--strict"), QStringLiteral("--no-dangling")});
        QVERIFY2(fsck.exitCode == 0, fsck.err.constData());
    }

    // A bulk import writes its blobs as one pack and index of our own making; git must take
    // them as its own: the same ids, verify-pack and fsck clean, every blob readable by git,
    // libgit2 and us, and a repeated blob stored once.
    void batchOfBlobsBecomesOnePackGitAccepts() {
        const QString path = newPath();
        auto repo = ObjectRepository::openOrCreate(path);
        QVERIFY2(repo, qPrintable(repo.error()));
        QList<QByteArray> contents;
        for (int i = 0; i < 300; ++i)
            contents << randomBytes(i == 7 ? 200 * 1024 : 1 + (i * 37) % 3000);
        contents << QByteArray() << contents.at(3); // an empty blob and a repeat
        const auto ids = repo->writeBlobs(contents);
        QVERIFY2(ids, qPrintable(ids.error()));
        QCOMPARE(ids->size(), contents.size());
        QCOMPARE(ids->at(301), ids->at(3));

        const QStringList packs = filesBelow(path + "/objects/pack", QStringLiteral("*.pack"));
        const QStringList indexes = filesBelow(path + "/objects/pack", QStringLiteral("*.idx"));
        QCOMPARE(packs.size(), 1);
        QCOMPARE(indexes.size(), 1);
        QVERIFY(filesBelow(path + "/objects", QStringLiteral("tmp_*")).isEmpty());
        QCOMPARE(filesBelow(path + "/objects", QStringLiteral("*")).size(), 2); // nothing loose

        const GitRun verify =
            git({QStringLiteral("verify-pack"), QStringLiteral("-v"), indexes[0]});
        QVERIFY2(verify.exitCode == 0, verify.err.constData());
        QVERIFY(verify.out.contains("non delta: 301 objects"));
        QCOMPARE(fsckProblems(path), QString());

        for (int i = 0; i < contents.size(); ++i) {
            const GitRun hash =
                git({QStringLiteral("hash-object"), QStringLiteral("--stdin")}, contents[i]);
            QCOMPARE(hash.out.trimmed(), ids->at(i));
            QVERIFY(repo->hasBlob(ids->at(i)));
            const auto read = repo->readBlob(ids->at(i));
            QVERIFY2(read, qPrintable(read.error()));
            QVERIFY(*read == contents[i]);
            if (i % 50 == 0) {
                const GitRun cat =
                    git({QStringLiteral("--git-dir=") + path, QStringLiteral("cat-file"),
                         QStringLiteral("blob"), QString::fromLatin1(ids->at(i))});
                QVERIFY(cat.out == contents[i]);
                QCOMPARE(readWithLibgit2(path, ids->at(i)).value_or("missing"), contents[i]);
            }
        }
        for (int i = 0; i < contents.size(); ++i)
            QCOMPARE(ObjectRepository::blobId(contents[i]), ids->at(i));

        // A few blobs are not worth a pack: they are written loose.
        const QList<QByteArray> few{randomBytes(10), randomBytes(20)};
        const auto fewIds = repo->writeBlobs(few);
        QVERIFY2(fewIds, qPrintable(fewIds.error()));
        QCOMPARE(filesBelow(path + "/objects/pack", QStringLiteral("*.pack")).size(), 1);
        for (const QByteArray &id : *fewIds)
            QVERIFY(QFile::exists(looseObjectPath(path, id)));
    }

    void repositoryIsBareWithHeadOnMain() {
        const QString path = newPath();
        auto repo = ObjectRepository::openOrCreate(path);
        QVERIFY2(repo, qPrintable(repo.error()));
        QVERIFY(QFile::exists(QDir(path).filePath(QStringLiteral("HEAD"))));
        QVERIFY(!QFile::exists(QDir(path).filePath(QStringLiteral(".git"))));

        const GitRun head = git({QStringLiteral("--git-dir=") + path,
                                 QStringLiteral("symbolic-ref"), QStringLiteral("HEAD")});
        QCOMPARE(head.exitCode, 0);
        QCOMPARE(head.out.trimmed(), QByteArray("refs/heads/main"));
        const GitRun bare = git({QStringLiteral("--git-dir=") + path, QStringLiteral("rev-parse"),
                                 QStringLiteral("--is-bare-repository")});
        QCOMPARE(bare.out.trimmed(), QByteArray("true"));
    }

    void looseObjectsUseTheFastestCompression() {
        const QString path = newPath();
        auto repo = ObjectRepository::openOrCreate(path);
        QVERIFY2(repo, qPrintable(repo.error()));
        const auto oid = repo->writeBlob(QByteArray(64 * 1024, 'a'));
        QVERIFY2(oid, qPrintable(oid.error()));
        QFile file(looseObjectPath(path, *oid));
        QVERIFY(file.open(QIODevice::ReadOnly));
        const QByteArray header = file.read(2);
        // zlib's second header byte records the level class: 0x01 = fastest (level 0–1).
        QCOMPARE(quint8(header.at(0)), quint8(0x78));
        QCOMPARE(quint8(header.at(1)), quint8(0x01));
    }

    void reopenedRepositoryReadsEarlierBlobs() {
        const QString path = newPath();
        const QByteArray content = randomBytes(100000);
        QByteArray oid;
        {
            auto repo = ObjectRepository::openOrCreate(path);
            QVERIFY2(repo, qPrintable(repo.error()));
            auto written = repo->writeBlob(content);
            QVERIFY2(written, qPrintable(written.error()));
            oid = *written;
        }
        for (const bool viaOpen : {true, false}) {
            auto repo =
                viaOpen ? ObjectRepository::open(path) : ObjectRepository::openOrCreate(path);
            QVERIFY2(repo, qPrintable(repo.error()));
            QVERIFY(repo->hasBlob(oid));
            const auto read = repo->readBlob(oid);
            QVERIFY2(read, qPrintable(read.error()));
            QVERIFY(*read == content);
        }
    }

    // Objects that arrive by fetch live in packs; they must stay readable through our
    // hand-built object database.
    void packedObjectsAreReadable() {
        const QString path = newPath();
        QByteArray oid;
        const QByteArray content("packed content");
        {
            auto repo = ObjectRepository::openOrCreate(path);
            QVERIFY2(repo, qPrintable(repo.error()));
            auto written = repo->writeBlob(content);
            QVERIFY(written);
            oid = *written;
        }
        // Pack the loose object and delete the loose copy.
        const GitRun pack =
            git({QStringLiteral("--git-dir=") + path, QStringLiteral("pack-objects"),
                 QDir(path).filePath("objects/pack/pack")},
                oid + "\n");
        QVERIFY2(pack.exitCode == 0, pack.err.constData());
        QVERIFY(QFile::remove(looseObjectPath(path, oid)));

        auto repo = ObjectRepository::open(path);
        QVERIFY2(repo, qPrintable(repo.error()));
        QVERIFY(repo->hasBlob(oid));
        const auto read = repo->readBlob(oid);
        QVERIFY2(read, qPrintable(read.error()));
        QCOMPARE(*read, content);
    }

    void missingObjectIsAClearError() {
        const QString path = newPath();
        auto repo = ObjectRepository::openOrCreate(path);
        QVERIFY2(repo, qPrintable(repo.error()));
        const QByteArray missing(40, 'e');
        QVERIFY(!repo->hasBlob(missing));
        const auto read = repo->readBlob(missing);
        QVERIFY(!read);
        QVERIFY2(
            read.error().contains(QStringLiteral("has no object ") + QString::fromLatin1(missing)),
            qPrintable(read.error()));

        const auto malformed = repo->readBlob("not-an-oid");
        QVERIFY(!malformed);
        QVERIFY2(malformed.error().contains(QStringLiteral("not an object id")),
                 qPrintable(malformed.error()));
        QVERIFY(!repo->hasBlob("zz"));
    }

    void damagedLooseObjectIsAnErrorNotData() {
        const QString path = newPath();
        QByteArray oid;
        const QByteArray content = randomBytes(20000);
        {
            auto repo = ObjectRepository::openOrCreate(path);
            QVERIFY2(repo, qPrintable(repo.error()));
            auto written = repo->writeBlob(content);
            QVERIFY(written);
            oid = *written;
        }
        const QString objectPath = looseObjectPath(path, oid);
        QFile file(objectPath);
        // Loose objects are written read-only.
        QVERIFY(file.setPermissions(QFile::ReadOwner | QFile::WriteOwner));
        QVERIFY(file.open(QIODevice::ReadOnly));
        QByteArray bytes = file.readAll();
        file.close();
        const qsizetype middle = bytes.size() / 2;
        bytes[middle] = char(bytes.at(middle) ^ 0x01);
        QVERIFY(file.open(QIODevice::WriteOnly | QIODevice::Truncate));
        QCOMPARE(file.write(bytes), bytes.size());
        file.close();

        auto repo = ObjectRepository::open(path);
        QVERIFY2(repo, qPrintable(repo.error()));
        const auto read = repo->readBlob(oid);
        QVERIFY2(!read, "a damaged object must not read as data");
        QVERIFY2(read.error().startsWith(QStringLiteral("could not read object ") +
                                         QString::fromLatin1(oid)),
                 qPrintable(read.error()));
        QVERIFY2(read.error().contains(QStringLiteral("damaged")), qPrintable(read.error()));
    }

    void objectWithTheRightHashButWrongContentIsRejected() {
        // A loose file that inflates fine but holds other bytes: only hash verification
        // catches it.
        const QString path = newPath();
        QByteArray oid;
        {
            auto repo = ObjectRepository::openOrCreate(path);
            QVERIFY2(repo, qPrintable(repo.error()));
            auto a = repo->writeBlob("original");
            auto b = repo->writeBlob("replaced");
            QVERIFY(a && b);
            oid = *a;
            const QString target = looseObjectPath(path, *a);
            QFile::setPermissions(target, QFile::ReadOwner | QFile::WriteOwner);
            QVERIFY(QFile::remove(target));
            QVERIFY(QFile::copy(looseObjectPath(path, *b), target));
        }
        auto repo = ObjectRepository::open(path);
        QVERIFY2(repo, qPrintable(repo.error()));
        const auto read = repo->readBlob(oid);
        QVERIFY2(!read, "content that does not match its id must not be returned");
        QVERIFY2(read.error().contains(QStringLiteral("damaged")), qPrintable(read.error()));
    }

    void openingSomethingElseFailsClearly() {
        const QString missing = m_dir.filePath(QStringLiteral("nothing-here"));
        auto repo = ObjectRepository::open(missing);
        QVERIFY(!repo);
        QVERIFY2(repo.error().startsWith(
                     QStringLiteral("could not open the notebook's object store at ") + missing),
                 qPrintable(repo.error()));
        QVERIFY(!QFileInfo::exists(missing));

        // A folder with unrelated files is never turned into a repository.
        const QString busy = m_dir.filePath(QStringLiteral("busy"));
        QVERIFY(QDir().mkpath(busy));
        QFile note(QDir(busy).filePath(QStringLiteral("note.txt")));
        QVERIFY(note.open(QIODevice::WriteOnly));
        note.write("hello");
        note.close();
        repo = ObjectRepository::openOrCreate(busy);
        QVERIFY(!repo);
        QVERIFY(!QFileInfo::exists(QDir(busy).filePath(QStringLiteral("HEAD"))));

        // An existing empty folder is fine.
        const QString empty = m_dir.filePath(QStringLiteral("empty.git"));
        QVERIFY(QDir().mkpath(empty));
        repo = ObjectRepository::openOrCreate(empty);
        QVERIFY2(repo, qPrintable(repo.error()));
    }

    // The hand-made stored-block stream around every block boundary and at chunk sizes: the same
    // name as `git hash-object`, and the same bytes through git, libgit2, zlib and our reader.
    void blobsAreStoredUncompressedAndReadByGitAndLibgit2_data() {
        QTest::addColumn<qsizetype>("size");
        // "blob 65524\0" is 11 bytes, so 65524 fills exactly one 65535-byte stored block.
        for (const qsizetype size :
             {qsizetype(0), qsizetype(1), qsizetype(65523), qsizetype(65524), qsizetype(65525),
              qsizetype(2 * 65535), qsizetype(4 << 20), qsizetype((4 << 20) + 1),
              qsizetype((4 << 20) + 37)}) // an encrypted 4 MiB chunk
            QTest::addRow("%lld bytes", qlonglong(size)) << size;
    }

    void blobsAreStoredUncompressedAndReadByGitAndLibgit2() {
        QFETCH(qsizetype, size);
        const QString path = newPath();
        auto repo = ObjectRepository::openOrCreate(path);
        QVERIFY2(repo, qPrintable(repo.error()));
        const QByteArray content = size == 1 ? QByteArray("\0", 1) : randomBytes(size);
        const auto oid = repo->writeBlob(content);
        QVERIFY2(oid, qPrintable(oid.error()));

        const GitRun hash =
            git({QStringLiteral("hash-object"), QStringLiteral("--stdin")}, content);
        QCOMPARE(hash.exitCode, 0);
        QCOMPARE(*oid, hash.out.trimmed());

        // Stored blocks: 2 bytes of zlib header, 5 per block, the bytes themselves, Adler-32.
        const QString file = looseObjectPath(path, *oid);
        const QByteArray stream = readFile(file);
        const QByteArray raw = "blob " + QByteArray::number(size) + '\0' + content;
        const qsizetype blocks = std::max<qsizetype>(1, (raw.size() + 65534) / 65535);
        QCOMPARE(stream.size(), 2 + 5 * blocks + raw.size() + 4);
        QVERIFY(inflateWithZlib(stream, raw.size()) == raw);
        QCOMPARE(QFileInfo(file).permissions() &
                     (QFile::WriteOwner | QFile::WriteGroup | QFile::WriteOther),
                 QFileDevice::Permissions());

        const GitRun type = git({QStringLiteral("--git-dir=") + path, QStringLiteral("cat-file"),
                                 QStringLiteral("-t"), QString::fromLatin1(*oid)});
        QCOMPARE(type.out.trimmed(), QByteArray("blob"));
        const GitRun cat = git({QStringLiteral("--git-dir=") + path, QStringLiteral("cat-file"),
                                QStringLiteral("-p"), QString::fromLatin1(*oid)});
        QCOMPARE(cat.exitCode, 0);
        QVERIFY(cat.out == content);

        const std::optional<QByteArray> viaLibgit2 = readWithLibgit2(path, *oid);
        QVERIFY2(viaLibgit2, git_error_last() ? git_error_last()->message : "libgit2 failed");
        QVERIFY(*viaLibgit2 == content);
        const auto read = repo->readBlob(*oid);
        QVERIFY2(read, qPrintable(read.error()));
        QVERIFY(*read == content);

        const QString problems = fsckProblems(path);
        QVERIFY2(problems.isEmpty(), qPrintable(problems));
        QVERIFY(filesBelow(path, QStringLiteral("tmp_obj_*")).isEmpty());
    }

    void existingObjectIsNotRewritten() {
        const QString path = newPath();
        auto repo = ObjectRepository::openOrCreate(path);
        QVERIFY2(repo, qPrintable(repo.error()));
        const QByteArray content = randomBytes(300000);
        const auto first = repo->writeBlob(content);
        QVERIFY2(first, qPrintable(first.error()));
        const QString file = looseObjectPath(path, *first);
        struct stat before {};
        QCOMPARE(::stat(QFile::encodeName(file).constData(), &before), 0);

        QThread::msleep(20); // a rewrite would show in the change time
        const auto second = repo->writeBlob(content);
        QVERIFY2(second, qPrintable(second.error()));
        QCOMPARE(*second, *first);
        struct stat after {};
        QCOMPARE(::stat(QFile::encodeName(file).constData(), &after), 0);
        QCOMPARE(after.st_ino, before.st_ino);
        QCOMPARE(after.st_ctim.tv_sec, before.st_ctim.tv_sec);
        QCOMPARE(after.st_ctim.tv_nsec, before.st_ctim.tv_nsec);
        QVERIFY(filesBelow(path, QStringLiteral("tmp_obj_*")).isEmpty());

        // An object that is only in a pack is not written loose again either.
        const GitRun pack =
            git({QStringLiteral("--git-dir=") + path, QStringLiteral("pack-objects"),
                 QDir(path).filePath("objects/pack/pack")},
                *first + "\n");
        QVERIFY2(pack.exitCode == 0, pack.err.constData());
        QVERIFY(QFile::remove(file));
        auto reopened = ObjectRepository::open(path);
        QVERIFY2(reopened, qPrintable(reopened.error()));
        const auto third = reopened->writeBlob(content);
        QVERIFY2(third, qPrintable(third.error()));
        QCOMPARE(*third, *first);
        QVERIFY(!QFile::exists(file));
        const auto read = reopened->readBlob(*first);
        QVERIFY2(read, qPrintable(read.error()));
        QVERIFY(*read == content);
    }

    // A writer that died halfway leaves a temporary file named as git names its own; it must
    // neither show as the object nor stop the object from being written later.
    void leftoverTemporaryFileIsNeverTakenForTheObject() {
        const QString path = newPath();
        const QByteArray content = randomBytes(200000);
        QByteArray stream;
        QByteArray oid;
        {
            auto scratch = ObjectRepository::openOrCreate(newPath());
            QVERIFY2(scratch, qPrintable(scratch.error()));
            const auto written = scratch->writeBlob(content);
            QVERIFY2(written, qPrintable(written.error()));
            oid = *written;
            stream = readFile(looseObjectPath(scratch->path(), oid));
        }
        auto repo = ObjectRepository::openOrCreate(path);
        QVERIFY2(repo, qPrintable(repo.error()));
        const QString leftover = QDir(path).filePath(
            QStringLiteral("objects/%1/tmp_obj_Xy12Ab").arg(QString::fromLatin1(oid.left(2))));
        QVERIFY(writeFile(leftover, stream.left(stream.size() / 2)));

        QVERIFY(!repo->hasBlob(oid));
        const auto missing = repo->readBlob(oid);
        QVERIFY(!missing);
        QVERIFY2(missing.error().contains(QStringLiteral("has no object")),
                 qPrintable(missing.error()));

        const auto written = repo->writeBlob(content);
        QVERIFY2(written, qPrintable(written.error()));
        QCOMPARE(*written, oid);
        const auto read = repo->readBlob(oid);
        QVERIFY2(read, qPrintable(read.error()));
        QVERIFY(*read == content);
        QVERIFY(readFile(looseObjectPath(path, oid)) == stream);
        // Another writer's temporary file may still be in use: only git's prune removes it.
        QVERIFY(QFile::exists(leftover));
        const QString problems = fsckProblems(path);
        QVERIFY2(problems.isEmpty(), qPrintable(problems));
    }

    // Real crashes: a child process writes large blobs and is killed with SIGKILL at random
    // moments. Every object name in the store must then read back whole.
    void writerKilledMidWriteLeavesNoDamagedObject() {
        const QString path = newPath();
        {
            auto repo = ObjectRepository::openOrCreate(path);
            QVERIFY2(repo, qPrintable(repo.error()));
        }
        const quint32 seed = QRandomGenerator::global()->generate();
        qInfo("kill test seed %u", seed);
        QRandomGenerator random(seed);
        int killedWhileRunning = 0;
        for (int round = 0; round < 8; ++round) {
            const quint32 childSeed = random.generate();
            const pid_t child = ::fork();
            QVERIFY(child >= 0);
            if (child == 0) {
                auto repo = ObjectRepository::open(path);
                if (!repo) ::_exit(3);
                QRandomGenerator childRandom(childSeed);
                QByteArray content(8 << 20, Qt::Uninitialized);
                for (int i = 0; i < 200; ++i) {
                    childRandom.fillRange(reinterpret_cast<quint32 *>(content.data()),
                                          content.size() / 4);
                    if (!repo->writeBlob(content)) ::_exit(2);
                }
                ::_exit(0);
            }
            // An 8 MiB blob takes longer to write than the random wait on a slow or busy
            // machine; the last writer is killed only after it finished at least one object,
            // so that whole objects beside killed writes are always there to be checked.
            if (round == 7) {
                QElapsedTimer waited;
                waited.start();
                while (wholeObjects(path).isEmpty() && waited.elapsed() < 60000)
                    QThread::msleep(10);
            }
            QThread::msleep(5 + random.bounded(120));
            ::kill(child, SIGKILL);
            int status = 0;
            QCOMPARE(::waitpid(child, &status, 0), child);
            if (WIFSIGNALED(status))
                ++killedWhileRunning;
            else
                QCOMPARE(WEXITSTATUS(status), 0);
        }
        QVERIFY(killedWhileRunning > 0);

        auto repo = ObjectRepository::open(path);
        QVERIFY2(repo, qPrintable(repo.error()));
        int objects = 0;
        for (const QString &file : wholeObjects(path)) {
            const QFileInfo info(file);
            const QByteArray oid = (info.dir().dirName() + info.fileName()).toLatin1();
            QCOMPARE(oid.size(), 40);
            const auto read = repo->readBlob(oid);
            QVERIFY2(read, qPrintable(read.error()));
            QCOMPARE(read->size(), qsizetype(8 << 20));
            ++objects;
        }
        QVERIFY(objects > 0);
        qInfo("%d kills, %d whole objects, %lld temporary files left by killed writers",
              killedWhileRunning, objects,
              qlonglong(filesBelow(path, QStringLiteral("tmp_obj_*")).size()));
        const QString problems = fsckProblems(path);
        QVERIFY2(problems.isEmpty(), qPrintable(problems));
    }

    // Vaults written before this reader, and objects git itself wrote, are compressed streams
    // with back-references; they must read exactly.
    void compressedObjectsFromGitAndLibgit2AreRead() {
        const QString path = newPath();
        auto repo = ObjectRepository::openOrCreate(path);
        QVERIFY2(repo, qPrintable(repo.error()));
        for (const qsizetype size : {qsizetype(100), qsizetype(70000), qsizetype(5 << 20)}) {
            const QByteArray byGit = compressibleText(size);
            const GitRun hash =
                git({QStringLiteral("--git-dir=") + path, QStringLiteral("-c"),
                     QStringLiteral("core.compression=9"), QStringLiteral("hash-object"),
                     QStringLiteral("-w"), QStringLiteral("--stdin")},
                    byGit);
            QCOMPARE(hash.exitCode, 0);
            QVERIFY(QFileInfo(looseObjectPath(path, hash.out.trimmed())).size() < size / 4 + 100);
            auto read = repo->readBlob(hash.out.trimmed());
            QVERIFY2(read, qPrintable(read.error()));
            QVERIFY(*read == byGit);

            const QByteArray byLibgit2 = compressibleText(size) + "libgit2";
            const QByteArray oid = writeWithLibgit2(path, byLibgit2);
            QCOMPARE(oid.size(), 40);
            read = repo->readBlob(oid);
            QVERIFY2(read, qPrintable(read.error()));
            QVERIFY(*read == byLibgit2);
        }
        // Something that is not a blob is refused by name.
        const GitRun tree = git({QStringLiteral("--git-dir=") + path, QStringLiteral("mktree")});
        QCOMPARE(tree.exitCode, 0);
        const auto notBlob = repo->readBlob(tree.out.trimmed());
        QVERIFY(!notBlob);
        QVERIFY2(notBlob.error().endsWith(QStringLiteral("is not a blob")),
                 qPrintable(notBlob.error()));
    }

    void malformedLooseObjectsAreDamageNotData_data() {
        QTest::addColumn<QByteArray>("uncompressed");
        QTest::addColumn<QByteArray>("fileBytes");
        QTest::addColumn<QString>("reason");
        const QByteArray good = bytes("blob 6\0abcdef");
        const QByteArray goodStream = zlibStream(good);
        QTest::newRow("truncated in the middle")
            << good << goodStream.left(goodStream.size() / 2) << "truncated";
        QTest::newRow("without its checksum")
            << good << goodStream.left(goodStream.size() - 4) << "truncated";
        QTest::newRow("bytes after the stream") << good << goodStream + "x"
                                                << "after its end";
        QTest::newRow("not zlib") << good << QByteArray("not a zlib stream at all") << "inflate";
        QTest::newRow("shorter than its header")
            << bytes("blob 10\0abcde") << zlibStream(bytes("blob 10\0abcde")) << "shorter";
        QTest::newRow("longer than its header")
            << bytes("blob 3\0abcdef") << zlibStream(bytes("blob 3\0abcdef")) << "longer";
        QTest::newRow("longer inside the first bytes")
            << bytes("blob 1\0ab") << zlibStream(bytes("blob 1\0ab")) << "longer";
        QTest::newRow("no header end")
            << QByteArray(40, 'b') << zlibStream(QByteArray(40, 'b')) << "header";
        QTest::newRow("size that is not a number")
            << bytes("blob 1x\0a") << zlibStream(bytes("blob 1x\0a")) << "header";
        // Must be refused before anything near that size is allocated.
        QTest::newRow("absurd size")
            << bytes("blob 999999999999999\0abc") << zlibStream(bytes("blob 999999999999999\0abc"))
            << "claims more bytes";
    }

    void malformedLooseObjectsAreDamageNotData() {
        QFETCH(QByteArray, uncompressed);
        QFETCH(QByteArray, fileBytes);
        QFETCH(QString, reason);
        const QString path = newPath();
        auto repo = ObjectRepository::openOrCreate(path);
        QVERIFY2(repo, qPrintable(repo.error()));
        const QByteArray oid = plantLooseObject(path, uncompressed, fileBytes);
        QCOMPARE(oid.size(), 40);
        const auto read = repo->readBlob(oid);
        QVERIFY2(!read, "a malformed object must not read as data");
        QVERIFY2(read.error().startsWith(QStringLiteral("could not read object ") +
                                         QString::fromLatin1(oid)),
                 qPrintable(read.error()));
        QVERIFY2(read.error().contains(QStringLiteral("damaged")), qPrintable(read.error()));
        QVERIFY2(read.error().contains(reason), qPrintable(read.error()));
    }

    void asyncWritesAndReadsMatchTheDirectOnes() {
        const QString path = newPath();
        auto repo = ObjectRepository::openOrCreate(path);
        QVERIFY2(repo, qPrintable(repo.error()));
        QList<QByteArray> contents;
        std::vector<std::future<quire::Result<QByteArray>>> writes;
        for (int i = 0; i < 4; ++i) {
            contents << randomBytes(1000000 + i);
            writes.push_back(repo->writeBlobAsync(contents.last()));
        }
        QList<QByteArray> oids;
        for (int i = 0; i < 4; ++i) {
            auto oid = writes[size_t(i)].get();
            QVERIFY2(oid, qPrintable(oid.error()));
            const GitRun hash =
                git({QStringLiteral("hash-object"), QStringLiteral("--stdin")}, contents.at(i));
            QCOMPARE(*oid, hash.out.trimmed());
            oids << *oid;
        }

        // A buffer lent to the read is reused rather than a fresh one allocated.
        QByteArray spare(2000000, Qt::Uninitialized);
        const char *spareData = spare.constData();
        auto pending = repo->readBlobAsync(oids.at(2), std::move(spare));
        // Moving the repository while a read is under way is fine.
        ObjectRepository moved = std::move(*repo);
        auto read = pending.get();
        QVERIFY2(read, qPrintable(read.error()));
        QVERIFY(*read == contents.at(2));
        QCOMPARE(read->constData(), spareData);

        auto fresh = moved.readBlobAsync(oids.at(3)).get();
        QVERIFY2(fresh, qPrintable(fresh.error()));
        QVERIFY(*fresh == contents.at(3));
        auto missing = moved.readBlobAsync(QByteArray(40, 'e')).get();
        QVERIFY(!missing);
        QVERIFY2(missing.error().contains(QStringLiteral("has no object")),
                 qPrintable(missing.error()));
        QVERIFY(!repo->writeBlobAsync("x").get());
        QVERIFY(!repo->readBlobAsync(oids.at(0)).get());

        const QString problems = fsckProblems(path);
        QVERIFY2(problems.isEmpty(), qPrintable(problems));
    }

    void movedFromRepositoryReportsInsteadOfCrashing() {
        auto repo = ObjectRepository::openOrCreate(newPath());
        QVERIFY2(repo, qPrintable(repo.error()));
        ObjectRepository moved = std::move(*repo);
        QVERIFY(moved.writeBlob("x"));
        QVERIFY(!repo->writeBlob("x"));
        QVERIFY(!repo->readBlob(QByteArray(40, 'a')));
        QVERIFY(!repo->hasBlob(QByteArray(40, 'a')));
        QVERIFY(repo->path().isEmpty());
    }
};

QTEST_GUILESS_MAIN(TestObjectRepository)
#include "tst_object_repository.moc"
