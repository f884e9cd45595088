#include "signing/TimestampSettingsDialog.h"

#include "common/DialogParts.h"
#include "page/EntryPageRenderer.h"

#include <QCryptographicHash>
#include <QDialogButtonBox>
#include <QDir>
#include <QFile>
#include <QFileDialog>
#include <QFileInfo>
#include <QFontDatabase>
#include <QHBoxLayout>
#include <QLabel>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QSslCertificate>
#include <QtConcurrent/QtConcurrentRun>
#include <QVBoxLayout>

namespace quire::widgets {

namespace {

constexpr qint64 kMaxCertificateFile = 1024 * 1024;

QLabel *fieldLabel(const QString &text, QWidget *parent) {
    auto *label = new QLabel(text, parent);
    QFont bold = label->font();
    bold.setWeight(QFont::DemiBold);
    label->setFont(bold);
    return label;
}

} // namespace

TimestampSettingsDialog::TimestampSettingsDialog(Notebook *notebook, QWidget *parent)
    : QDialog(parent)
    , m_notebook(notebook) {
    setObjectName(QStringLiteral("timestampSettingsDialog"));
    setWindowTitle(tr("Time-stamp authorities"));
    setMinimumWidth(620);
    if (m_notebook)
        if (auto saved = m_notebook->timestampSettings(); saved) m_saved = *saved;
    m_trusted = m_saved.trustedPem;

    auto *layout = new QVBoxLayout(this);
    layout->setSpacing(10);
    layout->addWidget(makeHeading(tr("Time-stamp authorities"), this));
    layout->addWidget(makeHint(tr("A time-stamp authority vouches for when your records existed, "
                                  "so that their dates do not rest on this computer's clock "
                                  "alone. Quire asks one at each sync; only a fingerprint of the "
                                  "records is sent, never their content."),
                               this));
    // The notebook's authorities are an admin's record, the same on every member's computer:
    // shown, not edited here; the field below holds this computer's own additions.
    if (m_notebook)
        if (auto trust = m_notebook->tsaTrust(); trust) {
            QStringList notebookUrls;
            for (const auto &a : trust->authorities)
                if (!a.local) notebookUrls << a.url;
            if (!notebookUrls.isEmpty()) {
                auto *set = makeHint(tr("Set for the whole notebook by an admin, the same on "
                                        "every member's computer: %1. Addresses and certificates "
                                        "below add to them on this computer only.")
                                         .arg(notebookUrls.join(QStringLiteral(", "))),
                                     this);
                set->setObjectName(QStringLiteral("notebookTsaLabel"));
                layout->addWidget(set);
                QStringList local;
                for (const auto &u : m_saved.urls)
                    if (!notebookUrls.contains(u)) local << u;
                m_saved.urls = local;
            }
        }

    auto *urlsLabel = fieldLabel(tr("&Addresses, one per line, tried in order:"), this);
    m_urls = new QPlainTextEdit(this);
    m_urls->setObjectName(QStringLiteral("urlsEdit"));
    m_urls->setTabChangesFocus(true);
    m_urls->setLineWrapMode(QPlainTextEdit::NoWrap);
    m_urls->setPlaceholderText(tr("e.g. https://tsa.example.org/tsr"));
    m_urls->setPlainText(m_saved.urls.join(QLatin1Char('\n')));
    m_urls->setFixedHeight(m_urls->fontMetrics().lineSpacing() * 4 + 14);
    urlsLabel->setBuddy(m_urls);
    layout->addSpacing(4);
    layout->addWidget(urlsLabel);
    layout->addWidget(m_urls);

    layout->addSpacing(4);
    layout->addWidget(fieldLabel(tr("Trusted certificates:"), this));
    auto *trustRow = new QHBoxLayout;
    m_trustLabel = new QLabel(this);
    m_trustLabel->setObjectName(QStringLiteral("trustLabel"));
    m_trustLabel->setTextFormat(Qt::PlainText);
    m_trustLabel->setWordWrap(true);
    m_trustLabel->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_trustButton = new QPushButton(tr("C&hoose files…"), this);
    m_trustButton->setObjectName(QStringLiteral("trustButton"));
    m_trustButton->setToolTip(tr("The certificates (PEM) of the authorities, or of the "
                                 "authority that issued theirs; they replace the ones trusted "
                                 "so far"));
    trustRow->addWidget(m_trustLabel, 1);
    trustRow->addWidget(m_trustButton, 0, Qt::AlignTop);
    layout->addLayout(trustRow);

    auto *rule = new QFrame(this);
    rule->setFrameShape(QFrame::HLine);
    rule->setFrameShadow(QFrame::Sunken);
    layout->addSpacing(4);
    layout->addWidget(rule);

    auto *attestRow = new QHBoxLayout;
    m_waiting = new QLabel(this);
    m_waiting->setObjectName(QStringLiteral("unattestedLabel"));
    m_waiting->setWordWrap(true);
    m_attest = new QPushButton(tr("A&ttest now"), this);
    m_attest->setObjectName(QStringLiteral("attestButton"));
    m_attest->setToolTip(tr("Save these settings and ask the authorities to attest every "
                            "record that waits"));
    attestRow->addWidget(m_waiting, 1);
    attestRow->addWidget(m_attest, 0, Qt::AlignTop);
    layout->addLayout(attestRow);
    m_busy = makeBusyRow(tr("Asking the time-stamp authority…"), this);
    layout->addWidget(m_busy);
    m_result = new QLabel(this);
    m_result->setObjectName(QStringLiteral("resultLabel"));
    m_result->setTextFormat(Qt::PlainText);
    m_result->setWordWrap(true);
    m_result->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_result->hide();
    layout->addWidget(m_result);
    m_error = makeErrorLabel(this);
    layout->addWidget(m_error);
    layout->addStretch(1);
    layout->addSpacing(6);

    m_buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    m_buttons->button(QDialogButtonBox::Ok)->setText(tr("&Save"));
    useTextOnlyButtons(m_buttons);
    layout->addWidget(m_buttons);

    connect(m_trustButton, &QPushButton::clicked, this, [this] {
        const QStringList paths = QFileDialog::getOpenFileNames(
            this, tr("Choose the time-stamp authorities' certificates"), QDir::homePath(),
            tr("Certificates (*.pem *.crt *.cer);;All files (*)"));
        if (!paths.isEmpty()) useCertificateFiles(paths);
    });
    connect(m_urls, &QPlainTextEdit::textChanged, this, [this] { hideError(m_error); });
    connect(m_attest, &QPushButton::clicked, this, &TimestampSettingsDialog::attestNow);
    connect(m_buttons, &QDialogButtonBox::accepted, this, &TimestampSettingsDialog::save);
    connect(m_buttons, &QDialogButtonBox::rejected, this, &TimestampSettingsDialog::reject);
    connect(&m_watcher, &QFutureWatcherBase::finished, this,
            &TimestampSettingsDialog::finishAttesting);

    showTrusted();
    showWaiting();
    m_urls->setFocus();
}

QString TimestampSettingsDialog::errorText() const {
    return m_error->isVisible() ? m_error->text() : QString();
}

QString TimestampSettingsDialog::resultText() const {
    return m_result->isVisible() ? m_result->text() : QString();
}

QString TimestampSettingsDialog::describeCertificates(const QByteArray &pem) {
    const QList<QSslCertificate> certificates = QSslCertificate::fromData(pem, QSsl::Pem);
    if (certificates.isEmpty()) {
        // Without a TLS back end Qt reads no certificate; the count is still worth saying.
        const int n = int(pem.count("-----BEGIN CERTIFICATE-----"));
        if (n == 0) return tr("None yet: without them no time-stamp can be checked.");
        return tr("%n certificates trusted", nullptr, n);
    }
    QStringList lines;
    for (const QSslCertificate &c : certificates) {
        QString subject = c.subjectInfo(QSslCertificate::CommonName).join(QStringLiteral(", "));
        if (subject.isEmpty()) subject = c.subjectDisplayName();
        const QByteArray fingerprint = c.digest(QCryptographicHash::Sha256).toHex(':').toUpper();
        // The first bytes tell certificates apart on screen; the tooltip is not needed for that.
        lines << tr("%1 — SHA-256 %2…").arg(subject, QString::fromLatin1(fingerprint.left(23)));
    }
    return lines.join(QLatin1Char('\n'));
}

void TimestampSettingsDialog::showTrusted() {
    m_trustLabel->setText(describeCertificates(m_trusted));
}

void TimestampSettingsDialog::showWaiting() {
    if (!m_notebook) return;
    auto waiting = m_notebook->unattestedCount();
    if (!waiting) {
        m_waiting->setText(asSentence(waiting.error()));
        return;
    }
    m_waiting->setText(*waiting == 0 ? tr("Every record has a trusted time.")
                                     : tr("%n records are not yet attested.", nullptr, *waiting));
}

QStringList TimestampSettingsDialog::urls() const {
    QStringList out;
    for (const QString &line : m_urls->toPlainText().split(QLatin1Char('\n')))
        if (!line.trimmed().isEmpty()) out << line.trimmed();
    return out;
}

bool TimestampSettingsDialog::useCertificateFiles(const QStringList &paths) {
    hideError(m_error);
    QByteArray pem;
    for (const QString &path : paths) {
        QFile file(path);
        if (file.size() > kMaxCertificateFile || !file.open(QIODevice::ReadOnly)) {
            showError(
                m_error,
                tr("%1 cannot be read as a certificate file.").arg(QDir::toNativeSeparators(path)));
            return false;
        }
        const QByteArray bytes = file.readAll();
        if (!bytes.contains("-----BEGIN CERTIFICATE-----")) {
            showError(m_error, tr("%1 holds no certificate in PEM form (the text form that "
                                  "starts with “-----BEGIN CERTIFICATE-----”).")
                                   .arg(QFileInfo(path).fileName()));
            return false;
        }
        pem += bytes;
        if (!pem.endsWith('\n')) pem += '\n';
    }
    m_trusted = pem;
    showTrusted();
    return true;
}

bool TimestampSettingsDialog::saveIfChanged() {
    if (!m_notebook) return false;
    hideError(m_error);
    const TimestampSettings wanted{urls(), m_trusted};
    // Each save is an audit record (itself waiting for a time-stamp): save only real changes.
    if (wanted.urls == m_saved.urls && wanted.trustedPem == m_saved.trustedPem) return true;
    if (!wanted.urls.isEmpty() && wanted.trustedPem.isEmpty()) {
        showError(m_error, tr("Choose the certificates to trust as well: without them no "
                              "time-stamp can be checked."));
        return false;
    }
    auto saved = m_notebook->setTimestampSettings(wanted);
    if (!saved) {
        showError(m_error, asSentence(saved.error()));
        return false;
    }
    m_saved = wanted;
    return true;
}

void TimestampSettingsDialog::save() {
    if (m_working) return;
    if (saveIfChanged()) accept();
}

void TimestampSettingsDialog::attestNow() {
    if (m_working || !m_notebook) return;
    m_result->hide();
    if (urls().isEmpty()) {
        showError(m_error, tr("Add the address of at least one time-stamp authority first."));
        m_urls->setFocus();
        return;
    }
    if (!saveIfChanged()) return;
    m_working = true;
    m_busy->show();
    for (QWidget *w : {static_cast<QWidget *>(m_urls), static_cast<QWidget *>(m_trustButton),
                       static_cast<QWidget *>(m_attest), static_cast<QWidget *>(m_buttons)})
        w->setEnabled(false);
    emit busyChanged(true);
    Notebook *notebook = m_notebook;
    m_watcher.setFuture(QtConcurrent::run([notebook] { return notebook->anchor(); }));
}

void TimestampSettingsDialog::finishAttesting() {
    const Result<AnchorSummary> result = m_watcher.result();
    m_working = false;
    m_busy->hide();
    for (QWidget *w : {static_cast<QWidget *>(m_urls), static_cast<QWidget *>(m_trustButton),
                       static_cast<QWidget *>(m_attest), static_cast<QWidget *>(m_buttons)})
        w->setEnabled(true);
    emit busyChanged(false);
    if (!result) {
        showError(m_error, tr("Nothing was attested: %1 The records wait and are sent again at "
                              "the next sync.")
                               .arg(asSentence(result.error())));
    } else {
        QString text;
        if (result->records == 0)
            text = tr("Nothing was waiting: every record already has a trusted time.");
        else
            text = tr("%n records attested at %1 by %2.", nullptr, result->records)
                       .arg(EntryPageRenderer::localTime(result->attestedAt), result->tsa);
        for (const QString &failure : result->failures)
            text += QLatin1Char('\n') + tr("Did not answer first: %1").arg(failure);
        if (result->renewed > 0)
            text += QLatin1Char('\n') +
                    tr("Earlier time-stamps renewed by %1 before their authority's certificate "
                       "ends (anchors renewed: %2).")
                        .arg(result->renewalTsa)
                        .arg(result->renewed);
        m_result->setText(text);
        m_result->show();
    }
    showWaiting();
    // Earlier messages may have made the dialog taller than what it shows now.
    layout()->activate();
    const int height = layout()->totalHeightForWidth(width());
    resize(width(), height > 0 ? height : sizeHint().height());
}

void TimestampSettingsDialog::reject() {
    if (m_working) return;
    QDialog::reject();
}

} // namespace quire::widgets
