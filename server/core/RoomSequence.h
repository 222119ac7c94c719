// SPDX-License-Identifier: MIT
#pragma once

#include "store/StoredMessage.h"

#include <QObject>
#include <unordered_map>

#include <functional>
#include <map>
#include <memory>

class Directory;
class QTimer;
class Room;
class Store;

// One order for a room's lines on every node of a cluster: the order of their sequence
// numbers, which the shared store gives in commit order. A node shows a line only once it has
// shown every earlier line of the room, its own lines as much as the others'. A line that
// arrives early waits for the missing ones; if they do not arrive within the gap wait (their
// node died between its commit and its publish, or a subscription dropped), they are read
// from the store, which has every line. So no member on any node sees two lines in an order
// other members do not, and none misses a line that anyone saw.
//
// A single server has no use for it: its own commits come in order.
class RoomSequence : public QObject
{
    Q_OBJECT

public:
    // How long a gap may wait for its lines before they are read from the store.
    static constexpr int DefaultGapWaitMs = 300;
    // Shows a line read from the store (it reached no one on this node yet).
    using ShowStored = std::function<void(Room *room, const StoredMessage &line)>;

    RoomSequence(Store &store, const Directory &directory, ShowStored showStored,
                 QObject *parent = nullptr);
    ~RoomSequence() override;

    void setGapWait(int ms) { m_gapWaitMs = ms; }

    // Line seq of room is committed: show runs once every earlier line of the room was shown,
    // at once when none is missing. Ignored when the room showed seq already (a node hears its
    // own lines back) or holds it (the first to arrive is shown).
    void committed(Room *room, quint64 seq, std::function<void()> show);
    // The room's lines reach seq: what this node has not shown is read from the store unless it
    // arrives within the gap wait.
    void reaches(Room *room, quint64 seq);
    // Lines may have been missed in any room (a subscription dropped): reads every room's lines
    // after what it showed.
    void catchUp();

    // Rooms with lines waiting for a gap to close, for tests and the log.
    int waitingRooms() const { return int(m_waiting.size()); }

private:
    struct Waiting
    {
        std::map<quint64, std::function<void()>> lines; // by seq
        quint64 reaches = 0;
        bool reading = false;
        std::unique_ptr<QTimer> timer;
    };

    void drain(qint64 roomId);
    void fetch(qint64 roomId, quint64 upTo);
    void fetched(qint64 roomId, const HistoryPage &page, quint64 upTo);

    Store &m_store;
    const Directory &m_directory;
    ShowStored m_showStored;
    int m_gapWaitMs = DefaultGapWaitMs;
    std::unordered_map<qint64, Waiting> m_waiting; // by room id
};
