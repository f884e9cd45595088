#include "Notebook.h"

#include "LocalTime.h"
#include "NotebookParts.h"

#include "html/HtmlSanitizer.h"
#include "html/Markdown.h"
#include "preview/Preview.h"
#include "sync/Membership.h"
#include "sync/SyncEngine.h"
#include "vault/Vault.h"

#include <QDateTime>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QHash>
#include <QJsonArray>
#include <QRegularExpression>
#include <QSaveFile>
#include <QStandardPaths>
#include <QTimeZone>
#include <QUuid>

#include <algorithm>

namespace quire {

namespace {

QStringList stringList(const QJsonValue &v) {
    QStringList out;
    for (const auto &item : v.toArray())
        out << item.toString();
    return out;
}

QString nfc(const QString &s) {
    return s.normalized(QString::NormalizationForm_C);
}

MemberInfo toMemberInfo(const VaultMember &m) {
    return MemberInfo{m.uuid, m.name, m.email, m.roles, m.status};
}

ExperimentInfo toExperimentInfo(const VaultExperiment &x, const QString &authorName) {
    ExperimentInfo e;
    e.uuid = x.uuid;
    e.recordId = x.head;
    e.title = x.title;
    e.project = x.project;
    e.tags = x.tags;
    e.status = x.status;
    e.createdAt = x.createdAt;
    e.updatedAt = x.updatedAt;
    e.authorName = authorName;
    e.entryCount = x.entryCount;
    return e;
}

QString requireReason(const QString &reason) {
    return reason.trimmed();
}

} // namespace

Notebook::Notebook(std::unique_ptr<Vault> vault)
    : m_vault(std::move(vault)) {}
Notebook::~Notebook() = default;

QString Notebook::defaultVaultPath() {
    return QStandardPaths::writableLocation(QStandardPaths::GenericDataLocation) +
           QStringLiteral("/quire/notebook");
}

bool Notebook::exists(const QString &vaultDir) {
    return Vault::exists(vaultDir);
}

Result<std::unique_ptr<Notebook>>
Notebook::create(const QString &vaultDir, const NotebookSpec &spec, const QByteArray &passphrase) {
    auto vault = Vault::create(vaultDir, nfc(spec.notebookName), nfc(spec.memberName),
                               nfc(spec.email), passphrase);
    if (!vault) return vault.failure();
    return std::unique_ptr<Notebook>(new Notebook(std::move(vault.value())));
}

Result<std::unique_ptr<Notebook>> Notebook::open(const QString &vaultDir,
                                                 const QByteArray &passphrase) {
    auto vault = Vault::open(vaultDir, passphrase);
    if (!vault) return vault.failure();
    return std::unique_ptr<Notebook>(new Notebook(std::move(vault.value())));
}

QString Notebook::vaultPath() const {
    const std::lock_guard lock(m_mutex);
    return m_vault->path();
}
QString Notebook::notebookName() const {
    const std::lock_guard lock(m_mutex);
    return m_vault->notebookName();
}
QString Notebook::notebookUuid() const {
    const std::lock_guard lock(m_mutex);
    return m_vault->notebookUuid();
}

MemberInfo Notebook::me() const {
    const std::lock_guard lock(m_mutex);
    auto m = m_vault->member(m_vault->memberUuid());
    if (!m) return MemberInfo{m_vault->memberUuid(), {}, {}, {}, {}};
    return toMemberInfo(*m);
}

Result<QList<MemberInfo>> Notebook::members() {
    const std::lock_guard lock(m_mutex);
    auto all = m_vault->members();
    if (!all) return all.failure();
    QList<MemberInfo> out;
    for (const auto &m : *all)
        out << toMemberInfo(m);
    return out;
}

Result<QString> Notebook::createExperiment(const QString &title, const QString &project,
                                           const QStringList &tags) {
    const std::lock_guard lock(m_mutex);
    const QString cleanTitle = nfc(title.trimmed());
    if (cleanTitle.isEmpty()) return fail(tr("the experiment needs a title"));
    if (!me().roles.contains(QStringLiteral("author")))
        return fail(tr("only members with the author role can create experiments"));
    QJsonArray tagArray;
    for (const auto &tag : tags)
        if (!tag.trimmed().isEmpty()) tagArray.append(nfc(tag.trimmed()));
    const QString uuid = QUuid::createUuid().toString(QUuid::WithoutBraces);
    auto r = m_vault->appendOne(RecordDraft{"experiment",
                                            uuid,
                                            {},
                                            QJsonObject{{"title", cleanTitle},
                                                        {"project", nfc(project.trimmed())},
                                                        {"tags", tagArray},
                                                        {"status", "open"}},
                                            {}});
    if (!r) return r.failure();
    emit changed();
    return uuid;
}

Result<QList<ExperimentInfo>> Notebook::experiments() {
    const std::lock_guard lock(m_mutex);
    auto list = m_vault->experiments();
    if (!list) return list.failure();
    auto people = m_vault->members();
    QHash<QString, QString> names;
    if (people)
        for (const auto &m : *people)
            names.insert(m.uuid, m.name);
    QList<ExperimentInfo> out;
    for (const auto &x : *list)
        out << toExperimentInfo(x, names.value(x.author));
    return out;
}

Result<ExperimentInfo> Notebook::experiment(const QString &uuid) {
    const std::lock_guard lock(m_mutex);
    auto x = m_vault->experiment(uuid);
    if (!x) return x.failure();
    auto m = m_vault->member(x->author);
    return toExperimentInfo(*x, m ? m->name : QString());
}

QString Notebook::markdownToHtml(const QByteArray &markdown) {
    return html::sanitize(markdown::toHtml(markdown));
}

Result<QStringList> Notebook::addEntries(const QString &experimentUuid,
                                         const QList<NewEntry> &newEntries) {
    QList<NewEntry> entries = newEntries;
    for (auto &e : entries)
        e.experiment = experimentUuid;
    return addEntries(entries);
}

Result<QStringList> Notebook::addEntries(const QList<NewEntry> &newEntries) {
    const std::lock_guard lock(m_mutex);
    if (!me().roles.contains(QStringLiteral("author")))
        return fail(tr("only members with the author role can write entries"));
    QHash<QString, int> nextOrder; // per experiment
    QList<RecordDraft> drafts;
    QStringList uuids;
    for (const auto &e : newEntries) {
        if (!nextOrder.contains(e.experiment)) {
            auto x = m_vault->experiment(e.experiment);
            if (!x) return x.failure();
            if (x->status == "closed")
                return fail(tr("the experiment “%1” is closed").arg(x->title));
            auto order = m_vault->nextEntryOrder(e.experiment);
            if (!order) return order.failure();
            nextOrder.insert(e.experiment, *order);
        }
        const QString cleanTitle = nfc(e.title.trimmed());
        if (cleanTitle.isEmpty()) return fail(tr("every entry needs a title"));
        const QString uuid = QUuid::createUuid().toString(QUuid::WithoutBraces);
        drafts << RecordDraft{"entry",
                              uuid,
                              {},
                              QJsonObject{{"experiment", e.experiment},
                                          {"order", nextOrder[e.experiment]++},
                                          {"title", cleanTitle},
                                          {"html", e.html},
                                          {"attachments", QJsonArray{}},
                                          {"status", "active"}},
                              {},
                              // Sanitising is the costly part of an import; the vault runs it
                              // on its worker threads.
                              [](QJsonObject &body) {
                                  body["html"] =
                                      nfc(html::sanitizeUnlessClean(body.value("html").toString()));
                              }};
        uuids << uuid;
    }
    if (drafts.isEmpty()) return uuids;
    auto r = m_vault->append(drafts);
    if (!r) return r.failure();
    emit changed();
    return uuids;
}

Result<QString> Notebook::addEntry(const QString &experimentUuid, const QString &title,
                                   const QString &htmlText, const QStringList &attachments) {
    const std::lock_guard lock(m_mutex);
    auto x = m_vault->experiment(experimentUuid);
    if (!x) return x.failure();
    if (x->status == "closed") return fail(tr("the experiment “%1” is closed").arg(x->title));
    const QString cleanTitle = nfc(title.trimmed());
    if (cleanTitle.isEmpty()) return fail(tr("the entry needs a title"));
    if (!me().roles.contains(QStringLiteral("author")))
        return fail(tr("only members with the author role can write entries"));
    auto named = withAttachments(*m_vault, {}, attachments);
    if (!named) return named.failure();
    auto order = m_vault->nextEntryOrder(experimentUuid);
    if (!order) return order.failure();
    const QString uuid = QUuid::createUuid().toString(QUuid::WithoutBraces);
    auto r = m_vault->appendOne(
        RecordDraft{"entry",
                    uuid,
                    {},
                    QJsonObject{{"experiment", experimentUuid},
                                {"order", *order},
                                {"title", cleanTitle},
                                {"html", nfc(html::sanitizeUnlessClean(htmlText))},
                                {"attachments", *named},
                                {"status", "active"}},
                    {}});
    if (!r) return r.failure();
    emit changed();
    return uuid;
}

// Checks what every change of an existing entry needs, and returns its head record
// (NotebookParts.h).
Result<StoredRecord> editableHead(Vault &vault, const QString &entry, const QString &reason,
                                  const QString &me) {
    auto chain = vault.chain(entry);
    if (!chain) return chain.failure();
    if (chain->isEmpty() || chain->first().type != "entry")
        return fail(Notebook::tr("there is no entry %1").arg(entry));
    if (chain->first().author != me)
        return fail(Notebook::tr("only the entry's author can change it; others can comment"));
    const StoredRecord head = chain->last();
    if (const QString conflict = conflictEditProblem(vault, entry); !conflict.isEmpty())
        return fail(conflict);
    if (head.body.value("status").toString() == "void")
        return fail(Notebook::tr("the entry “%1” was voided and cannot be changed")
                        .arg(head.body.value("title").toString()));
    if (reason.trimmed().isEmpty()) {
        auto sigs = vault.signaturesOf(entry);
        const bool signedHead =
            sigs && std::any_of(sigs->begin(), sigs->end(), [&head](const VaultSignature &s) {
                return s.target == head.id && s.meaning == "authored" && s.valid && s.allowed;
            });
        if (signedHead)
            return fail(Notebook::tr("the entry “%1” is signed; a change is an amendment and needs "
                                     "a reason, and the signature stays with the version it "
                                     "signed")
                            .arg(head.body.value("title").toString()));
        return fail(Notebook::tr("a reason is needed to change an entry"));
    }
    return head;
}

Result<void> Notebook::editEntry(const QString &entryUuid, const QString &title,
                                 const QString &htmlText, const QString &reason,
                                 const QStringList &attachments) {
    const std::lock_guard lock(m_mutex);
    auto head = editableHead(*m_vault, entryUuid, reason, m_vault->memberUuid());
    if (!head) return head.failure();
    QJsonObject body = head->body;
    const QString newTitle =
        title.trimmed().isEmpty() ? body.value("title").toString() : nfc(title.trimmed());
    const QString newHtml = nfc(html::sanitizeUnlessClean(htmlText));
    auto named = withAttachments(*m_vault, body.value("attachments").toArray(), attachments);
    if (!named) return named.failure();
    if (newTitle == body.value("title").toString() && newHtml == body.value("html").toString() &&
        *named == body.value("attachments").toArray())
        return fail(tr("nothing changed, so no new version was saved"));
    body.insert("attachments", *named);
    body.insert("title", newTitle);
    body.insert("html", newHtml);
    body.insert("reason", nfc(requireReason(reason)));
    auto r = m_vault->appendOne(RecordDraft{"entry", entryUuid, head->id, body, {}});
    if (!r) return r.failure();
    emit changed();
    return {};
}

Result<void> Notebook::voidEntry(const QString &entryUuid, const QString &reason) {
    const std::lock_guard lock(m_mutex);
    auto head = editableHead(*m_vault, entryUuid, reason, m_vault->memberUuid());
    if (!head) return head.failure();
    QJsonObject body = head->body;
    body.insert("status", "void");
    body.insert("reason", nfc(requireReason(reason)));
    auto r = m_vault->appendOne(RecordDraft{"entry", entryUuid, head->id, body, {}});
    if (!r) return r.failure();
    emit changed();
    return {};
}

namespace {
AttachmentInfo toAttachmentInfo(const VaultAttachment &a) {
    return AttachmentInfo{a.id, a.name, a.mediaType, a.size, a.sha256, a.recordedAt};
}
} // namespace

static SignatureInfo toSignatureInfo(Vault &vault, const VaultSignature &s) {
    SignatureInfo i;
    i.id = s.id;
    i.entry = s.targetObject;
    i.target = s.target;
    i.version = s.targetVersion;
    i.meaning = s.meaning;
    i.meaningLabel = Notebook::meaningLabel(s.meaning);
    i.signer = s.signer;
    i.printedName = s.printedName;
    i.signedAt = s.signedAt;
    i.valid = s.valid;
    i.allowed = s.allowed;
    i.problem = s.problem;
    if (auto t = vault.anchorTime(s.id); t && *t) {
        i.attestedTrusted = (*t)->trusted;
        i.attestedAt = (*t)->genTime;
        i.attestedBy = (*t)->tsa;
    }
    return i;
}

static EntryVersion toEntryVersion(Vault &vault, const StoredRecord &r, int count,
                                   QHash<QString, QString> &names,
                                   const QList<VaultSignature> &signatures) {
    EntryVersion v;
    for (const auto &s : signatures) {
        const bool authoredAndHolds = s.meaning == "authored" && s.valid && s.allowed;
        if (s.target == r.id) {
            v.signatures << toSignatureInfo(vault, s);
            if (authoredAndHolds) v.signedByAuthor = true;
        } else if (authoredAndHolds && s.targetVersion < r.version) {
            v.changedAfterSigning = true;
        }
    }
    if (auto t = vault.anchorTime(r.id); t && *t && (*t)->trusted) v.attestedAt = (*t)->genTime;
    v.uuid = r.object;
    v.recordId = r.id;
    v.version = r.version;
    v.versionCount = count;
    v.experiment = r.body.value("experiment").toString();
    v.order = int(r.body.value("order").toInteger());
    v.title = r.body.value("title").toString();
    v.html = r.body.value("html").toString();
    v.status = r.body.value("status").toString();
    v.reason = r.body.value("reason").toString();
    v.fromTemplate = r.body.value("template").toString();
    v.author = r.author;
    v.recordedAt = r.recordedAt;
    v.conflict = conflictTips(vault, r.object);
    if (!names.contains(r.author)) {
        auto m = vault.member(r.author);
        names.insert(r.author, m ? m->name : r.author);
    }
    v.authorName = names.value(r.author);
    v.comments = entryComments(vault, r.object, names);
    for (const auto &id : stringList(r.body.value("attachments"))) {
        auto a = vault.attachment(id);
        if (a)
            v.attachments << toAttachmentInfo(*a);
        else
            v.attachments << AttachmentInfo{id, Notebook::tr("(missing attachment)"), {}, 0, {},
                                            {}};
    }
    return v;
}

Result<EntryVersion> Notebook::entry(const QString &entryUuid, int version) {
    const std::lock_guard lock(m_mutex);
    auto chain = m_vault->chain(entryUuid);
    if (!chain) return chain.failure();
    if (chain->isEmpty() || chain->first().type != "entry")
        return fail(tr("there is no entry %1").arg(entryUuid));
    if (version < 0 || version > chain->size())
        return fail(
            tr("the entry has %n versions; there is no version %1", nullptr, int(chain->size()))
                .arg(version));
    QHash<QString, QString> names;
    const StoredRecord &r = version == 0 ? chain->last() : chain->at(version - 1);
    auto sigs = m_vault->signaturesOf(entryUuid);
    if (!sigs) return sigs.failure();
    return toEntryVersion(*m_vault, r, chain->last().version, names, *sigs);
}

Result<QList<EntryVersion>> Notebook::history(const QString &entryUuid) {
    const std::lock_guard lock(m_mutex);
    auto chain = m_vault->chain(entryUuid);
    if (!chain) return chain.failure();
    if (chain->isEmpty() || chain->first().type != "entry")
        return fail(tr("there is no entry %1").arg(entryUuid));
    QHash<QString, QString> names;
    QList<EntryVersion> out;
    auto sigs = m_vault->signaturesOf(entryUuid);
    if (!sigs) return sigs.failure();
    for (const auto &r : *chain)
        out << toEntryVersion(*m_vault, r, chain->last().version, names, *sigs);
    return out;
}

Result<QList<EntryVersion>> Notebook::entries(const QString &experimentUuid) {
    auto run = entryRun(experimentUuid, 0, -1);
    if (!run) return run.failure();
    return std::move(run->entries);
}

Result<EntryRun> Notebook::entryRun(const QString &experimentUuid, int first, int count,
                                    const QString &around) {
    const std::lock_guard lock(m_mutex);
    auto list = m_vault->entries(experimentUuid);
    if (!list) return list.failure();
    EntryRun run;
    run.total = int(list->size());
    const int size = count < 0 ? run.total : std::min(count, run.total);
    const int latest = run.total - size;
    int start = first < 0 ? latest : std::min(first, latest);
    if (!around.isEmpty()) {
        const auto it = std::find_if(list->cbegin(), list->cend(),
                                     [&](const VaultEntry &e) { return e.uuid == around; });
        const int at = it == list->cend() ? -1 : int(it - list->cbegin());
        if (at >= 0 && (at < start || at >= start + size)) start = std::min(at, latest);
    }
    run.first = std::max(0, start);
    QHash<QString, QString> names;
    for (int i = run.first; i < run.first + size && i < run.total; ++i) {
        const VaultEntry &e = list->at(i);
        auto r = m_vault->record(e.head);
        if (!r) return r.failure();
        auto sigs = m_vault->signaturesOf(e.uuid);
        if (!sigs) return sigs.failure();
        run.entries << toEntryVersion(*m_vault, *r, e.versions, names, *sigs);
    }
    return run;
}

Result<QString> Notebook::attachFile(const QString &entryUuid, const QString &filePath,
                                     const ProgressFn &progress) {
    const std::lock_guard lock(m_mutex);
    const QFileInfo info(filePath);
    if (!info.isFile()) return fail(tr("%1 is not a file").arg(filePath));
    auto head = editableHead(*m_vault, entryUuid, QStringLiteral("attach"), m_vault->memberUuid());
    if (!head) return head.failure();
    auto body = m_vault->storeAttachment(filePath, progress);
    if (!body) return body.failure();
    const QString name = body->value("name").toString();
    QJsonObject entryBody = head->body;
    entryBody.insert("reason", tr("attached “%1”").arg(name));
    const QString attachmentObject = QUuid::createUuid().toString(QUuid::WithoutBraces);
    auto records =
        m_vault->append({RecordDraft{"attachment", attachmentObject, {}, *body, {}},
                         RecordDraft{"entry", entryUuid, head->id, entryBody,
                                     [](QJsonObject &b, const QList<StoredRecord> &earlier) {
                                         QJsonArray list = b.value("attachments").toArray();
                                         list.append(earlier.last().id);
                                         b.insert("attachments", list);
                                     }}});
    if (!records) return records.failure();
    // A data file is found by what it says about itself (its title, instrument, sample, units).
    if (const QString text = dataSearchTextOfFile(filePath); !text.isEmpty())
        if (auto t = m_vault->setAttachmentText(records->first().id, text); !t) return t.failure();
    emit changed();
    return records->first().id;
}

Result<AttachmentInfo> Notebook::attachment(const QString &id) {
    const std::lock_guard lock(m_mutex);
    auto a = m_vault->attachment(id);
    if (!a) return a.failure();
    return toAttachmentInfo(*a);
}

Result<void> Notebook::saveAttachment(const QString &id, const QString &outPath,
                                      const ProgressFn &progress) {
    const std::lock_guard lock(m_mutex);
    // Written to a temporary file and renamed only when every chunk has checked out, so a
    // damaged attachment never leaves a plausible-looking partial file behind.
    QSaveFile out(outPath);
    if (!out.open(QIODevice::WriteOnly))
        return fail(tr("could not write %1: %2").arg(outPath, out.errorString()));
    auto r = m_vault->readAttachment(
        id,
        [&](const QByteArray &bytes) -> Result<void> {
            if (out.write(bytes) != bytes.size())
                return fail(tr("could not write %1: %2").arg(outPath, out.errorString()));
            return {};
        },
        progress);
    if (!r) {
        out.cancelWriting();
        return r;
    }
    if (!out.commit()) return fail(tr("could not write %1: %2").arg(outPath, out.errorString()));
    return {};
}

Result<QByteArray> Notebook::attachmentBytes(const QString &id, qint64 maxSize) {
    const std::lock_guard lock(m_mutex);
    auto a = m_vault->attachment(id);
    if (!a) return a.failure();
    if (a->size > maxSize) return fail(tr("“%1” is too large to show here").arg(a->name));
    QByteArray all;
    auto r = m_vault->readAttachment(id,
                                     [&](const QByteArray &bytes) -> Result<void> {
                                         all += bytes;
                                         return {};
                                     },
                                     {});
    if (!r) return r.failure();
    return all;
}

bool Notebook::canPreview(const QString &mediaType) {
    return preview::canPreview(mediaType);
}

Result<QImage> Notebook::attachmentPreview(const QString &id, int maxSide, int page) {
    constexpr qint64 kMaxPreviewBytes = 64 * 1024 * 1024;
    const std::lock_guard lock(m_mutex);
    auto a = m_vault->attachment(id);
    if (!a) return a.failure();
    if (!preview::canPreview(a->mediaType))
        return fail(tr("there is no preview for “%1”").arg(a->name));
    auto bytes = attachmentBytes(id, kMaxPreviewBytes);
    if (!bytes) return bytes.failure();
    return preview::render(*bytes, a->mediaType, maxSide, page);
}

Result<QList<SearchHit>> Notebook::search(const QString &query, int limit,
                                          const SearchFilter &filter) {
    const std::lock_guard lock(m_mutex);
    VaultSearchFilter f;
    // Days are the person's local days; the vault's times are UTC.
    auto startOf = [](const QDate &day) {
        return QDateTime(day, QTime(0, 0), QTimeZone::systemTimeZone())
            .toUTC()
            .toString(Qt::ISODateWithMs);
    };
    if (filter.from.isValid()) f.from = startOf(filter.from);
    if (filter.to.isValid()) f.before = startOf(filter.to.addDays(1));
    f.author = filter.author;
    f.tag = filter.tag;
    f.signedState = filter.signedState == SearchFilter::Signed::SignedOnly     ? 1
                    : filter.signedState == SearchFilter::Signed::UnsignedOnly ? 2
                                                                               : 0;
    auto hits = m_vault->search(query, limit, f);
    if (!hits) return hits.failure();
    QList<SearchHit> out;
    for (const auto &h : *hits)
        out << SearchHit{h.kind, h.ref, h.experiment, h.title, h.snippet};
    return out;
}

Result<QList<AuditEvent>> Notebook::auditTrail() {
    const std::lock_guard lock(m_mutex);
    auto records = m_vault->allRecords();
    if (!records) return records.failure();
    QHash<QString, QString> names;
    if (auto people = m_vault->members(); people)
        for (const auto &m : *people)
            names.insert(m.uuid, m.name);
    QList<AuditEvent> out;
    for (const auto &r : *records) {
        AuditEvent e;
        e.recordId = r.id;
        e.type = r.type;
        e.object = r.object;
        e.recordedAt = r.recordedAt;
        e.author = r.author;
        e.authorName = names.value(r.author, r.author);
        const QString title = r.body.value(r.type == "template" ? "name" : "title").toString();
        const QString reason = r.body.value("reason").toString();
        if (r.type == "audit") {
            e.action = r.body.value("action").toString();
            e.detail = r.body.value("detail").toObject();
            e.summary = e.action;
            if (e.action == "unlock_failed")
                e.summary = tr("%n failed unlock attempts before this unlock", nullptr,
                               int(e.detail.value("count").toInteger()));
            else if (e.action == "unlock")
                e.summary = tr("notebook unlocked");
            else if (e.action == "passphrase_changed")
                e.summary = tr("passphrase changed");
            else if (e.action == "clock_backwards")
                e.summary = tr("the computer's clock went back from %1 to %2")
                                .arg(e.detail.value("last_recorded_at")
                                         .toString(e.detail.value("last_trusted_time").toString()),
                                     e.detail.value("clock_now").toString());
            else if (e.action == "signing_failed")
                e.summary = tr("signing as %1 failed: %2")
                                .arg(meaningLabel(e.detail.value("meaning").toString()),
                                     e.detail.value("reason").toString());
            else if (e.action == "settings_changed")
                e.summary = tr("settings changed: %1").arg(e.detail.value("setting").toString());
            else if (e.action == "export")
                e.summary = tr("exported: %1").arg(e.detail.value("what").toString());
            else if (e.action == "export_pdf")
                e.summary =
                    tr("PDF exported (SHA-256 %1)").arg(e.detail.value("sha256").toString());
            else if (e.action == "pdf_signed" || e.action == "pdf_timestamped")
                e.summary = (e.action == "pdf_signed"
                                 ? tr("PDF signed as %1")
                                       .arg(meaningLabel(e.detail.value("meaning").toString()))
                                 : tr("PDF time-stamped")) +
                            tr(" (SHA-256 %1)").arg(e.detail.value("sha256_after").toString());
        } else if (r.type == "notebook") {
            e.action = QStringLiteral("created");
            e.summary = tr("notebook “%1” created").arg(r.body.value("name").toString());
        } else if (r.type == "member") {
            const bool revoked = r.body.value("status").toString() == "revoked";
            e.action = r.prev.isEmpty()
                           ? QStringLiteral("created")
                           : (revoked ? QStringLiteral("revoked") : QStringLiteral("amended"));
            e.summary = r.prev.isEmpty() ? tr("member “%1” added (%2)")
                                               .arg(r.body.value("name").toString(),
                                                    stringList(r.body.value("roles")).join(", "))
                        : revoked ? tr("membership of “%1” revoked: %2")
                                        .arg(r.body.value("name").toString(), reason)
                                  : tr("member “%1” changed (%2)")
                                        .arg(r.body.value("name").toString(),
                                             stringList(r.body.value("roles")).join(", "));
        } else if (r.type == "signature") {
            e.action = QStringLiteral("signed");
            SignatureInfo si;
            si.printedName = r.body.value("printed_name").toString();
            si.meaning = r.body.value("meaning").toString();
            si.signedAt = r.body.value("signed_at").toString();
            e.summary = tr("signature: %1 on record %2")
                            .arg(manifestation(si), r.body.value("target").toString().left(12));
        } else if (r.type == "anchor") {
            e.action = QStringLiteral("attested");
            e.summary = tr("%n records attested by the time-stamp authority %1", nullptr,
                           int(r.body.value("leaves").toArray().size()))
                            .arg(r.body.value("tsa").toString());
        } else if (r.type == "template_policy") { // issue 17
            e.action = r.prev.isEmpty() ? QStringLiteral("created") : QStringLiteral("amended");
            e.summary = r.body.value("writers").toString() == "authors"
                            ? tr("templates may be written by admins and authors")
                            : tr("templates may be written by admins only");
        } else if (r.type == "attachment") {
            e.action = QStringLiteral("created");
            e.summary = tr("file “%1” stored (%2 bytes)")
                            .arg(r.body.value("name").toString())
                            .arg(r.body.value("size").toInteger());
        } else {
            const bool voided = r.body.value("status").toString() == "void";
            e.action = r.prev.isEmpty()
                           ? QStringLiteral("created")
                           : (voided ? QStringLiteral("voided") : QStringLiteral("amended"));
            // A first version started from a template names it (issue 17).
            const QString from = r.body.value("template").toString();
            e.summary =
                r.prev.isEmpty() && !from.isEmpty()
                    ? tr("%1 “%2” created from template %3").arg(r.type, title, from.left(12))
                : r.prev.isEmpty() ? tr("%1 “%2” created").arg(r.type, title)
                                   : tr("%1 “%2” version %3 %4: %5")
                                         .arg(r.type, title)
                                         .arg(r.version)
                                         .arg(voided ? tr("voided") : tr("amended"), reason);
        }
        out << e;
    }
    return out;
}

QByteArray Notebook::auditCsv(const QList<AuditEvent> &events) {
    auto cell = [](QString text) {
        // A leading = + - @ (or tab/CR) makes spreadsheets evaluate the cell.
        if (!text.isEmpty() && QStringLiteral("=+-@\t\r").contains(text.front()))
            text.prepend('\'');
        if (text.contains(QRegularExpression(QStringLiteral("[\",\r\n]")))) {
            text.replace('"', QStringLiteral("\"\""));
            text = '"' + text + '"';
        }
        return text;
    };
    QString out = QStringLiteral("recorded_at,author,action,type,object,summary,record\r\n");
    for (const auto &e : events) {
        out += QStringList{cell(e.recordedAt), cell(e.authorName), cell(e.action),  cell(e.type),
                           cell(e.object),     cell(e.summary),    cell(e.recordId)}
                   .join(',') +
               QStringLiteral("\r\n");
    }
    return QByteArray("\xEF\xBB\xBF") + out.toUtf8();
}

Result<void> Notebook::noteExport(const QString &what, const QJsonObject &detail) {
    const std::lock_guard lock(m_mutex);
    QJsonObject d = detail;
    d.insert(QStringLiteral("what"), what);
    auto r = m_vault->audit(QStringLiteral("export"), d);
    if (r) emit changed();
    return r;
}

Result<QStringList> Notebook::tags() {
    const std::lock_guard lock(m_mutex);
    auto list = m_vault->experiments();
    if (!list) return list.failure();
    QStringList out;
    for (const auto &x : *list)
        out << x.tags;
    out.removeDuplicates();
    out.sort(Qt::CaseInsensitive);
    return out;
}

Result<void> Notebook::saveDraft(const Draft &draft) {
    const std::lock_guard lock(m_mutex);
    return m_vault->putDraft(VaultDraft{draft.key,
                                        draft.entry,
                                        draft.experiment,
                                        draft.base,
                                        draft.title,
                                        draft.html,
                                        {},
                                        draft.attachments});
}

Result<QList<Draft>> Notebook::drafts() {
    const std::lock_guard lock(m_mutex);
    auto list = m_vault->drafts();
    if (!list) return list.failure();
    QList<Draft> out;
    for (const auto &d : *list)
        out << Draft{d.key,   d.entry, d.experiment, d.base,
                     d.title, d.html,  d.savedAt,    d.attachments};
    return out;
}

Result<void> Notebook::discardDraft(const QString &key) {
    const std::lock_guard lock(m_mutex);
    return m_vault->removeDraft(key);
}

Result<void> Notebook::changePassphrase(const QByteArray &newPassphrase) {
    const std::lock_guard lock(m_mutex);
    return m_vault->changePassphrase(newPassphrase);
}

VerifyReport Notebook::verify(const ProgressFn &progress, bool perRecord) {
    const std::lock_guard lock(m_mutex);
    const VaultCheck c = m_vault->verify(progress, perRecord);
    VerifyReport r;
    r.records = c.records;
    r.recordsOk = c.recordsOk;
    r.chunks = c.chunks;
    r.chunksOk = c.chunksOk;
    r.problems = c.problems;
    r.warnings = c.warnings;
    QHash<QString, QString> names;
    if (auto people = m_vault->members(); people)
        for (const auto &m : *people)
            names.insert(m.uuid, m.name);
    r.recordVerdicts.reserve(c.recordChecks.size());
    for (const auto &rc : c.recordChecks) {
        RecordVerdict v;
        v.id = rc.id;
        v.type = rc.type;
        v.object = rc.object;
        v.version = rc.version;
        v.authorName = names.value(rc.author, rc.author);
        v.sealOk = rc.sealOk;
        v.chainOk = rc.chainOk;
        v.stored = rc.stored;
        v.problems = rc.problems;
        if (rc.signature) {
            v.isSignature = true;
            v.signature = toSignatureInfo(*m_vault, *rc.signature);
        }
        if (rc.anchoredAt) {
            v.attestedAt = rc.anchoredAt->genTime;
            v.attestedTrusted = rc.anchoredAt->trusted;
        }
        r.recordVerdicts << v;
    }
    return r;
}

// ---- electronic signatures ---------------------------------------------------------------

QStringList Notebook::signatureMeanings() {
    return {QStringLiteral("authored"), QStringLiteral("reviewed"), QStringLiteral("approved"),
            QStringLiteral("witnessed")};
}

QString Notebook::meaningLabel(const QString &meaning) {
    if (meaning == "authored") return tr("Authored");
    if (meaning == "reviewed") return tr("Reviewed");
    if (meaning == "approved") return tr("Approved");
    if (meaning == "witnessed") return tr("Witnessed");
    return meaning;
}

QString Notebook::manifestation(const SignatureInfo &s) {
    return manifestation(s, QLocale::c());
}

QString Notebook::manifestation(const SignatureInfo &s, const QLocale &locale) {
    const QDateTime utc = QDateTime::fromString(s.signedAt, Qt::ISODateWithMs);
    const QDateTime local = utc.toLocalTime();
    const int offset = local.offsetFromUtc();
    const QString zone = QStringLiteral("%1 (UTC%2%3:%4)")
                             .arg(local.timeZoneAbbreviation(), offset < 0 ? "-" : "+")
                             .arg(qAbs(offset) / 3600, 2, 10, QLatin1Char('0'))
                             .arg(qAbs(offset) % 3600 / 60, 2, 10, QLatin1Char('0'));
    //: printed name — meaning — date and time with zone (21 CFR 11.50)
    return tr("%1 — %2 — %3 %4")
        .arg(s.printedName, meaningLabel(s.meaning),
             locale == QLocale::c()
                 ? local.toString(QStringLiteral("yyyy-MM-dd HH:mm:ss"))
                 : locale.toString(local, localDateFormat(locale) + QLatin1Char(' ') +
                                              localTimeFormat(locale)),
             zone);
}

namespace {
// The entry version a signature is about: its record id, or the reason there is none.
Result<StoredRecord> versionToSign(Vault &vault, const QString &entry, int version) {
    auto chain = vault.chain(entry);
    if (!chain) return chain.failure();
    if (chain->isEmpty() || chain->first().type != "entry")
        return fail(Notebook::tr("there is no entry %1").arg(entry));
    if (version < 0 || version > chain->size())
        return fail(Notebook::tr("the entry has %n versions; there is no version %1", nullptr,
                                 int(chain->size()))
                        .arg(version));
    return version == 0 ? chain->last() : chain->at(version - 1);
}
} // namespace

Result<QString> Notebook::signingProblem(const QString &entryUuid, int version,
                                         const QString &meaning) {
    const std::lock_guard lock(m_mutex);
    auto target = versionToSign(*m_vault, entryUuid, version);
    if (!target) return target.failure();
    return m_vault->signingProblem(target->id, meaning);
}

Result<SignatureInfo> Notebook::sign(const QString &entryUuid, int version, const QString &meaning,
                                     const QByteArray &passphrase) {
    const std::lock_guard lock(m_mutex);
    auto target = versionToSign(*m_vault, entryUuid, version);
    if (!target) return target.failure();
    // The rules first: a refusal asks for no passphrase and writes nothing.
    auto problem = m_vault->signingProblem(target->id, meaning);
    if (!problem) return problem.failure();
    if (!problem->isEmpty()) return fail(*problem);
    if (!m_vault->checkPassphrase(passphrase)) {
        auto audited = m_vault->audit(QStringLiteral("signing_failed"),
                                      QJsonObject{{"target", target->id},
                                                  {"meaning", meaning},
                                                  {"reason", QStringLiteral("wrong passphrase")}});
        emit changed();
        if (!audited) return audited.failure();
        return fail(tr("the passphrase is wrong; nothing was signed, and the failed attempt was "
                       "recorded"));
    }
    auto signature = m_vault->sign(target->id, meaning);
    if (!signature) return signature.failure();
    emit changed();
    return toSignatureInfo(*m_vault, *signature);
}

Result<QList<SignatureInfo>> Notebook::signatures(const QString &entryUuid) {
    const std::lock_guard lock(m_mutex);
    auto sigs = m_vault->signaturesOf(entryUuid);
    if (!sigs) return sigs.failure();
    QList<SignatureInfo> out;
    for (const auto &s : *sigs)
        out << toSignatureInfo(*m_vault, s);
    return out;
}

Result<SignatureInfo> Notebook::signature(const QString &id) {
    const std::lock_guard lock(m_mutex);
    auto s = m_vault->signature(id);
    if (!s) return s.failure();
    return toSignatureInfo(*m_vault, *s);
}

Result<QList<ReviewItem>> Notebook::reviewQueue() {
    const std::lock_guard lock(m_mutex);
    auto me = m_vault->member(m_vault->memberUuid());
    if (!me) return me.failure();
    QList<ReviewItem> out;
    if (me->status != "active" || !me->roles.contains("supervisor")) return out;
    auto waiting = m_vault->awaitingCountersignature();
    if (!waiting) return waiting.failure();
    QHash<QString, QString> experimentTitles;
    for (const auto &s : *waiting) {
        if (s.signer == me->uuid) continue; // a supervisor never countersigns their own entry
        ReviewItem item;
        item.authored = toSignatureInfo(*m_vault, s);
        auto e = m_vault->entry(s.targetObject);
        if (!e) continue;
        item.entryTitle = e->title;
        item.experiment = e->experiment;
        if (!experimentTitles.contains(e->experiment)) {
            auto x = m_vault->experiment(e->experiment);
            experimentTitles.insert(e->experiment, x ? x->title : QString());
        }
        item.experimentTitle = experimentTitles.value(e->experiment);
        out << item;
    }
    return out;
}

// ---- trusted time -------------------------------------------------------------------------

Result<TimestampSettings> Notebook::timestampSettings() {
    const std::lock_guard lock(m_mutex);
    auto t = m_vault->tsaSettings();
    if (!t) return t.failure();
    return TimestampSettings{t->urls, t->trustedPem};
}

Result<void> Notebook::setTimestampSettings(const TimestampSettings &settings) {
    const std::lock_guard lock(m_mutex);
    QStringList urls;
    for (const auto &u : settings.urls)
        if (!u.trimmed().isEmpty()) urls << u.trimmed();
    auto r = m_vault->setTsaSettings(TsaSettings{urls, settings.trustedPem});
    if (r) emit changed();
    return r;
}

Result<int> Notebook::unattestedCount() {
    const std::lock_guard lock(m_mutex);
    return m_vault->unanchoredCount();
}

// ---- sharing -------------------------------------------------------------------------------

Result<void> Notebook::setRemote(const QString &url, const QString &user, const QByteArray &secret,
                                 const QByteArray &sshPrivateKey, const QString &caFile) {
    const std::lock_guard lock(m_mutex);
    return m_vault->setRemote(url.trimmed(), user.trimmed(), secret, sshPrivateKey, caFile);
}

Result<QString> Notebook::remoteUrl() {
    const std::lock_guard lock(m_mutex);
    return m_vault->remoteUrl();
}

Result<SyncSummary>
Notebook::sync(const std::function<void(QString phase, qint64 done, qint64 total)> &progress,
               const std::atomic_bool *cancel) {
    const std::lock_guard lock(m_mutex);
    const bool wasJoining = m_vault->isJoining();
    // Trusted time at each sync (FORMAT.md §4): what waits is anchored first, so that the
    // anchor travels with this sync. An authority that does not answer only delays that.
    int anchored = 0;
    int anchorsRenewed = 0;
    QString anchorProblem;
    if (!wasJoining) {
        auto tsa = m_vault->tsaSettings();
        auto waiting = m_vault->unanchoredCount();
        // Also with nothing waiting: anchors due for renewal are renewed (FORMAT.md §4).
        if (tsa && !tsa->urls.isEmpty() && waiting) {
            if (progress && *waiting > 0) progress(QStringLiteral("timestamp"), 0, *waiting);
            auto a = m_vault->anchorPending(5000);
            if (a) {
                anchored = a->records;
                anchorsRenewed = a->renewed;
                if (!a->renewalProblem.isEmpty()) anchorProblem = a->renewalProblem;
            } else {
                anchorProblem = a.error();
            }
        }
    }
    auto report = SyncEngine::run(
        *m_vault,
        [&progress](const SyncProgress &p) {
            if (progress) progress(p.phase, p.done, p.total);
        },
        cancel);
    if (!report) return report.failure();
    SyncSummary s;
    s.recordsReceived = report->recordsReceived;
    s.chunksReceived = report->chunksReceived;
    s.sent = report->pushed;
    s.attempts = report->attempts;
    s.alarms = report->alarms;
    s.openAlarms = report->openAlarms;
    s.quarantined = report->quarantined;
    s.expectedRefusals = report->expectedRefusals;
    s.sshHostKeyPinned = report->sshHostKeyPinned;
    s.anchored = anchored;
    s.anchorProblem = anchorProblem;
    s.anchorsRenewed = anchorsRenewed;
    if (s.recordsReceived > 0 || s.anchored > 0 || s.anchorsRenewed > 0 ||
        wasJoining != m_vault->isJoining())
        emit changed();
    return s;
}

Result<SyncStatus> Notebook::syncStatus() {
    const std::lock_guard lock(m_mutex);
    SyncStatus status;
    status.joining = m_vault->isJoining();
    auto url = m_vault->remoteUrl();
    if (!url) return url.failure();
    status.remote = *url;
    // Counting reads every file saved since the last publish: the whole notebook (100,000
    // entries: a fifth of a second) until it is first shared. Without a remote nothing waits to
    // be sent, and the window shows no count.
    if (!status.remote.isEmpty()) {
        auto waiting = m_vault->unpublishedCount();
        if (!waiting) return waiting.failure();
        status.waiting = *waiting;
    }
    auto refused = m_vault->quarantine();
    if (!refused) return refused.failure();
    status.quarantined = int(refused->size());
    return status;
}

Result<QByteArray> Notebook::invite() {
    const std::lock_guard lock(m_mutex);
    return m_vault->makeInvitation();
}

Result<JoinResult> Notebook::join(const QString &vaultDir, const QByteArray &invitation,
                                  const QString &name, const QString &email,
                                  const QByteArray &passphrase) {
    auto start = Vault::createJoining(vaultDir, invitation, nfc(name.trimmed()),
                                      nfc(email.trimmed()), passphrase);
    if (!start) return start.failure();
    JoinResult out;
    out.notebook.reset(new Notebook(std::move(start->vault)));
    out.request = start->request;
    out.code = start->code;
    return out;
}

Result<JoinRequestInfo> Notebook::readJoinRequest(const QByteArray &request) {
    auto parsed = membership::parseJoinRequest(request);
    if (!parsed) return fail(tr("the join request cannot be used: %1").arg(parsed.error()));
    auto code = membership::joinRequestCode(*parsed);
    if (!code) return code.failure();
    return JoinRequestInfo{parsed->member, parsed->name, parsed->email, *code};
}

Result<QString> Notebook::approve(const QByteArray &request, const QStringList &roles) {
    const std::lock_guard lock(m_mutex);
    QStringList cleanRoles;
    for (const auto &role : roles)
        if (!role.trimmed().isEmpty()) cleanRoles << role.trimmed().toLower();
    auto member = m_vault->approveJoin(request, cleanRoles);
    if (!member) return member.failure();
    emit changed();
    return member;
}

Result<void> Notebook::revoke(const QString &member, const QString &reason) {
    const std::lock_guard lock(m_mutex);
    auto r = m_vault->revokeMember(member.trimmed(), nfc(reason.trimmed()));
    if (!r) return r;
    emit changed();
    return {};
}

bool Notebook::isJoining() const {
    const std::lock_guard lock(m_mutex);
    return m_vault->isJoining();
}

} // namespace quire
