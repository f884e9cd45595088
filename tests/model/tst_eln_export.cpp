// .eln export (issue 15) end to end with real components: a notebook written through quire-cli
// by Alice (author) and Carol (supervisor, who witnesses), sharing a bare git repository, a real
// time-stamp authority (quire-test-tsa), then ElnExport as the window calls it. The crate is read
// back by tests/check_eln.py (Python's zipfile, json and hashlib: no Quire code) for every field
// the ELN specification and RO-Crate 1.1 ask for, and its quire/ proof by QuireProof, as it is
// and tampered with.

#include "exchange/ElnExport.h"
#include "exchange/ElnImport.h"
#include "exchange/QuireProof.h"
#include "GitServers.h"
#include "Notebook.h"
#include "TestSupport.h"
#include "TestTsa.h"

#include <QCryptographicHash>
#include <QDirIterator>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRandomGenerator>
#include <QRegularExpression>
#include <QTemporaryDir>
#include <QtTest>

using namespace quire;
using namespace quire::test;

namespace {

const QByteArray kPass = "correct horse battery staple";

QString checker() {
    return qEnvironmentVariable("QUIRE_SOURCE_DIR") + QStringLiteral("/tests/check_eln.py");
}

// The files of a zip as Python's zipfile reads them, by name.
QMap<QString, QByteArray> unzip(const QString &eln, const QString &dir) {
    QMap<QString, QByteArray> out;
    const Tool t = runTool(QStringLiteral("python3"),
                           {QStringLiteral("-c"),
                            QStringLiteral("import sys, zipfile; "
                                           "zipfile.ZipFile(sys.argv[1]).extractall(sys.argv[2])"),
                            eln, dir});
    if (t.exitCode != 0) return out;
    QDirIterator it(dir, QDir::Files, QDirIterator::Subdirectories);
    while (it.hasNext()) {
        const QString path = it.next();
        out.insert(QDir(dir).relativeFilePath(path), readAll(path));
    }
    return out;
}

// The files under <root>/quire/, by name.
QMap<QString, QByteArray> proofFiles(const QMap<QString, QByteArray> &zip) {
    QMap<QString, QByteArray> out;
    for (auto it = zip.cbegin(); it != zip.cend(); ++it)
        if (it.key().section(QLatin1Char('/'), 1, 1) == QLatin1String("quire"))
            out.insert(it.key().section(QLatin1Char('/'), 2), it.value());
    return out;
}

QString firstNamed(const QMap<QString, QByteArray> &files, const QString &prefix) {
    for (auto it = files.cbegin(); it != files.cend(); ++it)
        if (it.key().startsWith(prefix)) return it.key();
    return {};
}

} // namespace

class ElnExportTest : public QObject {
    Q_OBJECT

    QTemporaryDir m_tmp;
    QString m_alice, m_carol;
    QString m_crystals, m_buffers;
    QString m_drops, m_voided, m_oddName;
    QString m_witness;              // Carol's signature record
    QString m_remark;               // Carol's request for changes of the buffer entry
    QByteArray m_witnessMerklePath; // as `quire-cli evidence` writes it (Vault::merkleProof)
    QByteArray m_caPem;
    QByteArray m_csv, m_png;
    std::unique_ptr<TestTsa> m_tsa;
    std::unique_ptr<Notebook> m_notebook; // Alice's, open once the CLI is done with it
    QString m_eln;                        // the export every check reads
    QMap<QString, QByteArray> m_zip;

    QString path(const QString &name) const { return m_tmp.filePath(name); }

    CliResult cli(const QString &vault, const QStringList &args, bool signing = false) {
        QMap<QString, QString> env;
        if (signing) env.insert(QStringLiteral("QUIRE_SIGN_PASSPHRASE"), QString::fromUtf8(kPass));
        return runCli(vault, args, kPass, env);
    }

    QString addEntry(const QString &experiment, const QString &title, const QByteArray &md) {
        const QString f = path(QStringLiteral("entry-%1.md").arg(qHash(title)));
        writeFile(f, md);
        const auto r = cli(
            m_alice, {"entry", "add", "--experiment", experiment, "--title", title, "--file", f});
        return r.exitCode == 0 ? r.outLine() : QString();
    }

