// SPDX-License-Identifier: MIT
#pragma once

#include "CommandTable.h"
#include "ErrorCode.h"

// Who may do what in a room, as data: a person's standing in the room × the command → allowed,
// or the error that refuses it. CommandProcessor asks before any handler runs, so that no
// handler checks a role itself; tst_permissions holds the whole matrix.
namespace Permissions {

// Ordered: each standing may do what the ones below it may.
enum class Standing {
    Muted,         // a member who may read but not speak
    Member,        // anyone in the room
    Operator,      // named by the owner: kick, mute
    Owner,         // created the room: names operators
    Administrator, // named in the configuration: everything, in every room
};

// Whether the command is about a room and its standing there decides it.
bool governs(CommandType command);
// ErrorCode::None when a person of this standing may run the command.
ErrorCode check(CommandType command, Standing standing);

} // namespace Permissions
