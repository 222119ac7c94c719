// SPDX-License-Identifier: MIT
#include "ServerProcess.h"

#include <arpa/inet.h>
#include <chrono>
#include <csignal>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <fcntl.h>
#include <filesystem>
#include <fstream>
#include <netinet/in.h>
#include <sstream>
#include <sys/socket.h>
#include <sys/wait.h>
#include <thread>
#include <unistd.h>

namespace {

constexpr auto ServerStartTimeout = std::chrono::seconds(10);
constexpr auto PollInterval = std::chrono::milliseconds(20);

int64_t statusKiB(const std::string &status, const char *key)
{
    const size_t at = status.find(key);
    if (at == std::string::npos)
        return -1;
    return std::strtoll(status.c_str() + at + std::strlen(key), nullptr, 10);
}

} // namespace

ServerProcess::~ServerProcess()
{
    stop();
}

bool ServerProcess::start(const std::string &command, const std::string &host, int port,
                          std::string &error)
{
    char path[] = "/tmp/chat-bench-server-XXXXXX";
    const int outputFd = mkstemp(path);
    if (outputFd < 0) {
        error = "cannot create a temporary file";
        return false;
    }
    m_outputPath = path;
    // A database of its own for each run, where chat-server keeps it by default.
    char dataHome[] = "/tmp/chat-bench-data-XXXXXX";
    if (!mkdtemp(dataHome)) {
        error = "cannot create a temporary folder";
        return false;
    }
    m_dataHome = dataHome;
    m_pid = fork();
    if (m_pid == 0) {
        setenv("XDG_DATA_HOME", dataHome, 1);
        // Server logs go there too: a terminal would slow the server and drown the table.
        dup2(outputFd, STDOUT_FILENO);
        dup2(outputFd, STDERR_FILENO);
        const std::string shell = "exec " + command;
        execl("/bin/sh", "sh", "-c", shell.c_str(), static_cast<char *>(nullptr));
        _exit(127);
    }
    close(outputFd);
    if (m_pid < 0) {
        error = "fork failed";
        return false;
    }
    m_port = port;
    return port == 0 ? waitForPortLine(error) : waitUntilConnectable(host, error);
}

bool ServerProcess::waitForPortLine(std::string &error)
{
    const auto deadline = std::chrono::steady_clock::now() + ServerStartTimeout;
    while (std::chrono::steady_clock::now() < deadline && running()) {
        std::ifstream file(m_outputPath);
        std::string line;
        while (std::getline(file, line)) {
            const size_t at = line.rfind("port ");
            if (at != std::string::npos) {
                m_port = std::atoi(line.c_str() + at + 5);
                if (m_port > 0)
                    return true;
            }
        }
        std::this_thread::sleep_for(PollInterval);
    }
    error = "the server did not print its port";
    return false;
}

bool ServerProcess::waitUntilConnectable(const std::string &host, std::string &error)
{
    sockaddr_in address{};
    address.sin_family = AF_INET;
    address.sin_port = htons(static_cast<uint16_t>(m_port));
    inet_pton(AF_INET, host.c_str(), &address.sin_addr);
    const auto deadline = std::chrono::steady_clock::now() + ServerStartTimeout;
    while (std::chrono::steady_clock::now() < deadline && running()) {
        const int fd = socket(AF_INET, SOCK_STREAM, 0);
        const bool connected =
            connect(fd, reinterpret_cast<const sockaddr *>(&address), sizeof address) == 0;
        close(fd);
        if (connected)
            return true;
        std::this_thread::sleep_for(PollInterval);
    }
    error = "the server did not accept connections";
    return false;
}

double ServerProcess::schedulerSeconds(const std::string &proc)
{
    std::error_code error;
    int64_t ns = 0;
    bool any = false;
    for (const auto &task : std::filesystem::directory_iterator(proc + "/task", error)) {
        std::ifstream file(task.path() / "schedstat");
        long long onCpu = 0;
        if (file >> onCpu) {
            ns += onCpu;
            any = true;
        }
    }
    return any ? double(ns) / 1e9 : -1;
}

bool ServerProcess::running() const
{
    return m_pid > 0 && waitpid(m_pid, nullptr, WNOHANG) == 0;
}

ServerProcess::Usage ServerProcess::usage() const
{
    Usage usage;
    if (m_pid <= 0)
        return usage;
    const std::string proc = "/proc/" + std::to_string(m_pid);
    std::stringstream status;
    status << std::ifstream(proc + "/status").rdbuf();
    usage.rssKiB = statusKiB(status.str(), "VmRSS:");
    usage.peakKiB = statusKiB(status.str(), "VmHWM:");

    std::stringstream stat;
    stat << std::ifstream(proc + "/stat").rdbuf();
    // Fields 14 and 15 (utime, stime) follow the command name, which may hold spaces.
    const std::string text = stat.str();
    const size_t paren = text.rfind(')');
    if (paren == std::string::npos)
        return usage;
    std::istringstream fields(text.substr(paren + 2));
    std::string field;
    long long utime = 0, stime = 0;
    for (int i = 3; i <= 15 && fields >> field; ++i) {
        if (i == 14)
            utime = std::atoll(field.c_str());
        if (i == 15)
            stime = std::atoll(field.c_str());
    }
    usage.cpuSeconds = double(utime + stime) / double(sysconf(_SC_CLK_TCK));
    usage.runSeconds = schedulerSeconds(proc);
    return usage;
}

void ServerProcess::readStoreFigures()
{
    std::ifstream file(m_outputPath);
    std::string line;
    while (std::getline(file, line)) {
        long long lines = 0, transactions = 0, failed = 0, pruned = 0, mean = 0, max = 0;
        const size_t at = line.find("store: ");
        if (at != std::string::npos &&
            std::sscanf(line.c_str() + at,
                        "store: %lld lines committed in %lld transactions, %lld writes failed, "
                        "%lld lines pruned; commit latency mean %lld us, max %lld us",
                        &lines, &transactions, &failed, &pruned, &mean, &max) == 6)
            m_store = {lines, transactions, mean, max};
    }
}

void ServerProcess::stop()
{
    if (m_pid > 0) {
        kill(m_pid, SIGTERM);
        const auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(5);
        while (waitpid(m_pid, nullptr, WNOHANG) == 0) {
            if (std::chrono::steady_clock::now() > deadline) {
                kill(m_pid, SIGKILL);
                waitpid(m_pid, nullptr, 0);
                break;
            }
            std::this_thread::sleep_for(PollInterval);
        }
        m_pid = -1;
    }
    if (!m_outputPath.empty()) {
        readStoreFigures();
        unlink(m_outputPath.c_str());
        m_outputPath.clear();
    }
    if (!m_dataHome.empty()) {
        std::error_code ignored;
        std::filesystem::remove_all(m_dataHome, ignored);
        m_dataHome.clear();
    }
}
