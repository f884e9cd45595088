#pragma once
// Readers: the one door to the instrument-file readers. It picks the reader by the file's
// content (the file name's extension only breaks a tie) and returns a Dataset or a message a
// person can act on. Nothing above formats/ knows JCAMP-DX from CSV; a new format is one more
// entry here.

#include "formats/Dataset.h"
#include "Result.h"

#include <QByteArray>
#include <QString>

namespace quire::formats {

enum class FileKind {
    Unknown,
    Jcamp,         // JCAMP-DX 4.24 / 5.01 (.jdx, .dx, .jcamp)
    DelimitedText, // CSV, TSV, semicolon lists, XY text (.csv, .tsv, .txt, .xy, .dat)
};

// Which reader would take the file; reads at most the first 64 KiB.
FileKind sniff(const QByteArray &bytes, const QString &fileName = QString());

// A short name of the kind for people ("JCAMP-DX", "delimited text").
QString kindName(FileKind kind);

Result<Dataset> readDataset(const QByteArray &bytes, const QString &fileName = QString());
// The same, telling `progress` how far it has read (bytes of `bytes`, about every MiB); when
// `progress` returns false the read stops and fails with "cancelled".
Result<Dataset> readDataset(const QByteArray &bytes, const QString &fileName,
                            const ReadProgress &progress);

} // namespace quire::formats
