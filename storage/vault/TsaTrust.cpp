// Vault, the time-stamp authorities a notebook trusts (FORMAT.md §4): the `tsa_trust` record an
// admin writes, so that every member's vault judges tokens alike, and this vault's own local
// additions (the older per-vault setting), asked after the notebook's.

#include "vault/VaultImpl.h"

#include "crypto/Timestamp.h"
#include "records/WriteRules.h"

#include <QCoreApplication>
#include <QUrl>

namespace quire {

using namespace vaultimpl;

namespace {

QByteArray pemOf(const QList<QByteArray> &certs) {
    QByteArray pem;
    for (const auto &der : certs)
        pem += crypto::certificatePem(der);
    return pem;
}

} // namespace

Result<TsaSettings> Vault::Impl::localTsaSettings() {
    TsaSettings t;
    auto urls = syncState(QStringLiteral("tsa_urls"));
    if (!urls) return urls.failure();
    t.urls = urls->split('\n', Qt::SkipEmptyParts);
    auto trust = syncState(QStringLiteral("tsa_trust"));
    if (!trust) return trust.failure();
    t.trustedPem = trust->toUtf8();
    return t;
}

Result<TsaTrust> Vault::Impl::tsaTrust() {
    if (trustCache) return *trustCache;
    TsaTrust t;
    // The newest version in force: by time, then id, so that two admins' versions written at
    // once resolve alike in every vault.
    auto head = queryRecords(
        QStringLiteral("WHERE type='tsa_trust' ORDER BY recorded_at DESC, id DESC LIMIT 1"), {});
    if (!head) return head.failure();
    if (!head->isEmpty()) {
        const StoredRecord &r = head->first();
        t.record = r.id;
        t.renewBeforeDays = int(r.body.value("renew_before_days").toInteger(365));
        for (const auto &item : r.body.value("authorities").toArray()) {
            const QJsonObject a = item.toObject();
            TsaAuthority authority{a.value("url").toString(), {}};
            for (const auto &cert : a.value("certs").toArray())
                authority.certs << unb64(cert);
            t.notebook << authority;
        }
    }
    auto local = localTsaSettings();
    if (!local) return local.failure();
    t.localUrls = local->urls;
    t.localCerts = timestamp::pemCertificates(local->trustedPem);
    trustCache = t;
    return t;
}

Result<TsaSettings> Vault::Impl::tsaSettings() {
    auto trust = tsaTrust();
    if (!trust) return trust.failure();
    TsaSettings t;
    QList<QByteArray> certs;
    for (const auto &a : trust->notebook) {
        t.urls << a.url;
        for (const auto &c : a.certs)
            if (!certs.contains(c)) certs << c;
    }
    for (const auto &u : trust->localUrls)
        if (!t.urls.contains(u)) t.urls << u;
    for (const auto &c : trust->localCerts)
        if (!certs.contains(c)) certs << c;
    t.trustedPem = pemOf(certs);
    return t;
}

Result<TsaSettings> Vault::tsaSettings() {
    return d->tsaSettings();
}

Result<TsaTrust> Vault::tsaTrust() {
    return d->tsaTrust();
}

Result<void> Vault::setTsaSettings(const TsaSettings &settings) {
    for (const auto &url : settings.urls) {
        const QUrl u(url);
        if (!u.isValid() || (u.scheme() != "http" && u.scheme() != "https") || u.host().isEmpty())
            return fail(QCoreApplication::translate("quire::storage",
                                                    "“%1” is not an http or https address")
                            .arg(url));
    }
    if (!settings.trustedPem.isEmpty() &&
        !settings.trustedPem.contains("-----BEGIN CERTIFICATE-----"))
        return fail(QCoreApplication::translate(
            "quire::storage", "the trusted time-stamp certificates must be PEM certificates"));
    // Only what the notebook does not already say is kept here: the notebook's authorities
    // stay the notebook's (an admin changes them), whatever a form shows them beside.
    auto trust = d->tsaTrust();
    if (!trust) return trust.failure();
    QStringList notebookUrls;
    QList<QByteArray> notebookCerts;
    for (const auto &a : trust->notebook) {
        notebookUrls << a.url;
        notebookCerts << a.certs;
    }
    QStringList urls;
    for (const auto &u : settings.urls)
        if (!notebookUrls.contains(u) && !urls.contains(u)) urls << u;
    QList<QByteArray> certs;
    for (const auto &c : timestamp::pemCertificates(settings.trustedPem))
        if (!notebookCerts.contains(c) && !certs.contains(c)) certs << c;
    const QByteArray pem = pemOf(certs);
    Transaction tx(d->db);
    if (!tx.started()) return tx.started().failure();
    if (auto r = d->setSyncState(QStringLiteral("tsa_urls"), urls.join('\n')); !r) return r;
    if (auto r = d->setSyncState(QStringLiteral("tsa_trust"), QString::fromUtf8(pem)); !r) return r;
    if (auto r = tx.commit(); !r) return r;
    d->forgetTsaTrust();
    return audit("settings_changed", QJsonObject{{"setting", "time-stamp authorities"},
                                                 {"scope", "local"},
                                                 {"urls", toJsonArray(urls)},
                                                 {"trusted_sha256", hex(crypto::sha256(pem))}});
}

Result<QString> Vault::setNotebookTsaTrust(const QList<TsaAuthority> &authorities,
                                           int renewBeforeDays) {
    if (isJoining())
        return fail(QCoreApplication::translate("quire::storage",
                                                "this vault has not joined its notebook yet"));
    auto me = member(memberUuid());
    if (!me) return me.failure();
    if (me->status != "active" || !me->roles.contains("admin"))
        return fail(QCoreApplication::translate(
            "quire::storage", "only an active admin sets the notebook's time-stamp "
                              "authorities; add one for this computer alone with --local"));
    QJsonArray list;
    for (const auto &a : authorities) {
        QJsonArray certs;
        for (const auto &c : a.certs)
            certs.append(b64(c));
        list.append(QJsonObject{{"url", a.url}, {"certs", certs}});
    }
    const QJsonObject body{{"authorities", list}, {"renew_before_days", renewBeforeDays}};
    if (const QString problem = records::tsaTrustProblem(body); !problem.isEmpty())
        return fail(problem);
    auto trust = d->tsaTrust();
    if (!trust) return trust.failure();
    QString object = crypto::newUuid();
    QString prev;
    if (!trust->record.isEmpty()) {
        auto head = record(trust->record);
        if (!head) return head.failure();
        object = head->object;
        prev = head->id;
    }
    auto stored = appendOne(RecordDraft{"tsa_trust", object, prev, body, {}});
    if (!stored) return stored.failure();
    d->forgetTsaTrust();
    return stored->id;
}

} // namespace quire
