// quire-cli's PDF for a patent attorney (issue 13) end to end, with real components only: two
// vaults sharing a bare repository, a real time-stamp authority (quire-test-tsa), QtWebEngine
// printing offscreen inside quire-cli, and the tools a recipient would use to check the file —
// pdftotext, qpdf --check and --show-attachment, pdfsig with an NSS database that trusts only
// the notebook CA and the TSA's CA, openssl cms over byte ranges cut out here. Alice (admin,
// author) writes and signs as author; Carol (supervisor) countersigns as witness.

#include "GitServers.h"
#include "TestSupport.h"
#include "TestTsa.h"

#include <QCryptographicHash>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRegularExpression>
#include <QTcpServer>
#include <QTemporaryDir>
#include <QtTest>

using namespace quire::test;

namespace {

const QByteArray kPass = "correct horse battery staple";

// A 4x3 PNG, written without Qt Gui (the test links Qt Core only): made by openssl-free means,
// a fixed valid file.
const QByteArray kPng = QByteArray::fromBase64(
    "iVBORw0KGgoAAAANSUhEUgAAAAQAAAADCAIAAAA7ljmRAAAAGklEQVR4nGP8z8DwnwEJMDEwMDCgC6ALMAIA"
    "Q8QDAvqUHYQAAAAASUVORK5CYII=");

} // namespace

// It evaluates its argument once: QVERIFY2 evaluates its message even when the check holds,
// so a command named in both would run twice (CLI_OK in TestSupport.h does the same).
#define TOOL_OK(tool)                                                                              \
    do {                                                                                           \
        const Tool once = (tool);                                                                  \
        QVERIFY2(once.exitCode == 0, qPrintable(once.all()));                                      \
    } while (false)

class CliPdfTest : public QObject {
    Q_OBJECT

    QTemporaryDir m_tmp;
    QString m_server, m_alice, m_carol;
    QString m_experiment;
    QString m_signedEntry, m_voidedEntry, m_hostileEntry;
    QString m_export; // the unsigned export
    QString m_exportId;
    QString m_nssDir;
    std::unique_ptr<TestTsa> m_tsa;
    std::unique_ptr<QTcpServer> m_trap; // where the hostile entry's remote image points
    int m_trapConnections = 0;

    QString path(const QString &name) const { return m_tmp.filePath(name); }

    CliResult cli(const QString &vault, const QStringList &args,
                  const QByteArray &signPassphrase = {}) {
        QMap<QString, QString> env;
        if (!signPassphrase.isEmpty())
            env.insert(QStringLiteral("QUIRE_SIGN_PASSPHRASE"), QString::fromUtf8(signPassphrase));
        return runCli(vault, args, kPass, env);
    }

    QString addEntry(const QString &title, const QString &file, const QByteArray &content) {
        const QString f = path(file);
        if (!writeAll(f, content)) return {};
        const auto add = cli(
            m_alice, {"entry", "add", "--experiment", m_experiment, "--title", title, "--file", f});
        return add.exitCode == 0 ? add.outLine() : QString();
    }

    Tool pdfsig(const QString &file) {
        return runTool(QStringLiteral("pdfsig"),
                       {QStringLiteral("-nssdir"), "sql:" + m_nssDir, file});
    }

    // The signatures as pdfsig lists them: one block of lines per "Signature #n:".
    QStringList pdfsigBlocks(const QString &file) {
        QStringList blocks =
            pdfsig(file).all().split(QRegularExpression(QStringLiteral("Signature #\\d+:")));
        blocks.removeFirst();
        return blocks;
    }

    QString text(const QString &pdf) {
        return QString::fromUtf8(runTool("pdftotext", {"-layout", pdf, "-"}).out);
    }

    QJsonObject verifyJson(const QString &vault, const QString &pdf, int *exitCode = nullptr) {
        const auto r = cli(vault, {"pdf", "verify", pdf, "--json"});
        if (exitCode) *exitCode = r.exitCode;
        return QJsonDocument::fromJson(r.out).object();
    }

