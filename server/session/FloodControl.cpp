// SPDX-License-Identifier: MIT
#include "session/FloodControl.h"

#include <cmath>

FloodControl::FloodControl(const Limits &limits)
    : m_limits(limits)
    , m_tokens(limits.burst)
{
}

void FloodControl::setLimits(const Limits &limits)
{
    m_limits = limits;
    m_tokens = std::min<double>(m_tokens, limits.burst);
}

void FloodControl::refill(qint64 nowMs)
{
    if (m_lastRefillMs >= 0 && nowMs > m_lastRefillMs) {
        m_tokens = std::min<double>(m_limits.burst, m_tokens + (nowMs - m_lastRefillMs) *
                                                                   m_limits.ratePerSecond / 1000.0);
    }
    m_lastRefillMs = nowMs;
}

bool FloodControl::offer(const QByteArray &line, qint64 nowMs)
{
    refill(nowMs);
    m_queue.enqueue(line);
    m_queuedBytes += line.size();
    // The lines that can be taken right now are not a backlog; only what must wait counts.
    const qsizetype waiting =
        m_limits.ratePerSecond == 0 ? 0 : m_queue.size() - qsizetype(m_tokens);
    return waiting <= m_limits.queueLines && (waiting <= 0 || m_queuedBytes <= m_limits.queueBytes);
}

QByteArray FloodControl::take(qint64 nowMs)
{
    if (m_queue.isEmpty())
        return {};
    if (m_limits.ratePerSecond > 0) {
        refill(nowMs);
        if (m_tokens < 1.0)
            return {};
        m_tokens -= 1.0;
    }
    QByteArray line = m_queue.dequeue();
    m_queuedBytes -= line.size();
    // A quiet session keeps no queue's worth of room: thousands of them would each hold one.
    if (m_queue.isEmpty())
        m_queue = {};
    return line;
}

qint64 FloodControl::msUntilNext(qint64 nowMs)
{
    if (m_queue.isEmpty())
        return -1;
    if (m_limits.ratePerSecond == 0)
        return 0;
    refill(nowMs);
    if (m_tokens >= 1.0)
        return 0;
    return qint64(std::ceil((1.0 - m_tokens) * 1000.0 / m_limits.ratePerSecond));
}
