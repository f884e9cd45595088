#pragma once
// Internal to model/: what the files that make up Notebook share. Not for widgets/ or app/.

#include "Result.h"
#include "vault/Vault.h"

#include <QString>

namespace quire {

// Checks what every change of an existing entry needs (it exists, it is mine, it is not void, a
// reason where one is needed), and returns its head record.
Result<StoredRecord> editableHead(Vault &vault, const QString &entry, const QString &reason,
                                  const QString &me);

} // namespace quire
