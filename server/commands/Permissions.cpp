// SPDX-License-Identifier: MIT
#include "commands/Permissions.h"

#include <algorithm>
#include <iterator>

namespace Permissions {

namespace {

// When a rule applies.
enum class When {
    Always,
    TopicLocked, // the room's topic is locked and the command would change it
};

struct Rule
{
    CommandType command;
    Standing least;    // the lowest standing allowed
    ErrorCode refusal; // what everyone below it gets
    When when = When::Always;
};

// clang-format off
constexpr Rule Rules[] = {
    {CommandType::Say,    Standing::Member,   ErrorCode::CannotSendToRoom},
    {CommandType::Me,     Standing::Member,   ErrorCode::CannotSendToRoom},
    {CommandType::Topic,  Standing::Operator, ErrorCode::NotRoomOperator, When::TopicLocked},
    {CommandType::Kick,   Standing::Operator, ErrorCode::NotRoomOperator},
    {CommandType::Mute,   Standing::Operator, ErrorCode::NotRoomOperator},
    {CommandType::Unmute, Standing::Operator, ErrorCode::NotRoomOperator},
    {CommandType::Ban,    Standing::Operator, ErrorCode::NotRoomOperator},
    {CommandType::Unban,  Standing::Operator, ErrorCode::NotRoomOperator},
    {CommandType::Bans,   Standing::Operator, ErrorCode::NotRoomOperator},
    {CommandType::Invite, Standing::Operator, ErrorCode::NotRoomOperator},
    {CommandType::Rule,   Standing::Operator, ErrorCode::NotRoomOperator},
    {CommandType::Modlog, Standing::Operator, ErrorCode::NotRoomOperator},
    {CommandType::Op,     Standing::Owner,    ErrorCode::NotRoomOperator},
    {CommandType::Deop,   Standing::Owner,    ErrorCode::NotRoomOperator},
};

// The commands only administrators may run.
constexpr CommandType AdministratorsOnly[] = {
    CommandType::Notice,
    CommandType::Disconnect,
    CommandType::Close,
};

struct EntryRule
{
    bool Entry::*applies;
    Standing least;
    ErrorCode refusal;
};

// In this order: a banned person hears that they are banned, not that the room is invite-only.
constexpr EntryRule EntryRules[] = {
    {&Entry::banned,       Standing::Operator, ErrorCode::BannedFromRoom},
    {&Entry::uninvited,    Standing::Operator, ErrorCode::InviteOnlyRoom},
    {&Entry::keyless,      Standing::Operator, ErrorCode::BadRoomKey},
    {&Entry::full,         Standing::Operator, ErrorCode::RoomFull},
    {&Entry::unregistered, Standing::Operator, ErrorCode::NeedRegisteredNick},
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

bool applies(When when, const Situation &situation)
{
    switch (when) {
    case When::Always:
        return true;
    case When::TopicLocked:
        return situation.topicLocked && situation.changes;
    }
    return true;
}

} // namespace

bool governs(CommandType command)
{
    return ruleFor(command) != nullptr;
}

ErrorCode check(CommandType command, Standing standing, const Situation &situation)
{
    const Rule *rule = ruleFor(command);
    if (!rule || standing >= rule->least || !applies(rule->when, situation))
        return ErrorCode::None;
    return rule->refusal;
}

bool governsServer(CommandType command)
{
    return std::find(std::begin(AdministratorsOnly), std::end(AdministratorsOnly), command) !=
           std::end(AdministratorsOnly);
}

ErrorCode checkServer(CommandType command, bool administrator)
{
    return governsServer(command) && !administrator ? ErrorCode::NoPrivileges : ErrorCode::None;
}

ErrorCode checkEntry(const Entry &entry)
{
    for (const EntryRule &rule : EntryRules) {
        if (entry.*rule.applies && entry.standing < rule.least)
            return rule.refusal;
    }
    return ErrorCode::None;
}

} // namespace Permissions
