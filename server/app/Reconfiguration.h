// SPDX-License-Identifier: MIT
#pragma once

#include "config/ServerConfig.h"

#include <QStringList>

// What a reload changes: the settings read again compared with those in effect, option by
// option (OptionTable). A setting that can change while the server runs takes its new value;
// one that needs a restart (the port, the addresses, the store) keeps the value in effect.
// Pure: ChatServer does what the plan says (sessions, TLS, password file) and logs it.
struct Reconfiguration
{
    struct Change
    {
        QString option;
        QString from;
        QString to;
    };

    ServerConfig applied;      // the settings to put in effect
    QList<Change> changed;     // taken
    QList<Change> needRestart; // not taken: to = what the file says, from = what stays

    static Reconfiguration plan(const ServerConfig &current, const ServerConfig &next);
};
