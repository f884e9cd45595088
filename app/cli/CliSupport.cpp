#include "cli/CliSupport.h"

#include "Notebook.h"

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QMap>
#include <QSaveFile>
#include <QTextStream>

#include <cstdio>
#include <termios.h>
#include <unistd.h>

namespace quire::cli {

QTextStream &out() {
    static QTextStream s(stdout);
    return s;
}
QTextStream &err() {
    static QTextStream s(stderr);
    return s;
}

int failWith(const QString &message, int code) {
    err() << "quire-cli: " << message << Qt::endl;
    return code;
}

const QSet<QString> kFlags{QStringLiteral("--json"), QStringLiteral("--help"),
                           QStringLiteral("--records"), QStringLiteral("--once"),
                           QStringLiteral("--all"), QStringLiteral("--requests-changes"),
                           QStringLiteral("--waiting"), QStringLiteral("--devices"),
                           // trusted time (TimeCommands.cpp)
                           QStringLiteral("--renew"), QStringLiteral("--local")};

Result<Args> parseArgs(const QStringList &words) {
    Args a;
    for (int i = 0; i < words.size(); ++i) {
        const QString &w = words[i];
        if (w.startsWith(QLatin1String("--"))) {
            if (kFlags.contains(w)) {
                a.flags.insert(w);
                continue;
            }
            QString name = w, value;
            if (int eq = w.indexOf('='); eq > 0) {
                name = w.left(eq);
                value = w.mid(eq + 1);
            } else {
                if (i + 1 >= words.size()) return fail(QStringLiteral("%1 needs a value").arg(w));
                value = words[++i];
            }
            a.options[name] << value;
        } else {
            a.positional << w;
        }
    }
    return a;
}

// Reads a line from the terminal with echo off, so the passphrase never shows.
QByteArray promptHidden(const QString &prompt) {
    FILE *tty = fopen("/dev/tty", "r+");
    if (!tty) return {};
    fprintf(tty, "%s", prompt.toLocal8Bit().constData());
    fflush(tty);
    termios old{};
    const bool isTerminal = tcgetattr(fileno(tty), &old) == 0;
    if (isTerminal) {
        termios quiet = old;
        quiet.c_lflag &= ~tcflag_t(ECHO);
        tcsetattr(fileno(tty), TCSAFLUSH, &quiet);
    }
    QByteArray line;
    int c;
    while ((c = fgetc(tty)) != EOF && c != '\n')
        line.append(char(c));
    if (isTerminal) tcsetattr(fileno(tty), TCSAFLUSH, &old);
    fprintf(tty, "\n");
    fclose(tty);
    return line;
}

Result<QByteArray> readPassphraseFile(const QString &path) {
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly))
        return fail(
            QStringLiteral("could not read the passphrase file %1: %2").arg(path, f.errorString()));
    QByteArray line = f.readLine();
    while (line.endsWith('\n') || line.endsWith('\r'))
        line.chop(1);
    return line;
}

Result<QByteArray> passphrase(const QString &file, bool confirm) {
    if (qEnvironmentVariableIsSet("QUIRE_PASSPHRASE")) return qgetenv("QUIRE_PASSPHRASE");
    if (!file.isEmpty()) return readPassphraseFile(file);
    QByteArray first = promptHidden(QStringLiteral("Passphrase: "));
    if (first.isEmpty()) return fail(QStringLiteral("no passphrase was given"));
    if (confirm && promptHidden(QStringLiteral("Repeat the passphrase: ")) != first)
        return fail(QStringLiteral("the two passphrases differ"));
    return first;
}

void wipe(QByteArray &secret) {
    secret.fill('\0');
    secret.clear();
}

void printJson(const QJsonValue &v) {
    if (v.isArray())
        out() << QJsonDocument(v.toArray()).toJson(QJsonDocument::Indented);
    else
        out() << QJsonDocument(v.toObject()).toJson(QJsonDocument::Indented);
    out().flush();
}

QJsonObject attachmentJson(const AttachmentInfo &a) {
    return QJsonObject{{"id", a.id},     {"name", a.name},     {"media_type", a.mediaType},
                       {"size", a.size}, {"sha256", a.sha256}, {"recorded_at", a.recordedAt}};
}

QJsonObject signatureJson(const SignatureInfo &s) {
    return QJsonObject{{"id", s.id},
                       {"entry", s.entry},
                       {"target", s.target},
                       {"version", s.version},
                       {"meaning", s.meaning},
                       {"signer", s.signer},
                       {"printed_name", s.printedName},
                       {"signed_at", s.signedAt},
                       {"manifestation", Notebook::manifestation(s)},
                       {"valid", s.valid},
                       {"allowed", s.allowed},
                       {"problem", s.problem},
                       {"attested_at", s.attestedAt.isEmpty() || !s.attestedTrusted
                                           ? QJsonValue(QJsonValue::Null)
                                           : QJsonValue(s.attestedAt)},
                       {"attested_by", s.attestedBy}};
}

