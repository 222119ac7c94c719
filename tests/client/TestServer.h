// SPDX-License-Identifier: MIT
#pragma once

#include "ServerAddress.h"
#include "app/ChatServer.h"

#include <QSignalSpy>
#include <QTcpServer>
#include <QTemporaryDir>

#include <memory>

using namespace Qt::StringLiterals;

// A chat server in the test's own event loop on 127.0.0.1, which can be restarted on the same
// port (and the same database) to play a server that went away and came back.
class TestServer
{
public:
    struct Options
    {
        bool tls = false; // a TLS listener with tests/server/data/test-cert.pem
        QString passwordFile = {};
        qsizetype presenceLimit = ServerConfig{}.presenceLimit;
        int resumeGraceSeconds = ServerConfig{}.resumeGraceSeconds;
        int floodRate = ServerConfig{}.floodRate; // 0: no flood control
        QString administrators = {};              // accounts, comma-separated
    };

    TestServer() { start(0, 0); }
    explicit TestServer(const Options &options)
        : m_options(options)
    {
        start(0, 0);
    }

    quint16 port() const { return m_port; }
    ChatServer &server() { return *m_server; }
    ServerAddress address() const { return ServerAddress(u"127.0.0.1"_s, m_port); }
    ServerAddress tlsAddress() const { return ServerAddress(u"127.0.0.1"_s, m_tlsPort); }

    // Stops the server the way an operator does (everyone hears "bye shutdown"), then listens
    // again on the same port.
    bool restart() { return stop() && startAgain(); }

    // Stops the server the way an operator does and leaves it stopped: connecting is refused
    // until startAgain().
    bool stop()
    {
        if (!m_server)
            return true;
        QSignalSpy stopped(m_server.get(), &ChatServer::stopped);
        m_server->shutdown();
        if (stopped.isEmpty() && !stopped.wait(10000))
            return false;
        m_server.reset();
        return true;
    }

    // Listens again on the same port, with the same database.
    bool startAgain() { return start(m_port, m_tlsPort); }

    // A port where nothing listens: taken from the system, then let go.
    static quint16 closedPort()
    {
        QTcpServer probe;
        probe.listen(QHostAddress::LocalHost);
        return probe.serverPort();
    }

private:
    bool start(quint16 port, quint16 tlsPort)
    {
        ServerConfig config;
        config.port = port;
        if (m_options.tls) {
            config.tlsPort = tlsPort;
            config.tlsCertificateFile = QStringLiteral(TEST_DATA "/test-cert.pem");
            config.tlsKeyFile = QStringLiteral(TEST_DATA "/test-key.pem");
        }
        config.passwordFile = m_options.passwordFile;
        config.presenceLimit = m_options.presenceLimit;
        config.resumeGraceSeconds = m_options.resumeGraceSeconds;
        config.floodRate = m_options.floodRate;
        config.administrators = m_options.administrators;
        config.bindAddress = QHostAddress::LocalHost;
        // Tests run side by side: no listener on a fixed port (IRC, IRC over TLS, web).
        config.ircPort = 0;
        config.ircTlsPort = 0;
        config.webPort = 0;
        config.name = u"test"_s;
        config.shutdownGraceMs = 500;
        config.dataDirectory = m_dataDirectory.path();
        config.durability = StoreOptions::Durability::Normal;
        m_server = std::make_unique<ChatServer>(config);
        const bool listening = m_server->listen();
        m_port = m_server->port();
        m_tlsPort = m_server->tlsPort();
        if (!listening)
            qWarning("test server: %s", qPrintable(m_server->errorString()));
        return listening;
    }

    Options m_options;
    QTemporaryDir m_dataDirectory;
    std::unique_ptr<ChatServer> m_server;
    quint16 m_port = 0;
    quint16 m_tlsPort = 0;
};
