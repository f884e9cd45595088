// quire-cli: the command-line face of Quire (see CliCommands.h for the commands).

#include "cli/CliCommands.h"

#include <QCoreApplication>
#include <QGuiApplication>

#include <memory>

#include <sys/prctl.h>
#include <sys/resource.h>
#include <sys/stat.h>

int main(int argc, char *argv[]) {
    // Key material lives in this process while it runs: no core dumps, files private.
    const rlimit noCore{0, 0};
    setrlimit(RLIMIT_CORE, &noCore);
    prctl(PR_SET_DUMPABLE, 0);
    umask(077);

    // Drawing a plot needs fonts, which need a QGuiApplication; it draws off screen. Every other
    // command stays a plain QCoreApplication, with no platform plugin to load.
    bool plotting = false;
    for (int i = 1; i + 1 < argc; ++i)
        if (qstrcmp(argv[i], "data") == 0 && qstrcmp(argv[i + 1], "plot") == 0) plotting = true;
    if (plotting && qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM"))
        qputenv("QT_QPA_PLATFORM", "offscreen");
    std::unique_ptr<QCoreApplication> app = plotting
                                                ? std::make_unique<QGuiApplication>(argc, argv)
                                                : std::make_unique<QCoreApplication>(argc, argv);
    QCoreApplication::setOrganizationName(QStringLiteral("Quire"));
    QCoreApplication::setApplicationName(QStringLiteral("quire-cli"));
    QCoreApplication::setApplicationVersion(QStringLiteral(QUIRE_VERSION));
    return quire::cli::run(QCoreApplication::arguments());
}
