// SPDX-License-Identifier: MIT
#pragma once

#include <QByteArray>
#include <QHash>
#include <QList>

// What a session is sent while a paced writer (a page of history, a resume's replay) goes
// first: held in order, within a budget. Lines of rooms and private messages are also in the
// store, so when the budget runs out they are let go and read back from the store once the
// writer is done (the catch-up), instead of dropping a reader who reads. Only what the store
// cannot give back (arrivals, departures, replies) must fit in the budget.
class HeldOutput
{
public:
    // Where a held line comes from; all zero for what is not a stored line. A room's event
    // without a sequence number (a departure, a moderation act) is not one either: the store
    // cannot give it back.
    struct Origin
    {
        qint64 roomId = 0;
        quint64 seq = 0;
        quint64 privateId = 0;

        bool isRoomLine() const { return roomId != 0 && seq != 0; }
    };

    // What was let go: per room the first sequence number missed, and the first private
    // message id missed (0: none).
    struct CatchUp
    {
        QHash<qint64, quint64> rooms;
        quint64 privateFrom = 0;
        bool isEmpty() const { return rooms.isEmpty() && privateFrom == 0; }
    };

    explicit HeldOutput(qint64 budget)
        : m_budget(budget)
    {
    }

    // A new budget (a reload), checked from the next hold() on.
    void setBudget(qint64 budget) { m_budget = budget; }
    // Bytes held or handed over and not yet written.
    qint64 bytes() const { return m_bytes + m_taken; }

    // Holds bytes; queued is what the connection holds besides. False when even without the
    // stored lines it would pass the budget: the reader does not read.
    bool hold(const QByteArray &bytes, const Origin &origin, qint64 queued);

    // Counts bytes kept elsewhere (a reply waiting its turn) against the budget until
    // released(); false when that passes it, as for hold().
    bool charge(qint64 bytes, qint64 queued);

    // Hands over what is held; it still counts against the budget until released().
    QList<QByteArray> take();
    void released(qint64 bytes) { m_taken -= bytes; }

    // What was let go since the last call.
    CatchUp takeCatchUp() { return std::exchange(m_catchUp, {}); }
    void clear();

private:
    struct Item
    {
        QByteArray bytes;
        Origin origin;
    };
    bool isCaughtUpLater(const Origin &origin) const;
    void letLinesGo();

    qint64 m_budget;
    QList<Item> m_items;
    qint64 m_bytes = 0; // in m_items
    qint64 m_taken = 0; // handed over and not yet written, or charged
    CatchUp m_catchUp;
};
