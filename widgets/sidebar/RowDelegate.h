#pragma once
// RowDelegate: what the sidebar's and the search results' row painters share. The style draws a
// row's background (hover, selection, focus); the delegate draws the text itself, in the row's
// colours: the text colour, and a muted one for second lines, both fit for a selected row.

#include <QColor>
#include <QFont>
#include <QStyledItemDelegate>

namespace quire::widgets {

class RowDelegate : public QStyledItemDelegate {
    Q_OBJECT
public:
    using QStyledItemDelegate::QStyledItemDelegate;

    // The size of second lines and counts.
    static QFont smallFont(const QFont &base);

protected:
    struct RowColours {
        QColor text;
        QColor muted;
    };
    // Draws the row's background and gives the colours for its text; `option` is filled in
    // from the index on the way.
    RowColours drawBackground(QPainter *painter, QStyleOptionViewItem &option,
                              const QModelIndex &index) const;
};

} // namespace quire::widgets
