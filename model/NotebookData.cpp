// Notebook, reading a data file for the window's Data tab: one read of the bytes (with the
// notebook held), one parse (without it), with progress in bytes and a cancel flag, so that a
// file of hundreds of MB neither freezes the window nor keeps the notebook from others.

#include "Notebook.h"

#include "formats/Readers.h"
#include "NotebookParts.h"
#include "vault/Vault.h"

namespace quire {

namespace {
constexpr qint64 kShowLimit = 256LL * 1024 * 1024; // as Notebook::dataset reads
}

Result<DataFile> Notebook::readDataFile(
    const QString &attachment,
    const std::function<void(const QString &phase, qint64 done, qint64 total)> &progress,
    const std::atomic_bool *cancel) {
    const auto cancelled = [cancel] { return cancel && cancel->load(); };
    QByteArray bytes;
    QString name;
    {
        const std::lock_guard lock(m_mutex);
        auto a = m_vault->attachment(attachment);
        if (!a) return a.failure();
        name = a->name;
        if (a->size > kShowLimit)
            return fail(tr("“%1” is too large to read here (%2 MiB; at most %3 MiB)")
                            .arg(a->name)
                            .arg(a->size / (1024 * 1024))
                            .arg(kShowLimit / (1024 * 1024)));
        bytes.reserve(a->size);
        const qint64 total = a->size;
        if (progress) progress(QStringLiteral("reading"), 0, total);
        auto read = m_vault->readAttachment(attachment,
                                            [&](const QByteArray &piece) -> Result<void> {
                                                if (cancelled()) return fail(tr("cancelled"));
                                                bytes += piece;
                                                if (progress)
                                                    progress(QStringLiteral("reading"),
                                                             bytes.size(), total);
                                                return {};
                                            },
                                            {});
        if (!read) return read.failure();
    }
    if (cancelled()) return fail(tr("cancelled"));
    const qint64 total = bytes.size();
    if (progress) progress(QStringLiteral("parsing"), 0, total);
    auto data = formats::readDataset(bytes, name, [&](qint64 done, qint64 all) {
        if (progress) progress(QStringLiteral("parsing"), done, all);
        return !cancelled();
    });
    if (!data)
        return data.error() == QLatin1String("cancelled") ? fail(tr("cancelled")) : data.failure();
    bytes = QByteArray(); // the series hold what is needed; the text may be as large again
    DataFile out;
    out.info = datasetInfo(*data);
    out.plot = data::PlotData(std::make_shared<const formats::Dataset>(std::move(*data)), name);
    return out;
}

} // namespace quire
