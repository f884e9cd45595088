#pragma once
// Notebook: one unlocked notebook vault as people think of it — experiments, entries and
// their versions, attachments, search, the audit trail — and the rules that go with them
// (edits and voids need a reason, only an entry's author edits it, nothing is deleted).
// The GUI and quire-cli both work through this class; storage stays hidden behind it.

#include "Result.h"

#include <QByteArray>
#include <QJsonObject>
#include <QList>
#include <QObject>
#include <QString>
#include <QStringList>

#include <functional>
#include <memory>

namespace quire {

class Vault;

struct NotebookSpec {
    QString notebookName;
    QString memberName;
    QString email;
};

struct MemberInfo {
    QString uuid;
    QString name;
    QString email;
    QStringList roles;
    QString status;
};

struct ExperimentInfo {
    QString uuid;
    QString recordId; // head version
    QString title;
    QString project;
    QStringList tags;
    QString status; // open / closed
    QString createdAt;
    QString updatedAt;
    QString authorName;
    int entryCount = 0;
};

struct AttachmentInfo {
    QString id; // attachment record id
    QString name;
    QString mediaType;
    qint64 size = 0;
    QString sha256;
    QString recordedAt;
};

struct EntryVersion {
    QString uuid;
    QString recordId;
    int version = 0; // 1 = first
    int versionCount = 0;
    QString experiment;
    int order = 0;
    QString title;
    QString html;
    QList<AttachmentInfo> attachments;
    QString status; // active / void
    QString reason; // empty for the first version
    QString author;
    QString authorName;
    QString recordedAt;
};

struct SearchHit {
    QString kind; // experiment, entry, attachment
    QString uuid; // experiment or entry uuid (for an attachment: its entry)
    QString experiment;
    QString title;
    QString snippet; // matches wrapped in [[ and ]]
};

struct AuditEvent {
    QString recordId;
    QString type; // record type: entry, audit, ...
    QString object;
    QString recordedAt;
    QString author;
    QString authorName;
    QString action;  // for audit records; otherwise "created", "amended", "voided"
    QString summary; // one line a person can read
    QJsonObject detail;
};

struct VerifyReport {
    int records = 0;
    int recordsOk = 0;
    int chunks = 0;
    int chunksOk = 0;
    QStringList problems; // one line each, naming the record or chunk
    bool passed() const { return problems.isEmpty() && records == recordsOk && chunks == chunksOk; }
};

using ProgressFn = std::function<void(qint64 done, qint64 total)>;

class Notebook : public QObject {
    Q_OBJECT
public:
    ~Notebook() override;

    // The user's data folder for the default vault.
    static QString defaultVaultPath();
    static bool exists(const QString &vaultDir);

    static Result<std::unique_ptr<Notebook>>
    create(const QString &vaultDir, const NotebookSpec &spec, const QByteArray &passphrase);
    static Result<std::unique_ptr<Notebook>> open(const QString &vaultDir,
                                                  const QByteArray &passphrase);

    QString vaultPath() const;
    QString notebookName() const;
    QString notebookUuid() const;
    MemberInfo me() const;
    Result<QList<MemberInfo>> members();

    Result<QString> createExperiment(const QString &title, const QString &project,
                                     const QStringList &tags);
    Result<QList<ExperimentInfo>> experiments();
    Result<ExperimentInfo> experiment(const QString &uuid);

    // html is sanitised on the way in (FORMAT.md §6); markdown is converted first.
    Result<QString> addEntry(const QString &experiment, const QString &title, const QString &html);
    static QString markdownToHtml(const QByteArray &markdown);
    Result<void> editEntry(const QString &entry, const QString &title, const QString &html,
                           const QString &reason);
    Result<void> voidEntry(const QString &entry, const QString &reason);
    // version 0 = the latest.
    Result<EntryVersion> entry(const QString &entry, int version = 0);
    Result<QList<EntryVersion>> history(const QString &entry);
    Result<QList<EntryVersion>> entries(const QString &experiment);

    // Streams the file into encrypted 4 MiB chunks and adds it to the entry (a new version
    // whose reason names the file). Returns the attachment record id.
    Result<QString> attachFile(const QString &entry, const QString &filePath,
                               const ProgressFn &progress = {});
    Result<AttachmentInfo> attachment(const QString &id);
    // Writes the attachment's bytes to outPath, checking every chunk's hash.
    Result<void> saveAttachment(const QString &id, const QString &outPath,
                                const ProgressFn &progress = {});
    // The whole content in memory (for previews of small files).
    Result<QByteArray> attachmentBytes(const QString &id, qint64 maxSize);

    Result<QList<SearchHit>> search(const QString &query, int limit = 50);
    Result<QList<AuditEvent>> auditTrail();
    Result<void> changePassphrase(const QByteArray &newPassphrase);
    VerifyReport verify(const ProgressFn &progress = {});

signals:
    void changed();

private:
    explicit Notebook(std::unique_ptr<Vault> vault);
    std::unique_ptr<Vault> m_vault;
};

} // namespace quire
