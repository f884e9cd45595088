// Reading sanitised HTML: the fast parser-free check that HTML is what sanitize() writes
// (isInSafeSubset, used by verify over whole notebooks) and the plain text of an entry for search.

#include "html/HtmlParts.h"
#include "html/HtmlSanitizer.h"

#include <gumbo.h>

#include <QSet>

#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <deque>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace quire::html {

using namespace detail;

namespace {

// Builds search text: words as written, one line per block, table cells separated by tabs.
class PlainTextWriter {
public:
    void lineBreak() { m_pending = std::max(m_pending, Pending::Line); }
    void cellBreak() {
        if (!m_atLineStart) m_pending = std::max(m_pending, Pending::Tab);
    }
    void text(std::string_view text, bool preformatted) {
        for (char c : text) {
            if (preformatted && c == '\n') {
                m_pending = Pending::None;
                trimLineEnd();
                m_out += '\n';
                m_atLineStart = true;
            } else if (!preformatted && isHtmlSpace(c)) {
                if (!m_atLineStart) m_pending = std::max(m_pending, Pending::Space);
            } else {
                flush();
                m_out += c;
                m_atLineStart = false;
            }
        }
    }
    QString result() {
        trimLineEnd();
        while (!m_out.empty() && m_out.front() == '\n')
            m_out.erase(0, 1);
        while (!m_out.empty() && m_out.back() == '\n')
            m_out.pop_back();
        return QString::fromUtf8(m_out.data(), qsizetype(m_out.size()));
    }

private:
    enum class Pending { None, Space, Tab, Line };

    void flush() {
        switch (m_pending) {
        case Pending::Line:
            if (!m_out.empty() && !m_atLineStart) {
                trimLineEnd();
                m_out += '\n';
            }
            m_atLineStart = true;
            break;
        case Pending::Tab:
            m_out += '\t';
            break;
        case Pending::Space:
            if (!m_atLineStart) m_out += ' ';
            break;
        case Pending::None:
            break;
        }
        m_pending = Pending::None;
    }
    void trimLineEnd() {
        while (!m_out.empty() && (m_out.back() == ' ' || m_out.back() == '\t'))
            m_out.pop_back();
    }

    std::string m_out;
    Pending m_pending = Pending::None;
    bool m_atLineStart = true;
};

bool breaksLine(GumboTag tag) {
    switch (tag) {
    case GUMBO_TAG_BR:
    case GUMBO_TAG_HR:
    case GUMBO_TAG_TR:
    case GUMBO_TAG_TABLE:
    case GUMBO_TAG_CAPTION:
        return true;
    case GUMBO_TAG_TD:
    case GUMBO_TAG_TH:
        return false; // cells share their row's line
    default: {
        const Mapping mapping = classify(tag);
        return mapping.action == Action::Keep && isBlock(mapping.kind);
    }
    }
}

} // namespace

