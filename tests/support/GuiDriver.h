#pragma once
// What the GUI tests share to act on the real window as a person does: unlock it, press a
// shortcut, click an experiment in the sidebar, wait for the page, read it back, and save a
// numbered screenshot of what is on screen. Functions that check with QVERIFY return nothing;
// the caller looks at QTest::currentTestFailed() where it matters.

#include "editor/EntryDialog.h"
#include "editor/EntryEditor.h"
#include "page/EntryPageView.h"
#include "sidebar/SidebarModel.h"
#include "unlock/UnlockDialog.h"
#include "window/MainWindow.h"

#include <QAction>
#include <QApplication>
#include <QColor>
#include <QDialogButtonBox>
#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QFileDialog>
#include <QJsonArray>
#include <QJsonDocument>
#include <QLineEdit>
#include <QPixmap>
#include <QProcess>
#include <QPushButton>
#include <QScreen>
#include <QSignalSpy>
#include <QTest>
#include <QTimer>
#include <QTreeView>

#include <QWebEngineScript>
#include <QWebEngineView>

#include <csignal>
#include <functional>
#include <memory>

namespace quire::test {

// Numbered PNGs of the screen in $QUIRE_SCREENSHOT_DIR/<folder> (next to the test program when
// the variable is unset). The screen, not QWidget::grab(): dialogs are windows of their own and
// the web views draw through their own surface; the screen shows what a person would see.
class Screenshots {
public:
    explicit Screenshots(const QString &folder = {}) {
        m_dir =
            qEnvironmentVariable("QUIRE_SCREENSHOT_DIR", QCoreApplication::applicationDirPath() +
                                                             QStringLiteral("/screenshots"));
        if (!folder.isEmpty()) m_dir += QLatin1Char('/') + folder;
        QDir().mkpath(m_dir);
        // Pictures of an earlier run would be mistaken for this run's.
        const QDir dir(m_dir);
        for (const QString &old : dir.entryList({QStringLiteral("*.png")}, QDir::Files))
            QFile::remove(dir.filePath(old));
    }
    QString dir() const { return m_dir; }

