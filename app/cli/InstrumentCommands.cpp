// quire-cli: instruments, their watch folders, capturing what they write, the inbox, and reading
// and plotting instrument files.

#include "cli/CliSupport.h"

#include "capture/CaptureService.h"

#include <QCoreApplication>
#include <QEventLoop>
#include <QImageWriter>
#include <QJsonArray>
#include <QJsonObject>
#include <QTimer>

#include <atomic>
#include <cmath>
#include <csignal>

namespace quire::cli {

namespace {

volatile std::sig_atomic_t g_stopSignal = 0;
std::atomic_bool g_stop{false};

extern "C" void onStopSignal(int signal) {
    g_stopSignal = signal;
    g_stop.store(true);
}

QJsonObject instrumentJson(const InstrumentInfo &i, const WatchFolder *watch) {
    QJsonObject o{{"uuid", i.uuid},
                  {"name", i.name},
                  {"model", i.model},
                  {"serial", i.serial},
                  {"location", i.location},
                  {"status", i.status},
                  {"reason", i.reason},
                  {"author_name", i.authorName},
                  {"created_at", i.createdAt},
                  {"updated_at", i.updatedAt}};
    if (watch)
        o.insert("watch_folder",
                 QJsonObject{{"folder", watch->folder},
                             {"patterns", QJsonArray::fromStringList(watch->patterns)},
                             {"settle_seconds", watch->settleSeconds},
                             {"poll_seconds", watch->pollSeconds}});
    else
        o.insert("watch_folder", QJsonValue::Null);
    return o;
}

QJsonObject captureJson(const CaptureInfo &c) {
    return QJsonObject{{"id", c.id},
                       {"instrument", c.instrument},
                       {"instrument_name", c.instrumentName},
                       {"original_path", c.originalPath},
                       {"modified_at", c.modifiedAt},
                       {"name", c.name},
                       {"size", c.size},
                       {"sha256", c.sha256},
                       {"captured_at", c.capturedAt},
                       {"parse", QJsonObject{{"status", c.problem.isEmpty() ? "read" : "unread"},
                                             {"reader", c.reader},
                                             {"problem", c.problem}}}};
}

// An instrument named by uuid, or by its name when only one has it.
Result<QString> instrumentId(Notebook &nb, const QString &idOrName) {
    auto all = nb.instruments();
    if (!all) return all.failure();
    QStringList byName;
    for (const auto &i : *all) {
        if (i.uuid == idOrName) return i.uuid;
        if (i.name == idOrName) byName << i.uuid;
    }
    if (byName.size() == 1) return byName.first();
    if (byName.size() > 1)
        return fail(
            QStringLiteral("several instruments are called “%1”; give the uuid").arg(idOrName));
    return fail(QStringLiteral("there is no instrument %1").arg(idOrName));
}

bool positiveInt(const QString &text, int *value, int min) {
    bool ok = false;
    *value = text.toInt(&ok);
    return ok && *value >= min;
}

QJsonValue number(double v) {
    return std::isfinite(v) ? QJsonValue(v) : QJsonValue(QJsonValue::Null);
}

} // namespace

int Session::instrument(const Args &a) {
    const QString sub = a.positional.value(1);
    if (sub == "add") {
        if (a.value("--name").trimmed().isEmpty())
            return failWith(QStringLiteral("usage: instrument add --name NAME [--model M] "
                                           "[--serial S] [--location L]"),
                            Usage);
        auto nb = open();
        if (!nb) return failWith(nb.error());
        auto id = (*nb)->addInstrument(a.value("--name"), a.value("--model"), a.value("--serial"),
                                       a.value("--location"));
        if (!id) return failWith(id.error());
        out() << *id << Qt::endl;
        return Ok;
    }
    if (sub == "list") {
        auto nb = open();
        if (!nb) return failWith(nb.error());
        auto list = (*nb)->instruments();
        if (!list) return failWith(list.error());
        auto watches = (*nb)->watchFolders();
        if (!watches) return failWith(watches.error());
        auto watchOf = [&](const QString &uuid) -> const WatchFolder * {
            for (const auto &w : *watches)
                if (w.instrument == uuid) return &w;
            return nullptr;
        };
        if (a.has("--json")) {
            QJsonArray arr;
            for (const auto &i : *list)
                arr.append(instrumentJson(i, watchOf(i.uuid)));
            printJson(arr);
            return Ok;
        }
        for (const auto &i : *list) {
            out() << i.uuid << "  " << i.name;
            if (!i.model.isEmpty()) out() << "  model " << i.model;
            if (!i.serial.isEmpty()) out() << "  serial " << i.serial;
            if (!i.location.isEmpty()) out() << "  in " << i.location;
            if (i.status == "retired") out() << "  [retired: " << i.reason << "]";
            if (const WatchFolder *w = watchOf(i.uuid))
                out() << "  watching " << w->folder << " (" << w->patterns.join(',') << ")";
            out() << Qt::endl;
        }
        return Ok;
    }
    if (sub == "retire") {
        if (a.positional.size() != 3 || !a.options.contains("--reason"))
            return failWith(QStringLiteral("usage: instrument retire ID --reason R"), Usage);
        auto nb = open();
        if (!nb) return failWith(nb.error());
        auto id = instrumentId(**nb, a.positional.value(2));
        if (!id) return failWith(id.error());
        if (auto r = (*nb)->retireInstrument(*id, a.value("--reason")); !r)
            return failWith(r.error());
        return Ok;
    }
    if (sub == "watch-folder") {
        WatchFolder w;
        w.folder = a.value("--folder");
        if (a.positional.size() != 3 || w.folder.isEmpty())
            return failWith(QStringLiteral("usage: instrument watch-folder ID --folder DIR "
                                           "[--pattern \"*.jdx,*.csv\"] [--settle-seconds 5] "
                                           "[--poll-seconds 30]"),
                            Usage);
        if (a.options.contains("--pattern")) {
            w.patterns.clear();
            for (const auto &p : a.values("--pattern"))
                w.patterns << p.split(',', Qt::SkipEmptyParts);
        }
        if (a.options.contains("--settle-seconds") &&
            !positiveInt(a.value("--settle-seconds"), &w.settleSeconds, 0))
            return failWith(QStringLiteral("--settle-seconds takes a whole number ≥ 0"), Usage);
        if (a.options.contains("--poll-seconds") &&
            !positiveInt(a.value("--poll-seconds"), &w.pollSeconds, 1))
            return failWith(QStringLiteral("--poll-seconds takes a whole number ≥ 1"), Usage);
        auto nb = open();
        if (!nb) return failWith(nb.error());
        auto id = instrumentId(**nb, a.positional.value(2));
        if (!id) return failWith(id.error());
        w.instrument = *id;
        if (auto r = (*nb)->setWatchFolder(w); !r) return failWith(r.error());
        return Ok;
    }
    return failWith(QStringLiteral("usage: instrument add|list|retire|watch-folder …"), Usage);
}

int Session::capture(const Args &a) {
    auto nb = open();
    if (!nb) return failWith(nb.error());
    auto folders = (*nb)->watchFolders();
    if (!folders) return failWith(folders.error());
    if (folders->isEmpty())
        return failWith(QStringLiteral("no watch folder is set on this computer "
                                       "(instrument watch-folder ID --folder DIR)"));
    CaptureService service(**nb);
    QObject::connect(&service, &CaptureService::captured, [](const CaptureInfo &c) {
        out() << c.id << Qt::endl;
        err() << "Captured " << c.originalPath << " (" << humanSize(c.size) << ") from "
              << c.instrumentName;
        if (!c.problem.isEmpty()) err() << "; no reader: " << c.problem;
        err() << Qt::endl;
    });
    QObject::connect(&service, &CaptureService::problem,
                     [](const QString &path, const QString &message) {
                         err() << "Not captured: " << path << ": " << message << Qt::endl;
                     });
    std::signal(SIGINT, onStopSignal);
    std::signal(SIGTERM, onStopSignal);
    if (a.has("--once")) {
        auto n = service.runOnce(&g_stop);
        if (!n) return failWith(n.error());
        err() << *n << (*n == 1 ? " file captured." : " files captured.") << Qt::endl;
        return Ok;
    }
    if (auto r = service.start(); !r) return failWith(r.error());
    for (const auto &w : *folders)
        err() << "Watching " << w.folder
              << (CaptureService::isNetworkFolder(w.folder) ? " (network share: polled)" : "")
              << Qt::endl;
    QEventLoop loop;
    QTimer stopCheck;
    QObject::connect(&stopCheck, &QTimer::timeout, &loop, [&loop] {
        if (g_stop.load()) loop.quit();
    });
    stopCheck.start(100);
    loop.exec();
    service.stop();
    err() << "Stopped." << Qt::endl;
    return Ok;
}

int Session::inbox(const Args &a) {
    const QString sub = a.positional.value(1);
    if (sub.isEmpty()) {
        auto nb = open();
        if (!nb) return failWith(nb.error());
        auto list = (*nb)->inbox();
        if (!list) return failWith(list.error());
        if (a.has("--json")) {
            QJsonArray arr;
            for (const auto &c : *list)
                arr.append(captureJson(c));
            printJson(arr);
            return Ok;
        }
        for (const auto &c : *list) {
            out() << c.id << "  " << c.capturedAt << "  " << c.instrumentName << "  "
                  << c.originalPath << "  " << humanSize(c.size) << "  sha256 " << c.sha256 << "  "
                  << (c.problem.isEmpty() ? c.reader : "not read: " + c.problem) << Qt::endl;
        }
        return Ok;
    }
    if (sub == "file") {
        if (a.positional.size() != 3 || a.value("--entry").isEmpty())
            return failWith(QStringLiteral("usage: inbox file CAPTURE --entry ENTRY"), Usage);
        auto nb = open();
        if (!nb) return failWith(nb.error());
        auto id = (*nb)->fileCapture(a.positional.value(2), a.value("--entry"));
        if (!id) return failWith(id.error());
        out() << *id << Qt::endl;
        return Ok;
    }
    if (sub == "set-aside") {
        if (a.positional.size() != 3 || !a.options.contains("--reason"))
            return failWith(QStringLiteral("usage: inbox set-aside CAPTURE --reason R"), Usage);
        auto nb = open();
        if (!nb) return failWith(nb.error());
        if (auto r = (*nb)->setAside(a.positional.value(2), a.value("--reason")); !r)
            return failWith(r.error());
        return Ok;
    }
    return failWith(QStringLiteral("usage: inbox [--json] | inbox file … | inbox set-aside …"),
                    Usage);
}

int Session::data(const Args &a) {
    const QString sub = a.positional.value(1);
    const QString attachment = a.positional.value(2);
    if (sub == "show" && a.positional.size() == 3) {
        auto nb = open();
        if (!nb) return failWith(nb.error());
        auto d = (*nb)->dataset(attachment);
        if (!d) return failWith(d.error());
        if (a.has("--json")) {
            QJsonArray meta, series;
            for (const auto &[k, v] : d->metadata)
                meta.append(QJsonObject{{"key", k}, {"value", v}});
            for (const auto &s : d->series)
                series.append(QJsonObject{{"name", s.name},
                                          {"x_name", s.xName},
                                          {"x_units", s.xUnit},
                                          {"y_name", s.yName},
                                          {"y_units", s.yUnit},
                                          {"count", s.count},
                                          {"kind", s.peaks ? "peaks" : "continuous"},
                                          {"x_reversed", s.xReversed},
                                          {"x_range", QJsonArray{number(s.xMin), number(s.xMax)}},
                                          {"y_range", QJsonArray{number(s.yMin), number(s.yMax)}},
                                          {"first", QJsonArray{number(s.firstX), number(s.firstY)}},
                                          {"last", QJsonArray{number(s.lastX), number(s.lastY)}}});
            printJson(QJsonObject{{"attachment", attachment},
                                  {"format", d->format},
                                  {"metadata", meta},
                                  {"warnings", QJsonArray::fromStringList(d->warnings)},
                                  {"series", series}});
            return Ok;
        }
        out() << "Format: " << d->format << Qt::endl;
        for (const auto &[k, v] : d->metadata)
            out() << k << ": " << v << Qt::endl;
        for (const auto &w : d->warnings)
            out() << "Warning: " << w << Qt::endl;
        int n = 0;
        for (const auto &s : d->series)
            out() << "Series " << n++ << ": " << s.name << ", " << s.count << " points, x "
                  << s.xMin << "…" << s.xMax << " " << s.xUnit << ", y " << s.yMin << "…" << s.yMax
                  << " " << s.yUnit << ", first (" << s.firstX << ", " << s.firstY << "), last ("
                  << s.lastX << ", " << s.lastY << ")" << Qt::endl;
        return Ok;
    }
    if (sub == "plot" && a.positional.size() == 3 && !a.value("--out").isEmpty()) {
        int series = -1, width = 1000, height = 600;
        if (a.options.contains("--series") && !positiveInt(a.value("--series"), &series, 0))
            return failWith(QStringLiteral("--series takes a series number (0 = the first)"),
                            Usage);
        if (a.options.contains("--width") && !positiveInt(a.value("--width"), &width, 1))
            return failWith(QStringLiteral("--width takes a number of pixels"), Usage);
        if (a.options.contains("--height") && !positiveInt(a.value("--height"), &height, 1))
            return failWith(QStringLiteral("--height takes a number of pixels"), Usage);
        auto nb = open();
        if (!nb) return failWith(nb.error());
        auto image = (*nb)->plot(attachment, series, width, height);
        if (!image) return failWith(image.error());
        QImageWriter writer(a.value("--out"), "png");
        if (!writer.write(*image))
            return failWith(QStringLiteral("could not write %1: %2")
                                .arg(a.value("--out"), writer.errorString()));
        return Ok;
    }
    return failWith(QStringLiteral("usage: data show ATTACHMENT [--json] | data plot ATTACHMENT "
                                   "[--series N] --out FILE.png [--width W --height H]"),
                    Usage);
}

} // namespace quire::cli
