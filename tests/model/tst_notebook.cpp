// Notebook rules on a real vault: what needs a reason, what is refused and leaves nothing
// behind, attachments of awkward sizes, search with accents and prefixes, the audit trail.

#include "Notebook.h"
#include "TestSupport.h"

#include <QColor>
#include <QImage>
#include <QTemporaryDir>
#include <QtTest>

#include <algorithm>

using namespace quire;

namespace {
const QByteArray kPass = "correct horse battery staple";
}

class NotebookTest : public QObject {
    Q_OBJECT

    QTemporaryDir m_tmp;
    std::unique_ptr<Notebook> m_nb;
    QString m_experiment;

    int recordCount() {
        auto trail = m_nb->auditTrail();
        return trail ? int(trail->size()) : -1;
    }

private slots:
    void initTestCase() {
        auto nb = Notebook::create(m_tmp.filePath("v"),
                                   {"Cell lab", "Alice Researcher", "alice@lab.example"}, kPass);
        QVERIFY2(nb, qPrintable(nb.error()));
        m_nb = std::move(nb.value());
        auto x =
            m_nb->createExperiment("  HeLa passage 12  ", "Cell culture", {"hela", " ", "passage"});
        QVERIFY(x);
        m_experiment = *x;
    }

    void createValidatesInput() {
        QTemporaryDir dir;
        auto shortPass = Notebook::create(dir.filePath("a"), {"N", "A", "a@b.example"}, "short");
        QVERIFY(!shortPass);
        QVERIFY(shortPass.error().contains("at least 8"));
        auto badEmail = Notebook::create(dir.filePath("b"), {"N", "A", "not-an-email"}, kPass);
        QVERIFY(!badEmail);
        QVERIFY(badEmail.error().contains("email"));
        QVERIFY(!Notebook::exists(dir.filePath("a")));
    }

    void experimentIsTrimmedAndTagsCleaned() {
        auto x = m_nb->experiment(m_experiment);
        QVERIFY(x);
        QCOMPARE(x->title, QString("HeLa passage 12"));
        QCOMPARE(x->tags, QStringList({"hela", "passage"}));
        QCOMPARE(x->status, QString("open"));
        QCOMPARE(x->authorName, QString("Alice Researcher"));
        const int before = recordCount();
        auto empty = m_nb->createExperiment("   ", {}, {});
        QVERIFY(!empty);
        QCOMPARE(empty.error(), QString("the experiment needs a title"));
        QCOMPARE(recordCount(), before);
    }

    void hostileHtmlIsSanitisedOnTheWayIn() {
        auto id = m_nb->addEntry(
            m_experiment, "Counting",
            "<p onclick=\"x()\">Counted <b>1.2e6</b> cells</p><script>alert(1)</script>"
            "<img src=\"https://evil.example/t.png\"><a href=\"javascript:alert(1)\">x</a>");
        QVERIFY(id);
        auto e = m_nb->entry(*id);
        QVERIFY(e);
        QVERIFY2(!e->html.contains("script") && !e->html.contains("onclick") &&
                     !e->html.contains("evil") && !e->html.contains("javascript"),
                 qPrintable(e->html));
        QVERIFY2(e->html.contains("Counted"), qPrintable(e->html));
        QCOMPARE(e->version, 1);
        QCOMPARE(e->order, 1);
    }

    void changesNeedAReasonAndRefusalsWriteNothing() {
        auto id = m_nb->addEntry(m_experiment, "Split", "<p>Split 1:4</p>");
        QVERIFY(id);
        auto second = m_nb->entry(*id);
        QCOMPARE(second->order, 2);
        const int before = recordCount();
        auto noReason = m_nb->editEntry(*id, {}, "<p>Split 1:5</p>", "  ");
        QVERIFY(!noReason);
        QCOMPARE(noReason.error(), QString("a reason is needed to change an entry"));
        auto unchanged = m_nb->editEntry(*id, {}, "<p>Split 1:4</p>", "no change");
        QVERIFY(!unchanged);
        QCOMPARE(recordCount(), before);

        QVERIFY(m_nb->editEntry(*id, "Split (corrected)", "<p>Split 1:5</p>", "ratio misread"));
        QVERIFY(m_nb->voidEntry(*id, "flask contaminated"));
        auto afterVoid = m_nb->editEntry(*id, {}, "<p>again</p>", "retry");
        QVERIFY(!afterVoid);
        QVERIFY(afterVoid.error().contains("voided"));
        auto again = m_nb->voidEntry(*id, "twice");
        QVERIFY(!again);

        auto history = m_nb->history(*id);
        QVERIFY(history);
        QCOMPARE(history->size(), 3);
        QCOMPARE(history->at(0).title, QString("Split"));
        QCOMPARE(history->at(1).title, QString("Split (corrected)"));
        QCOMPARE(history->at(1).reason, QString("ratio misread"));
        QCOMPARE(history->at(2).status, QString("void"));
        QCOMPARE(history->at(2).versionCount, 3);
        auto v1 = m_nb->entry(*id, 1);
        QCOMPARE(v1->html, QString("<p>Split 1:4</p>"));
        QVERIFY(!m_nb->entry(*id, 4));
        QVERIFY(!m_nb->entry("no-such-entry"));
    }

