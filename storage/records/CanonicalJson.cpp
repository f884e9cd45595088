#include "records/CanonicalJson.h"

#include <QCoreApplication>
#include <QJsonArray>
#include <QMetaType>
#include <QString>
#include <QStringView>
#include <QVariant>

#include <algorithm>
#include <charconv>
#include <cmath>
#include <utility>
#include <vector>

namespace quire::json {
namespace {

// Deep enough for any record, shallow enough that recursion cannot exhaust the stack, so a
// hostile envelope from a sync peer fails with a message instead of crashing the verifier.
constexpr int kMaxDepth = 256;
constexpr qint64 kExactIntegerLimit = qint64(1) << 53;

QString depthError() {
    return QStringLiteral("the JSON is nested deeper than %1 levels").arg(kMaxDepth);
}

// QJsonValue reports qint64 and double alike as Double; only the variant keeps them apart,
// and an integer beyond 2^53 must not be rounded through a double on its way out.
bool storedAsInteger(const QJsonValue &value) {
    return value.toVariant().typeId() == QMetaType::LongLong;
}

bool isHighSurrogate(char16_t c) {
    return c >= 0xD800 && c <= 0xDBFF;
}
bool isLowSurrogate(char16_t c) {
    return c >= 0xDC00 && c <= 0xDFFF;
}

// Index of the first unpaired surrogate, or -1.
qsizetype loneSurrogateAt(QStringView s) {
    const qsizetype n = s.size();
    for (qsizetype i = 0; i < n; ++i) {
        const char16_t c = s[i].unicode();
        if (isHighSurrogate(c)) {
            if (i + 1 < n && isLowSurrogate(s[i + 1].unicode())) {
                ++i;
                continue;
            }
            return i;
        }
        if (isLowSurrogate(c)) return i;
    }
    return -1;
}

QString hex4(char16_t c) {
    return QStringLiteral("%1").arg(uint(c), 4, 16, QLatin1Char('0'));
}

void appendUtf8(QByteArray &out, char32_t cp) {
    if (cp < 0x80) {
        out += char(cp);
    } else if (cp < 0x800) {
        out += char(0xC0 | (cp >> 6));
        out += char(0x80 | (cp & 0x3F));
    } else if (cp < 0x10000) {
        out += char(0xE0 | (cp >> 12));
        out += char(0x80 | ((cp >> 6) & 0x3F));
        out += char(0x80 | (cp & 0x3F));
    } else {
        out += char(0xF0 | (cp >> 18));
        out += char(0x80 | ((cp >> 12) & 0x3F));
        out += char(0x80 | ((cp >> 6) & 0x3F));
        out += char(0x80 | (cp & 0x3F));
    }
}

void appendUtf16(QString &out, char32_t cp) {
    if (cp < 0x10000) {
        out += QChar(char16_t(cp));
    } else {
        out += QChar(char16_t(0xD800 + ((cp - 0x10000) >> 10)));
        out += QChar(char16_t(0xDC00 + ((cp - 0x10000) & 0x3FF)));
    }
}

// ---------------------------------------------------------------------------------------------
// Serialisation (RFC 8785 §3.2)

class Writer {
public:
    Result<QByteArray> run(const QJsonValue &value) {
        if (!write(value, 0)) return fail(m_error);
        return std::move(m_out);
    }

private:
    QByteArray m_out;
    QString m_error;
    // Where the writer is ("body.tags[2]"), kept only so that an error can point at it.
    QString m_path;

    bool error(const QString &what) {
        const QString where = m_path.isEmpty() ? QStringLiteral("the value") : m_path;
        m_error = QStringLiteral("%1 %2").arg(where, what);
        return false;
    }

    bool write(const QJsonValue &value, int depth) {
        switch (value.type()) {
        case QJsonValue::Null:
            m_out += "null";
            return true;
        case QJsonValue::Undefined:
            // What a missing member reads as; writing it as null would hash a value nobody set.
            return error(QStringLiteral("is undefined (a missing value has no JSON form)"));
        case QJsonValue::Bool:
            m_out += value.toBool() ? "true" : "false";
            return true;
        case QJsonValue::Double:
            return writeNumber(value);
        case QJsonValue::String:
            return writeString(value.toString());
        case QJsonValue::Array:
            return writeArray(value.toArray(), depth + 1);
        case QJsonValue::Object:
            return writeObject(value.toObject(), depth + 1);
        }
        return error(QStringLiteral("has a type JSON does not know"));
    }

