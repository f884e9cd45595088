#include "start/StrengthMeter.h"

#include <QLabel>
#include <QProgressBar>
#include <QVBoxLayout>

#include <algorithm>

namespace quire::widgets {

StrengthMeter::StrengthMeter(QWidget *parent)
    : QWidget(parent) {
    setObjectName(QStringLiteral("strengthMeter"));
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(2);
    m_bar = new QProgressBar(this);
    m_bar->setObjectName(QStringLiteral("strengthBar"));
    m_bar->setRange(0, 100);
    m_bar->setTextVisible(false);
    m_bar->setMaximumHeight(8);
    m_bar->setAccessibleName(tr("Passphrase strength"));
    layout->addWidget(m_bar);
    m_label = new QLabel(this);
    m_label->setObjectName(QStringLiteral("strengthLabel"));
    m_label->setWordWrap(true);
    layout->addWidget(m_label);
    setPassphrase({});
}

QString StrengthMeter::text() const {
    return m_label->text();
}

void StrengthMeter::setPassphrase(const QString &passphrase, const QStringList &personal) {
    m_strength = PassphraseStrength::assess(passphrase, personal);
    // Full at 90 bits; the colour says the level, the words say it too (not by colour alone).
    m_bar->setValue(passphrase.isEmpty() ? 0 : std::clamp(int(m_strength.bits * 100 / 90), 4, 100));
    static const QColor colours[] = {QColor(0xc0, 0x1c, 0x28), QColor(0xe6, 0x61, 0x00),
                                     QColor(0xc6, 0x9a, 0x00), QColor(0x2e, 0xa0, 0x43),
                                     QColor(0x1a, 0x7f, 0x37)};
    QPalette palette = m_bar->palette();
    palette.setColor(QPalette::Highlight, colours[m_strength.level]);
    m_bar->setPalette(palette);
    const QString line = passphrase.isEmpty() ? QString() : m_strength.summary();
    m_label->setText(line);
    m_label->setVisible(!line.isEmpty());
    m_bar->setAccessibleDescription(line);
}

} // namespace quire::widgets
