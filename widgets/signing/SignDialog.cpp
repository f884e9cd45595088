#include "signing/SignDialog.h"

#include "common/DialogParts.h"

#include <QButtonGroup>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QDir>
#include <QFileDialog>
#include <QFileInfo>
#include <QFormLayout>
#include <QGridLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QRadioButton>
#include <QRegularExpression>
#include <QtConcurrent/QtConcurrentRun>
#include <QVBoxLayout>

namespace quire::widgets {

namespace {

constexpr int kTextWidth = 520;
constexpr int kNoteWidth = 400;

QString meaningDescription(const QString &meaning) {
    if (meaning == QLatin1String("authored"))
        return SignDialog::tr("You wrote this entry, and it records what you did.");
    if (meaning == QLatin1String("reviewed"))
        return SignDialog::tr("You have checked this entry and what it records.");
    if (meaning == QLatin1String("approved")) return SignDialog::tr("You approve this entry.");
    if (meaning == QLatin1String("witnessed"))
        return SignDialog::tr("You have read and understood this entry, and witness it.");
    return {};
}

// One sentence per meaning rather than a phrase put into a frame: translators need the whole.
QString statement(const QString &meaning, const QString &name, const QString &email) {
    const QString who = email.isEmpty() ? name : SignDialog::tr("%1 (%2)").arg(name, email);
    if (meaning == QLatin1String("authored"))
        return SignDialog::tr("By signing, I, %1, confirm that this electronic signature is the "
                              "legally binding equivalent of my handwritten signature (21 CFR "
                              "11.100), and that I am the author of this version of the entry.")
            .arg(who);
    if (meaning == QLatin1String("reviewed"))
        return SignDialog::tr("By signing, I, %1, confirm that this electronic signature is the "
                              "legally binding equivalent of my handwritten signature (21 CFR "
                              "11.100), and that I have reviewed this version of the entry.")
            .arg(who);
    if (meaning == QLatin1String("approved"))
        return SignDialog::tr("By signing, I, %1, confirm that this electronic signature is the "
                              "legally binding equivalent of my handwritten signature (21 CFR "
                              "11.100), and that I approve this version of the entry.")
            .arg(who);
    return SignDialog::tr("By signing, I, %1, confirm that this electronic signature is the "
                          "legally binding equivalent of my handwritten signature (21 CFR "
                          "11.100), and that I have read, understood and witnessed this version "
                          "of the entry.")
        .arg(who);
}

QString versionText(const EntryVersion &e) {
    return e.version < e.versionCount
               ? SignDialog::tr("version %1 of %2 (not the latest)")
                     .arg(e.version)
                     .arg(e.versionCount)
               : SignDialog::tr("version %1 of %2").arg(e.version).arg(e.versionCount);
}

QLabel *wrapped(QLabel *label) {
    label->setWordWrap(true);
    label->setTextFormat(Qt::PlainText);
    return label;
}

// Grid and box layouts size a wrapped label from a guessed width and clip the lines beyond;
// a fixed measure and the height it needs keep every line on screen.
void setNote(QLabel *label, const QString &text) {
    label->setText(text);
    label->setFixedWidth(kNoteWidth);
    label->setMinimumHeight(label->heightForWidth(kNoteWidth));
}

} // namespace

SignDialog::SignDialog(Notebook *notebook, const QList<EntryVersion> &entries, const QString &entry,
                       QWidget *parent)
    : QDialog(parent)
    , m_notebook(notebook) {
    setObjectName(QStringLiteral("signDialog"));
    setWindowTitle(tr("Sign entry"));
    setMinimumWidth(kTextWidth + 60);
    for (const EntryVersion &e : entries)
        if (e.status != QLatin1String("void")) m_entries << e;
    if (m_notebook) m_me = m_notebook->me();

    auto *layout = new QVBoxLayout(this);
    // Two pages, shown one at a time; not a stacked widget, which would keep the taller
    // form's height for the short result.
    m_formPage = buildFormPage();
    m_resultPage = buildResultPage();
    m_resultPage->hide();
    layout->addWidget(m_formPage);
    layout->addWidget(m_resultPage);

    connect(&m_watcher, &QFutureWatcherBase::finished, this, &SignDialog::finishSigning);

    int chosen = int(m_entries.size()) - 1;
    for (int i = 0; i < m_entries.size(); ++i)
        if (m_entries.at(i).uuid == entry) chosen = i;
    if (m_entryCombo) {
        m_entryCombo->setCurrentIndex(chosen);
        connect(m_entryCombo, &QComboBox::currentIndexChanged, this, &SignDialog::chooseEntry);
    }
    chooseEntry(chosen);
    m_passphrase->setFocus();
}

QWidget *SignDialog::buildFormPage() {
    auto *page = new QWidget(this);
    auto *layout = new QVBoxLayout(page);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(10);
    layout->addWidget(makeHeading(tr("Sign an entry"), page));

    // One version is named; several are offered in a list, numbered as on the page.
    if (m_entries.size() > 1) {
        auto *row = new QFormLayout;
        m_entryCombo = new QComboBox(page);
        m_entryCombo->setObjectName(QStringLiteral("entryCombo"));
        for (const EntryVersion &e : m_entries)
            m_entryCombo->addItem(tr("%1 — %2").arg(e.title, versionText(e)));
        row->addRow(tr("&Entry:"), m_entryCombo);
        layout->addLayout(row);
    } else {
        m_entryLabel = wrapped(new QLabel(page));
        m_entryLabel->setObjectName(QStringLiteral("entryLabel"));
        QFont bold = m_entryLabel->font();
        bold.setWeight(QFont::DemiBold);
        m_entryLabel->setFont(bold);
        layout->addWidget(m_entryLabel);
    }

    auto *meaningHeading = new QLabel(tr("What your signature means:"), page);
    meaningHeading->setContentsMargins(0, 6, 0, 0);
    layout->addWidget(meaningHeading);
    auto *grid = new QGridLayout;
    grid->setHorizontalSpacing(16);
    grid->setVerticalSpacing(6);
    grid->setContentsMargins(12, 0, 0, 0);
    m_meanings = new QButtonGroup(this);
    int row = 0;
    for (const QString &meaning : Notebook::signatureMeanings()) {
        auto *button = new QRadioButton(Notebook::meaningLabel(meaning), page);
        button->setObjectName(QStringLiteral("meaning_") + meaning);
        auto *note = wrapped(makeHint({}, page));
        note->setObjectName(QStringLiteral("meaningNote_") + meaning);
        m_meanings->addButton(button);
        m_meaningButtons.insert(meaning, button);
        m_meaningNotes.insert(meaning, note);
        grid->addWidget(button, row, 0, Qt::AlignTop);
        grid->addWidget(note, row, 1);
        ++row;
    }
    grid->setColumnStretch(2, 1); // the notes keep their measure beside the buttons
    layout->addLayout(grid);
    connect(m_meanings, &QButtonGroup::buttonToggled, this, [this](QAbstractButton *, bool on) {
        if (on) updateStatement();
    });
    m_nothingToSign = wrapped(new QLabel(page));
    m_nothingToSign->setObjectName(QStringLiteral("nothingToSignLabel"));
    m_nothingToSign->hide();
    layout->addWidget(m_nothingToSign);

    m_statement = wrapped(new QLabel(page));
    m_statement->setObjectName(QStringLiteral("statementLabel"));
    m_statement->setFrameShape(QFrame::StyledPanel);
    m_statement->setMargin(10);
    m_statement->setMinimumWidth(kTextWidth);
    layout->addSpacing(4);
    layout->addWidget(m_statement);
    layout->addSpacing(4);

    auto *form = new QFormLayout;
    form->setFieldGrowthPolicy(QFormLayout::ExpandingFieldsGrow);
    auto *signer = new QLabel(page);
    signer->setTextFormat(Qt::PlainText);
    signer->setObjectName(QStringLiteral("signerLabel"));
    signer->setText(m_me.email.isEmpty() ? m_me.name : tr("%1 (%2)").arg(m_me.name, m_me.email));
    QFont bold = signer->font();
    bold.setWeight(QFont::DemiBold);
    signer->setFont(bold);
    m_passphrase = new QLineEdit(page);
    m_passphrase->setObjectName(QStringLiteral("passphraseEdit"));
    m_passphrase->setEchoMode(QLineEdit::Password);
    m_passphrase->setPlaceholderText(
        tr("Your notebook passphrase, asked again for each signature"));
    form->addRow(tr("Signing as:"), signer);
    form->addRow(tr("&Passphrase:"), m_passphrase);
    layout->addLayout(form);

    m_error = makeErrorLabel(page);
    layout->addWidget(m_error);
    m_busy = makeBusyRow(tr("Checking the passphrase and signing…"), page);
    layout->addWidget(m_busy);
    layout->addStretch(1);

    m_buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, page);
    m_signButton = m_buttons->button(QDialogButtonBox::Ok);
    m_signButton->setObjectName(QStringLiteral("signButton"));
    m_signButton->setText(tr("&Sign"));
    m_signButton->setEnabled(false);
    useTextOnlyButtons(m_buttons);
    layout->addWidget(m_buttons);

