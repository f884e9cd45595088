// Canonical JSON against RFC 8785 (its worked examples and number table), against ECMAScript
// itself (node's JSON.stringify), against sha256sum for the bytes that become record ids, and
// the strict parser and FORMAT.md §1 record rules against the inputs they must refuse.

#include "records/CanonicalJson.h"

#include <QCryptographicHash>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QRandomGenerator>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QtTest>

#include <bit>
#include <limits>

using namespace quire;

namespace {

double fromBits(quint64 bits) {
    return std::bit_cast<double>(bits);
}

QByteArray canonical(const QJsonValue &value) {
    auto r = json::canonicalize(value);
    if (!r) qWarning("canonicalize failed: %s", qPrintable(r.error()));
    return r ? *r : QByteArray("<error>");
}

QByteArray canonicalText(const QByteArray &text) {
    auto r = json::canonicalizeText(text);
    if (!r) qWarning("canonicalizeText failed: %s", qPrintable(r.error()));
    return r ? *r : QByteArray("<error>");
}

// The RFC 8785 §3.2.2 input, verbatim (white space and all).
const QByteArray kRfcSampleInput = R"json({
  "numbers": [333333333.33333329, 1E30, 4.50,
              2e-3, 0.000000000000000000000000001],
  "string": "\u20ac$\u000F\u000aA'\u0042\u0022\u005c\\\"\/",
  "literals": [null, true, false]
})json";

// Its canonical form as the RFC prints it; the euro sign is literal UTF-8.
const QByteArray kRfcSampleOutput =
    R"json({"literals":[null,true,false],"numbers":[333333333.3333333,1e+30,4.5,0.002,1e-27],"string":"€$\u000f\nA'B\"\\\\\"/"})json";

const QByteArray kRfcSortingInput = R"json({
  "\u20ac": "Euro Sign",
  "\r": "Carriage Return",
  "\ufb33": "Hebrew Letter Dalet With Dagesh",
  "1": "One",
  "\ud83d\ude00": "Emoji: Grinning Face",
  "\u0080": "Control",
  "\u00f6": "Latin Small Letter O With Diaeresis"
})json";

// RFC 8785 §3.2.3: sorted by UTF-16 code units, so the emoji (D83D DE00) precedes U+FB33.
const QByteArray kRfcSortingOutput = "{\"\\r\":\"Carriage Return\","
                                     "\"1\":\"One\","
                                     "\"\xc2\x80\":\"Control\","
                                     "\"\xc3\xb6\":\"Latin Small Letter O With Diaeresis\","
                                     "\"\xe2\x82\xac\":\"Euro Sign\","
                                     "\"\xf0\x9f\x98\x80\":\"Emoji: Grinning Face\","
                                     "\"\xef\xac\xb3\":\"Hebrew Letter Dalet With Dagesh\"}";

QJsonObject sampleRecord() {
    return QJsonObject{
        {"format", "quire/1"},
        {"type", "entry"},
        {"object", "3f0c5a1e-6f1b-4c9e-9d3a-2b7f0e8c4d11"},
        {"prev", QJsonValue::Null},
        {"seq", 42},
        {"recorded_at", "2026-11-24T19:33:25.123Z"},
        {"body", QJsonObject{{"title", QString::fromUtf8("Café titration — run 2")},
                             {"order", 3},
                             {"tags", QJsonArray{"buffer", "pH", QString::fromUtf8("µg")}},
                             {"html", "<p>50 \"mL\" of\tbuffer\n</p>"}}}};
}

} // namespace

class CanonicalJsonTest : public QObject {
    Q_OBJECT

private slots:
    void rfc8785SampleObjectCanonicalisesToThePublishedBytes() {
        QCOMPARE(canonicalText(kRfcSampleInput), kRfcSampleOutput);
        // The same bytes from a value built by Qt's own parser: both paths agree.
        const QJsonValue viaQt = QJsonDocument::fromJson(kRfcSampleInput).object();
        QCOMPARE(canonical(viaQt), kRfcSampleOutput);
    }

