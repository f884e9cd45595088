#include "CliCommands.h"

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

namespace {

QTextStream &out() {
    static QTextStream s(stdout);
    return s;
}
QTextStream &err() {
    static QTextStream s(stderr);
    return s;
}

int failWith(const QString &message, int code = Failed) {
    err() << "quire-cli: " << message << Qt::endl;
    return code;
}

const char *kUsage = R"(Usage: quire-cli [--vault DIR] [--passphrase-file FILE] COMMAND [OPTIONS]

The passphrase is read from QUIRE_PASSPHRASE, else from --passphrase-file, else asked for.
--vault defaults to the user's data folder. --json gives machine-readable output.

Commands:
  init --notebook NAME --name "FULL NAME" --email EMAIL
  experiment new --title T [--project P] [--tag X]...
  experiment list [--json]
  entry add --experiment UUID --title T --file F.html|F.md|F.txt
  entry edit ENTRY --file F --reason R [--title T]
  entry void ENTRY --reason R
  entry show ENTRY [--version N] [--json]
  entry history ENTRY [--json]
  attach ENTRY FILE
  attachment get ATTACHMENT --out FILE
  search QUERY [--json]
  audit [--json]
  passphrase change            (new one from QUIRE_NEW_PASSPHRASE or asked for)
  verify [--json] [--records]  (exit 0 only if every record, seal, chain, signature and chunk
                               checks out; --records lists each record's checks and time)

Signatures (21 CFR Part 11) and trusted time (RFC 3161):
  sign ENTRY [--version N] --meaning authored|reviewed|approved|witnessed
                               asks for the passphrase again (or QUIRE_SIGN_PASSPHRASE) and
                               prints the signature record's id
  signatures ENTRY [--json]
  evidence SIGNATURE --out DIR files an openssl-only check needs, with verify.sh
  tsa set URL [URL...] --trust tsa-ca.pem
                               time-stamp authorities, tried in order, and the certificates
                               of the ones this notebook trusts
  tsa show [--json]
  anchor [--json]              has what waits attested by a time-stamp authority (also done at
                               each sync); exits 1 with each authority's reason if none answers
  review-queue [--json]        entries signed by their author, waiting for a countersignature

Sharing (through the lab's git server, encrypted end to end):
  remote set URL [--user U] [--ca FILE] [--ssh-key FILE]
                               URL: a folder path, file://, git://, ssh:// or https:// address.
                               The https password or token comes from QUIRE_REMOTE_SECRET, else
                               it is asked for when --user is given; the ssh key file is read
                               and kept, encrypted, in the vault.
  sync [--json]                (exit 0 once up to date; an alarm exits 1)
  member invite --out FILE     an invitation for a newcomer (admins)
  join --invitation FILE --name "FULL NAME" --email EMAIL --out REQUEST
                               creates the vault (passphrase as for init) and prints the code
                               to read to the admin who approves REQUEST
  member approve REQUEST --roles author[,supervisor,admin,auditor] [--code CODE]
                               prints the new member's uuid; --code refuses a request whose
                               code differs from the one the newcomer read out
  member revoke MEMBER --reason R
  member list [--json]

Diagnostics:
  selftest save-loop --experiment UUID --count N
                               saves N entries, printing each id once it is durable
)";

// Options of one command: repeated options keep every value, in order.
struct Args {
    QStringList positional;
    QMap<QString, QStringList> options;
    QSet<QString> flags;

    QString value(const QString &name) const { return options.value(name).value(0); }
    QStringList values(const QString &name) const { return options.value(name); }
    bool has(const QString &name) const { return options.contains(name) || flags.contains(name); }
};

const QSet<QString> kFlags{QStringLiteral("--json"), QStringLiteral("--help"),
                           QStringLiteral("--records")};

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
    return QJsonObject{{"entry", v.uuid},
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
                       {"attested_at", v.attestedAt.isEmpty() ? QJsonValue(QJsonValue::Null)
                                                              : QJsonValue(v.attestedAt)}};
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

// Codes are read out over the phone: compare them without dashes, spaces or case.
QString normalisedCode(const QString &code) {
    QString out;
    for (const QChar c : code)
        if (c.isLetterOrNumber()) out += c.toUpper();
    return out;
}

class Session {
public:
    Session(QString vault, QString passphraseFile)
        : m_vault(std::move(vault))
        , m_passphraseFile(std::move(passphraseFile)) {}

    Result<Notebook *> open() {
        auto pass = passphrase(m_passphraseFile, false);
        if (!pass) return pass.failure();
        auto nb = Notebook::open(m_vault, *pass);
        wipe(*pass);
        if (!nb) return nb.failure();
        m_notebook = std::move(nb.value());
        return m_notebook.get();
    }

    int init(const Args &a) {
        for (const char *required : {"--notebook", "--name", "--email"})
            if (a.value(required).isEmpty())
                return failWith(QStringLiteral("init needs %1").arg(required), Usage);
        auto pass = passphrase(m_passphraseFile, true);
        if (!pass) return failWith(pass.error());
        auto nb = Notebook::create(
            m_vault, {a.value("--notebook"), a.value("--name"), a.value("--email")}, *pass);
        wipe(*pass);
        if (!nb) return failWith(nb.error());
        out() << (*nb)->notebookUuid() << Qt::endl;
        return Ok;
    }

    int experiment(const Args &a) {
        const QString sub = a.positional.value(1);
        if (sub == "new") {
            if (a.value("--title").isEmpty())
                return failWith(QStringLiteral("experiment new needs --title"), Usage);
            auto nb = open();
            if (!nb) return failWith(nb.error());
            auto id = (*nb)->createExperiment(a.value("--title"), a.value("--project"),
                                              a.values("--tag"));
            if (!id) return failWith(id.error());
            out() << *id << Qt::endl;
            return Ok;
        }
        if (sub == "list") {
            auto nb = open();
            if (!nb) return failWith(nb.error());
            auto list = (*nb)->experiments();
            if (!list) return failWith(list.error());
            if (a.has("--json")) {
                QJsonArray arr;
                for (const auto &x : *list)
                    arr.append(QJsonObject{{"uuid", x.uuid},
                                           {"record", x.recordId},
                                           {"title", x.title},
                                           {"project", x.project},
                                           {"tags", QJsonArray::fromStringList(x.tags)},
                                           {"status", x.status},
                                           {"created_at", x.createdAt},
                                           {"updated_at", x.updatedAt},
                                           {"author_name", x.authorName},
                                           {"entries", x.entryCount}});
                printJson(arr);
                return Ok;
            }
            if (list->isEmpty()) out() << "No experiments yet." << Qt::endl;
            for (const auto &x : *list) {
                out() << x.uuid << "  " << x.title;
                if (!x.project.isEmpty()) out() << "  [" << x.project << "]";
                if (!x.tags.isEmpty()) out() << "  #" << x.tags.join(QStringLiteral(" #"));
                out() << "  (" << x.entryCount << (x.entryCount == 1 ? " entry" : " entries") << ")"
                      << Qt::endl;
            }
            return Ok;
        }
        return failWith(QStringLiteral("unknown command 'experiment %1' (try --help)").arg(sub),
                        Usage);
    }

    int entry(const Args &a) {
        const QString sub = a.positional.value(1);
        const QString target = a.positional.value(2);
        if (sub == "add") {
            for (const char *required : {"--experiment", "--title", "--file"})
                if (a.value(required).isEmpty())
                    return failWith(QStringLiteral("entry add needs %1").arg(required), Usage);
            auto html = entryHtmlFromFile(a.value("--file"));
            if (!html) return failWith(html.error());
            auto nb = open();
            if (!nb) return failWith(nb.error());
            auto id = (*nb)->addEntry(a.value("--experiment"), a.value("--title"), *html);
            if (!id) return failWith(id.error());
            out() << *id << Qt::endl;
            return Ok;
        }
        if (target.isEmpty())
            return failWith(QStringLiteral("entry %1 needs the entry's id").arg(sub), Usage);
        if (sub == "edit") {
            if (a.value("--file").isEmpty())
                return failWith(QStringLiteral("entry edit needs --file"), Usage);
            // A blank reason is the notebook's to refuse: it says more for a signed entry.
            if (!a.has("--reason"))
                return failWith(QStringLiteral("entry edit needs --reason: every change says why"),
                                Usage);
            auto html = entryHtmlFromFile(a.value("--file"));
            if (!html) return failWith(html.error());
            auto nb = open();
            if (!nb) return failWith(nb.error());
            auto r = (*nb)->editEntry(target, a.value("--title"), *html, a.value("--reason"));
            if (!r) return failWith(r.error());
            auto v = (*nb)->entry(target);
            if (v) out() << v->recordId << Qt::endl;
            return Ok;
        }
        if (sub == "void") {
            if (a.value("--reason").trimmed().isEmpty())
                return failWith(QStringLiteral("entry void needs --reason"), Usage);
            auto nb = open();
            if (!nb) return failWith(nb.error());
            auto r = (*nb)->voidEntry(target, a.value("--reason"));
            if (!r) return failWith(r.error());
            auto v = (*nb)->entry(target);
            if (v) out() << v->recordId << Qt::endl;
            return Ok;
        }
        if (sub == "show") {
            bool okNumber = true;
            const int version = a.has("--version") ? a.value("--version").toInt(&okNumber) : 0;
            if (!okNumber || version < 0)
                return failWith(QStringLiteral("--version takes a version number"), Usage);
            auto nb = open();
            if (!nb) return failWith(nb.error());
            auto v = (*nb)->entry(target, version);
            if (!v) return failWith(v.error());
            if (a.has("--json")) {
                printJson(versionJson(*v));
                return Ok;
            }
            out() << v->title << Qt::endl
                  << "Version " << v->version << " of " << v->versionCount << " — " << v->authorName
                  << ", " << v->recordedAt << Qt::endl;
            if (v->status == "void")
                out() << "VOIDED: " << v->reason << Qt::endl;
            else if (!v->reason.isEmpty())
                out() << "Reason for this version: " << v->reason << Qt::endl;
            if (v->changedAfterSigning)
                out() << "Changed after signing: an earlier version carries the author's signature."
                      << Qt::endl;
            for (const auto &s : v->signatures)
                out() << "Signature: " << Notebook::manifestation(s)
                      << (s.valid && s.allowed ? QString() : "  NOT VALID: " + s.problem) << "  ("
                      << attestation(s.attestedAt, s.attestedTrusted) << ")" << Qt::endl;
            out() << "This version: " << attestation(v->attestedAt, !v->attestedAt.isEmpty())
                  << Qt::endl;
            for (const auto &att : v->attachments)
                out() << "Attachment: " << att.name << " (" << humanSize(att.size) << ", sha256 "
                      << att.sha256 << ") " << att.id << Qt::endl;
            out() << Qt::endl << v->html << Qt::endl;
            return Ok;
        }
        if (sub == "history") {
            auto nb = open();
            if (!nb) return failWith(nb.error());
            auto h = (*nb)->history(target);
            if (!h) return failWith(h.error());
            if (a.has("--json")) {
                QJsonArray arr;
                for (const auto &v : *h)
                    arr.append(versionJson(v));
                printJson(arr);
                return Ok;
            }
            for (const auto &v : *h) {
                out() << "v" << v.version << "  " << v.recordedAt << "  " << v.authorName << "  "
                      << v.title;
                if (v.status == "void") out() << "  [voided]";
                if (!v.reason.isEmpty()) out() << "  — " << v.reason;
                out() << "  " << v.recordId << Qt::endl;
            }
            return Ok;
        }
        return failWith(QStringLiteral("unknown command 'entry %1' (try --help)").arg(sub), Usage);
    }

    int attach(const Args &a) {
        const QString entryId = a.positional.value(1), file = a.positional.value(2);
        if (entryId.isEmpty() || file.isEmpty())
            return failWith(QStringLiteral("usage: attach ENTRY FILE"), Usage);
        auto nb = open();
        if (!nb) return failWith(nb.error());
        auto id = (*nb)->attachFile(entryId, file);
        if (!id) return failWith(id.error());
        out() << *id << Qt::endl;
        return Ok;
    }

    int attachment(const Args &a) {
        if (a.positional.value(1) != "get" || a.positional.value(2).isEmpty() ||
            a.value("--out").isEmpty())
            return failWith(QStringLiteral("usage: attachment get ATTACHMENT --out FILE"), Usage);
        auto nb = open();
        if (!nb) return failWith(nb.error());
        auto r = (*nb)->saveAttachment(a.positional.value(2), a.value("--out"));
        if (!r) return failWith(r.error());
        return Ok;
    }

    int search(const Args &a) {
        const QString query = a.positional.mid(1).join(' ');
        if (query.trimmed().isEmpty())
            return failWith(QStringLiteral("usage: search QUERY"), Usage);
        auto nb = open();
        if (!nb) return failWith(nb.error());
        auto hits = (*nb)->search(query, 50);
        if (!hits) return failWith(hits.error());
        if (a.has("--json")) {
            QJsonArray arr;
            for (const auto &h : *hits)
                arr.append(QJsonObject{{"kind", h.kind},
                                       {"uuid", h.uuid},
                                       {"experiment", h.experiment},
                                       {"title", h.title},
                                       {"snippet", h.snippet}});
            printJson(arr);
            return Ok;
        }
        if (hits->isEmpty()) out() << "Nothing found." << Qt::endl;
        for (const auto &h : *hits)
            out() << h.kind << "  " << h.uuid << "  " << h.title << "  — " << h.snippet << Qt::endl;
        return Ok;
    }

    int audit(const Args &a) {
        auto nb = open();
        if (!nb) return failWith(nb.error());
        auto events = (*nb)->auditTrail();
        if (!events) return failWith(events.error());
        if (a.has("--json")) {
            QJsonArray arr;
            for (const auto &e : *events)
                arr.append(QJsonObject{{"record", e.recordId},
                                       {"type", e.type},
                                       {"object", e.object},
                                       {"recorded_at", e.recordedAt},
                                       {"author", e.author},
                                       {"author_name", e.authorName},
                                       {"action", e.action},
                                       {"summary", e.summary},
                                       {"detail", e.detail}});
            printJson(arr);
            return Ok;
        }
        for (const auto &e : *events)
            out() << e.recordedAt << "  " << e.authorName << "  " << e.action << "  " << e.summary
                  << Qt::endl;
        return Ok;
    }

    int changePassphrase(const Args &a) {
        if (a.positional.value(1) != "change")
            return failWith(QStringLiteral("usage: passphrase change"), Usage);
        auto nb = open();
        if (!nb) return failWith(nb.error());
        QByteArray next;
        if (qEnvironmentVariableIsSet("QUIRE_NEW_PASSPHRASE")) {
            next = qgetenv("QUIRE_NEW_PASSPHRASE");
        } else {
            next = promptHidden(QStringLiteral("New passphrase: "));
            if (promptHidden(QStringLiteral("Repeat the new passphrase: ")) != next)
                return failWith(QStringLiteral("the two passphrases differ; nothing was changed"));
        }
        auto r = (*nb)->changePassphrase(next);
        wipe(next);
        if (!r) return failWith(r.error());
        err() << "The passphrase was changed." << Qt::endl;
        return Ok;
    }

    int verify(const Args &a) {
        auto nb = open();
        if (!nb) return failWith(nb.error());
        const bool perRecord = a.has("--json") || a.has("--records");
        const VerifyReport r = (*nb)->verify({}, perRecord);
        if (a.has("--json")) {
            QJsonArray records;
            for (const auto &v : r.recordVerdicts) {
                QJsonObject o{{"id", v.id},
                              {"type", v.type},
                              {"object", v.object},
                              {"version", v.version},
                              {"author", v.authorName},
                              {"seal", v.sealOk},
                              {"chain", v.chainOk},
                              {"stored", v.stored},
                              {"ok", v.ok()},
                              {"attested_at", v.attestedAt.isEmpty() || !v.attestedTrusted
                                                  ? QJsonValue(QJsonValue::Null)
                                                  : QJsonValue(v.attestedAt)},
                              {"problems", QJsonArray::fromStringList(v.problems)}};
                if (v.isSignature) o.insert("signature", signatureJson(v.signature));
                records.append(o);
            }
            printJson(QJsonObject{{"passed", r.passed()},
                                  {"records", r.records},
                                  {"records_ok", r.recordsOk},
                                  {"chunks", r.chunks},
                                  {"chunks_ok", r.chunksOk},
                                  {"problems", QJsonArray::fromStringList(r.problems)},
                                  {"record_checks", records}});
        } else {
            for (const auto &v : r.recordVerdicts) {
                out() << (v.ok() ? "ok   " : "FAIL ") << v.id.left(12) << "  " << v.type << " v"
                      << v.version << "  " << v.authorName << "  seal " << (v.sealOk ? "ok" : "BAD")
                      << ", chain " << (v.chainOk ? "ok" : "BAD");
                if (v.isSignature)
                    out() << ", signature " << (v.signature.valid ? "valid" : "INVALID") << " ("
                          << v.signature.meaning << " by " << v.signature.printedName << ", "
                          << (v.signature.allowed ? "allowed" : "NOT ALLOWED") << ")";
                out() << ", " << attestation(v.attestedAt, v.attestedTrusted) << Qt::endl;
            }
            for (const auto &p : r.problems)
                out() << "PROBLEM: " << p << Qt::endl;
            out() << r.recordsOk << " of " << r.records << " records and " << r.chunksOk << " of "
                  << r.chunks << " attachment chunks check out." << Qt::endl;
            out() << (r.passed() ? "The notebook verifies." : "The notebook does NOT verify.")
                  << Qt::endl;
        }
        return r.passed() ? Ok : Failed;
    }

    // ---- electronic signatures and trusted time ---------------------------------------------

    int sign(const Args &a) {
        const QString target = a.positional.value(1);
        const QString meaning = a.value("--meaning");
        bool okNumber = true;
        const int version = a.has("--version") ? a.value("--version").toInt(&okNumber) : 0;
        if (target.isEmpty() || meaning.isEmpty() || !okNumber || version < 0)
            return failWith(QStringLiteral("usage: sign ENTRY [--version N] --meaning "
                                           "authored|reviewed|approved|witnessed"),
                            Usage);
        auto nb = open();
        if (!nb) return failWith(nb.error());
        // The rules first: a refusal needs no passphrase.
        auto problem = (*nb)->signingProblem(target, version, meaning);
        if (!problem) return failWith(problem.error());
        if (!problem->isEmpty()) return failWith(*problem + QStringLiteral("; nothing was signed"));
        auto v = (*nb)->entry(target, version);
        if (!v) return failWith(v.error());
        const MemberInfo me = (*nb)->me();
        err() << "You are signing “" << v->title << "”, version " << v->version << " of "
              << v->versionCount << ", as " << Notebook::meaningLabel(meaning).toLower() << "."
              << Qt::endl
              << "This electronic signature is the legally binding equivalent of the handwritten "
                 "signature of "
              << me.name << " <" << me.email << "> (21 CFR 11.100)." << Qt::endl;
        // 11.200: both components again, every time. QUIRE_SIGN_PASSPHRASE serves scripts.
        QByteArray again = qgetenv("QUIRE_SIGN_PASSPHRASE");
        if (again.isEmpty())
            again = promptHidden(QStringLiteral("Passphrase of %1, to sign: ").arg(me.name));
        if (again.isEmpty())
            return failWith(QStringLiteral("no passphrase was given; nothing was signed"));
        auto s = (*nb)->sign(target, version, meaning, again);
        if (!s) return failWith(s.error());
        err() << "Signed: " << Notebook::manifestation(*s) << Qt::endl;
        out() << s->id << Qt::endl;
        return Ok;
    }

    int signatures(const Args &a) {
        const QString target = a.positional.value(1);
        if (target.isEmpty())
            return failWith(QStringLiteral("usage: signatures ENTRY [--json]"), Usage);
        auto nb = open();
        if (!nb) return failWith(nb.error());
        auto list = (*nb)->signatures(target);
        if (!list) return failWith(list.error());
        if (a.has("--json")) {
            QJsonArray arr;
            for (const auto &s : *list)
                arr.append(signatureJson(s));
            printJson(arr);
            return Ok;
        }
        if (list->isEmpty()) out() << "No signatures." << Qt::endl;
        for (const auto &s : *list) {
            out() << "v" << s.version << "  " << Notebook::manifestation(s) << "  ["
                  << (s.valid && s.allowed ? QStringLiteral("valid") : "NOT VALID: " + s.problem)
                  << "; " << attestation(s.attestedAt, s.attestedTrusted) << "]  " << s.id
                  << Qt::endl;
        }
        return Ok;
    }

    int evidence(const Args &a) {
        const QString id = a.positional.value(1);
        if (id.isEmpty() || !a.has("--out"))
            return failWith(QStringLiteral("usage: evidence SIGNATURE --out DIR"), Usage);
        auto nb = open();
        if (!nb) return failWith(nb.error());
        auto files = (*nb)->exportEvidence(id, a.value("--out"));
        if (!files) return failWith(files.error());
        for (const auto &f : *files)
            out() << f << Qt::endl;
        err() << "Check it without Quire: bash " << QDir(a.value("--out")).filePath("verify.sh")
              << Qt::endl;
        return Ok;
    }

    int tsa(const Args &a) {
        const QString sub = a.positional.value(1);
        auto nb = open();
        if (!nb) return failWith(nb.error());
        if (sub == "set") {
            const QStringList urls = a.positional.mid(2);
            if (urls.isEmpty() || !a.has("--trust"))
                return failWith(QStringLiteral("usage: tsa set URL [URL...] --trust tsa-ca.pem"),
                                Usage);
            QByteArray pem;
            for (const auto &file : a.values("--trust")) {
                auto bytes = readSmallFile(file, QStringLiteral("certificate file"));
                if (!bytes) return failWith(bytes.error());
                pem += *bytes + '\n';
            }
            if (auto r = (*nb)->setTimestampSettings(TimestampSettings{urls, pem}); !r)
                return failWith(r.error());
            out() << "Time-stamp authorities: " << urls.join(", ") << Qt::endl;
            return Ok;
        }
        if (sub == "show" || sub.isEmpty()) {
            auto t = (*nb)->timestampSettings();
            if (!t) return failWith(t.error());
            auto waiting = (*nb)->unattestedCount();
            if (a.has("--json")) {
                printJson(QJsonObject{{"urls", QJsonArray::fromStringList(t->urls)},
                                      {"trusted_pem", QString::fromUtf8(t->trustedPem)},
                                      {"waiting", waiting ? *waiting : -1}});
                return Ok;
            }
            out() << "Time-stamp authorities: "
                  << (t->urls.isEmpty() ? QStringLiteral("none set") : t->urls.join(", "))
                  << Qt::endl
                  << "Records waiting for a time-stamp: " << (waiting ? *waiting : -1) << Qt::endl;
            return Ok;
        }
        return failWith(QStringLiteral("usage: tsa set URL [URL...] --trust tsa-ca.pem | tsa show"),
                        Usage);
    }

    int anchor(const Args &a) {
        auto nb = open();
        if (!nb) return failWith(nb.error());
        auto r = (*nb)->anchor();
        if (!r) {
            if (a.has("--json")) printJson(QJsonObject{{"anchored", 0}, {"error", r.error()}});
            return failWith(r.error());
        }
        if (a.has("--json")) {
            printJson(QJsonObject{{"anchored", r->records},
                                  {"tsa", r->tsa},
                                  {"attested_at", r->attestedAt},
                                  {"failures", QJsonArray::fromStringList(r->failures)}});
            return Ok;
        }
        for (const auto &f : r->failures)
            out() << "Did not answer: " << f << Qt::endl;
        if (r->records == 0)
            out() << "Nothing waits for a time-stamp." << Qt::endl;
        else
            out() << r->records << (r->records == 1 ? " record" : " records") << " attested at "
                  << r->attestedAt << " by " << r->tsa << "." << Qt::endl;
        return Ok;
    }

    int reviewQueue(const Args &a) {
        auto nb = open();
        if (!nb) return failWith(nb.error());
        const MemberInfo me = (*nb)->me();
        auto queue = (*nb)->reviewQueue();
        if (!queue) return failWith(queue.error());
        if (a.has("--json")) {
            QJsonArray arr;
            for (const auto &item : *queue) {
                QJsonObject o = signatureJson(item.authored);
                o.insert("entry_title", item.entryTitle);
                o.insert("experiment", item.experiment);
                o.insert("experiment_title", item.experimentTitle);
                arr.append(o);
            }
            printJson(arr);
            return Ok;
        }
        if (!me.roles.contains("supervisor"))
            out() << "Only supervisors countersign; you are not a supervisor of this notebook."
                  << Qt::endl;
        else if (queue->isEmpty())
            out() << "Nothing waits for your countersignature." << Qt::endl;
        for (const auto &item : *queue)
            out() << item.authored.entry << "  v" << item.authored.version << "  “"
                  << item.entryTitle << "” (" << item.experimentTitle << ")  "
                  << Notebook::manifestation(item.authored) << Qt::endl;
        return Ok;
    }

    int remote(const Args &a) {
        if (a.positional.value(1) != "set" || a.positional.size() != 3)
            return failWith(
                QStringLiteral("usage: remote set URL [--user U] [--ca FILE] [--ssh-key FILE]"),
                Usage);
        const QString url = a.positional.value(2).trimmed();
        const QString user = a.value("--user");
        const bool https = url.startsWith(QLatin1String("https://"), Qt::CaseInsensitive);
        QByteArray sshKey;
        if (a.has("--ssh-key")) {
            auto key = readSmallFile(a.value("--ssh-key"), QStringLiteral("ssh key file"));
            if (!key) return failWith(key.error());
            // The .pub file next to the key is an easy mistake; it would only fail at sync.
            if (!key->contains("PRIVATE KEY"))
                return failWith(QStringLiteral("%1 is not a private ssh key (give the key file "
                                               "itself, not the .pub file)")
                                    .arg(a.value("--ssh-key")));
            sshKey = *key;
        }
        auto nb = open();
        if (!nb) return failWith(nb.error());
        QByteArray secret;
        if (qEnvironmentVariableIsSet("QUIRE_REMOTE_SECRET")) {
            if (https)
                secret = qgetenv("QUIRE_REMOTE_SECRET");
            else
                err() << "QUIRE_REMOTE_SECRET is not used: only https:// addresses log in with a "
                         "password or token."
                      << Qt::endl;
        } else if (https && !user.isEmpty()) {
            secret = promptHidden(QStringLiteral("Password or token for %1: ").arg(user));
            if (secret.isEmpty())
                return failWith(QStringLiteral("no password or token was given (set "
                                               "QUIRE_REMOTE_SECRET or run in a terminal); "
                                               "nothing was changed"));
        }
        auto r = (*nb)->setRemote(url, user, secret, sshKey, a.value("--ca"));
        wipe(secret);
        wipe(sshKey);
        if (!r) return failWith(r.error());
        err() << "The shared repository is now " << url << "." << Qt::endl;
        return Ok;
    }

    int sync(const Args &a) {
        auto nb = open();
        if (!nb) return failWith(nb.error());
        const bool wasJoining = (*nb)->isJoining();
        const bool showProgress = !a.has("--json") && isatty(STDERR_FILENO);
        auto summary = (*nb)->sync([showProgress](QString phase, qint64 done, qint64 total) {
            if (!showProgress) return;
            err() << "\r" << phase;
            if (total > 0) err() << " " << done << " of " << total;
            err() << "\x1b[K";
            err().flush();
        });
        if (showProgress) err() << "\r\x1b[K";
        if (!summary) return failWith(summary.error());
        auto remote = (*nb)->remoteUrl();
        const QString where = remote ? *remote : QString();
        const bool clean = summary->alarms.isEmpty();
        if (a.has("--json")) {
            printJson(QJsonObject{
                {"remote", where},
                {"records_received", summary->recordsReceived},
                {"chunks_received", summary->chunksReceived},
                {"sent", summary->sent},
                {"attempts", summary->attempts},
                {"alarms", QJsonArray::fromStringList(summary->alarms)},
                {"quarantined", QJsonArray::fromStringList(summary->quarantined)},
                {"expected_refusals", QJsonArray::fromStringList(summary->expectedRefusals)},
                {"ssh_host_key_pinned", summary->sshHostKeyPinned},
                {"joined", wasJoining && !(*nb)->isJoining()},
                {"anchored", summary->anchored},
                {"anchor_problem", summary->anchorProblem},
                {"up_to_date", clean}});
        } else {
            if (wasJoining && !(*nb)->isJoining())
                out() << "You have joined “" << (*nb)->notebookName() << "”." << Qt::endl;
            if (summary->recordsReceived == 0 && summary->chunksReceived == 0)
                out() << "Nothing new arrived." << Qt::endl;
            else
                out() << "Received " << summary->recordsReceived
                      << (summary->recordsReceived == 1 ? " record" : " records") << " and "
                      << summary->chunksReceived
                      << (summary->chunksReceived == 1 ? " attachment chunk."
                                                       : " attachment chunks.")
                      << Qt::endl;
            out() << (summary->sent ? "Sent this notebook's new changes." : "Nothing to send.")
                  << Qt::endl;
            if (!summary->sshHostKeyPinned.isEmpty())
                out() << "The ssh server's host key (SHA-256 " << summary->sshHostKeyPinned
                      << ") was remembered; a different key will stop the sync." << Qt::endl;
            for (const auto &alarm : summary->alarms)
                out() << "ALARM: " << alarm << Qt::endl;
            for (const auto &refused : summary->quarantined)
                out() << "Refused: " << refused << Qt::endl;
            for (const auto &refused : summary->expectedRefusals)
                out() << "Refused as the rules intend (not tampering): " << refused << Qt::endl;
            if (summary->anchored > 0)
                out() << summary->anchored << " records were attested by a time-stamp authority."
                      << Qt::endl;
            if (!summary->anchorProblem.isEmpty())
                out() << "Not yet attested (will retry at the next sync): "
                      << summary->anchorProblem << Qt::endl;
            if (clean) out() << "Up to date with " << where << "." << Qt::endl;
        }
        if (!clean)
            return failWith(QStringLiteral("the shared repository was changed by someone "
                                           "outside the notebook (%1 alarm%2); nothing local was "
                                           "lost. Tell an admin of the notebook.")
                                .arg(summary->alarms.size())
                                .arg(summary->alarms.size() == 1 ? "" : "s"));
        return Ok;
    }

    int join(const Args &a) {
        for (const char *required : {"--invitation", "--name", "--email", "--out"})
            if (a.value(required).isEmpty())
                return failWith(QStringLiteral("join needs %1").arg(required), Usage);
        auto invitation = readSmallFile(a.value("--invitation"), QStringLiteral("invitation"));
        if (!invitation) return failWith(invitation.error());
        // The code alone goes to standard output, so the request must go to a file.
        const QString outPath = a.value("--out");
        if (outPath == QLatin1String("-"))
            return failWith(QStringLiteral("join --out needs a file name: the code is what goes "
                                           "to the standard output"),
                            Usage);
        // Opened before the vault exists: a lost request would leave a vault nobody can approve.
        QSaveFile request(outPath);
        if (!request.open(QIODevice::WriteOnly))
            return failWith(
                QStringLiteral("could not write %1: %2").arg(outPath, request.errorString()));
        auto pass = passphrase(m_passphraseFile, true);
        if (!pass) return failWith(pass.error());
        auto joined =
            Notebook::join(m_vault, *invitation, a.value("--name"), a.value("--email"), *pass);
        wipe(*pass);
        if (!joined) return failWith(joined.error());
        if (request.write(joined->request) != joined->request.size() || !request.commit())
            return failWith(QStringLiteral("could not write %1: %2; remove the folder %3 and join "
                                           "again")
                                .arg(outPath, request.errorString(), m_vault));
        out() << joined->code << Qt::endl;
        err() << "Send " << outPath << " to an admin of “" << joined->notebook->notebookName()
              << "” and read them the code " << joined->code
              << " by phone or in person, so they can check that the request is yours. Once they "
                 "have approved it, run: quire-cli sync"
              << Qt::endl;
        return Ok;
    }

    int member(const Args &a) {
        const QString sub = a.positional.value(1);
        if (sub == "list") return memberList(a);
        if (sub == "invite") {
            if (a.value("--out").isEmpty())
                return failWith(QStringLiteral("member invite needs --out FILE"), Usage);
            auto nb = open();
            if (!nb) return failWith(nb.error());
            auto invitation = (*nb)->invite();
            if (!invitation) return failWith(invitation.error());
            if (auto w = writeFileAtomically(a.value("--out"), *invitation); !w)
                return failWith(w.error());
            err() << "Give " << a.value("--out")
                  << " to the newcomer; it holds no secret. They run: quire-cli join --invitation "
                     "FILE --name \"FULL NAME\" --email EMAIL --out request.json"
                  << Qt::endl;
            return Ok;
        }
        if (sub == "approve") {
            const QString file = a.positional.value(2);
            if (file.isEmpty() || a.value("--roles").isEmpty())
                return failWith(QStringLiteral("usage: member approve REQUEST --roles "
                                               "author[,supervisor,admin,auditor] [--code CODE]"),
                                Usage);
            auto bytes = readSmallFile(file, QStringLiteral("join request"));
            if (!bytes) return failWith(bytes.error());
            auto info = Notebook::readJoinRequest(*bytes);
            if (!info) return failWith(info.error());
            if (a.has("--code") && normalisedCode(a.value("--code")) != normalisedCode(info->code))
                return failWith(
                    QStringLiteral("the code you were given is not this request's code: "
                                   "the request may not come from %1. Nothing was "
                                   "approved; ask them for a new request.")
                        .arg(info->name));
            auto nb = open();
            if (!nb) return failWith(nb.error());
            auto member = (*nb)->approve(*bytes, a.value("--roles").split(u','));
            if (!member) return failWith(member.error());
            out() << *member << Qt::endl;
            err() << "Approved " << info->name << " <" << info->email << "> as "
                  << a.value("--roles") << ". The request's code is " << info->code
                  << (a.has("--code") ? " (it matches)."
                                      : ": it must be the code they read to you.")
                  << " Sync to send the approval: quire-cli sync" << Qt::endl;
            return Ok;
        }
        if (sub == "revoke") {
            const QString who = a.positional.value(2);
            if (who.isEmpty())
                return failWith(QStringLiteral("usage: member revoke MEMBER --reason R"), Usage);
            if (a.value("--reason").trimmed().isEmpty())
                return failWith(QStringLiteral("member revoke needs --reason"), Usage);
            auto nb = open();
            if (!nb) return failWith(nb.error());
            auto people = (*nb)->members();
            if (!people) return failWith(people.error());
            // A member is named by uuid, or by an email address only one member has.
            QList<MemberInfo> matches;
            for (const auto &m : *people)
                if (m.uuid == who || m.email.compare(who, Qt::CaseInsensitive) == 0) matches << m;
            if (matches.isEmpty())
                return failWith(QStringLiteral("no member of this notebook is %1 (see: member "
                                               "list)")
                                    .arg(who));
            if (matches.size() > 1)
                return failWith(QStringLiteral("several members have the address %1: name one by "
                                               "its uuid (see: member list)")
                                    .arg(who));
            auto r = (*nb)->revoke(matches.first().uuid, a.value("--reason"));
            if (!r) return failWith(r.error());
            err() << matches.first().name
                  << " was revoked: what is written from now on is closed to them. Sync to send "
                     "the revocation: quire-cli sync"
                  << Qt::endl;
            return Ok;
        }
        return failWith(QStringLiteral("unknown command 'member %1' (try --help)").arg(sub), Usage);
    }

    int memberList(const Args &a) {
        auto nb = open();
        if (!nb) return failWith(nb.error());
        auto people = (*nb)->members();
        if (!people) return failWith(people.error());
        if (a.has("--json")) {
            QJsonArray arr;
            for (const auto &m : *people)
                arr.append(QJsonObject{{"uuid", m.uuid},
                                       {"name", m.name},
                                       {"email", m.email},
                                       {"roles", QJsonArray::fromStringList(m.roles)},
                                       {"status", m.status}});
            printJson(arr);
            return Ok;
        }
        if ((*nb)->isJoining())
            out() << "This vault waits for an admin to approve its join request; sync once they "
                     "have."
                  << Qt::endl;
        for (const auto &m : *people)
            out() << m.name << " <" << m.email << ">  " << m.roles.join(',') << "  " << m.status
                  << "  " << m.uuid << Qt::endl;
        return Ok;
    }

    // Saves entries one after another and prints each id once its transaction committed;
    // the crash test kills this process at random moments and checks every printed id.
    int selftest(const Args &a) {
        if (a.positional.value(1) != "save-loop" || a.value("--experiment").isEmpty())
            return failWith(QStringLiteral("usage: selftest save-loop --experiment UUID --count N"),
                            Usage);
        const int count = a.value("--count").toInt();
        auto nb = open();
        if (!nb) return failWith(nb.error());
        for (int i = 0; i < count; ++i) {
            const QString html = QStringLiteral("<p>Save loop entry %1: weighed 0.%2 g of NaCl, "
                                                "dissolved in 50 ml buffer at pH 7.4.</p>")
                                     .arg(i)
                                     .arg(1000 + i);
            auto id =
                (*nb)->addEntry(a.value("--experiment"), QStringLiteral("Loop %1").arg(i), html);
            if (!id) return failWith(id.error());
            out() << *id << Qt::endl; // endl flushes: the id is acknowledged only after commit
        }
        return Ok;
    }

private:
    QString m_vault;
    QString m_passphraseFile;
    std::unique_ptr<Notebook> m_notebook;
};

} // namespace

int run(const QStringList &arguments) {
    QStringList words = arguments.mid(1);
    // Global options may stand before the command.
    QString vault = Notebook::defaultVaultPath();
    QString passphraseFile;
    QStringList rest;
    for (int i = 0; i < words.size(); ++i) {
        if ((words[i] == "--vault" || words[i] == "--passphrase-file") && i + 1 < words.size()) {
            (words[i] == "--vault" ? vault : passphraseFile) = words[i + 1];
            ++i;
        } else if (words[i].startsWith("--vault=")) {
            vault = words[i].mid(8);
        } else if (words[i].startsWith("--passphrase-file=")) {
            passphraseFile = words[i].mid(18);
        } else {
            rest << words[i];
        }
    }
    auto parsed = parseArgs(rest);
    if (!parsed) return failWith(parsed.error(), Usage);
    const Args &a = *parsed;
    const QString command = a.positional.value(0);
    if (command.isEmpty() || a.has("--help") || command == "help") {
        out() << kUsage;
        return command.isEmpty() && !a.has("--help") ? Usage : Ok;
    }
    if (command == "--version" || command == "version") {
        out() << "quire-cli " << QCoreApplication::applicationVersion() << Qt::endl;
        return Ok;
    }
    Session s(vault, passphraseFile);
    if (command == "init") return s.init(a);
    if (command == "experiment") return s.experiment(a);
    if (command == "entry") return s.entry(a);
    if (command == "attach") return s.attach(a);
    if (command == "attachment") return s.attachment(a);
    if (command == "search") return s.search(a);
    if (command == "audit") return s.audit(a);
    if (command == "passphrase") return s.changePassphrase(a);
    if (command == "verify") return s.verify(a);
    if (command == "selftest") return s.selftest(a);
    if (command == "remote") return s.remote(a);
    if (command == "sync") return s.sync(a);
    if (command == "join") return s.join(a);
    if (command == "member") return s.member(a);
    if (command == "sign") return s.sign(a);
    if (command == "signatures") return s.signatures(a);
    if (command == "evidence") return s.evidence(a);
    if (command == "tsa") return s.tsa(a);
    if (command == "anchor") return s.anchor(a);
    if (command == "review-queue") return s.reviewQueue(a);
    return failWith(QStringLiteral("unknown command '%1' (try --help)").arg(command), Usage);
}

} // namespace quire::cli
