// SPDX-License-Identifier: MIT
#pragma once

#include "core/BroadcastBatch.h"
#include "core/MaskList.h"
#include "core/RoomModes.h"
#include "core/RoomRoles.h"

#include <QDateTime>
#include <QList>
#include <QObject>
#include <QSet>

class Endpoint;
class Event;
class SharedRenderings;
class User;
struct RemotePerson;

// A room: its name, its topic and its members. Everything said in a room goes through
// broadcast(), which renders the event once per distinct rendering and shares the bytes among
// every connection of every member.
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
    // id: the store's id of the room.
    Room(qint64 id, const QString &name, qsizetype presenceLimit, QObject *parent = nullptr);

    qint64 id() const { return m_id; }
    QString name() const { return m_name; }
    QString topic() const { return m_topic; }
    QString topicSetter() const { return m_topicSetter; }
    // When the topic was set (UTC), and when the room was made; null when not known.
    QDateTime topicTime() const { return m_topicTime; }
    QDateTime created() const { return m_created; }
    void setCreated(const QDateTime &created) { m_created = created; }
    // This node's members (on a node of a cluster, the others' are remoteMembers()).
    const QList<User *> &members() const { return m_members; }
    const QList<RemotePerson *> &remoteMembers() const { return m_remote; }
    qsizetype memberCount() const { return m_members.size() + m_remote.size(); }
    // Its owner, operators and the muted (an unregistered member's role ends as they leave).
    RoomRoles &roles() { return m_roles; }
    const RoomRoles &roles() const { return m_roles; }
    // Who may not enter it (see BanMask).
    MaskList &bans() { return m_bans; }
    const MaskList &bans() const { return m_bans; }
    // Who enters it without an invitation when it is invite-only.
    MaskList &allowed() { return m_allowed; }
    const MaskList &allowed() const { return m_allowed; }
    // Who its bans do not keep out.
    MaskList &exempted() { return m_exempted; }
    const MaskList &exempted() const { return m_exempted; }
    // Its rules (invite-only, topic lock, registered only) and invitations.
    RoomModes &modes() { return m_modes; }
    const RoomModes &modes() const { return m_modes; }
    bool isCrowded() const { return memberCount() > m_presenceLimit; }
    // A new limit (a reload); programs get a fresh member list if the room became crowded or
    // stopped being so.
    void setPresenceLimit(qsizetype presenceLimit);
    // The users event: how many are here and their names and flags (the first presenceLimit);
    // withDetails: their Event::details too (for IRC's WHO #room).
    Event usersEvent(bool withDetails = false) const;

    // The sequence number of the room's last committed line: every line up to it is in the
    // store, and every later one reaches the members when it is committed.
    quint64 lastSeq() const { return m_lastSeq; }
    void setLastSeq(quint64 seq) { m_lastSeq = std::max(m_lastSeq, seq); }

    void setTopic(const QString &topic, const QString &setter, const QDateTime &time);

    // A room being stored: its name is taken, but nobody can see or enter it yet.
    bool isPending() const { return m_pending; }
    void setPending(bool pending) { m_pending = pending; }

    // Adds user and tells every member, the user's own connections included (the one that
    // sent the command, actor, with its label).
    void enter(User *user, const Endpoint *actor = nullptr, const QString &label = {});
    // Removes user and tells the others why; tells the user's connections too when they are
    // there to read it (a leave or a move) rather than gone.
    // words: the person's own, if they gave some.
    void leave(User *user, const QString &reason, bool tellLeaver, const Endpoint *actor = nullptr,
               const QString &label = {}, const QString &words = {});
    // Removes user, who leaves every room at once (logged out, lost), and tells the others as
    // leave() does, but an IRC connection only once however many of the rooms it shares with
    // them (IRC says QUIT, not a PART per channel): toldIrc holds those told so far.
    void quit(User *user, const QString &reason, const QString &words,
              QSet<const Endpoint *> &toldIrc);
    // Removes user without telling anyone (the server is going down).
    void remove(User *user);
    // Tells the others that user's connection dropped ("reconnecting") or came back ("back"),
    // or that they went away (with awayText) or are here again (Event::presence). IRC's AWAY
    // names no channel: with toldIrc, an IRC connection already in it is not told again (the
    // caller announces in each of the person's rooms).
    void announcePresence(const User *user, const QString &state, const QString &awayText = {},
                          QSet<const Endpoint *> *toldIrc = nullptr);

    // A person on another node entered or left the room, or went away or came back: this
    // node's members are told as they would be of one of their own (RemotePeople).
    void enterRemote(RemotePerson *person);
    // toldIrc: as quit()'s, when they leave every room at once.
    void leaveRemote(RemotePerson *person, const QString &reason,
                     QSet<const Endpoint *> *toldIrc = nullptr);
    void announceRemotePresence(const RemotePerson *person, const QString &state,
                                const QString &awayText);
    // A person who moved between nodes (a resume through another node) is put in or taken out
    // of the member list without telling anyone: to the others they never left. (enter() and
    // the remote moves are these and the telling.) unplaceRemote: false if not a member.
    void place(User *user);
    void placeRemote(RemotePerson *person);
    bool unplaceRemote(RemotePerson *person);

    // Sends event to every connection of every member; actor's connections (may be null) read
    // it in the "You ..." form, and its connection actorEndpoint with actorLabel.
    // While a BroadcastBatch is gathering, the event joins it and goes with the room's other
    // lines committed together.
    void broadcast(const Event &event, const User *actor, const Endpoint *actorEndpoint = nullptr,
                   const QString &actorLabel = {});
    // BroadcastBatch's: lines of this room, in order, sent as broadcast() sends each, except
    // that a member who said none of them is handed them all at once.
    void broadcastLines(const QList<BroadcastBatch::Line> &lines);

    // User calls these as a member's connection comes or goes.
    void attached(User *member, Endpoint *endpoint);
    void detached(Endpoint *endpoint);