    void rfc8785SortingExampleOrdersKeysByUtf16CodeUnits() {
        QCOMPARE(canonicalText(kRfcSortingInput), kRfcSortingOutput);

        QJsonObject built;
        built.insert(QString(QChar(0x20AC)), "Euro Sign");
        built.insert("\r", "Carriage Return");
        built.insert(QString(QChar(0xFB33)), "Hebrew Letter Dalet With Dagesh");
        built.insert("1", "One");
        built.insert(QString::fromUcs4(U"\U0001F600"), "Emoji: Grinning Face");
        built.insert(QString(QChar(0x80)), "Control");
        built.insert(QString(QChar(0xF6)), "Latin Small Letter O With Diaeresis");
        QCOMPARE(canonical(built), kRfcSortingOutput);
    }

    void numbersFollowRfc8785AppendixB_data() {
        QTest::addColumn<quint64>("bits");
        QTest::addColumn<QByteArray>("expected");
        // RFC 8785 Appendix B, IEEE 754 bit pattern -> canonical text.
        const struct {
            quint64 bits;
            const char *text;
        } rows[] = {
            {0x0000000000000000, "0"},
            {0x8000000000000000, "0"},
            {0x0000000000000001, "5e-324"},
            {0x8000000000000001, "-5e-324"},
            {0x7fefffffffffffff, "1.7976931348623157e+308"},
            {0xffefffffffffffff, "-1.7976931348623157e+308"},
            {0x4340000000000000, "9007199254740992"},
            {0xc340000000000000, "-9007199254740992"},
            {0x4430000000000000, "295147905179352830000"},
            {0x44b52d02c7e14af5, "9.999999999999997e+22"},
            {0x44b52d02c7e14af6, "1e+23"},
            {0x44b52d02c7e14af7, "1.0000000000000001e+23"},
            {0x444b1ae4d6e2ef4e, "999999999999999700000"},
            {0x444b1ae4d6e2ef4f, "999999999999999900000"},
            {0x444b1ae4d6e2ef50, "1e+21"},
            {0x3eb0c6f7a0b5ed8c, "9.999999999999997e-7"},
            {0x3eb0c6f7a0b5ed8d, "0.000001"},
            {0x41b3de4355555553, "333333333.3333332"},
            {0x41b3de4355555554, "333333333.33333325"},
            {0x41b3de4355555555, "333333333.3333333"},
            {0x41b3de4355555556, "333333333.3333334"},
            {0x41b3de4355555557, "333333333.33333343"},
            {0xbecbf647612f3696, "-0.0000033333333333333333"},
            {0x43143ff3c1cb0959, "1424953923781206.2"},
        };
        for (const auto &row : rows)
            QTest::newRow(QByteArray::number(row.bits, 16).constData())
                << row.bits << QByteArray(row.text);
        // ECMAScript's layout boundaries, written as the double literals they are.
        const struct {
            double value;
            const char *text;
        } more[] = {
            {1e21, "1e+21"},       {1e20, "100000000000000000000"},
            {1e-7, "1e-7"},        {1e-6, "0.000001"},
            {4.35, "4.35"},        {0.1, "0.1"},
            {-1.5, "-1.5"},        {123456789012345680000.0, "123456789012345680000"},
            {1.5e300, "1.5e+300"}, {2.5e-300, "2.5e-300"},
            {100, "100"},          {0.5, "0.5"},
        };
        for (const auto &row : more)
            QTest::newRow(row.text) << std::bit_cast<quint64>(row.value) << QByteArray(row.text);
    }
    void numbersFollowRfc8785AppendixB() {
        QFETCH(quint64, bits);
        QFETCH(QByteArray, expected);
        QCOMPARE(canonical(QJsonValue(fromBits(bits))), expected);
        // Reading the canonical text back gives the same text (the parser rounds the same way).
        QCOMPARE(canonicalText(expected), expected);
    }

