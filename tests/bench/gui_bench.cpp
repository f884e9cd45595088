// quire-gui-bench: the GUI figures of issues 5 and 18 — how long a person waits from starting
// Quire to a window they can work in with a large notebook (10,000 entries; --entries 100000
// for issue 18's 100,000 entries and 2,000 attachments), how long the page takes to follow a
// click on another experiment, how long the search results take to follow each key typed, how
// long Entry ▸ History… takes to show an entry's versions, and how much memory the open
// notebook costs. Every figure stands beside a plain baseline measured in the same run: an
// empty QMainWindow with a QWebEngineView (what Qt and Chromium cost before Quire does
// anything), setHtml of the very same page, scrypt with the vault's own parameters run by
// `openssl kdf`, a plain line edit over a plain list, a plain dialog with a plain table. It
// prints figures; it is not a test, and a missed target shows in the table, not in the exit
// code. Making a 100,000-entry notebook takes minutes: --vault DIR keeps it for the next run.
//
// Each launch is a fresh process of this program, started the way a person starts Quire: the
// clock starts just before the process is spawned. Quire has no way to take a passphrase
// without a person (on purpose), so the launched process builds the real MainWindow itself,
// types the passphrase into the real unlock dialog and presses Enter, exactly as the GUI tests
// do. The baseline is a second fresh process of the same program, so both pay for the same
// shared libraries.

#include "BenchReport.h"
#include "history/HistoryDialog.h"
#include "Notebook.h"
#include "page/EntryPageRenderer.h"
#include "page/EntryPageView.h"
#include "page/UrlSecurity.h"
#include "settings/Language.h"
#include "sidebar/SearchPanel.h"
#include "sidebar/SidebarModel.h"
#include "unlock/UnlockDialog.h"
#include "window/MainWindow.h"

#include <QAbstractItemModel>
#include <QAction>
#include <QApplication>
#include <QCommandLineParser>
#include <QDateTime>
#include <QDialog>
#include <QDir>
#include <QDirIterator>
#include <QElapsedTimer>
#include <QFile>
#include <QFileInfo>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLineEdit>
#include <QListView>
#include <QLocale>
#include <QMainWindow>
#include <QPointer>
#include <QStandardItemModel>
#include <QStandardPaths>
#include <QSysInfo>
#include <QTableWidget>
#include <QTemporaryDir>
#include <QTest>
#include <QTextStream>
#include <QTimer>
#include <QTreeView>
#include <QVBoxLayout>
#include <QWebEngineView>

#include <algorithm>
#include <cerrno>
#include <cmath>
#include <cstdint>
#include <cstdio>
#include <cstring>
#include <ctime>
#include <functional>
#include <map>
#include <optional>
#include <random>
#include <string>
#include <vector>

#include <fcntl.h>
#include <sched.h>
#include <signal.h>
#include <spawn.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

extern char **environ;

namespace {

using quire::Notebook;

// The same passphrase as quire-bench, so that a vault it kept (--keep) can be measured here too.
const QByteArray kPassphrase = QByteArrayLiteral("bench passphrase, not a secret");
constexpr char kStartEnv[] = "QUIRE_GUI_BENCH_START_NS";
constexpr char kChildQuire[] = "--child-quire";
constexpr char kChildBaseline[] = "--child-baseline";
constexpr int kSettleMs = 300; // between measurements, so one's tail does not run into the next

QTextStream &err() {
    static QTextStream s(stderr);
    return s;
}

void progress(const QString &line) {
    err() << "quire-gui-bench: " << line << Qt::endl;
}

// CLOCK_MONOTONIC is one clock for all processes of the machine, so a child can measure from
// the instant its parent spawned it.
qint64 nowNs() {
    timespec t{};
    clock_gettime(CLOCK_MONOTONIC, &t);
    return qint64(t.tv_sec) * 1000000000 + t.tv_nsec;
}

double msBetween(qint64 from, qint64 to) {
    if (from <= 0 || to <= 0) return NAN;
    return double(to - from) / 1e6;
}

// ---- statistics and machine facts -----------------------------------------------------------

double medianOf(QList<double> values) {
    values.removeIf([](double v) { return std::isnan(v); });
    if (values.isEmpty()) return NAN;
    std::sort(values.begin(), values.end());
    const qsizetype mid = values.size() / 2;
    return values.size() % 2 ? values[mid] : (values[mid - 1] + values[mid]) / 2;
}

// Nearest rank: with few runs the p95 is the slowest run, which is what it should say.
double p95Of(QList<double> values) {
    values.removeIf([](double v) { return std::isnan(v); });
    if (values.isEmpty()) return NAN;
    std::sort(values.begin(), values.end());
    const auto rank = qsizetype(std::ceil(0.95 * double(values.size())));
    return values[std::clamp<qsizetype>(rank - 1, 0, values.size() - 1)];
}

double maxOf(const QList<double> &values) {
    double best = NAN;
    for (double v : values)
        if (!std::isnan(v) && (std::isnan(best) || v > best)) best = v;
    return best;
}

QString loadAverage() {
    QFile f(QStringLiteral("/proc/loadavg"));
    if (!f.open(QIODevice::ReadOnly)) return QStringLiteral("?");
    return QString::fromLatin1(f.readAll()).section(' ', 0, 2);
}

QString procField(const QString &path, const QString &key) {
    QFile f(path);
    // Files in /proc report a size of 0, so they are read whole rather than up to atEnd().
    if (!f.open(QIODevice::ReadOnly)) return {};
    for (const QByteArray &line : f.readAll().split('\n'))
        if (line.startsWith(key.toUtf8()))
            return QString::fromUtf8(line.mid(line.indexOf(':') + 1)).trimmed();
    return {};
}

int usableCpus() {
    cpu_set_t set;
    CPU_ZERO(&set);
    return sched_getaffinity(0, sizeof set, &set) == 0 ? CPU_COUNT(&set)
                                                       : int(sysconf(_SC_NPROCESSORS_ONLN));
}

QString fmt(double v, int decimals) {
    return quire::bench::number(v, decimals);
}

// ---- memory ---------------------------------------------------------------------------------

// Resident memory of this process and of the Chromium helpers it started (QtWebEngineProcess:
// zygote, renderer, GPU/utility), found through the parent links in /proc.
struct Memory {
    double selfMB = NAN;
    double webMB = NAN;
    int webProcesses = 0;
    double pssMB = NAN; // proportional set size of all of them: shared pages counted once
    QJsonObject toJson() const {
        return {{"self_mb", selfMB},
                {"web_mb", webMB},
                {"web_processes", webProcesses},
                {"pss_mb", pssMB}};
    }
    static Memory fromJson(const QJsonObject &o) {
        Memory m;
        m.selfMB = o.value("self_mb").toDouble(NAN);
        m.webMB = o.value("web_mb").toDouble(NAN);
        m.webProcesses = o.value("web_processes").toInt();
        m.pssMB = o.value("pss_mb").toDouble(NAN);
        return m;
    }
};

double kibFieldMB(const QString &file, const QString &key) {
    const QString v = procField(file, key);
    if (v.isEmpty()) return NAN;
    return v.section(' ', 0, 0).toDouble() * 1024 / 1e6;
}

Memory measureMemory() {
    Memory m;
    const pid_t self = getpid();
    m.selfMB = kibFieldMB(QStringLiteral("/proc/self/status"), QStringLiteral("VmRSS:"));
    double pss = kibFieldMB(QStringLiteral("/proc/self/smaps_rollup"), QStringLiteral("Pss:"));
    struct Proc {
        pid_t parent = 0;
        QByteArray name;
    };
    std::map<pid_t, Proc> table;
    const QDir proc(QStringLiteral("/proc"));
    for (const QString &entry : proc.entryList(QDir::Dirs | QDir::NoDotAndDotDot)) {
        bool numeric = false;
        const pid_t pid = pid_t(entry.toInt(&numeric));
        if (!numeric) continue;
        QFile stat(QStringLiteral("/proc/%1/stat").arg(pid));
        if (!stat.open(QIODevice::ReadOnly)) continue;
        // "pid (comm) state ppid …": comm may hold spaces and parentheses, so split at the last
        // ')'.
        const QByteArray line = stat.readAll();
        const qsizetype open = line.indexOf('('), close = line.lastIndexOf(')');
        if (open < 0 || close < open) continue;
        const QList<QByteArray> rest = line.mid(close + 2).split(' ');
        if (rest.size() < 2) continue;
        table[pid] = Proc{pid_t(rest[1].toInt()), line.mid(open + 1, close - open - 1)};
    }
    auto descendsFromSelf = [&](pid_t pid) {
        for (int depth = 0; depth < 64 && pid > 1; ++depth) {
            const auto it = table.find(pid);
            if (it == table.end()) return false;
            pid = it->second.parent;
            if (pid == self) return true;
        }
        return false;
    };
    double web = 0;
    for (const auto &[pid, p] : table) {
        // The kernel keeps 15 characters of the name: "QtWebEngineProc".
        if (!p.name.startsWith("QtWebEngineProc") || !descendsFromSelf(pid)) continue;
        const double rss =
            kibFieldMB(QStringLiteral("/proc/%1/status").arg(pid), QStringLiteral("VmRSS:"));
        if (std::isnan(rss)) continue;
        web += rss;
        ++m.webProcesses;
        pss += kibFieldMB(QStringLiteral("/proc/%1/smaps_rollup").arg(pid), QStringLiteral("Pss:"));
    }
    m.webMB = web;
    m.pssMB = pss;
    return m;
}

// ---- the launched processes -----------------------------------------------------------------

// Runs the event loop until `done` holds. The moments measured are taken where they happen
// (signal handlers, the event filter), so how often this loop looks does not matter.
bool spinUntil(const std::function<bool()> &done, int timeoutMs) {
    QElapsedTimer waited;
    waited.start();
    QTimer wake; // WaitForMoreEvents would sleep past the deadline if nothing else happened
    wake.start(50);
    while (!done()) {
        if (waited.elapsed() > timeoutMs) return false;
        QCoreApplication::processEvents(QEventLoop::WaitForMoreEvents);
    }
    return true;
}

void settle(int ms) {
    QTest::qWait(ms);
}

// Follows one page of a web view to the moment a person sees it: the page is in place (a plain
// view's loadFinished; Quire's view says documentShown, after a load or a swap in place), then
// the next paint of the view's render widget (the frame with the new page), then the first turn
// of the event loop after it (the UI thread has caught up and takes input again).
class PageWatch : public QObject {
public:
    explicit PageWatch(QWebEngineView *view)
        : m_view(view) {
        if (auto *ours = qobject_cast<quire::widgets::EntryPageView *>(view))
            connect(ours, &quire::widgets::EntryPageView::documentShown, this, &PageWatch::loaded);
        else
            connect(view, &QWebEngineView::loadFinished, this, &PageWatch::loaded);
        qApp->installEventFilter(this);
    }

    void arm() {
        m_armed = true;
        m_loadedAt = m_paintedAt = m_idleAt = 0;
        m_ok = false;
        m_paintMissing = false;
    }
    bool done() const { return m_idleAt > 0; }
    bool ok() const { return m_ok; }
    bool paintMissing() const { return m_paintMissing; }
    qint64 loadedAt() const { return m_loadedAt; }
    qint64 paintedAt() const { return m_paintedAt; }
    qint64 idleAt() const { return m_idleAt; }
    // Chromium may give a page a new renderer process on navigation; each one starts cold.
    qint64 rendererPid() const { return m_view ? m_view->page()->renderProcessPid() : 0; }

protected:
    bool eventFilter(QObject *watched, QEvent *event) override {
        if (event->type() == QEvent::Paint && m_armed && m_loadedAt > 0 && m_paintedAt == 0 &&
            watched->isWidgetType()) {
            auto *w = static_cast<QWidget *>(watched);
            if (w == m_view || m_view->isAncestorOf(w)) {
                m_paintedAt = nowNs();
                scheduleIdle();
            }
        }
        return false;
    }

private:
    void loaded(bool ok) {
        if (!m_armed || m_loadedAt > 0) return;
        m_loadedAt = nowNs();
        m_ok = ok;
        // Should Chromium have presented the frame before it reported the load, no paint
        // follows; the figure then ends at the load (and the report says so).
        QTimer::singleShot(1000, this, [this, at = m_loadedAt] {
            if (m_loadedAt == at && m_paintedAt == 0) {
                m_paintMissing = true;
                scheduleIdle();
            }
        });
    }
    void scheduleIdle() {
        QTimer::singleShot(0, this, [this] {
            if (m_idleAt == 0) {
                m_idleAt = nowNs();
                m_armed = false;
            }
        });
    }

