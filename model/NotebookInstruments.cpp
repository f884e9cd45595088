// Notebook, instruments: the lab's instruments, the files they write (captures), the inbox those
// wait in until they are filed into an entry or set aside, and reading and plotting them.

#include "Notebook.h"

#include "data/PlotImage.h"
#include "formats/Readers.h"
#include "NotebookParts.h"
#include "records/WriteRules.h"
#include "vault/Vault.h"

#include <QDateTime>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QUuid>

#include <algorithm>

namespace quire {

namespace {

constexpr qint64 kReadLimit = 256LL * 1024 * 1024; // what is read whole to show or plot
constexpr qint64 kParseAtCapture = 64LL * 1024 * 1024;

QString nfcTrimmed(const QString &s) {
    return s.trimmed().normalized(QString::NormalizationForm_C);
}

QString utcMs(qint64 ms) {
    return QDateTime::fromMSecsSinceEpoch(ms, Qt::UTC)
        .toString(QStringLiteral("yyyy-MM-ddTHH:mm:ss.zzzZ"));
}

// The write rules (records/WriteRules.h) for a record this member is about to write.
QString ruleProblem(Vault &vault, const QString &type, const QString &prev,
                    const QJsonObject &body) {
    auto me = vault.member(vault.memberUuid());
    const QStringList roles = me ? me->roles : QStringList{};
    const QJsonObject record{{"type", type},
                             {"prev", prev.isEmpty() ? QJsonValue() : QJsonValue(prev)},
                             {"author", vault.memberUuid()},
                             {"body", body}};
    return records::writeProblem(record, roles, vault.memberUuid(), {});
}

CaptureInfo toCaptureInfo(Vault &vault, const VaultCapture &c) {
    CaptureInfo i;
    i.id = c.id;
    i.instrument = c.instrument;
    auto instrument = vault.instrument(c.instrument);
    i.instrumentName = instrument ? instrument->name : QString();
    i.originalPath = c.originalPath;
    i.modifiedAt = c.modifiedAt;
    i.name = c.name;
    i.size = c.size;
    i.sha256 = c.sha256;
    i.capturedAt = c.capturedAt;
    i.reader = c.reader;
    i.problem = c.problem;
    i.heldBy = c.heldBy;
    i.setAsideReason = c.setAsideReason;
    i.inInbox = c.inInbox();
    return i;
}

Result<QByteArray> attachmentContent(Vault &vault, const QString &id, qint64 limit) {
    auto a = vault.attachment(id);
    if (!a) return a.failure();
    if (a->size > limit)
        return fail(Notebook::tr("“%1” is too large to read here (%2 MiB; at most %3 MiB)")
                        .arg(a->name)
                        .arg(a->size / (1024 * 1024))
                        .arg(limit / (1024 * 1024)));
    QByteArray bytes;
    bytes.reserve(a->size);
    auto r = vault.readAttachment(id,
                                  [&bytes](const QByteArray &piece) -> Result<void> {
                                      bytes += piece;
                                      return {};
                                  },
                                  {});
    if (!r) return r.failure();
    return bytes;
}

Result<formats::Dataset> readAttachmentDataset(Vault &vault, const QString &id) {
    auto a = vault.attachment(id);
    if (!a) return a.failure();
    auto bytes = attachmentContent(vault, id, kReadLimit);
    if (!bytes) return bytes.failure();
    return formats::readDataset(*bytes, a->name);
}

} // namespace

QString dataSearchText(const QByteArray &bytes, const QString &fileName) {
    if (formats::sniff(bytes, fileName) == formats::FileKind::Unknown) return {};
    auto data = formats::readDataset(bytes, fileName);
    if (!data) return {};
    QStringList words{data->format};
    for (const char *key : {formats::key::title, formats::key::origin, formats::key::owner,
                            formats::key::dataType, formats::key::instrument, formats::key::sample,
                            formats::key::xUnits, formats::key::yUnits, formats::key::date})
        if (const QString v = data->value(QLatin1String(key)); !v.isEmpty()) words << v;
    for (const auto &series : data->series)
        for (const QString &w :
             {series.name, series.xName, series.xUnit, series.yName, series.yUnit})
            if (!w.isEmpty() && !words.contains(w)) words << w;
    return words.join(QLatin1Char('\n'));
}

QString dataSearchTextOfFile(const QString &path) {
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly) || file.size() > kParseAtCapture) return {};
    return dataSearchText(file.readAll(), QFileInfo(path).fileName());
}

