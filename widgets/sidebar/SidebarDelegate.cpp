#include "sidebar/SidebarDelegate.h"

#include "sidebar/SidebarModel.h"

#include <QPainter>

namespace quire::widgets {

namespace {
constexpr int kHPad = 8;
constexpr int kVPad = 6;
constexpr int kLineGap = 1;

using Kind = SidebarModel::Kind;

Kind kindOf(const QModelIndex &index) {
    return Kind(index.data(SidebarModel::KindRole).toInt());
}

bool twoLines(Kind kind) {
    return kind == Kind::Experiment || kind == Kind::Review || kind == Kind::Capture;
}

QFont titleFont(const QFont &base, Kind kind) {
    QFont f = base;
    if (kind == Kind::Group) {
        // Small and muted, set apart by weight; not upper-cased, which can crowd out the dots
        // of an Ö at this size.
        f.setPointSizeF(base.pointSizeF() > 0 ? base.pointSizeF() * 0.9 : 8);
        f.setWeight(QFont::Bold);
    } else if (kind != Kind::Project && kind != Kind::Tag) {
        f.setWeight(QFont::DemiBold);
    }
    return f;
}

QString countText(const QModelIndex &index, Kind kind) {
    const int count = index.data(SidebarModel::CountRole).toInt();
    switch (kind) {
    case Kind::Experiment:
        return SidebarModel::entryCountText(count);
    case Kind::Review:
    case Kind::Capture:
        return {};
    case Kind::Group:
        // "Inbox (N)" says its count in its title.
        if (index.data(SidebarModel::KeyRole).toString() == QLatin1String("group:inbox")) return {};
        return QString::number(count);
    default:
        return QString::number(count);
    }
}
} // namespace

void SidebarDelegate::paint(QPainter *painter, const QStyleOptionViewItem &option,
                            const QModelIndex &index) const {
    QStyleOptionViewItem opt = option;
    const auto [text, muted] = drawBackground(painter, opt, index);
    const Kind kind = kindOf(index);

    const QRect area = opt.rect.adjusted(kHPad, kVPad, -kHPad, -kVPad);
    const QFont tFont = titleFont(opt.font, kind);
    const QFont sFont = smallFont(opt.font);
    const QFontMetrics tMetrics(tFont);
    const QFontMetrics sMetrics(sFont);

    const QString count = countText(index, kind);
    const int countWidth = count.isEmpty() ? 0 : sMetrics.horizontalAdvance(count) + kHPad;

    painter->save();
    QRect titleRect(area.left(), area.top(), area.width() - countWidth, tMetrics.height());
    if (!twoLines(kind)) titleRect.moveTop(area.top() + (area.height() - tMetrics.height()) / 2);
    painter->setFont(tFont);
    painter->setPen(kind == Kind::Group ? muted : text);
    painter->drawText(
        titleRect, Qt::AlignLeft | Qt::AlignVCenter,
        tMetrics.elidedText(index.data().toString(), Qt::ElideRight, titleRect.width()));

    painter->setFont(sFont);
    painter->setPen(muted);
    if (!count.isEmpty())
        painter->drawText(
            QRect(area.right() - countWidth, titleRect.top(), countWidth, titleRect.height()),
            Qt::AlignRight | Qt::AlignVCenter, count);
    if (twoLines(kind)) {
        QString subtitle = index.data(SidebarModel::SubtitleRole).toString();
        if (subtitle.isEmpty() && kind == Kind::Experiment) subtitle = tr("No tags");
        const QRect subRect(area.left(), titleRect.bottom() + 1 + kLineGap, area.width(),
                            sMetrics.height());
        painter->drawText(subRect, Qt::AlignLeft | Qt::AlignVCenter,
                          sMetrics.elidedText(subtitle, Qt::ElideRight, subRect.width()));
    }
    painter->restore();
}

QSize SidebarDelegate::sizeHint(const QStyleOptionViewItem &option,
                                const QModelIndex &index) const {
    const Kind kind = kindOf(index);
    const int title = QFontMetrics(titleFont(option.font, kind)).height();
    if (twoLines(kind))
        return {200, title + kLineGap + QFontMetrics(smallFont(option.font)).height() + 2 * kVPad};
    // Groups get room above them, so that they read as headings of what follows.
    return {200, title + 2 * kVPad + (kind == Kind::Group ? 6 : 0)};
}

} // namespace quire::widgets
