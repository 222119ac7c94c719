// SPDX-License-Identifier: MIT
#pragma once

#include <QtGlobal>

// Where the rules that count time (how fast rooms are made, how long an empty room has been
// idle) read it: the system's monotonic clock in the server, a clock the test moves in tests,
// so that "a day later" takes no time and no sleep.
class Clock
{
public:
    virtual ~Clock() = default;
    // Milliseconds on a clock that never goes back; only differences mean anything.
    virtual qint64 nowMs() const = 0;

    // The system's monotonic clock.
    static const Clock &system();
};
