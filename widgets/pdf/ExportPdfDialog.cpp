#include "pdf/ExportPdfDialog.h"

#include "common/DialogParts.h"
#include "page/PagePrinter.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDesktopServices>
#include <QDialogButtonBox>
#include <QDir>
#include <QFileDialog>
#include <QFileInfo>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QLocale>
#include <QPointer>
#include <QProgressBar>
#include <QPushButton>
#include <QSaveFile>
#include <QScopeGuard>
#include <QStandardPaths>
#include <QtConcurrent/QtConcurrentRun>
#include <QTimer>
#include <QUrl>
#include <QVBoxLayout>

namespace quire::widgets {

namespace {

// A file name from the experiment's title: what a person would type, without the characters
// file systems refuse.
QString fileNameFor(const QString &title) {
    QString name = title.simplified();
    static const QString refused = QStringLiteral("/\\:*?\"<>|");
    for (QChar &c : name)
        if (refused.contains(c) || c.unicode() < 32) c = u'-';
    return (name.isEmpty() ? QStringLiteral("experiment") : name.left(80)) + QStringLiteral(".pdf");
}

} // namespace

ExportPdfDialog::ExportPdfDialog(Notebook *notebook, const QString &experiment,
                                 const QList<EntryVersion> &entries, QWidget *parent)
    : QDialog(parent)
    , m_notebook(notebook)
    , m_experiment(experiment)
    , m_entries(entries) {
    setObjectName(QStringLiteral("exportPdfDialog"));
    setWindowTitle(tr("Export as PDF"));
    auto *layout = new QVBoxLayout(this);
    m_formPage = buildFormPage();
    m_resultPage = buildResultPage();
    layout->addWidget(m_formPage);
    layout->addWidget(m_resultPage);
    m_resultPage->hide();
    connect(&m_watcher, &QFutureWatcherBase::finished, this, &ExportPdfDialog::finishExport);
    resize(qMax(sizeHint().width(), 640), sizeHint().height());
}

QWidget *ExportPdfDialog::buildFormPage() {
    auto *page = new QWidget(this);
    auto *layout = new QVBoxLayout(page);
    layout->setContentsMargins(0, 0, 0, 0);
    QString title;
    if (m_notebook)
        if (auto e = m_notebook->experiment(m_experiment)) title = e->title;
    layout->addWidget(makeHeading(tr("Export “%1” as PDF").arg(title), page));
    layout->addWidget(makeHint(tr("The PDF shows the chosen entries with their signatures and "
                                  "trusted times, and carries the sealed records that prove "
                                  "them, so that anyone can check it against this notebook."),
                               page));

    auto *form = new QFormLayout;
    form->setFieldGrowthPolicy(QFormLayout::AllNonFixedFieldsGrow);
    m_entryList = new QListWidget(page);
    m_entryList->setObjectName(QStringLiteral("entryList"));
    int number = 0;
    for (const EntryVersion &e : std::as_const(m_entries)) {
        auto *item = new QListWidgetItem(tr("%1. %2").arg(++number).arg(e.title), m_entryList);
        item->setData(Qt::UserRole, e.uuid);
        item->setFlags(item->flags() | Qt::ItemIsUserCheckable);
        item->setCheckState(Qt::Checked);
    }
    m_entryList->setMinimumHeight(120);
    m_entryList->setMaximumHeight(200);
    form->addRow(tr("&Entries:"), m_entryList);

    m_paper = new QComboBox(page);
    m_paper->setObjectName(QStringLiteral("paperCombo"));
    m_paper->addItem(tr("A4"), QStringLiteral("a4"));
    m_paper->addItem(tr("US Letter"), QStringLiteral("letter"));
    const auto territory = QLocale().territory();
    if (territory == QLocale::UnitedStates || territory == QLocale::Canada)
        m_paper->setCurrentIndex(1);
    form->addRow(tr("&Paper:"), m_paper);

    auto *fileRow = new QHBoxLayout;
    m_path = new QLineEdit(page);
    m_path->setObjectName(QStringLiteral("pathEdit"));
    QString dir = QStandardPaths::writableLocation(QStandardPaths::DocumentsLocation);
    if (dir.isEmpty()) dir = QDir::homePath();
    m_path->setText(QDir::toNativeSeparators(QDir(dir).filePath(fileNameFor(title))));
    m_choose = new QPushButton(tr("C&hoose…"), page);
    connect(m_choose, &QPushButton::clicked, this, &ExportPdfDialog::chooseFile);
    fileRow->addWidget(m_path, 1);
    fileRow->addWidget(m_choose);
    // A row that is a layout has no buddy of its own: the label needs one for its mnemonic.
    auto *saveLabel = new QLabel(tr("&Save as:"), page);
    saveLabel->setBuddy(m_path);
    form->addRow(saveLabel, fileRow);

    m_sign = new QCheckBox(tr("S&ign the PDF as:"), page);
    m_sign->setObjectName(QStringLiteral("signCheck"));
    m_meaningCombo = new QComboBox(page);
    m_meaningCombo->setObjectName(QStringLiteral("meaningCombo"));
    for (const QString &meaning : Notebook::signatureMeanings())
        m_meaningCombo->addItem(Notebook::meaningLabel(meaning), meaning);
    form->addRow(m_sign, m_meaningCombo);
    m_passphrase = new QLineEdit(page);
    m_passphrase->setObjectName(QStringLiteral("passphraseEdit"));
    m_passphrase->setEchoMode(QLineEdit::Password);
    m_passphrase->setPlaceholderText(tr("Your notebook passphrase, asked again to sign"));
    form->addRow(tr("Pass&phrase:"), m_passphrase);
    layout->addLayout(form);
    m_statement = makeHint(QString(), page);
    m_statement->setObjectName(QStringLiteral("signStatement"));
    layout->addWidget(m_statement);
    connect(m_sign, &QCheckBox::toggled, this, &ExportPdfDialog::updateSignFields);
    connect(m_meaningCombo, &QComboBox::currentIndexChanged, this,
            &ExportPdfDialog::updateSignFields);

    m_error = makeErrorLabel(page);
    m_error->setObjectName(QStringLiteral("errorLabel"));
    layout->addWidget(m_error);

    m_progressRow = new QWidget(page);
    m_progressRow->setObjectName(QStringLiteral("progressRow"));
    auto *progressLayout = new QHBoxLayout(m_progressRow);
    progressLayout->setContentsMargins(0, 0, 0, 0);
    m_progress = new QProgressBar(m_progressRow);
    m_progress->setRange(0, 0); // the engine reports no progress while it prints
    m_progress->setTextVisible(false);
    m_progress->setFixedWidth(160);
    m_stage = new QLabel(m_progressRow);
    m_stage->setObjectName(QStringLiteral("stageLabel"));
    progressLayout->addWidget(m_progress);
    progressLayout->addWidget(m_stage, 1);
    m_progressRow->hide();
    layout->addWidget(m_progressRow);

    m_buttons = new QDialogButtonBox(QDialogButtonBox::Cancel, page);
    m_exportButton = m_buttons->addButton(tr("&Export"), QDialogButtonBox::AcceptRole);
    m_exportButton->setObjectName(QStringLiteral("exportButton"));
    m_exportButton->setDefault(true);
    m_buttons->button(QDialogButtonBox::Cancel)->setObjectName(QStringLiteral("cancelButton"));
    useTextOnlyButtons(m_buttons);
    connect(m_buttons, &QDialogButtonBox::accepted, this, &ExportPdfDialog::startExport);
    connect(m_buttons, &QDialogButtonBox::rejected, this, &ExportPdfDialog::reject);
    layout->addWidget(m_buttons);
    updateSignFields();
    return page;
}

QWidget *ExportPdfDialog::buildResultPage() {
    auto *page = new QWidget(this);
    auto *layout = new QVBoxLayout(page);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(makeHeading(tr("The PDF is ready"), page));
    m_summary = new QLabel(page);
    m_summary->setObjectName(QStringLiteral("summaryLabel"));
    m_summary->setWordWrap(true);
    layout->addWidget(m_summary);
    m_where = new QLabel(page);
    m_where->setObjectName(QStringLiteral("whereLabel"));
    m_where->setWordWrap(true);
    m_where->setTextInteractionFlags(Qt::TextSelectableByMouse);
    layout->addWidget(m_where);
    layout->addStretch(1);
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Close, page);
    QPushButton *open = buttons->addButton(tr("&Open"), QDialogButtonBox::ActionRole);
    open->setObjectName(QStringLiteral("openButton"));
    QPushButton *show = buttons->addButton(tr("Show in &folder"), QDialogButtonBox::ActionRole);
    show->setObjectName(QStringLiteral("showFolderButton"));
    useTextOnlyButtons(buttons);
    connect(open, &QPushButton::clicked, this,
            [this] { QDesktopServices::openUrl(QUrl::fromLocalFile(m_writtenPath)); });
    connect(show, &QPushButton::clicked, this, [this] {
        QDesktopServices::openUrl(QUrl::fromLocalFile(QFileInfo(m_writtenPath).absolutePath()));
    });
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::accept);
    layout->addWidget(buttons);
    return page;
}

