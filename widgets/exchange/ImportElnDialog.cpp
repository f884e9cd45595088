#include "exchange/ImportElnDialog.h"

#include <QDialogButtonBox>
#include <QElapsedTimer>
#include <QFileInfo>
#include <QFontDatabase>
#include <QLabel>
#include <QPlainTextEdit>
#include <QPointer>
#include <QProgressBar>
#include <QPushButton>
#include <QtConcurrent/QtConcurrentRun>
#include <QVBoxLayout>

namespace quire::widgets {

ImportElnDialog::ImportElnDialog(Notebook *notebook, const QString &path, QWidget *parent)
    : QDialog(parent)
    , m_notebook(notebook)
    , m_path(path) {
    setObjectName(QStringLiteral("importElnDialog"));
    setWindowTitle(tr("Import .eln"));
    resize(720, 480);
    auto *layout = new QVBoxLayout(this);
    m_summary = new QLabel(tr("Importing “%1”…").arg(QFileInfo(path).fileName()), this);
    m_summary->setObjectName(QStringLiteral("importSummary"));
    m_summary->setWordWrap(true);
    layout->addWidget(m_summary);
    m_phase = new QLabel(this);
    layout->addWidget(m_phase);
    m_progress = new QProgressBar(this);
    m_progress->setRange(0, 0);
    layout->addWidget(m_progress);
    m_report = new QPlainTextEdit(this);
    m_report->setObjectName(QStringLiteral("importReport"));
    m_report->setReadOnly(true);
    m_report->setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
    m_report->hide();
    layout->addWidget(m_report, 1);
    m_buttons = new QDialogButtonBox(QDialogButtonBox::Cancel, this);
    m_cancelButton = m_buttons->button(QDialogButtonBox::Cancel);
    layout->addWidget(m_buttons);
    connect(m_buttons, &QDialogButtonBox::rejected, this, &ImportElnDialog::reject);
    connect(m_buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(&m_watcher, &QFutureWatcherBase::finished, this, &ImportElnDialog::finishImport);
}

void ImportElnDialog::start() {
    m_running = true;
    emit busyChanged(true);
    Notebook *notebook = m_notebook;
    const QString path = m_path;
    auto cancel = m_cancel;
    QPointer<ImportElnDialog> self(this);
    m_watcher.setFuture(QtConcurrent::run([notebook, path, cancel, self]() {
        QElapsedTimer throttle;
        throttle.start();
        // Progress reaches the window at most every 100 ms, queued to its thread.
        auto progress = [&](const QString &phase, qint64 done, qint64 total) {
            if (throttle.elapsed() < 100 && done < total) return;
            throttle.restart();
            QMetaObject::invokeMethod(
                self.data(),
                [self, phase, done, total] {
                    if (self) self->showProgress(phase, done, total);
                },
                Qt::QueuedConnection);
        };
        return ElnImport::run(*notebook, path, {}, progress, cancel.get());
    }));
}

void ImportElnDialog::showProgress(const QString &phase, qint64 done, qint64 total) {
    m_phase->setText(phase);
    if (total <= 0) {
        m_progress->setRange(0, 0);
        return;
    }
    // QProgressBar counts in int: in per mille.
    m_progress->setRange(0, 1000);
    m_progress->setValue(int(qBound(qint64(0), done * 1000 / total, qint64(1000))));
}

void ImportElnDialog::reject() {
    if (m_running) {
        m_cancel->store(true);
        m_cancelButton->setEnabled(false);
        m_phase->setText(tr("Stopping; nothing will be written…"));
        return;
    }
    QDialog::reject();
}

void ImportElnDialog::finishImport() {
    const Result<ElnImportReport> result = m_watcher.result();
    m_running = false;
    emit busyChanged(false);
    m_progress->hide();
    m_phase->hide();
    m_report->show();
    m_buttons->setStandardButtons(QDialogButtonBox::Close);
    connect(m_buttons->button(QDialogButtonBox::Close), &QPushButton::clicked, this,
            &QDialog::accept);
    if (!result) {
        m_summary->setText(tr("<b>Nothing was imported.</b> The notebook is as it was."));
        m_report->setPlainText(result.error());
        return;
    }
    m_succeeded = true;
    const ElnImportReport &r = *result;
    const QString from = r.publisher.isEmpty() ? QFileInfo(m_path).fileName() : r.publisher;
    QString summary =
        tr("<b>Imported from %1:</b> %2, %3 and %4.")
            .arg(from.toHtmlEscaped(), tr("%n experiments", nullptr, r.experiments),
                 tr("%n entries", nullptr, r.entries), tr("%n files", nullptr, r.files));
    if (!r.hashMismatches.isEmpty())
        summary += QStringLiteral("<br><span style=\"color:#b00020\">%1</span>")
                       .arg(tr("%n files do not match the SHA-256 the crate gives; kept and "
                               "marked.",
                               nullptr, int(r.hashMismatches.size())));
    if (!r.unmapped.isEmpty())
        summary += QStringLiteral("<br>") + tr("%n things could not be imported; see below.",
                                               nullptr, int(r.unmapped.size()));
    m_summary->setText(summary);
    m_report->setPlainText(r.toText());
    emit imported(r.experimentUuids);
}

QString ImportElnDialog::summaryText() const {
    return m_summary->text();
}

QString ImportElnDialog::reportText() const {
    return m_report->toPlainText();
}

} // namespace quire::widgets
