// RepositoryHistory on a real bare repository, checked with the git command line: trees in
// the FORMAT.md §5 layout, incremental updates that leave untouched folders alone, tree
// differences, commits by member uuid, compare-and-swap ref updates and ancestry.

#include "sync/ObjectRepository.h"
#include "sync/RepositoryHistory.h"

#include <QProcess>
#include <QTemporaryDir>
#include <QtTest>

using namespace quire;

namespace {

QByteArray git(const QString &repo, const QStringList &args, int *exitCode = nullptr) {
    QProcess p;
    p.start(QStringLiteral("git"), QStringList{"--git-dir", repo} + args);
    p.waitForFinished(60000);
    if (exitCode) *exitCode = p.exitCode();
    return p.readAllStandardOutput().trimmed();
}

// "r/<aa>/<name>" for a made-up 64-hex name, as the vault lays out record files.
QString recordPath(int i) {
    const QString name = QString::fromLatin1(
        QCryptographicHash::hash(QByteArray::number(i), QCryptographicHash::Sha256).toHex());
    return QStringLiteral("r/%1/%2").arg(name.left(2), name);
}

} // namespace

class RepositoryHistoryTest : public QObject {
    Q_OBJECT

    QTemporaryDir m_tmp;
    QString m_path;
    ObjectRepository m_objects;
    RepositoryHistory m_history;
    const QString m_member = QStringLiteral("0b5c7a1e-2f4d-4e8a-9c3b-7d6e5f4a3b2c");

    QByteArray blob(const QByteArray &content) {
        auto oid = m_objects.writeBlob(content);
        if (!oid) qFatal("%s", qPrintable(oid.error()));
        return *oid;
    }

private slots:
    void initTestCase() {
        QVERIFY(m_tmp.isValid());
        m_path = m_tmp.filePath("repo.git");
        auto objects = ObjectRepository::openOrCreate(m_path);
        QVERIFY2(objects, qPrintable(objects.error()));
        m_objects = std::move(objects.value());
        auto history = RepositoryHistory::open(m_path);
        QVERIFY2(history, qPrintable(history.error()));
        m_history = std::move(history.value());
    }

    void treeMatchesWhatGitLists() {
        TreeEntries entries;
        for (int i = 0; i < 300; ++i)
            entries.insert(recordPath(i), blob("record " + QByteArray::number(i)));
        entries.insert("QUIRE.json", blob("{\"format\":\"quire/1\"}"));
        entries.insert("keys/0b5c7a1e.json", blob("{}"));
        auto tree = m_history.writeTree(entries);
        QVERIFY2(tree, qPrintable(tree.error()));
        auto commit = m_history.commit(*tree, {}, m_member, "first");
        QVERIFY2(commit, qPrintable(commit.error()));
        QVERIFY(m_history.updateRef("refs/heads/main", *commit, {}, "sync"));

        QStringList listed;
        for (const auto &line : git(m_path, {"ls-tree", "-r", "main"}).split('\n')) {
            const QList<QByteArray> parts = line.split('\t');
            QCOMPARE(parts.size(), 2);
            QVERIFY(parts[0].startsWith("100644 blob "));
            QCOMPARE(parts[0].mid(12), entries.value(QString::fromUtf8(parts[1])));
            listed << QString::fromUtf8(parts[1]);
        }
        QCOMPARE(listed, entries.keys());
        int rc = -1;
        git(m_path, {"fsck", "--full", "--strict"}, &rc);
        QCOMPARE(rc, 0);
        // No name leaks: author and committer are the member uuid.
        QCOMPARE(git(m_path, {"log", "-1", "--format=%an <%ae> %cn <%ce>", "main"}),
                 QByteArray(m_member.toLatin1() + " <" + m_member.toLatin1() + "@quire.invalid> " +
                            m_member.toLatin1() + " <" + m_member.toLatin1() + "@quire.invalid>"));

        auto read = m_history.readTree(*commit);
        QVERIFY(read);
        QCOMPARE(*read, entries);
        QCOMPARE(*m_history.treeOf(*commit), *tree);
        QCOMPARE(*m_history.blobAt(*commit, "QUIRE.json"), entries.value("QUIRE.json"));
        QCOMPARE(*m_history.blobAt(*commit, "keys/missing.json"), QByteArray());
    }

