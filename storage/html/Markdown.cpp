// Markdown: parses with cmark-gfm and renders the syntax tree itself rather than through
// cmark's HTML renderer, because task lists must come out as FORMAT.md §6 checklists
// (<ul class="checklist"><li data-checked="...">), not as disabled checkbox inputs.
// Blocks are written without white space between them, like the sanitiser's output.

#include "html/Markdown.h"

#include <cmark-gfm-core-extensions.h>
#include <cmark-gfm.h>

#include <cstring>
#include <memory>
#include <mutex>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

namespace quire::markdown {
namespace {

struct ParserDeleter {
    void operator()(cmark_parser *parser) const { cmark_parser_free(parser); }
};
struct NodeDeleter {
    void operator()(cmark_node *node) const { cmark_node_free(node); }
};
struct IterDeleter {
    void operator()(cmark_iter *iter) const { cmark_iter_free(iter); }
};
using ParserPtr = std::unique_ptr<cmark_parser, ParserDeleter>;
using NodePtr = std::unique_ptr<cmark_node, NodeDeleter>;
using IterPtr = std::unique_ptr<cmark_iter, IterDeleter>;

// The extension registry is global and not safe to fill from two threads at once.
void registerExtensions() {
    static std::once_flag once;
    std::call_once(once, [] { cmark_gfm_core_extensions_ensure_registered(); });
}

std::string_view typeOf(cmark_node *node) {
    const char *type = cmark_node_get_type_string(node);
    return type ? std::string_view(type) : std::string_view();
}

std::string_view literalOf(cmark_node *node) {
    const char *literal = cmark_node_get_literal(node);
    return literal ? std::string_view(literal) : std::string_view();
}

void appendEscaped(std::string &out, std::string_view text) {
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
            out += "&quot;";
            break;
        default:
            out += c;
        }
    }
}

class Renderer {
public:
    explicit Renderer(cmark_syntax_extension *tasklist)
        : m_tasklist(tasklist) {}

    std::string render(cmark_node *document) {
        markMixedTaskItems(document);
        IterPtr iter(cmark_iter_new(document));
        cmark_event_type event;
        while ((event = cmark_iter_next(iter.get())) != CMARK_EVENT_DONE) {
            cmark_node *node = cmark_iter_get_node(iter.get());
            const bool entering = event == CMARK_EVENT_ENTER;
            if (cmark_node_get_type(node) == CMARK_NODE_IMAGE && entering) {
                writeImage(node);
                // Its children became the alt text; continue after it.
                cmark_iter_reset(iter.get(), node, CMARK_EVENT_EXIT);
                continue;
            }
            renderNode(node, entering);
        }
        return std::move(m_out);
    }

private:
    bool isTaskItem(cmark_node *item) const {
        return m_tasklist && cmark_node_get_type(item) == CMARK_NODE_ITEM &&
               cmark_node_get_syntax_extension(item) == m_tasklist;
    }

    // A list is a checklist when every item is a task; a task in a mixed list keeps its box
    // as text so the state is not lost. Remembered per list: every item asks about its list.
    bool isChecklist(cmark_node *list) {
        const auto known = m_checklists.find(list);
        if (known != m_checklists.end()) return known->second;
        cmark_node *item = cmark_node_first_child(list);
        bool checklist = item != nullptr;
        for (; item && checklist; item = cmark_node_next(item))
            checklist = isTaskItem(item);
        m_checklists.emplace(list, checklist);
        return checklist;
    }

    void markMixedTaskItems(cmark_node *document) {
        std::vector<cmark_node *> mixed;
        {
            IterPtr iter(cmark_iter_new(document));
            cmark_event_type event;
            while ((event = cmark_iter_next(iter.get())) != CMARK_EVENT_DONE) {
                cmark_node *node = cmark_iter_get_node(iter.get());
                if (event == CMARK_EVENT_ENTER && isTaskItem(node) &&
                    !isChecklist(cmark_node_parent(node)))
                    mixed.push_back(node);
            }
        }
        // The tree is changed only after iterating, as cmark requires.
        for (cmark_node *item : mixed) {
            cmark_node *paragraph = cmark_node_first_child(item);
            if (!paragraph || cmark_node_get_type(paragraph) != CMARK_NODE_PARAGRAPH) continue;
            cmark_node *box = cmark_node_new(CMARK_NODE_TEXT);
            const bool checked = cmark_gfm_extensions_get_tasklist_item_checked(item);
            cmark_node_set_literal(box, checked ? "[x] " : "[ ] ");
            if (!cmark_node_prepend_child(paragraph, box)) cmark_node_free(box);
        }
    }

    // Paragraphs directly in an item of a tight list are written without <p>.
    static bool isTightParagraph(cmark_node *paragraph) {
        cmark_node *item = cmark_node_parent(paragraph);
        if (!item || cmark_node_get_type(item) != CMARK_NODE_ITEM) return false;
        cmark_node *list = cmark_node_parent(item);
        return list && cmark_node_get_type(list) == CMARK_NODE_LIST &&
               cmark_node_get_list_tight(list);
    }

    void tag(bool entering, const char *name) {
        m_out += entering ? "<" : "</";
        m_out += name;
        m_out += '>';
    }

