// SPDX-License-Identifier: MIT
#include "core/Directory.h"

#include "NameRules.h"
#include "Protocol.h"
#include "core/Room.h"
#include "core/User.h"

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

Room *Directory::addRoom(qint64 id, const QString &name)
{
    auto *room = new Room(id, NameRules::normalized(name), m_presenceLimit, this);
    m_rooms.insert(NameRules::key(name), room);
    m_roomsById.insert(id, room);
    m_lastRoomId = std::max(m_lastRoomId, id);
    if (NameRules::key(name) == NameRules::key(QString(Protocol::HallName)))
        m_hall = room;
    emit roomAdded(room);
    return room;
}

void Directory::removeRoom(Room *room)
{
    m_rooms.remove(NameRules::key(room->name()));
    m_roomsById.remove(room->id());
    if (room == m_hall)
        m_hall = nullptr;
    room->deleteLater();
}

QList<Room *> Directory::rooms() const
{
    QList<Room *> rooms = m_rooms.values();
    std::sort(rooms.begin(), rooms.end(), [this](const Room *a, const Room *b) {
        if ((a == m_hall) != (b == m_hall))
            return a == m_hall;
        return a->name().localeAwareCompare(b->name()) < 0;
    });
    return rooms;
}

User *Directory::user(const QString &nick) const
{
    return m_users.value(NameRules::key(nick), nullptr);
}

QList<User *> Directory::users() const
{
    QList<User *> users = m_users.values();
    std::sort(users.begin(), users.end(), [](const User *a, const User *b) {
        return a->nick().localeAwareCompare(b->nick()) < 0;
    });
    return users;
}

bool Directory::isNickTaken(const QString &nick) const
{
    return m_users.contains(NameRules::key(nick));
}

void Directory::claimNick(const QString &nick, User *user)
{
    m_users.insert(NameRules::key(nick), user);
}

void Directory::releaseNick(const QString &nick)
{
    m_users.remove(NameRules::key(nick));
}
