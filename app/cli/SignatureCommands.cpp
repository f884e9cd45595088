// quire-cli: Electronic signatures (FORMAT.md §3); trusted time (§4) is in TimeCommands.cpp.

#include "cli/CliSupport.h"

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

namespace quire::cli {

int Session::sign(const Args &a) {
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

int Session::signatures(const Args &a) {
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
              << "; " << attestation(s.attestedAt, s.attestedTrusted) << "]  " << s.id << Qt::endl;
    }
    return Ok;
}

int Session::evidence(const Args &a) {
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

int Session::reviewQueue(const Args &a) {
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
        out() << item.authored.entry << "  v" << item.authored.version << "  “" << item.entryTitle
              << "” (" << item.experimentTitle << ")  " << Notebook::manifestation(item.authored)
              << Qt::endl;
    return Ok;
}

} // namespace quire::cli
