#pragma once
// Internal to storage/html: what the sanitiser (HtmlSanitizer.cpp) and the readers of sanitised
// HTML (HtmlText.cpp) share — the gumbo parse of a fragment, what each element becomes under
// FORMAT.md §6, the checks of attribute values, and a walk over a parsed fragment. Only
// storage/html/ .cpp files include it.

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

namespace quire::html::detail {

// Elements nested deeper than this are unwrapped. Real entries stay far below it; hostile ones
// (thousands of nested tags) are flattened instead of being carried into every later reader.
inline constexpr int kMaxDepth = 200;

// ------------------------------------------------------------------------------------------
// Bytes

inline bool isHtmlSpace(char c) {
    return c == ' ' || c == '\t' || c == '\n' || c == '\f' || c == '\r';
}

inline bool isControlOrSpace(char c) {
    return static_cast<unsigned char>(c) <= 0x20 || c == 0x7f;
}

inline char asciiLower(char c) {
    return (c >= 'A' && c <= 'Z') ? char(c - 'A' + 'a') : c;
}

inline bool startsWithIgnoringCase(std::string_view text, std::string_view prefix) {
    if (text.size() < prefix.size()) return false;
    for (std::size_t i = 0; i < prefix.size(); ++i)
        if (asciiLower(text[i]) != prefix[i]) return false;
    return true;
}

// ------------------------------------------------------------------------------------------
// Parsing

// Owns one gumbo parse of an HTML fragment, read as the body of a standards-mode document.
// (gumbo's own fragment mode aborts on an assertion for some input, e.g.
// "<table><svg><html><desc><select><td></body>"; a whole document does not. The doctype keeps
// "<p><table>" meaning what it means in a browser rather than in quirks mode.)
// gumbo's gumbo_destroy_output frees the tree recursively and overflows the stack on deeply
// nested input, so every block gumbo allocates is threaded onto a list instead and the whole
// parse is released flat, without walking the tree.
class GumboFragment {
public:
    explicit GumboFragment(const QString &html) {
        m_blocks.prev = m_blocks.next = &m_blocks;
        if (html.isEmpty()) return;
        m_input = QByteArrayLiteral("<!DOCTYPE html><html><head></head><body>") + html.toUtf8();
        renameForeignTags();
        GumboOptions options = kGumboDefaultOptions;
        options.allocator = &GumboFragment::allocate;
        options.deallocator = &GumboFragment::deallocate;
        options.userdata = this;
        options.max_errors = 0; // parse errors are expected in tag soup and never reported
        m_output =
            gumbo_parse_with_options(&options, m_input.constData(), std::size_t(m_input.size()));
    }
    ~GumboFragment() {
        Block *block = m_blocks.next;
        while (block != &m_blocks) {
            Block *next = block->next;
            std::free(block);
            block = next;
        }
    }
    GumboFragment(const GumboFragment &) = delete;
    GumboFragment &operator=(const GumboFragment &) = delete;

