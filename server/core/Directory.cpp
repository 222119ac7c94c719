// SPDX-License-Identifier: MIT
#include "core/Directory.h"

#include "NameRules.h"
#include "Protocol.h"
#include "core/Room.h"
#include "session/Session.h"

Directory::Directory(qsizetype presenceLimit, QObject *parent)
    : QObject(parent)
    , m_presenceLimit(presenceLimit)
    , m_hall(new Room(QString(Protocol::HallName), presenceLimit, this))
{
    m_rooms.insert(NameRules::key(m_hall->name()), m_hall);
}

Room *Directory::room(const QString &name) const
{
    return m_rooms.value(NameRules::key(name), nullptr);
}

Room *Directory::createRoom(const QString &name)
{
    auto *room = new Room(NameRules::normalized(name), m_presenceLimit, this);
    m_rooms.insert(NameRules::key(name), room);
    emit roomCreated(room);
    return room;
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

Session *Directory::session(const QString &nick) const
{
    return m_sessions.value(NameRules::key(nick), nullptr);
}

QList<Session *> Directory::sessions() const
{
    QList<Session *> sessions = m_sessions.values();
    std::sort(sessions.begin(), sessions.end(), [](const Session *a, const Session *b) {
        return a->nick().localeAwareCompare(b->nick()) < 0;
    });
    return sessions;
}

bool Directory::isNickTaken(const QString &nick) const
{
    return m_sessions.contains(NameRules::key(nick));
}

void Directory::claimNick(const QString &nick, Session *session)
{
    m_sessions.insert(NameRules::key(nick), session);
}

void Directory::releaseNick(const QString &nick)
{
    m_sessions.remove(NameRules::key(nick));
}
