// quire-cli and instruments end to end (issue 14), on real folders and real vaults: instruments
// and their write rules, capturing files only once they are complete (written slowly, rewritten,
// killed mid-capture), files no reader understands, the inbox (filing, setting aside), captures
// arriving in another vault through a real bare repository, and reading and plotting instrument
// files.

#include "GitServers.h"
#include "TestSupport.h"

#include <QCryptographicHash>
#include <QElapsedTimer>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRandomGenerator>
#include <QRegularExpression>
#include <QTemporaryDir>
#include <QtTest>

#include <csignal>

using namespace quire::test;

namespace {

const QByteArray kPass = "correct horse battery staple";

QByteArray randomBytes(qint64 size) {
    QByteArray bytes(size, Qt::Uninitialized);
    auto *words = reinterpret_cast<quint32 *>(bytes.data());
    QRandomGenerator::global()->fillRange(words, size_t(size / 4));
    return bytes;
}

const QString kTestData = qEnvironmentVariable("QUIRE_TESTDATA");

} // namespace

// QVERIFY2 evaluates its message even when the check holds: run the command once.
class CliCaptureTest : public QObject {
    Q_OBJECT

    QTemporaryDir m_tmp;

    // A notebook with one instrument whose watch folder is a fresh folder.
    struct Bench {
        QString vault;
        QString instrument;
        QString folder;
        QString experiment;
        QString entry;
    };

    QString path(const QString &name) const { return m_tmp.filePath(name); }

    CliResult cli(const QString &vault, const QStringList &args) {
        return runCli(vault, args, kPass);
    }

    void makeBench(Bench &b, const QString &tag, int settleSeconds, int pollSeconds = 1) {
        b.vault = path(tag + "-vault");
        b.folder = path(tag + "-instrument-folder");
        QVERIFY(QDir().mkpath(b.folder));
        CLI_OK(cli(b.vault, {"init", "--notebook", "Spectroscopy lab", "--name", "Alice Chemist",
                             "--email", "alice@lab.example"}));
        const auto add =
            cli(b.vault, {"instrument", "add", "--name", "UV-2600", "--model", "Shimadzu UV-2600i",
                          "--serial", "A1234", "--location", "Room 2.14"});
        CLI_OK(add);
        b.instrument = add.outLine();
        CLI_OK(cli(b.vault, {"instrument", "watch-folder", b.instrument, "--folder", b.folder,
                             "--pattern", "*.jdx,*.dx,*.csv,*.bin,*.raw", "--settle-seconds",
                             QString::number(settleSeconds), "--poll-seconds",
                             QString::number(pollSeconds)}));
        const auto x = cli(b.vault, {"experiment", "new", "--title", "Dye stability"});
        CLI_OK(x);
        b.experiment = x.outLine();
        const QString html = path(tag + "-entry.html");
        writeFile(html, "<p>Absorbance of the dye over a week.</p>");
        const auto e = cli(b.vault, {"entry", "add", "--experiment", b.experiment, "--title",
                                     "Day 1", "--file", html});
        CLI_OK(e);
        b.entry = e.outLine();
    }

    QJsonArray inbox(const QString &vault) {
        const auto r = cli(vault, {"inbox", "--json"});
        if (r.exitCode != 0) qWarning("%s", describe(r).constData());
        return json(r).array();
    }

    // The inbox items whose original path is `file`.
    static QList<QJsonObject> capturesOf(const QJsonArray &items, const QString &file) {
        QList<QJsonObject> out;
        for (const auto &v : items)
            if (v.toObject().value("original_path").toString() ==
                QFileInfo(file).absoluteFilePath())
                out << v.toObject();
        return out;
    }

    // `quire-cli capture` running in the background, as a lab computer runs it.
    std::unique_ptr<QProcess> startCapture(const QString &vault) {
        auto p = std::make_unique<QProcess>();
        auto env = QProcessEnvironment::systemEnvironment();
        env.insert("QUIRE_PASSPHRASE", QString::fromUtf8(kPass));
        p->setProcessEnvironment(env);
        p->start(cliPath(), {"--vault", vault, "capture"});
        if (!p->waitForStarted()) return nullptr;
        return p;
    }

