// SPDX-License-Identifier: MIT
#include "irc/IrcRegistration.h"

#include "NameRules.h"
#include "irc/IrcNumeric.h"

using namespace Qt::StringLiterals;

IrcRegistration::IrcRegistration(QString serverName, QList<IrcCapabilities::Offer> capabilities)
    : m_serverName(std::move(serverName))
    , m_capabilities(std::move(capabilities))
{
}

bool IrcRegistration::isComplete() const
{
    return !m_nick.isEmpty() && !m_user.isEmpty() && !m_capabilities.isNegotiating();
}

IrcMessage IrcRegistration::reply(int numeric, QStringList params) const
{
    params.prepend(target());
    return IrcMessage(u"%1"_s.arg(numeric, 3, 10, QChar(u'0')), params, m_serverName);
}

QList<IrcMessage> IrcRegistration::handle(const IrcMessage &message)
{
    const QString &command = message.command();
    if (command == u"CAP")
        return m_capabilities.handle(message, m_serverName, target());
    if (command == u"NICK")
        return handleNick(message);
    if (command == u"USER") {
        if (message.paramCount() < 4)
            return {reply(IrcNumeric::NeedMoreParams, {command, u"Not enough parameters"_s})};
        if (!m_user.isEmpty())
            return {reply(IrcNumeric::AlreadyRegistered, {u"You may not reregister"_s})};
        m_user = message.param(0);
        m_realName = message.param(3);
        return {};
    }
    if (command == u"PASS") {
        if (message.paramCount() < 1)
            return {reply(IrcNumeric::NeedMoreParams, {command, u"Not enough parameters"_s})};
        m_password = message.param(0);
        return {};
    }
    if (command == u"PING") {
        if (message.paramCount() < 1)
            return {reply(IrcNumeric::NoOrigin, {u"No origin specified"_s})};
        return {IrcMessage(u"PONG"_s, {m_serverName, message.param(0)}, m_serverName)};
    }
    if (command == u"PONG")
        return {};
    if (command == u"QUIT") {
        m_quit = true;
        return {};
    }
    return {reply(IrcNumeric::NotRegistered, {u"You have not registered"_s})};
}

QList<IrcMessage> IrcRegistration::handleNick(const IrcMessage &message)
{
    const QString nick = message.param(0);
    if (nick.isEmpty())
        return {reply(IrcNumeric::NoNicknameGiven, {u"No nickname given"_s})};
    if (!NameRules::isValidNick(nick))
        return {reply(IrcNumeric::ErroneousNickname, {nick, u"Erroneous nickname"_s})};
    m_nick = NameRules::normalized(nick);
    return {};
}
