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
    Moderated,   // the room is moderated
    Banned,      // the person speaks from outside the room and its bans catch them
    OnOthers,    // the command names someone else
    OnSelf,      // the command names the person who runs it
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
    {CommandType::Say,    Standing::Operator, ErrorCode::BannedFromRoom,   When::Banned},
    {CommandType::Say,    Standing::Member,   ErrorCode::CannotSendToRoom},
    {CommandType::Say,    Standing::Voiced,   ErrorCode::CannotSendToRoom, When::Moderated},
    {CommandType::Me,     Standing::Operator, ErrorCode::BannedFromRoom,   When::Banned},
    {CommandType::Me,     Standing::Member,   ErrorCode::CannotSendToRoom},
    {CommandType::Me,     Standing::Voiced,   ErrorCode::CannotSendToRoom, When::Moderated},
    {CommandType::Note,   Standing::Operator, ErrorCode::BannedFromRoom,   When::Banned},
    {CommandType::Note,   Standing::Member,   ErrorCode::CannotSendToRoom},
    {CommandType::Note,   Standing::Voiced,   ErrorCode::CannotSendToRoom, When::Moderated},
    {CommandType::Tagmsg, Standing::Operator, ErrorCode::BannedFromRoom,   When::Banned},
    {CommandType::Tagmsg, Standing::Member,   ErrorCode::CannotSendToRoom},
    {CommandType::Tagmsg, Standing::Voiced,   ErrorCode::CannotSendToRoom, When::Moderated},
    {CommandType::Topic,  Standing::Operator, ErrorCode::NotRoomOperator, When::TopicLocked},
    {CommandType::Kick,   Standing::Operator, ErrorCode::NotRoomOperator},
    {CommandType::Mute,   Standing::Operator, ErrorCode::NotRoomOperator},
    {CommandType::Unmute, Standing::Operator, ErrorCode::NotRoomOperator},
    {CommandType::Voice,  Standing::Operator, ErrorCode::NotRoomOperator},
    {CommandType::Devoice, Standing::Operator, ErrorCode::NotRoomOperator},
    {CommandType::Ban,    Standing::Operator, ErrorCode::NotRoomOperator},
    {CommandType::Unban,  Standing::Operator, ErrorCode::NotRoomOperator},
    {CommandType::Bans,   Standing::Operator, ErrorCode::NotRoomOperator},
    {CommandType::Allow,  Standing::Operator, ErrorCode::NotRoomOperator},
    {CommandType::Disallow, Standing::Operator, ErrorCode::NotRoomOperator},
    {CommandType::Allowed, Standing::Operator, ErrorCode::NotRoomOperator},
    {CommandType::Exempt, Standing::Operator, ErrorCode::NotRoomOperator},
    {CommandType::Unexempt, Standing::Operator, ErrorCode::NotRoomOperator},
    {CommandType::Exempted, Standing::Operator, ErrorCode::NotRoomOperator},
    {CommandType::Invite, Standing::Operator, ErrorCode::NotRoomOperator},
    {CommandType::Rule,   Standing::Operator, ErrorCode::NotRoomOperator},
    {CommandType::Modlog, Standing::Operator, ErrorCode::NotRoomOperator},
    {CommandType::Op,     Standing::Owner,    ErrorCode::NotRoomOperator},
    // Whoever runs the room may step down; others lose the role to the owner alone.
    {CommandType::Deop,   Standing::Owner,    ErrorCode::NotRoomOperator, When::OnOthers},
    {CommandType::Deop,   Standing::Operator, ErrorCode::NotRoomOperator, When::OnSelf},
};

// The commands only administrators may run.
constexpr CommandType AdministratorsOnly[] = {
    CommandType::Notice,
    CommandType::Wallops,
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

bool applies(When when, const Situation &situation)
{
    switch (when) {
    case When::Always:
        return true;
    case When::TopicLocked:
        return situation.topicLocked && situation.changes;
    case When::Moderated:
        return situation.moderated;
    case When::Banned:
        return situation.banned;
    case When::OnOthers:
        return !situation.onSelf;
    case When::OnSelf:
        return situation.onSelf;
    }
    return true;
}

} // namespace

bool governs(CommandType command)
{
    return std::any_of(std::begin(Rules), std::end(Rules),
                       [command](const Rule &rule) { return rule.command == command; });
}

ErrorCode check(CommandType command, Standing standing, const Situation &situation)
{
    // A command may have several rules, each for its situation: the first that refuses says no.
    for (const Rule &rule : Rules) {
        if (rule.command == command && standing < rule.least && applies(rule.when, situation))
            return rule.refusal;
    }
    return ErrorCode::None;
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