    connect(m_passphrase, &QLineEdit::textChanged, this, [this] {
        m_signButton->setEnabled(!m_signing && !m_passphrase->text().isEmpty() &&
                                 !selectedMeaning().isEmpty());
    });
    connect(m_buttons, &QDialogButtonBox::accepted, this, &SignDialog::sign);
    connect(m_buttons, &QDialogButtonBox::rejected, this, &SignDialog::reject);
    return page;
}

QWidget *SignDialog::buildResultPage() {
    auto *page = new QWidget(this);
    auto *layout = new QVBoxLayout(page);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(10);
    layout->addWidget(makeHeading(tr("Signed"), page));
    layout->addWidget(wrapped(makeHint(tr("Your signature, as it is shown on screen and in every "
                                          "export:"),
                                       page)));
    m_manifestation = wrapped(new QLabel(page));
    m_manifestation->setObjectName(QStringLiteral("manifestationLabel"));
    m_manifestation->setFrameShape(QFrame::StyledPanel);
    m_manifestation->setMargin(10);
    m_manifestation->setTextInteractionFlags(Qt::TextSelectableByMouse);
    QFont bold = m_manifestation->font();
    bold.setWeight(QFont::DemiBold);
    m_manifestation->setFont(bold);
    layout->addWidget(m_manifestation);
    auto *after = wrapped(makeHint({}, page));
    after->setObjectName(QStringLiteral("afterSigningHint"));
    layout->addWidget(after);
    connect(this, &SignDialog::signedEntry, after, [this, after] {
        after->setText(tr("It is kept with version %1 of “%2”. A time-stamp authority attests "
                          "its time at the next sync, if one is set under Notebook ▸ Time-stamp "
                          "authorities.")
                           .arg(current().version)
                           .arg(current().title));
    });

    m_evidence = wrapped(new QLabel(page));
    m_evidence->setObjectName(QStringLiteral("evidenceLabel"));
    m_evidence->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_evidence->hide();
    layout->addWidget(m_evidence);
    m_evidenceError = makeErrorLabel(page);
    layout->addWidget(m_evidenceError);
    layout->addStretch(1);
    layout->addSpacing(6);

    m_closeButtons = new QDialogButtonBox(QDialogButtonBox::Close, page);
    m_closeButtons->button(QDialogButtonBox::Close)->setObjectName(QStringLiteral("closeButton"));
    m_exportButton =
        m_closeButtons->addButton(tr("&Export evidence…"), QDialogButtonBox::ActionRole);
    m_exportButton->setObjectName(QStringLiteral("exportEvidenceButton"));
    m_exportButton->setToolTip(tr("Save the signature, the signed statement, the certificates "
                                  "and a script that checks them with openssl alone"));
    useTextOnlyButtons(m_closeButtons);
    layout->addWidget(m_closeButtons);
    connect(m_exportButton, &QPushButton::clicked, this, &SignDialog::chooseEvidenceFolder);
    connect(m_closeButtons, &QDialogButtonBox::rejected, this, &QDialog::accept);
    return page;
}