Result<QString> Notebook::addInstrument(const QString &name, const QString &model,
                                        const QString &serial, const QString &location) {
    const std::lock_guard lock(m_mutex);
    const QJsonObject body{{"name", nfcTrimmed(name)},     {"model", nfcTrimmed(model)},
                           {"serial", nfcTrimmed(serial)}, {"location", nfcTrimmed(location)},
                           {"status", "active"},           {"reason", ""}};
    if (const QString p = ruleProblem(*m_vault, "instrument", {}, body); !p.isEmpty())
        return fail(tr("the instrument was not added: %1").arg(p));
    const QString uuid = QUuid::createUuid().toString(QUuid::WithoutBraces);
    auto r = m_vault->appendOne(RecordDraft{"instrument", uuid, {}, body, {}});
    if (!r) return r.failure();
    emit changed();
    return uuid;
}

Result<QList<InstrumentInfo>> Notebook::instruments() {
    const std::lock_guard lock(m_mutex);
    auto all = m_vault->instruments();
    if (!all) return all.failure();
    QList<InstrumentInfo> out;
    for (const auto &i : *all) {
        auto author = m_vault->member(i.author);
        out << InstrumentInfo{i.uuid,      i.name,     i.model,  i.serial,
                              i.location,  i.status,   i.reason, author ? author->name : QString(),
                              i.createdAt, i.updatedAt};
    }
    return out;
}

Result<void> Notebook::retireInstrument(const QString &instrument, const QString &reason) {
    const std::lock_guard lock(m_mutex);
    auto current = m_vault->instrument(instrument);
    if (!current) return current.failure();
    if (current->status == "retired")
        return fail(tr("the instrument “%1” is retired already").arg(current->name));
    auto head = m_vault->record(current->head);
    if (!head) return head.failure();
    QJsonObject body = head->body;
    body.insert("status", "retired");
    body.insert("reason", nfcTrimmed(reason));
    if (const QString p = ruleProblem(*m_vault, "instrument", head->id, body); !p.isEmpty())
        return fail(tr("the instrument was not retired: %1").arg(p));
    auto r = m_vault->appendOne(RecordDraft{"instrument", instrument, head->id, body, {}});
    if (!r) return r.failure();
    emit changed();
    return {};
}

Result<void> Notebook::setWatchFolder(const WatchFolder &watch) {
    const std::lock_guard lock(m_mutex);
    auto instrument = m_vault->instrument(watch.instrument);
    if (!instrument) return instrument.failure();
    const QFileInfo folder(watch.folder);
    if (!folder.isDir()) return fail(tr("%1 is not a folder").arg(watch.folder));
    if (watch.settleSeconds < 0 || watch.pollSeconds < 1)
        return fail(tr("the settle time must be 0 s or more and the poll time 1 s or more"));
    QStringList patterns;
    for (const auto &p : watch.patterns)
        if (!p.trimmed().isEmpty()) patterns << p.trimmed();
    if (patterns.isEmpty()) patterns << QStringLiteral("*");
    const QJsonObject setting{{"folder", folder.absoluteFilePath()},
                              {"patterns", QJsonArray::fromStringList(patterns)},
                              {"settle_seconds", watch.settleSeconds},
                              {"poll_seconds", watch.pollSeconds}};
    auto r = m_vault->setLocalSetting(
        QStringLiteral("watch_folder/") + watch.instrument,
        QString::fromUtf8(QJsonDocument(setting).toJson(QJsonDocument::Compact)));
    if (!r) return r;
    QJsonObject detail = setting;
    detail.insert("folder", folder.absoluteFilePath().normalized(QString::NormalizationForm_C));
    detail.insert("setting", "watch_folder");
    detail.insert("instrument", watch.instrument);
    auto audited = m_vault->audit(QStringLiteral("settings"), detail);
    if (!audited) return audited;
    emit changed();
    return {};
}

Result<void> Notebook::removeWatchFolder(const QString &instrument) {
    const std::lock_guard lock(m_mutex);
    const QString key = QStringLiteral("watch_folder/") + instrument;
    auto current = m_vault->localSetting(key);
    if (!current) return current.failure();
    if (current->isEmpty())
        return fail(tr("no folder of this computer is bound to the instrument"));
    const QString folder =
        QJsonDocument::fromJson(current->toUtf8()).object().value("folder").toString();
    if (auto r = m_vault->setLocalSetting(key, {}); !r) return r;
    auto audited =
        m_vault->audit(QStringLiteral("settings"),
                       QJsonObject{{"setting", "watch_folder"},
                                   {"instrument", instrument},
                                   {"folder", folder.normalized(QString::NormalizationForm_C)},
                                   {"removed", true}});
    if (!audited) return audited;
    emit changed();
    return {};
}