    QJsonObject metadata() const {
        for (auto it = m_zip.cbegin(); it != m_zip.cend(); ++it)
            if (it.key().endsWith(QLatin1String("/ro-crate-metadata.json")) &&
                it.key().count(QLatin1Char('/')) == 1)
                return QJsonDocument::fromJson(it.value()).object();
        return {};
    }
    QJsonObject entity(const QString &id) const {
        for (const auto &v : metadata().value("@graph").toArray())
            if (v.toObject().value("@id").toString() == id) return v.toObject();
        return {};
    }
    QJsonObject datasetNamed(const QString &name) const {
        for (const auto &v : metadata().value("@graph").toArray())
            if (v.toObject().value("name").toString() == name &&
                v.toObject().value("@type").toString() == QLatin1String("Dataset"))
                return v.toObject();
        return {};
    }

private slots:
    void initTestCase() {
        QVERIFY(m_tmp.isValid());
        const QString server = path("server.git");
        QVERIFY(makeBareRepo(server));
        m_alice = path("alice");
        m_carol = path("carol");
        CLI_OK(cli(m_alice, {"init", "--notebook", "Protein lab", "--name", "Alice Author",
                             "--email", "alice@lab.example"}));
        CLI_OK(cli(m_alice, {"remote", "set", server}));
        auto x = cli(m_alice, {"experiment", "new", "--title", "Lysozyme crystals", "--project",
                               "Structures", "--tag", "crystals", "--tag", "protein"});
        CLI_OK(x);
        m_crystals = x.outLine();
        x = cli(m_alice, {"experiment", "new", "--title", "Buffer prep", "--tag", "buffers"});
        CLI_OK(x);
        m_buffers = x.outLine();
        CLI_OK(cli(m_alice, {"sync"}));
        const QString invitation = path("invitation.json"), joinRequest = path("request.json");
        CLI_OK(cli(m_alice, {"member", "invite", "--out", invitation}));
        const auto joined =
            cli(m_carol, {"join", "--invitation", invitation, "--name", "Carol Supervisor",
                          "--email", "carol@lab.example", "--out", joinRequest});
        CLI_OK(joined);
        CLI_OK(cli(m_alice, {"member", "approve", joinRequest, "--roles", "author,supervisor",
                             "--code", joined.outLine()}));
        CLI_OK(cli(m_alice, {"sync"}));
        CLI_OK(cli(m_carol, {"sync"}));
        m_tsa = std::make_unique<TestTsa>(m_tmp.path(), QStringLiteral("trusted"));
        QVERIFY2(m_tsa->ok(), qPrintable(m_tsa->error()));
        QVERIFY2(m_tsa->start(), qPrintable(m_tsa->error()));
        for (const QString &vault : {m_alice, m_carol})
            CLI_OK(cli(vault, {"tsa", "set", m_tsa->url(), "--trust", m_tsa->caPemPath()}));

        // Drops: three versions, a data file and a picture, signed by Alice and witnessed.
        m_drops = addEntry(m_crystals, "Drops", "Hanging drops, 4 °C.\n");
        QVERIFY(!m_drops.isEmpty());
        writeFile(path("drops2.md"), "Hanging drops, 4 °C, 2 µL.\n");
        CLI_OK(cli(m_alice, {"entry", "edit", m_drops, "--file", path("drops2.md"), "--reason",
                             "volume was missing"}));
        m_csv = "wavelength,absorbance\n280,0.52\n281,0.50\n";
        writeFile(path("uv scan (1).csv"), m_csv);
        CLI_OK(cli(m_alice, {"attach", m_drops, path("uv scan (1).csv")}));
        m_png = QByteArray::fromBase64(
            "iVBORw0KGgoAAAANSUhEUgAAAAQAAAADCAIAAAA7ljmRAAAAGklEQVR4nGP8z8DwnwEJMDEwMDCgC6ALMAIA"
            "Q8QDAvqUHYQAAAAASUVORK5CYII=");
        writeFile(path("Kristall Ümlaut.png"), m_png);
        CLI_OK(cli(m_alice, {"attach", m_drops, path("Kristall Ümlaut.png")}));
        CLI_OK(cli(m_alice, {"sign", m_drops, "--meaning", "authored"}, true));
        m_voided = addEntry(m_crystals, "Wrong plate", "Used the 24-well plate.\n");
        QVERIFY(!m_voided.isEmpty());
        CLI_OK(cli(m_alice, {"entry", "void", m_voided, "--reason", "plate was cracked"}));
        m_oddName = addEntry(m_buffers, "CON: Tris/HCl *pH* 7.5 “final”?", "50 mM Tris.\n");
        QVERIFY(!m_oddName.isEmpty());
        QVERIFY(!addEntry(m_buffers, "Ünicode 日本語 title", "Buffer B.\n").isEmpty());
        CLI_OK(cli(m_alice, {"anchor"}));
        CLI_OK(cli(m_alice, {"sync"}));
        CLI_OK(cli(m_carol, {"sync"}));
        const auto witnessed = cli(m_carol, {"sign", m_drops, "--meaning", "witnessed"}, true);
        CLI_OK(witnessed);
        m_witness = witnessed.outLine();
        // A request for changes on the buffer entry: a Comment of the crate too (issue 16).
        writeFile(path("remark.txt"), "Please give the pH at 20 °C.\n");
        const auto remark = cli(
            m_carol, {"comment", m_oddName, "--file", path("remark.txt"), "--requests-changes"});
        CLI_OK(remark);
        m_remark = remark.outLine();
        CLI_OK(cli(m_carol, {"anchor"}));
        CLI_OK(cli(m_carol, {"sync"}));
        CLI_OK(cli(m_alice, {"sync"}));
        CLI_OK(cli(m_alice, {"evidence", m_witness, "--out", path("evidence")}));
        m_witnessMerklePath = readAll(path("evidence/merkle-path.json"));
        QVERIFY(!m_witnessMerklePath.isEmpty());
        CLI_OK(cli(m_alice, {"notebook", "ca", "--out", path("ca.pem")}));
        m_caPem = readAll(path("ca.pem"));

        auto nb = Notebook::open(m_alice, kPass);
        QVERIFY2(nb, qPrintable(nb.error()));
        m_notebook = std::move(nb.value());
        m_eln = path("Protein lab export.eln");
        ElnExportRequest request;
        request.all = true;
        request.outPath = m_eln;
        QList<qint64> steps;
        auto r = ElnExport(*m_notebook).exportTo(request, [&](qint64 done, qint64 total) {
            QVERIFY(done <= total);
            steps << done;
        });
        QVERIFY2(r, qPrintable(r.error()));
        QCOMPARE(r->experiments, 2);
        QCOMPARE(r->entries, 4);
        QCOMPARE(r->files, 2);
        QCOMPARE(r->signatures, 2);
        QVERIFY(!steps.isEmpty());
        QCOMPARE(r->sha256, sha256Hex(readAll(m_eln)));
        m_zip = unzip(m_eln, path("unzipped"));
        QVERIFY(!m_zip.isEmpty());
    }