    void attachmentsOfAwkwardSizesRoundTrip_data() {
        QTest::addColumn<qint64>("size");
        QTest::newRow("empty") << qint64(0);
        QTest::newRow("one byte") << qint64(1);
        QTest::newRow("exactly one chunk") << qint64(4 * 1024 * 1024);
        QTest::newRow("one chunk and a byte") << qint64(4 * 1024 * 1024 + 1);
    }

    void attachmentsOfAwkwardSizesRoundTrip() {
        QFETCH(qint64, size);
        auto entry = m_nb->addEntry(m_experiment, "Micrograph", "<p>see file</p>");
        QVERIFY(entry);
        QByteArray data(size, Qt::Uninitialized);
        for (qint64 i = 0; i < size; ++i)
            data[i] = char((i * 7919) % 251);
        const QString in = m_tmp.filePath(QString("in-%1.tif").arg(size));
        test::writeFile(in, data);
        qint64 lastProgress = -1;
        auto id = m_nb->attachFile(*entry, in, [&](qint64 done, qint64) { lastProgress = done; });
        QVERIFY2(id, qPrintable(id.error()));
        QCOMPARE(lastProgress, size);
        auto info = m_nb->attachment(*id);
        QVERIFY(info);
        QCOMPARE(info->size, size);
        QCOMPARE(info->name, QString("in-%1.tif").arg(size));
        QCOMPARE(info->sha256,
                 QString(QCryptographicHash::hash(data, QCryptographicHash::Sha256).toHex()));
        const QString out = m_tmp.filePath(QString("out-%1").arg(size));
        QVERIFY(m_nb->saveAttachment(*id, out));
        QFile f(out);
        QVERIFY(f.open(QIODevice::ReadOnly));
        QCOMPARE(f.readAll(), data);
        auto e = m_nb->entry(*entry);
        QCOMPARE(e->version, 2);
        QCOMPARE(e->attachments.size(), 1);
        QCOMPARE(e->attachments.first().id, *id);
        QVERIFY(e->reason.contains(info->name));
    }

    void identicalChunksAreStoredOnce() {
        const VerifyReport before = m_nb->verify();
        auto entry = m_nb->addEntry(m_experiment, "Duplicate upload", "<p>twice</p>");
        const QString in = m_tmp.filePath("same.bin");
        test::writeFile(in, QByteArray(3 * 1024 * 1024, 'q'));
        QVERIFY(m_nb->attachFile(*entry, in));
        const VerifyReport once = m_nb->verify();
        QVERIFY(m_nb->attachFile(*entry, in));
        const VerifyReport twice = m_nb->verify();
        QCOMPARE(once.chunks, before.chunks + 1);
        QCOMPARE(twice.chunks, once.chunks);
        QCOMPARE(m_nb->entry(*entry)->attachments.size(), 2);
        QVERIFY(twice.passed());
    }

    void attachmentErrorsAreClear() {
        auto entry = m_nb->addEntry(m_experiment, "Errors", "<p>x</p>");
        auto missing = m_nb->attachFile(*entry, m_tmp.filePath("does-not-exist.csv"));
        QVERIFY(!missing);
        QVERIFY(missing.error().contains("is not a file"));
        const QString in = m_tmp.filePath("small.csv");
        test::writeFile(in, "a,b\n1,2\n");
        auto id = m_nb->attachFile(*entry, in);
        QVERIFY(id);
        auto unwritable = m_nb->saveAttachment(*id, "/proc/quire-cannot-write-here");
        QVERIFY(!unwritable);
        QVERIFY(unwritable.error().contains("could not write"));
        auto tooBig = m_nb->attachmentBytes(*id, 3);
        QVERIFY(!tooBig);
        QCOMPARE(*m_nb->attachmentBytes(*id, 1024), QByteArray("a,b\n1,2\n"));
    }

