// SPDX-License-Identifier: MIT
#include "app/OptionTable.h"

#include "cluster/ClusterNode.h"
#include "net/ProxyTrust.h"
#include "store/PostgresUrl.h"

#include <QCoreApplication>

using namespace Qt::StringLiterals;

namespace {

using Reload = ServerOption::Reload;

template <typename T>
ServerOption number(const QString &name, const char *help, T ServerConfig::*field, qint64 min,
                    qint64 max, Reload reload)
{
    return {name,
            u"number"_s,
            help,
            reload,
            true,
            [field](const ServerConfig &config) { return QString::number(config.*field); },
            [field, min, max](ServerConfig &config, const QString &text) {
                bool ok = false;
                const qint64 value = text.trimmed().toLongLong(&ok);
                if (!ok || value < min || value > max)
                    return ServerOption::translated(QT_TRANSLATE_NOOP("ServerOptions", "%1 to %2"))
                        .arg(min)
                        .arg(max);
                config.*field = static_cast<T>(value);
                return QString();
            }};
}

ServerOption text(const QString &name, const QString &valueName, const char *help,
                  QString ServerConfig::*field, Reload reload)
{
    return {name,
            valueName,
            help,
            reload,
            false,
            [field](const ServerConfig &config) { return config.*field; },
            [field](ServerConfig &config, const QString &value) {
                config.*field = value.trimmed();
                return QString();
            }};
}

ServerOption flag(const QString &name, const char *help, bool ServerConfig::*field, Reload reload)
{
    return {name,
            {},
            help,
            reload,
            false,
            [field](const ServerConfig &config) { return config.*field ? u"true"_s : u"false"_s; },
            [field](ServerConfig &config, const QString &value) {
                const QString word = value.trimmed().toLower();
                if (word == "true"_L1 || word == "yes"_L1 || word == "on"_L1 || word == "1"_L1)
                    config.*field = true;
                else if (word == "false"_L1 || word == "no"_L1 || word == "off"_L1 ||
                         word == "0"_L1)
                    config.*field = false;
                else
                    return ServerOption::translated(
                        QT_TRANSLATE_NOOP("ServerOptions", "true or false"));
                return QString();
            }};
}

// One of two words.
ServerOption choice(const QString &name, const QString &valueName, const char *help,
                    std::function<QString(const ServerConfig &)> get,
                    std::function<void(ServerConfig &, bool first)> set,
                    std::pair<QString, QString> words, Reload reload)
{
    return {name,
            valueName,
            help,
            reload,
            false,
            std::move(get),
            [set = std::move(set), words](ServerConfig &config, const QString &value) {
                const QString word = value.trimmed();
                if (word != words.first && word != words.second)
                    return ServerOption::translated(QT_TRANSLATE_NOOP("ServerOptions", "%1 or %2"))
                        .arg(words.first, words.second);
                set(config, word == words.first);
                return QString();
            }};
}

QList<ServerOption> makeTable()
{
    using C = ServerConfig;
    using D = StoreOptions::Durability;
    // clang-format off
    return {
        number(u"port"_s, QT_TRANSLATE_NOOP("ServerOptions", "TCP port to listen on (0 picks a free one)."), &C::port, 0, 65535, Reload::Restart),
        {u"bind"_s, u"address"_s, QT_TRANSLATE_NOOP("ServerOptions", "Address to listen on (default: every IPv4 and IPv6 address)."), Reload::Restart, false,
         [](const C &config) { return config.bindAddress == QHostAddress::Any ? QString() : config.bindAddress.toString(); },
         [](C &config, const QString &value) {
             QHostAddress address(QHostAddress::Any);
             if (!value.trimmed().isEmpty() && !address.setAddress(value.trimmed()))
                 return ServerOption::translated(QT_TRANSLATE_NOOP("ServerOptions", "an IP address"));
             config.bindAddress = address;
             return QString();
         }},
        text(u"name"_s, u"name"_s, QT_TRANSLATE_NOOP("ServerOptions", "Server name shown in the greeting (default: this machine's name)."), &C::name, Reload::Live),
        text(u"description"_s, u"text"_s, QT_TRANSLATE_NOOP("ServerOptions", "A line about this server that IRC clients show beside its name (LINKS, WHOIS), e.g. \"Physics class chat\"."), &C::description, Reload::NewConnections),
        number(u"irc-port"_s, QT_TRANSLATE_NOOP("ServerOptions", "TCP port of the IRC listener, for IRC clients (0 turns it off)."), &C::ircPort, 0, 65535, Reload::Restart),
        number(u"irc-tls-port"_s, QT_TRANSLATE_NOOP("ServerOptions", "TCP port of the IRC listener over TLS, when --tls-cert and --tls-key are given (0 turns it off)."), &C::ircTlsPort, 0, 65535, Reload::Restart),
        choice(u"irc-autojoin"_s, u"hall|none"_s, QT_TRANSLATE_NOOP("ServerOptions", "hall: IRC clients start in #hall, as everyone does; none: in no channel, as on other IRC servers. Default: hall."),
               [](const C &config) { return config.ircJoinsHall ? u"hall"_s : u"none"_s; },
               [](C &config, bool hall) { config.ircJoinsHall = hall; },
               {u"hall"_s, u"none"_s}, Reload::Live),
        number(u"web-port"_s, QT_TRANSLATE_NOOP("ServerOptions", "TCP port of the web front end: the browser client's page and its WebSocket (0 turns it off)."), &C::webPort, 0, 65535, Reload::Restart),
        text(u"web-origins"_s, u"origins"_s, QT_TRANSLATE_NOOP("ServerOptions", "Origins (scheme://host:port), comma-separated, whose pages may open the web front end's WebSocket (default: only the page's own origin)."), &C::webOrigins, Reload::Live),
        number(u"tls-port"_s, QT_TRANSLATE_NOOP("ServerOptions", "TCP port of the TLS listener (with --tls-cert and --tls-key)."), &C::tlsPort, 0, 65535, Reload::Restart),
        text(u"tls-cert"_s, u"file"_s, QT_TRANSLATE_NOOP("ServerOptions", "PEM certificate (chain) for the TLS listener."), &C::tlsCertificateFile, Reload::NewConnections),
        text(u"tls-key"_s, u"file"_s, QT_TRANSLATE_NOOP("ServerOptions", "PEM private key for the TLS listener."), &C::tlsKeyFile, Reload::NewConnections),
        number(u"tls-handshake-timeout"_s, QT_TRANSLATE_NOOP("ServerOptions", "Seconds a TLS handshake may take."), &C::tlsHandshakeTimeoutSeconds, 1, 600, Reload::NewConnections),
        text(u"password-file"_s, u"file"_s, QT_TRANSLATE_NOOP("ServerOptions", "File with the server password's hash (make one with --hash-password); nobody logs in without the password."), &C::passwordFile, Reload::Live),
        text(u"administrators"_s, u"nicks"_s, QT_TRANSLATE_NOOP("ServerOptions", "Registered nicknames, comma-separated, whose owners may do in every room what its owner may, and act on owners too."), &C::administrators, Reload::Live),
        number(u"min-password-length"_s, QT_TRANSLATE_NOOP("ServerOptions", "Shortest password an account may have, in characters (passwords set before keep working)."), &C::passwordMinLength, 1, Protocol::PasswordMaxLength, Reload::Live),
        number(u"max-line-bytes"_s, QT_TRANSLATE_NOOP("ServerOptions", "Longest line a client may send, in bytes."), &C::maxLineBytes, 64, 1 << 20, Reload::NewConnections),
        number(u"flood-burst"_s, QT_TRANSLATE_NOOP("ServerOptions", "Lines a client may send at once before the rate applies."), &C::floodBurst, 1, 1 << 30, Reload::Live),
        number(u"flood-rate"_s, QT_TRANSLATE_NOOP("ServerOptions", "Lines per second a client may send after the burst (0: no flood control)."), &C::floodRate, 0, 1 << 30, Reload::Live),
        number(u"flood-queue-lines"_s, QT_TRANSLATE_NOOP("ServerOptions", "Delayed lines held for a client before it is disconnected."), &C::floodQueueLines, 1, 1 << 30, Reload::Live),
        number(u"flood-queue-bytes"_s, QT_TRANSLATE_NOOP("ServerOptions", "Delayed bytes held for a client before it is disconnected."), &C::floodQueueBytes, 1024, 1 << 30, Reload::Live),
        number(u"max-output-bytes"_s, QT_TRANSLATE_NOOP("ServerOptions", "Unsent bytes held for a client that does not read before it is disconnected."), &C::maxOutputBytes, 4096, 1 << 30, Reload::Live),
        number(u"presence-limit"_s, QT_TRANSLATE_NOOP("ServerOptions", "Members beyond which a room no longer announces arrivals and departures and lists only this many names."), &C::presenceLimit, 1, 1 << 30, Reload::Live),
        number(u"whowas-size"_s, QT_TRANSLATE_NOOP("ServerOptions", "Departures (people who left or changed their nickname) that whowas remembers in all (0: none)."), &C::whowasSize, 0, 1 << 20, Reload::Live),
        number(u"whowas-per-nick"_s, QT_TRANSLATE_NOOP("ServerOptions", "Departures of one nickname that whowas remembers."), &C::whowasPerNick, 1, 1000, Reload::Live),
        number(u"max-connections-per-address"_s, QT_TRANSLATE_NOOP("ServerOptions", "Connections allowed from one address."), &C::maxConnectionsPerAddress, 1, 1 << 30, Reload::Live),
        flag(u"exempt-loopback"_s, QT_TRANSLATE_NOOP("ServerOptions", "No per-address connection limit for 127.0.0.1 and ::1."), &C::exemptLoopback, Reload::Live),
        number(u"max-connections"_s, QT_TRANSLATE_NOOP("ServerOptions", "Connections allowed in all."), &C::maxConnections, 1, 1 << 30, Reload::Live),
        number(u"listen-backlog"_s, QT_TRANSLATE_NOOP("ServerOptions", "Connections the kernel queues before the server accepts them."), &C::listenBacklog, 1, 65535, Reload::Restart),
        {u"proxy-from"_s, u"addresses"_s, QT_TRANSLATE_NOOP("ServerOptions", "Load balancers (addresses or subnets such as 10.0.0.0/24, comma-separated) whose connections start with a PROXY protocol header, version 1 or 2 (HAProxy's send-proxy or send-proxy-v2), naming the person's real address; a connection from them without one is closed. Default: none."), Reload::NewConnections, false,
         [](const C &config) { return config.proxyFrom; },
         [](C &config, const QString &value) {
             if (!ProxyTrust::invalidItem(value).isEmpty())
                 return ServerOption::translated(QT_TRANSLATE_NOOP("ServerOptions", "addresses or subnets such as 10.0.0.0/8, comma-separated"));
             config.proxyFrom = value.trimmed();
             return QString();
         }},
        number(u"proxy-header-timeout-ms"_s, QT_TRANSLATE_NOOP("ServerOptions", "Milliseconds a load balancer's connection has to send its PROXY header."), &C::proxyHeaderTimeoutMs, 100, 60000, Reload::NewConnections),
        number(u"login-timeout"_s, QT_TRANSLATE_NOOP("ServerOptions", "Seconds a connection may take to log in."), &C::loginTimeoutSeconds, 1, 86400, Reload::NewConnections),
        number(u"ping-interval"_s, QT_TRANSLATE_NOOP("ServerOptions", "Seconds of silence after which a tagged client is pinged."), &C::pingIntervalSeconds, 1, 86400, Reload::Live),
        number(u"ping-timeout"_s, QT_TRANSLATE_NOOP("ServerOptions", "Seconds a pinged client has to answer."), &C::pingTimeoutSeconds, 1, 86400, Reload::Live),
        number(u"stall-timeout"_s, QT_TRANSLATE_NOOP("ServerOptions", "Seconds a long reply may wait for a client that reads nothing before it is disconnected."), &C::stallTimeoutSeconds, 1, 86400, Reload::Live),
        number(u"max-rooms-per-session"_s, QT_TRANSLATE_NOOP("ServerOptions", "Rooms one person may be in at once."), &C::maxRoomsPerSession, 1, 10000, Reload::Live),
        number(u"max-rooms"_s, QT_TRANSLATE_NOOP("ServerOptions", "Rooms the server holds at most, the hall included."), &C::maxRooms, 1, 1 << 30, Reload::Live),
        number(u"max-room-masks"_s, QT_TRANSLATE_NOOP("ServerOptions", "Masks each of a room's lists may hold: its bans, those let in without an invitation, those its bans do not keep out."), &C::maxRoomMasks, 1, 100000, Reload::Live),
        number(u"rooms-per-minute"_s, QT_TRANSLATE_NOOP("ServerOptions", "Rooms one person may create in a minute (0: no limit)."), &C::roomsPerMinute, 0, 1 << 30, Reload::Live),
        number(u"room-idle-time"_s, QT_TRANSLATE_NOOP("ServerOptions", "Seconds an empty room (not the hall) is kept before it goes, with its history (0: kept for ever)."), &C::roomIdleSeconds, 0, 1 << 30, Reload::Live),
        number(u"list-page-size"_s, QT_TRANSLATE_NOOP("ServerOptions", "Rooms or people per page of list and who."), &C::listPageSize, 1, 100000, Reload::Live),
        number(u"history-on-join"_s, QT_TRANSLATE_NOOP("ServerOptions", "Earlier lines of a room shown to whoever enters it (0: none)."), &C::historyOnJoin, 0, 1000, Reload::Live),
        number(u"resume-grace"_s, QT_TRANSLATE_NOOP("ServerOptions", "Seconds a dropped person's name and rooms are held for a resume (0: none)."), &C::resumeGraceSeconds, 0, 86400, Reload::Live),
        number(u"resume-replay-limit"_s, QT_TRANSLATE_NOOP("ServerOptions", "Lines per room a resume replays at most (the newest)."), &C::resumeReplayLimit, 1, 1000, Reload::Live),
        text(u"data-dir"_s, u"folder"_s, QT_TRANSLATE_NOOP("ServerOptions", "Folder of the database (default: ~/.local/share/chat-server, or $XDG_DATA_HOME/chat-server when that is set)."), &C::dataDirectory, Reload::Restart),
        {u"database"_s, u"kind"_s, QT_TRANSLATE_NOOP("ServerOptions", "Where history is kept: sqlite (a file in the data folder), memory (forgotten when the server stops) or a PostgreSQL database, postgresql://user:password@host:port/dbname. Default: sqlite."), Reload::Restart, false,
         [](const C &config) { return config.database; },
         [](C &config, const QString &value) {
             const QString word = value.trimmed();
             if (word != "sqlite"_L1 && word != "memory"_L1 && !PostgresUrl(word).isValid())
                 return ServerOption::translated(QT_TRANSLATE_NOOP("ServerOptions", "sqlite, memory or postgresql://user:password@host:port/dbname"));
             config.database = word;
             return QString();
         }},
        choice(u"durability"_s, u"level"_s, QT_TRANSLATE_NOOP("ServerOptions", "full: every line survives a power cut; normal: it survives the server being killed, a power cut may lose the last ones. Default: full."),
               [](const C &config) { return config.durability == D::Full ? u"full"_s : u"normal"_s; },
               [](C &config, bool full) { config.durability = full ? D::Full : D::Normal; },
               {u"full"_s, u"normal"_s}, Reload::Restart),
        number(u"history-days"_s, QT_TRANSLATE_NOOP("ServerOptions", "Days lines are kept (0: for ever)."), &C::historyDays, 0, 36500, Reload::Restart),
        number(u"history-per-room"_s, QT_TRANSLATE_NOOP("ServerOptions", "Lines kept per room, the newest (0: no limit)."), &C::historyPerRoom, 0, 1 << 30, Reload::Restart),
        {u"cluster"_s, u"url"_s, QT_TRANSLATE_NOOP("ServerOptions", "Makes this server a node of a cluster: the Redis server that the nodes share, redis://host:port (they also need one PostgreSQL --database). Default: none, a server on its own."), Reload::Restart, false,
         [](const C &config) { return config.cluster; },
         [](C &config, const QString &value) {
             ClusterNode::Options options;
             QString error;
             if (!value.trimmed().isEmpty() && !ClusterNode::parseUrl(value, &options, &error))
                 return ServerOption::translated(QT_TRANSLATE_NOOP("ServerOptions", "redis://host:port"));
             config.cluster = value.trimmed();
             return QString();
         }},
        text(u"node-name"_s, u"name"_s, QT_TRANSLATE_NOOP("ServerOptions", "This node's name in its cluster, the same across its restarts (default: this machine's name and the port)."), &C::nodeName, Reload::Restart),
        number(u"max-database-mb"_s, QT_TRANSLATE_NOOP("ServerOptions", "Largest size of the database file in MiB; writes beyond it are refused (0: no limit)."), &C::maxDatabaseMegabytes, 0, 1 << 30, Reload::Restart),
        {u"metrics-address"_s, u"[address:]port"_s, QT_TRANSLATE_NOOP("ServerOptions", "Serve Prometheus metrics (/metrics) and health checks (/healthz, /readyz) over HTTP on this port, of loopback unless an address is given (default: off)."), Reload::Restart, false,
         [](const C &config) { return OptionTable::hostPortText(config.metricsAddress, config.metricsPort); },
         [](C &config, const QString &value) {
             QHostAddress address = QHostAddress::LocalHost;
             int port = -1;
             if (!value.trimmed().isEmpty() && !OptionTable::parseHostPort(value.trimmed(), &address, &port))
                 return ServerOption::translated(QT_TRANSLATE_NOOP("ServerOptions", "a port, or address:port"));
             config.metricsAddress = address;
             config.metricsPort = port;
             return QString();
         }},
    };
    // clang-format on
}

} // namespace