    // Quire -> .eln -> Quire: a notebook of another lab reads the export back. The same
    // experiments, entry titles and HTML (the original's sanitized HTML, whole, after the
    // import's provenance lines), attachments byte for byte, and the proof shown as verified.
    void aQuireCrateImportsIntoAnotherNotebookWithItsProofVerified() {
        auto other = Notebook::create(path("other-lab"),
                                      {"Other lab", "Olga Other", "olga@other.example"}, kPass);
        QVERIFY2(other, qPrintable(other.error()));
        Notebook &nb = **other;
        auto imported = ElnImport::run(nb, m_eln);
        QVERIFY2(imported, qPrintable(imported.error()));
        QVERIFY2(imported->proofPresent && imported->proofOk, qPrintable(imported->toText()));
        QVERIFY(imported->toText().contains("Quire's proof in the crate verifies"));
        bool witnessShown = false;
        for (const QString &line : imported->proofLines) {
            QVERIFY2(line.startsWith("verified: "), qPrintable(line));
            if (line.contains(m_witness.left(16))) witnessShown = true;
        }
        QVERIFY2(witnessShown, qPrintable(imported->proofLines.join('\n')));

        auto theirs = nb.experiments();
        auto ours = m_notebook->experiments();
        QVERIFY(theirs && ours);
        QStringList theirTitles, ourTitles;
        for (const auto &x : *theirs)
            theirTitles << x.title;
        for (const auto &x : *ours)
            ourTitles << x.title;
        theirTitles.sort();
        ourTitles.sort();
        QCOMPARE(theirTitles, ourTitles);
        int entriesCompared = 0, filesCompared = 0;
        for (const auto &x : *ours) {
            auto mine = m_notebook->entries(x.uuid);
            QVERIFY(mine);
            const ExperimentInfo *match = nullptr;
            for (const auto &y : *theirs)
                if (y.title == x.title) match = &y;
            QVERIFY(match);
            QCOMPARE(match->tags, x.tags);
            auto copies = nb.entries(match->uuid);
            QVERIFY(copies);
            for (const auto &e : *mine) {
                const EntryVersion *copy = nullptr;
                for (const auto &c : *copies)
                    if (c.title == e.title) copy = &c;
                QVERIFY2(copy, qPrintable(e.title));
                QVERIFY2(copy->html.endsWith(e.html) || copy->html.contains(e.html),
                         qPrintable(copy->html + "\n--- should hold ---\n" + e.html));
                QVERIFY2(copy->html.contains("Quire proof checked on import") &&
                             copy->html.contains("verifies against the notebook CA"),
                         qPrintable(copy->html));
                for (const auto &a : e.attachments) {
                    const AttachmentInfo *twin = nullptr;
                    for (const auto &b : copy->attachments)
                        if (b.name == a.name) twin = &b;
                    QVERIFY2(twin, qPrintable(a.name));
                    QCOMPARE(*nb.attachmentBytes(twin->id, 1 << 24),
                             *m_notebook->attachmentBytes(a.id, 1 << 24));
                    ++filesCompared;
                }
                ++entriesCompared;
            }
        }
        QVERIFY(entriesCompared >= 4);
        QCOMPARE(filesCompared, 2);
        // The other notebook keeps the proof as evidence, never as its own records.
        const VerifyReport check = nb.verify();
        QVERIFY2(check.passed(), qPrintable(check.problems.join('\n')));

        // A crate whose record was changed after the export imports, and says so.
        const QString tampered = path("tampered-roundtrip.eln");
        QVERIFY(QFile::copy(m_eln, tampered));
        QString inZip;
        for (auto it = m_zip.cbegin(); it != m_zip.cend(); ++it)
            if (it.key().contains("/quire/record-") && it.value().contains("Hanging drops"))
                inZip = it.key();
        QVERIFY(!inZip.isEmpty());
        QByteArray changed = m_zip.value(inZip);
        changed.replace("Hanging drops", "Hunging drops");
        QVERIFY(changed != m_zip.value(inZip));
        const QString stage = path("tamper-stage");
        QVERIFY(QDir().mkpath(stage + "/" + inZip.section('/', 0, -2)));
        writeFile(stage + "/" + inZip, changed);
        const Tool zip = runTool("python3", {"-c",
                                             "import sys, zipfile\n"
                                             "src, dst, name, data = sys.argv[1:5]\n"
                                             "zin = zipfile.ZipFile(src)\n"
                                             "zout = zipfile.ZipFile(dst, 'w')\n"
                                             "for i in zin.infolist():\n"
                                             "    b = open(data,'rb').read() if i.filename == name "
                                             "else zin.read(i.filename)\n"
                                             "    zout.writestr(i, b)\n"
                                             "zout.close()\n",
                                             m_eln, tampered + ".new", inZip, stage + "/" + inZip});
        QCOMPARE(zip.exitCode, 0);
        auto third =
            Notebook::create(path("third-lab"), {"Third lab", "Tom Third", "t@x.example"}, kPass);
        QVERIFY2(third, qPrintable(third.error()));
        auto bad = ElnImport::run(**third, tampered + ".new");
        QVERIFY2(bad, qPrintable(bad.error()));
        QVERIFY(bad->proofPresent);
        QVERIFY(!bad->proofOk);
        QVERIFY2(bad->toText().contains("does NOT verify"), qPrintable(bad->toText()));
    }

