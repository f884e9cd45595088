#pragma once
// Crafting .eln (ZIP) archives for tests with python3's zipfile, which writes whatever it is told:
// names with "../" or a leading "/", symbolic links and devices (by their mode bits), the same
// name twice, highly compressible content. Nothing of Quire's is used to make them.

#include <QByteArray>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QString>

namespace quire::test {

struct CraftEntry {
    QString name;
    QByteArray data;        // the content, or
    qint64 zeros = 0;       // this many zero bytes (a bomb), or
    qint64 randomBytes = 0; // this many bytes that do not compress
    int unixMode = 0100644; // 0120777 for a symbolic link
    bool deflate = true;
};

// Writes the archive; returns an empty string or what went wrong.
inline QString craftZip(const QString &path, const QList<CraftEntry> &entries) {
    QJsonArray list;
    for (const auto &e : entries)
        list.append(QJsonObject{{"name", e.name},
                                {"data", QString::fromLatin1(e.data.toBase64())},
                                {"zeros", e.zeros},
                                {"random", e.randomBytes},
                                {"mode", e.unixMode},
                                {"deflate", e.deflate}});
    static const char *script = R"PY(
import base64, json, os, sys, warnings, zipfile
warnings.simplefilter("ignore")
spec = json.load(sys.stdin)
with zipfile.ZipFile(sys.argv[1], "w") as z:
    for e in spec:
        info = zipfile.ZipInfo(e["name"], date_time=(2024, 1, 2, 3, 4, 5))
        info.compress_type = zipfile.ZIP_DEFLATED if e["deflate"] else zipfile.ZIP_STORED
        info.external_attr = (e["mode"] & 0xFFFF) << 16
        info.create_system = 3
        if e["zeros"]:
            with z.open(info, "w", force_zip64=True) as out:
                block = bytes(1 << 20)
                left = e["zeros"]
                while left > 0:
                    out.write(block[:min(left, len(block))]); left -= len(block)
        elif e["random"]:
            with z.open(info, "w", force_zip64=True) as out:
                left = e["random"]
                while left > 0:
                    n = min(left, 1 << 20); out.write(os.urandom(n)); left -= n
        else:
            z.writestr(info, base64.b64decode(e["data"]))
)PY";
    QProcess p;
    p.start(QStringLiteral("python3"), {QStringLiteral("-c"), QString::fromLatin1(script), path});
    if (!p.waitForStarted()) return QStringLiteral("python3 did not start");
    p.write(QJsonDocument(list).toJson(QJsonDocument::Compact));
    p.closeWriteChannel();
    if (!p.waitForFinished(600000) || p.exitCode() != 0)
        return QString::fromUtf8(p.readAllStandardError());
    return {};
}

// A small valid crate: one dataset with one file, named "<root>/…".
inline QByteArray smallCrateMetadata(const QString &fileId, const QString &sha256 = {}) {
    QJsonObject file{{"@id", fileId}, {"@type", "File"}, {"name", "data.csv"}};
    if (!sha256.isEmpty()) file.insert("sha256", sha256);
    const QJsonArray graph{
        QJsonObject{{"@id", "ro-crate-metadata.json"},
                    {"@type", "CreativeWork"},
                    {"about", QJsonObject{{"@id", "./"}}},
                    {"conformsTo", QJsonObject{{"@id", "https://w3id.org/ro/crate/1.1"}}}},
        QJsonObject{{"@id", "./"},
                    {"@type", "Dataset"},
                    {"name", "Crafted crate"},
                    {"hasPart", QJsonArray{QJsonObject{{"@id", "./exp/"}}}}},
        QJsonObject{{"@id", "./exp/"},
                    {"@type", "Dataset"},
                    {"name", "Crafted experiment"},
                    {"text", "Some *Markdown* text"},
                    {"hasPart", QJsonArray{QJsonObject{{"@id", fileId}}}}},
        file};
    return QJsonDocument(QJsonObject{{"@context", "https://w3id.org/ro/crate/1.1/context"},
                                     {"@graph", graph}})
        .toJson();
}

} // namespace quire::test
