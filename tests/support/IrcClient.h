// SPDX-License-Identifier: MIT
#pragma once

#include "LineClient.h"
#include "ServerFixture.h"

#include <QStringList>

// A test's IRC client on the fixture's IRC port: lines out, and everything the server answers
// up to a PING's PONG (sync), so that a test compares whole answers, not lines one by one.
class IrcClient
{
public:
    // The server's IRC name in tests (the fixture names the server "test").
    static constexpr QLatin1StringView Server{":test.chat"};
    // A server for IRC tests: its IRC listener on a free port, history in memory.
    static ServerConfig serverConfig();

    bool connectTo(ServerFixture &fixture);
    void send(const QString &line);
    void sendRaw(const QByteArray &bytes) { m_line.sendRaw(bytes); }

    // Everything the server sends before answering a PING sent now, with tags kept when asked.
    // The times of 333 (when a topic was set), 329 (when a room was made) and 367 (when a ban was
    // set) change from run to run: one within a day of now is written "<time>", others are left
    // as they are.
    QStringList sync(bool keepTags = false);
    // The same with tags, less the time (it changes from run to run).
    QStringList syncWithoutTime() { return withoutTime(sync(true)); }
    static QStringList withoutTime(const QStringList &lines);

    // Registers as nick and reads the welcome up to the hall's names; with caps (a
    // space-separated list), asks for those capabilities first, as a modern client does.
    bool registerAs(const QString &nick, const QString &caps = {});
    // connectTo(), then registerAs().
    bool connectAs(ServerFixture &fixture, const QString &nick, const QString &caps = {})
    {
        return connectTo(fixture) && registerAs(nick, caps);
    }

    LineClient &line() { return m_line; }

private:
    LineClient m_line;
    int m_syncs = 0;
};
