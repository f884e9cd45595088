#pragma once
// FocusRing: a frame in the highlight colour around a large widget while the keyboard focus is
// in it — the sidebar, the page, the details — so that a person working by keyboard sees where
// their keys go (the style draws no focus for a whole tree or web view, only for its rows or
// links). It lies over the widget, takes no mouse events and paints only the frame.

#include <QPointer>
#include <QWidget>

namespace quire::widgets {

class FocusRing : public QWidget {
    Q_OBJECT
public:
    // The ring of `target`, made once and owned by it.
    static FocusRing *attach(QWidget *target);

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;
    void paintEvent(QPaintEvent *event) override;

private:
    explicit FocusRing(QWidget *target);
    void focusMoved(QWidget *now);

    QPointer<QWidget> m_target;
};

} // namespace quire::widgets