    // The signature dictionaries as the raw bytes say: the signed bytes and the CMS.
    struct RawSignature {
        QByteArray signedBytes;
        QByteArray der;
        bool documentTimestamp = false;
    };
    static QList<RawSignature> rawSignatures(const QByteArray &bytes) {
        static const QRegularExpression pattern(
            QStringLiteral(R"(/ByteRange\s*\[\s*(\d+)\s+(\d+)\s+(\d+)\s+(\d+)\s*\])"));
        QList<RawSignature> out;
        auto it = pattern.globalMatch(QString::fromLatin1(bytes));
        while (it.hasNext()) {
            const auto m = it.next();
            qint64 r[4];
            for (int i = 0; i < 4; ++i)
                r[i] = m.captured(i + 1).toLongLong();
            RawSignature sig;
            QByteArray der = QByteArray::fromHex(bytes.mid(r[1] + 1, r[2] - r[1] - 2));
            qsizetype length = quint8(der[1]), header = 2;
            if (length & 0x80) {
                const int n = int(length & 0x7f);
                length = 0;
                for (int i = 0; i < n; ++i)
                    length = (length << 8) | quint8(der[2 + i]);
                header += n;
            }
            sig.der = der.left(header + length);
            const qsizetype objectStart = bytes.lastIndexOf(" obj", m.capturedStart());
            sig.documentTimestamp =
                bytes.mid(objectStart, m.capturedStart() - objectStart).contains("/ETSI.RFC3161");
            sig.signedBytes = bytes.mid(0, r[1]) + bytes.mid(r[2], r[3]);
            out << sig;
        }
        return out;
    }

private slots:
    void initTestCase() {
        for (const char *tool : {"pdfsig", "pdftotext", "pdftoppm", "qpdf", "certutil", "openssl"})
            if (QStandardPaths::findExecutable(QString::fromLatin1(tool)).isEmpty())
                QSKIP(qPrintable(QStringLiteral("%1 is not installed").arg(tool)));
        QVERIFY(m_tmp.isValid());
        m_server = path("server.git");
        QVERIFY(makeBareRepo(m_server));
        m_alice = path("alice");
        m_carol = path("carol");
        CLI_OK(cli(m_alice, {"init", "--notebook", "Synthesis lab", "--name", "Alice Author",
                             "--email", "alice@lab.example"}));
        CLI_OK(cli(m_alice, {"remote", "set", m_server}));
        const auto x = cli(m_alice, {"experiment", "new", "--title", "Aspirin synthesis",
                                     "--project", "Analgesics"});
        CLI_OK(x);
        m_experiment = x.outLine();
        CLI_OK(cli(m_alice, {"sync"}));
        // Carol joins as supervisor.
        const QString invitation = path("invitation.json"), request = path("request.json");
        CLI_OK(cli(m_alice, {"member", "invite", "--out", invitation}));
        const auto joined =
            cli(m_carol, {"join", "--invitation", invitation, "--name", "Carol Supervisor",
                          "--email", "carol@lab.example", "--out", request});
        CLI_OK(joined);
        CLI_OK(cli(m_alice, {"member", "approve", request, "--roles", "author,supervisor", "--code",
                             joined.outLine()}));
        CLI_OK(cli(m_alice, {"sync"}));
        CLI_OK(cli(m_carol, {"sync"}));

        m_tsa = std::make_unique<TestTsa>(m_tmp.path(), QStringLiteral("trusted"));
        QVERIFY2(m_tsa->ok(), qPrintable(m_tsa->error()));
        QVERIFY2(m_tsa->start(), qPrintable(m_tsa->error()));
        for (const QString &vault : {m_alice, m_carol})
            CLI_OK(cli(vault, {"tsa", "set", m_tsa->url(), "--trust", m_tsa->caPemPath()}));

        m_trap = std::make_unique<QTcpServer>();
        QVERIFY(m_trap->listen(QHostAddress::LocalHost));
        connect(m_trap.get(), &QTcpServer::newConnection, this, [this] {
            ++m_trapConnections;
            while (auto *s = m_trap->nextPendingConnection())
                s->deleteLater();
        });

        // The entries: a table, math, a checklist and code; an image; a voided one; a signed
        // one; a hostile one.
        QVERIFY(!addEntry("Reagents", "reagents.md",
                          "Weighed out:\n\n| Reagent | Mass | Note |\n|---|---|---|\n"
                          "| Salicylic acid | 2.00 g | dry |\n| Acetic anhydride | 5.0 mL | fresh |"
                          "\n\n```\nyield = m / M\n```\n")
                     .isEmpty());
        QVERIFY(!addEntry("Kinetics", "kinetics.html",
                          "<p>Rate law: <span class=\"math\" data-tex=\"k = A e^{-E_a/RT}\">k = A "
                          "e^{-E_a/RT}</span></p><ul class=\"checklist\"><li data-checked=\"true\">"
                          "Flask dried</li><li data-checked=\"false\">Ice bath ready</li></ul>")
                     .isEmpty());
        const QString photo = addEntry("Crystals", "crystals.md", "Needles under the scope.\n");
        QVERIFY(!photo.isEmpty());
        QVERIFY(writeAll(path("crystals.png"), kPng));
        CLI_OK(cli(m_alice, {"attach", photo, path("crystals.png")}));
        m_voidedEntry = addEntry("Wrong flask", "wrong.md", "Used the 50 mL flask.\n");
        QVERIFY(!m_voidedEntry.isEmpty());
        CLI_OK(cli(m_alice, {"entry", "void", m_voidedEntry, "--reason", "flask was cracked"}));
        m_hostileEntry =
            addEntry("Pasted from the web", "hostile.html",
                     QStringLiteral("<p>Harmless text.</p><script>document.write('PWNED-BY-SCRIPT')"
                                    "</script><img src=\"http://127.0.0.1:%1/x.png\" "
                                    "onerror=\"document.write('PWNED-BY-ONERROR')\"><iframe "
                                    "src=\"http://127.0.0.1:%1/frame\"></iframe>")
                         .arg(m_trap->serverPort())
                         .toUtf8());
        QVERIFY(!m_hostileEntry.isEmpty());
        m_signedEntry = addEntry("Recrystallisation", "recryst.md", "Yield 81 %, m.p. 135 °C.\n");
        QVERIFY(!m_signedEntry.isEmpty());
        CLI_OK(cli(m_alice, {"sign", m_signedEntry, "--meaning", "authored"}, kPass));
        CLI_OK(cli(m_alice, {"anchor"}));
        CLI_OK(cli(m_alice, {"sync"}));
        CLI_OK(cli(m_carol, {"sync"}));

        // An NSS database for pdfsig that trusts the notebook CA and the TSA's CA, nothing else.
        CLI_OK(cli(m_alice, {"notebook", "ca", "--out", path("ca.pem")}));
        QVERIFY(readAll(path("ca.pem")).startsWith("-----BEGIN CERTIFICATE-----"));
        m_nssDir = path("nss");
        QVERIFY(QDir().mkpath(m_nssDir));
        TOOL_OK(runTool("certutil", {"-N", "-d", "sql:" + m_nssDir, "--empty-password"}));
        TOOL_OK(runTool("certutil", {"-A", "-d", "sql:" + m_nssDir, "-n", "notebook-ca", "-t",
                                     "CT,C,C", "-a", "-i", path("ca.pem")}));
        TOOL_OK(runTool("certutil", {"-A", "-d", "sql:" + m_nssDir, "-n", "tsa-ca", "-t", "CT,C,C",
                                     "-a", "-i", m_tsa->caPemPath()}));
        // Written after the last time-stamp (a sync time-stamps too): not yet attested.
        QVERIFY(!addEntry("Afternote", "after.md", "Filtrate kept at 4 °C.\n").isEmpty());
    }