    QPointer<QWebEngineView> m_view;
    bool m_armed = false;
    bool m_ok = false;
    bool m_paintMissing = false;
    qint64 m_loadedAt = 0;
    qint64 m_paintedAt = 0;
    qint64 m_idleAt = 0;
};

// The first paint in each top-level window, and when the unlock dialog hides (the worker has
// handed over the unlocked notebook).
class WindowWatch : public QObject {
public:
    WindowWatch() { qApp->installEventFilter(this); }
    qint64 firstPaint(const QWidget *w) const { return m_firstPaint.value(w, 0); }
    void watchHide(QWidget *w) {
        m_hideOf = w;
        m_hiddenAt = 0;
    }
    qint64 hiddenAt() const { return m_hiddenAt; }

protected:
    bool eventFilter(QObject *watched, QEvent *event) override {
        if (!watched->isWidgetType()) return false;
        auto *w = static_cast<QWidget *>(watched);
        // Keyed by window: a window covered by opaque children never paints itself.
        if (event->type() == QEvent::Paint && !m_firstPaint.contains(w->window()))
            m_firstPaint.insert(w->window(), nowNs());
        if (event->type() == QEvent::Hide && w == m_hideOf && m_hiddenAt == 0) m_hiddenAt = nowNs();
        return false;
    }

private:
    QHash<const QWidget *, qint64> m_firstPaint;
    QPointer<QWidget> m_hideOf;
    qint64 m_hiddenAt = 0;
};

// Follows a change of widgets to the moment a person sees it: the moment the content was last
// changed (mark), the next paint of a widget that shows it (`shows`), then the first turn of the
// event loop after that paint. A change that paints nothing (the same empty state again) ends at
// the change, a second later, and says so.
class UpdateWatch : public QObject {
public:
    explicit UpdateWatch(std::function<bool(const QWidget *)> shows)
        : m_shows(std::move(shows)) {
        qApp->installEventFilter(this);
    }
    void arm() {
        m_armed = true;
        m_updatedAt = m_paintedAt = m_idleAt = 0;
        m_paintMissing = false;
    }
    // The last change counts: a list filled row by row is updated when its last row is in.
    void mark() {
        if (!m_armed || m_paintedAt > 0) return;
        m_updatedAt = nowNs();
        QTimer::singleShot(1000, this, [this, at = m_updatedAt] {
            if (m_updatedAt == at && m_paintedAt == 0 && m_idleAt == 0) {
                m_paintMissing = true;
                m_paintedAt = at;
                scheduleIdle();
            }
        });
    }
    bool done() const { return m_idleAt > 0; }
    bool paintMissing() const { return m_paintMissing; }
    qint64 updatedAt() const { return m_updatedAt; }
    qint64 paintedAt() const { return m_paintedAt; }
    qint64 idleAt() const { return m_idleAt; }
    QJsonObject times(qint64 start) const {
        return {{"updated_ms", msBetween(start, m_updatedAt)},
                {"painted_ms", msBetween(start, m_paintedAt)},
                {"idle_ms", msBetween(start, m_idleAt)},
                {"paint_missing", m_paintMissing}};
    }

protected:
    bool eventFilter(QObject *watched, QEvent *event) override {
        if (event->type() == QEvent::Paint && m_armed && m_updatedAt > 0 && m_paintedAt == 0 &&
            watched->isWidgetType() && m_shows(static_cast<QWidget *>(watched))) {
            m_paintedAt = nowNs();
            scheduleIdle();
        }
        return false;
    }

private:
    void scheduleIdle() {
        QTimer::singleShot(0, this, [this] {
            if (m_idleAt == 0) {
                m_idleAt = nowNs();
                m_armed = false;
            }
        });
    }

