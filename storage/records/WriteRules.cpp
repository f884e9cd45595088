#include "records/WriteRules.h"

#include "crypto/Crypto.h"
#include "crypto/Timestamp.h"
#include "html/HtmlSanitizer.h"
#include "records/CanonicalJson.h"
#include "records/Record.h"

#include <QCoreApplication>
#include <QJsonArray>
#include <QRegularExpression>
#include <QSet>
#include <QUrl>

namespace quire::records {

namespace {

QByteArray unb64(const QJsonValue &v) {
    return QByteArray::fromBase64(v.toString().toLatin1());
}
QString hex(const QByteArray &raw) {
    return QString::fromLatin1(crypto::toHex(raw));
}

} // namespace

QString formProblem(const QJsonObject &record) {
    static const QRegularExpression timeFormat(
        QStringLiteral("^\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}\\.\\d{3}Z$"));
    const QString type = record.value("type").toString();
    const QString object = record.value("object").toString();
    const QString prev = record.value("prev").toString();
    const QString author = record.value("author").toString();
    const QString device = record.value("device").toString();
    const qint64 seq = record.value("seq").toInteger();
    const QString recordedAt = record.value("recorded_at").toString();
    if (record.value("format").toString() != kRecordFormat || record.size() != 9)
        return QCoreApplication::translate("quire::storage", "it is not a quire/1 record");
    if (!kRecordTypes.contains(type))
        return QCoreApplication::translate("quire::storage", "it has an unknown record type “%1”")
            .arg(type);
    if (!isUuid(object) || !isUuid(author) || !isUuid(device) ||
        !(record.value("prev").isNull() || isRecordId(prev)) || seq < 1 ||
        !timeFormat.match(recordedAt).hasMatch() || !record.value("body").isObject())
        return QCoreApplication::translate("quire::storage", "its fields are malformed");
    return {};
}

bool isSafeEntryHtml(const QString &html) {
    return html::isInSafeSubset(html) || html::sanitize(html) == html;
}

QString writeProblem(const QJsonObject &record, const QStringList &roles,
                     const QString &firstAuthor, const QByteArray &caCert, const bool *htmlSafe,
                     bool authorsWriteTemplates) {
    const QString type = record.value("type").toString();
    const QString prev = record.value("prev").toString();
    const QString author = record.value("author").toString();
    const QJsonObject body = record.value("body").toObject();
    const bool changed = !prev.isEmpty();
    if (const QString problem = mergesProblem(record); !problem.isEmpty()) return problem;
    if ((type == "entry" || type == "experiment") && changed &&
        body.value("reason").toString().trimmed().isEmpty())
        return QCoreApplication::translate("quire::storage", "it changes a %1 without a reason")
            .arg(type);
    if (type == "member") {
        if (!roles.contains("admin"))
            return QCoreApplication::translate("quire::storage",
                                               "only an admin may write member records");
        if (!crypto::verifyCertificateChain(unb64(body.value("sign_cert")), caCert))
            return QCoreApplication::translate(
                "quire::storage", "the member's certificate is not issued by this notebook");
    }
    if ((type == "experiment" || (type == "entry" && !changed)) && !roles.contains("author"))
        return QCoreApplication::translate("quire::storage",
                                           "only members with the author role may write a %1")
            .arg(type);
    if (type == "entry") {
        if (changed && firstAuthor != author)
            return QCoreApplication::translate("quire::storage",
                                               "it changes an entry that someone else wrote");
        const QString htmlText = body.value("html").toString();
        if (htmlSafe ? !*htmlSafe : !isSafeEntryHtml(htmlText))
            return QCoreApplication::translate("quire::storage",
                                               "it holds HTML outside the safe subset");
    }
    if (type == "instrument") {
        if (!roles.contains("author") && !roles.contains("admin"))
            return QCoreApplication::translate(
                "quire::storage", "only members with the author or admin role may write an "
                                  "instrument");
        if (body.value("name").toString().trimmed().isEmpty())
            return QCoreApplication::translate("quire::storage", "an instrument without a name");
        const QString status = body.value("status").toString();
        if (status != "active" && status != "retired")
            return QCoreApplication::translate(
                       "quire::storage", "an instrument's status is active or retired, not “%1”")
                .arg(status);
        if (changed && body.value("reason").toString().trimmed().isEmpty())
            return QCoreApplication::translate("quire::storage",
                                               "it changes an instrument without a reason");
    }
    if (type == "set_aside") {
        if (!roles.contains("author"))
            return QCoreApplication::translate(
                "quire::storage", "only members with the author role may set a capture aside");
        if (changed)
            return QCoreApplication::translate("quire::storage",
                                               "setting aside has only one version");
        if (!isRecordId(body.value("target").toString()))
            return QCoreApplication::translate("quire::storage",
                                               "it sets aside something that is not a record id");
        if (body.value("reason").toString().trimmed().isEmpty())
            return QCoreApplication::translate("quire::storage",
                                               "it sets a capture aside without a reason");
    }
    if (type == "audit" && body.value("action").toString() == "alarm_acknowledged") {
        // Issue 16: an acknowledgement silences an alarm in every vault, so only an admin's.
        if (!roles.contains("admin"))
            return QCoreApplication::translate("quire::storage",
                                               "only an admin may acknowledge an alarm");
        const QJsonObject detail = body.value("detail").toObject();
        if (detail.value("alarm").toString().isEmpty() ||
            detail.value("reason").toString().trimmed().isEmpty())
            return QCoreApplication::translate(
                "quire::storage", "an alarm acknowledgement names the alarm and a reason");
    }
    if (type == "device") {
        // A computer of a member (issue 16): announced or retired by that member or an admin.
        if (author != body.value("member").toString() && !roles.contains("admin"))
            return QCoreApplication::translate(
                "quire::storage", "only the device's member or an admin may write a device record");
        if (!isUuid(body.value("member").toString()))
            return QCoreApplication::translate("quire::storage", "a device record names no member");
        if (body.value("name").toString().trimmed().isEmpty())
            return QCoreApplication::translate("quire::storage", "a device without a name");
        const QString status = body.value("status").toString();
        if (status != "active" && status != "retired")
            return QCoreApplication::translate("quire::storage",
                                               "a device's status is active or retired, not “%1”")
                .arg(status);
        if (body.value("reason").toString().trimmed().isEmpty())
            return QCoreApplication::translate("quire::storage",
                                               "a device record without a reason");
    }
    if (type == "tsa_trust") {
        if (!roles.contains("admin"))
            return QCoreApplication::translate(
                "quire::storage", "only an admin may set the notebook's time-stamp authorities");
        if (const QString problem = tsaTrustProblem(body); !problem.isEmpty()) return problem;
    }
    if (type == "template") {
        // Labs ask that SOPs come from admins; an admin may widen it to authors (issue 17).
        if (!roles.contains("admin") && !(authorsWriteTemplates && roles.contains("author")))
            return authorsWriteTemplates
                       ? QCoreApplication::translate("quire::storage",
                                                     "only admins and authors may write templates")
                       : QCoreApplication::translate(
                             "quire::storage",
                             "only an admin may write templates in this notebook");
        if (changed && firstAuthor != author && !roles.contains("admin"))
            return QCoreApplication::translate("quire::storage",
                                               "it changes a template that someone else wrote");
        if (const QString problem = templateProblem(record); !problem.isEmpty()) return problem;
    }
    if (type == "template_policy") {
        if (!roles.contains("admin"))
            return QCoreApplication::translate("quire::storage",
                                               "only an admin may say who writes templates");
        if (const QString problem = templatePolicyProblem(body); !problem.isEmpty()) return problem;
    }
    if (type == "signature" && changed)
        return QCoreApplication::translate("quire::storage", "a signature has only one version");
    if (type == "comment")
        if (const QString problem = commentFormProblem(record, htmlSafe); !problem.isEmpty())
            return problem;
    if (type == "anchor") {
        if (changed)
            return QCoreApplication::translate("quire::storage", "an anchor has only one version");
        if (const QString problem = anchorProblem(body); !problem.isEmpty()) return problem;
    }
    return {};
}

QString mergesProblem(const QJsonObject &record) {
    const QJsonObject body = record.value("body").toObject();
    if (!body.contains(QLatin1String("merges"))) return {};
    const QString type = record.value("type").toString();
    const QString prev = record.value("prev").toString();
    if (type != "entry" && type != "experiment")
        return QCoreApplication::translate(
                   "quire::storage", "only entry and experiment versions merge others, not a %1")
            .arg(type);
    if (prev.isEmpty())
        return QCoreApplication::translate("quire::storage",
                                           "a first version cannot merge other versions");
    const QJsonValue merges = body.value("merges");
    if (!merges.isArray() || merges.toArray().isEmpty())
        return QCoreApplication::translate("quire::storage",
                                           "its merges are not a list of the versions it joins");
    QSet<QString> seen{prev};
    for (const auto &v : merges.toArray()) {
        const QString id = v.toString();
        if (!isRecordId(id) || seen.contains(id))
            return QCoreApplication::translate("quire::storage",
                                               "its merges name a malformed or repeated version");
        seen.insert(id);
    }
    if (body.value("reason").toString().trimmed().isEmpty())
        return QCoreApplication::translate("quire::storage",
                                           "it resolves a conflict without a reason");
    return {};
}

QString anchorProblem(const QJsonObject &b) {
    const QJsonArray leaves = b.value("leaves").toArray();
    if (leaves.isEmpty())
        return QCoreApplication::translate("quire::storage", "an anchor without records");
    QList<QByteArray> raw;
    raw.reserve(leaves.size());
    QSet<QString> seen;
    for (const auto &leaf : leaves) {
        const QString id = leaf.toString();
        if (!isRecordId(id) || seen.contains(id))
            return QCoreApplication::translate("quire::storage",
                                               "an anchor with a malformed or repeated record id");
        seen.insert(id);
        raw << crypto::fromHex(id.toLatin1());
    }
    const QByteArray root = timestamp::merkleRoot(raw);
    if (hex(root) != b.value("root").toString())
        return QCoreApplication::translate("quire::storage",
                                           "the anchor's root is not the root of its records");
    auto token = timestamp::readToken(unb64(b.value("token")));
    if (!token)
        return QCoreApplication::translate("quire::storage", "the anchor's time-stamp token: %1")
            .arg(token.error());
    if (token->digest != root)
        return QCoreApplication::translate(
            "quire::storage", "the anchor's time-stamp token is for another set of records");
    return {};
}

QString tsaTrustProblem(const QJsonObject &b) {
    if (!b.value("authorities").isArray())
        return QCoreApplication::translate(
            "quire::storage", "a time-stamp trust setting without a list of authorities");
    const qint64 days = b.value("renew_before_days").toInteger(-1);
    if (!b.value("renew_before_days").isDouble() || days < 1 || days > kMaxRenewBeforeDays)
        return QCoreApplication::translate(
                   "quire::storage",
                   "a time-stamp trust setting must renew 1 to %1 days before expiry")
            .arg(kMaxRenewBeforeDays);
    QSet<QString> urls;
    for (const auto &item : b.value("authorities").toArray()) {
        const QJsonObject a = item.toObject();
        const QString url = a.value("url").toString();
        const QUrl parsed(url);
        if (!parsed.isValid() || parsed.host().isEmpty() ||
            (parsed.scheme() != "http" && parsed.scheme() != "https"))
            return QCoreApplication::translate(
                       "quire::storage",
                       "the time-stamp authority “%1” is not an http or https address")
                .arg(url);
        if (urls.contains(url))
            return QCoreApplication::translate("quire::storage",
                                               "the time-stamp authority %1 is named twice")
                .arg(url);
        urls.insert(url);
        const QJsonArray certs = a.value("certs").toArray();
        if (certs.isEmpty())
            return QCoreApplication::translate(
                       "quire::storage", "the time-stamp authority %1 has no trusted certificate")
                .arg(url);
        for (const auto &cert : certs)
            if (!timestamp::describeCertificate(unb64(cert)))
                return QCoreApplication::translate(
                           "quire::storage", "a certificate trusted for %1 is not a certificate")
                    .arg(url);
    }
    return {};
}

QString templateProblem(const QJsonObject &record) {
    const QJsonObject b = record.value("body").toObject();
    if (b.value("name").toString().trimmed().isEmpty())
        return QCoreApplication::translate("quire::storage", "a template without a name");
    const QString status = b.value("status").toString();
    if (status != "active" && status != "withdrawn")
        return QCoreApplication::translate("quire::storage",
                                           "a template's status is active or withdrawn, not “%1”")
            .arg(status);
    if (!record.value("prev").toString().isEmpty() &&
        b.value("reason").toString().trimmed().isEmpty())
        return QCoreApplication::translate("quire::storage",
                                           "it changes a template without a reason");
    const QString kind = b.value("kind").toString();
    if (kind == "entry") {
        if (!b.value("html").isString())
            return QCoreApplication::translate("quire::storage", "an entry template without HTML");
        if (!isSafeEntryHtml(b.value("html").toString()))
            return QCoreApplication::translate("quire::storage",
                                               "a template holds HTML outside the safe subset");
        return {};
    }
    if (kind != "experiment")
        return QCoreApplication::translate("quire::storage",
                                           "a template is of an experiment or an entry, not “%1”")
            .arg(kind);
    if (!b.value("title").isString() || !b.value("project").isString() ||
        !b.value("tags").isArray() || !b.value("entries").isArray())
        return QCoreApplication::translate(
            "quire::storage", "an experiment template needs a title, project, tags and entries");
    for (const auto &tag : b.value("tags").toArray())
        if (!tag.isString())
            return QCoreApplication::translate("quire::storage", "a template's tags are words");
    for (const auto &item : b.value("entries").toArray()) {
        const QJsonObject e = item.toObject();
        if (e.value("title").toString().trimmed().isEmpty() || !e.value("html").isString())
            return QCoreApplication::translate("quire::storage",
                                               "each entry of a template has a title and HTML");
        if (!isSafeEntryHtml(e.value("html").toString()))
            return QCoreApplication::translate("quire::storage",
                                               "a template holds HTML outside the safe subset");
    }
    return {};
}

QString templatePolicyProblem(const QJsonObject &body) {
    const QString writers = body.value("writers").toString();
    if (writers != "admins" && writers != "authors")
        return QCoreApplication::translate("quire::storage",
                                           "templates are written by admins or authors, not “%1”")
            .arg(writers);
    return {};
}

Result<QByteArray> statementBytes(const QJsonObject &body, const QString &signer) {
    return json::canonicalize(QJsonObject{{"format", kRecordFormat},
                                          {"meaning", body.value("meaning").toString()},
                                          {"printed_name", body.value("printed_name")},
                                          {"signed_at", body.value("signed_at")},
                                          {"signer", signer},
                                          {"target", body.value("target")}});
}

QString signatureRuleProblem(const QString &signer, const QString &meaning, const QString &target,
                             const std::function<TargetInfo()> &targetInfo,
                             const std::function<MemberAt()> &memberAt, bool *missingTarget) {
    static const QStringList meanings{"authored", "reviewed", "approved", "witnessed"};
    if (!meanings.contains(meaning))
        return QCoreApplication::translate("quire::storage",
                                           "“%1” is not a signature meaning; meanings are %2")
            .arg(meaning, meanings.join(", "));
    const TargetInfo t = targetInfo();
    if (!t.found) {
        if (missingTarget) *missingTarget = true;
        return QCoreApplication::translate("quire::storage",
                                           "the signed record %1 is not in this notebook")
            .arg(target);
    }
    if (t.type != "entry")
        return QCoreApplication::translate("quire::storage",
                                           "only entry versions are signed, and %1 is a %2 record")
            .arg(target.left(12), t.type);
    if (t.status == "void")
        return QCoreApplication::translate("quire::storage", "a voided entry cannot be signed");
    const MemberAt m = memberAt();
    if (!m.known)
        return QCoreApplication::translate("quire::storage",
                                           "the signer is not a member of this notebook");
    if (m.status != "active")
        return QCoreApplication::translate("quire::storage", "the signer's membership was revoked");
    if (meaning == "authored") {
        if (t.author != signer)
            return QCoreApplication::translate("quire::storage",
                                               "only the entry's author can sign it as authored");
    } else {
        if (t.author == signer)
            return QCoreApplication::translate(
                       "quire::storage", "the entry's author cannot sign it as %1; that signature "
                                         "must come from someone else")
                .arg(meaning);
        if (!m.roles.contains("supervisor"))
            return QCoreApplication::translate("quire::storage",
                                               "only a supervisor can sign an entry as %1")
                .arg(meaning);
    }
    return {};
}

QString commentFormProblem(const QJsonObject &record, const bool *htmlSafe) {
    const QJsonObject body = record.value("body").toObject();
    if (!record.value("prev").toString().isEmpty())
        return QCoreApplication::translate("quire::storage",
                                           "a comment is never changed; a new comment corrects it");
    if (!isRecordId(body.value("target").toString()))
        return QCoreApplication::translate("quire::storage",
                                           "a comment on something that is not a record id");
    const QString htmlText = body.value("html").toString();
    if (htmlSafe ? !*htmlSafe : !isSafeEntryHtml(htmlText))
        return QCoreApplication::translate("quire::storage",
                                           "a comment holds HTML outside the safe subset");
    if (html::plainText(htmlText).trimmed().isEmpty())
        return QCoreApplication::translate("quire::storage", "a comment that says nothing");
    if (body.contains("requests_changes") && !body.value("requests_changes").isBool())
        return QCoreApplication::translate("quire::storage",
                                           "a comment's requests_changes is true or false");
    if (body.contains("corrects") && !isRecordId(body.value("corrects").toString()))
        return QCoreApplication::translate("quire::storage",
                                           "a comment corrects something that is not a record id");
    return {};
}

QString commentRuleProblem(const QString &author, const QJsonObject &body,
                           const std::function<TargetInfo(const QString &)> &recordInfo,
                           const std::function<MemberAt()> &memberAt, bool *missing) {
    const QString target = body.value("target").toString();
    const TargetInfo t = recordInfo(target);
    if (!t.found) {
        if (missing) *missing = true;
        return QCoreApplication::translate("quire::storage",
                                           "the commented record %1 is not in this notebook")
            .arg(target);
    }
    if (t.type != "entry")
        return QCoreApplication::translate(
                   "quire::storage", "only entry versions are commented on, and %1 is a %2 record")
            .arg(target.left(12), t.type);
    const MemberAt m = memberAt();
    if (!m.known)
        return QCoreApplication::translate("quire::storage",
                                           "the commenter is not a member of this notebook");
    if (m.status != "active")
        return QCoreApplication::translate("quire::storage",
                                           "the commenter's membership was revoked");
    if (body.value("requests_changes").toBool()) {
        if (!m.roles.contains("supervisor"))
            return QCoreApplication::translate("quire::storage",
                                               "only a supervisor can request changes");
        if (t.author == author)
            return QCoreApplication::translate(
                "quire::storage", "the entry's author cannot request changes of their own entry");
        if (t.status == "void")
            return QCoreApplication::translate("quire::storage",
                                               "a voided entry cannot be asked to change");
    }
    if (body.contains("corrects")) {
        const QString corrected = body.value("corrects").toString();
        const TargetInfo c = recordInfo(corrected);
        if (!c.found) {
            if (missing) *missing = true;
            return QCoreApplication::translate("quire::storage",
                                               "the corrected comment %1 is not in this notebook")
                .arg(corrected.left(12));
        }
        if (c.type != "comment" || c.author != author)
            return QCoreApplication::translate(
                "quire::storage", "a comment corrects only an earlier comment of the same member");
        if (recordInfo(c.target).object != t.object)
            return QCoreApplication::translate(
                "quire::storage", "a comment corrects only a comment on the same entry");
    }
    return {};
}

} // namespace quire::records