    void exportShowsWhatAPatentAttorneyNeeds() {
        m_export = path("export.pdf");
        const auto r =
            cli(m_alice, {"export", "pdf", "--experiment", m_experiment, "--out", m_export});
        CLI_OK(r);
        m_exportId = r.outLine();
        QVERIFY2(QRegularExpression(QStringLiteral("^[0-9a-f-]{36}$")).match(m_exportId).hasMatch(),
                 r.out);
        TOOL_OK(runTool("qpdf", {"--check", m_export}));
        const QString t = text(m_export);
        for (const QString &needle : {QStringLiteral("Aspirin synthesis"),
                                      QStringLiteral("Synthesis lab"),
                                      QStringLiteral("Analgesics"),
                                      QStringLiteral("Salicylic acid"),
                                      QStringLiteral("Acetic anhydride"),
                                      QStringLiteral("yield = m / M"),
                                      QStringLiteral("Flask dried"),
                                      QStringLiteral("Rate law"),
                                      QStringLiteral("crystals.png"),
                                      QStringLiteral("Alice Author"),
                                      QStringLiteral("Authored"),
                                      QStringLiteral("VOID"),
                                      QStringLiteral("flask was cracked"),
                                      QStringLiteral("Used the 50 mL flask"),
                                      QStringLiteral("version 2 of 2"),
                                      QStringLiteral("page 1 of"),
                                      QStringLiteral("How to verify this file"),
                                      QStringLiteral("openssl cms -verify"),
                                      QStringLiteral("time not yet attested"),
                                      QStringLiteral("attested by"),
                                      m_exportId})
            QVERIFY2(t.contains(needle), qPrintable(needle + QStringLiteral(" missing in:\n") + t));
        // The formula is typeset by KaTeX, in its own fonts, embedded.
        const Tool fonts = runTool("pdffonts", {m_export});
        QVERIFY2(fonts.out.contains("KaTeX_Math-Italic"), qPrintable(fonts.all()));
        // The picture's SHA-256 is printed beside its name.
        const QString pngSha =
            QString::fromLatin1(QCryptographicHash::hash(kPng, QCryptographicHash::Sha256).toHex());
        QVERIFY2(QString(t).remove(QRegularExpression(QStringLiteral("\\s"))).contains(pngSha),
                 qPrintable(t));
        // Every page has the footer.
        const QString pages = QString::fromUtf8(runTool("pdfinfo", {m_export}).out);
        const int count =
            QRegularExpression(QStringLiteral("Pages:\\s+(\\d+)")).match(pages).captured(1).toInt();
        QVERIFY(count >= 2);
        QVERIFY2(text(m_export).contains(QStringLiteral("page %1 of %1").arg(count)),
                 qPrintable(pages));
        // The audit trail names the export and the file's hash.
        const auto audit = cli(m_alice, {"audit", "--json"});
        CLI_OK(audit);
        const QString sha = QString::fromLatin1(
            QCryptographicHash::hash(readAll(m_export), QCryptographicHash::Sha256).toHex());
        bool found = false;
        for (const auto &e : QJsonDocument::fromJson(audit.out).array()) {
            const QJsonObject o = e.toObject();
            if (o.value("action").toString() == "export_pdf")
                found = o.value("detail").toObject().value("sha256").toString() == sha &&
                        o.value("detail").toObject().value("export").toString() == m_exportId;
        }
        QVERIFY2(found, audit.out);
    }

