// SPDX-License-Identifier: MIT
#pragma once

#include "BenchOptions.h"
#include "Client.h"
#include "DeliveryTracker.h"
#include "Dialect.h"
#include "RunResult.h"

#include <functional>
#include <netinet/in.h>
#include <string>
#include <vector>

class ServerProcess;
class SyscallCounter;

// One benchmark run: all connections in one thread around one epoll set, so the load
// generator costs little next to the server it measures. Lines are split and parsed in place;
// every receiver checks each message against a bit per (receiver, sender, sequence).
class LoadGenerator
{
public:
    // server may be null (a server the bench did not start: no memory or CPU figures).
    // tag keeps nicknames and room names of consecutive runs against one server apart.
    LoadGenerator(const BenchOptions &options, const Dialect &dialect, int port,
                  const ServerProcess *server, char tag);
    ~LoadGenerator();
    LoadGenerator(const LoadGenerator &) = delete;
    LoadGenerator &operator=(const LoadGenerator &) = delete;

    RunResult run();

private:
    bool pump(const std::function<bool()> &done);
    bool enterRooms();
    void sendMessages(SyscallCounter *syscalls);
    void finishResult(int64_t startNs);

    void connectMore();
    void startConnect(int index);
    void finishConnect(int index);
    void retryOrFail(int index, const char *what);
    void readFrom(int index);
    void handleLine(int index, std::string_view line, int64_t nowNs);
    void handleMessage(int receiver, std::string_view text, int64_t nowNs);
    void sendMore(int sender);
    void send(int index, std::string_view bytes);
    void flush(int index);
    void closeClient(int index);
    void recordError(const std::string &what);

    std::string nick(int index) const;
    std::string roomName(int room) const;
    int expectedReceivers(int sender) const;

    const BenchOptions &m_options;
    const Dialect &m_dialect;
    const ServerProcess *m_server;
    const char m_tag;
    const int m_roomCount;                // rooms actually used: the login room counts as one
    std::vector<sockaddr_in> m_addresses; // the server's, or each node's of a cluster
    int m_epoll = -1;
    int64_t m_deadlineNs = 0;

    std::vector<Client> m_clients;
    std::vector<int> m_retries;
    std::vector<int> m_roomSizes;
    int m_nextToConnect = 0;
    int m_connecting = 0;
    int m_connected = 0;
    int m_loggedIn = 0;
    int m_joined = 0;
    int64_t m_lastConnectNs = 0;
    int64_t m_lastLoginNs = 0;

    std::vector<int> m_nextSequence; // per sender
    std::vector<int> m_inFlight;     // per sender
    DeliveryTracker m_tracker;
    int64_t m_completed = 0;
    int64_t m_firstSendNs = 0;
    int64_t m_lastDeliveryNs = 0;

    RunResult m_result;
};
