// SPDX-License-Identifier: MIT
#include "ServerOptions.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QSysInfo>

using namespace Qt::StringLiterals;

namespace ServerOptions {

Result parse(const QStringList &arguments)
{
    Result result;
    ServerConfig &config = result.config;
    const QString defaultName =
        QSysInfo::machineHostName().isEmpty() ? u"chat"_s : QSysInfo::machineHostName();

    QCommandLineParser parser;
    parser.setApplicationDescription(QCoreApplication::translate(
        "ServerOptions", "A chat server for telnet, nc and the chat-client desktop program."));
    parser.addHelpOption();
    parser.addVersionOption();
    const QCommandLineOption port(
        u"port"_s,
        QCoreApplication::translate("ServerOptions", "TCP port to listen on (0 picks a free one)."),
        u"port"_s, QString::number(config.port));
    const QCommandLineOption bind(
        u"bind"_s,
        QCoreApplication::translate("ServerOptions",
                                    "Address to listen on (default: every IPv4 and IPv6 address)."),
        u"address"_s);
    const QCommandLineOption name(
        u"name"_s,
        QCoreApplication::translate("ServerOptions", "Server name shown in the greeting."),
        u"name"_s, defaultName);
    const QCommandLineOption maxLine(
        u"max-line-bytes"_s,
        QCoreApplication::translate("ServerOptions", "Longest line a client may send, in bytes."),
        u"bytes"_s, QString::number(config.maxLineBytes));
    parser.addOptions({port, bind, name, maxLine});

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

    bool ok = false;
    const uint portValue = parser.value(port).toUInt(&ok);
    if (!ok || portValue > 65535) {
        result.error = QCoreApplication::translate("ServerOptions", "Invalid port: %1")
                           .arg(parser.value(port));
        return result;
    }
    config.port = static_cast<quint16>(portValue);
    if (parser.isSet(bind) && !config.bindAddress.setAddress(parser.value(bind))) {
        result.error = QCoreApplication::translate("ServerOptions", "Invalid address: %1")
                           .arg(parser.value(bind));
        return result;
    }
    config.name = parser.value(name);
    const qsizetype maxLineValue = parser.value(maxLine).toLongLong(&ok);
    if (!ok || maxLineValue < 64 || maxLineValue > 1024 * 1024) {
        result.error = QCoreApplication::translate("ServerOptions",
                                                   "Invalid line limit (64 to 1048576 bytes): %1")
                           .arg(parser.value(maxLine));
        return result;
    }
    config.maxLineBytes = maxLineValue;
    return result;
}

} // namespace ServerOptions
