#include "sync/AlarmsDialog.h"

#include "common/DialogParts.h"

#include <QDateTime>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QLocale>
#include <QPushButton>
#include <QTreeWidget>
#include <QVBoxLayout>

namespace quire::widgets {

namespace {

QString kindText(const QString &kind) {
    if (kind == QLatin1String("authentication_failed"))
        return AlarmsDialog::tr("Fails authentication");
    if (kind == QLatin1String("name_mismatch"))
        return AlarmsDialog::tr("Name does not fit its content");
    if (kind == QLatin1String("conflicting_file"))
        return AlarmsDialog::tr("Other bytes under a known name");
    if (kind == QLatin1String("bad_grant")) return AlarmsDialog::tr("Key grant refused");
    if (kind == QLatin1String("bad_ca_share"))
        return AlarmsDialog::tr("Certificate authority share refused");
    if (kind == QLatin1String("history_rewritten")) return AlarmsDialog::tr("History rewritten");
    if (kind == QLatin1String("file_removed")) return AlarmsDialog::tr("Files removed");
    if (kind == QLatin1String("refused")) return AlarmsDialog::tr("Refused file");
    return kind;
}

QString when(const QString &utc) {
    const QDateTime t = QDateTime::fromString(utc, Qt::ISODateWithMs);
    return t.isValid() ? QLocale().toString(t.toLocalTime(), QLocale::ShortFormat) : utc;
}

// File names are 64 hex digits; the first twelve tell them apart on screen.
QString shortPath(const QString &path) {
    const qsizetype slash = path.lastIndexOf(u'/');
    if (slash < 0 || path.size() - slash < 20) return path;
    return path.left(slash + 13) + QStringLiteral("…");
}

} // namespace

AlarmsDialog::AlarmsDialog(Notebook *notebook, QWidget *parent)
    : QDialog(parent)
    , m_notebook(notebook) {
    setObjectName(QStringLiteral("alarmsDialog"));
    setWindowTitle(tr("Sync alarms"));
    resize(760, 420);
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(makeHeading(tr("What syncs found wrong on the shared repository"), this));
    layout->addWidget(makeHint(
        tr("Nothing in this notebook was changed or lost: Quire kept its own records and did "
           "not take in these files. An alarm stays red, and every sync reports it, until an "
           "admin has looked at it and acknowledged it with a reason."),
        this));
    m_list = new QTreeWidget(this);
    m_list->setObjectName(QStringLiteral("alarmsList"));
    m_list->setRootIsDecorated(false);
    m_list->setHeaderLabels({tr("Alarm"), tr("File"), tr("First seen"), tr("Acknowledged")});
    m_list->header()->setStretchLastSection(true);
    m_list->setSelectionMode(QAbstractItemView::SingleSelection);
    layout->addWidget(m_list, 1);

    auto *form = new QFormLayout;
    m_reason = new QLineEdit(this);
    m_reason->setObjectName(QStringLiteral("acknowledgeReason"));
    m_reason->setPlaceholderText(tr("What you found, e.g. a test push by the lab's IT"));
    form->addRow(tr("&Reason:"), m_reason);
    layout->addLayout(form);
    m_error = makeErrorLabel(this);
    layout->addWidget(m_error);

    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Close, this);
    m_acknowledge = buttons->addButton(tr("&Acknowledge"), QDialogButtonBox::ActionRole);
    m_acknowledge->setObjectName(QStringLiteral("acknowledgeAlarmButton"));
    useTextOnlyButtons(buttons);
    layout->addWidget(buttons);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    connect(m_acknowledge, &QPushButton::clicked, this, &AlarmsDialog::acknowledgeSelected);
    connect(m_list, &QTreeWidget::itemSelectionChanged, this, &AlarmsDialog::updateButtons);
    connect(m_reason, &QLineEdit::textChanged, this, &AlarmsDialog::updateButtons);

    const MemberInfo me = m_notebook->me();
    m_isAdmin = me.roles.contains(QStringLiteral("admin")) && me.status == QLatin1String("active");
    reload();
}

void AlarmsDialog::reload() {
    m_list->clear();
    auto all = m_notebook->alarms();
    if (!all) {
        showError(m_error, asSentence(all.error()));
        m_alarms.clear();
        updateButtons();
        return;
    }
    m_alarms = *all;
    const bool dark = palette().color(QPalette::Window).lightness() < 128;
    const QColor warning = dark ? QColor(0xff, 0x8a, 0x80) : QColor(0xb3, 0x26, 0x1e);
    QTreeWidgetItem *firstOpen = nullptr;
    // Newest first: what just happened is what someone opens this for.
    for (qsizetype i = m_alarms.size() - 1; i >= 0; --i) {
        const AlarmInfo &a = m_alarms.at(i);
        auto *item = new QTreeWidgetItem(m_list);
        item->setData(0, Qt::UserRole, a.id);
        item->setText(0, kindText(a.kind));
        item->setText(1, a.path.isEmpty() ? QStringLiteral("—") : shortPath(a.path));
        item->setText(2, when(a.firstSeen));
        item->setText(
            3, a.acknowledged()
                   ? tr("By %1, %2: %3").arg(a.acknowledgedByName, when(a.acknowledgedAt), a.reason)
                   : tr("Not yet"));
        item->setToolTip(0, a.detail);
        item->setToolTip(1, a.path);
        if (!a.acknowledged() && a.isAlarm()) {
            for (int c = 0; c < 4; ++c)
                item->setForeground(c, warning);
            QFont bold = item->font(0);
            bold.setWeight(QFont::DemiBold);
            item->setFont(0, bold);
            if (!firstOpen) firstOpen = item;
        }
    }
    for (int c = 0; c < 3; ++c)
        m_list->resizeColumnToContents(c);
    if (firstOpen) m_list->setCurrentItem(firstOpen);
    updateButtons();
}

void AlarmsDialog::updateButtons() {
    const QTreeWidgetItem *item = m_list->currentItem();
    bool open = false;
    if (item)
        for (const AlarmInfo &a : std::as_const(m_alarms))
            if (a.id == item->data(0, Qt::UserRole).toString()) open = !a.acknowledged();
    m_reason->setEnabled(m_isAdmin && open);
    m_acknowledge->setEnabled(m_isAdmin && open && !m_reason->text().trimmed().isEmpty());
    m_acknowledge->setToolTip(
        m_isAdmin ? tr("Records that you have looked at this, with your reason; every member's "
                       "notebook sees it after their next sync.")
                  : tr("Only an admin of this notebook can acknowledge an alarm."));
}

void AlarmsDialog::acknowledgeSelected() {
    const QTreeWidgetItem *item = m_list->currentItem();
    if (!item) return;
    hideError(m_error);
    auto done =
        m_notebook->acknowledgeAlarm(item->data(0, Qt::UserRole).toString(), m_reason->text());
    if (!done) {
        showError(m_error, asSentence(done.error()));
        return;
    }
    m_reason->clear();
    reload();
    emit acknowledged();
}

} // namespace quire::widgets