    void nonFiniteNumbersAreRefused() {
        for (double bad :
             {std::numeric_limits<double>::quiet_NaN(), std::numeric_limits<double>::infinity(),
              -std::numeric_limits<double>::infinity()}) {
            auto r = json::canonicalize(QJsonObject{{"mass", bad}});
            QVERIFY(!r);
            QVERIFY2(r.error().contains("mass") && r.error().contains("not a finite number"),
                     qPrintable(r.error()));
        }
    }

    void integersBeyond2To53PrintExactlyWhenHeldAsQint64() {
        const qint64 big = (qint64(1) << 53) + 1; // not representable as a double
        QCOMPARE(canonical(QJsonValue(big)), QByteArray("9007199254740993"));
        QCOMPARE(canonical(QJsonArray{big, -big}),
                 QByteArray("[9007199254740993,-9007199254740993]"));
        QCOMPARE(canonical(QJsonObject{{"n", std::numeric_limits<qint64>::max()}}),
                 QByteArray(R"({"n":9223372036854775807})"));
        QCOMPARE(canonical(QJsonValue(std::numeric_limits<qint64>::min())),
                 QByteArray("-9223372036854775808"));
        QCOMPARE(canonical(QJsonValue(qint64(-42))), QByteArray("-42"));
    }

    void numbersAgreeWithEcmaScriptJsonStringify() {
        const QString node = QStandardPaths::findExecutable("node");
        if (node.isEmpty()) QSKIP("node is not installed; the RFC table above still applies");
        // Random bit patterns cover every exponent; short decimals cover the fixed-point
        // layouts, where most bugs in hand-written formatting hide.
        QRandomGenerator rng(8785);
        QList<double> values;
        while (values.size() < 6000) {
            const double d = fromBits(rng.generate64());
            if (std::isfinite(d)) values << d;
        }
        for (int i = 0; i < 6000; ++i) {
            const double mantissa = double(rng.bounded(1, 1000000)) * (rng.bounded(2) ? 1 : -1);
            values << mantissa * std::pow(10.0, rng.bounded(-30, 30));
        }
        QByteArray input;
        for (double d : values)
            input += QByteArray::number(std::bit_cast<quint64>(d), 16) + '\n';

        QProcess p;
        p.start(node,
                {"-e", "const dv = new DataView(new ArrayBuffer(8));"
                       "const lines = require('fs').readFileSync(0, 'utf8').trim().split('\\n');"
                       "process.stdout.write(lines.map(h => {"
                       "  dv.setBigUint64(0, BigInt('0x' + h));"
                       "  return JSON.stringify(dv.getFloat64(0)); }).join('\\n'));"});
        QVERIFY(p.waitForStarted());
        p.write(input);
        p.closeWriteChannel();
        QVERIFY(p.waitForFinished(60000));
        QCOMPARE(p.exitCode(), 0);
        const QList<QByteArray> expected = p.readAllStandardOutput().split('\n');
        QCOMPARE(expected.size(), values.size());
        for (qsizetype i = 0; i < values.size(); ++i) {
            const QByteArray ours = canonical(QJsonValue(values[i]));
            if (ours != expected[i])
                QFAIL(qPrintable(QString("bits %1: ours %2, ECMAScript %3")
                                     .arg(std::bit_cast<quint64>(values[i]), 16, 16, QChar('0'))
                                     .arg(QString(ours), QString(expected[i]))));
            QCOMPARE(canonicalText(expected[i]), expected[i]);
        }
    }

    void stringsAreEscapedMinimally() {
        QString all;
        for (char16_t c = 0; c < 0x20; ++c)
            all += QChar(c);
        QByteArray expected = "\"\\u0000\\u0001\\u0002\\u0003\\u0004\\u0005\\u0006\\u0007"
                              "\\b\\t\\n\\u000b\\f\\r\\u000e\\u000f"
                              "\\u0010\\u0011\\u0012\\u0013\\u0014\\u0015\\u0016\\u0017"
                              "\\u0018\\u0019\\u001a\\u001b\\u001c\\u001d\\u001e\\u001f\"";
        QCOMPARE(canonical(all), expected);

        // Quote and backslash escaped; slash, DEL, U+2028, non-ASCII and astral literal UTF-8.
        const QString rest = QString("\"\\/") + QChar(0x7F) + QChar(0x2028) + QChar(0xE9) +
                             QString::fromUcs4(U"\U0001F9EA");
        QCOMPARE(canonical(rest),
                 QByteArray("\"\\\"\\\\/\x7f\xe2\x80\xa8\xc3\xa9\xf0\x9f\xa7\xaa\""));
    }

