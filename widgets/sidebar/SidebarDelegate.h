#pragma once
// SidebarDelegate: draws the sidebar's rows. Experiments and entries waiting for a signature are
// two calm lines (the title with its count, then project and tags, or where the entry is);
// groups are small headings with a count; projects and tags are one line with theirs. A long
// list stays scannable and nothing is cut off without "…".

#include "sidebar/RowDelegate.h"

namespace quire::widgets {

class SidebarDelegate : public RowDelegate {
    Q_OBJECT
public:
    using RowDelegate::RowDelegate;

    void paint(QPainter *painter, const QStyleOptionViewItem &option,
               const QModelIndex &index) const override;
    QSize sizeHint(const QStyleOptionViewItem &option, const QModelIndex &index) const override;
};

} // namespace quire::widgets
