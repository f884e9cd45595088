#pragma once
// Language: which language the program speaks. The choice is a user setting (QSettings key
// "language": empty = the system's); translations are compiled from translations/*.ts into
// the program (:/i18n). Switching installs the new translator at once: Qt then sends every
// widget a LanguageChange event, and widgets that build their text in code re-read it.

#include <QString>
#include <QStringList>

namespace quire::widgets {

// The languages the program ships, as locale names ("en", "de").
QStringList availableLanguages();
// The language's own name ("Deutsch") for a settings list.
QString languageName(const QString &code);
// The stored choice; empty means the system's language.
QString languageSetting();
void setLanguageSetting(const QString &code);
// Installs the translators for the stored choice (call once QApplication exists), or for
// `code` when given; returns the language now in effect.
QString installTranslations(const QString &code = {});

} // namespace quire::widgets
