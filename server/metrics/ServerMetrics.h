// SPDX-License-Identifier: MIT
#pragma once

#include "metrics/LatencyHistogram.h"

#include <QStringView>

#include <array>

// What the server counts for /metrics, in one place: plain integers, incremented on the event
// loop's thread where things happen (ChatServer for connections and refusals, Session for bytes,
// lines and disconnections, MessageLog for messages and the fan-out). No locks and no
// allocation: an increment is all a broadcast pays. What is a state rather than a count (open
// connections, queues, rooms, people) is read when /metrics is asked for (ChatServer).
struct ServerMetrics
{
    enum class Transport { Plain, Tls };
    static constexpr int TransportCount = 2;
    enum class Refusal {
        ServerFull,
        PerAddress,
        Shutdown,
        ProxyHeader, // a trusted load balancer's connection without a valid PROXY header in time
    };
    static constexpr int RefusalCount = 4;
    // Why a session ended: the reasons Session::close() and friends are given.
    enum class Disconnect {
        Lost, // the peer went away
        Logout,
        Flood,     // the flood queue overflowed
        OutputCap, // did not read its output
        Protocol,  // spoke TLS or HTTP to the plain port
        LoginTimeout,
        PingTimeout,
        Password,    // too many wrong passwords
        ResumeToken, // too many wrong resume tokens
        Resumed,     // replaced by a resume on another connection
        Shutdown,
        Error, // the transport reported an error
    };
    static constexpr int DisconnectCount = 12;

    std::array<qint64, TransportCount> accepted = {}; // connections admitted
    std::array<qint64, TransportCount> open = {};     // connections open now
    std::array<qint64, RefusalCount> refused = {};
    std::array<qint64, DisconnectCount> disconnects = {};
    qint64 logins = 0;
    qint64 resumes = 0;
    qint64 linesReceived = 0;     // protocol lines from clients, commands included
    qint64 messagesReceived = 0;  // room lines and private messages handed to the store
    qint64 messagesDelivered = 0; // of those, copies queued for connections
    qint64 bytesReceived = 0;
    qint64 bytesSent = 0; // queued for sending
    // From a line's commit reaching the event loop to its broadcast queued for every member.
    LatencyHistogram fanout;

    static const char *label(Transport transport);
    static const char *label(Refusal refusal);
    static const char *label(Disconnect reason);
    // The Disconnect for a session's close reason ("flood", "output queue full"…).
    static Disconnect disconnectFor(QStringView reason);
};
