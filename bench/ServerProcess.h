// SPDX-License-Identifier: MIT
#pragma once

#include <cstdint>
#include <string>
#include <sys/types.h>

// A server started for one run, so that its memory and CPU time can be read from /proc.
class ServerProcess
{
public:
    struct Usage
    {
        int64_t rssKiB = -1;
        int64_t peakKiB = -1;   // VmHWM
        double cpuSeconds = -1; // utime + stime, in clock ticks (10 ms)
        // Time on a CPU in nanoseconds, for short stretches: a W1 run is 20 ticks. Per living
        // thread (a thread that ended takes its share with it); -1 without schedstat.
        double runSeconds = -1;
        double preciseSeconds() const { return runSeconds >= 0 ? runSeconds : cpuSeconds; }
    };

    ServerProcess() = default;
    ServerProcess(const ServerProcess &) = delete;
    ServerProcess &operator=(const ServerProcess &) = delete;
    ~ServerProcess();

    // Runs command with sh (exec'd, so the pid is the server's). With port 0 the port is the
    // last number of the first output line that ends in "port N"; otherwise the server is
    // ready when a connection to port succeeds.
    bool start(const std::string &command, const std::string &host, int port, std::string &error);
    void stop();

    int port() const { return m_port; }
    // chat-server's store figures from its last log line at stop(); -1 when it printed none.
    struct StoreFigures
    {
        int64_t committedLines = -1;
        int64_t transactions = -1;
        int64_t commitMeanUs = -1;
        int64_t commitMaxUs = -1;
    };
    StoreFigures storeFigures() const { return m_store; }
    pid_t pid() const { return m_pid; }
    bool running() const;
    Usage usage() const;

private:
    bool waitForPortLine(std::string &error);
    bool waitUntilConnectable(const std::string &host, std::string &error);
    void readStoreFigures();
    // Time on a CPU of the process's threads, from /proc/<pid>/task/*/schedstat; -1: none.
    static double schedulerSeconds(const std::string &proc);

    pid_t m_pid = -1;
    int m_port = 0;
    std::string m_outputPath;
    std::string m_dataHome; // XDG_DATA_HOME of the server: its database, removed at stop()
    StoreFigures m_store;
};
