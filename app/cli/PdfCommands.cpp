// quire-cli: the PDF a patent attorney receives (issue 13): export, PAdES signing, later
// time-stamps, verification, and the notebook CA to check it with.

#include "cli/CliSupport.h"

#include "export/PdfExport.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonObject>

namespace quire::cli {

namespace {

PrinterFactory &printerFactory() {
    static PrinterFactory factory;
    return factory;
}

Result<QByteArray> readPdf(const QString &path) {
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly))
        return fail(QStringLiteral("could not read %1: %2").arg(path, f.errorString()));
    if (f.size() > qint64(1) << 30) return fail(QStringLiteral("%1 is too large").arg(path));
    return f.readAll();
}

QByteArray signPassphrase(const MemberInfo &me) {
    // 11.200: both components again, every time. QUIRE_SIGN_PASSPHRASE serves scripts.
    QByteArray again = qgetenv("QUIRE_SIGN_PASSPHRASE");
    if (again.isEmpty())
        again = promptHidden(QStringLiteral("Passphrase of %1, to sign: ").arg(me.name));
    return again;
}

void tellSigned(const PdfSignResult &r, const QString &meaning, const MemberInfo &me) {
    err() << "Signed as " << Notebook::meaningLabel(meaning).toLower() << " by " << me.name;
    if (!r.entriesAuthored.isEmpty() && meaning == QLatin1String("authored"))
        err() << " (entries: " << r.entriesAuthored.join(", ") << ")";
    err() << "; PAdES " << r.level << "." << Qt::endl;
    if (r.level == QLatin1String("B-B"))
        err() << "The signature is not yet time-stamped (" << r.timeNote
              << "). Add the time-stamp later: quire-cli pdf timestamp FILE" << Qt::endl;
    err() << "SHA-256 before " << r.sha256Before << ", after " << r.sha256After << Qt::endl;
}

// Signs as the member of the open notebook, asking for the passphrase again.
int signAndWrite(Notebook &nb, const QByteArray &pdf, const QString &meaning,
                 const QString &outPath) {
    PdfExport service(nb);
    auto problem = service.signingProblem(pdf, meaning);
    if (!problem) return failWith(problem.error());
    if (!problem->isEmpty()) return failWith(*problem + QStringLiteral("; nothing was signed"));
    const MemberInfo me = nb.me();
    err() << "You are signing this PDF as " << Notebook::meaningLabel(meaning).toLower() << "."
          << Qt::endl
          << "This electronic signature is the legally binding equivalent of the handwritten "
             "signature of "
          << me.name << " <" << me.email << "> (21 CFR 11.100)." << Qt::endl;
    QByteArray again = signPassphrase(me);
    if (again.isEmpty())
        return failWith(QStringLiteral("no passphrase was given; nothing was signed"));
    auto r = service.sign(pdf, meaning, again);
    wipe(again);
    if (!r) return failWith(r.error());
    if (auto w = writeFileAtomically(outPath, r->pdf); !w) return failWith(w.error());
    tellSigned(*r, meaning, me);
    return Ok;
}

QJsonObject checkJson(const PdfSignatureCheck &s) {
    return QJsonObject{{"kind", s.documentTimestamp ? "document_timestamp" : "signature"},
                       {"field", s.field},
                       {"signer", s.signer},
                       {"email", s.signerEmail},
                       {"meaning", s.meaning},
                       {"claimed_time", s.claimedTime},
                       {"proven_time", s.provenTime},
                       {"authority", s.authority},
                       {"timestamp_valid", s.timestampValid},
                       {"level", s.level},
                       {"intact", s.intact},
                       {"chains_to_notebook", s.chainsToNotebook},
                       {"covers_whole_file", s.coversWholeFile},
                       {"appended_after", QJsonArray::fromStringList(s.appendedAfter)},
                       {"disallowed_changes", QJsonArray::fromStringList(s.disallowedChanges)},
                       {"problems", QJsonArray::fromStringList(s.problems)},
                       {"valid", s.valid}};
}

} // namespace

