// SPDX-License-Identifier: MIT
#pragma once

#include "Event.h"
#include "store/StoredMessage.h"

#include <QList>

class ChatContext;
class Command;
class Session;

// What people say: to a room, to one person, and what was said before.
class MessageCommands
{
public:
    explicit MessageCommands(ChatContext &chat);

    void say(Session *session, const Command &command);
    void me(Session *session, const Command &command);
    void msg(Session *session, const Command &command);
    void note(Session *session, const Command &command);
    void tagmsg(Session *session, const Command &command);
    void history(Session *session, const Command &command);
    void conversations(Session *session, const Command &command);

private:
    void post(Session *session, const Command &command, StoredMessage::Kind kind);
    void postPrivate(Session *session, const Command &command, const QString &nick,
                     const QString &text, StoredMessage::Kind kind);
    QList<Event> conversationEvents(const TargetsPage &page, const QString &label) const;

    ChatContext &m_chat;
};
