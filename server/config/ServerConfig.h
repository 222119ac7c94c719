// SPDX-License-Identifier: MIT
#pragma once

#include "Protocol.h"
#include "store/StoreOptions.h"

#include <QHostAddress>
#include <QString>
#include <QSysInfo>

// Everything an operator can set. Each setting has its default here, a row in
// app/OptionTable.cpp (which makes it a command-line option and a key of the configuration
// file) and a line in docs/SECURITY.md or docs/OPERATING.md.
//
// ChatServer owns the live one: sessions and commands hold references to it, and a reload
// (SIGHUP) assigns the fields that may change in place, on the event loop's thread.
struct ServerConfig
{
    quint16 port = Protocol::DefaultPort;
    QHostAddress bindAddress = QHostAddress::Any; // IPv4 and IPv6
    QString name;                                 // shown in the greeting; empty: the host's name
    QString description; // a line about the server for IRC's LINKS and WHOIS; empty: the default

    // Input
    qsizetype maxLineBytes = Protocol::DefaultMaxLineBytes;
    int floodBurst = 10;       // lines taken at once before the rate applies
    int floodRate = 5;         // lines per second after the burst; 0: no flood control
    int floodQueueLines = 100; // delayed lines held before the session is closed
    qsizetype floodQueueBytes = 65536;

    // Output: unsent bytes held for a session that does not read
    qsizetype maxOutputBytes = 256 * 1024;

    // Rooms with more members than this stop announcing arrivals and departures and list only
    // this many names (see Room): what makes a hall of thousands fill in seconds, not minutes.
    qsizetype presenceLimit = 200;

    // Rooms and history
    int maxRoomsPerSession = 20;  // rooms one person may be in at once
    int historyOnJoin = 50;       // lines of a room's history shown to whoever enters (0: none)
    int resumeGraceSeconds = 120; // a dropped person's name and rooms are held this long
    int resumeReplayLimit = 1000; // lines per room a resume replays at most (the newest)
    int maxRooms = 1000;          // rooms on the server, the hall included
    int maxRoomMasks = 100;       // masks in a room's ban list, and in its list of the allowed
    int roomsPerMinute = 5;       // rooms one person may make in a minute; 0: no limit
    int roomIdleSeconds = 86400;  // an empty room (not the hall) goes after this long; 0: never
    int listPageSize = Protocol::DefaultListPageSize; // rooms or people per page of list, who
    int whowasSize = 1000;  // departures whowas remembers in all (0: none)
    int whowasPerNick = 10; // departures of one nickname it remembers
    int passwordMinLength = Protocol::PasswordMinLength; // an account's password, in characters

    // The store: "sqlite" (a database file in dataDirectory), "memory" (forgotten when the
    // server stops: for tests and benchmarks) or a PostgreSQL URL (PostgresUrl)
    QString database = QStringLiteral("sqlite");
    QString dataDirectory; // empty: the platform's application data folder
    StoreOptions::Durability durability = StoreOptions::Durability::Full;
    int maxDatabaseMegabytes = 0; // 0: no limit
    int historyDays = 30;         // 0: kept for ever
    int historyPerRoom = 100000;  // lines kept per room; 0: no limit

    // A cluster (docs/CLUSTER.md): Redis as redis://host:port, with a PostgreSQL database;
    // empty: a server on its own. nodeName: this node's name among them, which must stay the
    // same across its restarts; empty: this machine's name and the port.
    QString cluster;
    QString nodeName;

    // Connections
    int maxConnectionsPerAddress = 16;
    int maxConnections = 10000;
    bool exemptLoopback = false; // no per-address limit for 127.0.0.0/8 and ::1
    int loginTimeoutSeconds = 60;
    int pingIntervalSeconds = 90; // tagged clients idle this long are pinged...
    int pingTimeoutSeconds = 60;  // ...and closed when they do not answer in this time
    // A long reply (a history page, a listing) waits for its reader to take what was sent;
    // a reader that takes nothing for this long is closed (it may keep sending, so the ping
    // would never come).
    int stallTimeoutSeconds = 60;
    int listenBacklog = 1024; // Qt's default of 50 drops connections when many arrive at once

    // Load balancers in front (docs/CLUSTER.md): addresses and subnets, comma-separated, whose
    // connections start with a PROXY header naming the real peer (net/ProxyTrust); empty: none.
    QString proxyFrom;
    // How long such a connection has to send its header; HAProxy sends it at once.
    static constexpr int DefaultProxyHeaderTimeoutMs = 3000;
    int proxyHeaderTimeoutMs = DefaultProxyHeaderTimeoutMs;

    // IRC: a listener for IRC clients onto the same rooms and people (docs/IRC.md)
    static constexpr int FreePort = -1;     // ircPort: a free port (tests); not an option's value
    int ircPort = Protocol::DefaultIrcPort; // 0: off
    int ircTlsPort = Protocol::DefaultIrcTlsPort; // with TLS (below) only; 0: off; or FreePort
    // Whether an IRC client starts in #hall, as everyone else does, or in no channel, as on
    // other IRC servers (its client joins what it was told to; conformance tests expect it).
    bool ircJoinsHall = true;

    // The web front end: the page and its WebSocket on one port (docs/WEB.md)
    int webPort = Protocol::DefaultWebPort; // 0: off; FreePort: a free port (tests)
    // Origins (scheme://host[:port]) whose pages may open the WebSocket, comma-separated;
    // empty: only the page's own origin, the one the request's Host header names.
    QString webOrigins;

    // TLS: a second listener when a certificate and key are given
    quint16 tlsPort = Protocol::DefaultPort + 1;
    QString tlsCertificateFile;
    QString tlsKeyFile;
    int tlsHandshakeTimeoutSeconds = 10;

    // Access: a file with a salted PBKDF2 hash; empty means no password
    QString passwordFile;
    // Registered nicknames, comma-separated, whose owners run every room (ChatContext).
    QString administrators;

    // Metrics and health over HTTP (/metrics, /healthz, /readyz); off unless a port is given.
    QHostAddress metricsAddress = QHostAddress::LocalHost;
    int metricsPort = -1; // -1: off; 0: a free port (tests)

    int shutdownGraceMs = 5000; // time given to flush goodbyes before exiting

    // The name the greeting shows: name, or this machine's when it is empty.
    QString displayName() const
    {
        if (!name.isEmpty())
            return name;
        const QString host = QSysInfo::machineHostName();
        return host.isEmpty() ? QStringLiteral("chat") : host;
    }
    // The line IRC clients show beside the server's name (LINKS, WHOIS).
    QString serverInfo() const
    {
        return description.isEmpty() ? QStringLiteral("chat-server: telnet, IRC, web and desktop "
                                                      "clients in one chat")
                                     : description;
    }
    // IRC's server name is a host name: the display name's letters, digits, dots and dashes, in
    // their case (host names are compared without it; clients show it as given).
    QString ircServerName() const
    {
        QString host;
        for (QChar c : displayName()) {
            if ((c.isLetterOrNumber() && c.unicode() < 0x80) || c == u'.' || c == u'-')
                host += c;
        }
        if (host.isEmpty() || !host.front().isLetterOrNumber())
            return QStringLiteral("chat.server");
        return host.contains(u'.') ? host : host + QStringLiteral(".chat");
    }

    bool operator==(const ServerConfig &other) const = default;
};
