#include "pdf/PdfVerify.h"

#include "crypto/Crypto.h"
#include "crypto/Timestamp.h"
#include "pdf/CadesCms.h"
#include "pdf/PdfFields.h"
#include "pdf/PdfUpdate.h"

#include <qpdf/Buffer.hh>
#include <qpdf/QPDFXRefEntry.hh>

#include <algorithm>
#include <map>
#include <optional>
#include <set>

namespace quire::pdf {

namespace {

using XRef = std::map<QPDFObjGen, QPDFXRefEntry>;

// Where an object's current definition starts: its own offset, or its object stream's.
qint64 offsetOf(const XRef &xref, const QPDFObjGen &id) {
    const auto it = xref.find(id);
    if (it == xref.end()) return -1;
    if (it->second.getType() == 1) return it->second.getOffset();
    if (it->second.getType() == 2) {
        const auto stream = xref.find(QPDFObjGen(it->second.getObjStreamNumber(), 0));
        return stream != xref.end() && stream->second.getType() == 1 ? stream->second.getOffset()
                                                                     : -1;
    }
    return -1;
}

QByteArray rawData(QPDFObjectHandle stream) {
    const std::shared_ptr<Buffer> data = stream.getRawStreamData();
    return QByteArray(reinterpret_cast<const char *>(data->getBuffer()),
                      qsizetype(data->getSize()));
}

bool sameObject(QPDFObjectHandle a, QPDFObjectHandle b) {
    if (a.isStream() != b.isStream()) return false;
    if (a.isStream())
        return a.getDict().unparse() == b.getDict().unparse() && rawData(a) == rawData(b);
    return a.unparseResolved() == b.unparseResolved();
}

// Keys whose values differ between two dictionaries, minus `allowed`.
QStringList changedKeys(QPDFObjectHandle a, QPDFObjectHandle b,
                        const std::set<std::string> &allowed) {
    std::set<std::string> keys = a.getKeys();
    for (const std::string &key : b.getKeys())
        keys.insert(key);
    QStringList out;
    for (const std::string &key : keys) {
        if (allowed.count(key)) continue;
        if (a.getKey(key).unparse() != b.getKey(key).unparse()) out << QString::fromStdString(key);
    }
    return out;
}

QString idText(const QPDFObjGen &id) {
    return QStringLiteral("object %1").arg(id.getObj());
}

// A value's identity in an array: the reference for indirect objects, the text for direct ones.
std::string identity(QPDFObjectHandle item) {
    return item.isIndirect() ? item.unparse() : item.unparseResolved();
}

std::vector<std::string> identities(QPDFObjectHandle array) {
    std::vector<std::string> out;
    if (array.isArray())
        for (QPDFObjectHandle item : array.getArrayAsVector())
            out.push_back(identity(item));
    return out;
}

// Compares the signed revision (the first `end` bytes) with the whole file: every object that a
// later revision defines again must be one a later signature, DSS or document time-stamp may
// change, and only in the ways they change it.
class RevisionCheck {
public:
    RevisionCheck(const QByteArray &pdf, QPDF &full, const XRef &xref)
        : m_pdf(pdf)
        , m_full(full)
        , m_xref(xref) {}

