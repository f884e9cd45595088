// quire: the desktop notebook. main() hardens the process before anything secret exists in
// it, then hands over to the main window.

#include "Notebook.h"
#include "page/UrlSecurity.h"
#include "settings/Language.h"
#include "window/MainWindow.h"

#include <QApplication>
#include <QCommandLineParser>
#include <QDir>
#include <QTextStream>

#include <sys/resource.h>
#include <sys/stat.h>

#include <cstdio>

namespace {

void hardenProcess() {
    // Files the program creates (vault, exports, temporary files) are private to the user.
    ::umask(077);
    // A core dump would hold decrypted entries and key material.
    const rlimit noCore{0, 0};
    ::setrlimit(RLIMIT_CORE, &noCore);
}

} // namespace

int main(int argc, char *argv[]) {
    hardenProcess();
    quire::widgets::hardenWebEngineEnvironment();
    quire::widgets::registerUrlSchemes();

    QCoreApplication::setOrganizationName(QStringLiteral("Quire"));
    QCoreApplication::setApplicationName(QStringLiteral("Quire"));
    QCoreApplication::setApplicationVersion(QStringLiteral(QUIRE_VERSION));
    QCoreApplication::setAttribute(Qt::AA_ShareOpenGLContexts);
    QApplication app(argc, argv);
    QGuiApplication::setDesktopFileName(QStringLiteral("org.quire.Quire"));
    QGuiApplication::setApplicationDisplayName(QStringLiteral("Quire"));
    quire::widgets::MainWindow::useFallbackIconTheme();
    quire::widgets::installTranslations();

    QCommandLineParser parser;
    parser.setApplicationDescription(
        QCoreApplication::translate("main", "Electronic lab notebook"));
    parser.addHelpOption();
    parser.addVersionOption();
    const QCommandLineOption vaultOption(
        QStringLiteral("vault"),
        QCoreApplication::translate("main", "Open the notebook in <folder> (default: %1).")
            .arg(QDir::toNativeSeparators(quire::Notebook::defaultVaultPath())),
        QCoreApplication::translate("main", "folder"));
    parser.addOption(vaultOption);
    parser.process(app);

    const QString vault = parser.isSet(vaultOption) ? QDir(parser.value(vaultOption)).absolutePath()
                                                    : quire::Notebook::defaultVaultPath();

    quire::widgets::MainWindow window(vault);
    window.show();
    window.start();
    return app.exec();
}
