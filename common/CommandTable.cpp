// SPDX-License-Identifier: MIT
#include "CommandTable.h"

#include <QCoreApplication>
#include <QHash>

using namespace Qt::StringLiterals;

namespace {

QList<CommandSpec> makeTable()
{
    using A = Availability;
    using R = RoomTarget;
    using S = ArgShape;
    using T = CommandType;
    // clang-format off
    return {
        {T::Login,   u"login"_s,   {},                 S::NameWord,     R::No,  A::BeforeLogin, "login <nick> [password]",
         QT_TRANSLATE_NOOP("CommandTable", "Log in with a nickname, and its password if it is registered.")},
        {T::Pass,    u"pass"_s,    {},                 S::Text,         R::No,  A::BeforeLogin, "pass <password>",
         QT_TRANSLATE_NOOP("CommandTable", "Give the server's password before logging in, where one is set.")},
        {T::Logout,  u"logout"_s,  {u"quit"_s},        S::OptionalText, R::No,  A::Always,      "logout [words]",
         QT_TRANSLATE_NOOP("CommandTable", "Leave the server.")},
        {T::Say,     u"say"_s,     {},                 S::Text,         R::Yes, A::LoggedIn,    "say [#room] <text>",
         QT_TRANSLATE_NOOP("CommandTable", "Say something to the room (plain text does the same).")},
        {T::Me,      u"me"_s,      {},                 S::Text,         R::Yes, A::LoggedIn,    "me [#room] <action>",
         QT_TRANSLATE_NOOP("CommandTable", "Describe an action, shown as \"* nick waves\".")},
        {T::Look,    u"look"_s,    {},                 S::None,         R::Yes, A::LoggedIn,    "look [#room]",
         QT_TRANSLATE_NOOP("CommandTable", "Show who is in this room.")},
        {T::Who,     u"who"_s,     {},                 S::Filter,       R::No,  A::LoggedIn,    "who [filter] [page]",
         QT_TRANSLATE_NOOP("CommandTable", "Show everyone logged in and the rooms each is in, a page at a time (/who ali: the names with ali in them).")},
        {T::List,    u"list"_s,    {},                 S::Filter,       R::No,  A::LoggedIn,    "list [filter] [page]",
         QT_TRANSLATE_NOOP("CommandTable", "Show the rooms with their member counts and topics, a page at a time (/list gam*: the names starting with gam).")},
        {T::Create,  u"create"_s,  {},                 S::Name,         R::No,  A::LoggedIn,    "create <room>",
         QT_TRANSLATE_NOOP("CommandTable", "Create a room and enter it.")},
        {T::Join,    u"join"_s,    {u"select"_s},      S::NameWord,     R::No,  A::LoggedIn,    "join <room> [key]",
         QT_TRANSLATE_NOOP("CommandTable", "Enter a room (with rooms one, leaving the one you are in).")},
        {T::Leave,   u"leave"_s,   {u"part"_s},        S::OptionalName, R::No,  A::LoggedIn,    "leave [room [words]]",
         QT_TRANSLATE_NOOP("CommandTable", "Leave a room, or the one you are talking in.")},
        {T::Switch,  u"switch"_s,  {},                 S::Name,         R::No,  A::LoggedIn,    "switch <room>",
         QT_TRANSLATE_NOOP("CommandTable", "Talk in another of the rooms you are in.")},
        {T::Msg,     u"msg"_s,     {},                 S::NameText,     R::No,  A::LoggedIn,    "msg <nick> <text>",
         QT_TRANSLATE_NOOP("CommandTable", "Send a private message that only that person sees.")},
        {T::Note,    u"note"_s,    {},                 S::Text,         R::Yes, A::LoggedIn,    "note [#room|@nick] <text>",
         QT_TRANSLATE_NOOP("CommandTable", "Send a note to the room, or to one person with @nick: a line nobody answers automatically, as bots write (IRC's NOTICE).")},
        {T::Nick,    u"nick"_s,    {},                 S::Name,         R::No,  A::LoggedIn,    "nick <new>",
         QT_TRANSLATE_NOOP("CommandTable", "Change your nickname.")},
        {T::Topic,   u"topic"_s,   {},                 S::OptionalText, R::Yes, A::LoggedIn,    "topic [#room] [text]",
         QT_TRANSLATE_NOOP("CommandTable", "Show the room's topic, or set it.")},
        {T::History, u"history"_s, {},                 S::Words,        R::No,  A::LoggedIn,    "history [room|@nick] [count] [messages] [before|after|around <number>|<time> | between <number>|<time> <number>|<time>]",
         QT_TRANSLATE_NOOP("CommandTable", "Show earlier messages of a room, or of your private messages with someone.")},
        {T::Resume,  u"resume"_s,  {},                 S::Words,        R::No,  A::BeforeLogin, "resume <token> [room:number ...] [@:number]",
         QT_TRANSLATE_NOOP("CommandTable", "Come back after a dropped connection, with what you missed.")},
        {T::Help,    u"help"_s,    {u"h"_s, u"?"_s},   S::OptionalName, R::No,  A::Always,      "help [command]",
         QT_TRANSLATE_NOOP("CommandTable", "List the commands, or explain one.")},
        {T::Set,     u"set"_s,     {},                 S::Setting,      R::No,  A::Always,      "set [time|tagged|lang|rooms|invisible] [value]",
         QT_TRANSLATE_NOOP("CommandTable", "Show your settings, or change one: time on|off, tagged on|off, lang en|zh_CN, rooms one|many, invisible on|off.")},
        {T::Ping,    u"ping"_s,    {},                 S::Token,        R::No,  A::Always,      "ping [token]",
         QT_TRANSLATE_NOOP("CommandTable", "Check that the server answers; it replies pong.")},
        {T::Pong,    u"pong"_s,    {},                 S::Token,        R::No,  A::Always,      "pong [token]",
         QT_TRANSLATE_NOOP("CommandTable", "Answer the server's ping.")},
        {T::Register, u"register"_s, {},               S::Name,         R::No,  A::LoggedIn,    "register <password>",
         QT_TRANSLATE_NOOP("CommandTable", "Register your nickname, so that only you can use it.")},
        {T::Identify, u"identify"_s, {},               S::Name,         R::No,  A::BeforeLogin, "identify <password>",
         QT_TRANSLATE_NOOP("CommandTable", "Give the password of the registered nickname you tried to log in with.")},
        {T::Password, u"password"_s, {},               S::Words,        R::No,  A::LoggedIn,    "password <old> <new>",
         QT_TRANSLATE_NOOP("CommandTable", "Change the password of your registered nickname.")},
        {T::Unregister, u"unregister"_s, {},           S::Name,         R::No,  A::LoggedIn,    "unregister <password>",
         QT_TRANSLATE_NOOP("CommandTable", "Give up your registered nickname.")},
        {T::Op,      u"op"_s,      {},                 S::Name,         R::Yes, A::LoggedIn,    "op [#room] <nick>",
         QT_TRANSLATE_NOOP("CommandTable", "Make someone an operator of the room (its owner only).")},
        {T::Deop,    u"deop"_s,    {},                 S::Name,         R::Yes, A::LoggedIn,    "deop [#room] <nick>",
         QT_TRANSLATE_NOOP("CommandTable", "Take someone's operator rights in the room (its owner only).")},
        {T::Kick,    u"kick"_s,    {},                 S::NameMaybeText, R::Yes, A::LoggedIn,   "kick [#room] <nick> [reason]",
         QT_TRANSLATE_NOOP("CommandTable", "Put someone out of the room (operators).")},
        {T::Mute,    u"mute"_s,    {},                 S::NameWord,     R::Yes, A::LoggedIn,    "mute [#room] <nick> [seconds]",
         QT_TRANSLATE_NOOP("CommandTable", "Let someone read but not speak in the room, for a while or until unmuted (operators).")},
        {T::Unmute,  u"unmute"_s,  {},                 S::Name,         R::Yes, A::LoggedIn,    "unmute [#room] <nick>",
         QT_TRANSLATE_NOOP("CommandTable", "Let a muted person speak again (operators).")},
        {T::Voice,   u"voice"_s,   {},                 S::Name,         R::Yes, A::LoggedIn,    "voice [#room] <nick>",
         QT_TRANSLATE_NOOP("CommandTable", "Let someone speak in a moderated room (operators).")},
        {T::Devoice, u"devoice"_s, {},                 S::Name,         R::Yes, A::LoggedIn,    "devoice [#room] <nick>",
         QT_TRANSLATE_NOOP("CommandTable", "Take back someone's voice in a moderated room (operators).")},
        {T::Ban,     u"ban"_s,     {},                 S::NameMaybeText, R::Yes, A::LoggedIn,   "ban [#room] <mask> [duration] [reason]",
         QT_TRANSLATE_NOOP("CommandTable", "Keep a nick, account:<name> or address out of the room, for a while (30s, 10m, 2h, 7d) or for good (operators).")},
        {T::Unban,   u"unban"_s,   {},                 S::Name,         R::Yes, A::LoggedIn,    "unban [#room] <mask>",
         QT_TRANSLATE_NOOP("CommandTable", "Lift a ban (operators).")},
        {T::Bans,    u"bans"_s,    {},                 S::None,         R::Yes, A::LoggedIn,    "bans [#room]",
         QT_TRANSLATE_NOOP("CommandTable", "Show who is banned from the room (operators).")},
        {T::Allow,   u"allow"_s,   {},                 S::Name,         R::Yes, A::LoggedIn,    "allow [#room] <mask>",
         QT_TRANSLATE_NOOP("CommandTable", "Let a nick, account:<name> or address into the room without an invitation while it is invite-only (operators).")},
        {T::Disallow, u"disallow"_s, {},               S::Name,         R::Yes, A::LoggedIn,    "disallow [#room] <mask>",
         QT_TRANSLATE_NOOP("CommandTable", "Take back an allow: the mask needs an invitation again (operators).")},
        {T::Allowed, u"allowed"_s, {},                 S::None,         R::Yes, A::LoggedIn,    "allowed [#room]",
         QT_TRANSLATE_NOOP("CommandTable", "Show who enters the room without an invitation (operators).")},
        {T::Exempt,  u"exempt"_s,  {},                 S::Name,         R::Yes, A::LoggedIn,    "exempt [#room] <mask>",
         QT_TRANSLATE_NOOP("CommandTable", "Let a nick, account:<name> or address into the room even when a ban catches it (operators).")},
        {T::Unexempt, u"unexempt"_s, {},               S::Name,         R::Yes, A::LoggedIn,    "unexempt [#room] <mask>",
         QT_TRANSLATE_NOOP("CommandTable", "Take back an exemption: the room's bans hold for the mask again (operators).")},
        {T::Exempted, u"exempted"_s, {},               S::None,         R::Yes, A::LoggedIn,    "exempted [#room]",
         QT_TRANSLATE_NOOP("CommandTable", "Show who the room's bans do not keep out (operators).")},
        {T::Invite,  u"invite"_s,  {},                 S::Name,         R::Yes, A::LoggedIn,    "invite [#room] <nick>",
         QT_TRANSLATE_NOOP("CommandTable", "Let someone into an invite-only room, once (operators).")},
        {T::Rule,    u"rule"_s,    {},                 S::Words,        R::Yes, A::LoggedIn,    "rule [#room] <invite-only|topic-lock|registered-only|moderated|outside-messages|secret> <on|off> | limit <count|off> | key <word|off> [more rules and values]",
         QT_TRANSLATE_NOOP("CommandTable", "Turn rules of the room on or off, or give it a limit of people or a key to join with (operators).")},
        {T::Away,    u"away"_s,    {},                 S::OptionalText, R::No,  A::LoggedIn,    "away [text]",
         QT_TRANSLATE_NOOP("CommandTable", "Say that you are away; private messages get your text back.")},
        {T::Back,    u"back"_s,    {},                 S::None,         R::No,  A::LoggedIn,    "back",
         QT_TRANSLATE_NOOP("CommandTable", "Say that you are back.")},
        {T::Notice,  u"notice"_s,  {},                 S::Text,         R::No,  A::LoggedIn,    "notice <text>",
         QT_TRANSLATE_NOOP("CommandTable", "Tell everyone on the server something (administrators).")},
        {T::Disconnect, u"disconnect"_s, {},           S::NameMaybeText, R::No, A::LoggedIn,    "disconnect <nick> [reason]",
         QT_TRANSLATE_NOOP("CommandTable", "Close someone's connections (administrators).")},
        {T::Close,   u"close"_s,   {},                 S::NameMaybeText, R::No, A::LoggedIn,    "close <room> [reason]",
         QT_TRANSLATE_NOOP("CommandTable", "Close a room: everyone leaves and it is removed (administrators).")},
        {T::Modlog,  u"modlog"_s,  {},                 S::OptionalName, R::Yes, A::LoggedIn,    "modlog [#room] [count]",
         QT_TRANSLATE_NOOP("CommandTable", "Show the room's latest moderation acts: who did what to whom, when and why (operators).")},
        {T::Conversations, u"conversations"_s, {},     S::Words,        R::No,  A::LoggedIn,    "conversations <time> <time> [count]",
         QT_TRANSLATE_NOOP("CommandTable", "List your rooms and private conversations with messages between two times, from the first time toward the second.")},
        {T::Whowas,  u"whowas"_s,  {},                 S::NameWord,     R::No,  A::LoggedIn,    "whowas <nick> [count]",
         QT_TRANSLATE_NOOP("CommandTable", "Show who last went by a nickname: when they left or took another name, newest first.")},
        {T::Oper,    u"oper"_s,    {},                 S::NameWord,     R::No,  A::LoggedIn,    "oper <account> <password>",
         QT_TRANSLATE_NOOP("CommandTable", "Act as a server administrator under any nickname, with an administrator's account and its password.")},
        {T::Wallops, u"wallops"_s, {},                 S::Text,         R::No,  A::LoggedIn,    "wallops <text>",
         QT_TRANSLATE_NOOP("CommandTable", "Tell the server's other administrators something, and nobody else (administrators).")},
        {T::Tagmsg,  u"tagmsg"_s,  {},                 S::OptionalText, R::Yes, A::LoggedIn,    "tagmsg [#room|@nick]",
         QT_TRANSLATE_NOOP("CommandTable", "Send an IRC client's tags alone (typing, a reaction) to a room or one person; IRC clients show them.")},
    };
    // clang-format on
}

} // namespace

namespace CommandTable {

const QList<CommandSpec> &all()
{
    static const QList<CommandSpec> table = makeTable();
    return table;
}

const CommandSpec *find(QStringView word)
{
    static const QHash<QString, const CommandSpec *> byWord = [] {
        QHash<QString, const CommandSpec *> words;
        for (const CommandSpec &spec : all()) {
            words.insert(spec.name, &spec);
            for (const QString &alias : spec.aliases)
                words.insert(alias, &spec);
        }
        return words;
    }();
    return byWord.value(word.toString().toLower(), nullptr);
}

const CommandSpec &spec(CommandType type)
{
    return all().at(static_cast<int>(type));
}

} // namespace CommandTable
