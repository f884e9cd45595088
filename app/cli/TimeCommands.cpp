// quire-cli: trusted time (FORMAT.md §4): the time-stamp authorities the notebook trusts (its
// `tsa_trust` record, written by an admin) and this computer's own, anchoring, the renewal of
// anchors, and each anchor judged as of its own time with its certificate chain.

#include "cli/CliSupport.h"

#include <QJsonArray>
#include <QJsonObject>

namespace quire::cli {

namespace {

const char *kTsaUsage = "usage: tsa list [--json] | tsa trust --url URL --cert CERT.pem [--local] "
                        "| tsa distrust [--url URL] [--cert CERT.pem] [--local] | tsa "
                        "renew-before DAYS | tsa set URL [URL...] --trust CERT.pem | tsa show";

QJsonObject certificateJson(const CertificateSummary &c) {
    QJsonObject o{{"subject", c.subject},
                  {"issuer", c.issuer},
                  {"not_before", c.notBefore},
                  {"not_after", c.notAfter}};
    if (!c.sha256.isEmpty()) o.insert("sha256", c.sha256);
    return o;
}

} // namespace

QJsonObject anchorDetailJson(const AnchorDetail &d) {
    QJsonArray chain;
    for (const auto &c : d.chain)
        chain.append(certificateJson(c));
    return QJsonObject{{"anchor", d.anchor},
                       {"tsa", d.tsa},
                       {"attested_at", d.attestedAt},
                       {"leaves", d.leaves},
                       {"renewal", d.renewal},
                       {"trusted", d.trusted},
                       {"problem", d.problem},
                       {"how", d.how},
                       {"valid_until", d.validUntil},
                       {"renewed_by", d.renewedBy.isEmpty() ? QJsonValue(QJsonValue::Null)
                                                            : QJsonValue(d.renewedBy)},
                       {"chain", chain}};
}

namespace {

void printAnchor(const AnchorDetail &d) {
    out() << d.anchor.left(12) << "  " << (d.renewal ? "renewal of " : "") << d.leaves
          << (d.renewal ? " anchors" : " records") << "  " << d.attestedAt << "  " << d.tsa
          << Qt::endl
          << "    " << (d.trusted ? "trusted: " + d.how : "NOT TRUSTED: " + d.problem) << Qt::endl;
    for (const auto &c : d.chain)
        out() << "    certificate " << c.subject << " (issued by " << c.issuer << "), valid "
              << c.notBefore << " to " << c.notAfter << Qt::endl;
    if (!d.renewedBy.isEmpty()) out() << "    renewed by " << d.renewedBy << Qt::endl;
}

} // namespace

int Session::tsa(const Args &a) {
    const QString sub = a.positional.value(1);
    auto nb = open();
    if (!nb) return failWith(nb.error());
    if (sub == "set") { // this computer's setting, as before the notebook record
        const QStringList urls = a.positional.mid(2);
        if (urls.isEmpty() || !a.has("--trust"))
            return failWith(QStringLiteral("usage: tsa set URL [URL...] --trust tsa-ca.pem"),
                            Usage);
        QByteArray pem;
        for (const auto &file : a.values("--trust")) {
            auto bytes = readSmallFile(file, QStringLiteral("certificate file"));
            if (!bytes) return failWith(bytes.error());
            pem += *bytes + '\n';
        }
        if (auto r = (*nb)->setTimestampSettings(TimestampSettings{urls, pem}); !r)
            return failWith(r.error());
        out() << "Time-stamp authorities: " << urls.join(", ") << Qt::endl;
        return Ok;
    }
    if (sub == "show" || sub.isEmpty()) {
        auto t = (*nb)->timestampSettings();
        if (!t) return failWith(t.error());
        auto waiting = (*nb)->unattestedCount();
        if (a.has("--json")) {
            printJson(QJsonObject{{"urls", QJsonArray::fromStringList(t->urls)},
                                  {"trusted_pem", QString::fromUtf8(t->trustedPem)},
                                  {"waiting", waiting ? *waiting : -1}});
            return Ok;
        }
        out() << "Time-stamp authorities: "
              << (t->urls.isEmpty() ? QStringLiteral("none set") : t->urls.join(", ")) << Qt::endl
              << "Records waiting for a time-stamp: " << (waiting ? *waiting : -1) << Qt::endl;
        return Ok;
    }
    if (sub == "list") {
        auto t = (*nb)->tsaTrust();
        if (!t) return failWith(t.error());
        if (a.has("--json")) {
            QJsonArray list;
            for (const auto &authority : t->authorities) {
                QJsonArray certs;
                for (const auto &c : authority.certs)
                    certs.append(certificateJson(c));
                list.append(QJsonObject{{"url", authority.url},
                                        {"source", authority.local ? "local" : "notebook"},
                                        {"certs", certs}});
            }
            QJsonArray local;
            for (const auto &c : t->localCerts)
                local.append(certificateJson(c));
            printJson(QJsonObject{{"authorities", list},
                                  {"local_certs", local},
                                  {"record", t->record.isEmpty() ? QJsonValue(QJsonValue::Null)
                                                                 : QJsonValue(t->record)},
                                  {"renew_before_days", t->renewBeforeDays},
                                  {"waiting", t->waiting},
                                  {"renewal_due", t->renewalDue}});
            return Ok;
        }
        if (t->authorities.isEmpty()) out() << "No time-stamp authority is trusted." << Qt::endl;
        for (const auto &authority : t->authorities) {
            out() << authority.url << (authority.local ? "  (this computer only)" : "  (notebook)")
                  << Qt::endl;
            for (const auto &c : authority.certs)
                out() << "    trusts " << c.subject << ", valid " << c.notBefore << " to "
                      << c.notAfter << Qt::endl;
        }
        out() << "Anchors are renewed " << t->renewBeforeDays
              << " days before their authority's certificate ends." << Qt::endl
              << "Records waiting for a time-stamp: " << t->waiting << Qt::endl;
        if (t->renewalDue > 0)
            out() << t->renewalDue
                  << " anchors are due for renewal: trust an authority whose certificate lasts "
                     "longer, then run: quire-cli anchor --renew"
                  << Qt::endl;
        return Ok;
    }
    if (sub == "trust" || sub == "distrust") {
        const bool local = a.has("--local");
        QByteArray pem;
        for (const auto &file : a.values("--cert")) {
            auto bytes = readSmallFile(file, QStringLiteral("certificate file"));
            if (!bytes) return failWith(bytes.error());
            pem += *bytes + '\n';
        }
        const QString url = a.value("--url");
        if (sub == "trust" && (url.isEmpty() || pem.isEmpty())) return failWith(kTsaUsage, Usage);
        if (sub == "distrust" && url.isEmpty() && pem.isEmpty()) return failWith(kTsaUsage, Usage);
        auto r =
            sub == "trust" ? (*nb)->trustTsa(url, pem, local) : (*nb)->distrustTsa(url, pem, local);
        if (!r) return failWith(r.error());
        err() << (sub == "trust" ? "Trusted " : "No longer trusted: ")
              << (url.isEmpty() ? QStringLiteral("the certificates given") : url)
              << (local ? " (this computer only)" : " (for the whole notebook)") << Qt::endl;
        return Ok;
    }
    if (sub == "renew-before") {
        bool okNumber = false;
        const int days = a.positional.value(2).toInt(&okNumber);
        if (!okNumber) return failWith(kTsaUsage, Usage);
        if (auto r = (*nb)->setTsaRenewBeforeDays(days); !r) return failWith(r.error());
        return Ok;
    }
    return failWith(kTsaUsage, Usage);
}

int Session::anchor(const Args &a) {
    const QString sub = a.positional.value(1);
    auto nb = open();
    if (!nb) return failWith(nb.error());
    if (sub == "list" || sub == "show") {
        const QString id = a.positional.value(2);
        if (sub == "show" && id.isEmpty())
            return failWith(QStringLiteral("usage: anchor list [--json] | anchor show RECORD "
                                           "[--json]"),
                            Usage);
        auto list = sub == "list" ? (*nb)->anchors() : (*nb)->anchorChain(id);
        if (!list) return failWith(list.error());
        if (a.has("--json")) {
            QJsonArray arr;
            for (const auto &d : *list)
                arr.append(anchorDetailJson(d));
            printJson(arr);
            return Ok;
        }
        if (list->isEmpty())
            out() << (sub == "list" ? "No anchors yet." : "Not yet attested.") << Qt::endl;
        for (const auto &d : *list)
            printAnchor(d);
        return Ok;
    }
    if (!sub.isEmpty())
        return failWith(QStringLiteral("usage: anchor [--renew] [--json] | anchor list | anchor "
                                       "show RECORD"),
                        Usage);
    auto r = (*nb)->anchor(15000, a.has("--renew"));
    if (!r) {
        if (a.has("--json")) printJson(QJsonObject{{"anchored", 0}, {"error", r.error()}});
        return failWith(r.error());
    }
    if (a.has("--json")) {
        printJson(QJsonObject{
            {"anchored", r->records},
            {"tsa", r->tsa},
            {"attested_at", r->attestedAt},
            {"failures", QJsonArray::fromStringList(r->failures)},
            {"renewed", r->renewed},
            {"renewal", r->renewalAnchor.isEmpty()
                            ? QJsonValue(QJsonValue::Null)
                            : QJsonValue(QJsonObject{{"anchor", r->renewalAnchor},
                                                     {"tsa", r->renewalTsa},
                                                     {"attested_at", r->renewalAttestedAt}})},
            {"renewal_problem", r->renewalProblem}});
        return a.has("--renew") && r->renewed == 0 && !r->renewalProblem.isEmpty() ? Failed : Ok;
    }
    for (const auto &f : r->failures)
        out() << "Did not answer: " << f << Qt::endl;
    if (r->records == 0)
        out() << "Nothing waits for a time-stamp." << Qt::endl;
    else
        out() << r->records << (r->records == 1 ? " record" : " records") << " attested at "
              << r->attestedAt << " by " << r->tsa << "." << Qt::endl;
    if (r->renewed > 0)
        out() << r->renewed << (r->renewed == 1 ? " anchor" : " anchors") << " renewed at "
              << r->renewalAttestedAt << " by " << r->renewalTsa << "." << Qt::endl;
    if (!r->renewalProblem.isEmpty()) {
        out() << "Not renewed: " << r->renewalProblem << Qt::endl;
        if (a.has("--renew")) return Failed;
    }
    return Ok;
}

} // namespace quire::cli
