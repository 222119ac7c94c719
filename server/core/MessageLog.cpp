// SPDX-License-Identifier: MIT
#include "core/MessageLog.h"

#include "cluster/Bus.h"
#include "core/Directory.h"
#include "core/Room.h"
#include "core/RoomSequence.h"
#include "core/User.h"
#include "store/Store.h"

#include <QPointer>

#include <chrono>

using namespace Qt::StringLiterals;

namespace {

qint64 microsecondsSince(std::chrono::steady_clock::time_point start)
{
    return std::chrono::duration_cast<std::chrono::microseconds>(std::chrono::steady_clock::now() -
                                                                 start)
        .count();
}

} // namespace

MessageLog::MessageLog(Store &store, const Directory &directory, ServerMetrics &metrics)
    : m_store(store)
    , m_storeAlive(&store)
    , m_directory(directory)
    , m_metrics(metrics)
{
    m_store.setDeliveryListener(this);
}

MessageLog::~MessageLog()
{
    // The server may delete its store first (closed, so that no callback reaches in here).
    if (m_storeAlive)
        m_store.setDeliveryListener(nullptr);
}

void MessageLog::deliveryStarted()
{
    m_delivering = true;
}

void MessageLog::deliveryInterrupted()
{
    sendGathered();
}

void MessageLog::deliveryEnded()
{
    sendGathered();
    m_delivering = false;
}

void MessageLog::sendGathered()
{
    m_batch.send();
    for (const auto &known : m_gatheredSince)
        m_metrics.fanout.observe(microsecondsSince(known));
    m_gatheredSince.clear();
}

void MessageLog::setCluster(Bus *bus, RoomSequence *sequence)
{
    m_bus = bus;
    m_sequence = sequence;
}

void MessageLog::postToRoom(Room *room, StoredMessage::Kind kind, const User *sender,
                            const QString &text, const QString &clientTags, Shown shown)
{
    StoredMessage line;
    line.kind = kind;
    line.roomId = room->id();
    line.time = QDateTime::currentDateTimeUtc();
    line.sender = sender->nick();
    line.senderPerson = sender->personId();
    line.text = text;
    line.clientTags = clientTags;
    ++m_writes;
    ++m_metrics.messagesReceived;
    m_store.append(
        line, [this, room = QPointer<Room>(room), account = sender->account(),
               shown = std::move(shown)](const StoredMessage &stored, const QString &error) {
            written();
            if (!room)
                return;
            if (!error.isEmpty()) {
                shown({}, error);
                return;
            }
            if (!m_sequence) {
                room->setLastSeq(stored.seq);
                showCommitted(room, stored, account, shown);
                return;
            }
            m_bus->publish(ClusterEvent::line(stored, account));
            m_sequence->committed(room, stored.seq, [this, room, stored, account, shown] {
                if (room)
                    showCommitted(room, stored, account, shown);
            });
        });
}

void MessageLog::showCommitted(Room *room, const StoredMessage &stored, const QString &account,
                               const Shown &shown)
{
    // The fan-out: from here, the commit known on the event loop, to the broadcast queued for
    // every member (shown does it). The store's own latency is counted by the store.
    const auto committed = std::chrono::steady_clock::now();
    if (stored.kind == StoredMessage::Kind::Topic)
        room->setTopic(stored.text, stored.sender, stored.time);
    Event event = eventFor(stored);
    event.accounts = {account};
    // On a node of a cluster the room's sequence may release other nodes' lines from here,
    // broadcast as they come: this node's are not gathered ahead of them.
    if (!m_delivering || m_sequence) {
        shown(event, {});
        m_metrics.fanout.observe(microsecondsSince(committed));
        return;
    }
    // Its broadcast joins the room's other lines of this delivery; timed when they go.
    BroadcastBatch::Gathering gathering(m_batch);
    shown(event, {});
    m_gatheredSince.push_back(committed);
}

void MessageLog::postPrivate(StoredMessage::Kind kind, const User *from, const QString &to,
                             quint64 toPerson, const QString &text, const QString &clientTags,
                             Shown shown)
{
    StoredMessage line;
    line.kind = kind;
    line.time = QDateTime::currentDateTimeUtc();
    line.sender = from->nick();
    line.senderPerson = from->personId();
    line.recipient = to;
    line.recipientPerson = toPerson;
    line.text = text;
    line.clientTags = clientTags;
    ++m_writes;
    ++m_metrics.messagesReceived;
    m_store.append(line, [this, account = from->account(), shown = std::move(shown)](
                             const StoredMessage &stored, const QString &error) {
        written();
        if (!error.isEmpty()) {
            shown({}, error);
            return;
        }
        m_lastPrivateId = std::max(m_lastPrivateId, stored.id);
        if (m_bus && !m_directory.user(stored.recipient))
            m_bus->publish(ClusterEvent::line(stored, account));
        Event event = eventFor(stored);
        event.accounts = {account};
        shown(event, {});
    });
}

void MessageLog::createRoom(const StoredRoom &room, std::function<void(const QString &)> done)
{
    ++m_writes;
    m_store.createRoom(room, [this, room, done = std::move(done)](const QString &error) {
        written();
        if (error.isEmpty() && m_bus)
            m_bus->publish(ClusterEvent::madeRoom(room));
        done(error);
    });
}

void MessageLog::afterWrites(std::function<void()> then)
{
    if (m_answered == m_writes)
        then();
    else
        m_waiting.append({m_writes, std::move(then)});
}

void MessageLog::written()
{
    ++m_answered;
    // Runs after the write's own callback: what waited sees its effect.
    while (!m_waiting.isEmpty() && m_waiting.first().first <= m_answered) {
        auto then = std::move(m_waiting.first().second);
        m_waiting.removeFirst();
        QMetaObject::invokeMethod(&m_store, std::move(then), Qt::QueuedConnection);
    }
}

QString MessageLog::momentaryId()
{
    return u"t%1-%2"_s.arg(m_store.bootNumber()).arg(++m_momentary);
}

Event MessageLog::tagsEventFor(const StoredMessage &tags, const QString &account) const
{
    const Room *room = tags.roomId != 0 ? m_directory.roomById(tags.roomId) : nullptr;
    Event event = Event::tagMessage(tags.text, room ? room->name() : QString(), tags.sender,
                                    tags.recipient, tags.clientTags);
    event.accounts = {account};
    return event;
}

Event MessageLog::eventFor(const StoredMessage &message) const
{
    const Room *room = m_directory.roomById(message.roomId);
    const QString roomName = room ? room->name() : QString();
    Event event;
    switch (message.kind) {
    case StoredMessage::Kind::Message:
        event = Event::message(message.id, roomName, message.seq, message.sender, message.text);
        break;
    case StoredMessage::Kind::Action:
        event = Event::action(message.id, roomName, message.seq, message.sender, message.text);
        break;
    case StoredMessage::Kind::Topic:
        event =
            Event::topicChanged(message.id, roomName, message.seq, message.sender, message.text);
        break;
    case StoredMessage::Kind::Note:
        event = Event::note(message.id, roomName, message.seq, message.sender, message.text);
        break;
    case StoredMessage::Kind::Private:
        event = Event::privateMessage(message.id, message.sender, message.recipient, message.text);
        break;
    case StoredMessage::Kind::PrivateNote:
        event = Event::privateNote(message.id, message.sender, message.recipient, message.text);
        break;
    }
    event.time = message.time;
    event.clientTags = message.clientTags;
    return event;
}