    void check(qint64 end, SignatureReport &report) {
        auto prefixOpened = openPdf(m_pdf.left(end), QStringLiteral("signed revision"));
        if (!prefixOpened) {
            report.problems << QStringLiteral("the signed revision cannot be read (%1)")
                                   .arg(prefixOpened.error());
            return;
        }
        QPDF &old = **prefixOpened;
        auto result = guarded(QStringLiteral("the changes after the signature cannot be read"),
                              [&]() -> Result<void> {
                                  compare(old, end, report);
                                  return {};
                              });
        if (!result) report.problems << result.error();
    }

private:
    // Only objects defined again after `end` are looked at. Which page a changed object belongs
    // to is looked up in the whole file's page list, read once for all signatures and only when
    // needed (a long printout has many pages); a page tree that differs from the signed one is
    // reported by itself, since it needs a changed /Pages node.
    void compare(QPDF &old, qint64 end, SignatureReport &report) {
        QStringList &bad = report.disallowedChanges;
        const XRef oldXref = old.getXRefTable();
        QPDFObjectHandle oldRoot = old.getRoot();
        if (oldRoot.getObjGen() != m_full.getRoot().getObjGen()) {
            bad << QStringLiteral("the document catalog was replaced");
            return;
        }
        QPDFObjectHandle oldAcroForm = oldRoot.getKey("/AcroForm");
        QPDFObjectHandle oldFields = oldAcroForm.getKey("/Fields");

        auto pages = [&]() -> std::vector<QPDFObjectHandle> & {
            if (!m_pages) m_pages = m_full.getAllPages();
            return *m_pages;
        };
        auto pageNumberOf = [&](const QPDFObjGen &id) {
            for (size_t i = 0; i < pages().size(); ++i)
                if (pages()[i].getObjGen() == id) return int(i) + 1;
            return 0;
        };
        // The page whose /Annots is the indirect array `id`, or whose /Contents is (or lists)
        // the stream `id`; 0 when none.
        auto pageUsing = [&](const char *key, const QPDFObjGen &id) {
            for (size_t i = 0; i < pages().size(); ++i) {
                QPDFObjectHandle value = pages()[i].getKey(key);
                if (value.isIndirect() && value.getObjGen() == id) return int(i) + 1;
                if (value.isArray())
                    for (QPDFObjectHandle part : value.getArrayAsVector())
                        if (part.isIndirect() && part.getObjGen() == id) return int(i) + 1;
            }
            return 0;
        };
        // Annotations may only be added, and only signature widgets.
        auto checkAnnots = [&](QPDFObjectHandle before, QPDFObjectHandle after, int page) {
            const std::vector<std::string> was = identities(before);
            std::multiset<std::string> remaining(was.begin(), was.end());
            const std::vector<std::string> now = identities(after);
            for (size_t k = 0; k < now.size(); ++k) {
                const auto found = remaining.find(now[k]);
                if (found != remaining.end())
                    remaining.erase(found);
                else if (!isSignatureWidget(after.getArrayItem(int(k))))
                    bad << QStringLiteral("an annotation was added on page %1").arg(page);
            }
            if (!remaining.empty())
                bad << QStringLiteral("an annotation was removed from page %1").arg(page);
        };

        bool formChanged = false;
        for (const auto &[id, entry] : m_xref) {
            if (offsetOf(m_xref, id) < end) continue;
            if (!oldXref.count(id)) continue; // new objects matter only where they are used
            QPDFObjectHandle before = old.getObjectByObjGen(id);
            QPDFObjectHandle after = m_full.getObjectByObjGen(id);
            if (sameObject(before, after)) continue;
            if (id == oldRoot.getObjGen()) {
                formChanged = true;
                const QStringList keys =
                    changedKeys(before, after, {"/AcroForm", "/DSS", "/Extensions"});
                if (!keys.isEmpty())
                    bad << QStringLiteral("the document catalog was changed (%1)")
                               .arg(keys.join(QStringLiteral(", ")));
            } else if (oldAcroForm.isIndirect() && id == oldAcroForm.getObjGen()) {
                formChanged = true;
                const QStringList keys =
                    changedKeys(before, after, {"/Fields", "/SigFlags", "/DR", "/DA"});
                if (!keys.isEmpty())
                    bad << QStringLiteral("the form was changed (%1)")
                               .arg(keys.join(QStringLiteral(", ")));
            } else if (oldFields.isIndirect() && id == oldFields.getObjGen()) {
                formChanged = true;
            } else if (before.isDictionary() && before.getKey("/Type").isNameAndEquals("/Pages")) {
                bad << QStringLiteral("pages were added, removed or reordered");
            } else if (before.isDictionary() && before.getKey("/Type").isNameAndEquals("/Page")) {
                const int page = pageNumberOf(id);
                const QStringList keys = changedKeys(before, after, {"/Annots"});
                if (!keys.isEmpty())
                    bad << QStringLiteral("page %1 was changed (%2)")
                               .arg(page)
                               .arg(keys.join(QStringLiteral(", ")));
                checkAnnots(before.getKey("/Annots"), after.getKey("/Annots"), page);
            } else if (const int annotsPage = before.isArray() ? pageUsing("/Annots", id) : 0) {
                checkAnnots(before, after, annotsPage);
            } else if (const int contentPage = before.isStream() ? pageUsing("/Contents", id) : 0) {
                bad << QStringLiteral("the content of page %1 was changed").arg(contentPage);
            } else if (isSignatureWidget(before) && isSignatureWidget(after) &&
                       !before.getKey("/V").isDictionary()) {
                // an empty signature field that has been signed since
            } else if (before.isDictionary() && before.getKey("/Type").isNameAndEquals("/Annot")) {
                bad << QStringLiteral("an annotation was changed (%1)").arg(idText(id));
            } else {
                bad << QStringLiteral("%1 was changed").arg(idText(id));
            }
        }

        if (formChanged) {
            const std::vector<std::string> fieldsAfter =
                identities(m_full.getRoot().getKey("/AcroForm").getKey("/Fields"));
            for (const std::string &field : identities(oldFields))
                if (std::find(fieldsAfter.begin(), fieldsAfter.end(), field) == fieldsAfter.end()) {
                    bad << QStringLiteral("a form field was removed");
                    break;
                }
        }
    }