    // Waits until the running capturer has printed `count` capture ids.
    static bool waitForCaptures(QProcess &p, QByteArray &out, int count, int timeoutMs) {
        QElapsedTimer t;
        t.start();
        while (t.elapsed() < timeoutMs) {
            p.waitForReadyRead(200);
            out += p.readAllStandardOutput();
            if (out.count('\n') >= count) return true;
            if (p.state() != QProcess::Running) return false;
        }
        return false;
    }

    static void stopCapture(QProcess &p) {
        ::kill(pid_t(p.processId()), SIGTERM);
        QVERIFY(p.waitForFinished(60000));
        QCOMPARE(p.exitStatus(), QProcess::NormalExit);
        QCOMPARE(p.exitCode(), 0);
    }

private slots:
    void initTestCase() {
        QVERIFY(m_tmp.isValid());
        QVERIFY2(QDir(kTestData + "/instruments/jcamp").exists(), qPrintable(kTestData));
    }

    void instrumentsAreAddedListedAndRetiredOnlyWithAReason() {
        Bench b;
        makeBench(b, "instruments", 1);
        if (QTest::currentTestFailed()) return;
        const auto add = cli(b.vault, {"instrument", "add", "--name", "Balance XS205"});
        CLI_OK(add);
        const QString balance = add.outLine();
        QCOMPARE(cli(b.vault, {"instrument", "add", "--model", "no name"}).exitCode, 2);

        const auto noReason = cli(b.vault, {"instrument", "retire", balance, "--reason", "  "});
        QCOMPARE(noReason.exitCode, 1);
        QVERIFY2(noReason.err.contains("without a reason"), noReason.err);
        QCOMPARE(cli(b.vault, {"instrument", "retire", balance}).exitCode, 2);
        CLI_OK(cli(b.vault,
                   {"instrument", "retire", "Balance XS205", "--reason", "sent back to vendor"}));
        const auto again = cli(b.vault, {"instrument", "retire", balance, "--reason", "twice"});
        QCOMPARE(again.exitCode, 1);
        QVERIFY2(again.err.contains("retired already"), again.err);

        const auto list = cli(b.vault, {"instrument", "list", "--json"});
        CLI_OK(list);
        const QJsonArray all = json(list).array();
        QCOMPARE(all.size(), 2);
        QJsonObject uv, scale;
        for (const auto &v : all)
            (v.toObject().value("uuid").toString() == balance ? scale : uv) = v.toObject();
        QCOMPARE(uv.value("uuid").toString(), b.instrument);
        QCOMPARE(uv.value("name").toString(), QString("UV-2600"));
        QCOMPARE(uv.value("model").toString(), QString("Shimadzu UV-2600i"));
        QCOMPARE(uv.value("serial").toString(), QString("A1234"));
        QCOMPARE(uv.value("location").toString(), QString("Room 2.14"));
        QCOMPARE(uv.value("status").toString(), QString("active"));
        QCOMPARE(uv.value("watch_folder").toObject().value("folder").toString(),
                 QFileInfo(b.folder).absoluteFilePath());
        QCOMPARE(uv.value("watch_folder").toObject().value("settle_seconds").toInt(), 1);
        QCOMPARE(scale.value("status").toString(), QString("retired"));
        QCOMPARE(scale.value("reason").toString(), QString("sent back to vendor"));
        QVERIFY(scale.value("watch_folder").isNull());

        // The watch folder is a setting of this vault, written to its audit trail.
        const auto audit = cli(b.vault, {"audit", "--json"});
        CLI_OK(audit);
        QVERIFY2(audit.out.contains("watch_folder"), audit.out);
        CLI_OK(cli(b.vault, {"verify"}));
    }

