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
        double cpuSeconds = -1; // utime + stime
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
    pid_t pid() const { return m_pid; }
    bool running() const;
    Usage usage() const;

private:
    bool waitForPortLine(std::string &error);
    bool waitUntilConnectable(const std::string &host, std::string &error);

    pid_t m_pid = -1;
    int m_port = 0;
    std::string m_outputPath;
    std::string m_dataHome; // XDG_DATA_HOME of the server: its database, removed at stop()
};
