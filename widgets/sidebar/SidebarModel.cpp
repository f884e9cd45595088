#include "sidebar/SidebarModel.h"

#include "page/EntryPageRenderer.h"

#include <QDateTime>
#include <QLocale>
#include <QMimeData>

#include <QCollator>
#include <QMap>

#include <algorithm>

namespace quire::widgets {

struct SidebarModel::Node {
    Kind kind = Kind::Group;
    Group group = Group::All; // the group the row is in (for a group row: itself)
    QString text;             // project name or tag; empty for "No project"
    QString key;
    int ref = -1; // experiment or review item, by index
    Node *parent = nullptr;
    int row = 0;
    std::vector<std::unique_ptr<Node>> children;

    Node *add(Kind k, const QString &t, const QString &k2, int r = -1) {
        auto node = std::make_unique<Node>();
        node->kind = k;
        node->group = group;
        node->text = t;
        node->key = k2;
        node->ref = r;
        node->parent = this;
        node->row = int(children.size());
        children.push_back(std::move(node));
        return children.back().get();
    }
};

namespace {

QString groupKey(SidebarModel::Group group) {
    switch (group) {
    case SidebarModel::Group::Waiting:
        return QStringLiteral("group:waiting");
    case SidebarModel::Group::Inbox:
        return QStringLiteral("group:inbox");
    case SidebarModel::Group::Projects:
        return QStringLiteral("group:projects");
    case SidebarModel::Group::Tags:
        return QStringLiteral("group:tags");
    case SidebarModel::Group::All:
        break;
    }
    return QStringLiteral("group:all");
}

} // namespace

SidebarModel::SidebarModel(QObject *parent)
    : QAbstractItemModel(parent)
    , m_root(std::make_unique<Node>()) {}

SidebarModel::~SidebarModel() = default;

void SidebarModel::setContent(const QList<ExperimentInfo> &experiments,
                              const QList<ReviewItem> &waiting, const QList<CaptureInfo> &inbox) {
    beginResetModel();
    m_experiments = experiments;
    m_waiting = waiting;
    m_inbox = inbox;
    m_root = std::make_unique<Node>();

    auto addGroup = [this](Group group) {
        Node *node = m_root->add(Kind::Group, QString(), groupKey(group));
        node->group = group; // the rows added under it take it over
        return node;
    };

    if (!m_waiting.isEmpty()) {
        Node *g = addGroup(Group::Waiting);
        for (int i = 0; i < m_waiting.size(); ++i)
            g->add(Kind::Review, QString(),
                   QStringLiteral("review:") + (m_waiting.at(i).changesRequested.id.isEmpty()
                                                    ? m_waiting.at(i).authored.id
                                                    : m_waiting.at(i).changesRequested.id),
                   i);
    }
    if (!m_inbox.isEmpty()) {
        Node *g = addGroup(Group::Inbox);
        for (int i = 0; i < m_inbox.size(); ++i)
            g->add(Kind::Capture, QString(), QStringLiteral("capture:") + m_inbox.at(i).id, i);
    }
    if (m_experiments.isEmpty()) {
        endResetModel();
        return;
    }

    // Projects and tags in the reader's alphabetical order; experiments in each as the notebook
    // gives them (most recently changed first). "No project" comes last.
    QCollator collator;
    collator.setCaseSensitivity(Qt::CaseInsensitive);
    collator.setNumericMode(true);
    auto sortedKeys = [&collator](QStringList keys) {
        std::sort(keys.begin(), keys.end(), [&collator](const QString &a, const QString &b) {
            return collator.compare(a, b) < 0;
        });
        return keys;
    };
    QMap<QString, QList<int>> byProject, byTag;
    QList<int> withoutProject;
    for (int i = 0; i < m_experiments.size(); ++i) {
        const ExperimentInfo &x = m_experiments.at(i);
        if (x.project.trimmed().isEmpty())
            withoutProject << i;
        else
            byProject[x.project] << i;
        for (const QString &tag : x.tags)
            byTag[tag] << i;
    }
    auto addExperiments = [this](Node *folder, const QList<int> &list) {
        for (int i : list)
            folder->add(Kind::Experiment, QString(),
                        folder->key + QLatin1Char('/') + m_experiments.at(i).uuid, i);
    };

    Node *projects = addGroup(Group::Projects);
    for (const QString &name : sortedKeys(byProject.keys()))
        addExperiments(projects->add(Kind::Project, name, QStringLiteral("project:") + name),
                       byProject.value(name));
    if (!withoutProject.isEmpty())
        addExperiments(projects->add(Kind::Project, QString(), QStringLiteral("project:")),
                       withoutProject);
    if (!byTag.isEmpty()) {
        Node *tags = addGroup(Group::Tags);
        for (const QString &tag : sortedKeys(byTag.keys()))
            addExperiments(tags->add(Kind::Tag, tag, QStringLiteral("tag:") + tag),
                           byTag.value(tag));
    }
    Node *all = addGroup(Group::All);
    for (int i = 0; i < m_experiments.size(); ++i)
        all->add(Kind::Experiment, QString(),
                 all->key + QLatin1Char('/') + m_experiments.at(i).uuid, i);
    endResetModel();
}

const ExperimentInfo *SidebarModel::experiment(const QString &uuid) const {
    for (const ExperimentInfo &x : m_experiments)
        if (x.uuid == uuid) return &x;
    return nullptr;
}

QModelIndex SidebarModel::indexOfExperiment(const QString &uuid) const {
    if (uuid.isEmpty()) return {};
    const QModelIndex projects = indexOfGroup(Group::Projects);
    const Node *group = nodeAt(projects);
    if (!group) return {};
    for (const auto &folder : group->children)
        for (const auto &row : folder->children)
            if (m_experiments.at(row->ref).uuid == uuid) return indexOf(row.get());
    return {};
}

QModelIndex SidebarModel::indexOfGroup(Group group) const {
    return indexOfKey(groupKey(group));
}

QModelIndex SidebarModel::indexOfKey(const QString &key) const {
    // Rows are few (experiments × their places); a walk is quicker than keeping an index.
    std::vector<const Node *> pending{m_root.get()};
    while (!pending.empty()) {
        const Node *node = pending.back();
        pending.pop_back();
        if (node != m_root.get() && node->key == key) return indexOf(node);
        for (const auto &child : node->children)
            pending.push_back(child.get());
    }
    return {};
}

QString SidebarModel::entryCountText(int count) {
    return count == 0 ? tr("No entries") : tr("%n entries", nullptr, count);
}

SidebarModel::Node *SidebarModel::nodeAt(const QModelIndex &index) const {
    if (!index.isValid()) return m_root.get();
    if (index.model() != this) return nullptr;
    return static_cast<Node *>(index.internalPointer());
}

QModelIndex SidebarModel::indexOf(const Node *node) const {
    if (!node || node == m_root.get()) return {};
    return createIndex(node->row, 0, const_cast<Node *>(node));
}

QModelIndex SidebarModel::index(int row, int column, const QModelIndex &parent) const {
    const Node *node = nodeAt(parent);
    if (!node || column != 0 || row < 0 || row >= int(node->children.size())) return {};
    return createIndex(row, 0, node->children.at(row).get());
}

QModelIndex SidebarModel::parent(const QModelIndex &child) const {
    const Node *node = nodeAt(child);
    if (!node || !child.isValid()) return {};
    return indexOf(node->parent);
}

int SidebarModel::rowCount(const QModelIndex &parent) const {
    const Node *node = nodeAt(parent);
    return node ? int(node->children.size()) : 0;
}

int SidebarModel::columnCount(const QModelIndex &) const {
    return 1;
}

Qt::ItemFlags SidebarModel::flags(const QModelIndex &index) const {
    const Node *node = nodeAt(index);
    if (!node || !index.isValid()) return Qt::NoItemFlags;
    // Groups and folders open and close; experiments and entries are what can be chosen.
    if (node->kind == Kind::Experiment)
        return Qt::ItemIsEnabled | Qt::ItemIsSelectable | Qt::ItemIsDropEnabled;
    if (node->kind == Kind::Review) return Qt::ItemIsEnabled | Qt::ItemIsSelectable;
    // A capture is filed by dragging it onto an experiment (or through its context menu).
    if (node->kind == Kind::Capture)
        return Qt::ItemIsEnabled | Qt::ItemIsSelectable | Qt::ItemIsDragEnabled;
    return Qt::ItemIsEnabled;
}

QString SidebarModel::groupTitle(Group group) const {
    switch (group) {
    case Group::Waiting:
        return tr("Waiting for me");
    case Group::Inbox:
        return tr("Inbox (%1)").arg(m_inbox.size());
    case Group::Projects:
        return tr("Projects");
    case Group::Tags:
        return tr("Tags");
    case Group::All:
        break;
    }
    return tr("All experiments");
}

QVariant SidebarModel::changeRequestData(const ReviewItem &item, int role) const {
    const CommentInfo &c = item.changesRequested;
    switch (role) {
    case Qt::DisplayRole:
    case Qt::AccessibleTextRole:
        return item.entryTitle;
    case Qt::ToolTipRole:
        return tr("%1 requested changes of version %2 (%3):\n%4")
            .arg(c.authorName)
            .arg(c.version)
            .arg(EntryPageRenderer::localTime(c.recordedAt), Notebook::htmlToPlainText(c.html));
    case UuidRole:
        return item.experiment;
    case EntryRole:
        return c.entry;
    case SubtitleRole:
        return tr("%1  ·  changes requested by %2").arg(item.experimentTitle, c.authorName);
    default:
        return {};
    }
}

QString SidebarModel::experimentSubtitle(const ExperimentInfo &x, Kind under) const {
    QStringList parts;
    // The folder a row is in already names its project, or its tag.
    if (under != Kind::Project && !x.project.isEmpty()) parts << x.project;
    QStringList tags;
    for (const auto &tag : x.tags)
        tags << QLatin1Char('#') + tag;
    if (!tags.isEmpty()) parts << tags.join(QLatin1Char(' '));
    if (x.status == QLatin1String("closed")) parts << tr("closed");
    return parts.join(QStringLiteral("  ·  "));
}

QVariant SidebarModel::data(const QModelIndex &index, int role) const {
    const Node *node = nodeAt(index);
    if (!node || !index.isValid()) return {};
    if (role == KindRole) return int(node->kind);
    if (role == KeyRole) return node->key;
    switch (node->kind) {
    case Kind::Group:
        if (role == Qt::DisplayRole || role == Qt::AccessibleTextRole)
            return groupTitle(node->group);
        // Projects counts the experiments in its folders (each is in one); the other groups
        // count their rows: tags, experiments, entries waiting.
        if (role == CountRole)
            return node->group == Group::Projects ? int(m_experiments.size())
                                                  : int(node->children.size());
        return {};
    case Kind::Project:
    case Kind::Tag:
        if (role == Qt::DisplayRole || role == Qt::AccessibleTextRole) {
            if (node->kind == Kind::Tag) return QLatin1Char('#') + node->text;
            return node->text.isEmpty() ? tr("No project") : node->text;
        }
        if (role == CountRole) return int(node->children.size());
        if (role == Qt::ToolTipRole)
            return tr("%n experiments", nullptr, int(node->children.size()));
        return {};
    case Kind::Experiment: {
        const ExperimentInfo &x = m_experiments.at(node->ref);
        switch (role) {
        case Qt::DisplayRole:
        case Qt::AccessibleTextRole:
            return x.title;
        case Qt::ToolTipRole: {
            QStringList lines{x.title};
            if (!x.project.isEmpty()) lines << tr("Project: %1").arg(x.project);
            if (!x.tags.isEmpty()) lines << tr("Tags: %1").arg(x.tags.join(QStringLiteral(", ")));
            lines << entryCountText(x.entryCount);
            if (!x.updatedAt.isEmpty())
                lines << tr("Last change: %1").arg(EntryPageRenderer::localTime(x.updatedAt));
            return lines.join(QLatin1Char('\n'));
        }
        case UuidRole:
            return x.uuid;
        case SubtitleRole:
            return experimentSubtitle(x, node->parent ? node->parent->kind : Kind::Group);
        case CountRole:
            return x.entryCount;
        case StatusRole:
            return x.status;
        default:
            return {};
        }
    }
    case Kind::Review: {
        const ReviewItem &item = m_waiting.at(node->ref);
        if (!item.changesRequested.id.isEmpty()) return changeRequestData(item, role);
        switch (role) {
        case Qt::DisplayRole:
        case Qt::AccessibleTextRole:
            return item.entryTitle;
        case Qt::ToolTipRole:
            return tr("Signed by %1; waits for your countersignature.\n%2")
                .arg(item.authored.printedName, Notebook::manifestation(item.authored));
        case UuidRole:
            return item.experiment;
        case EntryRole:
            return item.authored.entry;
        case SubtitleRole:
            return tr("%1  ·  signed by %2").arg(item.experimentTitle, item.authored.printedName);
        default:
            return {};
        }
    }
    case Kind::Capture:
        return captureData(m_inbox.at(node->ref), role);
    }
    return {};
}

QVariant SidebarModel::captureData(const CaptureInfo &c, int role) const {
    const QString status =
        c.problem.isEmpty()
            // The format without its version ("JCAMP-DX"): the tooltip has it whole.
            ? (c.reader.isEmpty() ? tr("kept") : c.reader.section(QLatin1Char(' '), 0, 0))
            : tr("not readable");
    switch (role) {
    case Qt::DisplayRole:
    case Qt::AccessibleTextRole:
        return c.name;
    case Qt::ToolTipRole: {
        QStringList lines{c.name, tr("Instrument: %1").arg(c.instrumentName),
                          tr("Captured: %1").arg(EntryPageRenderer::localTime(c.capturedAt)),
                          tr("From: %1").arg(c.originalPath)};
        lines << (c.problem.isEmpty() ? tr("Read as: %1").arg(c.reader)
                                      : tr("No reader could read it: %1").arg(c.problem));
        lines << tr("Drag it onto an entry on the page to file it there, or onto an experiment "
                    "to choose the entry; right-click for more.");
        return lines.join(QLatin1Char('\n'));
    }
    case UuidRole:
        return c.id;
    case SubtitleRole: {
        // Short enough for the sidebar's width: the time alone for today's captures.
        const QDateTime at = QDateTime::fromString(c.capturedAt, Qt::ISODateWithMs).toLocalTime();
        const QString when = !at.isValid() ? EntryPageRenderer::localTime(c.capturedAt)
                             : at.date() == QDate::currentDate()
                                 ? QLocale().toString(at.time(), QLocale::ShortFormat)
                                 : QLocale().toString(at.date(), QLocale::ShortFormat);
        return tr("%1  ·  %2  ·  %3").arg(c.instrumentName, status, when);
    }
    default:
        return {};
    }
}

QStringList SidebarModel::mimeTypes() const {
    return {QString::fromLatin1(kCaptureMime)};
}

QMimeData *SidebarModel::mimeData(const QModelIndexList &indexes) const {
    for (const QModelIndex &index : indexes) {
        const Node *node = nodeAt(index);
        if (!node || node->kind != Kind::Capture) continue;
        auto *data = new QMimeData();
        data->setData(QString::fromLatin1(kCaptureMime), m_inbox.at(node->ref).id.toUtf8());
        return data;
    }
    return nullptr;
}

bool SidebarModel::canDropMimeData(const QMimeData *data, Qt::DropAction, int, int,
                                   const QModelIndex &parent) const {
    const Node *node = nodeAt(parent);
    return parent.isValid() && node && node->kind == Kind::Experiment &&
           data->hasFormat(QString::fromLatin1(kCaptureMime));
}

bool SidebarModel::dropMimeData(const QMimeData *data, Qt::DropAction action, int row, int column,
                                const QModelIndex &parent) {
    if (!canDropMimeData(data, action, row, column, parent)) return false;
    const QString capture = QString::fromUtf8(data->data(QString::fromLatin1(kCaptureMime)));
    const QString experiment = m_experiments.at(nodeAt(parent)->ref).uuid;
    // Filing asks for an entry (a dialog); it must not run inside the drag's own event loop.
    QMetaObject::invokeMethod(
        this, [this, capture, experiment] { emit captureDropped(capture, experiment); },
        Qt::QueuedConnection);
    return false; // nothing is moved in this model: the inbox is read again after filing
}

QModelIndex SidebarModel::indexOfCapture(const QString &id) const {
    return indexOfKey(QStringLiteral("capture:") + id);
}

void SidebarModel::retranslate() {
    std::vector<const Node *> pending{m_root.get()};
    while (!pending.empty()) {
        const Node *node = pending.back();
        pending.pop_back();
        if (!node->children.empty()) {
            emit dataChanged(indexOf(node->children.front().get()),
                             indexOf(node->children.back().get()));
            for (const auto &child : node->children)
                pending.push_back(child.get());
        }
    }
}

} // namespace quire::widgets
