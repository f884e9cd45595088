// Search finds instrument files by what they say about themselves (title, origin, owner, kind of
// data, units), whether attached to an entry or captured from a watch folder and filed; the hit
// names the file and leads to its entry. A file no reader understands is found by its name only.
// Real components: a real SQLCipher vault, real JCAMP-DX files (QUIRE_TESTDATA).

#include "Notebook.h"
#include "TestSupport.h"

#include <QDateTime>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QTemporaryDir>
#include <QtTest>

using namespace quire;

namespace {
const QByteArray kPass = "correct horse battery staple";

QString jcamp(const QString &name) {
    return qEnvironmentVariable("QUIRE_TESTDATA") + "/instruments/jcamp/" + name;
}
} // namespace

class DataSearchTest : public QObject {
    Q_OBJECT

    QTemporaryDir m_tmp;
    std::unique_ptr<Notebook> m_nb;
    QString m_entry;

    QList<SearchHit> attachmentHits(const QString &query) {
        auto hits = m_nb->search(query);
        [&] { QVERIFY2(hits, qPrintable(hits.error())); }();
        QList<SearchHit> out;
        if (hits)
            for (const SearchHit &h : *hits)
                if (h.kind == "attachment") out << h;
        return out;
    }

private slots:
    void initTestCase() {
        QVERIFY2(QFile::exists(jcamp("misc_uv.jdx")), "QUIRE_TESTDATA is not set");
        auto nb = Notebook::create(m_tmp.filePath("v"),
                                   {"Dye lab", "Ada Analyst", "ada@lab.example"}, kPass);
        QVERIFY2(nb, qPrintable(nb.error()));
        m_nb = std::move(nb.value());
        auto x = m_nb->createExperiment("Dye uptake", "Dyes", {});
        QVERIFY(x);
        auto e = m_nb->addEntry(*x, "Spectra", "<p>UV-Vis in THF.</p>");
        QVERIFY(e);
        m_entry = *e;
    }

    void attachedDataFileIsFoundByItsOriginOwnerAndUnits() {
        auto id = m_nb->attachFile(m_entry, jcamp("misc_uv.jdx"));
        QVERIFY2(id, qPrintable(id.error()));
        // ##ORIGIN = Hewlett-Packard ChemStation/Win system, ##OWNER = administrator,
        // ##DATATYPE = UV-VISIBLE SPECTRUM, ##YUNITS = ABSORBANCE — none of it in the file name.
        for (const char *query : {"ChemStation", "administrator", "visible", "absorbance"}) {
            const auto hits = attachmentHits(query);
            QCOMPARE(hits.size(), 1);
            QCOMPARE(hits.first().title, QString("misc_uv.jdx"));
            QCOMPARE(hits.first().uuid, m_entry);
        }
    }

    void nmrFileIsFoundByItsTitleAndKindOfData() {
        auto id = m_nb->attachFile(m_entry, jcamp("ethylvinylether_1h.jdx"));
        QVERIFY2(id, qPrintable(id.error()));
        const auto hits = attachmentHits("NMR");
        QCOMPARE(hits.size(), 1);
        QCOMPARE(hits.first().title, QString("ethylvinylether_1h.jdx"));
        QVERIFY2(hits.first().snippet.contains("[["), qPrintable(hits.first().snippet));
    }

    void fileNoReaderUnderstandsIsFoundByItsNameOnly() {
        const QString notes = m_tmp.filePath("balance-notes.txt");
        test::writeFile(notes, "\x01\x02 binary \x03 ChemStation");
        auto id = m_nb->attachFile(m_entry, notes);
        QVERIFY2(id, qPrintable(id.error()));
        QCOMPARE(attachmentHits("ChemStation").size(), 1); // still only the UV-Vis file
        QCOMPARE(attachmentHits("balance").size(), 1);
    }

    void capturedFileIsFoundByItsMetadataOnceFiled() {
        auto instrument = m_nb->addInstrument("UV-2600", "Shimadzu", "A1", "Room 214");
        QVERIFY(instrument);
        const QString folder = m_tmp.filePath("uv");
        QVERIFY(QDir().mkpath(folder));
        const QString file = folder + "/run-7.jdx";
        QVERIFY(QFile::copy(jcamp("misc_mass_ACD.jdx"), file));
        const QFileInfo info(file);
        auto outcome = m_nb->captureFile(*instrument, file, info.size(),
                                         info.lastModified().toMSecsSinceEpoch());
        QVERIFY2(outcome, qPrintable(outcome.error()));
        QCOMPARE(outcome->kind, CaptureOutcome::Kind::Captured);
        // In the inbox no entry holds it, so search (which leads to entries) does not list it.
        QVERIFY(attachmentHits("MASS").isEmpty());
        QVERIFY(m_nb->fileCapture(outcome->id, m_entry));
        const auto hits = attachmentHits("MASS");
        QCOMPARE(hits.size(), 1);
        QCOMPARE(hits.first().title, QString("run-7.jdx"));
    }
};

QTEST_GUILESS_MAIN(DataSearchTest)
#include "tst_data_search.moc"
