#include "EntryDialog.h"

#include "DialogParts.h"

#include <QCheckBox>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QRegularExpression>
#include <QVBoxLayout>

namespace quire::widgets {

EntryDialog::EntryDialog(const QString &experimentTitle, QWidget *parent)
    : QDialog(parent) {
    setObjectName(QStringLiteral("entryDialog"));
    setWindowTitle(tr("New entry"));
    resize(680, 520);

    auto *layout = new QVBoxLayout(this);
    layout->setSpacing(10);
    layout->addWidget(makeHeading(tr("New entry in “%1”").arg(experimentTitle), this));

    auto *form = new QFormLayout;
    form->setFieldGrowthPolicy(QFormLayout::ExpandingFieldsGrow);
    m_title = new QLineEdit(this);
    m_title->setObjectName(QStringLiteral("titleEdit"));
    m_title->setPlaceholderText(tr("e.g. Calibration of the pH meter"));
    form->addRow(tr("&Title:"), m_title);
    layout->addLayout(form);

    m_text = new QPlainTextEdit(this);
    m_text->setObjectName(QStringLiteral("textEdit"));
    m_text->setPlaceholderText(tr("What did you do, use and observe? Leave a blank line "
                                  "between paragraphs."));
    m_text->setTabChangesFocus(true);
    layout->addWidget(m_text, 1);

    m_isHtml = new QCheckBox(tr("Text is &HTML"), this);
    m_isHtml->setObjectName(QStringLiteral("htmlCheck"));
    m_isHtml->setToolTip(tr("Tables, lists and emphasis written as HTML are kept; anything "
                            "unsafe is removed when the entry is saved."));
    layout->addWidget(m_isHtml);
    layout->addWidget(makeHint(tr("Saving records this version with your name and the time. "
                                  "Later changes become new versions; nothing is overwritten."),
                               this));

    m_buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    QPushButton *ok = m_buttons->button(QDialogButtonBox::Ok);
    ok->setText(tr("&Add entry"));
    ok->setEnabled(false);
    useTextOnlyButtons(m_buttons);
    layout->addWidget(m_buttons);

    connect(m_title, &QLineEdit::textChanged, this,
            [ok](const QString &text) { ok->setEnabled(!text.trimmed().isEmpty()); });
    connect(m_isHtml, &QCheckBox::clicked, this, [this] { m_formatChosenByUser = true; });
    connect(m_text, &QPlainTextEdit::textChanged, this, [this] {
        if (!m_formatChosenByUser) m_isHtml->setChecked(looksLikeHtml(m_text->toPlainText()));
    });
    connect(m_buttons, &QDialogButtonBox::accepted, this, &EntryDialog::submitted);
    connect(m_buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    m_title->setFocus();
}

QString EntryDialog::title() const {
    return m_title->text().trimmed();
}

QString EntryDialog::html() const {
    const QString text = m_text->toPlainText();
    return m_isHtml->isChecked() ? text : plainTextToHtml(text);
}

QString EntryDialog::plainTextToHtml(const QString &text) {
    static const QRegularExpression blankLines(QStringLiteral("\\n[ \\t]*\\n\\s*"));
    QString normalised = text;
    normalised.replace(QLatin1String("\r\n"), QLatin1String("\n"));
    normalised.replace(QLatin1Char('\r'), QLatin1Char('\n'));
    QString out;
    for (const auto &paragraph : normalised.split(blankLines, Qt::SkipEmptyParts)) {
        const QString trimmed = paragraph.trimmed();
        if (trimmed.isEmpty()) continue;
        out += QStringLiteral("<p>") +
               trimmed.toHtmlEscaped().replace(QLatin1Char('\n'), QLatin1String("<br>")) +
               QStringLiteral("</p>");
    }
    return out;
}

bool EntryDialog::looksLikeHtml(const QString &text) {
    // An opening tag of a known block element at the start, or a closing tag anywhere:
    // "<5 mM" or "a < b" in a note must stay plain text.
    static const QRegularExpression markup(
        QStringLiteral(
            "^\\s*<(p|h[1-4]|ul|ol|table|div|pre|blockquote|figure)[\\s>]|</[a-z][a-z0-9]*>"),
        QRegularExpression::CaseInsensitiveOption);
    return markup.match(text).hasMatch();
}

} // namespace quire::widgets