    void loneSurrogatesInValuesAreRefused() {
        auto high = json::canonicalize(
            QJsonObject{{"body", QJsonObject{{"title", QString("a") + QChar(0xD83D)}}}});
        QVERIFY(!high);
        QVERIFY2(high.error().contains("body.title") && high.error().contains("lone"),
                 qPrintable(high.error()));
        auto low = json::canonicalize(QJsonArray{"ok", QString(QChar(0xDE00)) + "x"});
        QVERIFY(!low);
        QVERIFY2(low.error().contains("[1]") && low.error().contains("U+DE00"),
                 qPrintable(low.error()));
    }

    void canonicalOutputIsAFixedPoint() {
        const QByteArray messy =
            "  {\"z\" : [ 1 , 2.50 , -0 , 1E2 , \"\\u00e9\\/\" ] ,\r\n"
            "\t\"a\" : { \"y\":true , \"b\" : null } , \"m\":\"\\ud83e\\uddea\"}\n";
        const QByteArray once = canonicalText(messy);
        QCOMPARE(once, QByteArray("{\"a\":{\"b\":null,\"y\":true},\"m\":\"\xf0\x9f\xa7\xaa\","
                                  "\"z\":[1,2.5,0,100,\"\xc3\xa9/\"]}"));
        QCOMPARE(canonicalText(once), once);
        QCOMPARE(canonicalText(kRfcSampleOutput), kRfcSampleOutput);
        QCOMPARE(canonicalText(kRfcSortingOutput), kRfcSortingOutput);
        const QByteArray record = canonical(sampleRecord());
        QCOMPARE(canonicalText(record), record);
        auto parsed = json::parseObject(record);
        QVERIFY2(parsed, qPrintable(parsed.error()));
        QCOMPARE(canonical(*parsed), record);
    }

    void parsedValuesMatchBetweenTextAndObjectPaths() {
        // JCS reads numbers as doubles: 2^53 + 1 becomes 2^53 on both paths alike.
        const QByteArray text =
            R"({"big":9007199254740993,"seq":9007199254740992,"neg":-7,"f":1.0})";
        auto object = json::parseObject(text);
        QVERIFY2(object, qPrintable(object.error()));
        QCOMPARE(object->value("seq").toInteger(), qint64(1) << 53);
        QCOMPARE(object->value("neg").toInteger(), qint64(-7));
        const QByteArray expected =
            R"({"big":9007199254740992,"f":1,"neg":-7,"seq":9007199254740992})";
        QCOMPARE(canonical(*object), expected);
        QCOMPARE(canonicalText(text), expected);
        // Small integers come back as exact integers, not via double.
        auto seq = json::parseObject(R"({"seq":9007199254740991})");
        QVERIFY(seq);
        QCOMPARE(seq->value("seq").toInteger(), (qint64(1) << 53) - 1);
        QCOMPARE(seq->value("seq").toVariant().typeId(), int(QMetaType::LongLong));
    }

