// markdown::toHtml: CommonMark with the GitHub extensions, rendered as FORMAT.md §6 HTML
// (task lists as checklists), and always clean and stable once passed through html::sanitize.

#include "html/HtmlSanitizer.h"
#include "html/Markdown.h"

#include <QtTest>

using namespace quire;

namespace {

// What the notebook stores for a piece of Markdown; checks it is a sanitiser fixed point.
QString stored(const QByteArray &markdown) {
    const QString out = html::sanitize(markdown::toHtml(markdown));
    if (html::sanitize(out) != out)
        QTest::qFail(qPrintable(QStringLiteral("not stable: %1").arg(out)), __FILE__, __LINE__);
    return out;
}

} // namespace

class MarkdownTest : public QObject {
    Q_OBJECT

private slots:
    void headingsBecomeHeadingElements() {
        const QByteArray md = "# One\n\n## Two\n\nThree\n=====\n\n###### Six\n";
        QCOMPARE(markdown::toHtml(md),
                 QStringLiteral("<h1>One</h1><h2>Two</h2><h1>Three</h1><h6>Six</h6>"));
        // FORMAT.md §6 stops at h4.
        QCOMPARE(stored(md), QStringLiteral("<h1>One</h1><h2>Two</h2><h1>Three</h1><h4>Six</h4>"));
    }

    void emphasisStrongAndCodeSpans() {
        QCOMPARE(markdown::toHtml("*em* **strong** _also em_ `a < b`\nnext line  \nhard break"),
                 QStringLiteral("<p><em>em</em> <strong>strong</strong> <em>also em</em> "
                                "<code>a &lt; b</code>\nnext line<br>hard break</p>"));
    }

    void tightAndLooseLists() {
        QCOMPARE(markdown::toHtml("- one\n- two\n  1. nested\n"),
                 QStringLiteral("<ul><li>one</li><li>two<ol><li>nested</li></ol></li></ul>"));
        QCOMPARE(markdown::toHtml("1. first\n\n2. second\n"),
                 QStringLiteral("<ol><li><p>first</p></li><li><p>second</p></li></ol>"));
    }

    void fencedAndIndentedCodeIsEscaped() {
        QCOMPARE(
            markdown::toHtml("```python\nif a < b & c:\n    print(\"<b>\")\n```\n"),
            QStringLiteral("<pre><code>if a &lt; b &amp; c:\n    print(&quot;&lt;b&gt;&quot;)\n"
                           "</code></pre>"));
        QCOMPARE(stored("    x <y>\n"), QStringLiteral("<pre><code>x &lt;y&gt;\n</code></pre>"));
    }

    void blockQuoteAndRule() {
        QCOMPARE(markdown::toHtml("> quoted\n\n---\n"),
                 QStringLiteral("<blockquote><p>quoted</p></blockquote><hr>"));
    }

    void tableHasHeaderAndBody() {
        const QByteArray md = "| Sample | OD |\n|:-------|---:|\n| A | 0.5 |\n| B | 0.7 |\n";
        const QString expected = "<table><thead><tr><th>Sample</th><th>OD</th></tr></thead>"
                                 "<tbody><tr><td>A</td><td>0.5</td></tr>"
                                 "<tr><td>B</td><td>0.7</td></tr></tbody></table>";
        QCOMPARE(markdown::toHtml(md), expected);
        QCOMPARE(stored(md), expected);
        QCOMPARE(
            markdown::toHtml("| only | header |\n|---|---|\n"),
            QStringLiteral("<table><thead><tr><th>only</th><th>header</th></tr></thead></table>"));
    }

    void taskListBecomesChecklist() {
        const QByteArray md = "- [x] done\n- [ ] todo\n";
        const QString expected = "<ul class=\"checklist\"><li data-checked=\"true\">done</li>"
                                 "<li data-checked=\"false\">todo</li></ul>";
        QCOMPARE(markdown::toHtml(md), expected);
        QCOMPARE(stored(md), expected);
        QCOMPARE(html::plainText(stored(md)), QStringLiteral("done\ntodo"));
    }

