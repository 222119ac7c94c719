// SPDX-License-Identifier: MIT
#pragma once

#include <QList>
#include <QString>
#include <QStringView>

enum class CommandType {
    Login,
    Pass,
    Logout,
    Say,
    Me,
    Look,
    Who,
    List,
    Create,
    Join,
    Leave,
    Switch,
    Msg,
    Note,
    Nick,
    Topic,
    History,
    Resume,
    Help,
    Set,
    Ping,
    Pong,
    Register,
    Identify,
    Password,
    Unregister,
    Op,
    Deop,
    Kick,
    Mute,
    Unmute,
    Voice,
    Devoice,
    Ban,
    Unban,
    Bans,
    Allow,
    Disallow,
    Allowed,
    Exempt,
    Unexempt,
    Exempted,
    Invite,
    Rule,
    Away,
    Back,
    Notice,
    Disconnect,
    Close,
    Modlog,
    Conversations,
    Whowas,
    Oper,
    Wallops,
    Tagmsg,
};

// How the words after the command word are split into arguments.
enum class ArgShape {
    None,          // nothing may follow
    Name,          // one name: the rest of the line
    OptionalName,  // nothing, or one name: the rest of the line
    Text,          // free text, not empty
    NameText,      // a name, then free text
    NameWord,      // a name, then optionally one more word
    NameMaybeText, // a name, then optionally free text
    OptionalText,  // free text, possibly empty
    Setting,       // zero, one or two words
    Token,         // nothing, or a token echoed back: the rest of the line
    Words,         // any number of words, each an argument
    Filter,        // nothing, a filter, a page number, or a filter and a page number; typed
                   // without "/" in the text rendering, words after the command are chat
};

// Whether a command may name the room it is about with a leading "#room" word ("say #games
// hi"); without it, it is about the session's current room.
enum class RoomTarget {
    No,
    Yes,
};

// Which session states a command works in. The server enforces it; help shows it.
enum class Availability {
    Always,
    BeforeLogin,
    LoggedIn,
};

struct CommandSpec
{
    CommandType type;
    QString name;
    QStringList aliases;
    ArgShape shape;
    RoomTarget roomTarget;
    Availability availability;
    const char *usage;   // e.g. "msg <nick> <text>"; the words in <> are translated
    const char *summary; // one line of help, marked for translation in context "CommandTable"
};

// The command table: every command, its words, arguments and help, in one place.
namespace CommandTable {

const QList<CommandSpec> &all();

// The spec whose name or alias is word (case-insensitive), or nullptr.
const CommandSpec *find(QStringView word);
const CommandSpec &spec(CommandType type);

} // namespace CommandTable