QString SignDialog::errorText() const {
    return m_error->isVisible() ? m_error->text() : QString();
}

QString SignDialog::evidenceText() const {
    if (m_evidenceError->isVisible()) return m_evidenceError->text();
    return m_evidence->isVisible() ? m_evidence->text() : QString();
}

void SignDialog::chooseEntry(int index) {
    hideError(m_error);
    if (m_entries.isEmpty()) {
        for (QRadioButton *button : std::as_const(m_meaningButtons))
            button->setEnabled(false);
        m_nothingToSign->setText(tr("There is no entry here that can be signed."));
        m_nothingToSign->show();
        m_passphrase->setEnabled(false);
        updateStatement();
        return;
    }
    m_index = qBound(0, index, int(m_entries.size()) - 1);
    const EntryVersion &e = current();
    if (m_entryLabel) m_entryLabel->setText(tr("“%1” — %2").arg(e.title, versionText(e)));

    // What the rules allow, before any passphrase is asked for; the reason for the rest.
    QStringList allowed;
    for (const QString &meaning : Notebook::signatureMeanings()) {
        QRadioButton *button = m_meaningButtons.value(meaning);
        QLabel *note = m_meaningNotes.value(meaning);
        auto problem = m_notebook ? m_notebook->signingProblem(e.uuid, e.version, meaning)
                                  : Result<QString>(QString());
        const QString reason = !problem ? problem.error() : *problem;
        const bool ok = problem && reason.isEmpty();
        button->setEnabled(ok);
        button->setToolTip(ok ? meaningDescription(meaning) : asSentence(reason));
        setNote(note, ok ? meaningDescription(meaning) : asSentence(reason));
        note->setEnabled(ok);
        if (ok) allowed << meaning;
    }
    // The author signs as author; a supervisor countersigns, most often as a witness.
    const bool supervisor = m_me.roles.contains(QStringLiteral("supervisor"));
    const QStringList preference =
        supervisor && e.author != m_me.uuid
            ? QStringList{QStringLiteral("witnessed"), QStringLiteral("reviewed"),
                          QStringLiteral("approved"), QStringLiteral("authored")}
            : QStringList{QStringLiteral("authored"), QStringLiteral("witnessed"),
                          QStringLiteral("reviewed"), QStringLiteral("approved")};
    m_meanings->setExclusive(false);
    for (QRadioButton *button : std::as_const(m_meaningButtons))
        button->setChecked(false);
    m_meanings->setExclusive(true);
    for (const QString &meaning : preference)
        if (allowed.contains(meaning)) {
            m_meaningButtons.value(meaning)->setChecked(true);
            break;
        }
    m_nothingToSign->setVisible(allowed.isEmpty());
    m_nothingToSign->setText(tr("You cannot sign this version: the reasons are given beside "
                                "each meaning."));
    m_passphrase->setEnabled(!allowed.isEmpty());
    updateStatement();
}

