// SPDX-License-Identifier: MIT
#include "commands/RoomExpiry.h"

#include "cluster/Bus.h"

#include "config/ServerConfig.h"
#include "config/ServerLog.h"
#include "core/Clock.h"
#include "core/Directory.h"
#include "core/Room.h"
#include "store/Store.h"

RoomExpiry::RoomExpiry(Directory &directory, Store &store, const ServerConfig &config,
                       const Clock &clock, QObject *parent)
    : QObject(parent)
    , m_directory(directory)
    , m_store(store)
    , m_config(config)
    , m_clock(clock)
{
    for (Room *room : directory.rooms())
        track(room);
    connect(&directory, &Directory::roomAdded, this, &RoomExpiry::track);
    connect(&directory, &Directory::roomRemoved, this,
            [this](Room *room) { m_emptySince.remove(room); });
    // Runs even while expiry is off: a reload may turn it on.
    connect(&m_timer, &QTimer::timeout, this, &RoomExpiry::sweep);
    m_timer.start(SweepIntervalMs);
}

void RoomExpiry::track(Room *room)
{
    connect(room, &Room::entered, this, [this, room] { m_emptySince.remove(room); });
    connect(room, &Room::left, this, [this, room] { emptied(room); });
    emptied(room);
}

void RoomExpiry::emptied(Room *room)
{
    if (room->members().isEmpty() && !m_emptySince.contains(room))
        m_emptySince.insert(room, m_clock.nowMs());
}

int RoomExpiry::sweep()
{
    if (m_config.roomIdleSeconds <= 0 || m_disabled)
        return 0;
    const qint64 dueBefore = m_clock.nowMs() - qint64(m_config.roomIdleSeconds) * 1000;
    QList<Room *> due;
    for (auto it = m_emptySince.cbegin(); it != m_emptySince.cend(); ++it) {
        Room *room = it.key();
        if (it.value() <= dueBefore && room != m_directory.hall() && !room->isPending() &&
            room->members().isEmpty())
            due.append(room);
    }
    for (Room *room : std::as_const(due)) {
        qCInfo(lcServer, "room %s expired: empty for %d s", qUtf8Printable(room->name()),
               m_config.roomIdleSeconds);
        remove(room);
    }
    return int(due.size());
}

void RoomExpiry::remove(Room *room)
{
    StoredRoom gone;
    gone.id = room->id();
    gone.name = room->name();
    gone.created = QDateTime::currentDateTimeUtc();
    m_store.deleteRoom(room->id(), [this, gone](const QString &error) {
        if (!error.isEmpty())
            qCWarning(lcServer, "room %s could not be deleted from the store: %s",
                      qUtf8Printable(gone.name), qUtf8Printable(error));
        else if (m_bus)
            m_bus->publish(ClusterEvent::deletedRoom(gone));
    });
    m_directory.removeRoom(room);
}
