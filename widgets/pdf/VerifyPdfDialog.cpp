#include "pdf/VerifyPdfDialog.h"

#include "common/DialogParts.h"

#include <QDialogButtonBox>
#include <QFile>
#include <QFileInfo>
#include <QHBoxLayout>
#include <QLabel>
#include <QListWidget>
#include <QPixmap>
#include <QPushButton>
#include <QSplitter>
#include <QtConcurrent/QtConcurrentRun>
#include <QTextBrowser>
#include <QVBoxLayout>

namespace quire::widgets {

namespace {

constexpr int kThumbnailSide = 300;
constexpr int kMaxPagesShown = 60;

QString esc(const QString &text) {
    return text.toHtmlEscaped();
}

// A line of the report: a mark and a word for the outcome, never colour alone.
QString line(bool good, const QString &text) {
    return QStringLiteral("<li><b style=\"color:%1\">%2</b> %3</li>")
        .arg(good ? QStringLiteral("#1b6e20") : QStringLiteral("#b3261e"),
             good ? VerifyPdfDialog::tr("✔ Yes:") : VerifyPdfDialog::tr("✘ No:"), esc(text));
}

} // namespace

VerifyPdfDialog::VerifyPdfDialog(Notebook *notebook, const QString &path, QWidget *parent)
    : QDialog(parent)
    , m_notebook(notebook)
    , m_path(path) {
    setObjectName(QStringLiteral("verifyPdfDialog"));
    setWindowTitle(tr("Verify a PDF"));
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(makeHeading(tr("Verification of %1").arg(QFileInfo(path).fileName()), this));
    m_verdict = new QLabel(tr("Checking the signatures and the embedded records…"), this);
    m_verdict->setObjectName(QStringLiteral("verdictLabel"));
    m_verdict->setWordWrap(true);
    m_verdict->setMargin(8);
    layout->addWidget(m_verdict);

    auto *splitter = new QSplitter(this);
    m_pages = new QListWidget(splitter);
    m_pages->setObjectName(QStringLiteral("pageList"));
    m_pages->setViewMode(QListView::IconMode);
    m_pages->setFlow(QListView::TopToBottom);
    m_pages->setWrapping(false);
    m_pages->setIconSize(QSize(kThumbnailSide, kThumbnailSide));
    m_pages->setMovement(QListView::Static);
    m_pages->setSpacing(6);
    m_pages->setMinimumWidth(kThumbnailSide * 3 / 4 + 40);
    m_report = new QTextBrowser(splitter);
    m_report->setObjectName(QStringLiteral("reportView"));
    m_report->setOpenLinks(false);
    splitter->addWidget(m_pages);
    splitter->addWidget(m_report);
    splitter->setStretchFactor(0, 0);
    splitter->setStretchFactor(1, 1);
    layout->addWidget(splitter, 1);

    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Close, this);
    useTextOnlyButtons(buttons);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    layout->addWidget(buttons);
    resize(1060, 720);

    connect(&m_watcher, &QFutureWatcherBase::finished, this, [this] {
        emit busyChanged(false);
        showOutcome(m_watcher.result());
    });
}

void VerifyPdfDialog::start() {
    if (!m_notebook || m_watcher.isRunning()) return;
    emit busyChanged(true);
    Notebook *notebook = m_notebook;
    const QString path = m_path;
    m_watcher.setFuture(QtConcurrent::run([notebook, path] {
        Outcome outcome;
        QFile file(path);
        if (!file.open(QIODevice::ReadOnly)) {
            outcome.check = fail(tr("could not read %1: %2").arg(path, file.errorString()));
            return outcome;
        }
        if (file.size() > qint64(1) << 30) {
            outcome.check = fail(tr("%1 is too large").arg(path));
            return outcome;
        }
        const QByteArray pdf = file.readAll();
        outcome.check = PdfExport(*notebook).verify(pdf);
        if (auto count = PdfExport::pageCount(pdf)) {
            outcome.pageCount = *count;
            for (int page = 0; page < qMin(*count, kMaxPagesShown); ++page)
                if (auto image = PdfExport::pageImage(pdf, page, kThumbnailSide))
                    outcome.pages << *image;
        }
        return outcome;
    }));
}

QString VerifyPdfDialog::verdictText() const {
    return m_verdict->text();
}

QString VerifyPdfDialog::reportText() const {
    return m_report->toPlainText();
}

int VerifyPdfDialog::pagesShown() const {
    return m_pages->count();
}

