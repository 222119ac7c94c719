// SPDX-License-Identifier: MIT
#include "RoomState.h"

#include "NameRules.h"

namespace {

bool sameName(const QString &a, const QString &b)
{
    return NameRules::key(a) == NameRules::key(b);
}

} // namespace

RoomState::RoomState(QObject *parent)
    : QObject(parent)
{
}

bool RoomState::isHere(const QString &room) const
{
    return sameName(room, m_room);
}

void RoomState::apply(const Event &event, bool self)
{
    const bool here = isHere(event.room);
    switch (event.kind) {
    case Event::Kind::Join:
        if (self) {
            // The users event that follows our own join fills the list.
            setRoom(event.room);
            setTopic({});
        } else if (here) {
            setUsers(m_users + QStringList{event.nick}, m_userCount + 1);
        }
        break;
    case Event::Kind::Leave:
        if (!self && here) {
            QStringList users = m_users;
            users.removeIf([&](const QString &user) { return sameName(user, event.nick); });
            setUsers(users, m_userCount - 1);
        }
        break;
    case Event::Kind::NickChange: {
        QStringList users = m_users;
        for (QString &user : users) {
            if (sameName(user, event.nick))
                user = event.target;
        }
        setUsers(users);
        break;
    }
    case Event::Kind::Topic:
    case Event::Kind::TopicChanged:
        if (here)
            setTopic(event.text);
        break;
    case Event::Kind::Users:
        if (here)
            setUsers(event.userNicks(), event.userCount());
        break;
    default:
        break;
    }
}

void RoomState::setRoom(const QString &room)
{
    if (m_room == room)
        return;
    m_room = room;
    emit roomChanged(room);
}

void RoomState::setTopic(const QString &topic)
{
    if (m_topic == topic)
        return;
    m_topic = topic;
    emit topicChanged(topic);
}

void RoomState::setUsers(const QStringList &users, qsizetype count)
{
    setUsers(users);
    if (m_userCount == count)
        return;
    m_userCount = count;
    emit userCountChanged(count);
}

void RoomState::setUsers(const QStringList &users)
{
    if (m_users == users)
        return;
    m_users = users;
    emit usersChanged(users);
}
