// quire-bench: how fast Quire saves, searches, unlocks, attaches and syncs (issue 2), and how fast
// it signs, verifies a whole notebook and gets records attested by a time-stamp authority (issue
// 4). Every figure is printed beside a plain baseline measured in the same run on the same
// machine, so a reader can
// tell Quire's own cost from what the disk and the CPU allow. It prints figures; it is not a
// test, and a missed target is reported in the table, not by the exit code (which is non-zero
// only when something could not be measured at all).

#include "BenchReport.h"
#include "Notebook.h"
#include "TestTsa.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QCryptographicHash>
#include <QDataStream>
#include <QDateTime>
#include <QDir>
#include <QDirIterator>
#include <QElapsedTimer>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLocale>
#include <QRegularExpression>
#include <QSet>
#include <QSysInfo>
#include <QTemporaryDir>
#include <QTextStream>

#include <algorithm>
#include <array>
#include <cerrno>
#include <cmath>
#include <cstdint>
#include <cstdio>
#include <cstring>
#include <ctime>
#include <optional>
#include <string>
#include <vector>

#include <fcntl.h>
#include <openssl/evp.h>
#include <sched.h>
#include <spawn.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <unistd.h>

extern char **environ;

namespace {

using quire::Notebook;

const QByteArray kPassphrase = QByteArrayLiteral("bench passphrase, not a secret");
constexpr quint32 kCorpusMagic = 0x51424331; // "QBC1", shared with quire-bench-sqlite
constexpr int kSearchLimit = 50;             // what the GUI and quire-cli ask for

QTextStream &err() {
    static QTextStream s(stderr);
    return s;
}

// ---- text generator ----------------------------------------------------------------------

// xoshiro256** seeded through splitmix64: the same text from the same seed on every machine
// (std:: distributions are allowed to differ between standard libraries).
class Rng {
public:
    explicit Rng(std::uint64_t seed) {
        for (auto &s : m_s) {
            seed += 0x9e3779b97f4a7c15ULL;
            std::uint64_t z = seed;
            z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ULL;
            z = (z ^ (z >> 27)) * 0x94d049bb133111ebULL;
            s = z ^ (z >> 31);
        }
    }
    std::uint64_t next() {
        const std::uint64_t result = rotl(m_s[1] * 5, 7) * 9;
        const std::uint64_t t = m_s[1] << 17;
        m_s[2] ^= m_s[0];
        m_s[3] ^= m_s[1];
        m_s[1] ^= m_s[2];
        m_s[0] ^= m_s[3];
        m_s[2] ^= t;
        m_s[3] = rotl(m_s[3], 45);
        return result;
    }
    qsizetype below(qsizetype n) { return qsizetype(next() % std::uint64_t(n)); }
    int range(int lo, int hi) { return lo + int(below(hi - lo + 1)); }
    double unit() { return double(next() >> 11) * 0x1.0p-53; }
    bool chance(double p) { return unit() < p; }
    const QString &pick(const QStringList &list) { return list[below(list.size())]; }
    // Skewed towards index 0, so a few names are common and most are rare (Zipf-like).
    qsizetype skewed(qsizetype n) {
        return std::min(n - 1, qsizetype(double(n) * std::pow(unit(), 2.5)));
    }

private:
    static std::uint64_t rotl(std::uint64_t x, int k) { return (x << k) | (x >> (64 - k)); }
    std::array<std::uint64_t, 4> m_s{};
};

QStringList utf8List(std::initializer_list<const char *> items) {
    QStringList out;
    for (const char *item : items)
        out << QString::fromUtf8(item);
    return out;
}

struct LabExperiment {
    QString title;
    QString project;
    QStringList tags;
};

struct LabEntry {
    int experiment = 0;
    QString title;
    QString html; // what a person saves (the FORMAT.md §6 subset)
    QString text; // the same words without markup, for the plain-SQLite baseline
};

// Realistic, varied lab text: reagents, quantities with units, temperatures, pH, times, sample
// ids, sentences in many templates, and a long tail of invented compound and gene names, so the
// full-text index sees a vocabulary shaped like a real notebook's.
class LabTextGenerator {
public:
    explicit LabTextGenerator(std::uint64_t seed)
        : m_rng(seed) {
        const QStringList syllables = utf8List(
            {"ba",  "ce",  "di",  "fo",  "gu",  "ka",  "le",  "mi",  "no",  "pu",  "ra",  "si",
             "to",  "vu",  "xe",  "zo",  "tri", "dra", "phe", "thi", "cyl", "mor", "pan", "quin",
             "sul", "tet", "ven", "lox", "nit", "rez", "hal", "bro", "fla", "glu", "ox",  "am"});
        const QStringList suffixes = utf8List({"ine", "ase", "ol", "ide", "ate", "one", "in", "an",
                                               "ex", "amycin", "azole", "ocin", "idine", "oside"});
        QSet<QString> seen;
        while (m_compounds.size() < 2500) {
            QString w;
            for (int i = 0, n = m_rng.range(2, 3); i < n; ++i)
                w += m_rng.pick(syllables);
            w += m_rng.pick(suffixes);
            if (!seen.contains(w)) {
                seen.insert(w);
                m_compounds << w;
            }
        }
        const QString letters = QStringLiteral("ABCDEFGHKLMNPRSTWZ");
        while (m_genes.size() < 800) {
            QString g;
            for (int i = 0, n = m_rng.range(3, 4); i < n; ++i)
                g += letters[m_rng.below(letters.size())];
            g += QString::number(m_rng.range(1, 19));
            if (!seen.contains(g)) {
                seen.insert(g);
                m_genes << g;
            }
        }
    }

    LabExperiment experiment(int index) {
        static const QStringList topics = utf8List(
            {"Lysozyme crystallisation", "{gene} expression in {cells}", "{compound} stability",
             "Kinase assay optimisation", "Biofilm formation on glass", "{gene} knockdown",
             "Membrane protein purification", "Antibiotic susceptibility of {cells}",
             "Promoter library screen", "Metabolite extraction", "Organoid culture",
             "{enzyme} kinetics"});
        static const QStringList projects = utf8List(
            {"Enzyme kinetics", "Structural biology", "Cell signalling", "Antibiotic resistance",
             "Protein engineering", "Metabolomics", "Neurodevelopment", "Biofilms"});
        static const QStringList tags =
            utf8List({"pilot", "repeat", "GMP", "training", "validation", "screen", "optimisation",
                      "external", "urgent", "collaboration"});
        LabExperiment x;
        x.title = fill(m_rng.pick(topics), false).text + QStringLiteral(" %1").arg(index + 1);
        x.project = m_rng.pick(projects);
        for (int i = 0, n = m_rng.range(1, 3); i < n; ++i) {
            const QString tag = m_rng.pick(tags);
            if (!x.tags.contains(tag)) x.tags << tag;
        }
        return x;
    }

    LabEntry entry(int experimentCount) {
        static const QStringList titles = utf8List(
            {"Expression of {gene} in {cells}", "{reagent} titration, run {n}",
             "Purification of {gene}-{tag}, day {n}",
             "Crystallisation screen {cond} with {reagent}",
             "qPCR of {gene} after {compound} treatment", "Growth curve of {cells} at {temp}",
             "Buffer preparation: {buffer}", "Transfection of {cells} with {plasmid}",
             "Western blot for {gene}", "{instrument} calibration and check",
             "Stability of {compound} at pH {ph}", "Microscopy of {cells} stained with {stain}",
             "{enzyme} activity assay, plate {plate}", "Sample intake {sample}"});
        static const QStringList headings =
            utf8List({"Aim", "Materials", "Method", "Observations", "Results", "Next steps",
                      "Notes", "Deviations", "Calculations"});
        LabEntry e;
        e.experiment = int(m_rng.below(experimentCount));
        e.title = fill(m_rng.pick(titles), false).text;
        QStringList html, text;
        const int target = m_rng.range(700, 1350);
        qsizetype size = 0;
        bool tableDone = false;
        auto add = [&](const QString &h, const QString &t) {
            html << h;
            text << t;
            size += h.size();
        };
        if (m_rng.chance(0.5)) {
            const QString h = m_rng.pick(headings);
            add(QStringLiteral("<h3>%1</h3>").arg(h), h);
        }
        while (size < target) {
            const double kind = m_rng.unit();
            if (kind < 0.68 || (size == 0 && kind < 0.9)) {
                QString ph, pt;
                for (int i = 0, n = m_rng.range(2, 4); i < n; ++i) {
                    const Filled s = fill(m_rng.pick(sentenceTemplates()), true);
                    ph += (i ? QStringLiteral(" ") : QString()) + s.html;
                    pt += (i ? QStringLiteral(" ") : QString()) + s.text;
                }
                add(QStringLiteral("<p>%1</p>").arg(ph), pt);
            } else if (kind < 0.84) {
                static const QStringList items =
                    utf8List({"{reagent}, {conc}", "{mass} {reagent} ({supplier}, lot {lot})",
                              "{vol} {buffer}", "{step}", "{step}", "{cells}, passage {n}",
                              "{plasmid} ({conc_dna})"});
                QString lh = QStringLiteral("<ul>"), lt;
                for (int i = 0, n = m_rng.range(3, 5); i < n; ++i) {
                    const Filled it = fill(m_rng.pick(items), true);
                    lh += QStringLiteral("<li>%1</li>").arg(it.html);
                    lt += (i ? QStringLiteral("\n") : QString()) + it.text;
                }
                add(lh + QStringLiteral("</ul>"), lt);
            } else if (kind < 0.93 && !tableDone) {
                tableDone = true;
                QString th =
                    QStringLiteral("<table><thead><tr><th>Sample</th><th>OD600</th>"
                                   "<th>Temperature</th><th>Note</th></tr></thead><tbody>");
                QString tt = QStringLiteral("Sample OD600 Temperature Note");
                for (int i = 0, n = m_rng.range(2, 4); i < n; ++i) {
                    const QStringList cells{slot("sample"), slot("od"), slot("temp"), slot("adj")};
                    th += QStringLiteral("<tr>");
                    for (const auto &c : cells)
                        th += QStringLiteral("<td>%1</td>").arg(c.toHtmlEscaped());
                    th += QStringLiteral("</tr>");
                    tt += QStringLiteral("\n") + cells.join(' ');
                }
                add(th + QStringLiteral("</tbody></table>"), tt);
            } else {
                const QString h = m_rng.pick(headings);
                add(QStringLiteral("<h3>%1</h3>").arg(h), h);
            }
        }
        e.html = html.join(QString());
        e.text = text.join('\n');
        return e;
    }

    // Queries from the generator's own vocabulary, in three equal groups: single words, two
    // words, and prefixes of longer words (the way people type "lysoz" and expect lysozyme).
    QStringList queries(int count, std::uint64_t seed) {
        Rng rng(seed);
        static const QRegularExpression nonWord(QStringLiteral("[^\\p{L}\\p{N}]+"));
        QStringList common, rare;
        QSet<QString> seen;
        auto collect = [&](const QStringList &list, QStringList &into) {
            for (const auto &item : list)
                for (const auto &w : item.split(nonWord, Qt::SkipEmptyParts)) {
                    bool digits = false;
                    w.toInt(&digits);
                    if (w.size() >= 3 && !digits && !seen.contains(w.toLower())) {
                        seen.insert(w.toLower());
                        into << w;
                    }
                }
        };
        collect(reagents(), common);
        collect(instruments(), common);
        collect(cellsList(), common);
        collect(realGenes(), common);
        collect(adjectives(), common);
        collect(observations(), common);
        collect(stains(), common);
        collect(enzymes(), common);
        collect(people(), common);
        collect(m_compounds.mid(0, 400), rare);
        collect(m_genes.mid(0, 200), rare);
        auto word = [&] { return rng.chance(0.7) ? rng.pick(common) : rng.pick(rare); };
        QStringList out{QStringLiteral("lysoz")};
        while (out.size() < count) {
            switch (out.size() % 3) {
            case 0:
                out << word();
                break;
            case 1: {
                const QString a = word(), b = word();
                if (a.compare(b, Qt::CaseInsensitive) != 0) out << a + ' ' + b;
                break;
            }
            default: {
                const QString w = word();
                if (w.size() >= 6) out << w.left(rng.range(4, int(w.size()) - 1)).toLower();
            }
            }
        }
        return out;
    }

private:
    struct Filled {
        QString html;
        QString text;
    };

    // Replaces every {slot} in pattern, recursively; html gets escaping and a little markup.
    Filled fill(const QString &pattern, bool markup) {
        Filled out;
        qsizetype i = 0;
        while (i < pattern.size()) {
            const qsizetype open = pattern.indexOf('{', i);
            if (open < 0) {
                out.text += pattern.mid(i);
                out.html += pattern.mid(i).toHtmlEscaped();
                break;
            }
            out.text += pattern.mid(i, open - i);
            out.html += pattern.mid(i, open - i).toHtmlEscaped();
            const qsizetype close = pattern.indexOf('}', open);
            const QString name = pattern.mid(open + 1, close - open - 1);
            const QString value = slot(name);
            if (value.contains('{')) {
                const Filled inner = fill(value, markup);
                out.text += inner.text;
                out.html += inner.html;
            } else {
                out.text += value;
                const bool emphasise =
                    markup && (name == "reagent" || name == "compound") && m_rng.chance(0.15);
                out.html += emphasise
                                ? QStringLiteral("<strong>%1</strong>").arg(value.toHtmlEscaped())
                                : value.toHtmlEscaped();
            }
            i = close + 1;
        }
        return out;
    }

    static QString decimal(double v, int decimals) { return QString::number(v, 'f', decimals); }

    QString slot(const QString &name) {
        Rng &r = m_rng;
        if (name == "reagent") return r.chance(0.8) ? r.pick(reagents()) : synthetic(m_compounds);
        if (name == "compound") return synthetic(m_compounds);
        if (name == "buffer") return r.pick(buffers());
        if (name == "instrument") return r.pick(instruments());
        if (name == "cells") return r.pick(cellsList());
        if (name == "gene") return r.chance(0.55) ? r.pick(realGenes()) : synthetic(m_genes);
        if (name == "enzyme") return r.pick(enzymes());
        if (name == "tag")
            return r.pick(
                utf8List({"His6", "GST", "MBP", "SUMO", "Strep-II", "FLAG", "HA", "Avi"}));
        if (name == "stain") return r.pick(stains());
        if (name == "person") return r.pick(people());
        if (name == "adj") return r.pick(adjectives());
        if (name == "obs") return r.pick(observations());
        if (name == "idea") return r.pick(ideas());
        if (name == "step") return r.pick(steps());
        if (name == "supplier")
            return r.pick(utf8List({"Sigma-Aldrich", "Thermo Fisher", "Merck", "NEB", "Promega",
                                    "Qiagen", "Bio-Rad", "Roche", "VWR", "Carl Roth", "Takara"}));
        if (name == "detergent")
            return r.pick(utf8List({"Tween-20", "Triton X-100", "NP-40", "CHAPS", "DDM", "SDS"}));
        if (name == "acidbase")
            return r.pick(utf8List(
                {"1 M NaOH", "5 M HCl", "glacial acetic acid", "10 M KOH", "1 M Tris base"}));
        if (name == "vol") {
            static const QStringList units = utf8List({"µL", "µL", "mL", "mL", "L", "nL"});
            const QString u = r.pick(units);
            const double v =
                u == "L" ? r.range(1, 5) * 0.5 : r.range(1, 2000) / (r.chance(0.5) ? 10.0 : 1.0);
            return decimal(v, v == std::floor(v) ? 0 : 1) + ' ' + u;
        }
        if (name == "mass") {
            static const QStringList units = utf8List({"mg", "mg", "µg", "g", "ng"});
            return decimal(r.range(1, 5000) / 10.0, r.chance(0.5) ? 1 : 0) + ' ' + r.pick(units);
        }
        if (name == "conc") {
            static const QStringList units =
                utf8List({"mM", "mM", "µM", "M", "nM", "% (w/v)", "% (v/v)", "mg/mL", "µg/mL"});
            return decimal(r.range(1, 1000) / (r.chance(0.4) ? 10.0 : 1.0), r.chance(0.4) ? 1 : 0) +
                   ' ' + r.pick(units);
        }
        if (name == "conc_dna") return QStringLiteral("%1 ng/µL").arg(r.range(20, 900));
        if (name == "temp") {
            static const QStringList temps =
                utf8List({"37 °C", "37 °C", "4 °C", "-20 °C", "-80 °C", "95 °C", "30 °C", "25 °C",
                          "16 °C", "18 °C", "42 °C", "65 °C", "72 °C", "room temperature"});
            return r.chance(0.15) ? decimal(r.range(150, 700) / 10.0, 1) + QStringLiteral(" °C")
                                  : r.pick(temps);
        }
        if (name == "ph") return decimal(r.range(40, 95) / 10.0, 1);
        if (name == "time") {
            switch (r.below(6)) {
            case 0:
                return QStringLiteral("%1 s").arg(r.range(5, 90));
            case 1:
            case 2:
                return QStringLiteral("%1 min").arg(r.range(1, 120));
            case 3:
                return QStringLiteral("%1 h").arg(r.range(1, 48));
            case 4:
                return QStringLiteral("overnight");
            default:
                return QStringLiteral("%1 min %2 s").arg(r.range(1, 20)).arg(r.range(0, 59));
            }
        }
        if (name == "rpm") return QString::number(r.range(1, 30) * 50);
        if (name == "g") return QString::number(r.range(5, 200) * 100);
        if (name == "od") return decimal(r.range(5, 250) / 100.0, 2);
        if (name == "abs") return decimal(r.range(1, 3500) / 1000.0, 3);
        if (name == "wl")
            return r.pick(
                utf8List({"260", "280", "340", "405", "450", "488", "562", "595", "600", "620"}));
        if (name == "sample")
            return QStringLiteral("S%1-%2")
                .arg(r.range(21, 26))
                .arg(r.range(1, 9999), 4, 10, QChar('0'));
        if (name == "lot") {
            QString lot;
            for (int i = 0; i < 2; ++i)
                lot += QChar('A' + int(r.below(26)));
            return lot + QString::number(r.range(10000, 99999));
        }
        if (name == "plasmid")
            return QStringLiteral("p%1-%2")
                .arg(synthetic(m_compounds).left(4).toUpper())
                .arg(r.range(1, 400));
        if (name == "primer")
            return QStringLiteral("o%1%2")
                .arg(r.pick(utf8List({"JS", "AK", "MB", "LT", "RN", "PW"})))
                .arg(r.range(100, 999));
        if (name == "kda") return QString::number(r.range(8, 250));
        if (name == "pct") return QString::number(r.range(1, 99));
        if (name == "n") return QString::number(r.range(1, 12));
        if (name == "m") return QString::number(r.range(12, 48));
        if (name == "date") return QDate(2026, 1, 1).addDays(r.range(0, 364)).toString(Qt::ISODate);
        if (name == "plate") return QStringLiteral("P%1").arg(r.range(1, 60));
        if (name == "row") return QString(QChar('A' + int(r.below(8))));
        if (name == "box") return QString::number(r.range(1, 40));
        if (name == "pos")
            return QString(QChar('A' + int(r.below(9)))) + QString::number(r.range(1, 9));
        if (name == "ct") return decimal(r.range(150, 380) / 10.0, 1);
        if (name == "sd") return decimal(r.range(1, 90) / 100.0, 2);
        if (name == "cond")
            return QString(QChar('A' + int(r.below(8)))) + QString::number(r.range(1, 12));
        if (name == "salt")
            return r.pick(
                utf8List({"0.2 M ammonium sulfate", "0.1 M sodium acetate", "1.6 M sodium citrate",
                          "0.2 M lithium sulfate", "0.05 M magnesium chloride"}));
        if (name == "peg")
            return QStringLiteral("%1% PEG %2")
                .arg(r.range(8, 30))
                .arg(r.pick(utf8List({"3350", "4000", "6000", "8000", "400"})));
        if (name == "dev") return decimal(r.range(1, 40) / 10.0, 1);
        return name; // an unknown slot shows up in the text, which makes the typo visible
    }