signals:
    void entered(const QString &nick);
    void left(const QString &nick, const QString &reason);

private:
    struct Arrival
    {
        const User *user;
        QString nick;
    };
    void announceArrivals();
    void broadcastLine(const Event &event, const User *actor, const Endpoint *actorEndpoint,
                       const QString &actorLabel);
    // broadcast()'s part for the actor's own connections, which read "You ...".
    void sendToActor(const Event &event, const User *actor, SharedRenderings &shared,
                     const Endpoint *actorEndpoint, const QString &actorLabel);
    // Sends the member list to the tagged connections, except those of the users in skip.
    void sendUsersToPrograms(const QSet<const User *> &skip = {});
    // Takes a member out (their rooms, the readers, the roles); false if user was none.
    bool takeOut(User *user, const QString &reason);
    // event to every member but skip, to an IRC connection only if not in toldIrc (if given).
    void tellMembers(const Event &event, const User *skip, QSet<const Endpoint *> *toldIrc);
    // announcePresence() for nick, told to every member but skip.
    void tellPresence(const User *skip, const QString &nick, const QString &state,
                      const QString &awayText, QSet<const Endpoint *> *toldIrc);
    // After a member of another node came or went: the crowding change, or news, as leave()
    // and announceArrivals() tell this node's own.
    void tellRemoteChange(const Event &news);

    qint64 m_id;
    QString m_name;
    qsizetype m_presenceLimit;
    bool m_wasCrowded = false; // as the members last heard
    QString m_topic;
    QString m_topicSetter;
    QDateTime m_topicTime;
    QDateTime m_created;
    quint64 m_lastSeq = 0;
    bool m_pending = false;
    QList<User *> m_members;
    QList<RemotePerson *> m_remote; // RemotePeople's; listed after this node's own
    // Every connection of every member, with its member: what broadcast() walks, one flat list
    // instead of each member's User and its list of endpoints (two dependent cache misses per
    // member and line in W1's fan-out, docs/PERFORMANCE.md).
    struct Reader
    {
        User *member;
        Endpoint *endpoint;
    };
    QList<Reader> m_readers;
    RoomRoles m_roles;
    MaskList m_bans;
    MaskList m_allowed;
    MaskList m_exempted;
    RoomModes m_modes;
    QList<Arrival> m_arrivals; // entered, not yet announced to the others
};
