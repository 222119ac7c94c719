// SPDX-License-Identifier: MIT
#pragma once

#include <QHash>
#include <QObject>

class Room;
class User;

// Who and what exists: people by nickname (those reconnecting included: their names are held)
// and rooms by name and by id. Names are looked up by NameRules::key(), so lookups ignore case
// and Unicode normalisation.
class Directory : public QObject
{
    Q_OBJECT

public:
    // presenceLimit: see Room.
    explicit Directory(qsizetype presenceLimit, QObject *parent = nullptr);

    Room *hall() const { return m_hall; }
    Room *room(const QString &name) const;
    Room *roomById(qint64 id) const { return m_roomsById.value(id, nullptr); }
    // A new presence limit (a reload), for every room at once.
    void setPresenceLimit(qsizetype presenceLimit);
    // Adds a room; id is the store's.
    Room *addRoom(qint64 id, const QString &name);
    // The id a new room gets: one more than any room's so far.
    qint64 nextRoomId() const { return m_lastRoomId + 1; }
    // Forgets a room that could not be stored; nobody may be in it.
    void removeRoom(Room *room);
    QList<Room *> rooms() const; // the hall first, then by name

    User *user(const QString &nick) const;
    QList<User *> users() const; // by nickname
    bool isNickTaken(const QString &nick) const;
    void claimNick(const QString &nick, User *user);
    void releaseNick(const QString &nick);

signals:
    void roomAdded(Room *room);

private:
    QHash<QString, Room *> m_rooms;
    QHash<qint64, Room *> m_roomsById;
    QHash<QString, User *> m_users;
    qsizetype m_presenceLimit;
    qint64 m_lastRoomId = 0;
    Room *m_hall = nullptr;
};
