// SPDX-License-Identifier: MIT
#pragma once

#include <QByteArray>
#include <QQueue>

// Paces one session's lines: a burst is taken at once, then a steady rate (a token bucket).
// Lines beyond the rate wait in a queue rather than being dropped, so a person pasting a few
// lines loses nothing; a queue past its limits means a flood, and the caller closes the session.
// Time is passed in (milliseconds on any monotonic clock) so that tests need no waiting.
class FloodControl
{
public:
    struct Limits
    {
        int burst = 10;
        int ratePerSecond = 5; // 0: no pacing, every line is taken at once
        int queueLines = 100;
        qsizetype queueBytes = 65536;
    };

    explicit FloodControl(const Limits &limits);

    // New limits (a reload) from now on; lines already queued stay queued.
    void setLimits(const Limits &limits);

    // Queues a line that arrived at nowMs; false when the queue is now over its limits.
    bool offer(const QByteArray &line, qint64 nowMs);
    // The next line allowed at nowMs, or a null QByteArray when none is.
    QByteArray take(qint64 nowMs);
    // Milliseconds from nowMs until take() will give a line; -1 when the queue is empty.
    qint64 msUntilNext(qint64 nowMs);

    qsizetype queuedLines() const { return m_queue.size(); }

private:
    void refill(qint64 nowMs);

    Limits m_limits;
    QQueue<QByteArray> m_queue;
    qsizetype m_queuedBytes = 0;
    double m_tokens;
    qint64 m_lastRefillMs = -1;
};