    QString synthetic(const QStringList &pool) { return pool[m_rng.skewed(pool.size())]; }

    static const QStringList &sentenceTemplates() {
        static const QStringList t = utf8List({
            "Dissolved {mass} of {reagent} in {vol} of {buffer} (pH {ph}) and filtered through a "
            "0.22 µm membrane.",
            "Incubated {sample} at {temp} for {time} with shaking at {rpm} rpm.",
            "Centrifuged at {g} × g for {time} at {temp}; the supernatant was {adj} and the pellet "
            "was kept on ice.",
            "Added {vol} of {reagent} ({conc}) to each well of plate {plate}, rows {row} to {row}.",
            "OD600 reached {od} after {time}; induced with {conc} IPTG and moved to {temp}.",
            "Measured absorbance at {wl} nm on the {instrument}: {abs} (blank {abs}).",
            "Sample {sample} ran as a single band near {kda} kDa on a {pct}% SDS-PAGE gel.",
            "Yield: {mass} from {vol} of culture, about {pct}% of the expected amount.",
            "Note: {reagent} lot {lot} looked {adj}; replaced it with fresh stock from {supplier}.",
            "Transfected {cells} with {plasmid} using {reagent} at a ratio of {n}:{n}.",
            "Observed {obs} in {n} of {m} replicates; will repeat with {reagent} at {conc}.",
            "Adjusted the pH to {ph} with {acidbase} at {temp}.",
            "Ran qPCR with primers {primer} and {primer} for {gene}; Ct {ct} ± {sd}.",
            "Stored aliquots of {vol} at {temp} in box {box}, position {pos}.",
            "The {instrument} was calibrated by {person} on {date}; deviation {dev}%.",
            "Washed {n} times with {vol} of {buffer} containing {pct}% {detergent}.",
            "Eluted {gene}-{tag} with a linear gradient of imidazole over {n} column volumes.",
            "Crystals appeared after {n} days in condition {cond} ({salt}, {peg}, pH {ph}).",
            "Cells were fixed in 4% paraformaldehyde for {time} and stained with {stain}.",
            "Discussed the results with {person}: {idea}.",
            "Treated {cells} with {compound} at {conc} for {time}; viability dropped to {pct}%.",
            "{enzyme} digest of {plasmid} at {temp} for {time} gave the expected fragments.",
            "Mixed {vol} {reagent} with {vol} {reagent}, vortexed for {time} and spun down "
            "briefly.",
            "The {instrument} showed an error during the run, so samples {sample} to {sample} were "
            "measured again.",
            "Sonicated on ice, {n} cycles of {time} on and {time} off, at {pct}% amplitude.",
            "Loaded {vol} of lysate onto the column; flow-through was {adj}.",
            "{gene} signal was {adj} compared with the {stain} control.",
            "Prepared a dilution series of {compound} from {conc} down to {conc} in {buffer}.",
            "Plated {n} × 10⁵ {cells} per well and left them to attach {time} at {temp}.",
            "Reaction mix: {vol} {buffer}, {vol} dNTPs, {vol} template, {vol} polymerase.",
        });
        return t;
    }
    static const QStringList &reagents() {
        static const QStringList l = utf8List({"lysozyme",
                                               "trypsin",
                                               "BSA",
                                               "Tris-HCl",
                                               "HEPES",
                                               "PBS",
                                               "DMSO",
                                               "ethanol",
                                               "methanol",
                                               "acetonitrile",
                                               "glycerol",
                                               "imidazole",
                                               "EDTA",
                                               "DTT",
                                               "β-mercaptoethanol",
                                               "SDS",
                                               "Triton X-100",
                                               "Tween-20",
                                               "NaCl",
                                               "KCl",
                                               "MgCl2",
                                               "CaCl2",
                                               "ammonium sulfate",
                                               "sodium acetate",
                                               "PEG 3350",
                                               "agarose",
                                               "acrylamide",
                                               "ampicillin",
                                               "kanamycin",
                                               "chloramphenicol",
                                               "IPTG",
                                               "X-gal",
                                               "LB broth",
                                               "TB medium",
                                               "DMEM",
                                               "RPMI 1640",
                                               "FBS",
                                               "penicillin-streptomycin",
                                               "trypan blue",
                                               "crystal violet",
                                               "Coomassie blue",
                                               "SYBR Safe",
                                               "dNTPs",
                                               "Taq polymerase",
                                               "Q5 polymerase",
                                               "T4 DNA ligase",
                                               "proteinase K",
                                               "RNase A",
                                               "DNase I",
                                               "Lipofectamine 3000",
                                               "puromycin",
                                               "G418",
                                               "hygromycin",
                                               "doxycycline",
                                               "glucose",
                                               "sucrose",
                                               "arabinose",
                                               "casein",
                                               "gelatin",
                                               "collagen",
                                               "fibronectin",
                                               "poly-L-lysine",
                                               "paraformaldehyde",
                                               "glutaraldehyde",
                                               "luciferin",
                                               "ATP",
                                               "NADH",
                                               "NADPH",
                                               "TCEP",
                                               "PMSF",
                                               "leupeptin",
                                               "aprotinin",
                                               "pepstatin A",
                                               "benzonase",
                                               "urea",
                                               "guanidinium chloride",
                                               "acetic acid",
                                               "formic acid",
                                               "trifluoroacetic acid",
                                               "citric acid",
                                               "MOPS",
                                               "MES",
                                               "PIPES",
                                               "bicine",
                                               "tricine",
                                               "CHAPS",
                                               "digitonin",
                                               "sodium azide",
                                               "Ponceau S",
                                               "skim milk",
                                               "ECL substrate",
                                               "TMB substrate",
                                               "streptavidin",
                                               "biotin",
                                               "Ni-NTA resin",
                                               "glutathione",
                                               "maltose",
                                               "thrombin",
                                               "TEV protease",
                                               "zeocin",
                                               "blasticidin"});
        return l;
    }
    static const QStringList &buffers() {
        static const QStringList l = utf8List(
            {"PBS", "TBS-T", "lysis buffer", "binding buffer", "wash buffer", "elution buffer",
             "50 mM Tris-HCl, 150 mM NaCl", "20 mM HEPES, 100 mM KCl", "TAE", "TBE", "RIPA buffer",
             "Laemmli buffer", "MES running buffer", "citrate buffer", "phosphate buffer",
             "carbonate buffer", "HBSS", "storage buffer with 10% glycerol"});
        return l;
    }
    static const QStringList &instruments() {
        static const QStringList l = utf8List({"centrifuge",
                                               "microcentrifuge",
                                               "thermocycler",
                                               "plate reader",
                                               "spectrophotometer",
                                               "NanoDrop",
                                               "HPLC",
                                               "FPLC",
                                               "ÄKTA pure",
                                               "mass spectrometer",
                                               "confocal microscope",
                                               "fluorescence microscope",
                                               "flow cytometer",
                                               "sonicator",
                                               "incubator shaker",
                                               "biosafety cabinet",
                                               "autoclave",
                                               "rotary evaporator",
                                               "lyophiliser",
                                               "gel imager",
                                               "qPCR cycler",
                                               "pH meter",
                                               "analytical balance",
                                               "water bath",
                                               "heat block",
                                               "electroporator",
                                               "ultracentrifuge",
                                               "Qubit fluorometer",
                                               "TapeStation",
                                               "cell counter"});
        return l;
    }
    static const QStringList &cellsList() {
        static const QStringList l =
            utf8List({"E. coli BL21(DE3)",    "E. coli DH5α",       "HEK293T cells",
                      "HeLa cells",           "CHO-K1 cells",       "Jurkat cells",
                      "S. cerevisiae BY4741", "P. pastoris X-33",   "B. subtilis 168",
                      "MCF-7 cells",          "A549 cells",         "U2OS cells",
                      "NIH 3T3 cells",        "Vero cells",         "SH-SY5Y cells",
                      "primary hepatocytes",  "P. aeruginosa PAO1", "S. aureus USA300",
                      "iPSC-derived neurons", "zebrafish embryos"});
        return l;
    }
    static const QStringList &realGenes() {
        static const QStringList l = utf8List(
            {"GFP",  "mCherry", "GAPDH", "β-actin",    "TP53",       "BRCA1",      "EGFR",  "KRAS",
             "MYC",  "LacZ",    "Cas9",  "ubiquitin",  "tubulin",    "lamin B1",   "HSP70", "CDK2",
             "mTOR", "AKT1",    "STAT3", "NF-κB",      "VEGFA",      "IL-6",       "TNF",   "SOX2",
             "OCT4", "NANOG",   "PAX6",  "luciferase", "lysozyme C", "β-lactamase"});
        return l;
    }
    static const QStringList &enzymes() {
        static const QStringList l =
            utf8List({"EcoRI", "BamHI", "HindIII", "NotI", "XhoI", "DpnI", "NdeI", "BsaI",
                      "alkaline phosphatase", "horseradish peroxidase", "β-galactosidase",
                      "lactate dehydrogenase", "citrate synthase"});
        return l;
    }
    static const QStringList &stains() {
        static const QStringList l =
            utf8List({"DAPI", "Hoechst 33342", "propidium iodide", "phalloidin", "FITC",
                      "rhodamine", "MitoTracker", "calcein AM", "Gram stain", "Alcian blue"});
        return l;
    }
    static const QStringList &people() {
        static const QStringList l =
            utf8List({"Ada",   "Ben",   "Chen", "Dana",   "Eve",  "Farid", "Grace", "Hiro",  "Inès",
                      "Jonas", "Kemi",  "Lena", "Mateo",  "Nora", "Olu",   "Priya", "Quinn", "Rosa",
                      "Sven",  "Tariq", "Uma",  "Viktor", "Wen",  "Yara",  "Zoë"});
        return l;
    }
    static const QStringList &adjectives() {
        static const QStringList l =
            utf8List({"clear", "turbid", "cloudy", "yellowish", "viscous", "colourless",
                      "opalescent", "granular", "pinkish", "brownish", "foamy", "stringy", "weaker",
                      "stronger", "unchanged", "patchy"});
        return l;
    }
    static const QStringList &observations() {
        static const QStringList l = utf8List(
            {"a fine white precipitate", "faint bands above the main product",
             "strong green fluorescence in most cells", "no growth on the negative control",
             "foaming during resuspension", "a colour change from yellow to pink",
             "bubbles in the column bed", "high background in the blank wells",
             "a smear below 1 kb", "contamination in two flasks", "rounded, detached cells",
             "needle-shaped crystals", "phase separation", "a drifting baseline",
             "condensation on the lid", "uneven staining at the edges"});
        return l;
    }
    static const QStringList &ideas() {
        static const QStringList l =
            utf8List({"try a shallower gradient", "order fresh {reagent}", "switch to {cells}",
                      "repeat in triplicate", "check the lamp hours of the {instrument}",
                      "lower the induction temperature to {temp}",
                      "add {reagent} to the lysis buffer", "book the {instrument} for next week",
                      "ask {person} for the old protocol", "screen more {salt} conditions"});
        return l;
    }
    static const QStringList &steps() {
        static const QStringList l = utf8List(
            {"Thaw {reagent} on ice", "Pre-warm {buffer} to {temp}", "Spin {time} at {g} × g",
             "Resuspend the pellet in {vol} {buffer}", "Incubate {time} at {temp}",
             "Read {wl} nm on the {instrument}", "Discard the flow-through",
             "Label tubes {sample} onwards", "Equilibrate the column with {vol} {buffer}"});
        return l;
    }

