#include "start/PassphraseStrength.h"

#include <QCoreApplication>
#include <QRegularExpression>

#include <algorithm>
#include <cmath>

namespace quire::widgets {

namespace {

// What guessers try first: the most used passwords and their parts, in English and German, and
// the words of a lab. About a hundred, so one costs a guesser some 7 bits (8 with its case).
const char *const kCommonWords[] = {
    "password",     "passwort",   "qwerty",  "qwertz",     "asdf",       "yxcv",     "zxcv",
    "qazwsx",       "letmein",    "welcome", "willkommen", "admin",      "login",    "iloveyou",
    "ichliebedich", "monkey",     "dragon",  "master",     "sunshine",   "princess", "football",
    "fussball",     "baseball",   "shadow",  "superman",   "batman",     "trustno",  "hello",
    "hallo",        "secret",     "geheim",  "summer",     "sommer",     "winter",   "spring",
    "autumn",       "herbst",     "freedom", "labor",      "quire",      "notebook", "notizbuch",
    "science",      "test",       "love",    "liebe",      "schatz",     "hunter",   "killer",
    "ninja",        "mustang",    "access",  "flower",     "blume",      "computer", "internet",
    "michael",      "thomas",     "daniel",  "andreas",    "stefan",     "julia",    "jennifer",
    "jessica",      "charlie",    "soccer",  "starwars",   "pokemon",    "google",   "apple",
    "samsung",      "berlin",     "munich",  "hamburg",    "changeme",   "default",  "guest",
    "root",         "user",       "pass",    "abcd",       "experiment", "protein",  "research",
    "forschung",    "university", "lab",     "chemistry",  "biology",    "cell",     "sample",
    "buffer",       "enzyme",     "january", "october",    "december",   "monday",   "friday",
    "mother",       "father"};
constexpr double kCommonWordBits = 7.0;
constexpr double kPersonalWordBits = 4.0; // a guesser who knows the person tries these first
constexpr double kYearBits = 7.0;         // 1900 to 2099
constexpr double kPatternBits = 1.0;      // a repeat or the next in a run: "aaa", "abc", "321"
constexpr double kRepeatedChunkBits = 3.0;
// A letter after a letter: words of a language, not a random draw from the alphabet.
constexpr double kLetterInWordBits = 3.0;

QChar unLeet(QChar c) {
    switch (c.unicode()) {
    case '0':
        return QLatin1Char('o');
    case '1':
        return QLatin1Char('i');
    case '3':
        return QLatin1Char('e');
    case '4':
        return QLatin1Char('a');
    case '5':
        return QLatin1Char('s');
    case '7':
        return QLatin1Char('t');
    case '@':
        return QLatin1Char('a');
    case '$':
        return QLatin1Char('s');
    default:
        return c.toLower();
    }
}

enum Class { Lower = 1, Upper = 2, Digit = 4, Symbol = 8, Other = 16 };

int classOf(QChar c) {
    if (c.unicode() < 128) {
        if (c.isLower()) return Lower;
        if (c.isUpper()) return Upper;
        if (c.isDigit()) return Digit;
        return Symbol;
    }
    return Other;
}

double poolBits(int classes) {
    int pool = 0;
    if (classes & Lower) pool += 26;
    if (classes & Upper) pool += 26;
    if (classes & Digit) pool += 10;
    if (classes & Symbol) pool += 33;
    if (classes & Other) pool += 100;
    return std::log2(double(std::max(pool, 2)));
}

// The longest word of `words` that `folded` has at `at`.
int wordAt(const QString &folded, int at, const QStringList &words) {
    int best = 0;
    for (const QString &word : words)
        if (word.size() > best && QStringView(folded).mid(at).startsWith(word)) best = word.size();
    return best;
}

const QStringList &commonWords() {
    static const QStringList words = [] {
        QStringList list;
        for (const char *word : kCommonWords)
            list << QString::fromLatin1(word);
        return list;
    }();
    return words;
}

} // namespace

QString PassphraseStrength::levelName() const {
    switch (level) {
    case VeryWeak:
        return tr("Very weak");
    case Weak:
        return tr("Weak");
    case Fair:
        return tr("Fair");
    case Strong:
        return tr("Strong");
    case VeryStrong:
        return tr("Very strong");
    }
    return {};
}

QString PassphraseStrength::summary() const {
    switch (level) {
    case VeryWeak:
        return tr("Very weak: %1 Add a few unrelated words.")
            .arg(reason.isEmpty() ? tr("It is too short to be hard to guess.") : reason);
    case Weak:
        return reason.isEmpty() ? tr("Weak: another word or two would make it much harder "
                                     "to guess.")
                                : tr("Weak: %1").arg(reason);
    case Fair:
        return tr("Fair: one more word would make it strong.");
    case Strong:
        return tr("Strong");
    case VeryStrong:
        return tr("Very strong");
    }
    return {};
}

PassphraseStrength PassphraseStrength::assess(const QString &passphrase,
                                              const QStringList &personal) {
    PassphraseStrength out;
    if (passphrase.isEmpty()) {
        out.reason = tr("Type a passphrase.");
        return out;
    }
    QStringList personalWords;
    static const QRegularExpression separators(QStringLiteral("[^\\p{L}\\p{N}]+"));
    for (const QString &text : personal)
        for (const QString &part : text.toLower().split(separators, Qt::SkipEmptyParts))
            if (part.size() >= 3) personalWords << part;

    QString folded;
    int classes = 0;
    for (QChar c : passphrase) {
        folded += unLeet(c);
        classes |= classOf(c);
    }
    const double charBits = poolBits(classes);

    QString commonFound, personalFound;
    int repeats = 0, runs = 0;
    bool year = false;
    double bits = 0;
    const int n = int(passphrase.size());
    for (int i = 0; i < n;) {
        const int personalLength = wordAt(folded, i, personalWords);
        const int commonLength = wordAt(folded, i, commonWords());
        if (personalLength >= 3 || commonLength >= 3) {
            const bool isPersonal = personalLength >= commonLength;
            const int length = isPersonal ? personalLength : commonLength;
            const QString original = passphrase.mid(i, length);
            bits += isPersonal ? kPersonalWordBits : kCommonWordBits;
            // Capitals inside a word are one more thing to try; one at the start hardly is.
            if (original.toLower() != original) bits += 1;
            QString &found = isPersonal ? personalFound : commonFound;
            if (found.isEmpty()) found = original;
            i += length;
            continue;
        }
        static const QRegularExpression yearPattern(QStringLiteral("^(19|20)\\d\\d"));
        if (yearPattern.match(QStringView(passphrase).mid(i)).hasMatch() &&
            (i + 4 == n || !passphrase.at(i + 4).isDigit())) {
            bits += kYearBits;
            year = true;
            i += 4;
            continue;
        }
        // A piece typed before, again ("abcabc", "lab-lab").
        int chunk = 0;
        for (int length = std::min(i, n - i); length >= 3 && !chunk; --length)
            if (QStringView(folded).left(i).contains(QStringView(folded).mid(i, length)))
                chunk = length;
        if (chunk) {
            bits += kRepeatedChunkBits;
            repeats += chunk;
            i += chunk;
            continue;
        }
        const QChar c = passphrase.at(i);
        const QChar before = i > 0 ? passphrase.at(i - 1) : QChar();
        if (i > 0 && c.toLower() == before.toLower()) {
            bits += kPatternBits;
            ++repeats;
        } else if (i > 0 && classOf(c) == classOf(before) && classOf(c) != Symbol &&
                   std::abs(int(c.unicode()) - int(before.unicode())) == 1) {
            bits += kPatternBits;
            ++runs;
        } else if (i > 0 && c.isLetter() && before.isLetter()) {
            bits += std::min(charBits, kLetterInWordBits);
        } else {
            bits += charBits;
        }
        ++i;
    }

    out.bits = bits;
    if (!commonFound.isEmpty())
        out.reason =
            tr("It rests on “%1”, one of the first words a guesser tries.").arg(commonFound);
    else if (!personalFound.isEmpty())
        out.reason =
            tr("It contains “%1”, which you typed above; a guesser tries such names first.")
                .arg(personalFound);
    else if (repeats * 3 >= n)
        out.reason = tr("It repeats characters or pieces; repeats add almost nothing.");
    else if (runs * 3 >= n)
        out.reason = tr("It runs along the alphabet or the digits, as in “abc” or “123”.");
    else if (year && bits < kRefusedBelowBits + 12)
        out.reason = tr("A year is among the first things a guesser tries.");
    if (bits < kRefusedBelowBits)
        out.level = VeryWeak;
    else if (bits < 48)
        out.level = Weak;
    else if (bits < 60)
        out.level = Fair;
    else if (bits < 80)
        out.level = Strong;
    else
        out.level = VeryStrong;
    return out;
}

} // namespace quire::widgets
