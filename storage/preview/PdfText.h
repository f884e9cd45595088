#pragma once
// PdfText: the words of a PDF, read by Poppler, so that search can find an attached PDF by what
// it says. In memory, from bytes; nothing is written. Bounded, because the file may come from
// anyone: at most a number of pages and characters is read, a cancel flag is checked between
// pages, and a PDF that cannot be read (damaged, protected by a password, not a PDF) is a failure
// that says so. Poppler stays in the .cpp file.

#include "Result.h"

#include <QByteArray>
#include <QString>

#include <atomic>

namespace quire::preview {

struct PdfTextLimits {
    qint64 maxBytes = 64LL * 1024 * 1024; // larger files are not read at all
    int maxPages = 500;
    qsizetype maxChars = 2 * 1000 * 1000; // about 1,000 pages of dense text
};

struct PdfText {
    QString text;           // the pages' text in order, pages separated by a form feed
    int pages = 0;          // pages in the document
    int pagesRead = 0;      // pages whose text is in `text`
    bool truncated = false; // a limit stopped the reading before the last page
};

// Reads the text of every page (up to the limits). A cancelled read fails with "cancelled".
Result<PdfText> pdfText(const QByteArray &pdf, const PdfTextLimits &limits = {},
                        const std::atomic_bool *cancel = nullptr);

} // namespace quire::preview