    void renderNode(cmark_node *node, bool entering) {
        switch (cmark_node_get_type(node)) {
        case CMARK_NODE_DOCUMENT:
            return;
        case CMARK_NODE_BLOCK_QUOTE:
            tag(entering, "blockquote");
            return;
        case CMARK_NODE_LIST:
            if (isChecklist(node))
                m_out += entering ? "<ul class=\"checklist\">" : "</ul>";
            else
                tag(entering, cmark_node_get_list_type(node) == CMARK_ORDERED_LIST ? "ol" : "ul");
            return;
        case CMARK_NODE_ITEM:
            if (entering && isChecklist(cmark_node_parent(node)))
                m_out += cmark_gfm_extensions_get_tasklist_item_checked(node)
                             ? "<li data-checked=\"true\">"
                             : "<li data-checked=\"false\">";
            else
                tag(entering, "li");
            return;
        case CMARK_NODE_CODE_BLOCK:
            m_out += "<pre><code>";
            appendEscaped(m_out, literalOf(node));
            m_out += "</code></pre>";
            return;
        case CMARK_NODE_HTML_BLOCK:
        case CMARK_NODE_HTML_INLINE:
            // Passed through as written: the caller sanitises the result.
            m_out += literalOf(node);
            return;
        case CMARK_NODE_CUSTOM_BLOCK:
        case CMARK_NODE_CUSTOM_INLINE: {
            const char *literal =
                entering ? cmark_node_get_on_enter(node) : cmark_node_get_on_exit(node);
            if (literal) m_out += literal;
            return;
        }
        case CMARK_NODE_PARAGRAPH:
            if (!isTightParagraph(node)) tag(entering, "p");
            return;
        case CMARK_NODE_HEADING: {
            const char name[] = {'h', char('0' + cmark_node_get_heading_level(node)), '\0'};
            tag(entering, name);
            return;
        }
        case CMARK_NODE_THEMATIC_BREAK:
            m_out += "<hr>";
            return;
        case CMARK_NODE_TEXT:
            appendEscaped(m_out, literalOf(node));
            return;
        case CMARK_NODE_SOFTBREAK:
            m_out += '\n';
            return;
        case CMARK_NODE_LINEBREAK:
            m_out += "<br>";
            return;
        case CMARK_NODE_CODE:
            m_out += "<code>";
            appendEscaped(m_out, literalOf(node));
            m_out += "</code>";
            return;
        case CMARK_NODE_EMPH:
            tag(entering, "em");
            return;
        case CMARK_NODE_STRONG:
            tag(entering, "strong");
            return;
        case CMARK_NODE_LINK:
            if (entering) {
                m_out += "<a href=\"";
                const char *url = cmark_node_get_url(node);
                appendEscaped(m_out, url ? url : "");
                m_out += "\">";
            } else {
                m_out += "</a>";
            }
            return;
        default:
            break;
        }
        renderExtensionNode(node, entering);
    }

    // Nodes of the table and strikethrough extensions have types assigned at run time, so
    // they are told apart by name.
    void renderExtensionNode(cmark_node *node, bool entering) {
        const std::string_view type = typeOf(node);
        if (type == "strikethrough") {
            tag(entering, "del");
        } else if (type == "table") {
            if (entering) {
                m_out += "<table>";
            } else {
                cmark_node *last = cmark_node_last_child(node);
                if (last && !cmark_gfm_extensions_get_table_row_is_header(last))
                    m_out += "</tbody>";
                m_out += "</table>";
            }
        } else if (type == "table_header" || type == "table_row") {
            const bool header = cmark_gfm_extensions_get_table_row_is_header(node);
            if (entering) {
                cmark_node *previous = cmark_node_previous(node);
                if (header)
                    m_out += "<thead>";
                else if (!previous || cmark_gfm_extensions_get_table_row_is_header(previous))
                    m_out += "<tbody>";
                m_out += "<tr>";
            } else {
                m_out += header ? "</tr></thead>" : "</tr>";
            }
        } else if (type == "table_cell") {
            cmark_node *row = cmark_node_parent(node);
            tag(entering, row && cmark_gfm_extensions_get_table_row_is_header(row) ? "th" : "td");
        }
        // Anything else (footnotes are not enabled) contributes only its children.
    }

    void writeImage(cmark_node *image) {
        m_out += "<img src=\"";
        const char *url = cmark_node_get_url(image);
        appendEscaped(m_out, url ? url : "");
        m_out += "\" alt=\"";
        std::string alt;
        IterPtr iter(cmark_iter_new(image));
        cmark_event_type event;
        while ((event = cmark_iter_next(iter.get())) != CMARK_EVENT_DONE) {
            cmark_node *node = cmark_iter_get_node(iter.get());
            if (event != CMARK_EVENT_ENTER) continue;
            const cmark_node_type type = cmark_node_get_type(node);
            if (type == CMARK_NODE_TEXT || type == CMARK_NODE_CODE)
                alt += literalOf(node);
            else if (type == CMARK_NODE_SOFTBREAK || type == CMARK_NODE_LINEBREAK)
                alt += ' ';
        }
        appendEscaped(m_out, alt);
        m_out += "\">";
    }

    cmark_syntax_extension *m_tasklist;
    std::unordered_map<cmark_node *, bool> m_checklists;
    std::string m_out;
};

} // namespace

QString toHtml(const QByteArray &markdownUtf8) {
    if (markdownUtf8.isEmpty()) return {};
    registerExtensions();
    ParserPtr parser(cmark_parser_new(CMARK_OPT_VALIDATE_UTF8 | CMARK_OPT_UNSAFE));
    if (!parser) return {};
    for (const char *name : {"table", "strikethrough", "autolink", "tasklist"})
        if (cmark_syntax_extension *extension = cmark_find_syntax_extension(name))
            cmark_parser_attach_syntax_extension(parser.get(), extension);
    cmark_parser_feed(parser.get(), markdownUtf8.constData(), std::size_t(markdownUtf8.size()));
    NodePtr document(cmark_parser_finish(parser.get()));
    if (!document) return {};
    const std::string html =
        Renderer(cmark_find_syntax_extension("tasklist")).render(document.get());
    return QString::fromUtf8(html.data(), qsizetype(html.size()));
}

} // namespace quire::markdown
