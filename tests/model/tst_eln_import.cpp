// ElnImport on a real vault: the four .eln files other ELNs wrote (counts of experiments,
// entries and files worked out here from their metadata, independently of the import), a file
// whose SHA-256 the crate gets wrong, every kind of hostile archive refused with nothing written,
// and an import that fails midway leaving the notebook exactly as it was.

#include "ElnCraft.h"
#include "exchange/ElnImport.h"
#include "Notebook.h"
#include "TestSupport.h"

#include <QDir>
#include <QHash>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSet>
#include <QTemporaryDir>
#include <QtTest>
#include <QUrl>

using namespace quire;
using test::CraftEntry;

namespace {
const QByteArray kPass = "correct horse battery staple";

QString testdata(const QString &name) {
    return qEnvironmentVariable("QUIRE_TESTDATA") + "/eln/" + name;
}

// The archive's files and their SHA-256, read by python3's zipfile (no Quire code).
QHash<QString, QString> zipHashes(const QString &path) {
    auto t = test::runTool("python3", {"-c", R"PY(
import hashlib, json, sys, zipfile
z = zipfile.ZipFile(sys.argv[1])
print(json.dumps({i.filename: hashlib.sha256(z.read(i)).hexdigest() for i in z.infolist() if not i.is_dir()}))
)PY",
                                       path});
    QHash<QString, QString> out;
    const QJsonObject o = QJsonDocument::fromJson(t.out).object();
    for (auto it = o.begin(); it != o.end(); ++it)
        out.insert(QDir::cleanPath(it.key()), it.value().toString());
    return out;
}

QByteArray zipMetadata(const QString &path) {
    return test::runTool("python3", {"-c", R"PY(
import sys, zipfile
z = zipfile.ZipFile(sys.argv[1])
name = [n for n in z.namelist() if n.endswith("ro-crate-metadata.json") and n.count("/") <= 1][0]
sys.stdout.buffer.write(z.read(name))
)PY",
                                     path})
        .out;
}

// What the import promises, counted from the metadata by the rule ElnImport.h states: every
// dataset right under the root an experiment, it and every dataset inside it an entry, every
// local file an attachment, plus one ro-crate-metadata.json per experiment; files right under the
// root (or no datasets at all) make one more experiment with one entry.
struct Expected {
    int experiments = 0;
    int entries = 0;
    int files = 0;
    QStringList shaFiles; // ids of files with a sha256
};

QString keyOf(const QString &id) {
    if (id.startsWith('#') || id.contains("://") || id.startsWith("_:")) return id;
    QStringList kept;
    for (const QString &s : QUrl::fromPercentEncoding(id.toUtf8()).split('/'))
        if (!s.isEmpty() && s != ".") kept << s;
    return kept.join('/');
}

QStringList refIds(const QJsonValue &v) {
    QStringList out;
    const QJsonArray list = v.isArray() ? v.toArray() : QJsonArray{v};
    for (const auto &item : list)
        out << (item.isObject() ? item.toObject().value("@id").toString() : item.toString());
    out.removeAll(QString());
    return out;
}

Expected expectedFrom(const QByteArray &metadata) {
    const QJsonValue g = QJsonDocument::fromJson(metadata).object().value("@graph");
    const QJsonArray graph = g.isArray() ? g.toArray() : QJsonArray{g};
    QHash<QString, QJsonObject> byKey;
    for (const auto &v : graph)
        if (!byKey.contains(keyOf(v.toObject().value("@id").toString())))
            byKey.insert(keyOf(v.toObject().value("@id").toString()), v.toObject());
    auto types = [&](const QString &key) {
        const QJsonValue t = byKey.value(key).value("@type");
        return t.isArray() ? QJsonDocument(t.toArray()).toJson() : t.toString().toUtf8();
    };
    auto isDataset = [&](const QString &k) { return types(k).contains("Dataset"); };
    auto isLocalFile = [&](const QString &k) {
        return !isDataset(k) && types(k).contains("File") && !k.contains("://");
    };
    const QString root = keyOf(
        byKey.value("ro-crate-metadata.json").value("about").toObject().value("@id").toString());
    QHash<QString, QString> parent;
    QStringList queue{root};
    QSet<QString> seen{root};
    for (int i = 0; i < queue.size(); ++i) {
        if (queue[i] != root && !isDataset(queue[i])) continue;
        for (const QString &id : refIds(byKey.value(queue[i]).value("hasPart"))) {
            const QString k = keyOf(id);
            if (!byKey.contains(k) || k == root) continue;
            if (!parent.contains(k) || parent.value(k) == root) parent.insert(k, queue[i]);
            if (!seen.contains(k)) {
                seen.insert(k);
                queue << k;
            }
        }
    }
    Expected e;
    int tops = 0, datasets = 0;
    bool rootFiles = false;
    for (auto it = parent.begin(); it != parent.end(); ++it) {
        if (isDataset(it.key())) {
            ++datasets;
            if (it.value() == root) ++tops;
        } else if (isLocalFile(it.key())) {
            ++e.files;
            if (it.value() == root) rootFiles = true;
            if (byKey.value(it.key()).contains("sha256")) e.shaFiles << it.key();
        }
    }
    const bool rootExperiment = rootFiles || tops == 0;
    e.experiments = tops + (rootExperiment ? 1 : 0);
    e.entries = datasets + (rootExperiment ? 1 : 0);
    e.files += e.experiments;
    return e;
}
} // namespace

