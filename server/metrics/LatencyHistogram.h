// SPDX-License-Identifier: MIT
#pragma once

#include <QtGlobal>

#include <array>

// Latencies counted in fixed buckets, as a Prometheus histogram exposes them. Observing one is
// a few comparisons and two additions, no allocation and no lock: it sits on the path of every
// line. Whoever shares one between threads guards it (SqlWriter's stats mutex).
class LatencyHistogram
{
public:
    // Upper bounds of the buckets in microseconds, from 100 us to 2.5 s; a last bucket (+Inf)
    // takes the rest.
    static constexpr std::array<qint64, 14> BoundsUs = {100,    250,    500,     1000,   2500,
                                                        5000,   10000,  25000,   50000,  100000,
                                                        250000, 500000, 1000000, 2500000};

    void observe(qint64 us)
    {
        std::size_t bucket = 0;
        while (bucket < BoundsUs.size() && us > BoundsUs[bucket])
            ++bucket;
        ++m_counts[bucket];
        ++m_count;
        m_sumUs += us;
    }

    // Observations in bucket i alone (not cumulative); i == BoundsUs.size() is +Inf.
    qint64 countIn(std::size_t bucket) const { return m_counts[bucket]; }
    qint64 count() const { return m_count; }
    qint64 sumUs() const { return m_sumUs; }

private:
    std::array<qint64, BoundsUs.size() + 1> m_counts = {};
    qint64 m_count = 0;
    qint64 m_sumUs = 0;
};