    bool writeNumber(const QJsonValue &value) {
        if (storedAsInteger(value)) {
            char buf[24];
            const auto end = std::to_chars(buf, buf + sizeof buf, value.toInteger()).ptr;
            m_out.append(buf, end - buf);
            return true;
        }
        const double d = value.toDouble();
        if (!std::isfinite(d))
            return error(QStringLiteral("is not a finite number (NaN and infinity have no JSON "
                                        "form)"));
        appendEcmaScriptNumber(d);
        return true;
    }

    // Number::toString of ECMA-262 (§6.1.6.1.20): the shortest digits that read back as the same
    // double (std::to_chars guarantees exactly that, with ties to the nearest), laid out by ES's
    // rules for where the decimal point goes and when to switch to exponent notation.
    void appendEcmaScriptNumber(double d) {
        if (d == 0) { // also -0, which ES prints as "0"
            m_out += '0';
            return;
        }
        char buf[40];
        const auto end = std::to_chars(buf, buf + sizeof buf, d, std::chars_format::scientific).ptr;
        const char *p = buf;
        if (*p == '-') {
            m_out += '-';
            ++p;
        }
        char digits[24];
        int k = 0;
        while (p < end && *p != 'e') {
            if (*p != '.') digits[k++] = *p;
            ++p;
        }
        ++p; // 'e'
        const bool negativeExponent = *p == '-';
        ++p; // to_chars always writes the sign
        int exponent = 0;
        std::from_chars(p, end, exponent);
        if (negativeExponent) exponent = -exponent;
        const int n = exponent + 1; // value = 0.digits × 10^n

        if (k <= n && n <= 21) {
            m_out.append(digits, k);
            m_out.append(n - k, '0');
        } else if (0 < n && n <= 21) {
            m_out.append(digits, n);
            m_out += '.';
            m_out.append(digits + n, k - n);
        } else if (-6 < n && n <= 0) {
            m_out += "0.";
            m_out.append(-n, '0');
            m_out.append(digits, k);
        } else {
            m_out += digits[0];
            if (k > 1) {
                m_out += '.';
                m_out.append(digits + 1, k - 1);
            }
            m_out += 'e';
            m_out += n - 1 < 0 ? '-' : '+';
            m_out += QByteArray::number(std::abs(n - 1));
        }
    }

    bool writeString(QStringView s) {
        if (const qsizetype at = loneSurrogateAt(s); at >= 0)
            return error(QStringLiteral("contains a lone UTF-16 surrogate U+%1, which is not "
                                        "valid Unicode")
                             .arg(hex4(s[at].unicode()).toUpper()));
        static constexpr char kHex[] = "0123456789abcdef";
        m_out += '"';
        const qsizetype n = s.size();
        for (qsizetype i = 0; i < n; ++i) {
            const char16_t c = s[i].unicode();
            switch (c) {
            case u'"':
                m_out += "\\\"";
                continue;
            case u'\\':
                m_out += "\\\\";
                continue;
            case u'\b':
                m_out += "\\b";
                continue;
            case u'\f':
                m_out += "\\f";
                continue;
            case u'\n':
                m_out += "\\n";
                continue;
            case u'\r':
                m_out += "\\r";
                continue;
            case u'\t':
                m_out += "\\t";
                continue;
            default:
                break;
            }
            if (c < 0x20) {
                m_out += "\\u00";
                m_out += kHex[c >> 4];
                m_out += kHex[c & 0xF];
            } else if (isHighSurrogate(c)) {
                const char16_t low = s[++i].unicode(); // paired: checked above
                appendUtf8(m_out, 0x10000 + ((char32_t(c) - 0xD800) << 10) + (low - 0xDC00));
            } else {
                appendUtf8(m_out, c);
            }
        }
        m_out += '"';
        return true;
    }

    bool writeArray(const QJsonArray &array, int depth) {
        if (depth > kMaxDepth)
            return error(QStringLiteral("is nested too deeply: ") + depthError());
        m_out += '[';
        for (qsizetype i = 0; i < array.size(); ++i) {
            if (i > 0) m_out += ',';
            const qsizetype mark = m_path.size();
            m_path += QStringLiteral("[%1]").arg(i);
            if (!write(array.at(i), depth)) return false;
            m_path.truncate(mark);
        }
        m_out += ']';
        return true;
    }

