#pragma once
// ConflictDialog: an entry changed on two computers before they synced has several latest
// versions (a conflict). This shows the one every computer shows beside another one, line by
// line (changed lines in amber, added in green, removed in red), and lets the entry's author
// resolve the conflict: keep one side's text, or both texts one after the other, and say why.
// The version saved names every side (model: Notebook::resolveConflict), so once synced the
// conflict is gone everywhere. Later changes are written in the editor as usual.

#include "Notebook.h"
#include "TextDiff.h"

#include <QDialog>
#include <QPointer>

class QButtonGroup;
class QComboBox;
class QGroupBox;
class QLabel;
class QLineEdit;
class QPushButton;
class QRadioButton;
class QTextBrowser;

namespace quire::widgets {

class ConflictDialog : public QDialog {
    Q_OBJECT
public:
    // `resolve` puts the focus on resolving (the page's Resolve… link) rather than comparing.
    ConflictDialog(Notebook *notebook, const QString &entry, bool resolve,
                   QWidget *parent = nullptr);

    // What the person can keep.
    enum class Keep { Shown, Other, Both };
    // False (with errorText) when the entry is not, or no longer, in conflict.
    bool hasConflict() const { return m_sides.size() > 1; }
    QString errorText() const { return m_error; }
    const QList<DiffRow> &rows() const { return m_rows; }
    // Chooses the other side compared with the shown one (1 = the first other version).
    void compareWith(int side);
    // Fills in the resolution as a person would and saves it; the record id, or empty with
    // errorText set.
    QString resolve(Keep keep, const QString &reason);

signals:
    // A version was saved that joins the versions in conflict.
    void resolved(const QString &entry);

protected:
    void changeEvent(QEvent *event) override;

private:
    void retranslate();
    void showSides();
    QString keptHtml(Keep keep) const;
    void save();

    QPointer<Notebook> m_notebook;
    QString m_entry;
    QList<EntryVersion> m_sides; // head first
    int m_other = 1;
    bool m_mine = false;
    QList<DiffRow> m_rows;
    QString m_error;

    QLabel *m_heading = nullptr;
    QLabel *m_hint = nullptr;
    QLabel *m_otherLabel = nullptr;
    QComboBox *m_otherCombo = nullptr;
    QTextBrowser *m_compare = nullptr;
    QGroupBox *m_resolveBox = nullptr;
    QRadioButton *m_keepShown = nullptr;
    QRadioButton *m_keepOther = nullptr;
    QRadioButton *m_keepBoth = nullptr;
    QButtonGroup *m_keep = nullptr;
    QLabel *m_reasonLabel = nullptr;
    QLineEdit *m_reason = nullptr;
    QPushButton *m_save = nullptr;
    QPushButton *m_close = nullptr;
};

} // namespace quire::widgets
