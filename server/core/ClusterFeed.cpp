// SPDX-License-Identifier: MIT
#include "core/ClusterFeed.h"

#include "cluster/Bus.h"
#include "cluster/RedisBus.h"
#include "config/ServerLog.h"
#include "core/Directory.h"
#include "core/MessageLog.h"
#include "core/Room.h"
#include "core/User.h"
#include "store/Store.h"

#include <QPointer>

using namespace Qt::StringLiterals;

ClusterFeed::ClusterFeed(Bus &bus, Store &store, Directory &directory, MessageLog &log,
                         QObject *parent)
    : QObject(parent)
    , m_store(store)
    , m_directory(directory)
    , m_log(log)
    , m_sequence(store, directory,
                 [this](Room *room, const StoredMessage &line) { show(room, line, {}); })
    , m_presence(bus, directory)
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
    using Type = ClusterEvent::Type;
    if (event.type == Type::Room) {
        if (!event.removed)
            return addRoom(event.room);
        if (Room *room = m_directory.roomById(event.room.id))
            removeRoom(room);
        return;
    }
    if (event.type == Type::Person || event.type == Type::People)
        return m_presence.arrived(event);
    // What the command processor carries out. This node did its own as it stored them, asks
    // no one but itself for its own tokens, and told its own people.
    const QByteArray node = RedisBus::nodeOf(event.origin);
    const bool elsewhere = !node.isEmpty() && node != m_nodeId;
    switch (event.type) {
    case Type::Sanction:
    case Type::Role:
    case Type::Moderation:
    case Type::Account:
        if (elsewhere)
            emit storedElsewhere(event);
        return;
    case Type::ResumeAsk:
    case Type::ResumeGive:
        if (elsewhere)
            emit resumeElsewhere(event);
        return;
    case Type::Notice:
    case Type::Wallops:
    case Type::Disconnect:
        if (elsewhere)
            emit administeredElsewhere(event);
        return;
    case Type::Tags:
        if (elsewhere)
            showTags(event.message, event.account);
        return;
    case Type::Line:
    case Type::Mark:
        break;
    case Type::Room:
    case Type::Person:
    case Type::People:
        return; // taken above
    }
    if (event.message.roomId == 0)
        return deliver(event.message, event.account);
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
        room->setTopic(line.text, line.sender, line.time);
    Event event = m_log.eventFor(line);
    event.accounts = {account};
    room->broadcast(event, nullptr);
}

void ClusterFeed::resync(const QByteArray &owner)
{
    m_nodeId = RedisBus::nodeOf(owner);
    m_presence.resync(owner);
    // A room committed here is in what the store reads from now on; one still being stored is
    // not asked about.
    QSet<qint64> known;
    for (const Room *room : m_directory.rooms()) {
        if (!room->isPending())
            known.insert(room->id());
    }
    m_store.readRooms([this, alive = QPointer<ClusterFeed>(this), known](const RoomsPage &page) {
        if (alive)
            catchUpRooms(known, page);
    });
}

void ClusterFeed::catchUpRooms(const QSet<qint64> &known, const RoomsPage &page)
{
    if (!page.error.isEmpty()) {
        // The next resync reads them again; lines and people do not wait for it.
        qCWarning(lcServer, "cluster: cannot read the rooms: %s", qUtf8Printable(page.error));
        return;
    }
    QSet<qint64> stored;
    for (const StoredRoom &room : page.rooms) {
        stored.insert(room.id);
        if (m_directory.roomById(room.id))
            continue;
        addRoom(room);
        if (Room *added = m_directory.roomById(room.id)) {
            added->setLastSeq(room.lastSeq);
            added->setTopic(room.topic, room.topicSetter, room.topicTime);
        }
    }
    for (qint64 id : known) {
        if (stored.contains(id))
            continue;
        if (Room *room = m_directory.roomById(id))
            removeRoom(room);
    }
}

void ClusterFeed::deliver(const StoredMessage &line, const QString &account)
{
    User *recipient = m_directory.user(line.recipient);
    // The name may be someone else's here by now: the person is who it was sent to.
    if (!recipient || recipient->personId() != line.recipientPerson)
        return;
    m_log.privateArrived(line.id);
    Event event = m_log.eventFor(line);
    event.accounts = {account};
    recipient->send(event);
}

void ClusterFeed::showTags(const StoredMessage &tags, const QString &account)
{
    if (tags.roomId != 0) {
        if (Room *room = m_directory.roomById(tags.roomId))
            room->broadcast(m_log.tagsEventFor(tags, account), nullptr);
        return;
    }
    User *recipient = m_directory.user(tags.recipient);
    if (recipient && recipient->personId() == tags.recipientPerson)
        recipient->send(m_log.tagsEventFor(tags, account));
}

void ClusterFeed::removeRoom(Room *room)
{
    if (room == m_directory.hall())
        return;
    // Closed on another node: its members here are told of it by the act (Moderation), which
    // came first, and leave as that node's did.
    const QList<User *> members = room->members();
    for (User *member : members)
        room->leave(member, u"close"_s, true);
    qCInfo(lcServer, "room %s deleted on another node", qUtf8Printable(room->name()));
    m_directory.removeRoom(room);
}

void ClusterFeed::addRoom(const StoredRoom &room)
{
    if (m_directory.roomById(room.id) || m_directory.roomLike(room.name))
        return;
    m_directory.addRoom(room.id, room.name)->setCreated(room.created);
    qCInfo(lcServer, "room %s made on another node", qUtf8Printable(room.name));
}
