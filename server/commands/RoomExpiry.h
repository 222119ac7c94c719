// SPDX-License-Identifier: MIT
#pragma once

#include <QHash>
#include <QObject>
#include <QTimer>

class Bus;
class Clock;
class Directory;
class Room;
class Store;
struct ServerConfig;

// Rooms that nobody is in go away once they have been empty for --room-idle-time (a day by
// default), with their history: they are deleted from the store, so that they do not come back
// after a restart and a later room of the same name starts empty. The hall never goes. Rooms
// have no owners yet (there are no accounts); when they do, owned rooms will stay.
//
// A room counts as empty from when its last member left (someone whose connection dropped
// and whose place is held is still in it), or from when the server started. Checked once a
// minute (SweepIntervalMs), on a clock the tests control: tests call sweep() themselves.
class RoomExpiry : public QObject
{
    Q_OBJECT

public:
    static constexpr int SweepIntervalMs = 60 * 1000;

    RoomExpiry(Directory &directory, Store &store, const ServerConfig &config, const Clock &clock,
               QObject *parent = nullptr);

    // Removes the rooms that have been empty long enough; returns how many went.
    int sweep();
    // On a node of a cluster rooms do not expire: a room empty here may have members on
    // another node, which this one does not know of yet (docs/CLUSTER.md).
    void disable() { m_disabled = true; }
    // On a node of a cluster: a room deleted here is published on bus once the store deleted
    // it, so that the other nodes let it go too.
    void setBus(Bus *bus) { m_bus = bus; }
    // Removes room now, from the directory and with its history from the store (an
    // administrator closed it); nobody may be in it.
    void remove(Room *room);

private:
    void track(Room *room);
    void emptied(Room *room);

    Directory &m_directory;
    Bus *m_bus = nullptr;
    Store &m_store;
    const ServerConfig &m_config;
    const Clock &m_clock;
    QHash<Room *, qint64> m_emptySince; // on m_clock
    bool m_disabled = false;
    QTimer m_timer;
};
