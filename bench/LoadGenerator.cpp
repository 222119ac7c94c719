// SPDX-License-Identifier: MIT
#include "LoadGenerator.h"

#include "ServerProcess.h"
#include "SyscallCounter.h"

#include <arpa/inet.h>
#include <cerrno>
#include <cstring>
#include <ctime>
#include <netinet/tcp.h>
#include <sys/epoll.h>
#include <sys/socket.h>
#include <unistd.h>

namespace {

constexpr int MaxConnectAttempts = 3;
constexpr size_t ReadChunk = 64 * 1024;
constexpr int ReadsPerWakeup = 4; // then other connections get their turn
// Between joining and sending: lets delayed ACKs of the join replies go out, or the first
// messages would wait for them behind Nagle's algorithm on the server and time that instead.
constexpr int64_t SettleNs = 200'000'000;

int64_t nowNs()
{
    timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return int64_t(ts.tv_sec) * 1'000'000'000 + ts.tv_nsec;
}

double seconds(int64_t ns)
{
    return double(ns) / 1e9;
}

} // namespace

LoadGenerator::LoadGenerator(const BenchOptions &options, const Dialect &dialect, int port,
                             const ServerProcess *server, char tag)
    : m_options(options)
    , m_dialect(dialect)
    , m_server(server)
    , m_tag(tag)
    , m_roomCount(std::max(options.rooms, 1))
    , m_clients(size_t(options.clients))
    , m_roomSizes(size_t(m_roomCount))
    , m_nextSequence(size_t(options.senders))
    , m_inFlight(size_t(options.senders))
    , m_tracker(options.clients, options.senders, options.messages)
{
    std::vector<int> ports{port};
    ports.insert(ports.end(), options.morePorts.begin(), options.morePorts.end());
    for (int each : ports) {
        sockaddr_in address{};
        address.sin_family = AF_INET;
        address.sin_port = htons(uint16_t(each));
        inet_pton(AF_INET, options.host.c_str(), &address.sin_addr);
        m_addresses.push_back(address);
    }
    m_epoll = epoll_create1(EPOLL_CLOEXEC);
    for (int i = 0; i < options.clients; ++i) {
        m_clients[size_t(i)].room = i % m_roomCount;
        ++m_roomSizes[size_t(i % m_roomCount)];
    }
    m_result.protocol = options.protocol == BenchOptions::Protocol::Irc ? "irc" : "chat";
    m_result.clients = options.clients;
    m_result.rooms = options.rooms;
    m_result.senders = options.senders;
    m_result.messages = options.messages;
    m_result.window = options.window;
}

LoadGenerator::~LoadGenerator()
{
    for (Client &client : m_clients) {
        if (client.fd >= 0)
            close(client.fd);
    }
    close(m_epoll);
}

std::string LoadGenerator::nick(int index) const
{
    return m_tag + std::to_string(index);
}

std::string LoadGenerator::roomName(int room) const
{
    return m_options.rooms == 0 ? std::string("hall") : m_tag + ("r" + std::to_string(room));
}

int LoadGenerator::expectedReceivers(int sender) const
{
    return m_roomSizes[size_t(m_clients[size_t(sender)].room)] -
           (m_dialect.echoesToSender() ? 0 : 1);
}

