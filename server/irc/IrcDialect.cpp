// SPDX-License-Identifier: MIT
#include "irc/IrcDialect.h"

#include "CommandTable.h"
#include "NameRules.h"
#include "Protocol.h"
#include "irc/IrcChatHistory.h"
#include "irc/IrcHelp.h"
#include "irc/IrcModes.h"
#include "irc/IrcNumeric.h"
#include "irc/IrcText.h"

#include <QDateTime>
#include <QHash>
#include <QLocale>
#include <QRegularExpression>

using namespace Qt::StringLiterals;

namespace {

// A chat command an IRC client may give by /quote. Not "set": the rendering is IRC's.
bool isChatCommand(const QString &verb)
{
    const CommandSpec *spec = CommandTable::find(verb.toLower());
    return spec && spec->type != CommandType::Set;
}

// The start time the 003 numeric names.
const QDateTime &startTime()
{
    static const QDateTime time = QDateTime::currentDateTimeUtc();
    return time;
}

} // namespace

IrcDialect::IrcDialect(QString serverName, QString serverInfo, bool serverPassword)
    : m_serverName(std::move(serverName))
    , m_serverInfo(std::move(serverInfo))
    , m_serverPassword(serverPassword)
    , m_registration(m_serverName, offers())
{
    startTime();
}

QList<IrcCapabilities::Offer> IrcDialect::offers()
{
    // cap-notify is implied by CAP LS 302 and means nothing more here: what is offered never
    // changes while a client is connected.
    // clang-format off
    return {{u"account-tag"_s, {}},
            {u"away-notify"_s, {}},
            {u"batch"_s, {}},
            {u"cap-notify"_s, {}},
            {u"draft/chathistory"_s, {}},
            {u"echo-message"_s, {}},
            {u"extended-join"_s, {}},
            {u"labeled-response"_s, {}},
            {u"message-tags"_s, {}},
            {u"multi-prefix"_s, {}},
            {u"sasl"_s, u"PLAIN"_s},
            {u"server-time"_s, {}},
            {u"userhost-in-names"_s, {}}};
    // clang-format on
}

bool IrcDialect::fetchesHistory() const
{
    return const_cast<IrcRegistration &>(m_registration)
        .capabilities()
        .isEnabled(u"draft/chathistory"_s);
}

QString IrcDialect::label(QByteArrayView line) const
{
    if (!line.startsWith('@') || !m_loggedIn || m_holding)
        return {};
    const IrcCapabilities &caps = const_cast<IrcRegistration &>(m_registration).capabilities();
    if (!caps.isEnabled(u"labeled-response"_s) || !caps.isEnabled(u"batch"_s))
        return {};
    // The specification's limit: a label that breaks it is no label, and the line is answered
    // as any other.
    const QString label = IrcMessage::parse(line).tag(u"label");
    if (label.isEmpty() || label.toUtf8().size() > MaxLabelBytes)
        return {};
    return label;
}

IrcRendering::Options IrcDialect::options() const
{
    IrcRendering::Options options;
    options.enabled = true;
    options.serverName = m_serverName;
    options.serverInfo = m_serverInfo;
    IrcCapabilities &caps = const_cast<IrcRegistration &>(m_registration).capabilities();
    options.serverTime = caps.isEnabled(u"server-time"_s);
    options.messageIds = caps.isEnabled(u"message-tags"_s);
    options.echoMessage = caps.isEnabled(u"echo-message"_s);
    options.batch = caps.isEnabled(u"batch"_s);
    options.userhostInNames = caps.isEnabled(u"userhost-in-names"_s);
    options.awayNotify = caps.isEnabled(u"away-notify"_s);
    options.accountTag = caps.isEnabled(u"account-tag"_s);
    options.extendedJoin = caps.isEnabled(u"extended-join"_s);
    options.multiPrefix = caps.isEnabled(u"multi-prefix"_s);
    return options;
}

QByteArray IrcDialect::reply(int numeric, const QString &me, QStringList params) const
{
    IrcRendering::Options options;
    options.serverName = m_serverName;
    return IrcRendering::numeric(options, numeric, me, std::move(params));
}