    void embeddedEvidenceMatchesTheVault() {
        QVERIFY(!m_export.isEmpty());
        const Tool list = runTool("qpdf", {"--list-attachments", m_export});
        TOOL_OK(list);
        QVERIFY(list.out.contains("quire-manifest.json"));
        QVERIFY(list.out.contains("notebook-ca.pem"));
        const Tool manifestTool =
            runTool("qpdf", {"--show-attachment=quire-manifest.json", m_export});
        TOOL_OK(manifestTool);
        const QJsonObject manifest = QJsonDocument::fromJson(manifestTool.out).object();
        QCOMPARE(manifest.value("format").toString(), QStringLiteral("quire/1"));
        QCOMPARE(manifest.value("type").toString(), QStringLiteral("pdf_export"));
        QCOMPARE(manifest.value("export").toString(), m_exportId);
        QCOMPARE(manifest.value("experiment").toString(), m_experiment);
        const QJsonArray entries = manifest.value("entries").toArray();
        QCOMPARE(entries.size(), 7);
        const QJsonArray records = manifest.value("records").toArray();
        for (const auto &e : entries) {
            const QJsonObject o = e.toObject();
            const auto shown =
                cli(m_alice, {"entry", "show", o.value("entry").toString(), "--json"});
            CLI_OK(shown);
            const QJsonObject v = QJsonDocument::fromJson(shown.out).object();
            QCOMPARE(o.value("record").toString(), v.value("record").toString());
            QCOMPARE(o.value("version").toInt(), v.value("version").toInt());
            QVERIFY(records.contains(o.value("record")));
            // The embedded record is the sealed envelope; its id is the SHA-256 of the record.
            const Tool rec = runTool(
                "qpdf",
                {"--show-attachment=record-" + o.value("record").toString() + ".json", m_export});
            TOOL_OK(rec);
            const QJsonObject envelope = QJsonDocument::fromJson(rec.out).object();
            QVERIFY(envelope.contains("seal"));
            QCOMPARE(envelope.value("record").toObject().value("object").toString(),
                     o.value("entry").toString());
        }
        // The signed entry's signature CMS verifies with openssl alone over its statement.
        const auto sigs = cli(m_alice, {"signatures", m_signedEntry, "--json"});
        CLI_OK(sigs);
        const QJsonObject sig = QJsonDocument::fromJson(sigs.out).array().at(0).toObject();
        const QString sigId = sig.value("id").toString();
        const Tool der =
            runTool("qpdf", {"--show-attachment=signature-" + sigId + ".der", m_export});
        TOOL_OK(der);
        QVERIFY(writeAll(path("sig.der"), der.out));
        CLI_OK(cli(m_alice, {"evidence", sigId, "--out", path("evidence")}));
        TOOL_OK(runTool("openssl",
                        {"cms", "-verify", "-binary", "-inform", "DER", "-in", path("sig.der"),
                         "-content", path("evidence/statement.json"), "-CAfile", path("ca.pem"),
                         "-purpose", "any", "-out", "/dev/null"}));
        // A Merkle path and the time-stamp token of its anchor.
        QVERIFY(list.out.contains("proof-" + sigId.toLatin1() + ".json"));
        QVERIFY(list.out.contains("timestamp-"));
        // And quire-cli says the unsigned file holds.
        int exitCode = -1;
        const QJsonObject report = verifyJson(m_alice, m_export, &exitCode);
        QVERIFY2(exitCode == 0, QJsonDocument(report).toJson());
        QVERIFY(report.value("evidence").toObject().value("proofs").toInt() > 0);
    }

