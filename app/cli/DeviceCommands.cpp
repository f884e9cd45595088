// quire-cli: one member on several computers (issue 16) — offers, joining from one, the list of
// computers and their retirement.

#include "cli/CliSupport.h"

#include <QDateTime>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonObject>
#include <QSaveFile>

namespace quire::cli {

namespace {

QJsonObject deviceJson(const DeviceInfo &d) {
    return QJsonObject{{"uuid", d.uuid},
                       {"member", d.member},
                       {"member_name", d.memberName},
                       {"name", d.name},
                       {"status", d.status.isEmpty() ? QStringLiteral("active") : d.status},
                       {"announced", !d.status.isEmpty()},
                       {"reason", d.reason},
                       {"since", d.since},
                       {"offer_expires_at", d.offerExpiresAt},
                       {"records", d.records},
                       {"last_recorded_at", d.lastRecordedAt},
                       {"this_device", d.thisDevice}};
}

QString deviceLine(const DeviceInfo &d) {
    QString status = d.status.isEmpty() ? QStringLiteral("active") : d.status;
    if (d.status == "active" && d.records == 0 && !d.offerExpiresAt.isEmpty())
        status = d.offerExpiresAt < QDateTime::currentDateTimeUtc().toString(Qt::ISODateWithMs)
                     ? QStringLiteral("offer expired unused")
                     : QStringLiteral("offered until %1").arg(d.offerExpiresAt);
    return QStringLiteral("%1  %2  %3  %4 records%5")
        .arg(d.name.isEmpty() ? QStringLiteral("(first computer)") : d.name, status, d.uuid)
        .arg(d.records)
        .arg(d.thisDevice ? QStringLiteral("  (this computer)") : QString());
}

} // namespace

int Session::device(const Args &a) {
    const QString sub = a.positional.value(1);
    if (sub == "add") {
        const QString outPath = a.value("--out");
        if (outPath.isEmpty() || outPath == QLatin1String("-"))
            return failWith(QStringLiteral("device add needs --out FILE: the code is what goes to "
                                           "the standard output"),
                            Usage);
        auto nb = open();
        if (!nb) return failWith(nb.error());
        // Opened first: an offer that cannot be saved must not announce a computer.
        QSaveFile file(outPath);
        if (!file.open(QIODevice::WriteOnly))
            return failWith(
                QStringLiteral("could not write %1: %2").arg(outPath, file.errorString()));
        auto offer = (*nb)->addDevice(a.value("--name"));
        if (!offer) return failWith(offer.error());
        if (file.write(offer->file) != offer->file.size() || !file.commit())
            return failWith(QStringLiteral("could not write %1: %2; retire the computer %3 "
                                           "(device retire) and make a new offer")
                                .arg(outPath, file.errorString(), offer->device));
        out() << offer->code << Qt::endl;
        err() << "Carry " << outPath << " to your other computer and there run: quire-cli "
              << "device join --offer FILE; type the code when asked. The offer works until "
              << offer->expiresAt << " and is used up after 5 wrong codes. Sync here so the "
              << "notebook knows the new computer: quire-cli sync" << Qt::endl;
        return Ok;
    }
    if (sub == "join") {
        const QString offerPath = a.value("--offer");
        if (offerPath.isEmpty())
            return failWith(QStringLiteral("usage: device join --offer FILE [--code CODE]"), Usage);
        if (!QFileInfo(offerPath).isFile())
            return failWith(QStringLiteral("there is no offer file %1").arg(offerPath));
        QString code = a.value("--code");
        if (code.isEmpty()) {
            QByteArray typed = promptHidden(QStringLiteral("Code shown on your other computer: "));
            code = QString::fromLatin1(typed);
            wipe(typed);
            if (code.isEmpty())
                return failWith(QStringLiteral("no code was given (use --code in scripts)"));
        }
        auto pass = passphrase(m_passphraseFile, true);
        if (!pass) return failWith(pass.error());
        auto joined = Notebook::joinFromOffer(m_vault, offerPath, code, *pass);
        wipe(*pass);
        if (!joined) return failWith(joined.error());
        out() << (*joined)->vaultPath() << Qt::endl;
        err() << "This computer now has a vault for you in “" << (*joined)->notebookName()
              << "”. Run quire-cli sync to bring the notebook here." << Qt::endl;
        return Ok;
    }
    if (sub == "list") {
        auto nb = open();
        if (!nb) return failWith(nb.error());
        auto all = (*nb)->devices();
        if (!all) return failWith(all.error());
        if (a.has("--json")) {
            QJsonArray arr;
            for (const auto &d : *all)
                arr.append(deviceJson(d));
            printJson(arr);
            return Ok;
        }
        for (const auto &d : *all)
            out() << d.memberName << ": " << deviceLine(d) << Qt::endl;
        return Ok;
    }
    if (sub == "retire") {
        const QString which = a.positional.value(2);
        if (which.isEmpty() || a.value("--reason").trimmed().isEmpty())
            return failWith(QStringLiteral("usage: device retire DEVICE --reason R"), Usage);
        auto nb = open();
        if (!nb) return failWith(nb.error());
        auto r = (*nb)->retireDevice(which, a.value("--reason"));
        if (!r) return failWith(r.error());
        err() << "The computer " << which
              << " is retired: what it writes from now on is refused. Sync to tell the other "
                 "computers: quire-cli sync"
              << Qt::endl;
        return Ok;
    }
    return failWith(QStringLiteral("unknown command 'device %1' (try --help)").arg(sub), Usage);
}

// `member list --devices`: each member, then their computers.
int Session::memberDevices(const Args &a) {
    auto nb = open();
    if (!nb) return failWith(nb.error());
    auto people = (*nb)->members();
    if (!people) return failWith(people.error());
    auto all = (*nb)->devices();
    if (!all) return failWith(all.error());
    if (a.has("--json")) {
        QJsonArray arr;
        for (const auto &m : *people) {
            QJsonArray devs;
            for (const auto &d : *all)
                if (d.member == m.uuid) devs.append(deviceJson(d));
            arr.append(QJsonObject{{"uuid", m.uuid},
                                   {"name", m.name},
                                   {"email", m.email},
                                   {"roles", QJsonArray::fromStringList(m.roles)},
                                   {"status", m.status},
                                   {"devices", devs}});
        }
        printJson(arr);
        return Ok;
    }
    for (const auto &m : *people) {
        out() << m.name << " <" << m.email << ">  " << m.roles.join(',') << "  " << m.status << "  "
              << m.uuid << Qt::endl;
        for (const auto &d : *all)
            if (d.member == m.uuid) out() << "    " << deviceLine(d) << Qt::endl;
    }
    return Ok;
}

} // namespace quire::cli