IrcDialect::Input IrcDialect::handle(QByteArrayView line, const QString &me,
                                     const QStringList &rooms)
{
    Input input;
    IrcMessage::ParseError error = IrcMessage::ParseError::None;
    const IrcMessage message = IrcMessage::parse(line, &error);
    const QString target = m_loggedIn ? me : m_registration.target();
    switch (error) {
    case IrcMessage::ParseError::None:
        break;
    case IrcMessage::ParseError::Empty:
        return input; // RFC 2812: ignored silently
    case IrcMessage::ParseError::TagsTooLong:
        input.replies = reply(417, target, {u"Input line was too long"_s});
        return input;
    case IrcMessage::ParseError::NotUtf8:
        input.replies = IrcMessage(u"FAIL"_s, {u"*"_s, u"INVALID_UTF8"_s, u"Lines must be UTF-8"_s},
                                   m_serverName)
                            .toLine();
        return input;
    case IrcMessage::ParseError::BadCommand:
        input.replies =
            reply(IrcNumeric::UnknownCommand, target, {message.command(), u"Unknown command"_s});
        return input;
    case IrcMessage::ParseError::NoCommand:
    case IrcMessage::ParseError::ControlBytes:
        input.replies = reply(IrcNumeric::UnknownCommand, target, {u"*"_s, u"Unknown command"_s});
        return input;
    }
    // RFC 2812's 512 bytes hold the line without its tags (IRCv3 message-tags).
    const qsizetype tagBytes = line.startsWith('@') ? line.indexOf(' ') + 1 : 0;
    if (line.size() - tagBytes > IrcMessage::MaxBodyBytes - 2) {
        input.replies = reply(417, target, {u"Input line was too long"_s});
        return input;
    }
    if (m_loggedIn && !m_holding)
        return handleRegistered(message, me, rooms);
    if (message.command() == u"AUTHENTICATE") {
        authenticate(input, message);
        return input;
    }

    for (const IrcMessage &answer : m_registration.handle(message))
        input.replies += answer.toLine();
    input.optionsChanged = message.command() == u"CAP";
    input.quit = m_registration.hasQuit();
    if (input.quit)
        input.replies += IrcMessage(u"ERROR"_s, {u"Closing link: quit"_s}).toLine();
    if (input.quit || !m_registration.isComplete())
        return input;
    if (m_holding) {
        m_holding = false;
        input.replies += welcome(m_nick);
        input.release = true;
        if (const QString rename = askedNickCommand(); !rename.isEmpty())
            input.commands << rename;
    } else if (!m_loginSent) {
        m_loginSent = true;
        if (m_serverPassword)
            input.commands << u"@PASS pass "_s + m_registration.password();
        input.commands << loginCommand();
    }
    return input;
}

QString IrcDialect::loginCommand() const
{
    QString login = u"@NICK login "_s + m_registration.nick();
    const QString password = m_registration.password();
    if (!m_serverPassword && !password.isEmpty())
        login += u' ' + password; // the account's password, as bouncers and bots send it
    return login;
}

QString IrcDialect::askedNickCommand() const
{
    // SASL logs in under the account's nickname; the person goes by the one NICK asked for,
    // keeping the account (the chat's nick rules decide, as for any rename: 433 keeps the
    // account's). Welcomed under the account's, then renamed, the client sees one story.
    const QString &asked = m_registration.nick();
    if (asked.isEmpty() || asked == m_nick)
        return {};
    return u"@NICK nick "_s + asked;
}

