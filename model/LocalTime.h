#pragma once
// How the window and the exports (HTML, PDF) write a moment for a person to read: in the
// language chosen in the settings (QLocale's default, which widgets/settings/Language.cpp sets),
// in local time, with its zone. English keeps "7 Dec 2026, 18:00:56"; other languages use their
// own order and separators ("07.12.2026, 18:00:56"), always with a four-digit year and seconds,
// as a lab record needs. The CLI and every JSON output keep ISO 8601 and do not use this.

#include <QDateTime>
#include <QLocale>
#include <QString>

namespace quire {

// The date part's format in `locale` (for QLocale::toString).
QString localDateFormat(const QLocale &locale = QLocale());
// The time part's format in `locale`, with seconds.
QString localTimeFormat(const QLocale &locale = QLocale());
// The moment in local time, with the zone's abbreviation; empty for an invalid time.
QString localDateTime(const QDateTime &utc, const QLocale &locale = QLocale());

} // namespace quire
