#include "editor/ExperimentDialog.h"

#include "common/DialogParts.h"

#include <QDialogButtonBox>
#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QVBoxLayout>

namespace quire::widgets {

ExperimentDialog::ExperimentDialog(QWidget *parent)
    : QDialog(parent) {
    setObjectName(QStringLiteral("experimentDialog"));
    setWindowTitle(tr("New experiment"));
    setMinimumWidth(480);

    auto *layout = new QVBoxLayout(this);
    layout->setSpacing(10);
    layout->addWidget(makeHeading(tr("New experiment"), this));
    layout->addWidget(makeHint(tr("An experiment groups the entries you write about one piece "
                                  "of work."),
                               this));
    auto *form = new QFormLayout;
    form->setFieldGrowthPolicy(QFormLayout::ExpandingFieldsGrow);
    m_title = new QLineEdit(this);
    m_title->setObjectName(QStringLiteral("titleEdit"));
    m_title->setPlaceholderText(tr("e.g. Phosphate buffer, pH 7.4"));
    m_project = new QLineEdit(this);
    m_project->setObjectName(QStringLiteral("projectEdit"));
    m_project->setPlaceholderText(tr("Optional"));
    m_tags = new QLineEdit(this);
    m_tags->setObjectName(QStringLiteral("tagsEdit"));
    m_tags->setPlaceholderText(tr("Optional, separated by commas: buffer, routine"));
    form->addRow(tr("&Title:"), m_title);
    form->addRow(tr("&Project:"), m_project);
    form->addRow(tr("T&ags:"), m_tags);
    layout->addLayout(form);
    layout->addStretch(1);

    m_buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    QPushButton *ok = m_buttons->button(QDialogButtonBox::Ok);
    ok->setText(tr("&Create experiment"));
    ok->setEnabled(false);
    useTextOnlyButtons(m_buttons);
    layout->addWidget(m_buttons);
    connect(m_title, &QLineEdit::textChanged, this,
            [ok](const QString &text) { ok->setEnabled(!text.trimmed().isEmpty()); });
    connect(m_buttons, &QDialogButtonBox::accepted, this, &ExperimentDialog::submitted);
    connect(m_buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    m_title->setFocus();
}

QString ExperimentDialog::title() const {
    return m_title->text().trimmed();
}
QString ExperimentDialog::project() const {
    return m_project->text().trimmed();
}
QStringList ExperimentDialog::tags() const {
    return splitTags(m_tags->text());
}

QStringList ExperimentDialog::splitTags(const QString &text) {
    QStringList out;
    for (const auto &part : text.split(QLatin1Char(','))) {
        const QString tag = part.trimmed();
        if (!tag.isEmpty() && !out.contains(tag)) out << tag;
    }
    return out;
}

} // namespace quire::widgets