void IrcDialect::authenticate(Input &input, const IrcMessage &message)
{
    const QString target = m_registration.target();
    if (!m_registration.capabilities().isEnabled(u"sasl"_s)) {
        input.replies = reply(IrcNumeric::SaslFail, target, {u"SASL authentication failed"_s});
        return;
    }
    if (m_loggedIn || m_loginSent) {
        input.replies =
            reply(IrcNumeric::SaslAlready, target, {u"You have already authenticated"_s});
        return;
    }
    const IrcSasl::Step step = m_sasl.handle(message, m_serverName, target);
    for (const IrcMessage &answer : step.replies)
        input.replies += answer.toLine();
    if (!step.done)
        return;
    // The chat's login of the account is the check: a name that is not registered takes no
    // password (432), a wrong one is 904, a right one logs in (see saslResult()).
    m_loginSent = true;
    m_saslPending = true;
    if (m_serverPassword)
        input.commands << u"@SASL pass "_s + m_registration.password();
    input.commands << u"@SASL login %1 %2"_s.arg(step.account, step.password);
}

IrcDialect::Reaction IrcDialect::saslResult(const Event &event)
{
    Reaction reaction;
    // What the login brings (the hall, its history) carries the login's label too.
    if (event.kind != Event::Kind::Ok && event.kind != Event::Kind::Error)
        return reaction;
    reaction.replace = true;
    if (!m_saslPending)
        return reaction; // the login after a refused server password, say: already answered
    const bool registered = m_registration.isComplete();
    if (event.kind == Event::Kind::Ok && event.command == "login"_L1) {
        m_saslPending = false;
        m_loggedIn = m_saslLoggedIn = true;
        m_nick = event.list.value(0);
        reaction.bytes =
            reply(IrcNumeric::LoggedIn, m_registration.target(),
                  {IrcRendering::source(m_nick), m_nick, u"You are now logged in as "_s + m_nick}) +
            reply(IrcNumeric::SaslSuccess, m_registration.target(),
                  {u"SASL authentication successful"_s});
        if (registered) {
            reaction.bytes += welcome(m_nick); // the client did not wait for 903
            reaction.command = askedNickCommand();
        } else
            reaction.holdAfter = m_holding = true;
    } else if (event.kind == Event::Kind::Error) {
        m_saslPending = false;
        m_loginSent = false;
        reaction.bytes =
            reply(IrcNumeric::SaslFail, m_registration.target(), {u"SASL authentication failed"_s});
        if (registered) { // the client did not wait: log in by its NICK as without SASL
            m_loginSent = true;
            reaction.command = loginCommand();
        }
    }
    return reaction;
}