    void anIndependentReaderFindsEveryFieldTheSpecificationAsks() {
        const Tool t = runTool(QStringLiteral("python3"), {checker(), m_eln});
        QVERIFY2(t.exitCode == 0, qPrintable(t.all()));
        const QJsonObject summary = QJsonDocument::fromJson(t.out).object();
        QCOMPARE(summary.value("errors").toArray().size(), 0);
        QCOMPARE(summary.value("root").toString(), QStringLiteral("Protein-lab-export"));
        QCOMPARE(summary.value("publisher").toString(), QStringLiteral("Quire"));
        const QJsonObject datasets = summary.value("datasets").toObject();
        QCOMPARE(datasets.value("experiment").toInt(), 2);
        QCOMPARE(datasets.value("notebook entry").toInt(), 4);
        QCOMPARE(datasets.value("proof").toInt(), 1);
        // entry.html of each entry, the two attachments, and the three files quire/ describes.
        QCOMPARE(summary.value("files").toInt(), 4 + 2 + 3);
        QCOMPARE(summary.value("persons").toInt(), 2);
        QCOMPARE(summary.value("comments").toInt(), 3); // two signatures and a comment
    }

    void theReaderRefusesABrokenCrate() {
        // The checker is only worth its verdict if it says no: crates broken by Python from the
        // good one, one with a file that differs from its sha256, one with a second root.
        const QString changed = path("changed.eln"), stray = path("stray.eln");
        const Tool t = runTool(
            QStringLiteral("python3"),
            {QStringLiteral("-c"),
             QStringLiteral(
                 "import sys, zipfile\n"
                 "src = zipfile.ZipFile(sys.argv[1])\n"
                 "a = zipfile.ZipFile(sys.argv[2], 'w'); b = zipfile.ZipFile(sys.argv[3], 'w')\n"
                 "for i in src.infolist():\n"
                 "    data = src.read(i)\n"
                 "    b.writestr(i, data)\n"
                 "    if i.filename.endswith('.csv'): data = data.replace(b'0.52', b'0.53')\n"
                 "    a.writestr(i, data)\n"
                 "b.writestr('stray.txt', b'outside the root')\n"
                 "a.close(); b.close()\n"),
             m_eln, changed, stray});
        QVERIFY2(t.exitCode == 0, qPrintable(t.all()));
        Tool check = runTool(QStringLiteral("python3"), {checker(), changed});
        QCOMPARE(check.exitCode, 1);
        QVERIFY2(check.all().contains(QStringLiteral("sha256 does not match its bytes")),
                 qPrintable(check.all()));
        check = runTool(QStringLiteral("python3"), {checker(), stray});
        QCOMPARE(check.exitCode, 1);
        QVERIFY2(check.all().contains(QStringLiteral("not exactly one root folder")),
                 qPrintable(check.all()));
    }

