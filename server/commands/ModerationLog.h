// SPDX-License-Identifier: MIT
#pragma once

#include "Event.h"
#include "store/StoredRoomRule.h"

#include <QHash>
#include <QList>

class Bus;
class Room;
class Store;
class User;

// Every act of moderation in a room (who, what, to whom, when, why): written through the
// store (its writer thread, never the event loop), and the newest Store::ModerationKept of
// each room kept in memory too, for `modlog`, which therefore never waits for a read. On a
// node of a cluster each act is published once logged, and the acts of the other nodes are
// remembered as they arrive.
class ModerationLog
{
public:
    // Takes the newest acts the store found at open().
    explicit ModerationLog(Store &store);

    // Logs what actor did and returns its announcement to the room (announcement()). together:
    // the changes of the one command it was among (pairs of target and detail) and place: its
    // place in them; empty when it was alone.
    Event record(const Room *room, const User *actor, const QString &act, const QString &target,
                 const QString &detail, const QStringList &together = {}, qint64 place = 0);
    // How an act is told to the room: the moderation event, with the actor's account (may be
    // empty) for IRC's account-tag, and together and place as its list and count (see
    // Event::Kind::Moderation), here and on the other nodes alike.
    static Event announcement(const QString &room, const StoredModeration &entry,
                              const QString &account, const QStringList &together = {},
                              qint64 place = 0);
    // Publishes every act logged from now on (null: none).
    void setBus(Bus *bus) { m_bus = bus; }
    // An act another node logged.
    void remember(const StoredModeration &entry);
    // The newest count acts of room, oldest first.
    QList<StoredModeration> latest(const Room *room, int count) const;

private:
    Store &m_store;
    Bus *m_bus = nullptr;
    QHash<qint64, QList<StoredModeration>> m_byRoom; // oldest first
};
