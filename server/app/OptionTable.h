// SPDX-License-Identifier: MIT
#pragma once

#include "config/ServerConfig.h"

#include <QList>
#include <QString>

#include <functional>

// Every setting an operator can make, once: the command line (ServerOptions), the
// configuration file (ConfigFile), --print-config and the man page (OptionDocs) are all made
// from this table, so a new setting is one new row. A row's name is both the long option
// (--max-output-bytes) and the file's key (max-output-bytes = 262144).
struct ServerOption
{
    // What a changed value does on a reload (SIGHUP): see ChatServer::reloadConfiguration().
    enum class Reload {
        Live,           // applies at once, to everyone connected too
        NewConnections, // applies to connections made after the reload
        Restart,        // kept as it is until the server restarts (and the log says so)
    };

    QString name;
    QString valueName; // as --help shows it ("number"); empty for a flag, which takes no value
    const char *help;  // untranslated (QT_TRANSLATE_NOOP in the "ServerOptions" context)
    Reload reload;
    bool showDefault; // whether --help appends "Default: <value>." (numbers; others say it)
    // The value as the file writes it.
    std::function<QString(const ServerConfig &)> get;
    // Sets the value from text; empty on success, otherwise what was expected ("0 to 65535"),
    // translated, with config unchanged.
    std::function<QString(ServerConfig &, const QString &)> set;

    // A text of the options (help, errors), translated: QT_TRANSLATE_NOOP in the "ServerOptions"
    // context marks it.
    static QString translated(const char *text);

    bool isFlag() const { return valueName.isEmpty(); }
    // The help text, translated, with the default when showDefault says so.
    QString helpText() const;
    // What a reload does with this option, translated ("applies at once").
    QString reloadText() const;
};

namespace OptionTable {

const QList<ServerOption> &options();
// The row named name, or null.
const ServerOption *find(const QString &name);

// The text for metricsAddress/metricsPort: "" when off, "127.0.0.1:9100", "[::1]:9100".
QString hostPortText(const QHostAddress &address, int port);
// Parses "[address:]port"; only a port means loopback. False when it is not one.
bool parseHostPort(const QString &text, QHostAddress *address, int *port);

} // namespace OptionTable