    bool writeObject(const QJsonObject &object, int depth) {
        if (depth > kMaxDepth)
            return error(QStringLiteral("is nested too deeply: ") + depthError());
        std::vector<std::pair<QString, QJsonValue>> members;
        members.reserve(size_t(object.size()));
        for (auto it = object.begin(); it != object.end(); ++it)
            members.emplace_back(it.key(), it.value());
        // RFC 8785 §3.2.3: UTF-16 code units, not code points, so U+1F600 (D83D…) sorts before
        // U+FB33. QString's operator< happens to do the same, but the format must not depend
        // on that.
        std::sort(members.begin(), members.end(), [](const auto &a, const auto &b) {
            const QStringView x(a.first), y(b.first);
            return std::lexicographical_compare(x.utf16(), x.utf16() + x.size(), y.utf16(),
                                                y.utf16() + y.size());
        });
        m_out += '{';
        bool first = true;
        for (const auto &[key, value] : members) {
            if (!first) m_out += ',';
            first = false;
            const qsizetype mark = m_path.size();
            if (!m_path.isEmpty()) m_path += QLatin1Char('.');
            m_path += key;
            if (!writeString(key)) return false;
            m_out += ':';
            if (!write(value, depth)) return false;
            m_path.truncate(mark);
        }
        m_out += '}';
        return true;
    }
};

// ---------------------------------------------------------------------------------------------
// Strict parsing (RFC 8259, plus I-JSON's ban on duplicate keys). Byte offsets in messages
// count from 0, the way `cmp` and hex editors show them.

class Parser {
public:
    explicit Parser(const QByteArray &text)
        : m_data(reinterpret_cast<const unsigned char *>(text.constData()))
        , m_size(text.size()) {}

    Result<QJsonValue> parseDocument() {
        if (m_size >= 3 && m_data[0] == 0xEF && m_data[1] == 0xBB && m_data[2] == 0xBF)
            return fail(QCoreApplication::translate(
                "quire::storage", "the JSON text starts with a byte order mark (U+FEFF); "
                                  "remove it"));
        QJsonValue value;
        if (!parseValue(value, 0)) return fail(m_error);
        skipWhitespace();
        if (m_pos < m_size)
            return fail(
                QCoreApplication::translate(
                    "quire::storage", "unexpected %1 after the end of the JSON value at byte %2")
                    .arg(describeByte(m_pos))
                    .arg(m_pos));
        return value;
    }

private:
    const unsigned char *m_data;
    qsizetype m_size;
    qsizetype m_pos = 0;
    QString m_error;

    bool error(const QString &message) {
        m_error = message;
        return false;
    }

    bool errorAt(const QString &what, qsizetype at) {
        return error(QStringLiteral("%1 at byte %2").arg(what).arg(at));
    }

    QString describeByte(qsizetype at) const {
        const unsigned char c = m_data[at];
        if (c >= 0x21 && c < 0x7F)
            return QStringLiteral("character '%1'").arg(QLatin1Char(char(c)));
        return QStringLiteral("byte 0x%1").arg(uint(c), 2, 16, QLatin1Char('0'));
    }

    bool unexpected(const QString &expected) {
        if (m_pos >= m_size)
            return errorAt(QStringLiteral("unexpected end of text (expected %1)").arg(expected),
                           m_pos);
        return errorAt(
            QStringLiteral("unexpected %1 (expected %2)").arg(describeByte(m_pos), expected),
            m_pos);
    }

    void skipWhitespace() {
        while (m_pos < m_size) {
            const unsigned char c = m_data[m_pos];
            if (c != ' ' && c != '\t' && c != '\n' && c != '\r') return;
            ++m_pos;
        }
    }

    bool consumeLiteral(const char *literal, QJsonValue value, QJsonValue &out) {
        const qsizetype start = m_pos;
        for (const char *p = literal; *p; ++p, ++m_pos) {
            if (m_pos >= m_size || m_data[m_pos] != static_cast<unsigned char>(*p)) {
                m_pos = start;
                return unexpected(QStringLiteral("a value"));
            }
        }
        out = std::move(value);
        return true;
    }

