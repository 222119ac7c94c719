// SPDX-License-Identifier: MIT
#include "DeliveryTracker.h"

#include <algorithm>
#include <cmath>

DeliveryTracker::DeliveryTracker(int clients, int senders, int messages)
    : m_senders(senders)
    , m_messages(messages)
    , m_seen((size_t(clients) * senders * messages + 63) / 64)
    , m_highest(size_t(clients) * senders, -1)
    , m_remaining(size_t(senders) * messages)
{
}

void DeliveryTracker::expect(int sender, int sequence, int receivers)
{
    m_remaining[size_t(sender) * m_messages + sequence] = receivers;
    m_expected += receivers;
    if (m_latenciesNs.empty())
        m_latenciesNs.reserve(size_t(receivers) * m_senders * m_messages);
}

DeliveryTracker::Outcome DeliveryTracker::deliver(int receiver, int sender, int sequence,
                                                  int64_t latencyNs)
{
    ++m_received;
    const size_t pair = size_t(receiver) * m_senders + sender;
    const size_t bit = pair * m_messages + sequence;
    uint64_t &word = m_seen[bit / 64];
    const uint64_t mask = uint64_t(1) << (bit % 64);
    if (word & mask)
        return Outcome::Duplicate;
    word |= mask;
    ++m_unique;
    if (sequence < m_highest[pair])
        ++m_reordered;
    else
        m_highest[pair] = sequence;
    m_latenciesNs.push_back(latencyNs);
    m_sorted = false;
    return --m_remaining[size_t(sender) * m_messages + sequence] == 0 ? Outcome::Completed
                                                                      : Outcome::Delivered;
}

double DeliveryTracker::quantileMs(double q)
{
    if (m_latenciesNs.empty())
        return -1;
    if (!m_sorted) {
        std::sort(m_latenciesNs.begin(), m_latenciesNs.end());
        m_sorted = true;
    }
    const size_t index = std::min(m_latenciesNs.size() - 1,
                                  size_t(std::ceil(q * double(m_latenciesNs.size()))) - (q > 0));
    return double(m_latenciesNs[index]) / 1e6;
}
