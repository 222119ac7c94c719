// SPDX-License-Identifier: MIT
#include "app/OptionDocs.h"

#include "app/OptionTable.h"
#include "app/ServerOptions.h"

#include <QCoreApplication>

using namespace Qt::StringLiterals;

namespace {

// text as "# " comment lines of at most width characters, broken between words.
QString commentLines(const QString &text, qsizetype width = 98)
{
    QString out;
    QString line;
    for (const QString &word : text.split(u' ', Qt::SkipEmptyParts)) {
        if (!line.isEmpty() && line.size() + 1 + word.size() > width - 2) {
            out += u"# "_s + line + u'\n';
            line.clear();
        }
        line += (line.isEmpty() ? QString() : u" "_s) + word;
    }
    if (!line.isEmpty())
        out += u"# "_s + line + u'\n';
    return out;
}

// Text for roff: backslashes and hyphens escaped, no line starting with a control character.
QString roff(QString text)
{
    text.replace(u'\\', u"\\e"_s).replace(u'-', u"\\-"_s);
    if (text.startsWith(u'.') || text.startsWith(u'\''))
        text.prepend(u"\\&"_s);
    return text;
}

const char *const ManBody = R"(.SH DESCRIPTION
.B chat-server
is a chat server that people reach with
.BR telnet (1),
.BR nc (1)
or
.BR chat\-client (1).
It keeps rooms, topics and what is said in a SQLite database in its data folder, listens on
TCP port 5005 (and on a TLS port when given a certificate and key), and logs one line per
connection, login, room change and disconnection to standard error.
.PP
Every setting below is both a command-line option and a key of the configuration file, which
holds one
.RI \(dq key " = " value \(dq
per line (lines starting with
.B #
are comments). An option given on the command line wins over the file.
.B chat\-server \-\-print\-config
prints the settings in effect in that format.
.SH OPTIONS
)";

const char *const ManTail = R"(.SH FILES
.TP
.I /etc/chat\-server/chat\-server.conf
The configuration file, read when it exists and no
.B \-\-config
is given.
.TP
.I /var/lib/chat\-server/chat.db
The database when the server runs as the packaged service (its
.B data\-dir
setting); otherwise
.I ~/.local/share/chat\-server/chat.db
by default.
.SH SIGNALS
.TP
.B SIGHUP
Reads the configuration file again. Limits, the name, the TLS certificate and key and the
password file change at once; the port, addresses, data folder, database and store settings
are kept until a restart, and the log says so. A file with an error is logged and ignored.
.TP
.BR SIGTERM ", " SIGINT
Tells everyone the server is going down, lets the store commit what is queued and exits with 0.
.SH ENVIRONMENT
.TP
.B NOTIFY_SOCKET
Set by systemd for a Type=notify service: the server reports READY=1 there once it listens.
.TP
.B JOURNAL_STREAM
Set by systemd when standard error goes to the journal: log lines then carry no timestamp of
their own.
.SH EXIT STATUS
0 after a clean shutdown, 1 when the server cannot start (a busy port, an unusable database,
certificate or password file), 2 when an option or the configuration file is wrong.
.SH SEE ALSO
.BR chat\-client (1),
.BR systemctl (1),
.BR journalctl (1);
/usr/share/doc/chat\-server/OPERATING.md,
SECURITY.md and PROTOCOL.md
)";

} // namespace

namespace OptionDocs {

QString description()
{
    return ServerOption::translated(QT_TRANSLATE_NOOP(
        "ServerOptions", "A chat server for telnet, nc and the chat-client desktop program."));
}

QString configFile(const ServerConfig &config)
{
    QString out = commentLines(ServerOption::translated(QT_TRANSLATE_NOOP(
        "ServerOptions",
        "chat-server configuration. One \"key = value\" per line; the keys are the long options "
        "of chat-server --help, and an option given on the command line wins over this file. "
        "Lines starting with # are comments. \"chat-server --print-config\" prints the settings "
        "in effect in this format; SIGHUP (systemctl reload chat-server) reads the file "
        "again.")));
    for (const ServerOption &option : OptionTable::options()) {
        out += u'\n' + commentLines(option.helpText() + u' ' + option.reloadText());
        const QString value = option.get(config);
        out += option.name + (value.isEmpty() ? u" ="_s : u" = "_s + value) + u'\n';
    }
    return out;
}

QString manPage()
{
    QString out = u".TH CHAT-SERVER 1 \"\" \"chat-server %1\" \"User Commands\"\n"_s.arg(
        QCoreApplication::applicationVersion());
    out += u".SH NAME\nchat-server \\- "_s + roff(description()) + u'\n';
    out += u".SH SYNOPSIS\n.B chat-server\n[\\fB\\-\\-config\\fR \\fIfile\\fR] "
           "[\\fIoption\\fR...]\n.br\n.B chat-server \\-\\-print\\-config\n"
           "[\\fIoption\\fR...]\n.br\n.B chat-server \\-\\-hash\\-password\n"_s;
    out += QString::fromUtf8(ManBody);
    const auto item = [&out](const QString &name, const QString &valueName, const QString &help) {
        out += u".TP\n\\fB\\-\\-"_s + roff(name) + u"\\fR"_s;
        if (!valueName.isEmpty())
            out += u" \\fI"_s + roff(valueName) + u"\\fR"_s;
        out += u'\n' + roff(help) + u'\n';
    };
    for (const ServerOption &option : OptionTable::options())
        item(option.name, option.valueName, option.helpText() + u' ' + option.reloadText());
    item(u"config"_s, u"file"_s,
         u"Read settings from this file instead of %1; it must exist."_s.arg(
             ServerOptions::DefaultConfigFile));
    item(u"print-config"_s, {},
         u"Print the settings in effect (the defaults, the file, then the options) as a "
         "configuration file with a comment per setting, and exit."_s);
    item(u"hash-password"_s, {},
         u"Read a password from standard input, print the line for the password file, and "
         "exit."_s);
    item(u"help"_s, {}, u"Print the options and exit."_s);
    item(u"help-all"_s, {}, u"Print the options, Qt's own included, and exit."_s);
    item(u"version"_s, {}, u"Print the version and exit."_s);
    out += QString::fromUtf8(ManTail);
    return out;
}

} // namespace OptionDocs
