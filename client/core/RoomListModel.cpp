// SPDX-License-Identifier: MIT
#include "RoomListModel.h"

#include "NameRules.h"

RoomListModel::RoomListModel(QObject *parent)
    : QAbstractTableModel(parent)
{
}

int RoomListModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_rooms.size());
}

int RoomListModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant RoomListModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid))
        return {};
    const RoomInfo &room = m_rooms.at(index.row());
    if (role == IsCurrentRole)
        return isCurrent(index.row());
    if (role == IsJoinedRole)
        return isJoined(index.row());
    if (role == Qt::TextAlignmentRole && index.column() == MembersColumn)
        return int(Qt::AlignRight | Qt::AlignVCenter);
    if (role != Qt::DisplayRole && role != Qt::ToolTipRole)
        return {};
    switch (index.column()) {
    case NameColumn:
        if (isCurrent(index.row()))
            return tr("%1 (you are here)").arg(room.name);
        return isJoined(index.row()) ? tr("%1 (joined)").arg(room.name) : room.name;
    case MembersColumn:
        return room.members;
    case TopicColumn:
        return room.topic;
    }
    return {};
}

QVariant RoomListModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (section) {
    case NameColumn:
        return tr("Room");
    case MembersColumn:
        return tr("People");
    case TopicColumn:
        return tr("Topic");
    }
    return {};
}

void RoomListModel::setRooms(const RoomInfoList &rooms)
{
    beginResetModel();
    m_rooms = rooms;
    endResetModel();
}

void RoomListModel::setCurrentRoom(const QString &room)
{
    if (m_currentRoom == room)
        return;
    m_currentRoom = room;
    if (!m_rooms.isEmpty())
        emit dataChanged(index(0, NameColumn), index(rowCount() - 1, NameColumn));
}

bool RoomListModel::isCurrent(int row) const
{
    return !m_currentRoom.isEmpty() &&
           NameRules::key(m_rooms.at(row).name) == NameRules::key(m_currentRoom);
}

void RoomListModel::setJoinedRooms(const QStringList &rooms)
{
    QStringList keys;
    for (const QString &room : rooms)
        keys << NameRules::key(room);
    if (keys == m_joined)
        return;
    m_joined = keys;
    if (!m_rooms.isEmpty())
        emit dataChanged(index(0, NameColumn), index(rowCount() - 1, NameColumn));
}

bool RoomListModel::isJoined(int row) const
{
    return m_joined.contains(NameRules::key(m_rooms.at(row).name));
}
