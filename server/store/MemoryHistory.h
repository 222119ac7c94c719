// SPDX-License-Identifier: MIT
#pragma once

#include "store/StoreOptions.h"
#include "store/StoredMessage.h"

#include <QHash>
#include <QList>

#include <map>
#include <set>
#include <utility>

// MemoryStore's data: rooms and lines in ordered maps that play the part of SqlStore's
// indexes (a room's lines by seq, private messages by person and id, everything by time),
// so that a page or a retention step costs what it does in SQL, and the same rules
// (StoreRules) decide what is refused, read and pruned.
class MemoryHistory
{
public:
    QList<StoredRoom> rooms() const;
    bool hasRoom(qint64 roomId) const { return m_rooms.contains(roomId); }

    // Empty on success; otherwise why nothing was kept.
    QString createRoom(StoredRoom room);
    // Removes a room and its lines.
    QString deleteRoom(qint64 roomId);
    // Gives message its id and, for a room line, its seq.
    QString append(StoredMessage &message);
    HistoryPage read(const HistoryRequest &request) const;
    TargetsPage targets(const TargetsRequest &request) const;

    // Retention, as SqlPruner does it: plan a round, then steps of at most budget lines.
    void startPruning(const StoreOptions &options, qint64 nowMs);
    bool isPruning() const { return !m_tasks.isEmpty(); }
    qint64 pruneStep(qint64 budget);

private:
    struct Line
    {
        StoredMessage message;
        QString senderKey;
        QString recipientKey;
    };
    struct Room
    {
        StoredRoom room;
        std::map<quint64, quint64> lines; // seq -> id
    };
    struct Task
    {
        qint64 roomId = 0; // 0: by age
        qint64 cutoff = 0;
    };

    void remove(quint64 id);
    bool matches(const Line &line, quint64 person, const QString &peerKey) const;

    std::map<qint64, Room> m_rooms;
    QHash<QString, qint64> m_roomKeys;
    std::map<quint64, Line> m_lines;                     // id -> line
    std::set<std::pair<qint64, quint64>> m_byTime;       // (time_ms, id)
    QHash<quint64, std::set<quint64>> m_privateByPerson; // person -> ids sent or received
    quint64 m_lastId = 0;
    QList<Task> m_tasks;
};