void ExportPdfDialog::updateSignFields() {
    const bool sign = m_sign->isChecked();
    m_meaningCombo->setEnabled(sign && !m_working);
    m_passphrase->setEnabled(sign && !m_working);
    m_statement->setVisible(sign);
    if (!sign || !m_notebook) return;
    const MemberInfo me = m_notebook->me();
    m_statement->setText(
        tr("You sign this PDF as “%1”. This electronic signature is the legally binding "
           "equivalent of the handwritten signature of %2 <%3> (21 CFR 11.100).")
            .arg(m_meaningCombo->currentText(), me.name, me.email));
}

void ExportPdfDialog::chooseFile() {
    const QString path = QFileDialog::getSaveFileName(this, tr("Export as PDF"), m_path->text(),
                                                      tr("PDF documents (*.pdf)"));
    if (!path.isEmpty()) m_path->setText(QDir::toNativeSeparators(path));
}

QStringList ExportPdfDialog::chosenEntries() const {
    QStringList ids;
    for (int i = 0; i < m_entryList->count(); ++i)
        if (m_entryList->item(i)->checkState() == Qt::Checked)
            ids << m_entryList->item(i)->data(Qt::UserRole).toString();
    return ids;
}

QString ExportPdfDialog::errorText() const {
    return m_error->isVisible() || !m_error->text().isEmpty() ? m_error->text() : QString();
}

