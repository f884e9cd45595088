#pragma once
// The main() of a GUI test: Quire's web views set up as the application does, skipped (exit
// 77, which ctest reports as skipped) when there is no display to draw on.

#include "page/UrlSecurity.h"
#include "settings/Language.h"
#include "window/MainWindow.h"

#include <QApplication>
#include <QStandardPaths>
#include <QTest>

#include <cstdio>

template <typename Test> int runGuiTest(int argc, char *argv[], const char *applicationName) {
    if (qEnvironmentVariableIsEmpty("DISPLAY") && qEnvironmentVariableIsEmpty("WAYLAND_DISPLAY")) {
        std::puts("SKIP: the GUI test needs a display; run it under xvfb-run");
        return 77;
    }
    QStandardPaths::setTestModeEnabled(true);
    quire::widgets::hardenWebEngineEnvironment();
    quire::widgets::registerUrlSchemes();
    QCoreApplication::setAttribute(Qt::AA_ShareOpenGLContexts);
    QApplication app(argc, argv);
    QCoreApplication::setOrganizationName(QStringLiteral("Quire"));
    QCoreApplication::setApplicationName(QString::fromLatin1(applicationName));
    quire::widgets::MainWindow::useFallbackIconTheme();
    // As the program does: English words and plurals ("1 entry") unless a setting says other.
    quire::widgets::installTranslations();
    Test test;
    return QTest::qExec(&test, argc, argv);
}
