// quire: the desktop notebook. main() hardens the process before anything secret exists in
// it, then hands over to a notebook window: the one of --vault, else of the notebook used last
// (if it is still there), else the start window, which lists the recent notebooks and the ways
// to a new one.

#include "Notebook.h"
#include "page/UrlSecurity.h"
#include "settings/Language.h"
#include "start/NotebookWindows.h"
#include "start/RecentNotebooks.h"
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
        QCoreApplication::translate("main", "Open the notebook in <folder> (default: the one "
                                            "opened last, or %1).")
            .arg(QDir::toNativeSeparators(quire::Notebook::defaultVaultPath())),
        QCoreApplication::translate("main", "folder"));
    parser.addOption(vaultOption);
    parser.process(app);

    quire::widgets::NotebookWindows windows;
    if (parser.isSet(vaultOption)) {
        windows.open(QDir(parser.value(vaultOption)).absolutePath());
    } else {
        QString last = quire::widgets::RecentNotebooks::lastUsed();
        if (last.isEmpty()) last = quire::Notebook::defaultVaultPath();
        if (quire::Notebook::exists(last))
            windows.open(last);
        else
            windows.showStartWindow();
    }
    return app.exec();
}
