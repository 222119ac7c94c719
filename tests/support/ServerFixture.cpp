// SPDX-License-Identifier: MIT
#include "ServerFixture.h"

#include "session/Session.h"

using namespace Qt::StringLiterals;

namespace {

ServerConfig loopback(ServerConfig config, const QString &dataDirectory)
{
    if (config.dataDirectory.isEmpty()) {
        config.dataDirectory = dataDirectory;
        // A test's server is never cut off from power: commit without waiting for the disk.
        config.durability = StoreOptions::Durability::Normal;
    }
    // The default (every address) becomes the IPv4 loopback; a test that names an address
    // (the IPv6 loopback) keeps it.
    if (config.bindAddress == QHostAddress(QHostAddress::Any))
        config.bindAddress = QHostAddress::LocalHost;
    config.port = 0;
    // Tests run side by side: IRC only where a test asks for it (a free port).
    if (config.ircPort == Protocol::DefaultIrcPort)
        config.ircPort = 0;
    if (config.ircTlsPort == Protocol::DefaultIrcTlsPort)
        config.ircTlsPort = 0;
    // The web front end likewise (ServerConfig::FreePort asks for it).
    if (config.webPort == Protocol::DefaultWebPort)
        config.webPort = 0;
    if (config.name.isEmpty())
        config.name = u"test"_s;
    return config;
}

} // namespace

ServerFixture::ServerFixture(ServerConfig config, const Clock *clock)
    : m_config(loopback(config, m_dataDirectory.path()))
    , m_clock(clock)
{
    m_server = start();
}

std::unique_ptr<ChatServer> ServerFixture::start()
{
    auto server = std::make_unique<ChatServer>(m_config);
    if (m_clock)
        server->setClock(m_clock);
    m_listening = server->listen();
    return server;
}

bool ServerFixture::restart()
{
    m_clients.clear();
    m_server.reset();
    m_server = start();
    return m_listening;
}

LineClient &ServerFixture::connect()
{
    return connect(m_config.bindAddress);
}

LineClient &ServerFixture::connect(const QHostAddress &address)
{
    auto &client = *m_clients.emplace_back(std::make_unique<LineClient>());
    if (client.connectTo(port(), address))
        client.readLine();
    return client;
}

LineClient &ServerFixture::loggedIn(const QString &nick, const QHostAddress &address)
{
    LineClient &client = connect(address.isNull() ? m_config.bindAddress : address);
    client.login(nick);
    return client;
}

LineClient &ServerFixture::taggedLoggedIn(const QString &nick)
{
    LineClient &client = connect();
    client.useTagged();
    client.send(u"login "_s + nick);
    client.sync();
    return client;
}

Session *ServerFixture::sessionOf(const QString &nick)
{
    const QList<Session *> sessions = m_server->findChildren<Session *>();
    for (Session *session : sessions) {
        if (session->nick() == nick)
            return session;
    }
    return nullptr;
}
