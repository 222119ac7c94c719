// SPDX-License-Identifier: MIT
#pragma once

#include "cluster/ClusterEvent.h"

#include <QHash>
#include <QObject>
#include <QTimer>

class Bus;
class Directory;
class User;

// Who is on which node of a cluster, and what they do (docs/CLUSTER.md, "People across
// nodes"). This node's people: every change to one of them (rooms, nickname, account, away)
// is published once per event-loop pass with their whole state, and their node's list in the
// engine follows. The others' people: their changes are applied in each node's order (its
// version count) to the directory's RemotePeople, which tells this node's members.
//
// A node whose changes this node may have missed (it is new here, took a new epoch, wrote its
// list again, or the bus was lost) is read from its list instead, its changes held back until
// the list is in. Presence belongs to a node's lease: the leases of the nodes this node knows
// people of are looked at every leaseWatchMs, and a node whose lease is gone has all its
// people leave, so that a node that died is seen to within its lease and one watch.
class PresenceFeed : public QObject
{
    Q_OBJECT

public:
    static constexpr int DefaultLeaseWatchMs = 1000;

    PresenceFeed(Bus &bus, Directory &directory, QObject *parent = nullptr);

    // This node holds its lease (now under owner) and is connected: its list is written again
    // and every other node's read, for whatever went by while it was not.
    void resync(const QByteArray &owner);
    // A Person or People event from the bus.
    void arrived(const ClusterEvent &event);
    void setLeaseWatchMs(int ms) { m_leaseWatch.setInterval(ms); }
    // One of this node's people as the others are told of them (no change, no version).
    static ClusterPerson stateOf(const User *user);

private:
    struct Node
    {
        QByteArray owner; // the lease owner its state here was read under; empty: unknown
        quint64 version = 0;
        bool reading = false;
        QList<ClusterEvent> waiting; // changes that came while its list was being read
    };

    void watch(User *user);
    void changed(User *user, const QString &why);
    void ended(quint64 id);
    // The person goes on on node: the others move them there, and nothing more is told of
    // them from here.
    void movedAway(User *user, const QByteArray &node);
    void flush();
    void read(const QByteArray &node);
    void readAll();
    void readDone(const QByteArray &asked, bool ok, const QList<NodePeople> &lists);
    void apply(const QByteArray &node, Node &state, const ClusterEvent &event);
    void forget(const QByteArray &node);
    void checkLeases();

    Bus &m_bus;
    Directory &m_directory;
    QByteArray m_owner;
    QByteArray m_nodeId;
    quint64 m_version = 0;
    QHash<User *, QString> m_dirty;            // changed since the last flush, with a leave's why
    QHash<quint64, ClusterPerson> m_published; // this node's people as last told, by id
    QHash<QByteArray, Node> m_nodes;           // the other nodes, by id
    QTimer m_leaseWatch;
};
