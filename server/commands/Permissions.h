// SPDX-License-Identifier: MIT
#pragma once

#include "CommandTable.h"
#include "ErrorCode.h"

// Who may do what in a room, as data: a person's standing in the room × the command → allowed,
// or the error that refuses it; and who may enter a room. CommandProcessor asks before any
// handler runs, so that no handler checks a role or a room's rule itself; tst_permissions
// holds the whole matrix.
namespace Permissions {

// Ordered: each standing may do what the ones below it may.
enum class Standing {
    Muted,         // a member who may read but not speak
    Member,        // anyone in the room
    Voiced,        // a member an operator gave a voice: speaks in a moderated room
    Operator,      // named by the owner: kick, mute, ban, invite, the room's rules
    Owner,         // created the room: names operators
    Administrator, // named in the configuration: everything, in every room
};

// What a rule may depend on besides the standing: the room's rules and what the command does.
struct Situation
{
    bool topicLocked = false; // the room's topic-lock rule is on
    bool moderated = false;   // the room's moderated rule is on
    bool changes = false;     // the command changes something (a topic with text), not only
                              // shows it
    bool banned = false;      // a person outside the room (saying something to it from
                              // outside, see RoomModes) whom a running ban of it catches
    bool onSelf = false;      // the command names the person who runs it (deop: stepping down)
};

// Whether the command is about a room and its standing there decides it (in some situation).
bool governs(CommandType command);
// ErrorCode::None when a person of this standing may run the command.
ErrorCode check(CommandType command, Standing standing, const Situation &situation = {});

// Commands about the whole server rather than a room (notice, disconnect, close): whether
// one is, and ErrorCode::None when the person may run it (administrator: named in the
// configuration and identified).
bool governsServer(CommandType command);
ErrorCode checkServer(CommandType command, bool administrator);

// What decides whether someone may enter a room (join).
struct Entry
{
    Standing standing = Standing::Member; // as they would stand in it (a registered operator
                                          // or owner is one before entering)
    bool banned = false;                  // a running ban in the room catches them
    bool uninvited = false;               // the room is invite-only and they hold no invitation
    // The room has a key and they gave another, or none; an invitation lets them past it, as on
    // IRC.
    bool keyless = false;
    bool full = false;         // the room's limit is reached; an invitation passes
    bool unregistered = false; // the room is registered-only and they are not identified
};
// ErrorCode::None when they may enter. The room's operators, owner and the administrators
// always may: a room's rules keep out others, never the people who run it.
ErrorCode checkEntry(const Entry &entry);

} // namespace Permissions
