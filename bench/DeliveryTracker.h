// SPDX-License-Identifier: MIT
#pragma once

#include <cstdint>
#include <vector>

// Checks that every message reaches each of its receivers exactly once and in per-sender
// order, and keeps each delivery's latency.
class DeliveryTracker
{
public:
    DeliveryTracker(int clients, int senders, int messages);

    // The message (sender, sequence) was sent and must reach `receivers` clients.
    void expect(int sender, int sequence, int receivers);

    enum class Outcome { Delivered, Completed, Duplicate };
    // Completed: this was the last receiver the message still had to reach.
    Outcome deliver(int receiver, int sender, int sequence, int64_t latencyNs);

    int64_t received() const { return m_received; }
    int64_t unique() const { return m_unique; }
    int64_t duplicated() const { return m_received - m_unique; }
    int64_t reordered() const { return m_reordered; }
    int64_t expected() const { return m_expected; }

    // The q-quantile (0..1) of the latencies in milliseconds; -1 without deliveries.
    double quantileMs(double q);

private:
    int m_senders;
    int m_messages;
    std::vector<uint64_t> m_seen;     // bit per (receiver, sender, sequence)
    std::vector<int32_t> m_highest;   // per (receiver, sender), -1 before the first
    std::vector<int32_t> m_remaining; // per (sender, sequence)
    std::vector<int64_t> m_latenciesNs;
    bool m_sorted = false;
    int64_t m_received = 0;
    int64_t m_unique = 0;
    int64_t m_reordered = 0;
    int64_t m_expected = 0;
};
