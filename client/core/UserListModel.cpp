// SPDX-License-Identifier: MIT
#include "UserListModel.h"

#include <algorithm>

namespace {

bool lessByName(const QString &a, const QString &b)
{
    const int folded = a.compare(b, Qt::CaseInsensitive);
    return folded != 0 ? folded < 0 : a < b;
}

} // namespace

UserListModel::UserListModel(QObject *parent)
    : QAbstractListModel(parent)
{
}

int UserListModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_users.size());
}

QVariant UserListModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid) || role != Qt::DisplayRole)
        return {};
    return m_users.at(index.row());
}

void UserListModel::setUsers(const QStringList &users)
{
    QStringList wanted = users;
    std::sort(wanted.begin(), wanted.end(), lessByName);
    const int before = rowCount();
    for (int row = int(m_users.size()) - 1; row >= 0; --row) {
        if (!wanted.contains(m_users.at(row))) {
            beginRemoveRows({}, row, row);
            m_users.removeAt(row);
            endRemoveRows();
        }
    }
    for (int row = 0; row < wanted.size(); ++row) {
        if (row < m_users.size() && m_users.at(row) == wanted.at(row))
            continue;
        beginInsertRows({}, row, row);
        m_users.insert(row, wanted.at(row));
        endInsertRows();
    }
    if (rowCount() != before)
        emit countChanged();
}
