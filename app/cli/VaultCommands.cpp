// quire-cli: The vault itself: opening it, its passphrase, verify and the diagnostics.

#include "cli/CliSupport.h"

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QHash>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QMap>
#include <QSaveFile>
#include <QTextStream>

namespace quire::cli {

Result<Notebook *> Session::open() {
    auto pass = passphrase(m_passphraseFile, false);
    if (!pass) return pass.failure();
    auto nb = Notebook::open(m_vault, *pass);
    wipe(*pass);
    if (!nb) return nb.failure();
    m_notebook = std::move(nb.value());
    return m_notebook.get();
}

int Session::changePassphrase(const Args &a) {
    if (a.positional.value(1) != "change")
        return failWith(QStringLiteral("usage: passphrase change"), Usage);
    auto nb = open();
    if (!nb) return failWith(nb.error());
    QByteArray next;
    if (qEnvironmentVariableIsSet("QUIRE_NEW_PASSPHRASE")) {
        next = qgetenv("QUIRE_NEW_PASSPHRASE");
    } else {
        next = promptHidden(QStringLiteral("New passphrase: "));
        if (promptHidden(QStringLiteral("Repeat the new passphrase: ")) != next)
            return failWith(QStringLiteral("the two passphrases differ; nothing was changed"));
    }
    auto r = (*nb)->changePassphrase(next);
    wipe(next);
    if (!r) return failWith(r.error());
    err() << "The passphrase was changed." << Qt::endl;
    return Ok;
}

int Session::verify(const Args &a) {
    auto nb = open();
    if (!nb) return failWith(nb.error());
    const bool perRecord = a.has("--json") || a.has("--records");
    const VerifyReport r = (*nb)->verify({}, perRecord);
    // Anchors with the certificate chain that vouches for them, judged as of their own time.
    QHash<QString, AnchorDetail> anchors;
    if (perRecord)
        if (auto list = (*nb)->anchors(); list)
            for (const auto &d : *list)
                anchors.insert(d.anchor, d);
    if (a.has("--json")) {
        QJsonArray records;
        for (const auto &v : r.recordVerdicts) {
            QJsonObject o{{"id", v.id},
                          {"type", v.type},
                          {"object", v.object},
                          {"version", v.version},
                          {"author", v.authorName},
                          {"seal", v.sealOk},
                          {"chain", v.chainOk},
                          {"stored", v.stored},
                          {"ok", v.ok()},
                          {"attested_at", v.attestedAt.isEmpty() || !v.attestedTrusted
                                              ? QJsonValue(QJsonValue::Null)
                                              : QJsonValue(v.attestedAt)},
                          {"problems", QJsonArray::fromStringList(v.problems)}};
            if (v.isSignature) o.insert("signature", signatureJson(v.signature));
            if (anchors.contains(v.id)) o.insert("anchor", anchorDetailJson(anchors.value(v.id)));
            records.append(o);
        }
        printJson(QJsonObject{{"passed", r.passed()},
                              {"records", r.records},
                              {"records_ok", r.recordsOk},
                              {"chunks", r.chunks},
                              {"chunks_ok", r.chunksOk},
                              {"problems", QJsonArray::fromStringList(r.problems)},
                              {"warnings", QJsonArray::fromStringList(r.warnings)},
                              {"record_checks", records}});
    } else {
        for (const auto &v : r.recordVerdicts) {
            out() << (v.ok() ? "ok   " : "FAIL ") << v.id.left(12) << "  " << v.type << " v"
                  << v.version << "  " << v.authorName << "  seal " << (v.sealOk ? "ok" : "BAD")
                  << ", chain " << (v.chainOk ? "ok" : "BAD");
            if (v.isSignature)
                out() << ", signature " << (v.signature.valid ? "valid" : "INVALID") << " ("
                      << v.signature.meaning << " by " << v.signature.printedName << ", "
                      << (v.signature.allowed ? "allowed" : "NOT ALLOWED") << ")";
            out() << ", " << attestation(v.attestedAt, v.attestedTrusted);
            if (anchors.contains(v.id)) {
                const AnchorDetail &d = anchors.value(v.id);
                out() << ", time-stamp of " << d.attestedAt << " by " << d.tsa << " "
                      << (d.trusted ? "trusted: " + d.how : "NOT TRUSTED: " + d.problem);
                for (const auto &c : d.chain)
                    out() << "; certificate " << c.subject << " (issued by " << c.issuer
                          << ") valid " << c.notBefore << " to " << c.notAfter;
            }
            out() << Qt::endl;
        }
        for (const auto &p : r.problems)
            out() << "PROBLEM: " << p << Qt::endl;
        for (const auto &w : r.warnings)
            out() << "WARNING: " << w << Qt::endl;
        out() << r.recordsOk << " of " << r.records << " records and " << r.chunksOk << " of "
              << r.chunks << " attachment chunks check out." << Qt::endl;
        out() << (r.passed() ? "The notebook verifies." : "The notebook does NOT verify.")
              << Qt::endl;
    }
    return r.passed() ? Ok : Failed;
}

// Saves entries one after another and prints each id once its transaction committed;
// the crash test kills this process at random moments and checks every printed id.
int Session::selftest(const Args &a) {
    if (a.positional.value(1) != "save-loop" || a.value("--experiment").isEmpty())
        return failWith(QStringLiteral("usage: selftest save-loop --experiment UUID --count N"),
                        Usage);
    const int count = a.value("--count").toInt();
    auto nb = open();
    if (!nb) return failWith(nb.error());
    for (int i = 0; i < count; ++i) {
        const QString html = QStringLiteral("<p>Save loop entry %1: weighed 0.%2 g of NaCl, "
                                            "dissolved in 50 ml buffer at pH 7.4.</p>")
                                 .arg(i)
                                 .arg(1000 + i);
        auto id = (*nb)->addEntry(a.value("--experiment"), QStringLiteral("Loop %1").arg(i), html);
        if (!id) return failWith(id.error());
        out() << *id << Qt::endl; // endl flushes: the id is acknowledged only after commit
    }
    return Ok;
}

} // namespace quire::cli
