// Notebook, never lose a notebook (issue 17): the recovery code and its printed sheet, a vault
// recovered on a new computer, backups and their restoration, and the rebuild of a damaged
// database from the keys and the repositories.

#include "Notebook.h"

#include "sync/GitRemote.h"
#include "sync/ObjectRepository.h"
#include "sync/RecoveryKit.h"
#include "sync/RepositoryHistory.h"
#include "sync/SyncEngine.h"
#include "vault/Vault.h"

#include <QDateTime>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QFont>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLocale>
#include <QMarginsF>
#include <QPageLayout>
#include <QPageSize>
#include <QPainter>
#include <QPdfWriter>
#include <QPen>
#include <QTextOption>

namespace quire {

namespace {

QString stamp() {
    return QDateTime::currentDateTimeUtc().toString(QStringLiteral("yyyyMMdd-HHmmss"));
}

QJsonObject readVaultJson(const QString &dir) {
    QFile f(dir + QStringLiteral("/vault.json"));
    if (!f.open(QIODevice::ReadOnly)) return {};
    return QJsonDocument::fromJson(f.read(1 << 20)).object();
}

// The server address the recovery file in the vault's own repo.git names, read with the code.
Result<QString> remoteFromLocalCopy(const QString &repoPath, const QString &member,
                                    const QString &code) {
    auto h = RepositoryHistory::open(repoPath);
    if (!h) return h.failure();
    auto head = h->resolve(QStringLiteral("refs/heads/main"));
    if (!head) return head.failure();
    if (head->isEmpty()) return QString();
    auto oid = h->blobAt(*head, QStringLiteral("recovery/%1.json").arg(member));
    if (!oid) return oid.failure();
    if (oid->isEmpty()) return QString();
    auto repo = ObjectRepository::open(repoPath);
    if (!repo) return repo.failure();
    auto bytes = repo->readBlob(*oid);
    if (!bytes) return bytes.failure();
    auto payload = recoverykit::open(*bytes, code);
    if (!payload) return payload.failure();
    return payload->remote;
}

} // namespace

Result<QString> Notebook::newRecoveryCode() {
    const std::lock_guard lock(m_mutex);
    auto code = m_vault->newRecoveryCode();
    if (!code) return code.failure();
    emit changed();
    return *code;
}

Result<RecoveryCodeInfo> Notebook::recoveryCode(const QByteArray &passphrase) {
    const std::lock_guard lock(m_mutex);
    if (!m_vault->checkPassphrase(passphrase))
        return fail(QStringLiteral("the passphrase is wrong"));
    auto code = m_vault->recoveryCode();
    if (!code) return code.failure();
    auto remote = m_vault->remoteUrl();
    const MemberInfo who = me();
    return RecoveryCodeInfo{code->code,
                            code->createdAt,
                            code->written,
                            notebookName(),
                            who.name,
                            who.email,
                            remote ? *remote : QString()};
}

Result<void> Notebook::writeRecoverySheet(const QString &pdfPath, const RecoveryCodeInfo &info) {
    const QString part = pdfPath + QStringLiteral(".part");
    {
        QPdfWriter pdf(part);
        pdf.setPageSize(QPageSize(QPageSize::A4));
        pdf.setPageMargins(QMarginsF(20, 20, 20, 20), QPageLayout::Millimeter);
        pdf.setTitle(tr("Quire recovery sheet"));
        pdf.setCreator(QStringLiteral("Quire"));
        pdf.setResolution(300);
        QPainter p;
        if (!p.begin(&pdf))
            return fail(
                QStringLiteral("could not write %1").arg(QDir::toNativeSeparators(pdfPath)));
        const int width = pdf.width();
        int y = 0;
        auto text = [&](const QString &s, const QFont &font, int gapAfter = 40) {
            p.setFont(font);
            const QRect box =
                p.boundingRect(QRect(0, y, width, 100000), Qt::TextWordWrap | Qt::AlignLeft, s);
            p.drawText(box, Qt::TextWordWrap | Qt::AlignLeft, s);
            y = box.bottom() + gapAfter;
        };
        QFont title(QStringLiteral("Sans Serif"), 20, QFont::Bold);
        QFont body(QStringLiteral("Sans Serif"), 11);
        QFont label(QStringLiteral("Sans Serif"), 11, QFont::Bold);
        QFont mono(QStringLiteral("Monospace"), 18, QFont::Bold);
        mono.setStyleHint(QFont::TypeWriter);
        text(tr("Quire recovery sheet"), title, 80);
        const QLocale locale;
        const QDateTime made = QDateTime::fromString(info.createdAt, Qt::ISODateWithMs);
        const QList<QPair<QString, QString>> facts{
            {tr("Notebook"), info.notebookName},
            {tr("Member"), info.memberEmail.isEmpty()
                               ? info.memberName
                               : QStringLiteral("%1 <%2>").arg(info.memberName, info.memberEmail)},
            {tr("Server"),
             info.remote.isEmpty() ? tr("(not set yet: write it here by hand)") : info.remote},
            {tr("Made on"), made.isValid()
                                ? locale.toString(made.toLocalTime(), QLocale::LongFormat)
                                : info.createdAt}};
        for (const auto &[name, value] : facts) {
            text(name, label, 4);
            text(value, body, 36);
        }
        y += 40;
        text(tr("Recovery code"), label, 20);
        p.setPen(QPen(Qt::black, 6));
        const int codeTop = y;
        y += 40;
        p.setFont(mono);
        const QString spaced = info.code;
        const QRect codeBox = p.boundingRect(QRect(40, y, width - 80, 100000),
                                             Qt::TextWordWrap | Qt::AlignLeft, spaced);
        p.drawText(codeBox, Qt::TextWordWrap | Qt::AlignLeft, spaced);
        y = codeBox.bottom() + 40;
        p.drawRect(QRect(0, codeTop, width, y - codeTop));
        y += 80;
        text(tr("What this is"), label, 10);
        text(tr("With this code and the server above, a new computer gets your membership and the "
                "whole notebook back, even if this computer is lost or your passphrase is "
                "forgotten. Anyone who has both can act as you in this notebook: keep the sheet "
                "locked away, apart from your computer."),
             body);
        text(tr("To recover"), label, 10);
        text(tr("On the new computer run: quire-cli recover --remote SERVER --vault FOLDER, "
                "type the code and choose a new passphrase. Letters are not case-sensitive; O "
                "may be typed as 0 and I or L as 1. The last character of each group is a "
                "check: a typing error is named by its group."),
             body);
        text(tr("When you make a new code"), label, 10);
        text(tr("A new code replaces this one as soon as your computer has synced: this sheet "
                "then opens nothing and can be destroyed."),
             body);
        p.end();
    }
    QFile::remove(pdfPath);
    if (!QFile::rename(part, pdfPath)) {
        QFile::remove(part);
        return fail(QStringLiteral("could not write %1").arg(QDir::toNativeSeparators(pdfPath)));
    }
    return {};
}

Result<std::unique_ptr<Notebook>> Notebook::recover(const QString &vaultDir, const QString &remote,
                                                    const QString &code,
                                                    const QByteArray &passphrase) {
    auto vault = Vault::createFromRecovery(vaultDir, remote, code, passphrase);
    if (!vault) return vault.failure();
    // The records arrive the way every sync brings them: decrypted, name, seal, chain and
    // write rules checked one by one; what fails is quarantined, never imported.
    auto synced = SyncEngine::run(**vault);
    if (!synced)
        return fail(QStringLiteral("the vault was made at %1, but its first sync failed: %2. Run "
                                   "quire-cli sync there to finish.")
                        .arg(vaultDir, synced.error()));
    if (auto r = (*vault)->finishRecovery(QStringLiteral("recovery_code"),
                                          QJsonObject{{"records", synced->recordsReceived}});
        !r)
        return r.failure();
    // The new computer and the audit record go to the server at once.
    if (auto again = SyncEngine::run(**vault); !again) return again.failure();
    return std::unique_ptr<Notebook>(new Notebook(std::move(vault.value())));
}

Result<qint64> Notebook::backup(const QString &file, const QByteArray &passphrase) {
    const std::lock_guard lock(m_mutex);
    return m_vault->backup(file, passphrase);
}

Result<void> Notebook::restore(const QString &file, const QString &vaultDir) {
    return Vault::restore(file, vaultDir);
}

Result<RebuildReport> Notebook::rebuild(const QString &vaultDir, const QString &code,
                                        const QString &backupFile, const QString &remote,
                                        const QByteArray &passphrase) {
    const QString dir = QFileInfo(vaultDir).absoluteFilePath();
    if (!Vault::exists(dir)) return fail(QStringLiteral("there is no notebook at %1").arg(dir));
    if (code.isEmpty() == backupFile.isEmpty())
        return fail(QStringLiteral("a rebuild needs the keys: a recovery code or a backup"));
    const QJsonObject old = readVaultJson(dir);
    const QString member = old.value("member").toString();
    const QString when = stamp();
    const QString fresh = dir + QStringLiteral(".rebuild-") + when;
    const QString oldRepo = dir + QStringLiteral("/repo.git");
    RebuildReport report;

    std::unique_ptr<Vault> v;
    if (!backupFile.isEmpty()) {
        if (auto r = Vault::restore(backupFile, fresh); !r) return r.failure();
        auto opened = Vault::open(fresh, passphrase);
        if (!opened) {
            QDir(fresh).removeRecursively();
            return opened.failure();
        }
        if (opened.value()->notebookUuid() != old.value("notebook").toString()) {
            opened.value().reset();
            QDir(fresh).removeRecursively();
            return fail(QStringLiteral("the backup is of another notebook"));
        }
        v = std::move(opened.value());
    } else {
        QString url = remote;
        if (url.isEmpty()) {
            auto known = remoteFromLocalCopy(oldRepo, member, code);
            if (!known) return known.failure();
            url = *known;
        }
        if (url.isEmpty())
            return fail(QStringLiteral("this vault's copy does not say which server it syncs with: "
                                       "give it (--remote URL)"));
        auto made = Vault::createFromRecovery(fresh, url, code, passphrase);
        if (!made) return made.failure();
        v = std::move(made.value());
    }
    auto abandon = [&](const Error &why) -> Result<RebuildReport> {
        v.reset();
        QDir(fresh).removeRecursively();
        return why;
    };
    // What this computer had published to its own copy but not sent comes back first: the old
    // repo.git is merged like a server (checked the same way), before the server itself.
    if (QFileInfo::exists(oldRepo + QStringLiteral("/HEAD"))) {
        auto fetched =
            GitRemote::fetch(fresh + QStringLiteral("/repo.git"), oldRepo, {},
                             QStringLiteral("main"), QStringLiteral("refs/remotes/previous/main"));
        if (fetched && !fetched->remoteHead.isEmpty()) {
            auto merged = v->mergeRemote(fetched->remoteHead);
            if (!merged) return abandon(merged.failure());
            report.fromLocalCopy = merged->records;
        }
    }
    auto url = v->remoteUrl();
    if (url && !url->isEmpty()) {
        auto synced = SyncEngine::run(*v);
        if (!synced)
            report.lost << QStringLiteral("the server could not be reached (%1): records only it "
                                          "holds arrive at the next sync")
                               .arg(synced.error());
    }
    if (v->isJoining())
        return abandon(fail(QStringLiteral("neither this computer's copy nor the server holds the "
                                           "notebook's records: nothing to rebuild from")));
    if (auto r = v->finishRecovery(backupFile.isEmpty() ? QStringLiteral("rebuild")
                                                        : QStringLiteral("backup"),
                                   QJsonObject{{"rebuilt", true}});
        !r)
        return abandon(r.failure());
    if (url && !url->isEmpty()) (void)SyncEngine::run(*v);
    const VaultCheck check = v->verify({});
    report.records = check.records;
    report.recordsOk = check.recordsOk;
    v.reset();

    // The damaged files step aside (renamed, never deleted) and the rebuilt ones take their place.
    report.keptAside = dir + QStringLiteral("/quire.db.damaged-") + when;
    report.oldRepository = dir + QStringLiteral("/repo.git.damaged-") + when;
    const QList<QPair<QString, QString>> aside{
        {QStringLiteral("quire.db"), QStringLiteral("quire.db.damaged-") + when},
        {QStringLiteral("quire.db-wal"), QStringLiteral("quire.db-wal.damaged-") + when},
        {QStringLiteral("quire.db-shm"), QStringLiteral("quire.db-shm.damaged-") + when},
        {QStringLiteral("vault.json"), QStringLiteral("vault.json.damaged-") + when},
        {QStringLiteral("repo.git"), QStringLiteral("repo.git.damaged-") + when}};
    for (const auto &[from, to] : aside)
        if (QFileInfo::exists(dir + '/' + from) && !QDir(dir).rename(from, to))
            return fail(QStringLiteral("could not rename %1 aside; the rebuilt vault is at %2")
                            .arg(dir + '/' + from, fresh));
    for (const char *name : {"quire.db", "repo.git", "vault.json"})
        if (!QDir().rename(fresh + '/' + QLatin1String(name), dir + '/' + QLatin1String(name)))
            return fail(QStringLiteral("could not move the rebuilt %1 into %2; it is in %3")
                            .arg(QLatin1String(name), dir, fresh));
    QDir(fresh).removeRecursively(); // only its lock file is left
    if (!QFileInfo::exists(report.keptAside)) report.keptAside.clear();

    report.lost << QStringLiteral("drafts (text typed but not saved) and this computer's local "
                                  "settings (watch folders, its own time-stamp settings, files "
                                  "already read) of the damaged database")
                << QStringLiteral("records saved on this computer and never published to its "
                                  "copy or sent to the server, if there were any: their encrypted "
                                  "files stay in %1")
                       .arg(report.oldRepository);
    if (!backupFile.isEmpty())
        report.lost.first() =
            QStringLiteral("drafts and local settings changed after the backup was made");
    return report;
}

} // namespace quire