    bool parseValue(QJsonValue &out, int depth) {
        skipWhitespace();
        if (m_pos >= m_size) return unexpected(QStringLiteral("a value"));
        switch (m_data[m_pos]) {
        case '{': {
            QJsonObject object;
            if (!parseObject(object, depth + 1)) return false;
            out = std::move(object);
            return true;
        }
        case '[': {
            QJsonArray array;
            if (!parseArray(array, depth + 1)) return false;
            out = std::move(array);
            return true;
        }
        case '"': {
            QString s;
            if (!parseString(s)) return false;
            out = std::move(s);
            return true;
        }
        case 't':
            return consumeLiteral("true", QJsonValue(true), out);
        case 'f':
            return consumeLiteral("false", QJsonValue(false), out);
        case 'n':
            return consumeLiteral("null", QJsonValue(QJsonValue::Null), out);
        default:
            if (m_data[m_pos] == '-' || (m_data[m_pos] >= '0' && m_data[m_pos] <= '9'))
                return parseNumber(out);
            return unexpected(QStringLiteral("a value"));
        }
    }

    bool parseObject(QJsonObject &object, int depth) {
        if (depth > kMaxDepth) return errorAt(depthError(), m_pos);
        ++m_pos; // '{'
        skipWhitespace();
        if (m_pos < m_size && m_data[m_pos] == '}') {
            ++m_pos;
            return true;
        }
        for (;;) {
            skipWhitespace();
            if (m_pos >= m_size || m_data[m_pos] != '"')
                return unexpected(QStringLiteral("a member name in double quotes"));
            const qsizetype keyStart = m_pos;
            QString key;
            if (!parseString(key)) return false;
            // Two readers could keep different members of a duplicated key, so the bytes would
            // not mean one thing: RFC 8785 requires I-JSON, which forbids duplicates.
            if (object.contains(key))
                return errorAt(QStringLiteral("duplicate key \"%1\"").arg(key), keyStart);
            skipWhitespace();
            if (m_pos >= m_size || m_data[m_pos] != ':')
                return unexpected(QStringLiteral("':' after the member name"));
            ++m_pos;
            QJsonValue value;
            if (!parseValue(value, depth)) return false;
            object.insert(key, value);
            skipWhitespace();
            if (m_pos < m_size && m_data[m_pos] == ',') {
                ++m_pos;
                continue;
            }
            if (m_pos < m_size && m_data[m_pos] == '}') {
                ++m_pos;
                return true;
            }
            return unexpected(QStringLiteral("',' or '}'"));
        }
    }

    bool parseArray(QJsonArray &array, int depth) {
        if (depth > kMaxDepth) return errorAt(depthError(), m_pos);
        ++m_pos; // '['
        skipWhitespace();
        if (m_pos < m_size && m_data[m_pos] == ']') {
            ++m_pos;
            return true;
        }
        for (;;) {
            QJsonValue value;
            if (!parseValue(value, depth)) return false;
            array.append(value);
            skipWhitespace();
            if (m_pos < m_size && m_data[m_pos] == ',') {
                ++m_pos;
                continue;
            }
            if (m_pos < m_size && m_data[m_pos] == ']') {
                ++m_pos;
                return true;
            }
            return unexpected(QStringLiteral("',' or ']'"));
        }
    }

    bool hexValue(qsizetype at, char16_t &out) const {
        if (at + 4 > m_size) return false;
        char16_t v = 0;
        for (qsizetype i = at; i < at + 4; ++i) {
            const unsigned char c = m_data[i];
            int digit;
            if (c >= '0' && c <= '9')
                digit = c - '0';
            else if (c >= 'a' && c <= 'f')
                digit = c - 'a' + 10;
            else if (c >= 'A' && c <= 'F')
                digit = c - 'A' + 10;
            else
                return false;
            v = char16_t(v * 16 + digit);
        }
        out = v;
        return true;
    }

