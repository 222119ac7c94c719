// SPDX-License-Identifier: MIT
#include "Backoff.h"

#include <algorithm>

Backoff::Backoff(int firstMs, int maxMs)
    : m_firstMs(firstMs)
    , m_maxMs(maxMs)
    , m_nextMs(firstMs)
{
}

int Backoff::nextDelay()
{
    const int delay = m_nextMs;
    m_nextMs = std::min(m_nextMs * 2, m_maxMs);
    return delay;
}

void Backoff::setFirstDelay(int ms)
{
    m_firstMs = ms;
    m_maxMs = std::max(m_maxMs, ms);
    reset();
}
