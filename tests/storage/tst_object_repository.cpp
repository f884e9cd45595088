// ObjectRepository on a real bare repository, checked against the real git command line: what
// we write must be exactly what git itself would store, and damage must never read as data.

#include "ObjectRepository.h"

#include <QDir>
#include <QDirIterator>
#include <QFile>
#include <QProcess>
#include <QRandomGenerator>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

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
    }

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
