#include "common/DialogParts.h"

#include <QAbstractButton>
#include <QDialogButtonBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QLayout>
#include <QMessageBox>
#include <QProgressBar>
#include <QPushButton>
#include <QVBoxLayout>

namespace quire::widgets {

QLabel *makeHeading(const QString &text, QWidget *parent) {
    auto *label = new QLabel(text, parent);
    QFont f = label->font();
    f.setPointSizeF(f.pointSizeF() * 1.3);
    f.setWeight(QFont::DemiBold);
    label->setFont(f);
    label->setWordWrap(true);
    return label;
}

QLabel *makeHint(const QString &text, QWidget *parent) {
    auto *label = new QLabel(text, parent);
    label->setWordWrap(true);
    QPalette p = label->palette();
    QColor muted = p.color(QPalette::WindowText);
    muted.setAlphaF(0.7f);
    p.setColor(QPalette::WindowText, muted);
    label->setPalette(p);
    return label;
}

QLabel *makeErrorLabel(QWidget *parent) {
    auto *label = new QLabel(parent);
    label->setObjectName(QStringLiteral("errorLabel"));
    label->setWordWrap(true);
    label->setTextFormat(Qt::PlainText);
    QPalette p = label->palette();
    const bool dark = p.color(QPalette::Window).lightness() < 128;
    p.setColor(QPalette::WindowText, dark ? QColor(0xff, 0x8a, 0x80) : QColor(0xb3, 0x26, 0x1e));
    label->setPalette(p);
    QFont f = label->font();
    f.setWeight(QFont::DemiBold);
    label->setFont(f);
    label->setAccessibleName(QObject::tr("Error"));
    label->hide();
    return label;
}

void showError(QLabel *label, const QString &text) {
    label->setText(text);
    label->show();
    // A wrapped message needs more height than the dialog had; grow it rather than clip.
    if (QWidget *window = label->window(); window->isVisible()) {
        window->layout()->activate();
        window->resize(
            window->width(),
            qMax(window->height(), window->layout()->totalHeightForWidth(window->width())));
    }
}

void hideError(QLabel *label) {
    label->clear();
    label->hide();
}

QWidget *makeBusyRow(const QString &text, QWidget *parent) {
    auto *row = new QWidget(parent);
    row->setObjectName(QStringLiteral("busyRow"));
    auto *layout = new QHBoxLayout(row);
    layout->setContentsMargins(0, 0, 0, 0);
    auto *bar = new QProgressBar(row);
    bar->setRange(0, 0); // indeterminate: the key derivation reports no progress
    bar->setTextVisible(false);
    bar->setFixedWidth(140);
    layout->addWidget(bar);
    layout->addWidget(new QLabel(text, row), 1);
    row->hide();
    return row;
}

void useTextOnlyButtons(QDialogButtonBox *buttons) {
    for (QAbstractButton *button : buttons->buttons())
        button->setIcon(QIcon());
}

QString asSentence(const QString &message) {
    QString s = message.trimmed();
    if (s.isEmpty()) return s;
    s[0] = s[0].toUpper();
    if (!s.endsWith(QLatin1Char('.')) && !s.endsWith(QLatin1Char('?')) &&
        !s.endsWith(QLatin1Char('!')))
        s += QLatin1Char('.');
    return s;
}

void showProblem(QWidget *parent, const QString &title, const QString &modelMessage) {
    auto *box = new QMessageBox(QMessageBox::Warning, title, asSentence(modelMessage),
                                QMessageBox::Ok, parent);
    box->setObjectName(QStringLiteral("problemBox"));
    box->setAttribute(Qt::WA_DeleteOnClose);
    box->open();
}

QIcon themeIcon(const char *name, const char *fallback) {
    if (fallback && !QIcon::hasThemeIcon(QLatin1String(name)))
        return QIcon::fromTheme(QLatin1String(fallback));
    return QIcon::fromTheme(QLatin1String(name));
}

namespace {
constexpr int kMessageWidth = 460;
} // namespace

QWidget *makeCentredMessage(QWidget *parent, QLabel **title, QLabel **hint, QPushButton **button) {
    auto *page = new QWidget(parent);
    auto *outer = new QVBoxLayout(page);
    outer->addStretch(2);
    auto *column = new QWidget(page);
    auto *layout = new QVBoxLayout(column);
    layout->setSpacing(12);
    *title = makeHeading({}, column);
    (*title)->setAlignment(Qt::AlignHCenter);
    *hint = makeHint({}, column);
    (*hint)->setAlignment(Qt::AlignHCenter);
    *button = new QPushButton(column);
    (*button)->setDefault(true);
    layout->addWidget(*title);
    layout->addWidget(*hint);
    layout->addSpacing(6);
    layout->addWidget(*button, 0, Qt::AlignHCenter);
    outer->addWidget(column, 0, Qt::AlignHCenter);
    outer->addStretch(3);
    return page;
}

void setWrappedText(QLabel *label, const QString &text) {
    // Box layouts size a word-wrapped label from a guessed width and clip the rest; a fixed
    // measure and an explicit height keep every line of the message on screen.
    label->setText(text);
    label->setFixedWidth(kMessageWidth);
    label->setMinimumHeight(label->heightForWidth(kMessageWidth));
}

} // namespace quire::widgets
