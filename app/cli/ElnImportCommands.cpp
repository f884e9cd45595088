// quire-cli: `import eln`, a .eln file from another ELN read into this notebook (issue 15).

#include "cli/CliSupport.h"

#include "exchange/ElnImport.h"

#include <QFileInfo>

namespace quire::cli {

int Session::importCommand(const Args &a) {
    static const QString usage = QStringLiteral("usage: import eln FILE.eln [--json]");
    if (a.positional.value(1) != "eln" || a.positional.size() != 3) return failWith(usage, Usage);
    const QString path = a.positional.value(2);
    if (!QFileInfo(path).isFile()) return failWith(QStringLiteral("%1 is not a file").arg(path));
    auto nb = open();
    if (!nb) return failWith(nb.error());
    auto report = ElnImport::run(**nb, path);
    if (!report) return failWith(report.error());
    if (a.has("--json"))
        printJson(report->toJson());
    else
        out() << report->toText() << Qt::flush;
    return Ok;
}

} // namespace quire::cli
