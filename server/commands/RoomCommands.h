// SPDX-License-Identifier: MIT
#pragma once

#include "commands/Listing.h"

class ChatContext;
class Command;
class Session;

// Rooms: making, entering, leaving and switching between them, their topics, who is where, and
// who was (Departures).
class RoomCommands
{
public:
    explicit RoomCommands(ChatContext &chat);

    void create(Session *session, const Command &command);
    void join(Session *session, const Command &command);
    void leave(Session *session, const Command &command);
    void switchTo(Session *session, const Command &command);
    void look(Session *session, const Command &command);
    void who(Session *session, const Command &command);
    void whowas(Session *session, const Command &command);
    void list(Session *session, const Command &command);
    void topic(Session *session, const Command &command);

private:
    // The room named by a command's argument ("games" or "#games"); replies and returns null
    // when there is none.
    class Room *namedRoom(Session *session, const Command &command);
    // False, with the error sent, when the person may not enter one more room.
    bool hasRoomFor(Session *session, const Command &command);
    void sendListing(Session *session, const Command &command, Listing::What what);

    ChatContext &m_chat;
};
