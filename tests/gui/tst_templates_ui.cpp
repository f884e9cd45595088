// Templates in the window (issue 17), driven as a person would: the experiment on the page is
// saved as a template (File ▸ Save experiment as template…), a new experiment is started from
// it (File ▸ New experiment from template…, with a preview), and in the entry window an entry
// template is inserted where the cursor is. Screenshots of each state in
// QUIRE_SCREENSHOT_DIR/templates.

#include "editor/EntryDialog.h"
#include "editor/EntryEditor.h"
#include "editor/TemplateDialogs.h"
#include "GuiDriver.h"
#include "GuiTestMain.h"
#include "Notebook.h"
#include "page/EntryPageView.h"
#include "window/MainWindow.h"

#include <QAction>
#include <QDialogButtonBox>
#include <QLineEdit>
#include <QListWidget>
#include <QPushButton>
#include <QTemporaryDir>
#include <QTest>
#include <QTextBrowser>

#include <cstdio>

using namespace quire;
using namespace quire::widgets;

namespace {

const QByteArray kPassphrase = "correct horse battery staple";

} // namespace

class TemplatesUiTest : public QObject {
    Q_OBJECT

private slots:
    void initTestCase() {
        QVERIFY(m_dir.isValid());
        m_vault = m_dir.filePath(QStringLiteral("vault"));
        {
            auto nb = Notebook::create(m_vault,
                                       {QStringLiteral("Protein lab"), QStringLiteral("Ada Admin"),
                                        QStringLiteral("ada@lab.example")},
                                       kPassphrase);
            QVERIFY2(nb, qPrintable(nb.error()));
            auto x = (*nb)->createExperiment(QStringLiteral("Western blot"),
                                             QStringLiteral("Proteins"), {QStringLiteral("sop")});
            QVERIFY(x);
            m_sop = *x;
            QVERIFY((*nb)->addEntry(m_sop, QStringLiteral("Lysis"),
                                    QStringLiteral("<ul class=\"checklist\"><li data-checked="
                                                   "\"false\"><p>RIPA buffer on ice</p></li>"
                                                   "<li data-checked=\"false\"><p>Protease "
                                                   "inhibitors added</p></li></ul>")));
            QVERIFY((*nb)->addEntry(m_sop, QStringLiteral("Transfer"),
                                    QStringLiteral("<table><tbody><tr><th><p>Voltage</p></th>"
                                                   "<th><p>Minutes</p></th></tr><tr><td><p></p>"
                                                   "</td><td><p></p></td></tr></tbody></table>")));
            auto block = (*nb)->saveEntryTemplate(
                QStringLiteral("Sample fields"),
                QStringLiteral("<table><tbody><tr><th><p>Sample</p></th><th><p>Lot</p></th>"
                               "</tr><tr><td><p></p></td><td><p></p></td></tr></tbody></table>"));
            QVERIFY2(block, qPrintable(block.error()));
        }
        m_window = std::make_unique<MainWindow>(m_vault);
        m_window->resize(1400, 900);
        m_window->move(0, 0);
        quire::test::openAndUnlock(m_window.get(), kPassphrase);
        QVERIFY(!QTest::currentTestFailed());
        QTRY_COMPARE(quire::test::experimentCount(m_window.get()), 1);
    }

    void theExperimentOnThePageIsSavedAsATemplate() {
        QVERIFY(quire::test::clickExperiment(m_window.get(), m_sop));
        QTRY_COMPARE(m_window->currentExperiment(), m_sop);
        QAction *save = action("saveAsTemplateAction");
        QTRY_VERIFY(save->isEnabled());
        save->trigger();
        auto *dialog = quire::test::waitForDialog<TemplateNameDialog>(m_window.get());
        QVERIFY(dialog);
        auto *name = dialog->findChild<QLineEdit *>(QStringLiteral("nameEdit"));
        QVERIFY(name);
        QCOMPARE(name->text(), QStringLiteral("Western blot")); // the title, to start from
        name->selectAll();
        QTest::keyClicks(name, QStringLiteral("Western blot SOP"));
        m_shots.take(m_window.get(), QStringLiteral("save-as-template"), dialog);
        okButton(dialog)->click();
        QTRY_VERIFY(!dialog->isVisible());
        auto list = m_window->notebook()->templates(QStringLiteral("experiment"));
        QVERIFY(list);
        QCOMPARE(list->size(), 1);
        QCOMPARE(list->first().name, QStringLiteral("Western blot SOP"));
        QCOMPARE(list->first().entries.size(), 2);
    }

