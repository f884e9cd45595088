#include "CliCommands.h"

#include "Notebook.h"

#include <QCoreApplication>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QMap>
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
  verify [--json]              (exit 0 only if every record, seal, chain and chunk checks out)

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

const QSet<QString> kFlags{QStringLiteral("--json"), QStringLiteral("--help")};

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

QJsonObject versionJson(const EntryVersion &v) {
    QJsonArray atts;
    for (const auto &a : v.attachments)
        atts.append(attachmentJson(a));
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
                       {"recorded_at", v.recordedAt}};
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
            if (a.value("--reason").trimmed().isEmpty())
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
        const VerifyReport r = (*nb)->verify();
        if (a.has("--json")) {
            printJson(QJsonObject{{"passed", r.passed()},
                                  {"records", r.records},
                                  {"records_ok", r.recordsOk},
                                  {"chunks", r.chunks},
                                  {"chunks_ok", r.chunksOk},
                                  {"problems", QJsonArray::fromStringList(r.problems)}});
        } else {
            for (const auto &p : r.problems)
                out() << "PROBLEM: " << p << Qt::endl;
            out() << r.recordsOk << " of " << r.records << " records and " << r.chunksOk << " of "
                  << r.chunks << " attachment chunks check out." << Qt::endl;
            out() << (r.passed() ? "The notebook verifies." : "The notebook does NOT verify.")
                  << Qt::endl;
        }
        return r.passed() ? Ok : Failed;
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
    return failWith(QStringLiteral("unknown command '%1' (try --help)").arg(command), Usage);
}

} // namespace quire::cli