QString ServerOption::translated(const char *text)
{
    return QCoreApplication::translate("ServerOptions", text);
}

QString ServerOption::helpText() const
{
    QString text = translated(help);
    if (showDefault) {
        text +=
            u' ' +
            translated(QT_TRANSLATE_NOOP("ServerOptions", "Default: %1.")).arg(get(ServerConfig{}));
    }
    return text;
}

QString ServerOption::reloadText() const
{
    switch (reload) {
    case Reload::Live:
        return translated(QT_TRANSLATE_NOOP("ServerOptions", "A reload applies it at once."));
    case Reload::NewConnections:
        return translated(
            QT_TRANSLATE_NOOP("ServerOptions", "A reload applies it to new connections."));
    case Reload::Restart:
        break;
    }
    return translated(QT_TRANSLATE_NOOP("ServerOptions", "Changing it needs a restart."));
}

namespace OptionTable {

const QList<ServerOption> &options()
{
    static const QList<ServerOption> table = makeTable();
    return table;
}

const ServerOption *find(const QString &name)
{
    for (const ServerOption &option : options()) {
        if (option.name == name)
            return &option;
    }
    return nullptr;
}

QString hostPortText(const QHostAddress &address, int port)
{
    if (port < 0)
        return {};
    if (address.protocol() == QAbstractSocket::IPv6Protocol)
        return u"[%1]:%2"_s.arg(address.toString()).arg(port);
    return u"%1:%2"_s.arg(address.toString()).arg(port);
}

bool parseHostPort(const QString &text, QHostAddress *address, int *port)
{
    QString host;
    QString portText = text;
    const qsizetype colon = text.lastIndexOf(u':');
    if (colon >= 0) {
        host = text.left(colon);
        portText = text.mid(colon + 1);
        if (host.startsWith(u'[') && host.endsWith(u']'))
            host = host.mid(1, host.size() - 2);
        else if (host.contains(u':'))
            return false; // an IPv6 address goes in brackets
    }
    bool ok = false;
    const int number = portText.toInt(&ok);
    if (!ok || number < 0 || number > 65535)
        return false;
    QHostAddress parsed(QHostAddress::LocalHost);
    if (colon >= 0 && !parsed.setAddress(host))
        return false;
    *address = parsed;
    *port = number;
    return true;
}

} // namespace OptionTable
