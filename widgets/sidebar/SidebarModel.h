#pragma once
// sidebar/: the column left of the page: the notebook's tree of what waits for my signature,
// projects, tags and experiments (SidebarModel, drawn by SidebarDelegate), and the search
// results that take its place while searching (SearchPanel). RowDelegate is what their row
// painters share.
//
// SidebarModel: the notebook as the sidebar shows it, a tree of five groups —
//   Waiting for my signature  entries their authors signed that wait for my countersignature
//   Inbox (N)                 files instruments wrote, captured and not yet filed or set aside
//   Projects                  each project (and "No project") with its experiments
//   Tags                      each tag with the experiments that carry it
//   All experiments           every experiment, most recently changed first
// An experiment appears under its project, under each of its tags and in the full list; every
// one of those rows stands for the same experiment. Groups without rows are left out.

#include "Notebook.h"

#include <QAbstractItemModel>

#include <memory>
#include <vector>

namespace quire::widgets {

class SidebarModel : public QAbstractItemModel {
    Q_OBJECT
public:
    enum class Kind { Group, Project, Tag, Experiment, Review, Capture };
    enum class Group { Waiting, Inbox, Projects, Tags, All };
    enum Role {
        KindRole = Qt::UserRole + 1, // Kind, as an int
        UuidRole,                    // the experiment's uuid (experiment and review rows); the
                                     // capture's id (capture rows)
        EntryRole,                   // the entry's uuid (review rows)
        SubtitleRole,                // the second line of experiment and review rows
        CountRole,                   // an experiment's entries; what a group or folder holds
        StatusRole,                  // open / closed (experiment rows)
        KeyRole,                     // a stable name of the row, for keeping it open or chosen
    };

    explicit SidebarModel(QObject *parent = nullptr);
    ~SidebarModel() override;

    void setContent(const QList<ExperimentInfo> &experiments, const QList<ReviewItem> &waiting,
                    const QList<CaptureInfo> &inbox = {});
    void clear() { setContent({}, {}, {}); }
    const QList<CaptureInfo> &inbox() const { return m_inbox; }
    QModelIndex indexOfCapture(const QString &id) const;

    const QList<ExperimentInfo> &experiments() const { return m_experiments; }
    const ExperimentInfo *experiment(const QString &uuid) const;

    // The row where the experiment is shown first: under its project.
    QModelIndex indexOfExperiment(const QString &uuid) const;
    QModelIndex indexOfGroup(Group group) const;
    QModelIndex indexOfKey(const QString &key) const;

    static QString entryCountText(int count);

    QModelIndex index(int row, int column, const QModelIndex &parent = {}) const override;
    QModelIndex parent(const QModelIndex &child) const override;
    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role) const override;
    Qt::ItemFlags flags(const QModelIndex &index) const override;
    // Captures are dragged onto experiments (to be filed into one of its entries).
    static constexpr char kCaptureMime[] = "application/x-quire-capture";
    QStringList mimeTypes() const override;
    QMimeData *mimeData(const QModelIndexList &indexes) const override;
    Qt::DropActions supportedDragActions() const override { return Qt::CopyAction; }
    Qt::DropActions supportedDropActions() const override { return Qt::CopyAction; }
    bool canDropMimeData(const QMimeData *data, Qt::DropAction action, int row, int column,
                         const QModelIndex &parent) const override;
    bool dropMimeData(const QMimeData *data, Qt::DropAction action, int row, int column,
                      const QModelIndex &parent) override;

signals:
    // A capture was dropped on an experiment's row.
    void captureDropped(const QString &capture, const QString &experiment);

public slots:
    // Group names and "No project" are the model's own words.
    void retranslate();

private:
    struct Node;
    Node *nodeAt(const QModelIndex &index) const;
    QModelIndex indexOf(const Node *node) const;
    QString groupTitle(Group group) const;
    QString experimentSubtitle(const ExperimentInfo &x, Kind under) const;
    QVariant captureData(const CaptureInfo &c, int role) const;
    // A request for changes of one of my entries, in "Waiting for me".
    QVariant changeRequestData(const ReviewItem &item, int role) const;

    QList<ExperimentInfo> m_experiments;
    QList<ReviewItem> m_waiting;
    QList<CaptureInfo> m_inbox;
    std::unique_ptr<Node> m_root;
};

} // namespace quire::widgets
