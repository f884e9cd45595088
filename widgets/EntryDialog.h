#pragma once
// EntryDialog: a first, plain way to write an entry — a title and a text box. Plain text
// becomes paragraphs; HTML (ticked by hand, or recognised as the user types) is passed on
// for the model to sanitise. The rich editor replaces this later.

#include <QDialog>

class QCheckBox;
class QDialogButtonBox;
class QLineEdit;
class QPlainTextEdit;

namespace quire::widgets {

class EntryDialog : public QDialog {
    Q_OBJECT
public:
    explicit EntryDialog(const QString &experimentTitle, QWidget *parent = nullptr);

    QString title() const;
    // The entry body as HTML, whichever way it was typed.
    QString html() const;

    // Blank lines separate paragraphs, single line breaks stay; every character is escaped.
    static QString plainTextToHtml(const QString &text);
    // True when the text starts like markup someone pasted or typed on purpose.
    static bool looksLikeHtml(const QString &text);

signals:
    // OK was pressed with valid input; the owner saves and then calls accept(), or shows
    // what went wrong and leaves the dialog open so nothing typed is lost.
    void submitted();

private:
    QLineEdit *m_title = nullptr;
    QPlainTextEdit *m_text = nullptr;
    QCheckBox *m_isHtml = nullptr;
    QDialogButtonBox *m_buttons = nullptr;
    bool m_formatChosenByUser = false;
};

} // namespace quire::widgets
