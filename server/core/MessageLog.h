// SPDX-License-Identifier: MIT
#pragma once

#include "Event.h"
#include "core/BroadcastBatch.h"
#include "metrics/ServerMetrics.h"
#include "store/Store.h"
#include "store/StoredMessage.h"

#include <QPointer>

#include <chrono>
#include <functional>
#include <vector>

class Bus;
class Directory;
class RoomSequence;
class Room;
class User;

// The way from something said to the store and back: a line is stored first and shown only
// once it is committed, so that nothing anyone saw can be lost (docs/PROTOCOL.md, "History").
// It turns stored lines into the events both renderings show. The lines of a room that the
// store commits together are broadcast together (BroadcastBatch), at the points the store names
// (Store::DeliveryListener), so that nothing else overtakes them.
class MessageLog : private Store::DeliveryListener
{
public:
    // Called on the event loop once the line is committed (error empty, event ready to show)
    // or could not be stored (error says why; nothing was kept).
    using Shown = std::function<void(const Event &event, const QString &error)>;

    // metrics counts the lines posted and times their fan-out.
    MessageLog(Store &store, const Directory &directory, ServerMetrics &metrics);
    ~MessageLog();
    MessageLog(const MessageLog &) = delete;
    MessageLog &operator=(const MessageLog &) = delete;

    // On a node of a cluster (ClusterFeed): every committed line and room is published on bus,
    // and a room's lines, this node's and the others', are shown in the order of their sequence
    // numbers (sequence). Without them a line is shown as soon as it is committed.
    void setCluster(Bus *bus, RoomSequence *sequence);

    // Stores a line of room: a message, an action or a topic (text empty: cleared), with the
    // IRC client-only tags it came with (Event::clientTags). The room's last sequence number
    // and topic follow the commit before shown runs.
    void postToRoom(Room *room, StoredMessage::Kind kind, const User *sender, const QString &text,
                    const QString &clientTags, Shown shown);
    // Stores a private message or note (kind) to the person toPerson, known as to; on a node
    // of a cluster, one to a person on another node is published for their node to show.
    void postPrivate(StoredMessage::Kind kind, const User *from, const QString &to,
                     quint64 toPerson, const QString &text, const QString &clientTags, Shown shown);
    // Stores a new room; done runs once it is committed (error empty) or refused.
    void createRoom(const StoredRoom &room, std::function<void(const QString &error)> done);

    // Runs then once every write made so far has been answered: a reply that must come after
    // the effects of a session's earlier lines (pong, a history page) waits for it.
    void afterWrites(std::function<void()> then);

    // The highest id of a committed private message: where a dropped connection's person
    // stands in their private messages.
    quint64 lastPrivateId() const { return m_lastPrivateId; }
    // Another node committed private message id to one of this node's people, who are shown
    // it now: history reaches it from now on.
    void privateArrived(quint64 id) { m_lastPrivateId = std::max(m_lastPrivateId, id); }

    // A msgid for what is shown and never stored (TAGMSG): "t<boot number>-<n>", unique across
    // restarts as the store's ids are, and never one that a CHATHISTORY reference finds.
    QString momentaryId();

    // The event a stored line is shown as (with its original time).
    Event eventFor(const StoredMessage &message) const;
    // The event of an IRC client's tags alone (ClusterEvent::tagged's fields: to the room of
    // roomId, or to recipient), from the person with account.
    Event tagsEventFor(const StoredMessage &tags, const QString &account) const;

    Store &store() const { return m_store; }
    const Directory &directory() const { return m_directory; }

private:
    void deliveryStarted() override;
    void deliveryInterrupted() override;
    void deliveryEnded() override;
    // Sends the lines gathered and times their fan-out.
    void sendGathered();
    void written();
    // A line of this node's, committed: shown runs with its event.
    void showCommitted(Room *room, const StoredMessage &stored, const QString &account,
                       const Shown &shown);

    Store &m_store;
    QPointer<Store> m_storeAlive;
    const Directory &m_directory;
    ServerMetrics &m_metrics;
    Bus *m_bus = nullptr;
    RoomSequence *m_sequence = nullptr;
    quint64 m_lastPrivateId = 0;
    quint64 m_momentary = 0; // momentary ids given
    qint64 m_writes = 0;     // made
    qint64 m_answered = 0;   // answered by the store, in the order made
    QList<std::pair<qint64, std::function<void()>>> m_waiting; // by the write count they wait for
    bool m_delivering = false; // in a run of the store's callbacks: room lines are gathered
    BroadcastBatch m_batch;
    std::vector<std::chrono::steady_clock::time_point> m_gatheredSince; // when each was known
};