class ElnImportTest : public QObject {
    Q_OBJECT

    QTemporaryDir m_tmp;
    std::unique_ptr<Notebook> m_nb;

    struct Snapshot {
        int records = 0;
        int experiments = 0;
        QString lastRecord;
    };
    Snapshot snapshot() {
        Snapshot s;
        auto trail = m_nb->auditTrail();
        if (trail) {
            s.records = int(trail->size());
            s.lastRecord = trail->isEmpty() ? QString() : trail->last().recordId;
        }
        auto xs = m_nb->experiments();
        if (xs) s.experiments = int(xs->size());
        return s;
    }

    // ZIP cannot carry hard links (libarchive reports none for it, and the reader refuses any it
    // did report); the reader never makes a link or special file whatever an entry's mode says,
    // as it writes every file's bytes into a fresh file of its own.
    void checkRefused(const QString &archive, const QString &phrase,
                      const ElnImportOptions &o = {}) {
        const Snapshot before = snapshot();
        auto r = ElnImport::run(*m_nb, archive, o);
        QVERIFY2(!r, "a hostile archive was imported");
        QVERIFY2(r.error().contains(phrase, Qt::CaseInsensitive), qPrintable(r.error()));
        const Snapshot after = snapshot();
        QCOMPARE(after.records, before.records);
        QCOMPARE(after.experiments, before.experiments);
        QCOMPARE(after.lastRecord, before.lastRecord);
    }

    QString crafted(const QString &name, const QList<CraftEntry> &entries) {
        const QString path = m_tmp.filePath(name);
        const QString error = test::craftZip(path, entries);
        if (!error.isEmpty()) qWarning() << error;
        return path;
    }
    static CraftEntry
    metadataEntry(const QByteArray &json = test::smallCrateMetadata("./exp/data.csv")) {
        return CraftEntry{"crate/ro-crate-metadata.json", json};
    }
    static CraftEntry dataEntry() { return CraftEntry{"crate/exp/data.csv", "x,y\n1,2\n"}; }

private slots:
    void initTestCase() {
        auto nb = Notebook::create(m_tmp.filePath("v"),
                                   {"Import lab", "Alice Importer", "alice@lab.example"}, kPass);
        QVERIFY2(nb, qPrintable(nb.error()));
        m_nb = std::move(nb.value());
    }