    void fileKeptBeforeTheSaveIsNamedByTheOneVersionSaved() {
        // An image pasted into a new entry: its attachment record is written at once, and the
        // entry's first version names it along with the text.
        const QString gel = m_tmp.filePath("gel.png");
        test::writeFile(gel, "not really a png, but bytes all the same");
        const int before = recordCount();
        auto kept = m_nb->storeFile(gel);
        QVERIFY2(kept, qPrintable(kept.error()));
        QCOMPARE(recordCount(), before + 1); // the attachment record, and no entry version
        QCOMPARE(m_nb->attachment(*kept)->name, QString("gel.png"));
        const QString html = QString("<p>Gel after 40 min:</p><p><img src=\"quire-attachment:%1\" "
                                     "alt=\"gel\"></p>")
                                 .arg(*kept);
        auto entry = m_nb->addEntry(m_experiment, "Agarose gel", html, {*kept});
        QVERIFY2(entry, qPrintable(entry.error()));
        auto first = m_nb->entry(*entry);
        QCOMPARE(first->version, 1);
        QCOMPARE(m_nb->history(*entry)->size(), 1);
        QCOMPARE(first->attachments.size(), 1);
        QCOMPARE(first->attachments.first().id, *kept);
        QVERIFY(first->html.contains(*kept));

        // Attaching while editing an existing entry joins the next version, with its reason.
        const QString trace = m_tmp.filePath("trace.csv");
        test::writeFile(trace, "t,A\n0,0.1\n");
        auto second = m_nb->storeFile(trace);
        QVERIFY(second);
        QCOMPARE(m_nb->entry(*entry)->version, 1);
        QVERIFY(
            m_nb->editEntry(*entry, "Agarose gel", html, "added the UV trace", {*second, *kept}));
        auto edited = m_nb->entry(*entry);
        QCOMPARE(edited->version, 2);
        QCOMPARE(edited->reason, QString("added the UV trace"));
        QCOMPARE(edited->attachments.size(), 2);
        QCOMPARE(edited->attachments.at(1).id, *second);
        // A file alone is a change too; naming one already named is none.
        auto none = m_nb->editEntry(*entry, "Agarose gel", html, "again", {*kept});
        QVERIFY(!none);
        QVERIFY(none.error().contains("nothing changed"));

        // A file added to text that is then abandoned stays, named by no entry; nothing is
        // deleted and the notebook still verifies.
        auto abandoned = m_nb->storeFile(gel);
        QVERIFY(abandoned);
        QVERIFY(m_nb->attachment(*abandoned));
        QVERIFY(m_nb->verify().passed());

        // An entry cannot name what is not an attachment record of this notebook.
        auto bogus = m_nb->addEntry(m_experiment, "Bogus", "<p>x</p>", {first->recordId});
        QVERIFY(!bogus);
        QVERIFY2(bogus.error().contains("not in this notebook"), qPrintable(bogus.error()));
    }

    void searchFoldsAccentsAndMatchesPrefixes() {
        auto id = m_nb->addEntry(m_experiment, "Übernachtkultur",
                                 "<p>Trypsinisation for 5 min at 37 °C</p>");
        QVERIFY(id);
        auto accent = m_nb->search("ubernacht");
        QVERIFY(accent && !accent->isEmpty());
        QCOMPARE(accent->first().uuid, *id);
        auto prefix = m_nb->search("trypsin");
        QVERIFY(prefix && !prefix->isEmpty());
        QVERIFY(prefix->first().snippet.contains("[[Trypsinisation]]"));
        auto both = m_nb->search("trypsin nothingmatcheshere");
        QVERIFY(both && both->isEmpty());
        auto punctuation = m_nb->search("\"*)(");
        QVERIFY(punctuation && punctuation->isEmpty());
    }

    void auditTrailNamesEveryChange() {
        auto trail = m_nb->auditTrail();
        QVERIFY(trail);
        QStringList actions;
        for (const auto &e : *trail)
            actions << e.action;
        QCOMPARE(trail->first().type, QString("notebook"));
        QVERIFY(actions.contains("created"));
        QVERIFY(actions.contains("amended"));
        QVERIFY(actions.contains("voided"));
        for (const auto &e : *trail)
            QCOMPARE(e.authorName, QString("Alice Researcher"));
    }

