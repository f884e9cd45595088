#include "formats/DelimitedText.h"

#include "formats/TextInput.h"

#include <QCoreApplication>
#include <QStringDecoder>

#include <algorithm>
#include <array>
#include <cmath>
#include <cstring>
#include <limits>
#include <map>
#include <string>
#include <string_view>

namespace quire::formats {

using namespace detail;

namespace {

constexpr char kBlanks = 0; // the "delimiter" of whitespace-aligned columns
constexpr std::size_t kSampleRecords = 2000;
constexpr std::size_t kMaxColumns = 4096;
// All series together: 256 MiB of doubles (the same allowance as JCAMP-DX).
constexpr std::size_t kMaxValues = std::size_t(1) << 25;

bool isBlank(char c) {
    return c == ' ' || c == '\t';
}

// One record of the file: a line, or several when a quoted field holds line breaks (RFC 4180).
class RecordReader {
public:
    explicit RecordReader(std::string_view text)
        : m_text(text)
        , m_lines(text) {}

    bool next(std::string_view &record, int &lineNumber) {
        const std::size_t start = m_lines.offset();
        std::string_view line;
        if (!m_lines.next(line)) return false;
        lineNumber = m_lines.lineNumber();
        std::size_t end = std::size_t(line.data() - m_text.data()) + line.size();
        std::size_t quotes = std::size_t(std::count(line.begin(), line.end(), '"'));
        while (quotes % 2 == 1) {
            std::string_view more;
            if (!m_lines.next(more)) break;
            quotes += std::size_t(std::count(more.begin(), more.end(), '"'));
            end = std::size_t(more.data() - m_text.data()) + more.size();
        }
        record = m_text.substr(start, end - start);
        return true;
    }
    std::size_t offset() const { return m_lines.offset(); }

private:
    std::string_view m_text;
    LineReader m_lines;
};

void splitFields(std::string_view record, char delimiter, std::vector<std::string_view> &fields) {
    fields.clear();
    const std::size_t n = record.size();
    std::size_t i = 0;
    auto quotedEnd = [&](std::size_t open) {
        std::size_t k = open + 1;
        while (k < n) {
            if (record[k] == '"') {
                if (k + 1 < n && record[k + 1] == '"') {
                    k += 2;
                    continue;
                }
                return k + 1;
            }
            ++k;
        }
        return n;
    };
    if (delimiter == kBlanks) {
        while (true) {
            while (i < n && isBlank(record[i]))
                ++i;
            if (i >= n) break;
            const std::size_t start = i;
            if (record[i] == '"') i = quotedEnd(i);
            while (i < n && !isBlank(record[i]))
                ++i;
            fields.push_back(record.substr(start, i - start));
        }
        return;
    }
    while (true) {
        const std::size_t start = i;
        std::size_t j = i;
        while (j < n && record[j] == ' ')
            ++j;
        std::size_t searchFrom = i;
        if (j < n && record[j] == '"') searchFrom = quotedEnd(j);
        const auto next =
            searchFrom < n ? record.find(delimiter, searchFrom) : std::string_view::npos;
        const std::size_t end = next == std::string_view::npos ? n : next;
        fields.push_back(record.substr(start, end - start));
        if (next == std::string_view::npos || fields.size() > kMaxColumns) break;
        i = next + 1;
    }
}

// A field without its blanks and, when quoted, without its quotes ("" stays doubled).
std::string_view bare(std::string_view field) {
    field = trimmed(field);
    if (field.size() >= 2 && field.front() == '"' && field.back() == '"')
        field = trimmed(field.substr(1, field.size() - 2));
    return field;
}

enum class Cell { Number, Missing, Text };

Cell parseCell(std::string_view field, bool decimalComma, double &value) {
    const std::string_view cell = bare(field);
    if (cell.empty()) return Cell::Missing;
    if (parseNumber(cell, value)) return Cell::Number;
    // A quoted "1,5" is a decimal comma even in a comma-separated file.
    const bool quoted = trimmed(field).size() > cell.size() && trimmed(field).front() == '"';
    if ((decimalComma || quoted) && cell.size() < 64) {
        const auto comma = cell.find(',');
        if (comma != std::string_view::npos &&
            cell.find(',', comma + 1) == std::string_view::npos &&
            cell.find('.') == std::string_view::npos) {
            char buffer[64];
            std::memcpy(buffer, cell.data(), cell.size());
            buffer[comma] = '.';
            if (parseNumber(std::string_view(buffer, cell.size()), value)) return Cell::Number;
        }
    }
    if (cell.size() <= 3) {
        char lower[4] = {};
        for (std::size_t i = 0; i < cell.size(); ++i)
            lower[i] = char(std::tolower(static_cast<unsigned char>(cell[i])));
        if (std::strcmp(lower, "nan") == 0 || std::strcmp(lower, "n/a") == 0 ||
            std::strcmp(lower, "na") == 0) {
            value = std::numeric_limits<double>::quiet_NaN();
            return Cell::Missing;
        }
    }
    return Cell::Text;
}

QString unquoted(std::string_view field, bool utf8) {
    std::string_view text = trimmed(field);
    if (text.size() >= 2 && text.front() == '"' && text.back() == '"') {
        QString inner = decode(text.substr(1, text.size() - 2), utf8);
        inner.replace(QStringLiteral("\"\""), QStringLiteral("\""));
        return inner.trimmed();
    }
    return decode(text, utf8).trimmed();
}

bool isComment(std::string_view record) {
    const auto t = trimmed(record);
    return !t.empty() && t.front() == '#';
}

// A table row: two or more fields, every non-empty one a number, at least two of them.
bool isNumericRow(const std::vector<std::string_view> &fields, bool decimalComma) {
    if (fields.size() < 2) return false;
    int numbers = 0;
    double value;
    for (const auto &field : fields) {
        const Cell cell = parseCell(field, decimalComma, value);
        if (cell == Cell::Text) return false;
        if (cell == Cell::Number) ++numbers;
    }
    return numbers >= 2;
}

struct Layout {
    char delimiter = ',';
    bool decimalComma = false;
    std::size_t columns = 0;
    std::size_t score = 0;
};

// Tries each delimiter on the first records: the one that splits the most rows into the same
// number of numeric fields wins (ties: tab, semicolon, comma, blanks).
Layout detectLayout(std::string_view text) {
    std::vector<std::string_view> sample;
    RecordReader records(text);
    std::string_view record;
    int line;
    while (sample.size() < kSampleRecords && records.next(record, line))
        if (!trimmed(record).empty() && !isComment(record)) sample.push_back(record);

    Layout best;
    std::vector<std::string_view> fields;
    for (const char delimiter : {'\t', ';', ',', kBlanks}) {
        const bool commaAllowed = delimiter != ',';
        std::map<std::size_t, std::size_t> counts;
        std::size_t commaCells = 0, pointCells = 0;
        for (const auto &r : sample) {
            splitFields(r, delimiter, fields);
            if (!isNumericRow(fields, commaAllowed)) continue;
            ++counts[fields.size()];
            for (const auto &f : fields) {
                const auto cell = bare(f);
                if (cell.find(',') != std::string_view::npos)
                    ++commaCells;
                else if (cell.find('.') != std::string_view::npos)
                    ++pointCells;
            }
        }
        Layout layout;
        layout.delimiter = delimiter;
        layout.decimalComma = commaAllowed && commaCells > pointCells;
        for (const auto &[columns, rows] : counts)
            if (rows > layout.score) {
                layout.score = rows;
                layout.columns = columns;
            }
        if (layout.score > best.score) best = layout;
    }
    return best;
}

// "Wavelength (nm)", "Abs [AU]", "T/°C", "Time / s" -> name and unit.
void splitNameUnit(const QString &header, QString &name, QString &unit) {
    const QString h = header.trimmed();
    name = h;
    unit.clear();
    for (const auto &[open, close] :
         {std::pair{QChar('('), QChar(')')}, std::pair{QChar('['), QChar(']')}}) {
        if (h.endsWith(close)) {
            const auto at = h.lastIndexOf(open);
            if (at > 0) {
                name = h.left(at).trimmed();
                unit = h.mid(at + 1, h.size() - at - 2).trimmed();
                if (name.endsWith(QLatin1Char(','))) name.chop(1);
                return;
            }
        }
    }
    const auto slash = h.lastIndexOf(QLatin1Char('/'));
    if (slash > 0 && slash + 1 < h.size()) {
        const QString lower = h.toLower().remove(QLatin1Char(' '));
        if (lower == "m/z" || lower == "s/n") return;
        const QString before = h.left(slash).trimmed();
        const QString after = h.mid(slash + 1).trimmed();
        bool letter = false;
        for (const QChar c : before)
            letter = letter || c.isLetter();
        if (letter && !after.isEmpty()) {
            name = before;
            unit = after;
        }
    }
}

bool isWavenumber(const QString &name, const QString &unit) {
    QString u = unit.toLower().remove(QLatin1Char(' '));
    u.replace(QChar(0x2212), QLatin1Char('-')); // minus sign
    u.replace(QChar(0x207B), QLatin1Char('-')); // superscript minus
    u.replace(QChar(0x00B9), QLatin1Char('1')); // superscript one
    return u == "cm-1" || u == "cm^-1" || u == "1/cm" || u == "/cm" ||
           name.contains(QLatin1String("wavenumber"), Qt::CaseInsensitive);
}

bool isChemicalShift(const QString &name, const QString &unit) {
    if (unit.compare(QLatin1String("ppm"), Qt::CaseInsensitive) != 0) return false;
    return name.isEmpty() || name.contains(QLatin1String("shift"), Qt::CaseInsensitive) ||
           name.contains(QChar(0x03B4)) ||
           name.compare(QLatin1String("delta"), Qt::CaseInsensitive) == 0;
}

// A preamble line: "Instrument: UV-2600", "Sample,Batch 7", "Scans = 16", "# Operator: Kim".
Field preambleField(std::string_view record, char delimiter, bool utf8) {
    std::string_view t = trimmed(record);
    while (!t.empty() && (t.front() == '#' || t.front() == '%'))
        t = trimmed(t.substr(1));
    const QString line = decode(t, utf8);
    if (!t.empty() && t.front() != '"') {
        for (const QChar separator : {QChar(':'), QChar('=')}) {
            const auto at = line.indexOf(separator);
            if (at > 0 && at < 80)
                return Field{line.left(at).trimmed(), line.mid(at + 1).trimmed(), -1};
        }
    }
    std::vector<std::string_view> fields;
    splitFields(t, delimiter == kBlanks ? '\t' : delimiter, fields);
    QStringList parts;
    for (const auto &f : fields) {
        const QString part = unquoted(f, utf8);
        if (!part.isEmpty()) parts << part;
    }
    if (parts.size() >= 2) return Field{parts.takeFirst(), parts.join(QStringLiteral(", ")), -1};
    return Field{unquoted(t, utf8), QString(), -1};
}

QString delimiterName(const Layout &layout) {
    switch (layout.delimiter) {
    case '\t':
        return QStringLiteral("tab-separated");
    case ';':
        return QStringLiteral("semicolon-separated");
    case ',':
        return QStringLiteral("comma-separated");
    default:
        return QStringLiteral("blank-separated");
    }
}

// The text to read, as UTF-8 or Latin-1 bytes: UTF-16 (with its BOM) is converted first. `text`
// points into the bytes given (or into the conversion held here), so a Source lives no longer
// than those bytes and is never copied or moved.
class Source {
public:
    explicit Source(const QByteArray &bytes) {
        text = std::string_view(bytes.constData(), std::size_t(bytes.size()));
        const auto bom = text.substr(0, 2);
        if (bom == "\xFF\xFE" || bom == "\xFE\xFF") {
            auto decoder = QStringDecoder(bom == "\xFF\xFE" ? QStringDecoder::Utf16LE
                                                            : QStringDecoder::Utf16BE);
            const QString decoded = decoder(bytes.mid(2));
            m_converted = decoded.toUtf8();
            text = std::string_view(m_converted.constData(), std::size_t(m_converted.size()));
            return;
        }
        if (text.substr(0, 3) == "\xEF\xBB\xBF") text.remove_prefix(3);
        utf8 = isValidUtf8(text);
    }
    Source(const Source &) = delete;
    Source &operator=(const Source &) = delete;