    Rng m_rng;
    QStringList m_compounds; // invented names: the long tail of the vocabulary
    QStringList m_genes;     // invented gene-like symbols
};

// ---- child processes -------------------------------------------------------------------------

// A child process run to completion, with its own peak memory and time.
struct ChildRun {
    QString failure; // empty when the process started
    int exitCode = -1;
    int signal = 0;
    double seconds = 0;
    qint64 maxRssKiB = 0;
    double userSeconds = 0;
    double systemSeconds = 0;
    QByteArray out;
    QByteArray errText;
    bool ok() const { return failure.isEmpty() && signal == 0 && exitCode == 0; }
    QString describe(const QString &what) const {
        if (!failure.isEmpty()) return QStringLiteral("%1 did not start: %2").arg(what, failure);
        if (signal) return QStringLiteral("%1 was killed by signal %2").arg(what).arg(signal);
        return QStringLiteral("%1 exited with %2: %3")
            .arg(what)
            .arg(exitCode)
            .arg(QString::fromUtf8(errText).trimmed().right(400));
    }
};

constexpr const char *kMeasureChild = "--measure-child";

// quire-bench --measure-child REPORT PROGRAM ARGS...: runs PROGRAM and writes
// "<peak RSS KiB> <seconds> <exit code> <signal> <user s> <system s>" to REPORT. The benchmark
// starts every child through this small fresh process because Linux carries the exec-ing process's
// RSS high-water mark into the child's ru_maxrss: spawned straight from the benchmark (which held
// 100,000 entries in memory), every child would report the benchmark's peak instead of its own.
// Runs before QCoreApplication exists, so the relay itself stays a few MB.
int measureChild(int argc, char *argv[]) {
    if (argc < 4) return 127;
    timespec start{}, end{};
    clock_gettime(CLOCK_MONOTONIC, &start);
    pid_t pid = 0;
    const int rc = posix_spawnp(&pid, argv[3], nullptr, nullptr, argv + 3, environ);
    if (rc != 0) {
        std::fprintf(stderr, "could not start %s: %s\n", argv[3], std::strerror(rc));
        return 127;
    }
    int status = 0;
    rusage usage{};
    while (wait4(pid, &status, 0, &usage) < 0)
        if (errno != EINTR) return 127;
    clock_gettime(CLOCK_MONOTONIC, &end);
    const double seconds =
        double(end.tv_sec - start.tv_sec) + double(end.tv_nsec - start.tv_nsec) / 1e9;
    const int code = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
    const int sig = WIFSIGNALED(status) ? WTERMSIG(status) : 0;
    if (FILE *report = std::fopen(argv[2], "w")) {
        std::fprintf(report, "%ld %.9f %d %d %ld.%06ld %ld.%06ld\n", usage.ru_maxrss, seconds, code,
                     sig, long(usage.ru_utime.tv_sec), long(usage.ru_utime.tv_usec),
                     long(usage.ru_stime.tv_sec), long(usage.ru_stime.tv_usec));
        std::fclose(report);
    }
    return code >= 0 ? code : 128 + sig;
}

ChildRun runChild(const QString &program, const QStringList &args, const QString &scratchDir,
                  const QList<QPair<QByteArray, QByteArray>> &env = {}) {
    ChildRun run;
    const QString reportPath = scratchDir + QStringLiteral("/child.report");
    QFile::remove(reportPath);
    std::vector<std::string> argStore{
        QFile::encodeName(QCoreApplication::applicationFilePath()).toStdString(), kMeasureChild,
        QFile::encodeName(reportPath).toStdString(), QFile::encodeName(program).toStdString()};
    for (const auto &a : args)
        argStore.push_back(QFile::encodeName(a).toStdString());
    std::vector<char *> argv;
    for (auto &a : argStore)
        argv.push_back(a.data());
    argv.push_back(nullptr);

    std::vector<std::string> envStore;
    for (char **e = environ; *e; ++e) {
        const QByteArray entry(*e);
        const QByteArray key = entry.left(entry.indexOf('='));
        if (std::none_of(env.begin(), env.end(), [&](const auto &kv) { return kv.first == key; }))
            envStore.emplace_back(*e);
    }
    for (const auto &[k, v] : env)
        envStore.push_back((k + '=' + v).toStdString());
    std::vector<char *> envp;
    for (auto &e : envStore)
        envp.push_back(e.data());
    envp.push_back(nullptr);

    const QByteArray outPath = QFile::encodeName(scratchDir + QStringLiteral("/child.out"));
    const QByteArray errPath = QFile::encodeName(scratchDir + QStringLiteral("/child.err"));
    posix_spawn_file_actions_t actions;
    posix_spawn_file_actions_init(&actions);
    posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0);
    posix_spawn_file_actions_addopen(&actions, 1, outPath.constData(), O_WRONLY | O_CREAT | O_TRUNC,
                                     0600);
    posix_spawn_file_actions_addopen(&actions, 2, errPath.constData(), O_WRONLY | O_CREAT | O_TRUNC,
                                     0600);
    pid_t pid = 0;
    const int rc = posix_spawn(&pid, argv[0], &actions, nullptr, argv.data(), envp.data());
    posix_spawn_file_actions_destroy(&actions);
    if (rc != 0) {
        run.failure = QString::fromLocal8Bit(std::strerror(rc));
        return run;
    }
    int status = 0;
    while (waitpid(pid, &status, 0) < 0) {
        if (errno != EINTR) {
            run.failure = QString::fromLocal8Bit(std::strerror(errno));
            return run;
        }
    }
    QFile o(QString::fromLocal8Bit(outPath)), e(QString::fromLocal8Bit(errPath));
    if (o.open(QIODevice::ReadOnly)) run.out = o.readAll();
    if (e.open(QIODevice::ReadOnly)) run.errText = e.readAll();
    QFile report(reportPath);
    const QList<QByteArray> fields = report.open(QIODevice::ReadOnly)
                                         ? report.readAll().simplified().split(' ')
                                         : QList<QByteArray>();
    if (fields.size() != 6) {
        run.failure = QString::fromUtf8(run.errText).trimmed();
        if (run.failure.isEmpty()) run.failure = QStringLiteral("the child process relay failed");
        return run;
    }
    run.maxRssKiB = fields[0].toLongLong();
    run.seconds = fields[1].toDouble();
    run.exitCode = fields[2].toInt();
    run.signal = fields[3].toInt();
    run.userSeconds = fields[4].toDouble();
    run.systemSeconds = fields[5].toDouble();
    return run;
}

// ---- small helpers ---------------------------------------------------------------------------

double median(QList<double> v) {
    if (v.isEmpty()) return NAN;
    std::sort(v.begin(), v.end());
    const qsizetype n = v.size();
    return n % 2 ? v[n / 2] : (v[n / 2 - 1] + v[n / 2]) / 2;
}

// Nearest-rank percentile of sorted values.
double percentile(const QList<double> &sorted, double p) {
    if (sorted.isEmpty()) return NAN;
    const qsizetype rank = qsizetype(std::ceil(p / 100.0 * double(sorted.size())));
    return sorted[std::clamp<qsizetype>(rank - 1, 0, sorted.size() - 1)];
}

qint64 diskUsage(const QString &dir, qint64 *files = nullptr) {
    qint64 total = 0, count = 0;
    QDirIterator it(dir, QDir::Files | QDir::Hidden | QDir::NoSymLinks,
                    QDirIterator::Subdirectories);
    while (it.hasNext()) {
        it.next();
        total += it.fileInfo().size();
        ++count;
    }
    if (files) *files = count;
    return total;
}

QString readFirstMatch(const QString &path, const QString &key) {
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly | QIODevice::Text)) return {};
    for (const auto &line : QString::fromUtf8(f.readAll()).split('\n'))
        if (line.startsWith(key)) return line.section(':', 1).trimmed();
    return {};
}

struct CpuTimes {
    double user = 0;
    double system = 0;
};

CpuTimes ownCpuTimes() {
    rusage usage{};
    getrusage(RUSAGE_SELF, &usage);
    auto secs = [](const timeval &t) { return double(t.tv_sec) + double(t.tv_usec) / 1e6; };
    return {secs(usage.ru_utime), secs(usage.ru_stime)};
}

// CPU time of all of this process's threads, in ms, precise to the nanosecond.
double processCpuMs() {
    timespec t{};
    clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &t);
    return double(t.tv_sec) * 1e3 + double(t.tv_nsec) / 1e6;
}

// Seconds this thread has spent running and waiting for a CPU, from the scheduler. On a shared
// machine the second tells how much of a figure is other processes' work, not Quire's.
struct SchedTimes {
    double running = 0;
    double waiting = 0;
};

SchedTimes schedTimes() {
    QFile f(QStringLiteral("/proc/thread-self/schedstat"));
    if (!f.open(QIODevice::ReadOnly)) return {};
    const QList<QByteArray> fields = f.readAll().simplified().split(' ');
    if (fields.size() < 2) return {};
    return {fields[0].toDouble() / 1e9, fields[1].toDouble() / 1e9};
}

QString loadAverage() {
    QFile f(QStringLiteral("/proc/loadavg"));
    if (!f.open(QIODevice::ReadOnly)) return QStringLiteral("?");
    return QString::fromLatin1(f.readAll()).section(' ', 0, 2);
}

int onlineCpus() {
    cpu_set_t set;
    CPU_ZERO(&set);
    if (sched_getaffinity(0, sizeof set, &set) == 0) return CPU_COUNT(&set);
    return int(sysconf(_SC_NPROCESSORS_ONLN));
}

QString locateTool(const char *compiledIn, const QString &envName, const QString &fileName) {
    const QString fromEnv = qEnvironmentVariable(envName.toLatin1().constData());
    if (!fromEnv.isEmpty()) return fromEnv;
    if (compiledIn && QFileInfo(QString::fromUtf8(compiledIn)).isExecutable())
        return QString::fromUtf8(compiledIn);
    // Next to this executable, or in the build tree's app/ folder.
    const QDir here(QCoreApplication::applicationDirPath());
    for (const QString &candidate :
         {here.filePath(fileName), here.filePath(QStringLiteral("../") + fileName),
          here.filePath(QStringLiteral("../../app/") + fileName)})
        if (QFileInfo(candidate).isExecutable()) return QFileInfo(candidate).canonicalFilePath();
    return fileName;
}

// ---- the report: BenchReport.h -------------------------------------------------------------

using quire::bench::number;
using quire::bench::Row;
using quire::bench::Section;

// ---- the benchmarks ----------------------------------------------------------------------------

struct Options {
    int entries = 100000;
    int singles = 10000; // of which saved one per transaction (Notebook::addEntry)
    int batch = 1000;    // the rest in batches of this many (Notebook::addEntries)
    int experiments = 100;
    int queries = 300;
    int attachMib = 1024;
    int unlockRuns = 5;
    int syncRecords = 100000;
    int signRuns = 20;
    int verifyRecords = 100000;
    int verifySignatures = 200;
    std::uint64_t seed = 20261124;
    bool baseline = true;
    bool keep = false; // --keep: the sync section's vaults and server stay too, for profiling
    QSet<QString> only;
    QString cli;
    QString sqliteBaseline;
    bool wants(const QString &section) const { return only.isEmpty() || only.contains(section); }
};

void progress(const QString &line) {
    err() << "quire-bench: " << line << Qt::endl;
}

class Bench {
public:
    Bench(const Options &options, const QString &workDir)
        : m_opt(options)
        , m_work(workDir) {}

    QList<Section> run() {
        QList<Section> sections;
        if (m_opt.wants("save") || m_opt.wants("search")) {
            Section save, search;
            saveAndSearch(save, search);
            if (m_opt.wants("save")) sections << save;
            if (m_opt.wants("search")) sections << search;
        }
        if (m_opt.wants("unlock")) sections << unlock();
        if (m_opt.wants("attach")) sections << attach();
        if (m_opt.wants("sync")) sections << sync();
        if (m_opt.wants("sign")) {
            sections << signLatency();
            Section verify, anchor;
            verifyAndAnchor(verify, anchor);
            sections << verify << anchor;
        }
        return sections;
    }

    QString sqliteVersion() const { return m_sqliteVersion; }

private:
    QString scratch() const { return m_work; }

    // Every vault the benchmarks write into: one notebook, one member.
    static quire::Result<std::unique_ptr<Notebook>> createVault(const QString &dir) {
        return Notebook::create(dir,
                                {QStringLiteral("Bench notebook"), QStringLiteral("Ada Bench"),
                                 QStringLiteral("ada.bench@example.org")},
                                kPassphrase);
    }

    quire::Result<QString> ensureVault(const QString &dir) {
        if (Notebook::exists(dir)) return dir;
        auto nb = createVault(dir);
        if (!nb) return nb.failure();
        return dir;
    }

