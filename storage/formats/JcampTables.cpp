#include "formats/JcampTables.h"

#include "formats/TextInput.h"

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <limits>

#include <QCoreApplication>

namespace quire::formats::detail {

namespace {

// Powers of ten a double holds exactly: a mantissa below 2^53 times or over one of them is
// correctly rounded, which is the case for every value an instrument writes.
constexpr double kPow10[] = {1e0,  1e1,  1e2,  1e3,  1e4,  1e5,  1e6,  1e7,  1e8,  1e9,  1e10, 1e11,
                             1e12, 1e13, 1e14, 1e15, 1e16, 1e17, 1e18, 1e19, 1e20, 1e21, 1e22};

// Called once a value: always inlined (GCC leaves them out of the big decoder otherwise).
#define QUIRE_HOT inline __attribute__((always_inline))

QUIRE_HOT double scaled(std::uint64_t mantissa, int exponent) {
    const double m = double(mantissa);
    if (exponent == 0) return m;
    if (mantissa < (std::uint64_t(1) << 53)) {
        if (exponent > 0 && exponent <= 22) return m * kPow10[exponent];
        if (exponent < 0 && exponent >= -22) return m / kPow10[-exponent];
    }
    return m * std::pow(10.0, exponent);
}

QString where(int line) {
    return QCoreApplication::translate("quire::storage", "line %1").arg(line);
}

QString shown(char c) {
    if (c >= 0x20 && c < 0x7F) return QStringLiteral("'%1'").arg(QChar(c));
    return QStringLiteral("byte 0x%1").arg(uint(static_cast<unsigned char>(c)), 2, 16, QChar('0'));
}

std::string_view withoutComment(std::string_view line) {
    const auto comment = line.find("$$");
    return comment == std::string_view::npos ? line : line.substr(0, comment);
}

bool isSeparator(char c) {
    return c == ' ' || c == '\t' || c == ',' || c == ';';
}

// The digits after the first (pseudo-)digit of an ASDF value: more digits, an optional
// fraction and, for plain numbers, an exponent. AFFN allows an exponent only as E followed by
// a sign ("1.5E+03"), which keeps "E" free to be the SQZ digit +5 ("12E015" is 12, 5015).
struct Digits {
    std::uint64_t mantissa = 0;
    int exponent = 0;
    int count = 0;
};

QUIRE_HOT void readDigits(std::string_view line, std::size_t &pos, Digits &d, bool fraction) {
    const std::size_t n = line.size();
    while (pos < n && line[pos] >= '0' && line[pos] <= '9') {
        if (d.mantissa < 100000000000000000ull) {
            d.mantissa = d.mantissa * 10 + std::uint64_t(line[pos] - '0');
        } else {
            ++d.exponent; // digits past 17 only scale the value
        }
        ++d.count;
        ++pos;
    }
    if (fraction && pos < n && line[pos] == '.') {
        ++pos;
        while (pos < n && line[pos] >= '0' && line[pos] <= '9') {
            if (d.mantissa < 100000000000000000ull) {
                d.mantissa = d.mantissa * 10 + std::uint64_t(line[pos] - '0');
                --d.exponent;
            }
            ++d.count;
            ++pos;
        }
    }
}

QUIRE_HOT bool readExponent(std::string_view line, std::size_t &pos, Digits &d) {
    const std::size_t n = line.size();
    if (pos + 2 < n && (line[pos] == 'E' || line[pos] == 'e') &&
        (line[pos + 1] == '+' || line[pos + 1] == '-') && line[pos + 2] >= '0' &&
        line[pos + 2] <= '9') {
        const bool negative = line[pos + 1] == '-';
        pos += 2;
        int e = 0;
        while (pos < n && line[pos] >= '0' && line[pos] <= '9') {
            if (e < 10000) e = e * 10 + (line[pos] - '0');
            ++pos;
        }
        d.exponent += negative ? -e : e;
        return true;
    }
    return false;
}

// The abscissa that starts an (X++(Y..Y)) line: a plain AFFN number.
bool readAbscissa(std::string_view line, std::size_t &pos, double &x) {
    const std::size_t n = line.size();
    bool negative = false;
    if (pos < n && (line[pos] == '+' || line[pos] == '-')) negative = line[pos++] == '-';
    Digits d;
    readDigits(line, pos, d, true);
    if (d.count == 0) return false;
    readExponent(line, pos, d);
    x = scaled(d.mantissa, d.exponent);
    if (negative) x = -x;
    return true;
}

bool sameOrdinate(double a, double b) {
    if (a == b || (std::isnan(a) && std::isnan(b))) return true;
    // Ordinates are integers in practice and then compare exactly; a written fraction summed
    // over many differences may be off in the last bits.
    return std::fabs(a - b) <= 1e-9 * std::max(std::fabs(a), std::fabs(b));
}

} // namespace

Result<AsdfTable> decodeAsdf(std::string_view text, int firstLine, std::size_t expectedPoints,
                             PointBudget &budget) {
    AsdfTable table;
    reserveValues(table.y, std::min(expectedPoints, std::min(budget.left, text.size() * 2 + 16)));
    // One entry a line, for the abscissa check: counted first, so that it is allocated once.
    table.lines.reserve(std::size_t(std::count(text.begin(), text.end(), '\n')) + 1);
    auto &y = table.y;

    // Takes `count` points from the budget; false (and nothing taken) when it has too few.
    // A plain bool: this runs once a point, where a Status would cost its QString each time.
    auto take = [&](std::size_t count) {
        if (count > budget.left) return false;
        budget.left -= count;
        return true;
    };
    auto overBudget = [](int line) {
        return fail(QCoreApplication::translate(
                        "quire::storage", "the data in %1 expand to more points than one file may "
                                          "hold here")
                        .arg(where(line)));
    };

    enum class Mode { None, Absolute, Difference };
    bool previousEndedInDif = false;
    // The last value, kept in a register: y.back() would make every difference wait for the
    // store of the value before it.
    double current = 0;
    LineReader lines(text);
    std::string_view raw;
    while (lines.next(raw)) {
        const int lineNumber = firstLine + lines.lineNumber() - 1;
        const std::string_view line = trimmed(withoutComment(raw));
        if (line.empty()) continue;
        std::size_t pos = 0;
        AsdfLine start;
        start.lineNumber = lineNumber;
        if (!readAbscissa(line, pos, start.x))
            return fail(
                QCoreApplication::translate("quire::storage",
                                            "%1 of the file should start with its X value, not %2")
                    .arg(where(lineNumber), shown(line[0])));
        // After a line that ended in DIF form, the first ordinate repeats the last one: the
        // Y check. The abscissa then belongs to that repeated point.
        bool checkPending = previousEndedInDif && !y.empty();
        start.index = checkPending ? y.size() - 1 : y.size();
        Mode mode = Mode::None;
        bool lastWasDup = false;
        double difference = 0;
        bool anyOrdinate = false;

        while (pos < line.size()) {
            const char c = line[pos];
            if (isSeparator(c)) {
                ++pos;
                continue;
            }
            enum class Kind { Absolute, Difference, Duplicate, Missing } kind;
            Digits d;
            bool negative = false;
            bool plain = false; // AFFN or PAC: may carry an exponent
            if (c == '+' || c == '-') {
                negative = c == '-';
                ++pos;
                if (pos >= line.size() ||
                    !((line[pos] >= '0' && line[pos] <= '9') || line[pos] == '.'))
                    return fail(QCoreApplication::translate("quire::storage",
                                                            "%1: a sign without a number after it")
                                    .arg(where(lineNumber)));
                kind = Kind::Absolute;
                plain = true;
            } else if ((c >= '0' && c <= '9') || c == '.') {
                kind = Kind::Absolute;
                plain = true;
            } else if (c == '@' || (c >= 'A' && c <= 'I')) {
                kind = Kind::Absolute;
                d.mantissa = c == '@' ? 0 : std::uint64_t(c - 'A' + 1);
                d.count = 1;
                ++pos;
            } else if (c >= 'a' && c <= 'i') {
                kind = Kind::Absolute;
                negative = true;
                d.mantissa = std::uint64_t(c - 'a' + 1);
                d.count = 1;
                ++pos;
            } else if (c == '%' || (c >= 'J' && c <= 'R')) {
                kind = Kind::Difference;
                d.mantissa = c == '%' ? 0 : std::uint64_t(c - 'J' + 1);
                d.count = 1;
                ++pos;
            } else if (c >= 'j' && c <= 'r') {
                kind = Kind::Difference;
                negative = true;
                d.mantissa = std::uint64_t(c - 'j' + 1);
                d.count = 1;
                ++pos;
            } else if ((c >= 'S' && c <= 'Z') || c == 's') {
                kind = Kind::Duplicate;
                d.mantissa = c == 's' ? 9 : std::uint64_t(c - 'S' + 1);
                d.count = 1;
                ++pos;
            } else if (c == '?') {
                kind = Kind::Missing;
                ++pos;
            } else {
                return fail(QCoreApplication::translate(
                                "quire::storage",
                                "%1 of the file has %2, which is not part of a JCAMP-DX "
                                "number (AFFN or ASDF)")
                                .arg(where(lineNumber), shown(c)));
            }
            if (kind != Kind::Missing) readDigits(line, pos, d, kind != Kind::Duplicate);
            if (kind == Kind::Absolute && plain && d.count == 0)
                return fail(QCoreApplication::translate("quire::storage",
                                                        "%1: a decimal point without digits")
                                .arg(where(lineNumber)));
            if (kind == Kind::Absolute) readExponent(line, pos, d);

            if (kind == Kind::Duplicate) {
                if (mode == Mode::None || lastWasDup)
                    return fail(
                        QCoreApplication::translate(
                            "quire::storage", "%1: a repeat count (DUP) that follows no value")
                            .arg(where(lineNumber)));
                if (d.exponent != 0 || d.mantissa == 0)
                    return fail(QCoreApplication::translate("quire::storage",
                                                            "%1: a repeat count (DUP) out of range")
                                    .arg(where(lineNumber)));
                const std::uint64_t extra = d.mantissa - 1;
                if (!take(std::size_t(extra))) return overBudget(lineNumber);
                if (mode == Mode::Absolute) {
                    y.insert(y.end(), std::size_t(extra), current);
                } else {
                    for (std::uint64_t i = 0; i < extra; ++i) {
                        current += difference;
                        y.push_back(current);
                    }
                }
                lastWasDup = true;
                continue;
            }
            lastWasDup = false;
            double value = kind == Kind::Missing ? std::numeric_limits<double>::quiet_NaN()
                                                 : scaled(d.mantissa, d.exponent);
            if (negative) value = -value;

            if (kind == Kind::Difference) {
                if (y.empty())
                    return fail(
                        QCoreApplication::translate(
                            "quire::storage", "%1: a difference (DIF) with no value before it")
                            .arg(where(lineNumber)));
                if (checkPending)
                    return fail(QCoreApplication::translate(
                                    "quire::storage",
                                    "%1 starts with a difference, so the Y check of the "
                                    "line before cannot be made: the data are damaged")
                                    .arg(where(lineNumber)));
                if (!take(1)) return overBudget(lineNumber);
                difference = value;
                current += value;
                y.push_back(current);
                mode = Mode::Difference;
                anyOrdinate = true;
                continue;
            }
            if (checkPending) {
                checkPending = false;
                if (!sameOrdinate(value, current))
                    return fail(QCoreApplication::translate(
                                    "quire::storage",
                                    "Y check failed in %1: the line repeats the last value "
                                    "of the line before as %2, but the data decode to %3; "
                                    "the file is damaged or was written wrongly")
                                    .arg(where(lineNumber))
                                    .arg(value, 0, 'g', 17)
                                    .arg(current, 0, 'g', 17));
                ++table.yChecks;
                mode = Mode::Absolute;
                anyOrdinate = true;
                continue;
            }
            if (!take(1)) return overBudget(lineNumber);
            current = value;
            y.push_back(value);
            mode = Mode::Absolute;
            anyOrdinate = true;
        }
        if (!anyOrdinate)
            return fail(QCoreApplication::translate("quire::storage",
                                                    "%1 of the file has an X value but no Y values")
                            .arg(where(lineNumber)));
        previousEndedInDif = mode == Mode::Difference;
        table.lines.push_back(start);
    }
    return table;
}

Result<std::vector<std::vector<double>>> decodeGroups(std::string_view text, int firstLine,
                                                      int groupSize, PointBudget &budget,
                                                      QStringList &warnings) {
    std::vector<double> values;
    values.reserve(std::min(budget.left, text.size() / 2 + 16));
    LineReader lines(text);
    std::string_view raw;
    while (lines.next(raw)) {
        const int lineNumber = firstLine + lines.lineNumber() - 1;
        const std::string_view line = withoutComment(raw);
        std::size_t pos = 0;
        while (pos < line.size()) {
            const char c = line[pos];
            if (isSeparator(c) || c == '\r' || c == '\n') {
                ++pos;
                continue;
            }
            double value;
            if (c == '?') {
                value = std::numeric_limits<double>::quiet_NaN();
                ++pos;
            } else if (!scanNumber(line, pos, value)) {
                return fail(QCoreApplication::translate(
                                "quire::storage", "%1 of the file has %2 where a number should be")
                                .arg(where(lineNumber), shown(c)));
            }
            if (budget.left == 0)
                return fail(QCoreApplication::translate(
                                "quire::storage",
                                "the table at %1 has more values than a file can hold here")
                                .arg(where(lineNumber)));
            --budget.left;
            values.push_back(value);
        }
    }
    const std::size_t groups = values.size() / std::size_t(groupSize);
    if (values.size() % std::size_t(groupSize) != 0)
        warnings << QStringLiteral("the table that starts at line %1 ends with an incomplete group "
                                   "of %2 values (of %3); it was left out")
                        .arg(firstLine)
                        .arg(values.size() % std::size_t(groupSize))
                        .arg(groupSize);
    std::vector<std::vector<double>> columns(static_cast<std::size_t>(groupSize));
    for (auto &column : columns)
        column.resize(groups);
    for (std::size_t g = 0; g < groups; ++g)
        for (std::size_t c = 0; c < std::size_t(groupSize); ++c)
            columns[c][g] = values[g * std::size_t(groupSize) + c];
    return columns;
}

} // namespace quire::formats::detail
