#pragma once
// Markdown: turns CommonMark with GitHub extensions (tables, strikethrough, task lists) into
// HTML. The result is not trusted: callers pass it through html::sanitize.

#include <QByteArray>
#include <QString>

namespace quire::markdown {

QString toHtml(const QByteArray &markdownUtf8);

} // namespace quire::markdown
