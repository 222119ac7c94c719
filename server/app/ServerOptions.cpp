// SPDX-License-Identifier: MIT
#include "app/ServerOptions.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QStandardPaths>
#include <QSysInfo>

#include <variant>

using namespace Qt::StringLiterals;

namespace {

// A numeric option: its name, help, where it goes in ServerConfig and its allowed range.
struct NumberOption
{
    QString name;
    const char *help;
    std::variant<int ServerConfig::*, qsizetype ServerConfig::*, quint16 ServerConfig::*> field;
    qint64 min;
    qint64 max;
};

QString translated(const char *text)
{
    return QCoreApplication::translate("ServerOptions", text);
}

QList<NumberOption> numberOptions()
{
    // clang-format off
    return {
        {u"port"_s, QT_TRANSLATE_NOOP("ServerOptions", "TCP port to listen on (0 picks a free one)."), &ServerConfig::port, 0, 65535},
        {u"max-line-bytes"_s, QT_TRANSLATE_NOOP("ServerOptions", "Longest line a client may send, in bytes."), &ServerConfig::maxLineBytes, 64, 1 << 20},
        {u"flood-burst"_s, QT_TRANSLATE_NOOP("ServerOptions", "Lines a client may send at once before the rate applies."), &ServerConfig::floodBurst, 1, 1 << 30},
        {u"flood-rate"_s, QT_TRANSLATE_NOOP("ServerOptions", "Lines per second a client may send after the burst (0: no flood control)."), &ServerConfig::floodRate, 0, 1 << 30},
        {u"flood-queue-lines"_s, QT_TRANSLATE_NOOP("ServerOptions", "Delayed lines held for a client before it is disconnected."), &ServerConfig::floodQueueLines, 1, 1 << 30},
        {u"flood-queue-bytes"_s, QT_TRANSLATE_NOOP("ServerOptions", "Delayed bytes held for a client before it is disconnected."), &ServerConfig::floodQueueBytes, 1024, 1 << 30},
        {u"max-output-bytes"_s, QT_TRANSLATE_NOOP("ServerOptions", "Unsent bytes held for a client that does not read before it is disconnected."), &ServerConfig::maxOutputBytes, 4096, 1 << 30},
        {u"presence-limit"_s, QT_TRANSLATE_NOOP("ServerOptions", "Members beyond which a room no longer announces arrivals and departures and lists only this many names."), &ServerConfig::presenceLimit, 1, 1 << 30},
        {u"max-connections-per-address"_s, QT_TRANSLATE_NOOP("ServerOptions", "Connections allowed from one address."), &ServerConfig::maxConnectionsPerAddress, 1, 1 << 30},
        {u"max-connections"_s, QT_TRANSLATE_NOOP("ServerOptions", "Connections allowed in all."), &ServerConfig::maxConnections, 1, 1 << 30},
        {u"login-timeout"_s, QT_TRANSLATE_NOOP("ServerOptions", "Seconds a connection may take to log in."), &ServerConfig::loginTimeoutSeconds, 1, 86400},
        {u"ping-interval"_s, QT_TRANSLATE_NOOP("ServerOptions", "Seconds of silence after which a tagged client is pinged."), &ServerConfig::pingIntervalSeconds, 1, 86400},
        {u"ping-timeout"_s, QT_TRANSLATE_NOOP("ServerOptions", "Seconds a pinged client has to answer."), &ServerConfig::pingTimeoutSeconds, 1, 86400},
        {u"listen-backlog"_s, QT_TRANSLATE_NOOP("ServerOptions", "Connections the kernel queues before the server accepts them."), &ServerConfig::listenBacklog, 1, 65535},
        {u"tls-port"_s, QT_TRANSLATE_NOOP("ServerOptions", "TCP port of the TLS listener (with --tls-cert and --tls-key)."), &ServerConfig::tlsPort, 0, 65535},
        {u"max-rooms-per-session"_s, QT_TRANSLATE_NOOP("ServerOptions", "Rooms one person may be in at once."), &ServerConfig::maxRoomsPerSession, 1, 10000},
        {u"max-rooms"_s, QT_TRANSLATE_NOOP("ServerOptions", "Rooms the server holds at most, the hall included."), &ServerConfig::maxRooms, 1, 1 << 30},
        {u"rooms-per-minute"_s, QT_TRANSLATE_NOOP("ServerOptions", "Rooms one person may create in a minute (0: no limit)."), &ServerConfig::roomsPerMinute, 0, 1 << 30},
        {u"room-idle-time"_s, QT_TRANSLATE_NOOP("ServerOptions", "Seconds an empty room (not the hall) is kept before it goes, with its history (0: kept for ever)."), &ServerConfig::roomIdleSeconds, 0, 1 << 30},
        {u"list-page-size"_s, QT_TRANSLATE_NOOP("ServerOptions", "Rooms or people per page of list and who."), &ServerConfig::listPageSize, 1, 100000},
        {u"history-on-join"_s, QT_TRANSLATE_NOOP("ServerOptions", "Earlier lines of a room shown to whoever enters it (0: none)."), &ServerConfig::historyOnJoin, 0, 1000},
        {u"resume-grace"_s, QT_TRANSLATE_NOOP("ServerOptions", "Seconds a dropped person's name and rooms are held for a resume (0: none)."), &ServerConfig::resumeGraceSeconds, 0, 86400},
        {u"resume-replay-limit"_s, QT_TRANSLATE_NOOP("ServerOptions", "Lines per room a resume replays at most (the newest)."), &ServerConfig::resumeReplayLimit, 1, 1000},
        {u"history-days"_s, QT_TRANSLATE_NOOP("ServerOptions", "Days lines are kept (0: for ever)."), &ServerConfig::historyDays, 0, 36500},
        {u"history-per-room"_s, QT_TRANSLATE_NOOP("ServerOptions", "Lines kept per room, the newest (0: no limit)."), &ServerConfig::historyPerRoom, 0, 1 << 30},
        {u"max-database-mb"_s, QT_TRANSLATE_NOOP("ServerOptions", "Largest size of the database file in MiB; writes beyond it are refused (0: no limit)."), &ServerConfig::maxDatabaseMegabytes, 0, 1 << 30},
        {u"tls-handshake-timeout"_s, QT_TRANSLATE_NOOP("ServerOptions", "Seconds a TLS handshake may take."), &ServerConfig::tlsHandshakeTimeoutSeconds, 1, 600},
    };
    // clang-format on
}

} // namespace

