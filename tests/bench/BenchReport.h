#pragma once
// The report both benchmark programs print: sections of rows, each row a figure of Quire's
// beside its plain baseline measured in the same run, the ratio, the target and whether it was
// met; as an aligned table for people and as JSON for tools.

#include <QJsonArray>
#include <QJsonObject>
#include <QList>
#include <QLocale>
#include <QString>
#include <QStringList>
#include <QTextStream>

#include <cmath>
#include <optional>

namespace quire::bench {

struct Row {
    QString id;
    QString label;
    QString unit;
    int decimals = 0;
    double quire = NAN;
    double baseline = NAN;
    QString baselineIs; // what the baseline figure is, when it differs from the section's
    QString target;     // e.g. "≥ 2,000"
    std::optional<bool> met;
};

struct Section {
    QString title;
    QString baselineIs;
    QList<Row> rows;
    QStringList notes;
    QString failure;
};

// Widths of the table's columns, and the line under it.
struct TableLayout {
    int label = 50;
    int number = 11;
    int ratio = 9;
    int target = 10;
    QString footer;
};

// A figure with thousands separators, or "—" for none.
inline QString number(double v, int decimals) {
    if (std::isnan(v)) return QStringLiteral("—");
    return QLocale(QLocale::English, QLocale::UnitedStates).toString(v, 'f', decimals);
}

inline QString ratioText(double q, double b) {
    if (std::isnan(q) || std::isnan(b) || b == 0) return QStringLiteral("—");
    const double r = q / b;
    return number(r, r >= 100 ? 0 : (r >= 10 ? 1 : 2)) + QStringLiteral("×");
}

inline void printTable(QTextStream &out, const QStringList &header, const QList<Section> &sections,
                       const TableLayout &w) {
    for (const QString &line : header)
        out << line << '\n';
    out << '\n'
        << QString(w.label, ' ') << QStringLiteral("Quire").rightJustified(w.number)
        << QStringLiteral("Baseline").rightJustified(w.number)
        << QStringLiteral("Q/base").rightJustified(w.ratio) << "  "
        << QStringLiteral("Target").leftJustified(w.target) << "Result\n"
        << QString(w.label + 2 * w.number + w.ratio + w.target + 10, QChar(0x2500)) << '\n';
    for (const Section &s : sections) {
        out << s.title << '\n';
        if (!s.failure.isEmpty()) out << "   FAILED: " << s.failure << '\n';
        for (const Row &r : s.rows) {
            const QString verdict =
                r.met.has_value() ? (*r.met ? QStringLiteral("met") : QStringLiteral("MISSED"))
                                  : QString();
            out << QStringLiteral("   %1 (%2)").arg(r.label, r.unit).leftJustified(w.label)
                << number(r.quire, r.decimals).rightJustified(w.number)
                << number(r.baseline, r.decimals).rightJustified(w.number)
                << ratioText(r.quire, r.baseline).rightJustified(w.ratio) << "  "
                << r.target.leftJustified(w.target) << verdict << '\n';
            if (!r.baselineIs.isEmpty()) out << "      baseline: " << r.baselineIs << '\n';
        }
        if (!s.baselineIs.isEmpty()) out << "   baseline: " << s.baselineIs << '\n';
        for (const QString &n : s.notes)
            out << "   · " << n << '\n';
        out << '\n';
    }
    out << w.footer << '\n';
    out.flush();
}

inline QJsonValue jsonNumber(double v) {
    return std::isnan(v) ? QJsonValue() : QJsonValue(v);
}

// {"<tool>": 1, "machine", "parameters", "results": every row, "sections": rows by section}.
inline QJsonObject reportJson(const QString &tool, const QJsonObject &machine,
                              const QJsonObject &parameters, const QList<Section> &sections) {
    QJsonArray results, sectionArray;
    for (const Section &s : sections) {
        QJsonArray rows;
        for (const Row &r : s.rows) {
            QJsonObject o{{"id", r.id},
                          {"label", r.label},
                          {"unit", r.unit},
                          {"quire", jsonNumber(r.quire)},
                          {"baseline", jsonNumber(r.baseline)},
                          {"baseline_is", r.baselineIs.isEmpty() ? s.baselineIs : r.baselineIs},
                          {"ratio", jsonNumber(std::isnan(r.baseline) || r.baseline == 0
                                                   ? NAN
                                                   : r.quire / r.baseline)},
                          {"target", r.target}};
            if (r.met) o.insert("met", *r.met);
            rows.append(o);
            results.append(o);
        }
        QJsonObject so{
            {"title", s.title}, {"rows", rows}, {"notes", QJsonArray::fromStringList(s.notes)}};
        if (!s.failure.isEmpty()) so.insert("failure", s.failure);
        sectionArray.append(so);
    }
    return {{tool, 1},
            {"machine", machine},
            {"parameters", parameters},
            {"results", results},
            {"sections", sectionArray}};
}

} // namespace quire::bench