    void theCrateSaysWhatTheNotebookSays() {
        const QJsonObject crystals = datasetNamed(QStringLiteral("Lysozyme crystals"));
        QCOMPARE(crystals.value("keywords").toString(), QStringLiteral("crystals, protein"));
        QCOMPARE(crystals.value("genre").toString(), QStringLiteral("experiment"));
        QVERIFY(crystals.value("description").toString().contains(QStringLiteral("Structures")));
        QCOMPARE(crystals.value("hasPart").toArray().size(), 2);

        const QJsonObject drops = datasetNamed(QStringLiteral("Drops"));
        QCOMPARE(drops.value("version").toString(), QStringLiteral("4")); // add, edit, 2 files
        auto latest = m_notebook->entry(m_drops);
        QVERIFY2(latest, qPrintable(latest.error()));
        QCOMPARE(drops.value("text").toString(), latest->html);
        QCOMPARE(drops.value("identifier").toString(), QStringLiteral("urn:uuid:") + m_drops);
        const QJsonObject alice = entity(drops.value("author").toObject().value("@id").toString());
        QCOMPARE(alice.value("name").toString(), QStringLiteral("Alice Author"));
        QCOMPARE(alice.value("email").toString(), QStringLiteral("alice@lab.example"));
        // Signatures as text, in the entry's description and as Comments.
        const QString description = drops.value("description").toString();
        QVERIFY2(description.contains(QStringLiteral("Signed by Alice Author (authored) on ")),
                 qPrintable(description));
        QVERIFY2(description.contains(QStringLiteral("Signed by Carol Supervisor (witnessed) on ")),
                 qPrintable(description));
        QVERIFY(description.contains(QStringLiteral(" UTC")));
        QCOMPARE(drops.value("comment").toArray().size(), 2);
        const QJsonObject witness = entity(QStringLiteral("#signature-") + m_witness);
        QVERIFY(witness.value("text").toString().startsWith(
            QStringLiteral("Signed by Carol Supervisor (witnessed) on ")));
        QCOMPARE(entity(witness.value("author").toObject().value("@id").toString())
                     .value("email")
                     .toString(),
                 QStringLiteral("carol@lab.example"));

        // The attachments byte for byte, under safe names, with their own names in `name`.
        QByteArray csv, png;
        QString html;
        for (const auto &part : drops.value("hasPart").toArray()) {
            const QJsonObject f = entity(part.toObject().value("@id").toString());
            const QString rel = f.value("@id").toString().mid(2);
            const QByteArray bytes = m_zip.value(QStringLiteral("Protein-lab-export/") + rel);
            if (f.value("name").toString() == QLatin1String("uv scan (1).csv")) {
                csv = bytes;
                QVERIFY2(rel.endsWith(QLatin1String("/uv-scan-1.csv")), qPrintable(rel));
                QCOMPARE(f.value("encodingFormat").toString().section(';', 0, 0),
                         QStringLiteral("text/csv"));
            } else if (f.value("name").toString() == QStringLiteral("Kristall Ümlaut.png")) {
                png = bytes;
                QVERIFY2(rel.endsWith(QLatin1String("/Kristall-Umlaut.png")), qPrintable(rel));
                QCOMPARE(f.value("encodingFormat").toString(), QStringLiteral("image/png"));
            } else if (f.value("name").toString() == QLatin1String("entry.html")) {
                html = QString::fromUtf8(bytes);
            }
        }
        QCOMPARE(csv, m_csv);
        QCOMPARE(png, m_png);
        QVERIFY(html.startsWith(QStringLiteral("<!DOCTYPE html>")));
        QVERIFY(html.contains(QStringLiteral("2 µL")));
        QVERIFY(html.contains(QStringLiteral("Signed by Carol Supervisor (witnessed)")));

        const QJsonObject voided = datasetNamed(QStringLiteral("Wrong plate"));
        QCOMPARE(voided.value("creativeWorkStatus").toString(), QStringLiteral("void"));
        QVERIFY(
            voided.value("description").toString().contains(QStringLiteral("plate was cracked")));
        const QJsonObject odd = datasetNamed(QStringLiteral("CON: Tris/HCl *pH* 7.5 “final”?"));
        QVERIFY(!odd.isEmpty());
        QCOMPARE(odd.value("comment").toArray().size(), 1);
        const QJsonObject remark = entity(QStringLiteral("#comment-") + m_remark);
        QCOMPARE(remark.value("text").toString(),
                 QStringLiteral("Changes requested (of version 1): Please give the pH at 20 °C."));
        QCOMPARE(remark.value("identifier").toString(), m_remark);
        QCOMPARE(entity(remark.value("author").toObject().value("@id").toString())
                     .value("name")
                     .toString(),
                 QStringLiteral("Carol Supervisor"));

        // Every name is plain ASCII a zip on any system unpacks as it is.
        static const QRegularExpression safe(
            QStringLiteral("^[A-Za-z0-9._-]+(/[A-Za-z0-9._-]+)*$"));
        for (auto it = m_zip.cbegin(); it != m_zip.cend(); ++it)
            QVERIFY2(safe.match(it.key()).hasMatch(), qPrintable(it.key()));
    }

