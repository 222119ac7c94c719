// SPDX-License-Identifier: MIT
#pragma once

#include <cstdint>
#include <string>
#include <sys/types.h>

// Counts a server's system calls over part of a run with `perf stat` on the kernel's syscall
// tracepoints: perf attaches with its events off and is switched on and off through its
// control FIFO, so only the part measured is counted. Tracing costs the server a little per
// system call, which is why it is asked for (--syscalls) and not always on. Without perf or
// the rights to trace, every count stays -1.
class SyscallCounter
{
public:
    struct Counts
    {
        int64_t all = -1;
        int64_t sends = -1; // send, sendto, sendmsg, write and writev
    };

    SyscallCounter() = default;
    SyscallCounter(const SyscallCounter &) = delete;
    SyscallCounter &operator=(const SyscallCounter &) = delete;
    ~SyscallCounter();

    // Starts perf on pid, counting nothing yet; false (and counts of -1) when perf cannot.
    bool attach(pid_t pid);
    // Both wait for perf's acknowledgement, so that what follows is (not) counted.
    void enable();
    void disable();
    // Stops perf and reads what it counted.
    Counts finish();

private:
    bool command(const char *word);

    pid_t m_perf = -1;
    int m_control = -1;
    int m_ack = -1;
    std::string m_directory;
};
