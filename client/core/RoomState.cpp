// SPDX-License-Identifier: MIT
#include "RoomState.h"

#include "NameRules.h"

namespace {

bool sameName(const QString &a, const QString &b)
{
    return NameRules::key(a) == NameRules::key(b);
}

} // namespace

RoomState::RoomState(const QString &room, QObject *parent)
    : QObject(parent)
    , m_room(room)
{
}

bool RoomState::isHere(const QString &room) const
{
    return sameName(room, m_room);
}

void RoomState::apply(const Event &event, bool self)
{
    if (event.kind == Event::Kind::NickChange) {
        QStringList users = m_users;
        for (QString &user : users) {
            if (sameName(user, event.nick))
                user = event.target;
        }
        setUsers(users);
        return;
    }
    if (!isHere(event.room))
        return;
    switch (event.kind) {
    case Event::Kind::Join:
        // Our own join (entering, or coming back after a resume) is followed by the topic, if
        // any, and the users event that fills the list.
        if (self)
            setTopic({});
        else if (!m_users.contains(event.nick))
            setUsers(m_users + QStringList{event.nick}, m_userCount + 1);
        break;
    case Event::Kind::Leave:
        if (!self) {
            QStringList users = m_users;
            users.removeIf([&](const QString &user) { return sameName(user, event.nick); });
            setUsers(users, m_userCount - 1);
        }
        break;
    case Event::Kind::Topic:
    case Event::Kind::TopicChanged:
        setTopic(event.text);
        break;
    case Event::Kind::Users:
        setUsers(event.userNicks(), event.userCount());
        break;
    default:
        break;
    }
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
