// Notebook: a plot of an instrument file kept as a figure of the file's entry (issue 14).

#include "Notebook.h"

#include "html/HtmlSanitizer.h"
#include "NotebookParts.h"
#include "vault/Vault.h"

#include <QFileInfo>
#include <QJsonArray>
#include <QTemporaryDir>
#include <QUuid>

namespace quire {

namespace {
constexpr int kPrintDotsPerMeter = 11811; // 300 dpi
}

Result<QString> Notebook::insertPlot(const QString &entryUuid, const QString &source, int width,
                                     int height) {
    const std::lock_guard lock(m_mutex);
    auto a = m_vault->attachment(source);
    if (!a) return a.failure();
    const QString reason = tr("inserted a plot of “%1”").arg(a->name);
    auto head = editableHead(*m_vault, entryUuid, reason, m_vault->memberUuid());
    if (!head) return head.failure();
    if (!head->body.value("attachments").toArray().contains(source))
        return fail(tr("“%1” is not a file of this entry").arg(a->name));

    // The picture goes through the same path as any attached file (encrypted chunks); its name
    // says what it is a plot of.
    QTemporaryDir dir;
    if (!dir.isValid()) return fail(tr("could not make a temporary folder for the plot"));
    const QString png =
        dir.filePath(tr("Plot of %1.png").arg(QFileInfo(a->name).completeBaseName()));
    auto drawn = plot(source, -1, width, height);
    if (!drawn) return drawn.failure();
    QImage image = *drawn;
    image.setDotsPerMeterX(kPrintDotsPerMeter);
    image.setDotsPerMeterY(kPrintDotsPerMeter);
    if (!image.save(png, "PNG")) return fail(tr("could not write the plot as PNG"));
    auto body = m_vault->storeAttachment(png, {});
    if (!body) return body.failure();

    const QString caption = tr("Plot of %1 (SHA-256 %2)").arg(a->name.toHtmlEscaped(), a->sha256);
    QJsonObject entryBody = head->body;
    entryBody.insert("reason", reason);
    const QString object = QUuid::createUuid().toString(QUuid::WithoutBraces);
    auto records = m_vault->append(
        {RecordDraft{"attachment", object, {}, *body, {}},
         RecordDraft{"entry", entryUuid, head->id, entryBody,
                     [caption](QJsonObject &b, const QList<StoredRecord> &earlier) {
                         const QString id = earlier.last().id;
                         QJsonArray list = b.value("attachments").toArray();
                         list.append(id);
                         b.insert("attachments", list);
                         const QString figure =
                             QStringLiteral("<figure><img src=\"quire-attachment:%1\" alt=\"%2\">"
                                            "<figcaption>%2</figcaption></figure>")
                                 .arg(id, caption);
                         b.insert("html", html::sanitize(b.value("html").toString() + figure)
                                              .normalized(QString::NormalizationForm_C));
                     }}});
    if (!records) return records.failure();
    emit changed();
    return records->first().id;
}

} // namespace quire