QString attestation(const QString &at, bool trusted) {
    if (at.isEmpty()) return QStringLiteral("time not yet attested");
    if (!trusted) return QStringLiteral("time stamp %1 by an authority not trusted here").arg(at);
    return QStringLiteral("time attested at %1").arg(at);
}

QJsonObject versionJson(const EntryVersion &v) {
    QJsonArray atts;
    for (const auto &a : v.attachments)
        atts.append(attachmentJson(a));
    QJsonArray sigs;
    for (const auto &s : v.signatures)
        sigs.append(signatureJson(s));
    QJsonObject o{{"entry", v.uuid},
                  {"record", v.recordId},
                  {"version", v.version},
                  {"versions", v.versionCount},
                  {"experiment", v.experiment},
                  {"order", v.order},
                  {"title", v.title},
                  {"html", v.html},
                  {"attachments", atts},
                  {"status", v.status},
                  {"reason", v.reason},
                  {"author", v.author},
                  {"author_name", v.authorName},
                  {"recorded_at", v.recordedAt},
                  {"signatures", sigs},
                  {"signed_by_author", v.signedByAuthor},
                  {"changed_after_signing", v.changedAfterSigning},
                  {"in_conflict", int(v.conflict.size())}, // versions in conflict, or 0
                  {"conflict", QJsonArray::fromStringList(v.conflict)},
                  {"attested_at", v.attestedAt.isEmpty() ? QJsonValue(QJsonValue::Null)
                                                         : QJsonValue(v.attestedAt)}};
    if (!v.fromTemplate.isEmpty()) o.insert("template", v.fromTemplate); // issue 17
    return o;
}

QString humanSize(qint64 bytes) {
    return QLocale::c().formattedDataSize(bytes, 1, QLocale::DataSizeTraditionalFormat);
}

Result<QString> entryHtmlFromFile(const QString &path) {
    QFile f(path);
    const bool fromStdin = path == QLatin1String("-");
    if (fromStdin ? !f.open(stdin, QIODevice::ReadOnly) : !f.open(QIODevice::ReadOnly))
        return fail(QStringLiteral("could not read %1: %2").arg(path, f.errorString()));
    const QByteArray bytes = f.readAll();
    const QString suffix = QFileInfo(path).suffix().toLower();
    if (suffix == "md" || suffix == "markdown") return Notebook::markdownToHtml(bytes);
    if (suffix == "html" || suffix == "htm" || fromStdin) return QString::fromUtf8(bytes);
    if (suffix == "txt") {
        QString html;
        for (const auto &para : QString::fromUtf8(bytes).split(QStringLiteral("\n\n")))
            if (!para.trimmed().isEmpty())
                html +=
                    QStringLiteral("<p>%1</p>")
                        .arg(para.trimmed().toHtmlEscaped().replace('\n', QStringLiteral("<br>")));
        return html;
    }
    return fail(QStringLiteral("%1: use an .html, .md or .txt file").arg(path));
}

Result<QByteArray> readSmallFile(const QString &path, const QString &what) {
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly))
        return fail(
            QStringLiteral("could not read the %1 %2: %3").arg(what, path, f.errorString()));
    if (f.size() > 1024 * 1024)
        return fail(QStringLiteral("%1 is too large to be a %2").arg(path, what));
    return f.readAll();
}

Result<void> writeFileAtomically(const QString &path, const QByteArray &bytes) {
    if (path == QLatin1String("-")) {
        QFile f;
        if (!f.open(stdout, QIODevice::WriteOnly) || f.write(bytes) != bytes.size())
            return fail(QStringLiteral("could not write to the standard output"));
        return {};
    }
    QSaveFile f(path);
    if (!f.open(QIODevice::WriteOnly) || f.write(bytes) != bytes.size() || !f.commit())
        return fail(QStringLiteral("could not write %1: %2").arg(path, f.errorString()));
    return {};
}

// A member named on the command line by uuid, or by an email address only one member has.
Result<MemberInfo> memberNamed(Notebook &nb, const QString &who) {
    auto people = nb.members();
    if (!people) return people.failure();
    QList<MemberInfo> matches;
    for (const auto &m : *people)
        if (m.uuid == who || m.email.compare(who, Qt::CaseInsensitive) == 0) matches << m;
    if (matches.isEmpty())
        return fail(QStringLiteral("no member of this notebook is %1 (see: member list)").arg(who));
    if (matches.size() > 1)
        return fail(QStringLiteral("several members have the address %1: name one by its uuid "
                                   "(see: member list)")
                        .arg(who));
    return matches.first();
}

// Codes are read out over the phone: compare them without dashes, spaces or case.
QString normalisedCode(const QString &code) {
    QString out;
    for (const QChar c : code)
        if (c.isLetterOrNumber()) out += c.toUpper();
    return out;
}
} // namespace quire::cli