    std::function<bool(const QWidget *)> m_shows;
    bool m_armed = false;
    bool m_paintMissing = false;
    qint64 m_updatedAt = 0;
    qint64 m_paintedAt = 0;
    qint64 m_idleAt = 0;
};

bool within(const QWidget *w, const QWidget *root) {
    return root && (w == root || root->isAncestorOf(w));
}

qint64 startOfProcess() {
    bool ok = false;
    const qint64 t = qEnvironmentVariable(kStartEnv).toLongLong(&ok);
    return ok ? t : 0;
}

bool writeJson(const QString &path, const QJsonObject &o) {
    QFile f(path);
    const QByteArray bytes = QJsonDocument(o).toJson(QJsonDocument::Compact);
    return f.open(QIODevice::WriteOnly) && f.write(bytes) == bytes.size() && f.flush();
}

// One switch: the trigger (a click, or setHtml) and what followed.
QJsonObject switchTimes(qint64 start, qint64 returned, const PageWatch &watch) {
    return {{"returned_ms", msBetween(start, returned)},
            {"loaded_ms", msBetween(start, watch.loadedAt())},
            {"painted_ms", msBetween(start, watch.paintedAt())},
            {"idle_ms", msBetween(start, watch.idleAt())},
            {"paint_missing", watch.paintMissing()},
            {"ok", watch.ok()},
            {"renderer_pid", qint64(watch.rendererPid())}};
}

// quire-gui-bench --child-quire VAULT RESULT HTML_DIR SWITCHES [QUERY HISTORIES]: Quire's own
// main window.
int childQuire(int argc, char *argv[]) {
    const qint64 mainAt = nowNs();
    const qint64 startAt = startOfProcess();
    if (argc < 6) return 2;
    const QString vault = QString::fromLocal8Bit(argv[2]);
    const QString resultPath = QString::fromLocal8Bit(argv[3]);
    const QString htmlDir = QString::fromLocal8Bit(argv[4]);
    const int switches = std::max(0, std::atoi(argv[5]));

    // What app/gui_main.cpp does before the window, in the same order.
    ::umask(077);
    quire::widgets::hardenWebEngineEnvironment();
    quire::widgets::registerUrlSchemes();
    QStandardPaths::setTestModeEnabled(true); // the reader's own settings stay out of the figures
    QCoreApplication::setOrganizationName(QStringLiteral("Quire"));
    QCoreApplication::setApplicationName(QStringLiteral("Quire"));
    QCoreApplication::setAttribute(Qt::AA_ShareOpenGLContexts);
    QApplication app(argc, argv);
    QGuiApplication::setDesktopFileName(QStringLiteral("org.quire.Quire"));
    QGuiApplication::setApplicationDisplayName(QStringLiteral("Quire"));
    quire::widgets::MainWindow::useFallbackIconTheme();
    quire::widgets::installTranslations();

    QJsonObject result{{"start_to_main_ms", msBetween(startAt, mainAt)}};
    auto fail = [&](const QString &why) {
        result.insert("error", why);
        writeJson(resultPath, result);
        return 1;
    };
    WindowWatch windows;
    quire::widgets::MainWindow window(vault);
    window.show();
    window.start();
    auto *gate = qobject_cast<quire::widgets::UnlockDialog *>(window.gateDialog());
    if (!gate) return fail(QStringLiteral("the window did not open the unlock dialog"));
    qint64 shownAt = 0;
    bool scheduled = false;
    const bool shown = spinUntil(
        [&] {
            if (!scheduled && windows.firstPaint(&window) && windows.firstPaint(gate)) {
                scheduled = true;
                QTimer::singleShot(0, [&] { shownAt = nowNs(); });
            }
            return shownAt > 0;
        },
        60000);
    if (!shown) return fail(QStringLiteral("the window or the unlock dialog was never painted"));
    result.insert("shown_ms", msBetween(startAt, shownAt));
    result.insert("main_to_shown_ms", msBetween(mainAt, shownAt));

    // A person types the passphrase (not timed) and presses Enter (the clock starts).
    auto *edit = gate->findChild<QLineEdit *>(QStringLiteral("passphraseEdit"));
    if (!edit) return fail(QStringLiteral("the unlock dialog has no passphrase field"));
    QTest::keyClicks(edit, QString::fromUtf8(kPassphrase));
    settle(100);
    windows.watchHide(gate);
    PageWatch page(window.entryView());
    page.arm();
    qint64 adoptedAt = 0;
    QObject::connect(&window, &quire::widgets::MainWindow::unlocked, [&] { adoptedAt = nowNs(); });
    const qint64 enterAt = nowNs();
    QTest::keyClick(edit, Qt::Key_Return);
    if (!gate->isBusy()) return fail(QStringLiteral("Enter in the unlock dialog did not unlock"));
    if (!spinUntil([&] { return page.done(); }, 120000))
        return fail(QStringLiteral("the first page did not finish loading (%1)")
                        .arg(window.notebook() ? QStringLiteral("the notebook is open")
                                               : QStringLiteral("the notebook did not open")));
    QTreeView *sidebar = window.sidebar();
    quire::widgets::SidebarModel *model = window.sidebarModel();
    const int rows = int(model->experiments().size());
    if (rows < 2) return fail(QStringLiteral("the notebook has fewer than two experiments"));
    result.insert("enter_to_unlocked_ms", msBetween(enterAt, windows.hiddenAt()));
    result.insert("unlocked_to_adopted_ms", msBetween(windows.hiddenAt(), adoptedAt));
    result.insert("adopted_to_loaded_ms", msBetween(adoptedAt, page.loadedAt()));
    result.insert("loaded_to_painted_ms", msBetween(page.loadedAt(), page.paintedAt()));
    result.insert("painted_to_idle_ms", msBetween(page.paintedAt(), page.idleAt()));
    result.insert("unlocked_to_usable_ms", msBetween(windows.hiddenAt(), page.idleAt()));
    result.insert("enter_to_usable_ms", msBetween(enterAt, page.idleAt()));
    result.insert("first_page_ok", page.ok());
    result.insert("first_page_paint_missing", page.paintMissing());
    result.insert("experiments_listed", rows);
    const QSize viewSize = window.entryView()->size();
    result.insert("page_view",
                  QStringLiteral("%1x%2").arg(viewSize.width()).arg(viewSize.height()));

    settle(kSettleMs);
    result.insert("memory_launch", measureMemory().toJson());

    // Switching: a click on the other experiment in the sidebar, as a person does it: the two
    // most recently changed experiments, each in its project's folder.
    const QModelIndex first = model->indexOfExperiment(model->experiments().at(0).uuid);
    const QModelIndex second = model->indexOfExperiment(model->experiments().at(1).uuid);
    QJsonArray switchRuns;
    int wrongTitles = 0;
    for (int i = 0; i < switches; ++i) {
        const QModelIndex target = i % 2 == 0 ? second : first;
        sidebar->scrollTo(target);
        const QRect rect = sidebar->visualRect(target);
        if (!rect.isValid()) return fail(QStringLiteral("the experiment row is not on screen"));
        page.arm();
        const qint64 clickAt = nowNs();
        QTest::mouseClick(sidebar->viewport(), Qt::LeftButton, {}, rect.center());
        const qint64 returnedAt = nowNs();
        if (!spinUntil([&] { return page.done(); }, 60000))
            return fail(QStringLiteral("switch %1: the page did not load").arg(i + 1));
        switchRuns.append(switchTimes(clickAt, returnedAt, page));
        if (window.entryView()->title() != target.data(Qt::DisplayRole).toString()) ++wrongTitles;
        settle(kSettleMs);
    }
    result.insert("switches", switchRuns);
    result.insert("switch_wrong_titles", wrongTitles);
    result.insert("switches_in_place", window.entryView()->swapCount());
    result.insert("memory_switched", measureMemory().toJson());

    // Where the click's own time goes: the model's queries and the page's HTML, each alone.
    Notebook *nb = window.notebook();
    QJsonArray pages;
    for (const QModelIndex &index : {first, second}) {
        const QString uuid = index.data(quire::widgets::SidebarModel::UuidRole).toString();
        QList<double> modelMs, renderMs;
        QString html;
        int entryCount = 0, shown = 0;
        for (int k = 0; k < 5; ++k) {
            // The page as the window makes it: the latest entries, the rest behind links.
            using quire::widgets::EntryPageRenderer;
            const qint64 a = nowNs();
            auto experiment = nb->experiment(uuid);
            auto run = nb->entryRun(uuid, -1, EntryPageRenderer::kPageSize);
            const qint64 b = nowNs();
            if (!experiment || !run) return fail(experiment ? run.error() : experiment.error());
            html = EntryPageRenderer::experimentPage(*experiment, *run, nb->me().uuid);
            const qint64 c = nowNs();
            modelMs << msBetween(a, b);
            renderMs << msBetween(b, c);
            entryCount = run->total;
            shown = int(run->entries.size());
        }
        const QByteArray bytes = html.toUtf8();
        QFile out(QStringLiteral("%1/page-%2.html").arg(htmlDir).arg(pages.size()));
        if (!out.open(QIODevice::WriteOnly) || out.write(bytes) != bytes.size())
            return fail(QStringLiteral("could not write %1").arg(out.fileName()));
        pages.append(QJsonObject{{"entries", entryCount},
                                 {"shown", shown},
                                 {"html_bytes", bytes.size()},
                                 {"model_ms", medianOf(modelMs)},
                                 {"render_ms", medianOf(renderMs)}});
    }
    result.insert("pages", pages);

    // Search as you type: the query typed into the toolbar's field one key at a time, each key
    // until the results shown have changed and been painted (kSettleMs apart, longer than the
    // panel's SearchPanel::kDebounceMs, so that no key's results are swallowed by the next's).
    const QString query = argc > 6 ? QString::fromUtf8(argv[6]) : QString();
    const int histories = argc > 7 ? std::max(0, std::atoi(argv[7])) : 0;
    if (!query.isEmpty()) {
        using quire::widgets::SearchPanel;
        QLineEdit *field = window.searchField();
        SearchPanel *panel = window.searchPanel();
        QStandardItemModel *hits = panel->results();
        UpdateWatch found([panel](const QWidget *w) { return within(w, panel); });
        QObject::connect(hits, &QAbstractItemModel::modelReset, &found, [&] { found.mark(); });
        QObject::connect(hits, &QAbstractItemModel::rowsInserted, &found, [&] { found.mark(); });
        QList<QStringList> shownTitles; // what each key brought, for the baseline to show
        QJsonArray keys;
        for (qsizetype i = 0; i < query.size(); ++i) {
            found.arm();
            const qint64 keyAt = nowNs();
            QTest::keyClick(field, query.at(i).toLatin1());
            const qint64 returnedAt = nowNs();
            if (!spinUntil([&] { return found.done(); }, 60000))
                return fail(QStringLiteral("key %1 of “%2”: the results were not updated")
                                .arg(i + 1)
                                .arg(query));
            QJsonObject o = found.times(keyAt);
            o.insert("returned_ms", msBetween(keyAt, returnedAt));
            o.insert("results", panel->resultCount());
            keys.append(o);
            QStringList titles;
            for (int row = 0; row < hits->rowCount(); ++row)
                titles << hits->item(row)->text();
            shownTitles << titles;
            settle(kSettleMs);
        }
        result.insert("search_keys", keys);
        result.insert("search_panel", QStringLiteral("%1x%2")
                                          .arg(panel->resultList()->width())
                                          .arg(panel->resultList()->height()));
        QTest::keyClick(field, Qt::Key_Escape);
        settle(kSettleMs);

        // Where a key's time goes: Notebook::search alone, for each text the keys made.
        QJsonArray modelMs;
        for (qsizetype i = 1; i <= query.size(); ++i) {
            const QString typed = query.left(i).trimmed();
            const qint64 a = nowNs();
            auto r = nb->search(typed, SearchPanel::kLimit, {});
            modelMs.append(msBetween(a, nowNs()));
            if (!r) return fail(r.error());
        }
        result.insert("search_model_ms", modelMs);

        // The floor: a plain QLineEdit over a plain QListView, as big as the panel's list, that
        // shows the very same titles at once on every key (no pause, no snippets).
        QWidget plain;
        auto *plainLayout = new QVBoxLayout(&plain);
        auto *plainField = new QLineEdit(&plain);
        auto *plainList = new QListView(&plain);
        auto *plainModel = new QStandardItemModel(&plain);
        plainList->setModel(plainModel);
        plainLayout->addWidget(plainField);
        plainLayout->addWidget(plainList, 1);
        plain.resize(panel->resultList()->width(), panel->resultList()->height() + field->height());
        UpdateWatch listed([plainList](const QWidget *w) { return within(w, plainList); });
        QObject::connect(plainField, &QLineEdit::textChanged, &plain, [&](const QString &text) {
            plainModel->clear();
            for (const QString &t : shownTitles.value(text.size() - 1))
                plainModel->appendRow(new QStandardItem(t));
            listed.mark();
        });
        plain.show();
        if (!QTest::qWaitForWindowExposed(&plain))
            return fail(QStringLiteral("the baseline's search window was not shown"));
        settle(kSettleMs);
        QJsonArray plainKeys;
        for (qsizetype i = 0; i < query.size(); ++i) {
            listed.arm();
            const qint64 keyAt = nowNs();
            QTest::keyClick(plainField, query.at(i).toLatin1());
            const qint64 returnedAt = nowNs();
            if (!spinUntil([&] { return listed.done(); }, 60000))
                return fail(QStringLiteral("the baseline's list was not updated"));
            QJsonObject o = listed.times(keyAt);
            o.insert("returned_ms", msBetween(keyAt, returnedAt));
            plainKeys.append(o);
            settle(kSettleMs);
        }
        result.insert("search_keys_baseline", plainKeys);
        plain.hide();
        settle(kSettleMs);
    }

    // An entry's history: Entry ▸ History… (the action) until the dialog shows the versions
    // of the page's current entry, painted.
    if (histories > 0) {
        using quire::widgets::HistoryDialog;
        auto *action = window.findChild<QAction *>(QStringLiteral("historyAction"));
        if (!action || !action->isEnabled())
            return fail(QStringLiteral("Entry ▸ History… is missing or disabled"));
        auto inTable = [](const QWidget *w) {
            for (const QWidget *p = w; p; p = p->parentWidget())
                if (p->objectName() == QLatin1String("versionTable")) return true;
            return false;
        };
        UpdateWatch shown(inTable);
        QJsonArray opens;
        QList<QStringList> cells; // the table as shown, for the baseline
        for (int i = 0; i < histories; ++i) {
            shown.arm();
            const qint64 at = nowNs();
            action->trigger();
            const qint64 returnedAt = nowNs();
            auto *dialog = window.findChild<HistoryDialog *>();
            if (!dialog) return fail(QStringLiteral("Entry ▸ History… opened no dialog"));
            shown.mark();
            if (!spinUntil([&] { return shown.done(); }, 60000))
                return fail(QStringLiteral("the history dialog was not painted"));
            auto *table = dialog->findChild<QTableWidget *>(QStringLiteral("versionTable"));
            QJsonObject o = shown.times(at);
            o.insert("returned_ms", msBetween(at, returnedAt));
            o.insert("versions", table ? table->rowCount() : 0);
            opens.append(o);
            if (i == 0 && table)
                for (int row = 0; row < table->rowCount(); ++row) {
                    QStringList line;
                    for (int column = 0; column < table->columnCount(); ++column)
                        line << (table->item(row, column) ? table->item(row, column)->text()
                                                          : QString());
                    cells << line;
                }
            dialog->reject();
            settle(kSettleMs);
        }
        result.insert("history_opens", opens);
        QList<double> historyMs;
        const QString entry = window.currentEntry();
        for (int k = 0; k < 5; ++k) {
            const qint64 a = nowNs();
            auto h = nb->history(entry);
            historyMs << msBetween(a, nowNs());
            if (!h) return fail(h.error());
        }
        result.insert("history_model_ms", medianOf(historyMs));

        // The floor: a plain dialog with a plain table of the same cells, opened the same way.
        UpdateWatch plainShown(inTable);
        QJsonArray plainOpens;
        for (int i = 0; i < histories; ++i) {
            plainShown.arm();
            const qint64 at = nowNs();
            auto *dialog = new QDialog(&window);
            dialog->resize(1060, 720);
            auto *layout = new QVBoxLayout(dialog);
            auto *table = new QTableWidget(int(cells.size()), 5, dialog);
            table->setObjectName(QStringLiteral("versionTable"));
            for (int row = 0; row < cells.size(); ++row)
                for (int column = 0; column < 5; ++column)
                    table->setItem(row, column, new QTableWidgetItem(cells[row].value(column)));
            layout->addWidget(table);
            dialog->open();
            const qint64 returnedAt = nowNs();
            plainShown.mark();
            if (!spinUntil([&] { return plainShown.done(); }, 60000))
                return fail(QStringLiteral("the baseline's dialog was not painted"));
            QJsonObject o = plainShown.times(at);
            o.insert("returned_ms", msBetween(at, returnedAt));
            plainOpens.append(o);
            dialog->reject();
            dialog->deleteLater();
            settle(kSettleMs);
        }
        result.insert("history_opens_baseline", plainOpens);
    }
    if (!writeJson(resultPath, result)) return 1;
    window.close();
    return 0;
}

// quire-gui-bench --child-baseline RESULT SMALL_HTML HTML_DIR SWITCHES WxH: the floor — an empty
// main window with a web view, set up before the window shows (as Quire's page view is), then a
// small local page; then setHtml of the same two pages Quire switched between.
int childBaseline(int argc, char *argv[]) {
    const qint64 mainAt = nowNs();
    const qint64 startAt = startOfProcess();
    if (argc < 7) return 2;
    const QString resultPath = QString::fromLocal8Bit(argv[2]);
    const QString smallPage = QString::fromLocal8Bit(argv[3]);
    const QString htmlDir = QString::fromLocal8Bit(argv[4]);
    const int switches = std::max(0, std::atoi(argv[5]));

    // The same Chromium switches as Quire, so that both engines start alike.
    quire::widgets::hardenWebEngineEnvironment();
    QStandardPaths::setTestModeEnabled(true);
    QCoreApplication::setAttribute(Qt::AA_ShareOpenGLContexts);
    QApplication app(argc, argv);

    QJsonObject result{{"start_to_main_ms", msBetween(startAt, mainAt)}};
    auto fail = [&](const QString &why) {
        result.insert("error", why);
        writeJson(resultPath, result);
        return 1;
    };
    WindowWatch windows;
    QMainWindow window;
    auto *central = new QWidget(&window);
    auto *layout = new QHBoxLayout(central);
    layout->setContentsMargins(0, 0, 0, 0);
    auto *view = new QWebEngineView(central);
    view->page(); // the engine starts here, as it does in Quire's window constructor
    // The page gets as many pixels as Quire's page view had, so that both lay out the same
    // lines; the rest of the window stays empty.
    const QStringList wh = QString::fromLatin1(argv[6]).split('x');
    const QSize pageSize = wh.size() == 2 ? QSize(wh[0].toInt(), wh[1].toInt()) : QSize();
    layout->addStretch(1);
    layout->addWidget(view, 0, Qt::AlignTop);
    if (pageSize.isValid()) view->setFixedSize(pageSize);
    window.setCentralWidget(central);
    window.resize(1280, 800);
    window.show();
    qint64 shownAt = 0;
    bool scheduled = false;
    if (!spinUntil(
            [&] {
                if (!scheduled && windows.firstPaint(&window)) {
                    scheduled = true;
                    QTimer::singleShot(0, [&] { shownAt = nowNs(); });
                }
                return shownAt > 0;
            },
            60000))
        return fail(QStringLiteral("the window was never painted"));
    result.insert("shown_ms", msBetween(startAt, shownAt));
    result.insert("main_to_shown_ms", msBetween(mainAt, shownAt));

    PageWatch page(view);
    page.arm();
    const qint64 loadAt = nowNs();
    view->load(QUrl::fromLocalFile(smallPage));
    if (!spinUntil([&] { return page.done(); }, 60000))
        return fail(QStringLiteral("the small page did not load"));
    result.insert("load_to_usable_ms", msBetween(loadAt, page.idleAt()));
    result.insert("usable_ms", msBetween(startAt, page.idleAt()));
    result.insert("first_page_ok", page.ok());
    settle(kSettleMs);
    result.insert("memory_launch", measureMemory().toJson());

    QList<QByteArray> html;
    for (int i = 0; i < 2; ++i) {
        QFile f(QStringLiteral("%1/page-%2.html").arg(htmlDir).arg(i));
        if (f.open(QIODevice::ReadOnly)) html << f.readAll();
    }
    if (html.size() == 2 && switches > 0) {
        auto pageUrl = [&](int which) {
            return QUrl::fromLocalFile(QStringLiteral("%1/page-%2.html").arg(htmlDir).arg(which));
        };
        // setHtml goes through a data: URL, which Chromium caps at 2 MB; a bigger page is loaded
        // from its file instead (and the report says so).
        const bool tooBig = std::max(html[0].size(), html[1].size()) > 2 * 1000 * 1000;
        // Alternates between the two pages as Quire did; the first is on screen before the
        // first switch, as in Quire after unlocking.
        auto alternate = [&](const std::function<void(int)> &show, QJsonArray &into) {
            page.arm();
            show(0);
            if (!spinUntil([&] { return page.done(); }, 60000)) return false;
            settle(kSettleMs);
            for (int i = 0; i < switches; ++i) {
                page.arm();
                const qint64 callAt = nowNs();
                show(i % 2 == 0 ? 1 : 0);
                const qint64 returnedAt = nowNs();
                if (!spinUntil([&] { return page.done(); }, 60000)) return false;
                into.append(switchTimes(callAt, returnedAt, page));
                settle(kSettleMs);
            }
            return true;
        };
        // First from files: the same documents through a URL, as Quire loads them through its
        // own scheme. Memory is read after these, because setHtml keeps each page's whole data:
        // URL in the history.
        QJsonArray fromFile, fromString;
        if (!alternate([&](int which) { view->load(pageUrl(which)); }, fromFile))
            return fail(QStringLiteral("a page did not load from its file"));
        result.insert("switches_file", fromFile);
        result.insert("memory_switched", measureMemory().toJson());
        if (!alternate(
                [&](int which) {
                    if (tooBig)
                        view->load(pageUrl(which));
                    else
                        view->setHtml(QString::fromUtf8(html[which]));
                },
                fromString))
            return fail(QStringLiteral("a page given to setHtml did not load"));
        result.insert("switches", fromString);
        result.insert("switch_via_file", tooBig);
        result.insert("memory_after_sethtml", measureMemory().toJson());
    }
    if (!writeJson(resultPath, result)) return 1;
    window.close();
    return 0;
}

// ---- the notebook measured ------------------------------------------------------------------

// Generated lab text: a few paragraphs, often a list, and a table of measurements per entry,
// from a fixed seed (mt19937_64's sequence is the same under every standard library).
class LabText {
public:
    explicit LabText(std::uint64_t seed)
        : m_rng(seed) {}

