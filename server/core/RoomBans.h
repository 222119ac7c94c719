// SPDX-License-Identifier: MIT
#pragma once

#include "core/BanMask.h"

#include <QDateTime>
#include <QList>

// Who may not enter a room: its bans, each a mask (BanMask) with the time it ends, who set
// it and why. A room holds at most MaxBans, so that the list stays short enough to read and
// to check at every join.
class RoomBans
{
public:
    static constexpr qsizetype MaxBans = 100;

    struct Ban
    {
        BanMask mask;
        qint64 untilMs = 0; // on the server's clock; 0: for good
        QString setter;     // the nick that set it
        QString reason;
        QDateTime created; // wall clock, UTC
    };

    // Adds ban, replacing one with the same mask; false when the list is full.
    bool add(const Ban &ban);
    // Removes the ban with this mask; false when there is none.
    bool remove(const BanMask &mask);
    // The first ban still running at nowMs that catches the person, or null.
    const Ban *find(const QString &nickKey, const QString &accountKey,
                    const QList<QHostAddress> &addresses, qint64 nowMs) const;

    // In the order they were set.
    const QList<Ban> &all() const { return m_bans; }
    bool isEmpty() const { return m_bans.isEmpty(); }
    // When the next timed ban ends (on the server's clock), or 0 when none does.
    qint64 nextEnd() const;
    // Removes and returns the bans that have ended by nowMs.
    QList<Ban> expire(qint64 nowMs);

private:
    QList<Ban> m_bans;
};
