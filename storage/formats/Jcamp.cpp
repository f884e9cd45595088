#include "formats/Jcamp.h"

#include "formats/JcampTables.h"
#include "formats/TextInput.h"

#include <algorithm>
#include <cmath>
#include <deque>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>

#include <QCoreApplication>

namespace quire::formats {

using namespace detail;

namespace {

// At most this many points in one file (all series together): 256 MiB of doubles per axis.
constexpr std::size_t kMaxPoints = std::size_t(1) << 25;

std::string_view withoutComment(std::string_view text) {
    const auto comment = text.find("$$");
    return comment == std::string_view::npos ? text : text.substr(0, comment);
}

// Labels compare as JCAMP-DX 4.24 says: upper case, spaces, dashes, slashes and underscores
// ignored ("##SPECTROMETER/DATA SYSTEM" is SPECTROMETERDATASYSTEM, "##VAR_NAME" is VARNAME).
std::string normalizedLabel(std::string_view label) {
    std::string out;
    out.reserve(label.size());
    for (char c : label) {
        if (c == ' ' || c == '\t' || c == '-' || c == '/' || c == '_') continue;
        out.push_back(c >= 'a' && c <= 'z' ? char(c - 'a' + 'A') : c);
    }
    return out;
}

// One labelled data record: "##LABEL= value" and the lines up to the next record.
struct Record {
    std::string_view label; // as written, trimmed
    std::string key;        // normalised
    std::string_view value; // the rest of the label's line, comment removed, trimmed
    std::string_view body;  // the following lines (data, or a value's continuation)
    int line = 0;
};

std::vector<Record> splitRecords(std::string_view text) {
    std::vector<Record> records;
    LineReader reader(text);
    std::string_view line;
    std::size_t bodyStart = 0;
    while (true) {
        const std::size_t lineStart = reader.offset();
        if (!reader.next(line)) break;
        std::size_t i = 0;
        while (i < line.size() && (line[i] == ' ' || line[i] == '\t'))
            ++i;
        if (line.size() < i + 2 || line[i] != '#' || line[i + 1] != '#') continue;
        if (!records.empty()) records.back().body = text.substr(bodyStart, lineStart - bodyStart);
        const std::string_view content = line.substr(i + 2);
        const auto equals = content.find('=');
        Record record;
        record.label = trimmed(withoutComment(content.substr(0, equals)));
        record.key = normalizedLabel(record.label);
        if (equals != std::string_view::npos)
            record.value = trimmed(withoutComment(content.substr(equals + 1)));
        record.line = reader.lineNumber();
        records.push_back(std::move(record));
        bodyStart = reader.offset();
    }
    if (!records.empty()) records.back().body = text.substr(bodyStart);
    return records;
}

// A record's whole value: its first line and its continuation lines, comments removed.
std::string fullValue(const Record &record) {
    std::string out(record.value);
    LineReader lines(record.body);
    std::string_view line;
    while (lines.next(line)) {
        const auto text = trimmed(withoutComment(line));
        if (text.empty()) continue;
        if (!out.empty()) out.push_back('\n');
        out.append(text);
    }
    return out;
}

std::optional<double> leadingNumber(std::string_view text) {
    text = trimmed(text);
    std::size_t pos = 0;
    double value;
    if (scanNumber(text, pos, value)) return value;
    return std::nullopt;
}

// The comma-separated lists of NTUPLES (##SYMBOL= X, R, I, N).
std::vector<std::string> splitList(std::string_view text) {
    std::vector<std::string> items;
    std::size_t start = 0;
    while (true) {
        const auto comma = text.find(',', start);
        const auto item = trimmed(
            text.substr(start, comma == std::string_view::npos ? text.npos : comma - start));
        items.emplace_back(item);
        if (comma == std::string_view::npos) break;
        start = comma + 1;
    }
    return items;
}

// The NTUPLES lists. A page starts as a copy of the header's lists and may replace some; the
// lists are shared, not copied, so that many pages of a long list cost nothing each.
template <typename T> using SharedList = std::shared_ptr<const std::vector<T>>;
using Numbers = std::vector<std::optional<double>>;

struct NtupleData {
    SharedList<std::string> varName, varType, units;
    SharedList<std::optional<double>> varDim, first, last, factor;
    SharedList<std::string> symbol;
    // Upper-case symbol -> its column, for the symbols of a table's variable list.
    std::shared_ptr<const std::unordered_map<std::string, int>> symbolIndex;
};
// One pointer per block and page (blocks are many in some files; most have no NTUPLES).
using NtupleLists = std::shared_ptr<const NtupleData>;
const NtupleData kNoLists;

constexpr std::size_t kLongestSymbol = 16;

struct Block {
    int number = 0;
    int parent = -1;
    int children = 0;
    QString title;
    QString dataType;
    QString xUnits, yUnits;
    std::optional<double> xFactor, yFactor, firstX, lastX, deltaX, nPoints, firstY;
    std::optional<double> observeFrequency, brukerOffset, declaredBlocks;
    std::string shiftReference;
    bool bruker = false;
    bool ntuples = false;
    NtupleLists header, page;
    bool inPage = false;
    QString pageLabel;
    std::optional<double> pageNPoints;
    int seriesCount = 0;
};

// What one variable of a table needs: its factor, the declared first/last values and point
// count, its units and name.
struct Axis {
    QString symbol;
    QString name;
    QString units;
    double factor = 1;
    std::optional<double> first, last, delta, count;
    bool dependent = true;
};

std::optional<double> at(const SharedList<std::optional<double>> &list, int i) {
    return list && i >= 0 && std::size_t(i) < list->size() ? (*list)[std::size_t(i)] : std::nullopt;
}

std::string textAt(const SharedList<std::string> &list, int i) {
    return list && i >= 0 && std::size_t(i) < list->size() ? (*list)[std::size_t(i)]
                                                           : std::string();
}

std::string upperAscii(std::string_view text) {
    std::string out(text);
    for (char &c : out)
        if (c >= 'a' && c <= 'z') c = char(c - 'a' + 'A');
    return out;
}

using SymbolIndex = std::unordered_map<std::string, int>;

// A table's variable list: "(X++(Y..Y))" (increment form: the abscissa is counted) or
// "(XY..XY)", "(XYW..XYW)" (group form: every value written).
struct VarList {
    bool increment = false;
    std::vector<std::string> symbols; // increment form: {abscissa, ordinate}
    std::string form;                 // what follows in a DATA TABLE: XYDATA, PEAKS, PROFILE
};

std::optional<VarList> parseVarList(std::string_view text, const SymbolIndex *known) {
    const auto open = text.find('(');
    if (open == std::string_view::npos) return std::nullopt;
    int depth = 0;
    std::size_t close = std::string_view::npos;
    for (std::size_t i = open; i < text.size(); ++i) {
        if (text[i] == '(') ++depth;
        if (text[i] == ')' && --depth == 0) {
            close = i;
            break;
        }
    }
    if (close == std::string_view::npos) return std::nullopt;
    std::string inner;
    for (char c : text.substr(open + 1, close - open - 1))
        if (c != ' ' && c != '\t') inner.push_back(c >= 'a' && c <= 'z' ? char(c - 'a' + 'A') : c);
    VarList list;
    std::string rest;
    for (char c : text.substr(close + 1))
        if (c != ' ' && c != '\t' && c != ',')
            rest.push_back(c >= 'a' && c <= 'z' ? char(c - 'a' + 'A') : c);
    list.form = rest;

    const auto plus = inner.find("++(");
    if (plus != std::string::npos) {
        // X++(Y..Y)
        const std::string abscissa = inner.substr(0, plus);
        const std::string tail = inner.substr(plus + 3);
        const auto dots = tail.find("..");
        if (abscissa.empty() || dots == std::string::npos || dots == 0) return std::nullopt;
        const std::string ordinate = tail.substr(0, dots);
        if (tail.substr(dots + 2) != ordinate + ")") return std::nullopt;
        list.increment = true;
        list.symbols = {abscissa, ordinate};
        return list;
    }
    const auto dots = inner.find("..");
    if (dots == std::string::npos || dots == 0) return std::nullopt;
    const std::string group = inner.substr(0, dots);
    if (inner.substr(dots + 2) != group) return std::nullopt;
    // Symbols may be longer than one letter (F1, F2) where NTUPLES names them: match the
    // longest known symbol first, else one letter each.
    std::size_t i = 0;
    while (i < group.size()) {
        std::size_t best = 1;
        if (known) {
            for (std::size_t length = std::min(kLongestSymbol, group.size() - i); length > 1;
                 --length)
                if (known->count(group.substr(i, length))) {
                    best = length;
                    break;
                }
        }
        list.symbols.push_back(group.substr(i, best));
        i += best;
    }
    if (list.symbols.size() < 2) return std::nullopt;
    return list;
}

QString upper(const QString &text) {
    return text.trimmed().toUpper();
}

// Text from the file as it appears in a message: a line at most.
QString brief(const QString &text) {
    return text.size() > 80 ? text.left(77) + QStringLiteral("...") : text;
}

// Friendly names and units for the axis units the standard and vendors write.
void nameAxis(const QString &units, QString &name, QString &unit, bool &reversed) {
    const QString u = upper(units);
    if (u == "PPM") {
        name = QStringLiteral("Chemical shift");
        unit = QStringLiteral("ppm");
        reversed = true;
    } else if (u == "1/CM" || u == "CM-1" || u == "CM^-1" || u == "WAVENUMBERS" ||
               u == "1/CENTIMETERS") {
        name = QStringLiteral("Wavenumber");
        unit = QStringLiteral("1/cm");
        reversed = true;
    } else if (u == "NANOMETERS" || u == "NM") {
        name = QStringLiteral("Wavelength");
        unit = QStringLiteral("nm");
    } else if (u == "MICROMETERS" || u == "UM" || u == "MICRONS") {
        name = QStringLiteral("Wavelength");
        unit = QStringLiteral("µm");
    } else if (u == "HZ") {
        name = QStringLiteral("Frequency");
        unit = QStringLiteral("Hz");
    } else if (u == "SECONDS" || u == "S" || u == "SEC") {
        name = QStringLiteral("Time");
        unit = QStringLiteral("s");
    } else if (u == "MINUTES" || u == "MIN") {
        name = QStringLiteral("Time");
        unit = QStringLiteral("min");
    } else if (u == "M/Z") {
        name = QStringLiteral("m/z");
        unit.clear();
    } else {
        unit = units.trimmed();
    }
}

void nameOrdinate(const QString &units, QString &name, QString &unit) {
    const QString u = upper(units);
    static const std::pair<const char *, const char *> known[] = {
        {"ABSORBANCE", "Absorbance"},     {"TRANSMITTANCE", "Transmittance"},
        {"REFLECTANCE", "Reflectance"},   {"RELATIVE ABUNDANCE", "Relative abundance"},
        {"ARBITRARY UNITS", "Intensity"}, {"COUNTS", "Counts"},
        {"KUBELKA-MUNK", "Kubelka-Munk"}, {"LOG(1/R)", "log(1/R)"},
        {"ABUNDANCE", "Abundance"},       {"INTENSITY", "Intensity"}};
    for (const auto &[written, friendly] : known) {
        if (u == QLatin1String(written)) {
            if (name.isEmpty()) name = QString::fromUtf8(friendly);
            unit = u == "ARBITRARY UNITS" ? QStringLiteral("arbitrary units") : QString();
            return;
        }
    }
    unit = units.trimmed();
}

class Reader {
public:
    Reader(std::string_view text, bool utf8)
        : m_text(text)
        , m_utf8(utf8) {
        m_budget.left = std::min(kMaxPoints, text.size() * 256 + (std::size_t(1) << 20));
    }