    void bulkEntriesAreSavedAllOrNone() {
        auto x = m_nb->createExperiment("Plate reader run", {}, {});
        QVERIFY(x);
        QList<Notebook::NewEntry> batch;
        for (int i = 0; i < 50; ++i)
            batch << Notebook::NewEntry{QString("Well %1").arg(i),
                                        QString("<p>OD %1</p><script>x</script>").arg(i)};
        batch[20].title = "   "; // one bad entry refuses the whole batch
        const int before = recordCount();
        auto refused = m_nb->addEntries(*x, batch);
        QVERIFY(!refused);
        QCOMPARE(recordCount(), before);
        QCOMPARE(int(m_nb->entries(*x)->size()), 0);
        batch[20].title = "Well 20";
        auto saved = m_nb->addEntries(*x, batch);
        QVERIFY2(saved, qPrintable(saved.error()));
        QCOMPARE(int(saved->size()), 50);
        auto list = m_nb->entries(*x);
        QVERIFY(list);
        QCOMPARE(int(list->size()), 50);
        for (int i = 0; i < 50; ++i) {
            QCOMPARE(list->at(i).uuid, saved->at(i));
            QCOMPARE(list->at(i).order, i + 1);
            QCOMPARE(list->at(i).html, QString("<p>OD %1</p>").arg(i));
        }
        auto hits = m_nb->search("Well 37");
        QVERIFY(hits && !hits->isEmpty());
        QVERIFY(m_nb->verify().passed());
    }

    // An import hands over entries for several experiments at once: one transaction, each
    // experiment's order continuing where it was, sanitised and searchable like single saves.
    void entryRunsReadTheLatestAPageOrTheOneHoldingAnEntry() {
        auto x = m_nb->createExperiment("Stability series", {}, {});
        QVERIFY(x);
        QList<Notebook::NewEntry> days;
        for (int i = 1; i <= 45; ++i)
            days << Notebook::NewEntry{QString("Day %1").arg(i), QString("<p>day %1</p>").arg(i)};
        auto ids = m_nb->addEntries(*x, days);
        QVERIFY2(ids, qPrintable(ids.error()));
        auto titles = [](const EntryRun &run) {
            QStringList out;
            for (const EntryVersion &e : run.entries)
                out << e.title;
            return out;
        };
        // The latest twenty.
        auto latest = m_nb->entryRun(*x, -1, 20);
        QVERIFY(latest);
        QCOMPARE(latest->total, 45);
        QCOMPARE(latest->first, 25);
        QCOMPARE(latest->entries.size(), 20);
        QCOMPARE(latest->entries.first().title, QString("Day 26"));
        QCOMPARE(latest->entries.last().title, QString("Day 45"));
        // From an index; a run that would run past the end is moved back to stay whole.
        auto middle = m_nb->entryRun(*x, 5, 20);
        QVERIFY(middle);
        QCOMPARE(middle->first, 5);
        QCOMPARE(titles(*middle).first(), QString("Day 6"));
        auto pastEnd = m_nb->entryRun(*x, 40, 20);
        QVERIFY(pastEnd);
        QCOMPARE(pastEnd->first, 25);
        QCOMPARE(pastEnd->entries.size(), 20);
        // All of them.
        auto all = m_nb->entryRun(*x, 0, -1);
        QVERIFY(all);
        QCOMPARE(all->first, 0);
        QCOMPARE(all->entries.size(), 45);
        // Around an entry outside the run asked for: the run moves to start at it.
        auto around = m_nb->entryRun(*x, -1, 20, ids->at(2));
        QVERIFY(around);
        QCOMPARE(around->first, 2);
        QCOMPARE(around->entries.first().uuid, ids->at(2));
        // Around an entry already in it, or one of another experiment: the run stays.
        QCOMPARE(m_nb->entryRun(*x, -1, 20, ids->at(30))->first, 25);
        QCOMPARE(m_nb->entryRun(*x, -1, 20, QStringLiteral("not-an-entry"))->first, 25);
        // A short experiment is one whole run; an empty one an empty run.
        auto few = m_nb->entryRun(m_experiment, -1, 20);
        QVERIFY(few);
        QCOMPARE(few->first, 0);
        QCOMPARE(few->entries.size(), few->total);
        auto empty = m_nb->createExperiment("Nothing yet", {}, {});
        QVERIFY(empty);
        auto none = m_nb->entryRun(*empty, -1, 20);
        QVERIFY(none);
        QCOMPARE(none->total, 0);
        QCOMPARE(none->first, 0);
        QVERIFY(none->entries.isEmpty());
        // entries() is the whole run.
        auto entries = m_nb->entries(*x);
        QVERIFY(entries);
        QCOMPARE(entries->size(), 45);
    }