QString SignDialog::selectedMeaning() const {
    for (auto it = m_meaningButtons.cbegin(); it != m_meaningButtons.cend(); ++it)
        if (it.value()->isChecked() && it.value()->isEnabled()) return it.key();
    return {};
}

void SignDialog::updateStatement() {
    const QString meaning = selectedMeaning();
    m_statement->setVisible(!meaning.isEmpty());
    if (!meaning.isEmpty()) m_statement->setText(statement(meaning, m_me.name, m_me.email));
    m_signButton->setEnabled(!m_signing && !meaning.isEmpty() && !m_passphrase->text().isEmpty());
}

void SignDialog::setSigning(bool signing) {
    m_signing = signing;
    m_busy->setVisible(signing);
    m_passphrase->setEnabled(!signing);
    if (m_entryCombo) m_entryCombo->setEnabled(!signing);
    for (QRadioButton *button : std::as_const(m_meaningButtons))
        button->setAttribute(Qt::WA_TransparentForMouseEvents, signing);
    m_buttons->setEnabled(!signing);
    m_signButton->setEnabled(!signing && !selectedMeaning().isEmpty() &&
                             !m_passphrase->text().isEmpty());
}

void SignDialog::sign() {
    if (!m_notebook || m_signing || m_entries.isEmpty()) return;
    const QString meaning = selectedMeaning();
    if (meaning.isEmpty()) return;
    hideError(m_error);
    // setText, unlike clear(), also drops the field's undo history, which holds what was
    // typed. The QString taken here is then the only copy left, and is overwritten below.
    QString typed = m_passphrase->text();
    m_passphrase->setText(QString());
    if (typed.isEmpty()) {
        showError(m_error, tr("Enter your passphrase to sign."));
        return;
    }
    QByteArray passphrase = typed.toUtf8();
    typed.fill(QChar(u'\0'));

    setSigning(true);
    emit busyChanged(true);
    Notebook *notebook = m_notebook;
    const QString entry = current().uuid;
    const int version = current().version;
    m_watcher.setFuture(QtConcurrent::run(
        [notebook, entry, version, meaning, passphrase = std::move(passphrase)]() mutable {
            auto result = notebook->sign(entry, version, meaning, passphrase);
            passphrase.fill('\0');
            return result;
        }));
}

