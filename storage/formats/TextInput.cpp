#include "formats/TextInput.h"

#include <charconv>
#include <cstdint>
#include <cstring>
#include <limits>

#ifdef __linux__
#include <sys/mman.h>
#endif

namespace quire::formats::detail {

bool isValidUtf8(std::string_view text) {
    const auto *p = reinterpret_cast<const unsigned char *>(text.data());
    const auto *end = p + text.size();
    while (p < end) {
        // ASCII runs are the common case: skip them eight bytes at a time.
        while (end - p >= 8) {
            std::uint64_t block;
            std::memcpy(&block, p, 8);
            if (block & 0x8080808080808080ull) break;
            p += 8;
        }
        if (p >= end) break;
        const unsigned char c = *p;
        if (c < 0x80) {
            ++p;
            continue;
        }
        int length;
        std::uint32_t code;
        if (c >= 0xC2 && c <= 0xDF) {
            length = 2;
            code = c & 0x1F;
        } else if (c >= 0xE0 && c <= 0xEF) {
            length = 3;
            code = c & 0x0F;
        } else if (c >= 0xF0 && c <= 0xF4) {
            length = 4;
            code = c & 0x07;
        } else {
            return false;
        }
        if (end - p < length) return false;
        for (int i = 1; i < length; ++i) {
            if ((p[i] & 0xC0) != 0x80) return false;
            code = (code << 6) | (p[i] & 0x3F);
        }
        if ((length == 3 && code < 0x800) || (length == 4 && code < 0x10000) || code > 0x10FFFF ||
            (code >= 0xD800 && code <= 0xDFFF))
            return false;
        p += length;
    }
    return true;
}

QString decode(std::string_view text, bool utf8) {
    const auto size = qsizetype(text.size());
    return utf8 ? QString::fromUtf8(text.data(), size) : QString::fromLatin1(text.data(), size);
}

std::string_view trimmed(std::string_view text) {
    std::size_t begin = 0;
    std::size_t end = text.size();
    auto blank = [](char c) {
        return c == ' ' || c == '\t' || c == '\r' || c == '\n' || c == '\f' || c == '\v';
    };
    while (begin < end && blank(text[begin]))
        ++begin;
    while (end > begin && blank(text[end - 1]))
        --end;
    return text.substr(begin, end - begin);
}

bool LineReader::next(std::string_view &line) {
    if (m_pos >= m_text.size()) return false;
    if (!m_newlineKnown || m_newline < m_pos) {
        // memchr finds the common "\n" fast; a lone "\r" (old Mac files) is looked for only
        // up to it, so CRLF and LF files cost one pass.
        const void *nl = std::memchr(m_text.data() + m_pos, '\n', m_text.size() - m_pos);
        m_newline = nl ? std::size_t(static_cast<const char *>(nl) - m_text.data()) : m_text.size();
        m_newlineKnown = true;
    }
    const char *begin = m_text.data() + m_pos;
    const std::size_t toNewline = m_newline - m_pos;
    const void *cr = std::memchr(begin, '\r', toNewline);
    std::size_t length;
    if (cr) {
        length = std::size_t(static_cast<const char *>(cr) - begin);
        m_pos += length + 1;
        if (m_pos < m_text.size() && m_text[m_pos] == '\n') ++m_pos;
    } else {
        length = toNewline;
        m_pos += length + (m_newline < m_text.size() ? 1 : 0);
    }
    line = std::string_view(begin, length);
    ++m_lineNumber;
    return true;
}

namespace {

constexpr double kPow10[] = {1e0,  1e1,  1e2,  1e3,  1e4,  1e5,  1e6,  1e7,  1e8,  1e9,  1e10, 1e11,
                             1e12, 1e13, 1e14, 1e15, 1e16, 1e17, 1e18, 1e19, 1e20, 1e21, 1e22};

} // namespace

bool scanNumber(std::string_view text, std::size_t &pos, double &value) {
    std::size_t i = pos;
    const std::size_t n = text.size();
    bool negative = false;
    if (i < n && (text[i] == '+' || text[i] == '-')) {
        negative = text[i] == '-';
        ++i;
    }
    const std::size_t start = i; // from_chars takes no '+', so the sign is applied by hand
    // The digits as an integer and a power of ten, in the same pass: most numbers instruments
    // write then convert exactly with one multiplication or division (Clinger's fast path).
    std::uint64_t mantissa = 0;
    int exponent = 0;
    bool exact = true;
    std::size_t digits = 0;
    auto digit = [&](unsigned d, bool fraction) {
        if (mantissa < 100000000000000000ull) {
            mantissa = mantissa * 10 + d;
            if (fraction) --exponent;
        } else {
            if (!fraction) ++exponent;
            if (d != 0) exact = false;
        }
        ++digits;
    };
    while (i < n && unsigned(text[i] - '0') < 10)
        digit(unsigned(text[i++] - '0'), false);
    if (i < n && text[i] == '.') {
        ++i;
        while (i < n && unsigned(text[i] - '0') < 10)
            digit(unsigned(text[i++] - '0'), true);
    }
    if (digits == 0) return false;
    if (i < n && (text[i] == 'e' || text[i] == 'E')) {
        std::size_t j = i + 1;
        bool negativeExponent = false;
        if (j < n && (text[j] == '+' || text[j] == '-')) negativeExponent = text[j++] == '-';
        if (j < n && unsigned(text[j] - '0') < 10) {
            int e = 0;
            while (j < n && unsigned(text[j] - '0') < 10) {
                if (e < 100000) e = e * 10 + (text[j] - '0');
                ++j;
            }
            exponent += negativeExponent ? -e : e;
            i = j;
        }
    }
    double parsed = 0;
    if (exact && mantissa < (std::uint64_t(1) << 53) && exponent >= -22 && exponent <= 22) {
        parsed = exponent < 0 ? double(mantissa) / kPow10[-exponent]
                              : double(mantissa) * kPow10[exponent];
    } else {
        const auto result = std::from_chars(text.data() + start, text.data() + i, parsed);
        if (result.ec == std::errc::result_out_of_range) {
            // Too large or too small for a double: as strtod does (infinity or zero) rather
            // than refusing the file; the plot shows what is there.
            parsed = exponent < 0 ? 0.0 : std::numeric_limits<double>::infinity();
        } else if (result.ec != std::errc() || result.ptr != text.data() + i) {
            return false;
        }
    }
    value = negative ? -parsed : parsed;
    pos = i;
    return true;
}

bool parseNumber(std::string_view text, double &value) {
    std::size_t pos = 0;
    return scanNumber(text, pos, value) && pos == text.size();
}

void reserveValues(std::vector<double> &values, std::size_t count) {
    values.reserve(count);
#if defined(__linux__) && defined(MADV_HUGEPAGE)
    constexpr std::uintptr_t huge = std::uintptr_t(2) << 20;
    const std::size_t bytes = values.capacity() * sizeof(double);
    if (bytes < 4 * huge) return;
    // Only whole huge pages inside the buffer, which is untouched so far.
    const auto begin = (reinterpret_cast<std::uintptr_t>(values.data()) + huge - 1) & ~(huge - 1);
    const auto end = (reinterpret_cast<std::uintptr_t>(values.data()) + bytes) & ~(huge - 1);
    if (end > begin) madvise(reinterpret_cast<void *>(begin), end - begin, MADV_HUGEPAGE);
#endif
}

} // namespace quire::formats::detail