    void importsEachSharedFileWithTheCountsItsMetadataGives_data() {
        QTest::addColumn<QString>("file");
        QTest::addColumn<QString>("publisher");
        QTest::newRow("eLabFTW") << "elabftw-export.eln"
                                 << "eLabFTW";
        QTest::newRow("Kadi4Mat") << "kadi4mat-records-example.eln"
                                  << "Kadi4Mat";
        QTest::newRow("PASTA") << "PASTA-PASTA.eln"
                               << "PASTA";
        QTest::newRow("RSpace") << "RSpace-RSpace-2023-12-08-14-44-xml-SELECTION-c0bEtpHcnNe-HA.eln"
                                << "RSpace";
    }
    void importsEachSharedFileWithTheCountsItsMetadataGives() {
        QFETCH(QString, file);
        QFETCH(QString, publisher);
        const QString path = testdata(file);
        QVERIFY2(QFileInfo(path).isFile(), qPrintable(path));
        const Expected want = expectedFrom(zipMetadata(path));
        QVERIFY(want.experiments > 0);
        const Snapshot before = snapshot();

        auto report = ElnImport::run(*m_nb, path);
        QVERIFY2(report, qPrintable(report.error()));
        qInfo().noquote() << report->toText();
        QCOMPARE(report->experiments, want.experiments);
        QCOMPARE(report->entries, want.entries);
        QCOMPARE(report->files, want.files);
        QVERIFY2(report->publisher.contains(publisher, Qt::CaseInsensitive),
                 qPrintable(report->publisher));
        QCOMPARE(snapshot().experiments, before.experiments + want.experiments);

        // Every file kept byte for byte: its SHA-256 is the one python's zipfile computes.
        const QHash<QString, QString> hashes = zipHashes(path);
        int entries = 0, attachments = 0, mismatches = 0;
        for (const QString &x : report->experimentUuids) {
            auto list = m_nb->entries(x);
            QVERIFY2(list, qPrintable(list.error()));
            entries += int(list->size());
            QVERIFY(!list->isEmpty());
            QVERIFY2(list->first().html.contains("Imported from"), qPrintable(list->first().html));
            bool hasMetadata = false;
            for (const auto &e : *list)
                for (const auto &a : e.attachments) {
                    ++attachments;
                    hasMetadata |= a.name == "ro-crate-metadata.json";
                    const QStringList paths = hashes.keys();
                    bool found = false;
                    for (const QString &p : paths)
                        found |= hashes.value(p) == a.sha256;
                    QVERIFY2(found, qPrintable(a.name));
                }
            QVERIFY2(hasMetadata, "the crate's metadata is attached to each experiment");
        }
        QCOMPARE(entries, want.entries);
        QCOMPARE(attachments, want.files);
        for (const auto &m : report->hashMismatches) {
            ++mismatches;
            QCOMPARE(m.actual, hashes.value(m.path));
        }
        QVERIFY(mismatches <= want.shaFiles.size());
        QVERIFY(m_nb->verify().passed());
    }

    void provenanceIsShownAsText() {
        auto report = ElnImport::run(*m_nb, testdata("elabftw-export.eln"));
        QVERIFY2(report, qPrintable(report.error()));
        QString html;
        for (const QString &x : report->experimentUuids) {
            auto info = m_nb->experiment(x);
            QVERIFY(info);
            if (info->title != "Gold master experiment") continue;
            QVERIFY(info->tags.contains("tag with space"));
            html = m_nb->entries(x)->first().html;
        }
        QVERIFY2(html.contains("Imported from eLabFTW (elabftw-export.eln); created 2025-09-16 by"),
                 qPrintable(html));
        QVERIFY2(html.contains("<h1>Level 1 title</h1>"), qPrintable(html));
        QVERIFY2(html.contains("quire:experiment/"), "links to other imported items are kept");
        QVERIFY2(html.contains("Comments"), qPrintable(html));
    }

    void aFileWhoseHashDiffersIsKeptAndMarked() {
        const QString wrong = QString(64, 'a');
        const QString path = crafted(
            "mismatch.eln",
            {metadataEntry(test::smallCrateMetadata("./exp/data.csv", wrong)), dataEntry()});
        auto report = ElnImport::run(*m_nb, path);
        QVERIFY2(report, qPrintable(report.error()));
        QCOMPARE(report->hashMismatches.size(), 1);
        const auto &m = report->hashMismatches.first();
        QCOMPARE(m.declared, wrong);
        QCOMPARE(
            m.actual,
            QString(QCryptographicHash::hash("x,y\n1,2\n", QCryptographicHash::Sha256).toHex()));
        auto a = m_nb->attachment(m.attachment);
        QVERIFY(a);
        QCOMPARE(a->sha256, m.actual);
        QVERIFY(report->toText().contains("do not match"));
        QCOMPARE(report->toJson().value("counts").toObject().value("hash_mismatches").toInt(), 1);
    }

