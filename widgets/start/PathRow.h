#pragma once
// PathRow: a form row for a file or folder — a field to type the path in and a Browse… button
// that asks for it — as the create and join dialogs use for the new notebook's folder and the
// files they read and write.

#include <QString>

#include <functional>

class QFormLayout;
class QLineEdit;
class QWidget;

namespace quire::widgets {

// Adds the row "`label` [path] [Browse…]" to `form`; `browse` asks for the path (empty when the
// person cancelled). The label's mnemonic goes to the field.
QLineEdit *addPathRow(QFormLayout *form, const QString &label, const QString &path,
                      const char *objectName, const std::function<QString()> &browse,
                      QWidget *parent);

} // namespace quire::widgets
