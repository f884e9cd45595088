// Notebook, text of attached PDFs: read by Poppler (storage/preview) on whichever thread calls,
// kept in the local attachment_text table so that search finds the file by its words (issue 14).

#include "Notebook.h"

#include "preview/PdfText.h"
#include "vault/Vault.h"

namespace quire {

namespace {
const QString kPdf = QStringLiteral("application/pdf");
}

Result<QList<AttachmentInfo>> Notebook::attachmentsWithoutText() {
    const std::lock_guard lock(m_mutex);
    auto pending = m_vault->attachmentsWithoutText(kPdf);
    if (!pending) return pending.failure();
    QList<AttachmentInfo> out;
    for (const VaultAttachment &a : *pending)
        out << AttachmentInfo{a.id, a.name, a.mediaType, a.size, a.sha256, a.recordedAt};
    return out;
}

Result<TextIndexOutcome> Notebook::indexAttachmentText(const QString &attachment,
                                                       const std::atomic_bool *cancel) {
    const preview::PdfTextLimits limits;
    TextIndexOutcome outcome;
    outcome.attachment = attachment;
    QByteArray bytes;
    {
        const std::lock_guard lock(m_mutex);
        auto a = m_vault->attachment(attachment);
        if (!a) return a.failure();
        outcome.name = a->name;
        if (a->mediaType != kPdf) return fail(tr("“%1” is not a PDF").arg(a->name));
        if (a->size <= limits.maxBytes) {
            bytes.reserve(a->size);
            auto read = m_vault->readAttachment(attachment,
                                                [&](const QByteArray &piece) -> Result<void> {
                                                    if (cancel && cancel->load())
                                                        return fail(tr("cancelled"));
                                                    bytes += piece;
                                                    return {};
                                                },
                                                {});
            if (!read) return read.failure();
        }
    }
    // Poppler reads without the notebook held: a slow or hostile file keeps only this thread.
    QString text;
    if (bytes.isEmpty()) {
        outcome.problem = tr("the PDF is too large to read its text (at most %1 MiB)")
                              .arg(limits.maxBytes / (1024 * 1024));
    } else if (auto read = preview::pdfText(bytes, limits, cancel); !read) {
        if (cancel && cancel->load()) return fail(tr("cancelled"));
        outcome.problem = read.error();
    } else {
        text = read->text.normalized(QString::NormalizationForm_C);
        outcome.pages = read->pages;
        outcome.pagesRead = read->pagesRead;
        outcome.characters = text.size();
        outcome.truncated = read->truncated;
    }
    const std::lock_guard lock(m_mutex);
    if (auto r = m_vault->setAttachmentText(attachment, text); !r) return r.failure();
    return outcome;
}

Result<QList<TextIndexOutcome>> Notebook::indexPendingText(const std::atomic_bool *cancel) {
    auto pending = attachmentsWithoutText();
    if (!pending) return pending.failure();
    QList<TextIndexOutcome> out;
    for (const AttachmentInfo &a : *pending) {
        if (cancel && cancel->load()) break;
        auto done = indexAttachmentText(a.id, cancel);
        if (!done) {
            if (cancel && cancel->load()) break;
            // A file that cannot be read from the vault now (a chunk still missing after a
            // sync) is tried again next time; the others go on.
            TextIndexOutcome failed;
            failed.attachment = a.id;
            failed.name = a.name;
            failed.problem = done.error();
            out << failed;
            continue;
        }
        out << *done;
    }
    return out;
}

} // namespace quire