    void aFileWrittenSlowlyIsCapturedOnceAfterItIsComplete() {
        Bench b;
        makeBench(b, "slow", 2);
        if (QTest::currentTestFailed()) return;
        auto capturer = startCapture(b.vault);
        QVERIFY(capturer);
        QTest::qWait(1500); // it has listed the empty folder and watches it

        // An instrument writing a spectrum in pieces, 200 ms apart, for about three seconds.
        const QString spectrum = b.folder + "/run-001.csv";
        QByteArray whole = "wavelength,absorbance\n";
        for (int i = 0; i < 3000; ++i)
            whole += QByteArray::number(200 + i * 0.3, 'f', 1) + "," +
                     QByteArray::number(0.5 + 0.4 * std::sin(i / 90.0), 'f', 5) + "\n";
        {
            QFile f(spectrum);
            QVERIFY(f.open(QIODevice::WriteOnly));
            const qsizetype piece = whole.size() / 15 + 1;
            for (qsizetype at = 0; at < whole.size(); at += piece) {
                f.write(whole.mid(at, piece));
                f.flush();
                QTest::qWait(200);
            }
        }
        QByteArray out;
        QVERIFY2(waitForCaptures(*capturer, out, 1, 30000), out + capturer->readAllStandardError());
        QTest::qWait(3000); // nothing more comes of it
        out += capturer->readAllStandardOutput();
        QCOMPARE(out.count('\n'), 1);
        const QString first = QString::fromLatin1(out).trimmed();

        // Rewritten with new content: captured again, and both are kept.
        QByteArray second = whole;
        second.replace("wavelength", "lambda_nm");
        writeFile(spectrum, second);
        QVERIFY2(waitForCaptures(*capturer, out, 2, 30000), out + capturer->readAllStandardError());
        // The same bytes written again: nothing new.
        QTest::qWait(1000);
        writeFile(spectrum, second);
        QTest::qWait(4000);
        out += capturer->readAllStandardOutput();
        QCOMPARE(out.count('\n'), 2);
        stopCapture(*capturer);
        QVERIFY2(capturer->readAllStandardError().contains("Stopped"), "no clean stop");

        const QList<QJsonObject> kept = capturesOf(inbox(b.vault), spectrum);
        QCOMPARE(kept.size(), 2);
        QCOMPARE(kept[0].value("id").toString(), first);
        QCOMPARE(kept[0].value("sha256").toString(), sha256Hex(whole));
        QCOMPARE(kept[0].value("size").toInteger(), whole.size());
        QCOMPARE(kept[1].value("sha256").toString(), sha256Hex(second));
        QCOMPARE(kept[0].value("instrument").toString(), b.instrument);
        QCOMPARE(kept[0].value("instrument_name").toString(), QString("UV-2600"));
        QCOMPARE(kept[0].value("parse").toObject().value("status").toString(), QString("read"));
        const QString copy = path("slow-copy.csv");
        CLI_OK(cli(b.vault, {"attachment", "get", first, "--out", copy}));
        QCOMPARE(readAll(copy), whole);
        // The folder was only read.
        QCOMPARE(readAll(spectrum), second);
        QCOMPARE(QDir(b.folder).entryList(QDir::Files), QStringList{"run-001.csv"});
        CLI_OK(cli(b.vault, {"verify"}));
    }

    void aFileNoReaderUnderstandsIsCapturedAsIsWithTheReason() {
        Bench b;
        makeBench(b, "garbage", 0);
        if (QTest::currentTestFailed()) return;
        const QByteArray bytes = randomBytes(5 * 1024 * 1024 + 123); // two chunks
        const QString file = b.folder + "/detector.raw";
        writeFile(file, bytes);
        const auto once = cli(b.vault, {"capture", "--once"});
        CLI_OK(once);
        const QString id = once.outLine();
        QVERIFY2(once.err.contains("no reader"), once.err);
        const QList<QJsonObject> kept = capturesOf(inbox(b.vault), file);
        QCOMPARE(kept.size(), 1);
        QCOMPARE(kept[0].value("id").toString(), id);
        const QJsonObject parse = kept[0].value("parse").toObject();
        QCOMPARE(parse.value("status").toString(), QString("unread"));
        QVERIFY2(parse.value("problem").toString().contains("not a file Quire can read"),
                 qPrintable(parse.value("problem").toString()));
        QCOMPARE(kept[0].value("sha256").toString(), sha256Hex(bytes));
        const QString copy = path("garbage-copy.raw");
        CLI_OK(cli(b.vault, {"attachment", "get", id, "--out", copy}));
        QVERIFY(readAll(copy) == bytes);
        const auto show = cli(b.vault, {"data", "show", id});
        QCOMPARE(show.exitCode, 1);
        QVERIFY2(show.err.contains("not a file Quire can read"), show.err);
        // A second pass finds it kept already.
        const auto again = cli(b.vault, {"capture", "--once"});
        CLI_OK(again);
        QVERIFY2(again.out.isEmpty(), again.out);
    }

