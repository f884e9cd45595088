// Vault, devices (issue 16, "one person, several computers"): offers that carry a member's keys
// to another of their computers, the vault made from one, the `device` records that announce
// and retire computers, and the rule that refuses what a retired computer writes afterwards.

#include "vault/VaultImpl.h"

#include "sync/DeviceOffer.h"
#include "sync/GitRemote.h"

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QSaveFile>
#include <QStandardPaths>
#include <QSysInfo>

#include <algorithm>

namespace quire {

using namespace vaultimpl;

namespace {

// The offer's key derivation: FORMAT.md §7's scrypt cost, as for a vault. Under the test
// suite's QUIRE_INSECURE_TEST_KDF=1 it is cheap, and the file says so like any other cost.
crypto::ScryptParams offerKdf() {
    crypto::ScryptParams params;
    if (qEnvironmentVariable("QUIRE_INSECURE_TEST_KDF") == QLatin1String("1")) params.n = 1024;
    return params;
}

// This user's own count of wrong codes per offer, beside the count in the file, so that a copy
// of the file made before the tries does not start from zero on this computer.
QString triesPath(const QString &offer) {
    return QStandardPaths::writableLocation(QStandardPaths::GenericDataLocation) +
           QStringLiteral("/quire/device-offers/%1.tries").arg(offer);
}

int userTries(const QString &offer) {
    QFile f(triesPath(offer));
    if (!f.open(QIODevice::ReadOnly)) return 0;
    return f.readAll().trimmed().toInt();
}

void noteUserTries(const QString &offer, int tries) {
    QDir().mkpath(QFileInfo(triesPath(offer)).absolutePath());
    QSaveFile f(triesPath(offer));
    if (f.open(QIODevice::WriteOnly)) {
        f.write(QByteArray::number(tries));
        f.commit();
    }
}

Result<QByteArray> readOffer(const QString &path) {
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly))
        return fail(QCoreApplication::translate("quire::storage", "could not read the offer %1: %2")
                        .arg(path, f.errorString()));
    if (f.size() > 1024 * 1024)
        return fail(QCoreApplication::translate("quire::storage",
                                                "%1 is not a Quire offer to add a computer")
                        .arg(path));
    return f.readAll();
}

} // namespace

// ---- the device table and its rules ------------------------------------------------------

Result<void> Vault::Impl::upsertDevice(const StoredRecord &r) {
    auto st = db.cached(QStringLiteral(
        "INSERT OR REPLACE INTO member_devices(device, member, head, name, status, reason, since, "
        "offer_expires_at) VALUES(?,?,?,?,?,?,?,?)"));
    if (!st) return st.failure();
    (*st)
        ->bind(1, r.object)
        .bind(2, r.body.value("member").toString())
        .bind(3, r.id)
        .bind(4, r.body.value("name").toString())
        .bind(5, r.body.value("status").toString())
        .bind(6, r.body.value("reason").toString())
        .bind(7, r.recordedAt)
        .bind(8, r.body.value("offer_expires_at").toString());
    return (*st)->run();
}

QString Vault::Impl::deviceProblem(const QString &author, const QString &device,
                                   const QString &recordedAt, bool *expected) {
    auto st = db.cached(
        QStringLiteral("SELECT member, status, since FROM member_devices WHERE device=?"));
    if (!st) return st.error();
    (*st)->bind(1, device);
    auto row = (*st)->next();
    if (!row || !*row) {
        (*st)->reset();
        return {}; // never announced: a member's first computer
    }
    const QString member = (*st)->text(0), status = (*st)->text(1), since = (*st)->text(2);
    (*st)->reset();
    if (member != author) return QStringLiteral("it was written on a computer of another member");
    if (status == "retired" && recordedAt > since) {
        if (expected) *expected = true;
        return QStringLiteral("it was written on a computer retired at %1").arg(since);
    }
    return {};
}

QString Vault::Impl::deviceRecordProblem(const QJsonObject &record, const QStringList &roles) {
    Q_UNUSED(roles);
    if (record.value("type").toString() != "device") return {};
    auto st = db.cached(QStringLiteral("SELECT member FROM member_devices WHERE device=?"));
    if (!st) return st.error();
    (*st)->bind(1, record.value("object").toString());
    auto row = (*st)->next();
    const QString owner = row && *row ? (*st)->text(0) : QString();
    (*st)->reset();
    if (!owner.isEmpty() && owner != record.value("body").toObject().value("member").toString())
        return QStringLiteral("it gives a computer of one member to another");
    return {};
}

