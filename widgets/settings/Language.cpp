#include "settings/Language.h"

#include <QCoreApplication>
#include <QDir>
#include <QLibraryInfo>
#include <QLocale>
#include <QSettings>
#include <QTranslator>

#include <memory>
#include <vector>

namespace quire::widgets {

namespace {
constexpr auto kKey = "language";
// The translators in effect; replaced as a whole when the language changes.
std::vector<std::unique_ptr<QTranslator>> &installed() {
    static std::vector<std::unique_ptr<QTranslator>> translators;
    return translators;
}
} // namespace

QStringList availableLanguages() {
    QStringList out{QStringLiteral("en")};
    for (const auto &file :
         QDir(QStringLiteral(":/i18n")).entryList({QStringLiteral("quire_*.qm")}))
        if (const QString code = file.mid(6).chopped(3); !out.contains(code)) out << code;
    return out;
}

QString languageName(const QString &code) {
    const QLocale locale(code);
    QString name = locale.nativeLanguageName();
    if (!name.isEmpty()) name[0] = name[0].toUpper();
    return name.isEmpty() ? code : name;
}

QString languageSetting() {
    return QSettings().value(QLatin1String(kKey)).toString();
}

void setLanguageSetting(const QString &code) {
    QSettings().setValue(QLatin1String(kKey), code);
}

QString installTranslations(const QString &code) {
    const QString wanted = code.isEmpty() ? languageSetting() : code;
    const QLocale locale = wanted.isEmpty() ? QLocale::system() : QLocale(wanted);
    for (auto &t : installed())
        QCoreApplication::removeTranslator(t.get());
    installed().clear();
    QLocale::setDefault(locale);
    QString inEffect = QStringLiteral("en");
    auto ours = std::make_unique<QTranslator>();
    if (ours->load(locale, QStringLiteral("quire"), QStringLiteral("_"),
                   QStringLiteral(":/i18n"))) {
        inEffect = locale.name().section('_', 0, 0);
        // Qt's own strings (standard buttons, file dialogs) in the same language, when installed.
        auto qt = std::make_unique<QTranslator>();
        if (qt->load(locale, QStringLiteral("qtbase"), QStringLiteral("_"),
                     QLibraryInfo::path(QLibraryInfo::TranslationsPath))) {
            QCoreApplication::installTranslator(qt.get());
            installed().push_back(std::move(qt));
        }
        QCoreApplication::installTranslator(ours.get());
        installed().push_back(std::move(ours));
    } else if (ours->load(QStringLiteral(":/i18n/quire_en.qm"))) {
        // English is the source language; its file holds only the singular and plural forms
        // ("1 entry", "2 entries"), and it serves every language Quire has no translation for.
        QCoreApplication::installTranslator(ours.get());
        installed().push_back(std::move(ours));
    }
    return inEffect;
}

} // namespace quire::widgets
