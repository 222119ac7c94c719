// SPDX-License-Identifier: MIT
#pragma once

#include "RoomInfo.h"

#include <QAbstractTableModel>

// The server's rooms as a table: name, number of people, topic; the room the person is looking
// at reads "hall (you are here)", the others they are in "lab (joined)".
class RoomListModel : public QAbstractTableModel
{
    Q_OBJECT

public:
    enum Column { NameColumn, MembersColumn, TopicColumn, ColumnCount };
    enum Role { IsCurrentRole = Qt::UserRole + 1, IsJoinedRole };

    explicit RoomListModel(QObject *parent = nullptr);

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation,
                        int role = Qt::DisplayRole) const override;

    void setRooms(const RoomInfoList &rooms);
    RoomInfo room(int row) const { return m_rooms.value(row); }
    // The room the person is looking at, and the ones they are in: their names are marked.
    void setCurrentRoom(const QString &room);
    QString currentRoom() const { return m_currentRoom; }
    void setJoinedRooms(const QStringList &rooms);
    bool isJoined(int row) const;

private:
    bool isCurrent(int row) const;

    RoomInfoList m_rooms;
    QString m_currentRoom;
    QStringList m_joined; // keys
};
