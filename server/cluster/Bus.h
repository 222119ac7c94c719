// SPDX-License-Identifier: MIT
#pragma once

#include "cluster/ClusterEvent.h"

#include <QObject>

#include <functional>

// How the nodes of a cluster hear each other's committed lines: one publish per line (never
// per recipient), which every node receives, its own included, and fans out to its own
// members. A bus gives no order and may lose lines (a node that died between its commit and
// its publish, a subscription that dropped): the store has every line, and sequence numbers
// tell a node what it is missing (RoomSequence).
//
// RedisBus carries it through Redis (tests/cluster/tst_clusterchat); what a node does with what
// arrives is RoomSequence's, tested without a bus (tst_roomsequence).
class Bus : public QObject
{
    Q_OBJECT

public:
    using QObject::QObject;

    // Tells the other nodes of a committed line. Never fails in the caller's face: a line the
    // bus could not send is announced by a mark once it can again.
    virtual void publish(const ClusterEvent &line) = 0;

    // People (docs/CLUSTER.md, "People across nodes"): each node keeps the list of its people
    // in the engine, under its lease, and tells the others of every change to it, so that a
    // node that starts or lost the bus reads the lists instead of waiting for changes.
    //
    // One of this node's people changed (or, with gone, ended): their entry in the node's list
    // is written and the change published, in one step. Nothing happens while the node does
    // not hold its lease (it writes its whole list again once it does).
    virtual void publishPerson(const ClusterPerson &person) = 0;
    // Writes the node's whole list again, at version, and tells the others to read it.
    virtual void publishPeople(const QList<ClusterPerson> &people, quint64 version) = 0;
    // Reads the lists of node (or, empty, of every node with a live lease); ok false when the
    // engine could not be asked. A list left by a node whose lease is gone is not returned.
    using PeopleRead = std::function<void(bool ok, const QList<NodePeople> &lists)>;
    virtual void readPeople(const QByteArray &node, PeopleRead done) = 0;
    // The lease owner ("<node>:<epoch>") of each of nodes now, or an empty one for a node
    // whose lease is gone; ok false when the engine could not be asked.
    using LeasesRead = std::function<void(bool ok, const QList<QByteArray> &owners)>;
    virtual void readLeases(const QList<QByteArray> &nodes, LeasesRead done) = 0;

signals:
    // A line or mark published by some node, this one included.
    void arrived(const ClusterEvent &line);
    // Lines may have been missed (the subscription came back after a loss): every room must be
    // checked against the store.
    void missedLines();
};