    // 1 and 2: save N entries through Notebook::addEntry, then search them; the same texts go
    // to quire-bench-sqlite for the plain baseline.
    void saveAndSearch(Section &save, Section &search) {
        save.title =
            QStringLiteral("1. Save: %1 entries into %2 experiments (the first %3 one by one "
                           "with Notebook::addEntry, the rest in batches of %4 with "
                           "Notebook::addEntries)")
                .arg(number(m_opt.entries, 0))
                .arg(m_opt.experiments)
                .arg(number(std::min(m_opt.singles, m_opt.entries), 0))
                .arg(number(m_opt.batch, 0));
        search.title =
            QStringLiteral("2. Search: %1 queries, %2 hits at most each (Notebook::search)")
                .arg(m_opt.queries)
                .arg(kSearchLimit);
        LabTextGenerator gen(m_opt.seed);
        const QString vaultDir = m_work + QStringLiteral("/vault");
        QStringList experimentIds;
        QList<LabEntry> corpus;
        {
            progress(QStringLiteral("generating %1 entries").arg(m_opt.entries));
            QList<LabExperiment> experiments;
            for (int i = 0; i < m_opt.experiments; ++i)
                experiments << gen.experiment(i);
            corpus.reserve(m_opt.entries);
            QFile file(m_work + QStringLiteral("/corpus.bin"));
            if (!file.open(QIODevice::WriteOnly)) {
                save.failure = search.failure = file.errorString();
                return;
            }
            QDataStream ds(&file);
            ds.setVersion(QDataStream::Qt_6_4);
            ds << kCorpusMagic << qint32(m_opt.entries);
            qint64 htmlBytes = 0, textBytes = 0;
            for (int i = 0; i < m_opt.entries; ++i) {
                LabEntry e = gen.entry(m_opt.experiments);
                ds << qint32(e.experiment) << e.title << e.html << e.text;
                htmlBytes += e.html.toUtf8().size();
                textBytes += e.text.toUtf8().size();
                e.text.clear(); // only the baseline needs it, and it reads the file
                corpus << std::move(e);
            }
            if (ds.status() != QDataStream::Ok || !file.flush()) {
                save.failure = search.failure = QStringLiteral("could not write the corpus file");
                return;
            }
            m_meanHtml = double(htmlBytes) / std::max(1, m_opt.entries);
            save.notes << QStringLiteral(
                              "entries are generated lab text (seed %1): mean %2 bytes of "
                              "HTML, %3 bytes of plain text")
                              .arg(m_opt.seed)
                              .arg(number(m_meanHtml, 0))
                              .arg(number(double(textBytes) / std::max(1, m_opt.entries), 0));

            progress(QStringLiteral("creating the vault in %1").arg(vaultDir));
            auto nb = createVault(vaultDir);
            if (!nb) {
                save.failure = search.failure = nb.error();
                return;
            }
            for (const auto &x : experiments) {
                auto id = (*nb)->createExperiment(x.title, x.project, x.tags);
                if (!id) {
                    save.failure = search.failure = id.error();
                    return;
                }
                experimentIds << *id;
            }

            // The timed loops: nothing but addEntry, then nothing but addEntries.
            const int singles = std::min(m_opt.singles, m_opt.entries);
            progress(QStringLiteral("saving %1 entries one by one").arg(singles));
            QElapsedTimer total;
            CpuTimes cpuBefore = ownCpuTimes();
            SchedTimes schedBefore = schedTimes();
            total.start();
            for (int i = 0; i < singles; ++i) {
                const LabEntry &e = corpus[i];
                auto id = (*nb)->addEntry(experimentIds[e.experiment], e.title, e.html);
                if (!id) {
                    save.failure = search.failure =
                        QStringLiteral("entry %1 was not saved: %2").arg(i).arg(id.error());
                    return;
                }
            }
            double seconds = double(total.nsecsElapsed()) / 1e9;
            CpuTimes cpuAfter = ownCpuTimes();
            SchedTimes schedAfter = schedTimes();
            m_saveRate = singles > 0 ? singles / seconds : NAN;
            auto describe = [&](const QString &what, int count) {
                const double waited = schedAfter.waiting - schedBefore.waiting;
                save.notes << QStringLiteral(
                                  "%1: %2 s, %3 ms per entry: CPU %4 s user + %5 s system, %6 s "
                                  "waiting for a CPU that other processes held")
                                  .arg(what, number(seconds, 1),
                                       number(seconds * 1000 / std::max(1, count), 3),
                                       number(cpuAfter.user - cpuBefore.user, 1),
                                       number(cpuAfter.system - cpuBefore.system, 1),
                                       number(waited, 1));
                if (waited > 0.05 * seconds)
                    save.notes << QStringLiteral("  on an idle machine about %1 entries/s (wall "
                                                 "time less the wait for a CPU)")
                                      .arg(number(count / (seconds - waited), 0));
            };
            describe(QStringLiteral("one by one"), singles);

            const int bulk = m_opt.entries - singles;
            progress(
                QStringLiteral("saving %1 entries in batches of %2").arg(bulk).arg(m_opt.batch));
            cpuBefore = ownCpuTimes();
            schedBefore = schedTimes();
            total.restart();
            for (int start = singles; start < m_opt.entries; start += m_opt.batch) {
                // A batch is what an import or an instrument hands over at once; it spans
                // experiments and is saved in one transaction, all or nothing.
                QList<Notebook::NewEntry> batch;
                for (int i = start; i < std::min(m_opt.entries, start + m_opt.batch); ++i)
                    batch << Notebook::NewEntry{corpus[i].title, corpus[i].html,
                                                experimentIds[corpus[i].experiment]};
                auto ids = (*nb)->addEntries(batch);
                if (!ids) {
                    save.failure = search.failure =
                        QStringLiteral("a batch was not saved: %1").arg(ids.error());
                    return;
                }
            }
            seconds = double(total.nsecsElapsed()) / 1e9;
            cpuAfter = ownCpuTimes();
            schedAfter = schedTimes();
            m_bulkRate = bulk > 0 ? bulk / seconds : NAN;
            describe(QStringLiteral("in batches"), bulk);

            // 2: search the notebook that was just written.
            const QStringList queries = gen.queries(m_opt.queries, m_opt.seed + 1);
            QFile qf(m_work + QStringLiteral("/queries.bin"));
            if (qf.open(QIODevice::WriteOnly)) {
                QDataStream qs(&qf);
                qs.setVersion(QDataStream::Qt_6_4);
                qs << queries;
            }
            progress(QStringLiteral("running %1 searches").arg(queries.size()));
            QList<double> latencies;
            const SchedTimes searchBefore = schedTimes();
            qint64 hitTotal = 0;
            int zeroHit = 0;
            for (const auto &q : queries) {
                QElapsedTimer t;
                t.start();
                auto hits = (*nb)->search(q, kSearchLimit);
                const double ms = double(t.nsecsElapsed()) / 1e6;
                if (!hits) {
                    search.failure =
                        QStringLiteral("the search “%1” failed: %2").arg(q, hits.error());
                    break;
                }
                latencies << ms;
                m_quireHits << int(hits->size());
                hitTotal += hits->size();
                if (hits->isEmpty()) ++zeroHit;
            }
            const SchedTimes searchAfter = schedTimes();
            m_queries = queries;
            m_queryLatencies = latencies;
            m_searchLatencies = latencies;
            std::sort(m_searchLatencies.begin(), m_searchLatencies.end());
            search.notes << QStringLiteral(
                                "queries: a third single words, a third two words, a third "
                                "prefixes (such as “%1”, “%2”, “%3”)")
                                .arg(queries.value(0), queries.value(2), queries.value(4));
            search.notes << QStringLiteral("all queries: %1 s running, %2 s waiting for a CPU that "
                                           "other processes held")
                                .arg(number(searchAfter.running - searchBefore.running, 2),
                                     number(searchAfter.waiting - searchBefore.waiting, 2));
            search.notes << QStringLiteral("mean %1 hits per query; %2 queries found nothing")
                                .arg(number(
                                    double(hitTotal) / std::max<qsizetype>(1, latencies.size()), 1))
                                .arg(zeroHit);
        } // the notebook closes here, so the baseline runs on a quiet machine

        qint64 files = 0;
        const qint64 vaultBytes = diskUsage(vaultDir, &files);
        save.notes << QStringLiteral("vault on disk: %1 MB in %2 files (%3 bytes per entry)")
                          .arg(number(double(vaultBytes) / 1e6, 1), number(double(files), 0),
                               number(double(vaultBytes) / std::max(1, m_opt.entries), 0));
        m_vaultDir = vaultDir;
        corpus.clear();

        Row perTxn{"save.per_transaction",
                   QStringLiteral("one by one, a transaction each"),
                   QStringLiteral("entries/s"),
                   0,
                   m_saveRate,
                   NAN,
                   {},
                   {},
                   {}};
        Row batch{"save.bulk",
                  QStringLiteral("bulk, batches of %1").arg(number(m_opt.batch, 0)),
                  QStringLiteral("entries/s"),
                  0,
                  m_bulkRate,
                  NAN,
                  {},
                  QStringLiteral("≥ 0.35×"),
                  {}};
        QList<double> baseSorted;
        QList<int> baseHits;
        if (m_opt.baseline) {
            progress(
                QStringLiteral("running the plain SQLite baseline (%1)").arg(m_opt.sqliteBaseline));
            const QString baseDir = m_work + QStringLiteral("/sqlite");
            QDir().mkpath(baseDir);
            const ChildRun b =
                runChild(m_opt.sqliteBaseline,
                         {QStringLiteral("--corpus"), m_work + QStringLiteral("/corpus.bin"),
                          QStringLiteral("--queries"), m_work + QStringLiteral("/queries.bin"),
                          QStringLiteral("--dir"), baseDir, QStringLiteral("--limit"),
                          QString::number(kSearchLimit)},
                         scratch());
            const QJsonObject o = QJsonDocument::fromJson(b.out).object();
            if (!b.ok() || o.isEmpty()) {
                save.notes << b.describe(QStringLiteral("quire-bench-sqlite"));
            } else {
                m_sqliteVersion = o.value("sqlite_version").toString();
                const QJsonObject per = o.value("per_transaction").toObject();
                const QJsonObject all = o.value("one_transaction").toObject();
                perTxn.baseline = per.value("count").toDouble() / per.value("seconds").toDouble();
                batch.baseline = all.value("count").toDouble() / all.value("seconds").toDouble();
                save.baselineIs =
                    QStringLiteral(
                        "plain SQLite %1 (no encryption, no seal, no git object): the same "
                        "texts into a table + FTS4 (unicode61), WAL, synchronous=NORMAL")
                        .arg(m_sqliteVersion);
                save.notes << QStringLiteral("plain SQLite database: %1 MB")
                                  .arg(number(per.value("bytes").toDouble() / 1e6, 1));
                for (const auto &v : o.value("search").toObject().value("latencies_ms").toArray())
                    baseSorted << v.toDouble();
                for (const auto &v : o.value("search").toObject().value("hits").toArray())
                    baseHits << v.toInt();
                std::sort(baseSorted.begin(), baseSorted.end());
                search.baselineIs =
                    QStringLiteral(
                        "the same FTS4 query (prefix terms, snippet, newest %1) in plain "
                        "SQLite %2 over the same texts")
                        .arg(kSearchLimit)
                        .arg(m_sqliteVersion);
                int differ = 0;
                for (qsizetype i = 0; i < std::min(baseHits.size(), m_quireHits.size()); ++i)
                    if (baseHits[i] != m_quireHits[i]) ++differ;
                if (differ)
                    search.notes << QStringLiteral("%1 queries returned a different number of hits "
                                                   "than the baseline")
                                        .arg(differ);
                else
                    search.notes << QStringLiteral(
                        "every query returned as many hits as the baseline");
            }
        }
        // Issue 18's target is a ratio to the baseline of the same run, so that it holds on any
        // machine of this kind: without the baseline there is no verdict.
        if (!std::isnan(batch.baseline) && batch.baseline > 0)
            batch.met = m_bulkRate >= 0.35 * batch.baseline;
        save.rows << perTxn << batch;

        const auto &q = m_searchLatencies;
        search.rows << Row{"search.p50",
                           QStringLiteral("p50 latency"),
                           QStringLiteral("ms"),
                           2,
                           percentile(q, 50),
                           percentile(baseSorted, 50),
                           {},
                           {},
                           {}}
                    << Row{"search.p95",
                           QStringLiteral("p95 latency"),
                           QStringLiteral("ms"),
                           2,
                           percentile(q, 95),
                           percentile(baseSorted, 95),
                           {},
                           QStringLiteral("≤ 50"),
                           q.isEmpty() ? std::optional<bool>() : percentile(q, 95) <= 50}
                    << Row{"search.max",
                           QStringLiteral("max latency"),
                           QStringLiteral("ms"),
                           2,
                           q.isEmpty() ? NAN : q.last(),
                           baseSorted.isEmpty() ? NAN : baseSorted.last(),
                           {},
                           {},
                           {}};
        if (!m_queryLatencies.isEmpty()) {
            // The slowest queries, so a reader knows which kind of query to look at.
            QList<qsizetype> order;
            for (qsizetype i = 0; i < m_queryLatencies.size(); ++i)
                order << i;
            std::sort(order.begin(), order.end(), [&](qsizetype a, qsizetype b) {
                return m_queryLatencies[a] > m_queryLatencies[b];
            });
            QStringList slow;
            for (qsizetype i = 0; i < std::min<qsizetype>(5, order.size()); ++i)
                slow << QStringLiteral("“%1” %2 ms (%3 hits)")
                            .arg(m_queries[order[i]], number(m_queryLatencies[order[i]], 1))
                            .arg(m_quireHits[order[i]]);
            search.notes << QStringLiteral("slowest: ") + slow.join(QStringLiteral(", "));
        }
        QFile::remove(m_work + QStringLiteral("/corpus.bin"));
        QDir(m_work + QStringLiteral("/sqlite")).removeRecursively();
    }

    // 3: Notebook::open, which is dominated by scrypt (N = 2^17, r = 8, p = 1).
    Section unlock() {
        Section s;
        s.title = QStringLiteral("3. Unlock: Notebook::open, median of %1").arg(m_opt.unlockRuns);
        const QString dir =
            m_vaultDir.isEmpty() ? m_work + QStringLiteral("/unlock-vault") : m_vaultDir;
        if (auto v = ensureVault(dir); !v) {
            s.failure = v.error();
            return s;
        }
        progress(QStringLiteral("unlocking %1 times").arg(m_opt.unlockRuns));
        QList<double> times;
        for (int i = 0; i < m_opt.unlockRuns; ++i) {
            QElapsedTimer t;
            t.start();
            auto nb = Notebook::open(dir, kPassphrase);
            const double secs = double(t.nsecsElapsed()) / 1e9;
            if (!nb) {
                s.failure = nb.error();
                return s;
            }
            times << secs;
        }
        s.notes << QStringLiteral("each run (s): %1").arg([&] {
            QStringList l;
            for (double t : times)
                l << number(t, 3);
            return l.join(QStringLiteral(", "));
        }());
        if (!m_vaultDir.isEmpty())
            s.notes << QStringLiteral("the vault is the one from section 1 (%1 entries)")
                           .arg(number(m_opt.entries, 0));
        QList<double> base;
        QString baseFailure;
        if (m_opt.baseline) {
            for (int i = 0; i < m_opt.unlockRuns; ++i) {
                const ChildRun r = runChild(
                    QStringLiteral("openssl"),
                    {QStringLiteral("kdf"), QStringLiteral("-keylen"), QStringLiteral("64"),
                     QStringLiteral("-kdfopt"), QStringLiteral("pass:x"), QStringLiteral("-kdfopt"),
                     QStringLiteral("hexsalt:%1")
                         .arg(QString::number(0x5eed0000u + unsigned(i), 16).repeated(4)),
                     QStringLiteral("-kdfopt"), QStringLiteral("n:131072"),
                     QStringLiteral("-kdfopt"), QStringLiteral("r:8"), QStringLiteral("-kdfopt"),
                     QStringLiteral("p:1"), QStringLiteral("-kdfopt"),
                     QStringLiteral("maxmem_bytes:%1").arg(qint64(256) << 20),
                     QStringLiteral("SCRYPT")},
                    scratch());
                if (!r.ok()) {
                    baseFailure = r.describe(QStringLiteral("openssl kdf"));
                    break;
                }
                base << r.seconds;
            }
            const ChildRun version =
                runChild(QStringLiteral("openssl"), {QStringLiteral("version")}, scratch());
            if (version.ok())
                s.notes << QStringLiteral(
                               "an empty child process (openssl version) takes %1 s of the "
                               "baseline's time")
                               .arg(number(version.seconds, 3));
        }
        if (!baseFailure.isEmpty()) s.notes << baseFailure;
        s.baselineIs =
            QStringLiteral("`openssl kdf … n:131072 r:8 p:1 SCRYPT` (64 bytes), timed as a "
                           "child process");
        s.rows << Row{"unlock.median",
                      QStringLiteral("unlock time"),
                      QStringLiteral("s"),
                      3,
                      median(times),
                      base.isEmpty() ? NAN : median(base),
                      {},
                      QStringLiteral("< 1"),
                      median(times) < 1.0};
        return s;
    }

    // 4: a large file through `quire-cli attach` and back through `quire-cli attachment get`,
    // each a child process so that its own peak memory can be read.
    Section attach() {
        Section s;
        const qint64 bytes = qint64(m_opt.attachMib) << 20;
        s.title =
            QStringLiteral("4. Attach: %1 MiB of random bytes through quire-cli (a child process)")
                .arg(number(m_opt.attachMib, 0));
        const QString file = m_work + QStringLiteral("/instrument-run.bin");
        {
            progress(QStringLiteral("writing %1 MiB of random bytes").arg(m_opt.attachMib));
            QFile f(file);
            if (!f.open(QIODevice::WriteOnly)) {
                s.failure = QStringLiteral("could not write %1: %2").arg(file, f.errorString());
                return s;
            }
            Rng rng(m_opt.seed ^ 0xa77ac4ULL);
            std::vector<std::uint64_t> block((4 << 20) / sizeof(std::uint64_t));
            for (qint64 done = 0; done < bytes;) {
                for (auto &w : block)
                    w = rng.next();
                const qint64 n =
                    std::min<qint64>(bytes - done, qint64(block.size() * sizeof(std::uint64_t)));
                if (f.write(reinterpret_cast<const char *>(block.data()), n) != n) {
                    s.failure = QStringLiteral("could not write %1: %2").arg(file, f.errorString());
                    return s;
                }
                done += n;
            }
            f.flush();
            // On disk before anything is timed, so that write-back does not run during the
            // measurements; it stays in the page cache for all readers alike.
            fsync(f.handle());
        }
        const QString vault = m_work + QStringLiteral("/attach-vault");
        QString entryId;
        {
            auto nb = Notebook::create(vault,
                                       {QStringLiteral("Attach bench"), QStringLiteral("Ada Bench"),
                                        QStringLiteral("ada.bench@example.org")},
                                       kPassphrase);
            if (!nb) {
                s.failure = nb.error();
                return s;
            }
            auto x = (*nb)->createExperiment(QStringLiteral("Large instrument files"), {}, {});
            if (!x) {
                s.failure = x.error();
                return s;
            }
            auto e = (*nb)->addEntry(*x, QStringLiteral("Overnight acquisition"),
                                     QStringLiteral("<p>Raw data of the overnight run.</p>"));
            if (!e) {
                s.failure = e.error();
                return s;
            }
            entryId = *e;
        }
        const QList<QPair<QByteArray, QByteArray>> env{{"QUIRE_PASSPHRASE", kPassphrase}};
        const QStringList vaultArg{QStringLiteral("--vault"), vault};
        const double mb = double(bytes) / 1e6;

        progress(QStringLiteral("sha256sum of the file (baseline)"));
        const ChildRun sum = runChild(QStringLiteral("sha256sum"), {file}, scratch());
        const QString fileSha = QString::fromLatin1(sum.out.left(64));

        progress(QStringLiteral("quire-cli experiment list (unlock only, for reference)"));
        const ChildRun idle = runChild(
            m_opt.cli, vaultArg + QStringList{QStringLiteral("experiment"), QStringLiteral("list")},
            scratch(), env);
        progress(QStringLiteral("quire-cli attach"));
        const ChildRun att =
            runChild(m_opt.cli, vaultArg + QStringList{QStringLiteral("attach"), entryId, file},
                     scratch(), env);
        if (!att.ok()) {
            s.failure = att.describe(QStringLiteral("quire-cli attach"));
            return s;
        }
        const QString attachmentId = QString::fromUtf8(att.out).trimmed();
        qint64 repoFiles = 0;
        const qint64 repoBytes = diskUsage(vault + QStringLiteral("/repo.git"), &repoFiles);

        progress(QStringLiteral("quire-cli attachment get"));
        const QString back = m_work + QStringLiteral("/read-back.bin");
        const ChildRun get =
            runChild(m_opt.cli,
                     vaultArg + QStringList{QStringLiteral("attachment"), QStringLiteral("get"),
                                            attachmentId, QStringLiteral("--out"), back},
                     scratch(), env);
        QString backSha;
        if (get.ok()) {
            const ChildRun check = runChild(QStringLiteral("sha256sum"), {back}, scratch());
            backSha = QString::fromLatin1(check.out.left(64));
        }
        QFile::remove(back);
        QFile::remove(file);

        const double idleSecs = idle.ok() ? idle.seconds : NAN;
        const double sumRate = sum.ok() ? mb / sum.seconds : NAN;
        s.rows << Row{"attach.rate",
                      QStringLiteral("attach, whole command"),
                      QStringLiteral("MB/s"),
                      0,
                      mb / att.seconds,
                      sumRate,
                      {},
                      QStringLiteral("≥ 150"),
                      mb / att.seconds >= 150};
        s.rows << Row{
            "attach.peak_rss",
            QStringLiteral("attach, peak RSS"),
            QStringLiteral("MB"),
            0,
            double(att.maxRssKiB) * 1024 / 1e6,
            idle.ok() ? double(idle.maxRssKiB) * 1024 / 1e6 : NAN,
            QStringLiteral("`quire-cli experiment list` on the same vault: unlock alone"),
            QStringLiteral("≤ +16 MB"),
            idle.ok() ? std::optional<bool>(att.maxRssKiB - idle.maxRssKiB <= 16 * 1000000 / 1024)
                      : std::optional<bool>()};
        if (get.ok()) {
            s.rows << Row{"attach.read_back_rate",
                          QStringLiteral("read back, whole command"),
                          QStringLiteral("MB/s"),
                          0,
                          mb / get.seconds,
                          sumRate,
                          {},
                          {},
                          {}};
            s.rows << Row{"attach.read_back_peak_rss",
                          QStringLiteral("read back, peak RSS"),
                          QStringLiteral("MB"),
                          0,
                          double(get.maxRssKiB) * 1024 / 1e6,
                          idle.ok() ? double(idle.maxRssKiB) * 1024 / 1e6 : NAN,
                          QStringLiteral("unlock alone, as above"),
                          {},
                          {}};
        } else {
            s.notes << get.describe(QStringLiteral("quire-cli attachment get"));
        }
        s.baselineIs = QStringLiteral("`sha256sum` of the same file (page cache warm for both)");
        if (idle.ok())
            s.notes << QStringLiteral(
                           "every quire-cli command first unlocks (%1 s for `experiment list`); "
                           "without it: attach %2 MB/s, read back %3 MB/s")
                           .arg(number(idleSecs, 2), number(mb / (att.seconds - idleSecs), 0),
                                get.ok() ? number(mb / (get.seconds - idleSecs), 0)
                                         : QStringLiteral("—"));
        else
            s.notes << idle.describe(QStringLiteral("quire-cli experiment list"));
        auto cpu = [](const ChildRun &r) {
            return QStringLiteral("%1 s (CPU %2 s user + %3 s system)")
                .arg(number(r.seconds, 2), number(r.userSeconds, 2), number(r.systemSeconds, 2));
        };
        s.notes << QStringLiteral("attach took %1, read back %2, sha256sum %3")
                       .arg(cpu(att), cpu(get), cpu(sum));
        s.notes << QStringLiteral("repo.git after attaching: %1 MB in %2 files")
                       .arg(number(double(repoBytes) / 1e6, 1))
                       .arg(repoFiles);
        if (!get.ok()) {
        } else if (backSha.isEmpty() || backSha != fileSha) {
            s.notes << QStringLiteral("READ-BACK MISMATCH: sha256 %1, expected %2")
                           .arg(backSha, fileSha);
        } else {
            s.notes << QStringLiteral("the file read back is identical (sha256 %1…)")
                           .arg(fileSha.left(16));
        }
        QDir(vault).removeRecursively();
        return s;
    }