    int below(int n) { return int(m_rng() % std::uint64_t(n)); }
    template <typename T, std::size_t N> const T &any(const T (&items)[N]) {
        return items[below(int(N))];
    }

    QString experimentTitle(int i) {
        static const char *const subjects[] = {
            "Lysozyme crystallisation", "GFP expression in E. coli", "Kinase assay optimisation",
            "Biofilm growth on glass",  "Membrane protein prep",     "Antibiotic susceptibility",
            "Promoter library screen",  "Metabolite extraction",     "Organoid culture",
            "Buffer stability at 4 °C", "Primary neuron imaging",    "Phage titration"};
        return QStringLiteral("%1 %2").arg(QString::fromUtf8(any(subjects))).arg(i + 1);
    }
    QString project() {
        static const char *const projects[] = {"Enzyme kinetics", "Structural biology",
                                               "Cell signalling", "Protein engineering",
                                               "Metabolomics"};
        return QString::fromUtf8(any(projects));
    }

    QString entryTitle(int day) {
        static const char *const what[] = {"Overnight culture",   "Purification, day 2",
                                           "Western blot",        "qPCR run",
                                           "Crystal tray set-up", "Buffer preparation",
                                           "Plate reader assay",  "Microscopy session",
                                           "Transfection",        "Gel electrophoresis"};
        return QStringLiteral("Day %1: %2").arg(day).arg(QString::fromUtf8(any(what)));
    }

    QString entryHtml() {
        static const char *const headings[] = {"Aim", "Method", "Observations", "Results", "Notes"};
        QString html;
        html += QStringLiteral("<h3>%1</h3>").arg(QString::fromUtf8(any(headings)));
        const int paragraphs = 2 + below(3);
        for (int p = 0; p < paragraphs; ++p) {
            html += QStringLiteral("<p>");
            const int sentences = 2 + below(3);
            for (int s = 0; s < sentences; ++s)
                html += (s ? QStringLiteral(" ") : QString()) + sentence();
            html += QStringLiteral("</p>");
            if (p == 0 && below(2) == 0) html += list();
        }
        html += table();
        html += QStringLiteral("<p>%1</p>").arg(sentence());
        return html;
    }

private:
    QString reagent() {
        static const char *const r[] = {"Tris-HCl", "HEPES",    "NaCl",        "imidazole",
                                        "DTT",      "glycerol", "<b>IPTG</b>", "ampicillin",
                                        "EDTA",     "Tween-20", "BSA",         "MgCl₂",
                                        "DMSO",     "lysozyme", "PEG 3350",    "β-mercaptoethanol"};
        return QString::fromUtf8(any(r));
    }
    QString quantity() {
        static const char *const units[] = {"µL", "mL", "mg", "µg", "mM", "µM"};
        return QStringLiteral("%1 %2").arg(1 + below(500)).arg(QString::fromUtf8(any(units)));
    }
    QString temperature() {
        static const char *const t[] = {"4 °C", "20 °C", "25 °C", "30 °C", "37 °C", "-80 °C"};
        return QString::fromUtf8(any(t));
    }
    QString sample() { return QStringLiteral("S%1-%2").arg(20 + below(8)).arg(1000 + below(9000)); }

    QString sentence() {
        switch (below(8)) {
        case 0:
            return QStringLiteral("Dissolved %1 of %2 in %3 of buffer and filtered it (0.22 µm).")
                .arg(quantity(), reagent(), quantity());
        case 1:
            return QStringLiteral("Incubated %1 at %2 for %3 min with gentle shaking.")
                .arg(sample(), temperature())
                .arg(5 + below(120));
        case 2:
            return QStringLiteral("Spun at %1 × g for %2 min; the supernatant was <i>clear</i>.")
                .arg(1000 * (1 + below(20)))
                .arg(1 + below(30));
        case 3:
            return QStringLiteral("OD600 reached %1 after %2 h, so induction started with %3 %4.")
                .arg(fmt(0.1 + below(200) / 100.0, 2))
                .arg(1 + below(12))
                .arg(quantity(), reagent());
        case 4:
            return QStringLiteral("Sample %1 showed a single band near %2 kDa on the gel.")
                .arg(sample())
                .arg(10 + below(150));
        case 5:
            return QStringLiteral("The pH was adjusted to %1 at %2 before adding %3.")
                .arg(fmt(5 + below(40) / 10.0, 1), temperature(), reagent());
        case 6:
            return QStringLiteral("Stored aliquots of %1 at %2 in box %3, position %4%5.")
                .arg(quantity(), temperature())
                .arg(1 + below(40))
                .arg(QChar('A' + below(9)))
                .arg(1 + below(9));
        default:
            return QStringLiteral("Repeated the measurement with fresh %1 (lot %2); results within "
                                  "%3 % of the first run.")
                .arg(reagent())
                .arg(10000 + below(90000))
                .arg(1 + below(15));
        }
    }

    QString list() {
        QString html = QStringLiteral("<ul>");
        for (int i = 0, n = 3 + below(3); i < n; ++i)
            html += QStringLiteral("<li>%1 %2</li>").arg(quantity(), reagent());
        return html + QStringLiteral("</ul>");
    }

    QString table() {
        QString html = QStringLiteral("<table><thead><tr><th>Sample</th><th>Condition</th>"
                                      "<th>OD600</th><th>Note</th></tr></thead><tbody>");
        static const char *const notes[] = {"clear", "turbid",    "repeat",
                                            "ok",    "low yield", "control"};
        for (int i = 0, n = 3 + below(4); i < n; ++i)
            html += QStringLiteral("<tr><td>%1</td><td>%2</td><td>%3</td><td>%4</td></tr>")
                        .arg(sample(), temperature(), fmt(below(300) / 100.0, 2),
                             QString::fromUtf8(any(notes)));
        return html + QStringLiteral("</tbody></table>");
    }