namespace {

// What sanitize() writes is well-formed: only the tags it keeps, in their own spelling and
// properly nested, attribute values in double quotes, and five character references. Such
// text is read here by a scan that gives the same search text as the parser at a fraction
// of its cost (an import turns thousands of entries into search text). Anything sanitize()
// never writes makes it give up, and the parser reads the text instead.
std::optional<QString> scanSanitized(std::string_view html) {
    PlainTextWriter writer;
    int preformatted = 0;
    std::vector<GumboTag> open;
    auto enter = [&](GumboTag tag) {
        if (breaksLine(tag)) writer.lineBreak();
        if (tag == GUMBO_TAG_TD || tag == GUMBO_TAG_TH) writer.cellBreak();
        if (tag == GUMBO_TAG_PRE) ++preformatted;
    };
    auto leave = [&](GumboTag tag) {
        if (breaksLine(tag)) writer.lineBreak();
        if (tag == GUMBO_TAG_PRE) --preformatted;
    };
    static constexpr std::pair<std::string_view, std::string_view> kReferences[] = {
        {"&amp;", "&"}, {"&lt;", "<"}, {"&gt;", ">"}, {"&quot;", "\""}, {"&#824;", "\xcc\xb8"}};
    size_t i = 0;
    while (i < html.size()) {
        const size_t run = html.find_first_of("<&>\r", i);
        const size_t textEnd = run == std::string_view::npos ? html.size() : run;
        if (textEnd > i) {
            const std::string_view text = html.substr(i, textEnd - i);
            if (text.find('\0') != std::string_view::npos) return std::nullopt;
            writer.text(text, preformatted > 0);
            i = textEnd;
            continue;
        }
        const char c = html[i];
        if (c == '&') {
            bool known = false;
            for (const auto &[reference, character] : kReferences) {
                if (html.substr(i, reference.size()) == reference) {
                    writer.text(character, preformatted > 0);
                    i += reference.size();
                    known = true;
                    break;
                }
            }
            if (!known) return std::nullopt;
            continue;
        }
        if (c != '<') return std::nullopt; // a bare '>' or a carriage return
        const bool closing = i + 1 < html.size() && html[i + 1] == '/';
        const size_t nameStart = i + 1 + (closing ? 1 : 0);
        size_t nameEnd = nameStart;
        while (nameEnd < html.size() && ((html[nameEnd] >= 'a' && html[nameEnd] <= 'z') ||
                                         (html[nameEnd] >= '0' && html[nameEnd] <= '9')))
            ++nameEnd;
        const size_t end = html.find('>', nameEnd);
        if (nameEnd == nameStart || end == std::string_view::npos) return std::nullopt;
        const std::string_view name = html.substr(nameStart, nameEnd - nameStart);
        const std::string_view attributes = html.substr(nameEnd, end - nameEnd);
        if (closing ? !attributes.empty()
                    : !attributes.empty() && (attributes.front() != ' ' ||
                                              attributes.find('<') != std::string_view::npos))
            return std::nullopt;
        const GumboTag tag = gumbo_tagn_enum(name.data(), unsigned(name.size()));
        const Mapping mapping = classify(tag);
        if (tag == GUMBO_TAG_UNKNOWN || mapping.action != Action::Keep ||
            name != tagName(mapping.kind))
            return std::nullopt;
        i = end + 1;
        if (closing) {
            if (open.empty() || open.back() != tag) return std::nullopt;
            open.pop_back();
            leave(tag);
            continue;
        }
        enter(tag);
        if (isVoid(mapping.kind)) {
            leave(tag);
            continue;
        }
        open.push_back(tag);
        // The parser drops a line break right after <pre> (sanitize() writes one more).
        if (tag == GUMBO_TAG_PRE && i < html.size() && html[i] == '\n') ++i;
    }
    if (!open.empty()) return std::nullopt;
    return writer.result();
}

} // namespace

namespace {

// The value of a double-quoted attribute as sanitize() writes it, unescaped; nullopt for any
// other character reference or a raw '<' or '"'.
std::optional<std::string> unescapedAttribute(std::string_view value) {
    std::string out;
    out.reserve(value.size());
    for (size_t i = 0; i < value.size();) {
        const char c = value[i];
        if (c == '<' || c == '"' || c == '>' || c == '\0') return std::nullopt;
        if (c != '&') {
            out += c;
            ++i;
            continue;
        }
        bool known = false;
        for (const auto &[reference, character] : {std::pair<std::string_view, char>{"&amp;", '&'},
                                                   {"&lt;", '<'},
                                                   {"&gt;", '>'},
                                                   {"&quot;", '"'}}) {
            if (value.substr(i, reference.size()) == reference) {
                out += character;
                i += reference.size();
                known = true;
                break;
            }
        }
        if (!known) return std::nullopt;
    }
    return out;
}

// Whether an element of `kind` may carry exactly these attributes (sorted by name, as
// sanitize() writes them) with these values.
bool attributesAllowed(Kind kind, const std::vector<std::pair<std::string_view, std::string>> &a) {
    for (size_t k = 1; k < a.size(); ++k)
        if (!(a[k - 1].first < a[k].first)) return false;
    auto only = [&](std::initializer_list<std::string_view> names) {
        for (const auto &[name, value] : a)
            if (std::find(names.begin(), names.end(), name) == names.end()) return false;
        return true;
    };
    auto find = [&](std::string_view name) -> const std::string * {
        for (const auto &[n, v] : a)
            if (n == name) return &v;
        return nullptr;
    };
    auto integerOk = [&](std::string_view name, long maximum) {
        const std::string *v = find(name);
        return !v || boundedInteger(*v, 1, maximum) == *v;
    };
    switch (kind) {
    case Kind::A: {
        const std::string *href = find("href");
        return only({"href"}) && href && allowedHref(*href) == *href;
    }
    case Kind::Img: {
        const std::string *src = find("src");
        return only({"alt", "height", "src", "width"}) && src &&
               src->size() == kAttachmentScheme.size() + 64 &&
               attachmentId(*src) == src->substr(kAttachmentScheme.size()) &&
               src->compare(0, kAttachmentScheme.size(), kAttachmentScheme) == 0 &&
               integerOk("height", 100000) && integerOk("width", 100000);
    }
    case Kind::Span: {
        const std::string *cls = find("class");
        return only({"class", "data-tex"}) && cls && *cls == "math";
    }
    case Kind::Ul: {
        const std::string *cls = find("class");
        return only({"class"}) && (!cls || *cls == "checklist");
    }
    case Kind::Li: {
        const std::string *checked = find("data-checked");
        return only({"data-checked"}) && (!checked || *checked == "true" || *checked == "false");
    }
    case Kind::Td:
    case Kind::Th:
        return only({"colspan", "rowspan"}) && integerOk("colspan", 1000) &&
               integerOk("rowspan", 1000);
    default:
        return a.empty();
    }
}

} // namespace