    // The area of `window` (and of `extra`, a window beside it); the path, or empty on failure.
    QString take(QWidget *window, const QString &name, QWidget *extra = nullptr) {
        window->raise();
        if (extra) extra->raise();
        QApplication::processEvents();
        QTest::qWait(200); // the web views present their last frame
        QRect area = window->frameGeometry();
        if (extra) area = area.united(extra->frameGeometry());
        const QPixmap shot =
            window->screen()->grabWindow(0, area.x(), area.y(), area.width(), area.height());
        const QString path = QStringLiteral("%1/%2-%3.png")
                                 .arg(m_dir)
                                 .arg(++m_number, 2, 10, QLatin1Char('0'))
                                 .arg(name);
        return shot.save(path) ? path : QString();
    }

private:
    QString m_dir;
    int m_number = 0;
};

// The page's HTML or text as the engine has it now; "<no answer>" if it does not answer.
inline QString pageContent(QWebEngineView *view, bool html, int timeoutMs = 5000) {
    QString content;
    bool done = false;
    auto take = [&](const QString &c) {
        content = c;
        done = true;
    };
    if (html)
        view->page()->toHtml(take);
    else
        view->page()->toPlainText(take);
    if (!QTest::qWaitFor([&] { return done; }, timeoutMs)) return QStringLiteral("<no answer>");
    return content;
}
inline QString pageHtml(QWebEngineView *view) {
    return pageContent(view, true);
}
inline QString pageText(QWebEngineView *view) {
    return pageContent(view, false);
}

// Runs `trigger` and waits until the page view has shown the document it leads to (loaded,
// or swapped in place); false if none came or it failed.
inline bool pageShownAfter(widgets::EntryPageView *view, const std::function<void()> &trigger,
                           int timeoutMs = 10000) {
    QSignalSpy shown(view, &widgets::EntryPageView::documentShown);
    trigger();
    if (shown.isEmpty() && !shown.wait(timeoutMs)) return false;
    return shown.last().first().toBool();
}

// The first visible dialog of this type under `parent`, once there is one.
template <typename Dialog> Dialog *waitForDialog(QObject *parent, int timeoutMs = 5000) {
    Dialog *dialog = nullptr;
    const bool found = QTest::qWaitFor(
        [&] {
            dialog = nullptr;
            for (Dialog *d : parent->findChildren<Dialog *>())
                if (d->isVisible()) dialog = d;
            return dialog != nullptr;
        },
        timeoutMs);
    return found ? dialog : nullptr;
}

// Answers the file dialog that something under `parent` opens. The dialog is modal and runs its
// own event loop, so a timer answers it: every 100 ms, for each visible QFileDialog with the
// `button`, `fill` fills it in and the button is clicked. It goes on answering for as long as a
// dialog is still showing (a completer's popup can take the first click), and after `giveUpMs`
// it rejects the dialog instead, so that a test whose dialog cannot be answered fails rather
// than hangs. answered() says whether it answered one.
class FileDialogAnswerer {
public:
    FileDialogAnswerer(QObject *parent, QDialogButtonBox::StandardButton button,
                       std::function<void(QFileDialog *)> fill, int giveUpMs = 30000) {
        m_started.start();
        m_timer.setInterval(100);
        QObject::connect(&m_timer, &QTimer::timeout, [=, this] {
            for (QFileDialog *chooser : parent->findChildren<QFileDialog *>()) {
                auto *buttons = chooser->findChild<QDialogButtonBox *>();
                if (!chooser->isVisible() || !buttons || !buttons->button(button)) continue;
                if (m_started.hasExpired(giveUpMs)) {
                    qWarning("FileDialogAnswerer: the file dialog was still open after %d ms",
                             giveUpMs);
                    chooser->reject();
                    continue;
                }
                fill(chooser);
                QTest::mouseClick(buttons->button(button), Qt::LeftButton);
                m_answered = true;
            }
        });
        m_timer.start();
    }
    bool answered() const { return m_answered; }

private:
    QTimer m_timer;
    QElapsedTimer m_started;
    bool m_answered = false;
};

// The action's shortcut must be the documented one. It is pressed when the window can take
// keyboard focus (Xvfb has no window manager to give it), else the action is triggered.
inline void pressShortcutOrTrigger(QWidget *window, const QKeySequence &keys,
                                   const QString &actionName) {
    auto *action = window->findChild<QAction *>(actionName);
    QVERIFY2(action, qPrintable(actionName));
    QCOMPARE(action->shortcut(), keys);
    QTRY_VERIFY(action->isEnabled());
    window->activateWindow();
    if (QTest::qWaitForWindowActive(window, 2000)) {
        QTest::keySequence(window, keys);
    } else {
        qInfo("window not active; triggering %s directly", qPrintable(actionName));
        action->trigger();
    }
}

// Waits for the window's unlock dialog, types the passphrase and presses Enter.
inline void unlockThroughDialog(widgets::MainWindow *window, const QByteArray &passphrase) {
    widgets::UnlockDialog *dialog = nullptr;
    QTRY_VERIFY((dialog = qobject_cast<widgets::UnlockDialog *>(window->gateDialog())) &&
                dialog->isVisible());
    auto *edit = dialog->findChild<QLineEdit *>(QStringLiteral("passphraseEdit"));
    QVERIFY(edit);
    QTest::keyClicks(edit, QString::fromUtf8(passphrase));
    QSignalSpy unlocked(window, &widgets::MainWindow::unlocked);
    QTest::keyClick(edit, Qt::Key_Return);
    QVERIFY(unlocked.wait(15000));
    QTRY_VERIFY(!window->gateDialog());
}

// Shows the window and unlocks it through its unlock dialog.
inline void openAndUnlock(widgets::MainWindow *window, const QByteArray &passphrase) {
    window->show();
    QVERIFY(QTest::qWaitForWindowExposed(window));
    window->start();
    unlockThroughDialog(window, passphrase);
}

// Whether at least `minimum` of the view's on-screen pixels (every fourth in each direction)
// have exactly this colour: what a person sees, not what the page's code says it shows.
inline bool colourOnScreen(QWidget *view, const QColor &colour, int minimum) {
    const QPoint origin = view->mapToGlobal(QPoint(0, 0));
    const QImage shot = view->screen()
                            ->grabWindow(0, origin.x(), origin.y(), view->width(), view->height())
                            .toImage();
    int hits = 0;
    for (int y = 0; y < shot.height(); y += 4)
        for (int x = 0; x < shot.width(); x += 4)
            if (QColor(shot.pixel(x, y)) == colour) ++hits;
    return hits >= minimum;
}

// Runs the window that crashes while it types (draft_crash_child, from QUIRE_DRAFT_CRASH_CHILD)
// on the vault: it writes `text` as a new entry `title` in the experiment and is killed by
// SIGKILL once the draft is kept. Checks that it got that far and was killed.
inline void runDraftCrashChild(const QString &vault, const QByteArray &passphrase,
                               const QString &experiment, const QString &title,
                               const QString &text) {
    const QString child = qEnvironmentVariable("QUIRE_DRAFT_CRASH_CHILD");
    QVERIFY2(!child.isEmpty(), "QUIRE_DRAFT_CRASH_CHILD is not set; run the test through ctest");
    QProcess process;
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert(QStringLiteral("QUIRE_TEST_PASSPHRASE"), QString::fromUtf8(passphrase));
    process.setProcessEnvironment(env);
    process.start(child, {vault, experiment, title, text});
    QVERIFY2(process.waitForStarted(), qPrintable(process.errorString()));
    QVERIFY(process.waitForFinished(150000));
    const QByteArray out = process.readAllStandardOutput();
    const QByteArray err = process.readAllStandardError();
    QVERIFY2(out.contains("draft kept"),
             qPrintable(QStringLiteral("status %1, code %2: %3")
                            .arg(int(process.exitStatus()))
                            .arg(process.exitCode())
                            .arg(QString::fromLocal8Bit(out + err).right(3000))));
    // Killed, not ended: Qt reports the signal as the exit code of a crashed process.
    QCOMPARE(process.exitStatus(), QProcess::CrashExit);
    QCOMPARE(process.exitCode(), int(SIGKILL));
}

inline int experimentCount(widgets::MainWindow *window) {
    return int(window->sidebarModel()->experiments().size());
}

// Clicks the experiment's row in the sidebar (the one under its project), scrolled into view
// first; false when the sidebar has no such row.
inline bool clickExperiment(widgets::MainWindow *window, const QString &uuid) {
    QTreeView *sidebar = window->sidebar();
    const QModelIndex index = window->sidebarModel()->indexOfExperiment(uuid);
    if (!index.isValid()) return false;
    sidebar->expand(index.parent());
    sidebar->scrollTo(index);
    QApplication::processEvents();
    const QRect rect = sidebar->visualRect(index);
    if (!rect.isValid()) return false;
    QTest::mouseClick(sidebar->viewport(), Qt::LeftButton, {}, rect.center());
    return true;
}

// ---- the entry editor ------------------------------------------------------------------------

// The editor's answer to requestHtml, or "<timeout>".
inline QString editorHtml(widgets::EntryEditor *editor, int timeoutMs = 10000) {
    // Shared, so that a late answer after a timeout writes into something still alive.
    auto answer = std::make_shared<std::pair<bool, QString>>(false, QString());
    editor->requestHtml([answer](const QString &html) {
        answer->first = true;
        answer->second = html;
    });
    if (!QTest::qWaitFor([&] { return answer->first; }, timeoutMs))
        return QStringLiteral("<timeout>");
    return answer->second;
}

// Runs script in a web view and gives back its value (in the page's own world unless told).
inline QVariant runScript(QWebEngineView *view, const QString &script,
                          quint32 world = QWebEngineScript::MainWorld, int timeoutMs = 10000) {
    auto answer = std::make_shared<std::pair<bool, QVariant>>(false, QVariant());
    view->page()->runJavaScript(script, world, [answer](const QVariant &value) {
        answer->first = true;
        answer->second = value;
    });
    if (!QTest::qWaitFor([&] { return answer->first; }, timeoutMs))
        return QStringLiteral("<timeout>");
    return answer->second;
}

// Shows an editor window and waits until its page is ready and holds the text it was given.
inline bool showEditor(widgets::EntryDialog *dialog) {
    if (!dialog) return false;
    if (!dialog->isVisible()) dialog->show();
    if (!QTest::qWaitForWindowExposed(dialog)) return false;
    QSignalSpy ready(dialog->editor(), &widgets::EntryEditor::ready);
    if (!dialog->editor()->isReady() && !ready.wait(30000)) return false;
    return editorHtml(dialog->editor()) != QLatin1String("<timeout>");
}

// Where the editor takes keys: the widget Chromium draws the page into.
inline QWidget *editorKeys(widgets::EntryEditor *editor) {
    return editor->view()->focusProxy();
}

// A click in the writing area below the toolbar, then to the end of the text.
inline void clickIntoText(widgets::EntryEditor *editor) {
    QWidget *page = editorKeys(editor);
    QTest::mouseClick(page, Qt::LeftButton, {}, QPoint(page->width() / 2, page->height() * 3 / 4));
    QTest::keyClick(page, Qt::Key_End, Qt::ControlModifier, 10);
    QTest::qWait(100);
}

inline void typeText(widgets::EntryEditor *editor, const QString &text) {
    QTest::keyClicks(editorKeys(editor), text, Qt::NoModifier, 5);
}

inline void pressKey(widgets::EntryEditor *editor, Qt::Key key,
                     Qt::KeyboardModifiers modifiers = Qt::NoModifier) {
    QTest::keyClick(editorKeys(editor), key, modifiers, 10);
}

// Clicks the element a CSS selector finds, at its middle, as the mouse would; false when the
// page has no such element on screen.
inline bool clickElement(QWebEngineView *view, const QString &selector,
                         quint32 world = QWebEngineScript::MainWorld) {
    const QString quoted =
        QString::fromUtf8(QJsonDocument(QJsonArray{selector}).toJson(QJsonDocument::Compact));
    const QVariant rect =
        runScript(view,
                  QStringLiteral("(function(s){const e=document.querySelector(s);if(!e)return null;"
                                 "e.scrollIntoView({block:'center'});"
                                 "const r=e.getBoundingClientRect();"
                                 "return [r.left+r.width/2,r.top+r.height/2];})(%1[0])")
                      .arg(quoted),
                  world);
    const QVariantList point = rect.toList();
    if (point.size() != 2) return false;
    const qreal zoom = view->zoomFactor();
    QTest::mouseClick(
        view->focusProxy(), Qt::LeftButton, {},
        QPoint(int(point.at(0).toDouble() * zoom), int(point.at(1).toDouble() * zoom)));
    return true;
}

} // namespace quire::test
