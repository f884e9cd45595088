#pragma once
// RecentNotebooks: the notebooks this user opened on this computer, newest first, for the start
// window — each one's folder, name and when it was last opened — kept in the settings (key
// "recentNotebooks"). A folder that is gone stays listed until the person removes it: it may be
// on a drive that is not plugged in.

#include <QDateTime>
#include <QList>
#include <QString>

namespace quire::widgets {

struct RecentNotebook {
    QString path;
    QString name;
    QDateTime lastOpened;
    // The folder still holds a notebook.
    bool isThere() const;
};

namespace RecentNotebooks {
constexpr int kMaxEntries = 12;

QList<RecentNotebook> list();
// The notebook in `path` was just opened (or created) under `name`.
void remember(const QString &path, const QString &name);
void forget(const QString &path);
// The folder opened last, or empty.
QString lastUsed();
} // namespace RecentNotebooks

} // namespace quire::widgets
