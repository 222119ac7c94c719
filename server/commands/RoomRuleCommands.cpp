// SPDX-License-Identifier: MIT
#include "commands/RoomRuleCommands.h"

#include "NameRules.h"
#include "commands/ChatContext.h"
#include "commands/ModerationCommands.h"
#include "core/Room.h"
#include "core/User.h"
#include "session/Session.h"

using namespace Qt::StringLiterals;

RoomRuleCommands::RoomRuleCommands(ChatContext &chat, ModerationCommands &moderation)
    : m_chat(chat)
    , m_moderation(moderation)
{
}

void RoomRuleCommands::rule(Session *session, const Command &command)
{
    Room *room = m_chat.targetRoom(session, command);
    if (!room)
        return;
    const QStringList words = command.arguments();
    if (words.size() < 2 || words.size() % 2 != 0)
        return m_chat.fail(session, command, ErrorCode::NeedMoreParams,
                           QString::fromLatin1(command.spec().usage));
    // Every change is checked before any is made: a command does all it says or nothing.
    struct Change
    {
        RoomModes::Rule rule;
        bool on;
        QString value; // a limit or a key in place of "on"
    };
    QList<Change> changes;
    for (qsizetype i = 0; i < words.size(); i += 2) {
        const std::optional<RoomModes::Rule> rule = RoomModes::parse(words[i]);
        const QString &word = words[i + 1];
        const bool off = word.compare("off"_L1, Qt::CaseInsensitive) == 0;
        if (!rule || (!RoomModes::takesValue(*rule) && !off &&
                      word.compare("on"_L1, Qt::CaseInsensitive) != 0))
            return m_chat.fail(session, command, ErrorCode::NeedMoreParams,
                               QString::fromLatin1(command.spec().usage));
        Change change{*rule, !off, {}};
        if (RoomModes::takesValue(*rule) && !off) {
            const std::optional<QString> checked = RoomModes::valueOf(*rule, word);
            if (!checked)
                return m_chat.fail(session, command, ErrorCode::InvalidRuleValue,
                                   QString(RoomModes::name(*rule)));
            change.value = *checked;
        }
        changes << change;
    }
    QStringList announced;
    for (const Change &change : std::as_const(changes)) {
        if (room->modes().set(change.rule, change.on, change.value))
            m_chat.roomRules().setRule(room, change.rule, change.on, session->user()->nick(),
                                       change.value);
        announced << QString(RoomModes::name(change.rule))
                  << (!change.on               ? u"off"_s
                      : change.value.isEmpty() ? u"on"_s
                                               : change.value);
    }
    if (changes.size() == 1)
        m_moderation.announce(session, command, room, u"rule"_s, announced[0], announced[1]);
    else
        m_moderation.announceTogether(session, command, room, u"rule"_s, announced);
}

void RoomRuleCommands::invite(Session *session, const Command &command)
{
    Room *room = m_chat.targetRoom(session, command);
    if (!room)
        return;
    const QString nick = NameRules::normalized(command.argument(0));
    const ModerationTarget invitee = ModerationTarget::find(m_chat.directory(), nick);
    if (!invitee.exists())
        return m_chat.fail(session, command, ErrorCode::NoSuchNick, nick);
    // Someone in the room needs no invitation; one kept for later would let them back in after
    // a kick (IRC's 443).
    if (invitee.isIn(room))
        return m_chat.fail(session, command, ErrorCode::AlreadyInRoom, invitee.nick(), room);
    const QString key = invitee.key();
    room->modes().invite(key);
    m_chat.roomRules().invite(room, key, session->user()->nick());
    const Event invitation =
        m_moderation.announce(session, command, room, u"invite"_s, invitee.nick(), {});
    // The invitee is not in the room: they hear it too, to know they may join (from their own
    // node, if it is another).
    if (invitee.user && !invitee.user->isIn(room))
        invitee.user->send(invitation);
}

void RoomRuleCommands::entered(Session *session, Room *room)
{
    const QString key = RoomRoles::keyOf(session->user());
    if (!room->modes().isInvited(key))
        return;
    room->modes().useInvitation(key);
    m_chat.roomRules().ended(room, StoredSanction::Kind::Invite, key);
}