    // 5: sharing through a git server (a local bare repository, so the figures are Quire's own
    // work and not a network's): the first push of N records, a push of 10,000 new ones, a
    // newcomer's first sync of the whole notebook, and a sync with nothing to do. Each beside
    // the git CLI doing the equivalent with the same number of small files.
    Section sync() {
        Section s;
        const int n = m_opt.syncRecords;
        constexpr int kMore = 10000;
        constexpr int kNoopRuns = 5;
        s.title = QStringLiteral("5. Sync: %1 entries through a local bare repository "
                                 "(Notebook::sync), then %2 more, then a newcomer's vault")
                      .arg(number(n, 0), number(kMore, 0));
        s.baselineIs = QStringLiteral("git %1 CLI on a work tree of as many ~1.2 KB random files "
                                      "(r/aa/<64 hex>), pushed to its own bare repository")
                           .arg(gitVersion());
        const QString base = m_work + QStringLiteral("/sync");
        const QString vaultDir = base + QStringLiteral("/vault");
        const QString server = base + QStringLiteral("/server.git");
        const QString newcomerDir = base + QStringLiteral("/newcomer");
        QDir().mkpath(base);
        auto cleanUp = [&] {
            if (!m_opt.keep) QDir(base).removeRecursively();
        };

        if (const ChildRun r =
                git({QStringLiteral("init"), QStringLiteral("-q"), QStringLiteral("--bare"),
                     QStringLiteral("-b"), QStringLiteral("main"), server});
            !r.ok()) {
            s.failure = r.describe(QStringLiteral("git init --bare"));
            cleanUp();
            return s;
        }

        LabTextGenerator gen(m_opt.seed + 5);
        double firstPush = NAN, morePush = NAN, importSecs = NAN, noop = NAN;
        int imported = 0, newcomerEntries = -1;
        qint64 importPeakKiB = -1;
        QList<double> noopRuns;
        QStringList trouble; // alarms and quarantined files, whichever sync reported them
        auto collect = [&](const QString &which, const quire::SyncSummary &sum) {
            for (const auto &a : sum.alarms)
                trouble << QStringLiteral("ALARM in %1: %2").arg(which, a);
            for (const auto &q : sum.quarantined)
                trouble << QStringLiteral("QUARANTINED in %1: %2").arg(which, q);
        };
        // Wall time of one call, with what this thread ran and waited for a CPU.
        auto timed = [&](const QString &what, const auto &call) -> double {
            const SchedTimes before = schedTimes();
            const CpuTimes cpuBefore = ownCpuTimes();
            QElapsedTimer t;
            t.start();
            const bool ok = call();
            const double secs = double(t.nsecsElapsed()) / 1e9;
            const SchedTimes after = schedTimes();
            const CpuTimes cpuAfter = ownCpuTimes();
            if (ok && !what.isEmpty())
                s.notes << QStringLiteral("%1: %2 s, CPU %3 s user + %4 s system, %5 s waiting "
                                          "for a CPU that other processes held")
                               .arg(what, number(secs, 2),
                                    number(cpuAfter.user - cpuBefore.user, 2),
                                    number(cpuAfter.system - cpuBefore.system, 2),
                                    number(after.waiting - before.waiting, 2));
            return ok ? secs : NAN;
        };
        {
            progress(QStringLiteral("sync: creating a vault of %1 entries").arg(n));
            auto nb = createVault(vaultDir);
            if (!nb) {
                s.failure = nb.error();
                cleanUp();
                return s;
            }
            Notebook &v = **nb;
            const LabExperiment x = gen.experiment(0);
            auto experiment = v.createExperiment(x.title, x.project, x.tags);
            if (!experiment) {
                s.failure = experiment.error();
                cleanUp();
                return s;
            }
            auto addMany = [&](int count) -> QString {
                for (int done = 0; done < count; done += m_opt.batch) {
                    QList<Notebook::NewEntry> batch;
                    for (int i = done; i < std::min(count, done + m_opt.batch); ++i) {
                        const LabEntry e = gen.entry(1);
                        batch << Notebook::NewEntry{e.title, e.html};
                    }
                    if (auto ids = v.addEntries(*experiment, batch); !ids) return ids.error();
                }
                return {};
            };
            QString failure;
            const double setup = timed({}, [&] { return (failure = addMany(n)).isEmpty(); });
            if (!failure.isEmpty()) {
                s.failure = QStringLiteral("saving the entries failed: %1").arg(failure);
                cleanUp();
                return s;
            }
            s.notes << QStringLiteral("setup (not timed as a result): %1 entries saved with "
                                      "addEntries in batches of %2 in %3 s")
                           .arg(number(n, 0), number(m_opt.batch, 0), number(setup, 1));
            if (auto r = v.setRemote(server, {}, {}, {}, {}); !r) {
                s.failure = QStringLiteral("setRemote: %1").arg(r.error());
                cleanUp();
                return s;
            }
            auto syncOnce = [&](const QString &which, quire::SyncSummary *out = nullptr) {
                auto sum = v.sync();
                if (!sum) {
                    failure = QStringLiteral("%1: %2").arg(which, sum.error());
                    return false;
                }
                collect(which, *sum);
                if (!sum->sent && which != QStringLiteral("no-op sync"))
                    trouble << QStringLiteral("%1 reported that nothing was sent").arg(which);
                if (out) *out = *sum;
                return true;
            };

            progress(QStringLiteral("sync: first push of %1 entries").arg(n));
            firstPush = timed(QStringLiteral("first push"),
                              [&] { return syncOnce(QStringLiteral("first push")); });
            if (std::isnan(firstPush)) {
                s.failure = failure;
                cleanUp();
                return s;
            }
            qint64 serverFiles = 0;
            const qint64 serverBytes = diskUsage(server, &serverFiles);
            s.notes << QStringLiteral("server repository after the first push: %1 MB in %2 files")
                           .arg(number(double(serverBytes) / 1e6, 1),
                                number(double(serverFiles), 0));

            progress(QStringLiteral("sync: adding %1 entries and pushing them").arg(kMore));
            if (const QString f = addMany(kMore); !f.isEmpty()) {
                s.failure = QStringLiteral("saving the 10k entries failed: %1").arg(f);
                cleanUp();
                return s;
            }
            morePush = timed(QStringLiteral("push of 10k"),
                             [&] { return syncOnce(QStringLiteral("push of 10k")); });
            if (std::isnan(morePush)) s.notes << failure;

            progress(QStringLiteral("sync: a newcomer joins and syncs"));
            auto invitation = v.invite();
            if (!invitation) {
                s.notes << QStringLiteral("invite failed: %1").arg(invitation.error());
            } else if (auto joined =
                           Notebook::join(newcomerDir, *invitation, QStringLiteral("Bo Bench"),
                                          QStringLiteral("bo.bench@example.org"), kPassphrase);
                       !joined) {
                s.notes << QStringLiteral("join failed: %1").arg(joined.error());
            } else if (auto approved = v.approve(joined->request, {QStringLiteral("author")});
                       !approved) {
                s.notes << QStringLiteral("approve failed: %1").arg(approved.error());
            } else if (!syncOnce(QStringLiteral("sync after approving"))) {
                s.notes << failure;
            } else {
                // The newcomer's first sync runs as a person would run it: `quire-cli sync` in a
                // process of its own on the newcomer's computer, so that its peak RSS is its own
                // and not this benchmark's (which holds the sharing notebook). Its time includes
                // that process's unlock (scrypt, section 3) and start.
                joined->notebook.reset();
                const ChildRun child = runChild(m_opt.cli,
                                                {QStringLiteral("--vault"), newcomerDir,
                                                 QStringLiteral("sync"), QStringLiteral("--json")},
                                                scratch(), {{"QUIRE_PASSPHRASE", kPassphrase}});
                const QJsonObject got = QJsonDocument::fromJson(child.out).object();
                if (!child.ok() || got.isEmpty()) {
                    s.notes << child.describe(QStringLiteral("the newcomer's quire-cli sync"));
                } else {
                    importSecs = child.seconds;
                    importPeakKiB = child.maxRssKiB;
                    imported = got.value("records_received").toInt();
                    s.notes << QStringLiteral("newcomer's first sync (quire-cli sync, a child "
                                              "process): %1 s, CPU %2 s user + %3 s system")
                                   .arg(number(child.seconds, 2), number(child.userSeconds, 2),
                                        number(child.systemSeconds, 2));
                    if (!got.value("alarms").toArray().isEmpty() ||
                        !got.value("quarantined").toArray().isEmpty())
                        s.notes << QStringLiteral("the newcomer's sync reported alarms or "
                                                  "quarantined files: %1")
                                       .arg(QString::fromUtf8(child.out).left(400));
                    auto reopened = Notebook::open(newcomerDir, kPassphrase);
                    if (!reopened) {
                        s.notes << QStringLiteral("the newcomer's vault does not open after its "
                                                  "sync: %1")
                                       .arg(reopened.error());
                    } else {
                        if (auto xs = (*reopened)->experiments()) {
                            newcomerEntries = 0;
                            for (const auto &e : *xs)
                                newcomerEntries += e.entryCount;
                        }
                        s.notes << QStringLiteral("the newcomer received %1 records and %2 "
                                                  "chunks and sees %3 entries (expected %4); "
                                                  "still joining: %5")
                                       .arg(number(imported, 0),
                                            number(got.value("chunks_received").toInt(), 0),
                                            number(newcomerEntries, 0), number(n + kMore, 0),
                                            (*reopened)->isJoining() ? QStringLiteral("yes")
                                                                     : QStringLiteral("no"));
                    }
                }
            }

            progress(QStringLiteral("sync: %1 syncs with nothing to do").arg(kNoopRuns));
            for (int i = 0; i < kNoopRuns; ++i) {
                // The newcomer's join left records on the server; the first no-op sync may
                // fetch them, so one sync before the timed ones.
                if (i == 0) syncOnce(QStringLiteral("no-op sync"));
                quire::SyncSummary sum;
                const double t =
                    timed({}, [&] { return syncOnce(QStringLiteral("no-op sync"), &sum); });
                if (std::isnan(t)) {
                    s.notes << failure;
                    break;
                }
                if (sum.sent || sum.recordsReceived > 0)
                    trouble << QStringLiteral("no-op sync %1 sent or received something (%2 "
                                              "records received)")
                                   .arg(i + 1)
                                   .arg(sum.recordsReceived);
                noopRuns << t * 1000;
            }
            noop = median(noopRuns);
        }

        // The baseline: the same number of small files through the git CLI.
        double gitFirst = NAN, gitMore = NAN, gitClone = NAN, gitFetch = NAN;
        qint64 gitCloneRssKiB = -1;
        if (m_opt.baseline) {
            progress(QStringLiteral("sync baseline: git with %1 files").arg(n));
            const QString tree = base + QStringLiteral("/git-tree");
            const QString gitServer = base + QStringLiteral("/git-server.git");
            Rng rng(m_opt.seed + 6);
            auto writeFiles = [&](int count) {
                for (int i = 0; i < count; ++i) {
                    QByteArray bytes(1200 + int(rng.below(64)), Qt::Uninitialized);
                    for (qsizetype j = 0; j < bytes.size(); j += 8) {
                        const std::uint64_t r = rng.next();
                        std::memcpy(bytes.data() + j, &r,
                                    size_t(std::min<qsizetype>(8, bytes.size() - j)));
                    }
                    const QString hex = QString::fromLatin1(
                        QCryptographicHash::hash(bytes, QCryptographicHash::Sha256).toHex());
                    const QString dir = tree + QStringLiteral("/r/") + hex.left(2);
                    QDir().mkpath(dir);
                    QFile f(dir + '/' + hex);
                    if (!f.open(QIODevice::WriteOnly) || f.write(bytes) != bytes.size())
                        return false;
                }
                return true;
            };
            const QStringList who{QStringLiteral("-c"), QStringLiteral("user.name=Bench"),
                                  QStringLiteral("-c"), QStringLiteral("user.email=b@example.org")};
            auto inTree = [&](const QStringList &args) {
                return git(QStringList{QStringLiteral("-C"), tree} + who + args);
            };
            // add + commit + push, each a child process; returns the summed wall time.
            auto commitAndPush = [&](const QString &message, QString &why) -> double {
                double total = 0;
                for (const QStringList &args :
                     {QStringList{QStringLiteral("add"), QStringLiteral("-A")},
                      QStringList{QStringLiteral("commit"), QStringLiteral("-q"),
                                  QStringLiteral("-m"), message},
                      QStringList{QStringLiteral("push"), QStringLiteral("-q"),
                                  QStringLiteral("origin"), QStringLiteral("main")}}) {
                    const ChildRun r = inTree(args);
                    if (!r.ok()) {
                        why = r.describe(QStringLiteral("git ") + args.first());
                        return NAN;
                    }
                    total += r.seconds;
                }
                return total;
            };
            QString why;
            if (!git({QStringLiteral("init"), QStringLiteral("-q"), QStringLiteral("--bare"),
                      QStringLiteral("-b"), QStringLiteral("main"), gitServer})
                     .ok() ||
                !git({QStringLiteral("init"), QStringLiteral("-q"), QStringLiteral("-b"),
                      QStringLiteral("main"), tree})
                     .ok() ||
                !inTree({QStringLiteral("remote"), QStringLiteral("add"), QStringLiteral("origin"),
                         gitServer})
                     .ok()) {
                s.notes << QStringLiteral("the git baseline could not set up its repositories");
            } else if (!writeFiles(n)) {
                s.notes << QStringLiteral("the git baseline could not write its files");
            } else {
                gitFirst = commitAndPush(QStringLiteral("first"), why);
                if (!writeFiles(kMore)) {
                    s.notes << QStringLiteral("the git baseline could not write its files");
                } else {
                    progress(QStringLiteral("sync baseline: git add/commit/push of %1 files")
                                 .arg(kMore));
                    gitMore = commitAndPush(QStringLiteral("more"), why);
                }
                if (!why.isEmpty()) s.notes << why;
            }

            progress(QStringLiteral("sync baseline: git clone --bare and git fetch"));
            const QString cloned = base + QStringLiteral("/clone.git");
            if (const ChildRun r =
                    git({QStringLiteral("clone"), QStringLiteral("-q"), QStringLiteral("--bare"),
                         QStringLiteral("--no-local"), server, cloned});
                r.ok()) {
                gitClone = r.seconds;
                gitCloneRssKiB = r.maxRssKiB;
            } else
                s.notes << r.describe(QStringLiteral("git clone --bare"));
            QDir(cloned).removeRecursively();

            const QString fetchClone = base + QStringLiteral("/fetch-clone");
            QList<double> fetches;
            if (const ChildRun r =
                    git({QStringLiteral("clone"), QStringLiteral("-q"), gitServer, fetchClone});
                !r.ok()) {
                s.notes << r.describe(QStringLiteral("git clone"));
            } else {
                for (int i = 0; i < kNoopRuns; ++i) {
                    const ChildRun f = git({QStringLiteral("-C"), fetchClone,
                                            QStringLiteral("fetch"), QStringLiteral("-q")});
                    if (!f.ok()) {
                        s.notes << f.describe(QStringLiteral("git fetch"));
                        break;
                    }
                    fetches << f.seconds * 1000;
                }
                gitFetch = median(fetches);
            }
        }

        const double total = n + kMore;
        s.rows << Row{"sync.first_push",
                      QStringLiteral("first push of %1 records").arg(number(n, 0)),
                      QStringLiteral("records/s"),
                      0,
                      n / firstPush,
                      n / gitFirst,
                      QStringLiteral("git add -A, commit, push of %1 new files").arg(number(n, 0)),
                      {},
                      {}};
        s.rows << Row{"sync.push_10k",
                      QStringLiteral("push of 10k new records"),
                      QStringLiteral("s"),
                      2,
                      morePush,
                      gitMore,
                      QStringLiteral("git add -A, commit, push of 10,000 new files"),
                      {},
                      {}};
        s.rows << Row{
            "sync.first_sync_rate",
            QStringLiteral("newcomer's first sync, rate"),
            QStringLiteral("records/s"),
            0,
            imported > 0 ? imported / importSecs : NAN,
            total / gitClone,
            QStringLiteral("git clone --bare --no-local of the same server repository, as "
                           "%1 entries/s")
                .arg(number(total, 0)),
            QStringLiteral("≥ 0.15×"),
            std::isnan(importSecs) || imported == 0 || std::isnan(gitClone)
                ? std::optional<bool>()
                : std::optional<bool>(imported / importSecs >= 0.15 * total / gitClone)};
        s.rows << Row{"sync.first_sync_peak_rss",
                      QStringLiteral("newcomer's first sync, peak RSS"),
                      QStringLiteral("MB"),
                      0,
                      importPeakKiB >= 0 ? double(importPeakKiB) * 1024 / 1e6 : NAN,
                      gitCloneRssKiB >= 0 ? double(gitCloneRssKiB) * 1024 / 1e6 : NAN,
                      QStringLiteral("peak RSS of that git clone --bare --no-local; Quire's is "
                                     "the quire-cli sync process's"),
                      QStringLiteral("< 400"),
                      importPeakKiB >= 0
                          ? std::optional<bool>(double(importPeakKiB) * 1024 / 1e6 < 400)
                          : std::optional<bool>()};
        s.rows << Row{"sync.first_sync_time",
                      QStringLiteral("newcomer's first sync"),
                      QStringLiteral("s"),
                      2,
                      importSecs,
                      gitClone,
                      QStringLiteral("git clone --bare --no-local of the same server repository"),
                      {},
                      {}};
        s.rows << Row{"sync.noop",
                      QStringLiteral("no-op sync, median of %1").arg(kNoopRuns),
                      QStringLiteral("ms"),
                      1,
                      noop,
                      gitFetch,
                      QStringLiteral("git fetch in an up-to-date clone of the baseline repository, "
                                     "median of %1")
                          .arg(kNoopRuns),
                      QStringLiteral("< 300"),
                      std::isnan(noop) ? std::optional<bool>() : std::optional<bool>(noop < 300)};
        if (!noopRuns.isEmpty())
            s.notes << QStringLiteral("no-op syncs (ms): %1").arg([&] {
                QStringList l;
                for (double t : noopRuns)
                    l << number(t, 1);
                return l.join(QStringLiteral(", "));
            }());
        s.notes << QStringLiteral("git baseline wall times (s): first add/commit/push %1, 10k "
                                  "add/commit/push %2, clone --bare %3")
                       .arg(number(gitFirst, 2), number(gitMore, 2), number(gitClone, 2));
        s.notes << QStringLiteral(
            "the server is a local path: Quire fetches and pushes in-process, git starts "
            "upload-pack/receive-pack; --no-local keeps git clone from hard-linking the objects");
        if (trouble.isEmpty())
            s.notes << QStringLiteral("no sync reported an alarm or a quarantined file");
        else
            s.notes << trouble;
        cleanUp();
        return s;
    }