    void aClimbingPathIsRefused() {
        checkRefused(
            crafted("dotdot.eln", {metadataEntry(), dataEntry(), {"crate/../evil.txt", "x"}}),
            "climbs out");
    }
    void anAbsolutePathIsRefused() {
        checkRefused(
            crafted("absolute.eln", {metadataEntry(), dataEntry(), {"/tmp/evil.txt", "x"}}),
            "absolute path");
    }
    void aSymbolicLinkIsRefused() {
        CraftEntry link{"crate/exp/link", "/etc/passwd"};
        link.unixMode = 0120777;
        checkRefused(crafted("symlink.eln", {metadataEntry(), dataEntry(), link}), "symbolic link");
    }
    void aNameGivenTwiceIsRefused() {
        checkRefused(
            crafted("twice.eln", {metadataEntry(), dataEntry(), {"crate/exp/data.csv", "evil"}}),
            "twice");
    }
    void aZipBombByRatioIsRefused() {
        CraftEntry bomb{"crate/exp/zeros.bin", {}};
        bomb.zeros = 64LL * 1024 * 1024;
        checkRefused(crafted("bomb.eln", {metadataEntry(), dataEntry(), bomb}), "times its size");
    }
    void tooManyFilesAreRefused() {
        QList<CraftEntry> many{metadataEntry(), dataEntry()};
        for (int i = 0; i < 30; ++i)
            many << CraftEntry{QString("crate/extra/%1.txt").arg(i), "x"};
        ElnImportOptions o;
        o.maxEntries = 20;
        checkRefused(crafted("many.eln", many), "more than 20 entries", o);
    }
    void tooManyBytesAreRefused() {
        CraftEntry big{"crate/exp/big.bin", {}};
        big.randomBytes = 3 * 1024 * 1024;
        ElnImportOptions o;
        o.maxTotalBytes = 2 * 1024 * 1024;
        checkRefused(crafted("big.eln", {metadataEntry(), dataEntry(), big}),
                     "unpacks to more than", o);
    }
    void metadataThatIsNotJsonIsRefused() {
        checkRefused(
            crafted("notjson.eln", {metadataEntry("{\"@graph\": [ this is not json"), dataEntry()}),
            "not valid JSON");
    }
    void hugeMetadataIsRefused() {
        QJsonObject o =
            QJsonDocument::fromJson(test::smallCrateMetadata("./exp/data.csv")).object();
        o.insert("padding", QString(3 * 1024 * 1024, 'p'));
        ElnImportOptions opts;
        opts.maxMetadataBytes = 2 * 1024 * 1024;
        checkRefused(crafted("huge.eln", {metadataEntry(QJsonDocument(o).toJson()), dataEntry()}),
                     "larger than 2", opts);
    }
    void aFileTheMetadataNamesButTheArchiveLacksIsRefused() {
        checkRefused(crafted("missing.eln", {metadataEntry()}), "does not hold it");
    }
    void metadataNamingAPathOutsideTheCrateIsRefused() {
        checkRefused(
            crafted("outside.eln",
                    {metadataEntry(test::smallCrateMetadata("./../outside.csv")), dataEntry()}),
            "outside the crate");
    }
    void anArchiveWithoutMetadataIsRefused() {
        checkRefused(crafted("nometa.eln", {dataEntry()}), "no ro-crate-metadata.json");
    }

    void anImportFailingMidwayLeavesTheNotebookAsItWas() {
        const Snapshot before = snapshot();
        ElnImportOptions o;
        o.failAfterFiles =
            2; // the eLabFTW crate has more: the failure comes after files were stored
        auto r = ElnImport::run(*m_nb, testdata("elabftw-export.eln"), o);
        QVERIFY(!r);
        QVERIFY2(r.error().contains("the notebook is as it was"), qPrintable(r.error()));
        const Snapshot after = snapshot();
        QCOMPARE(after.records, before.records);
        QCOMPARE(after.experiments, before.experiments);
        QCOMPARE(after.lastRecord, before.lastRecord);
        // And the notebook goes on: the next import and save land, and everything verifies.
        auto again = ElnImport::run(*m_nb, testdata("kadi4mat-records-example.eln"));
        QVERIFY2(again, qPrintable(again.error()));
        auto x = m_nb->createExperiment("After", "", {});
        QVERIFY2(x, qPrintable(x.error()));
        const VerifyReport v = m_nb->verify();
        QVERIFY2(v.passed(), qPrintable(v.problems.join('\n')));
    }
};

QTEST_GUILESS_MAIN(ElnImportTest)
#include "tst_eln_import.moc"
