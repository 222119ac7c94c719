// SPDX-License-Identifier: MIT
#pragma once

#include "store/StoredRoomRule.h"

#include <QHash>
#include <QList>

class Room;
class Store;

// Every act of moderation in a room (who, what, to whom, when, why): written through the
// store (its writer thread, never the event loop), and the newest Store::ModerationKept of
// each room kept in memory too, for `modlog`, which therefore never waits for a read.
class ModerationLog
{
public:
    // Takes the newest acts the store found at open().
    explicit ModerationLog(Store &store);

    void record(const Room *room, const QString &actor, const QString &act, const QString &target,
                const QString &detail);
    // The newest count acts of room, oldest first.
    QList<StoredModeration> latest(const Room *room, int count) const;

private:
    Store &m_store;
    QHash<qint64, QList<StoredModeration>> m_byRoom; // oldest first
};