    // ---- issue 4: electronic signatures, verification, trusted time ----------------------------

    // A few runs of `openssl <args>` as child processes; their wall times (ms), or the reason
    // the first failed.
    QList<double> timeOpenssl(const QStringList &args, int runs, QString &failure,
                              QList<double> *cpuMs = nullptr) {
        QList<double> ms;
        for (int i = 0; i < runs; ++i) {
            const ChildRun r = runChild(QStringLiteral("openssl"), args, scratch());
            if (!r.ok()) {
                failure = r.describe(QStringLiteral("openssl ") + args.first());
                break;
            }
            ms << r.seconds * 1000;
            if (cpuMs) *cpuMs << (r.userSeconds + r.systemSeconds) * 1000;
        }
        return ms;
    }

    static QString msList(const QList<double> &ms, int decimals = 0) {
        QStringList l;
        for (double t : ms)
            l << number(t, decimals);
        return l.join(QStringLiteral(", "));
    }

    // 6: Notebook::sign one entry at a time, in a small notebook. Every signature first checks
    // the passphrase with scrypt (11.200), so scrypt at the vault's own parameters is timed
    // apart in this process, to show what the rest costs.
    Section signLatency() {
        Section s;
        const int n = m_opt.signRuns;
        s.title =
            QStringLiteral("6. Sign: %1 entries signed “authored” one by one (Notebook::sign, "
                           "which checks the passphrase again with scrypt, 11.200)")
                .arg(n);
        const QString loadBefore = loadAverage();
        const QString dir = m_work + QStringLiteral("/sign-vault");
        QList<double> times, kdf, rest, restCpu, signCpuMs, kdfCpuMs;
        QString kdfFailure;
        progress(QStringLiteral("sign: signing %1 entries one by one").arg(n));
        {
            auto nb = createVault(dir);
            if (!nb) {
                s.failure = nb.error();
                return s;
            }
            auto x = (*nb)->createExperiment(QStringLiteral("Signed work"),
                                             QStringLiteral("Signatures"), {});
            if (!x) {
                s.failure = x.error();
                return s;
            }
            LabTextGenerator gen(m_opt.seed + 8);
            QList<Notebook::NewEntry> batch;
            for (int i = 0; i < n; ++i) {
                const LabEntry e = gen.entry(1);
                batch << Notebook::NewEntry{e.title, e.html};
            }
            auto ids = (*nb)->addEntries(*x, batch);
            if (!ids) {
                s.failure = ids.error();
                return s;
            }
            // scrypt as the passphrase check runs it: the vault's parameters and salt, 64
            // bytes. It runs right after each signature, so that both see the same load on a
            // shared machine, and the rest of a signature is taken pair by pair.
            QFile f(dir + QStringLiteral("/vault.json"));
            const QJsonObject o = f.open(QIODevice::ReadOnly)
                                      ? QJsonDocument::fromJson(f.readAll()).object()
                                      : QJsonObject();
            const QJsonObject k = o.value("kdf").toObject();
            const QByteArray salt = QByteArray::fromBase64(k.value("salt").toString().toLatin1());
            const auto kn = std::uint64_t(k.value("n").toInteger());
            const auto kr = std::uint64_t(k.value("r").toInteger());
            const auto kp = std::uint64_t(k.value("p").toInteger());
            s.notes << QStringLiteral("the vault's scrypt: N = %1, r = %2, p = %3")
                           .arg(kn)
                           .arg(kr)
                           .arg(kp);
            if (kn == 0) kdfFailure = QStringLiteral("vault.json names no scrypt parameters");
            int invalid = 0;
            // Wall and CPU milliseconds of one scrypt; NaN when it failed.
            auto scrypt = [&](double &cpuMs) {
                std::array<unsigned char, 64> key{};
                const double cpu = processCpuMs();
                QElapsedTimer t;
                t.start();
                const int ok = EVP_PBE_scrypt(
                    kPassphrase.constData(), size_t(kPassphrase.size()),
                    reinterpret_cast<const unsigned char *>(salt.constData()), size_t(salt.size()),
                    kn, kr, kp, std::uint64_t(512) << 20, key.data(), key.size());
                const double ms = double(t.nsecsElapsed()) / 1e6;
                cpuMs = processCpuMs() - cpu;
                if (ok != 1) kdfFailure = QStringLiteral("EVP_PBE_scrypt failed");
                return ok == 1 ? ms : NAN;
            };
            for (qsizetype i = 0; i < ids->size(); ++i) {
                // Every other pair runs scrypt first, so that a drift in the machine's load
                // does not favour one side.
                const bool kdfFirst = i % 2 == 1 && kdfFailure.isEmpty();
                double kdfCpu = 0;
                double kdfMs = kdfFirst ? scrypt(kdfCpu) : NAN;
                const double cpu = processCpuMs();
                QElapsedTimer t;
                t.start();
                auto sig = (*nb)->sign(ids->at(i), 0, QStringLiteral("authored"), kPassphrase);
                const double ms = double(t.nsecsElapsed()) / 1e6;
                const double signCpu = processCpuMs() - cpu;
                if (!sig) {
                    s.failure = QStringLiteral("signing failed: %1").arg(sig.error());
                    return s;
                }
                if (!sig->valid || !sig->allowed) ++invalid;
                times << ms;
                signCpuMs << signCpu;
                if (!kdfFirst && kdfFailure.isEmpty()) kdfMs = scrypt(kdfCpu);
                if (std::isnan(kdfMs)) continue;
                kdf << kdfMs;
                kdfCpuMs << kdfCpu;
                rest << ms - kdfMs;
                restCpu << signCpu - kdfCpu;
            }
            s.notes << QStringLiteral("each signature (ms): %1").arg(msList(times));
            if (invalid)
                s.notes << QStringLiteral("%1 signatures did not verify or were not allowed")
                               .arg(invalid);
        }
        if (!kdfFailure.isEmpty()) s.notes << kdfFailure;
        s.notes << QStringLiteral("scrypt alone, in this process, beside each signature "
                                  "(ms): %1")
                       .arg(msList(kdf));
        s.notes << QStringLiteral("the rest of each signature, signature − the scrypt beside it "
                                  "(ms): %1")
                       .arg(msList(rest, 1));
        s.notes << QStringLiteral("the same in CPU time (ms): signatures %1; scrypt %2; the rest "
                                  "%3")
                       .arg(msList(signCpuMs), msList(kdfCpuMs), msList(restCpu, 1));
        QDir(dir).removeRecursively();

        QList<double> cms, cmsCpu, kdfCli;
        QString baseFailure;
        double emptyChild = NAN;
        if (m_opt.baseline) {
            progress(QStringLiteral("sign baseline: openssl cms -sign %1 times").arg(n));
            const QString base = m_work + QStringLiteral("/cms-baseline");
            QDir().mkpath(base);
            const QString key = base + QStringLiteral("/key.pem");
            const QString cert = base + QStringLiteral("/cert.pem");
            const QString statement = base + QStringLiteral("/statement.json");
            QFile st(statement);
            if (st.open(QIODevice::WriteOnly))
                st.write(QByteArrayLiteral(
                    "{\"format\":\"quire/1\",\"meaning\":\"authored\",\"printed_name\":\"Ada "
                    "Bench\",\"signed_at\":\"2026-11-24T19:40:00.000Z\",\"signer\":"
                    "\"0b7d4c1e-5f2a-4c3b-9d8e-1a2b3c4d5e6f\",\"target\":"
                    "\"9a1b2c3d4e5f60718293a4b5c6d7e8f9a1b2c3d4e5f60718293a4b5c6d7e8f9\"}"));
            st.close();
            timeOpenssl({QStringLiteral("genpkey"), QStringLiteral("-algorithm"),
                         QStringLiteral("EC"), QStringLiteral("-pkeyopt"),
                         QStringLiteral("ec_paramgen_curve:P-256"), QStringLiteral("-out"), key},
                        1, baseFailure);
            if (baseFailure.isEmpty())
                timeOpenssl({QStringLiteral("req"), QStringLiteral("-x509"), QStringLiteral("-new"),
                             QStringLiteral("-key"), key, QStringLiteral("-subj"),
                             QStringLiteral("/CN=Ada Bench"), QStringLiteral("-days"),
                             QStringLiteral("2"), QStringLiteral("-sha256"), QStringLiteral("-out"),
                             cert},
                            1, baseFailure);
            if (baseFailure.isEmpty())
                cms = timeOpenssl({QStringLiteral("cms"), QStringLiteral("-sign"),
                                   QStringLiteral("-binary"), QStringLiteral("-md"),
                                   QStringLiteral("sha256"), QStringLiteral("-cades"),
                                   QStringLiteral("-in"), statement, QStringLiteral("-signer"),
                                   cert, QStringLiteral("-inkey"), key, QStringLiteral("-outform"),
                                   QStringLiteral("DER"), QStringLiteral("-out"),
                                   base + QStringLiteral("/signature.der")},
                                  n, baseFailure, &cmsCpu);
            if (baseFailure.isEmpty())
                kdfCli = timeOpenssl(
                    {QStringLiteral("kdf"), QStringLiteral("-keylen"), QStringLiteral("64"),
                     QStringLiteral("-kdfopt"), QStringLiteral("pass:x"), QStringLiteral("-kdfopt"),
                     QStringLiteral("hexsalt:5eed5eed5eed5eed5eed5eed5eed5eed"),
                     QStringLiteral("-kdfopt"), QStringLiteral("n:131072"),
                     QStringLiteral("-kdfopt"), QStringLiteral("r:8"), QStringLiteral("-kdfopt"),
                     QStringLiteral("p:1"), QStringLiteral("-kdfopt"),
                     QStringLiteral("maxmem_bytes:%1").arg(qint64(256) << 20),
                     QStringLiteral("SCRYPT")},
                    3, baseFailure);
            QString ignored;
            const QList<double> empty = timeOpenssl({QStringLiteral("version")}, 5, ignored);
            emptyChild = median(empty);
            if (!baseFailure.isEmpty()) s.notes << baseFailure;
            s.notes << QStringLiteral("openssl cms -sign (ms): %1").arg(msList(cms, 1));
            QDir(base).removeRecursively();
        }
        std::sort(times.begin(), times.end());
        QList<double> cmsSorted = cms;
        std::sort(cmsSorted.begin(), cmsSorted.end());
        s.baselineIs = QStringLiteral(
            "`openssl cms -sign -binary -md sha256 -cades` of a statement file with a P-256 key "
            "and certificate made by the openssl CLI; each a child process, so the figure "
            "includes starting openssl (nothing subtracted)");
        s.rows << Row{"sign.median",
                      QStringLiteral("per signature, median"),
                      QStringLiteral("ms"),
                      1,
                      median(times),
                      median(cms),
                      {},
                      {},
                      {}};
        s.rows << Row{"sign.p95",
                      QStringLiteral("per signature, p95"),
                      QStringLiteral("ms"),
                      1,
                      percentile(times, 95),
                      percentile(cmsSorted, 95),
                      {},
                      {},
                      {}};
        s.rows << Row{"sign.scrypt",
                      QStringLiteral("of which scrypt, median"),
                      QStringLiteral("ms"),
                      1,
                      median(kdf),
                      median(kdfCli),
                      QStringLiteral("`openssl kdf … n:131072 r:8 p:1 SCRYPT`, a child process; "
                                     "Quire's figure is EVP_PBE_scrypt with the vault's "
                                     "parameters in this process"),
                      {},
                      {}};
        // The rest is a few ms beside ~450 ms of scrypt, whose own time varies by tens of ms with
        // the memory traffic of other processes: one pair tells little, so the figure is the
        // median of the pairs, with its standard error.
        auto least = [](const QList<double> &v) {
            return v.isEmpty() ? NAN : *std::min_element(v.begin(), v.end());
        };
        auto most = [](const QList<double> &v) {
            return v.isEmpty() ? NAN : *std::max_element(v.begin(), v.end());
        };
        auto medianError = [](const QList<double> &v) {
            if (v.size() < 2) return double(NAN);
            double mean = 0, squares = 0;
            for (double x : v)
                mean += x / double(v.size());
            for (double x : v)
                squares += (x - mean) * (x - mean);
            return 1.2533 * std::sqrt(squares / double(v.size() - 1)) / std::sqrt(double(v.size()));
        };
        s.rows << Row{"sign.without_scrypt",
                      QStringLiteral("rest: sign − scrypt, median of pairs"),
                      QStringLiteral("ms"),
                      1,
                      median(rest),
                      median(cms),
                      QStringLiteral("openssl cms -sign, as above"),
                      {},
                      {}};
        s.rows << Row{"sign.without_scrypt_cpu",
                      QStringLiteral("rest in CPU time, median of pairs"),
                      QStringLiteral("ms"),
                      1,
                      median(restCpu),
                      median(cmsCpu),
                      QStringLiteral("CPU time (user + system) of openssl cms -sign, process start "
                                     "included"),
                      {},
                      {}};
        s.notes << QStringLiteral(
                       "a signature is %1 % scrypt (the passphrase check, median %2 ms of %3 ms); "
                       "the rest is the rules, the statement, CMS signing, sealing and storing "
                       "the record")
                       .arg(number(100 * median(kdf) / median(times), 0), number(median(kdf), 0),
                            number(median(times), 0));
        s.notes << QStringLiteral(
                       "the rest is below the noise of this machine: single pairs range from %1 "
                       "to %2 ms (scrypt's own variation); median %3 ± %4 ms wall, %5 ± %6 ms CPU "
                       "(± one standard error); fastest sign − fastest scrypt %7 ms")
                       .arg(number(least(rest), 0), number(most(rest), 0), number(median(rest), 1),
                            number(medianError(rest), 1), number(median(restCpu), 1),
                            number(medianError(restCpu), 1), number(least(times) - least(kdf), 1));
        if (!std::isnan(emptyChild))
            s.notes << QStringLiteral("an empty child process (openssl version) takes %1 ms of "
                                      "each baseline figure")
                           .arg(number(emptyChild, 1));
        s.notes
            << QStringLiteral("load average %1 before, %2 after").arg(loadBefore, loadAverage());
        return s;
    }