// ---- offers --------------------------------------------------------------------------------

Result<VaultDeviceOffer> Vault::makeDeviceOffer(const QString &deviceName) {
    if (d->joining)
        return fail(QCoreApplication::translate("quire::storage",
                                                "this vault has not joined its notebook yet"));
    auto me = member(d->memberUuid);
    if (!me) return me.failure();
    if (me->status != "active")
        return fail(QCoreApplication::translate("quire::storage",
                                                "only an active member can add another computer"));
    auto remote = remoteUrl();
    if (!remote) return remote.failure();
    if (remote->isEmpty())
        return fail(QCoreApplication::translate(
            "quire::storage", "set the shared repository first (remote set URL): your other "
                              "computer gets the notebook from there"));
    auto genesis = head(d->notebookUuid);
    if (!genesis) return genesis.failure();
    const QString name =
        deviceName.trimmed().isEmpty() ? QStringLiteral("Another computer") : deviceName.trimmed();

    deviceoffer::Payload p;
    p.offer = crypto::newUuid();
    p.notebook = d->notebookUuid;
    p.notebookName = d->notebookName;
    p.genesis = *genesis;
    p.caSha256 = hex(crypto::sha256(d->caCert));
    p.remote = *remote;
    p.member = d->memberUuid;
    p.device = crypto::newUuid();
    p.deviceName = name;
    p.issuedByDevice = d->deviceUuid;
    const QDateTime now = QDateTime::currentDateTimeUtc();
    p.createdAt = now.toString(QStringLiteral("yyyy-MM-ddTHH:mm:ss.zzzZ"));
    p.expiresAt = now.addSecs(deviceoffer::kLifetimeSeconds)
                      .toString(QStringLiteral("yyyy-MM-ddTHH:mm:ss.zzzZ"));
    auto sign = d->loadSecret(QStringLiteral("sign_key"));
    if (!sign) return sign.failure();
    auto enc = d->loadSecret(QStringLiteral("enc_key"));
    if (!enc) return enc.failure();
    p.signKey = sign->bytes();
    p.encKey = enc->bytes();
    for (auto it = d->epochs.begin(); it != d->epochs.end(); ++it) {
        auto key = d->loadSecret(QStringLiteral("notebook_key/%1").arg(it.key()));
        if (!key) return key.failure();
        p.notebookKeys.append({it.key(), key->bytes()});
    }
    const QString code = deviceoffer::newCode();
    auto file = deviceoffer::seal(p, code, offerKdf());
    if (!file) return file.failure();

    // The new computer is announced before it writes anything, so every vault knows whose it is;
    // this computer too, the first time, so that the member's computers are all listed.
    QList<RecordDraft> drafts;
    {
        auto st = d->db.cached(QStringLiteral("SELECT 1 FROM member_devices WHERE device=?"));
        if (!st) return st.failure();
        (*st)->bind(1, d->deviceUuid);
        auto row = (*st)->next();
        const bool announced = row && *row;
        (*st)->reset();
        if (!announced) {
            const QString host = QSysInfo::machineHostName();
            drafts << RecordDraft{
                "device",
                d->deviceUuid,
                {},
                QJsonObject{{"member", d->memberUuid},
                            {"name", host.isEmpty() ? QStringLiteral("First computer") : host},
                            {"status", "active"},
                            {"reason", "the computer that added another"}},
                {}};
        }
    }
    drafts << RecordDraft{"device",
                          p.device,
                          {},
                          QJsonObject{{"member", d->memberUuid},
                                      {"name", name},
                                      {"status", "active"},
                                      {"reason", "added by an offer from another computer of the "
                                                 "member"},
                                      {"offer_expires_at", p.expiresAt}},
                          {}};
    auto appended = append(drafts);
    if (!appended) return appended.failure();
    return VaultDeviceOffer{*file, code, p.device, p.expiresAt};
}

Result<int> Vault::offerWrongCodes(const QString &offerPath) {
    auto bytes = readOffer(offerPath);
    if (!bytes) return bytes.failure();
    auto header = deviceoffer::readHeader(*bytes);
    if (!header) return header.failure();
    return std::max(header->wrongCodes, userTries(header->offer));
}