    // The body element, whose children are the fragment's top-level nodes; null when there is
    // no content (or a <frameset> replaced the body).
    const GumboNode *root() const {
        if (!m_output || !m_output->root) return nullptr;
        const GumboVector &children = m_output->root->v.element.children;
        for (unsigned i = 0; i < children.length; ++i) {
            const auto *child = static_cast<const GumboNode *>(children.data[i]);
            if (child->type == GUMBO_NODE_ELEMENT && child->v.element.tag == GUMBO_TAG_BODY)
                return child;
        }
        return nullptr;
    }

private:
    // gumbo 0.10.1 aborts on assertions for several kinds of SVG or MathML inside tables
    // ("<table><math><mi><![CDATA[x]]>y", "<table><math><select><mi><select><table>"). Foreign
    // content is dropped with everything in it anyway, so it is never parsed as such: every
    // <svg> and <math> tag, start or end, is renamed to <canvas>, an ordinary HTML element that
    // is dropped the same way. (A literal "<svg" inside an attribute value or an obsolete raw
    // text element such as <xmp> is renamed too; it stays harmless text.)
    void renameForeignTags() {
        static constexpr std::string_view replacement = "canvas";
        const std::string_view input(m_input.constData(), std::size_t(m_input.size()));
        QByteArray renamed;
        std::size_t copied = 0;
        for (std::size_t open = input.find('<'); open != std::string_view::npos;
             open = input.find('<', open + 1)) {
            std::size_t name = open + 1;
            if (name < input.size() && input[name] == '/') ++name;
            std::size_t end = name;
            for (std::string_view foreign : {"svg", "math"})
                if (startsWithIgnoringCase(input.substr(name), foreign))
                    end = name + foreign.size();
            if (end == name) continue;
            if (end < input.size() && !isHtmlSpace(input[end]) && input[end] != '/' &&
                input[end] != '>')
                continue; // a longer name such as <svgfoo>
            renamed.append(input.data() + copied, qsizetype(name - copied));
            renamed.append(replacement.data(), qsizetype(replacement.size()));
            copied = end;
        }
        if (copied == 0) return;
        renamed.append(input.data() + copied, qsizetype(input.size() - copied));
        m_input = std::move(renamed);
    }

    struct alignas(std::max_align_t) Block {
        Block *prev;
        Block *next;
    };

    static void *allocate(void *userdata, std::size_t size) {
        auto *self = static_cast<GumboFragment *>(userdata);
        auto *block = static_cast<Block *>(std::malloc(sizeof(Block) + size));
        if (!block) std::abort(); // gumbo does not check for allocation failure itself
        block->prev = &self->m_blocks;
        block->next = self->m_blocks.next;
        self->m_blocks.next->prev = block;
        self->m_blocks.next = block;
        return block + 1;
    }

    static void deallocate(void *, void *pointer) {
        if (!pointer) return;
        Block *block = static_cast<Block *>(pointer) - 1;
        block->prev->next = block->next;
        block->next->prev = block->prev;
        std::free(block);
    }