    const QByteArray &m_pdf;
    QPDF &m_full;
    const XRef &m_xref;
    std::optional<std::vector<QPDFObjectHandle>> m_pages;
};

TimestampReport checkToken(const QByteArray &token, const QByteArray &digest,
                           const QByteArray &trustedTsaPem) {
    TimestampReport out;
    out.present = true;
    auto info = timestamp::readToken(token);
    if (!info) {
        out.problem = info.error();
        return out;
    }
    out.genTime = info->genTime;
    out.authority = info->tsaName;
    if (out.authority.isEmpty() && !info->tsaCertDer.isEmpty())
        if (auto cert = crypto::certificateInfo(info->tsaCertDer)) out.authority = cert->commonName;
    if (trustedTsaPem.isEmpty()) {
        out.problem = QStringLiteral("no time-stamp authority is trusted");
        return out;
    }
    auto verified = timestamp::verifyToken(token, digest, trustedTsaPem);
    if (!verified) {
        out.problem = verified.error();
        return out;
    }
    out.valid = true;
    return out;
}

// ByteRange and /Contents as ISO 32000-1 §12.8.1 and ETSI EN 319 142-1 want them: two ranges
// from the file's start to the '<' of /Contents and from after its '>' to the end of a revision,
// the gap being exactly this dictionary's /Contents.
bool checkRanges(const QByteArray &pdf, QPDFObjectHandle value, const XRef &xref,
                 SignatureReport &report, qint64 *gapStart, qint64 *gapEnd) {
    QPDFObjectHandle range = value.getKey("/ByteRange");
    qint64 r[4] = {};
    bool numbers = range.isArray() && range.getArrayNItems() == 4;
    for (int i = 0; numbers && i < 4; ++i) {
        numbers = range.getArrayItem(i).isInteger();
        if (numbers) r[i] = range.getArrayItem(i).getIntValue();
    }
    if (!numbers || r[0] != 0 || r[1] <= 0 || r[2] <= r[1] + 1 || r[3] < 0 ||
        r[2] + r[3] > pdf.size()) {
        report.problems << QStringLiteral("the signature's byte range is malformed");
        return false;
    }
    const QByteArray gap = pdf.mid(r[1], r[2] - r[1]);
    const QByteArray contents =
        QByteArray::fromStdString(value.getKey("/Contents").getStringValue());
    if (!gap.startsWith('<') || !gap.endsWith('>') ||
        QByteArray::fromHex(gap.mid(1, gap.size() - 2)) != contents) {
        report.problems << QStringLiteral("the signature's byte range does not leave out "
                                          "exactly its own /Contents");
        return false;
    }
    const qint64 defined = value.isIndirect() ? offsetOf(xref, value.getObjGen()) : -1;
    if (defined < 0 || defined > r[1]) {
        report.problems << QStringLiteral("the signature's byte range does not fit its "
                                          "signature dictionary");
        return false;
    }
    const qint64 end = r[2] + r[3];
    QByteArray tail = pdf.mid(std::max<qint64>(0, end - 16), std::min<qint64>(16, end));
    while (tail.endsWith('\n') || tail.endsWith('\r') || tail.endsWith(' '))
        tail.chop(1);
    if (!tail.endsWith("%%EOF")) {
        report.problems << QStringLiteral("the signature does not end at the end of a revision");
        return false;
    }
    report.signedLength = end;
    report.coversWholeFile = end == pdf.size();
    *gapStart = r[1];
    *gapEnd = r[2];
    return true;
}

} // namespace

Result<PdfReport> verifyPdf(const QByteArray &pdf, const QByteArray &caCertDer,
                            const QByteArray &trustedTsaPem) {
    auto opened = openPdf(pdf, QStringLiteral("signed PDF"));
    if (!opened) return opened.failure();
    QPDF &qpdf = **opened;
    return guarded(
        QStringLiteral("the PDF's signatures cannot be read"), [&]() -> Result<PdfReport> {
            PdfReport out;
            out.size = pdf.size();
            const XRef xref = qpdf.getXRefTable();
            QPDFObjectHandle dss = qpdf.getRoot().getKey("/DSS");
            QList<QByteArray> dssCerts;
            qint64 dssOffset = -1;
            if (dss.isDictionary()) {
                out.hasDss = true;
                dssOffset = dss.isIndirect() ? offsetOf(xref, dss.getObjGen()) : -1;
                QPDFObjectHandle certs = dss.getKey("/Certs");
                if (certs.isArray())
                    for (QPDFObjectHandle cert : certs.getArrayAsVector())
                        if (cert.isStream()) {
                            const std::shared_ptr<Buffer> data = cert.getStreamData();
                            dssCerts
                                << QByteArray(reinterpret_cast<const char *>(data->getBuffer()),
                                              qsizetype(data->getSize()));
                        }
                out.dssCertificates = int(dssCerts.size());
            }

            RevisionCheck revisions(pdf, qpdf, xref);
            std::set<QPDFObjGen> seen;
            for (SignatureField field : signatureFields(qpdf)) {
                if (field.value.isNull()) continue;
                if (field.value.isIndirect() && !seen.insert(field.value.getObjGen()).second)
                    continue;
                SignatureReport report;
                QPDFObjectHandle value = field.value;
                report.field = field.name;
                report.subFilter =
                    value.getKey("/SubFilter").isName()
                        ? QString::fromStdString(value.getKey("/SubFilter").getName()).mid(1)
                        : QString();
                const bool isTimestamp = report.subFilter == QStringLiteral("ETSI.RFC3161");
                report.kind = isTimestamp ? SignatureReport::Kind::DocumentTimestamp
                                          : SignatureReport::Kind::Signature;
                auto text = [&](const char *key) {
                    QPDFObjectHandle v = value.getKey(key);
                    return v.isString() ? QString::fromStdString(v.getUTF8Value()) : QString();
                };
                report.reason = text("/Reason");
                report.name = text("/Name");
                report.location = text("/Location");
                report.claimedTime = parsePdfDate(text("/M"));

                qint64 gapStart = 0, gapEnd = 0;
                if (!checkRanges(pdf, value, xref, report, &gapStart, &gapEnd)) {
                    out.signatures << report;
                    continue;
                }
                crypto::Sha256 hash;
                hash.add(pdf.constData(), gapStart);
                hash.add(pdf.constData() + gapEnd, report.signedLength - gapEnd);
                const QByteArray digest = hash.finish();
                const QByteArray der = derWithoutPadding(
                    QByteArray::fromStdString(value.getKey("/Contents").getStringValue()));

                if (isTimestamp) {
                    report.timestamp = checkToken(der, digest, trustedTsaPem);
                    report.intact = report.timestamp.valid ||
                                    !report.timestamp.problem.contains(QStringLiteral("imprint"));
                    report.trusted = report.timestamp.valid;
                    if (!report.timestamp.valid)
                        report.problems
                            << QStringLiteral("the document time-stamp is not valid: ") +
                                   report.timestamp.problem;
                    report.provenBefore =
                        report.timestamp.valid ? report.timestamp.genTime : QDateTime();
                } else {
                    if (report.subFilter != QStringLiteral("ETSI.CAdES.detached"))
                        report.problems << QStringLiteral("the signature is not a PAdES signature "
                                                          "(SubFilter %1)")
                                               .arg(report.subFilter);
                    auto parsed = cades::parse(der);
                    if (!parsed) {
                        report.problems << parsed.error();
                        out.signatures << report;
                        continue;
                    }
                    report.signerCertDer = parsed->signerCertDer;
                    if (auto info = crypto::certificateInfo(parsed->signerCertDer)) {
                        report.signerName = info->commonName;
                        report.signerEmail = info->email;
                    }
                    auto integrity = cades::verifyIntegrity(der, digest);
                    report.intact = integrity.ok();
                    if (!integrity) report.problems << integrity.error();
                    if (parsed->hasSigningTime)
                        report.problems
                            << QStringLiteral("the signature has a signingTime attribute, "
                                              "which PAdES does not allow");
                    if (!parsed->hasSigningCertificateV2)
                        report.problems
                            << QStringLiteral("the signature has no signing-certificate "
                                              "attribute");
                    if (!parsed->timeStampToken.isEmpty()) {
                        report.timestamp =
                            checkToken(parsed->timeStampToken,
                                       crypto::sha256(parsed->signatureValue), trustedTsaPem);
                        if (!report.timestamp.valid)
                            report.problems << QStringLiteral("the signature time-stamp is not "
                                                              "valid: ") +
                                                   report.timestamp.problem;
                        else
                            report.provenBefore = report.timestamp.genTime;
                    }
                    // A signature cannot have been made after its time-stamp; a minute of clock
                    // difference between signer and authority is allowed (FORMAT.md §2).
                    if (report.provenBefore.isValid() && report.claimedTime.isValid() &&
                        report.claimedTime > report.provenBefore.addSecs(60))
                        report.problems << QStringLiteral("the signing time (%1) is after the "
                                                          "signature time-stamp (%2)")
                                               .arg(report.claimedTime.toString(Qt::ISODate),
                                                    report.provenBefore.toString(Qt::ISODate));
                    // The certificate must have been valid when the signature was made: at the
                    // time-stamp when there is one, else at the signer's claimed time.
                    const QDateTime signedAt = report.provenBefore.isValid() ? report.provenBefore
                                               : report.claimedTime.isValid()
                                                   ? report.claimedTime
                                                   : QDateTime::currentDateTimeUtc();
                    auto chain = cades::verifyChainAt(parsed->signerCertDer, caCertDer, signedAt);
                    report.trusted = chain.ok();
                    if (!chain)
                        report.problems << QStringLiteral("the signer's certificate is not "
                                                          "trusted: %1")
                                               .arg(chain.error());
                }
                if (!report.coversWholeFile) revisions.check(report.signedLength, report);
                out.signatures << report;
            }
            std::stable_sort(out.signatures.begin(), out.signatures.end(),
                             [](const SignatureReport &a, const SignatureReport &b) {
                                 return a.signedLength < b.signedLength;
                             });

            // What came after each one, and the proven time and level of each signature.
            for (SignatureReport &report : out.signatures) {
                if (report.signedLength == 0) continue;
                QDateTime firstDocumentTimestamp;
                bool ltaAfterDss = false;
                for (const SignatureReport &later : out.signatures) {
                    if (later.signedLength <= report.signedLength) continue;
                    if (later.kind == SignatureReport::Kind::DocumentTimestamp) {
                        report.appendedAfter << QStringLiteral("a document time-stamp");
                        if (later.valid() && !firstDocumentTimestamp.isValid())
                            firstDocumentTimestamp = later.timestamp.genTime;
                        if (later.valid() && dssOffset >= report.signedLength &&
                            dssOffset < later.signedLength)
                            ltaAfterDss = true;
                    } else {
                        report.appendedAfter
                            << QStringLiteral("a signature by %1")
                                   .arg(later.signerName.isEmpty() ? later.name : later.signerName);
                    }
                }
                if (dssOffset >= report.signedLength)
                    report.appendedAfter << QStringLiteral("validation data (DSS)");
                if (report.kind != SignatureReport::Kind::Signature) continue;
                if (!report.provenBefore.isValid()) report.provenBefore = firstDocumentTimestamp;
                const bool lt = !report.signerCertDer.isEmpty() &&
                                dssCerts.contains(report.signerCertDer) &&
                                dssCerts.contains(caCertDer) && dssOffset >= report.signedLength;
                report.level = !report.provenBefore.isValid() ? QStringLiteral("B-B")
                               : !lt                          ? QStringLiteral("B-T")
                               : !ltaAfterDss                 ? QStringLiteral("B-LT")
                                                              : QStringLiteral("B-LTA");
            }
            return out;
        });
}

} // namespace quire::pdf
