// SPDX-License-Identifier: MIT
#pragma once

#include "config/ServerConfig.h"

#include <QStringList>

// The chat-server command line and configuration file, turned into a ServerConfig: the
// defaults, then the file (--config FILE, or DefaultConfigFile when it exists), then the
// command line, which wins. Both take the settings of OptionTable.
namespace ServerOptions {

// Read when there is no --config and the file exists (the Debian package installs it).
inline constexpr QLatin1StringView DefaultConfigFile{"/etc/chat-server/chat-server.conf"};

struct Result
{
    ServerConfig config;
    QString error;             // set when the arguments or the file are wrong
    QString configFile;        // the file read; empty when none was
    bool exit = false;         // --help, --version, --print-config or --help-man was handled
    bool hashPassword = false; // --hash-password: print a hash instead of serving
};

// Prints what --help, --version, --print-config and --help-man ask for (then exit is set).
Result parse(const QStringList &arguments);

// Where the database lives unless --data-dir says otherwise: the platform's application data
// folder (~/.local/share/chat-server on Linux).
QString defaultDataDirectory();

} // namespace ServerOptions