    void theProofVerifiesAgainstTheCratesOwnAuthority() {
        const QMap<QString, QByteArray> files = proofFiles(m_zip);
        const ProofReport report = verifyQuireProof(files);
        QStringList failures;
        for (const ProofItem &i : report.items)
            if (!i.verified) failures << i.kind + ' ' + i.id + ": " + i.reason;
        QVERIFY2(report.ok(), qPrintable(failures.join('\n')));
        QVERIFY(report.present);
        // It says which CA it trusted: the notebook's, and nothing else.
        QByteArray der = m_caPem;
        der.replace("-----BEGIN CERTIFICATE-----", "").replace("-----END CERTIFICATE-----", "");
        QCOMPARE(report.caSha256, sha256Hex(QByteArray::fromBase64(der)));
        QCOMPARE(report.notebookName, QStringLiteral("Protein lab"));
        const QJsonObject manifest =
            QJsonDocument::fromJson(files.value("quire-manifest.json")).object();
        const int records = int(manifest.value("records").toArray().size());
        int recordItems = 0, signatures = 0, timestamps = 0, paths = 0;
        for (const ProofItem &i : report.items) {
            recordItems += i.kind == QLatin1String("record");
            signatures += i.kind == QLatin1String("signature");
            timestamps += i.kind == QLatin1String("timestamp");
            paths += i.kind == QLatin1String("merkle_path");
        }
        QCOMPARE(recordItems, records);
        QCOMPARE(signatures, 2);
        QCOMPARE(timestamps, 2); // Alice's anchor and Carol's
        QVERIFY(paths >= 10);
        const ProofItem *witness = report.find(QStringLiteral("signature"), m_witness);
        QVERIFY(witness && witness->verified);
        QVERIFY(witness->reason.contains(QStringLiteral("Carol Supervisor (witnessed)")));
        // The Merkle path is the one the vault itself gives (Vault::merkleProof).
        QCOMPARE(files.value(QStringLiteral("proof-%1.json").arg(m_witness)), m_witnessMerklePath);
    }