void VerifyPdfDialog::showOutcome(const Outcome &outcome) {
    for (int i = 0; i < outcome.pages.size(); ++i) {
        auto *item =
            new QListWidgetItem(QIcon(QPixmap::fromImage(outcome.pages.at(i))),
                                tr("Page %1 of %2").arg(i + 1).arg(outcome.pageCount), m_pages);
        item->setFlags(Qt::ItemIsEnabled);
    }
    if (!outcome.check) {
        m_passed = false;
        m_verdict->setText(
            tr("✘ The PDF could not be checked: %1").arg(asSentence(outcome.check.error())));
    } else {
        m_passed = outcome.check->passed();
        m_verdict->setText(
            m_passed ? tr("✔ The PDF verifies: every signature is valid and the records it "
                          "carries are identical to this notebook's.")
                     : tr("✘ The PDF does NOT verify: see the problems below."));
        m_report->setHtml(reportHtml(*outcome.check));
    }
    m_verdict->setStyleSheet(m_passed
                                 ? QStringLiteral("QLabel { background: #e3f4e4; color: #1b5e20; "
                                                  "font-weight: 600; border-radius: 4px; }")
                                 : QStringLiteral("QLabel { background: #fbe3e1; color: #8c1d18; "
                                                  "font-weight: 600; border-radius: 4px; }"));
    emit checked(m_passed);
}

QString VerifyPdfDialog::reportHtml(const PdfCheck &check) {
    QString html;
    int signatureNumber = 0, stampNumber = 0;
    if (check.signatures.isEmpty())
        html += QStringLiteral("<p>%1</p>").arg(esc(tr("The PDF carries no signature.")));
    for (const PdfSignatureCheck &s : check.signatures) {
        QString items;
        if (s.documentTimestamp) {
            html += QStringLiteral("<h3>%1</h3>")
                        .arg(esc(tr("Document time-stamp %1").arg(++stampNumber)));
            items += QStringLiteral("<li>%1</li>")
                         .arg(esc(tr("Authority: %1")
                                      .arg(s.authority.isEmpty() ? tr("unknown") : s.authority)));
            items += QStringLiteral("<li>%1</li>").arg(esc(tr("Time: %1 UTC").arg(s.provenTime)));
            items += line(s.timestampValid,
                          s.timestampValid
                              ? tr("the time-stamp is valid, from an authority this notebook "
                                   "trusts")
                              : tr("the time-stamp is not valid, or its authority is not one "
                                   "this notebook trusts"));
        } else {
            html += QStringLiteral("<h3>%1</h3>")
                        .arg(esc(tr("Signature %1: %2").arg(++signatureNumber).arg(s.signer)));
            items += QStringLiteral("<li>%1</li>")
                         .arg(esc(tr("Signer: %1 <%2>").arg(s.signer, s.signerEmail)));
            items += QStringLiteral("<li>%1</li>").arg(esc(tr("Meaning: %1").arg(s.meaning)));
            items += QStringLiteral("<li>%1</li>")
                         .arg(esc(tr("Time claimed by the signer: %1").arg(s.claimedTime)));
            items += s.provenTime.isEmpty()
                         ? line(false, tr("not yet time-stamped: nothing proves when it was made"))
                         : line(s.timestampValid, tr("time-stamped %1 UTC by %2 (PAdES %3)")
                                                      .arg(s.provenTime, s.authority, s.level));
            items += line(s.chainsToNotebook,
                          s.chainsToNotebook
                              ? tr("the certificate chains to this notebook's CA")
                              : tr("the certificate was not issued by this notebook's CA"));
        }
        items += line(s.intact, s.intact ? tr("the signed bytes are intact")
                                         : tr("the signed bytes were changed"));
        if (s.coversWholeFile)
            items += line(true, tr("it covers the whole file"));
        else if (!s.appendedAfter.isEmpty())
            items += line(true, tr("added after it, as allowed: %1")
                                    .arg(s.appendedAfter.join(QStringLiteral(", "))));
        for (const QString &c : s.disallowedChanges)
            items += line(false, tr("not allowed after signing: %1").arg(c));
        for (const QString &p : s.problems)
            items += line(false, p);
        html += QStringLiteral("<p><b>%1</b></p><ul>%2</ul>")
                    .arg(s.valid ? esc(tr("Valid")) : esc(tr("NOT valid")), items);
    }
    const PdfEvidenceCheck &e = check.evidence;
    html += QStringLiteral("<h3>%1</h3><ul>").arg(esc(tr("Embedded evidence")));
    if (!e.present) {
        html += line(false, tr("the PDF carries no records from a Quire notebook"));
    } else {
        html += QStringLiteral("<li>%1</li>")
                    .arg(esc(tr("%1 records, %2 electronic signatures, %3 Merkle paths and %4 "
                                "time-stamp tokens")
                                 .arg(e.records)
                                 .arg(e.signatures)
                                 .arg(e.proofs)
                                 .arg(e.timestamps)));
        if (e.problems.isEmpty())
            html += line(true, tr("every record, seal and signature is identical to this "
                                  "notebook's copy"));
        for (const QString &p : e.problems)
            html += line(false, p);
    }
    html += QStringLiteral("</ul>");
    return html;
}

} // namespace quire::widgets
