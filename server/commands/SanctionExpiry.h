// SPDX-License-Identifier: MIT
#pragma once

#include <QObject>
#include <QTimer>

class Clock;
class Directory;
class RoomRuleKeeper;

// Ends timed bans and mutes when their time is up: takes them out of their rooms and their
// rows out of the store. One timer waits for the next end, whichever room it is in, rather than
// a sweep every so often: a room with no timed rule costs nothing, and a ban of ten seconds
// ends after ten seconds. Whoever sets or restores a timed rule calls schedule().
//
// The time is the server's Clock. A test's clock moves without the timer knowing, so tests
// call expire() themselves after moving it (as with RoomExpiry::sweep()). The checks at join
// and at speaking read the clock too, so a rule past its end never holds, even before expire().
class SanctionExpiry : public QObject
{
    Q_OBJECT

public:
    SanctionExpiry(Directory &directory, RoomRuleKeeper &keeper, const Clock &clock,
                   QObject *parent = nullptr);

    // Sets the timer for the earliest end of any timed ban or mute.
    void schedule();
    // Ends every ban and mute whose time is up, then schedules the next; returns how many ended.
    int expire();

private:
    Directory &m_directory;
    RoomRuleKeeper &m_keeper;
    const Clock &m_clock;
    QTimer m_timer;
};
