#include "start/RecentNotebooks.h"

#include "Notebook.h"

#include <QDir>
#include <QSettings>

#include <algorithm>

namespace quire::widgets {

namespace {

const char *const kKey = "recentNotebooks";

QString normalised(const QString &path) {
    return QDir::cleanPath(QDir(path).absolutePath());
}

void store(const QList<RecentNotebook> &notebooks) {
    QSettings settings;
    settings.beginWriteArray(QLatin1String(kKey), int(notebooks.size()));
    for (int i = 0; i < notebooks.size(); ++i) {
        settings.setArrayIndex(i);
        settings.setValue(QStringLiteral("path"), notebooks[i].path);
        settings.setValue(QStringLiteral("name"), notebooks[i].name);
        settings.setValue(QStringLiteral("lastOpened"),
                          notebooks[i].lastOpened.toUTC().toString(Qt::ISODateWithMs));
    }
    settings.endArray();
}

} // namespace

bool RecentNotebook::isThere() const {
    return Notebook::exists(path);
}

QList<RecentNotebook> RecentNotebooks::list() {
    QSettings settings;
    QList<RecentNotebook> out;
    const int count = settings.beginReadArray(QLatin1String(kKey));
    for (int i = 0; i < count; ++i) {
        settings.setArrayIndex(i);
        RecentNotebook notebook{
            settings.value(QStringLiteral("path")).toString(),
            settings.value(QStringLiteral("name")).toString(),
            QDateTime::fromString(settings.value(QStringLiteral("lastOpened")).toString(),
                                  Qt::ISODateWithMs)};
        if (!notebook.path.isEmpty()) out << notebook;
    }
    settings.endArray();
    std::stable_sort(out.begin(), out.end(),
                     [](const auto &a, const auto &b) { return a.lastOpened > b.lastOpened; });
    return out;
}

void RecentNotebooks::remember(const QString &path, const QString &name) {
    const QString key = normalised(path);
    QList<RecentNotebook> notebooks = list();
    notebooks.removeIf([&](const RecentNotebook &n) { return normalised(n.path) == key; });
    notebooks.prepend({key, name, QDateTime::currentDateTimeUtc()});
    while (notebooks.size() > kMaxEntries)
        notebooks.removeLast();
    store(notebooks);
}

void RecentNotebooks::forget(const QString &path) {
    const QString key = normalised(path);
    QList<RecentNotebook> notebooks = list();
    notebooks.removeIf([&](const RecentNotebook &n) { return normalised(n.path) == key; });
    store(notebooks);
}

QString RecentNotebooks::lastUsed() {
    const QList<RecentNotebook> notebooks = list();
    return notebooks.isEmpty() ? QString() : notebooks.first().path;
}

} // namespace quire::widgets
