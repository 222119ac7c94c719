// SPDX-License-Identifier: MIT
#pragma once

#include "cluster/ClusterPerson.h"

#include <QByteArray>
#include <QList>

#include <utility>

// A person moving from the node that holds them to the node their resume reached
// (docs/CLUSTER.md, "Resume through another node"). The asking node publishes an ask with the
// digest of the resume token it was given; the node that issued that token gives the person
// away with everything the asking node needs to carry on: their state as the others know it,
// where each room stood when their connection dropped, and their roles in rooms.
struct ClusterHandover
{
    quint64 ask = 0;  // the asking node's number for its ask, random: answers name it
    QByteArray token; // ResumeTokens' digest of the token (never the token itself)
    // The answer only: the person (reconnecting when no connection carried them), ...
    ClusterPerson person;
    // ... the sequence number each of their rooms had reached when they dropped, the private
    // messages' id then, and their role in rooms where they have one (RoomRoles::Role).
    QList<std::pair<qint64, quint64>> seqsAtDrop;
    quint64 privateIdAtDrop = 0;
    QList<std::pair<qint64, int>> roles;

    bool operator==(const ClusterHandover &) const = default;
};