IrcDialect::Input IrcDialect::handleRegistered(const IrcMessage &message, const QString &me,
                                               const QStringList &rooms)
{
    Input input;
    const QString &verb = message.command();
    auto needMore = [&] {
        input.replies = reply(IrcNumeric::NeedMoreParams, me, {verb, u"Not enough parameters"_s});
        return input;
    };
    auto run = [&](const QString &line) { input.commands << u'@' + verb + u' ' + line; };
    // The rooms a comma-separated channel list names; 403 for what is not a channel.
    auto roomsIn = [&](const QString &channels) {
        QStringList names;
        for (const QString &channel : channels.split(u',', Qt::SkipEmptyParts)) {
            const QString room = IrcRendering::room(channel);
            if (room.isEmpty())
                input.replies +=
                    reply(IrcNumeric::NoSuchChannel, me, {channel, u"No such channel"_s});
            else
                names << room;
        }
        return names;
    };

    if (verb == u"PRIVMSG" || verb == u"NOTICE") {
        say(input, message, me);
    } else if (verb == u"TAGMSG") {
        tagMessage(input, message, me);
    } else if (verb == u"JOIN") {
        if (message.paramCount() < 1)
            return needMore();
        if (message.param(0) == u"0") { // leave every channel
            for (const QString &room : rooms)
                run(u"leave "_s + room);
            return input;
        }
        // JOIN #a,#b key-of-a: keys in the order of the channels.
        const QStringList keys = message.param(1).split(u',');
        const QStringList channels = message.param(0).split(u',', Qt::SkipEmptyParts);
        for (qsizetype i = 0; i < channels.size(); ++i) {
            const QString key = keys.value(i).trimmed();
            for (const QString &room : roomsIn(channels[i]))
                run(u"join "_s + room + (key.isEmpty() ? QString() : u' ' + key));
        }
    } else if (verb == u"PART") {
        if (message.paramCount() < 1)
            return needMore();
        const QString words = IrcText::plain(message.param(1)).trimmed();
        for (const QString &room : roomsIn(message.param(0)))
            run(u"leave "_s + room + (words.isEmpty() ? QString() : u' ' + words));
    } else if (verb == u"TOPIC") {
        if (message.paramCount() < 1)
            return needMore();
        // "TOPIC #room" asks; "TOPIC #room :" (an empty text) clears it, the chat's "-".
        const QString text = IrcText::plain(message.param(1)).trimmed();
        const QString change = message.paramCount() < 2 ? QString()
                               : text.isEmpty()         ? u" -"_s
                                                        : u' ' + text;
        for (const QString &room : roomsIn(message.param(0)))
            run(u"topic #"_s + room + change);
    } else if (verb == u"NAMES") {
        if (message.paramCount() < 1) {
            input.replies = reply(366, me, {u"*"_s, u"End of /NAMES list"_s});
            return input;
        }
        // What is not a channel has no names: an empty list, as RFC 2812 answers (react()
        // answers so for a channel that does not exist or that the client is not in).
        for (const QString &channel : message.param(0).split(u',', Qt::SkipEmptyParts)) {
            const QString room = IrcRendering::room(channel);
            if (room.isEmpty())
                input.replies += reply(366, me, {channel, u"End of /NAMES list"_s});
            else
                run(u"look #"_s + room);
        }
    } else if (verb == u"WHO") {
        const QString mask = message.param(0);
        if (mask.isEmpty()) {
            input.replies = reply(315, me, {u"*"_s, u"End of /WHO list"_s});
        } else if (mask == u"*") { // everyone, as IRC servers show everyone visible
            run(u"who"_s);
        } else if (mask.startsWith(u'#')) {
            for (const QString &room : roomsIn(mask))
                run(u"look #"_s + room);
        } else {
            run(u"who "_s + mask);
        }
    } else if (verb == u"WHOIS") {
        if (message.paramCount() < 1) {
            input.replies = reply(IrcNumeric::NoNicknameGiven, me, {u"No nickname given"_s});
            return input;
        }
        lookUp(input, verb, me, {message.params().last()});
    } else if (verb == u"WHOWAS") {
        if (message.paramCount() < 1)
            return needMore();
        // One nickname: the first of a list; a count that is no number asks for all.
        const QString nick = message.param(0).section(u',', 0, 0);
        if (!NameRules::isValidNick(nick)) {
            input.replies = reply(406, me, {nick, u"There was no such nickname"_s}) +
                            reply(369, me, {nick, u"End of WHOWAS"_s});
            return input;
        }
        run(u"whowas "_s + nick + u' ' + QString::number(message.param(1).toInt()));
    } else if (verb == u"OPER") {
        if (message.paramCount() < 2)
            return needMore();
        run(u"oper "_s + message.param(0) + u' ' + message.param(1));
    } else if (verb == u"KILL") {
        if (message.paramCount() < 1)
            return needMore();
        const QString reason = IrcText::plain(message.param(1)).trimmed();
        run(u"disconnect "_s + message.param(0) + (reason.isEmpty() ? QString() : u' ' + reason));
    } else if (verb == u"WALLOPS") {
        if (message.paramCount() < 1)
            return needMore();
        run(u"wallops "_s + IrcText::plain(message.param(0)));
    } else if (verb == u"INFO") {
        input.replies = reply(371, me,
                              {u"chat-server: rooms for telnet, IRC, web and desktop "
                               u"clients, in one chat"_s}) +
                        reply(374, me, {u"End of /INFO list"_s});
    } else if (verb == u"ISON" || verb == u"USERHOST") {
        if (message.paramCount() < 1)
            return needMore();
        lookUp(input, verb, me, message.params().join(u' ').split(u' ', Qt::SkipEmptyParts));
    } else if (verb == u"LUSERS") {
        run(u"list * 1"_s); // 254 from the count of rooms
        run(u"who * 1"_s);  // 251 and 255 from the count of people
    } else if (verb == u"CHATHISTORY") {
        IrcRendering::Options options = this->options();
        options.me = me;
        const IrcChatHistory::Request request = IrcChatHistory::translate(message, rooms, options);
        input.replies += request.replies;
        if (!request.command.isEmpty())
            input.commands << request.command;
    } else if (verb == u"LIST") {
        QString filter = message.param(0);
        if (filter.startsWith(u'#'))
            filter = filter.mid(1);
        run(filter.isEmpty() || filter.contains(u',') ? u"list"_s : u"list "_s + filter);
    } else if (verb == u"NICK") {
        if (message.paramCount() < 1) {
            input.replies = reply(IrcNumeric::NoNicknameGiven, me, {u"No nickname given"_s});
            return input;
        }
        run(u"nick "_s + message.param(0));
    } else if (verb == u"KICK") {
        if (message.paramCount() < 2)
            return needMore();
        for (const QString &room : roomsIn(message.param(0))) {
            const QString reason = IrcText::plain(message.param(2)).trimmed();
            run(u"kick #%1 %2%3"_s.arg(room, message.param(1),
                                       reason.isEmpty() ? QString() : u' ' + reason));
        }
    } else if (verb == u"MODE" || verb == u"TBAN") {
        const IrcModes::Translation translation =
            verb == u"MODE" ? IrcModes::mode(message, me, m_serverName)
                            : IrcModes::timedBan(message, me, m_serverName);
        input.replies += translation.replies;
        input.commands += translation.commands;
    } else if (verb == u"AWAY") {
        const QString text = IrcText::plain(message.param(0)).trimmed();
        run(text.isEmpty() ? u"back"_s : u"away "_s + text);
    } else if (verb == u"INVITE") {
        if (message.paramCount() < 2)
            return needMore();
        const QString room = IrcRendering::room(message.param(1));
        if (room.isEmpty()) {
            input.replies =
                reply(IrcNumeric::NoSuchChannel, me, {message.param(1), u"No such channel"_s});
            return input;
        }
        run(u"invite #%1 %2"_s.arg(room, message.param(0)));
    } else if (verb == u"QUIT") {
        const QString words = IrcText::plain(message.param(0)).trimmed();
        run(words.isEmpty() ? u"logout"_s : u"logout "_s + words);
    } else if (verb == u"PING") {
        if (message.paramCount() < 1) {
            input.replies = reply(IrcNumeric::NoOrigin, me, {u"No origin specified"_s});
            return input;
        }
        // The chat's ping: its pong comes after everything the earlier lines caused (store
        // writes, history pages, listings), so a client may use it as a barrier.
        run(u"ping "_s + message.param(0));
    } else if (verb == u"PONG") {
        run(u"pong "_s + message.param(0));
    } else if (verb == u"CAP") {
        for (const IrcMessage &answer :
             m_registration.capabilities().handle(message, m_serverName, me))
            input.replies += answer.toLine();
        input.optionsChanged = true;
    } else if (verb == u"LINKS") {
        // The servers this one links to: itself alone (a cluster's nodes are one server to IRC,
        // as LUSERS says). "LINKS [[remote] mask]": the last parameter is the mask.
        const QString mask = message.paramCount() > 0 ? message.params().last() : u"*"_s;
        const QRegularExpression pattern(QRegularExpression::wildcardToRegularExpression(mask),
                                         QRegularExpression::CaseInsensitiveOption);
        if (pattern.match(m_serverName).hasMatch())
            input.replies = reply(364, me, {m_serverName, m_serverName, u"0 "_s + m_serverInfo});
        input.replies += reply(365, me, {mask, u"End of /LINKS list"_s});
    } else if (verb == u"TIME") {
        // This server's time; there is no other server to ask.
        const QString server = message.param(0);
        if (!server.isEmpty() && server.compare(m_serverName, Qt::CaseInsensitive) != 0) {
            input.replies = reply(IrcNumeric::NoSuchServer, me, {server, u"No such server"_s});
            return input;
        }
        const QDateTime now = QDateTime::currentDateTimeUtc();
        input.replies =
            reply(IrcNumeric::Time, me,
                  {m_serverName, QString::number(now.toSecsSinceEpoch()), u"0"_s,
                   QLocale::c().toString(now, u"dddd MMMM d yyyy -- HH:mm:ss 'UTC'"_s)});
    } else if (verb == u"MOTD") {
        input.replies = motd(me);
    } else if (verb == u"HELP" || verb == u"HELPOP") {
        // About one of IRC's commands, one of the chat's, or all of the chat's.
        const QString subject = message.param(0).split(u' ').value(0);
        const QStringList help = IrcHelp::about(subject);
        if (help.isEmpty()) {
            run(subject.isEmpty() ? u"help"_s : u"help "_s + subject);
            return input;
        }
        const QString topic = subject.toUpper();
        input.replies = reply(IrcNumeric::HelpStart, me, {topic, help.first()});
        for (const QString &text : help.mid(1))
            input.replies += reply(IrcNumeric::HelpText, me, {topic, text});
        input.replies += reply(IrcNumeric::EndOfHelp, me, {topic, u"End of /HELP"_s});
    } else if (verb == u"AUTHENTICATE") {
        // SASL is offered during registration only: the person a connection carries does not
        // change accounts under it.
        input.replies =
            m_saslLoggedIn
                ? reply(IrcNumeric::SaslAlready, me, {u"You have already authenticated"_s})
                : reply(IrcNumeric::AlreadyRegistered, me,
                        {u"You may not reregister: SASL is for registration"_s});
    } else if (verb == u"USER" || verb == u"PASS") {
        input.replies = reply(IrcNumeric::AlreadyRegistered, me, {u"You may not reregister"_s});
    } else if (isChatCommand(verb)) {
        // The chat's own commands that IRC has no word for (mute, modlog, register, history…),
        // by /quote: their replies come as numerics and notices like the rest.
        run(verb.toLower() + u' ' + message.params().join(u' '));
    } else {
        input.replies = reply(IrcNumeric::UnknownCommand, me, {verb, u"Unknown command"_s});
    }
    return input;
}

