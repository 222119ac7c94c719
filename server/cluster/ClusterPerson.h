// SPDX-License-Identifier: MIT
#pragma once

#include <QByteArray>
#include <QList>
#include <QString>

// A person as their node tells the others of them (docs/CLUSTER.md, "People across nodes"):
// their whole state, so that a node that missed a change catches up with the next one, and
// what the change was, so that it can be told the way it happened.
struct ClusterPerson
{
    quint64 id = 0;      // User::personId(): unique across the nodes
    quint64 version = 0; // the node's count of changes: a later change has a higher one
    QString nick;
    QString account; // key, or empty
    bool away = false;
    QString awayText;
    QList<qint64> rooms;       // ids, in the order entered
    bool reconnecting = false; // no connection carries them: their place is held (User)
    bool invisible = false;    // User::isInvisible()
    // The change: the nickname before it (a rename), why the rooms no longer in rooms were
    // left or, with gone, why the person ended.
    QString previousNick;
    QString reason;
    bool gone = false;
    // With gone: the person did not end but moved to this node (their resume reached it), so
    // the others move them there without telling anyone they left (ClusterHandover).
    QByteArray movedTo;

    bool operator==(const ClusterPerson &) const = default;
};

// What a node's list of its people in the engine held when it was read.
struct NodePeople
{
    QByteArray node;
    QByteArray owner; // "<node>:<epoch>" of the lease the list was written under
    // False when the node holds a lease but has not written its list under it yet (it just
    // started or came back): its people are as they were until it has.
    bool written = false;
    quint64 version = 0;
    QList<ClusterPerson> people;
};