    void aHostileEntryRunsNothingAndFetchesNothing() {
        QVERIFY(!m_export.isEmpty());
        const QString t = text(m_export);
        QVERIFY(t.contains(QStringLiteral("Harmless text.")));
        QVERIFY(!t.contains(QStringLiteral("PWNED")));
        QCoreApplication::processEvents();
        QCOMPARE(m_trapConnections, 0);
    }

    void authorSignsAndSupervisorWitnesses() {
        QVERIFY(!m_export.isEmpty());
        // Refusals first: Carol wrote nothing here; Alice is no supervisor.
        const auto carolAuthored =
            cli(m_carol, {"pdf", "sign", m_export, "--meaning", "authored", "--out", path("x.pdf")},
                kPass);
        QCOMPARE(carolAuthored.exitCode, 1);
        QVERIFY2(carolAuthored.err.contains("nothing was signed"), carolAuthored.err);
        const auto aliceWitness =
            cli(m_alice,
                {"pdf", "sign", m_export, "--meaning", "witnessed", "--out", path("x.pdf")}, kPass);
        QCOMPARE(aliceWitness.exitCode, 1);
        QVERIFY(!QFile::exists(path("x.pdf")));
        const auto wrong =
            cli(m_alice, {"pdf", "sign", m_export, "--meaning", "authored", "--out", path("x.pdf")},
                "wrong passphrase");
        QCOMPARE(wrong.exitCode, 1);
        QVERIFY(!QFile::exists(path("x.pdf")));

        const auto a =
            cli(m_alice, {"pdf", "sign", m_export, "--meaning", "authored", "--out", path("a.pdf")},
                kPass);
        CLI_OK(a);
        QVERIFY2(a.err.contains("B-LTA"), a.err);
        CLI_OK(cli(m_alice, {"sync"}));
        CLI_OK(cli(m_carol, {"sync"}));
        const auto c =
            cli(m_carol,
                {"pdf", "sign", path("a.pdf"), "--meaning", "witnessed", "--out", path("ac.pdf")},
                kPass);
        CLI_OK(c);
        // Rendered for a look (QUIRE_PDF_OUTPUT_DIR keeps the files).
        const QString keep = qEnvironmentVariable("QUIRE_PDF_OUTPUT_DIR");
        if (!keep.isEmpty()) {
            QFile::remove(QDir(keep).filePath("signed.pdf"));
            QFile::copy(path("ac.pdf"), QDir(keep).filePath("signed.pdf"));
            runTool("pdftoppm", {"-png", "-r", "60", path("ac.pdf"), QDir(keep).filePath("page")});
        }
        int exitCode = -1;
        const QJsonObject report = verifyJson(m_carol, path("ac.pdf"), &exitCode);
        QVERIFY2(exitCode == 0, QJsonDocument(report).toJson());
        int signatures = 0, stamps = 0;
        for (const auto &s : report.value("signatures").toArray()) {
            const QJsonObject o = s.toObject();
            QVERIFY2(o.value("valid").toBool(), QJsonDocument(o).toJson());
            if (o.value("kind").toString() == "signature") {
                ++signatures;
                QVERIFY(o.value("chains_to_notebook").toBool());
                QVERIFY(!o.value("proven_time").toString().isEmpty());
            } else {
                ++stamps;
            }
        }
        QCOMPARE(signatures, 2);
        QCOMPARE(stamps, 2);
        // The page shows both blocks.
        const QString t = text(path("ac.pdf"));
        QVERIFY2(t.contains(QStringLiteral("Carol Supervisor")) &&
                     t.contains(QStringLiteral("Witnessed")),
                 qPrintable(t));
        // pdfsig, trusting only the notebook CA and the TSA CA, finds every signature valid.
        // (poppler 22.12 lists a document time-stamp but cannot validate one.)
        const QStringList blocks = pdfsigBlocks(path("ac.pdf"));
        QCOMPARE(blocks.size(), 4);
        int cades = 0, documentStamps = 0;
        for (const QString &block : blocks) {
            if (block.contains(QStringLiteral("Quire test TSA"))) {
                ++documentStamps;
            } else if (block.contains(QStringLiteral("ETSI.CAdES.detached"))) {
                ++cades;
                QVERIFY2(
                    block.contains(QStringLiteral("Signature Validation: Signature is Valid.")) &&
                        block.contains(QStringLiteral("Certificate is Trusted.")),
                    qPrintable(block));
            }
        }
        QVERIFY2(cades == 2 && documentStamps == 2, qPrintable(blocks.join("\n----\n")));
        QVERIFY(blocks.first().contains(QStringLiteral("Alice Author")));
        // openssl over the byte ranges cut out here.
        int cms = 0;
        for (const RawSignature &raw : rawSignatures(readAll(path("ac.pdf")))) {
            if (raw.documentTimestamp) continue;
            ++cms;
            QVERIFY(writeAll(path("ranges.bin"), raw.signedBytes));
            QVERIFY(writeAll(path("contents.der"), raw.der));
            TOOL_OK(
                runTool("openssl", {"cms", "-verify", "-binary", "-inform", "DER", "-in",
                                    path("contents.der"), "-content", path("ranges.bin"), "-CAfile",
                                    path("ca.pem"), "-purpose", "any", "-out", "/dev/null"}));
        }
        QCOMPARE(cms, 2);
        // Each PDF signature wrote an audit record with the hashes before and after.
        const auto audit = cli(m_carol, {"audit", "--json"});
        const QString after = QString::fromLatin1(
            QCryptographicHash::hash(readAll(path("ac.pdf")), QCryptographicHash::Sha256).toHex());
        bool found = false;
        for (const auto &e : QJsonDocument::fromJson(audit.out).array())
            if (e.toObject().value("action").toString() == "pdf_signed")
                found = e.toObject().value("detail").toObject().value("sha256_after").toString() ==
                        after;
        QVERIFY2(found, audit.out);
    }