    // 7 and 8: a notebook of N entries with some hundred signatures, verified whole (with and
    // without a verdict per record), then anchored at a local RFC 3161 authority.
    void verifyAndAnchor(Section &v, Section &a) {
        const int n = m_opt.verifyRecords;
        const int wantSigned = std::min(m_opt.verifySignatures, n);
        v.title = QStringLiteral("7. Verify: the whole notebook, %1 entries and %2 signatures "
                                 "(Notebook::verify)")
                      .arg(number(n, 0))
                      .arg(wantSigned);
        a.title = QStringLiteral("8. Trusted time: that notebook anchored at a local RFC 3161 "
                                 "authority (Notebook::anchor, quire-test-tsa)");
        const QString loadStart = loadAverage();
        const bool reuse = !m_vaultDir.isEmpty() && m_opt.entries == n;
        const QString dir = reuse ? m_vaultDir : m_work + QStringLiteral("/verify-vault");
        auto cleanUp = [&] {
            if (!reuse) QDir(dir).removeRecursively();
        };
        const int cores = onlineCpus();

        std::unique_ptr<Notebook> nb;
        QStringList toSign;
        if (reuse) {
            progress(QStringLiteral("verify: reopening the save section's vault"));
            auto opened = Notebook::open(dir, kPassphrase);
            if (!opened) {
                v.failure = a.failure = opened.error();
                return;
            }
            nb = std::move(*opened);
            auto xs = nb->experiments();
            if (!xs) {
                v.failure = a.failure = xs.error();
                return;
            }
            for (const auto &x : *xs) {
                if (toSign.size() >= wantSigned) break;
                auto es = nb->entries(x.uuid);
                if (!es) {
                    v.failure = a.failure = es.error();
                    return;
                }
                for (const auto &e : *es)
                    if (toSign.size() < wantSigned) toSign << e.uuid;
            }
            v.notes << QStringLiteral("the notebook is the save section's vault (%1 entries)")
                           .arg(number(m_opt.entries, 0));
        } else {
            progress(QStringLiteral("verify: creating a vault of %1 entries").arg(n));
            auto created = createVault(dir);
            if (!created) {
                v.failure = a.failure = created.error();
                return;
            }
            nb = std::move(*created);
            LabTextGenerator gen(m_opt.seed + 7);
            QStringList experimentIds;
            for (int i = 0; i < m_opt.experiments; ++i) {
                const LabExperiment x = gen.experiment(i);
                auto id = nb->createExperiment(x.title, x.project, x.tags);
                if (!id) {
                    v.failure = a.failure = id.error();
                    cleanUp();
                    return;
                }
                experimentIds << *id;
            }
            QElapsedTimer t;
            t.start();
            for (int done = 0; done < n; done += m_opt.batch) {
                QList<Notebook::NewEntry> batch;
                for (int i = done; i < std::min(n, done + m_opt.batch); ++i) {
                    const LabEntry e = gen.entry(m_opt.experiments);
                    batch << Notebook::NewEntry{e.title, e.html, experimentIds[e.experiment]};
                }
                auto ids = nb->addEntries(batch);
                if (!ids) {
                    v.failure = a.failure =
                        QStringLiteral("a batch was not saved: %1").arg(ids.error());
                    nb.reset();
                    cleanUp();
                    return;
                }
                for (const auto &id : *ids)
                    if (toSign.size() < wantSigned) toSign << id;
            }
            v.notes << QStringLiteral("setup (not timed as a result): %1 entries in %2 "
                                      "experiments saved with addEntries in batches of %3 in %4 s")
                           .arg(number(n, 0))
                           .arg(m_opt.experiments)
                           .arg(number(m_opt.batch, 0), number(double(t.elapsed()) / 1000, 1));
        }

        // Signatures, so that verifying checks CMS too. Each checks the passphrase (scrypt).
        progress(QStringLiteral("verify: signing %1 entries").arg(toSign.size()));
        QList<double> signMs;
        for (const auto &id : toSign) {
            QElapsedTimer t;
            t.start();
            auto sig = nb->sign(id, 0, QStringLiteral("authored"), kPassphrase);
            if (!sig) {
                v.notes << QStringLiteral("signing stopped after %1: %2")
                               .arg(signMs.size())
                               .arg(sig.error());
                break;
            }
            signMs << double(t.nsecsElapsed()) / 1e6;
        }
        std::sort(signMs.begin(), signMs.end());
        v.notes << QStringLiteral("setup: %1 signatures in this notebook took %2 ms each "
                                  "(median; p95 %3 ms)")
                       .arg(signMs.size())
                       .arg(number(median(signMs), 1), number(percentile(signMs, 95), 1));

        // One verification, timed, with the CPU time of all its threads.
        struct Timed {
            double seconds = NAN;
            double cpu = 0;
            quire::VerifyReport report;
            QString load;
        };
        auto timedVerify = [&](bool perRecord) {
            Timed r;
            const CpuTimes before = ownCpuTimes();
            QElapsedTimer t;
            t.start();
            r.report = nb->verify({}, perRecord);
            r.seconds = double(t.nsecsElapsed()) / 1e9;
            const CpuTimes after = ownCpuTimes();
            r.cpu = after.user - before.user + after.system - before.system;
            r.load = loadAverage();
            return r;
        };
        auto describe = [&](const QString &what, const Timed &r) {
            v.notes << QStringLiteral("%1: %2 records in %3 s, CPU %4 s (%5 of %6 cores busy), "
                                      "%7 records per CPU-second; load average %8 after")
                           .arg(what, number(r.report.records, 0), number(r.seconds, 2),
                                number(r.cpu, 2), number(r.cpu / r.seconds, 2))
                           .arg(cores)
                           .arg(number(r.report.records / r.cpu, 0), r.load);
            if (!r.report.passed())
                v.notes << QStringLiteral("%1 did NOT pass: %2 of %3 records ok; %4")
                               .arg(what)
                               .arg(r.report.recordsOk)
                               .arg(r.report.records)
                               .arg(r.report.problems.mid(0, 3).join(QStringLiteral("; ")));
        };
        // As a person would: unlock, then verify. The second run finds warm caches.
        nb.reset();
        {
            QElapsedTimer t;
            t.start();
            auto reopened = Notebook::open(dir, kPassphrase);
            if (!reopened) {
                v.failure = a.failure = reopened.error();
                cleanUp();
                return;
            }
            nb = std::move(*reopened);
            v.notes << QStringLiteral("unlocked again before verifying (%1 s)")
                           .arg(number(double(t.elapsed()) / 1000, 2));
        }
        progress(QStringLiteral("verify: the whole notebook"));
        const Timed plain = timedVerify(false);
        describe(QStringLiteral("verify({}, false), first after unlocking"), plain);
        progress(QStringLiteral("verify: the whole notebook again"));
        const Timed again = timedVerify(false);
        describe(QStringLiteral("verify({}, false), again"), again);
        progress(QStringLiteral("verify: the whole notebook, a verdict per record"));
        const Timed perRecord = timedVerify(true);
        describe(QStringLiteral("verify({}, true)"), perRecord);
        int signatureRecords = 0, signaturesValid = 0;
        for (const auto &verdict : perRecord.report.recordVerdicts)
            if (verdict.isSignature) {
                ++signatureRecords;
                if (verdict.signature.valid && verdict.signature.allowed) ++signaturesValid;
            }
        v.notes << QStringLiteral("the notebook holds %1 records, %2 of them signatures (%3 "
                                  "verified as valid and allowed)")
                       .arg(number(perRecord.report.records, 0))
                       .arg(signatureRecords)
                       .arg(signaturesValid);

        // 8: anchoring. The authority runs `openssl ts -reply` per request, as a child process.
        progress(QStringLiteral("anchor: starting quire-test-tsa"));
        a.baselineIs =
            QStringLiteral("one `openssl ts -reply` run by the CLI on a query file with the "
                           "authority's own key and configuration: the authority's own cost per "
                           "request (a child process, median of 5)");
        struct Call {
            int records = 0;
            int requests = 0;
            double seconds = NAN;
            int left = -1;
        };
        QList<Call> backlog;
        Call more;
        double afterAnchor = NAN;
        Timed anchoredVerify;
        int pendingBefore = -1;
        const QString tsaDir = m_work + QStringLiteral("/tsa");
        QList<double> tsReply;
        {
            quire::test::TestTsa tsa(tsaDir);
            if (!tsa.ok() || !tsa.start()) {
                a.failure = tsa.error();
            } else if (auto set = nb->setTimestampSettings({{tsa.url()}, tsa.caPem()}); !set) {
                a.failure = set.error();
            } else {
                auto pending = nb->unattestedCount();
                pendingBefore = pending ? *pending : -1;
                auto anchorOnce = [&](Call &c) -> bool {
                    const int requestsBefore = tsa.requestCount();
                    QElapsedTimer t;
                    t.start();
                    auto r = nb->anchor();
                    c.seconds = double(t.nsecsElapsed()) / 1e9;
                    c.requests = tsa.requestCount() - requestsBefore;
                    if (!r) {
                        a.notes << QStringLiteral("anchor() failed: %1").arg(r.error());
                        return false;
                    }
                    c.records = r->records;
                    for (const auto &f : r->failures)
                        a.notes << QStringLiteral("an authority failed: %1").arg(f);
                    auto left = nb->unattestedCount();
                    c.left = left ? *left : -1;
                    return true;
                };
                progress(QStringLiteral("anchor: %1 records waiting").arg(pendingBefore));
                // One call anchors at most what the vault puts into one anchor record; the rest
                // waits for the next call, as it would for the next sync.
                for (int i = 0; i < 10; ++i) {
                    Call c;
                    if (!anchorOnce(c)) break;
                    backlog << c;
                    if (c.records == 0 || c.left == 0) break;
                }
                progress(QStringLiteral("anchor: 1,000 more entries"));
                auto xs = nb->experiments();
                LabTextGenerator gen(m_opt.seed + 9);
                QList<Notebook::NewEntry> batch;
                for (int i = 0; i < 1000; ++i) {
                    const LabEntry e = gen.entry(1);
                    batch << Notebook::NewEntry{
                        e.title, e.html, xs && !xs->isEmpty() ? xs->first().uuid : QString()};
                }
                if (auto ids = nb->addEntries(batch); !ids)
                    a.notes << QStringLiteral("the 1,000 more entries were not saved: %1")
                                   .arg(ids.error());
                else
                    anchorOnce(more);
                progress(QStringLiteral("verify: the whole notebook once more, now anchored"));
                anchoredVerify = timedVerify(false);
                describe(QStringLiteral("verify({}, false) after anchoring (§8)"), anchoredVerify);
                afterAnchor = anchoredVerify.report.records / anchoredVerify.seconds;
            }
            tsa.stop();
            if (m_opt.baseline && tsa.ok()) {
                // A query as Quire sends it: a SHA-256 imprint, a nonce, the certificate asked.
                const QString query = tsa.dir() + QStringLiteral("/bench-query.tsq");
                QString failure;
                timeOpenssl({QStringLiteral("ts"), QStringLiteral("-query"),
                             QStringLiteral("-digest"), QString(64, QChar('a')),
                             QStringLiteral("-sha256"), QStringLiteral("-cert"),
                             QStringLiteral("-out"), query},
                            1, failure);
                if (failure.isEmpty())
                    tsReply = timeOpenssl(
                        {QStringLiteral("ts"), QStringLiteral("-reply"), QStringLiteral("-config"),
                         tsa.dir() + QStringLiteral("/tsa.cnf"), QStringLiteral("-queryfile"),
                         query, QStringLiteral("-inkey"), tsa.dir() + QStringLiteral("/tsa.key"),
                         QStringLiteral("-signer"), tsa.certPemPath(), QStringLiteral("-chain"),
                         tsa.caPemPath(), QStringLiteral("-out"),
                         tsa.dir() + QStringLiteral("/bench-reply.tsr")},
                        5, failure);
                if (!failure.isEmpty()) a.notes << failure;
                a.notes << QStringLiteral("openssl ts -reply (ms): %1").arg(msList(tsReply, 1));
            }
        }
        nb.reset();
        QDir(tsaDir).removeRecursively();
        cleanUp();

        // The baseline of 7: one core's raw ECDSA P-256 verifications.
        double speedVerify = NAN;
        if (m_opt.baseline) {
            progress(QStringLiteral("verify baseline: openssl speed -seconds 3 ecdsap256"));
            const ChildRun r = runChild(QStringLiteral("openssl"),
                                        {QStringLiteral("speed"), QStringLiteral("-seconds"),
                                         QStringLiteral("3"), QStringLiteral("ecdsap256")},
                                        scratch());
            if (!r.ok()) {
                v.notes << r.describe(QStringLiteral("openssl speed"));
            } else {
                for (const auto &line : QString::fromUtf8(r.out).split('\n'))
                    if (line.contains(QStringLiteral("ecdsa (nistp256)"))) {
                        const QStringList f = line.simplified().split(' ');
                        speedVerify = f.isEmpty() ? NAN : f.last().toDouble();
                    }
                // openssl divides by the CPU time it used, not the wall time.
                static const QRegularExpression doing(
                    QStringLiteral("(\\d+) 256 bits ECDSA verify in ([\\d.]+)s"));
                const QRegularExpressionMatch m = doing.match(QString::fromUtf8(r.errText));
                if (m.hasMatch())
                    v.notes << QStringLiteral("openssl speed: %1 verifications in %2 s of CPU "
                                              "time on one core (%3 s of wall time); load "
                                              "average %4 after")
                                   .arg(number(m.captured(1).toDouble(), 0),
                                        number(m.captured(2).toDouble(), 2), QStringLiteral("3"),
                                        loadAverage());
                if (std::isnan(speedVerify))
                    v.notes << QStringLiteral("the verify/s column of openssl speed was not found");
            }
        }
        v.baselineIs =
            QStringLiteral("`openssl speed -seconds 3 ecdsap256`: verify/s of 256-bit ECDSA "
                           "(nistp256) on ONE core, per CPU-second; Quire's verify uses all %1 "
                           "cores and is timed by the wall clock")
                .arg(cores);
        const double rate = plain.report.records / plain.seconds;
        const double rateAgain = again.report.records / again.seconds;
        const double ratePer = perRecord.report.records / perRecord.seconds;
        auto half = [&](double r) {
            return std::isnan(r) || std::isnan(speedVerify)
                       ? std::optional<bool>()
                       : std::optional<bool>(r >= speedVerify / 2);
        };
        v.rows << Row{"verify.rate",
                      QStringLiteral("whole notebook"),
                      QStringLiteral("records/s"),
                      0,
                      rate,
                      speedVerify,
                      {},
                      {},
                      {}};
        v.rows << Row{"verify.rate_again",
                      QStringLiteral("whole notebook, again"),
                      QStringLiteral("records/s"),
                      0,
                      rateAgain,
                      speedVerify,
                      {},
                      {},
                      {}};
        v.rows << Row{"verify.rate_per_record",
                      QStringLiteral("with a verdict per record"),
                      QStringLiteral("records/s"),
                      0,
                      ratePer,
                      speedVerify,
                      {},
                      {},
                      {}};
        v.rows << Row{"verify.percent_of_openssl",
                      QStringLiteral("as % of openssl speed"),
                      QStringLiteral("%"),
                      1,
                      100 * rate / speedVerify,
                      NAN,
                      {},
                      {},
                      {}};
        v.rows << Row{"verify.seconds",
                      QStringLiteral("whole notebook, time"),
                      QStringLiteral("s"),
                      2,
                      plain.seconds,
                      plain.report.records / speedVerify,
                      QStringLiteral("as many ECDSA verifications at openssl speed's rate "
                                     "(one core)"),
                      {},
                      {}};
        v.rows << Row{"verify.per_cpu_second",
                      QStringLiteral("per CPU-second"),
                      QStringLiteral("records/s"),
                      0,
                      plain.report.records / plain.cpu,
                      speedVerify,
                      QStringLiteral("openssl speed, per CPU-second as above: the like-for-like "
                                     "comparison (issue 18: at least half)"),
                      QStringLiteral("≥ 0.50×"),
                      plain.cpu > 0 ? half(plain.report.records / plain.cpu)
                                    : std::optional<bool>()};
        if (!std::isnan(afterAnchor))
            v.rows << Row{"verify.rate_anchored",
                          QStringLiteral("after anchoring (§8)"),
                          QStringLiteral("records/s"),
                          0,
                          afterAnchor,
                          speedVerify,
                          {},
                          {},
                          {}};
        v.notes << QStringLiteral("this machine has %1 cores; openssl speed uses one, Quire's "
                                  "verify uses all of them")
                       .arg(cores);
        // Other processes took CPUs during the wall-clock figures; the per-CPU-second rate does
        // not depend on them, so it gives the idle-machine ceiling.
        if (plain.cpu > 0 && !std::isnan(speedVerify))
            v.notes << QStringLiteral("with all %1 cores to itself, verify could reach about %2 "
                                      "records/s (%1 × its rate per CPU-second) = %3 % of openssl "
                                      "speed: an estimate, not a measurement")
                           .arg(cores)
                           .arg(number(cores * plain.report.records / plain.cpu, 0),
                                number(100 * cores * plain.report.records / plain.cpu / speedVerify,
                                       0));
        v.notes << QStringLiteral("load average %1 at the start of sections 7 and 8, %2 at the end")
                       .arg(loadStart, loadAverage());

        // 8's figures.
        if (!a.failure.isEmpty()) return;
        int totalRecords = 0, totalRequests = 0;
        double totalSeconds = 0;
        for (qsizetype i = 0; i < backlog.size(); ++i) {
            const Call &c = backlog[i];
            totalRecords += c.records;
            totalRequests += c.requests;
            totalSeconds += c.seconds;
            a.notes << QStringLiteral("anchor() call %1: %2 records, %3 TSA request(s), %4 s; %5 "
                                      "records still waiting")
                           .arg(i + 1)
                           .arg(number(c.records, 0))
                           .arg(c.requests)
                           .arg(number(c.seconds, 2), number(c.left, 0));
        }
        a.notes << QStringLiteral("%1 records were waiting before the first call (entries, "
                                  "experiments, signatures, members, audit records); one anchor "
                                  "covers at most 50,000 (Vault::anchorPending), so one anchor() "
                                  "call makes one request and the rest waits for the next call")
                       .arg(number(pendingBefore, 0));
        a.notes << QStringLiteral("1,000 more entries: %1 records, %2 TSA request(s), %3 s")
                       .arg(number(more.records, 0))
                       .arg(more.requests)
                       .arg(number(more.seconds, 2));
        const double reply = median(tsReply) / 1000;
        const Call first = backlog.value(0);
        a.rows << Row{"anchor.first_records",
                      QStringLiteral("first anchor(): records"),
                      QStringLiteral("records"),
                      0,
                      double(first.records),
                      NAN,
                      {},
                      {},
                      {}};
        a.rows << Row{"anchor.first_requests",
                      QStringLiteral("first anchor(): TSA requests"),
                      QStringLiteral("requests"),
                      0,
                      double(first.requests),
                      NAN,
                      {},
                      {},
                      {}};
        a.rows << Row{"anchor.first_seconds",
                      QStringLiteral("first anchor(): time"),
                      QStringLiteral("s"),
                      3,
                      first.seconds,
                      reply,
                      {},
                      {},
                      {}};
        a.rows << Row{"anchor.backlog_calls",
                      QStringLiteral("backlog: anchor() calls"),
                      QStringLiteral("calls"),
                      0,
                      double(backlog.size()),
                      NAN,
                      {},
                      {},
                      {}};
        a.rows << Row{"anchor.backlog_records_per_request",
                      QStringLiteral("backlog: records per request"),
                      QStringLiteral("records"),
                      0,
                      totalRequests ? double(totalRecords) / totalRequests : NAN,
                      NAN,
                      {},
                      {},
                      {}};
        a.rows << Row{"anchor.backlog_rate",
                      QStringLiteral("backlog: anchored"),
                      QStringLiteral("records/s"),
                      0,
                      totalSeconds > 0 ? totalRecords / totalSeconds : NAN,
                      NAN,
                      {},
                      {},
                      {}};
        a.rows << Row{"anchor.more_records",
                      QStringLiteral("+1,000 entries: records"),
                      QStringLiteral("records"),
                      0,
                      double(more.records),
                      NAN,
                      {},
                      {},
                      {}};
        a.rows << Row{"anchor.more_requests",
                      QStringLiteral("+1,000 entries: TSA requests"),
                      QStringLiteral("requests"),
                      0,
                      double(more.requests),
                      NAN,
                      {},
                      {},
                      {}};
        a.rows << Row{"anchor.more_seconds",
                      QStringLiteral("+1,000 entries: time"),
                      QStringLiteral("s"),
                      3,
                      more.seconds,
                      reply,
                      {},
                      {},
                      {}};
    }

