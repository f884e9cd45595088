#pragma once
// Dataset: what every instrument-file reader returns, whatever the format. A file holds one or
// more series (an x and a y vector each, with names and units) and the metadata read beside
// them. Readers fill it from bytes alone; the plot and the notebook read it without knowing
// whether it came from JCAMP-DX or a spreadsheet export.

#include <QList>
#include <QString>
#include <QStringList>

#include <functional>
#include <vector>

namespace quire::formats {

// How far a read has come (done of total bytes); returning false stops it ("cancelled").
using ReadProgress = std::function<bool(qint64 done, qint64 total)>;

// One piece of metadata. `block` says which block of a multi-block file it was read in (JCAMP-DX
// LINK files); -1 means it belongs to the file as a whole.
struct Field {
    QString key;
    QString value;
    int block = -1;
};

// The fixed keys of the summary fields, which come first in Dataset::metadata (only those the
// file has). After them come the file's own records, each under the label it was written with
// (JCAMP-DX "##OBSERVE FREQUENCY" as ".OBSERVE FREQUENCY", a CSV preamble line "Operator: Kim"
// as "Operator").
namespace key {
inline constexpr char title[] = "title";
inline constexpr char origin[] = "origin";
inline constexpr char owner[] = "owner";
inline constexpr char dataType[] = "data type";
inline constexpr char instrument[] = "instrument";
inline constexpr char sample[] = "sample";
inline constexpr char xUnits[] = "x units";
inline constexpr char yUnits[] = "y units";
inline constexpr char date[] = "date";
} // namespace key

enum class SeriesKind {
    Continuous, // a spectrum or curve: draw a line through the points
    Peaks,      // a peak table or stick spectrum: draw a stick at each x
};

struct Series {
    QString name;  // e.g. "SPECTRUM/REAL (N=1)", "Abs", the block's title
    QString xName; // e.g. "Chemical shift", "Wavelength"
    QString xUnit; // e.g. "ppm", "nm"
    QString yName;
    QString yUnit;
    std::vector<double> x;
    std::vector<double> y;
    SeriesKind kind = SeriesKind::Continuous;
    // Chemists read NMR chemical shifts (ppm) and IR wavenumbers (1/cm) from right to left.
    bool xReversed = false;
    int block = 0; // the block (JCAMP-DX) it was read from; 0 for single-block files
};

struct Dataset {
    QString format; // e.g. "JCAMP-DX 5.01", "CSV"
    QList<Field> metadata;
    std::vector<Series> series;
    int blockCount = 1;
    // Things the reader met and got past, said so that a person can judge the plot: a row that
    // is not a number, a declared point count that the data do not have.
    QStringList warnings;

    // The first value under `key` (exact match), or an empty string.
    QString value(const QString &key) const {
        for (const auto &field : metadata)
            if (field.key == key) return field.value;
        return {};
    }
};

} // namespace quire::formats