    std::mt19937_64 m_rng;
};

struct VaultFacts {
    QString failure;
    int experiments = 0;
    int entries = 0;
    int largestExperiment = 0;
    double createdSeconds = NAN; // NAN when an existing vault was reused
    double meanHtmlBytes = NAN;
    int attachments = -1; // -1 when an existing vault was reused
    double attachSeconds = NAN;
    QList<double> openSeconds; // Notebook::open in this process
};

// How often the newest entry of the first experiment is edited, so that its history has
// versions to show.
constexpr int kHistoryEdits = 8;

// A small instrument table: what a plate reader or a balance leaves, a few kB.
QByteArray plateCsv(LabText &text, int n) {
    QByteArray csv = "well,od600,temperature_c,note\n";
    for (int row = 0; row < 40; ++row)
        csv += QStringLiteral("%1%2,%3,%4,plate %5\n")
                   .arg(QChar('A' + row / 12))
                   .arg(1 + row % 12)
                   .arg(fmt(text.below(300) / 100.0, 2))
                   .arg(20 + text.below(18))
                   .arg(n)
                   .toUtf8();
    return csv;
}

VaultFacts prepareVault(const QString &dir, int entries, int experiments, int attachments) {
    VaultFacts facts;
    if (!Notebook::exists(dir)) {
        progress(QStringLiteral("creating a vault of %1 entries in %2 experiments in %3")
                     .arg(entries)
                     .arg(experiments)
                     .arg(dir));
        QElapsedTimer clock;
        clock.start();
        auto nb =
            Notebook::create(dir,
                             {QStringLiteral("GUI bench notebook"), QStringLiteral("Ada Bench"),
                              QStringLiteral("ada.bench@example.org")},
                             kPassphrase);
        if (!nb) {
            facts.failure = nb.error();
            return facts;
        }
        LabText text(20261125);
        QStringList ids;
        for (int i = 0; i < experiments; ++i) {
            auto id = (*nb)->createExperiment(text.experimentTitle(i), text.project(),
                                              {QStringLiteral("bench")});
            if (!id) {
                facts.failure = id.error();
                return facts;
            }
            ids << *id;
        }
        qint64 htmlBytes = 0;
        constexpr int kBatch = 1000;
        QStringList saved;
        for (int start = 0; start < entries; start += kBatch) {
            QList<Notebook::NewEntry> batch;
            for (int i = start; i < std::min(entries, start + kBatch); ++i) {
                Notebook::NewEntry e{text.entryTitle(1 + i / experiments), text.entryHtml(),
                                     ids[text.below(experiments)]};
                htmlBytes += e.html.toUtf8().size();
                batch << e;
            }
            auto uuids = (*nb)->addEntries(batch);
            if (!uuids) {
                facts.failure = QStringLiteral("a batch was not saved: %1").arg(uuids.error());
                return facts;
            }
            saved << *uuids;
            progress(QStringLiteral("  %1 entries saved").arg(start + batch.size()));
        }
        facts.createdSeconds = double(clock.nsecsElapsed()) / 1e9;
        facts.meanHtmlBytes = double(htmlBytes) / std::max(1, entries);

        // Files, through the model's own attachFile (each one a new version of its entry, as
        // from the window), on entries spread over the notebook.
        QElapsedTimer attachClock;
        attachClock.start();
        const QString filesDir = dir + QStringLiteral(".files");
        QDir().mkpath(filesDir);
        for (int i = 0; i < attachments; ++i) {
            const QString path = QStringLiteral("%1/plate-%2.csv").arg(filesDir).arg(i + 1);
            QFile f(path);
            const QByteArray csv = plateCsv(text, i + 1);
            if (!f.open(QIODevice::WriteOnly) || f.write(csv) != csv.size()) {
                facts.failure = QStringLiteral("could not write %1").arg(path);
                return facts;
            }
            f.close();
            auto a = (*nb)->attachFile(saved.at(text.below(int(saved.size()))), path);
            if (!a) {
                facts.failure = QStringLiteral("a file was not attached: %1").arg(a.error());
                return facts;
            }
            QFile::remove(path);
            if ((i + 1) % 250 == 0) progress(QStringLiteral("  %1 files attached").arg(i + 1));
        }
        QDir(filesDir).removeRecursively();
        facts.attachments = attachments;
        facts.attachSeconds = double(attachClock.nsecsElapsed()) / 1e9;

        // Last of all: the newest entry of the experiment that leads the sidebar (the page's
        // current entry after unlocking) corrected a few times.
        auto listed = (*nb)->experiments();
        if (!listed || listed->isEmpty()) {
            facts.failure =
                listed ? QStringLiteral("the notebook lists no experiment") : listed.error();
            return facts;
        }
        auto newest = (*nb)->entryRun(listed->first().uuid, -1, 1);
        if (!newest) {
            facts.failure = newest.error();
            return facts;
        }
        const QString newestOfFirst =
            newest->entries.isEmpty() ? QString() : newest->entries.last().uuid;
        if (!newestOfFirst.isEmpty()) {
            auto current = (*nb)->entry(newestOfFirst);
            if (!current) {
                facts.failure = current.error();
                return facts;
            }
            QString html = current->html;
            for (int k = 1; k <= kHistoryEdits; ++k) {
                html += QStringLiteral("<p>Correction %1: %2</p>").arg(k).arg(text.entryTitle(k));
                auto edited = (*nb)->editEntry(newestOfFirst, current->title, html,
                                               QStringLiteral("Correction %1 after review").arg(k));
                if (!edited) {
                    facts.failure = edited.error();
                    return facts;
                }
            }
        }
        facts.createdSeconds = double(clock.nsecsElapsed()) / 1e9;
    } else {
        progress(QStringLiteral("reusing the vault in %1").arg(dir));
    }
    // What is in it, and Notebook::open alone (in this process) for the breakdown.
    for (int i = 0; i < 3; ++i) {
        QElapsedTimer clock;
        clock.start();
        auto nb = Notebook::open(dir, kPassphrase);
        if (!nb) {
            facts.failure = QStringLiteral("the vault in %1 does not open with the bench "
                                           "passphrase: %2")
                                .arg(dir, nb.error());
            return facts;
        }
        facts.openSeconds << double(clock.nsecsElapsed()) / 1e9;
        if (i == 0) {
            auto list = (*nb)->experiments();
            if (!list) {
                facts.failure = list.error();
                return facts;
            }
            facts.experiments = int(list->size());
            for (const auto &x : *list) {
                facts.entries += x.entryCount;
                facts.largestExperiment = std::max(facts.largestExperiment, x.entryCount);
            }
        }
    } // closed again before any window opens it: a vault has one user at a time
    return facts;
}

// The vault's own scrypt parameters and salt (vault.json), for the baseline.
struct KdfParams {
    qint64 n = 0, r = 0, p = 0;
    QByteArray salt;
    bool valid() const { return n > 1 && r > 0 && p > 0 && !salt.isEmpty(); }
};

KdfParams readKdf(const QString &vaultDir) {
    QFile f(vaultDir + QStringLiteral("/vault.json"));
    KdfParams k;
    if (!f.open(QIODevice::ReadOnly)) return k;
    const QJsonObject kdf = QJsonDocument::fromJson(f.readAll()).object().value("kdf").toObject();
    k.n = kdf.value("n").toInteger();
    k.r = kdf.value("r").toInteger();
    k.p = kdf.value("p").toInteger();
    k.salt = QByteArray::fromBase64(kdf.value("salt").toString().toLatin1());
    return k;
}

// ---- starting children ----------------------------------------------------------------------

struct Child {
    QString failure;
    int exitCode = -1;
    double seconds = NAN;
    QByteArray errTail;
    bool ok() const { return failure.isEmpty() && exitCode == 0; }
};

// Spawns a child in its own process group, with kStartEnv set to the moment just before the
// spawn, and waits for it (killing the group after timeoutMs). Output goes to files in `dir`.
Child spawnChild(const QString &program, const QStringList &args, const QString &dir,
                 const QList<QByteArray> &extraEnv, int timeoutMs) {
    Child child;
    std::vector<std::string> argStore{QFile::encodeName(program).toStdString()};
    for (const QString &a : args)
        argStore.push_back(QFile::encodeName(a).toStdString());
    std::vector<char *> argv;
    for (auto &a : argStore)
        argv.push_back(a.data());
    argv.push_back(nullptr);

    const QByteArray outPath = QFile::encodeName(dir + QStringLiteral("/child.out"));
    const QByteArray errPath = QFile::encodeName(dir + QStringLiteral("/child.err"));
    posix_spawn_file_actions_t files;
    posix_spawn_file_actions_init(&files);
    posix_spawn_file_actions_addopen(&files, 0, "/dev/null", O_RDONLY, 0);
    posix_spawn_file_actions_addopen(&files, 1, outPath.constData(), O_WRONLY | O_CREAT | O_TRUNC,
                                     0600);
    posix_spawn_file_actions_addopen(&files, 2, errPath.constData(), O_WRONLY | O_CREAT | O_TRUNC,
                                     0600);
    posix_spawnattr_t attr;
    posix_spawnattr_init(&attr);
    posix_spawnattr_setflags(&attr, POSIX_SPAWN_SETPGROUP);
    posix_spawnattr_setpgroup(&attr, 0);

    const qint64 startAt = nowNs();
    std::vector<std::string> envStore;
    for (char **e = environ; *e; ++e)
        if (std::strncmp(*e, kStartEnv, std::strlen(kStartEnv)) != 0) envStore.emplace_back(*e);
    for (const QByteArray &e : extraEnv)
        envStore.push_back(e.toStdString());
    envStore.push_back(std::string(kStartEnv) + '=' + std::to_string(startAt));
    std::vector<char *> envp;
    for (auto &e : envStore)
        envp.push_back(e.data());
    envp.push_back(nullptr);

    pid_t pid = 0;
    const int rc = posix_spawnp(&pid, argv[0], &files, &attr, argv.data(), envp.data());
    posix_spawn_file_actions_destroy(&files);
    posix_spawnattr_destroy(&attr);
    if (rc != 0) {
        child.failure = QStringLiteral("%1 did not start: %2")
                            .arg(program, QString::fromLocal8Bit(std::strerror(rc)));
        return child;
    }
    int status = 0;
    bool timedOut = false;
    for (;;) {
        const pid_t done = waitpid(pid, &status, WNOHANG);
        if (done == pid) break;
        if (done < 0 && errno != EINTR) {
            child.failure = QString::fromLocal8Bit(std::strerror(errno));
            return child;
        }
        if (msBetween(startAt, nowNs()) > timeoutMs && !timedOut) {
            timedOut = true;
            kill(-pid, SIGKILL);
        }
        usleep(1000); // the children time themselves; only openssl's figure is this loop's
    }
    child.seconds = msBetween(startAt, nowNs()) / 1000;
    // Chromium's helpers normally leave with their parent; any left behind would skew the next
    // run's memory figures.
    kill(-pid, SIGKILL);
    child.exitCode = WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
    QFile e(QString::fromLocal8Bit(errPath));
    if (e.open(QIODevice::ReadOnly)) child.errTail = e.readAll().right(1500);
    if (timedOut)
        child.failure = QStringLiteral("%1 took longer than %2 s and was stopped")
                            .arg(QFileInfo(program).fileName())
                            .arg(timeoutMs / 1000);
    return child;
}

// ---- the report: BenchReport.h -------------------------------------------------------------

using quire::bench::Row;
using quire::bench::Section;

// ---- the benchmark --------------------------------------------------------------------------

struct Options {
    int entries = 10000;
    int experiments = 50;
    int runs = 5;
    int switches = 20;
    int attachments = -1; // entries / 50 unless given
    int histories = 10;
    QString query = QStringLiteral("imidazole buffer");
    QString vault;
};

// What the runs of one kind of child reported.
struct Runs {
    QList<QJsonObject> results;
    QStringList failures;
    QList<double> values(const QString &key) const {
        QList<double> v;
        for (const QJsonObject &r : results)
            v << r.value(key).toDouble(NAN);
        return v;
    }
    QList<double> switchValues(const QString &key,
                               const QString &series = QStringLiteral("switches")) const {
        QList<double> v;
        for (const QJsonObject &r : results)
            for (const QJsonValue &s : r.value(series).toArray())
                v << s.toObject().value(key).toDouble(NAN);
        return v;
    }
    // A switch whose paint was not seen ends at its load; it counts there rather than not at all.
    QList<double> shownValues(const QString &series = QStringLiteral("switches")) const {
        QList<double> v;
        for (const QJsonObject &r : results)
            for (const QJsonValue &x : r.value(series).toArray()) {
                const QJsonObject o = x.toObject();
                v << o.value(o.value("paint_missing").toBool() ? "loaded_ms" : "painted_ms")
                         .toDouble(NAN);
            }
        return v;
    }
    // How many switches landed in a renderer process other than the one before.
    int rendererChanges(const QString &series = QStringLiteral("switches")) const {
        int n = 0;
        for (const QJsonObject &r : results) {
            qint64 last = -1;
            for (const QJsonValue &s : r.value(series).toArray()) {
                const qint64 pid = s.toObject().value("renderer_pid").toInteger();
                if (last >= 0 && pid != last) ++n;
                last = pid;
            }
        }
        return n;
    }
    int switchCount(const QString &flag, const QString &series = QStringLiteral("switches")) const {
        int n = 0;
        for (const QJsonObject &r : results)
            for (const QJsonValue &s : r.value(series).toArray())
                if (s.toObject().value(flag).toBool()) ++n;
        return n;
    }
    QList<double> memory(const QString &when,
                         const std::function<double(const Memory &)> &pick) const {
        QList<double> v;
        for (const QJsonObject &r : results)
            if (r.contains(when)) v << pick(Memory::fromJson(r.value(when).toObject()));
        return v;
    }
};

class GuiBench {
public:
    GuiBench(const Options &options, const QString &work)
        : m_opt(options)
        , m_work(work) {}

