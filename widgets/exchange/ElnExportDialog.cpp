#include "exchange/ElnExportDialog.h"

#include "common/DialogParts.h"

#include <QButtonGroup>
#include <QDesktopServices>
#include <QDialogButtonBox>
#include <QDir>
#include <QElapsedTimer>
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
#include <QRadioButton>
#include <QStandardPaths>
#include <QtConcurrent/QtConcurrentRun>
#include <QUrl>
#include <QVBoxLayout>

#include <mutex>

namespace quire::widgets {

ElnExportDialog::ElnExportDialog(Notebook *notebook, const QString &current, QWidget *parent)
    : QDialog(parent)
    , m_notebook(notebook) {
    setObjectName(QStringLiteral("elnExportDialog"));
    setWindowTitle(tr("Export as .eln"));
    auto *layout = new QVBoxLayout(this);
    m_formPage = buildFormPage(current);
    m_resultPage = buildResultPage();
    layout->addWidget(m_formPage);
    layout->addWidget(m_resultPage);
    m_resultPage->hide();
    connect(&m_watcher, &QFutureWatcherBase::finished, this, &ElnExportDialog::finishExport);
    resize(qMax(sizeHint().width(), 640), sizeHint().height());
}

QWidget *ElnExportDialog::buildFormPage(const QString &current) {
    auto *page = new QWidget(this);
    auto *layout = new QVBoxLayout(page);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(makeHeading(tr("Export experiments as a .eln file"), page));
    layout->addWidget(
        makeHint(tr("A .eln file is read by other electronic lab notebooks (eLabFTW, RSpace, "
                    "Kadi4Mat and others): experiments and entries with their text, files, "
                    "authors, tags and signatures. It also carries the sealed records, signatures "
                    "and time-stamps, so that Quire can check it wherever it goes."),
                 page));

    m_all = new QRadioButton(tr("&All experiments"), page);
    m_all->setObjectName(QStringLiteral("allRadio"));
    m_some = new QRadioButton(tr("&Chosen experiments:"), page);
    m_some->setObjectName(QStringLiteral("someRadio"));
    auto *group = new QButtonGroup(page);
    group->addButton(m_all);
    group->addButton(m_some);
    layout->addWidget(m_all);
    layout->addWidget(m_some);
    m_list = new QListWidget(page);
    m_list->setObjectName(QStringLiteral("experimentList"));
    m_list->setMinimumHeight(140);
    QString currentTitle;
    if (m_notebook) {
        if (auto list = m_notebook->experiments()) {
            for (const ExperimentInfo &x : *list) {
                QString text =
                    x.project.isEmpty() ? x.title : tr("%1 — %2").arg(x.title, x.project);
                text += QLatin1Char(' ') + tr("(%n entries)", nullptr, x.entryCount);
                auto *item = new QListWidgetItem(text, m_list);
                item->setData(Qt::UserRole, x.uuid);
                item->setFlags(item->flags() | Qt::ItemIsUserCheckable);
                item->setCheckState(x.uuid == current ? Qt::Checked : Qt::Unchecked);
                if (x.uuid == current) {
                    currentTitle = x.title;
                    m_list->scrollToItem(item);
                }
            }
        }
    }
    layout->addWidget(m_list, 1);
    (current.isEmpty() ? m_all : m_some)->setChecked(true);
    connect(m_all, &QRadioButton::toggled, this, &ElnExportDialog::updateChoice);
    updateChoice();

    auto *form = new QFormLayout;
    form->setFieldGrowthPolicy(QFormLayout::AllNonFixedFieldsGrow);
    auto *fileRow = new QHBoxLayout;
    m_path = new QLineEdit(page);
    m_path->setObjectName(QStringLiteral("pathEdit"));
    QString dir = QStandardPaths::writableLocation(QStandardPaths::DocumentsLocation);
    if (dir.isEmpty()) dir = QDir::homePath();
    QString name = currentTitle.isEmpty() && m_notebook ? m_notebook->notebookName() : currentTitle;
    static const QString refused = QStringLiteral("/\\:*?\"<>|");
    for (QChar &c : name)
        if (refused.contains(c) || c.unicode() < 32) c = u'-';
    if (name.trimmed().isEmpty()) name = QStringLiteral("notebook");
    m_path->setText(
        QDir::toNativeSeparators(QDir(dir).filePath(name.simplified().left(80) + ".eln")));
    m_choose = new QPushButton(tr("C&hoose…"), page);
    connect(m_choose, &QPushButton::clicked, this, &ElnExportDialog::chooseFile);
    fileRow->addWidget(m_path, 1);
    fileRow->addWidget(m_choose);
    auto *saveLabel = new QLabel(tr("&Save as:"), page);
    saveLabel->setBuddy(m_path);
    form->addRow(saveLabel, fileRow);
    layout->addLayout(form);

    m_error = makeErrorLabel(page);
    m_error->setObjectName(QStringLiteral("errorLabel"));
    layout->addWidget(m_error);

    m_progressRow = new QWidget(page);
    m_progressRow->setObjectName(QStringLiteral("progressRow"));
    auto *progressLayout = new QHBoxLayout(m_progressRow);
    progressLayout->setContentsMargins(0, 0, 0, 0);
    m_progress = new QProgressBar(m_progressRow);
    m_progress->setObjectName(QStringLiteral("progressBar"));
    m_progress->setRange(0, 0);
    m_progress->setFixedWidth(200);
    m_stage = new QLabel(m_progressRow);
    m_stage->setObjectName(QStringLiteral("stageLabel"));
    progressLayout->addWidget(m_progress);
    progressLayout->addWidget(m_stage, 1);
    m_progressRow->hide();
    layout->addWidget(m_progressRow);

    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Cancel, page);
    m_exportButton = buttons->addButton(tr("&Export"), QDialogButtonBox::AcceptRole);
    m_exportButton->setObjectName(QStringLiteral("exportButton"));
    m_exportButton->setDefault(true);
    buttons->button(QDialogButtonBox::Cancel)->setObjectName(QStringLiteral("cancelButton"));
    useTextOnlyButtons(buttons);
    connect(buttons, &QDialogButtonBox::accepted, this, &ElnExportDialog::startExport);
    connect(buttons, &QDialogButtonBox::rejected, this, &ElnExportDialog::reject);
    layout->addWidget(buttons);
    return page;
}

