// SPDX-License-Identifier: MIT
#include "irc/IrcHelp.h"

using namespace Qt::StringLiterals;

namespace {

struct Entry
{
    QLatin1StringView verb;
    QLatin1StringView usage;
    QLatin1StringView text; // lines, separated by '\n'
};

// In the order a newcomer looks for them.
constexpr Entry Entries[] = {
    {"PRIVMSG"_L1, "PRIVMSG <#channel|nick>[,...] :<text>"_L1,
     "Says text in a channel (the chat's say) or to one person (msg).\n"
     "CTCP ACTION is the chat's me; other CTCP is dropped."_L1},
    {"NOTICE"_L1, "NOTICE <#channel|nick> :<text>"_L1,
     "A note (the chat's note): shown and kept like a message, and never answered\n"
     "automatically, not even by an away text."_L1},
    {"TAGMSG"_L1, "@+<tag>[=<value>];... TAGMSG <#channel|nick>[,...]"_L1,
     "Sends the client-only tags alone (typing, a reaction) to those whose clients take\n"
     "message-tags; nothing is kept."_L1},
    {"JOIN"_L1, "JOIN <#channel>[,...] [<key>[,...]]"_L1,
     "Enters channels, with their keys in the same order; one that does not exist is made\n"
     "and you own it. JOIN 0 leaves every channel."_L1},
    {"PART"_L1, "PART <#channel>[,...] [:<reason>]"_L1,
     "Leaves channels; everyone there reads the reason."_L1},
    {"TOPIC"_L1, "TOPIC <#channel> [:<topic>]"_L1,
     "Shows the topic, or sets it; an empty one clears it."_L1},
    {"NAMES"_L1, "NAMES <#channel>[,...]"_L1, "Who is in a channel (@ runs it, + has a voice)."_L1},
    {"LIST"_L1, "LIST [<#filter>]"_L1, "The channels, with how many are in each and the topic."_L1},
    {"WHO"_L1, "WHO <#channel|mask>"_L1,
     "The people in a channel, or whose nickname the mask matches (* is everyone)."_L1},
    {"WHOIS"_L1, "WHOIS <nick>"_L1,
     "About one person: names, channels, account, whether away or an operator."_L1},
    {"WHOWAS"_L1, "WHOWAS <nick> [<count>]"_L1,
     "When someone left under that nickname or took another, newest first."_L1},
    {"NICK"_L1, "NICK <nick>"_L1,
     "Renames you, for everyone on every client. A registered nickname is its owner's."_L1},
    {"AWAY"_L1, "AWAY [:<text>]"_L1,
     "Away with a text, or back without one; a private message to you is answered with it\n"
     "once."_L1},
    {"MODE"_L1, "MODE <#channel> [<changes> [<arguments>]]"_L1,
     "Shows or changes a channel's rules: +i invite-only, +t topic lock, +m moderated,\n"
     "+n no outside messages, +R registered only, +k key, +l limit; people: +o operator,\n"
     "+v voice; lists: +b ban (m:nick mutes), +I may enter invite-only.\n"
     "MODE <your nick> +i: invisible, left out of WHO by a mask for people who share no\n"
     "channel with you."_L1},
    {"KICK"_L1, "KICK <#channel> <nick> [:<reason>]"_L1,
     "Sends someone out of a channel you run (the chat's kick)."_L1},
    {"INVITE"_L1, "INVITE <nick> <#channel>"_L1,
     "Lets someone into an invite-only channel, once."_L1},
    {"TBAN"_L1, "TBAN <#channel> <duration> <mask>"_L1,
     "A ban (or, with m:nick, a mute) for a while: 90, 10m, 1h30m, 2w."_L1},
    {"ISON"_L1, "ISON <nick> ..."_L1, "Which of these nicknames are here."_L1},
    {"USERHOST"_L1, "USERHOST <nick> ..."_L1, "The source of each of these people."_L1},
    {"CHATHISTORY"_L1, "CHATHISTORY <LATEST|BEFORE|AFTER|AROUND|BETWEEN|TARGETS> ..."_L1,
     "Earlier lines of a channel or a private conversation, from the server's store\n"
     "(IRCv3 draft/chathistory)."_L1},
    {"OPER"_L1, "OPER <account> <password>"_L1,
     "Makes you an IRC operator: the account must be one of the server's administrators."_L1},
    {"KILL"_L1, "KILL <nick> [:<reason>]"_L1, "Disconnects someone (IRC operators)."_L1},
    {"WALLOPS"_L1, "WALLOPS :<text>"_L1, "A line to every IRC operator (IRC operators)."_L1},
    {"MOTD"_L1, "MOTD"_L1, "The message of the day again."_L1},
    {"LUSERS"_L1, "LUSERS"_L1, "How many people and channels there are."_L1},
    {"INFO"_L1, "INFO"_L1, "About this server."_L1},
    {"LINKS"_L1, "LINKS [<mask>]"_L1, "The servers: this one alone."_L1},
    {"TIME"_L1, "TIME"_L1, "The server's time."_L1},
    {"PING"_L1, "PING <token>"_L1,
     "Answered with PONG once everything your earlier lines caused is sent."_L1},
    {"QUIT"_L1, "QUIT [:<reason>]"_L1, "Logs out; the others read the reason."_L1},
    {"HELP"_L1, "HELP [<command>]"_L1,
     "About an IRC command, or one of the chat's (send those with /quote); alone, the\n"
     "chat's commands."_L1},
};

} // namespace

QStringList IrcHelp::about(const QString &verb)
{
    for (const Entry &entry : Entries) {
        if (verb.compare(entry.verb, Qt::CaseInsensitive) != 0)
            continue;
        QStringList lines{QString(entry.usage)};
        lines += QString(entry.text).split(u'\n');
        return lines;
    }
    return {};
}
