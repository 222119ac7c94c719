// SPDX-License-Identifier: MIT
#pragma once

#include "Event.h"

#include <QObject>
#include <QStringList>

// What the client knows about one room it is in, kept current from the server's events: its
// topic and the people in it. In a crowded room the server names only some of them and stops
// announcing arrivals and departures: users() is then partial and userCount() is the number
// the server last gave.
class RoomState : public QObject
{
    Q_OBJECT
    Q_PROPERTY(QString room READ room CONSTANT)
    Q_PROPERTY(QString topic READ topic NOTIFY topicChanged)
    Q_PROPERTY(QStringList users READ users NOTIFY usersChanged)
    Q_PROPERTY(qsizetype userCount READ userCount NOTIFY userCountChanged)

public:
    explicit RoomState(const QString &room, QObject *parent = nullptr);

    QString room() const { return m_room; }
    QString topic() const { return m_topic; }
    QStringList users() const { return m_users; }
    qsizetype userCount() const { return m_userCount; }
    bool isHere(const QString &room) const;

    // Applies a join, leave, topic or users event of this room (others are ignored) or anyone's
    // nick change; self says the event's nick is ours.
    void apply(const Event &event, bool self);

signals:
    void topicChanged(const QString &topic);
    void usersChanged(const QStringList &users);
    void userCountChanged(qsizetype count);

private:
    void setTopic(const QString &topic);
    void setUsers(const QStringList &users);
    void setUsers(const QStringList &users, qsizetype count);

    QString m_room;
    QString m_topic;
    QStringList m_users;
    qsizetype m_userCount = 0;
};