    void malformedTextIsRefusedWithItsPosition_data() {
        QTest::addColumn<QByteArray>("text");
        QTest::addColumn<QString>("message");
        QTest::newRow("duplicate key")
            << QByteArray(R"({"a":1,"b":{"x":1,"x":2}})") << R"(duplicate key "x" at byte 18)";
        QTest::newRow("duplicate after unescaping")
            << QByteArray(R"({"a":1,"\u0061":2})") << R"(duplicate key "a" at byte 7)";
        QTest::newRow("trailing value") << QByteArray(R"({"a":1} {})")
                                        << "unexpected character '{' after the end of the JSON "
                                           "value at byte 8";
        QTest::newRow("trailing garbage")
            << QByteArray("[1]x") << "after the end of the JSON value at byte 3";
        QTest::newRow("trailing NUL") << QByteArray("[1]\0", 4) << "byte 0x00 after the end";
        QTest::newRow("byte order mark") << QByteArray("\xef\xbb\xbf{}") << "byte order mark";
        QTest::newRow("empty") << QByteArray()
                               << "unexpected end of text (expected a value) at byte 0";
        QTest::newRow("only space") << QByteArray(" \n") << "unexpected end of text";
        QTest::newRow("invalid UTF-8 byte")
            << QByteArray("[\"a\xff\"]")
            << "invalid UTF-8 (byte 0xff cannot start a character) at byte 3";
        QTest::newRow("overlong UTF-8") << QByteArray("\"\xc0\xaf\"") << "invalid UTF-8";
        QTest::newRow("overlong 3-byte") << QByteArray("\"\xe0\x80\xaf\"") << "invalid UTF-8";
        QTest::newRow("UTF-8 surrogate")
            << QByteArray("\"\xed\xa0\x80\"")
            << "invalid UTF-8 (bad, overlong or surrogate sequence) at byte 1";
        QTest::newRow("beyond U+10FFFF") << QByteArray("\"\xf4\x90\x80\x80\"") << "invalid UTF-8";
        QTest::newRow("cut-off UTF-8")
            << QByteArray("\"\xe2\x82") << "invalid UTF-8 (a character is cut off) at byte 1";
        QTest::newRow("UTF-8 outside a string")
            << QByteArray("[\xc3\xa9]") << "unexpected byte 0xc3 (expected a value) at byte 1";
        QTest::newRow("lone high escape")
            << QByteArray(R"(["\ud800"])")
            << R"(lone surrogate escape \ud800 (a high surrogate not followed by a low one) at byte 2)";
        QTest::newRow("high then BMP")
            << QByteArray(R"("\ud83d\u0041")") << "lone surrogate escape \\ud83d";
        QTest::newRow("lone low escape")
            << QByteArray(R"({"k":"x\udc00"})")
            << R"(lone surrogate escape \udc00 (a low surrogate without a high one before it) at byte 7)";
        QTest::newRow("leading zero")
            << QByteArray("[01]") << "number with a leading zero at byte 1";
        QTest::newRow("negative leading zero")
            << QByteArray("-012") << "number with a leading zero at byte 0";
        QTest::newRow("trailing comma")
            << QByteArray("[1,]") << "unexpected character ']' (expected a value) at byte 3";
        QTest::newRow("trailing comma in object")
            << QByteArray(R"({"a":1,})") << "expected a member name in double quotes) at byte 7";
        QTest::newRow("single quotes")
            << QByteArray("{'a':1}") << "unexpected character ''' (expected a member name";
        QTest::newRow("missing colon")
            << QByteArray(R"({"a" 1})") << "(expected ':' after the member name) at byte 5";
        QTest::newRow("unterminated string")
            << QByteArray("{\"a\":\"bc") << "unterminated string starting at byte 5";
        QTest::newRow("raw newline in string")
            << QByteArray("\"a\nb\"") << "unescaped control character 0x0a in a string at byte 2";
        QTest::newRow("bad escape")
            << QByteArray(R"("\x41")") << "invalid escape sequence at byte 1";
        QTest::newRow("short unicode escape")
            << QByteArray(R"("\u12")") << "four hex digits at byte 1";
        QTest::newRow("fraction without digits")
            << QByteArray("1.") << "expected a digit after '.'";
        QTest::newRow("bare fraction") << QByteArray(".5") << "unexpected character '.'";
        QTest::newRow("plus sign") << QByteArray("+1") << "unexpected character '+'";
        QTest::newRow("exponent without digits") << QByteArray("1e+") << "a digit in the exponent";
        QTest::newRow("NaN") << QByteArray("NaN") << "unexpected character 'N'";
        QTest::newRow("Infinity") << QByteArray("[-Infinity]") << "expected a digit) at byte 2";
        QTest::newRow("too large")
            << QByteArray("[1e400]") << "number too large for a double at byte 1";
        QTest::newRow("misspelt literal")
            << QByteArray("[tru]") << "unexpected character 't' (expected a value) at byte 1";
        QTest::newRow("unclosed array")
            << QByteArray("[1,2") << "unexpected end of text (expected ',' or ']') at byte 4";
        QTest::newRow("unclosed object")
            << QByteArray(R"({"a":[]  )") << "(expected ',' or '}') at byte 9";
    }
    void malformedTextIsRefusedWithItsPosition() {
        QFETCH(QByteArray, text);
        QFETCH(QString, message);
        auto r = json::canonicalizeText(text);
        QVERIFY2(!r, r ? r->constData() : "");
        QVERIFY2(r.error().contains(message), qPrintable(r.error()));
        // parseObject shares the parser, so it refuses the same text the same way.
        auto o = json::parseObject(text);
        QVERIFY(!o);
        QCOMPARE(o.error(), r.error());
    }

