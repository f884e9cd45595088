// quire-cli: the command-line face of Quire (see CliCommands.h for the commands).

#include "cli/CliCommands.h"

#include <QCoreApplication>
#include <QGuiApplication>
#include <QTranslator>

#ifdef QUIRE_CLI_PRINTS
#include "page/PagePrinter.h"
#include "page/UrlSecurity.h"
#endif

#include <memory>

#include <sys/prctl.h>
#include <sys/resource.h>
#include <sys/stat.h>

namespace {

QtMessageHandler previousHandler = nullptr;

// Printing offscreen has no OpenGL, and QtWebEngine says so at length on every run; a person
// reading quire-cli's output needs none of it. Everything else goes through as before.
void quietWebEngine(QtMsgType type, const QMessageLogContext &context, const QString &message) {
    const QLatin1String category(context.category ? context.category : "");
    if (category.startsWith(QLatin1String("qt.webengine")) ||
        message.startsWith(QLatin1String("WebEngineContext used before")) ||
        message.startsWith(QLatin1String("No suitable graphics backend found")) ||
        message.startsWith(QLatin1String("QStandardPaths: XDG_RUNTIME_DIR")))
        return;
    if (previousHandler) previousHandler(type, context, message);
}

} // namespace

int main(int argc, char *argv[]) {
    // Key material lives in this process while it runs: no core dumps, files private.
    const rlimit noCore{0, 0};
    setrlimit(RLIMIT_CORE, &noCore);
    prctl(PR_SET_DUMPABLE, 0);
    umask(077);

    QStringList words;
    for (int i = 0; i < argc; ++i)
        words << QString::fromLocal8Bit(argv[i]);
    const QString command = quire::cli::commandOf(words);
    // The PDF commands draw (signature blocks, page footers; QtWebEngine prints the pages):
    // they need the graphical application, and need no display.
    // Drawing a plot needs fonts, which need a QGuiApplication too. Every other command stays a
    // plain QCoreApplication, with no platform plugin to load.
    const bool plotting = command == QLatin1String("data") && words.contains(QLatin1String("plot"));
    // `export eln` draws nothing.
    const bool elnExport =
        command == QLatin1String("export") && words.contains(QLatin1String("eln"));
    const bool drawing =
        (command == QLatin1String("export") && !elnExport) || command == QLatin1String("pdf") ||
        plotting ||
        (command == QLatin1String("recovery-code") && words.contains(QLatin1String("sheet")));
    std::unique_ptr<QCoreApplication> app;
    if (drawing) {
        previousHandler = qInstallMessageHandler(quietWebEngine);
        if (!qEnvironmentVariableIsSet("QT_QPA_PLATFORM")) qputenv("QT_QPA_PLATFORM", "offscreen");
#ifdef QUIRE_CLI_PRINTS
        quire::widgets::registerUrlSchemes();
        quire::widgets::hardenWebEngineEnvironment();
        QCoreApplication::setAttribute(Qt::AA_ShareOpenGLContexts);
        quire::cli::setPrinterFactory(
            [](quire::Notebook *nb) { return quire::widgets::PagePrinter::printFunction(nb); });
#endif
        app = std::make_unique<QGuiApplication>(argc, argv);
    } else {
        app = std::make_unique<QCoreApplication>(argc, argv);
    }
    QCoreApplication::setOrganizationName(QStringLiteral("Quire"));
    QCoreApplication::setApplicationName(QStringLiteral("quire-cli"));
    QCoreApplication::setApplicationVersion(QStringLiteral(QUIRE_VERSION));
    // The CLI speaks English with ISO 8601 dates; it only takes the English forms of "%n …"
    // texts ("1 row", "2 rows", translations/quire_en.ts).
    QTranslator plurals;
    if (plurals.load(QStringLiteral(":/i18n/quire_en.qm")))
        QCoreApplication::installTranslator(&plurals);
    return quire::cli::run(QCoreApplication::arguments());
}