    // One \u escape at m_pos (pointing at the backslash), joined with a following low surrogate
    // escape when it is a high surrogate.
    bool parseUnicodeEscape(QString &out) {
        const qsizetype start = m_pos;
        char16_t unit;
        if (!hexValue(m_pos + 2, unit))
            return errorAt(QStringLiteral("\\u must be followed by four hex digits"), start);
        m_pos += 6;
        if (isLowSurrogate(unit))
            return errorAt(QStringLiteral("lone surrogate escape \\u%1 (a low surrogate without a "
                                          "high one before it)")
                               .arg(hex4(unit)),
                           start);
        if (!isHighSurrogate(unit)) {
            out += QChar(unit);
            return true;
        }
        char16_t low;
        if (m_pos + 1 < m_size && m_data[m_pos] == '\\' && m_data[m_pos + 1] == 'u' &&
            hexValue(m_pos + 2, low) && isLowSurrogate(low)) {
            out += QChar(unit);
            out += QChar(low);
            m_pos += 6;
            return true;
        }
        return errorAt(QStringLiteral("lone surrogate escape \\u%1 (a high surrogate not followed "
                                      "by a low one)")
                           .arg(hex4(unit)),
                       start);
    }

    // Strict RFC 3629 decoding: no overlong forms, no encoded surrogates, nothing past U+10FFFF.
    bool decodeUtf8(QString &out) {
        const qsizetype start = m_pos;
        const unsigned char lead = m_data[m_pos];
        int continuation;
        char32_t cp;
        unsigned char min = 0x80, max = 0xBF; // allowed range of the first continuation byte
        if (lead >= 0xC2 && lead <= 0xDF) {
            continuation = 1;
            cp = lead & 0x1F;
        } else if (lead >= 0xE0 && lead <= 0xEF) {
            continuation = 2;
            cp = lead & 0x0F;
            if (lead == 0xE0) min = 0xA0;
            if (lead == 0xED) max = 0x9F;
        } else if (lead >= 0xF0 && lead <= 0xF4) {
            continuation = 3;
            cp = lead & 0x07;
            if (lead == 0xF0) min = 0x90;
            if (lead == 0xF4) max = 0x8F;
        } else {
            return errorAt(QStringLiteral("invalid UTF-8 (byte 0x%1 cannot start a character)")
                               .arg(uint(lead), 2, 16, QLatin1Char('0')),
                           start);
        }
        ++m_pos;
        for (int i = 0; i < continuation; ++i, ++m_pos) {
            if (m_pos >= m_size)
                return errorAt(QStringLiteral("invalid UTF-8 (a character is cut off)"), start);
            const unsigned char c = m_data[m_pos];
            if (c < min || c > max)
                return errorAt(QStringLiteral("invalid UTF-8 (bad, overlong or surrogate "
                                              "sequence)"),
                               start);
            min = 0x80;
            max = 0xBF;
            cp = (cp << 6) | (c & 0x3F);
        }
        appendUtf16(out, cp);
        return true;
    }

    bool parseString(QString &out) {
        const qsizetype start = m_pos;
        ++m_pos; // opening quote
        for (;;) {
            // Copy runs of plain ASCII at once; most text is ASCII.
            const qsizetype runStart = m_pos;
            while (m_pos < m_size) {
                const unsigned char c = m_data[m_pos];
                if (c < 0x20 || c >= 0x80 || c == '"' || c == '\\') break;
                ++m_pos;
            }
            if (m_pos > runStart)
                out += QLatin1String(reinterpret_cast<const char *>(m_data + runStart),
                                     m_pos - runStart);
            if (m_pos >= m_size)
                return errorAt(QStringLiteral("unterminated string starting"), start);
            const unsigned char c = m_data[m_pos];
            if (c == '"') {
                ++m_pos;
                return true;
            }
            if (c < 0x20)
                return errorAt(QStringLiteral("unescaped control character 0x%1 in a string")
                                   .arg(uint(c), 2, 16, QLatin1Char('0')),
                               m_pos);
            if (c >= 0x80) {
                if (!decodeUtf8(out)) return false;
                continue;
            }
            // backslash
            if (m_pos + 1 >= m_size)
                return errorAt(QStringLiteral("unterminated string starting"), start);
            switch (m_data[m_pos + 1]) {
            case '"':
                out += QLatin1Char('"');
                break;
            case '\\':
                out += QLatin1Char('\\');
                break;
            case '/':
                out += QLatin1Char('/');
                break;
            case 'b':
                out += QLatin1Char('\b');
                break;
            case 'f':
                out += QLatin1Char('\f');
                break;
            case 'n':
                out += QLatin1Char('\n');
                break;
            case 'r':
                out += QLatin1Char('\r');
                break;
            case 't':
                out += QLatin1Char('\t');
                break;
            case 'u':
                if (!parseUnicodeEscape(out)) return false;
                continue;
            default:
                return errorAt(QStringLiteral("invalid escape sequence"), m_pos);
            }
            m_pos += 2;
        }
    }

