#pragma once
// ExperimentDialog: asks for a new experiment's title (required), project and tags.

#include <QDialog>
#include <QStringList>

class QDialogButtonBox;
class QLineEdit;

namespace quire::widgets {

class ExperimentDialog : public QDialog {
    Q_OBJECT
public:
    explicit ExperimentDialog(QWidget *parent = nullptr);

    QString title() const;
    QString project() const;
    QStringList tags() const;

    // "buffer, routine ,, pH 7" -> {"buffer", "routine", "pH 7"}
    static QStringList splitTags(const QString &text);

signals:
    // OK was pressed with valid input; the owner saves and then calls accept(), or shows
    // what went wrong and leaves the dialog open so nothing typed is lost.
    void submitted();

private:
    QLineEdit *m_title = nullptr;
    QLineEdit *m_project = nullptr;
    QLineEdit *m_tags = nullptr;
    QDialogButtonBox *m_buttons = nullptr;
};

} // namespace quire::widgets
