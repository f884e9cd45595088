#pragma once
// TemplatePickerDialog and TemplateNameDialog (issue 17): choosing a template of the notebook,
// with a preview of what it holds (and, for an experiment template, the new experiment's
// title), and naming one about to be saved. What they choose is done by their owner.

#include <QDialog>
#include <QList>
#include <QString>
#include <QTextBrowser>

class QDialogButtonBox;
class QLabel;
class QLineEdit;
class QListWidget;

namespace quire {
class Notebook;
struct TemplateInfo;
} // namespace quire

namespace quire::widgets {

// A preview that shows the template's text and loads nothing: no file, no network.
class TemplatePreview : public QTextBrowser {
public:
    explicit TemplatePreview(QWidget *parent);
    QVariant loadResource(int type, const QUrl &name) override;
};

class TemplatePickerDialog : public QDialog {
    Q_OBJECT
public:
    // `kind`: "experiment" (asks for the title too) or "entry".
    TemplatePickerDialog(Notebook *notebook, const QString &kind, QWidget *parent);

    int templateCount() const { return m_uuids.size(); }
    QString templateUuid() const; // the chosen one, empty when none
    QString title() const;        // the new experiment's title
    QString html() const;         // the chosen entry template's HTML

signals:
    void submitted();

private:
    void showChosen();

    QString m_kind;
    QStringList m_uuids;
    QList<QString> m_htmls;
    QList<QString> m_previews;
    QStringList m_titles;
    QListWidget *m_list = nullptr;
    TemplatePreview *m_preview = nullptr;
    QLineEdit *m_title = nullptr;
    QDialogButtonBox *m_buttons = nullptr;
};

class TemplateNameDialog : public QDialog {
    Q_OBJECT
public:
    // `what` says what is kept, e.g. the experiment's title.
    TemplateNameDialog(const QString &what, const QString &suggestion, QWidget *parent);
    QString name() const;

signals:
    void submitted();

private:
    QLineEdit *m_name = nullptr;
};

} // namespace quire::widgets
