// quire-cli: never lose a notebook (issue 17) — the recovery code and its sheet, recovery on a
// new computer, backups, their restoration, and the rebuild of a damaged database.

#include "cli/CliSupport.h"

#include <QFileInfo>
#include <QJsonArray>
#include <QJsonObject>

#include <algorithm>
#include <cstdio>
#include <iterator>
#include <unistd.h>

namespace quire::cli {

namespace {

// The code from --code, else a line from standard input when it is not a terminal, else asked
// for without echo. Never printed or logged.
Result<QString> recoveryCodeArgument(const Args &a) {
    if (a.has("--code")) return a.value("--code");
    QByteArray typed;
    if (!isatty(STDIN_FILENO)) {
        char line[256] = {};
        if (std::fgets(line, sizeof line, stdin)) typed = QByteArray(line).trimmed();
        std::fill(std::begin(line), std::end(line), '\0');
    } else {
        typed = promptHidden(QStringLiteral("Recovery code: "));
    }
    const QString code = QString::fromLatin1(typed);
    wipe(typed);
    if (code.trimmed().isEmpty())
        return fail(QStringLiteral("no recovery code was given (use --code in scripts)"));
    return code;
}

void printCodeNotice(const QString &code) {
    // The code is as good as the member's keys: it is shown to a person at a terminal, never
    // written into a stream a script may keep in a log; there, the way to see it is named.
    if (!isatty(STDERR_FILENO)) {
        err() << "A recovery code was made. See it with quire-cli recovery-code show (it asks "
                 "for the passphrase), or print the sheet with quire-cli recovery-code sheet "
                 "--out FILE.pdf."
              << Qt::endl;
        return;
    }
    err() << "Your recovery code (write it down, or print the sheet with quire-cli "
             "recovery-code sheet --out FILE.pdf; it is shown again only after the passphrase "
             "is entered):"
          << Qt::endl
          << "    " << code << Qt::endl
          << "With it and the server address, a new computer gets you and the notebook back "
             "(quire-cli recover)."
          << Qt::endl;
}

} // namespace

// The notebook opened with a passphrase this command needs again (asked for once).
Result<Notebook *> Session::openWith(const QByteArray &pass) {
    auto nb = Notebook::open(m_vault, pass);
    if (!nb) return nb.failure();
    m_notebook = std::move(nb.value());
    return m_notebook.get();
}

// Called by init and join once the vault exists.
void Session::announceRecoveryCode(Notebook &nb) {
    auto code = nb.newRecoveryCode();
    if (!code) {
        err() << "quire-cli: no recovery code was made (" << code.error()
              << "); make one with: quire-cli recovery-code new" << Qt::endl;
        return;
    }
    printCodeNotice(*code);
}

int Session::recoveryCodeCommand(const Args &a) {
    const QString sub = a.positional.value(1);
    if (sub != "show" && sub != "new" && sub != "sheet")
        return failWith(QStringLiteral("usage: recovery-code show|new|sheet --out FILE.pdf"),
                        Usage);
    if (sub == "sheet" && a.value("--out").isEmpty())
        return failWith(QStringLiteral("recovery-code sheet needs --out FILE.pdf"), Usage);
    // The passphrase is asked for again on purpose: the code is as good as the keys.
    auto pass = passphrase(m_passphraseFile, false);
    if (!pass) return failWith(pass.error());
    auto nb = openWith(*pass);
    if (!nb) {
        wipe(*pass);
        return failWith(nb.error());
    }
    if (sub == "new") {
        auto code = (*nb)->newRecoveryCode();
        if (!code) {
            wipe(*pass);
            return failWith(code.error());
        }
        err() << "A new recovery code replaces the old one once synced (quire-cli sync)."
              << Qt::endl;
    }
    auto info = (*nb)->recoveryCode(*pass);
    wipe(*pass);
    if (!info) return failWith(info.error());
    if (sub == "sheet") {
        if (auto r = Notebook::writeRecoverySheet(a.value("--out"), *info); !r)
            return failWith(r.error());
        err() << "The recovery sheet is in " << a.value("--out")
              << ". Print it and keep it locked away; then delete the file." << Qt::endl;
        return Ok;
    }
    if (a.has("--json")) {
        printJson(QJsonObject{{"code", info->code},
                              {"created_at", info->createdAt},
                              {"written", info->written},
                              {"notebook", info->notebookName},
                              {"member", info->memberName},
                              {"remote", info->remote}});
        return Ok;
    }
    out() << info->code << Qt::endl;
    err() << "Made " << info->createdAt << " for " << info->memberName << " in “"
          << info->notebookName << "”"
          << (info->written ? "."
                            : "; its recovery file is not written yet (it is once this "
                              "vault has joined).")
          << Qt::endl;
    return Ok;
}

int Session::recover(const Args &a) {
    const QString remote = a.value("--remote");
    if (remote.isEmpty())
        return failWith(QStringLiteral("usage: recover --remote URL [--code CODE] --vault DIR"),
                        Usage);
    auto code = recoveryCodeArgument(a);
    if (!code) return failWith(code.error());
    auto pass = passphrase(m_passphraseFile, true);
    if (!pass) return failWith(pass.error());
    auto nb = Notebook::recover(m_vault, remote, *code, *pass);
    wipe(*pass);
    if (!nb) return failWith(nb.error());
    out() << (*nb)->vaultPath() << Qt::endl;
    err() << "You are back in “" << (*nb)->notebookName() << "” as " << (*nb)->me().name
          << ", with a new passphrase, and every record was checked on arrival. Check the whole "
             "notebook with: quire-cli verify"
          << Qt::endl;
    return Ok;
}

int Session::backup(const Args &a) {
    const QString file = a.value("--out");
    if (file.isEmpty()) return failWith(QStringLiteral("usage: backup --out FILE"), Usage);
    auto pass = passphrase(m_passphraseFile, false);
    if (!pass) return failWith(pass.error());
    auto nb = openWith(*pass);
    if (!nb) {
        wipe(*pass);
        return failWith(nb.error());
    }
    auto size = (*nb)->backup(file, *pass);
    wipe(*pass);
    if (!size) return failWith(size.error());
    out() << file << Qt::endl;
    err() << "Backup written: " << humanSize(*size)
          << ". It is encrypted; it opens with this vault's passphrase (quire-cli restore FILE "
             "--vault DIR)."
          << Qt::endl;
    return Ok;
}

int Session::restore(const Args &a) {
    const QString file = a.positional.value(1);
    if (file.isEmpty()) return failWith(QStringLiteral("usage: restore FILE --vault DIR"), Usage);
    if (!QFileInfo(file).isFile())
        return failWith(QStringLiteral("there is no backup file %1").arg(file));
    if (auto r = Notebook::restore(file, m_vault); !r) return failWith(r.error());
    out() << m_vault << Qt::endl;
    err() << "Restored. The vault opens with the passphrase it had when the backup was made; sync "
             "to bring what the server got since."
          << Qt::endl;
    return Ok;
}

int Session::rebuild(const Args &a) {
    const QString backupFile = a.value("--from-backup");
    QString code;
    if (backupFile.isEmpty()) {
        auto typed = recoveryCodeArgument(a);
        if (!typed) return failWith(typed.error());
        code = *typed;
    }
    // From a backup the vault keeps the backup's passphrase; from the code it gets a new one.
    auto pass = passphrase(m_passphraseFile, backupFile.isEmpty());
    if (!pass) return failWith(pass.error());
    auto report = Notebook::rebuild(m_vault, code, backupFile, a.value("--remote"), *pass);
    wipe(*pass);
    if (!report) return failWith(report.error());
    if (a.has("--json")) {
        printJson(QJsonObject{{"records", report->records},
                              {"records_ok", report->recordsOk},
                              {"from_local_copy", report->fromLocalCopy},
                              {"kept_aside", report->keptAside},
                              {"old_repository", report->oldRepository},
                              {"lost", QJsonArray::fromStringList(report->lost)}});
    } else {
        out() << report->recordsOk << " of " << report->records << " records rebuilt and verified."
              << Qt::endl;
        if (!report->keptAside.isEmpty())
            out() << "The damaged database is kept as " << report->keptAside << Qt::endl;
        out() << "The previous repository is kept as " << report->oldRepository << Qt::endl;
        for (const auto &line : report->lost)
            out() << "Lost: " << line << Qt::endl;
    }
    return report->records == report->recordsOk ? Ok : Failed;
}

} // namespace quire::cli
