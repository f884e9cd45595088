#include "start/PathRow.h"

#include <QCoreApplication>
#include <QDir>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>

namespace quire::widgets {

QLineEdit *addPathRow(QFormLayout *form, const QString &label, const QString &path,
                      const char *objectName, const std::function<QString()> &browse,
                      QWidget *parent) {
    auto *edit = new QLineEdit(QDir::toNativeSeparators(path), parent);
    edit->setObjectName(QLatin1String(objectName));
    auto *button =
        new QPushButton(QCoreApplication::translate("quire::widgets::PathRow", "Browse…"), parent);
    button->setAccessibleName(label.simplified().remove(QLatin1Char('&')).remove(QLatin1Char(':')) +
                              QStringLiteral(" — ") + button->text());
    QObject::connect(button, &QPushButton::clicked, edit, [edit, browse] {
        const QString chosen = browse();
        if (!chosen.isEmpty()) edit->setText(QDir::toNativeSeparators(chosen));
    });
    auto *row = new QHBoxLayout;
    row->addWidget(edit, 1);
    row->addWidget(button);
    // A row that is a layout has no buddy of its own: the label needs one for its shortcut.
    auto *rowLabel = new QLabel(label, parent);
    rowLabel->setBuddy(edit);
    form->addRow(rowLabel, row);
    return edit;
}

} // namespace quire::widgets