    QList<Section> run(QJsonObject &parameters) {
        Section launch, switching, memory;
        launch.title = QStringLiteral("1. Launch to a usable window");
        switching.title = QStringLiteral("2. Switching between two experiments' pages");
        memory.title = QStringLiteral("5. Memory with the notebook open (resident set)");
        const QString vault =
            m_opt.vault.isEmpty() ? m_work + QStringLiteral("/vault") : m_opt.vault;
        Section search, history;
        search.title = QStringLiteral("3. Search as you type");
        history.title = QStringLiteral("4. Opening an entry's history");
        const VaultFacts facts =
            prepareVault(vault, m_opt.entries, m_opt.experiments, m_opt.attachments);
        if (!facts.failure.isEmpty()) {
            launch.failure = switching.failure = memory.failure = search.failure = history.failure =
                facts.failure;
            return {launch, switching, search, history, memory};
        }
        parameters.insert("vault", vault);
        parameters.insert("vault_entries", facts.entries);
        parameters.insert("vault_experiments", facts.experiments);
        launch.title = QStringLiteral("1. Launch to a usable window: %1 entries in %2 experiments, "
                                      "%3 runs, each a fresh process")
                           .arg(fmt(facts.entries, 0))
                           .arg(facts.experiments)
                           .arg(m_opt.runs);
        if (!std::isnan(facts.createdSeconds))
            launch.notes << QStringLiteral("the vault was made for this run in %1 s (batches of "
                                           "1,000 with Notebook::addEntries; mean %2 bytes of HTML "
                                           "per entry: paragraphs, a table, often a list), with "
                                           "%3 small CSV files attached by Notebook::attachFile "
                                           "in %4 s and one entry edited %5 times")
                                .arg(fmt(facts.createdSeconds, 1), fmt(facts.meanHtmlBytes, 0))
                                .arg(facts.attachments)
                                .arg(fmt(facts.attachSeconds, 1))
                                .arg(kHistoryEdits);
        else
            launch.notes << QStringLiteral("the vault was reused from %1").arg(vault);

        const QString smallPage = m_work + QStringLiteral("/small.html");
        {
            QFile f(smallPage);
            const QByteArray html =
                "<!DOCTYPE html><html><head><meta charset=\"utf-8\"><title>Baseline</title></head>"
                "<body><h1>A small local page</h1><p>One heading and one paragraph: what Qt and "
                "Chromium cost before any content.</p></body></html>\n";
            if (!f.open(QIODevice::WriteOnly) || f.write(html) != html.size()) {
                launch.failure = switching.failure = memory.failure = search.failure =
                    history.failure = f.errorString();
                return {launch, switching, search, history, memory};
            }
        }
        const KdfParams kdf = readKdf(vault);
        QList<QByteArray> env;
        if (geteuid() == 0 && qEnvironmentVariableIsEmpty("QTWEBENGINE_DISABLE_SANDBOX")) {
            env << QByteArrayLiteral("QTWEBENGINE_DISABLE_SANDBOX=1");
            launch.notes << QStringLiteral("running as root: Chromium's sandbox is off "
                                           "(QTWEBENGINE_DISABLE_SANDBOX=1), as in the GUI tests");
        }

        Runs quire, base;
        QList<double> scrypt;
        QString scryptFailure;
        const QString self = QCoreApplication::applicationFilePath();
        const int childTimeout =
            120000 + (m_opt.switches + int(m_opt.query.size()) * 2 + m_opt.histories * 2) * 10000;
        // Interleaved, so that whatever else the machine does falls on all three alike.
        for (int run = 0; run < m_opt.runs; ++run) {
            progress(QStringLiteral("run %1 of %2: Quire's window").arg(run + 1).arg(m_opt.runs));
            const QString qResult = m_work + QStringLiteral("/quire-%1.json").arg(run);
            const Child q = spawnChild(self,
                                       {QString::fromLatin1(kChildQuire), vault, qResult, m_work,
                                        QString::number(m_opt.switches), m_opt.query,
                                        QString::number(m_opt.histories)},
                                       m_work, env, childTimeout);
            collect(quire, q, qResult, QStringLiteral("Quire's window"));

            progress(
                QStringLiteral("run %1 of %2: the baseline window").arg(run + 1).arg(m_opt.runs));
            const QString bResult = m_work + QStringLiteral("/baseline-%1.json").arg(run);
            const QString pageView = quire.results.isEmpty()
                                         ? QStringLiteral("invalid")
                                         : quire.results.last().value("page_view").toString();
            const Child b = spawnChild(self,
                                       {QString::fromLatin1(kChildBaseline), bResult, smallPage,
                                        m_work, QString::number(m_opt.switches), pageView},
                                       m_work, env, childTimeout);
            collect(base, b, bResult, QStringLiteral("the baseline window"));

            if (kdf.valid() && scryptFailure.isEmpty()) {
                const Child s = spawnChild(
                    QStringLiteral("openssl"),
                    {QStringLiteral("kdf"), QStringLiteral("-keylen"), QStringLiteral("64"),
                     QStringLiteral("-kdfopt"), QStringLiteral("pass:x"), QStringLiteral("-kdfopt"),
                     QStringLiteral("hexsalt:") + QString::fromLatin1(kdf.salt.toHex()),
                     QStringLiteral("-kdfopt"), QStringLiteral("n:%1").arg(kdf.n),
                     QStringLiteral("-kdfopt"), QStringLiteral("r:%1").arg(kdf.r),
                     QStringLiteral("-kdfopt"), QStringLiteral("p:%1").arg(kdf.p),
                     QStringLiteral("-kdfopt"),
                     // What scrypt needs (128·r·N·p bytes) and room to spare.
                     QStringLiteral("maxmem_bytes:%1").arg(256 * kdf.r * kdf.n * kdf.p),
                     QStringLiteral("SCRYPT")},
                    m_work, {}, 60000);
                if (s.ok())
                    scrypt << s.seconds * 1000;
                else
                    scryptFailure = s.failure.isEmpty()
                                        ? QStringLiteral("openssl kdf exited with %1: %2")
                                              .arg(s.exitCode)
                                              .arg(QString::fromLocal8Bit(s.errTail).trimmed())
                                        : s.failure;
            }
        }
        const Child empty =
            spawnChild(QStringLiteral("openssl"), {QStringLiteral("version")}, m_work, {}, 60000);

        fillLaunch(launch, quire, base, scrypt, scryptFailure, facts, empty);
        fillSwitching(switching, quire, base);
        fillSearch(search, quire);
        fillHistory(history, quire);
        fillMemory(memory, quire, base);
        return {launch, switching, search, history, memory};
    }

private:
    static void collect(Runs &into, const Child &child, const QString &resultPath,
                        const QString &what) {
        QFile f(resultPath);
        QJsonObject r;
        if (f.open(QIODevice::ReadOnly)) r = QJsonDocument::fromJson(f.readAll()).object();
        const QString error = r.value("error").toString();
        if (!child.failure.isEmpty() || !error.isEmpty() || r.isEmpty()) {
            QString why = !error.isEmpty() ? error : child.failure;
            if (why.isEmpty())
                why = QStringLiteral("exited with %1 and reported nothing: %2")
                          .arg(child.exitCode)
                          .arg(QString::fromLocal8Bit(child.errTail).trimmed().right(600));
            into.failures << QStringLiteral("%1: %2").arg(what, why);
            progress(QStringLiteral("  failed: %1").arg(why));
            return;
        }
        if (child.exitCode != 0)
            into.failures
                << QStringLiteral("%1 measured, then exited with %2").arg(what).arg(child.exitCode);
        into.results << r;
    }

    // One latency's median and p95 (each with the issue's < 100 ms target) and its max,
    // Quire's beside the baseline's: rows `<prefix>.median`, `.p95`, `.max`.
    static QList<Row> latencyRows(const QString &prefix, const QString &what,
                                  const QList<double> &q, const QList<double> &b) {
        return {timeRow(prefix + QStringLiteral(".median"), what + QStringLiteral(", median"),
                        medianOf(q), medianOf(b), QStringLiteral("< 100"), 100),
                timeRow(prefix + QStringLiteral(".p95"), what + QStringLiteral(", p95"), p95Of(q),
                        p95Of(b), QStringLiteral("< 100"), 100),
                timeRow(prefix + QStringLiteral(".max"), what + QStringLiteral(", max"), maxOf(q),
                        maxOf(b))};
    }

    static Row timeRow(const QString &id, const QString &label, double q, double b,
                       const QString &target = {}, double limit = NAN,
                       const QString &baselineIs = {}) {
        Row r;
        r.id = id;
        r.label = label;
        r.unit = QStringLiteral("ms");
        r.quire = q;
        r.baseline = b;
        r.target = target;
        if (!std::isnan(limit) && !std::isnan(q)) r.met = q < limit;
        r.baselineIs = baselineIs;
        return r;
    }

    void fillLaunch(Section &s, const Runs &q, const Runs &b, const QList<double> &scrypt,
                    const QString &scryptFailure, const VaultFacts &facts, const Child &empty) {
        s.notes << q.failures << b.failures;
        if (q.results.isEmpty()) {
            s.failure = QStringLiteral("no run of Quire's window finished");
            return;
        }
        QList<double> qTotal, bTotal;
        for (const QJsonObject &r : q.results)
            qTotal << r.value("shown_ms").toDouble(NAN) +
                          r.value("enter_to_usable_ms").toDouble(NAN);
        bTotal = b.values(QStringLiteral("usable_ms"));
        const QString shownBase =
            QStringLiteral("an empty QMainWindow with a QWebEngineView, shown (a fresh process)");
        s.rows << timeRow("launch.shown_median",
                          QStringLiteral("(a) start → window and unlock "
                                         "dialog shown, median"),
                          medianOf(q.values("shown_ms")), medianOf(b.values("shown_ms")), {}, NAN,
                          shownBase)
               << timeRow("launch.shown_p95", QStringLiteral("(a) the same, p95"),
                          p95Of(q.values("shown_ms")), p95Of(b.values("shown_ms")));
        const QString scryptBase = QStringLiteral(
            "`openssl kdf … SCRYPT` with the vault's own N, r, p and salt (a child process)");
        s.rows << timeRow("launch.unlock_median", QStringLiteral("(b) Enter → usable, median"),
                          medianOf(q.values("enter_to_usable_ms")), medianOf(scrypt), {}, NAN,
                          scryptBase)
               << timeRow("launch.unlock_p95", QStringLiteral("(b) the same, p95"),
                          p95Of(q.values("enter_to_usable_ms")), p95Of(scrypt))
               << timeRow("launch.unlock_open_median",
                          QStringLiteral("    Enter → notebook open (dialog closes)"),
                          medianOf(q.values("enter_to_unlocked_ms")), medianOf(scrypt), {}, NAN,
                          QStringLiteral("scrypt, as above"))
               << timeRow("launch.unlock_show_median", QStringLiteral("    notebook open → usable"),
                          medianOf(q.values("unlocked_to_usable_ms")),
                          medianOf(b.values("load_to_usable_ms")), {}, NAN,
                          QStringLiteral("the empty window: load a small local page → usable"));
        const QString totalBase = QStringLiteral(
            "the empty window: start → small local page loaded, painted, event loop idle");
        s.rows << timeRow("launch.total_median", QStringLiteral("(c) total (a) + (b), median"),
                          medianOf(qTotal), medianOf(bTotal), QStringLiteral("< 2,000"), 2000,
                          totalBase)
               << timeRow("launch.total_p95", QStringLiteral("(c) the same, p95"), p95Of(qTotal),
                          p95Of(bTotal), QStringLiteral("< 2,000"), 2000);

        QStringList each;
        for (double t : qTotal)
            each << fmt(t, 0);
        s.notes << QStringLiteral("(c) of each run (ms): %1; the time the bench spends typing the "
                                  "passphrase is not counted")
                       .arg(each.join(QStringLiteral(", ")));
        s.notes << QStringLiteral("usable = the sidebar holds the %1 experiments and the first "
                                  "experiment's page has loaded (loadFinished), been painted, and "
                                  "the event loop has turned once more")
                       .arg(q.results.first().value("experiments_listed").toInt());
        s.notes << QStringLiteral(
                       "“notebook open → usable”, medians (ms): UI thread filling the "
                       "sidebar and rendering the page %1, page load %2, load → paint %3, "
                       "paint → idle %4")
                       .arg(fmt(medianOf(q.values("unlocked_to_adopted_ms")), 0),
                            fmt(medianOf(q.values("adopted_to_loaded_ms")), 0),
                            fmt(medianOf(q.values("loaded_to_painted_ms")), 0),
                            fmt(medianOf(q.values("painted_to_idle_ms")), 1));
        const QJsonArray pages = q.results.first().value("pages").toArray();
        if (!pages.isEmpty())
            s.notes << QStringLiteral("the first experiment has %1 entries; its page shows the "
                                      "latest %2, with links to the others (%3 kB of HTML)")
                           .arg(pages[0].toObject().value("entries").toInt())
                           .arg(pages[0].toObject().value("shown").toInt())
                           .arg(fmt(pages[0].toObject().value("html_bytes").toDouble() / 1000, 0));
        s.notes << QStringLiteral("process start → main(): Quire %1 ms, baseline %2 ms (the same "
                                  "executable: loading the shared libraries)")
                       .arg(fmt(medianOf(q.values("start_to_main_ms")), 1),
                            fmt(medianOf(b.values("start_to_main_ms")), 1));
        QList<double> openMs;
        for (double sec : facts.openSeconds)
            openMs << sec * 1000;
        s.notes << QStringLiteral("Notebook::open alone, in the bench's own process: median %1 ms "
                                  "of %2; scrypt alone: %3 ms")
                       .arg(fmt(medianOf(openMs), 0))
                       .arg(openMs.size())
                       .arg(fmt(medianOf(scrypt), 0));
        if (empty.ok())
            s.notes << QStringLiteral("an empty child process (`openssl version`) takes %1 ms of "
                                      "the scrypt baseline")
                           .arg(fmt(empty.seconds * 1000, 1));
        if (!scryptFailure.isEmpty())
            s.notes << QStringLiteral("scrypt baseline: ") + scryptFailure;
        int missing = 0, failed = 0;
        for (const QJsonObject &r : q.results) {
            missing += r.value("first_page_paint_missing").toBool();
            failed += !r.value("first_page_ok").toBool();
        }
        if (missing)
            s.notes << QStringLiteral("%1 runs saw no paint after the first page loaded; their "
                                      "figure ends at the load")
                           .arg(missing);
        if (failed)
            s.notes << QStringLiteral("%1 runs' first page reported a failed load").arg(failed);
    }