RunResult LoadGenerator::run()
{
    const ServerProcess::Usage before = m_server ? m_server->usage() : ServerProcess::Usage();
    const int64_t start = nowNs();
    m_deadlineNs = start + int64_t(m_options.timeoutSeconds * 1e9);
    const int clients = m_options.clients;
    bool ok = pump([&] { return m_loggedIn == clients; });
    m_result.connectSeconds = m_connected == clients ? seconds(m_lastConnectNs - start) : -1;
    if (ok) {
        m_result.loginSeconds = seconds(m_lastLoginNs - start);
        m_result.loginsPerSecond = clients / std::max(m_result.loginSeconds, 1e-9);
        ok = enterRooms();
    }
    if (ok) {
        m_result.readySeconds = seconds(nowNs() - start);
        if (m_server) {
            const ServerProcess::Usage ready = m_server->usage();
            m_result.serverKiBPerClient = double(ready.rssKiB - before.rssKiB) / clients;
        }
        SyscallCounter syscalls;
        const bool counting = m_server && m_options.syscalls && syscalls.attach(m_server->pid());
        sendMessages(counting ? &syscalls : nullptr);
        if (counting) {
            const SyscallCounter::Counts counts = syscalls.finish();
            m_result.serverSyscalls = counts.all;
            m_result.serverSendCalls = counts.sends;
        }
    }
    if (ok && !m_result.timedOut && m_options.idleSeconds > 0) {
        const double cpuBefore = m_server ? m_server->usage().preciseSeconds() : 0;
        const int64_t idleStart = nowNs();
        const int64_t idleEnd = idleStart + int64_t(m_options.idleSeconds * 1e9);
        m_deadlineNs = std::max(m_deadlineNs, idleEnd + 1'000'000'000);
        pump([&] { return nowNs() >= idleEnd; });
        if (m_server) {
            m_result.serverIdleCpuPercent = 100 * (m_server->usage().preciseSeconds() - cpuBefore) /
                                            seconds(nowNs() - idleStart);
        }
    }
    finishResult(start);
    return m_result;
}

bool LoadGenerator::enterRooms()
{
    if (!m_dialect.needsJoin(m_options.rooms))
        return true;
    // A room's first member creates it; the others join once it exists.
    for (int room = 0; room < m_roomCount; ++room) {
        m_clients[size_t(room)].state = Client::State::Joining;
        send(room, m_dialect.create(roomName(room)));
    }
    if (!pump([&] { return m_joined == m_roomCount; }))
        return false;
    for (int i = m_roomCount; i < m_options.clients; ++i) {
        m_clients[size_t(i)].state = Client::State::Joining;
        send(i, m_dialect.join(roomName(m_clients[size_t(i)].room)));
    }
    return pump([&] { return m_joined == m_options.clients; });
}

void LoadGenerator::sendMessages(SyscallCounter *syscalls)
{
    const int64_t total = int64_t(m_options.senders) * m_options.messages;
    const int64_t settleEnd = nowNs() + SettleNs;
    m_deadlineNs += SettleNs;
    pump([&] { return nowNs() >= settleEnd; });
    if (syscalls)
        syscalls->enable();
    const double cpuBefore = m_server ? m_server->usage().preciseSeconds() : 0;
    m_firstSendNs = nowNs();
    m_lastDeliveryNs = m_firstSendNs;
    for (int sender = 0; sender < m_options.senders; ++sender)
        sendMore(sender);
    pump([&] { return m_completed == total; });
    m_result.sendSeconds = seconds(m_lastDeliveryNs - m_firstSendNs);
    if (m_server)
        m_result.serverSendCpuSeconds = m_server->usage().preciseSeconds() - cpuBefore;
    if (syscalls)
        syscalls->disable();
}

void LoadGenerator::finishResult(int64_t start)
{
    RunResult &r = m_result;
    r.deliveredLines = m_tracker.received();
    if (r.sendSeconds > 0)
        r.linesPerSecond = double(r.deliveredLines) / r.sendSeconds;
    r.p50Ms = m_tracker.quantileMs(0.50);
    r.p99Ms = m_tracker.quantileMs(0.99);
    r.maxMs = m_tracker.quantileMs(1.0);
    // Messages never sent (a run cut short) cannot be lost; those sent must all arrive.
    r.expected = m_tracker.expected();
    r.lost = r.expected - m_tracker.unique();
    if (r.deliveredLines > 0) {
        const double lines = double(r.deliveredLines);
        if (r.serverSendCpuSeconds >= 0)
            r.serverCpuUsPerLine = r.serverSendCpuSeconds * 1e6 / lines;
        if (r.serverSyscalls >= 0)
            r.syscallsPerLine = double(r.serverSyscalls) / lines;
        if (r.serverSendCalls >= 0)
            r.sendCallsPerLine = double(r.serverSendCalls) / lines;
    }
    r.duplicated = m_tracker.duplicated();
    r.reordered = m_tracker.reordered();
    if (r.timedOut && r.firstError.empty()) {
        r.firstError = "timed out after " + std::to_string(seconds(nowNs() - start)) + " s";
    }
    if (m_server) {
        const ServerProcess::Usage end = m_server->usage();
        r.serverPeakKiB = end.peakKiB;
        r.serverCpuSeconds = end.cpuSeconds;
    }
}

bool LoadGenerator::pump(const std::function<bool()> &done)
{
    epoll_event events[512];
    while (!done()) {
        connectMore();
        const int64_t now = nowNs();
        if (now >= m_deadlineNs) {
            m_result.timedOut = true;
            return false;
        }
        const int waitMs = int(std::min<int64_t>(100, (m_deadlineNs - now) / 1'000'000 + 1));
        const int count = epoll_wait(m_epoll, events, 512, waitMs);
        for (int i = 0; i < count; ++i) {
            const int index = int(events[i].data.u32);
            const uint32_t flags = events[i].events;
            Client &client = m_clients[size_t(index)];
            if (client.state == Client::State::Connecting) {
                finishConnect(index);
                continue;
            }
            if (flags & (EPOLLIN | EPOLLERR | EPOLLHUP))
                readFrom(index);
            if ((flags & EPOLLOUT) && client.fd >= 0)
                flush(index);
        }
    }
    return true;
}

void LoadGenerator::connectMore()
{
    while (m_connecting < m_options.connectBatch &&
           (!m_retries.empty() || m_nextToConnect < m_options.clients)) {
        int index = 0;
        if (!m_retries.empty()) {
            index = m_retries.back();
            m_retries.pop_back();
        } else {
            index = m_nextToConnect++;
        }
        startConnect(index);
    }
}

void LoadGenerator::startConnect(int index)
{
    Client &client = m_clients[size_t(index)];
    ++client.connectAttempts;
    client.fd = socket(AF_INET, SOCK_STREAM | SOCK_NONBLOCK | SOCK_CLOEXEC, 0);
    if (client.fd < 0) {
        recordError(std::string("socket: ") + std::strerror(errno));
        m_deadlineNs = 0; // out of descriptors: nothing more can be done
        return;
    }
    const int one = 1;
    // Senders write one short line at a time; Nagle would hold them back for an ACK.
    setsockopt(client.fd, IPPROTO_TCP, TCP_NODELAY, &one, sizeof one);
    ++m_connecting;
    const sockaddr_in &address = m_addresses[size_t(index) % m_addresses.size()];
    if (connect(client.fd, reinterpret_cast<const sockaddr *>(&address), sizeof address) != 0 &&
        errno != EINPROGRESS) {
        retryOrFail(index, "connect");
        return;
    }
    client.state = Client::State::Connecting;
    epoll_event event{};
    event.events = EPOLLOUT | EPOLLIN;
    event.data.u32 = uint32_t(index);
    epoll_ctl(m_epoll, EPOLL_CTL_ADD, client.fd, &event);
}

void LoadGenerator::finishConnect(int index)
{
    Client &client = m_clients[size_t(index)];
    int error = 0;
    socklen_t length = sizeof error;
    getsockopt(client.fd, SOL_SOCKET, SO_ERROR, &error, &length);
    if (error != 0) {
        errno = error;
        retryOrFail(index, "connect");
        return;
    }
    ++m_connected;
    m_lastConnectNs = nowNs();
    client.state = Client::State::LoggingIn;
    epoll_event event{};
    event.events = EPOLLIN;
    event.data.u32 = uint32_t(index);
    epoll_ctl(m_epoll, EPOLL_CTL_MOD, client.fd, &event);
    send(index, m_dialect.login(nick(index)));
}

void LoadGenerator::retryOrFail(int index, const char *what)
{
    Client &client = m_clients[size_t(index)];
    const std::string reason = std::string(what) + ": " + std::strerror(errno);
    close(client.fd);
    client.fd = -1;
    client.state = Client::State::Waiting;
    --m_connecting;
    if (client.connectAttempts < MaxConnectAttempts) {
        m_retries.push_back(index);
        return;
    }
    client.state = Client::State::Closed;
    recordError(reason);
}

void LoadGenerator::readFrom(int index)
{
    static char buffer[ReadChunk];
    Client &client = m_clients[size_t(index)];
    for (int round = 0; round < ReadsPerWakeup && client.fd >= 0; ++round) {
        const ssize_t count = recv(client.fd, buffer, sizeof buffer, 0);
        if (count < 0 && (errno == EAGAIN || errno == EINTR))
            return;
        if (count <= 0) {
            closeClient(index);
            return;
        }
        // One clock reading per read: a chunk is parsed in microseconds.
        const int64_t now = nowNs();
        std::string_view data(buffer, size_t(count));
        if (!client.partial.empty()) {
            const size_t newline = data.find('\n');
            if (newline == std::string_view::npos) {
                client.partial.append(data);
                continue;
            }
            client.partial.append(data.substr(0, newline));
            data.remove_prefix(newline + 1);
            std::string line;
            line.swap(client.partial);
            if (line.ends_with('\r'))
                line.pop_back();
            handleLine(index, line, now);
        }
        for (size_t newline; (newline = data.find('\n')) != std::string_view::npos;) {
            std::string_view line = data.substr(0, newline);
            data.remove_prefix(newline + 1);
            if (line.ends_with('\r'))
                line.remove_suffix(1);
            handleLine(index, line, now);
        }
        client.partial.append(data);
        if (size_t(count) < sizeof buffer)
            return;
    }
}

void LoadGenerator::handleLine(int index, std::string_view line, int64_t nowNs)
{
    const Dialect::Line parsed = m_dialect.parse(line);
    Client &client = m_clients[size_t(index)];
    switch (parsed.kind) {
    case Dialect::LineKind::Message:
        handleMessage(index, parsed.payload, nowNs);
        break;
    case Dialect::LineKind::LoggedIn:
        if (client.state == Client::State::LoggingIn) {
            client.state = Client::State::LoggedIn;
            ++m_loggedIn;
            --m_connecting;
            m_lastLoginNs = nowNs;
        }
        break;
    case Dialect::LineKind::Joined:
        if (client.state == Client::State::Joining) {
            client.state = Client::State::Ready;
            ++m_joined;
        }
        break;
    case Dialect::LineKind::Ping:
        send(index, m_dialect.pong(parsed.payload));
        break;
    case Dialect::LineKind::Error:
        recordError("client " + std::to_string(index) + " got: " + std::string(parsed.payload));
        break;
    case Dialect::LineKind::Other:
        break;
    }
}

void LoadGenerator::handleMessage(int receiver, std::string_view text, int64_t nowNs)
{
    Dialect::Payload payload;
    if (!Dialect::parsePayload(text, payload) || payload.sender >= uint32_t(m_options.senders) ||
        payload.sequence >= uint32_t(m_options.messages)) {
        recordError("unexpected message: " + std::string(text));
        return;
    }
    const int sender = int(payload.sender);
    if (m_clients[size_t(receiver)].room != m_clients[size_t(sender)].room ||
        (receiver == sender && !m_dialect.echoesToSender())) {
        recordError("message for another room: " + std::string(text));
        return;
    }
    m_lastDeliveryNs = nowNs;
    const auto outcome =
        m_tracker.deliver(receiver, sender, int(payload.sequence), nowNs - payload.sentNs);
    if (outcome == DeliveryTracker::Outcome::Completed) {
        ++m_completed;
        --m_inFlight[size_t(sender)];
        sendMore(sender);
    }
}

void LoadGenerator::sendMore(int sender)
{
    Client &client = m_clients[size_t(sender)];
    const std::string room = roomName(client.room);
    const int receivers = expectedReceivers(sender);
    const int64_t now = nowNs();
    std::string batch;
    while (m_inFlight[size_t(sender)] < m_options.window &&
           m_nextSequence[size_t(sender)] < m_options.messages) {
        const int sequence = m_nextSequence[size_t(sender)]++;
        const Dialect::Payload payload{uint32_t(sender), uint32_t(sequence), now};
        batch += m_dialect.say(room, Dialect::payloadText(payload));
        m_tracker.expect(sender, sequence, receivers);
        if (receivers == 0)
            ++m_completed;
        else
            ++m_inFlight[size_t(sender)];
    }
    if (!batch.empty())
        send(sender, batch);
}

void LoadGenerator::send(int index, std::string_view bytes)
{
    Client &client = m_clients[size_t(index)];
    if (client.fd < 0)
        return;
    client.out.append(bytes);
    flush(index);
}

void LoadGenerator::flush(int index)
{
    Client &client = m_clients[size_t(index)];
    while (!client.out.empty()) {
        const ssize_t written =
            ::send(client.fd, client.out.data(), client.out.size(), MSG_NOSIGNAL);
        if (written < 0 && errno == EINTR)
            continue;
        if (written < 0 && errno != EAGAIN) {
            closeClient(index);
            return;
        }
        if (written < 0)
            break;
        client.out.erase(0, size_t(written));
    }
    // Watch for writability only while something is waiting, or every wake-up would report it.
    const bool wantWrite = !client.out.empty();
    if (wantWrite != client.writeWatched) {
        client.writeWatched = wantWrite;
        epoll_event event{};
        event.events = EPOLLIN | (wantWrite ? EPOLLOUT : 0u);
        event.data.u32 = uint32_t(index);
        epoll_ctl(m_epoll, EPOLL_CTL_MOD, client.fd, &event);
    }
}

void LoadGenerator::closeClient(int index)
{
    Client &client = m_clients[size_t(index)];
    if (client.fd < 0)
        return;
    if (client.state == Client::State::Connecting || client.state == Client::State::LoggingIn)
        --m_connecting;
    epoll_ctl(m_epoll, EPOLL_CTL_DEL, client.fd, nullptr);
    close(client.fd);
    client.fd = -1;
    client.state = Client::State::Closed;
    ++m_result.disconnects;
    if (m_result.firstError.empty())
        m_result.firstError = "the server closed client " + std::to_string(index);
}

void LoadGenerator::recordError(const std::string &what)
{
    ++m_result.errors;
    if (m_result.firstError.empty())
        m_result.firstError = what;
}
