// SPDX-License-Identifier: MIT
#pragma once

#include "config/ServerConfig.h"

#include <QStringList>

// The chat-server command line (QCommandLineParser): turns arguments into a ServerConfig.
namespace ServerOptions {

struct Result
{
    ServerConfig config;
    QString error;             // set when the arguments are wrong
    bool exit = false;         // --help or --version was handled
    bool hashPassword = false; // --hash-password: print a hash instead of serving
};

Result parse(const QStringList &arguments);

// Where the database lives unless --data-dir says otherwise: the platform's application data
// folder (~/.local/share/chat-server on Linux).
QString defaultDataDirectory();

} // namespace ServerOptions