Result<std::unique_ptr<Vault>> Vault::createFromOffer(const QString &dir, const QString &offerPath,
                                                      const QString &code,
                                                      const QByteArray &passphrase) {
    if (passphrase.size() < 8)
        return fail(QCoreApplication::translate("quire::storage",
                                                "the passphrase must have at least 8 characters"));
    if (exists(dir))
        return fail(QCoreApplication::translate("quire::storage", "a notebook already exists at %1")
                        .arg(dir));
    auto bytes = readOffer(offerPath);
    if (!bytes) return bytes.failure();
    auto header = deviceoffer::readHeader(*bytes);
    if (!header) return header.failure();
    const int triedBefore = std::max(header->wrongCodes, userTries(header->offer));
    QByteArray file = *bytes;
    if (triedBefore > header->wrongCodes) {
        auto counted = deviceoffer::withWrongCodes(file, triedBefore);
        if (!counted) return counted.failure();
        file = *counted;
    }
    auto payload = deviceoffer::open(file, code, QDateTime::currentDateTimeUtc());
    if (!payload) {
        // Every "wrong code: …" message and its translation start with this same (translated)
        // prefix.
        if (!payload.error().startsWith(
                QCoreApplication::translate("quire::storage", "wrong code")))
            return payload.failure();
        const int tries = triedBefore + 1;
        noteUserTries(header->offer, tries);
        auto counted = deviceoffer::withWrongCodes(file, tries);
        if (counted) {
            QSaveFile out(offerPath);
            if (out.open(QIODevice::WriteOnly)) {
                out.write(*counted);
                out.commit();
            }
        }
        const int left = deviceoffer::kMaxWrongCodes - tries;
        if (left <= 0)
            return fail(QCoreApplication::translate(
                "quire::storage", "the code is wrong, and that was the last try: the offer is "
                                  "used up. Make a new one on your other computer."));
        return fail(QCoreApplication::translate("quire::storage", "the code is wrong (%1 %2 left)")
                        .arg(left)
                        .arg(left == 1 ? QCoreApplication::translate("quire::storage", "try")
                                       : QCoreApplication::translate("quire::storage", "tries")));
    }
    const deviceoffer::Payload &p = *payload;
    auto signKey = crypto::EcKey::fromPrivateDer(p.signKey);
    if (!signKey)
        return fail(QCoreApplication::translate("quire::storage", "the offer file is damaged"));
    if (auto ok = GitRemote::validateUrl(p.remote); !ok) return ok.failure();

    std::unique_ptr<Vault> v(new Vault());
    Impl &d = *v->d;
    if (auto r = d.prepareNewFolder(dir, passphrase); !r) return r.failure();
    d.notebookUuid = p.notebook;
    d.notebookName = p.notebookName;
    d.memberUuid = p.member;
    d.deviceUuid = p.device;
    d.pendingGenesis = p.genesis;
    d.caSha256 = p.caSha256;
    d.joining = true;
    {
        Transaction tx(d.db);
        if (!tx.started()) return tx.started().failure();
        for (const auto &[secretName, secret] : {std::pair{QStringLiteral("sign_key"), p.signKey},
                                                 std::pair{QStringLiteral("enc_key"), p.encKey}})
            if (auto r = d.storeSecret(secretName, secret, d.kdf, d.wrapKey); !r)
                return r.failure();
        for (const auto &[epoch, key] : p.notebookKeys)
            if (auto r = d.storeSecret(QStringLiteral("notebook_key/%1").arg(epoch), key, d.kdf,
                                       d.wrapKey);
                !r)
                return r.failure();
        auto st =
            d.db.cached(QStringLiteral("INSERT OR REPLACE INTO notebook(key, value) VALUES(?,?)"));
        if (!st) return st.failure();
        for (const auto &[k, value] : {std::pair{QStringLiteral("name"), p.notebookName},
                                       std::pair{QStringLiteral("uuid"), p.notebook},
                                       std::pair{QStringLiteral("pending_genesis"), p.genesis},
                                       std::pair{QStringLiteral("ca_sha256"), p.caSha256},
                                       std::pair{QStringLiteral("device_offer"), p.offer}}) {
            (*st)->bind(1, k).bind(2, value);
            if (auto r = (*st)->run(); !r) return r.failure();
        }
        if (auto r = d.setSyncState(QStringLiteral("remote_url"), p.remote); !r) return r.failure();
        if (auto r = tx.commit(); !r) return r.failure();
    }
    for (const auto &[epoch, key] : p.notebookKeys)
        d.addEpoch(epoch, key);
    d.signKey = std::move(signKey.value());
    if (auto r = d.writeVaultJson(); !r) return r.failure();
    // The offer has done its job: nothing of it is left to try codes on.
    auto spent = deviceoffer::withWrongCodes(file, deviceoffer::kMaxWrongCodes);
    if (spent) {
        QSaveFile out(offerPath);
        if (out.open(QIODevice::WriteOnly)) {
            out.write(*spent);
            out.commit();
        }
    }
    return v;
}