bool isInSafeSubset(const QString &html) {
    const QByteArray utf8 = html.toUtf8();
    const std::string_view s(utf8.constData(), size_t(utf8.size()));
    std::vector<GumboTag> open;
    size_t i = 0;
    while (i < s.size()) {
        const size_t run = s.find_first_of("<&>\r", i);
        const size_t textEnd = run == std::string_view::npos ? s.size() : run;
        if (textEnd > i) {
            if (s.substr(i, textEnd - i).find('\0') != std::string_view::npos) return false;
            i = textEnd;
            continue;
        }
        if (s[i] == '&') {
            bool known = false;
            for (std::string_view reference : {"&amp;", "&lt;", "&gt;", "&quot;", "&#824;"})
                if (s.substr(i, reference.size()) == reference) {
                    i += reference.size();
                    known = true;
                    break;
                }
            if (!known) return false;
            continue;
        }
        if (s[i] != '<') return false; // a bare '>' or a carriage return
        const bool closing = i + 1 < s.size() && s[i + 1] == '/';
        const size_t nameStart = i + 1 + (closing ? 1 : 0);
        size_t p = nameStart;
        while (p < s.size() && ((s[p] >= 'a' && s[p] <= 'z') || (s[p] >= '0' && s[p] <= '9')))
            ++p;
        if (p == nameStart) return false;
        const std::string_view name = s.substr(nameStart, p - nameStart);
        const GumboTag tag = gumbo_tagn_enum(name.data(), unsigned(name.size()));
        const Mapping mapping = classify(tag);
        if (tag == GUMBO_TAG_UNKNOWN || mapping.action != Action::Keep ||
            name != tagName(mapping.kind))
            return false;
        std::vector<std::pair<std::string_view, std::string>> attributes;
        while (!closing && p < s.size() && s[p] == ' ') {
            const size_t attrStart = ++p;
            while (p < s.size() && ((s[p] >= 'a' && s[p] <= 'z') || s[p] == '-'))
                ++p;
            if (p == attrStart || s.substr(p, 2) != "=\"") return false;
            const size_t valueStart = p + 2;
            const size_t valueEnd = s.find('"', valueStart);
            if (valueEnd == std::string_view::npos) return false;
            auto value = unescapedAttribute(s.substr(valueStart, valueEnd - valueStart));
            if (!value) return false;
            attributes.emplace_back(s.substr(attrStart, p - attrStart), std::move(*value));
            p = valueEnd + 1;
        }
        if (p >= s.size() || s[p] != '>') return false;
        i = p + 1;
        if (closing) {
            if (open.empty() || open.back() != tag) return false;
            open.pop_back();
            continue;
        }
        if (!attributesAllowed(mapping.kind, attributes)) return false;
        if (!isVoid(mapping.kind)) open.push_back(tag);
    }
    return open.empty();
}

QString plainTextByParsing(const QString &sanitizedHtml) {
    const GumboFragment parsed(sanitizedHtml);
    if (!parsed.root()) return {};
    PlainTextWriter writer;
    int preformatted = 0;
    walk(
        parsed.root(),
        [&](const GumboElement &element) {
            if (breaksLine(element.tag)) writer.lineBreak();
            if (element.tag == GUMBO_TAG_TD || element.tag == GUMBO_TAG_TH) writer.cellBreak();
            if (element.tag == GUMBO_TAG_PRE) ++preformatted;
            return true;
        },
        [&](std::string_view text) { writer.text(text, preformatted > 0); },
        [&](const GumboElement &element) {
            if (breaksLine(element.tag)) writer.lineBreak();
            if (element.tag == GUMBO_TAG_PRE) --preformatted;
        });
    return writer.result();
}

QString plainText(const QString &sanitizedHtml) {
    const QByteArray utf8 = sanitizedHtml.toUtf8();
    if (auto scanned = scanSanitized(std::string_view(utf8.constData(), size_t(utf8.size()))))
        return *scanned;
    return plainTextByParsing(sanitizedHtml);
}

} // namespace quire::html
