// SPDX-License-Identifier: MIT
#pragma once

#include "LineClient.h"
#include "app/ChatServer.h"

#include <QTemporaryDir>

#include <memory>
#include <vector>

class Session;

// A real ChatServer on a free loopback port, in this process, and clients connected to it.
// Unless the config names a data folder, its database lives in a temporary folder of its own.
// restart() stops the server and starts another on the same folder.
class ServerFixture
{
public:
    // clock: what the room limits count time on (see ManualClock); null: the system's.
    explicit ServerFixture(ServerConfig config = {}, const Clock *clock = nullptr);

    bool isListening() const { return m_listening; }
    ChatServer &server() { return *m_server; }
    quint16 port() const { return m_server->port(); }

    // A connected client whose greeting has been read, connected to the server's address or
    // another of the server's (the IPv4 loopback of a server on every address).
    LineClient &connect();
    LineClient &connect(const QHostAddress &address);
    // A connected client logged in as nick (text rendering), replies consumed.
    LineClient &loggedIn(const QString &nick, const QHostAddress &address = {});
    // The same in the tagged rendering.
    LineClient &taggedLoggedIn(const QString &nick);

    // The server's session of the person called nick (the first, when they have several), or
    // null.
    Session *sessionOf(const QString &nick);

    QString dataDirectory() const { return m_dataDirectory.path(); }
    // A new server on the same data folder, config and clock; the clients are let go.
    bool restart();

private:
    QTemporaryDir m_dataDirectory;
    std::unique_ptr<ChatServer> start();

    ServerConfig m_config;
    const Clock *m_clock;
    std::unique_ptr<ChatServer> m_server;
    std::vector<std::unique_ptr<LineClient>> m_clients;
    bool m_listening = false;
};