    void tinyNumbersUnderflowToZeroAsInEcmaScript() {
        QCOMPARE(canonicalText("[1e-400,-1e-400,0.0e999999]"), QByteArray("[0,0,0]"));
    }

    void nestingIsLimitedTo256Levels() {
        const QByteArray ok = QByteArray(256, '[') + QByteArray(256, ']');
        QCOMPARE(canonicalText(ok), ok);

        auto deep = json::canonicalizeText(QByteArray(257, '[') + QByteArray(257, ']'));
        QVERIFY(!deep);
        QCOMPARE(deep.error(), QString("the JSON is nested deeper than 256 levels at byte 256"));

        // Far deeper than any stack would survive with naive recursion.
        QByteArray hostile;
        for (int i = 0; i < 200000; ++i)
            hostile += "{\"a\":";
        auto huge = json::parseObject(hostile);
        QVERIFY(!huge);
        QVERIFY2(huge.error().contains("nested deeper than 256"), qPrintable(huge.error()));
    }

    void parseObjectRequiresAnObjectAndKeepsValues() {
        auto array = json::parseObject("[1,2]");
        QVERIFY(!array);
        QCOMPARE(array.error(), QString("the JSON text is not an object at the top level"));

        auto o = json::parseObject("{\"title\":\"Caf\xc3\xa9\",\"n\":-3,\"nested\":{\"list\":[true,"
                                   "null,\"\\ud83d\\ude00\"]}}");
        QVERIFY2(o, qPrintable(o.error()));
        QCOMPARE(o->value("title").toString(), QString::fromUtf8("Café"));
        QCOMPARE(o->value("n").toInteger(), qint64(-3));
        const QJsonArray list = o->value("nested").toObject().value("list").toArray();
        QCOMPARE(list.size(), 3);
        QCOMPARE(list.at(0).toBool(), true);
        QVERIFY(list.at(1).isNull());
        QCOMPARE(list.at(2).toString(), QString::fromUcs4(U"\U0001F600"));
    }

    void undefinedValuesAreNotSilentlyWrittenAsNull() {
        auto r = json::canonicalize(QJsonObject().value("record"));
        QVERIFY(!r);
        QVERIFY2(r.error().contains("undefined"), qPrintable(r.error()));
    }

    void wellFormedRecordPassesTheRecordRules() {
        auto r = json::checkRecordRules(sampleRecord());
        QVERIFY2(r, qPrintable(r.error()));
        QJsonObject edge{{"max", (qint64(1) << 53) - 1},
                         {"min", -((qint64(1) << 53) - 1)},
                         {"whole_double", 3.0},
                         {"nfc", QString::fromUtf8("\xc3\xa9")},
                         {"a_1", QJsonArray{}}};
        auto e = json::checkRecordRules(edge);
        QVERIFY2(e, qPrintable(e.error()));
    }

