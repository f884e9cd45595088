// Notebook: trusted time that lasts (FORMAT.md §4, issue 16): the notebook's time-stamp
// authorities, anchoring and the renewal of anchors before an authority's certificate ends,
// anchors judged as of their own time, and the evidence folder whose verify.sh follows the
// chain of anchors with openssl alone.

#include "Notebook.h"

#include "crypto/Timestamp.h"
#include "vault/Vault.h"

#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QSaveFile>

#include <algorithm>

namespace quire {

namespace {

// verify.sh: checks the evidence folder with nothing but bash and the openssl command line.
constexpr auto kVerifyScript = R"sh(#!/bin/bash
# Checks this signature without Quire: bash and the openssl command line are enough.
set -u
cd "$(dirname "$0")" || exit 2
ok=1
say() { printf '%s\n' "$*"; }

# 1. The signature (CMS, RFC 5652) holds over the statement, by the certificate in signer.pem,
#    which the notebook's certificate authority in ca.pem issued.
if openssl cms -verify -binary -inform DER -in signature.der -content statement.json \
    -CAfile ca.pem -purpose any -certfile signer.pem -nointern -out /dev/null 2>/dev/null; then
    say "signature: valid (statement.json signed by the holder of signer.pem, issued by ca.pem)"
else
    say "signature: INVALID"; ok=0
fi

# 2. The signature record (record.json) carries this very signature; its SHA-256 is its id.
if grep -qF "\"cms\":\"$(openssl base64 -A -in signature.der)\"" record.json; then
    say "record: carries signature.der"
else
    say "record: does NOT carry signature.der"; ok=0
fi
record_id=$(openssl dgst -sha256 -r record.json | cut -c1-64)
say "record id: $record_id"

hex_to_file() { printf '%b' "$(printf '%s' "$1" | sed 's/../\\x&/g')" > "$2"; }
sha() { openssl dgst -sha256 -r "$1" | cut -c1-64; }

# Folds a Merkle path file (RFC 6962: leaf = SHA-256(0x00 || id), node = SHA-256(0x01 || left ||
# right)) from the leaf id it must name; the root it reaches is left in $node.
fold() { # path-file leaf-id label
    local flat path_id steps rebuilt step side hash root
    flat=$(cat "$1")
    path_id=$(printf '%s' "$flat" | sed 's/.*"record":"\([0-9a-f]*\)".*/\1/')
    [ "$path_id" = "$2" ] || { say "$3: is for another record"; ok=0; }
    hex_to_file "00$2" "$tmp/leaf"; node=$(sha "$tmp/leaf")
    steps=$(printf '%s' "$flat" | sed 's/.*"path":\[\([^]]*\)\].*/\1/' | tr '}' '\n')
    rebuilt=""
    while IFS= read -r step; do
        [ -n "$step" ] || continue
        side=$(printf '%s' "$step" | sed 's/.*"side":"\([a-z]*\)".*/\1/')
        hash=$(printf '%s' "$step" | sed 's/.*"hash":"\([0-9a-f]*\)".*/\1/')
        rebuilt="$rebuilt${rebuilt:+,}{\"hash\":\"$hash\",\"side\":\"$side\"}"
        case "$side" in
            left) hex_to_file "01$hash$node" "$tmp/n" ;;
            right) hex_to_file "01$node$hash" "$tmp/n" ;;
            *) say "$3: a step is neither left nor right"; ok=0 ;;
        esac
        node=$(sha "$tmp/n")
    done <<< "$steps"
    root=$(printf '%s' "$flat" | sed 's/.*"root":"\([0-9a-f]*\)".*/\1/')
    # The path file is canonical JSON holding only these values: rebuilt, it must be equal.
    if [ "{\"path\":[$rebuilt],\"record\":\"$path_id\",\"root\":\"$root\"}" != "$flat" ]; then
        say "$3: $1 is not in its exact form"; ok=0
    fi
    if [ "$node" = "$root" ]; then
        say "$3: leads to root $root"
    else
        say "$3: does NOT lead to the root"; ok=0
    fi
}