// The client-only tags of message (IRCv3 message-tags: the keys that start with "+") as
// Event::clientTags holds them; the others are the server's to set, and are dropped, as is a
// key that is not of the specification's form (+[vendor/]name: letters, digits, "-", and "."
// in the vendor), which no reader could be sure to parse.
QString IrcDialect::clientTags(const IrcMessage &message)
{
    static const QRegularExpression key(u"^\\+([A-Za-z0-9.-]+/)?[A-Za-z0-9-]+$"_s);
    QString tags;
    for (const IrcMessage::Tag &tag : message.tags()) {
        if (!key.match(tag.first).hasMatch())
            continue;
        if (!tags.isEmpty())
            tags += u';';
        tags += tag.first;
        if (!tag.second.isEmpty())
            tags += u'=' + IrcMessage::escapeTagValue(tag.second);
    }
    return tags;
}

void IrcDialect::say(Input &input, const IrcMessage &message, const QString &me)
{
    const QString &verb = message.command();
    const bool notice = verb == u"NOTICE"; // never answered automatically (RFC 2812 3.3.2)
    if (message.paramCount() < 1) {
        if (!notice)
            input.replies = reply(411, me, {u"No recipient given (PRIVMSG)"_s});
        return;
    }
    QString text = message.param(1);
    bool action = false;
    if (text.startsWith(u'\x01')) { // CTCP: only ACTION means something to other people
        text = text.mid(1);
        if (text.endsWith(u'\x01'))
            text.chop(1);
        if (!text.startsWith(u"ACTION "_s))
            return;
        text = text.mid(7);
        action = true;
    }
    text = IrcText::plain(text).trimmed();
    if (text.isEmpty()) {
        if (!notice)
            input.replies = reply(412, me, {u"No text to send"_s});
        return;
    }
    // A NOTICE is the chat's note (an action is an action either way).
    const bool note = notice && !action;
    input.clientTags = clientTags(message);
    for (const QString &target : message.param(0).split(u',', Qt::SkipEmptyParts)) {
        const QString room = IrcRendering::room(target);
        const bool toRoom = !room.isEmpty();
        QStringView command = u"say #";
        if (!toRoom)
            command = note ? u"note @" : u"msg ";
        else if (action)
            command = u"me #";
        else if (note)
            command = u"note #";
        const QStringView prefix = !toRoom && !note && action ? u"* " : u"";
        const QString &name = toRoom ? room : target;
        // Built in place: every line said over IRC comes this way.
        QString line;
        line.reserve(verb.size() + command.size() + name.size() + prefix.size() + text.size() + 3);
        line.append(u'@').append(verb).append(u' ').append(command).append(name).append(u' ');
        line.append(prefix).append(text);
        input.commands << line;
    }
}