void ExportPdfDialog::setWorking(bool working, const QString &stage) {
    m_working = working;
    m_entryList->setEnabled(!working);
    m_paper->setEnabled(!working);
    m_path->setEnabled(!working);
    m_choose->setEnabled(!working);
    m_sign->setEnabled(!working);
    m_exportButton->setEnabled(!working);
    updateSignFields();
    m_progressRow->setVisible(working);
    m_stage->setText(stage);
    if (working) emit stageChanged(stage);
}

void ExportPdfDialog::startExport() {
    if (!m_notebook || m_working) return;
    hideError(m_error);
    m_error->clear();
    const QStringList ids = chosenEntries();
    if (ids.isEmpty()) {
        showError(m_error, tr("Choose at least one entry to export."));
        return;
    }
    const QString path = QDir::fromNativeSeparators(m_path->text().trimmed());
    if (path.isEmpty()) {
        showError(m_error, tr("Choose where the PDF is saved."));
        return;
    }
    const bool sign = m_sign->isChecked();
    if (sign && m_passphrase->text().isEmpty()) {
        showError(m_error, tr("Enter your passphrase to sign."));
        m_passphrase->setFocus();
        return;
    }
    m_meaning = sign ? m_meaningCombo->currentData().toString() : QString();
    QByteArray passphrase;
    if (sign) {
        QString typed = m_passphrase->text();
        m_passphrase->setText(QString());
        passphrase = typed.toUtf8();
        typed.fill(QChar(u'\0'));
    }
    PdfExportRequest request;
    request.experiment = m_experiment;
    // All entries chosen: the request says "all", as the command line's default does.
    if (ids.size() != m_entries.size()) request.entries = ids;
    request.paper = m_paper->currentData().toString();
    m_writtenPath = path;
    m_job = std::make_shared<Job>();
    setWorking(true, tr("Printing the pages…"));
    emit busyChanged(true);

    // The model works on a worker; the pages are printed on this thread (QtWebEngine lives
    // here) in the printer's own event loop, while the worker waits without the notebook's lock.
    Notebook *notebook = m_notebook;
    const std::shared_ptr<Job> job = m_job;
    const QString meaning = m_meaning;
    const QPointer<ExportPdfDialog> self(this);
    m_watcher.setFuture(
        QtConcurrent::run([notebook, job, request, meaning, self,
                           passphrase = std::move(passphrase)]() mutable -> Result<QByteArray> {
            const auto wipe = qScopeGuard([&] { passphrase.fill('\0'); });
            const PrintFunction print = [notebook, job, self](const PrintJob &page) {
                Result<QByteArray> printed =
                    quire::fail(QString::fromLatin1(PagePrinter::kCancelled));
                if (job->cancel || !self) return printed;
                // When the dialog is gone before the call is delivered, Qt lets this thread go.
                QMetaObject::invokeMethod(
                    self.data(),
                    [&] {
                        printed = PagePrinter::print(notebook, page, nullptr, 300000, &job->cancel);
                    },
                    Qt::BlockingQueuedConnection);
                return printed;
            };
            auto exported = PdfExport(*notebook).exportExperiment(request, print);
            if (job->cancel) return quire::fail(QString::fromLatin1(PagePrinter::kCancelled));
            if (!exported) return exported.failure();
            job->exported = *exported;
            if (meaning.isEmpty()) return exported->pdf;
            // The rules and this notebook's copy of every record, before the passphrase is used.
            auto problem = PdfExport(*notebook).signingProblem(exported->pdf, meaning);
            if (!problem || !problem->isEmpty()) {
                job->signingRefused = true;
                return quire::fail(problem ? *problem : problem.error());
            }
            QMetaObject::invokeMethod(
                self.data(),
                [self] {
                    if (self)
                        self->setWorking(true, tr("Checking the passphrase, signing and "
                                                  "time-stamping…"));
                },
                Qt::QueuedConnection);
            auto signedPdf = PdfExport(*notebook).sign(exported->pdf, meaning, passphrase);
            if (!signedPdf) return signedPdf.failure();
            job->level = signedPdf->level;
            return signedPdf->pdf;
        }));
}

