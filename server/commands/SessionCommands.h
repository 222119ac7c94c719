// SPDX-License-Identifier: MIT
#pragma once

class ChatContext;
class Command;
class Session;
class User;

// The connection itself: help, settings, ping and pong.
class SessionCommands
{
public:
    explicit SessionCommands(ChatContext &chat);

    void help(Session *session, const Command &command);
    void set(Session *session, const Command &command);
    void ping(Session *session, const Command &command);
    void pong(Session *session, const Command &command);
    // Away with a text (flag "away" in users and who; private messages get the text back
    // once), and back; both announced to the person's rooms when they change something.
    void away(Session *session, const Command &command);
    void back(Session *session, const Command &command);

private:
    void announceAway(const User *user);

    ChatContext &m_chat;
};