// TAGMSG (IRCv3 message-tags): the client-only tags alone, to channels and nicknames. A TAGMSG
// without any carries nothing, and is answered with nothing, as a NOTICE would be.
void IrcDialect::tagMessage(Input &input, const IrcMessage &message, const QString &me)
{
    if (message.paramCount() < 1) {
        input.replies = reply(411, me, {u"No recipient given (TAGMSG)"_s});
        return;
    }
    input.clientTags = clientTags(message);
    if (input.clientTags.isEmpty())
        return;
    for (const QString &target : message.param(0).split(u',', Qt::SkipEmptyParts)) {
        const QString room = IrcRendering::room(target);
        input.commands << u"@TAGMSG tagmsg "_s + (room.isEmpty() ? u'@' + target : u'#' + room);
    }
}

void IrcDialect::lookUp(Input &input, const QString &verb, const QString &me,
                        const QStringList &nicks)
{
    IrcRendering::Options options = this->options();
    options.me = me;
    const IrcLookups::Asked asked = m_lookups.ask(verb, nicks, options);
    input.replies += asked.replies;
    input.commands += asked.commands;
}

IrcDialect::Reaction IrcDialect::react(const Event &event, const QString &me)
{
    Reaction reaction;
    if (event.label == "SASL"_L1)
        return saslResult(event);
    if (IrcLookups::answers(event)) {
        IrcRendering::Options options = this->options();
        options.me = me;
        reaction.replace = true;
        reaction.bytes = m_lookups.answer(event, options);
        return reaction;
    }
    if (event.label == "CHATHISTORY"_L1 && event.kind == Event::Kind::Error) {
        reaction.replace = true;
        reaction.bytes = IrcChatHistory::failure(event, m_serverName);
        return reaction;
    }
    if (event.kind == Event::Kind::Ok && event.command == "login"_L1 && !m_loggedIn) {
        m_loggedIn = true;
        reaction.replace = true;
        reaction.bytes = welcome(event.list.value(0));
        return reaction;
    }
    if (event.kind != Event::Kind::Error)
        return reaction;
    if (!m_loggedIn && (event.label == "NICK"_L1 || event.label == "PASS"_L1)) {
        // The login failed: the client may try another nickname (or password).
        m_loginSent = false;
        m_registration.refuseNick();
        if (event.code == ErrorCode::NickRegistered) {
            reaction.replace = true;
            reaction.bytes = reply(IrcNumeric::NicknameInUse, u"*"_s,
                                   {event.subject, u"Nickname is registered: give its password "
                                                   "with PASS or SASL"_s});
        }
        return reaction;
    }
    if (event.label == "NOTICE"_L1) {
        reaction.replace = true; // no error ever answers a NOTICE
        return reaction;
    }
    if (event.label == IrcRendering::MutesLabel) {
        reaction.replace = true; // the ban list's own request answers why there is none
        return reaction;
    }
    // Clients ask for the ban list (and the exception lists) of every channel they join; the chat
    // shows them to operators only, so to the others each is an empty list, not an error each
    // time.
    if (event.code == ErrorCode::NotRoomOperator) {
        using Piece = Event (*)(const QString &, qsizetype, qsizetype, const QStringList &);
        static constexpr std::pair<QLatin1StringView, Piece> Lists[] = {
            {"BANS"_L1, &Event::bans},
            {"INVEX"_L1, &Event::allowed},
            {"EXCEPTS"_L1, &Event::exempted}};
        for (const auto &[label, piece] : Lists) {
            if (event.label != label)
                continue;
            IrcRendering::Options options;
            options.serverName = m_serverName;
            options.me = me;
            reaction.replace = true;
            reaction.bytes = IrcRendering::render(piece(event.subject, 0, 0, {}), options);
            return reaction;
        }
    }
    if (event.label == "NAMES"_L1 &&
        (event.code == ErrorCode::NoSuchRoom || event.code == ErrorCode::NotInRoom)) {
        reaction.replace = true;
        reaction.bytes =
            reply(366, me, {IrcRendering::channel(event.subject), u"End of /NAMES list"_s});
        return reaction;
    }
    if (event.label == "JOIN"_L1) {
        if (event.code == ErrorCode::AlreadyInRoom) {
            reaction.replace = true;
        } else if (event.code == ErrorCode::NoSuchRoom) {
            // IRC's JOIN makes a channel that does not exist yet.
            reaction.replace = true;
            reaction.command = u"@JOIN create "_s + event.subject;
        }
    }
    return reaction;
}

