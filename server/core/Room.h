// SPDX-License-Identifier: MIT
#pragma once

#include <QList>
#include <QObject>
#include <QSet>

class Event;
class Session;

// A room: its name, its topic and its members. Everything said in a room goes through
// broadcast(), which renders the event once per distinct rendering and shares the bytes.
//
// A room with more than presenceLimit members is crowded: arrivals and departures are no
// longer announced and the member list names only the first presenceLimit members. Telling
// each of N people about each of N others costs N squared lines, which is what made a hall of
// ten thousand take seconds to fill; in a crowded room nobody reads them anyway. Programs
// (tagged sessions) get a fresh member list when the room becomes crowded and when it stops
// being so, so that their lists are never silently wrong.
class Room : public QObject
{
    Q_OBJECT

public:
    Room(const QString &name, qsizetype presenceLimit, QObject *parent = nullptr);

    QString name() const { return m_name; }
    QString topic() const { return m_topic; }
    QString topicSetter() const { return m_topicSetter; }
    const QList<Session *> &members() const { return m_members; }
    bool isCrowded() const { return m_members.size() > m_presenceLimit; }
    // The users event: how many are here and their names (the first presenceLimit of them).
    Event usersEvent() const;

    void setTopic(const QString &topic, const QString &setter);

    // Adds session and tells every member, session included (with label, its command's).
    void enter(Session *session, const QString &label);
    // Removes session and tells the others why; tells session too when it is still there to
    // read it (it moves to another room) rather than gone.
    void leave(Session *session, const QString &reason, bool tellLeaver, const QString &label = {});
    // Removes session without telling anyone (the server is going down).
    void remove(Session *session);

    // Sends event to every member; actor (may be null) reads it in the "You ..." form.
    void broadcast(const Event &event, const Session *actor, const QString &actorLabel = {});

signals:
    void entered(const QString &nick);
    void left(const QString &nick, const QString &reason);

private:
    struct Arrival
    {
        const Session *session;
        QString nick;
    };
    void announceArrivals();
    // Sends the member list to the tagged members, except those in skip.
    void sendUsersToPrograms(const QSet<const Session *> &skip = {});

    QString m_name;
    qsizetype m_presenceLimit;
    bool m_wasCrowded = false; // as the members last heard
    QString m_topic;
    QString m_topicSetter;
    QList<Session *> m_members;
    QList<Arrival> m_arrivals; // entered, not yet announced to the others
};
