#include "common/FocusRing.h"

#include <QApplication>
#include <QEvent>
#include <QPainter>

namespace quire::widgets {

FocusRing *FocusRing::attach(QWidget *target) {
    if (auto *ring = target->findChild<FocusRing *>(QString(), Qt::FindDirectChildrenOnly))
        return ring;
    return new FocusRing(target);
}

FocusRing::FocusRing(QWidget *target)
    : QWidget(target)
    , m_target(target) {
    setObjectName(QStringLiteral("focusRing"));
    setAttribute(Qt::WA_TransparentForMouseEvents);
    setAttribute(Qt::WA_NoSystemBackground);
    setFocusPolicy(Qt::NoFocus);
    hide();
    target->installEventFilter(this);
    connect(qApp, &QApplication::focusChanged, this,
            [this](QWidget *, QWidget *now) { focusMoved(now); });
}

void FocusRing::focusMoved(QWidget *now) {
    const bool inside = m_target && now && (now == m_target || m_target->isAncestorOf(now));
    if (inside) {
        setGeometry(m_target->rect());
        raise();
    }
    setVisible(inside);
}

bool FocusRing::eventFilter(QObject *watched, QEvent *event) {
    if (watched == m_target && event->type() == QEvent::Resize && isVisible())
        setGeometry(m_target->rect());
    return QWidget::eventFilter(watched, event);
}

void FocusRing::paintEvent(QPaintEvent *) {
    QPainter painter(this);
    QPen pen(palette().color(QPalette::Active, QPalette::Highlight), 2);
    painter.setPen(pen);
    painter.drawRect(QRectF(rect()).adjusted(1, 1, -1, -1));
}

} // namespace quire::widgets
