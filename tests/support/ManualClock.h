// SPDX-License-Identifier: MIT
#pragma once

#include "core/Clock.h"

// A clock that moves only when the test says: a day passes in no time, and no test sleeps.
class ManualClock : public Clock
{
public:
    qint64 nowMs() const override { return m_nowMs; }
    void advance(qint64 ms) { m_nowMs += ms; }
    void advanceSeconds(qint64 seconds) { advance(seconds * 1000); }

private:
    qint64 m_nowMs = 1'000'000; // any start: only differences mean anything
};
