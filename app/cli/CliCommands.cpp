#include "cli/CliSupport.h"

#include <QCoreApplication>

namespace quire::cli {

namespace {

const char *kUsage = R"(Usage: quire-cli [--vault DIR] [--passphrase-file FILE] COMMAND [OPTIONS]

The passphrase is read from QUIRE_PASSPHRASE, else from --passphrase-file, else asked for.
--vault defaults to the user's data folder. --json gives machine-readable output.

Commands:
  init --notebook NAME --name "FULL NAME" --email EMAIL
  experiment new --title T [--project P] [--tag X]...
  experiment new --template ID [--title T]
                               a new experiment with the template's project, tags and entries
  experiment list [--json]
  entry add --experiment UUID --title T --file F.html|F.md|F.txt
  entry edit ENTRY --file F --reason R [--title T]
  entry void ENTRY --reason R
  entry show ENTRY [--version N] [--json]
  entry history ENTRY [--json]
  entry resolve ENTRY (--file F | --keep RECORD) --reason R [--title T]
                               ends a conflict (an entry changed on two computers apart):
                               saves a version that joins every version in conflict
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
  tsa list [--json]            the time-stamp authorities the notebook trusts (its record,
                               the same in every member's vault) and this computer's own
  tsa trust --url URL --cert tsa-ca.pem [--local]
                               trusts the authority (asked after the others) and its
                               certificates: for the notebook (admins), or this computer alone
  tsa distrust [--url URL] [--cert tsa-ca.pem] [--local]
  tsa renew-before DAYS        anchors are renewed this long before their authority's
                               certificate ends (default 365; admins)
  tsa set URL [URL...] --trust tsa-ca.pem
                               this computer's own authorities (replaced as a whole)
  tsa show [--json]
  anchor [--renew] [--json]    has what waits attested by a time-stamp authority (also done at
                               each sync); exits 1 with each authority's reason if none answers.
                               Then renews anchors whose authority's certificate ends soon (or,
                               with --renew, every anchor not yet renewed) by a new anchor over
                               their ids, at an authority whose certificate lasts longer
  anchor list [--json]         every anchor, judged as of its own time, with its certificates
  anchor show RECORD [--json]  the anchor that attested the record and the anchors renewing it
  review-queue [--json]        entries signed by their author, waiting for a countersignature

Comments and review:
  comment ENTRY [--version N] --file F [--requests-changes] [--corrects COMMENT]
                               a comment on an entry version (ENTRY: an entry or a version's
                               record id; F: .html, .md or plain text); a supervisor may
                               request changes; prints the comment record's id
  comments ENTRY [--json]      every comment on the entry, oldest first
  comments --waiting [--json]  requests for changes of your entries still open

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
  member list [--json] [--devices]
                               --devices: each member's computers, active or retired
  member roles MEMBER --roles author[,supervisor,admin,auditor] --reason R
                               changes an active member's roles (admins); a new admin's vault
                               gets a share of the notebook's certificate authority key at its
                               next sync and can then approve join requests too
  alarms [--json]              what syncs found wrong on the server (a file that fails
                               authentication or whose name does not fit its content, ...)
                               and files they refused: id, kind, path, first seen, and who
                               acknowledged it, when and why. An alarm about a file on the
                               server makes every sync exit 1 until an admin acknowledges it
  alarms acknowledge ID --reason R
                               an admin has looked at it (an audit record that syncs)

One member, several computers:
  device add --out FILE [--name NAME]
                               an offer for another of your computers, valid 24 hours; prints
                               its one-time code alone (6 groups of 4 characters)
  device join --offer FILE [--code CODE]
                               on the other computer: creates the vault (passphrase as for init)
                               for the same member; asks for the code unless --code is given.
                               5 wrong codes use the offer up. Then: sync
  device list [--json]         the computers of every member
  device retire DEVICE --reason R
                               what that computer writes afterwards is refused (its member or
                               an admin); also cancels an offer not used yet

PDF for a patent attorney (PDF/A-3 with the records, signatures and time-stamps embedded):
  export pdf --experiment UUID [--entries ID,ID...] [--paper a4|letter] --out FILE.pdf
             [--sign authored|reviewed|approved|witnessed]
                               prints the export's id; needs the build with the window
                               (QtWebEngine prints without a display)
  pdf sign FILE.pdf --meaning authored|reviewed|approved|witnessed --out SIGNED.pdf
                               asks for the passphrase again (or QUIRE_SIGN_PASSPHRASE); checks
                               the PDF against this notebook first; time-stamps it when a
                               time-stamp authority answers, else says "not yet time-stamped"
  pdf timestamp FILE.pdf [--out FILE2.pdf]
                               adds the validation data and a document time-stamp
  pdf verify FILE.pdf [--json] exit 0 only when every signature and the evidence hold
  notebook ca --out ca.pem     the notebook's certificate authority (PEM)

Exchange with other ELNs (.eln: the ELN Consortium's RO-Crate, with Quire's proof in quire/):
  export eln (--experiment UUID [--experiment UUID...] | --all) --out FILE.eln [--json]
                               experiments, entries (text as HTML), files, authors, tags and
                               signatures as text; the sealed records, signatures, Merkle paths
                               and time-stamp tokens under quire/. Prints the export's id

Instruments (what they write is captured into an inbox, then filed into entries):
  instrument add --name NAME [--model M] [--serial S] [--location L]
                               prints the instrument's uuid (authors and admins)
  instrument list [--json]     with this computer's watch folder of each
  instrument retire ID --reason R
  instrument watch-folder ID --folder DIR [--pattern "*.jdx,*.csv"] [--settle-seconds 5]
                               [--poll-seconds 30]
                               a setting of this computer only; never synced
  capture [--once]             captures each file of the watch folders once it has not changed
                               for its settle time, printing each capture's id; runs until
                               SIGINT/SIGTERM, or with --once captures what it saw and exits.
                               The folders are only read.
  inbox [--json]               captures not yet filed into an entry or set aside
  inbox file CAPTURE --entry ENTRY
                               adds the capture to the entry (a new version); prints its id
  inbox set-aside CAPTURE --reason R
  data show ATTACHMENT [--json]
                               what the instrument-file readers find: format, metadata, and per
                               series units, point count, ranges, first and last points
  data plot ATTACHMENT [--series N] --out FILE.png [--width W --height H]

Exchange with other ELNs (.eln files, the ELN Consortium's RO-Crate format):
  import eln FILE.eln [--json] reads the crate into new experiments, all or nothing: each
                               dataset an experiment (nested ones its entries), each file an
                               attachment with its SHA-256 checked, the crate's metadata kept;
                               prints what was imported, what was not and hash mismatches.
                               Hostile archives (paths out of the crate, links, duplicate
                               names, zip bombs, bad metadata, missing files) are refused

Templates (admins write them; authors too after `template policy --who authors`):
  template save --experiment UUID --name N
                               keeps the experiment's title, project, tags and entries' text
  template save-entry --name N --file F.html|F.md|F.txt
                               a block (a table of fields, a checklist) to insert into entries
  template list [--kind experiment|entry] [--json]
  template show ID [--json]    ID: the template's uuid, a version's record id or its name
  template withdraw ID --reason R
  template policy [--who admins|authors]
                               who may write templates in this notebook (admins set it)

Diagnostics:
  selftest save-loop --experiment UUID --count N
                               saves N entries, printing each id once it is durable

Never lose a notebook:
  recovery-code show|new [--json]   the code that brings you back on a new computer (asks for the
                               passphrase; new replaces the old code once synced)
  recovery-code sheet --out FILE.pdf  a printable recovery sheet
  recover --remote URL [--code CODE]  a new computer: you and the notebook back from the server
                               (the code is read from standard input or asked for if not given;
                               a new passphrase as for init)
  backup --out FILE            a consistent, still encrypted snapshot of the vault in one file
  restore FILE                 unpacks a backup into --vault DIR (new or empty); same passphrase
  rebuild [--code CODE | --from-backup FILE] [--remote URL] [--json]
                               a damaged quire.db rebuilt from the keys, repo.git and the
                               server; the damaged files are renamed aside and what was lost is
                               listed
)";

} // namespace

QString commandOf(const QStringList &arguments) {
    for (int i = 1; i < arguments.size(); ++i) {
        const QString &w = arguments[i];
        if (w == "--vault" || w == "--passphrase-file") {
            ++i;
            continue;
        }
        if (w.startsWith("--")) continue;
        return w;
    }
    return {};
}

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
    // Before the options are read: --version is also an option with a value (entry show
    // --version N), and alone it would be refused as missing one.
    if (rest == QStringList{QStringLiteral("--version")}) {
        out() << "quire-cli " << QCoreApplication::applicationVersion() << Qt::endl;
        return Ok;
    }
    auto parsed = parseArgs(rest);
    if (!parsed) return failWith(parsed.error(), Usage);
    const Args &a = *parsed;
    const QString command = a.positional.value(0);
    if (command.isEmpty() || a.has("--help") || command == "help") {
        out() << kUsage;
        return command.isEmpty() && !a.has("--help") ? Usage : Ok;
    }
    if (command == "version") {
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
    if (command == "device") return s.device(a);
    if (command == "sign") return s.sign(a);
    if (command == "signatures") return s.signatures(a);
    if (command == "evidence") return s.evidence(a);
    if (command == "tsa") return s.tsa(a);
    if (command == "anchor") return s.anchor(a);
    if (command == "review-queue") return s.reviewQueue(a);
    if (command == "export") return s.exportCommand(a);
    if (command == "pdf") return s.pdf(a);
    if (command == "notebook") return s.notebookCommand(a);
    if (command == "instrument") return s.instrument(a);
    if (command == "capture") return s.capture(a);
    if (command == "inbox") return s.inbox(a);
    if (command == "data") return s.data(a);
    if (command == "import") return s.importCommand(a);
    if (command == "alarms") return s.alarms(a);
    if (command == "comment") return s.comment(a);
    if (command == "comments") return s.comments(a);
    if (command == "template") return s.templateCommand(a);
    if (command == "recovery-code") return s.recoveryCodeCommand(a);
    if (command == "recover") return s.recover(a);
    if (command == "backup") return s.backup(a);
    if (command == "restore") return s.restore(a);
    if (command == "rebuild") return s.rebuild(a);
    return failWith(QStringLiteral("unknown command '%1' (try --help)").arg(command), Usage);
}

} // namespace quire::cli