    void fillSwitching(Section &s, const Runs &q, const Runs &b) {
        if (q.results.isEmpty()) {
            s.failure = QStringLiteral("no run of Quire's window finished");
            return;
        }
        const QJsonArray pages = q.results.first().value("pages").toArray();
        const QJsonObject a = pages.at(0).toObject(), c = pages.at(1).toObject();
        s.title = QStringLiteral("2. Switching between two experiments' pages (%1 and %2 entries, "
                                 "the latest %7 of each shown, %3 and %4 kB of HTML): click in the "
                                 "sidebar → page shown, %5 runs × %6 switches")
                      .arg(a.value("entries").toInt())
                      .arg(c.value("entries").toInt())
                      .arg(fmt(a.value("html_bytes").toDouble() / 1000, 0),
                           fmt(c.value("html_bytes").toDouble() / 1000, 0))
                      .arg(q.results.size())
                      .arg(m_opt.switches)
                      .arg(a.value("shown").toInt());
        s.baselineIs = QStringLiteral("QWebEngineView::setHtml of the same two pages' HTML in the "
                                      "empty window, alternating the same way");
        const QList<double> qShown = q.shownValues(), bShown = b.shownValues();
        const QList<double> fileShown = b.shownValues(QStringLiteral("switches_file"));
        const QString fileBase = QStringLiteral(
            "the same two pages loaded from local files (file://), as Quire loads its own scheme");
        s.rows << latencyRows(QStringLiteral("switch"), QStringLiteral("click → new page painted"),
                              qShown, bShown)
               << timeRow("switch.median_vs_file",
                          QStringLiteral("click → new page painted, median"), medianOf(qShown),
                          medianOf(fileShown), QStringLiteral("< 100"), 100, fileBase)
               << timeRow("switch.p95_vs_file", QStringLiteral("click → new page painted, p95"),
                          p95Of(qShown), p95Of(fileShown), QStringLiteral("< 100"), 100,
                          QStringLiteral("file://, as above"));
        s.rows << timeRow("switch.loaded_median",
                          QStringLiteral("click → page in place (swapped / loadFinished), median"),
                          medianOf(q.switchValues("loaded_ms")),
                          medianOf(b.switchValues("loaded_ms")))
               << timeRow("switch.idle_median",
                          QStringLiteral("click → painted and event loop idle, median"),
                          medianOf(q.switchValues("idle_ms")), medianOf(b.switchValues("idle_ms")))
               << timeRow("switch.blocked_median",
                          QStringLiteral("UI thread busy in the click itself, median"),
                          medianOf(q.switchValues("returned_ms")),
                          medianOf(b.switchValues("returned_ms")), {}, NAN,
                          QStringLiteral("the setHtml call itself"));
        QList<double> model, render;
        for (const QJsonObject &r : q.results)
            for (const QJsonValue &p : r.value("pages").toArray()) {
                model << p.toObject().value("model_ms").toDouble(NAN);
                render << p.toObject().value("render_ms").toDouble(NAN);
            }
        Row m = timeRow("switch.model_median",
                        QStringLiteral("  of which Notebook::experiment + entryRun"),
                        medianOf(model), NAN);
        Row r = timeRow("switch.render_median",
                        QStringLiteral("  of which EntryPageRenderer::experimentPage"),
                        medianOf(render), NAN);
        m.decimals = r.decimals = 1;
        s.rows << m << r;
        s.notes << QStringLiteral(
                       "each click is QTest::mouseClick on the experiment's row in the "
                       "sidebar (under its project); %1 ms pass between switches; Quire's page "
                       "view is %2 pixels, and so is the baseline's")
                       .arg(kSettleMs)
                       .arg(q.results.first().value("page_view").toString());
        s.notes << QStringLiteral("the two “of which” rows are the same calls timed alone in "
                                  "Quire's process after the switching (median of 5 each)");
        const int perRun = std::max(0, m_opt.switches - 1);
        s.notes << QStringLiteral("a new renderer process took over the page in %1 of %2 of "
                                  "Quire's switches (%3 for setHtml, %4 for file://); a new one "
                                  "starts cold")
                       .arg(q.rendererChanges())
                       .arg(perRun * q.results.size())
                       .arg(b.rendererChanges())
                       .arg(b.rendererChanges(QStringLiteral("switches_file")));
        int wrong = 0, inPlace = 0;
        for (const QJsonObject &r : q.results) {
            wrong += r.value("switch_wrong_titles").toInt();
            inPlace += r.value("switches_in_place").toInt();
        }
        s.notes << QStringLiteral("Quire replaced the shown document in place (no navigation) in "
                                  "%1 of %2 switches")
                       .arg(inPlace)
                       .arg(m_opt.switches * q.results.size());
        s.notes << (wrong ? QStringLiteral("%1 switches showed a page whose title was not the "
                                           "clicked experiment's")
                                .arg(wrong)
                          : QStringLiteral("every switch showed the clicked experiment's page "
                                           "(checked by its title)"));
        const int qMissing = q.switchCount("paint_missing"),
                  bMissing = b.switchCount("paint_missing"),
                  fMissing = b.switchCount("paint_missing", QStringLiteral("switches_file"));
        if (qMissing || bMissing || fMissing)
            s.notes << QStringLiteral("no paint was seen after the load in %1 of Quire's, %2 of "
                                      "setHtml's and %3 of file://'s switches; those end at the "
                                      "load")
                           .arg(qMissing)
                           .arg(bMissing)
                           .arg(fMissing);
        for (const QJsonObject &r : b.results)
            if (r.value("switch_via_file").toBool()) {
                s.notes << QStringLiteral("the pages are over setHtml's 2 MB: the baseline loads "
                                          "them from files");
                break;
            }
    }

    static QList<double> arrayValues(const Runs &q, const QString &key) {
        QList<double> v;
        for (const QJsonObject &r : q.results)
            for (const QJsonValue &x : r.value(key).toArray())
                v << x.toDouble(NAN);
        return v;
    }

    void fillSearch(Section &s, const Runs &q) {
        if (q.results.isEmpty()) {
            s.failure = QStringLiteral("no run of Quire's window finished");
            return;
        }
        const QString keys = QStringLiteral("search_keys"),
                      plain = QStringLiteral("search_keys_baseline");
        s.title = QStringLiteral("3. Search as you type: “%1” typed into the toolbar's search "
                                 "field, key → the results shown have changed and are painted, "
                                 "%2 runs × %3 keys")
                      .arg(m_opt.query)
                      .arg(q.results.size())
                      .arg(m_opt.query.size());
        s.baselineIs = QStringLiteral("a plain QLineEdit over a plain QListView as big as the "
                                      "panel's list, showing the same titles on each key at once");
        const QList<double> qShown = q.switchValues("painted_ms", keys),
                            bShown = q.switchValues("painted_ms", plain);
        s.rows << latencyRows(QStringLiteral("search"), QStringLiteral("key → results painted"),
                              qShown, bShown)
               << timeRow("search.idle_p95",
                          QStringLiteral("key → painted and event loop idle, p95"),
                          p95Of(q.switchValues("idle_ms", keys)),
                          p95Of(q.switchValues("idle_ms", plain)))
               << timeRow("search.updated_median",
                          QStringLiteral("key → results in the panel's model, median"),
                          medianOf(q.switchValues("updated_ms", keys)),
                          medianOf(q.switchValues("updated_ms", plain)));
        const QList<double> model = arrayValues(q, QStringLiteral("search_model_ms"));
        Row m =
            timeRow("search.model_median", QStringLiteral("  of which Notebook::search, median"),
                    medianOf(model), NAN);
        Row m95 = timeRow("search.model_p95", QStringLiteral("  of which Notebook::search, p95"),
                          p95Of(model), NAN);
        m.decimals = m95.decimals = 1;
        s.rows << m << m95;
        QStringList counts;
        for (const QJsonValue &k : q.results.first().value(keys).toArray())
            counts << QString::number(k.toObject().value("results").toInt());
        s.notes << QStringLiteral("%1 ms pass between keys, so that each key's results are "
                                  "awaited (the panel waits %2 ms for a pause only while keys "
                                  "come faster and its last search was slow); results listed "
                                  "after each key: %3 (at most %4)")
                       .arg(kSettleMs)
                       .arg(quire::widgets::SearchPanel::kDebounceMs)
                       .arg(counts.join(QStringLiteral(", ")))
                       .arg(quire::widgets::SearchPanel::kLimit);
        s.notes << QStringLiteral("the “of which” rows are Notebook::search of each text typed, "
                                  "timed alone in Quire's process after the typing; the panel's "
                                  "list is %1 pixels")
                       .arg(q.results.first().value("search_panel").toString());
        const int missing = q.switchCount("paint_missing", keys);
        if (missing)
            s.notes << QStringLiteral("%1 keys changed nothing that was painted; those end at "
                                      "the change")
                           .arg(missing);
    }

    void fillHistory(Section &s, const Runs &q) {
        if (q.results.isEmpty()) {
            s.failure = QStringLiteral("no run of Quire's window finished");
            return;
        }
        const QString opens = QStringLiteral("history_opens"),
                      plain = QStringLiteral("history_opens_baseline");
        const QJsonArray first = q.results.first().value(opens).toArray();
        s.title = QStringLiteral("4. An entry's history: Entry ▸ History… → the dialog shows the "
                                 "versions of the page's current entry (%1 versions), painted, "
                                 "%2 runs × %3")
                      .arg(first.isEmpty() ? 0 : first.first().toObject().value("versions").toInt())
                      .arg(q.results.size())
                      .arg(m_opt.histories);
        s.baselineIs = QStringLiteral("a plain QDialog with a plain QTableWidget of the same "
                                      "cells, made and opened the same way");
        const QList<double> qShown = q.switchValues("painted_ms", opens),
                            bShown = q.switchValues("painted_ms", plain);
        s.rows << latencyRows(QStringLiteral("history"),
                              QStringLiteral("action → versions painted"), qShown, bShown)
               << timeRow("history.idle_p95",
                          QStringLiteral("action → painted and event loop idle, p95"),
                          p95Of(q.switchValues("idle_ms", opens)),
                          p95Of(q.switchValues("idle_ms", plain)))
               << timeRow("history.blocked_median",
                          QStringLiteral("UI thread busy in the action itself, median"),
                          medianOf(q.switchValues("returned_ms", opens)),
                          medianOf(q.switchValues("returned_ms", plain)));
        Row m =
            timeRow("history.model_median", QStringLiteral("  of which Notebook::history, median"),
                    medianOf(q.values(QStringLiteral("history_model_ms"))), NAN);
        m.decimals = 1;
        s.rows << m;
        s.notes << QStringLiteral("the dialog is closed and %1 ms pass between openings; the "
                                  "“of which” row is the same call timed alone afterwards")
                       .arg(kSettleMs);
        const int missing = q.switchCount("paint_missing", opens);
        if (missing)
            s.notes << QStringLiteral("%1 openings showed no paint; those end at the dialog's "
                                      "making")
                           .arg(missing);
    }

