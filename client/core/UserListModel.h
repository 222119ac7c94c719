// SPDX-License-Identifier: MIT
#pragma once

#include <QAbstractListModel>
#include <QStringList>

// The people in a room, sorted for reading. setUsers() changes only the rows that differ, so
// a view keeps its selection and scroll position while people come and go.
class UserListModel : public QAbstractListModel
{
    Q_OBJECT
    Q_PROPERTY(int count READ rowCount NOTIFY countChanged)

public:
    explicit UserListModel(QObject *parent = nullptr);

    int rowCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;

    QStringList users() const { return m_users; }
    void setUsers(const QStringList &users);

signals:
    void countChanged();

private:
    QStringList m_users;
};