    void offlineSigningIsTimestampedLater() {
        QVERIFY(!m_export.isEmpty());
        m_tsa->stop();
        const auto a =
            cli(m_alice,
                {"export", "pdf", "--experiment", m_experiment, "--entries", m_signedEntry,
                 "--paper", "letter", "--sign", "authored", "--out", path("offline.pdf")},
                kPass);
        CLI_OK(a);
        QVERIFY2(a.err.contains("not yet time-stamped"), a.err);
        QJsonObject report = verifyJson(m_alice, path("offline.pdf"));
        QCOMPARE(report.value("signatures").toArray().size(), 1);
        QCOMPARE(report.value("signatures").toArray().at(0).toObject().value("level").toString(),
                 QStringLiteral("B-B"));
        QVERIFY(m_tsa->start());
        const auto stamped = cli(m_alice, {"pdf", "timestamp", path("offline.pdf")});
        CLI_OK(stamped);
        if (!qEnvironmentVariableIsEmpty("QUIRE_PDF_OUTPUT_DIR"))
            QFile::copy(path("offline.pdf"),
                        QDir(qEnvironmentVariable("QUIRE_PDF_OUTPUT_DIR")).filePath("offline.pdf"));
        int exitCode = -1;
        report = verifyJson(m_alice, path("offline.pdf"), &exitCode);
        QVERIFY2(exitCode == 0, QJsonDocument(report).toJson());
        const QJsonArray sigs = report.value("signatures").toArray();
        QVERIFY2(sigs.size() == 2, QJsonDocument(report).toJson());
        QVERIFY(!sigs.at(0).toObject().value("proven_time").toString().isEmpty());
        QCOMPARE(sigs.at(1).toObject().value("kind").toString(),
                 QStringLiteral("document_timestamp"));
        const QStringList blocks = pdfsigBlocks(path("offline.pdf"));
        QCOMPARE(blocks.size(), 2);
        QVERIFY2(blocks.first().contains(QStringLiteral("Signature is Valid.")),
                 qPrintable(blocks.first()));
    }

