// SPDX-License-Identifier: MIT
#include "commands/Permissions.h"

namespace Permissions {

namespace {

struct Rule
{
    CommandType command;
    Standing least;    // the lowest standing allowed
    ErrorCode refusal; // what everyone below it gets
};

// clang-format off
constexpr Rule Rules[] = {
    {CommandType::Say,    Standing::Member,   ErrorCode::CannotSendToRoom},
    {CommandType::Me,     Standing::Member,   ErrorCode::CannotSendToRoom},
    {CommandType::Kick,   Standing::Operator, ErrorCode::NotRoomOperator},
    {CommandType::Mute,   Standing::Operator, ErrorCode::NotRoomOperator},
    {CommandType::Unmute, Standing::Operator, ErrorCode::NotRoomOperator},
    {CommandType::Op,     Standing::Owner,    ErrorCode::NotRoomOperator},
    {CommandType::Deop,   Standing::Owner,    ErrorCode::NotRoomOperator},
};
// clang-format on

const Rule *ruleFor(CommandType command)
{
    for (const Rule &rule : Rules) {
        if (rule.command == command)
            return &rule;
    }
    return nullptr;
}

} // namespace

bool governs(CommandType command)
{
    return ruleFor(command) != nullptr;
}

ErrorCode check(CommandType command, Standing standing)
{
    const Rule *rule = ruleFor(command);
    if (!rule || standing >= rule->least)
        return ErrorCode::None;
    return rule->refusal;
}

} // namespace Permissions