Result<QList<WatchFolder>> Notebook::watchFolders() {
    const std::lock_guard lock(m_mutex);
    auto settings = m_vault->localSettings(QStringLiteral("watch_folder/"));
    if (!settings) return settings.failure();
    QList<WatchFolder> out;
    for (auto it = settings->begin(); it != settings->end(); ++it) {
        const QJsonObject o = QJsonDocument::fromJson(it.value().toUtf8()).object();
        WatchFolder w;
        w.instrument = it.key().mid(QStringLiteral("watch_folder/").size());
        w.folder = o.value("folder").toString();
        w.patterns.clear();
        for (const auto &p : o.value("patterns").toArray())
            w.patterns << p.toString();
        w.settleSeconds = o.value("settle_seconds").toInt(5);
        w.pollSeconds = o.value("poll_seconds").toInt(30);
        out << w;
    }
    return out;
}

Result<CaptureOutcome> Notebook::captureFile(const QString &instrument, const QString &path,
                                             qint64 expectedSize, qint64 expectedModifiedMs,
                                             const ProgressFn &progress) {
    const std::lock_guard lock(m_mutex);
    auto inst = m_vault->instrument(instrument);
    if (!inst) return inst.failure();
    if (inst->status != "active")
        return fail(
            tr("the instrument “%1” is retired; its files are not captured").arg(inst->name));
    // Attachments are an author's (FORMAT.md §2).
    if (auto me = m_vault->member(m_vault->memberUuid()); !me || !me->roles.contains("author"))
        return fail(tr("only members with the author role capture instrument files"));
    QFileInfo info(path);
    const QString original = info.absoluteFilePath().normalized(QString::NormalizationForm_C);
    auto unchanged = [&] {
        info.refresh();
        return info.isFile() && info.size() == expectedSize &&
               info.lastModified().toMSecsSinceEpoch() == expectedModifiedMs;
    };
    CaptureOutcome outcome;
    if (!unchanged()) {
        outcome.kind = CaptureOutcome::Kind::Changed;
        return outcome;
    }
    const QString modifiedAt = utcMs(expectedModifiedMs);
    auto seen = m_vault->seenFile(original, expectedSize, modifiedAt);
    if (!seen) return seen.failure();
    if (!seen->isEmpty()) {
        auto kept = m_vault->hasCapture(*seen, original);
        if (!kept) return kept.failure();
        if (*kept) {
            outcome.kind = CaptureOutcome::Kind::AlreadyKept;
            return outcome;
        }
    }
    // Streamed into encrypted chunks. Chunks of a read that is given up are stored but named by
    // no record; the next read of the same bytes finds them and writes nothing again.
    auto body = m_vault->storeAttachment(path, progress);
    if (!body) return body.failure();
    if (!unchanged() || body->value("size").toInteger() != expectedSize) {
        outcome.kind = CaptureOutcome::Kind::Changed;
        return outcome;
    }
    const QString sha = body->value("sha256").toString();
    if (auto r = m_vault->noteSeenFile(original, expectedSize, modifiedAt, sha); !r)
        return r.failure();
    auto kept = m_vault->hasCapture(sha, original);
    if (!kept) return kept.failure();
    if (*kept) {
        outcome.kind = CaptureOutcome::Kind::AlreadyKept;
        return outcome;
    }
    // What the readers make of it, judged on the bytes as read (not on the file again). Larger
    // files are only recognised by their first 64 KiB here; `data show` reads them whole.
    QString reader, problem, searchText;
    if (expectedSize <= kParseAtCapture) {
        QFile file(path);
        QByteArray bytes;
        if (file.open(QIODevice::ReadOnly)) bytes = file.readAll();
        if (crypto::toHex(crypto::sha256(bytes)) != sha.toLatin1()) {
            outcome.kind = CaptureOutcome::Kind::Changed;
            return outcome;
        }
        auto data = formats::readDataset(bytes, info.fileName());
        if (data)
            reader = data->format;
        else
            problem = data.error();
        if (data) searchText = dataSearchText(bytes, info.fileName());
    } else {
        QFile file(path);
        QByteArray head;
        if (file.open(QIODevice::ReadOnly)) head = file.read(64 * 1024);
        const formats::FileKind kind = formats::sniff(head, info.fileName());
        if (kind == formats::FileKind::Unknown)
            problem = tr("not a file Quire can read: %1 is neither JCAMP-DX nor delimited text")
                          .arg(info.fileName());
        else
            reader = formats::kindName(kind);
    }
    QJsonObject attachment = *body;
    attachment.insert("source", QJsonObject{{"kind", "instrument"},
                                            {"instrument", instrument},
                                            {"original_path", original},
                                            {"modified_at", modifiedAt},
                                            {"reader", reader},
                                            {"problem", problem}});
    const QString object = QUuid::createUuid().toString(QUuid::WithoutBraces);
    auto r = m_vault->appendOne(RecordDraft{"attachment", object, {}, attachment, {}});
    if (!r) return r.failure();
    if (!searchText.isEmpty())
        if (auto t = m_vault->setAttachmentText(r->id, searchText); !t) return t.failure();
    auto c = m_vault->capture(r->id);
    if (!c) return c.failure();
    outcome.kind = CaptureOutcome::Kind::Captured;
    outcome.id = r->id;
    outcome.capture = toCaptureInfo(*m_vault, *c);
    emit changed();
    return outcome;
}

