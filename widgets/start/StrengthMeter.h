#pragma once
// StrengthMeter: a passphrase's strength as it is typed — a bar that fills and turns from red
// to green, and a line that says the level and what makes it weak (PassphraseStrength). Screen
// readers get the same line as the bar's description.

#include "start/PassphraseStrength.h"

#include <QWidget>

class QLabel;
class QProgressBar;

namespace quire::widgets {

class StrengthMeter : public QWidget {
    Q_OBJECT
public:
    explicit StrengthMeter(QWidget *parent = nullptr);

    // Assesses `passphrase`; `personal` as PassphraseStrength::assess takes it.
    void setPassphrase(const QString &passphrase, const QStringList &personal = {});
    const PassphraseStrength &strength() const { return m_strength; }
    QString text() const;

private:
    PassphraseStrength m_strength;
    QProgressBar *m_bar = nullptr;
    QLabel *m_label = nullptr;
};

} // namespace quire::widgets
