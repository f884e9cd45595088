#pragma once
// JcampTables: decodes the data lines of one JCAMP-DX table (internal to formats/). Two shapes
// exist: "(X++(Y..Y))", where each line starts with an abscissa and continues with ordinates
// in AFFN or in the compressed ASDF forms (SQZ, DIF, DUP, PAC), and the group form "(XY..XY)"
// ("(XYW..XYW)", "(XYT..XYT)", ...), where every value is written out as a plain number.
// McDonald & Wilks 1988, sections 4.5 (AFFN) and 5 (ASDF).

#include "Result.h"

#include <QStringList>

#include <cstddef>
#include <string_view>
#include <vector>

namespace quire::formats::detail {

// A limit on the points one file may expand to. DUP counts let a few bytes claim billions of
// points, so every decoder takes its points from one shared allowance.
struct PointBudget {
    std::size_t left = 0;
};

struct AsdfLine {
    double x = 0;          // the abscissa written at the line start, in file units (before XFACTOR)
    std::size_t index = 0; // the point that abscissa belongs to
    int lineNumber = 0;
};

struct AsdfTable {
    std::vector<double> y; // ordinates as written (before YFACTOR), Y-check values removed
    std::vector<AsdfLine> lines;
    int yChecks = 0; // Y checks made (and passed)
};

// `text` holds the data lines only; `firstLine` is the file line number of its first line, for
// messages. A failed Y check (the ordinate that starts a line after a line ending in DIF form
// differs from the last ordinate of that line) is an error: the data are damaged or misread.
Result<AsdfTable> decodeAsdf(std::string_view text, int firstLine, std::size_t expectedPoints,
                             PointBudget &budget);

// Group form: every number in order (separated by blanks, commas or semicolons; "?" is a
// missing value), returned as `groupSize` columns. An incomplete last group is left out with a
// warning.
Result<std::vector<std::vector<double>>> decodeGroups(std::string_view text, int firstLine,
                                                      int groupSize, PointBudget &budget,
                                                      QStringList &warnings);

} // namespace quire::formats::detail
