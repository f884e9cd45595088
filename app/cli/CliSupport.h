#pragma once
// CliSupport: what every quire-cli command shares — printing, option parsing, reading the
// passphrase without echo, JSON shapes of entries and signatures, and the Session that opens
// the notebook and runs one command. The commands themselves live in one file per group.

#include "cli/CliCommands.h"

#include "Notebook.h"

#include <QJsonObject>
#include <QMap>
#include <QSet>
#include <QString>
#include <QStringList>
#include <QTextStream>

#include <memory>

namespace quire::cli {

QTextStream &out();
QTextStream &err();
// Prints "quire-cli: message" on standard error and returns `code`.
int failWith(const QString &message, int code = Failed);

// Options of one command: repeated options keep every value, in order.
struct Args {
    QStringList positional;
    QMap<QString, QStringList> options;
    QSet<QString> flags;

    QString value(const QString &name) const { return options.value(name).value(0); }
    QStringList values(const QString &name) const { return options.value(name); }
    bool has(const QString &name) const { return options.contains(name) || flags.contains(name); }
};

Result<Args> parseArgs(const QStringList &words);
// Reads a line from the terminal with echo off, so the passphrase never shows.
QByteArray promptHidden(const QString &prompt);
Result<QByteArray> readPassphraseFile(const QString &path);
Result<QByteArray> passphrase(const QString &file, bool confirm);
void wipe(QByteArray &secret);
void printJson(const QJsonValue &v);
QJsonObject attachmentJson(const AttachmentInfo &a);
QJsonObject signatureJson(const SignatureInfo &s);
QString attestation(const QString &at, bool trusted);
QJsonObject anchorDetailJson(const AnchorDetail &d); // TimeCommands.cpp
QJsonObject versionJson(const EntryVersion &v);
QString humanSize(qint64 bytes);
Result<QString> entryHtmlFromFile(const QString &path);
Result<QByteArray> readSmallFile(const QString &path, const QString &what);
Result<void> writeFileAtomically(const QString &path, const QByteArray &bytes);
// A member named on the command line by uuid, or by an email address only one member has.
Result<MemberInfo> memberNamed(Notebook &nb, const QString &who);
// Codes are read out over the phone: compare them without dashes, spaces or case.
QString normalisedCode(const QString &code);

class Session {
public:
    Session(QString vault, QString passphraseFile)
        : m_vault(std::move(vault))
        , m_passphraseFile(std::move(passphraseFile)) {}

    // NotebookCommands.cpp
    int init(const Args &a);
    int experiment(const Args &a);
    int entry(const Args &a);
    int attach(const Args &a);
    int attachment(const Args &a);
    int search(const Args &a);
    int audit(const Args &a);
    // Reads the text of attached PDFs not read yet, so search finds them; notes on stderr.
    void indexPdfText(Notebook &nb);
    // ConflictCommands.cpp: `entry resolve`, and what show and history say of a conflict.
    int entryResolve(const Args &a);
    void printConflict(Notebook &nb, const QString &entry);
    // VaultCommands.cpp
    Result<Notebook *> open();
    int changePassphrase(const Args &a);
    int verify(const Args &a);
    int selftest(const Args &a);
    // SignatureCommands.cpp
    int sign(const Args &a);
    int signatures(const Args &a);
    int evidence(const Args &a);
    int tsa(const Args &a);
    int anchor(const Args &a);
    int reviewQueue(const Args &a);
    // SharingCommands.cpp
    int remote(const Args &a);
    int sync(const Args &a);
    int join(const Args &a);
    int member(const Args &a);
    int memberList(const Args &a);
    // AdminCommands.cpp
    int memberRoles(const Args &a);
    int alarms(const Args &a);
    // DeviceCommands.cpp
    int device(const Args &a);
    int memberDevices(const Args &a);
    // PdfCommands.cpp
    int exportCommand(const Args &a);
    int pdf(const Args &a);
    int notebookCommand(const Args &a);
    // ElnExportCommands.cpp (`export eln`, routed from exportCommand)
    int exportEln(const Args &a);
    // InstrumentCommands.cpp
    int instrument(const Args &a);
    int capture(const Args &a);
    int inbox(const Args &a);
    int data(const Args &a);
    // ElnImportCommands.cpp
    int importCommand(const Args &a);
    // CommentCommands.cpp
    int comment(const Args &a);
    int comments(const Args &a);
    // TemplateCommands.cpp
    int templateCommand(const Args &a);
    int experimentFromTemplate(const Args &a);
    // RecoveryCommands.cpp
    int recoveryCodeCommand(const Args &a);
    int recover(const Args &a);
    int backup(const Args &a);
    int restore(const Args &a);
    int rebuild(const Args &a);
    void announceRecoveryCode(Notebook &nb);
    Result<Notebook *> openWith(const QByteArray &pass);

private:
    QString m_vault;
    QString m_passphraseFile;
    std::unique_ptr<Notebook> m_notebook;
};

} // namespace quire::cli
