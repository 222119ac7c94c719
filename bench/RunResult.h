// SPDX-License-Identifier: MIT
#pragma once

#include <cstdint>
#include <string>

// Everything one run measured. Times in seconds, latencies in milliseconds; negative means
// "not measured" (e.g. server figures when the server was not started by the bench).
struct RunResult
{
    std::string protocol;
    int clients = 0;
    int rooms = 0;
    int senders = 0;
    int messages = 0;
    int window = 0;

    double connectSeconds = -1; // until every TCP connect completed
    double loginSeconds = -1;   // until every login was acknowledged
    double readySeconds = -1;   // until every client was in its room
    double loginsPerSecond = 0;

    double sendSeconds = -1; // first message sent to last one delivered
    int64_t deliveredLines = 0;
    double linesPerSecond = 0;
    double p50Ms = -1;
    double p99Ms = -1;
    double maxMs = -1;

    int64_t expected = 0; // message lines that should have arrived
    int64_t lost = 0;
    int64_t duplicated = 0;
    int64_t reordered = 0;
    int64_t errors = 0;      // error replies, unexpected messages, connects that failed
    int64_t disconnects = 0; // connections the server closed
    bool timedOut = false;
    std::string firstError;

    // What the server's store did, from the line chat-server logs when it stops ("store: N
    // lines committed in T transactions …; commit latency mean X us, max Y us").
    std::string history; // "on" (SQLite), "off" (--database memory), "" (not ours)
    int64_t committedLines = -1;
    int64_t transactions = -1;
    double commitsPerSecond = -1; // committed lines / sendSeconds
    double commitMeanMs = -1;     // from a line's arrival at the store to its commit
    double commitMaxMs = -1;

    int64_t serverPeakKiB = -1;       // VmHWM at the end
    double serverKiBPerClient = -1;   // (VmRSS when ready - VmRSS before connecting) / clients
    double serverCpuSeconds = -1;     // user + system over the whole run
    double serverSendCpuSeconds = -1; // while the messages flow
    double serverCpuUsPerLine = -1;   // serverSendCpuSeconds per delivered line, in µs
    int64_t serverSyscalls = -1;      // while the messages flow (--syscalls)
    int64_t serverSendCalls = -1;     // of them: send, sendto, sendmsg, write, writev
    double syscallsPerLine = -1;      // per delivered line
    double sendCallsPerLine = -1;
    double serverIdleCpuPercent = -1;

    bool clean() const
    {
        return !timedOut && lost == 0 && duplicated == 0 && reordered == 0 && errors == 0 &&
               disconnects == 0;
    }
};