    QByteArray m_input; // gumbo's tree points into it, so it lives as long as the tree
    Block m_blocks;     // list head; never allocated
    GumboOutput *m_output = nullptr;
};

inline const GumboVector &childrenOf(const GumboNode *node) {
    return node->type == GUMBO_NODE_DOCUMENT ? node->v.document.children : node->v.element.children;
}

inline const char *attributeValue(const GumboElement &element, const char *name) {
    const GumboAttribute *attribute = gumbo_get_attribute(&element.attributes, name);
    return attribute ? attribute->value : nullptr;
}

// ------------------------------------------------------------------------------------------
// What each element becomes

enum class Kind : std::uint8_t {
    Text,
    P,
    Br,
    H1,
    H2,
    H3,
    H4,
    Strong,
    Em,
    U,
    S,
    Sub,
    Sup,
    Code,
    Pre,
    Blockquote,
    Ul,
    Ol,
    Li,
    Table,
    Thead,
    Tbody,
    Tr,
    Th,
    Td,
    Hr,
    Figure,
    Figcaption,
    A,
    Img,
    Span,
    Div,     // div, section, article...: becomes paragraphs or disappears; never written
    Caption, // a table caption: moved before its table as a paragraph; never written
};

inline const char *tagName(Kind kind) {
    switch (kind) {
    case Kind::P:
        return "p";
    case Kind::Br:
        return "br";
    case Kind::H1:
        return "h1";
    case Kind::H2:
        return "h2";
    case Kind::H3:
        return "h3";
    case Kind::H4:
        return "h4";
    case Kind::Strong:
        return "strong";
    case Kind::Em:
        return "em";
    case Kind::U:
        return "u";
    case Kind::S:
        return "s";
    case Kind::Sub:
        return "sub";
    case Kind::Sup:
        return "sup";
    case Kind::Code:
        return "code";
    case Kind::Pre:
        return "pre";
    case Kind::Blockquote:
        return "blockquote";
    case Kind::Ul:
        return "ul";
    case Kind::Ol:
        return "ol";
    case Kind::Li:
        return "li";
    case Kind::Table:
        return "table";
    case Kind::Thead:
        return "thead";
    case Kind::Tbody:
        return "tbody";
    case Kind::Tr:
        return "tr";
    case Kind::Th:
        return "th";
    case Kind::Td:
        return "td";
    case Kind::Hr:
        return "hr";
    case Kind::Figure:
        return "figure";
    case Kind::Figcaption:
        return "figcaption";
    case Kind::A:
        return "a";
    case Kind::Img:
        return "img";
    case Kind::Span:
        return "span";
    case Kind::Text:
    case Kind::Div:
    case Kind::Caption:
        break;
    }
    return "";
}

inline bool isVoid(Kind kind) {
    return kind == Kind::Br || kind == Kind::Hr || kind == Kind::Img;
}

// Block-level for the parser: starting one of these closes an open <p>.
inline bool isBlock(Kind kind) {
    switch (kind) {
    case Kind::P:
    case Kind::H1:
    case Kind::H2:
    case Kind::H3:
    case Kind::H4:
    case Kind::Pre:
    case Kind::Blockquote:
    case Kind::Ul:
    case Kind::Ol:
    case Kind::Li:
    case Kind::Table:
    case Kind::Thead:
    case Kind::Tbody:
    case Kind::Tr:
    case Kind::Th:
    case Kind::Td:
    case Kind::Hr:
    case Kind::Figure:
    case Kind::Figcaption:
    case Kind::Div:
    case Kind::Caption:
        return true;
    default:
        return false;
    }
}

enum class Action : std::uint8_t { Keep, Unwrap, Drop };

struct Mapping {
    Action action;
    Kind kind;
};

constexpr Mapping keep(Kind kind) {
    return {Action::Keep, kind};
}

inline Mapping classify(GumboTag tag) {
    switch (tag) {
    case GUMBO_TAG_P:
        return keep(Kind::P);
    case GUMBO_TAG_BR:
        return keep(Kind::Br);
    case GUMBO_TAG_H1:
        return keep(Kind::H1);
    case GUMBO_TAG_H2:
        return keep(Kind::H2);
    case GUMBO_TAG_H3:
        return keep(Kind::H3);
    case GUMBO_TAG_H4:
    case GUMBO_TAG_H5:
    case GUMBO_TAG_H6:
        return keep(Kind::H4);
    case GUMBO_TAG_STRONG:
    case GUMBO_TAG_B:
        return keep(Kind::Strong);
    case GUMBO_TAG_EM:
    case GUMBO_TAG_I:
        return keep(Kind::Em);
    case GUMBO_TAG_U:
    case GUMBO_TAG_INS:
        return keep(Kind::U);
    case GUMBO_TAG_S:
    case GUMBO_TAG_STRIKE:
    case GUMBO_TAG_DEL:
        return keep(Kind::S);
    case GUMBO_TAG_SUB:
        return keep(Kind::Sub);
    case GUMBO_TAG_SUP:
        return keep(Kind::Sup);
    case GUMBO_TAG_CODE:
        return keep(Kind::Code);
    case GUMBO_TAG_PRE:
        return keep(Kind::Pre);
    case GUMBO_TAG_BLOCKQUOTE:
        return keep(Kind::Blockquote);
    case GUMBO_TAG_UL:
        return keep(Kind::Ul);
    case GUMBO_TAG_OL:
        return keep(Kind::Ol);
    case GUMBO_TAG_LI:
        return keep(Kind::Li);
    case GUMBO_TAG_TABLE:
        return keep(Kind::Table);
    case GUMBO_TAG_THEAD:
        return keep(Kind::Thead);
    case GUMBO_TAG_TBODY:
    case GUMBO_TAG_TFOOT:
        return keep(Kind::Tbody);
    case GUMBO_TAG_TR:
        return keep(Kind::Tr);
    case GUMBO_TAG_TH:
        return keep(Kind::Th);
    case GUMBO_TAG_TD:
        return keep(Kind::Td);
    case GUMBO_TAG_HR:
        return keep(Kind::Hr);
    case GUMBO_TAG_FIGURE:
        return keep(Kind::Figure);
    case GUMBO_TAG_FIGCAPTION:
        return keep(Kind::Figcaption);
    case GUMBO_TAG_A:
        return keep(Kind::A);
    case GUMBO_TAG_IMG:
    case GUMBO_TAG_IMAGE:
        return keep(Kind::Img);
    case GUMBO_TAG_SPAN:
        return keep(Kind::Span);
    case GUMBO_TAG_DIV:
    case GUMBO_TAG_SECTION:
    case GUMBO_TAG_ARTICLE:
    // Other block containers, so their text keeps its paragraph breaks.
    case GUMBO_TAG_ADDRESS:
    case GUMBO_TAG_ASIDE:
    case GUMBO_TAG_CENTER:
    case GUMBO_TAG_DD:
    case GUMBO_TAG_DETAILS:
    case GUMBO_TAG_DIR:
    case GUMBO_TAG_DL:
    case GUMBO_TAG_DT:
    case GUMBO_TAG_FIELDSET:
    case GUMBO_TAG_FOOTER:
    case GUMBO_TAG_HEADER:
    case GUMBO_TAG_HGROUP:
    case GUMBO_TAG_MAIN:
    case GUMBO_TAG_MENU:
    case GUMBO_TAG_NAV:
    case GUMBO_TAG_SUMMARY:
        return keep(Kind::Div);
    case GUMBO_TAG_CAPTION:
        return keep(Kind::Caption);

    // Active content, embedded documents, form controls and document metadata: their content is
    // not the entry's text (or is raw text that would turn into visible markup), so it goes too.
    case GUMBO_TAG_SCRIPT:
    case GUMBO_TAG_STYLE:
    case GUMBO_TAG_TEMPLATE:
    case GUMBO_TAG_IFRAME:
    case GUMBO_TAG_OBJECT:
    case GUMBO_TAG_EMBED:
    case GUMBO_TAG_SVG:
    case GUMBO_TAG_MATH:
    case GUMBO_TAG_NOSCRIPT:
    case GUMBO_TAG_TEXTAREA:
    case GUMBO_TAG_SELECT:
    case GUMBO_TAG_BUTTON:
    case GUMBO_TAG_INPUT:
    case GUMBO_TAG_FORM:
    case GUMBO_TAG_HEAD:
    case GUMBO_TAG_TITLE:
    case GUMBO_TAG_META:
    case GUMBO_TAG_LINK:
    case GUMBO_TAG_BASE:
    case GUMBO_TAG_FRAME:
    case GUMBO_TAG_FRAMESET:
    case GUMBO_TAG_APPLET:
    case GUMBO_TAG_AUDIO:
    case GUMBO_TAG_VIDEO:
    case GUMBO_TAG_CANVAS:
        return {Action::Drop, Kind::Text};

    default:
        return {Action::Unwrap, Kind::Text};
    }
}

// Parser-only nodes (comments, templates) and foreign content (SVG, MathML) never contribute.
inline bool isDropped(const GumboNode *node) {
    switch (node->type) {
    case GUMBO_NODE_COMMENT:
    case GUMBO_NODE_TEMPLATE:
    case GUMBO_NODE_DOCUMENT:
        return true;
    case GUMBO_NODE_ELEMENT:
        return node->v.element.tag_namespace != GUMBO_NAMESPACE_HTML ||
               classify(node->v.element.tag).action == Action::Drop;
    default:
        return false;
    }
}

// ------------------------------------------------------------------------------------------
// Attribute values

// A URL as a browser would read it: tabs and line breaks anywhere are ignored and control
// characters or spaces around it are trimmed. Anything still holding a control character is
// refused rather than guessed at.
inline std::optional<std::string> cleanedUrl(std::string_view raw) {
    std::string url;
    url.reserve(raw.size());
    for (char c : raw)
        if (c != '\t' && c != '\n' && c != '\r') url.push_back(c);
    const auto first = std::find_if_not(url.begin(), url.end(), isControlOrSpace);
    const auto last = std::find_if_not(url.rbegin(), url.rend(), isControlOrSpace).base();
    url = first < last ? std::string(first, last) : std::string();
    if (std::any_of(url.begin(), url.end(),
                    [](char c) { return static_cast<unsigned char>(c) < 0x20 || c == 0x7f; }))
        return std::nullopt;
    return url;
}

inline std::optional<std::string> allowedHref(std::string_view raw) {
    auto url = cleanedUrl(raw);
    if (!url) return std::nullopt;
    for (std::string_view scheme : {"http:", "https:", "mailto:", "quire:"})
        if (startsWithIgnoringCase(*url, scheme)) return url;
    return std::nullopt;
}

inline constexpr std::string_view kAttachmentScheme = "quire-attachment:";

// The attachment record id (64 lowercase hex digits) named by an img src, if it names one.
inline std::optional<std::string> attachmentId(std::string_view raw) {
    auto url = cleanedUrl(raw);
    if (!url || !startsWithIgnoringCase(*url, kAttachmentScheme)) return std::nullopt;
    std::string id = url->substr(kAttachmentScheme.size());
    if (id.size() != 64) return std::nullopt;
    for (char &c : id) {
        c = asciiLower(c);
        if (!((c >= '0' && c <= '9') || (c >= 'a' && c <= 'f'))) return std::nullopt;
    }
    return id;
}

// A decimal integer in [minimum, maximum], written back without leading zeros or spaces.
inline std::optional<std::string> boundedInteger(std::string_view raw, long minimum, long maximum) {
    while (!raw.empty() && isHtmlSpace(raw.front()))
        raw.remove_prefix(1);
    while (!raw.empty() && isHtmlSpace(raw.back()))
        raw.remove_suffix(1);
    if (raw.empty() || raw.size() > 12) return std::nullopt;
    long value = 0;
    for (char c : raw) {
        if (c < '0' || c > '9') return std::nullopt;
        value = value * 10 + (c - '0');
    }
    if (value < minimum || value > maximum) return std::nullopt;
    return std::to_string(value);
}

inline bool hasClass(const char *classes, std::string_view wanted) {
    if (!classes) return false;
    std::string_view rest(classes);
    while (!rest.empty()) {
        while (!rest.empty() && isHtmlSpace(rest.front()))
            rest.remove_prefix(1);
        std::size_t end = 0;
        while (end < rest.size() && !isHtmlSpace(rest[end]))
            ++end;
        if (rest.substr(0, end) == wanted) return true;
        rest.remove_prefix(end);
    }
    return false;
}

// ------------------------------------------------------------------------------------------
// Reading sanitised HTML

// Visits every element and text node that sanitize() could have kept, in document order,
// without recursion. `enter` returns false to skip an element's content; `leave` is called
// after an element's content.
template <typename Enter, typename Text, typename Leave>
inline void walk(const GumboNode *root, Enter enter, Text text, Leave leave) {
    struct Frame {
        const GumboNode *node;
        unsigned next;
    };
    std::vector<Frame> stack{{root, 0}};
    while (!stack.empty()) {
        Frame &frame = stack.back();
        const GumboVector &children = childrenOf(frame.node);
        if (frame.next == children.length) {
            if (stack.size() > 1) leave(frame.node->v.element);
            stack.pop_back();
            continue;
        }
        const auto *child = static_cast<const GumboNode *>(children.data[frame.next++]);
        switch (child->type) {
        case GUMBO_NODE_TEXT:
        case GUMBO_NODE_WHITESPACE:
        case GUMBO_NODE_CDATA:
            text(std::string_view(child->v.text.text));
            break;
        case GUMBO_NODE_ELEMENT:
            if (!isDropped(child) && enter(child->v.element)) stack.push_back({child, 0});
            break;
        default:
            break;
        }
    }
}

} // namespace quire::html::detail