namespace ServerOptions {

QString defaultDataDirectory()
{
    return QStandardPaths::writableLocation(QStandardPaths::AppDataLocation);
}

Result parse(const QStringList &arguments)
{
    Result result;
    ServerConfig &config = result.config;
    config.name = QSysInfo::machineHostName().isEmpty() ? u"chat"_s : QSysInfo::machineHostName();

    QCommandLineParser parser;
    parser.setApplicationDescription(translated(QT_TRANSLATE_NOOP(
        "ServerOptions", "A chat server for telnet, nc and the chat-client desktop program.")));
    parser.addHelpOption();
    parser.addVersionOption();
    const QList<NumberOption> numbers = numberOptions();
    for (const NumberOption &option : numbers) {
        const QString defaultValue = std::visit(
            [&config](auto field) { return QString::number(config.*field); }, option.field);
        const QString help =
            translated(option.help) + u' ' +
            translated(QT_TRANSLATE_NOOP("ServerOptions", "Default: %1.")).arg(defaultValue);
        parser.addOption({option.name, help, u"number"_s, defaultValue});
    }
    const QCommandLineOption bind(
        u"bind"_s,
        translated(QT_TRANSLATE_NOOP(
            "ServerOptions", "Address to listen on (default: every IPv4 and IPv6 address).")),
        u"address"_s);
    const QCommandLineOption name(
        u"name"_s,
        translated(QT_TRANSLATE_NOOP("ServerOptions", "Server name shown in the greeting.")),
        u"name"_s, config.name);
    const QCommandLineOption exemptLoopback(
        u"exempt-loopback"_s,
        translated(QT_TRANSLATE_NOOP("ServerOptions",
                                     "No per-address connection limit for 127.0.0.1 and ::1.")));
    const QCommandLineOption tlsCert(
        u"tls-cert"_s,
        translated(
            QT_TRANSLATE_NOOP("ServerOptions", "PEM certificate (chain) for the TLS listener.")),
        u"file"_s);
    const QCommandLineOption tlsKey(
        u"tls-key"_s,
        translated(QT_TRANSLATE_NOOP("ServerOptions", "PEM private key for the TLS listener.")),
        u"file"_s);
    const QCommandLineOption passwordFile(
        u"password-file"_s,
        translated(QT_TRANSLATE_NOOP("ServerOptions",
                                     "File with the server password's hash (make one with "
                                     "--hash-password); nobody logs in without the password.")),
        u"file"_s);
    const QCommandLineOption hashPassword(
        u"hash-password"_s,
        translated(QT_TRANSLATE_NOOP(
            "ServerOptions",
            "Read a password from standard input, print the line for --password-file, and exit.")));
    const QCommandLineOption dataDir(
        u"data-dir"_s,
        translated(QT_TRANSLATE_NOOP("ServerOptions", "Folder of the database (default: %1)."))
            .arg(defaultDataDirectory()),
        u"folder"_s);
    const QCommandLineOption database(
        u"database"_s,
        translated(QT_TRANSLATE_NOOP(
            "ServerOptions",
            "Where history is kept: sqlite (a file in the data folder) or memory (forgotten when "
            "the server stops). Default: sqlite.")),
        u"kind"_s, config.database);
    const QCommandLineOption durability(
        u"durability"_s,
        translated(QT_TRANSLATE_NOOP(
            "ServerOptions",
            "full: every line survives a power cut; normal: it survives the server being "
            "killed, a power cut may lose the last ones. Default: full.")),
        u"level"_s, u"full"_s);
    parser.addOptions({bind, name, exemptLoopback, tlsCert, tlsKey, passwordFile, hashPassword,
                       dataDir, database, durability});

    if (!parser.parse(arguments)) {
        result.error = parser.errorText();
        return result;
    }
    if (parser.isSet(u"help"_s)) {
        fputs(qPrintable(parser.helpText()), stdout);
        result.exit = true;
        return result;
    }
    if (parser.isSet(u"version"_s)) {
        printf("%s %s\n", qPrintable(QCoreApplication::applicationName()),
               qPrintable(QCoreApplication::applicationVersion()));
        result.exit = true;
        return result;
    }
    result.hashPassword = parser.isSet(hashPassword);

    for (const NumberOption &option : numbers) {
        bool ok = false;
        const qint64 value = parser.value(option.name).toLongLong(&ok);
        if (!ok || value < option.min || value > option.max) {
            result.error =
                translated(QT_TRANSLATE_NOOP("ServerOptions", "Invalid --%1 (%2 to %3): %4"))
                    .arg(option.name)
                    .arg(option.min)
                    .arg(option.max)
                    .arg(parser.value(option.name));
            return result;
        }
        std::visit(
            [&](auto field) {
                config.*field =
                    static_cast<std::remove_reference_t<decltype(config.*field)>>(value);
            },
            option.field);
    }
    if (parser.isSet(bind) && !config.bindAddress.setAddress(parser.value(bind))) {
        result.error = translated(QT_TRANSLATE_NOOP("ServerOptions", "Invalid address: %1"))
                           .arg(parser.value(bind));
        return result;
    }
    if (parser.isSet(tlsCert) != parser.isSet(tlsKey)) {
        result.error =
            translated(QT_TRANSLATE_NOOP("ServerOptions", "--tls-cert and --tls-key go together."));
        return result;
    }
    if (parser.value(database) != "sqlite"_L1 && parser.value(database) != "memory"_L1) {
        result.error = translated(QT_TRANSLATE_NOOP("ServerOptions",
                                                    "Invalid --database (sqlite or memory): %1"))
                           .arg(parser.value(database));
        return result;
    }
    if (parser.value(durability) != "full"_L1 && parser.value(durability) != "normal"_L1) {
        result.error = translated(QT_TRANSLATE_NOOP("ServerOptions",
                                                    "Invalid --durability (full or normal): %1"))
                           .arg(parser.value(durability));
        return result;
    }
    config.database = parser.value(database);
    config.durability = parser.value(durability) == "normal"_L1 ? StoreOptions::Durability::Normal
                                                                : StoreOptions::Durability::Full;
    config.dataDirectory = parser.isSet(dataDir) ? parser.value(dataDir) : defaultDataDirectory();
    config.name = parser.value(name);
    config.exemptLoopback = parser.isSet(exemptLoopback);
    config.tlsCertificateFile = parser.value(tlsCert);
    config.tlsKeyFile = parser.value(tlsKey);
    config.passwordFile = parser.value(passwordFile);
    return result;
}

} // namespace ServerOptions
