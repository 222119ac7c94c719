// SPDX-License-Identifier: MIT
#pragma once

#include "core/RemotePeople.h"

#include <QHash>
#include <QMap>
#include <QObject>

class Room;
class User;

// Who and what exists: people by nickname (those reconnecting included: their names are held)
// and rooms by name and by id. Names are looked up by NameRules::key(), so lookups ignore case
// and Unicode normalisation; both are kept in key order, so that a long list can be walked a
// piece at a time from where the last piece ended. Each name's confusable skeleton
// (Lookalikes) is kept too, so that a new name that looks like one in use is found.
class Directory : public QObject
{
    Q_OBJECT

public:
    // presenceLimit: see Room.
    explicit Directory(qsizetype presenceLimit, QObject *parent = nullptr);

    Room *hall() const { return m_hall; }
    Room *room(const QString &name) const;
    Room *roomById(qint64 id) const { return m_roomsById.value(id, nullptr); }
    // The room whose name is name or looks like it (the same skeleton), or null.
    Room *roomLike(const QString &name) const;
    // A new presence limit (a reload), for every room at once.
    void setPresenceLimit(qsizetype presenceLimit);
    // Adds a room; id is the store's.
    Room *addRoom(qint64 id, const QString &name);
    // The id a new room gets: one more than any room's so far, or, once setIdBase() was called,
    // than any of this server's own range.
    qint64 nextRoomId() const;
    // The nodes of a cluster make rooms at once: each gives ids from a range of its own (base
    // and the 2^24 ids above it; the base comes from the boot number, which no two share).
    static constexpr qint64 IdRange = qint64(1) << 24;
    void setIdBase(qint64 base) { m_idBase = base; }
    // Forgets a room (it could not be stored, or it expired); nobody may be in it.
    void removeRoom(Room *room);
    QList<Room *> rooms() const; // the hall first, then by name
    qsizetype roomCount() const { return m_rooms.size(); }
    // Every room by NameRules::key(), for walking a long list from a key on.
    const QMap<QString, Room *> &roomsByKey() const { return m_rooms; }

    User *user(const QString &nick) const;
    QList<User *> users() const; // by nickname
    const QMap<QString, User *> &usersByKey() const { return m_users; }
    // The person whose nickname is nick or looks like it (the same skeleton), or null.
    User *holderOf(const QString &nick) const;
    bool isNickTaken(const QString &nick) const { return holderOf(nick) != nullptr; }
    // A new person of this node's, under nick.
    void addPerson(const QString &nick, User *user);
    void claimNick(const QString &nick, User *user);
    void releaseNick(const QString &nick);
    // The people of the other nodes of a cluster (empty on a server of one).
    RemotePeople &remote() { return m_remote; }
    const RemotePeople &remote() const { return m_remote; }

signals:
    void personAdded(User *user);
    void roomAdded(Room *room);
    // The room is about to be deleted (it could not be stored, or it expired).
    void roomRemoved(Room *room);

private:
    QMap<QString, Room *> m_rooms;
    QHash<qint64, Room *> m_roomsById;
    QHash<QString, Room *> m_roomSkeletons;
    QMap<QString, User *> m_users;
    QHash<QString, User *> m_userSkeletons;
    qsizetype m_presenceLimit;
    qint64 m_lastRoomId = 0;
    qint64 m_idBase = 0;
    qint64 m_lastOwnId = 0; // the highest id in [m_idBase, m_idBase + IdRange)
    Room *m_hall = nullptr;
    RemotePeople m_remote{*this};
};
