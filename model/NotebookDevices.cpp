// Notebook, devices (issue 16): one member on several computers — offers that carry the member
// to another computer, the vault made from one, and the list and retirement of computers.

#include "Notebook.h"

#include "vault/Vault.h"

#include <QHash>

namespace quire {

Result<DeviceOffer> Notebook::addDevice(const QString &deviceName) {
    const std::lock_guard lock(m_mutex);
    auto offer =
        m_vault->makeDeviceOffer(deviceName.trimmed().normalized(QString::NormalizationForm_C));
    if (!offer) return offer.failure();
    emit changed();
    return DeviceOffer{offer->file, offer->code, offer->device, offer->expiresAt};
}

Result<std::unique_ptr<Notebook>> Notebook::joinFromOffer(const QString &vaultDir,
                                                          const QString &offerPath,
                                                          const QString &code,
                                                          const QByteArray &passphrase) {
    auto vault = Vault::createFromOffer(vaultDir, offerPath, code, passphrase);
    if (!vault) return vault.failure();
    return std::unique_ptr<Notebook>(new Notebook(std::move(vault.value())));
}

Result<int> Notebook::offerWrongCodes(const QString &offerPath) {
    return Vault::offerWrongCodes(offerPath);
}

Result<QList<DeviceInfo>> Notebook::devices() {
    const std::lock_guard lock(m_mutex);
    auto all = m_vault->devices();
    if (!all) return all.failure();
    auto people = m_vault->members();
    if (!people) return people.failure();
    QHash<QString, QString> names;
    for (const auto &m : *people)
        names.insert(m.uuid, m.name);
    QList<DeviceInfo> out;
    for (const auto &d : *all)
        out << DeviceInfo{d.uuid,      d.member, names.value(d.member), d.name,           d.status,
                          d.reason,    d.since,  d.offerExpiresAt,      d.lastRecordedAt, d.records,
                          d.thisDevice};
    return out;
}

Result<void> Notebook::retireDevice(const QString &device, const QString &reason) {
    const std::lock_guard lock(m_mutex);
    auto r = m_vault->retireDevice(device.trimmed(),
                                   reason.trimmed().normalized(QString::NormalizationForm_C));
    if (!r) return r;
    emit changed();
    return {};
}

} // namespace quire