    void aNewExperimentStartsFromTheTemplateWithItsEntries() {
        QAction *fromTemplate = action("newFromTemplateAction");
        QVERIFY(fromTemplate->isEnabled());
        fromTemplate->trigger();
        auto *dialog = quire::test::waitForDialog<TemplatePickerDialog>(m_window.get());
        QVERIFY(dialog);
        auto *list = dialog->findChild<QListWidget *>(QStringLiteral("templateList"));
        auto *preview = dialog->findChild<QTextBrowser *>(QStringLiteral("templatePreview"));
        auto *title = dialog->findChild<QLineEdit *>(QStringLiteral("titleEdit"));
        QVERIFY(list && preview && title);
        QCOMPARE(list->count(), 1); // experiment templates only
        QCOMPARE(list->currentRow(), 0);
        QVERIFY2(preview->toPlainText().contains(QStringLiteral("RIPA buffer on ice")) &&
                     preview->toPlainText().contains(QStringLiteral("Voltage")),
                 qPrintable(preview->toPlainText()));
        title->selectAll();
        QTest::keyClicks(title, QStringLiteral("Western blot, 7 December"));
        m_shots.take(m_window.get(), QStringLiteral("new-from-template"), dialog);
        okButton(dialog)->click();
        QTRY_VERIFY(!dialog->isVisible());
        QTRY_COMPARE(quire::test::experimentCount(m_window.get()), 2);
        QTRY_VERIFY(m_window->currentExperiment() != m_sop &&
                    !m_window->currentExperiment().isEmpty());
        m_started = m_window->currentExperiment();
        auto x = m_window->notebook()->experiment(m_started);
        QVERIFY(x);
        QCOMPARE(x->title, QStringLiteral("Western blot, 7 December"));
        QCOMPARE(x->project, QStringLiteral("Proteins"));
        auto entries = m_window->notebook()->entries(m_started);
        QVERIFY(entries);
        QCOMPARE(entries->size(), 2);
        const QString templateRecord =
            m_window->notebook()->templates(QStringLiteral("experiment"))->first().record;
        for (const auto &e : *entries) {
            QCOMPARE(e.version, 1);
            QCOMPARE(e.fromTemplate, templateRecord);
        }
        QTRY_VERIFY(quire::test::pageText(m_window->entryView()).contains("RIPA buffer on ice"));
        m_shots.take(m_window.get(), QStringLiteral("started-from-template"));
    }

    void anEntryTemplateGoesInWhereTheCursorIs() {
        QVERIFY(!m_started.isEmpty());
        action("newEntryAction")->trigger();
        auto *dialog = quire::test::waitForDialog<EntryDialog>(m_window.get());
        QVERIFY(dialog);
        QVERIFY(quire::test::showEditor(dialog));
        auto *title = dialog->findChild<QLineEdit *>(QStringLiteral("titleEdit"));
        QVERIFY(title);
        QTest::keyClicks(title, QStringLiteral("Samples"));
        EntryEditor *editor = dialog->editor();
        quire::test::clickIntoText(editor);
        quire::test::typeText(editor, QStringLiteral("Loaded in lane order:"));
        QTRY_VERIFY(quire::test::editorHtml(editor).contains(QStringLiteral("lane order")));

        auto *insert = dialog->findChild<QPushButton *>(QStringLiteral("insertTemplateButton"));
        QVERIFY(insert);
        insert->click();
        auto *picker = quire::test::waitForDialog<TemplatePickerDialog>(dialog);
        QVERIFY(picker);
        auto *list = picker->findChild<QListWidget *>(QStringLiteral("templateList"));
        QVERIFY(list);
        QCOMPARE(list->count(), 1); // entry templates only
        QCOMPARE(list->item(0)->text(), QStringLiteral("Sample fields"));
        m_shots.take(dialog, QStringLiteral("insert-template-picker"), picker);
        okButton(picker)->click();
        QTRY_VERIFY(!picker->isVisible());
        QString html;
        QTRY_VERIFY((html = quire::test::editorHtml(editor)).contains(QStringLiteral("<table")));
        // After the text typed before it, where the cursor was.
        QVERIFY2(html.indexOf(QStringLiteral("lane order")) <
                     html.indexOf(QStringLiteral("<table")),
                 qPrintable(html));
        QVERIFY2(html.contains(QStringLiteral("Sample")) && html.contains(QStringLiteral("Lot")),
                 qPrintable(html));
        QVERIFY(editor->isModified() || QTest::qWaitFor([&] { return editor->isModified(); }));
        m_shots.take(dialog, QStringLiteral("entry-template-inserted"));

        auto *saveButton = dialog->findChild<QPushButton *>(QStringLiteral("saveButton"));
        QVERIFY(saveButton);
        saveButton->click();
        QTRY_VERIFY_WITH_TIMEOUT(
            [&] {
                auto entries = m_window->notebook()->entries(m_started);
                return entries && entries->size() == 3 &&
                       entries->last().html.contains(QStringLiteral("<table"));
            }(),
            15000);
        auto entries = m_window->notebook()->entries(m_started);
        QVERIFY2(entries->last().html.contains(QStringLiteral("lane order")),
                 qPrintable(entries->last().html));
        QVERIFY(entries->last().fromTemplate.isEmpty()); // written here, not started from one
    }

    void cleanupTestCase() {
        m_window.reset();
        std::printf("Screenshots in %s\n", qPrintable(m_shots.dir()));
    }

private:
    QAction *action(const char *name) {
        auto *a = m_window->findChild<QAction *>(QLatin1String(name));
        if (!a) qFatal("no action %s", name);
        return a;
    }
    static QPushButton *okButton(QWidget *dialog) {
        auto *buttons = dialog->findChild<QDialogButtonBox *>();
        return buttons ? buttons->button(QDialogButtonBox::Ok) : nullptr;
    }

    QTemporaryDir m_dir;
    QString m_vault;
    QString m_sop;
    QString m_started;
    std::unique_ptr<MainWindow> m_window;
    quire::test::Screenshots m_shots{QStringLiteral("templates")};
};

int main(int argc, char *argv[]) {
    return runGuiTest<TemplatesUiTest>(argc, argv, "tst_templates_ui");
}

#include "tst_templates_ui.moc"