    void bulkEntriesAcrossExperimentsKeepEachExperimentsOrder() {
        auto a = m_nb->createExperiment("Growth curve A", {}, {});
        auto b = m_nb->createExperiment("Growth curve B", {}, {});
        QVERIFY(a && b);
        QVERIFY(m_nb->addEntry(*a, "Set-up", "<p>inoculated</p>"));
        QList<Notebook::NewEntry> batch;
        for (int i = 0; i < 64; ++i)
            batch << Notebook::NewEntry{QString("Reading %1").arg(i),
                                        QString("<p onclick=x()>absorbance%1 <b>ok</b></p>"
                                                "<img src=https://evil.example/p.png>")
                                            .arg(i),
                                        i % 2 ? *a : *b};
        const int before = recordCount();
        QList<Notebook::NewEntry> broken = batch;
        broken[40].experiment = QStringLiteral("00000000-0000-4000-8000-000000000000");
        QVERIFY(!m_nb->addEntries(broken));
        QCOMPARE(recordCount(), before);

        auto saved = m_nb->addEntries(batch);
        QVERIFY2(saved, qPrintable(saved.error()));
        QCOMPARE(recordCount(), before + 64);
        auto inA = m_nb->entries(*a);
        auto inB = m_nb->entries(*b);
        QVERIFY(inA && inB);
        QCOMPARE(int(inA->size()), 33);
        QCOMPARE(int(inB->size()), 32);
        for (int i = 0; i < inA->size(); ++i)
            QCOMPARE(inA->at(i).order, i + 1);
        QCOMPARE(inA->at(1).title, QString("Reading 1"));
        QCOMPARE(inB->at(0).title, QString("Reading 0"));
        QCOMPARE(inB->at(5).html, QString("<p>absorbance10 <strong>ok</strong></p>"));
        auto hits = m_nb->search("absorbance63");
        QVERIFY(hits);
        QCOMPARE(int(hits->size()), 1);
        QCOMPARE(hits->at(0).uuid, saved->at(63));
        QCOMPARE(hits->at(0).experiment, *a);
        QVERIFY(m_nb->verify().passed());
    }

    void markerIsInNoByteWhileTheNotebookIsOpen() {
        // While the notebook is open the write-ahead log exists and holds the latest pages;
        // neither it nor the database nor the repository may show the text in the clear.
        const QByteArray marker = "QUAHOG-MARKER-5519";
        auto id = m_nb->addEntry(m_experiment, "Assay " + marker,
                                 "<p>Compound " + marker + " was dissolved.</p>");
        QVERIFY2(id, qPrintable(id.error()));
        const QString file = m_tmp.filePath("notes-" + marker + ".txt");
        test::writeFile(file, "payload " + marker + "\n");
        QVERIFY(m_nb->attachFile(*id, file));
        auto hits = m_nb->search(QString::fromLatin1(marker));
        QVERIFY(hits && !hits->isEmpty());
        const QString vault = m_nb->vaultPath();
        QVERIFY(QFile::exists(vault + "/quire.db-wal"));
        QVERIFY(QFileInfo(vault + "/quire.db-wal").size() > 0);
        for (const QByteArray &needle : {marker, marker.toLower()})
            QCOMPARE(test::filesContaining(vault, needle), QStringList());
    }

    void verifyPassesAndPassphraseChangeKeepsEverything() {
        QVERIFY(m_nb->verify().passed());
        QVERIFY(m_nb->changePassphrase("a different passphrase"));
        const QString path = m_nb->vaultPath();
        const int records = recordCount();
        m_nb.reset();
        auto old = Notebook::open(path, kPass);
        QVERIFY(!old);
        auto reopened = Notebook::open(path, "a different passphrase");
        QVERIFY2(reopened, qPrintable(reopened.error()));
        QCOMPARE(int((*reopened)->auditTrail()->size()), records + 2); // unlock_failed + unlock
        QVERIFY((*reopened)->verify().passed());
        m_nb = std::move(reopened.value());
    }

