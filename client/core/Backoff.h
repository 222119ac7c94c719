// SPDX-License-Identifier: MIT
#pragma once

// Delays between reconnection attempts: doubling from a first delay up to a ceiling, so a
// server that is down for long is not hammered, and one that blinked is back in a second.
class Backoff
{
public:
    explicit Backoff(int firstMs = 1000, int maxMs = 30000);

    // The delay before the next attempt; each call doubles the following one.
    int nextDelay();
    void reset() { m_nextMs = m_firstMs; }
    void setFirstDelay(int ms);

private:
    int m_firstMs;
    int m_maxMs;
    int m_nextMs;
};
