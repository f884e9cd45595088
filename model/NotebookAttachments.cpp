// Notebook, attachments kept before an entry names them: an image pasted or dropped into text
// being written is stored at once, as an attachment record of its own, and the version the
// person saves names it along with the text (one save, one version, with the person's reason).

#include "html/HtmlSanitizer.h"
#include "Notebook.h"
#include "NotebookParts.h"
#include "vault/Vault.h"

#include <QFileInfo>
#include <QJsonArray>
#include <QStringList>
#include <QUuid>

namespace quire {

Result<QJsonArray> withAttachments(Vault &vault, QJsonArray current, const QStringList &added) {
    for (const QString &id : added) {
        if (current.contains(id)) continue;
        // Only this notebook's attachment records: an entry must not name what it cannot show.
        if (auto a = vault.attachment(id); !a)
            return fail(Notebook::tr("the file %1 is not in this notebook").arg(id));
        current.append(id);
    }
    return current;
}

QStringList Notebook::attachmentsShownIn(const QString &html) {
    return html::attachmentReferences(html::sanitize(html));
}

Result<QString> Notebook::storeFile(const QString &filePath, const ProgressFn &progress) {
    const std::lock_guard lock(m_mutex);
    if (!QFileInfo(filePath).isFile()) return fail(tr("%1 is not a file").arg(filePath));
    if (!me().roles.contains(QStringLiteral("author")))
        return fail(tr("only members with the author role can add files"));
    auto body = m_vault->storeAttachment(filePath, progress);
    if (!body) return body.failure();
    // A record of its own: if the text it was added to is never saved, it stays, named by no
    // entry, and nothing already written has to be taken back.
    auto record = m_vault->appendOne(RecordDraft{
        "attachment", QUuid::createUuid().toString(QUuid::WithoutBraces), {}, *body, {}});
    if (!record) return record.failure();
    if (const QString text = dataSearchTextOfFile(filePath); !text.isEmpty())
        if (auto t = m_vault->setAttachmentText(record->id, text); !t) return t.failure();
    return record->id;
}

} // namespace quire
