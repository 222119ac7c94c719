// SPDX-License-Identifier: MIT
#pragma once

#include <QList>
#include <QString>

#include <string>
#include <vector>

// What one invocation of chat-bench should do; filled from the command line.
struct BenchOptions
{
    enum class Protocol { Chat, Irc };

    Protocol protocol = Protocol::Chat;
    std::string host = "127.0.0.1";
    int port = 0; // 0: learn it from the spawned server's "... port N" line
    // Further nodes of a cluster that is already running: clients are spread over port and
    // these in turn, so that lines cross between the nodes.
    std::vector<int> morePorts;
    std::string serverCommand; // empty: use a server that is already running
    bool spawn = false;        // serverCommand is the chat-server built next to chat-bench
    bool history = true;       // spawn: keep history in SQLite (on) or in memory (off)

    int clients = 20;
    int rooms = 1; // 0: stay in the room login puts everyone in (the chat server's hall)
    int senders = 2;
    int messages = 20;
    int window = 8;             // messages of one sender not yet delivered to all their receivers
    int connectBatch = 256;     // connections not yet logged in, so listen backlogs are not overrun
    double idleSeconds = 0;     // after the messages: stay connected and measure the server's CPU
    double timeoutSeconds = 60; // for the whole run, so that it can never hang

    QList<int> sweep; // client counts; empty: one run with `clients`
    QString plotPath; // SVG of a sweep
    bool json = false;
    bool syscalls = false; // count the server's system calls while messages flow (perf stat)
};

namespace BenchOptionsParser {

// Parses arguments (argv as QStrings); on failure returns false with a message in error.
bool parse(const QStringList &arguments, BenchOptions &options, QString &error);

} // namespace BenchOptionsParser