    std::string_view text;
    bool utf8 = true;

private:
    QByteArray m_converted;
};

bool looksBinary(std::string_view text) {
    return std::memchr(text.data(), '\0', std::min<std::size_t>(text.size(), 4096)) != nullptr;
}

} // namespace

bool looksLikeDelimitedText(const QByteArray &bytes) {
    const QByteArray head = bytes.left(64 * 1024); // kept: source points into it
    const Source source(head);
    if (looksBinary(source.text)) return false;
    return detectLayout(source.text).score > 0;
}

Result<Dataset> readDelimitedText(const QByteArray &bytes, const ReadProgress &progress) {
    const Source source(bytes);
    const std::string_view text = source.text;
    if (looksBinary(text))
        return fail(QCoreApplication::translate("quire::storage", "the file is binary, not text"));
    const Layout layout = detectLayout(text);
    if (layout.score == 0)
        return fail(QCoreApplication::translate(
            "quire::storage", "no table of numbers was found: a table needs rows of at least two "
                              "numbers separated by commas, semicolons, tabs or blanks"));
    const std::size_t columns = std::min(layout.columns, kMaxColumns);

    Dataset dataset;
    dataset.format = QStringLiteral("delimited text (%1%2)")
                         .arg(delimiterName(layout),
                              layout.decimalComma ? QStringLiteral(", decimal comma") : QString());
    std::vector<std::vector<double>> values(columns);
    const std::size_t estimatedRows =
        std::min(kMaxValues / columns, text.size() / (columns * 4) + 16);
    for (auto &column : values)
        reserveValues(column, estimatedRows);

    std::vector<std::pair<std::string_view, int>> before; // records before the table
    std::vector<std::string_view> fields;
    std::vector<double> row(columns);
    bool inTable = false;
    std::size_t badRows = 0, stored = 0;
    std::vector<std::size_t> missing(columns, 0);
    int firstBadLine = 0;
    QString firstBad;
    bool full = false;

    RecordReader records(text);
    std::string_view record;
    int line = 0;
    // Progress in the file's bytes (the text may be a decoded copy of another length).
    constexpr std::size_t kReportEvery = 1 << 20;
    std::size_t nextReport = kReportEvery;
    while (records.next(record, line)) {
        if (progress && records.offset() >= nextReport) {
            nextReport = records.offset() + kReportEvery;
            const qint64 done =
                qint64(double(records.offset()) / double(text.size()) * double(bytes.size()));
            if (!progress(done, bytes.size())) return fail(QStringLiteral("cancelled"));
        }
        if (trimmed(record).empty()) continue;
        if (!inTable) {
            splitFields(record, layout.delimiter, fields);
            if (isComment(record) || !isNumericRow(fields, layout.decimalComma)) {
                before.emplace_back(record, line);
                continue;
            }
            inTable = true;
        } else {
            if (isComment(record)) continue;
            splitFields(record, layout.delimiter, fields);
        }
        bool ok = !fields.empty();
        for (std::size_t c = 0; ok && c < columns; ++c) {
            double value = std::numeric_limits<double>::quiet_NaN();
            const Cell cell = c < fields.size() ? parseCell(fields[c], layout.decimalComma, value)
                                                : Cell::Missing;
            if (cell == Cell::Text || (c == 0 && cell != Cell::Number)) ok = false;
            if (cell == Cell::Missing) value = std::numeric_limits<double>::quiet_NaN();
            row[c] = value;
        }
        if (!ok) {
            if (badRows++ == 0) {
                firstBadLine = line;
                firstBad = decode(trimmed(record).substr(0, 80), source.utf8);
            }
            continue;
        }
        if (stored + columns > kMaxValues) {
            full = true;
            break;
        }
        stored += columns;
        for (std::size_t c = 0; c < columns; ++c) {
            values[c].push_back(row[c]);
            if (std::isnan(row[c])) ++missing[c];
        }
    }
    if (full)
        return fail(
            QCoreApplication::translate(
                "quire::storage", "the table has more values than one file may hold here (%1)")
                .arg(kMaxValues));

    // The header: the last line before the table, when it has names for two or more columns.
    QStringList names;
    if (!before.empty()) {
        const auto [candidate, candidateLine] = before.back();
        std::vector<std::string_view> headerFields;
        splitFields(candidate, layout.delimiter, headerFields);
        if (layout.delimiter == kBlanks) {
            // "Wavelength (nm)  Abs [AU]": units in brackets belong to the name before them.
            std::vector<std::string_view> merged;
            for (const auto &f : headerFields) {
                if (!merged.empty() && (f.front() == '(' || f.front() == '['))
                    merged.back() =
                        std::string_view(merged.back().data(),
                                         std::size_t(f.data() + f.size() - merged.back().data()));
                else
                    merged.push_back(f);
            }
            headerFields = merged;
        }
        const QString first =
            headerFields.empty() ? QString() : unquoted(headerFields.front(), source.utf8);
        const bool keyValue = first.endsWith(QLatin1Char(':')) ||
                              (headerFields.size() < columns &&
                               decode(candidate, source.utf8).contains(QLatin1String(": ")));
        if (headerFields.size() >= 2 && !keyValue && !isComment(candidate)) {
            for (const auto &f : headerFields)
                names << unquoted(f, source.utf8);
            before.pop_back();
        }
    }
    for (const auto &[text, number] : before) {
        Q_UNUSED(number);
        if (trimmed(text).size() <= 1) continue;
        dataset.metadata.append(preambleField(text, layout.delimiter, source.utf8));
    }

    QString xName, xUnit;
    splitNameUnit(names.value(0), xName, xUnit);
    if (xName.isEmpty()) xName = QStringLiteral("x");
    const bool reversed = isWavenumber(xName, xUnit) || isChemicalShift(xName, xUnit);
    std::size_t gaps = 0; // empty cells in the columns kept (a trailing delimiter makes none)
    const std::size_t rows = values[0].size();
    std::size_t lastKept = 0;
    for (std::size_t c = 1; c < columns; ++c)
        if (missing[c] < rows) lastKept = c;
    for (std::size_t c = 1; c < columns; ++c) {
        Series series;
        splitNameUnit(names.value(int(c)), series.yName, series.yUnit);
        if (series.yName.isEmpty())
            series.yName = columns == 2 && names.isEmpty() ? QStringLiteral("y")
                                                           : QStringLiteral("Column %1").arg(c + 1);
        series.name = series.yName;
        series.xName = xName;
        series.xUnit = xUnit;
        series.xReversed = reversed;
        series.y = std::move(values[c]);
        if (missing[c] == series.y.size()) continue;
        gaps += missing[c];
        // Each series owns its x; the last one takes the column itself.
        series.x = c == lastKept ? std::move(values[0]) : values[0];
        dataset.series.push_back(std::move(series));
    }
    if (dataset.series.empty())
        return fail(QCoreApplication::translate(
            "quire::storage", "the table has no column of numbers beside its first"));

    if (badRows > 0)
        dataset.warnings << QCoreApplication::translate(
                                "quire::storage",
                                "%n rows of the table are not numbers and were left out (the "
                                "first is line %1: \"%2\")",
                                nullptr, int(badRows))
                                .arg(firstBadLine)
                                .arg(firstBad);
    if (gaps > 0)
        dataset.warnings << QCoreApplication::translate(
            "quire::storage", "%n values of the table are empty; they show as gaps", nullptr,
            int(gaps));

    // The summary fields, from preamble keys that name them.
    QList<Field> summary;
    auto pick = [&](const char *key, std::initializer_list<const char *> labels) {
        for (const char *label : labels)
            for (const auto &field : dataset.metadata)
                if (field.key.compare(QLatin1String(label), Qt::CaseInsensitive) == 0 &&
                    !field.value.isEmpty()) {
                    summary.append(Field{QString::fromLatin1(key), field.value, -1});
                    return;
                }
    };
    pick(key::title, {"title", "name"});
    pick(key::origin, {"origin", "software", "program"});
    pick(key::owner, {"owner", "operator", "user", "analyst"});
    pick(key::dataType, {"data type", "measurement", "technique", "type"});
    pick(key::instrument, {"instrument", "instrument name", "spectrometer", "device", "model"});
    pick(key::sample, {"sample", "sample name", "sample id", "sample description"});
    const Series &s = dataset.series.front();
    if (!(s.xUnit.isEmpty() && names.isEmpty()))
        summary.append(
            Field{QString::fromLatin1(key::xUnits), s.xUnit.isEmpty() ? s.xName : s.xUnit, -1});
    if (!(s.yUnit.isEmpty() && names.isEmpty()))
        summary.append(
            Field{QString::fromLatin1(key::yUnits), s.yUnit.isEmpty() ? s.yName : s.yUnit, -1});
    pick(key::date, {"date", "date/time", "datetime", "acquisition date", "measurement date",
                     "created", "timestamp"});
    dataset.metadata = summary + dataset.metadata;
    return dataset;
}

} // namespace quire::formats
