// SPDX-License-Identifier: MIT
#include "core/Directory.h"

#include "NameRules.h"
#include "Protocol.h"
#include "core/Room.h"
#include "core/User.h"
#include "security/Lookalikes.h"

Directory::Directory(qsizetype presenceLimit, QObject *parent)
    : QObject(parent)
    , m_presenceLimit(presenceLimit)
{
}

void Directory::setPresenceLimit(qsizetype presenceLimit)
{
    m_presenceLimit = presenceLimit;
    for (Room *room : std::as_const(m_rooms))
        room->setPresenceLimit(presenceLimit);
}

Room *Directory::room(const QString &name) const
{
    return m_rooms.value(NameRules::key(name), nullptr);
}

Room *Directory::roomLike(const QString &name) const
{
    if (Room *same = room(name))
        return same;
    return m_roomSkeletons.value(Lookalikes::skeleton(name), nullptr);
}

qint64 Directory::nextRoomId() const
{
    if (m_idBase > 0)
        return std::max(m_lastOwnId, m_idBase) + 1;
    return m_lastRoomId + 1;
}

Room *Directory::addRoom(qint64 id, const QString &name)
{
    auto *room = new Room(id, NameRules::normalized(name), m_presenceLimit, this);
    m_rooms.insert(NameRules::key(name), room);
    m_roomsById.insert(id, room);
    // Rooms stored before skeletons were checked may share one: the first keeps it.
    m_roomSkeletons.insert(Lookalikes::skeleton(name), room);
    m_lastRoomId = std::max(m_lastRoomId, id);
    if (m_idBase > 0 && id > m_idBase && id < m_idBase + IdRange)
        m_lastOwnId = std::max(m_lastOwnId, id);
    if (NameRules::same(name, QString(Protocol::HallName)))
        m_hall = room;
    emit roomAdded(room);
    return room;
}

void Directory::removeRoom(Room *room)
{
    emit roomRemoved(room);
    m_rooms.remove(NameRules::key(room->name()));
    m_roomsById.remove(room->id());
    const QString skeleton = Lookalikes::skeleton(room->name());
    if (m_roomSkeletons.value(skeleton) == room)
        m_roomSkeletons.remove(skeleton);
    if (room == m_hall)
        m_hall = nullptr;
    room->deleteLater();
}

QList<Room *> Directory::rooms() const
{
    QList<Room *> rooms;
    rooms.reserve(m_rooms.size());
    if (m_hall)
        rooms.append(m_hall);
    for (Room *room : m_rooms) {
        if (room != m_hall)
            rooms.append(room);
    }
    return rooms;
}

User *Directory::user(const QString &nick) const
{
    return m_users.value(NameRules::key(nick), nullptr);
}

QList<User *> Directory::users() const
{
    return m_users.values();
}

User *Directory::holderOf(const QString &nick) const
{
    if (User *same = user(nick))
        return same;
    return m_userSkeletons.value(Lookalikes::skeleton(nick), nullptr);
}

void Directory::addPerson(const QString &nick, User *user)
{
    claimNick(nick, user);
    emit personAdded(user);
}

void Directory::claimNick(const QString &nick, User *user)
{
    m_users.insert(NameRules::key(nick), user);
    m_userSkeletons.insert(Lookalikes::skeleton(nick), user);
}

void Directory::releaseNick(const QString &nick)
{
    User *user = m_users.take(NameRules::key(nick));
    const QString skeleton = Lookalikes::skeleton(nick);
    if (user && m_userSkeletons.value(skeleton) == user)
        m_userSkeletons.remove(skeleton);
}