void SignDialog::finishSigning() {
    const Result<SignatureInfo> result = m_watcher.result();
    setSigning(false);
    if (!result) {
        emit busyChanged(false);
        showError(m_error, asSentence(result.error()));
        m_passphrase->setFocus();
        return;
    }
    m_signature = *result;
    m_manifestation->setText(Notebook::manifestation(m_signature));
    m_formPage->hide();
    m_resultPage->show();
    m_closeButtons->button(QDialogButtonBox::Close)->setDefault(true);
    // The window learns what was signed before it may read the notebook again.
    emit signedEntry(m_signature);
    emit busyChanged(false);
    fitToContent();
}

void SignDialog::fitToContent() {
    // After a page is swapped, the layout has to forget the hidden one before the dialog can
    // shrink to what is shown.
    layout()->invalidate();
    layout()->activate();
    const int height = layout()->totalHeightForWidth(width());
    resize(width(), height > 0 ? height : sizeHint().height());
}

void SignDialog::chooseEvidenceFolder() {
    const QString dir = QFileDialog::getExistingDirectory(
        this, tr("Choose a folder for the signature evidence"), QDir::homePath());
    if (!dir.isEmpty()) exportEvidenceTo(dir);
}

void SignDialog::exportEvidenceTo(const QString &parentDir) {
    if (!m_notebook || m_signature.id.isEmpty()) return;
    hideError(m_evidenceError);
    auto folder = writeEvidence(m_notebook, m_signature, current().title, parentDir);
    if (!folder) {
        m_evidence->hide();
        showError(m_evidenceError, asSentence(folder.error()));
        return;
    }
    m_evidence->setText(tr("The evidence is in %1. Anyone can check it there with verify.sh, "
                           "which needs only bash and openssl.")
                            .arg(QDir::toNativeSeparators(*folder)));
    m_evidence->show();
    fitToContent();
}

Result<QString> SignDialog::writeEvidence(Notebook *notebook, const SignatureInfo &signature,
                                          const QString &entryTitle, const QString &parentDir) {
    // Characters that are not allowed in file names on one system or another.
    static const QRegularExpression unsafe(QStringLiteral("[\\\\/:*?\"<>|\\x00-\\x1f]+"));
    QString title = entryTitle.simplified().replace(unsafe, QStringLiteral("-")).left(60).trimmed();
    if (title.isEmpty()) title = tr("entry");
    const QString base =
        tr("Signature evidence – %1 – %2").arg(title, Notebook::meaningLabel(signature.meaning));
    const QDir parent(parentDir);
    QString folder = parent.filePath(base);
    for (int n = 2; QFileInfo::exists(folder); ++n)
        folder = parent.filePath(tr("%1 (%2)").arg(base).arg(n));
    auto written = notebook->exportEvidence(signature.id, folder);
    if (!written) return written.failure();
    return folder;
}

void SignDialog::reject() {
    // The worker holds the passphrase and the notebook; the dialog stays until it is done.
    if (m_signing) return;
    QDialog::reject();
}

} // namespace quire::widgets
