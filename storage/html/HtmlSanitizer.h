#pragma once
// storage/html/: the HTML an entry may hold — the sanitiser every entry passes (this file) and
// Markdown made into HTML (Markdown.h). Strings in, strings out; gumbo and cmark-gfm stay in
// the .cpp files, and nothing of storage/ but base/ is linked.

// HtmlSanitizer: the single gate every entry's HTML passes (editor, import, sync). It parses
// with a real HTML5 parser (gumbo) and keeps only the subset of FORMAT.md §6; everything
// else (scripts, styles, event handlers, foreign URLs, SVG, forms...) is dropped.

#include <QString>
#include <QStringList>

namespace quire::html {

// Returns the FORMAT.md §6 subset of `html` as a serialised fragment: only allowed elements
// and attributes, text escaped, disallowed elements removed with their content when they are
// script-like (script, style, template, iframe, object, svg, math...) and unwrapped (children
// kept) otherwise. The output is stable: sanitize(sanitize(x)) == sanitize(x).
QString sanitize(const QString &html);
// sanitize() for HTML that is often clean already (a bulk import, an entry saved again): what
// isInSafeSubset() recognises is kept as it is, since sanitize() would write it unchanged
// (tst_html_sanitizer checks that on random markup), and anything else is sanitised. The scan
// costs a tenth of the parse.
QString sanitizeUnlessClean(const QString &html);

// Attachment record ids referenced by img src="quire-attachment:<id>" in sanitised HTML.
QStringList attachmentReferences(const QString &sanitizedHtml);

// True when `html` is made only of what FORMAT.md §6 allows, written as sanitize() writes it:
// allowed tags, properly nested, allowed attributes with allowed values (link schemes,
// attachment sources), escaped text. A fast scan with no parser, for checks over whole
// notebooks; a false answer means only "not recognised", so callers fall back to comparing
// with sanitize().
bool isInSafeSubset(const QString &html);

// The readable text of sanitised HTML (block elements separated by new lines), for search.
QString plainText(const QString &sanitizedHtml);
// The same, always through the HTML parser (plainText takes a faster path for what sanitize()
// wrote; the tests hold the two to the same answer).
QString plainTextByParsing(const QString &sanitizedHtml);

} // namespace quire::html
