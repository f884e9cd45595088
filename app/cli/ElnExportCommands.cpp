// quire-cli: experiments as a .eln file for other ELNs (issue 15), carrying Quire's proof.

#include "cli/CliSupport.h"

#include "exchange/ElnExport.h"

#include <QJsonArray>
#include <QJsonObject>

namespace quire::cli {

int Session::exportEln(const Args &a) {
    static const QString usage = QStringLiteral(
        "usage: export eln (--experiment UUID [--experiment UUID...] | --all) --out FILE.eln "
        "[--json]");
    if (!a.has("--out") || a.has("--all") == a.has("--experiment")) return failWith(usage, Usage);
    const QString outPath = a.value("--out");
    if (outPath == QLatin1String("-"))
        return failWith(QStringLiteral("--out needs a file: a .eln is written whole or not at all"),
                        Usage);
    auto nb = open();
    if (!nb) return failWith(nb.error());
    ElnExportRequest request;
    request.all = a.has("--all");
    request.experiments = a.values("--experiment");
    request.outPath = outPath;
    auto r = ElnExport(**nb).exportTo(request);
    if (!r) return failWith(r.error());
    if (a.has("--json")) {
        printJson(QJsonObject{{"export", r->exportId},
                              {"path", r->path},
                              {"size", r->bytes},
                              {"sha256", r->sha256},
                              {"experiments", r->experiments},
                              {"entries", r->entries},
                              {"attachments", r->files},
                              {"records", r->records},
                              {"signatures", r->signatures},
                              {"merkle_paths", r->proofs}});
        return Ok;
    }
    err() << "Exported " << r->experiments << (r->experiments == 1 ? " experiment" : " experiments")
          << ", " << r->entries << (r->entries == 1 ? " entry" : " entries") << " and " << r->files
          << (r->files == 1 ? " file" : " files") << " (" << humanSize(r->bytes) << ") with "
          << r->records << " sealed records, " << r->signatures << " signatures and " << r->proofs
          << " Merkle paths under quire/; SHA-256 " << r->sha256 << Qt::endl;
    out() << r->exportId << Qt::endl;
    return Ok;
}

} // namespace quire::cli
