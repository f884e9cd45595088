#include "settings/SettingsDialog.h"

#include "common/DialogParts.h"
#include "settings/Language.h"
#include "window/IdleLock.h"

#include <QApplication>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QEvent>
#include <QGridLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QPushButton>
#include <QSpinBox>
#include <QVBoxLayout>

namespace quire::widgets {

namespace {

constexpr int kTextWidth = 440;

QLabel *sectionTitle(QWidget *parent) {
    auto *label = new QLabel(parent);
    QFont f = label->font();
    f.setWeight(QFont::DemiBold);
    label->setFont(f);
    return label;
}

// Box layouts guess a wrapped label's height from a width they do not know yet; a fixed
// measure keeps every line.
QLabel *sectionHint(QWidget *parent) {
    QLabel *label = makeHint({}, parent);
    label->setFixedWidth(kTextWidth);
    return label;
}

void setHint(QLabel *label, const QString &text) {
    label->setText(text);
    label->setMinimumHeight(label->heightForWidth(kTextWidth));
}

} // namespace

SettingsDialog::SettingsDialog(bool notebookOpen, QWidget *parent)
    : QDialog(parent)
    , m_notebookOpen(notebookOpen) {
    setObjectName(QStringLiteral("settingsDialog"));
    setMinimumWidth(kTextWidth + 200);

    auto *layout = new QVBoxLayout(this);
    layout->setSpacing(6);
    m_heading = makeHeading({}, this);
    layout->addWidget(m_heading);
    layout->addSpacing(6);

    // One column of sections: label on the left, what it does and its control on the right.
    auto *grid = new QGridLayout;
    grid->setHorizontalSpacing(18);
    grid->setVerticalSpacing(6);
    grid->setColumnMinimumWidth(0, 120);
    int row = 0;
    auto addSection = [&](QLabel *title, QLabel *hint, QLayout *control) {
        if (row > 0) grid->setRowMinimumHeight(row++, 14);
        grid->addWidget(title, row, 0, Qt::AlignTop | Qt::AlignLeft);
        grid->addWidget(hint, row++, 1);
        grid->addLayout(control, row++, 1);
    };

    m_sharingTitle = sectionTitle(this);
    m_sharingHint = sectionHint(this);
    m_remote = new QPushButton(this);
    m_remote->setObjectName(QStringLiteral("remoteSettingsButton"));
    auto *sharingRow = new QHBoxLayout;
    sharingRow->addWidget(m_remote);
    sharingRow->addStretch(1);
    addSection(m_sharingTitle, m_sharingHint, sharingRow);

    m_timeTitle = sectionTitle(this);
    m_timeHint = sectionHint(this);
    m_timestamps = new QPushButton(this);
    m_timestamps->setObjectName(QStringLiteral("timestampSettingsButton"));
    auto *timeRow = new QHBoxLayout;
    timeRow->addWidget(m_timestamps);
    timeRow->addStretch(1);
    addSection(m_timeTitle, m_timeHint, timeRow);
    m_lockedNote = makeHint({}, this);
    m_lockedNote->setObjectName(QStringLiteral("lockedNote"));
    grid->addWidget(m_lockedNote, row++, 1);
    m_lockedNote->setVisible(!m_notebookOpen);
    m_remote->setEnabled(m_notebookOpen);
    m_timestamps->setEnabled(m_notebookOpen);

    m_securityTitle = sectionTitle(this);
    m_securityHint = sectionHint(this);
    m_idleBefore = new QLabel(this);
    m_idle = new QSpinBox(this);
    m_idle->setObjectName(QStringLiteral("idleMinutesSpin"));
    m_idle->setRange(IdleLock::kMinMinutes, IdleLock::kMaxMinutes);
    m_idle->setValue(IdleLock::storedMinutes());
    m_idle->setAlignment(Qt::AlignRight);
    m_idle->setMinimumWidth(m_idle->fontMetrics().horizontalAdvance(QStringLiteral("0000")) + 40);
    m_idleBefore->setBuddy(m_idle);
    m_idleAfter = new QLabel(this);
    auto *idleRow = new QHBoxLayout;
    idleRow->setSpacing(8);
    idleRow->addWidget(m_idleBefore);
    idleRow->addWidget(m_idle);
    idleRow->addWidget(m_idleAfter);
    idleRow->addStretch(1);
    addSection(m_securityTitle, m_securityHint, idleRow);

    m_languageTitle = sectionTitle(this);
    m_languageHint = sectionHint(this);
    m_language = new QComboBox(this);
    m_language->setObjectName(QStringLiteral("languageCombo"));
    m_language->addItem(QString(), QString());
    for (const QString &code : availableLanguages())
        m_language->addItem(languageName(code), code);
    m_language->setCurrentIndex(qMax(0, m_language->findData(languageSetting())));
    m_languageTitle->setBuddy(m_language);
    auto *languageRow = new QHBoxLayout;
    languageRow->addWidget(m_language);
    languageRow->addStretch(1);
    addSection(m_languageTitle, m_languageHint, languageRow);

    grid->setColumnStretch(1, 1);
    layout->addLayout(grid);
    layout->addSpacing(12);
    layout->addStretch(1);

    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    m_save = buttons->button(QDialogButtonBox::Ok);
    m_cancel = buttons->button(QDialogButtonBox::Cancel);
    useTextOnlyButtons(buttons);
    layout->addWidget(buttons);

    connect(m_remote, &QPushButton::clicked, this, &SettingsDialog::remoteSettingsRequested);
    connect(m_timestamps, &QPushButton::clicked, this, &SettingsDialog::timestampSettingsRequested);
    connect(buttons, &QDialogButtonBox::accepted, this, &SettingsDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &SettingsDialog::reject);

    retranslate();
    m_idle->setFocus();
}

int SettingsDialog::idleMinutes() const {
    return m_idle->value();
}

QString SettingsDialog::language() const {
    return m_language->currentData().toString();
}

void SettingsDialog::accept() {
    if (m_idle->value() != IdleLock::storedMinutes()) {
        IdleLock::storeMinutes(m_idle->value());
        emit idleMinutesChanged(m_idle->value());
    }
    const QString chosen = language();
    if (chosen != languageSetting()) {
        setLanguageSetting(chosen);
        installTranslations();
        // A language without translations yet installs nothing, and Qt says nothing; the
        // words that depend on the locale (dates, sizes) change all the same.
        QEvent change(QEvent::LanguageChange);
        QCoreApplication::sendEvent(QCoreApplication::instance(), &change);
    }
    QDialog::accept();
}

void SettingsDialog::changeEvent(QEvent *event) {
    if (event->type() == QEvent::LanguageChange) retranslate();
    QDialog::changeEvent(event);
}

void SettingsDialog::retranslate() {
    setWindowTitle(tr("Settings"));
    m_heading->setText(tr("Settings"));
    m_sharingTitle->setText(tr("Sharing"));
    setHint(m_sharingHint, tr("The lab's git server that carries this notebook between its "
                              "members, encrypted, and how to log in there."));
    m_remote->setText(tr("&Remote settings…"));
    m_timeTitle->setText(tr("Trusted time"));
    setHint(m_timeHint, tr("The time-stamp authorities that vouch for when your records "
                           "existed."));
    m_timestamps->setText(tr("&Time-stamp authorities…"));
    m_lockedNote->setText(tr("Unlock the notebook to change these."));
    m_securityTitle->setText(tr("Security"));
    setHint(m_securityHint, tr("A notebook left open is locked after this time without a key "
                               "pressed or the mouse moved. Unlocking asks for the passphrase "
                               "again."));
    m_idleBefore->setText(tr("Lock a&fter"));
    m_idleAfter->setText(tr("minutes without use"));
    m_languageTitle->setText(tr("&Language"));
    setHint(m_languageHint, tr("The language of menus, buttons and messages. Entries stay in the "
                               "language they were written in."));
    m_language->setAccessibleName(tr("Language"));
    m_language->setItemText(0, tr("System default"));
    m_save->setText(tr("&Save"));
    m_cancel->setText(tr("Cancel"));
}

} // namespace quire::widgets
