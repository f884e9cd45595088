#include "ExperimentListModel.h"

namespace quire::widgets {

void ExperimentListModel::setExperiments(const QList<ExperimentInfo> &experiments) {
    beginResetModel();
    m_experiments = experiments;
    endResetModel();
}

int ExperimentListModel::rowCount(const QModelIndex &parent) const {
    return parent.isValid() ? 0 : int(m_experiments.size());
}

QString ExperimentListModel::entryCountText(int count) {
    if (count == 0) return tr("No entries");
    return count == 1 ? tr("1 entry") : tr("%1 entries").arg(count);
}

QVariant ExperimentListModel::data(const QModelIndex &index, int role) const {
    const ExperimentInfo *x = experimentAt(index);
    if (!x) return {};
    switch (role) {
    case Qt::DisplayRole:
    case Qt::AccessibleTextRole:
        return x->title;
    case Qt::ToolTipRole: {
        QStringList lines{x->title};
        if (!x->project.isEmpty()) lines << tr("Project: %1").arg(x->project);
        if (!x->tags.isEmpty()) lines << tr("Tags: %1").arg(x->tags.join(QStringLiteral(", ")));
        lines << entryCountText(x->entryCount);
        return lines.join(QLatin1Char('\n'));
    }
    case UuidRole:
        return x->uuid;
    case ProjectRole:
        return x->project;
    case TagsRole:
        return x->tags;
    case StatusRole:
        return x->status;
    case EntryCountRole:
        return x->entryCount;
    case SubtitleRole: {
        QStringList parts;
        if (!x->project.isEmpty()) parts << x->project;
        QStringList tags;
        for (const auto &tag : x->tags)
            tags << QLatin1Char('#') + tag;
        if (!tags.isEmpty()) parts << tags.join(QLatin1Char(' '));
        return parts.join(QStringLiteral("  ·  "));
    }
    default:
        return {};
    }
}

QHash<int, QByteArray> ExperimentListModel::roleNames() const {
    auto names = QAbstractListModel::roleNames();
    names.insert(UuidRole, "uuid");
    names.insert(ProjectRole, "project");
    names.insert(TagsRole, "tags");
    names.insert(StatusRole, "status");
    names.insert(EntryCountRole, "entryCount");
    names.insert(SubtitleRole, "subtitle");
    return names;
}

QModelIndex ExperimentListModel::indexOf(const QString &uuid) const {
    for (int row = 0; row < m_experiments.size(); ++row)
        if (m_experiments.at(row).uuid == uuid) return index(row);
    return {};
}

const ExperimentInfo *ExperimentListModel::experimentAt(const QModelIndex &index) const {
    if (!index.isValid() || index.model() != this || index.row() >= m_experiments.size())
        return nullptr;
    return &m_experiments.at(index.row());
}

} // namespace quire::widgets
