// SPDX-License-Identifier: MIT
#pragma once

#include "cluster/ClusterEvent.h"

#include <QObject>

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

signals:
    // A line or mark published by some node, this one included.
    void arrived(const ClusterEvent &line);
    // Lines may have been missed (the subscription came back after a loss): every room must be
    // checked against the store.
    void missedLines();
};
