// HtmlSanitizer: parses with gumbo (an HTML5 parser, so the tree is the one a browser would
// build), rebuilds it as FORMAT.md §6 allows, and writes it back out.
//
// Stability (sanitize(sanitize(x)) == sanitize(x)) is the hard part: the output is parsed again
// on every verify, and an HTML parser rewrites trees it considers impossible (a <p> inside a <p>
// is closed, an <li> inside an <li> is closed, text inside a <table> is moved out of it...).
// So the rebuilt tree obeys a content model under which the parser gives back exactly the tree
// that was written:
//   - flow containers (the fragment, blockquote, li, td, th, figure, figcaption) hold blocks
//     and inline content;
//   - p, h1-h4 and pre hold inline content only; blocks found inside them are unwrapped;
//   - an inline element that ends up holding a block is unwrapped, so blocks rise to the
//     nearest flow container;
//   - li exists only directly inside ul/ol; table, tbody/thead and tr hold only their own
//     structure and white space;
//   - a link never contains another link.
// Nesting is also bounded, so no hostile depth reaches a recursive walk.

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
namespace {

// Elements nested deeper than this are unwrapped. Real entries stay far below it; hostile ones
// (thousands of nested tags) are flattened instead of being carried into every later reader.
constexpr int kMaxDepth = 200;

// ------------------------------------------------------------------------------------------
// Bytes

bool isHtmlSpace(char c) {
    return c == ' ' || c == '\t' || c == '\n' || c == '\f' || c == '\r';
}

bool isControlOrSpace(char c) {
    return static_cast<unsigned char>(c) <= 0x20 || c == 0x7f;
}

char asciiLower(char c) {
    return (c >= 'A' && c <= 'Z') ? char(c - 'A' + 'a') : c;
}

bool startsWithIgnoringCase(std::string_view text, std::string_view prefix) {
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

const GumboVector &childrenOf(const GumboNode *node) {
    return node->type == GUMBO_NODE_DOCUMENT ? node->v.document.children : node->v.element.children;
}

const char *attributeValue(const GumboElement &element, const char *name) {
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

const char *tagName(Kind kind) {
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

bool isVoid(Kind kind) {
    return kind == Kind::Br || kind == Kind::Hr || kind == Kind::Img;
}

// Block-level for the parser: starting one of these closes an open <p>.
bool isBlock(Kind kind) {
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

Mapping classify(GumboTag tag) {
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
bool isDropped(const GumboNode *node) {
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
std::optional<std::string> cleanedUrl(std::string_view raw) {
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

std::optional<std::string> allowedHref(std::string_view raw) {
    auto url = cleanedUrl(raw);
    if (!url) return std::nullopt;
    for (std::string_view scheme : {"http:", "https:", "mailto:", "quire:"})
        if (startsWithIgnoringCase(*url, scheme)) return url;
    return std::nullopt;
}

constexpr std::string_view kAttachmentScheme = "quire-attachment:";

// The attachment record id (64 lowercase hex digits) named by an img src, if it names one.
std::optional<std::string> attachmentId(std::string_view raw) {
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
std::optional<std::string> boundedInteger(std::string_view raw, long minimum, long maximum) {
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

bool hasClass(const char *classes, std::string_view wanted) {
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
// The rebuilt tree

struct Attribute {
    std::string_view name; // always a literal
    std::string value;
};

struct Node {
    Kind kind = Kind::Text;
    std::string_view text;             // Text only; points into the gumbo parse
    std::vector<Attribute> attributes; // sorted by name
    std::vector<Node *> children;
};

// Nodes live in a deque so that pointers stay valid and nothing is freed recursively.
class Tree {
public:
    Node *make(Kind kind) {
        m_nodes.emplace_back();
        m_nodes.back().kind = kind;
        return &m_nodes.back();
    }
    Node *root() { return &m_root; }

private:
    Node m_root;
    std::deque<Node> m_nodes;
};

// Fills `node`'s attributes from the gumbo element. Returns the action to take instead of
// keeping the element when its attributes make it unusable (a link to a forbidden scheme is
// unwrapped, an image that is not an attachment is dropped).
Action readAttributes(const GumboElement &element, Node &node) {
    auto &attributes = node.attributes;
    switch (node.kind) {
    case Kind::A: {
        const char *href = attributeValue(element, "href");
        auto url = href ? allowedHref(href) : std::nullopt;
        if (!url) return Action::Unwrap;
        attributes.push_back({"href", std::move(*url)});
        return Action::Keep;
    }
    case Kind::Img: {
        const char *src = attributeValue(element, "src");
        auto id = src ? attachmentId(src) : std::nullopt;
        if (!id) return Action::Drop;
        if (const char *alt = attributeValue(element, "alt")) attributes.push_back({"alt", alt});
        if (const char *height = attributeValue(element, "height"))
            if (auto value = boundedInteger(height, 1, 100000))
                attributes.push_back({"height", std::move(*value)});
        attributes.push_back({"src", std::string(kAttachmentScheme) + *id});
        if (const char *width = attributeValue(element, "width"))
            if (auto value = boundedInteger(width, 1, 100000))
                attributes.push_back({"width", std::move(*value)});
        return Action::Keep;
    }
    case Kind::Span: {
        // A span means something only as a formula; any other span is just its text.
        if (!hasClass(attributeValue(element, "class"), "math")) return Action::Unwrap;
        attributes.push_back({"class", "math"});
        if (const char *tex = attributeValue(element, "data-tex"))
            attributes.push_back({"data-tex", tex});
        return Action::Keep;
    }
    case Kind::Ul:
        if (hasClass(attributeValue(element, "class"), "checklist"))
            attributes.push_back({"class", "checklist"});
        return Action::Keep;
    case Kind::Li:
        // Kept provisionally; whether the item is in a checklist is known only once its
        // list is known (see Normalizer).
        if (const char *checked = attributeValue(element, "data-checked")) {
            std::string_view value(checked);
            while (!value.empty() && isHtmlSpace(value.front()))
                value.remove_prefix(1);
            while (!value.empty() && isHtmlSpace(value.back()))
                value.remove_suffix(1);
            const bool isTrue = value.size() == 4 && startsWithIgnoringCase(value, "true");
            attributes.push_back({"data-checked", isTrue ? "true" : "false"});
        }
        return Action::Keep;
    case Kind::Td:
    case Kind::Th:
        if (const char *colspan = attributeValue(element, "colspan"))
            if (auto value = boundedInteger(colspan, 1, 1000))
                attributes.push_back({"colspan", std::move(*value)});
        if (const char *rowspan = attributeValue(element, "rowspan"))
            if (auto value = boundedInteger(rowspan, 1, 1000))
                attributes.push_back({"rowspan", std::move(*value)});
        return Action::Keep;
    default:
        return Action::Keep;
    }
}

// Builds the tree of allowed elements from gumbo's tree without recursion (the input may nest
// arbitrarily deep): dropped elements vanish with their content, unwrapped ones leave their
// children in their place, and nothing is kept deeper than kMaxDepth.
void build(const GumboNode *gumboRoot, Tree &tree) {
    struct Pending {
        const GumboNode *node;
        Node *parent;
        int depth; // kept elements above this node
    };
    std::vector<Pending> pending;
    const auto pushChildren = [&pending](const GumboNode *node, Node *parent, int depth) {
        const GumboVector &children = childrenOf(node);
        for (unsigned i = children.length; i > 0; --i)
            pending.push_back(
                {static_cast<const GumboNode *>(children.data[i - 1]), parent, depth});
    };
    pushChildren(gumboRoot, tree.root(), 0);

    while (!pending.empty()) {
        const Pending item = pending.back();
        pending.pop_back();
        const GumboNode *node = item.node;
        switch (node->type) {
        case GUMBO_NODE_TEXT:
        case GUMBO_NODE_WHITESPACE:
        case GUMBO_NODE_CDATA: {
            Node *text = tree.make(Kind::Text);
            text->text = node->v.text.text;
            if (!text->text.empty()) item.parent->children.push_back(text);
            break;
        }
        case GUMBO_NODE_ELEMENT: {
            if (isDropped(node)) break;
            const GumboElement &element = node->v.element;
            const Mapping mapping = classify(element.tag);
            if (mapping.action == Action::Unwrap || item.depth >= kMaxDepth) {
                pushChildren(node, item.parent, item.depth);
                break;
            }
            Node *kept = tree.make(mapping.kind);
            const Action action = readAttributes(element, *kept);
            if (action == Action::Drop) break;
            if (action == Action::Unwrap) {
                pushChildren(node, item.parent, item.depth);
                break;
            }
            item.parent->children.push_back(kept);
            pushChildren(node, kept, item.depth + 1);
            break;
        }
        default:
            break; // comments, templates
        }
    }
}

// ------------------------------------------------------------------------------------------
// The content model (see the comment at the top of this file)

enum class Context : std::uint8_t { Flow, List, Phrasing, Table, TableSection, TableRow };

bool isWhitespaceText(const Node *node) {
    return node->kind == Kind::Text &&
           std::all_of(node->text.begin(), node->text.end(), isHtmlSpace);
}

// Whether a run of inline nodes says anything (is more than white space).
bool isMeaningful(const std::vector<Node *> &nodes) {
    return std::any_of(nodes.begin(), nodes.end(),
                       [](const Node *node) { return !isWhitespaceText(node); });
}

class Normalizer {
public:
    explicit Normalizer(Tree &tree)
        : m_tree(tree) {}

    void run() {
        std::vector<Node *> top;
        placeAll(m_tree.root()->children, Context::Flow, false, false, top);
        m_tree.root()->children = std::move(top);
    }

private:
    struct Place {
        Context context;
        bool inLink;
        bool checklist;
    };

    bool placeAll(const std::vector<Node *> &nodes, Context context, bool inLink, bool checklist,
                  std::vector<Node *> &out) {
        bool block = false;
        for (Node *node : nodes)
            block |= place(node, {context, inLink, checklist}, out);
        return block;
    }

    // Appends to `out` what `node` becomes at this place: itself, its children (unwrapped) or
    // nothing. Returns whether anything block-level was appended.
    bool place(Node *node, Place at, std::vector<Node *> &out) {
        switch (at.context) {
        case Context::Table:
        case Context::TableSection:
        case Context::TableRow:
            placeInTable(node, at.context, out);
            return false;
        default:
            break;
        }

        const bool phrasing = at.context == Context::Phrasing;
        const auto unwrap = [&] {
            return placeAll(node->children, at.context, at.inLink, at.checklist, out);
        };
        const auto keepWith = [&](Context inner, bool checklist = false) {
            std::vector<Node *> children;
            placeAll(node->children, inner, false, checklist, children);
            node->children = std::move(children);
            out.push_back(node);
            return true;
        };

        switch (node->kind) {
        case Kind::Text:
        case Kind::Br:
        case Kind::Img:
            out.push_back(node);
            return false;

        case Kind::P:
        case Kind::H1:
        case Kind::H2:
        case Kind::H3:
        case Kind::H4:
        case Kind::Pre:
            return phrasing ? unwrap() : keepWith(Context::Phrasing);

        case Kind::Hr:
            if (phrasing) return false;
            out.push_back(node);
            return true;

        case Kind::Blockquote:
        case Kind::Figure:
        case Kind::Figcaption:
            return phrasing ? unwrap() : keepWith(Context::Flow);

        case Kind::Ul:
        case Kind::Ol:
            return phrasing ? unwrap() : keepWith(Context::List, !node->attributes.empty());

        case Kind::Li:
            if (at.context != Context::List) return unwrap();
            // Every item of a checklist has a state; items of other lists have none.
            if (!at.checklist)
                node->attributes.clear();
            else if (node->attributes.empty())
                node->attributes.push_back({"data-checked", "false"});
            return keepWith(Context::Flow);

        case Kind::Table:
            return phrasing ? unwrap() : placeTable(node, out);

        case Kind::Thead:
        case Kind::Tbody:
        case Kind::Tr:
        case Kind::Th:
        case Kind::Td:
        case Kind::Caption:
            return unwrap(); // outside their table

        case Kind::Div:
            return phrasing ? unwrap() : placeDiv(node, at, out);

        case Kind::A:
            if (at.inLink) return unwrap();
            at.inLink = true;
            [[fallthrough]];
        case Kind::Strong:
        case Kind::Em:
        case Kind::U:
        case Kind::S:
        case Kind::Sub:
        case Kind::Sup:
        case Kind::Code:
        case Kind::Span: {
            std::vector<Node *> children;
            if (placeAll(node->children, at.context, at.inLink, at.checklist, children)) {
                // Inline formatting cannot span blocks; the blocks win.
                out.insert(out.end(), children.begin(), children.end());
                return true;
            }
            node->children = std::move(children);
            out.push_back(node);
            return false;
        }
        }
        return false;
    }

    void placeInTable(Node *node, Context context, std::vector<Node *> &out) {
        // Anything else here would be moved out of the table by the parser; white space stays.
        if (node->kind == Kind::Text) {
            if (isWhitespaceText(node)) out.push_back(node);
            return;
        }
        Context inner;
        if (context == Context::Table && (node->kind == Kind::Thead || node->kind == Kind::Tbody))
            inner = Context::TableSection;
        else if (context == Context::TableSection && node->kind == Kind::Tr)
            inner = Context::TableRow;
        else if (context == Context::TableRow && (node->kind == Kind::Td || node->kind == Kind::Th))
            inner = Context::Flow;
        else
            return;
        std::vector<Node *> children;
        placeAll(node->children, inner, false, false, children);
        node->children = std::move(children);
        out.push_back(node);
    }

    bool placeTable(Node *table, std::vector<Node *> &out) {
        std::vector<Node *> rows;
        for (Node *child : table->children) {
            if (child->kind != Kind::Caption) {
                placeInTable(child, Context::Table, rows);
                continue;
            }
            std::vector<Node *> caption;
            placeAll(child->children, Context::Phrasing, false, false, caption);
            if (!isMeaningful(caption)) continue;
            Node *paragraph = m_tree.make(Kind::P);
            paragraph->children = std::move(caption);
            out.push_back(paragraph);
        }
        table->children = std::move(rows);
        out.push_back(table);
        return true;
    }

    // A div (section, article) becomes a paragraph when it holds only inline content; when it
    // holds blocks it disappears, and each stretch of inline content between them becomes a
    // paragraph of its own.
    bool placeDiv(Node *div, Place at, std::vector<Node *> &out) {
        std::vector<Node *> content;
        const bool hasBlock = placeAll(div->children, at.context, at.inLink, at.checklist, content);
        if (!hasBlock) {
            if (!isMeaningful(content)) {
                out.insert(out.end(), content.begin(), content.end());
                return false;
            }
            div->kind = Kind::P;
            div->children = std::move(content);
            out.push_back(div);
            return true;
        }
        std::vector<Node *> run;
        const auto flushRun = [&] {
            if (isMeaningful(run)) {
                Node *paragraph = m_tree.make(Kind::P);
                paragraph->children = std::move(run);
                out.push_back(paragraph);
            } else {
                out.insert(out.end(), run.begin(), run.end());
            }
            run.clear();
        };
        for (Node *node : content) {
            if (isBlock(node->kind)) {
                flushRun();
                out.push_back(node);
            } else {
                run.push_back(node);
            }
        }
        flushRun();
        return true;
    }

    Tree &m_tree;
};

// ------------------------------------------------------------------------------------------
// Serialisation

void appendEscaped(std::string &out, std::string_view text, bool attribute) {
    for (char c : text) {
        switch (c) {
        case '&':
            out += "&amp;";
            break;
        case '<':
            out += "&lt;";
            break;
        case '>':
            out += "&gt;";
            break;
        case '"':
            if (attribute)
                out += "&quot;";
            else
                out += c;
            break;
        default:
            out += c;
        }
    }
}

void write(const Node *node, std::string &out) {
    if (node->kind == Kind::Text) {
        std::string_view text = node->text;
        // U+0338 COMBINING LONG SOLIDUS OVERLAY right after a tag's '>' would be composed with
        // it into U+226F by Unicode normalisation of the whole document, breaking the tag.
        if (text.substr(0, 2) == "\xcc\xb8" && !out.empty() && out.back() == '>') {
            out += "&#824;";
            text.remove_prefix(2);
        }
        appendEscaped(out, text, false);
        return;
    }
    const char *name = tagName(node->kind);
    out += '<';
    out += name;
    for (const Attribute &attribute : node->attributes) {
        out += ' ';
        out += attribute.name;
        out += "=\"";
        appendEscaped(out, attribute.value, true);
        out += '"';
    }
    out += '>';
    if (isVoid(node->kind)) return;
    // The parser drops a line break directly after <pre>, so one that belongs to the text needs
    // another in front of it.
    if (node->kind == Kind::Pre && !node->children.empty() &&
        node->children.front()->kind == Kind::Text && node->children.front()->text.front() == '\n')
        out += '\n';
    for (const Node *child : node->children)
        write(child, out);
    out += "</";
    out += name;
    out += '>';
}

// ------------------------------------------------------------------------------------------
// Reading sanitised HTML

// Visits every element and text node that sanitize() could have kept, in document order,
// without recursion. `enter` returns false to skip an element's content; `leave` is called
// after an element's content.
template <typename Enter, typename Text, typename Leave>
void walk(const GumboNode *root, Enter enter, Text text, Leave leave) {
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

QString sanitize(const QString &html) {
    const GumboFragment parsed(html);
    if (!parsed.root()) return {};
    Tree tree;
    build(parsed.root(), tree);
    Normalizer(tree).run();
    std::string out;
    out.reserve(std::size_t(html.size()) + 16);
    for (const Node *node : tree.root()->children)
        write(node, out);
    return QString::fromUtf8(out.data(), qsizetype(out.size()));
}

QStringList attachmentReferences(const QString &sanitizedHtml) {
    const GumboFragment parsed(sanitizedHtml);
    QStringList ids;
    if (!parsed.root()) return ids;
    QSet<QString> seen;
    walk(
        parsed.root(),
        [&](const GumboElement &element) {
            if (element.tag == GUMBO_TAG_IMG) {
                const char *src = attributeValue(element, "src");
                if (auto id = src ? attachmentId(src) : std::nullopt) {
                    const QString value = QString::fromLatin1(id->data(), qsizetype(id->size()));
                    if (!seen.contains(value)) {
                        seen.insert(value);
                        ids.append(value);
                    }
                }
            }
            return true;
        },
        [](std::string_view) {}, [](const GumboElement &) {});
    return ids;
}

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