// ---- devices -------------------------------------------------------------------------------

Result<QList<VaultDevice>> Vault::devices() {
    QList<VaultDevice> out;
    QHash<QString, qsizetype> index;
    auto announced = d->db.prepare(
        QStringLiteral("SELECT device, member, name, status, reason, since, offer_expires_at FROM "
                       "member_devices ORDER BY rowid"));
    if (!announced) return announced.failure();
    while (true) {
        auto row = announced->next();
        if (!row) return row.failure();
        if (!*row) break;
        VaultDevice dev;
        dev.uuid = announced->text(0);
        dev.member = announced->text(1);
        dev.name = announced->text(2);
        dev.status = announced->text(3);
        dev.reason = announced->text(4);
        dev.since = announced->text(5);
        dev.offerExpiresAt = announced->text(6);
        index.insert(dev.uuid, out.size());
        out << dev;
    }
    // Every device that wrote something: its member, how much and when last.
    auto seen = d->db.prepare(QStringLiteral(
        "SELECT device, author, count(*), max(recorded_at) FROM records GROUP BY device, author "
        "ORDER BY min(rowid)"));
    if (!seen) return seen.failure();
    while (true) {
        auto row = seen->next();
        if (!row) return row.failure();
        if (!*row) break;
        const QString uuid = seen->text(0);
        auto it = index.constFind(uuid);
        if (it == index.constEnd()) {
            VaultDevice dev;
            dev.uuid = uuid;
            dev.member = seen->text(1);
            index.insert(uuid, out.size());
            out << dev;
            it = index.constFind(uuid);
        }
        VaultDevice &dev = out[*it];
        if (dev.member != seen->text(1)) continue; // refused on arrival; verify names it
        dev.records += seen->integer(2);
        dev.lastRecordedAt = std::max(dev.lastRecordedAt, seen->text(3));
    }
    for (auto &dev : out)
        dev.thisDevice = dev.uuid == d->deviceUuid;
    return out;
}

Result<void> Vault::retireDevice(const QString &device, const QString &reason) {
    if (d->joining)
        return fail(QCoreApplication::translate("quire::storage",
                                                "this vault has not joined its notebook yet"));
    if (reason.trimmed().isEmpty())
        return fail(QCoreApplication::translate("quire::storage",
                                                "a reason is needed to retire a computer"));
    if (device == d->deviceUuid)
        return fail(QCoreApplication::translate(
            "quire::storage", "this is the computer you are using: retire it from another of "
                              "your computers, or ask an admin"));
    auto all = devices();
    if (!all) return all.failure();
    const auto found = std::find_if(all->cbegin(), all->cend(),
                                    [&](const VaultDevice &dev) { return dev.uuid == device; });
    if (found == all->cend())
        return fail(
            QCoreApplication::translate(
                "quire::storage", "no computer %1 is known in this notebook (see: device list)")
                .arg(device));
    if (found->status == "retired")
        return fail(
            QCoreApplication::translate("quire::storage", "the computer %1 is already retired")
                .arg(device));
    auto me = member(d->memberUuid);
    if (!me) return me.failure();
    if (me->status != "active" || (found->member != d->memberUuid && !me->roles.contains("admin")))
        return fail(QCoreApplication::translate(
            "quire::storage", "only the computer's member or an admin may retire it"));
    QString prev;
    if (!found->status.isEmpty()) {
        auto h = head(device);
        if (!h) return h.failure();
        prev = *h;
    }
    QJsonObject body{
        {"member", found->member},
        {"name", found->name.isEmpty() ? QStringLiteral("Unnamed computer") : found->name},
        {"status", "retired"},
        {"reason", reason.trimmed()}};
    auto r = appendOne(RecordDraft{"device", device, prev, body, {}});
    if (!r) return r.failure();
    return {};
}

} // namespace quire
