// html::sanitize against FORMAT.md §6: hostile markup comes out inert, the allowed subset
// comes out unchanged, and every output is a fixed point (sanitising it again changes nothing,
// also after Unicode normalisation), because verify re-sanitises stored entries.

#include "html/HtmlSanitizer.h"
#include "Scaling.h"

#include <QRandomGenerator>
#include <QRegularExpression>
#include <QtTest>

using namespace quire;

namespace {

const QString kId =
    QStringLiteral("0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef");
const QString kOtherId =
    QStringLiteral("fedcba9876543210fedcba9876543210fedcba9876543210fedcba9876543210");

// Every tag in `html` is one FORMAT.md §6 allows, with allowed attributes and URL schemes.
// (Text cannot hide a tag: its '<' is always escaped.)
QString forbiddenMarkup(const QString &html) {
    static const QRegularExpression tag(QStringLiteral("<[^>]*>"));
    static const QRegularExpression allowed(QStringLiteral(
        R"re(^<(/?)(p|br|h[1-4]|strong|em|u|s|sub|sup|code|pre|blockquote|ul|ol|li|table|thead|)re"
        R"re(tbody|tr|th|td|hr|figure|figcaption|a|img|span)((?: [a-z-]+="[^"<>]*")*)>$)re"));
    static const QRegularExpression attribute(QStringLiteral(R"re( ([a-z-]+)="([^"]*)")re"));
    static const QRegularExpression scheme(QStringLiteral("^(?i:https?:|mailto:|quire:)"));
    static const QRegularExpression attachment(QStringLiteral("^quire-attachment:[0-9a-f]{64}$"));
    static const QRegularExpression number(QStringLiteral("^[1-9][0-9]*$"));
    for (auto it = tag.globalMatch(html); it.hasNext();) {
        const QString found = it.next().captured();
        const auto shape = allowed.match(found);
        if (!shape.hasMatch()) return found;
        const QString element = shape.captured(2);
        for (auto a = attribute.globalMatch(shape.captured(3)); a.hasNext();) {
            const auto match = a.next();
            const QString name = match.captured(1);
            const QString value = match.captured(2);
            bool ok = false;
            if (element == u"a")
                ok = name == u"href" && scheme.match(value).hasMatch();
            else if (element == u"img")
                ok = name == u"alt" || (name == u"src" && attachment.match(value).hasMatch()) ||
                     ((name == u"width" || name == u"height") && number.match(value).hasMatch());
            else if (element == u"td" || element == u"th")
                ok = (name == u"colspan" || name == u"rowspan") && number.match(value).hasMatch();
            else if (element == u"span")
                ok = (name == u"class" && value == u"math") || name == u"data-tex";
            else if (element == u"ul")
                ok = name == u"class" && value == u"checklist";
            else if (element == u"li")
                ok = name == u"data-checked" && (value == u"true" || value == u"false");
            if (!ok) return found;
        }
    }
    return {};
}

// Sanitises and checks that the result is stable, both as is and after the NFC normalisation
// the notebook applies before storing, and holds only allowed markup. Every test input goes
// through here.
QString sanitized(const QString &input) {
    const QString out = html::sanitize(input);
    const QString again = html::sanitize(out);
    if (again != out)
        QTest::qFail(qPrintable(QStringLiteral("not stable:\n  in:    %1\n  once:  %2\n  twice: %3")
                                    .arg(input, out, again)),
                     __FILE__, __LINE__);
    const QString nfc = out.normalized(QString::NormalizationForm_C);
    if (html::sanitize(nfc) != nfc)
        QTest::qFail(qPrintable(QStringLiteral("not stable after NFC: %1").arg(input)), __FILE__,
                     __LINE__);
    const QString forbidden = forbiddenMarkup(out);
    if (!forbidden.isEmpty())
        QTest::qFail(qPrintable(QStringLiteral("forbidden markup %1 in %2").arg(forbidden, out)),
                     __FILE__, __LINE__);
    return out;
}

// Hostile input: the exact output is asserted by the caller, and no trace of script survives.
QString defused(const QString &input) {
    const QString out = sanitized(input);
    for (const char *word : {"script", "onerror", "javascript"})
        if (out.contains(QLatin1String(word), Qt::CaseInsensitive))
            QTest::qFail(qPrintable(QStringLiteral("'%1' survived: %2").arg(word, out)), __FILE__,
                         __LINE__);
    return out;
}

int maximumNesting(const QString &html) {
    static const QRegularExpression tag(QStringLiteral("<(/?)([a-z0-9]+)[^>]*>"));
    int depth = 0;
    int deepest = 0;
    for (auto it = tag.globalMatch(html); it.hasNext();) {
        const auto match = it.next();
        const QString name = match.captured(2);
        if (name == u"br" || name == u"hr" || name == u"img") continue;
        depth += match.captured(1).isEmpty() ? 1 : -1;
        deepest = std::max(deepest, depth);
    }
    return deepest;
}

} // namespace

class HtmlSanitizerTest : public QObject {
    Q_OBJECT

private slots:
    // ---- the allowed subset -------------------------------------------------------------

    void allowedSubsetIsKeptUnchanged() {
        const QString entry =
            "<h1>Assay</h1><h2>Setup</h2><h3>Buffers</h3><h4>Notes</h4>"
            "<p>Mix <strong>5 µL</strong> with <em>buffer</em>, <u>twice</u>, <s>not</s> "
            "H<sub>2</sub>O, 10<sup>3</sup>, <code>pH 7.4</code><br>next line</p>"
            "<pre><code>step 1\n  step 2</code></pre>"
            "<blockquote><p>quoted</p></blockquote>"
            "<ul><li>one</li><li>two<ol><li>nested</li></ol></li></ul>"
            "<ul class=\"checklist\"><li data-checked=\"true\">done</li>"
            "<li data-checked=\"false\">todo</li></ul>"
            "<table><thead><tr><th>a</th><th>b</th></tr></thead>"
            "<tbody><tr><td colspan=\"2\" rowspan=\"3\">c</td></tr></tbody></table><hr>"
            "<figure><img alt=\"gel\" height=\"480\" src=\"quire-attachment:" +
            kId +
            "\" width=\"640\"><figcaption>Gel</figcaption></figure>"
            "<p><a href=\"https://example.org/x?a=1&amp;b=2\">link</a> "
            "<a href=\"mailto:lab@example.org\">mail</a> <a href=\"quire:entry/42\">entry</a> "
            "<span class=\"math\" data-tex=\"x^2 &lt; y &amp; &quot;z&quot;\">x²</span></p>";
        QCOMPARE(sanitized(entry), entry);
    }

    void synonymsAreMappedToTheSubset() {
        QCOMPARE(sanitized("<b>b</b><i>i</i><strike>st</strike><del>d</del><ins>n</ins>"),
                 QStringLiteral("<strong>b</strong><em>i</em><s>st</s><s>d</s><u>n</u>"));
        QCOMPARE(sanitized("<h5>five</h5><h6>six</h6>"),
                 QStringLiteral("<h4>five</h4><h4>six</h4>"));
        QCOMPARE(sanitized("<table><tfoot><tr><td>sum</td></tr></tfoot></table>"),
                 QStringLiteral("<table><tbody><tr><td>sum</td></tr></tbody></table>"));
        QCOMPARE(sanitized("<image src=\"quire-attachment:" + kId + "\">"),
                 "<img src=\"quire-attachment:" + kId + "\">");
    }

    void divisionsBecomeParagraphs() {
        QCOMPARE(sanitized("<div>one</div><section>two</section><article>three</article>"),
                 QStringLiteral("<p>one</p><p>two</p><p>three</p>"));
        // Inline stretches between blocks become paragraphs; white space between them stays.
        QCOMPARE(sanitized("<div>a<p>b</p>c\n<ul><li>d</li></ul>\n</div>"),
                 QStringLiteral("<p>a</p><p>b</p><p>c\n</p><ul><li>d</li></ul>\n"));
        QCOMPARE(sanitized("<div><div><p>deep</p></div></div>"), QStringLiteral("<p>deep</p>"));
        QCOMPARE(sanitized("<div>  </div>x"), QStringLiteral("  x"));
    }

    void unknownElementsAreUnwrapped() {
        QCOMPARE(sanitized("<font color=red>red</font> <abbr title=t>mid</abbr> "
                           "<x-widget a=1>w</x-widget>"),
                 QStringLiteral("red mid w"));
        // Block containers other than div keep their paragraph breaks.
        QCOMPARE(sanitized("<dl><dt>term</dt><dd>definition</dd></dl><nav>menu</nav>"),
                 QStringLiteral("<p>term</p><p>definition</p><p>menu</p>"));
    }

    void attributesAreSortedQuotedAndEscaped() {
        QCOMPARE(sanitized("<img width=10 alt='a\"<b>&amp;' height=' 020 ' src='quire-attachment:" +
                           kId.toUpper() + "' title=t>"),
                 "<img alt=\"a&quot;&lt;b&gt;&amp;\" height=\"20\" src=\"quire-attachment:" + kId +
                     "\" width=\"10\">");
        QCOMPARE(sanitized("<td rowspan=2 colspan=3 id=c>x</td>"), QStringLiteral("x"));
        QCOMPARE(sanitized("<table><tr><td rowspan=2 colspan=3 id=c>x</td></tr></table>"),
                 QStringLiteral("<table><tbody><tr><td colspan=\"3\" rowspan=\"2\">x</td></tr>"
                                "</tbody></table>"));
        QCOMPARE(sanitized("<p>a &lt; b &amp;&amp; c &gt; d \"q\" 'a'</p>"),
                 QStringLiteral("<p>a &lt; b &amp;&amp; c &gt; d \"q\" 'a'</p>"));
    }

    void numericAttributesOutsideTheirRangeAreDropped() {
        const QString table = "<table><tr><td colspan=%1 rowspan=%2>x</td></tr></table>";
        QCOMPARE(sanitized(table.arg("0", "1001")),
                 QStringLiteral("<table><tbody><tr><td>x</td></tr></tbody></table>"));
        QCOMPARE(sanitized(table.arg("-1", "2x")),
                 QStringLiteral("<table><tbody><tr><td>x</td></tr></tbody></table>"));
        QCOMPARE(sanitized(table.arg("1000", "007")),
                 QStringLiteral("<table><tbody><tr><td colspan=\"1000\" rowspan=\"7\">x</td></tr>"
                                "</tbody></table>"));
        const QString image = "<img src=quire-attachment:" + kId + " width=%1 height=%2>";
        QCOMPARE(sanitized(image.arg("0", "100001")), "<img src=\"quire-attachment:" + kId + "\">");
        QCOMPARE(sanitized(image.arg("100px", "1.5")),
                 "<img src=\"quire-attachment:" + kId + "\">");
        QCOMPARE(sanitized(image.arg("100000", "1")),
                 "<img height=\"1\" src=\"quire-attachment:" + kId + "\" width=\"100000\">");
    }

    void checklistItemsAlwaysCarryTheirState() {
        QCOMPARE(sanitized("<ul class='todo checklist'><li data-checked=TRUE>a<li>b"
                           "<li data-checked=maybe>c</ul>"),
                 QStringLiteral("<ul class=\"checklist\"><li data-checked=\"true\">a</li>"
                                "<li data-checked=\"false\">b</li>"
                                "<li data-checked=\"false\">c</li></ul>"));
        // Outside a checklist the state means nothing and goes.
        QCOMPARE(sanitized("<ul class=list><li data-checked=true>a</li></ul>"
                           "<ol class=checklist><li data-checked=true>b</li></ol>"),
                 QStringLiteral("<ul><li>a</li></ul><ol><li>b</li></ol>"));
    }

    void nonAsciiTextIsUnchanged() {
        const QString text =
            QStringLiteral("<p>5 µL at 37 °C, α-helix, Ångström, 漢字, 🧪, "
                           "e\u0301 (decomposed stays decomposed)</p>");
        QCOMPARE(sanitized(text), text);
        const QString nfc =
            QStringLiteral("<p>caf\u00e9 \u212b</p>").normalized(QString::NormalizationForm_C);
        QCOMPARE(sanitized(nfc), nfc);
    }

    void combiningMarkAfterATagSurvivesNormalisation() {
        // U+0338 would compose with the '>' of <p> into U+226F under NFC, breaking the tag.
        const QString out = sanitized(QStringLiteral("<p>\u0338x =\u0338 y</p>"));
        QCOMPARE(out, QStringLiteral("<p>&#824;x =\u0338 y</p>"));
        QCOMPARE(out.normalized(QString::NormalizationForm_C),
                 QStringLiteral("<p>&#824;x \u2260 y</p>"));
        QCOMPARE(html::plainText(out), QStringLiteral("\u0338x =\u0338 y"));
    }

    void leadingNewlineOfPreformattedTextIsKept() {
        // The parser eats one line break right after <pre>; a second one is content.
        QCOMPARE(sanitized("<pre>\n\nindented</pre>"), QStringLiteral("<pre>\n\nindented</pre>"));
        QCOMPARE(sanitized("<pre>\nplain</pre>"), QStringLiteral("<pre>plain</pre>"));
        QCOMPARE(sanitized("<pre><x-y>\nfirst</x-y></pre>"),
                 QStringLiteral("<pre>\n\nfirst</pre>"));
    }

    void emptyInputGivesEmptyOutput() {
        QCOMPARE(sanitized(QString()), QString());
        QCOMPARE(sanitized(QStringLiteral("")), QString());
        QCOMPARE(sanitized(QStringLiteral("<!-- only a comment -->")), QString());
        QCOMPARE(sanitized(QStringLiteral("<script>x</script>")), QString());
        QVERIFY(html::plainText(QString()).isEmpty());
        QVERIFY(html::attachmentReferences(QString()).isEmpty());
    }

    // ---- structures the parser would rebuild differently are repaired --------------------

    void blocksInsideParagraphsAndHeadingsAreFlattened() {
        QCOMPARE(sanitized("<h1><div><h2>x</h2></div></h1>"), QStringLiteral("<h1>x</h1>"));
        QCOMPARE(sanitized("<h2>a<p>b</p><ul><li>c</li></ul></h2>"),
                 QStringLiteral("<h2>abc</h2>"));
        QCOMPARE(sanitized("<pre><table><tr><td>1</td><td>2</td></tr></table></pre>"),
                 QStringLiteral("<pre>12</pre>"));
    }

    void inlineFormattingAroundBlocksIsUnwrapped() {
        QCOMPARE(sanitized("<b><p>one</p><p>two</p></b>"), QStringLiteral("<p>one</p><p>two</p>"));
        QCOMPARE(sanitized("<em>a<div>b</div></em>"), QStringLiteral("a<p>b</p>"));
        QCOMPARE(sanitized("<a href='https://x'><h1>t</h1></a>"), QStringLiteral("<h1>t</h1>"));
    }

    void listItemsOutsideListsAreUnwrapped() {
        QCOMPARE(sanitized("<li>a</li><blockquote><li>b</li></blockquote>"),
                 QStringLiteral("a<blockquote>b</blockquote>"));
        QCOMPARE(sanitized("<ul><li>a<section><li>b</li></section></li></ul>"),
                 QStringLiteral("<ul><li>a<p>b</p></li></ul>"));
    }

    void linksInsideLinksAreUnwrapped() {
        QCOMPARE(sanitized("<a href=https://a><marquee><a href=https://b>x</a></marquee></a>"),
                 QStringLiteral("<a href=\"https://a\">x</a>"));
    }

    void tableCaptionMovesBeforeTheTable() {
        QCOMPARE(sanitized("<table><caption>Yields</caption><colgroup><col></colgroup>"
                           "<tr><td>1</td></tr></table>"),
                 QStringLiteral("<p>Yields</p><table><tbody><tr><td>1</td></tr></tbody></table>"));
    }

    // ---- hostile input -----------------------------------------------------------------

    void scriptElementIsRemovedWithItsContent() {
        QCOMPARE(defused("<p>a</p><script>alert(1)</script><p>b</p>"),
                 QStringLiteral("<p>a</p><p>b</p>"));
        QCOMPARE(defused("<SCRIPT type=module>import('x')</SCRIPT>ok"), QStringLiteral("ok"));
    }

    void imageWithEventHandlerIsDropped() {
        QCOMPARE(defused("<img src=x onerror=alert(1)>"), QString());
        QCOMPARE(defused("<p>x<img src=x onerror=alert(1)></p>"), QStringLiteral("<p>x</p>"));
        QCOMPARE(defused("<img src=quire-attachment:" + kId + " onerror=alert(1) onload=alert(2)>"),
                 "<img src=\"quire-attachment:" + kId + "\">");
    }

    void javascriptLinkIsUnwrapped() {
        QCOMPARE(defused("<a href=\"javascript:alert(1)\">click</a>"), QStringLiteral("click"));
    }

    void javascriptSchemeInMixedCaseIsRejected() {
        QCOMPARE(defused("<a href=\"JaVaScRiPt:alert(1)\">x</a>"), QStringLiteral("x"));
    }

    void javascriptSchemeSplitByControlCharactersIsRejected() {
        QCOMPARE(defused("<a href=\"java\tscript:alert(1)\">a</a>"), QStringLiteral("a"));
        QCOMPARE(defused("<a href=\"java\nscr\ript:alert(1)\">b</a>"), QStringLiteral("b"));
        QCOMPARE(defused("<a href=\" \x01 javascript:alert(1)\">c</a>"), QStringLiteral("c"));
        QCOMPARE(defused("<a href=\"java\x01script:alert(1)\">d</a>"), QStringLiteral("d"));
        QCOMPARE(defused("<a href=\"java&#9;script:alert(1)\">e</a>"), QStringLiteral("e"));
    }

    void entityEncodedJavascriptIsRejected() {
        QCOMPARE(defused("<a href=\"&#106;avascript:alert(1)\">a</a>"), QStringLiteral("a"));
        QCOMPARE(defused("<a href=\"&#x6A;avascript&#x3A;alert(1)\">b</a>"), QStringLiteral("b"));
        QCOMPARE(defused("<a href=\"javascript&colon;alert(1)\">c</a>"), QStringLiteral("c"));
    }

    void dataAndOtherSchemesAreRejected() {
        QCOMPARE(defused("<a href=\"data:text/html,<script>alert(1)</script>\">a</a>"
                         "<img src=\"data:image/png;base64,AAAA\">"),
                 QStringLiteral("a"));
        QCOMPARE(defused("<a href=\"vbscript:msgbox(1)\">b</a><a href=\"//evil.example/\">c</a>"
                         "<a href=\"/relative\">d</a><a href=\"file:///etc/passwd\">e</a>"),
                 QStringLiteral("bcde"));
        QCOMPARE(
            defused("<a href=\" HTTPS://example.org \">f</a><a href=mailto:a@b.org>g</a>"
                    "<a href='quire:entry/1'>h</a><a href=http://x>i</a>"),
            QStringLiteral("<a href=\"HTTPS://example.org\">f</a><a href=\"mailto:a@b.org\">g</a>"
                           "<a href=\"quire:entry/1\">h</a><a href=\"http://x\">i</a>"));
    }

    void svgWithScriptIsRemoved() {
        QCOMPARE(defused("<svg><script>alert(1)</script><a xlink:href=\"javascript:alert(1)\">x</a>"
                         "</svg>ok"),
                 QStringLiteral("ok"));
        QCOMPARE(defused("<svg onload=alert(1)><foreignObject><p>inside</p></foreignObject></svg>"),
                 QString());
    }

    void mathmlIsRemoved() {
        QCOMPARE(defused("<math><mi xlink:href=\"javascript:alert(1)\">x</mi></math>ok"),
                 QStringLiteral("ok"));
        QCOMPARE(defused("<math><mtext><table><mglyph><style><img src=x onerror=alert(1)>"),
                 QString());
    }

    void styleIsRemoved() {
        QCOMPARE(defused("<style>body{background:url(javascript:alert(1))}</style>"
                         "<p style=\"background:url(javascript:alert(1))\">t</p>"),
                 QStringLiteral("<p>t</p>"));
    }

    void iframeWithSrcdocIsRemoved() {
        QCOMPARE(defused("<iframe srcdoc=\"<script>alert(1)</script>\">fallback</iframe>ok"),
                 QStringLiteral("ok"));
    }

    void objectAndEmbedAreRemoved() {
        QCOMPARE(defused("<object data=\"javascript:alert(1)\"><param name=x value=y>fallback"
                         "</object><embed src=\"javascript:alert(1)\">ok"),
                 QStringLiteral("ok"));
    }

    void formIsRemoved() {
        QCOMPARE(
            defused("<form action=\"javascript:alert(1)\"><input name=a onfocus=alert(1) "
                    "autofocus><button formaction=\"javascript:alert(1)\">go</button></form>ok"),
            QStringLiteral("ok"));
    }

    void scriptTagSplitByAnotherStaysText() {
        QCOMPARE(defused("<scr<script>ipt>alert(1)</script>"), QStringLiteral("ipt&gt;alert(1)"));
    }

    void lessThanBeforeScriptStaysText() {
        QCOMPARE(defused("<<script>alert(1)</script>"), QStringLiteral("&lt;"));
        QCOMPARE(defused("<<p>>x"), QStringLiteral("&lt;<p>&gt;x</p>"));
    }

    void unclosedTagsAreClosed() {
        QCOMPARE(defused("<p><b>bold<i>both"),
                 QStringLiteral("<p><strong>bold<em>both</em></strong></p>"));
        QCOMPARE(defused("<div><ul><li>a<li>b"), QStringLiteral("<ul><li>a</li><li>b</li></ul>"));
        QCOMPARE(defused("<a href=https://x>open"),
                 QStringLiteral("<a href=\"https://x\">open</a>"));
        QCOMPARE(defused("<script>alert(1)"), QString());
        QCOMPARE(defused("<p title=\"unterminated"), QString());
    }

    void commentsAreRemoved() {
        QCOMPARE(defused("a<!-- <script>alert(1)</script> -->b"), QStringLiteral("ab"));
        // "<!-->" is a whole (empty) comment, so what follows is markup again.
        QCOMPARE(defused("a<!--><img src=x onerror=alert(1)>-->b"), QStringLiteral("a--&gt;b"));
        QCOMPARE(defused("a<!--[if IE]><script>alert(1)</script><![endif]-->b"),
                 QStringLiteral("ab"));
    }

    void cdataSectionsAreRemoved() {
        QCOMPARE(defused("<![CDATA[<script>alert(1)</script>]]>"),
                 QStringLiteral("alert(1)]]&gt;"));
        QCOMPARE(defused("<svg><![CDATA[</svg><img src=x onerror=alert(1)>]]></svg>"), QString());
    }

    // Each of these made gumbo 0.10.1 abort the whole program on an internal assertion.
    void foreignContentInsideTablesDoesNotAbortTheParser() {
        QCOMPARE(defused("<table><math><mi><![CDATA[x]]>y"), QStringLiteral("<table></table>"));
        QCOMPARE(defused("<table><math><select><mi><select><table>"),
                 QStringLiteral("<table></table><table></table>"));
        QCOMPARE(defused("<table><svg><html><desc><select><td></body>"),
                 QStringLiteral("<table><tbody><tr><td></td></tr></tbody></table>"));
        QCOMPARE(defused("a<SVG/onload=alert(1)>b</SvG>c<mathx>d</mathx>"), QStringLiteral("acd"));
    }

    void noscriptAttributeMutationIsRemoved() {
        QCOMPARE(defused("<noscript><p title=\"</noscript><img src=x onerror=alert(1)>\">"
                         "</noscript>"),
                 QString());
    }

    void templateIsRemoved() {
        QCOMPARE(defused("<template><script>alert(1)</script><img src=x onerror=alert(1)>"
                         "</template>ok"),
                 QStringLiteral("ok"));
    }

    void unquotedAttributesAreParsedAsAttributes() {
        QCOMPARE(defused("<a href=https://example.org/a?b=1&c=2 onclick=alert(1)>x</a>"),
                 QStringLiteral("<a href=\"https://example.org/a?b=1&amp;c=2\">x</a>"));
        QCOMPARE(defused("<img src=quire-attachment:" + kId + " alt=pic onerror=alert(1)>"),
                 "<img alt=\"pic\" src=\"quire-attachment:" + kId + "\">");
    }

    void deeplyNestedBoldIsBoundedWithoutCrashing() {
        const QString out = defused(QString("<b>").repeated(10000) + "x");
        QCOMPARE(out, QString("<strong>").repeated(200) + "x" + QString("</strong>").repeated(200));
    }

    void deeplyNestedDivisionsAreBoundedWithoutCrashing() {
        QCOMPARE(defused(QString("<div>").repeated(10000) + "x"), QStringLiteral("<p>x</p>"));
        const QString quotes = defused(QString("<blockquote>").repeated(10000) + "q");
        QCOMPARE(maximumNesting(quotes), 200);
        QVERIFY(quotes.contains(">q<"));
        const QString lists = defused(QString("<ul><li>").repeated(10000) + "z");
        QVERIFY(maximumNesting(lists) <= 200);
        QVERIFY(lists.contains(">z<"));
    }

    void remoteImagesAreDropped() {
        QCOMPARE(
            defused(
                "<img src=\"http://evil.example/t.png\"><img src=\"https://evil.example/t.png\">"
                "<img src=\"//evil.example/t.png\"><img src=\"quire-attachment:../x\">"
                "<img src=\"quire-attachment:" +
                kId.left(63) + "\"><img srcset=\"https://evil.example/t.png 2x\">"),
            QString());
    }

    void httpsLinkIsKept() {
        QCOMPARE(defused("<a href=\"https://ok\">ok</a>"),
                 QStringLiteral("<a href=\"https://ok\">ok</a>"));
    }

    void attachmentImageIsKept() {
        QCOMPARE(defused("<img src=\"quire-attachment:" + kId +
                         "\" alt=\"Gel\" width=\"640\" height=\"480\" srcset=\"x 2x\">"),
                 "<img alt=\"Gel\" height=\"480\" src=\"quire-attachment:" + kId +
                     "\" width=\"640\">");
    }

    void mathSpanIsKept() {
        QCOMPARE(defused("<span class=\"math\" data-tex=\"x^2\" id=m>x²</span>"),
                 QStringLiteral("<span class=\"math\" data-tex=\"x^2\">x²</span>"));
    }

    void spanWithUnknownClassIsUnwrapped() {
        QCOMPARE(defused("<span class=\"evil\" onmouseover=alert(1)>e</span>"),
                 QStringLiteral("e"));
    }

    void checklistIsKept() {
        const QString list = "<ul class=\"checklist\"><li data-checked=\"true\">done</li>"
                             "<li data-checked=\"false\">todo</li></ul>";
        QCOMPARE(defused(list), list);
    }

    void tableWithColspanIsKept() {
        QCOMPARE(defused("<table><tr><td colspan=\"2\" onclick=alert(1)>wide</td></tr>"
                         "<tr><td>a</td><td>b</td></tr></table>"),
                 QStringLiteral("<table><tbody><tr><td colspan=\"2\">wide</td></tr>"
                                "<tr><td>a</td><td>b</td></tr></tbody></table>"));
    }

    // ---- stability under arbitrary tag soup ---------------------------------------------

    // The checker that every test output passes through must itself reject forbidden markup.
    void markupCheckerRejectsWhatTheFormatForbids() {
        QCOMPARE(forbiddenMarkup("<p>a</p><a href=\"https://x\">b</a><li data-checked=\"true\">"),
                 QString());
        for (const char *bad :
             {"<div>", "<p onclick=\"x\">", "<a href=\"javascript:x\">", "<img src=\"http://x\">",
              "<span class=\"evil\">", "<td colspan=\"0\">", "<script>", "<P>"})
            QCOMPARE(forbiddenMarkup(QLatin1String(bad)), QLatin1String(bad));
    }

    void generatedTagSoupIsStable() {
        static const char *const tags[] = {"p",
                                           "br",
                                           "h1",
                                           "h2",
                                           "h4",
                                           "h6",
                                           "b",
                                           "strong",
                                           "i",
                                           "em",
                                           "u",
                                           "s",
                                           "strike",
                                           "del",
                                           "ins",
                                           "sub",
                                           "sup",
                                           "code",
                                           "pre",
                                           "blockquote",
                                           "ul",
                                           "ol",
                                           "li",
                                           "table",
                                           "thead",
                                           "tbody",
                                           "tfoot",
                                           "tr",
                                           "th",
                                           "td",
                                           "caption",
                                           "colgroup",
                                           "col",
                                           "hr",
                                           "figure",
                                           "figcaption",
                                           "a",
                                           "img",
                                           "span",
                                           "div",
                                           "section",
                                           "article",
                                           "script",
                                           "style",
                                           "svg",
                                           "math",
                                           "mi",
                                           "mtext",
                                           "foreignObject",
                                           "desc",
                                           "iframe",
                                           "form",
                                           "select",
                                           "option",
                                           "textarea",
                                           "noscript",
                                           "template",
                                           "button",
                                           "input",
                                           "font",
                                           "center",
                                           "marquee",
                                           "xmp",
                                           "plaintext",
                                           "listing",
                                           "dl",
                                           "dt",
                                           "dd",
                                           "nav",
                                           "address",
                                           "object",
                                           "title",
                                           "frameset",
                                           "body",
                                           "html",
                                           "image",
                                           "nobr",
                                           "applet",
                                           "x-el",
                                           "details",
                                           "summary",
                                           "label",
                                           "ruby",
                                           "rt",
                                           "wbr",
                                           "main",
                                           "menu",
                                           "noembed",
                                           "noframes",
                                           "param"};
        const QString attributes[] = {"href=\"https://x.org/?a=1&b=2\"",
                                      "href=javascript:alert(1)",
                                      "href='mailto:a@b'",
                                      "href=\" quire:entry/1 \"",
                                      "src=\"quire-attachment:" + kId + "\"",
                                      "src=quire-attachment:" + kOtherId,
                                      "src=http://evil/x.png",
                                      "alt=\"a<b>&quot;\"",
                                      "width=10",
                                      "height=0",
                                      "colspan=3",
                                      "rowspan=1001",
                                      "class=math",
                                      "class=checklist",
                                      "data-tex=\"\\frac{1}{2}\"",
                                      "data-checked=true",
                                      "onclick=alert(1)",
                                      "style=x",
                                      "title=\"</p><p>\""};
        const QString texts[] = {"text", "  ",     "\n",     "&amp;", "&lt;",       "<",
                                 "&",    "\u0338", "µL",     "°C",    "α",          "e\u0301",
                                 "\"",   "x>y",    "&#0;",   "\t",    "<!-- c -->", "<![CDATA[x]]>",
                                 "</",   "<!",     "&nbsp;", "\r\n",  "🧪"};
        // Some rounds start right at the nesting bound, where elements begin to be unwrapped.
        const QString deepPrefixes[] = {QString(), QString("<blockquote>").repeated(198),
                                        QString("<ul><li>").repeated(99),
                                        QString("<table><tr><td>").repeated(49)};
        QRandomGenerator random(20261124);
        int rawAccepted = 0;
        for (int round = 0; round < 3000; ++round) {
            QString soup = round % 2 ? QString() : deepPrefixes[random.bounded(4)];
            const int pieces = random.bounded(1, 50);
            for (int i = 0; i < pieces; ++i) {
                const int what = random.bounded(10);
                if (what < 4) {
                    soup += '<' + QLatin1String(tags[random.bounded(int(std::size(tags)))]);
                    for (int a = random.bounded(3); a > 0; --a)
                        soup += ' ' + attributes[random.bounded(int(std::size(attributes)))];
                    soup += '>';
                } else if (what < 6) {
                    soup += "</" + QLatin1String(tags[random.bounded(int(std::size(tags)))]) + '>';
                } else {
                    soup += texts[random.bounded(int(std::size(texts)))];
                }
            }
            const QString once = html::sanitize(soup);
            const QString twice = html::sanitize(once);
            if (once != twice)
                QFAIL(qPrintable(QStringLiteral("round %1 not stable:\n  in:    %2\n  once:  %3\n"
                                                "  twice: %4")
                                     .arg(round)
                                     .arg(soup, once, twice)));
            const QString nfc = once.normalized(QString::NormalizationForm_C);
            QCOMPARE(html::sanitize(nfc), nfc);
            const QString forbidden = forbiddenMarkup(once);
            QVERIFY2(forbidden.isEmpty(), qPrintable(forbidden + " in " + once));
            // The search text read without the parser is the parser's, for what sanitize()
            // wrote and for anything else.
            QCOMPARE(html::plainText(once), html::plainTextByParsing(once));
            QCOMPARE(html::plainText(nfc), html::plainTextByParsing(nfc));
            QCOMPARE(html::plainText(soup), html::plainTextByParsing(soup));
            // The parser-free safety check recognises all that sanitize() writes, and accepts
            // raw input only when it holds nothing but allowed markup.
            QVERIFY2(html::isInSafeSubset(once), qPrintable(once));
            if (html::isInSafeSubset(soup)) {
                // So sanitizeUnlessClean() may keep it as it is: sanitize() writes it unchanged.
                QCOMPARE(html::sanitize(soup), soup);
                QCOMPARE(html::sanitizeUnlessClean(soup), soup);
                const QString forbiddenRaw = forbiddenMarkup(soup);
                QVERIFY2(forbiddenRaw.isEmpty(), qPrintable(forbiddenRaw + " in " + soup));
                ++rawAccepted;
            }
        }
        QVERIFY(rawAccepted > 0); // some soup happens to be clean; it must still be checked
    }

    void safetyScanRefusesWhatTheSubsetForbids() {
        const QString id = QString(64, 'a');
        for (const QString &bad : {
                 QString("<script>alert(1)</script>"),
                 QString("<p onclick=\"x()\">a</p>"),
                 QString("<img src=\"https://example.com/x.png\">"),
                 QString("<img src=\"quire-attachment:%1\" onerror=\"x()\">").arg(id),
                 QString("<img src=\"quire-attachment:%1\">").arg(QString(64, 'A')),
                 QString("<a href=\"javascript:alert(1)\">x</a>"),
                 QString("<a href=\" javascript:alert(1)\">x</a>"),
                 QString("<span class=\"evil\">x</span>"),
                 QString("<ul class=\"checklist other\"><li>x</li></ul>"),
                 QString("<li data-checked=\"maybe\">x</li>"),
                 QString("<td colspan=\"0\">x</td>"),
                 QString("<p>unclosed"),
                 QString("<p>a</b></p>"),
                 QString("<P>upper</P>"),
                 QString("<p>&nbsp;</p>"),
                 QString("<p>a > b</p>"),
                 QString("<iframe></iframe>"),
                 QString("<p style=\"x\">a</p>"),
                 QString("<img alt=\"a\" src=\"quire-attachment:%1\" alt=\"b\">").arg(id),
                 QString("<img src=\"quire-attachment:%1\" alt=\"a\">").arg(id), // order
                 QString("<!-- c --><p>a</p>"),
             })
            QVERIFY2(!html::isInSafeSubset(bad), qPrintable(bad));
        for (const QString &good : {
                 QString("<p>a &amp; b &lt; c</p>"),
                 QString("<p><a href=\"https://example.com/?a=1&amp;b=2\">x</a></p>"),
                 QString("<p><img alt=\"gel\" height=\"20\" src=\"quire-attachment:%1\" "
                         "width=\"40\"></p>")
                     .arg(id),
                 QString("<ul class=\"checklist\"><li data-checked=\"true\"><p>x</p></li></ul>"),
                 QString("<p><span class=\"math\" data-tex=\"a&lt;b\"></span></p>"),
                 QString("<table><tbody><tr><td colspan=\"2\">x</td></tr></tbody></table>"),
             }) {
            QVERIFY2(html::isInSafeSubset(good), qPrintable(good));
            QCOMPARE(html::sanitize(good), good);
        }
    }

    // ---- reading sanitised HTML ---------------------------------------------------------

    void attachmentReferencesAreInDocumentOrderAndUnique() {
        const QString html = sanitized("<p><img src=quire-attachment:" + kOtherId +
                                       "></p>"
                                       "<figure><img src='quire-attachment:" +
                                       kId +
                                       "'><figcaption>x</figcaption></figure>"
                                       "<img src=quire-attachment:" +
                                       kOtherId + "><img src=https://x/y.png>");
        QCOMPARE(html::attachmentReferences(html), QStringList({kOtherId, kId}));
        QVERIFY(html::attachmentReferences(sanitized("<p>no images</p>")).isEmpty());
    }

    void plainTextPutsBlocksOnLinesAndCellsInColumns() {
        const QString html = sanitized(
            "<h1>Title</h1><p>a &amp; b,\n   spread   out</p><ul><li>one</li><li>two</li></ul>"
            "<table><tr><th>A</th><th>B</th></tr><tr><td>1</td><td>2</td></tr></table>"
            "<p>x<br>y</p><pre>l1\n  l2</pre><p><strong>bo</strong>ld &lt;tag&gt; "
            "&nbsp;µL</p><blockquote>quote</blockquote>");
        QCOMPARE(html::plainText(html),
                 QStringLiteral("Title\na & b, spread out\none\ntwo\nA\tB\n1\t2\nx\ny\nl1\n  l2\n"
                                "bold <tag> \u00a0µL\nquote"));
    }

    void plainTextLeavesOutMarkupAndHiddenContent() {
        QCOMPARE(html::plainText("<p>keep</p><script>var hidden;</script><style>p{}</style>"
                                 "<!-- note --><img alt=pic src=quire-attachment:" +
                                 kId + ">"),
                 QStringLiteral("keep"));
    }

    // ---- speed -------------------------------------------------------------------------

    void sanitisingGrowsLinearlyWithTheEntry() {
        // A guard against accidental quadratic behaviour, not a measurement of speed.
        const auto entryOf = [](qsizetype size) {
            QString entry;
            for (int i = 0; entry.size() < size; ++i)
                entry +=
                    QString("<h2>Run %1</h2><p>Added <b>5 µL</b> of <i>buffer</i> at 37 °C; see "
                            "<a href=\"https://example.org/protocol/%1\">protocol</a> and "
                            "<span class=\"math\" data-tex=\"\\alpha_%1\">α</span>.</p>"
                            "<ul class=\"checklist\"><li data-checked=\"true\">weigh</li>"
                            "<li data-checked=\"false\">mix</li></ul>"
                            "<table><tr><th>t</th><th>OD</th></tr><tr><td>%1</td><td>0.%1</td>"
                            "</tr></table><div onclick=\"x()\">note <font>%1</font></div>"
                            "<figure><img src=\"quire-attachment:" +
                            kId + "\" width=\"320\"><figcaption>gel</figcaption></figure>")
                        .arg(i);
            return entry;
        };
        const QString out = html::sanitize(entryOf(50 * 1024));
        QVERIFY(out.contains(QLatin1String("<p>note ")));
        QVERIFY(!out.contains(QLatin1String("onclick")));
        const QString slower = test::checkGrowsLinearly(
            [&](qsizetype size) { (void)html::sanitize(entryOf(size)); }, 50 * 1024);
        QVERIFY2(slower.isEmpty(), qPrintable(slower));
    }
};

QTEST_GUILESS_MAIN(HtmlSanitizerTest)
#include "tst_html_sanitizer.moc"