    void searchFiltersNarrowByDateAuthorTagAndSignature() {
        auto other = m_nb->createExperiment("Buffers", "Chemistry", {"ph", "buffer"});
        QVERIFY(other);
        auto a = m_nb->addEntry(m_experiment, "Quokka passage", "<p>quokka cells split 1:4</p>");
        auto b = m_nb->addEntry(*other, "Quokka buffer", "<p>quokka buffer pH 7.4</p>");
        QVERIFY(a && b);
        auto ids = [](const Result<QList<SearchHit>> &hits) {
            QStringList out;
            for (const auto &h : *hits)
                if (h.kind == "entry") out << h.uuid;
            out.sort();
            return out;
        };
        auto all = m_nb->search("quokka");
        QVERIFY(all);
        QCOMPARE(ids(all).size(), 2);
        SearchFilter byTag;
        byTag.tag = "ph";
        QCOMPARE(ids(m_nb->search("quokka", 50, byTag)), QStringList{*b});
        // A tag is matched whole: "p" is no tag here.
        byTag.tag = "p";
        QVERIFY(ids(m_nb->search("quokka", 50, byTag)).isEmpty());
        SearchFilter today;
        today.from = QDate::currentDate();
        today.to = QDate::currentDate();
        QCOMPARE(ids(m_nb->search("quokka", 50, today)).size(), 2);
        SearchFilter yesterday;
        yesterday.to = QDate::currentDate().addDays(-1);
        QVERIFY(ids(m_nb->search("quokka", 50, yesterday)).isEmpty());
        SearchFilter byAuthor;
        byAuthor.author = m_nb->me().uuid;
        QCOMPARE(ids(m_nb->search("quokka", 50, byAuthor)).size(), 2);
        byAuthor.author = "00000000-0000-4000-8000-000000000000";
        QVERIFY(ids(m_nb->search("quokka", 50, byAuthor)).isEmpty());
        // The passphrase changed in verifyPassesAndPassphraseChangeKeepsEverything.
        auto sig = m_nb->sign(*a, 0, "authored", "a different passphrase");
        QVERIFY2(sig, qPrintable(sig.error()));
        SearchFilter signedOnly;
        signedOnly.signedState = SearchFilter::Signed::SignedOnly;
        QCOMPARE(ids(m_nb->search("quokka", 50, signedOnly)), QStringList{*a});
        SearchFilter unsignedOnly;
        unsignedOnly.signedState = SearchFilter::Signed::UnsignedOnly;
        QCOMPARE(ids(m_nb->search("quokka", 50, unsignedOnly)), QStringList{*b});
        // Filters without words list what meets them.
        QVERIFY(ids(m_nb->search("", 50, signedOnly)).contains(*a));
        QVERIFY(m_nb->tags()->contains("buffer"));
    }

    void draftsSurviveClosingTheNotebook() {
        const QString vault = m_tmp.filePath("drafts");
        {
            auto nb = Notebook::create(vault, {"Draft lab", "Dana", "dana@lab.example"}, kPass);
            QVERIFY(nb);
            auto x = (*nb)->createExperiment("Drafting", {}, {});
            QVERIFY(x);
            QVERIFY((*nb)->saveDraft({"k1", {}, *x, {}, "Half written", "<p>so far</p>", {}, {}}));
            // A file added from the Files panel while writing is named by the draft too.
            QVERIFY((*nb)->saveDraft(
                {"k1", {}, *x, {}, "Half written", "<p>so far, more</p>", {}, {"a1b2"}}));
        } // closed without saving the entry, as a crash would
        auto nb = Notebook::open(vault, kPass);
        QVERIFY(nb);
        auto drafts = (*nb)->drafts();
        QVERIFY(drafts);
        QCOMPARE(drafts->size(), 1);
        QCOMPARE(drafts->first().html, QString("<p>so far, more</p>"));
        QCOMPARE(drafts->first().attachments, QStringList{"a1b2"});
        QVERIFY(!drafts->first().savedAt.isEmpty());
        QVERIFY((*nb)->discardDraft("k1"));
        QVERIFY((*nb)->drafts()->isEmpty());
        // The draft text is in no file as plain text (the database is encrypted).
        QVERIFY((*nb)->saveDraft({"k2",
                                  {},
                                  (*nb)->experiments()->first().uuid,
                                  {},
                                  "T",
                                  "<p>ZEBRA-DRAFT-MARK</p>",
                                  {},
                                  {}}));
        for (const auto &file : test::hashTree(vault).keys()) {
            QFile f(vault + "/" + file);
            QVERIFY(f.open(QIODevice::ReadOnly));
            QVERIFY2(!f.readAll().contains("ZEBRA-DRAFT-MARK"), qPrintable(file));
        }
    }

