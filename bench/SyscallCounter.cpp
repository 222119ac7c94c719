// SPDX-License-Identifier: MIT
#include "SyscallCounter.h"

#include <chrono>
#include <csignal>
#include <cstdlib>
#include <cstring>
#include <fcntl.h>
#include <filesystem>
#include <fstream>
#include <poll.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <thread>
#include <unistd.h>
#include <vector>

namespace {

constexpr auto PerfStartTimeout = std::chrono::seconds(5);
constexpr int AckTimeoutMs = 5000;

// The tracepoints counted: every system call, and those that hand bytes to a socket.
const char *const SendEvents[] = {"syscalls:sys_enter_sendto", "syscalls:sys_enter_sendmsg",
                                  "syscalls:sys_enter_write", "syscalls:sys_enter_writev"};

} // namespace

SyscallCounter::~SyscallCounter()
{
    finish();
}

bool SyscallCounter::attach(pid_t pid)
{
    char directory[] = "/tmp/chat-bench-perf-XXXXXX";
    if (!mkdtemp(directory))
        return false;
    m_directory = directory;
    const std::string control = m_directory + "/control";
    const std::string ack = m_directory + "/ack";
    if (mkfifo(control.c_str(), 0600) != 0 || mkfifo(ack.c_str(), 0600) != 0)
        return false;
    m_perf = fork();
    if (m_perf == 0) {
        const int null = open("/dev/null", O_RDWR);
        dup2(null, STDIN_FILENO);
        dup2(null, STDOUT_FILENO);
        dup2(null, STDERR_FILENO);
        const std::string out = m_directory + "/counts";
        const std::string fifos = "fifo:" + control + "," + ack;
        const std::string target = std::to_string(pid);
        std::vector<const char *> args = {"perf", "stat",      "-x", ",",
                                          "-o",   out.c_str(), "-e", "raw_syscalls:sys_enter"};
        for (const char *event : SendEvents) {
            args.push_back("-e");
            args.push_back(event);
        }
        for (const char *arg : {"-D", "-1", "--control", fifos.c_str(), "-p", target.c_str()})
            args.push_back(arg);
        args.push_back(nullptr);
        execvp("perf", const_cast<char *const *>(args.data()));
        _exit(127);
    }
    if (m_perf < 0)
        return false;
    // Opening a FIFO to write fails (ENXIO) until perf has opened it to read.
    const auto deadline = std::chrono::steady_clock::now() + PerfStartTimeout;
    while ((m_control = open(control.c_str(), O_WRONLY | O_NONBLOCK | O_CLOEXEC)) < 0) {
        if (std::chrono::steady_clock::now() > deadline || waitpid(m_perf, nullptr, WNOHANG) != 0) {
            finish();
            return false;
        }
        std::this_thread::sleep_for(std::chrono::milliseconds(10));
    }
    m_ack = open(ack.c_str(), O_RDONLY | O_NONBLOCK | O_CLOEXEC);
    return m_ack >= 0;
}

bool SyscallCounter::command(const char *word)
{
    if (m_control < 0)
        return false;
    const std::string line = std::string(word) + "\n";
    if (write(m_control, line.data(), line.size()) != ssize_t(line.size()))
        return false;
    pollfd waitFor = {m_ack, POLLIN, 0};
    if (poll(&waitFor, 1, AckTimeoutMs) != 1)
        return false;
    char answer[16];
    return read(m_ack, answer, sizeof answer) > 0;
}

void SyscallCounter::enable()
{
    command("enable");
}

void SyscallCounter::disable()
{
    command("disable");
}

SyscallCounter::Counts SyscallCounter::finish()
{
    Counts counts;
    if (m_perf > 0) {
        kill(m_perf, SIGINT);
        waitpid(m_perf, nullptr, 0);
        m_perf = -1;
        // "count,unit,event,…" per line; "<not counted>" when the events never ran.
        std::ifstream file(m_directory + "/counts");
        std::string line;
        int64_t sends = 0;
        bool any = false;
        while (std::getline(file, line)) {
            const size_t comma = line.find(',');
            if (comma == std::string::npos || line[0] == '#')
                continue;
            const int64_t value = std::atoll(line.c_str());
            any = true;
            if (line.find("raw_syscalls:sys_enter") != std::string::npos)
                counts.all = value;
            else
                sends += value;
        }
        if (any)
            counts.sends = sends;
    }
    for (int *fd : {&m_control, &m_ack}) {
        if (*fd >= 0)
            close(*fd);
        *fd = -1;
    }
    if (!m_directory.empty()) {
        std::error_code ignored;
        std::filesystem::remove_all(m_directory, ignored);
        m_directory.clear();
    }
    return counts;
}
