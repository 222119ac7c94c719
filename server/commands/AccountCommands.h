// SPDX-License-Identifier: MIT
#pragma once

#include <QHash>
#include <QSet>
#include <QString>

#include <functional>

class ChatContext;
class Command;
class Session;

// Registered nicknames: register, identify (and login <nick> <password>), password,
// unregister. Every password is hashed or checked off the event loop (AccountHasher) after
// the throttle's wait (AccountGate); meanwhile the session's later lines wait their turn
// (Session::pauseInput), so that "login alice secret" then "say hi" works in one go. An
// account reaches the store before its owner is told.
class AccountCommands
{
public:
    explicit AccountCommands(ChatContext &chat);

    // login <nick> [password] for a registered nick (AccessCommands has checked the rest):
    // with the password, logs in once it is right; without, asks for it (error 902) and
    // remembers the nickname for identify.
    void logIn(Session *session, const Command &command, const QString &nick);

    void registerNick(Session *session, const Command &command);
    void identify(Session *session, const Command &command);
    void password(Session *session, const Command &command);
    void unregister(Session *session, const Command &command);
    // oper <account> <password>: the person acts as an administrator from now on, when the
    // account is one of --administrators and the password its own (checked as a login's is,
    // so a wrong one counts toward the connection's limit); NoPrivileges for another account.
    void oper(Session *session, const Command &command);

    void forget(const Session *session) { m_asked.remove(session); }

private:
    // Logs session in as the registered nick once password proves it theirs.
    void logInWith(Session *session, const Command &command, const QString &nick,
                   const QString &password);
    // Checks password against the account of key, then calls accepted; a wrong one is
    // answered here (and, after too many, closes the connection). Input waits meanwhile.
    void check(Session *session, const Command &command, const QString &key,
               const QString &password, std::function<void()> accepted);
    // Whether password may be an account's; if not, says why.
    bool acceptable(Session *session, const Command &command, const QString &password);

    ChatContext &m_chat;
    // The registered nickname each session asked for with login, for identify.
    QHash<const Session *, QString> m_asked;
    // Keys being registered (hashing, storing), so that the name is not registered twice.
    QSet<QString> m_registering;
};
