// SPDX-License-Identifier: MIT
#pragma once

#include "Protocol.h"

#include <QHostAddress>
#include <QString>

// Everything an operator can set. Each limit has its default here, a command-line option in
// ServerOptions.cpp and a line in docs/.
struct ServerConfig
{
    quint16 port = Protocol::DefaultPort;
    QHostAddress bindAddress = QHostAddress::Any; // IPv4 and IPv6
    QString name;                                 // shown in the greeting
    qsizetype maxLineBytes = Protocol::DefaultMaxLineBytes;
    int shutdownGraceMs = 5000; // time given to flush goodbyes before exiting
};
