// SPDX-License-Identifier: MIT
#include "IrcRendering.h"

#include "IrcMessage.h"
#include "NameRules.h"

#include <QDateTime>
#include <QHash>
#include <QLocale>

#include <algorithm>

using namespace Qt::StringLiterals;

namespace IrcRendering {

namespace {

// IRC's numerics for the failures it shares with us (our codes are its numbers); the others
// keep our code, which IRC clients show with its text.
bool isAboutRoom(ErrorCode code)
{
    switch (code) {
    case ErrorCode::NoSuchRoom:
    case ErrorCode::CannotSendToRoom:
    case ErrorCode::TooManyRooms:
    case ErrorCode::NotInRoom:
    case ErrorCode::BadRoomName:
    case ErrorCode::NotRoomOperator:
    case ErrorCode::RoomExists:
    case ErrorCode::InviteOnlyRoom:
    case ErrorCode::RoomFull:
    case ErrorCode::BadRoomKey:
    case ErrorCode::BannedFromRoom:
    case ErrorCode::NeedRegisteredNick:
    case ErrorCode::BanListFull:
        return true;
    default:
        return false;
    }
}

QStringList errorParams(const Event &event)
{
    switch (event.code) {
    case ErrorCode::NotLoggedIn:
    case ErrorCode::LineTooLong:
    case ErrorCode::NoPrivileges: // IRC's "<client> :Permission Denied"
        return {};
    case ErrorCode::UnknownCommand:
    case ErrorCode::NeedMoreParams:
        return {event.command.toUpper()};
    case ErrorCode::NotInThatRoom:
        return {event.subject, event.room.isEmpty() ? u"*"_s : channel(event.room)};
    case ErrorCode::AlreadyInRoom: // someone else (INVITE), or oneself (JOIN: the subject)
        if (!event.room.isEmpty())
            return {event.subject, channel(event.room)};
        return {channel(event.subject)};
    default:
        break;
    }
    if (isAboutRoom(event.code))
        return {event.subject.isEmpty() ? u"*"_s : channel(event.subject)};
    if (event.subject.isEmpty())
        return {};
    return {event.subject};
}

// Where IRC answers a command's failure with a numeric of its own rather than our code's number,
// and with its own words (the subject stays a parameter where the numeric has one).
struct OwnNumeric
{
    enum class Params { None, OfError, Subject };
    // The commands it answers (unused places empty).
    QLatin1StringView commands[6];
    ErrorCode code;
    int numeric;
    QLatin1StringView text;
    Params params; // before the text: none, errorParams()'s, or the subject alone
};

using P = OwnNumeric::Params;
constexpr OwnNumeric OwnNumerics[] = {
    // OPER: a wrong password (or no such account), and an account that is no administrator's
    // (no "O-line").
    {{"oper"_L1}, ErrorCode::AccountPasswordWrong, 464, "Password incorrect"_L1, P::None},
    {{"oper"_L1}, ErrorCode::NoPrivileges, 491, "No O-lines for your host"_L1, P::None},
    // A message to a channel one is not in, which takes none from outside (IRC's +n), or
    // from someone its bans catch.
    {{"say"_L1, "me"_L1}, ErrorCode::NotInRoom, 404, "Cannot send to channel"_L1, P::OfError},
    {{"say"_L1, "me"_L1},
     ErrorCode::BannedFromRoom,
     404,
     "Cannot send to channel (+b)"_L1,
     P::OfError},
    // A ban, invite exception or ban exception whose address is none (+b *!*@10.0.0.0/99):
    // RFC 2812's words.
    {{"ban"_L1, "unban"_L1, "allow"_L1, "disallow"_L1, "exempt"_L1, "unexempt"_L1},
     ErrorCode::BadMask,
     415,
     "Bad Server/host mask"_L1,
     P::Subject},
    // HELP about what is no command of the chat (ERR_HELPNOTFOUND).
    {{"help"_L1}, ErrorCode::UnknownCommand, 524, "No help available on this topic"_L1, P::Subject},
};

const OwnNumeric *ownNumericOf(const Event &event)
{
    for (const OwnNumeric &own : OwnNumerics) {
        if (own.code == event.code && std::find(std::begin(own.commands), std::end(own.commands),
                                                event.command) != std::end(own.commands))
            return &own;
    }
    return nullptr;
}

// Why someone left, as PART's or QUIT's reason: their own words, if they gave some.
QString leaveReason(const Event &event)
{
    const QString &reason = event.subject;
    if (reason == "part"_L1)
        return event.text;
    if (reason == Event::QuitReason)
        return event.text.isEmpty() ? u"Quit"_s : u"Quit: "_s + event.text;
    if (reason == Event::LostReason)
        return u"Connection lost"_s;
    if (reason == Event::DisconnectReason)
        return u"Disconnected by an administrator"_s;
    if (reason == Event::ShutdownReason)
        return u"Server shutting down"_s;
    return reason;
}

// History pages come one at a time and nothing comes between a page's first and last line
// (ReplyStream), so one batch is open at most and one reference does.
constexpr auto HistoryBatch = "history"_L1;

void addTags(IrcMessage &message, const Event &event, const Options &options)
{
    if (options.batch && isHistory(event))
        message.addTag(u"batch"_s, HistoryBatch);
    if (options.serverTime && event.time.isValid())
        message.addTag(u"time"_s, event.time.toString(Qt::ISODateWithMs));
    if (options.messageIds && (event.id != 0 || event.kind == Event::Kind::TagMessage))
        message.addTag(u"msgid"_s, messageId(event));
    if (options.accountTag && !event.accounts.value(0).isEmpty())
        message.addTag(u"account"_s, event.accounts.value(0));
    // Client-only tags go to those who said they take tags at all (message-tags), as the sender
    // wrote them.
    if (options.messageIds && !event.clientTags.isEmpty()) {
        for (QStringView tag : QStringView(event.clientTags).split(u';', Qt::SkipEmptyParts)) {
            const qsizetype equals = tag.indexOf(u'=');
            if (equals < 0)
                message.addTag(tag.toString());
            else
                message.addTag(tag.left(equals).toString(),
                               IrcMessage::unescapeTagValue(tag.sliced(equals + 1)));
        }
    }
}

// What an event tells of its person-th person besides the nickname (Event::details); the
// nickname stands in for a name the person has not given (those not on IRC).
struct Details
{
    QString userName;
    QString realName;
    QString awayText;
    QStringList runs; // the rooms they run
};

Details detailsOf(const Event &event, qsizetype person, const QString &nick)
{
    const QString userName = event.details.value(4 * person);
    const QString realName = event.details.value(4 * person + 1);
    return {userName.isEmpty() ? nick : userName, realName.isEmpty() ? nick : realName,
            event.details.value(4 * person + 2),
            event.details.value(4 * person + 3).split(u',', Qt::SkipEmptyParts)};
}

// The person-th arrival of a Join or Joins as a JOIN line; with extended-join, the account
// ("*": none) and the real name.
QByteArray joinLine(const Event &event, qsizetype person, const QString &nick,
                    const Options &options)
{
    QStringList params{channel(event.room)};
    if (options.extendedJoin) {
        const QString account = event.accounts.value(person);
        params << (account.isEmpty() ? u"*"_s : account) << detailsOf(event, person, nick).realName;
    }
    return IrcMessage(u"JOIN"_s, params, source(nick)).toLine();
}

// The prefix of a person's flags: the room's owner and its operators are IRC's channel
// operators. IRC has no owner but what services give, and its clients and bots take the maker
// of a channel for an operator; the chat's rules still tell the two apart (an operator cannot
// deop or kick the owner: 482). A voice is "+"; both show only with multi-prefix, the highest
// alone otherwise.
QString prefixes(const QStringList &flags, const Options &options)
{
    QString shown;
    if (flags.contains(Event::OwnerFlag) || flags.contains(Event::OperatorFlag))
        shown += u'@';
    if (flags.contains(Event::VoicedFlag) && (shown.isEmpty() || options.multiPrefix))
        shown += u'+';
    return shown;
}

// A history page's batch: opened before its first line, closed after its last (IRCv3 batch,
// type chathistory, whose parameter is the channel or the person).
QByteArray historyBatch(const Event &event, const Options &options, bool open)
{
    if (!options.batch)
        return {};
    if (!open)
        return IrcMessage(u"BATCH"_s, {u'-' + HistoryBatch}, options.serverName).toLine();
    const QString target = event.room.isEmpty() ? event.nick : channel(event.room);
    return IrcMessage(u"BATCH"_s, {u'+' + HistoryBatch, u"chathistory"_s, target},
                      options.serverName)
        .toLine();
}

QByteArray line(const QString &source, const QString &command, QStringList params,
                const Event &event = {}, const Options &options = {})
{
    IrcMessage message(command, std::move(params), source);
    addTags(message, event, options);
    return message.toLine();
}

// CHATHISTORY TARGETS' answer (draft/chathistory): a line for each conversation with the time
// of its newest line, in a draft/chathistory-targets batch when the reader takes batches (and
// bare lines otherwise, as the spec says). The batch opens before the first piece's lines and
// closes after the last piece's; nothing comes between the pieces (ReplyStream).
QByteArray targets(const Event &event, const Options &options)
{
    constexpr auto batch = "targets"_L1;
    QByteArray bytes;
    if (options.batch && event.seq == 0)
        bytes += IrcMessage(u"BATCH"_s, {u'+' + batch, u"draft/chathistory-targets"_s},
                            options.serverName)
                     .toLine();
    const QStringList &l = event.list;
    for (qsizetype i = 0; i + 1 < l.size(); i += 2) {
        const QString target = l[i].startsWith(u'@') ? l[i].mid(1) : channel(l[i]);
        IrcMessage message(u"CHATHISTORY"_s, {u"TARGETS"_s, target, l[i + 1]}, options.serverName);
        if (options.batch)
            message.addTag(u"batch"_s, batch);
        bytes += message.toLine();
    }
    if (options.batch && qint64(event.seq) + l.size() / 2 >= event.count)
        bytes += IrcMessage(u"BATCH"_s, {u'-' + batch}, options.serverName).toLine();
    return bytes;
}

// 367 for each ban of this piece (who set it and when), 368 after the last piece; for the
// allowed, 346 and 347 (the invite exception list); for the exempted, 348 and 349 (the ban
// exception list).
QByteArray bans(const Event &event, const Options &options, const QString &me)
{
    int entry = 367;
    int end = 368;
    QString endText = u"End of channel ban list"_s;
    if (event.kind == Event::Kind::Allowed) {
        entry = 346;
        end = 347;
        endText = u"End of Channel Invite Exception List"_s;
    } else if (event.kind == Event::Kind::Exempted) {
        entry = 348;
        end = 349;
        endText = u"End of Channel Exception List"_s;
    }
    const QString room = channel(event.room);
    QByteArray bytes;
    qsizetype sent = 0;
    for (qsizetype i = 0; i + 3 < event.list.size(); i += 4, ++sent)
        bytes += numeric(
            options, entry, me,
            {room, ircMask(event.list[i]), event.list[i + 2], event.details.value(i / 4, u"0"_s)});
    if (qsizetype(event.seq) + sent >= event.count)
        bytes += numeric(options, end, me, {room, endText});
    return bytes;
}

// The muted members of a look's member list as ban list entries, to an operator or the owner.
QByteArray mutes(const Event &event, const Options &options, const QString &me)
{
    QByteArray bytes;
    bool mayList = false;
    for (qsizetype i = 0; i + 1 < event.list.size(); i += 2) {
        const QStringList flags = event.list[i + 1].split(u',');
        if (event.list[i] == me)
            mayList = flags.contains(Event::OperatorFlag) || flags.contains(Event::OwnerFlag) ||
                      flags.contains(Event::AdminFlag);
        // Without who and when (367's short form): a member's flags do not say.
        if (flags.contains(Event::MutedFlag))
            bytes += numeric(options, 367, me, {channel(event.room), u"m:"_s + event.list[i]});
    }
    return mayList ? bytes : QByteArray();
}

// The letters and parameters of a MODE line for rule changes (pairs of rule and value: "on",
// "off", a limit's or a key's), in their order: "+it-n", "+l 5"; empty when no rule has a
// letter.
QStringList ruleModes(const QStringList &ruleValuePairs)
{
    QString letters;
    QStringList params;
    QChar sign;
    for (qsizetype i = 0; i + 1 < ruleValuePairs.size(); i += 2) {
        const QChar mode = modeOf(ruleValuePairs[i]);
        const QString &value = ruleValuePairs[i + 1];
        if (mode.isNull())
            continue;
        const bool off = value == "off"_L1;
        const QChar wanted = off != isInverted(mode) ? u'-' : u'+';
        if (wanted != sign)
            letters += wanted;
        sign = wanted;
        letters += mode;
        // A limit's and a key's value follows the letters; -k takes a parameter too.
        if (!off && value != "on"_L1)
            params << value;
        else if (off && mode == u'k')
            params << u"*"_s;
    }
    if (letters.isEmpty())
        return {};
    return QStringList{letters} + params;
}

QByteArray moderation(const Event &event, const Options &options)
{
    const QString actor = source(event.nick);
    const QString room = channel(event.room);
    // The actor's line, with the tags IRCv3 puts on what a person does (account-tag, time).
    const auto byActor = [&](const QString &command, QStringList params) {
        return line(actor, command, std::move(params), event, options);
    };
    if (event.subject == "op"_L1)
        return byActor(u"MODE"_s, {room, u"+o"_s, event.target});
    if (event.subject == "deop"_L1)
        return byActor(u"MODE"_s, {room, u"-o"_s, event.target});
    if (event.subject == "kick"_L1)
        return byActor(u"KICK"_s,
                       {room, event.target, event.text.isEmpty() ? event.nick : event.text});
    if (event.subject == "ban"_L1)
        return byActor(u"MODE"_s, {room, u"+b"_s, ircMask(event.target)});
    if (event.subject == "unban"_L1)
        return byActor(u"MODE"_s, {room, u"-b"_s, ircMask(event.target)});
    if (event.subject == "allow"_L1)
        return byActor(u"MODE"_s, {room, u"+I"_s, ircMask(event.target)});
    if (event.subject == "disallow"_L1)
        return byActor(u"MODE"_s, {room, u"-I"_s, ircMask(event.target)});
    if (event.subject == "exempt"_L1)
        return byActor(u"MODE"_s, {room, u"+e"_s, ircMask(event.target)});
    if (event.subject == "unexempt"_L1)
        return byActor(u"MODE"_s, {room, u"-e"_s, ircMask(event.target)});
    // InspIRCd's mute extban: q is the owner's mode here.
    if (event.subject == "mute"_L1)
        return byActor(u"MODE"_s, {room, u"+b"_s, u"m:"_s + event.target});
    if (event.subject == "unmute"_L1)
        return byActor(u"MODE"_s, {room, u"-b"_s, u"m:"_s + event.target});
    if (event.subject == "voice"_L1)
        return byActor(u"MODE"_s, {room, u"+v"_s, event.target});
    if (event.subject == "devoice"_L1)
        return byActor(u"MODE"_s, {room, u"-v"_s, event.target});
    // Only the two people it concerns hear of an invitation (RFC 2812 3.2.7): the one invited
    // as INVITE, the one who invited as 341.
    if (event.subject == "invite"_L1) {
        if (NameRules::same(event.target, options.me))
            return byActor(u"INVITE"_s, {event.target, room});
        if (options.self)
            return numeric(options, 341, options.me, {event.target, room});
        return {};
    }
    QByteArray modes;
    if (event.subject == "rule"_L1) {
        // Several rules changed by one command are one MODE line ("-int"), written for the
        // first of their events; a rule without a letter is told on its own, below.
        const bool together = event.list.size() > 2;
        if (!together || event.count == 0) {
            const QStringList params =
                ruleModes(together ? event.list : QStringList{event.target, event.text});
            if (!params.isEmpty())
                modes = byActor(u"MODE"_s, QStringList{room} + params);
        }
        if (!modeOf(event.target).isNull())
            return modes;
    }
    QString text = u"%1 %2 %3"_s.arg(event.nick, event.subject, event.target);
    if (!event.text.isEmpty())
        text += u" (%1)"_s.arg(event.text);
    return modes + line(options.serverName, u"NOTICE"_s, {room, text});
}

// 353 lines of at most about 400 bytes of names each, then 366.
QByteArray names(const Event &event, const Options &options, const QString &me)
{
    const QString room = channel(event.room);
    QByteArray bytes;
    QString names;
    // RFC 2812's symbols: "@" a secret channel, "=" any other.
    const QString symbol = event.text == Event::SecretRoom ? u"@"_s : u"="_s;
    auto flush = [&] {
        bytes += numeric(options, 353, me, {symbol, room, names});
        names.clear();
    };
    for (qsizetype i = 0; i + 1 < event.list.size(); i += 2) {
        // Most members have no flags: no list is made for them, and no string for each entry
        // (a join renders every member).
        const QString &flags = event.list[i + 1];
        const QString prefix = flags.isEmpty() ? QString() : prefixes(flags.split(u','), options);
        const QString shown = options.userhostInNames ? source(event.list[i]) : event.list[i];
        if (!names.isEmpty() && names.size() + prefix.size() + shown.size() > 400)
            flush();
        if (!names.isEmpty())
            names += u' ';
        names += prefix;
        names += shown;
    }
    if (!names.isEmpty())
        flush();
    bytes += numeric(options, 366, me, {room, u"End of /NAMES list"_s});
    return bytes;
}

// One 352 line: the person as WHO shows them.
QByteArray whoLine(const Options &options, const QString &me, const QString &room,
                   const QString &nick, const QString &flags, const Details &details)
{
    const QStringList words = flags.split(u',');
    // Here or gone (away), "*" for an IRC operator (the chat's administrator), then the prefix.
    const QString status = (words.contains("away"_L1) ? u"G"_s : u"H"_s) +
                           (words.contains(Event::AdminFlag) ? u"*"_s : QString()) +
                           prefixes(words, options);
    return numeric(options, 352, me,
                   {room.isEmpty() ? u"*"_s : channel(room), details.userName, u"chat"_s,
                    options.serverName, nick, status, u"0 "_s + details.realName});
}

// WHO #room is the room's member list in 352 lines.
QByteArray whoRoom(const Event &event, const Options &options, const QString &me)
{
    QByteArray bytes;
    for (qsizetype i = 0; i + 1 < event.list.size(); i += 2)
        bytes += whoLine(options, me, event.room, event.list[i], event.list[i + 1],
                         detailsOf(event, i / 2, event.list[i]));
    bytes += numeric(options, 315, me, {channel(event.room), u"End of /WHO list"_s});
    return bytes;
}

// A piece of the chat's who listing: 352 lines for WHO, 311 and 319 for WHOIS.
QByteArray who(const Event &event, const Options &options, const QString &me)
{
    const bool whois = event.label == "WHOIS"_L1;
    QByteArray bytes;
    for (qsizetype i = 0; i + 2 < event.list.size(); i += 3) {
        const QString &nick = event.list[i];
        const QStringList rooms = event.list[i + 1].split(u',', Qt::SkipEmptyParts);
        const Details details = detailsOf(event, i / 3, nick);
        if (!whois) {
            // The room shown is the first: their prefix is the one they have there.
            const QString flags = details.runs.contains(rooms.value(0))
                                      ? event.list[i + 2] + u',' + Event::OperatorFlag
                                      : event.list[i + 2];
            bytes += whoLine(options, me, rooms.value(0), nick, flags, details);
            continue;
        }
        bytes += numeric(options, 311, me,
                         {nick, details.userName, u"chat"_s, u"*"_s, details.realName});
        if (!rooms.isEmpty()) {
            QStringList channels;
            for (const QString &room : rooms)
                channels << (details.runs.contains(room) ? u"@"_s : QString()) + channel(room);
            bytes += numeric(options, 319, me, {nick, channels.join(u' ')});
        }
        bytes += numeric(options, 312, me, {nick, options.serverName, options.serverInfo});
        const QStringList flags = event.list[i + 2].split(u',');
        if (flags.contains(Event::AdminFlag))
            bytes += numeric(options, 313, me, {nick, u"is an IRC operator"_s});
        if (flags.contains(Event::AwayFlag))
            bytes += numeric(options, 301, me, {nick, details.awayText});
        if (const QString account = event.accounts.value(i / 3); !account.isEmpty())
            bytes += numeric(options, 330, me, {nick, account, u"is logged in as"_s});
    }
    return bytes;
}

// A time of an event (ISO 8601) as IRC gives times: seconds since 1970; empty for none.
QString secondsOf(const QString &iso)
{
    const QDateTime time = QDateTime::fromString(iso, Qt::ISODateWithMs);
    return time.isValid() ? QString::number(time.toSecsSinceEpoch()) : QString();
}

// WHOWAS: 314 and 312 (with the time they left) for each departure, newest first, 330 for one
// who had an account; 406 when there is none; 369 in the end.
QByteArray whowas(const Event &event, const Options &options, const QString &me)
{
    const QStringList &l = event.list;
    QByteArray bytes;
    if (l.isEmpty())
        bytes = numeric(options, 406, me, {event.nick, u"There was no such nickname"_s});
    for (qsizetype i = 0; i + 4 < l.size(); i += 5) {
        const QString &nick = l[i];
        const Details details = detailsOf(event, i / 5, nick);
        bytes += numeric(options, 314, me,
                         {nick, details.userName, u"chat"_s, u"*"_s, details.realName});
        if (!l[i + 1].isEmpty())
            bytes += numeric(options, 330, me, {nick, l[i + 1], u"was logged in as"_s});
        const QDateTime left = QDateTime::fromString(l[i + 2], Qt::ISODateWithMs);
        bytes += numeric(options, 312, me,
                         {nick, options.serverName,
                          QLocale::c().toString(left, u"ddd MMM d HH:mm:ss yyyy 'UTC'"_s)});
    }
    return bytes + numeric(options, 369, me, {event.nick, u"End of WHOWAS"_s});
}

// LUSERS, from the counts of two listings it asked for (rooms, then people); their items are
// not shown.
QByteArray lusers(const Event &event, const Options &options)
{
    if (event.kind != Event::Kind::ListingStart)
        return {};
    const QString count = QString::number(event.count);
    if (event.subject == Event::ListingRooms)
        return numeric(options, 254, options.me, {count, u"channels formed"_s});
    // 265 and 266 without the optional counts: the chat keeps no highest count.
    return numeric(options, 251, options.me,
                   {u"There are %1 users and 0 invisible on 1 servers"_s.arg(count)}) +
           numeric(options, 255, options.me, {u"I have %1 clients and 0 servers"_s.arg(count)}) +
           numeric(options, 265, options.me, {u"Current local users: %1"_s.arg(count)}) +
           numeric(options, 266, options.me, {u"Current global users: %1"_s.arg(count)});
}

} // namespace

namespace {
struct RuleMode
{
    QLatin1StringView rule;
    char16_t mode;
    bool inverted = false; // the letter stands for the rule being off
};
constexpr RuleMode RuleModes[]{{"invite-only"_L1, u'i'},
                               {"topic-lock"_L1, u't'},
                               {"registered-only"_L1, u'R'},
                               {"moderated"_L1, u'm'},
                               {"outside-messages"_L1, u'n', true},
                               {"secret"_L1, u's'},
                               {"limit"_L1, u'l'},
                               {"key"_L1, u'k'}};
} // namespace

bool isInverted(QChar mode)
{
    for (const RuleMode &entry : RuleModes)
        if (mode == entry.mode)
            return entry.inverted;
    return false;
}

QChar modeOf(QStringView rule)
{
    for (const RuleMode &entry : RuleModes)
        if (rule == entry.rule)
            return entry.mode;
    return {};
}

QString ruleOf(QChar mode)
{
    for (const RuleMode &entry : RuleModes)
        if (mode == entry.mode)
            return entry.rule;
    return {};
}

QString channel(const QString &room)
{
    return u'#' + room;
}

QString room(QStringView channel)
{
    if (channel.size() < 2 || channel.front() != u'#')
        return {};
    return channel.mid(1).toString();
}

QString chatMask(const QString &ircMask)
{
    const qsizetype bang = ircMask.indexOf(u'!');
    const qsizetype at = ircMask.indexOf(u'@', bang + 1);
    if (bang < 0 || at < 0)
        return ircMask;
    const auto stars = [](QStringView part) {
        return !part.isEmpty() && part.count(u'*') == part.size();
    };
    const QStringView nick = QStringView(ircMask).first(bang);
    const QStringView user = QStringView(ircMask).sliced(bang + 1, at - bang - 1);
    const QStringView host = QStringView(ircMask).sliced(at + 1);
    if (!stars(user))
        return ircMask;
    // An address or subnet (IPv4, IPv6, a prefix length): a host name such as "chat", every
    // person's here, would be read by the chat as a nickname.
    const auto address = [](QStringView part) {
        const bool digits = std::all_of(part.begin(), part.end(), [](QChar c) {
            return c.isDigit() || (c >= u'a' && c <= u'f') || (c >= u'A' && c <= u'F') ||
                   c == u'.' || c == u':' || c == u'/';
        });
        return digits && (part.contains(u'.') || part.contains(u':'));
    };
    // A nick or a pattern of nicks ("guest*!*@*"), not one that is wildcards alone: that would
    // be everyone.
    const bool wildOnly =
        std::all_of(nick.begin(), nick.end(), [](QChar c) { return c == u'*' || c == u'?'; });
    if (!nick.isEmpty() && !wildOnly && stars(host))
        return nick.toString();
    if (stars(nick) && address(host))
        return host.toString();
    return ircMask;
}

QString ircMask(const QString &chatMask)
{
    if (chatMask.startsWith("account:"_L1))
        return chatMask;
    // Nicknames hold neither '.' nor ':'; addresses always one of them.
    if (chatMask.contains(u'.') || chatMask.contains(u':'))
        return u"*!*@"_s + chatMask;
    return chatMask + u"!*@*"_s;
}

QString source(const QString &nick)
{
    return u"%1!%1@chat"_s.arg(nick);
}

QString messageId(const Event &event)
{
    if (event.kind == Event::Kind::TagMessage)
        return event.subject; // never stored: no place to page from
    if (event.room.isEmpty())
        return QString::number(event.id);
    return u"%1-%2"_s.arg(event.id).arg(event.seq);
}

quint64 roomSeqOf(QStringView msgid)
{
    const qsizetype dash = msgid.indexOf(u'-');
    if (dash < 1)
        return 0;
    bool idOk = false;
    bool seqOk = false;
    const quint64 id = msgid.left(dash).toULongLong(&idOk);
    const quint64 seq = msgid.mid(dash + 1).toULongLong(&seqOk);
    return idOk && seqOk && id != 0 ? seq : 0;
}

quint64 privateIdOf(QStringView msgid)
{
    bool ok = false;
    const quint64 id = msgid.toULongLong(&ok);
    return ok ? id : 0;
}

bool isHistory(const Event &event)
{
    // Lines said, with a label: the actor's own (PRIVMSG, NOTICE, SAY...), or history, which
    // these commands bring (NICK and SASL log in, and entering the hall shows its history).
    static const QStringList bringHistory{u"CHATHISTORY"_s, u"HISTORY"_s, u"JOIN"_s, u"NICK"_s,
                                          u"SASL"_s};
    return bringHistory.contains(event.label);
}

QByteArray numeric(const Options &options, int code, const QString &me, QStringList params)
{
    params.prepend(me.isEmpty() ? u"*"_s : me);
    return IrcMessage(u"%1"_s.arg(code, 3, 10, QChar(u'0')), std::move(params), options.serverName)
        .toLine();
}

QByteArray render(const Event &event, const Options &options)
{
    const QString &me = options.me;
    if (event.label == "LUSERS"_L1)
        return lusers(event, options);
    using K = Event::Kind;
    switch (event.kind) {
    case K::Error: {
        QStringList params = errorParams(event);
        if (const OwnNumeric *own = ownNumericOf(event)) {
            if (own->params == P::None)
                params.clear();
            else if (own->params == P::Subject)
                params = QStringList{event.subject};
            return numeric(options, own->numeric, me, params << QString(own->text));
        }
        // IRC's own words where the numeric is IRC's and the subject is not in the text.
        params << (event.code == ErrorCode::LineTooLong
                       ? u"Input line was too long"_s
                       : Event::errorText(event.code, event.command, event.subject));
        return numeric(options, int(event.code), me, params);
    }
    case K::Message:
    case K::Action:
        if (options.self && !options.echoMessage)
            return {};
        return line(source(event.nick), u"PRIVMSG"_s,
                    {channel(event.room), event.kind == K::Action
                                              ? u"\x01"
                                                "ACTION %1\x01"_s.arg(event.text)
                                              : event.text},
                    event, options);
    case K::Note:
        if (options.self && !options.echoMessage)
            return {};
        return line(source(event.nick), u"NOTICE"_s, {channel(event.room), event.text}, event,
                    options);
    case K::Private:
    case K::PrivateNote:
        if (options.self && !options.echoMessage)
            return {};
        return line(source(event.nick), event.kind == K::Private ? u"PRIVMSG"_s : u"NOTICE"_s,
                    {event.target, event.text}, event, options);
    case K::TagMessage: // tags alone: nothing to those who take none (IRCv3 message-tags)
        if (!options.messageIds || (options.self && !options.echoMessage))
            return {};
        return line(source(event.nick), u"TAGMSG"_s,
                    {event.room.isEmpty() ? event.target : channel(event.room)}, event, options);
    case K::Join:
        return joinLine(event, 0, event.nick, options);
    case K::Joins: {
        QByteArray bytes;
        for (qsizetype i = 0; i < event.list.size(); ++i)
            bytes += joinLine(event, i, event.list[i], options);
        return bytes;
    }
    case K::Leave: {
        // A kick or ban was shown as KICK or MODE by the moderation line before it.
        if (event.subject == "kick"_L1 || event.subject == "ban"_L1)
            return {};
        const QString reason = leaveReason(event);
        // Out of every room at once: QUIT, once (the server tells each IRC connection of it in
        // one room only; see Room::quit).
        if (Event::leavesEveryRoom(event.subject))
            return line(source(event.nick), u"QUIT"_s, {reason});
        QStringList params{channel(event.room)};
        if (!reason.isEmpty())
            params << reason;
        return line(source(event.nick), u"PART"_s, params);
    }
    case K::NickChange:
        return line(source(event.nick), u"NICK"_s, {event.target});
    case K::Topic: {
        if (event.text.isEmpty())
            return numeric(options, 331, me, {channel(event.room), u"No topic is set"_s});
        QByteArray bytes = numeric(options, 332, me, {channel(event.room), event.text});
        // 333: who set it and when, where both are known.
        if (const QString set = secondsOf(event.subject); !set.isEmpty() && !event.nick.isEmpty())
            bytes += numeric(options, 333, me, {channel(event.room), event.nick, set});
        return bytes;
    }
    case K::TopicChanged:
        return line(source(event.nick), u"TOPIC"_s, {channel(event.room), event.text}, event,
                    options);
    case K::Moderation:
        return moderation(event, options);
    case K::Users:
        if (event.label == "MODE"_L1)
            return {}; // MODE #room asked look for the rules alone
        if (event.label == MutesLabel)
            return mutes(event, options, me);
        return event.label == "WHO"_L1 ? whoRoom(event, options, me) : names(event, options, me);
    case K::Who:
        return who(event, options, me);
    case K::Rooms: {
        QByteArray bytes;
        for (qsizetype i = 0; i + 2 < event.list.size(); i += 3)
            bytes += numeric(options, 322, me,
                             {channel(event.list[i]), event.list[i + 1], event.list[i + 2]});
        return bytes;
    }
    case K::ListingStart:
        if (event.subject == Event::ListingRooms)
            return numeric(options, 321, me, {u"Channel"_s, u"Users  Name"_s});
        return {};
    case K::ListingEnd:
        if (event.subject == Event::ListingRooms)
            return numeric(options, 323, me, {u"End of /LIST"_s});
        if (event.label == "WHOIS"_L1)
            return numeric(options, 318, me,
                           {event.text.isEmpty() ? u"*"_s : event.text, u"End of /WHOIS list"_s});
        return numeric(options, 315, me,
                       {event.text.isEmpty() ? u"*"_s : event.text, u"End of /WHO list"_s});
    case K::Help: {
        // Modern IRC's 704, 705 and 706 about the subject asked (the chat's command), or the list
        // of them all ("*").
        const QString subject = event.subject.isEmpty() ? u"*"_s : event.subject;
        QByteArray bytes = numeric(options, 704, me,
                                   {subject, event.subject.isEmpty()
                                                 ? u"The chat's commands (send them with /quote; "
                                                   "HELP PRIVMSG and the like are about IRC's):"_s
                                                 : event.list.value(0)});
        for (qsizetype i = 0; i + 1 < event.list.size(); i += 2) {
            if (event.subject.isEmpty())
                bytes += numeric(options, 705, me,
                                 {subject, event.list[i] + u" - "_s + event.list[i + 1]});
            else
                bytes += numeric(options, 705, me, {subject, event.list[i + 1]});
        }
        return bytes + numeric(options, 706, me, {subject, u"End of /HELP"_s});
    }
    case K::Bans:
    case K::Allowed:
    case K::Exempted:
        return bans(event, options, me);
    case K::Rules: {
        // The modes of the room, for MODE #room (look's other replies are not asked for).
        if (event.label != "MODE"_L1)
            return {};
        // Rules with a value come as "limit=20"; the values follow the letters, in their order.
        QHash<QString, QString> on; // rule → value (empty for none)
        for (const QString &rule : event.list) {
            const qsizetype equals = rule.indexOf(u'=');
            on.insert(rule.left(equals), equals < 0 ? QString() : rule.mid(equals + 1));
        }
        QString modes = u"+"_s;
        QStringList values;
        for (const RuleMode &entry : RuleModes) {
            const auto found = on.constFind(QString(entry.rule));
            if ((found != on.cend()) == entry.inverted)
                continue;
            modes += entry.mode;
            if (found != on.cend() && !found->isEmpty())
                values << *found;
        }
        QByteArray bytes =
            numeric(options, 324, me, QStringList{channel(event.room), modes} + values);
        // 329: when the room was made.
        if (const QString created = secondsOf(event.subject); !created.isEmpty())
            bytes += numeric(options, 329, me, {channel(event.room), created});
        return bytes;
    }
    case K::Modlog: {
        QByteArray bytes;
        for (qsizetype i = 0; i + 4 < event.list.size(); i += 5) {
            QString text = event.list.mid(i, 5).join(u' ').trimmed();
            bytes += line(options.serverName, u"NOTICE"_s,
                          {me.isEmpty() ? u"*"_s : me, channel(event.room) + u' ' + text});
        }
        return bytes;
    }
    case K::Conversations: {
        if (event.label == "CHATHISTORY"_L1)
            return targets(event, options);
        QByteArray bytes; // the chat's own command, asked by its name: a notice each
        for (qsizetype i = 0; i + 1 < event.list.size(); i += 2)
            bytes += line(options.serverName, u"NOTICE"_s,
                          {me.isEmpty() ? u"*"_s : me, event.list[i] + u' ' + event.list[i + 1]});
        return bytes;
    }
    case K::Away:
        return numeric(options, 301, me, {event.nick, event.text});
    case K::Whowas:
        return whowas(event, options, me);
    case K::Wallops:
        return line(source(event.nick), u"WALLOPS"_s, {event.text});
    case K::Notice:
        return line(options.serverName, u"NOTICE"_s,
                    {me.isEmpty() ? u"*"_s : me, u"[%1] %2"_s.arg(event.nick, event.text)});
    case K::Ok:
        if (event.command == "away"_L1)
            return numeric(options, 306, me, {u"You have been marked as being away"_s});
        if (event.command == "back"_L1)
            return numeric(options, 305, me, {u"You are no longer marked as being away"_s});
        if (event.command == "oper"_L1)
            return numeric(options, 381, me, {u"You are now an IRC operator"_s}) +
                   line(source(me), u"MODE"_s, {me, u"+o"_s});
        // User mode +i is the chat's invisible setting (IrcModes).
        if (event.command == "set"_L1 && event.label == "MODE"_L1)
            return line(source(me), u"MODE"_s,
                        {me, event.list.value(1) == "on"_L1 ? u"+i"_s : u"-i"_s});
        return {};
    case K::Bye:
        return line({}, u"ERROR"_s, {u"Closing link: "_s + event.subject});
    case K::Ping:
        return line({}, u"PING"_s, {event.subject});
    case K::Pong:
        return line(options.serverName, u"PONG"_s, {options.serverName, event.subject});
    case K::Presence:
        if (!options.awayNotify)
            return {};
        // AWAY without a text would say "back": away without one says "Away".
        if (event.subject == Event::AwayState)
            return line(source(event.nick), u"AWAY"_s,
                        {event.text.isEmpty() ? u"Away"_s : event.text});
        if (event.subject == Event::HereState)
            return line(source(event.nick), u"AWAY"_s, {});
        return {};
    case K::Settings: {
        if (event.label != "MODE"_L1) // MODE <own nick>: the user modes there are (221)
            return {};
        const qsizetype invisible = event.list.indexOf(u"invisible"_s);
        const bool on = invisible >= 0 && event.list.value(invisible + 1) == "on"_L1;
        return numeric(options, 221, me, {on ? u"+i"_s : u"+"_s});
    }
    case K::Invalid:
    case K::Welcome:
        break;
    case K::HistoryStart:
        return historyBatch(event, options, true);
    case K::HistoryEnd:
        return historyBatch(event, options, false);
    }
    return {};
}

} // namespace IrcRendering
