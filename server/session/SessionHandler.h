// SPDX-License-Identifier: MIT
#pragma once

#include <QString>

class Command;
class Session;

// What a Session tells the one object that runs its commands (CommandProcessor). Direct calls,
// not signals: each session has exactly one such listener, and a server holds thousands of
// sessions; two signal connections apiece cost more than the flags and counters a session keeps.
class SessionHandler
{
public:
    // A well-formed command from the session's peer, in the order it came.
    virtual void commandReceived(Session *session, const Command &command) = 0;
    // The session ended, whatever the cause; called once. reason is logged and counted. The
    // object is deleted later, once its connection has sent what it could.
    virtual void sessionClosed(Session *session, const QString &reason) = 0;

protected:
    ~SessionHandler() = default;
};