    void imagesAndPdfPagesArePreviewed() {
        auto entry = m_nb->addEntry(m_experiment, "Gel photo", "<p>lanes 1-4</p>");
        QVERIFY(entry);
        QImage gel(800, 400, QImage::Format_RGB32);
        gel.fill(QColor(0, 128, 255));
        const QString png = m_tmp.filePath("gel.png");
        QVERIFY(gel.save(png));
        auto pngId = m_nb->attachFile(*entry, png);
        QVERIFY2(pngId, qPrintable(pngId.error()));
        auto picture = m_nb->attachmentPreview(*pngId, 200);
        QVERIFY2(picture, qPrintable(picture.error()));
        QCOMPARE(picture->size(), QSize(200, 100));
        QCOMPARE(QColor(picture->pixel(100, 50)), QColor(0, 128, 255));

        // A one-page PDF (A4 landscape) with a red rectangle over its left half, written by hand.
        QList<QByteArray> objects{
            "<< /Type /Catalog /Pages 2 0 R >>",
            "<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
            "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 842 595] /Contents 4 0 R >>",
        };
        const QByteArray content = "1 0 0 rg 0 0 421 595 re f";
        objects << "<< /Length " + QByteArray::number(content.size()) + " >>\nstream\n" + content +
                       "\nendstream";
        QByteArray pdf = "%PDF-1.4\n";
        QList<qsizetype> offsets;
        for (int i = 0; i < objects.size(); ++i) {
            offsets << pdf.size();
            pdf += QByteArray::number(i + 1) + " 0 obj\n" + objects[i] + "\nendobj\n";
        }
        const qsizetype xref = pdf.size();
        pdf += "xref\n0 " + QByteArray::number(objects.size() + 1) + "\n0000000000 65535 f \n";
        for (const auto offset : offsets)
            pdf += QByteArray::number(offset).rightJustified(10, '0') + " 00000 n \n";
        pdf += "trailer\n<< /Size " + QByteArray::number(objects.size() + 1) +
               " /Root 1 0 R >>\nstartxref\n" + QByteArray::number(xref) + "\n%%EOF\n";
        const QString pdfPath = m_tmp.filePath("plate.pdf");
        QFile f(pdfPath);
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write(pdf);
        f.close();
        auto pdfId = m_nb->attachFile(*entry, pdfPath);
        QVERIFY(pdfId);
        QCOMPARE(m_nb->attachment(*pdfId)->mediaType, QString("application/pdf"));
        auto page = m_nb->attachmentPreview(*pdfId, 300);
        QVERIFY2(page, qPrintable(page.error()));
        QCOMPARE(page->width(), 300);
        QVERIFY(qAbs(page->height() - 212) <= 1);
        QCOMPARE(QColor(page->pixel(50, 100)), QColor(255, 0, 0));
        QCOMPARE(QColor(page->pixel(250, 100)), QColor(255, 255, 255));
        QVERIFY(!m_nb->attachmentPreview(*pdfId, 300, 1));

        // Damaged bytes give a message, not a crash.
        QFile bad(m_tmp.filePath("bad.pdf"));
        QVERIFY(bad.open(QIODevice::WriteOnly));
        bad.write("%PDF-1.4\nnot really");
        bad.close();
        auto badId = m_nb->attachFile(*entry, bad.fileName());
        QVERIFY(badId);
        auto none = m_nb->attachmentPreview(*badId, 300);
        QVERIFY(!none);
        QVERIFY2(none.error().contains("PDF"), qPrintable(none.error()));
    }

