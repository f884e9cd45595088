#include "LocalTime.h"

namespace quire {

namespace {
// English (and the C locale of tests and scripts) keeps the unambiguous day-month-name form
// the window always showed; the locale's own short form would be "12/7/26" in the US.
bool englishLike(const QLocale &locale) {
    return locale.language() == QLocale::English || locale.language() == QLocale::C;
}
} // namespace

QString localDateFormat(const QLocale &locale) {
    if (englishLike(locale)) return QStringLiteral("d MMM yyyy");
    QString format = locale.dateFormat(QLocale::ShortFormat);
    if (!format.contains(QLatin1String("yyyy"))) format.replace(QLatin1String("yy"), "yyyy");
    return format;
}

QString localTimeFormat(const QLocale &locale) {
    if (englishLike(locale)) return QStringLiteral("HH:mm:ss");
    QString format = locale.timeFormat(QLocale::ShortFormat);
    if (!format.contains(QLatin1String("ss"))) format.replace(QLatin1String("mm"), "mm:ss");
    return format;
}

QString localDateTime(const QDateTime &utc, const QLocale &locale) {
    if (!utc.isValid()) return {};
    const QDateTime local = utc.toLocalTime();
    return locale.toString(local, localDateFormat(locale) + QStringLiteral(", ") +
                                      localTimeFormat(locale)) +
           QLatin1Char(' ') + local.timeZoneAbbreviation();
}

} // namespace quire