    ChildRun git(const QStringList &args) {
        // No user or system configuration, so a reader's ~/.gitconfig cannot change the figures.
        return runChild(QStringLiteral("git"), args, scratch(),
                        {{"GIT_CONFIG_NOSYSTEM", "1"},
                         {"GIT_CONFIG_GLOBAL", "/dev/null"},
                         {"GIT_TERMINAL_PROMPT", "0"}});
    }

    QString gitVersion() {
        const ChildRun r = git({QStringLiteral("--version")});
        return r.ok() ? QString::fromUtf8(r.out).trimmed().section(' ', 2) : QStringLiteral("?");
    }

    Options m_opt;
    QString m_work;
    QString m_vaultDir;
    QString m_sqliteVersion;
    double m_saveRate = NAN;
    double m_bulkRate = NAN;
    double m_meanHtml = 0;
    QStringList m_queries;
    QList<int> m_quireHits;
    QList<double> m_queryLatencies;  // in query order
    QList<double> m_searchLatencies; // sorted
};

} // namespace

int main(int argc, char *argv[]) {
    if (argc > 1 && std::strcmp(argv[1], kMeasureChild) == 0) return measureChild(argc, argv);
    QCoreApplication app(argc, argv);
    QCoreApplication::setApplicationName(QStringLiteral("quire-bench"));
    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral(
        "Measures Quire's bulk save, search, unlock, attach, sync, signing, verification and "
        "trusted time, each beside a plain baseline."));
    parser.addHelpOption();
    const QCommandLineOption entries(QStringLiteral("entries"),
                                     QStringLiteral("Entries to save (100000)."),
                                     QStringLiteral("N"), QStringLiteral("100000"));
    const QCommandLineOption experiments(QStringLiteral("experiments"),
                                         QStringLiteral("Experiments they go into (100)."),
                                         QStringLiteral("N"), QStringLiteral("100"));
    const QCommandLineOption queries(QStringLiteral("queries"),
                                     QStringLiteral("Search queries (300)."), QStringLiteral("N"),
                                     QStringLiteral("300"));
    const QCommandLineOption attachMib(QStringLiteral("attach-mib"),
                                       QStringLiteral("Size of the attached file in MiB (1024)."),
                                       QStringLiteral("N"), QStringLiteral("1024"));
    const QCommandLineOption unlockRuns(QStringLiteral("unlock-runs"),
                                        QStringLiteral("Unlocks to time (5)."), QStringLiteral("N"),
                                        QStringLiteral("5"));
    const QCommandLineOption seed(QStringLiteral("seed"),
                                  QStringLiteral("Seed of the text generator."),
                                  QStringLiteral("N"), QStringLiteral("20261124"));
    const QCommandLineOption only(
        QStringLiteral("only"),
        QStringLiteral("Comma-separated sections: save,search,unlock,attach,sync,sign."),
        QStringLiteral("LIST"));
    const QCommandLineOption noBaseline(QStringLiteral("no-baseline"),
                                        QStringLiteral("Skip the baselines (for profiling)."));
    const QCommandLineOption json(QStringLiteral("json"),
                                  QStringLiteral("Print JSON on stdout instead of the table."));
    const QCommandLineOption jsonFile(QStringLiteral("json-file"),
                                      QStringLiteral("Also write the JSON to this file."),
                                      QStringLiteral("PATH"));
    const QCommandLineOption keep(
        QStringLiteral("keep"), QStringLiteral("Keep the temporary folder (its path is printed)."));
    const QCommandLineOption cli(QStringLiteral("cli"), QStringLiteral("Path of quire-cli."),
                                 QStringLiteral("PATH"));
    const QCommandLineOption singles(QStringLiteral("singles"),
                                     QStringLiteral("Of the entries, how many to save one by one "
                                                    "(10000); the rest go in batches."),
                                     QStringLiteral("N"), QStringLiteral("10000"));
    const QCommandLineOption batchSize(QStringLiteral("batch"),
                                       QStringLiteral("Entries per bulk batch (1000)."),
                                       QStringLiteral("N"), QStringLiteral("1000"));
    const QCommandLineOption syncRecords(
        QStringLiteral("sync-records"),
        QStringLiteral("Entries in the notebook the sync section pushes and shares (100000)."),
        QStringLiteral("N"), QStringLiteral("100000"));
    const QCommandLineOption signRuns(
        QStringLiteral("sign-runs"),
        QStringLiteral("Entries signed one by one for the signing latency (20)."),
        QStringLiteral("N"), QStringLiteral("20"));
    const QCommandLineOption verifyRecords(
        QStringLiteral("verify-records"),
        QStringLiteral("Entries in the notebook that is verified and anchored (100000); the save "
                       "section's vault is reused when it has as many."),
        QStringLiteral("N"), QStringLiteral("100000"));
    const QCommandLineOption verifySignatures(
        QStringLiteral("verify-signatures"),
        QStringLiteral("Entries of that notebook signed before verifying it (200)."),
        QStringLiteral("N"), QStringLiteral("200"));
    parser.addOptions({singles, batchSize, syncRecords, signRuns, verifyRecords, verifySignatures});
    parser.addOptions({entries, experiments, queries, attachMib, unlockRuns, seed, only, noBaseline,
                       json, jsonFile, keep, cli});
    parser.process(app);

    Options opt;
    bool okAll = true;
    auto positive = [&](const QCommandLineOption &o, int &into) {
        bool ok = false;
        const int v = parser.value(o).toInt(&ok);
        if (!ok || v < 1) {
            err() << "quire-bench: --" << o.names().first() << " needs a positive number"
                  << Qt::endl;
            okAll = false;
        } else {
            into = v;
        }
    };
    positive(entries, opt.entries);
    positive(singles, opt.singles);
    positive(batchSize, opt.batch);
    positive(experiments, opt.experiments);
    positive(queries, opt.queries);
    positive(attachMib, opt.attachMib);
    positive(unlockRuns, opt.unlockRuns);
    positive(syncRecords, opt.syncRecords);
    positive(signRuns, opt.signRuns);
    positive(verifyRecords, opt.verifyRecords);
    positive(verifySignatures, opt.verifySignatures);
    opt.seed = parser.value(seed).toULongLong();
    opt.baseline = !parser.isSet(noBaseline);
    for (const auto &s : parser.value(only).split(',', Qt::SkipEmptyParts)) {
        if (!QStringList{"save", "search", "unlock", "attach", "sync", "sign"}.contains(
                s.trimmed())) {
            err() << "quire-bench: unknown section " << s
                  << " (save, search, unlock, attach, sync, sign)" << Qt::endl;
            okAll = false;
        }
        opt.only.insert(s.trimmed());
    }
    if (!okAll) return 2;
#ifdef QUIRE_BENCH_CLI
    const char *cliBuilt = QUIRE_BENCH_CLI;
#else
    const char *cliBuilt = nullptr;
#endif
    opt.cli = parser.isSet(cli)
                  ? parser.value(cli)
                  : locateTool(cliBuilt, QStringLiteral("QUIRE_CLI"), QStringLiteral("quire-cli"));
    opt.sqliteBaseline = locateTool(QUIRE_BENCH_SQLITE, QStringLiteral("QUIRE_BENCH_SQLITE"),
                                    QStringLiteral("quire-bench-sqlite"));
    // TestTsa starts the authority named by QUIRE_TEST_TSA (ctest sets it for the tests).
#ifdef QUIRE_TEST_TSA_PATH
    const char *tsaBuilt = QUIRE_TEST_TSA_PATH;
#else
    const char *tsaBuilt = nullptr;
#endif
    if (qEnvironmentVariableIsEmpty("QUIRE_TEST_TSA"))
        qputenv("QUIRE_TEST_TSA",
                QFile::encodeName(locateTool(tsaBuilt, QStringLiteral("QUIRE_TEST_TSA"),
                                             QStringLiteral("quire-test-tsa"))));

    QTemporaryDir work(QDir::tempPath() + QStringLiteral("/quire-bench-XXXXXX"));
    if (!work.isValid()) {
        err() << "quire-bench: could not make a temporary folder in " << QDir::tempPath() << ": "
              << work.errorString() << Qt::endl;
        return 1;
    }
    work.setAutoRemove(!parser.isSet(keep));
    opt.keep = parser.isSet(keep);
    if (parser.isSet(keep)) progress(QStringLiteral("keeping %1").arg(work.path()));

    const QString cpu =
        readFirstMatch(QStringLiteral("/proc/cpuinfo"), QStringLiteral("model name"));
    const double memGiB =
        readFirstMatch(QStringLiteral("/proc/meminfo"), QStringLiteral("MemTotal"))
            .section(' ', 0, 0)
            .toDouble() /
        1024 / 1024;
    const QString started = QDateTime::currentDateTimeUtc().toString(Qt::ISODate);
#ifdef QUIRE_BENCH_BUILD_TYPE
    const QString buildType = QStringLiteral(QUIRE_BENCH_BUILD_TYPE);
#else
    const QString buildType;
#endif

    const QString loadStart = loadAverage();
    Bench bench(opt, work.path());
    QElapsedTimer wall;
    wall.start();
    const QList<Section> sections = bench.run();

    const QJsonObject machine{{"cpu", cpu},
                              {"nproc", onlineCpus()},
                              {"memory_gib", memGiB},
                              {"kernel", QSysInfo::kernelType() + ' ' + QSysInfo::kernelVersion()},
                              {"os", QSysInfo::prettyProductName()},
                              {"qt", QString::fromLatin1(qVersion())},
                              {"sqlite_baseline", bench.sqliteVersion()},
                              {"build_type", buildType},
                              {"tmpdir", QDir::tempPath()},
                              {"load_average_start", loadStart},
                              {"load_average_end", loadAverage()}};
    const QJsonObject parameters{{"entries", opt.entries},
                                 {"experiments", opt.experiments},
                                 {"queries", opt.queries},
                                 {"search_limit", kSearchLimit},
                                 {"attach_mib", opt.attachMib},
                                 {"unlock_runs", opt.unlockRuns},
                                 {"sync_records", opt.syncRecords},
                                 {"sign_runs", opt.signRuns},
                                 {"verify_records", opt.verifyRecords},
                                 {"verify_signatures", opt.verifySignatures},
                                 {"seed", QString::number(opt.seed)},
                                 {"started_at", started},
                                 {"seconds", double(wall.elapsed()) / 1000}};
    QTextStream out(stdout);
    const QByteArray jsonText =
        QJsonDocument(
            quire::bench::reportJson(QStringLiteral("quire_bench"), machine, parameters, sections))
            .toJson(QJsonDocument::Indented);
    if (parser.isSet(jsonFile)) {
        QFile f(parser.value(jsonFile));
        if (!f.open(QIODevice::WriteOnly) || f.write(jsonText) != jsonText.size())
            err() << "quire-bench: could not write " << f.fileName() << ": " << f.errorString()
                  << Qt::endl;
    }
    if (parser.isSet(json)) {
        out << jsonText;
    } else {
        const QStringList header{
            QStringLiteral("Quire benchmarks, %1 (took %2 s)")
                .arg(started, number(double(wall.elapsed()) / 1000, 0)),
            QStringLiteral("Machine   %1, nproc %2, %3 GiB RAM, %4")
                .arg(cpu)
                .arg(onlineCpus())
                .arg(number(memGiB, 1), machine.value("kernel").toString()),
            QStringLiteral("Build     %1, Qt %2; temporary files in %3")
                .arg(buildType.isEmpty() ? QStringLiteral("unknown build type") : buildType,
                     QString::fromLatin1(qVersion()), QDir::tempPath()),
            QStringLiteral("Load      %1 at the start, %2 at the end (1, 5, 15 min): other work on "
                           "this machine slows every figure, baselines included")
                .arg(loadStart, loadAverage())};
        quire::bench::TableLayout layout;
        layout.label = 44;
        layout.number = 12;
        layout.ratio = 10;
        layout.target = 14;
        layout.footer = QStringLiteral("Q/base = Quire ÷ baseline (for rates below 1 is slower; "
                                       "for times above 1 is slower). MB = 10⁶ bytes.");
        quire::bench::printTable(out, header, sections, layout);
    }
    out.flush();
    for (const auto &s : sections)
        if (!s.failure.isEmpty()) return 1;
    return 0;
}
