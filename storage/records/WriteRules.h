#pragma once
// WriteRules: the rules that admit a record into a notebook (FORMAT.md §2-§4), as functions of
// the record and of the few facts about the notebook they need, which the caller looks up and
// passes in: no vault, no database. The vault asks them for what arrives by sync, so that every
// device judges a record alike.
//
// Still in the vault (sync/Admission.cpp), as questions to the notebook's records interleaved
// with the rules above: a record or a device sequence number seen before, the chain (previous
// version present, same object, no second first version), the genesis a newcomer accepts, the
// sealer found by certificate and the seal checked against the CA, a revoked author's late
// records (an expected refusal, a verdict of its own), and a signature's CMS and printed name
// (vault/Signing.cpp).
//
// A record appended on this device passes records::seal's format rules only; who may write it
// is checked before it is appended (model/, and the vault's member calls). verify()
// (vault/Verify.cpp) keeps its own wording of the chain and write checks.

#include "Result.h"

#include <QByteArray>
#include <QJsonObject>
#include <QString>
#include <QStringList>

#include <functional>

namespace quire::records {

// The fixed fields of FORMAT.md §2: the format, a known type, uuids, ids, a sequence number, a
// time and a body. Empty when they are well formed, else why not.
QString formProblem(const QJsonObject &record);

// Whether an entry's HTML is what the sanitiser would write (FORMAT.md §6).
bool isSafeEntryHtml(const QString &html);

// What a record's author may write: a changed entry or experiment needs a reason, member records
// are an admin's and name a certificate of the notebook's CA `caCert`, experiments and new
// entries need the author role, only an entry's first author changes it, entries hold safe
// HTML, signatures and anchors have one version and anchors agree with their token;
// instruments are an author's or an admin's, named, active or retired, and a change has a
// reason; a set_aside is an author's, names a record id and has a reason; a tsa_trust is an
// admin's and well formed. `roles` are
// the author's, `firstAuthor` wrote the object's first version (empty for a new object);
// `htmlSafe`, when given, is isSafeEntryHtml of the entry's HTML, worked out ahead. A template
// is an admin's, or an author's too when `authorsWriteTemplates` (the notebook's
// template_policy in force when it was written says so); a template_policy is an admin's.
// Empty when the record may be written. Who may sign what is signatureRuleProblem's question.
QString writeProblem(const QJsonObject &record, const QStringList &roles,
                     const QString &firstAuthor, const QByteArray &caCert,
                     const bool *htmlSafe = nullptr, bool authorsWriteTemplates = false);

// A `template` body (FORMAT.md §2, issue 17): a `name`, `kind` experiment (`title`, `project`,
// `tags`, `entries` [{title, html}]) or entry (`html`), `status` active or withdrawn, a
// `reason` when `prev` is set, every HTML in the safe subset. Empty when well formed.
QString templateProblem(const QJsonObject &record);
// A `template_policy` body: `writers` is "admins" or "authors". Empty when well formed.
QString templatePolicyProblem(const QJsonObject &body);

// A version that resolves a conflict (FORMAT.md §2, "Conflicts"): only an entry or experiment
// version with a `prev` may carry `merges`, a non-empty list of distinct record ids other than
// `prev`, and it says why (a `reason`). That they are versions of the same object and not
// earlier ones of each other needs the notebook's records: the vault checks it.
QString mergesProblem(const QJsonObject &record);

// An anchor's leaves, root and token agree (FORMAT.md §4). Whether the TSA is trusted is a
// local setting and is judged when the time is shown, not here.
QString anchorProblem(const QJsonObject &b);

// A `tsa_trust` body (FORMAT.md §4): `authorities` [{url (http/https, each once), certs
// (base64 DER certificates, at least one)}] in the order they are asked, `renew_before_days`
// (1 to kMaxRenewBeforeDays). Empty when well formed. Only an admin writes one (writeProblem).
constexpr int kMaxRenewBeforeDays = 3650;
QString tsaTrustProblem(const QJsonObject &b);

// The statement a signature's CMS signs: what the signer saw and meant, and nothing else.
Result<QByteArray> statementBytes(const QJsonObject &body, const QString &signer);

// A member as the records describe them at a given time.
struct MemberAt {
    bool known = false;
    QString name;
    QStringList roles;
    QString status;
    QByteArray signCert;
};
// The record a signature names.
struct TargetInfo {
    bool found = false;
    QString type;
    QString object;
    QString author;
    int version = 0;
    QString status;
    QString target; // what a comment or signature record names, empty for other types
};
// FORMAT.md §3: who may sign what. Empty when `signer` may sign `target` with `meaning`; the
// message says why not otherwise. The facts are asked for only when a rule needs them:
// `targetInfo` describes `target`, `memberAt` the signer at the time of signing.
// `missingTarget` is set when the target is not (yet) in the notebook.
QString signatureRuleProblem(const QString &signer, const QString &meaning, const QString &target,
                             const std::function<TargetInfo()> &targetInfo,
                             const std::function<MemberAt()> &memberAt,
                             bool *missingTarget = nullptr);

// A comment's own fields (FORMAT.md §2, `comment`): one version only (a new comment corrects an
// old one), a target record id, safe HTML that says something, `requests_changes` a boolean and
// `corrects` a record id when present. `htmlSafe` as for writeProblem. Empty when well formed.
QString commentFormProblem(const QJsonObject &record, const bool *htmlSafe = nullptr);

// Who may comment on what: any active member on an entry version of this notebook; a request
// for changes only from an active supervisor who is not the entry's author, on an entry that is
// not void; a correction only of the same member's comment on the same entry. `recordInfo`
// describes a record by id (the target, the corrected comment and its target), `memberAt` the
// commenter when the comment was written. `missing` is set when a record it names has not
// arrived (yet). Empty when allowed.
QString commentRuleProblem(const QString &author, const QJsonObject &body,
                           const std::function<TargetInfo(const QString &)> &recordInfo,
                           const std::function<MemberAt()> &memberAt, bool *missing = nullptr);

} // namespace quire::records
