// quire-cli: the command-line face of Quire (see CliCommands.h for the commands).

#include "cli/CliCommands.h"

#include <QCoreApplication>

#include <sys/prctl.h>
#include <sys/resource.h>
#include <sys/stat.h>

int main(int argc, char *argv[]) {
    // Key material lives in this process while it runs: no core dumps, files private.
    const rlimit noCore{0, 0};
    setrlimit(RLIMIT_CORE, &noCore);
    prctl(PR_SET_DUMPABLE, 0);
    umask(077);

    QCoreApplication app(argc, argv);
    QCoreApplication::setOrganizationName(QStringLiteral("Quire"));
    QCoreApplication::setApplicationName(QStringLiteral("quire-cli"));
    QCoreApplication::setApplicationVersion(QStringLiteral(QUIRE_VERSION));
    return quire::cli::run(QCoreApplication::arguments());
}
