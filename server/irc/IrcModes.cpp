// SPDX-License-Identifier: MIT
#include "irc/IrcModes.h"

#include "Event.h"
#include "IrcRendering.h"
#include "NameRules.h"
#include "core/RoomModes.h"
#include "irc/IrcNumeric.h"

#include <QHash>

using namespace Qt::StringLiterals;

namespace IrcModes {

namespace {

QByteArray numeric(const QString &serverName, int code, const QString &me, QStringList params)
{
    IrcRendering::Options options;
    options.serverName = serverName;
    return IrcRendering::numeric(options, code, me, std::move(params));
}

// The chat's mask for a ban mask in IRC's form (IrcRendering::chatMask()), or none when it means
// nothing here (a user name, a host name, wildcards in the nick: every host is "chat", so
// "*!*@chat" would be everyone): then the numeric saying why (696, not the chat's usage line) is
// added to refusals.
std::optional<QString> chatMaskOf(const QString &mask, const QString &room, QChar letter,
                                  const QString &me, const QString &serverName,
                                  QByteArray *refusals)
{
    QString chat = IrcRendering::chatMask(mask);
    if (!chat.contains(u'!') && !chat.contains(u'@'))
        return chat;
    *refusals += numeric(serverName, IrcNumeric::InvalidModeParam, me,
                         {IrcRendering::channel(room), letter, mask,
                          u"Masks here are nick!*@* or *!*@address (every host is chat)"_s});
    return std::nullopt;
}

// One change of a MODE line as the chat's command (one thing each), or the numeric refusing it.
// The room's rules are gathered into rules (pairs of rule and value) instead: one rule command
// makes them all, told as one MODE line.
void translate(Translation &t, QStringList &rules, const Change &change, const QString &room,
               const QString &me, const QString &serverName)
{
    const QString &argument = change.argument;
    const QChar letter = change.letter;
    const bool plus = change.plus;
    const auto run = [&t](const QString &line) { t.commands << u"@MODE "_s + line; };
    const std::optional<RoomModes::Rule> rule = RoomModes::parse(IrcRendering::ruleOf(letter));
    if (letter == u'b' && argument.isEmpty()) {
        // The list: the mutes first (367 lines, see IrcRendering), then the bans and 368.
        t.commands << u"@%1 look #%2"_s.arg(IrcRendering::MutesLabel, room)
                   << u"@BANS bans #"_s + room;
    } else if (letter == u'I' && argument.isEmpty()) {
        t.commands << u"@INVEX allowed #"_s + room;
    } else if (letter == u'I') {
        if (const auto mask = chatMaskOf(argument, room, letter, me, serverName, &t.replies))
            run((plus ? u"allow #"_s : u"disallow #"_s) + room + u' ' + *mask);
    } else if (letter == u'e' && argument.isEmpty()) {
        t.commands << u"@EXCEPTS exempted #"_s + room;
    } else if (letter == u'e') {
        if (const auto mask = chatMaskOf(argument, room, letter, me, serverName, &t.replies))
            run((plus ? u"exempt #"_s : u"unexempt #"_s) + room + u' ' + *mask);
    } else if (letter == u'o') {
        run((plus ? u"op #"_s : u"deop #"_s) + room + u' ' + argument);
    } else if (letter == u'v') {
        run((plus ? u"voice #"_s : u"devoice #"_s) + room + u' ' + argument);
    } else if (letter == u'b') {
        if (const std::optional<QString> nick = mutedNick(argument))
            run((plus ? u"mute #"_s : u"unmute #"_s) + room + u' ' + *nick);
        else if (const auto mask = chatMaskOf(argument, room, letter, me, serverName, &t.replies))
            run((plus ? u"ban #"_s : u"unban #"_s) + room + u' ' + *mask);
    } else if (rule && RoomModes::takesValue(*rule)) {
        // A limit and a key carry a value; taking one off needs none (-k's is not checked).
        const std::optional<QString> value = !plus ? u"off"_s : RoomModes::valueOf(*rule, argument);
        if (value)
            rules << QString(RoomModes::name(*rule)) << *value;
        else
            t.replies +=
                numeric(serverName, IrcNumeric::InvalidModeParam, me,
                        // A key is not echoed: it may be a real one, mistyped.
                        {IrcRendering::channel(room), letter,
                         argument.isEmpty() || *rule == RoomModes::Rule::Key ? u"*"_s : argument,
                         Event::errorText(ErrorCode::InvalidRuleValue, u"rule"_s,
                                          QString(RoomModes::name(*rule)))});
    } else if (rule) {
        const bool on = plus != IrcRendering::isInverted(letter);
        rules << QString(RoomModes::name(*rule)) << (on ? u"on"_s : u"off"_s);
    } else {
        t.replies += numeric(serverName, 472, me, {letter, u"is unknown mode char to me"_s});
    }
}

} // namespace

std::optional<qint64> seconds(QStringView word)
{
    static const QHash<QChar, qint64> units{{u'y', 31'536'000}, {u'w', 604'800}, {u'd', 86'400},
                                            {u'h', 3'600},      {u'm', 60},      {u's', 1}};
    // A year at most per number keeps the sum far from overflowing; the chat refuses what is
    // longer than its own limits anyway.
    constexpr qint64 MaxNumber = 1'000'000'000;
    qint64 total = 0;
    qint64 number = -1; // none yet
    for (const QChar c : word) {
        if (c >= u'0' && c <= u'9') {
            number = std::max<qint64>(number, 0) * 10 + (c.unicode() - u'0');
            if (number > MaxNumber)
                return std::nullopt;
        } else if (units.contains(c.toLower()) && number >= 0) {
            total += number * units.value(c.toLower());
            number = -1;
        } else {
            return std::nullopt;
        }
    }
    total += std::max<qint64>(number, 0);
    if (total < 1)
        return std::nullopt;
    return total;
}

std::optional<QString> mutedNick(const QString &mask)
{
    if (!mask.startsWith("m:"_L1, Qt::CaseInsensitive))
        return std::nullopt;
    QString nick = mask.mid(2);
    // What a client makes of a nickname; the chat mutes people, not addresses.
    if (nick.endsWith("!*@*"_L1))
        nick.chop(4);
    return nick;
}

QList<Change> changes(const QString &modes, const QStringList &arguments, bool *missing)
{
    QList<Change> list;
    QString seen; // letters without a parameter, once each
    qsizetype next = 0;
    int withArgument = 0;
    bool plus = true; // a string without a sign adds, as other servers take it
    *missing = false;
    for (const QChar letter : modes) {
        if (letter == u'+' || letter == u'-') {
            plus = letter == u'+';
            continue;
        }
        const std::optional<RoomModes::Rule> rule = RoomModes::parse(IrcRendering::ruleOf(letter));
        // Who a change is about (o, v), a mask (b), a limit to set (l) or a key (k, both ways:
        // CHANMODES type B) takes the next argument.
        const bool takes =
            letter == u'o' || letter == u'v' || letter == u'b' || letter == u'I' ||
            letter == u'e' ||
            (rule && RoomModes::takesValue(*rule) && (plus || *rule == RoomModes::Rule::Key));
        Change change{plus, letter, {}};
        if (takes && next < arguments.size()) {
            if (++withArgument > MaxModesWithArgument)
                break;
            change.argument = arguments[next++];
        } else if (letter == u'o' || letter == u'v') {
            *missing = true; // whom to op or voice
            continue;
        } else if (seen.contains(letter)) {
            continue;
        } else {
            seen += letter;
        }
        list << change;
    }
    return list;
}

namespace {

// A user's own modes: +i (invisible) is the chat's `set invisible`; +o comes with OPER alone
// and is not changed here (RFC 2812 3.1.5: MODE +o is ignored); others are 501.
Translation userMode(const IrcMessage &message, const QString &me, const QString &serverName)
{
    Translation t;
    const bool query = message.paramCount() == 1;
    if (NameRules::key(message.param(0)) != NameRules::key(me)) {
        t.replies = numeric(serverName, 502, me,
                            {query ? u"Can't view modes for other users"_s
                                   : u"Can't change mode for other users"_s});
        return t;
    }
    if (query) {
        t.commands << u"@MODE set"_s; // the settings, as 221
        return t;
    }
    bool adding = true;
    bool unknown = false;
    for (const QChar letter : message.param(1)) {
        if (letter == u'+' || letter == u'-')
            adding = letter == u'+';
        else if (letter == u'i')
            t.commands << (adding ? u"@MODE set invisible on"_s : u"@MODE set invisible off"_s);
        else if (letter != u'o')
            unknown = true;
    }
    if (unknown)
        t.replies = numeric(serverName, 501, me, {u"Unknown MODE flag"_s});
    return t;
}

} // namespace

Translation mode(const IrcMessage &message, const QString &me, const QString &serverName)
{
    Translation t;
    if (message.paramCount() < 1) {
        t.replies = numeric(serverName, IrcNumeric::NeedMoreParams, me,
                            {u"MODE"_s, u"Not enough parameters"_s});
        return t;
    }
    const QString room = IrcRendering::room(message.param(0));
    if (room.isEmpty())
        return userMode(message, me, serverName);
    if (message.paramCount() == 1) {
        t.commands << u"@MODE look #"_s + room; // its rules come back as 324
        return t;
    }
    bool missing = false;
    QStringList rules;
    qsizetype rulesAt = -1; // where the rule command goes among the others: at the first rule
    for (const Change &change : changes(message.param(1), message.params().mid(2), &missing)) {
        const bool none = rules.isEmpty();
        translate(t, rules, change, room, me, serverName);
        if (none && !rules.isEmpty())
            rulesAt = t.commands.size();
    }
    if (!rules.isEmpty())
        t.commands.insert(rulesAt, u"@MODE rule #%1 %2"_s.arg(room, rules.join(u' ')));
    if (missing)
        t.replies += numeric(serverName, IrcNumeric::NeedMoreParams, me,
                             {u"MODE"_s, u"Not enough parameters"_s});
    return t;
}

Translation timedBan(const IrcMessage &message, const QString &me, const QString &serverName)
{
    Translation t;
    if (message.paramCount() < 3) {
        t.replies = numeric(serverName, IrcNumeric::NeedMoreParams, me,
                            {u"TBAN"_s, u"Not enough parameters"_s});
        return t;
    }
    const QString room = IrcRendering::room(message.param(0));
    if (room.isEmpty()) {
        t.replies = numeric(serverName, IrcNumeric::NoSuchChannel, me,
                            {message.param(0), u"No such channel"_s});
        return t;
    }
    const std::optional<qint64> duration = seconds(message.param(1));
    if (!duration) {
        // InspIRCd's words for it.
        t.replies = IrcMessage(u"NOTICE"_s, {me, u"Invalid ban time"_s}, serverName).toLine();
        return t;
    }
    const QString mask = message.param(2);
    if (const std::optional<QString> nick = mutedNick(mask))
        t.commands << u"@TBAN mute #%1 %2 %3"_s.arg(room, *nick).arg(*duration);
    else if (const auto chat = chatMaskOf(mask, room, u'b', me, serverName, &t.replies))
        t.commands << u"@TBAN ban #%1 %2 %3"_s.arg(room, *chat).arg(*duration);
    return t;
}

} // namespace IrcModes
