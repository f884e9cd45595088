#include "formats/Readers.h"

#include "formats/DelimitedText.h"
#include "formats/Jcamp.h"

#include <QCoreApplication>
#include <QFileInfo>

#include <cstring>

namespace quire::formats {

namespace {

bool hasJcampExtension(const QString &fileName) {
    const QString suffix = QFileInfo(fileName).suffix().toLower();
    return suffix == "jdx" || suffix == "dx" || suffix == "jcamp" || suffix == "jcm";
}

bool looksBinary(const QByteArray &bytes) {
    const auto head = bytes.left(4096);
    if (head.startsWith("\xFF\xFE") || head.startsWith("\xFE\xFF")) return false; // UTF-16 text
    return std::memchr(head.constData(), '\0', std::size_t(head.size())) != nullptr;
}

} // namespace

FileKind sniff(const QByteArray &bytes, const QString &fileName) {
    const QByteArray head = bytes.left(64 * 1024);
    if (head.isEmpty() || looksBinary(head)) return FileKind::Unknown;
    // Content decides; the extension only orders the tries. A JCAMP-DX file is never taken
    // for a table: its first record is a "##LABEL=" line, which no table row is.
    if (looksLikeJcamp(head)) return FileKind::Jcamp;
    if (hasJcampExtension(fileName)) {
        // A .jdx with stray text before its first record is still JCAMP-DX.
        if (head.contains("##TITLE") || head.contains("##title")) return FileKind::Jcamp;
    }
    if (looksLikeDelimitedText(head)) return FileKind::DelimitedText;
    return FileKind::Unknown;
}

QString kindName(FileKind kind) {
    switch (kind) {
    case FileKind::Jcamp:
        return QStringLiteral("JCAMP-DX");
    case FileKind::DelimitedText:
        return QStringLiteral("delimited text");
    case FileKind::Unknown:
        break;
    }
    return QStringLiteral("unknown");
}

Result<Dataset> readDataset(const QByteArray &bytes, const QString &fileName) {
    return readDataset(bytes, fileName, {});
}

Result<Dataset> readDataset(const QByteArray &bytes, const QString &fileName,
                            const ReadProgress &progress) {
    const QString name =
        fileName.isEmpty() ? QStringLiteral("the file") : QFileInfo(fileName).fileName();
    if (bytes.isEmpty())
        return fail(
            QCoreApplication::translate("quire::storage", "not a file Quire can read: %1 is empty")
                .arg(name));
    const FileKind kind = sniff(bytes, fileName);
    if (kind == FileKind::Unknown) {
        if (looksBinary(bytes))
            return fail(QCoreApplication::translate(
                            "quire::storage",
                            "not a file Quire can read: %1 is binary, and Quire reads "
                            "instrument data as JCAMP-DX or as text tables (CSV, TSV)")
                            .arg(name));
        if (hasJcampExtension(fileName))
            return fail(QCoreApplication::translate(
                            "quire::storage",
                            "not a file Quire can read: %1 is named like JCAMP-DX but "
                            "does not start with a ##TITLE= record")
                            .arg(name));
        return fail(QCoreApplication::translate(
                        "quire::storage",
                        "not a file Quire can read: %1 is neither JCAMP-DX nor a text "
                        "table with rows of numbers")
                        .arg(name));
    }
    // JCAMP-DX files are spectra of some MB at most: read in one go. Tables may be huge.
    auto result = kind == FileKind::Jcamp ? readJcamp(bytes) : readDelimitedText(bytes, progress);
    if (!result && result.error() == QLatin1String("cancelled")) return result;
    if (result && progress && !progress(bytes.size(), bytes.size()))
        return fail(QStringLiteral("cancelled"));
    if (!result)
        return fail(
            QCoreApplication::translate("quire::storage", "%1 is %2, but it cannot be read: %3")
                .arg(name,
                     kind == FileKind::Jcamp ? QStringLiteral("a JCAMP-DX file")
                                             : QStringLiteral("a text table"),
                     result.error()));
    return result;
}

} // namespace quire::formats