    bool isDigit(qsizetype at) const {
        return at < m_size && m_data[at] >= '0' && m_data[at] <= '9';
    }

    bool parseNumber(QJsonValue &out) {
        const qsizetype start = m_pos;
        if (m_data[m_pos] == '-') ++m_pos;
        if (!isDigit(m_pos)) return unexpected(QStringLiteral("a digit"));
        if (m_data[m_pos] == '0') {
            ++m_pos;
            if (isDigit(m_pos)) return errorAt(QStringLiteral("number with a leading zero"), start);
        } else {
            while (isDigit(m_pos))
                ++m_pos;
        }
        bool integral = true;
        if (m_pos < m_size && m_data[m_pos] == '.') {
            integral = false;
            ++m_pos;
            if (!isDigit(m_pos)) return unexpected(QStringLiteral("a digit after '.'"));
            while (isDigit(m_pos))
                ++m_pos;
        }
        if (m_pos < m_size && (m_data[m_pos] == 'e' || m_data[m_pos] == 'E')) {
            integral = false;
            ++m_pos;
            if (m_pos < m_size && (m_data[m_pos] == '+' || m_data[m_pos] == '-')) ++m_pos;
            if (!isDigit(m_pos)) return unexpected(QStringLiteral("a digit in the exponent"));
            while (isDigit(m_pos))
                ++m_pos;
        }
        const char *first = reinterpret_cast<const char *>(m_data + start);
        const char *last = reinterpret_cast<const char *>(m_data + m_pos);

        // Small integers stay qint64 so callers reading counts and sequence numbers get them
        // exactly; every such value is also exactly a double, so the canonical bytes are the
        // ones JCS's parse-to-double gives.
        if (integral) {
            qint64 n = 0;
            const auto [ptr, ec] = std::from_chars(first, last, n);
            if (ec == std::errc() && ptr == last && n >= -kExactIntegerLimit &&
                n <= kExactIntegerLimit) {
                out = QJsonValue(n);
                return true;
            }
        }
        double d = 0;
        const auto [ptr, ec] = std::from_chars(first, last, d);
        if (ec == std::errc::result_out_of_range) {
            if (magnitudeIsHuge(first, last))
                return errorAt(QStringLiteral("number too large for a double"), start);
            d = *first == '-' ? -0.0 : 0.0; // underflow: what ECMAScript's JSON.parse gives
        } else if (ec != std::errc() || ptr != last) {
            return errorAt(QStringLiteral("malformed number"), start);
        }
        out = QJsonValue(d);
        return true;
    }

