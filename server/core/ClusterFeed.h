// SPDX-License-Identifier: MIT
#pragma once

#include "core/PresenceFeed.h"
#include "core/RoomSequence.h"

#include <QObject>
#include <QSet>

class Bus;
class Directory;
class MessageLog;
class Room;
class Store;
struct ClusterEvent;
struct RoomsPage;
struct StoredMessage;
struct StoredRoom;

// What a node of a cluster does with what the nodes publish (docs/CLUSTER.md): a room's lines
// reach its members here in sequence order (RoomSequence, which this node's own commits go
// through too: MessageLog), a mark or a lost subscription makes it read what it missed from the
// store, a room made on another node joins the directory, a private message reaches its
// recipient here, and what the others' people do reaches this node's (PresenceFeed).
class ClusterFeed : public QObject
{
    Q_OBJECT

public:
    // log: publishes this node's commits on bus and orders them with the others' from now on.
    ClusterFeed(Bus &bus, Store &store, Directory &directory, MessageLog &log,
                QObject *parent = nullptr);
    ~ClusterFeed() override;

    RoomSequence &sequence() { return m_sequence; }
    // This node holds its lease, under owner, and is connected (again): what it tells the
    // others and what they told is brought up to date (PresenceFeed), the rooms made or closed
    // meanwhile are read from the store, and what it published itself is known by its origin
    // from now on.
    void resync(const QByteArray &owner);
    PresenceFeed &presence() { return m_presence; }

signals:
    // Another node stored a room's rule or role, logged an act of moderation or stored an
    // account (a Sanction, Role, Moderation or Account event): the command processor applies
    // it.
    void storedElsewhere(const ClusterEvent &event);
    // A resume reached another node with a token it did not issue (ResumeAsk), or the node
    // that issued it gives the person away (ResumeGive): ResumeHandover's.
    void resumeElsewhere(const ClusterEvent &event);
    // An administrator on another node told everyone something or disconnected a person
    // (a Notice, Wallops or Disconnect event): AdminCommands'.
    void administeredElsewhere(const ClusterEvent &event);

private:
    void arrived(const ClusterEvent &event);
    // A line this node did not commit, to the room's members here.
    void show(Room *room, const StoredMessage &line, const QString &account);
    // A room another node made; ignored when this node knows it, or holds its name for a room
    // of its own being stored (the store lets one of the two be made).
    void addRoom(const StoredRoom &room);
    // A room another node deleted (closed): this node's members leave it and it goes.
    void removeRoom(Room *room);
    // A private message another node committed, to its recipient if they are here.
    void deliver(const StoredMessage &line, const QString &account);
    // An IRC client's tags alone (TAGMSG) from another node's person: to the room's members
    // here, or to the person they went to if they are here.
    void showTags(const StoredMessage &tags, const QString &account);
    // The rooms as the store has them now: those this node does not know are added, and of
    // those it knew (committed) when it asked, the ones the store no longer has are closed.
    void catchUpRooms(const QSet<qint64> &known, const RoomsPage &page);

    Store &m_store;
    Directory &m_directory;
    MessageLog &m_log;
    RoomSequence m_sequence;
    PresenceFeed m_presence;
    QByteArray m_nodeId; // this node's name in the cluster, once it held a lease
};