    void taskInAMixedListKeepsItsBoxAsText() {
        QCOMPARE(markdown::toHtml("- [x] done\n- plain\n"),
                 QStringLiteral("<ul><li>[x] done</li><li>plain</li></ul>"));
    }

    void nestedChecklistInsideChecklist() {
        QCOMPARE(stored("- [ ] parent\n  - [X] child\n"),
                 QStringLiteral("<ul class=\"checklist\"><li data-checked=\"false\">parent"
                                "<ul class=\"checklist\"><li data-checked=\"true\">child</li></ul>"
                                "</li></ul>"));
    }

    void strikethroughBecomesS() {
        QCOMPARE(markdown::toHtml("~~wrong~~ right"),
                 QStringLiteral("<p><del>wrong</del> right</p>"));
        QCOMPARE(stored("~~wrong~~ right"), QStringLiteral("<p><s>wrong</s> right</p>"));
    }

    void linksAndAutolinks() {
        QCOMPARE(stored("[protocol](https://example.org/p?a=1&b=2 \"title\") "
                        "<https://example.org/auto> www.example.org "
                        "lab@example.org"),
                 QStringLiteral("<p><a href=\"https://example.org/p?a=1&amp;b=2\">protocol</a> "
                                "<a href=\"https://example.org/auto\">https://example.org/auto</a> "
                                "<a href=\"http://www.example.org\">www.example.org</a> "
                                "<a href=\"mailto:lab@example.org\">lab@example.org</a></p>"));
    }

    void unsafeLinkAndRemoteImageDisappearAfterSanitising() {
        QCOMPARE(stored("[x](javascript:alert(1)) ![chart](https://evil.example/t.png)"),
                 QStringLiteral("<p>x </p>"));
        const QByteArray attachment =
            "![gel](quire-attachment:"
            "0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef)";
        QCOMPARE(
            stored(attachment),
            QStringLiteral("<p><img alt=\"gel\" src=\"quire-attachment:0123456789abcdef0123456789"
                           "abcdef0123456789abcdef0123456789abcdef\"></p>"));
    }

    void nonAsciiTextStaysIntact() {
        const QString text = QStringLiteral("Add 5 µL at 37 °C; α-helix, Å, 漢字, 🧪");
        const QString html = markdown::toHtml(text.toUtf8());
        QCOMPARE(html, "<p>" + text + "</p>");
        QCOMPARE(html.normalized(QString::NormalizationForm_C), html);
        QCOMPARE(stored(text.toUtf8()), "<p>" + text + "</p>");
    }

    void invalidUtf8IsReplacedNotPassedOn() {
        QCOMPARE(markdown::toHtml(QByteArray("bad \xff byte")),
                 QStringLiteral("<p>bad \ufffd byte</p>"));
    }

    void emptyInputGivesEmptyHtml() {
        QCOMPARE(markdown::toHtml(QByteArray()), QString());
        QCOMPARE(markdown::toHtml("\n\n   \n"), QString());
    }

    void rawHtmlIsCleanedBySanitizer() {
        const QByteArray md = "Hello <script>alert(1)</script> *there*\n\n"
                              "<div onclick=\"alert(2)\">\n<img src=x onerror=alert(3)>\n</div>\n\n"
                              "<iframe src=\"javascript:alert(4)\"></iframe>\n";
        // Passed through by the Markdown step...
        QVERIFY(markdown::toHtml(md).contains(QLatin1String("<script>")));
        // ...and gone once sanitised.
        const QString out = stored(md);
        for (const char *word : {"script", "onerror", "onclick", "javascript", "iframe"})
            QVERIFY2(!out.contains(QLatin1String(word), Qt::CaseInsensitive), qPrintable(out));
        // The raw HTML blocks leave only their line breaks behind.
        QCOMPARE(out, QStringLiteral("<p>Hello  <em>there</em></p>\n\n\n\n"));
    }

    void deeplyNestedQuotesDoNotCrash() {
        const QString out = stored(QByteArray(5000, '>') + " deep\n");
        QVERIFY(out.contains(QLatin1String(">deep<")));
        QVERIFY(out.count(QLatin1String("<blockquote>")) <= 200);
    }
};

QTEST_GUILESS_MAIN(MarkdownTest)
#include "tst_markdown.moc"