    void tamperingIsNamedItemByItem() {
        const QMap<QString, QByteArray> good = proofFiles(m_zip);
        const QString drops = [&] {
            for (auto it = good.cbegin(); it != good.cend(); ++it)
                if (it.key().startsWith(QLatin1String("record-")) &&
                    it.value().contains("\"title\":\"Drops\""))
                    return it.key();
            return QString();
        }();
        QVERIFY(!drops.isEmpty());
        const QString dropsId = drops.mid(7).chopped(5);
        auto failureOf = [](const ProofReport &r, const QString &kind, const QString &id) {
            const ProofItem *i = r.find(kind, id);
            return i && !i->verified ? i->reason : QString();
        };

        // One byte of a record's content.
        QMap<QString, QByteArray> files = good;
        files[drops].replace("Hanging drops", "Hanging drips");
        ProofReport r = verifyQuireProof(files);
        QVERIFY(!r.ok());
        QVERIFY2(
            failureOf(r, "record", dropsId).contains(QStringLiteral("does not hash to its id")),
            qPrintable(failureOf(r, "record", dropsId)));
        QVERIFY(r.find("file", drops) && !r.find("file", drops)->verified);

        // One byte of a seal.
        files = good;
        {
            QJsonObject envelope = QJsonDocument::fromJson(files[drops]).object();
            QJsonObject seal = envelope.value("seal").toObject();
            QByteArray sig = QByteArray::fromBase64(seal.value("sig").toString().toLatin1());
            sig[sig.size() - 3] = char(sig[sig.size() - 3] ^ 0x01);
            seal.insert("sig", QString::fromLatin1(sig.toBase64()));
            envelope.insert("seal", seal);
            files[drops] = QJsonDocument(envelope).toJson(QJsonDocument::Compact);
        }
        r = verifyQuireProof(files);
        QCOMPARE(failureOf(r, "record", dropsId), QStringLiteral("its seal does not verify"));

        // One byte of a signature's CMS.
        files = good;
        const QString der = QStringLiteral("signature-%1.der").arg(m_witness);
        files[der][files[der].size() - 5] = char(files[der].at(files[der].size() - 5) ^ 0x40);
        r = verifyQuireProof(files);
        QVERIFY2(failureOf(r, "signature", m_witness).contains(der),
                 qPrintable(failureOf(r, "signature", m_witness)));
        QVERIFY(r.find("record", m_witness)->verified); // the record itself is untouched

        // One byte of a time-stamp token.
        files = good;
        const QString tsr = firstNamed(good, QStringLiteral("timestamp-"));
        const QString anchor = tsr.mid(10).chopped(4);
        files[tsr][files[tsr].size() / 2] = char(files[tsr].at(files[tsr].size() / 2) ^ 0x01);
        r = verifyQuireProof(files);
        QVERIFY2(failureOf(r, "timestamp", anchor).contains(tsr),
                 qPrintable(failureOf(r, "timestamp", anchor)));

        // One step of a Merkle path.
        files = good;
        const QString proof = QStringLiteral("proof-%1.json").arg(m_witness);
        {
            QJsonObject p = QJsonDocument::fromJson(files[proof]).object();
            QJsonArray path = p.value("path").toArray();
            QVERIFY(!path.isEmpty());
            QJsonObject step = path.at(0).toObject();
            QString hash = step.value("hash").toString();
            hash[0] = hash.at(0) == QLatin1Char('0') ? QLatin1Char('1') : QLatin1Char('0');
            step.insert("hash", hash);
            path.replace(0, step);
            p.insert("path", path);
            files[proof] = QJsonDocument(p).toJson(QJsonDocument::Compact);
        }
        r = verifyQuireProof(files);
        QCOMPARE(failureOf(r, "merkle_path", m_witness),
                 QStringLiteral("the path does not lead from the record to its root"));

        // Another certificate authority in place of the notebook's: nothing chains to it.
        files = good;
        files[QStringLiteral("notebook-ca.pem")] = readAll(m_tsa->caPemPath());
        r = verifyQuireProof(files);
        QVERIFY(!r.find("ca", r.caSha256)->verified);
        QVERIFY(!failureOf(r, "record", dropsId).isEmpty());
        QVERIFY(!failureOf(r, "signature", m_witness).isEmpty());

        // A record taken out.
        files = good;
        files.remove(drops);
        r = verifyQuireProof(files);
        QCOMPARE(failureOf(r, "record", dropsId), QStringLiteral("missing"));

        // No manifest: not a Quire crate at all, which is not a failure of anything.
        files = good;
        files.remove(QStringLiteral("quire-manifest.json"));
        r = verifyQuireProof(files);
        QVERIFY(!r.present);
        QVERIFY(!r.ok());
    }

