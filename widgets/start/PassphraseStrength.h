#pragma once
// start/: the way to a notebook when none is open yet — the start window (StartWindow) with
// the recent notebooks (RecentNotebooks), joining with an invitation (JoinDialog), the
// passphrase strength shown while one is chosen (PassphraseStrength, StrengthMeter), and the
// list of open notebook windows (NotebookWindows).
//
// PassphraseStrength: how hard a passphrase is to guess, estimated the way a guesser works:
// common words and the person's own names first, then years, repeats, runs like "abc" or
// "4321", and only then every character of the classes it uses. The estimate is in bits; under
// kRefusedBelowBits a passphrase is refused, with the reason in words.

#include <QCoreApplication>
#include <QString>
#include <QStringList>

namespace quire::widgets {

struct PassphraseStrength {
    Q_DECLARE_TR_FUNCTIONS(PassphraseStrength)

public:
    enum Level { VeryWeak, Weak, Fair, Strong, VeryStrong };
    // Below this a passphrase falls in a day to one computer, even through the vault's scrypt.
    static constexpr double kRefusedBelowBits = 36.0;

    Level level = VeryWeak;
    double bits = 0;
    // What makes it weak ("It is mostly the common word “password”."), or empty.
    QString reason;

    bool acceptable() const { return bits >= kRefusedBelowBits; }
    // "Very weak", "Strong"…, in the current language.
    QString levelName() const;
    // The meter's line: the level, and the reason or a hint when there is one.
    QString summary() const;

    // `personal`: words the person typed elsewhere (name, email, notebook name), which a
    // guesser who knows them tries first.
    static PassphraseStrength assess(const QString &passphrase, const QStringList &personal = {});
};

} // namespace quire::widgets