QWidget *ElnExportDialog::buildResultPage() {
    auto *page = new QWidget(this);
    auto *layout = new QVBoxLayout(page);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(makeHeading(tr("The .eln file is ready"), page));
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
    QPushButton *show = buttons->addButton(tr("Show in &folder"), QDialogButtonBox::ActionRole);
    show->setObjectName(QStringLiteral("showFolderButton"));
    buttons->button(QDialogButtonBox::Close)->setObjectName(QStringLiteral("closeButton"));
    useTextOnlyButtons(buttons);
    connect(show, &QPushButton::clicked, this, [this] {
        QDesktopServices::openUrl(QUrl::fromLocalFile(QFileInfo(m_writtenPath).absolutePath()));
    });
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::accept);
    layout->addWidget(buttons);
    return page;
}

void ElnExportDialog::updateChoice() {
    m_list->setEnabled(m_some->isChecked() && !m_working);
}

void ElnExportDialog::chooseFile() {
    const QString path = QFileDialog::getSaveFileName(this, tr("Export as .eln"), m_path->text(),
                                                      tr(".eln files (*.eln)"));
    if (!path.isEmpty()) m_path->setText(QDir::toNativeSeparators(path));
}

QStringList ElnExportDialog::chosenExperiments() const {
    QStringList ids;
    for (int i = 0; i < m_list->count(); ++i)
        if (m_list->item(i)->checkState() == Qt::Checked)
            ids << m_list->item(i)->data(Qt::UserRole).toString();
    return ids;
}

QString ElnExportDialog::errorText() const {
    return m_error->text();
}

void ElnExportDialog::setWorking(bool working) {
    m_working = working;
    m_all->setEnabled(!working);
    m_some->setEnabled(!working);
    m_path->setEnabled(!working);
    m_choose->setEnabled(!working);
    m_exportButton->setEnabled(!working);
    updateChoice();
    m_progressRow->setVisible(working);
}

