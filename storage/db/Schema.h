#pragma once
// Schema: the numbered migrations of the vault database. Migration i brings user_version
// from i to i + 1; released migrations are never edited, only appended.

#include <QList>
#include <QString>

namespace quire {

const QList<QString> &schemaMigrations();

} // namespace quire
