#include "details/AttachmentPanel.h"

#include "common/DialogParts.h"

#include <QApplication>
#include <QClipboard>
#include <QDesktopServices>
#include <QDir>
#include <QDragEnterEvent>
#include <QDropEvent>
#include <QFile>
#include <QFileDialog>
#include <QFileInfo>
#include <QFontDatabase>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLocale>
#include <QMimeData>
#include <QMimeDatabase>
#include <QProgressBar>
#include <QPromise>
#include <QPushButton>
#include <QtConcurrent/QtConcurrentRun>
#include <QToolButton>
#include <QTreeWidget>
#include <QUrl>
#include <QVBoxLayout>

namespace quire::widgets {

namespace {

QStringList droppedFiles(const QMimeData *mime) {
    QStringList paths;
    if (!mime || !mime->hasUrls()) return paths;
    for (const QUrl &url : mime->urls())
        if (url.isLocalFile() && QFileInfo(url.toLocalFile()).isFile()) paths << url.toLocalFile();
    return paths;
}

// "3f0c1a2b…9e8d4c7f": enough of the fingerprint to compare by eye; the whole is one click away.
QString shortened(const QString &sha256) {
    return sha256.size() > 16 ? sha256.left(8) + QStringLiteral("…") + sha256.right(8) : sha256;
}

// A name from the notebook becomes a file name in a folder of ours: no folders, no hidden file.
QString safeFileName(const QString &name) {
    QString base = QFileInfo(name).fileName();
    base.replace(QLatin1Char('\\'), QLatin1Char('_'));
    while (base.startsWith(QLatin1Char('.')))
        base.remove(0, 1);
    return base.isEmpty() ? QStringLiteral("attachment") : base;
}

} // namespace

AttachmentPanel::AttachmentPanel(QWidget *parent)
    : QWidget(parent) {
    setObjectName(QStringLiteral("attachmentPanel"));
    setAcceptDrops(true);
    setMinimumWidth(260);

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 8);
    layout->setSpacing(0);

    m_header = new QWidget(this);
    auto *top = new QHBoxLayout(m_header);
    top->setContentsMargins(12, 10, 6, 6);
    m_heading = new QLabel(m_header);
    QFont bold = m_heading->font();
    bold.setWeight(QFont::DemiBold);
    m_heading->setFont(bold);
    m_close = new QToolButton(m_header);
    m_close->setObjectName(QStringLiteral("closeAttachmentsButton"));
    m_close->setAutoRaise(true);
    m_close->setIcon(QIcon::fromTheme(QStringLiteral("window-close")));
    top->addWidget(m_heading, 1);
    top->addWidget(m_close);
    layout->addWidget(m_header);

    m_tree = new QTreeWidget(this);
    m_tree->setObjectName(QStringLiteral("attachmentTree"));
    m_tree->setColumnCount(2);
    m_tree->setHeaderHidden(true);
    m_tree->setRootIsDecorated(false);
    m_tree->setIndentation(14);
    m_tree->setFrameShape(QFrame::NoFrame);
    m_tree->setUniformRowHeights(true);
    m_tree->setSelectionMode(QAbstractItemView::SingleSelection);
    m_tree->setTextElideMode(Qt::ElideRight);
    m_tree->setStyleSheet(QStringLiteral("QTreeWidget::item { padding: 3px 0; }"));
    m_tree->setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    m_tree->header()->setStretchLastSection(false);
    m_tree->header()->setSectionResizeMode(0, QHeaderView::Stretch);
    m_tree->header()->setSectionResizeMode(1, QHeaderView::ResizeToContents);
    // Drops go to the panel, which knows which entry is under the pointer.
    m_tree->setAcceptDrops(false);
    m_tree->viewport()->setAcceptDrops(false);
    m_emptyHint = makeHint({}, this);
    m_emptyHint->setObjectName(QStringLiteral("attachmentsEmptyHint"));
    m_emptyHint->setContentsMargins(12, 0, 12, 8);
    m_emptyHint->hide();
    layout->addWidget(m_emptyHint);
    layout->addWidget(m_tree, 2);