    void aKilledCapturerLeavesEachFileCapturedOrNotNeverHalf() {
        Bench b;
        makeBench(b, "killed", 0);
        if (QTest::currentTestFailed()) return;
        QMap<QString, QByteArray> files; // sha256 -> bytes
        for (int i = 0; i < 5; ++i) {
            const QByteArray bytes = randomBytes(6 * 1024 * 1024 + i * 4099);
            writeFile(b.folder + QString("/scan-%1.bin").arg(i), bytes);
            files.insert(sha256Hex(bytes), bytes);
        }
        const auto before = hashTree(b.folder);
        for (int round = 0; round < 5; ++round) {
            auto capturer = startCapture(b.vault);
            QVERIFY(capturer);
            QTest::qWait(int(QRandomGenerator::global()->bounded(100, 2500)));
            ::kill(pid_t(capturer->processId()), SIGKILL);
            QVERIFY(capturer->waitForFinished(30000));
            CLI_OK(cli(b.vault, {"verify"}));
            for (const auto &c : inbox(b.vault)) {
                const QJsonObject o = c.toObject();
                QVERIFY2(files.contains(o.value("sha256").toString()), "a capture of no file");
                QCOMPARE(o.value("size").toInteger(),
                         files.value(o.value("sha256").toString()).size());
            }
        }
        CLI_OK(cli(b.vault, {"capture", "--once"}));
        const QJsonArray all = inbox(b.vault);
        QCOMPARE(all.size(), 5);
        QSet<QString> shas;
        for (const auto &c : all)
            shas.insert(c.toObject().value("sha256").toString());
        QCOMPARE(shas.size(), 5);
        const QString someId = all.at(2).toObject().value("id").toString();
        const QString copy = path("killed-copy.bin");
        CLI_OK(cli(b.vault, {"attachment", "get", someId, "--out", copy}));
        QVERIFY(readAll(copy) == files.value(all.at(2).toObject().value("sha256").toString()));
        CLI_OK(cli(b.vault, {"verify"}));
        QVERIFY(hashTree(b.folder) == before);
    }

    void capturesAreFiledIntoEntriesOrSetAsideWithAReason() {
        Bench b;
        makeBench(b, "inbox", 0);
        if (QTest::currentTestFailed()) return;
        writeFile(b.folder + "/a.csv", "x,y\n1,2\n2,4\n");
        writeFile(b.folder + "/b.csv", "x,y\n1,3\n2,9\n");
        CLI_OK(cli(b.vault, {"capture", "--once"}));
        const QJsonArray items = inbox(b.vault);
        QCOMPARE(items.size(), 2);
        const QString a = capturesOf(items, b.folder + "/a.csv").value(0).value("id").toString();
        const QString c = capturesOf(items, b.folder + "/b.csv").value(0).value("id").toString();
        QVERIFY(!a.isEmpty() && !c.isEmpty());

        const auto filed = cli(b.vault, {"inbox", "file", a, "--entry", b.entry});
        CLI_OK(filed);
        QCOMPARE(filed.outLine(), a);
        const auto show = cli(b.vault, {"entry", "show", b.entry, "--json"});
        CLI_OK(show);
        const QJsonObject v = json(show).object();
        QCOMPARE(v.value("version").toInt(), 2);
        QCOMPARE(v.value("attachments").toArray().first().toObject().value("id").toString(), a);
        QVERIFY2(v.value("reason").toString().contains("a.csv"), show.out);
        const auto twice = cli(b.vault, {"inbox", "file", a, "--entry", b.entry});
        QCOMPARE(twice.exitCode, 1);

        const auto noReason = cli(b.vault, {"inbox", "set-aside", c, "--reason", ""});
        QCOMPARE(noReason.exitCode, 1);
        QVERIFY2(noReason.err.contains("without a reason"), noReason.err);
        CLI_OK(cli(b.vault, {"inbox", "set-aside", c, "--reason", "blank run, cuvette empty"}));
        QVERIFY(inbox(b.vault).isEmpty());
        const auto audit = cli(b.vault, {"audit", "--json"});
        CLI_OK(audit);
        bool audited = false;
        for (const auto &e : json(audit).array())
            audited |= e.toObject().value("type").toString() == "set_aside";
        QVERIFY2(audited, audit.out);
        // Still in the notebook, byte for byte.
        const QString copy = path("set-aside-copy.csv");
        CLI_OK(cli(b.vault, {"attachment", "get", c, "--out", copy}));
        QCOMPARE(readAll(copy), QByteArray("x,y\n1,3\n2,9\n"));
        CLI_OK(cli(b.vault, {"verify"}));
    }

