// SPDX-License-Identifier: MIT
#pragma once

#include "Event.h"

#include <QList>
#include <QObject>
#include <QStringList>

class RoomState;

// The rooms a person is in, in the order they entered them, each with its topic and people,
// and the current one: where the server sends plain text and the commands that name no room.
// As on the server, entering a room or switching to it makes it current, and leaving the
// current room makes the last one entered current.
class JoinedRooms : public QObject
{
    Q_OBJECT

public:
    explicit JoinedRooms(QObject *parent = nullptr);

    QStringList names() const;
    bool contains(const QString &room) const;
    // nullptr when we are not in that room.
    const RoomState *room(const QString &room) const;
    QString current() const { return m_current; }

    // Applies a join, leave, nick, topic, users, presence or moderation event; self says the
    // event's nick is ours.
    void apply(const Event &event, bool self);
    // The server confirmed a switch.
    void setCurrent(const QString &room);
    // A new session starts in no room.
    void clear();

signals:
    // We entered a room we were not in (not when a resume brings us back into it).
    void entered(const QString &room);
    void left(const QString &room);
    void currentChanged(const QString &room);
    void topicChanged(const QString &room, const QString &topic);
    void usersChanged(const QString &room, const QStringList &users, qsizetype count);
    // Someone's flags (owner, operator, muted, away, reconnecting) changed in room.
    void flagsChanged(const QString &room);
    // What the client knows of the room's rules changed (a look, or a rule turned on or off).
    void rulesChanged(const QString &room);

private:
    RoomState *find(const QString &room) const;
    RoomState *add(const QString &room);

    QList<RoomState *> m_rooms;
    QString m_current;
};