    m_details = new QWidget(this);
    m_details->setObjectName(QStringLiteral("attachmentDetails"));
    auto *details = new QVBoxLayout(m_details);
    details->setContentsMargins(12, 8, 12, 0);
    details->setSpacing(4);
    auto *rule = new QFrame(m_details);
    rule->setFrameShape(QFrame::HLine);
    rule->setFrameShadow(QFrame::Sunken);
    details->addWidget(rule);
    details->addSpacing(4);
    m_name = new QLabel(m_details);
    m_name->setObjectName(QStringLiteral("attachmentNameLabel"));
    m_name->setFont(bold);
    m_name->setTextFormat(Qt::PlainText);
    m_name->setWordWrap(true);
    m_name->setTextInteractionFlags(Qt::TextSelectableByMouse);
    details->addWidget(m_name);
    m_facts = makeHint({}, m_details);
    m_facts->setObjectName(QStringLiteral("attachmentFactsLabel"));
    m_facts->setTextFormat(Qt::PlainText);
    details->addWidget(m_facts);
    auto *shaRow = new QHBoxLayout;
    shaRow->setSpacing(6);
    m_shaLabel = makeHint({}, m_details);
    m_shaLabel->setWordWrap(false);
    m_sha = new QLabel(m_details);
    m_sha->setObjectName(QStringLiteral("sha256Label"));
    m_sha->setTextFormat(Qt::PlainText);
    m_sha->setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
    m_sha->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_copySha = new QToolButton(m_details);
    m_copySha->setObjectName(QStringLiteral("copySha256Button"));
    m_copySha->setAutoRaise(true);
    m_copySha->setIcon(QIcon::fromTheme(QStringLiteral("edit-copy")));
    // An icon only: a word beside it would push the fingerprint out of the narrow panel.
    m_copySha->setToolButtonStyle(Qt::ToolButtonIconOnly);
    shaRow->addWidget(m_shaLabel);
    shaRow->addWidget(m_sha, 1);
    shaRow->addWidget(m_copySha);
    details->addLayout(shaRow);
    auto *buttons = new QHBoxLayout;
    buttons->setSpacing(6);
    m_open = new QPushButton(m_details);
    m_open->setObjectName(QStringLiteral("openAttachmentButton"));
    m_save = new QPushButton(m_details);
    m_save->setObjectName(QStringLiteral("saveCopyButton"));
    buttons->addWidget(m_open);
    buttons->addWidget(m_save);
    buttons->addStretch(1);
    details->addSpacing(2);
    details->addLayout(buttons);
    details->addSpacing(6);

    m_previewLabel = new QLabel(m_details);
    m_previewLabel->setObjectName(QStringLiteral("previewLabel"));
    m_previewLabel->setAlignment(Qt::AlignCenter);
    m_previewLabel->setMinimumHeight(180);
    m_previewLabel->setSizePolicy(QSizePolicy::Ignored, QSizePolicy::Expanding);
    m_previewLabel->setWordWrap(true);
    m_previewLabel->setStyleSheet(
        QStringLiteral("QLabel#previewLabel { background: #f4f5f7; border: 1px solid #dde1e6; "
                       "border-radius: 6px; color: #5b6570; padding: 8px; }"));
    details->addWidget(m_previewLabel, 1);
    m_pageRow = new QWidget(m_details);
    auto *pageLayout = new QHBoxLayout(m_pageRow);
    pageLayout->setContentsMargins(0, 2, 0, 0);
    m_previous = new QToolButton(m_pageRow);
    m_previous->setObjectName(QStringLiteral("previousPageButton"));
    m_previous->setArrowType(Qt::LeftArrow);
    m_previous->setAutoRaise(true);
    m_next = new QToolButton(m_pageRow);
    m_next->setObjectName(QStringLiteral("nextPageButton"));
    m_next->setArrowType(Qt::RightArrow);
    m_next->setAutoRaise(true);
    m_pageText = new QLabel(m_pageRow);
    m_pageText->setObjectName(QStringLiteral("pageLabel"));
    m_pageText->setAlignment(Qt::AlignCenter);
    pageLayout->addStretch(1);
    pageLayout->addWidget(m_previous);
    pageLayout->addWidget(m_pageText);
    pageLayout->addWidget(m_next);
    pageLayout->addStretch(1);
    details->addWidget(m_pageRow);
    layout->addWidget(m_details, 3);

