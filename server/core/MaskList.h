// SPDX-License-Identifier: MIT
#pragma once

#include "core/BanMask.h"

#include <QDateTime>
#include <QList>

// A room's list of masks (BanMask), each with the time it ends, who set it and why: its bans
// (who may not enter), the people it lets in without an invitation when it is invite-only
// (IRC's invite exceptions, +I), or those its bans do not keep out (IRC's ban exceptions, +e). How
// long a list may grow is the commands' to say (BanCommands,
// --max-room-masks); what the store holds is always restored whole.
class MaskList
{
public:
    struct Entry
    {
        BanMask mask;
        qint64 untilMs = 0; // on the server's clock; 0: for good
        QString setter;     // the nick that set it
        QString reason;
        QDateTime created; // wall clock, UTC
    };

    // Adds entry, replacing one with the same mask.
    void add(const Entry &entry);
    // Removes the entry with this mask; false when there is none.
    bool remove(const BanMask &mask);
    // The first entry still running at nowMs that catches the person, or null.
    const Entry *find(const QString &nickKey, const QString &accountKey,
                      const QList<QHostAddress> &addresses, qint64 nowMs) const;
    // How many of masks the list does not hold yet.
    qsizetype countNew(const QList<BanMask> &masks) const;

    // In the order they were set.
    const QList<Entry> &all() const { return m_entries; }
    bool isEmpty() const { return m_entries.isEmpty(); }
    // When the next timed entry ends (on the server's clock), or 0 when none does.
    qint64 nextEnd() const;
    // Removes and returns the entries that have ended by nowMs.
    QList<Entry> expire(qint64 nowMs);

private:
    QList<Entry> m_entries;
};
