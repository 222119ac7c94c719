// SPDX-License-Identifier: MIT
#include "BenchOptions.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QDir>

using namespace Qt::StringLiterals;

namespace BenchOptionsParser {

namespace {

bool toInt(const QString &text, int minimum, int &out)
{
    bool ok = false;
    const int value = text.toInt(&ok);
    if (!ok || value < minimum)
        return false;
    out = value;
    return true;
}

} // namespace

bool parse(const QStringList &arguments, BenchOptions &options, QString &error)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(
        u"Load generator for chat-server (and IRC servers): connects clients, logs them in, puts "
        "them in rooms, lets some of them send messages and checks that every member receives "
        "every message exactly once and in order."_s);
    parser.addHelpOption();
    const QList<QCommandLineOption> list = {
        {u"protocol"_s, u"chat (tagged chat protocol) or irc."_s, u"name"_s, u"chat"_s},
        {u"host"_s, u"Server address (loopback)."_s, u"address"_s, u"127.0.0.1"_s},
        {u"port"_s, u"Server port; 0 with --server-cmd reads it from the server's output."_s,
         u"port"_s, u"0"_s},
        {u"more-ports"_s,
         u"Comma-separated ports of further nodes of one cluster (with --port): clients are "
         "spread over all the nodes in turn."_s,
         u"ports"_s},
        {u"server-cmd"_s,
         u"Start this server command (sh syntax) for each run, measure it, stop it."_s,
         u"command"_s},
        {u"spawn"_s,
         u"Start the chat-server built next to chat-bench on a free port, with the limits the load would trip raised (as bench/compare.sh does)."_s},
        {u"history"_s,
         u"With --spawn: on keeps history in the server's SQLite store (durability full, a "
         "fresh database each run), off keeps it in memory (--database memory)."_s,
         u"on|off"_s, u"on"_s},
        {{u"n"_s, u"clients"_s}, u"Connections."_s, u"count"_s, u"20"_s},
        {u"rooms"_s, u"Rooms the clients are spread over; 0 keeps them in the login room."_s,
         u"count"_s, u"1"_s},
        {{u"s"_s, u"senders"_s}, u"Clients that send."_s, u"count"_s, u"2"_s},
        {{u"m"_s, u"messages"_s}, u"Messages per sender."_s, u"count"_s, u"20"_s},
        {{u"w"_s, u"window"_s}, u"Messages per sender in flight."_s, u"count"_s, u"8"_s},
        {u"connect-batch"_s, u"Connections being set up (not yet logged in) at once."_s, u"count"_s,
         u"256"_s},
        {u"idle"_s, u"Seconds to stay idle afterwards, measuring server CPU."_s, u"seconds"_s,
         u"0"_s},
        {u"timeout"_s, u"Seconds a run may take at most."_s, u"seconds"_s, u"60"_s},
        {u"sweep"_s, u"Comma-separated client counts, one run each."_s, u"list"_s},
        {u"plot"_s, u"Write an SVG plot of a sweep to this file."_s, u"file"_s},
        {u"json"_s, u"Print JSON instead of a table."_s},
        {u"syscalls"_s,
         u"Count the server's system calls while the messages flow (perf stat on its syscall "
         "tracepoints; needs perf and the rights to trace)."_s},
    };
    parser.addOptions(list);
    if (!parser.parse(arguments)) {
        error = parser.errorText();
        return false;
    }
    if (parser.isSet(u"help"_s)) {
        fputs(qPrintable(parser.helpText()), stdout);
        ::exit(0);
    }

    const QString protocol = parser.value(u"protocol"_s);
    if (protocol == "chat"_L1) {
        options.protocol = BenchOptions::Protocol::Chat;
    } else if (protocol == "irc"_L1) {
        options.protocol = BenchOptions::Protocol::Irc;
    } else {
        error = u"unknown protocol: %1"_s.arg(protocol);
        return false;
    }
    options.host = parser.value(u"host"_s).toStdString();
    for (const QString &word : parser.value(u"more-ports"_s).split(u',', Qt::SkipEmptyParts)) {
        bool portOk = false;
        const int port = word.trimmed().toInt(&portOk);
        if (!portOk || port < 1 || port > 65535) {
            error = u"--more-ports takes ports, not %1"_s.arg(word);
            return false;
        }
        options.morePorts.push_back(port);
    }
    options.serverCommand = parser.value(u"server-cmd"_s).toStdString();
    const QString history = parser.value(u"history"_s);
    if (history != "on"_L1 && history != "off"_L1) {
        error = u"--history is on or off, not %1"_s.arg(history);
        return false;
    }
    options.history = history == "on"_L1;
    options.spawn = parser.isSet(u"spawn"_s);
    options.syscalls = parser.isSet(u"syscalls"_s);
    if (options.spawn) {
        const QString server =
            QDir(QCoreApplication::applicationDirPath()).filePath(u"../server/chat-server"_s);
        // The server's hardening limits would stop the load itself: every client comes from
        // 127.0.0.1 and senders keep --window lines in flight. The same options as
        // bench/compare.sh, which says why each is needed.
        options.serverCommand = (server +
                                 u" --port 0 --irc-port 0 --web-port 0 --bind 127.0.0.1 "
                                 u"--exempt-loopback --flood-burst 100"
                                 " --flood-rate 100000 --max-connections 10100"_s +
                                 (options.history ? QString() : u" --database memory"_s))
                                    .toStdString();
    }
    bool ok = toInt(parser.value(u"port"_s), 0, options.port) &&
              toInt(parser.value(u"clients"_s), 1, options.clients) &&
              toInt(parser.value(u"rooms"_s), 0, options.rooms) &&
              toInt(parser.value(u"senders"_s), 0, options.senders) &&
              toInt(parser.value(u"messages"_s), 0, options.messages) &&
              toInt(parser.value(u"window"_s), 1, options.window) &&
              toInt(parser.value(u"connect-batch"_s), 1, options.connectBatch);
    bool idleOk = false, timeoutOk = false;
    options.idleSeconds = parser.value(u"idle"_s).toDouble(&idleOk);
    options.timeoutSeconds = parser.value(u"timeout"_s).toDouble(&timeoutOk);
    if (!ok || !idleOk || !timeoutOk || options.timeoutSeconds <= 0 || options.idleSeconds < 0) {
        error = u"invalid number in the options"_s;
        return false;
    }
    if (options.port == 0 && options.serverCommand.empty()) {
        error = u"give --port, --server-cmd or --spawn"_s;
        return false;
    }
    if (options.senders > options.clients || options.rooms > options.clients) {
        error = u"more senders or rooms than clients"_s;
        return false;
    }
    if (parser.isSet(u"sweep"_s)) {
        for (const QString &item : parser.value(u"sweep"_s).split(u',', Qt::SkipEmptyParts)) {
            int value = 0;
            if (!toInt(item, std::max({1, options.senders, options.rooms}), value)) {
                error = u"invalid sweep value: %1"_s.arg(item);
                return false;
            }
            options.sweep.append(value);
        }
    }
    options.plotPath = parser.value(u"plot"_s);
    options.json = parser.isSet(u"json"_s);
    return true;
}

} // namespace BenchOptionsParser