    void dataShowReadsJcampAndCsvAndPlotDrawsAPng() {
        Bench b;
        makeBench(b, "data", 0);
        if (QTest::currentTestFailed()) return;
        const QString nmr = b.folder + "/ethylvinylether_1h.jdx";
        QVERIFY(QFile::copy(kTestData + "/instruments/jcamp/ethylvinylether_1h.jdx", nmr));
        writeFile(b.folder + "/uv.csv",
                  "wavelength (nm),absorbance\n400,0.10\n450,0.80\n500,0.30\n");
        CLI_OK(cli(b.vault, {"capture", "--once"}));
        const QJsonArray items = inbox(b.vault);
        const QString jdx = capturesOf(items, nmr).value(0).value("id").toString();
        const QString csv = capturesOf(items, b.folder + "/uv.csv").value(0).value("id").toString();
        QVERIFY(!jdx.isEmpty() && !csv.isEmpty());

        const auto j = cli(b.vault, {"data", "show", jdx, "--json"});
        CLI_OK(j);
        const QJsonObject jd = json(j).object();
        QVERIFY2(jd.value("format").toString().startsWith("JCAMP-DX"), j.out);
        const QJsonObject s0 = jd.value("series").toArray().first().toObject();
        QCOMPARE(s0.value("x_units").toString(), QString("ppm"));
        QVERIFY(s0.value("x_reversed").toBool());
        QVERIFY2(s0.value("count").toInteger() > 1000, j.out);
        const QJsonArray xr = s0.value("x_range").toArray();
        QVERIFY(xr[0].toDouble() < xr[1].toDouble());
        QCOMPARE(s0.value("first").toArray().size(), 2);

        const auto c = cli(b.vault, {"data", "show", csv, "--json"});
        CLI_OK(c);
        const QJsonObject cs = json(c).object().value("series").toArray().first().toObject();
        QCOMPARE(cs.value("count").toInt(), 3);
        QCOMPARE(cs.value("x_units").toString(), QString("nm"));
        QCOMPARE(cs.value("first").toArray(), (QJsonArray{400, 0.1}));
        QCOMPARE(cs.value("last").toArray(), (QJsonArray{500, 0.3}));
        QCOMPARE(cs.value("x_range").toArray(), (QJsonArray{400, 500}));
        QCOMPARE(cs.value("y_range").toArray(), (QJsonArray{0.1, 0.8}));

        const QString png = path("nmr.png");
        CLI_OK(cli(b.vault, {"data", "plot", jdx, "--series", "0", "--out", png, "--width", "900",
                             "--height", "500"}));
        const QByteArray bytes = readAll(png);
        QVERIFY(bytes.startsWith("\x89PNG\r\n\x1a\n"));
        QCOMPARE(bytes.mid(12, 4), QByteArray("IHDR"));
        auto be32 = [&](int at) {
            return (quint32(quint8(bytes[at])) << 24) | (quint32(quint8(bytes[at + 1])) << 16) |
                   (quint32(quint8(bytes[at + 2])) << 8) | quint32(quint8(bytes[at + 3]));
        };
        QCOMPARE(be32(16), 900u);
        QCOMPARE(be32(20), 500u);
        QVERIFY2(bytes.size() > 5000, "an empty picture"); // a white image compresses to less
        if (const QString keep = qEnvironmentVariable("QUIRE_KEEP_PLOTS"); !keep.isEmpty()) {
            QFile::remove(keep + "/nmr.png");
            QFile::copy(png, keep + "/nmr.png");
        }
        QCOMPARE(cli(b.vault, {"data", "plot", jdx, "--series", "7", "--out", png}).exitCode, 1);
    }

