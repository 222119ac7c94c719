// SPDX-License-Identifier: MIT
#pragma once

#include "Event.h"

#include <QObject>
#include <QStringList>

// What the client knows about the room it is in, kept current from the server's events:
// its name, topic and the people in it.
class RoomState : public QObject
{
    Q_OBJECT
    Q_PROPERTY(QString room READ room NOTIFY roomChanged)
    Q_PROPERTY(QString topic READ topic NOTIFY topicChanged)
    Q_PROPERTY(QStringList users READ users NOTIFY usersChanged)

public:
    explicit RoomState(QObject *parent = nullptr);

    QString room() const { return m_room; }
    QString topic() const { return m_topic; }
    QStringList users() const { return m_users; }
    bool isHere(const QString &room) const;

    // Applies a join, leave, nick, topic or users event; self says the event's nick is ours.
    void apply(const Event &event, bool self);

signals:
    void roomChanged(const QString &room);
    void topicChanged(const QString &topic);
    void usersChanged(const QStringList &users);

private:
    void setRoom(const QString &room);
    void setTopic(const QString &topic);
    void setUsers(const QStringList &users);

    QString m_room;
    QString m_topic;
    QStringList m_users;
};
