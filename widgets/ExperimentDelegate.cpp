#include "ExperimentDelegate.h"

#include "ExperimentListModel.h"

#include <QApplication>
#include <QPainter>

namespace quire::widgets {

namespace {
constexpr int kHPad = 12;
constexpr int kVPad = 8;
constexpr int kLineGap = 2;

QFont titleFont(const QFont &base) {
    QFont f = base;
    f.setWeight(QFont::DemiBold);
    return f;
}

QFont smallFont(const QFont &base) {
    QFont f = base;
    f.setPointSizeF(base.pointSizeF() > 0 ? base.pointSizeF() * 0.9 : 9);
    return f;
}
} // namespace

void ExperimentDelegate::paint(QPainter *painter, const QStyleOptionViewItem &option,
                               const QModelIndex &index) const {
    QStyleOptionViewItem opt = option;
    initStyleOption(&opt, index);
    // Let the style draw the row background (hover, selection, focus); we draw the text.
    opt.text.clear();
    const QWidget *widget = option.widget;
    QStyle *style = widget ? widget->style() : QApplication::style();
    style->drawControl(QStyle::CE_ItemViewItem, &opt, painter, widget);

    const bool selected = opt.state & QStyle::State_Selected;
    const QPalette::ColorGroup group =
        opt.state & QStyle::State_Active ? QPalette::Active : QPalette::Inactive;
    const QColor text =
        opt.palette.color(group, selected ? QPalette::HighlightedText : QPalette::Text);
    QColor muted = text;
    muted.setAlphaF(selected ? 0.85f : 0.62f);

    const QRect area = opt.rect.adjusted(kHPad, kVPad, -kHPad, -kVPad);
    const QFont tFont = titleFont(opt.font);
    const QFont sFont = smallFont(opt.font);
    const QFontMetrics tMetrics(tFont);
    const QFontMetrics sMetrics(sFont);

    const QString count = ExperimentListModel::entryCountText(
        index.data(ExperimentListModel::EntryCountRole).toInt());
    const int countWidth = sMetrics.horizontalAdvance(count);

    painter->save();
    QRect titleRect(area.left(), area.top(), area.width() - countWidth - kHPad, tMetrics.height());
    painter->setFont(tFont);
    painter->setPen(text);
    painter->drawText(
        titleRect, Qt::AlignLeft | Qt::AlignVCenter,
        tMetrics.elidedText(index.data().toString(), Qt::ElideRight, titleRect.width()));

    painter->setFont(sFont);
    painter->setPen(muted);
    QRect countRect(area.right() - countWidth, area.top(), countWidth, tMetrics.height());
    painter->drawText(countRect, Qt::AlignRight | Qt::AlignVCenter, count);

    QString subtitle = index.data(ExperimentListModel::SubtitleRole).toString();
    if (subtitle.isEmpty()) subtitle = tr("No project or tags");
    QRect subRect(area.left(), titleRect.bottom() + 1 + kLineGap, area.width(), sMetrics.height());
    painter->drawText(subRect, Qt::AlignLeft | Qt::AlignVCenter,
                      sMetrics.elidedText(subtitle, Qt::ElideRight, subRect.width()));
    painter->restore();
}

QSize ExperimentDelegate::sizeHint(const QStyleOptionViewItem &option, const QModelIndex &) const {
    const int height = QFontMetrics(titleFont(option.font)).height() + kLineGap +
                       QFontMetrics(smallFont(option.font)).height() + 2 * kVPad;
    return {200, height};
}

} // namespace quire::widgets