    void updatingATreeRewritesOnlyTheFoldersOnTheWay() {
        const QByteArray head = *m_history.resolve("refs/heads/main");
        const QByteArray base = *m_history.treeOf(head);
        const QString added = recordPath(100000);
        const QString folder = added.section('/', 0, 1);
        // Pick an untouched folder to prove it keeps its id.
        QString untouched;
        for (int i = 0; i < 300 && untouched.isEmpty(); ++i)
            if (recordPath(i).section('/', 0, 1) != folder)
                untouched = recordPath(i).section('/', 0, 1);
        const QByteArray untouchedBefore = git(m_path, {"rev-parse", "main:" + untouched});

        auto tree = m_history.updateTree(base, {{added, blob("a new record")}});
        QVERIFY2(tree, qPrintable(tree.error()));
        auto commit = m_history.commit(*tree, {head}, m_member, "second");
        QVERIFY(commit);
        QVERIFY(m_history.updateRef("refs/heads/main", *commit, head, "sync"));
        QCOMPARE(git(m_path, {"rev-parse", "main:" + untouched}), untouchedBefore);
        QCOMPARE(git(m_path, {"cat-file", "-p", "main:" + added}), QByteArray("a new record"));
        QCOMPARE(m_history.readTree(*commit)->size(), m_history.readTree(head)->size() + 1);
        QVERIFY(*m_history.isAncestor(head, *commit));
        QVERIFY(!*m_history.isAncestor(*commit, head));
        QVERIFY(*m_history.isAncestor(*commit, *commit));
    }

    void differenceNamesAddedAndChangedPathsOnly() {
        const QByteArray head = *m_history.resolve("refs/heads/main");
        const QByteArray base = *m_history.treeOf(head);
        const QString changedPath = recordPath(7);
        const QString newPath = recordPath(200000);
        auto other = m_history.updateTree(
            base, {{changedPath, blob("tampered bytes")}, {newPath, blob("another record")}});
        QVERIFY(other);
        auto diff = m_history.difference(*other, base);
        QVERIFY2(diff, qPrintable(diff.error()));
        QCOMPARE(diff->added.keys(), QStringList{newPath});
        QCOMPARE(diff->changed.keys(), QStringList{changedPath});
        QCOMPARE(diff->changed.value(changedPath), blob("tampered bytes"));
        QCOMPARE(diff->added.value(newPath), git(m_path, {"rev-parse", *other + ":" + newPath}));
        // The other way round: the base lacks nothing of its own, it only holds the old bytes
        // of the changed path.
        auto back = m_history.difference(base, *other);
        QVERIFY(back);
        QVERIFY(back->added.isEmpty());
        QCOMPARE(back->changed.keys(), QStringList{changedPath});
        auto same = m_history.difference(base, base);
        QVERIFY(same && same->added.isEmpty() && same->changed.isEmpty());
        auto fromNothing = m_history.difference(base, {});
        QVERIFY(fromNothing);
        QCOMPARE(fromNothing->added.size(), m_history.readTree(base)->size());
    }

    void refUpdatesAreCompareAndSwap() {
        const QByteArray head = *m_history.resolve("refs/heads/main");
        auto tree = m_history.updateTree(*m_history.treeOf(head), {{recordPath(5), blob("x")}});
        auto next = m_history.commit(*tree, {head}, m_member, "third");
        QVERIFY(next);
        // Someone moved main meanwhile: the expected value no longer matches.
        const QByteArray stale = *m_history.commit(*tree, {}, m_member, "unrelated");
        auto refused = m_history.updateRef("refs/heads/main", *next, stale, "sync");
        QVERIFY(!refused);
        QVERIFY2(refused.error().contains("changed by someone else"), qPrintable(refused.error()));
        QCOMPARE(*m_history.resolve("refs/heads/main"), head);
        // Creating a ref that exists is refused too.
        QVERIFY(!m_history.updateRef("refs/heads/main", *next, {}, "sync"));
        QVERIFY(m_history.updateRef("refs/heads/main", *next, head, "sync"));
        QCOMPARE(git(m_path, {"rev-parse", "main"}), *next);
        QCOMPARE(*m_history.resolve("refs/remotes/origin/main"), QByteArray());
    }

    void unsafePathsAreRefused_data() {
        QTest::addColumn<QString>("path");
        for (const char *p : {"", "/abs", "a//b", "a/../b", "./a", ".git/config", "r/.GIT/x",
                              "trailing/", "back\\slash"})
            QTest::newRow(p[0] ? p : "(empty)") << QString::fromLatin1(p);
    }
    void unsafePathsAreRefused() {
        QFETCH(QString, path);
        auto tree = m_history.writeTree({{path, blob("x")}});
        QVERIFY(!tree);
        QVERIFY2(tree.error().contains("not a valid path"), qPrintable(tree.error()));
    }

    void fileAndFolderOfTheSameNameAreRefused() {
        auto tree = m_history.writeTree({{"r/aa", blob("x")}});
        QVERIFY(tree);
        auto clash = m_history.updateTree(*tree, {{"r/aa/bb", blob("y")}});
        QVERIFY(!clash);
        QVERIFY2(clash.error().contains("not a folder"), qPrintable(clash.error()));
    }

    void missingObjectsAreClearErrors() {
        const QByteArray nowhere(40, 'a');
        auto read = m_history.readTree(nowhere);
        QVERIFY(!read);
        QVERIFY2(read.error().contains("no object"), qPrintable(read.error()));
        QVERIFY(!m_history.readTree("not hex"));
        QVERIFY(!m_history.commit(nowhere, {}, m_member, "x"));
    }
};

QTEST_GUILESS_MAIN(RepositoryHistoryTest)
#include "tst_repository_history.moc"
