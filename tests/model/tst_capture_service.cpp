// CaptureService and Notebook::captureFile in one process, on a real vault and a real folder: a
// file that changed since it was seen is not kept, one seen again is not kept twice, and the
// running service (QFileSystemWatcher plus poll) takes a file once it has settled and reports it
// by signal, as the window will use it.

#include "capture/CaptureService.h"
#include "Notebook.h"
#include "TestSupport.h"

#include <QCryptographicHash>
#include <QDateTime>
#include <QFileInfo>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QtTest>

using namespace quire;

namespace {
const QByteArray kPass = "correct horse battery staple";

qint64 modifiedMs(const QString &path) {
    return QFileInfo(path).lastModified().toMSecsSinceEpoch();
}
} // namespace

class CaptureServiceTest : public QObject {
    Q_OBJECT

    QTemporaryDir m_tmp;
    std::unique_ptr<Notebook> m_nb;
    QString m_instrument;
    QString m_folder;

private slots:
    void initTestCase() {
        auto nb = Notebook::create(
            m_tmp.filePath("v"), {"Spectroscopy lab", "Alice Chemist", "alice@lab.example"}, kPass);
        QVERIFY2(nb, qPrintable(nb.error()));
        m_nb = std::move(nb.value());
        auto id = m_nb->addInstrument("FTIR", "Nicolet iS50", "N-77", "Room 1.02");
        QVERIFY2(id, qPrintable(id.error()));
        m_instrument = *id;
        m_folder = m_tmp.filePath("ftir");
        QVERIFY(QDir().mkpath(m_folder));
        WatchFolder w;
        w.instrument = m_instrument;
        w.folder = m_folder;
        w.patterns = {"*.csv"};
        w.settleSeconds = 1;
        w.pollSeconds = 1;
        QVERIFY(m_nb->setWatchFolder(w));
        auto folders = m_nb->watchFolders();
        QVERIFY(folders);
        QCOMPARE(folders->size(), 1);
        QCOMPARE(folders->first().patterns, QStringList{"*.csv"});
        QCOMPARE(folders->first().folder, QFileInfo(m_folder).absoluteFilePath());
    }

    void aFileChangedSinceItWasSeenIsNotKept() {
        const QString file = m_folder + "/scan-1.csv";
        test::writeFile(file, "wavenumber,transmittance\n4000,98.1\n3999,98.0\n");
        const qint64 size = QFileInfo(file).size();
        auto changed = m_nb->captureFile(m_instrument, file, size - 1, modifiedMs(file));
        QVERIFY2(changed, qPrintable(changed.error()));
        QCOMPARE(changed->kind, CaptureOutcome::Kind::Changed);
        QVERIFY(m_nb->inbox()->isEmpty());

        auto kept = m_nb->captureFile(m_instrument, file, size, modifiedMs(file));
        QVERIFY2(kept, qPrintable(kept.error()));
        QCOMPARE(kept->kind, CaptureOutcome::Kind::Captured);
        QCOMPARE(kept->capture.instrumentName, QString("FTIR"));
        QCOMPARE(kept->capture.size, size);
        QVERIFY2(kept->capture.problem.isEmpty(), qPrintable(kept->capture.problem));
        QVERIFY(kept->capture.inInbox);

        auto again = m_nb->captureFile(m_instrument, file, size, modifiedMs(file));
        QVERIFY(again);
        QCOMPARE(again->kind, CaptureOutcome::Kind::AlreadyKept);
        QCOMPARE(m_nb->inbox()->size(), 1);
        QVERIFY(m_nb->setAside(kept->id, "test scan"));
        QVERIFY(m_nb->inbox()->isEmpty());
        QVERIFY(!m_nb->setAside(kept->id, "twice"));
    }

    void theRunningServiceTakesASettledFileOnceAndSaysSo() {
        CaptureService service(*m_nb);
        QSignalSpy captured(&service, &CaptureService::captured);
        QVERIFY(service.start());
        QTest::qWait(300);
        const QString file = m_folder + "/scan-2.csv";
        const QByteArray bytes = "wavenumber,transmittance\n4000,97.5\n3999,97.4\n3998,97.2\n";
        test::writeFile(file, bytes.left(20));
        QTest::qWait(400);
        QCOMPARE(captured.size(), 0); // still being written
        {
            QFile f(file);
            QVERIFY(f.open(QIODevice::Append));
            f.write(bytes.mid(20));
        }
        QTRY_COMPARE_WITH_TIMEOUT(captured.size(), 1, 15000);
        const auto c = captured.first().first().value<CaptureInfo>();
        QCOMPARE(c.originalPath, QFileInfo(file).absoluteFilePath());
        QCOMPARE(c.sha256,
                 QString(QCryptographicHash::hash(bytes, QCryptographicHash::Sha256).toHex()));
        // A file that does not match the patterns is left alone.
        test::writeFile(m_folder + "/notes.txt", "not a spectrum");
        QTest::qWait(2500);
        QCOMPARE(captured.size(), 1);
        service.stop();
        QCOMPARE(m_nb->inbox()->size(), 1);
        QVERIFY(m_nb->verify().passed());
    }
};

QTEST_GUILESS_MAIN(CaptureServiceTest)
#include "tst_capture_service.moc"