    auto *bottom = new QVBoxLayout;
    bottom->setContentsMargins(12, 6, 12, 0);
    bottom->setSpacing(4);
    m_progress = new QProgressBar(this);
    m_progress->setObjectName(QStringLiteral("copyProgress"));
    m_progress->setRange(0, 1000);
    m_progress->setTextVisible(false);
    m_progress->setFixedHeight(8);
    m_progress->hide();
    bottom->addWidget(m_progress);
    m_status = makeHint({}, this);
    m_status->setObjectName(QStringLiteral("attachmentStatusLabel"));
    m_status->setTextFormat(Qt::PlainText);
    m_status->hide();
    bottom->addWidget(m_status);
    auto *addRow = new QHBoxLayout;
    m_add = new QPushButton(this);
    m_add->setObjectName(QStringLiteral("addFileButton"));
    m_add->setIcon(QIcon::fromTheme(QStringLiteral("list-add")));
    addRow->addWidget(m_add);
    addRow->addStretch(1);
    bottom->addLayout(addRow);
    m_dropHint = makeHint({}, this);
    bottom->addWidget(m_dropHint);
    layout->addLayout(bottom);

    connect(m_close, &QToolButton::clicked, this, &AttachmentPanel::closeRequested);
    connect(m_tree, &QTreeWidget::itemSelectionChanged, this, &AttachmentPanel::selectionChanged);
    connect(m_tree, &QTreeWidget::itemActivated, this, [this](QTreeWidgetItem *item) {
        if (!item->data(0, AttachmentRole).toString().isEmpty()) openSelected();
    });
    connect(m_copySha, &QToolButton::clicked, this, &AttachmentPanel::copySha256);
    connect(m_open, &QPushButton::clicked, this, &AttachmentPanel::openSelected);
    connect(m_save, &QPushButton::clicked, this, &AttachmentPanel::saveCopy);
    connect(m_previous, &QToolButton::clicked, this, [this] { showPreviewPage(m_page - 1); });
    connect(m_next, &QToolButton::clicked, this, [this] { showPreviewPage(m_page + 1); });
    connect(m_add, &QPushButton::clicked, this, [this] { emit addFileRequested(selectedEntry()); });
    connect(&m_watcher, &QFutureWatcherBase::progressValueChanged, m_progress,
            &QProgressBar::setValue);
    connect(&m_watcher, &QFutureWatcherBase::finished, this, &AttachmentPanel::finishCopy);

    retranslate();
    fillTree();
}

AttachmentPanel::~AttachmentPanel() {
    // The worker writes from the notebook; it must be done before the notebook may go.
    m_watcher.waitForFinished();
}

void AttachmentPanel::setNotebook(Notebook *notebook) {
    const bool returned = !m_notebook && notebook;
    m_notebook = notebook;
    // A preview asked for while a worker had the notebook is drawn now.
    if (returned && !m_previewId.isEmpty() && m_preview.isNull()) renderPreview();
}

void AttachmentPanel::setHeaderVisible(bool visible) {
    m_header->setVisible(visible);
}

void AttachmentPanel::setEntries(const QList<EntryVersion> &entries, const QString &me,
                                 int firstNumber) {
    const QString entry = selectedEntry();
    const QString attachment = selectedAttachment();
    m_entries = entries;
    m_me = me;
    m_firstNumber = firstNumber;
    fillTree();
    if (!attachment.isEmpty() && selectAttachment(attachment)) return;
    if (!entry.isEmpty()) selectEntry(entry);
}

