#pragma once
// Small pieces the dialogs share, so that headings, error messages and busy indicators look
// the same everywhere.

#include <QString>

class QDialogButtonBox;
class QLabel;
class QLayout;
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

} // namespace quire::widgets