    // Decides whether an out-of-range literal overflowed (rather than underflowed) from the
    // position of its first significant digit, which from_chars does not report.
    static bool magnitudeIsHuge(const char *first, const char *last) {
        const char *p = first;
        if (*p == '-') ++p;
        long long position = 0; // power of ten just above the first significant digit
        bool seenSignificant = false, inFraction = false;
        for (; p < last && *p != 'e' && *p != 'E'; ++p) {
            if (*p == '.') {
                inFraction = true;
                continue;
            }
            if (!seenSignificant && *p != '0') seenSignificant = true;
            if (!inFraction && seenSignificant) ++position;
            if (inFraction && !seenSignificant) --position;
        }
        long long exponent = 0;
        if (p < last) {
            ++p;
            bool negative = false;
            if (*p == '+' || *p == '-') negative = *p++ == '-';
            for (; p < last && exponent < 100000; ++p)
                exponent = exponent * 10 + (*p - '0');
            if (negative) exponent = -exponent;
        }
        return position + exponent > 0;
    }
};

// ---------------------------------------------------------------------------------------------
// Record rules (FORMAT.md §1)

QString childPath(const QString &parent, const QString &key) {
    return parent.isEmpty() ? key : parent + QLatin1Char('.') + key;
}

QString shownPath(const QString &path) {
    return path.isEmpty() ? QCoreApplication::translate("quire::storage", "the value") : path;
}

bool isRecordKey(const QString &key) {
    if (key.isEmpty()) return false;
    return std::all_of(key.begin(), key.end(), [](QChar c) {
        const char16_t u = c.unicode();
        return (u >= 'a' && u <= 'z') || (u >= '0' && u <= '9') || u == '_';
    });
}

bool isAscii(const QString &s) {
    return std::all_of(s.begin(), s.end(), [](QChar c) { return c.unicode() < 0x80; });
}

Result<void> checkRules(const QJsonValue &value, const QString &path, int depth) {
    if (depth > kMaxDepth)
        return fail(QCoreApplication::translate("quire::storage", "%1 is nested too deeply: %2")
                        .arg(shownPath(path), depthError()));
    switch (value.type()) {
    case QJsonValue::Double: {
        if (storedAsInteger(value)) {
            const qint64 n = value.toInteger();
            if (n <= -kExactIntegerLimit || n >= kExactIntegerLimit)
                return fail(QCoreApplication::translate("quire::storage",
                                                        "%1 is %2, outside the exact integer range "
                                                        "|n| < 2^53")
                                .arg(shownPath(path))
                                .arg(n));
            return {};
        }
        const double d = value.toDouble();
        if (!std::isfinite(d) || std::trunc(d) != d)
            return fail(QCoreApplication::translate(
                            "quire::storage", "%1 is not an integer (records hold no fractions: "
                                              "use a string with the unit or integer micro-units)")
                            .arg(shownPath(path)));
        if (std::fabs(d) >= double(kExactIntegerLimit))
            return fail(
                QCoreApplication::translate("quire::storage",
                                            "%1 is %2, outside the exact integer range |n| < 2^53")
                    .arg(shownPath(path), QString::number(d, 'g', 17)));
        return {};
    }
    case QJsonValue::String: {
        const QString s = value.toString();
        if (isAscii(s)) return {};
        if (loneSurrogateAt(s) >= 0)
            return fail(QCoreApplication::translate(
                            "quire::storage", "%1 is not valid Unicode (it has a lone surrogate)")
                            .arg(shownPath(path)));
        if (s.normalized(QString::NormalizationForm_C) != s)
            return fail(QCoreApplication::translate("quire::storage", "%1 is not in Unicode NFC")
                            .arg(shownPath(path)));
        return {};
    }
    case QJsonValue::Array: {
        const QJsonArray array = value.toArray();
        for (qsizetype i = 0; i < array.size(); ++i) {
            auto r = checkRules(array.at(i), QStringLiteral("%1[%2]").arg(path).arg(i), depth + 1);
            if (!r) return r;
        }
        return {};
    }
    case QJsonValue::Object: {
        const QJsonObject object = value.toObject();
        for (auto it = object.begin(); it != object.end(); ++it) {
            if (!isRecordKey(it.key())) {
                const QString where =
                    path.isEmpty()
                        ? QCoreApplication::translate("quire::storage", "at the top level")
                        : QCoreApplication::translate("quire::storage", "in %1").arg(path);
                return fail(QCoreApplication::translate("quire::storage",
                                                        "key \"%1\" %2 is not ASCII [a-z0-9_]")
                                .arg(it.key(), where));
            }
            auto r = checkRules(it.value(), childPath(path, it.key()), depth + 1);
            if (!r) return r;
        }
        return {};
    }
    case QJsonValue::Null:
    case QJsonValue::Bool:
    case QJsonValue::Undefined:
        return {};
    }
    return {};
}

} // namespace

Result<QByteArray> canonicalize(const QJsonValue &value) {
    return Writer().run(value);
}

Result<QByteArray> canonicalizeText(const QByteArray &text) {
    auto value = Parser(text).parseDocument();
    if (!value) return value.failure();
    return canonicalize(*value);
}

Result<void> checkRecordRules(const QJsonValue &value) {
    return checkRules(value, QString(), 0);
}

Result<QJsonObject> parseObject(const QByteArray &text) {
    auto value = Parser(text).parseDocument();
    if (!value) return value.failure();
    if (!value->isObject())
        return fail(QCoreApplication::translate("quire::storage",
                                                "the JSON text is not an object at the top level"));
    return value->toObject();
}

} // namespace quire::json