void AttachmentPanel::clear() {
    m_watcher.waitForFinished();
    m_entries.clear();
    m_me.clear();
    m_previewId.clear();
    m_preview = QImage();
    m_status->hide();
    fillTree();
}

void AttachmentPanel::fillTree() {
    const QSignalBlocker quiet(m_tree);
    m_tree->clear();
    const QLocale locale;
    const QMimeDatabase mimeTypes;
    QFont entryFont = m_tree->font();
    entryFont.setWeight(QFont::DemiBold);
    int files = 0;
    for (int i = 0; i < m_entries.size(); ++i) {
        const EntryVersion &e = m_entries.at(i);
        const bool voided = e.status == QLatin1String("void");
        // A voided entry takes no new files; it is listed only for the files it kept.
        if (voided && e.attachments.isEmpty()) continue;
        auto *entryItem = new QTreeWidgetItem(m_tree);
        entryItem->setText(0, tr("%1. %2").arg(m_firstNumber + i).arg(e.title));
        entryItem->setToolTip(0, e.title);
        entryItem->setFont(0, entryFont);
        entryItem->setData(0, EntryRole, e.uuid);
        entryItem->setData(0, OwnRole, !voided && e.author == m_me);
        entryItem->setText(1, e.attachments.isEmpty()
                                  ? tr("no files")
                                  : tr("%n files", nullptr, int(e.attachments.size())));
        entryItem->setForeground(1, palette().color(QPalette::PlaceholderText));
        if (e.attachments.isEmpty())
            entryItem->setForeground(0, palette().color(QPalette::PlaceholderText));
        for (const AttachmentInfo &a : e.attachments) {
            auto *item = new QTreeWidgetItem(entryItem);
            item->setText(0, a.name);
            item->setText(1, locale.formattedDataSize(a.size));
            item->setToolTip(
                0, tr("%1\n%2, %3").arg(a.name, a.mediaType, locale.formattedDataSize(a.size)));
            item->setTextAlignment(1, Qt::AlignRight | Qt::AlignVCenter);
            item->setData(0, EntryRole, e.uuid);
            item->setData(0, AttachmentRole, a.id);
            const QMimeType type = mimeTypes.mimeTypeForName(a.mediaType);
            item->setIcon(0, QIcon::fromTheme(type.iconName(),
                                              QIcon::fromTheme(type.genericIconName(),
                                                               QIcon::fromTheme(QStringLiteral(
                                                                   "text-x-generic")))));
            ++files;
        }
        entryItem->setExpanded(true);
    }
    m_heading->setText(files == 0 ? tr("Attached files") : tr("Attached files (%1)").arg(files));
    if (files != m_files) {
        m_files = files;
        emit fileCountChanged(files);
    }
    if (m_entries.isEmpty())
        m_emptyHint->setText(tr("Files are kept with an entry. This experiment has no entries "
                                "yet."));
    else if (files == 0)
        m_emptyHint->setText(tr("No files yet. Choose an entry below and Add file…, or drop "
                                "files on it."));
    m_emptyHint->setVisible(files == 0);
    m_tree->setVisible(!m_entries.isEmpty());
    m_add->setEnabled(!m_entries.isEmpty() && !isBusy());
    selectionChanged();
}

QString AttachmentPanel::selectedEntry() const {
    const auto items = m_tree->selectedItems();
    return items.isEmpty() ? QString() : items.first()->data(0, EntryRole).toString();
}

QString AttachmentPanel::selectedAttachment() const {
    const auto items = m_tree->selectedItems();
    return items.isEmpty() ? QString() : items.first()->data(0, AttachmentRole).toString();
}

