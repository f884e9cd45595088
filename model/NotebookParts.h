#pragma once
// Internal to model/: what the files that make up Notebook share. Not for widgets/ or app/.

#include "formats/Dataset.h"
#include "Notebook.h"
#include "Result.h"
#include "vault/Vault.h"

#include <QHash>
#include <QJsonArray>
#include <QString>
#include <QStringList>

namespace quire {

// Checks what every change of an existing entry needs (it exists, it is mine, it is not void, a
// reason where one is needed), and returns its head record.
Result<StoredRecord> editableHead(Vault &vault, const QString &entry, const QString &reason,
                                  const QString &me);

// An entry's `attachments` with the attachment records in `added` that are not there yet, in
// the order given; fails when one of them is not an attachment record of this notebook
// (model/NotebookAttachments.cpp).
Result<QJsonArray> withAttachments(Vault &vault, QJsonArray current, const QStringList &added);

// The record ids of an entry's versions in conflict, head first; empty without a conflict
// (model/NotebookConflicts.cpp).
QStringList conflictTips(Vault &vault, const QString &object);
// Why a plain change of an entry is refused while it is in conflict, or empty.
QString conflictEditProblem(Vault &vault, const QString &entry);
// Every comment on any version of an entry, oldest first, with its writer's name (`names`
// caches member names by uuid). Empty when they cannot be read.
QList<CommentInfo> entryComments(Vault &vault, const QString &entry,
                                 QHash<QString, QString> &names);

// What search should find a data file by: its title, instrument, sample, origin, owner, kind of
// data, format, and its series' names and units. Empty when no reader understands the file.
QString dataSearchText(const QByteArray &bytes, const QString &fileName);
// The same for a file on disk (up to 64 MiB is read; larger files are not indexed).
QString dataSearchTextOfFile(const QString &path);

// What the window and `data show` list of a file read by the readers.
DatasetInfo datasetInfo(const formats::Dataset &data);

} // namespace quire