void setPrinterFactory(PrinterFactory factory) {
    printerFactory() = std::move(factory);
}

PrintFunction printerFor(Notebook *notebook) {
    return printerFactory() ? printerFactory()(notebook) : PrintFunction();
}

int Session::exportCommand(const Args &a) {
    if (a.positional.value(1) == "eln") return exportEln(a);
    static const QString usage = QStringLiteral(
        "usage: export pdf --experiment UUID [--entries ID,ID...] [--paper a4|letter] --out "
        "FILE.pdf [--sign MEANING]");
    if (a.positional.value(1) != "pdf" || !a.has("--experiment") || !a.has("--out"))
        return failWith(usage, Usage);
    const QString paper = a.has("--paper") ? a.value("--paper") : QStringLiteral("a4");
    if (paper != "a4" && paper != "letter")
        return failWith(QStringLiteral("--paper is a4 or letter"), Usage);
    if (!printerFactory())
        return failWith(QStringLiteral("export pdf is not available: this quire-cli was built "
                                       "without the web engine that prints pages "
                                       "(-DQUIRE_GUI=OFF)"));
    auto nb = open();
    if (!nb) return failWith(nb.error());
    PdfExportRequest request;
    request.experiment = a.value("--experiment");
    for (const QString &list : a.values("--entries"))
        for (const QString &id : list.split(',', Qt::SkipEmptyParts))
            request.entries << id.trimmed();
    request.paper = paper;
    PdfExport service(**nb);
    auto r = service.exportExperiment(request, printerFor(*nb));
    if (!r) return failWith(r.error());
    err() << "Exported " << r->pages << (r->pages == 1 ? " page" : " pages") << " with "
          << r->records << " records embedded; SHA-256 " << r->sha256 << Qt::endl;
    if (a.has("--sign")) {
        // The unsigned export is what the audit record names; the signed file replaces it.
        if (int code = signAndWrite(**nb, r->pdf, a.value("--sign"), a.value("--out")); code)
            return code;
    } else if (auto w = writeFileAtomically(a.value("--out"), r->pdf); !w) {
        return failWith(w.error());
    }
    out() << r->exportId << Qt::endl;
    return Ok;
}

