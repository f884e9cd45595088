#pragma once
// ExperimentDelegate: draws one experiment in the sidebar as two calm lines — the title with
// its entry count, then project and tags — so a long list stays scannable.

#include <QStyledItemDelegate>

namespace quire::widgets {

class ExperimentDelegate : public QStyledItemDelegate {
    Q_OBJECT
public:
    using QStyledItemDelegate::QStyledItemDelegate;

    void paint(QPainter *painter, const QStyleOptionViewItem &option,
               const QModelIndex &index) const override;
    QSize sizeHint(const QStyleOptionViewItem &option, const QModelIndex &index) const override;
};

} // namespace quire::widgets