    void aCaptureShowsInAnotherVaultsInboxAfterSyncAndOnlyAuthorsAddInstruments() {
        Bench b;
        makeBench(b, "sync", 0);
        if (QTest::currentTestFailed()) return;
        const QByteArray spectrum = readAll(kTestData + "/instruments/jcamp/misc_uv.jdx");
        QVERIFY(!spectrum.isEmpty());
        writeFile(b.folder + "/uv-week1.jdx", spectrum);
        writeFile(b.folder + "/blank.csv", "x,y\n1,0\n");
        CLI_OK(cli(b.vault, {"capture", "--once"}));
        const QJsonArray items = inbox(b.vault);
        const QString kept =
            capturesOf(items, b.folder + "/uv-week1.jdx").value(0).value("id").toString();
        const QString blank =
            capturesOf(items, b.folder + "/blank.csv").value(0).value("id").toString();
        QVERIFY(!kept.isEmpty() && !blank.isEmpty());
        CLI_OK(cli(b.vault, {"inbox", "set-aside", blank, "--reason", "blank"}));

        const QString server = path("sync-server.git");
        QVERIFY(makeBareRepo(server));
        CLI_OK(cli(b.vault, {"remote", "set", server}));
        CLI_OK(cli(b.vault, {"sync"}));
        const QString w = path("sync-w");
        const QString invitation = path("sync-invitation.json");
        const QString request = path("sync-request.json");
        CLI_OK(cli(b.vault, {"member", "invite", "--out", invitation}));
        const auto join = cli(w, {"join", "--invitation", invitation, "--name", "Walter Auditor",
                                  "--email", "walter@lab.example", "--out", request});
        CLI_OK(join);
        CLI_OK(cli(b.vault,
                   {"member", "approve", request, "--roles", "auditor", "--code", join.outLine()}));
        CLI_OK(cli(b.vault, {"sync"}));
        const auto first = cli(w, {"sync", "--json"});
        CLI_OK(first);
        QVERIFY2(json(first).object().value("quarantined").toArray().isEmpty(), first.out);

        const QJsonArray there = inbox(w);
        QCOMPARE(there.size(), 1);
        const QJsonObject c = there.first().toObject();
        QCOMPARE(c.value("id").toString(), kept);
        QCOMPARE(c.value("instrument_name").toString(), QString("UV-2600"));
        QCOMPARE(c.value("sha256").toString(), sha256Hex(spectrum));
        QCOMPARE(c.value("original_path").toString(),
                 QFileInfo(b.folder + "/uv-week1.jdx").absoluteFilePath());
        QVERIFY(c.value("parse").toObject().value("reader").toString().startsWith("JCAMP-DX"));
        const auto show = cli(w, {"data", "show", kept, "--json"});
        CLI_OK(show);
        QVERIFY(json(show).object().value("series").toArray().size() >= 1);
        const auto list = cli(w, {"instrument", "list", "--json"});
        CLI_OK(list);
        QCOMPARE(json(list).array().size(), 1);
        QVERIFY(json(list).array().first().toObject().value("watch_folder").isNull()); // local

        // Walter is an auditor: the write rules refuse him an instrument or a set-aside.
        const auto refused = cli(w, {"instrument", "add", "--name", "Walter's pH meter"});
        QCOMPARE(refused.exitCode, 1);
        QVERIFY2(refused.err.contains("author or admin"), refused.err);
        const auto notHis = cli(w, {"inbox", "set-aside", kept, "--reason", "mine now"});
        QCOMPARE(notHis.exitCode, 1);
        QVERIFY2(notHis.err.contains("author role"), notHis.err);
        // Nor may he capture: files are attachments, an author's to write.
        const QString hisFolder = path("sync-w-folder");
        QVERIFY(QDir().mkpath(hisFolder));
        writeFile(hisFolder + "/his.csv", "x,y\n1,1\n");
        CLI_OK(cli(w, {"instrument", "watch-folder", b.instrument, "--folder", hisFolder,
                       "--settle-seconds", "0"}));
        const auto his = cli(w, {"capture", "--once"});
        CLI_OK(his);
        QVERIFY2(his.out.isEmpty() && his.err.contains("only members with the author role"),
                 describe(his));
        QCOMPARE(inbox(w).size(), 1);
        CLI_OK(cli(w, {"verify"}));
    }
};

QTEST_GUILESS_MAIN(CliCaptureTest)
#include "tst_cli_capture.moc"