    void hostileProofFilesAreFailuresNotCrashes() {
        const QMap<QString, QByteArray> good = proofFiles(m_zip);
        QMap<QString, QByteArray> files = good;
        files.insert(QStringLiteral("proof-x"), "junk");
        files.insert(QStringLiteral("timestamp-.tsr"), "x");
        files.insert(QStringLiteral("record-.json"), "{");
        files.insert(QStringLiteral("proof-%1.json").arg(QString(64, u'g')),
                     R"({"record":"gg","root":"","path":[{"side":"up","hash":"zz"},7,null]})");
        ProofReport r = verifyQuireProof(files);
        QVERIFY(!r.ok());
        QVERIFY(r.find("file", QStringLiteral("proof-x")));

        files = good;
        files[QStringLiteral("quire-manifest.json")] =
            R"({"experiments":[null,{"entries":7}],"files":"x","format":"quire/1","records":[1,{},"../../etc/passwd"],"type":"eln_export"})";
        r = verifyQuireProof(files);
        QVERIFY(!r.ok());
        QVERIFY(r.find("record", QStringLiteral("../../etc/passwd")));

        // Every file replaced by random bytes.
        QRandomGenerator random(7);
        files = good;
        for (auto it = files.begin(); it != files.end(); ++it) {
            QByteArray junk(int(random.bounded(1, 4096)), Qt::Uninitialized);
            for (char &c : junk)
                c = char(random.bounded(256));
            it.value() = junk;
        }
        r = verifyQuireProof(files);
        QVERIFY(!r.ok());
        QVERIFY(r.present);
    }

    void theExportIsAuditedWithTheFilesHash() {
        auto trail = m_notebook->auditTrail();
        QVERIFY2(trail, qPrintable(trail.error()));
        const auto it = std::find_if(trail->cbegin(), trail->cend(), [](const AuditEvent &e) {
            return e.action == QLatin1String("export_eln");
        });
        QVERIFY(it != trail->cend());
        QCOMPARE(it->detail.value("sha256").toString(), sha256Hex(readAll(m_eln)));
        QCOMPARE(it->detail.value("entries").toInt(), 4);
        QCOMPARE(it->detail.value("experiments").toArray().size(), 2);
        QCOMPARE(it->detail.value("file_name").toString(),
                 QStringLiteral("Protein lab export.eln"));
    }

    void aFailedOrCancelledExportLeavesNoFile() {
        QTemporaryDir out;
        const QString target = out.filePath(QStringLiteral("cancelled.eln"));
        std::atomic_bool cancel{true};
        ElnExportRequest request;
        request.experiments = {m_crystals};
        request.outPath = target;
        auto r = ElnExport(*m_notebook).exportTo(request, {}, &cancel);
        QVERIFY(!r);
        QVERIFY2(r.error().contains(QStringLiteral("cancelled")), qPrintable(r.error()));
        QVERIFY(!QFile::exists(target));
        QCOMPARE(QDir(out.path()).entryList(QDir::Files | QDir::Hidden).size(), 0);

        request.outPath = out.filePath(QStringLiteral("no/such/folder/x.eln"));
        r = ElnExport(*m_notebook).exportTo(request);
        QVERIFY(!r);
        QVERIFY(!QFile::exists(request.outPath));

        request.experiments = {QStringLiteral("00000000-0000-4000-8000-000000000000")};
        request.outPath = target;
        r = ElnExport(*m_notebook).exportTo(request);
        QVERIFY(!r);
        QVERIFY2(r.error().contains(QStringLiteral("no experiment")), qPrintable(r.error()));
        QVERIFY(!QFile::exists(target));
    }

    void anExportOfOneExperimentHoldsOnlyIt() {
        const QString one = path("crystals.eln");
        ElnExportRequest request;
        request.experiments = {m_crystals};
        request.outPath = one;
        auto r = ElnExport(*m_notebook).exportTo(request);
        QVERIFY2(r, qPrintable(r.error()));
        QCOMPARE(r->experiments, 1);
        QCOMPARE(r->entries, 2);
        const Tool t = runTool(QStringLiteral("python3"), {checker(), one});
        QVERIFY2(t.exitCode == 0, qPrintable(t.all()));
        QCOMPARE(QJsonDocument::fromJson(t.out)
                     .object()
                     .value("datasets")
                     .toObject()
                     .value("experiment")
                     .toInt(),
                 1);
        const auto zip = unzip(one, path("unzipped-one"));
        QVERIFY(verifyQuireProof(proofFiles(zip)).ok());
    }
};

QTEST_GUILESS_MAIN(ElnExportTest)
#include "tst_eln_export.moc"
