#include "editor/VoidEntryDialog.h"

#include "common/DialogParts.h"

#include <QDialogButtonBox>
#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QVBoxLayout>

namespace quire::widgets {

VoidEntryDialog::VoidEntryDialog(const QString &entryTitle, bool signedEntry, QWidget *parent)
    : QDialog(parent) {
    setObjectName(QStringLiteral("voidEntryDialog"));
    setWindowTitle(tr("Void entry"));
    setMinimumWidth(520);

    auto *layout = new QVBoxLayout(this);
    layout->setSpacing(10);
    auto *heading = makeHeading(tr("Void “%1”?").arg(entryTitle), this);
    heading->setTextFormat(Qt::PlainText);
    layout->addWidget(heading);
    QString hint = tr("Voiding withdraws the entry: it stays in the notebook, struck through and "
                      "marked as voided with your reason, and every version stays readable in its "
                      "history. Nothing is deleted, and a voided entry cannot be changed or signed "
                      "any more.");
    if (signedEntry)
        hint += QLatin1Char(' ') + tr("Its signatures stay with the versions they signed.");
    auto *explanation = makeHint(hint, this);
    explanation->setTextFormat(Qt::PlainText);
    layout->addWidget(explanation);

    auto *form = new QFormLayout;
    form->setFieldGrowthPolicy(QFormLayout::ExpandingFieldsGrow);
    m_reason = new QLineEdit(this);
    m_reason->setObjectName(QStringLiteral("reasonEdit"));
    m_reason->setPlaceholderText(tr("e.g. measured the wrong sample"));
    form->addRow(tr("&Why is it withdrawn?"), m_reason);
    layout->addLayout(form);

    m_buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    QPushButton *ok = m_buttons->button(QDialogButtonBox::Ok);
    ok->setObjectName(QStringLiteral("voidButton"));
    ok->setText(tr("&Void entry"));
    ok->setEnabled(false);
    useTextOnlyButtons(m_buttons);
    layout->addWidget(m_buttons);
    connect(m_reason, &QLineEdit::textChanged, this,
            [ok](const QString &text) { ok->setEnabled(!text.trimmed().isEmpty()); });
    connect(m_buttons, &QDialogButtonBox::accepted, this, &VoidEntryDialog::submitted);
    connect(m_buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    m_reason->setFocus();
}

QString VoidEntryDialog::reason() const {
    return m_reason->text().trimmed();
}

} // namespace quire::widgets