QByteArray IrcDialect::motd(const QString &nick) const
{
    // A short one that says what is different here; 422 (no MOTD) reads as an error to some.
    return reply(375, nick, {u"- %1 Message of the day -"_s.arg(m_serverName)}) +
           reply(
               372, nick,
               {u"- Rooms are channels, and #hall is where everyone meets. JOIN makes a room."_s}) +
           reply(372, nick,
                 {u"- Telnet and desktop users are here too; HELP lists the chat's commands."_s}) +
           reply(376, nick, {u"End of /MOTD command"_s});
}

QByteArray IrcDialect::welcome(const QString &nick) const
{
    const QString version = u"chat-server-%1"_s.arg(QStringLiteral(CHAT_VERSION));
    QByteArray bytes;
    bytes += reply(IrcNumeric::Welcome, nick,
                   {u"Welcome to the %1 IRC network, %2"_s.arg(m_serverName, nick)});
    bytes += reply(IrcNumeric::YourHost, nick,
                   {u"Your host is %1, running version %2"_s.arg(m_serverName, version)});
    bytes += reply(IrcNumeric::Created, nick,
                   {u"This server was created %1"_s.arg(startTime().toString(Qt::ISODate))});
    // User modes (i: invisible; o: an operator, by OPER), channel modes, those of them with a
    // parameter.
    bytes += reply(IrcNumeric::MyInfo, nick,
                   {m_serverName, version, u"io"_s, u"IRbeiklmnostv"_s, u"Ibeklov"_s});
    // Honest ISUPPORT: what the chat's name rules and limits really are.
    bytes += reply(IrcNumeric::ISupport, nick,
                   {u"CASEMAPPING=rfc8265"_s, u"CHANTYPES=#"_s, u"CHANMODES=Ibe,k,l,imnRst"_s,
                    u"MODES=%1"_s.arg(IrcModes::MaxModesWithArgument), u"EXTBAN=,m"_s,
                    u"PREFIX=(ov)@+"_s, u"NICKLEN=%1"_s.arg(Protocol::NickMaxLength),
                    u"CHANNELLEN=%1"_s.arg(Protocol::RoomMaxLength + 1),
                    u"TOPICLEN=%1"_s.arg(Protocol::TopicMaxLength),
                    u"KEYLEN=%1"_s.arg(Protocol::RoomKeyMaxLength), u"LINELEN=512"_s, u"UTF8ONLY"_s,
                    u"are supported by this server"_s});
    bytes +=
        reply(IrcNumeric::ISupport, nick,
              {u"NETWORK=%1"_s.arg(m_serverName), u"CHATHISTORY=%1"_s.arg(Protocol::HistoryPageMax),
               u"MSGREFTYPES=timestamp,msgid"_s, u"INVEX"_s, u"EXCEPTS"_s,
               u"are supported by this server"_s});
    bytes += motd(nick);
    return bytes;
}
