// SPDX-License-Identifier: MIT
#include "irc/IrcModes.h"

#include "Event.h"
#include "IrcRendering.h"
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

Translation mode(const IrcMessage &message, const QString &me, const QString &serverName)
{
    Translation t;
    if (message.paramCount() < 1) {
        t.replies = numeric(serverName, IrcNumeric::NeedMoreParams, me,
                            {u"MODE"_s, u"Not enough parameters"_s});
        return t;
    }
    const QString room = IrcRendering::room(message.param(0));
    const QString change = message.param(1);
    const QString argument = message.param(2);
    const auto run = [&t](const QString &line) { t.commands << u"@MODE "_s + line; };
    // One mode letter per MODE line, as the chat's commands do one thing each.
    const QString sign = change.left(1);
    const QString letter = change.mid(1);
    const bool signed_ = sign == u"+" || sign == u"-";
    const std::optional<RoomModes::Rule> rule =
        letter.size() == 1 ? RoomModes::parse(IrcRendering::ruleOf(letter.front())) : std::nullopt;
    if (room.isEmpty()) { // a user's modes: we have none
        t.replies = numeric(serverName, 221, me, {u"+"_s});
    } else if (message.paramCount() == 1) {
        run(u"look #"_s + room); // its rules come back as 324
    } else if (change == u"b" || (change == u"+b" && argument.isEmpty())) {
        // The list: the mutes first (367 lines, see IrcRendering), then the bans and 368.
        t.commands << u"@%1 look #%2"_s.arg(IrcRendering::MutesLabel, room)
                   << u"@BANS bans #"_s + room;
    } else if (signed_ && letter == u"o" && !argument.isEmpty()) {
        run((sign == u"+" ? u"op #"_s : u"deop #"_s) + room + u' ' + argument);
    } else if (signed_ && letter == u"v" && !argument.isEmpty()) {
        run((sign == u"+" ? u"voice #"_s : u"devoice #"_s) + room + u' ' + argument);
    } else if (signed_ && letter == u"b" && !argument.isEmpty()) {
        if (const std::optional<QString> nick = mutedNick(argument))
            run((sign == u"+" ? u"mute #"_s : u"unmute #"_s) + room + u' ' + *nick);
        else
            run((sign == u"+" ? u"ban #"_s : u"unban #"_s) + room + u' ' + argument);
    } else if (signed_ && rule && RoomModes::takesValue(*rule)) {
        // A limit and a key carry a value; taking one off needs none (-k's is not checked).
        const std::optional<QString> value =
            sign == u"-" ? u"off"_s : RoomModes::valueOf(*rule, argument);
        if (value)
            run(u"rule #%1 %2 %3"_s.arg(room, RoomModes::name(*rule), *value));
        else
            t.replies =
                numeric(serverName, IrcNumeric::InvalidModeParam, me,
                        // A key is not echoed: it may be a real one, mistyped.
                        {IrcRendering::channel(room), letter,
                         argument.isEmpty() || *rule == RoomModes::Rule::Key ? u"*"_s : argument,
                         Event::errorText(ErrorCode::InvalidRuleValue, u"rule"_s,
                                          QString(RoomModes::name(*rule)))});
    } else if (signed_ && rule) {
        run(u"rule #%1 %2 %3"_s.arg(room, RoomModes::name(*rule),
                                    sign == u"+" ? u"on"_s : u"off"_s));
    } else {
        t.replies =
            numeric(serverName, 472, me, {change.mid(1, 1), u"is unknown mode char to me"_s});
    }
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
    const std::optional<QString> nick = mutedNick(mask);
    t.commands << (nick ? u"@TBAN mute #%1 %2 %3"_s.arg(room, *nick)
                        : u"@TBAN ban #%1 %2 %3"_s.arg(room, mask))
                      .arg(*duration);
    return t;
}

} // namespace IrcModes