    // Issue 17: an experiment kept as a template (its text, not its pictures) starts a new one
    // whose records name the template; entry templates are sanitised blocks; a withdrawn
    // template starts nothing; only an admin says who writes templates.
    void experimentSavedAsTemplateStartsANewOneThatNamesIt() {
        auto sop = m_nb->createExperiment("Western blot", "Proteins", {"sop", "blot"});
        QVERIFY(sop);
        QVERIFY(m_nb->addEntry(*sop, "Lysis",
                               "<ul class=\"checklist\"><li data-checked=\"false\">RIPA on ice"
                               "</li></ul><p><img src=\"quire-attachment:" +
                                   QString(64, 'a') + "\" alt=\"gel\"></p>"));
        QVERIFY(m_nb->addEntry(*sop, "Transfer",
                               "<table><tbody><tr><td>Voltage</td><td></td></tr></tbody></table>"));
        QVERIFY(m_nb->mayWriteTemplates()); // the founder is an admin
        QVERIFY(!m_nb->saveExperimentAsTemplate(*sop, "  "));
        auto unknown = m_nb->saveExperimentAsTemplate("no-such-experiment", "X");
        QVERIFY(!unknown);
        QVERIFY2(unknown.error().contains("no experiment"), qPrintable(unknown.error()));
        auto kept = m_nb->saveExperimentAsTemplate(*sop, "Western blot SOP");
        QVERIFY2(kept, qPrintable(kept.error()));
        auto list = m_nb->templates("experiment");
        QVERIFY(list);
        QCOMPARE(list->size(), 1);
        const TemplateInfo t = list->first();
        QCOMPARE(t.name, QString("Western blot SOP"));
        QCOMPARE(t.project, QString("Proteins"));
        QCOMPARE(t.entries.size(), 2);
        QVERIFY2(t.entries[0].html.contains("checklist") && !t.entries[0].html.contains("<img"),
                 qPrintable(t.entries[0].html));

        auto started = m_nb->createExperimentFromTemplate("Western blot SOP", "Blot of 7 Dec");
        QVERIFY2(started, qPrintable(started.error()));
        auto x = m_nb->experiment(*started);
        QVERIFY(x);
        QCOMPARE(x->title, QString("Blot of 7 Dec"));
        QCOMPARE(x->tags, QStringList({"sop", "blot"}));
        auto entries = m_nb->entries(*started);
        QVERIFY(entries);
        QCOMPARE(entries->size(), 2);
        QCOMPARE(entries->at(1).title, QString("Transfer"));
        QVERIFY(entries->at(1).html.contains("Voltage"));
        QCOMPARE(entries->at(0).version, 1);
        QCOMPARE(entries->at(0).fromTemplate, t.record);
        auto trail = m_nb->auditTrail();
        QVERIFY(trail);
        QVERIFY(std::any_of(trail->begin(), trail->end(), [&](const AuditEvent &e) {
            return e.summary.contains("created from template " + t.record.left(12));
        }));

        auto block = m_nb->saveEntryTemplate(
            "Sample fields", "<table><tbody><tr><td onclick=\"x()\">Sample</td><td></td></tr>"
                             "</tbody></table><script>alert(1)</script>");
        QVERIFY2(block, qPrintable(block.error()));
        auto blocks = m_nb->templates("entry");
        QVERIFY(blocks && blocks->size() == 1);
        QVERIFY2(blocks->first().html.contains("Sample") &&
                     !blocks->first().html.contains("script") &&
                     !blocks->first().html.contains("onclick"),
                 qPrintable(blocks->first().html));
        auto wrongKind = m_nb->createExperimentFromTemplate(*block, "X");
        QVERIFY(!wrongKind);
        QVERIFY2(wrongKind.error().contains("entry template"), qPrintable(wrongKind.error()));

        QVERIFY(!m_nb->withdrawTemplate(*kept, "  "));
        QVERIFY(m_nb->withdrawTemplate(*kept, "replaced by the 2027 SOP"));
        QCOMPARE(m_nb->templates("experiment")->size(), 0);
        auto withdrawn = m_nb->createExperimentFromTemplate(*kept, "Too late");
        QVERIFY(!withdrawn);
        QVERIFY2(withdrawn.error().contains("withdrawn"), qPrintable(withdrawn.error()));
        auto missing = m_nb->createExperimentFromTemplate("No such SOP", "X");
        QVERIFY(!missing);
        QVERIFY2(missing.error().contains("no template"), qPrintable(missing.error()));

        QCOMPARE(m_nb->templateWriters(), QString("admins"));
        QVERIFY(!m_nb->setTemplateWriters("everyone"));
        QVERIFY(m_nb->setTemplateWriters("authors"));
        QCOMPARE(m_nb->templateWriters(), QString("authors"));
        QVERIFY(m_nb->setTemplateWriters("admins"));
        trail = m_nb->auditTrail();
        QVERIFY(trail && trail->last().summary == "templates may be written by admins only");
        const auto report = m_nb->verify();
        QVERIFY2(report.problems.isEmpty(), qPrintable(report.problems.join('\n')));
    }

    void auditCsvQuotesAndDefusesFormulas() {
        AuditEvent e;
        e.recordedAt = "2026-11-25T10:00:00.000Z";
        e.authorName = "=HYPERLINK(\"http://x\")";
        e.action = "amended";
        e.type = "entry";
        e.summary = "line one\nline \"two\", three";
        const QByteArray csv = Notebook::auditCsv({e});
        QVERIFY(csv.startsWith("\xEF\xBB\xBFrecorded_at,author,action,"));
        QVERIFY2(csv.contains(",\"'=HYPERLINK(\"\"http://x\"\")\","), csv);
        QVERIFY2(csv.contains("\"line one\nline \"\"two\"\", three\""), csv);
        QVERIFY(csv.endsWith("\r\n"));
    }
};

QTEST_GUILESS_MAIN(NotebookTest)
#include "tst_notebook.moc"