void ExportPdfDialog::finishExport() {
    const Result<QByteArray> result = m_watcher.result();
    if (m_job->cancel) {
        m_writtenPath.clear();
        fail(tr("The export was cancelled; nothing was written."));
        return;
    }
    if (!result) {
        m_writtenPath.clear();
        fail(m_job->signingRefused
                 ? tr("%1 Nothing was signed or written.").arg(asSentence(result.error()))
                 : asSentence(result.error()));
        if (!m_meaning.isEmpty()) m_passphrase->setFocus();
        return;
    }
    m_exported = m_job->exported;
    m_signedLevel = m_job->level;
    finish(*result);
}

void ExportPdfDialog::finish(const QByteArray &pdf) {
    QSaveFile file(m_writtenPath);
    if (!file.open(QIODevice::WriteOnly) || file.write(pdf) != pdf.size() || !file.commit()) {
        const QString why = file.errorString();
        const QString where = QDir::toNativeSeparators(m_writtenPath);
        m_writtenPath.clear();
        fail(tr("The PDF could not be saved as %1: %2.").arg(where, why));
        return;
    }
    m_working = false;
    emit busyChanged(false);
    QString summary =
        tr("%n pages, with the %1 records that prove them embedded.", nullptr, m_exported.pages)
            .arg(m_exported.records);
    if (!m_meaning.isEmpty()) {
        summary += QLatin1Char(' ');
        summary += m_signedLevel == QLatin1String("B-B")
                       ? tr("Signed as “%1”; not yet time-stamped (no time-stamp authority "
                            "answered): add the time-stamp later.")
                             .arg(Notebook::meaningLabel(m_meaning))
                       : tr("Signed as “%1” and time-stamped (PAdES %2).")
                             .arg(Notebook::meaningLabel(m_meaning), m_signedLevel);
    }
    m_summary->setText(summary);
    m_where->setText(tr("Saved as %1").arg(QDir::toNativeSeparators(m_writtenPath)));
    m_formPage->hide();
    m_resultPage->show();
    // The dialog keeps its width and shrinks to the result's height.
    layout()->invalidate();
    resize(width(), qMax(minimumSizeHint().height(), 180));
    emit exported(m_writtenPath);
}

void ExportPdfDialog::fail(const QString &message) {
    setWorking(false);
    emit busyChanged(false);
    showError(m_error, message);
}

void ExportPdfDialog::cancelExport() {
    if (!m_working || !m_job) return;
    m_job->cancel = true;
    // Signing, once begun, finishes; its result is then thrown away.
    m_stage->setText(tr("Stopping…"));
}

void ExportPdfDialog::reject() {
    if (m_working) {
        cancelExport();
        return;
    }
    QDialog::reject();
}

} // namespace quire::widgets
