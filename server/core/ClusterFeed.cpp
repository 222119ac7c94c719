// SPDX-License-Identifier: MIT
#include "core/ClusterFeed.h"

#include "cluster/Bus.h"
#include "config/ServerLog.h"
#include "core/Directory.h"
#include "core/MessageLog.h"
#include "core/Room.h"

#include <QPointer>

ClusterFeed::ClusterFeed(Bus &bus, Store &store, Directory &directory, MessageLog &log,
                         QObject *parent)
    : QObject(parent)
    , m_directory(directory)
    , m_log(log)
    , m_sequence(store, directory,
                 [this](Room *room, const StoredMessage &line) { show(room, line, {}); })
{
    m_log.setCluster(&bus, &m_sequence);
    connect(&bus, &Bus::arrived, this, &ClusterFeed::arrived);
    connect(&bus, &Bus::missedLines, this, [this] { m_sequence.catchUp(); });
}

ClusterFeed::~ClusterFeed()
{
    m_log.setCluster(nullptr, nullptr);
}

void ClusterFeed::arrived(const ClusterEvent &event)
{
    if (event.type == ClusterEvent::Type::Room)
        return addRoom(event.room);
    if (event.message.roomId == 0)
        return; // private messages across nodes: not yet (docs/CLUSTER.md)
    Room *room = m_directory.roomById(event.message.roomId);
    if (!room)
        return;
    if (event.type == ClusterEvent::Type::Mark)
        return m_sequence.reaches(room, event.message.seq);
    m_sequence.committed(
        room, event.message.seq,
        [this, room = QPointer<Room>(room), line = event.message, account = event.account] {
            if (room)
                show(room, line, account);
        });
}

void ClusterFeed::show(Room *room, const StoredMessage &line, const QString &account)
{
    if (line.kind == StoredMessage::Kind::Topic)
        room->setTopic(line.text, line.sender);
    Event event = m_log.eventFor(line);
    event.accounts = {account};
    room->broadcast(event, nullptr);
}

void ClusterFeed::addRoom(const StoredRoom &room)
{
    if (m_directory.roomById(room.id) || m_directory.roomLike(room.name))
        return;
    m_directory.addRoom(room.id, room.name);
    qCInfo(lcServer, "room %s made on another node", qUtf8Printable(room.name));
}
