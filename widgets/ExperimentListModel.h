#pragma once
// ExperimentListModel: the notebook's experiments as a flat Qt item model for the sidebar,
// most recently changed first (the order the notebook gives).

#include "Notebook.h"

#include <QAbstractListModel>

namespace quire::widgets {

class ExperimentListModel : public QAbstractListModel {
    Q_OBJECT
public:
    enum Role {
        UuidRole = Qt::UserRole + 1,
        ProjectRole,
        TagsRole,
        StatusRole,
        EntryCountRole,
        SubtitleRole, // "Project · #tag #tag"
    };

    using QAbstractListModel::QAbstractListModel;

    void setExperiments(const QList<ExperimentInfo> &experiments);
    void clear() { setExperiments({}); }

    int rowCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role) const override;
    QHash<int, QByteArray> roleNames() const override;

    QModelIndex indexOf(const QString &uuid) const;
    const ExperimentInfo *experimentAt(const QModelIndex &index) const;

    static QString entryCountText(int count);

private:
    QList<ExperimentInfo> m_experiments;
};

} // namespace quire::widgets
