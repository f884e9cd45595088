#pragma once
// TextInput: the small tools both readers share (internal to formats/): deciding between
// UTF-8 and Latin-1, splitting lines whatever their ending, reading numbers in the C locale
// whatever the locale of the process (Qt sets it from the environment), and reserving the
// large arrays of values.

#include <QString>

#include <cstddef>
#include <string_view>
#include <vector>

namespace quire::formats::detail {

// True when `text` is well-formed UTF-8 (no overlong forms, no surrogates, nothing past
// U+10FFFF). Instrument software writes either UTF-8 or a Windows/Latin-1 code page; a file
// that is valid UTF-8 is, in practice, UTF-8.
bool isValidUtf8(std::string_view text);

// `text` as a QString, from UTF-8 or (when `utf8` is false) Latin-1.
QString decode(std::string_view text, bool utf8);

std::string_view trimmed(std::string_view text);

// Splits at "\n", "\r\n" or a lone "\r". Call next() until it returns false.
class LineReader {
public:
    explicit LineReader(std::string_view text)
        : m_text(text) {}
    bool next(std::string_view &line);
    int lineNumber() const { return m_lineNumber; } // of the line last returned, from 1
    std::size_t offset() const { return m_pos; }    // where the next line starts

private:
    std::string_view m_text;
    std::size_t m_pos = 0;
    // Where the next "\n" is (m_text.size() for none): found once, not once a line, so that a
    // file of lone "\r" line ends is not searched to its end for every line.
    std::size_t m_newline = 0;
    bool m_newlineKnown = false;
    int m_lineNumber = 0;
};

// A whole decimal number ("12", "-1.5", "+.5", "1.5E+03", "2e-7"), and nothing else. Leading
// and trailing blanks are not allowed here: callers trim. Locale-independent.
bool parseNumber(std::string_view text, double &value);

// Reads the number that starts at text[pos] (as parseNumber) and moves pos past it; false
// when no number starts there. Stops at the first character that cannot continue the number.
bool scanNumber(std::string_view text, std::size_t &pos, double &value);

// values.reserve(count), and for arrays of megabytes a hint to the kernel to back them with
// huge pages: a spectrum of 10^7 points otherwise takes 40,000 page faults per axis, which on
// a virtual machine costs more than decoding it.
void reserveValues(std::vector<double> &values, std::size_t count);

} // namespace quire::formats::detail