int Session::pdf(const Args &a) {
    const QString sub = a.positional.value(1);
    const QString file = a.positional.value(2);
    if (sub == "sign") {
        if (file.isEmpty() || !a.has("--meaning") || !a.has("--out"))
            return failWith(QStringLiteral("usage: pdf sign FILE.pdf --meaning "
                                           "authored|reviewed|approved|witnessed --out SIGNED.pdf"),
                            Usage);
        auto bytes = readPdf(file);
        if (!bytes) return failWith(bytes.error());
        auto nb = open();
        if (!nb) return failWith(nb.error());
        return signAndWrite(**nb, *bytes, a.value("--meaning"), a.value("--out"));
    }
    if (sub == "timestamp") {
        if (file.isEmpty())
            return failWith(QStringLiteral("usage: pdf timestamp FILE.pdf [--out FILE2.pdf]"),
                            Usage);
        auto bytes = readPdf(file);
        if (!bytes) return failWith(bytes.error());
        auto nb = open();
        if (!nb) return failWith(nb.error());
        auto r = PdfExport(**nb).timestamp(*bytes);
        if (!r) return failWith(r.error());
        const QString target = a.has("--out") ? a.value("--out") : file;
        if (auto w = writeFileAtomically(target, r->pdf); !w) return failWith(w.error());
        err() << "Time-stamped (PAdES " << r->level << "); SHA-256 " << r->sha256After << Qt::endl;
        return Ok;
    }
    if (sub == "verify") {
        if (file.isEmpty())
            return failWith(QStringLiteral("usage: pdf verify FILE.pdf [--json]"), Usage);
        auto bytes = readPdf(file);
        if (!bytes) return failWith(bytes.error());
        auto nb = open();
        if (!nb) return failWith(nb.error());
        auto r = PdfExport(**nb).verify(*bytes);
        if (!r) return failWith(r.error());
        const PdfEvidenceCheck &e = r->evidence;
        if (a.has("--json")) {
            QJsonArray sigs;
            for (const auto &s : r->signatures)
                sigs.append(checkJson(s));
            printJson(QJsonObject{
                {"passed", r->passed()},
                {"size", r->size},
                {"signatures", sigs},
                {"dss_certificates", r->dssCertificates},
                {"evidence", QJsonObject{{"present", e.present},
                                         {"export", e.exportId},
                                         {"experiment", e.experiment},
                                         {"records", e.records},
                                         {"signatures", e.signatures},
                                         {"proofs", e.proofs},
                                         {"timestamps", e.timestamps},
                                         {"ok", e.ok()},
                                         {"problems", QJsonArray::fromStringList(e.problems)}}}});
            return r->passed() ? Ok : Failed;
        }
        if (r->signatures.isEmpty()) out() << "The PDF carries no signature." << Qt::endl;
        for (const auto &s : r->signatures) {
            out() << (s.valid ? "VALID    " : "INVALID  ");
            if (s.documentTimestamp)
                out() << "document time-stamp by " << s.authority << " at " << s.provenTime;
            else
                out() << s.signer << " <" << s.signerEmail << ">, " << s.meaning << ", "
                      << s.claimedTime << " (" << s.level << "; "
                      << (s.provenTime.isEmpty()
                              ? QStringLiteral("not yet time-stamped")
                              : "time-stamped " + s.provenTime +
                                    (s.authority.isEmpty() ? QString() : " by " + s.authority))
                      << ")";
            out() << Qt::endl
                  << "         " << (s.intact ? "signed bytes intact" : "SIGNED BYTES CHANGED")
                  << "; "
                  << (s.documentTimestamp
                          ? (s.timestampValid ? QStringLiteral("authority trusted")
                                              : QStringLiteral("AUTHORITY NOT TRUSTED"))
                          : (s.chainsToNotebook ? QStringLiteral("chains to the notebook CA")
                                                : QStringLiteral("NOT ISSUED BY THIS NOTEBOOK")))
                  << "; "
                  << (s.coversWholeFile
                          ? QStringLiteral("covers the whole file")
                          : QStringLiteral("later additions: ") +
                                (s.appendedAfter + s.disallowedChanges).join(QStringLiteral(", ")))
                  << Qt::endl;
            for (const auto &c : s.disallowedChanges)
                out() << "         NOT ALLOWED after signing: " << c << Qt::endl;
            for (const auto &p : s.problems)
                out() << "         PROBLEM: " << p << Qt::endl;
        }
        out() << "Evidence: " << e.records << " records, " << e.signatures
              << " electronic signatures, " << e.proofs << " Merkle paths, " << e.timestamps
              << " time-stamp tokens" << Qt::endl;
        for (const auto &p : e.problems)
            out() << "PROBLEM: " << p << Qt::endl;
        out() << (r->passed() ? "The PDF verifies." : "The PDF does NOT verify.") << Qt::endl;
        return r->passed() ? Ok : Failed;
    }
    return failWith(QStringLiteral("usage: pdf sign|timestamp|verify FILE.pdf ..."), Usage);
}

int Session::notebookCommand(const Args &a) {
    if (a.positional.value(1) != "ca" || !a.has("--out"))
        return failWith(QStringLiteral("usage: notebook ca --out ca.pem"), Usage);
    auto nb = open();
    if (!nb) return failWith(nb.error());
    if (auto w = writeFileAtomically(a.value("--out"), PdfExport(**nb).caPem()); !w)
        return failWith(w.error());
    return Ok;
}

} // namespace quire::cli
