// SPDX-License-Identifier: MIT
#pragma once

#include "core/RoomRoles.h"

class Clock;
class Directory;
class Room;
class Store;
class User;

// Keeps the roles and mutes of registered people across restarts: writes each change through
// the store and, at start-up, puts what was kept back into the rooms. An unregistered
// person's roles and mutes are not written: they are known by a person id, which never comes
// back after a restart.
//
// Times: RoomRoles counts on the server's monotonic clock, which starts again at a reboot;
// the store keeps the wall-clock end, and restore() turns it back into the time left.
class RoomRuleKeeper
{
public:
    RoomRuleKeeper(Store &store, const Clock &clock);

    // At start-up, once the rooms are in directory: their kept roles and running mutes.
    void restore(Directory &directory) const;

    void setRole(const Room *room, const User *user, RoomRoles::Role role);
    // untilMs on the server's clock; 0: until unmuted.
    void mute(const Room *room, const User *user, qint64 untilMs, const QString &setter);
    void unmute(const Room *room, const User *user);

private:
    static void written(const QString &error);

    Store &m_store;
    const Clock &m_clock;
};
