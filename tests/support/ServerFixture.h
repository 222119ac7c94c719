// SPDX-License-Identifier: MIT
#pragma once

#include "LineClient.h"
#include "app/ChatServer.h"

#include <QTemporaryDir>

#include <memory>
#include <vector>

// A real ChatServer on a free loopback port, in this process, and clients connected to it.
// Unless the config names a data folder, its database lives in a temporary folder of its own.
class ServerFixture
{
public:
    explicit ServerFixture(ServerConfig config = {});

    bool isListening() const { return m_listening; }
    ChatServer &server() { return *m_server; }
    quint16 port() const { return m_server->port(); }

    // A connected client whose greeting has been read.
    LineClient &connect();
    // A connected client logged in as nick (text rendering), replies consumed.
    LineClient &loggedIn(const QString &nick);
    // The same in the tagged rendering.
    LineClient &taggedLoggedIn(const QString &nick);

    QString dataDirectory() const { return m_dataDirectory.path(); }

private:
    QTemporaryDir m_dataDirectory;
    std::unique_ptr<ChatServer> m_server;
    std::vector<std::unique_ptr<LineClient>> m_clients;
    bool m_listening = false;
};
