// SPDX-License-Identifier: MIT
#pragma once

#include "Event.h"

#include <QByteArray>
#include <QString>

// Events as IRC lines (RFC 2812 with the IRCv3 tags an IRC client turned on): the third
// rendering beside text and tagged. What a room announces to everyone (messages, joins, leaves,
// topics, nick changes, moderation) depends only on these options, so that it is rendered once
// for all IRC readers alike; replies to one reader (numerics) name that reader (`me`). Rooms
// are channels: room "games" is "#games" (room names never hold a character IRC reserves).
namespace IrcRendering {

struct Options
{
    bool enabled = false;
    bool self = false;            // the reader is the event's actor
    bool serverTime = false;      // IRCv3 server-time: @time on lines with a time
    bool messageIds = false;      // IRCv3 message-tags: @msgid on messages
    bool echoMessage = false;     // IRCv3 echo-message: a sender sees its own messages
    bool batch = false;           // IRCv3 batch: history comes in a chathistory batch
    bool userhostInNames = false; // IRCv3 userhost-in-names: nick!user@host in 353
    bool awayNotify = false;      // IRCv3 away-notify: AWAY when someone in a channel goes away
    bool accountTag = false;      // IRCv3 account-tag: @account on what someone with one says
    bool extendedJoin = false;    // IRCv3 extended-join: JOIN #room account :realname
    bool multiPrefix = false;     // IRCv3 multi-prefix: "@+" in NAMES and WHO, not only "@"
    QString serverName;           // the source of numerics and server notices
    QString serverInfo;           // the line about the server (WHOIS's 312)
    QString me; // the reader's nickname, for replies to it alone; empty in what rooms share

    bool operator==(const Options &) const = default;
};

// The channel of a room, and the room of a channel (empty when it is not one of ours).
QString channel(const QString &room);
QString room(QStringView channel);
// The channel mode letter of a room rule (Ergo's +R for registered-only), and the rule of a
// letter; null and empty for what has none. One table, read both ways, so MODE and 324 agree.
QChar modeOf(QStringView rule);
QString ruleOf(QChar mode);
// Whether the letter is set while its rule is off: +n (no external messages) is the chat's
// outside-messages rule off, as every room starts.
bool isInverted(QChar mode);
// A ban mask as IRC writes it and as the chat does (BanMask: a nick or a pattern of nicks,
// "account:" name, or an address or subnet). IRC's nick!user@host shows no one's real address
// (every host is the same), so only two of its forms mean something here: "nick!*@*" is the nick
// (or pattern, "guest*!*@*", but not wildcards alone), "*!*@address" the address (an IP address
// or subnet, not a host name); anything else is left as it is, and IrcModes refuses it. The
// other way, a nick is "nick!*@*" and an address "*!*@address"; an account mask stays as it is.
QString chatMask(const QString &ircMask);
QString ircMask(const QString &chatMask);
// The source of a person's lines: nick!nick@host. Everyone shows the same host: addresses are
// not shown to other users.
QString source(const QString &nick);

// The msgid of a line said in a room or privately (IRCv3 message-tags): a room line's names its
// place in the room ("<id>-<seq>"), so that CHATHISTORY can page from it; a private message's is
// its id; a TAGMSG's is the one it was given (MessageLog::momentaryId(): never stored, it names
// no place). roomSeqOf() and privateIdOf() read them back (0: not one of ours).
QString messageId(const Event &event);
quint64 roomSeqOf(QStringView msgid);
quint64 privateIdOf(QStringView msgid);

// Whether event is a line of history (a page that CHATHISTORY, HISTORY, JOIN or a login brought)
// rather than something happening now.
bool isHistory(const Event &event);

// The lines of event, each ending in CR LF; empty when IRC has nothing to show for it. A reply's
// label is the IRC verb that asked (IrcDialect): it decides the form (352 for WHO, 353 for
// NAMES) and is never shown.
QByteArray render(const Event &event, const Options &options);

// The label of a look that asks for a room's mutes alone: its member list is rendered as a 367
// line ("m:<nick>", InspIRCd's mute extban) for each muted member, to the room's operators and
// owner (who alone may see the ban list), and as nothing to the others.
inline constexpr QLatin1StringView MutesLabel{"MUTES"};

// A numeric reply: ":server 403 me #room :No such channel".
QByteArray numeric(const Options &options, int code, const QString &me, QStringList params);

} // namespace IrcRendering
