#pragma once
// common/: what the windows and dialogs of every other folder share.
//
// Small pieces the dialogs share, so that headings, error messages, busy indicators, icons and
// empty states look the same everywhere.

#include <QIcon>
#include <QString>

class QDialogButtonBox;
class QLabel;
class QLayout;
class QPushButton;
class QWidget;

namespace quire::widgets {

// A larger, semi-bold line at the top of a dialog.
QLabel *makeHeading(const QString &text, QWidget *parent);
// A muted, wrapping explanation under a heading or field.
QLabel *makeHint(const QString &text, QWidget *parent);
// A red, wrapping message line, hidden until showError().
QLabel *makeErrorLabel(QWidget *parent);
void showError(QLabel *label, const QString &text);
void hideError(QLabel *label);
// An indeterminate progress bar with a short text beside it, hidden until needed.
QWidget *makeBusyRow(const QString &text, QWidget *parent);

// Text-only dialog buttons: the style's stock icons add noise and say nothing the words
// do not.
void useTextOnlyButtons(QDialogButtonBox *buttons);

// The model says "the passphrase is wrong"; a sentence on screen starts with a capital and
// ends with a full stop.
QString asSentence(const QString &message);
// A warning box that says what went wrong (the model's message, as a sentence); window-modal,
// and gone when closed.
void showProblem(QWidget *parent, const QString &title, const QString &modelMessage);

// The desktop theme's icon, or `fallback`'s where the theme has none by that name.
QIcon themeIcon(const char *name, const char *fallback = nullptr);

// A column of centred text and one button: the shape of every empty or locked state.
QWidget *makeCentredMessage(QWidget *parent, QLabel **title, QLabel **hint, QPushButton **button);
// A centred message's text, every line of it on screen.
void setWrappedText(QLabel *label, const QString &text);

} // namespace quire::widgets