    Result<Dataset> read();

private:
    QString str(std::string_view text) const { return decode(text, m_utf8); }
    QString str(const std::string &text) const { return decode(text, m_utf8); }
    Status handle(const Record &record);
    Status setNumber(Block &block, const Record &record, std::optional<double> &target,
                     bool isFactor);
    Status readTable(Block &block, const Record &record);
    Result<Axis> axisFor(const Block &block, const std::string &symbol, bool abscissa) const;
    Status readIncrement(Block &block, const Record &record, const Axis &xAxis, const Axis &yAxis,
                         SeriesKind kind);
    Status readGroups(Block &block, const Record &record, const VarList &list, SeriesKind kind);
    void finish(Block &block, Series &series, const Axis &xAxis, const Axis &yAxis);
    QString context(const Block &block, const Record &record) const;
    void summarize();
    void addField(const Record &record, const QString &value, int block) {
        m_dataset.metadata.append(Field{str(record.label), value, block});
        m_keys.push_back(record.key);
    }

    std::string_view m_text;
    bool m_utf8;
    Dataset m_dataset;
    std::deque<Block> m_blocks; // a deque: blocks are large, and a file may have 10^5 of them
    std::vector<int> m_open;
    PointBudget m_budget;
    bool m_strayWarned = false;
    std::vector<std::string> m_keys; // the normalised label of each metadata field
};

QString Reader::context(const Block &block, const Record &record) const {
    QString where =
        QStringLiteral("##%1 at line %2").arg(brief(str(record.label))).arg(record.line);
    if (m_blocks.size() > 1 || !block.title.isEmpty())
        where = QStringLiteral("block %1 (\"%2\"), %3")
                    .arg(block.number + 1)
                    .arg(brief(block.title), where);
    return where;
}

Status Reader::setNumber(Block &block, const Record &record, std::optional<double> &target,
                         bool isFactor) {
    const auto value = leadingNumber(record.value);
    if (!value || !std::isfinite(*value)) {
        if (isFactor)
            return fail(QCoreApplication::translate("quire::storage", "%1: \"%2\" is not a number")
                            .arg(context(block, record), brief(str(record.value))));
        m_dataset.warnings << QStringLiteral("%1: \"%2\" is not a number; it was ignored")
                                  .arg(context(block, record), brief(str(record.value)));
        return {};
    }
    if (isFactor && *value == 0)
        return fail(QCoreApplication::translate("quire::storage",
                                                "%1: a factor of 0 would make every value 0")
                        .arg(context(block, record)));
    target = value;
    return {};
}

Status Reader::handle(const Record &record) {
    const std::string &key = record.key;
    if (key.empty()) return {};
    if (key == "TITLE") {
        const int parent = m_open.empty() ? -1 : m_open.back();
        if (parent >= 0) ++m_blocks[std::size_t(parent)].children;
        Block &block = m_blocks.emplace_back();
        block.number = int(m_blocks.size()) - 1;
        block.parent = parent;
        block.title = str(fullValue(record)).simplified();
        m_open.push_back(block.number);
        addField(record, block.title, block.number);
        return {};
    }
    if (m_open.empty()) {
        // Text after the last ##END= (a second ##END=, trailing notes): not part of any block.
        if (key != "END" && !m_strayWarned) {
            m_strayWarned = true;
            m_dataset.warnings << QStringLiteral("records after the last ##END= (from line %1) "
                                                 "belong to no block and were ignored")
                                      .arg(record.line);
        }
        return {};
    }
    Block &block = m_blocks[std::size_t(m_open.back())];
    if (key == "END") {
        m_open.pop_back();
        return {};
    }
    if (key == "XYDATA" || key == "XYPOINTS" || key == "PEAKTABLE" || key == "DATATABLE") {
        addField(record, str(record.value), block.number);
        return readTable(block, record);
    }
    const std::string value = fullValue(record);
    addField(record, str(value), block.number);

    if (key == "DATATYPE")
        block.dataType = str(value).trimmed();
    else if (key == "ORIGIN")
        block.bruker = block.bruker || str(value).contains("Bruker", Qt::CaseInsensitive);
    else if (key == "XUNITS")
        block.xUnits = str(value).trimmed();
    else if (key == "YUNITS")
        block.yUnits = str(value).trimmed();
    else if (key == "XFACTOR")
        return setNumber(block, record, block.xFactor, true);
    else if (key == "YFACTOR")
        return setNumber(block, record, block.yFactor, true);
    else if (key == "FIRSTX")
        return setNumber(block, record, block.firstX, false);
    else if (key == "LASTX")
        return setNumber(block, record, block.lastX, false);
    else if (key == "DELTAX")
        return setNumber(block, record, block.deltaX, false);
    else if (key == "FIRSTY")
        return setNumber(block, record, block.firstY, false);
    else if (key == "NPOINTS")
        return setNumber(block, record, block.inPage ? block.pageNPoints : block.nPoints, false);
    else if (key == ".OBSERVEFREQUENCY")
        return setNumber(block, record, block.observeFrequency, false);
    else if (key == "$OFFSET")
        return setNumber(block, record, block.brukerOffset, false);
    else if (key == "BLOCKS")
        return setNumber(block, record, block.declaredBlocks, false);
    else if (key == ".SHIFTREFERENCE")
        block.shiftReference = value;
    else if (key.rfind("$", 0) == 0 && key.size() > 1)
        block.bruker = block.bruker || key == "$BF1" || key == "$SFO1";
    else if (key == "NTUPLES") {
        block.ntuples = true;
        block.header = {};
        block.inPage = false;
    } else if (key == "ENDNTUPLES") {
        block.ntuples = false;
        block.inPage = false;
    } else if (key == "PAGE") {
        block.inPage = true;
        block.page = block.header;
        block.pageLabel = str(value).simplified();
        block.pageNPoints.reset();
    } else if (key == "VARNAME" || key == "SYMBOL" || key == "VARTYPE" || key == "UNITS" ||
               key == "VARDIM" || key == "FIRST" || key == "LAST" || key == "FACTOR") {
        // These lists exist only in NTUPLES; some writers leave out the ##NTUPLES= record
        // itself (an nD block that starts with ##SYMBOL=).
        block.ntuples = true;
        NtupleLists &slot = block.inPage ? block.page : block.header;
        auto changed = std::make_shared<NtupleData>(slot ? *slot : kNoLists);
        NtupleData &lists = *changed;
        auto texts = [&] {
            return std::make_shared<const std::vector<std::string>>(splitList(value));
        };
        auto numbers = [&] {
            Numbers list;
            for (const auto &item : splitList(value))
                list.push_back(leadingNumber(item));
            return std::make_shared<const Numbers>(std::move(list));
        };
        if (key == "VARNAME") {
            lists.varName = texts();
        } else if (key == "SYMBOL") {
            lists.symbol = texts();
            auto index = std::make_shared<SymbolIndex>();
            for (std::size_t i = 0; i < lists.symbol->size(); ++i)
                index->try_emplace(upperAscii((*lists.symbol)[i]), int(i));
            lists.symbolIndex = std::move(index);
        } else if (key == "VARTYPE") {
            lists.varType = texts();
        } else if (key == "UNITS") {
            lists.units = texts();
        } else if (key == "VARDIM") {
            lists.varDim = numbers();
        } else if (key == "FIRST") {
            lists.first = numbers();
        } else if (key == "LAST") {
            lists.last = numbers();
        } else if (key == "FACTOR") {
            lists.factor = numbers();
        }
        slot = std::move(changed);
        if (!block.inPage && key != "PAGE") {
            // Header lists set after a page began (not in the standard) still reach later pages.
            block.page = block.header;
        }
    }
    return {};
}

Result<Axis> Reader::axisFor(const Block &block, const std::string &symbol, bool abscissa) const {
    Axis axis;
    axis.symbol = str(symbol);
    axis.dependent = !abscissa;
    const NtupleLists &shared = block.inPage ? block.page : block.header;
    const NtupleData &lists = shared ? *shared : kNoLists;
    if (block.ntuples && lists.symbolIndex && !lists.symbolIndex->empty()) {
        const auto found = lists.symbolIndex->find(upperAscii(symbol));
        const int index = found == lists.symbolIndex->end() ? -1 : found->second;
        if (index < 0)
            return fail(QCoreApplication::translate(
                            "quire::storage",
                            "the table uses the variable %1, which ##SYMBOL= does not list")
                            .arg(axis.symbol));
        axis.name = str(textAt(lists.varName, index)).trimmed();
        axis.units = str(textAt(lists.units, index)).trimmed();
        if (auto f = at(lists.factor, index)) axis.factor = *f;
        axis.first = at(lists.first, index);
        axis.last = at(lists.last, index);
        axis.count = abscissa && block.pageNPoints ? block.pageNPoints : at(lists.varDim, index);
        if (!abscissa && block.pageNPoints) axis.count = block.pageNPoints;
        const QString type = upper(str(textAt(lists.varType, index)));
        if (!type.isEmpty()) axis.dependent = type == "DEPENDENT";
        if (axis.factor == 0 || !std::isfinite(axis.factor))
            return fail(QCoreApplication::translate("quire::storage",
                                                    "##FACTOR= for %1 is 0 or not a number")
                            .arg(axis.symbol));
        return axis;
    }
    if (abscissa) {
        axis.units = block.xUnits;
        axis.factor = block.xFactor.value_or(1);
        axis.first = block.firstX;
        axis.last = block.lastX;
        axis.delta = block.deltaX;
        axis.count = block.nPoints;
    } else {
        axis.units = block.yUnits;
        axis.factor = block.yFactor.value_or(1);
        axis.first = block.firstY;
        axis.count = block.nPoints;
    }
    return axis;
}

Status Reader::readTable(Block &block, const Record &record) {
    const NtupleLists &shared = block.inPage ? block.page : block.header;
    const auto &known = (shared ? *shared : kNoLists).symbolIndex;
    const auto list = parseVarList(record.value, block.ntuples ? known.get() : nullptr);
    if (!list) {
        m_dataset.warnings << QStringLiteral(
                                  "%1: the table form \"%2\" is not one Quire reads; it was "
                                  "left out")
                                  .arg(context(block, record), brief(str(record.value)));
        return {};
    }
    SeriesKind kind = record.key == "PEAKTABLE" ? SeriesKind::Peaks : SeriesKind::Continuous;
    if (record.key == "DATATABLE") {
        if (list->form.find("PEAK") != std::string::npos)
            kind = SeriesKind::Peaks;
        else if (!list->increment && list->form.empty())
            kind = SeriesKind::Peaks;
    }
    Status status;
    if (list->increment) {
        auto xAxis = axisFor(block, list->symbols[0], true);
        if (!xAxis)
            return fail(QCoreApplication::translate("quire::storage", "%1: %2")
                            .arg(context(block, record), xAxis.error()));
        auto yAxis = axisFor(block, list->symbols[1], false);
        if (!yAxis)
            return fail(QCoreApplication::translate("quire::storage", "%1: %2")
                            .arg(context(block, record), yAxis.error()));
        status = readIncrement(block, record, *xAxis, *yAxis, kind);
    } else {
        status = readGroups(block, record, *list, kind);
    }
    if (!status)
        return fail(QCoreApplication::translate("quire::storage", "%1: %2")
                        .arg(context(block, record), status.error()));
    return {};
}

Status Reader::readIncrement(Block &block, const Record &record, const Axis &xAxis,
                             const Axis &yAxis, SeriesKind kind) {
    std::size_t expected = 0;
    if (xAxis.count && *xAxis.count > 0 && *xAxis.count < double(kMaxPoints))
        expected = std::size_t(*xAxis.count);
    auto table = decodeAsdf(record.body, record.line + 1, expected, m_budget);
    if (!table) return table.failure();
    auto &y = table->y;
    const std::size_t n = y.size();
    if (n == 0) return fail(QCoreApplication::translate("quire::storage", "the table has no data"));
    const QString countLabel = block.ntuples
                                   ? QStringLiteral("##VAR_DIM= (or the page's ##NPOINTS=)")
                                   : QStringLiteral("##NPOINTS=");
    if (xAxis.count && *xAxis.count != double(n))
        return fail(
            QCoreApplication::translate("quire::storage", "the table has %1 points, but %2 says %3")
                .arg(n)
                .arg(countLabel)
                .arg(*xAxis.count, 0, 'g', 12));

    // The x values: FIRSTX, then steps of (LASTX - FIRSTX) / (n - 1). DELTAX is rounded in
    // many files (and of the wrong sign in some), so it is the fallback.
    const auto &lines = table->lines;
    const double first = xAxis.first ? *xAxis.first : lines.front().x * xAxis.factor;
    double delta = 0;
    if (n >= 2 && xAxis.last) {
        delta = (*xAxis.last - first) / double(n - 1);
        if (xAxis.delta && std::fabs(*xAxis.delta - delta) > 1e-3 * std::fabs(delta))
            m_dataset.warnings << QStringLiteral(
                                      "%1: ##DELTAX= %2 disagrees with ##FIRSTX=, ##LASTX= and "
                                      "the point count, which give %3; the x values follow "
                                      "FIRSTX and LASTX")
                                      .arg(context(block, record))
                                      .arg(*xAxis.delta, 0, 'g', 10)
                                      .arg(delta, 0, 'g', 10);
    } else if (n >= 2 && xAxis.delta) {
        delta = *xAxis.delta;
    } else if (n >= 2 && lines.size() >= 2 && lines[1].index > lines[0].index) {
        delta = (lines[1].x - lines[0].x) * xAxis.factor / double(lines[1].index - lines[0].index);
    } else if (n >= 2) {
        return fail(QCoreApplication::translate(
            "quire::storage",
            "the x spacing cannot be known: there is no ##LASTX= and no ##DELTAX="));
    }
    if (!std::isfinite(first) || !std::isfinite(delta))
        return fail(
            QCoreApplication::translate("quire::storage", "the x values are not finite numbers"));

    // Abscissa check: the X value that starts each line, counted in steps from the first line,
    // must land on the point that line starts with.
    if (delta != 0 && lines.size() >= 2) {
        const double step = delta / xAxis.factor;
        int bad = 0;
        const AsdfLine *firstBad = nullptr;
        for (std::size_t k = 1; k < lines.size(); ++k) {
            const double counted = double(lines[k].index) - double(lines[0].index);
            const double written = (lines[k].x - lines[0].x) / step;
            if (!(std::fabs(written - counted) < 0.5)) {
                if (!firstBad) firstBad = &lines[k];
                ++bad;
            }
        }
        if (firstBad)
            m_dataset.warnings << QStringLiteral(
                                      "%1: abscissa check: the X value %2 at the start of "
                                      "line %3 does not match the %4 points before it (%5 "
                                      "lines disagree)")
                                      .arg(context(block, record))
                                      .arg(firstBad->x, 0, 'g', 12)
                                      .arg(firstBad->lineNumber)
                                      .arg(firstBad->index)
                                      .arg(bad);
    }
    for (auto &value : y)
        value *= yAxis.factor;
    if (!block.ntuples && yAxis.first) {
        const double tolerance = std::max(1e-6 * std::fabs(*yAxis.first), std::fabs(yAxis.factor));
        if (!(std::fabs(y.front() - *yAxis.first) <= tolerance))
            m_dataset.warnings << QStringLiteral(
                                      "%1: the first y value is %2, but ##FIRSTY= says %3")
                                      .arg(context(block, record))
                                      .arg(y.front(), 0, 'g', 12)
                                      .arg(*yAxis.first, 0, 'g', 12);
    }
    Series series;
    series.kind = kind;
    series.y = std::move(y);
    reserveValues(series.x, n);
    for (std::size_t i = 0; i < n; ++i)
        series.x.push_back(first + double(i) * delta);
    finish(block, series, xAxis, yAxis);
    return {};
}

Status Reader::readGroups(Block &block, const Record &record, const VarList &list,
                          SeriesKind kind) {
    auto columns = decodeGroups(record.body, record.line + 1, int(list.symbols.size()), m_budget,
                                m_dataset.warnings);
    if (!columns) return columns.failure();
    auto xAxis = axisFor(block, list.symbols[0], true);
    if (!xAxis) return xAxis.failure();
    std::vector<double> &x = (*columns)[0];
    for (auto &value : x)
        value *= xAxis->factor;
    if (x.empty())
        return fail(QCoreApplication::translate("quire::storage", "the table has no data"));
    if (xAxis->count && *xAxis->count != double(x.size()))
        m_dataset.warnings << QStringLiteral("%1: the table has %2 rows, but %3 says %4")
                                  .arg(context(block, record))
                                  .arg(x.size())
                                  .arg(block.ntuples ? QStringLiteral("##VAR_DIM=")
                                                     : QStringLiteral("##NPOINTS="))
                                  .arg(*xAxis->count, 0, 'g', 12);
    // In a plain block only Y is a series (W is a peak width, M a multiplicity); in NTUPLES
    // every dependent variable is.
    bool any = false;
    for (std::size_t c = 1; c < list.symbols.size(); ++c) {
        if (!block.ntuples && list.symbols[c] != "Y") continue;
        auto yAxis = axisFor(block, list.symbols[c], false);
        if (!yAxis) return yAxis.failure();
        if (block.ntuples && !yAxis->dependent) continue;
        Series series;
        series.kind = kind;
        series.x = x;
        series.y = std::move((*columns)[c]);
        for (auto &value : series.y)
            value *= yAxis->factor;
        finish(block, series, *xAxis, *yAxis);
        any = true;
    }
    if (!any)
        return fail(QCoreApplication::translate("quire::storage", "the table has no Y variable"));
    return {};
}

void Reader::finish(Block &block, Series &series, const Axis &xAxis, const Axis &yAxis) {
    // NMR: Hz over the observe frequency in MHz is ppm (Davies & Lampen 1993).
    QString xUnits = xAxis.units;
    bool ppmFromHz = false;
    if (upper(xUnits) == "HZ" && block.observeFrequency && *block.observeFrequency > 0) {
        for (auto &value : series.x)
            value /= *block.observeFrequency;
        xUnits = QStringLiteral("PPM");
        ppmFromHz = true;
    }
    if (ppmFromHz && !series.x.empty()) {
        // ##.SHIFT REFERENCE= (INTERNAL, TMS, 1, 0.00): point 1 (from 1) is at 0.00 ppm.
        bool referenced = false;
        if (!block.shiftReference.empty()) {
            std::string text = block.shiftReference;
            std::replace(text.begin(), text.end(), '(', ' ');
            std::replace(text.begin(), text.end(), ')', ' ');
            const auto items = splitList(text);
            const auto point = items.size() >= 4 ? leadingNumber(items[2]) : std::nullopt;
            const auto shift = items.size() >= 4 ? leadingNumber(items[3]) : std::nullopt;
            if (point && shift && *point >= 1 && *point <= double(series.x.size())) {
                const double offset = *shift - series.x[std::size_t(*point) - 1];
                for (auto &value : series.x)
                    value += offset;
                referenced = true;
            } else {
                m_dataset.warnings
                    << QStringLiteral("##.SHIFT REFERENCE= \"%1\" names no data point "
                                      "of the spectrum; the scale is left unreferenced")
                           .arg(brief(str(block.shiftReference)));
            }
        }
        // Bruker's writers (XWIN-NMR, TopSpin) give the Hz axis from an arbitrary origin and
        // the shift of the first point in their own ##$OFFSET= (ppm).
        if (!referenced && block.bruker && block.brukerOffset) {
            const double offset = *block.brukerOffset - series.x.front();
            for (auto &value : series.x)
                value += offset;
        }
    }
    nameAxis(xUnits, series.xName, series.xUnit, series.xReversed);
    if (block.ntuples && !xAxis.name.isEmpty() && !ppmFromHz && series.xName.isEmpty())
        series.xName = xAxis.name;
    if (block.ntuples) series.yName = yAxis.name;
    nameOrdinate(yAxis.units, series.yName, series.yUnit);
    if (block.ntuples) {
        series.name = yAxis.name.isEmpty() ? yAxis.symbol : yAxis.name;
        if (!block.pageLabel.isEmpty()) series.name += QStringLiteral(" (%1)").arg(block.pageLabel);
    } else {
        series.name =
            block.title.isEmpty() ? QStringLiteral("Block %1").arg(block.number + 1) : block.title;
    }
    series.block = block.number;
    ++block.seriesCount;
    m_dataset.series.push_back(std::move(series));
}

void Reader::summarize() {
    QList<Field> summary;
    auto add = [&](const char *key, const QString &value) {
        if (!value.trimmed().isEmpty())
            summary.append(Field{QString::fromLatin1(key), value.trimmed(), -1});
    };
    auto firstOf = [&](std::initializer_list<const char *> labels, bool skipLink = false) {
        for (const char *label : labels)
            for (qsizetype i = 0; i < m_dataset.metadata.size(); ++i) {
                const Field &field = m_dataset.metadata[i];
                if (m_keys[std::size_t(i)] != label) continue;
                if (field.value.trimmed().isEmpty()) continue;
                if (skipLink && upper(field.value) == "LINK") continue;
                return field.value;
            }
        return QString();
    };
    add(key::title, firstOf({"TITLE"}));
    add(key::origin, firstOf({"ORIGIN"}));
    add(key::owner, firstOf({"OWNER"}));
    add(key::dataType, firstOf({"DATATYPE"}, true));
    add(key::instrument, firstOf({"SPECTROMETERDATASYSTEM", "INSTRUMENTNAME", "INSTRUMENT"}));
    add(key::sample, firstOf({"SAMPLEDESCRIPTION", "NAMES", "CASNAME", "MOLFORM"}));
    if (!m_dataset.series.empty()) {
        const Series &s = m_dataset.series.front();
        add(key::xUnits, s.xUnit.isEmpty() ? s.xName : s.xUnit);
        add(key::yUnits, s.yUnit.isEmpty() ? s.yName : s.yUnit);
    }
    QString date = firstOf({"LONGDATE"});
    if (date.isEmpty()) {
        date = firstOf({"DATE"});
        const QString time = firstOf({"TIME"});
        if (!date.isEmpty() && !time.isEmpty()) date += QLatin1Char(' ') + time;
    }
    add(key::date, date);
    m_dataset.metadata = summary + m_dataset.metadata;
}

Result<Dataset> Reader::read() {
    const auto records = splitRecords(m_text);
    auto title = std::find_if(records.begin(), records.end(),
                              [](const Record &r) { return r.key == "TITLE"; });
    if (title == records.end())
        return fail(QCoreApplication::translate(
            "quire::storage", "a JCAMP-DX file starts with ##TITLE=, and this one has none"));
    for (auto it = title; it != records.end(); ++it)
        if (auto status = handle(*it); !status) return status.failure();
    if (!m_open.empty())
        m_dataset.warnings << QStringLiteral(
                                  "the file ends inside block %1 (\"%2\"): its ##END= is missing")
                                  .arg(m_open.back() + 1)
                                  .arg(brief(m_blocks[std::size_t(m_open.back())].title));
    for (const auto &block : m_blocks)
        if (block.declaredBlocks && *block.declaredBlocks != double(block.children))
            m_dataset.warnings
                << QStringLiteral(
                       "block \"%1\" says it links ##BLOCKS= %2 blocks, but %3 follow in it")
                       .arg(brief(block.title))
                       .arg(*block.declaredBlocks, 0, 'g', 6)
                       .arg(block.children);
    if (m_dataset.series.empty())
        return fail(QCoreApplication::translate(
            "quire::storage", "the file has no data table Quire can read (##XYDATA=, ##XYPOINTS=, "
                              "##PEAK TABLE= or ##DATA TABLE=)"));
    m_dataset.blockCount = int(std::count_if(m_blocks.begin(), m_blocks.end(),
                                             [](const Block &b) { return b.seriesCount > 0; }));
    QString version;
    for (const auto &record : records)
        if (record.key == "JCAMPDX") {
            version = str(record.value).simplified();
            break;
        }
    m_dataset.format =
        version.isEmpty() ? QStringLiteral("JCAMP-DX") : QStringLiteral("JCAMP-DX %1").arg(version);
    summarize();
    return std::move(m_dataset);
}

} // namespace

bool looksLikeJcamp(const QByteArray &bytes) {
    std::string_view text(bytes.constData(), std::size_t(bytes.size()));
    if (text.substr(0, 3) == "\xEF\xBB\xBF") text.remove_prefix(3);
    LineReader lines(text.substr(0, 64 * 1024));
    std::string_view line;
    while (lines.next(line)) {
        const auto t = trimmed(line);
        if (t.empty() || t.substr(0, 2) == "$$") continue;
        if (t.substr(0, 2) != "##") return false;
        const auto equals = t.find('=');
        return equals != std::string_view::npos &&
               normalizedLabel(withoutComment(t.substr(2, equals - 2))).size() > 0;
    }
    return false;
}

Result<Dataset> readJcamp(const QByteArray &bytes) {
    std::string_view text(bytes.constData(), std::size_t(bytes.size()));
    if (text.substr(0, 3) == "\xEF\xBB\xBF") text.remove_prefix(3);
    Reader reader(text, isValidUtf8(text));
    return reader.read();
}

} // namespace quire::formats
