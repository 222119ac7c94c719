// SPDX-License-Identifier: MIT
#include "irc/IrcRegistration.h"

#include "NameRules.h"
#include "irc/IrcNumeric.h"
#include "irc/IrcText.h"

using namespace Qt::StringLiterals;

namespace {

// The first most characters of text that are printable, without IRC's formatting, and when
// refused (ASCII) is not empty (a user name is one word) not spaces nor one of refused.
QString printable(const QString &text, const QString &refused, qsizetype most)
{
    QList<char32_t> kept;
    for (const char32_t c : IrcText::plain(text).trimmed().toUcs4()) {
        if (kept.size() == most)
            break;
        if (!QChar::isPrint(c) ||
            (!refused.isEmpty() &&
             (QChar::isSpace(c) || (c < 0x80 && refused.contains(QLatin1Char(char(c)))))))
            continue;
        kept.append(c);
    }
    return QString::fromUcs4(kept.constData(), kept.size());
}

} // namespace

IrcRegistration::IrcRegistration(QString serverName, QList<IrcCapabilities::Offer> capabilities)
    : m_serverName(std::move(serverName))
    , m_capabilities(std::move(capabilities))
{
}

bool IrcRegistration::isComplete() const
{
    return !m_nick.isEmpty() && m_userGiven && !m_capabilities.isNegotiating();
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
        // An empty user or real name is no name (modern IRC: 461 even when the parameter is
        // there).
        if (message.paramCount() < 4 || message.param(0).isEmpty() || message.param(3).isEmpty())
            return {reply(IrcNumeric::NeedMoreParams, {command, u"Not enough parameters"_s})};
        if (m_userGiven)
            return {reply(IrcNumeric::AlreadyRegistered, {u"You may not reregister"_s})};
        m_userGiven = true;
        m_user = printable(message.param(0), u"!@"_s, UserNameMaxLength);
        if (!m_user.isEmpty())
            m_user.prepend(u'~');
        m_realName = printable(message.param(3), {}, RealNameMaxLength);
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
