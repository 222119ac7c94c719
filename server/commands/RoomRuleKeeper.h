// SPDX-License-Identifier: MIT
#pragma once

#include "core/MaskList.h"
#include "core/RoomModes.h"
#include "core/RoomRoles.h"
#include "store/StoredRoomRule.h"

#include <functional>

class Bus;
class Clock;
class Directory;
class Room;
class Store;
class User;

// Keeps the roles, mutes and invitations of registered people, every ban and allowance and the
// rooms' rules across restarts: writes each
// change through the store and, at start-up, puts what was kept back into the rooms. An
// unregistered person's roles and mutes are not written: they are known by a person id, which
// never comes back after a restart.
//
// On a node of a cluster each change is published once stored (an unregistered person's at
// once, as it is not stored), and the other nodes' changes are applied to the rooms here as they
// arrive (apply()): every node knows everyone's role in a room, whichever node they are on.
//
// Times: RoomRoles counts on the server's monotonic clock, which starts again at a reboot;
// the store keeps the wall-clock end, and restore() turns it back into the time left.
class RoomRuleKeeper
{
public:
    RoomRuleKeeper(Store &store, const Clock &clock);

    // At start-up, once the rooms are in directory: their kept roles, and the mutes and bans
    // still running; those that ended while the server was down are deleted from the store.
    void restore(Directory &directory) const;
    // Publishes every change stored from now on (null: none).
    void setBus(Bus *bus) { m_bus = bus; }
    // What another node stored (removed: deleted) into room, as restore() puts it back.
    void apply(Room *room, const StoredSanction &sanction, bool removed) const;
    void apply(Room *room, const StoredRole &role, bool removed) const;

    // The person is known by key (RoomRoles::keyOf()).
    void setRole(const Room *room, const QString &key, RoomRoles::Role role);
    // untilMs on the server's clock; 0: until unmuted.
    void mute(const Room *room, const QString &key, qint64 untilMs, const QString &setter);
    void unmute(const Room *room, const QString &key);
    // A voice (kept when it is an account's); taken back by ended() with Kind::Voice.
    void voice(const Room *room, const QString &key, const QString &setter);
    // value: a limit's or a key's (RoomModes::value()), kept as the rule's reason.
    void setRule(const Room *room, RoomModes::Rule rule, bool on, const QString &setter,
                 const QString &value = {});
    // An invitation of the person known by key (kept when it is an account's); ended() with
    // Kind::Invite once it is used.
    void invite(const Room *room, const QString &key, const QString &setter);
    // A ban (kind Ban), an allowance (kind Allow) or an exemption (kind Exempt) of a mask, kept
    // whatever the mask: a nick, an account and an address all mean the same after a restart.
    // Lifted by ended().
    void addMask(const Room *room, StoredSanction::Kind kind, const MaskList::Entry &entry);
    // A timed mute or ban ended, or a mask was lifted: its row goes. mask: a mute's RoomRoles key
    // (only an account key was ever written), the mask text of a ban, allowance or exemption.
    void ended(const Room *room, StoredSanction::Kind kind, const QString &mask);

private:
    // The wall-clock time of untilMs on the server's clock (0: invalid, for good).
    QDateTime wallTime(qint64 untilMs) const;
    // The store's answer to a change: published once stored.
    std::function<void(const QString &)> written(const StoredSanction &sanction, bool removed);
    std::function<void(const QString &)> written(const StoredRole &role, bool removed);
    // invite()'s and voice()'s: a right of one person in the room, stored when it is an
    // account's, told to the other nodes either way.
    void keep(const Room *room, StoredSanction::Kind kind, const QString &key,
              const QString &setter);
    // An unregistered person's change, not stored: told to the other nodes at once.
    void tell(const StoredSanction &sanction, bool removed);
    void tell(const StoredRole &role, bool removed);
    static void warn(const QString &error);
    // restore()'s and apply()'s part: sanction into room; untilMs on the server's clock.
    static void put(Room *room, const StoredSanction &sanction, qint64 untilMs);
    // The room's list a ban, an allowance or an exemption goes in (kind Ban, Allow or Exempt).
    static MaskList &maskList(Room *room, StoredSanction::Kind kind);

    Store &m_store;
    Bus *m_bus = nullptr;
    const Clock &m_clock;
};