void ElnExportDialog::startExport() {
    if (!m_notebook || m_working) return;
    hideError(m_error);
    m_error->clear();
    ElnExportRequest request;
    request.all = m_all->isChecked();
    if (!request.all) {
        request.experiments = chosenExperiments();
        if (request.experiments.isEmpty()) {
            showError(m_error, tr("Choose at least one experiment to export."));
            return;
        }
    }
    QString path = QDir::fromNativeSeparators(m_path->text().trimmed());
    if (path.isEmpty()) {
        showError(m_error, tr("Choose where the .eln file is saved."));
        return;
    }
    if (!path.endsWith(QLatin1String(".eln"), Qt::CaseInsensitive)) path += QStringLiteral(".eln");
    request.outPath = path;
    m_writtenPath = path;
    m_job = std::make_shared<Job>();
    m_progress->setRange(0, 0);
    m_stage->setText(tr("Reading the experiments…"));
    setWorking(true);
    emit busyChanged(true);

    Notebook *notebook = m_notebook;
    const std::shared_ptr<Job> job = m_job;
    const QPointer<ElnExportDialog> self(this);
    m_watcher.setFuture(QtConcurrent::run([notebook, job, request, self]() {
        // Progress reaches the dialog at most every 100 ms, queued to its thread.
        QElapsedTimer since;
        since.start();
        const ProgressFn progress = [self, &since](qint64 done, qint64 total) {
            if (since.elapsed() < 100 && done < total) return;
            since.restart();
            QMetaObject::invokeMethod(
                self.data(),
                [self, done, total] {
                    if (!self || !self->m_working) return;
                    self->m_progress->setRange(0, int(std::min<qint64>(total, INT_MAX)));
                    self->m_progress->setValue(int(std::min<qint64>(done, INT_MAX)));
                    self->m_stage->setText(
                        tr("Writing the .eln file (%1 of %2)…")
                            .arg(QLocale().toString(done), QLocale().toString(total)));
                },
                Qt::QueuedConnection);
        };
        return ElnExport(*notebook).exportTo(request, progress, &job->cancel);
    }));
}

void ElnExportDialog::finishExport() {
    const Result<ElnExportResult> result = m_watcher.result();
    if (m_job->cancel) {
        m_writtenPath.clear();
        fail(tr("The export was cancelled; nothing was written."));
        return;
    }
    if (!result) {
        m_writtenPath.clear();
        fail(asSentence(result.error()));
        return;
    }
    m_result = *result;
    m_working = false;
    emit busyChanged(false);
    const QLocale locale;
    const QString proofs = m_result.proofs == 0
                               ? tr("none with a trusted time-stamp yet")
                               : tr("%n with a trusted time-stamp", nullptr, m_result.proofs);
    m_summary->setText(tr("%1, %2 and %3 (%4).")
                           .arg(tr("%n experiments", nullptr, m_result.experiments),
                                tr("%n entries", nullptr, m_result.entries),
                                tr("%n files", nullptr, m_result.files),
                                locale.formattedDataSize(m_result.bytes)) +
                       QLatin1Char(' ') +
                       tr("Quire's proof inside: %1, %2; %3.")
                           .arg(tr("%n sealed records", nullptr, m_result.records),
                                tr("%n signatures", nullptr, m_result.signatures), proofs));
    m_where->setText(tr("Saved as %1").arg(QDir::toNativeSeparators(m_writtenPath)));
    m_formPage->hide();
    m_resultPage->show();
    layout()->invalidate();
    resize(width(), qMax(minimumSizeHint().height(), 180));
    emit exported(m_writtenPath);
}

void ElnExportDialog::fail(const QString &message) {
    setWorking(false);
    emit busyChanged(false);
    showError(m_error, message);
}

void ElnExportDialog::cancelExport() {
    if (!m_working || !m_job) return;
    m_job->cancel = true;
    m_stage->setText(tr("Stopping…"));
}

void ElnExportDialog::reject() {
    if (m_working) {
        cancelExport();
        return;
    }
    QDialog::reject();
}

} // namespace quire::widgets
