// SPDX-License-Identifier: MIT
#pragma once

#include <QHash>
#include <QString>
#include <QStringList>

#include <optional>

class AccountCommands;
class ChatContext;
class Command;
class Session;
class User;

// Who you are, coming and going: the server password, login, resume after a dropped
// connection, logout, and changing your nickname. Registered nicknames (AccountCommands) are
// protected here: logging in with one needs its password, and nobody else may take one or a
// look-alike of one.
class AccessCommands
{
public:
    // Wrong resume tokens one connection may try before it is closed.
    static constexpr int MaxWrongTokens = 3;

    // accounts: where a registered nickname's login goes.
    AccessCommands(ChatContext &chat, AccountCommands &accounts);

    void pass(Session *session, const Command &command);
    void login(Session *session, const Command &command);
    void resume(Session *session, const Command &command);
    void logout(Session *session, const Command &command);
    void nick(Session *session, const Command &command);

    void forget(const Session *session) { m_wrongTokens.remove(session); }

private:
    // Where a resuming client stands: the last sequence number it saw per room ("hall:120")
    // and the last private message id ("@:88"). Not valid when an argument is malformed.
    struct Positions
    {
        bool valid = true;
        QHash<QString, quint64> rooms; // by NameRules::key
        std::optional<quint64> privateId;
    };
    static Positions parsePositions(const QStringList &arguments, qsizetype maxCount);
    void wrongToken(Session *session, const Command &command);
    // resume's second half, once the person is this node's (user).
    void resumeAs(Session *session, const Command &command, User *user, const Positions &positions);
    // nick's second half, once the name is this node's to give.
    void rename(Session *session, const Command &command, const QString &newNick);

    ChatContext &m_chat;
    AccountCommands &m_accounts;
    QHash<const Session *, int> m_wrongTokens;
};