bool AttachmentPanel::selectAttachment(const QString &id) {
    for (int i = 0; i < m_tree->topLevelItemCount(); ++i) {
        QTreeWidgetItem *entry = m_tree->topLevelItem(i);
        for (int j = 0; j < entry->childCount(); ++j)
            if (entry->child(j)->data(0, AttachmentRole).toString() == id) {
                m_tree->setCurrentItem(entry->child(j));
                m_tree->scrollToItem(entry->child(j));
                return true;
            }
    }
    return false;
}

void AttachmentPanel::selectEntry(const QString &entry) {
    if (entry == selectedEntry()) return;
    for (int i = 0; i < m_tree->topLevelItemCount(); ++i)
        if (m_tree->topLevelItem(i)->data(0, EntryRole).toString() == entry) {
            m_tree->setCurrentItem(m_tree->topLevelItem(i));
            m_tree->scrollToItem(m_tree->topLevelItem(i));
            return;
        }
}

const AttachmentInfo *AttachmentPanel::attachmentInfo(const QString &id) const {
    for (const EntryVersion &e : m_entries)
        for (const AttachmentInfo &a : e.attachments)
            if (a.id == id) return &a;
    return nullptr;
}

void AttachmentPanel::selectionChanged() {
    const QString id = selectedAttachment();
    const AttachmentInfo *info = id.isEmpty() ? nullptr : attachmentInfo(id);
    showDetails(info);
    emit attachmentSelected(info ? id : QString());
    const QString entry = selectedEntry();
    if (!entry.isEmpty()) emit entrySelected(entry);
}

void AttachmentPanel::showDetails(const AttachmentInfo *info) {
    m_details->setVisible(info != nullptr);
    if (!info) {
        m_previewId.clear();
        m_preview = QImage();
        return;
    }
    const QLocale locale;
    m_name->setText(info->name);
    m_facts->setText(tr("%1 · %2").arg(locale.formattedDataSize(info->size), info->mediaType));
    m_sha->setText(shortened(info->sha256));
    m_sha->setToolTip(tr("SHA-256 of the whole file:\n%1").arg(info->sha256));
    m_open->setEnabled(!isBusy());
    m_save->setEnabled(!isBusy());
    if (info->id != m_previewId) {
        m_previewId = info->id;
        m_page = 0;
        m_hasNextPage = false;
        renderPreview();
    }
}

QString AttachmentPanel::shownSha256() const {
    const AttachmentInfo *info = attachmentInfo(selectedAttachment());
    return info ? info->sha256 : QString();
}

int AttachmentPanel::previewPage() const {
    const AttachmentInfo *info = attachmentInfo(m_previewId);
    return info && info->mediaType == QLatin1String("application/pdf") ? m_page : -1;
}

void AttachmentPanel::showPreviewPage(int page) {
    if (page < 0 || page == m_page || previewPage() < 0) return;
    if (page > m_page && !m_hasNextPage) return;
    m_page = page;
    renderPreview();
}

void AttachmentPanel::renderPreview() {
    m_preview = QImage();
    m_pageRow->hide();
    m_previewLabel->setPixmap({});
    const AttachmentInfo *info = attachmentInfo(m_previewId);
    if (!info) return;
    if (!Notebook::canPreview(info->mediaType)) {
        m_previewLabel->setText(tr("No preview for this kind of file. Open shows it in the "
                                   "program your computer uses for it."));
        return;
    }
    if (!m_notebook) {
        m_previewLabel->setText(tr("The preview is shown when Quire has finished its work."));
        return;
    }
    QApplication::setOverrideCursor(Qt::WaitCursor);
    auto image = m_notebook->attachmentPreview(info->id, kPreviewSide, m_page);
    const bool pdf = info->mediaType == QLatin1String("application/pdf");
    // The model says how many pages a PDF has only by drawing them: a small drawing of the next
    // page tells whether there is one.
    m_hasNextPage = pdf && image && m_notebook->attachmentPreview(info->id, 16, m_page + 1);
    QApplication::restoreOverrideCursor();
    if (!image) {
        m_previewLabel->setText(tr("No preview: %1").arg(asSentence(image.error())));
        return;
    }
    m_preview = *image;
    if (pdf) {
        m_pageRow->show();
        m_pageText->setText(m_hasNextPage || m_page > 0 ? tr("Page %1").arg(m_page + 1)
                                                        : tr("The only page"));
        m_previous->setEnabled(m_page > 0);
        m_next->setEnabled(m_hasNextPage);
    }
    scalePreview();
}

