// quire-cli: Sharing through the lab's git server: the remote, sync, joining and members.

#include "cli/CliSupport.h"

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QMap>
#include <QSaveFile>
#include <QTextStream>

namespace quire::cli {

int Session::remote(const Args &a) {
    if (a.positional.value(1) != "set" || a.positional.size() != 3)
        return failWith(
            QStringLiteral("usage: remote set URL [--user U] [--ca FILE] [--ssh-key FILE]"), Usage);
    const QString url = a.positional.value(2).trimmed();
    const QString user = a.value("--user");
    const bool https = url.startsWith(QLatin1String("https://"), Qt::CaseInsensitive);
    QByteArray sshKey;
    if (a.has("--ssh-key")) {
        auto key = readSmallFile(a.value("--ssh-key"), QStringLiteral("ssh key file"));
        if (!key) return failWith(key.error());
        // The .pub file next to the key is an easy mistake; it would only fail at sync.
        if (!key->contains("PRIVATE KEY"))
            return failWith(QStringLiteral("%1 is not a private ssh key (give the key file "
                                           "itself, not the .pub file)")
                                .arg(a.value("--ssh-key")));
        sshKey = *key;
    }
    auto nb = open();
    if (!nb) return failWith(nb.error());
    QByteArray secret;
    if (qEnvironmentVariableIsSet("QUIRE_REMOTE_SECRET")) {
        if (https)
            secret = qgetenv("QUIRE_REMOTE_SECRET");
        else
            err() << "QUIRE_REMOTE_SECRET is not used: only https:// addresses log in with a "
                     "password or token."
                  << Qt::endl;
    } else if (https && !user.isEmpty()) {
        secret = promptHidden(QStringLiteral("Password or token for %1: ").arg(user));
        if (secret.isEmpty())
            return failWith(QStringLiteral("no password or token was given (set "
                                           "QUIRE_REMOTE_SECRET or run in a terminal); "
                                           "nothing was changed"));
    }
    auto r = (*nb)->setRemote(url, user, secret, sshKey, a.value("--ca"));
    wipe(secret);
    wipe(sshKey);
    if (!r) return failWith(r.error());
    err() << "The shared repository is now " << url << "." << Qt::endl;
    return Ok;
}

int Session::sync(const Args &a) {
    auto nb = open();
    if (!nb) return failWith(nb.error());
    const bool wasJoining = (*nb)->isJoining();
    const bool showProgress = !a.has("--json") && isatty(STDERR_FILENO);
    auto summary = (*nb)->sync([showProgress](QString phase, qint64 done, qint64 total) {
        if (!showProgress) return;
        err() << "\r" << phase;
        if (total > 0) err() << " " << done << " of " << total;
        err() << "\x1b[K";
        err().flush();
    });
    if (showProgress) err() << "\r\x1b[K";
    if (!summary) return failWith(summary.error());
    auto remote = (*nb)->remoteUrl();
    const QString where = remote ? *remote : QString();
    // Alarms found before and not yet acknowledged count as much as new ones.
    QStringList earlier;
    for (const auto &line : summary->openAlarms)
        if (!summary->alarms.contains(line)) earlier << line;
    const bool clean = summary->alarms.isEmpty() && earlier.isEmpty();
    if (a.has("--json")) {
        printJson(QJsonObject{
            {"remote", where},
            {"records_received", summary->recordsReceived},
            {"chunks_received", summary->chunksReceived},
            {"sent", summary->sent},
            {"attempts", summary->attempts},
            {"alarms", QJsonArray::fromStringList(summary->alarms)},
            {"open_alarms", QJsonArray::fromStringList(summary->openAlarms)},
            {"quarantined", QJsonArray::fromStringList(summary->quarantined)},
            {"expected_refusals", QJsonArray::fromStringList(summary->expectedRefusals)},
            {"ssh_host_key_pinned", summary->sshHostKeyPinned},
            {"joined", wasJoining && !(*nb)->isJoining()},
            {"anchored", summary->anchored},
            {"anchor_problem", summary->anchorProblem},
            {"up_to_date", clean}});
    } else {
        if (wasJoining && !(*nb)->isJoining())
            out() << "You have joined “" << (*nb)->notebookName() << "”." << Qt::endl;
        if (summary->recordsReceived == 0 && summary->chunksReceived == 0)
            out() << "Nothing new arrived." << Qt::endl;
        else
            out() << "Received " << summary->recordsReceived
                  << (summary->recordsReceived == 1 ? " record" : " records") << " and "
                  << summary->chunksReceived
                  << (summary->chunksReceived == 1 ? " attachment chunk." : " attachment chunks.")
                  << Qt::endl;
        out() << (summary->sent ? "Sent this notebook's new changes." : "Nothing to send.")
              << Qt::endl;
        if (!summary->sshHostKeyPinned.isEmpty())
            out() << "The ssh server's host key (SHA-256 " << summary->sshHostKeyPinned
                  << ") was remembered; a different key will stop the sync." << Qt::endl;
        for (const auto &alarm : summary->alarms)
            out() << "ALARM: " << alarm << Qt::endl;
        for (const auto &alarm : earlier)
            out() << "ALARM (found before, not yet acknowledged): " << alarm << Qt::endl;
        for (const auto &refused : summary->quarantined)
            out() << "Refused: " << refused << Qt::endl;
        for (const auto &refused : summary->expectedRefusals)
            out() << "Refused as the rules intend (not tampering): " << refused << Qt::endl;
        if (summary->anchored > 0)
            out() << summary->anchored << " records were attested by a time-stamp authority."
                  << Qt::endl;
        if (!summary->anchorProblem.isEmpty())
            out() << "Not yet attested (will retry at the next sync): " << summary->anchorProblem
                  << Qt::endl;
        if (clean) out() << "Up to date with " << where << "." << Qt::endl;
    }
    if (!clean) {
        const qsizetype n = summary->alarms.size() + earlier.size();
        return failWith(QStringLiteral("the shared repository was changed by someone "
                                       "outside the notebook (%1 alarm%2 not acknowledged); "
                                       "nothing local was lost. Tell an admin of the notebook, "
                                       "who sees them with: quire-cli alarms")
                            .arg(n)
                            .arg(n == 1 ? "" : "s"));
    }
    return Ok;
}

int Session::join(const Args &a) {
    for (const char *required : {"--invitation", "--name", "--email", "--out"})
        if (a.value(required).isEmpty())
            return failWith(QStringLiteral("join needs %1").arg(required), Usage);
    auto invitation = readSmallFile(a.value("--invitation"), QStringLiteral("invitation"));
    if (!invitation) return failWith(invitation.error());
    // The code alone goes to standard output, so the request must go to a file.
    const QString outPath = a.value("--out");
    if (outPath == QLatin1String("-"))
        return failWith(QStringLiteral("join --out needs a file name: the code is what goes "
                                       "to the standard output"),
                        Usage);
    // Opened before the vault exists: a lost request would leave a vault nobody can approve.
    QSaveFile request(outPath);
    if (!request.open(QIODevice::WriteOnly))
        return failWith(
            QStringLiteral("could not write %1: %2").arg(outPath, request.errorString()));
    auto pass = passphrase(m_passphraseFile, true);
    if (!pass) return failWith(pass.error());
    auto joined =
        Notebook::join(m_vault, *invitation, a.value("--name"), a.value("--email"), *pass);
    wipe(*pass);
    if (!joined) return failWith(joined.error());
    if (request.write(joined->request) != joined->request.size() || !request.commit())
        return failWith(QStringLiteral("could not write %1: %2; remove the folder %3 and join "
                                       "again")
                            .arg(outPath, request.errorString(), m_vault));
    out() << joined->code << Qt::endl;
    err() << "Send " << outPath << " to an admin of “" << joined->notebook->notebookName()
          << "” and read them the code " << joined->code
          << " by phone or in person, so they can check that the request is yours. Once they "
             "have approved it, run: quire-cli sync"
          << Qt::endl;
    announceRecoveryCode(*joined->notebook);
    return Ok;
}

int Session::member(const Args &a) {
    const QString sub = a.positional.value(1);
    if (sub == "list") return memberList(a);
    if (sub == "roles") return memberRoles(a);
    if (sub == "invite") {
        if (a.value("--out").isEmpty())
            return failWith(QStringLiteral("member invite needs --out FILE"), Usage);
        auto nb = open();
        if (!nb) return failWith(nb.error());
        auto invitation = (*nb)->invite();
        if (!invitation) return failWith(invitation.error());
        if (auto w = writeFileAtomically(a.value("--out"), *invitation); !w)
            return failWith(w.error());
        err() << "Give " << a.value("--out")
              << " to the newcomer; it holds no secret. They run: quire-cli join --invitation "
                 "FILE --name \"FULL NAME\" --email EMAIL --out request.json"
              << Qt::endl;
        return Ok;
    }
    if (sub == "approve") {
        const QString file = a.positional.value(2);
        if (file.isEmpty() || a.value("--roles").isEmpty())
            return failWith(QStringLiteral("usage: member approve REQUEST --roles "
                                           "author[,supervisor,admin,auditor] [--code CODE]"),
                            Usage);
        auto bytes = readSmallFile(file, QStringLiteral("join request"));
        if (!bytes) return failWith(bytes.error());
        auto info = Notebook::readJoinRequest(*bytes);
        if (!info) return failWith(info.error());
        if (a.has("--code") && normalisedCode(a.value("--code")) != normalisedCode(info->code))
            return failWith(QStringLiteral("the code you were given is not this request's code: "
                                           "the request may not come from %1. Nothing was "
                                           "approved; ask them for a new request.")
                                .arg(info->name));
        auto nb = open();
        if (!nb) return failWith(nb.error());
        auto member = (*nb)->approve(*bytes, a.value("--roles").split(u','));
        if (!member) return failWith(member.error());
        out() << *member << Qt::endl;
        err() << "Approved " << info->name << " <" << info->email << "> as " << a.value("--roles")
              << ". The request's code is " << info->code
              << (a.has("--code") ? " (it matches)." : ": it must be the code they read to you.")
              << " Sync to send the approval: quire-cli sync" << Qt::endl;
        return Ok;
    }
    if (sub == "revoke") {
        const QString who = a.positional.value(2);
        if (who.isEmpty())
            return failWith(QStringLiteral("usage: member revoke MEMBER --reason R"), Usage);
        if (a.value("--reason").trimmed().isEmpty())
            return failWith(QStringLiteral("member revoke needs --reason"), Usage);
        auto nb = open();
        if (!nb) return failWith(nb.error());
        auto member = memberNamed(**nb, who);
        if (!member) return failWith(member.error());
        auto r = (*nb)->revoke(member->uuid, a.value("--reason"));
        if (!r) return failWith(r.error());
        err() << member->name
              << " was revoked: what is written from now on is closed to them. Sync to send "
                 "the revocation: quire-cli sync"
              << Qt::endl;
        return Ok;
    }
    return failWith(QStringLiteral("unknown command 'member %1' (try --help)").arg(sub), Usage);
}

int Session::memberList(const Args &a) {
    if (a.has("--devices")) return memberDevices(a);
    auto nb = open();
    if (!nb) return failWith(nb.error());
    auto people = (*nb)->members();
    if (!people) return failWith(people.error());
    if (a.has("--json")) {
        QJsonArray arr;
        for (const auto &m : *people)
            arr.append(QJsonObject{{"uuid", m.uuid},
                                   {"name", m.name},
                                   {"email", m.email},
                                   {"roles", QJsonArray::fromStringList(m.roles)},
                                   {"status", m.status},
                                   // A share of the CA key waits in the shared repository.
                                   {"ca_share", [&] {
                                        auto share = (*nb)->hasCaShare(m.uuid);
                                        return share && *share;
                                    }()}});
        printJson(arr);
        return Ok;
    }
    if ((*nb)->isJoining())
        out() << "This vault waits for an admin to approve its join request; sync once they "
                 "have."
              << Qt::endl;
    for (const auto &m : *people)
        out() << m.name << " <" << m.email << ">  " << m.roles.join(',') << "  " << m.status << "  "
              << m.uuid << Qt::endl;
    return Ok;
}

} // namespace quire::cli
