#pragma once
// DelimitedText: reads the tables instruments and spreadsheets export as text (CSV, TSV,
// semicolon lists, whitespace-aligned columns, two-column XY text) into a Dataset: the first
// column is x, every further column a series against it.
//
// What it works out by itself: the delimiter (comma, semicolon, tab or runs of blanks, chosen
// by which one splits the most rows into the same number of numeric fields); a decimal comma
// ("1,23" in a semicolon, tab or blank separated file); the encoding (UTF-8 when the bytes are
// valid UTF-8, with or without BOM, else Latin-1; UTF-16 with a BOM); line ends (CRLF, LF, CR);
// quoted fields per RFC 4180 (delimiters, quotes and line breaks inside quotes); a preamble of
// "key: value" / "key,value" lines, kept as metadata; a header row, whose names are split into
// name and unit ("Wavelength (nm)", "Abs [AU]", "T/°C"). Rows in the table that are not
// numbers are left out and counted in the warnings.

#include "formats/Dataset.h"
#include "Result.h"

#include <QByteArray>

namespace quire::formats {

// Cheap: does the start of the file look like text with a table of numbers in it?
bool looksLikeDelimitedText(const QByteArray &bytes);

Result<Dataset> readDelimitedText(const QByteArray &bytes, const ReadProgress &progress = {});

} // namespace quire::formats