    void recordRulesNameTheOffendingPath_data() {
        QTest::addColumn<QJsonObject>("record");
        QTest::addColumn<QString>("message");
        auto withBody = [](const QJsonObject &body) {
            QJsonObject r = sampleRecord();
            r.insert("body", body);
            return r;
        };
        QTest::newRow("float") << withBody({{"mass", 0.5}})
                               << "body.mass is not an integer (records hold no fractions: use a "
                                  "string with the unit or integer micro-units)";
        QTest::newRow("2^53 as integer")
            << withBody({{"size", qint64(1) << 53}})
            << "body.size is 9007199254740992, outside the exact integer range |n| < 2^53";
        QTest::newRow("-2^53 as integer")
            << withBody({{"size", -(qint64(1) << 53)}}) << "body.size is -9007199254740992";
        QTest::newRow("2^53 as double")
            << withBody({{"size", 9007199254740992.0}}) << "body.size is 9007199254740992, outside";
        QTest::newRow("NaN") << withBody({{"mass", std::numeric_limits<double>::quiet_NaN()}})
                             << "body.mass is not an integer";
        QTest::newRow("not NFC") << withBody({{"tags",
                                               QJsonArray{"a", "b", QString("e") + QChar(0x0301)}}})
                                 << "body.tags[2] is not in Unicode NFC";
        QTest::newRow("not NFC top level")
            << QJsonObject{{"title", QString::fromUtf8("\xe2\x84\xab")}} // ANGSTROM SIGN
            << "title is not in Unicode NFC";
        QTest::newRow("lone surrogate")
            << withBody({{"title", QString(QChar(0xD800))}}) << "body.title is not valid Unicode";
        QTest::newRow("uppercase key")
            << withBody({{"Mass", 1}}) << R"(key "Mass" in body is not ASCII [a-z0-9_])";
        QTest::newRow("hyphen key top level")
            << QJsonObject{{"recorded-at", 1}} << R"(key "recorded-at" at the top level)";
        QTest::newRow("non-ASCII key")
            << withBody({{QString::fromUtf8("m\xc3\xa4ss"), 1}}) << "is not ASCII [a-z0-9_]";
        QTest::newRow("empty key") << withBody({{"", 1}}) << R"(key "" in body)";
        QTest::newRow("deep path")
            << withBody({{"source", QJsonObject{{"items", QJsonArray{QJsonObject{{"n", 1}},
                                                                     QJsonObject{{"n", 2.25}}}}}}})
            << "body.source.items[1].n is not an integer";
        // An array in an array, built step by step: QJsonArray{QJsonArray{…}} is a copy for
        // clang and a nesting for GCC.
        QJsonArray row;
        row.append(QJsonObject{{"Bad", 1}});
        QJsonArray rows;
        rows.append(row);
        QTest::newRow("key deep in array")
            << withBody({{"rows", rows}}) << R"(key "Bad" in body.rows[0][0] is not ASCII)";
    }
    void recordRulesNameTheOffendingPath() {
        QFETCH(QJsonObject, record);
        QFETCH(QString, message);
        auto r = json::checkRecordRules(record);
        QVERIFY(!r);
        QVERIFY2(r.error().startsWith(message) || r.error().contains(message),
                 qPrintable(r.error()));
    }

    void canonicalBytesHashTheSameWithSha256sum() {
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        for (const QByteArray &bytes : {canonical(sampleRecord()), kRfcSampleOutput}) {
            const QString path = dir.filePath("record.json");
            QFile f(path);
            QVERIFY(f.open(QIODevice::WriteOnly | QIODevice::Truncate));
            QCOMPARE(f.write(bytes), bytes.size());
            f.close();
            QProcess p;
            p.start("sha256sum", {path});
            QVERIFY(p.waitForFinished(30000));
            QCOMPARE(p.exitCode(), 0);
            const QByteArray theirs = p.readAllStandardOutput().left(64);
            QCOMPARE(QCryptographicHash::hash(bytes, QCryptographicHash::Sha256).toHex(), theirs);
        }
    }
};

QTEST_GUILESS_MAIN(CanonicalJsonTest)
#include "tst_canonical_json.moc"
