// SPDX-License-Identifier: MIT
#pragma once

#include "Event.h"
#include "MemberFlags.h"
#include "RoomRules.h"

#include <QObject>
#include <QStringList>

#include <initializer_list>

// What the client knows about one room it is in, kept current from the server's events: its
// topic, its rules (as far as a look or a rule change told them), the people in it and their
// flags (owner, operator, muted, away, reconnecting), which
// moderation and presence events keep current between two users lists. In a crowded room the server
// names only some of them and stops announcing arrivals and departures: users() is then partial and
// userCount() is the number the server last gave.
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
    // The flags of a person in the room (none when unknown).
    MemberFlags flags(const QString &nick) const;
    const MemberFlagsMap &allFlags() const { return m_flags; }
    RoomRules rules() const { return m_rules; }

    // Applies a join, leave, topic, users, rules, presence or moderation event of this room
    // (others are ignored) or anyone's nick change; self says the event's nick is ours.
    void apply(const Event &event, bool self);

signals:
    void topicChanged(const QString &topic);
    void usersChanged(const QStringList &users);
    void userCountChanged(qsizetype count);
    void flagsChanged();
    void rulesChanged();

private:
    void setTopic(const QString &topic);
    void setUsers(const QStringList &users);
    void setUsers(const QStringList &users, qsizetype count);
    void setFlags(const MemberFlagsMap &flags);
    void setRules(const RoomRules &rules);
    void changeFlags(const QString &nick, std::initializer_list<bool MemberFlags::*> fields,
                     bool on);

    QString m_room;
    QString m_topic;
    QStringList m_users;
    qsizetype m_userCount = 0;
    MemberFlagsMap m_flags; // only people with a flag
    RoomRules m_rules;
};