# A token's genTime in seconds since 1970 (UTC), from openssl's text, by bash arithmetic alone.
gen_time() { # token-file
    local line mon d hms y m yy era yoe mp doy doe
    line=$(openssl ts -reply -in "$1" -token_in -token_out -text 2>/dev/null |
        grep 'Time stamp:') || return 1
    read -r mon d hms y _ <<< "${line#*Time stamp: }"
    case "$mon" in
        Jan) m=1 ;; Feb) m=2 ;; Mar) m=3 ;; Apr) m=4 ;; May) m=5 ;; Jun) m=6 ;;
        Jul) m=7 ;; Aug) m=8 ;; Sep) m=9 ;; Oct) m=10 ;; Nov) m=11 ;; Dec) m=12 ;; *) return 1 ;;
    esac
    yy=$((m <= 2 ? y - 1 : y)); era=$((yy / 400)); yoe=$((yy - era * 400))
    mp=$(((m + 9) % 12)); doy=$(((153 * mp + 2) / 5 + 10#$d - 1))
    doe=$((yoe * 365 + yoe / 4 - yoe / 100 + doy))
    printf '%s\n' $(((era * 146097 + doe - 719468) * 86400 + 10#${hms:0:2} * 3600 +
        10#${hms:3:2} * 60 + 10#${hms:6:2}))
}

# A token (RFC 3161) over a digest, checked against tsa-ca.pem as of each time given (seconds
# since 1970; "now" for the current time). Its certificates lie outside its signature: each must
# chain to tsa-ca.pem too, so that no byte of the token goes unchecked.
check_token() { # token digest label time...
    local token=$1 digest=$2 label=$3 at c opt
    shift 3
    rm -f "$tmp"/carried-*.pem
    if openssl pkcs7 -inform DER -in "$token" -print_certs -out "$tmp/carried.pem" 2>/dev/null; then
        awk -v dir="$tmp" '/BEGIN CERT/{n++} n{print > (dir "/carried-" n ".pem")}' \
            "$tmp/carried.pem"
    else
        say "$label: $token cannot be read"; ok=0; return
    fi
    for at in "$@"; do
        opt=(); [ "$at" = now ] || opt=(-attime "$at")
        for c in "$tmp"/carried-*.pem; do
            [ -e "$c" ] || continue
            if ! openssl verify ${opt[@]+"${opt[@]}"} -CAfile tsa-ca.pem -purpose any "$c" >/dev/null 2>&1
            then
                say "$label: carries a certificate that does not chain to tsa-ca.pem" \
                    "(as of $at)"; ok=0
            fi
        done
        if openssl ts -verify ${opt[@]+"${opt[@]}"} -digest "$digest" -in "$token" -token_in \
            -CAfile tsa-ca.pem >/dev/null 2>&1; then
            say "$label: valid as of $at; $(openssl ts -reply -in "$token" -token_in -token_out \
                -text 2>/dev/null | grep 'Time stamp:')"
        else
            say "$label: INVALID as of $at"; ok=0
        fi
    done
}

# 3. Trusted time, when the record was anchored: the Merkle path from the record id to the root
#    of timestamp.tsr. A renewal i (FORMAT.md §4) re-stamps the anchor record anchor-i.json,
#    which carries the earlier token: its id leads by renewal-i-path.json to the root of
#    renewal-i.tsr. Each token is judged as of its own time; an earlier one also as of the time
#    of the token that renews it (it existed then, while its certificate was valid), and the
#    last one as of now.
if [ -f timestamp.tsr ]; then
    tmp=$(mktemp -d); trap 'rm -rf "$tmp"' EXIT
    fold merkle-path.json "$record_id" "merkle path"
    roots=("$node"); tokens=(timestamp.tsr); labels=("time-stamp")
    i=1
    while [ -f "renewal-$i.tsr" ]; do
        previous=${tokens[$((i - 1))]}
        if grep -qF "\"token\":\"$(openssl base64 -A -in "$previous")\"" "anchor-$i.json" &&
            grep -qF "\"root\":\"${roots[$((i - 1))]}\"" "anchor-$i.json" &&
            grep -qF '"type":"anchor"' "anchor-$i.json"; then
            say "renewal $i: anchor-$i.json is the anchor record of $previous"
        else
            say "renewal $i: anchor-$i.json does NOT carry $previous"; ok=0
        fi
        fold "renewal-$i-path.json" "$(sha "anchor-$i.json")" "renewal $i path"
        roots+=("$node"); tokens+=("renewal-$i.tsr"); labels+=("renewal $i time-stamp")
        i=$((i + 1))
    done
    last=$((${#tokens[@]} - 1))
    for ((k = 0; k <= last; k++)); do
        own=$(gen_time "${tokens[$k]}") || { say "${labels[$k]}: no time"; ok=0; continue; }
        if [ "$k" -lt "$last" ]; then
            next=$(gen_time "${tokens[$((k + 1))]}") || { ok=0; continue; }
            if [ "$next" -lt "$own" ]; then
                say "${labels[$((k + 1))]}: is older than what it renews"; ok=0
            fi
            check_token "${tokens[$k]}" "${roots[$k]}" "${labels[$k]}" "$own" "$next"
        else
            check_token "${tokens[$k]}" "${roots[$k]}" "${labels[$k]}" "$own" now
        fi
    done
else
    say "time-stamp: none yet (the record was not anchored when this evidence was exported)"
fi
if [ "$ok" = 1 ]; then say "RESULT: all checks passed"; exit 0; fi
say "RESULT: FAILED"; exit 1
)sh";

CertificateSummary summaryOf(const VaultChainCertificate &c) {
    return CertificateSummary{c.subject, c.issuer, c.notBefore, c.notAfter, {}};
}

CertificateSummary summaryOfDer(const QByteArray &der) {
    CertificateSummary s;
    if (auto c = timestamp::describeCertificate(der)) {
        s.subject = c->subject;
        s.issuer = c->issuer;
        s.notBefore = c->notBefore.toUTC().toString(Qt::ISODate);
        s.notAfter = c->notAfter.toUTC().toString(Qt::ISODate);
    }
    s.sha256 = QString::fromLatin1(crypto::toHex(crypto::sha256(der)));
    return s;
}

AnchorDetail detailOf(const VaultAnchorVerdict &v) {
    AnchorDetail d;
    d.anchor = v.anchor;
    d.tsa = v.tsa;
    d.attestedAt = v.genTime;
    d.leaves = v.leaves;
    d.renewal = v.renewal;
    d.trusted = v.trusted;
    d.problem = v.problem;
    d.validUntil = v.validUntil;
    d.renewedBy = v.renewedBy;
    d.how = v.how;
    for (const auto &c : v.chain)
        d.chain << summaryOf(c);
    return d;
}

} // namespace

Result<QStringList> Notebook::exportEvidence(const QString &signatureId, const QString &outDir) {
    const std::lock_guard lock(m_mutex);
    auto files = m_vault->signatureEvidence(signatureId);
    if (!files) return files.failure();
    auto sig = signature(signatureId);
    if (!sig) return sig.failure();
    if (!QDir().mkpath(outDir)) return fail(tr("could not create the folder %1").arg(outDir));
    const bool anchored = std::any_of(files->begin(), files->end(),
                                      [](const auto &f) { return f.first == "timestamp.tsr"; });
    const auto renewals = std::count_if(files->begin(), files->end(), [](const auto &f) {
        return f.first.startsWith("renewal-") && f.first.endsWith(".tsr");
    });
    QString readme =
        tr("Evidence of an electronic signature in the Quire notebook “%1”\n\n"
           "%2\nsigned record: %3 (entry %4, version %5)\n\n"
           "Check it with the openssl command line alone:\n\n"
           "  openssl cms -verify -binary -inform DER -in signature.der -content statement.json "
           "-CAfile ca.pem -purpose any -certfile signer.pem -nointern -out /dev/null\n")
            .arg(m_vault->notebookName(), manifestation(*sig), sig->target, sig->entry)
            .arg(sig->version);
    if (anchored)
        readme += tr("  openssl ts -verify -digest <root from merkle-path.json> -in timestamp.tsr "
                     "-token_in -CAfile tsa-ca.pem\n\n"
                     "The root is reached from SHA-256(record.json) by the Merkle path (RFC 6962: "
                     "leaf = SHA-256(0x00 ‖ id), node = SHA-256(0x01 ‖ left ‖ right)).\n");
    if (renewals > 0)
        readme += tr("\nThe time-stamp was renewed before its authority's certificate ended "
                     "(renewals: %1): anchor-1.json is the anchor record that carries "
                     "timestamp.tsr; its SHA-256 leads by renewal-1-path.json to the root of "
                     "renewal-1.tsr, and so on. Check each token with -attime <its own time> and "
                     "an older one also with -attime <the time of the token that renews it>.\n")
                      .arg(renewals);
    readme += tr("\nverify.sh runs every check (bash and openssl only).\n");
    *files << qMakePair(QStringLiteral("README.txt"), readme.toUtf8());
    *files << qMakePair(QStringLiteral("verify.sh"), QByteArray(kVerifyScript));
    QStringList written;
    for (const auto &[name, bytes] : *files) {
        QSaveFile f(QDir(outDir).filePath(name));
        if (!f.open(QIODevice::WriteOnly) || f.write(bytes) != bytes.size() || !f.commit())
            return fail(tr("could not write %1: %2").arg(f.fileName(), f.errorString()));
        if (name == "verify.sh")
            QFile::setPermissions(f.fileName(), QFile::permissions(f.fileName()) |
                                                    QFileDevice::ExeOwner | QFileDevice::ExeGroup |
                                                    QFileDevice::ExeOther);
        written << f.fileName();
    }
    if (auto r =
            m_vault->audit(QStringLiteral("export"), QJsonObject{{"what", "signature evidence"},
                                                                 {"signature", signatureId},
                                                                 {"anchored", anchored},
                                                                 {"renewals", qint64(renewals)}});
        !r)
        return r.failure();
    emit changed();
    return written;
}

Result<AnchorSummary> Notebook::anchor(int timeoutMs, bool renewNow) {
    const std::lock_guard lock(m_mutex);
    auto a =
        m_vault->anchorPending(timeoutMs, renewNow ? AnchorRenewal::Now : AnchorRenewal::WhenDue);
    if (!a) return a.failure();
    if (a->records > 0 || a->renewed > 0) emit changed();
    AnchorSummary s;
    s.records = a->records;
    s.tsa = a->tsa;
    s.attestedAt = a->genTime;
    s.failures = a->failures;
    s.renewed = a->renewed;
    s.renewalAnchor = a->renewalAnchor;
    s.renewalTsa = a->renewalTsa;
    s.renewalAttestedAt = a->renewalGenTime;
    s.renewalProblem = a->renewalProblem;
    return s;
}

Result<TsaTrustInfo> Notebook::tsaTrust() {
    const std::lock_guard lock(m_mutex);
    auto t = m_vault->tsaTrust();
    if (!t) return t.failure();
    TsaTrustInfo info;
    info.record = t->record;
    info.renewBeforeDays = t->renewBeforeDays;
    for (const auto &a : t->notebook) {
        TsaAuthorityInfo i{a.url, false, {}};
        for (const auto &c : a.certs)
            i.certs << summaryOfDer(c);
        info.authorities << i;
    }
    for (const auto &c : t->localCerts)
        info.localCerts << summaryOfDer(c);
    for (const auto &url : t->localUrls)
        if (std::none_of(t->notebook.begin(), t->notebook.end(),
                         [&url](const TsaAuthority &a) { return a.url == url; }))
            info.authorities << TsaAuthorityInfo{url, true, info.localCerts};
    auto waiting = m_vault->unanchoredCount();
    if (!waiting) return waiting.failure();
    info.waiting = *waiting;
    auto all = m_vault->anchors();
    if (!all) return all.failure();
    const QString renewBy = QDateTime::currentDateTimeUtc()
                                .addDays(t->renewBeforeDays)
                                .toString(QStringLiteral("yyyy-MM-ddTHH:mm:ss.zzzZ"));
    for (const auto &v : *all)
        if (v.trusted && v.renewedBy.isEmpty() && !v.validUntil.isEmpty() && v.validUntil < renewBy)
            ++info.renewalDue;
    return info;
}

Result<void> Notebook::trustTsa(const QString &url, const QByteArray &certPem, bool local) {
    const std::lock_guard lock(m_mutex);
    const QList<QByteArray> certs = timestamp::pemCertificates(certPem);
    if (certs.isEmpty())
        return fail(tr("no PEM certificate was given for the time-stamp authority %1").arg(url));
    auto t = m_vault->tsaTrust();
    if (!t) return t.failure();
    Result<void> done;
    if (local) {
        auto current = m_vault->tsaSettings();
        if (!current) return current.failure();
        TsaSettings wanted = *current;
        if (!wanted.urls.contains(url)) wanted.urls << url;
        wanted.trustedPem += certPem.endsWith('\n') ? certPem : certPem + '\n';
        done = m_vault->setTsaSettings(wanted);
    } else {
        QList<TsaAuthority> authorities = t->notebook;
        auto it = std::find_if(authorities.begin(), authorities.end(),
                               [&url](const TsaAuthority &a) { return a.url == url; });
        if (it == authorities.end()) {
            authorities << TsaAuthority{url, {}};
            it = authorities.end() - 1;
        }
        for (const auto &c : certs)
            if (!it->certs.contains(c)) it->certs << c;
        auto id = m_vault->setNotebookTsaTrust(authorities, t->renewBeforeDays);
        if (!id) return id.failure();
    }
    if (done) emit changed();
    return done;
}

Result<void> Notebook::distrustTsa(const QString &url, const QByteArray &certPem, bool local) {
    const std::lock_guard lock(m_mutex);
    const QList<QByteArray> certs = timestamp::pemCertificates(certPem);
    auto t = m_vault->tsaTrust();
    if (!t) return t.failure();
    Result<void> done;
    if (local) {
        if (!url.isEmpty() && !t->localUrls.contains(url))
            return fail(tr("%1 is not a time-stamp authority of this computer").arg(url));
        QStringList urls = t->localUrls;
        QList<QByteArray> kept = t->localCerts;
        if (!url.isEmpty()) urls.removeAll(url);
        for (const auto &c : certs)
            kept.removeAll(c);
        QByteArray pem;
        for (const auto &c : kept)
            pem += crypto::certificatePem(c);
        done = m_vault->setTsaSettings(TsaSettings{urls, pem});
    } else {
        QList<TsaAuthority> authorities = t->notebook;
        const auto before = authorities.size();
        if (certs.isEmpty()) {
            authorities.removeIf([&url](const TsaAuthority &a) { return a.url == url; });
        } else {
            for (auto &a : authorities)
                if (url.isEmpty() || a.url == url)
                    for (const auto &c : certs)
                        a.certs.removeAll(c);
            // An authority without a certificate left is trusted for nothing.
            authorities.removeIf([](const TsaAuthority &a) { return a.certs.isEmpty(); });
        }
        if (certs.isEmpty() && authorities.size() == before)
            return fail(tr("%1 is not a time-stamp authority of this notebook").arg(url));
        auto id = m_vault->setNotebookTsaTrust(authorities, t->renewBeforeDays);
        if (!id) return id.failure();
    }
    if (done) emit changed();
    return done;
}

Result<void> Notebook::setTsaRenewBeforeDays(int days) {
    const std::lock_guard lock(m_mutex);
    auto t = m_vault->tsaTrust();
    if (!t) return t.failure();
    auto id = m_vault->setNotebookTsaTrust(t->notebook, days);
    if (!id) return id.failure();
    emit changed();
    return {};
}

Result<QList<AnchorDetail>> Notebook::anchors() {
    const std::lock_guard lock(m_mutex);
    auto all = m_vault->anchors();
    if (!all) return all.failure();
    QList<AnchorDetail> out;
    for (const auto &v : *all)
        out << detailOf(v);
    return out;
}

Result<QList<AnchorDetail>> Notebook::anchorChain(const QString &record) {
    const std::lock_guard lock(m_mutex);
    auto chain = m_vault->anchorChain(record);
    if (!chain) return chain.failure();
    QList<AnchorDetail> out;
    for (const auto &v : *chain)
        out << detailOf(v);
    return out;
}

} // namespace quire
