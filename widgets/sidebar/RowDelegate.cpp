#include "sidebar/RowDelegate.h"

#include <QApplication>
#include <QPainter>

namespace quire::widgets {

QFont RowDelegate::smallFont(const QFont &base) {
    QFont f = base;
    f.setPointSizeF(base.pointSizeF() > 0 ? base.pointSizeF() * 0.9 : 9);
    return f;
}

RowDelegate::RowColours RowDelegate::drawBackground(QPainter *painter, QStyleOptionViewItem &option,
                                                    const QModelIndex &index) const {
    initStyleOption(&option, index);
    option.text.clear();
    option.icon = QIcon();
    const QWidget *widget = option.widget;
    QStyle *style = widget ? widget->style() : QApplication::style();
    style->drawControl(QStyle::CE_ItemViewItem, &option, painter, widget);

    const bool selected = option.state & QStyle::State_Selected;
    const QPalette::ColorGroup group =
        option.state & QStyle::State_Active ? QPalette::Active : QPalette::Inactive;
    RowColours colours;
    colours.text =
        option.palette.color(group, selected ? QPalette::HighlightedText : QPalette::Text);
    colours.muted = colours.text;
    colours.muted.setAlphaF(selected ? 0.85f : 0.62f);
    return colours;
}

} // namespace quire::widgets