void AttachmentPanel::scalePreview() {
    if (m_preview.isNull()) return;
    const QSize room = m_previewLabel->contentsRect().size() - QSize(16, 16);
    if (room.width() < 16 || room.height() < 16) return;
    const qreal ratio = devicePixelRatioF();
    QSize size = m_preview.size();
    // A small picture is shown at its own size, not blown up.
    if (size.width() > room.width() * ratio || size.height() > room.height() * ratio)
        size.scale(room * ratio, Qt::KeepAspectRatio);
    QPixmap pixmap =
        QPixmap::fromImage(m_preview.scaled(size, Qt::KeepAspectRatio, Qt::SmoothTransformation));
    pixmap.setDevicePixelRatio(ratio);
    m_previewLabel->setPixmap(pixmap);
}

void AttachmentPanel::resizeEvent(QResizeEvent *event) {
    QWidget::resizeEvent(event);
    scalePreview();
}

void AttachmentPanel::copySha256() {
    const QString sha = shownSha256();
    if (sha.isEmpty()) return;
    QGuiApplication::clipboard()->setText(sha);
    m_status->setText(tr("SHA-256 copied."));
    m_status->show();
}

void AttachmentPanel::saveCopy() {
    const AttachmentInfo *info = attachmentInfo(selectedAttachment());
    if (!info || isBusy()) return;
    const QString path =
        QFileDialog::getSaveFileName(this, tr("Save a copy of “%1”").arg(info->name),
                                     QDir::home().filePath(safeFileName(info->name)));
    if (!path.isEmpty()) saveCopyTo(path);
}

void AttachmentPanel::saveCopyTo(const QString &path) {
    writeCopy(path, false);
}

void AttachmentPanel::openSelected() {
    const AttachmentInfo *info = attachmentInfo(selectedAttachment());
    if (!info || isBusy()) return;
    const QString folder = m_openFolder ? m_openFolder() : QString();
    if (folder.isEmpty()) {
        emit copyFailed(tr("there is no private folder to open files from"));
        return;
    }
    // One folder per attachment, so that two files of the same name do not meet.
    const QString dir = QDir(folder).filePath(info->id.left(16));
    if (!QDir().mkpath(dir)) {
        emit copyFailed(tr("could not make the folder %1").arg(dir));
        return;
    }
    writeCopy(QDir(dir).filePath(safeFileName(info->name)), true);
}

void AttachmentPanel::writeCopy(const QString &path, bool openAfterwards) {
    const QString id = selectedAttachment();
    if (id.isEmpty() || isBusy() || !m_notebook) return;
    const AttachmentInfo *info = attachmentInfo(id);
    m_copyPath = path;
    m_openAfterCopy = openAfterwards;
    m_progress->setValue(0);
    m_progress->show();
    m_status->setText(openAfterwards ? tr("Opening “%1”…").arg(info->name)
                                     : tr("Saving “%1”…").arg(info->name));
    m_status->show();
    m_open->setEnabled(false);
    m_save->setEnabled(false);
    m_add->setEnabled(false);
    // Taken before the window hears of the work: it takes the notebook from the views then.
    Notebook *notebook = m_notebook;
    emit busyChanged(true);
    m_watcher.setFuture(QtConcurrent::run([notebook, id, path](QPromise<Result<void>> &promise) {
        promise.setProgressRange(0, 1000);
        auto result = notebook->saveAttachment(id, path, [&promise](qint64 done, qint64 total) {
            if (total > 0) promise.setProgressValue(int(done * 1000 / total));
        });
        promise.addResult(std::move(result));
    }));
}

