// SPDX-License-Identifier: MIT
#include "IrcClient.h"

#include "app/ChatServer.h"

#include <QDateTime>
#include <QRegularExpression>

using namespace Qt::StringLiterals;

ServerConfig IrcClient::serverConfig()
{
    ServerConfig config;
    config.ircPort = ServerConfig::FreePort;
    config.database = u"memory"_s;
    config.description = u"test server"_s;
    return config;
}

bool IrcClient::connectTo(ServerFixture &fixture)
{
    return m_line.connectTo(fixture.server().ircPort());
}

void IrcClient::send(const QString &line)
{
    m_line.sendRaw(line.toUtf8() + "\r\n");
}

QStringList IrcClient::sync(bool keepTags)
{
    const QString token = u"sync%1"_s.arg(++m_syncs);
    send(u"PING "_s + token);
    QStringList lines;
    for (;;) {
        QString line = m_line.readLine();
        if (line.isNull())
            return lines << u"<no PONG>"_s;
        if (!keepTags && line.startsWith(u'@'))
            line = line.section(u' ', 1);
        if (line == Server + u" PONG test.chat "_s + token)
            return lines;
        static const QRegularExpression stamped(
            u" (?:333 \\S+ \\S+ \\S+|329 \\S+ \\S+|3(?:46|48|67) \\S+ \\S+ \\S+ \\S+) (\\d+)$"_s);
        if (const QRegularExpressionMatch match = stamped.match(line); match.hasMatch()) {
            const qint64 seconds = match.captured(1).toLongLong();
            if (qAbs(seconds - QDateTime::currentSecsSinceEpoch()) < 86400)
                line.replace(match.capturedStart(1), match.capturedLength(1), u"<time>"_s);
        }
        lines << line;
    }
}

bool IrcClient::registerAs(const QString &nick, const QString &caps)
{
    if (!caps.isEmpty()) {
        send(u"CAP REQ :"_s + caps);
        send(u"CAP END"_s);
    }
    send(u"NICK "_s + nick);
    send(u"USER "_s + nick + u" 0 * :"_s + nick);
    const QStringList lines = sync();
    return std::any_of(lines.begin(), lines.end(), [&nick](const QString &line) {
        return line.startsWith(Server + u" 001 "_s + nick);
    });
}

QStringList IrcClient::withoutTime(const QStringList &lines)
{
    static const QRegularExpression time(u";time=[^; ]+|time=[^; ]+;?"_s);
    QStringList kept;
    for (QString line : lines) {
        line.remove(time);
        if (line.startsWith(u"@ "_s))
            line = line.mid(2);
        kept << line;
    }
    return kept;
}