    void aChangedByteInASignedRangeIsCaught() {
        QByteArray bytes = readAll(path("a.pdf"));
        QVERIFY(!bytes.isEmpty());
        // A byte of page text inside the first signature's range.
        const qsizetype at = bytes.indexOf("/Producer");
        QVERIFY(at > 0);
        bytes[at + 2] = bytes[at + 2] == 'r' ? 's' : 'r';
        QVERIFY(writeAll(path("tampered.pdf"), bytes));
        const auto r = cli(m_alice, {"pdf", "verify", path("tampered.pdf")});
        QCOMPARE(r.exitCode, 1);
        QVERIFY2(r.out.contains("SIGNED BYTES CHANGED"), r.out);
        QVERIFY2(
            pdfsigBlocks(path("tampered.pdf")).first().contains(QStringLiteral("Digest Mismatch")),
            qPrintable(pdfsig(path("tampered.pdf")).all()));
    }

    void aPageChangedAfterSigningIsCaught() {
        const QByteArray bytes = readAll(path("a.pdf"));
        QVERIFY(!bytes.isEmpty());
        QVERIFY(writeAll(path("to-change.pdf"), bytes));
        const QString pages =
            QString::fromLatin1(runTool("qpdf", {"--show-pages", path("to-change.pdf")}).out);
        const auto m =
            QRegularExpression(QStringLiteral(R"(page 1: \d+ \d+ R\s+content:\s+(\d+) 0 R)"))
                .match(pages);
        QVERIFY2(m.hasMatch(), qPrintable(pages));
        const QString trailer = QString::fromLatin1(
            runTool("qpdf", {"--show-object=trailer", path("to-change.pdf")}).out);
        const auto root = QRegularExpression(QStringLiteral(R"(/Root (\d+ \d+ R))")).match(trailer);
        const auto size = QRegularExpression(QStringLiteral(R"(/Size (\d+))")).match(trailer);
        const auto prev = QRegularExpression(QStringLiteral(R"(startxref\s+(\d+)\s+%%EOF\s*$)"))
                              .match(QString::fromLatin1(bytes));
        QVERIFY(root.hasMatch() && size.hasMatch() && prev.hasMatch());
        const QByteArray stream = "1 0 0 rg 60 300 400 200 re f";
        QByteArray out = bytes;
        const qint64 objAt = out.size();
        out += m.captured(1).toLatin1() + " 0 obj\n<< /Length " +
               QByteArray::number(stream.size()) + " >>\nstream\n" + stream +
               "\nendstream\nendobj\n";
        const qint64 xref = out.size();
        out += "xref\n" + m.captured(1).toLatin1() + " 1\n" +
               QByteArray::number(objAt).rightJustified(10, '0') +
               " 00000 n\r\ntrailer\n<< /Size " + size.captured(1).toLatin1() + " /Root " +
               root.captured(1).toLatin1() + " /Prev " + prev.captured(1).toLatin1() +
               " >>\nstartxref\n" + QByteArray::number(xref) + "\n%%EOF\n";
        QVERIFY(writeAll(path("changed.pdf"), out));
        const auto r = cli(m_alice, {"pdf", "verify", path("changed.pdf")});
        QCOMPARE(r.exitCode, 1);
        QVERIFY2(r.out.contains("NOT ALLOWED after signing"), r.out);
        QVERIFY(pdfsig(path("changed.pdf")).out.contains("Not total document signed"));
    }

