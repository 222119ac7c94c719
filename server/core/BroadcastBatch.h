// SPDX-License-Identifier: MIT
#pragma once

#include "Event.h"

#include <QList>
#include <QPointer>
#include <QString>

#include <utility>

class Endpoint;
class Room;
class User;

// A room's lines that the store committed together, sent together: each member that did not say
// one of them is handed all of them at once (one call, bytes rendered once per rendering), where
// each line cost a call and two cache misses per member (docs/PERFORMANCE.md). Room::broadcast
// adds to the batch that is gathering, if one is; what is gathered goes, in order, when send()
// is called (by MessageLog, at the points the store names) or when a line of another room comes.
class BroadcastBatch
{
public:
    struct Line
    {
        Event event;
        const User *actor;
        const Endpoint *actorEndpoint;
        QString actorLabel;
    };

    BroadcastBatch() = default;
    BroadcastBatch(const BroadcastBatch &) = delete;
    BroadcastBatch &operator=(const BroadcastBatch &) = delete;
    ~BroadcastBatch() { send(); }

    // The batch Room::broadcast adds to: one while a Gathering is in scope, null otherwise.
    static BroadcastBatch *gathering() { return t_gathering; }
    class Gathering
    {
    public:
        explicit Gathering(BroadcastBatch &batch)
            : m_outer(std::exchange(t_gathering, &batch))
        {
        }
        ~Gathering() { t_gathering = m_outer; }
        Gathering(const Gathering &) = delete;
        Gathering &operator=(const Gathering &) = delete;

    private:
        BroadcastBatch *m_outer;
    };

    // After what it holds of another room has been sent.
    void add(Room *room, Line line);
    // Hands the room its lines; the batch is empty afterwards.
    void send();

private:
    static thread_local BroadcastBatch *t_gathering;

    QPointer<Room> m_room;
    QList<Line> m_lines;
};
