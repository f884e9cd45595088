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
#include "html/HtmlParts.h"

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

} // namespace

QString sanitizeUnlessClean(const QString &html) {
    return isInSafeSubset(html) ? html : sanitize(html);
}

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

} // namespace quire::html