    void fillMemory(Section &s, const Runs &q, const Runs &b) {
        if (q.results.isEmpty()) {
            s.failure = QStringLiteral("no run of Quire's window finished");
            return;
        }
        s.title = QStringLiteral("5. Memory with the notebook open: VmRSS, median of %1 runs")
                      .arg(q.results.size());
        s.baselineIs = QStringLiteral("the empty QMainWindow + QWebEngineView: after its small "
                                      "page, and after loading the same two pages from files as "
                                      "often as Quire switched");
        auto self = [](const Memory &m) { return m.selfMB; };
        auto web = [](const Memory &m) { return m.webMB; };
        auto total = [](const Memory &m) { return m.selfMB + m.webMB; };
        auto pss = [](const Memory &m) { return m.pssMB; };
        auto row = [&](const QString &id, const QString &label, const QString &when,
                       const std::function<double(const Memory &)> &pick) {
            Row r =
                timeRow(id, label, medianOf(q.memory(when, pick)), medianOf(b.memory(when, pick)));
            r.unit = QStringLiteral("MB");
            return r;
        };
        s.rows << row("memory.launch_self", QStringLiteral("after launch: the window's process"),
                      "memory_launch", self)
               << row("memory.launch_web", QStringLiteral("after launch: QtWebEngineProcess, all"),
                      "memory_launch", web)
               << row("memory.launch_total", QStringLiteral("after launch: together"),
                      "memory_launch", total)
               << row("memory.switched_self",
                      QStringLiteral("after the switching: the window's process"),
                      "memory_switched", self)
               << row("memory.switched_web",
                      QStringLiteral("after the switching: QtWebEngineProcess"), "memory_switched",
                      web)
               << row("memory.switched_total", QStringLiteral("after the switching: together"),
                      "memory_switched", total)
               << row("memory.switched_pss",
                      QStringLiteral("after the switching: PSS of all of them"), "memory_switched",
                      pss);
        const QList<double> qProcs =
            q.memory("memory_switched", [](const Memory &m) { return double(m.webProcesses); });
        const QList<double> bProcs =
            b.memory("memory_switched", [](const Memory &m) { return double(m.webProcesses); });
        s.notes << QStringLiteral("QtWebEngineProcess children: %1 for Quire, %2 for the baseline; "
                                  "RSS counts the pages they share once per process, PSS splits "
                                  "them, so PSS is the fairer sum")
                       .arg(fmt(medianOf(qProcs), 0), fmt(medianOf(bProcs), 0));
        s.notes << QStringLiteral("read %1 ms after the page was usable, and %1 ms after the last "
                                  "switch")
                       .arg(kSettleMs);
        s.notes << QStringLiteral("the baseline after its setHtml switches as well: %1 MB "
                                  "together (setHtml keeps each page's data: URL in the history)")
                       .arg(fmt(medianOf(b.memory("memory_after_sethtml", total)), 0));
    }

    Options m_opt;
    QString m_work;
};

} // namespace

int main(int argc, char *argv[]) {
    if (argc > 1 && std::strcmp(argv[1], kChildQuire) == 0) return childQuire(argc, argv);
    if (argc > 1 && std::strcmp(argv[1], kChildBaseline) == 0) return childBaseline(argc, argv);

    QCoreApplication app(argc, argv);
    QCoreApplication::setApplicationName(QStringLiteral("quire-gui-bench"));
    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral(
        "Measures Quire's main window with a large notebook — launch to a usable window, "
        "switching pages, search as you type, an entry's history, memory — each beside a plain "
        "Qt/Chromium baseline. Run it under "
        "xvfb-run -a -s \"-screen 0 1600x1000x24\"."));
    parser.addHelpOption();
    const QCommandLineOption entries(QStringLiteral("entries"),
                                     QStringLiteral("Entries in the generated notebook (10000)."),
                                     QStringLiteral("N"), QStringLiteral("10000"));
    const QCommandLineOption experiments(QStringLiteral("experiments"),
                                         QStringLiteral("Experiments they go into (50)."),
                                         QStringLiteral("N"), QStringLiteral("50"));
    const QCommandLineOption runs(QStringLiteral("runs"),
                                  QStringLiteral("Launches of each window (5)."),
                                  QStringLiteral("N"), QStringLiteral("5"));
    const QCommandLineOption switches(QStringLiteral("switches"),
                                      QStringLiteral("Switches between the two pages per launch "
                                                     "(20)."),
                                      QStringLiteral("N"), QStringLiteral("20"));
    const QCommandLineOption vault(
        QStringLiteral("vault"),
        QStringLiteral("Use the notebook in DIR, made there first if it does not exist; a vault "
                       "kept by quire-bench works too (same passphrase)."),
        QStringLiteral("DIR"));
    const QCommandLineOption keep(
        QStringLiteral("keep"),
        QStringLiteral("Keep the temporary folder and its vault (the path is printed)."));
    const QCommandLineOption json(QStringLiteral("json"),
                                  QStringLiteral("Print JSON on stdout instead of the table."));
    const QCommandLineOption jsonFile(QStringLiteral("json-file"),
                                      QStringLiteral("Also write the JSON to this file."),
                                      QStringLiteral("PATH"));
    const QCommandLineOption attachments(
        QStringLiteral("attachments"),
        QStringLiteral("Small files attached to entries when the notebook is made (entries / 50)."),
        QStringLiteral("N"));
    const QCommandLineOption histories(
        QStringLiteral("histories"),
        QStringLiteral("Openings of the current entry's history per launch (10)."),
        QStringLiteral("N"), QStringLiteral("10"));
    const QCommandLineOption query(QStringLiteral("query"),
                                   QStringLiteral("Text typed into the search field, one key at a "
                                                  "time (\"imidazole buffer\"); ASCII."),
                                   QStringLiteral("TEXT"), QStringLiteral("imidazole buffer"));
    parser.addOptions({entries, experiments, runs, switches, attachments, histories, query, vault,
                       keep, json, jsonFile});
    parser.process(app);

    Options opt;
    bool good = true;
    auto positive = [&](const QCommandLineOption &o, int &into, int least) {
        bool ok = false;
        const int v = parser.value(o).toInt(&ok);
        if (!ok || v < least) {
            err() << "quire-gui-bench: --" << o.names().constFirst()
                  << " needs a number of at least " << least << Qt::endl;
            good = false;
        } else {
            into = v;
        }
    };
    positive(entries, opt.entries, 2);
    positive(experiments, opt.experiments, 2);
    positive(runs, opt.runs, 1);
    positive(switches, opt.switches, 2);
    opt.attachments = opt.entries / 50;
    if (parser.isSet(attachments)) positive(attachments, opt.attachments, 0);
    positive(histories, opt.histories, 0);
    opt.query = parser.value(query);
    for (QChar c : opt.query)
        if (c.unicode() < 0x20 || c.unicode() > 0x7e) {
            err() << "quire-gui-bench: --query takes printable ASCII (it is typed key by key)"
                  << Qt::endl;
            good = false;
            break;
        }
    if (!good) return 2;
    if (parser.isSet(vault)) opt.vault = QDir(parser.value(vault)).absolutePath();
    if (qEnvironmentVariableIsEmpty("DISPLAY") && qEnvironmentVariableIsEmpty("WAYLAND_DISPLAY")) {
        err() << "quire-gui-bench: there is no display; run it under xvfb-run -a -s \"-screen 0 "
                 "1600x1000x24\""
              << Qt::endl;
        return 2;
    }

    QTemporaryDir work(QDir::tempPath() + QStringLiteral("/quire-gui-bench-XXXXXX"));
    if (!work.isValid()) {
        err() << "quire-gui-bench: could not make a temporary folder: " << work.errorString()
              << Qt::endl;
        return 1;
    }
    work.setAutoRemove(!parser.isSet(keep));
    if (parser.isSet(keep)) progress(QStringLiteral("keeping %1").arg(work.path()));

    const QString started = QDateTime::currentDateTimeUtc().toString(Qt::ISODate);
    const QString loadStart = loadAverage();
    QElapsedTimer wall;
    wall.start();
    QJsonObject parameters{
        {"entries", opt.entries},   {"experiments", opt.experiments}, {"runs", opt.runs},
        {"switches", opt.switches}, {"attachments", opt.attachments}, {"histories", opt.histories},
        {"query", opt.query},       {"started_at", started}};
    GuiBench bench(opt, work.path());
    const QList<Section> sections = bench.run(parameters);
    parameters.insert("seconds", double(wall.elapsed()) / 1000);
    const QString loadEnd = loadAverage();

    const QString cpu = procField(QStringLiteral("/proc/cpuinfo"), QStringLiteral("model name"));
    const double memGiB = procField(QStringLiteral("/proc/meminfo"), QStringLiteral("MemTotal"))
                              .section(' ', 0, 0)
                              .toDouble() /
                          1024 / 1024;
#ifdef QUIRE_BENCH_BUILD_TYPE
    const QString buildType = QStringLiteral(QUIRE_BENCH_BUILD_TYPE);
#else
    const QString buildType = QStringLiteral("unknown build type");
#endif
    const QString display = qEnvironmentVariable("DISPLAY");
    const QJsonObject machine{{"cpu", cpu},
                              {"nproc", usableCpus()},
                              {"memory_gib", memGiB},
                              {"kernel", QSysInfo::kernelType() + ' ' + QSysInfo::kernelVersion()},
                              {"os", QSysInfo::prettyProductName()},
                              {"qt", QString::fromLatin1(qVersion())},
                              {"build_type", buildType},
                              {"display", display},
                              {"load_average_start", loadStart},
                              {"load_average_end", loadEnd}};
    const QByteArray jsonText =
        QJsonDocument(quire::bench::reportJson(QStringLiteral("quire_gui_bench"), machine,
                                               parameters, sections))
            .toJson(QJsonDocument::Indented);
    if (parser.isSet(jsonFile)) {
        QFile f(parser.value(jsonFile));
        if (!f.open(QIODevice::WriteOnly) || f.write(jsonText) != jsonText.size())
            err() << "quire-gui-bench: could not write " << f.fileName() << ": " << f.errorString()
                  << Qt::endl;
    }
    QTextStream out(stdout);
    if (parser.isSet(json)) {
        out << jsonText;
    } else {
        quire::bench::TableLayout layout;
        layout.footer = QStringLiteral("Q/base = Quire ÷ baseline (above 1 is slower or bigger). "
                                       "MB = 10⁶ bytes. p95 is the nearest rank, so with few runs "
                                       "it is the slowest one.");
        quire::bench::printTable(
            out,
            {QStringLiteral("Quire GUI benchmarks, %1 (took %2 s)")
                 .arg(started, fmt(double(wall.elapsed()) / 1000, 0)),
             QStringLiteral("Machine   %1, nproc %2, %3 GiB RAM, %4")
                 .arg(cpu)
                 .arg(usableCpus())
                 .arg(fmt(memGiB, 1), machine.value("kernel").toString()),
             QStringLiteral("Build     %1, Qt %2, display %3 (Xvfb when run as advised)")
                 .arg(buildType, QString::fromLatin1(qVersion()), display),
             QStringLiteral("Load      %1 at the start, %2 at the end (1, 5, 15 min): other "
                            "work on this machine slows every figure, baselines included")
                 .arg(loadStart, loadEnd)},
            sections, layout);
    }
    out.flush();
    for (const Section &s : sections)
        if (!s.failure.isEmpty()) return 1;
    return 0;
}