Result<QList<CaptureInfo>> Notebook::inbox() {
    const std::lock_guard lock(m_mutex);
    auto all = m_vault->captures(true);
    if (!all) return all.failure();
    QList<CaptureInfo> out;
    for (const auto &c : *all)
        out << toCaptureInfo(*m_vault, c);
    return out;
}

Result<CaptureInfo> Notebook::capture(const QString &id) {
    const std::lock_guard lock(m_mutex);
    auto c = m_vault->capture(id);
    if (!c) return c.failure();
    return toCaptureInfo(*m_vault, *c);
}

Result<QString> Notebook::fileCapture(const QString &captureId, const QString &entryUuid) {
    const std::lock_guard lock(m_mutex);
    auto c = m_vault->capture(captureId);
    if (!c) return c.failure();
    if (!c->heldBy.isEmpty()) return fail(tr("“%1” is filed in an entry already").arg(c->name));
    if (!c->setAsideReason.isEmpty())
        return fail(tr("“%1” was set aside (%2)").arg(c->name, c->setAsideReason));
    const QString reason = tr("filed “%1” from the inbox").arg(c->name);
    auto head = editableHead(*m_vault, entryUuid, reason, m_vault->memberUuid());
    if (!head) return head.failure();
    QJsonObject body = head->body;
    QJsonArray list = body.value("attachments").toArray();
    list.append(captureId);
    body.insert("attachments", list);
    body.insert("reason", reason);
    auto r = m_vault->appendOne(RecordDraft{"entry", entryUuid, head->id, body, {}});
    if (!r) return r.failure();
    emit changed();
    return captureId;
}

Result<void> Notebook::setAside(const QString &captureId, const QString &reason) {
    const std::lock_guard lock(m_mutex);
    auto c = m_vault->capture(captureId);
    if (!c) return c.failure();
    if (!c->inInbox()) return fail(tr("“%1” is not in the inbox").arg(c->name));
    const QJsonObject body{{"target", captureId}, {"reason", nfcTrimmed(reason)}};
    if (const QString p = ruleProblem(*m_vault, "set_aside", {}, body); !p.isEmpty())
        return fail(tr("it was not set aside: %1").arg(p));
    const QString object = QUuid::createUuid().toString(QUuid::WithoutBraces);
    auto r = m_vault->appendOne(RecordDraft{"set_aside", object, {}, body, {}});
    if (!r) return r.failure();
    emit changed();
    return {};
}

DatasetInfo datasetInfo(const formats::Dataset &data) {
    DatasetInfo out;
    out.format = data.format;
    out.warnings = data.warnings;
    for (const auto &f : data.metadata)
        out.metadata.append({f.key, f.value});
    for (const auto &s : data.series) {
        DataSeriesInfo i;
        i.name = s.name;
        i.xName = s.xName;
        i.xUnit = s.xUnit;
        i.yName = s.yName;
        i.yUnit = s.yUnit;
        i.count = qint64(s.x.size());
        i.xReversed = s.xReversed;
        i.peaks = s.kind == formats::SeriesKind::Peaks;
        if (!s.x.empty()) {
            const auto [xlo, xhi] = std::minmax_element(s.x.begin(), s.x.end());
            const auto [ylo, yhi] = std::minmax_element(s.y.begin(), s.y.end());
            i.xMin = *xlo;
            i.xMax = *xhi;
            i.yMin = *ylo;
            i.yMax = *yhi;
            i.firstX = s.x.front();
            i.firstY = s.y.front();
            i.lastX = s.x.back();
            i.lastY = s.y.back();
        }
        out.series << i;
    }
    return out;
}

Result<DatasetInfo> Notebook::dataset(const QString &attachment) {
    const std::lock_guard lock(m_mutex);
    auto data = readAttachmentDataset(*m_vault, attachment);
    if (!data) return data.failure();
    return datasetInfo(*data);
}

Result<QImage> Notebook::plot(const QString &attachment, int series, int width, int height) {
    const std::lock_guard lock(m_mutex);
    auto data = readAttachmentDataset(*m_vault, attachment);
    if (!data) return data.failure();
    auto a = m_vault->attachment(attachment);
    return data::plotImage(*data, series, width, height, a ? a->name : QString());
}

Result<data::PlotData> Notebook::plotData(const QString &attachment) {
    const std::lock_guard lock(m_mutex);
    auto data = readAttachmentDataset(*m_vault, attachment);
    if (!data) return data.failure();
    auto a = m_vault->attachment(attachment);
    return data::PlotData(std::make_shared<const formats::Dataset>(std::move(*data)),
                          a ? a->name : QString());
}

} // namespace quire