    void aSignatureByACertificateOutsideTheNotebookIsCaught() {
        // Mallory's own certificate, in an NSS database pdfsig signs with.
        const QString db = path("mallory-nss");
        QVERIFY(QDir().mkpath(db));
        TOOL_OK(runTool("certutil", {"-N", "-d", "sql:" + db, "--empty-password"}));
        QVERIFY(writeAll(path("noise"), QByteArray(64, 'x')));
        TOOL_OK(runTool("certutil", {"-S",
                                     "-d",
                                     "sql:" + db,
                                     "-n",
                                     "mallory",
                                     "-s",
                                     "CN=Mallory Outsider",
                                     "-x",
                                     "-t",
                                     "CTu,CTu,CTu",
                                     "-k",
                                     "ec",
                                     "-q",
                                     "nistp256",
                                     "-z",
                                     path("noise"),
                                     "-v",
                                     "12",
                                     "--keyUsage",
                                     "digitalSignature,nonRepudiation"}));
        const Tool signedByMallory =
            runTool("pdfsig", {"-add-signature", "-nssdir", "sql:" + db, "-nick", "mallory",
                               "-reason", "witnessed", path("a.pdf"), path("mallory.pdf")});
        if (signedByMallory.exitCode != 0)
            QSKIP(qPrintable("pdfsig cannot sign here: " + signedByMallory.all()));
        const auto r = cli(m_alice, {"pdf", "verify", path("mallory.pdf")});
        QCOMPARE(r.exitCode, 1);
        QVERIFY2(r.out.contains("NOT ISSUED BY THIS NOTEBOOK"), r.out);
    }

    void aDoctoredRecordIsRefusedForCountersigning() {
        QVERIFY(!m_export.isEmpty());
        const Tool manifest = runTool("qpdf", {"--show-attachment=quire-manifest.json", m_export});
        const QJsonArray entries =
            QJsonDocument::fromJson(manifest.out).object().value("entries").toArray();
        QString record;
        for (const auto &e : entries)
            if (e.toObject().value("entry").toString() == m_signedEntry)
                record = e.toObject().value("record").toString();
        QVERIFY(!record.isEmpty());
        const QString key = "record-" + record + ".json";
        QByteArray bytes = runTool("qpdf", {"--show-attachment=" + key, m_export}).out;
        QVERIFY(bytes.contains("81 %"));
        bytes.replace("81 %", "91 %");
        QVERIFY(writeAll(path(key), bytes));
        TOOL_OK(runTool("qpdf", {m_export, path("doctored.pdf"), "--add-attachment", path(key),
                                 "--key=" + key, "--replace", "--"}));
        const auto refused = cli(m_carol,
                                 {"pdf", "sign", path("doctored.pdf"), "--meaning", "witnessed",
                                  "--out", path("d2.pdf")},
                                 kPass);
        QCOMPARE(refused.exitCode, 1);
        QVERIFY2(refused.err.contains("does not match your copy of the notebook"), refused.err);
        QVERIFY(!QFile::exists(path("d2.pdf")));
        const auto r = cli(m_carol, {"pdf", "verify", path("doctored.pdf")});
        QCOMPARE(r.exitCode, 1);
        QVERIFY2(r.out.contains(record.toLatin1()), r.out);
    }
};

QTEST_GUILESS_MAIN(CliPdfTest)
#include "tst_cli_pdf.moc"