void AttachmentPanel::finishCopy() {
    const Result<void> result = m_watcher.result();
    m_progress->hide();
    m_open->setEnabled(true);
    m_save->setEnabled(true);
    m_add->setEnabled(!m_entries.isEmpty());
    emit busyChanged(false);
    if (!result) {
        m_status->setText(asSentence(result.error()));
        m_status->show();
        emit copyFailed(result.error());
        return;
    }
    if (m_openAfterCopy) {
        // The copy is for reading: changes to it would not reach the notebook.
        QFile::setPermissions(m_copyPath, QFileDevice::ReadOwner);
        m_status->setText(tr("Opened a private copy; it is removed when the notebook is "
                             "locked."));
        QDesktopServices::openUrl(QUrl::fromLocalFile(m_copyPath));
    } else {
        m_status->setText(tr("Saved to %1").arg(QDir::toNativeSeparators(m_copyPath)));
    }
    m_status->show();
    emit copyWritten(m_copyPath);
}

QString AttachmentPanel::entryAt(const QPoint &panelPos) const {
    if (!m_tree->isVisible()) return {};
    const QPoint at = m_tree->viewport()->mapFrom(this, panelPos);
    if (!m_tree->viewport()->rect().contains(at)) return {};
    QTreeWidgetItem *item = m_tree->itemAt(at);
    return item ? item->data(0, EntryRole).toString() : QString();
}

void AttachmentPanel::dragEnterEvent(QDragEnterEvent *event) {
    if (!droppedFiles(event->mimeData()).isEmpty() && !m_entries.isEmpty() && !isBusy())
        event->acceptProposedAction();
}

void AttachmentPanel::dragMoveEvent(QDragMoveEvent *event) {
    if (droppedFiles(event->mimeData()).isEmpty()) return;
    // The entry under the pointer is the one the files go to; show it chosen.
    const QString entry = entryAt(event->position().toPoint());
    if (!entry.isEmpty()) selectEntry(entry);
    event->acceptProposedAction();
}

void AttachmentPanel::dropEvent(QDropEvent *event) {
    const QStringList paths = droppedFiles(event->mimeData());
    if (paths.isEmpty() || isBusy()) return;
    QString entry = entryAt(event->position().toPoint());
    if (entry.isEmpty()) entry = selectedEntry();
    event->acceptProposedAction();
    emit filesDropped(entry, paths);
}

void AttachmentPanel::changeEvent(QEvent *event) {
    if (event->type() == QEvent::LanguageChange) {
        retranslate();
        m_status->hide(); // said in the old language, and no longer news
        // The tree's words are made as it is filled; the selection comes back with it.
        m_previewId.clear();
        setEntries(QList<EntryVersion>(m_entries), m_me, m_firstNumber);
    }
    QWidget::changeEvent(event);
}

void AttachmentPanel::retranslate() {
    m_close->setToolTip(tr("Hide the attached files"));
    m_close->setAccessibleName(tr("Hide the attached files"));
    m_tree->setAccessibleName(tr("Attached files, by entry"));
    m_shaLabel->setText(tr("SHA-256:"));
    m_copySha->setText(tr("Copy SHA-256"));
    m_copySha->setToolTip(tr("Copy SHA-256"));
    m_copySha->setAccessibleName(tr("Copy SHA-256"));
    m_open->setText(tr("&Open"));
    m_open->setToolTip(tr("Open a private copy in the program your computer uses for this "
                          "kind of file"));
    m_save->setText(tr("Save a &copy…"));
    m_save->setToolTip(tr("Write the file somewhere else, checked against its SHA-256"));
    m_previous->setToolTip(tr("Previous page"));
    m_next->setToolTip(tr("Next page"));
    m_add->setText(tr("&Add file…"));
    m_add->setToolTip(tr("Attach a file to the chosen entry"));
    m_dropHint->setText(tr("Or drop files here: they go to the entry under the pointer."));
}

} // namespace quire::widgets
