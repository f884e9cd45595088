#include "history/ConflictDialog.h"

#include "common/DialogParts.h"
#include "page/EntryPageRenderer.h"

#include <QButtonGroup>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QEvent>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QRadioButton>
#include <QTextBrowser>
#include <QVBoxLayout>

namespace quire::widgets {

namespace {

// The history view's palette: amber for a change, green for an addition, red for a removal.
constexpr auto kChangedBackground = "#fff3d1";
constexpr auto kAddedBackground = "#dcf3e3";
constexpr auto kRemovedBackground = "#fbe3e3";

QString esc(const QString &text) {
    return text.toHtmlEscaped();
}

} // namespace

ConflictDialog::ConflictDialog(Notebook *notebook, const QString &entry, bool resolve,
                               QWidget *parent)
    : QDialog(parent)
    , m_notebook(notebook)
    , m_entry(entry) {
    setObjectName(QStringLiteral("conflictDialog"));
    resize(1060, 720);
    setMinimumSize(760, 520);
    if (m_notebook) {
        auto sides = m_notebook->conflictVersions(entry);
        if (sides)
            m_sides = *sides;
        else
            m_error = sides.error();
        m_mine = !m_sides.isEmpty() && m_sides.first().author == m_notebook->me().uuid;
    }

    auto *layout = new QVBoxLayout(this);
    layout->setSpacing(10);
    m_heading = makeHeading({}, this);
    m_heading->setTextFormat(Qt::PlainText);
    layout->addWidget(m_heading);
    m_hint = makeHint({}, this);
    layout->addWidget(m_hint);

    auto *row = new QHBoxLayout;
    m_otherLabel = new QLabel(this);
    m_otherCombo = new QComboBox(this);
    m_otherCombo->setObjectName(QStringLiteral("otherVersionCombo"));
    m_otherLabel->setBuddy(m_otherCombo);
    row->addWidget(m_otherLabel);
    row->addWidget(m_otherCombo);
    row->addStretch(1);
    layout->addLayout(row);
    // Two sides need no choice; three or more do.
    m_otherLabel->setVisible(m_sides.size() > 2);
    m_otherCombo->setVisible(m_sides.size() > 2);

    m_compare = new QTextBrowser(this);
    m_compare->setObjectName(QStringLiteral("conflictCompare"));
    m_compare->setOpenLinks(false);
    m_compare->setOpenExternalLinks(false);
    layout->addWidget(m_compare, 1);

    m_resolveBox = new QGroupBox(this);
    m_resolveBox->setObjectName(QStringLiteral("resolveBox"));
    auto *resolveLayout = new QVBoxLayout(m_resolveBox);
    m_keepShown = new QRadioButton(m_resolveBox);
    m_keepShown->setObjectName(QStringLiteral("keepShown"));
    m_keepOther = new QRadioButton(m_resolveBox);
    m_keepOther->setObjectName(QStringLiteral("keepOther"));
    m_keepBoth = new QRadioButton(m_resolveBox);
    m_keepBoth->setObjectName(QStringLiteral("keepBoth"));
    m_keep = new QButtonGroup(this);
    m_keep->addButton(m_keepShown, int(Keep::Shown));
    m_keep->addButton(m_keepOther, int(Keep::Other));
    m_keep->addButton(m_keepBoth, int(Keep::Both));
    m_keepBoth->setChecked(true);
    resolveLayout->addWidget(m_keepShown);
    resolveLayout->addWidget(m_keepOther);
    resolveLayout->addWidget(m_keepBoth);
    auto *reasonRow = new QHBoxLayout;
    m_reasonLabel = new QLabel(m_resolveBox);
    m_reason = new QLineEdit(m_resolveBox);
    m_reason->setObjectName(QStringLiteral("resolveReason"));
    m_reasonLabel->setBuddy(m_reason);
    reasonRow->addWidget(m_reasonLabel);
    reasonRow->addWidget(m_reason, 1);
    resolveLayout->addLayout(reasonRow);
    layout->addWidget(m_resolveBox);
    // Only the entry's author changes it; everyone else may look.
    m_resolveBox->setVisible(m_mine && hasConflict());

    auto *buttons = new QDialogButtonBox(this);
    m_save = buttons->addButton(QString(), QDialogButtonBox::AcceptRole);
    m_save->setObjectName(QStringLiteral("saveResolution"));
    m_save->setVisible(m_mine && hasConflict());
    m_close = buttons->addButton(QDialogButtonBox::Close);
    useTextOnlyButtons(buttons);
    layout->addWidget(buttons);
    connect(m_save, &QPushButton::clicked, this, &ConflictDialog::save);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    connect(m_reason, &QLineEdit::textChanged, this,
            [this] { m_save->setEnabled(!m_reason->text().trimmed().isEmpty()); });
    m_save->setEnabled(false);
    connect(m_otherCombo, &QComboBox::currentIndexChanged, this,
            [this](int index) { compareWith(index + 1); });

    retranslate();
    showSides();
    if (resolve && m_resolveBox->isVisible()) m_reason->setFocus();
}

void ConflictDialog::compareWith(int side) {
    if (side < 1 || side >= m_sides.size()) return;
    m_other = side;
    if (m_otherCombo->currentIndex() != side - 1) m_otherCombo->setCurrentIndex(side - 1);
    showSides();
}

void ConflictDialog::showSides() {
    if (!hasConflict()) {
        m_compare->setPlainText(m_error.isEmpty() ? tr("This entry is not in conflict (any more).")
                                                  : asSentence(m_error));
        m_rows.clear();
        return;
    }
    const EntryVersion &shown = m_sides.first();
    const EntryVersion &other = m_sides.at(m_other);
    m_rows = sideBySide(entryLines(shown.title, shown.html), entryLines(other.title, other.html));
    auto heading = [](const QString &which, const EntryVersion &v) {
        QString reason = v.reason.isEmpty() ? QString() : QStringLiteral(" — ") + v.reason;
        return QStringLiteral("<b>%1</b><br>%2")
            .arg(esc(which),
                 esc(tr("Version %1 · %2 · %3")
                         .arg(v.version)
                         .arg(EntryPageRenderer::localTime(v.recordedAt), v.authorName) +
                     reason));
    };
    QString html =
        QStringLiteral(
            "<table width=\"100%\" cellspacing=\"0\" cellpadding=\"6\" style=\"border-collapse: "
            "collapse\"><tr><th width=\"50%\" align=\"left\" bgcolor=\"#f2f4f6\">%1</th>"
            "<th width=\"50%\" align=\"left\" bgcolor=\"#f2f4f6\">%2</th></tr>")
            .arg(heading(tr("Shown on every computer"), shown),
                 heading(tr("The other version"), other));
    for (int i = 0; i < m_rows.size(); ++i) {
        const DiffRow &r = m_rows.at(i);
        QString left = esc(r.left), right = esc(r.right), leftColour, rightColour;
        switch (r.kind) {
        case DiffRow::Kind::Same:
            break;
        case DiffRow::Kind::Changed:
            leftColour = rightColour = QLatin1String(kChangedBackground);
            break;
        case DiffRow::Kind::Added:
            rightColour = QLatin1String(kAddedBackground);
            break;
        case DiffRow::Kind::Removed:
            leftColour = QLatin1String(kRemovedBackground);
            break;
        }
        if (i == 0) { // the title, on both sides
            left = QStringLiteral("<b>%1</b>").arg(left);
            right = QStringLiteral("<b>%1</b>").arg(right);
        }
        auto cell = [](const QString &colour, const QString &text) {
            return colour.isEmpty() ? QStringLiteral("<td valign=\"top\">%1</td>").arg(text)
                                    : QStringLiteral("<td valign=\"top\" bgcolor=\"%1\">%2</td>")
                                          .arg(colour, text);
        };
        html += QStringLiteral("<tr>") + cell(leftColour, left) + cell(rightColour, right) +
                QStringLiteral("</tr>");
    }
    html += QStringLiteral("</table>");
    m_compare->setHtml(html);
}

QString ConflictDialog::keptHtml(Keep keep) const {
    const EntryVersion &shown = m_sides.first();
    const EntryVersion &other = m_sides.at(m_other);
    switch (keep) {
    case Keep::Shown:
        return shown.html;
    case Keep::Other:
        return other.html;
    case Keep::Both:
        break;
    }
    return shown.html + other.html;
}

QString ConflictDialog::resolve(Keep keep, const QString &reason) {
    m_error.clear();
    if (!m_notebook || !hasConflict()) {
        m_error = tr("the entry is not in conflict");
        return {};
    }
    const QString title = keep == Keep::Other ? m_sides.at(m_other).title : m_sides.first().title;
    auto id = m_notebook->resolveConflict(m_entry, title, keptHtml(keep), reason);
    if (!id) {
        m_error = id.error();
        return {};
    }
    emit resolved(m_entry);
    return *id;
}

void ConflictDialog::save() {
    const QString id = resolve(Keep(m_keep->checkedId()), m_reason->text());
    if (id.isEmpty()) {
        showProblem(this, tr("The conflict was not resolved"), m_error);
        return;
    }
    accept();
}

void ConflictDialog::changeEvent(QEvent *event) {
    if (event->type() == QEvent::LanguageChange) {
        retranslate();
        showSides();
    }
    QDialog::changeEvent(event);
}

void ConflictDialog::retranslate() {
    const int count = int(m_sides.size());
    setWindowTitle(tr("Versions in conflict"));
    m_heading->setText(
        m_sides.isEmpty()
            ? tr("Versions in conflict")
            : tr("“%1”: %n versions in conflict", nullptr, count).arg(m_sides.first().title));
    m_hint->setText(tr("This entry was changed on two computers before they synced, so it has "
                       "more than one latest version. Every version is kept. Until the author "
                       "resolves the conflict, every computer shows the one on the left."));
    m_otherLabel->setText(tr("Compare &with:"));
    const QSignalBlocker blocker(m_otherCombo);
    m_otherCombo->clear();
    for (int i = 1; i < m_sides.size(); ++i)
        m_otherCombo->addItem(tr("Version %1 · %2")
                                  .arg(m_sides.at(i).version)
                                  .arg(EntryPageRenderer::localTime(m_sides.at(i).recordedAt)));
    m_otherCombo->setCurrentIndex(m_other - 1);
    m_compare->setAccessibleName(tr("The versions in conflict, side by side"));
    m_resolveBox->setTitle(tr("Resolve the conflict"));
    m_keepShown->setText(tr("Keep the text on the left"));
    m_keepOther->setText(tr("Keep the text on the right"));
    m_keepBoth->setText(tr("Keep both texts, the left one first (edit the entry afterwards to "
                           "join them)"));
    m_reasonLabel->setText(tr("&Reason:"));
    m_reason->setPlaceholderText(tr("Why this text, for the record"));
    m_save->setText(tr("&Save resolution"));
    m_save->setToolTip(tr("Saves a version that joins every version in conflict; once synced, "
                          "the conflict is gone on every computer"));
}

} // namespace quire::widgets
