// SPDX-License-Identifier: MIT
#pragma once

#include "IrcMessage.h"
#include "irc/IrcCapabilities.h"

#include <QList>
#include <QString>

// The start of an IRC connection (RFC 2812 3.1, IRCv3 capability negotiation): PASS, NICK,
// USER and CAP in any order, PING answered, everything else refused with 451 until the client
// has given a valid nickname and a USER line and has ended any CAP negotiation. Whether the
// name is free and the password right is the chat model's decision, made once isComplete().
class IrcRegistration
{
public:
    IrcRegistration(QString serverName, QList<IrcCapabilities::Offer> capabilities);

    // The replies to one message of a client that has not registered yet.
    QList<IrcMessage> handle(const IrcMessage &message);

    bool isComplete() const;
    bool hasQuit() const { return m_quit; }

    // The chat model refused the nickname (in use): the client must send another NICK.
    void refuseNick() { m_nick.clear(); }

    // The nickname so far, "*" before there is one (the target of numeric replies).
    QString target() const { return m_nick.isEmpty() ? QStringLiteral("*") : m_nick; }
    const QString &nick() const { return m_nick; }
    // What USER said, as others are shown it (WHO, WHOIS): the user name in printable
    // characters but spaces, '!' and '@', at most UserNameMaxLength of them, after '~' (as
    // servers mark a name no ident server vouched for); the real name in printable characters,
    // at most RealNameMaxLength of them. Empty before USER, or when nothing was left.
    const QString &userName() const { return m_user; }
    const QString &realName() const { return m_realName; }
    static constexpr qsizetype UserNameMaxLength = 10;
    static constexpr qsizetype RealNameMaxLength = 64;
    const QString &password() const { return m_password; }
    IrcCapabilities &capabilities() { return m_capabilities; }

private:
    IrcMessage reply(int numeric, QStringList params) const;
    QList<IrcMessage> handleNick(const IrcMessage &message);

    QString m_serverName;
    IrcCapabilities m_capabilities;
    QString m_nick;
    QString m_user;
    bool m_userGiven = false;
    QString m_realName;
    QString m_password;
    bool m_quit = false;
};
